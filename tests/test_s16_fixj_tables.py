"""Duty tables the readers missed in spent held-out documents (session 16, helper fixJ).

- A law portal's page saved as markdown (s13 held-out kh980/KH-UBND 2025) prints its signature
  and its appendix's duty table one cell per line between lone pipes; the appendix heading is in
  bold ("**PHỤ LỤC**") under the signature's closing pipe, the preview hides rows behind a cell
  of dots, and the page's own lists follow the last row, cut before its closing pipe, up to a
  markdown heading. The task column is labelled "Nội dung thực hiện". Before: no duty of the
  appendix (units 0.458, deadlines 1/14).
- The Official Gazette's text layer (s14 held-out qd893/QĐ-TTg 2026) prints a header label
  glossed by a bracket on its own line ("Đơn vị phối hợp" / "(Bộ/ngành/địa phương)"). Before: the
  bracket was a column of no role and the stacked table was not read (deadlines 8/15).

Invented wording below.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.structure.tables import _role_of, appendix_heading


def _cells(*cells: str) -> str:
    """A row printed one cell per line between lone pipes, as the portal's pages are saved."""
    return "|\n" + "\n|\n".join(cells) + "\n|\n"


PORTAL_PAGE = (
    "ỦY BAN NHÂN DÂN\nTỈNH KIM SƠN\n\nSố: 310/KH-UBND\n\nKim Sơn, ngày 10 tháng 3 năm 2025\n\n"
    "KẾ HOẠCH\nTriển khai công tác cứu hộ, cứu nạn năm 2025\n\n"
    "I. NHIỆM VỤ\n1. Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo Kế hoạch này.\n"
    "II. TỔ CHỨC THỰC HIỆN\n1. Sở Xây dựng theo dõi, tổng hợp kết quả thực hiện./.\n"
    + _cells("Nơi nhận:\n- Như trên;\n- Lưu: VT.", "**TM. ỦY BAN NHÂN\nDÂN **\nCHỦ TỊCH\nLê Văn An")
    + "** **\n**PHỤ LỤC**\nDANH MỤC NHIỆM VỤ CỨU HỘ, CỨU NẠN NĂM 2025\n"
    "*(Kèm theo Kế hoạch số 310/KH-UBND ngày 10/3/2025)*\n"
    + _cells("**TT**", "**Nội dung thực\nhiện**", "**Cơ quan chủ trì**", "**Cơ quan phối hợp**",
             "**Thời gian hoàn\nthành**", "**Sản phẩm dự kiến**")
    + _cells("**I**", "**KIỆN TOÀN LỰC LƯỢNG CỨU HỘ**")
    + _cells("1", "Rà soát, bổ sung lực lượng cứu hộ tại các\nkhu dân cư ven sông", "Công an tỉnh",
             "Sở Nội vụ", "Trước ngày\n30/6/2025", "Báo cáo rà soát")
    + _cells("2", "Mua sắm trang thiết bị cứu hộ cho lực lượng\nxung kích", "Sở Tài chính",
             "Công an tỉnh", "2025", "")
    + "|\n….........................\n"
    + _cells("4", "Tập huấn kỹ năng cứu hộ cho lực lượng\nxung kích cấp xã", "Sở Y tế",
             "Cơ quan liên quan", "Quý III/2025", "Lớp tập huấn")
    + "|\n5\n|\nDiễn tập cứu hộ cứu nạn tại khu vực\nven biển\n|\nBộ Chỉ huy Quân sự tỉnh\n|\n"
    "Sở Y tế\n|\n2025\n|\nKế hoạch diễn tập\n"
    "Kế hoạch 310/KH-UBND năm 2025 triển khai công tác cứu hộ do tỉnh Kim Sơn ban hành\n"
    "## Văn bản liên quan\nBan hành:\n04/09/2025\nHiệu lực: Đã biết\n"
    + _cells("**Địa chỉ:**", "12 Đường Số 1, Quận 3", "**Điện thoại:**", "(028) 0000 0000")
)


def test_a_bold_appendix_heading_opens_the_appendix() -> None:
    assert appendix_heading("**PHỤ LỤC**") == (None, "")
    assert appendix_heading("**PHỤ LỤC II**") == (2, "")


def test_the_work_to_do_is_a_task_label_not_a_lead_one() -> None:
    assert _role_of("Nội dung thực hiện") == "task"
    assert _role_of("Nhiệm vụ triển khai") == "task"
    assert _role_of("Công việc cần thực hiện") == "task"
    # The body that does it stays a lead column.
    assert _role_of("Đơn vị thực hiện") == "lead"
    assert _role_of("Cơ quan thực hiện") == "lead"


def test_a_portal_page_duty_appendix_printed_one_cell_per_line_is_read(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, PORTAL_PAGE)
    rows = {d.section: d for d in doc.duties if d.section and d.section.startswith("PL1.")}

    def row(n: int) -> tuple[set[tuple[str, str]], str | None]:
        # One group row: its rows are numbered PL1.n (with several, PL1.I.n).
        duty = next(d for s, d in rows.items() if s.endswith(f".{n}"))
        return {(u.name, u.role) for u in duty.units}, duty.deadline

    assert row(1) == ({("Công an tỉnh", "lead"), ("Sở Nội vụ", "cooperate")}, "2025-06-30")
    assert ("Sở Tài chính", "lead") in row(2)[0]
    # The hidden rows' cell of dots joins no two rows: the row after it keeps its own cells.
    assert row(4) == ({("Sở Y tế", "lead")}, "2025-09-30")
    # The last row, cut before its closing pipe, keeps its cells; the page's lists are no cells.
    assert row(5) == ({("Bộ Chỉ huy Quân sự tỉnh", "lead"), ("Sở Y tế", "cooperate")}, "2025-12-31")
    assert not any("Địa chỉ" in (d.text or "") for d in doc.duties)


GLOSSED_HEADER = (
    "THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 120/QĐ-TTg\n\nHà Nội, ngày 12 tháng 5 năm 2026\n\n"
    "QUYẾT ĐỊNH\nPhê duyệt Đề án phát triển nhân lực ngành đo lường\n\n"
    "Điều 1. Phê duyệt Đề án với các nội dung sau:\n"
    "1. Danh mục nhiệm vụ trọng tâm tại Phụ lục kèm theo Quyết định này.\n"
    "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n\n"
    "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nTrần Văn Hòa\n\n"
    "Phụ lục \nDANH MỤC NHIỆM VỤ TRỌNG TÂM THỰC HIỆN ĐỀ ÁN \n"
    "(Kèm theo Quyết định số 120/QĐ-TTg ngày 12 tháng 5 năm 2026 của Thủ tướng Chính phủ) \n"
    "STT \nNhiệm vụ \nCơ quan chủ trì \nĐơn vị phối hợp \n(Bộ/ngành/địa phương) \nCấp phê duyệt \n"
    "Tiến độ \nthực hiện \n"
    "1 \nXây dựng chương trình bồi dưỡng kiểm định \nviên đo lường theo chuẩn quốc tế \n"
    "Bộ Khoa học và \nCông nghệ \nCác bộ, ngành và \nđịa phương \nThủ tướng \nChính phủ \n2026 \n"
    "2 \nTổ chức đào tạo lại đội ngũ kỹ thuật viên \nđo lường tại các phòng thử nghiệm \n"
    "Bộ Công Thương \nBộ Khoa học và \nCông nghệ \nThủ tướng \nChính phủ \n2026 - 2027 \n"
)


def test_a_bracket_under_a_label_glosses_it(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, GLOSSED_HEADER)
    rows = {d.section: d for d in doc.duties if d.section and d.section.startswith("PL1.")}
    assert set(rows) == {"PL1.1", "PL1.2"}
    assert ("Bộ Khoa học và Công nghệ", "lead") in {(u.name, u.role) for u in rows["PL1.1"].units}
    assert ("Bộ Công Thương", "lead") in {(u.name, u.role) for u in rows["PL1.2"].units}
    assert rows["PL1.2"].deadline == "2027-12-31"


APPROVAL_COLUMN = (
    "THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 121/QĐ-TTg\n\nHà Nội, ngày 14 tháng 5 năm 2026\n\n"
    "QUYẾT ĐỊNH\nPhê duyệt Đề án phát triển nhân lực ngành khí tượng\n\n"
    "Điều 1. Phê duyệt Đề án với các nội dung sau:\n"
    "1. Danh mục nhiệm vụ tại Phụ lục kèm theo Quyết định này.\n"
    "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n\n"
    "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nTrần Văn Hòa\n\n"
    "PHỤ LỤC\nDANH MỤC NHIỆM VỤ THỰC HIỆN ĐỀ ÁN\n\n"
    "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Cấp phê duyệt | Tiến độ thực hiện |\n"
    "|---|---|---|---|---|---|\n"
    "| 1 | Ban hành chương trình bồi dưỡng dự báo viên | Bộ Nông nghiệp và Môi trường | Bộ Nội vụ "
    "| Bộ trưởng Bộ Nông nghiệp và Môi trường | 2026 |\n"
    "| 2 | Xây dựng cơ chế đãi ngộ nhân lực quan trắc | Bộ Nông nghiệp và Môi trường | Bộ Tài chính "
    "| Thủ tướng Chính phủ | 2027 |\n"
)


def test_the_leads_own_head_approving_is_no_report_to(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, APPROVAL_COLUMN)
    rows = {d.section: {(u.name, u.role) for u in d.units} for d in doc.duties
            if d.section and d.section.startswith("PL1.")}
    assert ("Bộ Nông nghiệp và Môi trường", "lead") in rows["PL1.1"]
    assert ("Bộ Nông nghiệp và Môi trường", "report_to") not in rows["PL1.1"]
    # Another level approving stays the body the lead delivers to.
    assert ("Thủ tướng Chính phủ", "report_to") in rows["PL1.2"]


def test_a_footnote_mark_glued_to_a_number_cited_elsewhere_is_no_citation() -> None:
    """A gazette's text layer glues a footnote's digit to the number it marks ("Nghị quyết số
    45-NQ/TW2" in a table's basis cell; s14 held-out nq97/NQ-CP 2026 had four such)."""
    from chinhsach.extract.citations import distinct_citations, find_citations

    text = ("Thực hiện Nghị quyết số 45-NQ/TW ngày 10/02/2025 của Bộ Chính trị và Nghị định số "
            "18/2025/NĐ-CP ngày 03/3/2025 của Chính phủ. Căn cứ: Nghị quyết số 45-NQ/TW2; "
            "Nghị định số 18/2025/NĐ-CP3; Nghị quyết số 88/2025/QH15 của Quốc hội.")
    numbers = [c.number for c in distinct_citations(find_citations(text, section="I"))]
    assert numbers == ["45-NQ/TW", "18/2025/NĐ-CP", "88/2025/QH15"]
