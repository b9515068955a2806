"""Table-row quality on the development gold: duties and targets of appendix tables.

    PYTHONPATH=src .venv/bin/python evaluation/table_eval.py [--json]

For every gold file in ``evaluation/gold/real/`` the items whose section starts with ``PL`` or
``KH.PL`` (rows of appendix tables, GUIDELINES-real.md) are compared with the parser's items of
the same sections:

- duties: (section, lead unit) pairs — the row is found and its lead is right;
- units with roles: (section, unit, role) triples of explicitly named units;
- deadlines: share of gold table duties whose section is predicted with the same ``deadline``
  and ``recurring``;
- targets: ``extraction_eval.match_targets`` (same section, value, unit, indicator overlap ≥ 0.5);
  also with the attached-plan prefix ``KH.`` dropped on both sides (``targets KH~``), which
  measures the tables apart from the reading of a decision's attached plan (layout-header).

Held-out plans are never read here.
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

from extraction_eval import match_targets, prf, printed_names, unit_key, unit_triples  # noqa: E402
from gold_check import document_path  # noqa: E402

from chinhsach import parse  # noqa: E402

GOLD = ROOT / "evaluation" / "gold" / "real"


def in_table(section: str | None) -> bool:
    return bool(section) and (section.startswith("PL") or section.startswith("KH.PL"))


def _unprefixed(items: list[dict]) -> list[dict]:
    return [{**x, "section": x["section"].removeprefix("KH.")} for x in items]


def lead_pairs(duties: list[dict]) -> Counter:
    return Counter((d["section"], unit_key(u["name"])) for d in duties for u in d["units"]
                   if u["role"] == "lead" and u.get("explicit", True) is not False)


def evaluate(path: Path) -> dict:
    gold = json.loads(path.read_text(encoding="utf-8"))
    g_duties = [d for d in gold["duties"] if in_table(d["section"])]
    g_targets = [t for t in gold["targets"] if in_table(t["section"])]
    doc = parse(document_path(path, gold["file"])).to_dict()
    p_duties = [d for d in doc["duties"] if in_table(d["section"])]
    p_targets = [t for t in doc["targets"] if in_table(t["section"])]
    g_lead, p_lead = lead_pairs(g_duties), lead_pairs(p_duties)
    g_units, p_units = unit_triples(g_duties), unit_triples(p_duties, printed=printed_names(gold))
    by_section = {d["section"]: d for d in p_duties}
    on_time = sum(1 for d in g_duties if d["section"] in by_section
                  and by_section[d["section"]]["deadline"] == d.get("deadline")
                  and by_section[d["section"]]["recurring"] == d.get("recurring"))
    return {
        "duties": prf(sum((g_lead & p_lead).values()), sum(p_lead.values()), sum(g_lead.values())),
        "units_with_roles": prf(sum((g_units & p_units).values()), sum(p_units.values()),
                                sum(g_units.values())),
        "deadlines": {"accuracy": on_time / len(g_duties) if g_duties else 1.0,
                      "right": on_time, "gold": len(g_duties)},
        "targets": prf(match_targets(p_targets, g_targets), len(p_targets), len(g_targets)),
        "targets_kh_ignored": prf(match_targets(_unprefixed(p_targets), _unprefixed(g_targets)),
                                  len(p_targets), len(g_targets)),
        "rows": {"gold_duties": len(g_duties), "predicted_duties": len(p_duties),
                 "gold_targets": len(g_targets), "predicted_targets": len(p_targets)},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args()
    results: dict[str, dict] = {}
    totals: dict[str, Counter] = {k: Counter() for k in ("duties", "units_with_roles", "targets",
                                                          "targets_kh_ignored")}
    deadline = Counter()
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if not any(in_table(x["section"]) for x in gold["duties"] + gold["targets"]):
            continue
        res = results[path.stem] = evaluate(path)
        for key, counter in totals.items():
            counter.update({k: res[key][k] for k in ("tp", "predicted", "gold")})
        deadline.update({"right": res["deadlines"]["right"], "gold": res["deadlines"]["gold"]})
    results["all"] = {key: prf(c["tp"], c["predicted"], c["gold"]) for key, c in totals.items()}
    results["all"]["deadlines"] = {"accuracy": deadline["right"] / deadline["gold"] if deadline["gold"] else 1.0,
                                   **deadline}
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return
    print(f"{'document':56} {'duties F1':>9} {'units F1':>9} {'deadline':>9} {'targets F1':>10} "
          f"{'targets KH~':>11}")
    for name, res in results.items():
        print(f"{name[:56]:56} {res['duties']['f1']:9.3f} {res['units_with_roles']['f1']:9.3f} "
              f"{res['deadlines']['accuracy']:9.3f} {res['targets']['f1']:10.3f} "
              f"{res['targets_kh_ignored']['f1']:11.3f}")


if __name__ == "__main__":
    main()
