"""Boards named in full and classes named by their part in a procedure (session-13 directives).

The forms were seen in the development fresh plans ct010, ct06 and ct09 of session 13 (directives
of Đắk Lắk, Quảng Trị and Cần Thơ, /tmp/s13/dev); every sentence here is invented in that form,
with made-up zone names, and copies none of them.
"""

from __future__ import annotations

import pytest

from chinhsach.extract.units import find_units


def names(text: str) -> list[str]:
    return [m.name for m in find_units(text)]


NAMES: list[tuple[str, list[str]]] = [
    # A zone board's sentence-case name after a capitalised part, closed by the zone's place name.
    ("Ban Quản lý Khu Chăn nuôi ứng dụng Công nghệ sinh học Hòa Bình chủ trì thẩm định.",
     ["Ban Quản lý Khu Chăn nuôi ứng dụng Công nghệ sinh học Hòa Bình"]),
    # The place closing a board of parks is the parks' name, kept (GUIDELINES-real.md).
    ("Ban Quản lý các khu công nghệ và công nghiệp Hòa Bình phối hợp rà soát.",
     ["Ban Quản lý các khu công nghệ và công nghiệp Hòa Bình"]),
    # Kinds of one thing listed in the board's name: the head noun repeated after the comma.
    ("Ban Quản lý rừng phòng hộ, rừng sản xuất chủ trì tuần tra.",
     ["Ban Quản lý rừng phòng hộ, rừng sản xuất"]),
    # A board and the next body stay two.
    ("Ban Quản lý rừng phòng hộ, Hạt Kiểm lâm phối hợp tuần tra.",
     ["Ban Quản lý rừng phòng hộ", "Hạt Kiểm lâm"]),
]


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_board_names_in_full(text: str, expected: list[str]) -> None:
    assert names(text) == expected


CLASSES: list[tuple[str, list[str]]] = [
    # A class label with its members in brackets.
    ("2. Các cơ quan cấp phép xây dựng (Sở Xây dựng, Ban Quản lý Khu kinh tế Hòa Bình):",
     ["cơ quan cấp phép xây dựng", "Sở Xây dựng", "Ban Quản lý Khu kinh tế Hòa Bình"]),
    # A numbered label without "Các": only "cơ quan" opens one.
    ("4. Cơ quan chủ trì cấp giấy phép khai thác", ["cơ quan chủ trì cấp giấy phép khai thác"]),
    # The subject of a charge, named by its role in the procedure.
    ("Cơ quan phối hợp có trách nhiệm gửi ý kiến đúng hạn.", ["cơ quan phối hợp"]),
    # A label that ends in the charge; the restriction of place is dropped.
    ("7. Các đơn vị vận hành trạm xử lý nước thải trên địa bàn tỉnh có trách nhiệm", ["đơn vị vận hành trạm xử lý nước thải"]),
    # Members' place after the class label.
    ("3. Các chủ rừng là hộ gia đình (các hộ nhận khoán…)", ["chủ rừng là hộ gia đình"]),
]

NOT_CLASSES: list[str] = [
    "Cơ quan chủ trì: Sở Y tế",  # a task table's column label
    "Các cơ quan chức năng:",  # a bare class (GUIDELINES-real.md)
    "2. Tổ chức tuyên truyền",  # a task, not a body
    "Các cơ quan liên quan có trách nhiệm phối hợp",  # only a restriction
    "Các cơ quan quản lý nhà nước, tổ chức, cá nhân liên quan có trách nhiệm thi hành",  # generic list
]


@pytest.mark.parametrize(("text", "expected"), CLASSES)
def test_function_named_classes(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize("text", NOT_CLASSES)
def test_not_function_classes(text: str) -> None:
    assert [n for n in names(text) if n[0].islower()] == []


DIRECTIVE = """ỦY BAN NHÂN DÂN
TỈNH HÒA BÌNH

Số: 03/CT-UBND

CHỈ THỊ
Về tăng cường quản lý khai thác khoáng sản

Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:

1. Sở Nông nghiệp và Môi trường

Chủ trì rà soát các giấy phép khai thác đã cấp.

2. Công an tỉnh

Chỉ đạo các đơn vị trực thuộc, lực lượng Công an xã tăng cường tuần tra, kiểm soát các bến bãi.

3. Cơ quan phối hợp có trách nhiệm gửi ý kiến bằng văn bản đúng thời hạn.

4. Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành

a) Giao Thanh tra tỉnh tổ chức thanh tra việc chấp hành quy định về khoáng sản theo định kỳ.

b) Duy trì tỷ lệ hộ dân dùng nước sạch theo Nghị quyết hằng năm của Hội đồng nhân dân tỉnh.

5. Các chủ rừng là tổ chức (các Ban quản lý rừng phòng hộ, rừng sản xuất, các Công ty nông, lâm nghiệp…)

- Tuần tra, bảo vệ diện tích rừng được giao.
"""


@pytest.fixture(scope="module")
def directive(tmp_path_factory: pytest.TempPathFactory):
    from conftest import parse_text

    return parse_text(tmp_path_factory.mktemp("directive"), DIRECTIVE, "chi-thi.md")


def _roles(doc) -> set[tuple[str, str]]:
    return {(u.name, u.role) for d in doc.duties for u in d.units if u.explicit}


def test_directed_force_is_no_lead(directive) -> None:
    roles = _roles(directive)
    assert ("Công an tỉnh", "lead") in roles
    assert ("Công an xã", "lead") not in roles


def test_role_named_class_leads(directive) -> None:
    assert ("cơ quan phối hợp", "lead") in _roles(directive)


def test_class_heading_and_its_members_lead(directive) -> None:
    roles = _roles(directive)
    assert {("chủ rừng là tổ chức", "lead"), ("Ban Quản lý rừng phòng hộ, rừng sản xuất", "lead"),
            ("công ty nông, lâm nghiệp", "lead")} <= roles


def test_agencies_open_a_list_of_class_words() -> None:
    assert names("Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành tỉnh") == ["Sở", "cơ quan, ban, ngành tỉnh"]


def test_inspecting_is_monitoring(directive) -> None:
    duty = next(d for d in directive.duties if "chấp hành quy định về khoáng sản" in d.text)
    roles = {(u.name, u.role) for u in duty.units}
    assert {("Thanh tra tỉnh", "lead"), ("Thanh tra tỉnh", "monitor")} <= roles


def test_a_titled_resolution_is_no_cycle(directive) -> None:
    duty = next(d for d in directive.duties if "Nghị quyết hằng năm" in d.text)
    assert not duty.recurring


def test_an_item_that_charges_its_own_body(directive) -> None:
    duty = next(d for d in directive.duties if "chấp hành quy định về khoáng sản" in d.text)
    assert {u.name for u in duty.units if u.role == "lead"} == {"Thanh tra tỉnh"}
