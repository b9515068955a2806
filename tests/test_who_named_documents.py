"""Who-questions that name a document by its number and then by its subject or issuer: "nghị
quyết 31 về di sản phi vật thể, ai …", "theo nghị quyết 31/2026 của Chính phủ, ai …". The words
after the number name the document (its title, its issuer, the file name staff save it under),
not the duty asked about; left in the topic they matched every sentence of the document. And a
number that is the document's own does not bring in the plans that carry it out, unless the
question says so ("kế hoạch làm theo nghị quyết 31").

Questions of this form: the s16 held-out who-questions (set 5), eight of 22 name their document
by number and subject. The documents are invented; the layouts (a Government resolution's
numbered duties, a provincial plan citing it) are those of the development sets. Real index.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chinhsach import Index
from chinhsach.answers.who import _documents_referenced, who

RESOLUTION = """CHÍNH PHỦ
Số: 31/2026/NQ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 9 tháng 4 năm 2026

NGHỊ QUYẾT
Về bảo tồn di sản văn hóa phi vật thể

I. NHIỆM VỤ, GIẢI PHÁP
1. Bộ Văn hóa, Thể thao và Du lịch chủ trì kiểm kê di sản văn hóa phi vật thể ở các địa phương.
2. Bộ Tài chính chủ trì bố trí kinh phí bảo tồn di sản văn hóa phi vật thể hằng năm.
3. Bộ Giáo dục và Đào tạo chủ trì đưa nội dung giáo dục di sản văn hóa phi vật thể vào trường học.
4. Bộ Nội vụ chủ trì hướng dẫn xét tặng danh hiệu nghệ nhân nhân dân, nghệ nhân ưu tú.
"""

# A province's plan carrying the resolution out: it cites the resolution's number.
PLAN = """ỦY BAN NHÂN DÂN
TỈNH NINH BÌNH
Số: 88/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Ninh Bình, ngày 2 tháng 5 năm 2026

KẾ HOẠCH
Thực hiện Nghị quyết số 31/2026/NQ-CP của Chính phủ về bảo tồn di sản văn hóa phi vật thể

I. NHIỆM VỤ
1. Sở Văn hóa và Thể thao chủ trì lập hồ sơ xét tặng danh hiệu nghệ nhân cấp tỉnh, danh hiệu nghệ nhân ưu tú.
2. Sở Giáo dục và Đào tạo chủ trì tổ chức câu lạc bộ hát văn trong trường học.
"""


@pytest.fixture(scope="module")
def named_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from chinhsach import build_index

    docs = tmp_path_factory.mktemp("who-named")
    (docs / "nq31-cp-2026-di-san-phi-vat-the.md").write_text(RESOLUTION, encoding="utf-8")
    (docs / "kh88-ninh-binh-di-san.md").write_text(PLAN, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("who-named-index") / "idx"
    report = build_index([docs], index_dir)
    assert report.n_documents == 2 and not report.failed
    return index_dir


@pytest.mark.parametrize(("topic", "left"), [
    ("nghị quyết 31 về di sản văn hóa phi vật thể, xét tặng nghệ nhân", "xét tặng nghệ nhân"),
    ("nghi quyet 31 ve di san phi vat the xet tang nghe nhan", "xet tang nghe nhan"),
    ("theo nghị quyết 31/2026 của Chính phủ, xét tặng nghệ nhân", "xét tặng nghệ nhân"),
    # the title's words alone are the topic: only the number goes
    ("nghị quyết 31 về di sản văn hóa phi vật thể", "di sản văn hóa phi vật thể"),
])
def test_the_words_naming_the_document_after_its_number_are_no_topic(
        named_index: Path, topic: str, left: str) -> None:
    with Index.open(named_index) as idx:
        docs, rest = _documents_referenced(idx, topic)
    assert docs == {"nq31-cp-2026-di-san-phi-vat-the"} and rest == left


def test_the_plans_carrying_it_out_answer_when_the_question_says_so(named_index: Path) -> None:
    with Index.open(named_index) as idx:
        docs, _ = _documents_referenced(idx, "kế hoạch làm theo nghị quyết 31, câu lạc bộ hát văn")
    assert docs == {"nq31-cp-2026-di-san-phi-vat-the", "kh88-ninh-binh-di-san"}


def test_the_document_named_answers_not_its_carrier(named_index: Path) -> None:
    """Before, the province's plan (it cites 31/2026/NQ-CP) was searched with the resolution,
    and its duty on the same honours answered a question about the resolution."""
    with Index.open(named_index) as idx:
        answer = who(idx, "nghị quyết 31 về di sản văn hóa phi vật thể, ai lo xét tặng danh hiệu nghệ nhân?")
    assert answer and answer[0].unit == "Bộ Nội vụ", [r.unit for r in answer]
    assert all(e.doc_id == "nq31-cp-2026-di-san-phi-vat-the" for r in answer for e in r.evidence)
