"""Plans of the levels below the province (session 11 survey of local documents).

A national or provincial text is carried out by plans at each level: a department's plan
(Sở Y tế, Sở Văn hóa … assigning work to its own phòng, to hospitals and centres), a district's
(UBND huyện or thị xã, Huyện ủy, with Phòng Văn hóa và Thông tin, Phòng Giáo dục và Đào tạo,
Trung tâm Y tế huyện, Văn phòng HĐND và UBND huyện, UBND các xã, thị trấn) and a commune's
(UBND xã with its Văn phòng - Thống kê, Trạm Y tế xã, thôn). Every development plan is a
provincial one, so in session 11 we read such documents of other provinces and years through
the search tool's stored pages. No text is copied: every document below is written for the test
(made-up places "Đức An", "Bình An", "An Phú"), with the layout those documents use. Each test
names addresses where the form was seen.
"""

from __future__ import annotations

import pytest
from conftest import parse_text

from chinhsach.model import Document, Duty

# A department's plan, as a portal's plain page prints it: no blank lines, each item's heading
# (a unit of the department) on its own line and its duty under it.
DEPARTMENT = """UBND TỈNH BÌNH AN
SỞ Y TẾ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 120/KH-SYT
Bình An, ngày 05 tháng 4 năm 2024
KẾ HOẠCH
Phòng, chống bệnh sốt xuất huyết năm 2024
Căn cứ Kế hoạch số 56/KH-UBND ngày 10/3/2024 của UBND tỉnh Bình An về phòng, chống dịch bệnh truyền nhiễm năm 2024, Sở Y tế ban hành Kế hoạch như sau:
I. MỤC TIÊU
- Giảm 10% số ca mắc so với năm 2023.
II. TỔ CHỨC THỰC HIỆN
1. Phòng Nghiệp vụ Y
Chủ trì, phối hợp với Trung tâm Kiểm soát bệnh tật tỉnh theo dõi, đôn đốc các đơn vị triển khai Kế hoạch; tổng hợp báo cáo Giám đốc Sở trước ngày 20/12/2024.
2. Phòng Kế hoạch - Tài chính
Tham mưu Giám đốc Sở phân bổ kinh phí cho các đơn vị trong quý II/2024.
3. Văn phòng Sở
Phối hợp với Phòng Nghiệp vụ Y đăng tải thông tin trên Trang thông tin điện tử của Sở.
4. Trung tâm Kiểm soát bệnh tật tỉnh
Giám sát ca bệnh, xử lý ổ dịch; báo cáo về Sở Y tế (qua Phòng Nghiệp vụ Y) trước ngày 25 hằng tháng.
5. Các bệnh viện tuyến tỉnh, Trung tâm Y tế các huyện, thị xã, thành phố
Thu dung, điều trị người bệnh; Giám đốc các đơn vị chịu trách nhiệm trước Giám đốc Sở về kết quả thực hiện.
Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
GIÁM ĐỐC
Lê Thị Hoa
"""

# A district's plan carrying out the province's, items headed by the district's own units.
DISTRICT = """ỦY BAN NHÂN DÂN
HUYỆN ĐỨC AN
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 45/KH-UBND
Đức An, ngày 12 tháng 3 năm 2024

KẾ HOẠCH
Phát triển phong trào đọc sách trên địa bàn huyện năm 2024

Thực hiện Kế hoạch số 88/KH-UBND ngày 20/02/2024 của UBND tỉnh về phát triển văn hóa đọc năm 2024, Ủy ban nhân dân huyện ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của học sinh về việc đọc sách.

II. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa và Thông tin
Chủ trì, phối hợp với Phòng Giáo dục và Đào tạo, Trung tâm Văn hóa - Thể thao và Truyền thông huyện tổ chức Ngày sách trước ngày 21/4/2024.
2. Văn phòng HĐND và UBND huyện
Đăng tải Kế hoạch trên Cổng thông tin điện tử huyện.
3. UBND các xã, thị trấn
Xây dựng kế hoạch triển khai tại địa phương; báo cáo kết quả về UBND huyện (qua Phòng Văn hóa và Thông tin) trước ngày 15/12/2024.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Minh
"""

# A district party committee's plan, plain lines as a portal prints it.
PARTY = """HUYỆN ỦY ĐỨC AN
*
Số 14-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Đức An, ngày 20 tháng 6 năm 2023
KẾ HOẠCH
tuyên truyền Nghị quyết số 05-NQ/TU ngày 10/4/2023 của Ban Thường vụ Tỉnh ủy về phát triển du lịch
I. TỔ CHỨC THỰC HIỆN
1. Văn phòng Huyện ủy
Chủ trì tham mưu tổ chức hội nghị sơ kết trong quý IV/2023.
2. Ban Tuyên giáo Huyện ủy
Phối hợp với Văn phòng Huyện ủy chuẩn bị tài liệu.
3. Đảng ủy các xã, thị trấn xây dựng chương trình hành động, hoàn thành trước ngày 30/9/2023.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn Hùng
"""

# A commune's plan: the commune's office and health station, the report to the district.
COMMUNE = """ỦY BAN NHÂN DÂN
XÃ AN PHÚ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 30/KH-UBND
An Phú, ngày 02 tháng 2 năm 2024

KẾ HOẠCH
Cải cách hành chính trên địa bàn xã năm 2024

Thực hiện Kế hoạch số 278/KH-UBND ngày 15/12/2023 của UBND huyện Đức An về cải cách hành chính năm 2024, UBND xã xây dựng Kế hoạch như sau:

I. TỔ CHỨC THỰC HIỆN
1. Văn phòng - Thống kê xã chủ trì tham mưu UBND xã theo dõi, tổng hợp kết quả; báo cáo UBND huyện (qua Phòng Nội vụ) trước ngày 10/12/2024.
2. Trạm Y tế xã phối hợp tuyên truyền trong nhân dân.
3. Trưởng các thôn vận động các hộ gia đình thực hiện dịch vụ công trực tuyến.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Phạm Văn Long
"""


def _parse(tmp_path_factory: pytest.TempPathFactory, name: str, text: str) -> Document:
    return parse_text(tmp_path_factory.mktemp("local"), text, name)


@pytest.fixture(scope="module")
def department(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return _parse(tmp_path_factory, "kh-syt.txt", DEPARTMENT)


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return _parse(tmp_path_factory, "kh-huyen.md", DISTRICT)


@pytest.fixture(scope="module")
def party(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return _parse(tmp_path_factory, "kh-hu.txt", PARTY)


@pytest.fixture(scope="module")
def commune(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return _parse(tmp_path_factory, "kh-xa.md", COMMUNE)


def _roles(duty: Duty) -> set[tuple[str, str]]:
    return {(u.name, u.role) for u in duty.units}


def _in(doc: Document, section: str) -> set[tuple[str, str]]:
    return set().union(*(_roles(d) for d in doc.duties if d.section == section))


def _heading(doc: Document, section: str) -> str:
    return next(s.heading for s in doc.sections if s.id == section)


def test_headers_of_each_level(department: Document, district: Document, party: Document,
                               commune: Document) -> None:
    """The issuer under its parent ("UBND TỈNH X / SỞ Y TẾ"), the district or commune under
    "ỦY BAN NHÂN DÂN", the party committee with its "Số 14-KH/HU" (guard: these were read
    right before the survey).

    Headers seen in 12 of the 16 local documents read, e.g.
    http://trieuthanh.trieuson.gov.vn/web/trang-chu/tin-tuc-su-kien/tin-van-hoa-xa-hoi/ke-hoach-tuyen-truyen-mung-dang-mung-xuan-giap-thin-2024.html (commune),
    https://dokumen.tips/documents/-xa-hoi-chi-nghia-vit-thj-xa-quang-ylln-d.html (town),
    https://sub.dost-dongnai.gov.vn/xuanphu/Pages/quychelamviec.aspx (commune)."""
    assert (department.meta.issuer, department.meta.number) == ("Sở Y tế tỉnh Bình An", "120/KH-SYT")
    assert (district.meta.issuer, district.meta.place) == ("Ủy ban nhân dân huyện Đức An", "Đức An")
    assert (party.meta.issuer, party.meta.number) == ("Huyện ủy Đức An", "14-KH/HU")
    assert (commune.meta.issuer, commune.meta.signer) == ("Ủy ban nhân dân xã An Phú", "Phạm Văn Long")


def test_a_department_office_heading_ends_its_line(department: Document) -> None:
    """"3. Văn phòng Sở" / "Phối hợp với …": a department names its own units by "Sở" alone
    (Văn phòng Sở, Thanh tra Sở), so the heading is whole although "Sở" usually opens a name
    wrapped to the next line ("5. Sở" / "Công Thương"). Before, the two lines were one paragraph
    and its unit "Văn phòng Sở Phối hợp".

    Seen in http://sovhttdl.hungyen.gov.vn/portal/pages/print.aspx?p=9496 (a department's own
    plan) and the department circulars of https://thuvienphapluat.vn/documents/law.aspx?id=0%3DpZd05qWTTm&mode=09JoMWIyNW5YekWT."""
    assert _heading(department, "II.3") == "Văn phòng Sở"
    assert _in(department, "II.3") == {("Văn phòng Sở Y tế", "lead"), ("Phòng Nghiệp vụ Y", "cooperate")}


def test_a_party_office_heading_ends_its_line(party: Document) -> None:
    """"1. Văn phòng Huyện ủy" / "Chủ trì …": "ủy" closes "Huyện ủy" here, it does not open
    "Ủy ban" on the next line. Before, the heading ran into its duty.

    Seen in http://lucnam.bacgiang.gov.vn/node/10475 and
    https://condao.baria-vungtau.gov.vn/trien-khai-huong-dan-tuyen-truyen-ky-niem-30-nam-ngay-thanh-lap-tinh-ba-ria-vung-tau-1281991-1282021-cua-huyen-uy."""
    assert _heading(party, "I.1") == "Văn phòng Huyện ủy"
    assert _heading(party, "I.2") == "Ban Tuyên giáo Huyện ủy"
    assert _in(party, "I.2") == {("Ban Tuyên giáo Huyện ủy", "lead"), ("Văn phòng Huyện ủy", "cooperate")}


def test_the_district_culture_centre_keeps_its_whole_name(district: Document) -> None:
    """The district's "Trung tâm Văn hóa - Thể thao và Truyền thông" (the merged culture,
    sport and broadcasting centre) was cut to "Trung tâm Văn hóa - Thể thao".

    Seen in https://quangninh.quangbinh.gov.vn/chi-tiet-tin/-/view-article/1/13836141260797/1698909211960
    ("Trung tâm VH-TT&TT huyện") and, as "Trung tâm Văn hóa - Thông tin và Thể thao", in
    https://condao.baria-vungtau.gov.vn/trien-khai-huong-dan-tuyen-truyen-ky-niem-30-nam-ngay-thanh-lap-tinh-ba-ria-vung-tau-1281991-1282021-cua-huyen-uy."""
    assert ("Trung tâm Văn hóa - Thể thao và Truyền thông huyện", "cooperate") in _in(district, "II.1")


def test_provincial_hospitals_head_their_item(department: Document) -> None:
    """"5. Các bệnh viện tuyến tỉnh, Trung tâm Y tế các huyện …": a department's plan charges
    its hospitals by their tier. Before, "bệnh viện tuyến tỉnh" was no unit and the item fell to
    the plan's first lead (Phòng Nghiệp vụ Y).

    Seen in https://haiduong.gov.vn/2023/Trang/giao-chi-tieu-giuong-benh.aspx and
    http://soyte.baria-vungtau.gov.vn/tin-tuc-su-kien?p_p_id=101&p_p_lifecycle=0&p_p_col_id=column-2&p_p_col_count=1&p_r_p_564233524_categoryId=228712."""
    roles = _roles(next(d for d in department.duties if d.section == "II.5"))
    assert ("bệnh viện tuyến tỉnh", "lead") in roles
    assert ("Phòng Nghiệp vụ Y", "lead") not in roles


def test_reports_go_to_the_parent_through_its_office(district: Document, commune: Document,
                                                    department: Document) -> None:
    """"báo cáo kết quả về UBND huyện (qua Phòng Văn hóa và Thông tin) trước ngày …": both the
    body and the office it reports through, with the deadline (guard).

    Seen in https://dakngok.huyendakha.kontum.gov.vn/tin-tuc-su-kien/thuc-hien-cong-tac-cai-cach-hanh-chinh-nha-nuoc-tren-dia-ban-xa-dak-ngok-nam-2023.html
    and http://daihop1.tuky.haiduong.gov.vn/Article/altSwW7a9PA@/thanh-toán-trực-tuyến-phí-lệ-phí-và-các-nghĩa-vụ-tài-chính-trong-thực-hiện-thủ-tục-hành-chính.html."""
    third = next(d for d in district.duties if d.section == "II.3")
    assert {("Ủy ban nhân dân huyện", "report_to"), ("Phòng Văn hóa và Thông tin", "report_to"),
            ("Ủy ban nhân dân xã, thị trấn", "lead")} <= _roles(third)
    assert third.deadline == "2024-12-15"
    first = next(d for d in commune.duties if d.section == "I.1")
    assert {("Ủy ban nhân dân huyện", "report_to"), ("Phòng Nội vụ", "report_to")} <= _roles(first)
    assert {("Sở Y tế", "report_to"), ("Phòng Nghiệp vụ Y", "report_to")} <= _in(department, "II.4")


def test_the_parent_plan_is_cited(district: Document, commune: Document) -> None:
    """"Thực hiện Kế hoạch số …/KH-UBND ngày … của UBND tỉnh": the plan a lower level carries
    out (guard). Seen in all 9 local plans read, e.g.
    https://canglong.travinh.gov.vn/Default.aspx?sid=1472&pageid=40541&catid=70370&id=660522&catname=van-hoa-xa-hoi&title=ke-hoach-thuc-hien-phong-trao-toan-dan-doan-ket-xay-dung-doi-song-van-hoa-giai-doan-2021-2026."""
    assert any("88/KH-UBND" in c.text for c in district.citations)
    assert any("278/KH-UBND" in c.text for c in commune.citations)



def test_villages_carry_a_commune_plan(commune: Document) -> None:
    """"3. Trưởng các thôn vận động …": a commune charges its villages (thôn, ấp, tổ dân phố),
    the head standing for the village as "Thủ trưởng các sở" stands for the departments. Before,
    no unit was read and the item fell to the plan's first lead (Văn phòng - Thống kê xã).

    Seen in https://sub.dost-dongnai.gov.vn/xuanphu/Pages/quychelamviec.aspx (Trưởng ấp),
    http://www.haiphong.gov.vn/Portal/PrintItem.aspx?ContentID=114300 (tổ dân phố),
    https://bachong.hatinh.gov.vn/bachong/pages/2024-01-12/Phuong-Bac-Hong-to-chuc-Hoi-nghi-tong-ket-cong-tac-473867.aspx
    (tổ trưởng các tổ dân phố) and, as "ấp, khóm", https://canglong.travinh.gov.vn/Default.aspx?sid=1472&pageid=40541&catid=70370&id=660522&catname=van-hoa-xa-hoi&title=ke-hoach-thuc-hien-phong-trao-toan-dan-doan-ket-xay-dung-doi-song-van-hoa-giai-doan-2021-2026."""
    assert _in(commune, "I.3") == {("thôn", "lead")}
