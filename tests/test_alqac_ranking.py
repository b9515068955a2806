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

ARTICLES = {
    "dieu-12.txt": (
        "Điều 12. Quyền của viên chức về hoạt động nghề nghiệp\n\n"
        "1. Được pháp luật bảo vệ trong hoạt động nghề nghiệp.\n\n"
        "2. Được đào tạo, bồi dưỡng nâng cao trình độ chính trị, chuyên môn, nghiệp vụ.\n"),
    "dieu-13.txt": (
        "Điều 13. Quyền của viên chức về tiền lương\n\n"
        "1. Được trả lương tương xứng với vị trí việc làm, chức danh nghề nghiệp.\n\n"
        "2. Được hưởng tiền làm thêm giờ, tiền làm đêm, công tác phí.\n"),
    "dieu-54.txt": (
        "Điều 54. Dịch vụ du lịch khác\n\n"
        "Dịch vụ du lịch khác bao gồm dịch vụ ăn uống, mua sắm, thể thao, vui chơi giải trí.\n"),
}
QUERIES = ("viên chức có được trả lương làm thêm giờ không", "dịch vu du lich khac gom nhung gi")


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
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
