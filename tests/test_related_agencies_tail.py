""""X và các cơ quan liên quan" adds any related office to X: the generic tail is not a member of
the collective X.

Seen in the s14 development document qd892-ttg-2026 ("phối hợp với các bộ, ngành, địa phương và
các cơ quan liên quan"; the comma-joined "các sở, ngành, cơ quan liên quan" of the session-13
plans stays one collective). Invented wording below.
"""

from __future__ import annotations

import pytest

from chinhsach.extract.duties import roles_in_text


@pytest.mark.parametrize(("text", "unit"), [
    ("Chủ trì, phối hợp với các bộ, ngành, địa phương và các cơ quan liên quan rà soát danh mục.",
     "bộ, ngành, địa phương"),
    ("Phối hợp với các sở, ngành và các cơ quan có liên quan kiểm kê kho lưu trữ.", "sở, ngành"),
    ("Phối hợp với các sở, ngành, cơ quan liên quan kiểm kê kho lưu trữ.", "sở, ngành, cơ quan"),
    # "các bộ, cơ quan" closing the clause (a table's partner cell in s14 nq116/NQ-CP): the
    # Government's ministries and agencies, not "bộ" alone.
    ("Kiểm kê kho lưu trữ, phối hợp với các bộ, cơ quan.", "bộ, cơ quan"),
])

def test_related_agencies_after_and_are_not_a_member(text: str, unit: str) -> None:
    assert [(u.name, u.role) for u in roles_in_text(text)] == [(unit, "cooperate")]


def test_a_slash_joins_the_provincial_levels_of_a_collective() -> None:
    """"UBND các tỉnh/thành phố" in a duty table cell (s14 nq116/NQ-CP): before, the slash cut
    the collective to "Ủy ban nhân dân tỉnh"; the district levels were already joined so."""
    roles = roles_in_text("UBND các tỉnh/thành phố chủ trì củng cố đội xung kích ở cơ sở.")
    assert [(u.name, u.role) for u in roles] == [("Ủy ban nhân dân tỉnh, thành phố", "lead")]


def test_ministries_and_agencies_before_the_provinces() -> None:
    roles = roles_in_text("Các bộ, cơ quan, UBND các tỉnh, thành phố tổ chức tập huấn cho cán bộ cơ sở.")
    assert [(u.name, u.role) for u in roles] == [("bộ, cơ quan", "lead"),
                                                 ("Ủy ban nhân dân tỉnh, thành phố", "lead")]
