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


CENTRAL_LETTER = """BỘ MẪU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 902/BM-QL Hà Nội, ngày 14 tháng 7 năm 2026
V/v triển khai quy định về kho dữ liệu

Kính gửi:
- Các Bộ, cơ quan ngang bộ, cơ quan khác ở trung ương;
- Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương.

Để triển khai quy định mới, Bộ Mẫu đề nghị các Bộ, cơ quan ngang bộ, cơ quan khác ở trung ương
(sau đây gọi là Bộ, cơ quan trung ương) và Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung
ương thực hiện các nhiệm vụ trọng tâm sau:

1. Phổ biến quy định đến các cơ quan, đơn vị quản lý kho dữ liệu.

2. Các Bộ, cơ quan trung ương, Ủy ban nhân dân cấp tỉnh có trách nhiệm rà soát, thống kê kho dữ
liệu thuộc phạm vi quản lý và báo cáo kết quả.
"""


def test_short_name_defined_in_brackets_is_the_full_one(tmp_path: Path) -> None:
    """Before: the bracket broke the list of addressees (the committees were lost from item 1),
    and item 2's "Bộ, cơ quan trung ương" and "Ủy ban nhân dân cấp tỉnh" stood for bodies of their
    own instead of the two addressees the letter named in full."""
    doc = parse_text(tmp_path, CENTRAL_LETTER, "cong-van.md")
    full = {("bộ, cơ quan ngang bộ", "lead"), ("Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương", "lead")}
    for section in ("1", "2"):
        duty = next(d for d in doc.duties if d.section == section)
        assert {(u.name, u.role) for u in duty.units} == full, section
