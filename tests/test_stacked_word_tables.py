"""Duty tables of the Official Gazette's text layer in stacked layouts not read before (session
15, helper fixM): narrow cells printed one word per line under STT markers with a dot, and a
unit-headed table whose merged body cell is printed in the middle of its rows.

Invented wording, bodies and figures below; each test names the layout and where it was seen.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.structure.tables import _cells_by_width, _header_roles

_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH KIM SƠN\n\nSố: 61/KH-UBND\n\nKim Sơn, ngày 02 tháng 3 năm 2026\n\n"
         "KẾ HOẠCH\nPhát triển thư viện số năm 2026\n\n"
         "I. NHIỆM VỤ\n1. Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo.\n\n"
         "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Bình\n\n")

# The layer prints the STT with its dot ("I.", "1.") and the narrow columns a word or two per
# line, one column after another (s15 dev nq100/NQ-CP 2026 Phụ lục, 33 rows in groups I-VII;
# before, no table was read: units 0.46, deadlines 0.18). Invented rows.
WORD_STACKED = _HEAD + (
    "PHỤ LỤC\nDANH MỤC NHIỆM VỤ PHÁT TRIỂN THƯ VIỆN SỐ NĂM 2026\n(Kèm theo Kế hoạch số 61/KH-UBND)\n"
    "TT \nTên nhiệm vụ \nCơ quan \nchủ trì \nCơ \nquan \nphối hợp \nKết quả \nThời \nhạn \n"
    "I.  \nSố hóa tài liệu và kết nối các thư viện cơ sở \n"
    "1.  \nSố hóa toàn bộ tài liệu quý hiếm đang lưu giữ tại \nthư viện tỉnh và các thư viện cấp xã, "
    "bảo \nđảm khai thác trên môi trường mạng. \n"
    "Sở Văn \nhóa \nCác \nSở, \nngành, \nđịa \nphương, Thư \nviện tỉnh \n"
    "Kho tài liệu \nsố \nThực \nhiện \nthường \nxuyên. \n"
    "2.  \nXây dựng cổng tra cứu dùng chung cho hệ thống \nthư viện công cộng của tỉnh và kết nối với \n"
    "các trường học trên địa bàn. \n"
    "Sở Khoa \nhọc và \nCông nghệ \nSở Tài \nchính, \nSở Nội vụ \nCổng tra cứu \nNăm 2026 \n"
    "II. \nBồi dưỡng người làm công tác thư viện \n"
    "1.  \nTổ chức bồi dưỡng kỹ năng số cho người làm \ncông tác thư viện ở cấp xã. \n"
    "Sở Nội \nvụ \nThư \nviện \ntỉnh \nLớp bồi \ndưỡng \nNăm \n2026 - \n2027 \n"
)


def test_a_table_with_dotted_markers_and_one_word_per_line_is_read(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, WORD_STACKED)
    rows = {d.section: d for d in doc.duties if d.section and d.section.startswith("PL1.")}
    assert set(rows) == {"PL1.I.1", "PL1.I.2", "PL1.II.1"}

    def roles(section: str) -> set[tuple[str, str]]:
        return {(u.name, u.role) for u in rows[section].units}

    assert ("Sở Văn hóa", "lead") in roles("PL1.I.1")
    assert ("Thư viện tỉnh", "cooperate") in roles("PL1.I.1")
    assert rows["PL1.I.1"].recurring == "thường xuyên"
    assert ("Sở Khoa học và Công nghệ", "lead") in roles("PL1.I.2")
    assert {("Sở Tài chính", "cooperate"), ("Sở Nội vụ", "cooperate")} <= roles("PL1.I.2")
    assert rows["PL1.I.2"].deadline == "2026-12-31"
    assert ("Sở Nội vụ", "lead") in roles("PL1.II.1") and ("Thư viện tỉnh", "cooperate") in roles("PL1.II.1")
    assert rows["PL1.II.1"].deadline == "2027-12-31"


def test_a_time_keeps_its_column_when_a_cell_is_blank() -> None:
    """A row that prints no partner: its time is the last column's, not the partner's."""
    from chinhsach.model import Provenance, SourceLine

    def line(text: str) -> SourceLine:
        return SourceLine(text=text, prov=Provenance(file="t", page=None, line=1))

    body = [line("Thành lập tổ giúp việc liên ngành về thư viện số"), line("Trong năm 2026")]
    assert _cells_by_width("2", body, False, 3, 0, 30) == ["2", body[0].text, None, None, "Trong năm 2026"]


# A unit-headed table ("STT | Đơn vị | Nhiệm vụ chủ trì | Đơn vị phối hợp | Thời gian hoàn
# thành"): the STT and body cell is merged over the body's rows and printed in the middle of them,
# the rows before it print no STT; the page number and the header stand again at each page (s15
# dev nq175/NQ-CP 2023 Phụ lục I, 37 rows under "II. NHIỆM VỤ CỤ THỂ" after numbered general
# tasks under "I. NHIỆM VỤ CHUNG"; before, the table was not read and the parts were lost:
# PL1 units 0.50). Invented rows.
UNIT_HEADED = _HEAD + (
    "Phụ lục I\nNHIỆM VỤ CỦA CÁC SỞ, NGÀNH\n(Kèm theo Kế hoạch số 61/KH-UBND)\n"
    "I. NHIỆM VỤ CHUNG\n"
    "1. Rà soát danh mục tài liệu cần số hóa của đơn vị (hoàn thành trong Quý II/2026).\n"
    "2. Cử cán bộ đầu mối phối hợp với Thư viện tỉnh.\n"
    "II. NHIỆM VỤ CỤ THỂ\n"
    "STT \nĐơn vị \nNhiệm vụ chủ trì \nĐơn vị phối hợp \nThời gian \nhoàn thành \n"
    "Xây dựng quy chế khai thác kho tài liệu số \ndùng chung của các thư viện trong tỉnh \n"
    "(1) Sở Tư pháp \n(2) Sở Nội vụ \nQuý II/2026 \n"
    "1 \nSở Văn hóa \nvà Thể thao \n"
    "Tổ chức tập huấn nghiệp vụ số hóa cho cán \nbộ thư viện cấp xã trên địa bàn tỉnh \n"
    "(1) Sở Nội vụ \nQuý III/2026 \n"
    "45\n"
    "STT \nĐơn vị \nNhiệm vụ chủ trì \nĐơn vị phối hợp \nThời gian \nhoàn thành \n"
    "Bố trí kinh phí số hóa tài liệu trong dự \ntoán ngân sách của các đơn vị liên quan \n"
    "(1) Sở Văn hóa và Thể thao \nQuý IV/2026 \n"
    "2 \nSở Tài chính \n"
    "Hướng dẫn quản lý, sử dụng nguồn kinh phí \nsố hóa tài liệu theo quy định hiện hành \n"
    "(1) Sở Văn hóa và Thể thao \nNăm 2026 \n"
)


def test_the_rows_of_a_merged_body_cell_take_its_number_and_body(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, UNIT_HEADED)
    rows = [d for d in doc.duties if d.section and d.section.startswith("PL1.II.")]
    assert [d.section for d in rows] == ["PL1.II.1", "PL1.II.1", "PL1.II.2", "PL1.II.2"]
    leads = [sorted(u.name for u in d.units if u.role == "lead") for d in rows]
    # The third row names the first body as its partner: it is the second body's.
    assert leads == [["Sở Văn hóa và Thể thao"], ["Sở Văn hóa và Thể thao"], ["Sở Tài chính"],
                     ["Sở Tài chính"]]
    assert [d.deadline for d in rows] == ["2026-06-30", "2026-09-30", "2026-12-31", "2026-12-31"]


def test_an_appendix_of_tasks_keeps_its_roman_parts(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, UNIT_HEADED)
    sections = {d.section for d in doc.duties}
    assert {"PL1.I.1", "PL1.I.2"} <= sections
    assert not {"PL1.1", "PL1.2"} & sections


def test_a_body_column_beside_the_tasks_it_leads() -> None:
    assert _header_roles(["STT", "Đơn vị", "Nhiệm vụ chủ trì", "Đơn vị phối hợp", "Thời gian"]) == [
        "stt", "lead", "task", "cooperate", "time"]
    # A target table's "Đơn vị" stays the unit of measure.
    assert _header_roles(["STT", "Chỉ tiêu", "Đơn vị", "Năm 2026"])[2] == "measure"


def _lines(*texts: str) -> list:
    from chinhsach.model import Provenance, SourceLine

    return [SourceLine(text=t, prov=Provenance(file="t", page=None, line=n)) for n, t in enumerate(texts)]


def test_one_cutting_rule_for_narrow_pieces() -> None:
    """Narrow cells printed a word or two per line (s15 dev nq100 Phụ lục): an acronym goes on
    with its cell ("… các tổ chức" / "PCPNN,"), a collective or a time opens one, a capital that
    opens neither is a weak cut merged first when the row has more cells than columns (a name's
    next word: "đại diện Việt" / "Nam tại …"), and a time's parenthesis holds its capitals."""
    body = _lines("Mở rộng mạng lưới đọc sách điện tử tới tất cả các xã",
                  "Sở Văn", "hóa", "Các", "Sở, ngành,", "Hội Thư", "viện", "VTHN,", "VTX",
                  "Ứng dụng", "đọc sách", "Năm 2026", "(theo Kế", "hoạch Sở", "Văn hóa)")
    grid = _cells_by_width("1", body, False, 4, 0, 30)
    assert grid[2:] == ["Sở Văn hóa", "Các Sở, ngành, Hội Thư viện VTHN, VTX", "Ứng dụng đọc sách",
                        "Năm 2026 (theo Kế hoạch Sở Văn hóa)"]
    body = _lines("Mở rộng mạng lưới đọc sách điện tử tới tất cả các xã",
                  "Sở Văn", "hóa", "Các cơ quan", "đại diện Việt", "Nam tại nước", "ngoài",
                  "Ứng dụng", "đọc sách", "Năm 2026")
    grid = _cells_by_width("1", body, False, 4, 0, 30)
    assert grid[3] == "Các cơ quan đại diện Việt Nam tại nước ngoài"
    assert grid[4:] == ["Ứng dụng đọc sách", "Năm 2026"]
