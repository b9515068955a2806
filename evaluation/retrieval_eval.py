"""Retrieval quality on the seed: Recall@5 and MRR@10 for BM25, dense and hybrid ranking.

    .venv/bin/python evaluation/retrieval_eval.py [--write] [--grid]

Builds a fresh index over the seed plan in a temporary folder, runs every query of
``evaluation/queries_seed.json`` through each signal alone and through the fused ranking, and
prints a table (overall, with and without diacritics). ``--grid`` also scores a grid of fusion
weights and reciprocal-rank fusion; ``--write`` puts the table into ``evaluation/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from chinhsach.indexing import DEFAULT_WEIGHTS, FusionWeights, Index, build_index  # noqa: E402

SEED = ROOT / "corpus" / "sonla-ke-hoach-thuc-hien-nq-42-nq-tw.txt"
QUERIES = ROOT / "evaluation" / "queries_seed.json"


def matches(section: str | None, expected: list[str]) -> bool:
    """A hit counts when its section is an expected id or lies under one."""
    if not section:
        return False
    return any(section == e or section.startswith(e + ".") or section.startswith(e + ":")
               for e in expected)


def score_rankings(rankings: list[list[str | None]], queries: list[dict]) -> dict[str, float]:
    recall, rr = [], []
    for ranked, q in zip(rankings, queries, strict=True):
        first = next((i for i, s in enumerate(ranked[:10]) if matches(s, q["expected"])), None)
        recall.append(1.0 if first is not None and first < 5 else 0.0)
        rr.append(1.0 / (first + 1) if first is not None else 0.0)
    return {"recall_at_5": float(np.mean(recall)), "mrr_at_10": float(np.mean(rr))}


def rrf(signals: dict[str, np.ndarray], names: list[str], k: int = 60) -> list[int]:
    total = np.zeros(len(next(iter(signals.values()))))
    for name in names:
        order = np.argsort(-signals[name], kind="stable")
        ranks = np.empty_like(order)
        ranks[order] = np.arange(len(order))
        total += 1.0 / (k + ranks + 1)
    return list(np.argsort(-total, kind="stable"))


def evaluate(idx: Index, queries: list[dict], grid: bool) -> dict[str, dict]:
    sections = dict(idx.conn.execute("SELECT pos, section FROM segments"))
    prepared = [idx.prepare(q["query"]) for q in queries]
    t0 = time.perf_counter()
    signals = [idx.signals(p) for p in prepared]
    elapsed = time.perf_counter() - t0
    # Dense on the query as typed, without diacritics restoration (to show what restoration buys).
    raw_dense = [idx.vectors @ idx.embedder.encode_queries([p.text])[0] for p in prepared]

    def by_scores(arrs: list[np.ndarray]) -> list[list[str | None]]:
        return [[sections[int(idx.positions[i])] for i in np.argsort(-a, kind="stable")[:10]]
                for a in arrs]

    def by_weights(w: FusionWeights) -> list[list[str | None]]:
        return [[sections[int(idx.positions[i])] for i, _ in idx.rank(s, w)[:10]] for s in signals]

    systems: dict[str, list[list[str | None]]] = {
        "bm25 words": by_scores([s["word"] for s in signals]),
        "bm25 folded": by_scores([s["folded"] for s in signals]),
        "bm25 (words+folded)": by_weights(FusionWeights(dense=0.0, word=0.4, folded=0.6)),
        "dense (no restoration)": by_scores(raw_dense),
        "dense": by_scores([s["dense"] for s in signals]),
        # The product's own path (Index.search: faiss candidates, exact rescoring).
        "hybrid (chinhsach)": [[h.section for h in idx.search(q["query"], k=10)] for q in queries],
    }
    if grid:
        systems["rrf (dense+words+folded)"] = [
            [sections[int(idx.positions[i])] for i in rrf(s, ["dense", "word", "folded"])[:10]]
            for s in signals]
        steps = [round(x, 2) for x in np.arange(0.0, 1.01, 0.1)]
        for d, w in itertools.product(steps, steps):
            f = round(1.0 - d - w, 2)
            if f < 0:
                continue
            systems[f"weights d={d} w={w} f={f}"] = by_weights(FusionWeights(d, w, f))
    groups = {
        "all": list(range(len(queries))),
        "with diacritics": [i for i, q in enumerate(queries) if q["diacritics"]],
        "without diacritics": [i for i, q in enumerate(queries) if not q["diacritics"]],
        "paraphrase": [i for i, q in enumerate(queries) if q["style"] == "paraphrase"],
    }
    out: dict[str, dict] = {}
    for name, rankings in systems.items():
        out[name] = {g: score_rankings([rankings[i] for i in ids], [queries[i] for i in ids])
                     for g, ids in groups.items()}
    out["_meta"] = {"n_queries": len(queries), "signals_seconds": elapsed,
                    "n_without_diacritics": len(groups["without diacritics"])}
    return out


def table(results: dict[str, dict], names: list[str]) -> str:
    head = ("| system | all R@5 / MRR@10 | with diacritics | without diacritics | paraphrases |\n"
            "|---|---|---|---|---|")
    rows = []
    for name in names:
        r = results[name]
        cells = [f"{r[g]['recall_at_5']:.3f} / {r[g]['mrr_at_10']:.3f}"
                 for g in ("all", "with diacritics", "without diacritics", "paraphrase")]
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join([head, *rows])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="update evaluation/RESULTS.md")
    parser.add_argument("--grid", action="store_true", help="also score a grid of fusion weights")
    parser.add_argument("--json", type=Path, help="write all numbers to this JSON file")
    parser.add_argument("--model", help="embedding model folder (default: the base e5), e.g. a "
                        "fine-tuned one from evaluation/alqac_finetune.py")
    args = parser.parse_args()
    queries = json.loads(QUERIES.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        build_index([SEED], Path(tmp) / "index", model=args.model)
        with Index.open(Path(tmp) / "index") as idx:
            results = evaluate(idx, queries, args.grid)
    main_rows = ["bm25 words", "bm25 folded", "bm25 (words+folded)", "dense (no restoration)",
                 "dense", "hybrid (chinhsach)"]
    text = table(results, main_rows)
    print(text)
    if args.grid:
        grid = sorted((k for k in results if k.startswith(("weights", "rrf"))),
                      key=lambda k: -results[k]["all"]["mrr_at_10"])
        print("\nBest fusion settings (by MRR@10 over all queries):")
        print(table(results, grid[:12]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    if args.write:
        from results_md import replace_section

        cmd = "make eval  # = .venv/bin/python evaluation/retrieval_eval.py --write"
        body = (f"Command: `{cmd}`\n\n{results['_meta']['n_queries']} queries over the seed "
                f"({results['_meta']['n_without_diacritics']} typed without diacritics); "
                f"hybrid weights {DEFAULT_WEIGHTS}.\n\n{text}\n")
        replace_section("Retrieval on the seed", body)


if __name__ == "__main__":
    main()
