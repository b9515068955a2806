"""The ``chinhsach`` command: build an index, search it, parse a file.

Errors print one line naming the file or index and the reason, and exit non-zero (the code per
error class is in :mod:`chinhsach.errors` and the README); ``--debug`` shows the traceback.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .errors import ChinhsachError
from .normalize import fold

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Đọc văn bản chính sách: chỉ tiêu, nhiệm vụ, đơn vị, văn bản dẫn chiếu.")
console = Console()
err_console = Console(stderr=True)

EXIT_PARTIAL = 2  # build finished but some files failed
_DEBUG = {"on": False}

IndexOpt = Annotated[
    Path | None,
    typer.Option("--index", help="Index directory (default: $CHINHSACH_INDEX or .chinhsach)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@app.callback()
def _main(debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False) -> None:
    _DEBUG["on"] = debug


def _fail(exc: BaseException) -> None:
    if _DEBUG["on"]:
        raise exc
    code = exc.exit_code if isinstance(exc, ChinhsachError) else 1
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    err_console.print(f"[bold red]lỗi:[/] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def highlight(text: str, query: str) -> Text:
    """The text with the query's words (matched without diacritics) in bold yellow."""
    out = Text(text)
    words = {w for w in re.findall(r"\w+", fold(query)) if len(w) > 1}
    for m in re.finditer(r"\w+", text):
        if fold(m.group(0)) in words:
            out.stylize("bold yellow", m.start(), m.end())
    return out


def _snippet(text: str, query: str, width: int = 320) -> str:
    if len(text) <= width:
        return text
    folded = fold(text)
    words = [w for w in re.findall(r"\w+", fold(query)) if len(w) > 2]
    first = min((folded.find(w) for w in words if folded.find(w) >= 0), default=0)
    start = max(0, first - width // 3)
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


@app.command()
def build(
    paths: Annotated[list[Path] | None, typer.Argument(help="Files or folders (default: corpus/).")] = None,
    index: IndexOpt = None,
    model: Annotated[str | None, typer.Option(help="Embedding model: e5-small or a local path.")] = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Re-read and re-embed everything.")] = False,
    wait: Annotated[bool, typer.Option("--wait", help="Wait for another build instead of refusing.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Build or update the index over PDF/DOCX/TXT/MD files."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from .index import build_index

    paths = paths or [Path("corpus")]
    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err_console, disable=json_out) as bar:

        def factory(label: str, total: int):
            task = bar.add_task(label, total=total)
            return lambda n: bar.advance(task, n)

        try:
            report = build_index(paths, index, model=model, rebuild=rebuild, wait=wait,
                                 progress=factory)
        except ChinhsachError as exc:
            _fail(exc)
            return
    if json_out:
        _print_json(report.to_dict())
    else:
        for path, reason in report.skipped:
            err_console.print(f"[yellow]bỏ qua:[/] {path}: {reason}", highlight=False)
        for path, reason in report.failed:
            err_console.print(f"[red]lỗi:[/] {path}: {reason}", highlight=False)
        console.print(
            f"Chỉ mục {report.index_dir}: {report.n_documents} văn bản, {report.n_segments} đoạn "
            f"(mới {len(report.added)}, giữ nguyên {len(report.unchanged)}, xóa {len(report.removed)}, "
            f"bỏ qua {len(report.skipped)}, lỗi {len(report.failed)}) trong {report.seconds:.1f} s"
        )
    if report.failed:
        raise typer.Exit(EXIT_PARTIAL)
    if report.n_documents == 0:
        err_console.print("lỗi: nothing was indexed")
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
    from .index import Index

    try:
        with Index.open(index) as idx:
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
        table.add_row(str(i), where, highlight(_snippet(h.text, query), query), f"{h.score:.2f}")
    console.print(table)


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="A PDF, DOCX, TXT or MD file.")],
    json_out: JsonOpt = False,
) -> None:
    """Parse one file: metadata, outline, segments (and warnings)."""
    from .pipeline import parse as parse_file

    try:
        doc = parse_file(file)
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
        err_console.print(f"[yellow]cảnh báo[/] {w.code} ({w.section or '—'}): {w.message}")


def main() -> None:
    """Console-script entry point."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        app()
    except KeyboardInterrupt:
        err_console.print("interrupted; the previous index is unchanged")
        sys.exit(130)


if __name__ == "__main__":
    main()
