"""A growth-target table printed as stacked line pieces: the value column right after the
indicator, rows printed without STT (the total first, "- …" parts, "Trong đó: …"), a Roman
group row that names its own bodies, and a partner column wider than the indicator column.

Layout seen in the s15 development document nq109-cp-2026-cthd-dh14 (Official Gazette text
layer, Phụ lục II "TT | Ngành, lĩnh vực/Địa phương | Tốc độ bình quân 2026 - 2030 (%/năm) | Cơ
quan chủ trì, theo dõi | Cơ quan phối hợp"). Before, the header took the first row's words
("Cả nước" / "≥ 10,0") as a sixth label, the span label named no column and no row was read
(0 of its 48 targets, 0 of its ~70 unit triples). Invented wording, places and figures below.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.structure.tables import _role_of

_HEAD = """CHÍNH PHỦ
Số: 88/NQ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 3 tháng 3 năm 2031

NGHỊ QUYẾT
Về Chương trình hành động phát triển vùng ven biển

CHÍNH PHỦ
QUYẾT NGHỊ:
I. NHIỆM VỤ
1. Phát triển kinh tế vùng ven biển.
II. TỔ CHỨC THỰC HIỆN
1. Bộ Tài chính theo dõi việc thực hiện Nghị quyết này.

TM. CHÍNH PHỦ
THỦ TƯỚNG

Trần Văn Mẫu

"""

_PARTNER = """Các bộ, cơ quan, địa
phương, các hợp tác xã, các
hiệp hội ngành hàng theo
chức năng được giao
"""

GROWTH = _HEAD + """Phụ lục II
MỤC TIÊU TĂNG TRƯỞNG VÙNG VEN BIỂN GIAI ĐOẠN 2031 - 2035
(Kèm theo Nghị quyết số 88/NQ-CP ngày 3 tháng 3 năm 2031 của Chính phủ)

TT
LĨNH VỰC/
ĐỊA BÀN
TỐC ĐỘ BÌNH
QUÂN 2031 -
2035 (%/NĂM)
CƠ QUAN CHỦ
TRÌ, THEO DÕI
CƠ QUAN
PHỐI HỢP
Toàn vùng
≥ 8,5
I
THEO LĨNH VỰC
1
Khai thác hải sản
xa bờ
4,2
Bộ Nông nghiệp và
Môi trường
""" + _PARTNER + """2
Chế biến và dịch vụ
cảng biển
9,4
- Chế biến
8,8
Bộ Công Thương
""" + _PARTNER + """Trong đó: Chế biến
đồ hộp
9,1
Bộ Công Thương
""" + _PARTNER + """- Dịch vụ cảng
10,6
Bộ Xây dựng
""" + _PARTNER + """II
THEO ĐỊA BÀN
Các tỉnh ven biển
Các bộ, cơ quan, địa
phương có liên quan
1
Tỉnh Bắc Hải
7,5 - 8,0
2
Tỉnh Nam Hải
9,0
Ghi chú: số liệu theo giá so sánh.
"""


def test_a_span_label_names_its_last_year() -> None:
    assert _role_of("TỐC ĐỘ BÌNH QUÂN 2031 - 2035 (%/NĂM)") == "value:2035"


def _units(duty) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in duty.units]


def test_a_growth_table_gives_its_targets_and_bodies(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, GROWTH, "nq.md")
    targets = {(t.section, t.value, t.value_max) for t in doc.targets if (t.section or "").startswith("PL2")}
    assert ("PL2.r1", 8.5, None) in targets  # the total, printed with no STT
    assert ("PL2.I.1", 4.2, None) in targets
    assert ("PL2.I.2", 8.8, None) in targets  # a "- …" part keeps its row's id
    assert ("PL2.I.2", 10.6, None) in targets
    assert ("PL2.II.1", 7.5, 8.0) in targets
    assert ("PL2.II.2", 9.0, None) in targets
    assert all(t.unit == "%/năm" for t in doc.targets if (t.section or "").startswith("PL2"))
    parts = {t.indicator for t in doc.targets if t.section == "PL2.I.2" and t.value == 10.6}
    assert not any("trong đó" in p.lower() for p in parts)
    duties = [d for d in doc.duties if (d.section or "").startswith("PL2") and d.units]
    by_section: dict[str, list[tuple[str, str]]] = {}
    for d in duties:
        by_section.setdefault(d.section, []).extend(_units(d))
    assert ("Bộ Nông nghiệp và Môi trường", "lead") in by_section["PL2.I.1"]
    assert ("Bộ Xây dựng", "lead") in by_section["PL2.I.2"]
    # The Roman row's bodies are its own: no province row repeats them.
    assert any(role == "lead" for _n, role in by_section["PL2.II"])
    assert "PL2.II.1" not in by_section and "PL2.II.2" not in by_section


def test_a_total_row_without_bodies_takes_none_from_the_row_above(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, GROWTH, "nq.md")
    leads = {u.name for d in doc.duties if d.section == "PL2.I.2" for u in d.units if u.role == "lead"}
    assert "Bộ Nông nghiệp và Môi trường" not in leads


# Two unit cells printed on one line ("Bộ A Các bộ, …"): seen in nq109-cp-2026 Phụ lục III and IV
# (four rows). Invented wording.
ONE_LINE_CELLS = _HEAD + """Phụ lục III
NHIỆM VỤ TRỌNG TÂM NĂM 2031
(Kèm theo Nghị quyết số 88/NQ-CP ngày 3 tháng 3 năm 2031 của Chính phủ)

TT
NHIỆM VỤ
THỜI HẠN
HOÀN THÀNH
CƠ QUAN CHỦ TRÌ
CƠ QUAN PHỐI HỢP
1
Rà soát quy định về quản lý cảng cá, khu neo đậu tránh trú bão cho tàu cá
và công bố danh mục cảng cá đủ điều kiện trên toàn quốc
Quý III/2031
Bộ Nông nghiệp và
Môi trường
Các bộ, cơ quan, địa
phương có liên quan
2
Kiểm kê hiện trạng rừng ngập mặn ven biển
Quý IV/2031
Bộ Nông nghiệp và Môi trường Các bộ, cơ quan, địa
phương ven biển
3
Xây dựng cơ sở dữ liệu về tàu thuyền hoạt động trên các vùng biển của quốc gia
Năm 2031
Bộ Xây dựng
Các bộ, cơ quan, địa
phương có liên quan
"""


def test_two_unit_cells_on_one_line_are_two_cells(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, ONE_LINE_CELLS, "nq.md")
    units = [(u.name, u.role) for d in doc.duties if d.section == "PL3.2" for u in d.units]
    assert ("Bộ Nông nghiệp và Môi trường", "lead") in units
    assert any(role == "cooperate" and name.startswith("bộ, cơ quan") for name, role in units)
    assert not any(d.section is None or d.section == "PL3.r3" for d in doc.duties if d.units and "Môi trường Các" in d.text)
    assert [d.deadline for d in doc.duties if d.section == "PL3.2"][0] == "2031-12-31"


def test_a_part_named_inside_its_item_keeps_its_own_name(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, GROWTH, "nq.md")
    names = {t.value: t.indicator for t in doc.targets if t.section == "PL2.I.2"}
    # "- Chế biến" under "Chế biến và dịch vụ cảng biển": not "chế biến chế biến và dịch vụ …"
    assert names[8.8].endswith("chế biến") and "cảng biển" not in names[8.8]


def test_rows_of_places_take_the_measure_from_the_title(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, GROWTH, "nq.md")
    names = {t.section: t.indicator for t in doc.targets if t.section in ("PL2.II.1", "PL2.II.2")}
    assert names["PL2.II.1"].startswith("tăng trưởng") and names["PL2.II.1"].endswith("Bắc Hải")
    assert names["PL2.II.2"].startswith("tăng trưởng") and names["PL2.II.2"].endswith("Nam Hải")
