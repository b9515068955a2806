"""The build on Ray (``engine="ray"``) on a local two-node cluster: the same index as in-process,
incremental builds, per-file failures, and workers that die.

One ``ray.cluster_utils.Cluster`` (a head and a second node, one CPU each, on the loopback
address) serves the module, so the actor pool spans two nodes as on a real cluster. Every build
here goes through the real pipeline and the real int8 ONNX model on the workers.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import sys
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

# Read by Ray when it is first imported: a local cluster talks over the loopback address.
os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'chinhsach[ray]' "
                                        "(make test installs it)")
pytest.importorskip("ray.data", reason="Ray Data is not installed: pip install 'chinhsach[ray]'")

from conftest import CORPUS, ILLUSTRATIVE, index_answers, index_vectors  # noqa: E402

from chinhsach import Index, build_index  # noqa: E402
from chinhsach.cli import app, optional_ray_address  # noqa: E402
from chinhsach.errors import EngineError  # noqa: E402
from chinhsach.indexing import ray_engine  # noqa: E402
from chinhsach.indexing.dense import read_vectors  # noqa: E402
from chinhsach.indexing.store import current_generation  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "evaluation" / "queries_seed.json"
# Every table a build writes; meta differs only in its time stamp.
TABLES = ("documents", "sections", "segments", "words", "targets", "duties", "duty_units",
          "citations", "restore_uni", "restore_bi")

# The readers below are defined here, so Ray ships them to the workers by value.
ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def cluster():
    from ray.cluster_utils import Cluster

    try:
        c = Cluster(initialize_head=True, head_node_args={"num_cpus": 1, "include_dashboard": False})
        c.add_node(num_cpus=1)
        c.wait_for_nodes()
        ray.init(address=c.address, logging_level=logging.WARNING, log_to_driver=False)
    except Exception as exc:  # noqa: BLE001 - whatever stops Ray here is the reason to skip
        pytest.skip(f"Ray cannot start a local cluster on this machine: {type(exc).__name__}: {exc}")
    yield c
    ray.shutdown()
    c.shutdown()


def plan_text(title: str, n: int, topic: str) -> str:
    items = "\n\n".join(
        f"{i}. Ủy ban nhân dân xã số {i} chủ trì {topic}, bảo đảm {i * 5} hộ dân được hưởng lợi "
        f"trước năm {2025 + i % 4}." for i in range(1, n + 1))
    return f"KẾ HOẠCH\n{title}\n\nI. NHIỆM VỤ\n\n{items}\n"


class LoggingReader:
    """The standard reader, leaving a mark per file read (so a test sees what was sent out); it
    kills its worker process on reading ``kill`` (once if ``once``, else every time)."""

    def __init__(self, log: Path, kill: str | None = None, once: bool = True) -> None:
        self.log, self.kill, self.once = log, kill, once

    def __call__(self, path: Path, doc_id: str):
        from chinhsach import pipeline

        (self.log / f"{Path(path).name}.{os.getpid()}").touch()
        if self.kill and Path(path).name == self.kill:
            marker = self.log / "killed"
            if not (self.once and marker.exists()):
                marker.touch()
                os._exit(1)  # as a crash or the OOM killer would end it
        return pipeline.read_document(path, doc_id)


def rows(index: Path, table: str) -> list[tuple]:
    conn = sqlite3.connect(f"file:{current_generation(index) / 'store.sqlite'}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT * FROM {table}").fetchall()  # in the order written
    finally:
        conn.close()


def test_optional_ray_address_on_the_command_line() -> None:
    assert optional_ray_address(["build", "corpus", "--ray"]) == ["build", "corpus", "--ray=local"]
    assert optional_ray_address(["build", "--ray", "corpus"]) == ["build", "--ray=local", "corpus"]
    assert optional_ray_address(["build", "--ray", "--index", "x"]) == ["build", "--ray=local", "--index", "x"]
    assert optional_ray_address(["build", "--ray", "10.1.2.3:6379"]) == ["build", "--ray", "10.1.2.3:6379"]
    assert optional_ray_address(["build", "--ray", "ray://head:10001"]) == ["build", "--ray", "ray://head:10001"]


def test_ray_build_equals_the_in_process_build(cluster, corpus_index: Path, tmp_path: Path) -> None:
    index = tmp_path / "ray-idx"
    report = build_index([CORPUS, *ILLUSTRATIVE], index, engine="ray")  # as corpus_index
    assert report.engine == "ray" and report.engine_stats["nodes"] == 2
    assert not report.failed and report.n_documents >= 4
    # The shards are gone; only the published generation and the pointer remain.
    assert not list(index.glob("staging-*")) and not list(index.rglob("*.parquet"))

    for table in TABLES:  # same documents, segments, targets, duties, units, citations, words
        assert rows(index, table) == rows(corpus_index, table), table
    meta = {k: v for k, v in rows(index, "meta") if k != "built_at"}
    assert meta == {k: v for k, v in rows(corpus_index, "meta") if k != "built_at"}
    pos_ray, vec_ray = read_vectors(current_generation(index))
    pos_local, vec_local = read_vectors(current_generation(corpus_index))
    assert np.array_equal(pos_ray, pos_local)
    np.testing.assert_allclose(vec_ray, vec_local, atol=1e-5)

    queries = json.loads(QUERIES.read_text(encoding="utf-8"))[::4]  # a quarter of the seed set
    with Index.open(index) as a, Index.open(corpus_index) as b:
        for q in queries:
            hits_a, hits_b = a.search(q["query"], k=5), b.search(q["query"], k=5)
            assert [(h.doc_id, h.segment_id) for h in hits_a] == [(h.doc_id, h.segment_id) for h in hits_b], q
            assert [h.score for h in hits_a] == pytest.approx([h.score for h in hits_b], abs=1e-6)


def test_ray_build_is_incremental_reports_bad_files_and_survives_a_dead_worker(
        cluster, tmp_path: Path) -> None:
    docs, log, index = tmp_path / "docs", tmp_path / "log", tmp_path / "idx"
    docs.mkdir()
    log.mkdir()
    (docs / "a.txt").write_text(plan_text("Nước sạch nông thôn", 4, "cấp nước sạch"), encoding="utf-8")
    (docs / "b.txt").write_text(plan_text("Phòng chống thiên tai", 4, "di dời dân"), encoding="utf-8")
    (docs / "empty.txt").write_text("  \n", encoding="utf-8")
    (docs / "bad.pdf").write_bytes(b"this is not a PDF at all")

    # The worker reading b.txt dies once: Ray restarts it, retries the batch, the build ends.
    report = build_index([docs], index, engine="ray", read=LoggingReader(log, kill="b.txt"))
    assert (log / "killed").exists()
    assert report.added == ["a", "b"] and report.n_documents == 2
    local = build_index([docs], tmp_path / "local-idx")  # files that fail fail alike
    assert report.failed == local.failed and report.skipped == local.skipped
    assert [Path(p).name for p, _ in report.failed] == ["bad.pdf"]
    assert [Path(p).name for p, _ in report.skipped] == ["empty.txt"]

    # An update: b changes, c is new, a is unchanged and is not sent to the workers.
    (docs / "b.txt").write_text(plan_text("Phòng chống thiên tai", 5, "di dời dân"), encoding="utf-8")
    (docs / "c.txt").write_text(plan_text("Giảm nghèo bền vững", 3, "hỗ trợ sinh kế"), encoding="utf-8")
    for mark in log.iterdir():
        mark.unlink()
    report = build_index([docs], index, engine="ray", read=LoggingReader(log))
    assert report.unchanged == ["a"] and report.added == ["b", "c"]
    sent = sorted({m.name.rsplit(".", 1)[0] for m in log.iterdir()})
    assert sent == ["b.txt", "bad.pdf", "c.txt", "empty.txt"]
    assert sum(w["files"] for w in report.engine_stats["per_worker"].values()) == 4
    with Index.open(index) as idx:
        assert idx.search("hỗ trợ sinh kế giảm nghèo", k=1)[0].doc_id == "c"

    # The command line, with nothing changed: nothing is sent out.
    result = CliRunner().invoke(app, ["build", str(docs), "--index", str(index), "--ray", "local", "--json"])
    out = json.loads(result.stdout)
    assert out["engine"] == "ray" and sorted(out["unchanged"]) == ["a", "b", "c"] and not out["added"]
    assert result.exit_code == 2  # bad.pdf still fails, as in-process


def test_a_worker_that_always_dies_leaves_the_previous_index_live(
        cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ray_engine, "MAX_RETRIES", 1)  # one restart, then the build gives up
    docs, log, index = tmp_path / "docs", tmp_path / "log", tmp_path / "idx"
    docs.mkdir()
    log.mkdir()
    (docs / "a.txt").write_text(plan_text("Nước sạch nông thôn", 3, "cấp nước sạch"), encoding="utf-8")
    build_index([docs], index)
    before = (index / "CURRENT").read_text(encoding="utf-8")
    (docs / "crash.txt").write_text(plan_text("Tệp làm sập tiến trình", 3, "kiểm tra"), encoding="utf-8")

    with pytest.raises(EngineError, match="previous index is unchanged"):
        build_index([docs], index, engine="ray", read=LoggingReader(log, kill="crash.txt", once=False))
    assert (index / "CURRENT").read_text(encoding="utf-8") == before
    assert not list(index.glob("staging-*"))
    with Index.open(index) as idx:
        assert [d["doc_id"] for d in idx.documents()] == ["a"]
        assert idx.search("cấp nước sạch", k=1)


# -- the embedding cache on Ray ----------------------------------------------------------------

def embedded_on_workers(report) -> int:
    return sum(w["embedded"] for w in report.engine_stats["per_worker"].values())


def test_a_ray_rebuild_takes_its_vectors_from_the_cache(cluster, half_plan: Path, tmp_path: Path) -> None:
    from chinhsach.indexing.embed import load_embedder
    from chinhsach.indexing.embedcache import CACHE_FILE, EmbeddingCache, model_key, passage_digest

    index = tmp_path / "idx"
    first = build_index([half_plan], index, engine="ray", embedding_cache=False)
    assert not (index / CACHE_FILE).exists() and first.embedding_cache is None
    n = first.n_segments
    assert embedded_on_workers(first) == n
    before, results = index_vectors(index), index_answers(index)

    # Every file read again (as after an upgrade), with the default cache: the index fills it
    # first (as in-process), so nothing is embedded; the same bits and the same answers.
    again = build_index([half_plan], index, engine="ray", rebuild=True)
    assert (index / CACHE_FILE).is_file()
    assert again.embedding_cache == {"hits": n, "misses": 0, "corrupt": 0}
    assert embedded_on_workers(again) == 0  # cached passages never reach a worker's model
    after = index_vectors(index)
    assert after.keys() == before.keys() and all(np.array_equal(before[p], after[p]) for p in before)
    assert index_answers(index) == results

    # Two damaged rows: one whose checksum fails (left out of what the workers are told, so a
    # worker embeds it again), one of the wrong length with a sound checksum (the workers skip
    # it, the driver finds it unusable and embeds it itself). Both are counted and replaced.
    with sqlite3.connect(index / CACHE_FILE) as conn:
        (digest, vector), = conn.execute("SELECT digest, vector FROM vectors ORDER BY digest LIMIT 1").fetchall()
        conn.execute("UPDATE vectors SET vector = ? WHERE digest = ?",
                     (b"\x00\x00\x80\x7f" * 2 + bytes(vector)[8:], digest))
    with Index.open(index) as idx:
        texts = before_texts(idx)
    short = next(t for t in texts if passage_digest(t) != bytes(digest))
    cache = EmbeddingCache(index / CACHE_FILE)
    cache.put(model_key(load_embedder(None, threads=1)), [short], np.zeros((1, 10), np.float32))
    cache.close()
    repaired = build_index([half_plan], index, engine="ray", rebuild=True)
    assert repaired.embedding_cache == {"hits": n - 2, "misses": 2, "corrupt": 2}
    assert embedded_on_workers(repaired) == 1 and repaired.engine_stats["embedded_by_driver"] == 1
    after = index_vectors(index)
    assert all(np.array_equal(before[p], after[p]) for p in before)

    # A changed file: only its new passage is embedded (on a worker).
    with (half_plan / "plan.txt").open("a", encoding="utf-8") as fh:
        # A paragraph of its own (a blank line before it): in this crawled text a line with no
        # gap above goes on the paragraph before it (text/normalize.py, first lines cut short).
        fh.write("\nSở Y tế chủ trì tổ chức tiêm chủng mở rộng cho trẻ em vùng cao.\n")
    changed = build_index([half_plan], index, engine="ray")
    assert changed.embedding_cache == {"hits": n, "misses": 1, "corrupt": 0}
    assert changed.n_segments == n + 1 and embedded_on_workers(changed) == 1
    with Index.open(index) as idx:
        assert "tiêm chủng" in idx.search("tiêm chủng trẻ em vùng cao", k=1)[0].text


def before_texts(idx: Index) -> list[str]:
    from chinhsach.indexing.documents import passage_text

    return [passage_text(s) for d in idx.all_documents() for s in d.segments if s.searchable]


def test_one_cache_serves_both_engines(cluster, half_plan: Path, tmp_path: Path) -> None:
    """A cache filled in-process serves a Ray build, and what Ray adds serves in-process."""
    cache = tmp_path / "shared.sqlite"
    other = tmp_path / "other"
    other.mkdir()
    (other / "c.txt").write_text(plan_text("Giảm nghèo bền vững", 3, "hỗ trợ sinh kế"), encoding="utf-8")

    local = build_index([half_plan], tmp_path / "local", embedding_cache=cache)
    n = local.n_segments
    both = build_index([half_plan, other], tmp_path / "ray", engine="ray", embedding_cache=cache)
    m = both.n_segments - n
    assert both.embedding_cache == {"hits": n, "misses": m, "corrupt": 0} and m > 0
    assert embedded_on_workers(both) == m
    assert not (tmp_path / "ray" / "embeddings.sqlite").exists()  # the cache named was used
    by_text_local = dict(zip(texts_of(tmp_path / "local"), vectors_in_order(tmp_path / "local"), strict=True))
    by_text_ray = dict(zip(texts_of(tmp_path / "ray"), vectors_in_order(tmp_path / "ray"), strict=True))
    assert all(np.array_equal(v, by_text_ray[t]) for t, v in by_text_local.items())

    back = build_index([other], tmp_path / "local-c", embedding_cache=cache)
    assert back.embedding_cache == {"hits": m, "misses": 0, "corrupt": 0}
    by_text_back = dict(zip(texts_of(tmp_path / "local-c"), vectors_in_order(tmp_path / "local-c"), strict=True))
    assert all(np.array_equal(v, by_text_ray[t]) for t, v in by_text_back.items())


def texts_of(index: Path) -> list[str]:
    """The passage texts in the order of the index's vectors (positions)."""
    from chinhsach.indexing.documents import passage_text

    with Index.open(index) as idx:
        text_of = {(d.doc_id, s.id): passage_text(s) for d in idx.all_documents() for s in d.segments}
    conn = sqlite3.connect(f"file:{current_generation(index) / 'store.sqlite'}?mode=ro", uri=True)
    try:
        return [text_of[(doc_id, seg_id)] for doc_id, seg_id in conn.execute(
            "SELECT doc_id, id FROM segments WHERE searchable = 1 ORDER BY pos")]
    finally:
        conn.close()


def vectors_in_order(index: Path) -> np.ndarray:
    return read_vectors(current_generation(index))[1]
