"""Three adjudicated rules of session 13, in general form (GUIDELINES-real.md, [decided, s13 adj]).

1. A heading that divides a task part into successive periods dates the items under it, whatever
   else the heading says ("Giai đoạn 1 (2026 - 2027): …", "Giai đoạn từ nay đến hết năm 2027",
   "Năm 2026 và 2027"), unless it only restates the span of the plan or of the part above it.
2. A count per period ("02 đợt/tháng", "01 lần/quý", "03 cuộc/năm") is a frequency: ``recurring``
   the period's label, the count dropped; a duration ("03 ngày/hội nghị") is none.
3. Figures of a part titled as a forecast or estimate ("Dự báo …", "Dự toán …") are no targets.

Every text here is invented for the test (a made-up province, "Lam Sơn"); layouts as seen in the
development documents (a phased objectives list "a) Giai đoạn 1 (…)" / "b) Giai đoạn 2 (…)" in
/tmp/s14/dev qd892; "Năm 2026" / "Giai đoạn" time columns in nq116, nq105, qd2820; yearly headings
"**Năm 2026**" … under "GIAI ĐOẠN 2026 - 2030" in dev qd2954) and in the adjudicated cases the
guidelines name (kh552 III, kh0134 II.1, kh0204).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import parse_text

from chinhsach.extract.duties import _heading_time, find_deadline

HEAD = """| ỦY BAN NHÂN DÂN TỈNH LAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 318/KH-UBND | Lam Sơn, ngày 10 tháng 3 năm 2026 |

KẾ HOẠCH
Phát triển dịch vụ công trực tuyến giai đoạn 2026 - 2030

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích
Nâng cao chất lượng phục vụ người dân và doanh nghiệp.

"""

TAIL = """
III. TỔ CHỨC THỰC HIỆN

Sở Khoa học và Công nghệ chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch này.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""

PHASES = HEAD + """II. NHIỆM VỤ VÀ LỘ TRÌNH

1. Giai đoạn 1 (2026 - 2027): hoàn thiện nền tảng
a) Sở Khoa học và Công nghệ nâng cấp cổng dịch vụ công của tỉnh.
b) Sở Nội vụ rà soát quy trình nội bộ; xong trước ngày 30/6/2026.

2. Giai đoạn 2 (2028 - 2030): mở rộng và kết nối
a) Sở Tài chính kết nối thanh toán trực tuyến với các ngân hàng.
""" + TAIL

OPEN_PHASES = HEAD + """II. NHIỆM VỤ VÀ LỘ TRÌNH

**1. Giai đoạn từ nay đến hết năm 2027**
a) Sở Văn hóa, Thể thao và Du lịch số hóa hồ sơ di tích của tỉnh.

**2. Từ năm 2028 đến năm 2030, tập trung khai thác dữ liệu**
a) Sở Y tế khai thác dữ liệu sức khỏe điện tử của người dân.

3. Năm 2026 và 2027
a) Công an tỉnh làm sạch dữ liệu cư trú.
""" + TAIL

SCOPE = HEAD + """II. NHIỆM VỤ

1. Giai đoạn 2026 - 2030
a) Sở Khoa học và Công nghệ nâng cấp cổng dịch vụ công của tỉnh.

2. Giai đoạn 2026 - 2028: tập trung kết nối
a) Sở Tài chính kết nối thanh toán trực tuyến với các ngân hàng.
""" + TAIL


def _by_section(tmp_path: Path, text: str) -> dict[str | None, tuple[str | None, str | None]]:
    return {d.section: (d.deadline, d.deadline_text) for d in parse_text(tmp_path, text).duties}


def test_a_phase_heading_dates_its_items_whatever_else_it_says(tmp_path: Path) -> None:
    """"1. Giai đoạn 1 (2026 - 2027): hoàn thiện nền tảng" over lettered items: each item is due by
    the phase's last day (before: none, the heading was not only a time); an item with its own
    date keeps it."""
    got = _by_section(tmp_path, PHASES)
    assert got["II.1.a"] == ("2027-12-31", "Giai đoạn 1 (2026 - 2027)")
    assert got["II.1.b"][0] == "2026-06-30"
    assert got["II.2.a"] == ("2030-12-31", "Giai đoạn 2 (2028 - 2030)")


def test_open_and_joined_phase_headings(tmp_path: Path) -> None:
    """"Giai đoạn từ nay đến hết năm 2027", "Từ năm 2028 đến năm 2030, tập trung …" in bold, and
    "Năm 2026 và 2027": the heading's last year (before: the last two gave none)."""
    got = _by_section(tmp_path, OPEN_PHASES)
    assert got["II.1.a"][0] == "2027-12-31"
    assert got["II.2.a"][0] == "2030-12-31"
    assert got["II.3.a"] == ("2027-12-31", "Năm 2026 và 2027")


def test_a_heading_that_restates_the_plans_span_is_scope(tmp_path: Path) -> None:
    """"1. Giai đoạn 2026 - 2030" in a plan for 2026 - 2030 bounds the part, it sets no deadline
    (GUIDELINES-real.md: dev qd2954 KH.III, all null; before: 2030-12-31); a true phase of it
    ("Giai đoạn 2026 - 2028: …") still dates its items."""
    got = _by_section(tmp_path, SCOPE)
    assert got["II.1.a"] == (None, None)
    assert got["II.2.a"][0] == "2028-12-31"



YEAR_PLAN = HEAD.replace("giai đoạn 2026 - 2030", "năm 2026") + """II. NHIỆM VỤ

1. Năm 2026
a) Sở Khoa học và Công nghệ nâng cấp cổng dịch vụ công của tỉnh.

2. Quý III/2026
a) Sở Tài chính kết nối thanh toán trực tuyến với các ngân hàng.
""" + TAIL


def test_a_heading_that_restates_the_titles_year_is_scope(tmp_path: Path) -> None:
    """"1. Năm 2026" in a plan for the year 2026 only restates the title's period (before:
    2026-12-31); a quarter of that year is a step of it and still dates its items."""
    got = _by_section(tmp_path, YEAR_PLAN)
    assert got["II.1.a"] == (None, None)
    assert got["II.2.a"] == ("2026-09-30", "Quý III/2026")


@pytest.mark.parametrize(("heading", "expected"), [
    ("Giai đoạn 1 từ năm 2026 đến năm 2027", "2027-12-31"),
    ("c) Giai đoạn 2 - từ năm 2028 đến năm 2030", "2030-12-31"),
    ("Giai đoạn đầu (2026 - 2027)", "2027-12-31"),
    ("Giai đoạn II (2028 – 2030): nhân rộng mô hình", "2030-12-31"),
    ("Năm 2026, 2027", "2027-12-31"),
    ("Giai đoạn 2026 - 2030, tầm nhìn đến năm 2045", None),
    ("Giai đoạn 1", None),
    ("Nâng cao chất lượng dịch vụ giai đoạn 2026 - 2027", None),
])
def test_phase_heading_forms(heading: str, expected: str | None) -> None:
    """The period opens the heading, after an optional phase word and number ("Giai đoạn 1 từ năm
    … đến năm …": the two phases of a 2024 Lai Châu plan, pbgdpl.laichau.gov.vn); a strategy's
    name with its vision, a phase with no year, and a task that ends with a period are none."""
    assert _heading_time(heading)[0] == expected


# 2. A count per period is a frequency (GUIDELINES-real.md, Time / Targets).

@pytest.mark.parametrize(("text", "recurring"), [
    ("Đội kiểm tra liên ngành kiểm tra cơ sở kinh doanh 02 đợt/tháng.", "hằng tháng"),
    ("Thanh tra tỉnh tổ chức 04 cuộc/năm thanh tra công vụ.", "hằng năm"),
    ("Trung tâm lấy mẫu nước 02 đợt/tháng (24 đợt/năm) tại các điểm cấp nước.", "hằng tháng"),
    ("Chi đoàn sinh hoạt chuyên đề 02 buổi/quý.", "hằng quý"),
    ("Ban chỉ đạo họp giao ban 01 lần/quý.", "hằng quý"),
])
def test_a_count_per_period_is_its_frequency(text: str, recurring: str) -> None:
    """"N đợt/tháng", "N cuộc/năm", "(M đợt/năm)" beside the finer rate, "01 lần/quý": ``recurring``
    the period's label, the count dropped (before: none, or "1 lần/quý")."""
    assert find_deadline(text) == (None, None, recurring)


@pytest.mark.parametrize("text", [
    "Mỗi lớp tập huấn 03 ngày/hội nghị tại hội trường của tỉnh.",
    "Hợp tác xã sản xuất 500 sản phẩm/năm đạt chuẩn.",
])
def test_a_duration_or_a_unit_per_year_is_no_frequency(text: str) -> None:
    assert find_deadline(text) == (None, None, None)


# 3. Forecasts are not targets (GUIDELINES-real.md, Time / Targets).

BUDGET = """| ỦY BAN NHÂN DÂN TỈNH LAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 320/KH-UBND | Lam Sơn, ngày 20 tháng 7 năm 2025 |

KẾ HOẠCH
Tài chính - ngân sách nhà nước 03 năm 2026 - 2028

I. MỤC TIÊU

1. Phấn đấu tỷ lệ hồ sơ thuế điện tử đạt 98%.
2. Thu nội địa dự kiến đạt 9.500 tỷ đồng vào năm 2028, phấn đấu tăng bình quân 10%/năm.

II. DỰ BÁO CÁC CHỈ TIÊU KINH TẾ VĨ MÔ

1. Tốc độ tăng trưởng tổng sản phẩm trên địa bàn bình quân đạt 7,5%/năm.
2. Tỷ lệ huy động vào ngân sách đạt khoảng 14% tổng sản phẩm trên địa bàn.

III. CHỈ TIÊU THU, CHI NGÂN SÁCH

1. Dự kiến thu ngân sách
- Tổng thu ngân sách trên địa bàn đạt 12.000 tỷ đồng.

2. Dự toán chi ngân sách
- Tổng chi ngân sách địa phương đạt 15.000 tỷ đồng.

3. Nhiệm vụ thu
- Phấn đấu thu từ khu vực kinh tế ngoài nhà nước tăng 12%.

IV. TỔ CHỨC THỰC HIỆN

Sở Tài chính chủ trì theo dõi việc thực hiện Kế hoạch này.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""


def test_a_forecast_part_gives_no_targets(tmp_path: Path) -> None:
    """"II. DỰ BÁO CÁC CHỈ TIÊU …", "1. Dự kiến thu ngân sách", "2. Dự toán chi ngân sách": the
    assumptions the budget is built on, no targets, although headings say "chỉ tiêu" (before: 4
    targets); the plan's own objectives, a "dự kiến đạt" value beside "phấn đấu" ones included,
    and a "phấn đấu" line beside the forecasts stay targets."""
    doc = parse_text(tmp_path, BUDGET)
    values = sorted(t.value for t in doc.targets if t.value is not None)
    assert {98.0, 9500.0, 12.0} <= set(values)
    assert not {7.5, 14.0, 12000.0, 15000.0} & set(values), values
    parts = {s.id: s.part for s in doc.sections}
    assert parts["II"] == parts["III.1"] == parts["III.2"] == "situation"
    assert parts["III.3"] != "situation"
