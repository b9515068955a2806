"""How often the typo detector (``chinhsach.extract.typos``) fires on statutes, and how often rightly.

    .venv/bin/python evaluation/typo_audit.py [--list] [--sample N] [--seed S]

Statutes are edited with care: nearly every warning there is a false alarm, so warnings per 1,000
articles bound the false-positive rate on well-proofread text. Read:

- the ALQAC law files ``alqac2022/law2022.json`` and ``alqac2023/law.json``, and the laws of
  ``alqac2023_oct_release/legal_passages.json`` that those two lack (``../shared/benchmarks/
  alqac`` or ``$ALQAC_DIR``; the 2022 file names the Civil Code by number, so it is read twice) WITHOUT the five laws of the second fresh check
  (``fresh_alqac_laws.LAWS``, both spellings of their ids; never read, HELPERS.md); each law is one
  document, each line of an article one text;
- the six DOCX laws of ``../shared/real/ingestion/docx`` and the text PDF of
  ``../shared/real/ingestion/pdf_text`` (a university's regulation), read by the pipeline
  (segments; never the scans, a fresh check of session 8).

For each group: documents, articles, warnings from the document's own spelling
(:func:`~chinhsach.extract.typos.document_typos`), warnings per 1,000 articles. ``--list`` prints
every warning with its context; ``--sample N`` a random sample (fixed seed) for a hand check, whose
verdicts are kept in ``typo_audit_sample.json`` (keys, the two phrases and the verdict; no
document text) and summed here as precision.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation"))

from fresh_alqac_laws import is_fresh_law, law_key  # noqa: E402
from unit_audit import alqac_dir, shared_dir  # noqa: E402

from chinhsach.text.normalize import normalize_text  # noqa: E402

SAMPLE_FILE = ROOT / "evaluation" / "typo_audit_sample.json"
ALQAC_FILES = ("alqac2022/law2022.json", "alqac2023/law.json", "alqac2023_oct_release/legal_passages.json")
_ARTICLE = re.compile(r"D\d+")  # an article's section id in the outline ("D12")


@dataclass
class Flag:
    group: str
    document: str
    printed: str
    correction: str
    evidence: int
    context: str

    @property
    def key(self) -> str:
        raw = f"{self.group}|{self.document}|{self.printed}|{self.correction}"
        return hashlib.sha256(raw.encode()).hexdigest()[:16]


def sources() -> list[tuple[str, str, int, list[str]]]:
    """(group, document, articles, texts) of every statute read."""
    from chinhsach.pipeline import read_document

    out: list[tuple[str, str, int, list[str]]] = []
    root = alqac_dir()
    read: set[str] = set()
    for rel in ALQAC_FILES if root else ():
        f = root / rel  # type: ignore[operator]
        if not f.is_file():
            continue
        for law in json.loads(f.read_text(encoding="utf-8")):
            key = law_key(str(law["id"]))
            if is_fresh_law(key):
                continue  # a fresh-check law: never read (HELPERS.md)
            if rel.startswith("alqac2023_oct") and key in read:
                continue  # the October release repeats the 2023 laws: only its new ones
            read.add(key)
            texts = [normalize_text(p) for a in law["articles"] for p in str(a["text"]).split("\n") if p.strip()]
            out.append((rel.split("/")[0], str(law["id"]), len(law["articles"]), texts))
    shared = shared_dir()
    files = [("laws-docx", p) for p in sorted((shared / "real" / "ingestion" / "docx").glob("*.docx"))] if shared else []
    files += [("pdf-text", p) for p in sorted((shared / "real" / "ingestion" / "pdf_text").glob("*.pdf"))] if shared else []
    for group, path in files:
        doc = read_document(path, ocr="never")
        articles = sum(1 for sec in doc.sections if _ARTICLE.fullmatch(sec.id))
        out.append((group, path.stem, articles, [seg.text for seg in doc.segments]))
    return out


def flags(group: str, document: str, texts: list[str]) -> list[Flag]:
    from chinhsach.extract.typos import document_typos

    out = []
    for t in document_typos(texts):
        text = texts[t.text_index]
        at = text.find(t.printed)
        context = text[max(0, at - 60) : at + len(t.printed) + 60]
        out.append(Flag(group, document, t.printed, t.correction, t.evidence, context))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--list", action="store_true", help="print every warning with its context")
    parser.add_argument("--sample", type=int, default=0, help="print a random sample for a hand check")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    srcs = sources()
    if not srcs:
        print("skipped: neither ../shared/benchmarks/alqac nor ../shared/real is beside the repository",
              file=sys.stderr)
        return
    found: list[Flag] = []
    totals: dict[str, list[int]] = {}
    for group, document, articles, texts in srcs:
        got = flags(group, document, texts)
        found += got
        row = totals.setdefault(group, [0, 0, 0])
        row[0] += 1
        row[1] += articles
        row[2] += len(got)
    print("| group | documents | articles | warnings | per 1,000 articles |\n|---|---|---|---|---|")
    for group, (docs, articles, n) in [*totals.items(), ("all", [sum(v[i] for v in totals.values()) for i in range(3)])]:
        print(f"| {group} | {docs} | {articles} | {n} | {1000 * n / articles if articles else 0:.1f} |")
    if args.list:
        for f in found:
            print(f"{f.key} {f.group}:{f.document} “{f.printed}” → “{f.correction}” ×{f.evidence} | {f.context}")
    verdicts = json.loads(SAMPLE_FILE.read_text(encoding="utf-8")) if SAMPLE_FILE.is_file() else {}
    if args.sample:
        sample = random.Random(args.seed).sample(found, min(args.sample, len(found)))
        for f in sample:
            mark = verdicts.get(f.key, {}).get("verdict", "?")
            print(f"[{mark}] {f.key} {f.group}:{f.document} “{f.printed}” → “{f.correction}” ×{f.evidence} | {f.context}")
    judged = [verdicts[f.key]["verdict"] for f in found if f.key in verdicts]
    if judged:
        right = sum(v == "typo" for v in judged)
        print(f"hand-checked: {len(judged)} warnings, {right} real typos (precision {right / len(judged):.2f})")


if __name__ == "__main__":
    main()
