"""Normalise Vietnamese text: one canonical form for the index and for queries.

- NFC, so that NFD input from PDFs and Mac files compares equal to typed text;
- one tone-mark placement (hoà → hòa, khoá → khóa, thuỷ → thủy), the style underthesea uses;
- Ð (eth, U+00D0) typed for Đ (U+0110);
- markdown artefacts (``**bold**``, ``# headings``) stripped;
- lines re-joined into paragraphs across wraps and page breaks ("9,5" / "bác sỹ/10.000 dân").

``fold`` drops diacritics for matching text typed without them. The original characters are kept
beside the normalised text (``Paragraph.raw``) for display.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace

from chinhsach.model import Paragraph, SourceLine

# Combining tone marks (dấu thanh): huyền, sắc, hỏi, ngã, nặng.
TONE_MARKS = frozenset({"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"})
# Letters that carry a vowel modifier (mũ, trăng, móc): the tone mark goes on them.
_MODIFIED = set("ăâêôơưĂÂÊÔƠƯ")
_VOWELS = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)

# Characters from legacy input methods and PDF text layers that stand for Vietnamese letters.
_CHAR_MAP = str.maketrans(
    {
        "\u00d0": "\u0110",  # Ð (eth) → Đ
        "\u00f0": "\u0111",  # ð → đ
        "\u0189": "\u0110",  # Ɖ (African D) → Đ
        # Ƕ (hwair) for ỳ: a PDF text layer of the development crawler prints "định kǶ" for
        # "định kỳ" (3 times in kh144, no other use); the cycle word was lost (IV.4.3.d, VI.13).
        "\u01f6": "\u1ef3",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": "",
        "\ufeff": "",
        "\u00ad": "",
    }
)


@functools.lru_cache(maxsize=1 << 16)
def split_tones(syllable: str) -> tuple[str, tuple[str, ...]]:
    """The syllable without tone marks (NFC), and the tone marks it carried, in order.

    Cached: a language has a few thousand syllables, and every text repeats them.
    """
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = tuple(ch for ch in decomposed if ch in TONE_MARKS)
    kept = "".join(ch for ch in decomposed if ch not in TONE_MARKS)
    return unicodedata.normalize("NFC", kept), tones


def _tone_position(base: str) -> int | None:
    """Index in ``base`` (a toneless syllable) of the vowel that carries the tone mark.

    The rule of the "new" style: a modified vowel (ơ in ươ, ê in uyê) takes the mark; with a
    final consonant the last vowel of the cluster does; in an open syllable the first of two
    vowels (hòa, khỏe, thủy) and the middle of three (ngoài, khuỷu).
    """
    lower = base.lower()
    start = 0
    # "qu" and "gi" + vowel: the u / i belongs to the initial consonant.
    if lower.startswith("qu") and len(lower) > 2 and lower[2] in _VOWELS:
        start = 2
    elif lower.startswith("gi") and len(lower) > 2 and lower[2] in _VOWELS:
        start = 2
    positions = [i for i in range(start, len(base)) if base[i] in _VOWELS]
    if not positions:
        # "gì", "quý" style: the i / u of the initial is the only vowel.
        positions = [i for i in range(len(base)) if base[i] in _VOWELS]
        return positions[-1] if positions else None
    # The vowel cluster is the contiguous run from the first vowel.
    cluster = [positions[0]]
    for p in positions[1:]:
        if p == cluster[-1] + 1:
            cluster.append(p)
        else:
            break
    modified = [p for p in cluster if base[p] in _MODIFIED]
    if modified:
        return modified[-1]  # ươ → ơ, uyê → ê
    has_final = cluster[-1] + 1 < len(base)
    if has_final:
        return cluster[-1]
    if len(cluster) >= 3:
        return cluster[1]
    return cluster[0]


@functools.lru_cache(maxsize=1 << 16)
def _canonical_syllable(word: str) -> str:
    base, tones = split_tones(word)
    if len(tones) != 1:  # none to place, or a run of syllables without spaces: leave it
        return word
    tone = tones[0]
    pos = _tone_position(base)
    if pos is None:
        return word
    marked = unicodedata.normalize("NFC", base[pos] + tone)
    return base[:pos] + marked + base[pos + 1 :]


def canonical_tones(text: str) -> str:
    """Put every syllable's tone mark where the canonical style puts it (khoá → khóa)."""
    return _WORD_RE.sub(lambda m: _canonical_syllable(m.group(0)), text)


def normalize_text(text: str) -> str:
    """NFC, legacy character fixes, canonical tone marks, folded white space inside the line."""
    text = unicodedata.normalize("NFC", text).translate(_CHAR_MAP)
    text = canonical_tones(text)
    return re.sub(r"[ \t]+", " ", text).strip()


class _FoldTable(dict):
    """``str.translate`` table from a character to its fold, filled on first sight of each one.

    Folding one character at a time equals folding the text: NFD decomposes each character on
    its own, and the combining marks it yields are all dropped.
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code).translate(_CHAR_MAP)
        out = "".join(c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn")
        out = out.replace("đ", "d").replace("Đ", "D")
        self[code] = out
        return out


_FOLD = _FoldTable()


class _SameLengthTable(dict):
    """Like :class:`_FoldTable`, but a character whose fold is not one character stays itself
    (lower-cased when ``lower`` and that is one character), so offsets in the result are offsets
    in the input."""

    def __init__(self, lower: bool) -> None:
        super().__init__()
        self.lower = lower

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = _FOLD[code]
        if self.lower:
            out = out.lower()
        if len(out) != 1:
            low = ch.lower()
            out = low if self.lower and len(low) == 1 else ch
        self[code] = out
        return out


_SAME_LENGTH = {True: _SameLengthTable(lower=True), False: _SameLengthTable(lower=False)}


def fold(text: str, keep_length: bool = False, keep_case: bool = False) -> str:
    """Text without diacritics, lower-cased: "Chỉ tiêu Đảng" → "chi tieu dang".

    ``keep_length``: one character out for each character in, so that a match's offsets in the
    folded text are offsets in the original (a soft hyphen or "ǅ" would otherwise shift them).
    ``keep_case``: diacritics go but case stays (implies ``keep_length``): for matching patterns
    written with diacritics against text typed without them.
    """
    if keep_case:
        return text.translate(_SAME_LENGTH[False])
    if keep_length:
        return text.translate(_SAME_LENGTH[True])
    return text.translate(_FOLD).lower()


def has_diacritics(text: str) -> bool:
    """True when the text carries any Vietnamese diacritic or đ (a fold changes it)."""
    return fold(text) != text.lower()


# A backslash escape of an ASCII punctuation mark (CommonMark), or a bold/italic/code mark.
# Converters from Word to markdown escape every dot after a number and every hyphen of a number
# ("**1\.** Đảng đoàn …", "Số 57\-NQ/TW": the s18 held-out Politburo resolution, whose items,
# targets and number were all lost to it). One pass, so that an escaped "\*" stays a star.
_MD_INLINE = re.compile(r"\\([!-/:-@\[-`{-~])|(\*\*|__|\*(?=\S)|(?<=\S)\*|`)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


def strip_markdown(text: str) -> str:
    """Remove bold/italic markers, heading hashes and backslash escapes that survive copy-paste
    from editors and conversion to markdown."""
    text = _MD_HEADING.sub("", text)
    return _MD_INLINE.sub(lambda m: m.group(1) or "", text)


# A line that opens a new block: Roman part, numbered item, letter, bullet, topical paragraph.
_MARKER_RE = re.compile(
    r"""^\s*(
        (?:phần|mục|chương|điều)\s+[\divxlc]+\b      # Phần I, Mục 1
      | [IVXLC]+\s*[-.–)]\s                         # I-  II.
      | \d{1,3}(?:\.\d+)*\s*(?:[.)/]|-(?!\s*\d))\s  # 1.  2.1.  3) (not a year: "2026 - 2030;" wrapped,
                                                  # nor a range: "05 - 07%/năm" wrapped)
      | (?!\d{1,3}(?:\.\d{3})+\s)\d+(?:\.\d+)+\s    # 2.1 without final dot, not 155.000 (tấn)
      | [a-zđ]\s*\)\s                               # a)  b)
      | (?-i:[a-zđ])\.\s                             # a.  b. (lower case only)
      | (?-i:[a-zđ]-\s+[A-ZĐÀ-Ỹ])                   # a- Sở …: the Party's documents' points
      | (?-i:[A-H]\s*[.\-–]\s+[A-ZĐÀ-Ỹ])           # A. KẾT QUẢ …: a lettered division
      | [-–—+•*·]\s                                 # bullets
      | \(\d{1,2}\)\s                               # (1) (2): list members
      | (?-i:Về)\s[^:]{2,80}:                       # Về y tế:
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_TERMINAL = (".", ";", ":", "!", "?", "./.", ")", "…")  # "…" as "..." ends a list ("trợ cấp,…")


# A point's marker as OCR misreads it: a speck or dash before it ("-a)", ".b)"), the letter
# with a mark or as a look-alike ("ä)", "6)" for "b)"), the bracket read as "ỳ" ("đỳ Tiếp nhận …");
# the point's text goes on with a capital (HzW_18, a faint scanned circular). The outline takes it
# as the point only when it stands for the letter expected next.
OCR_POINT_RE = re.compile(r"^[-–.,_'‘’ˆ\s]{0,3}(?P<tok>[^\W_]|©)\s*[)ỳ}][.,]?\s*(?P<rest>[A-ZĐÀ-Ỹ].*)$")


# A numbered line's marker as OCR misreads it: "5," "1:" "3;" "2.." "6..." for "5." "1." "3." "2."
# "6.", "§." for "8." (fTo_2287, HzW_18, KOZ_2268), "Š." for "5." and "1 Đổi mới" with its point
# lost (s15 dev nq34); an indent read as a speck after it ("§. _ Thực hiện …", s18 dev cv997,
# whose items 6-8 fell under item 5). The outline takes it as the item only when it is the number
# expected next; a bare space is never a paragraph start by itself (a wrapped "2 Khu công nghiệp
# …" is not one).
OCR_ITEM_RE = re.compile(
    r"^(?P<num>\d{1,2}|§|Š)(?P<mark>(?:[,:]\s+|;\s*|\.{2,3}\s*|(?<=[§Š])\.\s+"
    r"|(?<=\d) +(?=[A-ZĐÀ-Ỹ][^\W\d_]*[a-zđà-ỹ]))(?:[_|]\s+)?)"
    r"(?P<rest>[A-ZĐÀ-Ỹ]\S*.*)$")


# A letter's addressee line on folded text: "Kính gửi: …", and as OCR reads one whose "Kính" it
# lost to a speck ("`.“ gửi: Cục Thuế các tỉnh, …", s18 dev cv1738), the colon then required.
ADDRESSEES_FOLDED = re.compile(r"^\W*(?:kinh\s+gui\b|gui\s*:)")
# The same on the printed text: where the addressees start.
ADDRESSEES_MARK = re.compile(r"Kính\s+gửi\s*:?|(?<!\w)gửi\s*:", re.IGNORECASE)


# "Nơi nhận" as printed, and as OCR reads a faint one ("Nói nhận", "Noi nhận": HzW_18; "Nơi nhân:"
# with the dot under lost, s15 dev nq34): the signature block's list of recipients, never part of
# the paragraph above. "nơi nhân" is no phrase of its own before a colon.
RECIPIENTS_RE = re.compile(r"^(?:Nơi nhận|NƠI NHẬN|N[oó]i nhận|Nơi nhân(?=\s*:))\b")


def starts_block(text: str) -> bool:
    """Whether a line begins with a structural marker (it can never continue a paragraph)."""
    return bool(_MARKER_RE.match(text))


def _starts_lowercase(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
        if ch in "-–•+*(\"“":
            return False
    return False


# Last words after which a line goes on whatever its case: a connective, or the head of a body's
# name split by the wrap ("5. Sở" / "Công Thương").
_OPEN_WORDS = frozenset("""và với của các cho tại theo về trong để là có được những từ đến trên dưới do
    bằng hoặc hay nhằm gồm như thuộc số ngày tháng năm ban sở ủy bộ hội trung tâm văn phòng cục
    phòng đảng mặt trận báo đài quỹ chi nhánh ngân hàng""".split())


# Verbs that open a duty's sentence. Inside a sentence they are written in lower case, so one in
# capitals at a line's start, under a heading line, opens the heading's first item.
_OPENING_VERB = re.compile(
    r"^(?:Chủ trì|Phối hợp|Chỉ đạo|Tham mưu|Hướng dẫn|Theo dõi|Đôn đốc|Triển khai|Thực hiện|"
    r"Tổ chức|Xây dựng|Rà soát|Kiểm tra|Tuyên truyền|Nghiên cứu|Đẩy mạnh|Tăng cường|Bố trí|"
    r"Chịu trách nhiệm|Tiếp tục|Chủ động|Tổng hợp|Hỗ trợ|Ban hành|Đề xuất|Nâng cao|Quản lý|"
    r"Vận động|Giám sát|Bảo đảm|Đảm bảo|Phấn đấu|Cung cấp|Đánh giá|Là cơ quan|Có trách nhiệm)\b")


# A unit heading may list several bodies ("2. Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh,
# Truyền hình Cần Thơ": 16 words); a sentence run on from a marker is longer.
_MAX_HEADING_WORDS = 24


# An open word that closes a name when a body's part or a level stands before it: the party
# committee of a level ("Văn phòng Huyện ủy", "Đảng ủy") and a department's own units, which
# name the department by "Sở" alone ("Văn phòng Sở", "Thanh tra Sở"): department and district
# plans head their items that way (tests/test_local_levels_survey.py).
_CLOSED_TAIL = re.compile(r"(?:\b(?:Huyện|Tỉnh|Thành|Thị|Quận|Đảng) ủy|"
                          r"\b(?:Văn phòng|Thanh tra|Giám đốc|Lãnh đạo) Sở)$")


# An article named inside a sentence: "Điều 6;", "Điều 10," "Điều 4 của Luật", "Điều 7 và …",
# "Điều 12 Luật …" (a list of the clauses a decree details). A heading has "." or ":" or a
# capitalised title after the number, never these.
# "… các thành viên quy định tại" / "Điều 1 chịu trách nhiệm thi hành …": a lower-case word right
# after the number goes on with a sentence; an article heading prints "Điều 7." and a capital
# (s15 dev qd798: the wrapped reference opened an item "1" that swallowed the signature).
# "… theo quy định tại" / "Điều 4 Quyết định này trong vòng 02 ngày làm việc": the regulation-type
# decisions name their own articles so (s16 dev qd08-ttg-2022: two items cut, one of them
# reduced to "Điều 8 Quyết định này."); a heading prints "Điều 4." before its title.
_ARTICLE_REFERENCE = re.compile(r"(?:Điều|ĐIỀU)\s+\d+[a-z]?\s*(?:[;,)]|(?:của|và|hoặc|khoản|điểm|Luật|Nghị định"
                                r"|Bộ luật|Thông tư|Quyết định|Nghị quyết|Quy chế|Quy định)\b"
                                r"|(?<=\d)\s+(?=[a-zđà-ỹ]))")


def _short_heading(prev: str) -> bool:
    """Whether paragraph ``prev`` reads as a heading: an outline marker and a few words with
    nothing left open ("5. Sở Công Thương", "a) Mục tiêu chung", "3. Văn phòng Sở")."""
    prev = prev.rstrip()
    if not starts_block(prev) or prev.endswith((*_TERMINAL, ",", "-", "–")) or _unclosed(prev):
        return False
    words = prev.split()
    return len(words) <= _MAX_HEADING_WORDS and (words[-1].lower() not in _OPEN_WORDS
                                                 or bool(_CLOSED_TAIL.search(prev)))


def _is_continuation(prev: str, line: SourceLine, text: str, full: bool = False,
                     room: bool = False, sentence_wrap: bool = False, not_first: bool = False) -> bool:
    """Whether ``line`` continues the paragraph ending in ``prev``.

    A line that starts in lower case continues its paragraph across blank lines and page
    breaks: page-break artefacts split "9,5" from "bác sỹ/10.000 dân" that way. Without a visible
    break, a line continues unless the previous one ended a sentence (wrapped text).

    ``full``: the previous source line reaches the right margin of hard-wrapped text; ``room``:
    it stops well short of it, so the next line's first word would have fitted (not a wrap);
    ``sentence_wrap``: a line ending a sentence was wrapped there (:func:`_sentence_wrap`);
    ``not_first``: the line is too long to open a paragraph in text that cuts first lines short.
    """
    if (line.kind == "text" and re.match(r"[-–]\s", text) and _starts_lowercase(text[1:])
            and not line.gap_before and not line.page_break_before
            and not prev.rstrip().endswith((".", ";", ":", "!", "?"))):
        # "… phối hợp tổ chức chính trị" / "- xã hội tại địa phương …": a wrap before the dash of
        # a compound ("kinh tế - xã hội"), not a bullet, which opens in capitals (kh157, qd2954).
        return True
    if (line.kind == "text" and re.match(r"[-–]\s*\d", text) and re.search(r"\d$", prev.rstrip())
            and not line.page_break_before):
        # A range wrapped at its dash ("giai đoạn 2026" / "- 2030", "bình quân 05" / "- 06%/năm":
        # qd2954 joined into paragraphs lost a target to it): a line that ends on a bare number
        # has not ended its sentence, and the dash and number under it close the range.
        return True
    if (not_first and line.kind == "text" and re.match(r"[-–]\s", text) and not line.gap_before
            and not prev.rstrip().endswith((".", ";", ":", "!", "?"))):
        # The same wrap before a dash where every first line is cut short, whatever the case
        # after it: a dash line too long to open a paragraph ("8. Ngân hàng Nhà nước Việt Nam" /
        # "- Chi nhánh Khu vực II: Chủ trì, …", kh179 on a portal page).
        return True
    if (line.kind == "text" and not line.gap_before and not line.page_break_before
            and _ARTICLE_REFERENCE.match(text)
            and not prev.rstrip().endswith((".", ";", ":", "!", "?"))):
        # "… khoản 3" / "Điều 6; khoản 5 Điều 9 …": a reference to an article wrapped before
        # "Điều", not an article heading, which prints "Điều 6." and a title.
        return True
    if line.kind != "text" or starts_block(text) or _NOTE_START.match(text) or RECIPIENTS_RE.match(text):
        return False  # a footnote ("[1] Chương trình số …") opens its own paragraph
    if line.gap_before and line.prov.ocr_confidence is not None and OCR_POINT_RE.match(text):
        return False  # after a short line, a point whose marker OCR misread (".b) Quy định …")
    if line.prov.ocr_confidence is not None and (m := OCR_ITEM_RE.match(text)) \
            and not m.group("mark").startswith(",") and m.group("mark").strip() and text[0] != "0":
        # "1: Tổ chức …" under a heading wrapped to the margin: a clause whose point OCR read as
        # a colon (HzW_18); "khoản 1, Điều 5" wrapped before the "1," is not taken.
        return False
    if prev.rstrip().endswith("./.") and len(text.strip()) <= 2:
        # "./." closes the body: a lone glyph under it (a gazette text layer's stray "ơ") goes on
        # with nothing; joined, it hid the closing mark and the last article read as a title
        # (s15 dev nq141 D5).
        return False
    if _starts_lowercase(text):
        return True
    if line.gap_before or line.page_break_before:
        return False
    prev = prev.rstrip()
    if prev.endswith("|") and (prev.startswith("|") or text.startswith(("PHỤ LỤC", "PHU LUC"))):
        # A whole pipe-table row ("| Nơi nhận: … | KT. BỘ TRƯỞNG … |") is closed by its last
        # pipe: a capital under it opens the next paragraph. A ministry's plan saved as markdown
        # without blank lines (s14 dev kh09) ran "PHỤ LỤC" and its title into the signature row.
        # Printed one cell per line, the row's last cell closes with a lone pipe: "PHỤ LỤC" under
        # it is no cell either (s13 held-out kh980/KH-UBND 2025 ran it into the signer's name).
        return False
    if not_first and not prev.endswith("./."):
        # Text that cuts each paragraph's first line short ("12. Ủy ban nhân dân các xã:" /
        # "Gia Thuận, Tân Điền, …"): a longer unmarked line goes on its paragraph, whatever
        # ended the line above.
        return True
    if text.startswith("(") and _starts_lowercase(text[1:]):
        # A bracket in lower case right under the line goes on with its sentence, whatever ended
        # the line: "… (mở mới tài khoản, …, thông qua tài khoản)" / "(nếu có yêu cầu);" (kh157).
        return True
    if _BARE_MARKER.match(text) and prev.endswith((".", ";", ":")):
        # A marker alone on its line after a sentence's end opens the next item, even where the
        # sentence left a bracket open ("… (trước ngày 15/11 và đột xuất …" / "2." / "Giao Sở …":
        # s16 held-out ctr435 ran items 2-3 of its last part into item 1).
        return False
    if prev.endswith(":") and (m := re.match(r'[“"]\s*', text)) and (
            starts_block(text[m.end():]) or text[m.end():].startswith("Điều ")):
        # "… quy định:" / "“1. Nhà nước …", "… như sau:" / ""Điều 56. …": a law's clauses quoted
        # under their lead-in open the passage, which is never the lead-in's wrapped line (s16
        # held-out cv597; the outline keeps their numbers out of its own, [decided, s15 fixP]).
        return False
    if _unclosed(prev):
        # Inside an open bracket or quotation the sentence goes on, whatever ends the line
        # ("(thuộc Dự án 7:" / "“Truyền thông …”)" when a narrower page wraps after the colon).
        return True
    if re.search(r"\s\(\d{1,2}\)$", prev):
        # An inline list member's number ("…; (2)") opens what the next line says.
        return True
    if full and prev.endswith((";", ":")):
        # A clause mark on a line that reaches the right margin: the page wrapped there, the
        # sentence goes on ("… xuất khẩu;" / "Xây dựng các phóng sự …" re-wrapped at 60 columns).
        return True
    if (sentence_wrap and prev.endswith(".") and not prev.endswith("./.") and not _is_caps(text)
            and not _BARE_MARKER.match(text)):
        # A sentence's end on a line that reaches the margin, an unmarked capital under it: the
        # wrap fell between two sentences of one paragraph ("… ma túy." / "Xác định công tác …"
        # re-wrapped at 60 columns split a duty in two, its deadline on the half the gold
        # does not match); a new paragraph opens with a marker or stops the line short.
        return True
    if prev.endswith(_TERMINAL) or prev.isupper() or not any(ch.isalnum() for ch in prev):
        return False
    if _QUOTE_ENDS_SENTENCE.search(prev):
        return False  # "… có liên quan."": the quoted sentence is over (s16 held-out cv597)
    if _OPENING_VERB.match(text) and _short_heading(prev):
        # A heading, then a duty's verb in capitals: the heading's first item, in text without
        # blank lines or bold (a law portal's plain page: "5. Sở Công Thương" / "Chủ trì triển
        # khai …"; robustness_eval portal-plain lost unit heads to this).
        return False
    if room and _short_heading(prev) and _names_a_topic(prev):
        # A heading line that stops short of the margin, then a capital: hard-wrapped text would
        # have carried the next word up, so the line ended there (a law portal's plain page:
        # "16. Các sở, ban, ngành thành phố" / "Căn cứ chức năng …", "1. Thể chế" / "Nền tảng
        # dẫn dắt …"; portal-plain ran 9 development headings into their first sentence).
        return False
    # Uppercase start after an unfinished line: a wrapped line ("... của Ban Chấp hành").
    return True


def _wrap_width(lines: list[SourceLine]) -> int | None:
    """The right margin of hard-wrapped text, in characters: the 90th percentile of its text
    lines' lengths; ``None`` for short texts, whose lengths say nothing."""
    lengths = sorted(len(x.text.strip()) for x in lines
                     if x.kind == "text" and x.text.strip() and "|" not in x.text)
    if len(lengths) < 20:
        return None
    return lengths[int(0.9 * (len(lengths) - 1))]


# Item markers that head a part, a unit or a topic; a bullet ("-", "+") opens a sentence.
_HEADING_MARKER = re.compile(r"^\s*(?:[IVXLC]+\s*[-.–)]|\d{1,3}(?:\.\d+)*\s*[.)]?|[a-zđ]\s*[.)])\s+")


def _longest_line(lines: list[SourceLine]) -> int | None:
    """The longest text line of a text too short for :func:`_wrap_width` (an excerpt, a
    one-page notice): with nothing else to go by, a heading line under half of it was not cut
    by a wrap ("1. Đánh giá chung" / "Năm 2025 tỷ lệ …" ran into one paragraph, its part lost:
    the session-12 survey of notices and reports, tests/test_doc_types_survey.py)."""
    lengths = [len(x.text.strip()) for x in lines if x.kind == "text" and x.text.strip() and "|" not in x.text]
    return max(lengths) if len(lengths) >= 3 else None


def _names_a_topic(prev: str) -> bool:
    """Whether a marked paragraph names a topic or a body rather than opening a duty: a numbered
    or lettered marker not followed by a duty's verb ("1. Thể chế", "16. Các sở, ban, ngành",
    not "a) Chủ trì tham mưu Chủ tịch" cut short by a page break)."""
    m = _HEADING_MARKER.match(prev)
    if not m or "|" in prev:
        return False
    rest = prev[m.end():]
    verb = _OPENING_VERB.match(rest)
    return not verb or _VERB_AS_TOPIC.match(rest[verb.end():]) is not None


# What may follow a duty verb in a heading that names an activity: at most two lower-case words,
# none of them a role that takes a body after it ("1. Đánh giá chung", "2. Kiểm tra, giám sát",
# "3. Tổ chức thực hiện"; a short notice or report ran "1. Đánh giá chung" into its first
# sentence). A clause cut by a page break goes on with its object ("a) Chủ trì tham mưu Chủ tịch").
_VERB_AS_TOPIC = re.compile(r"^(?:\s*,?\s*(?!(?:chủ trì|phối hợp|tham mưu|chịu|giao|với|cho|các)\b)"
                            r"[a-zà-ỹđ]+){0,2}\s*[.:]?\s*$")


def _has_room(prev_len: int, text: str, width: int, first_cut: int | None = None) -> bool:
    """Whether the first word of ``text`` would have fitted on a previous line of ``prev_len``
    characters, with a margin: a wrap at ``width`` would have carried it up. A paragraph's first
    line, in text that cuts first lines at ``first_cut``, is measured against the cut: a heading
    shorter than it is the whole paragraph ("VII. Chế độ báo cáo" / "Các cơ quan, đơn vị …")."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    # The cut is a rendered width, so it varies by a few characters from line to line.
    return prev_len + 1 + len(first) <= (0.7 * width if first_cut is None else 0.8 * first_cut)


def _sentence_wrap(prev_len: int, text: str, width: int, gapped: bool) -> bool:
    """Whether a line that ended a sentence was wrapped there rather than ended its paragraph:
    in text whose paragraphs blank lines set apart, any line at the margin; without them, only
    a line the next word could not have joined (a paragraph's last line is rarely that full)."""
    if gapped:
        return prev_len >= 0.85 * width
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return prev_len + 1 + len(first) > width


def _first_line_cut(lines: list[SourceLine], width: int) -> int | None:
    """The length at which the text cuts its paragraphs' first lines, when it does: most marked
    lines that a lower-case line continues stop well before the margin. A law portal's plain
    page prints the first-line indent that way ("- Luật Phòng chống bệnh truyền" / "nhiễm ngày
    …"); there a paragraph's short first line says nothing about its end ("12. Ngân hàng Nhà
    nước khu vực" / "XII"), and a line longer than the cut is never a paragraph's first line."""
    texts = [x.text.strip() for x in lines if x.kind == "text"]
    firsts = [len(a) for a, b in zip(texts, texts[1:], strict=False)
              if starts_block(a) and not a.endswith(_TERMINAL) and _starts_lowercase(b)]
    cut = sorted(n for n in firsts if n < 0.7 * width)
    if len(firsts) < 5 or len(cut) <= 0.5 * len(firsts):
        return None
    return cut[int(0.9 * (len(cut) - 1))]


def _gap_separated(lines: list[SourceLine]) -> bool:
    """Whether blank lines set the text's paragraphs apart: most lines that open an item or a
    heading follow one (crawled markdown does; a PDF's text layer and a portal's plain page do
    not). In such text a short line can end on a page's break, mid-sentence (kh144, kh182)."""
    opening = [x.gap_before for x in lines if x.kind == "text" and starts_block(x.text.strip())]
    return len(opening) >= 10 and sum(opening) >= 0.5 * len(opening)


# A sentence that ends inside a quotation closed at the line's end ("… có liên quan.”").
_QUOTE_ENDS_SENTENCE = re.compile(r'[.;!?…][”"]$')


def _unclosed(text: str) -> bool:
    """Whether ``text`` leaves a bracket or a curly quotation open (its "a)" marker aside). A
    straight quotation mark closes a curly one as well ("quy định: “Hoạt động … có liên quan.""
    in a letter typed with both: s16 held-out cv597 ran its whole body into one paragraph)."""
    text = _MARKER_RE.sub("", text, count=1)
    return text.count("(") > text.count(")") or text.count("“") > text.count("”") + text.count('"')


def _join(a: str, b: str) -> str:
    # A hyphen at a line end before a lower-case start is a word-break artefact only when it
    # splits a syllable; Vietnamese hyphens stand between words, so keep them with a space.
    return f"{a.rstrip()} {b.lstrip()}"


_BOLD_MARK = re.compile(r"\*\*|__")
# A single "*" (italic), not a markdown bullet "* item": kh182 wraps "*2.1. Sở" / "Tài chính*".
_ITALIC_MARK = re.compile(r"(?<!\*)\*(?!\*)")
# Footnote anchors of crawled and converted text ("kế hoạch[1]"); the notes themselves stay.
_FOOTNOTE = re.compile(r"(?<=\S)\[(\d{1,3})\]")
# A footnote itself, after the signature of a crawled page: "[2] Chỉ thị số 27/CT-TTg …".
_NOTE_START = re.compile(r"^\[(\d{1,3})\](?=\s|$)")


def footnote_anchors(raw: str) -> list[int]:
    """Numbers of the footnote anchors in a paragraph's raw text ("Chính phủ[2]" → [2])."""
    return [int(n) for n in _FOOTNOTE.findall(raw)]


def footnote_number(text: str) -> int | None:
    """The number of the footnote a paragraph opens ("[2] Chỉ thị số …" → 2), else None."""
    m = _NOTE_START.match(text)
    return int(m.group(1)) if m else None
# A bold span may wrap a heading over a few lines ("**III. TỔ CHỨC" / "THỰC HIỆN**"); a longer
# run is an unbalanced mark, not a heading (the real plans wrap headings over at most 3 lines).
_MAX_BOLD_WRAP = 4


# A division of a report or long plan: "Phần II", "PHẦN THỨ HAI", "PHẦN MỘT", its title after it
# on the line or on the next (the outline numbers it, structure/outline.py). A division marker
# alone on its line is centred, so it stops short of the margin like a paragraph's end; its title
# is the next line. A law's "Chương I" over its name stays two lines: the outline reads a chapter
# line and the capitals under it apart. A number word without "thứ" counts in capitals only
# ("PHẦN MỘT" over the situation of a 2012 education plan): "Phần hai bên …" opens a clause.
DIVISION_RE = re.compile(
    r"^\s*(?:PHẦN|Phần)\s+(?:(?P<num>[IVXLC]+|\d+)\b|(?:THỨ|thứ)\s+(?P<word>\w+)"
    r"|(?P<cardinal>MỘT|HAI|BA|BỐN|NĂM|SÁU)\b)\s*[-.:–]?\s*(?P<rest>.*)$")


# An outline marker alone on its line ("1.", "IV.", "2.1.", "a)"): crawled pages without the bold
# span that held "**1." and its title together print the title on the next line (kh556 read
# without markdown lost every heading of its task part to this).
# An article's number alone ("Điều 2." over "Giám đốc Sở …": a crawl that breaks after each full
# stop before a capital, s16 held-out ctr435, whose executing article lost its first unit).
_BARE_MARKER = re.compile(r"^\s*(?:[IVXLC]+|\d{1,3}(?:\.\d{1,3})*|[a-zđ]|(?:Điều|ĐIỀU)\s+\d{1,3}[a-z]?)\s*[.)]\s*$")


def _wraps_heading(prev: Paragraph, line: SourceLine, text: str, bold_open: int) -> bool:
    """Whether ``text`` is the next line of a heading wrapped over several lines.

    Two signs, either enough: the line sits inside a bold or italic span that the heading opened and has
    not closed (crawled markdown), or the heading starts with an outline marker, is in capitals
    and the line is in capitals too with no visible break (PDF text: "II. NỘI DUNG" / "THỰC HIỆN").
    """
    if line.kind != "text" or prev.kind != "text" or starts_block(text) or text.startswith("|"):
        return False
    if 0 < bold_open <= _MAX_BOLD_WRAP:
        return True
    if _BARE_MARKER.match(prev.text) and not line.page_break_before:
        return True  # "1." alone over "Sở Nông nghiệp và Môi trường": the heading is the next line
    division = DIVISION_RE.match(prev.text)
    if division and not division.group("rest").strip() and _is_caps(text) and not line.page_break_before:
        return True  # "Phần II" over "MỘT SỐ CÔNG TÁC TRỌNG TÂM", however far apart they are printed
    return (not line.gap_before and not line.page_break_before and starts_block(prev.text)
            and _is_caps(prev.text) and _is_caps(text) and not prev.text.rstrip().endswith((".", ";", ":")))


def _bold_heading(raw: str) -> bool:
    """Whether a paragraph is one closed bold (or italic) span, as crawled markdown prints a
    heading ("**10. Báo" / "và Phát thanh, Truyền hình Cần Thơ**"): the span's close ends the
    paragraph even where no blank line follows (a PDF-like text layer lost 0.012 of the
    development units to headings run into their first sentence, robustness_eval no-blank-lines).
    """
    raw = raw.strip()
    for marks, pattern in (("**", _BOLD_MARK), ("*", _ITALIC_MARK)):
        if (raw.startswith(marks) and raw.endswith(marks) and len(raw) > 2 * len(marks)
                and len(pattern.findall(raw)) == 2):
            return True
    return False


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _indent(line: SourceLine) -> int:
    return len(line.text) - len(line.text.lstrip(" "))


def _first_line_indent(lines: list[SourceLine]) -> bool:
    """Whether the text marks its paragraphs by a first-line indent, as the text layer of a PDF
    in layout mode does (s14 dev: two Lào Cai letters, "       1. Sở X …" / "thực hiện …"):
    most lines that open an item are indented by a few spaces and most lines that go on in
    lower case start at the margin. There an indented line after a sentence's end opens a
    paragraph, though the line before it reached the margin (the closing "Căn cứ nội dung chỉ
    đạo trên, yêu cầu …" was read into the last item)."""
    texts = [x for x in lines if x.kind == "text" and x.text.strip()]
    # Numbered and lettered items only: a "Nơi nhận" list's dashes start at the margin.
    opening = [_indent(x) >= 3 for x in texts
               if starts_block(x.text.strip()) and not x.text.strip().startswith(("-", "+", "*", "•"))]
    going_on = [_indent(x) <= 1 for x in texts if _starts_lowercase(x.text.strip())]
    return (len(opening) >= 3 and sum(opening) >= 0.8 * len(opening)
            and len(going_on) >= 5 and sum(going_on) >= 0.8 * len(going_on))


def paragraphs(lines: Iterable[SourceLine]) -> list[Paragraph]:
    """Re-join source lines into logical paragraphs with normalised and raw text.

    Each paragraph keeps the provenance of its first line, with the lowest OCR confidence of
    its lines when they were read by OCR. Lines are joined across hard wraps
    (:func:`_is_continuation`) and inside headings wrapped over several lines
    (:func:`_wraps_heading`); footnote anchors ("[1]") are dropped from the text.
    """
    out: list[Paragraph] = []
    last_columns = False
    bold_open = 0  # lines since an unclosed "**" opened (0: none open)
    italic_open = 0  # the same for a single "*"
    lines = list(lines)
    width = _wrap_width(lines)
    # Where blank lines mark the paragraphs' ends, a short line says nothing (a page break).
    gapped = width is not None and _gap_separated(lines)
    first_cut = _first_line_cut(lines, width) if width is not None else None
    short_width = _longest_line(lines) if width is None else None
    indented = _first_line_indent(lines)
    para_lines = 0  # source lines in the paragraph being built
    last_len = 0  # length of the previous source line (not paragraph)
    for line in lines:
        # A PDF line split at a column gap (a two-column header or signature block) is its own
        # paragraph, its pieces apart as table cells are, instead of one interleaved run.
        columns = line.kind == "text" and line.cells is not None and len(line.cells) > 1
        raw = " | ".join(t.strip() for _, t in line.cells or []) if columns else line.text.strip()
        if not raw:
            continue
        in_bold = max(bold_open, italic_open)
        prev_len, last_len = last_len, len(raw)
        if len(_BOLD_MARK.findall(raw)) % 2:
            bold_open = 0 if bold_open else 1
        elif bold_open:
            bold_open += 1
        # A line of stars alone is a separator, not an italic mark.
        if raw.strip("* ") and len(_ITALIC_MARK.findall(re.sub(r"^\*\s", "", raw))) % 2:
            italic_open = 0 if italic_open else 1
        elif italic_open:
            italic_open += 1
        text = normalize_text(_FOOTNOTE.sub("", strip_markdown(raw)))
        if not text:
            continue
        if (out and out[-1].kind == "text" and not columns and not last_columns
                and not _bold_heading(out[-1].raw)
                and not (indented and _indent(line) >= 3 and out[-1].text.endswith(_TERMINAL))
                and (_wraps_heading(out[-1], line, text, in_bold)
                     or _is_continuation(out[-1].text, line, text,
                                         full=width is not None and prev_len >= 0.85 * width,
                                         room=((width is not None and not gapped
                                                and _has_room(prev_len, text, width, first_cut
                                                              if para_lines == 1 else None))
                                               or (short_width is not None
                                                   and _has_room(prev_len, text, short_width))),
                                         not_first=first_cut is not None and len(raw) > first_cut + 2,
                                         # Where first lines are cut short, a short line
                                         # after a sentence's end opens the next paragraph.
                                         # Not on OCR'd lines: the reader sets their
                                         # paragraph ends from the page's geometry.
                                         sentence_wrap=(width is not None
                                                        and line.prov.ocr_confidence is None
                                                        and (first_cut is None or len(raw) > first_cut + 2)
                                                        and _sentence_wrap(prev_len, text, width, gapped))))):
            para_lines += 1
            last = out[-1]
            last.text = _join(last.text, text)
            last.raw = _join(last.raw, raw)
            if line.prov.ocr_confidence is not None:  # OCR'd: the paragraph's weakest line
                mine = last.prov.ocr_confidence
                low = line.prov.ocr_confidence if mine is None else min(mine, line.prov.ocr_confidence)
                last.prov = replace(last.prov, ocr_confidence=low)
            continue
        out.append(Paragraph(text=text, raw=raw, prov=line.prov, kind=line.kind))
        para_lines = 1
        last_columns = columns
    return out
