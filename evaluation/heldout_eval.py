"""The held-out measurement: extraction and who-questions on the three real plans kept apart.

    .venv/bin/python evaluation/heldout_eval.py [--write] [--index DIR]

``evaluation/gold/heldout/`` holds the gold of kh141 (Bắc Ninh), kh160 (Cần Thơ) and kh310
(Hà Nội) and 16 who-questions about them, annotated by someone who neither ran the system nor
looked at its output, and kept out of the development work: nobody tuning the extractor or
the ranking opened these plans. The script is run once, after the work, and its numbers are
reported apart from the development numbers (``extraction_eval.py``, ``who_eval.py``), with the
same metrics, so the two can be compared.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation"))

import extraction_eval  # noqa: E402
import who_eval  # noqa: E402

from chinhsach import build_index  # noqa: E402

HELDOUT = ROOT / "evaluation" / "gold" / "heldout"


def extraction() -> str:
    results: dict[str, dict] = {}
    for path in sorted(HELDOUT.glob("*.json")):
        if path.name == "queries_who.json":
            continue
        res = extraction_eval.evaluate_file(path, real=True)
        res["_group"] = "held-out"
        results[path.stem] = res
    members = [r for r in results.values() if "_group" in r]
    results["set: real (held-out)"] = extraction_eval._aggregate(members)
    return extraction_eval.table(results)


def who(index: Path) -> str:
    plans = who_eval.plans_dir()
    if plans is None:
        return "skipped: ../shared/real/plans not found"
    build_index([plans], index)
    res = who_eval.evaluate(index, queries_path=HELDOUT / "queries_who.json")
    return ("| questions | n | top-1 lead unit | top-2 lead unit |\n|---|---|---|---|\n"
            + "\n".join(f"| {k} | {v['n']} | {v['top1']:.3f} | {v['top2']:.3f} |" for k, v in res.items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="add the results to evaluation/RESULTS.md")
    parser.add_argument("--index", type=Path, default=Path("/tmp/chinhsach-who-heldout"))
    args = parser.parse_args()
    if who_eval.plans_dir() is None:
        print("skipped: ../shared/real/plans not found (the real plans are not in the repository)",
              file=sys.stderr)
        return 0
    ext, answers = extraction(), who(args.index)
    print(ext)
    print()
    print(answers)
    if args.write:
        from results_md import replace_section

        body = ("Command: `.venv/bin/python evaluation/heldout_eval.py --write` (run once, after "
                "the work; not part of `make eval`, so that nobody tunes on it).\n\n"
                "Gold: `evaluation/gold/heldout/` (kh141, kh160, kh310; annotated without running "
                "or looking at the system, see its README). Same metrics as the development "
                "tables above.\n\nExtraction:\n\n" + ext + "\n\nWho-questions (index of all 11 "
                "plans):\n\n" + answers + "\n")
        replace_section("Held-out real plans (measured once)", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
