import unicodedata

import pytest

from chinhsach.model import Provenance, SourceLine
from chinhsach.text.docnumber import canonical_doc_number, doc_number_key
from chinhsach.text.normalize import (
    canonical_tones,
    fold,
    has_diacritics,
    normalize_text,
    paragraphs,
    strip_markdown,
)


@pytest.mark.parametrize(
    ("old", "new"),
    [("khoá", "khóa"), ("hoà", "hòa"), ("thuỷ", "thủy"), ("Uỷ ban", "Ủy ban"), ("khoẻ", "khỏe"),
     ("HOÀ BÌNH", "HÒA BÌNH"), ("xoá bỏ", "xóa bỏ"), ("tuỳ", "tùy")],
)
def test_old_and_new_tone_placement_match(old: str, new: str) -> None:
    assert normalize_text(old) == new
    assert normalize_text(new) == new


@pytest.mark.parametrize(
    "word", ["hoàng", "quyết", "người", "giường", "khuỷu", "ngoài", "quý", "giữ", "gì", "thuở", "tuổi"]
)
def test_canonical_tones_leave_correct_syllables_alone(word: str) -> None:
    assert canonical_tones(word) == word


def test_nfd_input_becomes_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Tỷ lệ bao phủ bảo hiểm y tế")
    assert nfd != "Tỷ lệ bao phủ bảo hiểm y tế"
    assert normalize_text(nfd) == "Tỷ lệ bao phủ bảo hiểm y tế"


def test_eth_is_mapped_to_d_with_stroke() -> None:
    assert normalize_text("\u00d0ảng bộ") == "Đảng bộ"
    assert normalize_text("\u00f0ồng") == "đồng"


def test_markdown_artefacts_are_removed() -> None:
    assert strip_markdown("**thực hiện Nghị quyết**") == "thực hiện Nghị quyết"
    assert strip_markdown("## II. MỤC TIÊU") == "II. MỤC TIÊU"


def test_fold_and_has_diacritics() -> None:
    assert fold("Chỉ tiêu Bảo hiểm Y tế Đảng") == "chi tieu bao hiem y te dang"
    assert has_diacritics("nước sạch") and not has_diacritics("nuoc sach")


def _lines(*texts: str, gaps: bool = True) -> list[SourceLine]:
    return [SourceLine(t, Provenance("f.txt", None, i + 1), gap_before=gaps and i > 0)
            for i, t in enumerate(texts)]


def test_page_break_artefact_is_rejoined() -> None:
    paras = paragraphs(_lines("- đến năm 2030 đạt 32 giường bệnh/10.000 dân; 9,5", "bác sỹ/10.000 dân; 01 dược sỹ"))
    assert len(paras) == 1
    assert "9,5 bác sỹ/10.000 dân" in paras[0].text
    assert paras[0].prov.line == 1


def test_new_paragraphs_and_markers_are_not_joined() -> None:
    paras = paragraphs(_lines("Nội dung thứ nhất.", "Nội dung thứ hai", "- gạch đầu dòng", "2. Mục hai"))
    assert [p.text for p in paras] == ["Nội dung thứ nhất.", "Nội dung thứ hai", "- gạch đầu dòng", "2. Mục hai"]


def test_wrapped_lines_without_gaps_are_joined() -> None:
    paras = paragraphs(_lines("Tăng cường tuyên truyền về vai trò của", "Ban Chấp hành Trung ương.",
                              "Câu mới bắt đầu.", gaps=False))
    assert [p.text for p in paras] == [
        "Tăng cường tuyên truyền về vai trò của Ban Chấp hành Trung ương.", "Câu mới bắt đầu."]


def test_a_lower_case_bracket_under_a_closed_one_goes_on() -> None:
    """kh157 V.3.a wraps "… thông qua tài khoản)" / "(nếu có yêu cầu);": the second bracket is
    the same sentence's condition, not a paragraph (it became a duty of its own). A bracket that
    opens in capitals ("(Kèm theo …)") or after a blank line still starts a new paragraph."""
    paras = paragraphs(_lines("tuyên truyền về dịch vụ (mở tài khoản, thẻ ATM)", "(nếu có yêu cầu);",
                              "(Kèm theo Kế hoạch số 12/KH-UBND)", gaps=False))
    assert [p.text for p in paras] == ["tuyên truyền về dịch vụ (mở tài khoản, thẻ ATM) (nếu có yêu cầu);",
                                       "(Kèm theo Kế hoạch số 12/KH-UBND)"]
    assert len(paragraphs(_lines("Kế hoạch.", "(nếu có)"))) == 2
    assert len(paragraphs(_lines("thông qua tài khoản)", "(Ủy ban nhân dân tỉnh)", gaps=False))) == 2


def test_a_dash_in_lower_case_under_an_open_line_is_a_wrapped_compound() -> None:
    """"… phối hợp tổ chức chính trị" / "- xã hội tại địa phương …" (kh157 V.5.b) is one sentence
    wrapped before the dash of "chính trị - xã hội"; a bullet opens in capitals, or after a line
    that ended its clause."""
    paras = paragraphs(_lines("Chỉ đạo phòng chuyên môn phối hợp tổ chức chính trị", "- xã hội thực hiện tuyên truyền;",
                              "- Tổ chức hội nghị sơ kết.", "- tổ chức tập huấn.", gaps=False))
    assert [p.text for p in paras] == [
        "Chỉ đạo phòng chuyên môn phối hợp tổ chức chính trị - xã hội thực hiện tuyên truyền;",
        "- Tổ chức hội nghị sơ kết.", "- tổ chức tập huấn."]
    # A capital with a mark ("Ủy", "Ưu", "Đảng") opens a bullet too.
    assert len(paragraphs(_lines("Các đơn vị phối hợp thực hiện", "- Ủy ban nhân dân xã tuyên truyền;",
                                 gaps=False))) == 2


def test_a_closed_bold_heading_ends_without_a_blank_line() -> None:
    """A text layer without blank lines between paragraphs (robustness_eval no-blank-lines): a
    unit heading printed as one bold span, wrapped or not, ends where the span closes; the line
    under it is the heading's first item, not the rest of the unit's name ("… Cần Thơ Phối
    hợp" became a unit). A bold span inside a sentence does not end it."""
    paras = paragraphs(_lines("**10. Báo", "và Phát thanh, Truyền hình tỉnh**", "Phối hợp với các sở tuyên truyền;",
                              "*a) Sở Tài chính*", "Bố trí kinh phí thực hiện.", gaps=False))
    assert [p.text for p in paras] == ["10. Báo và Phát thanh, Truyền hình tỉnh", "Phối hợp với các sở tuyên truyền;",
                                       "a) Sở Tài chính", "Bố trí kinh phí thực hiện."]
    paras = paragraphs(_lines("Giao **Sở Y tế** chủ trì, phối hợp với", "**Sở Tài chính**",
                              "Thực hiện trong năm 2026.", gaps=False))
    assert [p.text for p in paras] == ["Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính Thực hiện trong năm 2026."]


def test_a_duty_verb_in_capitals_opens_the_item_under_a_plain_heading() -> None:
    """A law portal's plain page (no bold, no blank lines; robustness_eval portal-plain): "5. Sở
    Công Thương" over "Chủ trì triển khai …" is a unit heading and its first item, not a unit
    named "Sở Công Thương Chủ trì". A heading left open ("… phối hợp với") or a body's name cut
    after its head ("Ban" / "Chỉ đạo tỉnh") goes on."""
    paras = paragraphs(_lines("5. Sở Công Thương", "Chủ trì triển khai các nhiệm vụ tại mục III.",
                              "b) Liên minh Hợp tác xã tỉnh", "Xây dựng kế hoạch hành động.", gaps=False))
    assert [p.text for p in paras] == ["5. Sở Công Thương", "Chủ trì triển khai các nhiệm vụ tại mục III.",
                                       "b) Liên minh Hợp tác xã tỉnh", "Xây dựng kế hoạch hành động."]
    assert len(paragraphs(_lines("1. Sở Y tế chủ trì, phối hợp với", "Tổ chức Y tế thế giới.", gaps=False))) == 1
    assert len(paragraphs(_lines("2. Thường trực Ban", "Chỉ đạo tỉnh theo dõi.", gaps=False))) == 1
    # Inside a sentence the verb is in lower case; a capital after an unfinished sentence that is
    # not a heading still goes on ("… giao cho" / "Sở Tài chính").
    assert len(paragraphs(_lines("Giao cho", "Sở Tài chính thực hiện.", gaps=False))) == 1


def test_an_ellipsis_ends_a_list_sentence() -> None:
    """"… không có thân nhân để ủy quyền nhận trợ cấp,…" over "Trên đây là Kế hoạch …" (kh157's
    closing paragraph without its blank line): "…" ends the sentence as "..." does."""
    paras = paragraphs(_lines("người khuyết tật, người cao tuổi,…", "Trên đây là Kế hoạch của tỉnh.", gaps=False))
    assert len(paras) == 2


def test_raw_text_is_kept_for_display() -> None:
    paras = paragraphs(_lines("Hoà nhập cộng đồng"))
    assert paras[0].text == "Hòa nhập cộng đồng" and paras[0].raw == "Hoà nhập cộng đồng"


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("2161/qd-ttg", "2161/QĐ-TTg"), ("155/2020/nd-cp", "155/2020/NĐ-CP"), ("42 - NQ/TW", "42-NQ/TW"),
     ("223/NQ-HĐND", "223/NQ-HĐND"), ("112/TTr-SLĐTBXH", "112/TTr-SLĐTBXH"), ("08-QĐi/TW", "08-QĐi/TW")],
)
def test_document_numbers_are_canonical(raw: str, canonical: str) -> None:
    assert canonical_doc_number(raw) == canonical
    assert doc_number_key(raw) == doc_number_key(canonical)


def test_doc_number_reads_kind_and_issuer_codes() -> None:
    from chinhsach.text.docnumber import DocNumber, title_type

    plan = DocNumber.parse("19-kh/tw")
    assert (plan.text, plan.kind_code, plan.issuer_codes, plan.doc_type, plan.is_plan) == (
        "19-KH/TW", "KH", ("TW",), "Kế hoạch", True)
    law = DocNumber.parse("38/2013/QH13")
    assert law.kind_code is None and law.issuer_codes == ("QH13",) and law.doc_type is None
    assert DocNumber.parse("2161/qd-ttg").key == DocNumber.parse("2161 / QĐ-TTg").key
    assert title_type("CHƯƠNG TRÌNH HÀNH ĐỘNG") == "Chương trình hành động"
    assert title_type("KẾ HOẠCH triển khai") == "Kế hoạch"
    assert title_type("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") is None
