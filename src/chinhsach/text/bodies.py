"""The data file of public bodies (``data/units.json``), read once for every stage that needs it.

The header reader (structure) splits an issuer at a body's name and keeps a province's words
together; the unit reader (extract) compiles the same file into its gazetteer. One loader, so
that both read the same names.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def unit_data() -> dict[str, Any]:
    """The parsed ``data/units.json`` (cached; callers must not modify it)."""
    raw = resources.files("chinhsach").joinpath("data/units.json").read_text(encoding="utf-8")
    return json.loads(raw)
