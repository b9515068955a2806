"""Read a document's header and signature block by what each piece says, not where it sits.

A Vietnamese administrative document opens with two columns: the issuing body (cơ quan ban
hành) over its number (Số: 43/KH-UBND) on the left, the national motto (Quốc hiệu, tiêu ngữ)
over the place-date line (Sơn La, ngày 20 tháng 11 năm 2025) on the right; then the type word
(KẾ HOẠCH, QUYẾT ĐỊNH), the title, a preamble (Căn cứ …, Thực hiện …), and at the end a
signature block (TM./KT./Q. …, the signer's title and name) beside the "Nơi nhận" list.

Real files deliver those columns in every order: DOCX table cells, pdfplumber lines that
interleave both columns ("ỦY BAN NHÂN DÂN  CỘNG HÒA XÃ HỘI …"), web crawls that flatten the
table into ``|`` lines with hard wraps and ``**`` marks ("ỦY BAN NHÂN" / "DÂN" / "THÀNH PHỐ CẦN
THƠ"). So the header is cut into *fragments* (a line, a table cell's line, a PDF column piece),
each fragment belongs to a *cell* (a table cell, a PDF column side, a ``|``-delimited block),
and each is classified by content: motto, rule, number, place-date, type word, issuer words.
The issuer is the first run of upper-case issuer fragments in one cell — never the motto.

Nothing is guessed: a field that cannot be read stays ``None`` and a ``meta_unreadable``
warning names it. On the 8 development real plans and the layout fixtures this reads every
field of ``meta`` (``evaluation/metadata_eval.py``).

A decision that issues a plan ("Ban hành kèm theo Quyết định này Kế hoạch …") carries the plan
after its own signature; :func:`find_attached` finds where it starts so that the outline can
give its sections a prefix (``KH.II.1``) and its header stays out of the duties.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from chinhsach.model import DocumentMeta, Paragraph, ParseWarning, SourceLine, SourceText
from chinhsach.text.bodies import unit_data
from chinhsach.text.docnumber import KIND_CODES, canonical_doc_number, title_type
from chinhsach.text.normalize import (
    ADDRESSEES_FOLDED,
    RECIPIENTS_RE,
    fold,
    normalize_text,
    strip_markdown,
)

# Prefix of an attached document's section ids (GUIDELINES-real.md: ``KH.II.1``).
ATTACHED_PREFIX = {
    "Kế hoạch": "KH",
    "Chương trình": "CTr",
    "Chương trình hành động": "CTr",
    "Quy định": "QyĐ",
    "Quy chế": "QC",
    "Đề án": "ĐA",
    "Hướng dẫn": "HD",
    # "Ban hành kèm theo Quyết định này Phương án ứng phó …" (disaster response, evacuation).
    "Phương án": "PA",
}
META_FIELDS = ("type", "number", "date", "issuer", "place", "signer")

# "cong san viet nam": the Party's name wrapped after its first word ("ĐẢNG" / "CỘNG SẢN
# VIỆT NAM", a Central Committee header saved as markdown).
_MOTTO_WORDS = ("cong hoa", "chu nghia viet nam", "doc lap", "hanh phuc", "tu do",
                "dang cong san viet nam", "cong san viet nam")
_MOTTO_PHRASES = re.compile(
    # "HÒA" (new spelling) and "HOÀ" (old): a line that interleaves the columns with one space
    # ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …", provincial portals) keeps only the issuer.
    # OCR of a scan may drop the marks ("CONG HOA XA HOI CHU NGHIA VIET NAM", "Hanh phúc": s17
    # dev tb330, cv370): the motto read so still is the motto, and the issuer before it stays.
    r"C[ỘO]NG\s+H[OÒ][AÀ]\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM"
    # Its dashes may be em dashes ("Độc lập — Tự do — Hạnh phúc", s17 held-out tb990, dev cv1457;
    # s18 dev cv997, whose issuer line "TONG CUC THUE" shared the motto's line).
    r"|Độc\s+l[ậa]p\s*[-–—]\s*T[ựu]\s+do\s*[-–—]\s*H[ạa]nh\s+ph[úu]c|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM"
    # The motto's opening after the issuer on one OCR'd line, its end garbled ("… CỘNG HÒA XÃ
    # HỦ NGHĨA VIỆT NAM", a ministry's scanned letter, s14): the rest of the line is the motto.
    r"|(?<=\S\s)C[ỘO]NG\s+H[OÒ][AÀ]\s+X[ÃA]\b(?:(?!\bngày\b).)*$",
    re.IGNORECASE,
)
_RULE_RE = re.compile(r"[-–—_=*.]{3,}")
_NUMBER_RE = re.compile(r"(?:^|\s)(?:Luật\s+|Bộ\s+luật\s+)?(?:Số|SỐ|số)\s*:?\s*(?P<num>\d[^\s|,;]*)")
_DATE_RE = re.compile(
    # A place's words may be joined by a hyphen ("Bà Rịa - Vũng Tàu", "Phan Rang-Tháp Chàm").
    r"(?P<place>(?:[A-ZĐÀ-Ỹ][\wđ]*\.?(?:\s*-\s*|\s+)){0,4}?[A-ZĐÀ-Ỹ][\wđ]*)\s*,\s*ngày\s+(?:(?P<d>\d{1,2})\s+"
    r"tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
    # "Cần Thơ, ngày 17/11/2025": the date in figures, as some offices and converters print it.
    r"|(?P<d2>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m2>\d{1,2})\s*(?P=sep)\s*(?P<y2>\d{4})\b)"
)
# A place-date or number line with its slot left blank or unread ("ngày … tháng 12 năm 2017",
# "ngày    tháng 12 năm 2017", "Số: …/BC-SYT", "Số:    /KH-UBND"). The date's match stops before
# the year, so that a stand-in date put over its slots reads the line's place.
_UNFILLED_DATE_RE = re.compile(r"\bngày\b(?:(?!tháng).){0,12}\btháng\b.{0,12}?\bnăm(?=\s+\d{4})")
_UNFILLED_NUMBER_RE = re.compile(r"^(?:Số|SỐ|số)\s*:?[^/\w]*/\s*[A-ZĐ]")
_SUBJECT_RE = re.compile(r"(?:^|\s)V\s*/\s*v?(?=\s)", re.IGNORECASE)  # "V/v", OCR'd "V/"
_NOISE_WORDS = {"DỰ THẢO", "KHẨN", "HỎA TỐC", "MẬT", "TỐI MẬT", "THƯỢNG KHẨN", "BẢN CHÍNH"}
_PREAMBLE_RE = re.compile(
    r"^(?:Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị|Xét|Triển khai|Để|Nhằm|Trên cơ sở|Theo)\b"
)
_OUTLINE_RE = re.compile(
    r"^(?:(?:PHẦN|Phần|CHƯƠNG|Chương|Điều|ĐIỀU|Mục|MỤC)\s+[\dIVXLC]+\b|[IVXLC]+\s*[-.–)]\s|\d+\s*[.)]\s)"
)
# "T/M", "K/T", "T/L" with the slash, a dot ("T.M", "K.T") or nothing ("TM", "KT"): Party committees
# and their boards sign "K/T TRƯỞNG BAN", "T.M BAN THƯỜNG VỤ" (the session-12 survey,
# tests/test_leftovers_survey.py; before, "K/T" and "T.M" lines were read as the last item's text).
SIGN_TITLE = r"(?:T\s*[/.]\s*M\b\.?|TM\.?|K\s*[/.]\s*T\b\.?|KT\.?|T\s*[/.]\s*L\b\.?|TL\.?|TUQ\.?|Q\.)"
_SIGN_TITLE_RE = re.compile(rf"^(?:{SIGN_TITLE}|Q\s)\s*", re.IGNORECASE)
_SIGN_WORDS = re.compile(
    r"^(?:PHÓ\s+)?(?:CHỦ TỊCH|BÍ THƯ|GIÁM ĐỐC|HIỆU TRƯỞNG|TRƯỞNG BAN|BỘ TRƯỞNG|THỦ TƯỚNG|"
    r"CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG|CỤC TRƯỞNG|VIỆN TRƯỞNG|TỔNG GIÁM ĐỐC)\b"
)


def is_signer_title(text: str) -> bool:
    """Whether a line is a signer's bare title in capitals ("THỦ TƯỚNG", "BỘ TRƯỞNG"): the
    head who signs in person prints no "TM."/"KT." before it."""
    text = text.strip("*_| ")
    return is_caps(text) and bool(_SIGN_WORDS.match(text)) and len(text.split()) <= 8


_NAME_RE = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]*\s){1,5}[A-ZĐÀ-Ỹ][a-zđà-ỹ]+$")  # "Y Thanh Hà Niê Kđăm"
_SIGNED_RE = re.compile(r"^\(?\s*(?:đã\s+ký|ký|đã\s+ký\s+và\s+đóng\s+dấu)[^)]*\)?$", re.IGNORECASE)
# "… Ban Thường vụ Tỉnh ủy Sơn La ban hành Kế hoạch …", "Ủy ban nhân dân tỉnh Cao Bằng ban hành
# Kế hoạch …": the body opens with one of the words bodies open with (a capital-letter class
# would not do: À-Ỹ holds lower-case letters, and "ân dân tỉnh Cao Bằng" was read).
_ISSUED_BY_RE = re.compile(
    r"(?<!\w)(?P<issuer>(?:Ủy ban|Uỷ ban|UBND|Hội đồng|HĐND|Ban|Thường trực|Tỉnh ủy|Huyện ủy|Thành ủy"
    r"|Thị ủy|Đảng ủy|Sở|Bộ|Phòng)\s[^.;:,()]{0,80}?)\s+ban hành\b"
)
_PROVINCE_RE = re.compile(
    r"\b(?:tỉnh|Tỉnh ủy|Tỉnh|huyện|Huyện ủy|thành phố|Thành ủy|quận|thị xã|xã|phường)\s+"
    r"(?P<place>(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+)(?:\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]+){0,3})"
)
_ISSUED_TYPES = r"Kế hoạch|Chương trình hành động|Chương trình|Quy định|Quy chế|Đề án|Hướng dẫn|Phương án"
# How a decision says it issues a document printed after it: "Ban hành kèm theo Quyết định này
# Kế hoạch …"; "Điều 1. Phê duyệt Phương án … (có Phương án kèm theo)" (Hà Tĩnh 1669/QĐ-UBND
# 2019); "Điều 1. Ban hành Phương án …" with the plan's "(Ban hành kèm theo Quyết định số …)"
# after the signature (Bình Định 3741/QĐ-UBND 2018). The document itself must follow the
# signature under a type line of its own (find_attached), else nothing is attached.
_ATTACHED_RE = re.compile(
    r"(?:ban hành|phê duyệt)\s+kèm\s+theo\s+(?:Quyết định|Nghị quyết|Chỉ thị)\s+này\s+"
    rf"(?:[\"“]\s*)?(?P<type>{_ISSUED_TYPES})"
    rf"|\(\s*(?:có|chi tiết(?:\s+tại|\s+theo)?|theo)\s+(?P<type2>{_ISSUED_TYPES})\s+(?:chi tiết\s+)?kèm\s+theo\s*\)"
    rf"|\bĐiều\s+1\s*[.:]\s*Ban hành\s+(?P<type3>{_ISSUED_TYPES})\b",
    re.IGNORECASE,
)
_ACCOMPANY_RE = re.compile(
    r"^\(?\s*(?:Ban hành\s+)?[Kk]èm theo\s+(?P<type>Quyết định|Nghị quyết|Kế hoạch)\s+số\s+"
    r"(?P<num>[^\s,]+)(?:\s+ngày\s+(?P<date>[^)]*?))?(?:\s+của\s+(?P<issuer>[^)]+))?\)?\s*$"
)
_ABBREVIATIONS = (
    (re.compile(r"\bUBND\b"), "ỦY BAN NHÂN DÂN"),
    (re.compile(r"\bHĐND\b"), "HỘI ĐỒNG NHÂN DÂN"),
    (re.compile(r"\bTP\.\s*"), "THÀNH PHỐ "),
    # Public institutions abbreviate their kind in the header ("TRƯỜNG ĐH THỦ ĐÔ HÀ NỘI", HNMU.pdf);
    # the issuer is the body's full name, as the gold guidelines write it.
    (re.compile(r"(?<=TRƯỜNG )ĐH\b|(?<=Trường )ĐH\b"), "ĐẠI HỌC"),
    (re.compile(r"(?<=TRƯỜNG )CĐ\b|(?<=Trường )CĐ\b"), "CAO ĐẲNG"),
    (re.compile(r"\bMTTQ\b"), "MẶT TRẬN TỔ QUỐC"),
)


# ---------------------------------------------------------------------------------------------
# Fragments
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Fragment:
    """One piece of header text and the cell it sits in (``line`` indexes the source lines)."""

    text: str
    cell: Any
    line: int


# Markup left in a page's text ("UBND TỈNH NINH THUẬN<b> CỘNG HOÀ …</b>" on document-sharing
# sites, "</xml" above a provincial portal's letter).
_HTML_TAG_RE = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?(?:>|$)")


def clean(text: str) -> str:
    """Normalised text without markdown marks, footnote markers or stray pipes."""
    text = normalize_text(strip_markdown(text))
    text = _HTML_TAG_RE.sub(" ", text)
    text = re.sub(r"\[\d+\]", "", text)
    # A stray slash before a line's first capital ("/ỦY BAN MTTQ VIỆT NAM", a docx's text
    # extraction, s17 dev kh-mttq-2026): no header piece opens with one ("/KH-UBND" follows "Số").
    text = re.sub(r"^\s*/(?=[A-ZĐÀ-Ỹ])", "", text)
    return text.strip(" *_|\t")


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _is_motto(text: str) -> bool:
    folded = fold(text)
    return any(w in folded for w in _MOTTO_WORDS) and is_caps(text) or bool(
        re.search(r"doc lap\s*[-–—]\s*tu do|tu do\s*[-–—]\s*hanh phuc", folded)
        # The Party's name wrapped after "CỘNG" ("ĐẢNG CỘNG" / "SẢN VIỆT NAM"): only that wrap
        # opens a line with these words ("KHOÁNG SẢN VIỆT NAM" in a group's name does not).
        or is_caps(text) and re.match(r"[\W_]*san viet nam\b", folded)
    )


# A received stamp ("ĐẾN / Số: … / Ngày: …") printed left of a scan's type line: OCR reads its
# marks into the line before the type word ("ĐẾN i: : _¬ CHỈ THỊ", s17 dev ct11, which then had
# no type and no header end). A few characters ending in a stamp's colon, bar or rule.
_STAMP_HEAD = re.compile(r"^[^:|¬_]{0,12}[:|¬_][\W_]*(?:\w{1,2}[\W_]+)*?(?=[A-ZĐÀ-Ỹ]{2})")


def without_stamp(text: str) -> str:
    """``text`` without a received stamp's OCR'd marks before a bare type word; else as is."""
    head = _STAMP_HEAD.match(text)
    if head is None:
        return text
    tail = text[head.end():].strip()
    name = title_type(tail)
    return tail if name is not None and fold(name) == fold(tail) else text


def doc_type_of(text: str) -> str | None:
    """The document type if ``text`` is a type line ("KẾ HOẠCH", "QUYẾT ĐỊNH"); else None.

    "QUYẾT ĐỊNH:" (with its colon) is a decision's enacting formula, not its type line.
    """
    text = without_stamp(clean(text))
    if not text or text.endswith(":") or not is_caps(text.split(" ")[0]):
        return None
    # The type words come from data/doc_types.json; a type word followed by more words is a
    # type line only when they are upper case too ("QUY CHẾ ĐÀO TẠO …"), or a lower-case
    # title follows ("KẾ HOẠCH thực hiện …").
    name = title_type(text)
    if name is None:
        return None
    rest = text.split()[len(name.split()):]
    if rest and not is_caps(" ".join(rest)) and not rest[0][:1].islower():
        return None
    if fold(name).endswith(" ket luan"):
        # "THÔNG BÁO KẾT LUẬN": a notice (its number's code is TB) that relays conclusions;
        # "kết luận" starts its title, it is not another type.
        return name[: -len(" kết luận")]
    return name


# A number filled into the form's blanks: "Số:   4390     /UBND-NLN" (s14 dev, a Lào Cai letter
# in PDF layout). The runs of spaces around the typed digits are not a column break: a column
# never starts with the number's slash, and "Số:" never ends one.
_FILLED_NUMBER = re.compile(r"(?<=\b(?:Số|SỐ):)[ \t]{2,}(?=[\d/])|(?<=\d)[ \t]{2,}(?=/[A-ZĐ])")


def _line_fragments(index: int, line: SourceLine, cell_of: dict[str, Any]) -> list[Fragment]:
    """Fragments of one source line; ``cell_of`` carries the running cell state across lines."""
    if line.cells and line.kind == "table_row":
        cell_of["row"] = cell_of.get("row", 0) + 1
        return [
            Fragment(clean(part), ("docx", cell_of["row"], x), index)
            for x, text in line.cells
            for part in text.split("\n")
            if clean(part)
        ]
    if line.cells:
        # PDF columns: the first piece is the left side, any later piece the right side.
        return [
            Fragment(clean(text), ("pdf", 0 if i == 0 else 1), index)
            for i, (_, text) in enumerate(line.cells)
            if clean(text)
        ]
    raw = _FILLED_NUMBER.sub(" ", line.text)
    if re.search(r"\S(?: {3,}|\t+)\S", raw) and not _PREAMBLE_RE.match(raw.strip()):
        # A text export keeps the two columns on one line, apart by a run of spaces or a tab;
        # a markdown row's pipe parts them too ("… Lưu: VT. | THỦ TƯỚNG   Nguyễn Văn A |").
        pieces = [p for p in re.split(r" {3,}|\t+|\s\|\s", raw.strip()) if clean(p)]
        return [Fragment(clean(p), ("cols", k), index) for k, p in enumerate(pieces)]
    stripped = clean(raw)
    if not stripped:
        if raw.strip().strip("*_ ") == "|" or "|" in raw:
            cell_of["md"] = cell_of.get("md", 0) + 1
        return []
    pieces = [p for p in re.split(r"\s\|\s|\|", raw)]
    out: list[Fragment] = []
    for n, piece in enumerate(pieces):
        if n > 0:
            cell_of["md"] = cell_of.get("md", 0) + 1
        text = clean(piece)
        if text:
            out.append(Fragment(text, ("md", cell_of.get("md", 0)), index))
    if raw.rstrip().endswith("|"):
        cell_of["md"] = cell_of.get("md", 0) + 1
    return out


# ---------------------------------------------------------------------------------------------
# Field readers
# ---------------------------------------------------------------------------------------------


def _iso(d: str, m: str, y: str) -> str | None:
    day, month, year = int(d), int(m), int(y)
    if not (1 <= day <= 31 and 1 <= month <= 12 and 1900 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def read_date(text: str) -> tuple[str | None, str | None]:
    """(ISO date, place) from a place-date line ("Sơn La, ngày 20 tháng 11 năm 2025")."""
    m = _DATE_RE.search(text)
    if not m:
        return None, None
    place = m.group("place").strip()
    # Words of the motto or of a title may precede the place on an interleaved line, and the
    # end of a sentence of the other column ("… của Sở Y tế. Kiên Giang, ngày 24"): the class
    # À-Ỹ holds lower-case letters too.
    words = place.split()
    # A number's code on the same line ("QĐ-TTg Hà Nội"): two capitals in one word. "Nam" is
    # the motto's only after "Việt": it opens the names of places ("Nam Định, ngày …", "Nam
    # Sơn", "Nam Từ Liêm"), which lost it before.
    dropped = ""
    while words and (fold(words[0]) in {"hanh", "phuc", "viet", "do"}
                     or fold(words[0]) == "nam" and dropped == "viet"
                     or (words[0].isupper() or sum(c.isupper() for c in words[0]) > 1)
                     and len(words) > 1 and not words[0].endswith(".")
                     or not words[0][:1].isupper()):
        dropped = fold(words[0])
        words = words[1:]
    day, month, year = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (
        m.group("d2"), m.group("m2"), m.group("y2"))
    return _iso(day, month, year), " ".join(words) or None


# "Số:" as a scan's OCR reads it before the digits: "$6:990/TB-TCT", "S6: 12/…", "Sé: …",
# "Số; 45/…" (s17 held-out tb990, dev cv1457, qd2439); its colon and the digits after it make
# it the number's label.
_OCR_NUMBER_LABEL = re.compile(r"(?:^|(?<=\s))(?:[S$][6ốóòéêo]|s[6óòéê]|Số|SỐ|số)\s*[:;](?=\s*\d)")


def _number(text: str) -> str | None:
    text = _OCR_NUMBER_LABEL.sub("Số:", text)
    # "Số: 3 70 /TCHQ-TXNK": OCR split the number's digits at a wide glyph (s17 dev cv370);
    # digit groups right after "Số:" and before the slash are one number.
    text = re.sub(r"(?<=\b(?:Số|SỐ|số))(\s*:?\s*\d{1,3})\s(\d{1,4})(?=\s*/)", r"\1\2", text)
    # "Số: 12/TCT-DNNCN - Hà Nội, ngày …": a spaced dash before a place's name ends the number.
    text = re.split(r"\s[-–]\s+(?=[A-ZĐÀ-Ỹ][a-zđà-ỹ])", text, maxsplit=1)[0]
    m = _NUMBER_RE.search(re.sub(r"\s*([/-])\s*(?=[\w])", r"\1", text))
    if not m:
        return None
    num = m.group("num").rstrip(".,;:")
    if not re.search(r"\d", num) or not re.search(r"[A-Za-zĐđ]", num):
        return None
    if re.search(r"[^\w./\-–&]", num) or not _NUMBER_HEAD.match(num):
        # A mark no number holds ("45? /BKHĐT", s17 dev cv1457: a digit OCR lost), or a figure
        # OCR read as a letter or sign ("Số: 5Ï/TCT-TTKT", "Số:4#4ÿ /TCT-DNNCN", s18 dev cv586,
        # cv1738): the print gives no number ([decided, s17 fixY4]).
        return None
    return canonical_doc_number(num)


# A document number opens with its figures, then its separator: "85/KH-UBND", "12-CT/TU",
# "01.2025/…", a letter suffix at most ("15a/…").
_NUMBER_HEAD = re.compile(r"\d+[a-z]?(?:[/\-–.]|$)")


_KEEP_UPPER = {"MTTQ", "TW", "BCH", "NQ", "KH", "QĐ", "ĐH", "CĐ", "THPT", "THCS"}
_LEVELS = {"tỉnh", "huyện", "quận", "xã", "phường", "phố", "trấn"}
# The words before "ủy" that make a committee of a place: "Thành ủy Phú Lâm", "Thị ủy An Khê".
_COMMITTEE_LEVELS = _LEVELS | {"thành", "thị"}
_BODY_HEADS = {"sở", "bộ", "phòng", "cục", "viện", "hội", "tâm", "trường", "ban"}
_TITLE_STOP = {"giai", "đoạn", "năm", "đến", "trên", "địa", "bàn", "và", "về", "của", "theo",
               "trong", "tầm", "nhìn", "thời", "kỳ", "tại", "với", "cho", "các"}


def caps_to_name(text: str) -> str:
    """"ỦY BAN NHÂN DÂN TỈNH HÀ GIANG" → "Ủy ban nhân dân tỉnh Hà Giang"; "SỞ Y TẾ" → "Sở Y tế".

    Place names (after a level word: tỉnh, thành phố, huyện; or after Tỉnh ủy/Huyện ủy) keep
    capitals for at most four words, up to a common word ("giai đoạn", "năm", "trên"). A
    body's head word (sở, trung tâm, bệnh viện) opens the name only as its first or second
    word: further on it is a common word ("MÔI TRƯỜNG TỈNH", "PHÒNG CHỐNG TỘI PHẠM").
    """
    for pattern, repl in _ABBREVIATIONS:
        text = pattern.sub(repl, text)
    words = text.split()
    if not words or not is_caps(text):
        return text
    low = [w.lower() for w in words]
    out: list[str] = []
    place = 0
    for i, w in enumerate(low):
        nxt = low[i + 1] if i + 1 < len(low) else ""
        prev = low[i - 1] if i else ""
        if place and w == "-":
            out.append(w)  # "Bà Rịa - Vũng Tàu": the hyphen of a place name
            continue
        if place and (w in _TITLE_STOP or not w[:1].isalpha()):
            place = 0
        if words[i] in _KEEP_UPPER:
            out.append(words[i])
        elif i == 0 or place or (prev in _BODY_HEADS - {"ban"} and i <= 2
                                 and low[i - 2 : i] not in (["đảng", "bộ"], ["xã", "hội"])):
            out.append(w.capitalize())
        elif w in _COMMITTEE_LEVELS and nxt == "ủy":
            out.append(w.capitalize())  # Tỉnh ủy, Huyện ủy
        else:
            out.append(w)
        if place:
            place -= 1
        if ((w in _LEVELS and nxt not in ("ủy", "hội")) or (w == "ủy" and prev in _COMMITTEE_LEVELS)
                or (w == "khu" and prev == "đặc")):
            place = 4  # "xã hội" is society, not a commune; "đặc khu" is a special zone (2025)
    return " ".join(out)


def _body_capitals(name: str) -> str:
    """Official capitals of a body's name: fixed names ("Ban Chấp hành Trung ương"), each
    field of a department ("Sở Giáo dục và Đào tạo", "Bộ Lao động - Thương binh và Xã hội"),
    an institution's own name ("Trường ĐH Thủ Đô Hà Nội")."""
    for fixed in (*_party_boards(), *_FIXED_NAMES):
        # "ban cán sự đảng ủy ban nhân dân": the "ủy" there opens "Ủy ban nhân dân", no "Đảng ủy".
        name = re.sub(rf"\b{fixed}\b(?!\s+ban\s+nhân\s+dân)", fixed, name, flags=re.IGNORECASE)
    m = re.match(r"^(Sở|Bộ|Phòng)\s+(.+?)(\s+(?:tỉnh|thành phố|huyện|quận|thị xã)\s.*)?$", name)
    if m:
        field = re.sub(r"(\bvà\s+|,\s*|\s-\s)(\w)", lambda x: x.group(1) + x.group(2).upper(),
                       m.group(2))
        name = f"{m.group(1)} {field}{m.group(3) or ''}".replace("Công thương", "Công Thương")
    return re.sub(
        r"^((?:Trường|Học viện)(?:\s+(?:ĐH|CĐ|THPT|THCS|Đại học|[Cc]ao đẳng))?)\s+(.+)$",
        lambda x: f"{x.group(1)} " + " ".join(w[:1].upper() + w[1:] for w in x.group(2).split()),
        name,
    )


@functools.lru_cache(maxsize=1)
def _party_boards() -> tuple[str, ...]:
    """The party's own boards and committees as ``data/units.json`` spells them ("Ban Tuyên giáo
    và Dân vận", "Ban Xây dựng Đảng", "Ủy ban Kiểm tra", "Đảng ủy các cơ quan Đảng"), longest
    first: one issuing under its committee ("BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY") keeps the
    capitals of its fields."""
    names = {u["name"] for u in unit_data()["units"]
             if " " in u["name"] and (u.get("owner") == "party" or u["name"].startswith("Đảng ủy "))}
    return tuple(sorted(names, key=len, reverse=True))


# Names of bodies whose words keep capitals inside an issuer ("Ban Chấp hành Trung ương").
# A party body's header under its committee ("TỈNH ỦY … / BAN CÁN SỰ ĐẢNG UBND TỈNH", "ĐẢNG BỘ
# TỈNH … / ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH") keeps the capitals of the body it is attached to.
_FIXED_NAMES = ("Ban Thường vụ", "Ban Thường trực", "Ban Chấp hành", "Trung ương", "Đảng bộ", "Đảng ủy",
                "Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc",
                "Quốc hội", "Chính phủ", "Đại học", "Hội đồng nhân dân", "Bộ Chỉ huy Quân sự",
                "Bộ đội Biên phòng", "Ủy ban nhân dân", "Đảng ủy Khối", "Đảng ủy các cơ quan Đảng")


# "ỦY BAN" opens a child whole (a commune's committee under its province, "UBND TỈNH … / ỦY BAN
# NHÂN DÂN XÃ …"; a party inspection committee): the bare BAN after ỦY cut the name and issued
# "Ban nhân dân xã …".
_PARENT_SPLIT = re.compile(
    r"^(?P<parent>.*?\b(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|ĐẶC KHU|(?:THÀNH|THỊ)(?= ỦY))\s+\S+(?:\s+\S+)*?)\s+"
    r"(?P<child>(?:SỞ|PHÒNG|ỦY BAN|TIỂU BAN|(?<!ỦY )(?<!TIỂU )BAN|TRƯỜNG|BỆNH VIỆN|TRUNG TÂM|CHI CỤC|VĂN PHÒNG|HUYỆN ỦY|THÀNH ỦY|"
    r"THỊ ỦY|ĐẢNG ỦY|ĐẢNG ĐOÀN|HỘI ĐỒNG|CÔNG AN|BỘ CHỈ HUY)\b.*)$"
)


_PLACE_JOIN = "\u2060"  # word joiner: not a space, so no split falls inside a place name


@functools.lru_cache(maxsize=1)
def _place_names() -> tuple[tuple[str, str], ...]:
    """Upper-case multi-word provinces and the same with their words bound (``HẢI PHÒNG``)."""
    data = unit_data()
    # The level word stays free ("THÀNH PHỐ HỒ CHÍ MINH"): the split looks for it.
    levels = "|".join(re.escape(x.upper()) for x in data["placeable_levels"])
    level = re.compile(rf"^(?:{levels})\s+")
    names = {level.sub("", normalize_text(p).upper()) for p in data["provinces"]}
    names = {n for n in names if " " in n}
    return tuple((n, n.replace(" ", _PLACE_JOIN)) for n in sorted(names, key=len, reverse=True))


def _bind_places(caps: str) -> str:
    """The header with each province's words bound together, so that a province ending in a
    body's word ("THÀNH PHỐ HẢI PHÒNG": PHÒNG is also a department) is not split at it."""
    for name, bound in _place_names():
        caps = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", bound, caps)
    return caps


# A ministry over one of its departments: "BỘ Y TẾ / CỤC QUẢN LÝ DƯỢC".
_MINISTRY_SPLIT = re.compile(
    r"^(?P<parent>(?:BỘ|TỔNG CỤC)\s+.+?)\s+(?P<child>(?:TỔNG CỤC|CỤC|VỤ|VIỆN|THANH TRA|TRUNG TÂM)\s.*)$"
)
# "TONG CỤC": OCR dropped the marks of "TỔNG" (s17 dev cv370, "BO TAI CHINH / TONG CUC HAI
# QUAN"); before a "CỤC" the word can be no other, and split there the issuer lost its "Tổng".
# "TONG CYC THUE" (s17 held-out cv1046): OCR read the "Ụ" of "CỤC" as a "Y" too.
_GENERAL_DEPARTMENT = re.compile(r"\bT[ÔỐỒỔỖỘO]NG\s+C[ỤUY]C\b")


_VOCABULARY_SPAN = 8  # the longest body name, with its level word, in words


@functools.lru_cache(maxsize=1)
def _header_vocabulary() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Folded word runs of the administrative vocabulary → their canonical upper-case words.

    From ``data/units.json``: every body's name (``ủy ban nhân dân``, ``sở y tế``), followed or
    not by a level word (``ủy ban nhân dân tỉnh``) unless it takes none, every province with
    and without its level word (``tỉnh kiên giang``). A folded run spelled two ways in the
    vocabulary is left out: folding then cannot say which is meant.
    """
    data = unit_data()
    levels = data["placeable_levels"]
    phrases = [p for p in data["provinces"] if " " in p]
    phrases += [f"{level} {p}" for level in levels for p in data["provinces"]]
    for unit in data["units"]:
        name = unit["name"]
        if " " in name:
            phrases.append(name)
        if unit.get("level") != "none":
            phrases += [f"{name} {level}" for level in levels]
    spellings: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(normalize_text(phrase).upper().split())
        spellings.setdefault(tuple(fold(w) for w in words), set()).add(words)
    return {key: next(iter(found)) for key, found in spellings.items() if len(found) == 1}


@functools.lru_cache(maxsize=1)
def _joined_vocabulary() -> dict[str, tuple[str, ...]]:
    """The vocabulary's names keyed by their folded letters without spaces ("bokehoachvadautu"):
    a scan's OCR glues words of a header ("BỘ KẾ HOẠCH VADAUTU", "THỦ TƯỚNG CHÍNHPHỦ", s17 dev
    cv1457 and ct11). A key two names share is left out."""
    joined: dict[str, set[tuple[str, ...]]] = {}
    for key, words in _header_vocabulary().items():
        joined.setdefault("".join(key), set()).add(words)
    return {key: next(iter(found)) for key, found in joined.items() if len(found) == 1}


_EDGE_MARKS = re.compile(r"^[\W_]+|[\W_]+$")  # OCR's stray quotes and dots at a word's edges


def canonical_header_words(caps: str) -> str:
    """An upper-case header block with the administrative words it names spelt canonically.

    OCR confuses marks in header words (a 200 dpi scan reads "UBND TĨNH KIÊN GIANG" for
    "TỈNH"); a run of words that folds to a body's name, a level word after it, or a province
    (:func:`_header_vocabulary`) takes the vocabulary's spelling, longest run first. Words
    outside the vocabulary stay as read: a one-word replacement list would turn "QUÂN SỰ"
    into "QUẬN".
    """
    vocabulary, joined = _header_vocabulary(), _joined_vocabulary()
    words = caps.split()
    folded = [_EDGE_MARKS.sub("", fold(w)) for w in words]
    i = 0
    while i < len(words):
        for size in range(min(_VOCABULARY_SPAN, len(words) - i), 0, -1):
            run = folded[i : i + size]
            canonical = vocabulary.get(tuple(run)) if size > 1 else None
            if canonical is None and all(run):
                # Words OCR glued: fewer printed words than the name has.
                canonical = joined.get("".join(run))
                canonical = canonical if canonical and len(canonical) > size else None
            if canonical is not None:
                words[i : i + size] = canonical
                folded[i : i + size] = [fold(w) for w in canonical]
                i += len(canonical)
                break
        else:
            i += 1
    return " ".join(words)


@functools.lru_cache(maxsize=1)
def _body_heads() -> tuple[str, ...]:
    """Folded first words of a body's name (``sở``, ``trung tâm``, ``bệnh viện``) from
    ``data/units.json`` heads, longest first."""
    data = unit_data()
    heads = {fold(h["name"]) for h in data["heads"]}
    return tuple(sorted(heads, key=len, reverse=True))


def _opens_body(line: str) -> bool:
    """Whether an upper-case issuer line starts a body's name (a head word: SỞ, TRUNG TÂM…)."""
    folded = fold(line)
    return any(folded == h or folded.startswith(h + " ") for h in _body_heads())


def issuer_name(caps: str, lines: list[str] | None = None) -> str:
    """The issuing body from its upper-case header block.

    A parent over a child ("UBND TỈNH LAI CHÂU / SỞ Y TẾ", "ĐẢNG BỘ TỈNH SƠN LA / HUYỆN ỦY MAI
    SƠN") names the child; a department without a place of its own takes the parent's
    locality ("Sở Y tế tỉnh Lai Châu"). The block's administrative words are first spelt as
    the vocabulary spells them (:func:`canonical_header_words`: OCR's "TĨNH" for "TỈNH").
    ``lines``: the block's printed lines, when known; a lower line that opens a body of its
    own names the issuer even with no level word in the upper one.
    """
    for pattern, repl in _ABBREVIATIONS:
        caps = pattern.sub(repl, caps)
    caps = _GENERAL_DEPARTMENT.sub("TỔNG CỤC", canonical_header_words(" ".join(caps.split())))
    party = re.match(r"^BAN CHẤP HÀNH TRUNG ƯƠNG(?: ĐẢNG)?\s+(?P<child>(?:ĐẢNG ĐOÀN|BAN CÁN SỰ ĐẢNG|ĐẢNG ỦY)\s.+)$",
                     caps)
    if party:
        # "BAN CHẤP HÀNH TRUNG ƯƠNG / ĐẢNG ĐOÀN QUỐC HỘI": a party group or committee of a state
        # body placed directly under the Central Committee is named by that body alone ("Đảng
        # đoàn Quốc hội", "Ban cán sự đảng Chính phủ"); read whole, s17 kh3260 was issued by
        # "Ban Chấp hành Trung ương đảng đoàn Quốc hội" (both blind golds: the Đảng đoàn).
        return issuer_name(party.group("child"))
    central = re.match(r"^BAN CHẤP HÀNH TRUNG ƯƠNG(?: ĐẢNG)?\s+(?P<child>(?:BAN|ỦY BAN KIỂM TRA)\s.+)$", caps)
    if central and "TRUNG ƯƠNG" not in central.group("child"):
        # "BAN CHẤP HÀNH TRUNG ƯƠNG / BAN TUYÊN GIÁO VÀ DÂN VẬN": a board of the Central
        # Committee is named with "Trung ương" ("Ban Tuyên giáo và Dân vận Trung ương"), as a
        # provincial board with its committee ("Ban Tuyên giáo Tỉnh ủy"); a 2025 guidance.
        return f"{issuer_name(central.group('child'))} Trung ương"
    if re.match(r"^BAN CHẤP HÀNH TRUNG ƯƠNG(?: ĐẢNG)? VĂN PHÒNG$", caps):
        # "BAN CHẤP HÀNH TRUNG ƯƠNG / VĂN PHÒNG": the office is named with its committee, as a
        # provincial committee's ("Văn phòng Tỉnh ủy"); both blind annotators of a 2025 notice.
        return "Văn phòng Ban Chấp hành Trung ương"
    m = _PARENT_SPLIT.match(_bind_places(caps)) or _MINISTRY_SPLIT.match(caps)
    if not m and lines and len(lines) > 1:
        # Printed on lines of their own, a body over a body with no level word to split at
        # ("SỞ Y TẾ KIÊN GIANG / TRUNG TÂM KIỂM SOÁT BỆNH TẬT"): the lower one issues.
        child_at = next((k for k in range(1, len(lines)) if _opens_body(lines[k])), None)
        if child_at is not None and _opens_body(lines[0]):
            return issuer_name(" ".join(lines[child_at:]))
    if not m:
        return _body_capitals(caps_to_name(caps))
    parent, child = m.group("parent").replace(_PLACE_JOIN, " "), m.group("child").replace(_PLACE_JOIN, " ")
    name = caps_to_name(child)
    committee = re.match(r"^(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ) ỦY\s+\S", parent)
    if committee and re.match(r"^(?:BAN|VĂN PHÒNG|ỦY BAN KIỂM TRA)\b", child) and not re.search(
        r"\b(?:ĐẢNG|ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)\b", child
    ):
        # "THÀNH ỦY HÀ ĐÔNG / BAN TUYÊN GIÁO": a committee's own board or office is named with
        # its committee ("Ban Tuyên giáo Thành ủy Hà Đông"), as the units of the text name it.
        head = re.match(r"^(?:Ủy ban kiểm tra|Ban|Văn phòng)\s*(.*)$", name)
        if head:
            name = name[: len(name) - len(head.group(1))] + head.group(1)[:1].upper() + head.group(1)[1:]
        return _body_capitals(f"{name} {caps_to_name(parent)}".replace("Ủy ban kiểm tra", "Ủy ban Kiểm tra"))
    if child.startswith("TIỂU BAN "):
        # "ỦY BAN BẦU CỬ XÃ … / TIỂU BAN THÔNG TIN, TUYÊN TRUYỀN, KHÁNH TIẾT": a sub-committee is
        # part of the committee or steering board over it and is named with it ("Tiểu ban …
        # Ủy ban bầu cử xã …"); the bare BAN split "Tiểu" off and issued "Ban … xã … Tiểu"
        # (s17 kh01-tbttkt, its blind gold).
        return _body_capitals(f"{name} {caps_to_name(parent)}")
    if parent.startswith("ỦY BAN MẶT TRẬN TỔ QUỐC") and re.match(r"^BAN\b", child) and not re.search(
            rf"\b{_LEVEL_WORDS}\b", child):
        # "ỦY BAN MTTQ VIỆT NAM / XÃ LƯƠNG MINH / BAN THƯỜNG TRỰC": the Front committee's own
        # board is named with its committee ("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam
        # xã …"), as its plans name it; read as a commune's board, three s17 dev Front plans
        # were issued by "Ban thường trực xã Lương Minh".
        front = caps_to_name(parent)
        return _body_capitals(f"{name} {front[:1].upper()}{front[1:]}")
    if re.match(r"^(SỞ|PHÒNG|CHI CỤC|BAN|VĂN PHÒNG|CÔNG AN|BỘ CHỈ HUY)\b", child) and not re.search(
        r"\b(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ(?! HỘI)|PHƯỜNG|ĐẶC KHU)\b", child
    ):
        # A board of a commune's party committee ("ĐẢNG ỦY XÃ … / BAN XÂY DỰNG ĐẢNG") is the
        # committee's, not the commune's.
        level = re.search(r"\b(?:ĐẢNG ỦY\s+)?(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|ĐẶC KHU)\s+.*$", parent)
        if level:
            name = f"{name} {caps_to_name('X ' + level.group(0)).split(' ', 1)[1]}"
    return _body_capitals(name)


def sentence_case(title: str) -> str:
    """An upper-case title in sentence case, place names kept ("XUẤT KHẨU … TỈNH SƠN LA …")."""
    if not is_caps(title):
        return title
    named = caps_to_name(title)
    return named[:1].upper() + named[1:]


# ---------------------------------------------------------------------------------------------
# Header
# ---------------------------------------------------------------------------------------------


@dataclass
class HeaderReading:
    """What the header and signature of one document (or attached document) say.

    ``header_lines``: indexes of source lines that belong to the header (title segments);
    ``title``: the title words after the type word, as printed.
    """

    meta: DocumentMeta
    header_lines: set[int] = field(default_factory=set)
    title: str | None = None
    warnings: list[ParseWarning] = field(default_factory=list)
    # A field whose line is there but whose value cannot be read (a blank or hand-written
    # day, "ngày … tháng 12 năm 2017"): the field → the line as read, for the warning.
    unreadable: dict[str, str] = field(default_factory=dict)


def _ends_header(text: str) -> bool:
    """A preamble, outline or addressee line: the header is over."""
    # A letter's body starts with its addressees (ADDRESSEES_FOLDED: also a "Kính" OCR lost, s18
    # dev cv1738, whose header then ran on into the body and took a cited law's number).
    return bool(_PREAMBLE_RE.match(text) or _OUTLINE_RE.match(text) or ADDRESSEES_FOLDED.match(fold(text)))


def _is_prose(text: str) -> bool:
    """A sentence too long for any header piece."""
    return doc_type_of(text) is None and not is_caps(text) and len(text.split()) > 20


def _line_texts(line: SourceLine) -> list[str]:
    return [t for _, t in line.cells] if line.cells else [line.text]


# A list item ("- 1Nghị định 63/2010/NĐ-CP …", "• Thuộc tính"): a header holds none.
_LIST_ITEM_RE = re.compile(r"^[-•+]\s*\w")
# Lines of a portal's own text above a document's header. 40 held the one-line info boxes of
# session 11; thuvienphapluat pages saved as markdown print each box label and value on lines
# of their own between "|" rows (about 45 lines) and may add a news summary of the document
# before it: the motto stood at lines 66-80 in 3 of the 22 pages of session 13's dev set.
_PORTAL_REACH = 120
# A full sentence ending in a period ("Xem chi tiết tại … ngày 26/11/2025."): a portal's
# summary closes so; no header piece is a sentence (a place-date line is kept by its "ngày N
# tháng").
_PORTAL_SENTENCE_RE = re.compile(r"^[^\W\d_]\S*(?:\s+\S+){5,}\.$")
_PLACE_DATE_RE = re.compile(r"ngày\s+\d{1,2}\s+tháng", re.IGNORECASE)


def _after_portal_text(lines: list[SourceLine], start: int, end: int) -> int:
    """Where the header starts when a saved web page puts the portal's own text above it.

    Pages saved from law portals open with the site's text: a paywall or loading notice ("Để
    sử dụng toàn bộ tiện ích …", "Đang tải nội dung …"), the page title as a sentence, an info
    box ("Số hiệu: … Người ký: …"), the list of related documents ("- 1Nghị định …"), the
    tabs ("• Thuộc tính"). When the national motto (or the Party's name) follows within
    ``_PORTAL_REACH`` lines, the header starts after the last line above it that no header
    holds (prose, a preamble or outline line, a list item); without a motto nothing moves.
    Seen on hethongphapluat, thuvienphapluat, m.thuvienphapluat and vanbanphapluat.co pages
    (tests/test_header_survey.py).
    """
    motto = next((i for i in range(start, min(end, start + _PORTAL_REACH))
                  if any(_is_motto(clean(t)) for t in _line_texts(lines[i]))), None)
    if motto is None:
        return start
    first = start
    box_value = False  # a box label printed alone: its value is the next line with text
    for i in range(start, motto):
        line = lines[i]
        text = clean(line.text)
        if RECIPIENTS_RE.match(text) or _OUTLINE_RE.match(text) and not _LIST_ITEM_RE.match(text):
            # An article, an item or "Nơi nhận" above the motto: a document's own body (an
            # excerpt before its attached plan), not a portal's text.
            return start
        if not text or line.cells or "|" in line.text:
            continue
        if _BOX_LABEL.search(text):
            # An info box field ("Số hiệu:", "Nơi ban hành:"), with its value or before it:
            # the portal's transcription, never the document's header.
            first, box_value = i + 1, not _BOX_LABEL.sub("", text).strip(" *:|")
            continue
        if box_value or _ends_header(text) or _is_prose(text) or _LIST_ITEM_RE.match(text) or (
                _PORTAL_SENTENCE_RE.match(text) and not is_caps(text)
                and not _PLACE_DATE_RE.search(text)):
            first, box_value = i + 1, False
    return first


def _header_fragments(lines: list[SourceLine], start: int, end: int) -> tuple[list[Fragment], int]:
    """Fragments of the header region and the index of the first line after it.

    The region runs from ``start`` up to the type line's title, the preamble or the outline,
    whichever comes first; a long sentence before any header element means there is no header.
    """
    cell_state: dict[str, Any] = {}
    frags: list[Fragment] = []
    start = _after_portal_text(lines, start, end)
    i = start
    limit = min(end, start + 60)
    while i < limit:
        line = lines[i]
        text = clean(line.text)
        if i > start and line.page_break_before:
            break  # a header is on the first page (a scan's page 2 may carry another's)
        if text and not line.cells and "|" not in line.text:
            if _ends_header(text):
                break
            if _is_prose(text):
                if not frags:
                    break  # prose before any header piece: there is no header
                i += 1  # a session line under a law's header ("Khóa XI, kỳ họp thứ 9 …")
                continue
        frags.extend(_line_fragments(i, line, cell_state))
        if text and doc_type_of(text) and not line.cells:
            return frags, i
        i += 1
    return frags, i


def _title_after(lines: list[SourceLine], type_line: int, end: int) -> tuple[str | None, list[int]]:
    """The title lines after a type line: up to the preamble, an authority line or the outline."""
    parts: list[str] = []
    used: list[int] = []
    doc_type = doc_type_of(lines[type_line].text) or ""
    rest = without_stamp(clean(lines[type_line].text))[len(doc_type):].strip(" :-")
    if rest:
        parts.append(rest)
    i = type_line + 1
    while i < min(end, type_line + 12):
        line = lines[i]
        text = clean(line.text)
        if not text:
            if parts and not line.text.strip() and i + 1 < end:
                # a blank line ends a title that already has words unless the next line wraps it
                nxt = clean(lines[i + 1].text)
                if not nxt or not nxt[:1].islower():
                    break
            i += 1
            continue
        if (_PREAMBLE_RE.match(text) or _OUTLINE_RE.match(text) or text.endswith((";", ":"))
                or _ACCOMPANY_RE.match(text) or text.startswith("(")):
            break
        if parts and _RULE_RE.fullmatch(text):
            break  # the rule printed under a title ("-----"): the body follows
        if parts and is_caps(text) and not is_caps(" ".join(parts)):
            break  # "ỦY BAN NHÂN DÂN TỈNH SƠN LA" after a sentence-case title: the authority
        if parts and is_caps(text) and _is_authority(text):
            break
        if len(text.split()) > 70:
            break
        parts.append(text)
        used.append(i)
        i += 1
    title = " ".join(" ".join(parts).split()) or None
    return title, used


def _authority_body(authority: str) -> str | None:
    """The body an authority line names with its level and place ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
    LAI CHÂU" → "Ủy ban nhân dân tỉnh Lai Châu"); ``None`` for a bare or central authority."""
    body = _authority_words(authority)
    if not re.match(r"^(?:ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)\s", body) or not re.search(
            rf"\b{_LEVEL_WORDS}\s+\S", body):
        return None
    return issuer_name(body)


def _is_authority(text: str) -> bool:
    """An enacting authority line under a decision's title ("ỦY BAN NHÂN DÂN TỈNH SƠN LA")."""
    return bool(re.match(
        r"^(?:ỦY BAN|UỶ BAN|UBND|CHỦ TỊCH|HIỆU TRƯỞNG|GIÁM ĐỐC|BỘ TRƯỞNG|THỦ TƯỚNG|HỘI ĐỒNG|"
        r"BAN THƯỜNG VỤ|BAN CHẤP HÀNH|QUỐC HỘI|CHÍNH PHỦ)\b", text))


def _same_block(prev: Any, cell: Any) -> bool:
    """Whether two fragments can continue one issuer block: same cell, or a left-column piece
    followed by a line that has no second column (the motto column ended earlier)."""
    if prev == cell:
        return True
    left = (prev[0] in ("pdf", "cols") and prev[-1] == 0) or (prev[0] == "docx" and prev[-1] == 0)
    return left and cell[0] == "md"


# A body set up by a decision names itself by it: "ĐOÀN KIỂM TRA / THEO QUYẾT ĐỊNH / SỐ
# 1050/QĐ-SCT" (an inspection team's plan, s15; "TỔ CÔNG TÁC …", "HỘI ĐỒNG … THEO QĐ SỐ …"). That
# number is part of the issuer's name, not the document's own number ("Số: 1105/KH-ĐKT" below).
_FOUNDING = r"\bTHEO\s+(?:QUYẾT\s+ĐỊNH|QĐ)"
_FOUNDING_RE = re.compile(_FOUNDING + r"\s+SỐ\b")
_FOUNDING_OPEN = re.compile(_FOUNDING + "$")  # its number on the next line


def _join_founding_numbers(frags: list[Fragment]) -> list[Fragment]:
    """Fragments with a founding decision's number line ("SỐ 1050/QĐ-SCT") joined to the
    "THEO QUYẾT ĐỊNH" line above it, so that both read as the issuer's name."""
    out: list[Fragment] = []
    for f in frags:
        prev = out[-1] if out else None
        if (prev is not None and _FOUNDING_OPEN.search(prev.text.strip())
                and re.match(r"^SỐ\s*:?\s*\d", f.text.strip())):
            out[-1] = Fragment(f"{prev.text.strip()} {f.text.strip()}", prev.cell, prev.line)
            continue
        out.append(f)
    return out


def _read_number_date(texts: list[str], meta: DocumentMeta) -> bool:
    """Fill ``meta.number`` and ``meta.date``/``place`` from the first of ``texts`` that reads
    them; whether any field was read."""
    found = False
    # The subject line ("V/v triển khai Thông tư số 48/2017/TT-BYT") cites others.
    texts = [t for t in (_SUBJECT_RE.split(t)[0].strip() for t in texts) if t]
    for text in texts:
        if meta.number is None and not _FOUNDING_RE.search(text) and (num := _number(text)):
            meta.number, found = num, True
        if meta.date is None:
            date, place = read_date(_MOTTO_PHRASES.sub(" ", text))
            if date:
                meta.date, meta.place, found = date, place, True
            elif meta.place is None and _UNFILLED_DATE_RE.search(text):
                # "Lai Châu, ngày    tháng    năm 2025" (an unsigned draft), "Hà Nội, ngày) §
                # tháng 01 năm 2022" (a day OCR garbled): the place is printed all the same.
                _, place = read_date(_UNFILLED_DATE_RE.sub("ngày 1 tháng 1 năm", _MOTTO_PHRASES.sub(" ", text)))
                if place:
                    meta.place, found = place, True
    return found


# The number's digits apart from its slash ("Số:406 /NQ-CP", "Số: 19 /CD-TTg"): written into
# the blank the printed form leaves, by hand or a stamp, as the day is.
_HAND_FILLED_NUMBER = re.compile(r"^(?:Số|SỐ|số)\s*[:;]?\s*\d[\d\s]*\s/\s*[A-ZĐ]")
# A place-date line's day or month slot (folded): "ngay44 thang 9", "ngay as thang 11".
_DATE_SLOTS = re.compile(r"\bngay(?P<d>[^\n]{0,6}?)\s*\bth[a-z]{1,3}g\b(?P<m>[^\n]{0,6}?)\bn?am\s+\d{4}")


def _garbled_slot(slot: str, top: int) -> bool:
    """A day or month slot with something printed in it that is no day or month ("44", "A2")."""
    slot = slot.strip(" .,…")
    if not re.search(r"\w", slot):
        return False  # left blank: an unsigned draft, not a misreading
    return not (slot.isdigit() and 1 <= int(slot) <= top)


def _drop_hand_filled_number(frags: list[Fragment], reading: HeaderReading) -> None:
    """Leave empty a number written into the form's blank whose day, written in the same way,
    OCR garbled ("Số:406 /NQ-CP … ngày44 tháng 9"): the registry fills both slots by hand or
    stamp after signing, and a scan that misreads the one misreads the other (406 for 106, 4046
    for 1046, 19 for 119 in s17 dev nq106 and held-out cv1046, cd119; GUIDELINES-real.md
    **[decided, s17 fixY4]**: a digit read as another gives null). A typed number ("Số:
    990/TB-TCT") is kept."""
    meta = reading.meta
    garbled = any(
        _garbled_slot(m.group("d"), 31) or _garbled_slot(m.group("m"), 12)
        for f in frags for m in _DATE_SLOTS.finditer(fold(f.text)))
    if not garbled:
        return
    for f in frags:
        text = _OCR_NUMBER_LABEL.sub("Số:", f.text)
        number_at = re.search(r"(?:Số|SỐ|số)\s*:?\s*\d", text)
        if number_at and _number(text) == meta.number and _HAND_FILLED_NUMBER.match(text[number_at.start():]):
            meta.number = None
            reading.unreadable["number"] = f.text
            return


def read_header(source: SourceText, start: int = 0, end: int | None = None) -> HeaderReading:
    """Read number, date, place, issuer, type and title from source lines ``start:end``."""
    lines = source.lines
    end = len(lines) if end is None else end
    meta = DocumentMeta()
    reading = HeaderReading(meta)
    frags, stop = _header_fragments(lines, start, end)
    type_line = stop if stop < end and doc_type_of(lines[stop].text) else None

    # Number and place-date: per fragment, then a fragment joined with the next one of its cell
    # (a crawl wraps "Bắc Ninh, ngày 24" / "tháng 11 năm 2025", "Cà" / "Mau, ngày 21 …").
    # A PDF's right column may wrap onto a line of its own (another cell): the next few
    # fragments in reading order are tried too, but only once no cell reads the field by
    # itself; tried first, the number's cell joined with the place's second word ("Số:
    # 19/2012/TT-BNNPTNT" + "Nội, ngày 02 …") read the place as "Nội" for "Hà Nội".
    frags = _join_founding_numbers(frags)
    by_cell: dict[Any, list[Fragment]] = {}
    for f in frags:
        by_cell.setdefault(f.cell, []).append(f)
    order = {id(f): k for k, f in enumerate(frags)}
    for across in (False, True):
        for cell_frags in by_cell.values():
            for k, f in enumerate(cell_frags):
                if across:
                    nxt = order[id(f)] + 1
                    texts = [f"{f.text} {g.text}" for g in frags[nxt : nxt + 3]]
                else:
                    texts = [f.text] + [f"{f.text} {g.text}" for g in cell_frags[k + 1 : k + 2]]
                if _read_number_date(texts, meta):
                    reading.header_lines.add(f.line)

    # A number or date line whose slot is blank or unreadable (hand-written, OCR'd as "…")
    # leaves the field empty; the warning quotes the line so a reader sees why.
    for f in frags:
        if meta.date is None and "date" not in reading.unreadable and _UNFILLED_DATE_RE.search(f.text):
            reading.unreadable["date"] = f.text
        if meta.number is None and "number" not in reading.unreadable and _UNFILLED_NUMBER_RE.match(
                f.text):
            reading.unreadable["number"] = f.text
    if meta.number is not None and meta.date is None:
        _drop_hand_filled_number(frags, reading)

    # Issuer: the first run of upper-case fragments in one cell that are not motto, rule,
    # number, type word or a draft mark.
    runs: list[list[Fragment]] = []
    current: list[Fragment] = []
    for f in frags:
        text = _MOTTO_PHRASES.sub(" ", f.text).strip(" -–")
        text = _RULE_RE.sub(" ", text).strip()
        is_issuer = (
            # Two letters together: not a lone glyph OCR left by a motto line ("T Độc lập — Tự
            # do — Hạnh phúc", s17 tb393); this also rules out an empty text.
            re.search(r"\w\w", text) is not None and is_caps(text) and not _is_motto(text)
            and (not _number(text) or bool(_FOUNDING_RE.search(text)))
            and doc_type_of(text) is None and text.upper() not in _NOISE_WORDS
            and not re.match(r"^(?:SỐ|Số)\b", text) and len(text.split()) <= 14
        )
        if is_issuer and current and _same_block(current[-1].cell, f.cell) and not _RULE_RE.search(
                current[-1].text):
            current.append(Fragment(text, f.cell, f.line))
        elif is_issuer:
            if current:
                runs.append(current)
            current = [Fragment(text, f.cell, f.line)]
        elif current and (_RULE_RE.search(f.text) or f.cell == current[-1].cell):
            runs.append(current)
            current = []
        if _is_motto(f.text) or is_issuer or _RULE_RE.fullmatch(f.text.strip()):
            reading.header_lines.add(f.line)
    if current:
        runs.append(current)
    motto_lines = sorted({f.line for f in frags if _is_motto(f.text)})
    if len(runs) > 1 and motto_lines and runs[0][-1].line < motto_lines[0]:
        # The issuer's cell is printed opposite the motto: a run above the motto's row that
        # another run on that row follows is not the issuer but a stamp's or an e-portal
        # seal's text OCR'd above the header ("CỔNG THÔNG TIN ĐIỆN TỬ …", s17 dev ct11).
        on_row = [r for r in runs[1:] if r[0].line in motto_lines[:1]]
        if on_row:
            runs = on_row
    if runs:
        # A line printed twice is one line: text layers repeat a header line drawn twice
        # (the Gazette's "CHÍNH PHỦ / CHÍNH PHỦ", s15 dev nq175, read "Chính phủ Chính phủ");
        # no body's name repeats its own line.
        names = [f.text for k, f in enumerate(runs[0])
                 if k == 0 or " ".join(f.text.split()) != " ".join(runs[0][k - 1].text.split())]
        meta.issuer = issuer_name(" ".join(names), names)
        meta.issuer = re.sub(  # the founding decision keeps its spelling ("Quyết định số 1050/QĐ-SCT")
            r"\b(?:quyết định|qđ) số (\S+)$",
            lambda m: f"Quyết định số {canonical_doc_number(m.group(1))}", meta.issuer)

    if type_line is not None:
        meta.type = doc_type_of(lines[type_line].text)
        title, used = _title_after(lines, type_line, end)
        reading.header_lines.add(type_line)
        reading.header_lines.update(used)
        reading.title = title
        meta.title = f"{meta.type} {sentence_case(title)}".strip() if title else meta.type
        after = max([type_line, *used]) + 1
        authority = next((clean(lines[i].text) for i in range(after, min(end, after + 4))
                          if clean(lines[i].text)), "")
        if meta.issuer and is_caps(authority) and _is_authority(authority):
            meta.issuer = _issuer_with_locality(meta.issuer, authority, meta.place)
        elif meta.issuer is None and is_caps(authority) and (body := _authority_body(authority)):
            # The issuer's cell lost whole (a scan read by MinerU kept only the motto, s17 dev
            # qd-ubnd-2025-laichau): "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU" under the title
            # names the body with its level and place, as the header's cell would.
            meta.issuer = body
        central = _CENTRAL_CONCLUDERS.match(title or "")
        # A letter OCR doubled ("BAN CHẮÁP HÀNH", s15 dev ctr31) is the committee still.
        if central and meta.issuer and re.sub(r"(.)\1+", r"\1", fold(meta.issuer)) == "ban chap hanh trung uong":
            # "KẾT LUẬN CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ" under the Central Committee's header: the
            # Politburo and the Secretariat issue in the committee's name; the title names them.
            meta.issuer = caps_to_name(central.group(1)).replace("bộ chính trị", "Bộ Chính trị") \
                .replace("ban bí thư", "Ban Bí thư")
    for f in frags:
        reading.header_lines.add(f.line)
    return reading


# The Central Committee's bodies that issue under its header ("BAN CHẤP HÀNH TRUNG ƯƠNG"): a
# title "KẾT LUẬN CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ" names them (a Politburo conclusion of 2025).
# "CUA": a scan's OCR may drop the marks of "CỦA" (s15 dev ctr31).
_CENTRAL_CONCLUDERS = re.compile(r"^C(?:ỦA|UA)\s+((?:BỘ CHÍNH TRỊ|BAN BÍ THƯ)(?:\s*(?:,|VÀ)\s*(?:BỘ CHÍNH TRỊ|BAN BÍ THƯ))*)\b")
_LEVEL_WORDS = r"(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)"
_AUTHORITY_TITLE = re.compile(r"^(?:CHỦ TỊCH|BỘ TRƯỞNG|GIÁM ĐỐC|THỦ TƯỚNG)\s+")


def _authority_words(authority: str) -> str:
    """An authority line's body in canonical header words, its holder's title dropped
    ("CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH" → "ỦY BAN NHÂN DÂN TỈNH")."""
    return _AUTHORITY_TITLE.sub("", canonical_header_words(authority.replace("UỶ", "ỦY")))


def _place_key(place: str) -> str:
    """A place name folded, its hyphen spelt one way ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu")."""
    return re.sub(r"\s*-\s*", "-", fold(place))


def _issuer_with_locality(issuer: str, authority: str, place: str | None) -> str:
    """A local body read without its locality, completed from the authority line under the
    title.

    A crawl that writes each header row on one line keeps only the first line of each cell
    ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI …": "TỈNH NINH BÌNH" is lost; hethongphapluat and
    dulieuphapluat pages). A decision repeats its authority under the title: "ỦY BAN NHÂN DÂN
    TỈNH NINH BÌNH" names the body in full; "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" gives the level,
    and the place-date line the place. The authority must start with the body read; a body
    with its locality already is kept.
    """
    caps = issuer_name(issuer).upper()
    if re.search(rf"\b{_LEVEL_WORDS}\b", caps):
        return issuer
    body = _authority_words(authority)
    if not body.startswith(caps + " "):
        return issuer
    rest = body[len(caps) + 1:]
    if not re.match(rf"^{_LEVEL_WORDS}\b", rest):
        return issuer
    if re.fullmatch(_LEVEL_WORDS, rest):
        # The place-date line of a province's body may name its capital ("Phan Thiết, ngày
        # …" for Bình Thuận): a province's level takes a province's name only.
        provinces = {_place_key(p) for p in unit_data()["provinces"]}
        if not place or rest in ("TỈNH", "THÀNH PHỐ") and _place_key(place) not in provinces:
            return issuer
        body = f"{body} {place.upper()}"
    return issuer_name(body)


def _preamble_issuer(text: str) -> str | None:
    """"… Ban Thường vụ Tỉnh ủy Sơn La ban hành Kế hoạch …" → the body, if it names its place."""
    m = _ISSUED_BY_RE.search(text)
    if not m:
        return None
    issuer = m.group("issuer").strip()
    if _PROVINCE_RE.search(issuer):
        return issuer_name(issuer.upper())
    return None


# Letters no Vietnamese name is spelt with (the alphabet has no F, J, W, Z; "š" is no
# Vietnamese letter at all): a signer's name holding one is an OCR misreading.
_FOREIGN_LETTERS = re.compile(r"[fwzFWZ]|[^\W\dA-Za-zĐđÀ-ỹ]")


def read_signature(source: SourceText, start: int, end: int) -> tuple[str | None, int | None]:
    """The signer's name after the first authority line in lines ``start:end`` (and its line).

    The authority line is "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "HIỆU TRƯỞNG" …; the name is
    the next fragment shaped like a personal name, in the same cell when the block is a table.
    """
    lines = source.lines
    cell_state: dict[str, Any] = {}
    frags: list[Fragment] = []
    for i in range(start, min(end, start + _SIGNATURE_LINES)):
        frags.extend(_line_fragments(i, lines[i], cell_state))
    for k, f in enumerate(frags):
        text = f.text
        if label := RECIPIENTS_RE.match(text):
            # The title printed on the recipients' line, its column merged by OCR ("Nơi nhận:
            # BỘ TRƯỞNG", "Noi nhận:} - KT. TỔNG CỤC TRƯỞNG": s17 dev cv1457, held-out cv1046).
            text = text[label.end():].lstrip(" :;}])|-–")
        if (title_name := _title_then_name(text)) is not None:
            return title_name, f.line
        if not (is_caps(text) and (_SIGN_TITLE_RE.match(text) or _SIGN_WORDS.match(text))):
            continue
        for g in frags[k + 1 : k + 14]:
            if f.cell[0] in ("docx", "cols") and g.cell[0] == f.cell[0] and g.cell[-1] != f.cell[-1] \
                    and not (f.cell[0] == "cols" and g.line == f.line):
                continue  # the other column of a signature table (Nơi nhận); not the piece
                # right of the title on its own line ("THỦ TƯỚNG   Nguyễn Văn A")
            candidate = g.text.strip(" .")
            if _SIGNED_RE.match(candidate) or is_caps(candidate):
                continue
            if _NAME_RE.match(candidate):
                return candidate, g.line
            if (name := _name_through_marks(candidate)) is not None:
                return name, g.line
        break
    return None, None


_MARKED_WORD = re.compile(r"^[A-ZĐÀ-Ỹa-zđà-ỹ]+[!'\"`’‘”“|:;,.]+$")


def _name_through_marks(candidate: str) -> str | None:
    """A personal name with OCR's stray marks at its words' ends ("Lê! Văn An": a pen stroke
    of the signature read as "!", s17 held-out cv1046), or None. The marks are dropped only
    when every word is then a capitalised word and the line a name of two to five words; a
    recipients' line ("- Như trên;") or a code ("Lưu: VT") still is no name."""
    words = candidate.split()
    if not 2 <= len(words) <= 5 or not any(_MARKED_WORD.match(w) for w in words[:-1]):
        return None
    name = " ".join(_EDGE_MARKS.sub("", w) for w in words)
    return name if _NAME_RE.match(name) and not is_caps(name) else None


def _title_then_name(text: str) -> str | None:
    """The name of a signature block flattened into one cell or line: "KT. CHỦ TỊCH PHÓ CHỦ
    TỊCH Nguyễn Văn A", "THỦ TƯỚNG Nguyễn Văn A" (a markdown table row holding "Nơi nhận" and
    the signature, a docx block joined by the export: s14 dev ct13, cv3479, the Lào Cai
    mineral letter). The name is the mixed-case tail of two to five capitalised words after an
    upper-case authority title."""
    words = text.split()
    for k in range(1, len(words) - 1):  # the longest name first
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        if not is_caps(head) or not _NAME_RE.match(tail) or is_caps(tail):
            continue
        if (_SIGN_TITLE_RE.match(head) or _SIGN_WORDS.match(head)) and 2 <= len(words) - k <= 5:
            return tail
    return None


def _stamped_signer(source: SourceText, start: int, end: int) -> tuple[str | None, int | None]:
    """A scan's signer when the stamp hid the title above the name: the name alone on one of
    the last lines after "Nơi nhận" (AQr_2193, a department's notice: OCR read "Lê Hoàng Anh"
    under the recipients and nothing of "GIÁM ĐỐC"). Only for OCR'd text, where a title line can
    be lost; only a line that is a personal name and nothing else. The block ends at the next
    page: an attached plan's page after it (s17 dev qd2439, "Nơi nhận … / + / Hồ …" with the
    title lost) put its own lines last."""
    stop = min(end, start + _SIGNATURE_LINES)
    stop = next((i for i in range(start + 1, stop) if source.lines[i].page_break_before), stop)
    lines = [i for i in range(start, stop) if source.lines[i].text.strip()]
    for i in reversed(lines[-3:]):
        line = source.lines[i]
        if line.prov.ocr_confidence is None:
            return None, None
        candidate = line.text.strip(" .")
        if _NAME_RE.match(candidate) and not is_caps(candidate) and 2 <= len(candidate.split()) <= 5:
            return candidate, i
    return None, None


_SIGNATURE_LINES = 80  # a signature block with its "Nơi nhận" list fits in this many lines
_SIGN_PREFILTER = re.compile(r"^[\s*_|#]*(?:Nơi|NƠI|Nói|Noi|T\s*[/.]\s*[ML]|TM|K\s*[/.]\s*T|KT|TL|TUQ|Q\.|Q\s)")


def signature_start(source: SourceText, start: int, end: int, *, recipients_only: bool = False) -> int | None:
    """Index of the first line of the signature block ("Nơi nhận" or an authority line; with
    ``recipients_only``, the first "Nơi nhận" line), or None."""
    for i in range(start, end):
        line = source.lines[i]
        texts = [t for _, t in line.cells] if line.cells else [line.text]
        for raw in texts:
            if not _SIGN_PREFILTER.match(raw):
                continue  # most lines: no normalisation needed to say no
            text = clean(raw.split("\n")[0])
            if RECIPIENTS_RE.match(text):
                return i
            if not recipients_only and is_caps(text) and _SIGN_TITLE_RE.match(text) and len(text.split()) <= 12:
                return i
    return None


_TITLE_PREFILTER = re.compile(r"^[\s*_|#]*(?:PHÓ\s+)?(?:CHỦ|BÍ|GIÁM|HIỆU|TRƯỞNG|BỘ|THỦ|CHÁNH|CỤC|VIỆN|TỔNG)")


def _title_lines(source: SourceText, start: int, end: int) -> list[int]:
    """Lines from ``start`` holding a signer's bare title (upper case, a few words)."""
    out = []
    for i in range(start, end):
        line = source.lines[i]
        texts = [t for _, t in line.cells] if line.cells else [line.text]
        for raw in texts:
            if _TITLE_PREFILTER.match(raw):
                text = clean(raw.split("\n")[0])
                if is_signer_title(text):
                    out.append(i)
                    break
    return out


# "V/v đính chính …", and OCR's "V/ triển khai …" (the v lost), beside the number of a letter.
_SUBJECT_LINE = re.compile(r"(?:^|\s)V\s*/\s*[vV]?\s+\w")
_ADDRESSEE_LINE = re.compile(r"(?:^|\s)Kính\s+gửi\s*:")


def _is_letter(preamble: str) -> bool:
    """Whether the preamble reads as an administrative letter's: a "V/v …" (về việc) subject
    line under the number, or addressees "Kính gửi: …" (a crawl that starts at them)."""
    return bool(_SUBJECT_LINE.search(preamble) or _ADDRESSEE_LINE.search(preamble))


def complete_meta(meta: DocumentMeta, preamble: str, warnings: list[ParseWarning],
                  unreadable: dict[str, str] | None = None) -> None:
    """Fill what the header left open from safe sources, then warn about what stays unknown
    (``unreadable``: fields whose line was found but not its value, with that line)."""
    if meta.issuer is None:
        meta.issuer = _preamble_issuer(preamble)
    elif (named := _preamble_issuer(preamble)) and meta.place and fold(meta.place) in fold(named):
        # A bare "Ủy ban nhân dân" (the crawl kept one line of the cell) and a plan that says
        # "Ủy ban nhân dân tỉnh Cao Bằng ban hành Kế hoạch …": the same body with its place,
        # the place its place-date line names (not a higher body its preamble cites).
        meta.issuer = _issuer_with_locality(meta.issuer, named.upper(), meta.place)
    if meta.place is None and meta.issuer and (m := _PROVINCE_RE.search(meta.issuer)):
        meta.place = m.group("place")
    if meta.type is None and meta.number:
        meta.type = type_from_number(meta.number)
    if meta.type is None and _is_letter(preamble):
        # An administrative letter prints no type word: its "V/v …" subject line is what makes it
        # a Công văn (the scans U9c_513, HzW_18), or with none kept, its "Kính gửi: …" (s15: two
        # letters whose crawl starts at the addressees).
        meta.type = "Công văn"
    if meta.issuer and fold(meta.issuer) in _LOCAL_BODIES:
        # A local body's name without its locality: a crawl that kept one line of the cell.
        warnings.append(ParseWarning(
            "meta_incomplete",
            f"issuer read as “{meta.issuer}”, without its locality (left as read, not guessed)",
            None))
    missing = [f for f in META_FIELDS if getattr(meta, f) is None]
    if missing:
        seen = [f"{name} not readable in “{line}”" for name, line in (unreadable or {}).items()
                if name in missing]
        warnings.append(ParseWarning(
            "meta_unreadable",
            f"header field(s) not found: {', '.join(missing)} (left empty, not guessed)"
            + "".join(f"; {s}" for s in seen),
            None,
        ))


_LOCAL_BODIES = {"uy ban nhan dan", "hoi dong nhan dan"}  # folded; they take a level and place


def type_from_number(number: str) -> str | None:
    """The type from the kind code inside a number (43/KH-UBND, 58-KH/HU)."""
    for code in re.split(r"[-/]", number)[1:]:
        name = KIND_CODES.get(fold(code).upper())
        if name:
            return name
    return None


# ---------------------------------------------------------------------------------------------
# Attached documents
# ---------------------------------------------------------------------------------------------


@dataclass
class Attached:
    """A document printed after a decision that issues it: where it starts and what it is."""

    line: int  # first source line of the attached document (its header)
    type_line: int
    prefix: str
    meta: DocumentMeta
    header_lines: set[int] = field(default_factory=set)


_CAPS_START = re.compile(r"^[\s*_#]*[A-ZĐÀ-Ỹ]{2}")


def find_attached(source: SourceText, meta: DocumentMeta, body_text: str,
                  sign_line: int | None) -> list[Attached]:
    """Attached documents after the signature of a decision that issues them, or of a letter
    that forwards one.

    The decision's own text must say it issues one ("Ban hành kèm theo Quyết định này Kế
    hoạch …"); the attached document then starts at the first type line of that type after
    the decision's signature, together with the header fragments just above it. A letter that
    says it sends a document with it ("… Thông tư số 48/2017/TT-BYT … (đính kèm)", HzW_18: a
    department's cover letter and the ministry's circular, scanned together) has one when a
    second header (the national motto, then a type line) follows its signature.
    """
    m = _ATTACHED_RE.search(body_text)
    if not m:
        return _forwarded(source)
    if sign_line is None:
        return []
    named = title_type(m.group("type") or m.group("type2") or m.group("type3"))
    lines = source.lines
    # The named type first; a draft may announce a "Quy định" and attach a "QUY CHẾ".
    type_lines = [(i, doc_type_of(lines[i].text)) for i in range(sign_line + 1, len(lines))
                  if not lines[i].cells and len(lines[i].text) < 200
                  and _CAPS_START.match(lines[i].text)]
    found = [(i, t) for i, t in type_lines if t == named] or [
        (i, t) for i, t in type_lines if t in ATTACHED_PREFIX]
    if not found:
        return _accompanied(source, meta, named, sign_line)
    i, wanted = found[0]
    first = i
    # The attached document's own header (issuer | motto table, rules) sits just above it.
    for j in range(i - 1, sign_line, -1):
        prev = lines[j]
        prev_text = clean(prev.text)
        if prev.cells and any(_is_motto(t) for _, t in prev.cells):
            first = j
        elif prev_text and (_is_motto(prev_text) or _RULE_RE.fullmatch(prev_text)
                            or (is_caps(prev_text) and not _SIGN_WORDS.match(prev_text)
                                and not _SIGN_TITLE_RE.match(prev_text))):
            first = j
        elif prev_text and not prev.cells:
            break
    sub = read_header(source, first, len(lines))
    issuer = sub.meta.issuer
    if issuer is None or (fold(issuer) in _LOCAL_BODIES and meta.issuer
                          and fold(meta.issuer).startswith(fold(issuer) + " ")):
        issuer = meta.issuer  # the plan's cell kept "ỦY BAN NHÂN DÂN" only: the decision's body
    attached = DocumentMeta(type=wanted, issuer=issuer,
                            number=sub.meta.number, date=sub.meta.date or meta.date,
                            place=sub.meta.place or meta.place)
    attached.title = sentence_case(sub.title) if sub.title else None
    return [Attached(line=first, type_line=i, prefix=ATTACHED_PREFIX.get(wanted or "", "PL"),
                     meta=attached, header_lines=sub.header_lines | set(range(first, i + 1)))]


_TITLE_REACH = 4  # caps lines of an attached document's title above its "(Ban hành kèm theo …)"


def _accompanied(source: SourceText, meta: DocumentMeta, wanted: str | None,
                 sign_line: int) -> list[Attached]:
    """The announced document when the crawl lost its type line: its capitals title and its
    "(Ban hành kèm theo Quyết định số …)" line after the decision's signature (Bình Định
    3741/QĐ-UBND 2018: "| TM. ỦY BAN NHÂN DÂN |", then "ỨNG PHÓ VỚI … NĂM 2018", then the
    accompanying line). Its type is the one the decision announced; [] when no such line."""
    if wanted is None:
        return []
    lines = source.lines
    for i in range(sign_line + 1, len(lines)):
        m = _ACCOMPANY_RE.match(clean(lines[i].text))
        if m is None or m.group("type") not in ("Quyết định", "Nghị quyết"):
            continue
        title: list[int] = []
        for j in range(i - 1, sign_line, -1):
            text = clean(lines[j].text)
            if not text:
                continue
            if (len(title) >= _TITLE_REACH or not is_caps(text) or _is_motto(text) or _RULE_RE.fullmatch(text)
                    or _SIGN_WORDS.match(text) or _SIGN_TITLE_RE.match(text)):
                break
            title.insert(0, j)
        if not title:
            return []
        attached = DocumentMeta(type=wanted, issuer=meta.issuer, number=None, date=meta.date, place=meta.place)
        attached.title = sentence_case(" ".join(clean(lines[k].text) for k in title))
        return [Attached(line=title[0], type_line=title[0], prefix=ATTACHED_PREFIX.get(wanted, "PL"),
                         meta=attached, header_lines={*title, i})]
    return []


# A letter's words for a document it sends along.
_FORWARDS_RE = re.compile(r"\b(?:đính kèm|gửi kèm|kèm theo (?:công văn|văn bản) này|sao gửi)\b", re.IGNORECASE)
# Prefixes of the documents a letter forwards (the decision's attachments keep ATTACHED_PREFIX).
_FORWARDED_PREFIX = {**ATTACHED_PREFIX, "Thông tư": "TT", "Nghị định": "NĐ", "Quyết định": "QĐ",
                     "Nghị quyết": "NQ", "Chỉ thị": "CT", "Thông báo": "TB", "Bản thỏa thuận": "BTT"}
_MOTTO_REACH = 4  # lines between the motto and the type line of a second header


def _forwarded(source: SourceText) -> list[Attached]:
    """The document a letter forwards, printed after the letter's "Nơi nhận" under a header of
    its own (the motto, then its type line); [] when the letter says it sends none. The letter
    is what comes before its first "Nơi nhận" (the outline found further on is the forwarded
    document's)."""
    lines = source.lines
    sign_line = next((i for i, line in enumerate(lines) if RECIPIENTS_RE.match(clean(line.text))), None)
    if sign_line is None or not _FORWARDS_RE.search(" ".join(line.text for line in lines[:sign_line])):
        return []
    for i in range(sign_line + 1, len(lines)):
        text = lines[i].text
        if lines[i].cells or len(text) >= 200 or not _CAPS_START.match(text):
            continue
        wanted = doc_type_of(text)
        if wanted not in _FORWARDED_PREFIX:
            continue
        motto = next((j for j in range(i - 1, max(sign_line, i - 1 - _MOTTO_REACH), -1)
                      if _is_motto(clean(lines[j].text))), None)
        if motto is None:
            continue
        first = motto
        for j in range(motto - 1, max(sign_line, motto - 4), -1):
            if is_caps(clean(lines[j].text)) and not _SIGN_WORDS.match(clean(lines[j].text)):
                first = j  # the issuer above the motto ("BỘ Y TẾ")
        sub = read_header(source, first, len(lines))
        attached = DocumentMeta(type=wanted, issuer=sub.meta.issuer, number=sub.meta.number,
                                date=sub.meta.date, place=sub.meta.place)
        attached.title = sentence_case(sub.title) if sub.title else None
        return [Attached(line=first, type_line=i, prefix=_FORWARDED_PREFIX[wanted], meta=attached,
                         header_lines=sub.header_lines | set(range(first, i + 1)))]
    return []


def attached_dict(att: Attached) -> dict[str, Any]:
    m = att.meta
    return {"type": m.type, "number": m.number, "date": m.date, "issuer": m.issuer,
            "title": m.title, "prefix": att.prefix}


def paragraph_lines(paras: list[Paragraph], source: SourceText) -> list[int]:
    """Index of each paragraph's first source line."""
    where = {(ln.prov.page, ln.prov.line): i for i, ln in enumerate(source.lines)}
    return [where.get((p.prov.page, p.prov.line), 0) for p in paras]


# An appendix names the document it belongs to: "(Kèm theo Hướng dẫn số 12-HD/BTG, ngày
# 3/4/2025 của Ban Tuyên giáo …)", "(Ban hành kèm theo Nghị quyết số 7/NQ-CP ngày 05 tháng 6
# năm 2025 của Chính phủ)".
_SELF_REFERENCE_RE = re.compile(
    r"\(\s*(?:Ban hành\s+)?[Kk]èm\s+theo\s+(?P<type>[^\d()]{3,30}?)\s+số\s*:?\s*(?P<num>\d[^\s,;()]*)"
    r"[\s,]*ngày\s*(?:(?P<d>\d{1,2})\s*tháng\s+(?P<m>\d{1,2})[A-Za-z]?\s*năm\s+(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})\s*/\s*(?P<y2>\d{4}))"
    r"(?:\s+của\s+(?P<issuer>[^()]{2,120}?))?\s*\)"
)


def _fill_from_self_reference(source: SourceText, meta: DocumentMeta, letter: bool = False) -> None:
    """Number, date and issuer from an appendix's "(Kèm theo <type> số …)" line, when the
    header gives no number (a crawl that kept the body without its header block: a Party
    guidance and a Government resolution of s13, whose stored text opens at the title).

    Only a reference to the document itself counts: its type word is the header's type and
    the number's kind code says the same type (HD for Hướng dẫn, NQ for Nghị quyết); a plan
    "kèm theo Quyết định số …" names the decision that issues it, another document. A letter's
    number has no kind code ("6386/BVHTTDL-KHCNĐTMT"): "Kèm theo Công văn số …" counts in a
    text addressed "Kính gửi" or with a "V/v" line (``letter``) whose header gives no other type.
    GUIDELINES-real.md **[decided, s16 fixA]**.
    """
    if meta.number is not None:
        return
    # Read through a scan's OCR as the number line is: "s6:" for "số:", "OD" for the kind code
    # "QĐ", "ngày22tháng 4Jnăm" (spaces lost, a stray glyph by the month's digit): s17 dev
    # qd2439, whose own number line was garbled ("#32 /QD-BIC").
    text = _OCR_NUMBER_LABEL.sub("số:", " ".join(clean(line.text) for line in source.lines))
    for m in _SELF_REFERENCE_RE.finditer(text):
        kind = title_type(m.group("type").strip())
        number = canonical_doc_number(re.sub(r"(?<=/)O[DĐ](?=-)", "QĐ", m.group("num")))
        coded = type_from_number(number)
        own_letter = kind == "Công văn" and coded is None and letter
        if kind is None or meta.type not in (None, kind) or coded != kind and not own_letter:
            continue
        meta.number, meta.type = number, kind
        if meta.date is None:
            meta.date = _iso(*(m.group("d", "m", "y") if m.group("d") else m.group("d2", "m2", "y2")))
        if meta.issuer is None and m.group("issuer"):
            meta.issuer = " ".join(m.group("issuer").split())
        return


@dataclass
class DocumentHeader:
    """The header reading the outline needs: metadata, which paragraphs are the header (title
    segments), and where an attached document starts (paragraph index) with its id prefix."""

    meta: DocumentMeta
    title_paragraphs: set[int] = field(default_factory=set)
    attached: list[tuple[int, Attached]] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)


def read_document_header(source: SourceText, paras: list[Paragraph], body_start: int,
                         sign_start: int) -> DocumentHeader:
    """Header, signature and attached documents of a whole file.

    ``body_start``/``sign_start`` are the outline's paragraph bounds (first outline paragraph,
    first signature paragraph); the header is read from the lines before the body, the signer
    from the first signature block after it.
    """
    n = len(source.lines)
    para_line = paragraph_lines(paras, source)
    reading = read_header(source, 0, n)
    meta = reading.meta
    out = DocumentHeader(meta)
    body_line = para_line[body_start] if body_start < len(paras) and body_start > 0 else 0
    header_end = max(reading.header_lines, default=-1) + 1
    sign_line = signature_start(source, max(body_line, header_end), n)
    own = signature_start(source, header_end, body_line, recipients_only=True)
    if own is not None:
        # A letter sending a draft ("xin gửi kèm theo"): its outline is the draft's, so the
        # search from the body began after the letter's own "Nơi nhận" and read the draft's
        # signature, or none (s17 dev cv1457). A recipients' list before the body can only be
        # the document's own signature block.
        sign_line = own
    name_line = None
    if sign_line is not None:
        meta.signer, name_line = read_signature(source, sign_line, n)
    if meta.signer is None:
        # No "Nơi nhận"/TM. line: a bare title ("CHỦ TỊCH QUỐC HỘI", "HIỆU TRƯỞNG") over a name.
        for line in _title_lines(source, max(body_line, header_end), n):
            signer, at = read_signature(source, line, n)
            if signer:
                meta.signer, name_line, sign_line = signer, at, sign_line or line
                break
    if meta.signer is None and sign_line is not None:
        meta.signer, name_line = _stamped_signer(source, sign_line, n)
    if meta.signer and (_FOREIGN_LETTERS.search(meta.signer)
                        or any(w[1:] != w[1:].lower() for w in meta.signer.split())):
        # A name OCR garbled ("š Zuyến …", "SỐ ãaãốTố" under a seal, s17 dev ct11, s15 dev
        # ctr31): no Vietnamese name is spelt with these letters or with a capital inside a
        # word, and which name was printed is a guess; left empty with the warning
        # (GUIDELINES-real.md **[decided, s18 fixAC]**).
        reading.unreadable["signer"] = meta.signer
        meta.signer = None
    # From the first paragraph: an OCR glyph before "Điều 1." ("„ Điều 1. Ban hành kèm theo …", s17
    # dev qd2439-btc-2022) leaves the article in the preamble, where its "kèm theo Quyết định
    # này" still issues the plan (a "Căn cứ" line never says "này" of another document).
    body_text = " ".join(p.text for p in paras[:sign_start])
    for att in find_attached(source, meta, body_text, name_line or sign_line):
        start = next((k for k, ln in enumerate(para_line) if ln >= att.line), len(paras))
        out.attached.append((start, att))
    if out.attached:
        meta.attached = [attached_dict(att) for _, att in out.attached]
    out.title_paragraphs = {
        i for i in range(min(body_start, len(paras))) if para_line[i] in reading.header_lines
    }
    for start, att in out.attached:
        out.title_paragraphs.update(
            k for k in range(start, len(paras)) if para_line[k] in att.header_lines
        )
    preamble = " ".join(p.text for p in paras[:body_start])
    _fill_from_self_reference(source, meta, letter=_is_letter(preamble))
    complete_meta(meta, preamble, out.warnings, reading.unreadable)
    # A document's own header holds no box labels: its region and the page text above it are
    # read for the box.
    out.warnings.extend(portal_box_warnings(source.lines[:header_end], meta))
    return out


# The labels of a law portal's info box above the document ("Số hiệu: 3298/KH-UBND Loại văn
# bản: Văn bản khác", "Người ký: …", "Ngày ban hành: 25/09/2018"), several on one line.
_BOX_LABEL = re.compile(
    r"(Số hiệu|Số ký hiệu|Loại văn bản|Nơi ban hành|Cơ quan ban hành|Người ký|Ngày ban hành"
    r"|Ngày phát hành|Ngày hiệu lực|Ngày có hiệu lực|Ngày công báo|Số công báo|Tình trạng"
    r"|Lĩnh vực)\s*:"
)
_BOX_FIELDS = {"Số hiệu": "number", "Số ký hiệu": "number", "Người ký": "signer",
               "Ngày ban hành": "date", "Ngày phát hành": "date"}


def read_portal_box(lines: list[SourceLine]) -> dict[str, str]:
    """Number, date and signer as a portal's info box above the document states them."""
    out: dict[str, str] = {}
    for line in lines:
        text = clean(line.text)
        parts = _BOX_LABEL.split(text)
        for label, value in zip(parts[1::2], parts[2::2], strict=True):
            value = value.strip(" |;,")
            name = _BOX_FIELDS.get(label)
            if not name or not value or name in out:
                continue
            if name == "date":
                m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
                value = _iso(*m.groups()) if m else None
            elif name == "number":
                value = canonical_doc_number(value.split()[0]) if re.search(r"\d", value) else None
            elif not _NAME_RE.match(value):
                value = None
            if value:
                out[name] = value
    return out


def portal_box_warnings(lines: list[SourceLine], meta: DocumentMeta) -> list[ParseWarning]:
    """Warnings where a portal's info box disagrees with the document's own header.

    The header is the document's word and stays; the box is the portal's transcription
    (thuvienphapluat writes "Loại văn bản: Văn bản khác" for a plan), so it never fills or
    replaces a field. A field the box gives and the header does not is named too, for a reader
    to check by hand.
    """
    box = read_portal_box(lines)
    warnings = []
    for name, value in box.items():
        own = getattr(meta, name)
        if own is None:
            warnings.append(ParseWarning(
                "portal_box_only",
                f"{name}: the document's header gives none; the page's info box says “{value}” "
                "(not used)", None))
        elif own != value:
            warnings.append(ParseWarning(
                "portal_box_disagrees",
                f"{name}: the page's info box says “{value}”, the document's header “{own}” "
                "(the header is kept)", None))
    return warnings
