"""Check gold files against their documents: every quoted text must occur in the normalised text.

    .venv/bin/python evaluation/gold_check.py evaluation/gold/real/*.json

The document is normalised the way the gold guidelines say (GUIDELINES.md, GUIDELINES-real.md):
NFC and new-style tones, markdown marks and footnote markers dropped, hard wraps re-joined with
one space, whitespace collapsed. A text is reported when it is not a substring of that string.

Tables in the crawled markdown are flattened: a cell boundary is a `|`, either alone on its line
(one cell spread over several lines between lone pipes) or inside a line (`| a | b |`). A gold
text may not run from one cell into the next, so each boundary is kept in the normalised string
as a separator character that no text contains; lines of one cell are joined with a space.

`file` in a gold file is relative to the repository root (`../shared/real/plans/x.md`). A git
worktree checked out elsewhere (`/work/wt/name`) has no `../shared` beside it, so the path is
also tried from the root's ancestors: the first existing match wins.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from chinhsach.text import normalize_text, strip_markdown  # noqa: E402

_FOOTNOTE = re.compile(r"\[\d{1,3}\]")
CELL = "\ue000"  # private-use character (not whitespace to str.split): a table cell boundary


class GoldFileError(Exception):
    """A gold file that cannot be checked (unreadable JSON, document not found)."""


def normalised_document(path: Path) -> str:
    """The whole document as one normalised string; table cell boundaries become ``CELL``."""
    raw = path.read_text(encoding="utf-8")
    pieces: list[str] = []
    for line in raw.splitlines():
        cells = strip_markdown(line).split("|")
        for i, cell in enumerate(cells):
            if i:
                pieces.append(CELL)
            if cell.strip():
                pieces.append(cell)
    text = " ".join(pieces)
    text = " ".join(normalize_text(_FOOTNOTE.sub("", text)).split())
    # Runs of boundaries (a row end "|" followed by the next row's "|") collapse to one.
    return re.sub(rf"{CELL}(?: ?{CELL})+", CELL, text)


def document_path(gold_path: Path, file: str) -> Path:
    """Resolve a gold file's ``file`` from the repository root, else from the root's ancestors."""
    rel = Path(file)
    candidates = [ROOT / rel]
    if rel.parts and rel.parts[0] == "..":
        stripped = Path(*[p for p in rel.parts if p != ".."])
        candidates += [anc / stripped for anc in ROOT.parents]
    for c in candidates:
        if c.is_file():
            return c.resolve()
    raise GoldFileError(f"{gold_path}: document {file!r} not found (tried {len(candidates)} places from {ROOT})")


def check(gold_path: Path) -> list[str]:
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFileError(f"{gold_path}: cannot read gold JSON ({exc})") from exc
    doc = normalised_document(document_path(gold_path, gold["file"]))
    problems = []
    for field in ("targets", "duties", "citations"):
        for i, item in enumerate(gold.get(field, [])):
            text = item.get("text")
            if text and " ".join(normalize_text(text).split()) not in doc:
                problems.append(f"{gold_path.name}: {field}[{i}] ({item.get('section')}) not found: {text!r}")
    return problems


def main(argv: list[str]) -> int:
    try:
        problems = [p for arg in argv for p in check(Path(arg))]
    except GoldFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for p in problems:
        print(p)
    print(f"{len(problems)} text(s) not found in {len(argv)} file(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
