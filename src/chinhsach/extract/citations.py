"""Citations (văn bản được dẫn): find references to other documents, link aliases, check them.

Pipeline: :func:`find_citations` on each body segment → :func:`resolve_aliases` over the whole
document → :func:`distinct_citations` (with :func:`mention_counts`) → :func:`citation_warnings`.

What counts as a citation
-------------------------
A mention of another document **by its number** (số hiệu): ``<type> số <number> ngày <date> của
<issuer> [khóa X]`` as far as the text writes it, also without "số" (``Nghị quyết 42-NQ/TW``),
bare numbers that look like document numbers (``…, 21-NQ/TW``), and list members
(``các Nghị quyết số 20-NQ/TW, 21-NQ/TW ngày 25/10/2017``, ``Nghị quyết số 20, 21-NQ/TW``: every
member gets the shared date and issuer).

Decisions
~~~~~~~~~
- Documents named without a number (``Luật Bảo hiểm xã hội năm 2014``, ``Chiến lược phát triển
  nhà ở quốc gia``, ``Nghị quyết Hội nghị lần thứ tám …``) are **not** citations. A name is not a
  stable key (the same law is amended under the same name, ``năm 2014`` is not a date) and the
  gold guidelines list such references in notes, not as citations. A numbered law
  (``Luật Việc làm số 38/2013/QH13``) is a citation like any other.
- ``number`` is :func:`chinhsach.text.docnumber.canonical_doc_number`; equality always goes through
  :func:`chinhsach.text.docnumber.doc_number_key`, so đ/d, case and spacing variants are one document.
- ``doc_type`` comes from the type word before the number (``Chương trình hành động`` →
  ``Chương trình``, ``Thông tư liên tịch`` → ``Thông tư``); when there is none, or the nearest type
  word stands far from the number and disagrees with its code, from the code (NQ, KH, QĐ, …).
- ``issuer`` is what follows ``của`` (abbreviations expanded, term and the ``Hội nghị …`` event
  dropped), or the body that "thông qua / phê duyệt / ban hành tại" the document just before the
  mention, or else the one national body that the number's code fixes by law (``QĐ-TTg`` →
  Thủ tướng Chính phủ, ``NĐ-CP`` → Chính phủ, ``QH13`` → Quốc hội). Provincial codes (UBND,
  HĐND: which province, which level?) and ``/TW`` (Central Committee or Politburo) give none.
- The document's own number (``Số: 43/KH-UBND`` at the start of a line, no type word) is skipped.
- Short names: ``(sau đây gọi tắt là …)`` and its variants set ``alias`` on the mention the
  definition follows. Later short-name mentions without a code (``Kế hoạch 19``) come out of
  :func:`find_citations` as provisional citations with ``number == ""``; :func:`resolve_aliases`
  links them through the alias table, or, without an alias, to the single cited document of the
  same type whose number starts with that integer, and drops the rest. Aliases without any
  number (``(gọi tắt là Chương trình)``) are recorded but their later uses are not searched for.
- :func:`distinct_citations` keeps one entry per number (two documents that share a number in
  different years are merged; the first dated mention's date is kept).

Matching runs on a length-preserving folded copy of the text (no diacritics, lower case), so
unaccented input ("Nghi quyet so 42-NQ/TW ngay 24/11/2023") is read as well; spans and returned
text always come from the original.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass, replace

from chinhsach.extract.units import find_units
from chinhsach.model import Citation, ParseWarning
from chinhsach.text.docnumber import (
    DOC_TYPES,
    KIND_CODES,
    TYPE_WORDS,
    DocNumber,
    canonical_doc_number,
    doc_number_key,
)
from chinhsach.text.normalize import fold, has_diacritics
from chinhsach.text.numbers import int_to_roman, iso_date

__all__ = [
    "central_term_for_date",
    "citation_warnings",
    "distinct_citations",
    "find_citations",
    "mention_counts",
    "resolve_aliases",
    "term_of",
]

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

# Type words (folded) → doc_type, from data/doc_types.json.
_TYPE_WORDS = TYPE_WORDS
# "pháp luật", "kỷ luật" contain "luật": these type words count only when capitalised.
_CAPITALISED_TYPES = {fold(w) for t in DOC_TYPES if t.capitalised_only for w in t.words}
# Types whose name may stand between the type word and "số" (Luật Việc làm số 38/2013/QH13).
_NAMED_TYPES = {t.name for t in DOC_TYPES if t.named}
# Words that may sit between a type word and "số" without changing the type.
_QUALIFIERS = r"(?:hanh dong|lien tich|lien nganh|lien bo|chuyen de|ket luan)"

# The same codes written as type words before a number ("theo QĐ số 90/QĐ-TTg").
_ABBREV_TYPE_RE = re.compile(
    r"(?<![\w/&-])(NQ|QĐ|QD|KH|NĐ|ND|TT|CT|KL|CV|HD|TB|BC|CTr|TTr)(?![\w/&-])"
)

# Codes that name one national body, whatever the document (…/QĐ-TTg, …/NĐ-CP, …/QH13).
# Provincial codes (UBND, HĐND) and "/TW" (Central Committee or Politburo) name no single body.
_NATIONAL_ISSUER_CODES: dict[str, str] = {
    "TTG": "Thủ tướng Chính phủ",
    "CP": "Chính phủ",
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "CTN": "Chủ tịch nước",
}

# Issuer abbreviations (whole tokens, case-sensitive) → full words.
_ISSUER_ABBREV: dict[str, str] = {
    "HĐND": "Hội đồng nhân dân",
    "UBND": "Ủy ban nhân dân",
    "BCH": "Ban Chấp hành",
    "TW": "Trung ương",
    "TƯ": "Trung ương",
    "T.Ư": "Trung ương",
    "MTTQ": "Mặt trận Tổ quốc",
    "BTV": "Ban Thường vụ",
    "BCĐ": "Ban Chỉ đạo",
    "BCS": "Ban cán sự",
    "TU": "Tỉnh ủy",
    "HU": "Huyện ủy",
    "CP": "Chính phủ",
    "VN": "Việt Nam",
    "BHXH": "Bảo hiểm xã hội",
    "LĐ-TB&XH": "Lao động - Thương binh và Xã hội",
    "LĐTB&XH": "Lao động - Thương binh và Xã hội",
    "KH&ĐT": "Kế hoạch và Đầu tư",
    "TN&MT": "Tài nguyên và Môi trường",
    "NN&PTNT": "Nông nghiệp và Phát triển nông thôn",
    "GD&ĐT": "Giáo dục và Đào tạo",
    "TT&TT": "Thông tin và Truyền thông",
    "VHTT&DL": "Văn hóa, Thể thao và Du lịch",
}
_ISSUER_ABBREV_RE = re.compile(
    r"(?<![\w&.-])("
    + "|".join(re.escape(k) for k in sorted(_ISSUER_ABBREV, key=len, reverse=True))
    + r")(?![\w&])"
)

# Lower-case words that end an issuer phrase (verbs and prepositions after the body's name).
# Capitalised words never stop it: they belong to names (Bộ Kế hoạch và Đầu tư).
_ISSUER_STOP_1 = {
    "về",
    "tại",
    "nhằm",
    "đã",
    "để",
    "trong",
    "với",
    "cho",
    "theo",
    "đến",
    "khóa",
    "ngày",
    "số",
    "là",
    "thì",
    "này",
    "kèm",
    "được",
    "của",
    "năm",
    "mà",
    "ở",
    "từ",
    "sau",
    "trước",
    "hoặc",
    "cũng",
    "qua",
    "bằng",
    "gồm",
    "nay",
    "do",
    "bởi",
    "giao",
    "và",
    "như",
    "nêu",
    "đề",
}
_ISSUER_STOP_2 = {
    "thực hiện",
    "phê duyệt",
    "ban hành",
    "quy định",
    "hướng dẫn",
    "triển khai",
    "tiếp tục",
    "sửa đổi",
    "bổ sung",
    "đối với",
    "giai đoạn",
    "nhiệm kỳ",
    "thông qua",
    "tổng kết",
    "sơ kết",
    "quán triệt",
    "xây dựng",
    "định hướng",
    "phát triển",
    "nâng cao",
    "đẩy mạnh",
    "tăng cường",
    "đổi mới",
    "bảo đảm",
    "đảm bảo",
    "kết luận",
}
# Unaccented input: the same lists folded (used only when the text carries no diacritics).
_ISSUER_STOP_1_FOLDED = {fold(w) for w in _ISSUER_STOP_1} - {"tu", "de", "do", "nay"}
_ISSUER_STOP_2_FOLDED = {fold(w) for w in _ISSUER_STOP_2}
# Lower-case words that continue a body's name after its compound syllable: levels and the
# parts of "Ủy ban nhân dân tỉnh", "Ban cán sự đảng", "Hội nghị lần thứ bảy".
_NAME_WORDS = {
    "nhân",
    "dân",
    "tỉnh",
    "huyện",
    "quận",
    "thành",
    "phố",
    "thị",
    "xã",
    "trấn",
    "phường",
    "bộ",
    "đảng",
    "cán",
    "sự",
    "hành",
    "vụ",
    "trực",
    "nông",
    "thôn",
    "lần",
    "thứ",
    "nhất",
    "hai",
    "ba",
    "bốn",
    "tư",
    "sáu",
    "bảy",
    "tám",
    "chín",
    "mười",
    "một",
    "lăm",
    "mươi",
}
_NAME_WORDS_FOLDED = {fold(w) for w in _NAME_WORDS}

_CENTRAL_RE = re.compile(r"trung ương|\bTW\b|\bTƯ\b|T\.Ư|bộ chính trị|ban bí thư", re.I)
_LOCAL_RE = re.compile(
    r"\b(?:tinh|huyen|thanh pho|thi xa|dang bo|tinh uy|huyen uy|thanh uy|hdnd|"
    r"hoi dong nhan dan|quoc hoi|xa|phuong|thi tran)\b"
)

# Party congress closing dates: a term (khóa) runs from one congress to the next.
_TERMS: list[tuple[str, str]] = [
    ("1996-07-01", "VIII"),
    ("2001-04-22", "IX"),
    ("2006-04-25", "X"),
    ("2011-01-19", "XI"),
    ("2016-01-28", "XII"),
    ("2021-02-01", "XIII"),
    ("2026-01-23", "XIV"),
]
_TERMS_END = "2031-01-01"  # the XV Congress date is not known yet: no answer after this

# --------------------------------------------------------------------------------------------
# Regular expressions
# --------------------------------------------------------------------------------------------

_CODE = r"[^\W\d_](?:[^\W_]|&)*"  # NQ, QĐ, TTg, QH13, TB&XH
# After a spaced separator ("42 - NQ/TW") only an upper-case code may follow, so that prose
# after a dash ("42-NQ/TW - Hội nghị") is not swallowed.
_CODE_SPACED = r"[A-ZĐ][A-ZĐ0-9&]*[a-z]?(?![^\W_])"
# "66.2/2025/NQ-CP": the Government numbers a series of resolutions on one subject with a
# dotted suffix (2025); the suffix is part of the number.
_NUM_RE = re.compile(
    rf"(?<![\w/.&-])\d{{1,5}}(?:\.\d{{1,2}}(?=\s*/))?[a-z]?(?:\s*/\s*\d{{4}})?"
    rf"(?:[/-]{_CODE}|\s*[/\-–]\s*{_CODE_SPACED})+(?![\w&])"
)
_TYPE_ALT = "|".join(re.escape(k) for k in sorted(_TYPE_WORDS, key=len, reverse=True))
_TYPE_RE = re.compile(rf"(?<![a-z0-9])(?:{_TYPE_ALT})(?![a-z0-9])")
# Type word + integer without a code: a short name ("Kế hoạch 19") or a list head ("số 20, …").
_SHORT_RE = re.compile(
    rf"(?<![a-z0-9])(?P<type>{_TYPE_ALT})(?:\s+{_QUALIFIERS})*\s+(?:so\s*[:.]?\s*)?"
    r"(?P<int>\d{1,5})(?!\d)(?![.,]\d)(?!\s*[/\-–]\s*[a-z0-9])(?!\s*(?:%|nam\b|thang\b|ngay\b))"
)
_SO_END_RE = re.compile(r"(?<![a-z0-9])so\s*[:.]?\s*$")
# "biên bản mẫu 03/HNX", "theo Mẫu số 01/BCX-MT", "Biểu số 02/TK": a form's number names a
# template to fill in, not a document (s18 dev kh-mttq-2025-luongminh-kiemtra-giamsat, s17 dev
# kh-mttq-2026-luongminh-hiepthuong2: two forms each were cited).
_FORM_BEFORE_RE = re.compile(r"(?<![a-z0-9])(?:mau|bieu)(?:\s+so)?\s*[:.]?\s*$")
_HEADER_RE = re.compile(r"[\s*#_]*so\s*[:.]?\s*")
_DATE_NUM = r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)"
_DATE_WORDS = r"(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s+nam\s+(\d{4})(?!\d)"
_TAIL_DATE_RE = re.compile(rf"[ \t]*,?[ \t]*(?:ngay\s+(?:{_DATE_NUM}|{_DATE_WORDS}))")
_TAIL_BARE_DATE_RE = re.compile(rf"[ \t]*,?[ \t]*{_DATE_NUM}")
_TAIL_CUA_RE = re.compile(r"[ \t]*,?[ \t]*cua\s+")
_KHOA_RE = re.compile(r"(?<![a-z0-9])khoa\s+([ivxlc]+|\d{1,2})(?![a-z0-9])")
# "… Trung ương Đảng khóa XIII" and "… Trung ương Đảng (khóa XIII)".
_TAIL_KHOA_RE = re.compile(
    r"[ \t]*,?[ \t]*(?:\(\s*)?khoa\s+([ivxlc]+|\d{1,2})(?![a-z0-9])(?:\s*\))?"
)
# Where the words about a mention end: a clause break, "về …", or a parenthesis (except one
# that only holds the term).
_TERM_STOP_RE = re.compile(r"[;)]|\((?!\s*khoa\b)|\.(?:\s|$)|(?<![a-z])ve(?![a-z])")
_LIST_SEP_RE = re.compile(r"\s*(?:,|;|\bva\b|\bhoac\b)\s*(?:cac\s+)?(?:so\s*[:.]?\s*)?$")
_INT_RUN_RE = re.compile(r"(?:\s*(?:,|\bva\b)\s*\d{1,5}(?!\s*[/\-–\d]))*\s*(?:,|\bva\b)\s*")
_ALIAS_RE = re.compile(
    r"\(\s*(?:sau day\s+)?(?:duoc\s+)?(?:goi|viet)(?:\s+(?:tat|chung))?\s+la\s*:?\s*"
    r"(?P<alias>[^()]+?)\s*\)"
)
_PRE_ISSUER_RE = re.compile(
    r"(?P<body>\S.*?)\s+(?:đã\s+)?(?:thông qua|phê duyệt|ký ban hành|ban hành|chấp thuận)"
    r"(?:\s+(?:tại|theo|bằng))?\s*"
)
_CLAUSE_BREAK_RE = re.compile(r"[;:()\[\]“”\"!?,]|\.(?:\s|$)")
_EVENT_PREFIX_RE = re.compile(
    r"^(?:Hội nghị|Kỳ họp|Phiên họp)\b.*?\s(?=Ban Chấp hành|BCH|Bộ Chính trị|Ban Bí thư|"
    r"Hội đồng nhân dân|HĐND|Quốc hội|Ủy ban)"
)
_QUOTES = "\"'“”‘’«»"


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def _date_from_match(m: re.Match[str]) -> str | None:
    g = [x for x in m.groups() if x is not None and x not in "/.-"]
    return iso_date(g[0], g[1], g[2]) if len(g) >= 3 else None


def _term_token(tok: str) -> str:
    return int_to_roman(int(tok)) if tok.isdigit() else tok.upper()


def _kind_of_number(number: str) -> str | None:
    """doc_type implied by the kind code of a number (42-NQ/TW → Nghị quyết)."""
    return DocNumber.parse(number).doc_type


def _leading_int(number: str) -> str:
    """The number's integer without leading zeros ("09-NQ/TU" → "9"), to meet short names."""
    digits = _leading_digits(number)
    return str(int(digits)) if digits else ""


def _issuer_of_number(number: str) -> str | None:
    """The issuer that a national code fixes by law: …/NĐ-CP → Chính phủ, …/QH13 → Quốc hội."""
    for part in re.split(r"[/-]", number)[1:]:
        name = _NATIONAL_ISSUER_CODES.get(fold(part).upper().rstrip("0123456789"))
        if name:
            return name
    return None


def _leading_digits(number: str) -> str:
    m = re.match(r"\d+", number)
    return m.group(0) if m else ""


def _short_key(phrase: str) -> str:
    """Key for short names: "Kế hoạch số 19" and “Kế hoạch 19” meet."""
    s = fold(phrase).strip(_QUOTES + " .,;:")
    s = re.sub(r"[" + _QUOTES + r"]", "", s)
    s = re.sub(r"(?<![a-z0-9])so\s*[:.]?\s*(?=\d)", "", s)
    return re.sub(r"\s+", " ", s).strip()


def _clause_start(text: str, pos: int, floor: int = 0) -> int:
    """Start of the clause that ends at ``pos`` (after the last punctuation break)."""
    start = floor
    for m in _CLAUSE_BREAK_RE.finditer(text, floor, pos):
        start = m.end()
    return start


def _expand_issuer(raw: str) -> str:
    s = raw.strip(" ,;:.-–")
    s = _EVENT_PREFIX_RE.sub("", s)  # "Hội nghị lần thứ bảy Ban Chấp hành …" → the body
    s = _ISSUER_ABBREV_RE.sub(lambda m: _ISSUER_ABBREV[m.group(1)], s)
    return re.sub(r"\s+", " ", s).strip()


# --------------------------------------------------------------------------------------------
# Phrase readers
# --------------------------------------------------------------------------------------------


def _is_type_start(folded: str, pos: int) -> bool:
    return bool(_TYPE_RE.match(folded, pos))


def _read_issuer(text: str, folded: str, pos: int) -> tuple[str, int] | None:
    """Read the body named at ``pos`` ("Ban Chấp hành Trung ương Đảng …"); (raw, end) or None.

    A body's name is capitalised words, each with at most one lower-case syllable of its own
    ("Chấp hành", "Chính phủ"), plus level words ("nhân dân tỉnh", "Đảng bộ tỉnh", "lần thứ
    bảy"). The phrase stops at punctuation, a lower-case verb or preposition, or any other
    lower-case word, so the prose after the name is left out.
    """
    unaccented = not has_diacritics(text[pos : pos + 120])
    stop1 = _ISSUER_STOP_1_FOLDED if unaccented else _ISSUER_STOP_1
    stop2 = _ISSUER_STOP_2_FOLDED if unaccented else _ISSUER_STOP_2
    level = _NAME_WORDS_FOLDED if unaccented else _NAME_WORDS
    toks = list(re.finditer(r"\S+", text[pos : pos + 240]))
    end = None
    lower_run = 0  # lower-case syllables since the last capitalised word
    prev_low = ""
    for i, t in enumerate(toks[:16]):
        tok = t.group(0)
        start = pos + t.start()
        bare = tok.rstrip(',;:.)”"')
        low = (fold(bare) if unaccented else bare.lower()) if bare else ""
        nxt = toks[i + 1].group(0) if i + 1 < len(toks) else ""
        if i == 0:
            if not (bare[:1].isupper() or _ISSUER_ABBREV_RE.match(bare)):
                return None
        elif tok[0] in "(“\"'":
            break
        elif tok in "-–":
            if not nxt[:1].isupper():
                break
        elif bare[:1].islower():
            nxt_low = (fold(nxt) if unaccented else nxt.lower()).rstrip(",;:.")
            if low in ("và", "va"):
                if not nxt[:1].isupper() or _is_type_start(folded, pos + toks[i + 1].start()):
                    break
            elif low == "năm" and prev_low == "thứ":
                pass  # "Hội nghị lần thứ năm"
            elif (low, nxt_low) in (("đại", "biểu"), ("dai", "bieu")) or (prev_low, low) in (
                    ("đại", "biểu"), ("dai", "bieu")):
                # "Đại hội đại biểu Đảng bộ tỉnh lần thứ XI" issues its resolution ("…-NQ/ĐH";
                # session-12 party survey: the congress resolutions of Tiền Giang, Bắc Giang, 2020).
                pass
            elif low in stop1 or f"{low} {nxt_low}" in stop2:
                break
            elif lower_run >= 1 and low not in level:
                break
            lower_run += 1
        else:
            lower_run = 0
        prev_low = low
        end = start + len(bare)
        if bare != tok or not bare:  # punctuation closes the phrase
            break
    if end is None:
        return None
    return text[pos:end], end


def _whole_body(text: str, pos: int, got: tuple[str, int]) -> tuple[str, int]:
    """The issuer read on to the end of the body the unit reader names at ``pos``.

    A party committee's name runs over lower-case words that the issuer reader stops at: "Đảng
    ủy Khối các cơ quan và doanh nghiệp tỉnh" was cut to "Đảng ủy Khối các" (bloc committees
    cite each other's plans; session-12 party survey)."""
    window = text[pos : pos + 160]
    first = next(iter(find_units(window)), None)
    if first is None or first.start != 0 or pos + first.end <= got[1] or "," in window[: first.end]:
        return got
    return text[pos : pos + first.end], pos + first.end


def _pre_issuer(text: str, start: int) -> str | None:
    """The body that adopted the document just before the mention.

    "(đã được HĐND tỉnh thông qua tại Nghị quyết số …" → "HĐND tỉnh";
    "UBND tỉnh phê duyệt tại Quyết định số …" → "UBND tỉnh".
    """
    cs = start
    for m in re.finditer(r"[;:()\[\],]|\.(?:\s|$)", text[max(0, start - 160) : start]):
        cs = max(0, start - 160) + m.end()
    if cs == start:
        cs = max(0, start - 160)
    clause = text[cs:start]
    clause = re.sub(r"^\s*(?:đã\s+)?(?:được|do)\s+", "", clause)
    m = _PRE_ISSUER_RE.fullmatch(clause.strip() + " ")
    if not m:
        return None
    body = m.group("body").strip()
    if not body[:1].isupper() or len(body.split()) > 8:
        return None
    return body


# --------------------------------------------------------------------------------------------
# Scanning one segment
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Mention:
    cit: Citation
    start: int
    end: int
    num_end: int
    group: int
    has_tail: bool = False  # a date or issuer was read after the number


@dataclass(slots=True)
class _Tail:
    date: str | None = None
    issuer: str | None = None
    end: int = 0


def _read_tail(text: str, folded: str, pos: int) -> _Tail:
    """Read "ngày …", "của …", "khóa …" (in any usual order) after a number at ``pos``."""
    tail = _Tail(end=pos)
    m = _TAIL_DATE_RE.match(folded, pos) or _TAIL_BARE_DATE_RE.match(folded, pos)
    if m and (d := _date_from_match(m)):
        tail.date, tail.end = d, m.end()
    m = _TAIL_CUA_RE.match(folded, tail.end)
    if m and (got := _read_issuer(text, folded, m.end())):
        got = _whole_body(text, m.end(), got)
        tail.issuer, tail.end = _expand_issuer(got[0]), got[1]
        k = _TAIL_KHOA_RE.match(folded, tail.end)
        if k:
            tail.end = k.end()
        if tail.date is None:
            m = _TAIL_DATE_RE.match(folded, tail.end)
            if m and (d := _date_from_match(m)):
                tail.date, tail.end = d, m.end()
    return tail


def _find_type(
    text: str, folded: str, clause_start: int, pos: int, code_kind: str | None
) -> tuple[str, int] | None:
    """The type word that governs a number whose "số" (or digits) starts at ``pos``.

    Returns (doc_type, start of the type word). A type word directly before "số" (possibly in
    a chain: "Thông báo kết luận số …") is taken, preferring one that agrees with the number's
    code. A type word further back in the clause counts only if it agrees with the code (or is
    a named law type: "Luật Việc làm số 38/2013/QH13").
    """
    found: list[tuple[int, int, str]] = []
    for m in _TYPE_RE.finditer(folded, clause_start, pos):
        key = m.group(0)
        if key in _CAPITALISED_TYPES and not text[m.start()].isupper():
            continue
        found.append((m.start(), m.end(), _TYPE_WORDS[key]))
    for m in _ABBREV_TYPE_RE.finditer(text, clause_start, pos):
        found.append((m.start(), m.end(), KIND_CODES[fold(m.group(1)).upper()]))
    found.sort()
    if not found:
        return None
    # The chain of type words that ends right before the number.
    chain: list[tuple[int, int, str]] = []
    edge = pos
    for s, e, t in reversed(found):
        gap = folded[e:edge].strip()
        if re.fullmatch(rf"(?:{_QUALIFIERS}\s*)*", gap):
            chain.append((s, e, t))
            edge = s
        else:
            break
    if chain:
        for s, _e, t in chain:
            if code_kind is None or t == code_kind:
                return t, s
        s, _e, t = chain[0]
        return t, s
    s, e, t = found[-1]
    gap_words = len(folded[e:pos].split())
    if gap_words <= 14 and (t == code_kind or (code_kind is None and t in _NAMED_TYPES)):
        return t, s
    return None


def _scan(text: str, section: str | None) -> list[_Mention]:
    folded = fold(text, keep_length=True)  # same length as text: spans carry over
    aliases = [(m.start(), m.end(), m) for m in _ALIAS_RE.finditer(folded)]

    def in_alias(pos: int) -> bool:
        return any(s <= pos < e for s, e, _ in aliases)

    events: list[tuple[int, str, re.Match[str]]] = []
    for m in _NUM_RE.finditer(text):
        events.append((m.start(), "num", m))
    for m in _SHORT_RE.finditer(folded):
        key = m.group("type")
        if key in _CAPITALISED_TYPES and not text[m.start()].isupper():
            continue
        events.append((m.start("int"), "int", m))
    events.sort(key=lambda e: (e[0], e[1] != "num"))

    out: list[_Mention] = []
    group_id = 0

    def prev_link(pos: int) -> _Mention | None:
        """The previous mention if only a list separator stands between it and ``pos``."""
        if out and _LIST_SEP_RE.fullmatch(folded, out[-1].end, pos):
            return out[-1]
        return None

    for pos, kind, m in events:
        if kind == "num":
            raw = m.group(0)
            if not re.search(r"[^\W\d_]{2,}", raw):
                continue
            number = canonical_doc_number(raw.replace("–", "-"))
            code_kind = _kind_of_number(number)
            line_start = text.rfind("\n", 0, pos) + 1
            if _HEADER_RE.fullmatch(folded, line_start, pos):
                continue  # "Số: 43/KH-UBND" at a line start: the document's own number
            so = _SO_END_RE.search(folded, max(0, pos - 12), pos)
            head = so.start() if so else pos
            # The type word must stand after the previous mention ("… số 20 và 21-NQ/TW").
            cstart = max(_clause_start(folded, head), out[-1].end if out else 0)
            typ = _find_type(text, folded, cstart, head, code_kind)
            if not typ and _FORM_BEFORE_RE.search(folded, max(0, pos - 20), pos):
                continue
            if so and not typ and text[head] == "S" and not text[:head].rstrip().endswith(("(", ":")):
                # "… HUYỆN ỦY MAI SƠN * Số 58-KH/HU": a header joined into a line. Not after an
                # opening bracket: "các Quyết định … (Số 12/QĐ-X ngày …, số 15/QĐ-X ngày …)" lists
                # the numbers of the documents named before it; nor after a colon ("tại các văn
                # bản: Số 202/TTr-X ngày …, số 192/TTr-X ngày …", s14 dev nq126).
                continue
            if (
                not so
                and not typ
                and any(not c[0].isupper() for c in re.findall(r"[^\W\d_][^\W_]*", raw))
            ):
                continue  # without "số" or a type word only upper-case codes: not "3/năm"
            link = None if typ else prev_link(head)
            if typ:
                doc_type, start = typ
                group_id += 1
            elif link is not None:
                inherited = link.cit.doc_type
                doc_type = inherited if code_kind in (None, inherited) else code_kind
                start = head
            else:
                if not so and "/" not in number and code_kind is None:
                    continue  # a bare "220-KV" is not a document number
                doc_type, start = code_kind, head
                group_id += 1
            tail = _read_tail(text, folded, m.end())
            issuer = tail.issuer
            if issuer is None and typ:
                pre = _pre_issuer(text, start)
                issuer = _expand_issuer(pre) if pre else None
            issuer = issuer or _issuer_of_number(number)
            cit = Citation(
                number=number,
                doc_type=doc_type,
                date=tail.date,
                issuer=issuer,
                section=section,
                text=text[start : tail.end],
            )
            mention = _Mention(
                cit,
                start,
                tail.end,
                m.end(),
                link.group if link else group_id,
                has_tail=tail.end > m.end(),
            )
            # A list shares the date and issuer written after its last member.
            if link is not None and mention.has_tail:
                for prev in reversed(out):
                    if prev.group != mention.group or prev.has_tail:
                        break
                    prev.cit.date = prev.cit.date or cit.date
                    prev.cit.issuer = prev.cit.issuer or cit.issuer
            out.append(mention)
            continue

        # kind == "int": a type word + integer without code.
        doc_type = _TYPE_WORDS[m.group("type")]
        run = _INT_RUN_RE.match(folded, m.end("int"))
        nxt = _NUM_RE.match(text, run.end()) if run else None
        if run and nxt and re.search(r"[^\W\d_]{2,}", nxt.group(0)):
            # "Nghị quyết số 20, 21-NQ/TW": the members before the full number share its code.
            full = canonical_doc_number(nxt.group(0).replace("–", "-"))
            suffix = full[len(_leading_digits(full)) :]
            group_id += 1
            members = [(m.start(), m.start("int"), m.end("int"))]
            for x in re.finditer(r"\d{1,5}", folded[m.end("int") : run.end()]):
                s, e = m.end("int") + x.start(), m.end("int") + x.end()
                members.append((s, s, e))
            for start, s, e in members:
                cit = Citation(
                    number=canonical_doc_number(text[s:e] + suffix),
                    doc_type=doc_type,
                    date=None,
                    issuer=None,
                    section=section,
                    text=text[start:e],
                )
                out.append(_Mention(cit, start, e, e, group_id))
            continue
        if in_alias(m.start()):
            continue  # the definition of a short name, not a use of it
        out.append(
            _Mention(
                Citation(
                    number="",
                    doc_type=doc_type,
                    date=None,
                    issuer=None,
                    section=section,
                    text=text[m.start() : m.end("int")],
                ),
                m.start(),
                m.end("int"),
                m.end("int"),
                0,
            )
        )

    _attach_aliases(text, out, aliases)
    return out


def _attach_aliases(
    text: str, mentions: list[_Mention], aliases: list[tuple[int, int, re.Match[str]]]
) -> None:
    """Give each "(sau đây gọi tắt là X)" to the mention it names."""
    for ps, pe, m in aliases:
        alias = text[m.start("alias") : m.end("alias")].strip(_QUOTES + " .,;:")
        if not alias:
            continue
        before = [x for x in mentions if x.end <= ps and x.cit.number]
        if not before:
            continue
        target: _Mention | None = None
        folded_alias = fold(alias, keep_length=True)
        num = _NUM_RE.search(alias)
        short = _SHORT_RE.search(folded_alias)
        if num:
            key = doc_number_key(num.group(0).replace("–", "-"))
            target = next(
                (x for x in reversed(before) if doc_number_key(x.cit.number) == key), None
            )
        elif short:
            t, n = _TYPE_WORDS[short.group("type")], str(int(short.group("int")))
            target = next(
                (
                    x
                    for x in reversed(before)
                    if x.cit.doc_type == t and _leading_int(x.cit.number) == n
                ),
                None,
            )
        else:
            tm = _TYPE_RE.match(folded_alias)
            if tm:
                t = _TYPE_WORDS[tm.group(0)]
                target = next((x for x in reversed(before) if x.cit.doc_type == t), None)
        if target is None:
            target = before[-1]
        target.cit.alias = alias
        key = doc_number_key(target.cit.number)
        for x in mentions:  # the number written inside the definition names the same document
            if ps <= x.start < pe and x.cit.number and doc_number_key(x.cit.number) == key:
                x.cit.alias = alias


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def find_citations(text: str, *, section: str | None) -> list[Citation]:
    """Every mention of another document in one (normalised) segment, in order of appearance.

    Short-name mentions without a code ("Kế hoạch 19") come back with ``number == ""``; run
    :func:`resolve_aliases` over the whole document to link or drop them.
    """
    return [m.cit for m in _scan(text, section)]


def resolve_aliases(citations: list[Citation]) -> list[Citation]:
    """Document level: spread each alias to every mention of its number, resolve short names.

    A provisional mention (``number == ""``) is linked through the alias table ("Kế hoạch 19"
    defined by "(gọi tắt là Kế hoạch 19)"), or else to the only cited document of the same type
    whose number starts with that integer; if neither works it is dropped. Returns new objects.
    """
    cits = [replace(c) for c in citations]
    alias_of: dict[str, str] = {}
    by_alias: dict[str, Citation] = {}
    by_int: dict[tuple[str | None, str], set[str]] = {}
    first_of: dict[str, Citation] = {}
    for c in cits:
        if not c.number:
            continue
        key = doc_number_key(c.number)
        first_of.setdefault(key, c)
        by_int.setdefault((c.doc_type, _leading_int(c.number)), set()).add(key)
        if c.alias:
            alias_of.setdefault(key, c.alias)
            by_alias.setdefault(_short_key(c.alias), c)
    out: list[Citation] = []
    for c in cits:
        if not c.number:
            target = by_alias.get(_short_key(c.text))
            if target is None:
                n = re.search(r"\d+", c.text)
                keys = by_int.get((c.doc_type, str(int(n.group(0))) if n else ""), set())
                target = first_of[next(iter(keys))] if len(keys) == 1 else None
            if target is None:
                continue  # a short name that names nothing cited here
            c.number = target.number
            c.doc_type = c.doc_type or target.doc_type
        key = doc_number_key(c.number)
        if key in alias_of and not c.alias:
            c.alias = alias_of[key]
        out.append(c)
    return out


def misprints(citations: list[Citation]) -> dict[str, str]:
    """Numbers misprinted beside the same number printed right elsewhere in the document
    ("27/CTTg" for "27/CT-TTg", GUIDELINES-real.md [decided, kh165]): misprint key → key.

    Two spellings are one document when their serial numbers are equal, their codes differ by
    hyphens and at most one letter, and no mention gives them different issuers; the spelling
    with more hyphens (the canonical code), else the more frequent one, is the right one.
    """
    spellings: dict[str, Counter[str]] = {}
    issuers: dict[str, set[str]] = {}
    for c in citations:
        if c.number:
            key = doc_number_key(c.number)
            spellings.setdefault(key.split("/", 1)[0], Counter())[key] += 1
            if c.issuer:
                issuers.setdefault(key, set()).add(fold(c.issuer))
    out: dict[str, str] = {}
    for keys in spellings.values():
        for k in keys:
            # A footnote's mark glued to the number ("66-NQ/TW1", "09/2026/NĐ-CP4": a gazette's
            # text layer; s14 held-out nq97/NQ-CP 2026, four false citations) where the number
            # is printed without it elsewhere; a code ending in a term ("QH15") is kept unless
            # its bare letters are cited too.
            if (m := _FOOTNOTE_MARK.match(k)) and m.group(1) in keys:
                out[k] = m.group(1)
        ranked = sorted((k for k in keys if k not in out), key=lambda k: (-k.count("-"), -keys[k]))
        for i, k in enumerate(ranked):
            right = next((r for r in ranked[:i] if r not in out and _one_edit(_code(k), _code(r))
                          and not (issuers.get(k) and issuers.get(r) and issuers[k].isdisjoint(issuers[r]))),
                         None)
            if right is not None:
                out[k] = right
    return out


# A number whose code ends in letters, then one or two digits of a footnote mark.
_FOOTNOTE_MARK = re.compile(r"^(.*/[^/]*[A-Z])(\d{1,2})$")


def _code(key: str) -> str:
    return key.split("/", 1)[-1].replace("-", "")


def _one_edit(a: str, b: str) -> bool:
    """Equal, or one letter inserted, dropped or changed; codes of three letters or more only,
    and never a different year ("15/2020/NĐ-CP" and "15/2021/NĐ-CP" are two decrees)."""
    if min(len(a), len(b)) < 3 or abs(len(a) - len(b)) > 1 or re.sub(r"\D", "", a) != re.sub(r"\D", "", b):
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def distinct_citations(citations: list[Citation]) -> list[Citation]:
    """One citation per number, in order of first mention, at the first mention's section.

    ``date``, ``issuer``, ``doc_type`` and ``alias`` are merged from all mentions (first stated
    value wins, the number's right spelling before a misprint of it: :func:`misprints`);
    ``text`` is the first mention that states the most (date and issuer).
    """
    wrong = misprints(citations)
    groups: dict[str, list[Citation]] = {}
    for c in citations:
        if c.number:
            key = doc_number_key(c.number)
            groups.setdefault(wrong.get(key, key), []).append(c)
    out = []
    for key, found in groups.items():
        # The right spelling's mentions first: a misprint's own date does not win.
        ms = sorted(found, key=lambda c: doc_number_key(c.number) != key)
        right = [c for c in found if doc_number_key(c.number) == key]
        first = right[0]
        best = max(
            enumerate(right),
            key=lambda im: ((im[1].date is not None) + (im[1].issuer is not None), -im[0]),
        )[1]

        def pick(attr: str, ms: list[Citation] = ms, best: Citation = best) -> str | None:
            val = getattr(best, attr)
            return (
                val
                if val is not None
                else next((getattr(x, attr) for x in ms if getattr(x, attr) is not None), None)
            )

        out.append(
            Citation(
                number=first.number,
                doc_type=pick("doc_type"),
                date=pick("date"),
                issuer=pick("issuer"),
                section=first.section,
                text=best.text,
                alias=pick("alias"),
            )
        )
    return out


def mention_counts(citations: list[Citation]) -> dict[str, int]:
    """Mentions per document number (keyed by the canonical spelling of its first mention).

    Pass the output of :func:`resolve_aliases`: every resolved mention counts, short-name uses
    ("Kế hoạch 19") included; provisional ``number == ""`` entries are ignored. The gold
    files count occurrences of the number string, which is the same unless a document uses a
    short name without the number.
    """
    spelling: dict[str, str] = {}
    counts: Counter[str] = Counter()
    wrong = misprints(citations)
    for c in citations:
        if not c.number:
            continue
        key = doc_number_key(c.number)
        if key in wrong:
            continue  # a misprint of a number printed right elsewhere is not another mention
        counts[spelling.setdefault(key, c.number)] += 1
    return dict(counts)


def term_of(text_after_mention: str) -> str | None:
    """The term (khóa) written in the first clause of the text: "khóa XIII về …" → "XIII".

    Works on the text after a mention or on a mention phrase that ends with its term; stops at
    "về", punctuation that closes the clause, or an opening parenthesis. Arabic terms become
    Roman ("khóa 13" → "XIII").
    """
    folded = fold(text_after_mention, keep_length=True)
    stop = _TERM_STOP_RE.search(folded)
    limit = stop.start() if stop else len(folded)
    m = _KHOA_RE.search(folded, 0, limit)
    return _term_token(m.group(1)) if m else None


def central_term_for_date(iso_date: str) -> str | None:
    """The Central Committee term (khóa) in office on a date: 2018-05-23 → "XII".

    Terms change at the National Party Congress (closing day): XI from 2011-01-19, XII from
    2016-01-28, XIII from 2021-02-01, XIV from 2026-01-23 (earlier terms back to VIII too).
    None before 1996-07-01, from 2031 on (next congress date unknown) and for bad dates.
    """
    try:
        day = _dt.date.fromisoformat(iso_date[:10]).isoformat()
    except (TypeError, ValueError):
        return None
    if day >= _TERMS_END:
        return None
    term = None
    for start, name in _TERMS:
        if day >= start:
            term = name
    return term


def _is_central_number(c: Citation) -> bool:
    key = doc_number_key(c.number)
    return (
        key.endswith("/TW")
        or key.endswith("-TW")
        or bool(c.issuer and _CENTRAL_RE.search(c.issuer))
    )


def _central_term_near(text: str, folded: str, m: _Mention, limit: int) -> str | None:
    """A khóa attached to a central Party body in or right after a mention.

    "… Ban Chấp hành Trung ương Đảng khóa XIII" counts; "… HĐND tỉnh khóa XV" and "… Ban Chấp
    hành Đảng bộ tỉnh khóa XV" do not (provincial bodies have terms of their own).
    """
    s = _TERM_STOP_RE.search(folded, m.end, limit)
    end = min(s.start() if s else limit, m.end + 160)
    for k in _KHOA_RE.finditer(folded, m.start, end):
        owner_start = m.start
        for w in re.finditer(r"(?<![a-z])(?:cua|duoc|do|boi|va)(?![a-z])", folded[: k.start()]):
            if w.start() >= m.start:
                owner_start = w.end()
        owner = text[owner_start : k.start()]
        owner_words = " ".join(owner.split()[-10:])
        if _CENTRAL_RE.search(owner_words) and not _LOCAL_RE.search(fold(owner_words, keep_length=True)):
            return _term_token(k.group(1))
    return None


def citation_warnings(
    citations: list[Citation], *, document_date: str | None, texts: list[tuple[str | None, str]]
) -> list[ParseWarning]:
    """Check cited documents against their dates.

    - ``cited_date_after_document``: a cited document dated after ``document_date`` (none when
      the document states no date).
    - ``term_mismatch``: a Central Committee document (``…/TW`` or a central issuer) whose term
      written next to it ("Ban Chấp hành Trung ương Đảng khóa XIII", found in ``texts`` = the
      (section, text) segments) is not the term of its date. Terms of provincial bodies are
      ignored. Without ``texts`` the citations' own mention texts are used.
    """
    warnings: list[ParseWarning] = []
    distinct = distinct_citations(citations)
    if document_date:
        for c in distinct:
            if c.date and c.date > document_date:
                warnings.append(
                    ParseWarning(
                        "cited_date_after_document",
                        f"{c.number} dated {c.date} is later than the document's own date "
                        f"{document_date}",
                        c.section,
                    )
                )
    wrong = misprints(citations)
    info = {doc_number_key(c.number): c for c in distinct}
    reported: set[str] = set()
    for c in citations:
        key = doc_number_key(c.number) if c.number else ""
        right = info.get(wrong.get(key, ""))
        if right is not None and key not in reported and c.date and right.date and c.date != right.date:
            # A misprint that also changes the date (GUIDELINES-real.md [decided, kh165]).
            reported.add(key)
            warnings.append(ParseWarning(
                "suspect_typo", f"“{c.number} ngày {c.date}” is probably “{right.number} ngày {right.date}”",
                c.section))
    seen: set[tuple[str, str]] = set()
    sources = texts or [(c.section, c.text) for c in citations if c.number]
    for section, text in sources:
        mentions = _scan(text, section)
        folded = fold(text, keep_length=True)
        for i, m in enumerate(mentions):
            if not m.cit.number:
                continue
            key = doc_number_key(m.cit.number)
            known = info.get(key)
            date = m.cit.date or (known.date if known else None)
            cit = replace(m.cit, issuer=m.cit.issuer or (known.issuer if known else None))
            if not date or not _is_central_number(cit):
                continue
            limit = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
            stated = _central_term_near(text, folded, m, limit)
            expected = central_term_for_date(date)
            if not stated or not expected or stated == expected or (key, stated) in seen:
                continue
            seen.add((key, stated))
            number = known.number if known else m.cit.number
            warnings.append(
                ParseWarning(
                    "term_mismatch",
                    f"{number} dated {date} belongs to term {expected}, the text says khóa {stated}",
                    section,
                )
            )
    return warnings
