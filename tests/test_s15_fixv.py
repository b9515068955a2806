"""Session 15 (fixV): a Government resolution as a Công báo text layer prints it.

Layouts of s15 dev nq175-cp-2023 (Công báo số 1091+1092): the Gazette's section label
("VĂN BẢN PHÁP LUẬT KHÁC") over the first page, the issuer line drawn twice, page numbers
printed two or three times around each running head (hiding the appendix heading that follows),
and a roadmap whose phase headings add a bracketed theme after their period.
All wording below is invented.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

_GAZETTE = """
CÔNG BÁO/Số 640 + 641/Ngày 14-05-2032
17

VĂN BẢN PHÁP LUẬT KHÁC

CHÍNH PHỦ

 CHÍNH PHỦ
Số: 58/NQ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 02 tháng 5 năm 2032

NGHỊ QUYẾT
Phê duyệt Đề án mạng lưới kho lạnh nông sản

CHÍNH PHỦ

QUYẾT NGHỊ:
Điều 1. Phê duyệt Đề án mạng lưới kho lạnh nông sản với các nội dung sau:
I. MỤC TIÊU
Đến năm 2035 có 40 kho lạnh vùng.
II. CÁC GIAI ĐOẠN THỰC HIỆN
1. Giai đoạn 1 từ năm 2032 đến hết năm 2033 (Giai đoạn chuẩn bị)
a) Bộ Nông nghiệp và Môi trường khảo sát nhu cầu bảo quản nông sản các vùng.
2. Giai đoạn 2 từ năm 2034 đến hết năm 2036 (Giai đoạn nhân rộng)
a) Ủy ban nhân dân các tỉnh bố trí quỹ đất xây dựng kho lạnh.
Điều 2. Tổ chức thực hiện
Bộ Tài chính bố trí kinh phí thực hiện Đề án.
TM. CHÍNH PHỦ
THỦ TƯỚNG
Lê Văn Khoa

18
18

18
CÔNG BÁO/Số 640 + 641/Ngày 14-05-2032
Phụ lục I
DANH MỤC NHIỆM VỤ
(Kèm theo Nghị quyết số 58/NQ-CP ngày 02 tháng 5 năm 2032 của Chính phủ)
1. Bộ Công Thương chủ trì xây dựng sàn giao dịch nông sản, hoàn thành trong quý IV năm 2032.
2. Bộ Xây dựng ban hành tiêu chuẩn kho lạnh, hoàn thành trong năm 2033.

CÔNG BÁO/Số 640 + 641/Ngày 14-05-2032
19


19
Phụ lục II
DANH MỤC DỰ ÁN
(Kèm theo Nghị quyết số 58/NQ-CP ngày 02 tháng 5 năm 2032 của Chính phủ)
1. Bộ Giao thông vận tải chủ trì nâng cấp cảng cá, hoàn thành trong năm 2034.
"""


def test_the_gazette_section_label_and_a_doubled_issuer_line_are_no_header(tmp_path: Path) -> None:
    """The section label of the issue is dropped at ingest and the issuer line printed twice is
    read once: the header is the resolution's own."""
    doc = parse_text(tmp_path, _GAZETTE, "nq.txt")
    assert doc.meta.type == "Nghị quyết"
    assert doc.meta.number == "58/NQ-CP"
    assert doc.meta.date == "2032-05-02"
    assert doc.meta.issuer == "Chính phủ"
    assert not any("PHÁP LUẬT KHÁC" in s.text.upper() for s in doc.segments)


def test_page_numbers_printed_repeatedly_are_dropped(tmp_path: Path) -> None:
    """Every copy of the page number around a running head goes, so the appendix heading after
    it opens its appendix (kept, "19 Phụ lục II" hid appendix II)."""
    doc = parse_text(tmp_path, _GAZETTE, "nq.txt")
    ids = {s.id for s in doc.sections}
    assert {"PL1.1", "PL1.2", "PL2.1"} <= ids
    assert not any(s.text.strip() in {"18", "19"} for s in doc.segments)
    by_section = {d.section: d for d in doc.duties}
    assert by_section["PL2.1"].deadline == "2034-12-31"


def test_a_phase_heading_with_a_bracketed_theme_dates_its_items(tmp_path: Path) -> None:
    """"Giai đoạn 1 từ năm … đến hết năm … (Giai đoạn …)": the period is the time of the items
    under it ([decided, s13 adj] phase heading), the bracket only names the phase."""
    doc = parse_text(tmp_path, _GAZETTE, "nq.txt")
    by_section = {d.section: d for d in doc.duties}
    assert by_section["D1.II.1.a"].deadline == "2033-12-31"
    assert by_section["D1.II.2.a"].deadline == "2036-12-31"


_LETTER = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 812/BNNMT-VP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 10 tháng 3 năm 2032

Kính gửi: Các cơ quan, đơn vị thuộc Bộ.

1. Cục Trồng trọt rà soát tiến độ các nhiệm vụ được giao, báo cáo Bộ trước ngày 30/3/2032.
2. Vụ Kế hoạch tổng hợp kết quả thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT, VP.
BỘ TRƯỞNG
Trần Văn Bình

Danh mục các văn bản đã ban hành
I. QUYẾT ĐỊNH
1.
Quyết định số 455/QĐ-BNNMT ngày 12/01/2032 của Bộ trưởng ban hành Kế hoạch năm 2032 về
chuyển đổi số của Bộ.
II. CÔNG VĂN
1. Công văn số 290/BNNMT-VP ngày 20/02/2032 của Bộ về việc triển khai Nghị quyết số
18/NQ-CP ngày 05/02/2032 của Chính phủ.
"""


def test_an_attached_list_of_documents_after_the_signature_is_cited(tmp_path: Path) -> None:
    """A letter's list of the documents already issued, printed after the signature, is a
    reference list: its documents are cited, its lines give no duty."""
    doc = parse_text(tmp_path, _LETTER, "cv.txt")
    numbers = {c.number for c in doc.citations}
    assert {"455/QĐ-BNNMT", "290/BNNMT-VP", "18/NQ-CP"} <= numbers
    assert not any("455/QĐ" in d.text for d in doc.duties)
    kinds = {s.kind for s in doc.segments if "Như trên" in s.text or "Trần Văn Bình" in s.text}
    assert kinds == {"signature"}


def test_before_a_year_and_listed_years(tmp_path: Path) -> None:
    """"trước năm Y" is due by the end of the year before ([decided, s15 fixV]); "trong năm X, Y"
    and "năm X và năm Y" run through the last year listed."""
    from chinhsach.extract.duties import find_deadline

    assert find_deadline("Sở Xây dựng hoàn thành khảo sát trước năm 2034.")[0] == "2033-12-31"
    assert find_deadline("Thời gian thực hiện: Trong năm 2032, 2033.")[0] == "2033-12-31"
    assert find_deadline("thực hiện trong năm 2032 và năm 2033")[0] == "2033-12-31"
    assert find_deadline("hoàn thành trong năm 2032, bảo đảm 90% hồ sơ")[0] == "2032-12-31"
    assert find_deadline("trong năm 2032 và các năm tiếp theo")[0] is None


_ROADMAP = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
Số: 33/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
An Bình, ngày 04 tháng 4 năm 2032

KẾ HOẠCH
Phát triển kho dữ liệu dùng chung của tỉnh

I. MỤC TIÊU
Đến năm 2035 có 80% hồ sơ được số hóa.
II. CÁC GIAI ĐOẠN THỰC HIỆN
1. Giai đoạn 1 từ năm 2032 đến hết năm 2033 (Giai đoạn chuẩn bị)
a) Hoàn thiện thể chế
- Rà soát quy chế khai thác dữ liệu dùng chung.
2. Giai đoạn 2 từ năm 2034 đến hết năm 2035 (Giai đoạn mở rộng)
a) Mở rộng kết nối
- Kết nối kho dữ liệu với các hệ thống của cấp xã.
III. TỔ CHỨC THỰC HIỆN
Sở Khoa học và Công nghệ chủ trì theo dõi, đôn đốc thực hiện Kế hoạch.
"""


def test_a_roadmap_part_sets_the_tasks_of_each_phase(tmp_path: Path) -> None:
    """"CÁC GIAI ĐOẠN THỰC HIỆN" lists the work of each phase: its points are duties dated by
    their phase, even those that name no unit."""
    doc = parse_text(tmp_path, _ROADMAP, "kh.txt")
    parts = {s.id: s.part for s in doc.sections}
    assert parts["II"] == "tasks"
    by_section = {d.section: d for d in doc.duties}
    assert by_section["II.1.a"].deadline == "2033-12-31"
    assert by_section["II.2.a"].deadline == "2035-12-31"
