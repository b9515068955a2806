"""Passage vectors kept between builds, by (model, exact passage text): bộ nhớ đệm vectơ.

Embedding is most of a build (a 11k-segment ALQAC corpus: about 70 passages/s on 2 idle cores,
the rest of the build a fraction of it), and a change to the reading or extraction code forces
every file to be read again, although most passages come out the same. The build therefore asks
this cache first and embeds only the passages it lacks: a folder re-indexed after an upgrade
(``build_index(..., rebuild=True)``), or a benchmark rebuilt after a code change, re-embeds only
the passages whose text changed (RESULTS.md, "Query latency and the embedding cache").

The cache is a SQLite file (by default ``embeddings.sqlite`` in the index folder, beside the
generations: a cache, not part of any generation, so the atomic switch of generations is
untouched). A row is keyed by the model key (:func:`model_key`: model id, engine and a hash of
the weights file, so a re-trained model with the same id never gets another model's vectors) and
the SHA-256 of the passage text exactly as the model reads it; it carries a checksum of its key
and vector, so a damaged row is detected, logged, re-embedded and replaced, never used.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from chinhsach.errors import ChinhsachError
from chinhsach.indexing import store
from chinhsach.indexing.dense import read_vectors
from chinhsach.indexing.documents import passage_text
from chinhsach.indexing.embed import Embedder, Progress
from chinhsach.model import Document

CACHE_FILE = "embeddings.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS vectors (
    model TEXT NOT NULL, digest BLOB NOT NULL, vector BLOB NOT NULL, checksum BLOB NOT NULL,
    PRIMARY KEY (model, digest)) WITHOUT ROWID;
"""
_LOOKUP_CHUNK = 500  # SQLite's bound-parameter limit is far above; keeps each query short

log = logging.getLogger("chinhsach")


@functools.lru_cache(maxsize=16)
def _file_digest(path: str, size: int, mtime_ns: int) -> str:
    """SHA-256 of a weights file (0.2-1 s for e5-small's 118-470 MB; once per process and file
    version: size and mtime are part of the cache key of this function)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            h.update(block)
    return h.hexdigest()[:16]


def weights_digest(path: Path | None) -> str:
    if path is None or not path.is_file():
        return "-"
    st = path.stat()
    return _file_digest(str(path), st.st_size, st.st_mtime_ns)


def model_key(embedder: Embedder) -> str:
    """What a cached vector is valid for: the model id, the engine that computed it (the int8
    ONNX and float32 engines of one model give vectors that differ in the third decimal) and
    the hash of its weights file when the engine names one."""
    weights = getattr(embedder, "weights_file", None)
    return f"{embedder.model_id}|{type(embedder).__name__}|{weights_digest(weights)}"


def passage_digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def _checksum(model: str, digest: bytes, vector: bytes) -> bytes:
    return hashlib.blake2b(model.encode("utf-8") + b"\x00" + digest + vector, digest_size=16).digest()


@dataclass
class CacheStats:
    """What a build took from the cache: vectors reused, passages embedded, damaged rows."""

    hits: int = 0
    misses: int = 0
    corrupt: int = 0

    def to_dict(self) -> dict[str, int]:
        return {"hits": self.hits, "misses": self.misses, "corrupt": self.corrupt}


class EmbeddingCache:
    """A SQLite file of passage vectors by (model key, SHA-256 of the passage text).

    Thread-safe (one connection behind a lock: the build's encoder thread uses it). A file
    that is not a readable cache is replaced by an empty one, with a warning: it only ever
    costs the time to embed again.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = self._connect()
        except sqlite3.DatabaseError as exc:
            log.warning("embedding cache %s is unreadable (%s): starting an empty one", self.path, exc)
            self.path.unlink(missing_ok=True)
            self.conn = self._connect()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, check_same_thread=False, timeout=60)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.executescript(_SCHEMA)
            conn.execute("SELECT COUNT(*) FROM vectors LIMIT 1").fetchone()
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __len__(self) -> int:
        with self._lock:
            return int(self.conn.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])

    def get(self, model: str, texts: Sequence[str], dim: int,
            stats: CacheStats | None = None) -> dict[int, np.ndarray]:
        """The cached vectors of ``texts`` (by index into ``texts``); damaged rows (checksum or
        length wrong) are left out, logged and counted in ``stats.corrupt``."""
        digests = [passage_digest(t) for t in texts]
        found: dict[bytes, tuple[bytes, bytes]] = {}
        unique = list(dict.fromkeys(digests))
        with self._lock:
            for start in range(0, len(unique), _LOOKUP_CHUNK):
                chunk = unique[start : start + _LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                for digest, vector, checksum in self.conn.execute(
                        f"SELECT digest, vector, checksum FROM vectors WHERE model = ? AND digest IN ({marks})",
                        [model, *chunk]):
                    found[bytes(digest)] = (bytes(vector), bytes(checksum))
        out: dict[int, np.ndarray] = {}
        bad: set[bytes] = set()
        for i, digest in enumerate(digests):
            entry = found.get(digest)
            if entry is None or digest in bad:
                continue
            vector, checksum = entry
            if len(vector) != 4 * dim or _checksum(model, digest, vector) != checksum:
                bad.add(digest)
                continue
            out[i] = np.frombuffer(vector, dtype="<f4").astype(np.float32)
        if bad:
            log.warning("embedding cache %s: %d damaged vector(s) ignored and embedded again",
                        self.path, len(bad))
            if stats is not None:
                stats.corrupt += len(bad)
        return out

    def digests(self) -> dict[str, np.ndarray]:
        """The digests of the sound rows, by model key, each a sorted ``S32`` array (32 bytes a
        passage: what the Ray engine ships to its workers so that they embed only the passages
        the cache lacks). A damaged row is left out, so its passage is embedded again; the
        dimension is checked later, by :meth:`get`."""
        by_model: dict[str, list[bytes]] = {}
        with self._lock:
            for model, digest, vector, checksum in self.conn.execute(
                    "SELECT model, digest, vector, checksum FROM vectors"):
                if _checksum(model, bytes(digest), bytes(vector)) == bytes(checksum):
                    by_model.setdefault(model, []).append(bytes(digest))
        return {m: np.sort(np.array(d, dtype="S32")) for m, d in by_model.items()}

    def put(self, model: str, texts: Sequence[str], vectors: np.ndarray) -> None:
        rows = []
        for text, vec in zip(texts, vectors, strict=True):
            digest = passage_digest(text)
            blob = np.asarray(vec, dtype="<f4").tobytes()
            rows.append((model, digest, blob, _checksum(model, digest, blob)))
        with self._lock:
            self.conn.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)", rows)
            self.conn.commit()


class CachingEmbedder(Embedder):
    """An embedder that takes passage vectors from an :class:`EmbeddingCache` and embeds only
    the passages the cache lacks (storing them). Queries go to the model as they are."""

    def __init__(self, inner: Embedder, cache: EmbeddingCache, key: str | None = None) -> None:
        self.inner = inner
        self.cache = cache
        self.model_id = inner.model_id
        self.dim = inner.dim
        self.path = getattr(inner, "path", "")
        # ``key``: the model key of the engine that really embeds, when ``inner`` only relays
        # its vectors (the Ray driver relays its workers').
        self.key = key or model_key(inner)
        self.stats = CacheStats()

    def encode_passages(self, texts: Sequence[str], batch_size: int = 16,
                        progress: Progress | None = None) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        cached = self.cache.get(self.key, texts, self.dim, self.stats)
        for i, vec in cached.items():
            out[i] = vec
        self.stats.hits += len(cached)
        if cached and progress:
            progress(len(cached))
        missing = [i for i in range(len(texts)) if i not in cached]
        if missing:
            fresh = self.inner.encode_passages([texts[i] for i in missing], batch_size=batch_size,
                                               progress=progress)
            out[missing] = fresh
            self.stats.misses += len(missing)
            self.cache.put(self.key, [texts[i] for i in missing], fresh)
        return out

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.encode_queries(texts)


def add_index(cache: EmbeddingCache, index_dir: Path, key: str) -> int:
    """Put the passage vectors of an existing index into ``cache`` under ``key`` (the model key
    of the engine that built it: the caller vouches for it); returns how many were added.

    For an index built before the cache existed: its next rebuild then re-embeds nothing.
    """
    generation = store.current_generation(index_dir)
    positions, vectors = read_vectors(generation)
    row_of = {int(p): i for i, p in enumerate(positions)}
    texts: list[str] = []
    rows: list[int] = []
    conn = store.connect_readonly(generation / "store.sqlite")
    try:
        pos_of = dict(conn.execute("SELECT id, pos FROM segments WHERE searchable = 1"))
        for (record,) in conn.execute("SELECT json FROM documents"):
            for seg in Document.from_record(json.loads(record)).segments:
                if seg.searchable and seg.id in pos_of and int(pos_of[seg.id]) in row_of:
                    texts.append(passage_text(seg))
                    rows.append(row_of[int(pos_of[seg.id])])
    finally:
        conn.close()
    cache.put(key, texts, np.asarray(vectors[rows], dtype=np.float32))
    return len(texts)


def seed_cache(cache: EmbeddingCache, index_dir: Path, embedder: Embedder) -> int:
    """:func:`add_index` for the live generation of ``index_dir`` when ``embedder`` is the model
    it was built with (its engine is assumed to be the one this build loads: the same code
    path chose it); an index that cannot be read this way is left alone. Returns the count."""
    try:
        conn = store.connect_readonly(store.current_generation(index_dir) / "store.sqlite")
        try:
            built_with = store.read_meta(conn).get("model_id")
        finally:
            conn.close()
        if built_with != embedder.model_id:
            return 0
        added = add_index(cache, index_dir, model_key(embedder))
    except (ChinhsachError, sqlite3.Error, OSError, ValueError, KeyError, TypeError) as exc:
        log.info("embedding cache not filled from %s (%s: %s)", index_dir, type(exc).__name__, exc)
        return 0
    log.info("embedding cache %s: %d vectors taken from the index", cache.path, added)
    return added
