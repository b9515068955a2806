"""Scans, session 12 (helper scans3): a circular's clause that hands its subject to its points.

In the scanned circular of the fresh-scans set (HzW_18_syt_vp, ATT.D7.1) a numbered clause names
its subject and ends "… phải thực hiện:" over points a) … d); the gold reads each point as a duty
led by that subject, the clause as no duty. Two things lost them: "phải thực hiện:" was not read
as announcing a list (only "có trách nhiệm:", "… nhiệm vụ sau:"), and OCR drops a line's last
colon, so the structure stage takes the clause for a heading of its points and the lead-in test
(paragraphs ending ":") never sees it. The wording below is invented; only the form is the scan's.
"""

from __future__ import annotations

from chinhsach import parse

_CIRCULAR = """BỘ Y TẾ
Số: 12/2020/TT-BYT
THÔNG TƯ
Quy định việc gửi dữ liệu khám bệnh

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định việc gửi dữ liệu khám bệnh.
Điều 2. Trình tự gửi dữ liệu
1. Trong thời hạn 05 ngày làm việc kể từ ngày kết thúc đợt điều trị, bệnh viện công lập phải thực hiện:
a) Rà soát dữ liệu trước khi gửi;
b) Ký số dữ liệu đã rà soát;
c) Gửi dữ liệu đến cơ quan tiếp nhận.
2. Dữ liệu được lưu trữ theo quy định.
"""


def _point_leads(text: str, tmp_path) -> dict[str, list[tuple[str, str]]]:
    path = tmp_path / "circular.txt"
    path.write_text(text, encoding="utf-8")
    doc = parse(path)
    return {d.section: [(u.name, u.role) for u in d.units] for d in doc.duties}


def test_must_carry_out_lead_in_hands_its_subject_to_the_points(tmp_path):
    duties = _point_leads(_CIRCULAR, tmp_path)
    for point in ("D2.1.a", "D2.1.b", "D2.1.c"):
        assert duties.get(point) == [("bệnh viện công lập", "lead")]
    assert "D2.1" not in duties  # who and that a list follows: no duty of its own


def test_lead_in_whose_colon_ocr_dropped_still_hands_its_subject_on(tmp_path):
    duties = _point_leads(_CIRCULAR.replace("phải thực hiện:", "phải thực hiện"), tmp_path)
    for point in ("D2.1.a", "D2.1.b", "D2.1.c"):
        assert duties.get(point) == [("bệnh viện công lập", "lead")]


def test_limit_with_commas_of_its_own_opens_the_lead_in(tmp_path):
    """The limit before the subject may hold commas of its own (a pair of activities named with
    a comma, then "đối với …"): the subject is still the body that "phải thực hiện", and the
    lead-in is still no duty of its own."""
    text = _CIRCULAR.replace(
        "1. Trong thời hạn 05 ngày làm việc kể từ ngày kết thúc đợt điều trị, bệnh viện công lập phải thực hiện:",
        "1. Trong thời hạn 05 ngày làm việc, kể từ ngày kết thúc việc thu, nộp phí đối với người bệnh, "
        "bệnh viện công lập phải thực hiện")
    duties = _point_leads(text, tmp_path)
    for point in ("D2.1.a", "D2.1.b", "D2.1.c"):
        assert duties.get(point) == [("bệnh viện công lập", "lead")]
    assert "D2.1" not in duties


def test_ocr_hook_for_grave_on_the_charging_word_is_put_back():
    """"đề nghị" read "để nghị" (the hook and the grave over "ê" confused on a faint line, twice
    in the scanned letter HzW_18); "để nghị quyết …" (in order that a resolution …) is kept."""
    from chinhsach.ingest.ocr import clean_text

    assert "đề nghị các phòng" in clean_text("Nếu có vướng mắc, để nghị các phòng báo cáo kịp thời")
    assert clean_text("Tuyên truyền để nghị quyết đi vào cuộc sống") == "Tuyên truyền để nghị quyết đi vào cuộc sống"


def _letter_duties(body: str, tmp_path) -> list[list[tuple[str, str]]]:
    path = tmp_path / "letter.txt"
    path.write_text("UBND TỈNH AN PHÚ\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 45/SNNMT-VP\n"
                    "V/v triển khai thông tư\n\nKính gửi: Các đơn vị trực thuộc.\n\n" + body + "\n",
                    encoding="utf-8")
    return [[(u.name, u.role) for u in d.units] for d in parse(path).duties]


def test_closing_request_without_if_reports_to_the_named_body(tmp_path):
    """A letter's closing request often drops "nếu" ("Quá trình thực hiện có khó khăn, vướng mắc
    đề nghị …"): it still charges the recipients with reporting to the body it names."""
    duties = _letter_duties("Trong quá trình thực hiện có khó khăn, vướng mắc đề nghị các đơn vị "
                            "báo cáo về Sở Tài chính.", tmp_path)
    assert any(("Sở Tài chính", "report_to") in d for d in duties)


def test_closing_request_to_raise_problems_reports_to_the_named_body(tmp_path):
    """Circulars close with "… đề nghị … phản ánh kịp thời về Bộ X để xem xét, giải quyết": the
    ministry receives the problems as it would receive a report."""
    duties = _letter_duties("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các cơ quan, "
                            "tổ chức phản ánh kịp thời về Bộ Tài chính để xem xét, giải quyết.", tmp_path)
    assert any(("Bộ Tài chính", "report_to") in d for d in duties)


def test_invitation_list_of_those_invited_charges_no_one(tmp_path):
    """An invitation (giấy mời) lists who is invited under "1. Thành phần:"; a bullet that packs
    several invitees between semicolons is no duty (the fresh-scans invitation zPs_171_gm_syt)."""
    path = tmp_path / "invitation.txt"
    path.write_text(
        "UBND TỈNH AN PHÚ\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 88/GM-SGDĐT\nGIẤY MỜI\n"
        "Dự hội nghị tổng kết năm học\n\nSở Giáo dục và Đào tạo trân trọng kính mời:\n"
        "1. Thành phần:\n- Đại diện Ban Giám đốc Sở Giáo dục và Đào tạo;\n"
        "- Giám đốc Trung tâm Giáo dục thường xuyên tỉnh; Trưởng Phòng Giáo dục và Đào tạo các huyện.\n"
        "2. Thời gian: 08 giờ, ngày 15/6/2026.\n3. Địa điểm: Hội trường Sở Giáo dục và Đào tạo.\n",
        encoding="utf-8")
    duties = parse(path).duties
    assert not [d for d in duties if d.section == "1"]


def test_stop_and_dash_between_syllables_of_a_name_are_dropped():
    """Specks between two syllables of a name read as ": -" glued to the second ("Bảo: -hiểm xã
    hội", the faint circular of HzW_18) split the name; a list dash before a capital stays."""
    from chinhsach.ingest.ocr import clean_text

    assert "với Bảo hiểm xã hội tỉnh" in clean_text("Phối hợp với Bảo: -hiểm xã hội tỉnh thực hiện")
    assert clean_text("Nội dung: -Xây dựng kế hoạch") == "Nội dung: -Xây dựng kế hoạch"
