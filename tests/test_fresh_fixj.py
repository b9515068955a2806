"""Forms of the session-14 documents of other levels (helper fixJ), written with invented wording.

Ministries' plans and decisions saved as markdown by a converter (s14 dev kh09-btnmt-2024,
qd2200-bnnmt-2026, both from the public repository Trangsct/skill-sct) print the header and the
signature as two-column pipe tables and keep no blank line anywhere: the signature table runs
straight into "PHỤ LỤC" and its task table, or, after a spacer line "* *", into the attached
plan's type line "KẾ HOẠCH". The same converter's header layout was surveyed in
tests/test_header_survey.py; the layout of a ministry's plan with a unit-headed organisation part
and an appendix task table is that of e.g.
https://thuvienphapluat.vn/van-ban/Tai-nguyen-Moi-truong/Ke-hoach-09-KH-BTNMT-2024-trien-khai-Chi-thi-13-CT-TTg-quan-ly-tin-chi-cac-bon-620318.aspx
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.model import Document

HEADER = """| BỘ XÂY DỰNG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
| --- | --- |
| Số: 41/KH-BXD | *Hà Nội, ngày 12 tháng 3 năm 2026* |
"""

SIGNATURE = """| *Nơi nhận:* - Bộ trưởng (để báo cáo); - Lưu: VT. | KT. BỘ TRƯỞNG THỨ TRƯỞNG     Trần Văn Bình |
| --- | --- |
"""

PLAN = HEADER + """KẾ HOẠCH
TRIỂN KHAI CHƯƠNG TRÌNH NHÀ Ở XANH NĂM 2026
Bộ Xây dựng ban hành Kế hoạch triển khai với các nội dung sau:
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm triển khai đồng bộ, đúng tiến độ.
II. TỔ CHỨC THỰC HIỆN
1. Cục Quản lý nhà chủ trì hướng dẫn các địa phương lập danh mục dự án nhà ở xanh.
2. Vụ Kế hoạch - Tài chính bố trí kinh phí thực hiện Kế hoạch.
Trên đây là Kế hoạch của Bộ Xây dựng./.
""" + SIGNATURE + """PHỤ LỤC
DANH MỤC NHIỆM VỤ TRIỂN KHAI CHƯƠNG TRÌNH NHÀ Ở XANH NĂM 2026
*(Kèm theo Kế hoạch số 41/KH-BXD ngày 12 tháng 3 năm 2026 của Bộ Xây dựng)*
| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
| --- | --- | --- | --- | --- |
| 1. | Lập danh mục dự án nhà ở xanh trên cả nước. | Cục Quản lý nhà | Vụ Pháp chế | Tháng 6/2026 |
| 2. | Sửa đổi định mức chi phí nhà ở xanh. | Vụ Pháp chế | Cục Quản lý nhà | Quý IV/2026 |
"""


def _by_section(doc: Document) -> dict[str | None, set[tuple[str, str]]]:
    out: dict[str | None, set[tuple[str, str]]] = {}
    for duty in doc.duties:
        out.setdefault(duty.section, set()).update((u.name, u.role) for u in duty.units)
    return out


def test_appendix_after_a_pipe_signature_table(tmp_path: Path) -> None:
    """The appendix heading right under the one-row signature table opens the appendix: its
    task rows are PL1.1, PL1.2 with their cells' units and times (before: one cell of the
    signature table, the rows without section)."""
    doc = parse_text(tmp_path, PLAN)
    units = _by_section(doc)
    assert ("Cục Quản lý nhà", "lead") in units["PL1.1"]
    assert ("Vụ Pháp chế", "cooperate") in units["PL1.1"]
    assert ("Vụ Pháp chế", "lead") in units["PL1.2"]
    assert {d.section: d.deadline for d in doc.duties if d.section and d.section.startswith("PL")} == {
        "PL1.1": "2026-06-30", "PL1.2": "2026-12-31"}
    assert None not in units


DECISION = HEADER.replace("41/KH-BXD", "305/QĐ-BXD") + """QUYẾT ĐỊNH
BAN HÀNH KẾ HOẠCH TRIỂN KHAI CHƯƠNG TRÌNH NHÀ Ở XANH NĂM 2026
BỘ TRƯỞNG BỘ XÂY DỰNG
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai Chương trình nhà ở xanh năm 2026.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Cục trưởng Cục Quản lý nhà chịu trách nhiệm thi hành Quyết định này./.
* *
""" + SIGNATURE + """* *
KẾ HOẠCH
TRIỂN KHAI CHƯƠNG TRÌNH NHÀ Ở XANH NĂM 2026
*(Kèm theo Quyết định số 305/QĐ-BXD ngày 12 tháng 3 năm 2026 của Bộ trưởng Bộ Xây dựng)*
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm triển khai đồng bộ, đúng tiến độ.
II. TỔ CHỨC THỰC HIỆN
1. Cục Quản lý nhà chủ trì hướng dẫn các địa phương lập danh mục dự án nhà ở xanh.
2. Vụ Pháp chế phối hợp với Cục Quản lý nhà rà soát định mức chi phí nhà ở xanh.
PHỤ LỤC
| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
| --- | --- | --- | --- | --- |
| 1. | Lập danh mục dự án nhà ở xanh trên cả nước. | Cục Quản lý nhà | Vụ Pháp chế | Tháng 6/2026 |
"""


def test_attached_plan_after_a_pipe_signature_table_and_a_spacer(tmp_path: Path) -> None:
    """The attached plan's type line after the spacer "* *" ends the signature table: the plan
    keeps its sections KH.II.1, KH.II.2 and its appendix KH.PL1 (before: the plan, up to its
    appendix table, was read as cells of the signature table: no KH section)."""
    doc = parse_text(tmp_path, DECISION)
    units = _by_section(doc)
    assert ("Cục Quản lý nhà", "lead") in units["KH.II.1"]
    assert ("Vụ Pháp chế", "lead") in units["KH.II.2"]
    assert ("Cục Quản lý nhà", "cooperate") in units["KH.II.2"]
    assert ("Cục Quản lý nhà", "lead") in units["KH.PL1.1"]


def test_a_sentence_case_name_ends_before_a_plural_member() -> None:
    """A cooperate cell or list that goes on to a generic plural member (", các đơn vị có liên
    quan", "và các cơ quan") closes the sentence-case name before it (before: "Cục Hạ tầng
    kỹ thuật đô thị" was cut to "Cục Hạ tầng", seen in the cells of s14 dev kh09's appendix)."""
    from chinhsach.extract.units import find_units

    names = [m.name for m in find_units(
        "Vụ Pháp chế, Cục Hạ tầng kỹ thuật đô thị, các đơn vị có liên quan thuộc Bộ.")]
    assert "Cục Hạ tầng kỹ thuật đô thị" in names
    names = [m.name for m in find_units("Cục Phát triển đô thị và các cơ quan, đơn vị có liên quan")]
    assert names == ["Cục Phát triển đô thị"]


GAZETTE = """CÔNG BÁO/Số 88/Ngày 14-04-2026
45


THỦ TƯỚNG CHÍNH PHỦ
Số: 09/CT-TTg
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 01 tháng 4 năm 2026

CHỈ THỊ
Về tăng cường quản lý chợ truyền thống

Để chấn chỉnh công tác quản lý chợ, Thủ tướng Chính phủ yêu cầu:
1. Bộ Công Thương chủ trì rà soát mạng lưới chợ trên cả nước, đề xuất sửa đổi các quy định về
Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Cơ quan: VĂN PHÒNG CHÍNH PHỦ
Ngày ký: 2026-04-14 09:12:30 +07:00

CÔNG BÁO/Số 88/Ngày 14-04-2026
46


phát triển và quản lý chợ, hoàn thành trong quý III năm 2026.
2. Ủy ban nhân dân các tỉnh, thành phố bố trí quỹ đất xây dựng chợ dân sinh.

 KT. THỦ TƯỚNG
 PHÓ THỦ TƯỚNG
Lê Văn Nam
"""


def test_gazette_running_heads_are_not_text(tmp_path: Path) -> None:
    """A directive reprinted in the Official Gazette: the running head and page number at each
    page top and the e-signature stamp are dropped, the sentence they cut is one duty again
    (before: a second duty 'CÔNG BÁO/Số 88/… phát triển …' and the head's figures as targets;
    s14 dev ct21)."""
    doc = parse_text(tmp_path, GAZETTE, name="chi-thi.txt")
    numbered = [d for d in doc.duties if d.section]
    assert [d.section for d in numbered] == ["1", "2"]
    assert numbered[0].deadline == "2026-09-30"
    assert not any("CÔNG BÁO" in d.text or "Ký bởi" in d.text for d in doc.duties)
    assert "các quy định về phát triển và quản lý chợ" in " ".join(s.text for s in doc.segments)
    assert not doc.targets
    assert doc.meta.number == "09/CT-TTg"


def test_signer_in_a_pipe_cell_whose_lines_are_runs_of_spaces(tmp_path: Path) -> None:
    """"| Nơi nhận: … | KT. BỘ TRƯỞNG THỨ TRƯỞNG     Trần Văn Bình |": the converter kept the
    cell's line breaks as runs of spaces; the name after the title is the signer (before: none)."""
    assert parse_text(tmp_path, PLAN).meta.signer == "Trần Văn Bình"


CELL_PER_LINE = HEADER + """KẾ HOẠCH
TRIỂN KHAI CHƯƠNG TRÌNH NHÀ Ở XANH NĂM 2026
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm triển khai đồng bộ, đúng tiến độ.
II. TỔ CHỨC THỰC HIỆN
Cục Quản lý nhà theo dõi việc thực hiện Kế hoạch này.
PHỤ LỤC
| TT | Nội dung hoạt động | Cơ quan chủ trì | Cơ quan phối hợp |
| --- | --- | --- | --- |
Thời gian thực hiện
1
Phổ biến chương trình
a)
Tổ chức hội nghị phổ biến chương trình tới các địa phương.
Cục Quản lý nhà
Vụ Pháp chế
Quý II/2026
b)
Biên soạn tài liệu hướng dẫn thiết kế nhà ở xanh cho người dân và doanh nghiệp
Vụ Khoa học và Công nghệ, Cục
Vụ Pháp chế
Quý III, IV/2026
ở các vùng khí hậu khác nhau.
Quản lý nhà
2
Rà soát định mức chi phí nhà ở xanh.
Cục Quản lý nhà
Vụ Kế hoạch - Tài chính
Năm 2027
"""


def test_table_body_printed_one_cell_per_line(tmp_path: Path) -> None:
    """A pipe header row, then the body one cell per line with no pipe (a header cell on its own
    line, group rows "1" with a title, lettered rows "a)", a row broken in two): the rows are
    KH-less appendix rows PL1.1.a, PL1.1.b, PL1.2 with their cells (before: a plain list, no unit
    or time read)."""
    doc = parse_text(tmp_path, CELL_PER_LINE)
    units = _by_section(doc)
    assert units["PL1.1.a"] == {("Cục Quản lý nhà", "lead"), ("Vụ Pháp chế", "cooperate")}
    assert ("Cục Quản lý nhà", "lead") in units["PL1.1.b"]
    assert ("Vụ Khoa học và Công nghệ", "lead") in units["PL1.1.b"]
    assert units["PL1.2"] == {("Cục Quản lý nhà", "lead"), ("Vụ Kế hoạch - Tài chính", "cooperate")}
    times = {d.section: d.deadline for d in doc.duties if d.section and d.section.startswith("PL")}
    assert times == {"PL1.1.a": "2026-06-30", "PL1.1.b": "2026-12-31", "PL1.2": "2027-12-31"}


def test_the_international_cooperation_department() -> None:
    """Every ministry has a "Vụ Hợp tác quốc tế"; "Vụ" takes only known name parts, and "Hợp
    tác" was none (s14 dev qd2200 D3 and its appendix cells lost it, and the name before it in
    a list ran on unclosed: "Cục Biến đổi khí hậu" cut to "Cục Biến đổi")."""
    from chinhsach.extract.units import find_units

    names = [m.name for m in find_units(
        "Cục Hạ tầng kỹ thuật đô thị, Vụ Hợp tác quốc tế, Vụ Pháp chế và các đơn vị có liên quan")]
    assert names == ["Cục Hạ tầng kỹ thuật đô thị", "Vụ Hợp tác quốc tế", "Vụ Pháp chế"]
    assert not find_units("Tăng cường hợp tác quốc tế về nhà ở xanh")


def test_a_journal_is_a_body_like_a_newspaper() -> None:
    """"Tạp chí X" (a ministry's journal) is named and charged like "Báo X" (s14 dev kh09 III.4
    and its appendix: a ministry's communication centre, newspaper and journal lead together)."""
    from chinhsach.extract.units import find_units

    names = [m.name for m in find_units(
        "Báo Xây dựng, Tạp chí Kiến trúc Việt Nam có trách nhiệm đưa tin về chương trình")]
    assert names == ["Báo Xây dựng", "Tạp chí Kiến trúc Việt Nam"]
    assert not find_units("đăng bài trên các tạp chí chuyên ngành")


OWNED_PART = HEADER + """KẾ HOẠCH
TRIỂN KHAI CHƯƠNG TRÌNH NHÀ Ở XANH NĂM 2026
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm triển khai đồng bộ, đúng tiến độ.
II. NHIỆM VỤ TRỌNG TÂM CỦA BỘ XÂY DỰNG
1. Xây dựng, trình Chính phủ Nghị định về phát triển nhà ở xanh.
2. Phối hợp với Bộ Tài chính hướng dẫn cơ chế ưu đãi tín dụng cho nhà ở xanh.
III. TỔ CHỨC THỰC HIỆN
1. Cục Quản lý nhà chủ trì theo dõi việc thực hiện Kế hoạch này.
"""


def test_a_part_titled_as_one_bodys_tasks(tmp_path: Path) -> None:
    """"II. NHIỆM VỤ TRỌNG TÂM CỦA BỘ X" over items with no subject: the body named in the part
    title leads them, as a unit heading does (before: no named lead; s14 dev kh09 II)."""
    doc = parse_text(tmp_path, OWNED_PART)
    units = _by_section(doc)
    assert ("Bộ Xây dựng", "lead") in units["II.1"]
    assert ("Bộ Xây dựng", "lead") in units["II.2"]
    assert ("Bộ Tài chính", "cooperate") in units["II.2"]
    explicit = {(d.section, u.name) for d in doc.duties for u in d.units if u.explicit}
    assert ("II.1", "Bộ Xây dựng") in explicit


def test_a_name_ends_before_the_verb_dinh_huong() -> None:
    """"… phối hợp với Ban X Trung ương định hướng thông tin": "định hướng" (to orient) is a verb
    after the name, not part of it (s14 dev ct21 II.8 read "… Trung ương định hướng thông tin")."""
    from chinhsach.extract.units import find_units

    names = [m.name for m in find_units(
        "Bộ Xây dựng phối hợp với Ban Tuyên giáo và Dân vận Trung ương định hướng thông tin, tuyên truyền về nhà ở")]
    assert names == ["Bộ Xây dựng", "Ban Tuyên giáo và Dân vận Trung ương"]
