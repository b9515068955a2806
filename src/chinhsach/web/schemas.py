"""Response models of the JSON API: what ``/openapi.json`` promises, status by status.

The models follow the CLI's ``--json`` contracts (the library's ``to_dict``); nested records
that carry many optional fields (a parsed document, a check report's targets) name the fields a
client relies on and allow the rest (``extra="allow"``), so the schema describes them without
freezing every field of the library's dataclasses.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorBody(BaseModel):
    """Every refusal and error of the API."""

    detail: str = Field(description="One line in English, no server paths")
    message_vi: str = Field(description="The same in Vietnamese, for people")
    suggestions: list[str] | None = Field(default=None, description="Closest known unit names (404 on units)")


class ValidationErrorItem(_Open):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorBody(BaseModel):
    """422 of invalid parameters: FastAPI's list of what is wrong (English), and Vietnamese."""

    detail: list[ValidationErrorItem]
    message_vi: str = Field(description="In Vietnamese, for people")


class UploadErrorBody(BaseModel):
    """422 of the check: an unreadable upload (``detail`` a string, with ``message_vi``) or
    missing form fields (``detail`` a list, FastAPI's validation errors)."""

    detail: str | list[ValidationErrorItem]
    message_vi: str = Field(description="In Vietnamese, for people")


class Status(BaseModel):
    generation: str | None = Field(description="The index generation served (gen-000007)")
    documents: int
    version: str
    max_upload_mb: float


class SearchHit(BaseModel):
    doc_id: str
    title: str | None
    section: str | None
    kind: str
    text: str
    score: float
    page: int | None
    line: int | None
    heading_path: list[str]
    topic: str | None


class WhoEvidence(BaseModel):
    doc_id: str
    section: str | None
    text: str
    # "meaning": closest in meaning to the question, no words in common (absent: names the topic)
    match: str = "words"


class WhoAnswer(BaseModel):
    unit: str
    role: str
    explicit: bool
    evidence: list[WhoEvidence]
    score: float
    note: str | None = None


class UnitDutyOut(BaseModel):
    unit: str
    role: str
    doc_id: str
    section: str | None
    text: str
    deadline: str | None
    recurring: str | None
    deadline_text: str | None
    explicit: bool


class UnitRow(_Open):
    unit: str
    duties: int
    roles: dict[str, int]
    documents: list[str]


class DocumentRow(BaseModel):
    doc_id: str
    title: str | None
    type: str | None
    number: str | None
    date: str | None
    issuer: str | None
    place: str | None
    signer: str | None


class DocumentOut(_Open):
    """A parsed document (as ``chinhsach parse --json``): metadata, outline, segments, targets,
    duties, citations, warnings."""

    doc_id: str
    title: str | None = None


class GraphNode(_Open):
    key: str
    label: str | None = None
    number: str | None = None
    doc_id: str | None = None
    external: bool
    level: int


class GraphEdge(_Open):
    source: str
    target: str
    kind: str
    date: str | None = None
    sections: list[str | None] = []


class Graph(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class RefEntry(GraphNode):
    kind: str  # type: ignore[assignment]
    sections: list[str | None] = []


class Refs(BaseModel):
    document: GraphNode
    cites: list[RefEntry]
    cited_by: list[RefEntry]


class CheckSide(BaseModel):
    doc_id: str
    number: str | None


class CheckTarget(_Open):
    parent: dict[str, Any]
    child: dict[str, Any] | None
    status: str


class CheckDuty(BaseModel):
    parent_section: str | None
    parent_text: str
    child_section: str | None
    child_text: str | None
    status: str
    score: float


class CheckAdded(_Open):
    kind: str
    section: str | None
    text: str


class CheckSummary(BaseModel):
    targets: dict[str, int]
    duties: dict[str, int]
    added: dict[str, int]
    warnings: int


class CheckReportOut(BaseModel):
    """As ``chinhsach check --json``."""

    parent: CheckSide
    child: CheckSide
    targets: list[CheckTarget]
    duties: list[CheckDuty]
    added: list[CheckAdded]
    warnings: list[dict[str, Any]]
    summary: CheckSummary


class DeadlineItemOut(_Open):
    """One due or overdue duty (as an item of ``chinhsach deadlines --json``)."""

    due: str = Field(description="YYYY-MM-DD")
    status: str = Field(description="overdue or upcoming")
    document: dict[str, Any]
    section: str | None
    text: str
    lead: list[str]
    deadline: str | None
    deadline_text: str | None


class DeadlinesOut(BaseModel):
    """As ``chinhsach deadlines --json``."""

    today: str
    count: int
    undated: int = Field(description="Duties with a deadline text but no day that can be fixed")
    deadlines: list[DeadlineItemOut]


_ERROR_TEXT = {400: "Host not allowed, or a request that cannot be answered (a bad date)",
               403: "Cross-origin POST refused (Origin/Referer of another site)",
               404: "Unknown document or unit",
               413: "Upload above the size limit, or a plan beyond the check limits",
               415: "Not a PDF, DOCX or text file (judged by content)",
               422: "Invalid parameters, or an upload that cannot be read",
               429: "Every plan-check slot is taken: retry after the Retry-After seconds",
               500: "Internal error (no details are given)",
               503: "The index or model is not available, or a check ran past its time limit"}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` of a route: each error status with its body model."""
    text = _ERROR_TEXT
    out: dict[int | str, dict[str, Any]] = {}
    for s in statuses:
        model: type[BaseModel] = ErrorBody
        if s == 422:
            model = UploadErrorBody if 415 in statuses else ValidationErrorBody
        out[s] = {"model": model, "description": text[s]}
    return out


def file_responses(media_types: list[str], *statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` of a download: the file, and the error pages (HTML in Vietnamese:
    a download is a link a person clicks, so its refusals are pages, not JSON)."""
    out: dict[int | str, dict[str, Any]] = {
        200: {"description": "The file", "content": {m: {"schema": {"type": "string", "format": "binary"}}
                                                     for m in media_types}}}
    for s in statuses:
        out[s] = {"description": _ERROR_TEXT[s] + " (an HTML page in Vietnamese)",
                  "content": {"text/html": {"schema": {"type": "string"}}}}
    return out


# Statuses any GET of the API can return (Host refused, server error, index unavailable).
COMMON = (400, 500, 503)

__all__ = ["COMMON", "CheckReportOut", "DeadlinesOut", "DocumentOut", "DocumentRow", "ErrorBody",
           "Graph", "Refs", "SearchHit", "Status", "UnitDutyOut", "UnitRow", "WhoAnswer", "errors",
           "file_responses"]
