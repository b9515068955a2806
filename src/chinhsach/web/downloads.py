"""Downloads of the web application and its "Thời hạn" page (a FastAPI router).

``/download/duties.{xlsx,csv,json}``, ``/download/targets.{…}``, ``/download/deadlines.ics``
and ``/download/brief.docx`` return the same bytes as ``chinhsach export``, ``deadlines --ics``
and ``brief`` (both call :mod:`chinhsach.export`); ``/deadlines`` lists what is due and
overdue, ``/api/deadlines`` is ``chinhsach deadlines --json``. An unknown unit or document is
the app's 404 with suggestions, a bad date a 400, exactly as on the other pages.

The page template is a file, ``present/templates/deadlines.html``, loaded before the app's own
templates so that it extends whatever ``base.html`` the app provides.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import ChoiceLoader, Environment, PackageLoader

from chinhsach import export
from chinhsach.answers.deadlines import DeadlineReport, parse_day
from chinhsach.answers.who import list_units
from chinhsach.present import templates
from chinhsach.present.labels import EMPTY_DEADLINES

router = APIRouter()
Docs = Annotated[list[str] | None, Query(description="Document ids or numbers (default: all)")]
Unit = Annotated[str | None, Query(max_length=300, description="Only this unit's duties")]
Day = Annotated[str | None, Query(max_length=20, description="YYYY-MM-DD or DD/MM/YYYY")]
_ENV: dict[str, Environment] = {}


def _environment() -> Environment:
    """The app's template environment with this package's template files searched first."""
    if "env" not in _ENV:
        env = templates.environment()
        env.loader = ChoiceLoader([PackageLoader("chinhsach", "present/templates"), env.loader])
        _ENV["env"] = env
    return _ENV["env"]


def _flag(value: str | None) -> bool:
    return (value or "").lower() in ("1", "true", "yes", "on")


def _file(out: export.Export) -> Response:
    headers = {"content-disposition": f'attachment; filename="{out.filename}"'}
    if out.note:
        headers["x-chinhsach-note"] = "empty"  # the note itself is inside the file
    return Response(out.data, media_type=out.media_type, headers=headers)


def _report(request: Request, unit: str | None, doc: list[str] | None, before: str | None,
            overdue: bool, today: str | None, include_inherited: bool = False) -> DeadlineReport:
    day = parse_day(today, "today") if today else dt.date.today()
    limit = parse_day(before, "before") if before else None
    with request.app.state.indexes.use() as idx:
        return export.deadline_report(idx, unit or None, doc or None, today=day, before=limit,
                                      overdue=overdue, include_inherited=include_inherited)


@router.get("/download/duties.{fmt}", tags=["downloads"],
            summary="The assignment table (as `chinhsach export duties`)")
def download_duties(request: Request, fmt: str, doc: Docs = None, unit: Unit = None,
                    all: str | None = None) -> Response:
    with request.app.state.indexes.use() as idx:
        out = export.duties(idx, doc or None, unit or None, fmt, include_inherited=_flag(all))
    return _file(out)


@router.get("/download/targets.{fmt}", tags=["downloads"],
            summary="The target table (as `chinhsach export targets`)")
def download_targets(request: Request, fmt: str, doc: Docs = None) -> Response:
    with request.app.state.indexes.use() as idx:
        out = export.targets(idx, doc or None, fmt)
    return _file(out)


@router.get("/download/deadlines.ics", tags=["downloads"],
            summary="Deadlines as iCalendar (as `chinhsach deadlines --ics`)")
def download_calendar(request: Request, doc: Docs = None, unit: Unit = None, before: Day = None,
                      overdue: str | None = None, today: Day = None) -> Response:
    report = _report(request, unit, doc, before, _flag(overdue), today)
    name = "thoi-han" + (f"-{export.slug(unit)}" if unit else "") + ".ics"
    return Response(export.calendar(report, unit or None), media_type=export.MEDIA_TYPES["ics"],
                    headers={"content-disposition": f'attachment; filename="{name}"'})


@router.get("/download/brief.docx", tags=["downloads"],
            summary="A unit's duties as a Word document (as `chinhsach brief`)")
def download_brief(request: Request, unit: Annotated[str, Query(min_length=1, max_length=300)],
                   doc: Docs = None, today: Day = None, all: str | None = None) -> Response:
    day = parse_day(today, "today") if today else dt.date.today()
    with request.app.state.indexes.use() as idx:
        out = export.brief(idx, unit, doc or None, today=day, include_inherited=_flag(all))
    return _file(out)


@router.get("/api/deadlines", tags=["api"], summary="Deadlines (as `chinhsach deadlines --json`)")
def api_deadlines(request: Request, doc: Docs = None, unit: Unit = None, before: Day = None,
                  overdue: str | None = None, today: Day = None) -> dict[str, Any]:
    return _report(request, unit, doc, before, _flag(overdue), today).to_dict()


@router.get("/deadlines", response_class=HTMLResponse, include_in_schema=False)
def deadlines_page(request: Request, unit: Unit = None, doc: str = "", before: Day = None,
                   overdue: str | None = None, today: Day = None) -> HTMLResponse:
    unit = (unit or "").strip()
    report = _report(request, unit, [doc] if doc else None, before, _flag(overdue), today)
    holder = request.app.state.indexes
    with holder.use() as idx:
        documents = idx.documents()
        units = sorted(u["unit"] for u in holder.memo("units", list_units))
    keep = {k: v for k, v in (("unit", unit), ("doc", doc), ("before", before or ""),
                              ("overdue", "1" if _flag(overdue) else ""), ("today", today or "")) if v}
    table = {k: v for k, v in keep.items() if k in ("unit", "doc")}
    items = [i.to_dict() for i in report.items]
    html = _environment().get_template("deadlines.html").render(
        nav="deadlines", generation=holder.generation, items=items, undated=report.undated,
        n_overdue=sum(i["status"] == "overdue" for i in items), today=report.today.isoformat(),
        unit=unit, doc=doc, before=before or "", overdue=_flag(overdue), units=units,
        documents=documents, titles={d["doc_id"]: d["number"] or d["title"] for d in documents},
        query=urlencode(keep), table_query=urlencode(table), empty_note=EMPTY_DEADLINES,
        today_param=today or "")
    return HTMLResponse(html)


__all__ = ["router"]
