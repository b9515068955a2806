"""Task tables of real documents in layouts the table readers had not seen (session 14, second
round: documents of the public repository Trangsct/skill-sct, van-ban-goc folders).

Invented wording and bodies below; each test names the layout and where it was seen.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

# A decision saved as markdown whose signature is a one-row pipe table and whose attached list
# follows under "DANH MỤC" (no "PHỤ LỤC"), its own markdown table with the time column before
# the units (TT | Tên nhiệm vụ, dự án | Thời gian thực hiện | Cơ quan chủ trì | Cơ quan phối
# hợp). Layout seen in QD 1775/QĐ-TTg 2012 (Trangsct/skill-sct,
# bvmt-sct-vn/skills/bvmt-sct-vn/van-ban-goc/knk-bdkh/QD-1775-QD-TTg-21-11-2012-…).
DECISION_WITH_LIST = """| ỦY BAN NHÂN DÂN TỈNH MẪU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| --- | --- |
| Số: 77/QĐ-UBND | *Tỉnh Mẫu, ngày 02 tháng 3 năm 2027* |
QUYẾT ĐỊNH
Phê duyệt Đề án kiểm đếm cầu treo dân sinh
Điều 1. Phê duyệt Đề án kiểm đếm cầu treo dân sinh với các nhiệm vụ tại Danh mục kèm theo.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
| *Nơi nhận:* - Như Điều 2; - Lưu: VT. | CHỦ TỊCH     Trần Văn Mẫu |
| --- | --- |
DANH MỤC
CÁC NHIỆM VỤ THUỘC ĐỀ ÁN KIỂM ĐẾM CẦU TREO DÂN SINH
*(Ban hành kèm theo Quyết định số 77/QĐ-UBND ngày 02 tháng 3 năm 2027 của Ủy ban nhân dân tỉnh)*
| TT | Tên nhiệm vụ, dự án | Thời gian thực hiện | Cơ quan chủ trì | Cơ quan phối hợp |
| --- | --- | --- | --- | --- |
| 1 | Lập sổ theo dõi cầu treo dân sinh | 2027-2028 | Sở Xây dựng | Ủy ban nhân dân các xã |
| 2 | Kiểm định tải trọng cầu treo | 2027-2029 | Sở Giao thông vận tải | Sở Tài chính |
| 3 | Xây dựng cơ sở dữ liệu cầu treo | 2028-2030 | Sở Khoa học và Công nghệ | Sở Xây dựng |
"""


def test_a_list_after_a_pipe_signature_is_its_own_table(tmp_path: Path) -> None:
    """Before: the signature's pipe row, the list's title lines and the list's table were read
    as one table (the title a third cell of the signature row): no row became a duty."""
    doc = parse_text(tmp_path, DECISION_WITH_LIST, "qd.md")
    rows = [d for d in doc.duties if d.deadline_text]
    assert [d.deadline_text for d in rows] == ["2027-2028", "2027-2029", "2028-2030"]
    assert [sorted((u.name, u.role) for u in d.units) for d in rows] == [
        [("Sở Xây dựng", "lead"), ("Ủy ban nhân dân xã", "cooperate")],
        [("Sở Giao thông vận tải", "lead"), ("Sở Tài chính", "cooperate")],
        [("Sở Khoa học và Công nghệ", "lead"), ("Sở Xây dựng", "cooperate")],
    ]
    assert rows[0].text == "Lập sổ theo dõi cầu treo dân sinh"


def test_a_danh_muc_attached_after_the_signature_is_an_appendix(tmp_path: Path) -> None:
    """Before: "DANH MỤC" over "(Ban hành kèm theo Quyết định …)" after the signature opened no
    appendix: the list's rows had no section to cite."""
    doc = parse_text(tmp_path, DECISION_WITH_LIST, "qd.md")
    rows = [d for d in doc.duties if d.deadline_text]
    assert [d.section for d in rows] == ["PL1.1", "PL1.2", "PL1.3"]
