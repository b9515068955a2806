"""Forms of the session-14 development documents seen again in session 15 (fixL): unit names
inside duty tables and ministries' plans.

Every text below is invented for the test (a made-up ministry plan, made-up tasks and dates);
each test names the layout it stands for, seen in the s14 development documents (their texts stay
in /tmp, see evaluation/gold/fresh-plans/README.md).
"""

from __future__ import annotations

import pytest
from conftest import parse_text

from chinhsach.extract.units import find_units
from chinhsach.model import Document

# A ministry's plan after the 2025 mergers: a department formed of two ("Cục A và B") is named
# whole in the prose and, in some table rows, with its head repeated ("Cục A và Cục B") although
# the two old departments no longer exist apart (s14 dev qd2200-bnnmt-2026, rows 2.d-5).
MERGED = """BỘ PHÁT TRIỂN ĐÔ THỊ
Số: 77/KH-BPTĐT
Hà Nội, ngày 02 tháng 3 năm 2026
KẾ HOẠCH
Triển khai Nghị định về quản lý cây xanh đô thị
I. MỤC ĐÍCH
Bảo đảm triển khai kịp thời Nghị định.
II. NHIỆM VỤ
1. Cục Cây xanh và Công viên chủ trì, phối hợp với Vụ Pháp chế xây dựng Thông tư hướng dẫn, hoàn thành trong quý III/2026.
2. Cục Cây xanh và Cục Công viên chủ trì, phối hợp với Vụ Kế hoạch - Tài chính xây dựng cơ sở dữ liệu cây xanh đô thị, hoàn thành trong quý IV/2026.
3. Cục Quy hoạch và Cục Kiến trúc chủ trì, phối hợp với Vụ Pháp chế rà soát các quy chuẩn, hoàn thành trong năm 2026.
"""


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(tmp_path_factory.mktemp("s15l"), MERGED, "kh.md")


def _leads(doc: Document, section: str) -> set[str]:
    return {u.name for d in doc.duties if d.section == section for u in d.units if u.role == "lead"}


def test_merged_department_with_its_head_repeated_is_one_body(merged: Document) -> None:
    assert _leads(merged, "II.2") == {"Cục Cây xanh và Công viên"}


def test_two_departments_the_document_never_names_together_stay_two(merged: Document) -> None:
    assert _leads(merged, "II.3") == {"Cục Quy hoạch", "Cục Kiến trúc"}


def _names(text: str) -> list[str]:
    return [m.name for m in find_units(text)]


def test_field_abbreviation_ends_a_department_name() -> None:
    """A ministry's duty table abbreviates its own field inside its departments' names
    ("Trung tâm … TN&MT", "Cục … dữ liệu TNMT"; s14 dev kh09-btnmt-2024, rows 3 and 7-9)."""
    assert _names("Trung tâm Thông tin KH&CN, Tạp chí KH&CN thực hiện.") == [
        "Trung tâm Thông tin Khoa học và Công nghệ", "Tạp chí Khoa học và Công nghệ"]
    assert _names("Phối hợp với Cục Quản lý dữ liệu KH&CN.") == [
        "Cục Quản lý dữ liệu Khoa học và Công nghệ"]


def test_abbreviated_body_after_a_name_stays_apart() -> None:
    assert _names("Trung tâm Y tế UBND huyện thực hiện.") == ["Trung tâm Y tế", "Ủy ban nhân dân huyện"]


def test_national_institute_names_run_through_their_fields() -> None:
    """A ministry's institutes are named after fields written in sentence case after "và" and
    close on the country ("Viện … và Biến đổi khí hậu", "Viện Khoa học … Việt Nam"; s14 dev
    kh09-btnmt-2024 item III.3 and table row 7, qd2200-bnnmt-2026 row 2.c)."""
    assert _names("Viện Địa lý Khí tượng thủy văn và Biến đổi khí hậu chủ trì thực hiện.") == [
        "Viện Địa lý Khí tượng thủy văn và Biến đổi khí hậu"]
    assert _names("Viện Khoa học thủy sản Việt Nam; Vụ Pháp chế.") == [
        "Viện Khoa học thủy sản Việt Nam", "Vụ Pháp chế"]


def test_class_of_bodies_belonging_to_a_named_body_is_one_unit() -> None:
    """"cơ quan chuyên môn thuộc Bộ …", "các đơn vị <kind> thuộc Bộ …": the owner does not take
    part itself (s14 dev kh09-btnmt-2024 items III.1.e-i, III.2)."""
    assert _names("Phối hợp với cơ quan chuyên môn thuộc Bộ Công Thương rà soát.") == [
        "cơ quan chuyên môn thuộc Bộ Công Thương"]
    assert _names("Phối hợp với các đơn vị báo chí thuộc Bộ Nội vụ tuyên truyền.") == [
        "đơn vị báo chí thuộc Bộ Nội vụ"]


def test_owner_of_the_units_concerned_is_no_unit() -> None:
    """"Vụ X, các đơn vị có liên quan thuộc Bộ …" in a ministry's cooperate cell names the Vụ
    only (s14 dev kh09-btnmt-2024, table rows 1-9)."""
    assert _names("Vụ Tổ chức cán bộ, các đơn vị có liên quan thuộc Bộ KH&CN.") == ["Vụ Tổ chức cán bộ"]
    assert _names("Các đơn vị thuộc các Bộ quản lý ngành; Sở Y tế.") == ["Sở Y tế"]


# A gazette's duty table read by width (one piece a line): the page cuts the cooperate cell after
# "… các", the row's later cells stand before the break and the cell's rest under the header
# printed again (s14 dev nq105-cp-2026 Phụ lục I, row III.7). Invented rows and units.
PAGE_CUT = (
    "ỦY BAN NHÂN DÂN\nTỈNH KIM SƠN\n\nSố: 61/KH-UBND\n\nKim Sơn, ngày 04 tháng 3 năm 2026\n\n"
    "KẾ HOẠCH\nLưu trữ điện tử năm 2026\n\n"
    "I. NHIỆM VỤ\n1. Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo.\n\n"
    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn An\n\n"
    "Phụ lục\nDANH MỤC NHIỆM VỤ LƯU TRỮ NĂM 2026\n(Kèm theo Kế hoạch số 61/KH-UBND)\n"
    "TT \nNội dung công việc \nCơ quan \nchủ trì \nCơ quan \nphối hợp \nSản phẩm \nThời hạn \n"
    "hoàn thành \n"
    "I \nHạ tầng lưu trữ \n"
    "1 \nXây dựng kho lưu trữ điện tử dùng chung \ncho các cơ quan hành chính của tỉnh \n"
    "Sở Nội vụ \nSở Tài chính \nKho lưu trữ \nQuý II/2026 \n"
    "2 \nSố hóa hồ sơ lưu trữ lịch sử đang bảo \nquản tại kho lưu trữ của tỉnh \n"
    "Sở Nội vụ \nCác sở, ban, \nngành, Ủy ban \nnhân dân các \nCơ sở dữ liệu \nQuý IV/2026 \n"
    "TT \nNội dung công việc \nCơ quan \nchủ trì \nCơ quan \nphối hợp \nSản phẩm \nThời hạn \n"
    "hoàn thành \n"
    "xã, phường \n"
    "3 \nTập huấn nghiệp vụ lưu trữ điện tử cho \ncông chức văn thư các cơ quan \n"
    "Sở Nội vụ \nSở Khoa học và \nCông nghệ \nLớp tập huấn \nNăm 2026 \n"
)


def test_a_cell_cut_by_the_page_before_the_rows_other_cells(tmp_path_factory: pytest.TempPathFactory) -> None:
    doc = parse_text(tmp_path_factory.mktemp("s15lp"), PAGE_CUT, "kh.md")
    rows = {d.section: d for d in doc.duties if d.section and d.section.startswith("PL1.")}
    units = {(u.name, u.role) for u in rows["PL1.2"].units}
    assert ("Ủy ban nhân dân xã, phường", "cooperate") in units
    assert not any(name.endswith(" các") for name, _ in units)
    assert rows["PL1.2"].deadline == "2026-12-31"


def test_sector_regulators_are_a_class_with_their_speciality() -> None:
    """"các sở quản lý nhà nước chuyên ngành về …", "cơ quan quản lý chuyên ngành": a class of
    bodies named by their function (s14 dev cv7103-ubnd-2026 items 2, 3.b, 4.c, 7)."""
    assert _names("Phối hợp với các sở quản lý nhà nước chuyên ngành về giao thông theo lĩnh vực.") == [
        "sở quản lý nhà nước chuyên ngành về giao thông"]
    assert _names("Các sở quản lý chuyên ngành định kỳ tổng hợp.") == ["sở quản lý chuyên ngành"]
    assert _names("Phối hợp với cơ quan quản lý nhà nước chuyên ngành kiểm tra.") == [
        "cơ quan quản lý nhà nước chuyên ngành"]
    # The ministries that regulate a sector (s14 dev nq105-cp-2026 Phụ lục I, row III.2.2).
    assert _names("Các bộ quản lý ngành, lĩnh vực tổng hợp kết quả.") == ["bộ quản lý ngành, lĩnh vực"]


# A Government resolution's appendix item: "Chủ trì, phối hợp với các Bộ: A, B …" names the
# partners after a head written once before a colon (s14 dev nq122-cp-2026 PL1.10.b).
SHARED_HEAD = """BỘ NỘI VỤ
Số: 12/KH-BNV
Hà Nội, ngày 02 tháng 3 năm 2026
KẾ HOẠCH
Về lưu trữ điện tử
I. NHIỆM VỤ
1. Bộ Y tế chủ trì, phối hợp với các cơ quan, địa phương:
a) Hoàn thiện hồ sơ lưu trữ, báo cáo Thủ tướng Chính phủ.
b) Chủ trì, phối hợp với các Bộ: Tài chính, Công an theo chức năng, nhiệm vụ xử lý dứt điểm các tồn tại trong quý II năm 2026.
"""


def test_partners_after_a_shared_head_and_colon_cooperate(tmp_path_factory: pytest.TempPathFactory) -> None:
    doc = parse_text(tmp_path_factory.mktemp("s15lh"), SHARED_HEAD, "kh.md")
    roles = {(u.name, u.role) for d in doc.duties if d.section == "I.1.b" for u in d.units}
    assert roles == {("Bộ Y tế", "lead"), ("Bộ Tài chính", "cooperate"), ("Bộ Công an", "cooperate")}


def test_comma_shaped_name_ending_in_a_joined_field() -> None:
    """"Viện A, B <field và field>": the "và" of the "A, B và C" shape stands inside the field,
    printed in words or abbreviated (s14 dev kh09-btnmt-2024 item III.3, table row 7)."""
    assert _names("Viện Kinh tế, Chính sách KH&CN chủ trì.") == [
        "Viện Kinh tế, Chính sách Khoa học và Công nghệ"]
    assert _names("Viện Kinh tế, Chính sách khoa học và công nghệ nghiên cứu đề xuất.") == [
        "Viện Kinh tế, Chính sách khoa học và công nghệ"]
    assert _names("Sở Y tế, Tài chính hướng dẫn và kiểm tra.") == ["Sở Y tế", "Sở Tài chính"]


def test_a_list_and_after_a_name_is_not_part_of_it() -> None:
    """"Cục A và B và các đơn vị …": the second "và" joins the list (s14 dev kh09 table row 5)."""
    assert _names("Phối hợp với Cục Bảo tồn thiên nhiên và Đa dạng sinh học và các đơn vị liên quan.") == [
        "Cục Bảo tồn thiên nhiên và Đa dạng sinh học"]


def test_standing_board_shared_by_two_committee_words() -> None:
    """"Ban Thường vụ Tỉnh ủy, Thành ủy" in a central directive is every such board, one
    collective (s14 dev ct21-ttg-2026 II.1); two named bodies stay two."""
    assert _names("Đề nghị Ban Thường vụ Tỉnh ủy, Thành ủy chỉ đạo rà soát.") == ["ban thường vụ tỉnh ủy, thành ủy"]
    assert _names("Ban Thường vụ Tỉnh ủy, Ban Dân vận Tỉnh ủy chỉ đạo.") == [
        "Ban Thường vụ Tỉnh ủy", "Ban Dân vận Tỉnh ủy"]


def test_civil_defence_abbreviation_in_a_board_name() -> None:
    """"Ban Chỉ huy PTDS các cấp" (civil defence, a 2024 law's boards; s14 dev nq116 table II.1)."""
    assert _names("Ban Chỉ huy PTDS các cấp phối hợp.") == ["Ban Chỉ huy Phòng thủ dân sự các cấp"]


def test_central_party_committees_own_their_standing_boards() -> None:
    """Since 2025 the Government and the National Assembly each have a party committee ("Đảng
    ủy Chính phủ"), whose standing board a resolution reports to (s14 dev nq122 PL1.3.o)."""
    assert _names("báo cáo Ban Thường vụ Đảng ủy Quốc hội, Chính phủ trước ngày 20.") == [
        "Ban Thường vụ Đảng ủy Quốc hội", "Chính phủ"]


def test_national_park_is_a_body() -> None:
    """A national park (Vườn quốc gia …) is a public body charged like a forestry company (s14
    dev cv4390-ubnd-2026 item 3); the common noun in lower case names none."""
    assert _names("Vườn quốc gia Núi Xanh, các Công ty Lâm nghiệp chủ động rà soát.") == [
        "Vườn quốc gia Núi Xanh", "Công ty Lâm nghiệp"]
    assert _names("Bảo vệ diện tích vườn quốc gia trên địa bàn.") == []


def test_answering_in_full_before_a_body_reports_to_it() -> None:
    """"chịu trách nhiệm toàn diện trước pháp luật và trước UBND tỉnh, Chủ tịch UBND tỉnh" answers
    to both bodies as "chịu trách nhiệm trước" does ([decided, laws]; s14 dev cv-ubnd-2026 item 7)."""
    from chinhsach.extract.duties import roles_in_text
    roles = {(u.name, u.role) for u in roles_in_text(
        "Chủ tịch UBND các xã chịu trách nhiệm toàn diện trước pháp luật và trước UBND tỉnh, "
        "Chủ tịch UBND tỉnh nếu để xảy ra khai thác cát trái phép.")}
    assert {("Ủy ban nhân dân tỉnh", "report_to"), ("Chủ tịch Ủy ban nhân dân tỉnh", "report_to")} <= roles


@pytest.mark.parametrize(("cell", "deadline"), [
    ("Quý III/2026, 2028", "2028-12-31"),
    ("Quý I, II/2027, 2028", "2028-12-31"),
    ("Quý II/2026", "2026-06-30"),
])
def test_time_cell_going_on_into_a_later_year(cell: str, deadline: str) -> None:
    """"Quý IV/2026, 2027" in a duty table's time cell: begun in the quarter, due by the end of
    the later year (s14 dev qd2200-bnnmt-2026 rows 2.b-2.d)."""
    from chinhsach.extract.duties import find_deadline
    assert find_deadline(cell)[:2] == (deadline, cell)


def test_establishing_ends_a_sentence_case_name() -> None:
    """"thiết lập" (establish) is a verb after a name, like "xây dựng" (s14 dev kh09 III.1.c)."""
    assert _names("Phối hợp với Cục Quản lý dữ liệu khoa học công nghệ thiết lập hệ thống đăng ký.") == [
        "Cục Quản lý dữ liệu khoa học công nghệ"]


def test_international_organisations_are_a_class() -> None:
    """"các tổ chức quốc tế" in a ministry's cooperate cell (s14 dev kh09 table row 6)."""
    assert _names("Phối hợp với các tổ chức quốc tế, các viện nghiên cứu.") == ["tổ chức quốc tế", "viện nghiên cứu"]


def test_bodies_taking_part_in_the_work_are_partners() -> None:
    """"tổ chức diễn đàn với sự tham gia của Bộ X, các cơ quan thông tấn, báo chí": they cooperate,
    as after "tham gia cùng X" ([decided, kh179]; s14 dev kh09 items III.1.e, III.4)."""
    from chinhsach.extract.duties import roles_in_text
    roles = {(u.name, u.role) for u in roles_in_text(
        "Trung tâm Truyền thông tỉnh tổ chức hội thảo với sự tham gia của Sở Tư pháp, các cơ quan "
        "thông tấn, báo chí nhằm phổ biến pháp luật.")}
    assert roles == {("Trung tâm Truyền thông tỉnh", "lead"), ("Sở Tư pháp", "cooperate"),
                     ("cơ quan thông tấn, báo chí", "cooperate")}


def test_doi_voi_a_plural_class_in_title_case_is_a_topic() -> None:
    """"Đối với các Bệnh viện công lập (…): Giữ nguyên …": the norm's class, no addressee, as in
    lower case; a named body after "Đối với" still does what follows (s14 dev nq105 Phụ lục II)."""
    from chinhsach.extract.duties import roles_in_text
    assert roles_in_text("Đối với các Trạm Y tế xã, phường: Thực hiện theo hướng dẫn của ngành.") == []
    assert [(u.name, u.role) for u in roles_in_text("Đối với Sở Y tế: tiếp tục rà soát các đơn vị.")] == [
        ("Sở Y tế", "lead")]
