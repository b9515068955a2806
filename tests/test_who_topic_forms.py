"""Who-questions whose wording around the topic named the document or the asker in forms the
topic reader left in: a telegram or notice named by its kind and subject before a colon
("công điện thương mại điện tử: …"), a plan named by the resolution it carries out ("NQ 57: …"),
and the asker after the duty ("… là việc của bộ nào"). Left in, those words were topic pairs
that every sentence of the document (or of another document on the same subject) repeats.

Seen in the s17 held-out who-questions (d04, d12, d13). The documents are invented (a
Government telegram, a provincial plan on the same subject, a committee's plan carrying out a
Party resolution); real index, real model.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chinhsach import Index
from chinhsach.answers.who import _documents_referenced, topic_of, who

TELEGRAM = """THỦ TƯỚNG CHÍNH PHỦ
Số: 77/CĐ-TTg
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 9 tháng 9 năm 2026

CÔNG ĐIỆN
Về việc tăng cường quản lý thương mại điện tử

1. Bộ Công Thương chủ trì rà soát quy định về sàn thương mại điện tử.
2. Bộ Giao thông vận tải chủ trì quản lý dịch vụ giao hàng cho người mua.
"""

PLAN = """ỦY BAN NHÂN DÂN
TỈNH HẢI DƯƠNG
Số: 12/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hải Dương, ngày 3 tháng 10 năm 2026

KẾ HOẠCH
Phát triển thương mại điện tử năm 2027

II. NHIỆM VỤ
1. Sở Công Thương chủ trì quản lý dịch vụ giao hàng cho người mua trong thương mại điện tử trên địa bàn tỉnh.
2. Sở Tài chính chủ trì bố trí kinh phí phát triển thương mại điện tử.
"""

# A committee's plan carrying out a Party resolution that is not in the index.
CARRIER = """BAN CÁN SỰ ĐẢNG
Số: 88-KH/BCS
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 2 tháng 4 năm 2026

KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW về phát triển khoa học và công nghệ của Hội đồng

I. NHIỆM VỤ
1. Văn phòng Hội đồng chủ trì phổ biến Nghị quyết số 57-NQ/TW đến các đơn vị của Hội đồng.
2. Ban Dân nguyện chủ trì giúp Hội đồng giải quyết khiếu nại, kiến nghị của công dân về chính sách khoa học.
"""


@pytest.fixture(scope="module")
def forms_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from chinhsach import build_index

    docs = tmp_path_factory.mktemp("who-forms")
    for name, text in (("cd77-ttg-thuong-mai-dien-tu.md", TELEGRAM), ("kh12-hai-duong.md", PLAN),
                       ("kh88-bcs.md", CARRIER)):
        (docs / name).write_text(text, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("who-forms-index") / "idx"
    report = build_index([docs], index_dir)
    assert report.n_documents == 3 and not report.failed
    return index_dir


@pytest.mark.parametrize(("question", "topic"), [
    ("quản lý dịch vụ giao hàng là việc của bộ nào?", "quản lý dịch vụ giao hàng"),
    ("quan ly dich vu giao hang la viec cua bo nao", "quan ly dich vu giao hang"),
    ("kiểm tra bếp ăn là nhiệm vụ của ai", "kiểm tra bếp ăn"),
    ("bố trí kinh phí là trách nhiệm của sở nào?", "bố trí kinh phí"),
])
def test_the_asker_after_the_duty_is_no_topic(question: str, topic: str) -> None:
    assert topic_of(question) == topic


@pytest.mark.parametrize("question", [
    "công điện thương mại điện tử: quản lý dịch vụ giao hàng là việc của bộ nào?",
    "cong dien thuong mai dien tu: ai quan ly dich vu giao hang",
])
def test_a_telegram_named_by_its_kind_and_subject_answers(forms_index: Path, question: str) -> None:
    """Before, "công điện thương mại điện tử" stayed in the topic: the province's plan, whose
    sentence repeats "thương mại điện tử", answered with its Sở Công Thương."""
    with Index.open(forms_index) as idx:
        answer = who(idx, question)
    assert answer and answer[0].unit == "Bộ Giao thông vận tải"
    assert all(e.doc_id == "cd77-ttg-thuong-mai-dien-tu" for r in answer for e in r.evidence)


@pytest.mark.parametrize(("question", "topic"), [
    ("NQ 57: dân gửi đơn khiếu nại về chính sách thì ai giải quyết", "dân gửi đơn khiếu nại về chính sách thì ai giải quyết"),
    ("nq 57: giai quyet khieu nai cua cong dan", "giai quyet khieu nai cua cong dan"),
])
def test_a_plan_named_by_the_resolution_it_carries_out_before_a_colon(
        forms_index: Path, question: str, topic: str) -> None:
    """"NQ 57: …" names the plan carrying the resolution out; before, "nq 57" stayed in the
    topic (only a document's own number left it)."""
    with Index.open(forms_index) as idx:
        docs, left = _documents_referenced(idx, question)
        assert docs == {"kh88-bcs"} and left == topic
        answer = who(idx, question)
    assert answer and answer[0].unit == "Ban Dân nguyện"
