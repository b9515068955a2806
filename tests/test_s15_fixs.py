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
