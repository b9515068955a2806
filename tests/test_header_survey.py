"""Headers of pages saved from other law portals, issuers and years (session 11 survey).

The development plans all come from one crawler and one year; these documents reproduce the
header structures seen in real pages of other portals, in invented words and figures (the
province names are real, the numbers, dates, titles and people are not). Each test names the
pages where its form was seen; ``parse`` reads the whole file, no component is replaced.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

FIELDS = ("type", "number", "date", "issuer", "place", "signer")


def _parse(tmp_path: Path, text: str, name: str = "trang.md"):
    return parse_text(tmp_path, text, name)


def _meta(doc) -> dict:
    meta = doc.meta.to_dict()
    return {k: meta[k] for k in FIELDS}


def _codes(doc) -> list[str]:
    return [w.code for w in doc.warnings]


# One line per header row, each cell's first line only, under a paywall notice: seen on
# https://hethongphapluat.vn/quyet-dinh-757-qd-ubnd-nam-2014-ve-quy-che-hoat-dong-cua-to-cong-tac-thuc-hien-ke-hoach-nang-cao-chi-so-nang-luc-canh-tranh-pci-tinh-quang-ninh.html
# https://ls1.hethongphapluat.com/ke-hoach-2254-kh-ubnd-nam-2017-ve-phong-chong-dich-benh-truyen-nhiem-nam-2018-do-tinh-quang-binh-ban-hanh.html
# https://dulieuphapluat.vn/van-ban/hanh-chinh-van-ban/quyet-dinh-412019qd-ubnd-quy-dinh-ve-che-do-bao-cao-dinh-ky-phuc-vu-muc-tieu-quan-ly-tren-dia-ban-tinh-quang-tri-47183.html
PAYWALL_ONE_LINE_ROWS = """\
Để sử dụng đầy đủ các tiện ích của trang văn bản này, xin vui lòng chọn một gói dịch vụ phù hợp và đăng ký tài khoản thành viên.
Nếu đã có tài khoản, xin mời ĐĂNG NHẬP để xem tiếp.
ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 1183/QĐ-UBND | Ninh Bình, ngày 08 tháng 5 năm 2015 |
QUYẾT ĐỊNH
V/V BAN HÀNH QUY CHẾ PHỐI HỢP QUẢN LÝ CỤM CÔNG NGHIỆP TỈNH NINH BÌNH
ỦY BAN NHÂN DÂN TỈNH NINH BÌNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Xét đề nghị của Sở Công Thương tại Tờ trình số 52/TTr-SCT ngày 20/4/2015,
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp quản lý cụm công nghiệp tỉnh Ninh Bình.
Điều 2. Quyết định có hiệu lực kể từ ngày ký.
Điều 3. Giám đốc Sở Công Thương; Chủ tịch Ủy ban nhân dân các huyện chịu trách nhiệm thi hành quyết định này./.
| TM. ỦY BAN NHÂN DÂN |
QUY CHẾ
PHỐI HỢP QUẢN LÝ CỤM CÔNG NGHIỆP TỈNH NINH BÌNH
(Ban hành kèm theo Quyết định số 1183/QĐ-UBND ngày 08/5/2015 của Ủy ban nhân dân tỉnh Ninh Bình)
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc phối hợp quản lý cụm công nghiệp.
Điều 2. Trách nhiệm của Sở Công Thương
Sở Công Thương chủ trì, phối hợp với Sở Tài chính kiểm tra cụm công nghiệp hằng năm.
"""


def test_paywall_notice_above_the_header_is_skipped(tmp_path: Path) -> None:
    """A notice that opens like a preamble ("Để …") stood where the header starts: the header
    was not read at all and the "V/V" of the title made the decision a Công văn. The lost
    second line of the issuer's cell comes back from the authority line under the title; the
    signer's name, lost by the crawl, stays empty with a warning."""
    doc = _parse(tmp_path, PAYWALL_ONE_LINE_ROWS)
    assert _meta(doc) == {
        "type": "Quyết định", "number": "1183/QĐ-UBND", "date": "2015-05-08",
        "issuer": "Ủy ban nhân dân tỉnh Ninh Bình", "place": "Ninh Bình", "signer": None,
    }
    assert "meta_unreadable" in _codes(doc) and "meta_incomplete" not in _codes(doc)
    assert [a["type"] for a in doc.meta.attached] == ["Quy chế"]


# The list of related documents above the header, each "- <n><title>": seen on
# https://hethongphapluat.vn/quyet-dinh-712-qd-ubnd-nam-2023-cong-bo-danh-muc-thu-tuc-hanh-chinh-moi-ban-hanh-thu-tuc-hanh-chinh-bi-bai-bo-trong-linh-vuc-dang-ky-bien-phap-bao-dam-thuoc-pham-vi-chuc-nang-quan-ly-nha-nuoc-cua-so-tu-phap-tinh-hung-yen.html
# https://hethongphapluat.com/quyet-dinh-674-qd-bnn-khcn-nam-2014-phe-duyet-de-an-khung-san-pham-quoc-gia-san-pham-ca-da-tron-viet-nam-chat-luong-cao-va-san-pham-che-bien-tu-ca-da-tron-do-bo-truong-bo-nong-nghiep-va-phat-trien-nong-thon-ban-hanh.html
RELATED_LIST = """\
- 1Nghị định 63/2010/NĐ-CP về kiểm soát thủ tục hành chính
- 2Luật tổ chức chính quyền địa phương 2015
- 3Quyết định số 1877/QĐ-BNV năm 2022 công bố thủ tục hành chính mới trong lĩnh vực thi đua, khen thưởng
ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 642/QĐ-UBND | Thái Nguyên, ngày 17 tháng 3 năm 2023 |
QUYẾT ĐỊNH
CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH MỚI BAN HÀNH TRONG LĨNH VỰC THI ĐUA, KHEN THƯỞNG
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;
Xét đề nghị của Giám đốc Sở Nội vụ,
QUYẾT ĐỊNH:
Điều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính mới ban hành.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
| KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đinh Văn Hòa |
"""


def test_related_documents_list_is_not_the_header(tmp_path: Path) -> None:
    """The list's "số 1877/QĐ-BNV" is not the decision's number. The issuer's cell kept only
    "ỦY BAN NHÂN DÂN" (read as such before); the authority line "CHỦ TỊCH ỦY BAN NHÂN DÂN
    TỈNH" gives the level, the place-date line the place."""
    doc = _parse(tmp_path, RELATED_LIST)
    assert _meta(doc) == {
        "type": "Quyết định", "number": "642/QĐ-UBND", "date": "2023-03-17",
        "issuer": "Ủy ban nhân dân tỉnh Thái Nguyên", "place": "Thái Nguyên",
        "signer": "Đinh Văn Hòa",
    }


# A place name wrapped inside its cell after a number wrapped in its own ("Số:" /
# "772/KH-UBND" / "|" / "Cao" / "Bằng, ngày …"): seen on
# https://thuviennhadat.vn/vbpl/ke-hoach-772-kh-ubnd-2020-thuc-hien-nghi-quyet-35-nq-cp-phat-trien-giao-duc-va-dao-tao-cao-bang-448105.html
# https://thuvienphapluat.vn/van-ban/Giao-duc/Ke-hoach-36-KH-UBND-2022-Chuong-trinh-Suc-khoe-hoc-duong-Ca-Mau-2022-2025-510529.aspx?tab=3
# https://thuviennhadat.vn/vbpl/thong-tu-07-2010-tt-bnnptnt-huong-dan-quy-hoach-phat-trien-san-xuat-nong-nghiep-cap-xa-theo-bo-tieu--101235.html
# https://thuvienphapluat.vn/bulletin/document.aspx?bid=6aa924a9-742b-4435-83e1-fc1a623b7052&key=W4fe1fhYeUbULF15aaJrUA%3D%3D
WRAPPED_PLACE = """\
BỘ
NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN
-------
|
CỘNG
HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập – Tự do – Hạnh phúc
---------
|
Số:
19/2012/TT-BNNPTNT
|
Hà
Nội, ngày 02 tháng 5 năm 2012
|
THÔNG TƯ
HƯỚNG DẪN QUẢN LÝ GIỐNG CÂY TRỒNG LÂM NGHIỆP
Căn cứ Nghị định số 01/2008/NĐ-CP ngày 03 tháng 01 năm 2008 của
Chính phủ;
Bộ Nông nghiệp và Phát triển
nông thôn hướng dẫn như sau:
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm
vi điều chỉnh
Thông tư này hướng dẫn quản lý giống cây trồng lâm nghiệp.
Nơi nhận:
- Văn phòng Chính phủ;
- Lưu: VT.
|
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Hứa Đức Nhị
|
"""


def test_place_wrapped_in_its_cell_keeps_its_first_word(tmp_path: Path) -> None:
    """The number's fragment joined with the next cell's "Nội, ngày …" read the place as
    "Nội"; a cell's own lines are now read before joins across cells."""
    meta = _meta(_parse(tmp_path, WRAPPED_PLACE))
    assert (meta["place"], meta["date"], meta["number"]) == ("Hà Nội", "2012-05-02",
                                                             "19/2012/TT-BNNPTNT")
    assert meta["issuer"] == "Bộ Nông nghiệp và Phát triển nông thôn"


def test_place_wrapped_after_a_number_on_one_line(tmp_path: Path) -> None:
    text = WRAPPED_PLACE.replace("Số:\n19/2012", "Số: 19/2012").replace(
        "Hà\nNội", "Thừa\nThiên Huế").replace("BỘ\nNÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN",
                                             "ỦY BAN NHÂN DÂN\nTỈNH THỪA THIÊN HUẾ")
    meta = _meta(_parse(tmp_path, text))
    assert (meta["place"], meta["issuer"]) == ("Thừa Thiên Huế", "Ủy ban nhân dân tỉnh Thừa Thiên Huế")


# The two columns interleaved line by line with a single space ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ
# HỘI …" / "HUYỆN … Độc lập - Tự do - Hạnh phúc"), markup left above: seen on
# http://www.haugiang.gov.vn/Portal/DocView.aspx?pageid=2890&ItemID=157589&mid=4973&pageindex=3&siteid=57
# https://www.scribd.com/document/702831930/28-9-23-Chu-de-nam-hoc-23-24-ct
INTERLEAVED_ONE_SPACE = """\
</xml
ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN PHÚ TÂN Độc lập - Tự do - Hạnh phúc


Số: 318/UBND Phú Tân, ngày 09 tháng 5 năm 2016

V/v tổ chức tháng hành động vì an toàn thực phẩm năm 2016

Kính gửi:

- Phòng Y tế huyện;

- Ủy ban nhân dân các xã, thị trấn.

Thực hiện Kế hoạch số 21/KH-BCĐ ngày 28 tháng 4 năm 2016 của Ban Chỉ đạo liên ngành về an toàn thực phẩm tỉnh, Chủ tịch Ủy ban nhân dân huyện có ý kiến như sau:

1. Giao Phòng Y tế huyện chủ trì, phối hợp các đơn vị liên quan triển khai tháng hành động.

2. Ủy ban nhân dân các xã, thị trấn tổ chức tuyên truyền trên địa bàn.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Huỳnh Văn Tư
"""


def test_motto_in_new_spelling_is_cut_from_an_interleaved_line(tmp_path: Path) -> None:
    """"CỘNG HÒA" (Ò then A) was not cut from "ỦY BAN NHÂN DÂN CỘNG HÒA …", so the whole line
    counted as motto and the issuer lost its body: "Huyện Phú Tân"."""
    assert _meta(_parse(tmp_path, INTERLEAVED_ONE_SPACE)) == {
        "type": "Công văn", "number": "318/UBND", "date": "2016-05-09",
        "issuer": "Ủy ban nhân dân huyện Phú Tân", "place": "Phú Tân", "signer": "Huỳnh Văn Tư",
    }


def test_department_under_its_province_interleaved(tmp_path: Path) -> None:
    text = """\
You are on page 1of 5

UBND TỈNH QUẢNG NGÃI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

SỞ Y TẾ Độc lập - Tự do - Hạnh phúc


Số: 1880/HD-SYT Quảng Ngãi, ngày 11 tháng 9 năm 2022
HƯỚNG DẪN
Thực hiện công tác tiêm chủng mở rộng năm 2022

Thực hiện Quyết định số 1512/QĐ-BYT ngày 03/6/2022 của Bộ Y tế, Sở Y tế hướng dẫn như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Trung tâm Kiểm soát bệnh tật tỉnh chủ trì triển khai thực hiện.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Lê Thị Hạnh
"""
    meta = _meta(_parse(tmp_path, text))
    assert (meta["type"], meta["issuer"], meta["signer"]) == ("Hướng dẫn", "Sở Y tế tỉnh Quảng Ngãi",
                                                             "Lê Thị Hạnh")


# Tags left in the text of a document-sharing site ("UBND TỈNH …<b> CỘNG HOÀ …</b>"), a letter
# of a district office with "&" in its number: seen on
# https://text.123docz.net/document/8411257-cong-van-huong-dan-hoi-thi-giao-vien-day-gioi.htm
# https://thcs-thanhvan-nghean.violet.vn/entry/cong-van-278-pgd-dt-thcs-2014-ve-viec-huong-dan-thuc-hien-nhiem-vu-gdth-nam-hoc-2014-2015-10629701.html
def test_markup_tags_stay_out_of_the_issuer(tmp_path: Path) -> None:
    text = """\
Bạn đang xem bản rút gọn của tài liệu. Xem và tải ngay bản đầy đủ của tài liệu tại đây (98.10 KB, 6 trang )

<span class='text_page_counter'>(1)</span><div class='page_container' data-page=1>

UBND TỈNH NINH THUẬN<b> CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>
<b>SỞ GIÁO DỤC VÀ ĐÀO TẠO</b> <b> Độc lập - Tự do - Hạnh phúc</b>

Số:2741/SGD&ĐT <i>Ninh Thuận, ngày 14 tháng 10 năm 2011</i>

V/v Hướng dẫn Hội thi giáo viên
chủ nhiệm giỏi cấp tỉnh

Kính gửi: - Các Phòng Giáo dục và Đào tạo;

Sở Giáo dục và Đào tạo hướng dẫn tổ chức Hội thi như sau:

1. Các đơn vị gửi hồ sơ về Sở trước ngày 15/11/2011.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Trần Minh Quang
"""
    meta = _meta(_parse(tmp_path, text))
    assert meta == {"type": "Công văn", "number": "2741/SGD&ĐT", "date": "2011-10-14",
                    "issuer": "Sở Giáo dục và Đào tạo tỉnh Ninh Thuận", "place": "Ninh Thuận",
                    "signer": "Trần Minh Quang"}


def test_district_office_name_keeps_its_field_capitals(tmp_path: Path) -> None:
    text = INTERLEAVED_ONE_SPACE.replace("ỦY BAN NHÂN DÂN CỘNG", "UBND HUYỆN NGHI LỘC    CỘNG").replace(
        "HUYỆN PHÚ TÂN Độc", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO    Độc").replace(
        "Số: 318/UBND Phú Tân", "Số: 415/PGD&ĐT-TH    Nghi Lộc")
    meta = _meta(_parse(tmp_path, text))
    assert (meta["issuer"], meta["number"]) == ("Phòng Giáo dục và Đào tạo huyện Nghi Lộc",
                                                "415/PGD&ĐT-TH")


# A portal's info box above the document ("Số hiệu: … Loại văn bản: …", "Người ký: …",
# "Ngày ban hành: …", "Tình trạng: Đã biết") after its search bar and login links: seen on
# https://thuvienphapluat.vn/van-ban/The-thao-Y-te/Ke-hoach-3298-KH-UBND-2018-Tang-cuong-kiem-soat-ke-don-thuoc-va-ban-thuoc-ke-don-Hai-Duong-404004.aspx
# http://viettri.gov.vn/van-ban/thuc-hien-bao-cao-quyet-toan-ngan-sach-nha-nuoc-nam-2015_6.html
INFO_BOX = """\
Từ khoá: Số Hiệu, Tiêu đề hoặc Nội dung ngắn gọn của Văn Bản...

Thành Viên

Quên mật khẩu?   Đăng ký mới
Đăng nhập bằng Google

Kế hoạch 4107/KH-UBND năm 2019 thực hiện Chương trình nâng cao chất lượng bữa ăn học đường giai đoạn 2019-2025 của Bộ Giáo dục và Đào tạo trên địa bàn tỉnh Thái Bình

Số hiệu: 4107/KH-UBND Loại văn bản: Văn bản khác
Nơi ban hành: Tỉnh Thái Bình Người ký: Phạm Quốc Dũng
Ngày ban hành: 14/10/2019 Ngày hiệu lực: Đã biết
Ngày công báo: Đang cập nhật Số công báo: Đang cập nhật
Tình trạng: Đã biết

ỦY BAN NHÂN DÂN
TỈNH THÁI BÌNH

-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 4107/KH-UBND

Thái Bình, ngày 14 tháng 10 năm 2019

KẾ HOẠCH

THỰC HIỆN CHƯƠNG TRÌNH NÂNG CAO CHẤT LƯỢNG BỮA ĂN HỌC ĐƯỜNG TRÊN ĐỊA BÀN TỈNH THÁI BÌNH

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao nhận thức của học sinh về dinh dưỡng.

II. TỔ CHỨC THỰC HIỆN

1. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Y tế triển khai Kế hoạch này; báo cáo kết quả trước ngày 15/12 hằng năm.

Nơi nhận:
- Bộ Giáo dục và Đào tạo;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Phạm Quốc Dũng
"""
EXPECTED_INFO_BOX = {
    "type": "Kế hoạch", "number": "4107/KH-UBND", "date": "2019-10-14",
    "issuer": "Ủy ban nhân dân tỉnh Thái Bình", "place": "Thái Bình", "signer": "Phạm Quốc Dũng",
}


def test_info_box_that_agrees_adds_nothing(tmp_path: Path) -> None:
    doc = _parse(tmp_path, INFO_BOX)
    assert _meta(doc) == EXPECTED_INFO_BOX
    assert not [c for c in _codes(doc) if c.startswith("portal_box")]
    assert [s.id for s in doc.sections] == ["I", "I.1", "II", "II.1"]
    assert [d.section for d in doc.duties] == ["II.1"]


def test_info_box_that_disagrees_does_not_win_silently(tmp_path: Path) -> None:
    """The header's number and signer stay; a warning names what the box says instead."""
    text = INFO_BOX.replace("Số hiệu: 4107/KH-UBND", "Số hiệu: 4170/KH-UBND").replace(
        "Người ký: Phạm Quốc Dũng", "Người ký: Đặng Trọng Thăng")
    doc = _parse(tmp_path, text)
    assert _meta(doc) == EXPECTED_INFO_BOX
    disagree = [w.message for w in doc.warnings if w.code == "portal_box_disagrees"]
    assert len(disagree) == 2
    assert any("4170/KH-UBND" in m for m in disagree)
    assert any("Đặng Trọng Thăng" in m for m in disagree)


def test_info_box_never_fills_a_field_the_header_lacks(tmp_path: Path) -> None:
    text = INFO_BOX.replace("\nPhạm Quốc Dũng\n", "\n")
    doc = _parse(tmp_path, text)
    assert doc.meta.signer is None
    only = [w.message for w in doc.warnings if w.code == "portal_box_only"]
    assert only and "Phạm Quốc Dũng" in only[0]


# The loading notices of a portal above a header written as blank-separated lines: seen on
# https://hethongphapluat.com/ke-hoach-55-kh-ubnd-ve-phong-chong-dich-benh-truyen-nhiem-nam-2018-do-tinh-ha-tinh-ban-hanh.html
# https://ls1.hethongphapluat.com/quyet-dinh-30-2016-qd-ubnd-nguyen-tac-tieu-chi-va-dinh-muc-phan-bo-von-dau-tu-phat-trien-nguon-ngan-sach-nha-nuoc-tinh-hai-duong-giai-doan-2016-2020.html
# and the tabs of a mobile page: https://m.thuvienphapluat.vn/van-ban/Linh-vuc-khac/Quyet-dinh-5018-QD-BNN-TT-2021-De-an-Phat-trien-ben-vung-cay-an-qua-cac-tinh-vung-Tay-Bac-603659.aspx
def test_loading_notices_and_tabs_above_the_header(tmp_path: Path) -> None:
    text = """\
Hệ thống pháp luật
Đang tải nội dung, vui lòng chờ giây lát...
Đang tải nội dung, vui lòng chờ giây lát...

  • Thuộc tính
  • Nội dung
  • Lược đồ

BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 2716/QĐ-BNN-KH

Hà Nội, ngày 19 tháng 7 năm 2019

QUYẾT ĐỊNH

PHÊ DUYỆT KẾ HOẠCH ĐIỀU TRA NGUỒN LỢI THỦY SẢN NĂM 2020

BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN

Căn cứ Nghị định số 15/2017/NĐ-CP ngày 17/02/2017 của Chính phủ;

QUYẾT ĐỊNH:

Điều 1. Phê duyệt Kế hoạch điều tra nguồn lợi thủy sản năm 2020.

Điều 2. Tổng cục Thủy sản chủ trì, phối hợp với Vụ Kế hoạch tổ chức thực hiện.

Nơi nhận:
- Như Điều 2;
- Lưu: VT, KH.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Phùng Đức Tiến
"""
    assert _meta(_parse(tmp_path, text)) == {
        "type": "Quyết định", "number": "2716/QĐ-BNN-KH", "date": "2019-07-19",
        "issuer": "Bộ Nông nghiệp và Phát triển nông thôn", "place": "Hà Nội",
        "signer": "Phùng Đức Tiến",
    }


# An older council resolution: term and session lines between the issuer and the number, a
# type line naming the council, "T/M." and "K/T." in the signature: seen on
# https://luatminhkhue.vn/nghi-quyet-13-2001-nq-hdnd.aspx
def test_council_resolution_with_term_lines(tmp_path: Path) -> None:
    text = """\
HỘI ĐỒNG NHÂN DÂN

TỈNH YÊN BÁI

__________

Nhiệm kỳ 1999 – 2004

Kỳ họp thứ 5

Số: 21/2002/NQ-HĐND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Độc lập – Tự do – Hạnh phúc

Yên Bái, ngày 22 tháng 7 năm 2002

NGHỊ QUYẾT CỦA HĐND TỈNH YÊN BÁI

Về nhiệm vụ phát triển giao thông nông thôn 6 tháng cuối năm 2002

HỘI ĐỒNG NHÂN DÂN TỈNH YÊN BÁI

Căn cứ Luật tổ chức HĐND và UBND ngày 21.6.1994;

QUYẾT NGHỊ:

Điều 1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.

T/M. HỘI ĐỒNG NHÂN DÂN TỈNH YÊN BÁI

K/T. CHỦ TỊCH

PHÓ CHỦ TỊCH

(Đã ký)

Đỗ Minh Tâm
"""
    assert _meta(_parse(tmp_path, text)) == {
        "type": "Nghị quyết", "number": "21/2002/NQ-HĐND", "date": "2002-07-22",
        "issuer": "Hội đồng nhân dân tỉnh Yên Bái", "place": "Yên Bái", "signer": "Đỗ Minh Tâm",
    }


# A Party committee's conclusion: "ĐẢNG CỘNG SẢN VIỆT NAM" in the right column, "*" under the
# issuer, "Số 445-KL/TƯ" without a colon: seen on
# https://text.123docz.net/document/12849335-221-bs-sao-kl-ve-xd-ket-cau-ha-tang-pdf.htm
def test_party_committee_header(tmp_path: Path) -> None:
    text = """\
TỈNH ỦY QUẢNG BÌNH
ĐẢNG CỘNG SẢN VIỆT NAM
*
Số 318-KL/TƯ
Quảng Bình, ngày 06 tháng 9 năm 2021
KẾT LUẬN
HỘI NGHỊ LẦN THỨ TƯ BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHÓA XVII)
về phát triển du lịch đến năm 2025
Hội nghị lần thứ tư Ban Chấp hành Đảng bộ tỉnh (khóa XVII) họp ngày 30/8/2021 đã thảo luận và kết luận:
I. ĐÁNH GIÁ TÌNH HÌNH
Du lịch của tỉnh có bước phát triển khá.
II. NHIỆM VỤ, GIẢI PHÁP
1. Ban cán sự đảng UBND tỉnh lãnh đạo xây dựng kế hoạch thực hiện.
Nơi nhận:
- Lưu Văn phòng Tỉnh ủy.
T/M BAN CHẤP HÀNH
BÍ THƯ
Vũ Đại Thắng
"""
    assert _meta(_parse(tmp_path, text)) == {
        "type": "Kết luận", "number": "318-KL/TƯ", "date": "2021-09-06",
        "issuer": "Tỉnh ủy Quảng Bình", "place": "Quảng Bình", "signer": "Vũ Đại Thắng",
    }


# A department over its province in one cell, a notice signed "Q. GIÁM ĐỐC": the department
# forms of https://www.scribd.com/document/702831930/28-9-23-Chu-de-nam-hoc-23-24-ct and
# https://hethongphapluat.vn/huong-dan-681-hd-sgddt-nam-2013-thuc-hien-quy-dinh-quan-ly-day-them-hoc-them-do-so-giao-duc-va-dao-tao-thanh-pho-can-tho-ban-hanh.html
DEPARTMENT_NOTICE = """\
SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG
TỈNH ĐẮK NÔNG
-------

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------

Số: 85/TB-STNMT

Đắk Nông, ngày 03 tháng 4 năm 2019

THÔNG BÁO

Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 3 năm 2019

Ngày 29/3/2019, Sở Tài nguyên và Môi trường tổ chức họp giao ban. Giám đốc Sở kết luận như sau:

1. Văn phòng Sở chủ trì tổng hợp báo cáo trước ngày 10 hằng tháng.

Nơi nhận:
- Như trên;
- Lưu: VT.

Q. GIÁM ĐỐC

Trần Văn Bình
"""


def test_head_word_inside_a_department_name_is_a_common_word(tmp_path: Path) -> None:
    """"TRƯỜNG" of "MÔI TRƯỜNG" counted as a school's head word and capitalised the level
    after it: "Sở Tài nguyên và Môi trường Tỉnh Đắk Nông"."""
    assert _meta(_parse(tmp_path, DEPARTMENT_NOTICE)) == {
        "type": "Thông báo", "number": "85/TB-STNMT", "date": "2019-04-03",
        "issuer": "Sở Tài nguyên và Môi trường tỉnh Đắk Nông", "place": "Đắk Nông",
        "signer": "Trần Văn Bình",
    }


def test_steering_committee_name_is_not_split_at_phong() -> None:
    from chinhsach.structure.metadata import issuer_name

    assert issuer_name("BAN CHỈ ĐẠO PHÒNG CHỐNG TỘI PHẠM TỈNH NAM ĐỊNH") == (
        "Ban chỉ đạo phòng chống tội phạm tỉnh Nam Định")
    assert issuer_name("TRUNG TÂM KIỂM SOÁT BỆNH TẬT TỈNH KIÊN GIANG") == (
        "Trung tâm Kiểm soát bệnh tật tỉnh Kiên Giang")


# A directive whose issuer, motto and place-date wrap inside their cells ("UỶ BAN NHÂN" /
# "DÂN", "Quảng Bình," / "ngày 25 …"), signed by the office for the chairman ("TL. CHỦ TỊCH"
# over "KT. CHÁNH VĂN PHÒNG"): seen on
# https://thuvienphapluat.vn/van-ban/Tai-chinh-nha-nuoc/Chi-thi-08-CT-UBND-2015-tang-cuong-thuc-hien-nhiem-vu-tai-chinh-ngan-sach-Quang-Binh-284521.aspx
def test_directive_with_cells_wrapped_after_the_comma(tmp_path: Path) -> None:
    text = """\
UỶ BAN NHÂN
DÂN
TỈNH QUẢNG BÌNH
--------
|
CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số: 11/CT-UBND
|
Quảng Bình,
ngày 14 tháng 6 năm 2016
|
CHỈ THỊ
VỀ VIỆC TĂNG CƯỜNG CÔNG TÁC QUẢN LÝ THU NGÂN SÁCH NHÀ NƯỚC NĂM 2016
Thực hiện Nghị quyết số
01/NQ-CP ngày 07/01/2016 của Chính phủ, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:
1. Cục Thuế tỉnh chủ trì, phối hợp với Sở Tài chính rà soát nguồn thu, báo cáo trước ngày 30/9/2016.
Nơi nhận:
- Bộ Tài chính;
- Lưu: VT.
|
TL. CHỦ TỊCH
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Hoàng Minh Đức
|
"""
    assert _meta(_parse(tmp_path, text)) == {
        "type": "Chỉ thị", "number": "11/CT-UBND", "date": "2016-06-14",
        "issuer": "Ủy ban nhân dân tỉnh Quảng Bình", "place": "Quảng Bình",
        "signer": "Hoàng Minh Đức",
    }


# Each cell's first line on a line of its own, ending with "|"; the type line and title lost
# (the number's code gives the type): seen on
# https://vanban123.vn/Ke-hoach/Ke-hoach-335-KH-UBND-nam-2023-ve-Tuyen-sinh-vao-lop-6-trung-hoc-co-so-va-lop-10-trung-hoc-pho-thong-tren-dia-ban-tinh-Phu-Tho-nam-hoc-2023-2024-611957
# and the plan's own "Ủy ban nhân dân tỉnh … ban hành Kế hoạch …" in 6 of the plans read, e.g.
# https://thuviennhadat.vn/vbpl/ke-hoach-772-kh-ubnd-2020-thuc-hien-nghi-quyet-35-nq-cp-phat-trien-giao-duc-va-dao-tao-cao-bang-448105.html
ONE_CELL_PER_LINE = """\
ỦY BAN NHÂN DÂN |
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 208/KH-UBND |
Yên Bái, ngày 16 tháng 3 năm 2022 |
Căn cứ Quyết định số 1660/QĐ-TTg ngày 02/10/2021 của Thủ tướng Chính phủ;
Ủy ban nhân dân tỉnh Yên Bái ban hành Kế hoạch thực hiện Chương trình sức khỏe học đường năm 2022 như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Bảo đảm học sinh được chăm sóc sức khỏe.
II. TỔ CHỨC THỰC HIỆN
1. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Y tế tổ chức thực hiện.
Nơi nhận:
- Như trên;
- Lưu: VT.
| TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Vũ Thị Hiền Hạnh |
"""


def test_bare_issuer_takes_its_place_from_the_plans_own_sentence(tmp_path: Path) -> None:
    assert _meta(_parse(tmp_path, ONE_CELL_PER_LINE)) == {
        "type": "Kế hoạch", "number": "208/KH-UBND", "date": "2022-03-16",
        "issuer": "Ủy ban nhân dân tỉnh Yên Bái", "place": "Yên Bái",
        "signer": "Vũ Thị Hiền Hạnh",
    }


def test_bare_issuer_does_not_take_a_cited_higher_body(tmp_path: Path) -> None:
    """A district's plan that cites its province's: the place-date names the district, so
    the province's sentence does not complete the issuer (it stays as read)."""
    text = ONE_CELL_PER_LINE.replace("Yên Bái, ngày", "Lục Yên, ngày").replace(
        "Ủy ban nhân dân tỉnh Yên Bái ban hành", "Kế hoạch mà Ủy ban nhân dân tỉnh Yên Bái ban hành")
    doc = _parse(tmp_path, text)
    assert _meta(doc)["issuer"] == "Ủy ban nhân dân"
    assert "meta_incomplete" in _codes(doc)


def test_preamble_issuer_starts_at_the_body() -> None:
    """The capital-letter class À-Ỹ holds lower-case letters: the sentence's issuer was read
    from "ân dân tỉnh Cao Bằng"."""
    from chinhsach.structure.metadata import _preamble_issuer

    assert _preamble_issuer("Ủy ban nhân dân tỉnh Cao Bằng ban hành Kế hoạch triển khai") == (
        "Ủy ban nhân dân tỉnh Cao Bằng")
    assert _preamble_issuer("Ban Thường vụ Tỉnh ủy Sơn La ban hành Kế hoạch thực hiện") == (
        "Ban Thường vụ Tỉnh ủy Sơn La")
    assert _preamble_issuer("Ủy ban nhân dân tỉnh xây dựng kế hoạch") is None


def test_province_level_takes_only_a_province_name(tmp_path: Path) -> None:
    """Older provincial decisions date from the provincial capital ("Phan Rang-Tháp Chàm,
    ngày …", https://luatminhkhue.vn/quyet-dinh-55-2007-qd-ubnd-ve-ke-hoach-hanh-dong-vi-su-tien-bo-phu-nu-tinh-ninh-thuan-giai-doan-2006---2010.aspx):
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" and a city's name do not make an issuer."""
    text = RELATED_LIST.replace("Thái Nguyên, ngày", "Phan Thiết, ngày")
    doc = _parse(tmp_path, text)
    assert _meta(doc)["issuer"] == "Ủy ban nhân dân"
    assert "meta_incomplete" in _codes(doc)


def test_hyphenated_place_names(tmp_path: Path) -> None:
    """A place spelt with a hyphen kept only its last part ("Tháp Chàm", "Vũng Tàu"); an older
    decision's "Phan Rang-Tháp Chàm, ngày …" (the luatminhkhue page above) and a province's
    "Bà Rịa - Vũng Tàu" are read whole, and the province completes a bare issuer."""
    text = RELATED_LIST.replace("Thái Nguyên, ngày", "Bà Rịa - Vũng Tàu, ngày")
    meta = _meta(_parse(tmp_path, text))
    assert (meta["place"], meta["issuer"]) == ("Bà Rịa - Vũng Tàu",
                                               "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu")
    text = INTERLEAVED_ONE_SPACE.replace("Số: 318/UBND Phú Tân", "Số: 55/2007/QĐ-UBND Phan Rang-Tháp Chàm")
    assert _meta(_parse(tmp_path, text))["place"] == "Phan Rang-Tháp Chàm"


def test_attached_plan_under_one_line_rows_takes_the_decisions_body(tmp_path: Path) -> None:
    """The attached plan's own header in the same one-line rows ("ỦY BAN NHÂN DÂN | CỘNG HÒA …
    |", the hethongphapluat pages above) keeps only "Ủy ban nhân dân": the decision that issues
    it names the same body in full."""
    text = """\
Hệ thống pháp luật
Đang tải nội dung, vui lòng chờ giây lát...
ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 2210/QĐ-UBND | Hà Tĩnh, ngày 12 tháng 8 năm 2019 |
QUYẾT ĐỊNH
VỀ VIỆC BAN HÀNH KẾ HOẠCH PHÒNG, CHỐNG THIÊN TAI NĂM 2019
ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
Căn cứ Luật Phòng, chống thiên tai ngày 19/6/2013;
Xét đề nghị của Sở Nông nghiệp và Phát triển nông thôn,
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai năm 2019.
Điều 2. Quyết định có hiệu lực kể từ ngày ký.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
| TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đặng Quốc Vinh |
ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
KẾ HOẠCH
PHÒNG, CHỐNG THIÊN TAI NĂM 2019
(Ban hành kèm theo Quyết định số 2210/QĐ-UBND ngày 12/8/2019 của UBND tỉnh Hà Tĩnh)
I. MỤC ĐÍCH, YÊU CẦU
1. Chủ động phòng, chống thiên tai.
II. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Sở Tài chính triển khai Kế hoạch này.
"""
    doc = _parse(tmp_path, text)
    assert _meta(doc) == {
        "type": "Quyết định", "number": "2210/QĐ-UBND", "date": "2019-08-12",
        "issuer": "Ủy ban nhân dân tỉnh Hà Tĩnh", "place": "Hà Tĩnh", "signer": "Đặng Quốc Vinh",
    }
    [plan] = doc.meta.attached
    assert (plan["type"], plan["issuer"], plan["prefix"]) == ("Kế hoạch", "Ủy ban nhân dân tỉnh Hà Tĩnh",
                                                              "KH")
    assert [d.section for d in doc.duties] == ["KH.II.1"]


def test_an_excerpt_before_its_attached_plan_is_not_portal_text(tmp_path: Path) -> None:
    """A file that starts inside a decision's articles and goes on to the plan it issues: the
    plan's motto is near the top, but the articles above it are the document's own body, so
    the plan's header is not read as the file's."""
    text = """\
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai năm 2019 của tỉnh, với các nội dung được nêu cụ thể trong Kế hoạch kèm theo.
Điều 2. Quyết định có hiệu lực kể từ ngày ký.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đặng Quốc Vinh
ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
KẾ HOẠCH
PHÒNG, CHỐNG THIÊN TAI NĂM 2019
I. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Sở Tài chính triển khai Kế hoạch này.
"""
    doc = _parse(tmp_path, text)
    assert _meta(doc) == {"type": None, "number": None, "date": None, "issuer": None,
                          "place": None, "signer": "Đặng Quốc Vinh"}
    [plan] = doc.meta.attached
    assert (plan["type"], plan["issuer"]) == ("Kế hoạch", "Ủy ban nhân dân tỉnh Hà Tĩnh")
    assert [d.section for d in doc.duties] == ["KH.I.1"]
