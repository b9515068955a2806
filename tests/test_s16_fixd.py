"""Time forms of session 16 (fixD), found in the spent held-out plans of sessions 13-14.

1. A plan titled "… đến năm Y" runs from its issue to Y: a later phase heading ("2. Giai đoạn
   2031 - 2035" after "1. Giai đoạn 2026 - 2030") is a period of its own, not the title said
   again, and dates the items of its sub-parts (s13 kh552 III.2: 19 duties under "2.1." … "2.8.").

Every text here is invented (a made-up province, "Lam Sơn").
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

HEAD = """| ỦY BAN NHÂN DÂN TỈNH LAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 412/KH-UBND | Lam Sơn, ngày 12 tháng 5 năm 2026 |

KẾ HOẠCH
Chuyển đổi năng lượng trong các khu công nghiệp đến năm 2035

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích
Giảm tiêu thụ năng lượng hóa thạch trong sản xuất.

"""

TAIL = """
III. TỔ CHỨC THỰC HIỆN

Sở Công Thương chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch này.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
"""

LATER_PHASE = HEAD + """II. LỘ TRÌNH

**1. Giai đoạn 2026 - 2030**

- Sở Công Thương khảo sát mức tiêu thụ điện của các khu công nghiệp.

**2. Giai đoạn 2031 - 2035**

*2.1. Mở rộng điện mặt trời mái nhà*

- Sở Xây dựng hướng dẫn lắp đặt hệ thống điện mặt trời trên mái nhà xưởng.

*2.2. Thay thế lò hơi*

- Sở Tài chính cân đối nguồn hỗ trợ thay thế lò hơi đốt than.

**3. Đến năm 2035**

- Sở Nội vụ tổng kết việc thực hiện Kế hoạch.
""" + TAIL


def _by_section(tmp_path: Path, text: str) -> dict[str | None, tuple[str | None, str | None]]:
    return {d.section: (d.deadline, d.deadline_text) for d in parse_text(tmp_path, text).duties}


def test_a_later_phase_of_a_plan_up_to_a_year_dates_its_sub_parts(tmp_path: Path) -> None:
    """"2. Giai đoạn 2031 - 2035" in a plan "… đến năm 2035" issued in 2026: its sub-parts' items
    are due by 2035 (before: none, the phase was taken for the title's span); a last phase
    "Đến năm 2035" too (as s15 qd1422 III.1 "Giai đoạn đến năm 2030" in its gold)."""
    got = _by_section(tmp_path, LATER_PHASE)
    assert got["II.1"] == ("2030-12-31", "Giai đoạn 2026 - 2030")
    assert got["II.2.1"] == ("2035-12-31", "Giai đoạn 2031 - 2035")
    assert got["II.2.2"] == ("2035-12-31", "Giai đoạn 2031 - 2035")
    assert got["II.3"] == ("2035-12-31", "Đến năm 2035")


def test_a_frequency_item_under_a_phase_keeps_the_phases_end(tmp_path: Path) -> None:
    """"- Định kỳ hằng năm, Sở Công Thương đánh giá …" under "1. Giai đoạn 2026 - 2030": the
    review repeats every year within the phase (before: the phase's end was lost, the item's
    frequency counted as its own time)."""
    text = LATER_PHASE.replace(
        "- Sở Công Thương khảo sát mức tiêu thụ điện của các khu công nghiệp.\n",
        "- Sở Công Thương khảo sát mức tiêu thụ điện của các khu công nghiệp.\n\n"
        "- Định kỳ hằng năm, Sở Tài chính đánh giá hiệu quả nguồn hỗ trợ đã cấp.\n")
    duties = [d for d in parse_text(tmp_path, text).duties if d.section == "II.1"]
    assert [(d.deadline, d.recurring) for d in duties] == [("2030-12-31", None), ("2030-12-31", "hằng năm")]


DECISION = """| THỦ TƯỚNG CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 905/QĐ-TTg | Hà Nội, ngày 14 tháng 4 năm 2026 |

QUYẾT ĐỊNH
Phê duyệt Chương trình phục hồi rừng ngập mặn đến năm 2035

Điều 1. Phê duyệt Chương trình phục hồi rừng ngập mặn đến năm 2035, với các nội dung sau:

1. Các giải pháp thực hiện

a) Bộ Nông nghiệp và Môi trường định kỳ đánh giá diện tích rừng ngập mặn được phục hồi.

b) Bộ Tài chính bố trí kinh phí thực hiện Chương trình; hoàn thành trước ngày 30/9/2026.

c) Bộ Ngoại giao vận động các đối tác quốc tế hỗ trợ Chương trình.

Điều 2. Quyết định này có hiệu lực từ ngày ký.
"""


def test_a_lead_in_that_restates_the_titles_horizon_is_scope(tmp_path: Path) -> None:
    """"Điều 1. Phê duyệt Chương trình … đến năm 2035, với các nội dung sau:" in a decision
    "… đến năm 2035": the programme's name and horizon, not a limit of every point below
    (before: each point was due by 2035-12-31); a point's own day and frequency stand."""
    got = {d.section: (d.deadline, d.recurring) for d in parse_text(tmp_path, DECISION).duties}
    assert got["D1.1.a"] == (None, "định kỳ")
    assert got["D1.1.b"] == ("2026-09-30", None)
    assert got["D1.1.c"] == (None, None)


def test_a_quarter_then_the_following_years_has_no_last_day() -> None:
    """"Quý IV năm 2026 và các năm tiếp theo": a start, then every year, as "Năm 2026 và các năm
    tiếp theo" already read ([decided, s13 adj]: no last day; before: 2026-12-31)."""
    from chinhsach.extract.duties import find_deadline
    assert find_deadline("Thời gian thực hiện: Quý IV năm 2026 và các năm tiếp theo.") == (
        None, "Quý IV năm 2026 và các năm tiếp theo", "hằng năm")
    assert find_deadline("Thời gian thực hiện: Quý IV năm 2026.")[0] == "2026-12-31"


FIELDS = HEAD + """II. NHIỆM VỤ

1. Rà soát quy định về sử dụng năng lượng

- Nội dung: Rà soát các quy định của tỉnh về sử dụng năng lượng tiết kiệm và hiệu quả.

- Cơ quan thực hiện: Sở Công Thương chủ trì rà soát; các sở, ngành liên quan tiếp tục rà soát,
cập nhật định kỳ trong quá trình thực hiện.

- Cơ quan phối hợp: Ủy ban nhân dân các xã, phường.
""" + TAIL


def test_a_frequency_in_the_lead_field_is_the_tasks(tmp_path: Path) -> None:
    """"- Cơ quan thực hiện: Sở X chủ trì …; các sở … cập nhật định kỳ …" under "- Nội dung: …":
    the field's frequency qualifies the item's task ([decided, adjud]: any sentence of the item;
    before: none)."""
    duties = [d for d in parse_text(tmp_path, FIELDS).duties if d.section == "II.1"]
    assert [d.recurring for d in duties] == ["định kỳ"]


def test_two_day_limits_in_one_sentence_give_the_later() -> None:
    """"… xong trước ngày 15/4/2026 đối với hồ sơ năm 2024, xong trước ngày 15/7/2026 đối với hồ
    sơ năm 2025": the item is done when its last step is ([decided, s14 fixG]; before: the first
    day, the two limits shared one clause)."""
    from chinhsach.extract.duties import find_deadline
    text = ("Sở Tài chính quyết toán kinh phí hỗ trợ xong trước ngày 15/4/2026 đối với hồ sơ năm "
            "2024, xong trước ngày 15/7/2026 đối với hồ sơ năm 2025.")
    assert find_deadline(text)[0] == "2026-07-15"


def test_horizons_joined_to_a_vision_are_no_deadline() -> None:
    """"bảo đảm chỉ tiêu phù hợp mục tiêu đến năm 2030, 2035 và tầm nhìn đến năm 2050": the
    strategy's horizons, not the task's limit (before: 2035-12-31); the frequency stays."""
    from chinhsach.extract.duties import find_deadline
    text = ("Xây dựng kế hoạch bồi dưỡng hằng năm, bảo đảm chỉ tiêu phù hợp mục tiêu phát triển "
            "đến năm 2030, 2035 và tầm nhìn đến năm 2050.")
    assert find_deadline(text) == (None, None, "hằng năm")
    assert find_deadline("Hoàn thành việc sắp xếp trong năm 2026, 2027.")[0] == "2027-12-31"


def test_a_count_per_day_is_daily() -> None:
    """"báo cáo 03 lần/ngày (trước 8 giờ, 12 giờ và 17 giờ)" during an emergency: ``recurring``
    "hằng ngày", as "N lần/tuần" gives "hằng tuần" ([decided, s13 adj]; before: none); sessions
    per day of a course ("02 buổi/ngày") pace it, no cycle."""
    from chinhsach.extract.duties import find_deadline
    assert find_deadline("Các xã báo cáo 03 lần/ngày (trước 8 giờ, 12 giờ và 17 giờ) về số hộ cần hỗ trợ.")[2] == "hằng ngày"
    assert find_deadline("Trường Chính trị tỉnh mở lớp bồi dưỡng 04 ngày, 02 buổi/ngày.")[2] is None
