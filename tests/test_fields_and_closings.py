"""Forms of 2025 provincial plans the development plans do not print (session 13, fresh plans).

Seen in two new real plans of session 13 (kept outside the repository, ``/tmp/s13/dev``: a TP Hồ
Chí Minh plan whose items are labelled fields, a Hà Tĩnh unit-headed plan) and in plans of the
public crawl, e.g. the capital's own spelling of its collectives ("Sở, ban, ngành, cơ quan, đơn vị
thuộc Thành phố", https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Ke-hoach-225-KH-UBND-2024-trien-khai-thi-hanh-Luat-Thu-do-Ha-Noi-623572.aspx)
and a report routed through a department in brackets
(https://snv.binhdinh.gov.vn/vi/news/cong-tac-ton-giao/bao-dam-nep-song-van-minh-an-toan-tiet-kiem-trong-cac-hoat-dong-tin-nguong-ton-giao-dip-tet-nguyen-dan-giap-thin-va-le-hoi-xuan-2024-993.html).

- an item written as labelled fields whose "Cơ quan thực hiện" field is a sentence: the
  committee the lead advises ("chủ trì tham mưu Ủy ban nhân dân tỉnh ban hành …") is report_to,
  not one more lead;
- an item whose heading is the task ("2. Tổ chức kiểm tra việc thực hiện …") over its fields: the
  performers monitor;
- a subordinate body with its parent in brackets ("Chi cục Thủy lợi (Sở Nông nghiệp và Môi
  trường)"): the parent takes no role, and the list goes on after the bracket;
- a collective restricted to the city's own bodies, the city capitalised ("các sở, ban, ngành
  thuộc Ủy ban nhân dân Thành phố"), or closed by a restricted "cơ quan" ("các sở, ngành, cơ
  quan liên quan", "các sở, cơ quan trực thuộc tỉnh"): one unit, the committee no lead;
- "(thông qua Sở X để tổng hợp)": the bracketed department consolidates, so it leads too;
- the issuer handing the plan to every head after the last lettered point ("Ủy ban nhân dân
  tỉnh giao Giám đốc các sở, Thủ trưởng các ban, ngành …"): the part's closing, not the last
  point's.

All wording below is invented (a made-up province "Đông Hải", a water-resources law); each test
failed before the change it covers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import parse_text

from chinhsach.extract.duties import roles_in_text
from chinhsach.extract.units import find_units
from chinhsach.model import Document

PLAN = """ỦY BAN NHÂN DÂN TỈNH ĐÔNG HẢI

Số: 31/KH-UBND

Đông Hải, ngày 09 tháng 3 năm 2026

KẾ HOẠCH

Triển khai thi hành Luật Tài nguyên nước trên địa bàn tỉnh

I. MỤC ĐÍCH, YÊU CẦU

1. Bảo đảm Luật được thi hành thống nhất trên địa bàn tỉnh.

II. NỘI DUNG

1. Phổ biến Luật Tài nguyên nước

- Nội dung thực hiện: Phổ biến Luật Tài nguyên nước bằng hình thức phù hợp với từng nhóm người dân.

- Cơ quan thực hiện: Sở Nông nghiệp và Môi trường chủ trì tham mưu Ủy ban nhân dân tỉnh ban hành văn bản hướng dẫn; Sở Công Thương, các cơ quan thông tấn, báo chí và Ủy ban nhân dân xã, phường chủ động tổ chức phổ biến.

- Thời gian thực hiện: Năm 2026.

2. Tổ chức kiểm tra việc thực hiện Luật Tài nguyên nước

- Cơ quan thực hiện: Sở Nông nghiệp và Môi trường, các sở, ban, ngành tỉnh trong phạm vi chức năng của mình.

- Thời gian thực hiện: Năm 2027.

3. Bồi dưỡng người làm công tác tài nguyên nước

- Cơ quan chủ trì: Sở Nội vụ.

- Cơ quan phối hợp: Chi cục Thủy lợi (Sở Nông nghiệp và Môi trường), Ủy ban nhân dân xã, phường.

III. TỔ CHỨC THỰC HIỆN

1. Sở Nông nghiệp và Môi trường

a) Chủ trì, phối hợp với các sở, ngành, cơ quan liên quan hướng dẫn thực hiện Kế hoạch.

b) Tổng hợp kết quả thực hiện Kế hoạch hằng năm.

2. Các sở, cơ quan trực thuộc tỉnh và các cơ quan liên quan trong phạm vi chức năng, nhiệm vụ của mình tổ chức thực hiện Kế hoạch.

3. Ủy ban nhân dân xã, phường

a) Xây dựng kế hoạch thực hiện tại địa phương.

b) Báo cáo kết quả về Ủy ban nhân dân tỉnh (thông qua Sở Nông nghiệp và Môi trường để tổng hợp).

Ủy ban nhân dân tỉnh giao Giám đốc các sở, Thủ trưởng các ban, ngành, đoàn thể cấp tỉnh và Chủ tịch Ủy ban nhân dân các xã, phường triển khai thực hiện Kế hoạch này./.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Minh
"""

NN = "Sở Nông nghiệp và Môi trường"


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(Path(tmp_path_factory.mktemp("fields")), PLAN)


def _roles(doc: Document, section: str) -> set[tuple[str, str]]:
    return {(u.name.lower(), u.role) for d in doc.duties if d.section == section for u in d.units if u.explicit}


def test_field_sentence_keeps_the_advised_committee_report_to(plan: Document) -> None:
    roles = _roles(plan, "II.1")
    assert ("ủy ban nhân dân tỉnh", "report_to") in roles
    assert ("ủy ban nhân dân tỉnh", "lead") not in roles
    assert {(NN.lower(), "lead"), ("sở công thương", "lead"), ("ủy ban nhân dân xã, phường", "lead"),
            ("cơ quan thông tấn, báo chí", "lead")} <= roles


def test_inspection_item_heading_makes_its_performers_monitor(plan: Document) -> None:
    roles = _roles(plan, "II.2")
    assert {(NN.lower(), "monitor"), ("sở, ban, ngành tỉnh", "monitor")} <= roles
    # A field task that inspects nothing gives no monitor.
    assert not any(r == "monitor" for _, r in _roles(plan, "II.1"))


def test_bracketed_parent_takes_no_role(plan: Document) -> None:
    roles = _roles(plan, "II.3")
    assert ("chi cục thủy lợi", "cooperate") in roles
    assert ("ủy ban nhân dân xã, phường", "cooperate") in roles
    assert not any(name == NN.lower() for name, _ in roles)


def test_bracketed_parent_does_not_break_a_list_of_partners() -> None:
    text = ("Sở Nội vụ chủ trì, phối hợp với Trung tâm Dịch vụ việc làm tỉnh (Sở Nội vụ), Ủy ban nhân dân "
            "xã, phường tổ chức sàn giao dịch việc làm.")
    roles = {(u.name, u.role) for u in roles_in_text(text)}
    assert ("Ủy ban nhân dân xã, phường", "cooperate") in roles
    assert ("Ủy ban nhân dân xã, phường", "lead") not in roles
    # A sub-body in brackets after its parent is a second body, left as it was.
    assert {m.name for m in find_units("Sở Nội vụ (Ban Thi đua - Khen thưởng) chủ trì")} >= {"Sở Nội vụ"}


@pytest.mark.parametrize(("text", "name"), [
    ("Các sở, ban, ngành thuộc Ủy ban nhân dân Thành phố có trách nhiệm rà soát văn bản.",
     "sở, ban, ngành thuộc Ủy ban nhân dân Thành phố"),
    ("Sở Tài chính chủ trì, phối hợp với các sở, ngành, cơ quan liên quan bố trí kinh phí.",
     "sở, ngành, cơ quan"),
    ("Các sở, cơ quan trực thuộc tỉnh và các cơ quan liên quan tổ chức thực hiện.",
     "sở, cơ quan trực thuộc tỉnh"),
    ("Các phòng, cơ quan trực thuộc Sở và các đơn vị liên quan tổ chức thực hiện.",
     "phòng, cơ quan trực thuộc Sở"),
])
def test_restricted_collectives_are_one_unit(text: str, name: str) -> None:
    names = [m.name for m in find_units(text)]
    assert name in names
    assert not any(n.lower().startswith("ủy ban nhân dân") for n in names)


def test_restricted_collective_is_the_only_lead(plan: Document) -> None:
    assert _roles(plan, "III.2") == {("sở, cơ quan trực thuộc tỉnh", "lead")}
    assert ("sở, ngành, cơ quan", "cooperate") in _roles(plan, "III.1.a")


def test_bracketed_consolidator_leads() -> None:
    inside = {(u.name, u.role) for u in roles_in_text(
        "Báo cáo kết quả về Ủy ban nhân dân tỉnh (thông qua Sở Tư pháp để tổng hợp).")}
    assert {("Sở Tư pháp", "report_to"), ("Sở Tư pháp", "lead"), ("Ủy ban nhân dân tỉnh", "report_to")} <= inside
    # Outside the bracket the purpose is not the intermediary's: it only routes the reports.
    outside = {(u.name, u.role) for u in roles_in_text(
        "Báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Tư pháp) để tổng hợp.")}
    assert ("Sở Tư pháp", "lead") not in outside


def test_issuer_handing_the_plan_to_all_heads_closes_the_part(plan: Document) -> None:
    closing = [d for d in plan.duties if d.text.startswith("Ủy ban nhân dân tỉnh giao")]
    assert [d.section for d in closing] == ["III"]
    assert not any(d.text.startswith("Ủy ban nhân dân tỉnh giao") for d in plan.duties if d.section == "III.3.b")


def test_second_increase_names_its_own_thing() -> None:
    """Two increases in one clause, each naming what grows after its value: the second is not the
    first one's narrower subject (it read "mức tăng thêm xe buýt tuyến đường …" before)."""
    from chinhsach.extract.targets import find_targets

    found = find_targets("Phấn đấu tăng thêm ít nhất 15% số xe buýt điện và tăng thêm ít nhất 5% số tuyến "
                         "đường có làn ưu tiên.", section="II.2", year=2030)
    assert [(t.value, t.comparator) for t in found] == [(15.0, "at_least"), (5.0, "at_least")]
    assert "xe buýt" not in found[1].indicator and "tuyến đường" in found[1].indicator
    # A member that only names a narrower subject still narrows the previous change.
    narrowed = find_targets("Giảm tỷ lệ hộ nghèo bình quân 3%/năm, riêng các huyện nghèo giảm trên 5%/năm.",
                            section="II.2", year=2030)
    assert "hộ nghèo" in narrowed[1].indicator


def test_content_label_is_not_part_of_the_task(plan: Document) -> None:
    texts = [d.text for d in plan.duties if d.section == "II.1"]
    assert texts and texts[0].startswith("Phổ biến Luật Tài nguyên nước")


FIELD_PARTNERS = """ỦY BAN NHÂN DÂN TỈNH ĐÔNG HẢI

Số: 32/KH-UBND

Đông Hải, ngày 10 tháng 3 năm 2026

KẾ HOẠCH

Triển khai Luật Dược

I. MỤC ĐÍCH, YÊU CẦU

1. Bảo đảm thực hiện thống nhất.

II. NỘI DUNG

1. Rà soát văn bản về dược

- Nội dung công việc: Rà soát văn bản quy phạm pháp luật của tỉnh về dược.

- Cơ quan thực hiện: Sở Y tế chủ trì, phối hợp với Sở Tư pháp và Ủy ban nhân dân xã, phường thực hiện; báo cáo Ủy ban nhân dân tỉnh kết quả.

- Thời hạn hoàn thành: Quý II/2026.

2. Giám sát việc kinh doanh thuốc

- Đơn vị chủ trì: Sở Y tế.

- Đơn vị phối hợp: Thanh tra tỉnh, Công an tỉnh.

- Thời gian thực hiện: Hằng năm.
"""


def test_lead_field_sentence_keeps_partners_and_addressee(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, FIELD_PARTNERS)
    assert _roles(doc, "II.1") == {("sở y tế", "lead"), ("sở tư pháp", "cooperate"),
                                   ("ủy ban nhân dân xã, phường", "cooperate"),
                                   ("ủy ban nhân dân tỉnh", "report_to")}
    assert _roles(doc, "II.2") == {("sở y tế", "lead"), ("sở y tế", "monitor"), ("thanh tra tỉnh", "cooperate"),
                                   ("công an tỉnh", "cooperate")}
