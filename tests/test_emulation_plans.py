"""Forms of emulation and award plans (kế hoạch phát động phong trào thi đua) of 2025.

Seen in the Đắk Lắk emulation plan of session 13 (kept outside the repository,
``/tmp/s13/dev/kh0125``): most of such a plan sets award criteria and quotas; its charging sentences
send award dossiers up and name the bodies that promote the movement.

- a dossier "trình, đề nghị X xem xét tặng Bằng khen": an "đề nghị" inside the clause asks X to
  decide (report_to), unlike an "Đề nghị X …" that opens the clause (lead);
- "Hồ sơ … gửi về Sở X (qua Phòng Y) trước ngày …" in a part on award procedure: a submission
  due by a date is a charged duty even though its units are only report_to (routed through a
  bracketed body, neither leads: tests/test_charges_survey.py);
- "Mặt trận Tổ quốc tỉnh và các đoàn thể chính trị - xã hội, Ủy ban nhân dân xã, phường": the
  plural class keeps no borrowed list of commune levels;
- "Các cơ quan thông tin, truyền thông của tỉnh: …" heads its item as a class of bodies;
- the award parts charge no one outside their charging sentences: an item titled "Đối tượng khen
  thưởng" lists who is rewarded, "- Ban X: Không quá 04 cá nhân;" is a quota, a run-in label
  "Giấy khen của Y; Chủ tịch UBND xã, phường:" names who grants the award;
- under a unit heading, "a) Chỉ đạo các tổ chức thành viên tăng cường …, giám sát …": the
  directed members watch, the heading unit gets no monitor (fresh gold kh624 V.9.a);
- "- Tặng cho xã, phường … đạt các tiêu chuẩn sau:" over "+ … đạt từ 97% trở lên": criteria of an
  award, no target.

All wording below is invented (a made-up province "Đông Hải", a made-up election of a council);
each test failed before the change it covers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import parse_text

from chinhsach.extract.duties import roles_in_text
from chinhsach.extract.units import find_units
from chinhsach.model import Document

PLAN = """ỦY BAN NHÂN DÂN TỈNH ĐÔNG HẢI

Số: 47/KH-UBND

Đông Hải, ngày 02 tháng 3 năm 2026

KẾ HOẠCH

Phát động phong trào thi đua chào mừng kỳ họp đầu nhiệm kỳ của Hội đồng nhân dân tỉnh

I. MỤC ĐÍCH, YÊU CẦU

1. Động viên cán bộ, công chức thi đua hoàn thành tốt công việc chuẩn bị kỳ họp.

II. ĐỐI TƯỢNG, TIÊU CHUẨN VÀ SỐ LƯỢNG KHEN THƯỞNG

1. Đối tượng khen thưởng:

- Tập thể: Các phòng, ban, đơn vị trực thuộc được phân công phục vụ kỳ họp; thôn, tổ dân phố trực tiếp tham gia công tác chuẩn bị kỳ họp.

2. Tiêu chuẩn khen thưởng

- Tặng cho xã, phường hoàn thành tốt công tác chuẩn bị kỳ họp, đạt các tiêu chuẩn sau:

+ Có tỷ lệ đại biểu dự họp đúng giờ đạt từ 97% trở lên;

+ Thực hiện đúng chế độ báo cáo.

3. Số lượng khen thưởng

- Ban Tổ chức kỳ họp của tỉnh: Không quá 04 cá nhân;

- Đối với Công an tỉnh; Sở Tài chính mỗi đơn vị đề nghị không quá 01 tập thể, 02 cá nhân;

4. Giấy khen của Thủ trưởng các cơ quan, đơn vị; Chủ tịch UBND xã, phường: Các Sở, ban, ngành và Ủy ban nhân dân xã, phường tự quyết định số lượng Giấy khen theo thẩm quyền.

III. HỒ SƠ VÀ THỜI GIAN KHEN THƯỞNG

1. Thời gian trình khen thưởng: Hồ sơ trình, đề nghị Chủ tịch Ủy ban nhân dân tỉnh xem xét tặng Bằng khen gửi về Sở Nội vụ (qua Phòng Tổ chức cán bộ) trước ngày 20/4/2026 để tổng hợp, thẩm định.

2. Số lượng khen thưởng: Các Sở, ban, ngành, Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể chính trị - xã hội, Ủy ban nhân dân xã, phường tự quyết định số lượng Giấy khen theo thẩm quyền.

IV. TỔ CHỨC THỰC HIỆN

1. Các cơ quan thông tin, truyền thông của tỉnh: Mở chuyên mục giới thiệu gương điển hình trong phong trào thi đua.

2. Sở Nội vụ: Theo dõi, tổng hợp kết quả phong trào thi đua, báo cáo Ủy ban nhân dân tỉnh.

3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh

a) Chỉ đạo các tổ chức thành viên đẩy mạnh vận động hội viên, giám sát việc bình xét khen thưởng ở cơ sở.

b) Chỉ đạo, kiểm tra việc tổ chức phong trào thi đua trong hệ thống Mặt trận.
"""


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(Path(tmp_path_factory.mktemp("emulation")), PLAN)


def _roles(doc: Document, section: str) -> set[tuple[str, str]]:
    return {(u.name.lower(), u.role) for d in doc.duties if d.section == section for u in d.units if u.explicit}


def test_request_inside_a_clause_makes_the_decider_report_to() -> None:
    roles = {(u.name, u.role) for u in roles_in_text(
        "Hồ sơ trình, đề nghị Chủ tịch Ủy ban nhân dân tỉnh xem xét tặng Bằng khen gửi Sở Nội vụ.")}
    assert ("Chủ tịch Ủy ban nhân dân tỉnh", "report_to") in roles
    assert ("Chủ tịch Ủy ban nhân dân tỉnh", "lead") not in roles
    # An "Đề nghị X …" that opens the clause still charges X.
    opened = {(u.name, u.role) for u in roles_in_text(
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh xem xét, vận động đoàn viên tham gia phong trào.")}
    assert ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "lead") in opened


def test_dated_submission_in_a_procedure_part_is_a_duty(plan: Document) -> None:
    roles = _roles(plan, "III.1")
    assert {("sở nội vụ", "report_to"), ("phòng tổ chức cán bộ", "report_to"),
            ("chủ tịch ủy ban nhân dân tỉnh", "report_to")} <= roles
    assert not any(r == "lead" for _, r in roles)
    assert any(d.section == "III.1" and d.deadline == "2026-04-20" for d in plan.duties)


def test_another_body_in_brackets_only_routes() -> None:
    roles = {(u.name, u.role) for u in roles_in_text(
        "Các đơn vị báo cáo về Ủy ban nhân dân tỉnh (qua Công an tỉnh) để tổng hợp chung.")}
    assert ("Công an tỉnh", "lead") not in roles and ("Ủy ban nhân dân tỉnh", "lead") not in roles


def test_plural_class_keeps_no_borrowed_list_of_levels() -> None:
    names = [m.name for m in find_units(
        "các Sở, ban, ngành, Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể chính trị - xã hội, "
        "Ủy ban nhân dân xã, phường tự quyết định")]
    assert "đoàn thể chính trị - xã hội" in names
    assert not any(n.startswith("đoàn thể chính trị - xã hội ") for n in names)
    # A single level is still shared by the conjuncts.
    shared = [m.name for m in find_units("các tổ chức chính trị - xã hội và hội quần chúng huyện thường xuyên")]
    assert "tổ chức chính trị - xã hội huyện" in shared


def test_information_bodies_head_their_item(plan: Document) -> None:
    assert ("cơ quan thông tin, truyền thông", "lead") in _roles(plan, "IV.1")
    # Bodies only directed stay without a role.
    assert not roles_in_text("Chỉ đạo các cơ quan truyền thông của tỉnh đẩy mạnh tuyên truyền.")


def test_award_parts_charge_only_in_their_charging_sentences(plan: Document) -> None:
    # Those rewarded and the quota bullets are no duties.
    assert not _roles(plan, "II.1")
    assert not _roles(plan, "II.3")
    # The award's grantor in the run-in label takes no role; the bodies of the sentence lead.
    roles = _roles(plan, "II.4")
    assert ("chủ tịch ủy ban nhân dân xã, phường", "lead") not in roles
    assert {("sở, ban, ngành", "lead"), ("ủy ban nhân dân xã, phường", "lead")} <= roles


def test_award_criteria_are_no_targets(plan: Document) -> None:
    assert not [t for t in plan.targets if t.value == 97]


def test_directed_members_watch_not_the_heading_unit(plan: Document) -> None:
    directed = _roles(plan, "IV.3.a")
    assert ("ủy ban mặt trận tổ quốc việt nam tỉnh", "lead") in directed
    assert ("ủy ban mặt trận tổ quốc việt nam tỉnh", "monitor") not in directed
    # "Chỉ đạo, kiểm tra …": both verbs are the heading unit's.
    assert ("ủy ban mặt trận tổ quốc việt nam tỉnh", "monitor") in _roles(plan, "IV.3.b")
