"""The real 2025 provincial plans (``../shared/real/plans``, never copied into the repository).

Skipped when the folder is absent. Only the development plans are read here; the held-out ones
(kh141, kh160, kh310) are not opened by any test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chinhsach import parse

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "evaluation" / "gold" / "real"


def _plans() -> Path | None:
    for base in (ROOT, *ROOT.parents):
        cand = base / "shared" / "real" / "plans"
        if cand.is_dir():
            return cand
    return None


PLANS = _plans()
pytestmark = pytest.mark.skipif(PLANS is None, reason="../shared/real/plans not found: the real plans "
                                "are evaluation data kept outside the repository")
DEVELOPMENT = sorted(p.stem for p in GOLD.glob("*.json"))


@pytest.fixture(scope="module")
def parsed() -> dict:
    assert PLANS is not None
    return {stem: parse(PLANS / f"{stem}.md") for stem in DEVELOPMENT}


def test_wrapped_bold_part_headings_are_whole(parsed) -> None:
    kh165 = {s.id: s.heading for s in parsed["kh165-ubnd-2025-can-tho-cong-tac-dan-so"].sections
             if s.kind == "part"}
    assert kh165 == {"I": "MỤC ĐÍCH, YÊU CẦU", "II": "NỘI DUNG THỰC HIỆN", "III": "TỔ CHỨC THỰC HIỆN"}


def test_every_numbered_plan_has_objectives_tasks_and_organisation(parsed) -> None:
    for stem, doc in parsed.items():
        parts = {s.part for s in doc.sections if s.kind == "part"}
        if parts:  # the decision qd2954 has articles, not parts
            assert {"objectives", "tasks", "organisation"} <= parts, stem


def test_plan_lead_is_the_gold_plan_lead(parsed) -> None:
    for stem, doc in parsed.items():
        gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
        assert [u.name for u in doc.plan_lead][:1] == [u["name"] for u in gold["plan_lead"]][:1], stem


def test_unit_headed_items_lead_and_collectives(parsed) -> None:
    doc = parsed["kh165-ubnd-2025-can-tho-cong-tac-dan-so"]
    by_section: dict[str | None, set[tuple[str, str]]] = {}
    for d in doc.duties:
        by_section.setdefault(d.section, set()).update((u.name, u.role) for u in d.units)
    # "1. Sở Y tế" then "a) Chủ trì, phối hợp với sở, ban, ngành, Ủy ban nhân dân xã, phường …"
    assert by_section["II.1.a"] >= {("Sở Y tế", "lead"), ("sở, ban, ngành", "cooperate"),
                                    ("Ủy ban nhân dân xã, phường", "cooperate")}
    assert ("Ủy ban nhân dân xã, phường", "lead") in by_section["II.6.c"]
    # Mục đích / Yêu cầu items are not duties.
    assert not any(d.section and d.section.startswith("I.") for d in doc.duties)


def test_decision_article_is_a_duty(parsed) -> None:
    doc = parsed["qd2954-ubnd-2025-son-la-ke-hoach-xuat-khau-2026-2030"]
    charged = [d for d in doc.duties if d.text.startswith("Giao Sở Công Thương chủ trì")]
    assert charged and ("Sở Công Thương", "lead") in {(u.name, u.role) for u in charged[0].units}
