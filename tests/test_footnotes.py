"""Footnotes of crawled pages: "[1]" anchors in the text, the notes after the signature."""

from __future__ import annotations

from pathlib import Path

from chinhsach import parse

# The shape of a crawled provincial plan (thuvienphapluat markdown): anchors glued to a word, the
# signature block, then the notes, each opened by its number on a line of its own.
PLAN = """**ỦY BAN NHÂN DÂN TỈNH BÌNH AN**

Số: 12/KH-UBND

*Bình An, ngày 03 tháng 3 năm 2025*

**KẾ HOẠCH**

**Thực hiện công tác dân số năm 2025**

Thực hiện các chương trình của Chính phủ[1], Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

**I. MỤC ĐÍCH, YÊU CẦU**

1. Triển khai đồng bộ các chương trình về dân số.

**II. NHIỆM VỤ**

1. Sở Y tế chủ trì tổ chức truyền thông về dân số theo các quyết định của Thủ tướng Chính phủ[2]
và hướng dẫn của Bộ Y tế.

2. Ủy ban nhân dân cấp xã rà soát dân số hằng năm.

**TM. ỦY BAN NHÂN DÂN**

**CHỦ TỊCH**

Nguyễn Văn A

[1]
Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương; Quyết định số
1679/QĐ-TTg ngày 22/11/2019 của Thủ tướng Chính phủ về Chiến lược dân số Việt Nam đến năm 2030.

[2] Quyết định số 537/QĐ-TTg ngày 17/4/2020 của Thủ tướng Chính phủ phê duyệt Chương trình
truyền thông dân số đến năm 2030; Quyết định số 588/QĐ-TTg ngày 28/4/2020 của Thủ tướng
Chính phủ giao Bộ Y tế chủ trì thực hiện Chương trình điều chỉnh mức sinh đạt 2,1 con.
"""


def test_notes_are_read_at_their_anchors(tmp_path: Path) -> None:
    path = tmp_path / "kh12.md"
    path.write_text(PLAN, encoding="utf-8")
    doc = parse(path)
    notes = [s for s in doc.segments if s.kind == "note"]
    assert [s.text[:3] for s in notes] == ["[1]", "[2]"]
    # [1] is anchored in the preamble (no section), [2] in item II.1.
    assert [s.section for s in notes] == [None, "II.1"]
    assert all(s.searchable for s in notes)
    # The signature block stays a signature block.
    assert [s.text for s in doc.segments if s.kind == "signature"][-1] == "Nguyễn Văn A"
    # The anchors are gone from the text itself.
    assert not any("[2]" in s.text for s in doc.segments if s.kind != "note")

    numbers = {c.number: c.section for c in doc.citations}
    assert {"21-NQ/TW", "1679/QĐ-TTg", "537/QĐ-TTg", "588/QĐ-TTg"} <= set(numbers)
    assert numbers["537/QĐ-TTg"] == "II.1"
    # A note charges no one and sets no target, whatever its words ("giao Bộ Y tế chủ trì …
    # đạt 2,1 con"): duties and targets come from the plan's own text only.
    assert not any(d.segment_id in {s.id for s in notes} for d in doc.duties)
    assert not any(t.segment_id in {s.id for s in notes} for t in doc.targets)
    assert {d.section for d in doc.duties} >= {"II.1", "II.2"}


def test_notes_without_a_signature_block(tmp_path: Path) -> None:
    # A page cut before its signature: the notes follow the last item; an anchored number
    # opens them all the same.
    text = PLAN.replace("**TM. ỦY BAN NHÂN DÂN**\n\n**CHỦ TỊCH**\n\nNguyễn Văn A\n\n", "")
    path = tmp_path / "kh12-cut.md"
    path.write_text(text, encoding="utf-8")
    doc = parse(path)
    notes = [s for s in doc.segments if s.kind == "note"]
    assert [s.section for s in notes] == [None, "II.1"]
    assert not any(d.segment_id in {s.id for s in notes} for d in doc.duties)


def test_the_documents_own_number_is_not_a_citation(tmp_path: Path) -> None:
    text = PLAN.replace("**TM. ỦY BAN NHÂN DÂN**", "(Kèm theo Kế hoạch số 12/KH-UBND ngày 03/3/2025 của Ủy ban "
                        "nhân dân tỉnh Bình An; thực hiện Kế hoạch số 07/KH-UBND ngày 10/01/2025)\n\n"
                        "**TM. ỦY BAN NHÂN DÂN**")
    path = tmp_path / "kh12-own.md"
    path.write_text(text, encoding="utf-8")
    doc = parse(path)
    assert doc.meta.number == "12/KH-UBND"
    numbers = {c.number for c in doc.citations}
    assert "07/KH-UBND" in numbers and "12/KH-UBND" not in numbers
