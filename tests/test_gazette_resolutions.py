"""A Government resolution as the Official Gazette (Công báo) prints it as text: page furniture
at each page break, a forward-looking sub-part inside a part on the situation, and the tasks of
each ministry in an appendix of numbered prose after the signature.

Layout of the monthly-session resolutions of the Government (s14 dev nq122-cp-2026, Công báo
số 281 ngày 21-05-2026: appendix "NHIỆM VỤ CỤ THỂ GIAO CÁC BỘ, CƠ QUAN, ĐỊA PHƯƠNG" with one
numbered item per ministry; the other s14 Công báo texts print the same page furniture).
All wording below is invented.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

_FURNITURE = """CÔNG BÁO/Số 512/Ngày 03-09-2031
41


CHÍNH PHỦ
Số: 77/NQ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 20 tháng 8 năm 2031

NGHỊ QUYẾT
Về phát triển vùng trồng dược liệu

QUYẾT NGHỊ:
I. Về quan điểm
1. Phát triển vùng dược liệu bền vững, phấn đấu diện tích vùng trồng dược liệu
đạt 12 nghìn ha vào năm 2035, gắn với bảo tồn nguồn gen quý và nâng cao
Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Cơ quan: VĂN PHÒNG CHÍNH PHỦ
Ngày ký: 2031-09-03 09:12:45 +07:00

CÔNG BÁO/Số 512/Ngày 03-09-2031
42


thu nhập của người trồng.
II. Về nhiệm vụ
1. Bộ Y tế chủ trì xây dựng tiêu chuẩn dược liệu, hoàn thành trong quý IV năm 2031.
TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn Minh
"""


def test_gazette_page_furniture_is_not_text(tmp_path: Path) -> None:
    """The running head, the page numbers and the e-signature stamp are dropped, and the
    sentence they cut is one paragraph again: no figure is read from them."""
    doc = parse_text(tmp_path, _FURNITURE, "nq.txt")
    texts = [s.text for s in doc.segments]
    assert not any("CÔNG BÁO" in t or "Ký bởi" in t or "Ngày ký" in t for t in texts)
    assert any("và nâng cao thu nhập của người trồng" in t for t in texts)
    values = sorted(t.value for t in doc.targets)
    assert values == [12.0]  # "12 nghìn ha": the value as printed, "nghìn ha" its unit


_SESSION = """CHÍNH PHỦ
Số: 91/NQ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 05 tháng 9 năm 2031

NGHỊ QUYẾT
Phiên họp Chính phủ thường kỳ tháng 8 năm 2031

QUYẾT NGHỊ:
I. Về tình hình kinh tế - xã hội tháng 8 năm 2031
1. Kết quả nổi bật
Sản xuất công nghiệp tăng 7,2% so với cùng kỳ; xuất khẩu tăng 11%.
2. Phương hướng, nhiệm vụ trọng tâm tháng 9 và những tháng cuối năm
Chính phủ yêu cầu các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố tập trung
các nội dung sau:
a) Đẩy nhanh giải ngân vốn đầu tư công, gửi Bộ Tài chính trước ngày 20 tháng 9 năm 2031.
b) Theo dõi sát diễn biến giá phân bón, kịp thời có giải pháp bình ổn thị trường.
II. Về báo cáo
Văn phòng Chính phủ theo dõi, tổng hợp tình hình thực hiện Nghị quyết này./.
TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn Minh

Phụ lục
NHIỆM VỤ CỤ THỂ GIAO CÁC BỘ, CƠ QUAN, ĐỊA PHƯƠNG
(Kèm theo Nghị quyết số 91/NQ-CP ngày 05 tháng 9 năm 2031 của Chính phủ)
1. Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với các cơ quan, địa phương:
a) Hoàn thiện đề án giống cây trồng, trình Thủ tướng Chính phủ trong tháng 10 năm 2031.
b) Kiểm tra việc bảo đảm nguồn nước tưới cho vụ đông.
2. Bộ Công Thương chủ trì, phối hợp với Bộ Tài chính xây dựng cơ chế dự trữ phân bón, hoàn
thành trong quý IV năm 2031.
"""


def test_a_look_ahead_sub_part_of_a_situation_part_sets_tasks(tmp_path: Path) -> None:
    """"Phương hướng, nhiệm vụ … tháng tới" under a part on the situation is the programme of
    the coming months: its points are duties, not results."""
    doc = parse_text(tmp_path, _SESSION, "nq.txt")
    parts = {s.id: s.part for s in doc.sections}
    assert parts["I.1"] == "situation"
    assert parts["I.2"] == "tasks"
    by_section = {d.section: d for d in doc.duties}
    assert "I.2.a" in by_section and by_section["I.2.a"].deadline == "2031-09-20"
    assert "I.2.b" in by_section


def test_an_appendix_of_numbered_tasks_after_the_signature_is_read(tmp_path: Path) -> None:
    """The appendix's numbered items are sections PL1.<n>(.<letter>) with their duties, not the
    signature's lines."""
    doc = parse_text(tmp_path, _SESSION, "nq.txt")
    ids = {s.id for s in doc.sections}
    assert {"PL1", "PL1.1", "PL1.1.a", "PL1.1.b", "PL1.2"} <= ids
    by_section = {d.section: d for d in doc.duties}
    a = by_section["PL1.1.a"]
    assert ("Bộ Nông nghiệp và Môi trường", "lead") in {(u.name, u.role) for u in a.units}
    assert ("Thủ tướng Chính phủ", "report_to") in {(u.name, u.role) for u in a.units}
    assert a.deadline == "2031-10-31"
    two = {(u.name, u.role) for u in by_section["PL1.2"].units}
    assert {("Bộ Công Thương", "lead"), ("Bộ Tài chính", "cooperate")} <= two
    assert by_section["PL1.2"].deadline == "2031-12-31"


def _roles(text: str) -> set[tuple[str, str]]:
    from chinhsach.extract.duties import roles_in_text

    return {(u.name, u.role) for u in roles_in_text(text)}


def test_the_governments_collective_of_ministries_and_agencies() -> None:
    """"các bộ, cơ quan" closed by a verb, "các bộ, cơ quan trung ương (và địa phương)": one
    collective, the Government's usual short name for its ministries and agencies, not "bộ"."""
    assert ("bộ, cơ quan", "cooperate") in _roles(
        "Bộ Nội vụ phối hợp với các Bộ, cơ quan xây dựng khung năng lực số.")
    assert ("bộ, cơ quan", "lead") in _roles("Bộ Y tế, các bộ, cơ quan rà soát danh mục thuốc hiếm.")
    assert ("bộ, cơ quan trung ương và địa phương", "lead") in _roles(
        "Các bộ, cơ quan trung ương và địa phương hoàn thành kiểm kê tài sản công.")
    assert ("bộ, cơ quan ngang bộ", "lead") in _roles("Các bộ, cơ quan ngang bộ công bố thủ tục.")


def test_heading_with_remit_or_generic_partners_is_a_lead_in(tmp_path: Path) -> None:
    """"X căn cứ chức năng, nhiệm vụ, quyền hạn được giao:" and "X chủ trì, phối hợp với các cơ
    quan, địa phương:" name X for the points below; generic partners get no role."""
    text = """ỦY BAN NHÂN DÂN TỈNH
Số: 12/KH-UBND
Hà Giang, ngày 02 tháng 3 năm 2031

KẾ HOẠCH
Triển khai nhiệm vụ chuyển đổi số năm 2031

I. NHIỆM VỤ
1. Các sở, ban, ngành căn cứ chức năng, nhiệm vụ, quyền hạn được giao:
a) Số hóa hồ sơ lưu trữ của cơ quan.
b) Cập nhật dữ liệu lên hệ thống dùng chung.
2. Sở Khoa học và Công nghệ chủ trì, phối hợp với các cơ quan, địa phương:
a) Nâng cấp trung tâm dữ liệu tỉnh.
b) Hướng dẫn bảo đảm an toàn thông tin.
"""
    doc = parse_text(tmp_path, text, "kh.txt")
    units = {d.section: {(u.name, u.role) for u in d.units} for d in doc.duties}
    assert ("sở, ban, ngành", "lead") in units["I.1.a"] and ("sở, ban, ngành", "lead") in units["I.1.b"]
    assert units["I.2.a"] == {("Sở Khoa học và Công nghệ", "lead")}
    assert units["I.2.b"] == {("Sở Khoa học và Công nghệ", "lead")}


def test_several_one_off_limits_give_the_last_step() -> None:
    """An item that sets limits in clauses of their own is done when its last step is
    ([decided, s14 fixG]); months listed in a bracket are what the item deals with."""
    from chinhsach.extract.duties import find_deadline

    iso, _words, _rec = find_deadline(
        "Hoàn thiện phương án sắp xếp kho lưu trữ, hoàn thành trong tháng 7 năm 2031. Trình Thủ tướng "
        "Chính phủ quy chế vận hành trước ngày 20 tháng 7 năm 2031. Đưa kho mới vào sử dụng, hoàn "
        "thành trong quý III năm 2031.")
    assert iso == "2031-09-30"
    iso, _words, _rec = find_deadline(
        "Rà soát nhu cầu vốn, gửi Bộ Tài chính trước ngày 05 tháng 6 năm 2031; báo cáo Chính phủ "
        "trong tháng 6 năm 2031.")
    assert iso == "2031-06-30"
    iso, _words, _rec = find_deadline(
        "Chi trả gộp hai tháng trợ cấp (tháng 11 năm 2031 và tháng 01 năm 2032) vào kỳ chi trả "
        "tháng 11 năm 2031 cho người dân vùng lũ.")
    assert iso == "2031-11-30"


def test_a_list_of_months_gives_no_values() -> None:
    """"(tháng 4, 5, 6 và 7)": the months after the first are no targets."""
    from chinhsach.extract.targets import find_targets

    found = find_targets("Phấn đấu tiết kiệm điện tối thiểu 3% trong năm 2031; trong các tháng cao điểm "
                         "(tháng 4, 5, 6 và 7) tiết kiệm tối thiểu 8% điện năng.", section=None)
    assert sorted(t.value for t in found) == [3.0, 8.0]


def test_the_closing_oversight_paragraph_speaks_to_the_whole_resolution(tmp_path: Path) -> None:
    """"Văn phòng Chính phủ theo dõi, đôn đốc … thực hiện Nghị quyết này./." after the last item
    of the last part is the document's closing (section null) and charges its unit; alone under
    a part it stays the part's."""
    text = _SESSION.replace(
        "II. Về báo cáo\nVăn phòng Chính phủ theo dõi, tổng hợp tình hình thực hiện Nghị quyết này./.",
        "II. Về báo cáo\n1. Bộ Tư pháp đã báo cáo về dự thảo luật hòa giải.\n"
        "Văn phòng Chính phủ theo dõi, đôn đốc, tổng hợp kết quả thực hiện Nghị quyết này./.")
    doc = parse_text(tmp_path, text, "nq.txt")
    closing = [d for d in doc.duties if d.text.startswith("Văn phòng Chính phủ theo dõi")]
    assert len(closing) == 1 and closing[0].section is None
    assert ("Văn phòng Chính phủ", "lead") in {(u.name, u.role) for u in closing[0].units}
    alone = parse_text(tmp_path, _SESSION, "nq2.txt")
    assert [d.section for d in alone.duties if d.text.startswith("Văn phòng Chính phủ theo dõi")] == ["II"]


def test_an_appendix_on_a_new_gazette_page_is_not_the_signers_name(tmp_path: Path) -> None:
    """The signer's name ends with no mark; the Gazette's page break after it, then "Phụ lục",
    opens the appendix instead of going on with the name."""
    text = _SESSION.replace("Nguyễn Văn Minh\n\nPhụ lục\n",
                            "Nguyễn Văn Minh\n\nCÔNG BÁO/Số 530/Ngày 12-09-2031\n57\n\nPhụ lục\n")
    doc = parse_text(tmp_path, text, "nq.txt")
    assert {"PL1", "PL1.1", "PL1.1.a"} <= {s.id for s in doc.sections}
