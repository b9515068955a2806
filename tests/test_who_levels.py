"""Who-questions on documents of other levels: Government and Prime Minister's documents, ministry
plans (s14dev questions, evaluation/queries_who_s14dev.json).

The layout of the invented decision below (a Prime Minister's decision whose Điều 1 carries an
Đề án, its last part charging ministries one per numbered item, the funding with Bộ Tài chính)
was seen in the session-14 development documents qd892 (Đề án), nq126 and ct21 (unit-headed
items of a directive); the wording, names and figures here are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chinhsach.answers.who import asked_kind, who

DECISION = """THỦ TƯỚNG CHÍNH PHỦ
Số: 777/QĐ-TTg
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 12 tháng 3 năm 2026

QUYẾT ĐỊNH
Phê duyệt Đề án phát triển mạng lưới thư viện số cộng đồng đến năm 2030

THỦ TƯỚNG CHÍNH PHỦ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
Theo đề nghị của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch.

QUYẾT ĐỊNH:
Điều 1. Phê duyệt Đề án phát triển mạng lưới thư viện số cộng đồng đến năm 2030 với các nội dung sau:
I. MỤC TIÊU
Đến năm 2030, 90% xã, phường có điểm đọc sách điện tử phục vụ người dân.
II. NHIỆM VỤ, GIẢI PHÁP
1. Số hóa sách, báo, tài liệu địa chí của các thư viện công cộng.
2. Xây dựng nền tảng mượn sách điện tử dùng chung cho cả nước.
III. KINH PHÍ
Kinh phí thực hiện Đề án do ngân sách nhà nước bảo đảm theo phân cấp và các nguồn hợp pháp khác.
IV. TỔ CHỨC THỰC HIỆN
1. Bộ Văn hóa, Thể thao và Du lịch
a) Chủ trì, phối hợp với các bộ, ngành, địa phương tổ chức thực hiện Đề án.
b) Chủ trì xây dựng tài liệu hướng dẫn phát triển thư viện số cộng đồng cho các địa phương; \
hướng dẫn các thư viện số hóa tài liệu địa chí.
c) Tổng hợp, báo cáo Thủ tướng Chính phủ kết quả thực hiện hằng năm.
2. Bộ Khoa học và Công nghệ hướng dẫn chuẩn dữ liệu số hóa tài liệu thư viện.
3. Bộ Tài chính bố trí kinh phí thực hiện Đề án theo quy định của pháp luật về ngân sách nhà nước.
4. Ủy ban nhân dân các tỉnh, thành phố bố trí điểm đọc sách điện tử tại xã, phường.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.
Điều 3. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố chịu trách nhiệm thi hành Quyết định này.

KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
Nguyễn Văn A
"""


@pytest.fixture(scope="module")
def decision_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real index (the converted e5 model) over the invented Prime Minister's decision."""
    from chinhsach import build_index

    folder = tmp_path_factory.mktemp("pm-decision")
    (folder / "qd777-ttg-de-an-thu-vien-so.md").write_text(DECISION, encoding="utf-8")
    index_dir = folder / "idx"
    report = build_index([folder], index_dir)
    assert report.n_documents == 1 and not report.failed
    return index_dir


@pytest.mark.parametrize(("question", "kind"), [
    ("Vụ nào lo kinh phí?", "vu"), ("cuc nao chu tri", "cuc"), ("nhiệm vụ nào cần làm", None),
    ("nhiem vu nao can lam", None), ("can bo nao phu trach", None), ("dich vu nao", None),
])
def test_the_kind_of_central_body_asked_for(question: str, kind: str | None) -> None:
    assert asked_kind(question) == kind


@pytest.mark.parametrize("question", [
    "Đề án phát triển mạng lưới thư viện số cộng đồng: ai lo kinh phí?",
    "de an phat trien mang luoi thu vien so cong dong: bo nao bo tri kinh phi",
])
def test_a_step_of_a_plan_named_before_a_colon_is_answered_by_its_unit(
        decision_index: Path, question: str) -> None:
    """"Đề án X: kinh phí" names the Đề án, then the step asked about: read as the Đề án's whole
    subject, its lead (Bộ Văn hóa, Thể thao và Du lịch) answered for the funding that item 3
    gives Bộ Tài chính (s14dev d28)."""
    from chinhsach import Index

    answer = who(Index.open(decision_index), question)
    assert answer[0].unit == "Bộ Tài chính"


def test_a_plan_named_by_its_kind_and_subject_answers_with_the_unit_of_the_step(decision_index: Path) -> None:
    """"Quyết định phê duyệt đề án X: …" names the decision by its kind and title words."""
    from chinhsach import Index

    answer = who(Index.open(decision_index), "Quyết định phê duyệt đề án thư viện số: ai bố trí điểm đọc sách ở xã")
    assert answer and answer[0].unit.startswith("Ủy ban nhân dân")


def test_a_plan_is_named_by_words_side_by_side_not_syllables_anywhere(decision_index: Path) -> None:
    """"Kế hoạch mạng phát viện đồng lưới": every syllable is somewhere in the decision's header,
    but no two of them stand together there — it names no plan."""
    from chinhsach import Index
    from chinhsach.answers.who import _plans_named

    idx = Index.open(decision_index)
    assert _plans_named(idx, "kế hoạch mạng phát viện đồng lưới") == []
    assert [p[0] for p in _plans_named(idx, "đề án thư viện số cộng đồng")] == ["qd777-ttg-de-an-thu-vien-so"]


@pytest.mark.parametrize(("text", "asks"), [
    ("bộ nào chủ trì số hóa thư viện", True), ("vu nao lo kinh phi", True),
    ("luc luong nao tuan tra bien gioi", True), ("nhiệm vụ nào của thư viện", False),
    ("can bo nao", False), ("kế hoạch số hóa", False),
])
def test_a_search_box_question_for_a_central_body_is_a_who_question(text: str, asks: bool) -> None:
    from chinhsach.answers.who import is_who_question

    assert is_who_question(text) is asks

