"""A word pair every duty prints ("tổ chức", "quản lý") names no topic.

The topic filter of answers/who.py passes a sentence that shares an adjacent word pair with the
question. A question on a topic nothing answers ("ai tổ chức giải chạy việt dã cho đoàn viên")
still shares "tổ chức" with most duties of a plan: before answers/who.py COMMON_PAIR_SHARE, such a
chance pair made any of them its evidence (fixAL: 103 of 144 answers to the negative questions of
evaluation/queries_who_negative.json). The pair still counts when the topic holds nothing else.

The plan is invented; its layout (numbered duties, each opening with its lead body, most of them
"tổ chức …") is that of the real plans of the development sets. Real index, real model, no mocks.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import index_texts

from chinhsach import Index
from chinhsach.answers.who import who

PLAN = """ỦY BAN NHÂN DÂN
TỈNH NINH THUẬN
Số: 41/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Ninh Thuận, ngày 9 tháng 3 năm 2026

KẾ HOẠCH
Phát triển du lịch nông thôn năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Khai thác tiềm năng làng nghề, sản phẩm đặc sản phục vụ khách tham quan.

II. NHIỆM VỤ
1. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức hội chợ đặc sản làng nghề vào dịp lễ hội.
2. Sở Công Thương chủ trì tổ chức kết nối tiêu thụ hàng thủ công mỹ nghệ tại các siêu thị.
3. Sở Nông nghiệp và Môi trường chủ trì tổ chức tập huấn làm homestay cho hộ gia đình ven biển.
4. Sở Tài chính chủ trì bố trí kinh phí sửa chữa đường vào các điểm tham quan.
5. Sở Xây dựng chủ trì tổ chức cắm biển chỉ dẫn tới các làng nghề gốm.
6. Ủy ban nhân dân các xã chủ trì tổ chức dọn vệ sinh bãi biển sau mỗi đợt khách đông.
"""


@pytest.fixture(scope="module")
def tourism_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return index_texts(tmp_path_factory, {"kh41-du-lich-nong-thon.md": PLAN})


@pytest.mark.parametrize("question", [
    "ai tổ chức giải chạy việt dã cho đoàn viên",
    "to chuc thi nau an cho bep truong thi ai lo",
])
def test_a_pair_every_duty_prints_is_no_evidence(tourism_index: Path, question: str) -> None:
    with Index.open(tourism_index) as idx:
        answer = who(idx, question)
    assert not [(r.unit, e.text) for r in answer for e in r.evidence]


@pytest.mark.parametrize(("question", "lead"), [
    ("ai tổ chức hội chợ đặc sản", "Sở Văn hóa, Thể thao và Du lịch"),
    ("ai lo tổ chức tập huấn làm homestay", "Sở Nông nghiệp và Môi trường"),
])
def test_the_topic_s_own_pair_still_answers(tourism_index: Path, question: str, lead: str) -> None:
    with Index.open(tourism_index) as idx:
        answer = who(idx, question)
    assert answer and answer[0].unit == lead and answer[0].evidence
