"""Administrative abbreviations spelt out in queries, and found by who-questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from chinhsach import Index, build_index
from chinhsach.answers.who import mentions_topic, topic_terms, who
from chinhsach.text.abbreviations import abbreviations, expand_abbreviations


@pytest.mark.parametrize(("query", "expanded"), [
    # the query's own style: without marks the words come without marks (the restorer reads it as typed)
    ("dua cong nghe so vao cac kcn giao cho ai", "dua cong nghe so vao cac kcn khu cong nghiep giao cho ai"),
    ("điện nước trong KCN ai lo", "điện nước trong KCN khu công nghiệp ai lo"),
    ("sở KH&CN", "sở KH&CN khoa học và công nghệ"),
    ("KT-XH năm 2026", "KT-XH kinh tế xã hội năm 2026"),
    # already spelt out, or no abbreviation at all: unchanged
    ("KCN (khu công nghiệp) Giao Long", "KCN (khu công nghiệp) Giao Long"),
    ("nước sạch nông thôn", "nước sạch nông thôn"),
    ("ai chịu trách nhiệm", "ai chịu trách nhiệm"),
])
def test_expand_abbreviations(query: str, expanded: str) -> None:
    assert expand_abbreviations(query) == expanded


def test_table_holds_no_short_or_ordinary_words() -> None:
    table = abbreviations()
    assert all(len(k) >= 3 for k in table)
    assert not {"nam", "thang", "tinh", "cong", "tan"} & set(table)  # words, never abbreviations


def test_a_topic_pair_is_found_across_a_dropped_function_word() -> None:
    """"khu công nghiệp": the topic keeps ("khu", "nghiep"), "công" goes with "công tác"."""
    terms = topic_terms("hạ tầng khu công nghiệp")
    assert mentions_topic(terms, "Đầu tư hạ tầng các khu công nghiệp theo quy hoạch.")
    assert not mentions_topic(terms, "Phát triển du lịch cộng đồng.")


def test_who_answers_an_abbreviated_question(tmp_path: Path) -> None:
    """A plan in the shape of the real ones (made-up province and bodies) says "khu công nghiệp";
    the question types "KCN", with and without marks."""
    plan = tmp_path / "ke-hoach-mau.txt"
    plan.write_text(
        "ỦY BAN NHÂN DÂN TỈNH MẪU\nSố: 12/KH-UBND\nMẫu, ngày 10 tháng 3 năm 2026\nKẾ HOẠCH\n"
        "Phát triển hạ tầng tỉnh Mẫu\nI. NHIỆM VỤ, GIẢI PHÁP\n1. Ban Quản lý các khu công nghiệp\n"
        "a) Chủ trì đầu tư hạ tầng giao thông, cấp điện, cấp nước trong các khu công nghiệp và thu hút "
        "doanh nghiệp vào khu công nghiệp.\n2. Sở Văn hóa, Thể thao và Du lịch\n"
        "a) Chủ trì phát triển du lịch cộng đồng và quảng bá điểm đến của tỉnh.\n"
        "3. Sở Y tế\na) Chủ trì nâng cao chất lượng khám bệnh, chữa bệnh tại trạm y tế xã.\n",
        encoding="utf-8")
    index = tmp_path / "idx"
    build_index([plan], index)
    with Index.open(index) as idx:
        for question in ("làm đường, điện nước trong KCN do đơn vị nào đảm nhận?",
                         "lam duong, dien nuoc trong kcn do don vi nao dam nhan"):
            assert who(idx, question)[0].unit.startswith("Ban Quản lý các khu công nghiệp"), question
