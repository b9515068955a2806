"""Appendix tables in the forms seen in real documents of other issuers and years.

The development plans' tables come from one crawler and three provinces. The forms tested here
were seen in real documents read through the search tool (addresses in each test); the test
texts are written anew (invented tasks, bodies of the usual kinds, own figures), never copied.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chinhsach import parse
from chinhsach.extract.tables import time_cell
from chinhsach.model import Document

HEADER = """| ỦY BAN NHÂN DÂN TỈNH HÒA VÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 45/KH-UBND | Hòa Vân, ngày 12 tháng 02 năm 2026 |

**KẾ HOẠCH**

**PHÁT TRIỂN THƯ VIỆN SỐ TỈNH HÒA VÂN NĂM 2026**

I. MỤC TIÊU

Các chỉ tiêu và nhiệm vụ cụ thể tại các Phụ lục kèm theo.

"""

SO_VH = "Sở Văn hóa, Thể thao và Du lịch"


def _parse(tmp_path: Path, body: str) -> Document:
    path = tmp_path / "plan.md"
    path.write_text(HEADER + body, encoding="utf-8")
    return parse(path)


def _targets(doc: Document) -> set[tuple[str | None, str, float | None, float | None, str | None,
                                         int | None]]:
    return {(t.section, t.comparator or "", t.value, t.value_max, t.unit, t.year)
            for t in doc.targets}


# ---------------------------------------------------------------------------------------------
# The time cell: a bare month or day
# ---------------------------------------------------------------------------------------------

# Seen in https://github.com/thetrungdtt/VNMasterplan NQCP03/NQ03 PL2 Nhiem vu.md (the task list
# of a 2025 government action programme, Phụ lục II): 17 of its first 41 rows give the deadline as
# a bare month ("6/2025", "01/2025", "12/2025"), the others "2025", "Tháng 10/2025",
# "Thường xuyên". Without the word "tháng" the row had no deadline.


@pytest.mark.parametrize(("cell", "deadline"), [
    ("6/2026", "2026-06-30"), ("06/2026", "2026-06-30"), ("12/2026", "2026-12-31"),
    ("2/2027", "2027-02-28"), ("30/9/2026", "2026-09-30"), ("Tháng 6/2026", "2026-06-30"),
    ("13/2026", None), ("6/2026 - 12/2026", "2026-12-31"),
])
def test_a_bare_month_or_day_is_the_deadline(cell: str, deadline: str | None) -> None:
    assert time_cell(cell)[0] == deadline


def test_bare_months_in_a_task_table(tmp_path: Path) -> None:
    doc = _parse(tmp_path, f"""**PHỤ LỤC**

**DANH MỤC NHIỆM VỤ**

| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành |
|---|---|---|---|---|---|
| **I.** | Hạ tầng và dữ liệu | | | | |
| 1. | Số hóa tài liệu địa chí của thư viện tỉnh | {SO_VH} | Sở Khoa học và Công nghệ | Cơ sở dữ liệu địa chí | 6/2026 |
| 2. | Kết nối phần mềm thư viện với các trường học | Sở Giáo dục và Đào tạo | {SO_VH} | Báo cáo kết quả | 01/2027 |
| **II.** | Truyền thông | | | | |
| 3. | Giới thiệu sách mới trên các nền tảng số | Báo Hòa Vân | {SO_VH} | Chuyên mục | Thường xuyên |
""")
    duties = {d.section: d for d in doc.duties if d.section and d.section.startswith("PL")}
    assert set(duties) == {"PL1.1", "PL1.2", "PL1.3"}
    assert duties["PL1.1"].deadline == "2026-06-30"
    assert duties["PL1.1"].product == "Cơ sở dữ liệu địa chí"
    assert duties["PL1.2"].deadline == "2027-01-31"
    assert duties["PL1.3"].deadline is None and duties["PL1.3"].recurring == "thường xuyên"
    assert {u.name for u in duties["PL1.2"].units if u.role == "lead"} == {"Sở Giáo dục và Đào tạo"}


# ---------------------------------------------------------------------------------------------
# Indicator tables that also name who follows each indicator
# ---------------------------------------------------------------------------------------------

# Seen in https://github.com/thetrungdtt/VNMasterplan NQCP03/NQ03 PL1.md (Phụ lục I of the same
# programme): "TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi, đánh giá", the year in
# a group row ("I | Đến năm 2030"), values "≥ 55", "100", "40 - 50". The body column made the
# table a duty table and its values were dropped: no target at all.


def test_an_undated_goal_column_takes_the_group_year(tmp_path: Path) -> None:
    doc = _parse(tmp_path, f"""**PHỤ LỤC I**

**CÁC CHỈ TIÊU CỤ THỂ**

| TT | Chỉ tiêu | Đơn vị | Mục tiêu | Cơ quan chủ trì theo dõi, đánh giá |
|---|---|---|---|---|
| **I** | **Đến năm 2030** | | | |
| 1 | Tỷ lệ thư viện xã được số hóa | % | ≥ 70 | {SO_VH} |
| 2 | Số đầu sách điện tử của thư viện tỉnh | Đầu sách | 25.000 | {SO_VH} |
| **II** | **Đến năm 2035** | | | |
| 3 | Tỷ lệ thư viện xã được số hóa | % | 100 | {SO_VH} |
""")
    assert _targets(doc) == {
        ("PL1.1", "at_least", 70.0, None, "%", 2030),
        ("PL1.2", "reach", 25000.0, None, "đầu sách", 2030),
        ("PL1.3", "reach", 100.0, None, "%", 2035),
    }
    # The body still follows its indicator: the column charges it with "theo dõi" (monitor).
    duty = next(d for d in doc.duties if d.section == "PL1.2")
    assert {u.name for u in duty.units if u.role == "lead"} == {SO_VH}
    assert {u.name for u in duty.units if u.role == "monitor"} == {SO_VH}


def test_a_result_column_of_figures_is_the_goal(tmp_path: Path) -> None:
    doc = _parse(tmp_path, f"""**PHỤ LỤC I**

**CÁC CHỈ TIÊU ĐẾN NĂM 2030**

| TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi, đánh giá |
|---|---|---|---|---|
| 1 | Tỷ lệ thư viện xã được số hóa | % | ≥ 70 | {SO_VH} |
| 2 | Số đầu sách điện tử của thư viện tỉnh | Đầu sách | 20.000 - 25.000 | {SO_VH} |
| 3 | Mức độ hài lòng của bạn đọc | Mức | Đạt mức khá trở lên | {SO_VH} |
| 4 | Chi ngân sách cho thư viện số | % tổng chi văn hóa | ≥ 5% và tăng dần qua các năm | Sở Tài chính |
""")
    assert _targets(doc) == {
        ("PL1.1", "at_least", 70.0, None, "%", 2030),
        ("PL1.2", "range", 20000.0, 25000.0, "đầu sách", 2030),
        ("PL1.4", "at_least", 5.0, None, "%", 2030),
    }


def test_year_columns_beside_a_body_column(tmp_path: Path) -> None:
    doc = _parse(tmp_path, f"""**PHỤ LỤC**

**CHỈ TIÊU PHÁT TRIỂN THƯ VIỆN SỐ GIAI ĐOẠN 2026 - 2030**

| STT | Chỉ tiêu | ĐVT | Năm 2026 | Năm 2028 | Năm 2030 | Cơ quan chủ trì |
|---|---|---|---|---|---|---|
| 1 | Tỷ lệ thư viện xã được số hóa | % | 30 | 50 | 70 | {SO_VH} |
| 2 | Số đầu sách điện tử | Đầu sách | 10.000 | 18.000 | 25.000 | {SO_VH} |
""")
    assert _targets(doc) == {
        ("PL1.1", "reach", 30.0, None, "%", 2026), ("PL1.1", "reach", 50.0, None, "%", 2028),
        ("PL1.1", "reach", 70.0, None, "%", 2030),
        ("PL1.2", "reach", 10000.0, None, "đầu sách", 2026),
        ("PL1.2", "reach", 18000.0, None, "đầu sách", 2028),
        ("PL1.2", "reach", 25000.0, None, "đầu sách", 2030),
    }


# ---------------------------------------------------------------------------------------------
# Rows without outer pipes, merged group cells repeated
# ---------------------------------------------------------------------------------------------

# Seen in the appendix of NQ 12/NQ-CP 2023 (Chính phủ's action programme for the capital) as a
# crawler printed it, kept in a public repository's test data (found by find_string "| Cấp trình |";
# github, id 59844022092): "TT | Nhiệm vụ, đề án, dự án | Cơ quan chủ trì thực hiện | Cơ quan phối
# hợp thực hiện | Thời gian trình | Cấp trình | Sản phẩm", one row per paragraph with no outer
# pipe, and each group row's merged cell repeated in every column ("I | Hoàn thiện … | Hoàn thiện …
# | …"). No line began or ended with "|", so no table was seen: the rows were read as prose with
# no unit at all.


def test_rows_without_outer_pipes(tmp_path: Path) -> None:
    doc = _parse(tmp_path, f"""PHỤ LỤC

NHIỆM VỤ CỤ THỂ

(Kèm theo Kế hoạch số 45/KH-UBND ngày 12/02/2026 của Ủy ban nhân dân tỉnh)

TT | Nhiệm vụ, đề án | Cơ quan chủ trì thực hiện | Cơ quan phối hợp thực hiện | Thời gian trình | Cấp trình | Sản phẩm

I | Hoàn thiện thể chế về thư viện | Hoàn thiện thể chế về thư viện | Hoàn thiện thể chế về thư viện | Hoàn thiện thể chế về thư viện | Hoàn thiện thể chế về thư viện | Hoàn thiện thể chế về thư viện

1 | Quy định quản lý tài liệu số của thư viện tỉnh | {SO_VH} | Sở Tư pháp và các đơn vị liên quan | 2026 | Ủy ban nhân dân tỉnh | Quyết định

2 | Đề án phát triển thư viện trường học | Sở Giáo dục và Đào tạo | Ủy ban nhân dân các huyện | Quý III/2026 | Ủy ban nhân dân tỉnh | Đề án

II | Hạ tầng | Hạ tầng | Hạ tầng | Hạ tầng | Hạ tầng | Hạ tầng

1 | Nâng cấp phần mềm quản lý thư viện | Sở Khoa học và Công nghệ | {SO_VH} | 2026-2027 | Chủ tịch Ủy ban nhân dân tỉnh | Báo cáo
""")
    duties = {d.section: d for d in doc.duties if d.section and d.section.startswith("PL")}
    assert set(duties) == {"PL1.I.1", "PL1.I.2", "PL1.II.1"}  # group rows are no duties
    one = duties["PL1.I.1"]
    assert one.text == "Quy định quản lý tài liệu số của thư viện tỉnh"
    assert {u.name for u in one.units if u.role == "lead"} == {SO_VH}
    assert {u.name for u in one.units if u.role == "cooperate"} == {"Sở Tư pháp"}
    assert one.deadline == "2026-12-31" and one.product == "Quyết định"
    assert duties["PL1.I.2"].deadline == "2026-09-30"
    assert duties["PL1.II.1"].deadline == "2027-12-31"
    assert {u.name for u in duties["PL1.II.1"].units if u.role == "lead"} == {
        "Sở Khoa học và Công nghệ"}


# ---------------------------------------------------------------------------------------------
# Horizon columns and a goal dated by the row's own time cell
# ---------------------------------------------------------------------------------------------

# Two drafting guides for commune and provincial plans kept in public repositories (find_string
# "| Tầm nhìn đến năm 2045 |", github ids 55321225426 and 55472216613) prescribe the indicator
# appendix as "STT | Chỉ tiêu | Đến hết năm 2026 | Đến năm 2030 | Tầm nhìn đến năm 2045 | Đơn vị
# chủ trì | Đơn vị phối hợp, cung cấp số liệu" or "STT | Chỉ tiêu | Mức phấn đấu | Đơn vị chủ trì
# theo dõi | … | Thời hạn": guides, not issued documents, so the evidence is the convention they
# teach. "Đến hết năm" and "Tầm nhìn đến năm" named no year column; with the body column the
# table was a duty table and gave no target.


def test_horizon_columns_are_year_columns(tmp_path: Path) -> None:
    doc = _parse(tmp_path, f"""**PHỤ LỤC I**

**CHỈ TIÊU CHỦ YẾU**

| STT | Chỉ tiêu | Đến hết năm 2026 | Đến năm 2030 | Tầm nhìn đến năm 2045 | Đơn vị chủ trì | Đơn vị phối hợp, cung cấp số liệu |
|---|---|---|---|---|---|---|
| 1 | Tỷ lệ thư viện xã được số hóa (%) | 30 | 70 | 100 | {SO_VH} | Ủy ban nhân dân các xã |
""")
    assert {(t.section, t.value, t.year) for t in doc.targets} == {
        ("PL1.1", 30.0, 2026), ("PL1.1", 70.0, 2030), ("PL1.1", 100.0, 2045)}
    duty = next(d for d in doc.duties if d.section == "PL1.1")
    assert {u.name for u in duty.units if u.role == "lead"} == {SO_VH}


def test_a_goal_is_dated_by_its_row_time_cell(tmp_path: Path) -> None:
    doc = _parse(tmp_path, f"""**PHỤ LỤC I**

**CHỈ TIÊU CHỦ YẾU**

| STT | Chỉ tiêu | Mức phấn đấu | Đơn vị chủ trì theo dõi | Thời hạn |
|---|---|---|---|---|
| 1 | Tỷ lệ thư viện xã được số hóa | 70% | {SO_VH} | 2028 |
| 2 | Số đầu sách điện tử | 25.000 | {SO_VH} | Năm 2030 |
""")
    assert {(t.section, t.value, t.year) for t in doc.targets} == {
        ("PL1.1", 70.0, 2028), ("PL1.2", 25000.0, 2030)}
    assert next(t for t in doc.targets if t.section == "PL1.1").unit == "%"


# ---------------------------------------------------------------------------------------------
# A table printed cell after cell, a lone "|" after each
# ---------------------------------------------------------------------------------------------

# thuvienphapluat prints tables one cell after another, each cell hard-wrapped over lines and
# followed by a lone "|", with no pipe before the first cell and a single one between rows: seen
# in the header table of every page of it read this session (12 pages, e.g.
# https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Quyet-dinh-40-2024-QD-UBND-Quy-che-xet-tang-Giai-thuong-khoa-hoc-cong-nghe-Dong-Nai-625689.aspx,
# https://thuvienphapluat.vn/bulletin/document.aspx?bid=a94a5d21-7dda-43d9-99c2-c4abaf92525a&key=HZWIVjPuT79MReGEzqsWHQ%3D%3D,
# https://thuviennhadat.vn/vbpl/quyet-dinh-344-qd-ttg-2022-phe-duyet-de-an-phat-trien-ben-vung-mac-ca-2021-2030-506742.html).
# Read as pipe rows of the development crawl (two pipes between rows), the whole table was one
# row and no duty came out; the first cell ("TT") stood outside the table.


def test_a_table_printed_cell_after_cell(tmp_path: Path) -> None:
    doc = _parse(tmp_path, """PHỤ LỤC

DANH MỤC NHIỆM VỤ

(Kèm theo Kế hoạch số 45/KH-UBND ngày 12/02/2026)

TT
|
Nhiệm vụ
|
Cơ quan chủ trì
|
Cơ quan phối hợp
|
Thời gian
hoàn thành
|
I
|
Hạ tầng
|

|

|

|
1
|
Số hóa tài liệu địa chí
của thư viện tỉnh
|
Sở Văn hóa, Thể thao
và Du lịch
|
Sở Khoa học và Công
nghệ
|
Quý III/2026
|
2
|
Tổng hợp, báo cáo kết quả
|
Sở Văn hóa, Thể thao
và Du lịch
|

|
Hằng năm
|
""")
    duties = {d.section: d for d in doc.duties if d.section and d.section.startswith("PL")}
    assert set(duties) == {"PL1.1", "PL1.2"}
    one = duties["PL1.1"]
    assert one.text == "Số hóa tài liệu địa chí của thư viện tỉnh"
    assert {u.name for u in one.units if u.role == "lead"} == {SO_VH}
    assert {u.name for u in one.units if u.role == "cooperate"} == {"Sở Khoa học và Công nghệ"}
    assert one.deadline == "2026-09-30"
    two = duties["PL1.2"]
    assert {u.name for u in two.units if u.role == "lead"} == {SO_VH}
    assert not [u for u in two.units if u.role == "cooperate"]
    assert two.recurring == "hằng năm"


def test_a_title_right_above_a_cell_after_cell_table_stays_outside(tmp_path: Path) -> None:
    """Without blank lines (a PDF's text layer, robustness_eval no-blank-lines) the lines above the
    first lone "|" are the table's first cell only when they are its STT label: the appendix title
    right above it was pulled into the first cell and every table of the development plans was
    lost (targets 0.985 -> 0.575)."""
    doc = _parse(tmp_path, """PHỤ LỤC
DANH MỤC NHIỆM VỤ
TT
|
Nhiệm vụ
|
Cơ quan chủ trì
|
Thời gian hoàn thành
|
1
|
Số hóa tài liệu địa chí
|
Sở Văn hóa, Thể thao và Du lịch
|
Quý III/2026
|
""")
    duties = {d.section: d for d in doc.duties if d.section and d.section.startswith("PL")}
    assert set(duties) == {"PL1.1"}
    assert {u.name for u in duties["PL1.1"].units if u.role == "lead"} == {SO_VH}
    assert duties["PL1.1"].deadline == "2026-09-30"


# ---------------------------------------------------------------------------------------------
# A "Chỉ tiêu" column beside the task
# ---------------------------------------------------------------------------------------------

# Task tables that give each task its own measurable aim in a column of its own: "Nhiệm vụ |
# Chỉ tiêu | Đơn vị thực hiện | Thời gian" (a drafting guide for school-year plans in a public
# repository, find_string "| Đơn vị thực hiện | Thời gian", github id 71005194146; the
# provincial guide id 55321225426 adds "Chỉ tiêu liên quan"). GUIDELINES-real.md: targets inside
# duty table rows are targets, dated by the row's time cell. Only the task cell was read.


def test_a_goal_column_beside_the_task(tmp_path: Path) -> None:
    doc = _parse(tmp_path, """**PHỤ LỤC**

**PHÂN CÔNG THỰC HIỆN**

| STT | Nhiệm vụ | Chỉ tiêu | Đơn vị thực hiện | Thời gian |
|---|---|---|---|---|
| 1 | Bồi dưỡng kỹ năng số cho cán bộ thư viện | 100% cán bộ thư viện cấp xã được bồi dưỡng | Sở Nội vụ | Năm 2027 |
| 2 | Sắp xếp kho sách | Hoàn thành trong năm | Sở Văn hóa, Thể thao và Du lịch | Quý IV/2026 |
""")
    assert {(t.section, t.value, t.unit, t.year) for t in doc.targets} == {
        ("PL1.1", 100.0, "%", 2027)}
    duty = next(d for d in doc.duties if d.section == "PL1.1")
    assert duty.text == "Bồi dưỡng kỹ năng số cho cán bộ thư viện"
    assert {u.name for u in duty.units if u.role == "lead"} == {"Sở Nội vụ"}


# ---------------------------------------------------------------------------------------------
# Start and end columns; short labels
# ---------------------------------------------------------------------------------------------

# Drafting guides and working plans kept in public repositories split the time into "Bắt đầu |
# Kết thúc" (or "Bắt đầu | Hạn") and name the task "Đầu việc" / "Việc" (find_string "| Chủ trì |
# Phối hợp |": github ids 70861226638, 70117014091, 68939388933; "Mốc hoàn thành" in
# 55670107860). None of these labels had a role: no deadline, and with no task column no duty
# table at all.


def test_start_and_end_columns(tmp_path: Path) -> None:
    doc = _parse(tmp_path, f"""**PHỤ LỤC**

**TIẾN ĐỘ TRIỂN KHAI**

| STT | Đầu việc | Chủ trì | Phối hợp | Bắt đầu | Kết thúc | Sản phẩm |
|---|---|---|---|---|---|---|
| 1 | Khảo sát hiện trạng thư viện xã | {SO_VH} | Ủy ban nhân dân các huyện | 3/2026 | 5/2026 | Báo cáo khảo sát |
| 2 | Lắp đặt phần mềm quản lý | Sở Khoa học và Công nghệ | {SO_VH} | 6/2026 | 30/9/2026 | Phần mềm vận hành |
""")
    duties = {d.section: d for d in doc.duties if d.section and d.section.startswith("PL")}
    assert set(duties) == {"PL1.1", "PL1.2"}
    assert duties["PL1.1"].deadline == "2026-05-31"
    assert duties["PL1.2"].deadline == "2026-09-30"
    assert duties["PL1.1"].product == "Báo cáo khảo sát"
    assert {u.name for u in duties["PL1.2"].units if u.role == "lead"} == {"Sở Khoa học và Công nghệ"}


def test_a_submission_level_column_gives_report_to(tmp_path: Path) -> None:
    """"Cấp trình" (the level a task's product is submitted to, as in the task appendix of NQ
    03/NQ-CP 2025 read in the survey): the bodies it names are report_to; "Cơ quan trình" would
    be the body that submits, a lead column."""
    doc = _parse(tmp_path, """PHỤ LỤC

DANH MỤC NHIỆM VỤ

| STT | Nhiệm vụ | Cơ quan chủ trì | Cấp trình | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Xây dựng đề án phát triển thư viện số | Sở Văn hóa, Thể thao và Du lịch | Ủy ban nhân dân tỉnh | Quý III/2026 |
""")
    duty = next(d for d in doc.duties if d.section == "PL1.1")
    assert {(u.name, u.role) for u in duty.units} == {(SO_VH, "lead"), ("Ủy ban nhân dân tỉnh", "report_to")}
    assert duty.deadline == "2026-09-30"
