"""Units of public institutions (universities, hospitals, centres) and who does what in their
regulations.

Short sentences written for the test in the FORM of such documents (a university's quy chế, a
hospital's quy định): offices named by head word and a sentence-case name, the same office
abbreviated, faculties as a class, office-holders as units of their own, the institution naming
itself "Trường". None is copied from a document. Conventions: evaluation/gold/fresh-pdf/README.md.
"""

from __future__ import annotations

import pytest

from chinhsach.extract.duties import roles_in_text
from chinhsach.extract.units import find_units, one_name_per_body
from chinhsach.model import UnitRole


def names(text: str) -> list[str]:
    return [m.name for m in find_units(text)]


def roles(text: str) -> set[tuple[str, str]]:
    return {(u.name, u.role) for u in roles_in_text(text)}


FORMS: list[tuple[str, str, list[str]]] = [
    # A sentence-case office name runs over a verb-like noun ("đào tạo") after "Quản lý".
    ("office, sentence case", "Phòng Quản lý đào tạo và Công tác sinh viên lập danh sách lớp.",
     ["Phòng Quản lý đào tạo và Công tác sinh viên"]),
    ("office, old spelling", "Phòng Quản lí đào tạo chủ trì tổ chức thi.", ["Phòng Quản lí đào tạo"]),
    ("office, abbreviated", "Phòng ĐT&CTSV lập danh sách lớp.", ["Phòng ĐT&CTSV"]),
    ("office, abbreviated lower head", "Sinh viên nộp hồ sơ về phòng QLCL.", ["Phòng QLCL"]),
    ("office, known abbreviation", "Sinh viên nộp hồ sơ về phòng KHTC.", ["Phòng Kế hoạch - Tài chính"]),
    ("faculties", "Các khoa đào tạo có trách nhiệm lập kế hoạch giảng dạy.", ["khoa đào tạo"]),
    ("bare faculties", "Các khoa gửi đề xuất về Phòng Đào tạo.", ["khoa", "Phòng Đào tạo"]),
    ("science is no faculty", "Các khoa học cơ bản được giảng dạy trong năm thứ nhất.", []),
    ("named faculty", "Khoa Ngữ văn phân công giảng viên.", ["Khoa Ngữ văn"]),
    ("rector", "Hiệu trưởng quyết định danh sách sinh viên được xét.", ["Hiệu trưởng"]),
    ("head of faculty", "Trưởng khoa xác nhận bảng điểm.", ["Trưởng khoa"]),
    ("head of department", "Trưởng bộ môn phân công người chấm.", ["Trưởng bộ môn"]),
    ("rector of a named school stays its head", "Hiệu trưởng Trường Đại học Sư phạm ký quyết định.",
     ["Trường Đại học Sư phạm"]),
    ("self reference", "Trường công bố lịch thi trên trang thông tin.", ["Trường"]),
    ("a case, not the school", "Trường hợp sinh viên vắng thi phải có đơn.", []),
    ("functional offices", "Các đơn vị chức năng lưu trữ hồ sơ tuyển sinh.", ["đơn vị chức năng"]),
    ("related offices are no unit", "Phối hợp với các đơn vị chức năng có liên quan.", []),
    ("centre before a verb", "Phối hợp với Trung tâm Khảo thí và Tin học xây dựng ngân hàng đề.",
     ["Trung tâm Khảo thí và Tin học"]),
    ("head of units under the school", "Trưởng đơn vị trực thuộc Trường chịu trách nhiệm thi hành.",
     ["đơn vị trực thuộc Trường"]),
]


@pytest.mark.parametrize(("label", "text", "expected"), FORMS, ids=[f[0] for f in FORMS])
def test_institution_unit_forms(label: str, text: str, expected: list[str]) -> None:
    assert names(text) == expected, label


def test_abbreviation_takes_the_full_name_of_the_document() -> None:
    mapping = one_name_per_body(["Phòng ĐT&CTSV", "Phòng Đào tạo và Công tác sinh viên", "phòng KHTC",
                                 "Phòng Kế hoạch - Tài chính", "khoa", "khoa đào tạo", "Hiệu trưởng"])
    assert mapping == {"Phòng ĐT&CTSV": "Phòng Đào tạo và Công tác sinh viên",
                       "phòng KHTC": "Phòng Kế hoạch - Tài chính", "khoa": "khoa đào tạo"}


def test_ambiguous_abbreviation_stays_as_printed() -> None:
    assert one_name_per_body(["Phòng KT", "Phòng Kế toán", "Phòng Khảo thí"]) == {}


def test_rector_receives_what_is_submitted() -> None:
    got = roles("Phòng Đào tạo tổng hợp danh sách, trình Hiệu trưởng phê duyệt.")
    assert got == {("Phòng Đào tạo", "lead"), ("Hiệu trưởng", "report_to")}


def test_report_to_the_rector() -> None:
    got = roles("Trưởng khoa báo cáo Hiệu trưởng bằng văn bản.")
    assert got == {("Trưởng khoa", "lead"), ("Hiệu trưởng", "report_to")}


def test_partner_centre() -> None:
    got = roles("Phòng Đào tạo phối hợp với Trung tâm Khảo thí tổ chức thi.")
    assert got == {("Phòng Đào tạo", "lead"), ("Trung tâm Khảo thí", "cooperate")}


def test_unitrole_is_the_model_type() -> None:
    assert isinstance(roles_in_text("Trường tổ chức thi.")[0], UnitRole)


ROLE_FORMS: list[tuple[str, str, set[tuple[str, str]]]] = [
    ("submission to the faculty", "Sinh viên nộp đơn có xác nhận của cố vấn học tập cho khoa đào tạo.",
     {("khoa đào tạo", "report_to")}),
    ("passed on for a decision", "Khoa đào tạo tiếp nhận đơn và chuyển cho Phòng Đào tạo xem xét.",
     {("khoa đào tạo", "lead"), ("Phòng Đào tạo", "report_to")}),
    ("approval needed", "Các khoa phải có đề nghị bằng văn bản và phải được Hiệu trưởng phê duyệt.",
     {("khoa", "lead"), ("Hiệu trưởng", "report_to")}),
    ("consent needed", "Được sự đồng ý của Trưởng khoa nơi chuyển đến.", {("Trưởng khoa", "report_to")}),
    ("exception decided by the rector", "Trường hợp đặc biệt do Hiệu trưởng quyết định.",
     {("Hiệu trưởng", "lead")}),
    ("subject after a condition", "Trường hợp thay đổi lịch thi, Trưởng khoa phải báo cáo với Hiệu trưởng.",
     {("Trưởng khoa", "lead"), ("Hiệu trưởng", "report_to")}),
    ("either office decides", "Giảng viên trình trưởng bộ môn hoặc trưởng khoa quyết định.",
     {("Trưởng bộ môn", "report_to"), ("Trưởng khoa", "report_to")}),
    ("joint subjects with a slash", "Trưởng khoa/Trưởng bộ môn chịu trách nhiệm phân công coi thi.",
     {("Trưởng khoa", "lead"), ("Trưởng bộ môn", "lead")}),
]


@pytest.mark.parametrize(("label", "text", "expected"), ROLE_FORMS, ids=[f[0] for f in ROLE_FORMS])
def test_institution_role_forms(label: str, text: str, expected: set[tuple[str, str]]) -> None:
    assert roles(text) == expected, label
