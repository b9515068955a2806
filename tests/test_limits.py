"""Bounded plan check: sizes inside files, limits of a check, the candidate assignment, and the
web server's check slots, time limit and same-origin rules (real components, no mocks)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from conftest import docx_bytes

from chinhsach.answers import check
from chinhsach.answers.check import CheckLimits, check_plan
from chinhsach.errors import InputTooLargeError
from chinhsach.ingest.readers import FileLimits, check_file_limits
from chinhsach.pipeline import parse

ROOT = Path(__file__).resolve().parents[1]
SEED_FILE = ROOT / "corpus" / "sonla-ke-hoach-thuc-hien-nq-42-nq-tw.txt"
DISTRICT_FILE = ROOT / "evaluation" / "fixtures" / "minh-hoa-huyen-uy-ke-hoach-58.txt"
SEED = "sonla-ke-hoach-thuc-hien-nq-42-nq-tw"


def test_docx_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(docx_bytes(1_000_000))
    assert bomb.stat().st_size < 300_000
    t0 = time.perf_counter()
    with pytest.raises(InputTooLargeError, match="paragraphs|inflates"):
        parse(bomb)
    assert time.perf_counter() - t0 < 5  # measured 0.6 s; python-docx took minutes


def test_file_limits_are_checked_inside_the_file(tmp_path: Path) -> None:
    small = FileLimits(max_text_bytes=100, max_xml_bytes=1_000_000, max_paragraphs=50, max_pages=1)
    text = tmp_path / "a.txt"
    text.write_text("x" * 200, encoding="utf-8")
    with pytest.raises(InputTooLargeError, match="a.txt"):
        check_file_limits(text, "a.txt", "txt", small)
    many = tmp_path / "many.docx"
    many.write_bytes(docx_bytes(60))
    with pytest.raises(InputTooLargeError, match="61 paragraphs"):
        check_file_limits(many, "many.docx", "docx", small)
    check_file_limits(many, "many.docx", "docx")  # the defaults accept it


def test_check_limits_refuse_a_plan_too_large() -> None:
    seed, district = parse(SEED_FILE), parse(DISTRICT_FILE)
    with pytest.raises(InputTooLargeError, match="targets"):
        check_plan(district, seed, limits=CheckLimits(max_targets=5))
    with pytest.raises(InputTooLargeError, match="paragraphs"):
        check_plan(district, seed, limits=CheckLimits(max_paragraphs=5))


def test_sparse_assignment_matches_the_hungarian_method() -> None:
    rng = np.random.default_rng(1)
    for n_rows, n_cols, capacity in ((7, 40, 1), (30, 25, 1), (12, 9, 2)):
        w = rng.random((n_rows, n_cols))
        dense = check._assign(w, 0.5, capacity)

        def block(c0: int, c1: int, w: np.ndarray = w) -> tuple[np.ndarray, np.ndarray]:
            return w[:, c0:c1], w[:, c0:c1]

        cand = check._candidates(n_rows, n_cols, block, 0.5, None)
        sparse_limit = check._DENSE_CELLS
        try:
            check._DENSE_CELLS = 0
            sparse = check._assign_candidates(cand, n_rows, capacity)
        finally:
            check._DENSE_CELLS = sparse_limit
        value = sum(w[r, c] for r, c in dense.items())
        assert sum(w[r, c] for r, c in sparse.items()) == pytest.approx(value)
        assert sum(w[r, c] for r, c in check._assign_candidates(cand, n_rows, capacity).items()) \
            == pytest.approx(value)


def test_background_sample_is_close_to_the_full_median() -> None:
    rng = np.random.default_rng(2)
    emb = rng.normal(size=(900, 16)) + 3.0
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    full = float(np.median((emb @ emb.T)[np.triu_indices(900, 1)]))
    assert 900 * 899 // 2 > check._BACKGROUND_PAIRS  # the sampled branch
    assert check._background(emb) == pytest.approx(full, abs=0.002)


# ---------------------------------------------------------------------------------------------
# The web server's checks
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(corpus_index: Path) -> Iterator[object]:
    from fastapi.testclient import TestClient

    from chinhsach.web import create_app

    with TestClient(create_app(corpus_index, allowed_hosts=["testserver"])) as c:
        yield c


def test_bomb_upload_is_refused_quickly(client) -> None:  # noqa: ANN001
    data = docx_bytes(1_000_000)
    t0 = time.perf_counter()
    r = client.post("/api/check", data={"parent": SEED}, files={"file": ("bomb.docx", data, "x")})
    assert r.status_code == 413, r.text
    assert time.perf_counter() - t0 < 5
    assert "quá lớn" in r.json()["message_vi"]


def test_large_text_upload_is_refused_by_its_kind_and_size(client) -> None:  # noqa: ANN001
    """A text upload above the text limit (2 MB) is refused from its first bytes and its length
    (the app's cap is 20 MB): the body is neither parsed as a form nor decoded."""
    from chinhsach.web.app import upload_kind

    data = ("Kế hoạch thực hiện nhiệm vụ. " * 200_000).encode("utf-8")  # 6.6 MB
    t0 = time.perf_counter()
    r = client.post("/api/check", data={"parent": SEED}, files={"file": ("plan.txt", data, "x")})
    assert r.status_code == 413, r.text
    assert time.perf_counter() - t0 < 10  # measured 0.1 s for 20 MB on a live server
    assert "văn bản thuần" in r.json()["message_vi"] and r.json()["detail"]
    head = b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n'
    assert upload_kind(head + b"%PDF-1.4") == "pdf"
    assert upload_kind(head + b"PK\x03\x04\x14") == "docx"
    assert upload_kind(head + b"Ke hoach") == "txt"
    assert upload_kind(head + b"%P") is None  # not yet arrived


def test_cross_origin_post_and_foreign_host_are_refused(client) -> None:  # noqa: ANN001
    files = {"file": ("kh.txt", "Kế hoạch\n1. Nhiệm vụ".encode(), "text/plain")}
    r = client.post("/check", data={"parent": SEED}, files=files,
                    headers={"origin": "http://evil.example"})
    assert r.status_code == 403 and "trang khác" in r.text
    r = client.post("/api/check", data={"parent": SEED}, files=files,
                    headers={"referer": "http://evil.example/page"})
    assert r.status_code == 403 and r.json()["detail"] == "cross-origin request refused"
    r = client.get("/api/status", headers={"host": "rebind.evil.example:8000"})
    assert r.status_code == 400 and r.json()["detail"] == "host not allowed"
    assert client.get("/", headers={"host": "rebind.evil.example"}).status_code == 400
    assert client.get("/api/status", headers={"host": "127.0.0.1:8000"}).status_code == 200
    # The same origin is served.
    r = client.post("/api/check", data={"parent": "khong-co"}, files=files,
                    headers={"origin": "http://testserver"})
    assert r.status_code == 404


def test_checks_are_limited_in_number_and_time(corpus_index: Path) -> None:
    import asyncio

    from chinhsach.errors import CheckCancelledError
    from chinhsach.indexing import Index
    from chinhsach.indexing.embed import load_embedder
    from chinhsach.web.checks import CheckRunner, ChecksBusyError

    with Index.open(corpus_index) as idx:
        parent = idx.document(SEED)
        embedder = load_embedder(idx.meta.get("model_path") or None)
    data = DISTRICT_FILE.read_bytes()

    async def two_at_once() -> list[object]:
        runner = CheckRunner(running=1, waiting=0, timeout_s=600)  # a real check: ~25 s alone, minutes on a busy machine
        first = asyncio.create_task(runner.run(data, "kh.txt", parent, embedder))
        await asyncio.sleep(0.05)
        with pytest.raises(ChecksBusyError):
            await runner.run(data, "kh.txt", parent, embedder)
        report = await first
        assert runner.admitted == 0
        runner.close()
        return [report]

    assert asyncio.run(two_at_once())

    async def too_slow() -> None:
        runner = CheckRunner(timeout_s=0.001, parse_in_process=False)
        with pytest.raises(CheckCancelledError, match="longer than"):
            await runner.run(data.replace(b"n", b"m"), "kh2.txt", parent, embedder)

    asyncio.run(too_slow())

    async def client_gone() -> None:
        runner = CheckRunner(timeout_s=60, parse_in_process=False)

        async def gone() -> bool:
            return True

        t0 = time.perf_counter()
        with pytest.raises(CheckCancelledError, match="went away"):
            await runner.run(data.replace(b"a", b"o"), "kh3.txt", parent, embedder, gone)
        assert time.perf_counter() - t0 < 30

    asyncio.run(client_gone())


def test_search_does_not_wait_for_a_build(client, corpus_index: Path) -> None:  # noqa: ANN001
    """A build holds build.lock for its whole run: readers never take it."""
    from chinhsach.indexing import store

    with store.build_lock(corpus_index):
        t0 = time.perf_counter()
        r = client.get("/api/search", params={"q": "nước sạch"})
        assert r.status_code == 200 and r.json()
        assert time.perf_counter() - t0 < 10
