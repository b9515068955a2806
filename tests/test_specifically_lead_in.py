"""A numbered item whose sentence charges its subject and closes with "Cụ thể:" hands that subject
to the dash points under it.

Layout seen in the s14 development document qd892-ttg-2026 (a Prime Minister's decision approving
a scheme: "3. Các bộ, ngành, Ủy ban nhân dân tỉnh … tổ chức thực hiện … Cụ thể:" over three dash
points, each with its own verb). Invented wording below.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.extract.duties import lead_in_clause

PLAN = """ỦY BAN NHÂN DÂN
TỈNH MẪU
Số: 77/KH-UBND

KẾ HOẠCH
Phát triển thể thao quần chúng năm 2026

I. NHIỆM VỤ
1. Tổ chức các giải thể thao phong trào ở cơ sở.
II. TỔ CHỨC THỰC HIỆN
1. Sở Văn hóa, Thể thao và Du lịch chủ trì hướng dẫn thực hiện Kế hoạch.
2. Ủy ban nhân dân các xã, phường triển khai các nội dung của Kế hoạch phù hợp với điều kiện của địa phương mình. Cụ thể:
- Phối hợp với Sở Văn hóa, Thể thao và Du lịch khảo sát sân bãi tập luyện hiện có;
- Bố trí kinh phí hằng năm để duy trì các câu lạc bộ thể thao;
- Tổng hợp kết quả gửi Sở Văn hóa, Thể thao và Du lịch trước ngày 10 tháng 12.
"""


def test_points_under_a_specifically_lead_in_take_its_subject(tmp_path: Path) -> None:
    """Before: the points named no lead of their own (the plan's lead stood in), so the
    communes charged by item 2 were lost for every point."""
    doc = parse_text(tmp_path, PLAN, "kh.md")
    points = [d for d in doc.duties if d.section == "II.2"]
    assert len(points) == 4  # the sentence itself and its three points
    for d in points:
        assert ("Ủy ban nhân dân xã, phường", "lead") in [(u.name, u.role) for u in d.units]


def test_specifically_closes_a_lead_in_clause() -> None:
    handed = lead_in_clause("Ủy ban nhân dân các xã, phường triển khai các nội dung của Kế hoạch phù hợp "
                            "với điều kiện của địa phương mình. Cụ thể:")
    assert handed is not None
    units, own_duty = handed
    assert [(u.name, u.role) for u in units] == [("Ủy ban nhân dân xã, phường", "lead")]
    assert own_duty
