"""A law portal's page crawled in chunks for retrieval (session 17, helper fixZa).

The crawl writes each chunk of the page after the document's name, "<Loại> <số hiệu> năm <năm>. "
(the first chunk opens on the header, the later ones on "Điều 1.", on the attached programme's
type line and on each of its parts, the programme's kind repeated as a breadcrumb). Layout of
s16 held-out ctr435 (0/81 units, issuer and signer lost) and of the same crawl's decisions
1227/QĐ-BYT and 3176/QĐ-BYT and letter 296/BHXH-CSYT (johnPa02/thuvienphapluat-crawler, files
all/Quyết_định_1227_QĐ-BYT_năm_2025.txt, all/Quyết_định_3176_QĐ-BYT_năm_2024.txt,
all/Công_văn_296-BHXH-CSYT_năm_2021.txt). Invented wording.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.ingest.readers import read_source

_NAME = "Quyết định 88/QĐ-UBND năm 2024. "

CHUNKED = (
    _NAME + "ỦY BAN NHÂN DÂN TỈNH HÒA BẮC -------\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n"
    "Số: 88/QĐ-UBND Hòa Bắc, ngày 12 tháng 3 năm 2024 QUYẾT ĐỊNH BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG "
    "PHÁT TRIỂN THỊ TRƯỜNG LAO ĐỘNG ỦY BAN NHÂN DÂN TỈNH HÒA BẮC\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    "Xét đề nghị của Giám đốc Sở Nội vụ,\n\n"
    "QUYẾT ĐỊNH:\n"
    + _NAME + "Điều 1.\n"
    "Ban hành kèm theo Quyết định này Chương trình hành động phát triển thị trường lao động.\n\n"
    + _NAME + "Điều 2.\n"
    "Giám đốc Sở Nội vụ; Thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành "
    "Quyết định này./.\n"
    "Nơi nhận:\n- Như Điều 2;\n- Lưu VT.\n"
    "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Khải\n\n"
    + _NAME + "CHƯƠNG TRÌNH HÀNH ĐỘNG. PHÁT TRIỂN THỊ TRƯỜNG LAO ĐỘNG TỈNH HÒA BẮC\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "1. Nâng cao chất lượng thông tin thị trường lao động.\n\n"
    + _NAME + "CHƯƠNG TRÌNH HÀNH ĐỘNG. II. NHIỆM VỤ\n"
    "1. Cập nhật cơ sở dữ liệu người lao động trên địa bàn tỉnh.\n"
    "- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với Liên đoàn Lao động tỉnh.\n"
    "- Thời gian thực hiện: Hoàn thành trong quý III/2024.\n"
    "2. Tổ chức phiên giao dịch việc làm tại các huyện.\n"
    "- Cơ quan thực hiện: Ủy ban nhân dân các huyện chủ trì, phối hợp với Sở Nội vụ.\n"
    "- Thời gian thực hiện: Thực hiện thường xuyên hằng năm.\n\n"
    + _NAME + "CHƯƠNG TRÌNH HÀNH ĐỘNG. III. TỔ CHỨC THỰC HIỆN\n"
    "1. Sở Nội vụ theo dõi, tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 30 tháng 11 hằng năm.\n"
)


def test_the_chunk_names_are_dropped_and_each_chunk_opens_a_block(tmp_path: Path) -> None:
    path = tmp_path / "crawl.txt"
    path.write_text(CHUNKED, encoding="utf-8")
    lines = read_source(path).lines
    assert not any(x.text.startswith("Quyết định 88/QĐ-UBND năm 2024") for x in lines)
    assert lines[0].text.startswith("ỦY BAN NHÂN DÂN TỈNH HÒA BẮC")
    texts = [x.text.strip() for x in lines]
    # The programme's kind stays once, as its type line over the title; the breadcrumb goes.
    assert texts.count("CHƯƠNG TRÌNH HÀNH ĐỘNG") == 1
    assert "II. NHIỆM VỤ" in texts and "III. TỔ CHỨC THỰC HIỆN" in texts
    assert all(x.gap_before for x in lines if x.text.strip() in ("Điều 1.", "II. NHIỆM VỤ"))


def test_a_chunked_crawl_reads_as_printed(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, CHUNKED)
    assert doc.meta.issuer == "Ủy ban nhân dân tỉnh Hòa Bắc"
    assert doc.meta.signer == "Trần Văn Khải"
    by_section = {d.section: d for d in doc.duties}
    units = {(u.name, u.role) for u in by_section["CTr.II.1"].units}
    assert ("Sở Nội vụ", "lead") in units and ("Liên đoàn Lao động tỉnh", "cooperate") in units
    assert by_section["CTr.II.1"].deadline == "2024-09-30"
    assert by_section["CTr.II.2"].recurring
    # "Điều 1." alone over its text (the crawl broke the line after the article's number): the
    # article's heading is its text, not the stop.
    headings = {x.id: x.heading for x in doc.sections}
    assert headings["D1"].startswith("Ban hành kèm theo") and headings["D2"].startswith("Giám đốc Sở Nội vụ")


def test_a_text_opening_on_a_document_name_once_is_left_as_it_is(tmp_path: Path) -> None:
    """A first line that names a document but no other chunk does: not a chunked crawl."""
    text = ("Kế hoạch 12/KH-UBND năm 2024. Tổng kết công tác năm\n"
            "1. Sở Nội vụ tổng hợp kết quả.\n")
    path = tmp_path / "one.txt"
    path.write_text(text, encoding="utf-8")
    assert read_source(path).lines[0].text.startswith("Kế hoạch 12/KH-UBND năm 2024.")


# A crawl that joins a paragraph's printed lines and breaks them again after each full stop
# before a capital leaves an item's first sub-item run on after its heading, at the line's end or
# inside it, and a lone marker under a sentence that left a bracket open (s16 held-out ctr435,
# items II.1.1, II.2.1, II.3.1 and III.2-III.3). Invented wording.
RUN_ON = (
    "ỦY BAN NHÂN DÂN\nTỈNH HÒA BẮC\n\nSố: 31/KH-UBND\n\nHòa Bắc, ngày 02 tháng 4 năm 2024\n\n"
    "KẾ HOẠCH\nPhát triển thị trường lao động năm 2024\n\n"
    "I. NHIỆM VỤ\n"
    "1. Hoàn thiện thông tin thị trường lao động 1.1.\n"
    "Cập nhật cơ sở dữ liệu người lao động trên địa bàn tỉnh.\n"
    "- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với Liên đoàn Lao động tỉnh.\n"
    "1.2. Công bố bản tin thị trường lao động.\n"
    "- Cơ quan thực hiện: Sở Thông tin và Truyền thông.\n"
    "2. Kết nối cung - cầu lao động 2.1. Tổ chức phiên giao dịch việc làm tại các huyện.\n"
    "- Cơ quan thực hiện: Ủy ban nhân dân các huyện chủ trì, phối hợp với Sở Nội vụ.\n"
    "2.2. Hỗ trợ doanh nghiệp tuyển dụng lao động theo mục 1.1.\n"
    "- Cơ quan thực hiện: Ban Quản lý các khu công nghiệp.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Các sở, ngành báo cáo kết quả định kỳ (trước ngày 10/12 và khi có yêu cầu về Sở Nội vụ.\n"
    "2.\n"
    "Giao Sở Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
    "3.\n"
    "Đề nghị Liên đoàn Lao động tỉnh phối hợp tuyên truyền.\n"
)


def test_a_run_on_first_sub_item_and_a_lone_marker_open_their_items(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, RUN_ON)
    ids = {s.id for s in doc.sections}
    assert {"I.1.1", "I.1.2", "I.2.1", "I.2.2", "II.1", "II.2", "II.3"} <= ids
    by_section = {d.section: d for d in doc.duties}
    assert ("Sở Nội vụ", "lead") in {(u.name, u.role) for u in by_section["I.1.1"].units}
    assert ("Ủy ban nhân dân huyện", "lead") in {(u.name, u.role) for u in by_section["I.2.1"].units}
    assert ("Sở Nội vụ", "lead") in {(u.name, u.role) for u in by_section["II.2"].units}
    headings = {s.id: s.heading for s in doc.sections}
    assert "1.1" not in headings["I.1"] and "2.1" not in headings["I.2"]
    # "theo mục 1.1." cites another item: the line is not cut there.
    assert "I.2.2~2" not in ids and not any(i.startswith("I.2.2.") for i in ids)
