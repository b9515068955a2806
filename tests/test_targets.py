"""Target extraction (chinhsach.extract.targets) on the seed plan and on sentences in other styles.

Each trap of the task has its own test; the last tests score the extractor against the gold
files of ``evaluation/gold/`` by feeding it the segments the project's own structure stage
produces (no hand-cut input).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import TEXTS

from chinhsach.extract.targets import (
    COMPARATOR_SENSE,
    COMPARATORS,
    TRAILING_CUES,
    find_targets,
    heading_year,
    indicator_direction,
    is_rate,
    parse_number,
)
from chinhsach.model import Provenance, SourceLine, SourceText, Target
from chinhsach.structure.outline import build_document
from chinhsach.text.normalize import fold, normalize_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "sonla-ke-hoach-thuc-hien-nq-42-nq-tw.txt"
GOLD_DIR = ROOT / "evaluation" / "gold"
SEED_GOLD = GOLD_DIR / "sonla-ke-hoach-thuc-hien-nq-42-nq-tw.json"


def one(text: str, **kw) -> Target:
    kw.setdefault("section", "II.2")
    kw.setdefault("year", 2030)
    found = [t for t in find_targets(text, **kw) if t.value is not None]
    assert len(found) == 1, [t.to_dict() for t in found]
    return found[0]


def quantified(text: str, **kw) -> list[Target]:
    kw.setdefault("section", "II.2")
    kw.setdefault("year", 2030)
    return [t for t in find_targets(text, **kw) if t.value is not None]


# ---------------------------------------------------------------------------------------------
# Numbers and heading years
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("s", "v"),
    [("24,01", 24.01), ("10.000", 10000), ("1.234,5", 1234.5), ("01", 1), ("0,7", 0.7),
     ("14.000", 14000), ("1.000.000", 1e6), ("99,5", 99.5), ("24.6", 24.6), ("3", 3)],
)
def test_parse_number(s: str, v: float) -> None:
    assert parse_number(s) == pytest.approx(v)


def test_parse_number_rejects_words() -> None:
    with pytest.raises(ValueError):
        parse_number("năm")


@pytest.mark.parametrize(
    ("heading", "year"),
    [("Các chỉ tiêu chủ yếu đến năm 2030", 2030), ("Tầm nhìn đến năm 2045", 2045),
     ("giai đoạn 2021-2025", 2025), ("Mục tiêu đến năm 2025", 2025),
     ("Phần II. CHỈ TIÊU ĐẾN NĂM 2030", 2030),
     ("phát triển nguồn nhân lực giai đoạn 2021 - 2025, định hướng đến năm 2030", 2025),
     ("Mục tiêu tổng quát", None),
     ("Thực hiện Nghị quyết số 42-NQ/TW ngày 24/11/2023", None)],
)
def test_heading_year(heading: str, year: int | None) -> None:
    assert heading_year(heading) == year


def test_decimal_comma_and_thousand_dot_in_context() -> None:
    t = one("diện tích sàn nhà ở bình quân đầu người đạt khoảng 24,6 m² sàn/người")
    assert (t.value, t.unit, t.comparator) == (24.6, "m² sàn/người", "about")
    t = one("bình quân mỗi năm tạo việc làm mới cho từ 14.000 lao động trở lên",
            section="III.3.a", year=None, in_objectives=False)
    assert (t.value, t.comparator, t.unit) == (14000, "at_least", "lao động/năm")
    assert one("24,01% số người sau độ tuổi nghỉ hưu được hưởng lương hưu").value == 24.01


# ---------------------------------------------------------------------------------------------
# Several targets in one bullet; the page-break join
# ---------------------------------------------------------------------------------------------

HEALTH_BULLET = (
    "Bảo đảm vững chắc mức sinh thay thế của quốc gia; tuổi thọ trung bình của người dân khoảng "
    "75 tuổi, số năm sống khỏe đạt tối thiểu 68 năm; chỉ số phát triển con người (HDI) đạt 0,7; "
    "đến năm 2030 đạt 32 giường bệnh/10.000 dân; 9,5 bác sỹ/10.000 dân; 01 được sỹ/10.000 dân, "
    "19 điều dưỡng, hộ sinh, kỹ thuật y/10.000 dân; tỷ lệ bao phủ bảo hiểm y tế đạt 97% vào năm "
    "2030; trên 95% người dân sử dụng dịch vụ chăm sóc ban đầu tại y tế cơ sở được bảo hiểm y tế "
    "chi trả; trên 95% dân số được quản lý sức khỏe; tỉ lệ tiêm chủng mở rộng đạt 95%; tỉ lệ trẻ "
    "em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi dưới 23%; cơ bản chấm dứt các dịch bệnh AIDS, "
    "lao và loại trừ sốt rét."
)


def test_multi_target_bullet() -> None:
    targets = find_targets(HEALTH_BULLET, section="II.2", year=2030)
    got = [(t.value, t.unit, t.comparator) for t in targets]
    assert got == [
        (None, None, None),
        (75, "tuổi", "about"),
        (68, "năm", "at_least"),
        (0.7, None, "reach"),
        (32, "giường bệnh/10.000 dân", "reach"),
        (9.5, "bác sỹ/10.000 dân", "reach"),
        # As printed: the document stage corrects it (tests/test_typos.py).
        (1, "được sỹ/10.000 dân", "reach"),
        (19, "điều dưỡng, hộ sinh, kỹ thuật y/10.000 dân", "reach"),
        (97, "%", "reach"),
        (95, "%", "above"),
        (95, "%", "above"),
        (95, "%", "reach"),
        (23, "%", "below"),
        (None, None, None),
    ]
    # Each text is the target's own clause, an exact substring holding no other value.
    texts = [t.text for t in targets]
    assert texts[4] == "đến năm 2030 đạt 32 giường bệnh/10.000 dân"
    assert texts[7] == "19 điều dưỡng, hộ sinh, kỹ thuật y/10.000 dân"
    assert all(t in HEALTH_BULLET for t in texts)
    assert targets[5].indicator == "số bác sỹ"
    assert targets[8].indicator == "tỷ lệ bao phủ bảo hiểm y tế"


def _source(text: str, path: str = "t.txt") -> SourceText:
    """Lines as a plain-text reader gives them: a blank line sets ``gap_before`` on the next."""
    lines: list[SourceLine] = []
    gap = False
    for i, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            gap = True
            continue
        lines.append(SourceLine(text=line, prov=Provenance(path, None, i), gap_before=gap))
        gap = False
    return SourceText(path=path, format="txt", lines=lines)


def test_page_break_joined_value_and_unit() -> None:
    raw = (
        "KẾ HOẠCH\n\nI- MỤC TIÊU\n\n1. Các chỉ tiêu chủ yếu đến năm 2030\n\n"
        "- Chỉ số phát triển con người (HDI) đạt 0,7; đến năm 2030 đạt 32 giường bệnh/10.000 dân;"
        " 9,5\n\nbác sỹ/10.000 dân; 01 được sỹ/10.000 dân.\n"
    )
    doc = build_document(_source(raw))
    seg = next(s for s in doc.segments if s.kind == "bullet")
    targets = find_targets(seg.text, section=seg.section, year=heading_year(seg.heading_path[-1]))
    doctor = next(t for t in targets if t.value == 9.5)
    assert doctor.text == "9,5 bác sỹ/10.000 dân"
    assert (doctor.unit, doctor.comparator, doctor.year, doctor.section) == (
        "bác sỹ/10.000 dân", "reach", 2030, "I.1")


# ---------------------------------------------------------------------------------------------
# Comparators, ranges and their distribution over lists
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("tỉ lệ tiêm chủng mở rộng đạt 95%", "reach", 95),
        ("25% lực lượng lao động trong độ tuổi lao động tham gia bảo hiểm xã hội", "reach", 25),
        ("Bảo đảm 100% người có công được chăm lo toàn diện", "reach", 100),
        ("trên 95% dân số được quản lý sức khỏe", "above", 95),
        ("Tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 95% vào cuối năm 2025", "above", 95),
        ("thu nhập bình quân đầu người cao hơn 1,5 lần so với năm 2020", "above", 1.5),
        ("Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt khoảng trên 40%", "above", 40),
        ("Có ít nhất 80% thôn có nhà văn hóa", "at_least", 80),
        ("số năm sống khỏe đạt tối thiểu 68 năm", "at_least", 68),
        ("Tỷ lệ thất nghiệp khu vực thành thị 3,5% trở lên", "at_least", 3.5),
        ("tỷ lệ trẻ em đi học đạt từ 98% trở lên", "at_least", 98),
        ("số điều dưỡng không dưới 25 điều dưỡng/10.000 dân", "at_least", 25),
        ("tỉ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi dưới 23%", "below", 23),
        ("tỷ lệ hộ nghèo đa chiều toàn tỉnh còn dưới 20%", "below", 20),
        ("tỷ lệ hộ cận nghèo thấp hơn 8%", "below", 8),
        ("Tỷ lệ thất nghiệp khu vực thành thị không quá 3%", "at_most", 3),
        ("tỷ lệ nợ xấu tối đa 2%", "at_most", 2),
        ("tỷ lệ sinh con thứ ba trở lên không vượt quá 10%", "at_most", 10),
        ("tuổi thọ trung bình của người dân khoảng 75 tuổi", "about", 75),
        ("tỷ lệ dân cư nông thôn được sử dụng nước sạch đạt khoảng 55%", "about", 55),
        ("Duy trì 100% xã, phường, thị trấn đạt chuẩn phổ cập giáo dục tiểu học mức độ 2",
         "maintain", 100),
        ("Giữ tỷ lệ tăng dân số tự nhiên ở mức 1%", "maintain", 1),
    ],
)
def test_each_comparator(text: str, comparator: str, value: float) -> None:
    t = one(text)
    assert (t.comparator, t.value) == (comparator, value)
    assert t.value_max is None


@pytest.mark.parametrize(
    ("text", "lo", "hi", "unit"),
    [
        ("Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ từ 35-40%", 35, 40, "%"),
        ("tỷ lệ lao động có việc làm từ 35 đến 40%", 35, 40, "%"),
        ("tỷ lệ che phủ rừng 45% - 47%", 45, 47, "%"),
        ("giảm tỷ lệ hộ nghèo bình quân 3-4%/năm", 3, 4, "%/năm"),
    ],
)
def test_ranges(text: str, lo: float, hi: float, unit: str) -> None:
    t = one(text)
    assert (t.comparator, t.value, t.value_max, t.unit) == ("range", lo, hi, unit)


def test_comparator_distributes_over_parallel_list() -> None:
    text = ("Có ít nhất 75% người dân ở vùng sâu, vùng xa, biên giới; 80% các xã vùng đồng bào dân "
            "tộc thiểu số và miền núi được hưởng thụ và tham gia các hoạt động văn hóa, nghệ thuật.")
    a, b = quantified(text)
    assert (a.comparator, b.comparator) == ("at_least", "at_least")
    assert a.text == "Có ít nhất 75% người dân ở vùng sâu, vùng xa, biên giới"
    # The predicate shared by both members is restored on the first one.
    assert a.indicator.endswith("được hưởng thụ và tham gia các hoạt động văn hóa, nghệ thuật")
    assert b.indicator.startswith("tỷ lệ xã vùng đồng bào")


def test_member_with_own_comparator_keeps_it() -> None:
    text = ("tỷ lệ bao phủ bảo hiểm y tế đạt 97% vào năm 2030; trên 95% dân số được quản lý sức "
            "khỏe; tỉ lệ tiêm chủng mở rộng đạt 95%; Tỷ lệ thất nghiệp không quá 4%; 80% lao động "
            "qua đào tạo.")
    got = [t.comparator for t in quantified(text)]
    # "80% lao động" follows a member with its own subject: the bound does not distribute.
    assert got == ["reach", "above", "reach", "at_most", "reach"]


def test_shared_subject_restored_for_list_members() -> None:
    text = ("tỷ lệ đi học đúng độ tuổi cấp tiểu học đạt 99,5%, cấp trung học cơ sở đạt 95%, cấp "
            "trung học phổ thông và tương đương đạt 75%")
    inds = [t.indicator for t in quantified(text)]
    assert inds == [
        "tỷ lệ đi học đúng độ tuổi cấp tiểu học",
        "tỷ lệ đi học đúng độ tuổi cấp trung học cơ sở",
        "tỷ lệ đi học đúng độ tuổi cấp trung học phổ thông và tương đương",
    ]
    texts = [t.text for t in quantified(text)]
    assert texts[2] == "cấp trung học phổ thông và tương đương đạt 75%"


def test_comparator_tables_are_exposed() -> None:
    assert COMPARATORS["không quá"] == "at_most"
    assert COMPARATORS["ít nhất"] == "at_least"
    assert COMPARATORS["khoảng trên"] == "above"
    assert TRAILING_CUES == {"trở lên": "at_least", "trở xuống": "at_most"}
    assert COMPARATOR_SENSE["below"] == "down"
    assert set(COMPARATORS.values()) <= set(COMPARATOR_SENSE)


# ---------------------------------------------------------------------------------------------
# Numbers that are not targets
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # ages and age groups
        "hoàn thành đạt chuẩn phổ cập giáo dục mầm non cho trẻ 3 và 4 tuổi",
        "Duy trì và nâng cao chất lượng đạt chuẩn phổ cập giáo dục mầm non cho trẻ 5 tuổi",
        "Người từ 60 tuổi trở lên được chăm sóc sức khỏe ban đầu tại cộng đồng",
        # levels used as names
        "duy trì và nâng cao chất lượng đạt chuẩn xóa mù chữ mức độ 2",
        # document numbers, dates, periods, quarters, sections
        "Thực hiện Nghị quyết số 42-NQ/TW ngày 24/11/2023 và Quyết định số 2161/QĐ-TTg.",
        "Triển khai Chương trình phát triển nhà ở giai đoạn 2021 - 2025, định hướng đến năm 2030.",
        "Hoàn thành trong quý I/2024, báo cáo trước ngày 15/12 theo mục 2 Phần III.",
        "Căn cứ Luật Việc làm số 38/2013/QH13 ngày 16/11/2013",
        # a programme's title
        "Tập trung triển khai thực hiện Đề án “Đầu tư xây dựng ít nhất 01 triệu căn hộ nhà ở xã "
        "hội cho đối tượng thu nhập thấp, công nhân khu công nghiệp giai đoạn 2021 - 2030”.",
        "Tập trung thực hiện Đề án Đầu tư xây dựng ít nhất 01 triệu căn hộ nhà ở xã hội.",
    ],
)
def test_numbers_that_are_not_targets(text: str) -> None:
    for in_objectives in (True, False):
        assert quantified(text, in_objectives=in_objectives) == []


def test_age_inside_a_target_is_not_a_second_target() -> None:
    t = one("tỉ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi dưới 23%")
    assert (t.value, t.unit) == (23, "%")
    t = one("Tỷ suất tử vong trẻ em dưới 1 tuổi giảm xuống dưới 18 trẻ/1.000 trẻ đẻ sống")
    assert (t.value, t.unit, t.comparator) == (18, "trẻ/1.000 trẻ đẻ sống", "below")


def test_denominator_is_part_of_the_unit() -> None:
    t = one("Phấn đấu đến năm 2030 có 35 bác sĩ trên 10.000 dân")
    assert (t.value, t.unit, t.indicator) == (35, "bác sĩ/10.000 dân", "số bác sĩ")
    t = one("Tỷ số tử vong mẹ dưới 60/100.000 trẻ đẻ sống")
    assert (t.value, t.unit) == (60, "/100.000 trẻ đẻ sống")


def test_life_expectancy_and_healthy_years_are_targets() -> None:
    a, b = quantified("tuổi thọ trung bình của người dân khoảng 75 tuổi, số năm sống khỏe đạt "
                      "tối thiểu 68 năm")
    assert (a.indicator, a.value, a.unit) == ("tuổi thọ trung bình của người dân", 75, "tuổi")
    assert (b.indicator, b.value, b.unit) == ("số năm sống khỏe", 68, "năm")


def test_durations_are_not_targets() -> None:
    text = "định kỳ 6 tháng, hằng năm báo cáo kết quả; hỗ trợ trong 5 năm đầu"
    assert quantified(text) == []


# ---------------------------------------------------------------------------------------------
# Qualitative targets and general objectives
# ---------------------------------------------------------------------------------------------


def test_qualitative_targets_in_objectives() -> None:
    text = ("Xóa bỏ hoàn toàn tình trạng nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo; diện "
            "tích sàn nhà ở bình quân đầu người đạt khoảng 24,6 m² sàn/người.")
    q, t = find_targets(text, section="II.2", year=2030)
    assert (q.value, q.comparator, q.unit, q.direction, q.year) == (None, None, None, None, 2030)
    assert q.text.startswith("Xóa bỏ hoàn toàn tình trạng nhà tạm")
    assert "nhà tạm" in q.indicator
    assert t.value == 24.6
    alone = find_targets("Bảo đảm vững chắc mức sinh thay thế của quốc gia.", section="II.2")
    assert [(x.value, x.comparator, x.indicator) for x in alone] == [
        (None, None, "mức sinh thay thế của quốc gia")]
    # A plain "bảo đảm" aim with no quantified neighbour is a general objective.
    assert find_targets("Bảo đảm an sinh và phúc lợi xã hội cho Nhân dân.", section="II.3") == []
    m = find_targets("Duy trì và nâng cao chất lượng đạt chuẩn xóa mù chữ mức độ 2.",
                     section="II.2")
    assert [(x.comparator, x.value, x.indicator) for x in m] == [
        ("maintain", None, "chuẩn xóa mù chữ mức độ 2")]


def test_qualitative_targets_not_outside_objectives() -> None:
    text = "Xóa bỏ hoàn toàn tình trạng nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo."
    assert find_targets(text, section="III.6", in_objectives=False) == []


def test_general_objective_prose_is_not_a_target() -> None:
    text = ("Xây dựng hệ thống chính sách xã hội theo hướng bền vững, tiến bộ và công bằng. "
            "Hoàn thiện chính sách an sinh xã hội đa dạng, đa tầng, toàn diện, hiện đại. "
            "Bảo đảm an sinh và phúc lợi xã hội cho Nhân dân, góp phần thực hiện mục tiêu phát "
            "triển đất nước. Chỉ số phát triển con người (HDI) đạt trên 0,7.")
    targets = find_targets(text, section="II.3", year=2045)
    assert [(t.value, t.comparator, t.unit, t.year) for t in targets] == [
        (0.7, "above", None, 2045)]


# ---------------------------------------------------------------------------------------------
# Years
# ---------------------------------------------------------------------------------------------


def test_year_from_clause_wins_over_heading() -> None:
    assert one("tỷ lệ bao phủ bảo hiểm y tế đạt 97% vào năm 2030", year=2045).year == 2030
    t = one("Phấn đấu đến năm 2025, tỷ lệ hộ nghèo đa chiều toàn tỉnh còn dưới 20%.", year=2030)
    assert (t.year, t.text) == (2025, "tỷ lệ hộ nghèo đa chiều toàn tỉnh còn dưới 20%")
    a, b = quantified("Tỷ lệ bao phủ bảo hiểm y tế đạt 92% năm 2025 và 95% năm 2030.", year=None)
    assert (a.year, b.year, b.indicator) == (2025, 2030, "tỷ lệ bao phủ bảo hiểm y tế")
    t = one("Giai đoạn 2026 - 2030, giảm tỷ lệ hộ nghèo bình quân 3-4%/năm", year=None)
    assert t.year == 2030


def test_year_from_heading_when_clause_has_none() -> None:
    assert one("Chỉ số phát triển con người (HDI) đạt trên 0,7.", year=2045).year == 2045
    assert one("tỉ lệ tiêm chủng mở rộng đạt 95%", year=None).year is None


# ---------------------------------------------------------------------------------------------
# Direction
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "direction"),
    [
        ("tỷ lệ bao phủ bảo hiểm y tế", "up"),
        ("tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ", "up"),
        ("tuổi thọ trung bình của người dân", "up"),
        ("số giường bệnh", "up"),
        ("số bác sỹ", "up"),
        ("tỷ lệ người dân được tiếp cận nước sạch", "up"),
        ("tỷ lệ thất nghiệp khu vực thành thị", "down"),
        ("tỷ lệ hộ nghèo đa chiều", "down"),
        ("tỉ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi", "down"),
        ("tỷ suất tử vong trẻ em dưới 1 tuổi", "down"),
        ("tỷ lệ học sinh bỏ học", "down"),
        ("số hộ còn ở nhà tạm", "down"),
        ("tỷ lệ ô nhiễm không khí", "down"),
        ("tỷ lệ nước thải sinh hoạt được xử lý", "up"),
        ("tỷ lệ lực lượng lao động tham gia bảo hiểm thất nghiệp", "up"),
        ("tỷ lệ trường có đủ thiết bị dạy học", "up"),
        ("mức giảm tỷ lệ hộ nghèo", "up"),
        ("giảm tỷ lệ lao động nông nghiệp", "down"),
        ("mức sinh thay thế", None),
        ("", None),
    ],
)
def test_indicator_direction(indicator: str, direction: str | None) -> None:
    assert indicator_direction(indicator) == direction


def test_direction_on_targets() -> None:
    assert one("Tỷ lệ thất nghiệp khu vực thành thị 3,5% trở lên").direction == "down"
    assert one("tỷ lệ bao phủ bảo hiểm y tế đạt 97%").direction == "up"
    # A clause verb decides when the indicator alone says nothing.
    t = one("Giảm tỷ lệ lao động nông nghiệp xuống còn dưới 30%")
    assert (t.indicator, t.comparator, t.direction) == ("tỷ lệ lao động nông nghiệp", "below",
                                                        "down")


def test_rates_of_change() -> None:
    text = ("Giai đoạn 2026 - 2030, giảm tỷ lệ hộ nghèo bình quân 3-4%/năm; riêng các huyện nghèo "
            "giảm bình quân trên 5%/năm.")
    a, b = quantified(text)
    assert (a.comparator, a.value, a.value_max, a.unit) == ("range", 3, 4, "%/năm")
    assert a.indicator == "mức giảm tỷ lệ hộ nghèo"
    assert (b.comparator, b.value, b.unit) == ("above", 5, "%/năm")
    assert "huyện nghèo" in b.indicator and b.indicator.startswith("mức giảm tỷ lệ hộ nghèo")
    # The indicator is the reduction: more is better, so "trên 5%/năm" agrees with it.
    assert a.direction == b.direction == "up"
    assert is_rate(a) and is_rate(b)
    level = one("Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi giảm còn dưới 24%")
    assert not is_rate(level)
    assert (level.direction, level.comparator) == ("down", "below")
    assert not level.indicator.endswith("giảm")


# ---------------------------------------------------------------------------------------------
# Other styles: UBND plans, department plans, text without diacritics
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Phấn đấu đến năm 2025 tỷ lệ hộ gia đình sử dụng nước hợp vệ sinh đạt trên 95%.",
         ("tỷ lệ hộ gia đình sử dụng nước hợp vệ sinh", "above", 95, "%", 2025, "up")),
        ("Tỷ lệ hộ nghèo giảm còn dưới 20% vào năm 2025.",
         ("tỷ lệ hộ nghèo", "below", 20, "%", 2025, "down")),
        ("Tỷ lệ thất nghiệp khu vực thành thị không quá 3%.",
         ("tỷ lệ thất nghiệp khu vực thành thị", "at_most", 3, "%", 2030, "down")),
        ("Tỷ suất chết trẻ em dưới 1 tuổi dưới 12‰.",
         ("tỷ suất chết trẻ em dưới 1 tuổi", "below", 12, "‰", 2030, "down")),
        ("tỷ suất tử vong trẻ em dưới 5 tuổi không quá 26 trẻ/1.000 trẻ đẻ sống",
         ("tỷ suất tử vong trẻ em dưới 5 tuổi", "at_most", 26, "trẻ/1.000 trẻ đẻ sống", 2030,
          "down")),
        ("Thu nhập bình quân đầu người đạt 60 triệu đồng/năm.",
         ("thu nhập bình quân đầu người", "reach", 60, "triệu đồng/năm", 2030, "up")),
        ("Tăng tỷ lệ người dân tham gia bảo hiểm xã hội tự nguyện từ 5% năm 2020 lên 10% năm "
         "2025.", ("tỷ lệ người dân tham gia bảo hiểm xã hội tự nguyện", "reach", 10, "%", 2025,
                   "up")),
        ("Nâng cao tỷ lệ người dân được khám sàng lọc đạt 60%.",
         ("tỷ lệ người dân được khám sàng lọc", "reach", 60, "%", 2030, "up")),
        ("Tăng trưởng GRDP bình quân đạt 7%/năm.",
         ("tăng trưởng GRDP bình quân", "reach", 7, "%/năm", 2030, "up")),
        ("Ty le bao phu bao hiem y te dat tren 95% vao nam 2030.",
         ("ty le bao phu bao hiem y te", "above", 95, "%", 2030, "up")),
    ],
)
def test_other_styles(text: str, expected: tuple) -> None:
    t = one(text)
    assert (t.indicator, t.comparator, t.value, t.unit, t.year, t.direction) == expected
    assert t.text in text


def test_parallel_members_restore_the_subject() -> None:
    a, b = quantified("Tỷ lệ thất nghiệp khu vực thành thị dưới 4%, nông thôn dưới 2%.")
    assert (a.indicator, b.indicator) == ("tỷ lệ thất nghiệp khu vực thành thị",
                                          "tỷ lệ thất nghiệp khu vực nông thôn")
    assert (b.comparator, b.direction, b.text) == ("below", "down", "nông thôn dưới 2%")
    _, _, c = quantified("Có 85% số xã đạt chuẩn nông thôn mới, trong đó 30% đạt chuẩn nâng cao "
                         "và 10% đạt chuẩn kiểu mẫu.")
    assert c.indicator == "tỷ lệ xã đạt chuẩn kiểu mẫu"


def test_comparison_base_is_not_the_year() -> None:
    t = one("Giảm 50% số vụ tai nạn giao thông so với năm 2020.", year=2030)
    assert (t.year, t.value, t.direction) == (2030, 50, "up")
    t = one("Tăng tỷ lệ người dân tham gia bảo hiểm y tế từ 85% năm 2020 lên 95%.", year=2030)
    assert (t.value, t.year) == (95, 2030)


def test_table_row_gives_no_garbage() -> None:
    # A row of an indicator table: the cells carry no words tying values to years.
    for t in find_targets("Tỷ lệ hộ nghèo | % | 20 | 15", section="II", year=2030):
        assert "|" not in t.indicator and "|" not in t.text


def test_sub_focus_narrows_the_previous_target() -> None:
    a, b = quantified("Tỷ lệ lao động qua đào tạo đạt 70%, trong đó có bằng cấp, chứng chỉ đạt "
                      "30%.")
    assert a.indicator == "tỷ lệ lao động qua đào tạo"
    assert b.indicator == "tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ"


def test_outside_objectives_needs_a_target_cue() -> None:
    duty = ("Hoàn thiện cơ sở dữ liệu về an sinh xã hội của tỉnh; mở rộng chi trả trợ cấp không "
            "dùng tiền mặt, phấn đấu 100% đối tượng ở khu vực thành thị nhận trợ cấp qua tài "
            "khoản.")
    t = one(duty, section="III.2", year=None, in_objectives=False)
    assert (t.value, t.comparator, t.text) == (
        100, "reach", "phấn đấu 100% đối tượng ở khu vực thành thị nhận trợ cấp qua tài khoản")
    houses = ("Nhà ở: lồng ghép các nguồn vốn để hỗ trợ xóa nhà tạm; phấn đấu mỗi năm hỗ trợ xây "
              "mới, sửa chữa ít nhất 1.500 căn nhà; khuyến khích mô hình nhà ở truyền thống.")
    t = one(houses, section="III.5.3", year=None, in_objectives=False)
    assert (t.value, t.comparator, t.unit, t.year) == (1500, "at_least", "căn nhà/năm", None)
    # Facts and counts without a cue are not targets of the plan.
    for text in ("Năm 2023 tỷ lệ hộ nghèo toàn tỉnh là 25,6%, giảm 3,2% so với năm 2022.",
                 "phát triển quy mô dạy nghề theo 3 cấp trình độ",
                 "Thực hiện Chương trình 135 giai đoạn 2021-2025, hỗ trợ 30 xã đặc biệt khó khăn.",
                 "Tổ chức 02 hội nghị quán triệt trong quý I/2024."):
        assert quantified(text, section="III.1", in_objectives=False) == []


def test_texts_are_exact_substrings_on_the_corpus() -> None:
    for path in TEXTS:
        for seg, targets in _targets_by_segment(path):
            for t in targets:
                assert t.text and t.text in seg.text, (path.name, t.text)
                assert t.text == t.text.strip(" ,;.")


# ---------------------------------------------------------------------------------------------
# Scoring against the gold files
# ---------------------------------------------------------------------------------------------


def _searchable_with_context(path: Path):
    doc = build_document(_source(path.read_text(encoding="utf-8"), str(path)))
    for seg in doc.segments:
        if not seg.searchable:
            continue
        year = next((y for h in reversed(seg.heading_path) if (y := heading_year(h))), None)
        in_objectives = any(k in fold(h) for h in seg.heading_path
                            for k in ("muc tieu", "chi tieu"))
        yield seg, year, in_objectives


def _targets_by_segment(path: Path):
    for seg, year, in_obj in _searchable_with_context(path):
        yield seg, find_targets(seg.text, section=seg.section, year=year, in_objectives=in_obj)


def _syllables(s: str) -> list[str]:
    return re.findall(r"\w+", fold(normalize_text(s or "")))


def _token_f1(a: str, b: str) -> float:
    """SQuAD-style token F1 over folded syllables (multiset overlap)."""
    ta, tb = _syllables(a), _syllables(b)
    if not ta or not tb:
        return 0.0
    common = 0
    rest = list(tb)
    for w in ta:
        if w in rest:
            rest.remove(w)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def _unit_key(u: str | None) -> str | None:
    return None if u is None else re.sub(r"\s+", " ", normalize_text(u)).strip()


def _matches(pred: Target, gold: dict) -> bool:
    if pred.section != gold["section"]:
        return False
    if (pred.value is None) != (gold["value"] is None):
        return False
    if pred.value is None:  # qualitative: matched by the words of the clause
        return _token_f1(pred.text, gold["text"]) >= 0.5
    if abs(pred.value - float(gold["value"])) > 1e-9:
        return False
    if _unit_key(pred.unit) != _unit_key(gold["unit"]):
        return False
    return _token_f1(pred.indicator, gold["indicator"]) >= 0.5


def _score(path: Path, gold_targets: list[dict]) -> dict:
    """Greedy one-to-one matching in document order; also field agreement on matched pairs."""
    preds = [t for _, ts in _targets_by_segment(path) for t in ts]
    # Some gold files list only quantified targets (GUIDELINES-illustrative.md): compare like
    # with like.
    if all(g["value"] is not None for g in gold_targets):
        preds = [t for t in preds if t.value is not None]
    used: set[int] = set()
    pairs: list[tuple[Target, dict]] = []
    for g in gold_targets:
        for i, p in enumerate(preds):
            if i not in used and _matches(p, g):
                used.add(i)
                pairs.append((p, g))
                break
    tp = len(pairs)
    precision = tp / len(preds) if preds else 0.0
    recall = tp / len(gold_targets) if gold_targets else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0

    def agree(field: str) -> float:
        return sum(getattr(p, field) == g.get(field) for p, g in pairs) / tp if tp else 0.0

    return {
        "gold": len(gold_targets), "predicted": len(preds), "matched": tp,
        "precision": precision, "recall": recall, "f1": f1,
        "comparator": agree("comparator"), "year": agree("year"), "direction": agree("direction"),
        "missed": [g["text"] for g in gold_targets if not any(g is pg for _, pg in pairs)],
        "spurious": [p.text for i, p in enumerate(preds) if i not in used],
    }


def _report(name: str, s: dict) -> str:
    return (f"{name}: gold={s['gold']} predicted={s['predicted']} matched={s['matched']} "
            f"P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} | on matched: "
            f"comparator={s['comparator']:.3f} year={s['year']:.3f} "
            f"direction={s['direction']:.3f}")


def test_seed_against_gold() -> None:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))["targets"]
    s = _score(SEED, gold)
    print("\n" + _report("seed", s))
    assert s["f1"] >= 0.95, (s["missed"], s["spurious"])


def _other_gold_files() -> list[Path]:
    out = []
    for p in sorted(GOLD_DIR.glob("*.json")):
        if p == SEED_GOLD or p.name.startswith("check-"):
            continue
        data = json.loads(p.read_text(encoding="utf-8"))
        if data.get("targets") is not None and (ROOT / data.get("file", "")).is_file():
            out.append(p)
    return out


@pytest.mark.parametrize("gold_path", _other_gold_files(), ids=lambda p: p.stem)
def test_other_documents_against_gold(gold_path: Path) -> None:
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    s = _score(ROOT / data["file"], data["targets"])
    print("\n" + _report(gold_path.stem, s))
    # These gold files are written by others and still moving: guard against regressions only.
    assert s["f1"] >= 0.8, (s["missed"], s["spurious"])
