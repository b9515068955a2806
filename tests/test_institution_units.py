"""Units of public institutions (universities, hospitals, centres) and who does what in their
regulations.

Short sentences written for the test in the FORM of such documents (a university's quy chế, a
hospital's quy định): offices named by head word and a sentence-case name, the same office
abbreviated, faculties as a class, office-holders as units of their own, the institution naming
itself "Trường". None is copied from a document. Conventions: evaluation/gold/fresh-pdf/README.md.
"""

from __future__ import annotations

import pytest
from conftest import parse_text

from chinhsach.extract.duties import roles_in_text
from chinhsach.extract.units import find_units, one_name_per_body
from chinhsach.model import Document, UnitRole


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
    ("faculty as a recipient", "Sinh viên nộp hồ sơ cho khoa quản lý sinh viên.", ["khoa"]),
    ("science after a preposition", "Đầu tư cho khoa học cơ bản.", []),
    ("science is no faculty", "Các khoa học cơ bản được giảng dạy trong năm thứ nhất.", []),
    ("named faculty", "Khoa Ngữ văn phân công giảng viên.", ["Khoa Ngữ văn"]),
    ("rector", "Hiệu trưởng quyết định danh sách sinh viên được xét.", ["Hiệu trưởng"]),
    ("head of faculty", "Trưởng khoa xác nhận bảng điểm.", ["Trưởng khoa"]),
    ("head of department", "Trưởng bộ môn phân công người chấm.", ["Trưởng bộ môn"]),
    ("rector of a named school stays its head", "Hiệu trưởng Trường Đại học Sư phạm ký quyết định.",
     ["Trường Đại học Sư phạm"]),
    ("self reference", "Trường công bố lịch thi trên trang thông tin.", ["Trường"]),
    # The tier names the hospitals as a class (a department's plan charges them), never the
    # issuer's self-reference "Bệnh viện" (tests/test_local_levels_survey.py).
    ("many hospitals are not the issuer", "Các Bệnh viện tuyến tỉnh bảo đảm đủ thuốc.",
     ["bệnh viện tuyến tỉnh"]),
    ("a school abbreviated with its name", "Trường THPT Lê Lợi tổ chức ngoại khóa.", ["Trường THPT Lê Lợi"]),
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


def test_stated_is_no_condition() -> None:
    # Folded, "nêu cao" (raise) reads as "nếu" (if): the unit after it is still an object.
    assert roles("Phát động phong trào, nêu cao cảnh giác, Ủy ban nhân dân xã tiếp nhận tin báo.") == set()


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
    ("decided by an office", "Trường tổ chức xét bổ sung vào thời điểm thích hợp do Hiệu trưởng quyết định.",
     {("Trường", "lead"), ("Hiệu trưởng", "lead")}),
    ("confirmed by an office", "Biên bản phải có xác nhận của trưởng khoa.", {("Trưởng khoa", "lead")}),
    ("staff stand for their office",
     "Cán bộ phòng QLCL, lãnh đạo khoa, cán bộ phòng TCCB phải tham gia để giám sát lớp học.",
     # TCCB is a general administrative abbreviation the unit reader spells out (s18 fixAD);
     # QLCL, an institution's own code, stays as printed.
     {("Phòng QLCL", "lead"), ("khoa", "lead"), ("Phòng Tổ chức cán bộ", "lead"),
      ("Phòng QLCL", "monitor"), ("khoa", "monitor"), ("Phòng Tổ chức cán bộ", "monitor")}),
    ("subject after an exception", "Ngoài các đợt nêu trên, Trường tổ chức xét bổ sung.", {("Trường", "lead")}),
    ("subject after a condition mid-sentence",
     "Giảng viên có nhu cầu dạy trực tuyến, nếu đủ điều kiện, bổ sung hồ sơ, Trưởng khoa báo cáo với Trường.",
     {("Trưởng khoa", "lead"), ("Trường", "report_to")}),
    ("exams and tests are no monitoring", "Phòng Khảo thí xây dựng quy định về thi, kiểm tra, đánh giá.",
     {("Phòng Khảo thí", "lead")}),
    ("consents of several offices",
     "Được sự đồng ý của trưởng khoa, người phụ trách phân hiệu (nơi chuyển đến) và của Hiệu trưởng.",
     {("Trưởng khoa", "report_to"), ("phân hiệu", "report_to"), ("Hiệu trưởng", "report_to")}),
    ("done at an office", "Việc sửa điểm phải được thực hiện tại Phòng Khảo thí.", {("Phòng Khảo thí", "lead")}),
    ("agent of an arrangement", "Sinh viên học theo lịch do Khoa Ngữ văn bố trí.", {("Khoa Ngữ văn", "lead")}),
    ("agent of a recognition", "Sinh viên đủ điều kiện được Hiệu trưởng công nhận tốt nghiệp.",
     {("Hiệu trưởng", "lead")}),
    ("an issuer is no agent", "Thực hiện theo quy định do Bộ Giáo dục và Đào tạo ban hành.", set()),
    ("a condition met is no task", "Trường, phân hiệu (nơi chuyển đến) có đủ các điều kiện bảo đảm chất lượng.",
     set()),
    ("joint subjects with a slash", "Trưởng khoa/Trưởng bộ môn chịu trách nhiệm phân công coi thi.",
     {("Trưởng khoa", "lead"), ("Trưởng bộ môn", "lead")}),
]


@pytest.mark.parametrize(("label", "text", "expected"), ROLE_FORMS, ids=[f[0] for f in ROLE_FORMS])
def test_institution_role_forms(label: str, text: str, expected: set[tuple[str, str]]) -> None:
    assert roles(text) == expected, label


# A made-up university's regulation: its chapters are no plan parts, and its articles say who
# does what with plain verbs, submissions and approvals.
REGULATION = """| TRƯỜNG ĐẠI HỌC SÔNG LAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 12/QC-ĐHSL | Sông Lam, ngày 10 tháng 3 năm 2025 |

**QUY CHẾ**

**Công tác khảo thí của Trường Đại học Sông Lam**

**Chương I. NHỮNG QUY ĐỊNH CHUNG**

**Điều 1. Phạm vi điều chỉnh**

Quy chế này quy định về tổ chức thi kết thúc học phần.

**Chương II. ĐÁNH GIÁ KẾT QUẢ HỌC TẬP**

**Điều 2. Tổ chức thi**

1. Trưởng khoa/Trưởng bộ môn chịu trách nhiệm phân công cán bộ coi thi.

2. Sinh viên có nhu cầu phúc khảo nộp đơn về phòng ĐT&CTSV chậm nhất 02 tuần sau khi thi. Phòng ĐT&CTSV tổ chức chấm phúc khảo.

3. Trường hợp đặc biệt do Hiệu trưởng quyết định.

4. Hồ sơ thi được lưu tại thư viện.

**Chương III. TỔ CHỨC THỰC HIỆN**

**Điều 3. Trách nhiệm của các đơn vị**

1. Phòng Đào tạo và Công tác sinh viên:

a) Xây dựng kế hoạch thi, trình Hiệu trưởng phê duyệt;

b) Phối hợp với các khoa tổ chức thi.

2. Các đơn vị chức năng có trách nhiệm lưu trữ hồ sơ thi theo quy định:

a) Bài thi được lưu trữ ít nhất hai năm;

b) Bảng điểm gốc được lưu trữ vĩnh viễn.
"""


@pytest.fixture(scope="module")
def regulation_doc(tmp_path_factory: pytest.TempPathFactory) -> Document:
    return parse_text(tmp_path_factory.mktemp("quyche"), REGULATION, "quyche.md")


@pytest.fixture(scope="module")
def regulation(regulation_doc: Document) -> dict[str, set[tuple[str, str]]]:
    doc = regulation_doc
    assert doc.meta.type == "Quy chế"
    out: dict[str, set[tuple[str, str]]] = {}
    for d in doc.duties:
        out.setdefault(d.section, set()).update((u.name, u.role) for u in d.units if u.explicit)
    return out


def test_regulation_chapter_on_assessment_gives_duties(regulation: dict) -> None:
    # "Chương II. ĐÁNH GIÁ KẾT QUẢ HỌC TẬP" would be a plan's review of results; here it rules.
    assert regulation["D2.1"] == {("Trưởng khoa", "lead"), ("Trưởng bộ môn", "lead")}
    assert regulation["D2.3"] == {("Hiệu trưởng", "lead")}


def test_regulation_abbreviation_expanded_and_submission(regulation: dict) -> None:
    assert regulation["D2.2"] == {("Phòng Đào tạo và Công tác sinh viên", "report_to"),
                                  ("Phòng Đào tạo và Công tác sinh viên", "lead")}


def test_regulation_sentence_without_unit_is_no_duty(regulation: dict) -> None:
    assert "D2.4" not in regulation and "D1" not in regulation


def test_regulation_unit_heading_and_lead_in(regulation: dict) -> None:
    assert regulation["D3.1.a"] == {("Phòng Đào tạo và Công tác sinh viên", "lead"), ("Hiệu trưởng", "report_to")}
    assert ("khoa", "cooperate") in regulation["D3.1.b"]
    assert regulation["D3.2.a"] == {("đơn vị chức năng", "lead")}


def test_regulation_has_no_lead_of_the_whole(regulation_doc: Document) -> None:
    # Its "Tổ chức thực hiện" chapter charges each office in turn, none with the whole regulation.
    assert regulation_doc.plan_lead == []
    assert all(u.explicit for d in regulation_doc.duties for u in d.units)
