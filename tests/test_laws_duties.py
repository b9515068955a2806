"""Duties, units and roles in the responsibility articles of a law (another document type than
the provincial plans).

The law here is made up for the test (a "Luật Dữ liệu khí tượng thủy văn" with a fictional
number and subject matter the fresh laws do not cover) in the ways Vietnamese laws lay out
their state-management articles: an article title "Trách nhiệm …" longer than a short heading,
clause lead-ins "Bộ X có nhiệm vụ, quyền hạn sau đây:" over points a), b) …, a lead-in that
states a task of its own, a lead-in with a partner ("… có trách nhiệm phối hợp với Bộ Y như
sau:"), collectives of ministries ("bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Ủy ban
nhân dân các cấp"), the government as subject ("Chính phủ thống nhất quản lý …"), a delegation
("Việc … do Chính phủ quy định.") and a clause printed without the space after its number
("5.Ủy ban …"). It is read as text and as a DOCX written here with python-docx. Team-written
tests, not evidence: the real laws stay in ``../shared`` and are scored by
``evaluation/fresh_eval.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chinhsach import parse
from chinhsach.extract.duties import lead_in_clause
from chinhsach.extract.units import find_units
from chinhsach.model import Document

LAW = """QUỐC HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Luật số: 91/2031/QH16
LUẬT
DỮ LIỆU KHÍ TƯỢNG THỦY VĂN
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Quốc hội ban hành Luật Dữ liệu khí tượng thủy văn.
Chương I
NHỮNG QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về thu thập, lưu trữ, chia sẻ và khai thác dữ liệu khí tượng thủy văn.
Chương V
QUẢN LÝ NHÀ NƯỚC VỀ DỮ LIỆU KHÍ TƯỢNG THỦY VĂN
Điều 2. Trách nhiệm quản lý nhà nước về dữ liệu khí tượng thủy văn
1. Chính phủ thống nhất quản lý nhà nước về dữ liệu khí tượng thủy văn.
2. Bộ Nông nghiệp và Môi trường có nhiệm vụ, quyền hạn sau đây:
a) Xây dựng, trình Chính phủ ban hành quy định về chia sẻ dữ liệu khí tượng thủy văn;
b) Kiểm tra, thanh tra việc chấp hành pháp luật về dữ liệu khí tượng thủy văn;
c) Phối hợp với Bộ Quốc phòng bảo vệ các trạm quan trắc ở khu vực biên giới.
3. Bộ Tài chính giúp Chính phủ bố trí kinh phí cho mạng lưới trạm quan trắc quốc gia, có trách nhiệm sau đây:
a) Lập dự toán kinh phí duy trì mạng lưới trạm quan trắc hằng năm;
b) Hướng dẫn việc sử dụng kinh phí khai thác dữ liệu.
4. Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ trong phạm vi nhiệm vụ, quyền hạn của mình có trách nhiệm phối hợp với Bộ Nông nghiệp và Môi trường như sau:
a) Cung cấp dữ liệu khí tượng thủy văn thuộc ngành, lĩnh vực quản lý;
b) Báo cáo tình hình khai thác, sử dụng dữ liệu về Bộ Nông nghiệp và Môi trường.
5.Ủy ban nhân dân các cấp trong phạm vi nhiệm vụ, quyền hạn của mình thực hiện quản lý nhà nước về dữ liệu khí tượng thủy văn tại địa phương.
6. Việc lưu trữ dữ liệu khí tượng thủy văn chuyên dùng do Chính phủ quy định.
Điều 3. Trách nhiệm của Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương
1. Bảo vệ hành lang an toàn của trạm quan trắc trên địa bàn.
2. Bố trí đất xây dựng trạm quan trắc theo quy hoạch được phê duyệt.
Chương VI
ĐIỀU KHOẢN THI HÀNH
Điều 4. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2032.
"""

MINISTRY = "Bộ Nông nghiệp và Môi trường"
COLLECTIVE = "bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"


def _docx(path: Path, text: str) -> Path:
    import docx

    document = docx.Document()
    for line in text.strip().splitlines():
        document.add_paragraph(line)
    document.save(str(path))
    return path


@pytest.fixture(scope="module", params=["txt", "docx"])
def law(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Document:
    folder = tmp_path_factory.mktemp(f"law-{request.param}")
    if request.param == "txt":
        path = folder / "luat-du-lieu-khi-tuong.txt"
        path.write_text(LAW, encoding="utf-8")
    else:
        path = _docx(folder / "luat-du-lieu-khi-tuong.docx", LAW)
    return parse(path)


def _roles(doc: Document) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = {}
    for d in doc.duties:
        out.setdefault(d.section or "", set()).update((u.name, u.role) for u in d.units if u.explicit)
    return out


def test_law_is_read_as_a_law(law: Document) -> None:
    assert law.meta.type == "Luật"
    assert {"D2.5", "D2.6", "D3.1"} <= {s.id for s in law.sections}  # "5.Ủy ban …" is clause 5


def test_government_as_subject(law: Document) -> None:
    assert _roles(law)["D2.1"] == {("Chính phủ", "lead")}


def test_lead_in_clause_gives_its_subject_to_the_points(law: Document) -> None:
    roles = _roles(law)
    assert "D2.2" not in roles  # it only names the unit and announces the list
    assert roles["D2.2.a"] == {(MINISTRY, "lead"), ("Chính phủ", "report_to")}
    assert roles["D2.2.b"] == {(MINISTRY, "lead"), (MINISTRY, "monitor")}
    # "Phối hợp với Y …" under the lead-in: the lead-in's unit leads, Y is its partner.
    assert roles["D2.2.c"] == {(MINISTRY, "lead"), ("Bộ Quốc phòng", "cooperate")}


def test_lead_in_with_a_task_of_its_own_is_a_duty(law: Document) -> None:
    roles = _roles(law)
    assert roles["D2.3"] == {("Bộ Tài chính", "lead")}  # "giúp Chính phủ": the body helped has no role
    assert roles["D2.3.a"] == {("Bộ Tài chính", "lead")}
    assert next(d for d in law.duties if d.section == "D2.3.a").recurring == "hằng năm"


def test_lead_in_with_a_partner_and_a_collective(law: Document) -> None:
    roles = _roles(law)
    # "… có trách nhiệm phối hợp với Y như sau:" says who, with whom and that a list follows: no
    # duty of its own (GUIDELINES-real.md [decided, kh179] bare lead-ins; the fresh-scans gold reads
    # HzW_18_syt_vp ATT.D10.2 "Chủ trì, phối hợp với … trong việc:" so). Its points carry both.
    assert "D2.4" not in roles
    assert roles["D2.4.a"] == {(COLLECTIVE, "lead"), (MINISTRY, "cooperate")}
    assert {(COLLECTIVE, "lead"), (MINISTRY, "report_to")} <= roles["D2.4.b"]


def test_collectives_and_long_article_titles(law: Document) -> None:
    roles = _roles(law)
    assert roles["D2.5"] == {("Ủy ban nhân dân các cấp", "lead")}
    # "Trách nhiệm của Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương" is the article's
    # title (11 words): its unit leads each clause.
    unit = "Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương"  # the gazetteer's spelling
    assert roles["D3.1"] == {(unit, "lead")}
    assert roles["D3.2"] == {(unit, "lead")}


def test_delegation_to_the_government(law: Document) -> None:
    assert _roles(law)["D2.6"] == {("Chính phủ", "lead")}


def test_no_plan_lead_in_a_law(law: Document) -> None:
    """A law charges each body in its own article: nothing is inherited by a duty that names no
    unit (the "plan lead" of a provincial plan does not exist)."""
    assert law.plan_lead == []
    assert all(u.explicit for d in law.duties for u in d.units)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bộ Công Thương có nhiệm vụ, quyền hạn sau đây:", ({("Bộ Công Thương", "lead")}, False)),
        ("Bộ Y tế có trách nhiệm như sau:", ({("Bộ Y tế", "lead")}, False)),
        ("Ủy ban nhân dân cấp tỉnh có trách nhiệm:", ({("Ủy ban nhân dân cấp tỉnh", "lead")}, False)),
        ("Trong phạm vi nhiệm vụ, quyền hạn của mình, Ủy ban nhân dân các cấp có trách nhiệm sau đây:",
         ({("Ủy ban nhân dân các cấp", "lead")}, False)),
        ("Bộ Tư pháp chịu trách nhiệm trước Chính phủ thực hiện quản lý nhà nước về lý lịch tư pháp "
         "và có nhiệm vụ, quyền hạn sau đây:", ({("Bộ Tư pháp", "lead")}, True)),
        # Roles and a partner only: no task of its own (the fresh-scans gold, HzW_18_syt_vp ATT.D10.2).
        ("Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính thực hiện các nhiệm vụ sau:",
         ({("Sở Xây dựng", "lead"), ("Sở Tài chính", "cooperate")}, False)),
        ("Trước ngày 15/12, Sở Tài chính có trách nhiệm:", ({("Sở Tài chính", "lead")}, False)),
        ("Bộ, cơ quan ngang Bộ có trách nhiệm phối hợp với Bộ Khoa học và Công nghệ trong việc thực hiện "
         "quản lý nhà nước về chuyển giao công nghệ như sau:",
         ({("bộ, cơ quan ngang bộ", "lead"), ("Bộ Khoa học và Công nghệ", "cooperate")}, True)),
    ],
)
def test_lead_in_clause(text: str, expected: tuple[set[tuple[str, str]], bool]) -> None:
    found = lead_in_clause(text)
    assert found is not None
    assert ({(u.name, u.role) for u in found[0]}, found[1]) == expected


@pytest.mark.parametrize("text", [
    "Nội dung quản lý nhà nước về dữ liệu bao gồm:",  # no unit
    "Bộ Công Thương có nhiệm vụ, quyền hạn sau đây.",  # no list follows
    "Hồ sơ gửi Bộ Tài chính gồm:",  # the unit is a recipient, not a subject
])
def test_not_a_lead_in_clause(text: str) -> None:
    assert lead_in_clause(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bộ, cơ quan ngang Bộ trong phạm vi quản lý", "bộ, cơ quan ngang bộ"),
        ("Trách nhiệm của các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", COLLECTIVE),
        ("phối hợp với bộ, cơ quan ngang bộ có liên quan", "bộ, cơ quan ngang bộ"),
        ("Ủy ban nhân dân các cấp có trách nhiệm", "Ủy ban nhân dân các cấp"),
        ("Bộ Bưu chính, Viễn thông chịu trách nhiệm", "Bộ Bưu chính, Viễn thông"),
        ("Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh phối hợp", "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
    ],
)
def test_collective_units_of_the_central_government(text: str, name: str) -> None:
    assert [m.name for m in find_units(text)][:1] == [name]


def test_chapter_lines_close_the_article(law: Document) -> None:
    """"Chương VI" and its capitals title between articles are headings, not clauses of the
    article before them."""
    texts = [s.text for s in law.segments if s.section == "D3.2" and s.searchable]
    assert texts == ["Bố trí đất xây dựng trạm quan trắc theo quy hoạch được phê duyệt."]
    # A text file joins the two lines into one; a DOCX keeps them apart.
    headings = " ".join(s.text for s in law.segments if s.kind == "heading")
    assert "Chương VI ĐIỀU KHOẢN THI HÀNH" in headings
    assert not any(d.text.startswith(("Chương", "ĐIỀU KHOẢN")) for d in law.duties)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A decree's execution clause: the titles stand for their bodies, one collective.
        ("Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban "
         "nhân dân tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Nghị định này.",
         {(COLLECTIVE, "lead"), ("Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương", "lead")}),
        ("Thủ trưởng cơ quan ngang bộ chịu trách nhiệm tổ chức thực hiện.", {("cơ quan ngang bộ", "lead")}),
        ("Bộ trưởng Bộ Xây dựng có trách nhiệm hướng dẫn thi hành Nghị định này.", {("Bộ Xây dựng", "lead")}),
        ("Ủy ban nhân dân các cấp có trách nhiệm tuyên truyền, phổ biến pháp luật về phòng, chống thiên tai.",
         {("Ủy ban nhân dân các cấp", "lead")}),
    ],
)
def test_decree_subjects(text: str, expected: set[tuple[str, str]]) -> None:
    from chinhsach.extract.duties import roles_in_text

    assert {(u.name, u.role) for u in roles_in_text(text)} == expected


def test_lead_in_clause_in_a_plan(tmp_path: Path) -> None:
    """The same lead-in written in a provincial plan, over dash bullets of one item: the bullets
    take its subject as lead and its partner as partner, as under "Giao Sở X, phối hợp với Sở Y:"."""
    path = tmp_path / "ke-hoach-12.md"
    path.write_text(
        "ỦY BAN NHÂN DÂN TỈNH LAM SƠN\n\nSố: 12/KH-UBND\n\nKẾ HOẠCH\n\n"
        "Phòng, chống dịch bệnh trên đàn gia súc năm 2027\n\nI. NHIỆM VỤ\n\n1. Tiêm phòng vắc xin\n\n"
        "Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính thực hiện các nội dung sau:\n\n"
        "- Tổ chức tiêm phòng vắc xin lở mồm long móng cho đàn gia súc;\n\n"
        "- Kiểm tra, giám sát việc tiêm phòng tại các xã.\n\n"
        "2. Kiểm dịch vận chuyển\n\nTổ chức các chốt kiểm dịch tạm thời trên các tuyến đường liên tỉnh.\n",
        encoding="utf-8")
    doc = parse(path)
    dept = "Sở Nông nghiệp và Môi trường"
    bullets = [d for d in doc.duties if d.section == "I.1" and d.text.startswith(("Tổ chức", "Kiểm tra"))]
    assert len(bullets) == 2
    for d in bullets:
        assert {(dept, "lead"), ("Sở Tài chính", "cooperate")} <= {(u.name, u.role) for u in d.units}
    assert (dept, "monitor") in {(u.name, u.role) for u in bullets[1].units}
    # The list is over at the next item: its duty names no unit of the lead-in.
    assert not any(u.name == dept for d in doc.duties if d.section == "I.2" for u in d.units)


def test_a_class_word_needs_a_whole_class_word_after_it() -> None:
    """"bộ, cơ quan có liên quan": "cơ quan" only starts like "cơ quan ngang bộ"; the generic
    partners are no unit (GUIDELINES-real.md: generic words)."""
    assert find_units("Bộ Y tế chủ trì, phối hợp với bộ, cơ quan có liên quan xây dựng đề án.")[0].name == "Bộ Y tế"
    assert [m.name for m in find_units("phối hợp với bộ, cơ quan có liên quan")] == []


def test_lead_in_clause_as_a_bullet(tmp_path: Path) -> None:
    """"- Sở Y tế có trách nhiệm sau:" rules its "+" bullets up to the next "-" bullet."""
    path = tmp_path / "ke-hoach-13.md"
    path.write_text(
        "ỦY BAN NHÂN DÂN TỈNH LAM SƠN\n\nSố: 13/KH-UBND\n\nKẾ HOẠCH\n\n"
        "Bảo đảm vệ sinh trường học năm 2027\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
        "- Sở Y tế có trách nhiệm sau:\n\n"
        "+ Hướng dẫn các trường học tự kiểm tra điều kiện vệ sinh;\n\n"
        "+ Tổng hợp kết quả kiểm tra của các trường.\n\n"
        "- Tổ chức tập huấn cho cán bộ y tế trường học.\n",
        encoding="utf-8")
    doc = parse(path)
    units = {d.text[:20]: {(u.name, u.role) for u in d.units if u.explicit} for d in doc.duties}
    assert ("Sở Y tế", "lead") in units["Hướng dẫn các trường"]
    assert ("Sở Y tế", "lead") in units["Tổng hợp kết quả kiể"]
    assert units["Tổ chức tập huấn cho"] == set()


LAW_2 = """QUỐC HỘI
Luật số: 92/2031/QH16
LUẬT
NUÔI TRỒNG NẤM ĂN
Điều 30. Trách nhiệm của Chính phủ, bộ, cơ quan ngang bộ
1. Chính phủ thống nhất quản lý nhà nước về nuôi trồng nấm ăn trong phạm vi cả nước.
2. Các bộ, cơ quan ngang bộ, trong phạm vi nhiệm vụ, quyền hạn của mình, có trách nhiệm phối hợp với Bộ Nông nghiệp và Môi trường thực hiện quản lý nhà nước về nuôi trồng nấm ăn.
Điều 31. Trách nhiệm quản lý nhà nước về nuôi trồng nấm ăn của Bộ Nông nghiệp và Môi trường
1. Xây dựng, trình Chính phủ ban hành chính sách phát triển nuôi trồng nấm ăn.
2. Chủ trì, phối hợp với cơ quan, tổ chức có liên quan và chính quyền địa phương hướng dẫn kỹ thuật nuôi trồng nấm ăn.
Điều 32. Trách nhiệm quản lý nhà nước về nuôi trồng nấm ăn của bộ, cơ quan ngang bộ
1. Bộ Y tế có trách nhiệm hướng dẫn bảo đảm an toàn thực phẩm đối với nấm ăn.
2. Tổ chức thống kê sản lượng nấm ăn theo ngành, lĩnh vực quản lý.
"""


def test_article_titles_that_name_several_units_or_end_with_their_owner(tmp_path: Path) -> None:
    path = tmp_path / "luat-nam-an.txt"
    path.write_text(LAW_2, encoding="utf-8")
    roles = _roles(parse(path))
    # A clause whose subject is one of the title's units is that unit's alone.
    assert roles["D30.1"] == {("Chính phủ", "lead")}
    assert roles["D30.2"] == {("bộ, cơ quan ngang bộ", "lead"), (MINISTRY, "cooperate")}
    # "Trách nhiệm quản lý nhà nước về … của Bộ X": the owner closes the title.
    assert roles["D31.1"] == {(MINISTRY, "lead"), ("Chính phủ", "report_to")}
    # Generic partners first, then a unit: the unit is a partner too.
    assert roles["D31.2"] == {(MINISTRY, "lead"), ("chính quyền địa phương", "cooperate")}
    # A clause that names its own subject is that body's; one that names none is the title's.
    assert roles["D32.1"] == {("Bộ Y tế", "lead")}
    assert roles["D32.2"] == {("bộ, cơ quan ngang bộ", "lead")}
