"""A strategy's targets can crowd the one duty on the same subject out of a who-answer: each
target sentence names the subject ("bản đồ địa chất") but no unit, and the first eight segments
that speak of the topic were all targets, so the plan's inherited lead answered and the body the
duty names was never read (s16 held-out question d18: a mining strategy's targets on maps above
the ministry charged with the map of building sand). The evidence now counts only segments that
hold a duty towards its limit; targets still join it.

The decision is invented; the layout (a list of quantified targets, then the ministries' duties)
is that of the national strategies of the development sets. Real index, real model.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chinhsach import Index
from chinhsach.answers.who import who
from chinhsach.text.normalize import fold

REGIONS = ("Tây Bắc", "Đông Bắc", "Bắc Trung Bộ", "duyên hải Nam Trung Bộ", "Tây Nguyên", "Đông Nam Bộ",
           "đồng bằng sông Hồng", "đồng bằng sông Cửu Long", "ven biển miền Trung", "hải đảo")

STRATEGY = """THỦ TƯỚNG CHÍNH PHỦ
Số: 512/QĐ-TTg
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 3 tháng 6 năm 2026

QUYẾT ĐỊNH
Phê duyệt Chiến lược điều tra tài nguyên đất đai giai đoạn mới

Điều 1. Phê duyệt Chiến lược với các nội dung sau:
I. MỤC TIÊU
{targets}
II. NHIỆM VỤ
1. Bộ Xây dựng chủ trì lập bản đồ địa chất các mỏ cát, sỏi làm vật liệu xây dựng, trình Thủ tướng Chính phủ trong năm 2027.
2. Bộ Tài chính chủ trì bố trí kinh phí điều tra hằng năm.
"""


@pytest.fixture(scope="module")
def strategy_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from chinhsach import build_index

    targets = "\n".join(f"{i}. Đến năm 2035, 100% diện tích vùng {r} có bản đồ địa chất tỷ lệ 1:50.000."
                        for i, r in enumerate(REGIONS, 1))
    docs = tmp_path_factory.mktemp("who-targets")
    (docs / "qd512-ttg-2026-chien-luoc.md").write_text(STRATEGY.format(targets=targets), encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("who-targets-index") / "idx"
    report = build_index([docs], index_dir)
    assert report.n_documents == 1 and not report.failed
    return index_dir


def test_the_duty_is_read_past_the_targets_on_its_subject(strategy_index: Path) -> None:
    with Index.open(strategy_index) as idx:
        answer = who(idx, "đến năm 2035 ai lo phủ bản đồ địa chất cho diện tích các vùng")
    assert answer and answer[0].unit == "Bộ Xây dựng" and answer[0].explicit, [r.unit for r in answer]
    # every sentence shown is about the topic (the honesty of tests/test_web.py)
    assert all("ban do dia chat" in fold(e.text).lower() for r in answer for e in r.evidence)
