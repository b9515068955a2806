"""Decisions that carry their plan, as the session-13 fresh plans print them (invented wording).

Forms read in the two dev decisions of ``evaluation/gold/fresh-plans`` (qd1627 Quảng Ngãi,
qd2853 TP Hồ Chí Minh; the text stays in /tmp, the wording here is ours):

- a unit heading with its role title after a dash: "Sở X - Cơ quan thường trực Ban Chỉ đạo";
- a group heading whose members are listed in brackets: "Các cơ quan … (gồm các Sở: A, B, C)";
- "Sở X phối hợp Ban Y:" without "với": X is the actor;
- a lead-in "X chủ trì, phối hợp với Y, Z:" whose partners are a list;
- a long lead-in (with a bracketed aside) whose subject leads the bullets under it;
- "mô hình chính quyền địa phương 02 cấp" is a structure, not a target;
- "giáo dục thường xuyên", "khu vực thường xuyên xảy ra …" are no recurrence.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import parse_text

from chinhsach.model import Document, Duty
from chinhsach.text.normalize import fold

DECISION = """\
**ỦY BAN NHÂN DÂN**
TỈNH LAM SƠN

Số: 905/QĐ-UBND

*Lam Sơn, ngày 10 tháng 11 năm 2025*

**QUYẾT ĐỊNH**

VỀ VIỆC BAN HÀNH KẾ HOẠCH RÀ SOÁT CƠ SỞ VẬT CHẤT TRƯỜNG HỌC NĂM 2026

**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM SƠN**

**QUYẾT ĐỊNH:**

**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch rà soát cơ sở vật chất trường học năm 2026.

**Điều 2.** Giám đốc Sở Giáo dục và Đào tạo; Chủ tịch Ủy ban nhân dân các xã, phường chịu trách
nhiệm thi hành Quyết định này./.

**KT. CHỦ TỊCH**
PHÓ CHỦ TỊCH
Trần Văn Bình

**KẾ HOẠCH**

RÀ SOÁT CƠ SỞ VẬT CHẤT TRƯỜNG HỌC NĂM 2026

*(Kèm theo Quyết định số 905/QĐ-UBND ngày 10/11/2025 của Chủ tịch Ủy ban nhân dân tỉnh)*

**I. MỤC ĐÍCH, YÊU CẦU**

**1. Mục đích:** Nắm chắc hiện trạng phòng học sau khi vận hành mô hình chính quyền địa phương
02 cấp, làm cơ sở bố trí vốn sửa chữa.

**II. NỘI DUNG THỰC HIỆN**

**1.** Rà soát phòng học tại các khu vực thường xuyên xảy ra sạt lở đất.

**2.** Lồng ghép nội dung an toàn trường học vào chương trình giáo dục thường xuyên.

**III. NHIỆM VỤ CỤ THỂ**

**1. Nhiệm vụ của các cơ quan**

*1.1.
Sở Giáo dục và Đào tạo - Cơ quan thường trực Ban Chỉ đạo*

- Hướng dẫn các trường lập danh mục phòng học xuống cấp.

Thời gian hoàn thành: Tháng 12/2025.

- Tổng hợp kết quả rà soát, báo cáo Ủy ban nhân dân tỉnh.

*1.2.
Các cơ quan quản lý chuyên ngành (gồm các Sở: Xây dựng, Tài chính, Văn hóa, Thể thao và Du lịch)*

- Cử cán bộ tham gia đoàn khảo sát hiện trạng công trình.

+ Sở Xây dựng: thẩm định hồ sơ sửa chữa phòng học.

+ Sở Tài chính phối hợp Kho bạc Nhà nước khu vực: bố trí vốn sửa chữa phòng học.

*1.3.
Trách nhiệm của các đơn vị quản lý điểm trường (bao gồm cả trường tư thục):*

- Lập hồ sơ hiện trạng từng phòng học.

*1.4.
Trách nhiệm của các cơ quan, đơn vị liên quan:*

- Cung cấp số liệu khi được đề nghị.

**IV. TỔ CHỨC THỰC HIỆN**

1. Sở Y tế chủ trì, phối hợp với Sở Giáo dục và Đào tạo, Ủy ban nhân dân các xã, phường:

- Kiểm tra điều kiện vệ sinh tại các điểm trường;

- Tập huấn sơ cứu cho giáo viên.

2. Ủy ban nhân dân các xã, phường chủ động bố trí kinh phí sửa chữa từ ngân sách địa phương, nguồn
vốn lồng ghép của các chương trình mục tiêu và các nguồn hợp pháp khác theo quy định của pháp luật
(vốn xã hội hóa, vốn tài trợ của doanh nghiệp, hội, cá nhân trong và ngoài tỉnh, quỹ khuyến học
các cấp) để bảo đảm an toàn cho học sinh trong mùa mưa bão, không để xảy ra sự cố đáng tiếc tại
các điểm trường lẻ, tập trung một số nhiệm vụ cụ thể sau:

- Lập danh sách điểm trường cần sửa chữa khẩn cấp;

- Báo cáo kết quả thực hiện về Sở Giáo dục và Đào tạo./.
"""


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(tmp_path_factory.mktemp("fresh_decisions"), DECISION, "qd.md")


def _duty(doc: Document, section: str, start: str) -> Duty:
    found = [d for d in doc.duties if d.section == section and d.text.startswith(start)]
    assert found, [(d.section, d.text[:40]) for d in doc.duties]
    return found[0]


def _roles(duty: Duty) -> set[tuple[str, str]]:
    return {(u.name, u.role) for u in duty.units if u.explicit}


def test_role_title_after_a_dash_keeps_the_unit_heading(doc: Document) -> None:
    roles = _roles(_duty(doc, "KH.III.1.1", "Hướng dẫn các trường"))
    assert ("Sở Giáo dục và Đào tạo", "lead") in roles
    assert not any(name.startswith("Ban Chỉ đạo") for name, _ in roles)


def test_members_listed_in_brackets_lead_the_items(doc: Document) -> None:
    roles = _roles(_duty(doc, "KH.III.1.2", "Cử cán bộ"))
    assert {("Sở Xây dựng", "lead"), ("Sở Tài chính", "lead"),
            ("Sở Văn hóa, Thể thao và Du lịch", "lead")} <= roles


def test_partner_named_without_voi_leaves_the_subject_lead(doc: Document) -> None:
    roles = _roles(_duty(doc, "KH.III.1.2", "Sở Tài chính phối hợp"))
    assert ("Sở Tài chính", "lead") in roles
    assert ("Sở Tài chính", "cooperate") not in roles


def test_every_partner_of_a_lead_in_list_cooperates(doc: Document) -> None:
    roles = _roles(_duty(doc, "KH.IV.1", "Kiểm tra điều kiện"))
    assert ("Sở Y tế", "lead") in roles
    assert ("Ủy ban nhân dân xã, phường", "cooperate") in roles
    assert ("Ủy ban nhân dân xã, phường", "lead") not in roles


def test_long_lead_in_with_an_aside_hands_its_subject_to_the_bullets(doc: Document) -> None:
    roles = _roles(_duty(doc, "KH.IV.2", "Lập danh sách"))
    assert ("Ủy ban nhân dân xã, phường", "lead") in roles


def test_two_tier_local_government_is_no_target(doc: Document) -> None:
    assert not [t for t in doc.targets if t.value == 2]


@pytest.mark.parametrize("start", ["Rà soát phòng học", "Lồng ghép nội dung"])
def test_state_and_school_level_are_no_recurrence(doc: Document, start: str) -> None:
    assert _duty(doc, "KH.II." + ("1" if start.startswith("Rà") else "2"), start).recurring is None


def test_fresh_gold_files_are_dev_and_blind() -> None:
    """The gold of these forms' source decisions is facts only (README of fresh-plans)."""
    import json

    gold = Path(__file__).resolve().parents[1] / "evaluation" / "gold" / "fresh-plans"
    for name in ("qd1627-ubnd-2025-quangngai", "qd2853-ubnd-2025-tphcm"):
        data = json.loads((gold / f"{name}.json").read_text(encoding="utf-8"))
        assert data["set"] == "dev" and data["blind"] is True
        assert all("text" not in d for d in data["duties"])


PLAN = """\
**ỦY BAN NHÂN DÂN**
THÀNH PHỐ HẢI ĐĂNG

Số: 77/KH-UBND

*Hải Đăng, ngày 05 tháng 12 năm 2025*

**KẾ HOẠCH**

NÂNG CẤP NHÀ VĂN HÓA KHU DÂN CƯ

**I. PHẠM VI, ĐỐI TƯỢNG**

**1. Đối tượng**

a) Đối với nhà văn hóa do Nhà nước đầu tư: Mặt trận Tổ quốc Việt Nam, tổ chức chính trị - xã hội
và các hội (sau đây gọi là đơn vị sử dụng) đang quản lý nhà văn hóa khu dân cư.

**II. TỔ CHỨC THỰC HIỆN**

1. Giao Sở Văn hóa và Thể thao là cơ quan đầu mối, chủ trì triển khai Chương trình “Nhà văn hóa
khu dân cư kiểu mẫu, đến năm 2030” trên địa bàn Thành phố; thực hiện các nhiệm vụ sau:

- Hướng dẫn các phường, xã lập danh mục nhà văn hóa cần nâng cấp;

- Tổng hợp nhu cầu kinh phí gửi Sở Tài chính.

*(Danh mục nhà văn hóa cần nâng cấp được thể hiện tại Phụ lục kèm theo Kế hoạch này).*

2. Bộ Tư lệnh Thành phố chủ trì, phối hợp với Sở Văn hóa và Thể thao tổ chức huấn luyện lực lượng
dân quân bảo vệ các công trình văn hóa.

3. Sở Văn hóa và Thể thao chủ trì, phối hợp với cơ quan thông tấn, báo chí trên địa bàn Thành phố
tuyên truyền về các nhà văn hóa kiểu mẫu.
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(tmp_path_factory.mktemp("fresh_plan"), PLAN, "kh.md")


def test_scope_part_lists_those_concerned_not_charged(plan: Document) -> None:
    assert not [d for d in plan.duties if d.section and d.section.startswith("I.")]


def test_period_of_a_quoted_title_is_no_deadline(plan: Document) -> None:
    duty = _duty(plan, "II.1", "Hướng dẫn các phường")
    assert duty.deadline is None and duty.deadline_text is None


def test_city_military_command_is_a_unit(plan: Document) -> None:
    roles = {(fold(n), r) for n, r in _roles(_duty(plan, "II.2", "Bộ Tư lệnh"))}
    assert ("bo tu lenh thanh pho", "lead") in roles


def test_news_agencies_and_press_are_a_partner(plan: Document) -> None:
    assert ("cơ quan thông tấn, báo chí", "cooperate") in _roles(_duty(plan, "II.3", "Sở Văn hóa"))


@pytest.mark.parametrize(("sentence", "expected"), [
    # "phản hồi về X (qua Y)": the closing request sends problems to X through Y.
    ("Trong quá trình thực hiện, nếu có khó khăn, các cơ quan, đơn vị phản hồi về Ban Chỉ đạo (qua Sở Xây dựng) "
     "để xem xét.", {("Ban Chỉ đạo", "report_to"), ("Sở Xây dựng", "report_to")}),
    # A level word closing a generic partner does not end the partners' list.
    ("Phối hợp với các cơ quan Trung ương, Bộ Y tế trong việc hướng dẫn chuyên môn.", {("Bộ Y tế", "cooperate")}),
    # The generic "đơn vị" closes a printed collective as its last member …
    ("Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành, đơn vị liên quan tổ chức sơ kết.",
     {("Sở Nội vụ", "lead"), ("sở, ban, ngành, đơn vị", "cooperate")}),
    ("Các sở, ngành, đơn vị có trách nhiệm gửi báo cáo về Sở Nội vụ.",
     {("sở, ngành, đơn vị", "lead"), ("Sở Nội vụ", "report_to")}),
    # … also with the owner of the whole list after it (an execution article) …
    ("Giám đốc Sở Xây dựng; Thủ trưởng các sở, ban, ngành, đơn vị trực thuộc Ủy ban nhân dân tỉnh chịu trách "
     "nhiệm thi hành Quyết định này.",
     {("Sở Xây dựng", "lead"), ("sở, ban, ngành, đơn vị trực thuộc Ủy ban nhân dân tỉnh", "lead")}),
    # … but not after "và", and not as a class of its own.
    ("Các sở, ban, ngành, đơn vị sự nghiệp công lập rà soát biên chế.", {("sở, ban, ngành", "lead")}),
    # A charge before the members that open the list reaches the units after them.
    ("Phân công, giao trách nhiệm cho các thành viên Ban Chỉ huy, Lãnh đạo các sở, ngành liên quan theo dõi địa bàn.",
     {("sở, ngành", "lead"), ("sở, ngành", "monitor")}),
    # An economic zone's board keeps the zone's proper name (and the parks it also runs).
    ("Sở Công Thương phối hợp với Ban Quản lý Khu kinh tế Hòn Ngọc và các Khu công nghiệp Lam Sơn rà soát quy hoạch.",
     {("Sở Công Thương", "lead"), ("Ban Quản lý Khu kinh tế Hòn Ngọc và các Khu công nghiệp Lam Sơn", "cooperate")}),
    ("Ban Quản lý Khu kinh tế Bắc Sơn chủ trì cấp phép.", {("Ban Quản lý Khu kinh tế Bắc Sơn", "lead")}),
    # The bodies a task guides after generic objects are acted on.
    ("Sở Xây dựng: hướng dẫn các cơ quan, tổ chức, đơn vị, Ủy ban nhân dân các xã, phường triển khai rà soát nhà ở.",
     {("Sở Xây dựng", "lead")}),
])
def test_reports_partners_and_collectives(sentence: str, expected: set[tuple[str, str]]) -> None:
    from chinhsach.extract.duties import roles_in_text

    assert {(u.name, u.role) for u in roles_in_text(sentence)} == expected


def test_lead_in_announcing_programmes_is_no_duty() -> None:
    from chinhsach.extract.duties import lead_in_clause

    clause = lead_in_clause("Sở Lao động chủ trì, phối hợp với Sở Y tế thực hiện các chương trình có liên quan như:")
    assert clause is not None
    assert {(u.name, u.role) for u in clause[0]} == {("Sở Lao động", "lead"), ("Sở Y tế", "cooperate")}
    assert clause[1] is False


def test_bracketed_pointer_line_is_no_duty(plan: Document) -> None:
    assert not [d for d in plan.duties if d.text.lstrip("*_ ").startswith("(")]


def test_heading_naming_a_class_by_its_function_leads_its_items(doc: Document) -> None:
    assert ("đơn vị quản lý điểm trường", "lead") in _roles(_duty(doc, "KH.III.1.3", "Lập hồ sơ"))
    assert not _roles(_duty(doc, "KH.III.1.4", "Cung cấp số liệu"))
