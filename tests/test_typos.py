"""Suspect typos (chinhsach.extract.typos) on sentences written for the tests: the mechanism, with
underthesea's real dictionary, and through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

from chinhsach import parse
from chinhsach.extract.typos import (
    MAX_PRINTED,
    document_typos,
    spelling_key,
    suspect_typos,
    unit_typo,
)

USUAL = [
    "Sở Nội vụ tổ chức tập huấn nâng cao năng lực cho cán bộ cấp xã.",
    "Công an tỉnh nâng cao năng lực phát hiện, đấu tranh với tội phạm.",
    "Tiếp tục nâng cao năng lực quản lý nhà nước về an ninh trật tự.",
]


def _found(texts: list[str]) -> list[tuple[str, str]]:
    return [(t.printed, t.correction) for t in document_typos(texts)]


def test_a_mark_slip_against_the_documents_own_spelling() -> None:
    texts = [*USUAL, "Bộ Chỉ huy Quân sự tỉnh nâng cao nâng lực sẵn sàng chiến đấu."]
    typos = document_typos(texts)
    assert [(t.printed, t.correction, t.text_index, t.evidence) for t in typos] == [
        ("nâng lực", "năng lực", 3, 3)]


def test_the_variant_must_be_printed_in_the_document() -> None:
    # The dictionary alone would propose "năng lực"; the document never prints it.
    assert _found(["Bộ Chỉ huy Quân sự tỉnh nâng cao nâng lực sẵn sàng chiến đấu."]) == []


def test_a_phrase_printed_as_often_as_its_variant_is_the_writers() -> None:
    slips = ["Đơn vị nâng cao nâng lực chiến đấu."] * (MAX_PRINTED + 1)
    assert _found([*USUAL, *slips]) == []


def test_context_must_agree() -> None:
    # "tài khoản" is the document's word, but "quy định tại khoản 2" shares no neighbour with it.
    texts = ["Ngân hàng hướng dẫn người dân mở tài khoản thanh toán.",
             "Người hưởng chính sách được mở tài khoản miễn phí.",
             "Các ngân hàng mở tài khoản cho người cao tuổi.",
             "Chi trả qua tài khoản của người hưởng.",
             "Mức hỗ trợ theo quy định tại khoản 2 Điều 5 Nghị định này."]
    assert _found(texts) == []
    slip = "Cán bộ ngân hàng thực hiện mở tại khoản tại địa điểm chi trả."
    assert _found([*texts, slip]) == [("tại khoản", "tài khoản")]


def test_a_letter_slip_in_a_unit_name() -> None:
    texts = ["Sở Xây dựng chủ trì thẩm định.", "Sở Xây dựng phối hợp với Sở Tài chính.",
             "Giao Sở Xây dựng hướng dẫn các địa phương.",
             "Sở Nông nghiệp và Môi trường, Sở Sây dựng và các đơn vị có liên quan."]
    assert _found(texts) == [("Sây dựng", "Xây dựng")]
    # Two letters off in a short syllable is another word, not a slip ("mới" / "có").
    texts = ["Những người có nguy cơ cao.", "Quản lý người có tiền án.", "Phát sinh mới người nghiện."]
    assert _found(texts) == []


def test_spelling_variants_and_names_stay_quiet() -> None:
    # "hằng ngày" and "hàng ngày" are both dictionary words: hằng/hàng are spellings of one word.
    texts = ["Báo cáo định kỳ hàng năm.", "Tổ chức sơ kết định kỳ hàng năm.",
             "Kiểm tra định kỳ hàng năm.", "Đánh giá định kỳ hằng năm."]
    assert _found(texts) == []
    # A capitalised pair is a name ("Gò Công Đông"), not a slip for "cộng đồng".
    texts = ["Phát huy vai trò của cộng đồng dân cư.", "Huy động cộng đồng dân cư tham gia.",
             "Vận động cộng đồng dân cư.", "Huyện Gò Công Đông dân cư đông."]
    assert _found(texts) == []


def test_words_across_a_boundary_are_not_slips() -> None:
    # "hình | thực hiện": "thực" belongs to "thực hiện", so "hình thực" is no slip for "hình thức".
    texts = ["Đa dạng hình thức tuyên truyền.", "Đổi mới hình thức tổ chức.",
             "Hình thức khen thưởng phù hợp.", "Loại hình thực hiện phù hợp."]
    assert _found(texts) == []


def test_a_unit_that_is_no_word() -> None:
    assert unit_typo("được sỹ/10.000 dân") == "dược sỹ"
    assert unit_typo("bác sỹ/10.000 dân") is None  # "bác sĩ" spelt with y
    assert unit_typo("giường bệnh/10.000 dân") is None
    assert unit_typo("bé trai/100 bé gái") is None  # "bề trái" would change two syllables
    assert unit_typo("%") is None
    assert spelling_key("Sỹ") == "sĩ" and spelling_key("quy") == "quy"


def test_single_text_entry_point() -> None:
    assert suspect_typos(" ".join([*USUAL, "Đơn vị nâng cao nâng lực chiến đấu."])) == [
        ("nâng lực", "năng lực")]
    assert suspect_typos("Được sỹ quan chỉ huy giao nhiệm vụ.") == []


def test_the_pipeline_warns_and_corrects_the_target(tmp_path: Path) -> None:
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text(
        "ỦY BAN NHÂN DÂN TỈNH SƠN LA\n\nKẾ HOẠCH\n\nThực hiện công tác y tế đến năm 2030\n\n"
        "I. MỤC TIÊU\n\n1. Chỉ tiêu đến năm 2030\n\n"
        "- Đến năm 2030 đạt 9,5 bác sỹ/10.000 dân; 01 được sỹ/10.000 dân.\n\n"
        "II. NHIỆM VỤ\n\n"
        "1. Sở Y tế nâng cao năng lực khám chữa bệnh.\n\n"
        "2. Trung tâm Y tế nâng cao năng lực dự phòng.\n\n"
        "3. Bệnh viện đa khoa nâng cao năng lực chuyên môn.\n\n"
        "4. Trạm Y tế xã nâng cao nâng lực sơ cứu.\n",
        encoding="utf-8")
    doc = parse(plan)
    warned = {(w.code, w.message.split("”")[0].lstrip("“")) for w in doc.warnings}
    assert ("suspect_typo", "được sỹ") in warned
    assert ("suspect_typo", "nâng lực") in warned
    pharmacist = next(t for t in doc.targets if t.value == 1)
    assert (pharmacist.unit, pharmacist.text) == ("dược sỹ/10.000 dân", "01 được sỹ/10.000 dân")
    assert pharmacist.indicator == "số dược sỹ"


def test_the_unchanged_syllable_must_mostly_come_with_the_variant() -> None:
    slip = "Kiểm soát nguồn nước phải xử lý."
    usual = ["Thu gom nguồn nước thải sinh hoạt.", "Quan trắc nguồn nước thải công nghiệp."]
    assert _found([*usual, slip]) == [("nước phải", "nước thải")]
    # "nước" goes with many words here: "nước thải" is 2 of its 22 pairs, under MIN_SHARE.
    others = [f"Bảo vệ nước {w} của tỉnh." for w in ("sạch", "ngầm", "mặt", "mưa", "biển") for _ in range(4)]
    assert _found([*usual, *others, slip]) == []


def test_a_printed_syllable_at_home_with_its_other_neighbour_is_no_slip() -> None:
    usual = ["Thu gom nguồn nước thải sinh hoạt.", "Quan trắc nguồn nước thải công nghiệp."]
    slip = "Kiểm soát nguồn nước phải được bảo vệ."
    assert _found([*usual, slip]) == [("nước phải", "nước thải")]
    # "phải được" is the document's phrase: "phải" belongs there.
    elsewhere = ["Hồ sơ phải được lưu trữ.", "Báo cáo phải được gửi đúng hạn."]
    assert _found([*usual, *elsewhere, slip]) == []
