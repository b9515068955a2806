"""What OCR does to the outline and the words of faint scans, and what is read back (session 11).

The forms come from the six real scans of a provincial health department
(evaluation/gold/fresh-scans: a circular forwarded by a letter, HzW_18, whose pages 6-9 are faint;
a monthly report, KOZ_2268). The texts here are made up for the tests; OCR'd lines are built as
the reader builds them (SourceLine with an OCR confidence, ``gap_before`` after a short line).
Typed text (no OCR confidence) must read as before.
"""

from __future__ import annotations

import pytest

from chinhsach.extract.document import extract_document
from chinhsach.extract.units import find_units
from chinhsach.ingest.ocr import clean_text, drop_strays, fix_case
from chinhsach.model import Provenance, SourceLine, SourceText
from chinhsach.structure.outline import build_document

CIRCULAR = ["BỘ Y TẾ", "Số: 12/2025/TT-BYT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 04 tháng 01 năm 2026", "THÔNG TƯ",
            "Quy định trích chuyển dữ liệu điện tử", "Điều 1. Phạm vi điều chỉnh",
            "Thông tư này quy định về dữ liệu điện tử."]


def _source(lines: list[str | tuple[str, bool]], *, ocr: bool = True, name: str = "thong-tu.pdf") -> SourceText:
    """Lines as the reader gives them; a (text, False) pair continues the line above without a
    visible break (the line above reached the right margin)."""
    out = []
    for i, line in enumerate(lines):
        text, gap = line if isinstance(line, tuple) else (line, True)
        out.append(SourceLine(text=text, prov=Provenance(name, 1, i + 1, 88.0 if ocr else None), gap_before=gap))
    return SourceText(path=name, format="pdf", pages=1, lines=out)


def _duties(lines: list[str | tuple[str, bool]], *, ocr: bool = True) -> dict[str, list[tuple[str, str]]]:
    doc = extract_document(build_document(_source(lines, ocr=ocr)))
    out: dict[str, list[tuple[str, str]]] = {}
    for d in doc.duties:
        out.setdefault(d.section or "", []).extend((u.name, u.role) for u in d.units)
    return out


# -- points and clauses whose markers OCR misread -------------------------------------------------

POINTS = [*CIRCULAR, "Điều 2. Trách nhiệm của Bộ Y tế",
          "1. Chỉ đạo, hướng dẫn việc trích chuyển dữ liệu điện tử.",
          "2. Chủ trì, phối hợp với Bảo hiểm xã hội Việt Nam trong việc:",
          "-a) Xây dựng, cập nhật Danh mục dùng chung;",
          ".b) Quy định việc trích chuyển dữ liệu của một số trường hợp đặc biệt;",
          "6) Xây dựng hệ thống thông tin quản lý khám bệnh, chữa bệnh;",
          "đỳ Tiếp nhận, giải quyết các vướng mắc phát sinh.",
          "3;Bảo đảm tiếp nhận, khai thác dữ liệu tại Cổng tiếp nhận dữ liệu.",
          "4..Phân công các Vụ, Cục triển khai các công việc."]


def test_ocr_point_markers_are_read_as_the_points_expected() -> None:
    """"-a)", ".b)", "6)" (for "c)") and "đỳ" (for "d)"), as Tesseract read the points of a faint
    circular (HzW_18, Điều 10.2), are points a-d of the clause, each charged to the article's
    body; "3;" and "4.." are the clauses after 2."""
    duties = _duties(POINTS)
    for sid in ("D2.2.a", "D2.2.b", "D2.2.c", "D2.2.d", "D2.3", "D2.4"):
        assert ("Bộ Y tế", "lead") in duties[sid], sid


def test_typed_text_keeps_its_markers_as_printed() -> None:
    """The same lines in a text layer: no repair ("6)" is no point, "3;" no clause)."""
    duties = _duties(POINTS, ocr=False)
    assert "D2.2.c" not in duties and "D2.3" not in duties


def test_d_read_as_dj_after_c_and_a_true_dj_after_d() -> None:
    """Tesseract reads the point "d)" as "đ)" (HzW_18, Điều 7.1; the regulation of fresh-pdf read
    through OCR, Điều 11.2 and 26.2): after "c)" it is "d)"; after "d)" an "đ)" is itself."""
    lines = [*CIRCULAR, "Điều 2. Trách nhiệm của Bộ Y tế", "1. Bộ Y tế có trách nhiệm:",
             "a) Xây dựng Danh mục;", "b) Ban hành hướng dẫn;", "c) Kiểm tra việc thực hiện;",
             "đ) Tổng hợp kết quả.", "2. Bộ Y tế có trách nhiệm:", "a) Xây dựng Danh mục;", "b) Ban hành hướng dẫn;",
             "c) Kiểm tra việc thực hiện;", "d) Tổng hợp kết quả;", "đ) Báo cáo Chính phủ."]
    doc = build_document(_source(lines))
    letters = [s.id for s in doc.sections if s.kind == "letter"]
    assert letters == ["D2.1.a", "D2.1.b", "D2.1.c", "D2.1.d", "D2.2.a", "D2.2.b", "D2.2.c", "D2.2.d", "D2.2.đ"]


def test_an_unexpected_letter_is_no_point() -> None:
    """Only the letter expected next is repaired: "ä)" after "a)" is not taken for "b)"."""
    lines = [*CIRCULAR, "Điều 2. Trách nhiệm của Bộ Y tế", "1. Bộ Y tế có trách nhiệm:",
             "a) Xây dựng Danh mục dùng chung;", "ä) Ban hành hướng dẫn thực hiện."]
    doc = build_document(_source(lines))
    assert [s.id for s in doc.sections if s.kind == "letter"] == ["D2.1.a"]


def test_a_clause_read_with_a_colon_under_a_heading_wrapped_to_the_margin() -> None:
    """"1: Tổ chức …" right under an article heading wrapped over two full lines (so no visible
    break before it) opens the article's first clause, not the heading's third line (HzW_18,
    Điều 12). A typed line "1, Điều 5" wrapped from "khoản" goes on with its sentence."""
    lines = [*CIRCULAR, "Điều 2. Trách nhiệm của Sở Y tế các tỉnh, thành phố trực thuộc",
             ("trung ương", False),
             ("1: Tổ chức triển khai thực hiện, kiểm tra việc sử dụng bộ mã danh mục dùng chung.", False),
             "2. Khai thác, sử dụng cơ sở dữ liệu điện tử để phục vụ công tác quản lý."]
    duties = _duties(lines)
    assert ("Sở Y tế", "lead") in duties["D2.1"] and ("Sở Y tế", "lead") in duties["D2.2"]
    doc = build_document(_source([*CIRCULAR, "Điều 2. Hiệu lực", "Trường hợp quy định tại khoản",
                                  ("1, Điều 5 Thông tư này được áp dụng từ năm 2026.", False)]))
    assert [s.id for s in doc.sections if s.id.startswith("D2")] == ["D2"]


def test_recipients_under_a_line_of_specks_open_the_signature_block() -> None:
    """OCR left specks after the circular's last sentence and read "Nơi nhận" as "Noi nhận"; the
    lines then ran on without a visible break (HzW_18, page 9). "Nơi nhận" opens the signature
    block whatever ends the line above: its recipients are no duties of the last article."""
    duties = _duties([*CIRCULAR, "Điều 2. Điều khoản thi hành",
                      "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị các cơ quan phản ánh về Bộ Y tế",
                      ("để xem xét, giải quyết./. \" ị", False), ("Noi nhận:", False),
                      ("- Ủy ban nhân dân các tỉnh;", False), ("- Lưu: VT.", False)])
    assert not any(name.startswith("Ủy ban nhân dân") for units in duties.values() for name, _ in units)


REPORT = ["UBND TỈNH MẪU", "SỞ Y TẾ", "Số: …/BC-SYT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Độc lập - Tự do - Hạnh phúc", "Mẫu, ngày … tháng 12 năm 2025", "BÁO CÁO",
          "Tình hình thực hiện công tác y tế tháng 12-2025 và chương trình công tác tháng 1-2026",
          "Phần I", "TÌNH HÌNH THỰC HIỆN CÔNG TÁC Y TẾ THÁNG 12-2025",
          "I- Công tác tham mưu, chỉ đạo điều hành", "Sở Y tế đã chỉ đạo các đơn vị tuyên truyền.",
          "II- Kết quả thực hiện", "Khám bệnh cho 49.000 lượt người.",
          "Phần II", "MỘT SỐ CÔNG TÁC TRỌNG TÂM THÁNG 1-2026",
          "Trong tháng 1-2026, Sở Y tế tập trung chỉ đạo thực hiện một số nhiệm vụ sau:",
          *[f"{n}. Triển khai nhiệm vụ chuyên môn số {n} của ngành y tế." for n in range(1, 7)],
          "1, Thẩm định, cấp phép mở rộng danh mục kỹ thuật cho một số bệnh viện.",
          "§. Tổ chức Hội nghị triển khai kế hoạch công tác y tế năm 2026.",
          "Trên đây là báo cáo của Sở Y tế."]


def test_item_numbers_misread_as_look_alike_digits() -> None:
    """A monthly report's items 7 and 8 read "1, Thẩm định …" and "§. Tổ chức …" (KOZ_2268): the
    numbers expected next, each its own task of the programme with its deadline."""
    doc = extract_document(build_document(_source(REPORT, name="bao-cao.pdf")))
    duties = {d.section: d for d in doc.duties}
    for sid in ("P2.7", "P2.8"):
        assert ("Sở Y tế", "lead") in [(u.name, u.role) for u in duties[sid].units]
        assert duties[sid].deadline == "2026-01-31"


# -- words ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("read", "meant"), [
    ("Cơ sở khám bệnh, chữa bệnh gửi. dữ liệu điện tử", "Cơ sở khám bệnh, chữa bệnh gửi dữ liệu điện tử"),
    ("các cơ quan, tổ chức, cá.nhân.có. liên quan", "các cơ quan, tổ chức, cá nhân có liên quan"),
    ("Xây:dựng hệ thống", "Xây dựng hệ thống"),
    # kept: sentence ends, addresses, abbreviations, a colon before a list
    ("Thực hiện. Sau đó báo cáo", "Thực hiện. Sau đó báo cáo"),
    ("email: syt@mau.gov.vn để tổng hợp", "email: syt@mau.gov.vn để tổng hợp"),
    ("các hoạt động v.v. của đơn vị", "các hoạt động v.v. của đơn vị"),
    ("năm 2026. tiếp theo", "năm 2026. tiếp theo"),
    ("bao gồm: các cơ sở", "bao gồm: các cơ sở"),
    ("Phối hợp với Bộ 'Y tế trong việc", "Phối hợp với Bộ Y tế trong việc"),
    ("gọi là 'Cổng dữ liệu' từ nay", "gọi là 'Cổng dữ liệu' từ nay"),
    ("trên nhãn ghi: ‘Nhức khớp tê bại hoàn", "trên nhãn ghi: ‘Nhức khớp tê bại hoàn"),
])
def test_stray_marks_inside_a_sentence(read: str, meant: str) -> None:
    assert drop_strays(read) == meant


@pytest.mark.parametrize(("read", "meant"), [
    ("Sở Y tẾ các tỉnh", "Sở Y tế các tỉnh"), ("Cổng TiỆp nhận", "Cổng Tiệp nhận"),
    ("khám bệnh, cHữa bệnh", "khám bệnh, chữa bệnh"),
    # kept: capitals, abbreviations in ASCII
    ("SỞ Y TẾ", "SỞ Y TẾ"), ("số 12/QĐ-TTg", "số 12/QĐ-TTg"), ("ThS. Nguyễn Văn An", "ThS. Nguyễn Văn An"),
])
def test_case_mixed_inside_a_syllable(read: str, meant: str) -> None:
    assert fix_case(read) == meant


def test_clean_text_applies_both() -> None:
    assert clean_text("Điều 12. Trách nhiệm của Sở Y tẾ các tỉnh.thành phố") == \
        "Điều 12. Trách nhiệm của Sở Y tế các tỉnh thành phố"


# -- classes of health bodies ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("Cơ sở khám bệnh, chữa bệnh có trách nhiệm gửi dữ liệu điện tử.", "cơ sở khám bệnh, chữa bệnh"),
    ("Các cơ sở khám, chữa bệnh công lập triển khai thực hiện.", "cơ sở khám bệnh, chữa bệnh công lập"),
    ("Cơ quan bảo hiểm xã hội thông báo kết quả giám định.", "cơ quan bảo hiểm xã hội"),
    ("Các bệnh viện tư nhân trên địa bàn báo cáo kết quả.", "bệnh viện tư nhân"),
    ("Các cơ sở bán lẻ thuốc ngừng kinh doanh thuốc bị thu hồi.", "cơ sở bán lẻ thuốc"),
    ("Các doanh nghiệp kinh doanh thuốc thu hồi thuốc.", "doanh nghiệp kinh doanh thuốc"),
])
def test_classes_of_health_bodies_qualified_by_kind(text: str, name: str) -> None:
    """Classes named by their kind are units (GUIDELINES-real.md, "a class qualified by its
    kind"): the health sector's "cơ sở khám bệnh, chữa bệnh" (the term of the Law on medical
    examination and treatment, charged in the circular HzW_18 and the letters U9c_513, HzW_18)
    and its kin. A bare "cơ sở" or "doanh nghiệp" stays no unit. The class is named so in other
    provinces' documents too, e.g. https://phapluatcongdong.vn/van-ban/quyet-dinh-87-2016-qd-ubnd-ban-hanh-tinh-lao-cai-nam-2016-p141086.htm
    and https://thainguyentv.vn/thuc-hien-nghiem-cac-bien-phap-phong-ho-ca-nhan-trong-phong-chong-dich-covid-19-87377.html."""
    assert [m.name for m in find_units(text)] == [name]


def test_a_class_of_health_bodies_charged_by_an_article() -> None:
    duties = _duties([*CIRCULAR, "Điều 2. Trách nhiệm của cơ sở khám bệnh, chữa bệnh",
                      "1. Trích chuyển dữ liệu điện tử theo quy định.",
                      "2. Tra cứu thông tin thẻ bảo hiểm y tế của người bệnh."], ocr=False)
    assert duties["D2.1"] == [("cơ sở khám bệnh, chữa bệnh", "lead")]
    assert duties["D2.2"] == [("cơ sở khám bệnh, chữa bệnh", "lead")]


# -- reading order of Tesseract's blocks -----------------------------------------------------------

def test_a_block_tesseract_emits_late_above_the_page_comes_first() -> None:
    """The header line of a page, emitted by Tesseract as a pull-out block after the page's
    flowing text (HzW_18, page 2), is read first; two columns side by side keep their order."""
    from chinhsach.ingest.ocr import OcrLine, reading_order

    def block(text: str, x0: int, y0: int, x1: int, y1: int) -> list[OcrLine]:
        return [OcrLine(text, 90.0, (x0, y0, x1, y1))]

    late_header = [block("Độc lập - Tự do - Hạnh phúc", 1300, 340, 2000, 400),
                   block("Điều 1. Phạm vi điều chỉnh", 380, 900, 2200, 1000),
                   block("BỘ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 600, 220, 2270, 335)]
    assert [ln.text for ln in reading_order(late_header)][0].startswith("BỘ Y TẾ")
    columns = [block("cột trái, dòng đầu", 100, 100, 1000, 200), block("cột trái, dòng sau", 100, 1000, 1000, 1100),
               block("cột phải", 1100, 100, 2000, 200)]
    assert [ln.text for ln in reading_order(columns)] == ["cột trái, dòng đầu", "cột trái, dòng sau", "cột phải"]
