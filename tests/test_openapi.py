"""The OpenAPI document describes what the API really answers: every live response (successes
and errors) validates against the schema of its path, method and status."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
jsonschema = pytest.importorskip("jsonschema")

from fastapi.testclient import TestClient  # noqa: E402

from chinhsach.web import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = "sonla-ke-hoach-thuc-hien-nq-42-nq-tw"
DISTRICT_FILE = ROOT / "evaluation" / "fixtures" / "minh-hoa-huyen-uy-ke-hoach-58.txt"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


@pytest.fixture(scope="module")
def client(corpus_index: Path) -> Iterator[TestClient]:
    with TestClient(create_app(corpus_index, max_upload_mb=1, allowed_hosts=["testserver"])) as c:
        yield c


@pytest.fixture(scope="module")
def spec(client: TestClient) -> dict[str, Any]:
    return client.get("/openapi.json").json()


def check(spec: dict[str, Any], path: str, method: str, response: Any) -> None:
    operation = spec["paths"][path][method]
    status = str(response.status_code)
    assert status in operation["responses"], (path, method, status, response.text[:200])
    content = operation["responses"][status].get("content", {}).get("application/json")
    assert content is not None, (path, method, status)
    schema = {**content["schema"], "components": spec["components"]}
    jsonschema.Draft202012Validator(schema).validate(response.json())
    if response.status_code >= 400:  # every error: English detail and Vietnamese message_vi
        body = response.json()
        assert body["detail"] and body["message_vi"].strip(), (path, status, body)


def test_every_api_response_matches_its_schema(client: TestClient, spec: dict[str, Any]) -> None:
    cases = [
        ("/api/status", {}), ("/api/search", {"q": "nước sạch"}), ("/api/search", {"q": "xyzqwv"}),
        ("/api/search", {}), ("/api/search", {"q": "nuoc", "doc": "khong-co"}),
        ("/api/who", {"q": "ai chịu trách nhiệm về nước sạch"}), ("/api/who", {}),
        ("/api/duties", {"unit": "Sở Y tế"}), ("/api/duties", {"unit": "Sở Ngoại giao"}),
        ("/api/units", {}), ("/api/documents", {}), ("/api/graph", {}),
        ("/api/deadlines", {"today": "2025-01-01"}), ("/api/deadlines", {"today": "32/13/2025"}),
        ("/api/deadlines", {"unit": "Sở Ngoại giao"}), ("/api/who", {"q": "nước", "k": "0"}),
    ]
    seen = set()
    for path, params in cases:
        r = client.get(path, params=params)
        check(spec, path, "get", r)
        seen.add((path, r.status_code))
    for doc in (SEED, "khong-co"):
        check(spec, "/api/documents/{doc_id}", "get", client.get(f"/api/documents/{doc}"))
        check(spec, "/api/refs/{doc_id}", "get", client.get(f"/api/refs/{doc}"))
    r = client.get("/api/status", headers={"host": "evil.example"})
    assert r.status_code == 400
    check(spec, "/api/status", "get", r)
    assert {("/api/search", 200), ("/api/search", 422), ("/api/search", 404), ("/api/duties", 404),
            ("/api/deadlines", 200), ("/api/deadlines", 400), ("/api/who", 422)} <= seen


def test_check_responses_match_their_schema(client: TestClient, spec: dict[str, Any]) -> None:
    def post(name: str, data: bytes, parent: str = SEED, **headers: str) -> Any:
        r = client.post("/api/check", data={"parent": parent}, headers=headers,
                        files={"file": (name, data, "application/octet-stream")})
        check(spec, "/api/check", "post", r)
        return r

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:body>" + "<w:p></w:p>" * 30_000 + "</w:body>")
    statuses = [
        post("a.png", PNG).status_code,
        post("a.txt", b"").status_code,
        post("a.txt", b"x" * 2_000_000).status_code,
        post("a.docx", buf.getvalue()).status_code,
        post("a.txt", b"Ke hoach", parent="khong-co").status_code,
        post("a.txt", b"Ke hoach", origin="http://evil.example").status_code,
        post("kh58.txt", DISTRICT_FILE.read_bytes()).status_code,
    ]
    assert statuses == [415, 422, 413, 413, 404, 403, 200]
    r = client.post("/api/check", data={})
    assert r.status_code == 422
    check(spec, "/api/check", "post", r)
