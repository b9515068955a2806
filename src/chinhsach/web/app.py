"""The FastAPI application behind ``chinhsach serve``.

Pages (Vietnamese): ``/`` search (with the who-is-responsible card for "ai chịu trách nhiệm
về …" questions), ``/documents`` and ``/documents/{doc_id}``, ``/units`` and ``/unit?name=``,
``/check`` (upload a plan, pick its parent, read and download the report).

JSON under ``/api/`` with the CLI's ``--json`` contracts; ``/openapi.json`` describes it.

Safety: document ids and unit names are looked up in the index, never joined to a path; an
upload is judged by its bytes, capped in size, written to a private temporary folder under a
name chosen here, and deleted as soon as the check is done; it never enters the index. Errors
show their one-line message, never a traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chinhsach import __version__
from chinhsach.answers.graph import build_graph
from chinhsach.answers.honesty import CorpusTerms, Verdict, judge
from chinhsach.answers.who import (
    duties_of,
    is_who_question,
    list_units,
    topic_of,
    unit_directory,
    who,
)
from chinhsach.errors import (
    BadIndexError,
    CheckCancelledError,
    ChinhsachError,
    InputError,
    InputTooLargeError,
    ModelNotFoundError,
    QueryError,
    UnknownDocumentError,
    UnknownUnitError,
    UnsupportedFileError,
)
from chinhsach.indexing import Index, store
from chinhsach.indexing.embed import Embedder, load_embedder
from chinhsach.model import Document, Hit
from chinhsach.present import render
from chinhsach.present.labels import label_of
from chinhsach.present.templates import render_page
from chinhsach.web import schemas
from chinhsach.web.checks import CheckRunner, ChecksBusyError
from chinhsach.web.downloads import is_named_unit
from chinhsach.web.downloads import router as downloads_router
from chinhsach.web.messages import (
    INVALID_VI,
    NOT_FOUND_PAGE_VI,
    SERVER_ERROR_VI,
    message_vi,
    public_detail,
)
from chinhsach.web.schemas import COMMON, errors
from chinhsach.web.uploads import UploadTooLargeError, display_name

log = logging.getLogger("chinhsach.web")

STATIC_DIR = Path(__file__).resolve().parent / "static"
_MEDIA_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon"}
MB = 1024 * 1024
# Multipart framing (boundaries, the parent field) on top of the file itself.
_FORM_OVERHEAD = 64 * 1024
SEARCH_POOL = 300  # hits fetched before the kind / unit / year filters pick k of them
REPORTS_KEPT = 20  # finished check reports kept in memory for viewing and download
SERVER_ERROR = "Lỗi máy chủ"
# Search filter: segments holding a target, a duty, or neither (module level: FastAPI resolves
# the postponed annotations of the endpoints against this module's names).
SearchKind = Literal["target", "duty", "other"]

_SECURITY_HEADERS = [
    # Every asset is served by the package: nothing may load from elsewhere.
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
     b"frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    # Not "no-referrer": under it a browser sends "Origin: null" with the app's own form posts,
    # which the same-origin check must refuse; "same-origin" still tells other sites nothing.
    (b"referrer-policy", b"same-origin"),
]
# The check report is a standalone page with its own inline <style>, shown in a sandboxed frame.
_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"

# --------------------------------------------------------------------------------------------
# The index, opened once and reopened when a build switches CURRENT
# --------------------------------------------------------------------------------------------


@dataclass
class Facts:
    """What the extraction found in one segment: a target, a duty, their units and years."""

    kinds: list[str] = field(default_factory=list)
    units: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)

    def as_dict(self) -> dict[str, Any]:
        return {"kinds": self.kinds, "units": sorted(self.units), "years": sorted(self.years)}


def segment_facts(documents: list[Document]) -> dict[str, Facts]:
    """segment id → Facts, from the targets and duties the index stored with each document."""
    out: dict[str, Facts] = {}
    for doc in documents:
        for t in doc.targets:
            if t.segment_id:
                f = out.setdefault(t.segment_id, Facts())
                if "target" not in f.kinds:
                    f.kinds.append("target")
                if t.year:
                    f.years.add(t.year)
        for d in doc.duties:
            for seg_id in d.segment_ids:  # a hit on any part of a long paragraph is the duty's
                f = out.setdefault(seg_id, Facts())
                if "duty" not in f.kinds:
                    f.kinds.append("duty")
                f.units.update(u.name for u in d.units if u.explicit)
                if d.deadline and d.deadline[:4].isdigit():
                    f.years.add(int(d.deadline[:4]))
    return out


class IndexHolder:
    """One opened :class:`Index` per app, reopened when the index's CURRENT generation changes.

    Every use holds one lock: the SQLite connection, faiss and the embedding model are shared.
    A use is short (a search, a lookup): plan checks take what they need and run without it.
    A new generation is opened outside the lock (seconds: faiss, BM25) and swapped in, so
    searches go on with the old generation while a build publishes the new one; the builder's
    ``build.lock`` is never taken here.
    """

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self._lock = threading.RLock()
        self._open_lock = threading.Lock()  # one opener at a time
        self._index: Index | None = None
        self._memo: dict[str, Any] = {}

    @contextlib.contextmanager
    def use(self) -> Iterator[Index]:
        live = store.current_generation(self.index_dir)  # raises if there is no index
        current = self._index
        if current is None or current.generation.name != live.name:
            # The first open is waited for; a newer generation is opened by one request while
            # the others keep answering from the generation they have.
            if self._open_lock.acquire(blocking=current is None):
                try:
                    current = self._index
                    if current is None or current.generation.name != live.name:
                        self._reopen(Index.open(self.index_dir))
                finally:
                    self._open_lock.release()
        with self._lock:
            assert self._index is not None
            yield self._index

    def _reopen(self, new: Index) -> None:
        with self._lock:
            self._swap(new)

    def _swap(self, new: Index) -> None:
        old, self._index = self._index, new
        self._memo = {}
        if old is not None:
            # Loading e5 takes seconds; a rebuild with the same model can keep the loaded one.
            if old.model_id == new.model_id and getattr(old, "_embedder", None) is not None:
                new._embedder = old._embedder
            old.close()
        log.info("index %s: generation %s", self.index_dir, new.generation.name)

    def memo(self, name: str, build: Callable[[Index], Any]) -> Any:
        """A value derived from the live generation (documents, facts, graph), built once."""
        with self.use() as idx:
            if name not in self._memo:
                self._memo[name] = build(idx)
            return self._memo[name]

    def passage_embedder(self, idx: Index) -> Embedder:
        """The index's model in its batch engine, for checks (hundreds of paragraphs at once).

        ``Index.embedder`` is the query engine, quick to start but slow on long batches; both
        engines give the same vectors and the same ``model_id``.
        """
        return load_embedder(idx.meta.get("model_path") or None)

    @property
    def generation(self) -> str | None:
        with self._lock:
            return self._index.generation.name if self._index is not None else None

    def warm(self) -> None:
        """Open the index and load the query model now, so the first search is quick."""
        with self.use() as idx:
            _ = idx.embedder

    def close(self) -> None:
        with self._lock:
            if self._index is not None:
                self._index.close()
                self._index = None


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


def status_of(exc: ChinhsachError) -> int:
    if isinstance(exc, UnknownDocumentError | UnknownUnitError):
        return 404
    if isinstance(exc, UploadTooLargeError | InputTooLargeError):
        return 413
    if isinstance(exc, ChecksBusyError):
        return 429
    if isinstance(exc, CheckCancelledError):
        return 503
    if isinstance(exc, UnsupportedFileError):
        return 415
    if isinstance(exc, InputError):
        return 422
    if isinstance(exc, BadIndexError | ModelNotFoundError):
        return 503  # the server's index or model, not the request, is at fault
    return 400  # QueryError and any other refusal


def _message(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _wants_json(request_path: str) -> bool:
    return request_path == "/api" or request_path.startswith("/api/")


_HEADINGS = {400: "Yêu cầu không hợp lệ", 403: "Không được phép", 404: "Không tìm thấy",
             413: "Tệp quá lớn", 415: "Loại tệp không được hỗ trợ",
             422: "Không đọc được nội dung", 429: "Máy chủ đang bận",
             503: "Tạm thời chưa phục vụ được", 500: SERVER_ERROR}
# English ``detail`` of the API for refusals the app raises with a Vietnamese text.
_DETAILS_EN = {400: "bad request", 403: "forbidden", 404: "not found",
               405: "method not allowed", 413: "request body too large",
               429: "too many plan checks", 500: "internal server error"}


def error_response(path: str, status: int, detail: str, message: str | None = None, *,
                   suggestions: list[str] | None = None, generation: str | None = None) -> Response:
    """The API's JSON ``{"detail": English, "message_vi": Vietnamese}``, or the error page
    (Vietnamese ``message``, never a path or an exception name)."""
    message = message or detail
    if _wants_json(path):
        body: dict[str, Any] = {"detail": detail, "message_vi": message}
        if suggestions:
            body["suggestions"] = suggestions
        return JSONResponse(body, status_code=status)
    page = render_page("error.html", status=status, heading=_HEADINGS.get(status, "Lỗi"),
                       message=message, suggestions=suggestions or [], back=None,
                       generation=generation, nav=None)
    return HTMLResponse(page, status_code=status)


LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def _host_name(value: str) -> str:
    """"127.0.0.1:8000" → "127.0.0.1", "[::1]:8000" → "::1", lower case."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].partition("]")[0]
    return value.rpartition(":")[0] if value.count(":") == 1 else value


def same_origin_refusal(headers: dict[bytes, bytes], method: str,
                        allowed_hosts: frozenset[str]) -> tuple[int, str, str] | None:
    """Why a request must be refused, or None.

    Host: a page of another site that makes its name resolve to 127.0.0.1 (DNS rebinding)
    reaches the server with its own name in Host: only the bound host and the loopback names
    (plus ``--allow-host``) are served. Origin/Referer on POST: a form on another site can post
    to this server from the user's browser; browsers send Origin (or at least Referer) with a
    cross-site post, and it must name this server. Clients that send neither (curl, scripts)
    are not browsers carrying someone else's intent, and are served.
    """
    host = headers.get(b"host", b"").decode("latin-1")
    if allowed_hosts and _host_name(host) not in allowed_hosts:
        return 400, "host not allowed", "Địa chỉ máy chủ trong yêu cầu không được phép."
    if method not in ("POST", "PUT", "PATCH", "DELETE"):
        return None
    source = headers.get(b"origin") or headers.get(b"referer")
    if source is None:
        return None
    parts = urlsplit(source.decode("latin-1"))
    if source == b"null" or parts.netloc.lower() != host.lower():
        return (403, "cross-origin request refused",
                "Yêu cầu gửi từ trang khác bị từ chối. Hãy mở trang kiểm tra của máy chủ này và gửi lại.")
    return None


CHECK_PATHS = frozenset({"/check", "/api/check"})
_HEAD_BYTES = 64 * 1024  # the multipart head looked at for the upload's first bytes


def upload_kind(head: bytes) -> str | None:
    """The kind of the first file part of a multipart body from its first bytes ("pdf",
    "docx", or "txt" for anything else, which only the text limit can admit), or None while
    they have not arrived."""
    at = head.find(b"; filename=")
    if at < 0:
        return None
    start = head.find(b"\r\n\r\n", at)
    if start < 0 or len(head) < start + 4 + 5:
        return None
    first = head[start + 4:start + 9]
    return "pdf" if first == b"%PDF-" else "docx" if first.startswith(b"PK\x03\x04") else "txt"


class _Guard:
    """ASGI middleware: security headers on every response, and the caps on request bodies.

    A body longer than the cap is refused while it arrives (413), so an oversized upload is
    never written out in full; a declared Content-Length above the cap is refused at once.
    On the check endpoints the upload's kind is read from its first bytes as they arrive: a
    text upload (a real plan is 15-50 KB) is held to ``text_limit``, so a 20 MB text file is
    refused after its first chunk (declared length) or its first 2 MB, not after the whole
    body has been received, parsed and decoded (1.26 s before).
    """

    def __init__(self, app: ASGIApp, max_body: int, limit_message: str,
                 allowed_hosts: frozenset[str] = frozenset(), text_limit: int | None = None,
                 text_message: str = "") -> None:
        self.app = app
        self.max_body = max_body
        self.limit_message = limit_message
        self.allowed_hosts = allowed_hosts
        self.text_limit = text_limit
        self.text_message = text_message

    def _message(self, cap: int) -> str:
        return self.limit_message if cap == self.max_body else self.text_message

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {h[0] for h in headers}  # a response may set its own policy (the report)
                headers += [h for h in _SECURITY_HEADERS if h[0] not in names]
                message = {**message, "headers": headers}
            await send(message)

        headers = dict(scope.get("headers", []))
        refusal = same_origin_refusal(headers, scope["method"], self.allowed_hosts)
        if refusal is not None:
            status, detail, message = refusal
            response = error_response(scope["path"], status, detail, message)
            await response(scope, receive, send_with_headers)
            return
        if scope["method"] in ("POST", "PUT", "PATCH"):
            declared = headers.get(b"content-length")
            if declared is not None and declared.isdigit() and int(declared) > self.max_body:
                response = error_response(scope["path"], 413, "request body too large",
                                          self.limit_message)
                await response(scope, receive, send_with_headers)
                return
            received = 0
            cap = self.max_body
            head = bytearray() if self.text_limit and scope["path"] in CHECK_PATHS else None
            total = int(declared) if declared is not None and declared.isdigit() else None

            async def limited_receive() -> Message:
                nonlocal received, cap, head
                message = await receive()
                if message["type"] == "http.request":
                    body = message.get("body", b"")
                    received += len(body)
                    if head is not None:
                        head += body[:_HEAD_BYTES - len(head)]
                        kind = upload_kind(bytes(head))
                        if kind is not None or len(head) >= _HEAD_BYTES:
                            head = None
                            if kind == "txt" and self.text_limit is not None:
                                cap = min(cap, self.text_limit + _FORM_OVERHEAD)
                                if total is not None and total > cap:
                                    raise HTTPException(413, self._message(cap))
                    if received > cap:
                        # FastAPI passes an HTTPException raised while reading the form through.
                        raise HTTPException(413, self._message(cap))
                return message

            await self.app(scope, limited_receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


# --------------------------------------------------------------------------------------------
# The application
# --------------------------------------------------------------------------------------------


def _public_document_row(row: dict[str, Any]) -> dict[str, Any]:
    # The server's file paths are none of the browser's business.
    return {k: v for k, v in row.items() if k != "path"}


def create_app(index_dir: str | Path | None = None, *, max_upload_mb: float = 20,
               allowed_hosts: Sequence[str] | None = None, check_running: int = 1,
               check_waiting: int = 1, check_timeout_s: float = 180.0) -> FastAPI:
    """The web application over ``index_dir`` (default: ``$CHINHSACH_INDEX`` or ``.chinhsach``).

    ``max_upload_mb`` caps the size of an uploaded plan. The index is opened on first use and
    reopened whenever a build publishes a new generation. ``allowed_hosts``: the Host names
    served besides the loopback names (the bound address; ``["*"]`` serves any). Plan checks:
    ``check_running`` at a time, ``check_waiting`` queued (beyond: 429), each stopped after
    ``check_timeout_s`` (:mod:`chinhsach.web.checks`).
    """
    if max_upload_mb <= 0:
        raise ValueError("max_upload_mb must be positive")
    holder = IndexHolder(store.resolve_index_dir(index_dir))
    hosts = frozenset(_host_name(h) for h in (allowed_hosts or ()))
    hosts = frozenset() if "*" in hosts else hosts | LOOPBACK_HOSTS
    checker = CheckRunner(running=check_running, waiting=check_waiting, timeout_s=check_timeout_s)
    max_upload = int(max_upload_mb * MB)
    limit_message = f"Tệp tải lên vượt quá giới hạn {max_upload_mb:g} MB."
    reports: OrderedDict[str, tuple[str, str]] = OrderedDict()  # token → (file name, html)
    reports_lock = threading.Lock()

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        checker.close()
        holder.close()

    app = FastAPI(
        lifespan=lifespan,
        title="chinhsach",
        version=__version__,
        description="Tra cứu văn bản chính sách: tìm kiếm, đơn vị chịu trách nhiệm, nhiệm vụ của "
                    "đơn vị, sơ đồ văn bản, kiểm tra kế hoạch. JSON contracts as `chinhsach … --json`.",
        docs_url=None,  # the Swagger and ReDoc pages load their scripts from a CDN
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.indexes = holder
    app.state.max_upload_mb = max_upload_mb
    app.state.checks = checker
    text_limit = checker.file_limits.max_text_bytes
    app.add_middleware(_Guard, max_body=max_upload + _FORM_OVERHEAD, limit_message=limit_message,
                       allowed_hosts=hosts, text_limit=text_limit,
                       text_message=f"Tệp văn bản thuần vượt quá giới hạn {text_limit / MB:g} MB "
                                    "(một kế hoạch thường chỉ vài chục KB chữ). Nếu là PDF hay "
                                    "DOCX, hãy tải lên đúng tệp đó.")
    # The package's assets, read once: a request names one of them, it never names a file.
    assets = {p.name: (p.read_bytes(), _MEDIA_TYPES.get(p.suffix, "application/octet-stream"))
              for p in sorted(STATIC_DIR.iterdir()) if p.is_file()}

    @app.get("/static/{name}", include_in_schema=False)
    def static_asset(name: str) -> Response:
        if name not in assets:
            raise HTTPException(404, NOT_FOUND_PAGE_VI)
        body, media_type = assets[name]
        return Response(body, media_type=media_type, headers={"cache-control": "no-cache"})

    # -- errors ------------------------------------------------------------------------------

    @app.exception_handler(ChinhsachError)
    async def _library_error(request: Request, exc: ChinhsachError) -> Response:
        suggestions = exc.suggestions if isinstance(exc, UnknownUnitError) else None
        if isinstance(exc, BadIndexError | ModelNotFoundError):
            log.error("index unavailable: %s", _message(exc))
        response = error_response(request.url.path, status_of(exc), public_detail(exc),
                                  message_vi(exc), suggestions=suggestions,
                                  generation=holder.generation)
        if isinstance(exc, ChecksBusyError):
            response.headers["retry-after"] = "30"
        return response

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        vi = str(exc.detail) if exc.detail not in ("Not Found", "Method Not Allowed") else (
            NOT_FOUND_PAGE_VI if exc.status_code == 404 else "Trang này không nhận kiểu yêu cầu đó.")
        detail = _DETAILS_EN.get(exc.status_code, "error")
        response = error_response(request.url.path, exc.status_code, detail, vi,
                                  generation=holder.generation)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request.url.path):
            # FastAPI's own body (``detail``: the English list of what is wrong) plus the
            # Vietnamese sentence every error of the API carries.
            response = await request_validation_exception_handler(request, exc)
            body = json.loads(bytes(response.body))
            body["message_vi"] = INVALID_VI
            return JSONResponse(body, status_code=response.status_code)
        return error_response(request.url.path, 422, "invalid request", INVALID_VI,
                              generation=holder.generation)

    @app.exception_handler(Exception)
    async def _server_error(request: Request, exc: Exception) -> Response:
        log.error("error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(request.url.path, 500, "internal server error", SERVER_ERROR_VI)

    # -- shared operations (the same for the pages and the API) ------------------------------

    def documents() -> list[dict[str, Any]]:
        return holder.memo("documents", lambda idx: [_public_document_row(r) for r in idx.documents()])

    def facts() -> dict[str, Facts]:
        return holder.memo("facts", lambda idx: segment_facts(idx.all_documents()))

    def graph() -> Any:
        def build(idx: Index) -> Any:
            return build_graph(idx.all_documents())

        return holder.memo("graph", build)

    def units() -> list[dict[str, Any]]:
        return holder.memo("units", list_units)

    def resolve_doc_id(idx: Index, spec: str) -> str:
        known = {d["doc_id"] for d in documents()}
        return spec if spec in known else idx.document(spec).doc_id  # ids, else numbers

    def corpus_terms() -> CorpusTerms:
        return holder.memo("corpus_terms", CorpusTerms.of)

    def search(q: str, k: int, doc: list[str] | None, kind: str | None, unit: str | None,
               year: int | None) -> list[Hit]:
        """The hits worth showing: none when the index has nothing on ``q``
        (:mod:`chinhsach.answers.honesty`)."""
        return search_verdict(q, k, doc, kind, unit, year).hits

    def search_verdict(q: str, k: int, doc: list[str] | None, kind: str | None,
                       unit: str | None, year: int | None) -> Verdict:
        hits = raw_search(q, k, doc, kind, unit, year)
        with holder.use() as idx:
            return judge(idx, corpus_terms(), q, hits)

    def raw_search(q: str, k: int, doc: list[str] | None, kind: str | None, unit: str | None,
                   year: int | None) -> list[Hit]:
        with holder.use() as idx:
            doc_ids = [resolve_doc_id(idx, d) for d in doc] if doc else None
            names = set(unit_directory(idx).resolve(unit)) if unit else None
            filtered = bool(kind or names or year)
            hits = idx.search(q, k=SEARCH_POOL if filtered else k, doc_ids=doc_ids)
        if filtered:
            seg_facts = facts()

            def keep(h: Hit) -> bool:
                f = seg_facts.get(h.segment_id) or Facts()
                if kind and (kind not in f.kinds if kind != "other" else bool(f.kinds)):
                    return False
                if names and not (names & f.units):
                    return False
                return not (year and year not in f.years)

            hits = [h for h in hits if keep(h)]
        return hits[:k]

    def who_answer(q: str, k: int) -> list[Any] | None:
        """The who-is-responsible rows, or none when the topic the question names is one the
        index has nothing on (judged like a search for the topic alone): "ai chịu trách nhiệm
        về bóng đá" gets no card rather than the units of the nearest duty."""
        topic = topic_of(q)
        verdict = search_verdict(topic, 20, None, None, None, None)
        if not verdict.hits:
            return None
        with holder.use() as idx:
            return who(idx, q, k=k)

    async def run_check(request: Request, data: bytes, filename: str | None, parent: str) -> Any:
        """Check the upload against ``parent``: the parent and the model are taken under the
        index lock, the check runs without it (searches go on) in the bounded runner."""
        with holder.use() as idx:
            parent_doc = idx.document(parent)  # unknown parent: 404 before any parsing
            model_path = idx.meta.get("model_path") or None
        await checker.precheck(data, filename)  # sizes inside the file: refused in milliseconds
        return await checker.run(data, filename, parent_doc, lambda: load_embedder(model_path),
                                 request.is_disconnected, prechecked=True)

    async def read_upload(file: UploadFile) -> bytes:
        data = await file.read(max_upload + 1)
        if len(data) > max_upload:
            raise UploadTooLargeError(limit_message)
        return data

    def keep_report(name: str, html: str) -> str:
        token = secrets.token_urlsafe(16)
        with reports_lock:
            reports[token] = (name, html)
            while len(reports) > REPORTS_KEPT:
                reports.popitem(last=False)
        return token

    def page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
        # Documents are named by their number (58-KH/HU), else their title, on every page.
        context.setdefault("titles", {d["doc_id"]: label_of(d) for d in documents()})
        context.setdefault("generation", holder.generation)
        return HTMLResponse(render_page(template, **context), status_code=status)

    # -- JSON API ------------------------------------------------------------------------------

    @app.get("/api/status", tags=["api"], summary="The index being served",
             response_model=schemas.Status, response_model_exclude_unset=True,
             responses=errors(*COMMON))
    def api_status() -> dict[str, Any]:
        docs = documents()
        return {"generation": holder.generation,
                "documents": len(docs), "version": __version__,
                "max_upload_mb": max_upload_mb}

    @app.get("/api/search", tags=["api"], summary="Search (hits as `chinhsach search --json`)",
             description="An empty list when the index has nothing on the query (no hit covers "
                         "the query's words, or most of them are unknown to the corpus).",
             response_model=list[schemas.SearchHit], response_model_exclude_unset=True,
             responses=errors(*COMMON, 404, 422))
    def api_search(
        q: Annotated[str, Query(min_length=1, max_length=1000, description="With or without diacritics")],
        k: Annotated[int, Query(ge=1, le=100)] = 10,
        doc: Annotated[list[str] | None, Query(description="Document ids or numbers")] = None,
        kind: Annotated[SearchKind | None, Query(description="Segments holding a target, a duty, or neither")] = None,
        unit: Annotated[str | None, Query(description="Segments whose duty names this unit")] = None,
        year: Annotated[int | None, Query(ge=1900, le=2200, description="Target year or deadline year")] = None,
    ) -> list[dict[str, Any]]:
        return [h.to_dict() for h in search(q, k, doc, kind, unit, year)]

    @app.get("/api/who", tags=["api"], summary="Who is responsible (as `chinhsach who --json`)",
             description="An empty list when the question's topic is something the index has "
                         "nothing on (the search's “không tìm thấy” rules applied to the topic).",
             response_model=list[schemas.WhoAnswer], response_model_exclude_unset=True,
             responses=errors(*COMMON, 422))
    def api_who(q: Annotated[str, Query(min_length=1, max_length=1000)],
                k: Annotated[int, Query(ge=1, le=100)] = 8) -> list[dict[str, Any]]:
        return [r.to_dict() for r in who_answer(q, k) or []]

    @app.get("/api/duties", tags=["api"], summary="Duties of a unit (as `chinhsach duties --json`)",
             response_model=dict[str, list[schemas.UnitDutyOut]], response_model_exclude_unset=True,
             responses=errors(*COMMON, 404, 422))
    def api_duties(unit: Annotated[str, Query(min_length=1, max_length=300)],
                   all: Annotated[bool, Query(description="Also plan-wide assignments")] = False,
                   ) -> dict[str, list[dict[str, Any]]]:
        with holder.use() as idx:
            grouped = duties_of(idx, unit, include_inherited=all)
        return {doc: [d.to_dict() for d in ds] for doc, ds in grouped.items()}

    @app.get("/api/units", tags=["api"], summary="Units named in duties (as `chinhsach units --json`)",
             response_model=list[schemas.UnitRow], response_model_exclude_unset=True,
             responses=errors(*COMMON))
    def api_units() -> list[dict[str, Any]]:
        return units()

    @app.get("/api/documents", tags=["api"], summary="Indexed documents (metadata)",
             response_model=list[schemas.DocumentRow], response_model_exclude_unset=True,
             responses=errors(*COMMON))
    def api_documents() -> list[dict[str, Any]]:
        return documents()

    @app.get("/api/documents/{doc_id:path}", tags=["api"],
             summary="One document (as `chinhsach parse --json`), by id or number",
             response_model=schemas.DocumentOut, response_model_exclude_unset=True,
             responses=errors(*COMMON, 404, 422))
    def api_document(doc_id: str) -> dict[str, Any]:
        with holder.use() as idx:
            return idx.document(doc_id).to_dict()

    @app.get("/api/refs/{doc_id:path}", tags=["api"],
             summary="What a document cites and what cites it (as `chinhsach refs --json`)",
             response_model=schemas.Refs, response_model_exclude_unset=True,
             responses=errors(*COMMON, 404, 422))
    def api_refs(doc_id: str) -> dict[str, Any]:
        return graph().refs(doc_id)

    @app.get("/api/graph", tags=["api"], summary="The document graph (as `chinhsach graph --format json`)",
             response_model=schemas.Graph, response_model_exclude_unset=True,
             responses=errors(*COMMON))
    def api_graph() -> dict[str, Any]:
        return graph().to_json()

    @app.post("/api/check", tags=["api"],
              summary="Check an uploaded plan against its parent (as `chinhsach check --json`)",
              response_model=schemas.CheckReportOut, response_model_exclude_unset=True,
              responses=errors(*COMMON, 403, 404, 413, 415, 422, 429))
    async def api_check(request: Request,
                        file: Annotated[UploadFile, File(description="PDF, DOCX or TXT")],
                        parent: Annotated[str, Form(min_length=1, max_length=300)]) -> dict[str, Any]:
        data = await read_upload(file)
        report = await run_check(request, data, file.filename, parent)
        return report.to_dict()

    # -- pages ---------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        q: Annotated[str, Query(max_length=1000)] = "",
        doc: str = "", kind: str = "", unit: str = "", year: str = "",
    ) -> HTMLResponse:
        q = q.strip()
        kind_ = kind if kind in render.FACT_KIND_VI else None
        year_ = int(year) if year.isdigit() else None
        docs = documents()
        hits: list[Hit] = []
        answer = None
        words: frozenset[str] = frozenset()
        not_found = ""
        if q:
            verdict = search_verdict(q, 20, [doc] if doc else None, kind_, unit or None, year_)
            hits = verdict.hits
            if verdict.reason == "unknown_words" and verdict.unknown:
                not_found = ("Kho văn bản không có từ " + ", ".join(f"«{w}»" for w in verdict.unknown[:5])
                             + ". Hãy thử từ khác hoặc kiểm tra chính tả.")
            elif not hits:
                not_found = "Không có đoạn văn bản nào nói về nội dung này. Hãy thử từ khóa khác."
            with holder.use() as idx:
                words = render.query_words(idx.prepare(q).restored)
            if is_who_question(q):
                with contextlib.suppress(QueryError):
                    answer = who_answer(q, 8)  # "ai?" names no topic: no card
        seg_facts = facts()
        years = sorted({y for f in seg_facts.values() for y in f.years})
        return page("search.html", nav="search", q=q, doc=doc, kind=kind_ or "", unit=unit,
                    year=year_, documents=docs, kinds=render.FACT_KIND_VI,
                    units=sorted(u["unit"] for u in units() if is_named_unit(u["unit"])),
                    years=years, hits=hits,
                    facts={h.segment_id: seg_facts[h.segment_id].as_dict() for h in hits
                           if h.segment_id in seg_facts},
                    who=answer, topic=topic_of(q) if answer is not None else "", words=words,
                    not_found=not_found)

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page() -> HTMLResponse:
        return page("documents.html", nav="documents", documents=documents(),
                    graph=render.full_graph_svg(graph().to_json()))

    @app.get("/documents/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(doc_id: str) -> HTMLResponse:
        with holder.use() as idx:
            doc = idx.document(doc_id)
        refs = graph().refs(doc.doc_id)
        loose, tree = render.outline(doc)
        return page("document.html", nav="documents", doc=doc, loose=loose, tree=tree, refs=refs,
                    refs_svg=render.refs_svg(refs))

    @app.get("/units", response_class=HTMLResponse, include_in_schema=False)
    def units_page() -> HTMLResponse:
        return page("units.html", nav="units", units=units())

    @app.get("/unit", response_class=HTMLResponse, include_in_schema=False)
    def unit_page(name: Annotated[str, Query(max_length=300)] = "", all: str = "") -> Response:
        if not name.strip():
            return RedirectResponse("/units", status_code=303)  # no unit named: the list
        include = all.lower() in ("1", "true", "yes", "on")
        with holder.use() as idx:
            names = unit_directory(idx).resolve(name)
            grouped = duties_of(idx, name, include_inherited=include)
        today = dt.date.today()
        rows = render.unit_duty_rows(grouped, today)
        return page("unit.html", nav="units", name=name, names=names, rows=rows,
                    n_docs=len(grouped), include_inherited=include, today=today.isoformat())

    def check_context(**extra: Any) -> dict[str, Any]:
        docs = documents()
        # Plans are checked against a plan that carries targets; the seed is the usual parent.
        default = next((d["doc_id"] for d in docs if d["doc_id"].startswith("sonla")),
                       docs[0]["doc_id"] if docs else "")
        ctx: dict[str, Any] = {"nav": "check", "documents": docs, "parent": default,
                               "max_mb": f"{max_upload_mb:g}", "error": None, "summary": None,
                               "token": None, "child_label": "", "parent_label": ""}
        ctx.update(extra)
        return ctx

    @app.get("/check", response_class=HTMLResponse, include_in_schema=False)
    def check_page() -> HTMLResponse:
        return page("check.html", **check_context())

    @app.post("/check", response_class=HTMLResponse, include_in_schema=False)
    async def check_submit(request: Request, file: Annotated[UploadFile, File()],
                           parent: Annotated[str, Form(min_length=1, max_length=300)]) -> HTMLResponse:
        try:
            data = await read_upload(file)
            report = await run_check(request, data, file.filename, parent)
        except (InputError, UploadTooLargeError, UnknownDocumentError, QueryError,
                ChecksBusyError, CheckCancelledError) as exc:
            # Refusals of the upload are shown on the form, with the form ready again.
            response = page("check.html", status=status_of(exc),
                            **check_context(error=message_vi(exc), parent=parent))
            if isinstance(exc, ChecksBusyError):
                response.headers["retry-after"] = "30"
            return response
        name = re.sub(r"[^A-Za-z0-9._-]+", "-", f"kiem-tra-{report.child.doc_id}.html")
        token = keep_report(name, report.to_html())
        return page("check.html", **check_context(
            parent=report.parent.doc_id, summary=report.summary(), token=token,
            child_label=f"{display_name(file.filename)}",
            parent_label=label_of({"type": report.parent.meta.type, "number": report.parent.meta.number,
                                   "date": report.parent.meta.date, "title": report.parent.title})))

    @app.get("/check/report/{token}", include_in_schema=False)
    def check_report(token: str, download: str = "") -> HTMLResponse:
        with reports_lock:
            found = reports.get(token)  # a lookup in memory, never a file
        if found is None:
            raise HTTPException(404, "Báo cáo không còn trên máy chủ; hãy kiểm tra lại kế hoạch.")
        name, html = found
        headers = {"content-security-policy": _REPORT_CSP}
        if download:
            headers["content-disposition"] = f'attachment; filename="{name}"'
        return HTMLResponse(html, headers=headers)

    app.include_router(downloads_router)  # exports and the "Thời hạn" page (web/downloads.py)
    return app


__all__ = ["Facts", "IndexHolder", "create_app", "is_who_question", "segment_facts", "status_of"]
