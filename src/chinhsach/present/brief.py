"""The per-unit brief: a Word document listing one unit's duties, ready to attach to a
reminder (công văn đôn đốc).

Layout follows the administrative conventions of Nghị định 30/2020/NĐ-CP for the body: A4,
Times New Roman 14 for the text (13 in tables), margins top and bottom 2 cm, left 3 cm,
right 1.5 cm. The document is an attachment: it has no letterhead (quốc hiệu, tên cơ quan),
no number and no signature, which only the sending office can add. Duties are grouped by
document, then by deadline (fixed days soonest first, then recurring ones, then those with no
deadline), each with its section reference so the reader can find it in the original.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from chinhsach.answers.assignments import DocInfo, DutyEntry
from chinhsach.answers.deadlines import recurrence
from chinhsach.present.labels import date_vi, roles_vi

FONT = "Times New Roman"
BODY_PT, TABLE_PT = 14, 13
MARGINS_CM = {"top": 2.0, "bottom": 2.0, "left": 3.0, "right": 1.5}
A4_CM = (21.0, 29.7)


GROUPS = ("Nhiệm vụ có thời hạn", "Nhiệm vụ định kỳ", "Thời hạn không ghi rõ ngày",
          "Nhiệm vụ không nêu thời hạn")


def _group(entry: DutyEntry, today: dt.date) -> tuple[int, str, str]:
    """(group, sort key, the "Thời hạn" cell) of an entry: fixed days soonest first, then
    recurring ones by their next occurrence, then unclear days, then none."""
    rule = recurrence(entry, today)
    written = ", ".join(x for x in (entry.deadline_text, entry.recurring) if x)
    if rule is not None:
        nxt = rule.next_on_or_after(today).isoformat()
        return 1, nxt, f"{written}; lần tới {date_vi(nxt)}"
    if entry.deadline:
        late = " (đã quá hạn)" if entry.deadline < today.isoformat() else ""
        return 0, entry.deadline, f"{date_vi(entry.deadline)}{late}\n{entry.deadline_text or ''}".strip()
    if entry.deadline_text:
        return 2, entry.deadline_text, entry.deadline_text
    return 3, "", "—"


def _font(run, size: int, bold: bool = False, italic: bool = False) -> None:  # noqa: ANN001
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _para(doc, text: str, *, size: int = BODY_PT, bold: bool = False, italic: bool = False,  # noqa: ANN001
          align: str | None = None, space_after: float = 6):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc.add_paragraph()
    if align:
        p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    p.paragraph_format.space_after = Pt(space_after)
    _font(p.add_run(text), size, bold, italic)
    return p


def brief_docx(unit: str, names: Sequence[str], entries: Sequence[DutyEntry], today: dt.date,
               docs: Sequence[DocInfo] = ()) -> bytes:
    """The brief for ``unit`` (``names``: the canonical names it resolved to) as DOCX bytes.

    ``docs`` lists the documents that were searched; with no duty the brief says so.
    """
    from docx import Document as new_docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    doc = new_docx()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(A4_CM[0]), Cm(A4_CM[1])
    section.top_margin, section.bottom_margin = Cm(MARGINS_CM["top"]), Cm(MARGINS_CM["bottom"])
    section.left_margin, section.right_margin = Cm(MARGINS_CM["left"]), Cm(MARGINS_CM["right"])
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)

    shown = ", ".join(names) or unit
    _para(doc, "DANH MỤC NHIỆM VỤ", size=BODY_PT, bold=True, align="center", space_after=0)
    _para(doc, f"của {shown}", bold=True, align="center", space_after=0)
    by_doc: dict[DocInfo, list[DutyEntry]] = {}
    for e in entries:
        by_doc.setdefault(e.doc, []).append(e)
    sources = list(by_doc) or list(docs)
    if sources:
        _para(doc, "(theo " + "; ".join(d.label + (f" ngày {date_vi(d.date)}" if d.date else "")
                                        for d in sources) + ")", italic=True, align="center")
    _para(doc, f"Tổng hợp ngày {date_vi(today.isoformat())}: {len(entries)} nhiệm vụ giao cho "
               f"{shown} trong {len(by_doc)} văn bản. Cột “Mục” chỉ mục của văn bản gốc "
               "chứa nhiệm vụ.", italic=True, align="justify", space_after=12)
    if not entries:
        _para(doc, f"Không có nhiệm vụ nào giao đích danh cho {shown} trong các văn bản đã chọn.",
              align="justify")
    for n, (info, items) in enumerate(by_doc.items(), 1):
        _para(doc, f"{n}. {info.label}" + (f" ngày {date_vi(info.date)}" if info.date else ""),
              bold=True, space_after=2)
        _para(doc, info.title, italic=True, align="justify")
        ranked = sorted(((_group(e, today), e) for e in items), key=lambda ge: ge[0][:2])
        widths = (Cm(1.0), Cm(8.5), Cm(2.5), Cm(1.5), Cm(3.0))
        n_row = 0
        for g, label in enumerate(GROUPS):
            group = [(when, e) for (gi, _, when), e in ranked if gi == g]
            if not group:
                continue
            _para(doc, label, bold=True, space_after=2)
            table = doc.add_table(rows=1, cols=5)
            table.style = "Table Grid"
            for cell, text, width in zip(table.rows[0].cells,
                                         ("STT", "Nhiệm vụ", "Vai trò", "Mục", "Thời hạn"),
                                         widths, strict=True):
                cell.width = width
                _font(cell.paragraphs[0].add_run(text), TABLE_PT, bold=True)
            for when, e in group:
                n_row += 1
                values = (str(n_row), e.text, roles_vi(e.unit_roles) or "—", e.section or "—", when)
                for cell, text, width in zip(table.add_row().cells, values, widths, strict=True):
                    cell.width = width
                    _font(cell.paragraphs[0].add_run(text), TABLE_PT)
            _para(doc, "", space_after=6)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


__all__ = ["A4_CM", "BODY_PT", "FONT", "MARGINS_CM", "TABLE_PT", "brief_docx"]
