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

## III. TỔ CHỨC THỰC HIỆN

### 1. Đoàn trường

- Chuẩn bị cờ, băng rôn cho buổi đón học sinh.
"""


def test_markdown_rule_bounds_the_header_of_a_schedule(tmp_path: Path) -> None:
    # No STT column: the first data rows were read as more header rows (the rule line says one).
    doc = parse_text(tmp_path, SCHEDULE)
    rows = [d for d in doc.duties if d.section == "II.1" and d.segment_ids]
    texts = [d.text for d in rows]
    assert "Đón học sinh, điểm danh theo lớp" in texts
    assert "Giới thiệu truyền thống nhà trường" in texts
    assert "Phổ biến quy định về an toàn giao thông" in texts
    assert len(rows) == 5


def test_day_caption_dates_the_rows_of_its_table(tmp_path: Path) -> None:
    # The time column gives hours; the caption over each day's table gives the day.
    doc = parse_text(tmp_path, SCHEDULE)
    by_text = {d.text: d.deadline for d in doc.duties if d.section == "II.1"}
    assert by_text["Đón học sinh, điểm danh theo lớp"] == "2027-08-16"
    assert by_text["Làm quen với lớp, bầu cán sự lớp"] == "2027-08-16"
    assert by_text["Phổ biến quy định về an toàn giao thông"] == "2027-08-17"
