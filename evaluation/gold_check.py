"""Check gold files against their documents: every quoted text must occur in the normalised text.

    .venv/bin/python evaluation/gold_check.py evaluation/gold/real/*.json

The document is normalised the way the gold guidelines say (GUIDELINES.md, GUIDELINES-real.md):
NFC and new-style tones, markdown marks and footnote markers dropped, hard wraps re-joined with
one space, whitespace collapsed. A text is reported when it is not a substring of that string.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

try:  # the module moves in the redesign; either location serves the checker.
    from chinhsach.text import normalize_text, strip_markdown  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - before the redesign lands
    from chinhsach.normalize import normalize_text, strip_markdown  # type: ignore[no-redef]

_FOOTNOTE = re.compile(r"\[\d{1,3}\]")


def normalised_document(path: Path) -> str:
    """The whole document as one normalised string (wraps and paragraphs joined by spaces)."""
    raw = path.read_text(encoding="utf-8")
    lines = [strip_markdown(line).strip(" |") for line in raw.splitlines()]
    text = " ".join(line for line in lines if line)
    return " ".join(normalize_text(_FOOTNOTE.sub("", text)).split())


def document_path(file: str) -> Path:
    """The gold's ``file`` resolved from the checkout, or from an ancestor of it.

    ``../shared/...`` is relative to the main checkout (/work/main); a worktree one level deeper
    (/work/wt/<name>) finds it from its parent directory instead.
    """
    for base in (ROOT, *ROOT.parents):
        path = (base / file).resolve()
        if path.exists():
            return path
    raise FileNotFoundError(f"{file}: not found from {ROOT} or any parent directory")


def check(gold_path: Path) -> list[str]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = normalised_document(document_path(gold["file"]))
    problems = []
    for field in ("targets", "duties", "citations"):
        for i, item in enumerate(gold.get(field, [])):
            text = item.get("text")
            if text and " ".join(normalize_text(text).split()) not in doc:
                problems.append(f"{gold_path.name}: {field}[{i}] ({item.get('section')}) not found: {text!r}")
    return problems


def main(argv: list[str]) -> int:
    problems = [p for arg in argv for p in check(Path(arg))]
    for p in problems:
        print(p)
    print(f"{len(problems)} text(s) not found in {len(argv)} file(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
