"""Unit names and roles in forms met in the spent held-out documents of sessions 14-15 (s16 fixC).

Invented, province-neutral wording; the forms are those of real documents (named in each test).
"""

from __future__ import annotations

from pathlib import Path

from chinhsach import parse
from chinhsach.model import Document

HEADER = """| ỦY BAN NHÂN DÂN TỈNH HÒA VÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 52/KH-UBND | Hòa Vân, ngày 10 tháng 3 năm 2026 |

**KẾ HOẠCH**

**PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG TỈNH HÒA VÂN NĂM 2026**

I. MỤC ĐÍCH, YÊU CẦU

Nâng cao chất lượng dịch vụ du lịch cộng đồng.

II. NHIỆM VỤ

Nội dung chi tiết tại Phụ lục kèm theo.

"""


def _parse(tmp_path: Path, body: str) -> Document:
    path = tmp_path / "plan.md"
    path.write_text(HEADER + body, encoding="utf-8")
    return parse(path)


def test_rows_under_a_task_group_column_are_data_rows(tmp_path: Path) -> None:
    """"Nhóm hoạt động | Hoạt động | Cơ quan chủ trì | …": the group cell is printed on the
    group's first row only; each row below with its own activity, lead and time is a task of its
    own (the appendix of the 2017 national REDD+ programme decision, spent s14 held-out qd419:
    34 of its 45 rows were read as group rows and dropped). A lead-in row with no body and no
    time ("+ Thực hiện các việc sau:") stays a group row."""
    doc = _parse(tmp_path, """PHỤ LỤC

CÁC HOẠT ĐỘNG CHỦ YẾU

| TT | Nhóm hoạt động | Hoạt động | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
| --- | --- | --- | --- | --- | --- |
| - | Phát triển sản phẩm du lịch | + Khảo sát các điểm du lịch cộng đồng | Sở Văn hóa, Thể thao và Du lịch | Sở Tài chính | 2026 - 2027 |
|  |  | + Xây dựng bộ tiêu chí homestay | Sở Công Thương | Sở Văn hóa, Thể thao và Du lịch | 2026 |
|  |  | + Thực hiện các việc sau: |  |  |  |
|  |  | . Tập huấn người làm du lịch | Sở Nội vụ | Sở Tài chính | 2026 - 2028 |
| - | Quảng bá du lịch | + In ấn tài liệu quảng bá | Sở Tài chính | Sở Công Thương | 2027 |
""")
    rows = {d.section: {(u.name, u.role) for u in d.units} for d in doc.duties if (d.section or "").startswith("PL1")}
    assert set(rows) == {"PL1.r1", "PL1.r2", "PL1.r3", "PL1.r4"}
    assert rows["PL1.r2"] == {("Sở Công Thương", "lead"), ("Sở Văn hóa, Thể thao và Du lịch", "cooperate")}
    assert rows["PL1.r3"] == {("Sở Nội vụ", "lead"), ("Sở Tài chính", "cooperate")}
    r3 = next(d for d in doc.duties if d.section == "PL1.r3")
    assert r3.deadline == "2028-12-31"
    assert "Tập huấn" in r3.text
