"""Target forms of real provincial plans of other provinces and years (survey "survtarget").

The forms were read in real plans, decisions and programmes crawled from law portals (the
addresses are cited at each test); every text below is written for the test: an invented
province ("Hòa Vân"), invented topics and figures, the structure only of what was seen.
"""

from __future__ import annotations

from pathlib import Path

from chinhsach import parse
from chinhsach.model import Document

HEADER = """| ỦY BAN NHÂN DÂN TỈNH HÒA VÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: {number} | Hòa Vân, ngày {date} |

**KẾ HOẠCH**

**{title}**

"""


def _parse(tmp_path: Path, body: str, *, number: str = "19/KH-UBND", date: str = "08 tháng 01 năm 2019",
           title: str = "PHỔ CẬP BƠI CHO TRẺ EM TỈNH HÒA VÂN NĂM 2019") -> Document:
    path = tmp_path / "plan.txt"
    path.write_text(HEADER.format(number=number, date=date, title=title) + body, encoding="utf-8")
    return parse(path)


def _values(doc: Document) -> list[tuple[str, float | None]]:
    return [(t.section, t.value) for t in doc.targets]


# ---------------------------------------------------------------------------------------------
# Where targets stand: a situation division named by an ordinal or a number word
# ---------------------------------------------------------------------------------------------

# Yearly plans open with what the past year achieved, in a division of its own, named "Phần I."
# on one line or over its title (Tuyên Quang 2025, Hải Dương 2023, Hà Nam 2014), "Phần thứ
# nhất:" (a Phú Thọ report, 2015) or "PHẦN MỘT" over its title (Ninh Thuận 2012). The Roman form
# was read; the ordinal and the number word were not, so the situation's figures came out as
# targets of the plan.
#   https://nhansu.vn/van-ban-phap-luat/Ke-hoach-60-KH-UBND-2025-chuyen-doi-so-Tuyen-Quang-650000.html
#   https://thuvienphapluat.vn/van-ban/Cong-nghe-thong-tin/Ke-hoach-1914-KH-UBND-2023-chuyen-doi-so-Hai-Duong-570120.aspx?tab=7
#   https://snnptnt.hanam.gov.vn/Pages/Ke-hoach-Chuong-trinh-MTQG-Nuoc-sach---VSMT-nong-thon-tinh-Ha-Nam-nam-20141495723973.aspx
#   http://nongthonmoiphutho.vn/bao-cao-cua-so-nganh/bao-cao-so-nganh-2014/bao-cao-so-giao-duc-va-dao-tao-ve-ket-qua-thuc-hien-chuong-trinh-xay-dung-nong-thon-moi-nam-2014-phuong-huong-nhiem-326
#   https://thuviennhadat.vn/vbpl/ke-hoach-5872-kh-ubnd-thuc-hien-chien-luoc-phat-trien-giao-duc-2011-2020-ninh-thuan-2012-295944.html

ORDINAL_DIVISIONS = """**PHẦN THỨ NHẤT: KẾT QUẢ THỰC HIỆN NĂM 2018**

1. Tỷ lệ trẻ em biết bơi an toàn đạt 38%.

2. Có 21 bể bơi di động được lắp đặt tại trường học.

**PHẦN THỨ HAI: KẾ HOẠCH NĂM 2019**

1. Mục tiêu

Tỷ lệ trẻ em biết bơi an toàn đạt 45%; lắp đặt thêm 10 bể bơi di động.

2. Tổ chức thực hiện

Sở Giáo dục và Đào tạo chủ trì tổ chức các lớp dạy bơi.
"""


def test_an_ordinal_division_of_results_sets_no_targets(tmp_path: Path) -> None:
    doc = _parse(tmp_path, ORDINAL_DIVISIONS)
    parts = {s.id: s.part for s in doc.sections}
    assert parts["I"] == "situation" and parts["I.1"] == "situation"
    assert sorted(_values(doc)) == [("II.1", 10.0), ("II.1", 45.0)]
    assert all(t.year == 2019 for t in doc.targets)


NUMBER_WORD_DIVISIONS = """Căn cứ Quyết định số 150/QĐ-TTg ngày 10/01/2024 của Thủ tướng Chính phủ;

PHẦN MỘT

THỰC TRẠNG Y TẾ CƠ SỞ

Tỷ lệ trạm y tế xã có bác sĩ đạt 73%.

**1. Tiêm chủng**

Tỷ lệ tiêm chủng đầy đủ đạt 94%.

PHẦN HAI

MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP

**I. MỤC TIÊU**

1. Tỷ lệ tiêm chủng đầy đủ đạt trên 97%.

**II. TỔ CHỨC THỰC HIỆN**

1. Sở Y tế chủ trì triển khai Kế hoạch.
"""


def test_a_number_word_division_over_roman_parts(tmp_path: Path) -> None:
    doc = _parse(tmp_path, NUMBER_WORD_DIVISIONS, number="77/KH-UBND", date="02 tháng 6 năm 2024",
                 title="NÂNG CAO CHẤT LƯỢNG Y TẾ CƠ SỞ TỈNH HÒA VÂN GIAI ĐOẠN 2024 - 2028")
    parts = {s.id: s.part for s in doc.sections}
    assert parts["P1"] == "situation" and parts["P1.1"] == "situation"
    assert parts["P2.I"] == "objectives"
    assert _values(doc) == [("P2.I.1", 97.0)]


# ---------------------------------------------------------------------------------------------
# A run-in topic label before a chỉ tiêu clause
# ---------------------------------------------------------------------------------------------

# Resolutions and reviews group their clauses by field under a run-in label "Về <field>:" or
# "Về <field>," (An Giang's resolution of 2015, an item on the past five years; a review of the
# millennium goals); the outline already reads such labels as topics (structure/outline.py
# _TOPIC_RE). A clause with no subject of its own after the label ("Về <field>: đạt N bác
# sĩ/vạn dân") took the label as its indicator, which no annotator writes (GUIDELINES.md: a
# count per population is "số bác sĩ").
#   https://hethongphapluat.com/nghi-quyet-08-2015-nq-hdnd-ve-nhiem-vu-kinh-te-xa-hoi-2016-2020-do-tinh-an-giang-ban-hanh.html
#   https://123docz.net/document/6000543-ket-qua-chu-yeu-thuc-hien-cac-muc-tieu-phat-trien-thien-nien-ky-tai-viet-nam.htm

TOPIC_LABELS = """**I. MỤC TIÊU**

**1. Mục tiêu chung**

Củng cố mạng lưới y tế cơ sở.

**2. Chỉ tiêu chủ yếu**

2.1. Về nhân lực: đạt 14 bác sĩ/vạn dân; 100% trạm y tế xã có bác sĩ làm việc.

2.2. Về hạ tầng: xây dựng 05 trạm y tế mới.

**II. TỔ CHỨC THỰC HIỆN**

1. Sở Y tế chủ trì triển khai Kế hoạch.
"""


def test_a_topic_label_is_not_the_indicator(tmp_path: Path) -> None:
    doc = _parse(tmp_path, TOPIC_LABELS, number="77/KH-UBND", date="02 tháng 6 năm 2024",
                 title="NÂNG CAO CHẤT LƯỢNG Y TẾ CƠ SỞ TỈNH HÒA VÂN GIAI ĐOẠN 2024 - 2028")
    found = {t.value: t for t in doc.targets}
    assert set(found) == {14.0, 100.0, 5.0}
    assert found[14.0].indicator == "số bác sĩ" and found[14.0].unit == "bác sĩ/vạn dân"
    assert found[14.0].text == "đạt 14 bác sĩ/vạn dân"
    assert not found[5.0].text.startswith("Về")
    assert all("về" not in t.indicator.split()[:1] for t in doc.targets)


# ---------------------------------------------------------------------------------------------
# A share after the verb that serves it
# ---------------------------------------------------------------------------------------------

# Target lists put the action before the share and the served population after it: "<network>
# phủ N% <places>", with a second share of other places in the same clause (Cà Mau, digital
# economy to 2025), "thu gom, xử lý N% <waste>" (Đồng Nai's waste targets), and the same target
# in the passive, "N% <waste> được thu gom, xử lý" (moitruong.net.vn). Only "cho N% …" was read
# so; the verb form made the indicator of the verb ("tỷ lệ thu gom, xử lý"), naming no population.
#   http://pbgdpl.camau.gov.vn/ca-mau-trien-khai-thuc-hien-chien-luoc-quoc-gia-phat-trien-kinh-te-so-va-xa-hoi-so-den-nam-2025.4588
#   http://baodongnai.com.vn/kinhte/moitruong/
#   https://moitruong.net.vn/moi-truong-ptag.html

SERVED_SHARES = """**I. MỤC TIÊU**

**1. Mục tiêu cụ thể đến năm 2028**

- Thu gom, xử lý 92% chất thải rắn sinh hoạt đô thị.

- Sóng di động 4G phủ 100% thôn, bản.

- Đào tạo 75% cán bộ cấp xã về kỹ năng số.

**II. TỔ CHỨC THỰC HIỆN**

1. Sở Nông nghiệp và Môi trường chủ trì triển khai Kế hoạch.
"""


def test_a_share_after_a_service_verb_counts_what_follows(tmp_path: Path) -> None:
    doc = _parse(tmp_path, SERVED_SHARES, number="64/KH-UBND", date="11 tháng 5 năm 2023",
                 title="BẢO VỆ MÔI TRƯỜNG VÀ HẠ TẦNG SỐ TỈNH HÒA VÂN ĐẾN NĂM 2028")
    found = {t.value: t.indicator for t in doc.targets}
    assert found == {
        92.0: "tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý",
        100.0: "tỷ lệ thôn, bản được sóng di động 4G phủ",
        75.0: "tỷ lệ cán bộ cấp xã về kỹ năng số được đào tạo",
    }


# ---------------------------------------------------------------------------------------------
# The territory as the subject of a share
# ---------------------------------------------------------------------------------------------

# The territory as the subject of a share: "toàn tỉnh có trên N% thôn …" (Quảng Trị's population
# resolution of 2010, under a "Nhiệm vụ và chỉ tiêu cụ thể" item with "Đến năm …:" lead-ins),
# "cả nước có ít nhất N% số xã …" (the new-rural programme 2021-2025 and its 2016 targets, as
# reported), "toàn tỉnh phấn đấu thêm N xã …" (Tuyên Quang 2017): the place only says where the
# share is counted. Read as the subject it made "tỷ lệ toàn tỉnh", or, after a member with a
# subject, a spliced "tỷ lệ <previous subject> toàn tỉnh".
#   https://thuviennhadat.vn/vbpl/nghi-quyet-06-2010-nq-hdnd-chinh-sach-dan-so-ke-hoach-hoa-gia-dinh-huong-den-nam-2020-quang-tri-187508.html
#   https://www.thvl.vn/thoi-su-thvl/tin-trong-nuoc/hoi-nghi-toan-quoc-trien-khai-chuong-trinh-muc-tieu-qg-xay-dung-nong-thon-moi-giai-doan-2021-2025/
#   https://www.yx-pays.com/nam-2016-co-khoang-25-so-xa-dat-chuan-ntm-99143027.htm
#   https://nongthonmoituyenquang.gov.vn/tin-tuc/trang-285.html

TERRITORY_SHARES = """**I. MỤC TIÊU**

**1. Mục tiêu tổng quát**

Nâng cao chất lượng dân số, duy trì mức sinh hợp lý.

**2. Nhiệm vụ và chỉ tiêu cụ thể**

- Đến năm 2018: phấn đấu đưa tỷ lệ trẻ em suy dinh dưỡng thấp còi xuống dưới 12%; toàn tỉnh có trên 60% khu dân cư đạt chuẩn văn hóa.

- Đến năm 2020: cả tỉnh có ít nhất 70% xã có điểm tư vấn sức khỏe sinh sản.

**II. NHIỆM VỤ, GIẢI PHÁP**

1. Sở Y tế chủ trì tổ chức truyền thông về dân số.
"""


def test_the_territory_is_not_the_indicator_of_a_share(tmp_path: Path) -> None:
    doc = _parse(tmp_path, TERRITORY_SHARES, number="52/KH-UBND", date="16 tháng 3 năm 2016",
                 title="CÔNG TÁC DÂN SỐ TỈNH HÒA VÂN ĐẾN NĂM 2020")
    found = {t.value: (t.indicator, t.year) for t in doc.targets}
    assert found.pop(12.0)[0].startswith("tỷ lệ trẻ em suy dinh dưỡng")
    assert found == {
        60.0: ("tỷ lệ khu dân cư đạt chuẩn văn hóa", 2018),
        70.0: ("tỷ lệ xã có điểm tư vấn sức khỏe sinh sản", 2020),
    }


# ---------------------------------------------------------------------------------------------
# A part's share of a whole
# ---------------------------------------------------------------------------------------------

# A part's share of a whole: "<sector> … chiếm tỷ trọng N% vào năm …" (the specific objectives of a
# district industry plan 2016-2020 quoted in a study), "<sector> chiếm N%" and "chiếm tỷ trọng
# N%" (Bà Rịa - Vũng Tàu and Thái Nguyên reports, the same form for results), and kh144's own
# "Kinh tế số chiếm N% GRDP tỉnh", whose gold writes "tỷ trọng kinh tế số trong GRDP tỉnh". Only
# a clause led by "tỷ lệ" was read so; the others kept the verb in the indicator ("tỷ lệ … chiếm").
#   https://123docz.net/trich-doan/3013485-muc-tieu-cu-the.htm
#   https://baobariavungtau.com.vn/kinh-te/202502/7-chi-tieu-tang-truong-cao-hon-ke-hoach-1033511/
#   https://thainguyentv.vn/san-xuat-cong-nghiep-phan-dau-tang-binh-quan-9nam-tro-len-100442.html

WEIGHTS = """**I. MỤC TIÊU**

**1. Mục tiêu cụ thể**

- Kinh tế số chiếm tối thiểu 25% GRDP tỉnh.

- Giá trị du lịch trong GRDP chiếm tỷ trọng 12,5% vào năm 2028.

**II. TỔ CHỨC THỰC HIỆN**

1. Sở Tài chính chủ trì theo dõi các chỉ tiêu.
"""


def test_a_share_of_a_whole_is_a_weight(tmp_path: Path) -> None:
    doc = _parse(tmp_path, WEIGHTS, number="90/KH-UBND", date="03 tháng 3 năm 2025",
                 title="CƠ CẤU LẠI NỀN KINH TẾ TỈNH HÒA VÂN GIAI ĐOẠN 2026 - 2030")
    found = {t.value: (t.indicator, t.comparator, t.year) for t in doc.targets}
    assert found == {
        25.0: ("tỷ trọng kinh tế số trong GRDP tỉnh", "at_least", 2030),
        12.5: ("tỷ trọng giá trị du lịch trong GRDP", "reach", 2028),
    }


# ---------------------------------------------------------------------------------------------
# The appraisal of past results
# ---------------------------------------------------------------------------------------------

# After its results a yearly plan appraises them, under a heading made of appraisal words only:
# "b) Tồn tại, hạn chế" (Tuyên Quang 2025, inside its results division), shortcomings and their
# causes (Thanh Hóa's tourism plan 2011-2015 as a study lays it out), achievements (Ninh Thuận
# 2012), situation and causes (Kiên Giang's resolution of 2022). Printed as a part of its own
# ("II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"), it was "other", where a result "mới đạt N%, chưa đạt
# chỉ tiêu M%" read as two targets.
#   https://nhansu.vn/van-ban-phap-luat/Ke-hoach-60-KH-UBND-2025-chuyen-doi-so-Tuyen-Quang-650000.html
#   https://123docz.net/document/2615717-ke-hoach-phat-trien-nganh-du-lich-tinh-thanh-hoa-giai-doan-2011-2015.htm
#   https://thuviennhadat.vn/vbpl/ke-hoach-5872-kh-ubnd-thuc-hien-chien-luoc-phat-trien-giao-duc-2011-2020-ninh-thuan-2012-295944.html
#   https://hesinhthaidoanhnghiep.com/0538H3841d39FbD

APPRAISAL = """**I. KẾT QUẢ THỰC HIỆN NĂM 2025**

Tỷ lệ hồ sơ được giải quyết đúng hạn đạt 97%.

**II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN**

Tỷ lệ hồ sơ nộp trực tuyến toàn trình mới đạt 35%, chưa đạt chỉ tiêu 50% đề ra.

**III. MỤC TIÊU NĂM 2026**

1. Tỷ lệ hồ sơ nộp trực tuyến toàn trình đạt tối thiểu 60%.

**IV. NHIỆM VỤ, GIẢI PHÁP**

1. Hạn chế hồ sơ giấy

Sở Nội vụ chủ trì theo dõi, đôn đốc thực hiện Kế hoạch.
"""


def test_an_appraisal_part_sets_no_targets(tmp_path: Path) -> None:
    doc = _parse(tmp_path, APPRAISAL, number="08/KH-UBND", date="10 tháng 01 năm 2026",
                 title="CẢI CÁCH HÀNH CHÍNH TỈNH HÒA VÂN NĂM 2026")
    parts = {s.id: s.part for s in doc.sections}
    assert parts["II"] == "situation"
    assert parts["IV.1"] == "tasks"  # "Hạn chế hồ sơ giấy" names a task: "hạn chế" is a verb there
    assert _values(doc) == [("III.1", 60.0)]


# ---------------------------------------------------------------------------------------------
# Money in millions
# ---------------------------------------------------------------------------------------------

# Income and value targets are printed in millions of đồng: "<income per head> đến năm …: N
# triệu đồng" (a district's chỉ tiêu list for 2020-2025), "<output value> đạt N triệu đồng" (a
# district industry plan). The unit check took "triệu đồng" for a slip of its one look-alike
# "triệu đông", rewrote the unit and warned suspect_typo.
#   http://baothanhhoa.vn/thoi-su/dang-bo-huyen-nhu-xuan-dau-an-mot-nhiem-ky/122491.htm
#   https://123docz.net/trich-doan/3013485-muc-tieu-cu-the.htm

INCOME = """**I. MỤC TIÊU**

**1. Chỉ tiêu chủ yếu**

Thu nhập bình quân của lao động hợp tác xã đến năm 2025: 58 triệu đồng.

**II. TỔ CHỨC THỰC HIỆN**

1. Phòng Tài chính - Kế hoạch chủ trì theo dõi các chỉ tiêu.
"""


def test_millions_of_dong_are_no_typo(tmp_path: Path) -> None:
    doc = _parse(tmp_path, INCOME, number="145/KH-UBND", date="22 tháng 12 năm 2020",
                 title="PHÁT TRIỂN KINH TẾ - XÃ HỘI TỈNH HÒA VÂN 5 NĂM 2021 - 2025")
    (target,) = doc.targets
    assert (target.value, target.unit, target.year) == (58.0, "triệu đồng", 2025)
    assert not [w for w in doc.warnings if w.code == "suspect_typo"]


# ---------------------------------------------------------------------------------------------
# A star class is a grade, not a value
# ---------------------------------------------------------------------------------------------

# Star classes: "N sản phẩm … OCOP từ 3 sao trở lên" (Tây Ninh 2023), products rated 3 or 4 stars
# (Thanh Hóa's OCOP programme 2018-2020), hotels "được xếp hạng sao" (Bình Dương's tourism
# scheme): the stars name the class of what is counted, as "hạng 3" or "mức độ 2" do. "OCOP 4
# sao trở lên" came out as a second target, value 4, unit "sao trở lên".
#   https://baotayninh.vn/video/xem-video/hieu-qua-tu-chuong-trinh-ocop-10797.html
#   http://ocoptinhthanhhoa.com.vn/web/trang-chu/tin-tuc-su-kien/hoi-tu-cac-san-pham-ocop-tinh-thanh-hoa-giai-doan-2018-2020.html
#   https://binhduongtimes.com/phan-dau-den-nam-2025-tong-luong-khach-du-lich-dat-5-250-000-luot-nguoi/

STARS = """**I. MỤC TIÊU**

**1. Mục tiêu cụ thể**

- Phấn đấu có 15 - 20 sản phẩm được chứng nhận OCOP 4 sao trở lên.

- Mỗi xã có ít nhất 01 sản phẩm OCOP đạt 3 sao.

**II. TỔ CHỨC THỰC HIỆN**

1. Sở Nông nghiệp và Môi trường chủ trì triển khai Kế hoạch.
"""


def test_a_star_class_is_no_target(tmp_path: Path) -> None:
    doc = _parse(tmp_path, STARS, number="33/KH-UBND", date="14 tháng 02 năm 2024",
                 title="PHÁT TRIỂN SẢN PHẨM OCOP TỈNH HÒA VÂN ĐẾN NĂM 2027")
    assert sorted((t.value, t.unit) for t in doc.targets) == [(1.0, "sản phẩm"), (15.0, "sản phẩm")]


# ---------------------------------------------------------------------------------------------
# Asides that restate a value; a period named "thời kỳ"
# ---------------------------------------------------------------------------------------------

# Chỉ tiêu lists restate a share as a count in brackets, "… đạt N% (M xã)", "N% (M/T thôn, tăng
# thêm K thôn)" (a district's list for 2020-2025, four times). In an objectives part each
# bracketed number came out as a target of its own ("số xã )", "(") and the target's text ended
# on the bracket. Periods are named "thời kỳ" as often as "giai đoạn": "<total> thời kỳ
# Y1-Y2: N tỷ đồng" (the same list), "… đạt khoảng N%/năm thời kỳ Y1-Y2" (the national targets
# to 2030 as reported); a period after the value was not read as the target's year.
#   http://baothanhhoa.vn/thoi-su/dang-bo-huyen-nhu-xuan-dau-an-mot-nhiem-ky/122491.htm
#   https://vietnamnet.vn/muc-tieu-2030-gdp-binh-quan-dau-nguoi-dat-8-500-usd-tuoi-tho-dat-75-5-tuoi-2449843.html

ASIDES = """**I. MỤC TIÊU**

**1. Các chỉ tiêu chủ yếu**

1. Tỷ lệ trường học đạt chuẩn quốc gia đạt 60% (9 trường); tỷ lệ trạm y tế đạt chuẩn 55,5% (62/113 trạm, tăng thêm 14 trạm).

2. Giá trị sản xuất nông nghiệp tăng bình quân khoảng 6%/năm thời kỳ 2026 - 2035.

**II. TỔ CHỨC THỰC HIỆN**

1. Phòng Kinh tế chủ trì theo dõi các chỉ tiêu.
"""


def test_an_aside_restating_a_value_is_no_target(tmp_path: Path) -> None:
    doc = _parse(tmp_path, ASIDES, number="145/KH-UBND", date="22 tháng 12 năm 2025",
                 title="PHÁT TRIỂN KINH TẾ - XÃ HỘI TỈNH HÒA VÂN 5 NĂM 2026 - 2030")
    found = {t.value: t for t in doc.targets}
    assert sorted(found) == [6.0, 55.5, 60.0]
    assert found[60.0].text == "Tỷ lệ trường học đạt chuẩn quốc gia đạt 60%"
    assert found[55.5].text == "tỷ lệ trạm y tế đạt chuẩn 55,5%"
    assert found[6.0].year == 2035 and not found[6.0].year_inferred


# ---------------------------------------------------------------------------------------------
# A chỉ tiêu list numbered through its groups, its values after a colon
# ---------------------------------------------------------------------------------------------

# A district's chỉ tiêu for 2020-2025 groups them under "I. Về kinh tế (K chỉ tiêu)" and "II. Về
# văn hóa - xã hội (K chỉ tiêu)", numbered through both groups (the second starts where the first
# ends), and gives many values after a colon: "<indicator> đến năm Y: N <unit>", "<indicator>
# thời kỳ Y1-Y2: N <unit>", "<indicator> năm Y: N%". The outline expected "1." again under II
# and folded the items into the part's text; and outside a part named "Mục tiêu"/"Chỉ tiêu" the
# colon form had no target cue.
#   http://baothanhhoa.vn/thoi-su/dang-bo-huyen-nhu-xuan-dau-an-mot-nhiem-ky/122491.htm

GROUPED_LIST = """**I. Về kinh tế**

1. Tốc độ tăng giá trị sản xuất bình quân hằng năm đạt 12%.

2. Số hợp tác xã thành lập mới thời kỳ 2021 - 2025: 45 hợp tác xã.

**II. Về xã hội**

3. Tỷ lệ hộ dùng nước sạch năm 2025: 92%.

4. Số nhà văn hóa thôn được sửa chữa năm 2019: 36 nhà văn hóa.

**III. NHIỆM VỤ, GIẢI PHÁP**

1. Phòng Kinh tế chủ trì theo dõi các chỉ tiêu.
"""


def test_a_list_numbered_through_its_groups(tmp_path: Path) -> None:
    doc = _parse(tmp_path, GROUPED_LIST, number="145/KH-UBND", date="22 tháng 12 năm 2020",
                 title="PHÁT TRIỂN KINH TẾ - XÃ HỘI HUYỆN TÂN HÒA 5 NĂM 2021 - 2025")
    ids = [s.id for s in doc.sections]
    assert ids[:6] == ["I", "I.1", "I.2", "II", "II.3", "II.4"]
    # The 2019 figure is a baseline of a plan issued in 2020.
    assert sorted(_values(doc)) == [("I.1", 12.0), ("I.2", 45.0), ("II.3", 92.0)]


# ---------------------------------------------------------------------------------------------
# One denominator for a list of counts
# ---------------------------------------------------------------------------------------------

# "đạt N giường bệnh và M bác sĩ trên 1 vạn dân" (the national master plan 2021-2030, as
# reported): the denominator is written once, after the last count, and "1 vạn" was not read as
# one (value 1, "trên" read as "above"); the first count, a noun the unit list does not know
# ("giường bệnh"), was lost.
#   https://tapchitaichinh.vn/mot-so-chi-tieu-y-te-va-moi-truong-cua-quy-hoach-tong-the-quoc-gia-2021-2030.html

SHARED_DENOMINATOR = """**I. MỤC TIÊU**

**1. Chỉ tiêu chủ yếu đến năm 2030**

- Có 32 giường bệnh và 14 bác sĩ trên 1 vạn dân; tỷ lệ trạm y tế có nữ hộ sinh đạt 90%.

- Đạt 30 giường bệnh, 12 bác sĩ và 3 dược sĩ đại học trên 10.000 dân ở khu vực đô thị.

**II. TỔ CHỨC THỰC HIỆN**

1. Sở Y tế chủ trì triển khai Kế hoạch.
"""


def test_a_denominator_written_once_closes_every_count(tmp_path: Path) -> None:
    doc = _parse(tmp_path, SHARED_DENOMINATOR, number="41/KH-UBND", date="18 tháng 3 năm 2024",
                 title="PHÁT TRIỂN MẠNG LƯỚI Y TẾ TỈNH HÒA VÂN ĐẾN NĂM 2030")
    found = sorted((t.value, t.indicator, t.unit) for t in doc.targets)
    assert found == [
        (3.0, "số dược sĩ đại học", "dược sĩ đại học/10.000 dân"),
        (12.0, "số bác sĩ", "bác sĩ/10.000 dân"),
        (14.0, "số bác sĩ", "bác sĩ/1 vạn dân"),
        (30.0, "số giường bệnh", "giường bệnh/10.000 dân"),
        (32.0, "số giường bệnh", "giường bệnh/1 vạn dân"),
        (90.0, "tỷ lệ trạm y tế có nữ hộ sinh", "%"),
    ]


# ---------------------------------------------------------------------------------------------
# "cả N …" sizes a set
# ---------------------------------------------------------------------------------------------

# Road-safety plans set their reduction "trên cả ba tiêu chí" / "cả 3 tiêu chí" (accidents,
# deaths, injuries): Quảng Ngãi's and Hải Phòng's plans for 2026, the 2019 national safety year,
# the 2026 national conclusion. The "3" came out as a target of its own ("số tiêu chí trên cả").
#   https://giaothong.tapchixaydung.vn/keo-giam-tngt.html
#   https://nld.com.vn/thoi-su/xu-ly-vuong-mac-bot-day-nhanh-thu-phi-tu-dong-2019011121452579.htm
#   https://nhandan.vn/video-thu-tuong-yeu-cau-khong-de-un-tac-keo-dai-tai-cua-ngo-ha-noi-thanh-pho-ho-chi-minh-dip-cuoi-ky-nghi-tet-post944129.html

ALL_CRITERIA = """**I. MỤC TIÊU**

1. Tai nạn giao thông giảm từ 4 - 8% trên cả 3 tiêu chí so với năm 2025.

**II. TỔ CHỨC THỰC HIỆN**

1. Công an tỉnh chủ trì triển khai Kế hoạch.
"""


def test_all_n_criteria_is_no_target(tmp_path: Path) -> None:
    doc = _parse(tmp_path, ALL_CRITERIA, number="05/KH-UBND", date="08 tháng 01 năm 2026",
                 title="BẢO ĐẢM TRẬT TỰ, AN TOÀN GIAO THÔNG TỈNH HÒA VÂN NĂM 2026")
    (target,) = doc.targets
    assert (target.comparator, target.value, target.value_max, target.unit) == ("range", 4.0, 8.0, "%")


# ---------------------------------------------------------------------------------------------
# Bare counts, and a share after "huy động" / "thu hút"
# ---------------------------------------------------------------------------------------------

# Tây Ninh's collective-economy programme and plan: "có khoảng N tổ hợp tác, với M thành viên; N
# hợp tác xã với M thành viên; N liên hiệp …", "phát triển mới N tổ hợp tác; M hợp tác xã; …",
# "thu hút tối thiểu N% dân số tham gia …". A count whose noun is all the clause says ("có
# khoảng N hợp tác xã") had no indicator and was dropped; a count after one of another noun took
# that one's indicator ("số tổ hợp tác …" for M hợp tác xã); "với" stuck to the indicator; and
# the share after "thu hút" measured "tỷ lệ thu hút".
#   https://sotttt.tayninh.gov.vn/vi/news/thong-tin-hoat-dong/chuong-trinh-hanh-dong-tiep-tuc-doi-moi-phat-trien-va-nang-cao-hieu-qua-kinh-te-tap-the-trong-giai-doan-moi-tren-dia-ban-tinh-tay-ninh-2859.html
#   https://tayninh.gov.vn/vi/news/thong-tin-cai-cach-hanh-chinh/k-ho-ch-ph-t-tri-n-kinh-t-t-p-th-giai-o-n-2021--2025-44796.html

COUNTS = """**I. MỤC TIÊU**

**1. Mục tiêu cụ thể**

- Năm 2030 có khoảng 120 câu lạc bộ nghề, với 3.000 hội viên; 180 hợp tác xã với 40.000 thành viên.

- Thành lập mới 40 tổ hợp tác; 60 hợp tác xã.

- Đến năm 2035 thu hút tối thiểu 18% lao động nông thôn vào các hợp tác xã.

**II. TỔ CHỨC THỰC HIỆN**

1. Sở Tài chính chủ trì triển khai Kế hoạch.
"""


def test_bare_counts_name_their_noun(tmp_path: Path) -> None:
    doc = _parse(tmp_path, COUNTS, number="71/KH-UBND", date="09 tháng 4 năm 2025",
                 title="PHÁT TRIỂN KINH TẾ TẬP THỂ TỈNH HÒA VÂN ĐẾN NĂM 2030, TẦM NHÌN ĐẾN NĂM 2035")
    found = sorted((t.value, t.indicator) for t in doc.targets)
    assert found == [
        (18.0, "tỷ lệ lao động nông thôn vào các hợp tác xã được thu hút"),
        (40.0, "số tổ hợp tác thành lập mới"),
        (60.0, "số hợp tác xã"),
        (120.0, "số câu lạc bộ nghề"),
        (180.0, "số hợp tác xã"),
        (3000.0, "số hội viên"),
        (40000.0, "số thành viên"),
    ]


# ---------------------------------------------------------------------------------------------
# A count out of a total
# ---------------------------------------------------------------------------------------------

# District and provincial lists count places out of all of them, "M/T thôn", "M/T xã", "M/T chỉ
# tiêu" (a district's list for 2020-2025, the new-rural programme, Thanh Hóa's mountain
# programme, Kiên Giang's rank among the provinces). "15/20 xã" was masked as a date (day 15 of
# month 20) and the target lost.
#   http://baothanhhoa.vn/thoi-su/dang-bo-huyen-nhu-xuan-dau-an-mot-nhiem-ky/122491.htm
#   https://www.thvl.vn/thoi-su-thvl/tin-trong-nuoc/hoi-nghi-toan-quoc-trien-khai-chuong-trinh-muc-tieu-qg-xay-dung-nong-thon-moi-giai-doan-2021-2025/
#   https://mic.gov.vn/mic_2020/Pages/TinTuc/161120/16-28-chi-tieu-tai-Thanh-Hoa-chua-dat-so-voi-muc-tieu-ke-hoach-de-ra.html
#   https://hesinhthaidoanhnghiep.com/0538H3841d39FbD

OUT_OF_TOTAL = """**I. MỤC TIÊU**

1. Phấn đấu có 15/20 xã đạt chuẩn nông thôn mới; 18/18 xã, thị trấn đạt chuẩn tiếp cận pháp luật.

**II. TỔ CHỨC THỰC HIỆN**

1. Các xã hoàn thành báo cáo trước ngày 15/12 hằng năm.
"""


def test_a_count_out_of_a_total_is_no_date(tmp_path: Path) -> None:
    doc = _parse(tmp_path, OUT_OF_TOTAL, number="12/KH-UBND", date="15 tháng 01 năm 2026",
                 title="XÂY DỰNG NÔNG THÔN MỚI HUYỆN TÂN HÒA NĂM 2026")
    found = sorted((t.value, t.unit, t.indicator) for t in doc.targets)
    assert found == [(15.0, "xã", "số xã đạt chuẩn nông thôn mới"),
                     (18.0, "xã, thị trấn", "số xã, thị trấn đạt chuẩn tiếp cận pháp luật")]
