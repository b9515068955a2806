"""Word's automatic list numbering in DOCX files (``chinhsach.ingest.numbering``).

Every file is written here with python-docx and real ``word/numbering.xml`` definitions
(``w:abstractNum`` / ``w:num``, paragraphs with ``w:numPr`` or a numbered paragraph style) and
read by the real reader and pipeline. The expected labels are the ones Word shows.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from chinhsach import parse
from chinhsach.ingest.readers import read_source

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evaluation" / "fixtures"))
import make_numbered_docx as fixture  # noqa: E402  (the generator of the twin plans)

REAL_DOCX = ROOT.parent / "shared" / "real" / "ingestion" / "docx"
if not REAL_DOCX.exists():  # a worktree sits one level deeper than the main checkout
    REAL_DOCX = ROOT.parent.parent / "shared" / "real" / "ingestion" / "docx"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# python-docx's template already defines lists 0..9: the tests' ids start above them.
OFFSET = 100


def nid(key: int | None) -> int | None:
    """A test's list id as written in the file (0 stays 0: "no numbering")."""
    return key if not key else key + OFFSET


def lvl(ilvl: int, fmt: str, text: str, start: int | str = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'{extra}<w:lvlText w:val="{text}"/></w:lvl>')


def abstract(key: int, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{key + OFFSET}" {W}>{extra}{"".join(levels)}</w:abstractNum>'


def num(key: int, abstract_id: int, overrides: str = "") -> str:
    return (f'<w:num w:numId="{key + OFFSET}" {W}><w:abstractNumId w:val="{abstract_id + OFFSET}"/>'
            f'{overrides}</w:num>')


Para = tuple[str, int | None, int | None] | tuple[str, int | None, int | None, str]


def read_lines(path: Path, numbering: str, paragraphs: Sequence[Para],
               styles: Sequence[tuple[str, WD_STYLE_TYPE, str | None, int | None, int | None]] = ()
               ) -> list[str]:
    """Write a DOCX (numbering definitions, styles (name, type, based on, numId, ilvl), then
    paragraphs (text, numId, ilvl[, style])) and return the reader's lines."""
    document = docx.Document()
    fixture.install_numbering(document, numbering)
    for name, kind, based_on, num_id, ilvl in styles:
        style = document.styles.add_style(name, kind)
        if based_on:
            style.base_style = document.styles[based_on]
        if num_id is not None or ilvl is not None:
            fixture.set_numpr(style.element, nid(num_id), ilvl)
    for text, num_id, ilvl, *style_name in paragraphs:
        paragraph = document.add_paragraph(text, style=style_name[0] if style_name else None)
        if num_id is not None or ilvl is not None:
            fixture.set_numpr(paragraph._p, nid(num_id), ilvl)
    document.save(str(path))
    return [line.text for line in read_source(path).lines]


# ---------------------------------------------------------------------------------------------
# The plan numbered by Word reads as its typed twin
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return fixture.generate(tmp_path_factory.mktemp("numbered"))


def test_numbered_plan_reads_like_its_typed_twin(twins: tuple[Path, Path]) -> None:
    auto, literal = twins
    auto_lines = [line.text for line in read_source(auto).lines]
    assert auto_lines == [line.text for line in read_source(literal).lines]
    assert "IV. TỔ CHỨC THỰC HIỆN" in auto_lines  # a second w:num of the list continues
    assert "+ Máy đo thân nhiệt cho các trạm y tế vùng biên giới." in auto_lines  # Symbol glyph
    assert any(line.startswith("2 | Bảo đảm kinh phí") for line in auto_lines)  # STT cells


def test_numbered_plan_has_the_outline_and_duties_of_its_twin(twins: tuple[Path, Path]) -> None:
    auto, literal = (parse(path) for path in twins)
    assert [(s.id, s.heading) for s in auto.sections] == [
        (s.id, s.heading) for s in literal.sections]
    assert {"I", "II.2", "III.1.a", "III.2.b", "IV.1", "IV.1.a", "IV.3.b", "IV.4", "PL1"} <= {
        s.id for s in auto.sections}

    def duties(doc: object) -> list[tuple[object, ...]]:
        return [(d.section, d.text, sorted((u.name, u.role) for u in d.units if u.explicit),
                 d.deadline, d.recurring) for d in doc.duties]  # type: ignore[attr-defined]

    assert duties(auto) == duties(literal)
    lead = {(d.section, u.name) for d in auto.duties for u in d.units if u.role == "lead"}
    assert {("IV.1.a", "Sở Y tế"), ("IV.2.a", "Sở Tài chính"), ("PL1.2", "Sở Tài chính")} <= lead
    assert [(t.section, t.value) for t in auto.targets] == [
        (t.section, t.value) for t in literal.targets] == [("II.1", 95.0), ("II.2", 100.0)]


# ---------------------------------------------------------------------------------------------
# Counters as Word keeps them
# ---------------------------------------------------------------------------------------------


OUTLINE = abstract(1, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%2."),
                   lvl(2, "lowerLetter", "%3)"))


def test_counters_restart_continue_and_keep_lists_apart(tmp_path: Path) -> None:
    numbering = (OUTLINE + abstract(2, lvl(0, "decimal", "(%1)"))
                 + num(1, 1) + num(2, 1)
                 + num(3, 1, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
                 + num(4, 2))
    lines = read_lines(tmp_path / "a.docx", numbering, [
        ("Mở đầu", None, None), ("A", 1, 0), ("a1", 1, 1), ("x", 1, 2), ("y", 1, 2),
        ("đoạn không đánh số", None, None), ("a2", 1, 1), ("z", 1, 2),
        ("tách", 4, 0), ("B", 2, 0), ("b1", 2, 1), ("tách 2", 4, 0),
        ("C", 3, 0), ("D", 3, 0), ("E", 1, 0)])
    assert lines == [
        "Mở đầu", "I. A", "1. a1", "a) x", "b) y",
        "đoạn không đánh số", "2. a2", "a) z",  # continues over the paragraph; a) restarts
        "(1) tách",  # another definition: its own count
        "II. B", "1. b1",  # a second w:num of one definition continues its count
        "(2) tách 2",
        "I. C", "II. D",  # w:startOverride restarts once, where its instance is first used
        "III. E",  # counters belong to the definition: the first instance follows on
    ]


def test_level_restart_skipped_levels_and_legal_numbers(tmp_path: Path) -> None:
    never = '<w:lvlRestart w:val="0"/>'
    after_first = '<w:lvlRestart w:val="1"/>'
    numbering = (
        abstract(1, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%2.", extra=never))
        + abstract(2, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "%2)"),
                   lvl(2, "decimal", "(%3)", extra=after_first))
        + abstract(3, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2."),
                   lvl(2, "decimal", "%1.%2.%3."))
        + abstract(4, lvl(0, "upperRoman", "%1."),
                   lvl(1, "decimal", "%1.%2.", extra='<w:isLgl/>'))
        + num(1, 1) + num(2, 2) + num(3, 3) + num(4, 4))
    lines = read_lines(tmp_path / "b.docx", numbering, [
        ("P", 1, 0), ("m", 1, 1), ("n", 1, 1), ("Q", 1, 0), ("o", 1, 1),
        ("1", 2, 0), ("a", 2, 1), ("x", 2, 2), ("b", 2, 1), ("y", 2, 2), ("2", 2, 0), ("z", 2, 2),
        ("h1", 3, 0), ("h3", 3, 2), ("h2", 3, 1), ("h3b", 3, 2),
        ("Phần", 4, 0), ("Mục", 4, 1)])
    assert lines == [
        "I. P", "1. m", "2. n", "II. Q", "3. o",  # lvlRestart 0: numbered on across parts
        "1. 1", "a) a", "(1) x", "b) b", "(2) y", "2. 2", "(1) z",  # restarts after level 1 only
        "1. h1", "1.0.1. h3", "1.1. h2", "1.1.1. h3b",  # a skipped level shows 0 ("1.0.1")
        "I. Phần", "1.1. Mục",  # w:isLgl: every level in decimal
    ]


def test_formats_suffixes_and_bullets(tmp_path: Path) -> None:
    numbering = (
        abstract(1, lvl(0, "upperLetter", "%1.", start=26))
        + abstract(2, lvl(0, "decimalZero", "%1/", start=9))
        + abstract(3, lvl(0, "none", ""))
        + abstract(4, lvl(0, "decimal", "Điều %1.", extra='<w:suff w:val="nothing"/>'))
        + abstract(5, lvl(0, "bullet", "\uf0b7"), lvl(1, "bullet", "o"), lvl(2, "bullet", "–"),
                   lvl(3, "bullet", "+"))
        + abstract(6, lvl(0, "lowerRoman", "%1)", start=4))
        + "".join(num(k, k) for k in range(1, 7)))
    lines = read_lines(tmp_path / "c.docx", numbering, [
        ("z", 1, 0), ("aa", 1, 0), ("chín", 2, 0), ("mười", 2, 0), ("không số", 3, 0),
        (" Phạm vi", 4, 0), ("chấm", 5, 0), ("tròn", 5, 1), ("gạch", 5, 2), ("cộng", 5, 3),
        ("bốn", 6, 0), ("năm", 6, 0)])
    assert lines == [
        "Z. z", "AA. aa", "09/ chín", "10/ mười", "không số", "Điều 1. Phạm vi",
        # Bullets print as the outline's bullet marks, never as Symbol code points or numbers.
        "• chấm", "+ tròn", "- gạch", "+ cộng",
        "iv) bốn", "v) năm",
    ]


def test_numbering_from_paragraph_styles(tmp_path: Path) -> None:
    """Word's own "List Number" / "List Bullet" styles (python-docx's template), a style based
    on a numbered style, numId 0 switching a style's numbering off, a style linked to a level
    by the level's w:pStyle, and a definition reached through w:numStyleLink."""
    link = '<w:numStyleLink w:val="KieuDanhSo"/>'
    numbering = (
        abstract(1, lvl(0, "upperRoman", "%1."),
                 lvl(1, "lowerLetter", "%2)", extra='<w:pStyle w:val="MucChu"/>'))
        + abstract(2, extra=link)
        + abstract(3, lvl(0, "decimal", "Phần %1."), extra='<w:styleLink w:val="KieuDanhSo"/>')
        + num(1, 1) + num(2, 2) + num(3, 3))
    styles = [("Con", WD_STYLE_TYPE.PARAGRAPH, "List Number", None, None),
              ("MucChu", WD_STYLE_TYPE.PARAGRAPH, None, 1, None),
              ("KieuDanhSo", WD_STYLE_TYPE.LIST, None, 3, None)]
    lines = read_lines(tmp_path / "d.docx", numbering, [
        ("một", None, None, "List Number"), ("hai", None, None, "List Number"),
        ("chấm", None, None, "List Bullet"), ("tắt", 0, None, "List Number"),
        ("ba", None, None, "Con"),
        ("Phần La Mã", 1, 0), ("mục chữ", None, None, "MucChu"),
        ("qua liên kết", 2, 0), ("tiếp", 3, 0)], styles)
    assert lines == ["1. một", "2. hai", "• chấm", "tắt", "3. ba",
                     "I. Phần La Mã", "a) mục chữ",
                     "Phần 1. qua liên kết", "Phần 2. tiếp"]


def test_numbered_paragraphs_in_table_cells_count_in_document_order(tmp_path: Path) -> None:
    document = docx.Document()
    fixture.install_numbering(document, OUTLINE + num(1, 1))
    fixture.set_numpr(document.add_paragraph("Nhiệm vụ")._p, nid(1), 0)
    table = document.add_table(rows=1, cols=2)
    fixture.set_numpr(table.cell(0, 0).paragraphs[0]._p, nid(1), 1)  # an empty cell shows its number
    cell = table.cell(0, 1)
    cell.text = "Sở Y tế"
    fixture.set_numpr(cell.paragraphs[0]._p, nid(1), 2)
    fixture.set_numpr(cell.add_paragraph("Sở Tài chính")._p, nid(1), 2)
    fixture.set_numpr(document.add_paragraph("Sau bảng")._p, nid(1), 1)
    path = tmp_path / "e.docx"
    document.save(str(path))
    source = read_source(path)
    assert [line.text for line in source.lines] == [
        "I. Nhiệm vụ", "1. | a) Sở Y tế b) Sở Tài chính", "2. Sau bảng"]
    assert source.lines[1].grid == ["1.", "a) Sở Y tế b) Sở Tài chính"]
    assert source.lines[1].cells == [(0.0, "1."), (1.0, "a) Sở Y tế\nb) Sở Tài chính")]


# ---------------------------------------------------------------------------------------------
# Bad numbering definitions: read, never crash, labels stay short
# ---------------------------------------------------------------------------------------------


def test_broken_and_hostile_definitions_are_read_safely(tmp_path: Path) -> None:
    loop = '<w:numStyleLink w:val="Vong"/>'
    numbering = (
        abstract(1, lvl(0, "upperRoman", "%1.", start=10**15))
        + abstract(2, lvl(0, "lowerLetter", "%1)", start=10**9))
        + abstract(3, lvl(0, "decimal", "%1.", start="x"), lvl(12, "decimal", "%13"))
        + abstract(4, lvl(0, "decimal", "%1.%9."), extra=loop)
        + abstract(5, lvl(0, "cardinalText", "%1."))
        + num(1, 1) + num(2, 2) + num(3, 3) + num(4, 4) + num(5, 5) + num(6, 404))
    styles = [("Vong", WD_STYLE_TYPE.LIST, "Vong", 4, None),
              ("A", WD_STYLE_TYPE.PARAGRAPH, None, None, None),
              ("B", WD_STYLE_TYPE.PARAGRAPH, "A", None, None)]
    path = tmp_path / "f.docx"
    document = docx.Document()
    fixture.install_numbering(document, numbering)
    for name, kind, based_on, num_id, ilvl in styles:
        style = document.styles.add_style(name, kind)
        if num_id is not None:
            fixture.set_numpr(style.element, nid(num_id), ilvl)
        if based_on and based_on != name:
            style.base_style = document.styles[based_on]
    document.styles["A"].base_style = document.styles["B"]  # a basedOn cycle
    for text, num_id, ilvl, style_name in [
            ("lớn", 1, 0, None), ("chữ", 2, 0, None), ("hỏng", 3, 0, None),
            ("ngoài", 3, 12, None), ("vòng", 4, 0, None), ("chữ số", 5, 0, None),
            ("mất", 6, 0, None), ("vòng kiểu", None, None, "B")]:
        paragraph = document.add_paragraph(text, style=style_name)
        if num_id is not None:
            fixture.set_numpr(paragraph._p, nid(num_id), ilvl)
    document.save(str(path))
    lines = [line.text for line in read_source(path).lines]
    assert lines == ["1000000000000000. lớn", "1000000000) chữ", "1. hỏng", "ngoài",
                     "1.0. vòng", "1. chữ số", "mất", "vòng kiểu"]


# ---------------------------------------------------------------------------------------------
# Documents without list numbering read exactly as before
# ---------------------------------------------------------------------------------------------


@pytest.mark.skipif(not REAL_DOCX.is_dir(), reason="real DOCX laws not present in ../shared")
def test_real_laws_have_no_list_labels() -> None:
    """The six real DOCX laws number their articles by hand: no label is added, so their text
    is python-docx's paragraph text as before (compared line by line against main's reader
    when this was written)."""
    from chinhsach.ingest.readers import _docx_list_labels

    files = sorted(REAL_DOCX.glob("*.docx"))
    assert len(files) == 6
    for path in files:
        assert _docx_list_labels(docx.Document(str(path))) == {}, path.name
