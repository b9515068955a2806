"""A sub-committee's own plan charges its posts (s18 fixAB).

An election committee's sub-committee (Tiểu ban) issues its plan under its own name and assigns
the work by post: "Đồng chí <home office> - Trưởng Tiểu ban: …", "- Phó Trưởng tiểu ban Thường
trực: …", "- Ủy viên: …", "Các thành viên khác trong tiểu ban …". Each person acts in the
sub-committee there, so the post stands for the sub-committee ([decided, s16 fixI]; both blind
golds of s17 kh01-tbttkt wrote so); the home office before the dash is not charged, and "phối
hợp với các thành viên trong tiểu ban" names the team's own members, no partner. Invented wording.
"""

from __future__ import annotations

from pathlib import Path

from chinhsach import parse

PLAN = """TIỂU BAN TUYÊN TRUYỀN, KHÁNH TIẾT

Số: 02/KH-TBTT

An Phú, ngày 5 tháng 1 năm 2026

KẾ HOẠCH

Tuyên truyền bầu cử trên địa bàn xã

I. MỤC ĐÍCH, YÊU CẦU

Bảo đảm cuộc bầu cử thành công.

II. TỔ CHỨC THỰC HIỆN

1. Đồng chí Phó Chủ tịch Ủy ban nhân dân xã - Trưởng Tiểu ban: Phụ trách chung, chịu trách nhiệm trước Ủy ban bầu cử xã về kết quả tuyên truyền.

2. Đồng chí Phó Giám đốc Trung tâm Văn hóa, Thể thao và Truyền thông xã - Phó Trưởng tiểu ban Thường trực: Chỉ đạo việc treo băng rôn, khẩu hiệu tại các điểm bỏ phiếu.

3. Đồng chí Phó Trưởng phòng Kinh tế - Hạ tầng - Ủy viên: Chuẩn bị tin bài phát trên loa truyền thanh xã.

4. Các thành viên khác trong tiểu ban chủ động phối hợp với các thành viên trong tiểu ban thực hiện nhiệm vụ được phân công.
"""


def test_the_posts_stand_for_the_sub_committee(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    doc = parse(path)
    team = doc.meta.issuer
    assert team == "Tiểu ban tuyên truyền, khánh tiết"
    rows = {d.section: {(u.name, u.role) for u in d.units} for d in doc.duties}
    assert rows["II.1"] == {(team, "lead"), ("Ủy ban bầu cử xã", "report_to")}
    assert rows["II.2"] == {(team, "lead")}
    assert rows["II.3"] == {(team, "lead")}
    assert rows["II.4"] == {(team, "lead")}


FRONT_PLAN = """ỦY BAN MTTQ VIỆT NAM
XÃ AN PHÚ
BAN THƯỜNG TRỰC

Số: 07/KH-MTTQ-BTT

An Phú, ngày 2 tháng 2 năm 2026

KẾ HOẠCH

Giám sát việc thực hiện chính sách an sinh xã hội năm 2026

I. MỤC ĐÍCH, YÊU CẦU

Phát huy vai trò giám sát của Mặt trận.

II. TỔ CHỨC THỰC HIỆN

1. Ban Thường trực Ủy ban MTTQ Việt Nam xã

- Đồng chí Chủ tịch Ủy ban MTTQ Việt Nam xã chỉ đạo chung việc tuyên truyền.

2. Chuyên viên phụ trách lĩnh vực an sinh xã hội

- Xây dựng đề cương giám sát, trình Ban Thường trực ban hành.

- Tổng hợp kết quả giám sát trong tháng 11/2026.
"""


def test_a_front_boards_plan_reads_its_officers_as_its_bodies(tmp_path: Path) -> None:
    """The chair is the issuing standing board; the staff by field are the committee's staff
    office ([decided, s15 fixP], [decided, s17 fixY2]); s17 dev kh16-mttq III.1, III.3, III.7."""
    path = tmp_path / "front.md"
    path.write_text(FRONT_PLAN, encoding="utf-8")
    doc = parse(path)
    board = "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã"
    office = "Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam xã"
    rows = [(d.section, {(u.name, u.role) for u in d.units}) for d in doc.duties]
    assert ("II.1", {(board, "lead")}) in rows
    staff = [r for s, r in rows if s == "II.2"]
    assert staff and all((office, "lead") in r for r in staff)
    assert any((board, "report_to") in r for r in staff)  # "trình Ban Thường trực": the board itself
