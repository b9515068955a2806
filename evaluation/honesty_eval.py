"""Where search says "không tìm thấy": the thresholds of ``chinhsach.answers.honesty`` measured.

    PYTHONPATH=src CHINHSACH_MODELS=/work/main/models .venv/bin/python evaluation/honesty_eval.py [--index DIR] [--write]

Over an index of ``corpus/`` and the illustrative plans of ``evaluation/fixtures/`` (built in a temporary folder unless ``--index``): for each query of
``evaluation/queries_seed.json`` the top 10 hits, the relevant ones (seed document, expected
section, as in retrieval_eval.py) with their (coverage, z, pair coverage) and the query's best
cosine; and the same for the off-topic queries of ``evaluation/queries_offtopic.json``
(false "found" = an off-topic query that still shows a hit). Reports the lowest values over relevant hits and queries (what the thresholds must
stay below), how many relevant hits the rules drop (must be 0), and what they do to the
off-topic queries.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
COMMAND = ("PYTHONPATH=src CHINHSACH_MODELS=/work/main/models .venv/bin/python "
           "evaluation/honesty_eval.py --write")
# Off-topic queries (common Vietnamese words about sport, food, prices, weather, with and
# without diacritics, and nonsense), written for this evaluation; "ai" alone is the who-card case.
OFF_TOPIC = json.loads((ROOT / "evaluation" / "queries_offtopic.json").read_text(encoding="utf-8"))


def matches(section: str | None, expected: list[str]) -> bool:
    return bool(section) and any(section == e or section.startswith(e + ".")
                                 or section.startswith(e + ":") for e in expected)


def main() -> None:
    from chinhsach import build_index
    from chinhsach.answers import honesty
    from chinhsach.indexing import Index

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index", type=Path)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    queries = json.loads((ROOT / "evaluation" / "queries_seed.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        index = args.index or Path(tmp) / "idx"
        if not (index / "CURRENT").exists():
            build_index([ROOT / "corpus", *sorted((ROOT / "evaluation" / "fixtures").glob("minh-hoa-*.txt"))], index)
        with Index.open(index) as idx:
            corpus = honesty.CorpusTerms.of(idx)
            rel, q_best, shares, lost, cos_low = [], [], [], [], []
            for q in queries:
                hits = idx.search(q["query"], k=10)
                m = honesty.measure(idx, corpus, q["query"], hits)
                scored = [(c, z) for c, z, _p in m.hits]
                cos_low.append((m.best_cosine, max((p for _c, _z, p in m.hits), default=0.0),
                                q["query"]))
                verdict = honesty.judge(idx, corpus, q["query"], hits)
                kept = {h.segment_id for h in verdict.hits}
                terms = list(dict.fromkeys(honesty._terms(q["query"])))
                total = sum(corpus.idf(t) for t in terms) or 1.0
                shares.append((sum(corpus.idf(t) for t in terms
                                   if corpus.df.get(t, 0) == 0 and not t.isdigit()) / total,
                               q["query"]))
                q_best.append((max((c for c, _ in scored), default=0.0), q["query"]))
                for h, (c, z) in zip(hits, scored, strict=True):
                    if h.doc_id.startswith("sonla") and matches(h.section, q["expected"]):
                        rel.append((c, z, q["query"]))
                        if h.segment_id not in kept:
                            lost.append(f"{q['query']} ({verdict.reason}, {c:.2f}, {z:.2f})")
            off, found = [], []
            for q in OFF_TOPIC:
                hits = idx.search(q, k=10)
                verdict = honesty.judge(idx, corpus, q, hits)
                m = honesty.measure(idx, corpus, q, hits)
                t = list(dict.fromkeys(honesty._terms(q)))
                share = sum(corpus.idf(x) for x in t if corpus.df.get(x, 0) == 0 and not x.isdigit()) / (
                    sum(corpus.idf(x) for x in t) or 1.0)
                best_pair = max((p for _c, _z, p in m.hits), default=0.0)
                if verdict.hits:
                    found.append(q)
                off.append(f"| {q} | {share:.2f} | {m.best_cosine:.3f} | {best_pair:.2f} | {len(hits)} "
                           f"| {len(verdict.hits)} | {verdict.reason or ''} |")
            # The same with the rules before the off-topic rule (no cosine floor, HIT_Z 4.0).
            saved = honesty.COS_FLOOR, honesty.HIT_Z
            honesty.COS_FLOOR, honesty.HIT_Z = 0.0, 4.0
            try:
                before_found = sum(bool(honesty.judge(idx, corpus, q, idx.search(q, k=10)).hits)
                                   for q in OFF_TOPIC)
                before_lost = 0
                for q in queries:
                    hits = idx.search(q["query"], k=10)
                    kept = {h.segment_id for h in honesty.judge(idx, corpus, q["query"], hits).hits}
                    before_lost += sum(1 for h in hits if h.doc_id.startswith("sonla")
                                       and matches(h.section, q["expected"]) and h.segment_id not in kept)
            finally:
                honesty.COS_FLOOR, honesty.HIT_Z = saved
    low_cov = sorted(rel)[:4]
    low_rule = sorted((r for r in rel if r[0] < honesty.HIT_COVERAGE), key=lambda r: r[1])
    weak_pairs = sorted(c for c in cos_low if c[1] < honesty.PAIR_FLOOR)
    lines = [
        f"{len(queries)} queries, {len(rel)} relevant hits in their top 10 (corpus index). "
        f"Relevant hits dropped by the rules: **{len(lost)}** {sorted(set(lost)) if lost else ''} "
        f"(lost-relevant rate {len(lost) / max(len(rel), 1):.1%}).",
        f"Off-topic queries: {len(OFF_TOPIC)}; still shown with hits (false “found”): "
        f"**{len(found)}** ({len(found) / len(OFF_TOPIC):.0%}): " + ", ".join(f"“{q}”" for q in found)
        + f". Before the off-topic rule (no cosine floor, HIT_Z 4.0): {before_found} off-topic "
        f"queries shown, {before_lost} relevant hits lost.",
        "",
        f"- lowest best cosine of a relevant query: {min(cos_low)[0]:.3f} (“{min(cos_low)[2]}”, best "
        f"pair coverage {min(cos_low)[1]:.2f}); among queries with pair coverage under PAIR_FLOOR = "
        f"{honesty.PAIR_FLOOR}: {weak_pairs[0][0]:.3f} (“{weak_pairs[0][2]}”); threshold COS_FLOOR = "
        f"{honesty.COS_FLOOR}",
        f"- highest unknown-word share of a query: {max(shares)[0]:.3f} (“{max(shares)[1]}”); "
        f"threshold UNKNOWN_SHARE = {honesty.UNKNOWN_SHARE}",
        f"- lowest best-hit coverage of a query: {min(q_best)[0]:.3f} (“{min(q_best)[1]}”); "
        f"threshold QUERY_FLOOR = {honesty.QUERY_FLOOR}",
        "- lowest coverages of relevant hits (coverage, z): "
        + "; ".join(f"({c:.3f}, {z:.2f}) “{q}”" for c, z, q in low_cov),
        f"- relevant hits under HIT_COVERAGE = {honesty.HIT_COVERAGE}, kept by z ≥ HIT_Z = "
        f"{honesty.HIT_Z}: " + ("; ".join(f"z {z:.2f} “{q}”" for _c, z, q in low_rule) or "none"),
        "",
        "| off-topic query | unknown-word share | best cosine | best pair coverage | hits | shown | reason |",
        "|---|---|---|---|---|---|---|", *off,
    ]
    body = "\n".join(lines)
    print(body)
    if args.write:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from results_md import replace_section

        replace_section("Search honesty: “không tìm thấy” thresholds", f"Command: `{COMMAND}`\n\n{body}")


if __name__ == "__main__":
    main()
