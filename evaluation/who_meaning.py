"""Calibrate answers/who.py MEANING_FLOOR: how close in meaning is the closest segment for the
questions of the who sets and for questions nothing answers (queries_who_negative.json)?

    .venv/bin/python evaluation/who_meaning.py --set QUERIES INDEX [--set ...] --negative INDEX [...]

Every INDEX must already be built (who_eval.py --corpus DIR --index INDEX --rebuild). Each
question is answered twice, with the meaning admission always on (floor -inf) and always off
(floor +inf), and the dense similarity of its closest scanned segment is recorded: the outcome
at any floor F is the first answer when that similarity reaches F, else the second. Printed:
per set, the top-1/top-2 at each candidate floor; per negative question, the similarity and
whether it gets evidence by words (a chance word pair) or only by meaning. Writes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation"))

from who_eval import distinct_units, same_unit  # noqa: E402

import chinhsach.answers.who as who_mod  # noqa: E402
from chinhsach.indexing import Index  # noqa: E402

NEGATIVES = ROOT / "evaluation" / "queries_who_negative.json"


def _answer(idx: Index, question: str, floor: float) -> tuple[list, float | None]:
    """The answer at this floor and the similarity of the closest scanned segment."""
    seen: list[float] = []
    gaps: list[float] = []
    original = who_mod._closest_in_meaning

    def recording(ranked, dense):  # noqa: ANN001, ANN202 - same signature as the original
        if dense is not None and ranked:
            sims = sorted((float(dense[i]) for i, _ in ranked[:who_mod.EVIDENCE_SCAN]), reverse=True)
            best = max((i for i, _ in ranked[:who_mod.EVIDENCE_SCAN]), key=lambda i: float(dense[i]))
            gaps.append(float(next(n for n, (i, _) in enumerate(ranked) if i == best)))
            seen.append(sims[0])
        return original(ranked, dense)

    who_mod._closest_in_meaning = recording
    saved, who_mod.MEANING_FLOOR = who_mod.MEANING_FLOOR, floor
    try:
        answer = who_mod.who(idx, question, k=10)
    finally:
        who_mod._closest_in_meaning, who_mod.MEANING_FLOOR = original, saved
    _answer.gap = gaps[0] if gaps else None  # type: ignore[attr-defined]
    return answer, (seen[0] if seen else None)


def _rank(answer: list, lead: list[str]) -> int | None:
    units = distinct_units(answer)
    return next((i + 1 for i, u in enumerate(units) if any(same_unit(u, g) for g in lead)), None)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", nargs=2, action="append", default=[], metavar=("QUERIES", "INDEX"))
    ap.add_argument("--negative", nargs="+", default=[], metavar="INDEX")
    ap.add_argument("--floors", default="0.80,0.82,0.83,0.84,0.85,0.86,0.87,0.88,0.89,0.90")
    args = ap.parse_args()
    floors = [float("inf"), *(float(f) for f in args.floors.split(",")), float("-inf")]
    for queries, index in args.set:
        rows = []
        with Index.open(Path(index)) as idx:
            for q in json.loads(Path(queries).read_text(encoding="utf-8")):
                on, sim = _answer(idx, q["q"], float("-inf"))
                off, _ = _answer(idx, q["q"], float("inf"))
                rows.append((q["id"], sim, _rank(on, q["lead"]), _rank(off, q["lead"]), _answer.gap))
        print(f"== {Path(queries).name} ({len(rows)} questions)")
        for f in floors:
            ranks = [on if sim is not None and sim >= f else off for _, sim, on, off, _ in rows]
            print(f"  floor {f:>5}: top1 {sum(r == 1 for r in ranks) / len(ranks):.3f}"
                  f" top2 {sum(r is not None and r <= 2 for r in ranks) / len(ranks):.3f}")
        for qid, sim, on, off, gap in rows:
            if on != off:
                print(f"  {qid} closest {sim:.4f} rank {gap:.0f}: rank admitted {on} / not {off}")
    negatives = json.loads(NEGATIVES.read_text(encoding="utf-8"))["questions"]
    for index in args.negative:
        with Index.open(Path(index)) as idx:
            print(f"== negatives over {index}")
            for q in negatives:
                on, sim = _answer(idx, q["q"], float("-inf"))
                off, _ = _answer(idx, q["q"], float("inf"))
                by_words = any(r.evidence for r in off)
                by_meaning = any(e.match == "meaning" for r in on for e in r.evidence)
                print(f"  {q['id']} closest {sim if sim is None else round(sim, 4)} rank {_answer.gap:.0f}"
                      f" words {'EVIDENCE' if by_words else '-'} meaning {'EVIDENCE' if by_meaning else '-'}"
                      f" {[r.unit for r in off][:2] if by_words else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
