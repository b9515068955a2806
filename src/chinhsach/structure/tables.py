"""Tables as content: find tables in the read lines, name their columns, number their rows.

Vietnamese plans assign work in appendix tables (PHỤ LỤC: STT | Nội dung nhiệm vụ | Cơ quan chủ
trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm) and set targets in tables (Chỉ tiêu |
ĐVT | Năm 2026 | … | Năm 2030). This module turns them into :class:`~chinhsach.model.Table`:

- **Where tables come from**: DOCX and PDF readers give table rows with their cell grid
  (``SourceLine.grid``, ``None`` where a merged cell covers a slot); crawled markdown flattens a
  table into lines that are ``|`` alone or begin/end with ``|`` (one cell per line, or several),
  so the grid is rebuilt from the run of pipes between cell texts (see :func:`_pipe_rows`).
  Other crawls write a row per paragraph with no outer pipes ("1 | … | 2026",
  :func:`_is_inner_pipe_row`) or every cell followed by a lone ``|`` and one pipe between rows
  (:func:`_cell_after_cell_rows`, its columns counted from the header).
- **Column roles** from the header labels, folded (diacritics optional), in their usual variants
  (:data:`_ROLE_PATTERNS`); several header rows (a spanning "GIAI ĐOẠN 2026 - 2030" over "Năm
  2026" … "Năm 2030") are merged per column.
- **Rows**: header, the "(1) (2) (3)" numbering row, group rows ("A", "II | Phát triển hạ tầng",
  "5.1 | Thương mại") and data rows; each row gets an id following
  ``evaluation/gold/GUIDELINES-real.md``: the STT as printed, prefixed by the group level at which
  STT numbering restarts ("A.2.1", "I.3"), "-" rows take their item's id, rows without STT
  "r<n>".

Only tables with a recognised role layout (``duty`` or ``target``) are first-class content; other
tables (the two-column header, signature blocks, score grids) are left to the text reader as
they were.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from chinhsach.model import Provenance, SourceLine, Table, TableRow
from chinhsach.text.normalize import fold, normalize_text, strip_markdown

__all__ = ["TableBlock", "annex_table_heading", "appendix_heading", "find_tables", "read_table",
           "table_blocks"]

# Column roles, tried in order on the folded header label of each column. "Thời gian thực hiện"
# must be a time before "thực hiện" makes it a lead column; "Đơn vị tính" a measure before
# "đơn vị" makes it a lead column.
_ROLE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("stt", re.compile(r"^(?:stt|tt|so tt|so thu tu|thu tu|so)$")),
    ("measure", re.compile(r"^dvt\b|don vi tinh|^don vi$")),
    ("cooperate", re.compile(r"phoi hop")),
    # "Bắt đầu | Kết thúc" split the time: the end is the deadline; "Hạn", "Mốc hoàn thành" in
    # drafting guides' task tables (see tests/test_tables_survey.py).
    ("time", re.compile(r"^(?!.*\bbat dau\b)(?:.*(?:thoi gian|thoi han|tien do|thoi diem|"
                        r"lo trinh|han hoan thanh|nam hoan thanh|moc thoi gian|moc hoan thanh)|"
                        r"(?:han|han chot|ket thuc)$)")),
    # "Kế hoạch 2026 so với thực hiện 2025 (%)", "So sánh KH 2026/TH 2025", "Năm 2026 / So sánh
    # (%)", "Tăng/giảm so với năm 2025": a ratio of two columns, no value to reach.
    ("ratio", re.compile(r"\bso (?:voi|sanh|cung ky)\b|\btang ?/ ?giam\b|20\d\d ?/ ?(?:uth|th|kh|uoc)\b")),
    # "Thực hiện 2025", "TH 2025", "Năm 2025 / Thực hiện" (the year's actual result beside the
    # plan's "Kế hoạch 2026") is the baseline too: read as "thực hiện" it made a lead column
    # and the indicator table a duty table of indicators with no unit.
    # "Đánh giá thực hiện" (the year's evaluated outturn beside "Dự toán HĐND tỉnh quyết định" in
    # the forms of a three-year budget plan, s13 kh0204/KH-UBND 2025) is one too.
    ("baseline", re.compile(r"uoc (?:thuc hien|dat|tinh|th)\b|\buth\b|hien trang|thuc hien nam|"
                            r"danh gia (?:uoc )?thuc hien|"
                            r"ket qua (?:nam|giai doan)|nam goc|co so|luy ke|"
                            r"^(?:ket qua |so lieu )?(?:thuc hien|th)(?: ky| giai doan)? ?20\d\d|"
                            r"20\d\d(?: \([^()]*\))? (?:ket qua )?thuc hien$")),
    # One undated value per indicator ("Chỉ tiêu | ĐVT | Mục tiêu | Cơ quan theo dõi"): the year
    # is the group row's ("I | Đến năm 2030") or the title's.
    # An undated "Kế hoạch" / "Chỉ tiêu giao" beside the indicator is the plan's value for its
    # own year (the 2025 targets of NQ 158/2024/QH15 as the press tabulated them: "STT | Chỉ
    # tiêu | Kế hoạch").
    ("goal", re.compile(r"^(?:muc tieu|gia tri muc tieu|muc tieu phan dau|chi tieu phan dau|"
                        r"ket qua can dat|muc phan dau|ke hoach|ke hoach giao|chi tieu giao|"
                        r"chi tieu ke hoach|muc tieu ke hoach|ke hoach phan dau)$")),
    # "Cấp trình" (the level a task's product goes to for decision: "Chính phủ", "Thủ tướng
    # Chính phủ" in the task appendix of NQ 03/NQ-CP 2025, survtable's survey): report_to, and
    # before "cơ quan" makes a "Cơ quan trình" (the body that submits) a lead column.
    ("report_to", re.compile(r"^(?:cap (?:trinh|phe duyet|quyet dinh|ban hanh)"
                             r"(?: ?/ ?(?:phe duyet|quyet dinh|ban hanh))?)$")),
    # "Nội dung thực hiện", "Nhiệm vụ triển khai", "Công việc cần thực hiện": the work to do, its
    # "thực hiện" no performing body ("Đơn vị thực hiện" is), so before "lead". Read as a lead
    # column, the duty table of s13 held-out kh980/KH-UBND 2025 (20 rows) had two lead columns
    # and no task, and gave none.
    ("task", re.compile(r"^(?:noi dung|nhiem vu|cong viec|hoat dong|giai phap)"
                        r"(?: (?:can|se|duoc|de))? (?:thuc hien|trien khai)$")),
    ("lead", re.compile(r"chu tri|thuc hien|don vi|co quan|trach nhiem|phu trach|dau moi")),
    ("product", re.compile(r"san pham|ket qua")),
    ("budget", re.compile(r"kinh phi|nguon von|du toan|nguon kinh phi|tong muc|von")),
    ("indicator", re.compile(r"chi tieu|tieu chi|chi so")),
    # The legal texts to amend, one per row, in the drafting table that a Government resolution
    # cutting procedures appends ("Danh sách các VBQPPL sửa đổi, bổ sung", "CÁC NGHỊ ĐỊNH CẦN SỬA
    # ĐỔI" | "Điều, khoản, điểm" | "Cơ quan chủ trì soạn thảo"; s16 dev nq18 and nq22/NQ-CP
    # 2026): each row is a text the drafting body must amend, the provisions its detail.
    ("task", re.compile(r"noi dung|nhiem vu|giai phap|hoat dong|cong viec|ten|de an|du an|"
                        r"chuong trinh|danh muc|mat hang|linh vuc|dau viec|^viec$|"
                        r"^(?:danh sach |cac )*(?:van ban|vbqppl|nghi dinh|thong tu)\b")),
    # "Căn cứ" / "Căn cứ bổ sung" / "Căn cứ đề xuất": the document a task comes from, printed
    # beside the time in the Government's task appendices (s14 nq97/NQ-CP 2026); no role.
    ("note", re.compile(r"ghi chu|^can cu\b")),
    # "Điều, khoản, điểm cần sửa đổi": the provisions of the row's text, a detail of its task.
    ("provision", re.compile(r"^(?:cac )?dieu, khoan\b")),
]
_YEAR_IN_LABEL = re.compile(r"(?<!\d)(20\d\d)(?:\s*[-–]\s*(20\d\d))?(?!\d)")
# A year column ("Năm 2026", "Kế hoạch 2027", "2028", "Giai đoạn 2026-2030"), not a time column.
# Horizons are written "Đến hết năm 2026", "Tầm nhìn đến năm 2045", "Mức phấn đấu năm 2030" too.
_VALUE_LABEL = re.compile(r"^(?:(?:nam|ke hoach|kh|muc tieu|chi tieu|giai doan|den|het|du kien|"
                          r"phan dau|muc phan dau|tam nhin|dinh huong|giao|duoc giao)\s*){0,4}20\d\d")
_UNIT_IN_LABEL = re.compile(r"\(([^()]{1,30})\)")
# A span names its last year ("Tốc độ bình quân 2026 - 2030 (%/năm)", the growth appendix of
# s15 dev nq109-cp-2026): the value is reached by then, as "Mục tiêu 2026 - 2030".
_MEASURE_YEAR_LABEL = re.compile(r"^[a-z][a-z ,/-]{2,60}?(?:nam )?(?:20\d\d ?[-–] ?)?(20\d\d)(?: \([^()]{1,30}\))?$")
_RESULT_LABELS = frozenset({"thuc hien", "th", "ket qua thuc hien", "da thuc hien", "uoc thuc hien"})
# Labels with a year that are no measure to reach: money, the situation (population, area), the
# columns of a duty table.
_NOT_MEASURE_LABEL = re.compile(r"kinh phi|nguon von|du toan|von|ngan sach|dan so|dien tich tu nhien|"
                                r"san pham|ket qua|don vi|co quan|chu tri|phoi hop|ghi chu|van ban")
# Where an administrative place is named: a column per locality ("Toàn tỉnh | Huyện A | Huyện B")
# or a row per locality ("1 | Huyện A | … "); the level word then a capitalised name.
_PLACE_WORDS = (r"(?:Huyện|Quận|Thị xã|Thành phố|TP\.?|Xã|Phường|Thị trấn|Tỉnh|Đặc khu|"
                r"UBND (?:huyện|quận|thị xã|thành phố|xã|phường|thị trấn|tỉnh))")
_PLACE_LABEL = re.compile(rf"^(?:{_PLACE_WORDS}\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ]|"
                          r"(?:Toàn|Cả) (?:tỉnh|huyện|thành phố|xã)$)")
_TOTAL_CELL = re.compile(r"^(?:Toàn|Cả) (?:tỉnh|huyện|thành phố|xã)$|^(?:Tổng cộng|Tổng số|Tổng|Cộng)$",
                         re.IGNORECASE)
# A column header that names places: "Địa phương", "Đơn vị hành chính", "Huyện, thành phố".
_PLACE_HEADER = re.compile(r"^(?:ten )?(?:dia phuong|don vi hanh chinh|dia ban|"
                           r"(?:huyen|tinh|xa|quan)(?:, | va )(?:thi xa|thanh pho|phuong|thi tran).*)$")

# What an STT cell holds.
_ROMAN = re.compile(r"^(?=[IVXLC])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")
# A sub-item may carry a letter ("7c" under "7", the indicator appendix of a 2026 provincial
# growth resolution read in a public repository's notes).
_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}[a-zđ]?$")
# A row's number past 99 (135 tasks in s15 dev nq109-cp-2026 Phụ lục III), once the row is known
# to be a row: a lone "100" in a pipe cell is more often a figure.
_ROW_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,2}){0,3}[a-zđ]?$")
_LETTER = re.compile(r"^[A-ZĐ]$")
_DASH = re.compile(r"^[-–—+•*]$")
# An STT printed inside the name cell of a group row ("I. Kinh tế số").
_MARKER_IN_TEXT = re.compile(r"^(?P<stt>[IVXLC]+|[A-ZĐ]|\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)/:-]\s+\S")
# A cell that states a figure: "≥ 80", "100%", "25.000", "40 - 50".
_FIGURE = re.compile(r"^(?:[≥≤><]=?|trên|dưới|tối thiểu|tối đa|khoảng)?\s*\d[\d.,]*\s*%?(?:\s*[-–]\s*\d[\d.,]*\s*%?)?$",
                     re.IGNORECASE)
_NUMBERING_CELL = re.compile(r"^\(?(?:\d{1,2}|[A-Z])\)?$")
# A column number in parentheses, a formula after it ("(3)", "(4)=(3)/(2)").
_COLUMN_NUMBER = re.compile(r"^\(\d{1,2}\)(?:\s*=.*)?$")

_APPENDIX = re.compile(
    r"^(?:PHỤ LỤC|Phụ lục|PHU LUC|Phu luc)(?:\s+(?:SỐ|số|So|so)\.?)?"
    r"(?:\s+(?P<n>[IVXLC]+|\d{1,2})\b)?\s*[.:\-–]?\s*(?P<rest>.*)$"
)


# Specks a scan leaves before a heading ("„ Sa „ Phụ lục", the appendix page of a scanned Party
# conclusion, s16 held-out kl75): marks no typist prints ("„", "`", "¬", "~", "|") and fragments
# of one or two letters between them. A bullet ("-", "+") is text, not a speck.
_SPECKS = re.compile(r"^(?=[^\w\s-]*[„“”`¬~|^°'’_=])(?:[^\w\s+*•–-]+\s*|\w{1,2}\s+(?=\W))+(?=\S)")

_ATTACHED_NOTE = re.compile(r"\s*\(\s*(?:Ban hành\s+)?[Kk]èm\s+theo\b[^()]*\)\s*$")


# An appendix line as a scan's OCR prints it, alone on its line: "Phụ Iục Ï", "Phụ lục H", "Phụ
# luc VH", "Phụ lục 1X" for "Phụ lục I", "II", "VII", "IX" (s17 dev qd2439-btc-2022, eleven
# appendices of which five were lost, their rows read into the plan's last part). The numeral's
# strokes: "H" is two, "1", "l", "Ï", "|" one. Only a whole line of that form is taken.
_OCR_APPENDIX = re.compile(r"^Ph[uụ]\s+[lLI1][uụ]c\s+(?P<n>[IVXLHÏl1|]{1,4})$")
_OCR_STROKES = {"H": "II", "Ï": "I", "l": "I", "1": "I", "|": "I"}


def appendix_heading(text: str) -> tuple[int | None, str] | None:
    """(number, rest) when ``text`` opens an appendix: "PHỤ LỤC II" → (2, ""), "PHỤ LỤC" →
    (None, ""), "PHỤ LỤC 01: DANH MỤC …" → (1, "DANH MỤC …"); None for a sentence that only
    mentions an appendix ("Phụ lục kèm theo Kế hoạch này …").

    Markdown emphasis around it ("**PHỤ LỤC**", a law portal's page saved as markdown: s13
    held-out kh980/KH-UBND 2025) is no part of it: unseen, the appendix title and its whole duty
    table were read as cells of the signature table printed with pipes just above, and PL1's
    nine duties were lost."""
    text = text.strip().strip("*_").strip()
    text = _SPECKS.sub("", text, count=1)
    m = _APPENDIX.match(text)
    if (m is None or m.group("n") is None) and (ocr := _OCR_APPENDIX.match(text)):
        numeral = "".join(_OCR_STROKES.get(c, c) for c in ocr.group("n"))
        return (_roman_value(numeral) if _ROMAN.match(numeral) else None), ""
    if m is None:
        return None
    rest = m.group("rest").strip()
    caps = text.strip().startswith(("PHỤ LỤC", "PHU LUC"))
    title = rest.split("(")[0].strip()
    if not caps and rest and not (title and title == title.upper() and any(c.isalpha() for c in title)):
        # "Phụ lục" over its title in capitals ("Phụ lục" / "NHIỆM VỤ TRỌNG TÂM …", the Official
        # Gazette's print of a resolution's appendix, s14 nq116/NQ-CP) opens one; a sentence
        # that names an appendix goes on in lower case.
        return None
    # The note of what the appendix is printed with, joined to its title, is no sentence.
    title = _ATTACHED_NOTE.sub("", rest)
    # A long title is one in capitals; a long line in sentence case is a sentence.
    if rest and ((len(title.split()) > 40 and not title.isupper()) or rest.endswith((";", ","))):
        return None
    if rest and not caps and rest[:1].islower():
        return None
    n = m.group("n")
    number = None if n is None else (int(n) if n.isdigit() else _roman_value(n))
    return number, rest


# "Biểu số 01", "BIỂU 2" (a provincial decision assigning the year's targets "(Có Biểu chi tiết
# kèm theo)", Lai Châu QĐ 2218/QĐ-UBND 2023; Nghệ An QĐ 3639/QĐ-UBND 2024, Biểu 15): an annexed
# table numbered on its own; a number is required ("Biểu dương …" commends).
_ANNEX_TABLE = re.compile(r"^(?:BIỂU|Biểu|BIEU|Bieu)(?:\s+(?:SỐ|số|SO|So|so)\.?)?\s+(?P<n>\d{1,2}|[IVXLC]+)\b"
                          r"\s*[.:\-–]?\s*(?P<rest>.*)$")


def annex_table_heading(text: str) -> tuple[int | None, str] | None:
    """(number, rest) when ``text`` opens an annexed "Biểu" (see :data:`_ANNEX_TABLE`)."""
    m = _ANNEX_TABLE.match(text.strip())
    if m is None or len(m.group("rest").split()) > 40:
        return None
    n = m.group("n")
    return (int(n) if n.isdigit() else _roman_value(n)), m.group("rest").strip()


def _roman_value(roman: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for a, b in zip(roman, roman[1:] + " ", strict=True):
        total += -values[a] if values[a] < values.get(b, 0) else values[a]
    return total


# ---------------------------------------------------------------------------------------------
# Blocks: the rows of one table as the reader gave them
# ---------------------------------------------------------------------------------------------


@dataclass
class TableBlock:
    """The raw grid of one table and the source lines it occupies (``first``..``last``)."""

    rows: list[tuple[list[str | None], Provenance]]
    first: int
    last: int
    from_pipes: bool = False
    header_rows: int | None = None  # known for pipe tables (rows read in header mode)
    # A pipe table written one whole row per line ("| a | | c |"): every cell, empty ones too,
    # stands in its own column, so the header needs no realigning (see :func:`_line_rows`).
    positioned: bool = False
    lines: list[int] = field(default_factory=list)
    # Lines inside the block that are no part of the table (a page's footnotes under the rows):
    # kept as text after the rows, so the documents they cite stay read.
    notes: list[int] = field(default_factory=list)


def _clean(text: str) -> str:
    text = normalize_text(strip_markdown(text))
    # Rules drawn with characters ("-------") decorate header cells; a lone "-" is an STT.
    return "" if re.fullmatch(r"\s*(?:[-_=.*]\s*){3,}", text) else text


def _is_pipe_line(text: str) -> bool:
    s = text.strip()
    return bool(s) and (s.startswith("|") or s.endswith("|") or _is_inner_pipe_row(s))


def _is_inner_pipe_row(text: str) -> bool:
    """A row written "1 | Báo cáo … | Bộ Tư pháp | 2023 | Báo cáo": cells between " | " with
    no outer pipes, one row per paragraph (a crawl of NQ 12/NQ-CP 2023's appendix). Three cells
    at least: two ("ỦY BAN NHÂN DÂN | CỘNG HÒA …") are the header's two columns."""
    s = text.strip()
    return not s.startswith("|") and not s.endswith("|") and s.count(" | ") >= 2


def _row_text(text: str) -> str:
    """The line with the outer pipes a row without them leaves out (see _is_inner_pipe_row)."""
    return f"| {text.strip()} |" if _is_inner_pipe_row(text) else text


def _is_rule_line(text: str) -> bool:
    """A markdown header separator ``|---|:---:|``."""
    return bool(re.fullmatch(r"\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*", text))


def table_blocks(lines: Sequence[SourceLine]) -> list[TableBlock]:
    """Every table in the read lines: reader tables (by table number) and pipe-flattened ones."""
    blocks: list[TableBlock] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.grid is not None:
            j = i
            rows: list[tuple[list[str | None], Provenance]] = []
            while j < len(lines) and lines[j].grid is not None and lines[j].table == line.table:
                cells = [None if c is None else _clean(c) for c in lines[j].grid or []]
                rows.append((cells, lines[j].prov))
                j += 1
            blocks.append(TableBlock(rows, i, j - 1, lines=list(range(i, j))))
            i = j
            continue
        if line.kind == "text" and (stacked := _stacked_block(lines, i) or _ocr_indicator_block(lines, i)
                                       or _ocr_duty_block(lines, i) or _column_run_block(lines, i)) is not None:
            blocks.append(stacked)
            i = stacked.last + 1
            continue
        if line.kind == "text" and _is_pipe_line(line.text):
            end = _pipe_region_end(lines, i)
            block = _cell_per_line_block(lines, i, end)
            if block is not None:
                blocks.append(block)
                i = block.last + 1
                continue
            block = _pipe_block(lines, _first_cell_start(lines, i), end)
            if block is not None:
                blocks.append(block)
            i = end + 1
            continue
        i += 1
    return _join_continued(blocks)


# ---------------------------------------------------------------------------------------------
# Tables whose cells stand one after another on bare lines
# ---------------------------------------------------------------------------------------------

# ---------------------------------------------------------------------------------------------
# Tables printed as stacked line pieces
# ---------------------------------------------------------------------------------------------

# A PDF's text layer saved as text (the Official Gazette's issues: s14 dev nq116/NQ-CP 2026's
# duty appendix, 5 columns; nq105/NQ-CP 2026 Phụ lục I, 7 columns with Cấp trình and Sản phẩm)
# prints a duty table with no rule or pipe: the header's labels one per line under "TT" (a label
# wrapped onto a line in lower case: "Cơ quan chủ" / "trì thực hiện"), then per row its STT alone
# on a line (or before the task's first words: "2.1 Theo dõi …", "II Title"), then every cell's
# words as line pieces wrapped at the column's width, one cell after another; the header again on
# every page. Read as text, nq116 lost its units (0.395 -> 0.96 read so) and deadlines
# (0.10 -> 0.90), nq105 its units (0.469 -> 0.832), deadlines (2/34 -> 31/34) and citations
# (0.944 -> 1.000). Two things tell a row's cells apart, by the header:
# - the five columns of a duty table (STT, task, lead, cooperate, time; nq116): how the cells
#   begin: a unit cell with the head of a body (:data:`_BARE_UNIT`) where the line before did not
#   leave a name open (:data:`_BARE_OPEN`), a time cell with a time word (:data:`_BARE_TIME`); a
#   blank line where the layer saw a gap (:func:`_cells_by_vocabulary`);
# - any other header of known columns (nq105): the width of the pieces, a task cell's wrapped
#   lines being wide and the narrow columns' short (:func:`_cells_by_width`).
_BARE_UNIT = re.compile(r"^(?:(?:Các\s+)?(?:Bộ|UBND|Ủy ban|Ban|Ngân hàng|Văn phòng|Sở|Cục|Tổng cục|Mặt trận|Thanh tra|"
                        r"Đài|Thông tấn|Viện|Công an|Tỉnh ủy|Thành ủy|Đảng ủy)|Các\s+(?:bộ|địa phương))\b")
_BARE_TIME = re.compile(r"^(?:Năm|Giai đoạn|Hằng|Hàng|Thường xuyên|Thường|Quý|Tháng|Trước ngày|Định kỳ|"
                        r"(?:19|20)\d\d)\b")
_BARE_OPEN = re.compile(r"(?:[,:&/\-–]|\b(?:và|của|các|cho|với|thuộc))\s*$")
_BARE_ROW = re.compile(r"^(?:(?P<n>\d{1,2})\.?|(?P<dash>[-–])|(?P<roman>[IVX]{1,5})\.?(?:\s+(?P<title>\S.*))?)\s*$")
_BARE_ROLES = ("stt", "task", "lead", "cooperate", "time")
# The STT as printed, with or without its closing dot ("II", "II.", "2.1", "1."): the Official
# Gazette prints both (s14 nq116/nq105 without; s15 dev nq100/NQ-CP 2026 "I." / "1.").
_STACKED_STT = re.compile(r"^(?P<stt>[IVXLC]+|\d{1,3}(?:\.\d{1,2}){0,2})\.?(?:\s+(?P<rest>\S.*))?$")
_STACKED_LABEL = 36  # characters: a header label's line is no longer ("CÁC NGHỊ ĐỊNH CẦN SỬA ĐỔI, BỔ SUNG")
_STACKED_WIDE = 24  # characters: a task cell's wrapped lines reach it, the narrow columns' do not
# A piece after which the cell goes on even when the next piece opens in capitals.
# A title before its body ("Thủ tướng" / "Chính phủ", "Ủy ban Thường vụ" / "Quốc hội", "Ban Chấp
# hành" / "Trung ương", the Cấp trình column of s15 dev nq109-cp-2026 Phụ lục IV) goes on too.
_STACKED_OPEN = re.compile(r"(?:[,;(/\-–]|\b(?:và|của|với|các|Các|Bộ|Ủy ban|Ban|Sở|Chủ tịch|Thủ tướng|"
                           r"Thường vụ|Chấp hành|Quý|"
                           r"Năm|năm|Tháng|tháng|Trước|trước|ngày|Cấp|cấp))$")
# A note under the table ("Ghi chú: (*) …") ends it too: it is text, not the last row's cell.
_STACKED_END = re.compile(r"^(?:TM\.|KT\.|Nơi nhận|NƠI NHẬN|Ghi chú\s*:)")


def _stacked_header(lines: Sequence[SourceLine], i: int) -> tuple[list[str], int] | None:
    """The header labels of a stacked table whose "TT" line is ``i``, and the line after them;
    None unless there are four columns at least, all known, a task and a lead among them."""
    if lines[i].kind != "text" or _role_of(lines[i].text.strip()) != "stt":
        return None
    labels = [lines[i].text.strip()]
    starts = [i]  # where each label opens
    k = i + 1
    while k < len(lines) and k < i + 16 and lines[k].kind == "text":
        t = " ".join(lines[k].text.split())
        if _FIGURE.match(t) and len(labels) > 4 and _role_of(labels[-1]) is None:
            # A figure is a value cell, never a label: the words before it are the first row's,
            # printed with no STT ("Cả nước" | "≥ 10,0", s15 dev nq109-cp-2026 Phụ lục II).
            labels.pop()
            k = starts.pop()
            break
        if not t or len(t) > _STACKED_LABEL or _STACKED_STT.match(t) or _BARE_ROW.match(t):
            break
        if len(labels) > 1 and (t[:1].islower() or _label_goes_on(labels[-1], t)):
            labels[-1] = f"{labels[-1]} {t}"
        else:
            labels.append(t)
            starts.append(k)
        k += 1
    roles = _header_roles(labels)
    if len(labels) < 4 or None in roles or "lead" not in roles or not {"task", "indicator"} & set(roles):
        return None
    return labels, k


# A header label in capitals wrapped at its column's width, one word group per line (s15 dev
# nq109-cp-2026's four appendices: "CƠ QUAN CHỦ" / "TRÌ, THEO DÕI", "CƠ QUAN" / "PHỐI HỢP",
# "THỜI HẠN" / "HOÀN THÀNH", "CẤP TRÌNH/" / "PHÊ DUYỆT", "MỤC TIÊU" / "2026 - 2030"): the case
# tells no continuation, the words do. A label goes on after a bare head that names no role by
# itself ("Cơ quan", "Đơn vị", "Thời hạn", "Cấp"), after a word cut from its pair ("chủ" of
# chủ trì, "phối" of phối hợp), an open mark ("/", ",", "-") or a label that names no role yet
# ("Tốc độ bình" / "quân 2026 -" / "2030 (%/năm)"); a bare year span is the label's horizon.
_LABEL_HEAD = re.compile(r"^(?:co quan|don vi|thoi han|thoi gian|cap|muc tieu|chi tieu)$")
_LABEL_CUT = re.compile(r"(?:\b(?:chu|phoi|thoi|hoan|thuc|phe|co|don|cap|trach|theo)|[/,&-])$")
_LABEL_OPENS = re.compile(r"^(?:co quan|don vi|thoi|cap|san pham|ghi chu|kinh phi|nhiem vu|noi dung|"
                          r"chi tieu|muc tieu|ket qua|nguon|can cu|tt|stt)\b")
# Words that open no label but a clause on the label above ("cần", "được", "để", "của").
_LABEL_CLAUSE = re.compile(r"^(?:can(?! cu\b)|duoc|de|cua|hoac)\s")
_LABEL_YEARS = re.compile(r"^(?:20\d\d)(?:\s*[-–]\s*20\d\d)?$")


def _label_goes_on(label: str, line: str) -> bool:
    """Whether header ``line`` continues ``label`` (wrapped in its column) rather than opening the
    next column's label (see :data:`_LABEL_HEAD`)."""
    last, here = fold(label).strip(" .:*"), fold(line).strip(" .:*")
    if _LABEL_YEARS.match(here) or here.startswith("("):
        # A bracket glosses the label above ("Đơn vị phối hợp" / "(Bộ/ngành/địa phương)", s14
        # held-out qd893/QĐ-TTg 2026 Phụ lục): read as a column of its own it named no role and
        # the table's 7 tasks were lost.
        return True
    if _LABEL_OPENS.match(here):
        return False
    if re.search(r"\b(?:chu tri|phoi hop)$", last) and re.match(r"(?:soan thao|thuc hien|theo doi|trien khai)$", here):
        return True  # "CƠ QUAN CHỦ TRÌ" / "SOẠN THẢO": the verb's object, not a column of its own
    if _LABEL_CLAUSE.match(here):
        return True  # "ĐIỀU, KHOẢN, ĐIỂM" / "CẦN SỬA ĐỔI, BỔ SUNG,": a clause on the noun above
    return _role_of(label) is None or bool(_LABEL_HEAD.match(last) or _LABEL_CUT.search(last))


def _stacked_end(line: SourceLine) -> bool:
    """Whether ``line`` ends a stacked table: no text line, a grid row, an appendix heading,
    the signature ("TM.", "KT.") or the recipients ("Nơi nhận")."""
    text = line.text.strip()
    return (line.kind != "text" or line.grid is not None or appendix_heading(text) is not None
            or bool(_STACKED_END.match(text)) or fold(text).startswith("noi nhan"))


def _repeated_header(lines: Sequence[SourceLine], j: int, printed: list[str]) -> bool:
    """Whether the header as ``printed`` at the table's top stands again at line ``j`` (a page's)."""
    return [x.text.strip() for x in lines[j : j + len(printed)]] == printed


def _stacked_block(lines: Sequence[SourceLine], i: int) -> TableBlock | None:
    """A stacked table opening at line ``i`` (see the layout above), read into rows, or None.

    A duty table's five columns are read by the words that open its cells; when that reading
    fails (a row with more than two unit cells), or for any other header, by the pieces' width.
    """
    head = _stacked_header(lines, i)
    if head is None:
        return None
    labels, k = head
    if len(lines[i].text.strip()) <= 4 and [_role_of(x) for x in labels] == list(_BARE_ROLES[: len(labels)]):
        block = _stacked_rows(lines, i, labels, k, by_vocabulary=True)
        if block is not None:
            return block
    return _stacked_rows(lines, i, labels, k, by_vocabulary=False)


# ---------------------------------------------------------------------------------------------
# An indicator table a scan's OCR read line by line
# ---------------------------------------------------------------------------------------------

# A scanned appendix of targets ("TT | Chỉ tiêu | Mục tiêu", s16 held-out kl75, a Party body's
# conclusion: 18 rows) comes out of OCR with its header on one line, each row's words as lines of
# the indicator cell and the value at the end of one of them, the row's number beside the middle
# line of a cell centred vertically, and the column rules read as specks ("|", "`", "¬"). Read as
# prose, the whole appendix was its own title and none of its targets was found.
_OCR_INDICATOR_HEADER = re.compile(
    r"^S?TT\s+(?P<name>(?:Tên\s+)?(?:Chỉ tiêu|Nội dung)(?:\s+chỉ tiêu)?)\s+"
    r"(?P<value>Mục tiêu(?:\s+(?:đến\s+)?năm\s+\d{4})?|Kế hoạch(?:\s+năm\s+\d{4})?)$", re.IGNORECASE)
_OCR_SPECK_CHARS = "|`'‘’_¬~°\\[]„“”"
# The figure the row sets, at the end of a line, with a bound before it ("Tối thiểu" may end the
# line above): "2%", "<30%", "1-1,5%", "26,1%", "1.200".
_OCR_VALUE_END = re.compile(r"(?:^|\s)(?P<v>(?:[<>≤≥]\s*)?\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\s*%?)$")
# The bound a value cell may print before its figure (the target reader takes its comparator).
_BOUND_WORDS = "Tối thiểu|Tối đa|Ít nhất|Trên|Dưới"
_OCR_BOUND = re.compile(rf"\b(?P<b>{_BOUND_WORDS})$", re.IGNORECASE)
_OCR_SHARE = re.compile(r"^T[ỉỷiy¡]\S?\s+lệ\b", re.IGNORECASE)
_OCR_ROW_NUMBER = re.compile(r"^(?P<n>\d{1,2})[.)]?(?=\s|$)")


def _over_hundred(value: str) -> bool:
    """Whether a percentage cell ("703%", "<30%", "1-1,5%") states over 100 at its first figure."""
    first = re.match(r"\d+(?:,\d+)?", value.lstrip("<>≤≥"))
    return first is not None and float(first.group().replace(",", ".")) > 100


def _ocr_indicator_block(lines: Sequence[SourceLine], i: int) -> TableBlock | None:
    """The indicator table whose one-line header is line ``i`` of an OCR'd page, or None.

    A row opens where its printed number is the next one, or where a line opens on a capital
    (the indicator's first word: "Tỉ lệ …", "Giảm …") once the row before has its value; the
    other lines go on the open row's cell. A row's first figure at a line's end is its value; a
    row whose value the scan garbled keeps none. The page's end closes the table."""
    head = lines[i]
    if head.kind != "text" or head.prov.ocr_confidence is None:
        return None
    m = _OCR_INDICATOR_HEADER.match(" ".join(head.text.split()))
    if m is None:
        return None
    rows: list[list] = []  # [number, words, bound, value, prov]
    last = i
    for j in range(i + 1, min(len(lines), i + 400)):
        line = lines[j]
        if line.kind != "text" or line.page_break_before or _STACKED_END.match(line.text.strip()):
            break
        text = " ".join(line.text.translate({ord(c): " " for c in _OCR_SPECK_CHARS}).split())
        if not text:
            continue
        number = None
        if (n := _OCR_ROW_NUMBER.match(text)) is not None:
            number, text = int(n.group("n")), text[n.end():].strip(" .")
        else:
            # A row number the scan garbled ("1ó.", "1N"): a short token of a digit and a letter.
            text = re.sub(r"^\d\w?[.)]?\s+", "", text)
        # Specks read as letters before the words: lone letters, or one-letter tokens ("z", "Ề").
        text = re.sub(r"^(?:\S\s+)+(?=\S{2})", "", text)
        value = None
        if (v := _OCR_VALUE_END.search(text)) is not None:
            value, text = v.group("v").replace(" ", ""), text[: v.start()].strip()
        bound = _OCR_BOUND.search(text)
        if bound is not None:
            text = text[: bound.start()].strip()
        expected = (rows[-1][0] + 1) if rows else 1
        opens = (number == expected or not rows
                 or (text[:1].isupper() and len(text.split()[0]) > 1 and not text[1:2].isdigit()
                     and rows[-1][3] is not None))
        if opens:
            rows.append([expected, [], None, None, line.prov])
        row = rows[-1]
        if text and not (number is not None and value is not None and len(text) <= 12):
            row[1].append(text)  # a short line between a number and a value is the scan's specks
        if bound is not None and row[3] is None:
            row[2] = bound.group("b")
        if value is not None and row[3] is None and not (
                value.endswith("%") and _OCR_SHARE.match(" ".join(row[1]))
                and _over_hundred(value)):
            row[3] = value  # a share over 100% is a misread ("70%" read "703%"): no value
        last = j
    if len(rows) < 3 or sum(r[3] is not None for r in rows) * 2 < len(rows):
        return None
    grid: list[tuple[list[str | None], Provenance]] = [(["TT", m.group("name"), m.group("value")], head.prov)]
    for number, words, bound, value, prov in rows:
        cell = None if value is None else " ".join(x for x in (bound, value) if x)
        grid.append(([str(number), " ".join(words), cell], prov))
    return TableBlock(grid, i, last, from_pipes=True, header_rows=1, positioned=True,
                      lines=list(range(i, last + 1)))


# A scanned duty appendix (STT | task | time | lead | partner) that OCR read line by line across
# the page (s17 dev qd2439/QĐ-BTC 2022, eleven appendices of ~110 rows): the header on one line
# ("STT Nội dung hoạt động … Đơn vị chủ trì Đơn vị phối hợp", "Thời gian" on the line above), then
# every printed line through all the cells, left to right: the task's words, the row's time
# ("2022-2025") where the row is centred, the lead's words, the partner's words, the column rules
# now and then read as "|". The row's number stands beside its middle line; the lines above it
# that open a sentence are the row's top. Read as text, the whole appendix gave no duty.
_OCR_DUTY_HEADER = re.compile(r"^s?tt noi dung\b.*\b(?:don vi|co quan) chu tri\b.*\bphoi h")
_OCR_DUTY_STT = re.compile(r"^(?P<stt>[IVX]{1,4}|\d{1,2}(?:[.,]\s?\d{1,2})?|\d{3})\.?(?![\d\w-])\s*(?:[|_—-]+\s*)*(?=\S)")
# A row's time: a year or a span, not a year inside the task's words ("năm 2025").
_OCR_DUTY_TIME = re.compile(r"(?<![\d/])(?<!năm )(?<!đoạn )20\d\d(?:\s*[-–]\s*20\d\d|\s+20\d\d)?(?![\d/%])")
_OCR_UNIT_HEAD = re.compile(r"(?<!\w)(?:Bộ|Tổng cục|T[ôoéẻ]ng c[uụ]c|Chi cục|Cục|Vụ|Ban|Viện|Văn phòng|Phòng|Sở|UBND|Ủy ban|"
                            r"Các\s+(?:Vụ|vụ|đơn vị|Bộ|bộ|cơ quan|Sở|sở))(?!\w)")
_OCR_PARTNER_HEAD = re.compile(r"(?<!\w)Các\s+(?:Vụ|vụ|Vu|vu|đơn vị|Bộ|bộ|cơ quan|Sở|sở)(?!\w)")


def _ocr_duty_header(text: str) -> bool:
    return bool(_OCR_DUTY_HEADER.match(fold(" ".join(text.split()))))


def _ocr_unit_pieces(part: str, lead_open: bool) -> tuple[str, str]:
    """The lead's and the partner's words of one printed line's unit part (left to right): cut at
    a column rule ("|"), where a partner cell opens ("Các Vụ/đơn vị …"), or after the bracket
    that closes the lead's sub-bodies ("Tổng cục Thuế (Vụ A, Cục B)"), open on a line above
    when ``lead_open``."""
    part = part.strip(" |_-—")
    if "|" in part:
        left, _, right = part.partition("|")
        return left.strip(" _-—"), right.strip(" |_-—")
    m = _OCR_PARTNER_HEAD.search(part)
    if m is not None:
        return part[: m.start()].strip(), part[m.start():].strip()
    heads = list(_OCR_UNIT_HEAD.finditer(part))
    for before, here in zip(heads, heads[1:], strict=False):
        # A body's head right after a whole name ("Sở A Sở B"), with no comma, "và" or bracket
        # between and none left open: the partner's cell beside the lead's.
        gap = part[before.end(): here.start()].strip()
        opened = lead_open or _open_bracket(part[: here.start()])
        if gap and not opened and not re.search(r"(?:[,;(/&-]|\bvà)$", gap):
            return part[: here.start()].strip(), part[here.start():].strip()
    close = part.find(")")
    if close >= 0 and (lead_open or "(" in part[:close]):
        return part[: close + 1].strip(), part[close + 1:].strip(" _-—")
    return part, ""


def _open_bracket(text: str) -> bool:
    return text.count("(") > text.count(")")


# The end of a lead's bracket on a line whose task words come first: "… nguồn thu. HTQT)",
# "DNL, Vụ DNNCN)": the sub-bodies' abbreviations and heads, back to the task's last word.
_OCR_BRACKET_END = re.compile(r"(?:(?<=\s)|^)(?P<b>(?:(?:Vụ|Cục|Chi cục|Phòng|Ban|Trường|Văn phòng|[A-ZĐ][A-ZĐ&]+)[,;]?\s+)*"
                              r"[A-ZĐ][A-ZĐ&]+\))")


def _ocr_duty_block(lines: Sequence[SourceLine], i: int) -> TableBlock | None:
    """The duty table whose one-line header is line ``i`` of an OCR'd page (see above), or None.

    Rows open at a line whose number comes first and whose time (or column rule) follows the
    task's words; a line that opens a sentence after a row's number opens the next row's top.
    A numbered line with neither time nor rule is a group row ("1 | Luật …", "II | Về …"); the
    rows under a numbered group take its number ("1.1", "1.2": the scan garbles them, "13",
    "224"). Within a row's lines, the words before the time or the first unit are the task's,
    the words after split at a rule or a partner's "Các …" into the lead's and the partner's.
    The header again after a page break continues the table."""
    head = lines[i]
    if head.kind != "text" or head.prov.ocr_confidence is None or not _ocr_duty_header(head.text):
        return None
    rows: list[dict] = []
    pending: list[str] = []
    group: str | None = None
    numbered_group = False
    count = 0
    last = i
    j = i + 1
    while j < len(lines):
        line = lines[j]
        text = " ".join(line.text.split())
        if line.page_break_before:
            # The next page goes on only under the header again (its first lines may be specks).
            ahead = None
            for k in range(j, min(len(lines), j + 12)):
                if lines[k].kind != "text" or appendix_heading(" ".join(lines[k].text.split())) is not None:
                    break  # the next appendix's table is its own
                if _ocr_duty_header(lines[k].text) or fold(lines[k].text).strip().startswith("don vi phoi h"):
                    ahead = k
                    break
            if ahead is None:
                break
            j = ahead + 1
            pending = []
            continue
        if line.kind != "text" or appendix_heading(text) is not None or _STACKED_END.match(text):
            break
        j += 1
        if not text or len(re.sub(r"[\W\d_]", "", text)) < 3:
            continue
        last = j - 1
        if _ocr_duty_header(text):
            pending = []  # the header again on a page whose break the reader did not mark
            continue
        m = _OCR_DUTY_STT.match(text)
        rest = text[m.end():] if m else text
        t = _OCR_DUTY_TIME.search(rest)
        if m is not None and t is None and "|" not in rest and not _OCR_UNIT_HEAD.search(rest[1:]):
            stt = m.group("stt")
            if _ROMAN.match(stt) or (stt.isdigit() and len(stt) <= 2):
                group, numbered_group, count = stt, stt.isdigit(), 0
                rows.append({"stt": stt, "task": [rest], "time": None, "lead": [], "partner": [],
                             "prov": line.prov, "group": True})
                pending = []
                continue
        if m is not None and (t is not None or "|" in rest):
            printed = m.group("stt").replace(",", ".").replace(" ", "")
            count += 1
            if numbered_group:
                stt = f"{group}.{count}"
            else:
                stt = printed if printed.isdigit() and int(printed) == count else str(count)
            rows.append({"stt": stt, "task": [], "time": None, "lead": [], "partner": [],
                         "prov": line.prov, "group": False})
            body, pending = [*pending, rest], []
        else:
            opens = rows and not rows[-1]["group"] and text[:1].isupper() and len(text.split()[0]) > 1 \
                and not _OCR_UNIT_HEAD.match(text)
            if not rows or rows[-1]["group"] or opens or pending:
                pending.append(text)
                continue
            body = [text]
        row = rows[-1]
        for piece in body:
            tm = _OCR_DUTY_TIME.search(piece)
            if tm is not None:
                if row["time"] is None:
                    row["time"] = tm.group(0)
                task, units = piece[: tm.start()], piece[tm.end():]
            else:
                cut = piece.find("|")
                um = _OCR_UNIT_HEAD.search(piece)
                bracket = _OCR_BRACKET_END.search(piece) if _open_bracket(" ".join(row["lead"])) else None
                at = min(cut if cut >= 0 else len(piece), um.start() if um else len(piece),
                         bracket.start() if bracket else len(piece))
                if piece[:1] == "(" or (um is not None and um.start() == 0):
                    at = 0
                elif at < len(piece) and piece[:at].rstrip().endswith("("):
                    at = piece[:at].rstrip().rfind("(")  # "(Vụ A)": the bracket opens the lead's words
                task, units = piece[:at], piece[at:]
            task = task.strip(" |_-—")
            if task:
                row["task"].append(task)
            lead, partner = _ocr_unit_pieces(units, _open_bracket(" ".join(row["lead"])))
            if lead:
                row["lead"].append(lead)
            if partner:
                row["partner"].append(partner)
    duty_rows = [r for r in rows if not r["group"]]
    if len(duty_rows) < 3 or sum(bool(r["lead"]) for r in duty_rows) * 2 < len(duty_rows):
        return None
    grid: list[tuple[list[str | None], Provenance]] = [
        (["STT", "Nội dung hoạt động", "Thời gian thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp"], head.prov)]
    for r in rows:
        # The lead's words of all its lines read together: a name wrapped over two lines ("Sở A
        # và" / "B Sở C") may leave the partner's head beside its end.
        lead, rest = _ocr_unit_pieces(" ".join(r["lead"]), False) if r["lead"] else ("", "")
        partner = " ".join(x for x in (rest, *r["partner"]) if x)
        grid.append(([r["stt"], " ".join(r["task"]) or None, r["time"], lead or None, partner or None], r["prov"]))
    return TableBlock(grid, i, last, from_pipes=True, header_rows=1, positioned=True,
                      lines=list(range(i, last + 1)))


# A PDF text layer saved column by column (s14 held-out ctr104, a provincial Party committee's
# programme, Phụ lục 1: 15 indicators over two pages): the header's labels one per line ("TT" /
# "Nội dung" / "Mục tiêu"), then the page's row numbers, its indicator cells, its value cells,
# each column's cells in order (now and then a number or value beside its cell), then the other
# columns (the lead "Cơ quan … chủ trì", the person in charge), and the header again on the next
# page. Read as text, the appendix was its own title and none of its 15 targets was found. The
# k-th indicator is paired with the k-th value, only when the counts agree.
_RUN_NAME_LABEL = re.compile(r"^(?:Nội dung|Chỉ tiêu|Tên chỉ tiêu)$", re.IGNORECASE)
_RUN_VALUE_LABEL = re.compile(r"^(?:Mục tiêu|Kế hoạch)(?:\s+(?:đến\s+)?năm\s+\d{4})?$", re.IGNORECASE)
_RUN_VALUE = re.compile(rf"^(?:(?:{_BOUND_WORDS}|Khoảng)\s+)?(?:[<>≤≥]\s*)?\d[\d.,]*"
                        r"(?:\s*[-–]\s*\d[\d.,]*)?\s*(?:%|[^\W\d_]+(?:\s+[^\W\d_]+)?)?$", re.IGNORECASE)
_RUN_BOUND = re.compile(rf"^(?:{_BOUND_WORDS}|Khoảng)$", re.IGNORECASE)
_RUN_OTHER_LABEL = re.compile(r"^(?:Cơ quan|Đơn vị|Cá nhân|Người|Ghi chú)\b")


def _run_header(lines: Sequence[SourceLine], i: int) -> int | None:
    """The line after "TT" / "Nội dung" / "Mục tiêu" one per line at ``i``, or None."""
    texts: list[str] = []
    j = i
    while j < len(lines) and len(texts) < 3:
        if lines[j].kind != "text":
            return None
        if text := " ".join(lines[j].text.split()):
            texts.append(text)
        j += 1
    if (len(texts) == 3 and texts[0] in ("TT", "STT") and _RUN_NAME_LABEL.match(texts[1])
            and _RUN_VALUE_LABEL.match(texts[2])):
        return j
    return None


def _column_run_block(lines: Sequence[SourceLine], i: int) -> TableBlock | None:
    """The indicator table laid out column by column from line ``i`` (see above), or None."""
    j = _run_header(lines, i)
    if j is None:
        return None
    head = (["TT", " ".join(lines[i + 1].text.split()) or "Nội dung", "Mục tiêu"], lines[i].prov)
    names: list[tuple[list[str], Provenance]] = []
    values: list[str] = []
    bound = None
    in_other = False  # reading the columns after the value's, up to the next page's header
    reading_label = cell_ends = False
    cells: list[list[str]] = []  # the cells of the columns after the value's
    last = j - 1
    while j < len(lines) and j < i + 600:
        line = lines[j]
        text = " ".join(line.text.split())
        if line.kind != "text" or appendix_heading(text) is not None or _STACKED_END.match(text):
            break
        if (after := _run_header(lines, j)) is not None:
            in_other, last, j = False, after - 1, after
            continue
        j += 1
        if not text:
            continue
        if in_other or _RUN_OTHER_LABEL.match(text):
            # The lead column ("Cơ quan, tổ chức đảng chủ trì" over "Đảng ủy UBND tỉnh" cells a
            # blank line apart) is read too; the person in charge ("Đồng chí …") is not a unit.
            if not in_other:
                in_other, reading_label = True, True
            elif reading_label or not (line.gap_before or cell_ends):
                if not reading_label and cells:
                    cells[-1].append(text)
            else:
                cells.append([text])
            cell_ends = reading_label and fold(text).endswith("chu tri")
            reading_label = reading_label and not cell_ends
            continue
        last = j - 1
        if re.fullmatch(r"\d{1,2}", text):
            continue  # a row's number alone
        if _RUN_BOUND.match(text):
            bound = text
            continue
        if _RUN_VALUE.match(text) and not re.match(r"^\d{1,2}\s+[A-ZĐ]", text):
            values.append(f"{bound} {text}" if bound else text)
            bound = None
            continue
        text = re.sub(r"^\d{1,2}\s+(?=[A-ZĐ])", "", text)  # "7 Tỷ lệ che phủ rừng": number beside
        first = text.split()[0]
        if not names or (first[:1].isupper() and not first.isupper()):
            names.append(([text], line.prov))
        else:
            names[-1][0].append(text)
    if len(names) < 3 or len(names) != len(values):
        return None
    leads = [" ".join(c) for c in cells if _BARE_UNIT.match(c[0])]
    with_leads = len(leads) == len(names)
    if with_leads:
        head[0].append("Cơ quan chủ trì")
    grid: list[tuple[list[str | None], Provenance]] = [head]
    for k, ((words, prov), value) in enumerate(zip(names, values, strict=True), start=1):
        grid.append(([str(k), " ".join(words), value] + ([leads[k - 1]] if with_leads else []), prov))
    return TableBlock(grid, i, last, from_pipes=True, header_rows=1, positioned=True,
                      lines=list(range(i, last + 1)))


def _row_opening(text: str, by_vocabulary: bool) -> tuple[str, str | None] | None:
    """The STT (and the words after it on its line) of a line that opens a row, or None: "1",
    "-", "II Title" in a five-column table; "II", "2.1", "2.1 Theo dõi …" (capitals after the
    number) in a table read by width."""
    if by_vocabulary:
        m = _BARE_ROW.match(text)
        return None if m is None else (m.group("n") or m.group("dash") or m.group("roman"), m.group("title"))
    m = _STACKED_STT.match(" ".join(text.split()))
    if m is None or (m.group("rest") is not None and not m.group("rest")[:1].isupper()):
        return None
    return m.group("stt"), m.group("rest")


def _stacked_rows(lines: Sequence[SourceLine], i: int, labels: list[str], k: int, by_vocabulary: bool
                  ) -> TableBlock | None:
    """The rows of the stacked table whose header ``labels`` stand from ``i`` to before ``k``,
    each row's lines (after its STT line) cut into cells by the words that open them
    (:func:`_cells_by_vocabulary`, five columns) or by width (:func:`_cells_by_width`); None
    when a row cannot be read so or fewer than two rows are. The header printed again on each
    page is skipped; in a five-column table a task cell cut by the page has its rest under that
    header, after the row's other cells (lines in lower case or opening with "(").

    Read by width, a row may print no STT (the rows of a merged unit cell, see
    :func:`_merged_labels`): a wide line in capitals after the row's narrow cells, where the
    task before it is not left open, opens the next row. A number alone out of the STT sequence
    is the page number the text layer left ("75" between a row and the header printed again).
    """
    n = len(labels)
    roles = _header_roles(labels)
    before = roles.index("task") - 1 if "task" in roles else 0  # columns between STT and task
    wide = _wide_width(lines, k)
    # An indicator table whose value column stands right after the indicator ("TT | Ngành, lĩnh
    # vực | Tốc độ bình quân 2026 - 2030 (%/năm) | Cơ quan chủ trì | Cơ quan phối hợp"): the
    # figure cuts each row (:func:`_cells_by_width`), and the rows a Vietnamese indicator table
    # prints without STT open on their own: the total first ("Cả nước", "Toàn tỉnh"), its parts
    # after a row's figure ("- Công nghiệp", "+ …") and "Trong đó: …" (s15 dev nq109-cp-2026
    # Phụ lục II; the partner column there is wider than the indicator, so width cannot tell).
    figured = not by_vocabulary and before == 0 and len(roles) > 2 and (roles[2] or "").startswith("value")
    time_last = "time" not in roles or roles.index("time") == n - 1
    rows: list[tuple[list[str | None], Provenance]] = [(list(labels), lines[i].prov)]
    printed = [lines[x].text.strip() for x in range(i, k)]  # the header as each page repeats it
    # The open row: its STT, where it stands, its lines, a cut task's rest, whether its first
    # line holds the words after the STT.
    current: tuple[str | None, Provenance, list[SourceLine], list[str], bool] | None = None
    after_header = False
    last_number: int | None = None
    notes: list[int] = []  # the footnotes' lines (:data:`_FOOTNOTE_LINE`)

    def close() -> bool:
        if current is None:
            return True
        stt, prov, body, rest, titled = current
        if not by_vocabulary:
            rows.append((_provisions_back(_cells_by_width(stt, _page_cut_moved(body, rest, titled, wide),
                                                          titled, n - 2, before, wide, figured, time_last)[:n],
                                          roles), prov))
            return True
        if not body:
            return False
        if stt is not None and _ROMAN.match(stt):
            rows.append(([stt, " ".join(x.text.strip() for x in body)] + [None] * (n - 2), prov))
            return True
        cells = _cells_by_vocabulary(body)
        if cells is None:
            return False
        cells[0] = " ".join([cells[0] or "", *rest])
        rows.append(([stt, *cells][:n] + [None] * max(0, n - 5), prov))
        return True

    def next_row(text: str) -> bool:
        """Whether a wide line opens a row printed without STT (read by width only)."""
        if by_vocabulary or len(text) < wide or not text[:1].isupper():
            return False
        if _BARE_UNIT.match(text) and _TWO_CELLS.match(text):
            return False  # two unit cells on one line (:func:`_two_cells_split`), no task
        if current is None:
            return True
        task = _task_lines(current[2], wide, current[4])
        narrow_after = bool(task) and " ".join(current[2][-1].text.split()) != task[-1]
        return narrow_after and not _TASK_OPEN.search(task[-1])

    last = k - 1
    j = k
    while j < len(lines):
        line = lines[j]
        text = line.text.strip()
        if _stacked_end(line):
            break
        if _FOOTNOTE_LINE.match(text) and len(" ".join(text.split())) > _FOOTNOTE_WIDTH * wide:
            # A page's footnote ("1 Nghị quyết số … của …", its anchor glued to a cell: "NQ/TW1")
            # printed at the page's width under the rows, and its wrapped lines: no cell is so wide.
            notes.append(j)
            j += 1
            while j < len(lines) and len(" ".join(lines[j].text.split())) > _FOOTNOTE_WIDTH * wide:
                notes.append(j)
                j += 1
            continue
        if _repeated_header(lines, j, printed):
            j, after_header = j + len(printed), True
            last = j - 1
            continue
        opened = _row_opening(text, by_vocabulary)
        if opened is not None and opened[1] is None and opened[0].isdigit() and last_number is not None \
                and int(opened[0]) not in (1, last_number + 1):
            if j + 1 >= len(lines) or _stacked_end(lines[j + 1]) or _repeated_header(lines, j + 1, printed):
                j += 1  # a page number
                continue
            # A figure on its own line ("28", the value cell of s15 dev nq109-cp-2026 Phụ lục I).
            opened = None
        if (opened is not None and not by_vocabulary and _CELL_LIST_ITEM.match(text) and current is not None
                and last_number is not None and int(opened[0].split(".")[0]) != last_number + 1):
            # "1. Bộ A …" / "2. Bộ B …": the numbered parts of a cell (nq109 Phụ lục I, III), not rows.
            opened = None
        if opened is None and next_row(" ".join(text.split())):
            opened = (None, None)
        if opened is None and figured:
            opened = _part_row(text, current[2] if current is not None else None)
        if opened is not None:
            if not close():
                return None
            stt, title = opened
            if stt is not None and stt.isdigit():
                last_number = int(stt)
            current = (stt, line.prov, [], [], title is not None)
            if title is not None:
                current[2].append(dataclasses.replace(line, text=title))
            elif stt is None:
                current[2].append(line)
            after_header = False
        elif current is None:
            return None
        elif by_vocabulary and after_header and (text[:1].islower() or text.startswith("(")) and current[2]:
            current[3].append(text)
        elif (not by_vocabulary and after_header and text[:1].islower() and current[2]
              and len(" ".join(text.split())) < wide):
            current[3].append(str(len(current[2])))  # where a narrow cell's rest stands
            current[2].append(line)
        else:
            current[2].append(line)
            after_header = False
        last = j
        j += 1
    if not close() or len(rows) < 3:
        return None
    if before:
        _merged_labels(rows, roles)
    # A footnote after the last row stands after the block: the lines after it carry it already.
    notes = [x for x in notes if x <= last]
    return TableBlock(rows, i, last, from_pipes=True, header_rows=1, positioned=True,
                      lines=[x for x in range(i, last + 1) if x not in notes], notes=notes)


# A footnote under a stacked table's rows on a page of the Official Gazette (s14 nq97/NQ-CP 2026:
# four footnotes naming the resolutions a task's basis cell cites): its number, then the text at the
# page's width, more than twice the width of the task column's lines (:func:`_wide_width`).
_FOOTNOTE_LINE = re.compile(r"^\d{1,2}\s+[A-ZĐ]\S*\s+\S")
_FOOTNOTE_WIDTH = 2.5


# A reference to a provision ("Điều 19", "Khoản 1 Điều 8", "Điểm a khoản 2", "- Mẫu số 12").
_PROVISION_CELL = re.compile(r"^(?:[-–]\s*)?(?:Điều|Khoản|Điểm|Mục|Mẫu)\s+\S")


def _provisions_back(cells: list[str | None], roles: list[str | None]) -> list[str | None]:
    """A row whose body cell, read by width, holds provisions is given them back.

    The provisions' column ("Điều, khoản, điểm") prints one short line per provision, each in
    capitals, so the width reading cuts it into more pieces than it has columns and the last
    ones fill the body's: "Khoản 1 Điều 16" / "Điều 19" as the drafting body (s16 dev
    nq18/NQ-CP 2026 Phụ lục III, whose body cell is printed once for 11 rows). A body never
    reads "Điều …": the cell goes back to the provisions, the body slot stays merged (None).
    """
    if "provision" not in roles:
        return cells
    home = roles.index("provision")
    for j, role in enumerate(roles):
        if role in ("lead", "cooperate") and j < len(cells) and j > home and (cell := cells[j]) \
                and _PROVISION_CELL.match(cell):
            cells[home] = f"{cells[home] or ''} {cell}".strip()
            cells[j] = None
    return cells


_PART_ROW = re.compile(r"^[-–+]\s+(?P<title>[A-ZĐÀ-Ỹ].*)$")


def _part_row(text: str, body: list[SourceLine] | None) -> tuple[str | None, str | None] | None:
    """The opening of a row printed without STT in an indicator table (see ``figured`` in
    :func:`_stacked_rows`): the first row; a part ("- Công nghiệp") or "Trong đó: …" after the
    open row's figure or after a row that ends with ":"."""
    if body is None:
        return None, None
    t = " ".join(text.split())
    closed = any(_FIGURE.match(" ".join(x.text.split())) for x in body) or (
        bool(body) and body[-1].text.strip().endswith(":"))
    if not closed:
        return None
    m = _PART_ROW.match(t)
    if m:
        return "-", m.group("title")
    return (None, None) if fold(t).startswith("trong do") else None


def _page_cut_moved(body: list[SourceLine], rest: list[str], titled: bool, wide: int
                    ) -> list[SourceLine]:
    """A row's lines with a narrow cell's rest put back where the page cut it.

    ``rest``: the places in ``body`` of the lower-case lines a page printed under its repeated
    header. When the cut cell was not the row's last ("Ủy ban nhân dân các" | "Bộ Chính trị" |
    "Quý I/2026" | page | "tỉnh, thành phố …", s14 dev nq105-cp-2026 Phụ lục I, seven columns),
    they belong after the first narrow piece left open (:data:`_STACKED_OPEN`) before a capital;
    otherwise they stay where they stand (the last cell went on)."""
    if not rest:
        return body
    a = int(rest[0])
    b = a + 1
    while b < len(body) and str(b) in rest:
        b += 1

    def narrow(x: int) -> bool:
        return not (x == 0 and titled) and len(" ".join(body[x].text.split())) < wide

    for x in range(a - 1):
        if (narrow(x) and narrow(x + 1) and body[x + 1].text.strip()[:1].isupper()
                and _STACKED_OPEN.search(" ".join(body[x].text.split()))):
            return [*body[: x + 1], *body[a:b], *body[x + 1 : a], *body[b:]]
    return body


# A numbered part of a cell ("1. Bộ A tổng hợp" "2. Các bộ …", s15 dev nq109-cp-2026 Phụ lục I
# and III: a lead cell split by what each body does).
_CELL_LIST_ITEM = re.compile(r"^(\d{1,2})\.\s+\S")


def _wide_width(lines: Sequence[SourceLine], k: int) -> int:
    """How long a line must be to be a task cell's: the task column is the table's widest, its
    wrapped lines near the longest; the narrow columns' pieces are much shorter (7 to 27
    characters in the Gazette's tables, task lines 36 to 50). At least :data:`_STACKED_WIDE`."""
    sizes: list[int] = []
    for line in lines[k : k + 400]:
        if _stacked_end(line):
            break
        sizes.append(len(" ".join(line.text.split())))
    if not sizes:
        return _STACKED_WIDE
    sizes.sort()
    return max(_STACKED_WIDE, round(0.75 * sizes[int(0.9 * (len(sizes) - 1))]))


# A narrow cell that is a time: a time word, or a span opening with "Trong", "Từ", "Trước".
_CELL_TIME = re.compile(r"^(?:(?:Trong|Từ|Trước|Đến|Sau)\s+(?:năm|quý|tháng|ngày|\d)|Thường xuyên|"
                        r"Theo (?:yêu cầu|lộ trình|kế hoạch|tiến độ)|"
                        r"Hằng|Hàng|Quý|Năm\s+\d|(?:19|20)\d\d\b)", re.IGNORECASE)


# A task line that leaves its sentence open: the task goes on on the next line, however short.
_TASK_OPEN = re.compile(r"(?:[,;(/\-–]|\b(?:và|của|với|các|cho|trong|theo|về|tại|thuộc|từ|đến|"
                        r"giai đoạn|năm|số|ngày|Bộ|Ủy ban|Ban|Sở))$")


# A collective ("Các cơ quan …") or a level a task goes to ("Chính phủ", "Thủ tướng Chính phủ",
# "Cấp có thẩm quyền" in a "Cấp trình" column) opens its cell.
_CELL_BODY = re.compile(r"^(?:Các\s|Chính phủ\b|Thủ tướng\b|Cấp có thẩm quyền\b|Quốc hội\b)")
# An acronym opening a piece ("PCPNN,", "VTV, VOV"): the rest of a name or list in its cell.
_ACRONYM = re.compile(r"^[A-ZĐ]{2,}\b")


def _cell_opening(cell: list[str], piece: str, time_last: bool = True) -> str | None:
    """How a narrow piece stands to the open ``cell`` (its pieces so far): None when it goes on
    with it (lower case, after a piece left open or inside an open parenthesis, an acronym),
    "strong" when it opens a cell for sure (a body's head, a collective, a time, a capital after
    a full stop), "weak" for any other capital (a name's next word or the next cell, told apart
    by the columns' count). ``time_last``: whether the time is the row's last column; when a
    column follows it (a "Căn cứ" / "Ghi chú" column), a capital after the time opens that cell."""
    before = cell[-1]
    text = " ".join(cell)
    if piece.startswith("Các ") and fold(before).rstrip().endswith(" cac"):
        return "strong"  # "… nhân dân các" / "Các bộ, …": no article follows an article
    listed = _CELL_LIST_ITEM.match(piece)
    if listed:
        # "1. Bộ A …" opens a cell; "2. Bộ B …" goes on in the cell its "1." opened (s15 dev
        # nq109-cp-2026 Phụ lục I, III).
        return None if listed.group(1) != "1" and _CELL_LIST_ITEM.match(cell[0]) else "strong"
    timed = bool(_CELL_TIME.match(text) or _BARE_TIME.match(text))
    if (not timed and not _STACKED_OPEN.search(before) and _BARE_TIME.match(piece)
            and not piece[:1].isupper()):
        return "strong"  # "… các tỉnh, thành phố" | "2026 - 2030" (nq109 Phụ lục IV)
    if not piece[:1].isupper() or _STACKED_OPEN.search(before) or text.count("(") > text.count(")"):
        return None
    if (_BARE_UNIT.match(piece) or _CELL_TIME.match(piece) or _BARE_TIME.match(piece) or before.endswith(".")
            or _CELL_BODY.match(piece)):
        return "strong"
    if timed and not time_last and not _STACKED_OPEN.search(before):
        return "strong"  # "Thường xuyên" | "Nghị quyết số …": the basis cell after the time
    if _ACRONYM.match(piece) or timed:
        return None  # the time is a row's last cell: a capital after it is its own rest
    return "weak"


def _task_goes_on(wide: str, short: str) -> bool:
    """Whether a short line after a task's wide line ends the task: it opens in lower case, or
    the wide line leaves its sentence open and the short line opens no unit or time cell ("… ngày"
    / "Các bộ, cơ quan" is the lead cell beside the task, s14 dev nq105 Phụ lục I row III.2)."""
    return short[:1].islower() or bool(
        _TASK_OPEN.search(wide) and not _BARE_UNIT.match(short) and not _CELL_TIME.match(short))


def _task_marks(body: list[SourceLine], wide: int, titled: bool) -> list[bool]:
    """Which lines of a row make its task cell: its wide lines, and a short line right after one
    that ends it (:func:`_task_goes_on`: "… các dự án thuộc" / "Đề án", "… giai đoạn" / "2020 -
    2025"). One reading for :func:`_task_lines` and :func:`_cells_by_width`."""
    marks: list[bool] = []
    after_wide, last = False, ""
    for x, line in enumerate(body):
        t = " ".join(line.text.split())
        if (x == 0 and titled) or len(t) >= wide:
            marks.append(True)
            after_wide, last = True, t
        elif after_wide and _task_goes_on(last, t):
            marks.append(True)
            after_wide, last = False, t
        else:
            marks.append(False)
            after_wide = False
    return marks


def _task_lines(body: list[SourceLine], wide: int, titled: bool) -> list[str]:
    """The lines of a row's task cell (:func:`_task_marks`)."""
    return [" ".join(line.text.split()) for line, m in zip(body, _task_marks(body, wide, titled), strict=True) if m]


def _merged_labels(rows: list[tuple[list[str | None], Provenance]], roles: list[str | None]) -> None:
    """Give the rows printed without STT the STT and body of the merged cell they stand in.

    In a unit-headed table ("STT | Đơn vị | Nhiệm vụ chủ trì | …") one STT and body cell is
    merged over the body's rows, and the text layer prints it at the cell's middle: in the row
    list it stands before one of the body's later rows, so the rows printed before it are its
    own (s15 dev nq175/NQ-CP 2023 Phụ lục I: "1" / "Bộ Thông tin và Truyền thông" before the
    fourth of its five rows). A row takes the next label, or the one before when there is no
    next or the row's partner cell names the next body (a body is not its own partner).
    """
    lead = roles.index("lead") if "lead" in roles else None
    if lead is None:
        return
    coop = roles.index("cooperate") if "cooperate" in roles else None
    labelled = [x for x in range(1, len(rows)) if rows[x][0][0] is not None]
    for x in range(1, len(rows)):
        cells = rows[x][0]
        if cells[0] is not None:
            continue
        after = next((y for y in labelled if y > x), None)
        before = next((y for y in reversed(labelled) if y < x), None)
        pick = after
        if after is not None and coop is not None and cells[coop] and rows[after][0][lead] \
                and fold(rows[after][0][lead] or "") in fold(cells[coop] or ""):
            pick = before
        if pick is None:
            pick = before
        if pick is None or _ROMAN.match(rows[pick][0][0] or ""):
            continue
        cells[0] = rows[pick][0][0]
        if not cells[lead]:
            cells[lead] = rows[pick][0][lead]


# Two unit cells printed on one line: a body's name, then a collective in capitals mid-line
# ("Bộ A và B Các bộ, cơ quan, địa" / "phương": the lead cell's one line and the partner cell's
# first, s15 dev nq109-cp-2026 Phụ lục III and IV). Mid-sentence "các" is in lower case: a
# capital "Các" after a word opens a cell.
_TWO_CELLS = re.compile(r"^(?P<lead>\S.*?[^\s,;(/])\s+(?P<next>Các\s+\S.*)$")


def _two_cells_split(body: list[SourceLine]) -> list[SourceLine]:
    """A row's lines with a line that opens with a body's head and holds two unit cells
    (:data:`_TWO_CELLS`) cut in two; never the row's first line (its task)."""
    out: list[SourceLine] = []
    for x, line in enumerate(body):
        t = " ".join(line.text.split())
        m = _TWO_CELLS.match(t) if x > 0 and _BARE_UNIT.match(t) else None
        if m:
            out += [dataclasses.replace(line, text=m.group("lead")), dataclasses.replace(line, text=m.group("next"))]
        else:
            out.append(line)
    return out


def _cells_by_width(stt: str | None, body: list[SourceLine], titled: bool, width: int,
                    before: int = 0, wide: int = _STACKED_WIDE, figured: bool = False,
                    time_last: bool = True) -> list[str | None]:
    """A row's cells told apart by width: its STT, the task, then ``width`` narrow cells.

    A row's lines at least ``wide`` long are its task cell (with a short line right after one
    that opens in lower case: the cell's last line; with the words after the STT); the narrow
    pieces make the other cells in the header's order, a piece opening in capitals opening the
    next cell unless the piece before it is left open (:data:`_STACKED_OPEN`). Extra pieces
    merge into the middle columns, so the first narrow cells (chủ trì, phối hợp) and the last
    (thời hạn) keep their column. The narrow pieces before the task fill the ``before``
    columns printed left of it (a unit-headed table's body cell).
    """
    body = _two_cells_split(body)
    task: list[str] = []
    narrow: list[list[str]] = []
    ahead: list[list[str]] = []  # the cells left of the task
    weak: list[bool] = []  # per narrow cell: whether it opened on a weak cut
    marks = _task_marks(body, wide, titled)
    figure = next((x for x, line in enumerate(body) if _FIGURE.match(" ".join(line.text.split()))), None)
    if figured and figure is not None:
        marks = [x < figure for x in range(len(body))]  # the indicator is what stands before its figure
    for line, in_task in zip(body, marks, strict=True):
        t = " ".join(line.text.split())
        if in_task:
            task.append(t)
            continue
        pieces = ahead if before and not task else narrow
        if not pieces and stt is not None and _ROMAN.match(stt) and t.isupper():
            task.append(t)  # a group row's title in capitals, its last line short
            continue
        opening = _cell_opening(pieces[-1], t, time_last) if pieces else "strong"
        if opening is None:
            pieces[-1].append(t)
        else:
            pieces.append([t])
            if pieces is narrow:
                weak.append(opening == "weak")
    room = width - before
    if not task and narrow and (len(narrow) > room or (figured and figure is None)) \
            and not (stt is not None and _ROMAN.match(stt)):
        # A task cell all of whose lines are short ("Tăng trưởng điện thương" / "phẩm bình quân
        # (%)" under a 24-character indicator column, s15 dev nq109-cp-2026 Phụ lục I row 27):
        # one piece more than the narrow columns, the first is the task.
        task = narrow.pop(0)
        weak.pop(0)
    while len(narrow) > room and any(weak[1:]):
        # A capital that opens no unit, time or sentence is the weakest cut: the rest of a name
        # ("Thanh tra" / "Chính phủ,", "đại diện Việt" / "Nam tại nước ngoài"): merged first,
        # from the left, where the unit columns stand.
        at = weak.index(True, 1)
        narrow[at - 1].extend(narrow.pop(at))
        weak.pop(at)
    cells = [" ".join(p) for p in narrow]
    if len(cells) > room:
        middle = cells[2:-1]
        fixed = room - 3
        cells = cells[:2] + middle[:fixed] + [" ".join(middle[fixed:])] + cells[-1:]
    if not task and cells and stt is not None and _ROMAN.match(stt):
        task, cells = [cells[0]], cells[1:]  # a group row: its title
    if figured and figure is None and cells:
        cells = ["", *cells]  # no figure: the value cell is blank, the units keep their columns
    if 0 < len(cells) < width - before and _CELL_TIME.match(cells[-1]):
        # A row that leaves a cell blank ("Thành lập …" with no partner): its time keeps the
        # last column, the time column of every duty table read so.
        cells = cells[:-1] + [""] * (width - before - len(cells)) + cells[-1:]
    if before:
        front = [" ".join(" ".join(p) for p in ahead) or None] + [None] * (before - 1)
        cells = [c or None for c in front[:before]] + [c or None for c in cells]
        grid: list[str | None] = [stt, *cells[:before], " ".join(task) or None, *cells[before:]]
        return grid + [None] * (width + 2 - len(grid))
    grid = [stt, " ".join(task) or None]
    if figured and figure is not None:
        # A row with its figure and no bodies leaves them blank: the sector total above its
        # parts names none (s15 dev nq109-cp-2026 Phụ lục II), and no cell merges down onto it.
        return grid + [c or "" for c in cells] + [""] * (width - len(cells))
    return grid + [c or None for c in cells] + [None] * (width - len(cells))


def _cells_by_vocabulary(row: list[SourceLine]) -> list[str | None] | None:
    """The task, unit and time cells of a five-column row (after its STT line)."""
    cells: list[list[str]] = []
    for line in row:
        text = line.text.strip()
        if not cells:
            cells.append([text])
            continue
        prev = cells[-1][-1]
        open_end = bool(_BARE_OPEN.search(prev))
        if len(cells) == 1:
            new = not open_end and (bool(_BARE_UNIT.match(text)) or (prev.endswith(".") and bool(_BARE_TIME.match(text))))
        else:
            timed = bool(_BARE_TIME.match(cells[-1][0]))  # "Năm" / "2026 - 2027": one time cell
            new = line.gap_before or (not open_end and bool(
                _BARE_UNIT.match(text) or (_BARE_TIME.match(text) and not timed)))
        if new and len(cells) > 1 and _BARE_TIME.match(cells[-1][0]):
            break  # the time is the last cell: a line after it spans the table (a note)
        if new:
            cells.append([text])
        else:
            cells[-1].append(text)
    joined = [" ".join(c) for c in cells]
    task, rest = joined[0], joined[1:]
    # A cell the row does not print is empty, not merged from the row above (a PDF grid's None):
    # the text layer shows no merge, and the Gazette's tables leave a partner cell blank.
    time = rest.pop() if rest and _BARE_TIME.match(rest[-1]) else ""
    units = [c for c in rest if _BARE_UNIT.match(c)]
    if len(units) > 2:
        return None
    units += [""] * (2 - len(units))
    return [task, units[0], units[1], time]


# The marker opening a row printed one cell per line: "1", "2.", "a)", "II".
_CELL_STT = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-zđ]\)|[IVXLC]+\.?)")


def _cell_per_line_block(lines: Sequence[SourceLine], start: int, end: int) -> TableBlock | None:
    """A table whose header is one pipe row and whose body follows one cell per line.

    A converter that kept the header row of a Word table as markdown printed the rest cell after
    cell, each on its own line, with no pipe: "1" / the task / the lead / the partners / the
    time, then the next STT (s14 dev qd2200, a ministry's appendix; before, its 11 duty rows were
    read as a plain list and lost their units and times). A header cell may stand on its own line
    under the header row ("Thời gian thực hiện"). Rows open at an STT line; a row with one cell is
    a group row; a row with more cells than columns is a row the page or the converter broke in
    two, its second line holding only the first cells' ends (task, lead), which are joined back.
    None unless the header is an STT column and role columns and two rows at least fill them.
    """
    heads = [k for k in range(start, end + 1) if not _is_rule_line(lines[k].text)]
    if len(heads) != 1 or heads[0] == end:
        return None
    labels: list[str | None] = [_clean(c) for c in lines[heads[0]].text.strip().strip("|").split("|")]
    if len(labels) < 3 or _role_of(labels[0] or "") != "stt":
        return None
    k = end + 1
    while (k < len(lines) and k <= end + 2 and lines[k].kind == "text"
           and not _CELL_STT.fullmatch(lines[k].text.strip()) and _role_of(_clean(lines[k].text))):
        labels.append(_clean(lines[k].text))  # a header cell left out of the pipe row
        k += 1
    n = len(labels)
    raw_rows: list[tuple[list[str], Provenance, int]] = []
    while k < len(lines):
        line = lines[k]
        text = line.text.strip()
        if (line.kind != "text" or line.grid is not None or not text or _is_pipe_line(text)
                or appendix_heading(text)):
            break
        if _CELL_STT.fullmatch(text):
            raw_rows.append(([text.rstrip(")")], line.prov, k))  # "a)" is the STT "a"
        elif not raw_rows:
            return None
        else:
            raw_rows[-1][0].append(_clean(text))
        k += 1
    full = sum(1 for cells, _, _ in raw_rows if len(cells) == n)
    if full < 2:
        return None
    rows: list[tuple[list[str | None], Provenance]] = [(labels, lines[heads[0]].prov)]
    for cells, prov, _ in raw_rows:
        row: list[str | None] = list(cells[:n])
        for m, extra in enumerate(cells[n:]):
            at = 1 + m % (n - 1)
            row[at] = f"{row[at]} {extra}"
        row.extend([None] * (n - len(row)))
        rows.append((row, prov))
    last = raw_rows[-1][2]
    while last + 1 < k:
        last += 1
    return TableBlock(rows, start, last, from_pipes=True, header_rows=1, positioned=True,
                      lines=list(range(start, last + 1)))


def _first_cell_start(lines: Sequence[SourceLine], start: int) -> int:
    """Where a pipe table starts when its first cell has no pipe before it.

    Some crawls print a table one cell after another, each cell (hard-wrapped over lines)
    followed by a lone "|" and nothing before the first: "TT / | / Nội dung / | / Cơ quan chủ
    trì / | / … / 1 / | / …" (thuvienphapluat's pages print every header table so). The lines
    right above the first lone "|" are that first cell when they read as the STT label the
    cell-after-cell reading needs (:func:`_cell_after_cell_rows`); any other line above is the
    text before the table. Without that test a text with no blank lines (a PDF's text layer,
    robustness_eval no-blank-lines) pulled the appendix title into the first cell and lost the
    development plans' tables: targets 0.985 -> 0.575.
    """
    if lines[start].text.strip() != "|" or lines[start].gap_before:
        return start
    for first in range(start - 1, max(start - 3, -1), -1):
        line = lines[first]
        if (line.kind != "text" or line.grid is not None or not line.text.strip()
                or _is_pipe_line(line.text)):
            break
        if _role_of(" ".join(x.text.strip() for x in lines[first:start])) == "stt":
            return first
        if line.gap_before:
            break
    return start


_DECORATION = re.compile(r"[\s*_]+")  # "* *": emphasis marks around nothing, a crawl's spacer
# A markdown heading ("## Văn bản liên quan") is never inside a cell: a law portal's page saved
# as markdown, its preview cut inside the appendix's last row (s13 held-out kh980/KH-UBND 2025),
# goes on with the portal's lists and address table, which were read as that row's cells and
# lost the table (no duty of its 20 rows). Only inside a cell left open: right under a closing
# pipe, the portal's news summary of a telegram (s13 dev cd229) stays swallowed by its header
# table, as before, instead of giving duties of no section.
# A cell of dots alone ("…........") is where a law portal's preview hides rows (s13 held-out
# kh980/KH-UBND 2025): it stands between two rows, so its pipes count as the boundary; as a cell
# it joined the rows on both sides into one of 13 columns and lost the table.
_ELISION = re.compile(r"[….]{3,}")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+\S")


def _pipe_region_end(lines: Sequence[SourceLine], start: int) -> int:
    """Index of the last line of the pipe table starting at ``start``.

    The table goes on while pipe lines keep coming; it ends at a pipe line followed by a blank
    line and text (a cell never holds a blank line in the crawled plans), by a document's type
    line ("CÔNG ĐIỆN", "THÔNG BÁO": the title opens the text under a header table, no cell
    holds one), by an appendix heading ("PHỤ LỤC"), or by no pipe line within the next 60 lines;
    lines of markdown decoration alone ("* *") between the last pipe line and such a line do not
    count. A ministry's plan saved as markdown (s14 dev kh09, qd2200) prints its signature as a
    one-row pipe table, then straight on "PHỤ LỤC" or the attached plan's type line after "* *":
    without those stops the appendix title, or the whole attached plan, was read as one cell of
    the signature table and lost its sections. Without the type line, a short
    body printed without blank lines between the header table and the signature table
    (thuvienphapluat pages saved as markdown: a telegram of 50 lines) was read as one cell.
    """
    from chinhsach.structure.metadata import doc_type_of  # metadata reads no tables

    last = start
    adjacent = start  # the last line that is a pipe line or only markdown decoration ("* *")
    j = start + 1
    while j < len(lines):
        line = lines[j]
        if line.kind != "text" or line.grid is not None:
            break
        if _is_pipe_line(line.text):
            last = adjacent = j
        elif j - last > 60 or (j > adjacent + 1 and _MARKDOWN_HEADING.match(line.text)):
            break
        elif j == adjacent + 1 and (line.gap_before or doc_type_of(line.text)
                                    or appendix_heading(line.text) or _new_markdown_table(lines, j)):
            break
        elif j == adjacent + 1 and _DECORATION.fullmatch(line.text):
            adjacent = j
        j += 1
    return last


def _new_markdown_table(lines: Sequence[SourceLine], j: int) -> bool:
    """Whether the first pipe line after the text line ``j`` (within 60 lines) is a markdown
    header row, its rule line ("| --- |") right under it: a new table, not a cell of the one
    above going on. A decision saved as markdown (Trangsct/skill-sct, QD 1775/QĐ-TTg 2012)
    prints its signature as a one-row pipe table, then "DANH MỤC", the list's title and its own
    table: read as one region, the title became a cell of the signature row and the list's 23
    rows gave no duty."""
    for k in range(j + 1, min(j + 61, len(lines) - 1)):
        if lines[k].kind != "text" or lines[k].grid is not None:
            return False
        if _is_pipe_line(lines[k].text):
            return not _is_rule_line(lines[k].text) and _is_rule_line(lines[k + 1].text)
    return False


def _pipe_tokens(lines: Sequence[SourceLine], start: int, end: int
                 ) -> list[tuple[str, int, Provenance]]:
    """(cell text, pipes before it, provenance of its first line) from a pipe region."""
    out: list[tuple[str, int, Provenance]] = []
    pipes = 0
    text: list[str] = []
    prov: Provenance | None = None

    def flush() -> None:
        nonlocal text, prov, pipes
        if text and prov is not None:
            joined = _clean(" ".join(text))
            if joined and not _ELISION.fullmatch(joined):
                out.append((joined, pipes, prov))
                pipes = 0
        text, prov = [], None

    for k in range(start, end + 1):
        line = lines[k]
        if _is_rule_line(line.text):
            continue
        pieces = _row_text(line.text).split("|")
        for n, piece in enumerate(pieces):
            if n > 0:
                flush()
                pipes += 1
            if piece.strip():
                if prov is None:
                    prov = line.prov
                text.append(piece.strip())
    flush()
    return out


def _is_stt(text: str) -> bool:
    t = text.rstrip(".")
    return bool(_NUMBER.match(t) or _ROMAN.match(t) or _LETTER.match(t) or _DASH.match(t))


def _pipe_block(lines: Sequence[SourceLine], start: int, end: int) -> TableBlock | None:
    by_line = _line_rows(lines, start, end)
    if by_line is not None:
        return TableBlock(by_line, start, end, from_pipes=True, positioned=True,
                          header_rows=_rows_over_rule(lines, start, end, by_line),
                          lines=list(range(start, end + 1)))
    tokens = _pipe_tokens(lines, start, end)
    if len(tokens) < 2:
        return None
    rows = (_cell_after_cell_rows(tokens) if tokens[0][1] == 0 else None) or _pipe_rows(tokens)
    if rows is None:
        return None
    grid, header_rows = rows
    return TableBlock(grid, start, end, from_pipes=True, header_rows=header_rows,
                      lines=list(range(start, end + 1)))


def _rows_over_rule(lines: Sequence[SourceLine], start: int, end: int,
                    rows: list[tuple[list[str | None], Provenance]]) -> int | None:
    """How many header rows a markdown table written one row per line has, when its rule line
    (``|---|---|``) says: the rows above it, and under it only the sub-labels of spanning cells
    (a row opening with the empty slots merged down, "| | | Chủ trì | Phối hợp |"). None without
    a rule line (the count is guessed from the STT column, :func:`_header_count`).

    A table with no STT column (a school's day schedule "Thời gian | Hình thức | Nội dung | Đơn
    vị/ cá nhân phụ trách", its session rows "**Buổi sáng …** ||||") had its first data rows
    read as header rows up to the fourth: s17 dev kh-thpt lost two rows of each of its four
    tables. Markdown prints one header row over the rule, so the rule bounds the header.
    """
    rule = next((k for k in range(start, end + 1) if _is_rule_line(lines[k].text.strip())), None)
    if rule is None:
        return None
    above = sum(1 for k in range(start, rule) if lines[k].text.strip())
    if not above:
        return None
    guess = _header_count(rows)
    count = above
    first_label = fold(rows[0][0][0] or "").strip()
    while count < min(guess, len(rows)) and (
            not rows[count][0][0] or fold(rows[count][0][0]).strip() == first_label):
        # A sub-label row opens with the slots merged down left empty; a converter that expands
        # spanning cells repeats the first row's labels in it ("| STT | Nội dung | Chủ trì | …").
        count += 1
    return count


def _line_rows(lines: Sequence[SourceLine], start: int, end: int
               ) -> list[tuple[list[str | None], Provenance]] | None:
    """The rows of a pipe table written one whole row per line, cells where they stand.

    A markdown table ("| STT | Nội dung | Cơ quan thực hiện | | Thời gian |" over "| | |
    Chủ trì | Phối hợp | |") keeps every cell, empty ones too, between the pipes of its line:
    the line is the row and the pipe count the column. Read as a stream of cells
    (:func:`_pipe_rows`), an empty header cell (a merge the converter left empty) looked like
    a row's end and the header lost its columns: the two-row headers of real duty and target
    tables gave no table at all in markdown while their DOCX and PDF were read (see
    tests/test_table_headers_survey.py). None when a line of the region is not such a row (a
    cell printed over several lines, lone "|" lines): the stream reading then applies.
    """
    found = [(lines[k].text.strip(), lines[k].prov) for k in range(start, end + 1)]
    found = [(text, prov) for text, prov in found if text and not _is_rule_line(text)]
    # Some portals end each cell with a pipe and open none ("STT | Nội dung | … |", one row per
    # line): there a line that opens with "|" opens with an empty cell. A table written without
    # outer pipes ends a row whose last cells are empty with "|" too ("01/2026 | Phê duyệt | Bộ X
    # |  | "): most of its rows end with a cell, so it is read as one without outer pipes.
    unopened = [t for t, _p in found if not t.startswith("|")]
    # Such a table ends its header row with "|" as well: where the header ends with a label, the
    # rows ending with "|" end with an empty cell, a last column left blank ("… | Ghi chú" over
    # "1 | … | Thường xuyên | ", the task appendix of the spent s14 held-out kh-ubnd Chỉ thị 11).
    trailing = 2 * sum(t.endswith("|") for t in unopened) > len(unopened) and (
        not unopened or unopened[0].endswith("|"))
    # Rows without outer pipes: a row opening with "|" opens with an empty cell, one ending with
    # "|" ends with one (a markdown table, most of whose rows print both pipes, is not one).
    framed = sum(t.startswith("|") and t.endswith("|") for t, _p in found)
    inner = not trailing and any(_is_inner_pipe_row(t) for t, _p in found) and len(unopened) > framed
    rows: list[tuple[list[str | None], Provenance]] = []
    for text, prov in found:
        if len(text) < 2:
            return None  # a lone "|": cells printed one after another
        if trailing and text.endswith("|"):
            parts = text[:-1].split("|")
        elif text.startswith("|") and text.endswith("|") and not inner:
            parts = text[1:-1].split("|")
        elif _is_inner_pipe_row(text) or (inner and " | " in f"{text} "):
            # Without outer pipes, a row whose first cell is empty opens with "|" (a time cell
            # merged down, the empty slots of a second header row); a group row prints its
            # marker and title only ("II | GIAI ĐOẠN 2: …").
            parts = text.split("|")
        else:
            return None
        cells: list[str | None] = [_clean(c) for c in parts]
        rows.append((cells, prov))
    if len(rows) < 2 or max(len(cells) for cells, _ in rows) < 2:
        return None
    n = max(len(cells) for cells, _ in rows)
    if len(rows[0][0]) < n and len(rows[1][0]) == n and not rows[1][0][0]:
        # A first header row whose last label spans the sub-labels of the second ("Thời gian |
        # Nội dung | Thực hiện" over " |  | Chủ trì | Phối hợp"): the second row opens with the
        # empty slots under the labels merged down, so the spanning label is the last one.
        rows[0][0].extend([None] * (n - len(rows[0][0])))
    for cells, _prov in rows:
        # A short row is a group row ("| I | Nhóm nhiệm vụ về thể chế |", a marker and a
        # title); a short header row dropped its spanning cells' empty slots ("| Chủ trì | Phối
        # hợp |" under "| STT | … | Cơ quan thực hiện | … |"), and a short data row the cells
        # merged down from the row above: where its cells stand only the stream reading guesses.
        if len(cells) < n and not (len(cells) <= 2 and cells[0]
                                   and (_is_stt(cells[0]) or _MARKER_IN_TEXT.match(cells[0]))):
            return None
    for cells, _prov in rows:
        cells.extend([None] * (n - len(cells)))  # a short row: its last cell spans the rest
    return rows


def _pipe_rows(tokens: list[tuple[str, int, Provenance]]
               ) -> tuple[list[tuple[list[str | None], Provenance]], int] | None:
    """Rebuild the rows of a flattened table.

    Between two cell texts, one pipe separates cells of a row; a row boundary is two (the end
    of one row, the start of the next); every empty cell adds one. Which it is follows from the
    column count (the longest run of cells without an empty one) and from the next text: an STT
    ("1.2", "II", "B", "-") after an empty gap starts a row. Before the first STT row, every
    double pipe ends a header row.
    """
    runs: list[int] = []
    count = 0
    for _text, k, _prov in tokens:
        if k >= 2 and count:
            runs.append(count)
            count = 0
        count += 1
    runs.append(count)
    n = max(runs)
    if n < 2:
        return None
    rows: list[tuple[list[str | None], Provenance]] = []
    cur: list[str | None] = []
    cur_prov: Provenance | None = None
    in_header = True
    header_rows = 0

    def close(trailing: int) -> None:
        nonlocal cur, cur_prov, in_header, header_rows
        if cur_prov is not None:
            cur.extend([""] * min(trailing, max(0, n - len(cur))))
            cur.extend([None] * max(0, n - len(cur)))
            rows.append((cur, cur_prov))
            if in_header:
                header_rows += 1
        cur, cur_prov = [], None

    role_cols: dict[str, int] = {}  # column of each role, from the first header row
    for idx, (text, k, prov) in enumerate(tokens):
        if idx == 0:
            cur, cur_prov = [""] * max(0, k - 1), prov
            cur.append(text)
            continue
        c = len(cur)
        starts_row = _is_stt(text) or bool(_MARKER_IN_TEXT.match(text))
        # A header repeated inside the table (a page's header, a sub-header under a group row)
        # may lack the cells a vertical merge covers: place it by its labels.
        label = None
        if k >= 2 and not in_header and not starts_row and len(text.split()) <= 8:
            label = _role_of(text)
        boundary = k >= 2 and (in_header or c + k > n or starts_row or label in role_cols)
        if k >= 2 and not boundary:
            # The cells that follow with single pipes belong to the same row as this text: if
            # they cannot fit in the row, the gap was its end ("… | Quý IV/2026 |" then "|
            # second task | its lead | its partner |" under a TT cell merged down: fresh qd2820).
            run = 1
            while idx + run < len(tokens) and tokens[idx + run][1] == 1:
                run += 1
            boundary = c + (k - 1) + run > n
        if not boundary:
            cur.extend([""] * (k - 1))
            cur.append(text)
            continue
        close(k - 2)
        leading = max(0, k - 2 - (n - c))
        if label in role_cols:
            leading = role_cols[label]
        elif "stt" in role_cols:
            # An STT stands in the STT column; other text never does.
            leading = role_cols["stt"] if _is_stt(text) else max(leading, role_cols["stt"] + 1)
        if in_header and (starts_row or _numbering_like(text)):
            in_header = False
            first_row = rows[0][0] if rows else []
            for j, cell in enumerate(first_row):
                role = _role_of(cell or "")
                if role is not None and role not in role_cols:
                    role_cols[role] = j
        cur, cur_prov = [""] * leading, prov
        cur.append(text)
    close(0)
    return rows, header_rows


def _cell_after_cell_rows(tokens: list[tuple[str, int, Provenance]]
                          ) -> tuple[list[tuple[list[str | None], Provenance]], int] | None:
    """The rows of a table printed cell after cell, one "|" after each (see
    :func:`_first_cell_start`): a row ends with a single pipe like a cell does, so the column
    count comes from the header, the labels before the first STT ("TT | Nội dung | … | 1");
    each further pipe between two cells is an empty cell. A header with more labels than the
    rows have cells is two header rows (:func:`_two_header_rows`). None when the cells do not
    fall into rows that each open with an STT (or an empty STT cell)."""
    cells: list[tuple[str, Provenance | None]] = []
    for text, k, prov in tokens:
        cells.extend([("", None)] * max(0, k - 1))
        cells.append((text, prov))
    start = next((j for j, (text, _p) in enumerate(cells) if j >= 2 and _is_stt(text)), None)
    if start is None:
        return None
    # The column numbering row under the header ("(1) | (2) | … | (5)") is printed between the
    # labels and the first STT: a row of its own, no labels.
    h = start
    while h > 2 and _COLUMN_NUMBER.match(cells[h - 1][0]):
        h -= 1
    numbering = cells[h:start]
    if any(not t or _role_of(t) is None for t, _p in cells[:h]) or _role_of(cells[0][0]) != "stt":
        return None
    # The widest cut whose rows all fill; else the header's width with a short last row, as
    # a crawl that drops a row's trailing empty cells leaves it.
    body = len(cells) - start
    widths = [n for n in range(h, 1, -1) if body % n == 0 and len(numbering) in (0, n)]
    for n in [*widths, *([h] if h not in widths else [])]:
        data = _cell_rows(cells[start:], n)
        if data is None:
            continue
        header = [([t for t, _p in cells[:h]] + [None] * n)[:n]] if n == h else \
            _two_header_rows([t for t, _p in cells[:h]], n)
        if header is None:
            continue
        # Each header row keeps the line of its first label (rows are looked up by it).
        first = next(p for _t, p in cells if p is not None)
        provs = [first, cells[h - sum(c is not None for c in header[-1])][1] or first]
        rows = [(cells_, prov) for cells_, prov in zip(header, provs, strict=False)]
        if numbering:
            rows.append(([t for t, _p in numbering], numbering[0][1] or first))
        return (rows + data, len(header)) if data else None
    return None


def _cell_rows(cells: list[tuple[str, Provenance | None]], n: int
               ) -> list[tuple[list[str | None], Provenance]] | None:
    """The body of a cell-after-cell table cut into rows of ``n`` cells, or None when a row
    would not open with an STT, a group marker or an empty STT cell."""
    rows: list[tuple[list[str | None], Provenance]] = []
    for r in range(0, len(cells), n):
        chunk = cells[r : r + n]
        first = chunk[0][0]
        if first and not (_is_stt(first) or _MARKER_IN_TEXT.match(first)):
            return None
        prov = next((p for _t, p in chunk if p is not None), None)
        if prov is None:
            continue
        grid: list[str | None] = [t for t, _p in chunk]
        grid.extend([None] * (n - len(grid)))
        rows.append((grid, prov))
    return rows


def _two_header_rows(labels: list[str], n: int) -> list[list[str | None]] | None:
    """The two header rows of a cell-after-cell table with ``len(labels)`` header cells over
    ``n`` columns, or None.

    A header merged over sub-columns ("Cơ quan thực hiện" over "Chủ trì | Phối hợp"; "Kế hoạch
    giai đoạn" over "Năm 2026 | … | Năm 2028") prints its first row's cells, each once, then the
    second row's: the labels exceed the columns by the number of spanning cells. The second row
    is the trailing run of sub-labels of one kind (the units' roles, or years); they are placed
    under their spanning cells by :func:`_align_pipe_header`. Plan and result under a year
    ("Năm 2025" over "Kế hoạch | Ước thực hiện") are not placed: the year cell need not be the
    last of the first row.
    """

    def kind(label: str) -> str | None:
        role = _role_of(label) or ""
        return "units" if role in ("lead", "cooperate") else "years" if role.startswith("value:") else None

    spanning = len(labels) - n
    last = kind(labels[-1])
    sub = 0
    for label in reversed(labels):
        if last is None or kind(label) != last:
            break
        sub += 1
    if spanning <= 0 or sub < 2 * spanning or sub % spanning or sub >= len(labels):
        return None
    first = labels[: len(labels) - sub]
    second = labels[len(labels) - sub :]
    return [[*first, *[None] * (n - len(first))], [*second, *[None] * (n - len(second))]]


def _numbering_like(text: str) -> bool:
    return bool(_NUMBERING_CELL.match(text))


def _join_continued(blocks: list[TableBlock]) -> list[TableBlock]:
    """A PDF table broken by a page is two blocks: join the second to the first when it has the
    same number of columns and no header of its own."""
    out: list[TableBlock] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (prev is not None and not block.from_pipes and not prev.from_pipes
                and block.rows and prev.rows and block.rows[0][1].page is not None
                and prev.rows[-1][1].page is not None
                and block.rows[0][1].page == (prev.rows[-1][1].page or 0) + 1
                and len(block.rows[0][0]) == len(prev.rows[0][0])
                and block.first == prev.last + 1):
            prev.rows.extend(block.rows)
            prev.last = block.last
            prev.lines.extend(block.lines)
            prev.notes.extend(block.notes)
            continue
        out.append(block)
    return out


# ---------------------------------------------------------------------------------------------
# Header, roles, rows
# ---------------------------------------------------------------------------------------------


def _role_of(label: str) -> str | None:
    """The role of a column from its header label (see :data:`_ROLE_PATTERNS`)."""
    parts = [fold(p).strip(" .:*") for p in label.split(" / ") if p.strip()]
    if not parts:
        return None
    whole = " ".join(parts)
    if whole.replace(" ", "") in ("stt", "tt", "sott"):
        return "stt"  # "ST T": a narrow column wraps its label inside the word
    for role, pattern in _ROLE_PATTERNS[:6]:  # stt, measure, cooperate, time, ratio, baseline
        if pattern.search(whole) and not (role == "stt" and len(parts) > 1):
            return role
    for part in reversed(parts):  # the most specific label that names a year wins
        if _VALUE_LABEL.match(part):
            years = _YEAR_IN_LABEL.search(part)
            if years:
                return f"value:{years.group(2) or years.group(1)}"
    for part in reversed(parts):
        # A label that names the measure before its year ("Mục tiêu tăng trưởng GRDP 2025 (%)",
        # NQ 25/NQ-CP 2025 Phụ lục II; "Tỷ lệ bao phủ năm 2026 (%)"), money excepted.
        if (years := _MEASURE_YEAR_LABEL.search(part)) and not _NOT_MEASURE_LABEL.search(part):
            return f"value:{years.group(1)}"
    if _PLACE_LABEL.match(label.strip()):
        return "at_place"
    for role, pattern in _ROLE_PATTERNS[6:]:
        if pattern.search(whole):
            return role
    return None


def _header_roles(labels: Sequence[str]) -> list[str | None]:
    """The roles of a header's columns (:func:`_role_of`), read together where one label's
    meaning depends on another's: a unit-headed duty table ("STT | Đơn vị | Nhiệm vụ chủ trì |
    Đơn vị phối hợp | Thời gian hoàn thành": each body and the tasks it leads; s15 dev
    nq175/NQ-CP 2023 Phụ lục I, 37 rows) has no task label, its "Đơn vị" is the body, not a
    unit of measure, and "Nhiệm vụ chủ trì" the tasks, not a lead column."""
    roles = [_role_of(label) for label in labels]
    if "task" not in roles and "measure" in roles and "lead" in roles and "indicator" not in roles:
        j = roles.index("lead")
        if fold(labels[j]).strip(" .:*").startswith("nhiem vu"):
            roles[roles.index("measure")], roles[j] = "lead", "task"
    return roles


def _header_count(rows: list[tuple[list[str | None], Provenance]]) -> int:
    """How many leading rows are header rows: up to the first row that opens with an STT or a
    numbering row; none when the first row names no column role."""
    count = 0
    for cells, _prov in rows[:4]:
        texts = [c for c in cells if c]
        if not texts:
            count += 1
            continue
        first = texts[0]
        if count and (_is_stt(first) or _MARKER_IN_TEXT.match(first)):
            break
        count += 1
    return count


def _align_pipe_header(header: list[list[str | None]], n: int) -> list[list[str | None]]:
    """Put a flattened second header row under the spanning cells of the first.

    A pipe table loses where the sub-columns sit: with ``a`` labels in the first row, ``b`` in
    the second and ``n`` columns, the last ``a + b - n`` labels of the first row span the second
    row's labels evenly (a "GIAI ĐOẠN 2026 - 2030" over five years; "Kế hoạch 2026" over "Lượng",
    "Giá trị"): spanning group headers stand at the right in the plans read.
    """
    if len(header) < 2:
        return header
    first = [c for c in header[0] if c]
    second = [c for c in header[1] if c]
    a, b = len(first), len(second)
    s = a + b - n
    if a >= n or s <= 0 or s > a or b % s:
        return header
    span = b // s
    start = a - s
    if s == 1:
        # Sub-columns of the units ("Chủ trì", "Phối hợp") stand under the column that names who
        # carries the work ("Cơ quan thực hiện"), wherever it is: a time column merged down
        # often follows it ("… | Cơ quan thực hiện | Thời gian hoàn thành").
        sub_roles = {_role_of(c) for c in second}
        if sub_roles <= {"lead", "cooperate"}:
            owner = next((j for j, c in enumerate(first) if _role_of(c) == "lead"), None)
            if owner is not None:
                start = owner
    top: list[str | None] = []
    for j, label in enumerate(first):
        top.append(label)
        if start <= j < start + s:
            top.extend([None] * (span - 1))
    below: list[str | None] = [None] * start + list(second) + [None] * (a - s - start)
    return [top, below, *header[2:]]


def _spanning_empty_cells(header: list[list[str | None]]) -> list[list[str | None]]:
    """Empty header cells that continue the label on their left, as merged slots (``None``).

    A markdown converter writes a cell merged across columns once and leaves the slots it
    covers empty ("| Năm 2025 | | Kế hoạch năm 2026 |" over "| Kế hoạch | Ước thực hiện | |";
    "Cơ quan thực hiện" over "Chủ trì | Phối hợp"), where a DOCX or PDF grid has ``None``. An
    empty cell is such a slot when the row below labels both it and the cell it continues;
    an empty cell over an empty one is a vertical merge or an unlabelled column.
    """
    out = [list(cells) for cells in header]
    for r in range(len(out) - 1):
        cells, below = out[r], header[r + 1]
        for j in range(1, len(cells)):
            if cells[j] != "" or j >= len(below) or not below[j]:
                continue
            left = j - 1
            while left > 0 and cells[left] is None:
                left -= 1
            if cells[left] and left < len(below) and below[left]:
                cells[j] = None
    return out


def _labels(header: list[list[str | None]], n: int) -> list[str]:
    """One label per column from the header rows ("GIAI ĐOẠN 2026 - 2030 / Năm 2026").

    A ``None`` slot under a spanning cell takes the spanning cell's text when the row below has
    labels there (sub-columns); otherwise it is a vertical merge and adds nothing.
    """
    labels: list[list[str]] = [[] for _ in range(n)]
    for r, cells in enumerate(header):
        below = header[r + 1] if r + 1 < len(header) else None
        last: str | None = None
        for j in range(n):
            c = cells[j] if j < len(cells) else None
            if c is None:
                if below is not None and last and j < len(below) and below[j]:
                    c = last
                else:
                    continue
            else:
                last = c
            if c and c not in labels[j]:
                labels[j].append(c)
    return [" / ".join(parts) for parts in labels]


def _stt_kind(stt: str, letters_seen: list[str]) -> str:
    if not stt:
        return "none"
    if _DASH.match(stt):
        return "dash"
    if _ROW_NUMBER.match(stt):
        return "number"
    if _ROMAN.match(stt) and not (stt in "CDLVX" and letters_seen
                                 and ord(stt) == ord(letters_seen[-1]) + 1):
        return "roman"
    if _LETTER.match(stt):
        return "letter"
    if _SUBLETTER.match(stt):
        return "subletter"
    return "none"


# A lower-case letter row ("a", "b" printed "a)") under a numbered group row: the outline's
# lettered point, cited "1.a" as in the text (s14 dev qd2200's appendix; GUIDELINES-real.md
# section ids).
_SUBLETTER = re.compile(r"^[a-zđ]$")


_RANK = {"letter": 0, "roman": 1, "number": 2}


def read_table(block: TableBlock, section: str | None = None, title: str | None = None
               ) -> Table | None:
    """The :class:`Table` of a block, or None when it has no header that names column roles.

    ``section`` is the appendix (or outline section) the table sits in; rows get
    ``section.row_id`` as their citable section.
    """
    rows = block.rows
    if not rows:
        return None
    n = max(len(cells) for cells, _ in rows)
    n_header = block.header_rows if block.header_rows is not None else _header_count(rows)
    n_header = max(1, min(n_header, len(rows) - 1)) if len(rows) > 1 else 1
    header = [list(cells) + [None] * (n - len(cells)) for cells, _ in rows[:n_header]]
    if block.positioned:
        header = _spanning_empty_cells(header)
    elif block.from_pipes:
        header = _align_pipe_header(header, n)
    columns = _labels(header, n)
    roles = _header_roles(columns)
    if "stt" not in roles and roles and roles[0] is None:
        firsts = [cells[0] for cells, _ in rows[n_header:] if cells and cells[0]]
        if firsts and sum(_is_stt(c.rstrip(".")) for c in firsts) >= 0.8 * len(firsts):
            roles[0] = "stt"  # an unlabelled first column of numbers is the STT
    if "indicator" in roles and "task" not in roles and "goal" not in roles and "product" in roles:
        # "Kết quả" beside "Chỉ tiêu" is the value to reach when its cells are figures ("≥ 80",
        # "100", "40 - 50"; NQ 03/NQ-CP 2025, Phụ lục I), not a product of work.
        j = roles.index("product")
        cells = [c for cs, _ in rows[n_header:] if j < len(cs) and (c := cs[j])]
        if cells and sum(bool(_FIGURE.match(c)) for c in cells) * 2 >= len(cells):
            roles[j] = "goal"
    if any(r and (r.startswith("value:") or r == "goal") for r in roles):
        # "Năm 2025 / Kế hoạch | Thực hiện" with the year over the plan's column only (a header
        # cell not merged over both): beside value columns a bare "Thực hiện" is the result.
        for j, label in enumerate(columns):
            if roles[j] == "lead" and fold(label.split(" / ")[-1]).strip(" .:*") in _RESULT_LABELS:
                roles[j] = "baseline"
    if "task" not in roles and "indicator" not in roles:
        _place_column(columns, roles, rows[n_header:])
    kind = _table_kind(roles)
    if kind is None:
        return None
    if "task" not in roles and "indicator" not in roles and "item" not in roles:
        # A target table names its items in the first text column after the STT ("Sản phẩm");
        # one with no label names what is measured, the value columns' labels the measure
        # (NQ 25/NQ-CP 2025, Phụ lục II: "TT | | Mục tiêu tăng trưởng GRDP 2025 (%)").
        for j, role in enumerate(roles):
            if role in (None, "product") and j < (roles.index("stt") + 2 if "stt" in roles else 2):
                roles[j] = "item" if not columns[j].strip() else "indicator"
                break
    table = Table(columns=columns, roles=roles, rows=[], prov=rows[0][1], kind=kind,
                  section=section, title=title)
    for cells, prov in rows[:n_header]:
        table.rows.append(TableRow(cells=list(cells), prov=prov, kind="header"))
    header_keys = {tuple(c for c in cells if c) for cells, _ in rows[:n_header]}
    for cells, prov in _join_wrapped_rows(rows[n_header:], roles, n):
        grid = list(cells) + [None] * (n - len(cells))
        table.rows.append(TableRow(cells=grid, prov=prov,
                                   kind=_row_kind(table, grid, header_keys)))
    _carry_down(table)
    _number_rows(table)
    return table


# A cell that ends mid-phrase: a joining word, a slash or a dash ("Quý I/", "Sở Nông nghiệp và").
_OPEN_END = re.compile(r"(?:[/\-–,]|\b(?:và|của|với|các|cho|trong|theo|về|tại|Sở|Ủy ban|Ban))$")


def _continues_list(above: str, cell: str) -> bool:
    """Whether ``cell`` opens with the list number that follows the last one in ``above``:
    "(5) Ứng dụng …" under a cell ending "… (4) Xây dựng …;"."""
    m = re.match(r"\((\d{1,2})\)\s", cell)
    numbers = re.findall(r"\((\d{1,2})\)\s", above)
    return bool(m and numbers and int(numbers[-1]) + 1 == int(m.group(1)))


def _join_wrapped_rows(rows: list[tuple[list[str | None], Provenance]], roles: list[str | None],
                       n: int) -> list[tuple[list[str | None], Provenance]]:
    """Rows whose cells are a wrapped continuation of the row above, joined to it.

    A markdown table cannot wrap a cell, so a crawl that keeps the printed lines writes the rest
    of a long row as a row of its own with no STT ("| | bão, lũ theo … | Môi trường | | 2026 |").
    Such a row continues the one above when one of its cells goes on a cell above that ends
    mid-phrase ("Quý I/", "Sở Nông nghiệp và") or starts in lower case; a row with its own STT
    or none of these signs (a group row, an item without STT) stays a row.
    """
    stt = roles.index("stt") if "stt" in roles else None
    out: list[tuple[list[str | None], Provenance]] = []
    for cells, prov in rows:
        grid = list(cells) + [None] * (n - len(cells))
        prev = out[-1][0] if out else None
        own_stt = stt is not None and bool(grid[stt])
        if prev is not None and not own_stt and (stt is None or prev[stt]):
            pairs = [(j, c, prev[j]) for j, c in enumerate(grid) if c and j != stt]
            joins = [p for j, c, p in pairs if p and (_OPEN_END.search(p) or c[:1].islower()
                                                     or _continues_list(p, c))]
            if joins and any(_continues_list(p, c) for _j, c, p in pairs if p):
                # A numbered list run on past a page break ("… (4) …;" / "(5) …"): the page's
                # first row goes on the task above, and a cell that only repeats the end of a
                # cell above (the crawl printed the lead cell's last line again, one column to
                # the right: NQ 03/NQ-CP 2025 Phụ lục II after row 108) is dropped.
                grid = [None if c and not p and any(q and fold(q).endswith(fold(c)) for q in prev) else c
                        for c, p in zip(grid, prev, strict=True)]
                pairs = [(j, c, prev[j]) for j, c in enumerate(grid) if c and j != stt]
            if pairs and joins and all(p for _j, _c, p in pairs):
                merged = [(p + c if p.endswith("/") else f"{p} {c}") if c and p else (p or c)
                          for c, p in zip(grid, prev, strict=True)]
                out[-1] = (merged, out[-1][1])
                continue
        out.append((grid, prov))
    return out


def _place_column(columns: list[str], roles: list[str | None],
                  rows: list[tuple[list[str | None], Provenance]]) -> None:
    """Make the column that names a locality per row the table's ``item`` column.

    Targets given per district or commune ("STT | Đơn vị | … | Chỉ tiêu giao năm 2026 (%)",
    the poverty-reduction table per locality of a 2024 provincial decision; NQ 25/NQ-CP 2025's
    growth target per province): its header ("Đơn vị", "Địa phương", "Huyện, thành phố") was
    read as the unit of measure or the lead, and the table gave no target. A column whose
    cells mostly name places, or whose header names places, is that column.
    """
    for j, label in enumerate(columns):
        if roles[j] not in (None, "measure", "lead"):
            continue
        cells = [c for cs, _ in rows if j < len(cs) and (c := cs[j])]
        places = sum(bool(_PLACE_LABEL.match(c) or _TOTAL_CELL.match(c)) for c in cells)
        if (len(cells) >= 2 and places * 5 >= len(cells) * 3) or (
                cells and _PLACE_HEADER.match(fold(label).strip(" .:*"))):
            roles[j] = "item"
            return


def _table_kind(roles: list[str | None]) -> str | None:
    named = "task" in roles or "indicator" in roles
    values = any(r and (r.startswith("value:") or r in ("goal", "at_place")) for r in roles)
    if values and "item" in roles:
        return "target"  # a row per place: no duty, whatever body a column names
    if named and ("lead" in roles or "cooperate" in roles or ("task" in roles and "time" in roles)):
        return "duty"
    if values and (named or "stt" in roles or "measure" in roles):
        return "target"
    return None


_DUTY_CELLS = ("lead", "cooperate", "report_to", "time", "product", "budget")


def _row_kind(table: Table, cells: list[str | None], header_keys: set[tuple[str, ...]]) -> str:
    texts = [c for c in cells if c]
    if not texts:
        return "empty"
    if tuple(texts) in header_keys:
        return "header"  # a header repeated on a new page
    if len(texts) >= 3 and all(_NUMBERING_CELL.match(t) for t in texts):
        return "numbering"
    stt_col = table.column("stt")
    rest = [c for j, c in enumerate(cells) if c and j != stt_col]
    if len(rest) >= 3 and len(set(rest)) == 1:
        return "group"  # a merged group cell the crawl repeats in every column ("II | Hạ tầng | Hạ tầng | …")
    if len(texts) >= 2 and all(len(t.split()) <= 8 and _role_of(t) for t in texts):
        return "header"  # a sub-header ("Nội dung | Đơn vị thực hiện | …") under a group row
    name = next((c for c in (table.column("task"), table.column("indicator"), table.column("item"))
                 if c is not None), None)
    if table.kind == "duty":
        # A table may name a task at two levels ("Nhóm hoạt động | Hoạt động"): the group cell is
        # printed on a group's first row only, and each row below it with its own activity and
        # bodies is a data row all the same (the REDD+ programme appendix of a 2017 decision).
        has_name = bool(name is not None and name < len(cells) and cells[name]) or any(
            cells[j] for j, r in enumerate(table.roles) if r == "task" and j < len(cells))
        # A table with no STT column prints its phase and step rows' markers in its first column
        # ("I | GIAI ĐOẠN 1: …", "2 | Thẩm định …" over "10/2026 | task | …"): a marker there
        # is no time or body.
        marker = 0 if stt_col is None and cells and cells[0] and _is_stt(cells[0]) else None
        filled = any(cells[j] for j, r in enumerate(table.roles)
                     if r in _DUTY_CELLS and j < len(cells) and j != marker)
        # A "- Trong đó: …" sub-row of an indicator table that names who follows each indicator
        # gives a value and no body (the 2019 and 2021 national tables read in the survey).
        # A text to amend with its provisions is a task whatever the lead cell holds: the drafting
        # body is printed once, merged over the rows (s16 dev nq18/NQ-CP 2026 Phụ lục III, one
        # ministry over 11 rows); :func:`_carry_down` then gives it to each.
        valued = any(cells[j] for j, r in enumerate(table.roles)
                     if r and (r.startswith("value:") or r in ("goal", "provision")) and j < len(cells))
        return "data" if has_name and (filled or valued) else "group"
    values = any(cells[j] for j, r in enumerate(table.roles)
                 if r and (r.startswith("value:") or r in ("baseline", "goal", "at_place"))
                 and j < len(cells))
    return "data" if values else "group"


def _carry_down(table: Table) -> None:
    """A lead, partner or time cell merged down over several rows (``None`` in the rows below it
    in PDF grids) applies to each of them.

    A schedule whose first column is the time ("Thời gian | Nội dung công việc | Chủ trì | …")
    prints a period once for the tasks it spans: the converter leaves the merged slots empty
    (``""``), up to the next group row (a merge never crosses one)."""
    last: dict[int, str] = {}
    schedule = bool(table.roles) and table.roles[0] == "time"
    stt_col = table.column("stt")
    for row in table.rows:
        if row.kind == "group" and schedule:
            last.pop(0, None)
        if row.kind != "data":
            continue
        if stt_col is not None and _ROMAN.match(row.cell(stt_col).strip().rstrip(".")):
            # A Roman row's bodies are the group's own (the bodies that follow its numbered rows,
            # s15 dev nq109-cp-2026 Phụ lục II), no merged cell: they do not go down, nor
            # does a cell from before the group.
            last.clear()
            continue
        for j, role in enumerate(table.roles):
            if role not in ("lead", "cooperate", "time") or j >= len(row.cells):
                continue
            if (row.cells[j] is None or (j == 0 and schedule and not row.cells[j])) and j in last:
                row.cells[j] = last[j]
            elif row.cells[j]:
                last[j] = row.cells[j] or ""


def _row_stt(table: Table, row: TableRow) -> str:
    stt_col = table.column("stt")
    stt = row.cell(stt_col).strip().rstrip(".").strip() if stt_col is not None else ""
    if not stt and row.kind == "data":
        name = next((row.cell(c) for c in (table.column("task"), table.column("indicator"))
                     if c is not None), "")
        if re.match(r"[-–—+•]\s", name.strip()):
            stt = "-"  # "| | - Trong đó: … |": the dash stands in the name cell
    if not stt and row.kind == "group":
        text = next((c for c in row.cells if c), "")
        m = _MARKER_IN_TEXT.match(text)
        if m:
            stt = m.group("stt")
        elif stt_col is None and row.cells and row.cells[0] and _is_stt(row.cells[0]):
            stt = row.cells[0].strip().rstrip(".")  # the marker in the first column (_row_kind)
    return stt


def _number_rows(table: Table) -> None:
    """Row ids as GUIDELINES-real.md numbers them (module docstring)."""
    entries: list[tuple[TableRow, str, str, list[tuple[str, str]]]] = []
    stack: list[tuple[str, str]] = []  # open groups: (kind, stt)
    letters: list[str] = []
    for row in table.rows:
        if row.kind not in ("data", "group"):
            continue
        stt = _row_stt(table, row)
        kind = _stt_kind(stt, letters)
        if kind == "letter":
            letters.append(stt)
        if row.kind == "group" and kind in _RANK:
            while stack and _RANK[stack[-1][0]] >= _RANK[kind]:
                stack.pop()
            entries.append((row, stt, kind, list(stack)))
            stack.append((kind, stt))
            continue
        entries.append((row, stt, kind, list(stack)))
        if kind == "roman":
            # A Roman row that names its own bodies ("II | Theo tỉnh, thành phố | Các tỉnh,
            # thành phố | …", s15 dev nq109-cp-2026 Phụ lục II) is read as data, yet it heads
            # the group its numbered rows make all the same.
            while stack and _RANK[stack[-1][0]] >= _RANK[kind]:
                stack.pop()
            stack.append((kind, stt))

    def ids_with(level: str | None) -> list[str | None]:
        out: list[str | None] = []
        for row, stt, kind, ancestors in entries:
            if row.kind == "group" and kind != "number":
                out.append(None)  # group rows carry no item; only their members must be unique
                continue
            if kind in ("dash", "none"):
                out.append(None)
                continue
            if kind == "subletter":
                owner = next((s for k, s in reversed(ancestors) if k == "number"), None)
                out.append(f"{owner}.{stt}" if owner is not None else stt)
                continue
            prefix = ""
            if level is not None and kind != level:
                owner = next((s for k, s in reversed(ancestors) if k == level), None)
                if owner is not None and _RANK.get(kind, 9) > _RANK[level]:
                    prefix = f"{owner}."
            out.append(prefix + stt)
        return out

    chosen = ids_with(None)
    chosen_level: str | None = None
    levels = [lv for lv in ("letter", "roman") if any(k == lv for _r, _s, k, _a in entries)]
    if _has_duplicates(chosen):
        for level in levels:
            chosen, chosen_level = ids_with(level), level
            if not _has_duplicates(chosen):
                break
    last_id: str | None = None
    data_index = 0
    # A table that numbers only its group rows (phase "I", step "1") and none of its data rows
    # lists each step's tasks under it like bullets under an item: they take the step's id
    # (GUIDELINES-real.md, [decided, s15 fixN]).
    by_group = not any(stt for row, stt, _k, _a in entries if row.kind == "data")
    for (row, stt, kind, ancestors), own in zip(entries, chosen, strict=True):
        if row.kind == "data":
            data_index += 1
        if own is None and row.kind == "group" and kind in _RANK:
            own = stt if chosen_level in (None, kind) else next(
                (f"{s}.{stt}" for k, s in reversed(ancestors) if k == chosen_level), stt)
        if own is not None:
            row.row_id = own
        elif (kind == "dash" or (by_group and row.kind == "data")) and last_id is not None:
            row.row_id = last_id
        else:
            row.row_id = f"r{data_index}" if row.kind == "data" else None
        if own is not None:
            last_id = own
        if row.row_id is not None:
            row.section = f"{table.section}.{row.row_id}" if table.section else row.row_id


def _has_duplicates(ids: list[str | None]) -> bool:
    seen = [i for i in ids if i is not None]
    return len(seen) != len(set(seen))


def find_tables(lines: Sequence[SourceLine]) -> list[tuple[Table, TableBlock]]:
    """Every role table (duty or target) in the read lines, with its block; sections unset."""
    out: list[tuple[Table, TableBlock]] = []
    for block in table_blocks(lines):
        table = read_table(block)
        if table is not None:
            out.append((table, block))
    return out


def place_table(table: Table, section: str | None, appendix: bool = True) -> None:
    """Put a table in the section it sits in.

    In an appendix a row is cited by its id (``PL1.A.2.1``); a table inside the body's outline
    is cited like a bullet, by the section that holds it (its STT would collide with the
    section's own numbered items).
    """
    table.section = section
    for row in table.rows:
        if row.row_id is None:
            continue
        if appendix:
            row.section = f"{section}.{row.row_id}" if section else row.row_id
        else:
            row.section = section


def row_text(row: TableRow) -> str:
    """The row as one line of text: its non-empty cells joined by `` | ``."""
    return " | ".join(c for c in row.cells if c)


def lines_with_tables(lines: Sequence[SourceLine], found: list[tuple[Table, TableBlock]]
                      ) -> tuple[list[SourceLine], dict[Provenance, tuple[Table, TableRow]]]:
    """The read lines with each role table as one ``table_row`` line per row, and the row of
    each such line (by provenance).

    A pipe-flattened table occupies many text lines; it becomes one line per row, so that the
    paragraph joiner never glues cells together. Reader tables already are one line per row.
    """
    by_first = {block.first: (table, block) for table, block in found if block.from_pipes}
    rows: dict[Provenance, tuple[Table, TableRow]] = {}
    for table, _block in found:
        for row in table.rows:
            rows[row.prov] = (table, row)
    out: list[SourceLine] = []
    i = 0
    while i < len(lines):
        if i in by_first:
            table, block = by_first[i]
            for row in table.rows:
                text = row_text(row)
                if text:
                    out.append(SourceLine(text=text, prov=row.prov, gap_before=True,
                                          kind="table_row", grid=row.cells))
            out += [dataclasses.replace(lines[x], gap_before=True) for x in block.notes]
            i = block.last + 1
            continue
        out.append(lines[i])
        i += 1
    return out, rows
