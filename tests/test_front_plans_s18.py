"""A commune Front board's supervision plan: its forms of supervision are tasks, and the act an
item checks names no partner of the checker.

Layout seen in s18 dev kh-mttq-2025-luongminh-kiemtra-giamsat (contents in dated phases with
"a) Nội dung Kiểm tra" / "b) Nội dung Giám sát" bullets "Kiểm tra việc …", then "IV. HÌNH THỨC
KIỂM TRA, GIÁM SÁT" over numbered forms), s17 dev kh-mttq-2025-baccamranh (the same part IV) and
spent s17 held-out kh01-tbttkt-2025 ("III. HÌNH THỨC, THỜI GIAN TUYÊN TRUYỀN"). Invented wording.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

PLAN = """ỦY BAN MTTQ VIỆT NAM
XÃ HÒA MẪU
BAN THƯỜNG TRỰC

Số: 21/KH-MTTQ-BTT

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Hòa Mẫu, ngày 02 tháng 12 năm 2025

KẾ HOẠCH
Giám sát việc lấy ý kiến cử tri trên địa bàn xã

I. MỤC ĐÍCH, YÊU CẦU

1. Bảo đảm việc lấy ý kiến cử tri dân chủ, đúng quy định.

II. NỘI DUNG GIÁM SÁT

1. Đợt 1: Từ ngày 10/12/2025 đến ngày 25/01/2026:

- Kiểm tra việc chủ trì, phối hợp với Trưởng thôn tổ chức hội nghị cử tri ở thôn.

- Giám sát việc tiếp nhận hồ sơ của người ứng cử và gửi về Ủy ban bầu cử xã đúng thời hạn.

III. HÌNH THỨC GIÁM SÁT

1. Cử cán bộ tham dự các hội nghị cử tri tại thôn.

2. Tổ chức đoàn giám sát tại các điểm bỏ phiếu.

IV. TỔ CHỨC THỰC HIỆN

1. Ban Thường trực Ủy ban MTTQ Việt Nam xã tổng hợp kết quả, báo cáo Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh.

TM. BAN THƯỜNG TRỰC
CHỦ TỊCH

Vi Thị Mẫu
"""


def test_forms_of_supervision_are_tasks(tmp_path: Path) -> None:
    """Before: "III. HÌNH THỨC GIÁM SÁT" had no cue and read as an "other" part, so its items,
    which name no unit, were no duties (the golds read them as the board's tasks)."""
    doc = parse_text(tmp_path, PLAN, "ke-hoach.md")
    assert next(s for s in doc.sections if s.id == "III").part == "tasks"
    assert {d.section for d in doc.duties} >= {"III.1", "III.2"}


def test_the_checked_act_names_no_partner_of_the_checker(tmp_path: Path) -> None:
    """Before: the village head whose hosting is checked cooperated, and the commune's election
    committee the files go to was the checker's report receiver."""
    doc = parse_text(tmp_path, PLAN, "ke-hoach.md")
    checks = [d for d in doc.duties if d.section == "II.1" and d.text.startswith(("Kiểm tra", "Giám sát"))]
    assert len(checks) == 2
    for duty in checks:
        assert not [u for u in duty.units if u.explicit], duty.text


def test_an_items_own_window_without_the_day_word(tmp_path: Path) -> None:
    """"(từ 20/12/2025 đến 05/01/2026)" inside an item under "Đợt 1: Từ ngày … đến ngày …": the
    item's own window (no "ngày") is its time, not the phase's end ([decided, s13 adj]: unless the
    item prints its own time). Before, the span was not read and the phase's 25/01 taken."""
    text = PLAN.replace("tổ chức hội nghị cử tri ở thôn.",
                        "tổ chức hội nghị cử tri ở thôn (từ 20/12/2025 đến 05/01/2026).")
    doc = parse_text(tmp_path, text, "ke-hoach.md")
    first = next(d for d in doc.duties if d.section == "II.1" and d.text.startswith("Kiểm tra"))
    assert first.deadline == "2026-01-05"
    second = next(d for d in doc.duties if d.section == "II.1" and d.text.startswith("Giám sát"))
    assert second.deadline == "2026-01-25"
