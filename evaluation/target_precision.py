"""Precision of target (chỉ tiêu) and deadline extraction on real texts that are not plans.

    .venv/bin/python evaluation/target_precision.py                 # development half
    .venv/bin/python evaluation/target_precision.py --list          # + every dev item, sentence
    TARGET_PRECISION_SRC=/tmp/main/src .venv/bin/python evaluation/target_precision.py --save-baseline
        # the "before": main's code (``git archive main src | tar -x -C /tmp/main``)
    .venv/bin/python evaluation/target_precision.py --heldout       # held-out half (run ONCE, last)
    .venv/bin/python evaluation/target_precision.py --round2 [--list]   # second round: development
    .venv/bin/python evaluation/target_precision.py --round2 --heldout  # second-round held-out (ONCE)

Second round (``--round2``). The first round's held-out half was measured, so it became
development data. The second round's held-out documents are drawn by a new keyed hash
(``SEED2``): a document is held out when that hash falls under ``ROUND2_RATE`` and none of its
items was judged in the first round (``dev.json`` / ``heldout.json``), so no held-out sentence
was read in either round. Every other document is development data (gold: both first-round
files plus ``dev2.json``). The held-out document list is frozen in ``heldout2-docs.json``
(written by ``--freeze-round2`` before the code changed); every item predicted on them is
judged once, after the code is frozen (``heldout2.json``).

Why: on the development plans targets F1 is 0.98, on unseen plans 0.60 with as many false
targets as true ones; the target rules fire on numbers they were not tuned on. Laws set almost
no quantified objectives but are full of numbers that are not targets (fines, ages, durations,
thresholds and conditions, fees, article and clause numbers, dates of effect), so every target
predicted on them is a candidate false positive worth reading.

Texts (read from ``../shared``, never copied into the repository):

- the ALQAC statute articles (``shared/benchmarks/alqac``: the 2022, 2023 and October 2023
  corpora, each article written to its own file as ``evaluation/alqac_eval.py`` does, articles
  with the same text counted once: the Civil Code and several laws occur in more than one
  corpus);
- the six real DOCX laws (``shared/real/ingestion/docx``);
- the Word-made PDF ``shared/real/ingestion/pdf_text/HNMU.pdf``.

Each document goes through the pipeline's real extraction (``chinhsach.parse``, as
``evaluation/extraction_eval.py`` does). An item is a predicted target, or a duty with an
absolute deadline (ISO date), with the sentence of its segment that holds it.

Sample and halves. A document belongs to the development or the held-out half by a keyed hash
of its identity (not of the item), so the sentences of a held-out article are never looked at
while tuning. An item is in the sample when a keyed hash of its identity (document, kind,
value, text) falls under ``RATE``: membership is a property of the item, the same in every run,
so a "before" and an "after" run are measured on the same sample without re-drawing it, and an
item that a fix creates is sampled at the same rate. Judgments (``evaluation/gold/precision/
<half>.json``, one entry per item key, with the reason) follow GUIDELINES-real.md: a target is
a quantified objective the document sets; a deadline is a date by which a duty must be done.

Report per half: documents, predicted targets and deadlines per 1,000 documents (ALQAC
articles apart), and precision of the judged sample, for the current code and for the saved
baseline (``--save-baseline``, run on the code before the fix). Items of the sample without a
judgment are listed; the precision counts only judged ones and says how many are missing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT / "evaluation"
sys.path.insert(0, str(EVAL_DIR))
# The code measured: this checkout's, or another tree's (the "before" of a change:
# ``git archive main src | tar -x -C /tmp/main`` then ``TARGET_PRECISION_SRC=/tmp/main/src``).
sys.path.insert(0, os.environ.get("TARGET_PRECISION_SRC") or str(ROOT / "src"))

from chinhsach import parse  # noqa: E402
from chinhsach.errors import ChinhsachError  # noqa: E402
from chinhsach.model import Document  # noqa: E402

CACHE = EVAL_DIR / ".cache" / "target_precision"
GOLD = EVAL_DIR / "gold" / "precision"
SEED = "target-precision-2026"
RATE = 0.1  # share of items sampled (keyed hash), see the module docstring
HALVES = ("dev", "heldout")
SEED2 = "target-precision-round2-2026"
ROUND2_RATE = 0.25  # share of documents the second-round held-out set draws (before exclusion)
ALQAC_FILES = ("alqac2022/law2022.json", "alqac2023/law.json",
               "alqac2023_oct_release/legal_passages.json")


def shared_dir() -> Path | None:
    """``$CHINHSACH_SHARED``, else ``shared`` beside the checkout or a parent of it."""
    env = os.environ.get("CHINHSACH_SHARED")
    if env:
        return Path(env)
    for parent in ROOT.parents:
        if (parent / "shared" / "real").is_dir():
            return parent / "shared"
    return None


def _hash(*parts: str) -> float:
    """A number in [0, 1) fixed by the seed and ``parts``."""
    digest = hashlib.sha256("\x1f".join((SEED, *parts)).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def half_of(doc_key: str) -> str:
    return "dev" if _hash("half", doc_key) < 0.5 else "heldout"


def round2_heldout(doc_keys: list[str]) -> list[str]:
    """The second round's held-out documents: a new keyed hash under ``ROUND2_RATE``, minus the
    documents any first-round judgment read."""
    read = {j["doc"] for half in HALVES for j in load_gold(half).values()}
    out = []
    for k in sorted(doc_keys):
        h = int.from_bytes(hashlib.sha256(f"{SEED2}\x1fhalf\x1f{k}".encode()).digest()[:8], "big") / 2**64
        if h < ROUND2_RATE and k not in read:
            out.append(k)
    return out


@dataclass(frozen=True)
class Source:
    key: str  # "alqac:<law>#<article>", "docx:<file>", "pdf:<file>"
    kind: str  # "alqac" (one article) or "law" (a whole document)
    path: Path


@dataclass
class Item:
    key: str
    doc: str
    kind: str  # "target" or "deadline"
    value: str  # the value (targets) or the ISO date (deadlines)
    text: str  # the target's text / the duty's deadline words
    sentence: str
    detail: str  # indicator, unit, comparator / the duty text

    @property
    def half(self) -> str:
        return half_of(self.doc)

    @property
    def sampled(self) -> bool:
        return _hash("sample", self.key) < RATE


def item_key(doc: str, kind: str, value: str, text: str) -> str:
    return hashlib.sha256("\x1f".join((doc, kind, value, " ".join(text.split()))).encode()
                          ).hexdigest()[:16]


def sources(shared: Path) -> list[Source]:
    """Every document of the check; ALQAC articles written to the cache once."""
    from alqac_eval import article_file_text

    out: list[Source] = []
    seen: set[str] = set()
    art_dir = CACHE / "articles"
    art_dir.mkdir(parents=True, exist_ok=True)
    for rel in ALQAC_FILES:
        laws = json.loads((shared / "benchmarks" / "alqac" / rel).read_text(encoding="utf-8"))
        for law in laws:
            for a in law["articles"]:
                body = " ".join(a["text"].split())
                if body in seen:
                    continue
                seen.add(body)
                key = f"alqac:{law['id']}#{a['id']}"
                name = hashlib.sha256(key.encode()).hexdigest()[:16] + ".txt"
                path = art_dir / name
                text = article_file_text(str(a["id"]), a["text"])
                if not path.exists() or path.read_text(encoding="utf-8") != text:
                    path.write_text(text, encoding="utf-8")
                out.append(Source(key, "alqac", path))
    for p in sorted((shared / "real" / "ingestion" / "docx").glob("*.docx")):
        out.append(Source(f"docx:{p.name}", "law", p))
    pdf = shared / "real" / "ingestion" / "pdf_text" / "HNMU.pdf"
    if pdf.exists():
        out.append(Source(f"pdf:{pdf.name}", "law", pdf))
    return out


def _sentence(segment_text: str, span: str) -> str:
    """The sentence of ``segment_text`` that holds ``span`` (the segment when not found)."""
    import re

    i = segment_text.find(span)
    if i < 0:
        return segment_text
    starts = [0] + [m.end() for m in re.finditer(r"[.;!?]\s+(?=[A-ZĐÀ-Ỹ0-9“\"(])", segment_text)]
    a = max(s for s in starts if s <= i)
    ends = [m.start() + 1 for m in re.finditer(r"[.;!?](?=\s|$)", segment_text) if m.start() >= i + len(span) - 1]
    b = min(ends) if ends else len(segment_text)
    return segment_text[a:b].strip()


def items_of(src: Source, doc: Document) -> list[Item]:
    segs = {s.id: s.text for s in doc.segments}
    out: list[Item] = []
    seen: Counter = Counter()

    def key(kind: str, value: str, text: str) -> str:
        # The n-th item with the same words in a document (a rule repeated in two articles of
        # a whole law) gets its own key.
        seen[(kind, value, text)] += 1
        n = seen[(kind, value, text)]
        return item_key(src.key, kind, value, text + (f"\x1f{n}" if n > 1 else ""))

    for t in doc.targets:
        value = "qualitative" if t.value is None else f"{t.value:g}" + (
            f"-{t.value_max:g}" if t.value_max is not None else "")
        sentence = _sentence(segs.get(t.segment_id or "", t.text), t.text)
        detail = f"indicator={t.indicator!r} comparator={t.comparator} unit={t.unit!r} year={t.year}"
        out.append(Item(key("target", value, t.text), src.key, "target", value,
                        t.text, sentence, detail))
    for d in doc.duties:
        if not d.deadline:
            continue
        words = d.deadline_text or ""
        sentence = _sentence(segs.get(d.segment_id or "", d.text), words) if words else d.text
        out.append(Item(key("deadline", d.deadline, words), src.key, "deadline",
                        d.deadline, words, sentence, f"duty={d.text[:120]!r}"))
    return out


def run(shared: Path) -> dict:
    """Parse every document; {"documents": {key: {"kind", "half"}}, "items": [...]}."""
    docs: dict[str, dict] = {}
    items: list[dict] = []
    errors: list[str] = []
    for src in sources(shared):
        docs[src.key] = {"kind": src.kind, "half": half_of(src.key)}
        try:
            doc = parse(src.path, doc_id=src.key.replace(":", "-").replace("#", "-").replace("/", "-"))
        except ChinhsachError as exc:
            errors.append(f"{src.key}: {exc}")
            continue
        for it in items_of(src, doc):
            items.append(asdict(it))
    return {"documents": docs, "items": items, "errors": errors}


def load_gold(half: str) -> dict[str, dict]:
    path = GOLD / f"{half}.json"
    if not path.exists():
        return {}
    return {j["key"]: j for j in json.loads(path.read_text(encoding="utf-8"))["judgments"]}


def summary(result: dict, half: str, gold: dict[str, dict]) -> dict:
    docs = {k: v for k, v in result["documents"].items() if v["half"] == half}
    n_articles = sum(1 for v in docs.values() if v["kind"] == "alqac")
    n_laws = len(docs) - n_articles
    items = [Item(**i) for i in result["items"] if i["doc"] in docs]
    out: dict = {"articles": n_articles, "laws": n_laws}
    for kind in ("target", "deadline"):
        mine = [i for i in items if i.kind == kind]
        on_articles = sum(1 for i in mine if docs[i.doc]["kind"] == "alqac")
        sample = [i for i in mine if i.sampled]
        judged = [i for i in sample if i.key in gold]
        true = sum(1 for i in judged if gold[i.key]["correct"])
        all_judged = [i for i in mine if i.key in gold]
        out[kind] = {
            "census": (sum(1 for i in all_judged if gold[i.key]["correct"]), len(all_judged))
            if mine and len(all_judged) == len(mine) else None,
            "predicted": len(mine),
            "on_articles": on_articles,
            "per_1000_articles": 1000 * on_articles / n_articles if n_articles else 0.0,
            "on_laws": len(mine) - on_articles,
            "sampled": len(sample),
            "judged": len(judged),
            "true": true,
            "precision": true / len(judged) if judged else None,
            "unjudged": [i.key for i in sample if i.key not in gold],
        }
    return out


def _fmt(s: dict, kind: str) -> str:
    k = s[kind]
    p = "–" if k["precision"] is None else f"{k['precision']:.3f} ({k['true']}/{k['judged']})"
    census = "" if k["census"] is None else \
        f" | every item judged: precision {k['census'][0] / k['census'][1]:.3f} ({k['census'][0]}/{k['census'][1]})"
    return (f"{k['predicted']} ({k['on_articles']} on articles = {k['per_1000_articles']:.1f} per 1,000; "
            f"{k['on_laws']} on whole laws) | sample precision {p}{census}"
            + (f", {len(k['unjudged'])} sampled items unjudged" if k["unjudged"] else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--heldout", action="store_true", help="measure the held-out half (once, last)")
    parser.add_argument("--list", action="store_true", help="print every item of the half")
    parser.add_argument("--sample", action="store_true", help="print the sampled items (to judge)")
    parser.add_argument("--save-baseline", action="store_true",
                        help="store this run as the 'before' predictions")
    parser.add_argument("--reuse", action="store_true", help="reuse the last run instead of parsing")
    parser.add_argument("--round2", action="store_true",
                        help="second round: new held-out documents, everything else development")
    parser.add_argument("--freeze-round2", action="store_true",
                        help="write the second-round held-out document list (once, before fixing)")
    args = parser.parse_args()
    shared = shared_dir()
    if shared is None:
        sys.exit("target_precision: ../shared not found (set CHINHSACH_SHARED)")
    CACHE.mkdir(parents=True, exist_ok=True)
    last = CACHE / "last.json"
    if args.reuse and last.exists():
        result = json.loads(last.read_text(encoding="utf-8"))
    else:
        result = run(shared)
        last.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    if args.save_baseline:
        (CACHE / "baseline.json").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    for e in result["errors"]:
        print("error:", e, file=sys.stderr)
    half = "heldout" if args.heldout else "dev"
    gold = load_gold(half)
    baseline_path = CACHE / "baseline.json"
    rows = []
    if baseline_path.exists():
        rows.append(("before (baseline)", json.loads(baseline_path.read_text(encoding="utf-8"))))
    rows.append(("now", result))
    frozen = GOLD / "heldout2-docs.json"
    if args.freeze_round2:
        if frozen.exists():
            sys.exit(f"target_precision: {frozen} exists; the held-out list is drawn once")
        held = round2_heldout(list(result["documents"]))
        frozen.write_text(json.dumps({"seed": SEED2, "rate": ROUND2_RATE, "documents": held},
                                     ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"froze {len(held)} second-round held-out documents in {frozen}")
    if args.round2:
        held2 = set(json.loads(frozen.read_text(encoding="utf-8"))["documents"])
        for _, res in [*rows, ("", result)]:
            for k, v in res["documents"].items():
                v["half"] = "heldout" if k in held2 else "dev"
        gold = load_gold("heldout2") if args.heldout else \
            {**load_gold("dev"), **load_gold("heldout"), **load_gold("dev2")}
        half = "heldout" if args.heldout else "dev"
    for label, res in rows:
        s = summary(res, half, gold)
        print(f"[{half}] {label}: {s['articles']} ALQAC articles, {s['laws']} whole laws")
        for kind in ("target", "deadline"):
            print(f"  {kind}s: {_fmt(s, kind)}")
    if args.list or args.sample:
        docs = {k for k, v in result["documents"].items() if v["half"] == half}
        for i in (Item(**x) for x in result["items"]):
            if i.doc not in docs or (args.sample and not i.sampled):
                continue
            mark = "S" if i.sampled else " "
            j = gold.get(i.key)
            verdict = "" if j is None else ("TRUE " if j["correct"] else "FALSE ") + j.get("category", "")
            print(f"\n{mark} {i.key} {i.kind} {i.value} [{i.doc}] {verdict}\n  text: {i.text}\n"
                  f"  {i.detail}\n  sentence: {i.sentence}")
    counts = Counter(v["half"] for v in result["documents"].values())
    print(f"\ndocuments per half: {dict(counts)}")


if __name__ == "__main__":
    main()
