"""Forms of the session-13 fresh emulation plans (phong trào thi đua; helper fixf), written with
invented wording. Two plans of different provinces on the same national emulation campaign
(dev kh982 Nghệ An, kh0124 Đắk Lắk) lay it out alike: a long lead-in that names the competing
bodies over the numbered contents, criteria grouped by actor ("Đối với …"), unit-headed duties
in "Tổ chức thực hiện". Layout seen in
https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Ke-hoach-982-KH-UBND-2025-trien-khai-dot-thi-dua-lap-thanh-tich-chao-mung-Dai-hoi-lan-thu-XIV-Nghe-An-681530.aspx
and https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Ke-hoach-0124-KH-UBND-2025-phat-dong-dot-thi-dua-Dai-hoi-lan-thu-XIV-cua-Dang-Dak-Lak-682488.aspx;
the enacting formula closing a plan's preamble ("Ủy ban nhân dân tỉnh … ban hành / xây dựng Kế
hoạch … như sau:") also in https://ls1.hethongphapluat.com/ke-hoach-594-kh-ubnd-a1d64a64c9eb66003d6aad4bf339b5d0.html
and https://dulichvinhphuc.gov.vn/tin-tuc-su-kien/ke-hoach-to-chuc-ky-niem-90-nam-ngay-thanh-lap-dang-cong-san-viet-nam-321930-a-322020-70-nam-ngay-thanh-lap-tinh-vinh-phuc-1221950-a-1222020/;
a yearly emulation theme printed as a quotation in a Cao Bằng plan summarised at
http://www.caobang.gov.vn/content/k%E1%BA%BF-ho%E1%BA%A1ch-t%E1%BB%95-ch%E1%BB%A9c-c%C3%A1c-ho%E1%BA%A1t-%C4%91%E1%BB%99ng-k%E1%BB%B7-ni%E1%BB%87m-70-n%C4%83m-ng%C3%A0y-ch%E1%BB%A7-t%E1%BB%8Bch-h%E1%BB%93-ch%C3%AD-minh-ra-l%E1%BB%9Di-k%C3%AAu-g%E1%BB%8Di-thi
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.model import Document, Duty

EMULATION = """KẾ HOẠCH

PHÁT ĐỘNG PHONG TRÀO THI ĐUA CHUYỂN ĐỔI XANH NĂM 2026

Thực hiện Quyết định số 77/QĐ-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh về tăng trưởng
xanh giai đoạn 2026 - 2030;

Ủy ban nhân dân tỉnh triển khai phong trào thi đua chuyển đổi xanh năm 2026; giảm phát thải,
sống xanh (sau đây gọi tắt là Phong trào) và ban hành Kế hoạch tổ chức thực hiện như sau:

**I. MỤC ĐÍCH, YÊU CẦU**

1. Khơi dậy tinh thần sáng tạo của tập thể, cá nhân trong chuyển đổi xanh.

**II. NỘI DUNG THI ĐUA**

**1. Chủ đề thi đua**

“Xanh hóa công sở, xanh hóa cộng đồng, vì một tỉnh nhà đáng sống”.

**2. Nội dung thi đua**

Để mỗi ngành, mỗi cấp cùng góp sức giảm phát thải, bảo vệ nguồn nước, giữ gìn cảnh quan và
nâng cao chất lượng sống của cộng đồng dân cư trên địa bàn, hướng tới một nền kinh tế xanh,
tuần hoàn và bền vững; các sở, ban, ngành, Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức chính
trị - xã hội, các doanh nghiệp và mọi người dân hưởng ứng Phong trào với tinh thần “đồng lòng,
sáng tạo, hành động thiết thực, lan tỏa mạnh mẽ”, chủ động đăng ký giao ước thi đua, tập trung
thi đua thực hiện các nội dung chủ yếu sau:

1. Thi đua giảm rác thải nhựa tại công sở, trường học và khu dân cư.

2. Thi đua trồng thêm cây xanh dọc các tuyến đường, bờ kênh và khuôn viên cơ quan.

**III. TIÊU CHÍ THI ĐUA**

a) Đối với Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức chính trị - xã hội:

- Vận động hội viên tham gia phân loại rác tại nguồn, giám sát việc thu gom rác ở khu dân cư.

- Xây dựng mô hình khu dân cư xanh, sạch gắn với phong trào ở cơ sở.

b) Đối với các doanh nghiệp

- Áp dụng công nghệ tiết kiệm năng lượng trong sản xuất, kinh doanh.

**IV. TỔ CHỨC THỰC HIỆN**

**1. Đề nghị các cấp ủy Đảng, Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội
tỉnh: **Vận động đoàn viên, hội viên và Nhân dân tích cực hưởng ứng Phong trào.

**2. Sở Nông nghiệp và Môi trường**

- Chủ trì hướng dẫn, theo dõi việc tổ chức Phong trào, báo cáo Ủy ban nhân dân tỉnh kết quả.

Trên đây là Kế hoạch phát động Phong trào. Trong quá trình thực hiện, nếu có khó khăn, đề nghị
phản ánh về Sở Nội vụ (Phòng Thi đua - Khen thưởng) để tổng hợp, báo cáo Ủy ban nhân dân tỉnh./.
"""


def _roles(duty: Duty) -> set[tuple[str, str]]:
    return {(u.name, u.role) for u in duty.units if u.explicit}


def _doc(tmp_path: Path) -> Document:
    return parse_text(tmp_path, EMULATION, "ke-hoach-thi-dua.md")


def test_a_long_lead_in_hands_its_bodies_to_the_numbered_contents(tmp_path: Path) -> None:
    """The lead-in of II names the competing bodies and announces "các nội dung chủ yếu sau:";
    its opening purpose ("Để …;") and its quoted motto do not make it too long to be one: each
    numbered content is led by the bodies it names (doanh nghiệp, a bare noun, is no unit)."""
    doc = _doc(tmp_path)
    want = {("sở, ban, ngành", "lead"), ("Ủy ban Mặt trận Tổ quốc tỉnh", "lead"),
            ("tổ chức chính trị - xã hội", "lead")}
    for section in ("II.2.1", "II.2.2"):
        duties = [d for d in doc.duties if d.section == section]
        assert len(duties) == 1, [(d.section, d.text) for d in doc.duties]
        assert want <= _roles(duties[0]), (section, _roles(duties[0]))


def test_criteria_addressed_to_bodies_charge_no_one(tmp_path: Path) -> None:
    """"a) Đối với Ủy ban Mặt trận Tổ quốc tỉnh, …:" over bullets in a criteria part ("TIÊU CHÍ
    THI ĐUA") says what those bodies are judged by: no duty, whether the line ends in a colon
    (Đắk Lắk) or is a heading without one (Nghệ An)."""
    doc = _doc(tmp_path)
    assert not [d for d in doc.duties if (d.section or "").startswith("III")], \
        [(d.section, d.text) for d in doc.duties]


def test_the_enacting_formula_charges_no_one(tmp_path: Path) -> None:
    """"Ủy ban nhân dân tỉnh triển khai Phong trào …; … và ban hành Kế hoạch tổ chức thực hiện như
    sau:" closes the preamble (the campaign's name may hold a semicolon): the issuer issues the
    plan, it is not charged in it."""
    doc = _doc(tmp_path)
    assert not [d for d in doc.duties if d.section is None and d.text.startswith("Ủy ban nhân dân tỉnh triển khai")]


def test_qualified_party_committees_take_no_level_from_the_next_body(tmp_path: Path) -> None:
    """"Đề nghị các cấp ủy Đảng, Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội
    tỉnh:" names the party committees of every level ("cấp ủy", the alias of "cấp ủy Đảng"),
    not a provincial one: "Đảng" qualifies the class, it is no bare conjunct. The Front committee
    takes the spelling the plan prints most often, without "Việt Nam" (twice against once: [decided,
    kh165] one spelling per body, applied to the Front in session 17)."""
    doc = _doc(tmp_path)
    duty = next(d for d in doc.duties if d.section == "IV.1")
    assert {("cấp ủy", "lead"), ("Mặt trận Tổ quốc tỉnh", "lead"),
            ("tổ chức chính trị - xã hội tỉnh", "lead")} <= _roles(duty), _roles(duty)
    assert not any(name == "cấp ủy tỉnh" for name, _ in _roles(duty))


def test_a_bracketed_room_receives_with_its_department(tmp_path: Path) -> None:
    """"phản ánh về Sở Nội vụ (Phòng Thi đua - Khen thưởng) để tổng hợp, báo cáo Ủy ban nhân dân
    tỉnh": the room in brackets is a sub-body and receives with its department."""
    doc = _doc(tmp_path)
    duty = next(d for d in doc.duties if d.section is None and "Phòng Thi đua" in d.text)
    assert {("Sở Nội vụ", "report_to"), ("Phòng Thi đua - Khen thưởng", "report_to"),
            ("Ủy ban nhân dân tỉnh", "report_to")} <= _roles(duty), _roles(duty)


def test_a_quoted_theme_is_no_duty(tmp_path: Path) -> None:
    """"1. Chủ đề thi đua" over a quotation alone: the campaign's theme names, it charges
    nothing, though it stands in the contents part."""
    doc = _doc(tmp_path)
    assert not [d for d in doc.duties if d.section == "II.1"], [(d.section, d.text) for d in doc.duties]
