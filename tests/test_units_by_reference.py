"""Units a duty names through the document itself (session 17, helper fixZb): a team named by
either of its short names, a set of bodies defined once and then charged by the term, and
bodies listed elsewhere charged by reference. Invented wording throughout.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text
from test_small_decisions_s16 import COUNCIL, SIGNATURE, _units


def test_team_keeps_both_short_names(tmp_path: Path) -> None:
    """Before: a team set up with two short names ("Tổ giúp việc" and "Tổ giúp việc Hội đồng",
    both its full name) kept only the one read last, since the names were keyed by the full
    name (extract/document.py ``_with_set_up_bodies``): an item charging the bare "Tổ giúp việc"
    had no lead (reviewer-found, s17)."""
    text = COUNCIL + """Điều 3. Tổ giúp việc chuẩn bị hồ sơ, tài liệu cho các phiên họp thẩm định.
Điều 4. Quyết định này có hiệu lực kể từ ngày ký./.
""" + SIGNATURE
    team = "Tổ giúp việc Hội đồng thẩm định hồ sơ dự án khu du lịch Hồ Xanh"
    doc = parse_text(tmp_path, text, "quyet-dinh.md")
    assert (team, "lead") in _units(doc, "D3")
    assert _units(doc, "D2.2") == {(team, "lead")}


RESOLUTION = """CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 55/2026/NQ-CP Hà Nội, ngày 10 tháng 3 năm 2026

NGHỊ QUYẾT
Về xử lý vướng mắc của các công trình cấp nước nông thôn

CHÍNH PHỦ

Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;

QUYẾT NGHỊ:

Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định việc xử lý vướng mắc của các công trình cấp nước nông thôn.
Điều 2. Rà soát công trình
1. Các Bộ, Ủy ban nhân dân cấp tỉnh (sau đây gọi chung là bên quản lý công trình) lập danh
mục công trình cần xử lý.
2. Bên quản lý công trình bố trí vốn sửa chữa các công trình trong danh mục.
3. Trường hợp công trình không còn sử dụng, bên quản lý công trình phối hợp với Bộ Tài chính
thanh lý tài sản theo quy định.
Điều 3. Tổ chức thực hiện
1. Bộ Tài chính phối hợp với bên quản lý công trình theo dõi việc xử lý.
2. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách
nhiệm thi hành Nghị quyết này./.

Nơi nhận: TM. CHÍNH PHỦ
- Lưu: VT. KT. THỦ TƯỚNG

Nguyễn Văn Sáu
"""


def test_term_defined_for_listed_bodies_charges_each(tmp_path: Path) -> None:
    """Before: a term the resolution defines for the bodies it lists ("(sau đây gọi chung là cơ
    quan …)") was no unit, so the clauses it charges had no lead or were no duties (spent s16
    held-out nq16-cp-2026: 37 clauses, 143 gold roles, 16 found). Each body holds the term's
    role; "Ủy ban nhân dân cấp tỉnh" is the collective the resolution prints ([decided, s14 adj])."""
    doc = parse_text(tmp_path, RESOLUTION, "nghi-quyet.md")
    committees = "Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương"

    def folded(section: str) -> set[tuple[str, str]]:
        return {(n.lower(), r) for n, r in _units(doc, section)}

    assert {("bộ", "lead"), (committees.lower(), "lead")} <= folded("D2.2")
    assert {("bộ", "lead"), (committees.lower(), "lead"), ("bộ tài chính", "cooperate")} <= folded("D2.3")
    assert {("bộ", "cooperate"), (committees.lower(), "cooperate"), ("bộ tài chính", "lead")} <= folded("D3.1")
    assert not any("bên quản lý" in n or "cấp tỉnh" in n for n, _ in folded("D2.2") | folded("D3.1"))


def test_team_short_name_written_viet_tat(tmp_path: Path) -> None:
    """Before: "(sau đây viết tắt là Tổ thẩm định)" was not read as the team's short name (only
    "gọi tắt là"), so its tasks had no unit (spent s16 held-out qd7-bqlkcn-2026 Điều 2: three
    of its seven gold roles). The province's name inside the full name is dropped after its
    level word, as everywhere ([decided, kh165])."""
    from test_small_decisions_s16 import HEADER
    text = HEADER.replace("Điều 1. Điều chỉnh danh mục thủ tục hành chính lĩnh vực du lịch theo Phụ lục kèm theo.\n",
                          """Điều 1. Thành lập Tổ thẩm định hồ sơ cụm công nghiệp do Sở Công Thương tỉnh An Bình quản
lý (sau đây viết tắt là Tổ thẩm định), gồm các thành viên theo Phụ lục kèm theo.
Điều 2. Nhiệm vụ
1. Tổ thẩm định có trách nhiệm xem xét hồ sơ và đề xuất kết quả thẩm định.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký./.
""") + SIGNATURE
    doc = parse_text(tmp_path, text, "quyet-dinh.md")
    assert ("Tổ thẩm định hồ sơ cụm công nghiệp do Sở Công Thương tỉnh quản lý", "lead") in _units(doc, "D2.1")


def test_headed_list_members_sharing_a_first_word() -> None:
    """Before: "các Bộ: Tài chính, Tài nguyên và Môi trường" was read as one head over levels
    ("Bộ Tài" + "chính", "nguyên …"): one unit "Bộ Tài chính, nguyên và Môi trường" (spent s16
    held-out qd1803-ttg-2015 Điều 4: two ministries lost)."""
    from chinhsach.extract.units import find_units
    names = [m.name for m in find_units("Giám đốc các sở: Tài chính, Tài nguyên và Môi trường, Xây dựng "
                                        "chịu trách nhiệm thi hành Quyết định này.")]
    assert names == ["Sở Tài chính", "Sở Tài nguyên và Môi trường", "Sở Xây dựng"]
    names = [m.name for m in find_units("Bộ trưởng các Bộ: Tài chính, Tài nguyên và Môi trường thực hiện.")]
    assert names == ["Bộ Tài chính", "Bộ Tài nguyên và Môi trường"]


def test_state_bank_governor_stands_for_the_bank() -> None:
    """Before: "Thống đốc" was no head title, so in the Prime Minister's executing clause the
    word broke the list of heads and the State Bank charged with executing was dropped (spent s16
    held-out qd1803-ttg-2015 Điều 4). Ministers' titles stand for their bodies; so does his."""
    from chinhsach.extract.duties import roles_in_text
    from chinhsach.extract.units import find_units
    text = ("Bộ trưởng Bộ Y tế, Thống đốc Ngân hàng Nhà nước Việt Nam và Thủ trưởng các cơ quan liên quan "
            "chịu trách nhiệm thi hành Quyết định này.")
    assert {(u.name, u.role) for u in roles_in_text(text, find_units)} == {
        ("Bộ Y tế", "lead"), ("Ngân hàng Nhà nước Việt Nam", "lead")}


def test_amounts_listed_by_body_are_no_duties(tmp_path: Path) -> None:
    """Before: an approval's funds listed by body ("+ Sở Xây dựng: 450.000.000 đồng …") were read
    as duties of each body, its name opening a long line (spent s16 held-out qd1803-ttg-2015
    Điều 1: nine false leads). A body, a colon and a figure is a share, not an act."""
    from test_small_decisions_s16 import HEADER
    text = HEADER.replace("Điều 1. Điều chỉnh danh mục thủ tục hành chính lĩnh vực du lịch theo Phụ lục kèm theo.\n",
                          """Điều 1. Phê duyệt kinh phí thực hiện Đề án, cụ thể như sau:
- Tổng kinh phí: 1.200.000.000 đồng, trong đó:
+ Sở Du lịch: 700.000.000 đồng (400.000.000 đồng chi thường xuyên và 300.000.000 đồng chi đầu tư).
+ Sở Xây dựng: 500.000.000 đồng bằng nguồn ngân sách tỉnh năm 2026.
Điều 2. Sở Du lịch chủ trì, phối hợp với Sở Xây dựng tổ chức thực hiện Đề án.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký./.
""") + SIGNATURE
    doc = parse_text(tmp_path, text, "quyet-dinh.md")
    assert _units(doc, "D1") == set()
    assert {("Sở Du lịch", "lead"), ("Sở Xây dựng", "cooperate")} <= _units(doc, "D2")


def test_council_members_stand_for_the_council(tmp_path: Path) -> None:
    """Before: "các thành viên Hội đồng … tại Điều 1" in the executing article charged nobody (the
    council's short name was read, its members were not: spent s16 held-out qd7-bqlkcn-2026
    Điều 4). Members and chair stand for the body ([decided, s15 fixP])."""
    from test_small_decisions_s16 import HEADER
    text = HEADER.replace("Điều 1. Điều chỉnh danh mục thủ tục hành chính lĩnh vực du lịch theo Phụ lục kèm theo.\n",
                          """Điều 1. Thành lập Hội đồng xét duyệt sáng kiến ngành du lịch (sau đây gọi tắt là Hội đồng
xét duyệt), thành phần theo Phụ lục kèm theo.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Chánh Văn phòng Sở Du lịch; các thành viên Hội đồng xét duyệt tại Điều 1 chịu trách nhiệm thi
hành Quyết định này./.
""") + SIGNATURE
    doc = parse_text(tmp_path, text, "quyet-dinh.md")
    assert ("Hội đồng xét duyệt sáng kiến ngành du lịch", "lead") in _units(doc, "D2")
