"""Names a document defines for a body, and the addressees a letter charges (session 15, fixU).

Every text here is invented (province "An Hòa", made-up bodies, tasks and dates).
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.extract.duties import defined_unit_names

_HEADER = """THỦ TƯỚNG CHÍNH PHỦ
______________

Số: 402/QĐ-TTg
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
_______________________________________________
Hà Nội, ngày 21 tháng 02 năm 2026

QUYẾT ĐỊNH
Thành lập Ban Chỉ đạo quốc gia về phát triển nông nghiệp hữu cơ

THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
QUYẾT ĐỊNH:
"""


def test_both_bracket_forms_are_one_mapping() -> None:
    """"(gọi tắt là Y)" after a head noun phrase Y begins, and "(sau đây gọi là Y)" after a list
    of bodies Y abbreviates, give one mapping (folded short name → full name): one reader of the
    names a document defines (before: two readers with two data shapes, fixP's and fixQ's)."""
    defined = defined_unit_names([
        "Thành lập Ban Chỉ đạo quốc gia về phát triển nông nghiệp hữu cơ (gọi tắt là Ban Chỉ đạo).",
        "Kính gửi các Bộ, cơ quan ngang Bộ, cơ quan khác ở trung ương (sau đây gọi là Bộ, cơ quan trung ương).",
    ])
    assert defined["ban chi dao"] == "Ban Chỉ đạo quốc gia về phát triển nông nghiệp hữu cơ"
    assert len(defined) == 2


def test_a_short_name_defined_below_with_a_colon_takes_the_full_name(tmp_path: Path) -> None:
    """"(dưới đây được gọi tắt là: Ban Chỉ đạo)": the same definition in other words, the full
    name stands for the committee's tasks (before: the bare "Ban Chỉ đạo", the reader of
    "gọi tắt là" took neither "dưới đây" nor the colon)."""
    text = _HEADER + """Điều 1. Thành lập Ban Chỉ đạo quốc gia về phát triển nông nghiệp hữu cơ (dưới đây được gọi tắt là: Ban Chỉ đạo), gồm các thành viên sau đây:
1. Trưởng ban: Phó Thủ tướng Chính phủ.
2. Ủy viên: Bộ trưởng Bộ Nông nghiệp và Môi trường.
Điều 2. Nhiệm vụ của Ban Chỉ đạo:
1. Nghiên cứu, đề xuất chính sách khuyến khích sản xuất nông nghiệp hữu cơ.
2. Đôn đốc các bộ, ngành thực hiện chương trình nông nghiệp hữu cơ.
Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký./.

THỦ TƯỚNG
"""
    doc = parse_text(tmp_path, text, "qd.md")
    full = "Ban Chỉ đạo quốc gia về phát triển nông nghiệp hữu cơ"
    d21 = [d for d in doc.duties if d.section == "D2.1"]
    assert d21 and (full, "lead") in {(u.name, u.role) for u in d21[0].units}
