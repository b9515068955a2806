"""Tests of ``chinhsach.ingest`` on real files generated here (reportlab, python-docx, bytes)."""

from __future__ import annotations

import hashlib
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from chinhsach.errors import (
    EmptyDocumentError,
    EncodingError,
    EncryptedFileError,
    InputError,
    NoTextLayerError,
    UnsupportedFileError,
)
from chinhsach.ingest.readers import (
    SUPPORTED_SUFFIXES,
    diacritics_health,
    file_sha256,
    iter_source_files,
    read_source,
)
from chinhsach.model import SourceText

FONT_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT = "DejaVu"

COVERAGE = "Tỷ lệ bao phủ bảo hiểm y tế đạt 97% vào năm 2030"
LEAD = "Sở Lao động - Thương binh và Xã hội chủ trì"
HEADER = "Cộng hòa xã hội chủ nghĩa Việt Nam"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

# Legacy font text, typed by hand from the TCVN3 (.VnTime) and VNI (VNI-Times) layouts:
# what a document in those fonts holds once its bytes are read as Latin-1.
TCVN3_LINES = [
    "KÕ ho¹ch thùc hiÖn",
    "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
    "§éc lËp - Tù do - H¹nh phóc",
]
TCVN3_UNICODE = ["Kế hoạch thực hiện", "Cộng hoà xã hội chủ nghĩa Việt Nam", MOTTO]
VNI_LINES = [
    "KEÁ HOAÏCH",
    "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
    "Ñoäc laäp - Töï do - Haïnh phuùc",
]
VNI_UNICODE = ["KẾ HOẠCH", HEADER, MOTTO]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def texts(source: SourceText) -> list[str]:
    return [nfc(line.text) for line in source.lines]


def to_cp1258(text: str) -> bytes:
    """Encode Vietnamese as Windows-1258 would store it: base letter + combining tone byte."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for char in nfc(text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = nfc("".join(c for c in parts if c not in tones))
            out += base.encode("cp1258") + "".join(c for c in parts if c in tones).encode("cp1258")
    return bytes(out)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------------------------------
# Files built once per module (PDF generation is the slow part)
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, FONT_PATH))
    return FONT


@pytest.fixture(scope="module")
def plan_pdf(tmp_path_factory: pytest.TempPathFactory, font: str) -> Path:
    """Two pages: a heading, two tight lines, a gap, a ruled table, then page 2."""
    path = tmp_path_factory.mktemp("pdf") / "ke-hoach.pdf"
    style = ParagraphStyle("vi", fontName=font, fontSize=11, leading=14)
    table = Table(
        [
            ["Chỉ tiêu", "Năm 2025", "Năm 2030"],
            ["Bảo hiểm y tế", "95%", "97%"],
            ["Nước sạch", "90%", "100%"],
        ],
        style=TableStyle(
            [("FONTNAME", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
        ),
    )
    story = [
        Paragraph("KẾ HOẠCH", style),
        Paragraph(COVERAGE, style),
        Paragraph("Dòng thứ hai ngay sau", style),
        Spacer(1, 30),
        Paragraph("Đoạn mới sau khoảng trống", style),
        table,
        Paragraph("Sau bảng", style),
        PageBreak(),
        Paragraph(LEAD, style),
        Paragraph("Dòng cuối", style),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


@pytest.fixture(scope="module")
def plan(plan_pdf: Path) -> SourceText:
    return read_source(plan_pdf)


# ------------------------------------------------------------------------------------------
# Plain text
# ------------------------------------------------------------------------------------------

PLAIN = f"KẾ HOẠCH\n\n{HEADER}\n{MOTTO}\n\n\n{LEAD}\n"
PLAIN_LINES = ["KẾ HOẠCH", HEADER, MOTTO, LEAD]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", PLAIN.encode("utf-8")),
        ("utf8-bom.txt", PLAIN.encode("utf-8-sig")),
        ("utf16-bom.txt", PLAIN.encode("utf-16")),
        ("utf16le-nobom.txt", PLAIN.encode("utf-16-le")),
        ("utf16be-nobom.txt", PLAIN.encode("utf-16-be")),
        ("cp1258.txt", to_cp1258(PLAIN)),
        ("crlf.txt", PLAIN.replace("\n", "\r\n").encode("utf-8")),
    ],
)
def test_text_encodings_read_back_exactly(tmp_path: Path, name: str, data: bytes) -> None:
    path = write(tmp_path / name, data)
    source = read_source(path)
    assert source.format == "txt"
    assert texts(source) == PLAIN_LINES
    # Physical line numbers; blank lines are dropped but mark the next line.
    assert [line.prov.line for line in source.lines] == [1, 3, 4, 7]
    assert [line.gap_before for line in source.lines] == [False, True, False, True]
    assert all(line.prov.file == str(path) and line.prov.page is None for line in source.lines)
    assert all(line.kind == "text" and not line.page_break_before for line in source.lines)
    assert source.warnings == []
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.pages is None


def test_cp1258_keeps_combining_marks_for_the_normaliser(tmp_path: Path) -> None:
    source = read_source(write(tmp_path / "cp.txt", to_cp1258(COVERAGE)))
    raw = source.lines[0].text
    assert "\u0309" in raw  # "Tỷ" comes back as y + combining hook: NFC is a later stage
    assert nfc(raw) == COVERAGE


def test_markdown_format_and_indentation_kept(tmp_path: Path) -> None:
    source = read_source(
        write(tmp_path / "plan.md", "# Kế hoạch\n\n- Mục một\n  - Ý con\n".encode())
    )
    assert source.format == "md"
    assert [line.text for line in source.lines] == ["# Kế hoạch", "- Mục một", "  - Ý con"]


@pytest.mark.parametrize(
    ("legacy", "expected", "label"),
    [(TCVN3_LINES, TCVN3_UNICODE, "TCVN3"), (VNI_LINES, VNI_UNICODE, "VNI")],
)
@pytest.mark.parametrize("codec", ["latin-1", "utf-8"])
def test_legacy_font_text_is_converted(
    tmp_path: Path, legacy: list[str], expected: list[str], label: str, codec: str
) -> None:
    # latin-1: the bytes of an old .txt; utf-8: mojibake pasted into a Unicode file.
    path = write(tmp_path / f"{label}.txt", ("\n".join(legacy) + "\n").encode(codec))
    source = read_source(path)
    assert texts(source) == expected
    assert [line.prov.line for line in source.lines] == [1, 2, 3]
    assert [w.code for w in source.warnings] == ["legacy_encoding"]
    assert source.warnings[0].message.startswith(f"converted from {label}")


def test_short_tcvn3_fragment_is_converted(tmp_path: Path) -> None:
    source = read_source(write(tmp_path / "short.txt", "KÕ ho¹ch\n".encode("latin-1")))
    assert texts(source) == ["Kế hoạch"]


def test_mixed_unicode_and_tcvn3_lines(tmp_path: Path) -> None:
    lines = ["Vào lúc 8 giờ", COVERAGE, *TCVN3_LINES]
    source = read_source(write(tmp_path / "mixed.txt", "\n".join(lines).encode("utf-8")))
    assert texts(source) == ["Vào lúc 8 giờ", COVERAGE, *TCVN3_UNICODE]


def test_legacy_looking_text_that_cannot_be_converted(tmp_path: Path) -> None:
    junk = "¹µ¸ ¶·¨ ©ª« ®¯ ¾¼½ ÆÇË ÌÎÏ ÑÖ× ØÞß æçë îïñ öøû üþ\n" * 3
    path = write(tmp_path / "junk.txt", junk.encode("latin-1"))
    with pytest.raises(EncodingError, match="junk.txt"):
        read_source(path)


# ------------------------------------------------------------------------------------------
# PDF
# ------------------------------------------------------------------------------------------


def test_pdf_text_pages_and_lines(plan: SourceText, plan_pdf: Path) -> None:
    assert plan.format == "pdf"
    assert plan.pages == 2
    assert plan.sha256 == file_sha256(plan_pdf)
    assert plan.warnings == []
    got = [(line.prov.page, line.prov.line, nfc(line.text)) for line in plan.lines]
    assert got == [
        (1, 1, "KẾ HOẠCH"),
        (1, 2, COVERAGE),
        (1, 3, "Dòng thứ hai ngay sau"),
        (1, 4, "Đoạn mới sau khoảng trống"),
        (1, 5, "Chỉ tiêu | Năm 2025 | Năm 2030"),
        (1, 6, "Bảo hiểm y tế | 95% | 97%"),
        (1, 7, "Nước sạch | 90% | 100%"),
        (1, 8, "Sau bảng"),
        (2, 1, LEAD),
        (2, 2, "Dòng cuối"),
    ]
    assert all(line.prov.file == str(plan_pdf) for line in plan.lines)


def test_pdf_gaps_and_page_breaks(plan: SourceText) -> None:
    by_text = {nfc(line.text): line for line in plan.lines}
    assert not by_text["Dòng thứ hai ngay sau"].gap_before
    assert by_text["Đoạn mới sau khoảng trống"].gap_before  # the 30pt spacer
    assert by_text["Chỉ tiêu | Năm 2025 | Năm 2030"].gap_before  # a table starts a block
    assert not by_text["Bảo hiểm y tế | 95% | 97%"].gap_before
    assert by_text["Sau bảng"].gap_before
    assert [nfc(line.text) for line in plan.lines if line.page_break_before] == [LEAD]


def test_pdf_table_rows_not_repeated_as_text(plan: SourceText) -> None:
    rows = [line for line in plan.lines if line.kind == "table_row"]
    assert len(rows) == 3
    plain = [nfc(line.text) for line in plan.lines if line.kind == "text"]
    assert not any("Năm 2025" in text or "95%" in text for text in plain)


def test_pdf_detected_by_content_not_extension(tmp_path: Path, plan_pdf: Path) -> None:
    path = write(tmp_path / "mislabelled.txt", plan_pdf.read_bytes())
    source = read_source(path)
    assert source.format == "pdf" and source.pages == 2


def test_pdf_image_page_and_low_quality_page_warnings(tmp_path: Path, font: str) -> None:
    path = tmp_path / "mixed.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont(font, 11)
    for row in range(6):  # a text layer whose syllables are torn apart
        pdf.drawString(72, 760 - 16 * row, "ĐIỀ U KHO ẢN THI HÀ NH CỦ A NGHỊ ĐỊ NH")
    pdf.showPage()
    pdf.rect(72, 72, 300, 400, fill=1)  # a "scanned" page: graphics, no text
    pdf.showPage()
    pdf.save()
    source = read_source(path, ocr="never")  # with OCR, both pages are read again (test_ocr.py)
    assert source.pages == 2
    codes = {(w.code, w.message.split(":")[0]) for w in source.warnings}
    assert ("low_text_quality", "page 1") in codes
    assert ("no_text_layer", "page 2") in codes


def test_pdf_random_bytes(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.pdf", bytes(range(256)) * 4)
    with pytest.raises(
        UnsupportedFileError, match=r"broken\.pdf: not a valid PDF: no %PDF- header"
    ):
        read_source(path)


def test_pdf_header_but_garbage(tmp_path: Path) -> None:
    path = write(tmp_path / "garbage.pdf", b"%PDF-1.4\nnot really a pdf\n%%EOF\n")
    with pytest.raises(UnsupportedFileError, match=r"garbage\.pdf: not a valid PDF"):
        read_source(path)


def test_pdf_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "secret.pdf"
    pdf = canvas.Canvas(str(path), encrypt="pw")
    pdf.drawString(72, 720, "Mật")
    pdf.showPage()
    pdf.save()
    with pytest.raises(EncryptedFileError, match=r"secret\.pdf"):
        read_source(path)


def test_pdf_image_only_needs_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(72, 72, 300, 400, fill=1)
    pdf.showPage()
    pdf.save()
    with pytest.raises(NoTextLayerError, match=r"scan\.pdf: no text layer: needs OCR"):
        read_source(path, ocr="never")
    # With OCR (or without Tesseract, OcrUnavailableError): still no text, still this type.
    with pytest.raises(NoTextLayerError, match=r"scan\.pdf: no text layer"):
        read_source(path)


def test_pdf_blank_and_zero_pages(tmp_path: Path) -> None:
    blank = tmp_path / "blank.pdf"
    pdf = canvas.Canvas(str(blank))
    pdf.drawString(72, 720, "   ")  # whitespace only
    pdf.showPage()
    pdf.save()
    with pytest.raises(EmptyDocumentError, match=r"blank\.pdf"):
        read_source(blank)
    zero = write(
        tmp_path / "zero.pdf",
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n",
    )
    with pytest.raises(EmptyDocumentError, match=r"zero\.pdf: PDF has zero pages"):
        read_source(zero)


# ------------------------------------------------------------------------------------------
# DOCX
# ------------------------------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("")  # empty paragraphs are not emitted
    document.add_paragraph(COVERAGE)
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [["Chỉ tiêu", "Năm 2025", "Năm 2030"], ["Bảo hiểm y tế", "95%", "97%"]]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(2, 0).text = "Ghi chú"
    table.cell(2, 1).merge(table.cell(2, 2)).text = "Theo Nghị quyết 42"
    wrapped = document.add_paragraph("Dòng một")
    wrapped.add_run().add_break()  # a soft line break inside one paragraph
    wrapped.add_run("dòng hai")
    document.add_paragraph("Hết trang").runs[0].add_break(WD_BREAK.PAGE)
    document.add_paragraph(LEAD)
    document.save(str(path))
    return path


def test_docx_body_in_document_order(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "plan.docx")
    source = read_source(path)
    assert source.format == "docx" and source.pages is None
    got = [(line.prov.line, line.kind, nfc(line.text)) for line in source.lines]
    assert got == [
        (1, "text", "KẾ HOẠCH"),
        (2, "text", COVERAGE),
        (3, "table_row", "Chỉ tiêu | Năm 2025 | Năm 2030"),
        (4, "table_row", "Bảo hiểm y tế | 95% | 97%"),
        (5, "table_row", "Ghi chú | Theo Nghị quyết 42"),  # merged cell once, not twice
        (6, "text", "Dòng một dòng hai"),
        (7, "text", "Hết trang"),
        (8, "text", LEAD),
    ]
    assert all(line.gap_before for line in source.lines)
    assert [line.prov.line for line in source.lines if line.page_break_before] == [8]
    assert all(line.prov.page is None and line.prov.file == str(path) for line in source.lines)
    assert source.sha256 == file_sha256(path)


def test_docx_not_a_zip(tmp_path: Path) -> None:
    path = write(tmp_path / "fake.docx", "Đây không phải DOCX".encode())
    with pytest.raises(UnsupportedFileError, match=r"fake\.docx: not a valid DOCX"):
        read_source(path)


def test_docx_zip_without_document(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "xin chào")
    with pytest.raises(UnsupportedFileError, match=r"other\.docx: not a valid DOCX"):
        read_source(path)


def test_docx_broken_xml(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "good.docx")
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, b"<w:document" if item.filename == "word/document.xml" else data)
    with pytest.raises(UnsupportedFileError, match=r"broken\.docx: not a valid DOCX"):
        read_source(path)


def test_docx_without_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.docx"
    docx.Document().save(str(path))
    with pytest.raises(EmptyDocumentError, match=r"blank\.docx"):
        read_source(path)


def test_password_protected_office_file(tmp_path: Path) -> None:
    # What Word writes for a password: an OLE container holding an "EncryptedPackage".
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(EncryptedFileError, match=r"locked\.docx"):
        read_source(write(tmp_path / "locked.docx", ole))


# ------------------------------------------------------------------------------------------
# Errors common to all types
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.pdf", "empty.docx"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    with pytest.raises(EmptyDocumentError, match=name.replace(".", r"\.")):
        read_source(write(tmp_path / name, b""))


def test_whitespace_only_file(tmp_path: Path) -> None:
    with pytest.raises(EmptyDocumentError, match=r"blank\.txt: file holds only whitespace"):
        read_source(write(tmp_path / "blank.txt", b" \n\t\r\n  \n"))


def test_unknown_suffix(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFileError, match=r"notes\.rtf: unsupported file type"):
        read_source(write(tmp_path / "notes.rtf", b"{\\rtf1 hello}"))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nowhere\.txt: no such file"):
        read_source(tmp_path / "nowhere.txt")


# ------------------------------------------------------------------------------------------
# Helpers: file listing, hashing, diacritics health
# ------------------------------------------------------------------------------------------


def test_iter_source_files(tmp_path: Path) -> None:
    for rel in [
        "b.txt",
        "a.PDF",
        "sub/c.docx",
        "sub/d.md",
        "sub/e.doc",
        ".hidden.txt",
        ".git/f.txt",
        "~$lock.docx",
    ]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"x")
    extra = tmp_path / "sub" / "d.md"
    found = iter_source_files([tmp_path, extra])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.PDF",
        "b.txt",
        "sub/c.docx",
        "sub/d.md",
    ]
    assert all(p.suffix.lower() in SUPPORTED_SUFFIXES for p in found)
    with pytest.raises(InputError, match="missing"):
        iter_source_files([tmp_path / "missing"])


def test_file_sha256(tmp_path: Path) -> None:
    data = "Kế hoạch".encode() * 100_000
    assert file_sha256(write(tmp_path / "x.txt", data)) == hashlib.sha256(data).hexdigest()


def test_diacritics_health() -> None:
    assert diacritics_health(COVERAGE) == 1.0
    assert diacritics_health(f"{LEAD}, HĐND và UBND tỉnh; quyết định của Ủy ban") == 1.0
    assert diacritics_health(unicodedata.normalize("NFD", COVERAGE)) == 1.0
    assert diacritics_health("2030 - ABC") == 1.0  # nothing to judge
    assert diacritics_health("ĐIỀ U KHO ẢN THI HÀ NH") < 0.5
    assert diacritics_health(" ".join(TCVN3_LINES)) < 0.4
    assert diacritics_health(" ".join(VNI_LINES)) < 0.4
    assert diacritics_health("Vi \u0323êt Nam") < 0.5  # an isolated combining mark


def test_one_sniffer_judges_files_and_uploads_alike(tmp_path: Path) -> None:
    """Files on disk and uploaded bytes go through the same ``detect_kind``: a file's suffix
    only decides what plain text is; the bytes decide everything else."""
    from conftest import docx_bytes

    from chinhsach.ingest.sniff import detect_kind
    from chinhsach.web.uploads import sniff

    samples = {
        "plan.docx": (docx_bytes(3), "docx"),
        "plan.pdf": (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n", "pdf"),
        "plan.txt": ("Kế hoạch số 58-KH/HU".encode(), "txt"),
        "utf16.txt": ("Kế hoạch số 58".encode("utf-16-le"), "txt"),
    }
    for name, (data, kind) in samples.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert detect_kind(path, name, path.suffix) == kind
        assert detect_kind(data, name) == kind == sniff(data, name)
        renamed = tmp_path / f"renamed-{name}.pdf"  # a mislabelled file is still read by content
        renamed.write_bytes(data)
        if kind != "txt":
            assert detect_kind(renamed, name, ".pdf") == kind
    # The name is only a label for an upload: no suffix turns random bytes into text.
    with pytest.raises(UnsupportedFileError, match="judged by the content"):
        detect_kind(b"\x7fELF\x02\x01\x01\x00" + bytes(100), "plan.txt")
    # A suffix that promises a PDF but bytes that are not one: the reason says so.
    with pytest.raises(UnsupportedFileError, match="no %PDF- header"):
        detect_kind(b"hello", "x.pdf", ".pdf")
    with pytest.raises(EmptyDocumentError):
        detect_kind(b"  \n", "empty upload")
