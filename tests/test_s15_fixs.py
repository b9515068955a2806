"""s15 fixS: OCR transcripts of a scanned Party programme (invented wording throughout).

Layout seen in the s15 dev Politburo programme (catalogue /tmp/s15/dev, Trangsct/skill-sct) and
in two more s15 dev transcripts: pages marked "===== Trang N =====", a running head with the
page number under each marker, and rotated pages that OCR reads as mirrored shreds.
"""

from __future__ import annotations

from pathlib import Path

from chinhsach.ingest.readers import drop_page_furniture, drop_unreadable_pages, read_source
from chinhsach.model import Provenance, SourceLine

PROSE = ("Các sở, ngành tăng cường phối hợp tổ chức thực hiện nhiệm vụ được giao, "
         "bảo đảm tiến độ và chất lượng, báo cáo kết quả về cơ quan thường trực. ")
SHREDS = ("ươnb uI[ 8uọN ŠgŒ uọÁn8u ộq ‹ ẩu 8uop ụ9 tượu) “qun ñäs gnb ọq “ọp #nS "
          "tJ2£s ug3N ưọnWL ngoài trựnw9 8u 'ộ ộd đuou2 ỏdq ")


def _lines(texts: list[str]) -> list[SourceLine]:
    return [SourceLine(t, Provenance("x", None, k)) for k, t in enumerate(texts, 1)]


def test_page_markers_and_running_heads_are_furniture() -> None:
    """The marker, the running head under it (one OCR glyph may differ) and a page number alone
    are dropped; the first line of the page after it starts a block, and the lines take the
    marker's page as provenance. Before, the marker was glued to the page's first line, so
    "Phụ lục 2" under it was no appendix heading."""
    texts = ["===== Trang 1 =====", "VĂN BẢN MẪU", "nội dung trang một.",
             "===== Trang 2 =====", "77.KHMAU12.DOC 2", "nội dung trang hai.",
             "===== Trang 3 =====", "77.GHMAU12.DOC 3", "nội dung trang ba.",
             "===== Trang 4 =====", "77.KHMAU12.DOC", "5", "Phụ lục 2"]
    kept = drop_page_furniture(_lines(texts))
    assert [line.text for line in kept] == ["VĂN BẢN MẪU", "nội dung trang một.", "nội dung trang hai.",
                                            "nội dung trang ba.", "Phụ lục 2"]
    by_text = {line.text: line for line in kept}
    assert by_text["Phụ lục 2"].page_break_before and by_text["Phụ lục 2"].prov.page == 4
    assert by_text["nội dung trang hai."].prov.page == 2


def test_a_short_line_under_few_markers_is_text() -> None:
    """Without a head repeated on three pages, the first line of a page is text."""
    texts = ["--- Trang 1 ---", "Điều 1. Phạm vi", "--- Trang 2 ---", "Điều 2. Đối tượng"]
    assert [line.text for line in drop_page_furniture(_lines(texts))] == ["Điều 1. Phạm vi", "Điều 2. Đối tượng"]


def test_a_page_of_mirrored_ocr_shreds_is_left_out() -> None:
    """A page whose tokens are mostly not Vietnamese syllables is dropped whole, its number
    reported; readable pages stay, even with a few OCR slips."""
    lines = []
    for page, text in ((1, PROSE * 3), (2, SHREDS * 4), (3, PROSE * 2 + "Thường xuyên, tô chức kiêm tra.")):
        lines.append(SourceLine(text, Provenance("x", page, page)))
    kept, dropped = drop_unreadable_pages(lines)
    assert dropped == [2]
    assert [line.prov.page for line in kept] == [1, 3]
    assert kept[1].page_break_before


def test_a_text_without_pages_is_never_dropped() -> None:
    lines = [SourceLine(SHREDS * 4, Provenance("x", None, 1))]
    assert drop_unreadable_pages(lines) == (lines, [])


def test_rotated_page_gives_no_duties(tmp_path: Path) -> None:
    """End to end: a transcript with a shredded page between two readable ones warns and reads
    no duty or target from the shreds."""
    from chinhsach.pipeline import parse

    text = "\n".join([
        "===== Trang 1 =====", "ỦY BAN NHÂN DÂN TỈNH MẪU", "KẾ HOẠCH", "Thực hiện công tác mẫu năm 2026",
        "I. NHIỆM VỤ", "1. Sở Nội vụ chủ trì tổng hợp báo cáo trước ngày 15/12/2026.", "",
        "===== Trang 2 =====", SHREDS, SHREDS, "12 8uọN 2030 ộq 95% uọÁn8u", "",
        "===== Trang 3 =====", "2. Sở Tài chính bố trí kinh phí thực hiện.", ""])
    path = tmp_path / "mau.md"
    path.write_text(text, encoding="utf-8")
    source = read_source(path)
    assert any(w.code == "unreadable_page" and "2" in w.message for w in source.warnings)
    doc = parse(path)
    assert all("8uọN" not in d.text for d in doc.duties)
    assert not any(t.value in (95.0, 2030.0) for t in doc.targets)


# ---------------------------------------------------------------------------------------------
# Outline of an OCR'd Party programme: "I-" read as "1-", "III-" as "HI-", a point "a)" as "8)".
# ---------------------------------------------------------------------------------------------

PARTY_HEAD = ["BAN CHẤP HÀNH TRUNG ƯƠNG", "*", "Số 12-CTr/TW Hà Nội, ngày 3 tháng 3 năm 2026", "",
              "CHƯƠNG TRÌNH HÀNH ĐỘNG", "thực hiện công tác mẫu", ""]


def _party_programme(tmp_path: Path, body: list[str], banner: bool = False) -> list[str]:
    from chinhsach.pipeline import parse

    lines = (["[OCR] [Bản trích chữ tự động bằng tesseract từ bản quét mẫu]", ""] if banner else []) + PARTY_HEAD
    path = tmp_path / "ctr-mau.md"
    path.write_text("\n".join(lines + body) + "\n", encoding="utf-8")
    return [s.id for s in parse(path).sections]


def test_ocr_digit_one_and_h_parts_of_a_party_programme(tmp_path: Path) -> None:
    """"1- MỤC ĐÍCH" with a part "II-" in capitals below is the part I; "HI- TỔ CHỨC THỰC HIỆN"
    in capitals after part II is the part III (no typed line starts so). Before: items 1-9 and
    the unit-headed points under an item 9 (9.1.a …)."""
    ids = _party_programme(tmp_path, [
        "1- MỤC ĐÍCH, YÊU CẦU", "", "1. Quán triệt đầy đủ nội dung kết luận mẫu.", "",
        "2. Xác định rõ trách nhiệm của từng cơ quan.", "", "II- NHIỆM VỤ CHỦ YẾU", "",
        "1. Hoàn thiện thể chế mẫu", "", "- Rà soát quy định hiện hành.", "",
        "HI- TỔ CHỨC THỰC HIỆN", "", "1. Ban Mẫu Trung ương", "",
        "a) Chủ trì hướng dẫn triển khai chương trình.", ""])
    assert ids[:4] == ["I", "I.1", "I.2", "II"]
    assert "III" in ids and "III.1.a" in ids


def test_a_caps_item_list_stays_items(tmp_path: Path) -> None:
    """Items in capitals with no part "II" below stay items: "1. MỤC ĐÍCH" … "2. NHIỆM VỤ"."""
    ids = _party_programme(tmp_path, [
        "1- MỤC ĐÍCH, YÊU CẦU", "", "Quán triệt đầy đủ nội dung kết luận mẫu.", "",
        "2- NHIỆM VỤ CHỦ YẾU", "", "Hoàn thiện thể chế mẫu.", ""])
    assert "I" not in ids and ids[:2] == ["1", "2"]


def test_a_misread_point_before_its_item_number_in_an_ocr_transcript(tmp_path: Path) -> None:
    """In a text that says it is an OCR transcript, "4) …" under "3. Các tỉnh ủy" with the item
    "4." below is the point a) ("8)" so in the s15 dev programme); "đ)" after "c)" is d).
    Before: item 4 took the next unit's place."""
    ids = _party_programme(tmp_path, [
        "I- TỔ CHỨC THỰC HIỆN", "", "1. Ban Một Trung ương", "", "a) Chủ trì hướng dẫn thực hiện.", "",
        "2. Ban Hai Trung ương", "", "a) Phối hợp tuyên truyền.", "", "3. Các tỉnh ủy, thành ủy", "",
        "4) Xây dựng kế hoạch thực hiện chương trình mẫu.", "", "b) Bố trí kinh phí thực hiện.", "",
        "c) Kiểm tra việc thực hiện.", "", "đ) Sơ kết, tổng kết.", "",
        "4. Ban Mẫu Trung ương", "", "a) Chủ trì theo dõi, đôn đốc.", ""], banner=True)
    assert {"I.3.a", "I.3.b", "I.3.c", "I.3.d", "I.4", "I.4.a"} <= set(ids)


def test_central_party_bodies_are_units() -> None:
    """"Quân ủy Trung ương" (the Central Military Commission) and "Đảng ủy Công an Trung ương"
    head sections of the Politburo's programmes; before, the first was no unit and the second
    was cut to "Đảng ủy Công an"."""
    from chinhsach.extract.units import find_units

    assert [m.name for m in find_units("Quân ủy Trung ương chủ trì, phối hợp với Bộ Y tế")] == [
        "Quân ủy Trung ương", "Bộ Y tế"]
    assert [m.name for m in find_units("Đảng ủy Công an Trung ương chỉ đạo rà soát")] == [
        "Đảng ủy Công an Trung ương"]
    assert [m.name for m in find_units("Đảng ủy Công an tỉnh chỉ đạo")] == ["Đảng ủy Công an tỉnh"]
