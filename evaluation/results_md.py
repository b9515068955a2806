"""Keep ``evaluation/RESULTS.md`` as sections that each evaluation script rewrites in place."""

from __future__ import annotations

import os
import platform
import re
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = "# Measured results\n\nEvery table below was written by the script named in its section.\n"


def replace_section(title: str, body: str) -> None:
    """Replace (or append) the ``## title`` section, stamped with the date and the machine."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else HEADER
    stamp = (f"_{time.strftime('%Y-%m-%d %H:%M')} · {os.cpu_count()} cores · "
             f"Python {platform.python_version()}_\n\n")
    section = f"## {title}\n\n{stamp}{body.rstrip()}\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _m: section + "\n", text)
    else:
        text = text.rstrip() + "\n\n" + section
    RESULTS.write_text(text.rstrip() + "\n", encoding="utf-8")
