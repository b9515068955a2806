"""Which sentences are duties, and their subject, in the forms decrees and decisions settle cases
with (session 17, fixZf). The wording is invented; the forms are those of the spent s16 held-out
documents (nq16-cp-2026 Điều 4-11: a fronted "Đối với <case>, …," or "… thì" before the body that
acts)."""

from __future__ import annotations

import pytest

from chinhsach.extract.duties import roles_in_text


def _roles(text: str) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in roles_in_text(text)]


@pytest.mark.parametrize("text", [
    # A fronted case with commas of its own, closed by the comma before the subject.
    "Đối với công trình đã nghiệm thu, bàn giao, đưa vào sử dụng, Sở Xây dựng tiếp tục thanh toán "
    "cho nhà thầu theo hợp đồng.",
    # The case or the condition closed by "thì".
    "Đối với công trình chưa nghiệm thu thì Sở Xây dựng tạm dừng thanh toán cho nhà thầu.",
    "Trường hợp hồ sơ còn thiếu, chưa hợp lệ thì Sở Xây dựng trả lại hồ sơ trong ngày.",
])
def test_fronted_case_leaves_its_subject_the_lead(text: str) -> None:
    assert _roles(text) == [("Sở Xây dựng", "lead")]


def test_body_inside_the_case_is_no_subject() -> None:
    text = "Đối với công trình do Sở Giao thông vận tải quản lý, Sở Xây dựng rà soát hồ sơ."
    assert _roles(text) == [("Sở Xây dựng", "lead")]


CLASS_HEADED = """ỦY BAN NHÂN DÂN TỈNH LAM SƠN

Số: 12/KH-UBND

Lam Sơn, ngày 10 tháng 3 năm 2026

KẾ HOẠCH
Thẩm định hồ sơ dự án đầu tư năm 2026

I. TỔ CHỨC THỰC HIỆN

1. Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý Khu kinh tế tỉnh):

a) Tiếp nhận, kiểm tra hồ sơ đề nghị của nhà đầu tư và trả kết quả đúng hạn.

b) Trường hợp hồ sơ chưa đầy đủ, chưa hợp lệ thì cơ quan đăng ký đầu tư có văn bản yêu cầu nhà đầu tư bổ sung.
"""


def test_heading_class_as_subject_keeps_its_listed_members(tmp_path) -> None:
    from conftest import parse_text

    doc = parse_text(tmp_path, CLASS_HEADED)
    duty = next(d for d in doc.duties if d.text.startswith("Trường hợp hồ sơ"))
    leads = {u.name for u in duty.units if u.role == "lead"}
    assert {"Sở Tài chính", "Ban Quản lý Khu kinh tế tỉnh"} <= leads


@pytest.mark.parametrize(("text", "expected"), [
    # The body a charged unit is to ask is not charged by the document.
    ("Sở Tài chính có trách nhiệm đề nghị Thanh tra tỉnh kiểm tra việc sử dụng kinh phí hỗ trợ.",
     [("Sở Tài chính", "lead")]),
    # Asked to cooperate, it is the charged unit's partner.
    ("Sở Tài chính chịu trách nhiệm đề nghị Thanh tra tỉnh phối hợp rà soát hồ sơ thanh toán.",
     [("Sở Tài chính", "lead"), ("Thanh tra tỉnh", "cooperate")]),
    # The document addressing the body itself still charges it.
    ("Đề nghị Thanh tra tỉnh rà soát hồ sơ thanh toán.", [("Thanh tra tỉnh", "lead")]),
])
def test_body_asked_by_the_charged_unit(text: str, expected: list[tuple[str, str]]) -> None:
    assert _roles(text) == expected


ASKED_UNDER_LEAD_IN = """ỦY BAN NHÂN DÂN TỈNH LAM SƠN

Số: 14/KH-UBND

Lam Sơn, ngày 10 tháng 3 năm 2026

KẾ HOẠCH
Quyết toán các công trình hạ tầng năm 2026

I. TỔ CHỨC THỰC HIỆN

1. Sở Xây dựng có trách nhiệm:

a) Rà soát hồ sơ quyết toán của các công trình đã hoàn thành.

b) Đề nghị Thanh tra tỉnh kiểm tra hồ sơ quyết toán của các công trình chậm tiến độ.

c) Đề nghị Kho bạc Nhà nước khu vực phối hợp đối chiếu số liệu thanh toán.
"""


def test_body_asked_in_an_item_under_a_charged_lead_in(tmp_path) -> None:
    from conftest import parse_text

    doc = parse_text(tmp_path, ASKED_UNDER_LEAD_IN)
    roles = {d.text[:20]: {(u.name, u.role) for u in d.units} for d in doc.duties}
    checked = roles["Đề nghị Thanh tra tỉ"]
    assert checked == {("Sở Xây dựng", "lead")}
    matched = roles["Đề nghị Kho bạc Nhà "]
    assert ("Sở Xây dựng", "lead") in matched and any(r == "cooperate" for n, r in matched if n != "Sở Xây dựng")


@pytest.mark.parametrize(("text", "name"), [
    # A steering committee of a level named by its field after "về", commas and "và" included.
    ("Ban Chỉ đạo tỉnh về phòng, chống dịch bệnh và an toàn thực phẩm chủ trì tổng kết.",
     "Ban Chỉ đạo tỉnh về phòng, chống dịch bệnh và an toàn thực phẩm"),
    ("Ban Chỉ đạo quốc gia về bảo tồn, phát huy giá trị di sản ban hành quy chế phối hợp.",
     "Ban Chỉ đạo quốc gia về bảo tồn, phát huy giá trị di sản"),
])
def test_committee_named_by_its_field_is_charged_whole(text: str, name: str) -> None:
    assert _roles(text) == [(name, "lead")]


def test_what_a_committee_is_told_about_is_not_its_field() -> None:
    from chinhsach.extract.units import find_units

    text = "Sở Văn hóa báo cáo Ban Chỉ đạo tỉnh về kết quả thực hiện trong năm."
    assert [m.name for m in find_units(text)][-1] == "Ban Chỉ đạo tỉnh"
    assert [m.name for m in find_units("Ban Chỉ đạo tỉnh về tiến độ triển khai.")] == ["Ban Chỉ đạo tỉnh"]


def test_enacting_formula_is_no_charge() -> None:
    assert _roles("Chính phủ ban hành Nghị quyết quy định một số cơ chế đặc thù.") == []


@pytest.mark.parametrize(("text", "expected"), [
    # Signing for the State is the body's act; the counterparty is its partner.
    ("Sở Tài chính ký với Ngân hàng Thế giới thỏa thuận vay theo quy định hiện hành.",
     [("Sở Tài chính", "lead"), ("Ngân hàng Thế giới", "cooperate")]),
    # A past signing names no partner.
    ("Sở Xây dựng đôn đốc các đơn vị thực hiện đúng hợp đồng đã ký kết với Ủy ban nhân dân xã.",
     [("Sở Xây dựng", "lead")]),
    # The ministries a budget funds are named after a shared head's colon: not charged.
    ("Phần vốn viện trợ: Ngân sách nhà nước cấp phát cho các Bộ: Tài chính, Xây dựng đối với các hoạt động trực tiếp.",
     []),
    # The same colon list charged by "Giao" or as the subject still leads.
    ("Giao các Bộ: Tài chính, Xây dựng chủ trì hướng dẫn thực hiện.",
     [("Bộ Tài chính", "lead"), ("Bộ Xây dựng", "lead")]),
])
def test_signing_body_and_funded_list(text: str, expected: list[tuple[str, str]]) -> None:
    assert _roles(text) == expected
