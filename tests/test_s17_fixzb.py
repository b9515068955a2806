"""Units a duty names through the document itself (session 17, helper fixZb): a team named by
either of its short names, a set of bodies defined once and then charged by the term, and
bodies listed elsewhere charged by reference. Invented wording throughout.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text
from test_small_decisions_s16 import COUNCIL, SIGNATURE, _units


def test_team_keeps_both_short_names(tmp_path: Path) -> None:
    """Before: a team set up with two short names ("Tổ giúp việc" and "Tổ giúp việc Hội đồng",
    both its full name) kept only the one read last, since the names were keyed by the full
    name (extract/document.py ``_with_set_up_bodies``): an item charging the bare "Tổ giúp việc"
    had no lead (reviewer-found, s17)."""
    text = COUNCIL + """Điều 3. Tổ giúp việc chuẩn bị hồ sơ, tài liệu cho các phiên họp thẩm định.
Điều 4. Quyết định này có hiệu lực kể từ ngày ký./.
""" + SIGNATURE
    team = "Tổ giúp việc Hội đồng thẩm định hồ sơ dự án khu du lịch Hồ Xanh"
    doc = parse_text(tmp_path, text, "quyet-dinh.md")
    assert (team, "lead") in _units(doc, "D3")
    assert _units(doc, "D2.2") == {(team, "lead")}
