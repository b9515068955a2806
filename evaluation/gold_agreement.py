"""Two golds of the same development plans, and the system, compared three ways.

    .venv/bin/python evaluation/gold_agreement.py [--write] [--verbose]

The development gold (``evaluation/gold/real/<stem>.json``) was written in earlier sessions and
corrected while the extractor was developed on those plans; the system scores 0.95-1.00 against it
and far less on the held-out plans. A second gold of some of the same plans
(``evaluation/gold/reann/<stem>.json``) was written blind in session 10 by annotators who read only
the plan and the guidelines (never the development gold, never the system's output). For each plan
with both golds this prints:

- system against the first (development) gold (what ``extraction_eval.py`` reports);
- system against the second gold (what a fresh annotator would have measured);
- first gold against the second gold: the two annotations' agreement, the first gold scored as
  if it were a prediction (same metrics, same matching as ``extraction_eval.py``).

Then the unit-with-role triples (section, unit, role) split by who has them: S system, D
first gold, R second gold. ``D R`` without S are system misses both golds agree on; ``S D``
without R are where the system and the development gold agree against a fresh reading (a drift of
the gold towards the system, or a miss of the second annotator); ``S R`` without D the opposite.

``--first evaluation/gold/heldout --second evaluation/gold/heldout-reann`` does the same for the
three held-out plans (a second gold written blind in session 10 under the current guidelines):
reported apart, never tuned on; ``--verbose`` is for development plans only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation"))

import extraction_eval  # noqa: E402
from gold_check import GoldFileError, document_path  # noqa: E402

from chinhsach import parse  # noqa: E402

REANN = ROOT / "evaluation" / "gold" / "reann"
DEV = ROOT / "evaluation" / "gold" / "real"
PATTERNS = ("S D R", "D R", "S D", "S R", "S", "D", "R")


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def every_unit_named(gold: dict) -> dict:
    """The second gold with each unit counted as named.

    The guidelines do not define ``explicit``; the second annotators used ``explicit: false`` for
    a unit a duty takes from its unit heading ("1. Sở Y tế" then "a) Chủ trì …"), which the
    development gold and the system count as named (they keep ``explicit: false`` for the plan's
    lead inherited by items that name nobody, which the second annotators left out)."""
    duties = [{**d, "units": [{**u, "explicit": True} for u in d.get("units", [])]}
              for d in gold.get("duties", [])]
    return {**gold, "duties": duties}


def triple_patterns(system: dict, dev: dict, second: dict) -> tuple[Counter, dict[str, list]]:
    """Counts of unit-with-role triples by the sources that have them, and the triples themselves.

    A triple a source has twice (the same unit and role in two duties of one section) counts
    twice, as in the F1 of ``extraction_eval``: its n-th copy belongs to the sources with n copies."""
    printed = extraction_eval.printed_names(dev, second)
    counters = {name: extraction_eval.unit_triples(d["duties"], printed=printed)
                for name, d in (("S", system), ("D", dev), ("R", second))}
    counts: Counter = Counter()
    members: dict[str, list] = {}
    for key in set().union(*counters.values()):
        for n in range(max(c[key] for c in counters.values())):
            pattern = " ".join(name for name in "SDR" if counters[name][key] > n)
            counts[pattern] += 1
            members.setdefault(pattern, []).append(key)
    return counts, members


def compare(second_dir: Path = REANN, first_dir: Path = DEV,
            verbose: bool = False) -> tuple[dict[str, dict], dict[str, Counter]]:
    """Scores per comparison and plan (plus the aggregate) and triple patterns per plan."""
    scores: dict[str, dict] = {"system vs first gold": {}, "system vs second gold": {},
                               "first gold vs second gold": {}}
    patterns: dict[str, Counter] = {}
    for path in sorted(second_dir.glob("*.json")):
        second = every_unit_named(_load(path))
        dev_path = first_dir / path.name
        if not dev_path.exists():
            print(f"skipped {path.name}: no first gold of that plan", file=sys.stderr)
            continue
        dev = _load(dev_path)
        try:
            system = parse(document_path(path, second["file"])).to_dict()
        except GoldFileError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
            continue
        stem = path.stem
        scores["system vs first gold"][stem] = extraction_eval.score(system, dev, stem, True)
        scores["system vs second gold"][stem] = extraction_eval.score(system, second, stem, True)
        scores["first gold vs second gold"][stem] = extraction_eval.score(dev, second, stem, True)
        counts, members = triple_patterns(system, dev, second)
        patterns[stem] = counts
        if verbose:
            for pattern in PATTERNS[1:]:
                for key in sorted(members.get(pattern, []), key=str):
                    print(f"{stem} [{pattern}] {key}")
    for by_plan in scores.values():
        if by_plan:
            by_plan["all"] = extraction_eval._aggregate(list(by_plan.values()))
    return scores, patterns


def disagreements(second_dir: Path = REANN, first_dir: Path = DEV) -> str:
    """Where the two golds differ, without running the system (for an adjudicator, who must
    not see the system's output): unit-with-role triples one gold has and the other has not,
    and timed duties whose deadline or recurrence differ (matched as ``extraction_eval`` does)."""
    lines = []
    for path in sorted(second_dir.glob("*.json")):
        dev_path = first_dir / path.name
        if not dev_path.exists():
            continue
        first, second = _load(dev_path), every_unit_named(_load(path))
        printed = extraction_eval.printed_names(first, second)
        a = extraction_eval.unit_triples(first["duties"], printed=printed)
        b = extraction_eval.unit_triples(second["duties"], printed=printed)
        lines += [f"{path.stem} units only in first: {key}" for key in sorted((a - b).elements(), key=str)]
        lines += [f"{path.stem} units only in second: {key}" for key in sorted((b - a).elements(), key=str)]
        for one, other, label in ((first, second, "first"), (second, first, "second")):
            used: set[int] = set()
            for duty in one["duties"]:
                if not (duty.get("deadline") or duty.get("recurring")):
                    continue
                k = extraction_eval.match_duty(duty, other["duties"], used)
                got = other["duties"][k] if k is not None else {}
                if (got.get("deadline"), got.get("recurring") or None) != (duty.get("deadline"), duty.get("recurring") or None):
                    lines.append(f"{path.stem} time in {label} gold: {duty['section']} "
                                 f"{duty.get('deadline')!r}/{duty.get('recurring')!r} vs "
                                 f"{got.get('deadline')!r}/{got.get('recurring')!r}"
                                 f"{'' if k is not None else ' (no matching duty)'}: {duty['text'][:80]}")
    return "\n".join(lines)


def report(scores: dict[str, dict], patterns: dict[str, Counter]) -> str:
    parts = []
    for name, by_plan in scores.items():
        table = extraction_eval.table({k: (v if k == "all" else {**v, "_group": "x"})
                                       for k, v in by_plan.items()})
        parts.append(f"**{name}**\n\n{table}\n")
    head = "| plan | " + " | ".join(PATTERNS) + " |\n|---|" + "---|" * len(PATTERNS) + "\n"
    total: Counter = Counter()
    rows = []
    for stem, counts in patterns.items():
        total.update(counts)
        rows.append(f"| {stem} | " + " | ".join(str(counts.get(p, 0)) for p in PATTERNS) + " |")
    rows.append("| **all** | " + " | ".join(str(total.get(p, 0)) for p in PATTERNS) + " |")
    parts.append("**Unit-with-role triples by source** (S system, D first gold, R second "
                 "gold)\n\n" + head + "\n".join(rows) + "\n")
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="update evaluation/RESULTS.md")
    parser.add_argument("--verbose", action="store_true", help="list the triples of each pattern")
    parser.add_argument("--second", type=Path, default=REANN, help="folder of the second gold")
    parser.add_argument("--first", type=Path, default=DEV, help="folder of the first gold (evaluation/gold/heldout "
                        "with --second evaluation/gold/heldout-reann: the held-out plans, reported apart)")
    parser.add_argument("--disagreements", action="store_true",
                        help="only list where the two golds differ (the system is not run)")
    args = parser.parse_args()
    if args.disagreements:
        print(disagreements(args.second, args.first))
        return
    out = report(*compare(args.second, args.first, args.verbose))
    print(out)
    if args.write:
        from results_md import replace_section

        body = ("Command: `.venv/bin/python evaluation/gold_agreement.py --write`\n\n"
                "Second gold: `evaluation/gold/reann/` (written blind in session 10 from the plan "
                "text and the guidelines only). Cells as in the extraction tables: F1 "
                "(true positives/predicted/gold); meta and deadlines accuracy (right/total).\n\n"
                + out)
        replace_section("Two golds of the development plans", body)


if __name__ == "__main__":
    main()
