"""Where a query's words stand in a text: the spans to highlight and the best snippet.

One implementation for the CLI (rich styles) and the web pages (``<mark>``): words match without
diacritics and case ("nuoc sach" marks "nước sạch"); one-letter words are ignored.
"""

from __future__ import annotations

import re

from chinhsach.text.normalize import fold

_WORD = re.compile(r"\w+")


def query_words(query: str) -> frozenset[str]:
    """The folded words of a query worth marking (two letters or more)."""
    return frozenset(w for w in _WORD.findall(fold(query)) if len(w) > 1)


def word_spans(text: str, query: str) -> list[tuple[int, int]]:
    """(start, end) of every word of ``text`` that is one of the query's words."""
    words = query_words(query)
    return [(m.start(), m.end()) for m in _WORD.finditer(text) if fold(m.group(0)) in words]


def snippet(text: str, query: str, width: int = 320) -> str:
    """The part of a long text where most of the query's words stand together."""
    if len(text) <= width:
        return text
    words = query_words(query)
    hits = [(m.start(), fold(m.group(0))) for m in _WORD.finditer(text)]
    hits = [(pos, w) for pos, w in hits if w in words]
    best_start, best_score = 0, -1
    for pos, _ in hits:
        start = max(0, min(pos - width // 4, len(text) - width))
        score = len({w for p, w in hits if start <= p < start + width})
        if score > best_score:
            best_start, best_score = start, score
    end = min(len(text), best_start + width)
    return ("…" if best_start else "") + text[best_start:end] + ("…" if end < len(text) else "")
