"""OCR of scans: small generated pages read by the real Tesseract (tesserocr + ``vie``).

Every page here is typeset with DejaVu at 150 dpi and is a few inches high, so that the whole
file runs in seconds; the real scans run in ``make eval`` (``evaluation/ocr_eval.py``). Tests
that need Tesseract are skipped, with the reason, when it is not installed.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from chinhsach import build_index, parse
from chinhsach.errors import NoTextLayerError, OcrUnavailableError, UnsupportedFileError
from chinhsach.indexing import Index
from chinhsach.ingest import ocr
from chinhsach.ingest.readers import read_source
from chinhsach.model import LOW_OCR_CONFIDENCE, Provenance, Segment

ROOT = Path(__file__).resolve().parents[1]
FONTS = Path("/usr/share/fonts/truetype/dejavu")
DPI = 150
MISSING = ocr.unavailable_reason()
needs_tesseract = pytest.mark.skipif(MISSING is not None, reason=f"Tesseract not usable: {MISSING}")

HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN", "Số: 215/KH-UBND"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Lạng Sơn, ngày 12 tháng 3 năm 2025"]
TITLE = ["KẾ HOẠCH", "Nâng cao chất lượng dịch vụ y tế cơ sở"]
BODY = ["1. Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát mạng lưới trạm y tế.",
        "2. Đến năm 2030, tỷ lệ bao phủ bảo hiểm y tế đạt trên 95% dân số."]
BLURRED = "3. Ủy ban nhân dân các huyện báo cáo kết quả hằng năm."


def font(style: str, points: float = 12) -> ImageFont.FreeTypeFont:
    name = {"regular": "DejaVuSerif.ttf", "bold": "DejaVuSerif-Bold.ttf"}[style]
    return ImageFont.truetype(str(FONTS / name), round(points / 72 * DPI))


def page_image(*, blurred_line: bool = False, body: list[str] | None = None) -> Image.Image:
    """A plan's first page, 5.5 inches high: two-column header, title, numbered lines; with
    ``blurred_line`` a last line blurred past reading (a low-confidence line)."""
    width, height = round(8.27 * DPI), round(5.5 * DPI)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    step = round(17 / 72 * DPI)
    regular, bold = font("regular"), font("bold")

    def centred(text: str, face: ImageFont.FreeTypeFont, centre: float, y: int) -> None:
        draw.text((centre - face.getlength(text) / 2, y), text, font=face, fill=0)

    top = round(0.5 * DPI)
    for k, text in enumerate(HEADER_LEFT):
        centred(text, bold if k == 1 else regular, 1.6 * DPI, top + k * step)
    for k, text in enumerate(HEADER_RIGHT):
        centred(text, regular if k == 2 else bold, 5.6 * DPI, top + k * step)
    y = top + 4 * step
    for text in TITLE:
        centred(text, bold, width / 2, y)
        y += step
    y += step
    for text in body if body is not None else BODY:
        draw.text((DPI, y), text, font=regular, fill=0)
        y += step
    if blurred_line:
        band = Image.new("L", (width, step + 10), 255)
        ImageDraw.Draw(band).text((DPI, 5), BLURRED, font=regular, fill=0)
        image.paste(band.filter(ImageFilter.GaussianBlur(2.2)), (0, y))
    return image


def save_scan(path: Path, pages: list[Image.Image]) -> Path:
    """An image-only PDF, as a scanner writes it (no text layer)."""
    pages[0].save(path, "PDF", resolution=DPI, save_all=True, append_images=pages[1:])
    return path


@pytest.fixture(scope="module")
def first_page() -> ocr.OcrPage:
    if MISSING:
        pytest.skip(f"Tesseract not usable: {MISSING}")
    return ocr.ocr_image(page_image(blurred_line=True), DPI)


@pytest.fixture(scope="module")
def scan_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scans")
    second = page_image(body=["4. Trung tâm Y tế huyện tổ chức tiêm chủng mở rộng cho trẻ em."])
    return save_scan(folder / "ke-hoach-215-scan.pdf", [page_image(blurred_line=True), second])


# ------------------------------------------------------------------------------------------
# Reading a page
# ------------------------------------------------------------------------------------------


@needs_tesseract
def test_header_columns_are_read_one_after_the_other(first_page: ocr.OcrPage) -> None:
    texts = [line.text for line in first_page.lines]
    regions = [line.region for line in first_page.lines]
    assert texts[:6] == HEADER_LEFT + HEADER_RIGHT
    assert regions[:6] == ["header_left"] * 3 + ["header_right"] * 3
    # The centred title is not taken for a line of the right column.
    assert texts[6:8] == TITLE and regions[6:8] == ["body", "body"]
    assert texts[8:10] == BODY
    assert all(0 <= line.confidence <= 100 for line in first_page.lines)
    assert all(line.confidence >= 85 for line in first_page.lines[:10])


@needs_tesseract
def test_an_unreadable_line_gets_a_low_confidence(first_page: ocr.OcrPage) -> None:
    last = first_page.lines[-1]
    assert last.text not in BODY and last.confidence < LOW_OCR_CONFIDENCE


def test_two_column_blocks_and_skew_are_found_from_the_ink() -> None:
    image = page_image()
    blocks = ocr.find_columns(image, DPI)
    assert len(blocks) == 1
    top, bottom, split = blocks[0]
    assert top < 0.5 * DPI < bottom < 0.5 * DPI + 4 * round(17 / 72 * DPI)
    assert 2.6 * DPI < split < 4.0 * DPI  # between the two columns
    turned = image.rotate(1.5, fillcolor=255)
    assert abs(ocr.estimate_skew(turned) + 1.5) <= 0.15
    assert abs(ocr.estimate_skew(image)) <= 0.1


def test_resolution_of_an_image_that_does_not_say() -> None:
    image = page_image()
    assert 120 <= ocr.estimate_dpi(image) <= 180
    doubled = image.resize((image.width * 2, image.height * 2))
    assert 250 <= ocr.estimate_dpi(doubled) <= 350


def test_clean_up_puts_back_dropped_marks_only_where_the_dictionary_says() -> None:
    assert ocr.correct_marks("Về việc tô chức khai giảng lớp") == "Về việc tổ chức khai giảng lớp"
    assert ocr.correct_marks("giảng dạy tại Cân Thơ năm") == "giảng dạy tại Cần Thơ năm"
    correct = "Sở Y tế chủ trì, phối hợp với các cơ quan có liên quan tổ chức thực hiện."
    assert ocr.correct_marks(correct) == correct
    assert ocr.clean_text("SỞ Y TÉ '", header=True) == "SỞ Y TẾ"
    assert ocr.clean_text("| Độc lập - Tự do - Hạnh phúc _") == "Độc lập - Tự do - Hạnh phúc"
    assert ocr.clean_text("BGÐ (để b/c);") == "BGĐ (để b/c);"


def test_hand_written_fill_ins_read_as_junk_become_unreadable_marks() -> None:
    assert ocr.mark_fill_ins("Số:2.J44/TB-SYT") == "Số: …/TB-SYT"
    assert ocr.mark_fill_ins("Số: 215/KH-UBND") == "Số: 215/KH-UBND"
    assert ocr.mark_fill_ins("Kiên Giang, ngày È 9 tháng 11 năm 2017") == (
        "Kiên Giang, ngày … tháng 11 năm 2017")
    assert ocr.mark_fill_ins("Lạng Sơn, ngày 12 tháng 3 năm 2025") == (
        "Lạng Sơn, ngày 12 tháng 3 năm 2025")
    # A hand-written "11" read as "| 1": the speck is judged with the digit, not dropped first.
    assert ocr.clean_text("Kiên Giang, ngày | 1 tháng 12 năm 2017", header=True) == (
        "Kiên Giang, ngày … tháng 12 năm 2017")


# ------------------------------------------------------------------------------------------
# Scans through the pipeline
# ------------------------------------------------------------------------------------------


@needs_tesseract
def test_a_scanned_pdf_is_parsed_with_its_header_and_ocr_provenance(scan_pdf: Path) -> None:
    doc = parse(scan_pdf)
    assert doc.meta.number == "215/KH-UBND"
    assert doc.meta.date == "2025-03-12"
    assert doc.meta.issuer == "Ủy ban nhân dân tỉnh Lạng Sơn"
    assert doc.meta.type == "Kế hoạch"
    assert doc.pages == 2
    texts = " ".join(s.text for s in doc.segments)
    assert "tỷ lệ bao phủ bảo hiểm y tế đạt trên 95% dân số" in texts
    assert "tiêm chủng mở rộng" in texts  # page 2, read in parallel, in page order
    assert {s.prov.page for s in doc.segments} == {1, 2}
    assert all(s.prov.ocr_confidence is not None for s in doc.segments)
    flagged = [s for s in doc.segments if s.flags]
    assert flagged and all(s.flags == ["low_ocr_confidence"] for s in flagged)
    assert all(s.prov.ocr_confidence < LOW_OCR_CONFIDENCE for s in flagged)
    assert any(w.code == "low_ocr_confidence" for w in doc.warnings)
    assert any(t.value == 95 and t.year == 2030 for t in doc.targets)


@needs_tesseract
def test_ocr_never_refuses_a_scan_and_always_reads_a_text_pdf(scan_pdf: Path, tmp_path: Path) -> None:
    with pytest.raises(NoTextLayerError, match="needs OCR"):
        read_source(scan_pdf, ocr="never")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSerif", str(FONTS / "DejaVuSerif.ttf")))
    text_pdf = tmp_path / "text.pdf"
    pdf = canvas.Canvas(str(text_pdf))
    pdf.setFont("DejaVuSerif", 13)
    pdf.drawString(72, 720, "Sở Y tế chủ trì tổ chức tiêm chủng mở rộng cho trẻ em dưới 1 tuổi.")
    pdf.showPage()
    pdf.save()
    layer = read_source(text_pdf)
    assert all(line.prov.ocr_confidence is None for line in layer.lines)
    read = read_source(text_pdf, ocr="always")
    assert all(line.prov.ocr_confidence is not None for line in read.lines)
    assert "tiêm chủng mở rộng" in " ".join(line.text for line in read.lines)
    with pytest.raises(ValueError, match="ocr must be one of"):
        read_source(text_pdf, ocr="sometimes")


@needs_tesseract
def test_a_broken_text_layer_is_replaced_by_ocr(tmp_path: Path) -> None:
    """A scan with a bad invisible text layer (TCVN3 bytes shown as Latin-1) under its image."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path = tmp_path / "bad-layer.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(8.27 * 72, 5.5 * 72))
    pdf.drawImage(ImageReader(page_image()), 0, 0, width=8.27 * 72, height=5.5 * 72)
    text = pdf.beginText(72, 300)
    text.setTextRenderMode(3)  # invisible, as an OCR layer is
    for line in ("Së Y tÕ chñ tr×, phèi hîp víi Së Tµi chÝnh rµ so¸t m¹ng l­íi tr¹m y tÕ",
                 "§Õn n¨m 2030, tû lÖ bao phñ b¶o hiÓm y tÕ ®¹t trªn 95% d©n sè"):
        text.textLine(line)
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    source = read_source(path)
    assert any(w.code == "ocr_replaced_text_layer" for w in source.warnings)
    assert "tỷ lệ bao phủ bảo hiểm y tế" in " ".join(line.text for line in source.lines)
    assert read_source(path, ocr="never").lines[0].prov.ocr_confidence is None


@needs_tesseract
def test_each_page_is_read_its_own_way(tmp_path: Path) -> None:
    """A text page followed by a scanned page (an annex signed and scanned): ``auto`` reads the
    first from its text layer and only the second by OCR."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSerif", str(FONTS / "DejaVuSerif.ttf")))
    path = tmp_path / "text-then-scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(8.27 * 72, 5.5 * 72))
    pdf.setFont("DejaVuSerif", 13)
    pdf.drawString(72, 300, "Sở Y tế chủ trì tổ chức tiêm chủng mở rộng cho trẻ em dưới 1 tuổi.")
    pdf.showPage()
    pdf.drawImage(ImageReader(page_image()), 0, 0, width=8.27 * 72, height=5.5 * 72)
    pdf.showPage()
    pdf.save()
    source = read_source(path)
    by_page = {page: [ln.prov.ocr_confidence for ln in source.lines if ln.prov.page == page]
               for page in (1, 2)}
    assert by_page[1] and all(c is None for c in by_page[1])
    assert by_page[2] and all(c is not None for c in by_page[2])
    assert "tỷ lệ bao phủ bảo hiểm y tế" in " ".join(ln.text for ln in source.lines)


@needs_tesseract
def test_image_files_are_one_page_documents(tmp_path: Path) -> None:
    image = page_image()
    png, jpeg, tiff = tmp_path / "kh.png", tmp_path / "kh.jpg", tmp_path / "kh.tiff"
    image.save(png, dpi=(DPI, DPI))
    image.convert("RGB").save(jpeg, quality=90)  # no resolution: estimated from the letters
    image.save(tiff, save_all=True, append_images=[page_image(body=[])], dpi=(DPI, DPI))
    for path in (png, jpeg, tiff):
        source = read_source(path)
        assert source.format == "image" and source.pages == 1
        assert [line.text for line in source.lines[:3]] == HEADER_LEFT
        assert all(line.prov.page == 1 and line.prov.ocr_confidence for line in source.lines)
    assert [w.code for w in read_source(tiff).warnings] == ["image_frames"]
    with pytest.raises(NoTextLayerError, match="OCR is off"):
        read_source(png, ocr="never")
    broken = tmp_path / "broken.png"
    broken.write_bytes(png.read_bytes()[:200])
    with pytest.raises(UnsupportedFileError, match=r"broken\.png: not a valid image"):
        read_source(broken)
    (tmp_path / "fake.jpg").write_bytes(b"not an image at all")
    with pytest.raises(UnsupportedFileError, match="not a valid JPG image"):
        read_source(tmp_path / "fake.jpg")


def test_a_segment_is_flagged_by_its_ocr_confidence() -> None:
    def segment(confidence: float | None) -> Segment:
        return Segment("s1", "d", None, "paragraph", "x", "x", [], Provenance("f", 1, 1, confidence))

    assert segment(None).flags == [] and "flags" not in segment(None).to_dict()
    assert segment(95.0).flags == []
    assert segment(40.0).flags == ["low_ocr_confidence"]
    assert segment(40.0).to_dict()["flags"] == ["low_ocr_confidence"]


@needs_tesseract
def test_a_build_indexes_scans_with_the_flag_and_low_lines_still_searchable(
    scan_pdf: Path, tmp_path: Path
) -> None:
    png = tmp_path / "in" / "giay-moi.png"
    png.parent.mkdir()
    page_image(body=["Sở Y tế kính mời dự Hội nghị tổng kết công tác phòng chống dịch."]).save(png)
    index = tmp_path / "idx"
    report = build_index([scan_pdf, png.parent], index)
    assert sorted(report.added) == ["giay-moi", "ke-hoach-215-scan"] and not report.failed
    with Index.open(index) as idx:
        hit = idx.search("tỷ lệ bao phủ bảo hiểm y tế 2030", k=3)[0]
        assert hit.doc_id == "ke-hoach-215-scan" and hit.page == 1
        assert hit.to_dict()["ocr_confidence"] >= LOW_OCR_CONFIDENCE
        assert hit.to_dict()["flags"] == []
        assert idx.search("hội nghị tổng kết phòng chống dịch", k=1)[0].doc_id == "giay-moi"
        low = idx.conn.execute(
            "SELECT COUNT(*) FROM segments WHERE ocr_confidence < ? AND searchable = 1",
            (LOW_OCR_CONFIDENCE,)).fetchone()[0]
        assert low >= 1  # flagged, and still indexed


# ------------------------------------------------------------------------------------------
# Without Tesseract
# ------------------------------------------------------------------------------------------


def test_without_the_vietnamese_model_a_scan_is_skipped_with_the_install_command(
    scan_pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path / "no-tessdata"))
    reason = ocr.unavailable_reason()
    assert reason is not None and "apt-get install tesseract-ocr tesseract-ocr-vie" in reason
    with pytest.raises(OcrUnavailableError) as info:
        parse(scan_pdf)
    assert info.value.exit_code == 5 and "\n" not in str(info.value)
    assert str(info.value).startswith(f"{scan_pdf}: no text layer: needs OCR")
    note = tmp_path / "ghi-chu.txt"
    note.write_text("Sở Y tế chủ trì tổ chức tiêm chủng mở rộng cho trẻ em.\n", encoding="utf-8")
    report = build_index([scan_pdf, note], tmp_path / "idx")
    assert report.added == ["ghi-chu"] and not report.failed
    [(path, why)] = report.skipped
    assert Path(path).name == scan_pdf.name and "apt-get install tesseract-ocr" in why


def test_cli_parse_without_tesseract_prints_one_line_and_exits_5(
    scan_pdf: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "TESSDATA_PREFIX": str(tmp_path / "none"),
           "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-m", "chinhsach.cli", "parse", str(scan_pdf)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 5, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "apt-get install tesseract-ocr tesseract-ocr-vie" in lines[0]
    assert scan_pdf.name in lines[0]


@needs_tesseract
def test_cli_parse_and_build_take_the_ocr_option(scan_pdf: Path, tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from chinhsach.cli import app

    runner = CliRunner()
    off = runner.invoke(app, ["parse", str(scan_pdf), "--ocr", "never"])
    assert off.exit_code == 3 and "OCR is off" in off.stderr, off.output
    png = tmp_path / "in" / "giay-moi.png"
    png.parent.mkdir()
    page_image(blurred_line=True).save(png, dpi=(DPI, DPI))
    read = runner.invoke(app, ["parse", str(png), "--ocr", "always", "--json"])
    assert read.exit_code == 0, read.output
    doc = json.loads(read.stdout)
    assert doc["meta"]["number"] == "215/KH-UBND"
    assert ["low_ocr_confidence"] in [s.get("flags") for s in doc["segments"]]  # read by OCR
    built = runner.invoke(app, ["build", str(png.parent), "--index", str(tmp_path / "idx"),
                                "--ocr", "never"])
    assert built.exit_code == 2 and "OCR is off" in built.stderr, built.output


def test_images_are_listed_with_the_documents(tmp_path: Path) -> None:
    from chinhsach.ingest.readers import iter_source_files

    for name in ("a.png", "b.JPG", "c.tiff", "d.gif"):
        buffer = io.BytesIO()
        Image.new("L", (10, 10), 255).save(buffer, "PNG")
        (tmp_path / name).write_bytes(buffer.getvalue())
    assert [p.name for p in iter_source_files([tmp_path])] == ["a.png", "b.JPG", "c.tiff"]
