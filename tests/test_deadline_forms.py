"""One case per form of time limit that Vietnamese administrative texts write.

The forms come from ``evaluation/deadline_audit.py`` over the real development plans, the seed,
the six DOCX laws, the OCR texts and the ALQAC statutes (the fresh-check laws left out); the
sentences here are written for the test in the shape of the real ones (a made-up province and
sectors), never copied. Each case gives the ISO deadline, the words and the recurrence the
reader must give; the conventions are GUIDELINES.md / GUIDELINES-real.md ("Time"), and for a
relative limit ("trong thời hạn 15 ngày kể từ …", on which the guidelines are silent) the
development gold's: the words, no date (kh153).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chinhsach.extract.duties import find_deadline
from chinhsach.extract.tables import time_cell

# (sentence, ISO deadline, words, recurrence); words None = not checked when a date is given.
SENTENCES = [
    # Absolute dates with a deadline word.
    ("Sở Nội vụ hoàn thành việc rà soát trước ngày 30/9/2026.", "2026-09-30", "trước ngày 30/9/2026", None),
    ("Báo cáo kết quả chậm nhất là ngày 15 tháng 11 năm 2026.", "2026-11-15", None, None),
    ("Các xã hoàn thành trước 31/10/2026.", "2026-10-31", None, None),
    # A quarter or a month with its year, Roman or Arabic, "/" or "năm".
    ("Tổ chức hội nghị sơ kết trong Quý III năm 2026.", "2026-09-30", "trong Quý III năm 2026", None),
    ("Hoàn thiện cơ sở dữ liệu trong quý 2/2027.", "2027-06-30", None, None),
    ("Ban hành quy chế phối hợp trong tháng 12 năm 2025.", "2025-12-31", None, None),
    ("Xây dựng đề án, trình Ủy ban nhân dân tỉnh trong tháng 8/2026.", "2026-08-31", None, None),
    # A year as the time the work is done by, and a horizon (GUIDELINES-real.md: 31 December).
    ("Hoàn thành số hóa hồ sơ đất đai trong năm 2027.", "2027-12-31", "trong năm 2027", None),
    ("Đến năm 2030, 100% trạm y tế xã có hồ sơ sức khỏe điện tử.", "2030-12-31", "Đến năm 2030", None),
    # The half-year of a year.
    ("Triển khai thí điểm trong 6 tháng đầu năm 2026.", "2026-06-30", None, None),
    ("Nhân rộng mô hình trong 6 tháng cuối năm 2026.", "2026-12-31", None, None),
    # A time label before the date ("Thời gian hoàn thành: …").
    ("Thời gian hoàn thành: Quý IV/2026.", "2026-12-31", None, None),
    ("Thời gian thực hiện: giai đoạn 2026 - 2030.", "2030-12-31", None, None),
    # A date without its year under a cycle: words, no date (GUIDELINES.md).
    ("Định kỳ hằng năm gửi báo cáo về Sở Y tế trước ngày 10/12.", None, "trước ngày 10/12", "hằng năm"),
    # A school's semester cycle and counts per period (HNMU.pdf's regulation, in made-up words).
    ("Khoa tổng hợp ý kiến người học, báo cáo chậm nhất 02 tuần sau khi kết thúc mỗi học kì.", None,
     "chậm nhất 02 tuần sau khi kết thúc mỗi học kì", "hằng học kỳ"),
    ("Nhà trường tổ chức xét công nhận tốt nghiệp ít nhất 02 lần/năm học.", None, None, "hằng năm học"),
    ("Thanh tra sở kiểm tra các cơ sở ít nhất hai lần trong năm.", None, None, "hằng năm"),
    ("Ban quản lý kiểm tra định kỳ 01 lần/năm.", None, None, "hằng năm"),
    ("Hằng năm báo cáo kết quả chậm nhất ngày 20 tháng 12.", None, "chậm nhất ngày 20 tháng 12", "hằng năm"),
    ("Chậm nhất vào ngày 25 tháng 11 hằng năm, Sở trình kế hoạch kiểm tra.", None, "Chậm nhất vào ngày 25 tháng 11",
     "hằng năm"),
    ("Gửi báo cáo tháng về Văn phòng trước ngày 25 hằng tháng.", None, "trước ngày 25", "hằng tháng"),
    ("Báo cáo tiến độ trước ngày 12 của tháng cuối quý.", None, "trước ngày 12", "hằng quý"),
    ("Thông báo kết quả kiểm tra trước tháng 11 hằng năm.", None, "trước tháng 11", "hằng năm"),
    ("Tổ chức tập huấn cho cán bộ xã trong quý II.", None, "trong quý II", None),
    # Relative limits, counted from an event: the words through the event, no date.
    ("Trong thời hạn 20 ngày kể từ ngày nhận đủ hồ sơ, Sở Xây dựng thẩm định và cấp phép.",
     None, "Trong thời hạn 20 ngày kể từ ngày nhận đủ hồ sơ", None),
    ("Trong thời hạn 07 ngày làm việc, kể từ ngày nhận được đơn, cơ quan tiếp nhận phải trả lời.",
     None, "Trong thời hạn 07 ngày làm việc, kể từ ngày nhận được đơn", None),
    ("Chậm nhất là 48 giờ kể từ khi phát hiện sự cố, chủ đầu tư báo cáo Sở Công Thương.",
     None, "Chậm nhất là 48 giờ kể từ khi phát hiện sự cố", None),
    ("Cơ sở phải hoàn thiện điều kiện trong thời hạn 02 năm kể từ ngày Nghị quyết có hiệu lực phải báo cáo.",
     None, "trong thời hạn 02 năm kể từ ngày Nghị quyết có hiệu lực", None),
    ("Người phụ trách trả lời kiến nghị trong vòng mười lăm ngày.", None, "trong vòng mười lăm ngày", None),
    ("Ít nhất 05 ngày làm việc trước ngày tổ chức, đơn vị phải gửi thông báo.",
     None, "Ít nhất 05 ngày làm việc trước ngày tổ chức", None),
    ("Đơn vị thông báo kế hoạch ít nhất là 10 ngày trước ngày khai mạc.", None, "ít nhất là 10 ngày trước ngày khai mạc", None),
    # Cycles: the label in its standard spelling.
    ("Hàng năm, Sở Tài chính tham mưu bố trí kinh phí.", None, None, "hằng năm"),
    ("Định kỳ hằng quý kiểm tra việc thực hiện.", None, None, "hằng quý"),
    ("Định kỳ 06 tháng, các đơn vị báo cáo kết quả.", None, None, "6 tháng"),
    # Two cycles in one sentence, comma-joined (GUIDELINES-real.md, Time, [decided, lead s11]).
    ("Các trường báo cáo 6 tháng, năm về Sở Giáo dục và Đào tạo.", None, None, "6 tháng, hằng năm"),
    ("Báo cáo định kỳ hằng tháng (trước ngày 20 hằng tháng), 6 tháng (trước ngày 20/6), hằng năm (trước ngày 20/11).",
     None, "trước ngày 20", "hằng tháng, 6 tháng, hằng năm"),
    ("Tiền hỗ trợ được chi định kỳ hằng quý, nửa năm hoặc hằng năm.", None, None, "hằng quý, 6 tháng, hằng năm"),
    ("Ban chỉ đạo họp thường niên để đánh giá kết quả.", None, None, "hằng năm"),  # a synonym (adjud)
    ("Hằng năm xây dựng, công bố báo cáo thường niên về thị trường lao động.", None, None, "hằng năm"),
    ("Định kỳ báo cáo Ủy ban nhân dân tỉnh.", None, None, "định kỳ"),
    ("Thường xuyên kiểm tra, giám sát hoạt động của cơ sở.", None, None, "thường xuyên"),
    # Both words, with or without their comma, as a time cell lists them ([decided, kh165]).
    ("Thời gian thực hiện: Thường xuyên hằng năm.", None, None, "thường xuyên, hằng năm"),
    ("Thời gian thực hiện: thường xuyên, hằng quý.", None, None, "thường xuyên, hằng quý"),
    ("Bố trí từ nguồn chi thường xuyên hằng năm của ngân sách tỉnh.", None, None, "hằng năm"),
    ("Sở Công Thương định kỳ 05 năm một lần đánh giá chiến lược.", None, None, "5 năm"),
    ("Rà soát, cập nhật danh mục 03 năm một lần.", None, None, "3 năm"),
    ("Định kỳ hai năm một lần tổ chức điều tra.", None, None, "2 năm"),
    ("Định kỳ ít nhất 01 năm một lần tổ chức diễn tập.", None, None, "hằng năm"),
    # A start and then every year.
    ("Thực hiện từ năm 2026 và các năm tiếp theo.", None, "từ năm 2026 và các năm tiếp theo", "hằng năm"),
]

# Expressions that are no time limit of the duty.
NOT_LIMITS = [
    "Kể từ ngày 01/7/2026, các xã thực hiện tiếp nhận hồ sơ trực tuyến.",  # a start
    "Giấy phép có thời hạn là 05 năm.",  # a term
    "Quy chế có hiệu lực sau 15 ngày kể từ ngày ký.",  # entry into force
    "Người vi phạm bị phạt tù từ 01 năm đến 05 năm.",  # a penalty
    "Thẻ cũ vẫn có giá trị sử dụng đến hết ngày 31 tháng 12 năm 2026.",  # the end of a validity
    "Cá nhân vi phạm không được tham gia đề tài trong thời hạn 02 năm kể từ ngày bị xử lý.",  # a ban
    "Người lao động đã điều trị 06 tháng liên tục thì được xem xét.",  # a length, no cycle
    "Mức hỗ trợ tính theo thu nhập bình quân của 06 tháng liền kề.",  # a length, no cycle
    "Bố trí kinh phí chi thường xuyên để thực hiện Kế hoạch.",  # recurrent spending, no cycle
    "Cứ mỗi năm công tác được cộng thêm một ngày nghỉ.",  # years of service, no cycle
    "Sau 02 tháng, kể từ ngày niêm yết mà không có người nhận thì tài sản được xử lý.",  # an earliest time
    "Người lao động được nghỉ hằng năm theo quy định.",  # annual leave: a compound
    "Ngày nghỉ hằng tuần được ghi trong nội quy.",  # weekly rest: a compound
    "Đăng tin trên một tờ báo hằng ngày của địa phương.",  # a daily paper: a compound
    "Ngày Thương binh liệt sĩ: 01 ngày (ngày 27 tháng 7).",  # a bracketed day of the year
    "Triển khai nền tảng bồi dưỡng thường xuyên cho giáo viên.",  # continuing training
    "Lồng ghép vào Chương trình phát triển du lịch giai đoạn 2026 - 2030.",  # a period in passing
    "Phối hợp kịp thời khi có yêu cầu của cơ quan có thẩm quyền.",  # manner and trigger
    "Triển khai Chiến lược phát triển thủy sản đến năm 2030, tầm nhìn đến năm 2045.",  # a name's years
    "Điều chỉnh Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050.",  # a name's years
    "Căn cứ Đề án phát triển làng nghề đến năm 2030 theo Quyết định số 12/QĐ-UBND, các xã rà soát.",  # cited
    "Khiếu nại quyết định kỷ luật của người đứng đầu cơ quan.",  # "kỷ luật" folds to "ky"
    "Bộ trưởng ban hành quy định kỹ thuật về quan trắc nước thải.",  # "kỹ thuật" folds to "ky"
]

# Table time cells (GUIDELINES-real.md "Time"): (cell, ISO deadline, recurrence).
CELLS = [
    ("Quý IV/2026", "2026-12-31", None),
    ("Quý III năm 2026", "2026-09-30", None),
    ("Năm 2026", "2026-12-31", None),
    ("2027", "2027-12-31", None),
    ("2026-2030", "2030-12-31", None),
    ("2026 - 2030", "2030-12-31", None),
    ("Tháng 12/2025", "2025-12-31", None),
    ("Hằng năm", None, "hằng năm"),
    ("Thường xuyên", None, "thường xuyên"),
    ("Trước 15/12", None, None),
    ("Năm 2026 và các năm tiếp theo", None, "hằng năm"),
]


@pytest.mark.parametrize(("text", "iso", "words", "recurring"), SENTENCES, ids=[s[0][:40] for s in SENTENCES])
def test_sentence_form(text: str, iso: str | None, words: str | None, recurring: str | None) -> None:
    got_iso, got_words, got_recurring = find_deadline(text)
    assert got_iso == iso
    assert got_recurring == recurring
    if words is not None or iso is None and recurring is None:
        assert got_words == words


@pytest.mark.parametrize("text", NOT_LIMITS, ids=[s[:40] for s in NOT_LIMITS])
def test_not_a_limit(text: str) -> None:
    assert find_deadline(text) == (None, None, None)


@pytest.mark.parametrize(("cell", "iso", "recurring"), CELLS, ids=[c[0] for c in CELLS])
def test_time_cell(cell: str, iso: str | None, recurring: str | None) -> None:
    deadline, words, got_recurring, _year = time_cell(cell)
    assert (deadline, got_recurring) == (iso, recurring)
    # A cell's words are the cell as written, unless it gives only a frequency: then none
    # (GUIDELINES-real.md, Time, [decided, adjud]: deadline_text never holds the frequency word).
    assert words == (None if recurring and deadline is None and cell.split()[0] in ("Hằng", "Thường") else cell)


def test_yearless_cell_keeps_its_words() -> None:
    assert find_deadline("Trước 15/12")[1] == "Trước 15/12"


@pytest.mark.parametrize(("label", "months"), [("5 năm", 60), ("3 tháng", 3), ("6 tháng", 6), ("hằng năm", 12),
                                               ("5 năm, hằng năm", 12), ("định kỳ", None),
                                               ("3 lần/năm học", None), ("hằng học kỳ", None)])
def test_cycle_labels_have_their_period(label: str, months: int | None) -> None:
    """The deadline answers read the new labels as their period, not "năm" as a year."""
    from chinhsach.answers.deadlines import period_months

    assert period_months(label) == months


def test_time_lead_in_heading_times_its_items(tmp_path: Path) -> None:
    """A heading "1. Trước ngày 15 tháng 12 hằng năm:" times the points under it (HNMU.pdf Điều 32);
    a point with a time of its own keeps it. Made-up text in the regulation's shape."""
    from chinhsach import parse

    text = ("QUY CHẾ\nĐào tạo của Trường Cao đẳng Sư phạm Mẫu\n"
            "Điều 5. Chế độ báo cáo\n"
            "1. Trước ngày 15 tháng 12 hằng năm:\n"
            "a) Phòng Đào tạo tổng hợp số liệu người học của năm học.\n"
            "b) Phòng Đào tạo trình Hiệu trưởng báo cáo Sở Giáo dục và Đào tạo trước ngày 30/12/2026.\n"
            "2. Phòng Đào tạo lưu trữ hồ sơ người học.\n")
    path = tmp_path / "quy-che-mau.txt"
    path.write_text(text, encoding="utf-8")
    doc = parse(path)
    by_section = {d.section: d for d in doc.duties}
    assert (by_section["D5.1.a"].deadline_text, by_section["D5.1.a"].recurring) == ("Trước ngày 15 tháng 12", "hằng năm")
    assert by_section["D5.1.b"].deadline == "2026-12-30"
    assert by_section["D5.2"].recurring is None and by_section["D5.2"].deadline_text is None
    # a clause whose heading is its own sentence names its subject, not "Phòng … người học"
    assert [(u.name, u.role) for u in by_section["D5.2"].units] == [("Phòng Đào tạo", "lead")]
