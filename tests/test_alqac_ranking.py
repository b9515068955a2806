"""The ranking experiments (evaluation/alqac_ranking.py) start from the product's own fusion:
their ``base`` variant must rank exactly as ``Index.rank`` does, on a real index."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from chinhsach import Index, build_index

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evaluation"))
import alqac_ranking  # noqa: E402  (an evaluation script, not a package module)
from conftest import STATUTE_ARTICLES  # noqa: E402

QUERIES = ("viên chức có được trả lương làm thêm giờ không", "dịch vu du lich khac gom nhung gi")


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for name, text in STATUTE_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = build_index([folder], folder / "idx")
    assert not report.failed
    return folder / "idx"


@pytest.mark.parametrize("query", QUERIES)
def test_base_variant_is_index_rank(index_dir: Path, query: str) -> None:
    with Index.open(index_dir) as idx:
        expected = idx.rank(idx.signals(idx.prepare(query)), idx.config.weights)
        qs = alqac_ranking.query_signals(idx, query)
        got = alqac_ranking.base()(idx, qs)
        assert [r for r, _ in got] == [r for r, _ in expected]
        assert np.allclose([s for _, s in got], [s for _, s in expected])
        # every variant ranks the same candidates (document fusion: one row per document)
        for label, ranker in alqac_ranking.variants(idx).items():
            rows = [r for r, _ in ranker(idx, qs)]
            assert rows, label
            assert set(rows) <= set(range(len(idx.positions))), label
