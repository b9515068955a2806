"""A decision that sets up a team charges it by the bare name it gives it.

Layout seen in s15 dev qd1050-sct-2026 (a department director's decision: "Điều 1. Thành lập
Đoàn kiểm tra …" with its members, "Điều 3. Nhiệm vụ và quyền hạn của Đoàn kiểm tra" over the
team's numbered tasks, the title line run on into the article's first sentence). Invented
wording below.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

DECISION = """SỞ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 215/QĐ-SXD Tỉnh Mẫu, ngày 09 tháng 4 năm 2026

QUYẾT ĐỊNH
Kiểm tra chất lượng công trình nhà ở xã hội năm 2026

GIÁM ĐỐC SỞ XÂY DỰNG

Căn cứ Luật Xây dựng;

QUYẾT ĐỊNH:

Điều 1. Thành lập Đoàn kiểm tra (sau đây gọi là Đoàn kiểm tra) để kiểm tra chất lượng
công trình nhà ở xã hội trên địa bàn tỉnh, gồm các ông (bà) có tên sau đây:
1. Ông Nguyễn Văn Mẫu - Phó Giám đốc Sở, Trưởng đoàn;
2. Bà Trần Thị Mẫu - Chuyên viên, Thành viên.
Điều 2. Nhiệm vụ và quyền hạn của Đoàn kiểm tra
Đoàn kiểm tra thực hiện nhiệm vụ theo quy định của pháp luật, trong đó tập trung:
1. Xây dựng kế hoạch làm việc chi tiết, trình Giám đốc Sở phê duyệt.
2. Yêu cầu chủ đầu tư cung cấp hồ sơ hoàn công của công trình.
3. Tổng hợp kết quả, báo cáo Giám đốc Sở sau khi kết thúc đợt làm việc.
4. Việc phân công thành viên do Trưởng đoàn quyết định.
Điều 3. Chánh Văn phòng Sở và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.
"""


def test_team_set_up_leads_its_tasks(tmp_path: Path) -> None:
    """Before: the article's title run on into its first sentence made no task part, and the
    bare "Đoàn kiểm tra" was no unit: D2.1-D2.4 were no duties, the team led nothing."""
    doc = parse_text(tmp_path, DECISION, "quyet-dinh.md")
    for section in ("D2.1", "D2.2", "D2.3", "D2.4"):
        duty = next(d for d in doc.duties if d.section == section)
        assert ("Đoàn kiểm tra", "lead") in {(u.name, u.role) for u in duty.units}, section
    third = next(d for d in doc.duties if d.section == "D2.3")
    assert ("Sở Xây dựng", "report_to") in {(u.name, u.role) for u in third.units}


# A commune Front board's decision setting up a team (s18 dev qd-mttq-2026-luongminh-totiepcongdan:
# the team named by its head noun and then its functions after a comma, its tasks as dash bullets
# under "Điều 2. Nhiệm vụ của Tổ …:", the executing article printed without its full stop).
# Invented wording.
FRONT_TEAM = """ỦY BAN MTTQ VIỆT NAM
XÃ AN MẪU
BAN THƯỜNG TRỰC

Số: 12/QĐ-MTTQ-BTT

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

An Mẫu, ngày 05 tháng 02 năm 2026

QUYẾT ĐỊNH
Về việc thành lập Tổ hòa giải, tiếp nhận kiến nghị phục vụ bầu cử

BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ AN MẪU

Căn cứ Luật Mặt trận Tổ quốc Việt Nam;

QUYẾT ĐỊNH

Điều 1. Thành lập Tổ hòa giải, tiếp nhận kiến nghị của cử tri phục vụ bầu cử, gồm các thành viên:

1. Ông Lê Văn Mẫu - Phó Chủ tịch Ủy ban MTTQ Việt Nam xã - Tổ trưởng.

2. Bà Hà Thị Mẫu - Chuyên viên Ủy ban MTTQ Việt Nam xã - Thành viên.

Điều 2. Nhiệm vụ của Tổ hòa giải, tiếp nhận kiến nghị của cử tri:

- Tiếp nhận, phân loại các kiến nghị của cử tri gửi đến trong thời gian bầu cử.

- Tổng hợp, báo cáo Ban Thường trực Ủy ban MTTQ Việt Nam xã các vụ việc phức tạp.

- Tổ hòa giải, tiếp nhận kiến nghị của cử tri tự giải thể sau khi hoàn thành nhiệm vụ.

Điều 3. Ban Thường trực Ủy ban MTTQ xã và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này

Quyết định này có hiệu lực kể từ ngày ký./.

TM. BAN THƯỜNG TRỰC
CHỦ TỊCH

Lò Thị Mẫu
"""


def test_front_team_leads_its_bullets_and_executes(tmp_path: Path) -> None:
    """Before: the title "Nhiệm vụ của Tổ hòa giải, tiếp nhận …" read as a topic (the functions
    after the comma are no unit), so the bullets had no lead; the executing article without its
    full stop was read as a title and charged nobody; the members "có tên tại Điều 1" were no
    unit."""
    doc = parse_text(tmp_path, FRONT_TEAM, "quyet-dinh-to.md")
    bullets = [d for d in doc.duties if d.section == "D2"]
    assert len(bullets) == 3
    for duty in bullets:
        assert ("Tổ hòa giải", "lead") in {(u.name, u.role) for u in duty.units}, duty.text
    executing = next(d for d in doc.duties if d.section == "D3")
    assert {(u.name, u.role) for u in executing.units} == {
        ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã", "lead"), ("Tổ hòa giải", "lead")}


def test_members_of_the_roster_execute_for_the_team(tmp_path: Path) -> None:
    """"Chánh Văn phòng Sở và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành": the
    members stand for the team they make up ([decided, s15 fixP]; before, no unit)."""
    doc = parse_text(tmp_path, DECISION, "quyet-dinh.md")
    executing = next(d for d in doc.duties if d.section == "D3")
    assert ("Đoàn kiểm tra", "lead") in {(u.name, u.role) for u in executing.units}


def test_bare_board_in_the_boards_own_decision(tmp_path: Path) -> None:
    """"… để tham mưu cho Ban Thường trực xem xét" in the board's own decision: the bare board is
    the issuer's (before, a unit "Ban Thường trực" of its own)."""
    text = FRONT_TEAM.replace("gửi đến trong thời gian bầu cử.",
                              "gửi đến để tham mưu cho Ban Thường trực xem xét, xử lý.")
    doc = parse_text(tmp_path, text, "quyet-dinh-to.md")
    first = next(d for d in doc.duties if d.section == "D2")
    assert ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã", "report_to") in {
        (u.name, u.role) for u in first.units}
