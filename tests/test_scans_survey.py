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
    and its kin. A bare "cơ sở" or "doanh nghiệp" stays no unit."""
    assert [m.name for m in find_units(text)] == [name]


def test_a_class_of_health_bodies_charged_by_an_article() -> None:
    duties = _duties([*CIRCULAR, "Điều 2. Trách nhiệm của cơ sở khám bệnh, chữa bệnh",
                      "1. Trích chuyển dữ liệu điện tử theo quy định.",
                      "2. Tra cứu thông tin thẻ bảo hiểm y tế của người bệnh."], ocr=False)
    assert duties["D2.1"] == [("cơ sở khám bệnh, chữa bệnh", "lead")]
    assert duties["D2.2"] == [("cơ sở khám bệnh, chữa bệnh", "lead")]
