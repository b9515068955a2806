"""Duty tables printed as stacked line pieces whose header is in capitals, wrapped one word group
per line, with the columns in another order than the usual five.

Layout seen in the s15 development document nq109-cp-2026-cthd-dh14 (Official Gazette text
layer, hrmaster1982-dev/phapluat-8chude-data, four appendices): "CƠ QUAN CHỦ" / "TRÌ, THEO DÕI",
"THỜI HẠN" / "HOÀN THÀNH", "CẤP TRÌNH/" / "PHÊ DUYỆT"; the time column before the lead; a lead
cell split into numbered parts; a row number glued to the task ("4 Hoàn thiện …"), numbers past
99; the header again after each page head. Before, none of the four tables was read as a table
(units 0.034, deadlines 0.022 on that document). Invented wording and bodies below.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.structure.tables import _label_goes_on

_HEAD = """CHÍNH PHỦ
Số: 77/NQ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 12 tháng 5 năm 2031

NGHỊ QUYẾT
Về Chương trình hành động phát triển kho lưu trữ số

CHÍNH PHỦ
QUYẾT NGHỊ:
I. NHIỆM VỤ
1. Phát triển kho lưu trữ số dùng chung.
II. TỔ CHỨC THỰC HIỆN
1. Bộ Nội vụ theo dõi việc thực hiện Nghị quyết này.

TM. CHÍNH PHỦ
THỦ TƯỚNG

Trần Văn Mẫu

"""

_TIME_FIRST_HEADER = """TT
NHIỆM VỤ
THỜI HẠN
HOÀN THÀNH
CƠ QUAN CHỦ TRÌ
CƠ QUAN PHỐI HỢP
"""

# Task lines wrap at ~65 characters, lead cells at ~30: wider than a fixed 24-character cut.
TIME_FIRST = _HEAD + """Phụ lục I
PHÂN CÔNG NHIỆM VỤ TRỌNG TÂM NĂM 2031
(Kèm theo Nghị quyết số 77/NQ-CP ngày 12 tháng 5 năm 2031 của Chính phủ)

""" + _TIME_FIRST_HEADER + """I
Nhóm nhiệm vụ về hoàn thiện quy định lưu trữ hồ sơ điện tử trong cơ quan nhà nước
1
Rà soát toàn bộ quy định về thời hạn bảo quản hồ sơ điện tử của các
cơ quan hành chính nhà nước ở trung ương và địa phương
Tháng 9/2031
Bộ Nông nghiệp và Môi trường
Các bộ, cơ quan, địa
phương có liên quan
2
Xây dựng bộ tiêu chuẩn kỹ thuật cho kho lưu trữ số dùng chung giữa
các bộ, ngành và các tỉnh, thành phố trực thuộc trung ương
Quý IV/2031
1. Bộ Khoa học và Công nghệ chủ
trì xây dựng tiêu chuẩn.
2. Bộ Nội vụ hướng dẫn áp
dụng tại các cơ quan
Các địa phương
3
Đánh giá hiện trạng hạ tầng lưu trữ của các cơ quan hành chính nhà
nước, đề xuất phương án nâng cấp đồng bộ
Năm 2031
Bộ Tài chính
Bộ Xây dựng, các bộ, cơ
quan, địa phương

CÔNG BÁO/Số 901/Ngày 20-05-2031
55

""" + _TIME_FIRST_HEADER + """4 Hướng dẫn số hóa tài liệu giấy tồn đọng tại các cơ quan cấp tỉnh và cấp
xã, bảo đảm đúng thời hạn đã được phê duyệt
Quý III/2031
Bộ Nội vụ
Các tỉnh, thành phố
"""

_SUBMIT_HEADER = """TT
NHIỆM VỤ CỤ THỂ
CƠ QUAN
CHỦ TRÌ
CƠ QUAN PHỐI
HỢP
THỜI HẠN
THỰC HIỆN
CẤP TRÌNH/
PHÊ DUYỆT
"""

SUBMIT_COLUMN = _HEAD + """Phụ lục II
PHÂN CÔNG ĐỀ ÁN GIAI ĐOẠN 2031 - 2035
(Kèm theo Nghị quyết số 77/NQ-CP ngày 12 tháng 5 năm 2031 của Chính phủ)

""" + _SUBMIT_HEADER + """I
HOÀN THIỆN THỂ CHẾ VỀ LƯU TRỮ SỐ VÀ BẢO QUẢN TÀI LIỆU
ĐIỆN TỬ TRONG HỆ THỐNG HÀNH CHÍNH
1
Xây dựng Luật Lưu trữ số thay thế các quy định về lưu trữ hiện hành
của các bộ, ngành và địa phương (bảo quản, khai thác, tiêu hủy)
Bộ Nội vụ
Các bộ, ngành, các
tỉnh, thành phố
2031 - 2033
Quốc hội
2
Xây dựng Đề án trung tâm dữ liệu lưu trữ quốc gia đặt tại ba vùng kinh
tế trọng điểm, kết nối với kho lưu trữ của các bộ, ngành
Bộ Công
Thương
Các bộ, ngành
2031 - 2032
Thủ tướng Chính phủ
3
Lập kho dữ liệu mẫu
Bộ Nội vụ
Các bộ, ngành
2031 - 2035
Chính phủ
"""


def _rows(doc, prefix: str) -> dict:
    return {d.section: d for d in doc.duties if (d.section or "").startswith(prefix) and d.units}


def _units(duty) -> list[tuple[str, str]]:
    return sorted((u.name, u.role) for u in duty.units)


def test_a_header_wrapped_in_capitals_is_joined_by_its_words() -> None:
    assert _label_goes_on("THỜI HẠN", "HOÀN THÀNH")
    assert _label_goes_on("CƠ QUAN CHỦ", "TRÌ, THEO DÕI")
    assert _label_goes_on("CƠ QUAN", "PHỐI HỢP")
    assert _label_goes_on("CẤP TRÌNH/", "PHÊ DUYỆT")
    assert _label_goes_on("MỤC TIÊU", "2031 - 2035")
    assert _label_goes_on("THỜI HẠN", "THỰC HIỆN")
    # A label that names its column opens a new one.
    assert not _label_goes_on("NHIỆM VỤ", "THỜI HẠN")
    assert not _label_goes_on("THỜI HẠN THỰC HIỆN", "CẤP TRÌNH/")
    assert not _label_goes_on("CƠ QUAN CHỦ TRÌ", "CƠ QUAN PHỐI HỢP")


def test_a_time_before_lead_table_in_capitals_gives_its_rows(tmp_path: Path) -> None:
    """Before: the header "THỜI HẠN" / "HOÀN THÀNH" was no header (the second line names no
    column), the rows were read as prose: no lead, no deadline from the table."""
    doc = parse_text(tmp_path, TIME_FIRST, "nq.md")
    rows = _rows(doc, "PL1")
    assert sorted(rows) == ["PL1.1", "PL1.2", "PL1.3", "PL1.4"]
    assert _units(rows["PL1.1"]) == [("Bộ Nông nghiệp và Môi trường", "lead"),
                                      ("bộ, cơ quan, địa phương", "cooperate")]
    assert rows["PL1.1"].deadline == "2031-09-30"
    # A lead cell in numbered parts: both bodies lead.
    assert ("Bộ Khoa học và Công nghệ", "lead") in _units(rows["PL1.2"])
    assert ("Bộ Nội vụ", "lead") in _units(rows["PL1.2"])
    assert rows["PL1.2"].deadline == "2031-12-31"
    assert _units(rows["PL1.3"])[0] == ("Bộ Tài chính", "lead")
    # The row number glued to the task after the repeated header.
    assert ("Bộ Nội vụ", "lead") in _units(rows["PL1.4"])
    assert rows["PL1.4"].deadline == "2031-09-30"


def test_a_submission_column_gives_report_to(tmp_path: Path) -> None:
    """Before: "CƠ QUAN" / "CHỦ TRÌ", "CẤP TRÌNH/" / "PHÊ DUYỆT" made no header; the "Cấp
    trình/phê duyệt" column is report_to (GUIDELINES-real), a body's name cut by its narrow
    column ("Bộ Công" / "Thương") is one name, the time after a partner cell in lower case its
    own cell."""
    doc = parse_text(tmp_path, SUBMIT_COLUMN, "nq.md")
    rows = _rows(doc, "PL2")
    assert sorted(rows) == ["PL2.1", "PL2.2", "PL2.3"]
    assert ("Bộ Nội vụ", "lead") in _units(rows["PL2.1"])
    assert ("Quốc hội", "report_to") in _units(rows["PL2.1"])
    assert rows["PL2.1"].deadline == "2033-12-31"
    assert ("Bộ Công Thương", "lead") in _units(rows["PL2.2"])
    assert ("Thủ tướng Chính phủ", "report_to") in _units(rows["PL2.2"])
    # A task whose lines are all short is still the task.
    assert rows["PL2.3"].text == "Lập kho dữ liệu mẫu"
    assert _units(rows["PL2.3"]) == [("Bộ Nội vụ", "lead"), ("Chính phủ", "report_to"), ("bộ, ngành", "cooperate")]
    assert rows["PL2.3"].deadline == "2035-12-31"


def test_the_governments_collective_closed_by_a_generic_member() -> None:
    """Before: "Các bộ, cơ quan, địa phương, đơn vị có liên quan" (the partner cell of most rows
    of the task appendices of the s15 dev nq109-cp-2026) was read as "bộ" alone;
    GUIDELINES-real.md keeps a printed collective whole, its generic member included."""
    from chinhsach.extract.units import find_units

    def names(text: str) -> list[str]:
        return [m.name for m in find_units(text)]

    assert names("Các bộ, cơ quan, địa phương, đơn vị có liên quan") == ["bộ, cơ quan, địa phương, đơn vị"]
    assert names("Các bộ, cơ quan, đơn vị có liên quan") == ["bộ, cơ quan, đơn vị"]
    assert names("Bộ Y tế, các bộ, cơ quan, địa phương, đơn vị liên quan") == [
        "Bộ Y tế", "bộ, cơ quan, địa phương, đơn vị"]
    # Unchanged: a class of its own after "đơn vị"; the Party's committee stays alone.
    assert names("Các bộ, cơ quan, địa phương") == ["bộ, cơ quan, địa phương"]
    assert names("Các cấp ủy, cơ quan, đơn vị, địa phương") == ["cấp ủy"]


def test_groups_and_corporations_are_classes_of_their_own() -> None:
    """Before: "các tập đoàn, tổng công ty, doanh nghiệp nhà nước" gave no "tập đoàn" (s15 dev
    nq109-cp-2026, 83 triples); each member with its own head noun is a unit ([decided, kh179])."""
    from chinhsach.extract.units import find_units

    def names(text: str) -> list[str]:
        return [m.name for m in find_units(text)]

    assert names("Các tập đoàn, tổng công ty, doanh nghiệp nhà nước báo cáo") == [
        "tập đoàn", "tổng công ty", "doanh nghiệp nhà nước"]
    assert names("Bộ Y tế, Tập đoàn kinh tế, Tổng công ty") == ["Bộ Y tế", "tập đoàn kinh tế", "tổng công ty"]
    assert names("Tập đoàn Bưu chính Viễn thông Việt Nam") == ["Tập đoàn Bưu chính Viễn thông Việt Nam"]


PROVINCES_TABLE = _HEAD + """Phụ lục
NHIỆM VỤ CỤ THỂ
(Kèm theo Nghị quyết số 77/NQ-CP ngày 12 tháng 5 năm 2031 của Chính phủ)

| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |
| --- | --- | --- | --- | --- |
| 1 | Kiểm kê kho lưu trữ giấy | Bộ Nội vụ | Các bộ, ngành, các tỉnh, thành phố | 2031 |
| 2 | Lập danh mục hồ sơ số | Các tỉnh, thành phố | Bộ Nội vụ | 2032 |
"""


def test_the_provinces_in_a_unit_column(tmp_path: Path) -> None:
    """Before: "Các bộ, ngành, các tỉnh, thành phố" in a partner cell gave "bộ, ngành" only, a
    lone "Các tỉnh, thành phố" the cell as printed (s15 dev nq109-cp-2026 Phụ lục IV, 38 cells)."""
    doc = parse_text(tmp_path, PROVINCES_TABLE, "nq.md")
    rows = _rows(doc, "PL1")
    assert _units(rows["PL1.1"]) == [("Bộ Nội vụ", "lead"), ("bộ, ngành", "cooperate"),
                                     ("tỉnh, thành phố", "cooperate")]
    assert _units(rows["PL1.2"]) == [("Bộ Nội vụ", "cooperate"), ("tỉnh, thành phố", "lead")]
