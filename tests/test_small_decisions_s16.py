"""Small provincial decisions: who their executing article, their councils and their job
positions charge.

Layouts seen in the s16 development documents qd2736-ubnd-2026 (a council founding decision),
qd2848-ubnd-2026 (a delegation amended) and qd5116-sct-2026 (a department charging job
positions), all of one province. Invented wording below.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

HEADER = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH AN BÌNH Độc lập - Tự do - Hạnh phúc
Số: 101/QĐ-UBND An Bình, ngày 06 tháng 8 năm 2026

QUYẾT ĐỊNH
Về việc điều chỉnh danh mục thủ tục hành chính lĩnh vực du lịch

ỦY BAN NHÂN DÂN TỈNH AN BÌNH

Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;

QUYẾT ĐỊNH:

Điều 1. Điều chỉnh danh mục thủ tục hành chính lĩnh vực du lịch theo Phụ lục kèm theo.
"""

SIGNATURE = """
Nơi nhận: TM. ỦY BAN NHÂN DÂN
- Như Điều 3; CHỦ TỊCH
- Lưu: VT.

Nguyễn Văn Bốn
"""


def _units(doc, section: str) -> set[tuple[str, str]]:
    return {(u.name, u.role) for d in doc.duties if d.section == section for u in d.units}


def test_executing_list_closed_by_generic_heads(tmp_path: Path) -> None:
    """Before: the executing clause's last piece ("Thủ trưởng các cơ quan, đơn vị liên quan
    chịu trách nhiệm thi hành …") names only generic bodies, so the named heads listed before it
    between semicolons charged nobody (s16 dev qd2736 Điều 4: ten triples; qd2848 Điều 3)."""
    text = HEADER + """Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở: Du lịch, Tài chính; Giám đốc
Công an tỉnh; Thủ trưởng các sở, ban, ngành, đơn vị cấp tỉnh; Chủ tịch Ủy ban nhân dân các xã,
phường; Thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./.
""" + SIGNATURE
    units = _units(parse_text(tmp_path, text, "quyet-dinh.md"), "D3")
    for name in ("Văn phòng Ủy ban nhân dân tỉnh", "Sở Du lịch", "Sở Tài chính", "Công an tỉnh",
                 "Chủ tịch Ủy ban nhân dân xã, phường"):
        assert (name, "lead") in units, name


def test_executing_paragraph_after_entry_into_force(tmp_path: Path) -> None:
    """The executing sentence printed as a paragraph of the entry-into-force article."""
    text = HEADER + """Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Du lịch; Thủ trưởng các sở, ban, ngành, đơn vị
cấp tỉnh; Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.
""" + SIGNATURE
    units = _units(parse_text(tmp_path, text, "quyet-dinh.md"), "D2")
    assert {("Văn phòng Ủy ban nhân dân tỉnh", "lead"), ("Sở Du lịch", "lead")} <= units


COUNCIL = HEADER.replace("Về việc điều chỉnh danh mục thủ tục hành chính lĩnh vực du lịch",
                         "Thành lập Hội đồng và Tổ giúp việc Hội đồng thẩm định hồ sơ dự án").replace(
    "Điều 1. Điều chỉnh danh mục thủ tục hành chính lĩnh vực du lịch theo Phụ lục kèm theo.\n",
    """Điều 1. Thành lập Hội đồng và Tổ giúp việc Hội đồng thẩm định hồ sơ dự án khu du lịch Hồ Xanh,
xã Hồ Xanh, tỉnh An Bình (gọi tắt là Hội đồng và Tổ giúp việc) gồm các ông, bà có tên sau:
1. Chủ tịch Hội đồng: Ông Trần Văn Một, Phó Chủ tịch Ủy ban nhân dân tỉnh.
2. Tổ trưởng Tổ giúp việc: Bà Lê Thị Hai, Phó Giám đốc Sở Du lịch.
Điều 2. Nhiệm vụ của Hội đồng và Tổ giúp việc
1. Nhiệm vụ của Hội đồng
- Xem xét, đánh giá hồ sơ dự án theo bộ tiêu chí đã ban hành.
- Tổng hợp kết quả thẩm định, chịu trách nhiệm trước Ủy ban nhân dân tỉnh về kết quả.
2. Nhiệm vụ của Tổ giúp việc Hội đồng
Giúp việc cho Hội đồng trong quá trình thẩm định. Nhiệm vụ cụ thể do Chủ tịch Hội đồng phân công.
""")


def test_council_and_team_set_up_under_one_short_name(tmp_path: Path) -> None:
    """Before: "(gọi tắt là Hội đồng và Tổ giúp việc)" after a name the two bodies share made no
    unit of either: the council's and the team's tasks had no lead (s16 dev qd2736 Điều 2, seven
    triples). Each short name stands for its full name, the place after the comma dropped."""
    doc = parse_text(tmp_path, COUNCIL + "Điều 3. Quyết định này có hiệu lực kể từ ngày ký./.\n" + SIGNATURE,
                     "quyet-dinh.md")
    council = "Hội đồng thẩm định hồ sơ dự án khu du lịch Hồ Xanh"
    team = "Tổ giúp việc Hội đồng thẩm định hồ sơ dự án khu du lịch Hồ Xanh"
    assert {(council, "lead"), ("Ủy ban nhân dân tỉnh", "report_to")} <= _units(doc, "D2.1")
    assert _units(doc, "D2.2") == {(team, "lead")}


LETTER = """SỞ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 412/SXD-QLN An Bình, ngày 12 tháng 5 năm 2026
V/v thực hiện các quy định sau khi được cấp giấy phép xây dựng

Kính gửi: Công ty Cổ phần Xây lắp Minh Tâm

Sở Xây dựng yêu cầu Công ty Cổ phần Xây lắp Minh Tâm thực hiện đầy đủ các nội dung sau:
1. Trước khi khởi công
- Thông báo ngày khởi công cho cơ quan cấp phép theo quy định.
- Phối hợp với Ủy ban nhân dân xã Hồ Xanh bàn giao mặt bằng thi công.
2. Trong quá trình thi công
- Bảo đảm an toàn lao động và vệ sinh môi trường tại công trường.
Sở Xây dựng yêu cầu Công ty Cổ phần Xây lắp Minh Tâm nghiêm túc thực hiện; trong quá trình thực
hiện có khó khăn, vướng mắc kịp thời phản ánh về Sở Xây dựng để được hướng dẫn./.

Nơi nhận: KT. GIÁM ĐỐC
- Như trên; PHÓ GIÁM ĐỐC
- Lưu: VT.

Trần Văn Năm
"""


def test_letter_closing_request_by_name_is_no_bullet(tmp_path: Path) -> None:
    """Before: the department's closing request to the company it writes to ("Sở X yêu cầu Công
    ty Y nghiêm túc thực hiện; …") was read as the last bullet of item 2 (s16 dev cv6987 2.6)."""
    doc = parse_text(tmp_path, LETTER, "cong-van.md")
    closing = [d for d in doc.duties if d.text.startswith("Sở Xây dựng yêu cầu") and "nghiêm túc" in d.text]
    assert closing and closing[0].section is None
    assert ("Sở Xây dựng", "report_to") in {(u.name, u.role) for u in closing[0].units}


def test_page_foot_notes_of_a_pdf_letter_are_no_bullets(tmp_path: Path) -> None:
    """Before: a pdf text layer's footnotes, printed at the foot of each page under the last
    bullet with their bare number ("1 Mẫu đơn …", then the page number), were read as further
    duties of the item above (s16 dev cv6987-snnmt-2026: three false duties at 1, 2.2, 2.5)."""
    text = LETTER.replace(
        "- Thông báo ngày khởi công cho cơ quan cấp phép theo quy định.",
        "- Thông báo ngày khởi công cho cơ quan cấp phép theo quy định của pháp luật1.\n\n"
        "1 Mẫu thông báo khởi công được quy định tại Phụ lục II Thông tư số 12/2025/TT-BXD ngày\n"
        "\n02/3/2025 của Bộ Xây dựng, cơ quan cấp phép tiếp nhận và kiểm tra hồ sơ\n"
        "                                   2\n")
    doc = parse_text(tmp_path, text, "cong-van.md")
    first = [d for d in doc.duties if d.section == "1"]
    assert len(first) == 2, [d.text[:40] for d in first]
    assert not any(d.text.startswith("1 Mẫu") for d in doc.duties)


POSITIONS = """SỞ DU LỊCH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 77/QĐ-SDL An Bình, ngày 03 tháng 9 năm 2026

QUYẾT ĐỊNH
Về việc giao nhiệm vụ lập biên bản vi phạm hành chính trong lĩnh vực lữ hành

GIÁM ĐỐC SỞ DU LỊCH

Căn cứ Luật Xử lý vi phạm hành chính ngày 20/6/2012;
Theo đề nghị của Trưởng phòng Quản lý lữ hành và Chánh Văn phòng Sở,

QUYẾT ĐỊNH:

Điều 1. Giao nhiệm vụ cho Phó Trưởng phòng được phân công phụ trách lĩnh vực lữ hành và Chuyên
viên thuộc Phòng Quản lý lữ hành có thẩm quyền lập biên bản vi phạm hành chính trong lĩnh vực lữ hành.
Điều 2. Trách nhiệm của Phó Trưởng phòng được phân công phụ trách lĩnh vực lữ hành và Chuyên viên được giao nhiệm vụ
1. Lập biên bản đúng trình tự, thủ tục; chịu trách nhiệm trước Giám đốc Sở về tính chính xác của biên bản.
2. Ngay sau khi lập biên bản, hoàn thiện hồ sơ, báo cáo Trưởng phòng Quản lý lữ hành để trình Giám đốc Sở xem xét.
Điều 3. Chánh Văn phòng Sở, Trưởng phòng Quản lý lữ hành chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận: GIÁM ĐỐC
- Như Điều 3;
- Lưu: VT.

Lê Văn Sáu
"""


def test_office_cut_at_a_function_word_takes_its_printed_name(tmp_path: Path) -> None:
    """Before: "báo cáo Trưởng phòng Quản lý lữ hành để trình …" gave "Phòng Quản lý" (a
    sentence-case name is kept only when a role verb closes it), beside the division printed
    whole in the executing article (s16 dev qd5116-sct-2026 D2.2)."""
    doc = parse_text(tmp_path, POSITIONS, "quyet-dinh.md")
    assert ("Phòng Quản lý lữ hành", "report_to") in _units(doc, "D2.2")
    assert not any(u.name == "Phòng Quản lý" for d in doc.duties for u in d.units)


def test_job_positions_stand_for_their_division(tmp_path: Path) -> None:
    """Before: "Giao nhiệm vụ cho <positions>" made no duty, the article titled "Trách nhiệm của
    <positions> …" was no unit heading, and the untitled "Phó Trưởng phòng" was the bare class
    "phòng": the division led nothing (s16 dev qd5116-sct-2026 D1, D2.1-D2.3; [decided, s16 fixH])."""
    doc = parse_text(tmp_path, POSITIONS, "quyet-dinh.md")
    division = "Phòng Quản lý lữ hành"
    for section in ("D1", "D2.1", "D2.2"):
        assert (division, "lead") in _units(doc, section), section
    assert ("Sở Du lịch", "report_to") in _units(doc, "D2.1")
    assert not any(u.name == "phòng" for d in doc.duties for u in d.units)
