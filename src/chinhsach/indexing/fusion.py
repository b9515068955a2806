"""Fusion of the ranking signals: min-max normalisation and the weighted sum's weights."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class FusionWeights:
    """Weights of the three signals in the fused score.

    Chosen on the ALQAC development sets (``evaluation/alqac_eval.py --grid``; mean MRR@10 over
    ALQAC 2022, the 2023 train set and the October train set: 0.939 at the former 0.5/0.1/0.4,
    0.945 here, 0.947 at the grid's best 0.4/0.4/0.2): the word field carries statute terms
    ("người sử dụng lao động") better than folded syllables. Among the best ALQAC settings this
    one is also the seed's best (hybrid R@5 / MRR@10 0.983 / 0.967 → 0.983 / 0.971; typed
    without diacritics 0.980 / 0.983 → 0.980 / 0.973), where 0.4/0.4/0.2 lost 0.009 on queries
    typed without diacritics.
    """

    dense: float = 0.4
    word: float = 0.3
    folded: float = 0.3


DEFAULT_WEIGHTS = FusionWeights()

# Document scores from passages (``group_by_document``), chosen on the ALQAC development sets:
# since passages are read with their titled heading, the best passage alone (max) ranks
# articles best (mean MRR@10 0.9395 against 0.935 for the two best with decay 0.1 and less for
# larger sums); before the headings, the sum of the 3 best at decay 0.25 had helped (ALQAC
# 2022 MRR@10 0.918 → 0.932).
DOCUMENT_PASSAGES = 1
DOCUMENT_DECAY = 1.0


def minmax(x: np.ndarray) -> np.ndarray:
    if x.size == 0:
        return x
    lo, hi = float(x.min()), float(x.max())
    if hi - lo < 1e-12:
        return np.zeros_like(x) if hi <= 0 else np.ones_like(x)
    return (x - lo) / (hi - lo)


def group_by_document(ranked: Sequence[tuple[int, float]], doc_of: np.ndarray,
                      passages: int = DOCUMENT_PASSAGES,
                      decay: float = DOCUMENT_DECAY) -> list[tuple[int, float]]:
    """Documents ranked from their passages: ``[(best passage row, document score)]``.

    ``ranked`` is the fused passage ranking (row, score), best first; ``doc_of[row]`` numbers
    the row's document. A document scores ``sum(decay**i * s_i)`` over its ``passages`` best
    passage scores ``s_0 >= s_1 >= ...``: ``decay`` 0 is the best passage alone (max), 1 the
    sum of the best ones, so an answer spread over several clauses of one article counts.
    """
    best: dict[int, int] = {}
    totals: dict[int, float] = {}
    counts: dict[int, int] = {}
    # The documents of all rows in one gather (a NumPy scalar lookup per row cost 0.1 ms a query).
    docs = doc_of[np.fromiter((row for row, _ in ranked), dtype=np.int64, count=len(ranked))].tolist()
    for (row, score), doc in zip(ranked, docs, strict=True):
        n = counts.get(doc, 0)
        if n == 0:
            best[doc] = row
            totals[doc] = 0.0
        if n < passages:
            totals[doc] += score * decay**n
            counts[doc] = n + 1
    order = sorted(totals, key=lambda d: -totals[d])  # stable: ties keep the passage order
    return [(best[d], totals[d]) for d in order]

