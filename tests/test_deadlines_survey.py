"""Time forms of real plans, letters and directives of other provinces and years (session-12 survey).

The development plans (five provinces, all 2025) write their times in a few shapes; the survey of
``search`` pages (letters, directives, plans, 2021-2026, national, provincial and commune level)
found the forms below that the reader missed. The sentences are written for the test, in the shape
of the real ones (a made-up province "Lam Sơn", generic bodies, invented figures); nothing is
copied. Conventions: GUIDELINES.md and GUIDELINES-real.md, "Time".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chinhsach import parse
from chinhsach.extract.duties import find_deadline, roles_in_text
from chinhsach.extract.tables import time_cell

# ---------------------------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "iso", "words"), [
    ("Hạn cuối nộp báo cáo là ngày 20/11/2026.", "2026-11-20", "ngày 20/11/2026"),
    ("Thời hạn gửi hồ sơ đề nghị khen thưởng về Sở Nội vụ là ngày 15 tháng 10 năm 2026.", "2026-10-15", None),
    ("Thời hạn cuối cùng tiếp nhận hồ sơ là ngày 05/12/2026.", "2026-12-05", "ngày 05/12/2026"),
])
def test_the_deadline_noun_is_a_date(text: str, iso: str, words: str | None) -> None:
    """"Hạn cuối … là ngày …", "Thời hạn … là ngày …": the deadline noun is said to be the date,
    "là" standing for the preposition (before: nothing when no "trước"/"chậm nhất" came before
    the date). A form the lead listed from the unseen plans; not in the excerpts read, whose
    letters fix their closing days with "trước" (https://thanhnienonline.com/tag/hanh-chinh,
    https://www.quangtri.gov.vn/ letter 6202/UBND-KT of 2023: "hoàn thành trước ngày 10/12/2023")."""
    found = find_deadline(text)
    assert found[0] == iso
    if words:
        assert found[1] == words


def test_a_day_that_is_named_is_no_deadline() -> None:
    """"là ngày" after anything but a deadline noun names a day, nobody acts by it; "trước 3
    tháng" without a month and year after it is a length."""
    assert find_deadline("Ngày truyền thống của ngành là ngày 10/3/2026.") == (None, None, None)
    assert find_deadline("Đơn vị thông báo trước 3 tháng cho người lao động.")[0] is None


@pytest.mark.parametrize(("text", "words"), [
    ("Các xã hoàn thành việc chi trả trợ cấp cho đối tượng trước Tết Nguyên đán Bính Ngọ 2026.",
     "trước Tết Nguyên đán Bính Ngọ 2026"),
    ("Tổ chức thăm hỏi, tặng quà các gia đình chính sách trước Tết Nguyên đán.", "trước Tết Nguyên đán"),
])
def test_before_the_lunar_new_year(text: str, words: str) -> None:
    """"trước Tết Nguyên đán …": due before the feast; its solar date needs a lunar calendar, so the
    words alone, no ISO date (before: nothing). Tết is the time anchor of the provinces' Tết
    directives, 2021-2026 (5 read; the deadline form itself is the lead's, from the unseen plans):
    http://qrt.vn/thong-tin-tong-hop/to-chuc-don-tet-nguyen-dan-tan-suu-an-toan-vui-tuoi-lanh-manh-va-tiet-kiem/,
    https://eng.binhduong.gov.vn/Lists/TinTucSuKien/ChiTiet.aspx?ID=2966&ContentTypeId=0x01006B434E144EA34B09B66CBCE45AAE3E9100FDC084322AEB824C98B5D97035FD59B2
    (benefits settled before a date ahead of Tết), https://baothanhhoa.vn/chu-tich-ubnd-tinh-chi-thi-to-chuc-tet-nguyen-dan-binh-ngo-nam-2026-vui-tuoi-lanh-manh-an-toan-tiet-kiem-274356.htm.
    "trước, trong và sau Tết" is a period, not a limit."""
    assert find_deadline(text) == (None, words, None)
    assert find_deadline("Bảo đảm an ninh trật tự trước, trong và sau Tết Nguyên đán.")[1] is None


def test_half_year_and_year_each_with_its_day() -> None:
    """"báo cáo 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12) về Sở Nội vụ": both cycles, and
    the receiver after the bracketed days (before: no cycle, and no report_to). The reporting
    clause of provincial plans; the monitoring plan https://hethongphapluat.vn/ke-hoach-130-kh-ubnd-nam-2022-ve-giam-sat-danh-gia-thuc-hien-chuong-trinh-muc-tieu-quoc-gia-giam-ngheo-ben-vung-giai-doan-2021-2025-tren-dia-ban-tinh-ninh-binh.html
    sets the same half-year and yearly rhythm."""
    text = ("Ủy ban nhân dân các xã báo cáo kết quả thực hiện 6 tháng (trước ngày 15/6) và năm "
            "(trước ngày 15/12) về Sở Nội vụ để tổng hợp.")
    assert find_deadline(text)[2] == "6 tháng, hằng năm"
    roles = {(u.name, u.role) for u in roles_in_text(text)}
    assert ("Sở Nội vụ", "report_to") in roles
    assert ("Ủy ban nhân dân xã", "lead") in roles


def test_a_bracketed_day_before_the_receiver() -> None:
    text = "Các sở báo cáo kết quả định kỳ hằng năm (trước ngày 10/12) về Sở Tài chính."
    assert ("Sở Tài chính", "report_to") in {(u.name, u.role) for u in roles_in_text(text)}


@pytest.mark.parametrize(("text", "iso"), [
    ("Tiến độ: tháng 9/2026.", "2026-09-30"),
    ("Tiến độ hoàn thành: 30/9/2026.", "2026-09-30"),
    ("Hoàn thành trước 30/6 năm 2026.", "2026-06-30"),
    ("Hoàn thành trước 30 tháng 6 năm 2026.", "2026-06-30"),
    ("Năm 2026, Ủy ban nhân dân các xã hoàn thành việc số hóa hồ sơ hộ tịch.", "2026-12-31"),
    ("- Năm 2027: hoàn thành chuyển đổi số các thủ tục hành chính cấp xã.", "2027-12-31"),
])
def test_labels_and_openers(text: str, iso: str) -> None:
    """The progress label "Tiến độ:" stands for the preposition as "Thời gian:" does; a day with
    "năm" before its year ("30/6 năm 2026") keeps the year; a year that opens the duty ("Năm 2026,
    …", "- Năm 2027: …", the yearly steps of multi-year plans) is the year it is done in, as "Trong
    năm 2026" is (before: nothing, or the day without its year). Forms of the lead's list from
    the unseen plans, written by analogy with "Thời gian:" and "Trong năm 2026:" (already read);
    the excerpts read print "Thời hạn báo cáo đề xuất trong tháng 8 năm 2025"
    (http://tinhphutho.pto.vnptweb.vn/thong-tin-chi-dao-dieu-hanh/chi-dao-dieu-hanh-cua-ubnd-tinh-chu-tich-ubnd-tinh-tu-ngay-23-25-7-2025-277998)."""
    assert find_deadline(text)[0] == iso


# ---------------------------------------------------------------------------------------------
# Table time cells
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("cell", "iso"), [
    ("Năm 2026, 2027", "2027-12-31"),
    ("2026, 2027", "2027-12-31"),
    ("2026 và 2027", "2027-12-31"),
    ("Năm 2026 và năm 2027", "2027-12-31"),
    ("Từ 2026 đến 2030", "2030-12-31"),
    ("Quý I-2026", "2026-03-31"),
])
def test_time_cells_that_list_years(cell: str, iso: str) -> None:
    """A time cell listing years runs through the last one, as a range "2026 - 2030" does
    (GUIDELINES-real.md, Time); before, the first year was taken, or none. "Quý I-2026" writes
    the year after a hyphen as "Tháng 6-2026" does."""
    assert time_cell(cell)[0] == iso
    assert time_cell(cell)[1] == cell


# ---------------------------------------------------------------------------------------------
# A one-off date without its year: the year of the issue
# ---------------------------------------------------------------------------------------------

LETTER = """| ỦY BAN NHÂN DÂN TỈNH LAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 845/UBND-NC | Lam Sơn, ngày 12 tháng 8 năm 2025 |

V/v rà soát diện tích tự nhiên của các xã, phường sau sắp xếp

Kính gửi: Các sở, ban, ngành tỉnh; Ủy ban nhân dân các xã, phường.

Để có số liệu phục vụ việc phân loại đơn vị hành chính, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến
như sau:

1. Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Ủy ban nhân dân các xã, phường rà soát
diện tích tự nhiên của từng đơn vị hành chính, gửi Sở Nội vụ trước 30/8.

2. Sở Nội vụ tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/9.

3. Sở Tài chính chủ trì tham mưu kinh phí đo đạc, báo cáo Ủy ban nhân dân tỉnh định kỳ hằng năm
trước ngày 20/11.

4. Sở Tư pháp hướng dẫn các xã, phường hoàn thiện hồ sơ địa giới; xong trước ngày 10/01.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""


def test_a_yearless_one_off_date_takes_the_year_of_issue(tmp_path: Path) -> None:
    """"gửi … trước 30/8", "báo cáo … trước ngày 15/9" in a letter of August 2025: due once, in the
    year the letter is issued; a day already past at the issue falls in the next year ("trước
    ngày 10/01"); a yearly cycle keeps its words with no date (GUIDELINES.md). Before: no date.
    The 2025 letter on the new communes' areas (https://thanhnienonline.com/tag/hanh-chinh:
    "trước 30/8", "trước 30/9") and the chair's instructions relayed in
    http://tinhphutho.pto.vnptweb.vn/thong-tin-chi-dao-dieu-hanh/chi-dao-dieu-hanh-cua-ubnd-tinh-chu-tich-ubnd-tinh-tu-ngay-23-25-7-2025-277998
    print the day and month only."""
    path = tmp_path / "cv.md"
    path.write_text(LETTER, encoding="utf-8")
    doc = parse(path)
    by_start = {d.text[:12]: d for d in doc.duties}
    first = next(d for k, d in by_start.items() if k.startswith("Giao Sở Nông"))
    assert first.deadline == "2025-08-30"
    second = next(d for k, d in by_start.items() if k.startswith("Sở Nội vụ"))
    assert second.deadline == "2025-09-15"
    third = next(d for k, d in by_start.items() if k.startswith("Sở Tài chính"))
    assert (third.deadline, third.deadline_text, third.recurring) == (None, "trước ngày 20/11", "hằng năm")
    fourth = next(d for k, d in by_start.items() if k.startswith("Sở Tư pháp"))
    assert fourth.deadline == "2026-01-10"


# ---------------------------------------------------------------------------------------------
# A roadmap whose steps are headed by a time
# ---------------------------------------------------------------------------------------------

ROADMAP = """| ỦY BAN NHÂN DÂN TỈNH LAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 210/KH-UBND | Lam Sơn, ngày 15 tháng 3 năm 2026 |

KẾ HOẠCH
Chuyển đổi số cấp xã giai đoạn 2026 - 2028

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích
Nâng cao chất lượng phục vụ người dân.

II. NHIỆM VỤ VÀ LỘ TRÌNH

1. Năm 2026
a) Sở Khoa học và Công nghệ hoàn thiện nền tảng dữ liệu dùng chung của tỉnh.
b) Ủy ban nhân dân các xã, phường số hóa hồ sơ hộ tịch; xong trước ngày 30/9/2026.

2. Giai đoạn 2027 - 2028
a) Sở Nội vụ đánh giá mức độ chuyển đổi số của các xã, phường.

3. Nhiệm vụ chung
a) Công an tỉnh bảo đảm an toàn thông tin mạng.

III. TỔ CHỨC THỰC HIỆN

Sở Khoa học và Công nghệ chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch này.

Nơi nhận:
- Như trên;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""


def test_a_time_heading_times_the_steps_under_it(tmp_path: Path) -> None:
    """"1. Năm 2026", "2. Giai đoạn 2027 - 2028" over the items of a roadmap: each item is due by
    the heading's time, as under a lead-in "Trong năm 2026:" (before: no time). A step with its own
    date keeps it; a heading that is not only a time ("3. Nhiệm vụ chung") gives none. The lead's
    list from the unseen plans names deadlines "in a heading"; the excerpts read show no such
    heading (they end before the tasks), so the form is written by analogy with the lead-in."""
    path = tmp_path / "kh.md"
    path.write_text(ROADMAP, encoding="utf-8")
    by_section = {d.section: d for d in parse(path).duties}
    assert (by_section["II.1.a"].deadline, by_section["II.1.a"].deadline_text) == ("2026-12-31", "Năm 2026")
    assert by_section["II.1.b"].deadline == "2026-09-30"
    assert by_section["II.2.a"].deadline == "2028-12-31"
    assert by_section["II.3.a"].deadline is None and by_section["II.3.a"].deadline_text is None


STEPS = """| ỦY BAN NHÂN DÂN TỈNH LAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 211/KH-UBND | Lam Sơn, ngày 15 tháng 3 năm 2026 |

KẾ HOẠCH
Phát triển thương mại điện tử giai đoạn 2026 - 2030

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích
Phát triển thương mại điện tử.

II. NHIỆM VỤ

1. Sở Công Thương chủ trì, phối hợp với các sở, ngành thực hiện các nhiệm vụ sau:
- Trong năm 2026:
+ Xây dựng sàn thương mại điện tử của tỉnh.
+ Tập huấn kỹ năng bán hàng trực tuyến cho hợp tác xã; hoàn thành trong quý III/2026.
- Giai đoạn 2027 - 2030:
+ Kết nối sàn thương mại điện tử của tỉnh với các sàn quốc gia.

2. Sở Tài chính bố trí kinh phí hằng năm để thực hiện Kế hoạch.

III. TỔ CHỨC THỰC HIỆN

Sở Công Thương theo dõi, đôn đốc việc thực hiện Kế hoạch này.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""


def test_a_time_bullet_times_the_bullets_below_it(tmp_path: Path) -> None:
    """"- Trong năm 2026:" over "+" bullets, then "- Giai đoạn 2027 - 2030:" over others: each group
    is due by its own lead-in bullet's time, up to the next "-" bullet (before: none of them had a
    time; only a numbered line ending in ":" gave its items a time, and only the first such line
    of an item). Written by analogy with the lead-in rule (tests/test_duties_gaps.py); the lead's
    list from the unseen plans names deadlines given in a lead-in."""
    path = tmp_path / "kh.md"
    path.write_text(STEPS, encoding="utf-8")
    duties = parse(path).duties
    by_start = {d.text[:20]: d for d in duties}
    assert by_start["Xây dựng sàn thương "].deadline == "2026-12-31"
    assert by_start["Tập huấn kỹ năng bán"].deadline == "2026-09-30"  # its own time
    assert (by_start["Kết nối sàn thương m"].deadline,
            by_start["Kết nối sàn thương m"].deadline_text) == ("2030-12-31", "Giai đoạn 2027 - 2030")
    assert by_start["Sở Tài chính bố trí "].deadline is None  # the next item is no step


TABLE_PLAN = """| ỦY BAN NHÂN DÂN TỈNH LAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 212/KH-UBND | Lam Sơn, ngày 15 tháng 3 năm 2026 |

**KẾ HOẠCH**

**PHÁT TRIỂN KINH TẾ TUẦN HOÀN TỈNH LAM SƠN NĂM 2026**

I. MỤC TIÊU

Các nhiệm vụ cụ thể tại Phụ lục kèm theo.

**PHỤ LỤC**

**DANH MỤC NHIỆM VỤ**

| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Sản phẩm |
|---|---|---|---|---|
| 1 | Rà soát cơ chế hỗ trợ doanh nghiệp tái chế | Sở Công Thương | Sở Tài chính | Báo cáo Ủy ban nhân dân tỉnh (Quý III/2026) |
| 2 | Xây dựng bộ tiêu chí khu công nghiệp sinh thái | Sở Xây dựng | Sở Công Thương | Quyết định của Ủy ban nhân dân tỉnh, trình trong tháng 11/2026 |
| 3 | Tuyên truyền về tiêu dùng bền vững | Sở Văn hóa, Thể thao và Du lịch | Sở Công Thương | Tin, bài trên cổng thông tin |
"""


def test_a_time_written_in_the_product_cell(tmp_path: Path) -> None:
    """A duty table with no time column that writes the time after the product ("Báo cáo … (Quý
    III/2026)", "Quyết định …, trình trong tháng 11/2026"): the row is due then, as the same
    words in a sentence are (before: no time). The lead's list from the unseen plans names times
    "after the product"; the excerpts read end before their tables, so the layout is written by
    analogy with the task tables of tests/test_tables_survey.py."""
    path = tmp_path / "kh.md"
    path.write_text(TABLE_PLAN, encoding="utf-8")
    rows = {d.section: d for d in parse(path).duties if d.section and d.section.startswith("PL")}
    assert rows["PL1.1"].deadline == "2026-09-30"
    assert rows["PL1.2"].deadline == "2026-11-30"
    assert rows["PL1.3"].deadline is None


# ---------------------------------------------------------------------------------------------
# The cycle word "định kỳ"
# ---------------------------------------------------------------------------------------------


def test_a_bare_cycle_word_before_a_word_that_folds_to_a_number() -> None:
    """"tuyên truyền thường xuyên, định kỳ, sâu rộng": folded, "sâu" reads "sau" (six), which
    took "định kỳ" for "định kỳ sáu …" and dropped it (development kh144 VI.13, both golds
    "thường xuyên, định kỳ"). A number word names a frequency only before its period."""
    assert find_deadline("Tổ chức tuyên truyền thường xuyên, định kỳ, sâu rộng về Kế hoạch.")[2] == \
        "thường xuyên, định kỳ"
    assert find_deadline("Định kỳ sáu tháng báo cáo Ủy ban nhân dân tỉnh.")[2] == "6 tháng"


def test_a_text_layer_glyph_for_the_cycle_word() -> None:
    """The development crawler's PDF text layer prints "định kǶ" (hwair) for "định kỳ" (kh144,
    three times; IV.4.3.d lost its "định kỳ"): the glyph is read as "ỳ"."""
    from chinhsach.text.normalize import normalize_text

    assert normalize_text("Công bố định k\u01f6 báo cáo dự báo nhu cầu nhân lực.") == \
        "Công bố định kỳ báo cáo dự báo nhu cầu nhân lực."


def test_a_plan_keeps_a_yearless_day_undated(tmp_path: Path) -> None:
    """The same days in a plan running several years stay words with no date: a plan means them
    every year even where it leaves out "hằng năm" (GUIDELINES-real.md, Time, [decided, lead s12]).
    Before the rule was limited to letters, this plan's report day was dated in its year of issue."""
    plan = (LETTER.replace("Số: 845/UBND-NC", "Số: 845/KH-UBND")
            .replace("V/v rà soát diện tích tự nhiên của các xã, phường sau sắp xếp",
                     "KẾ HOẠCH\n\nRà soát địa giới các xã, phường giai đoạn 2025 - 2030"))
    path = tmp_path / "kh.md"
    path.write_text(plan, encoding="utf-8")
    doc = parse(path)
    assert doc.meta.type == "Kế hoạch"
    second = next(d for d in doc.duties if d.text.startswith("Sở Nội vụ"))
    assert (second.deadline, second.deadline_text) == (None, "trước ngày 15/9")
