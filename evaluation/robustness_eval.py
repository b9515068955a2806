"""Extraction under surface changes: does a change of form that keeps the content keep the output?

    PYTHONPATH=src .venv/bin/python evaluation/robustness_eval.py [--only NAME] [--verbose] [--write]

The development real plans (``evaluation/gold/real``, documents in ``../shared/real/plans``) and
the seed plan score about 0.98 but held-out plans far lower: rules fitted to surface details of
the development plans. The held-out plans cannot be looked at, so this measures **invariance**
instead: each document is rewritten in memory (files go to a temporary directory, never next to
the originals) the way another province, year, crawler or file format would have written it; the
gold is rewritten the same way where the content itself changes (a year, a province name); the
rewritten document is parsed with :func:`chinhsach.parse` and scored with ``extraction_eval``'s
own scorers. The table gives each transformation's scores and the change from the untransformed
text. These are development documents: the numbers say how much the output moves, not how good
it is on unseen plans.

Transformations (each realistic for another source):

- ``years+4``: every year 2015..2035 becomes Y+4 (dates, periods, quarters, document numbers),
  in the text and the gold (dates, deadlines, target years);
- ``province``: the plan's province or city name becomes another of the same kind (tỉnh → tỉnh,
  thành phố → thành phố), everywhere, in the text and the gold (issuer, unit names);
- ``no-markdown``: ``**``, ``*`` and ``_`` emphasis removed (another crawler);
- ``paragraphs``: hard-wrapped lines joined into one line per paragraph (as a DOCX gives);
- ``wrap60``: paragraphs re-wrapped at 60 columns, mid-sentence (as another PDF gives);
- ``docx``: the plan written as a .docx with python-docx (paragraphs, bold runs, the pipe tables
  as Word tables) and read back through chinhsach's DOCX reader;
- ``nfd``: Unicode NFD (decomposed marks);
- ``old-tones``: old-style tone placement (hòa → hoà, thủy → thuỷ);
- ``abbreviated``: "Ủy ban nhân dân" → "UBND" and the other unit abbreviations of
  ``data/abbreviations.json`` (the gold keeps the full names);
- ``dates-in-words`` / ``dates-in-figures``: "ngày 30/6/2026" ↔ "ngày 30 tháng 6 năm 2026",
  "quý I/2026" ↔ "quý I năm 2026" (offices print either);
- ``item-markers``: "a)" → "a.", "1." → "1)", "- " → "+ " (other offices' item markers);
- ``no-blank-lines``: paragraphs not set apart by blank lines (a PDF's text layer);
- ``portal-plain``: a law portal's plain-text page as the stored pages of thuvienphapluat,
  thuviennhadat and hethongphapluat print it: no markdown, no blank lines, re-wrapped at 70;
- ``heading-case``: the parts' Roman-numbered headings in sentence case ("I. Mục đích, yêu cầu");
- ``portal-indent``: the same page keeping each paragraph's first-line indent as a line break
  (first line cut after about 30 characters, the rest wrapped at 85), as 7 stored portal pages
  print plans and decisions (the crawled development plans do too).

Table lines (``|``) are kept intact by the re-wrapping transformations.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import textwrap
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation"))

from extraction_eval import (  # noqa: E402
    GOLD,
    citation_score,
    deadline_score,
    match_targets,
    meta_score,
    prf,
    printed_names,
    unit_triples,
)
from gold_check import GoldFileError, document_path  # noqa: E402

from chinhsach import parse  # noqa: E402

SEED = GOLD / "sonla-ke-hoach-thuc-hien-nq-42-nq-tw.json"
# Gold keys that name the file, not its content.
_GOLD_FIXED = {"doc_id", "file", "notes"}

# ---------------------------------------------------------------------------------------------
# Transformations: (text, gold) -> (text or a .docx writer, gold)
# ---------------------------------------------------------------------------------------------

Transformed = tuple[str | Callable[[Path], None], dict]


def _map_strings(obj: Any, fn: Callable[[str], str]) -> Any:
    if isinstance(obj, str):
        return fn(obj)
    if isinstance(obj, list):
        return [_map_strings(x, fn) for x in obj]
    if isinstance(obj, dict):
        return {k: (v if k in _GOLD_FIXED else _map_strings(v, fn)) for k, v in obj.items()}
    return obj


_YEAR = re.compile(r"(?<!\d)(20(?:1[5-9]|2\d|3[0-5]))(?!\d)")


def _shift_years(text: str, by: int = 4) -> str:
    return _YEAR.sub(lambda m: str(int(m.group(1)) + by), text)


def years_shifted(text: str, gold: dict) -> Transformed:
    new_gold = _map_strings(gold, _shift_years)
    for t in new_gold.get("targets", []):
        if isinstance(t.get("year"), int) and 2015 <= t["year"] <= 2035:
            t["year"] += 4
    return _shift_years(text), new_gold


# Replacement names of the same kind, tried in order: the first one the document never names.
_OTHER_CITIES = ["Hải Phòng", "Đà Nẵng", "Huế"]
_OTHER_PROVINCES = ["Thái Nguyên", "Lạng Sơn", "Tây Ninh", "Gia Lai", "Quảng Trị"]


def other_province(text: str, gold: dict) -> Transformed:
    place = gold["meta"].get("place")
    if not place:
        return text, gold
    issuer = gold["meta"].get("issuer") or ""
    pool = _OTHER_CITIES if re.search(r"thành phố\s+" + re.escape(place), issuer, re.I) else _OTHER_PROVINCES
    new = next(n for n in pool if n not in text and n.upper() not in text)

    def swap(s: str) -> str:
        return s.replace(place, new).replace(place.upper(), new.upper())

    return swap(text), _map_strings(gold, swap)


def no_markdown(text: str, gold: dict) -> Transformed:
    text = text.replace("**", "").replace("__", "")
    # Single emphasis marks next to a word ("*Cần Thơ, ngày …*"), not list bullets ("* a").
    text = re.sub(r"(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])", "", text)
    return text, gold


def _is_table_line(line: str) -> bool:
    s = line.strip()
    return s.startswith("|") or s.endswith("|")


# A line that starts its own paragraph in any format: a list item or an outline marker, bold or not.
_OWN_PARAGRAPH = re.compile(r"^[*_]*\s*(?:[-–+•]\s|[a-zđ]\)|\d{1,3}(?:\.\d{1,3})*[.)]|[IVXL]+\.|\(\d{1,2}\))")


def _paragraph_runs(text: str) -> list[tuple[str, list[str]]]:
    """("blank" | "table" | "cell" | "text", lines) runs of the text.

    A paragraph is a run of text lines; a list item or numbered heading opens a new one (Word
    gives each its own paragraph). Text next to a ``|`` line is a cell of a flattened table (the
    header, the signature block): its line breaks are the table's and stay as they are.
    """
    lines = text.split("\n")
    kinds = ["blank" if not x.strip() else "table" if _is_table_line(x) else "text" for x in lines]
    # Cells: text runs that touch a table line.
    i = 0
    while i < len(lines):
        if kinds[i] != "text":
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and kinds[j + 1] == "text":
            j += 1
        if (i > 0 and kinds[i - 1] == "table") or (j + 1 < len(lines) and kinds[j + 1] == "table"):
            for k in range(i, j + 1):
                kinds[k] = "cell"
        i = j + 1
    runs: list[tuple[str, list[str]]] = []
    for line, kind in zip(lines, kinds, strict=True):
        if kind == "text" and runs and runs[-1][0] == "text" and not _OWN_PARAGRAPH.match(line.strip()):
            runs[-1][1].append(line)
        else:
            runs.append((kind, [line]))
    return runs


def joined_paragraphs(text: str, gold: dict) -> Transformed:
    out = []
    for kind, lines in _paragraph_runs(text):
        out.extend([" ".join(x.strip() for x in lines)] if kind == "text" else lines)
    return "\n".join(out), gold


def _rewrapped(text: str, width: int) -> str:
    """Every text paragraph re-wrapped at ``width`` columns, mid-sentence; tables as they are."""
    out = []
    for kind, lines in _paragraph_runs(text):
        if kind == "text":
            out.extend(textwrap.wrap(" ".join(x.strip() for x in lines), width=width,
                                     break_long_words=False, break_on_hyphens=False))
        else:
            out.extend(lines)
    return "\n".join(out)


def wrapped_60(text: str, gold: dict) -> Transformed:
    return _rewrapped(text, 60), gold


def nfd(text: str, gold: dict) -> Transformed:
    return unicodedata.normalize("NFD", text), gold


_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OLD_TONE = re.compile(rf"(?<![qQ])([oO])([{_TONES}])([aAeE])(?![^\W\d_])|(?<![qQ])([uU])([{_TONES}])([yY])(?![^\W\d_])")


def old_tones(text: str, gold: dict) -> Transformed:
    """hòa → hoà, thủy → thuỷ: the mark on the second vowel of an open "oa/oe/uy" syllable."""
    def move(m: re.Match[str]) -> str:
        a, mark, b = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        return a + b + mark

    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", _OLD_TONE.sub(move, decomposed)), gold


# Unit names as printed in short form; used only where data/abbreviations.json expands them back.
_ABBREVIATE = [("Ủy ban nhân dân", "UBND"), ("ỦY BAN NHÂN DÂN", "UBND"), ("Hội đồng nhân dân", "HĐND"),
               ("Mặt trận Tổ quốc", "MTTQ"), ("Bộ Chỉ huy Quân sự", "BCHQS"),
               ("Bộ đội Biên phòng", "BĐBP"), ("Trung tâm Y tế", "TTYT")]


def abbreviated(text: str, gold: dict) -> Transformed:
    from chinhsach.text.abbreviations import abbreviations
    from chinhsach.text.normalize import fold

    known = {k: fold(v) for k, v in abbreviations().items()}
    for full, short in _ABBREVIATE:
        if known.get(short.lower()) == fold(full.lower()):
            text = text.replace(full, short)
    return text, gold


def as_docx(text: str, gold: dict) -> Transformed:
    """A writer of the text as a Word file: paragraphs (a blank line ends one), ``**`` runs bold,
    ``*`` runs italic, the pipe tables chinhsach's table reader finds as Word tables."""
    from chinhsach.ingest.readers import read_source
    from chinhsach.structure.tables import _align_pipe_header, table_blocks

    def write(path: Path) -> None:
        import docx

        with tempfile.TemporaryDirectory() as tmp:
            md = Path(tmp) / "source.md"
            md.write_text(text, encoding="utf-8")
            lines = read_source(md).lines
        blocks = {b.first: b for b in table_blocks(lines) if b.from_pipes}
        document = docx.Document()
        para: list[str] = []

        def flush() -> None:
            joined = " ".join(x.strip() for x in para if x.strip() and x.strip() != "|").strip()
            para.clear()
            if not joined:
                return
            p = document.add_paragraph()
            # "**bold**" and "*italic*" runs; unmatched marks stay as text.
            for piece in re.split(r"(\*\*[^*]+\*\*|\*[^*]+\*)", joined):
                if not piece:
                    continue
                if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
                    p.add_run(piece[2:-2]).bold = True
                elif piece.startswith("*") and piece.endswith("*") and len(piece) > 2:
                    p.add_run(piece[1:-1]).italic = True
                else:
                    p.add_run(piece)

        i = 0
        while i < len(lines):
            block = blocks.get(i)
            if block is not None:
                flush()
                width = max(len(cells) for cells, _ in block.rows)
                grid = [list(cells) + [None] * (width - len(cells)) for cells, _ in block.rows]
                heads = block.header_rows or 0
                if heads > 1:
                    # Where the sub-column labels stand, as chinhsach's own reading of a pipe
                    # table puts them; Word keeps that geometry with merged cells.
                    grid[:heads] = [list(r) + [None] * (width - len(r))
                                    for r in _align_pipe_header(grid[:heads], width)]
                table = document.add_table(rows=len(grid), cols=width)
                filled = [(r, c) for r, cells in enumerate(grid) for c, cell in enumerate(cells) if cell]
                pieces = _cell_paragraphs([lines[k].text for k in range(block.first, block.last + 1)])
                for n, (r, c) in enumerate(filled):
                    cell = table.cell(r, c)
                    if len(pieces) != len(filled):
                        cell.text = grid[r][c] or ""
                        continue
                    # The cell's own paragraphs ("TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" / the name).
                    cell.text = _plain(pieces[n][0])
                    for extra in pieces[n][1:]:
                        cell.add_paragraph(_plain(extra))
                for r in range(heads if heads > 1 else 0):
                    for c in range(width):
                        if grid[r][c] is not None:
                            continue
                        if r == 0 and c > 0:  # a spanning group label ("GIAI ĐOẠN 2026 - 2030")
                            table.cell(r, c - 1).merge(table.cell(r, c))
                        elif r > 0 and grid[r - 1][c] is not None:  # a label merged down
                            table.cell(r - 1, c).merge(table.cell(r, c))
                i = block.last + 1
                continue
            line = lines[i]
            if line.gap_before or not line.text.strip():
                flush()
            para.append(line.text)
            i += 1
        flush()
        document.save(str(path))

    return write, gold


def _plain(text: str) -> str:
    return re.sub(r"\*+", "", text).strip()


def _cell_paragraphs(raw: list[str]) -> list[list[str]]:
    """The non-empty cells of a pipe-flattened region, each as its paragraphs: a cell's lines are
    one paragraph while a bold or italic span is open across them (a wrapped heading), else
    one paragraph each (the lines of a signature block)."""
    cells: list[list[str]] = []
    current: list[str] = []
    for line in raw:
        for n, piece in enumerate(line.split("|")):
            if n > 0 and current:
                cells.append(current)
                current = []
            piece = piece.strip()
            if not piece or re.fullmatch(r"(?:[-_=.*]\s*){3,}", piece):
                continue
            if current and (current[-1].count("**") % 2 or current[-1].replace("**", "").count("*") % 2):
                current[-1] += " " + piece
            else:
                current.append(piece)
    if current:
        cells.append(current)
    return cells


_NUMERIC_DATE = re.compile(r"\b(ngày|Ngày)(\s+)(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")
_WORD_DATE = re.compile(r"\b(ngày|Ngày)(\s+)(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)\b")
_MONTH_YEAR = re.compile(r"\b(tháng|quý)(\s+)(\d{1,2}|[IV]{1,3})/((?:19|20)\d\d)\b")
_MONTH_YEAR_WORDS = re.compile(r"\b(tháng|quý)(\s+)(\d{1,2}|[IV]{1,3})\s+năm\s+((?:19|20)\d\d)\b")


def dates_in_words(text: str, gold: dict) -> Transformed:
    """"ngày 30/6/2026" → "ngày 30 tháng 6 năm 2026", "quý I/2026" → "quý I năm 2026"."""
    text = _NUMERIC_DATE.sub(lambda m: f"{m[1]}{m[2]}{m[3]} tháng {m[4]} năm {m[5]}", text)
    return _MONTH_YEAR.sub(lambda m: f"{m[1]}{m[2]}{m[3]} năm {m[4]}", text), gold


def dates_in_figures(text: str, gold: dict) -> Transformed:
    """"ngày 17 tháng 11 năm 2025" → "ngày 17/11/2025", "tháng 6 năm 2026" → "tháng 6/2026"."""
    text = _WORD_DATE.sub(lambda m: f"{m[1]}{m[2]}{m[3]}/{m[4]}/{m[5]}", text)
    return _MONTH_YEAR_WORDS.sub(lambda m: f"{m[1]}{m[2]}{m[3]}/{m[4]}", text), gold


_LETTER_ITEM = re.compile(r"^([*_]*)([a-zđ])\)(\s)", re.M)
_NUMBER_ITEM = re.compile(r"^([*_]*)(\d{1,2})\.(\s)", re.M)
# A dash before a lower-case word or a number at a line's start is a wrapped compound or range
# ("chính trị" / "- xã hội", "05" / "- 06%/năm"), not a bullet: it stays a dash (a "+" there
# would be a change of content).
_DASH_ITEM = re.compile(r"^([*_]*)-(\s)(?=\s*(\S?))", re.M)


def other_markers(text: str, gold: dict) -> Transformed:
    """Item markers as other offices print them: "a)" → "a.", "1." → "1)", "- " → "+ "."""
    text = _LETTER_ITEM.sub(lambda m: f"{m[1]}{m[2]}.{m[3]}", text)
    text = _NUMBER_ITEM.sub(lambda m: f"{m[1]}{m[2]}){m[3]}", text)
    return _DASH_ITEM.sub(lambda m: m[0] if m[3].islower() or m[3].isdigit() else f"{m[1]}+{m[2]}", text), gold


def no_blank_lines(text: str, gold: dict) -> Transformed:
    """Paragraphs not set apart by blank lines (a PDF's text layer), tables' blank lines kept."""
    out = []
    for kind, lines in _paragraph_runs(text):
        if kind != "blank" or (out and _is_table_line(out[-1])):
            out.extend(lines)
    return "\n".join(out), gold


def portal_plain(text: str, gold: dict) -> Transformed:
    """A law portal's plain-text page (thuvienphapluat, thuviennhadat, hethongphapluat as the
    search tool's stored pages show them): no markdown, no blank lines between paragraphs, every
    paragraph hard-wrapped at about 70 columns, headings included. Each change alone is measured
    above; together they leave a heading no sign of its end but its outline marker."""
    text, gold = no_markdown(text, gold)
    return no_blank_lines(_rewrapped(text, 70), gold)


def _indent_wrap(words: list[str], first: int, width: int) -> list[str]:
    """Words wrapped at ``width``, the first line at ``first`` (a first-line indent)."""
    lines: list[str] = []
    current = ""
    for word in words:
        limit = first if not lines else width
        if current and len(current) + 1 + len(word) > limit:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


def portal_indent(text: str, gold: dict) -> Transformed:
    """A law portal's plain page that keeps each paragraph's first-line indent as a line break:
    no markdown, no blank lines, each paragraph's first line cut after about 30 characters and
    the rest wrapped at about 85 ("Căn cứ Quyết định số" / "1165/QĐ-TTg ngày …", "- Luật
    Phòng chống bệnh truyền" / "nhiễm ngày …"). Seen in 7 stored portal pages, e.g.
    thuvienphapluat.vn Ke-hoach-711-KH-UBND-2023 (Bắc Kạn), Quyet-dinh-2340-QD-UBND-2022 (Bình
    Định), thuviennhadat.vn ke-hoach-1556-kh-ubnd-2024 (Lai Châu), ke-hoach-07-kh-ubnd-2020 (Lạng
    Sơn), ke-hoach-24-kh-ubnd-2021 (Thừa Thiên Huế). Headings are cut the same way ("I. CĂN CỨ"
    / "XÂY DỰNG KẾ HOẠCH")."""
    text, gold = no_markdown(text, gold)
    out = []
    for kind, lines in _paragraph_runs(text):
        if kind == "text":
            out.extend(_indent_wrap(" ".join(x.strip() for x in lines).split(), 30, 85))
        else:
            out.extend(lines)
    return no_blank_lines("\n".join(out), gold)


# A part's heading: a Roman marker and its title, alone on its line or in one bold span that the
# crawl wrapped over a few lines ("**III. NHIỆM VỤ," / "GIẢI PHÁP**").
_ROMAN_BOLD = re.compile(r"^(\*\*)([IVX]+\s*[.\-–]\s*)([^*|]{4,160}?)(\*\*)[ \t]*$", re.M)
_ROMAN_PLAIN = re.compile(r"^()([IVX]+\s*[.\-–]\s+)([^*|\n]+)()$", re.M)


def _sentence_case(title: str) -> str:
    low = title.lower()
    return low[:1].upper() + low[1:]


def heading_case(text: str, gold: dict) -> Transformed:
    """The parts' headings in sentence case instead of capitals: "I. Mục đích, yêu cầu",
    "II. Nhiệm vụ, giải pháp" (luatminhkhue.vn ke-hoach-2516-kh-ubnd-nam-2014 of Kon Tum prints
    its parts so). Only a Roman-numbered title wholly in capitals changes; names of bodies are
    never part headings in the development plans."""
    def repl(m: re.Match[str]) -> str:
        bold_open, marker, title, bold_close = m.group(1), m.group(2), m.group(3), m.group(4)
        letters = [c for c in title if c.isalpha()]
        if len(letters) < 4 or not all(c.isupper() for c in letters):
            return m.group(0)
        return f"{bold_open or ''}{marker}{_sentence_case(title)}{bold_close or ''}"

    return _ROMAN_PLAIN.sub(repl, _ROMAN_BOLD.sub(repl, text)), gold


TRANSFORMS: dict[str, Callable[[str, dict], Transformed]] = {
    "years+4": years_shifted,
    "province": other_province,
    "no-markdown": no_markdown,
    "paragraphs": joined_paragraphs,
    "wrap60": wrapped_60,
    "docx": as_docx,
    "nfd": nfd,
    "old-tones": old_tones,
    "abbreviated": abbreviated,
    "dates-in-words": dates_in_words,
    "dates-in-figures": dates_in_figures,
    "item-markers": other_markers,
    "no-blank-lines": no_blank_lines,
    "portal-plain": portal_plain,
    "portal-indent": portal_indent,
    "heading-case": heading_case,
}

# ---------------------------------------------------------------------------------------------
# Scoring (extraction_eval's scorers)
# ---------------------------------------------------------------------------------------------


def score(doc: dict, gold: dict) -> dict:
    res: dict = {}
    res["targets"] = prf(match_targets(doc["targets"], gold["targets"]), len(doc["targets"]), len(gold["targets"]))
    g_units, p_units = unit_triples(gold["duties"]), unit_triples(doc["duties"], printed=printed_names(gold))
    res["units_with_roles"] = prf(sum((g_units & p_units).values()), sum(p_units.values()), sum(g_units.values()))
    res["citations"] = citation_score(doc["citations"], gold["citations"])
    right, total, wrong = meta_score(doc["meta"], gold["meta"])
    res["meta"] = {"right": right, "total": total, "wrong": wrong}
    d_right, d_total = deadline_score(doc["duties"], gold["duties"])
    res["deadlines"] = {"right": d_right, "total": d_total}
    res["_missed_units"] = sorted(map(list, (g_units - p_units).elements()), key=str)
    res["_extra_units"] = sorted(map(list, (p_units - g_units).elements()), key=str)
    return res


def aggregate(results: list[dict]) -> dict:
    out: dict = {}
    for key in ("targets", "units_with_roles", "citations"):
        c: Counter = Counter()
        for r in results:
            c.update({k: r[key][k] for k in ("tp", "predicted", "gold")})
        out[key] = prf(c["tp"], c["predicted"], c["gold"])
    for key in ("meta", "deadlines"):
        right, total = sum(r[key]["right"] for r in results), sum(r[key]["total"] for r in results)
        out[key] = {"right": right, "total": total, "ratio": right / total if total else 1.0}
    return out


def documents() -> list[tuple[str, Path, dict]]:
    """(group, document path, gold) for the development real plans and the seed plan."""
    out = []
    for group, gold_path in [("real", p) for p in sorted((GOLD / "real").glob("*.json"))] + [("seed", SEED)]:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        try:
            out.append((group, document_path(gold_path, gold["file"]), gold))
        except GoldFileError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
    return out


def run_one(path: Path, gold: dict, name: str | None, tmp: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if name is None:
        content: str | Callable[[Path], None] = text
        new_gold = gold
    else:
        content, new_gold = TRANSFORMS[name](text, gold)
    if isinstance(content, str):
        out = tmp / path.name
        out.write_text(content, encoding="utf-8")
    else:
        out = tmp / (path.stem + ".docx")
        content(out)
    doc = parse(out, doc_id=path.stem).to_dict()
    return score(doc, new_gold)


_COLUMNS = (("targets", "targets F1"), ("units_with_roles", "units with roles F1"),
            ("deadlines", "deadlines"), ("meta", "meta"), ("citations", "citations F1"))


def _value(agg: dict, key: str) -> float:
    return agg[key]["f1"] if "f1" in agg[key] else agg[key]["ratio"]


def table(rows: dict[str, dict]) -> str:
    base = rows["none"]
    head = "| transformation | " + " | ".join(label for _, label in _COLUMNS) + " |\n"
    head += "|---" * (len(_COLUMNS) + 1) + "|\n"
    lines = []
    for name, agg in rows.items():
        cells = []
        for key, _label in _COLUMNS:
            v = _value(agg, key)
            d = v - _value(base, key)
            cells.append(f"{v:.3f}" + ("" if name == "none" else f" ({d:+.3f})" if abs(d) >= 0.0005 else " (=)"))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return head + "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", action="append", help="run only this transformation (repeatable)")
    parser.add_argument("--doc", help="only documents whose name contains this")
    parser.add_argument("--verbose", action="store_true", help="per document: what moved")
    parser.add_argument("--write", action="store_true", help="print the markdown tables only")
    args = parser.parse_args()
    names = [None] + [n for n in TRANSFORMS if not args.only or n in args.only]
    docs = [d for d in documents() if not args.doc or args.doc in d[1].stem]
    per: dict[str | None, dict[str, tuple[str, dict]]] = {}
    with tempfile.TemporaryDirectory() as tmpdir:
        for name in names:
            per[name] = {}
            for group, path, gold in docs:
                sub = Path(tmpdir) / (name or "none")
                sub.mkdir(exist_ok=True)
                per[name][path.stem] = (group, run_one(path, gold, name, sub))
    if args.verbose:
        for name in names[1:]:
            for stem, (_group, res) in per[name].items():
                base = per[None][stem][1]
                moved = [k for k, _ in _COLUMNS if _value(aggregate([res]), k) != _value(aggregate([base]), k)]
                if not moved:
                    continue
                print(f"## {name} {stem}: {', '.join(moved)}")
                if "units_with_roles" in moved:
                    for label, key in (("lost units:", "_missed_units"), ("new extra: ", "_extra_units")):
                        moved_units = Counter(map(tuple, res[key])) - Counter(map(tuple, base[key]))
                        print("  ", label, sorted(moved_units.elements(), key=str)[:12])
                if "meta" in moved:
                    print("   meta wrong:", res["meta"]["wrong"])
                for k in ("targets", "units_with_roles", "citations"):
                    if k in moved:
                        print(f"   {k}: {base[k]['tp']}/{base[k]['predicted']}/{base[k]['gold']} -> "
                              f"{res[k]['tp']}/{res[k]['predicted']}/{res[k]['gold']}")
                if "deadlines" in moved:
                    print(f"   deadlines: {base['deadlines']} -> {res['deadlines']}")
    for group in ("real", "seed"):
        rows = {name or "none": aggregate([r for g, r in per[name].values() if g == group]) for name in names}
        if any(g == group for g, _ in per[None].values()):
            print(f"\n### {group} ({sum(1 for g, _ in per[None].values() if g == group)} documents)\n")
            print(table(rows))


if __name__ == "__main__":
    main()
