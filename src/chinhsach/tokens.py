"""Lexical terms for BM25: Vietnamese words (with diacritics) and folded syllables.

Two fields, because staff type both ways:
- ``word_terms``: underthesea's word segmentation ("bảo_hiểm_xã_hội"), lower-cased; precise when
  the query carries diacritics. At query time the query is segmented by longest match against the
  index's own word vocabulary (:func:`segment_by_vocabulary`), which needs no model and gives the
  same segmentation as the index.
- ``folded_terms``: syllables with diacritics removed, plus adjacent-syllable bigrams, so that
  "chi tieu bao hiem y te" finds "chỉ tiêu bảo hiểm y tế" and bigrams keep "nuoc_sach" apart
  from a stray "nuoc" and "sach".
"""

from __future__ import annotations

import re

from .normalize import fold

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


def _word_tokenize():
    # underthesea imports torch (seconds): load it only when a build needs it.
    from underthesea import word_tokenize

    return word_tokenize


def word_terms(text: str, words: list[str] | None = None) -> list[str]:
    """underthesea word segmentation, lower-cased, punctuation dropped: "bảo_hiểm_xã_hội".

    ``words`` is a segmentation already made (by the extraction stage's tokenizer); without it
    the text is segmented here.
    """
    if words is None:
        words = _word_tokenize()(text)
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
        i = 0
        while i < len(sylls):
            for n in range(min(MAX_WORD_SYLLABLES, len(sylls) - i), 0, -1):
                cand = "_".join(sylls[i : i + n])
                if n == 1 or cand in vocabulary:
                    out.append(cand)
                    i += n
                    break
    return out
