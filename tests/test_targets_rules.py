"""Numbers of rules are not targets: what a statute or a regulation states with numbers.

Laws set almost no quantified objectives but are full of numbers: conditions and brackets of an
offence, sanctions, caps and required minimums, members of a body, shares of a cost, cross-
references, time limits. Every sentence here is written for the test in the ways laws phrase
them (``evaluation/target_precision.py`` measures the real ones); the last tests check that the
plan sentences of the same shapes stay targets.
"""

from __future__ import annotations

import pytest

from chinhsach import parse
from chinhsach.extract.duties import find_deadline
from chinhsach.extract.targets import find_targets, lists_conditions
from chinhsach.model import Target


def quantified(text: str, **kw) -> list[Target]:
    kw.setdefault("section", "D12.1")
    kw.setdefault("in_objectives", False)
    return [t for t in find_targets(text, **kw) if t.value is not None]


@pytest.mark.parametrize("text", [
    # a threshold in the condition of a penal rule ("mà …", "…, thì bị phạt …", "Người nào …")
    "Người nào lấn chiếm đất công mà diện tích lấn chiếm từ 20% đến 40%, thì bị phạt tù từ 01 năm "
    "đến 03 năm.",
    "Phạm tội làm hư hỏng tài sản của 03 hộ trở lên, thì bị phạt tù từ 02 năm đến 05 năm.",
    "Gây ô nhiễm cho 02 nguồn nước trở lên mà tổng lượng nước bị ô nhiễm vượt mức cho phép.",
    # a condition opened by "khi", "chỉ … mới"
    "Nghị quyết của hội đồng chỉ có giá trị khi có trên 65% số thành viên dự họp tán thành.",
    "Chỉ những hợp tác xã có trên 70% xã viên đồng ý mới được sáp nhập.",
    # a class interval with an excluded end
    "Lâm sản trị giá từ 80.000.000 đồng đến dưới 250.000.000 đồng;",
    "Khu rừng có diện tích từ trên 2.000 mét vuông đến 5.000 mét vuông;",
    # a sanction
    "Cá nhân vi phạm bị phạt tiền từ 3.000.000 đồng đến 9.000.000 đồng.",
    # a cap and a required minimum of a rule
    "Thời hạn tạm ngừng kinh doanh không quá 09 tháng.",
    "Mỗi lớp học có không quá 35 học viên.",
    "Người hướng dẫn được nhận tối đa 04 học viên cùng lúc.",
    "Mỗi tổ thẩm định phải có tối thiểu 04 chuyên gia độc lập.",
    "Điểm trung bình của học kỳ phải đạt từ 3,2 trở lên.",
    # members of a body, a share of a cost
    "Tối thiểu 07 thành viên do hiệp hội ngành hàng giới thiệu.",
    "Quỹ hỗ trợ bảo đảm tối thiểu 40% kinh phí tổ chức lễ hội truyền thống.",
    # cross-references listed after "các Điều"
    "Mức phạt tối đa bằng một phần ba mức quy định tại các Điều 41, 200 và 201 của Luật này.",
])
def test_numbers_of_rules_are_not_targets(text: str) -> None:
    assert quantified(text) == []


@pytest.mark.parametrize("text", [
    "Làm chết 03 người trở lên;",
    "Thu lợi bất chính 900.000.000 đồng trở lên;",
    "Tái phạm 03 lần trở lên.",
])
def test_points_under_a_list_of_cases_are_not_targets(text: str) -> None:
    assert quantified(text, in_conditions=True) == []


@pytest.mark.parametrize("lead_in", [
    "Phạm tội thuộc một trong các trường hợp sau đây, thì bị phạt tù từ 03 năm đến 08 năm:",
    "Phạm tội thuộc một trong các trường hợp sau đây, thì bị phạt tù từ 03 năm đến 08 năm.",
    "Doanh nghiệp được cấp giấy phép khi có đủ các điều kiện sau đây:",
    "Người nào thực hiện một trong các hành vi sau đây, thì bị phạt tiền từ 5.000.000 đồng:",
])
def test_lead_ins_that_announce_cases(lead_in: str) -> None:
    assert lists_conditions(lead_in)


@pytest.mark.parametrize("lead_in", [
    "Phấn đấu đến năm 2030 đạt các chỉ tiêu sau:",
    "Tăng cường phát hiện, xử phạt vi phạm, phấn đấu đạt các chỉ tiêu sau:",
    "Các nhiệm vụ trọng tâm gồm:",
])
def test_lead_ins_of_targets_and_tasks_are_not_cases(lead_in: str) -> None:
    assert not lists_conditions(lead_in)


LAW = """Điều 7. Xử lý vi phạm

1. Người nào khai thác cát trái phép thuộc một trong các trường hợp sau đây, thì bị phạt tù từ 01 năm đến 05 năm:

a) Khai thác 04 lần trở lên;

b) Thu lợi bất chính 300.000.000 đồng trở lên;

c) Khối lượng cát từ 500 mét khối đến dưới 1.000 mét khối.

2. Thời hạn đình chỉ hoạt động khai thác không quá 06 tháng.
"""


def test_a_law_article_gives_no_targets(tmp_path) -> None:
    path = tmp_path / "dieu-7.txt"
    path.write_text(LAW, encoding="utf-8")
    assert parse(path).targets == []


@pytest.mark.parametrize("text, value", [
    # plan sentences of the same shapes stay targets
    ("Phấn đấu đến năm 2030, có ít nhất 03 khu nông nghiệp ứng dụng công nghệ cao.", 3),
    ("Giảm tỷ lệ hộ nghèo xuống dưới 2% vào năm 2028.", 2),
    ("Xử phạt 100% các vụ vi phạm về khai thác cát được phát hiện.", 100),
    ("Tỷ lệ nam, nữ thanh niên được khám sức khỏe trước khi kết hôn đạt 85%.", 85),
    ("Tỷ lệ lao động qua đào tạo đạt 75% vào năm 2030, tỷ lệ thất nghiệp dưới 3%.", 3),
])
def test_plan_targets_of_the_same_shapes_stay(text: str, value: float) -> None:
    values = [t.value for t in quantified(text, year=2030)]
    assert value in values


@pytest.mark.parametrize("text, words", [
    # a relative limit keeps its words as deadline_text, no date (test_deadline_forms.py)
    ("Trong thời hạn 06 tháng kể từ ngày Luật này có hiệu lực, Chính phủ quy định chi tiết.",
     "Trong thời hạn 06 tháng kể từ ngày Luật này có hiệu lực"),
    ("Cơ quan cấp phép trả lời trong thời hạn 30 ngày kể từ ngày nhận đủ hồ sơ.",
     "trong thời hạn 30 ngày kể từ ngày nhận đủ hồ sơ"),
    ("Giấy phép bị đình chỉ có thời hạn không quá 06 tháng.", None),
])
def test_time_limits_are_neither_dates_nor_cycles(text: str, words: str | None) -> None:
    assert find_deadline(text) == (None, words, None)


def test_a_cycle_is_still_a_cycle() -> None:
    assert find_deadline("Định kỳ 6 tháng, báo cáo kết quả thực hiện.")[2] == "6 tháng"


@pytest.mark.parametrize("text, value", [
    ("Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến phải đạt tối thiểu 80%.", 80),
    ("Tỷ lệ nợ thuế không quá 5% tổng số thu ngân sách.", 5),
])
def test_a_rate_as_subject_stays_a_target_under_an_order_or_a_cap(text: str, value: float) -> None:
    assert value in [t.value for t in quantified(text, year=2030)]


# Second round (lawtargets2): shapes the first round's held-out laws still read as targets.
@pytest.mark.parametrize("text", [
    # a share of a payment or a support, with or without the money noun next to it
    "Làm việc vào ban đêm, ít nhất bằng 130%;",
    "Nhà nước hỗ trợ đến 40% vốn đầu tư cho dự án đổi mới thiết bị của hợp tác xã.",
    "Doanh thu từ việc khai thác sáng chế được chia cho nhóm nghiên cứu tối thiểu 25%;",
    "Hỗ trợ 70% kinh phí mua giống cho hộ trồng rừng.",
    # an enterprise named by its ownership
    "Công ty mẹ và doanh nghiệp 100% vốn của công ty mẹ phê duyệt phương án sử dụng đất.",
    "Ý kiến của công ty do Nhà nước nắm giữ 100% vốn điều lệ về việc góp vốn.",
    # a validity period, a time limit, a length of service required
    "Giấy chứng nhận cơ sở đủ điều kiện có thời hạn 05 năm.",
    "Trong thời hạn 10 ngày làm việc kể từ ngày nhận hồ sơ, cơ quan thẩm định phải trả lời.",
    "Có thời gian công tác trong ngành từ 07 năm trở lên;",
    # a count of the criteria a provision lists
    "Hồ sơ có ít nhất 03 tiêu chí quy định tại khoản 2 Điều này.",
    # a requirement relative to another case
    "Thời lượng của khóa bồi dưỡng từ xa dài hơn tối thiểu 25% so với khóa bồi dưỡng tập trung.",
])
def test_formulas_names_and_terms_of_rules_are_not_targets(text: str) -> None:
    assert quantified(text) == []


def test_a_list_of_circumstances_is_a_list_of_cases() -> None:
    assert lists_conditions("Chỉ các tình tiết sau đây mới là tình tiết giảm nhẹ:")


@pytest.mark.parametrize("text, value", [
    # plan sentences of the same shapes that set objectives stay
    ("Phấn đấu 100% doanh nghiệp nhà nước trên địa bàn công khai thông tin tài chính.", 100),
    ("Tỷ lệ hỗ trợ kịp thời các hộ bị thiệt hại do thiên tai đạt 90%.", 90),
    ("Hỗ trợ 100% hộ nghèo có nhu cầu được vay vốn ưu đãi.", 100),
    ("Phấn đấu đến năm 2028 rút ngắn thời hạn giải quyết thủ tục đất đai xuống còn 15 ngày.", 15),
    ("Phấn đấu đến năm 2030 có ít nhất 12 xã đạt các tiêu chí quy định tại Bộ tiêu chí.", 12),
])
def test_plan_objectives_of_these_shapes_stay(text: str, value: float) -> None:
    assert value in [t.value for t in quantified(text, year=2030)]


@pytest.mark.parametrize("text", [
    "Thẻ đã cấp vẫn được sử dụng và có giá trị như giấy tờ tùy thân cho đến hết ngày 30 tháng 6 năm 2027.",
    "Giấy phép đã cấp trước ngày Luật này có hiệu lực tiếp tục có hiệu lực đến hết ngày 31/12/2026.",
])
def test_the_end_of_a_validity_is_not_a_deadline(text: str) -> None:
    assert find_deadline(text)[0] is None


def test_a_deadline_after_the_entry_into_force_stays() -> None:
    text = "Kế hoạch này có hiệu lực kể từ ngày ký, các sở hoàn thành rà soát đến hết ngày 31/12/2026."
    assert find_deadline(text)[0] == "2026-12-31"


ARTICLE_OF_REQUIREMENTS = """Điều 9. Yêu cầu về an toàn đê điều

1. Hành lang bảo vệ đê là vùng được xác định bằng khoảng cách 25 mét tính từ chân đê về phía đồng.

2. Việc khoan thăm dò trong hành lang bảo vệ đê chỉ được tiến hành tại 01 vị trí đã được phê duyệt.
"""

ARTICLE_OF_TARGETS = """Điều 2. Mục tiêu cụ thể

1. Đến năm 2030, tỷ lệ đê được kiên cố hóa đạt 85%.
"""


def test_an_article_of_requirements_gives_no_targets(tmp_path) -> None:
    path = tmp_path / "dieu-9.txt"
    path.write_text(ARTICLE_OF_REQUIREMENTS, encoding="utf-8")
    assert parse(path).targets == []


def test_an_article_of_targets_keeps_them(tmp_path) -> None:
    path = tmp_path / "dieu-2.txt"
    path.write_text(ARTICLE_OF_TARGETS, encoding="utf-8")
    assert 85 in [t.value for t in parse(path).targets]
