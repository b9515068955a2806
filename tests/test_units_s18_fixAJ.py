"""Unit names and heading inheritance on forms of the session-17 documents (s18 fixAJ).

Invented, province-neutral wording; each case is a form any drafter uses, seen in the s17 batch.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chinhsach import parse
from chinhsach.extract.units import find_units, one_name_per_body


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # The head written before its own abbreviation ("Ủy ban UBTVQH"): read twice it broke the
        # name into a bogus "Vụ Quốc hội" (s17 kh3260).
        ("Thực hiện theo sự phân công của Ủy ban UBTVQH.", ["Ủy ban Thường vụ Quốc hội"]),
        ("Ủy ban UBND huyện chỉ đạo các xã.", ["Ủy ban nhân dân huyện"]),
        ("Sở Y tế, UBND huyện phối hợp.", ["Sở Y tế", "Ủy ban nhân dân huyện"]),
        # A Deputy Prime Minister charged by name is the office, not the Prime Minister
        # (s17 cd119 item 9, s17 dev tb330 2.i: both blind golds "Phó Thủ tướng Chính phủ").
        ("Giao Phó Thủ tướng Trần Văn Bình trực tiếp chỉ đạo.", ["Phó Thủ tướng Chính phủ"]),
        ("Phó Thủ tướng Chính phủ chủ trì cuộc họp.", ["Phó Thủ tướng Chính phủ"]),
        # One person's two posts joined by a dash: the steering board after it is charged.
        ("Định kỳ báo cáo Thủ tướng Chính phủ, Phó Thủ tướng Chính phủ - Trưởng Ban Chỉ đạo quốc gia về "
         "phòng chống thiên tai.", ["Thủ tướng Chính phủ", "Ban Chỉ đạo quốc gia về phòng chống thiên tai"]),
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


def test_a_bare_body_takes_the_level_the_issuer_gives_it(tmp_path: Path) -> None:
    """"Báo cáo Ủy ban bầu cử" in the plan of the commune's election committee: the body is the
    commune's ("Ủy ban bầu cử xã"), as the issuer's header names it (s17 kh01-tbttkt IV.1)."""
    text = """ỦY BAN BẦU CỬ XÃ HÒA AN

Số: 05/KH-UBBC

Hòa An, ngày 12 tháng 12 năm 2025

KẾ HOẠCH

Tuyên truyền về cuộc bầu cử trên địa bàn xã

I. MỤC ĐÍCH, YÊU CẦU

Bảo đảm cuộc bầu cử dân chủ, đúng luật.

II. TỔ CHỨC THỰC HIỆN

1. Công an xã bảo đảm an ninh tại các khu vực bỏ phiếu, báo cáo Ủy ban bầu cử trước ngày 20/3/2026.
"""
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    doc = parse(path)
    units = {(u.name, u.role) for d in doc.duties for u in d.units}
    assert ("Ủy ban bầu cử xã", "report_to") in units
    assert ("Công an xã", "lead") in units


def test_local_branches_are_one_class_however_printed(tmp_path: Path) -> None:
    """"các Cục Thuế địa phương" and "Cục Thuế các tỉnh, thành phố" in one central document are
    one class, written as the level list (s17 tb990 2.5-2.8, its blind gold)."""
    text = """BỘ TÀI CHÍNH
**TỔNG CỤC MẪU**

Số: 77/KH-TCM

Hà Nội, ngày 02 tháng 3 năm 2026

**KẾ HOẠCH**

**Rà soát hồ sơ hoàn thuế năm 2026**

I. MỤC ĐÍCH, YÊU CẦU

Bảo đảm hồ sơ được xử lý đúng hạn.

II. NHIỆM VỤ

1. Vụ Pháp chế chủ trì, phối hợp với các Cục Thuế địa phương rà soát hồ sơ trong quý II/2026.

2. Cục Thuế các tỉnh, thành phố báo cáo kết quả về Tổng cục trước ngày 30/6/2026.
"""
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    doc = parse(path)
    units = {(u.name, u.role) for d in doc.duties for u in d.units}
    assert ("Cục Thuế tỉnh, thành phố", "cooperate") in units
    assert not any(name.endswith("địa phương") for name, _ in units)


def test_a_charging_item_of_a_telegram_without_parts_is_a_duty(tmp_path: Path) -> None:
    """A telegram's numbered items, no parts: the last one, "Giao Phó Thủ tướng <name> chỉ đạo …",
    printed as a heading line with no body, charges the Deputy Prime Minister (s17 cd119 item 9)."""
    text = """THỦ TƯỚNG CHÍNH PHỦ

Số: 21/CĐ-TTg

Hà Nội, ngày 04 tháng 5 năm 2026

**CÔNG ĐIỆN**

**Về việc tăng cường phòng, chống hàng giả trên môi trường mạng**

THỦ TƯỚNG CHÍNH PHỦ điện:

- Bộ trưởng các Bộ: Công Thương, Công an;

Để ngăn chặn hàng giả trên môi trường mạng, Thủ tướng Chính phủ yêu cầu:

1. Bộ Công Thương chủ trì rà soát các sàn giao dịch trong tháng 6/2026.

2. Bộ Công an chủ trì điều tra, xử lý nghiêm các vụ việc vi phạm.

3. Giao Phó Thủ tướng Lê Văn Cường trực tiếp chỉ đạo, đôn đốc việc thực hiện Công điện này./.
"""
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    doc = parse(path)
    assert any(d.section == "3" and [(u.name, u.role) for u in d.units] == [("Phó Thủ tướng Chính phủ", "lead")]
               for d in doc.duties)


def test_a_school_names_its_teams_and_sections_one_way() -> None:
    """A school plan's table prints "Tổ Tư vấn tâm lý" and "Văn phòng" for the "Tổ Tư vấn tâm lý
    học đường" and "Bộ phận Văn phòng" its items charge (s17 dev kh-thpt, its blind gold)."""
    names = ["Tổ Hỗ trợ học tập", "Tổ Hỗ trợ học tập học sinh", "Văn phòng", "Bộ phận Văn phòng"]
    assert one_name_per_body(names) == {"Tổ Hỗ trợ học tập": "Tổ Hỗ trợ học tập học sinh",
                                        "Văn phòng": "Bộ phận Văn phòng"}
