"""Who-questions in everyday words: no adjacent word pair of the question is in the duty that
answers it ("gạo mì … tiền đâu" for "kinh phí mua sắm lương thực"). The duty that means the same
is found by the embedding of the question (the index's own model), not by its words: before
answers/who.py's MEANING_MARGIN the funding question fell back to the search's first segment
(another duty's lead). Everyday wording of this kind: blind set 4 (s15 held-out documents).

The plan is invented; its layout (numbered duties, each opening with its lead body) is that of
the real plans of the development sets. Real index, real model.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chinhsach import Index
from chinhsach.answers.who import who

PLAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG BÌNH
Số: 23/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Bình, ngày 4 tháng 10 năm 2026

KẾ HOẠCH
Ứng phó và khắc phục hậu quả mưa lũ năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Chủ động ứng phó, giảm thiệt hại về người và tài sản do mưa lũ gây ra.

II. NHIỆM VỤ
1. Sở Y tế chủ trì cấp phát cơ số thuốc, dụng cụ sơ cứu cho các hộ gia đình ở khu vực bị chia cắt do lũ.
2. Ủy ban nhân dân các xã chủ trì thống kê nhà dân bị hư hỏng, tốc mái để đề xuất hỗ trợ sửa chữa.
3. Sở Giáo dục và Đào tạo chủ trì hướng dẫn các trường cho học sinh tạm dừng đến lớp khi có bão.
4. Công an tỉnh chủ trì bảo đảm trật tự, an toàn giao thông trên các tuyến đê, ngầm tràn.
5. Sở Tài chính chủ trì bố trí kinh phí mua sắm lương thực, nhu yếu phẩm cứu trợ.
"""


@pytest.fixture(scope="module")
def flood_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from chinhsach import build_index

    docs = tmp_path_factory.mktemp("who-meaning")
    (docs / "kh23-ung-pho-mua-lu.md").write_text(PLAN, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("who-meaning-index") / "idx"
    report = build_index([docs], index_dir)
    assert report.n_documents == 1 and not report.failed
    return index_dir


@pytest.mark.parametrize(("question", "lead"), [
    ("gạo mì cho bà con vùng nước lên thì tiền đâu, sở nào lo?", "Sở Tài chính"),
    ("trời bão thì ai bảo trường cho các cháu nghỉ ở nhà", "Sở Giáo dục và Đào tạo"),
    ("xe cộ qua mấy chỗ nước tràn mặt đường ai giữ an toàn", "Công an tỉnh"),
])
def test_everyday_words_find_the_duty_of_the_same_meaning(flood_index: Path, question: str, lead: str) -> None:
    with Index.open(flood_index) as idx:
        answer = who(idx, question)
    assert answer and answer[0].unit == lead, [r.unit for r in answer]
