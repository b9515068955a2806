"""Unit names and heading inheritance on forms of the session-17 documents (s18 fixAJ).

Invented, province-neutral wording; each case is a form any drafter uses, seen in the s17 batch.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chinhsach import parse
from chinhsach.extract.units import find_units


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # The head written before its own abbreviation ("Ủy ban UBTVQH"): read twice it broke the
        # name into a bogus "Vụ Quốc hội" (s17 kh3260).
        ("Thực hiện theo sự phân công của Ủy ban UBTVQH.", ["Ủy ban Thường vụ Quốc hội"]),
        ("Ủy ban UBND huyện chỉ đạo các xã.", ["Ủy ban nhân dân huyện"]),
        ("Sở Y tế, UBND huyện phối hợp.", ["Sở Y tế", "Ủy ban nhân dân huyện"]),
    ],
)
def test_a_head_written_before_its_abbreviation_is_read_once(text: str, names: list[str]) -> None:
    assert [m.name for m in find_units(text)] == names


def test_a_charging_heading_charges_its_bullets_outside_a_tasks_part(tmp_path: Path) -> None:
    """A conclusions notice lists next quarter's work one numbered item per office ("2.3. Giao
    Vụ X" over verbless bullets) under a part title the outline does not read as tasks: the
    heading still charges every bullet (s17 tb990 2.2-2.14: 35 of ~100 duties were read)."""
    text = """BỘ KẾ HOẠCH MẪU
**CỤC QUẢN LÝ MẪU**

Số: 45/TB-CQLM

Hà Nội, ngày 10 tháng 10 năm 2026

**THÔNG BÁO**

**Kết luận của Cục trưởng tại hội nghị giao ban quý III**

1. Tình hình thực hiện nhiệm vụ quý III

Các đơn vị đã hoàn thành phần lớn khối lượng công việc.

2. Công tác trọng yếu của quý tiếp theo,

2.1. Giao Vụ Pháp chế

- Rà soát các văn bản hướng dẫn còn chồng chéo.

- Hoàn thiện dự thảo quy chế phối hợp trong tháng 11/2026.

2.2. Giao Văn phòng Cục

- Tổng hợp kết quả giao ban, trình Lãnh đạo Cục.
"""
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    doc = parse(path)
    leads = [(d.section, sorted(u.name for u in d.units if u.role == "lead")) for d in doc.duties]
    assert leads.count(("2.1", ["Vụ Pháp chế"])) == 2
    assert any(s == "2.2" and names for s, names in leads)
