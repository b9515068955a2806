"""Parse a document's structure: metadata, the outline tree, and search segments.

Vietnamese plans share one shape: a header block (issuer, number, place and date, the title),
a preamble, Roman parts ("I-", "II."), numbered items ("1.", "2.1."), lettered items ("a)"),
bullets ("- ", "+ "), topical paragraphs inside an item ("Về y tế: ..."), and a signature block
("Nơi nhận", "T/M BAN THƯỜNG VỤ", the signer's name). Section ids are the dotted form of the
document's own numbering (``III.6``, ``IV.2.1``); a topical part is ``III.6:ve-y-te``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chinhsach.model import (
    Document,
    DocumentMeta,
    Paragraph,
    ParseWarning,
    PlanPart,
    Section,
    Segment,
    SourceText,
)
from chinhsach.text.docnumber import KIND_CODES, canonical_doc_number
from chinhsach.text.normalize import fold, paragraphs

# ---------------------------------------------------------------------------------------------
# Markers of the outline
# ---------------------------------------------------------------------------------------------

_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_PART_RE = re.compile(
    rf"^(?:(?:PHẦN|Phần|CHƯƠNG|Chương)\s+(?P<word>{_ROMAN}|\d+)\b\s*[-.:–]?\s*"
    rf"|(?P<roman>{_ROMAN})\s*[-.–)]\s*)(?P<rest>.*)$"
)
_SUBITEM_RE = re.compile(r"^(?P<num>\d+(?:\.\d+)+)\s*[.)]?\s+(?P<rest>\S.*)$")
_ITEM_RE = re.compile(
    r"^(?:(?:Mục|MỤC|Điều|ĐIỀU)\s+(?P<word>\d+)\s*[.:-]?\s*|(?P<num>\d+)\s*[.)]\s+)(?P<rest>\S.*)$"
)
_LETTER_RE = re.compile(r"^(?P<letter>[a-zđ])\s*\)\s*(?P<rest>\S.*)$")
# Bullets, and parenthesised numbers "(1)", "(2)" that list the members of an item (target
# lists of the real plans; GUIDELINES-real.md: they keep the id of the enclosing item).
_BULLET_RE = re.compile(r"^(?:[-–—+•*·]|\(\d{1,2}\))\s*(?P<rest>\S.*)$")
_TOPIC_RE = re.compile(r"^(?P<topic>Về\s[^:.;]{2,80}?)\s*:\s*(?P<rest>.*)$")

_DOC_TYPES = {
    "KẾ HOẠCH": "Kế hoạch",
    "NGHỊ QUYẾT": "Nghị quyết",
    "QUYẾT ĐỊNH": "Quyết định",
    "CHƯƠNG TRÌNH": "Chương trình",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG": "Chương trình hành động",
    "KẾT LUẬN": "Kết luận",
    "CHỈ THỊ": "Chỉ thị",
    "THÔNG BÁO": "Thông báo",
    "HƯỚNG DẪN": "Hướng dẫn",
    "ĐỀ ÁN": "Đề án",
    "BÁO CÁO": "Báo cáo",
    "TỜ TRÌNH": "Tờ trình",
    "QUY ĐỊNH": "Quy định",
    "CÔNG VĂN": "Công văn",
}
# "Số: 43/KH-UBND" / "Số 58-KH/HU" at the start of a header line or after a column gap.
_NUMBER_RE = re.compile(
    r"(?:^|\s{2,}|\t|\|\s*)(?:Số|SỐ)\s*:?\s*(?P<num>\d+[\w/.\-–đĐ ]*?[A-Za-zĐđ]+[\w\-–/]*)"
)
_DATE_LINE_RE = re.compile(
    r"^(?P<place>[^\d,]{2,40}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})",
    re.IGNORECASE,
)
_NAME_RE = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\s){1,4}[A-ZĐÀ-Ỹ][a-zđà-ỹ]+$")
_SIGN_TITLE_RE = re.compile(r"^(?:T/M|TM\.?|KT\.?|TL\.?|TUQ\.?|Q\.)\s*", re.IGNORECASE)
_ISSUED_BY_RE = re.compile(
    r"(?P<issuer>(?:[A-ZĐÀ-Ỹ][\wđ]*\s+){1,10}?(?:[\wđ]+\s+){0,3}?[A-ZĐÀ-Ỹ][\wđ]*(?:\s+[A-ZĐÀ-Ỹ][\wđ]*)*)\s+ban hành\b"
)
_PROVINCE_RE = re.compile(
    r"\b(?:tỉnh|Tỉnh ủy|Tỉnh|huyện|Huyện ủy|thành phố|Thành ủy|quận|thị xã)\s+"
    r"(?P<place>(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+)(?:\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]+){0,3})"
)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])")
_ABBREV_END_RE = re.compile(r"(?:\b(?:TP|Tp|St|Th\.S|ThS|TS|PGS|GS|BS|Ths|v\.v|Q)\.|\b[A-ZĐ]\.)$")

# Segments longer than this many words are split at sentence boundaries (the embedding model
# reads at most 512 tokens; about 1.6 tokens a Vietnamese syllable leaves a wide margin).
MAX_SEGMENT_WORDS = 160
# A single sentence longer than this is split at clause boundaries, never truncated.
MAX_SENTENCE_WORDS = 260
MAX_SEGMENT_CHARS = 1600
MAX_RUN_CHARS = 400
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")


def slugify(text: str) -> str:
    """An ASCII id from Vietnamese text: "Về nước sạch" → "ve-nuoc-sach"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def roman_to_int(roman: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for a, b in zip(roman, roman[1:] + " ", strict=True):
        va, vb = values[a], values.get(b, 0)
        total += -va if va < vb else va
    return total


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; a dot after an abbreviation or inside a number does not end one."""
    pieces: list[str] = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(text):
        head = text[start : m.start()].rstrip()
        if _ABBREV_END_RE.search(head):
            continue
        pieces.append(text[start : m.start()].strip())
        start = m.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def _split_long_sentence(sentence: str, max_words: int) -> list[str]:
    """Cut an over-long sentence at ``;`` then ``,`` boundaries into parts under the limit."""
    words = sentence.split()
    if len(words) <= max_words:
        return [sentence]
    for sep in (";", ","):
        clauses = [c.strip() for c in re.split(rf"(?<={sep})\s+", sentence) if c.strip()]
        if len(clauses) > 1:
            return _pack(clauses, max_words, lambda c: _split_long_sentence(c, max_words))
    # No clause boundary at all: cut on words (still no character is dropped).
    return [" ".join(words[i : i + max_words]) for i in range(0, len(words), max_words)]


def _pack(units: list[str], max_words: int, split_unit) -> list[str]:
    """Greedily pack consecutive units into chunks of at most ``max_words`` words."""
    chunks: list[str] = []
    current: list[str] = []
    count = 0
    for unit in units:
        n = len(unit.split())
        if n > max_words:
            if current:
                chunks.append(" ".join(current))
                current, count = [], 0
            chunks.extend(split_unit(unit))
            continue
        if current and count + n > max_words:
            chunks.append(" ".join(current))
            current, count = [], 0
        current.append(unit)
        count += n
    if current:
        chunks.append(" ".join(current))
    return chunks


def split_segment_text(text: str, max_words: int = MAX_SEGMENT_WORDS) -> list[str]:
    """Split a long paragraph at sentence boundaries into parts of about ``max_words`` words.

    A part is also kept under ``MAX_SEGMENT_CHARS`` characters: a run without spaces (a table
    flattened to one line, a URL list) would otherwise pass the word limit and exceed the model's
    512 tokens.
    """
    if len(text.split()) <= max_words and len(text) <= MAX_SEGMENT_CHARS and not _LONG_RUN.search(text):
        return [text]
    parts = _pack(
        split_sentences(text), max_words, lambda s: _split_long_sentence(s, MAX_SENTENCE_WORDS)
    )
    out: list[str] = []
    for part in parts:
        while True:
            run = _LONG_RUN.search(part, 0, MAX_SEGMENT_CHARS + 1)
            if run is not None:
                cut = run.start() if run.start() > 0 else MAX_RUN_CHARS
            elif len(part) > MAX_SEGMENT_CHARS:
                cut = part.rfind(" ", 0, MAX_SEGMENT_CHARS)
                cut = cut if cut > MAX_SEGMENT_CHARS // 2 else MAX_SEGMENT_CHARS
            else:
                break
            out.append(part[:cut].strip())
            part = part[cut:].strip()
        if part:
            out.append(part)
    return out


# ---------------------------------------------------------------------------------------------
# Metadata
# ---------------------------------------------------------------------------------------------


def _iso(d: str, m: str, y: str) -> str | None:
    day, month, year = int(d), int(m), int(y)
    if not (1 <= day <= 31 and 1 <= month <= 12 and 1900 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _is_caps_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _title_case_type(text: str) -> str | None:
    key = " ".join(text.upper().split())
    for caps, name in sorted(_DOC_TYPES.items(), key=lambda kv: -len(kv[0])):
        if key == caps or key.startswith(caps + " "):
            return name
    return None


def _type_from_number(number: str) -> str | None:
    """The type from the kind code inside a number (43/KH-UBND, 58-KH/HU)."""
    for code in re.split(r"[-/]", number)[1:]:
        name = KIND_CODES.get(fold(code).upper())
        if name:
            return name
    return None


@dataclass
class _Header:
    meta: DocumentMeta
    title_paragraphs: set[int] = field(default_factory=set)


def _parse_header(paras: list[Paragraph], body_start: int, sign_start: int) -> _Header:
    meta = DocumentMeta()
    header = _Header(meta)
    caps_issuer: list[str] = []
    for i, p in enumerate(paras[:body_start]):
        text = p.text
        if meta.number is None and (m := _NUMBER_RE.search(text)):
            meta.number = canonical_doc_number(m.group("num"))
            header.title_paragraphs.add(i)
        if meta.date is None and (m := _DATE_LINE_RE.match(text)):
            meta.date = _iso(m.group("d"), m.group("m"), m.group("y"))
            meta.place = m.group("place").strip()
            header.title_paragraphs.add(i)
            continue
        doc_type = _title_case_type(text) if _is_caps_line(text.split(" ")[0]) else None
        if meta.type is None and doc_type:
            meta.type = doc_type
            rest = text[len(doc_type) :].strip(" :-*")
            meta.title = f"{doc_type} {rest}".strip()
            header.title_paragraphs.add(i)
            continue
        if meta.title and i - 1 in header.title_paragraphs and not _ISSUED_BY_RE.search(text):
            # The title's second line (bold, or "V/v ..."), before the preamble starts; titles
            # end without punctuation, preambles ("Căn cứ ...;") with it.
            if (len(text.split()) <= 60 and not text.endswith((":", ";", "."))
                    and not re.match(r"^(Căn cứ|Thực hiện|Theo|Xét|Để|Nhằm)\b.*[;:.]", text)):
                meta.title = f"{meta.title} {text}"
                header.title_paragraphs.add(i)
                continue
        if meta.type is None and _is_caps_line(text) and len(text.split()) <= 12:
            if any(motto in text for motto in ("CỘNG HÒA", "Độc lập", "ĐỘC LẬP", "ĐẢNG CỘNG SẢN")):
                header.title_paragraphs.add(i)
                continue
            if not text.startswith(("Số", "SỐ")):
                caps_issuer.append(text)
                header.title_paragraphs.add(i)
    if caps_issuer:
        # "ỦY BAN NHÂN DÂN / TỈNH HÀ GIANG", "ĐẢNG BỘ TỈNH SƠN LA / HUYỆN ỦY MAI SƠN": the last
        # block names the issuer; a lone level word joins the line before it.
        last = caps_issuer[-1]
        if len(caps_issuer) > 1 and re.match(r"^(TỈNH|HUYỆN|THÀNH PHỐ|QUẬN|THỊ XÃ|XÃ)\b(?!\s+ỦY)", last):
            last = f"{caps_issuer[-2]} {last}"
        meta.issuer = _caps_to_name(last)
    preamble = " ".join(p.text for p in paras[:body_start])
    if meta.issuer is None and (m := _ISSUED_BY_RE.search(preamble)):
        meta.issuer = m.group("issuer").strip()
    if meta.issuer is None:
        for p in paras[sign_start:]:
            if _SIGN_TITLE_RE.match(p.text):
                meta.issuer = _caps_to_name(_SIGN_TITLE_RE.sub("", p.text).split("  ")[0])
                break
    if meta.place is None and meta.issuer and (m := _PROVINCE_RE.search(meta.issuer)):
        meta.place = m.group("place")
    if meta.type is None and meta.number:
        meta.type = _type_from_number(meta.number)
    for p in reversed(paras[sign_start:]):
        text = p.text.strip("* ")
        if _NAME_RE.match(text):
            meta.signer = text
            break
    return header


_KEEP_UPPER = {"UBND", "HĐND", "MTTQ", "TW", "BCH", "NQ", "KH", "QĐ"}
_LEVELS = {"tỉnh", "huyện", "quận", "xã", "phường", "phố", "trấn"}
_BODY_HEADS = {"sở", "bộ", "phòng", "cục", "viện", "hội", "tâm"}


def _caps_to_name(text: str) -> str:
    """"ỦY BAN NHÂN DÂN TỈNH HÀ GIANG" → "Ủy ban nhân dân tỉnh Hà Giang"; "SỞ Y TẾ" → "Sở Y tế"."""
    words = text.split()
    if not words or not _is_caps_line(text):
        return text
    low = [w.lower() for w in words]
    out: list[str] = []
    place = False
    for i, w in enumerate(low):
        nxt = low[i + 1] if i + 1 < len(low) else ""
        prev = low[i - 1] if i else ""
        if words[i] in _KEEP_UPPER:
            out.append(words[i])
        elif i == 0 or place or (prev in _BODY_HEADS and low[i - 2 : i] != ["đảng", "bộ"]) or (
                prev == "ban" and low[i - 2 : i - 1] != ["ủy"]):
            out.append(w.capitalize())
        elif w in _LEVELS and nxt == "ủy":
            out.append(w.capitalize())  # Tỉnh ủy, Huyện ủy
        else:
            out.append(w)
        # Place names follow a level word ("tỉnh Hà Giang") or a Party committee ("Tỉnh ủy Sơn La").
        if (w in _LEVELS and nxt != "ủy") or (w == "ủy" and prev in _LEVELS):
            place = True
    return " ".join(out).replace("Ban thường vụ", "Ban Thường vụ").replace("ban thường vụ", "Ban Thường vụ")


# ---------------------------------------------------------------------------------------------
# Outline
# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# Plan parts: the one place that decides which part of a plan a section is
# ---------------------------------------------------------------------------------------------

# Cue words of each part, on folded headings. When a heading names several ("NHIỆM VỤ, GIẢI
# PHÁP, PHÂN CÔNG TRÁCH NHIỆM"), the first one printed decides: it is what the part is about.
_PART_CUES: tuple[tuple[PlanPart, re.Pattern[str]], ...] = (
    ("situation", re.compile(r"\b(?:tinh hinh|ket qua(?: dat duoc| thuc hien| trien khai)?|danh gia|"
                             r"thuc trang|boi canh|so ket|tong ket)\b")),
    ("objectives", re.compile(r"\b(?:muc dich|yeu cau|muc tieu|chi tieu|tam nhin|quan diem)\b")),
    ("organisation", re.compile(r"\b(?:to chuc thuc hien|phan cong|trach nhiem|che do bao cao|"
                                r"dieu khoan thi hanh)\b")),
    ("tasks", re.compile(r"\b(?:nhiem vu|giai phap|noi dung|hoat dong|chuong trinh hanh dong)\b")),
    ("other", re.compile(r"\b(?:kinh phi|nguon (?:von|luc tai chinh)|pham vi|doi tuong|thoi gian|"
                         r"khen thuong|dieu khoan)\b")),
)
# A top-level part named by an action ("PHÁT TRIỂN NỀN MÓNG KINH TẾ SỐ", "ĐẨY MẠNH …") sets
# tasks: the real plans (kh144, kh179) group their sector tasks under such parts.
_ACTION_HEADING = re.compile(
    r"^(?:phat trien|day manh|tang cuong|nang cao|xay dung|hoan thien|thuc hien|trien khai|doi moi|"
    r"cai cach|ung dung|chuyen doi|thuc day|bao dam|dam bao|cung co|kien toan)\b")
# A sub-section heading decides its own part only when it is a short title ("1. Mục tiêu cụ
# thể", "2. Kết quả đạt được"); a longer one is the first clause of an item's content
# ("a) Tổ chức thực hiện tốt phong trào …") and inherits.
_MAX_TITLE_WORDS = 6


def _cue_part(folded: str, anchored: bool) -> PlanPart | None:
    best: tuple[int, PlanPart] | None = None
    for part, pattern in _PART_CUES:
        m = pattern.search(folded)
        if m and (not anchored or m.start() == 0) and (best is None or m.start() < best[0]):
            best = (m.start(), part)
    return best[1] if best else None


def plan_part(heading: str, kind: str, parent_part: PlanPart | None) -> PlanPart:
    """Which part of a plan a section with this heading is (:data:`chinhsach.model.PlanPart`).

    A top-level Roman part is classified by the first cue word its heading prints, anywhere in
    it ("I. MỤC ĐÍCH, YÊU CẦU" → objectives, "IV. PHÂN CÔNG NHIỆM VỤ" → organisation, "II. NỘI
    DUNG THỰC HIỆN" → tasks, "I. TÌNH HÌNH …" → situation); one named by an action verb is tasks.
    Any other section inherits its parent's part unless its heading is a short title that
    starts with a cue ("1. Mục tiêu", "2. Kết quả đạt được").
    """
    folded = " ".join(re.sub(r"[^\w\s]", " ", fold(heading)).split())
    folded = re.sub(r"^(?:cac|ve)\s+", "", folded)
    if parent_part is None and kind == "part":
        found = _cue_part(folded, anchored=False)
        if found is None and _ACTION_HEADING.match(folded):
            found = "tasks"
        return found or "other"
    short = len(folded.split()) <= _MAX_TITLE_WORDS and not heading.rstrip().endswith("…")
    found = _cue_part(folded, anchored=True) if short else None
    if found is not None:
        return found
    if parent_part is not None:
        return parent_part
    return "tasks" if _ACTION_HEADING.match(folded) else "other"


def assign_parts(sections: list[Section]) -> None:
    """Set ``part`` on every section, parents first (sections are in document order)."""
    parts: dict[str, PlanPart] = {}
    for s in sections:
        s.part = plan_part(s.heading, s.kind, parts.get(s.parent) if s.parent else None)
        parts[s.id] = s.part


def _heading_and_body(rest: str) -> tuple[str, str | None]:
    """Split a marker line into its heading and, when it carries content, the content.

    "Mục đích" is a heading only; "Chủ trì, phối hợp ... theo quy định." is content whose first
    clause serves as heading.
    """
    rest = rest.strip()
    words = rest.split()
    ends_sentence = rest.endswith((".", ";", "./.", ":")) and not rest.endswith("...")
    if len(words) <= 45 and not ends_sentence:
        return rest, None
    first = re.split(r"[;:.]\s", rest, maxsplit=1)[0]
    head_words = first.split()
    heading = " ".join(head_words[:12]) + (" …" if len(head_words) > 12 else "")
    return heading.rstrip(" ,;:"), rest


@dataclass
class _OutlineState:
    doc_id: str
    sections: list[Section] = field(default_factory=list)
    part: Section | None = None
    item: Section | None = None
    subitem: Section | None = None
    letter: Section | None = None
    topic: Section | None = None
    last_item_no: int = 0
    last_part_no: int = 0

    def innermost_numbered(self) -> Section | None:
        return self.letter or self.subitem or self.item or self.part

    def add(self, section: Section) -> Section:
        existing = {s.id for s in self.sections}
        if section.id in existing:
            # Repeated numbering (a restarted list): keep ids unique and stable.
            n = 2
            while f"{section.id}~{n}" in existing:
                n += 1
            section.id = f"{section.id}~{n}"
        self.sections.append(section)
        return section

    def path(self) -> list[str]:
        nodes = [self.part, self.item, self.subitem, self.letter, self.topic]
        return [n.heading for n in nodes if n is not None]


def _prefix(state: _OutlineState) -> str:
    return f"{state.part.id}." if state.part else ""


def _try_part(state: _OutlineState, p: Paragraph) -> tuple[Section, str | None] | None:
    m = _PART_RE.match(p.text)
    if not m:
        return None
    roman = m.group("roman") or m.group("word")
    if not roman:
        return None
    number = int(roman) if roman.isdigit() else roman_to_int(roman)
    rest = m.group("rest").strip()
    # A Roman part must follow its predecessor and carry a short heading. A number printed twice
    # in capitals ("IV. PHÂN CÔNG NHIỆM VỤ" … "IV. TỔ CHỨC THỰC HIỆN", kh153) is a misnumbered
    # next part: its id gets a "~2" suffix and it cites as printed.
    repeated = number == state.last_part_no and number > 0 and _is_caps_line(rest)
    if (number != state.last_part_no + 1 and not repeated) or not rest or len(rest.split()) > 40:
        return None
    state.last_part_no = number
    heading, body = _heading_and_body(rest)
    section = state.add(Section(id=_to_roman(number), heading=heading, parent=None, kind="part",
                                prov=p.prov))
    state.part, state.item, state.subitem, state.letter, state.topic = section, None, None, None, None
    state.last_item_no = 0
    return section, body


def _to_roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def _try_item(state: _OutlineState, p: Paragraph) -> tuple[Section, str | None] | None:
    m = _ITEM_RE.match(p.text)
    if not m:
        return None
    number = int(m.group("word") or m.group("num"))
    heading, body = _heading_and_body(m.group("rest"))
    if number == state.last_item_no + 1:
        section = state.add(Section(id=f"{_prefix(state)}{number}", heading=heading,
                                    parent=state.part.id if state.part else None, kind="item",
                                    prov=p.prov))
        state.item, state.subitem, state.letter, state.topic = section, None, None, None
        state.last_item_no = number
        return section, body
    if number == 1 and state.item is not None:
        # A list restarting at 1 inside an item is a nested list: "2." → "2.1".
        return _add_subitem(state, f"{state.item.id}.1", heading, body, p)
    if state.subitem is not None and state.item is not None:
        expected = int(state.subitem.id.rsplit(".", 1)[-1].split("~")[0]) + 1
        if number == expected and state.subitem.parent == state.item.id:
            return _add_subitem(state, f"{state.item.id}.{number}", heading, body, p)
    return None


def _add_subitem(state: _OutlineState, sid: str, heading: str, body: str | None,
                 p: Paragraph) -> tuple[Section, str | None]:
    parent = state.item.id if state.item else (state.part.id if state.part else None)
    section = state.add(Section(id=sid, heading=heading, parent=parent, kind="subitem", prov=p.prov))
    state.subitem, state.letter, state.topic = section, None, None
    return section, body


def _try_subitem(state: _OutlineState, p: Paragraph) -> tuple[Section, str | None] | None:
    m = _SUBITEM_RE.match(p.text)
    if not m:
        return None
    nums = m.group("num").split(".")
    rest = m.group("rest")
    # "2.1. ..." belongs to item 2 of the current part; a number that is really a decimal value
    # ("24.6 m²") has no item to belong to and is plain text.
    if state.item is None or nums[0] != state.item.id.split(".")[-1]:
        if state.item is None and state.part is None:
            return None
        if state.item is not None:
            return None
    heading, body = _heading_and_body(rest)
    sid = f"{_prefix(state)}{'.'.join(nums)}"
    return _add_subitem(state, sid, heading, body, p)


def _try_letter(state: _OutlineState, p: Paragraph) -> tuple[Section, str | None] | None:
    m = _LETTER_RE.match(p.text)
    parent = state.subitem or state.item or state.part
    if not m or parent is None:
        return None
    heading, body = _heading_and_body(m.group("rest"))
    section = state.add(Section(id=f"{parent.id}.{m.group('letter')}", heading=heading,
                                parent=parent.id, kind="letter", prov=p.prov))
    state.letter, state.topic = section, None
    return section, body


def _try_topic(state: _OutlineState, p: Paragraph) -> tuple[Section, str | None] | None:
    m = _TOPIC_RE.match(p.text)
    parent = state.innermost_numbered()
    if not m or parent is None:
        return None
    topic = m.group("topic").strip()
    section = state.add(Section(id=f"{parent.id}:{slugify(topic)}", heading=topic,
                                parent=parent.id, kind="topic", prov=p.prov))
    state.topic = section
    rest = m.group("rest").strip()
    return section, rest or None


_SIGNATURE_START = re.compile(r"^(Nơi nhận|NƠI NHẬN)\b")


def _body_bounds(paras: list[Paragraph]) -> tuple[int, int]:
    """Index of the first outline paragraph and of the first signature paragraph."""
    body_start = len(paras)
    probe = _OutlineState(doc_id="")
    for i, p in enumerate(paras):
        if _try_part(probe, p) or (_ITEM_RE.match(p.text) and i > 0):
            body_start = i
            break
    sign_start = len(paras)
    for i in range(body_start, len(paras)):
        text = paras[i].text
        if _SIGNATURE_START.match(text) or (
            _SIGN_TITLE_RE.match(text.strip("* ")) and _is_caps_line(text)
        ):
            sign_start = i
            break
    # The preamble must not swallow the whole document when no outline exists.
    if body_start == len(paras):
        body_start = 0
    return body_start, sign_start


# ---------------------------------------------------------------------------------------------
# Build the document
# ---------------------------------------------------------------------------------------------


def doc_id_for(path: str) -> str:
    """A stable document id from the file name."""
    from pathlib import Path

    return slugify(Path(path).stem) or "document"


def build_document(source: SourceText, doc_id: str | None = None) -> Document:
    """Turn a read file into a :class:`Document` with metadata, outline and segments."""
    doc_id = doc_id or doc_id_for(source.path)
    paras = paragraphs(source.lines)
    body_start, sign_start = _body_bounds(paras)
    header = _parse_header(paras, body_start, sign_start)
    state = _OutlineState(doc_id=doc_id)
    segments: list[Segment] = []
    warnings: list[ParseWarning] = list(source.warnings)

    def emit(kind: str, text: str, p: Paragraph, raw: str | None = None) -> None:
        node = None if kind == "signature" else (state.topic or state.innermost_numbered())
        citable = node.citable if node else None
        parts = split_segment_text(text) if kind not in ("heading", "title") else [text]
        for part in parts:
            segments.append(
                Segment(
                    id=f"{doc_id}#{len(segments) + 1:04d}",
                    doc_id=doc_id,
                    section=citable,
                    kind=kind,
                    text=part,
                    raw=raw if (raw is not None and len(parts) == 1) else part,
                    heading_path=state.path(),
                    prov=p.prov,
                    topic=state.topic.heading if state.topic else None,
                    section_node=node.id if node else None,
                )
            )

    for i, p in enumerate(paras):
        if i < body_start:
            kind = "title" if i in header.title_paragraphs else "preamble"
            emit(kind, p.text, p, p.raw)
            continue
        if i >= sign_start:
            emit("signature", p.text, p, p.raw)
            continue
        if p.kind == "table_row":
            emit("table_row", p.text, p, p.raw)
            continue
        found = None
        for attempt in (_try_part, _try_subitem, _try_item, _try_letter, _try_topic):
            found = attempt(state, p)
            if found:
                break
        if found:
            section, body = found
            if body is None and section.kind != "topic":
                emit("heading", section.heading, p)
            if body:
                emit("paragraph", body, p, p.raw)
            continue
        bullet = _BULLET_RE.match(p.text)
        if bullet:
            emit("bullet", bullet.group("rest"), p, p.raw)
        else:
            emit("paragraph", p.text, p, p.raw)

    assign_parts(state.sections)
    if not state.sections:
        warnings.append(ParseWarning("no_outline", "no numbered outline found", None))
    if not any(s.searchable for s in segments):
        warnings.append(ParseWarning("no_content", "no searchable text found", None))
    return Document(
        doc_id=doc_id,
        path=source.path,
        sha256=source.sha256,
        format=source.format,
        meta=header.meta,
        sections=state.sections,
        segments=segments,
        warnings=warnings,
        pages=source.pages,
    )
