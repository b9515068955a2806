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
import logging
import re
import secrets
import tempfile
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chinhsach import __version__
from chinhsach.answers.who import duties_of, list_units, topic_of, unit_directory, who
from chinhsach.errors import (
    BadIndexError,
    ChinhsachError,
    InputError,
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
from chinhsach.present.templates import render_page
from chinhsach.text.normalize import fold
from chinhsach.web.downloads import router as downloads_router
from chinhsach.web.uploads import UploadTooLargeError, display_name, sniff, upload_doc_id

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
    (b"referrer-policy", b"no-referrer"),
]
# The check report is a standalone page with its own inline <style>, shown in a sandboxed frame.
_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"

# A who-question: "ai chịu trách nhiệm …", "đơn vị nào …", "… do ai phụ trách?" (folded).
_WHO_QUESTION = re.compile(
    r"^\s*ai\b|\b(?:don vi|co quan|ben|cap|so|phong|ban|nganh) nao\b|\b(?:la|do|thuoc|cua) ai\b"
)


def is_who_question(text: str) -> bool:
    """Does the search box hold a who-is-responsible question (rather than keywords)?"""
    return bool(_WHO_QUESTION.search(fold(text).lower()))


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
            if d.segment_id:
                f = out.setdefault(d.segment_id, Facts())
                if "duty" not in f.kinds:
                    f.kinds.append("duty")
                f.units.update(u.name for u in d.units if u.explicit)
                if d.deadline and d.deadline[:4].isdigit():
                    f.years.add(int(d.deadline[:4]))
    return out


class IndexHolder:
    """One opened :class:`Index` per app, reopened when the index's CURRENT generation changes.

    Every use holds one lock: the SQLite connection, faiss and the embedding model are shared,
    and a local application serves one person at a time anyway.
    """

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self._lock = threading.RLock()
        self._index: Index | None = None
        self._memo: dict[str, Any] = {}

    @contextlib.contextmanager
    def use(self) -> Iterator[Index]:
        with self._lock:
            live = store.current_generation(self.index_dir)  # raises if there is no index
            if self._index is None or self._index.generation.name != live.name:
                self._reopen()
            assert self._index is not None
            yield self._index

    def _reopen(self) -> None:
        new = Index.open(self.index_dir)
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
    if isinstance(exc, UploadTooLargeError):
        return 413
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


_HEADINGS = {400: "Yêu cầu không hợp lệ", 404: "Không tìm thấy", 413: "Tệp quá lớn",
             415: "Loại tệp không được hỗ trợ", 422: "Không đọc được nội dung",
             503: "Chỉ mục chưa sẵn sàng", 500: SERVER_ERROR}


def error_response(path: str, status: int, message: str, *, suggestions: list[str] | None = None,
                   generation: str | None = None) -> Response:
    if _wants_json(path):
        body: dict[str, Any] = {"detail": message}
        if suggestions:
            body["suggestions"] = suggestions
        return JSONResponse(body, status_code=status)
    page = render_page("error.html", status=status, heading=_HEADINGS.get(status, "Lỗi"),
                       message=message, suggestions=suggestions or [], back=None,
                       generation=generation, nav=None)
    return HTMLResponse(page, status_code=status)


class _Guard:
    """ASGI middleware: security headers on every response, and the cap on request bodies.

    A body longer than the cap is refused while it arrives (413), so an oversized upload is
    never written out in full; a declared Content-Length above the cap is refused at once.
    """

    def __init__(self, app: ASGIApp, max_body: int, limit_message: str) -> None:
        self.app = app
        self.max_body = max_body
        self.limit_message = limit_message

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

        if scope["method"] in ("POST", "PUT", "PATCH"):
            declared = dict(scope.get("headers", [])).get(b"content-length")
            if declared is not None and declared.isdigit() and int(declared) > self.max_body:
                response = error_response(scope["path"], 413, self.limit_message)
                await response(scope, receive, send_with_headers)
                return
            received = 0

            async def limited_receive() -> Message:
                nonlocal received
                message = await receive()
                if message["type"] == "http.request":
                    received += len(message.get("body", b""))
                    if received > self.max_body:
                        # FastAPI passes an HTTPException raised while reading the form through.
                        raise HTTPException(413, self.limit_message)
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


def create_app(index_dir: str | Path | None = None, *, max_upload_mb: float = 20) -> FastAPI:
    """The web application over ``index_dir`` (default: ``$CHINHSACH_INDEX`` or ``.chinhsach``).

    ``max_upload_mb`` caps the size of an uploaded plan. The index is opened on first use and
    reopened whenever a build publishes a new generation.
    """
    if max_upload_mb <= 0:
        raise ValueError("max_upload_mb must be positive")
    holder = IndexHolder(store.resolve_index_dir(index_dir))
    max_upload = int(max_upload_mb * MB)
    limit_message = f"Tệp tải lên vượt quá giới hạn {max_upload_mb:g} MB."
    reports: OrderedDict[str, tuple[str, str]] = OrderedDict()  # token → (file name, html)
    reports_lock = threading.Lock()

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
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
    app.add_middleware(_Guard, max_body=max_upload + _FORM_OVERHEAD, limit_message=limit_message)
    # The package's assets, read once: a request names one of them, it never names a file.
    assets = {p.name: (p.read_bytes(), _MEDIA_TYPES.get(p.suffix, "application/octet-stream"))
              for p in sorted(STATIC_DIR.iterdir()) if p.is_file()}

    @app.get("/static/{name}", include_in_schema=False)
    def static_asset(name: str) -> Response:
        if name not in assets:
            raise HTTPException(404, "Không có tệp này.")
        body, media_type = assets[name]
        return Response(body, media_type=media_type, headers={"cache-control": "no-cache"})

    # -- errors ------------------------------------------------------------------------------

    @app.exception_handler(ChinhsachError)
    async def _library_error(request: Request, exc: ChinhsachError) -> Response:
        suggestions = exc.suggestions if isinstance(exc, UnknownUnitError) else None
        return error_response(request.url.path, status_of(exc), _message(exc),
                              suggestions=suggestions, generation=holder.generation)

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        message = str(exc.detail) if exc.status_code != 404 or exc.detail != "Not Found" \
            else "Không có trang này."
        response = error_response(request.url.path, exc.status_code, message,
                                  generation=holder.generation)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request.url.path):
            return await request_validation_exception_handler(request, exc)
        fields = ", ".join(str(e.get("loc", ["?"])[-1]) for e in exc.errors())
        return error_response(request.url.path, 422, f"Thiếu hoặc sai tham số: {fields}.",
                              generation=holder.generation)

    @app.exception_handler(Exception)
    async def _server_error(request: Request, exc: Exception) -> Response:
        log.error("error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(request.url.path, 500, SERVER_ERROR)

    # -- shared operations (the same for the pages and the API) ------------------------------

    def documents() -> list[dict[str, Any]]:
        return holder.memo("documents", lambda idx: [_public_document_row(r) for r in idx.documents()])

    def facts() -> dict[str, Facts]:
        return holder.memo("facts", lambda idx: segment_facts(idx.all_documents()))

    def graph() -> Any:
        def build(idx: Index) -> Any:
            from chinhsach.answers.graph import build_graph

            return build_graph(idx.all_documents())

        return holder.memo("graph", build)

    def units() -> list[dict[str, Any]]:
        return holder.memo("units", list_units)

    def resolve_doc_id(idx: Index, spec: str) -> str:
        known = {d["doc_id"] for d in documents()}
        return spec if spec in known else idx.document(spec).doc_id  # ids, else numbers

    def search(q: str, k: int, doc: list[str] | None, kind: str | None, unit: str | None,
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

    def run_check(data: bytes, filename: str | None, parent: str) -> Any:
        """Parse the upload in a private temporary folder, check it against ``parent``."""
        from chinhsach.answers.check import check_plan
        from chinhsach.pipeline import parse

        kind = sniff(data, filename)
        label = display_name(filename)
        with holder.use() as idx:
            parent_doc = idx.document(parent)  # unknown parent: 404 before any parsing
        with tempfile.TemporaryDirectory(prefix="chinhsach-upload-") as tmp:
            path = Path(tmp) / f"upload.{kind}"  # our name, never the browser's
            path.write_bytes(data)
            try:
                child = parse(path, doc_id=upload_doc_id(filename))
            except InputError as exc:
                # The message would name the temporary file; name the upload instead.
                raise type(exc)(label, exc.reason) from None
        # The folder and the file are gone here; the check works on the parsed Document.
        with holder.use() as idx:
            return check_plan(child, parent_doc, embedder=holder.passage_embedder(idx))

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
        context.setdefault("titles", {d["doc_id"]: d["number"] or d["title"] for d in documents()})
        context.setdefault("generation", holder.generation)
        return HTMLResponse(render_page(template, **context), status_code=status)

    # -- JSON API ------------------------------------------------------------------------------

    @app.get("/api/status", tags=["api"], summary="The index being served")
    def api_status() -> dict[str, Any]:
        docs = documents()
        return {"index": str(holder.index_dir), "generation": holder.generation,
                "documents": len(docs), "version": __version__,
                "max_upload_mb": max_upload_mb}

    @app.get("/api/search", tags=["api"], summary="Search (hits as `chinhsach search --json`)")
    def api_search(
        q: Annotated[str, Query(min_length=1, max_length=1000, description="With or without diacritics")],
        k: Annotated[int, Query(ge=1, le=100)] = 10,
        doc: Annotated[list[str] | None, Query(description="Document ids or numbers")] = None,
        kind: Annotated[SearchKind | None, Query(description="Segments holding a target, a duty, or neither")] = None,
        unit: Annotated[str | None, Query(description="Segments whose duty names this unit")] = None,
        year: Annotated[int | None, Query(ge=1900, le=2200, description="Target year or deadline year")] = None,
    ) -> list[dict[str, Any]]:
        return [h.to_dict() for h in search(q, k, doc, kind, unit, year)]

    @app.get("/api/who", tags=["api"], summary="Who is responsible (as `chinhsach who --json`)")
    def api_who(q: Annotated[str, Query(min_length=1, max_length=1000)],
                k: Annotated[int, Query(ge=1, le=100)] = 8) -> list[dict[str, Any]]:
        with holder.use() as idx:
            return [r.to_dict() for r in who(idx, q, k=k)]

    @app.get("/api/duties", tags=["api"], summary="Duties of a unit (as `chinhsach duties --json`)")
    def api_duties(unit: Annotated[str, Query(min_length=1, max_length=300)],
                   all: Annotated[bool, Query(description="Also plan-wide assignments")] = False,
                   ) -> dict[str, list[dict[str, Any]]]:
        with holder.use() as idx:
            grouped = duties_of(idx, unit, include_inherited=all)
        return {doc: [d.to_dict() for d in ds] for doc, ds in grouped.items()}

    @app.get("/api/units", tags=["api"], summary="Units named in duties (as `chinhsach units --json`)")
    def api_units() -> list[dict[str, Any]]:
        return units()

    @app.get("/api/documents", tags=["api"], summary="Indexed documents (metadata)")
    def api_documents() -> list[dict[str, Any]]:
        return documents()

    @app.get("/api/documents/{doc_id:path}", tags=["api"],
             summary="One document (as `chinhsach parse --json`), by id or number")
    def api_document(doc_id: str) -> dict[str, Any]:
        with holder.use() as idx:
            return idx.document(doc_id).to_dict()

    @app.get("/api/refs/{doc_id:path}", tags=["api"],
             summary="What a document cites and what cites it (as `chinhsach refs --json`)")
    def api_refs(doc_id: str) -> dict[str, Any]:
        return graph().refs(doc_id)

    @app.get("/api/graph", tags=["api"], summary="The document graph (as `chinhsach graph --format json`)")
    def api_graph() -> dict[str, Any]:
        return graph().to_json()

    @app.post("/api/check", tags=["api"],
              summary="Check an uploaded plan against its parent (as `chinhsach check --json`)")
    async def api_check(file: Annotated[UploadFile, File(description="PDF, DOCX or TXT")],
                        parent: Annotated[str, Form(min_length=1, max_length=300)]) -> dict[str, Any]:
        data = await read_upload(file)
        report = await run_in_threadpool(run_check, data, file.filename, parent)
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
        if q:
            hits = search(q, 20, [doc] if doc else None, kind_, unit or None, year_)
            with holder.use() as idx:
                words = render.query_words(idx.prepare(q).restored)
                if is_who_question(q):
                    with contextlib.suppress(QueryError):
                        answer = who(idx, q, k=8)  # "ai?" names no topic: no card
        seg_facts = facts()
        years = sorted({y for f in seg_facts.values() for y in f.years})
        return page("search.html", nav="search", q=q, doc=doc, kind=kind_ or "", unit=unit,
                    year=year_, documents=docs, kinds=render.FACT_KIND_VI,
                    units=sorted(u["unit"] for u in units()), years=years, hits=hits,
                    facts={h.segment_id: seg_facts[h.segment_id].as_dict() for h in hits
                           if h.segment_id in seg_facts},
                    who=answer, topic=topic_of(q) if answer is not None else "", words=words)

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
    def unit_page(name: Annotated[str, Query(min_length=1, max_length=300)],
                  all: str = "") -> HTMLResponse:
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
    async def check_submit(file: Annotated[UploadFile, File()],
                           parent: Annotated[str, Form(min_length=1, max_length=300)]) -> HTMLResponse:
        try:
            data = await read_upload(file)
            report = await run_in_threadpool(run_check, data, file.filename, parent)
        except (InputError, UploadTooLargeError, UnknownDocumentError, QueryError) as exc:
            # Refusals of the upload are shown on the form, with the form ready again.
            return page("check.html", status=status_of(exc),
                        **check_context(error=_message(exc), parent=parent))
        name = re.sub(r"[^A-Za-z0-9._-]+", "-", f"kiem-tra-{report.child.doc_id}.html")
        token = keep_report(name, report.to_html())
        return page("check.html", **check_context(
            parent=report.parent.doc_id, summary=report.summary(), token=token,
            child_label=f"{display_name(file.filename)}",
            parent_label=report.parent.meta.number or report.parent.doc_id))

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
