"""The embedding cache on real components: the e5 model, faiss, SQLite, a real plan's text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
from conftest import index_answers, index_vectors

from chinhsach import Index, build_index
from chinhsach.indexing.embed import load_embedder
from chinhsach.indexing.embedcache import CACHE_FILE, EmbeddingCache, model_key


def test_a_rebuild_reuses_the_cached_vectors_and_searches_the_same(half_plan: Path, tmp_path: Path) -> None:
    index = tmp_path / "idx"
    first = build_index([half_plan], index)
    assert (index / CACHE_FILE).is_file()  # the default: beside the generations
    n = first.n_segments
    assert first.embedding_cache == {"hits": 0, "misses": n, "corrupt": 0}
    before, results = index_vectors(index), index_answers(index)

    # A rebuild (as after an upgrade of the reading code): every file read again, no passage
    # embedded again, the same vectors and the same answers.
    again = build_index([half_plan], index, rebuild=True)
    assert again.embedding_cache == {"hits": n, "misses": 0, "corrupt": 0}
    after = index_vectors(index)
    assert after.keys() == before.keys()
    assert all(np.array_equal(before[p], after[p]) for p in before)
    assert index_answers(index) == results

    # A changed file: only its new passage is embedded.
    with (half_plan / "plan.txt").open("a", encoding="utf-8") as fh:
        # A paragraph of its own (a blank line before it): in this crawled text a line with no
        # gap above goes on the paragraph before it (text/normalize.py, first lines cut short).
        fh.write("\nSở Y tế chủ trì tổ chức tiêm chủng mở rộng cho trẻ em vùng cao.\n")
    changed = build_index([half_plan], index)
    assert changed.embedding_cache["misses"] == changed.n_segments - n == 1
    assert changed.embedding_cache["hits"] == n
    with Index.open(index) as idx:
        assert "tiêm chủng" in idx.search("tiêm chủng trẻ em vùng cao", k=1)[0].text


def test_a_damaged_cache_entry_is_detected_and_not_used(half_plan: Path, tmp_path: Path) -> None:
    cache = tmp_path / "shared-cache.sqlite"
    index = tmp_path / "idx"
    first = build_index([half_plan], index, embedding_cache=cache)
    assert not (index / CACHE_FILE).exists()  # the cache named was used instead
    before = index_vectors(index)
    with sqlite3.connect(cache) as conn:
        (digest, vector), = conn.execute("SELECT digest, vector FROM vectors LIMIT 1").fetchall()
        damaged = bytearray(vector)
        damaged[:8] = b"\x00\x00\x80\x7f" * 2  # two components turned into +inf
        conn.execute("UPDATE vectors SET vector = ? WHERE digest = ?", (bytes(damaged), digest))
        n_rows = conn.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]
    report = build_index([half_plan], index, rebuild=True, embedding_cache=cache)
    assert report.embedding_cache == {"hits": n_rows - 1, "misses": 1, "corrupt": 1}
    after = index_vectors(index)
    # The damaged vector was embedded again: the same as the first build's, finite.
    assert all(np.array_equal(before[p], after[p]) for p in before)
    assert report.n_segments == first.n_segments
    # ... and its row was replaced: a third build takes everything from the cache.
    third = build_index([half_plan], index, rebuild=True, embedding_cache=cache)
    assert third.embedding_cache == {"hits": first.n_segments, "misses": 0, "corrupt": 0}


def test_an_unreadable_cache_file_is_replaced_and_models_do_not_mix(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    cache = EmbeddingCache(path)  # warns, starts empty
    assert len(cache) == 0
    embedder = load_embedder(None)
    key = model_key(embedder)
    assert key.startswith(embedder.model_id + "|") and not key.endswith("|-")  # weights hashed
    text = "Tỷ lệ bao phủ bảo hiểm y tế đạt 97% vào năm 2030."
    vec = embedder.encode_passages([text])
    cache.put(key, [text], vec)
    assert np.array_equal(cache.get(key, [text], embedder.dim)[0], vec[0])
    assert cache.get("another-model|OnnxEmbedder|-", [text], embedder.dim) == {}
    assert cache.get(key, [text + " "], embedder.dim) == {}  # exact text only
    cache.close()


def test_an_index_built_without_the_cache_fills_it(half_plan: Path, tmp_path: Path) -> None:
    """An index from before the cache (or built without one): its first rebuild with the
    default cache takes the vectors from the index itself, re-embedding nothing."""
    index = tmp_path / "idx"
    first = build_index([half_plan], index, embedding_cache=False)
    assert not (index / CACHE_FILE).exists()
    before = index_vectors(index)
    again = build_index([half_plan], index, rebuild=True)
    assert again.embedding_cache == {"hits": first.n_segments, "misses": 0, "corrupt": 0}
    assert all(np.array_equal(before[p], v) for p, v in index_vectors(index).items())
    assert len(EmbeddingCache(index / CACHE_FILE)) == len({*before_texts(index)})


def before_texts(index: Path) -> list[str]:
    from chinhsach.indexing.documents import passage_text

    with Index.open(index) as idx:
        return [passage_text(s) for d in idx.all_documents() for s in d.segments if s.searchable]


def test_the_cli_names_a_shared_cache_or_turns_it_off(half_plan: Path, tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from chinhsach.cli import app

    runner = CliRunner()
    shared = tmp_path / "vectors.sqlite"
    first = runner.invoke(app, ["build", str(half_plan), "--index", str(tmp_path / "a"),
                                "--embedding-cache", str(shared), "--json"])
    assert first.exit_code == 0, first.output
    assert shared.is_file() and not (tmp_path / "a" / CACHE_FILE).exists()
    # A second index over the same files takes every vector from the shared cache.
    second = runner.invoke(app, ["build", str(half_plan), "--index", str(tmp_path / "b"),
                                 "--embedding-cache", str(shared), "--json"])
    report = json.loads(second.stdout)
    assert report["embedding_cache"]["misses"] == 0 and report["embedding_cache"]["hits"] > 0
    off = runner.invoke(app, ["build", str(half_plan), "--index", str(tmp_path / "c"),
                              "--embedding-cache", "off", "--json"])
    assert off.exit_code == 0 and not (tmp_path / "c" / CACHE_FILE).exists()
