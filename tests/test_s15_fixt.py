"""Forms of the session-15 development documents (fixT): a plan whose Roman parts start at II,
and a ministry letter whose appendix duty table has a column for the answerable head.

Every text below is invented for the test (a made-up province, made-up tasks and dates); each
test names the layout it stands for, seen in the s15 development documents (their texts stay in
/tmp, see evaluation/gold/fresh-plans/README.md).
"""

from __future__ import annotations

import pytest
from conftest import parse_text

from chinhsach.extract.units import find_units
from chinhsach.model import Document

# A plan whose first printed part is "II." (the crawl kept no part I: the numbering starts at II
# in s15 dev kh0130, a provincial emergency plan): the parts were lost because a Roman part had
# to follow its predecessor, so every item was renumbered 1, 2, … under no part, the
# organisation part V read as items 7.1-7.5 of a risk item, and no part was a task part.
LATE_FIRST_PART = """ỦY BAN NHÂN DÂN TỈNH HÒA VÂN
Số: 0412/KH-UBND
Hòa Vân, ngày 03 tháng 12 năm 2025
KẾ HOẠCH
Ứng phó rét đậm, rét hại trên địa bàn tỉnh
Để chủ động ứng phó với đợt rét kéo dài, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau:

**II. MỤC
ĐÍCH, YÊU CẦU**

**1. Mục đích**

- Bảo vệ sức khỏe người dân và đàn vật nuôi trong đợt rét.

**III. NỘI
DUNG HOẠT ĐỘNG**

**1.
Chăm sóc vật nuôi**

- Chi cục Chăn nuôi và Thú y chủ trì hướng dẫn che chắn chuồng trại cho đàn trâu, bò.

**IV. TỔ
CHỨC THỰC HIỆN**

**1.
Sở Nông nghiệp và Môi trường:**

- Chỉ đạo kiểm tra việc chống rét cho vật nuôi tại các xã.

**2.
Sở Y tế:**

- Bảo đảm thuốc, vật tư cho các trạm y tế xã.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn An
"""


@pytest.fixture(scope="module")
def late(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(tmp_path_factory.mktemp("s15t"), LATE_FIRST_PART, "kh.md")


def _roles(doc: Document) -> set[tuple[str | None, str, str]]:
    return {(d.section, u.name, u.role) for d in doc.duties for u in d.units}


def test_parts_starting_at_two_keep_their_printed_numbers(late: Document) -> None:
    ids = [s.id for s in late.sections]
    assert ids[:3] == ["II", "II.1", "III"]
    assert {"IV", "IV.1", "IV.2"} <= set(ids)


def test_unit_headed_items_of_a_late_organisation_part(late: Document) -> None:
    roles = _roles(late)
    assert ("III.1", "Chi cục Chăn nuôi và Thú y", "lead") in roles
    assert ("IV.1", "Sở Nông nghiệp và Môi trường", "lead") in roles
    assert ("IV.2", "Sở Y tế", "lead") in roles


# A ministry names several of its departments by the plural head and their own names after a
# colon: "các Cục: A, B", or with semicolons when a name holds a comma; the head column of the
# table puts the head's title before it ("Cục trưởng các Cục: …"). Seen in s15 dev cv6225 (rows
# 1 and 4 of its appendix); before, the cell gave one unit "Cục".
@pytest.mark.parametrize(("cell", "names"), [
    ("Các Cục: Mỹ thuật, Nhiếp ảnh", ["Cục Mỹ thuật", "Cục Nhiếp ảnh"]),
    ("Cục trưởng các Cục: Điện ảnh; Nghệ thuật biểu diễn; Xuất bản, In và Phát hành.",
     ["Cục Điện ảnh", "Cục Nghệ thuật biểu diễn", "Cục Xuất bản, In và Phát hành"]),
    ("Các Vụ: Pháp chế; Hợp tác quốc tế. Văn phòng Bộ",
     ["Vụ Pháp chế", "Vụ Hợp tác quốc tế", "Văn phòng Bộ"]),
    ("giao các Sở: Tài chính, Xây dựng thực hiện rà soát", ["Sở Tài chính", "Sở Xây dựng"]),
])
def test_plural_head_with_member_names(cell: str, names: list[str]) -> None:
    assert [m.name for m in find_units(cell)] == names


# A ministry's appendix table whose head column and lead column list departments under a plural
# head with semicolons, and whose long row is cut into two segments (160 words at most each):
# the cut-off half of the row was read again as a sentence, its cells run together, and gave a
# second duty with bare names ("Báo chí", "Cục"). Seen in s15 dev cv6225 rows 4 and 9.
_LONG_TASK = ("Rà soát, chuẩn hóa và số hóa toàn bộ hồ sơ lưu trữ về hoạt động điện ảnh, nghệ "
              "thuật biểu diễn, xuất bản, in và phát hành của Bộ trong giai đoạn từ năm 2015 đến "
              "năm 2025, bảo đảm đầy đủ, chính xác, kịp thời, có khả năng kết nối, chia sẻ với các "
              "cơ sở dữ liệu quốc gia và cơ sở dữ liệu chuyên ngành khác. ") * 2
_RESULT = ("Toàn bộ hồ sơ lưu trữ được số hóa, chuẩn hóa, cập nhật vào cơ sở dữ liệu của Bộ; "
           "quy trình khai thác, sử dụng hồ sơ số được ban hành; báo cáo kết quả số hóa "
           "được gửi Lãnh đạo Bộ, kèm theo danh mục hồ sơ đã số hóa và kế hoạch duy trì, "
           "cập nhật dữ liệu trong các năm tiếp theo, bảo đảm an toàn thông tin.")
MINISTRY_TABLE = f"""BỘ NGHỆ THUẬT VÀ XUẤT BẢN
Số: 915/KH-BNTXB
Hà Nội, ngày 04 tháng 3 năm 2026
KẾ HOẠCH
Số hóa hồ sơ lưu trữ năm 2026
I. MỤC ĐÍCH
Hoàn thành số hóa hồ sơ lưu trữ của Bộ.
II. NHIỆM VỤ
Các nhiệm vụ tại Phụ lục kèm theo.

PHỤ LỤC
DANH MỤC NHIỆM VỤ
|
**STT**
|
**Tên nhiệm vụ**
|
**Người đứng đầu chịu trách nhiệm**
|
**Cơ quan**
**chủ trì**
|
**Cơ quan**
**phối hợp**
|
**Kết quả**
**thực hiện**
|
**Thời hạn hoàn thành**
|
|
1
|
{_LONG_TASK.strip()}
|
Cục trưởng các Cục: Điện ảnh; Nghệ thuật biểu diễn; Xuất bản, In và Phát hành. Vụ trưởng Vụ Pháp chế
|
Các Cục: Điện ảnh; Nghệ thuật biểu diễn; Xuất bản, In và Phát hành. Vụ Pháp chế.
|
Văn phòng Bộ
|
{_RESULT}
|
Tháng 12/2026
|
|
2
|
Xây dựng kho dữ liệu số dùng chung
|
Chánh Văn phòng Bộ
|
Văn phòng Bộ
|
Các Cục: Điện ảnh, Nhiếp ảnh
|
Kho dữ liệu được vận hành.
|
Tháng 10/2026
|
"""


@pytest.fixture(scope="module")
def ministry(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(tmp_path_factory.mktemp("s15t2"), MINISTRY_TABLE, "kh.md")


def test_departments_listed_under_a_plural_head_in_table_cells(ministry: Document) -> None:
    roles = _roles(ministry)
    for name in ("Cục Điện ảnh", "Cục Nghệ thuật biểu diễn", "Cục Xuất bản, In và Phát hành"):
        assert ("PL1.1", name, "lead") in roles
    assert ("PL1.2", "Cục Điện ảnh", "cooperate") in roles
    assert ("PL1.2", "Cục Nhiếp ảnh", "cooperate") in roles
    assert not {r for r in roles if r[1] in ("Cục", "Nghệ thuật biểu diễn")}


def test_a_long_row_gives_one_duty(ministry: Document) -> None:
    assert [d.section for d in ministry.duties if d.section == "PL1.1"] == ["PL1.1"]


# A body whose kind is to help another is named after it: "Tổ giúp việc Ban Chỉ đạo …",
# "Tiểu ban giúp việc Ban Chỉ đạo 57" (a numbered board). Seen in s15 dev cv6225, whose item 2
# is headed by such a sub-committee; before, it was read as the board it helps, without its
# number.
@pytest.mark.parametrize(("text", "names"), [
    ("Tiểu ban giúp việc Ban Chỉ đạo 57 phân công nhiệm vụ", ["Tiểu ban giúp việc Ban Chỉ đạo 57"]),
    ("Tổ giúp việc Ban Chỉ đạo 35 tổng hợp", ["Tổ giúp việc Ban Chỉ đạo 35"]),
    ("Tiểu ban Văn kiện chủ trì", ["Tiểu ban Văn kiện"]),
])
def test_helper_bodies_named_after_the_board(text: str, names: list[str]) -> None:
    assert [m.name for m in find_units(text)] == names


# A ministry's letter: "Kính gửi:" over its addressees, one per dash line, a lead-in "Bộ X yêu
# cầu:" that names nobody, and a first item headed by the heads of "the bodies given tasks"
# (generic). GUIDELINES-real.md [decided, s14 adj]: such an item charges the addressees. Seen in
# s15 dev cv6225 (item 1); before, its bullets had no unit and the lead-in gave the ministry a
# duty of its own.
LETTER = """BỘ NGHỆ THUẬT VÀ XUẤT BẢN
Số: 377/BNTXB-VP
Hà Nội, ngày 12 tháng 3 năm 2026
V/v đẩy nhanh số hóa hồ sơ lưu trữ
Kính gửi:
- Cục Điện ảnh;
- Trung tâm Lưu trữ quốc gia;
- Viện Nghiên cứu Xuất bản.
Thời gian qua, việc số hóa hồ sơ lưu trữ còn chậm so với yêu cầu, chưa bảo đảm tiến độ đề ra. Bộ Nghệ thuật và Xuất bản yêu cầu:
1. Thủ trưởng các cơ quan, đơn vị được giao nhiệm vụ
- Hoàn thành số hóa hồ sơ lưu trữ thuộc phạm vi quản lý trước ngày 30/6/2026.
2. Văn phòng Bộ
- Tổng hợp kết quả số hóa của các đơn vị.
Nơi nhận:
- Như trên;
- Lưu: VT.
BỘ TRƯỞNG
Trần Văn Bình
"""


def test_generic_item_of_a_letter_charges_its_addressees(tmp_path_factory: pytest.TempPathFactory) -> None:
    doc = parse_text(tmp_path_factory.mktemp("s15t3"), LETTER, "cv.md")
    roles = _roles(doc)
    for name in ("Cục Điện ảnh", "Trung tâm Lưu trữ quốc gia", "Viện Nghiên cứu Xuất bản"):
        assert ("1", name, "lead") in roles
    assert {r[1] for r in roles if r[0] == "2"} == {"Văn phòng Bộ Nghệ thuật và Xuất bản"}
    assert not [d for d in doc.duties if d.section is None]
