"""Header metadata accuracy: number, date, issuer, signer, type, place (and attached documents).

    PYTHONPATH=src .venv/bin/python evaluation/metadata_eval.py [--verbose]

Documents scored:
- the seed and the illustrative plans (``evaluation/gold/*.json``, field ``meta``);
- the development real plans (``evaluation/gold/real/*.json``; the texts are read from
  ``../shared/real/plans``, skipped with a note when absent);
- the layout fixtures of ``evaluation/fixtures/make_layouts.py`` (DOCX and PDF, generated into
  a temporary directory), whose expected ``meta`` is kept in the generator.

A field is right when it equals the gold value exactly (after NFC); ``None`` must match
``None``. ``meta.attached`` entries (type, number, date, issuer, title) count as fields too,
scored under ``attached.<field>``. Reported per document, per field and per layout.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation" / "fixtures"))

from chinhsach import parse  # noqa: E402

FIELDS = ("number", "date", "issuer", "signer", "type", "place")
ATTACHED_FIELDS = ("type", "number", "date", "issuer", "title")


def _resolve(file: str) -> Path | None:
    """A gold ``file`` path, relative to the repository or (worktrees) to its parent folders."""
    for base in (ROOT, ROOT.parent, ROOT.parent.parent):
        path = base / file
        if path.exists():
            return path
    if file.startswith("../"):
        for base in (ROOT.parent, ROOT.parent.parent, Path("/work")):
            path = base / file[3:]
            if path.exists():
                return path
    return None


def _norm(value: Any) -> Any:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def score_meta(pred: dict[str, Any], gold: dict[str, Any]) -> dict[str, bool]:
    """Field → correct, for the fields the gold gives (and attached entries)."""
    out = {f: _norm(pred.get(f)) == _norm(gold.get(f)) for f in FIELDS if f in gold}
    gold_att = gold.get("attached") or []
    pred_att = pred.get("attached") or []
    for k, g in enumerate(gold_att):
        p = pred_att[k] if k < len(pred_att) else {}
        for f in ATTACHED_FIELDS:
            out[f"attached.{f}"] = _norm(p.get(f)) == _norm(g.get(f))
    if pred_att and not gold_att:
        out["attached.none"] = False
    return out


def gold_documents() -> list[tuple[str, str, Path | None, dict[str, Any]]]:
    """(name, layout, path, gold meta) of every gold file with a ``meta``."""
    docs = []
    gold_dir = ROOT / "evaluation" / "gold"
    for path in sorted(gold_dir.glob("*.json")) + sorted((gold_dir / "real").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if not gold.get("meta") or not gold.get("file"):
            continue
        layout = "real_markdown" if path.parent.name == "real" else "seed_text"
        if path.stem.startswith("minh-hoa"):
            layout = "illustrative_text"
        docs.append((path.stem, layout, _resolve(gold["file"]), gold["meta"]))
    return docs


def fixture_documents(out_dir: Path) -> list[tuple[str, str, Path | None, dict[str, Any]]]:
    import make_layouts

    return [
        (path.name, f"{fx.layout}/{path.suffix[1:]}", path, fx.meta)
        for fx, path in make_layouts.generate(out_dir)
    ]


def evaluate(verbose: bool = False) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        docs = gold_documents() + fixture_documents(Path(tmp))
        per_doc: dict[str, dict[str, bool]] = {}
        layouts: dict[str, str] = {}
        skipped: list[str] = []
        for name, layout, path, gold in docs:
            if path is None:
                skipped.append(name)
                continue
            doc = parse(path)
            pred = doc.meta.to_dict()
            per_doc[name] = score_meta(pred, gold)
            layouts[name] = layout
            if verbose:
                wrong = {f: (pred.get(f), gold.get(f)) for f, ok in per_doc[name].items()
                         if not ok and not f.startswith("attached")}
                if wrong or not all(per_doc[name].values()):
                    print(f"  {name}: {wrong} attached={pred.get('attached')}")
    return {"per_doc": per_doc, "layouts": layouts, "skipped": skipped}


def _acc(results: list[bool]) -> str:
    return f"{sum(results) / len(results):.3f} ({sum(results)}/{len(results)})" if results else "-"


def report(res: dict[str, Any]) -> str:
    per_doc, layouts = res["per_doc"], res["layouts"]
    lines = ["| document | layout | accuracy | wrong fields |", "| --- | --- | --- | --- |"]
    for name, fields in per_doc.items():
        wrong = ", ".join(f for f, ok in fields.items() if not ok) or "—"
        lines.append(f"| {name} | {layouts[name]} | {_acc(list(fields.values()))} | {wrong} |")
    groups: dict[str, list[str]] = defaultdict(list)
    for name, layout in layouts.items():
        if "/" in layout:
            groups[layout.split("/")[0]].append(name)
            groups[f"{layout.split('/')[1].upper()} files"].append(name)
    lines += ["", "| set | " + " | ".join(FIELDS) + " | attached | all |",
              "| --- |" + " --- |" * (len(FIELDS) + 2)]
    sets = {"real plans (dev)": [n for n, lay in layouts.items() if lay == "real_markdown"],
            "seed": [n for n, lay in layouts.items() if lay == "seed_text"],
            "illustrative": [n for n, lay in layouts.items() if lay == "illustrative_text"],
            "fixtures (all)": [n for n, lay in layouts.items() if "/" in lay]}
    sets.update({f"fixtures: {k}": v for k, v in sorted(groups.items())})
    for label, names in sets.items():
        cells = []
        every: list[bool] = []
        for f in FIELDS:
            vals = [per_doc[n][f] for n in names if f in per_doc[n]]
            every += vals
            cells.append(_acc(vals).split(" ")[0])
        att = [ok for n in names for f, ok in per_doc[n].items() if f.startswith("attached")]
        every += att
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {_acc(att).split(' ')[0]} | "
                     f"{_acc(every)} |")
    if res["skipped"]:
        lines.append(f"\nSkipped (text not found): {', '.join(res['skipped'])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--verbose", action="store_true", help="print each wrong field")
    args = ap.parse_args(argv)
    print(report(evaluate(args.verbose)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
