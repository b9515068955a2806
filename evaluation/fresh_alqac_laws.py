"""The laws of the second fresh check, assembled from the ALQAC statute corpus into whole-law files.

    .venv/bin/python evaluation/fresh_alqac_laws.py      # writes evaluation/.cache/fresh-alqac/*.txt

Five laws of the ALQAC 2023 October release (``../shared/benchmarks/alqac``, ``$ALQAC_DIR``
elsewhere; research data, never copied into the repository) that no one on the team had read for
units and roles: their responsibility articles ("Trách nhiệm của …", "Nhiệm vụ, quyền hạn của …")
are the gold of ``evaluation/gold/fresh-alqac/``. A law is written as a staff member would get it
as text: the law's name as its title, then every article as ``Điều N. <title>`` and its body, in
the corpus's order (``alqac_eval.article_file_text``, the form the ALQAC index reads).
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evaluation"))

from alqac_eval import article_file_text  # noqa: E402

from chinhsach.text.normalize import fold  # noqa: E402

CACHE = ROOT / "evaluation" / ".cache" / "fresh-alqac"
SOURCE = "alqac2023_oct_release/legal_passages.json"

#: file stem → the law's id in ``SOURCE``. Chosen for their responsibility articles and because
#: none of them is among the six DOCX laws of the first fresh check (``gold/fresh``).
LAWS: dict[str, str] = {
    "luat-phong-chong-ma-tuy-2021": "Luật Phòng, chống ma túy 2021",
    "luat-thanh-nien-2020": "Luật Thanh niên 2020",
    "luat-phong-chong-bao-luc-gia-dinh-2022": "Luật Phòng, chống bạo lực gia đình 2022",
    "luat-du-lich-2017": "Luật Du lịch 2017",
    "luat-giao-duc-2019": "Luật Giáo dục 2019",
}


def law_key(law_id: str) -> str:
    """ "Luật Giáo dục 2019" and "Luật Giáo dục" are one law: the folded name without the year
    (the ALQAC files name the same law both ways)."""
    return re.sub(r"\s+\d{4}$", "", fold(law_id).lower().strip())


FRESH_KEYS = frozenset(law_key(v) for v in LAWS.values())


def is_fresh_law(law_id: str) -> bool:
    """Whether an ALQAC law id is one of this fresh check's laws: audits and tuning never read
    them (evaluation/README.md)."""
    return law_key(law_id) in FRESH_KEYS


class MissingCorpus(RuntimeError):
    """The ALQAC files are not beside the repository (a fresh clone without ``../shared``)."""


def alqac_dir() -> Path:
    env = os.environ.get("ALQAC_DIR")
    candidates = [Path(env)] if env else []
    candidates += [anc / "shared" / "benchmarks" / "alqac" for anc in ROOT.parents]
    for c in candidates:
        if (c / SOURCE).is_file():
            return c
    raise MissingCorpus(f"{SOURCE} not found under ../shared/benchmarks/alqac (or $ALQAC_DIR)")


def law_text(title: str, articles: list[dict]) -> str:
    name = title.rsplit(" ", 1)[0] if title[-4:].isdigit() else title
    body = "\n".join(article_file_text(str(a["id"]), a["text"]) for a in articles)
    return f"{name.upper()}\n\n{body}"


def assemble(target: Path = CACHE) -> dict[str, Path]:
    """Write the five laws (unchanged files are not rewritten); stem → path."""
    laws = {law["id"]: law["articles"] for law in
            json.loads((alqac_dir() / SOURCE).read_text(encoding="utf-8"))}
    target.mkdir(parents=True, exist_ok=True)
    out = {}
    for stem, law_id in LAWS.items():
        path = target / f"{stem}.txt"
        text = law_text(law_id, laws[law_id])
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        out[stem] = path
    return out


if __name__ == "__main__":
    try:
        for stem, path in assemble().items():
            print(stem, path.relative_to(ROOT), path.stat().st_size)
    except MissingCorpus as exc:
        print(f"skipped: {exc}", file=sys.stderr)
