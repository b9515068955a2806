"""A duty table printed on bare lines: a PDF's text layer saved as text (the Official Gazette's
print of a Government resolution) keeps no rule or pipe, only each cell's wrapped lines one cell
after another, and the header again on every page.

Layout seen in the s14 development document nq116-cp-2026 (Phụ lục "TT / Nội dung, nhiệm vụ /
Cơ quan chủ trì thực hiện / Cơ quan phối hợp / Thời gian", Roman groups, dash sub-rows, a task
cell cut by a page). Invented wording and bodies below.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.structure.tables import appendix_heading

RESOLUTION = """CHÍNH PHỦ
Số: 321/NQ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 10 tháng 3 năm 2026

NGHỊ QUYẾT
Về Kế hoạch phát triển thư viện số

CHÍNH PHỦ
QUYẾT NGHỊ:
I. NHIỆM VỤ
1. Xây dựng thư viện số dùng chung.
II. TỔ CHỨC THỰC HIỆN
1. Bộ Văn hóa, Thể thao và Du lịch theo dõi việc thực hiện Kế hoạch này.

TM. CHÍNH PHỦ
THỦ TƯỚNG

Nguyễn Văn A

Phụ lục
NHIỆM VỤ CỤ THỂ
(Kèm theo Nghị quyết số 321/NQ-CP ngày 10 tháng 3 năm 2026 của Chính phủ)

TT
Nội dung, nhiệm vụ
Cơ quan chủ
trì thực hiện
Cơ quan
phối hợp
Thời gian
I
Thư viện số
1
Số hóa tài liệu cổ tại các thư viện
cấp tỉnh.
Bộ Văn hóa,
Thể thao và Du
lịch
Bộ Khoa học
và Công nghệ,
các bộ, cơ quan
Năm
2026 - 2027
2
Xây dựng kho học liệu mở cho học
sinh, sinh viên.
Bộ Giáo dục
và Đào tạo

Hằng năm
3
Kết nối dữ liệu thư mục giữa hệ thống
Bộ Tài chính
Các bộ,
cơ quan, địa
phương
Giai đoạn
2026 - 2030

CÔNG BÁO/Số 88/Ngày 20-03-2026
41

TT
Nội dung, nhiệm vụ
Cơ quan chủ
trì thực hiện
Cơ quan
phối hợp
Thời gian
thư viện trong cả nước.
II
Bạn đọc
1
Tổ chức ngày sách cho bạn đọc.
UBND các tỉnh,
thành phố
Các bộ,
cơ quan
Năm 2026
"""


def test_a_bare_line_duty_table_gives_its_rows(tmp_path: Path) -> None:
    """Before: "Phụ lục" over a capital title opened no appendix and the table was not read —
    its rows fell into the signature, no duty, no unit, no time."""
    doc = parse_text(tmp_path, RESOLUTION, "nq.md")
    rows = {d.section: d for d in doc.duties if (d.section or "").startswith("PL1")}
    assert sorted(rows) == ["PL1.I.1", "PL1.I.2", "PL1.I.3", "PL1.II.1"]

    def units(sec: str) -> list[tuple[str, str]]:
        return sorted((u.name, u.role) for u in rows[sec].units)

    assert units("PL1.I.1") == [("Bộ Khoa học và Công nghệ", "cooperate"),
                                ("Bộ Văn hóa, Thể thao và Du lịch", "lead"), ("bộ, cơ quan", "cooperate")]
    assert rows["PL1.I.1"].deadline == "2027-12-31"
    # An empty partner cell is empty, not the partner of the row above.
    assert units("PL1.I.2") == [("Bộ Giáo dục và Đào tạo", "lead")]
    assert rows["PL1.I.2"].recurring == "hằng năm"
    # The task cut by the page goes on under the repeated header.
    assert "thư viện trong cả nước" in rows["PL1.I.3"].text
    assert units("PL1.I.3") == [("Bộ Tài chính", "lead"), ("bộ, cơ quan, địa phương", "cooperate")]
    assert units("PL1.II.1") == [("bộ, cơ quan", "cooperate"), ("Ủy ban nhân dân tỉnh, thành phố", "lead")]


def test_phu_luc_over_a_capital_title_opens_an_appendix() -> None:
    assert appendix_heading("Phụ lục NHIỆM VỤ CỤ THỂ (Kèm theo Nghị quyết số 3/NQ-CP)") == (
        None, "NHIỆM VỤ CỤ THỂ (Kèm theo Nghị quyết số 3/NQ-CP)")
    assert appendix_heading("Phụ lục kèm theo Kế hoạch này gồm các biểu mẫu") is None
    assert appendix_heading("Phụ lục") == (None, "")
