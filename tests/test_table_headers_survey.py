"""Table headers and rows as the crawls of law portals flatten them.

The development plans come from one crawler, which prints every table cell after cell with a
lone "|" after each. Real pages read through the search tool flatten tables in other ways too
(addresses in each block): a whole row per line with a pipe before and after every cell ("| a |
b |"), a whole row per line with a pipe after every cell only ("a | b |"), one cell per line
ending in " |" with the cell's text wrapped over lines. Real appendix tables have two-row
headers ("Cơ quan thực hiện" over "Chủ trì | Phối hợp"; "Năm 2025" over "Kế hoạch | Ước thực
hiện"), whose merged cells a converter leaves empty, repeats, or drops. The test texts are
written anew (invented province and districts, own figures), never copied; the same table is
read from markdown and from a Word and a PDF table with truly merged cells, so the three inputs
agree.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chinhsach import parse
from chinhsach.model import Document

HEADER = """| ỦY BAN NHÂN DÂN TỈNH HÒA VÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 45/KH-UBND | Hòa Vân, ngày 12 tháng 12 năm 2025 |

**KẾ HOẠCH**

**TRIỂN KHAI NHIỆM VỤ NĂM 2026**

I. MỤC TIÊU

Các nhiệm vụ và chỉ tiêu tại Phụ lục kèm theo.

**PHỤ LỤC**

"""


def _grid(table: str) -> list[list[str]]:
    rows = [line.strip() for line in table.strip().splitlines()]
    return [[c.strip() for c in r[1:-1].split("|")] for r in rows if not set(r) <= set("|-: ")]


def _spans(grid: list[list[str]], header_rows: int) -> list[tuple[int, int, int, int]]:
    """(row, col, last row, last col) of each merged header cell: an empty header cell right of
    a label whose row below labels both is covered by that label; an empty cell under a label
    (and nothing right of it) is covered from above."""
    spans: list[tuple[int, int, int, int]] = []
    covered: set[tuple[int, int]] = set()
    for r in range(header_rows):
        for c, label in enumerate(grid[r]):
            if not label or (r, c) in covered:
                continue
            right = c
            while (right + 1 < len(grid[r]) and not grid[r][right + 1] and r + 1 < header_rows
                   and grid[r + 1][right + 1]):
                right += 1
            down = r
            while right == c and down + 1 < header_rows and not grid[down + 1][c]:
                down += 1
            if right > c or down > r:
                spans.append((r, c, down, right))
                covered |= {(i, j) for i in range(r, down + 1) for j in range(c, right + 1)}
    return spans


def _write_docx(path: Path, table: str, header_rows: int) -> None:
    import docx

    grid = _grid(table)
    document = docx.Document()
    for line in HEADER.replace("**", "").split("\n\n")[1:]:
        if line.strip():
            document.add_paragraph(line.strip())
    out = document.add_table(rows=len(grid), cols=len(grid[0]))
    for i, row in enumerate(grid):
        for j, cell in enumerate(row):
            out.cell(i, j).text = cell
    for r, c, r2, c2 in _spans(grid, header_rows):
        out.cell(r, c).merge(out.cell(r2, c2)).text = grid[r][c]
    document.save(str(path))


def _write_pdf(path: Path, table: str, header_rows: int) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    body = ParagraphStyle("body", fontName="DejaVu", fontSize=10, leading=13)
    small = ParagraphStyle("cell", fontName="DejaVu", fontSize=8, leading=10)
    grid = _grid(table)
    flow: list = []
    for line in HEADER.replace("**", "").split("\n\n")[1:]:
        if line.strip():
            flow += [Paragraph(line.strip(), body), Spacer(1, 6)]
    style = [("FONTNAME", (0, 0), (-1, -1), "DejaVu"), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
    style += [("SPAN", (c, r), (c2, r2)) for r, c, r2, c2 in _spans(grid, header_rows)]
    out = Table([[Paragraph(c, small) for c in row] for row in grid])
    out.setStyle(TableStyle(style))
    SimpleDocTemplate(str(path), pagesize=A4).build([*flow, out])


def _parse(tmp_path: Path, table: str, fmt: str = "md", header_rows: int = 2) -> Document:
    """The plan with ``table`` as its appendix: ``table`` as written when ``fmt`` is "md"
    (any flattening), else a Word or PDF table with the header's merged cells merged."""
    path = tmp_path / f"plan.{fmt}"
    if fmt == "md":
        path.write_text(HEADER + table, encoding="utf-8")
    elif fmt == "docx":
        _write_docx(path, table, header_rows)
    else:
        _write_pdf(path, table, header_rows)
    return parse(path)


def _duties(doc: Document) -> dict[str, tuple[frozenset[tuple[str, str]], str | None]]:
    return {d.section: (frozenset((u.name, u.role) for u in d.units if u.role in ("lead", "cooperate")),
                        d.deadline)
            for d in doc.duties if d.section and d.section.startswith("PL")}


def _targets(doc: Document) -> set[tuple[str | None, str, float | None, str | None, int | None]]:
    return {(t.section, t.indicator, t.value, t.unit, t.year) for t in doc.targets}


# ---------------------------------------------------------------------------------------------
# Two-row headers, the merged cell left empty (markdown) or merged (DOCX, PDF)
# ---------------------------------------------------------------------------------------------

# "Cơ quan thực hiện" over "Chủ trì | Phối hợp" is the usual duty appendix of provincial and
# ministerial plans (the task appendices of the action plans read in session 11, e.g. QĐ
# 444/QĐ-TTg 2024 at https://hethongphapluat.vn/quyet-dinh-444-qd-ttg-nam-2024-ke-hoach-hanh-dong-thuc-hien-chien-luoc-quoc-gia-phong-thu-dan-su-den-nam-2030-va-nhung-nam-tiep-theo-do-thu-tuong-chinh-phu-ban-hanh.html
# and KH 130/KH-UBND 2022 Ninh Bình at https://hethongphapluat.vn/ke-hoach-130-kh-ubnd-nam-2022-ve-giam-sat-danh-gia-thuc-hien-chuong-trinh-muc-tieu-quoc-gia-giam-ngheo-ben-vung-giai-doan-2021-2025-tren-dia-ban-tinh-ninh-binh.html).
# A markdown converter writes the merged cell once and leaves the slot it covers empty, and
# the cells merged down empty in the second row. Read as a stream of cells, the empty header
# slot looked like the end of a row: the table was not seen at all (its rows read as prose,
# no duty), while the same table in DOCX and PDF was read.

UNITS_TWO_ROWS = """| STT | Nội dung nhiệm vụ | Cơ quan thực hiện | | Thời gian hoàn thành |
|---|---|---|---|---|
| | | Chủ trì | Phối hợp | |
| 1 | Xây dựng cơ sở dữ liệu dân cư của tỉnh | Công an tỉnh | Sở Tư pháp | Quý II/2026 |
| 2 | Số hóa hồ sơ đất đai | Sở Nông nghiệp và Môi trường | Sở Tài chính | Năm 2027 |
"""
UNITS_EXPECTED = {
    "PL1.1": (frozenset({("Công an tỉnh", "lead"), ("Sở Tư pháp", "cooperate")}), "2026-06-30"),
    "PL1.2": (frozenset({("Sở Nông nghiệp và Môi trường", "lead"), ("Sở Tài chính", "cooperate")}),
              "2027-12-31"),
}


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_units_under_a_merged_header_cell(tmp_path: Path, fmt: str) -> None:
    assert _duties(_parse(tmp_path, UNITS_TWO_ROWS, fmt)) == UNITS_EXPECTED


# Portals that end every cell with a pipe and open none ("ỦY BAN NHÂN DÂN | CỘNG HÒA … |", "STT
# | Chỉ tiêu | Kế hoạch |", one row per line): https://vanban123.vn/Khac/ke-hoach-983-kh-ubnd-nam-2019-thuc-hien-de-an-tang-cuong-ung-dung-cong-nghe-thong-tin-trong-cong-tac-pho-bien-giao-duc-phap-luat-giai-doan-2019-2021-tren-dia-ban-tinh-tay-ninh-383277,
# https://dulieuphapluat.vn/van-ban/hanh-chinh-van-ban/quyet-dinh-412019qd-ubnd-quy-dinh-ve-che-do-bao-cao-dinh-ky-phuc-vu-muc-tieu-quan-ly-tren-dia-ban-tinh-quang-tri-47183.html,
# https://hethongphapluat.com/chi-thi-31-ct-ttg-nam-2025-xay-dung-ke-hoach-phat-trien-kinh-te-xa-hoi-5-nam-2026-2030-do-thu-tuong-chinh-phu-ban-hanh.html,
# https://truyenhinhvov.vn/quoc-hoi-dat-muc-tieu-thu-nhap-binh-quan-dau-nguoi-nam-2025-dat-4900-usd-164241112222116382.htm,
# the metadata table of https://nhansu.vn/van-ban-phap-luat/Chi-thi-01-CT-UBND-2025-xay-dung-Ke-hoach-phat-trien-kinh-te-xa-hoi-Hung-Yen-2026-669178.html.
# There an empty first cell makes the line open with a pipe; the one-pipe-per-cell count keeps
# every column where it stands.


def test_units_under_a_merged_header_cell_with_trailing_pipes(tmp_path: Path) -> None:
    table = "\n".join(line[2:] if line.startswith("| ") else line[1:]
                      for line in UNITS_TWO_ROWS.splitlines() if not line.startswith("|---"))
    assert not table.splitlines()[0].startswith("|")
    assert _duties(_parse(tmp_path, table + "\n")) == UNITS_EXPECTED


# The same header with the merged cell repeated in every slot it covers (what converters that
# expand colspans write) was read already; kept so that the line reading keeps it.


def test_units_under_a_repeated_header_cell(tmp_path: Path) -> None:
    table = UNITS_TWO_ROWS.replace("Cơ quan thực hiện | |", "Cơ quan thực hiện | Cơ quan thực hiện |")
    table = table.replace("| | | Chủ trì | Phối hợp | |",
                          "| STT | Nội dung nhiệm vụ | Chủ trì | Phối hợp | Thời gian hoàn thành |")
    assert _duties(_parse(tmp_path, table)) == UNITS_EXPECTED


# The year's plan and its estimated result under one year ("Năm 2025" over "Kế hoạch | Ước
# thực hiện"), then the new year's plan: the annual target tables of provinces (Lai Châu QĐ
# 2218/QĐ-UBND 2023, Sơn La QĐ 2665/QĐ-UBND 2023, read in session 12 by targtab2) and the
# National Assembly's 2025 targets as https://truyenhinhvov.vn/quoc-hoi-dat-muc-tieu-thu-nhap-binh-quan-dau-nguoi-nam-2025-dat-4900-usd-164241112222116382.htm
# tabulates them. In markdown the empty slot beside "Năm 2025" shifted every label one column
# to the left: the STT column became a 2026 value column and no indicator had a name.

YEAR_OVER_PLAN_AND_RESULT = """| STT | Chỉ tiêu | Đơn vị tính | Năm 2025 | | Kế hoạch năm 2026 |
|---|---|---|---|---|---|
| | | | Kế hoạch | Ước thực hiện | |
| 1 | Tỷ lệ hộ nghèo | % | 4 | 3,8 | 3,5 |
| 2 | Số xã đạt chuẩn nông thôn mới | Xã | 35 | 36 | 40 |
"""


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_a_year_over_plan_and_result(tmp_path: Path, fmt: str) -> None:
    found = _targets(_parse(tmp_path, YEAR_OVER_PLAN_AND_RESULT, fmt))
    assert ("PL1.1", "tỷ lệ hộ nghèo", 3.5, "%", 2026) in found
    assert ("PL1.2", "số xã đạt chuẩn nông thôn mới", 40.0, "xã", 2026) in found
    assert not any(value in (3.8, 36.0) for _s, _i, value, _u, _y in found)  # the estimates


# Year sub-columns under one "Chỉ tiêu" cell, the merged cell left empty in markdown (read
# before by the stream reading's realignment; kept by the line reading). "Lộ trình" or "Tiến độ"
# over years is left: a time label over years is also the tick grid of a duty table.

YEARS_UNDER_ONE_CELL = """| STT | Tên chỉ tiêu | Đơn vị tính | Chỉ tiêu | | |
|---|---|---|---|---|---|
| | | | 2026 | 2027 | 2028 |
| 1 | Tỷ lệ hồ sơ giải quyết trực tuyến | % | 60 | 70 | 80 |
"""


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_years_under_one_header_cell(tmp_path: Path, fmt: str) -> None:
    assert _targets(_parse(tmp_path, YEARS_UNDER_ONE_CELL, fmt)) == {
        ("PL1.1", "tỷ lệ hồ sơ giải quyết trực tuyến", v, "%", y)
        for v, y in ((60.0, 2026), (70.0, 2027), (80.0, 2028))}


# ---------------------------------------------------------------------------------------------
# Per-place tables whose name column has no label
# ---------------------------------------------------------------------------------------------

# A row per district with the names' column unlabelled ("TT | | Mục tiêu tăng trưởng … 2026
# (%)", the growth targets per province of NQ 25/NQ-CP 2025 as
# https://tracuuquyhoach.com/tin-tuc/nhieu-tinh-thanh-duoc-giao-muc-tieu-tang-truong-2-con-so-trong-nam-2025-51409109
# and https://sct.binhthuan.gov.vn/cong-nghiep/chinh-phu-ban-hanh-nghi-quyet-dat-muc-tieu-tang-truong-cac-nganh-linh-vuc-va-dia-phuong-de-dat-8-904207
# report it): targtab2 read it from DOCX and PDF only ("per-place tables with unlabelled names
# in markdown are unread"); the empty header cell made the stream reading close the header row.


def test_a_row_per_district_with_an_unlabelled_name_column(tmp_path: Path) -> None:
    doc = _parse(tmp_path, """| TT | | Mục tiêu tăng trưởng giá trị sản xuất 2026 (%) |
|---|---|---|
| 1 | Tân Lạc | 8,5 |
| 2 | Kim Bôi | 9,0 |
""")
    measure = "tăng trưởng giá trị sản xuất"
    assert _targets(doc) == {("PL1.1", f"{measure} Tân Lạc", 8.5, "%", 2026),
                             ("PL1.2", f"{measure} Kim Bôi", 9.0, "%", 2026)}


# A column per locality, the indicators' column unlabelled ("STT | | Toàn tỉnh | Huyện … |"), the
# year in each indicator's name: read from every input (the empty header cell no longer closes
# the header row in markdown).


@pytest.mark.parametrize("fmt", ["md", "docx", "pdf"])
def test_a_column_per_district_with_an_unlabelled_name_column(tmp_path: Path, fmt: str) -> None:
    doc = _parse(tmp_path, """| STT | | Toàn tỉnh | Huyện Tân Lạc | Huyện Kim Bôi |
|---|---|---|---|---|
| 1 | Tỷ lệ hộ nghèo năm 2026 (%) | 3,5 | 5,2 | 6,1 |
""", fmt, header_rows=1)
    assert {(s, v, y) for s, _i, v, _u, y in _targets(doc)} == {
        ("PL1.1", 3.5, 2026), ("PL1.1", 5.2, 2026), ("PL1.1", 6.1, 2026)}


# ---------------------------------------------------------------------------------------------
# Group rows spanning the table
# ---------------------------------------------------------------------------------------------

# A group row written as a short row ("| I | Nhóm nhiệm vụ về thể chế |", its merged cell
# once): stays a group, the numbering restarts under it (seen in the task appendices read in
# session 11, tests/test_tables_survey.py). Kept by the line reading.


def test_short_group_rows(tmp_path: Path) -> None:
    doc = _parse(tmp_path, """| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| I | Nhóm nhiệm vụ về thể chế |
| 1 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Công an tỉnh | Quý II/2026 |
| II | Nhóm nhiệm vụ về hạ tầng |
| 1 | Nâng cấp trung tâm dữ liệu | Sở Khoa học và Công nghệ | Sở Tài chính | Năm 2027 |
""")
    assert _duties(doc) == {
        "PL1.I.1": (frozenset({("Sở Tư pháp", "lead"), ("Công an tỉnh", "cooperate")}), "2026-06-30"),
        "PL1.II.1": (frozenset({("Sở Khoa học và Công nghệ", "lead"), ("Sở Tài chính", "cooperate")}),
                     "2027-12-31"),
    }


# ---------------------------------------------------------------------------------------------
# Cell after cell: the two header rows printed one after the other
# ---------------------------------------------------------------------------------------------

# The commonest portal form prints every cell once, a lone "|" after it, its text wrapped over
# lines: thuvienphapluat.vn (https://thuvienphapluat.vn/van-ban/Tai-chinh-nha-nuoc/Chi-thi-08-CT-UBND-2015-tang-cuong-thuc-hien-nhiem-vu-tai-chinh-ngan-sach-Quang-Binh-284521.aspx,
# https://thuvienphapluat.vn/bulletin/document.aspx?bid=3d461a6e-8cde-4ce4-98ed-897461299905&key=D0nSLey1u8TCxd97xR9ltQ%3D%3D),
# thuviennhadat.vn (https://thuviennhadat.vn/vbpl/quyet-dinh-1209-qd-ubnd-2013-quy-che-ban-chi-dao-cong-tac-dan-so-tinh-ha-giang-208300.html,
# https://thuviennhadat.vn/vbpl/quyet-dinh-275-qd-ttg-nam-2014-thuc-hien-27-kl-tw-day-manh-phat-trien-kinh-te-xa-hoi-quoc-phong-an-n-221475.html,
# https://thuviennhadat.vn/vbpl/cong-van-2390-btttt-thh-2020-trien-khai-chuong-trinh-chuyen-doi-so-quoc-gia-den-2025-462252.html),
# a commune portal (https://sub.dost-dongnai.gov.vn/xuanphu/Pages/quychelamviec.aspx, an empty
# cell as two lone pipes), and the development plans' crawler. A cell merged across columns or
# down is printed once, so a two-row header gives its first row's cells, then the sub-cells:
# more labels than columns. The header was taken as one row of six labels, the five-cell rows
# were cut at six and the table was lost. (The excerpts read show the form on header and
# metadata tables; the two-row case is this form applied to the merged headers above.)

UNITS_CELL_AFTER_CELL = """STT
|
Nội dung nhiệm vụ
|
Cơ quan thực hiện
|
Thời gian hoàn thành
|
Chủ trì
|
Phối hợp
|
1
|
Xây dựng cơ sở dữ liệu dân cư
của tỉnh
|
Công an tỉnh
|
Sở Tư pháp
|
Quý II/2026
|
2
|
Số hóa hồ sơ đất đai
|
Sở Nông nghiệp và Môi trường
|
Sở Tài chính
|
Năm 2027
|
"""


def test_units_under_a_merged_cell_printed_cell_after_cell(tmp_path: Path) -> None:
    assert _duties(_parse(tmp_path, UNITS_CELL_AFTER_CELL)) == UNITS_EXPECTED


def test_years_under_a_merged_cell_printed_cell_after_cell(tmp_path: Path) -> None:
    cells = ["TT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu kế hoạch", "Năm 2026", "Năm 2027",
             "Năm 2028", "1", "Tỷ lệ hồ sơ giải quyết trực tuyến", "%", "60", "70", "80"]
    doc = _parse(tmp_path, "".join(f"{c}\n|\n" for c in cells))
    assert _targets(doc) == {("PL1.1", "tỷ lệ hồ sơ giải quyết trực tuyến", v, "%", y)
                             for v, y in ((60.0, 2026), (70.0, 2027), (80.0, 2028))}


# One cell per line ending in " |", its text wrapped, with or without a lone "|" opening each
# row (https://phapluatcongdong.vn/van-ban/quyet-dinh-2165-qd-ubnd-ban-hanh-tinh-hoa-binh-nam-2017-p110299.htm,
# https://nhansu.vn/van-ban-phap-luat/Nghi-quyet-62-NQ-HDND-2025-ke-hoach-phat-trien-kinh-te-xa-hoi-Nghe-An-2026-687786.html,
# https://dichvucong.laocai.gov.vn/yenbai/tra-cuu/chi-tiet-thu-tuc?ma-thu-tuc=116909): read
# already by the cell-after-cell reading; kept.


@pytest.mark.parametrize("opener", ["", "|\n"])
def test_one_cell_per_line_ending_in_a_pipe(tmp_path: Path, opener: str) -> None:
    rows = [["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
            ["1", "Xây dựng cơ sở dữ liệu dân cư\ncủa tỉnh", "Công an tỉnh", "Sở Tư pháp", "Quý II/2026"],
            ["2", "Số hóa hồ sơ đất đai", "Sở Nông nghiệp và Môi trường", "Sở Tài chính", "Năm 2027"]]
    table = "".join(opener + "".join(f"{c} |\n" for c in row) for row in rows)
    assert _duties(_parse(tmp_path, table)) == UNITS_EXPECTED


# The column numbering row under the header ("(1) | (2) | … | (5)", the numbering row the
# module tables.py reads in markdown; session 11's table survey) printed cell after cell: the
# numbers stood between the labels and the first STT and the header was no header.


def test_a_numbering_row_printed_cell_after_cell(tmp_path: Path) -> None:
    cells = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
             "(1)", "(2)", "(3)", "(4)", "(5)",
             "1", "Xây dựng cơ sở dữ liệu dân cư của tỉnh", "Công an tỉnh", "Sở Tư pháp", "Quý II/2026",
             "2", "Số hóa hồ sơ đất đai", "Sở Nông nghiệp và Môi trường", "Sở Tài chính", "Năm 2027"]
    assert _duties(_parse(tmp_path, "".join(f"{c}\n|\n" for c in cells))) == UNITS_EXPECTED
