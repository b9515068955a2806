"""Regulation-type decisions of the Prime Minister (session 16, helper fixG).

A "Quyết định Quy định …" (a legal normative decision numbered "N/YYYY/QĐ-TTg") is itself a
regulation: procedure articles whose steps name the body that acts, often after a time limit
("Trong 02 ngày làm việc, kể từ …, Ủy ban nhân dân cấp huyện thẩm định …"), an article on the
duties of the workers and employers it helps, then unit-headed responsibility articles. Forms seen
in the s16 development documents (/tmp/s16/dev: qd08-ttg-2022, qd28-ttg-2021, qd28-ttg-2026; the
Công báo copies of 08/2022/QĐ-TTg, 28/2021/QĐ-TTg and 28/2026/QĐ-TTg). Every text below is
invented for the test (made-up policy, figures and dates), with the layout those documents use.
"""

from __future__ import annotations

from pathlib import Path

from conftest import parse_text

from chinhsach.extract.duties import roles_in_text
from chinhsach.model import Document, Duty

_HEADER = """THỦ TƯỚNG CHÍNH PHỦ
______________

Số: 17/2026/QĐ-TTg
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
_______________________________________________
Hà Nội, ngày 12 tháng 3 năm 2026

QUYẾT ĐỊNH
Quy định về việc thực hiện chính sách hỗ trợ tiền đi lại cho học viên học nghề

Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
Theo đề nghị của Bộ trưởng Bộ Nội vụ;
Thủ tướng Chính phủ ban hành Quyết định quy định về việc thực hiện chính sách hỗ trợ tiền đi
lại cho học viên học nghề.

Chương I
QUY ĐỊNH CHUNG

Điều 1. Đối tượng được hỗ trợ
1. Học viên đang theo học tại cơ sở giáo dục nghề nghiệp có thời gian học từ 03 tháng trở lên.
2. Học viên của cơ sở công lập tự bảo đảm chi thường xuyên.
Cơ sở công lập thuộc đối tượng này thì gửi cơ quan bảo hiểm xã hội 01 bản sao quyết định giao
quyền tự chủ.
Điều 2. Mức hỗ trợ
Mức hỗ trợ: 300.000 đồng/người/tháng.

Chương II
TRÌNH TỰ, THỦ TỤC

Điều 3. Trình tự, thủ tục thực hiện
1. Học viên làm đơn đề nghị hỗ trợ theo Mẫu số 01 gửi cơ sở đào tạo tổng hợp.
2. Cơ sở đào tạo lập danh sách học viên đề nghị hỗ trợ, niêm yết công khai ít nhất 05 ngày
làm việc và chịu trách nhiệm về đối tượng quy định tại
Điều 1 Quyết định này trước khi gửi hồ sơ.
3. Trong 03 ngày làm việc, kể từ ngày nhận đủ hồ sơ, Ủy ban nhân dân cấp huyện thẩm định,
trình Ủy ban nhân dân cấp tỉnh.
4. Trong 03 ngày làm việc kể từ ngày nhận đủ hồ sơ, Ủy ban nhân dân cấp tỉnh ban hành quyết
định phê duyệt danh sách và kinh phí hỗ trợ.

Chương III
TỔ CHỨC THỰC HIỆN

Điều 4. Trách nhiệm của học viên và cơ sở đào tạo
1. Học viên phải kê khai trung thực thông tin trong đơn đề nghị.
2. Cơ sở đào tạo có trách nhiệm:
a) Phổ biến chính sách hỗ trợ tiền đi lại đến học viên.
b) Lưu giữ đơn đề nghị của học viên ít nhất 03 năm.
Điều 5. Trách nhiệm của các cơ quan liên quan
1. Bộ Nội vụ có trách nhiệm hướng dẫn, kiểm tra việc thực hiện Quyết định này.
2. Bộ Tài chính bảo đảm kinh phí thực hiện chính sách.
Điều 6. Hiệu lực thi hành
Quyết định này có hiệu lực từ ngày ký ban hành./.

KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG

Nguyễn Văn Bình
"""


def _roles(duties: list[Duty]) -> set[tuple[str, str]]:
    return {(u.name, u.role) for d in duties for u in d.units}


def _in(doc: Document, section: str) -> list[Duty]:
    return [d for d in doc.duties if d.section == section]


def test_procedure_step_after_a_time_limit_names_its_actor() -> None:
    """A bare count of days before the subject ("Trong 03 ngày làm việc, kể từ …,") is a time
    limit like "Trong thời hạn …": the body after it acts, and the approval it is to issue is
    its step, not a document it issued."""
    assert ("Ủy ban nhân dân cấp huyện", "lead") in {(u.name, u.role) for u in roles_in_text(
        "Trong 03 ngày làm việc, kể từ ngày nhận đủ hồ sơ, Ủy ban nhân dân cấp huyện thẩm định, "
        "trình Ủy ban nhân dân cấp tỉnh.")}
    assert ("Ủy ban nhân dân cấp tỉnh", "lead") in {(u.name, u.role) for u in roles_in_text(
        "Trong 03 ngày làm việc kể từ ngày nhận đủ hồ sơ, Ủy ban nhân dân cấp tỉnh ban hành quyết "
        "định phê duyệt danh sách.")}
    # Without the limit, an issuing verb after a body still names what it issued.
    assert roles_in_text("Kế hoạch do Ủy ban nhân dân tỉnh ban hành.") == []


def test_regulation_type_decision_charges_each_step_and_no_plan_lead(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, _HEADER)
    assert doc.plan_lead == []
    step3 = _roles(_in(doc, "D3.3"))
    assert ("Ủy ban nhân dân cấp huyện", "lead") in step3
    assert any(r == "report_to" for _, r in step3)
    assert any(r == "lead" for _, r in _roles(_in(doc, "D3.4")))
    # The workers' and schools' own duties inherit no ministry: neither the proposer of the
    # preamble nor the ministry of the next article.
    for section in ("D4.1", "D4.2.a", "D4.2.b"):
        assert not any(u.name == "Bộ Nội vụ" for d in _in(doc, section) for u in d.units), section
    assert ("Bộ Nội vụ", "lead") in _roles(_in(doc, "D5.1"))
    # Who is covered, and the proof a covered body sends with its claim, is no task.
    assert not [d for d in doc.duties if d.section.startswith("D1")]
    # The date the decision takes effect charges no one.
    assert not _in(doc, "D6")


def test_reference_to_an_article_of_this_decision_wrapped_before_dieu(tmp_path: Path) -> None:
    """"… quy định tại" / "Điều 1 Quyết định này …" wraps a reference, not an article heading:
    the step keeps its whole text."""
    doc = parse_text(tmp_path, _HEADER)
    texts = [d.text for d in doc.duties if d.section == "D3.2"] + \
        [s.text for s in doc.segments if s.section == "D3.2"]
    assert any("Điều 1 Quyết định này trước khi gửi hồ sơ" in t and t.startswith("Cơ sở đào tạo")
               for t in texts)


# An article titled by the many bodies it charges, wrapped over four lines and closed by a
# relative clause on the last member (the Prime Minister's regulation on a travel card, s16 dev
# qd28-ttg-2026 Điều 24): more than 45 words, no full stop.
_OWNERS_ARTICLE = _HEADER.split("Chương I")[0] + """Điều 1. Phạm vi điều chỉnh
Quyết định này quy định việc cấp thẻ đi lại cho chuyên gia.
Điều 2. Trách nhiệm của bộ, cơ quan ngang bộ, Ủy ban nhân dân cấp tỉnh,
tổ chức chính trị - xã hội cấp trung ương, Liên đoàn Thương mại và Công nghiệp
Việt Nam, Liên minh Hợp tác xã Việt Nam, tập đoàn, tổng công ty, công ty do Thủ tướng
Chính phủ quyết định thành lập
1. Tiếp nhận, giải quyết hồ sơ đề nghị cấp thẻ đi lại cho chuyên gia theo quy định.
2. Phối hợp với Bộ Ngoại giao thống kê số thẻ đã cấp.
Điều 3. Hiệu lực thi hành
Quyết định này có hiệu lực từ ngày ký ban hành./.

THỦ TƯỚNG

Nguyễn Văn Bình
"""


def test_long_article_title_naming_its_bodies_leads_the_clauses(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, _OWNERS_ARTICLE)
    first = _roles(_in(doc, "D2.1"))
    for name in ("Ủy ban nhân dân cấp tỉnh", "Liên đoàn Thương mại và Công nghiệp Việt Nam"):
        assert (name, "lead") in first, name
    # The body that founded the companies only says which ones are meant.
    assert not any(n == "Thủ tướng Chính phủ" for n, _ in first)
    assert ("Bộ Ngoại giao", "cooperate") in _roles(_in(doc, "D2.2"))
    # The title is no duty of its own.
    assert not _in(doc, "D2")


def test_files_sent_with_their_form_to_a_body_that_checks_them() -> None:
    """A step that sends a list naming its form (a long object) to a body "để thẩm định" makes
    that body report_to and lead: it receives the files and acts on them."""
    roles = {(u.name, u.role) for u in roles_in_text(
        "Cơ sở đào tạo gửi danh sách học viên đề nghị hỗ trợ tiền đi lại theo Mẫu số 02 đến Phòng "
        "Giáo dục và Đào tạo để thẩm định.")}
    assert {("Phòng Giáo dục và Đào tạo", "report_to"), ("Phòng Giáo dục và Đào tạo", "lead")} <= roles
