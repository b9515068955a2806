"""The ``chinhsach`` command: build an index, search it, parse a file.

Errors print one line naming the file or index and the reason, and exit non-zero (the code per
error class is in :mod:`chinhsach.errors` and the README); ``--debug`` shows the traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from chinhsach.errors import ChinhsachError
from chinhsach.model import LOW_OCR_CONFIDENCE
from chinhsach.present.highlight import snippet, word_spans
from chinhsach.present.labels import COMPARATOR_VI, ROLE_VI, comparator_value, target_value

# Each command imports its stage when it runs (numpy, faiss, spaCy, the model): `chinhsach
# --help` answers at once and a one-shot search starts in 0.6 s (README, Performance).
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Đọc văn bản chính sách: chỉ tiêu, nhiệm vụ, đơn vị, văn bản dẫn chiếu.")
console = Console()
# Errors and warnings are one line each, never wrapped, and never read as rich markup (a file
# name may hold "[...]").
err_console = Console(stderr=True, soft_wrap=True)


def _err(label: str, style: str, message: str) -> None:
    line = Text(f"{label} ", style=style)
    line.append(message)
    err_console.print(line, highlight=False)

EXIT_PARTIAL = 2  # build finished but some files failed
_DEBUG = {"on": False}

IndexOpt = Annotated[
    Path | None,
    typer.Option("--index", help="Index directory (default: $CHINHSACH_INDEX or .chinhsach)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


class OcrMode(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


OcrOpt = Annotated[OcrMode, typer.Option(
    "--ocr", help="Read pages by OCR: auto (scanned pages, broken text layers), always, never.")]


@app.callback()
def _main(debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False) -> None:
    _DEBUG["on"] = debug


def _fail(exc: BaseException) -> None:
    if _DEBUG["on"]:
        raise exc
    code = exc.exit_code if isinstance(exc, ChinhsachError) else 1
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    _err("lỗi:", "bold red", message)
    raise typer.Exit(code)


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def highlight(text: str, query: str) -> Text:
    """The text with the query's words (matched without diacritics) in bold yellow."""
    out = Text(text)
    for start, end in word_spans(text, query):
        out.stylize("bold yellow", start, end)
    return out


@app.command()
def build(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (default: corpus/).")] = None,
    index: IndexOpt = None,
    model: Annotated[str | None, typer.Option(help="Embedding model: e5-small or a local path.")] = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Re-read and re-embed everything.")] = False,
    wait: Annotated[bool, typer.Option("--wait", help="Wait for another build instead of refusing.")] = False,
    ray: Annotated[str | None, typer.Option(
        "--ray", metavar="[ADDRESS]",
        help="Build on Ray: alone, a local Ray instance on this machine's cores; with a cluster "
             "address (host:port, ray://..., auto), that cluster. Needs pip install 'chinhsach[ray]'.",
    )] = None,
    ocr: OcrOpt = OcrMode.auto,
    embedding_cache: Annotated[str | None, typer.Option(
        "--embedding-cache", metavar="PATH|off",
        help="Where passage vectors are kept between builds (default: embeddings.sqlite in the "
             "index folder; one file may serve several indexes); 'off' embeds every passage.",
    )] = None,
    json_out: JsonOpt = False,
) -> None:
    """Build or update the index over PDF/DOCX/TXT/MD files and scans (PDF, PNG, JPEG, TIFF)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from chinhsach.indexing import build_index

    paths = paths or [Path("corpus")]
    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err_console, disable=json_out) as bar:

        def factory(label: str, total: int):
            task = bar.add_task(label, total=total)
            return lambda n: bar.advance(task, n)

        try:
            report = build_index(paths, index, model=model, rebuild=rebuild, wait=wait,
                                 progress=factory, engine="local" if ray is None else "ray",
                                 address=None if ray in (None, RAY_LOCAL) else ray, ocr=ocr.value,
                                 embedding_cache=(False if embedding_cache == "off" else embedding_cache))
        except ChinhsachError as exc:
            _fail(exc)
            return
        except KeyboardInterrupt:
            err_console.print("interrupted; the previous index is unchanged")
            raise typer.Exit(130) from None
    if json_out:
        _print_json(report.to_dict())
    else:
        for path, reason in report.skipped:
            _err("bỏ qua:", "yellow", f"{path}: {reason}")
        for path, reason in report.failed:
            _err("lỗi:", "red", f"{path}: {reason}")
        console.print(
            f"Chỉ mục {report.index_dir}: {report.n_documents} văn bản, {report.n_segments} đoạn "
            f"(mới {len(report.added)}, giữ nguyên {len(report.unchanged)}, xóa {len(report.removed)}, "
            f"bỏ qua {len(report.skipped)}, lỗi {len(report.failed)}) trong {report.seconds:.1f} s",
            soft_wrap=True, markup=False, highlight=False,
        )
    if report.failed:
        raise typer.Exit(EXIT_PARTIAL)
    if report.n_documents == 0:
        _err("lỗi:", "bold red", f"nothing was indexed in {report.index_dir}")
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="The question, with or without diacritics.")],
    k: Annotated[int, typer.Option("--k", min=1, max=1000, help="How many hits.")] = 10,
    index: IndexOpt = None,
    kind: Annotated[list[str] | None, typer.Option(help="Only these segment kinds.")] = None,
    doc: Annotated[list[str] | None, typer.Option(help="Only these document ids.")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Search the index (hybrid: words, folded syllables, embeddings)."""
    from chinhsach.indexing import Index

    try:
        with Index.open(index, query_engine="fast-start") as idx:
            hits = idx.search(query, k=k, kinds=kind, doc_ids=doc)
    except ChinhsachError as exc:
        _fail(exc)
        return
    if json_out:
        _print_json([h.to_dict() for h in hits])
        return
    if not hits:
        console.print("Không tìm thấy kết quả.")
        return
    table = Table(show_lines=True, title=f"Kết quả cho “{query}”")
    table.add_column("#", justify="right")
    table.add_column("Văn bản / mục", overflow="fold", max_width=30)
    table.add_column("Nội dung", overflow="fold")
    table.add_column("Điểm", justify="right")
    for i, h in enumerate(hits, 1):
        where = Text(f"{h.doc_id}\n", style="dim")
        where.append(f"Mục {h.section or '—'}", style="bold cyan")
        if h.topic:
            where.append(f"\n{h.topic}", style="cyan")
        loc = f"\ntr. {h.page}, dòng {h.line}" if h.page else f"\ndòng {h.line}"
        where.append(loc, style="dim")
        if h.ocr_confidence is not None:  # read by OCR: say so, and how sure Tesseract was
            low = h.ocr_confidence < LOW_OCR_CONFIDENCE
            where.append(f"\nOCR {h.ocr_confidence:.0f}" + (" (độ tin cậy thấp)" if low else ""),
                         style="yellow" if low else "dim")
        table.add_row(str(i), where, highlight(snippet(h.text, query), query), f"{h.score:.2f}")
    console.print(table)


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="A PDF, DOCX, TXT, MD or image (PNG, JPEG, TIFF) file.")],
    ocr: OcrOpt = OcrMode.auto,
    json_out: JsonOpt = False,
) -> None:
    """Parse one file: metadata, outline, segments (and warnings)."""
    from chinhsach.pipeline import parse as parse_file

    try:
        doc = parse_file(file, ocr=ocr.value)
    except ChinhsachError as exc:
        _fail(exc)
        return
    if json_out:
        _print_json(doc.to_dict())
        return
    meta = doc.meta
    console.print(f"[bold]{doc.title}[/]")
    for label, value in (("Loại", meta.type), ("Số", meta.number), ("Ngày", meta.date),
                         ("Cơ quan ban hành", meta.issuer), ("Nơi ban hành", meta.place),
                         ("Người ký", meta.signer)):
        console.print(f"  {label}: {value or '—'}")
    table = Table(title="Mục lục")
    table.add_column("Mục")
    table.add_column("Tiêu đề", overflow="fold")
    table.add_column("Đoạn", justify="right")
    counts: dict[str | None, int] = {}
    for s in doc.segments:
        if s.searchable:
            counts[s.section_node] = counts.get(s.section_node, 0) + 1
    for s in doc.sections:
        depth = s.id.count(".") + (1 if s.kind == "topic" else 0)
        table.add_row(s.citable if s.kind != "topic" else "", "  " * depth + s.heading,
                      str(counts.get(s.id, 0)))
    console.print(table)
    for w in doc.warnings:
        _err("cảnh báo", "yellow", f"{w.code} ({w.section or '—'}): {w.message}")


def _load_document(spec: str, index: Path | None):
    """A document from a file path, else from the index by id or number."""
    path = Path(spec)
    if path.exists() and path.is_file():
        from chinhsach.pipeline import parse as parse_file

        return parse_file(path)
    from chinhsach.indexing import Index

    with Index.open(index, query_engine="fast-start") as idx:
        return idx.document(spec)


_STATUS_STYLE = {"covered": "green", "stricter": "blue", "weaker": "dark_orange", "contradicts": "red",
                 "changed": "magenta", "missing": "grey50", "partial": "yellow", "added": "cyan"}

@app.command()
def targets(
    document: Annotated[str, typer.Argument(help="A file, or an indexed document id or number.")],
    index: IndexOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Targets (chỉ tiêu) of a document: indicator, comparator, value, unit, year."""
    try:
        doc = _load_document(document, index)
    except ChinhsachError as exc:
        _fail(exc)
        return
    if json_out:
        _print_json([t.to_dict() for t in doc.targets])
        return
    table = Table(title=f"Chỉ tiêu — {doc.title}", show_lines=False)
    for col in ("Mục", "Chỉ tiêu", "So sánh", "Giá trị", "Năm", "Chiều"):
        table.add_column(col, overflow="fold")
    for t in doc.targets:
        d = t.to_dict()
        table.add_row(t.section or "—", t.indicator, COMPARATOR_VI.get(t.comparator or "", "định tính"), target_value(d, "—"),
                      str(t.year or "—"), {"up": "↑", "down": "↓"}.get(t.direction or "", "·"))
    console.print(table)
    for w in doc.warnings:
        _err("cảnh báo", "yellow", f"{w.code} ({w.section or '—'}): {w.message}")


def _graph_documents(index: Path | None, extra=None) -> list:
    """The indexed documents (if an index exists) plus an extra parsed one."""
    from chinhsach.errors import IndexNotFoundError
    from chinhsach.indexing import Index

    docs = []
    try:
        with Index.open(index, query_engine="fast-start") as idx:
            docs = idx.all_documents()
    except IndexNotFoundError:
        if extra is None:
            raise
    if extra is not None and all(d.doc_id != extra.doc_id for d in docs):
        docs.append(extra)
    return docs


@app.command()
def refs(
    document: Annotated[str, typer.Argument(help="A file, or an indexed document id or number.")],
    index: IndexOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """What a document cites (văn bản được dẫn) and what cites it."""
    from chinhsach.answers.graph import build_graph

    try:
        path = Path(document)
        extra = _load_document(document, index) if path.is_file() else None
        graph = build_graph(_graph_documents(index, extra))
        spec = extra.doc_id if extra is not None else document
        result = graph.refs(spec)
        cited = extra.citations if extra is not None else None
    except ChinhsachError as exc:
        _fail(exc)
        return
    if json_out:
        out = dict(result)
        if cited is not None:
            out["citations"] = [c.to_dict() for c in cited]
        _print_json(out)
        return
    doc = result["document"]
    console.print(f"[bold]{doc.get('label')}[/]")
    for title, key in (("Văn bản được dẫn (cites)", "cites"), ("Được dẫn bởi (cited by)", "cited_by")):
        table = Table(title=title)
        for col in ("Số hiệu", "Loại", "Ngày", "Cơ quan", "Quan hệ", "Mục", "Trong kho"):
            table.add_column(col, overflow="fold")
        for r in result[key]:
            table.add_row(r.get("number") or r.get("doc_id") or "—", r.get("doc_type") or "—",
                          r.get("date") or "—", r.get("issuer") or "—",
                          {"implements": "thực hiện", "issues": "ban hành kèm theo"}.get(
                              r.get("kind") or "", "dẫn chiếu"),
                          ", ".join(s or "mở đầu" for s in r.get("sections") or []) or "—",
                          "ngoài kho" if r.get("external") else (r.get("doc_id") or ""))
        console.print(table)


@app.command()
def graph(
    index: IndexOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="mermaid, dot or json")] = "mermaid",
) -> None:
    """The document graph: which document implements or cites which."""
    from chinhsach.answers.graph import build_graph

    if fmt not in ("mermaid", "dot", "json"):
        _fail(ChinhsachError(f"unknown format {fmt!r}: use mermaid, dot or json"))
    try:
        g = build_graph(_graph_documents(index))
    except ChinhsachError as exc:
        _fail(exc)
        return
    if fmt == "json":
        _print_json(g.to_json())
    else:
        sys.stdout.write((g.to_mermaid() if fmt == "mermaid" else g.to_dot()) + "\n")


@app.command()
def check(
    new: Annotated[Path, typer.Argument(help="The new local plan (PDF, DOCX, TXT).")],
    against: Annotated[str, typer.Option("--against", help="The parent: an indexed id, a number such as 42-NQ/TW, or a file.")],
    index: IndexOpt = None,
    html: Annotated[Path | None, typer.Option("--html", help="Also write a printable HTML report here.")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Check a local plan against the document it implements."""
    from chinhsach.answers.check import check_plan
    from chinhsach.pipeline import parse as parse_file

    try:
        child = parse_file(new)
        parent = _load_document(against, index)
        report = check_plan(child, parent)
    except ChinhsachError as exc:
        _fail(exc)
        return
    if html is not None:
        html.write_text(report.to_html(), encoding="utf-8")
        err_console.print(f"report written to {html}")
    data = report.to_dict()
    if json_out:
        _print_json(data)
        return
    summary = data["summary"]
    def name(d) -> str:
        return f"{d.doc_id} ({d.meta.number})" if d.meta.number else d.doc_id

    console.print(f"Kiểm tra [bold]{name(child)}[/] theo văn bản cấp trên [bold]{name(parent)}[/]")
    for label, key in (("Chỉ tiêu", "targets"), ("Nhiệm vụ", "duties"), ("Bổ sung", "added")):
        counts = " · ".join(f"{k} {v}" for k, v in summary[key].items())
        console.print(f"[bold]{label}:[/] {counts}")
    table = Table(title="Chỉ tiêu", show_lines=False)
    for col in ("Mục", "Chỉ tiêu (văn bản cấp trên)", "Cấp trên", "Văn bản mới", "Kết quả"):
        table.add_column(col, overflow="fold")
    for row in data["targets"]:
        p, c = row["parent"], row["child"]
        style = _STATUS_STYLE.get(row["status"], "")
        table.add_row(p["section"] or "—", p["indicator"], comparator_value(p, '—'),
                      comparator_value(c, '—') if c else "—",
                      Text(row["status"], style=style))
    console.print(table)
    duty_table = Table(title="Nhiệm vụ", show_lines=False)
    for col in ("Mục cấp trên", "Nhiệm vụ", "Mục mới", "Kết quả", "Điểm"):
        duty_table.add_column(col, overflow="fold")
    for row in data["duties"]:
        duty_table.add_row(row["parent_section"] or "—", row["parent_text"][:120], row["child_section"] or "—",
                           Text(row["status"], style=_STATUS_STYLE.get(row["status"], "")), f"{row['score']:.2f}")
    console.print(duty_table)
    for item in data["added"]:
        console.print(Text(f"added {item['kind']} ({item['section'] or '—'}): {item['text'][:140]}", style="cyan"))
    for w in data["warnings"]:
        _err("cảnh báo", "yellow", f"{w['code']} ({w.get('doc_id')}, {w['section'] or '—'}): {w['message']}")


@app.command()
def who(
    question: Annotated[str, typer.Argument(help="e.g. \"ai chịu trách nhiệm về nước sạch?\"")],
    k: Annotated[int, typer.Option("--k", min=1, max=100)] = 8,
    index: IndexOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Who is responsible for a topic: units, roles, evidence."""
    from chinhsach.answers.who import MEANING_LABEL, topic_of
    from chinhsach.answers.who import who as who_answer
    from chinhsach.indexing import Index

    try:
        with Index.open(index, query_engine="fast-start") as idx:
            answer = who_answer(idx, question, k=k)
    except ChinhsachError as exc:
        _fail(exc)
        return
    if json_out:
        _print_json([r.to_dict() for r in answer])
        return
    if not answer:
        console.print("Không tìm thấy nhiệm vụ nào về chủ đề này.")
        return
    table = Table(title=f"Ai chịu trách nhiệm: “{topic_of(question)}”", show_lines=True)
    for col in ("Đơn vị", "Vai trò", "Căn cứ", "Điểm"):
        table.add_column(col, overflow="fold")
    for r in answer:
        role = ROLE_VI.get(r.role, r.role) + ("" if r.explicit else "\n(giao chung cả kế hoạch)")
        ev = Text()
        for e in r.evidence[:2]:
            ev.append(f"{e.doc_id} · mục {e.section or '—'}\n", style="cyan")
            if e.match == "meaning":
                ev.append(MEANING_LABEL + "\n", style="italic")
            ev.append(snippet(e.text, question, 200) + "\n")
        if r.note:
            ev.append(r.note, style="italic")
        table.add_row(Text(r.unit, style="bold" if r.explicit else ""), role, ev, f"{r.score:.2f}")
    console.print(table)


@app.command()
def duties(
    unit: Annotated[str, typer.Argument(help="A unit: full name, abbreviation (MTTQ, UBND tỉnh), head.")],
    index: IndexOpt = None,
    all_: Annotated[bool, typer.Option("--all", help="Also duties it inherits from plan-wide assignments.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Duties of a unit across documents, with roles and deadlines."""
    from chinhsach.answers.who import duties_of
    from chinhsach.indexing import Index

    try:
        with Index.open(index, query_engine="fast-start") as idx:
            grouped = duties_of(idx, unit, include_inherited=all_)
    except ChinhsachError as exc:
        _fail(exc)
        return
    if json_out:
        _print_json({doc: [d.to_dict() for d in ds] for doc, ds in grouped.items()})
        return
    if not grouped:
        console.print(f"Không có nhiệm vụ nào giao đích danh cho “{unit}” (thử --all).")
        return
    for doc, ds in grouped.items():
        table = Table(title=doc, show_lines=True)
        for col in ("Mục", "Đơn vị", "Vai trò", "Nhiệm vụ", "Thời hạn"):
            table.add_column(col, overflow="fold")
        merged: dict[tuple[str | None, str, str], list[str]] = {}
        for d in ds:  # one row per duty and unit, its roles joined
            merged.setdefault((d.section, d.unit, d.text), []).append(ROLE_VI.get(d.role, d.role))
        first = {(d.section, d.unit, d.text): d for d in reversed(ds)}
        for key, roles in merged.items():
            d = first[key]
            when = " · ".join(x for x in (d.deadline or d.deadline_text, d.recurring) if x) or "—"
            table.add_row(d.section or "—", d.unit, ", ".join(roles), d.text, when)
        console.print(table)


@app.command()
def units(index: IndexOpt = None, json_out: JsonOpt = False) -> None:
    """All units named in duties, with duty counts."""
    from chinhsach.answers.who import list_units
    from chinhsach.indexing import Index

    try:
        with Index.open(index, query_engine="fast-start") as idx:
            rows = list_units(idx)
    except ChinhsachError as exc:
        _fail(exc)
        return
    if json_out:
        _print_json(rows)
        return
    table = Table(title="Đơn vị")
    for col in ("Đơn vị", "Số nhiệm vụ", "Vai trò", "Văn bản"):
        table.add_column(col, overflow="fold")
    for r in rows:
        roles = ", ".join(f"{ROLE_VI.get(k, k)} {v}" for k, v in r["roles"].items())
        table.add_row(r["unit"], str(r["duties"]), roles, ", ".join(r["documents"]))
    console.print(table)


@app.command()
def serve(
    index: IndexOpt = None,
    host: Annotated[str, typer.Option(help="Address to listen on; loopback unless you say otherwise.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    max_upload_mb: Annotated[float, typer.Option("--max-upload-mb", min=0.01,
                                                 help="Largest plan accepted on the check page, in MB.")] = 20,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", help="Another Host name the server answers to (a name in DNS or "
                             "/etc/hosts); the bound address and loopback are always allowed.")] = None,
) -> None:
    """Start the local web application (Vietnamese interface, works offline) over an index."""
    try:
        import uvicorn

        from chinhsach.web.app import create_app
    except ImportError as exc:
        _fail(ChinhsachError(f"the web application needs the 'web' extra ({exc.name} is missing): "
                             "pip install 'chinhsach[web]'"))
        return
    from chinhsach.indexing.store import resolve_index_dir

    index_dir = resolve_index_dir(index)
    web_app = create_app(index_dir, max_upload_mb=max_upload_mb,
                         allowed_hosts=[host, *(allow_host or [])])
    try:
        web_app.state.indexes.warm()  # refuse a missing or damaged index now, not on first search
    except ChinhsachError as exc:
        _fail(exc)
        return
    if host not in ("127.0.0.1", "localhost", "::1"):
        err_console.print(f"[yellow]cảnh báo:[/] listening on {host}: the application has no login; "
                          "anyone who can reach this address can use it", highlight=False)
    shown = f"[{host}]" if ":" in host else host
    console.print(f"Mở http://{shown}:{port}/ trong trình duyệt (chỉ mục {index_dir}); Ctrl-C để dừng.",
                  highlight=False, soft_wrap=True)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


# --------------------------------------------------------------------------------------------
# Exports: the assignment table, targets, deadlines and the unit brief (chinhsach.export)
# --------------------------------------------------------------------------------------------

export_app = typer.Typer(add_completion=False, no_args_is_help=True,
                         help="Export the assignment or target table (XLSX, CSV, JSON).")
app.add_typer(export_app, name="export")

DocsArg = Annotated[list[str] | None, typer.Argument(help="Indexed document ids or numbers (default: all).")]
FormatOpt = Annotated[str, typer.Option("--format", help="xlsx, csv or json.")]
OutputOpt = Annotated[Path | None, typer.Option("-o", "--output",
                                                help="File to write (CSV and JSON go to standard output without it).")]
TodayOpt = Annotated[str | None, typer.Option("--today", help="Count from this day (YYYY-MM-DD; default today).")]


def _deliver(out, output: Path | None, fmt: str) -> None:  # noqa: ANN001 - a chinhsach.export.Export
    """Write an export to its file (or CSV/JSON to standard output); a note for an empty one."""
    if output is None:
        if fmt == "xlsx":
            from chinhsach.errors import QueryError

            _fail(QueryError("xlsx is a binary format: give a file with -o/--output"))
        sys.stdout.buffer.write(out.data)
        sys.stdout.flush()
    else:
        try:
            output.write_bytes(out.data)
        except OSError as exc:
            _fail(ChinhsachError(f"{output}: cannot write ({exc.strerror or exc})"))
        err_console.print(f"đã ghi {out.rows} dòng vào {output}", highlight=False, markup=False)
    if out.note:
        _err("ghi chú:", "yellow", out.note)


def _today(value: str | None) -> dt.date:
    from chinhsach.answers.deadlines import parse_day

    return parse_day(value, "--today") if value else dt.date.today()


@export_app.command("duties")
def export_duties(
    documents: DocsArg = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Only the duties of this unit.")] = None,
    fmt: FormatOpt = "xlsx",
    output: OutputOpt = None,
    all_: Annotated[bool, typer.Option("--all", help="With --unit: also plan-wide assignments.")] = False,
    index: IndexOpt = None,
) -> None:
    """The assignment table: one row per duty and lead unit, with deadline and evidence."""
    from chinhsach import export
    from chinhsach.indexing import Index

    try:
        with Index.open(index, query_engine="fast-start") as idx:
            out = export.duties(idx, documents, unit, fmt, include_inherited=all_)
    except ChinhsachError as exc:
        _fail(exc)
        return
    _deliver(out, output, fmt)


@export_app.command("targets")
def export_targets(
    documents: DocsArg = None,
    fmt: FormatOpt = "xlsx",
    output: OutputOpt = None,
    index: IndexOpt = None,
) -> None:
    """The target table (chỉ tiêu): indicator, comparator, value, unit, year, evidence."""
    from chinhsach import export
    from chinhsach.indexing import Index

    try:
        with Index.open(index, query_engine="fast-start") as idx:
            out = export.targets(idx, documents, fmt)
    except ChinhsachError as exc:
        _fail(exc)
        return
    _deliver(out, output, fmt)


@app.command()
def deadlines(
    documents: DocsArg = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Only the duties of this unit.")] = None,
    before: Annotated[str | None, typer.Option("--before", help="Only deadlines on or before this day.")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only deadlines already passed.")] = False,
    today: TodayOpt = None,
    ics: Annotated[Path | None, typer.Option("--ics", help="Also write an iCalendar file here.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="With --unit: also plan-wide assignments.")] = False,
    index: IndexOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Due and overdue duties by date; recurring ones at their next occurrence."""
    from chinhsach import export
    from chinhsach.answers.deadlines import parse_day
    from chinhsach.indexing import Index
    from chinhsach.present.labels import DEADLINE_STATUS_VI, EMPTY_DEADLINES, date_vi

    try:
        day = _today(today)
        limit = parse_day(before, "--before") if before else None
        with Index.open(index, query_engine="fast-start") as idx:
            report = export.deadline_report(idx, unit, documents, today=day, before=limit,
                                            overdue=overdue, include_inherited=all_)
        if ics is not None:
            try:
                ics.write_bytes(export.calendar(report, unit))
            except OSError as exc:
                raise ChinhsachError(f"{ics}: cannot write ({exc.strerror or exc})") from None
            err_console.print(f"đã ghi {len(report.items)} sự kiện vào {ics}", highlight=False,
                              markup=False)
    except ChinhsachError as exc:
        _fail(exc)
        return
    if json_out:
        _print_json(report.to_dict())
        return
    if not report.items:
        console.print(EMPTY_DEADLINES)
        return
    table = Table(title=f"Thời hạn (tính đến {date_vi(report.today.isoformat())})", show_lines=True)
    for col in ("Hạn", "Tình trạng", "Văn bản / mục", "Nhiệm vụ", "Chủ trì", "Nguyên văn"):
        table.add_column(col, overflow="fold")
    for item in report.items:
        e = item.entry
        status = Text(DEADLINE_STATUS_VI[item.status],
                      style="bold red" if item.status == "overdue" else "green")
        written = ", ".join(x for x in (e.deadline_text, e.recurring) if x) or "—"
        text = e.text if len(e.text) <= 160 else e.text[:159].rstrip() + "…"  # --json has it all
        table.add_row(date_vi(item.due.isoformat()), status, f"{e.doc.label}\nMục {e.section or '—'}",
                      text, "; ".join(n for n, _ in e.leads) or "—", written)
    console.print(table)
    if report.undated:
        _err("ghi chú:", "yellow", f"{report.undated} nhiệm vụ có thời hạn không xác định được ngày "
             "(ngày/tháng không có năm, không định kỳ)")


@app.command()
def brief(
    unit: Annotated[str, typer.Argument(help="The unit: full name, abbreviation, head.")],
    docx: Annotated[Path, typer.Option("--docx", help="The Word file to write.")],
    documents: DocsArg = None,
    today: TodayOpt = None,
    all_: Annotated[bool, typer.Option("--all", help="Also plan-wide assignments.")] = False,
    index: IndexOpt = None,
) -> None:
    """A Word document of one unit's duties, by document and deadline, to attach to a reminder."""
    from chinhsach import export
    from chinhsach.indexing import Index

    try:
        day = _today(today)
        with Index.open(index, query_engine="fast-start") as idx:
            out = export.brief(idx, unit, documents, today=day, include_inherited=all_)
    except ChinhsachError as exc:
        _fail(exc)
        return
    _deliver(out, docx, "docx")


RAY_LOCAL = "local"
_ADDRESS = re.compile(r"^(auto|local|(ray|ray\+\w+)://\S+|[\w.-]+:\d+|\[[0-9a-fA-F:]+\]:\d+)$")


def optional_ray_address(argv: list[str]) -> list[str]:
    """``--ray`` takes an optional address: a bare ``--ray`` (last, or before another option or
    a path) becomes ``--ray=local``; ``--ray HOST:PORT`` (or ``ray://...``, ``auto``) stays.

    The command-line parser has no options with optional values, so the arguments are
    normalised before it sees them.
    """
    out = []
    for i, arg in enumerate(argv):
        if arg == "--ray":
            nxt = argv[i + 1] if i + 1 < len(argv) else None
            if nxt is None or not _ADDRESS.match(nxt):
                out.append(f"--ray={RAY_LOCAL}")
                continue
        out.append(arg)
    return out


def main() -> None:
    """Console-script entry point."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        app(args=optional_ray_address(sys.argv[1:]))
    except KeyboardInterrupt:
        err_console.print("interrupted; the previous index is unchanged")
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the user gets one line, --debug the traceback
        if _DEBUG["on"]:
            raise
        _err("lỗi:", "bold red", f"unexpected {type(exc).__name__}: "
             f"{str(exc).splitlines()[0] if str(exc) else ''} (run with --debug for details)")
        sys.exit(1)


if __name__ == "__main__":
    main()
