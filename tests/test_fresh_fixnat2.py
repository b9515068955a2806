"""Forms left over from the national documents of the session-13 fresh development set (helper
fixnat2), written with invented wording: a generic agency over a list of fields (qd2623), the
Government's "bộ, cơ quan, đơn vị, địa phương" collective (qd2623), a heading that is only a
list of local levels (nq380 II.5).
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.extract.duties import roles_in_text


def _roles(text: str) -> set[tuple[str, str]]:
    return {(u.name, u.role) for u in roles_in_text(text)}


def test_a_generic_agency_over_a_list_of_fields_is_one_class() -> None:
    # "các cơ quan báo chí, phát thanh, truyền hình khác": the fields are no units of their own;
    # the class keeps them all, not "cơ quan báo chí" alone.
    roles = _roles("Sở Văn hóa và Thể thao chủ trì, phối hợp với các cơ quan thông tấn, báo chí, "
                   "truyền hình khác đưa tin về chương trình.")
    assert ("cơ quan thông tấn, báo chí, truyền hình", "cooperate") in roles, roles
    # A unit after the comma ends the class as before.
    roles = _roles("Các cơ quan báo chí, Sở Nội vụ tổ chức tuyên truyền.")
    assert ("cơ quan báo chí", "lead") in roles and ("Sở Nội vụ", "lead") in roles, roles


def test_the_governments_collective_with_units_among_its_members() -> None:
    roles = _roles("Các bộ, cơ quan, đơn vị, địa phương chủ động bố trí kinh phí để thực hiện.")
    assert roles == {("bộ, cơ quan, đơn vị, địa phương", "lead")}, roles
    # The Party's committee before the same words stays alone (kl221's gold keeps "cấp ủy").
    roles = _roles("Các cấp ủy, cơ quan, đơn vị, địa phương quán triệt nội dung kết luận.")
    assert ("bộ, cơ quan, đơn vị, địa phương", "lead") not in roles and ("cấp ủy", "lead") in roles, roles


def test_a_council_of_the_same_level_keeps_its_qualifier() -> None:
    roles = _roles("Ủy ban nhân dân các xã tổng hợp nhu cầu, trình Hội đồng nhân dân cùng cấp quyết định.")
    assert ("Hội đồng nhân dân cùng cấp", "report_to") in roles, roles


_LEVELS_PLAN = """KẾ HOẠCH
Khắc phục hậu quả mưa lũ năm 2026

I. MỤC ĐÍCH

Khôi phục nhanh đời sống người dân.

II. NHIỆM VỤ, GIẢI PHÁP

1. Bộ Xây dựng:

a) Hướng dẫn sửa chữa nhà ở bị hư hỏng.

2. Các xã, phường:

a) Chủ động dùng ngân sách của mình để sửa chữa đường giao thông.

b) Thống kê thiệt hại, gửi Bộ Xây dựng trước ngày 20 tháng 3 năm 2026.
"""


def test_a_heading_of_local_levels_names_the_localities(tmp_path: Path) -> None:
    # "2. Các xã, phường:" over its points: the localities lead them, not the plan's other units.
    document = parse_text(tmp_path, _LEVELS_PLAN)
    by_section = {d.section: {(u.name, u.role) for u in d.units} for d in document.duties}
    assert by_section["II.2.a"] == {("xã, phường", "lead")}, by_section
    assert by_section["II.2.b"] == {("xã, phường", "lead"), ("Bộ Xây dựng", "report_to")}, by_section


def test_agencies_under_a_ministry_and_the_planning_body_are_classes() -> None:
    # "Các cơ quan trực thuộc Bộ …" (qd4385 IV.2) is the class of the ministry's own agencies,
    # as "đơn vị trực thuộc Sở …" is; "cơ quan tổ chức lập quy hoạch" is the planning law's body
    # that draws up a plan, a class named by its function (qd4385 IV.3.c).
    roles = _roles("Các cơ quan trực thuộc Bộ Tư pháp chủ trì rà soát văn bản.")
    assert roles == {("cơ quan trực thuộc Bộ Tư pháp", "lead")}, roles
    roles = _roles("Khi lập quy hoạch vùng, cơ quan tổ chức lập quy hoạch phải lấy ý kiến cộng đồng.")
    assert ("cơ quan tổ chức lập quy hoạch", "lead") in roles, roles


_INFORM_PLAN = """KẾ HOẠCH
Thực hiện quy hoạch mạng lưới chợ năm 2026

I. MỤC ĐÍCH

Thực hiện tốt quy hoạch.

II. TỔ CHỨC THỰC HIỆN

1. Sở Công Thương

a) Công bố nội dung quy hoạch đến các tổ chức, cá nhân để tham gia giám sát việc thực hiện.

b) Công bố danh mục dự án và giám sát việc thực hiện.
"""


def test_informing_the_public_so_that_it_monitors_is_no_monitoring(tmp_path: Path) -> None:
    # The public is informed so that it monitors: the heading's unit does not monitor (a); its
    # own monitoring stays (b).
    document = parse_text(tmp_path, _INFORM_PLAN)
    by_section = {d.section: {(u.name, u.role) for u in d.units} for d in document.duties}
    assert by_section["II.1.a"] == {("Sở Công Thương", "lead")}, by_section
    assert ("Sở Công Thương", "monitor") in by_section["II.1.b"], by_section


_COMMITTEE_DIRECTIVE = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG

Số: 05/CT-UBND

CHỈ THỊ
Về tăng cường quản lý dự án đầu tư

1. Sở Tài chính theo dõi tiến độ các dự án đầu tư; nội dung vượt thẩm quyền thì tổng hợp, tham mưu UBND giải quyết.

2. Các sở, ngành tổ chức thực hiện nghiêm Chỉ thị này.
"""


def test_a_bare_committee_in_its_own_document_is_the_issuer(tmp_path: Path) -> None:
    # "tham mưu UBND giải quyết" with no level, in the provincial committee's own directive.
    document = parse_text(tmp_path, _COMMITTEE_DIRECTIVE)
    names = {u.name for d in document.duties for u in d.units}
    assert "Ủy ban nhân dân tỉnh" in names and "Ủy ban nhân dân" not in names, names


def test_answering_to_the_law_and_a_body_keeps_the_body() -> None:
    roles = _roles("Sở Xây dựng chịu trách nhiệm trước pháp luật và Chủ tịch Ủy ban nhân dân tỉnh về kết quả thẩm định.")
    assert ("Chủ tịch Ủy ban nhân dân tỉnh", "report_to") in roles, roles
    roles = _roles("Sở Xây dựng chịu trách nhiệm trước nhà đầu tư và trước Ủy ban nhân dân tỉnh khi chậm trả lời.")
    assert ("Ủy ban nhân dân tỉnh", "report_to") in roles, roles


def test_documents_sent_to_a_receiver_that_passes_them_on() -> None:
    # A long object with commas between "gửi" and "cho"; the receiver provides them on ("để cung
    # cấp"), so it acts as well as receives.
    roles = _roles("Các sở, ngành gửi các thông tin về quy hoạch xây dựng, quy hoạch đô thị và các quy hoạch "
                   "khác có liên quan cho Sở Tài chính để cung cấp cho nhà đầu tư.")
    assert ("Sở Tài chính", "report_to") in roles and ("Sở Tài chính", "lead") in roles, roles
    # "cơ quan đăng ký đầu tư" is the investment law's registering body, a class named by function.
    roles = _roles("Các sở gửi hồ sơ, tài liệu liên quan cho các cơ quan đăng ký đầu tư để tổng hợp.")
    assert ("cơ quan đăng ký đầu tư", "report_to") in roles and ("cơ quan đăng ký đầu tư", "lead") in roles, roles
