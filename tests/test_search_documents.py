"""Document-level search and question words, on a real index over a few generated articles."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import STATUTE_ARTICLES

from chinhsach import Index, build_index
from chinhsach.errors import QueryError
from chinhsach.indexing.fusion import group_by_document
from chinhsach.indexing.query import drop_spans, question_word_spans


@pytest.fixture(scope="module")
def article_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for name, text in STATUTE_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    index_dir = folder / "idx"
    report = build_index([folder], index_dir)
    assert report.n_documents == len(STATUTE_ARTICLES) and not report.failed
    return index_dir


def test_document_search_returns_each_document_once(article_index: Path) -> None:
    query = "viên chức được đào tạo bồi dưỡng nghiệp vụ"
    with Index.open(article_index) as idx:
        passages = idx.search(query, k=20)
        documents = idx.search(query, k=20, group="document")
    ids = [h.doc_id for h in documents]
    assert len(ids) == len(set(ids)) <= len(STATUTE_ARTICLES)
    assert len(passages) > len(documents)  # several passages of one article were found
    assert ids[0] == "dieu-12"
    assert "đào tạo" in documents[0].text  # a document comes as its best passage
    scores = [h.score for h in documents]
    assert scores == sorted(scores, reverse=True)


def test_unknown_group_is_refused(article_index: Path) -> None:
    with Index.open(article_index) as idx, pytest.raises(QueryError, match="group"):
        idx.search("viên chức", group="article")


def test_question_words_leave_the_lexical_terms(article_index: Path) -> None:
    with Index.open(article_index) as idx:
        statement = idx.prepare("Viên chức được trả lương tương xứng với vị trí việc làm, đúng hay sai?")
        typed_plain = idx.prepare("dich vu du lich khac bao gom nhung gi")
        hits = idx.search("Dịch vụ du lịch khác bao gồm những gì?", k=1, group="document")
    assert not {"đúng", "sai"} & set(statement.word_terms)
    assert "lương" in statement.word_terms
    assert "dung" not in statement.folded_terms and "sai" not in statement.folded_terms
    # Typed without diacritics: restored first, then the same words go from both fields.
    assert "gi" not in typed_plain.folded_terms and "du_lich" in typed_plain.folded_terms
    assert hits[0].doc_id == "dieu-54"


def test_question_word_spans_keep_content_words() -> None:
    text = "Người nghiện ma túy phải đi cai nghiện bao nhiêu năm, có phải không?"
    kept = drop_spans(text, question_word_spans(text))
    assert "bao nhiêu" not in kept and "phải đi cai nghiện" in kept
    # A phrase inside a longer word is not a question word ("nào" in "não" is not matched).
    assert question_word_spans("tổn thương não") == []
    # A choice that only points at the others says nothing of the topic.
    choice = drop_spans("Cả A, B, C đều đúng; cả 3 phương án trên",
                        question_word_spans("Cả A, B, C đều đúng; cả 3 phương án trên"))
    assert "đúng" not in choice and "phương án" not in choice


def test_group_by_document_sums_the_best_passages() -> None:
    doc_of = np.array([0, 0, 1, 1, 1, 2])
    ranked = [(2, 0.9), (0, 0.8), (1, 0.7), (3, 0.5), (4, 0.4), (5, 0.1)]
    # decay 0: the best passage alone.
    assert group_by_document(ranked, doc_of, passages=3, decay=0.0) == [(2, 0.9), (0, 0.8), (5, 0.1)]
    # decay 1, two passages: document 0 (0.8 + 0.7) passes document 1 (0.9 + 0.5).
    got = group_by_document(ranked, doc_of, passages=2, decay=1.0)
    assert [row for row, _ in got] == [0, 2, 5]
    assert got[0][1] == pytest.approx(1.5) and got[1][1] == pytest.approx(1.4)


def test_a_text_opening_with_an_article_is_read_as_that_article(tmp_path: Path) -> None:
    """"Điều 12." first: the article is the outline's top (D12), its clauses are D12.1 …, and
    each clause is read with the article's title (passage text and lexical terms)."""
    from chinhsach.indexing.documents import passage_text
    from chinhsach.pipeline import parse

    path = tmp_path / "dieu-12.txt"
    path.write_text(STATUTE_ARTICLES["dieu-12.txt"], encoding="utf-8")
    doc = parse(path)
    assert [s.id for s in doc.sections] == ["D12", "D12.1", "D12.2", "D12.3"]
    clause = next(s for s in doc.segments if s.section == "D12.2")
    assert clause.context == "Quyền của viên chức về hoạt động nghề nghiệp"
    assert passage_text(clause).startswith("Quyền của viên chức về hoạt động nghề nghiệp: Được đào tạo")
