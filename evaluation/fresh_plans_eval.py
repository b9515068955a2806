"""Extraction on real plans from outside ``../shared``: a development part and a held-out part.

    .venv/bin/python evaluation/fresh_plans_eval.py --docs DIR [--set dev|heldout] [--batch s13|s14|s15|s16|s17|s18]
        [--verbose] [--write]

Why: the 8 development plans of ``../shared/real/plans`` were read rule by rule for eleven
sessions, and the 3 held-out ones have been measured so often (eleven times) that they no longer
count as unseen. ``evaluation/gold/fresh-plans/`` annotates further real 2025 plans and
decisions of other provinces, fetched from the public crawl the shared plans came from
(``tnt305/tai_lieu_noi_bo``, ``src/etl/dataset/<md5(url)[:16]>.md``; each gold file records the
path, commit and page address). The texts are not in the repository (``--docs`` names the
folder holding them as ``<doc_id>.md``); without them the script says so and exits 0.

The gold holds facts, not sentences (no text is copied from the crawl): metadata, quantified
targets (section, indicator, value, unit), duties as (section, units with roles, deadline,
recurrence) and cited documents. Scores, as ``extraction_eval`` where the gold allows:

- metadata: field accuracy over number, date, issuer, signer, type;
- targets: P/R/F1 over quantified targets (same section, value, unit, and at least half of the
  gold indicator's syllables in the predicted one: the gold names the indicator in at most six
  words while the extractor keeps the whole clause, so ``extraction_eval``'s two-sided overlap
  would fail on length alone — decided on the dev gold of kh624 before any held-out run);
- units with roles: P/R/F1 of (section, unit, role) triples of explicitly named units;
- deadlines: accuracy over gold duties with a deadline or recurrence: some predicted duty of the
  same section, not matched before, has the same ISO deadline and recurrence (the text-free gold
  cannot pick the duty by its words, so this is a little kinder than ``extraction_eval``'s);
- citations: P/R/F1 of (number, date) pairs.

``set`` in each gold file is ``dev`` (helpers read the plan and its output while fixing) or
``heldout`` (annotated without running the system; measured once, at the end of the session that
fetched it). ``batch`` says which session fetched the document: ``s13`` (absent in those files:
2025 provincial plans and other 2025 documents of the crawl) or ``s14`` (documents of other levels
and years from two further public repositories: Government resolutions with task tables, the Prime
Minister's decisions and directives, ministries' plans, a province's plans and letters) or
``s15`` (documents fetched in session 15, chosen for duty tables printed as text) or ``s16``
(fetched in session 16 for variety: tables, plans of other levels and Party bodies, letters and
notices) or ``s17`` (fetched in session 17 from three further public repositories: OCR'd scans of
ministries' letters, notices, telegrams and plans with duty tables, commune election plans, a
national Party body's plan, a Government resolution with a 140-row duty table) or ``s18`` (fetched
in session 18 from the same and further public repositories); each batch's held-out part is
measured, and reported, on its own. A held-out part that
has been measured is spent: from session 16 on, the held-out parts of s13, s14 and s15 are
development data (their gold keeps ``"set": "heldout"`` as a record of how it was written, and
their numbers after session 16 are development numbers); from session 17 on, so is s16's; from
session 18 on, so is s17's.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation"))

import extraction_eval as ee  # noqa: E402
from fresh_eval import in_scope  # noqa: E402

from chinhsach import parse  # noqa: E402

GOLD = ROOT / "evaluation" / "gold" / "fresh-plans"
REANN = ROOT / "evaluation" / "gold" / "fresh-plans-reann"


def same_time_in_section(gold_duty: dict, pred: list[dict], used: set[int]) -> int | None:
    """A predicted duty of the gold duty's section, not matched before, with its time: the
    text-free gold cannot pick the duty by its words."""
    for i, p in enumerate(pred):
        if (i not in used and p["section"] == gold_duty["section"]
                and p.get("deadline") == gold_duty.get("deadline")
                and (p.get("recurring") or None) == (gold_duty.get("recurring") or None)):
            used.add(i)
            return i
    return None


def score(doc: dict, gold: dict) -> dict:
    # A partial gold (a long document annotated in part within the annotator's time, its notes
    # say which) lists the parts it left out in "unannotated_sections": what the system finds
    # there is neither right nor wrong, so it is not scored (before, a system that read more of
    # such a document scored lower: s17 qd2439's ten OCR'd appendix tables). A section is left
    # out with all the sections under it, as fresh_eval's scope takes them in.
    skipped = gold.get("unannotated_sections", [])
    if skipped:
        doc = {**doc, "duties": [d for d in doc["duties"] if not in_scope(d.get("section"), skipped)],
               "targets": [t for t in doc["targets"] if not in_scope(t.get("section"), skipped)]}
    pred_targets = [t for t in doc["targets"] if t["value"] is not None]
    gold_targets = [t for t in gold["targets"] if t.get("value") is not None]
    g_units = ee.unit_triples(gold["duties"])
    p_units = ee.unit_triples(doc["duties"], printed=ee.printed_names(gold))
    right, total, wrong = ee.meta_score(doc["meta"], gold["meta"])
    d_right, d_total = ee.deadline_score(doc["duties"], gold["duties"], same_time_in_section)
    return {
        "targets": ee.prf(ee.match_targets(pred_targets, gold_targets, ee.containment),
                          len(pred_targets), len(gold_targets)),
        "units_with_roles": ee.prf(sum((g_units & p_units).values()), sum(p_units.values()),
                                   sum(g_units.values())),
        "citations": ee.citation_score(doc["citations"], gold.get("citations", [])),
        "warnings": ee.prf(0, 0, 0),  # not annotated; kept so ee._aggregate applies
        "meta": {"right": right, "total": total, "wrong": wrong},
        "deadlines": {"right": d_right, "total": d_total},
        "_missed_units": sorted(map(list, (g_units - p_units).elements()), key=str),
        "_extra_units": sorted(map(list, (p_units - g_units).elements()), key=str),
    }


def evaluate(docs: Path, which: str | None, verbose: bool = False,
             batch: str | None = None) -> dict[str, dict] | None:
    out: dict[str, dict] = {}
    groups: dict[str, list[dict]] = {}
    golds = sorted(GOLD.glob("*.json"))
    missing = [g.stem for g in golds if not (docs / f"{g.stem}.md").is_file()]
    if golds and len(missing) == len(golds):
        return None
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        if which and gold.get("set") != which:
            continue
        if batch and gold.get("batch", "s13") != batch:
            continue
        doc_path = docs / f"{path.stem}.md"
        if not doc_path.is_file():
            print(f"skipped: {doc_path} not found", file=sys.stderr)
            continue
        res = score(parse(doc_path).to_dict(), gold)
        res["_group"] = gold.get("set", "dev")
        out[path.stem] = res
        groups.setdefault(f"set: fresh plans ({res['_group']})", []).append(res)
        if verbose:
            print(path.stem, "meta wrong", res["meta"]["wrong"])
            print("  missed", res["_missed_units"])
            print("  extra", res["_extra_units"])
    for name, members in sorted(groups.items()):
        out[name] = ee._aggregate(members)
    return out


def agreement(batch: str | None = None) -> dict[str, dict]:
    """The second blind annotations (``fresh-plans-reann/``) scored against the first, as if
    they were predictions: how far two annotators following the guidelines agree."""
    out: dict[str, dict] = {}
    members = []
    for path in sorted(REANN.glob("*.json")):
        first = json.loads((GOLD / path.name).read_text(encoding="utf-8"))
        if batch and first.get("batch", "s13") != batch:
            continue
        second = json.loads(path.read_text(encoding="utf-8"))
        res = score(second, first)
        res["_group"] = first.get("set", "dev")
        out[path.stem] = res
        members.append(res)
    if members:
        out["set: second vs first annotation"] = ee._aggregate(members)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=Path, required=True, help="folder holding <doc_id>.md texts")
    parser.add_argument("--set", choices=("dev", "heldout"), help="score only this part")
    parser.add_argument("--batch", choices=("s13", "s14", "s15", "s16", "s17", "s18"),
                        help="score only the documents fetched in this session (gold 'batch'; s13 when absent)")
    parser.add_argument("--verbose", action="store_true", help="list missed and extra unit roles")
    parser.add_argument("--write", action="store_true", help="update evaluation/RESULTS.md")
    parser.add_argument("--agreement", action="store_true",
                        help="score the second annotations against the first (needs no texts)")
    args = parser.parse_args()
    if args.agreement:
        out = ee.table(agreement(args.batch), warnings=False)
        print(out)
        if args.write:
            from results_md import replace_section

            replace_section("Fresh real plans: agreement of two blind annotations"
                            + (f", batch {args.batch}" if args.batch not in (None, "s13") else ""),
                            "Command: `.venv/bin/python evaluation/fresh_plans_eval.py --docs DIR "
                            "--agreement --write`\n\nThe second annotation scored as if it were "
                            "the system's output against the first (`gold/fresh-plans-reann/` vs "
                            "`gold/fresh-plans/`).\n\n" + out + "\n")
        return 0
    results = evaluate(args.docs, args.set, args.verbose, args.batch)
    if results is None:
        print(f"skipped: no document of evaluation/gold/fresh-plans is in {args.docs} (the texts are "
              "not in the repository; fetch them by the path and commit each gold file records)",
              file=sys.stderr)
        return 0
    out = ee.table(results, warnings=False)
    print(out)
    if args.write:
        from results_md import replace_section

        part = args.set or "all"
        title = (f"Fresh real plans ({part})" if args.batch in (None, "s13")
                 else f"Fresh real documents, batch {args.batch} ({part})")
        replace_section(title,
                        f"Command: `.venv/bin/python evaluation/fresh_plans_eval.py --docs DIR "
                        f"{'--set ' + args.set + ' ' if args.set else ''}"
                        f"{'--batch ' + args.batch + ' ' if args.batch else ''}--write`\n\n"
                        "Gold: `evaluation/gold/fresh-plans/` (see its README; texts fetched from "
                        "the public crawl, not in the repository)."
                        + (" The held-out part is measured once, after the work; a second run on "
                           "changed code is a second look and must say so." if args.set == "heldout"
                           else "") + "\n\n" + out + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
