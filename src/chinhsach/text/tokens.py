"""Lexical terms for BM25: Vietnamese words (with diacritics) and folded syllables.

Two fields, because staff type both ways:
- ``word_terms``: Vietnamese words ("bảo_hiểm_xã_hội"), lower-cased; precise when the query
  carries diacritics. Documents are segmented by :func:`segment_words`: longest match against
  the word dictionary of underthesea's segmentation model (VLSP 2013, 72k words). At query time
  the query is segmented by longest match against the index's own word vocabulary
  (:func:`segment_by_vocabulary`), which gives the same segmentation as the index.
- ``folded_terms``: syllables with diacritics removed, plus adjacent-syllable bigrams, so that
  "chi tieu bao hiem y te" finds "chỉ tiêu bảo hiểm y tế" and bigrams keep "nuoc_sach" apart
  from a stray "nuoc" and "sach".
"""

from __future__ import annotations

import functools
import importlib.util
import pickle
import re
from collections.abc import Callable
from pathlib import Path

from chinhsach.text.normalize import canonical_tones, fold

_SYLLABLE_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)
# Clause punctuation: bigrams do not cross it.
_CLAUSE_RE = re.compile(r"[.;:!?,()\[\]\"“”]")
MAX_WORD_SYLLABLES = 6


def syllables(text: str) -> list[str]:
    """Lower-cased syllables and numbers of a normalised text."""
    return _SYLLABLE_RE.findall(text.lower())


def folded_terms(text: str) -> list[str]:
    """Folded syllables plus folded bigrams inside each clause."""
    terms: list[str] = []
    for clause in _CLAUSE_RE.split(text):
        sylls = syllables(fold(clause))
        terms.extend(sylls)
        terms.extend(f"{a}_{b}" for a, b in zip(sylls, sylls[1:], strict=False))
    return terms


# underthesea's word-segmentation model ships its dictionary beside the CRF weights.
_DICTIONARY = Path("pipeline", "word_tokenize", "models", "ws_crf_vlsp2013_20230727", "dictionary.bin")
# Pieces of a text for segmentation: a syllable or a number (as above), any other character.
_PIECE_RE = re.compile(_SYLLABLE_RE.pattern + r"|\S", re.UNICODE)


def dictionary_path() -> Path | None:
    """Where the installed underthesea keeps its word dictionary (None without underthesea)."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / _DICTIONARY


@functools.lru_cache(maxsize=1)
def dictionary_entries() -> list | None:
    """The entries of underthesea's word dictionary as it ships them (VLSP 2013 word list), read
    as data without importing underthesea (which imports torch: seconds); None when the installed
    package keeps it elsewhere. Word segmentation and the OCR clean-up both read it."""
    path = dictionary_path()
    if path is None:
        return None
    try:
        with path.open("rb") as fh:
            return list(pickle.load(fh))  # noqa: S301 - the installed package's own data file
    except (OSError, pickle.UnpicklingError, EOFError):
        return None


@functools.lru_cache(maxsize=1)
def word_dictionary() -> dict[str, int] | None:
    """Words of two or more syllables by their first syllable: {first: longest length}, and the
    words themselves (lower-case, canonical tone marks, syllables joined by spaces).

    Read as data, without importing underthesea (which imports torch: seconds). None when the
    installed underthesea keeps it elsewhere; :func:`segment_words` then calls its CRF.
    """
    words = dictionary_entries()
    if words is None:
        return None
    table: dict[str, int] = {}
    for word in words:
        sylls = canonical_tones(str(word)).lower().split()
        if len(sylls) > 1:
            table[" ".join(sylls)] = 0
            table[sylls[0]] = max(table.get(sylls[0], 0), len(sylls))
    return table


def _longest_match(units: list[str], longest: Callable[[str], int], known: Callable[[str], bool],
                   joiner: str) -> list[tuple[int, int]]:
    """Greedy left-to-right longest match: ``[(start, end)]`` runs of ``units`` forming a word.

    ``longest(unit)`` bounds the length of a word that starts with ``unit``; ``known(key)``
    says whether the units joined by ``joiner`` are a word. Unknown units stay alone.
    """
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        n = min(longest(units[i]), len(units) - i)
        while n > 1 and not known(joiner.join(units[i : i + n])):
            n -= 1
        n = max(n, 1)
        out.append((i, i + n))
        i += n
    return out


def segment_words(text: str) -> list[str]:
    """Words of ``text`` as printed ("Bảo hiểm y tế" may be one word), punctuation apart.

    Longest match of syllables (runs separated by single spaces) against underthesea's word
    dictionary. Measured against underthesea's CRF ``word_tokenize`` on the corpus: 15x faster
    (the CRF was over half the build's non-model time), retrieval MRR 0.956 against 0.952,
    extraction identical (evaluation/segmentation_eval.py).
    """
    table = word_dictionary()
    if table is None:  # pragma: no cover - another underthesea layout
        from underthesea import word_tokenize

        return list(word_tokenize(text))
    pieces = list(_PIECE_RE.finditer(text))
    words: list[str] = []
    i = 0
    while i < len(pieces):
        if not pieces[i].group()[0].isalpha():
            words.append(pieces[i].group())
            i += 1
            continue
        # A run of syllables with one space between each: words never cross anything else.
        j = i + 1
        while (j < len(pieces) and pieces[j].group()[0].isalpha()
               and pieces[j].start() == pieces[j - 1].end() + 1 and text[pieces[j - 1].end()] == " "):
            j += 1
        run = pieces[i:j]
        lower = [p.group().lower() for p in run]
        for a, b in _longest_match(lower, lambda u: table.get(u, 1), table.__contains__, " "):
            words.append(text[run[a].start() : run[b - 1].end()])
        i = j
    return words


def word_terms(text: str, words: list[str] | None = None) -> list[str]:
    """Word terms, lower-cased, punctuation dropped: "bảo_hiểm_xã_hội".

    ``words`` is a segmentation already made (by the extraction stage's tokenizer); without it
    the text is segmented here.
    """
    if words is None:
        words = segment_words(text)
    out = []
    for w in words:
        sylls = syllables(w)
        if sylls:
            out.append("_".join(sylls))
    return out


def segment_by_vocabulary(text: str, vocabulary: set[str]) -> list[str]:
    """Greedy longest-match segmentation of ``text`` into words known to the index.

    Unknown syllables stay single terms. This reproduces the index's own segmentation for
    phrases it contains, without loading a segmentation model at query time.
    """
    out: list[str] = []
    for clause in _CLAUSE_RE.split(text):
        sylls = syllables(clause)
        spans = _longest_match(sylls, lambda _u: MAX_WORD_SYLLABLES, vocabulary.__contains__, "_")
        out.extend("_".join(sylls[a:b]) for a, b in spans)
    return out
