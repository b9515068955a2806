"""Time forms left over by the session-12 surveys, and one heading form of short notices.

Each sentence is written for the test (invented wording, generic bodies, made-up years); nothing
is copied from the pages read. Conventions: GUIDELINES.md and GUIDELINES-real.md, "Time". Where
a form was seen in a stored page its address is given; the ``search`` look-ups (pages corpus) for
the other forms found reporting rules and plans with the neighbouring shapes only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chinhsach import parse
from chinhsach.extract.duties import find_deadline
from chinhsach.extract.tables import time_cell


@pytest.mark.parametrize("text", [
    "Các phòng chuyên môn báo cáo kết quả định kỳ 6 tháng, 01 năm về Văn phòng để tổng hợp.",
    "Định kỳ 06 tháng, một năm, Trạm Y tế báo cáo tiến độ cho Ủy ban nhân dân xã.",
    "Các đơn vị gửi báo cáo định kỳ 06 tháng, 01 năm một lần về Sở Nội vụ.",
])
def test_the_yearly_cycle_with_its_count(text: str) -> None:
    """"định kỳ 6 tháng, 01 năm": the yearly cycle written with its count "01 năm" after the
    half-year one is the same two cycles as "6 tháng, năm" (before: "6 tháng" alone). Half-year
    and yearly rhythms of reporting rules: https://hethongphapluat.vn/ke-hoach-130-kh-ubnd-nam-2022-ve-giam-sat-danh-gia-thuc-hien-chuong-trinh-muc-tieu-quoc-gia-giam-ngheo-ben-vung-giai-doan-2021-2025-tren-dia-ban-tinh-ninh-binh.html
    ("định kỳ 6 tháng, hằng năm"); the counted spelling itself not seen in the stored pages."""
    assert find_deadline(text)[2] == "6 tháng, hằng năm"


def test_lengths_are_no_cycles() -> None:
    """Without a cycle word before it, "6 tháng, 1 năm" lists lengths, not cycles."""
    assert find_deadline("Thời gian tập huấn kéo dài trong 6 tháng, 1 năm tùy lớp.")[2] is None


@pytest.mark.parametrize(("text", "iso", "words"), [
    ("Các xã triển khai mô hình điểm trong các năm 2026 - 2027.", "2027-12-31",
     "trong các năm 2026 - 2027"),
    ("Thí điểm cấp phiếu điện tử trong 2 năm 2027, 2028 tại các phường.", "2028-12-31",
     "trong 2 năm 2027, 2028"),
    ("Hoàn thành cải tạo các trạm bơm trong hai năm 2026 và 2027.", "2027-12-31",
     "trong hai năm 2026 và 2027"),
])
def test_years_listed_in_a_sentence(text: str, iso: str, words: str) -> None:
    """Several years in a sentence: due by the last one's end, as the table cell "2026 - 2027"
    (GUIDELINES-real.md, Time; before: nothing). Not seen in the stored pages (two look-ups)."""
    assert find_deadline(text)[:2] == (iso, words)


def test_a_named_period_is_no_list_of_years() -> None:
    """"giai đoạn 2026 - 2030" in a programme's name is no time of the duty."""
    assert find_deadline("Thực hiện Chương trình giảm nghèo giai đoạn 2026 - 2030.")[0] is None


@pytest.mark.parametrize(("text", "iso", "words"), [
    ("Rà soát, cập nhật danh sách hộ nghèo đầu năm 2026.", None, "đầu năm 2026"),
    ("Sơ kết việc thực hiện vào giữa năm 2027.", None, "vào giữa năm 2027"),
    ("Tổ chức hội nghị tập huấn vào tuần đầu tháng 10/2026.", None, "vào tuần đầu tháng 10/2026"),
    ("Các thôn gửi danh sách về xã trước trung tuần tháng 11/2026.", None, "trước trung tuần tháng 11/2026"),
    ("Hoàn thành việc số hóa hồ sơ trong nửa đầu năm 2026.", "2026-06-30", "nửa đầu năm 2026"),
    ("Đưa hệ thống vào vận hành nửa cuối năm 2026.", "2026-12-31", "nửa cuối năm 2026"),
])
def test_parts_of_a_year_or_month(text: str, iso: str | None, words: str) -> None:
    """"đầu năm", "giữa năm", "tuần đầu tháng …" name a part with no fixed last day: the words
    only; "nửa đầu/cuối năm" is the half-year, as "6 tháng đầu năm" (before: nothing). Not seen
    in the stored pages (two look-ups); a half-year's report is the nearest:
    https://huongthuy.thuathienhue.gov.vn/?gd=23&cn=212&tc=5332 ("6 tháng đầu năm"); "trước trung
    tuần tháng …" and "cuối năm …, đầu năm …" in an association's meeting notice:
    https://hodovietnam.net/2022/09/09/hoi-dong-ho-do-dau-viet-nam-hop-chuan-bi-cho-dh-dai-bieu-hd-ho-do-dau-vn/."""
    assert find_deadline(text)[:2] == (iso, words)


def test_since_the_start_of_a_year_is_no_deadline() -> None:
    """"từ đầu năm 2026 đến nay" looks back; it is no time to act by."""
    assert find_deadline("Từ đầu năm 2026 đến nay, các xã đã cấp 120 thẻ.")[1] is None


@pytest.mark.parametrize(("cell", "iso"), [
    ("Tháng 6/2026; tháng 12/2026", "2026-12-31"),
    ("Quý II/2026, quý IV/2026", "2026-12-31"),
    ("Quý II và quý IV/2026", "2026-12-31"),
    ("Tháng 3/2027 và tháng 9/2027", "2027-09-30"),
])
def test_a_time_cell_listing_its_times(cell: str, iso: str) -> None:
    """A time cell listing several times is due by the last, as a span ("2026 - 2030" →
    2030-12-31, GUIDELINES-real.md) and a list of quarters already are (before: "Tháng 6/2026;
    tháng 12/2026" took its first month). Not seen in the stored pages."""
    deadline, words, _recurring, _year = time_cell(cell)
    assert (deadline, words) == (iso, cell)


NOTICE = """ỦY BAN NHÂN DÂN
XÃ LAM SƠN
Số: 21/TB-UBND
Lam Sơn, ngày 05 tháng 4 năm 2026
THÔNG BÁO
Kết quả công tác chăm sóc sức khỏe quý I năm 2026
I. KẾT QUẢ
1. Đánh giá chung
Các thôn đã tổ chức khám sàng lọc cho người cao tuổi và đạt phần lớn kế hoạch quý.
2. Kiểm tra, giám sát
Đoàn của xã đã đến làm việc tại bốn thôn, chưa phát hiện sai phạm.
II. NHIỆM VỤ QUÝ II
1. Trạm Y tế xã chủ trì tổ chức tiêm chủng bổ sung, hoàn thành trong quý II/2026.
"""


def test_a_verb_heading_is_not_run_into_its_sentence(tmp_path: Path) -> None:
    """"1. Đánh giá chung" / "Các thôn đã …" in a short plain text: a duty verb with at most two
    lower-case words after it and nothing else names an activity, a heading (before: "Đánh giá"
    read as a duty's verb ran the heading into the sentence under it). A clause cut short keeps
    its object ("a) Chủ trì tham mưu Chủ tịch"). Numbered activity headings of commune reports
    ("1. Đánh giá về …" in a report form, https://thanhphovinh.com/?detail=18907%2Fvan-hoa-xa-hoi%2F;
    short noun headings over prose in https://text.123docz.net/document/5013528-bao-cao-so-ket-giua-nhiem-ky-2015-2020.htm);
    the exact "Đánh giá chung" layout was reported by a session-12 survey, not seen in these pages."""
    path = tmp_path / "thong-bao.txt"
    path.write_text(NOTICE, encoding="utf-8")
    headings = [s.heading for s in parse(path).sections]
    assert "Đánh giá chung" in headings
    assert "Kiểm tra, giám sát" in headings
    from chinhsach.text.normalize import _names_a_topic
    assert not _names_a_topic("a) Chủ trì tham mưu Chủ tịch")
    assert not _names_a_topic("b) Phối hợp với")
