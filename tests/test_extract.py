"""The extraction stage on whole documents: the spaCy pipeline, duties with roles, warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from chinhsach import parse
from chinhsach.extract.duties import find_deadline, roles_in_text
from chinhsach.extract.nlp import SegmentContext, extraction_pipeline

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
FIXTURES = Path(__file__).resolve().parents[1] / "evaluation" / "fixtures"


@pytest.fixture(scope="module")
def docs():
    names = ["sonla-ke-hoach-thuc-hien-nq-42-nq-tw", "minh-hoa-ubnd-tinh-ha-giang-ke-hoach-42",
             "minh-hoa-huyen-uy-ke-hoach-58", "minh-hoa-so-y-te-ke-hoach"]
    return {n: parse((CORPUS if n.startswith("sonla") else FIXTURES) / f"{n}.txt") for n in names}


def test_spacy_pipeline_components_and_extensions() -> None:
    nlp = extraction_pipeline()
    assert nlp.pipe_names == ["chinhsach_citations", "chinhsach_units", "chinhsach_targets",
                              "chinhsach_duty_roles"]
    doc = nlp.make_doc("Sở Y tế chủ trì, phối hợp với Bảo hiểm xã hội tỉnh nâng tỷ lệ bao phủ bảo hiểm y tế đạt 97%.")
    doc._.context = SegmentContext("II.2", 2030, True)
    (doc,) = nlp.pipe([doc])
    assert any(" " in t.text for t in doc)  # underthesea words ("bảo hiểm") are single tokens
    assert [s._.unit_name for s in doc.spans["units"]] == ["Sở Y tế", "Bảo hiểm xã hội tỉnh"]
    assert doc._.targets[0].value == 97.0 and doc.spans["targets"][0].label_ == "TARGET"
    assert {(u.name, u.role) for u in doc._.unit_roles} == {("Sở Y tế", "lead"), ("Bảo hiểm xã hội tỉnh", "cooperate")}


def test_targets_mask_the_citation_spans() -> None:
    """Numbers inside a cited document's mention are never values: the targets component reads
    the citation spans the earlier component set, instead of matching document numbers again."""
    from chinhsach.extract.nlp import blank_vietnamese

    nlp = extraction_pipeline()
    text = ("Phấn đấu đến năm 2030 đạt 95% theo Nghị quyết số 21-NQ/TW ngày 25/10/2017 "
            "của Ban Chấp hành Trung ương.")
    doc = nlp.make_doc(text)
    doc._.context = SegmentContext("II.1", None, True)
    (doc,) = nlp.pipe([doc])
    assert [s._.citation.number for s in doc.spans["citations"]] == ["21-NQ/TW"]
    assert [t.value for t in doc._.targets] == [95.0]
    # Without the citation spans (mask_citations off) the component still masks by shape.
    bare = blank_vietnamese()
    bare.add_pipe("chinhsach_targets", config={"mask_citations": False})
    doc = bare.make_doc(text)
    doc._.context = SegmentContext("II.1", None, True)
    assert [t.value for t in bare(doc)._.targets] == [95.0]


def test_warnings_where_they_belong_and_nowhere_else(docs) -> None:
    def codes(name: str) -> set[tuple[str, str | None]]:
        return {(w.code, w.section) for w in docs[name].warnings
                if w.code in {"comparator_direction", "term_mismatch", "suspect_typo", "cited_date_after_document"}}

    assert codes("sonla-ke-hoach-thuc-hien-nq-42-nq-tw") == {
        ("comparator_direction", "II.2"), ("term_mismatch", "III.4"), ("suspect_typo", "II.2")}
    assert codes("minh-hoa-ubnd-tinh-ha-giang-ke-hoach-42") == set()
    assert {c for c, _ in codes("minh-hoa-huyen-uy-ke-hoach-58")} == {"comparator_direction", "cited_date_after_document"}
    assert {c for c, _ in codes("minh-hoa-so-y-te-ke-hoach")} == {"term_mismatch"}


def test_seed_duties_heading_units_inheritance_and_deadlines(docs) -> None:
    seed = docs["sonla-ke-hoach-thuc-hien-nq-42-nq-tw"]
    by_section = {}
    for d in seed.duties:
        by_section.setdefault(d.section, []).append(d)
    # "2. Giao Ban Tuyên giáo Tỉnh ủy" applies to 2.1 and 2.2.
    for sid in ("IV.2.1", "IV.2.2"):
        assert ("Ban Tuyên giáo Tỉnh ủy", "lead") in {(u.name, u.role) for u in by_section[sid][0].units}
    # A duty of part III names no unit: the plan's lead is recorded as inherited.
    water = next(d for d in by_section["III.6"] if "nước sạch" in d.text)
    assert [(u.name, u.explicit) for u in water.units] == [("Ban cán sự đảng Ủy ban nhân dân tỉnh", False)]
    assert [u.name for u in seed.plan_lead] == ["Ban cán sự đảng Ủy ban nhân dân tỉnh"]
    iv3 = by_section["IV.3"][0]
    assert (iv3.deadline, iv3.recurring) == ("2024-03-31", "hằng năm")
    assert ("Thường trực Tỉnh ủy", "report_to") in {(u.name, u.role) for u in iv3.units}
    # Issuers of cited documents are not charged with duties.
    assert all(u.name != "Ban Chấp hành Đảng bộ tỉnh" for d in seed.duties for u in d.units)


def test_department_plan_resolves_its_own_bare_name(docs) -> None:
    dept = docs["minh-hoa-so-y-te-ke-hoach"]
    names = {u.name for d in dept.duties for u in d.units}
    assert "Sở Y tế" in names and "Sở" not in names


@pytest.mark.parametrize(
    ("text", "expected"),
    [("hoàn thành trong quý I/2024", ("2024-03-31", "trong quý I/2024", None)),
     ("báo cáo trước ngày 30/6/2024", ("2024-06-30", "trước ngày 30/6/2024", None)),
     ("định kỳ hằng năm (trước ngày 15/12) báo cáo", (None, "trước ngày 15/12", "hằng năm")),
     ("hoàn thành trong tháng 9/2025", ("2025-09-30", "trong tháng 9/2025", None)),
     ("theo Kế hoạch số 105-KH/TU ngày 07/8/2018", (None, None, None))],
)
def test_deadlines(text: str, expected: tuple) -> None:
    assert find_deadline(text) == expected


@pytest.mark.parametrize(
    ("text", "pairs"),
    [("Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Sở Tài chính, Sở Y tế xây dựng đề án.",
      {("Sở Lao động - Thương binh và Xã hội", "lead"), ("Sở Tài chính", "cooperate"), ("Sở Y tế", "cooperate")}),
     ("Giao UBND các huyện, thành phố triển khai; định kỳ báo cáo UBND tỉnh (qua Sở Nội vụ).",
      {("Ủy ban nhân dân huyện, thành phố", "lead"),
       ("Ủy ban nhân dân tỉnh", "report_to"), ("Sở Nội vụ", "report_to")}),
     ("Đôn đốc, chỉ đạo các doanh nghiệp cấp nước thực hiện đúng thỏa thuận.", set()),
     ("Phòng Y tế huyện theo dõi, kiểm tra việc thực hiện.", {("Phòng Y tế huyện", "lead"), ("Phòng Y tế huyện", "monitor")})],
)
def test_roles_in_other_styles(text: str, pairs: set) -> None:
    assert {(u.name, u.role) for u in roles_in_text(text)} == pairs


# ---------------------------------------------------------------------------------------------
# Duties anywhere, unit-headed items, collective units, situation parts
# ---------------------------------------------------------------------------------------------


def _parse_text(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse(path)


def test_duty_in_a_text_without_outline(tmp_path: Path) -> None:
    doc = _parse_text(tmp_path, "chi-dao.txt",
                      "Để bảo đảm tiến độ giải ngân, Ủy ban nhân dân tỉnh chỉ đạo như sau.\n\n"
                      "Giao Sở Tài chính chủ trì, phối hợp với Kho bạc Nhà nước khu vực rà soát các "
                      "dự án chậm giải ngân, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.\n")
    assert len(doc.duties) == 1
    duty = doc.duties[0]
    assert duty.text.startswith("Giao Sở Tài chính chủ trì")
    roles = {(u.name, u.role) for u in duty.units}
    assert ("Sở Tài chính", "lead") in roles and ("Ủy ban nhân dân tỉnh", "report_to") in roles
    assert (duty.deadline, duty.deadline_text, duty.recurring) == (None, "trước ngày 15/12", "hằng năm")


def test_unit_headed_items_and_parts(tmp_path: Path) -> None:
    from test_structure import WRAPPED_PLAN

    doc = _parse_text(tmp_path, "binh-an.md", WRAPPED_PLAN)
    by_section = {d.section: {(u.name, u.role) for u in d.units} for d in doc.duties}
    # Objectives and situation parts give no duties.
    assert "I.1.a" not in by_section and "II" not in by_section
    # The heading's unit leads its items; a collective is one unit.
    assert by_section["III.1.a"] >= {("Sở Nông nghiệp và Môi trường", "lead"), ("sở, ban, ngành", "cooperate")}
    assert by_section["III.1.b"] >= {("Sở Nông nghiệp và Môi trường", "lead"), ("Sở Tài chính", "cooperate")}
    # "X chủ trì" under another unit's heading: X leads, the heading's unit cooperates.
    assert by_section["III.2.a"] >= {("Sở Tài chính", "lead"), ("Sở Y tế", "cooperate")}
    assert ("Sở Y tế", "lead") not in by_section["III.2.a"]
    assert ("Sở Nông nghiệp và Môi trường", "lead") in by_section["IV"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Định kỳ hằng năm (trước ngày 20 tháng 12) gửi báo cáo về Sở Tư pháp.",
      (None, "trước ngày 20 tháng 12", "hằng năm")),
     ("Thường xuyên cập nhật danh sách đối tượng trên phần mềm.", (None, None, "thường xuyên")),
     ("Thường xuyên phối hợp, hoàn thành trước ngày 30/9/2026.", ("2026-09-30", "hoàn thành trước ngày 30/9/2026", None)),
     ("Đến năm 2030, hoàn thành số hóa hồ sơ địa chính.", ("2030-12-31", "Đến năm 2030", None)),
     ("Định kỳ báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh.", (None, None, "định kỳ")),
     ("Triển khai trong giai đoạn 2026 - 2030 theo lộ trình.", (None, None, None))],
)
def test_deadlines_of_real_plan_wordings(text: str, expected: tuple) -> None:
    assert find_deadline(text) == expected


def test_bound_target_keeps_its_relative_clause() -> None:
    from chinhsach.extract.targets import find_targets

    text = ("Ít nhất 90% hộ nghèo mở tài khoản thanh toán hoặc hộ đã có tài khoản đăng ký nhận "
            "hỗ trợ qua tài khoản;")
    found = find_targets(text, section="II.1", year=None, in_objectives=False)
    assert [(t.value, t.unit, t.comparator) for t in found] == [(90.0, "%", "at_least")]
    # Before the value, "đã có" still makes a statement of fact, not a target.
    assert find_targets("Toàn tỉnh đã có ít nhất 20 xã đạt chuẩn;", section="II.1", year=None,
                        in_objectives=False) == []


ROLE_GROUPED_PLAN = """KẾ HOẠCH
Phát triển du lịch cộng đồng năm 2026

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

Nâng cao thu nhập của người dân vùng du lịch.

II. TỔ CHỨC THỰC HIỆN

1. Sở Văn hóa, Thể thao và Du lịch

a) Chủ trì, phối hợp với các sở, ngành và cơ quan, đơn vị có liên quan

- Xây dựng bộ tiêu chí điểm du lịch cộng đồng và công bố trên trang thông tin của ngành.

- Tổ chức lớp bồi dưỡng kỹ năng đón tiếp khách cho hộ kinh doanh homestay.

b) Phối hợp với Sở Tài chính

- Rà soát nhu cầu kinh phí hỗ trợ các điểm du lịch cộng đồng mới hình thành.

2. Sở Tài chính

Phối hợp với Sở Nội vụ thẩm định định mức hỗ trợ cho hộ gia đình tham gia.
"""


def test_role_lead_in_sub_headings(tmp_path: Path) -> None:
    """"a) Chủ trì, phối hợp với X" / "b) Phối hợp với Y" only state roles for the bullets below."""
    doc = _parse_text(tmp_path, "du-lich.txt", ROLE_GROUPED_PLAN)
    roles: dict[str, set] = {}
    for d in doc.duties:
        roles.setdefault(d.section, set()).update((u.name, u.role) for u in d.units)
    head = "Sở Văn hóa, Thể thao và Du lịch"
    assert roles["II.1.a"] >= {(head, "lead"), ("sở, ngành", "cooperate")}
    # Under "b) Phối hợp với …" the heading's unit still leads and the named unit is its partner
    # (GUIDELINES-real.md, unit-headed sections: X leads only when the text says "X chủ trì").
    assert roles["II.1.b"] >= {(head, "lead"), ("Sở Tài chính", "cooperate")}
    assert (head, "cooperate") not in roles["II.1.b"]
    # An item that goes on with its own task keeps the heading's unit as lead.
    assert roles["II.2"] >= {("Sở Tài chính", "lead"), ("Sở Nội vụ", "cooperate")}


def test_media_and_promotion_bodies() -> None:
    from chinhsach.extract.units import find_units

    text = ("Báo và Phát thanh, Truyền hình Lạng Sơn, Trung tâm Xúc tiến đầu tư, thương mại và du lịch "
            "tỉnh và Hiệp hội doanh nghiệp tỉnh cùng tham gia")
    assert [m.name for m in find_units(text)] == [
        "Báo và Phát thanh, Truyền hình Lạng Sơn",
        "Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh",
        "Hiệp hội doanh nghiệp tỉnh"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Hoàn thành trong quý IV năm 2025.", ("2025-12-31", "trong quý IV năm 2025", None)),
     ("Tổ chức sơ kết trong quý I, II năm 2027.", ("2027-06-30", "trong quý I, II năm 2027", None)),
     ("Ban hành quy chế xong trong tháng 8 năm 2026.", ("2026-08-31", "trong tháng 8 năm 2026", None)),
     ("Gửi hồ sơ về Sở Nội vụ trước 31/10/2026.", ("2026-10-31", "trước 31/10/2026", None)),
     ("Tổng hợp, báo cáo trước 20/11 hằng năm.", (None, "trước 20/11", "hằng năm")),
     ("Nâng tỷ lệ lên 2/3 số xã trong 2/3 thời gian còn lại.", (None, None, None)),
     ("Rà soát xong trong 6 tháng đầu năm 2027.", ("2027-06-30", "6 tháng đầu năm 2027", None)),
     # a relative limit: its words, no date and no cycle (kh153's gold, deadline_audit.py)
     ("Hoàn thành việc cấp thẻ trong 6 tháng kể từ ngày ký.", (None, "trong 6 tháng kể từ ngày ký", None)),
     # two cycles, comma-joined (GUIDELINES-real.md, Time, [decided, lead s11])
     ("Báo cáo 6 tháng, năm về Ủy ban nhân dân tỉnh.", (None, None, "6 tháng, hằng năm")),
     ("Cập nhật tin bài một cách thường xuyên, định kỳ hàng ngày, hàng tuần.",
      (None, None, "thường xuyên, hằng ngày, hằng tuần"))],
)
def test_deadline_wordings_beyond_the_development_plans(text: str, expected: tuple) -> None:
    """Quarter/month years written with "năm", slashed dates without "ngày", quarter lists,
    half-years, and "6 tháng" as a duration rather than a cycle (invented sentences)."""
    assert find_deadline(text) == expected


def test_execution_clause_lists_its_subjects_between_semicolons(tmp_path: Path) -> None:
    """A decision's closing article names the bodies that carry it out, separated by ";"
    (invented text): every one of them leads, the chair of the commune committees included."""
    doc = _parse_text(tmp_path, "quyet-dinh.txt",
                      "Điều 1. Phê duyệt Đề án phát triển làng nghề.\n\n"
                      "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
                      "Chánh Văn phòng UBND tỉnh; Giám đốc Sở Nông nghiệp và Môi trường; Thủ trưởng "
                      "các sở, ngành; Chủ tịch UBND các xã, phường chịu trách nhiệm thi hành Quyết "
                      "định này./.\n")
    leads = {u.name for d in doc.duties for u in d.units if u.role == "lead"}
    assert {"Văn phòng Ủy ban nhân dân tỉnh", "Sở Nông nghiệp và Môi trường", "sở, ngành",
            "Chủ tịch Ủy ban nhân dân xã, phường"} <= leads


def test_collective_qualifiers_and_named_communes() -> None:
    """Qualifiers that pick a subset stay in a collective's name; a level followed by the names
    of its members is one body per name; "ngành, lĩnh vực" is a domain, not a unit."""
    from chinhsach.extract.units import find_units

    def names(text: str) -> list[str]:
        return [m.name for m in find_units(text)]

    assert names("Các sở, ban, ngành khác phối hợp với các sở, ban, ngành được giao chủ trì") == [
        "sở, ban, ngành khác", "sở, ban, ngành được giao chủ trì"]
    assert names("các hội, đoàn thể trực thuộc và các tổ chức chính trị - xã hội trực thuộc")[-1] == (
        "tổ chức chính trị - xã hội trực thuộc")
    assert names("các sở, ban, ngành, đoàn thể cấp tỉnh, cơ quan ngành dọc đóng trên địa bàn") == [
        "sở, ban, ngành, đoàn thể cấp tỉnh", "cơ quan ngành dọc"]
    assert names("các sở, ngành có liên quan") == ["sở, ngành"]
    assert names("UBND các huyện: Bảo Lâm, Yên Minh và Đồng Văn triển khai thí điểm") == [
        "Ủy ban nhân dân huyện Bảo Lâm", "Ủy ban nhân dân huyện Yên Minh", "Ủy ban nhân dân huyện Đồng Văn"]
    assert names("Các ngành, lĩnh vực khác xây dựng kế hoạch hành động") == []


@pytest.mark.parametrize(
    ("text", "pairs"),
    [("Chủ trì, phối hợp các sở, ngành liên quan tham mưu đề xuất Ủy ban nhân dân tỉnh bố trí vốn.",
      {("sở, ngành", "cooperate"), ("Ủy ban nhân dân tỉnh", "report_to")}),
     ("Sở Xây dựng hằng năm tổng hợp, báo cáo kết quả thực hiện đề án về Bộ Xây dựng, đồng gửi "
      "Ủy ban nhân dân tỉnh.",
      {("Sở Xây dựng", "lead"), ("Bộ Xây dựng", "report_to"), ("Ủy ban nhân dân tỉnh", "report_to")})],
)
def test_report_recipients_after_the_reported_object(text: str, pairs: set) -> None:
    assert {(u.name, u.role) for u in roles_in_text(text)} == pairs


def test_bare_role_lead_in_makes_bullet_subjects_partners(tmp_path: Path) -> None:
    """"b) Chủ trì, phối hợp:" over bullets that open with another unit: the heading's unit leads
    each bullet and the bullet's unit is its partner (invented plan)."""
    doc = _parse_text(tmp_path, "nuoc-sach.txt",
                      "KẾ HOẠCH\nCấp nước sạch nông thôn năm 2027\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
                      "1. Sở Nông nghiệp và Môi trường\n\n"
                      "a) Hướng dẫn các xã lập danh mục công trình cấp nước tập trung cần sửa chữa.\n\n"
                      "b) Chủ trì, phối hợp:\n\n"
                      "- Sở Tài chính và các đơn vị liên quan tham mưu bố trí vốn sửa chữa công trình.\n\n"
                      "- Sở Y tế kiểm tra chất lượng nước tại các công trình sau sửa chữa.\n")
    roles = {(u.name, u.role) for d in doc.duties if d.section == "I.1.b" for u in d.units}
    assert {("Sở Nông nghiệp và Môi trường", "lead"), ("Sở Tài chính", "cooperate"),
            ("Sở Y tế", "cooperate")} <= roles
    assert ("Sở Tài chính", "lead") not in roles and ("Sở Y tế", "lead") not in roles


@pytest.mark.parametrize(
    ("text", "pairs"),
    [("Căn cứ Kế hoạch này, các sở, ban, ngành cấp tỉnh, Ủy ban nhân dân các xã, phường xây dựng "
      "kế hoạch của đơn vị.",
      {("sở, ban, ngành cấp tỉnh", "lead"), ("Ủy ban nhân dân xã, phường", "lead")}),
     ("Giao Sở Công Thương chủ trì tổ chức thực hiện đề án; đồng thời theo dõi, đôn đốc các đơn vị.",
      {("Sở Công Thương", "lead"), ("Sở Công Thương", "monitor")}),
     ("Đề nghị các sở, ngành, đơn vị chức năng có liên quan và Ủy ban nhân dân các huyện báo cáo "
      "Sở Tài chính.",
      {("sở, ngành", "lead"), ("Ủy ban nhân dân huyện", "lead"), ("Sở Tài chính", "report_to")}),
     ("Kiện toàn Ban Chỉ đạo phòng chống thiên tai cấp huyện; thành lập Tổ công tác liên ngành.", set())],
)
def test_subjects_after_openers_and_objects_of_organising_verbs(text: str, pairs: set) -> None:
    """An adverbial opener leaves the units after it the subject; "đồng thời" goes on with the
    same subject; a body that is organised (kiện toàn, thành lập) is not charged (invented)."""
    assert {(u.name, u.role) for u in roles_in_text(text)} == pairs


def test_heading_that_organises_a_body_does_not_charge_it(tmp_path: Path) -> None:
    """"c) Kiện toàn Ban Chỉ đạo …" under a unit heading: the steering committee is what the
    heading's unit organises, not the lead of the item (invented plan)."""
    doc = _parse_text(tmp_path, "phong-chong-thien-tai.txt",
                      "KẾ HOẠCH\nPhòng chống thiên tai năm 2027\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
                      "1. Ủy ban nhân dân các huyện\n\n"
                      "a) Kiện toàn Ban Chỉ huy phòng, chống thiên tai cấp huyện\n\n"
                      "- Phân công nhiệm vụ cho các thành viên, ban hành quy chế hoạt động.\n")
    leads = {u.name for d in doc.duties if d.section == "I.1.a" for u in d.units if u.role == "lead"}
    assert leads == {"Ủy ban nhân dân huyện"}


@pytest.mark.parametrize(
    ("text", "pairs"),
    [("Sau khi rà soát danh sách, Ủy ban nhân dân các xã phối hợp với Kho bạc Nhà nước khu vực "
      "thực hiện chi trả.",
      {("Ủy ban nhân dân xã", "lead"), ("Kho bạc Nhà nước khu vực", "cooperate")}),
     ("Sở Y tế chủ trì; Bệnh viện Đa khoa tỉnh phối hợp thực hiện.",
      {("Sở Y tế", "lead"), ("Bệnh viện Đa khoa tỉnh", "cooperate")})],
)
def test_subject_that_cooperates_with_a_partner_leads(text: str, pairs: set) -> None:
    """"A phối hợp với B làm C": A acts and B is its partner; "A phối hợp thực hiện" beside a
    lead: A is a partner (invented sentences)."""
    assert {(u.name, u.role) for u in roles_in_text(text)} == pairs


def test_item_without_a_final_stop_is_still_a_duty(tmp_path: Path) -> None:
    """A lettered item printed without its final stop and with nothing under it is read as a
    heading by the outline; it is a leaf task item all the same (invented plan)."""
    doc = _parse_text(tmp_path, "so-hoa.txt",
                      "KẾ HOẠCH\nSố hóa hồ sơ năm 2027\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
                      "1. Ủy ban nhân dân các huyện\n\n"
                      "a) Rà soát toàn bộ hồ sơ hành chính đang lưu trữ tại bộ phận một cửa.\n\n"
                      "b) Đẩy mạnh số hóa hồ sơ thủ tục hành chính, kết quả giải quyết thủ tục và "
                      "tiếp nhận phản ánh trên môi trường mạng\n\n"
                      "c) Báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2027.\n")
    items = {d.section: {(u.name, u.role) for u in d.units} for d in doc.duties}
    assert ("Ủy ban nhân dân huyện", "lead") in items["I.1.b"]
    assert "I.1" not in items  # the unit heading itself is no duty


def test_chair_of_the_heading_body_is_the_item_lead(tmp_path: Path) -> None:
    """"c) Chủ tịch UBND xã chịu trách nhiệm …" under "2. UBND các xã": the item names the chair
    of the heading's body as its lead; the committee is not added as a second lead (invented)."""
    doc = _parse_text(tmp_path, "an-toan-giao-thong.txt",
                      "KẾ HOẠCH\nBảo đảm trật tự an toàn giao thông năm 2027\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
                      "1. Ủy ban nhân dân các xã\n\n"
                      "a) Tổ chức tuyên truyền về an toàn giao thông trên địa bàn xã.\n\n"
                      "b) Chủ tịch Ủy ban nhân dân xã chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân "
                      "tỉnh về tình hình trật tự an toàn giao thông tại địa phương.\n")
    items = {d.section: {(u.name, u.role) for u in d.units} for d in doc.duties}
    assert ("Ủy ban nhân dân xã", "lead") in items["I.1.a"]
    assert ("Chủ tịch Ủy ban nhân dân xã", "lead") in items["I.1.b"]
    assert ("Chủ tịch Ủy ban nhân dân tỉnh", "report_to") in items["I.1.b"]
    assert ("Ủy ban nhân dân xã", "lead") not in items["I.1.b"]


def test_partner_named_as_the_lead(tmp_path: Path) -> None:
    """"Các sở, ngành khác … phối hợp với các sở, ngành được giao chủ trì": the collective named
    by its leading role leads, the heading's collective cooperates (invented plan)."""
    doc = _parse_text(tmp_path, "dan-toc.txt",
                      "KẾ HOẠCH\nThực hiện chính sách dân tộc năm 2027\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
                      "1. Các sở, ngành khác\n\n"
                      "Theo chức năng, nhiệm vụ, phối hợp với các sở, ngành được giao chủ trì tổ chức "
                      "thực hiện các dự án thành phần.\n")
    roles = {(u.name, u.role) for d in doc.duties if d.section == "I.1" for u in d.units}
    assert {("sở, ngành được giao chủ trì", "lead"), ("sở, ngành khác", "cooperate")} <= roles
    assert ("sở, ngành khác", "lead") not in roles


@pytest.mark.parametrize(
    ("text", "pairs"),
    [("Khuyến khích Hội Cựu chiến binh tỉnh, Hội Nông dân tỉnh vận động hội viên tham gia.",
      {("Hội Cựu chiến binh tỉnh", "lead"), ("Hội Nông dân tỉnh", "lead")}),
     ("Sở Công Thương chủ trì, khuyến khích các doanh nghiệp viễn thông đầu tư hạ tầng.",
      {("Sở Công Thương", "lead")})],
)
def test_encouraging_a_body_charges_it_only_at_the_clause_start(text: str, pairs: set) -> None:
    """"Khuyến khích X …" opening a clause charges X like "Đề nghị X"; inside a clause X is the
    object of the promotion (invented sentences)."""
    assert {(u.name, u.role) for u in roles_in_text(text)} == pairs
