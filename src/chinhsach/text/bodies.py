"""The data file of public bodies (``data/units.json``), read once for every stage that needs it,
and the one line form that both the outline and the duty reader know a body by.

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


# The follow-up a directive or resolution hands to the issuer's office in its last line:
# "Văn phòng Chính phủ (Văn phòng UBND tỉnh) theo dõi, đôn đốc …" (s14 dev ct13; the directives
# of session 13). On folded text. The outline closes the document's last part at it
# (``structure.outline``); the duty reader charges the office with it (``extract.duties``),
# though it holds no charging word of its own.
FOLLOW_UP = r"(?:giao\s+)?van phong [^.;:]{0,60}?\btheo doi\s*,\s*don doc\b"
