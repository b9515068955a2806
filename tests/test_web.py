"""`chinhsach serve`: the JSON API and its refusals (TestClient), then the pages in headless
Chromium (Playwright) against a real uvicorn server over the corpus index.

The browser tests drive Debian's /usr/bin/chromium (never a downloaded browser) and save the
screenshots of docs/screenshots/ that the README shows.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import socket
import tempfile
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install '.[web]'")

from fastapi.testclient import TestClient  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from chinhsach import Index  # noqa: E402
from chinhsach.answers.who import duties_of, list_units, who  # noqa: E402
from chinhsach.cli import app as cli_app  # noqa: E402
from chinhsach.errors import UnsupportedFileError  # noqa: E402
from chinhsach.web import create_app  # noqa: E402
from chinhsach.web.app import is_who_question  # noqa: E402
from chinhsach.web.uploads import sniff  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
# The README's screenshots are refreshed only when asked (CHINHSACH_SCREENSHOTS=1): a plain test
# run must not rewrite tracked files.
SHOTS = (ROOT / "docs" / "screenshots" if os.environ.get("CHINHSACH_SCREENSHOTS") == "1"
         else Path(tempfile.gettempdir()) / "chinhsach-screenshots")
SEED = "sonla-ke-hoach-thuc-hien-nq-42-nq-tw"
DISTRICT = "minh-hoa-huyen-uy-ke-hoach-58"
DISTRICT_FILE = ROOT / "evaluation" / "fixtures" / "minh-hoa-huyen-uy-ke-hoach-58.txt"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + bytes(64)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HAS_CHECK = (ROOT / "src" / "chinhsach" / "answers" / "check.py").exists()


@pytest.fixture(scope="module")
def client(corpus_index: Path) -> Iterator[TestClient]:
    # A 1 MB cap so that the size refusal needs no big upload.
    with TestClient(create_app(corpus_index, max_upload_mb=1, allowed_hosts=["testserver"])) as c:
        yield c


def upload_dirs() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("chinhsach-upload-*")}


# ---------------------------------------------------------------------------------------------
# JSON API: the CLI's contracts, from the same library functions
# ---------------------------------------------------------------------------------------------


def test_search_api_returns_the_cli_hits(client: TestClient, corpus_index: Path) -> None:
    r = client.get("/api/search", params={"q": "nuoc sach", "k": 5})
    assert r.status_code == 200
    hits = r.json()
    with Index.open(corpus_index) as idx:
        expected = [h.to_dict() for h in idx.search("nuoc sach", k=5)]
    assert hits == expected
    assert hits[0]["section"] == "III.6"
    assert set(hits[0]) == {"doc_id", "title", "section", "kind", "text", "score", "page", "line",
                            "heading_path", "topic"}


def test_search_api_filters(client: TestClient) -> None:
    only_doc = client.get("/api/search", params={"q": "nước sạch", "doc": DISTRICT, "k": 20}).json()
    assert only_doc and {h["doc_id"] for h in only_doc} == {DISTRICT}
    by_number = client.get("/api/search", params={"q": "nước sạch", "doc": "58-kh/hu"}).json()
    assert {h["doc_id"] for h in by_number} == {DISTRICT}

    duties = client.get("/api/search", params={"q": "nước sạch", "kind": "duty", "k": 20}).json()
    targets = client.get("/api/search", params={"q": "nước sạch", "kind": "target", "k": 20}).json()
    others = client.get("/api/search", params={"q": "nước sạch", "kind": "other", "k": 20}).json()
    assert duties and targets and others
    keys = [{(h["doc_id"], h["line"]) for h in hits} for hits in (duties, targets, others)]
    assert not keys[2] & (keys[0] | keys[1])  # "other" holds neither a duty nor a target

    unit = client.get("/api/search", params={"q": "nước sạch", "unit": "Phòng Nông nghiệp và Môi trường huyện"}).json()
    assert unit and all("Phòng Nông nghiệp và Môi trường huyện" in h["text"] or h["doc_id"] == DISTRICT
                        for h in unit)
    year = client.get("/api/search", params={"q": "bảo hiểm y tế", "year": 2030, "k": 20}).json()
    assert year and any("2030" in h["text"] for h in year)
    assert client.get("/api/search", params={"q": "nước", "kind": "nothing"}).status_code == 422


def test_who_duties_units_apis_match_the_library(client: TestClient, corpus_index: Path) -> None:
    question = "ai chịu trách nhiệm về nước sạch"
    with Index.open(corpus_index) as idx:
        expected_who = [r.to_dict() for r in who(idx, question, k=8)]
        expected_duties = {d: [x.to_dict() for x in ds]
                           for d, ds in duties_of(idx, "Ban Tuyên giáo Tỉnh ủy").items()}
        expected_units = list_units(idx)
    got_who = client.get("/api/who", params={"q": question}).json()
    assert got_who == expected_who
    assert got_who[0]["unit"] == "Phòng Nông nghiệp và Môi trường huyện" and got_who[0]["explicit"]
    assert client.get("/api/duties", params={"unit": "ban tuyen giao tinh uy"}).json() == expected_duties
    assert client.get("/api/units").json() == expected_units

    unknown = client.get("/api/duties", params={"unit": "Sở Ngoại giao"})
    assert unknown.status_code == 404
    assert "unknown unit" in unknown.json()["detail"] and unknown.json()["suggestions"]


def test_document_refs_and_graph_apis(client: TestClient, corpus_index: Path) -> None:
    from chinhsach.answers.graph import build_graph

    listed = client.get("/api/documents").json()
    assert {d["doc_id"] for d in listed} >= {SEED, DISTRICT}
    assert all("path" not in d for d in listed)  # server paths stay on the server
    with Index.open(corpus_index) as idx:
        doc = idx.document(SEED)
        graph = build_graph(idx.all_documents())
    assert client.get(f"/api/documents/{SEED}").json() == json.loads(json.dumps(doc.to_dict()))
    assert client.get("/api/documents/58-KH/HU").json()["doc_id"] == DISTRICT  # by number
    assert client.get(f"/api/refs/{DISTRICT}").json() == json.loads(json.dumps(graph.refs(DISTRICT)))
    assert client.get("/api/graph").json() == json.loads(json.dumps(graph.to_json()))


@pytest.mark.parametrize("doc_id", ["khong-co-van-ban", "..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd",
                                    "..%5C..%5Cwindows%5Cwin.ini", "....//....//etc/passwd"])
def test_unknown_and_traversal_document_ids_are_404(client: TestClient, doc_id: str) -> None:
    for prefix in ("/api/documents/", "/api/refs/"):
        r = client.get(prefix + doc_id)
        assert r.status_code == 404, (prefix, doc_id, r.text)
        assert "no document" in r.json()["detail"] and "root:" not in r.text
    page = client.get("/documents/" + doc_id)
    assert page.status_code == 404 and "Không có văn bản này" in page.text
    assert "no document" not in page.text and "Traceback" not in page.text


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/who", "/api/duties", "/api/units", "/api/documents",
            "/api/documents/{doc_id}", "/api/refs/{doc_id}", "/api/graph", "/api/check"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


# ---------------------------------------------------------------------------------------------
# Check: uploads and their refusals
# ---------------------------------------------------------------------------------------------


@pytest.mark.skipif(not HAS_CHECK, reason="src/chinhsach/check.py (check_plan) is not there yet")
def test_check_api_returns_the_report_and_deletes_the_upload(client: TestClient) -> None:
    from chinhsach import parse
    from chinhsach.answers.check import check_plan

    before = upload_dirs()
    docs_before = client.get("/api/documents").json()
    r = client.post("/api/check", data={"parent": SEED},
                    files={"file": ("ke-hoach-58.txt", DISTRICT_FILE.read_bytes(), "text/plain")})
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["parent"]["doc_id"] == SEED and report["child"]["doc_id"] == "ke-hoach-58"
    holder = client.app.state.indexes
    with Index.open(holder.index_dir) as idx:
        expected = check_plan(parse(DISTRICT_FILE, doc_id="ke-hoach-58"), idx.document(SEED),
                              embedder=holder.passage_embedder(idx))
    assert report["summary"] == expected.summary()
    assert sum(report["summary"]["targets"].values()) > 0
    assert upload_dirs() <= before  # the temporary folder is gone
    assert client.get("/api/documents").json() == docs_before  # the upload never enters the index

    # The page: summary, the report in a frame, and the same report to download.
    page = client.post("/check", data={"parent": SEED},
                       files={"file": ("ke-hoach-58.txt", DISTRICT_FILE.read_bytes(), "text/plain")})
    assert page.status_code == 200 and 'id="check-summary"' in page.text
    token = re.search(r"/check/report/([\w-]+)\?download=1", page.text).group(1)
    download = client.get(f"/check/report/{token}", params={"download": 1})
    assert download.headers["content-disposition"].startswith("attachment;")
    assert download.text == expected.to_html()
    assert client.get("/check/report/not-a-token").status_code == 404


@pytest.mark.parametrize(
    ("name", "data", "status", "words"),
    [
        ("scan.pdf", PNG, 415, "không phải PDF, DOCX"),  # a PNG renamed .pdf
        ("plan.docx", PNG, 415, "không phải PDF, DOCX"),
        ("plan.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(100), 415, "không phải PDF, DOCX"),
        ("plan.docx", None, 415, "không phải PDF, DOCX"),  # a zip that is not a DOCX
        ("plan.txt", b"", 422, "không có nội dung chữ"),
        ("big.txt", b"van ban " * 140_000, 413, "vượt quá giới hạn 1 MB"),  # 1.1 MB
    ],
)
def test_check_refuses_bad_uploads(client: TestClient, name: str, data: bytes | None, status: int,
                                   words: str) -> None:
    if data is None:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("content.xml", "<x/>")
        data = buf.getvalue()
    before = upload_dirs()
    r = client.post("/api/check", data={"parent": SEED}, files={"file": (name, data, "application/pdf")})
    assert r.status_code == status, r.text
    assert words in r.json()["message_vi"] and r.json()["detail"]
    page = client.post("/check", data={"parent": SEED}, files={"file": (name, data, "application/pdf")})
    assert page.status_code == status and words in page.text and "Traceback" not in page.text
    assert upload_dirs() <= before


def test_check_refuses_a_declared_oversized_body_at_once(client: TestClient) -> None:
    r = client.post("/api/check", content=b"x" * 10, headers={"content-length": str(50 * 1024 * 1024),
                                                               "content-type": "multipart/form-data; boundary=b"})
    assert r.status_code == 413 and "vượt quá giới hạn" in r.json()["message_vi"]


def test_check_with_an_unknown_parent_is_404(client: TestClient) -> None:
    r = client.post("/api/check", data={"parent": "../../etc/passwd"},
                    files={"file": ("kh.txt", "Kế hoạch\n1. Nhiệm vụ".encode(), "text/plain")})
    assert r.status_code == 404 and "no document" in r.json()["detail"]


def test_upload_type_is_judged_by_content() -> None:
    assert sniff(b"%PDF-1.7\n...", "ke-hoach.txt") == "pdf"
    assert sniff("Kế hoạch số 58".encode("utf-16"), "x.pdf") == "txt"
    assert sniff("Kế hoạch số 58".encode("utf-16-le"), "x") == "txt"  # no BOM: the NUL pattern
    assert sniff("KÕ ho¹ch sè 58".encode("latin-1"), "x.docx") == "txt"  # TCVN3 bytes
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    assert sniff(buf.getvalue(), "plan.pdf") == "docx"
    with pytest.raises(UnsupportedFileError, match="x.pdf"):
        sniff(PNG, "../../x.pdf")  # only the last part of the name is ever shown


# ---------------------------------------------------------------------------------------------
# Pages, errors, the index's generation, the command
# ---------------------------------------------------------------------------------------------


def test_pages_render_with_no_outside_assets(client: TestClient) -> None:
    urls = ["/", "/?q=nuoc+sach", "/?q=ai+chịu+trách+nhiệm+về+nước+sạch", "/documents",
            f"/documents/{SEED}", "/units", "/unit?name=Ban+Tuyên+giáo+Tỉnh+ủy", "/check"]
    for url in urls:
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:300])
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", r.text), url  # no CDN
    for asset in ("/static/style.css", "/static/app.js"):
        r = client.get(asset)
        assert r.status_code == 200 and "http" not in r.text
    for probe in ("/static/..%2F__init__.py", "/static/%2e%2e%2fapp.py", "/static/..%2F..%2F..%2Fpyproject.toml"):
        assert client.get(probe).status_code == 404, probe
    who_page = client.get("/?q=ai+chịu+trách+nhiệm+về+nước+sạch").text
    assert 'id="who"' in who_page and "Phòng Nông nghiệp và Môi trường huyện" in who_page
    assert "<mark>" in client.get("/?q=nuoc+sach").text


def test_text_from_documents_and_requests_is_escaped(client: TestClient) -> None:
    r = client.get("/", params={"q": '<script>alert("x")</script> nước sạch'})
    assert r.status_code == 200
    assert "<script>alert" not in r.text and "&lt;script&gt;" in r.text


def test_unknown_unit_page_suggests_units(client: TestClient) -> None:
    r = client.get("/unit", params={"name": "Sở Ngoại giao"})
    assert r.status_code == 404 and "Không tìm thấy đơn vị" in r.text and "/unit?name=" in r.text
    assert "unknown unit" not in r.text


def test_server_errors_show_a_plain_message(corpus_index: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import chinhsach.web.app as web_app

    def broken(_idx: Index) -> list:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(web_app, "list_units", broken)
    with TestClient(create_app(corpus_index, allowed_hosts=["testserver"]), raise_server_exceptions=False) as c:
        api = c.get("/api/units")
        assert api.status_code == 500 and api.json()["detail"] == "internal server error"
        assert "Máy chủ gặp lỗi" in api.json()["message_vi"]
        page = c.get("/units")
        assert page.status_code == 500 and "Máy chủ gặp lỗi" in page.text
        assert "secret internals" not in page.text and "Traceback" not in page.text


def test_missing_index_is_a_clear_error(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "none", allowed_hosts=["testserver"])) as c:
        r = c.get("/api/documents")
        assert r.status_code == 503 and "not available" in r.json()["detail"]
        page = c.get("/").text
        assert "chưa sẵn sàng" in page and str(tmp_path) not in page and str(tmp_path) not in r.text


def test_a_new_generation_is_picked_up(corpus_index: Path, tmp_path: Path) -> None:
    index_dir = tmp_path / "idx"
    shutil.copytree(corpus_index, index_dir)
    with TestClient(create_app(index_dir, allowed_hosts=["testserver"])) as c:
        first = c.get("/api/status").json()["generation"]
        assert first == (index_dir / "CURRENT").read_text().strip()
        # What a build does: a new generation beside the live one, then CURRENT switched.
        new = f"gen-{int(first.split('-')[1]) + 1:06d}"
        shutil.copytree(index_dir / first, index_dir / new)
        (index_dir / "CURRENT").write_text(new + "\n")
        status = c.get("/api/status").json()
        assert status["generation"] == new and status["documents"] >= 4
        assert c.get("/api/search", params={"q": "nuoc sach", "k": 1}).json()[0]["section"] == "III.6"


def test_who_questions_are_recognised() -> None:
    for q in ("ai chịu trách nhiệm về nước sạch", "Ai phụ trách bảo hiểm y tế?", "don vi nao lo nha o xa hoi",
              "Cơ quan nào chủ trì tuyên truyền", "nước sạch do ai phụ trách"):
        assert is_who_question(q), q
    for q in ("nuoc sach", "chỉ tiêu bảo hiểm y tế 2030", "chính sách xã hội"):
        assert not is_who_question(q), q


def test_unit_duties_put_upcoming_deadlines_first() -> None:
    import datetime as dt

    from chinhsach.answers.who import UnitDuty
    from chinhsach.present.render import unit_duty_rows

    def duty(text: str, deadline: str | None, recurring: str | None = None, role: str = "lead") -> UnitDuty:
        return UnitDuty("Sở Y tế", role, "kh", "III.1", text, deadline, recurring)

    grouped = {"kh": [duty("cũ", "2024-06-30"), duty("không hạn", None), duty("xa", "2027-12-31"),
                      duty("gần", "2027-01-15"), duty("hằng năm", None, "hằng năm"),
                      duty("gần", "2027-01-15", role="monitor"), duty("cũ hơn", "2023-01-01")]}
    rows = unit_duty_rows(grouped, today=dt.date(2026, 11, 28))
    assert [r.text for r in rows] == ["gần", "xa", "hằng năm", "không hạn", "cũ", "cũ hơn"]
    assert rows[0].roles == ["chủ trì", "theo dõi, giám sát"]  # one row per duty, roles joined
    assert [r.status for r in rows] == ["upcoming", "upcoming", "recurring", "none", "past", "past"]


def test_serve_command_binds_loopback_by_default(corpus_index: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    calls: list[tuple] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    result = CliRunner().invoke(cli_app, ["serve", "--index", str(corpus_index), "--max-upload-mb", "5"])
    assert result.exit_code == 0, result.output
    app, kw = calls[0]
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8000 and app.state.max_upload_mb == 5
    missing = CliRunner().invoke(cli_app, ["serve", "--index", str(corpus_index.parent / "none")])
    assert missing.exit_code == 4 and not calls[1:]


# ---------------------------------------------------------------------------------------------
# In the browser
# ---------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(corpus_index: Path) -> Iterator[str]:
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(corpus_index), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium); browser tests skipped")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser, live_server: str) -> Iterator:
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN",
                                  accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    outside: list[str] = []
    # Everything must come from the app itself: no CDN, no fonts from elsewhere.
    pg.on("request", lambda req: None if req.url.startswith((live_server, "data:", "about:"))
          else outside.append(req.url))
    yield pg
    context.close()
    assert not outside, f"requests outside the app: {outside}"


def test_browser_search_without_diacritics(page, live_server: str) -> None:
    page.goto(live_server + "/")
    page.fill("#q", "nuoc sach")
    page.press("#q", "Enter")
    first = page.locator(".hit").first
    first.wait_for()
    assert first.locator(".section").inner_text() == "Mục III.6"
    assert "nước sạch" in " ".join(first.locator("mark").all_inner_texts()).lower()
    assert "Về nước sạch" in first.locator(".path").inner_text()
    page.screenshot(path=str(SHOTS / "search.png"))

    # A filter applies as soon as it is picked.
    with page.expect_navigation():
        page.select_option("select[name=kind]", "duty")
    assert "kind=duty" in page.url
    badges = page.locator(".hit .where").all_inner_texts()
    assert badges and all("Nhiệm vụ" in b for b in badges)
    page.go_back()
    first = page.locator(".hit").first

    # The hit links to its paragraph, opened in the document's outline.
    first.locator(".section").click()
    page.wait_for_url(re.compile(r"/documents/.+#seg-"))
    anchor = page.url.split("#", 1)[1]
    assert page.locator(f"#{anchor}").is_visible()


def test_browser_who_is_responsible_card(page, live_server: str) -> None:
    page.goto(live_server + "/")
    page.fill("#q", "ai chịu trách nhiệm về nước sạch")
    page.press("#q", "Enter")
    card = page.locator("#who")
    card.wait_for()
    explicit = card.locator(".responsible.explicit .unit-name").first
    assert explicit.inner_text() == "Phòng Nông nghiệp và Môi trường huyện"
    assert "III.6" in card.locator(".responsible.explicit .evidence").first.inner_text()
    assert card.locator(".responsible.inherited").count() == 1  # the plan-wide assignments, apart
    card.screenshot(path=str(SHOTS / "who.png"))
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SHOTS / "who-page.png"))


def test_browser_document_page(page, live_server: str) -> None:
    page.goto(f"{live_server}/documents")
    assert page.locator("svg.graph .node").count() >= 4
    page.screenshot(path=str(SHOTS / "documents.png"), full_page=True)
    page.get_by_role("link", name="Kế hoạch thực hiện Nghị quyết số 42").first.click()
    page.wait_for_url(re.compile("/documents/.+"))
    page.goto(f"{live_server}/documents/{SEED}")
    assert "Kế hoạch thực hiện Nghị quyết số 42-NQ/TW" in page.locator("h1").inner_text()
    page.screenshot(path=str(SHOTS / "document.png"))
    # The outline collapses and opens.
    page.click("button[data-tree=close]")
    assert not page.locator("details#s-III").evaluate("d => d.open")
    page.click("button[data-tree=open]")
    assert page.locator("details#s-III\\.6").evaluate("d => d.open")
    # The targets sort by year.
    table = page.locator("#targets table")
    table.locator("th", has_text="Năm").click()
    years = [int(y) for y in table.locator("tbody tr td:nth-child(5)").all_inner_texts() if y.isdigit()]
    assert years == sorted(years) and len(years) > 5
    assert page.locator("#refs svg.graph .node").count() >= 3
    page.locator("#refs").screenshot(path=str(SHOTS / "document-graph.png"))


def test_browser_unit_page(page, live_server: str) -> None:
    page.goto(live_server + "/units")
    page.screenshot(path=str(SHOTS / "units.png"))
    page.get_by_role("link", name="Ban Tuyên giáo Tỉnh ủy", exact=True).first.click()
    page.wait_for_url(re.compile(r"/unit\?name="))
    assert page.locator("h1").inner_text() == "Nhiệm vụ của Ban Tuyên giáo Tỉnh ủy"
    sections = page.locator("table.duties tbody tr td:nth-child(5)").all_inner_texts()
    assert "IV.2.1" in sections and "IV.2.2" in sections
    page.screenshot(path=str(SHOTS / "unit.png"), full_page=True)


@pytest.mark.skipif(not HAS_CHECK, reason="src/chinhsach/check.py (check_plan) is not there yet")
def test_browser_check_upload(page, live_server: str, tmp_path: Path) -> None:
    page.goto(live_server + "/check")
    page.set_input_files("input[name=file]", str(DISTRICT_FILE))
    page.select_option("select[name=parent]", SEED)
    with page.expect_navigation(timeout=120_000):  # the check runs while the form posts
        page.click("form.check button[type=submit]", timeout=120_000)
    summary = page.locator("#check-summary")
    summary.wait_for()
    covered = int(summary.locator("td[data-status=covered]").first.inner_text())
    missing = int(summary.locator("td[data-status=missing]").first.inner_text())
    assert covered > 0 and missing >= 0
    assert "Đạt / khớp" in summary.inner_text()
    page.screenshot(path=str(SHOTS / "check.png"), full_page=True)
    with page.expect_download() as info:
        summary.locator("a.download").click()
    saved = tmp_path / "report.html"
    info.value.save_as(saved)
    assert "Báo cáo đối chiếu kế hoạch" in saved.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Honest answers and Vietnamese naming (issue 14)
# ---------------------------------------------------------------------------------------------


def test_nonsense_finds_nothing_and_ai_alone_opens_no_who_card(client: TestClient) -> None:
    page = client.get("/", params={"q": "xyzqwv khong co gi"}).text
    assert "Không tìm thấy" in page and 'class="hit"' not in page and "«xyzqwv»" in page
    assert client.get("/api/search", params={"q": "xyzqwv khong co gi"}).json() == []
    assert 'id="who"' not in client.get("/", params={"q": "ai"}).text
    assert client.get("/api/search", params={"q": "nước sạch"}).json()  # real queries still answer


@pytest.mark.parametrize("query", ["bóng đá ngoại hạng Anh", "công thức nấu phở bò",
                                   "thoi tiet ha noi ngay mai"])
def test_off_topic_common_words_find_nothing(client: TestClient, query: str) -> None:
    assert client.get("/api/search", params={"q": query}).json() == []
    assert "Không có đoạn văn bản nào nói về nội dung này" in client.get("/", params={"q": query}).text


def test_who_card_only_for_a_topic_the_index_knows(client: TestClient) -> None:
    assert client.get("/api/who", params={"q": "ai chịu trách nhiệm về bóng đá ngoại hạng Anh"}).json() == []
    assert 'id="who"' not in client.get("/", params={"q": "ai chịu trách nhiệm về bóng đá ngoại hạng Anh"}).text
    assert 'id="who"' in client.get("/", params={"q": "ai chịu trách nhiệm về nước sạch"}).text


def test_who_evidence_is_about_the_topic(client: TestClient) -> None:
    from chinhsach.text.normalize import fold

    rows = client.get("/api/who", params={"q": "ai chịu trách nhiệm về nước sạch"}).json()
    assert rows
    for r in rows:
        for e in r["evidence"]:
            assert "nuoc sach" in fold(e["text"]).lower(), (r["unit"], e["text"])


def test_documents_are_named_by_number_type_and_date_never_by_slug(client: TestClient) -> None:
    check = client.get("/check").text
    assert "Kế hoạch 58-KH/HU ngày 05/03/2024" in check
    assert ">minh-hoa-huyen-uy-ke-hoach-58" not in check
    hits_page = client.get("/", params={"q": "nước sạch"}).text
    for slug in ("sonla-ke-hoach-thuc-hien-nq-42-nq-tw", "minh-hoa-huyen-uy-ke-hoach-58"):
        # Slugs stay in links (ids), never in the text a reader sees.
        visible = re.sub(r'(?:href|value|id|action|for)="[^"]*"', "", hits_page)
        assert slug not in visible
    units = re.findall(r'<select name="unit".*?</select>', client.get("/").text, re.S)[0]
    for collective in ('>sở<', '>ban<', '>ngành<', '>chi bộ<', '>huyện ủy<'):
        assert collective not in units
    assert ">Sở Y tế<" in units
    # The deadlines page names documents with the same label, and filters by real units only.
    deadlines = client.get("/deadlines", params={"today": "2024-01-01"}).text
    assert "Kế hoạch 58-KH/HU ngày 05/03/2024" in deadlines
    visible = re.sub(r'(?:href|value|id|action|for)="[^"]*"', "", deadlines)
    assert "minh-hoa-huyen-uy-ke-hoach-58" not in visible
    units = re.findall(r'<datalist id="deadline-units">.*?</datalist>', deadlines, re.S)[0]
    assert '"sở, ban, ngành"' not in units and "các " not in units and '"Sở Y tế"' in units


def test_unit_page_without_a_name_goes_to_the_list(client: TestClient) -> None:
    r = client.get("/unit", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/units"


def test_status_does_not_reveal_the_index_path(client: TestClient, corpus_index: Path) -> None:
    assert str(corpus_index) not in client.get("/api/status").text


@pytest.mark.parametrize("width", [375, 1280])
def test_browser_every_page_fits_the_screen(browser, live_server: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="vi-VN")
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    urls = ["/", "/?q=nuoc+sach", "/?q=ai+chịu+trách+nhiệm+về+nước+sạch", "/?q=xyzqwv", "/documents",
            f"/documents/{SEED}", f"/documents/{DISTRICT}", "/units",
            "/unit?name=Phòng+Nông+nghiệp+và+Môi+trường+huyện", "/check", "/deadlines",
            "/khong-co-trang-nay"]
    try:
        for url in urls:
            pg.goto(live_server + url)
            wide = pg.evaluate("document.documentElement.scrollWidth")
            assert wide <= width, (url, wide)
            if width == 375:
                pg.screenshot(path=str(SHOTS / f"phone-{re.sub(r'[^a-z0-9]+', '-', url.lower()).strip('-') or 'home'}.png"))
    finally:
        context.close()
