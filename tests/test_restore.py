"""Diacritics restoration: the index's own counts, the dictionary prior, queries typed with marks."""

from __future__ import annotations

import sqlite3

import pytest

from chinhsach.indexing import restore
from chinhsach.text.tokens import dictionary_entries

pytestmark = pytest.mark.skipif(dictionary_entries() is None,
                                reason="underthesea's word dictionary is not where chinhsach reads it")

# A provincial office's first index: a few plan sentences, none with a question word.
TEXTS = ["Sở Y tế chủ trì, phối hợp với các sở, ngành thực hiện chỉ tiêu bảo hiểm y tế.",
         "Sở Nông nghiệp và Môi trường bảo đảm nước sạch cho người dân nông thôn.",
         "Báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm."]


def restorer(weight: float = restore.DICTIONARY_WEIGHT,
             running: float = restore.RUNNING_TEXT_WEIGHT) -> restore.Restorer:
    conn = sqlite3.connect(":memory:")
    restore.store_counts(conn, *restore.count_ngrams(TEXTS))
    return restore.Restorer(conn, dictionary_weight=weight, running_weight=running)


def test_the_index_text_restores_its_own_words() -> None:
    assert restorer().restore("chi tieu bao hiem y te") == "chỉ tiêu bảo hiểm y tế"
    assert restorer().restore("Nuoc sach") == "Nước sạch"


def test_question_words_the_index_never_saw_come_from_the_dictionary() -> None:
    # Without the dictionary "nhieu"/"lau" have no candidate in these plans and stay bare.
    assert restorer(weight=0, running=0).restore("bao nhieu nguoi") != "bao nhiêu người"
    assert restorer().restore("bao nhieu nguoi") == "bao nhiêu người"
    assert restorer().restore("thoi gian bao lau") == "thời gian bao lâu"


def test_a_query_typed_with_marks_keeps_its_plain_syllables() -> None:
    r = restorer()
    # "bao" and "cho" are plain Vietnamese syllables: typed so among marked ones, they stay.
    assert r.restore("bao nhiêu người được cấp thẻ bảo hiểm y tế") == "bao nhiêu người được cấp thẻ bảo hiểm y tế"
    assert r.restore("hỗ trợ cho người dân") == "hỗ trợ cho người dân"
    # "hiem" is spelled plain by no Vietnamese word: a forgotten mark, restored.
    assert r.restore("bảo hiem y tế") == "bảo hiểm y tế"


def test_the_dictionary_loads_only_when_a_query_needs_it() -> None:
    r = restorer()
    r.restore("Sở Y tế chủ trì")  # every syllable typed with marks or found plain in the text
    assert r._dictionary is None
    r.restore("ai chiu trach nhiem")
    assert r._dictionary is not None


def test_the_dictionary_counts_are_kept_in_the_user_cache(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    restore.dictionary_counts.cache_clear()
    try:
        counted = restore.dictionary_counts()
        files = list((tmp_path / "chinhsach").glob("restore-dictionary-*.marshal"))
        assert len(files) == 1 and counted[2] > 100_000
        restore.dictionary_counts.cache_clear()
        assert restore.dictionary_counts() == counted  # read back from the file
        files[0].write_bytes(b"not marshal data")  # a damaged cache is recounted, and rewritten
        restore.dictionary_counts.cache_clear()
        assert restore.dictionary_counts() == counted
        assert restore.dictionary_counts.__wrapped__() == counted
    finally:
        restore.dictionary_counts.cache_clear()


def test_answers_do_not_depend_on_the_queries_before() -> None:
    # Counts are kept between queries; a query typed with marks must not leave behind what
    # changes the next one's restoration.
    queries = ["Sở Y tế chủ trì thực hiện chỉ tiêu bảo hiểm y tế", "chi tieu bao hiem y te",
               "thời gian bao lâu", "nuoc sach cho nguoi dan nong thon", "bao nhieu nguoi"]
    warm = restorer()
    assert [warm.restore(q) for q in queries] == [restorer().restore(q) for q in queries]


def _development_plans() -> list[str]:
    """The text of the 8 development plans (``evaluation/gold/real``), read from ../shared."""
    import json
    from pathlib import Path

    from chinhsach.text.normalize import normalize_text

    root = Path(__file__).resolve().parents[1]
    shared = next((a / "shared" / "real" / "plans" for a in root.parents
                   if (a / "shared" / "real" / "plans").is_dir()), None)
    if shared is None:
        pytest.skip("the real plans (../shared/real/plans) are not here")
    golds = sorted((root / "evaluation" / "gold" / "real").glob("*.json"))
    return [normalize_text((shared / Path(json.loads(g.read_text(encoding="utf-8"))["file"]).name)
                           .read_text(encoding="utf-8")) for g in golds]


def test_a_clause_break_of_the_query_is_one_of_the_counts() -> None:
    # b38 of queries_who_blind.json: "bảo" (bảo đảm, bảo vệ) never ends a clause of the plans,
    # "báo" does; before the clause boundaries were counted this came back "trên bảo, đại".
    conn = sqlite3.connect(":memory:")
    restore.store_counts(conn, *restore.count_ngrams(_development_plans()))
    r = restore.Restorer(conn)
    assert "trên báo," in r.restore("can tho ai mo muc rieng ve dan so tren bao, dai")
    # A clause of its own still restores inside it, and the syllables keep their places.
    assert r.restore("bao hiem y te, dan so") == "bảo hiểm y tế, dân số"


def test_an_index_without_boundary_counts_still_restores() -> None:
    # Indexes built before the boundaries were counted hold no "<s>"/"</s>" rows.
    conn = sqlite3.connect(":memory:")
    uni, bi = restore.count_ngrams(TEXTS)
    for token in (restore.START, restore.END):
        uni.pop(token)
    restore.store_counts(conn, uni, {k: v for k, v in bi.items()
                                     if restore.START not in k and restore.END not in k})
    assert restore.Restorer(conn).restore("chi tieu bao hiem y te, nuoc sach") == "chỉ tiêu bảo hiểm y tế, nước sạch"


def test_running_text_says_how_often_a_word_is_used() -> None:
    # The dictionary has more words with "lạ" (lạ lẫm, kỳ lạ) than with "là"; running text says
    # "là" far more often.
    assert restorer(running=0).restore("nuoc sach la viec cua ai") == "nước sạch lạ việc của ai"
    assert restorer().restore("nuoc sach la viec cua ai") == "nước sạch là việc của ai"
    # b45 of queries_who_blind.json, folded: "báo đài" without a comma between.
    conn = sqlite3.connect(":memory:")
    restore.store_counts(conn, *restore.count_ngrams(_development_plans()))
    assert "trên báo" in restore.Restorer(conn).restore("pho bien rong tren bao dai giao cho co quan nao")
