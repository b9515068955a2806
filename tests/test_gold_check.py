"""evaluation/gold_check.py: the normalised text gold files are checked against."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evaluation"))
import gold_check  # noqa: E402  (an evaluation script, not a package module)

# The development gold and the second, blind golds of session 10 (development and held-out plans).
REAL_GOLD = [p for folder in ("real", "reann", "heldout-reann")
             for p in sorted((ROOT / "evaluation" / "gold" / folder).glob("*.json"))]


def test_wraps_markdown_footnotes_and_tones_are_normalised(tmp_path: Path) -> None:
    doc = tmp_path / "plan.md"
    doc.write_text("**a) Phát triển kinh tế số, hoà nhập**\ncộng đồng[1] và\n\nxã hội\n", encoding="utf-8")
    text = gold_check.normalised_document(doc)
    assert "a) Phát triển kinh tế số, hòa nhập cộng đồng và xã hội" in text


def test_table_cells_keep_their_boundaries(tmp_path: Path) -> None:
    # Lone pipes (cells spread over lines) and inline pipes both separate cells: a text may not
    # run from the task cell into the unit cell, but a cell wrapped over two lines is one piece.
    doc = tmp_path / "table.md"
    doc.write_text("|\n1.1\n|\nTriển khai nền tảng\nsố\n|\nSở Y tế\n|\n|\n| 1.2 | Xây dựng kế hoạch | Công an tỉnh |\n",
                   encoding="utf-8")
    text = gold_check.normalised_document(doc)
    assert "Triển khai nền tảng số" in text
    assert "Triển khai nền tảng số Sở Y tế" not in text
    assert "Xây dựng kế hoạch" in text
    assert "Xây dựng kế hoạch Công an tỉnh" not in text


def test_check_reports_texts_missing_from_the_document(tmp_path: Path) -> None:
    (tmp_path / "doc.md").write_text("Sở Y tế chủ trì, phối hợp với Sở Tài chính.\n", encoding="utf-8")
    gold = tmp_path / "g.json"
    gold.write_text(json.dumps({"file": str(tmp_path / "doc.md"), "duties": [
        {"section": "II.1", "text": "Sở Y tế chủ trì, phối hợp với Sở Tài chính"},
        {"section": "II.2", "text": "Sở Nội vụ chủ trì"},
    ]}), encoding="utf-8")
    problems = gold_check.check(gold)
    assert len(problems) == 1 and "II.2" in problems[0]


def test_missing_document_is_a_clear_error(tmp_path: Path) -> None:
    gold = tmp_path / "g.json"
    gold.write_text(json.dumps({"file": "../shared/real/plans/no-such-plan.md"}), encoding="utf-8")
    with pytest.raises(gold_check.GoldFileError, match="no-such-plan.md"):
        gold_check.check(gold)


@pytest.mark.parametrize("gold", REAL_GOLD, ids=[p.stem for p in REAL_GOLD])
def test_real_gold_texts_occur_in_their_documents(gold: Path) -> None:
    file = json.loads(gold.read_text(encoding="utf-8"))["file"]
    try:
        gold_check.document_path(gold, file)
    except gold_check.GoldFileError:
        pytest.skip(f"real document {file} absent (../shared/real is not in this checkout)")
    assert gold_check.check(gold) == []


def test_gold_agreement_splits_unit_roles_by_who_has_them() -> None:
    import gold_agreement  # noqa: PLC0415  (imports the pipeline: only this test needs it)

    def duties(*triples: tuple[str, str, str]) -> dict:
        return {"duties": [{"section": s, "units": [{"name": n, "role": r}]} for s, n, r in triples]}

    system = duties(("I.1", "Sở Y tế", "lead"), ("I.2", "Sở Tài chính", "lead"), ("I.2", "Sở Tài chính", "lead"))
    dev = duties(("I.1", "Sở Y tế", "lead"), ("I.2", "Sở Tài chính", "lead"))
    second = duties(("I.1", "Sở Y tế", "lead"), ("I.2", "Sở Tài chính", "cooperate"))
    counts, members = gold_agreement.triple_patterns(system, dev, second)
    # The second copy of a triple the system has twice is the system's alone.
    assert counts == {"S D R": 1, "S D": 1, "S": 1, "R": 1}
    assert members["R"] == [("I.2", "so tai chinh", "cooperate")]
