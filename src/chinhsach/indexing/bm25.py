"""BM25 over the index's lexical fields: bm25s's saved arrays read back, frequent-term rows."""
from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from chinhsach.errors import (
    IndexCorruptError,
    rebuild_hint,
)


class BM25Reader:
    """Scores of a BM25 index that bm25s saved, read with numpy alone.

    bm25s stores the precomputed score of every (term, document) pair as a CSC matrix; a query's
    scores are the sums of its terms' columns. Reading the arrays directly (memory-mapped)
    keeps bm25s and scipy out of the query path: a cold CLI query starts half a second sooner.
    """

    def __init__(self, path: Path) -> None:
        # Memory-mapped, seen as plain arrays: slicing a np.memmap costs its subclass machinery
        # on every slice (BM25 of a 52-word ALQAC question 2.6 -> 1.2 ms, 11k segments).
        self.data = _mapped(path / "data.csc.index.npy")
        self.indices = _mapped(path / "indices.csc.index.npy")
        self.indptr = _mapped(path / "indptr.csc.index.npy")
        self.vocab: dict[str, int] = json.loads((path / "vocab.index.json").read_text(encoding="utf-8"))
        params = json.loads((path / "params.index.json").read_text(encoding="utf-8"))
        self.num_docs = int(params["num_docs"])
        if params.get("method", "lucene") not in ("lucene", "robertson", "atire"):
            raise IndexCorruptError(f"{path}: BM25 variant {params.get('method')!r} is not supported")
        self.row_of: dict[int, int] = {}
        if (path / FREQUENT_IDS).exists():
            self.rows = _mapped(path / FREQUENT_ROWS)
            ids = np.load(path / FREQUENT_IDS)
            if self.rows.shape != (len(ids), self.num_docs):
                raise IndexCorruptError(f"{path}: the frequent terms' rows are damaged; {rebuild_hint(path.parent.parent)}")
            self.row_of = {int(t): r for r, t in enumerate(ids)}

    def scores(self, terms: Sequence[str]) -> np.ndarray:
        ids = [self.vocab[t] for t in terms if t in self.vocab]  # a repeated term counts again
        if not ids:
            return np.zeros(self.num_docs, dtype=np.float32)
        dense = [self.row_of[i] for i in ids if i in self.row_of]
        ids = [i for i in ids if i not in self.row_of]
        out = np.zeros(self.num_docs, dtype=np.float64)
        if ids:
            docs = np.concatenate([self.indices[self.indptr[i] : self.indptr[i + 1]] for i in ids])
            weights = np.concatenate([self.data[self.indptr[i] : self.indptr[i + 1]] for i in ids])
            # bincount sums the postings in one pass (np.add.at is several times slower).
            out = np.bincount(docs, weights=weights, minlength=self.num_docs)
        for r in dense:
            out += self.rows[r]
        return out.astype(np.float32)


def _mapped(path: Path) -> np.ndarray:
    return np.load(path, mmap_mode="r").view(np.ndarray)


# A term in a quarter of the segments of a large index has its scores stored as a full row
# too: adding a row is several times faster than gathering and summing that many postings.
FREQUENT_IDS, FREQUENT_ROWS = "frequent_ids.npy", "frequent_rows.npy"
FREQUENT_FROM_SEGMENTS = 20_000
FREQUENT_SHARE = 0.25
FREQUENT_MAX_BYTES = 64 * 2**20


def write_frequent_rows(path: Path) -> int:
    """Store the dense score rows of the most frequent terms of a saved BM25 index; returns
    how many (none below :data:`FREQUENT_FROM_SEGMENTS` segments)."""
    indptr = np.load(path / "indptr.csc.index.npy")
    n = int(json.loads((path / "params.index.json").read_text(encoding="utf-8"))["num_docs"])
    df = np.diff(indptr)
    if n < FREQUENT_FROM_SEGMENTS:
        return 0
    chosen = [int(t) for t in np.argsort(-df, kind="stable") if df[t] >= FREQUENT_SHARE * n]
    chosen = chosen[: FREQUENT_MAX_BYTES // (4 * n)]
    if not chosen:
        return 0
    data = np.load(path / "data.csc.index.npy", mmap_mode="r")
    indices = np.load(path / "indices.csc.index.npy", mmap_mode="r")
    rows = np.zeros((len(chosen), n), dtype=np.float32)
    for r, t in enumerate(chosen):
        rows[r, indices[indptr[t] : indptr[t + 1]]] = data[indptr[t] : indptr[t + 1]]
    np.save(path / FREQUENT_ROWS, rows)
    np.save(path / FREQUENT_IDS, np.array(chosen, dtype=np.int64))
    return len(chosen)
