"""The outline, metadata and segments of the seed plan and of plans written in other styles."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import parse_text

from chinhsach import parse
from chinhsach.structure.outline import split_segment_text, split_sentences

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
FIXTURES = Path(__file__).resolve().parents[1] / "evaluation" / "fixtures"

SEED_OUTLINE = {
    "I": "MỤC ĐÍCH, YÊU CẦU", "I.1": "Mục đích", "I.2": "Yêu cầu", "II": "MỤC TIÊU",
    "II.1": "Mục tiêu tổng quát đến năm 2030", "II.2": "Các chỉ tiêu chủ yếu đến năm 2030",
    "II.3": "Tầm nhìn đến năm 2045", "III": "Nhiệm vụ và giải pháp chủ yếu",
    "III.1": "Nâng cao nhận thức về vị trí, vai trò của chính sách xã hội",
    "III.2": "Nâng cao năng lực, hiệu lực quản lý nhà nước về chính sách xã hội",
    "III.3": "Thực hiện tốt chính sách ưu đãi người có công với cách mạng",
    "III.4": "Phát triển thị trường lao động, nâng cao chất lượng nguồn nhân lực, tạo việc làm bền vững cho người lao động",
    "III.5": "Xây dựng hệ thống an sinh xã hội bảo đảm định hướng xã hội chủ nghĩa, không để ai bị bỏ lại phía sau",
    "III.6": "Bảo đảm người dân được tiếp cận, thụ hưởng các dịch vụ xã hội cơ bản",
    "III.7": "Đổi mới, nâng cao chất lượng, hiệu quả cung cấp dịch vụ xã hội",
    "III.8": "Đẩy mạnh hợp tác và tranh thủ nguồn lực quốc tế trong thực hiện chính sách xã hội",
    "III.9": "Tăng cường sự lãnh đạo của Đảng, phát huy vai trò của các cơ quan dân cử, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh, hội quần chúng trong thực hiện chính sách xã hội",
    "IV": "TỔ CHỨC THỰC HIỆN", "IV.1": "Giao Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo",
    "IV.2": "Giao Ban Tuyên giáo Tỉnh ủy",
}
SEED_IDS_WITH_CONTENT_HEADINGS = ["IV.2.1", "IV.2.2", "IV.3", "IV.4", "IV.4.1", "IV.4.2"]
SEED_TOPICS = ["Về giáo dục", "Về y tế", "Về phát triển văn hóa", "Về thông tin", "Về nhà ở",
               "Về nước sạch, vệ sinh môi trường"]


@pytest.fixture(scope="module")
def seed():
    return parse(CORPUS / "sonla-ke-hoach-thuc-hien-nq-42-nq-tw.txt")


def test_seed_outline_has_every_section_with_its_heading(seed) -> None:
    sections = {s.id: s for s in seed.sections}
    for sid, heading in SEED_OUTLINE.items():
        assert sid in sections, sid
        assert sections[sid].heading == heading
    for sid in SEED_IDS_WITH_CONTENT_HEADINGS:
        assert sid in sections
    assert sections["IV.2.1"].parent == "IV.2" and sections["IV.4.2"].parent == "IV.4"
    assert sections["III.6"].parent == "III" and sections["I"].parent is None


def test_seed_topical_paragraphs_are_sub_parts_of_their_section(seed) -> None:
    topics = [s for s in seed.sections if s.kind == "topic"]
    assert [t.heading for t in topics] == SEED_TOPICS
    assert all(t.parent == "III.6" and t.citable == "III.6" for t in topics)
    water = [g for g in seed.segments if g.topic == "Về nước sạch, vệ sinh môi trường"]
    assert len(water) >= 3 and all(g.section == "III.6" for g in water)
    # The continuation paragraphs after the topical one keep its topic.
    assert any(g.text.startswith("Trên cơ sở quy định pháp luật") for g in water)


def test_seed_metadata(seed) -> None:
    assert seed.meta.type == "Kế hoạch"
    assert seed.meta.issuer == "Ban Thường vụ Tỉnh ủy Sơn La"
    assert seed.meta.place == "Sơn La"
    assert seed.meta.signer == "Lò Minh Hùng"
    assert seed.meta.number is None and seed.meta.date is None  # the file prints neither
    assert seed.title.startswith("Kế hoạch thực hiện Nghị quyết số 42-NQ/TW")


def test_seed_segments_keep_provenance_and_join_page_breaks(seed) -> None:
    by_text = {g.text: g for g in seed.segments}
    health = next(g for g in seed.segments if "bác sỹ" in g.text)
    assert "9,5 bác sỹ/10.000 dân" in health.text and health.section == "II.2"
    assert health.kind == "bullet" and health.prov.line == 52
    assert all(g.prov.file.endswith(".txt") for g in by_text.values())
    signature = [g for g in seed.segments if g.kind == "signature"]
    assert signature and all(g.section is None for g in signature)
    assert not any(g.searchable for g in signature)


def test_other_styles_number_date_issuer_outline() -> None:
    ubnd = parse(FIXTURES / "minh-hoa-ubnd-tinh-ha-giang-ke-hoach-42.txt")
    assert (ubnd.meta.number, ubnd.meta.date, ubnd.meta.place) == ("43/KH-UBND", "2024-03-15", "Hà Giang")
    assert ubnd.meta.issuer == "Ủy ban nhân dân tỉnh Hà Giang"
    ids = {s.id for s in ubnd.sections}
    assert {"II.2.1", "II.2.2", "II.2.2.a", "III.3.a", "V.10"} <= ids
    assert not ubnd.title.count("Căn cứ")
    district = parse(FIXTURES / "minh-hoa-huyen-uy-ke-hoach-58.txt")
    assert district.meta.number == "58-KH/HU" and district.meta.issuer == "Huyện ủy Mai Sơn"
    dept = parse(FIXTURES / "minh-hoa-so-y-te-ke-hoach.txt")
    assert dept.meta.number == "215/KH-SYT" and dept.meta.issuer == "Sở Y tế tỉnh Lai Châu"


def test_long_paragraphs_split_at_sentence_boundaries_only() -> None:
    sentence = "Câu thứ {} nói về chính sách xã hội và an sinh cho người dân vùng cao."
    text = " ".join(sentence.format(i) for i in range(60))
    parts = split_segment_text(text, max_words=100)
    assert len(parts) > 1 and " ".join(parts) == text
    assert all(p.endswith(".") for p in parts)
    assert split_sentences("Theo TP. Hồ Chí Minh đạt 1.234,5 tỷ. Câu hai.") == [
        "Theo TP. Hồ Chí Minh đạt 1.234,5 tỷ.", "Câu hai."]


def test_one_overlong_sentence_is_split_at_clauses_never_truncated() -> None:
    text = "; ".join(f"vế thứ {i} có nhiều chữ để làm câu dài hơn" for i in range(80)) + "."
    parts = split_segment_text(text, max_words=120)
    assert len(parts) > 1
    assert " ".join(parts).split() == text.split()


# ---------------------------------------------------------------------------------------------
# Crawled markdown: wrapped headings, bold marks, footnote anchors; Section.part
# ---------------------------------------------------------------------------------------------

WRAPPED_PLAN = """**ỦY BAN NHÂN DÂN
**
TỈNH BÌNH AN

**KẾ HOẠCH**

Triển khai công tác bảo vệ nguồn nước

**I. MỤC ĐÍCH,
YÊU CẦU**

**1. Mục đích**

a) Nâng cao hiệu quả quản lý
nguồn nước trên địa bàn tỉnh[1];

**II. KẾT QUẢ ĐẠT
ĐƯỢC**

Năm 2024, tỷ lệ dân cư nông thôn dùng nước sạch đạt 61,5%.

**III. NHIỆM VỤ,
GIẢI PHÁP**

**1. Sở Nông nghiệp và Môi trường**

a) Chủ trì, phối hợp với các sở, ban, ngành liên quan rà soát
các công trình cấp nước tập trung;

b) Phối hợp với Sở Tài chính tham mưu bố trí kinh phí.

**2. Sở Y tế**

a) Sở Tài chính chủ trì, phối hợp với Sở Y tế hướng dẫn kiểm tra chất lượng nước.

**IV. TỔ CHỨC
THỰC HIỆN**

Giao Sở Nông nghiệp và Môi trường theo dõi, đôn đốc việc thực hiện Kế hoạch này.
"""


@pytest.fixture(scope="module")
def wrapped(tmp_path_factory: pytest.TempPathFactory):
    return parse_text(tmp_path_factory.mktemp("wrapped"), WRAPPED_PLAN, "binh-an-nuoc.md")


def test_headings_wrapped_in_bold_are_whole(wrapped) -> None:
    parts = {s.id: s.heading for s in wrapped.sections if s.kind == "part"}
    assert parts == {"I": "MỤC ĐÍCH, YÊU CẦU", "II": "KẾT QUẢ ĐẠT ĐƯỢC",
                     "III": "NHIỆM VỤ, GIẢI PHÁP", "IV": "TỔ CHỨC THỰC HIỆN"}


def test_hard_wraps_join_and_footnote_anchors_drop(wrapped) -> None:
    texts = [s.text for s in wrapped.segments]
    assert "Nâng cao hiệu quả quản lý nguồn nước trên địa bàn tỉnh;" in texts
    assert any(t.startswith("Chủ trì, phối hợp với các sở, ban, ngành liên quan rà soát các công trình")
               for t in texts)


def test_section_part_decided_once_and_inherited(wrapped) -> None:
    part = {s.id: s.part for s in wrapped.sections}
    assert part["I"] == part["I.1"] == part["I.1.a"] == "objectives"
    assert part["II"] == "situation"
    assert part["III"] == part["III.1"] == part["III.1.a"] == part["III.2.a"] == "tasks"
    assert part["IV"] == "organisation"


@pytest.mark.parametrize(
    ("heading", "kind", "parent", "expected"),
    [("PHẠM VI, ĐỐI TƯỢNG VÀ THỜI GIAN THỰC HIỆN", "part", None, "other"),
     ("NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", "part", None, "tasks"),
     ("PHÂN CÔNG NHIỆM VỤ", "part", None, "organisation"),
     ("PHÁT TRIỂN HẠ TẦNG SỐ", "part", None, "tasks"),
     ("TÌNH HÌNH THỰC HIỆN GIAI ĐOẠN 2021-2025", "part", None, "situation"),
     ("KINH PHÍ THỰC HIỆN", "part", None, "other"),
     ("Mục tiêu cụ thể", "item", "tasks", "objectives"),
     # A long heading is the first clause of an item's content: it inherits.
     ("Tổ chức thực hiện tốt phong trào thi đua trong toàn ngành …", "letter", "tasks", "tasks"),
     ("Sở Y tế", "item", "organisation", "organisation")],
)
def test_plan_part(heading: str, kind: str, parent: str | None, expected: str) -> None:
    from chinhsach.structure.outline import plan_part

    assert plan_part(heading, kind, parent) == expected  # type: ignore[arg-type]


def test_plain_text_caps_heading_wrapped_without_bold(tmp_path: Path) -> None:
    path = tmp_path / "pdf-like.txt"
    path.write_text("KẾ HOẠCH\nVề việc thử\n\nI. MỤC ĐÍCH\nYÊU CẦU\n1. Mục đích\nBảo đảm hiệu quả.\n"
                    "II. TỔ CHỨC\nTHỰC HIỆN\n1. Sở Y tế chủ trì thực hiện.\n", encoding="utf-8")
    doc = parse(path)
    assert [s.heading for s in doc.sections if s.kind == "part"] == ["MỤC ĐÍCH YÊU CẦU", "TỔ CHỨC THỰC HIỆN"]


def test_italic_wrapped_unit_heading_and_a_lone_star(tmp_path: Path) -> None:
    path = tmp_path / "italic.md"
    path.write_text("**KẾ HOẠCH**\n\n*\n\n**I. NHIỆM VỤ**\n\n**1. Phân công**\n\n*1.1. Sở\nTài chính*\n\n"
                    "a) Chủ trì thẩm định dự toán kinh phí;\n\n*1.2. Sở Nội vụ*\n\n"
                    "a) Chủ trì hướng dẫn thi đua;\n", encoding="utf-8")
    doc = parse(path)
    headings = {s.id: s.heading for s in doc.sections}
    assert headings["I.1.1"] == "Sở Tài chính" and headings["I.1.2"] == "Sở Nội vụ"
    leads = {d.section: [u.name for u in d.units if u.role == "lead"] for d in doc.duties}
    assert leads["I.1.1.a"] == ["Sở Tài chính"] and leads["I.1.2.a"] == ["Sở Nội vụ"]


def test_parenthesised_numbers_are_list_members(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text("**KẾ HOẠCH**\n\n**I. MỤC TIÊU**\n\n1. Chỉ tiêu cụ thể đến năm 2030\n\n"
                    "(1) Tỷ lệ hộ gia đình sử dụng nước sạch đạt\n98%;\n\n(2) Tỷ lệ chất thải rắn được "
                    "thu gom đạt 95%.\n", encoding="utf-8")
    doc = parse(path)
    members = [s for s in doc.segments if s.section == "I.1" and s.kind == "bullet"]
    assert [s.text for s in members] == ["Tỷ lệ hộ gia đình sử dụng nước sạch đạt 98%;",
                                         "Tỷ lệ chất thải rắn được thu gom đạt 95%."]
    assert sorted(t.value for t in doc.targets) == [95.0, 98.0]


@pytest.mark.parametrize(("heading", "expected"), [
    ("Yêu cầu về an toàn trong hoạt động khai thác", "other"),
    ("Mục đích sử dụng quỹ phát triển", "other"),
    ("Mục tiêu của chương trình", "objectives"),
])
def test_an_articles_requirements_are_rules_not_objectives(heading: str, expected: str) -> None:
    """A statute's article titled "Yêu cầu …" or "Mục đích …" states rules (a plan's "1. Mục
    đích" section keeps its objectives part: that heading is not an article's title)."""
    from chinhsach.structure.outline import plan_part

    assert plan_part(heading, "item", "other", title=True) == expected
    assert plan_part("Mục đích", "item", "objectives") == "objectives"
