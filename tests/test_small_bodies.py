"""Plans of small bodies: a commune Front committee, a school (s17 dev, fixY2).

All wording is invented for the test. Layouts as in two real plans of the s17 development batch
(a commune Front committee's election plan; a high school's programme for the first week of the
school year, printed in markdown with one pipe table per day) and the Front's own documents, which
name its staff office beside the committee (e.g. the "Văn phòng cơ quan Ủy ban MTTQ Việt Nam
tỉnh" of http://ubmttqvn.quangtri.gov.vn/nvlaws/Quyet-dinh/Quyet-dinh-ban-hanh-Quy-che-hoat-dong-Uy-ban-MTTQ-Viet-Nam-tinh-nhiem-ky-2019-2024-85/).
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.extract.units import find_units


def _names(text: str) -> list[str]:
    return [m.name for m in find_units(text)]


def test_front_staff_office_is_a_body_of_its_own() -> None:
    # The office (cơ quan) of the Front committee, named short or in full, is not the committee.
    assert _names("Các đồng chí cán bộ cơ quan MTTQ phường tham gia.") == [
        "Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam phường"]
    assert _names("Cơ quan Ủy ban MTTQ Việt Nam huyện tổng hợp số liệu.") == [
        "Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam huyện"]
    # The committee itself, and a plural "các cơ quan", stay as they were.
    assert _names("Ủy ban MTTQ Việt Nam xã chủ trì.") == ["Ủy ban Mặt trận Tổ quốc Việt Nam xã"]
    assert "Cơ quan" not in " ".join(_names("các cơ quan Mặt trận Tổ quốc tỉnh phối hợp"))


SCHEDULE = """**TRƯỜNG THPT HÒA AN**

Số: 12/KH-THPTHA

Hòa An, ngày 02 tháng 8 năm 2027

**KẾ HOẠCH**

**Tổ chức tuần lễ định hướng cho học sinh lớp 10 năm học 2027 - 2028**

## I. MỤC ĐÍCH, YÊU CẦU

Giúp học sinh mới làm quen với môi trường học tập của nhà trường.

## II. NỘI DUNG VÀ THỜI GIAN

### 1. Lịch chi tiết

#### NGÀY THỨ NHẤT: THỨ HAI, NGÀY 16/8/2027

| **Giờ** | **Hình thức** | **Nội dung** | **Đơn vị/ cá nhân phụ trách** |
|---|---|---|---|
| **Buổi chiều (từ 14h00 đến 16h00)** ||||
| 14h00 - 14h20 | Toàn trường | Đón học sinh, điểm danh theo lớp | Đoàn trường |
| 14h20 - 15h00 | Toàn trường | Giới thiệu truyền thống nhà trường | Ban Giám hiệu |
| 15h00 - 16h00 | Theo lớp | Làm quen với lớp, bầu cán sự lớp | Ban Giám hiệu |

#### NGÀY THỨ HAI: THỨ BA, NGÀY 17/8/2027

| **Giờ** | **Hình thức** | **Nội dung** | **Đơn vị/ cá nhân phụ trách** |
|---|---|---|---|
| 14h00 - 15h00 | Toàn trường | Phổ biến quy định về an toàn giao thông | Đoàn trường |
| 15h00 - 16h00 | Theo lớp | Giới thiệu thư viện và phòng thí nghiệm | Ban Giám hiệu |
| 16h00 - 16h30 | Toàn trường | Hướng dẫn cách ghi chép bài học | Đại diện Tổ chuyên môn |
| 16h30 - 17h00 | Toàn trường | Giới thiệu các câu lạc bộ | Bí thư Đoàn trường |

## III. TỔ CHỨC THỰC HIỆN

### 1. Đoàn trường

- Chuẩn bị cờ, băng rôn cho buổi đón học sinh.

### 2. Giáo viên các lớp

- Báo cáo sĩ số học sinh về Ban Giám hiệu nhà trường.
"""


def test_markdown_rule_bounds_the_header_of_a_schedule(tmp_path: Path) -> None:
    # No STT column: the first data rows were read as more header rows (the rule line says one).
    doc = parse_text(tmp_path, SCHEDULE)
    rows = [d for d in doc.duties if d.section == "II.1" and d.segment_ids]
    texts = [d.text for d in rows]
    assert "Đón học sinh, điểm danh theo lớp" in texts
    assert "Giới thiệu truyền thống nhà trường" in texts
    assert "Phổ biến quy định về an toàn giao thông" in texts
    assert len(rows) == 7


def test_day_caption_dates_the_rows_of_its_table(tmp_path: Path) -> None:
    # The time column gives hours; the caption over each day's table gives the day.
    doc = parse_text(tmp_path, SCHEDULE)
    by_text = {d.text: d.deadline for d in doc.duties if d.section == "II.1"}
    assert by_text["Đón học sinh, điểm danh theo lớp"] == "2027-08-16"
    assert by_text["Làm quen với lớp, bầu cán sự lớp"] == "2027-08-16"
    assert by_text["Phổ biến quy định về an toàn giao thông"] == "2027-08-17"


FRONT_PLAN = """ỦY BAN MTTQ VIỆT NAM
PHƯỜNG HÒA AN
BAN THƯỜNG TRỰC

Số: 21/KH-MTTQ-BTT

Hòa An, ngày 03 tháng 3 năm 2027

KẾ HOẠCH
Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2027

I. MỤC ĐÍCH, YÊU CẦU

- Phát huy truyền thống đoàn kết của Nhân dân trong khu dân cư.

II. NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG THỰC HIỆN

1. Chuẩn bị Ngày hội

1.1. Xây dựng kế hoạch tổ chức Ngày hội tại các khu dân cư.

(1) Gửi kế hoạch đến các khu dân cư: Chậm nhất ngày 15/9/2027.

(2) Tổng hợp danh sách gia đình tiêu biểu: Chậm nhất ngày 05/10/2027.

- Thời gian hoàn thành: Quý III/2027 và Quý IV/2027;

- Đơn vị chủ trì: Ban Thường trực Ủy ban MTTQ Việt Nam phường

- Đơn vị phối hợp: các đồng chí cán bộ cơ quan MTTQ phường.

2. Sơ kết và tổng kết

2.1 Tổng kết Ngày hội

- Đánh giá kết quả tổ chức Ngày hội ở từng khu dân cư.

- Thời gian hoàn thành: Tháng 12/2027.

- Đơn vị chủ trì: Ban Thường trực Ủy ban MTTQ Việt Nam phường

III. TỔ CHỨC THỰC HIỆN

Ban công tác Mặt trận các khu dân cư căn cứ Kế hoạch này tổ chức thực hiện.
"""


def test_labelled_fields_of_a_front_plan(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, FRONT_PLAN)
    item = [d for d in doc.duties if d.section == "II.1.1"]
    heading = next(d for d in item if d.text.startswith("Xây dựng kế hoạch"))
    # A time field listing quarters is due by the last, as a table's time cell is.
    assert heading.deadline == "2027-12-31"
    # A line with its own last day keeps it; the item's field does not override it.
    assert next(d for d in item if d.text.startswith("Gửi kế hoạch")).deadline == "2027-09-15"
    assert next(d for d in item if d.text.startswith("Tổng hợp danh sách")).deadline == "2027-10-05"
    assert ("Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam phường", "cooperate") in {
        (u.name, u.role) for u in heading.units}


def test_review_item_inside_the_task_part_is_a_task(tmp_path: Path) -> None:
    # "2.1 Tổng kết Ngày hội" over its fields: holding the review is the task, not the past.
    doc = parse_text(tmp_path, FRONT_PLAN)
    review = [d for d in doc.duties if d.section == "II.2.1"]
    assert review and review[0].deadline == "2027-12-31"
    assert any(u.role == "lead" for u in review[0].units)


ORGANISATION = """ỦY BAN MTTQ VIỆT NAM
XÃ HÒA AN
BAN THƯỜNG TRỰC

Số: 30/KH-MTTQ-BTT

Hòa An, ngày 10 tháng 4 năm 2027

KẾ HOẠCH
Giám sát việc thực hiện dân chủ ở cơ sở năm 2027

I. MỤC ĐÍCH, YÊU CẦU

- Phát huy quyền làm chủ của Nhân dân.

II. TỔ CHỨC THỰC HIỆN

1. Ban Thường trực Ủy ban MTTQ Việt Nam xã

- Chỉ đạo chung việc thực hiện Kế hoạch.

2. Các tổ chức chính trị - xã hội xã

- Tuyên truyền đến đoàn viên, hội viên về nội dung giám sát.

3. Cán bộ phụ trách công tác dân chủ

- Tổng hợp kết quả giám sát hằng tháng.

5. Các Phó Chủ tịch phụ trách khu dân cư

- Theo dõi việc tổ chức hội nghị ở khu dân cư được phân công.

6. Ban công tác Mặt trận các thôn

- Tổ chức lấy ý kiến Nhân dân ở thôn.
"""


def test_item_after_a_number_skipped_in_print(tmp_path: Path) -> None:
    # "3." then "5.", "6.": the drafter skipped 4; the items keep their printed numbers.
    doc = parse_text(tmp_path, ORGANISATION)
    ids = {s.id for s in doc.sections}
    assert {"II.3", "II.5", "II.6"} <= ids
    sections = {d.text: d.section for d in doc.duties}
    assert sections["Theo dõi việc tổ chức hội nghị ở khu dân cư được phân công."] == "II.5"
    assert sections["Tổ chức lấy ý kiến Nhân dân ở thôn."] == "II.6"


def test_who_speaks_for_a_body_in_a_unit_cell_and_the_school_s_own_board(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, SCHEDULE)
    leads = {d.text: {u.name for u in d.units if u.role == "lead"} for d in doc.duties}
    # A representative or the secretary of a body stands for it in a unit column.
    assert leads["Hướng dẫn cách ghi chép bài học"] == {"Tổ chuyên môn"}
    assert leads["Giới thiệu các câu lạc bộ"] == {"Đoàn trường"}
    # "nhà trường" after a body names the school whose plan it is: the board is "Ban Giám hiệu".
    report = next(d for d in doc.duties if d.text.startswith("Báo cáo sĩ số"))
    assert ("Ban Giám hiệu", "report_to") in {(u.name, u.role) for u in report.units}


def test_a_seat_the_person_holds_is_not_charged() -> None:
    # "Ủy viên <body>, <post> …": the body names the person's seat; the post's body acts.
    names = _names("Đồng chí Ủy viên Ban Thường vụ Huyện ủy, Chủ tịch Ủy ban nhân dân huyện chỉ đạo chung.")
    assert not any("Thường vụ" in n for n in names)
    assert names == ["Chủ tịch Ủy ban nhân dân huyện"]
    # Members charged as such stay their body's.
    assert _names("Các Ủy viên Ban Chỉ đạo tỉnh có trách nhiệm theo dõi địa bàn.") == ["Ban Chỉ đạo tỉnh"]
