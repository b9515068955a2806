"""Dense vectors on disk and the faiss index that proposes dense candidates."""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from chinhsach.errors import (
    IndexCorruptError,
    rebuild_hint,
)
from chinhsach.indexing.config import IVF_FROM, IVF_PROBE_SHARE


def dense_index(matrix: np.ndarray, ivf_from: int | None = None,
                probe_share: int = IVF_PROBE_SHARE):
    """The faiss index that proposes dense candidates (inner product on unit vectors).

    Up to ``ivf_from`` vectors: an 8-bit scalar-quantised flat scan, a quarter of the bytes of
    float32 (9 ms for 100k vectors on one core). From there on the scan would grow with the
    archive, so an inverted file over the same 8-bit codes (4·√n lists, a fifth of them probed)
    proposes them: 1.8 ms at 100k with the same candidates as the scan, where an HNSW graph
    missed the best vector for 16% of the queries (evaluation/bench.py, "Dense candidates").
    Either way the candidates' scores are then recomputed exactly from ``vectors.npy``.
    """
    import faiss

    n = len(matrix)
    dim = matrix.shape[1] if matrix.ndim == 2 and matrix.shape[1] else 1
    sq8 = faiss.ScalarQuantizer.QT_8bit
    if n and n >= (IVF_FROM if ivf_from is None else ivf_from):
        nlist = max(1, min(int(4 * math.sqrt(n)), n // 39))  # k-means wants 39 points a list
        index = faiss.IndexIVFScalarQuantizer(faiss.IndexFlatIP(dim), dim, nlist, sq8,
                                              faiss.METRIC_INNER_PRODUCT)
        index.nprobe = max(1, nlist // probe_share)
        index.train(matrix[:: max(1, n // 200_000)])
    else:
        index = faiss.IndexScalarQuantizer(dim, sq8, faiss.METRIC_INNER_PRODUCT)
        if n:
            index.train(matrix[:: max(1, n // 50_000)])
    if n:
        index.add(matrix)
    return index


def read_vectors(generation: Path) -> tuple[np.ndarray, np.ndarray]:
    """(positions, vectors) of a generation: row ``i`` of the vectors is segment ``positions[i]``."""
    try:
        positions = np.load(generation / "positions.npy")
        vectors = np.load(generation / "vectors.npy", mmap_mode="r")
    except (OSError, ValueError, EOFError) as exc:
        raise IndexCorruptError(f"{generation}: the vectors are unreadable ({exc}); {rebuild_hint(generation.parent)}") from exc
    if vectors.ndim != 2 or positions.ndim != 1 or len(vectors) != len(positions):
        raise IndexCorruptError(f"{generation}: vectors and positions differ; {rebuild_hint(generation.parent)}")
    return positions, vectors
