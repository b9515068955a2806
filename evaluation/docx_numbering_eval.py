"""Extraction on a plan numbered by Word's list numbering against its literal-number twin.

    .venv/bin/python evaluation/docx_numbering_eval.py [--verbose]

Writes the two DOCX files of ``evaluation/fixtures/make_numbered_docx.py`` (the same invented
plan: labels from ``word/numbering.xml`` / labels typed in the text) into a temporary folder,
parses both with the pipeline and compares what the literal twin gives (the reference) with what
the auto-numbered file gives, one-to-one on exact keys:

- lines: the reader's text lines, equal in order;
- sections: outline ids with their headings;
- duties: (section, text, explicit units with roles, deadline, recurrence);
- targets: (section, indicator, comparator, value, unit, year);
- tables: rows of every table (cells).

Each line reports matched / reference items and the items the auto file adds. Exit status 1
when anything differs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from collections.abc import Hashable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation" / "fixtures"))

import make_numbered_docx  # noqa: E402

from chinhsach import parse  # noqa: E402
from chinhsach.ingest.readers import read_source  # noqa: E402
from chinhsach.model import Document  # noqa: E402


def keys(doc: Document) -> dict[str, list[Hashable]]:
    """What the comparison looks at, per kind, as hashable items."""
    return {
        "sections": [(s.id, s.heading) for s in doc.sections],
        "duties": [(d.section, d.text, frozenset((u.name, u.role) for u in d.units if u.explicit),
                    d.deadline, d.recurring) for d in doc.duties],
        "targets": [(t.section, t.indicator, t.comparator, t.value, t.unit, t.year)
                    for t in doc.targets],
        "tables": [tuple(row.cells) for table in doc.tables for row in table.rows],
    }


def compare(reference: list[Hashable], candidate: list[Hashable]) -> tuple[int, int, int]:
    """(matched, reference items, extra candidate items), one-to-one."""
    left = Counter(reference)
    matched = 0
    extra = 0
    for item in candidate:
        if left[item] > 0:
            left[item] -= 1
            matched += 1
        else:
            extra += 1
    return matched, len(reference), extra


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print the differing items")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        auto_path, literal_path = make_numbered_docx.generate(tmp)
        auto_lines = [line.text for line in read_source(auto_path).lines]
        literal_lines = [line.text for line in read_source(literal_path).lines]
        auto, literal = keys(parse(auto_path)), keys(parse(literal_path))
    same = sum(a == b for a, b in zip(auto_lines, literal_lines, strict=False))
    print(f"{'lines':9} {same}/{len(literal_lines)} equal in order "
          f"(auto file: {len(auto_lines)} lines)")
    failed = same != len(literal_lines) or len(auto_lines) != len(literal_lines)
    for kind, reference in literal.items():
        matched, total, extra = compare(reference, auto[kind])
        print(f"{kind:9} {matched}/{total} matched, {extra} extra")
        failed = failed or matched != total or extra != 0
        if args.verbose and (matched != total or extra):
            missing = Counter(reference) - Counter(auto[kind])
            added = Counter(auto[kind]) - Counter(reference)
            for item in missing.elements():
                print(f"  - {item}")
            for item in added.elements():
                print(f"  + {item}")
    print("identical" if not failed else "DIFFERENT")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
