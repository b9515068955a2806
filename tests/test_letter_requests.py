"""A letter's issuer who asks for contents is not charged with them.

Layout seen in s15 dev cv5141-snnmt-2025 (a provincial department's letter to mining licence
holders: "Sở … đề nghị một số nội dung cụ thể như sau:" over items 1-3, each addressed to someone
else) and in the letters of the session-12 charges survey ("Sở Y tế yêu cầu các đơn vị thực hiện
các nội dung sau:"). Invented wording below.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.extract.duties import lead_in_clause

LETTER = """SỞ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 310/SM-QL Tỉnh Mẫu, ngày 04 tháng 11 năm 2026
V/v chấn chỉnh việc kê khai sản lượng

Kính gửi: Ủy ban nhân dân các xã, phường.

Để chấn chỉnh việc kê khai sản lượng, Sở Xây dựng đề nghị một số nội dung cụ thể như sau:
1. Rà soát danh sách cơ sở sản xuất trên địa bàn, cập nhật số liệu sản lượng.
2. Tổng hợp kết quả kê khai của các cơ sở, gửi về Sở Xây dựng trước ngày 20/12/2026.
"""


def test_asking_for_contents_hands_no_lead() -> None:
    """Before: the department that asks ("… đề nghị một số nội dung …") led every point."""
    assert lead_in_clause("Sở Xây dựng đề nghị một số nội dung cụ thể như sau:") is None
    assert lead_in_clause("Sở Xây dựng yêu cầu các đơn vị thực hiện các nội dung sau:") is None
    handed = lead_in_clause("Sở Xây dựng đề nghị Sở Tài chính thực hiện các nội dung sau:")
    assert handed is not None and [(u.name, u.role) for u in handed[0]] == [("Sở Tài chính", "lead")]
    own = lead_in_clause("Sở Xây dựng chủ trì thực hiện các nội dung sau:")
    assert own is not None and [(u.name, u.role) for u in own[0]] == [("Sở Xây dựng", "lead")]


def test_letters_points_are_not_the_issuers(tmp_path: Path) -> None:
    """Before: both points were led by the department that asked for them."""
    doc = parse_text(tmp_path, LETTER, "cong-van.md")
    assert not any(("Sở Xây dựng", "lead") in {(u.name, u.role) for u in d.units} for d in doc.duties)
    second = next(d for d in doc.duties if d.section == "2")
    assert ("Sở Xây dựng", "report_to") in {(u.name, u.role) for u in second.units}
