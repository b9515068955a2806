"""Pages of the Official Gazette (Công báo) saved as text: running heads, page numbers and the
e-signature stamp are page furniture, not text.

Layout seen in the s14 development documents nq116-cp-2026 and qd892-ttg-2026 (Công báo số 277
and 302, 2026: every page opens "CÔNG BÁO/Số N/Ngày dd-mm-yyyy" with its page number on the
next line, and the first page ends with the stamp "Ký bởi: … / Cơ quan: … / Ngày ký: …").
Invented wording below.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

GAZETTE = """CÔNG BÁO/Số 512/Ngày 03-09-2026
17

ỦY BAN NHÂN DÂN
TỈNH MẪU
Số: 45/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tỉnh Mẫu, ngày 12 tháng 8 năm 2026

KẾ HOẠCH
Phát triển thư viện cộng đồng năm 2026

I. MỤC TIÊU
1. Phấn đấu 85% xã có thư viện cộng đồng hoạt động thường xuyên
và hiệu quả.
Ký bởi: CÔNG BÁO TỈNH MẪU
Cơ quan: VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH
Ngày ký: 2026-09-03 09:41:27 +07:00

CÔNG BÁO/Số 512/Ngày 03-09-2026
18

II. NHIỆM VỤ
1. Sở Văn hóa, Thể thao và Du lịch chủ trì rà soát mạng lưới thư viện cơ sở, đánh giá nhu
cầu đọc của người dân ở các thôn, bản vùng

CÔNG BÁO/Số 512/Ngày 03-09-2026
19

sâu, vùng xa; hoàn thành trong quý IV năm 2026.
2. Ủy ban nhân dân các xã bố trí địa điểm đặt tủ sách.
"""


def test_running_heads_and_stamp_are_not_text(tmp_path: Path) -> None:
    """Before: the stamp's clock and the issue number gave targets (09, 41, 27, 07, 512 …), and
    the running head inside item II.1 made a pseudo-item "CÔNG BÁO/Số 512 …" that cut the item
    before its deadline."""
    doc = parse_text(tmp_path, GAZETTE, "cong-bao.md")
    assert [(t.section, t.value) for t in doc.targets] == [("I.1", 85.0)]
    texts = [d.text for d in doc.duties]
    assert not any("CÔNG BÁO" in t or "Ký bởi" in t for t in texts)
    first = next(d for d in doc.duties if d.section == "II.1")
    assert "vùng sâu, vùng xa" in first.text
    assert first.deadline == "2026-12-31"
    assert [d.section for d in doc.duties] == ["II.1", "II.2"]


def test_a_number_alone_outside_a_running_head_stays(tmp_path: Path) -> None:
    """Only a number beside a running head is its page number: an STT alone on its line in a
    flattened table, or a figure on its own line, is text."""
    from chinhsach.ingest.readers import drop_page_furniture
    from chinhsach.model import Provenance, SourceLine

    lines = [SourceLine(t, Provenance("x", None, k)) for k, t in
             enumerate(["Ký bởi: ông A", "là người ký văn bản", "17", "CÔNG BÁO/Số 3/Ngày 01-02-2026",
                        "18", "tiếp theo"], 1)]
    kept = [line.text for line in drop_page_furniture(lines)]
    # An unfinished "stamp" (no signing time) is text; "17" before the head is its page number.
    assert kept == ["Ký bởi: ông A", "là người ký văn bản", "tiếp theo"]


def test_a_capital_after_the_page_break_opens_a_block() -> None:
    """The page broke mid-sentence when the next page goes on in lower case or with a figure
    ("… năm" / "2026."); a capital after an unpunctuated line (the signer's name, then "Phụ lục"
    on the next page, s14 dev nq116) opens a block of its own: before, the appendix was joined to
    the signature and its task table read as part of the last section."""
    from chinhsach.ingest.readers import drop_page_furniture
    from chinhsach.model import Provenance, SourceLine

    texts = ["hoàn thành trước ngày 15 tháng 6 năm", "CÔNG BÁO/Số 3/Ngày 01-02-2026", "18", "2026.",
             "Nguyễn Văn Mẫu", "CÔNG BÁO/Số 3/Ngày 01-02-2026", "19", "Phụ lục"]
    lines = [SourceLine(t, Provenance("x", None, k), gap_before=True) for k, t in enumerate(texts, 1)]
    kept = {line.text: line for line in drop_page_furniture(lines)}
    assert not kept["2026."].gap_before and not kept["2026."].page_break_before
    assert kept["Phụ lục"].gap_before and kept["Phụ lục"].page_break_before

# ---------------------------------------------------------------------------------------------
# s14 dev nq105-cp-2026 (fixH): a Government resolution issuing an action programme, its two
# appendices printed after the programme with no signature between, the first a duty table
# whose PDF text stacks each cell's pieces. Invented wording below.
# ---------------------------------------------------------------------------------------------

HEAD = "CÔNG BÁO/Số 517/Ngày 09-03-2026 "


def _page(number: int, body: str) -> str:
    return f"\n{HEAD}\n{number}\n \n \n{body}\n"


PLAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH KIM SƠN\n\nSố: 41/KH-UBND\n\n"
    "Kim Sơn, ngày 12 tháng 02 năm 2026\n\nKẾ HOẠCH\n"
    "Triển khai số hóa hồ sơ đất đai năm 2026\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "1. Hoàn thành số hóa hồ sơ đất đai trên địa bàn tỉnh.\n"
    "II. NHIỆM VỤ, GIẢI PHÁP\n"
    "1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính rà soát\n"
    "toàn bộ kho hồ sơ, hoàn thành trong quý II/2026.\n"
    + _page(12,
            "2. Sở Khoa học và Công nghệ chủ trì xây dựng cơ sở dữ liệu dùng chung, bảo đảm")
    + _page(13,
            "kinh phí thực hiện từ nguồn chi thường xuyên; hoàn thành trong quý III/2026.\n"
            "3. Ủy ban nhân dân các xã, phường tổ chức cập nhật dữ liệu biến động hằng tháng.")
    + _page(14,
            "III. TỔ CHỨC THỰC HIỆN\n"
            "Sở Nông nghiệp và Môi trường theo dõi, tổng hợp kết quả, báo cáo Ủy ban nhân dân\n"
            "tỉnh trước ngày 15/12/2026.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Bình\n")
)


def test_heads_dropped_in_a_plan_cut_by_pages(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, PLAN)
    texts = [s.text for s in doc.segments]
    assert not any("CÔNG BÁO" in t for t in texts)
    assert not any(t.strip() in {"12", "13", "14"} for t in texts)
    assert not any("CÔNG BÁO" in d.text for d in doc.duties)


def test_a_paragraph_cut_by_the_page_goes_on(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, PLAN)
    duty = next(d for d in doc.duties if d.section == "II.2")
    assert "bảo đảm kinh phí thực hiện" in duty.text
    assert duty.deadline == "2026-09-30"


# A resolution that issues a programme, the programme's appendices printed after its last part
# with no signature between them: "Phụ lục I" in sentence case over a title in capitals and the
# "(Kèm theo …)" note, the three lines joined as a gazette's text joins them (s14 dev nq105-cp).
RESOLUTION = (
    "CHÍNH PHỦ\n\nSố: 77/NQ-CP\n\nHà Nội, ngày 05 tháng 3 năm 2026\n\nNGHỊ QUYẾT\n"
    "Ban hành Chương trình hành động về chuyển đổi số hồ sơ hành chính\n\nCHÍNH PHỦ\n\n"
    "QUYẾT NGHỊ:\n"
    "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động về chuyển đổi số hồ sơ\n"
    "hành chính.\n"
    "Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.\n\n"
    "TM. CHÍNH PHỦ\nTHỦ TƯỚNG\n\nTrần Văn Nam\n\n"
    "CHƯƠNG TRÌNH\nHành động về chuyển đổi số hồ sơ hành chính\n"
    "(Kèm theo Nghị quyết số 77/NQ-CP ngày 05 tháng 3 năm 2026 của Chính phủ)\n"
    "I. NHIỆM VỤ, GIẢI PHÁP\n"
    "1. Bộ Nội vụ chủ trì xây dựng quy chế lưu trữ điện tử, hoàn thành trong quý II/2026.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Bộ Tài chính bố trí kinh phí thực hiện Chương trình.\n"
    "2. Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện Chương trình.\n\n"
    "Phụ lục I\nDANH MỤC HỒ SƠ ƯU TIÊN SỐ HÓA\n"
    "(Kèm theo Chương trình hành động tại Nghị quyết số 77/NQ-CP)\n"
    "Hồ sơ đất đai\nCác bộ, cơ quan ngang bộ\nQuý IV/2026\n"
)


def test_an_appendix_with_its_attachment_note_opens_without_a_table(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, RESOLUTION)
    ids = {s.id for s in doc.sections}
    assert "CTr.PL1" in ids
    # The appendix's lines are no part of the programme's last item.
    last = [d for d in doc.duties if d.section == "CTr.II.2"]
    assert last and not any("DANH MỤC" in d.text or "Hồ sơ đất đai" in d.text for d in last)


def test_appendix_heading_forms() -> None:
    from chinhsach.structure.tables import appendix_heading

    title = ("NHIỆM VỤ TRỌNG TÂM THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ VỀ CHUYỂN ĐỔI SỐ "
             "HỒ SƠ HÀNH CHÍNH GIAI ĐOẠN 2026 - 2030 TẠI CÁC BỘ, CƠ QUAN NGANG BỘ VÀ ỦY BAN NHÂN "
             "DÂN CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG")
    got = appendix_heading(f"Phụ lục II {title} (Kèm theo Chương trình hành động của Chính phủ)")
    assert got is not None and got[0] == 2
    assert appendix_heading("Phụ lục I kèm theo Kế hoạch này quy định danh mục hồ sơ.") is None
    assert appendix_heading("Phụ lục II Đối với các bộ, cơ quan ngang bộ thực hiện rà soát") is None


# A duty table as a gazette's PDF text prints it: the header's labels one per line under "TT",
# each row's STT alone on its line, the task's wide lines, then the narrow columns' pieces one
# after another, the header printed again on the next page (s14 dev nq105-cp-2026 Phụ lục I,
# 34 rows). Invented rows and units.
STACKED = (
    "ỦY BAN NHÂN DÂN\nTỈNH KIM SƠN\n\nSố: 52/KH-UBND\n\nKim Sơn, ngày 02 tháng 3 năm 2026\n\n"
    "KẾ HOẠCH\nChuyển đổi số hồ sơ hành chính năm 2026\n\n"
    "I. NHIỆM VỤ\n1. Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo.\n\n"
    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Bình\n\n"
    "Phụ lục\nDANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026\n(Kèm theo Kế hoạch số 52/KH-UBND)\n"
    "TT \nNội dung công việc \nCơ quan \nchủ trì \nCơ quan \nphối hợp \nSản phẩm \nThời hạn \n"
    "hoàn thành \n"
    "I \nSố hóa hồ sơ và dữ liệu \n"
    "1 \nRà soát toàn bộ kho hồ sơ địa chính đang \nlưu giữ tại các cơ quan chuyên môn cấp \n"
    "tỉnh và cấp xã \n"
    "Sở Nông \nnghiệp và Môi \ntrường \nSở Tài chính; \nSở Tư pháp \nBáo cáo rà \nsoát \n"
    "Quý II/2026 \n"
    "2 \nXây dựng cơ sở dữ liệu dùng chung cho \nhồ sơ hành chính của tỉnh, kết nối với \n"
    "hệ thống thông tin giải quyết thủ tục \n"
    "Sở Khoa học \nvà Công nghệ \nCác sở, ban, \nngành \nCơ sở dữ liệu \nThường xuyên \n"
    "TT \nNội dung công việc \nCơ quan \nchủ trì \nCơ quan \nphối hợp \nSản phẩm \nThời hạn \n"
    "hoàn thành \n"
    "II \nĐào tạo và hướng dẫn \n"
    "1 \nTổ chức tập huấn kỹ năng số cho công \nchức phụ trách hồ sơ ở cấp xã \n"
    "Sở Nội vụ \nỦy ban nhân \ndân các xã, \nphường \nLớp tập huấn \nNăm 2026 \n"
)


def test_a_stacked_duty_table_is_read_row_by_row(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, STACKED)
    rows = {d.section: d for d in doc.duties if d.section and d.section.startswith("PL1.")}
    assert set(rows) == {"PL1.I.1", "PL1.I.2", "PL1.II.1"}

    def roles(section: str) -> set[tuple[str, str]]:
        return {(u.name, u.role) for u in rows[section].units}

    assert ("Sở Nông nghiệp và Môi trường", "lead") in roles("PL1.I.1")
    assert {("Sở Tài chính", "cooperate"), ("Sở Tư pháp", "cooperate")} <= roles("PL1.I.1")
    assert rows["PL1.I.1"].deadline == "2026-06-30"
    assert ("Sở Khoa học và Công nghệ", "lead") in roles("PL1.I.2")
    assert rows["PL1.I.2"].recurring == "thường xuyên"
    assert ("Sở Nội vụ", "lead") in roles("PL1.II.1")
    assert rows["PL1.II.1"].deadline == "2026-12-31"


def test_competent_level_in_a_submission_cell_is_no_unit(tmp_path: Path) -> None:
    """A "Cấp trình" cell reading "Cấp có thẩm quyền" names no body (generic words); a named
    one ("Ủy ban nhân dân tỉnh") is report_to (nq105-cp-2026 Phụ lục I: 20 such rows)."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH KIM SƠN\n\nSố: 70/KH-UBND\n\nKim Sơn, ngày 02 tháng 3 năm 2026\n\n"
        "KẾ HOẠCH\nSố hóa hồ sơ năm 2026\n\nI. NHIỆM VỤ\n\n"
        "| STT | Nội dung công việc | Cơ quan chủ trì | Cấp trình | Thời hạn hoàn thành |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Xây dựng quy chế lưu trữ điện tử | Sở Nội vụ | Cấp có thẩm quyền | Quý II/2026 |\n"
        "| 2 | Ban hành danh mục hồ sơ số hóa | Sở Tư pháp | Ủy ban nhân dân tỉnh | Quý III/2026 |\n"
    )
    doc = parse_text(tmp_path, text)
    units = {u.name: u.role for d in doc.duties for u in d.units}
    assert units.get("Sở Nội vụ") == "lead" and units.get("Ủy ban nhân dân tỉnh") == "report_to"
    assert not any("thẩm quyền" in name for name in units)


# The page cuts a narrow cell: its last pieces stand under the header printed again, one in
# capitals ("Ủy ban …") after a piece left open. Read again from its "TT", that header ran on into
# the pieces and was not known, so it stayed in the row (s14 dev nq105-cp-2026 Phụ lục I, row 6:
# the labels inside its deadline); the header as the table's top printed it is skipped.
CUT_BY_PAGE = STACKED.replace(
    "Thường xuyên \nTT \nNội dung công việc \nCơ quan \nchủ trì \nCơ quan \nphối hợp \nSản phẩm \n"
    "Thời hạn \nhoàn thành \n",
    "Quý III/2026 (sau \nkhi được phê \nTT \nNội dung công việc \nCơ quan \nchủ trì \nCơ quan \n"
    "phối hợp \nSản phẩm \nThời hạn \nhoàn thành \nduyệt của \nỦy ban nhân \ndân tỉnh) \n")


def test_a_narrow_cell_cut_by_the_page_skips_the_repeated_header(tmp_path: Path) -> None:
    assert CUT_BY_PAGE != STACKED
    doc = parse_text(tmp_path, CUT_BY_PAGE)
    rows = {d.section: d for d in doc.duties if d.section and d.section.startswith("PL1.")}
    assert set(rows) == {"PL1.I.1", "PL1.I.2", "PL1.II.1"}
    text = rows["PL1.I.2"].deadline_text or ""
    assert "Nội dung công việc" not in text and "Sản phẩm" not in text
    assert text.startswith("Quý III/2026") and text.endswith("dân tỉnh)")
    assert ("Sở Nội vụ", "lead") in {(u.name, u.role) for u in rows["PL1.II.1"].units}


# A PDF text layer with no form feeds: the page's number stands alone between blank lines
# inside the sentence the page broke (s14 held-out ctr104, a provincial Party programme).
FOLIO_IN_SENTENCE = """TỈNH ỦY MẪU

Số 22-CTr/TU Tỉnh Mẫu, ngày 04 tháng 9 năm 2026

CHƯƠNG TRÌNH HÀNH ĐỘNG
về phát triển du lịch cộng đồng

I. MỤC TIÊU
Phấn đấu đến năm 2030 có 12 làng du lịch cộng đồng đạt chuẩn; phát huy

2

vai trò của cộng đồng dân cư và doanh nghiệp trong giữ gìn bản sắc văn hóa.

II. NHIỆM VỤ
1. Sở Văn hóa, Thể thao và Du lịch chủ trì xây dựng bộ tiêu chí làng du lịch.
"""


def test_a_page_number_inside_a_broken_sentence_is_no_text(tmp_path: Path) -> None:
    """The "2" was read as a target "2 vai trò"; the sentence goes on across the page."""
    doc = parse_text(tmp_path, FOLIO_IN_SENTENCE)
    assert [t.value for t in doc.targets if t.value is not None] == [12.0]
    assert any("phát huy vai trò của cộng đồng" in s.text for s in doc.segments)
