"""Layouts of scanned departmental documents (reports, letters, notices) read through OCR.

The shapes come from six real scans of a provincial health department (session 8's blind
check, evaluation/gold/fresh-scans); the texts here are made up for the test. OCR gives lines
with their boxes and confidence, so the tests build the reader's lines directly (SourceLine
with ``ocr_confidence``) and the OCR page (OcrLine boxes) for the line-ends rule.
"""

from __future__ import annotations

import pytest

from chinhsach.extract.document import extract_document
from chinhsach.ingest.ocr import OcrLine, OcrPage
from chinhsach.ingest.readers import _ocr_items
from chinhsach.model import Provenance, SourceLine, SourceText
from chinhsach.structure.outline import build_document


def _ocr_source(lines: list[str], name: str = "bao-cao.pdf") -> SourceText:
    return SourceText(path=name, format="pdf", pages=1, lines=[
        SourceLine(text=t, prov=Provenance(name, 1, i + 1, 92.0), gap_before=not t.startswith(("trước", "tháng")))
        for i, t in enumerate(lines)])


HEADER = ["UBND TỈNH MẪU", "SỞ Y TẾ", "Số: …/BC-SYT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Độc lập - Tự do - Hạnh phúc", "Mẫu, ngày … tháng 12 năm 2025", "BÁO CÁO",
          "Tình hình thực hiện công tác y tế tháng 12-2025 và chương trình công tác tháng 1-2026"]


def test_report_divisions_over_roman_parts_and_the_programme_part() -> None:
    """"Phần I" over "I- …", "II- …" (results), then "Phần II" with its title on the next line
    over numbered items (the programme, tasks); OCR's "IH." is the part III it expects, its "I."
    before "2." the item 1."""
    doc = extract_document(build_document(_ocr_source([
        *HEADER, "Phần I", "TÌNH HÌNH THỰC HIỆN CÔNG TÁC Y TẾ THÁNG 12-2025",
        "I- Công tác tham mưu, chỉ đạo điều hành", "Sở Y tế đã chỉ đạo các đơn vị trực thuộc tuyên truyền.",
        "II- Kết quả thực hiện", "Khám bệnh cho 49.000 lượt người, đạt 98% kế hoạch năm.",
        "IH. Đánh giá chung", "Công tác khám chữa bệnh được bảo đảm.",
        "Phần II", "MỘT SỐ CÔNG TÁC TRỌNG TÂM THÁNG 1-2026",
        "Trong tháng 1-2026, Sở Y tế tập trung chỉ đạo thực hiện một số nhiệm vụ sau:",
        "I. Tham mưu Ủy ban nhân dân tỉnh ban hành kế hoạch phòng chống dịch năm 2026.",  # OCR's "1."
        "2, Rà soát danh sách các cơ sở khám bệnh, chữa bệnh có đăng ký bảo hiểm y tế.",
        "Trên đây là báo cáo của Sở Y tế.",
    ])))
    parts = {s.id: (s.part, s.parent) for s in doc.sections if s.kind == "part"}
    assert parts == {"P1": ("situation", None), "P1.I": ("situation", "P1"), "P1.II": ("situation", "P1"),
                     "P1.III": ("situation", "P1"), "P2": ("tasks", None)}
    duties = {d.section: d for d in doc.duties}
    assert set(duties) >= {"P2.1", "P2.2"} and not any(s.startswith("P1") for s in duties)
    for sid in ("P2.1", "P2.2"):
        assert ("Sở Y tế", "lead") in [(u.name, u.role) for u in duties[sid].units]
        assert duties[sid].deadline == "2026-01-31"  # "Trong tháng 1-2026" of the lead-in


def test_a_letter_body_starts_after_its_addressees() -> None:
    """A letter with no numbered outline: header and "Kính gửi:" list are no duties; its type
    is Công văn from the "V/v" line."""
    doc = extract_document(build_document(_ocr_source([
        "UBND TỈNH MẪU", "SỞ Y TẾ", "Số: …/SYT-NVD V/v đình chỉ lưu hành thuốc",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Mẫu, ngày 24 tháng 4 năm 2025",
        "Kính gửi:", "- Thủ trưởng các cơ sở y tế trong tỉnh;", "- Trung tâm Kiểm nghiệm tỉnh;",
        "- Phòng Y tế các huyện.",
        "Căn cứ Công văn số 7191/QLD-CL ngày 19/4/2025 của Cục Quản lý Dược về việc đình chỉ lưu hành thuốc.",
        "Sở Y tế đề nghị Trung tâm Kiểm nghiệm tỉnh phối hợp với Phòng Y tế các huyện kiểm tra việc thu hồi thuốc.",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
    ], "cong-van.pdf")))
    assert doc.meta.type == "Công văn"
    assert [s.kind for s in doc.segments[:6]] == ["title"] * 6
    assert [d.text[:12] for d in doc.duties] == ["Sở Y tế đề n"]
    assert ("Trung tâm Kiểm nghiệm tỉnh", "lead") in [(u.name, u.role) for u in doc.duties[0].units]


def test_a_short_ocr_line_ends_its_paragraph() -> None:
    """Justified body lines reach the margin; a heading or a paragraph's last line stops short,
    and the next line starting with a capital opens a new paragraph."""
    body = [("Phần II", 700, 1000), ("MỘT SỐ CÔNG TÁC TRỌNG TÂM", 500, 1200),
            ("Ngoài các nhiệm vụ thường xuyên như công tác phòng, chống dịch bệnh, truyền", 200, 1900),
            ("thông giáo dục sức khỏe, nâng cao chất lượng khám bệnh, chữa bệnh. Trong", 200, 1905),
            ("tháng 1, Sở Y tế tập trung chỉ đạo một số nhiệm vụ sau:", 200, 1300),
            ("I. Tham mưu Ủy ban nhân dân tỉnh ban hành chương trình hành động và kế", 200, 1898),
            ("hoạch thực hiện Nghị quyết.", 200, 700),
            ("2. Rà soát danh sách các cơ sở khám bệnh, chữa bệnh có đăng ký khám chữa", 200, 1902),
            ("bệnh bảo hiểm y tế năm 2026.", 200, 800)]
    page = OcrPage(lines=[OcrLine(t, 95.0, (x0, 100 + 60 * i, x1, 140 + 60 * i)) for i, (t, x0, x1) in enumerate(body)],
                   width=2100, height=3000, dpi=300)
    gaps = [item.gap for item in _ocr_items(page)]
    # after "Phần II", after the title, after the lead-in, after "Nghị quyết.": new paragraphs
    assert gaps == [False, True, True, False, False, True, False, True, False]


def test_a_line_opening_with_the_word_phan_is_no_division() -> None:
    """"Phần vốn góp …" opens a clause (ALQAC statutes): no division, no error."""
    doc = extract_document(build_document(_ocr_source([
        "Điều 5. Chuyển nhượng phần vốn góp", "1. Thành viên có quyền chuyển nhượng phần vốn góp.",
        "Phần vốn góp của thành viên được định giá theo quy định.", "Phần II", "2. Công ty mua lại phần vốn góp."],
        "dieu-5.txt")))
    assert [s.id for s in doc.sections] == ["D5", "D5.1", "D5.2"]


def test_a_scan_whose_stamp_hid_the_title_keeps_the_signer_under_the_recipients() -> None:
    doc = build_document(_ocr_source([
        *HEADER[:6], "THÔNG BÁO", "Về việc tổ chức lớp bồi dưỡng quản lý bệnh viện",
        "Sở Y tế thông báo triệu tập học viên lớp bồi dưỡng quản lý bệnh viện.",
        "1. Thời gian: ngày 01/12/2025.", "Nơi nhận:", "- BGĐ (để b/c);", "- Lưu: VT, TCCB.", "Trần Minh Khoa"],
        "thong-bao.pdf"))
    assert doc.meta.signer == "Trần Minh Khoa"
    text_layer = build_document(SourceText(path="thong-bao.txt", format="txt", lines=[
        SourceLine(text=line.text, prov=Provenance("thong-bao.txt", None, line.prov.line), gap_before=True)
        for line in _ocr_source(["Nơi nhận:", "- Lưu: VT.", "Trần Minh Khoa"]).lines]))
    assert text_layer.meta.signer is None  # a text layer keeps its title line: no guess


def test_a_cover_letter_and_the_circular_it_forwards() -> None:
    """A department's letter says it sends a circular "(đính kèm)"; after its "Nói nhận" (OCR's
    "Nơi nhận") the circular follows under its own header. The circular is an attached document
    (sections "TT.D…"), its articles read through OCR's "Điều.2."."""
    doc = extract_document(build_document(_ocr_source([
        "UBND TỈNH MẪU", "SỞ Y TẾ", "Số: …/SYT-VP V/v triển khai Thông tư số 48/2025/TT-BYT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Mẫu, ngày 04 tháng 01 năm 2026",
        "Kính gửi: Các cơ sở khám bệnh, chữa bệnh trong tỉnh.",
        "Sở Y tế nhận được Thông tư số 48/2025/TT-BYT của Bộ Y tế (đính kèm).",
        "Giám đốc Sở Y tế đề nghị các cơ sở khám bệnh, chữa bệnh triển khai thực hiện Thông tư.",
        "Nói nhận:", "- Như trên;", "- Lưu: VT.",
        "BỘ Y TẾ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "THÔNG TƯ",
        "Quy định trích chuyển dữ liệu điện tử",
        "Điều 1. Phạm vi điều chỉnh", "Thông tư này quy định về dữ liệu điện tử.",
        "Điều.2. Trách nhiệm của Bảo hiểm xã hội Việt Nam",
        "1. Bảo hiểm xã hội Việt Nam chủ trì xây dựng cơ sở dữ liệu thẻ bảo hiểm y tế.",
    ], "cong-van-kem-thong-tu.pdf")))
    assert [(a["type"], a["prefix"]) for a in doc.meta.attached] == [("Thông tư", "TT")]
    assert [s.id for s in doc.sections if s.kind == "item"] == ["TT.D1", "TT.D2"]
    duty = next(d for d in doc.duties if d.section == "TT.D2.1")
    assert ("Bảo hiểm xã hội Việt Nam", "lead") in [(u.name, u.role) for u in duty.units]


def test_a_letter_that_forwards_nothing_has_no_attachment() -> None:
    doc = build_document(_ocr_source([
        "UBND TỈNH MẪU", "SỞ Y TẾ", "Số: …/SYT-VP V/v báo cáo", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Mẫu, ngày 04 tháng 01 năm 2026",
        "Sở Y tế đề nghị các đơn vị báo cáo kết quả thực hiện trước ngày 15/01/2026.",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT."], "cong-van.pdf"))
    assert doc.meta.attached == []


@pytest.mark.parametrize(("read", "meant"), [
    ("Trách nhiệm của Bộ Ý tế", "Trách nhiệm của Bộ Y tế"),
    ("Sở Y tẾ các tỉnh", "Sở Y tẾ các tỉnh"),  # case aside, the name was read right
    ("phối hợp với Bảo hiểm xã hội Việt Nảm", "phối hợp với Bảo hiểm xã hội Việt Nam"),
    ("SỞ Y TÉ", "SỞ Y TẾ"),
    # not a name: lower case, or most syllables differ
    ("bộ y tế", "bộ y tế"), ("Bố Ý tể", "Bố Ý tể"),
])
def test_ocr_names_get_their_marks_back(read: str, meant: str) -> None:
    """On OCR'd text a body's name misread in its marks is read as the name (offsets kept)."""
    from chinhsach.extract.units import find_units, repair_ocr_names

    assert repair_ocr_names(read) == meant and len(meant) == len(read)
    if read[:1].isupper() and read != "Bố Ý tể":
        assert find_units(read, ocr=True)


def test_ocr_name_repair_only_for_ocr_text() -> None:
    from chinhsach.extract.units import find_units

    assert not find_units("Trách nhiệm của Bộ Ý tế")
    assert [m.name for m in find_units("Trách nhiệm của Bộ Ý tế", ocr=True)] == ["Bộ Y tế"]


def test_ocr_first_item_under_an_article_and_a_misread_name() -> None:
    """Under "Điều 2. Trách nhiệm của Bộ Ý tế" (OCR's "Ý" for "Y"), OCR's "1, Chỉ đạo …" is the
    article's first item, charged to the heading's body; a list of numbers stays text."""
    doc = extract_document(build_document(_ocr_source([
        "BỘ Y TẾ", "Số: 12/2025/TT-BYT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 04 tháng 01 năm 2026", "THÔNG TƯ", "Quy định trích chuyển dữ liệu điện tử",
        "Điều 1. Phạm vi điều chỉnh", "Thông tư này quy định về dữ liệu điện tử.",
        "Điều 2. Trách nhiệm của Bộ Ý tế",
        "1, Chỉ đạo, hướng dẫn, kiểm tra việc trích chuyển dữ liệu điện tử.",
        "2. Xây dựng hệ thống thông tin quản lý khám bệnh, chữa bệnh.",
        "Điều 3. Hiệu lực thi hành",
        "1, 2 và 3 tháng đầu năm các đơn vị gửi dữ liệu theo quy định.",
    ], "thong-tu.pdf")))
    items = {s.id for s in doc.sections}
    assert {"D2.1", "D2.2"} <= items and "D3.1" not in items
    duty = next(d for d in doc.duties if d.section == "D2.1")
    assert ("Bộ Y tế", "lead") in [(u.name, u.role) for u in duty.units]


@pytest.mark.parametrize(("read", "meant"), [
    # one letter substituted in a class's name (OCR's "khái" for "khám", "Nan" for "Nam")
    ("Trách nhiệm của cơ sở khái bệnh, chữa bệnh", "Trách nhiệm của cơ sở khám bệnh, chữa bệnh"),
    ("phối hợp với Bảo hiểm xã hội Việt Nan", "phối hợp với Bảo hiểm xã hội Việt Nam"),
    # the name as printed, a longer name as printed: left as read
    ("các cơ sở khám bệnh, chữa bệnh công lập", "các cơ sở khám bệnh, chữa bệnh công lập"),
    ("cơ sở khái bệnh, chưa bềnh", "cơ sở khám bệnh, chữa bệnh"),  # marks aside, one letter
    ("cơ sở khái bềnh, chữa bệnk", "cơ sở khái bềnh, chữa bệnk"),  # two letters wrong
])
def test_ocr_names_with_one_wrong_letter(read: str, meant: str) -> None:
    """OCR substitutes a letter as well as a mark on faint scans (HzW_18's article "Trách nhiệm
    của cơ sở khái bệnh, chữa bệnh" named no unit, and its ten clauses went to the issuer): a
    gazetteer name of three words or more read with one letter wrong is read as the name."""
    from chinhsach.extract.units import find_units, repair_ocr_names

    assert repair_ocr_names(read) == meant and len(meant) == len(read)
    if read != meant:
        assert not find_units(read) and find_units(read, ocr=True)


def test_ocr_article_heading_with_a_misread_class_charges_its_clauses() -> None:
    """Under "Điều 3. Trách nhiệm của cơ sở khái bệnh, chữa bệnh" the clauses are the class's."""
    doc = extract_document(build_document(_ocr_source([
        "BỘ Y TẾ", "Số: 14/2025/TT-BYT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 04 tháng 01 năm 2026", "THÔNG TƯ", "Quy định gửi dữ liệu khám bệnh",
        "Điều 1. Phạm vi điều chỉnh", "Thông tư này quy định việc gửi dữ liệu khám bệnh.",
        "Điều 2. Trách nhiệm của cơ sở khái bệnh, chữa bệnh",
        "1. Gửi dữ liệu điện tử về cổng tiếp nhận đúng thời hạn.",
        "2. Lưu trữ hồ sơ khám bệnh theo quy định.",
        "Điều 3. Hiệu lực thi hành", "Thông tư này có hiệu lực từ ngày 01 tháng 3 năm 2026."], "thong-tu.pdf")))
    leads = {d.section: [u.name for u in d.units if u.role == "lead"] for d in doc.duties if d.section}
    assert leads.get("D2.1") == ["cơ sở khám bệnh, chữa bệnh"], leads
    assert leads.get("D2.2") == ["cơ sở khám bệnh, chữa bệnh"], leads


def test_ocr_clauses_after_a_gap_in_their_numbers() -> None:
    """A smudge loses clauses 3 and 4 of an article (HzW_18's last article: its clauses 6 and 7
    are unreadable, then "8.", "9.", "10." are clear): "5." followed by "6." are the article's
    clauses; a stray "9." that no "10." follows stays text."""
    doc = extract_document(build_document(_ocr_source([
        "BỘ Y TẾ", "Số: 15/2025/TT-BYT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 04 tháng 01 năm 2026", "THÔNG TƯ", "Quy định lưu trữ hồ sơ bệnh án",
        "Điều 1. Phạm vi điều chỉnh", "Thông tư này quy định việc lưu trữ hồ sơ bệnh án.",
        "Điều 2. Trách nhiệm của Sở Y tế",
        "1. Hướng dẫn các bệnh viện lưu trữ hồ sơ bệnh án.",
        "2. Kiểm tra việc lưu trữ hồ sơ hằng năm.",
        "Ẩ xư, r;đ hsơ ~ lưu w trĩữ ¡ — hồ ọ.",
        "5. Tổng hợp kết quả lưu trữ hồ sơ.",
        "6. Báo cáo Bộ Y tế trước ngày 15 tháng 12 hằng năm.",
        "Điều 3. Trách nhiệm của Bảo hiểm xã hội Việt Nam",
        "1. Phối hợp kiểm tra hồ sơ thanh toán.",
        "9. Cung cấp số liệu thanh toán.",
        "Điều 4. Hiệu lực thi hành", "Thông tư này có hiệu lực từ ngày 01 tháng 3 năm 2026."], "thong-tu.pdf")))
    ids = {s.id.split(".", 1)[-1] if s.id.startswith("TT.") else s.id for s in doc.sections}
    assert {"D2.1", "D2.2", "D2.5", "D2.6"} <= ids, sorted(ids)
    assert "D3.9" not in ids, sorted(ids)
