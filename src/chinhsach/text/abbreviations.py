"""Administrative abbreviations spelt out beside themselves in a query ("các kcn" → "các kcn khu
công nghiệp").

Staff type the abbreviations of bodies and policy fields (KCN, BHYT, ATTP, UBND); plans print the
full words as often as the letters. The blind who-questions of session 8 (evaluation/
queries_who_blind.json, development half) asked twice about "các KCN" where the plans write "khu
công nghiệp", and the retrieval found neither duty. The table is ``data/abbreviations.json``:
abbreviations of three letters or more that are no Vietnamese word, matched as whole words,
with or without marks. The expansion keeps the query's own style: a query typed without marks
gets the words without marks, so the diacritics restorer reads the query as typed.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from chinhsach.text.normalize import fold, has_diacritics

# A word, or letters joined by "&" or "-" ("KH&CN", "KT-XH").
_TOKEN = re.compile(r"[^\W_]+(?:[&-][^\W_]+)*")


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Folded abbreviation → its words (with marks)."""
    raw = json.loads(resources.files("chinhsach").joinpath("data/abbreviations.json").read_text(encoding="utf-8"))
    return {fold(k): v for k, v in raw.items() if not k.startswith("_")}


def expand_abbreviations(text: str) -> str:
    """``text`` with each known abbreviation followed by its words (unless they follow already)."""
    table = abbreviations()
    marked = has_diacritics(text)
    pieces: list[str] = []
    last = 0
    for m in _TOKEN.finditer(text):
        key = re.sub(r"[&-]", "", fold(m.group(0)))
        words = table.get(key)
        if words is None:
            continue
        spelt = words if marked else fold(words)
        if fold(text[m.end():m.end() + len(spelt) + 3]).strip(" ()").startswith(fold(words)):
            continue  # "KCN (khu công nghiệp)": already spelt out
        pieces += [text[last:m.end()], " ", spelt]
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces)


__all__ = ["abbreviations", "expand_abbreviations"]
