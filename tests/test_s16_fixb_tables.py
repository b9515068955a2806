"""Government task appendices in the stacked layout with a column after the time and footnotes
under the rows (session 16, helper fixB).

s14 held-out nq97/NQ-CP 2026 (a resolution adding 29 tasks to an action programme) prints its
appendix as the Official Gazette's text layer: one cell piece per line under "TT | Tên nhiệm vụ |
Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành | Căn cứ bổ sung", and on each
page a footnote naming the resolution a basis cell cites. Before, the "Căn cứ" label named no
column and the table was not read at all (units 0.033, deadlines 0/36). Invented wording below.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.structure.tables import _role_of

_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH KIM SƠN\n\nSố: 72/KH-UBND\n\nKim Sơn, ngày 06 tháng 4 năm 2026\n\n"
         "KẾ HOẠCH\nBổ sung nhiệm vụ cải cách hành chính năm 2026\n\n"
         "I. NHIỆM VỤ\n1. Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo.\n\n"
         "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Bình\n\n")

_HEADER = ("TT \nTên nhiệm vụ \nCơ quan  \nchủ trì  \nCơ quan  \nphối hợp  \nKết quả \nThời gian \n"
           "hoàn thành \nCăn cứ  \nbổ sung \n")

BASIS_COLUMN = _HEAD + (
    "Phụ lục \nDANH MỤC NHIỆM VỤ BỔ SUNG NĂM 2026\n(Kèm theo Kế hoạch số 72/KH-UBND)\n"
    + _HEADER
    + "1  \nRà soát, cập nhật danh mục thủ tục hành chính \nthuộc thẩm quyền giải quyết của tỉnh \n"
    "Sở Tư pháp \nCác sở, \nngành \nDanh mục được \ncông bố \nThường \nxuyên \nNghị quyết \nsố 15-\nNQ/TU1 \n"
    "2  \nXây dựng kho dữ liệu dùng chung về hồ sơ đất \nđai phục vụ giải quyết thủ tục \n"
    "Sở Nông nghiệp \nvà Môi trường \nSở Tài chính \nKho dữ liệu \nđược vận hành \nTháng \n9/2026 \n"
    "Kế hoạch \nsố 40/KH-\nUBND \n"
    " \n1 Nghị quyết số 15-NQ/TU ngày 20/01/2026 của Ban Thường vụ Tỉnh ủy về đẩy mạnh cải cách hành chính và chuyển đổi số. \n"
    "3  \nTổ chức đối thoại với doanh nghiệp về thủ tục \nđầu tư trên địa bàn tỉnh \n"
    "Sở Tài chính \nSở Nội vụ \nHội nghị được \ntổ chức \n2026 \nNghị quyết \nsố 15-\nNQ/TU \n"
)


def test_a_basis_label_names_a_column_without_a_role() -> None:
    assert _role_of("Căn cứ bổ sung") == "note"
    assert _role_of("Căn cứ đề xuất") == "note"


def test_a_task_appendix_with_a_basis_column_and_a_footnote_is_read(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, BASIS_COLUMN)
    rows = {d.section: d for d in doc.duties if d.section and d.section.startswith("PL1.")}
    assert set(rows) == {"PL1.1", "PL1.2", "PL1.3"}

    def roles(section: str) -> set[tuple[str, str]]:
        return {(u.name, u.role) for u in rows[section].units}

    assert ("Sở Tư pháp", "lead") in roles("PL1.1")
    # The time is not the row's last cell: the basis after it is its own column.
    assert rows["PL1.1"].recurring == "thường xuyên"
    assert ("Sở Nông nghiệp và Môi trường", "lead") in roles("PL1.2")
    assert ("Sở Tài chính", "cooperate") in roles("PL1.2")
    assert rows["PL1.2"].deadline == "2026-09-30"
    # The footnote under row 2 is no row: row 3 keeps its number, its units and its time.
    assert {("Sở Tài chính", "lead"), ("Sở Nội vụ", "cooperate")} <= roles("PL1.3")
    assert rows["PL1.3"].deadline == "2026-12-31"
    # ... and the document it names stays read, with its date.
    dates = {c.number: c.date for c in doc.citations}
    assert dates.get("15-NQ/TU") == "2026-01-20"


# A crawled page of a Government action programme that drops the signature: the attached task
# list ("DANH MỤC CÁC NHIỆM VỤ CHỦ YẾU …" in capitals, no "PHỤ LỤC", over its "(Kèm theo …)"
# line) follows the last item of "TỔ CHỨC THỰC HIỆN" (s15 held-out nq88/NQ-CP 2022: its 19 rows
# were cited as that item, CTr.III.3; units 0.165). Invented wording.
UNSIGNED_LIST = (
    "ỦY BAN NHÂN DÂN\nTỈNH KIM SƠN\n\nSố: 80/KH-UBND\n\nKim Sơn, ngày 12 tháng 5 năm 2026\n\n"
    "KẾ HOẠCH\nPhát triển vật liệu xây dựng xanh giai đoạn 2026 - 2030\n\n"
    "I. NHIỆM VỤ, GIẢI PHÁP\n"
    "1. Sở Xây dựng rà soát quy hoạch các mỏ vật liệu xây dựng trong năm 2026.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Các sở, ngành xây dựng kế hoạch thực hiện các nhiệm vụ tại Danh mục kèm theo.\n"
    "2. Sở Xây dựng theo dõi, đôn đốc; định kỳ trước ngày 15 tháng 12 hằng năm tổng hợp, báo cáo "
    "Ủy ban nhân dân tỉnh.\n\n"
    "DANH MỤC\n"
    "CÁC NHIỆM VỤ CHỦ YẾU KÈM THEO KẾ HOẠCH PHÁT TRIỂN VẬT LIỆU XÂY DỰNG XANH GIAI ĐOẠN 2026 - 2030\n"
    "(Kèm theo Kế hoạch số 80/KH-UBND ngày 12 tháng 5 năm 2026 của Ủy ban nhân dân tỉnh)\n\n"
    "TT | Nội dung công việc | Sản phẩm | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
    "1 | Xây dựng bộ tiêu chí vật liệu xây dựng xanh | Quyết định | Sở Xây dựng | Sở Khoa học và Công nghệ | Quý IV năm 2026\n"
    "2 | Hỗ trợ doanh nghiệp đổi mới công nghệ nung gạch | Đề án | Sở Công Thương | Sở Tài chính | Năm 2027\n"
    "3 | Kiểm tra việc khai thác khoáng sản làm vật liệu | Báo cáo | Sở Nông nghiệp và Môi trường | Công an tỉnh | Năm 2026 và hằng năm\n"
)


def test_an_attached_list_after_the_last_item_of_an_unsigned_page_is_an_appendix(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, UNSIGNED_LIST)
    rows = {d.section: d for d in doc.duties if d.section and "PL1." in d.section}
    assert set(rows) == {"PL1.1", "PL1.2", "PL1.3"}
    assert ("Sở Xây dựng", "lead") in {(u.name, u.role) for u in rows["PL1.1"].units}
    assert rows["PL1.1"].deadline == "2026-12-31"
    assert not any(d.section == "II.2" and d.text.startswith("Xây dựng bộ tiêu chí") for d in doc.duties)


def test_an_evaluated_outturn_column_is_a_baseline_not_a_lead_column() -> None:
    """The forms of a three-year budget plan print "Dự toán HĐND tỉnh quyết định | Đánh giá thực
    hiện | Năm 2026 …" (s13 kh0204/KH-UBND 2025, Mẫu biểu 04): read as "thực hiện", the outturn
    made a lead column and 22 budget lines duties with no unit."""
    assert _role_of("Đánh giá thực hiện") == "baseline"
    assert _role_of("Năm 2025 / Đánh giá thực hiện") == "baseline"
    assert _role_of("Đơn vị thực hiện") == "lead"


# A part that names a forecast and then the measures ("III. DỰ BÁO … VÀ CÁC GIẢI PHÁP THỰC HIỆN"):
# its second sub-section, titled by the measures at length, holds tasks (s13 held-out
# kh0204/KH-UBND 2025, a three-year budget plan: its 12 measures, three with a time, were read
# as a situation and gave no duty). Invented wording.
FORECAST_AND_MEASURES = (
    "ỦY BAN NHÂN DÂN\nTỈNH KIM SƠN\n\nSố: 95/KH-UBND\n\nKim Sơn, ngày 20 tháng 11 năm 2026\n\n"
    "KẾ HOẠCH\nTài chính - ngân sách nhà nước 03 năm 2027 - 2029\n\n"
    "I. TÌNH HÌNH THỰC HIỆN DỰ TOÁN NĂM 2026\n"
    "Thu ngân sách năm 2026 ước đạt kế hoạch.\n"
    "II. DỰ BÁO TÁC ĐỘNG ĐẾN CÂN ĐỐI NGÂN SÁCH VÀ CÁC GIẢI PHÁP THỰC HIỆN KẾ HOẠCH\n"
    "1. Dự báo tác động\n"
    "- Giá nông sản có thể giảm làm giảm nguồn thu.\n"
    "2. Các giải pháp thực hiện kế hoạch tài chính - ngân sách 03 năm 2027 - 2029 của tỉnh\n"
    "- Định kỳ rà soát tiến độ giải ngân vốn đầu tư công hằng năm.\n"
    "- Thường xuyên kiểm tra việc sử dụng kinh phí tại các đơn vị sự nghiệp công lập.\n\n"
    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Bình\n"
)


def test_the_measures_a_forecast_part_announces_are_tasks(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, FORECAST_AND_MEASURES)
    parts = {s.id: s.part for s in doc.sections}
    assert parts["II.1"] == "situation" and parts["II.2"] == "tasks"
    measures = [d for d in doc.duties if d.section == "II.2"]
    assert {d.recurring for d in measures} >= {"hằng năm", "thường xuyên"}
    assert not any(d.section == "II.1" for d in doc.duties)
