"""Extraction quality against the gold annotations in ``evaluation/gold/``.

    .venv/bin/python evaluation/extraction_eval.py [--write]

For every gold file (the seed and the illustrative documents), parse the document with the
pipeline and report precision, recall and F1 for:
- targets: same section, same value (or both qualitative), same unit, indicator overlap ≥ 0.5
  (folded syllables); qualitative targets by text overlap;
- units with roles: (section, unit name, role) triples of explicitly named units;
- citations: (number, date) pairs of distinct cited documents;
- warnings: (code, section) pairs.
Matching is one-to-one (each gold item matches at most one predicted item).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from chinhsach import parse  # noqa: E402
from chinhsach.text.docnumber import doc_number_key  # noqa: E402
from chinhsach.text.normalize import fold, normalize_text  # noqa: E402

GOLD = ROOT / "evaluation" / "gold"


def syllables(text: str | None) -> set[str]:
    return set(re.findall(r"\w+", fold(normalize_text(text or ""))))


def overlap(a: str | None, b: str | None) -> float:
    x, y = syllables(a), syllables(b)
    if not x or not y:
        return 0.0
    inter = len(x & y)
    return 2 * inter / (len(x) + len(y))


def unit_key(unit: str | None) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", fold(normalize_text(unit or ""))).split())


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "predicted": n_pred, "gold": n_gold}


def match_targets(pred: list[dict], gold: list[dict]) -> int:
    used: set[int] = set()
    tp = 0
    for g in gold:
        best, best_score = None, 0.0
        for i, p in enumerate(pred):
            if i in used or p["section"] != g["section"]:
                continue
            if g["value"] is None:
                if p["value"] is not None:
                    continue
                score = overlap(p["text"], g["text"])
                if score < 0.5:
                    continue
            else:
                if p["value"] is None or abs(p["value"] - g["value"]) > 1e-6:
                    continue
                if unit_key(p["unit"]) != unit_key(g["unit"]):
                    continue
                score = overlap(p["indicator"], g["indicator"])
                if score < 0.5:
                    continue
            if score > best_score:
                best, best_score = i, score
        if best is not None:
            used.add(best)
            tp += 1
    return tp


def unit_triples(duties: list[dict], explicit_only: bool = True) -> Counter:
    out: Counter = Counter()
    for d in duties:
        seen = set()
        for u in d["units"]:
            if explicit_only and u.get("explicit") is False:
                continue
            key = (d["section"], unit_key(u["name"]), u["role"])
            if key not in seen:
                seen.add(key)
                out[key] += 1
    return out


def evaluate_file(gold_path: Path) -> dict:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = parse(ROOT / gold["file"]).to_dict()
    results: dict[str, dict] = {}
    gold_targets = gold["targets"]
    pred_targets = doc["targets"]
    if gold.get("quantified_only") or "illustrative" in gold.get("conventions", "") or \
            gold_path.stem.startswith("minh-hoa"):
        # The illustrative documents' gold lists quantified targets only.
        pred_targets = [t for t in pred_targets if t["value"] is not None]
    results["targets"] = prf(match_targets(pred_targets, gold_targets), len(pred_targets), len(gold_targets))
    g_units, p_units = unit_triples(gold["duties"]), unit_triples(doc["duties"])
    results["units_with_roles"] = prf(sum((g_units & p_units).values()), sum(p_units.values()),
                                      sum(g_units.values()))
    g_cit = {(doc_number_key(c["number"]), c["date"]) for c in gold["citations"]}
    p_cit = {(doc_number_key(c["number"]), c["date"]) for c in doc["citations"]}
    results["citations"] = prf(len(g_cit & p_cit), len(p_cit), len(g_cit))
    g_warn = Counter((w["code"], w["section"]) for w in gold["warnings"])
    p_warn = Counter((w["code"], w["section"]) for w in doc["warnings"]
                     if w["code"] in {"comparator_direction", "term_mismatch", "suspect_typo",
                                      "cited_date_after_document"})
    results["warnings"] = prf(sum((g_warn & p_warn).values()), sum(p_warn.values()), sum(g_warn.values()))
    results["_missed_units"] = sorted(map(list, (g_units - p_units).elements()))
    results["_extra_units"] = sorted(map(list, (p_units - g_units).elements()))
    return results


def evaluate_all(verbose: bool = False) -> dict[str, dict]:
    """Scores of every gold document (by file stem) and over all of them (``"all documents"``)."""
    files = sorted(p for p in GOLD.glob("*.json") if not p.name.startswith("check-"))
    out: dict[str, dict] = {}
    totals: dict[str, Counter] = {}
    for path in files:
        res = out[path.stem] = evaluate_file(path)
        if verbose:
            print(path.stem, "missed", res["_missed_units"], "extra", res["_extra_units"])
        for key in ("targets", "units_with_roles", "citations", "warnings"):
            r = res[key]
            totals.setdefault(key, Counter()).update({"tp": r["tp"], "predicted": r["predicted"], "gold": r["gold"]})
    out["all documents"] = {key: prf(c["tp"], c["predicted"], c["gold"]) for key, c in totals.items()}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="update evaluation/RESULTS.md")
    parser.add_argument("--verbose", action="store_true", help="list missed and extra unit roles")
    args = parser.parse_args()
    rows = []
    for stem, res in evaluate_all(args.verbose).items():
        label = f"**{stem}**" if stem == "all documents" else stem
        for key in ("targets", "units_with_roles", "citations", "warnings"):
            r = res[key]
            rows.append(f"| {label} | {key} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | "
                        f"{r['tp']}/{r['predicted']}/{r['gold']} |")
    table = "| document | what | precision | recall | F1 | tp/predicted/gold |\n|---|---|---|---|---|---|\n" + "\n".join(rows)
    print(table)
    if args.write:
        from results_md import replace_section

        body = ("Command: `make eval  # runs .venv/bin/python evaluation/extraction_eval.py --write`\n\n"
                "Gold: `evaluation/gold/*.json` (the seed, annotated by one team member, and three "
                "illustrative documents written and annotated by another; conventions in "
                "`evaluation/gold/GUIDELINES*.md`).\n\n" + table + "\n")
        replace_section("Extraction against the gold annotations", body)


if __name__ == "__main__":
    main()
