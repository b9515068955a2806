"""OCR readings saved as text: the repairs our own OCR's lines get apply to them too.

Layouts seen in the s15 development documents nq34-tu-2025 (a Party resolution) and
cv8388-btc-2026 (a ministry's letter), both tesseract readings of scans saved as text with a
maker's note on the first line and "===== Trang N =====" between pages; and in cv5085-sct-2026,
cv5141-snnmt-2025, qd1050-sct-2026 (pdftotext: a form feed starts each page, the page number
alone on that line). Invented wording below.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

RESOLUTION = """===== Trang 1 =====
TỈNH ỦY MẪU ĐẢNG CỘNG SẢN VIỆT NAM

Số 12-NQ/TU Tỉnh Mẫu, ngày 05 tháng 11 năm 2026

NGHỊ QUYẾT
CỦA BAN THƯỜNG VỤ TỈNH ỦY
về phát triển làng nghề

I. MỤC TIÊU
Phấn đấu đến năm 2027 có 40 làng nghề được công nhận.

II. NHIỆM VỤ VÀ GIẢI PHÁP

1 Đổi mới công tác quy hoạch làng nghề, gắn với phát triển du lịch nông thôn và
bảo tồn văn hóa truyền thống của địa phương.

2. Hỗ trợ các hộ làm nghề tiếp cận vốn vay ưu đãi để mở rộng sản xuất, đổi mới
thiết bị và nâng cao chất lượng sản phẩm.

3. Xây dựng thương hiệu cho sản phẩm làng nghề, đăng ký nhãn hiệu tập thể cho
ít nhất một sản phẩm của mỗi làng.

4. Đào tạo nghề cho lao động nông thôn gắn với nhu cầu của các cơ sở sản xuất
trên địa bàn, ưu tiên

===== Trang 2 =====
2

lao động trẻ và phụ nữ.

Š. Tăng cường xúc tiến thương mại, đưa sản phẩm làng nghề lên các sàn thương
mại điện tử trong tháng 3/2027.

IV. TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền Nghị quyết này đến cán bộ,
đảng viên và Nhân dân.

2. Văn phòng Tỉnh ủy theo dõi, đôn đốc việc thực hiện Nghị quyết.
"""


def test_transcript_markers_are_read_as_ocr_misreadings(tmp_path: Path) -> None:
    """Before: the page marker and the page number stayed in item II.4's text, "1 Đổi mới"
    (point lost) and "Š." (for "5.") were no items, so II.2-II.5 fell under one item, and "IV."
    after "II." (printed without a III) was no part: IV.1 and IV.2 read as II.x."""
    doc = parse_text(tmp_path, RESOLUTION, "nghi-quyet.md")
    sections = [d.section for d in doc.duties]
    assert sections[:5] == ["II.1", "II.2", "II.3", "II.4", "II.5"]
    assert "IV.1" in sections and "IV.2" in sections
    fourth = next(d for d in doc.duties if d.section == "II.4")
    assert "Trang" not in fourth.text and "ưu tiên lao động trẻ" in fourth.text
    lead = next(d for d in doc.duties if d.section == "IV.1")
    assert ("Ban Tuyên giáo Tỉnh ủy", "lead") in [(u.name, u.role) for u in lead.units]


LETTER = """[OCR] [Bản trích chữ tự động bằng tesseract từ bản quét — 2 trang.]

BỘ MẪU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 415/BM-KH Hà Nội, ngày 10 tháng 9 năm 2026
V/v triển khai quy chế quản lý kho lưu trữ

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương.

Để triển khai quy chế, Bộ Mẫu đề nghị Ủy ban nhân dân các tỉnh, thành phố trực
thuộc trung ương thực hiện các nội dung sau:

I. Phổ biến quy chế đến các cơ quan, đơn vị quản lý kho lưu trữ trên địa bàn.

2. Rà soát hiện trạng kho lưu trữ, lập danh sách kho cần sửa chữa.

3. Bố trí kinh phí bảo quản tài liệu theo phân cấp ngân sách.

4. Đào tạo người làm công tác lưu trữ về số hóa tài liệu.

3. Đối với Sở Nội vụ

a) Hướng dẫn các cơ quan lập danh mục hồ sơ nộp lưu.

b) Kiểm tra việc bảo quản tài liệu tại các kho lưu trữ.

©) Tổng hợp kết quả số hóa tài liệu của tỉnh.

d) Đề xuất danh mục tài liệu cần tu bổ.

đ) Phối hợp với Bộ Mẫu xây dựng cơ sở dữ liệu lưu trữ.

e) Báo cáo tình hình thực hiện theo yêu cầu.

8) Thực hiện các nhiệm vụ khác theo quy chế.

6. Báo cáo kết quả thực hiện về Bộ Mẫu trước ngày 15/12/2026.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Trần Văn Mẫu
"""


def test_transcript_note_makes_item_and_point_misreadings_repairable(tmp_path: Path) -> None:
    """Before: read as a text layer, "I." (for "1.") left the letter with no outline at all;
    now "I." is item 1, the second "3." after "4." is item 5 (a 3 read for a 5), and "©)",
    "8)" are its points c) and g)."""
    doc = parse_text(tmp_path, LETTER, "cong-van.md")
    sections = [d.section for d in doc.duties]
    for expected in ("1", "2", "3", "4", "5.a", "5.b", "5.c", "5.d", "5.đ", "5.e", "5.g", "6"):
        assert expected in sections, (expected, sections)
    assert sections.count("3") == 1
    fifth = {(u.name, u.role) for d in doc.duties if d.section == "5.b" for u in d.units}
    assert ("Sở Nội vụ", "lead") in fifth


def test_a_text_layer_keeps_its_numbers(tmp_path: Path) -> None:
    """Without the note or page markers the text is a text layer: its numbers are as printed,
    and a second "3." is not taken for a 5."""
    doc = parse_text(tmp_path, LETTER.split("\n", 1)[1], "cong-van.md")
    assert "5.a" not in {d.section for d in doc.duties}


FORM_FEED = """SỞ MẪU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 77/SM-VP Tỉnh Mẫu, ngày 02 tháng 10 năm 2026
V/v phân công thực hiện nhiệm vụ được giao

Kính gửi: Phòng Kế hoạch - Tài chính.

Giám đốc Sở yêu cầu các đơn vị thực hiện các nội dung sau:
1. Văn phòng Sở
Chủ trì rà soát quy chế tiếp nhận hồ sơ, trình Giám đốc Sở trong tháng 10/2026.
2. Phòng Kế hoạch - Tài chính
\f                                        2

Chủ trì, phối hợp với Văn phòng Sở lập dự toán kinh phí năm 2027 theo hướng dẫn
của cấp trên.
"""


def test_form_feed_page_number_is_no_text(tmp_path: Path) -> None:
    """Before: the page number "2" after the form feed was a duty of item 2 of its own."""
    doc = parse_text(tmp_path, FORM_FEED, "cong-van.md")
    texts = [d.text for d in doc.duties if d.section == "2"]
    assert texts and all(t.strip() != "2" for t in texts)


def test_mark_repair_reaches_a_lines_last_word() -> None:
    """Before: a word cut by the line's end kept its lost mark ("thành phô" ⏎ "trực thuộc …"):
    the repair needs both neighbours, and the line's end gave none."""
    from chinhsach.ingest.readers import clean_transcript

    lines = ["Ủy ban nhân dân các tỉnh, thành phô", "trực thuộc trung ương tổ chức thực hiện."]
    assert clean_transcript(lines)[0].endswith("thành phố")
    assert clean_transcript(["một dòng", "", "khác"]) == ["một dòng", "", "khác"]


CONCLUSION = """[OCR] [Bản trích chữ tự động bằng tesseract từ bản quét ket-luan.pdf — 2 trang.]

===== Trang 1 =====
TỈNH ỦY MẪU ĐẢNG CỘNG SẢN VIỆT NAM

Số 31-KL/TU Tỉnh Mẫu, ngày 10 tháng 3 năm 2027

KẾT LUẬN
CỦA BAN THƯỜNG VỤ TỈNH ỦY
về phát triển rừng gỗ lớn

I- TÌNH HÌNH

Diện tích rừng trồng gỗ lớn còn nhỏ, chuỗi chế biến chưa hình thành.

I- MỤC TIÊU

Phấn đấu đến năm 2030 có 30.000 ha rừng trồng gỗ lớn được cấp chứng chỉ.

II- NHIỆM VỤ, GIẢI PHÁP

1. Sở Nông nghiệp và Môi trường rà soát quy hoạch vùng trồng rừng gỗ lớn.

===== Trang 2 =====

IV- TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền Kết luận này.
"""


def test_a_roman_numeral_that_lost_a_stroke_is_the_next_part(tmp_path: Path) -> None:
    """A scan read "II-" as "I-" and "III-" as "II-" (s16 held-out kl75, a Party conclusion:
    I, I, II, IV): the parts are I-IV, and the target and duties cite II and III, not "I~2"."""
    doc = parse_text(tmp_path, CONCLUSION, "ket-luan.md")
    assert [t.section for t in doc.targets if t.value is not None] == ["II"]
    sections = [d.section for d in doc.duties]
    assert "III.1" in sections and "IV.1" in sections


# An appendix of indicators on a scanned page (s16 held-out kl75, a Party conclusion's appendix of
# 18 targets): specks before "Phụ lục", the header on one line, each row's number beside the middle
# line of its cell, the value at a line's end, the column rules read as "|", "`", "¬". Invented
# wording and figures.
INDICATOR_APPENDIX = """[OCR] [Bản trích chữ tự động bằng tesseract từ bản quét ket-luan-rung.pdf — 2 trang.]

===== Trang 1 =====
TỈNH ỦY MẪU ĐẢNG CỘNG SẢN VIỆT NAM

Số 32-KL/TU Tỉnh Mẫu, ngày 12 tháng 3 năm 2027

KẾT LUẬN
CỦA BAN THƯỜNG VỤ TỈNH ỦY
về phát triển lâm nghiệp bền vững

I- MỤC TIÊU

Đến năm 2030 đạt các chỉ tiêu tại Phụ lục kèm theo.

II- TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền Kết luận này.

T/M BAN THƯỜNG VỤ
BÍ THƯ

===== Trang 2 =====
„ Ve „ Phụ lục
CÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026 - 2030

TT Chỉ tiêu Mục tiêu
1 Tỉ lệ diện tích rừng trồng gỗ lớn có chứng chỉ quản lý | Tối thiểu
'_ | rừng bền vững 15%
Tỉ lệ hộ nhận khoán bảo vệ rừng được chi trả dịch vụ môi
2. R - 90%
trường rừng đúng hạn
3. | Tỉ lệ che phủ rừng toàn tỉnh 58%
z | Tỉ lệ xã có tổ đội phòng cháy rừng được trang bị đủ N57
` | dụng cụ °
5 Tỉ lệ vườn ươm đạt chuẩn trên tổng số vườn ươm 804%
6. | Số mô hình trồng rừng gỗ lớn được công nhận 1.150
7. | Giảm diện tích rừng bị cháy tính trên tổng diện tích/năm 1-2%
"""


def test_an_ocr_indicator_appendix_gives_its_rows_targets(tmp_path: Path) -> None:
    """Each row of the scanned appendix is a target of its row (PL1.n): the value at the end of
    one of its lines, the bound ("Tối thiểu") on the line above, the unit of a count from the
    row's name ("Số mô hình" → mô hình), a rate per year "%/năm"; a row whose value the scan
    garbled ("N57"; a share of "804%") gives none."""
    doc = parse_text(tmp_path, INDICATOR_APPENDIX, "ket-luan-rung.md")
    got = {t.section: (t.value, t.unit) for t in doc.targets
           if t.value is not None and (t.section or "").startswith("PL1")}
    assert got == {"PL1.1": (15.0, "%"), "PL1.2": (90.0, "%"), "PL1.3": (58.0, "%"),
                   "PL1.6": (1150.0, "mô hình"), "PL1.7": (1.0, "%/năm")}
    first = next(t for t in doc.targets if t.section == "PL1.1")
    assert "rừng bền vững" in first.indicator and first.comparator == "at_least"
    two = next(t for t in doc.targets if t.section == "PL1.2")
    assert "dịch vụ môi trường rừng" in two.indicator


# A PDF text layer saved column by column (s14 held-out ctr104, a provincial Party committee's
# programme, Phụ lục 1): the header's labels one per line, then the page's row numbers, its
# indicator cells, its values, then the lead column, and the header again on the next page.
# Invented wording and figures.
COLUMN_RUNS = """KẾ HOẠCH
Phát triển lâm nghiệp giai đoạn 2026 - 2030

I. MỤC TIÊU
Nâng cao giá trị rừng trồng.

II. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp và Môi trường chủ trì theo dõi các chỉ tiêu tại Phụ lục.

TM. ỦY BAN NHÂN DÂN

PHỤ LỤC 1
CÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026-2030

TT

Nội dung

Mục tiêu

1

2

3

Tỷ lệ diện tích rừng trồng gỗ lớn
có chứng chỉ

Tối thiểu
15%

Tỷ lệ vườn ươm đạt chuẩn
Tỷ lệ xã có tổ đội phòng cháy
rừng được trang bị

90%

75%

Cơ quan
chủ trì
Sở Nông nghiệp
và Môi trường

Sở Tài chính

Người phụ trách

Đồng chí Phó Chủ tịch
UBND tỉnh

Công an tỉnh

TT

Nội dung

Mục tiêu

4 Số mô hình trồng rừng gỗ lớn

02 mô hình

5

Giảm diện tích rừng bị cháy so với
GRDP bình quân

20%

Cơ quan
chủ trì

Sở Nông nghiệp
và Môi trường

Sở Xây dựng
"""


def test_an_indicator_table_printed_column_by_column(tmp_path: Path) -> None:
    """The k-th indicator cell goes with the k-th value cell, across the page's repeated
    header: five targets of PL1.1-PL1.5, the bound of the first ("Tối thiểu") on the line above
    its value, a cell wrapped onto a line in capitals ("GRDP …") kept in its cell; the lead
    column after the values gives each row's lead."""
    doc = parse_text(tmp_path, COLUMN_RUNS, "ke-hoach-rung.md")
    got = {t.section: (t.value, t.unit) for t in doc.targets
           if t.value is not None and (t.section or "").startswith("PL1")}
    assert got == {"PL1.1": (15.0, "%"), "PL1.2": (90.0, "%"), "PL1.3": (75.0, "%"),
                   "PL1.4": (2.0, "mô hình"), "PL1.5": (20.0, "%")}
    by = {t.section: t for t in doc.targets}
    assert by["PL1.1"].comparator == "at_least" and "chứng chỉ" in by["PL1.1"].indicator
    assert "phòng cháy" in by["PL1.3"].indicator and "GRDP" in by["PL1.5"].indicator
    # The lead column's cells, a blank line apart, go with the rows in order; the person in
    # charge ("Đồng chí …") is no unit.
    leads = {d.section: [u.name for u in d.units if u.role == "lead"] for d in doc.duties
             if (d.section or "").startswith("PL1.")}
    assert leads == {"PL1.1": ["Sở Nông nghiệp và Môi trường"], "PL1.2": ["Sở Tài chính"],
                     "PL1.3": ["Công an tỉnh"], "PL1.4": ["Sở Nông nghiệp và Môi trường"],
                     "PL1.5": ["Sở Xây dựng"]}
