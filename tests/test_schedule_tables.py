"""Schedules printed as ' | ' rows without outer pipes (session 15, helper fixN).

Layout seen in s15 dev qd836-bxd-2019 (a ministry's plan for drawing up a sector master plan,
Trangsct/skill-sct) and in ministries' planning schedules of the same kind: after the
organisation part, a title in capitals over a table "Thời gian | Nội dung công việc | Cơ quan
chịu trách nhiệm … | Thực hiện" with "Đơn vị chủ trì | Đơn vị phối hợp" under "Thực hiện"; phase
rows "I | GIAI ĐOẠN 1: …" and step rows "1 | …" (numbered afresh in each phase) print a marker
and a title only; task rows print no STT and take the step's id (or the phase's), the period in the first column once for the tasks it spans (the rows below open with
" | "); the period is a month span "10-11/2026"; a partner cell lists bodies as "- Vụ A; - Vụ B.".
Read before as text, the 24 rows of that schedule were glued into the last item of the
organisation part (units with roles 0.03, deadlines 0/24). All wording below is invented.
"""

from __future__ import annotations

from pathlib import Path

from chinhsach import parse
from chinhsach.extract.tables import time_cell
from chinhsach.model import Document

HEADER = """ỦY BAN NHÂN DÂN
TỈNH HÒA VÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 31/KH-UBND | Hòa Vân, ngày 02 tháng 3 năm 2026

KẾ HOẠCH
ĐIỀU TRA, ĐÁNH GIÁ ĐẤT LÂM NGHIỆP TỈNH HÒA VÂN NĂM 2026
I. MỤC ĐÍCH, YÊU CẦU
Nắm chắc hiện trạng đất lâm nghiệp của tỉnh.
II. TỔ CHỨC THỰC HIỆN
1. Giao Sở Nông nghiệp và Môi trường là cơ quan thường trực thực hiện Kế hoạch.
2. Các sở, ngành phối hợp thực hiện các nội dung được giao.
BIỂU TIẾN ĐỘ THỰC HIỆN

"""

TABLE = """Thời gian | Nội dung công việc | Cơ quan chịu trách nhiệm theo quy định | Thực hiện
 |  |  | Đơn vị chủ trì | Đơn vị phối hợp
I | GIAI ĐOẠN 1: CHUẨN BỊ
1 | Xây dựng đề cương
03-04/2026 | Soạn thảo đề cương điều tra đất lâm nghiệp | Cơ quan chủ quản | Sở Nông nghiệp và Môi trường | - Chi cục Kiểm lâm vùng ven biển; - Sở Tài chính.
 | Lấy ý kiến các sở, ngành về đề cương | Cơ quan chủ quản | Sở Tư pháp | - Sở Nông nghiệp và Môi trường.
2 | Phê duyệt đề cương
5/2026 | Phê duyệt đề cương điều tra | Ủy ban nhân dân tỉnh |  |
II | GIAI ĐOẠN 2: TRIỂN KHAI
1 | Điều tra thực địa
06-9/2026 | Tổ chức điều tra tại thực địa | Cơ quan chủ quản | Sở Nông nghiệp và Môi trường | - Sở Tài chính.
 | Tổng hợp kết quả điều tra | Cơ quan chủ quản | Do Giám đốc Sở quyết định (*) | - Sở Tư pháp.
III | GIAI ĐOẠN 3: CÔNG BỐ
11-12/2026 | Công bố kết quả điều tra | Cơ quan chủ quản | Sở Nông nghiệp và Môi trường | - Sở Tư pháp.

Ghi chú: (*) theo phân công nội bộ.
"""


def _parse(tmp_path: Path) -> Document:
    path = tmp_path / "plan.md"
    path.write_text(HEADER + TABLE, encoding="utf-8")
    return parse(path)


def _rows(doc: Document) -> list[tuple[str | None, set[tuple[str, str]], str | None]]:
    return [(d.section, {(u.name, u.role) for u in d.units if u.explicit}, d.deadline)
            for d in doc.duties if d.section and d.section.startswith("PL")]


def test_schedule_rows_are_read_as_table_rows(tmp_path: Path) -> None:
    rows = _rows(_parse(tmp_path))
    assert [s for s, _u, _d in rows] == ["PL1.I.1", "PL1.I.1", "PL1.I.2", "PL1.II.1", "PL1.II.1",
                                        "PL1.III"]


def test_period_spans_the_rows_below_it_up_to_the_next_group(tmp_path: Path) -> None:
    rows = _rows(_parse(tmp_path))
    assert [d for _s, _u, d in rows] == ["2026-04-30", "2026-04-30", "2026-05-31",
                                          "2026-09-30", "2026-09-30", "2026-12-31"]


def test_lead_comes_from_the_chu_tri_column(tmp_path: Path) -> None:
    rows = _rows(_parse(tmp_path))
    first, second, approve, _field, last, _publish = (u for _s, u, _d in rows)
    assert ("Sở Nông nghiệp và Môi trường", "lead") in first
    assert not any("chủ quản" in name for name, _r in first | second)
    assert ("Chi cục Kiểm lâm vùng ven biển", "cooperate") in first  # "- " bullet in the cell
    assert ("Sở Tài chính", "cooperate") in first
    assert ("Sở Tư pháp", "lead") in second
    # Both unit columns empty: the body answerable for the step does it.
    assert approve == {("Ủy ban nhân dân tỉnh", "lead")}
    # "Do … quyết định" says who decides; it names no body.
    assert last == {("Sở Tư pháp", "cooperate")}


def test_month_span_time_cell() -> None:
    assert time_cell("10-11/2026")[0] == "2026-11-30"
    assert time_cell("01-4/2027")[0] == "2027-04-30"
    assert time_cell("3-12/2026")[0] == "2026-12-31"


UNIT_HEADED = """ỦY BAN NHÂN DÂN
TỈNH HÒA VÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 32/KH-UBND | Hòa Vân, ngày 05 tháng 3 năm 2026

KẾ HOẠCH
PHÁT TRIỂN CHUỖI GIÁ TRỊ NÔNG SẢN TỈNH HÒA VÂN NĂM 2026
I. TỔ CHỨC THỰC HIỆN
1. Sở Công Thương
- Chủ trì xây dựng danh mục sản phẩm chủ lực của tỉnh.
2. Hội Nông dân tỉnh, các hiệp hội và doanh nghiệp
- Phối hợp với Sở Công Thương quảng bá sản phẩm nông nghiệp của tỉnh;
- Chủ động tham gia các hội chợ xúc tiến thương mại trong và ngoài tỉnh.
"""


def test_unit_heading_closed_by_bare_classes_of_actors(tmp_path: Path) -> None:
    """A heading that names a body and then bare classes ("các hiệp hội và doanh nghiệp", no
    units themselves) is still a unit heading: the body leads each dash item under it (layout
    of s15 dev qd232-ttg-2025 V.6, a Prime Minister's decision approving a scheme)."""
    path = tmp_path / "plan2.md"
    path.write_text(UNIT_HEADED, encoding="utf-8")
    doc = parse(path)
    items = [{(u.name, u.role) for u in d.units} for d in doc.duties if d.section == "I.2"]
    assert len(items) == 2
    assert all(("Hội Nông dân tỉnh", "lead") in units for units in items)


ROW_WITHOUT_STT = """ỦY BAN NHÂN DÂN
TỈNH HÒA VÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 33/KH-UBND | Hòa Vân, ngày 06 tháng 3 năm 2026

KẾ HOẠCH
BẢO VỆ NGUỒN NƯỚC TỈNH HÒA VÂN NĂM 2026
I. MỤC TIÊU
Bảo vệ nguồn nước sinh hoạt.
PHỤ LỤC
DANH MỤC NHIỆM VỤ

TT | Nội dung công việc | Sản phẩm | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian
1 | Rà soát danh mục nguồn nước cần bảo vệ | Báo cáo | Sở Nông nghiệp và Môi trường | Sở Xây dựng | Quý II/2026
 | Khoanh vùng hành lang bảo vệ nguồn nước | Quyết định | Sở Nông nghiệp và Môi trường | Ủy ban nhân dân cấp xã | Quý III/2026
2 | Kiểm tra các cơ sở xả thải vào nguồn nước | Báo cáo | Sở Tài chính | Công an tỉnh | Quý IV/2026
"""


def test_row_opening_with_a_pipe_has_an_empty_stt_cell(tmp_path: Path) -> None:
    """A row of a table without outer pipes whose STT cell is empty opens with " | " (layout of
    Trangsct/skill-sct quy-hoach-ct-vn/…/NQ-88-NQ-CP-22-7-2022-…txt, its task list row after
    TT 5, and of s15 dev qd836-bxd-2019): its cells stay in their columns."""
    path = tmp_path / "plan3.md"
    path.write_text(ROW_WITHOUT_STT, encoding="utf-8")
    doc = parse(path)
    rows = [(d.section, {(u.name, u.role) for u in d.units}, d.deadline) for d in doc.duties
            if d.section and d.section.startswith("PL")]
    assert rows[1] == ("PL1.r2", {("Sở Nông nghiệp và Môi trường", "lead"),
                                  ("Ủy ban nhân dân cấp xã", "cooperate")}, "2026-09-30")
    assert [s for s, _u, _d in rows] == ["PL1.1", "PL1.r2", "PL1.2"]
