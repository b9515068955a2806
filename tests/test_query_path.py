"""The query path's shortcuts keep its answers: the dense side's word cap, cached restoration."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from chinhsach import Index
from chinhsach.indexing.config import DENSE_QUERY_WORDS, IndexConfig


def test_the_dense_model_reads_only_a_long_querys_first_words(seed_index: Path) -> None:
    head = "chỉ tiêu bảo hiểm y tế đến năm 2030 của tỉnh Sơn La " * 5
    tail = " ".join(["nước sạch vệ sinh môi trường"] * 20)
    query = head + tail
    assert len(query.split()) > DENSE_QUERY_WORDS == IndexConfig().dense_query_words
    with Index.open(seed_index) as idx:
        prepared = idx.prepare(query)
        capped = idx._query_vector(prepared)
        first = " ".join(prepared.restored.split()[:DENSE_QUERY_WORDS])
        assert np.allclose(capped, idx.embedder.encode_queries([first])[0], atol=1e-6)
        # The lexical signals still read every word: the tail's terms are there.
        assert "sạch" in " ".join(prepared.word_terms) and "nuoc_sach" in prepared.folded_terms
        idx.config = replace(idx.config, dense_query_words=0)  # 0: the whole query
        whole = idx._query_vector(prepared)
        assert not np.allclose(whole, capped, atol=1e-3)


def test_restoration_gives_the_same_text_from_its_kept_counts(seed_index: Path) -> None:
    with Index.open(seed_index) as idx:
        queries = ["ai chiu trach nhiem ve nuoc sach", "bao hiem y te", "bảo hiem y tế"]
        first = [idx.restorer.restore(q) for q in queries]
        assert idx.restorer._uni_seen and idx.restorer._bi_seen
        assert [idx.restorer.restore(q) for q in queries] == first
        assert first[1] == "bảo hiểm y tế" and first[2] == "bảo hiểm y tế"
