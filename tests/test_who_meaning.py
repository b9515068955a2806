"""Who-questions in everyday words, and questions nothing answers.

A duty can answer a question with no adjacent word pair in common ("gạo mì … tiền đâu" for
"kinh phí mua sắm lương thực"): answers/who.py admits the segment closest in meaning to the
question (the index's own embedding model) as evidence, labelled "meaning", but only from
MEANING_FLOOR on. A question no document answers gets no evidence at all: before the floor, the
search's first segment answered it (an off-topic sentence as the "evidence" of a unit).

The plan is invented; its layout (numbered duties, each opening with its lead body) is that of
the real plans of the development sets. Real index, real model, no mocks.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import index_texts

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
    return index_texts(tmp_path_factory, {"kh23-ung-pho-mua-lu.md": PLAN})


@pytest.mark.parametrize("question", [
    "ai cấp phép cho quán karaoke mở cửa",
    "tiem phong benh dai cho cho meo thi ai lo",
    "ai vận động hiến máu tình nguyện mỗi năm",
])
def test_a_question_nothing_answers_gets_no_evidence(flood_index: Path, question: str) -> None:
    with Index.open(flood_index) as idx:
        answer = who(idx, question)
    assert not [(r.unit, e.text) for r in answer for e in r.evidence]


@pytest.mark.parametrize(("question", "lead"), [
    ("trời bão thì ai bảo trường cho các cháu nghỉ ở nhà", "Sở Giáo dục và Đào tạo"),
    ("ai mang thuốc và bông băng cho các nhà bị nước vây", "Sở Y tế"),
])
def test_everyday_words_find_the_duty_of_the_same_meaning(flood_index: Path, question: str, lead: str) -> None:
    with Index.open(flood_index) as idx:
        answer = who(idx, question)
    assert answer and answer[0].unit == lead, [r.unit for r in answer]
    evidence = answer[0].evidence[0]
    assert evidence.match == "meaning" and evidence.to_dict()["match"] == "meaning"


def test_a_sentence_that_names_the_topic_is_a_word_match(flood_index: Path) -> None:
    with Index.open(flood_index) as idx:
        answer = who(idx, "ai chủ trì cấp phát cơ số thuốc cho vùng bị chia cắt")
    assert answer[0].unit == "Sở Y tế"
    assert answer[0].evidence[0].match == "words" and "match" not in answer[0].evidence[0].to_dict()


EVERYDAY = "ai mang thuốc và bông băng cho các nhà bị nước vây"


def test_the_api_and_the_cli_say_the_evidence_is_closest_in_meaning(flood_index: Path) -> None:
    """The web's /api/who rows go through schemas.WhoAnswer (the label must survive it; the web
    page shows it from Evidence.match); the CLI prints the label under the section."""
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    from typer.testing import CliRunner

    from chinhsach.answers.who import MEANING_LABEL
    from chinhsach.cli import app as cli_app
    from chinhsach.web.schemas import WhoAnswer

    with Index.open(flood_index) as idx:
        answer = who(idx, EVERYDAY)
    row = WhoAnswer.model_validate(answer[0].to_dict()).model_dump(exclude_unset=True)
    assert row["evidence"][0]["match"] == "meaning"
    out = CliRunner().invoke(cli_app, ["who", EVERYDAY, "--index", str(flood_index)])
    assert out.exit_code == 0 and MEANING_LABEL.split(" (")[0] in " ".join(out.output.split())
