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
