"""OCR of scanned pages: Tesseract's Vietnamese model through ``tesserocr``, offline.

A page image becomes :class:`OcrLine` items in reading order, each with Tesseract's line
confidence (0–100) and its box in page pixels.

Choices, measured (``evaluation/ocr_bindings.py``, ``evaluation/ocr_eval.py``; numbers in
``evaluation/RESULTS.md``):

- **Binding: tesserocr.** It calls libtesseract in-process: the model is loaded once per
  thread instead of once per page (pytesseract starts a ``tesseract`` process per call), it
  releases the GIL while recognising (so threads give real parallelism, no process pool), and
  its result iterator gives each line's confidence and box. ocrmypdf writes a new PDF with a
  text layer: slower per page, no confidences back, and it refuses digitally signed PDFs,
  which one real scan is. Its wheel carries libtesseract; the ``vie`` model comes from
  Debian's ``tesseract-ocr-vie``.
- **Rendering: 300 dpi** grayscale with pypdfium2 (the real scans hold 200 dpi images; read at
  300 dpi their CER is lower than at 200 or 400 dpi).
- **Layout:** Tesseract's automatic layout (``--psm 3``) merges the two columns of a
  Vietnamese administrative header (issuer | national motto; number | place and date) into
  single lines, which loses the number and the date (and does the same to the signature
  block: recipients | title and name). These blocks are therefore found from the ink itself
  (rows of text whose ink leaves a wide empty gutter at a common position) and each column
  is read on its own, left then right; the rest of the page goes to the automatic layout
  (real gold pages: CER 8.7 % with Tesseract's layout alone, 3.0 % with the blocks split).
- **Skew:** a page turned by 1° or more is straightened first (generated pages turned 2–3°:
  CER 1.0 % straightened, 45 % not); under 1° the page is read as it is, since resampling a
  bilevel scan cost more than the skew (the real gold pages: CER 2.5 % as they are, 3.25 %
  with the one skewed 0.7° turned straight; "OCR: straightening").
- **Clean-up** (:func:`clean_text`): each step lowered the error rate on the real gold pages
  (CER 3.0 % → 2.5 %, WER 6.4 % → 5.1 %).

Missing pieces (the ``tesserocr`` package, the ``vie`` traineddata) are reported by
:func:`unavailable_reason` with the command that installs them; nothing is downloaded.
"""

from __future__ import annotations

import functools
import os
import re
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chinhsach.text.normalize import canonical_tones, fold, split_tones
from chinhsach.text.tokens import dictionary_entries

__all__ = [
    "CLEANUP_STEPS",
    "DEFAULT_DPI",
    "IMAGE_SUFFIXES",
    "INSTALL_HINT",
    "OcrLine",
    "OcrPage",
    "clean_page",
    "clean_text",
    "correct_marks",
    "estimate_dpi",
    "estimate_skew",
    "find_columns",
    "find_header",
    "mark_fill_ins",
    "ocr_image",
    "pool",
    "read_ahead",
    "read_image_file",
    "read_pdf_page",
    "reading_order",
    "render_pdf_page",
    "submit_image_file",
    "submit_pdf_page",
    "unavailable_reason",
]

DEFAULT_DPI = 300
LANG = "vie"
INSTALL_HINT = (
    "install Tesseract's Vietnamese model (sudo apt-get install tesseract-ocr tesseract-ocr-vie, "
    "or vie.traineddata in $TESSDATA_PREFIX) and the binding (pip install 'chinhsach[ocr]')"
)

_TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)


def tessdata_dir() -> Path | None:
    """The directory holding ``vie.traineddata``, or None.

    ``$TESSDATA_PREFIX``, when set, is the only place looked at (as Tesseract itself does);
    otherwise the usual system places (Debian/Ubuntu, Fedora, Homebrew).
    """
    env = os.environ.get("TESSDATA_PREFIX")
    candidates = [Path(env), Path(env) / "tessdata"] if env else [Path(d) for d in _TESSDATA_DIRS]
    for folder in candidates:
        if (folder / f"{LANG}.traineddata").is_file():
            return folder
    return None


def unavailable_reason() -> str | None:
    """Why OCR cannot run here (one line, with the install command), or None when it can."""
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        return f"OCR unavailable: the tesserocr package is not installed; {INSTALL_HINT}"
    if tessdata_dir() is None:
        return f"OCR unavailable: Tesseract's Vietnamese model (vie.traineddata) was not found; {INSTALL_HINT}"
    return None


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One recognised line: text (NFC), Tesseract's confidence 0–100, box (x0, y0, x1, y1)
    in page pixels, and the region it was read in (``header_left``/``header_right``: the
    columns of the header; ``block_left``/``block_right``: of another two-column block such
    as the signature; ``body``)."""

    text: str
    confidence: float
    box: tuple[int, int, int, int]
    region: str = "body"


@dataclass(slots=True)
class OcrPage:
    """The lines of one page in reading order, with the image size and resolution used."""

    lines: list[OcrLine]
    width: int
    height: int
    dpi: int
    columns: list[tuple[int, int, int]] = field(default_factory=list)  # (top, bottom, split x)
    seconds: float = 0.0

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def confidence(self) -> float:
        """Mean line confidence weighted by characters (100 for an empty page)."""
        chars = sum(len(line.text) for line in self.lines)
        if chars == 0:
            return 100.0
        return sum(line.confidence * len(line.text) for line in self.lines) / chars


# --------------------------------------------------------------------------------------------
# Page images
# --------------------------------------------------------------------------------------------


def render_pdf_page(pdf: Any, index: int, dpi: int = DEFAULT_DPI) -> Any:
    """Page ``index`` (0-based) of an open ``pypdfium2.PdfDocument`` as a grayscale PIL image."""
    page = pdf[index]
    try:
        return page.render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        page.close()


def _grayscale(image: Any) -> Any:
    """A PIL image in mode "L" (palette, RGBA over white, 1-bit and 16-bit images included)."""
    from PIL import Image

    if image.mode == "L":
        return image
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("L")
    if image.mode.startswith("I"):
        import numpy as np

        data = np.asarray(image, dtype=np.float64)
        span = max(float(data.max() - data.min()), 1.0)
        return Image.fromarray(((data - data.min()) * 255.0 / span).astype("uint8"))
    return image.convert("L")


# --------------------------------------------------------------------------------------------
# Layout: two-column blocks (header, signature)
# --------------------------------------------------------------------------------------------


def _otsu(gray: Any) -> int:
    """Otsu's threshold of a uint8 array (ink is darker than the threshold)."""
    import numpy as np

    hist = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    levels = np.arange(256, dtype=np.float64)
    weight_bg = np.cumsum(hist)
    mean_cum = np.cumsum(hist * levels)
    weight_fg = total - weight_bg
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean_cum[-1] * weight_bg - mean_cum * total) ** 2 / (weight_bg * weight_fg)
    between = np.nan_to_num(between)
    return int(np.argmax(between))


@dataclass(frozen=True, slots=True)
class _Band:
    """A horizontal run of text rows and the x-ranges of its ink pieces."""

    top: int
    bottom: int
    pieces: tuple[tuple[int, int], ...]

    @property
    def height(self) -> int:
        return self.bottom - self.top


def _bands(ink: Any, dpi: int) -> list[_Band]:
    """Text bands of a boolean ink image, each cut into pieces at wide empty gutters."""

    height, width = ink.shape
    # Vertical rules (a table's border, a scanner's streak) would join every row into one
    # band: columns inked over more than a third of the page are left out.
    rules = ink.sum(axis=0) > height / 3
    if rules.any():
        ink = ink & ~rules
    rows = ink.sum(axis=1)
    # A row holds text when it has more ink than scanner specks do (about 1 mm of dots).
    is_text = rows >= max(3, int(0.003 * width))
    # Diacritics float a few pixels above their letters: bridge small gaps.
    bridge = max(2, round(0.02 * dpi))
    min_height = max(4, round(0.05 * dpi))
    bands: list[_Band] = []
    runs = _runs(is_text)
    merged: list[list[int]] = []
    for start, stop in runs:
        if merged and start - merged[-1][1] <= bridge:
            merged[-1][1] = stop
        else:
            merged.append([start, stop])
    for top, bottom in merged:
        if bottom - top < min_height:
            continue
        cols = ink[top:bottom].sum(axis=0)
        # A column of the band is inked by a letter's stroke, not by a speck or two of dust.
        inked = cols >= max(2, round(0.1 * (bottom - top)))
        gutter = _gutter(dpi, width)
        pieces: list[list[int]] = []
        for start, stop in _runs(inked):
            if pieces and start - pieces[-1][1] < gutter:
                pieces[-1][1] = stop
            else:
                pieces.append([start, stop])
        # Drop specks and dust: a piece with less ink than a short word has.
        letter = min(bottom - top, round(0.2 * dpi))
        kept = tuple((a, b) for a, b in pieces if int(cols[a:b].sum()) >= 0.2 * letter * letter)
        if kept:
            bands.append(_Band(top, bottom, kept))
    return bands


def _gutter(dpi: int, width: int) -> int:
    """Narrowest empty gap that separates two columns: a quarter inch (word spaces, even
    stretched by justification, stay under a tenth), at least 3 % of the page width."""
    return max(round(0.25 * dpi), int(0.03 * width))


def _runs(mask: Any) -> list[tuple[int, int]]:
    """[start, stop) of every run of True in a 1-D boolean array."""
    import numpy as np

    padded = np.concatenate(([False], mask, [False]))
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))


@dataclass(slots=True)
class _Column:
    """One column of a header as it grows: its axis (centre) and its edges."""

    axis: float
    left: int
    right: int

    def admits(self, piece: tuple[int, int], width: int) -> bool:
        """Whether ``piece`` lines up with the column: centred on its axis or flush with
        one of its edges (headers centre each column, some set the number flush left)."""
        a, b = piece
        return (abs((a + b) / 2 - self.axis) <= 0.05 * width
                or abs(a - self.left) <= 0.008 * width or abs(b - self.right) <= 0.008 * width)


def find_columns(gray: Any, dpi: int) -> list[tuple[int, int, int]]:
    """(top, bottom, split x) of every two-column block of the page, top to bottom.

    Vietnamese administrative documents put two blocks side by side: the header (issuer,
    number | national motto, place and date) and the signature block (recipients | title,
    name). A block is seeded by a text band cut by one wide empty gutter into a left and a
    right piece, and grows up and down over bands that keep to the columns: two pieces that
    do not cross the gutter, or one piece lined up with the column on its side (centred on
    its axis or flush with an edge) that stays clear of the other column. A band that
    crosses (a centred title), that lines up with neither column ("Kính gửi:") or that
    stands more than 2.5 lines apart ends the block.
    """
    import numpy as np

    array = np.asarray(gray)
    threshold = _otsu(array)
    ink = array < min(threshold, 200)
    height, width = ink.shape
    bands = _bands(ink, dpi)
    if not bands:
        return []
    # Single lines are the short bands; taller ones are lines joined by their marks.
    line = float(np.percentile([b.height for b in bands], 25))
    slack = 0.01 * width
    blocks: list[tuple[int, int, int]] = []
    taken = -1
    for seed, band in enumerate(bands):
        if seed <= taken or len(band.pieces) != 2:
            continue
        (la, lb), (ra, rb) = band.pieces
        # Each column of a header or signature block holds at most half the width (measured
        # 0.24-0.47 on the real scans); a justified body line with one wide space does not.
        if lb >= width * 0.6 or ra <= width * 0.3 or lb - la > width / 2 or rb - ra > width / 2:
            continue
        left, right = _Column((la + lb) / 2, la, lb), _Column((ra + rb) / 2, ra, rb)

        def accept(band: _Band, left: _Column = left, right: _Column = right) -> bool:
            """Whether ``band`` continues the block; widens the columns when it does."""
            if len(band.pieces) == 2:
                (a0, b0), (a1, b1) = band.pieces
                if b0 > right.left + slack or a1 < left.right - slack \
                        or not left.admits((a0, b0), width) or not right.admits((a1, b1), width):
                    return False
                left.left, left.right = min(left.left, a0), max(left.right, b0)
                right.left, right.right = min(right.left, a1), max(right.right, b1)
                return True
            if len(band.pieces) != 1:
                return False
            piece = band.pieces[0]
            centre = (piece[0] + piece[1]) / 2
            if abs(centre - width / 2) < 0.03 * width and min(
                    abs(left.axis - width / 2), abs(right.axis - width / 2)) > 0.1 * width:
                return False  # centred on the page, not on a column: the title
            if (piece[0] + piece[1]) / 2 < (left.right + right.left) / 2:
                if piece[1] > right.left + slack or not left.admits(piece, width):
                    return False
                left.right = max(left.right, piece[1])
            else:
                if piece[0] < left.right - slack or not right.admits(piece, width):
                    return False
                right.left = min(right.left, piece[0])
            return True

        start = end = seed
        while start - 1 > taken and bands[start].top - bands[start - 1].bottom <= 2.5 * line \
                and accept(bands[start - 1]):
            start -= 1
        while end + 1 < len(bands) and bands[end + 1].top - bands[end].bottom <= 2.5 * line \
                and accept(bands[end + 1]):
            end += 1
        margin = round(0.02 * dpi)
        top = max(blocks[-1][1] if blocks else 0, bands[start].top - margin)
        bottom = min(height, bands[end].bottom + margin)
        blocks.append((top, bottom, round((left.right + right.left) / 2)))
        taken = end
    return blocks


def find_header(gray: Any, dpi: int) -> tuple[int, int, int] | None:
    """The two-column block that starts in the top 40 % of the page (see :func:`find_columns`)."""
    blocks = find_columns(gray, dpi)
    if blocks and blocks[0][0] < 0.4 * gray.size[1]:
        return blocks[0]
    return None


# --------------------------------------------------------------------------------------------
# Post-OCR clean-up
# --------------------------------------------------------------------------------------------

_SYLLABLE = re.compile(r"[^\W\d_]+")


@functools.cache
def _lexicon() -> tuple[frozenset[str], dict[str, tuple[str, ...]]] | None:
    """Dictionary words (lower case, canonical tones, syllables joined by spaces) and, for
    every folded syllable, the spellings with marks that occur in them ("to" → tô, tổ, tố…).

    The dictionary is the one word segmentation uses (underthesea's VLSP 2013 word list).
    """
    raw = dictionary_entries()
    if raw is None:
        return None
    words: set[str] = set()
    spellings: dict[str, set[str]] = {}
    for entry in raw:
        sylls = canonical_tones(str(entry)).lower().split()
        if not sylls or not all(_SYLLABLE.fullmatch(x) for x in sylls):
            continue
        words.add(" ".join(sylls))
        for syll in sylls:
            spellings.setdefault(fold(syll), set()).add(syll)
    return frozenset(words), {k: tuple(sorted(v)) for k, v in spellings.items() if len(v) > 1}


def _recase(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# Look-alikes Tesseract's Vietnamese model emits for the letters meant (eth for Đ, the
# fraction slash for "/").
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u2044": "/",
                             "\u0178": "Y"})


# Marks that scan borders, specks and rules turn into: a token made only of them is never a
# word of an administrative text (punctuation clings to its word; "./." and "-" are kept).
_JUNK_TOKEN = re.compile(r"(?<!\S)[|_¬~`^\\'‘’´,.:;•·]+(?!\S)")


CLEANUP_STEPS = ("lookalikes", "junk", "marks", "fill_ins", "strays", "case")


# A full stop or colon Tesseract puts between the syllables of a faint line ("Xây:dựng",
# "cá.nhân.có.", "gửi. dữ liệu"): a Vietnamese sentence never goes on in lower case after a full
# stop, and a word has no stop inside; addresses and abbreviations ("kiengiang.gov.vn", "v.v.")
# are kept by requiring a marked letter on the left.
_GLUED_STOP = re.compile(r"(?<=[^\W\d_])[.:](?=[^\W\d_])")
_SPACED_STOP = re.compile(r"(?<=[^\W\d_])\.(?=\s+[^\W\d_])")
# A stop or colon and a dash glued to the next syllable, from specks between two syllables of one
# name ("phối hợp với Bảo: -hiểm xã hội Việt Nam", the faint circular of the scan HzW_18): a list
# dash stands apart from its word and starts a line, never glued to a lower-case syllable mid-line.
_STOP_AND_DASH = re.compile(r"(?<=[^\W\d_])[.:]\s*[-–](?=[^\W\d_])")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _syllable_before(text: str, at: int) -> str:
    start = at
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:at]


# A straight quote Tesseract reads from a speck in front of a word ("phối hợp với Bộ 'Y tế"):
# alone on its line, it quotes nothing (typographic quotes ‘ ’ may open a quotation that wraps
# onto the next line, and stay).
_LONE_QUOTE = re.compile(r"(?<=\s)['´`](?=[^\W\d_])")


def drop_strays(text: str) -> str:
    """``text`` without the marks OCR put inside a sentence: a full stop or colon glued between
    two syllables becomes a space, a full stop before a space and a lower-case word goes (only
    after a syllable with a letter outside ASCII: a Vietnamese syllable, not "gov" or "v.v"),
    and a straight quote in front of a word goes when no other quote is on the line."""
    if len(_LONE_QUOTE.findall(text)) == 1 and sum(text.count(q) for q in "'´`‘’") == 1:
        text = _LONE_QUOTE.sub("", text)
    def keep(m: re.Match[str], spaced: bool) -> str:
        before = _syllable_before(m.string, m.start())
        after = m.string[m.end():].lstrip()[:1] if spaced else m.string[m.end()]
        if not after.islower() or not any(ch not in _ASCII_LETTERS for ch in before):
            return m.group()
        if "@" in m.string[max(0, m.start() - 40):m.start()]:
            return m.group()  # an e-mail address
        return "" if spaced else " "

    text = _GLUED_STOP.sub(lambda m: keep(m, False), text)
    text = _STOP_AND_DASH.sub(lambda m: keep(m, False), text)
    return _SPACED_STOP.sub(lambda m: keep(m, True), text)


# A syllable whose letters after the first mix cases ("tẾ", "TiỆp", "cHữa"): Tesseract's
# Vietnamese model reads some marked capitals for small letters on faint print. Vietnamese
# writes a syllable in lower case, with a capital first, or in capitals; ASCII mixes ("TTg",
# "ThS", "eHealth") are abbreviations and names and stay.
_SYLLABLE_RUN = re.compile(r"[^\W\d_]{2,}")


def fix_case(text: str) -> str:
    """``text`` with each syllable that mixes cases after its first letter and holds a marked
    letter written in lower case after that letter ("tẾ" → "tế", "TiỆp" → "Tiệp")."""
    def one(m: re.Match[str]) -> str:
        word = m.group()
        rest = word[1:]
        if rest.islower() or rest.isupper() and word[0].isupper() or all(ch in _ASCII_LETTERS for ch in word):
            return word
        if not any(ch.islower() for ch in word):
            return word
        return word[0] + rest.lower()

    return _SYLLABLE_RUN.sub(one, text)


def clean_text(text: str, steps: Iterable[str] = CLEANUP_STEPS, *, header: bool = False) -> str:
    """Post-OCR clean-up of one line, NFC always, then the ``steps``, each measured
    (``evaluation/ocr_eval.py``): ``lookalikes`` (eth for Đ …), ``junk`` (tokens made only of
    border and speck marks: ``|``, ``_``, ``¬`` …), ``marks`` (marks dropped from â/ê/ô, put
    back where the dictionary says, :func:`correct_marks`), ``fill_ins`` (in a ``header``
    line, hand-written number and day read as junk marked ``…``, :func:`mark_fill_ins`),
    ``strays`` (stops, colons and quotes OCR put inside a sentence, :func:`drop_strays`) and
    ``case`` (a syllable's small letters read as capitals, :func:`fix_case`). The last two
    change no character of the five real gold pages (CER 2.48 %, WER 5.09 % with and without
    them); on the faint pages of the circular HzW_18 they give back "Xây:dựng", "cá.nhân.có.",
    "gửi. dữ liệu", "Bộ 'Y tế", "Sở Y tẾ" (units with roles on the six scans' gold, fresh_eval.py --set
    scans: F1 0.504 → 0.523, 32 → 34 of 88, session 11).

    Fill-in slots are judged before speck tokens go: a hand-written "11" read as "| 1" is
    junk beside a digit, and with the "|" dropped first it became the day 1 (real scan
    zPs_171_gm_syt, dated the 1st for the 11th)."""
    steps = frozenset(steps)
    text = unicodedata.normalize("NFC", text)
    if "lookalikes" in steps:
        text = text.translate(_LOOKALIKES)
    if "fill_ins" in steps and header:
        text = mark_fill_ins(text)
    if "junk" in steps:
        text = " ".join(_JUNK_TOKEN.sub(" ", text).split())
    if "strays" in steps:
        text = drop_strays(text)
    if "case" in steps:
        text = fix_case(text)
    if "marks" in steps:
        text = _CHARGE_WORD_TONE.sub(lambda m: ("Đ" if m.group(1) == "Đ" else "đ") + "ề nghị", text)
        # A header line or an upper-case title does not wrap: its first and last syllables
        # ("SỞ Y TÉ", "GIÁY MỜI") have all their context.
        text = correct_marks(text, line_ends=header or text.isupper())
    return text


# The charging word "đề nghị" read with the hook for the grave mark ("để nghị": the two small
# marks over "ê" are what Tesseract confuses on a faint line; twice in the real scan HzW_18, on the
# letter's and the circular's closing requests). "để" before "nghị" is no word pair except before
# the compounds "nghị quyết", "nghị định" (in order that a resolution …), which are kept.
_CHARGE_WORD_TONE = re.compile(r"\b([Đđ])ể nghị\b(?!\s+(?:quyết|định)\b)")
_CIRCUMFLEX = frozenset("âêô")
_ADD_CIRCUMFLEX = str.maketrans("aeo", "âêô")

# The number and the day of a Vietnamese administrative document are written by hand when it
# is registered ("Số: 2193/TB-SYT", "ngày 29 tháng 11"); Tesseract reads them as junk
# ("Số:2.J44/TB-SYT", "ngày È 9 tháng"). In the header, a fill-in slot whose reading is not
# digits is marked unreadable ("…"), so that no junk becomes a document number or a date.
_NUMBER_LINE = re.compile(
    r"^\W*(?:s[ốóoôòỏõọ]|số)\s*[:.]?\s*(?P<slot>.*?)\s*(?P<kind>[/-]\s*\S.*)$", re.IGNORECASE)
_DATE_SLOTS = re.compile(r"\bngày(?P<d>.*?)tháng(?P<m>.*?)năm\b")


def mark_fill_ins(text: str) -> str:
    """A header line with its hand-written number or day/month read as junk marked ``…``."""
    if (m := _NUMBER_LINE.match(text)) is not None:
        if re.fullmatch(r"\d{1,6}", m.group("slot").strip()):
            return text
        return f"Số: …{m.group('kind')}"

    def slots(m: re.Match[str]) -> str:
        day, month = m.group("d").strip(" ,.'"), m.group("m").strip(" ,.'")
        day = day if re.fullmatch(r"\d{1,2}", day) else "…"
        month = month if re.fullmatch(r"\d{1,2}", month) else "…"
        return f"ngày {day} tháng {month} năm"

    return _DATE_SLOTS.sub(slots, text)


def _dropped_mark(read: str, meant: str) -> bool:
    """Whether ``meant`` is ``read`` with a mark stacked on â, ê or ô that Tesseract dropped.

    The confusions measured to be frequent and safe to repair: on 200 dpi scans Tesseract
    loses the tone stacked on a circumflex ("tổ" → "tô", "về" → "vê", "sốt" → "sôt") or the
    circumflex under a tone ("TẾ" → "TÉ" or "TẺ", "ĐỐC" → "ĐÓC"), while it rarely adds either.
    d/đ and o/ơ repaired the same way gained almost nothing on the real gold pages (CER 2.48 %
    → 2.47 %, WER 5.09 % → 5.03 %) and changed 15 words of correct text, among them "được" →
    "dược" and "đã" → "dã" (common words turned into others that search would then match):
    left out ("OCR: other confusions", ``evaluation/ocr_eval.py --confusions``).
    """
    base, tones = split_tones(read)
    meant_base, meant_tones = split_tones(meant)
    if not tones:  # the tone dropped from a circumflex vowel
        return (bool(_CIRCUMFLEX.intersection(base)) and meant_base == base
                and len(meant_tones) == 1)
    # the circumflex dropped from under the tone (which may come out as another tone: the
    # acute over ê read as a hook, "TẾ" → "TẺ")
    hook_for_acute = tones == ("\u0309",) and meant_tones == ("\u0301",)
    return ((meant_tones == tones or hook_for_acute) and meant_base != base
            and meant_base == base.translate(_ADD_CIRCUMFLEX)
            and sum(a != b for a, b in zip(base, meant_base, strict=True)) == 1)


def correct_marks(text: str, *, line_ends: bool = False,
                  confusion: Callable[[str, str], bool] | None = None) -> str:
    """Put back marks Tesseract dropped, where the word dictionary says which is meant.

    A syllable that forms no dictionary word with its neighbours (two- and three-syllable
    words, neighbours joined by one space) is replaced by the one spelling with the dropped
    mark (:func:`_dropped_mark`) that does ("tô chức" → "tổ chức", "Cân Thơ" → "Cần Thơ",
    "Y TÉ" → "Y TẾ"), when it stands between two other syllables (at a line's ends the word
    may wrap onto the next line, next to punctuation half the context is gone; ``line_ends``
    allows the first and last syllables of a line that does not wrap). Nothing changes when no
    spelling or several do, or when the dictionary is not installed. ``confusion`` replaces
    :func:`_dropped_mark` (``evaluation/ocr_eval.py --confusions`` measures others with it).
    """
    lexicon = _lexicon()
    if lexicon is None:
        return text
    words, spellings = lexicon
    matches = list(_SYLLABLE.finditer(text))
    if len(matches) < 2:
        return text
    canon = [canonical_tones(m.group()).lower() for m in matches]
    joined = [text[a.end():b.start()] == " " for a, b in zip(matches, matches[1:], strict=False)]

    def context(i: int) -> list[tuple[list[str], int]]:
        """The runs of 2–3 adjacent syllables around ``i``, with ``i``'s place in each."""
        runs = []
        for lo in range(i - 2, i + 1):
            for size in (2, 3):
                hi = lo + size
                if lo < 0 or hi > len(canon) or not lo <= i < hi:
                    continue
                if all(joined[k] for k in range(lo, hi - 1)):
                    runs.append((canon[lo:hi], i - lo))
        return runs

    def in_words(runs: list[tuple[list[str], int]], syll: str) -> bool:
        return any(" ".join(run[:at] + [syll] + run[at + 1:]) in words for run, at in runs)

    out = list(text)
    for i, match in enumerate(matches):
        options = spellings.get(fold(canon[i]))
        # Only a syllable read between two others: at a line's ends the word may wrap onto
        # the next line ("kết nối liên⏎thông"), before punctuation half the context is gone.
        first, last = i == 0, i == len(matches) - 1
        if not options or (first and not line_ends) or (last and not line_ends) \
                or (not first and not joined[i - 1]) or (not last and not joined[i]):
            continue
        runs = context(i)
        if not runs or in_words(runs, canon[i]):
            continue
        fits = [s for s in options if (confusion or _dropped_mark)(canon[i], s)
                and in_words(runs, s)]
        if len(fits) != 1:
            continue
        canon[i] = fits[0]
        a, b = match.span()
        out[a:b] = [_recase(fits[0], match.group())] + [""] * (b - a - 1)
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Recognition
# --------------------------------------------------------------------------------------------

_local = threading.local()


def _api() -> Any:
    """This thread's Tesseract instance (the model is loaded once per thread)."""
    api = getattr(_local, "api", None)
    if api is None:
        import tesserocr

        folder = tessdata_dir()
        api = tesserocr.PyTessBaseAPI(path=str(folder), lang=LANG, psm=tesserocr.PSM.AUTO)
        _local.api = api
    return api


def _read_region(api: Any, image: Any, box: tuple[int, int, int, int], psm: int,
                 region: str) -> list[OcrLine]:
    """Recognise ``box`` (x0, y0, x1, y1) of ``image``; lines in reading order, boxes in the
    image's pixels.

    The region is cropped rather than given to ``SetRectangle``: with a rectangle that stops
    short of the image's bottom, libtesseract 5.5 read the real scans' bodies as garbage
    ("Error in boxClipToRectangle").
    """
    import tesserocr

    x0, y0, x1, y1 = box
    if x1 - x0 < 8 or y1 - y0 < 8:
        return []
    api.SetImage(image.crop(box))
    api.SetPageSegMode(psm)
    api.Recognize()
    level = tesserocr.RIL.TEXTLINE
    blocks: list[list[OcrLine]] = []
    iterator = api.GetIterator()
    if iterator is None:
        return []
    for item in tesserocr.iterate_level(iterator, level):
        if not blocks or item.IsAtBeginningOf(tesserocr.RIL.BLOCK):
            blocks.append([])
        try:
            text = item.GetUTF8Text(level)
        except RuntimeError:  # tesserocr's "No text returned": a region with no text
            continue
        if not text or not text.strip():
            continue
        bbox = item.BoundingBox(level)
        if bbox is None:
            continue
        text = unicodedata.normalize("NFC", " ".join(text.split()))
        placed = (bbox[0] + x0, bbox[1] + y0, bbox[2] + x0, bbox[3] + y0)
        blocks[-1].append(OcrLine(text, float(item.Confidence(level)), placed, region))
    return reading_order([b for b in blocks if b])


def reading_order(blocks: list[list[OcrLine]]) -> list[OcrLine]:
    """The lines of Tesseract's text blocks, a block that lies wholly above every block already
    placed in its columns moved before the first of them.

    Tesseract emits "pull-out" blocks after the flowing text: on the first page of the circular
    HzW_18, its header line "BỘ Y TẾ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (a handwritten note
    beside it) came out after the whole page, and was read as the text of the last clause.
    Blocks side by side (no shared columns) keep Tesseract's order.
    """
    placed: list[tuple[tuple[int, int, int, int], list[OcrLine]]] = []
    for lines in blocks:
        box = (min(ln.box[0] for ln in lines), min(ln.box[1] for ln in lines),
               max(ln.box[2] for ln in lines), max(ln.box[3] for ln in lines))
        shared = [i for i, (other, _) in enumerate(placed) if box[0] < other[2] and other[0] < box[2]]
        if shared and all(box[3] <= placed[i][0][1] for i in shared):
            placed.insert(shared[0], (box, lines))
        else:
            placed.append((box, lines))
    return [ln for _, lines in placed for ln in lines]


def estimate_skew(gray: Any) -> float:
    """The rotation (degrees, counter-clockwise) that straightens the page, within ±3°.

    The angle that makes the rows of the ink image the sharpest (the highest variance of the
    row sums: text lines turn into narrow dark bands with white between), searched every 0.5°
    on an eighth-size image, then every 0.1° around the best on a quarter-size one (a third of
    the time of one search at quarter size, profiled).
    """
    import numpy as np
    from PIL import Image

    array = np.asarray(gray)
    ink = Image.fromarray(((array < min(_otsu(array), 200)) * 255).astype(np.uint8))
    quarter = ink.reduce(4) if min(ink.size) >= 800 else ink
    eighth = quarter.reduce(2) if min(quarter.size) >= 400 else quarter

    def sharpness(image: Any, angle: float) -> float:
        turned = np.asarray(image.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0),
                            dtype=np.float32)
        return float(turned.sum(axis=1).var())

    best = max(np.arange(-3.0, 3.01, 0.5), key=lambda a: sharpness(eighth, a))
    best = max(np.arange(best - 0.5, best + 0.51, 0.1), key=lambda a: sharpness(quarter, a))
    return round(float(best), 2)


# Below this resolution text is enlarged before recognition: Tesseract wants capitals about
# 30 px high; 150 dpi pages read at 300 dpi lose far fewer marks (ocr_eval.py).
_MIN_DPI = 250
_DESKEW_MIN = 1.0
_TARGET_DPI = 300


def estimate_dpi(gray: Any) -> int:
    """Resolution of a page image whose file does not say, from the height of its letters.

    The median height of the ink's connected components is the height of a lower-case letter
    with a mark; Vietnamese administrative documents are set in 13–14 pt (Nghị định
    30/2020/NĐ-CP), where it is about 27 px at 300 dpi. A page strewn with scanner specks
    has more specks than letters: the plain median then said 89 dpi for a 300 dpi page
    (HzW_18_syt_vp, page 8), so components under a quarter of the height that holds half the
    ink are left out (specks are many but carry little ink; marks stay in, as calibrated).
    On the 27 real scanned pages rendered at 300, 150 and 100 dpi every estimate is then
    within 11 % ("OCR: resolution of images"); a half or a third of that height dropped the
    marks too and said 378 for a 300 dpi generated page. Text line heights were tried first:
    lines joined by their marks and a scanner's vertical streak made them wrong by 2-4x.
    """
    import numpy as np
    from scipy import ndimage

    array = np.asarray(gray)
    ink = array < min(_otsu(array), 200)
    labels, count = ndimage.label(ink)
    if count == 0:
        return _TARGET_DPI
    boxes = ndimage.find_objects(labels)
    heights = np.array([b[0].stop - b[0].start for b in boxes])
    widths = np.array([b[1].stop - b[1].start for b in boxes])
    areas = np.bincount(labels.ravel(), minlength=count + 1)[1:]
    keep = (heights >= 4) & (widths >= 2) & (heights < ink.shape[0] / 20)
    letters, ink_of = heights[keep], areas[keep]
    if letters.size < 20:
        return _TARGET_DPI
    order = np.argsort(letters, kind="stable")
    carried = np.cumsum(ink_of[order])
    inky = float(letters[order][np.searchsorted(carried, carried[-1] / 2)])
    typical = letters[letters >= inky / 4]
    return int(min(1200, max(72, round(_TARGET_DPI * float(np.median(typical)) / 27))))


def ocr_image(image: Any, dpi: int | None = DEFAULT_DPI, *, layout: bool = True,
              clean: bool = True, deskew: bool = True) -> OcrPage:
    """Recognise one page image (any PIL mode) at resolution ``dpi`` (None: estimated).

    Images under 250 dpi are enlarged to 300 dpi first. With ``layout`` (the default) the
    two-column blocks found by :func:`find_columns` (header, signature) are read column by
    column, left then right, and the rest of the page, between them, with Tesseract's
    automatic layout; without it, the whole page goes to the automatic layout. ``clean`` applies :func:`clean_text` to every line.
    ``deskew`` straightens a page skewed by 1° or more (:func:`estimate_skew`). Boxes are in
    the pixels of ``image`` (of the straightened page when it was turned).
    """
    import tesserocr
    from PIL import Image

    started = time.perf_counter()
    gray = _grayscale(image)
    width, height = gray.size
    if dpi is None:
        dpi = estimate_dpi(gray)
    scale = 1.0
    if dpi < _MIN_DPI:
        scale = min(4.0, _TARGET_DPI / dpi)
        gray = gray.resize((round(width * scale), round(height * scale)), Image.Resampling.LANCZOS)
    work_dpi = round(dpi * scale)
    # A page skewed by a degree or more is straightened first: the two columns of a header
    # then share rows of ink and go unseen. Under that it is read as it is: Tesseract follows
    # slightly skewed lines by itself, and resampling a bilevel scan to turn it cost more than
    # it gave (real gold pages, one skewed 0.7°: CER 2.5% as is, 3.25% with it turned;
    # ocr_eval.py --skew-check).
    skew = estimate_skew(gray) if deskew else 0.0
    if abs(skew) >= _DESKEW_MIN:
        gray = gray.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    big_w, big_h = gray.size
    api = _api()
    blocks = find_columns(gray, work_dpi) if layout else []
    lines: list[OcrLine] = []
    # Each column with the automatic layout too: it leaves the stamp beside a signature out
    # as an image, where one uniform block (--psm 6) read it as lines of garbage.
    auto = tesserocr.PSM.AUTO
    y = 0
    for top, bottom, split in blocks:
        lines += _read_region(api, gray, (0, y, big_w, top), auto, "body")
        side = "header" if top < 0.4 * big_h and top == blocks[0][0] else "block"
        lines += _read_region(api, gray, (0, top, split, bottom), auto, f"{side}_left")
        lines += _read_region(api, gray, (split, top, big_w, bottom), auto, f"{side}_right")
        y = bottom
    lines += _read_region(api, gray, (0, y, big_w, big_h), auto, "body")
    api.Clear()
    if scale != 1.0:
        lines = [OcrLine(ln.text, ln.confidence,
                         (round(ln.box[0] / scale), round(ln.box[1] / scale),
                          round(ln.box[2] / scale), round(ln.box[3] / scale)), ln.region)
                 for ln in lines]
        blocks = [(round(t / scale), round(b / scale), round(x / scale)) for t, b, x in blocks]
    page = OcrPage(lines, width, height, int(dpi), blocks, time.perf_counter() - started)
    return clean_page(page) if clean else page


def clean_page(page: OcrPage) -> OcrPage:
    """``page`` with :func:`clean_text` applied to every line (header lines as such) and the
    lines left empty dropped: what :func:`ocr_image` does with ``clean`` (a page read raw, as an
    evaluation's cache keeps it, is cleaned by the same code)."""
    lines = [OcrLine(clean_text(ln.text, header=ln.region.startswith("header")),
                     ln.confidence, ln.box, ln.region) for ln in page.lines]
    return OcrPage([ln for ln in lines if ln.text], page.width, page.height, page.dpi,
                   page.columns, page.seconds)


# --------------------------------------------------------------------------------------------
# Pages on every core: one pool per process, and the build's read-ahead
# --------------------------------------------------------------------------------------------

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
_pool_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None
# pdfium is not thread-safe: every call into it (open, render, close) holds this lock.
PDFIUM_LOCK = threading.Lock()
_ahead_lock = threading.Lock()
_ahead: dict[tuple[str, int], Future[OcrPage]] = {}


def pool() -> ThreadPoolExecutor:
    """The process's OCR threads, one per core, each keeping its Tesseract model loaded.

    Threads, not processes: tesserocr releases the GIL while it recognises, so pages run in
    parallel, and the build's model keeps encoding on its own thread meanwhile.
    """
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="ocr")
        return _pool


def read_pdf_page(path: str | Path, index: int, dpi: int = DEFAULT_DPI) -> OcrPage:
    """Render page ``index`` (0-based) of a PDF at ``dpi`` and recognise it."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(str(path))
        try:
            image = render_pdf_page(pdf, index, dpi)
        finally:
            pdf.close()
    return ocr_image(image, dpi)


def open_image(path: str | Path) -> tuple[Any, int | None, int]:
    """(first frame in mode "L", its resolution if the file says, number of frames)."""
    from PIL import Image

    with Image.open(path) as image:
        frames = getattr(image, "n_frames", 1)
        image.seek(0)
        dpi = image.info.get("dpi")
        gray = _grayscale(image.copy())
    # A file's dpi is often a default (72, 96) rather than the scan's: trusted from 100 up.
    resolution = round(float(dpi[0])) if dpi and float(dpi[0]) >= 100 else None
    return gray, resolution, frames


def read_image_file(path: str | Path) -> OcrPage:
    """Recognise the first frame of a PNG/JPEG/TIFF file (resolution estimated if unsaid)."""
    image, dpi, _ = open_image(path)
    return ocr_image(image, dpi)


def _key(path: str | Path, index: int) -> tuple[str, int]:
    return str(Path(path).resolve()), index


def submit_pdf_page(path: str | Path, index: int) -> Future[OcrPage]:
    """The OCR of a PDF page on the pool (taken from the read-ahead when it is there)."""
    with _ahead_lock:
        future = _ahead.pop(_key(path, index), None)
    return future or pool().submit(read_pdf_page, path, index)


def submit_image_file(path: str | Path) -> Future[OcrPage]:
    """The OCR of an image file on the pool (taken from the read-ahead when it is there)."""
    with _ahead_lock:
        future = _ahead.pop(_key(path, -1), None)
    return future or pool().submit(read_image_file, path)


def _scanned_pages(path: Path, mode: str) -> list[int]:
    """Pages of a PDF to OCR ahead: every page for ``always``; for ``auto`` those with no
    text and an image (what the reader will find too; a page whose text layer fails the
    diacritics check is only known when read, and is OCR'd then)."""
    import pypdfium2 as pdfium

    out: list[int] = []
    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(str(path))
        except Exception:  # noqa: BLE001 - the reader reports a broken file, not the read-ahead
            return []
        try:
            for index in range(len(pdf)):
                page = pdf[index]
                try:
                    if mode == "always":
                        out.append(index)
                        continue
                    text = page.get_textpage()
                    try:
                        chars = text.count_chars()
                    finally:
                        text.close()
                    if chars == 0 and any(obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE
                                          for obj in page.get_objects(max_depth=1)):
                        out.append(index)
                finally:
                    page.close()
        finally:
            pdf.close()
    return out


@contextmanager
def read_ahead(paths: Iterable[str | Path], mode: str = "auto") -> Iterator[None]:
    """While a build reads ``paths`` in order, OCR their scanned pages ahead on every core.

    A thread looks through the files (image files; PDF pages with no text but an image) and
    queues their pages on :func:`pool` in the build's order, so that one-page scans read one
    after another still keep every core busy; the reader then takes the results
    (:func:`submit_pdf_page`). What the reader did not take is dropped on exit.
    """
    files = [Path(p) for p in paths]
    if mode == "never" or unavailable_reason() is not None or not files:
        yield
        return
    keys: list[tuple[str, int]] = []
    stop = threading.Event()

    def queue(key: tuple[str, int], job: Any, *args: Any) -> None:
        with _ahead_lock:
            if key not in _ahead:
                _ahead[key] = pool().submit(job, *args)
                keys.append(key)

    def look() -> None:
        for path in files:
            if stop.is_set():
                return
            suffix = path.suffix.lower()
            if suffix in IMAGE_SUFFIXES:
                queue(_key(path, -1), read_image_file, path)
            elif suffix == ".pdf":
                for index in _scanned_pages(path, mode):
                    queue(_key(path, index), read_pdf_page, path, index)

    looker = threading.Thread(target=look, name="ocr-read-ahead", daemon=True)
    looker.start()
    try:
        yield
    finally:
        stop.set()
        looker.join()
        with _ahead_lock:
            for key in keys:
                future = _ahead.pop(key, None)
                if future is not None:
                    future.cancel()
