"""When the index has nothing to say: "không tìm thấy" instead of the nearest noise.

The fused score of :meth:`Index.search` is min-max normalised within each query, so the first
hit of any query scores high, nonsense included ("xyzqwv khong co gi" led with the corpus's
banner line at 0.68). Two absolute measures of one hit are used instead:

- **coverage**: the share of the query's idf mass (folded syllables and numbers; a word the
  corpus never uses gets the idf of a word seen once) found in the hit's text;
- **z**: the hit's e5 cosine to the query, in standard deviations above the median cosine of
  that query to every segment (e5 cosines sit in 0.75-0.88 for everything: only the distance
  from the query's own background says something).

Rules (:func:`judge`), with thresholds chosen on ``evaluation/queries_seed.json`` (119 queries,
205 relevant hits in their top 10 over the corpus index) against 12 off-topic queries,
``evaluation/honesty_eval.py``:

1. the query is "not found" when words absent from the corpus (numbers aside) hold at least
   ``UNKNOWN_SHARE`` of its idf mass: the highest relevant query is at 0.43 ("tầm nhìn 2045":
   "tầm nhìn" is only in titles), the off-topic queries caught start at 0.58 ("lịch thi đấu
   world cup"; "xyzqwv khong co gi" 0.76);
2. the query is "not found" when no hit covers ``QUERY_FLOOR`` of it (relevant queries: the
   lowest best coverage is 0.14, "tầm nhìn 2045"; "hello world", "asdf qwer" score 0);
3. a hit is dropped when it covers less than ``HIT_COVERAGE`` and its z is below ``HIT_Z``:
   every relevant hit has coverage ≥ 0.089 or z ≥ 4.24 (the one relevant hit with coverage 0
   is a "2045" vision line found by meaning); off-topic queries lose most of their hits.

It is not a relevance oracle: an off-topic query made of common Vietnamese words ("công thức
nấu phở bò") still finds paragraphs that share its words. The rules only remove what no
relevant hit of the query set looks like.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from chinhsach.indexing import Index
from chinhsach.model import Hit
from chinhsach.text.normalize import fold

UNKNOWN_SHARE = 0.55
QUERY_FLOOR = 0.10
HIT_COVERAGE = 0.08
HIT_Z = 4.0


def _terms(text: str) -> list[str]:
    # Syllables and numbers, folded: "2045", "hdi", "nuoc".
    return [t for t in "".join(ch if ch.isalnum() else " " for ch in fold(text).lower()).split() if t]


@dataclass
class CorpusTerms:
    """Document frequencies of folded terms over the searchable segments of one generation."""

    n: int
    df: Counter[str]
    terms_of: dict[str, frozenset[str]]
    row_of: dict[str, int]

    @classmethod
    def of(cls, idx: Index) -> CorpusTerms:
        rows = {int(p): i for i, p in enumerate(idx.positions)}
        terms_of: dict[str, frozenset[str]] = {}
        row_of: dict[str, int] = {}
        for seg_id, pos, text in idx.conn.execute(
                "SELECT id, pos, text FROM segments WHERE searchable = 1"):
            terms_of[seg_id] = frozenset(_terms(text))
            if int(pos) in rows:
                row_of[seg_id] = rows[int(pos)]
        df: Counter[str] = Counter(t for ts in terms_of.values() for t in ts)
        return cls(len(terms_of), df, terms_of, row_of)

    def idf(self, term: str) -> float:
        return math.log(1.0 + self.n / (self.df.get(term, 0) + 0.5))


@dataclass
class Verdict:
    """The hits worth showing and, when none is, why (``reason``: ``unknown_words``,
    ``no_coverage`` or ``weak``)."""

    hits: list[Hit]
    reason: str | None = None
    unknown: list[str] | None = None


def measures(idx: Index, corpus: CorpusTerms, query: str, hits: list[Hit]) -> list[tuple[float, float]]:
    """(coverage, z) of each hit (see the module docstring)."""
    q_terms = list(dict.fromkeys(_terms(query)))
    total = sum(corpus.idf(t) for t in q_terms) or 1.0
    prepared = idx.prepare(query)
    q = idx._query_vector(prepared)
    if q is not None and len(idx.positions):
        sims = np.asarray(idx.vectors @ q, dtype=np.float64)
        med, sd = float(np.median(sims)), float(sims.std()) or 1.0
    else:
        sims, med, sd = None, 0.0, 1.0
    out = []
    for h in hits:
        seg_terms = corpus.terms_of.get(h.segment_id or "", frozenset())
        cov = sum(corpus.idf(t) for t in q_terms if t in seg_terms) / total
        row = corpus.row_of.get(h.segment_id or "")
        z = (float(sims[row]) - med) / sd if sims is not None and row is not None else 0.0
        out.append((cov, z))
    return out


def judge(idx: Index, corpus: CorpusTerms, query: str, hits: list[Hit]) -> Verdict:
    """Keep the hits that look like an answer; none (with the reason) when nothing does."""
    if not hits:
        return Verdict([], "no_coverage")
    q_terms = list(dict.fromkeys(_terms(query)))
    total = sum(corpus.idf(t) for t in q_terms) or 1.0
    # Numbers are left out: a year or a value the corpus does not print is still a fair query.
    unknown = [t for t in q_terms if corpus.df.get(t, 0) == 0 and not t.isdigit()]
    if unknown and sum(corpus.idf(t) for t in unknown) / total >= UNKNOWN_SHARE:
        return Verdict([], "unknown_words", unknown)
    scored = measures(idx, corpus, query, hits)
    if max(c for c, _ in scored) < QUERY_FLOOR:
        return Verdict([], "no_coverage")
    kept = [h for h, (c, z) in zip(hits, scored, strict=True) if c >= HIT_COVERAGE or z >= HIT_Z]
    return Verdict(kept, None if kept else "weak")


__all__ = ["HIT_COVERAGE", "HIT_Z", "QUERY_FLOOR", "UNKNOWN_SHARE", "CorpusTerms", "Verdict",
           "judge", "measures"]
