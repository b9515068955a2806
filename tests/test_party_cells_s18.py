"""Party cells and committees named by the body they sit in (s18 fixAB).

Every Party plan, at every level, charges its cells through a link word: "Đảng ủy cơ quan" +
the office, "Chi bộ cơ quan" + the department, "Tổ đảng ở" + a standing board. Read without the
link word the cell vanished (only the body it sits in was kept) or was cut to a bare "Đảng ủy",
and every bullet under such a heading went to the wrong unit (kh3260 of the session-17 batch,
15/92 units with roles). Invented, province-neutral wording.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chinhsach import parse
from chinhsach.extract.units import find_units


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Đảng ủy cơ quan Sở Nội vụ chủ trì hội nghị.", "Đảng ủy cơ quan Sở Nội vụ"),
        ("Chi bộ cơ quan Sở Tư pháp phối hợp thực hiện.", "Chi bộ cơ quan Sở Tư pháp"),
        ("Tổ đảng ở Thường trực Ủy ban Kinh tế chủ trì thẩm tra.", "Tổ đảng ở Thường trực Ủy ban Kinh tế"),
        ("Tổ đảng Văn phòng Đoàn đại biểu Quốc hội tham mưu.", "Tổ đảng Văn phòng Đoàn Đại biểu Quốc hội"),
        # National Assembly committees whose printed name holds a comma.
        ("Ủy ban Tài chính, Ngân sách chủ trì thẩm tra.", "Ủy ban Tài chính, Ngân sách"),
        ("Thường trực Ủy ban KH,CN&MT chủ trì.", "Thường trực Ủy ban Khoa học, Công nghệ và Môi trường"),
    ],
)
def test_a_party_cell_keeps_its_head_and_link_word(text: str, name: str) -> None:
    assert [m.name for m in find_units(text)] == [name]


def test_the_bare_committee_still_borrows_its_level() -> None:
    assert [m.name for m in find_units("Đảng ủy, UBND các xã triển khai.")] == ["Đảng ủy xã", "Ủy ban nhân dân xã"]


def test_the_cell_heading_charges_its_bullets(tmp_path: Path) -> None:
    text = """ĐẢNG BỘ TỈNH BẮC MINH
**ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH**

Số 12-KH/ĐU

Bắc Minh, ngày 3 tháng 3 năm 2026

**KẾ HOẠCH**

**thực hiện chuyển đổi số trong các cơ quan đảng**

**I. MỤC ĐÍCH, YÊU CẦU**

Nâng cao nhận thức về chuyển đổi số.

**II. NHIỆM VỤ CỤ THỂ**

**a) Chi bộ cơ quan Sở Nội vụ**

*   Quán triệt kế hoạch đến đảng viên trong quý II năm 2026.
*   Rà soát hồ sơ đảng viên trên phần mềm.

**b) Đảng ủy cơ quan Văn phòng Tỉnh ủy**

*   Bảo đảm hạ tầng mạng cho các chi bộ trực thuộc.
"""
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    doc = parse(path)
    leads = {d.section: {u.name for u in d.units if u.role == "lead"} for d in doc.duties}
    assert leads.get("II.a") == {"Chi bộ cơ quan Sở Nội vụ"}
    assert leads.get("II.b") == {"Đảng ủy cơ quan Văn phòng Tỉnh ủy"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # The law's own names for the Assembly's bodies, and its usual short name.
        ("Các Ủy ban của Quốc hội, các cơ quan thuộc UBTVQH phối hợp thẩm tra.",
         ["Ủy ban của Quốc hội", "cơ quan thuộc Ủy ban Thường vụ Quốc hội"]),
        # Deputies are persons, not the Assembly; charged as a plural they are a class.
        ("Tuyên truyền về bầu cử đại biểu Quốc hội khóa mới.", []),
        ("Các Đoàn đại biểu Quốc hội, các đại biểu Quốc hội tiếp xúc cử tri.",
         ["Đoàn Đại biểu Quốc hội", "đại biểu Quốc hội"]),
        ("Quốc hội xem xét, thông qua dự án luật.", ["Quốc hội"]),
    ],
)
def test_the_assemblys_bodies_and_deputies(text: str, names: list[str]) -> None:
    assert [m.name for m in find_units(text)] == names
