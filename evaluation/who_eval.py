"""Who-questions over an index of the 11 real plans: is the expected lead unit named first?

    .venv/bin/python evaluation/who_eval.py [--write] [--index DIR] [--rebuild] [--verbose] [--paraphrase]
    .venv/bin/python evaluation/who_eval.py --queries evaluation/queries_who_laws.json \
        --corpus ../shared/real/ingestion/docx --index /tmp/chinhsach-who-laws [--write]

The index is built from ``../shared/real/plans`` (all 11 plans, held-out ones included: they are
documents to search; their content is never read or tuned on here) into ``DIR`` (default
``/tmp/chinhsach-who-real``), reused when it exists unless ``--rebuild``. The questions are
``evaluation/queries_who_real.json``: each names the plan, the section and the lead unit(s) the
plan charges. A question counts as right at rank k when one of the first k *distinct units* of
:func:`chinhsach.answers.who.who` is an expected lead (names compared folded, with and without
the province's level word: "Công an thành phố" = "Công an thành phố Cần Thơ"). Reported
overall and split by questions typed with and without diacritics.

``--queries FILE --corpus DIR`` asks other questions over an index of another folder, scored the
same way: ``evaluation/queries_who_laws.json`` asks about the responsibility articles of the six
real laws of ``../shared/real/ingestion/docx`` (the articles of ``gold/fresh``; since session 6 a
development set: the extractor was tuned on those articles).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation"))

from chinhsach import build_index  # noqa: E402
from chinhsach.answers.who import who  # noqa: E402
from chinhsach.indexing import Index  # noqa: E402
from chinhsach.text.normalize import fold, normalize_text  # noqa: E402

QUERIES = ROOT / "evaluation" / "queries_who_real.json"
DEFAULT_INDEX = Path("/tmp/chinhsach-who-real")


def plans_dir() -> Path | None:
    for base in (ROOT, *ROOT.parents):
        cand = base / "shared" / "real" / "plans"
        if cand.is_dir():
            return cand
    return None


def unit_key(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", fold(normalize_text(name))).split())


def same_unit(a: str, b: str) -> bool:
    x, y = unit_key(a), unit_key(b)
    return x == y or x.startswith(y + " ") or y.startswith(x + " ")


def distinct_units(answer: list) -> list[str]:
    out: list[str] = []
    for r in answer:
        if not any(same_unit(r.unit, u) for u in out):
            out.append(r.unit)
    return out


def evaluate(index: Path, verbose: bool = False, queries_path: Path = QUERIES,
             split: str | None = None) -> dict[str, dict[str, float]]:
    """Top-1/top-2 overall and by diacritics; ``split`` keeps the questions of one half
    (``"dev"`` / ``"test"`` of a set that has them, e.g. queries_who_blind.json)."""
    queries = json.loads(queries_path.read_text(encoding="utf-8"))
    if split is not None:
        queries = [q for q in queries if q.get("split") == split]
    idx = Index.open(index)
    rows: list[tuple[bool, int | None]] = []
    for q in queries:
        units = distinct_units(who(idx, q["q"], k=10))
        rank = next((i + 1 for i, u in enumerate(units) if any(same_unit(u, g) for g in q["lead"])), None)
        rows.append((q["diacritics"], rank))
        if verbose:
            mark = "ok " if rank == 1 else f"@{rank}" if rank else "-- "
            print(f"{mark} {q['id']} {q['q'][:60]!r} expected {q['lead']} got {units[:3]}")
    out: dict[str, dict[str, float]] = {}
    for label, keep in (("all", lambda d: True), ("with diacritics", lambda d: d),
                        ("without diacritics", lambda d: not d)):
        sel = [r for d, r in rows if keep(d)]
        n = len(sel)
        out[label] = {"n": n,
                      "top1": sum(1 for r in sel if r == 1) / n if n else 0.0,
                      "top2": sum(1 for r in sel if r is not None and r <= 2) / n if n else 0.0}
    return out


# Other ways staff ask the same question, wrapped around each question's own topic: the
# question forms are not tuned on the 37 questions' wording (session 6).
PARAPHRASES = ("ai chịu trách nhiệm về {t}?", "sở nào phụ trách {t}?", "{t} do đơn vị nào chủ trì?",
               "trách nhiệm về {t} thuộc về ai?", "{t} là trách nhiệm của ai?",
               "đơn vị chủ trì {t} là ai", "cơ quan nào có trách nhiệm {t}?",
               "ai được giao nhiệm vụ {t}")


def paraphrases(index: Path, queries_path: Path = QUERIES) -> list[tuple[str, float, float]]:
    """Top-1 per question form over the questions typed with diacritics (their topic from
    ``topic_of``), as typed and folded (without diacritics)."""
    from chinhsach.answers.who import topic_of

    queries = [q for q in json.loads(queries_path.read_text(encoding="utf-8")) if q["diacritics"]]
    idx = Index.open(index)
    out = []
    for form in PARAPHRASES:
        right = {True: 0, False: 0}
        for q in queries:
            text = form.format(t=topic_of(q["q"]))
            for marks in (True, False):
                units = distinct_units(who(idx, text if marks else fold(text), k=10))
                right[marks] += bool(units) and any(same_unit(units[0], g) for g in q["lead"])
        out.append((form, right[True] / len(queries), right[False] / len(queries)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="update evaluation/RESULTS.md")
    parser.add_argument("--index", type=Path, default=DEFAULT_INDEX)
    parser.add_argument("--rebuild", action="store_true", help="re-read every plan into the index")
    parser.add_argument("--verbose", action="store_true", help="print every question's answer")
    parser.add_argument("--paraphrase", action="store_true",
                        help="also ask each question in other forms (top-1 per form)")
    parser.add_argument("--queries", type=Path, default=QUERIES, help="the questions (JSON, as queries_who_real.json)")
    parser.add_argument("--corpus", type=Path, nargs="+",
                        help="the folder(s) to index (default ../shared/real/plans)")
    parser.add_argument("--split", choices=("dev", "test"),
                        help="only the questions of one half of a set that has halves ('split')")
    args = parser.parse_args()
    corpora = args.corpus if args.corpus is not None else [plans_dir()]
    if any(c is None or not c.is_dir() for c in corpora):
        print(f"skipped: {' '.join(map(str, args.corpus or ['../shared/real/plans']))} not found (the real "
              "documents are not in the repository)", file=sys.stderr)
        return 0
    # Unchanged files are not re-read: pass --rebuild after changing the extractor.
    build_index(corpora, args.index, rebuild=args.rebuild)
    res = evaluate(args.index, args.verbose, args.queries, args.split)
    table = ("| questions | n | top-1 lead unit | top-2 lead unit |\n|---|---|---|---|\n"
             + "\n".join(f"| {k} | {v['n']} | {v['top1']:.3f} | {v['top2']:.3f} |" for k, v in res.items()))
    if args.paraphrase:
        forms = paraphrases(args.index, args.queries)
        n = sum(1 for q in json.loads(args.queries.read_text(encoding="utf-8")) if q["diacritics"])
        table += (f"\n\nThe same topics in other question forms ({n} questions typed with "
                  "diacritics, each form as typed and folded), top-1 lead unit:\n\n"
                  "| form | with diacritics | without |\n|---|---|---|\n"
                  + "\n".join(f"| {f} | {a:.3f} | {b:.3f} |" for f, a, b in forms))
    print(table)
    if args.write and args.queries.resolve() != QUERIES.resolve():
        from results_md import replace_section

        name = args.queries.name
        folders = " ".join(map(str, args.corpus or ["../shared/real/plans"]))
        body = (f"Command: `.venv/bin/python evaluation/who_eval.py --queries evaluation/{name} --corpus "
                f"{folders} --index {args.index} --rebuild{' --split ' + args.split if args.split else ''} --write`\n\n"
                f"Index: the documents of `{folders}` (not in the repository). Questions: "
                f"`evaluation/{name}`, scored as the plan questions (first k distinct units of `who`). "
                "**Development numbers** when the questions ask about articles the extractor was tuned "
                "on.\n\n" + table + "\n")
        replace_section(f"Who-questions: {name}{' (' + args.split + ')' if args.split else ''}", body)
    elif args.write:
        from results_md import replace_section

        body = ("Command: `make eval  # runs .venv/bin/python evaluation/who_eval.py --rebuild --paraphrase --write`\n\n"
                "Index: the 11 real 2025 plans of `../shared/real/plans` (not in the repository). "
                "Questions: `evaluation/queries_who_real.json` (expected lead unit taken from the plan). "
                "A question is right at k when one of the first k distinct units of `who` is an "
                "expected lead. **Development numbers**: the extractor was developed on 8 of these "
                "plans and the questions are about them. For reference, main at 46426e8 (before the "
                "issue-12 work) answered top-1 0.541, top-2 0.595 on the same questions. Questions "
                "about appendix-table duties (kh144, kh179) and the attached plan of qd2954 fail "
                "until those layouts are read.\n\n" + table + "\n")
        replace_section("Who-questions on the real plans", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
