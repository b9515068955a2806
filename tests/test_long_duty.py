"""A duty read from a paragraph the outline cut for length keeps every part's segment: the plan
check, the search kinds, ``who`` and the index reach it through any part (invented wording).

The structure stage cuts a paragraph over 160 words into sentence-bounded parts for the search
model; one numbered item is still one duty (tests/test_fresh_fixleft.py). Here the words a
question or a child plan shares with the item are in its LATER part, the part that names no unit.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import parse_text

from chinhsach.model import Document

_LONG_ITEM = (
    "1. Sở Công Thương chủ trì, phối hợp với các sở, ngành liên quan theo dõi sát diễn biến cung cầu, "
    "giá cả thị trường trên địa bàn tỉnh, kịp thời tham mưu các biện pháp điều hành phù hợp với từng "
    "thời điểm, nhất là trong các dịp lễ, Tết và mùa cao điểm du lịch, không để xảy ra tình trạng khan "
    "hiếm hàng hóa, tăng giá đột biến gây bất ổn đời sống nhân dân. "
    "Tăng cường kết nối giữa doanh nghiệp sản xuất với hệ thống siêu thị, chợ truyền thống và cửa hàng "
    "tiện lợi, mở rộng các điểm bán hàng lưu động về khu dân cư xa trung tâm, hỗ trợ hợp tác xã đưa sản "
    "phẩm đặc trưng của địa phương vào kênh phân phối hiện đại và sàn thương mại điện tử. "
    "Đồng thời, xây dựng phương án dự trữ hàng hóa thiết yếu gồm lương thực, nước uống đóng chai, thuốc "
    "men và nhiên liệu tại các kho trung chuyển, sẵn sàng cung ứng cho vùng bị chia cắt khi mưa lũ kéo "
    "dài, bảo đảm không để người dân nào thiếu nhu yếu phẩm trong thời gian khắc phục hậu quả thiên tai.\n"
)
PARENT = ("KẾ HOẠCH\n\nBảo đảm cung ứng hàng hóa mùa mưa bão năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n"
          "Chủ động bảo đảm hàng hóa cho người dân.\n\nII. NHIỆM VỤ, GIẢI PHÁP\n\n" + _LONG_ITEM +
          "2. Sở Tài chính bố trí kinh phí hỗ trợ vận chuyển hàng hóa đến các xã đảo.\n\n"
          "3. Sở Y tế bảo đảm cơ số thuốc, hóa chất khử khuẩn cho các trạm y tế vùng ven biển.\n")
CHILD = ("KẾ HOẠCH\n\nBảo đảm cung ứng hàng hóa mùa mưa bão năm 2026 trên địa bàn xã\n\n"
         "I. MỤC ĐÍCH, YÊU CẦU\n\nChủ động bảo đảm hàng hóa cho người dân trong xã.\n\n"
         "II. NHIỆM VỤ, GIẢI PHÁP\n\n"
         "1. Phòng Kinh tế xây dựng phương án dự trữ hàng hóa thiết yếu gồm lương thực, nước uống đóng "
         "chai, thuốc men và nhiên liệu tại kho của xã, sẵn sàng cung ứng cho các thôn bị chia cắt khi "
         "mưa lũ kéo dài.\n\n"
         "2. Trạm Y tế xã chuẩn bị cơ số thuốc cho người dân các thôn ven biển.\n")
_TOPIC = "dự trữ hàng hóa thiết yếu"


def _item(doc: Document):
    parts = [s for s in doc.segments if s.section == "II.1"]
    duties = [d for d in doc.duties if d.section == "II.1"]
    return parts, duties


def test_the_topic_is_in_a_later_part_that_names_no_unit(tmp_path: Path) -> None:
    # The premise of the tests below, and the one duty with all its parts.
    doc = parse_text(tmp_path, PARENT, "tinh.md")
    parts, duties = _item(doc)
    assert len(parts) > 1
    assert _TOPIC not in parts[0].text and _TOPIC in parts[-1].text
    assert "Sở Công Thương" not in parts[-1].text
    assert len(duties) == 1
    assert duties[0].segment_ids == [s.id for s in parts]
    assert ("Sở Công Thương", "lead") in {(u.name, u.role) for u in duties[0].units}


def test_the_search_kinds_of_a_later_part_are_the_duty(tmp_path: Path) -> None:
    # The web search's kind and unit filters read the facts of the hit's segment.
    from chinhsach.web.app import segment_facts

    doc = parse_text(tmp_path, PARENT, "tinh.md")
    parts, _ = _item(doc)
    facts = segment_facts([doc])
    for part in parts:
        assert facts[part.id].kinds == ["duty"]
        assert "Sở Công Thương" in facts[part.id].units


def test_check_sees_a_duty_whose_matching_words_are_in_a_later_part(tmp_path: Path) -> None:
    from chinhsach.answers.check import check_plan

    parent = parse_text(tmp_path, PARENT, "tinh.md")
    child = parse_text(tmp_path, CHILD, "xa.md")
    assert len(_item(parent)[1]) == 1
    report = check_plan(child, parent)
    item = [m for m in report.duties if m.parent_section == "II.1"]
    assert len(item) == 1  # shown once, as the whole item
    assert "Đồng thời" in item[0].parent_text and item[0].parent_text.startswith("Sở Công Thương")
    assert item[0].status in ("covered", "partial") and item[0].child_section == "II.1", item[0]


@pytest.fixture(scope="module")
def long_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Document]:
    """A real index (SQLite, faiss, BM25, the e5 model) over the parent plan."""
    from chinhsach import build_index, parse

    folder = tmp_path_factory.mktemp("long-duty")
    (folder / "docs").mkdir()
    path = folder / "docs" / "tinh.md"
    path.write_text(PARENT, encoding="utf-8")
    report = build_index([folder / "docs"], folder / "idx")
    assert report.n_documents == 1 and not report.failed
    return folder / "idx", parse(path)


def test_the_index_round_trips_the_segment_list(long_index: tuple[Path, Document]) -> None:
    from chinhsach import Index
    from chinhsach.indexing import facts

    index_dir, parsed = long_index
    parts, duties = _item(parsed)
    with Index.open(index_dir) as idx:
        stored = idx.document(parsed.doc_id)
        assert [d.segment_ids for d in stored.duties] == [d.segment_ids for d in parsed.duties]
        ord_ = parsed.duties.index(duties[0])
        for part in parts:
            assert facts.duties_of_segment(idx.conn, part.id) == {(parsed.doc_id, ord_)}
            assert ("Sở Công Thương", "lead", True) in facts.units_of_segment(idx.conn, part.id)


def test_who_finds_the_lead_of_a_duty_through_its_later_part(long_index: tuple[Path, Document]) -> None:
    from chinhsach import Index
    from chinhsach.answers.who import who

    index_dir, _ = long_index
    with Index.open(index_dir) as idx:
        answer = who(idx, f"ai chịu trách nhiệm {_TOPIC}?")
    top = answer[0]
    assert (top.unit, top.role, top.explicit) == ("Sở Công Thương", "lead", True), answer
    # The duty is evidence once, by the part that names the topic.
    assert [e.section for e in top.evidence] == ["II.1"] and _TOPIC in top.evidence[0].text


def test_an_index_of_the_format_before_duty_segments_says_to_rebuild(
        long_index: tuple[Path, Document], tmp_path: Path) -> None:
    # Format 4 kept one segment per duty in ``duties.segment_id`` and had no ``duty_segments``.
    import shutil
    import sqlite3
    from contextlib import closing

    from chinhsach import Index
    from chinhsach.errors import BadIndexError

    index = tmp_path / "idx"
    shutil.copytree(long_index[0], index)
    generation = index / (index / "CURRENT").read_text(encoding="utf-8").strip()
    with closing(sqlite3.connect(generation / "store.sqlite")) as conn:
        conn.execute("DROP TABLE duty_segments")
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'format_version'")
        conn.commit()
    with pytest.raises(BadIndexError, match="rebuild"), Index.open(index) as idx:
        idx.search("dự trữ hàng hóa", k=3)
