"""The query's embedding on a worker thread (``Index.overlap_dense``) and the query engine's
threads: real index (SQLite, faiss, BM25), real int8 ONNX model, no stand-ins."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import numpy as np
import pytest
from conftest import ROOT

from chinhsach import Index
from chinhsach.convert import ONNX_INT8
from chinhsach.indexing import search
from chinhsach.indexing.embed import QUERY_THREADS_ENV, OnnxEmbedder, default_model_path

QUERIES = ["chỉ tiêu bảo hiểm y tế 2030", "nuoc sach ve sinh moi truong",
           "ban tuyen giao tinh uy tuyen truyen nghi quyet", "bao nhieu bac si tren 10.000 dan"]


def onnx_model() -> Path:
    path = default_model_path()
    if not (path / ONNX_INT8).exists():
        pytest.skip(f"{path / ONNX_INT8} is not exported (make model)")
    return path


def ranking(idx: Index, query: str, group: str) -> list[tuple[str, float]]:
    return [(h.segment_id, h.score) for h in idx.search(query, k=10, group=group)]


def test_overlap_ranks_exactly_as_sequential(seed_index: Path) -> None:
    onnx_model()
    with Index.open(seed_index) as idx:
        assert idx.overlap_dense is search.OVERLAP_DENSE
        for group in ("segment", "document"):
            for query in QUERIES:
                idx.overlap_dense = True
                overlapped = ranking(idx, query, group)
                idx.overlap_dense = False
                assert overlapped and overlapped == ranking(idx, query, group), (query, group)


def test_overlap_embeds_on_a_worker_thread_and_close_stops_it(seed_index: Path) -> None:
    onnx_model()
    idx = Index.open(seed_index)
    idx.overlap_dense = True
    seen: list[str] = []
    inner = idx._dense_vector

    def recording(restored: str) -> np.ndarray | None:
        seen.append(threading.current_thread().name)
        return inner(restored)

    idx._dense_vector = recording  # type: ignore[method-assign]  # watch, not replace
    try:
        assert idx.search(QUERIES[0], k=3)
        assert seen and seen[-1].startswith("chinhsach-dense")
        # A filtered search scores every segment (Index.rank): embedded on the caller.
        assert idx.search(QUERIES[0], k=3, kinds=["target"]) is not None
        assert seen[-1] == threading.current_thread().name
        pool = idx._dense_pool
        assert pool is not None
    finally:
        idx.close()
    assert idx._dense_pool is None
    with pytest.raises(RuntimeError):
        pool.submit(len, "x")  # shut down with the index


def test_query_engine_runs_one_thread_unless_told(monkeypatch: pytest.MonkeyPatch) -> None:
    path = onnx_model()
    monkeypatch.delenv(QUERY_THREADS_ENV, raising=False)
    one = OnnxEmbedder(path, path / ONNX_INT8, parallel=False)
    two = OnnxEmbedder(path, path / ONNX_INT8, parallel=False, threads=2)
    assert (one.threads, two.threads) == (1, 2)
    monkeypatch.setenv(QUERY_THREADS_ENV, "2")
    assert OnnxEmbedder(path, path / ONNX_INT8, parallel=False).threads == 2
    # The thread count changes no vector: MLAS's int8 products are exact and each row's
    # float work stays on one thread, so the choice is free of any ranking change.
    texts = ["chỉ tiêu bảo hiểm y tế 2030", "nước sạch " * 40]
    assert np.array_equal(one.encode_queries(texts), two.encode_queries(texts))


def test_query_latency_modes_compare_the_same_hits(seed_index: Path) -> None:
    onnx_model()
    sys.path.insert(0, str(ROOT / "evaluation"))
    import query_latency

    modes = query_latency.parse_modes("sequential/2/int8,overlap/1/int8")
    assert modes == [("sequential/2/int8", False, 2, "int8"), ("overlap/1/int8", True, 1, "int8")]
    assert query_latency.parse_modes("overlap/1") == [("overlap/1", True, 1, "query")]
    for wrong in ("parallel/2", "overlap/1/float"):
        with pytest.raises(ValueError, match="sequential/N"):
            query_latency.parse_modes(wrong)
    result = query_latency.compare_modes(seed_index, QUERIES, repeat=1, modes=modes)
    assert result["searches_with_other_hits"] == 0
    assert set(result["modes"]) == {"sequential/2/int8", "overlap/1/int8"}
    assert all(m["wall"]["p50"] > 0 and m["cpu"]["p50"] > 0 for m in result["modes"].values())
    assert "| overlap/1/int8 |" in query_latency.modes_markdown(result)
