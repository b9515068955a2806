"""Short decisions and letters of the session-15 development set: the forms that cost them duties.

Every text here is invented (province "An Hòa", made-up bodies' tasks and dates); the forms are
those of the session-15 development documents (/tmp/s15/dev: a steering committee's decision
printed in the official gazette, a Government resolution assigning one law draft, a provincial
public-investment decision, two one-paragraph letters of a provincial People's Committee).
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.model import Document, Duty

_GAZETTE_HEADER = """CÔNG BÁO/Số 101/Ngày 02-03-2026
55

THỦ TƯỚNG CHÍNH PHỦ
______________

Số: 401/QĐ-TTg
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
_______________________________________________
Hà Nội, ngày 20 tháng 02 năm 2026

QUYẾT ĐỊNH
Thành lập Ban Chỉ đạo quốc gia về phát triển vật liệu xây dựng xanh

THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
Theo đề nghị của Bộ trưởng Bộ Xây dựng,
QUYẾT ĐỊNH:
"""


def _roles(duty: Duty) -> set[tuple[str, str]]:
    return {(u.name, u.role) for u in duty.units}


def _by_section(doc: Document, section: str) -> list[Duty]:
    return [d for d in doc.duties if d.section == section]


# A steering committee's decision: roster, tasks, powers, and an execution article whose list of
# subjects is hard-wrapped before "Điều 1" ("… các thành viên quy định tại" / "Điều 1 chịu trách
# nhiệm thi hành …"), as in the Prime Minister's decisions printed by the official gazette.
STEERING = _GAZETTE_HEADER + """Điều 1. Thành lập Ban Chỉ đạo quốc gia về phát triển vật liệu xây dựng xanh (gọi tắt là
Ban Chỉ đạo), gồm các thành viên sau đây:
1. Trưởng ban: Phó Thủ tướng Chính phủ phụ trách lĩnh vực xây dựng.
2. Phó Trưởng ban:
- Bộ trưởng Bộ Xây dựng, Phó Trưởng ban thường trực;
- Bộ trưởng Bộ Công Thương.
3. Các ủy viên:
- Bộ trưởng Bộ Khoa học và Công nghệ;
- 01 Thứ trưởng Bộ Tài chính.
Điều 2. Nhiệm vụ của Ban Chỉ đạo:
1. Nghiên cứu, đề xuất cơ chế khuyến khích sản xuất vật liệu xây dựng xanh.
2. Giúp Thủ tướng Chính phủ theo dõi, đôn đốc các bộ, ngành thực hiện chương trình phát triển
vật liệu xây dựng xanh.
Điều 3. Quyền hạn của Ban Chỉ đạo
1. Được mời dự các cuộc họp của các bộ, ngành bàn về vật liệu xây dựng.
2. Yêu cầu các bộ, ngành, địa phương cung cấp số liệu về sản xuất vật liệu xây dựng.
Điều 4. Quyết định này có hiệu lực thi hành kể từ ngày ký.

CÔNG BÁO/Số 101/Ngày 02-03-2026
56

Điều 5. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân tỉnh, thành phố
trực thuộc trung ương và các thành viên quy định tại
Điều 1 chịu trách nhiệm thi hành Quyết định này./.

THỦ TƯỚNG
[

Trần Văn Minh
"""


def test_execution_article_wrapped_before_a_reference_to_article_one(tmp_path: Path) -> None:
    """"… các thành viên quy định tại" / "Điều 1 chịu trách nhiệm thi hành …": a reference to an
    article wrapped onto the next line, in lower case after the number; an article heading
    prints "Điều 6." and a capital. Before, the wrapped line opened an item "1" that swallowed
    the signature ("Trần Văn Minh" read as a duty of "Thủ tướng") and the execution article lost
    its units (s15 dev qd798: D7's two units missed, one false lead)."""
    doc = parse_text(tmp_path, STEERING, "qd.md")
    assert not [d for d in doc.duties if d.section == "1"]
    (execution,) = _by_section(doc, "D5")
    assert {("bộ, cơ quan ngang bộ", "lead")} <= _roles(execution)
    assert any(u.name.startswith("Chủ tịch Ủy ban nhân dân tỉnh") and u.role == "lead" for u in execution.units)


def test_roster_titles_and_powers_are_no_duties(tmp_path: Path) -> None:
    """The composition article lists members by title ("- Bộ trưởng Bộ Xây dựng, Phó Trưởng ban
    thường trực;"): no duties, although a minister's title opens each line (before: one lead
    per member). The powers article ("Điều 3. Quyền hạn của Ban Chỉ đạo") says what the body may
    do, not what it is charged with ([decided, s15 fixQ]); its tasks article still gives duties."""
    doc = parse_text(tmp_path, STEERING, "qd.md")
    assert not [d for d in doc.duties if d.section and d.section.startswith(("D1", "D3"))]
    assert _by_section(doc, "D2.1") and _by_section(doc, "D2.2")


GAZETTE_RESOLUTION = """CÔNG BÁO/Số 210/Ngày 10-04-2026
71

CHÍNH PHỦ
_________

Số: 77/NQ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
____________________________________________
Hà Nội, ngày 02 tháng 4 năm 2026

NGHỊ QUYẾT
Về chính sách của Luật sửa đổi Luật Đo lường

CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
Theo đề nghị của Bộ Khoa học và Công nghệ;

QUYẾT NGHỊ:
Điều 1. Thông qua chính sách của Luật sửa đổi Luật Đo lường.
Điều 2. Bộ Khoa học và Công nghệ chủ trì, phối hợp với các bộ, cơ quan liên quan hoàn thiện hồ
sơ dự án Luật, trình Chính phủ trước ngày 30 tháng 5 năm 2026.
Điều 3. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.

CÔNG BÁO/Số 210/Ngày 10-04-2026
72

Điều 4. Bộ trưởng Bộ Khoa học và Công nghệ và Thủ trưởng các cơ quan có liên quan chịu trách
nhiệm thi hành Nghị quyết này./.

ơ

TM. CHÍNH PHỦ
THỦ TƯỚNG

Lê Văn Hòa
"""


def test_stray_glyph_after_the_closing_mark_is_not_the_last_article(tmp_path: Path) -> None:
    """A stray glyph line of the gazette's text layer ("ơ") right after "./.": the closing mark
    ends the body, so a lower-case line after it goes on with nothing. Before, the glyph ran into
    the last article, which then read as a title and gave no duty (s15 dev nq141 D5)."""
    doc = parse_text(tmp_path, GAZETTE_RESOLUTION, "nq.md")
    (execution,) = _by_section(doc, "D4")
    assert ("Bộ Khoa học và Công nghệ", "lead") in _roles(execution)


REPLY_LETTER = """ỦY BAN NHÂN DÂN                   CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
        TỈNH AN HÒA                            Độc lập - Tự do - Hạnh phúc

       Số: 815 /UBND-KT                       An Hòa, ngày 12 tháng 3 năm 2026
 V/v triển khai cấp phép khai thác
          nước mặt

                              Kính gửi: Sở Nông nghiệp và Môi trường.

         Ủy ban nhân dân tỉnh nhận được Văn bản số 640/BNNMT-TNN ngày
   05/3/2026 của Bộ Nông nghiệp và Môi trường về việc cấp phép khai thác nước
   mặt và triển khai cấp phép (gửi kèm theo); việc này, Chủ tịch UBND tỉnh có ý kiến như sau:
         Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính
   hướng dẫn các tổ chức thực hiện thủ tục cấp phép theo đề nghị của Bộ Nông
   nghiệp và Môi trường; báo cáo Ủy ban nhân dân tỉnh trước ngày 30/3/2026.
           Căn cứ nội dung văn bản, Sở Nông nghiệp và Môi trường tổ chức thực hiện./.
   Nơi nhận:                                             TL. CHỦ TỊCH
   - Như trên;                                      KT. CHÁNH VĂN PHÒNG
   - Lưu: VT, KT.                                   PHÓ CHÁNH VĂN PHÒNG

                                                           Đỗ Văn Tâm
"""


def test_reply_letter_opening_receipt_is_no_duty(tmp_path: Path) -> None:
    """"Ủy ban nhân dân tỉnh nhận được Văn bản số … của Bộ X …; việc này, Chủ tịch UBND tỉnh có
    ý kiến như sau:": a reply letter opens with the document it answers; the issuer receiving it
    is charged with nothing (before: "Ủy ban nhân dân tỉnh" lead of a false duty, s15 dev
    cv2496, where the received document's subject says "triển khai"). The assignment and the
    closing sentence stay duties."""
    doc = parse_text(tmp_path, REPLY_LETTER, "cv.md")
    assert not [d for d in doc.duties if "nhận được" in d.text]
    leads = [{u.name for u in d.units if u.role == "lead"} for d in doc.duties]
    assert leads == [{"Sở Nông nghiệp và Môi trường"}, {"Sở Nông nghiệp và Môi trường"}]


def test_a_defined_short_name_stands_for_the_full_name(tmp_path: Path) -> None:
    """"Thành lập Ban Chỉ đạo quốc gia về phát triển vật liệu xây dựng xanh (gọi tắt là Ban Chỉ
    đạo)": the tasks of "Ban Chỉ đạo" are that committee's, named in full (before: the bare
    "Ban Chỉ đạo", which names any of hundreds across documents; s15 dev qd798). The form (a
    body defined with its short name, then its tasks) is that of the decisions cited in
    tests/test_decisions_survey.py::test_a_roster_is_no_duty_and_the_body_has_its_tasks."""
    doc = parse_text(tmp_path, STEERING, "qd.md")
    full = "Ban Chỉ đạo quốc gia về phát triển vật liệu xây dựng xanh"
    assert (full, "lead") in _roles(_by_section(doc, "D2.1")[0])
    assert {(full, "lead"), (full, "monitor")} <= _roles(_by_section(doc, "D2.2")[0])


def test_the_standing_deputy_prime_minister_is_one_office() -> None:
    """"Phân công Phó Thủ tướng Thường trực Chính phủ <name> chỉ đạo …" (the article of a
    Government resolution that names who steers a law draft): the standing deputy's office, one
    unit. Before, "Thủ tướng" and "Thường trực Chính phủ" were two false leads (s15 dev nq141
    D3). (A plain "Phó Thủ tướng Chính phủ" is left as it was: s14 dev nq122 PL1.6.b prints
    "Phó Thủ tướng Chính phủ - Trưởng Ban chỉ đạo …", which its gold reads as the committee.)"""
    from chinhsach.extract.duties import roles_in_text

    roles = {(u.name, u.role) for u in roles_in_text(
        "Phân công Phó Thủ tướng Thường trực Chính phủ Lê Văn An chỉ đạo việc hoàn thiện dự án Luật Đo lường.")}
    assert roles == {("Phó Thủ tướng Thường trực Chính phủ", "lead")}


def test_a_check_inside_a_procedure_name_is_no_monitoring() -> None:
    """"nghiên cứu, tham mưu … ủy quyền thực hiện thủ tục huấn luyện, kiểm tra, cấp chứng chỉ …":
    the check is a step of the administrative procedure the duty is about; the department that
    advises on delegating it watches nothing (before: monitor, s15 dev Lào Cai letter on
    explosives training). A unit charged to check ("kiểm tra việc …") stays monitor."""
    from chinhsach.extract.duties import roles_in_text

    roles = {(u.name, u.role) for u in roles_in_text(
        "Giao Sở Y tế chủ trì, phối hợp với Sở Tư pháp nghiên cứu, tham mưu Ủy ban nhân dân tỉnh việc ủy quyền "
        "thực hiện thủ tục sát hạch, kiểm tra, cấp chứng chỉ hành nghề dược cho Giám đốc Sở Y tế.")}
    assert ("Sở Y tế", "monitor") not in roles
    assert {("Sở Y tế", "lead"), ("Sở Tư pháp", "cooperate"), ("Ủy ban nhân dân tỉnh", "report_to")} <= roles
    roles = {(u.name, u.role) for u in roles_in_text(
        "Giao Sở Y tế chủ trì kiểm tra việc thực hiện thủ tục cấp chứng chỉ hành nghề dược.")}
    assert ("Sở Y tế", "monitor") in roles


def test_a_type_code_printed_without_its_hyphen() -> None:
    """"Nghị định số 45/2025/NĐCP ngày 10/3/2025": a docx conversion lost the hyphen of the
    decree's code; it is the decree 45/2025/NĐ-CP (before: a number no other mention of the
    decree matches, s15 dev Lào Cai letter on explosives training)."""
    from chinhsach.text.docnumber import canonical_doc_number

    assert canonical_doc_number("45/2025/NĐCP") == "45/2025/NĐ-CP"
    assert canonical_doc_number("12/QĐTTg") == "12/QĐ-TTg"
    assert canonical_doc_number("45/2025/NĐ-CP") == "45/2025/NĐ-CP"


def test_a_regional_audit_office_by_its_2025_name() -> None:
    """"Kiểm toán khu vực VII": the State Audit's regional offices as the 2025 reorganisation
    names them, asked to join the checks of a provincial investment decision (s15 dev Lào Cai
    public-investment decision; before: no unit). Lower-case "kiểm toán" stays the activity."""
    from chinhsach.extract.duties import roles_in_text

    roles = {(u.name, u.role) for u in roles_in_text(
        "Đề nghị Ban Nội chính Tỉnh ủy, Kiểm toán khu vực IV phối hợp kiểm tra, giám sát việc thực hiện.")}
    assert {("Kiểm toán khu vực IV", "lead"), ("Kiểm toán khu vực IV", "monitor")} <= roles
    assert not roles_in_text("Tổ chức kiểm toán tỉnh định kỳ hằng năm.")
