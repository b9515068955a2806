"""Warm query latency of ``Index.search`` on the ALQAC development questions, stage by stage.

    .venv/bin/python evaluation/query_latency.py                       # alqac2023-train, cached index
    .venv/bin/python evaluation/query_latency.py --sets alqac2022,oct-train --repeat 3
    .venv/bin/python evaluation/query_latency.py --index DIR --sets alqac2023-train
    .venv/bin/python evaluation/query_latency.py --sets alqac2022,alqac2023-train,oct-train --dense-words 0,32,48
    .venv/bin/python evaluation/query_latency.py --modes sequential/2/int8,overlap/1/int8,overlap/1/query

The machine is shared (2 cores, other jobs), so wall-clock time says as much about the load as
about the code. Each query is therefore measured three ways: wall clock (``perf_counter``),
the process's CPU time (``process_time``: every thread, the ONNX Runtime threads included) and
the calling thread's CPU time (``thread_time``); the load average is read before and after.
CPU time is what the code costs; wall time on an idle machine is close to it when the query
runs on one thread.

Two passes over the same questions:

1. ``Index.search(query, k=10, group="document")`` as ``alqac_eval`` calls it (the number that
   counts; every question once per ``--repeat``);
2. the same work split into its stages (normalisation and diacritics restoration, question
   words and segmentation, BM25, the query embedding, faiss, fusion, grouping into documents,
   the hits' rows), calling the index's own methods in the order ``search`` does.

Questions are the development sets only (ALQAC 2022, ``alqac2023/train.json``, October train),
each as ``alqac_eval`` asks it (a multiple-choice question followed by its choices).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

EVAL_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(EVAL_DIR.parent / "src"))
sys.path.insert(0, str(EVAL_DIR))

import alqac_eval  # noqa: E402

from chinhsach import Index  # noqa: E402
from chinhsach.convert import ONNX_INT8, ONNX_QUERY, ONNX_QUERY_MASKED  # noqa: E402
from chinhsach.indexing.fusion import minmax  # noqa: E402
from chinhsach.indexing.query import drop_spans, question_word_spans  # noqa: E402
from chinhsach.indexing.search import CANDIDATES, MAX_QUERY_CHARS, _top  # noqa: E402
from chinhsach.text import tokens  # noqa: E402
from chinhsach.text.normalize import normalize_text  # noqa: E402

STAGES = ("normalise", "restore", "question words + segmentation", "bm25", "embed query",
          "faiss", "fusion", "group", "hits")


def pct(values: Sequence[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else 0.0


class Clock:
    """Wall, process CPU and thread CPU time of a block, in ms."""

    def __init__(self) -> None:
        self.wall = self.cpu = self.thread = 0.0

    def __enter__(self) -> Clock:
        self._w, self._c, self._t = time.perf_counter(), time.process_time(), time.thread_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = (time.perf_counter() - self._w) * 1000
        self.cpu = (time.process_time() - self._c) * 1000
        self.thread = (time.thread_time() - self._t) * 1000


def summary(values: Sequence[float]) -> dict[str, float]:
    return {"p50": round(pct(values, 50), 2), "p95": round(pct(values, 95), 2),
            "mean": round(statistics.fmean(values), 2) if values else 0.0}


def staged_search(idx: Index, query: str, k: int, out: dict[str, list[float]]) -> None:
    """``Index.search(query, k, group="document")`` without a mask, stage by stage; appends
    each stage's wall ms to ``out[stage]`` and its process CPU ms to ``out[stage + " cpu"]``."""

    def timed(stage: str, fn: Callable[[], Any]) -> Any:
        with Clock() as c:
            value = fn()
        out.setdefault(stage, []).append(c.wall)
        out.setdefault(stage + " cpu", []).append(c.cpu)
        return value

    weights = idx.config.weights
    text = timed("normalise", lambda: normalize_text(query)[:MAX_QUERY_CHARS])
    restored = timed("restore", lambda: idx.restorer.restore(text))

    def lexical() -> tuple[list[str], list[str]]:
        lex, lex_r = text, restored
        if idx.config.drop_question_words:
            spans = question_word_spans(restored)
            lex_r = drop_spans(restored, spans)
            lex = drop_spans(text, spans if len(text) == len(restored) else question_word_spans(text))
        return tokens.segment_by_vocabulary(lex_r, idx.words), tokens.folded_terms(lex)

    word_terms, folded_terms = timed("question words + segmentation", lexical)

    def bm25() -> dict[str, np.ndarray]:
        return {"word": idx._bm25_scores("bm25_word", word_terms),
                "folded": idx._bm25_scores("bm25_fold", folded_terms)}

    lex_scores = timed("bm25", bm25)
    from chinhsach.indexing.search import PreparedQuery

    prepared = PreparedQuery(text, restored, word_terms, folded_terms)
    q = timed("embed query", lambda: idx._query_vector(prepared))
    n = len(idx.positions)

    def faiss_ids() -> set[int]:
        pool: set[int] = set()
        for name, scores in lex_scores.items():
            if getattr(weights, name) > 0 and n:
                pool.update(_top(scores, CANDIDATES).tolist())
        _d, ids = idx.faiss.search(q.reshape(1, -1), min(CANDIDATES, n))
        pool.update(int(i) for i in ids[0] if i >= 0)
        return pool

    pool = timed("faiss", faiss_ids)

    def fuse() -> list[tuple[int, float]]:
        cand = np.fromiter(sorted(pool), dtype=np.int64)
        dense = np.asarray(idx.vectors[cand] @ q, dtype=np.float64)
        fused = weights.dense * minmax(dense)
        for name, scores in lex_scores.items():
            fused = fused + getattr(weights, name) * minmax(scores[cand].astype(np.float64))
        order = np.argsort(-fused, kind="stable")
        return [(int(cand[i]), float(fused[i])) for i in order]

    ranked = timed("fusion", fuse)
    grouped = timed("group", lambda: idx.rank_documents(ranked))
    timed("hits", lambda: idx.hits([(int(idx.positions[i]), s) for i, s in grouped[:k]]))


def token_counts(idx: Index, queries: Sequence[str]) -> list[int]:
    tokenizer = getattr(idx.embedder, "tokenizer", None)
    if tokenizer is None:
        return []
    return [len(e.ids) for e in tokenizer.encode_batch([f"query: {q}" for q in queries])]


# int8: the build graph; masked: the query graph of session 6 (shapes folded); query: today's
# (shapes folded, no attention-mask arithmetic).
GRAPHS = {"int8": ONNX_INT8, "masked": ONNX_QUERY_MASKED, "query": ONNX_QUERY}


def parse_modes(spec: str) -> list[tuple[str, bool, int, str]]:
    """``sequential/2/int8,overlap/1/query`` → [(name, overlap the query embedding, its
    threads, its graph)]; the graph (``int8``: ``model_qint8.onnx``, ``masked``: the query graph
    of session 6, ``query``: the query graph of ``convert.export_onnx_query``) defaults to
    ``query``."""
    out = []
    for item in spec.split(","):
        kind, threads, graph = (item.split("/") + ["query"])[:3]
        if kind not in ("sequential", "overlap") or not threads.isdigit() or graph not in GRAPHS:
            raise ValueError(f"mode {item!r}: expected sequential/N[/int8|masked|query] or overlap/N[/int8|masked|query]")
        out.append((item, kind == "overlap", int(threads), graph))
    return out


def compare_modes(index_dir: Path, queries: list[str], repeat: int,
                  modes: list[tuple[str, bool, int, str]], k: int = alqac_eval.CUTOFF) -> dict[str, Any]:
    """``Index.search`` under each mode (``Index.overlap_dense``, the query embedding's threads
    and graph), alternated question by question (the first mode rotates), so that every mode
    meets the same load; each mode's hits must equal the first's."""
    from chinhsach.indexing.embed import OnnxEmbedder

    load_start = os.getloadavg()
    times = {mode[0]: {"wall": [], "cpu": [], "thread": []} for mode in modes}
    differ = 0
    with alqac_eval.open_index(index_dir) as idx:
        base = idx.embedder
        if not isinstance(base, OnnxEmbedder):
            raise SystemExit(f"--modes needs the ONNX query engine, not {type(base).__name__}")
        engines = {}
        for _name, _overlap, threads, graph in modes:
            if not (base.path / GRAPHS[graph]).exists():
                raise SystemExit(f"{base.path / GRAPHS[graph]} is missing (make model)")
            engines[threads, graph] = OnnxEmbedder(base.path, base.path / GRAPHS[graph],
                                                   parallel=False, threads=threads)
        for _name, overlap, threads, graph in modes:  # warm every engine and the worker thread
            idx._embedder, idx.overlap_dense = engines[threads, graph], overlap
            for q in queries[:3]:
                idx.search(q, k=k, group="document")
        for r in range(repeat):
            for i, q in enumerate(queries):
                turn = (i + r) % len(modes)
                first = None
                for name, overlap, threads, graph in modes[turn:] + modes[:turn]:
                    idx._embedder, idx.overlap_dense = engines[threads, graph], overlap
                    with Clock() as c:
                        hits = idx.search(q, k=k, group="document")
                    times[name]["wall"].append(c.wall)
                    times[name]["cpu"].append(c.cpu)
                    times[name]["thread"].append(c.thread)
                    ids = [(h.segment_id, round(h.score, 6)) for h in hits]
                    differ += first is not None and ids != first
                    first = ids if first is None else first
    return {"index": str(index_dir), "n_queries": len(queries), "repeat": repeat,
            "modes": {name: {m: summary(v) for m, v in t.items()} for name, t in times.items()},
            "searches_with_other_hits": int(differ),
            "load_average_start": [round(x, 2) for x in load_start],
            "load_average_end": [round(x, 2) for x in os.getloadavg()], "cpu_count": os.cpu_count()}


def modes_markdown(result: dict[str, Any]) -> str:
    lines = [f"{result['n_queries']} questions × {result['repeat']}, modes alternated question by "
             f"question; load average before {result['load_average_start'][0]:.1f}, after "
             f"{result['load_average_end'][0]:.1f} ({result['cpu_count']} cores); searches whose "
             f"hits differ from the first mode's: {result['searches_with_other_hits']}", "",
             "| mode | wall p50 / p95 ms | CPU process p50 / p95 ms | CPU calling thread p50 / p95 ms |",
             "|---|---|---|---|"]
    for name, m in result["modes"].items():
        lines.append(f"| {name} | {m['wall']['p50']:.1f} / {m['wall']['p95']:.1f} | "
                     f"{m['cpu']['p50']:.1f} / {m['cpu']['p95']:.1f} | "
                     f"{m['thread']['p50']:.1f} / {m['thread']['p95']:.1f} |")
    return "\n".join(lines)


def measure(index_dir: Path, queries: list[str], repeat: int, k: int = alqac_eval.CUTOFF) -> dict[str, Any]:
    load_start = os.getloadavg()
    whole: dict[str, list[float]] = {"wall": [], "cpu": [], "thread": []}
    stages: dict[str, list[float]] = {}
    with alqac_eval.open_index(index_dir) as idx:
        for q in queries[:3]:  # warm: model, BM25 files, restorer, word list, document rows
            idx.search(q, k=k, group="document")
        for _ in range(repeat):
            for q in queries:
                with Clock() as c:
                    idx.search(q, k=k, group="document")
                whole["wall"].append(c.wall)
                whole["cpu"].append(c.cpu)
                whole["thread"].append(c.thread)
        for q in queries:
            staged_search(idx, q, k, stages)
        tokens_per_query = token_counts(idx, queries)
        engine = type(idx.embedder).__name__
        threads = getattr(idx.embedder, "threads", None)
    return {
        "index": str(index_dir), "n_segments": int(len(np.load(
            Path(idx.generation) / "positions.npy", mmap_mode="r"))),
        "n_queries": len(queries), "repeat": repeat, "query_engine": engine,
        "query_threads": threads,
        "words_per_query": round(statistics.fmean(len(q.split()) for q in queries), 1),
        "tokens_per_query": summary(tokens_per_query) if tokens_per_query else None,
        "search_ms": {name: summary(v) for name, v in whole.items()},
        "stages_ms": {name: summary(v) for name, v in stages.items()},
        "load_average_start": [round(x, 2) for x in load_start],
        "load_average_end": [round(x, 2) for x in os.getloadavg()],
        "cpu_count": os.cpu_count(),
    }


def dense_words_quality(index_dir: Path, name: str, caps: Sequence[int]) -> dict[int, dict[str, Any]]:
    """MRR@10 etc. of ``Index.search(group="document")`` on a development set for each cap on
    the words the dense model reads (``IndexConfig.dense_query_words``; 0: all)."""
    from dataclasses import replace

    root = alqac_eval.data_dir()
    assert root is not None
    qset = alqac_eval.SETS[name]
    questions = alqac_eval.load_questions(qset, root)
    keys = alqac_eval.file_keys(alqac_eval.load_corpus(qset.corpus, root))
    queries = [alqac_eval.query_of(q) for q in questions]
    out: dict[int, dict[str, Any]] = {}
    with alqac_eval.open_index(index_dir) as idx:
        for cap in caps:
            idx.config = replace(idx.config, dense_query_words=cap)
            rankings = [alqac_eval.unique([keys.get(Path(h.file).name)
                                           for h in idx.search(q, k=alqac_eval.CUTOFF, group="document")])
                        for q in queries]
            out[cap] = {**alqac_eval.metrics(rankings, questions),
                        "cut": sum(len(q.split()) > cap for q in queries) if cap else 0}
    return out


def markdown(result: dict[str, Any]) -> str:
    s = result["search_ms"]
    lines = [
        f"`Index.search(question, k=10, group=\"document\")` on {result['n_segments']} segments, "
        f"{result['n_queries']} questions × {result['repeat']} (words per query "
        f"{result['words_per_query']}, model tokens p50/p95 "
        f"{result['tokens_per_query']['p50']:.0f}/{result['tokens_per_query']['p95']:.0f}), "
        f"query engine {result['query_engine']}; load average before "
        f"{result['load_average_start'][0]:.1f}, after {result['load_average_end'][0]:.1f} "
        f"({result['cpu_count']} cores)", "",
        "| measure | p50 ms | p95 ms | mean ms |", "|---|---|---|---|",
        f"| wall clock | {s['wall']['p50']:.1f} | {s['wall']['p95']:.1f} | {s['wall']['mean']:.1f} |",
        f"| CPU, process (all threads) | {s['cpu']['p50']:.1f} | {s['cpu']['p95']:.1f} | {s['cpu']['mean']:.1f} |",
        f"| CPU, calling thread | {s['thread']['p50']:.1f} | {s['thread']['p95']:.1f} | {s['thread']['mean']:.1f} |",
        "", "| stage | wall p50 / p95 ms | CPU p50 / p95 ms |", "|---|---|---|"]
    st = result["stages_ms"]
    for name in STAGES:
        if name in st:
            lines.append(f"| {name} | {st[name]['p50']:.2f} / {st[name]['p95']:.2f} | "
                         f"{st[name + ' cpu']['p50']:.2f} / {st[name + ' cpu']['p95']:.2f} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sets", default="alqac2023-train", help="development question sets (comma-separated)")
    p.add_argument("--index", type=Path, help="an index over the set's corpus (default: alqac_eval's cached one)")
    p.add_argument("--repeat", type=int, default=2, help="passes of Index.search over the questions")
    p.add_argument("--json", type=Path, help="write the numbers here")
    p.add_argument("--dense-words", help="instead of timing: quality of each cap on the words the "
                   "dense model reads, e.g. 0,32,48,64 (0: all)")
    p.add_argument("--modes", help="instead of the stages: compare query modes alternated question "
                   "by question, e.g. sequential/2/int8,overlap/1/query (overlap: the query embedding "
                   "on a worker thread while BM25 runs; /N: its ONNX threads; /int8, /masked or "
                   "/query: model_qint8.onnx, the query graph with the attention mask (session 6) or "
                   "without it, default query)")
    p.add_argument("--as-written", action="store_true",
                   help="the questions as written, without the choices of a multiple-choice question "
                        "(as the issue's first measurement asked them)")
    args = p.parse_args(argv)
    root = alqac_eval.data_dir()
    if root is None:
        print("ALQAC data not found (../shared/benchmarks/alqac or $ALQAC_DIR): skipped", file=sys.stderr)
        return
    results = {}
    for name in args.sets.split(","):
        qset = alqac_eval.SETS[name]
        if qset.split != "dev":
            p.error(f"{name} is a held-out set: latency is measured on the development sets only")
        questions = alqac_eval.load_questions(qset, root)
        if args.index is not None:
            index_dir = args.index
        else:
            index_dir, _meta = alqac_eval.cached_index(qset.corpus, alqac_eval.load_corpus(qset.corpus, root))
        if args.dense_words:
            caps = [int(c) for c in args.dense_words.split(",")]
            found = dense_words_quality(index_dir, name, caps)
            results[name] = found
            print(f"{qset.label}: dense words cap → hit@1 / hit@10 / MRR@10 (questions cut)")
            for cap, m in found.items():
                print(f"  {cap or 'all'}: {alqac_eval.fmt(m)} ({m['cut']})", flush=True)
            continue
        asked = [q.text if args.as_written else alqac_eval.query_of(q) for q in questions]
        if args.modes:
            result = compare_modes(index_dir, asked, args.repeat, parse_modes(args.modes))
            results[name] = result
            print(f"### {qset.label}\n\n{modes_markdown(result)}\n", flush=True)
            continue
        result = measure(index_dir, asked, args.repeat)
        results[name] = result
        print(f"### {qset.label}\n\n{markdown(result)}\n", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
