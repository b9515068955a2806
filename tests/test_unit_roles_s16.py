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


PARTY_HEADER = """| TỈNH ỦY HÒA VÂN | ĐẢNG CỘNG SẢN VIỆT NAM |
| Số: 31-CTr/TU | Hòa Vân, ngày 20 tháng 3 năm 2026 |

**CHƯƠNG TRÌNH HÀNH ĐỘNG**

**THỰC HIỆN KẾT LUẬN VỀ PHÁT TRIỂN VĂN HÓA ĐỌC**

I. MỤC TIÊU

Nâng cao văn hóa đọc trong cán bộ, đảng viên và nhân dân.

II. NHIỆM VỤ, GIẢI PHÁP

"""


def test_a_closing_line_names_who_directs_the_bullets_above(tmp_path: Path) -> None:
    """Party programmes close each group of bullets with "Trách nhiệm chỉ đạo thực hiện: X; Y.":
    the bodies lead every bullet of the group, as a "Cơ quan chủ trì:" field line does (the
    spent s14 held-out ctr104 of a provincial Party committee, nine groups)."""
    path = tmp_path / "ctr.md"
    path.write_text(PARTY_HEADER + """1. Nâng cao nhận thức về văn hóa đọc

- Tuyên truyền sâu rộng lợi ích của việc đọc sách trong trường học.

- Xây dựng tủ sách cộng đồng tại các thôn, tổ dân phố.

Trách nhiệm chỉ đạo thực hiện: Đảng ủy Ủy ban nhân dân tỉnh; các cấp ủy, tổ chức đảng.

2. Phát triển thư viện số

- Số hóa tài liệu địa chí của tỉnh.

Trách nhiệm chỉ đạo thực hiện: Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh.
""", encoding="utf-8")
    doc = parse(path)
    got = [(d.section, sorted((u.name, u.role) for u in d.units if u.explicit)) for d in doc.duties]
    party = [("cấp ủy, tổ chức đảng", "lead"), ("Đảng ủy Ủy ban nhân dân tỉnh", "lead")]
    assert got == [("II.1", party), ("II.1", party),
                   ("II.2", [("Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh", "lead")])]


def test_the_party_committee_of_the_front_and_mass_organisations_is_one_body() -> None:
    """"Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh" (or "… Trung ương") names one party
    committee since 2025, not a list (GUIDELINES-real.md [decided, s16 fixC]); the Front's own
    committee beside the organisations stays two bodies."""
    from chinhsach.extract.duties import roles_in_text
    from chinhsach.text.normalize import normalize_text

    def roles(text: str) -> set[tuple[str, str]]:
        return {(u.name, u.role) for u in roles_in_text(normalize_text(text))}

    assert roles("Đảng ủy Sở Y tế chủ trì, phối hợp với Đảng ủy Mặt trận Tổ quốc và các đoàn thể "
                 "tỉnh tổ chức hội thi.") == {("Đảng ủy Sở Y tế", "lead"),
                                              ("Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh", "cooperate")}
    assert roles("Đảng uỷ Mặt trận Tổ quốc, các đoàn thể Trung ương chủ trì sơ kết.") == {
        ("Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương", "lead")}
    assert roles("Ủy ban Mặt trận Tổ quốc, các đoàn thể tỉnh chủ trì vận động.") == {
        ("Ủy ban Mặt trận Tổ quốc tỉnh", "lead"), ("đoàn thể tỉnh", "lead")}


def test_rows_ending_with_an_empty_last_cell_in_a_table_without_outer_pipes(tmp_path: Path) -> None:
    """A table without outer pipes whose last column ("Ghi chú") is blank on every row ends each
    data row with "| " while its header ends with a label: the rows are rows of their own, not
    cells of a table that ends every cell with a pipe (the task appendix of the spent s14
    held-out kh-ubnd Chỉ thị 11, 14 rows read as one)."""
    doc = _parse(tmp_path, """Phụ lục

MỘT SỐ NHIỆM VỤ TRỌNG TÂM

TT | Tên nhiệm vụ | Cơ quan chủ trì | Đơn vị phối hợp | Thời gian thực hiện | Ghi chú
 | (1) | (2) | (3) | (4) | (5)
1 | Khảo sát nhu cầu du lịch cộng đồng | Sở Văn hóa, Thể thao và Du lịch | Sở Tài chính | Quý II/2026 |
2 | Xây dựng bộ tiêu chí homestay | Sở Công Thương | Sở Nội vụ | Hằng năm |
3 | Tập huấn người làm du lịch | Sở Nội vụ | Sở Tài chính | Thường xuyên |
""")
    rows = {d.section: {(u.name, u.role) for u in d.units} for d in doc.duties if (d.section or "").startswith("PL1")}
    assert rows == {"PL1.1": {("Sở Văn hóa, Thể thao và Du lịch", "lead"), ("Sở Tài chính", "cooperate")},
                    "PL1.2": {("Sở Công Thương", "lead"), ("Sở Nội vụ", "cooperate")},
                    "PL1.3": {("Sở Nội vụ", "lead"), ("Sở Tài chính", "cooperate")}}
    assert next(d for d in doc.duties if d.section == "PL1.1").deadline == "2026-06-30"


def test_the_commune_level_takes_the_collective_the_document_prints(tmp_path: Path) -> None:
    """"Ủy ban nhân dân cấp xã" in a document that also prints "UBND các xã, phường" (here only
    in its "Nơi nhận" list) is written as that collective (GUIDELINES-real.md [decided, adjud]
    cấp xã; spent held-out kh134, kh597, kh159 print both)."""
    path = tmp_path / "plan.md"
    path.write_text(HEADER.replace("Nội dung chi tiết tại Phụ lục kèm theo.", "Phát triển sản phẩm du lịch.")
                    + """III. TỔ CHỨC THỰC HIỆN

1. Sở Văn hóa, Thể thao và Du lịch

Chủ trì hướng dẫn các địa phương xây dựng sản phẩm du lịch.

2. Ủy ban nhân dân cấp xã

Rà soát các điểm du lịch cộng đồng trên địa bàn.

Nơi nhận: - Sở Văn hóa, Thể thao và Du lịch; - UBND các xã, phường; - Lưu: VT.
""", encoding="utf-8")
    doc = parse(path)
    roles = {(d.section, u.name, u.role) for d in doc.duties for u in d.units if u.explicit}
    assert ("III.2", "Ủy ban nhân dân xã, phường", "lead") in roles
    assert not any("cấp xã" in name for _s, name, _r in roles)


def test_a_class_heading_keeps_its_sector_and_drops_its_place(tmp_path: Path) -> None:
    """"7. Các doanh nghiệp hoạt động trong lĩnh vực …, … và … trên địa bàn tỉnh" over bullets: the
    sector names the class's kind (kept), the place restricts it (dropped); a long heading of
    twenty words is still a label (spent s15 held-out kh597 V.7)."""
    path = tmp_path / "plan.md"
    path.write_text(HEADER.replace("Nội dung chi tiết tại Phụ lục kèm theo.", "Phát triển sản phẩm du lịch.")
                    + """III. TỔ CHỨC THỰC HIỆN

1. Sở Văn hóa, Thể thao và Du lịch

Chủ trì hướng dẫn các địa phương xây dựng sản phẩm du lịch.

2. Các doanh nghiệp hoạt động trong lĩnh vực lữ hành, lưu trú, vận chuyển khách và dịch vụ ăn uống trên địa bàn tỉnh

- Tham gia xây dựng sản phẩm du lịch cộng đồng.

- Cung cấp số liệu khách du lịch theo hướng dẫn.
""", encoding="utf-8")
    doc = parse(path)
    name = "doanh nghiệp hoạt động trong lĩnh vực lữ hành, lưu trú, vận chuyển khách và dịch vụ ăn uống"
    got = [(d.section, [(u.name, u.role) for u in d.units if u.explicit]) for d in doc.duties if d.section == "III.2"]
    assert got == [("III.2", [(name, "lead")]), ("III.2", [(name, "lead")])]


def test_heads_on_both_sides_of_and_name_one_collective() -> None:
    """"Giám đốc các sở và Thủ trưởng các ban, ngành tỉnh" is the one collective "sở, ban, ngành
    tỉnh", as with a comma; without titles "và" still joins two collectives (spent s14 held-out
    kh-ubnd Chỉ thị 11 IV.1)."""
    from chinhsach.extract.duties import roles_in_text
    from chinhsach.text.normalize import normalize_text

    def roles(text: str) -> set[tuple[str, str]]:
        return {(u.name, u.role) for u in roles_in_text(normalize_text(text))}

    assert roles("Giám đốc các sở và Thủ trưởng các ban, ngành tỉnh chủ trì rà soát các điểm du lịch.") == {
        ("sở, ban, ngành tỉnh", "lead")}
    assert roles("Các sở, ban, ngành tỉnh và Ủy ban nhân dân các xã chủ trì rà soát các điểm du lịch.") == {
        ("sở, ban, ngành tỉnh", "lead"), ("Ủy ban nhân dân xã", "lead")}
