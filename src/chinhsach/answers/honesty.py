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
   every relevant hit has coverage ≥ 0.089 or z ≥ 3.07 (the two under 0.08 are a "2045" vision
   line found by meaning, z 4.10, and "không để ai bị bỏ lại phía sau", coverage 0.065, z 3.07,
   after the index's segmentation changed; 4.0 dropped it);
4. the query is "off topic" when both sides are weak: the best e5 cosine of the query to any
   segment is under ``COS_FLOOR`` and no top hit holds ``PAIR_FLOOR`` of the query's adjacent
   syllable pairs (idf-weighted; "nuoc_sach", "bong_da"). Off-topic queries made of common
   words ("công thức nấu phở bò", "thời tiết Hà Nội ngày mai") share syllables with the plans,
   rarely their two-syllable words; paraphrased relevant queries ("bao nhiêu phần trăm người
   già được nhận lương hưu?") share few pairs but sit close to a segment in meaning. On the
   seed set (119 queries, with and without diacritics) the lowest best cosine is 0.843 (a query
   whose pairs are all found, "xoa mu chu muc do 2"), and among queries with pair coverage
   under 0.3 it is 0.851; 36 of 39 off-topic queries of ``evaluation/queries_offtopic.json``
   are under 0.845 with pair coverage under 0.3. A larger index only raises the best cosine,
   so the rule can only become more lenient as documents are added.

It is not a relevance oracle: an off-topic query close in meaning to a plan sentence ("cách
giảm cân sau khi sinh", best cosine 0.867 to a maternal-health line) still finds it; the
thresholds are the e5-small model's and are measured again by ``evaluation/honesty_eval.py``.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from chinhsach.indexing import Index, facts
from chinhsach.model import Hit
from chinhsach.text.normalize import fold
from chinhsach.text.tokens import folded_terms

UNKNOWN_SHARE = 0.55
QUERY_FLOOR = 0.10
HIT_COVERAGE = 0.08
HIT_Z = 3.0
COS_FLOOR = 0.845
PAIR_FLOOR = 0.30


def _terms(text: str) -> list[str]:
    # Syllables and numbers, folded: "2045", "hdi", "nuoc".
    return [t for t in "".join(ch if ch.isalnum() else " " for ch in fold(text).lower()).split() if t]


def _pairs(text: str) -> list[str]:
    """Adjacent folded syllable pairs inside each clause ("nuoc_sach"), numbers left out: a
    two-syllable Vietnamese word is the unit of topic that single syllables are not."""
    return list(dict.fromkeys(
        t for t in folded_terms(text)
        if "_" in t and not any(part.isdigit() for part in t.split("_"))))


@dataclass
class CorpusTerms:
    """Document frequencies of folded terms over the searchable segments of one generation."""

    n: int
    df: Counter[str]
    terms_of: dict[str, frozenset[str]]
    row_of: dict[str, int]
    pair_df: Counter[str]
    pairs_of: dict[str, frozenset[str]]

    @classmethod
    def of(cls, idx: Index) -> CorpusTerms:
        rows = {int(p): i for i, p in enumerate(idx.positions)}
        terms_of: dict[str, frozenset[str]] = {}
        pairs_of: dict[str, frozenset[str]] = {}
        row_of: dict[str, int] = {}
        for seg_id, pos, text in facts.searchable_segments(idx.conn):
            terms_of[seg_id] = frozenset(_terms(text))
            pairs_of[seg_id] = frozenset(_pairs(text))
            if int(pos) in rows:
                row_of[seg_id] = rows[int(pos)]
        df: Counter[str] = Counter(t for ts in terms_of.values() for t in ts)
        pair_df: Counter[str] = Counter(t for ts in pairs_of.values() for t in ts)
        return cls(len(terms_of), df, terms_of, row_of, pair_df, pairs_of)

    def idf(self, term: str) -> float:
        return math.log(1.0 + self.n / (self.df.get(term, 0) + 0.5))

    def pair_idf(self, pair: str) -> float:
        return math.log(1.0 + self.n / (self.pair_df.get(pair, 0) + 0.5))


@dataclass
class Verdict:
    """The hits worth showing and, when none is, why (``reason``: ``unknown_words``,
    ``no_coverage``, ``off_topic`` or ``weak``)."""

    hits: list[Hit]
    reason: str | None = None
    unknown: list[str] | None = None


@dataclass
class Measures:
    """What :func:`judge` reads: per hit (coverage, z, pair coverage), and the query's best
    e5 cosine to any segment (1.0 when the index has no vectors: the rule is then off)."""

    hits: list[tuple[float, float, float]]
    best_cosine: float


def measure(idx: Index, corpus: CorpusTerms, query: str, hits: list[Hit]) -> Measures:
    """The measures of the module docstring for ``hits`` of ``query``."""
    q_terms = list(dict.fromkeys(_terms(query)))
    total = sum(corpus.idf(t) for t in q_terms) or 1.0
    q_pairs = _pairs(query)
    pair_total = sum(corpus.pair_idf(t) for t in q_pairs)
    prepared = idx.prepare(query)
    q = idx._query_vector(prepared)
    if q is not None and len(idx.positions):
        sims = np.asarray(idx.vectors @ q, dtype=np.float64)
        med, sd, best = float(np.median(sims)), float(sims.std()) or 1.0, float(sims.max())
    else:
        sims, med, sd, best = None, 0.0, 1.0, 1.0
    out = []
    for h in hits:
        seg_terms = corpus.terms_of.get(h.segment_id or "", frozenset())
        cov = sum(corpus.idf(t) for t in q_terms if t in seg_terms) / total
        seg_pairs = corpus.pairs_of.get(h.segment_id or "", frozenset())
        # A one-word query has no pair: its syllable coverage stands in.
        pair_cov = (sum(corpus.pair_idf(t) for t in q_pairs if t in seg_pairs) / pair_total
                    if pair_total else cov)
        row = corpus.row_of.get(h.segment_id or "")
        z = (float(sims[row]) - med) / sd if sims is not None and row is not None else 0.0
        out.append((cov, z, pair_cov))
    return Measures(out, best)


def measures(idx: Index, corpus: CorpusTerms, query: str, hits: list[Hit]) -> list[tuple[float, float]]:
    """(coverage, z) of each hit (see the module docstring)."""
    return [(c, z) for c, z, _p in measure(idx, corpus, query, hits).hits]


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
    m = measure(idx, corpus, query, hits)
    if max(c for c, _z, _p in m.hits) < QUERY_FLOOR:
        return Verdict([], "no_coverage")
    if m.best_cosine < COS_FLOOR and max(p for _c, _z, p in m.hits) < PAIR_FLOOR:
        return Verdict([], "off_topic")
    kept = [h for h, (c, z, _p) in zip(hits, m.hits, strict=True) if c >= HIT_COVERAGE or z >= HIT_Z]
    return Verdict(kept, None if kept else "weak")


__all__ = ["COS_FLOOR", "HIT_COVERAGE", "HIT_Z", "PAIR_FLOOR", "QUERY_FLOOR", "UNKNOWN_SHARE",
           "CorpusTerms", "Measures", "Verdict", "judge", "measure", "measures"]
