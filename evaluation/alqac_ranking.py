"""Query-time ranking experiments on the ALQAC development sets (issue 15, session 9).

    .venv/bin/python evaluation/alqac_ranking.py            # every variant, the three dev sets
    .venv/bin/python evaluation/alqac_ranking.py --only base,prf-fused-a0.5-m3 --json out.json

Each question's signals are computed once (``Index.prepare`` + BM25 + the query's e5 vector,
over every segment of the cached ALQAC index, as ``alqac_eval --grid`` does), then every
variant re-ranks them at no model cost:

- ``base``: today's fusion (``Index.rank``: top 100 candidates of each signal, min-max
  normalised over the pool, weighted sum 0.4 / 0.3 / 0.3), articles from their best passage;
- ``prf-{fused,dense}-a{α}-m{m}``: dense pseudo-relevance feedback (Rocchio on vectors):
  ``q' = normalize(q + α · mean of the top-m passages' vectors)`` (top of the fused ranking or
  of the dense signal alone), the pool's dense scores recomputed with ``q'``, fused again;
- ``rrf-k{k}`` / ``rrf-w-k{k}``: reciprocal-rank fusion over the same pool, equal or today's
  weights;
- ``z``: z-score normalisation over the pool instead of min-max;
- ``adapt-{margin}-b{β}``: per query, each signal's weight multiplied by
  ``(margin_s / mean margin) ** β`` where ``margin_s`` is its min-max-normalised top-1 minus
  its 10th score (how far its first candidate stands out), then renormalised;
- ``own-minmax``: each signal normalised between its own 100th and first score (clipped),
  not over the joint pool;
- ``depth{n}``: today's fusion over each signal's top ``n`` candidates instead of 100;
- ``prf-agree-a{α}``: dense feedback from the top passage only when the dense signal and the
  fusion rank the same passage first;
- ``doc-fusion[...]``: each signal reduced to documents first (a document's best passage under
  that signal), then normalised and fused; ``-full`` over every passage of the pool's
  documents, ``-prf-a{α}`` with dense feedback from the dense top passage, ``-adapt-b{β}``
  with the adaptive weights (margins between documents), ``-d/w/f`` other weights;
- ``dense-only`` (reference): the dense signal alone through the same pool and grouping.

Every variant re-ranks the same per-question arrays; "re-rank µs" is the mean time of that
step plus the grouping into articles (not the query's embedding or BM25, which all share).

Protocol: development sets only (ALQAC 2022, 2023 train, October train); the held-out test sets
are refused. Objective and keep rule: RESULTS.md "ALQAC ranking experiments (alqacprf, session 9)".
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

EVAL_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(EVAL_DIR))

import alqac_eval  # noqa: E402
from alqac_eval import SETS, Question, data_dir, load_corpus, load_questions, metrics  # noqa: E402

from chinhsach.indexing import DEFAULT_WEIGHTS, FusionWeights, Index  # noqa: E402
from chinhsach.indexing.fusion import minmax  # noqa: E402
from chinhsach.indexing.search import CANDIDATES, _top  # noqa: E402

SIGNALS = ("dense", "word", "folded")


@dataclass
class QuerySignals:
    """One question's raw signals over every segment, its pool and its e5 vector."""

    scores: dict[str, np.ndarray]  # over every segment
    q: np.ndarray | None
    pool: np.ndarray  # candidate rows (ascending), as Index.rank builds them at today's weights


def query_signals(idx: Index, text: str) -> QuerySignals:
    prepared = idx.prepare(text)
    q = idx._query_vector(prepared)
    n = len(idx.positions)
    scores = {
        "word": idx._bm25_scores("bm25_word", prepared.word_terms),
        "folded": idx._bm25_scores("bm25_fold", prepared.folded_terms),
        "dense": (np.asarray(idx.vectors @ q, dtype=np.float32) if q is not None
                  else np.zeros(n, np.float32)),
    }
    pool: set[int] = set()
    for name in SIGNALS:
        pool.update(_top(scores[name], CANDIDATES, positive=name != "dense").tolist())
    return QuerySignals(scores, q, np.fromiter(sorted(pool), dtype=np.int64))


Ranker = Callable[[Index, QuerySignals], list[tuple[int, float]]]


def _weighted(cols: dict[str, np.ndarray], w: FusionWeights,
              norm: Callable[[np.ndarray], np.ndarray] = minmax) -> np.ndarray:
    return sum(getattr(w, s) * norm(cols[s]) for s in SIGNALS)


def _ranked(pool: np.ndarray, fused: np.ndarray) -> list[tuple[int, float]]:
    order = np.argsort(-fused, kind="stable")
    return list(zip(pool[order].tolist(), fused[order].tolist(), strict=True))


def _cols(qs: QuerySignals) -> dict[str, np.ndarray]:
    return {s: qs.scores[s][qs.pool].astype(np.float64) for s in SIGNALS}


def base(w: FusionWeights = DEFAULT_WEIGHTS) -> Ranker:
    def run(_idx: Index, qs: QuerySignals) -> list[tuple[int, float]]:
        return _ranked(qs.pool, _weighted(_cols(qs), w))
    return run


def dense_only() -> Ranker:
    def run(_idx: Index, qs: QuerySignals) -> list[tuple[int, float]]:
        pool = _top(qs.scores["dense"], CANDIDATES, positive=False)
        pool = np.sort(pool)
        return _ranked(pool, qs.scores["dense"][pool].astype(np.float64))
    return run


def prf(source: str, alpha: float, m: int, w: FusionWeights = DEFAULT_WEIGHTS) -> Ranker:
    """Rocchio on vectors: the dense query moved toward its top-m passages, the pool's dense
    scores recomputed with it (no new candidates: the fast path has the same pool)."""
    def run(idx: Index, qs: QuerySignals) -> list[tuple[int, float]]:
        cols = _cols(qs)
        if qs.q is None:
            return _ranked(qs.pool, _weighted(cols, w))
        first = _weighted(cols, w) if source == "fused" else cols["dense"]
        top = qs.pool[np.argsort(-first, kind="stable")[:m]]
        q2 = qs.q + alpha * np.asarray(idx.vectors[top], dtype=np.float32).mean(axis=0)
        q2 /= np.linalg.norm(q2)
        cols["dense"] = np.asarray(idx.vectors[qs.pool] @ q2, dtype=np.float64)
        return _ranked(qs.pool, _weighted(cols, w))
    return run


def _ranks(x: np.ndarray) -> np.ndarray:
    order = np.argsort(-x, kind="stable")
    r = np.empty(len(x), dtype=np.float64)
    r[order] = np.arange(1, len(x) + 1)
    return r


def rrf(k: int, weighted: bool) -> Ranker:
    w = DEFAULT_WEIGHTS if weighted else FusionWeights(1 / 3, 1 / 3, 1 / 3)

    def run(_idx: Index, qs: QuerySignals) -> list[tuple[int, float]]:
        cols = _cols(qs)
        return _ranked(qs.pool, sum(getattr(w, s) / (k + _ranks(cols[s])) for s in SIGNALS))
    return run


def zscore(x: np.ndarray) -> np.ndarray:
    sd = float(x.std())
    return (x - float(x.mean())) / sd if sd > 1e-12 else np.zeros_like(x)


def zfused() -> Ranker:
    def run(_idx: Index, qs: QuerySignals) -> list[tuple[int, float]]:
        return _ranked(qs.pool, _weighted(_cols(qs), DEFAULT_WEIGHTS, zscore))
    return run


def adaptive(beta: float, depth: int = 10) -> Ranker:
    """Weights scaled per query by how far each signal's first candidate stands out."""
    def run(_idx: Index, qs: QuerySignals) -> list[tuple[int, float]]:
        cols = _cols(qs)
        norm = {s: minmax(cols[s]) for s in SIGNALS}
        margins = {}
        for s in SIGNALS:
            top = np.sort(norm[s])[::-1]
            margins[s] = float(top[0] - top[min(depth, len(top)) - 1]) if len(top) else 0.0
        mean = float(np.mean(list(margins.values()))) or 1.0
        raw = {s: getattr(DEFAULT_WEIGHTS, s) * (max(margins[s], 1e-6) / mean) ** beta
               for s in SIGNALS}
        total = sum(raw.values())
        return _ranked(qs.pool, sum(raw[s] / total * norm[s] for s in SIGNALS))
    return run


def own_minmax() -> Ranker:
    """Each signal min-max normalised between its own ``CANDIDATES``-th score and its best
    (lower scores clipped to 0) instead of over the joint pool's minimum."""
    def run(_idx: Index, qs: QuerySignals) -> list[tuple[int, float]]:
        fused = np.zeros(len(qs.pool))
        for s in SIGNALS:
            full = qs.scores[s]
            own = _top(full, CANDIDATES, positive=s != "dense")
            if not len(own):
                continue
            lo, hi = float(full[own].min()), float(full[own].max())
            x = full[qs.pool].astype(np.float64)
            fused += getattr(DEFAULT_WEIGHTS, s) * (np.clip((x - lo) / (hi - lo), 0, 1)
                                                    if hi - lo > 1e-12 else (x >= hi).astype(float))
        return _ranked(qs.pool, fused)
    return run


def doc_fusion(idx: Index, w: FusionWeights = DEFAULT_WEIGHTS, full: bool = False,
               feedback: float = 0.0, beta: float = 0.0, depth: int = 10) -> Ranker:
    """Each signal first reduced to documents (a document's best passage under that signal),
    then normalised and fused: different clauses of one article may carry the dense and the
    lexical match. ``full``: over every passage of the pool's documents, not only the pool's;
    ``feedback``: dense PRF (top-1 dense passage, this α) first; ``beta``: confidence-adaptive
    weights as :func:`adaptive`, the margins taken between documents (first and ``depth``-th)."""
    doc_of = idx.document_rows
    rows_of: dict[int, np.ndarray] = {}
    if full:
        order = np.argsort(doc_of, kind="stable")
        bounds = np.flatnonzero(np.diff(doc_of[order])) + 1
        for part in np.split(order, bounds):
            rows_of[int(doc_of[part[0]])] = part

    def run(_idx: Index, qs: QuerySignals) -> list[tuple[int, float]]:
        q = qs.q
        if feedback and q is not None:
            top = qs.pool[int(np.argmax(qs.scores["dense"][qs.pool]))]
            q = q + feedback * np.asarray(idx.vectors[top], dtype=np.float32)
            q = q / np.linalg.norm(q)
        rows = qs.pool
        if full:
            rows = np.unique(np.concatenate([rows_of[int(d)] for d in np.unique(doc_of[qs.pool])]))
        cols = {s: qs.scores[s][rows].astype(np.float64) for s in SIGNALS}
        if q is not None and (feedback or full):
            cols["dense"] = np.asarray(idx.vectors[rows] @ q, dtype=np.float64)
        docs = doc_of[rows]
        uniq, inv = np.unique(docs, return_inverse=True)
        norm = {}
        for s in SIGNALS:
            best = np.full(len(uniq), -np.inf)
            np.maximum.at(best, inv, cols[s])
            norm[s] = minmax(best)
        weight = {s: getattr(w, s) for s in SIGNALS}
        if beta:
            margins = {}
            for s in SIGNALS:
                top = np.sort(norm[s])[::-1]
                margins[s] = float(top[0] - top[min(depth, len(top)) - 1])
            mean = float(np.mean(list(margins.values()))) or 1.0
            weight = {s: weight[s] * (max(margins[s], 1e-6) / mean) ** beta for s in SIGNALS}
            total = sum(weight.values())
            weight = {s: v / total for s, v in weight.items()}
        fused = sum(weight[s] * norm[s] for s in SIGNALS)
        # one row per document: its best fused passage (for the hit), the document's score
        passage = _weighted(cols, w)
        order = np.lexsort((-passage, inv))
        first = order[np.r_[0, np.flatnonzero(np.diff(inv[order])) + 1]]
        return _ranked(rows[first], fused)
    return run


def depth(n: int) -> Ranker:
    """Today's fusion over the top ``n`` candidates of each signal instead of 100."""
    def run(_idx: Index, qs: QuerySignals) -> list[tuple[int, float]]:
        pool: set[int] = set()
        for s in SIGNALS:
            pool.update(_top(qs.scores[s], n, positive=s != "dense").tolist())
        rows = np.fromiter(sorted(pool), dtype=np.int64)
        cols = {s: qs.scores[s][rows].astype(np.float64) for s in SIGNALS}
        return _ranked(rows, _weighted(cols, DEFAULT_WEIGHTS))
    return run


def prf_agree(alpha: float) -> Ranker:
    """Dense feedback from the top passage only when the dense signal and the fusion agree on it."""
    plain = base()

    def run(idx: Index, qs: QuerySignals) -> list[tuple[int, float]]:
        cols = _cols(qs)
        fused = _weighted(cols, DEFAULT_WEIGHTS)
        if qs.q is None or int(np.argmax(fused)) != int(np.argmax(cols["dense"])):
            return plain(idx, qs)
        return prf("dense", alpha, 1)(idx, qs)
    return run


def variants(idx: Index | None = None) -> dict[str, Ranker]:
    # "base" first: the others count their better / worse questions against it
    out: dict[str, Ranker] = {"base": base(), "dense-only": dense_only()}
    for source in ("fused", "dense"):
        for a in (0.2, 0.5, 1.0):
            for m in (1, 3, 5):
                out[f"prf-{source}-a{a}-m{m}"] = prf(source, a, m)
    for k in (10, 60):
        out[f"rrf-k{k}"] = rrf(k, False)
        out[f"rrf-w-k{k}"] = rrf(k, True)
    out["z"] = zfused()
    for b in (0.5, 1.0, 2.0):
        out[f"adapt-b{b}"] = adaptive(b)
    out["own-minmax"] = own_minmax()
    for n in (30, 50, 200):
        out[f"depth{n}"] = depth(n)
    for a in (0.5, 1.0):
        out[f"prf-agree-a{a}"] = prf_agree(a)
    if idx is not None:
        out["doc-fusion"] = doc_fusion(idx)
        out["doc-fusion-full"] = doc_fusion(idx, full=True)
        for b in (0.5, 1.0, 2.0):
            out[f"doc-fusion-adapt-b{b}"] = doc_fusion(idx, beta=b)
        for a in (0.2, 0.5):
            out[f"doc-fusion-prf-a{a}"] = doc_fusion(idx, feedback=a)
        for d, wd, f in ((0.5, 0.25, 0.25), (0.4, 0.4, 0.2), (0.3, 0.35, 0.35), (0.5, 0.3, 0.2)):
            out[f"doc-fusion-{d}/{wd}/{f}"] = doc_fusion(idx, FusionWeights(d, wd, f))
    return out


def reciprocal_ranks(rankings: list[list[str]], questions: list[Question]) -> list[float]:
    return [next((1.0 / (i + 1) for i, k in enumerate(r[:alqac_eval.CUTOFF]) if k in q.gold), 0.0)
            for r, q in zip(rankings, questions, strict=True)]


def evaluate(names: Sequence[str], only: Sequence[str] | None = None,
             without_fresh: bool = False) -> dict[str, Any]:
    """Every variant on every named development set. ``without_fresh``: leave out the questions
    whose gold article lies in a law of the blind fresh-check set (fresh_alqac_laws, by law id),
    a sensitivity check; the law texts are never read apart from the index."""
    root = data_dir()
    if root is None:
        raise FileNotFoundError("ALQAC data not found (../shared/benchmarks/alqac or $ALQAC_DIR)")
    if any(SETS[n].split != "dev" for n in names):
        raise ValueError("ranking experiments run on development sets only")
    by_corpus: dict[str, list[str]] = {}
    for name in names:
        by_corpus.setdefault(SETS[name].corpus, []).append(name)
    out: dict[str, Any] = {"sets": {}, "variants": []}
    for corpus, set_names in by_corpus.items():
        articles = load_corpus(corpus, root)
        keys = alqac_eval.file_keys(articles)
        index_dir, _meta = alqac_eval.cached_index(corpus, articles)
        with alqac_eval.open_index(index_dir) as idx:
            table = variants(idx)
            if only:
                table = {k: v for k, v in table.items() if k in only}
            out["variants"] = list(table)
            path_of = dict(idx.conn.execute(
                "SELECT s.pos, d.path FROM segments s JOIN documents d USING (doc_id) "
                "WHERE s.searchable = 1"))
            row_key = [keys[Path(path_of[int(pos)]).name] for pos in idx.positions]
            for name in set_names:
                questions: list[Question] = load_questions(SETS[name], root)
                if without_fresh:
                    from fresh_alqac_laws import is_fresh_law

                    questions = [q for q in questions
                                 if not any(is_fresh_law(g.split("#")[0]) for g in q.gold)]
                t0 = time.perf_counter()
                sigs = [query_signals(idx, alqac_eval.query_of(q)) for q in questions]
                alqac_eval.log(f"{name}: signals of {len(questions)} questions in "
                               f"{time.perf_counter() - t0:.0f} s")
                kinds = sorted({q.kind for q in questions})
                entry: dict[str, Any] = {"n": len(questions),
                                         "types": {k: sum(q.kind == k for q in questions) for k in kinds},
                                         "variants": {}}
                base_rr: list[float] | None = None
                for label, ranker in table.items():
                    t1 = time.perf_counter()
                    rankings = [[row_key[i] for i, _s in idx.rank_documents(ranker(idx, s))[:alqac_eval.CUTOFF]]
                                for s in sigs]
                    us = (time.perf_counter() - t1) / len(sigs) * 1e6
                    m: dict[str, Any] = metrics(rankings, questions)
                    m["rank_us"] = round(us, 1)
                    rr = reciprocal_ranks(rankings, questions)
                    base_rr = rr if label == "base" else base_rr
                    if base_rr is not None:  # questions ranked better / worse than by base
                        m["better"] = sum(a > b for a, b in zip(rr, base_rr, strict=True))
                        m["worse"] = sum(a < b for a, b in zip(rr, base_rr, strict=True))
                    if len(kinds) > 1:
                        m["by_type"] = {}
                        for kind in kinds:
                            ids = [i for i, q in enumerate(questions) if q.kind == kind]
                            m["by_type"][kind] = metrics([rankings[i] for i in ids],
                                                         [questions[i] for i in ids])
                    entry["variants"][label] = m
                out["sets"][name] = entry
    return out


def fmt(m: dict[str, float]) -> str:
    return f"{m['hit_at_1']:.3f} / {m['hit_at_10']:.3f} / {m['mrr_at_10']:.3f}"


def markdown(found: dict[str, Any], top: int | None = None) -> str:
    names = list(found["sets"])
    base_mrr = {n: found["sets"][n]["variants"]["base"]["mrr_at_10"] for n in names}

    def mean(label: str) -> float:
        return float(np.mean([found["sets"][n]["variants"][label]["mrr_at_10"] for n in names]))

    def passes(label: str) -> bool:
        return (mean(label) - mean("base") >= 0.003 and all(
            found["sets"][n]["variants"][label]["mrr_at_10"] - base_mrr[n] >= -0.005 for n in names))

    order = sorted(found["variants"], key=lambda v: -mean(v))
    if top:
        order = list(dict.fromkeys([*order[:top], "base"]))
    rows = ["| variant | mean MRR@10 | Δ mean | " + " | ".join(names)
            + " | questions better / worse | re-rank µs | keep rule |",
            "|---|---|---|" + "---|" * len(names) + "---|---|---|"]
    for label in order:
        cells = " | ".join(fmt(found["sets"][n]["variants"][label]) for n in names)
        us = np.mean([found["sets"][n]["variants"][label]["rank_us"] for n in names])
        moved = " · ".join(f"{found['sets'][n]['variants'][label].get('better', '?')} / "
                           f"{found['sets'][n]['variants'][label].get('worse', '?')}" for n in names)
        rows.append(f"| {label} | {mean(label):.4f} | {mean(label) - mean('base'):+.4f} | {cells} | "
                    f"{moved} | {us:.0f} | {'passes' if passes(label) else '—'} |")
    parts = ["\n".join(rows), ""]
    for n in names:
        entry = found["sets"][n]
        kinds = list(entry["types"])
        if len(kinds) < 2:
            continue
        parts += [f"By question type, {n} (hit@1 / hit@10 / MRR@10):", "",
                  "| variant | " + " | ".join(f"{k} ({entry['types'][k]})" for k in kinds) + " |",
                  "|---|" + "---|" * len(kinds)]
        for label in order:
            bt = entry["variants"][label]["by_type"]
            parts.append(f"| {label} | " + " | ".join(fmt(bt[k]) for k in kinds) + " |")
        parts.append("")
    return "\n".join(parts)


def main(argv: Sequence[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sets", default=",".join(alqac_eval.DEV_SETS), help="development sets")
    p.add_argument("--only", help="comma-separated variant labels (default: all)")
    p.add_argument("--top", type=int, help="table: only the best N variants (and base)")
    p.add_argument("--json", type=Path, help="write the numbers here")
    p.add_argument("--without-fresh", action="store_true", help="leave out the questions whose "
                   "gold article is in a fresh-check law (sensitivity check)")
    args = p.parse_args(argv)
    found = evaluate(args.sets.split(","), args.only.split(",") if args.only else None,
                     args.without_fresh)
    if args.json:
        args.json.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    print(markdown(found, args.top))


if __name__ == "__main__":
    main()
