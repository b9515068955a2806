"""Units and roles on a fresh document type: the responsibility articles of six real laws.

    .venv/bin/python evaluation/fresh_eval.py [--write]

``evaluation/gold/fresh/`` holds gold for the articles of six real laws
(``../shared/real/ingestion/docx``) that charge state bodies with duties ("Điều 36. Trách nhiệm của
Bộ Công an …"), annotated in session 5 by someone who neither ran the system on these laws nor
looked at its output (see its README). It was measured once blind (RESULTS.md, "Fresh real check:
units and roles in six laws (measured once)", kept as it was); since session 6 it is development
data: the extractor was tuned on these articles, and ``--write`` updates the section "Fresh law
set: development (laws)". It is not part of ``make eval``.

Only what was annotated is scored (``annotated``: meta and duties) and only inside ``scope``: a
predicted duty counts when its section equals a scope id or starts with one and a dot. Scores:

- metadata: field accuracy (number, date, issuer, signer, type), as ``extraction_eval``;
- units with roles: P/R/F1 of (section, unit, role) triples, as ``extraction_eval``;
- units with roles, any section: P/R/F1 of (article, unit, role) triples, the section cut to its
  article (``D52.2.a`` → ``D52``), which separates reading the unit from placing the clause;
- recurrences: as ``extraction_eval``'s deadlines (gold duties with a deadline or recurrence).
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
sys.path.insert(0, str(ROOT / "evaluation"))

import extraction_eval  # noqa: E402
from gold_check import GoldFileError, document_path  # noqa: E402

from chinhsach import parse  # noqa: E402

FRESH = ROOT / "evaluation" / "gold" / "fresh"
FRESH_ALQAC = ROOT / "evaluation" / "gold" / "fresh-alqac"
FRESH_PDF = ROOT / "evaluation" / "gold" / "fresh-pdf"
FRESH_SCANS = ROOT / "evaluation" / "gold" / "fresh-scans"
# An attached document's sections carry its type's abbreviation ("KH.II.1", "QC.D31.2"); the gold
# of fresh-pdf writes "ATT." for any of them, so both sides are compared under that name.
_ATTACHED_PREFIX = re.compile(r"^[A-ZĐ]{2,4}\.(?=D\d|[IVXL]+(?:\.|$)|PL)")


def attached_as_att(section: str | None) -> str | None:
    return _ATTACHED_PREFIX.sub("ATT.", section) if section else section


def in_scope(section: str | None, scope: list[str]) -> bool:
    return bool(section) and any(section == s or section.startswith(s + ".") for s in scope)


def by_article(triples: Counter) -> Counter:
    out: Counter = Counter()
    for (section, unit, role), n in triples.items():
        out[(str(section).split(".")[0], unit, role)] += n
    return out


def score(gold_triples: Counter, pred_triples: Counter) -> dict[str, float]:
    return extraction_eval.prf(sum((gold_triples & pred_triples).values()), sum(pred_triples.values()),
                               sum(gold_triples.values()))


def evaluate_file(gold_path: Path) -> dict:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = parse(document_path(gold_path, gold["file"])).to_dict()
    for duty in doc["duties"]:
        duty["section"] = attached_as_att(duty["section"])
    scope = gold["scope"]
    duties = [d for d in doc["duties"] if in_scope(d["section"], scope)]
    g_units, p_units = extraction_eval.unit_triples(gold["duties"]), extraction_eval.unit_triples(duties, printed=extraction_eval.printed_names(gold))
    if "meta" in gold.get("annotated", ["meta"]):
        right, total, wrong = extraction_eval.meta_score(doc["meta"], gold["meta"])
    else:  # the ALQAC laws have no header: nothing to score
        right, total, wrong = 0, 0, []
    d_right, d_total = extraction_eval.deadline_score(duties, gold["duties"])
    return {"meta": {"right": right, "total": total, "wrong": wrong},
            "units_with_roles": score(g_units, p_units),
            "units_by_article": score(by_article(g_units), by_article(p_units)),
            "deadlines": {"right": d_right, "total": d_total},
            "_missed": sorted(map(list, (g_units - p_units).elements()), key=str),
            "_extra": sorted(map(list, (p_units - g_units).elements()), key=str)}


def evaluate_dir(folder: Path) -> dict[str, dict]:
    """Every gold file of a folder whose document is found (the others are skipped, saying why)."""
    results: dict[str, dict] = {}
    for path in sorted(folder.glob("*.json")):
        if path.name == "queries_who.json":
            continue
        try:
            results[path.stem] = evaluate_file(path)
        except GoldFileError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
    return results


def aggregate(results: list[dict]) -> dict:
    out: dict = {}
    for key in ("units_with_roles", "units_by_article"):
        c: Counter = Counter()
        for r in results:
            c.update({k: r[key][k] for k in ("tp", "predicted", "gold")})
        out[key] = extraction_eval.prf(c["tp"], c["predicted"], c["gold"])
    for key in ("meta", "deadlines"):
        out[key] = {"right": sum(r[key]["right"] for r in results),
                    "total": sum(r[key]["total"] for r in results)}
    return out


def table(results: dict[str, dict]) -> str:
    rows = ["| law / set | meta | units with roles F1 | units with roles F1, by article | recurrences |",
            "|---|---|---|---|---|"]
    for name, r in results.items():
        def f(key: str, r: dict = r) -> str:
            return f"{r[key]['f1']:.3f} ({r[key]['tp']}/{r[key]['predicted']}/{r[key]['gold']})"

        rows.append(f"| {name} | {extraction_eval._ratio(r['meta'])} | {f('units_with_roles')} | "
                    f"{f('units_by_article')} | {extraction_eval._ratio(r['deadlines'])} |")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="add the results to evaluation/RESULTS.md")
    parser.add_argument("--verbose", action="store_true", help="list missed and extra unit roles")
    parser.add_argument("--set", choices=("laws", "alqac", "pdf", "scans"), default="laws",
                        help="laws: the six DOCX laws (gold/fresh, development since session 6); "
                             "alqac: the five ALQAC laws of fresh_alqac_laws.py (gold/fresh-alqac); "
                             "pdf: the Word-made PDF decision with its attached regulation (gold/fresh-pdf); "
                             "scans: the six real scans, read through OCR (gold/fresh-scans)")
    parser.add_argument("--ocr-cache", metavar="DIR",
                        help="scans: keep each page's raw OCR in DIR (outside the repository) and reuse "
                             "it; the clean-up and extraction run afresh (see ocr_cache.py)")
    args = parser.parse_args()
    if args.set == "scans":
        if args.ocr_cache:
            import ocr_cache

            with ocr_cache.cached(args.ocr_cache):
                return main_scans(args)
        return main_scans(args)
    if args.set == "alqac":
        return main_alqac(args)
    if args.set == "pdf":
        return main_pdf(args)
    results = evaluate_dir(FRESH)
    if not results:
        print("skipped: ../shared/real/ingestion/docx not found (the laws are not in the repository)",
              file=sys.stderr)
        return 0
    if args.verbose:
        for name, r in results.items():
            print(name, "meta wrong", r["meta"]["wrong"], "\n  missed", r["_missed"], "\n  extra", r["_extra"])
    results["**set: fresh (six laws)**"] = aggregate(list(results.values()))
    out = table(results)
    print(out)
    if args.write:
        from results_md import replace_section

        body = ("Command: `.venv/bin/python evaluation/fresh_eval.py --write` (not part of `make eval`).\n\n"
                "Gold: `evaluation/gold/fresh/` (responsibility articles of six real laws, 84 duties, "
                "134 unit mentions after the [decided, laws] rules of GUIDELINES-real.md). **Development "
                "numbers**: the extractor was tuned on these articles in session 6; the blind measurement "
                "is the section \"Fresh real check: units and roles in six laws (measured once)\". Cells: "
                "F1 (true positives/predicted/gold); meta and recurrences: accuracy (right/total).\n\n"
                + out + "\n")
        replace_section("Fresh law set: development (laws)", body)
    return 0


def main_alqac(args: argparse.Namespace) -> int:
    """The second fresh set: responsibility articles of five ALQAC laws (see fresh_alqac_laws)."""
    from fresh_alqac_laws import MissingCorpus, assemble

    try:
        assemble()
    except MissingCorpus as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return 0
    results = evaluate_dir(FRESH_ALQAC)
    if not results:
        print(f"skipped: no gold in {FRESH_ALQAC.relative_to(ROOT)}", file=sys.stderr)
        return 0
    if args.verbose:
        for name, r in results.items():
            print(name, "\n  missed", r["_missed"], "\n  extra", r["_extra"])
    results["**set: five ALQAC laws**"] = aggregate(list(results.values()))
    out = table(results).replace("| meta |", "| meta (not annotated) |")
    print(out)
    if args.write:
        from results_md import replace_section

        body = ("Command: `.venv/bin/python evaluation/fresh_eval.py --set alqac --write` (not part of "
                "`make eval`; the laws are assembled from ../shared by `evaluation/fresh_alqac_laws.py`).\n\n"
                "Gold: `evaluation/gold/fresh-alqac/` (see its README). Cells: F1 (true positives/"
                "predicted/gold); recurrences: accuracy (right/total).\n\n" + out + "\n")
        replace_section("Fresh ALQAC laws: units and roles", body)
    return 0


def main_pdf(args: argparse.Namespace) -> int:
    """The third fresh set: a decision and the regulation attached to it (a Word-made PDF)."""
    results = evaluate_dir(FRESH_PDF)
    if not results:
        print("skipped: ../shared/real/ingestion/pdf_text not found, or no gold", file=sys.stderr)
        return 0
    for name, r in results.items():
        if args.verbose:
            print(name, "meta wrong", r["meta"]["wrong"], "\n  missed", r["_missed"], "\n  extra", r["_extra"])
    print(table(results))
    return 0


def evaluate_scan(gold_path: Path) -> dict:
    """One scan against its gold, read as a user's build reads it (``ocr="auto"``).

    The gold was written from the page images (its quotes are what the page says, not any text
    layer), so duties and targets are matched by section and shared syllables as in
    ``extraction_eval``; OCR misreadings of a unit's name count as misses, as they would for a
    user. Header fields written by hand into the printed blanks (``meta.handwritten``) are not
    scored: Tesseract does not read handwriting, and the OCR section of RESULTS.md shows those
    fields come out unread, never wrong."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = parse(document_path(gold_path, gold["file"]), ocr="auto").to_dict()
    # A letter's paragraphs outside any numbered item: the gold writes "BODY" (or null), the
    # system no section; both are the document's body.
    for item in doc["duties"] + doc["targets"]:
        item["section"] = attached_as_att(item["section"]) or "BODY"
    for item in gold["duties"]:
        item["section"] = item["section"] or "BODY"
    handwritten = set(gold["meta"].get("handwritten") or [])
    fields = [f for f in extraction_eval.META_FIELDS if f not in handwritten]
    wrong = extraction_eval.meta_score(doc["meta"], gold["meta"])[2]
    meta_wrong = [f for f in fields if f in wrong]
    scope = [*gold["scope"], "BODY"]
    duties = [d for d in doc["duties"] if in_scope(d["section"], scope)]
    g_units, p_units = extraction_eval.unit_triples(gold["duties"]), extraction_eval.unit_triples(duties, printed=extraction_eval.printed_names(gold))
    d_right, d_total = extraction_eval.deadline_score(duties, gold["duties"])
    baselines = gold.get("baselines", [])
    # Targets a report quotes from another plan ("from_cited_plan") are neither required nor wrong.
    own = [t for t in gold["targets"] if not t.get("from_cited_plan")]
    quoted = extraction_eval.match_targets(doc["targets"], [t for t in gold["targets"] if t.get("from_cited_plan")])
    return {"meta": {"right": len(fields) - len(meta_wrong), "total": len(fields), "wrong": meta_wrong},
            "targets": extraction_eval.prf(extraction_eval.match_targets(doc["targets"], own),
                                           len(doc["targets"]) - quoted, len(own)),
            "baselines_as_targets": {"right": extraction_eval.match_targets(doc["targets"], baselines),
                                     "total": len(baselines)},
            "units_with_roles": score(g_units, p_units),
            "units_by_article": score(by_article(g_units), by_article(p_units)),
            "deadlines": {"right": d_right, "total": d_total},
            "citations": extraction_eval.citation_score(doc["citations"], gold["citations"]),
            "_missed": sorted(map(list, (g_units - p_units).elements()), key=str),
            "_extra": sorted(map(list, (p_units - g_units).elements()), key=str),
            "_targets": [(t["section"], t["indicator"], t["value"], t["unit"], t["year"]) for t in doc["targets"]]}


def main_scans(args: argparse.Namespace) -> int:
    """The fourth fresh set: six real scans of a provincial health department (no text layer)."""
    results: dict[str, dict] = {}
    for path in sorted(FRESH_SCANS.glob("*.json")):
        try:
            results[path.stem] = evaluate_scan(path)
        except GoldFileError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
    if not results:
        print("skipped: ../shared/real/ingestion/pdf_scanned not found, or no gold in "
              f"{FRESH_SCANS.relative_to(ROOT)}", file=sys.stderr)
        return 0
    if args.verbose:
        for name, r in results.items():
            print(name, "meta wrong", r["meta"]["wrong"], "\n  missed", r["_missed"], "\n  extra", r["_extra"],
                  "\n  targets", r["_targets"])
    total = aggregate(list(results.values()))
    for key in ("targets", "citations"):
        c: Counter = Counter()
        for r in results.values():
            c.update({k: r[key][k] for k in ("tp", "predicted", "gold")})
        total[key] = extraction_eval.prf(c["tp"], c["predicted"], c["gold"])
    total["baselines_as_targets"] = {k: sum(r["baselines_as_targets"][k] for r in results.values())
                                     for k in ("right", "total")}
    results["**set: six scans**"] = total
    rows = ["| scan / set | meta (printed fields) | targets F1 | baselines read as targets | units with roles F1 "
            "| units with roles F1, by article | deadlines | citations F1 |", "|---|---|---|---|---|---|---|---|"]
    for name, r in results.items():
        def f(key: str, r: dict = r) -> str:
            return f"{r[key]['f1']:.3f} ({r[key]['tp']}/{r[key]['predicted']}/{r[key]['gold']})"

        rows.append(f"| {name} | {extraction_eval._ratio(r['meta'])} | {f('targets')} | "
                    f"{extraction_eval._ratio(r['baselines_as_targets'])} | {f('units_with_roles')} | "
                    f"{f('units_by_article')} | {extraction_eval._ratio(r['deadlines'])} | {f('citations')} |")
    out = "\n".join(rows)
    print(out)
    if args.write:
        from results_md import replace_section

        body = ("Command: `.venv/bin/python evaluation/fresh_eval.py --set scans --write` (not part of "
                "`make eval`: about five minutes of OCR).\n\nGold: `evaluation/gold/fresh-scans/` (see its "
                "README). Cells: F1 (true positives/predicted/gold); meta, deadlines: accuracy (right/total); "
                "baselines read as targets: achieved figures the system reported as targets (lower is "
                "better).\n\n" + out + "\n")
        replace_section("Fresh scans: extraction through OCR", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
