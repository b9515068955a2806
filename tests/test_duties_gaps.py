"""General duty, unit and time gaps left by the session-11 surveys (helper duties2).

Two helpers of session 11 (a survey of real documents of other provinces and years, and an
analysis of six real scans whose gold is ``evaluation/gold/fresh-scans``) listed forms the
extractor missed on unseen documents. Every text below is invented for the test (a made-up
province, "Lam Sơn"); none is copied from a document read. Each test names where the form was
seen: the scans' gold (development data) and pages of the search tool's stored corpus.
"""

from __future__ import annotations

import pytest
from conftest import parse_text

from chinhsach.extract.duties import find_deadline, roles_in_text
from chinhsach.extract.tables import time_cell
from chinhsach.extract.units import find_units
from chinhsach.model import Document, Duty

PLAN = """| ỦY BAN NHÂN DÂN TỈNH LAM SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 78/KH-UBND | Lam Sơn, ngày 10 tháng 3 năm 2026 |

KẾ HOẠCH

Phòng, chống dịch bệnh gia súc năm 2026

I. MỤC ĐÍCH, YÊU CẦU

1. Chủ động phòng, chống dịch bệnh trên đàn gia súc.

II. NHIỆM VỤ

1. Xử lý ổ dịch

Trong thời gian 05 ngày làm việc, kể từ ngày nhận báo cáo của thú y xã, Chi cục Chăn nuôi và Thú y phải thực hiện các việc sau:

- Khoanh vùng ổ dịch, lấy mẫu xét nghiệm tại các trang trại chăn nuôi lớn;

- Tổ chức tiêu độc, khử trùng khu vực có dịch và các vùng lân cận.

2. Kinh phí

Trước ngày 15/12, Sở Tài chính có trách nhiệm:

- Tổng hợp dự toán kinh phí phòng, chống dịch của các địa phương trong tỉnh;

- Tham mưu bố trí nguồn dự phòng ngân sách tỉnh cho công tác tiêu hủy gia súc.

3. Truyền thông

Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Báo Lam Sơn thực hiện các nội dung sau:

- Xây dựng chuyên mục phòng bệnh trên các phương tiện thông tin đại chúng;

- Phát hành tờ rơi hướng dẫn người chăn nuôi khai báo dịch bệnh.

III. TỔ CHỨC THỰC HIỆN

1. Sở Nông nghiệp và Môi trường là cơ quan thường trực, theo dõi, đôn đốc việc thực hiện Kế hoạch này.

2. Sở Tư pháp thẩm định dự thảo quy định hỗ trợ thiệt hại, gửi Sở Nông nghiệp và Môi trường hoàn thiện để Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định.
"""

CIRCULAR = """BỘ Y TẾ

Số: 12/2026/TT-BYT

THÔNG TƯ

Quy định việc gửi dữ liệu tiêm chủng

Chương I

QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh

Thông tư này quy định việc gửi dữ liệu tiêm chủng.

Chương II

TRÁCH NHIỆM THỰC HIỆN

Điều 2. Trách nhiệm của Bộ Y tế

1. Chỉ đạo, hướng dẫn việc gửi dữ liệu tiêm chủng trên toàn quốc.

2. Chủ trì, phối hợp với Bảo hiểm xã hội Việt Nam và các cơ quan, tổ chức có liên quan trong việc:

a) Xây dựng chuẩn dữ liệu tiêm chủng dùng chung;

b) Nâng cấp phần mềm quản lý tiêm chủng quốc gia.

Điều 3. Trách nhiệm của Bảo hiểm xã hội Việt Nam

1. Đề xuất bổ sung danh mục vắc xin được thanh toán để Bộ trưởng Bộ Y tế ban hành.
"""


def _roles(duty: Duty) -> set[tuple[str, str]]:
    return {(u.name, u.role) for u in duty.units}


def _parsed(tmp_path_factory: pytest.TempPathFactory, text: str, name: str) -> Document:
    return parse_text(tmp_path_factory.mktemp("gaps"), text, name)


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return _parsed(tmp_path_factory, PLAN, "kh.md")


@pytest.fixture(scope="module")
def circular(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return _parsed(tmp_path_factory, CIRCULAR, "tt.md")


def _starting(doc: Document, start: str) -> Duty:
    return next(d for d in doc.duties if d.text.startswith(start))


# 1. A lead-in whose time comes first -------------------------------------------------------------

def test_a_time_before_the_subject_leaves_it_the_subject() -> None:
    """"Trong thời gian N ngày làm việc, kể từ …, X phải thực hiện …": the limit opens the
    sentence, X is still its subject (before: no unit at all). Seen in the scans' gold
    (fresh-scans HzW_18_syt_vp ATT.D7.1, a circular's procedural clause)."""
    text = ("Trong thời gian 05 ngày làm việc, kể từ ngày nhận báo cáo của thú y xã, Chi cục Chăn nuôi "
            "và Thú y phải thực hiện các việc sau:")
    assert ("Chi cục Chăn nuôi và Thú y", "lead") in {(u.name, u.role) for u in roles_in_text(text)}


def test_the_lead_in_with_its_time_first_hands_unit_and_time_to_its_points(plan: Document) -> None:
    """The points under such a lead-in are the lead-in's unit's, within its limit (before: the
    bullets had no unit and no time)."""
    first = _starting(plan, "Khoanh vùng")
    assert _roles(first) == {("Chi cục Chăn nuôi và Thú y", "lead")}
    assert first.deadline is None
    assert first.deadline_text == "Trong thời gian 05 ngày làm việc, kể từ ngày nhận báo cáo của thú y xã"
    second = _starting(plan, "Tham mưu bố trí")
    assert _roles(second) == {("Sở Tài chính", "lead")}
    assert second.deadline_text == "Trước ngày 15/12"


# 2. The lead-in's partner reaches its points ------------------------------------------------------

def test_the_lead_in_partner_cooperates_on_every_point(plan: Document, circular: Document) -> None:
    """"Sở X chủ trì, phối hợp với Y thực hiện các nội dung sau:" and a law's "Chủ trì, phối hợp
    với Y … trong việc:" under "Trách nhiệm của X": Y is the partner of every point. The scans'
    gold reads ATT.D10.2.a-d so (HzW_18_syt_vp)."""
    for start in ("Xây dựng chuyên mục", "Phát hành tờ rơi"):
        assert _roles(_starting(plan, start)) == {("Sở Văn hóa, Thể thao và Du lịch", "lead"),
                                                  ("Báo Lam Sơn", "cooperate")}
    for start in ("Xây dựng chuẩn", "Nâng cấp phần mềm"):
        assert _roles(_starting(circular, start)) == {("Bộ Y tế", "lead"),
                                                      ("Bảo hiểm xã hội Việt Nam", "cooperate")}


# 3. "… để X ban hành / xem xét, quyết định" ------------------------------------------------------

def test_the_body_that_decides_after_de_is_reported_to(plan: Document, circular: Document) -> None:
    """"… để Bộ trưởng Bộ Y tế ban hành", "… để Chủ tịch UBND tỉnh xem xét, quyết định": the body
    named after "để" receives the work and decides, as with "trình X" (fresh-scans gold,
    HzW_18_syt_vp ATT.D11.3; a decision of this form: https://thuviennhadat.vn/vbpl/quyet-dinh-1209-qd-ubnd-2013-quy-che-ban-chi-dao-cong-tac-dan-so-tinh-ha-giang-208300.html).
    Before, neither got a role."""
    assert ("Bộ Y tế", "report_to") in _roles(_starting(circular, "Đề xuất bổ sung"))
    roles = _roles(_starting(plan, "Sở Tư pháp"))
    assert {("Sở Tư pháp", "lead"), ("Chủ tịch Ủy ban nhân dân tỉnh", "report_to")} <= roles
    assert ("Chủ tịch Ủy ban nhân dân tỉnh", "lead") not in roles
    # Only a deciding verb: "để X tổ chức thực hiện" charges X.
    assert ("Ủy ban nhân dân xã", "report_to") not in {
        (u.name, u.role) for u in roles_in_text("Sở Y tế hướng dẫn để Ủy ban nhân dân các xã tổ chức thực hiện.")}


# 4. The lead-in is no duty of its own ---------------------------------------------------------------

def test_a_lead_in_that_only_says_who_when_and_with_whom_is_no_duty(plan: Document, circular: Document) -> None:
    """GUIDELINES-real.md [decided, kh179]: a bare lead-in that announces the list is not a leaf
    item; the scans' gold gives the lead-ins of HzW_18_syt_vp ATT.D7.1 (a time first) and
    ATT.D10.2 (roles only) no duty, their points are the duties. Before, the lead-ins below were
    taken as duties besides their points."""
    texts = [d.text for d in plan.duties + circular.duties]
    assert not any(t.startswith(("Trong thời gian 05", "Trước ngày 15/12, Sở Tài chính",
                                 "Sở Văn hóa, Thể thao và Du lịch chủ trì", "Chủ trì, phối hợp")) for t in texts)
    # A lead-in with a task of its own stays one.
    assert any(t.startswith("Sở Nông nghiệp và Môi trường là cơ quan thường trực") for t in texts)


# 5. Relative limits as printed ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "words"), [
    ("Cơ sở gửi dữ liệu ngay sau khi kết thúc đợt tiêm chủng, trừ trường hợp bất khả kháng.",
     "ngay sau khi kết thúc đợt tiêm chủng"),
    ("Trong thời gian 07 (bảy) ngày làm việc, kể từ ngày nhận đủ hồ sơ, Sở Tư pháp phải trả lời.",
     "Trong thời gian 07 (bảy) ngày làm việc, kể từ ngày nhận đủ hồ sơ"),
    ("Sở Xây dựng hoàn thành việc kiểm định trong vòng 30 ngày.", "trong vòng 30 ngày"),
    ("Công an tỉnh trả lời chậm nhất 03 ngày sau khi nhận hồ sơ.", "chậm nhất 03 ngày sau khi nhận hồ sơ"),
])
def test_relative_limits_are_deadline_words(text: str, words: str) -> None:
    """GUIDELINES-real.md, Time, [decided, lead s11]: a limit counted from an event is
    ``deadline_text`` as printed (the limit part only), ``deadline`` null. The scans' gold
    writes HzW_18_syt_vp ATT.D6.1 and ATT.D7.1 so. Before, "ngay sau khi …" and "trong thời
    gian N ngày …, kể từ …" gave nothing."""
    assert find_deadline(text) == (None, words, None)


def test_ngay_sau_khi_is_not_n_days_after_and_a_coming_period_is_no_limit() -> None:
    assert find_deadline("Sở Y tế báo cáo 05 ngày sau khi kết thúc đợt kiểm tra.")[1] is None
    assert find_deadline("Trong thời gian 03 năm tới, tập trung phát triển chăn nuôi.")[1] is None
    # A capped term counted from an event bounds a contract, nobody acts by it (deadline_audit.py).
    assert find_deadline("Hợp đồng có thời hạn trong thời gian không quá 24 tháng kể từ ngày ký.")[1] is None


# 6. Several frequencies in one sentence ------------------------------------------------------------

@pytest.mark.parametrize("text", ["Các trường báo cáo 6 tháng, năm về Sở Giáo dục và Đào tạo.",
                                  "Sở Nội vụ sơ kết 6 tháng và tổng kết năm."])
def test_half_year_and_year_are_both_recurrences(text: str) -> None:
    """GUIDELINES-real.md, Time: several frequencies are comma-joined, also in a sentence
    ([decided, lead s11]; qd2954 KH.V.1's gold "hằng tháng, 6 tháng, hằng năm"; such report
    cycles, e.g. https://vpubnd.thaibinh.gov.vn/gioi-thieu/phong-ban-don-vi/phong-tong-hop).
    Before: "6 tháng" only."""
    assert find_deadline(text) == (None, None, "6 tháng, hằng năm")


# 7. A frequency alone gives no deadline words -------------------------------------------------------

@pytest.mark.parametrize(("cell", "recurring"), [("Thường xuyên", "thường xuyên"), ("Hằng năm", "hằng năm"),
                                                 ("Định kỳ 6 tháng", "6 tháng")])
def test_a_frequency_cell_fills_recurring_only(cell: str, recurring: str) -> None:
    """GUIDELINES-real.md, Time, [decided, adjud]: a time that gives only a frequency leaves
    ``deadline_text`` null. Before, the cell's words filled it."""
    assert time_cell(cell) == (None, None, recurring, None)


def test_a_dated_cell_keeps_its_words() -> None:
    assert time_cell("Quý IV/2026")[:2] == ("2026-12-31", "Quý IV/2026")
    assert time_cell("Trước ngày 20/12 hằng năm")[1:3] == ("Trước ngày 20/12 hằng năm", "hằng năm")


# 8. Units ------------------------------------------------------------------------------------------

def test_an_office_that_helps_a_body_is_a_unit_apart() -> None:
    """"Văn phòng Tỉnh ủy giúp Ban Thường vụ Tỉnh ủy theo dõi …" names two bodies; the office
    leads and monitors, the body it helps gets no role (GUIDELINES-real.md: "X giúp Y …" gives Y
    no role). Before, one unit "Văn phòng Tỉnh ủy giúp Ban Thường vụ Tỉnh ủy". An office helping
    the body it serves: https://luatminhkhue.vn/quyet-dinh-55-2007-qd-ubnd-ve-ke-hoach-hanh-dong-vi-su-tien-bo-phu-nu-tinh-ninh-thuan-giai-doan-2006---2010.aspx"""
    roles = {(u.name, u.role) for u in roles_in_text(
        "Văn phòng Tỉnh ủy giúp Ban Thường vụ Tỉnh ủy theo dõi, đôn đốc việc thực hiện Kế hoạch.")}
    assert roles == {("Văn phòng Tỉnh ủy", "lead"), ("Văn phòng Tỉnh ủy", "monitor")}
    # A name with "giúp" inside stays whole.
    assert [m.name for m in find_units("Trung tâm Trợ giúp pháp lý nhà nước tỉnh cử trợ giúp viên.")] == [
        "Trung tâm Trợ giúp pháp lý nhà nước tỉnh"]


def test_the_union_of_literature_and_arts_associations() -> None:
    """"Liên hiệp các Hội Văn học nghệ thuật tỉnh" is the union, not its member "Hội Văn học
    nghệ thuật tỉnh" (before). Provincial unions of this name:
    http://www.vannghedanang.org.vn/ky-ket-hoat-dong-van-hoc-nghe-thuat-giua-lien-hiep-cac-hoi-van-hoc-nghe-thuat-tp-hcm-va-cac-tinh-thanh-514.html"""
    for text in ("Đề nghị Liên hiệp các Hội Văn học nghệ thuật tỉnh sáng tác tác phẩm về phòng dịch.",
                 "Liên hiệp các Hội Văn học Nghệ thuật tỉnh tổ chức trại sáng tác."):
        assert [m.name for m in find_units(text)] == ["Liên hiệp các Hội Văn học nghệ thuật tỉnh"]


@pytest.mark.parametrize(("text", "name"), [
    ("Ủy ban nhân dân các huyện/thành phố tổ chức tuyên truyền.", "Ủy ban nhân dân huyện, thành phố"),
    ("Chủ tịch UBND các huyện/thành phố chịu trách nhiệm.", "Chủ tịch Ủy ban nhân dân huyện, thành phố"),
    ("UBND các quận-huyện bố trí lực lượng kiểm dịch.", "Ủy ban nhân dân quận, huyện"),
    ("UBND các quận - huyện bố trí lực lượng kiểm dịch.", "Ủy ban nhân dân quận, huyện"),
])
def test_old_style_collectives_keep_all_their_levels(text: str, name: str) -> None:
    """Older plans join a collective's levels with "/" or "-" ("UBND các huyện/thành phố"):
    the one collective of all its levels, commas restored as GUIDELINES-real.md [decided,
    kh179] does for a missing comma. Before: cut to the first level ("Ủy ban nhân dân huyện").
    Seen in https://thuviennhadat.vn/vbpl/quyet-dinh-1209-qd-ubnd-2013-quy-che-ban-chi-dao-cong-tac-dan-so-tinh-ha-giang-208300.html"""
    found = find_units(text)
    assert [m.name for m in found] == [name]
    assert text[found[0].start : found[0].end] == found[0].text
