"""The build on a Ray cluster: Ray Data does the per-document work, this process writes the index.

``build_index(..., engine="ray")`` plans the files exactly as the in-process build does (unchanged
files, by SHA-256, are copied and never sent out; ids are fixed beforehand), then:

1. Ray Data reads the plan (one row per file: order, path, id) in blocks of a few files;
2. an actor pool of :class:`DocumentWorker` (one per CPU of the cluster, one CPU each) runs
   :func:`.documents.process_document` on each file of a batch (the same read → structure →
   extract as in-process) and embeds the batch's passages with the one model it loaded (the
   int8 ONNX engine, one thread);
3. every block's results are written as a Parquet shard (a row per file: its document as the
   JSON record the index stores, its vectors as float32 bytes, or why it was skipped or failed)
   in the staging generation (on a multi-machine cluster, storage every node mounts);
4. this process streams the shards back in plan order into the one writer of
   :mod:`.build`, which writes the generation and switches it in atomically.

The embedding cache (:mod:`.embedcache`, ``embedding_cache=`` as for the local build) is read
and written by this process only (SQLite is not written from several processes, and on a
cluster the workers may not even see the file): before the pipeline starts it ships the digests
of the cache's sound rows to the workers (32 bytes a passage, once, through Ray's object
store), a worker embeds only the passages whose digest is not among them, and while merging
this process runs each document's passages through the same :class:`.CachingEmbedder` as the
local build, with the workers' fresh vectors as its model: cached vectors come from the cache
(checksums verified), fresh ones are written to it, and the report counts alike. A row damaged
after the digests were taken, or found the wrong size, is embedded here by the model loaded on
demand (as is the model that seeds an index's first cache from its own vectors).

A worker that dies (killed, out of memory, a crash in a native reader) is restarted and its
batch retried by Ray up to :data:`MAX_RETRIES` times; past that the build raises
:class:`~chinhsach.errors.EngineError` and the previous generation stays live. One Ray
operator (an actor pool doing both the document work and the embedding) rather than a task map
feeding an actor pool: on 2 CPUs the actors held every CPU and the map tasks waited for one
forever (measured deadlock), and Ray Data fuses the two into the actor pool anyway.

With ``address=None`` a local Ray instance is started on this machine's cores and stopped after
the build; with an address the build joins that cluster (every node needs chinhsach and the
model at the same path, ``$CHINHSACH_MODELS``). A process already connected to Ray (a notebook,
the tests' two-node cluster) is used as it is.
"""

from __future__ import annotations

import contextlib
import heapq
import json
import logging
import math
import os
import resource
import shutil
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from chinhsach.errors import EngineError
from chinhsach.indexing.documents import DocumentOutcome, Embedded, Reader, process_document
from chinhsach.indexing.embed import MODELS_DIR_ENV, Embedder, Progress, load_embedder
from chinhsach.indexing.embedcache import (
    CacheStats,
    CachingEmbedder,
    EmbeddingCache,
    model_key,
    passage_digest,
    seed_cache,
)
from chinhsach.model import Document

# Restarts of a dead worker and retries of its batch before the build gives up.
MAX_RETRIES = 3
# Files handed to a worker's call at a time. One: the model runs one passage at a time anyway
# (reproducible int8 vectors), and Ray Data bundles small blocks up to a batch, so a larger batch
# sent the 4 files of corpus/ to one worker while the other idled (measured).
BATCH_FILES = 1
# Blocks (hence shards) hold at most this many files, and there are at least 4 per worker so
# that a slow document does not leave the other workers idle at the end.
BLOCK_FILES = 32
LOOPBACK_ENV = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"
LOST_HINT = ("the shards in {} are incomplete (on a multi-machine cluster the index folder must "
             "be on storage every node mounts at the same path)")

ProgressFactory = Callable[[str, int], Callable[[int], None]]


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class DocumentWorker:
    """A Ray actor: the per-document work on each file of a batch, then one model for their
    passages. The model (and spaCy, on the first document) is loaded once per worker."""

    def __init__(self, read: Reader | None, model_spec: str | None, models_dir: str | None,
                 cached: list[Any] | None = None) -> None:
        if models_dir:
            os.environ.setdefault(MODELS_DIR_ENV, models_dir)
        from chinhsach import pipeline  # spaCy and the gazetteers: in the workers only

        started = time.perf_counter()
        self.read = read or pipeline.read_document
        # One CPU per worker: one passage at a time (threads=1), as each core does in-process.
        self.embedder = load_embedder(model_spec, threads=1)
        self.load_s = time.perf_counter() - started
        self.model_path = str(getattr(self.embedder, "path", ""))
        self.key = model_key(self.embedder)
        # ``cached``: [a reference to {model key: sorted digests}] (in a list: Ray leaves it
        # unresolved until here), the passages this worker does not embed.
        self.cached = np.zeros(0, dtype="S32")
        if cached:
            import ray

            self.cached = ray.get(cached[0]).get(self.key, self.cached)

    def __call__(self, batch: dict[str, np.ndarray]) -> Any:
        import pyarrow as pa

        outcomes: list[DocumentOutcome] = []
        seconds: list[float] = []
        for path, doc_id in zip(batch["path"], batch["doc_id"], strict=True):
            t = time.perf_counter()
            outcomes.append(process_document(Path(str(path)), str(doc_id), self.read))
            seconds.append(time.perf_counter() - t)
        t1 = time.perf_counter()
        texts = [t for o in outcomes for t in o.passages]
        fresh = ~np.isin(np.array([passage_digest(t) for t in texts], dtype="S32"), self.cached)
        todo = [t for t, f in zip(texts, fresh, strict=True) if f]
        vectors = (self.embedder.encode_passages(todo) if todo
                   else np.zeros((0, self.embedder.dim), dtype=np.float32))
        embed_s = time.perf_counter() - t1
        # Per file: its passages, which of them were embedded here, and their vectors only.
        blobs, masks, start, done = [], [], 0, 0
        for o in outcomes:
            mask = fresh[start : start + len(o.passages)]
            n_fresh = int(mask.sum())
            blobs.append(np.ascontiguousarray(vectors[done : done + n_fresh], dtype=np.float32).tobytes())
            masks.append(mask.astype(np.uint8).tobytes())
            start += len(o.passages)
            done += n_fresh
        n = len(outcomes)
        share = [len(o.passages) / len(texts) if texts else 0.0 for o in outcomes]
        return pa.table({
            "ord": pa.array(batch["ord"], pa.int64()),
            "path": [o.path for o in outcomes],
            "doc_id": [o.doc_id for o in outcomes],
            "status": ["ok" if o.document is not None else "skipped" if o.skipped is not None
                       else "failed" for o in outcomes],
            "reason": [o.skipped or o.failed or "" for o in outcomes],
            "record": [json.dumps(o.document.to_record(), ensure_ascii=False)
                       if o.document is not None else "" for o in outcomes],
            "passages": pa.array([o.passages for o in outcomes], pa.list_(pa.string())),
            "fresh": pa.array(masks, pa.binary()),
            "vectors": pa.array(blobs, pa.binary()),
            "dim": pa.array([int(self.embedder.dim)] * n, pa.int32()),
            "model_id": [self.embedder.model_id] * n,
            "model_key": [self.key] * n,
            "model_path": [self.model_path] * n,
            "worker": [f"{os.uname().nodename}:{os.getpid()}"] * n,
            "process_s": seconds,
            "embed_s": [embed_s * s for s in share],
            "load_s": [self.load_s] * n,
            "peak_rss_mb": [_peak_rss_mb()] * n,
        })


class WorkerVectors(Embedder):
    """The driver's stand-in for the model behind its :class:`.CachingEmbedder`: the vectors
    the workers computed for the document being merged, by passage text. A passage they did not
    embed although the cache cannot give it (its row damaged after the digests were taken, or of
    the wrong size) is embedded here, by the model loaded on first need."""

    def __init__(self, model_id: str, dim: int, path: str, load: Callable[[], Embedder]) -> None:
        self.model_id, self.dim, self.path, self._load = model_id, dim, path, load
        self._fresh: dict[str, np.ndarray] = {}
        self.embedded_here = 0

    def offer(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        self._fresh = dict(zip(texts, vectors, strict=True))

    def encode_passages(self, texts: Sequence[str], batch_size: int = 16,
                        progress: Progress | None = None) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        missing = [i for i, t in enumerate(texts) if t not in self._fresh]
        for i, t in enumerate(texts):
            if t in self._fresh:
                out[i] = self._fresh[t]
        if missing:
            out[missing] = self._load().encode_passages([texts[i] for i in missing])
            self.embedded_here += len(missing)
        return out

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        raise NotImplementedError("the Ray driver embeds passages only")


class RayEngine:
    """The build's per-document work and embedding on Ray (see the module docstring).

    ``cache``: the embedding cache (None for none), which this process alone reads and
    writes; ``seed_from``: an index whose vectors fill the cache first (its first cache).
    ``cache_stats`` counts what came from the cache, as the local build does.
    """

    def __init__(self, plan: Sequence[tuple[Path, str]], read: Reader | None, model_spec: str | None,
                 address: str | None, shards: Path, note: Callable[[DocumentOutcome], None],
                 stats: dict[str, Any], progress: ProgressFactory | None = None,
                 workers: int | None = None, cache: EmbeddingCache | None = None,
                 seed_from: Path | None = None) -> None:
        self.plan, self.read, self.model_spec = plan, read, model_spec
        self.address, self.shards, self.note, self.stats = address, shards, note, stats
        self.progress, self.workers = progress, workers
        self.cache, self.seed_from = cache, seed_from
        self.cache_stats = CacheStats() if cache is not None else None
        self._caching: CachingEmbedder | None = None
        self._relay: WorkerVectors | None = None
        self._driver_model: Embedder | None = None
        self._vectors: dict[str, np.ndarray] = {}
        self._model: tuple[str, str] | None = None
        self._started_ray = False

    def _load_model(self) -> Embedder:
        """The model in this process, as a worker loads it (same spec, same engine, hence the
        same model key): only to seed a first cache or to replace a damaged row."""
        if self._driver_model is None:
            self._driver_model = load_embedder(self.model_spec, threads=1)
        return self._driver_model

    def _cached_digests(self, ray: Any) -> list[Any] | None:
        """Seed the cache if asked, then put its sound digests in the object store."""
        if self.cache is None:
            return None
        started = time.perf_counter()
        if self.seed_from is not None:
            seed_cache(self.cache, self.seed_from, self._load_model())
        digests = self.cache.digests()
        self.stats["cache_digests_s"] = round(time.perf_counter() - started, 3)
        return [ray.put(digests)] if digests else None

    # -- running ------------------------------------------------------------------------------

    def _connect(self) -> Any:
        if self.address is None and "ray" not in sys.modules:
            # A local instance talks to itself on the loopback address (Ray otherwise picks the
            # machine's network address); only read when ray is first imported.
            os.environ.setdefault(LOOPBACK_ENV, "0")
        try:
            import ray
            import ray.data  # noqa: F401 - the Ray Data extra, not only the core
        except ImportError as exc:
            raise EngineError(f"the Ray engine needs Ray Data ({exc}): pip install 'chinhsach[ray]'") from exc
        if not ray.is_initialized():
            started = time.perf_counter()
            common = {"logging_level": logging.WARNING, "log_to_driver": False}
            try:
                if self.address:
                    ray.init(address=self.address, **common)
                else:
                    ray.init(address="local", num_cpus=os.cpu_count() or 1, include_dashboard=False,
                             **common)
            except Exception as exc:  # noqa: BLE001 - any start-up failure: one clear line
                where = self.address or "a local instance"
                raise EngineError(f"Ray could not start ({where}): {type(exc).__name__}: {exc}") from exc
            self._started_ray = True
            self.stats["ray_start_s"] = round(time.perf_counter() - started, 3)
        return ray

    def _run(self) -> None:
        """Run the Ray Data pipeline to Parquet shards in ``self.shards``."""
        ray = self._connect()
        from ray.data import ActorPoolStrategy, DataContext

        logging.getLogger("ray.data").setLevel(logging.ERROR)  # its notices would fill stderr
        ctx = DataContext.get_current()
        ctx.enable_progress_bars = False
        ctx.execution_options.preserve_order = True  # blocks (and shards) in plan order
        # One worker per CPU, and no more than there are files (an idle actor still loads a model).
        workers = min(len(self.plan), self.workers or max(1, int(ray.cluster_resources().get("CPU", 1))))
        blocks = min(len(self.plan), max(4 * workers, math.ceil(len(self.plan) / BLOCK_FILES)))
        rows = [{"ord": i, "path": str(p), "doc_id": d} for i, (p, d) in enumerate(self.plan)]
        models = os.environ.get(MODELS_DIR_ENV)
        cached = self._cached_digests(ray)
        with warnings.catch_warnings():
            # Ray 2.60-2.63 names no parameter for bounded restarts (the default is endless:
            # a file that crashes its worker every time would never let the build end).
            warnings.simplefilter("ignore", DeprecationWarning)
            ds = ray.data.from_items(rows, override_num_blocks=blocks).map_batches(
                DocumentWorker,
                fn_constructor_kwargs={"read": self.read, "model_spec": self.model_spec,
                                       "models_dir": models, "cached": cached},
                batch_size=BATCH_FILES, batch_format="numpy", num_cpus=1,
                compute=ActorPoolStrategy(size=workers, max_tasks_in_flight_per_actor=1),
                max_restarts=MAX_RETRIES, max_task_retries=MAX_RETRIES,
            )
        self.shards.mkdir(parents=True, exist_ok=True)
        watcher = _ShardWatcher(self.shards, self.progress("Đọc và mã hóa (Ray)", len(self.plan))
                                if self.progress else None)
        t0 = time.perf_counter()
        try:
            # Writes ask for no CPU: the workers hold every CPU (a write waiting for one would
            # wait for the whole pool), and writing a shard is I/O. The shard folder is in the
            # staging generation: on a multi-machine cluster it must be on storage every node
            # mounts at the same path.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                ds.write_parquet(str(self.shards), ray_remote_args={"num_cpus": 0})
        except Exception as exc:  # noqa: BLE001 - Ray wraps worker deaths in its own types
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            raise EngineError(f"the Ray build failed ({type(exc).__name__}: {first}); "
                              "the previous index is unchanged") from exc
        finally:
            watcher.stop()
        self.stats.update({"workers": workers, "blocks": blocks, "pipeline_s": round(time.perf_counter() - t0, 3),
                           "address": self.address or "local", "nodes": len(ray.nodes())})

    # -- merging --------------------------------------------------------------------------------

    def documents(self) -> Iterator[Document]:
        if not self.plan:
            return
        self._run()
        per_worker: dict[str, dict[str, float]] = {}
        seen = 0
        for row in _merged_rows(sorted(self.shards.glob("*.parquet"))):
            if row["ord"] != seen:
                raise EngineError(f"the Ray build lost file {self.plan[seen][0]}: {LOST_HINT.format(self.shards)}")
            seen += 1
            w = per_worker.setdefault(row["worker"], {"files": 0, "segments": 0, "embedded": 0, "process_s": 0.0,
                                                      "embed_s": 0.0, "load_s": 0.0, "peak_rss_mb": 0.0})
            w["files"] += 1
            w["process_s"] += row["process_s"]
            w["embed_s"] += row["embed_s"]
            w["load_s"] = max(w["load_s"], row["load_s"])
            w["peak_rss_mb"] = max(w["peak_rss_mb"], row["peak_rss_mb"])
            if row["status"] != "ok":
                reason = row["reason"]
                self.note(DocumentOutcome(row["path"], row["doc_id"],
                                          skipped=reason if row["status"] == "skipped" else None,
                                          failed=reason if row["status"] == "failed" else None))
                continue
            model = (row["model_id"], row["model_path"], row["model_key"])
            if self._model is not None and model[2] != self._model[2]:
                raise EngineError(f"Ray workers loaded different models ({self._model[2]!r}, {model[2]!r})")
            self._model = model
            vectors = self._passage_vectors(row)
            w["segments"] += len(vectors)
            w["embedded"] += len(row["vectors"]) // (4 * row["dim"])  # the rest: from the cache
            self._vectors[row["doc_id"]] = vectors
            yield Document.from_record(json.loads(row["record"]))
        if seen != len(self.plan):
            raise EngineError(f"the Ray build returned {seen} of {len(self.plan)} files: "
                              + LOST_HINT.format(self.shards))
        self.stats["per_worker"] = {k: {n: round(v, 3) for n, v in w.items()} for k, w in per_worker.items()}
        if self._relay is not None:
            self.stats["embedded_by_driver"] = self._relay.embedded_here

    def _passage_vectors(self, row: dict[str, Any]) -> np.ndarray:
        """A document's passage vectors: the workers' fresh ones, and the rest from the cache
        through the local build's :class:`.CachingEmbedder` (which also stores the fresh ones)."""
        texts: list[str] = row["passages"]
        fresh = np.frombuffer(row["fresh"], dtype=np.uint8).astype(bool)
        vectors = np.frombuffer(row["vectors"], dtype=np.float32).reshape(-1, row["dim"])
        if self.cache is None:
            return vectors  # no cache: the workers embedded every passage
        if self._caching is None:
            self._relay = WorkerVectors(row["model_id"], row["dim"], row["model_path"], self._load_model)
            self._caching = CachingEmbedder(self._relay, self.cache, key=row["model_key"])
            self._caching.stats = self.cache_stats or CacheStats()
        assert self._relay is not None
        self._relay.offer([t for t, f in zip(texts, fresh, strict=True) if f], vectors)
        return self._caching.encode_passages(texts)

    def embedded(self) -> Embedded | None:
        if self._model is None:
            return None
        return Embedded(self._model[0], self._model[1], self._vectors)

    def close(self) -> None:
        shutil.rmtree(self.shards, ignore_errors=True)
        if self._started_ray:
            import ray

            ray.shutdown()
            self._started_ray = False


def _shard_rows(path: Path) -> Iterator[dict[str, Any]]:
    """A shard's rows in order, a few at a time (a shard is never read whole)."""
    import pyarrow.parquet as pq

    previous = -1
    for batch in pq.ParquetFile(path).iter_batches(batch_size=16):
        for row in batch.to_pylist():
            if row["ord"] <= previous:  # preserve_order keeps plan order within a block
                raise EngineError(f"Ray shard {path} is out of plan order")
            previous = row["ord"]
            yield row


def _merged_rows(paths: Sequence[Path]) -> Iterator[dict[str, Any]]:
    """The rows of all shards in plan order (a k-way merge: the driver holds a few rows a shard)."""
    return heapq.merge(*(_shard_rows(p) for p in paths), key=lambda r: r["ord"])


class _ShardWatcher:
    """Ticks the progress bar as shards appear (Ray Data writes a shard as a block finishes)."""

    def __init__(self, folder: Path, tick: Callable[[int], None] | None) -> None:
        self.folder, self.tick = folder, tick
        self._counted: set[str] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="chinhsach-ray-progress", daemon=True)
        if tick is not None:
            self._thread.start()

    def _loop(self) -> None:
        import pyarrow.parquet as pq

        while not self._stop.wait(0.5):
            for path in self.folder.glob("*.parquet"):
                if path.name in self._counted:
                    continue
                with contextlib.suppress(Exception):  # a shard still being written
                    rows = pq.ParquetFile(path).metadata.num_rows
                    self._counted.add(path.name)
                    if self.tick:
                        self.tick(rows)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
