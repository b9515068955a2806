"""Who-questions and their twins: the same question with and without diacritics.

    .venv/bin/python evaluation/restore_twins.py --index DIR [--queries FILE ...]

A staff member types a question with or without marks; the answer should not depend on it.
Every question of the development who sets (``queries_who_blind.json`` set 1 and
``queries_who_real.json``) gets its twin: a question typed with marks is folded
(:func:`chinhsach.text.normalize.fold`), a question typed without gets its marks back by hand
(``queries_who_marked_twins.json``). Both forms go to :func:`chinhsach.answers.who.who` over the
same index; the table lists the pairs whose first answers differ, with the syllables the
query-side restoration (:mod:`chinhsach.indexing.restore`) got wrong and the words each signal
sees. ``--index`` must hold the seed and the 8 development plans (``who_eval.py --corpus``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation"))

from who_eval import distinct_units, same_unit  # noqa: E402

from chinhsach.answers.who import who  # noqa: E402
from chinhsach.indexing import Index  # noqa: E402
from chinhsach.text.normalize import canonical_tones, fold, has_diacritics  # noqa: E402
from chinhsach.text.tokens import syllables  # noqa: E402

SETS = (ROOT / "evaluation" / "queries_who_blind.json", ROOT / "evaluation" / "queries_who_real.json")
TWINS = ROOT / "evaluation" / "queries_who_marked_twins.json"


def marked_twins() -> dict[str, str]:
    """Question id → the question with its marks (for the ones typed without)."""
    return {k: v for k, v in json.loads(TWINS.read_text(encoding="utf-8")).items() if not k.startswith("_")}


def pairs(path: Path) -> list[tuple[dict, str, str]]:
    """(question, marked form, folded form) of every question of ``path`` (all development)."""
    twins = marked_twins()
    out = []
    for q in json.loads(path.read_text(encoding="utf-8")):
        marked = q["q"] if q.get("diacritics", True) else twins[q["id"]]
        out.append((q, marked, fold(marked, keep_case=True)))
    return out


def wrong_syllables(restored: str, marked: str) -> list[str]:
    got = [canonical_tones(s.lower()) for s in syllables(restored)]
    want = [canonical_tones(s.lower()) for s in syllables(marked)]
    return [f"{g}≠{w}" for g, w in zip(got, want, strict=False) if g != w]


def rank_of(units: list[str], lead: list[str]) -> int | None:
    return next((i + 1 for i, u in enumerate(units) if any(same_unit(u, g) for g in lead)), None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--queries", type=Path, nargs="*", default=list(SETS))
    parser.add_argument("--all", action="store_true", help="list every pair, not only the differing ones")
    args = parser.parse_args()
    idx = Index.open(args.index)
    for path in args.queries:
        rows = pairs(path)
        right = {"marked": 0, "folded": 0}
        sylls = bad = 0
        print(f"## {path.name} ({len(rows)} questions)")
        print("| id | typed | marked: rank | folded: rank | restoration errors | word terms only in one form |")
        print("|---|---|---|---|---|---|")
        for q, marked, folded in rows:
            ranks = {}
            for form, text in (("marked", marked), ("folded", folded)):
                ranks[form] = rank_of(distinct_units(who(idx, text, k=10)), q["lead"])
                right[form] += ranks[form] == 1
            restored = idx.restorer.restore(idx._restore(folded)[0])
            marked_norm = idx._restore(marked)[1]
            errors = wrong_syllables(restored, marked_norm)
            sylls += len(syllables(marked_norm))
            bad += len(errors)
            if ranks["marked"] != ranks["folded"] or args.all:
                pm, pf = idx.prepare(marked), idx.prepare(folded)
                only = sorted(set(pm.word_terms) ^ set(pf.word_terms))
                typed = "marks" if q.get("diacritics", True) and has_diacritics(q["q"]) else "plain"
                print(f"| {q['id']} | {typed} | {ranks['marked']} | {ranks['folded']} | "
                      f"{', '.join(errors) or '-'} | {', '.join(only) or '-'} |")
        n = len(rows)
        print(f"\ntop-1 marked {right['marked'] / n:.3f}, folded {right['folded'] / n:.3f}; "
              f"restoration syllable errors {bad}/{sylls} ({bad / max(sylls, 1):.3f})\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
