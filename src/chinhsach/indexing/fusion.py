"""Fusion of the ranking signals: min-max normalisation and the weighted sum's weights."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class FusionWeights:
    """Weights of the three signals in the fused score (set from the evaluation set)."""

    dense: float = 0.5
    word: float = 0.1
    folded: float = 0.4


DEFAULT_WEIGHTS = FusionWeights()



def minmax(x: np.ndarray) -> np.ndarray:
    if x.size == 0:
        return x
    lo, hi = float(x.min()), float(x.max())
    if hi - lo < 1e-12:
        return np.zeros_like(x) if hi <= 0 else np.ones_like(x)
    return (x - lo) / (hi - lo)
