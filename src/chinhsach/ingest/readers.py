"""Ingest: the first pipeline stage, a file on disk → :class:`~chinhsach.model.SourceText`.

Readers for plain text / Markdown, PDF (pdfplumber) and DOCX (python-docx, with the labels of
Word's list numbering from :mod:`chinhsach.ingest.numbering`). Each turns a file
into :class:`~chinhsach.model.SourceLine` items with provenance (file, page, 1-based line) and
layout hints (``gap_before``, ``page_break_before``, ``kind``).

Ingest does *not* normalise Vietnamese (NFC, tone-mark placement, whitespace): a later stage
does. It only turns bytes into ``str``, which includes repairing legacy font encodings
(TCVN3 / VNI / VISCII, via ``viparse``), because those are a decoding problem, not a
normalisation one. Text decoded from Windows-1258 keeps its combining tone marks.

Every problem a user can cause raises a typed :mod:`chinhsach.errors` error whose message
names the file and the reason.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import os
import re
import statistics
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from chinhsach.errors import (
    EmptyDocumentError,
    EncodingError,
    EncryptedFileError,
    InputError,
    InputTooLargeError,
    NoTextLayerError,
    OcrUnavailableError,
    UnsupportedFileError,
)
from chinhsach.ingest import ocr as engine
from chinhsach.ingest.numbering import ListNumbering
from chinhsach.ingest.sniff import SUPPORTED_SUFFIXES, detect_kind, utf16_codec_by_nuls
from chinhsach.model import LOW_OCR_CONFIDENCE, ParseWarning, Provenance, SourceLine, SourceText
from chinhsach.text.normalize import TONE_MARKS, fold, split_tones

__all__ = [
    "DEFAULT_FILE_LIMITS",
    "OCR_MODES",
    "SUPPORTED_SUFFIXES",
    "FileLimits",
    "check_file_limits",
    "diacritics_health",
    "file_sha256",
    "iter_source_files",
    "read_source",
]

# When to read a page by OCR: ``auto`` a page with no text layer (images only) or whose text
# layer fails the diacritics check; ``always`` every page; ``never`` none (scans are refused).
OCR_MODES = ("auto", "always", "never")

# --------------------------------------------------------------------------------------------
# Vietnamese orthography: what a well-formed syllable looks like
# --------------------------------------------------------------------------------------------

# The five tone marks (huyền, sắc, ngã, hỏi, nặng) and the three vowel-shape marks
# (circumflex, breve, horn) as combining characters.
_ACUTE, _DOT_BELOW = "\u0301", "\u0323"
_VOWEL_BASES = "aăâeêioôơuưy"


def _vietnamese_letters() -> frozenset[str]:
    """Every letter of the Vietnamese alphabet, precomposed, both cases (plus ASCII f j w z)."""
    letters = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZđĐ")
    for vowel in _VOWEL_BASES:
        for tone in ("", *TONE_MARKS):
            letter = unicodedata.normalize("NFC", vowel + tone)
            letters.update((letter, letter.upper()))
    return frozenset(letters)


_VIET_LETTERS = _vietnamese_letters()

# A syllable is onset + rhyme; rhymes are listed per nucleus with the codas that nucleus can
# take (toneless, lowercase). Deliberately a little permissive: the aim is to tell text
# extracted well from broken text, not to be a spelling checker.
_CODA = r"(?:ch|nh|ng|[cmnpt])"
_RHYMES = "|".join(
    (
        rf"a(?:[iyou]|{_CODA})?",
        r"ă(?:ng|[cmnpt])",
        r"â(?:ng|[yucmnpt])",
        r"e(?:ng|[ocmnpt])?",
        r"ê(?:ch|nh|ng|[umnpt])?",
        r"i(?:ch|nh|[umnpt])?",
        r"[iy]ê(?:ng|[ucmnpt])",
        r"ia",
        r"y",
        r"o(?:ng|o(?:ng|c)|[icmnpt])?",
        r"ô(?:ng|[icmnpt])?",
        r"ơ(?:[imnpt])?",
        r"u(?:ng|[iycmnpt])?",
        r"uô(?:ng|[icmnt])",
        r"ua",
        r"ư(?:ng|[iucmnt])?",
        r"ươ(?:ng|[iucmnpt])",
        r"ưa",
        r"oa(?:ch|nh|ng|[iyocmnpt])?",
        r"oă(?:ng|[cmnt])",
        r"oe(?:[ont])?",
        r"uâ(?:ng|[ynt])",
        r"uê(?:ch|nh|[nt])?",
        r"uy(?:ch|nh|[auntp])?",
        r"uyê[nt]",
        r"uơ",
    )
)
_SYLLABLE = re.compile(
    rf"(?P<onset>ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?(?P<rhyme>{_RHYMES})"
)
_VOWELS = frozenset(_VOWEL_BASES)
_FRONT_VOWELS = frozenset("eêiy")

# A token: letters, combining marks, and the Latin-1 symbols TCVN3/VNI put inside words
# (µ ¸ ¶ · ¹ § …), so that "ho¹ch" stays one (bad) token instead of splitting in two.
# Superscript two/three (m², m³) are units, not legacy letters, and are left out.
_TOKEN = re.compile(
    r"(?:(?![\u00b2\u00b3\u2070-\u209f])[^\W\d_]"
    r"|[\u0300-\u036f\u00a1-\u00af\u00b4-\u00bf\u00d7\u00f7])+"
)
# Eth (Ð U+00D0) is often typed for Đ (U+0110) and looks the same: not a broken letter.
_ETH_AS_D = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})
_CONSONANT_FRAGMENTS = frozenset({"ng", "nh", "ch", "c", "t", "p", "m", "n"})


def _split_tone(syllable: str) -> tuple[str, tuple[str, ...]]:
    """(toneless NFC lowercase letters, tone marks found) of one token."""
    return split_tones(syllable.lower())


@functools.lru_cache(maxsize=1 << 16)
def _is_valid_syllable(token: str) -> bool:
    """Whether ``token`` (only Vietnamese letters) is spelled like a Vietnamese syllable."""
    base, tones = _split_tone(token)
    if len(tones) > 1:
        return False
    match = _SYLLABLE.fullmatch(base)
    if match is None:
        return False
    onset, rhyme = match.group("onset") or "", match.group("rhyme")
    # c/g/ng are written k/gh/ngh before a front vowel, and k/gh/ngh appear nowhere else.
    if (
        onset in ("c", "ng", "g")
        and rhyme[0] in _FRONT_VOWELS
        and not (onset == "g" and rhyme[0] == "i")
    ):
        return False
    if onset in ("k", "gh", "ngh") and rhyme[0] not in _FRONT_VOWELS:
        return False
    # A syllable closed by a stop (c, ch, p, t) carries only the sắc or nặng tone.
    if rhyme[-1] in "cpt" or rhyme.endswith("ch"):
        return bool(tones) and tones[0] in (_ACUTE, _DOT_BELOW)
    return True


@dataclass(slots=True)
class _Health:
    """Counts behind :func:`diacritics_health`."""

    judged: int = 0  # Vietnamese-looking tokens (and flagged fragments)
    good: int = 0
    legacy: int = 0  # tokens holding characters no Unicode Vietnamese word contains

    @property
    def score(self) -> float:
        return 1.0 if self.judged == 0 else self.good / self.judged

    @property
    def legacy_share(self) -> float:
        return 0.0 if self.judged == 0 else self.legacy / self.judged


def _health_stats(text: str) -> _Health:
    """Judge every Vietnamese-looking token of ``text`` (see :func:`diacritics_health`)."""
    stats = _Health()
    # Decomposed but well-ordered marks are fine, so judge the composed form.
    text = unicodedata.normalize("NFC", text).translate(_ETH_AS_D)
    prev: re.Match[str] | None = None
    for match in _TOKEN.finditer(text):
        token = match.group()
        adjacent = prev is not None and text[prev.end() : match.start()].strip(" \t") == ""
        prev_token = prev.group() if prev is not None and adjacent else ""
        prev = match
        if token.isascii():
            # Plain ASCII words are not judged, except a consonant tail split off a
            # syllable ("Tổ ng" for "Tổng").
            if (
                token.lower() in _CONSONANT_FRAGMENTS
                and prev_token
                and not prev_token.isascii()
                and prev_token[-1].lower() not in "bcdfghjklmnpqrstvwxz"
                and _is_valid_syllable(prev_token + token)
            ):
                stats.judged += 1
            continue
        stats.judged += 1
        verdict = _token_verdict(token)
        if verdict == "legacy":
            stats.legacy += 1
        elif verdict == "abbreviation" or (verdict == "syllable"
                                           and not _is_split_fragment(prev_token, token)):
            stats.good += 1
    return stats


@functools.lru_cache(maxsize=1 << 16)
def _token_verdict(token: str) -> str:
    """What a non-ASCII token is on its own: "syllable", "abbreviation", "legacy" or "broken".

    Cached: the verdict depends on the token alone, and texts repeat a few thousand syllables.
    """
    if any(unicodedata.category(c).startswith("M") for c in token):
        return "broken"  # a combining mark that did not compose: isolated or misplaced
    if any(c not in _VIET_LETTERS for c in token):
        if any("\u00a1" <= c <= "\u00ff" for c in token if c not in _VIET_LETTERS):
            return "legacy"
        return "broken"
    base, _ = _split_tone(token)
    if not any(c in _VOWELS for c in base):
        return "abbreviation"  # such as HĐND, QĐ: not a syllable, not broken
    return "syllable" if _is_valid_syllable(token) else "broken"


def _is_split_fragment(prev_token: str, token: str) -> bool:
    """A vowel-initial piece torn off the previous syllable ("KHO ẢN" for "KHOẢN")."""
    if not prev_token or not token:
        return False
    base, tones = _split_tone(token)
    prev_base, prev_tones = _split_tone(prev_token)
    if base[0] not in _VOWELS or prev_base[-1:] not in _VOWELS or prev_tones:
        return False
    if not tones and len(base) > 1:
        return False  # "cho ăn", "cho ông": ordinary toneless words after a vowel
    return prev_token.isalpha() and _is_valid_syllable(prev_token + token)


def diacritics_health(text: str) -> float:
    """Share of Vietnamese-looking syllables in ``text`` that are well-formed Unicode.

    A token counts as Vietnamese-looking when it holds a non-ASCII letter or mark. It is
    well-formed when it is spelled like a Vietnamese syllable (onset, rhyme, at most one tone
    mark, stop codas with sắc/nặng only). Isolated combining marks, characters of TCVN3/VNI
    mojibake ("ho¹ch", "KEÁ HOAÏCH") and syllables torn apart by a bad text layer
    ("ĐIỀ U KHO ẢN") all count as broken. Returns 1.0 when there is nothing to judge.
    """
    return _health_stats(text).score


# Pages / files with at least this many judged tokens and a score below the threshold get a
# ``low_text_quality`` warning. Clean Vietnamese scores ≥ 0.95; legacy fonts ≤ 0.4.
_HEALTH_MIN_TOKENS = 10
_HEALTH_WARN_BELOW = 0.75


def _quality_warning(text: str, where: str) -> ParseWarning | None:
    stats = _health_stats(text)
    if stats.judged < _HEALTH_MIN_TOKENS or stats.score >= _HEALTH_WARN_BELOW:
        return None
    cause = (
        "characters of a legacy font encoding (TCVN3/VNI)"
        if stats.legacy_share >= 0.25
        else "split syllables or misplaced tone marks"
    )
    return ParseWarning(
        code="low_text_quality",
        message=f"{where}: diacritics health {stats.score:.2f} ({cause}); the text layer may be broken",
    )


# --------------------------------------------------------------------------------------------
# Public helpers
# --------------------------------------------------------------------------------------------


def file_sha256(path: str | Path) -> str:
    """Hex SHA-256 of a file's bytes, read in chunks so large files stay cheap."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _is_hidden(name: str) -> bool:
    # "~$x.docx" are Word's lock files: not documents, and not readable as DOCX.
    return name.startswith(".") or name.startswith("~$")


def iter_source_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand ``paths`` into the source files to read, in a stable order.

    Directories are walked recursively (sorted, hidden files and directories skipped);
    files, named or found, are kept only when their suffix is in :data:`SUPPORTED_SUFFIXES`.
    Duplicates are dropped. A path that does not exist raises :class:`InputError`.
    """
    found: list[Path] = []
    seen: set[Path] = set()

    def add(file: Path) -> None:
        key = file.resolve()
        if file.suffix.lower() in SUPPORTED_SUFFIXES and key not in seen:
            seen.add(key)
            found.append(file)

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            batch: list[Path] = []
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not _is_hidden(d)]  # prune: never descend .git
                batch.extend(Path(root) / f for f in files if not _is_hidden(f))
            for file in sorted(batch):
                add(file)
        elif path.is_file():
            add(path)
        else:
            raise InputError(str(raw), "no such file or directory")
    return found


def read_source(path: str | Path, ocr: str = "auto") -> SourceText:
    """Read one file into a :class:`SourceText`, choosing the reader from the content.

    PDF, DOCX and images (PNG, JPEG, TIFF) are recognised by their bytes (``%PDF-`` header, a
    zip holding ``word/document.xml``, the image signatures), so a mislabelled file is still
    read right and a ``.pdf`` that is not a PDF fails with the reason. Plain text is accepted
    for ``.txt`` and ``.md``. ``ocr`` (one of :data:`OCR_MODES`) says which PDF pages are
    read by OCR; an image is always one page read by OCR, refused with ``never``.
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
    name = str(path)
    p = Path(path)
    if not p.exists():
        raise InputError(name, "no such file")
    if p.is_dir():
        raise InputError(name, "is a directory, not a file")
    try:
        kind = detect_kind(p, name, p.suffix)
    except OSError as exc:
        raise InputError(name, f"cannot read file: {exc.strerror or exc}") from exc
    check_file_limits(p, name, kind)  # before any parser sees the file
    if kind == "pdf":
        result = _read_pdf(p, name, ocr)
    elif kind == "image":
        result = _read_image(p, name, ocr)
    elif kind == "docx":
        result = _read_docx(p, name)
    else:
        result = _read_text(p, name, kind)
        result.lines = split_first_subitems(drop_chunk_titles(result.lines))
    result.lines = drop_page_furniture(result.lines)  # every format: a PDF, its text saved, a scan
    result.lines, unreadable = drop_unreadable_pages(result.lines)
    if unreadable:
        result.warnings.append(ParseWarning(
            code="unreadable_page",
            message=f"page(s) {', '.join(map(str, unreadable))}: OCR text is not Vietnamese (a rotated or "
                    "mirrored scan?); left out, not read"))
    result.sha256 = file_sha256(p)
    return result


# --------------------------------------------------------------------------------------------
# Plain text and Markdown
# --------------------------------------------------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_HEALTH_SAMPLE_LINES = 2000
_LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC/.VnTime)", "vni": "VNI (VNI-Times)", "viscii": "VISCII"}
# A line holding letters from Latin Extended-A/B or Latin Extended Additional (ơ ư ă đ ệ …)
# is already Unicode: legacy fonts only ever produce Latin-1 look-alikes. Mixed files keep
# such lines untouched, since a legacy table would corrupt "á" → "ỏ".
_UNICODE_VIET = re.compile(r"[\u0100-\u024f\u1e00-\u1eff]")
# Latin-1 characters that no Unicode Vietnamese word holds and that :data:`_TOKEN` keeps inside
# a token (TCVN3/VNI put them inside words): only a text holding one can have legacy tokens.
_LEGACY_CHAR_RE = re.compile("[" + "".join(
    re.escape(chr(c)) for c in range(0xA1, 0x100)
    if chr(c) not in _VIET_LETTERS and chr(c) not in "\u00d0\u00f0" and _TOKEN.fullmatch(chr(c))) + "]")


# The Official Gazette (Công báo) prints on every page a running head "CÔNG BÁO/Số 302/Ngày
# 02-06-2026" with the page number on its own line next to it (after it on odd pages, before it
# on even ones), and its signed PDF carries the digital-signature stamp ("Ký bởi: … / Cơ quan: …
# / Ngày ký: 2026-06-02 08:06:33 +07:00"; provinces' signed PDFs print "Người ký: … / Email: … /
# Thời gian ký: …"). Its text layer, saved as text, keeps both inside the paragraphs.
_GAZETTE_HEAD = re.compile(r"^\s*(?:\d{1,4}\s+)?CÔNG BÁO\s*/\s*Số\s+\d{1,4}(?:\s*\+\s*\d{1,4})*\s*/\s*"
                           r"Ngày\s+\d{1,2}\s*-\s*\d{1,2}\s*-\s*\d{4}(?:\s+\d{1,4})?\s*$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")  # not a year cell
# The Gazette's section label printed over the first page of each document it carries ("VĂN
# BẢN QUY PHẠM PHÁP LUẬT", "VĂN BẢN PHÁP LUẬT KHÁC", "VĂN BẢN HỢP NHẤT"): a heading of the issue,
# not of the document; kept, it was read as the document's issuer and title (s15 dev nq175).
_GAZETTE_SECTION = re.compile(r"^\s*VĂN BẢN\s+(?:QUY PHẠM PHÁP LUẬT|PHÁP LUẬT KHÁC|HỢP NHẤT)\s*$")
# An OCR transcript saved as text marks each page with a rule line ("===== Trang 3 =====",
# "--- Page 3 ---"); pdftotext starts each page with a form feed ("\f" before the page number).
# "--- PAGE BREAK ---": a PDF-to-markdown converter's mark between pages, unnumbered (s17 dev
# tb330, nq106, cv370: OCR'd scans of the Government's notices and letters).
_PAGE_MARKER = re.compile(r"^\s*(?:={3,}|-{3,})\s*(?:(?:Trang|Page)\s+\d{1,4}|PAGE\s+BREAK)\s*(?:={3,}|-{3,})\s*$",
                          re.IGNORECASE)
# A page number printed alone, or misread by OCR as one look-alike glyph ("§" for 8, "1 0") or
# as a pair of plain letters ("iz" for 2 under a page break, s18 dev cv1738: glued to the lead-in
# above it, it hid the lead-in's closing colon and the addressees of items 1 and 5).
_PAGE_NUMBER_GLYPH = re.compile(r"^\s*(?:\d{1,3}|\d\s\d|§|[a-z]{1,2})\s*$")
_STAMP_OPEN = re.compile(r"^\s*(?:Ký bởi|Người ký)\s*:", re.IGNORECASE)
_STAMP_FIELD = re.compile(r"^\s*(?:Cơ quan|Email|Chức vụ|Ngày ký|Thời gian ký)\s*:", re.IGNORECASE)
_STAMP_TIME = re.compile(r"^\s*(?:Ngày ký|Thời gian ký)\s*:\s*\d{1,4}[-./]\d{1,2}[-./]\d{1,4}\s+\d{1,2}:\d{2}",
                         re.IGNORECASE)


def _head_key(text: str) -> str:
    """A running head without its page number and spacing: "18.CTRTW31.DOC 2" → "18.CTRTW31.DOC"."""
    return re.sub(r"[\s\d]+$", "", re.sub(r"\s+", " ", text.strip()))


def _running_heads(lines: list[SourceLine]) -> set[int]:
    """Indexes of the running heads under page markers (:data:`_PAGE_MARKER`): the first line of
    a page whose text, page number aside, is the first line of at least a third of the pages
    (and of three). OCR varies a glyph ("18.GTRTW31.DOC" for "18.CTRTW31.DOC", s15 dev ctr31),
    so one differing character is allowed against the most common form."""
    firsts = [i + 1 for i, line in enumerate(lines[:-1]) if _PAGE_MARKER.match(line.text)]
    if len(firsts) < 3:
        return set()
    keys = {i: _head_key(lines[i].text) for i in firsts if len(lines[i].text) <= 40}

    def near(a: str, b: str) -> bool:
        if abs(len(a) - len(b)) > 1:
            return False
        return sum(x != y for x, y in zip(a, b, strict=False)) + abs(len(a) - len(b)) <= 1

    if not keys:
        return set()
    common = max(set(keys.values()), key=lambda k: (sum(near(k, o) for o in keys.values()), k))
    n = sum(near(common, o) for o in keys.values())
    if n < 3 or 3 * n < len(firsts) or len(common) < 4:
        return set()
    return {i for i, key in keys.items() if near(key, common)}


def drop_page_furniture(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines without the Gazette's running heads and page numbers, an OCR transcript's page
    markers (:data:`_PAGE_MARKER`), pdftotext's form-feed page numbers and e-signature stamps
    (see :data:`_GAZETTE_HEAD`); the line after a dropped running head starts a page.

    Kept, they split the paragraph the page break cuts (a pseudo-item "CÔNG BÁO/Số 277/…" under
    every item that crosses a page) and read as targets (the stamp's clock "08:06:33 +07:00",
    the issue number): on the s14 Gazette texts nq116/NQ-CP and 892/QĐ-TTg, 9 and 11 false
    targets and 12 pseudo-duties. A stamp is dropped only whole, up to its signing time."""
    out: list[SourceLine] = []
    i, n = 0, len(lines)
    page_break = False
    heads = _running_heads(lines)
    page: int | None = None
    next_folio = 2  # the page number a text layer may print next inside a wrapped sentence
    while i < n:
        text = lines[i].text
        if (lines[i].kind == "text" and lines[i].gap_before and _PAGE_NUMBER.match(text)
                and int(text) == next_folio and out
                and i + 1 < n and lines[i + 1].kind == "text" and lines[i + 1].text.lstrip()[:1].islower()
                and not out[-1].text.rstrip().endswith((".", ";", ":", "!", "?", ")", "…"))):
            # A page's number left between the two halves of a sentence the page broke ("phát
            # huy" / "2" / "vai trò quản lý …"): a PDF text layer without form feeds prints it
            # so (s14 held-out ctr104, pages 2 and 3); read, it was a target ("2 vai trò").
            # Only the next number in sequence goes: a table's row numbers do not wrap prose.
            next_folio += 1
            page_break = True
            i += 1
            continue
        if lines[i].kind == "text" and text.startswith("\f"):
            # pdftotext's page start: the page number alone on it is furniture, any other text
            # opens the page (s15 dev cv5085 read "2", the page number, as a duty of item 2).
            page_break = bool(out)
            if _PAGE_NUMBER.match(text.lstrip("\f")) or not text.strip():
                i += 1
                continue
            lines[i] = replace(lines[i], text=text.lstrip("\f"))
            text = lines[i].text
        if lines[i].kind == "text" and (_GAZETTE_HEAD.match(text) or _PAGE_MARKER.match(text)):
            # The page number is printed once or repeated ("74 / 74 / head / 74": the text
            # layer keeps the number of each layer of the page, s15 dev nq175): every copy of it
            # next to the head goes; another bare number (a table's row number) stays.
            numbers: set[str] = set()
            if out and _PAGE_NUMBER.match(out[-1].text):
                numbers.add(out.pop().text.strip())  # even pages print the number first
                while out and out[-1].text.strip() in numbers:
                    out.pop()
            if _PAGE_MARKER.match(text):
                # The marker's page is the provenance of the lines under it (a text has none);
                # the running head under it is furniture as the Gazette's is.
                # An unnumbered marker counts on from the page before it.
                number = re.search(r"\d+", text)
                page = int(number.group()) if number else (page or 1) + 1
                i += 1 if i + 1 not in heads else 2
                if i < n and _PAGE_NUMBER_GLYPH.match(lines[i].text):
                    i += 1
                page_break = True
                continue
            i += 1
            if i < n and _PAGE_NUMBER.match(lines[i].text):
                numbers.add(lines[i].text.strip())
                i += 1
            while i < n and lines[i].text.strip() in numbers:
                i += 1
            page_break = True
            continue
        if lines[i].kind == "text" and page_break and _GAZETTE_SECTION.match(text):
            i += 1
            continue
        if lines[i].kind == "text" and _STAMP_OPEN.match(text):
            j = i + 1
            while j < n and j <= i + 4 and _STAMP_FIELD.match(lines[j].text) and not _STAMP_TIME.match(lines[j].text):
                j += 1
            if j < n and j <= i + 4 and _STAMP_TIME.match(lines[j].text):
                i = j + 1
                continue
        line = lines[i]
        if page is not None and line.prov.page is None:
            line = replace(line, prov=replace(line.prov, page=page))
        first = line.text.lstrip()[:1]
        if (page_break and out and not out[-1].text.rstrip().endswith((".", ";", ":", "!", "?", ")", "…"))
                and (first.islower() or first.isdigit())):
            # The page broke mid-sentence ("… trước ngày 15 tháng 6 năm" / "2026."): no
            # paragraph ends there, the sentence goes on (s14 dev nq126's Gazette layout). A
            # capital after an unpunctuated line starts a block of its own (the signer's name,
            # then "Phụ lục" on the next page: s14 dev nq116).
            line = replace(line, page_break_before=False, gap_before=False)
        elif page_break and out:
            line = replace(line, page_break_before=True, gap_before=True)
        page_break = False
        out.append(line)
        i += 1
    return out


# A law portal's page crawled for retrieval (RAG) in chunks: each chunk opens with the document's
# name, "<Loại văn bản> <số hiệu> năm <năm>. " ("Quyết định 435/QĐ-UBND năm 2020. Điều 1."), the
# first one optionally with the portal's title ("Công văn 296/BHXH-CSYT năm 2021 hướng dẫn … do
# Bảo hiểm xã hội Việt Nam ban hành. BẢO HIỂM XÃ HỘI VIỆT NAM"). Seen in the crawl
# johnPa02/thuvienphapluat-crawler (s16 held-out ctr435; the repository's decisions 1227/QĐ-BYT
# and 3176/QĐ-BYT, letter 296/BHXH-CSYT read in s17). Kept, the name stood before every "Điều"
# and every part heading of the attached programme ("… năm 2020. CHƯƠNG TRÌNH HÀNH ĐỘNG. II. NỘI
# DUNG …"): ctr435 lost its whole outline (0/81 units) and its header's issuer and signer.
_CHUNK_NAME = re.compile(r"^(?P<name>[A-ZĐ][^\W\d]*(?: [^\W\d]+){0,3} \d[^\s]*"
                         r" năm (?:19|20)\d{2})(?P<title> [^.]{1,400}?)?\. (?=\S)")
# The attached document's kind that the crawl repeats at each of its chunks, in capitals
# ("CHƯƠNG TRÌNH HÀNH ĐỘNG. II. NỘI DUNG HOẠT ĐỘNG"): a breadcrumb, not a heading.
_CHUNK_CRUMB = re.compile(r"^(?P<crumb>[A-ZĐÀ-Ỹ]{2,}(?: [A-ZĐÀ-Ỹ]+){1,5})\. (?=\S)")


def drop_chunk_titles(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines of a chunked crawl (:data:`_CHUNK_NAME`) without the document's name before each
    chunk; each chunk opens a block. The attached document's kind repeated after the name
    (:data:`_CHUNK_CRUMB`) stays as its type line where it first stands ("CHƯƠNG TRÌNH HÀNH
    ĐỘNG" over the title) and goes elsewhere. A text whose first line does not open with such a
    name, or whose name opens no other line, is returned as it is."""
    if not lines:
        return lines
    first = _CHUNK_NAME.match(lines[0].text.strip())
    if first is None:
        return lines
    prefix = first.group("name") + ". "
    starts = [i for i, line in enumerate(lines) if line.text.lstrip().startswith(prefix)]
    if not any(i > 0 for i in starts):
        return lines  # the name opens the first line only: a title, not a chunked crawl
    out: list[SourceLine] = []
    crumbs: set[str] = set()
    for i, line in enumerate(lines):
        text = line.text.lstrip()
        if i == 0:
            text = text[first.end():]
        elif i in starts:
            text = text[len(prefix):]
        else:
            out.append(line)
            continue
        crumb = _CHUNK_CRUMB.match(text)
        if crumb is not None and i > 0:
            if crumb.group("crumb") not in crumbs:  # where it first stands: the type line
                crumbs.add(crumb.group("crumb"))
                out.append(replace(line, text=crumb.group("crumb"), gap_before=True))
            text = text[crumb.end():]
        out.append(replace(line, text=text, gap_before=True))
    return out


# An item's heading with its first sub-item run on, on one line ("3. Heading 3.1. First point …")
# or left at its end ("1. Heading 1.1." over the point's text): a crawl that joins a
# paragraph's printed lines and then breaks them after each full stop before a capital does so
# (s16 held-out ctr435: items 1.1, 2.1 and 3.1 of its programme were read as their heading's
# words). Only the first sub-item of the line's own number is taken: "1.1." after "1.", "2.3.1."
# after "2.3.", never another number that a sentence may cite.
_OPENING_NUMBER = re.compile(r"^\s*(?P<num>\d{1,2}(?:\.\d{1,2}){0,2})\.\s")


def split_first_subitems(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines with an item's first sub-item (:data:`_OPENING_NUMBER`) run on after its
    heading put on a line of its own."""
    out: list[SourceLine] = []
    for line in lines:
        m = _OPENING_NUMBER.match(line.text)
        if m is None:
            out.append(line)
            continue
        child = re.compile(r"\s(" + re.escape(m.group("num")) + r"\.1\.)(?:\s+(?=[A-ZĐÀ-Ỹ])|\s*$)")
        cut = child.search(line.text, m.end())
        if cut is None:
            out.append(line)
            continue
        out.append(replace(line, text=line.text[:cut.start()].rstrip()))
        out.append(replace(line, text=line.text[cut.start(1):].strip(), gap_before=True))
    return out


# A text file that says it is an OCR reading: a maker's note on its first line naming the OCR
# ("[OCR] [Bản trích chữ tự động bằng tesseract … từ bản quét …]") or the page markers OCR
# scripts write between pages ("===== Trang 2 =====").
_OCR_NOTE = re.compile(r"^\s*\[.*(?:\bOCR\b|\btesseract\b|bản quét)", re.IGNORECASE)
# Its lines were read by OCR elsewhere with no confidence kept: they take the flagging threshold,
# neither flagged low nor trusted above it, so that the outline's and header's repairs of OCR
# misreadings ("I." for the item "1.", "Š." for "5.", a signer whose title the stamp hid) apply.
TRANSCRIPT_CONFIDENCE = LOW_OCR_CONFIDENCE


# The national motto's words (folded) and as any typed document prints them, with their marks.
_MOTTO_FOLDED = re.compile(r"\bcong hoa xa hoi\b|\bdoc lap\s*-\s*tu do\s*-\s*hanh phuc\b")
_MOTTO_MARKED = re.compile(r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI|Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc",
                           re.IGNORECASE)
_MOTTO_REACH = 20  # lines: the motto heads the document, after a converter's front matter


def is_ocr_transcript(lines: list[str]) -> bool:
    """Whether a text file is an OCR reading saved as text (see :data:`_OCR_NOTE`). s15 dev
    nq34 and cv8388 (tesseract readings of scans): as text, the repairs of misread markers never
    applied, and nq34's items 5-9 and cv8388's whole outline were lost.

    A national motto printed with its marks lost ("CONG HOA XA HOI", "Hanh phúc") in a text
    that has marks elsewhere is OCR's too: no typist drops them there. s17 dev tb330 and cv370
    (scans converted with one or no page marker) lost their item 2, their first part and their
    issuer as typed text."""
    head = [t for t in lines[:5] if t.strip()][:2]
    if any(_OCR_NOTE.match(t) for t in head):
        return True
    if sum(1 for t in lines if _PAGE_MARKER.match(t)) >= 2:
        return True
    # NFC first: a typed file saved decomposed (NFD, as Mac and some PDF tools write) prints its
    # motto with its marks too (the robustness evaluation's "nfd" form read every plan as OCR).
    top = [unicodedata.normalize("NFC", t) for t in _strip_front_matter(lines)[:_MOTTO_REACH]]
    marked = any(unicodedata.combining(c) or c in "đĐ" for t in top for c in unicodedata.normalize("NFD", t))
    return marked and any(_MOTTO_FOLDED.search(fold(t)) and not _MOTTO_MARKED.search(t) for t in top)


# A markdown converter's front matter ("---" / "title: …" / "original_format: …" / "---") above
# the document: the converter's record, not the document's print.
_FRONT_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:")


def _strip_front_matter(lines: list[str]) -> list[str]:
    """``lines`` with a leading YAML front matter blanked (kept as empty lines, so that line
    numbers stay the file's). s17 dev: seven OCR'd scans saved as markdown open so; the keys'
    words ("title: … CV 370 …") were read as header text."""
    if not lines or lines[0].strip() != "---":
        return lines
    for k in range(1, min(len(lines), 40)):
        if lines[k].strip() == "---":
            body = lines[1:k]
            if body and all(not t.strip() or _FRONT_KEY.match(t) for t in body):
                return [""] * (k + 1) + lines[k + 1:]
            return lines
    return lines


_EDGE_WORDS = 2  # syllables of the neighbouring lines lent as context


# A numbered line whose number OCR lost or read as a bar, the dot kept (". Để thúc đẩy …",
# "|. Về chính sách …", s17 dev tb330 and cv370): the clean-up's junk step drops such a token,
# and with it the only sign that a numbered item starts there (the outline restores the number).
_LOST_MARKER = re.compile(r"^\s*(?:[.,]|\|\s*[.)])\s+(?=[A-ZĐÀ-Ỹ])")


def _clean_marked(text: str) -> str:
    """:func:`engine.clean_text` of a line, a lost number's leftover marker kept."""
    m = _LOST_MARKER.match(text)
    if m is None:
        return engine.clean_text(text)
    return m.group(0).strip() + " " + engine.clean_text(text[m.end():])


def clean_transcript(lines: list[str]) -> list[str]:
    """An OCR transcript's lines with our own OCR's clean-up (:func:`engine.clean_text`: "tô
    chức" → "tổ chức"). A hard-wrapped paragraph cuts a word at a line's end ("các tỉnh, thành
    phô" ⏎ "trực thuộc …", s15 dev cv8388): the mark repair, which needs a syllable's
    neighbours, is run again with the last words of the line before and the first of the line
    after lent as context."""
    cleaned = [_clean_marked(t) if t.strip() else t for t in lines]
    out = list(cleaned)
    for i, text in enumerate(cleaned):
        if not text.strip():
            continue
        before = " ".join(cleaned[i - 1].split()[-_EDGE_WORDS:]) if i > 0 else ""
        after = " ".join(cleaned[i + 1].split()[:_EDGE_WORDS]) if i + 1 < len(cleaned) else ""
        lent = engine.correct_marks(" ".join(x for x in (before, text, after) if x))
        head = before + " " if before else ""
        tail = " " + after if after else ""
        if lent.startswith(head) and lent.endswith(tail):
            out[i] = lent[len(head) : len(lent) - len(tail)]
    return out


# A page whose Vietnamese-looking tokens are mostly not syllables: a scan turned upside down or
# mirrored reads so ("8uọN", "uọÁn8u" for "Nông", "nguyên"). The s15 dev Politburo programme's
# five rotated pages score 0.27-0.32 against 0.92-1.00 for its 17 other pages (and 0.97-1.00
# on the other transcripts); read, their shreds became false rows, targets and units.
_UNREADABLE_PAGE_BELOW = 0.6
_UNREADABLE_PAGE_MIN_TOKENS = 30


def drop_unreadable_pages(lines: list[SourceLine]) -> tuple[list[SourceLine], list[int]]:
    """The lines without the pages whose text is not Vietnamese (see
    :data:`_UNREADABLE_PAGE_BELOW`), and those pages' numbers. A page is the run of lines of
    one ``prov.page``; a text without pages is one page and keeps all its lines."""
    pages: list[list[SourceLine]] = []
    for line in lines:
        if not pages or line.prov.page != pages[-1][-1].prov.page:
            pages.append([])
        pages[-1].append(line)
    if len(pages) < 2:
        return lines, []
    kept: list[SourceLine] = []
    dropped: list[int] = []
    for number, page in enumerate(pages, start=1):
        stats = _health_stats("\n".join(line.text for line in page))
        if stats.judged >= _UNREADABLE_PAGE_MIN_TOKENS and stats.score < _UNREADABLE_PAGE_BELOW:
            dropped.append(page[0].prov.page or number)
            continue
        if dropped and kept and page and not page[0].page_break_before:
            page[0] = replace(page[0], page_break_before=True, gap_before=True)
        kept.extend(page)
    return kept, dropped


def _read_text(p: Path, name: str, fmt: str) -> SourceText:
    data = p.read_bytes()
    warnings: list[ParseWarning] = []
    text = _decode_text(data, name, warnings)
    if not text.strip():
        raise EmptyDocumentError(name, "empty file" if not data else "file holds only whitespace")
    physical = _LINE_BREAK.split(text)
    physical = _strip_front_matter(_convert_legacy(physical, name, warnings))

    lines: list[SourceLine] = []
    gap = False
    confidence = TRANSCRIPT_CONFIDENCE if is_ocr_transcript(physical) else None
    if confidence is not None:
        physical = clean_transcript(physical)
    for number, line in enumerate(physical, start=1):
        if not line.strip():
            gap = True
            continue
        lines.append(SourceLine(text=line, prov=Provenance(name, None, number, confidence), gap_before=gap))
        gap = False
    if not any(w.code == "legacy_encoding" for w in warnings):
        # A spread sample judges the file as well as the whole text, at a bounded cost on
        # large files (the full check took 3 s per MB).
        step = max(1, len(lines) // _HEALTH_SAMPLE_LINES)
        warning = _quality_warning("\n".join(line.text for line in lines[::step]), "file")
        if warning is not None:
            warnings.append(warning)
    return SourceText(path=name, format=fmt, lines=lines, warnings=warnings)


def _decode_text(data: bytes, name: str, warnings: list[ParseWarning]) -> str:
    """Bytes → str: BOMs, UTF-16 by NUL pattern, UTF-8, legacy 8-bit, then charset_normalizer."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    name, f"invalid {codec.upper()} text after its BOM: {exc}"
                ) from exc

    utf16 = utf16_codec_by_nuls(data)
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass  # the NUL pattern was a coincidence; try the others

    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # A few stray bytes in an otherwise UTF-8 file: keep the file, say what was replaced.
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    non_ascii = sum(1 for c in lenient if ord(c) > 127) - bad
    if bad and non_ascii >= 20 * bad:
        warnings.append(
            ParseWarning(
                code="invalid_utf8",
                message=f"{bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD",
            )
        )
        return lenient

    # 8-bit text: Windows-1258 when that reads as clean Vietnamese; else a legacy font
    # encoding, which _convert_legacy converts from the Latin-1 view (each byte is the
    # "surface character" the viparse tables key on).
    try:
        cp1258: str | None = data.decode("cp1258")
    except UnicodeDecodeError:
        cp1258 = None
    if cp1258 is not None and _health_stats(cp1258).score >= _HEALTH_WARN_BELOW:
        return cp1258
    if _looks_legacy(data.decode("latin-1")):
        return _latin1_for_legacy(data)
    guessed = _charset_normalizer_guess(data)
    if guessed is not None:
        encoding, text = guessed
        warnings.append(
            ParseWarning(code="encoding_guess", message=f"decoded as {encoding} (guessed)")
        )
        return text
    if cp1258 is not None:
        return cp1258
    raise EncodingError(
        name,
        "unknown text encoding (not UTF-8, UTF-16, Windows-1258 or a legacy Vietnamese font encoding)",
    )


def _latin1_for_legacy(data: bytes) -> str:
    """Latin-1 view of 8-bit legacy text, keeping Windows-1252 punctuation (“ ” –) readable.

    TCVN3/VNI files were typed on Windows, so bytes 0x80–0x9F are CP1252 quotes and dashes,
    never letters; VISCII does use them as letters, and Latin-1 keeps those as they are.
    """
    table: dict[int, str] = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    text = data.decode("latin-1")
    if _detect_legacy_encoding(text) in ("tcvn3", "vni"):
        return text.translate(table)
    return text


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    """charset_normalizer's answer when it is installed and confident, else None."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    best = from_bytes(data).best()
    if best is None or best.chaos > 0.1:
        return None
    return best.encoding, str(best)


def _looks_legacy(text: str) -> bool:
    """Cheap pre-check: many tokens hold Latin-1 characters no Unicode Vietnamese uses."""
    sample = text[:200_000]
    if not _LEGACY_CHAR_RE.search(sample):
        return False  # the common case, in one regex scan instead of judging every token
    stats = _health_stats(sample)
    return stats.legacy >= 1 and stats.legacy_share >= 0.05


def _detect_legacy_encoding(text: str) -> str | None:
    """viparse's verdict ("tcvn3", "vni", "viscii", …) on a sample of ``text``, or None."""
    import viparse

    return viparse.detect_text_encoding(text[:20_000])


def _convert_line(line: str, encoding: str) -> str:
    """One line from a legacy encoding to Unicode (NFC), keeping its indentation."""
    import viparse

    if not line.strip() or _UNICODE_VIET.search(line):
        return line
    stripped = line.lstrip()
    indent = line[: len(line) - len(stripped)]
    converted = indent + viparse.fix(stripped, encoding=encoding)
    # In a mixed file a Unicode line of Latin-1 letters only ("Vào lúc") must stay as it is.
    if _health_stats(converted).score < _health_stats(line).score:
        return line
    return converted


def _convert_legacy(lines: list[str], name: str, warnings: list[ParseWarning]) -> list[str]:
    """Convert TCVN3 / VNI / VISCII text to Unicode, or raise when it is legacy but won't go."""
    text = "\n".join(lines)
    if not _looks_legacy(text):
        return lines
    before = _health_stats(text)
    candidates: list[str] = []
    detected = _detect_legacy_encoding(text)
    if detected is not None:
        candidates.append(detected)
    if before.legacy_share >= 0.25:
        # Clearly legacy but viparse declined (too short, or unsure): try each table.
        candidates.extend(e for e in _LEGACY_NAMES if e not in candidates)
    best: tuple[float, str, list[str]] | None = None
    for encoding in candidates:
        converted = [_convert_line(line, encoding) for line in lines]
        after = _health_stats("\n".join(converted))
        if after.score <= before.score or after.legacy_share >= 0.1:
            continue
        if best is None or after.score > best[0]:
            best = (after.score, encoding, converted)
    if best is None or best[0] < 0.6:
        if before.legacy_share >= 0.25:
            raise EncodingError(
                name,
                "text looks like a legacy Vietnamese font encoding (TCVN3/VNI/VISCII) "
                "but could not be converted to Unicode",
            )
        return lines  # a few odd characters, not a legacy file: leave the text alone
    score, encoding, converted = best
    label = _LEGACY_NAMES.get(encoding, encoding.upper())
    warnings.append(
        ParseWarning(
            code="legacy_encoding",
            message=f"converted from {label} to Unicode (diacritics health {before.score:.2f} → {score:.2f})",
        )
    )
    return converted


# --------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------

_GAP_FACTOR = 1.6  # a vertical step this many times the median line pitch is a visible gap


@dataclass(slots=True)
class _Item:
    """A text line or table row on one page, before numbering."""

    top: float
    x0: float
    text: str
    kind: str
    table_start: bool = False
    gap: bool = False
    cells: list[tuple[float, str]] | None = None
    grid: list[str | None] | None = None
    table: int | None = None
    confidence: float | None = None  # Tesseract's, for a line read by OCR


def _read_pdf(p: Path, name: str, ocr: str = "auto") -> SourceText:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError
    from pdfplumber.utils.exceptions import PdfminerException

    with open(p, "rb") as fh:  # our own handle: pdf.close() would build every Page at once
        try:
            pdf = pdfplumber.open(fh)
        except PdfminerException as exc:
            cause = exc.args[0] if exc.args else exc
            if isinstance(cause, PDFEncryptionError):
                raise EncryptedFileError(
                    name, f"encrypted PDF: {type(cause).__name__} (password required)"
                ) from exc
            raise UnsupportedFileError(name, f"not a valid PDF: {cause}") from exc
        except Exception as exc:  # pdfminer raises assorted errors on mangled files
            raise UnsupportedFileError(name, f"not a valid PDF: {exc!r}") from exc
        # Bounded memory: pdfminer otherwise keeps every object it ever parsed (content
        # streams included) for the life of the document.
        pdf.doc.caching = False
        try:
            return _read_pdf_pages(pdf, name, p, ocr)
        finally:
            pdf.flush_cache()


def _iter_pdf_pages(pdf: Any, name: str, warnings: list[ParseWarning]) -> Iterator[Any]:
    """Yield pdfplumber pages one at a time and free each one's layout after use."""
    from pdfminer.pdfpage import PDFPage
    from pdfplumber.page import Page

    doctop = 0.0
    number = 0
    pages = PDFPage.create_pages(pdf.doc)
    while True:
        try:
            page_obj = next(pages)
        except StopIteration:
            return
        except Exception as exc:  # a broken page tree: keep what was read
            if number == 0:
                raise UnsupportedFileError(
                    name, f"not a valid PDF: broken page tree ({exc!r})"
                ) from exc
            warnings.append(
                ParseWarning(
                    code="pdf_truncated", message=f"pages after {number} could not be read: {exc!r}"
                )
            )
            return
        number += 1
        page = Page(pdf, page_obj, page_number=number, initial_doctop=doctop)
        doctop += float(page.height)
        try:
            yield page
        finally:
            page.close()  # flush_cache() + the textmap cache


def _layer_is_broken(items: list[_Item]) -> bool:
    """Whether a page's text layer fails the diacritics check (see :func:`_quality_warning`)."""
    stats = _health_stats("\n".join(i.text for i in items))
    return stats.judged >= _HEALTH_MIN_TOKENS and stats.score < _HEALTH_WARN_BELOW


def _read_pdf_pages(pdf: Any, name: str, path: Path, ocr: str = "auto") -> SourceText:
    """Every page's lines: from the text layer, or by OCR (see :data:`OCR_MODES`).

    Pages to OCR are queued on the OCR pool as they are met, so that all of a scan's pages
    are recognised in parallel while the text-layer pages are read; lines come out in page
    order.
    """
    warnings: list[ParseWarning] = []
    # (page number, items of the text layer or None, OCR of the page or None)
    pages: list[tuple[int, list[_Item] | None, Any]] = []
    n_pages = 0
    image_pages = 0
    unreadable = 0
    missing: str | None = None  # why OCR could not run, when a page needed it
    for page in _iter_pdf_pages(pdf, name, warnings):
        n_pages = page.page_number
        try:
            items, has_text, has_graphics = _page_items(page)
        except Exception as exc:  # one broken content stream should not lose the document
            unreadable += 1
            warnings.append(
                ParseWarning(
                    code="pdf_page_error", message=f"page {n_pages}: could not be read: {exc!r}"
                )
            )
            continue
        wanted = ocr == "always" or (ocr == "auto" and (
            (not has_text and has_graphics) or (has_text and _layer_is_broken(items))))
        if wanted:
            missing = engine.unavailable_reason()
            if missing is None:
                job = engine.submit_pdf_page(path, n_pages - 1)
                pages.append((n_pages, items if has_text else None, job))
                continue
        if not has_text:
            if has_graphics:
                image_pages += 1
                needs = "needs OCR" if missing is None else f"needs OCR; {missing}"
                warnings.append(
                    ParseWarning(
                        code="no_text_layer",
                        message=f"page {n_pages}: no text layer (images only), {needs}",
                    )
                )
            continue
        pages.append((n_pages, items, None))

    lines: list[SourceLine] = []
    n_tables = 0  # tables of the pages before, so that table numbers are unique in the file
    ocr_blank = 0
    for number, layer, job in pages:
        items = layer or []
        if job is not None:
            read = _ocr_result(job, number, warnings)
            if read is not None and layer is not None and ocr == "auto":
                # A broken text layer is replaced only by an OCR reading that is healthier.
                if diacritics_health(read.text) > diacritics_health("\n".join(i.text for i in layer)):
                    warnings.append(ParseWarning(
                        code="ocr_replaced_text_layer",
                        message=f"page {number}: text layer failed the diacritics check; read by OCR"))
                    items = _ocr_items(read)
            elif read is not None:
                items = _ocr_items(read)
            if items and items[0].confidence is not None:
                low = sum(1 for i in items if i.confidence is not None and i.confidence < LOW_OCR_CONFIDENCE)
                if low:
                    warnings.append(ParseWarning(
                        code="low_ocr_confidence",
                        message=f"page {number}: {low} of {len(items)} line(s) read by OCR with "
                                f"confidence under {LOW_OCR_CONFIDENCE:.0f}"))
            if not items:
                ocr_blank += 1
                continue
        page_break = bool(lines)  # first line of every page after the first with content
        for line_no, item in enumerate(items, start=1):
            lines.append(
                SourceLine(
                    text=item.text,
                    prov=Provenance(name, number, line_no, item.confidence),
                    gap_before=item.gap,
                    page_break_before=page_break and line_no == 1,
                    kind=item.kind,
                    cells=item.cells,
                    grid=item.grid,
                    table=None if item.table is None else item.table + n_tables,
                )
            )
        n_tables += max((item.table for item in items if item.table), default=0)
        if items and items[0].confidence is None:
            warning = _quality_warning("\n".join(i.text for i in items), f"page {number}")
            if warning is not None:
                warnings.append(warning)

    if n_pages == 0:
        raise EmptyDocumentError(name, "PDF has zero pages")
    if not lines:
        if image_pages and missing is not None:
            raise OcrUnavailableError(
                name, f"no text layer: needs OCR ({image_pages} page(s) of images); {missing}")
        if image_pages:
            raise NoTextLayerError(
                name, f"no text layer: needs OCR ({image_pages} page(s) of images, no text; "
                      "OCR is off)"
            )
        if ocr_blank:
            raise NoTextLayerError(
                name, f"no text layer, and OCR found no text on its {ocr_blank} page(s)")
        if unreadable:
            raise UnsupportedFileError(
                name, f"not a valid PDF: none of its {n_pages} page(s) could be read"
            )
        raise EmptyDocumentError(name, f"PDF holds no text ({n_pages} blank page(s))")
    return SourceText(path=name, format="pdf", lines=lines, pages=n_pages,
                      warnings=warnings)


def _ocr_result(job: Any, number: int, warnings: list[ParseWarning]) -> Any:
    """The OCR of one page, or None with a warning when Tesseract failed on it."""
    try:
        return job.result()
    except Exception as exc:  # noqa: BLE001 - one page's failure never loses the document
        warnings.append(ParseWarning(code="ocr_error", message=f"page {number}: OCR failed: {exc!r}"))
        return None


def _ocr_items(read: Any) -> list[_Item]:
    """A page's OCR lines as items: reading order kept (header columns one after the other),
    a visible gap where the region changes or the step down is large."""
    items = [_Item(top=float(line.box[1]), x0=float(line.box[0]), text=line.text, kind="text",
                   confidence=line.confidence) for line in read.lines]
    _mark_gaps(items)
    margin = _right_margin([line.box for line in read.lines if line.region == "body"])
    for prev, cur, line in zip(read.lines, read.lines[1:], items[1:], strict=False):
        if prev.region != cur.region:
            line.gap = True
        elif margin is not None and prev.region == "body" and _ends_short(prev.box, margin):
            line.gap = True  # a line that stops short of the margin ends its paragraph
    return items


# A paragraph's last line, a heading ("Phần II", "I- Công tác tham mưu, chỉ đạo điều hành") and a
# title stop short of the right margin; a wrapped line reaches it (justified text) or stops
# within a syllable or two of it (ragged text: a Vietnamese syllable is at most 7 letters, about
# 4% of a text line). The scans of a provincial department (KOZ_2268, fTo_2287) printed their
# part headings as lines of their own that the hard-wrap joiner ran into the paragraph below.
_SHORT_LINE = 0.12  # of the text width: a line ending further than this from the margin is short


def _right_margin(boxes: list[tuple[int, int, int, int]]) -> tuple[float, float] | None:
    """(left edge, right margin) of a page's body text: the edges most of its long lines reach;
    None when the page has too few lines to tell."""
    if len(boxes) < 8:
        return None
    lefts = sorted(b[0] for b in boxes)
    rights = sorted(b[2] for b in boxes)
    left = lefts[len(lefts) // 10]
    right = rights[(len(rights) * 8) // 10]
    return (left, right) if right - left > 0 else None


def _ends_short(box: tuple[int, int, int, int], margin: tuple[float, float]) -> bool:
    left, right = margin
    return box[2] < right - _SHORT_LINE * (right - left)


def _read_image(p: Path, name: str, ocr: str) -> SourceText:
    """A PNG/JPEG/TIFF file: one page, read by OCR (the first frame of a multi-page TIFF)."""

    if ocr == "never":
        raise NoTextLayerError(name, "an image: its text needs OCR (OCR is off)")
    missing = engine.unavailable_reason()
    if missing is not None:
        raise OcrUnavailableError(name, f"an image: its text needs OCR; {missing}")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(p) as image:
            image.verify()
        with Image.open(p) as image:
            frames = getattr(image, "n_frames", 1)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise UnsupportedFileError(name, f"not a valid image: {exc}") from exc
    warnings: list[ParseWarning] = []
    if frames > 1:
        warnings.append(ParseWarning(
            code="image_frames", message=f"{frames} frames: only the first is read"))
    try:
        read = engine.submit_image_file(p).result()
    except (OSError, SyntaxError, ValueError) as exc:
        raise UnsupportedFileError(name, f"not a valid image: {exc}") from exc
    items = _ocr_items(read)
    if not items:
        raise NoTextLayerError(name, "an image in which OCR found no text")
    low = sum(1 for i in items if i.confidence is not None and i.confidence < LOW_OCR_CONFIDENCE)
    if low:
        warnings.append(ParseWarning(
            code="low_ocr_confidence",
            message=f"{low} of {len(items)} line(s) read by OCR with confidence under "
                    f"{LOW_OCR_CONFIDENCE:.0f}"))
    lines = [SourceLine(text=item.text, prov=Provenance(name, 1, k, item.confidence),
                        gap_before=item.gap, kind="text")
             for k, item in enumerate(items, start=1)]
    return SourceText(path=name, format="image", lines=lines, pages=1, warnings=warnings)


def _page_items(page: Any) -> tuple[list[_Item], bool, bool]:
    """Text lines and table rows of a page in reading order, with gaps marked.

    Returns (items, page has any text, page has images or vector graphics).
    """
    chars = page.chars
    has_text = any(c["text"].strip() for c in chars)
    has_graphics = bool(page.images or page.rects or page.curves or page.lines)
    if not has_text:
        return [], False, has_graphics

    items: list[_Item] = []
    boxes: list[tuple[float, float, float, float]] = []
    if page.rects or page.lines or page.curves:  # ruled tables need drawn edges
        for table in page.find_tables():
            number = len(boxes) + 1
            rows = table.extract()
            if not any(sum(1 for cell in row if cell and cell.strip()) >= 2 for row in rows):
                continue  # a box around a paragraph, not a table
            boxes.append(table.bbox)
            first = True
            for row, cells in zip(table.rows, rows, strict=False):
                text = _join_cells(None if cell is None else cell for cell in cells)
                if text is None:
                    continue
                items.append(
                    _Item(
                        top=float(row.bbox[1]),
                        x0=float(row.bbox[0]),
                        text=text,
                        kind="table_row",
                        table_start=first,
                        grid=[None if cell is None else " ".join(cell.split()) for cell in cells],
                        table=number,
                    )
                )
                first = False

    text_page = page
    if boxes:

        def outside_tables(obj: dict[str, Any]) -> bool:
            if obj.get("object_type") != "char":
                return True
            cx = (obj["x0"] + obj["x1"]) / 2
            cy = (obj["top"] + obj["bottom"]) / 2
            return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

        text_page = page.filter(outside_tables)
    for line in text_page.extract_text_lines(return_chars=True):
        if line["text"].strip():
            pieces = _column_pieces(line["text"], line["chars"])
            items.append(
                _Item(top=float(line["top"]), x0=float(line["x0"]), text=line["text"], kind="text",
                      cells=pieces if len(pieces) > 1 else None)
            )

    items.sort(key=lambda i: (i.top, i.x0))
    _mark_gaps(items)
    return items, True, has_graphics


# A horizontal gap wider than this many font sizes separates columns, not words: measured on a
# Word-made decision (HNMU.pdf) and on reportlab two-column headers, column gaps are 4-20 font
# sizes, justified word spaces at most 0.9 and blank fill-in spaces ("ngày    tháng") 2.7.
_COLUMN_GAP_SIZES = 3.0


def _column_pieces(text: str, chars: list[dict[str, Any]]) -> list[tuple[float, str]]:
    """Split one text line at column gaps into (left edge, text) pieces.

    The pieces keep pdfplumber's own word spacing: the line's text is cut before the first
    character of every glyph that follows a column gap (spaces skipped on both sides).
    """
    glyphs = [c for c in chars if c["text"].strip()]
    if not glyphs:
        return []
    starts = [0]  # index into glyphs of each piece's first glyph
    for i in range(1, len(glyphs)):
        prev, ch = glyphs[i - 1], glyphs[i]
        size = float(ch.get("size") or prev.get("size") or 10.0)
        if float(ch["x0"]) - float(prev["x1"]) > _COLUMN_GAP_SIZES * size:
            starts.append(i)
    if len(starts) == 1:
        return [(float(glyphs[0]["x0"]), text)]
    owner = [gi for gi, g in enumerate(glyphs) for _ in g["text"].strip()]  # char -> glyph
    cut_positions: list[int] = []
    pending = iter(starts[1:])
    next_start = next(pending, None)
    seen = 0
    for pos, character in enumerate(text):
        if character.isspace():
            continue
        glyph = owner[min(seen, len(owner) - 1)]
        while next_start is not None and glyph >= next_start:
            cut_positions.append(pos)
            next_start = next(pending, None)
        seen += 1
    bounds = [0, *cut_positions, len(text)]
    pieces = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    return [
        (float(glyphs[g]["x0"]), " ".join(piece.split()))
        for g, piece in zip(starts, pieces, strict=False)
        if piece.strip()
    ]


def _mark_gaps(items: list[_Item]) -> None:
    """Set ``gap`` where a visible break precedes an item.

    A text line gets it when its step from the previous line is clearly larger than the
    page's typical line pitch (top to top, so a larger heading font does not look like a
    gap); a table's first row and the first line after a table always get it.
    """
    pitches = [
        cur.top - prev.top
        for prev, cur in zip(items, items[1:], strict=False)
        if prev.kind == cur.kind == "text" and cur.top - prev.top > 1.0
    ]
    typical = statistics.median(pitches) if pitches else None
    for prev, cur in zip(items, items[1:], strict=False):
        if cur.kind == "table_row":
            cur.gap = cur.table_start
        elif prev.kind == "table_row":
            cur.gap = True
        elif typical is not None:
            cur.gap = cur.top - prev.top > _GAP_FACTOR * typical
    if items and items[0].table_start:
        items[0].gap = True


def _join_cells(cells: Iterable[str | None]) -> str | None:
    """Cells → "a | b | c" (None = spanned by a merged cell, skipped); None if all empty."""
    texts = [" ".join(cell.split()) for cell in cells if cell is not None]
    if not any(texts):
        return None
    return " | ".join(texts)


# --------------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------------


def _docx_page_breaks(paragraph: Any) -> tuple[bool, bool]:
    """Whether a hard page break falls (before, after) this paragraph's text.

    A break with text after it puts that text on the new page, so the paragraph counts as
    starting it; a break after all the text (Word's usual "text, then Ctrl+Enter") starts
    the page at the next paragraph.
    """
    from docx.oxml.ns import qn

    tag_t, tag_br, attr_type, attr_val = qn("w:t"), qn("w:br"), qn("w:type"), qn("w:val")
    ppr = paragraph.find(qn("w:pPr"))
    flag = ppr.find(qn("w:pageBreakBefore")) if ppr is not None else None
    before = flag is not None and flag.get(attr_val, "true") not in ("0", "false", "off")
    seen_text = pending = False
    for el in paragraph.iter(tag_t, tag_br):
        if el.tag == tag_br:
            if el.get(attr_type) == "page":
                pending = True
        elif el.text and el.text.strip():
            if pending:
                before = True  # text follows a break: this paragraph opens the new page
            pending = False
            seen_text = True
    return before, pending and seen_text


def _docx_list_labels(document: Any) -> dict[Any, str]:
    """The label Word's list numbering shows before each numbered paragraph (``w:p`` → "1. ").

    Empty for a document that defines no list, so hand-numbered files read exactly as before.
    Paragraphs are counted in document order, tables' cells included; paragraphs inside other
    paragraphs (text boxes) and the fallback copy of alternate content are not, as the reader
    does not read them either.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn

    def related(reltype: str) -> Any:
        try:
            part = document.part.part_related_by(reltype)
        except KeyError:
            return None
        return getattr(part, "element", None)  # a part of the wrong content type: no XML

    numbering = ListNumbering(related(RT.NUMBERING), related(RT.STYLES))
    if numbering.empty:
        return {}
    tag_p = qn("w:p")
    tag_fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    labels: dict[Any, str] = {}
    for paragraph in document.element.body.iter(tag_p):
        if next(paragraph.iterancestors(tag_p, tag_fallback), None) is not None:
            continue
        label = numbering.label(paragraph)
        if label:
            labels[paragraph] = label
    return labels


def _read_docx(p: Path, name: str) -> SourceText:
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(p))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors, …
        raise UnsupportedFileError(name, f"not a valid DOCX: {exc!r}") from exc

    tag_p, tag_tbl, tag_sdt = qn("w:p"), qn("w:tbl"), qn("w:sdt")
    tag_sdt_content, tag_custom = qn("w:sdtContent"), qn("w:customXml")
    warnings: list[ParseWarning] = []
    try:
        labels = _docx_list_labels(document)
    except Exception as exc:  # noqa: BLE001 - the labels are a bonus: the text is still readable
        labels = {}
        warnings.append(ParseWarning(
            code="list_numbering_unread",
            message=f"file: Word list numbering not read ({exc!r}); labels such as \"I.\", "
                    "\"1.\", \"a)\" given by it are missing"))

    def paragraph_text(element: Any, parent: Any, bare_label: bool = False) -> str:
        """The paragraph's text after the label Word's list numbering shows before it.

        An empty numbered paragraph shows its bare label: kept in a table cell (an STT column
        numbered by Word), dropped in the body, where a lone "3." is no text.
        """
        text = Paragraph(element, parent).text
        if not text.strip() and not bare_label:
            return text
        return labels.get(element, "") + text

    def cell_text(cell: Any) -> str:
        # As python-docx's ``_Cell.text`` (the cell's own paragraphs), with list labels.
        if not labels:
            return str(cell.text)
        return "\n".join(paragraph_text(p, cell, bare_label=True) for p in cell._tc.p_lst)

    def body_elements(parent: Any) -> Iterator[Any]:
        """Paragraphs and tables in document order, looking inside content controls."""
        for child in parent.iterchildren():
            if child.tag in (tag_p, tag_tbl):
                yield child
            elif child.tag == tag_sdt:
                for content in child.iterchildren(tag_sdt_content):
                    yield from body_elements(content)
            elif child.tag == tag_custom:
                yield from body_elements(child)

    lines: list[SourceLine] = []
    page_break = False
    n_tables = 0

    def emit(text: str, kind: str, cells: list[tuple[float, str]] | None = None,
             grid: list[str | None] | None = None) -> None:
        nonlocal page_break
        lines.append(
            SourceLine(
                text=text,
                prov=Provenance(name, None, len(lines) + 1),
                gap_before=True,
                page_break_before=page_break,
                kind=kind,
                cells=cells,
                grid=grid,
                table=n_tables if grid is not None else None,
            )
        )
        page_break = False

    try:
        for element in body_elements(document.element.body):
            if element.tag == tag_p:
                before, after = _docx_page_breaks(element)
                page_break = page_break or (before and bool(lines))
                # Soft line breaks inside one paragraph are wraps, not new paragraphs.
                text = " ".join(paragraph_text(element, document).splitlines())
                if text.strip():
                    emit(text, "text")
                page_break = page_break or (after and bool(lines))
            else:
                n_tables += 1
                for row in Table(element, document).rows:
                    unique: list[Any] = []
                    texts: list[str] = []
                    grid: list[str | None] = []
                    for cell in row.cells:
                        if not unique or cell is not unique[-1]:  # a merged cell repeats itself
                            unique.append(cell)
                            texts.append(cell_text(cell))
                            grid.append(" ".join(texts[-1].split()))
                        else:
                            grid.append(None)
                    text = _join_cells(texts)
                    if text is not None:
                        # The cells' own lines: a header cell holds issuer, rule and number.
                        cells = [(float(i), t.strip()) for i, t in enumerate(texts)]
                        emit(text, "table_row", cells, grid)
    except Exception as exc:
        raise UnsupportedFileError(name, f"not a valid DOCX: {exc!r}") from exc

    if not lines:
        raise EmptyDocumentError(name, "DOCX holds no text")
    warning = _quality_warning("\n".join(line.text for line in lines), "file")
    if warning is not None:
        warnings.append(warning)
    return SourceText(path=name, format="docx", lines=lines, warnings=warnings)


# --------------------------------------------------------------------------------------------
# Sizes inside a file, checked before parsing
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FileLimits:
    """Sizes a file may declare inside itself, checked before a parser sees it.

    A DOCX of 255 KB can hold a million identical paragraphs (40 MB of XML once inflated):
    python-docx then takes minutes and gigabytes. The zip directory gives each part's inflated
    size and the XML can be counted without parsing it; a PDF's page tree can be walked without
    reading any page. The defaults are far above any real document (the largest real plan: 1.6
    MB of DOCX XML, 40 pages; a long law: a few hundred pages); the web server's plan check
    passes tighter ones.
    """

    max_text_bytes: int = 64 * 1024 * 1024
    max_xml_bytes: int = 48 * 1024 * 1024
    max_zip_bytes: int = 512 * 1024 * 1024
    max_paragraphs: int = 200_000
    max_pages: int = 3_000


DEFAULT_FILE_LIMITS = FileLimits()
_DOCX_PARAGRAPH = re.compile(rb"<w:p[ >/]")


def check_file_limits(path: str | Path, name: str, kind: str,
                      limits: FileLimits = DEFAULT_FILE_LIMITS) -> None:
    """Raise :class:`InputTooLargeError` when the file declares more than ``limits`` allow:
    text bytes; DOCX inflated part sizes (read back bounded, not trusted) and paragraphs; PDF
    pages. Costs milliseconds: nothing is parsed."""
    p = Path(path)
    if kind in ("txt", "md"):
        size = p.stat().st_size
        if size > limits.max_text_bytes:
            raise InputTooLargeError(name, f"text file of {size} bytes, more than the limit of "
                                           f"{limits.max_text_bytes}")
        return
    if kind == "docx":
        _check_docx_limits(p, name, limits)
    elif kind == "pdf":
        _check_pdf_limits(p, name, limits)


def _check_docx_limits(p: Path, name: str, limits: FileLimits) -> None:
    try:
        with zipfile.ZipFile(p) as zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            if total > limits.max_zip_bytes:
                raise InputTooLargeError(name, f"DOCX inflates to {total} bytes, more than the "
                                               f"limit of {limits.max_zip_bytes}")
            for info in infos:
                if info.filename.endswith(".xml") and info.file_size > limits.max_xml_bytes:
                    raise InputTooLargeError(
                        name, f"DOCX part {info.filename} inflates to {info.file_size} bytes, "
                              f"more than the limit of {limits.max_xml_bytes}")
            # The declared size can lie: read the body back with a bound.
            with zf.open("word/document.xml") as fh:
                body = fh.read(limits.max_xml_bytes + 1)
    except (zipfile.BadZipFile, OSError, KeyError, EOFError) as exc:
        raise UnsupportedFileError(name, f"not a valid DOCX: broken zip archive ({exc})") from exc
    except RuntimeError as exc:  # an encrypted zip member
        raise EncryptedFileError(name, f"encrypted zip member ({exc})") from exc
    if len(body) > limits.max_xml_bytes:
        raise InputTooLargeError(name, "DOCX body inflates beyond the limit of "
                                       f"{limits.max_xml_bytes} bytes")
    paragraphs = len(_DOCX_PARAGRAPH.findall(body))
    if paragraphs > limits.max_paragraphs:
        raise InputTooLargeError(name, f"DOCX holds {paragraphs} paragraphs, more than the "
                                       f"limit of {limits.max_paragraphs}")


def _check_pdf_limits(p: Path, name: str, limits: FileLimits) -> None:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    with open(p, "rb") as fh:
        try:
            doc = PDFDocument(PDFParser(fh))
            pages = 0
            for _page in PDFPage.create_pages(doc):  # the page tree only, no content stream
                pages += 1
                if pages > limits.max_pages:
                    raise InputTooLargeError(name, f"PDF of more than {limits.max_pages} pages "
                                                   "(the limit)")
        except InputTooLargeError:
            raise
        except Exception:  # noqa: BLE001 - the reader reports a broken or encrypted PDF itself
            return
