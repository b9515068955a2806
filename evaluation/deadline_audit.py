"""How the deadline reader does on the time limits real Vietnamese texts write, form by form.

    .venv/bin/python evaluation/deadline_audit.py [--sample N] [--show FORM] [--sample-file PATH]

Reads real text only: the eight development plans (``gold/real/*.json`` name them, in
``../shared/real/plans``), the seed (``corpus/*.txt``), the six DOCX laws
(``../shared/real/ingestion/docx``), the OCR gold texts (``gold/ocr/*.txt``) and the ALQAC
statute corpora (``../shared/benchmarks/alqac``) **without** the five laws of the fresh check
(``fresh_alqac_laws.is_fresh_law``, never read here). Nothing of that text is written into the repository.

Each sentence (a table cell on its own) is searched with a broad, recall-oriented net of time
expressions, one pattern per FORM (:data:`FORMS`). The net knows, for each form and context, what
the reader should give (:class:`Expect`): an ISO date, words without a date (a date without
its year, a relative limit "trong thời hạn 15 ngày kể từ …", "ngay sau khi …" — GUIDELINES-real.md
[decided, lead s11]: ``deadline_text`` as printed, no date, as the development gold of kh153), a
recurrence label, or nothing (a start "từ ngày …", the end of a validity, "vào năm 2030", a
period named in passing, "kịp thời", "khi có yêu cầu"). The sentence's deadline is judged on its
first dated expression (the reader keeps the first), else its first undated one; each recurrence
form on its own. Verdicts: ``right``, ``wrong`` (another value, or a value where none is due),
``missed`` (nothing where something is due), ``none-ok`` (nothing, rightly). Table cells go through
:func:`chinhsach.extract.tables.time_cell`, the table path; sentences through
:func:`chinhsach.extract.duties.find_deadline`. On the plans the parsed duties are checked too
(``plans: in a duty / agreeing``).

``--sample N`` prints a fixed sample of hits (hash order) for a hand check (to the terminal, not to
the repository); ``--sample-file`` reads the hand verdicts of such a sample (key → verdicts) and
reports the precision of the net and of the reader on it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# DEADLINE_AUDIT_SRC: another checkout's src, to measure the reader before a change.
sys.path.insert(0, os.environ.get("DEADLINE_AUDIT_SRC") or str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "evaluation"))

from fresh_alqac_laws import is_fresh_law  # noqa: E402

from chinhsach.extract.duties import find_deadline  # noqa: E402
from chinhsach.extract.tables import time_cell  # noqa: E402
from chinhsach.pipeline import read_document  # noqa: E402
from chinhsach.text.normalize import fold  # noqa: E402
from chinhsach.text.numbers import month_end  # noqa: E402

#: The fresh-check laws, by their ids in the three ALQAC files: never read.
ALQAC_FILES = ("alqac2022/law2022.json", "alqac2023/law.json", "alqac2023_oct_release/legal_passages.json")
SEED = 20261203


def _shared(*parts: str) -> Path | None:
    for anc in ROOT.parents:
        p = anc.joinpath("shared", *parts)
        if p.exists():
            return p
    return None


# ---------------------------------------------------------------------------------------------
# Sources: (source name, sentence or cell, is_cell)
# ---------------------------------------------------------------------------------------------

_SENT_SPLIT = re.compile(r"(?<=[.;])\s+(?=\S)")


def _sentences(block: str) -> Iterator[str]:
    for s in _SENT_SPLIT.split(" ".join(block.split())):
        s = s.strip()
        if len(s) >= 4:
            yield s


def plan_files() -> list[Path]:
    out = []
    for g in sorted((ROOT / "evaluation" / "gold" / "real").glob("*.json")):
        file = json.loads(g.read_text(encoding="utf-8"))["file"]
        p = _shared("real", "plans", Path(file).name)
        if p:
            out.append(p)
    return out


def _document_units(path: Path) -> Iterator[tuple[str, bool]]:
    """Sentences of a file's paragraphs as the pipeline joins them (a plan's lines are wrapped),
    and its tables' cells: a time column's cell on its own, other cells as sentences."""
    doc = read_document(path)
    for seg in doc.segments:
        if seg.kind != "table_row":
            yield from ((s, False) for s in _sentences(seg.text))
    for table in doc.tables:
        for row in table.rows:
            if getattr(row, "kind", "data") != "data":
                continue
            for cell, role in zip(row.cells, table.roles, strict=False):
                if cell:
                    if role == "time":
                        yield cell.strip(), True
                    else:
                        yield from ((s, False) for s in _sentences(cell))


def units() -> Iterator[tuple[str, str, str, bool]]:
    """(group, source, text, is_cell) over every real text of the audit."""
    files = [("plans", p) for p in plan_files()]
    files += [("seed", p) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    docx = _shared("real", "ingestion", "docx")
    files += [("docx-laws", p) for p in (sorted(docx.glob("*.docx")) if docx else [])]
    files += [("ocr", p) for p in sorted((ROOT / "evaluation" / "gold" / "ocr").glob("*.txt"))]
    for group, p in files:
        for s, cell in _document_units(p):
            yield group, p.stem, s.replace("⟦", "").replace("⟧", ""), cell
    alqac = _shared("benchmarks", "alqac")
    seen: set[str] = set()
    for rel in ALQAC_FILES if alqac else ():
        path = alqac / rel  # type: ignore[operator]
        if not path.is_file():
            continue
        for law in json.loads(path.read_text(encoding="utf-8")):
            if is_fresh_law(str(law["id"])):
                continue
            for art in law["articles"]:
                for line in art["text"].split("\n"):
                    for s in _sentences(line):
                        if s not in seen:  # the same law is in several releases
                            seen.add(s)
                            yield "alqac", str(law["id"]), s, False


# ---------------------------------------------------------------------------------------------
# The net: one pattern per form, on folded text; each knows what the reader should give
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Expect:
    """What the reader should give for one hit: ``iso`` (a date), ``words`` (words, no date),
    ``label`` (a recurrence label), or ``none``."""

    kind: str
    value: str | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    form: str
    start: int
    end: int
    expect: Expect


_NUM = r"(?:\d{1,3}|(?:(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|muoi|hai muoi|ba muoi|bon muoi)\s?){1,3})"
_UNIT = r"(?:ngay lam viec|ngay|thang|nam|gio|tuan)"
# Words that make the date after them a time limit.
_DW = (r"(?:truoc|cham nhat(?: la)?|den het|den|hoan thanh(?: truoc| trong)?|xong(?: truoc| trong)?|trong|cuoi|vao|"
       r"du kien|han chot|thoi (?:gian|han)(?: thuc hien| hoan thanh| trien khai)?\s*:?)")
_START = r"(?:tu|ke tu|tinh tu|bat dau tu|bat dau)"
_Q = {"i": 3, "ii": 6, "iii": 9, "iv": 12, "1": 3, "2": 6, "3": 9, "4": 12}


def _ctx(f: str, start: int) -> str:
    """The context before a time expression: dw (a deadline word), start, validity, bare."""
    before = f[max(0, start - 40) : start]
    if re.search(r"\b(?:co|con)\s+(?:\w+\s+){0,3}?(?:hieu luc|gia tri)\b[^.;]*\bden(?: het)?\s+(?:ngay\s+)?$"
                 r"|\bhet hieu luc\s+(?:tu\s+|ke tu\s+)?(?:ngay\s+)?$|\bhan dung\s*:?\s*$", f[:start]):
        return "validity"
    if re.search(rf"\b{_START}\s+(?:ngay\s+)?$", before):
        return "start"
    if re.search(rf"\b{_DW}\s+(?:ngay\s+)?$|\(\s*$", before):
        return "vao" if re.search(r"\bvao\s+$", before) else "dw"
    return "bare"


def _iso(d: int, m: int, y: int) -> str | None:
    from chinhsach.text.numbers import iso_date
    return iso_date(d, m, y)


def net(text: str, cell: bool) -> list[Hit]:
    f = fold(text)
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []

    def add(form: str, m: re.Match[str], expect: Expect) -> None:
        if any(a < m.end() and m.start() < b for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        hits.append(Hit(form, m.start(), m.end(), expect))

    where = "cell" if cell else None
    # Absolute dates, longest forms first.
    for m in re.finditer(r"(?<![\d/])(?:ngay\s+)?(\d{1,2})\s*(?:/|-|\.|\s+thang\s+)\s*(\d{1,2})\s*(?:/|-|\.|,?\s+nam\s+)\s*(\d{4})(?!\d)", f):
        c = where or _ctx(f, m.start())
        if c == "bare":
            taken.append((m.start(), m.end()))  # a document's date: its month and year are no time limit
            continue
        iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        add(f"date d/m/y [{c}]", m, Expect("iso", iso) if c in ("dw", "cell") else Expect("none"))
    for m in re.finditer(r"\b(?:6|06|sau) thang (dau|cuoi) nam\s+(20\d\d)\b", f):
        add("half-year of a year", m, Expect("iso", f"{m.group(2)}-{'06-30' if m.group(1) == 'dau' else '12-31'}"))
    for m in re.finditer(r"\bquy\s+(?:(?:iv|iii|ii|i|[1-4])\s*(?:,|va|-|den)\s*(?:quy\s+)?)*(iv|iii|ii|i|[1-4])\b"
                         r"\s*(?:/|-|,?\s+nam\s+)\s*(20\d\d)\b", f):
        c = where or _ctx(f, m.start())
        iso = month_end(int(m.group(2)), _Q[m.group(1)])
        add(f"quarter/year [{c}]", m, Expect("none") if c in ("start", "validity") else Expect("iso", iso))
    for m in re.finditer(r"\bthang\s+(\d{1,2})\s*(?:/|-|,?\s+nam\s+)\s*(20\d\d)\b", f):
        c = where or _ctx(f, m.start())
        if not 1 <= int(m.group(1)) <= 12:
            continue
        iso = month_end(int(m.group(2)), int(m.group(1)))
        add(f"month/year [{c}]", m, Expect("none") if c in ("start", "validity") else Expect("iso", iso))
    for m in re.finditer(r"\b(?:giai doan\s+|tu nam\s+|nam\s+)?(20\d\d)\s*(?:-|–|—|den(?: nam)?)\s*(20\d\d)\b", f):
        c = "cell" if cell else ("label" if re.search(r"thoi (?:gian|han)[^:]{0,25}:\s*$", f[: m.start()]) else "text")
        add(f"period y-y [{c}]", m, Expect("iso", f"{m.group(2)}-12-31") if c in ("cell", "label") else Expect("none"))
    for m in re.finditer(r"\bnam\s+(20\d\d)\s+(?:va\s+(?:cac|nhung)\s+nam\s+(?:tiep theo|sau|tiep)|tro di)\b", f):
        add("year and the years after", m, Expect("words"))
        hits.append(Hit("recurrence: hằng năm", m.start(), m.end(), Expect("label", "hằng năm")))
    for m in re.finditer(r"(?<![\d/])(?:nam\s+)?(20\d\d)\b(?!\s*[-–/]\s*\d)", f):
        c = where or _ctx(f, m.start())
        if cell and not re.fullmatch(r"\W*(?:(?:trong|ca|den het|den|truoc|cham nhat)\s+)?(?:nam\s+)?20\d\d\W*", f):
            continue  # a year inside a longer cell is not the cell's time
        if not cell and (c == "bare" or not f[m.start() :].startswith("nam")):
            continue  # a bare year in a sentence is a title's or a target's year
        if re.search(r"\b(?:tam nhin|dinh huong)\s+(?:den\s+)?$", f[: m.start()]) or re.match(
                r"\s*,?\s*(?:tam nhin|dinh huong)\b", f[m.end() :]):
            c = "name"  # "… đến năm 2030, tầm nhìn đến năm 2045": the years of a strategy's name
        elif re.match(r"\s*(?:\(|,?\s*(?:theo|tai|ban hanh kem theo)\s+(?:quyet dinh|nghi quyet|ke hoach|chi thi)\b)",
                      f[m.end() :]) and re.search(r"\b(?:chuong trinh|chien luoc|de an|quy hoach|ke hoach|nghi quyet|"
                                                  r"chi thi|du an)\b[^.;:]*$", f[: m.start()]):
            c = "name"  # "Chương trình … đến năm 2030 theo Quyết định số …": a cited name
        exp = (Expect("none") if c in ("start", "validity", "vao", "name") else Expect("iso", f"{m.group(1)}-12-31"))
        add(f"year [{c}]", m, exp)
    # Dates without a year: words, no ISO (GUIDELINES: "trước ngày 15/12" under "hằng năm").
    for m in re.finditer(rf"\b{_DW}\s+(?:ngay\s+)?(\d{{1,2}})\s*(?:/|\s+thang\s+)\s*(\d{{1,2}})\b(?!\s*(?:/|-|\.)\s*\d)(?!,?\s+nam\s+\d)", f):
        if 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12 and "/" not in f[m.end() : m.end() + 1]:
            add("day/month, no year", m, Expect("words"))
    for m in re.finditer(r"\b(?:truoc|cham nhat(?: la)?|den(?: het)?|vao)\s+ngay\s+(\d{1,2})\s*(?:,\s*)?(?:cua\s+)?"
                         r"(?:(?:hang|moi)\s+(?:thang|quy)|thang\s+(?:cuoi|dau|cua|tiep theo|sau)|quy\b)", f):
        add("day of every month/quarter", m, Expect("words"))
    for m in re.finditer(r"\b(?:trong|truoc|den het|cuoi|vao)\s+(?:quy\s+(?:iv|iii|ii|i|[1-4])|thang\s+\d{1,2})\b(?!\s*(?:/|-|,?\s+nam\s+)\s*\d)", f):
        add("quarter/month, no year", m, Expect("words"))
    # Terms and entry into force: a length, no time limit ("có thời hạn là 05 năm").
    for m in re.finditer(rf"\b(?<!trong )(?:co thoi han|thoi han[^,;.]{{0,40}}\bla|hieu luc sau)\s+(?:la\s+|khong qua\s+|toi da\s+)?{_NUM}\s+{_UNIT}\b", f):
        add("term or entry into force", m, Expect("none"))
    # A period's definition or its lapse as a condition ("Hết thời hạn 03 tháng … mà …", "Thời
    # hạn này không quá 03 năm"), a cap on an extension ("kéo dài … không quá 15 ngày kể từ"),
    # a ban ("không được … trong thời hạn 03 năm"): no limit to act by.
    for m in re.finditer(rf"(?:\bhet thoi han|^\W*thoi han(?: nay| [a-z ]{{0,30}}?)?)\s+(?:la\s+|khong qua\s+)?"
                         rf"{_NUM}\s+{_UNIT}\b|\b(?:khong qua|toi da)\s+{_NUM}\s+{_UNIT}\b(?=\s*,?\s*(?:ke tu|tinh tu)\b)", f):
        add("period defined, lapsed or capped", m, Expect("none"))
    for m in re.finditer(rf"\bkhong duoc\b[^.;]*\btrong thoi han\s+{_NUM}\s+{_UNIT}\b", f):
        add("ban for a period", m, Expect("none"))
    # Relative limits: a number of days/months counted from an event.
    for m in re.finditer(rf"\b(?:trong\s+)?thoi han\s+(?:la\s+|khong qua\s+|toi da\s+|toi thieu\s+)?{_NUM}\s+{_UNIT}\b", f):
        add("relative: thời hạn N days", m, Expect("words"))
    for m in re.finditer(rf"\bcham nhat\s+(?:la\s+)?(?:sau\s+|truoc\s+)?(?:la\s+)?{_NUM}\s+{_UNIT}\b", f):
        add("relative: chậm nhất N days", m, Expect("words"))
    for m in re.finditer(rf"\bsau\s+{_NUM}\s+{_UNIT}\b(?=\s*,?\s*(?:ke tu|tinh tu)\b)", f):
        add("after N days from an event (an earliest time)", m, Expect("none"))
    # [decided, lead s11]: "trong thời gian N ngày …, kể từ …" and "ngay sau khi …" are limits too.
    for m in re.finditer(rf"\b(?:trong vong|trong thoi gian|trong|truoc|it nhat(?: la)?|khong qua|toi da)\s+{_NUM}"
                         rf"(?:\s*\([a-z ]+\))?\s+{_UNIT}\b"
                         r"(?=\s*,?\s*(?:ke tu|tinh tu|sau khi|truoc khi|truoc ngay|ke khi|tu ngay|tu khi)\b)", f):
        add("relative: N days from an event", m, Expect("words"))
    # Recurrences.
    rec = [
        (r"\b(?:hang|moi|thuong) nam\b", "hằng năm"), (r"\b(?:hang|moi) quy\b", "hằng quý"),
        (r"\b(?:hang|moi) thang\b", "hằng tháng"), (r"\b(?:hang|moi) tuan\b", "hằng tuần"),
        (r"\b(?:hang|moi) ngay\b", "hằng ngày"), (r"(?<!\bchi )(?<!\bkinh phi )(?<!\bboi duong )(?<!\blam viec )\bthuong xuyen\b", "thường xuyên"),
        (r"\bthuong nien\b", "thường niên"),
        (r"\b(?:dinh ky|moi|bao cao|so ket|danh gia)\s+(?:0?6|sau) thang\b(?!\s+(?:dau|cuoi) nam)"
         r"|\b(?:0?6|sau) thang\s*(?:,|va)\s*(?:hang\s+|ca\s+|tong ket\s+)?nam\b|\b0?6 thang\s+(?:mot|01|1)\s+lan\b",
         "6 tháng"),
        (r"\bdinh ky\b(?!,?\s+(?:hang|moi|\d+|sau|mot|hai|ba|bon|nam)\b)", "định kỳ"),
    ]
    every_n = re.search(rf"\b{_NUM}\s+(?:nam|thang)\s+(?:mot|1|01)\s+lan\b|\bdinh ky\s+(?:it nhat\s+)?\d+\s+(?:nam|thang)\b", f)
    for pattern, label in rec:
        if label == "định kỳ" and (every_n or any(re.search(p, f) for p, lb in rec if lb not in ("định kỳ", "thường xuyên"))):
            continue  # a stated frequency says more than "định kỳ" (GUIDELINES-real.md)
        for m in re.finditer(pattern, f):
            if label == "định kỳ" and len(f) == len(text) and text[m.end() - 1].lower() not in "ỳy":
                continue  # "quyết định kỷ luật", "quy định kỹ thuật": folded, they read "dinh ky"
            if (f.startswith("hang", m.start()) and re.search(r"\b(?:nghi|cay|bao|sinh hoat|thiet yeu|nhu cau)\s+$",
                                                              f[: m.start()])) or re.match(
                    r"\s+(?:lam viec|cong tac)\b", f[m.end() :]):
                # "nghỉ hằng năm" (annual leave), "cây hằng năm", "báo hằng ngày", "mỗi năm làm việc"
                hits.append(Hit("compound, no cycle", m.start(), m.end(), Expect("nolabel", label)))
                continue
            hits.append(Hit(f"recurrence: {label}", m.start(), m.end(), Expect("label", label)))
    for m in re.finditer(rf"\b(?:dinh ky\s+)?{_NUM}\s+(?:nam|thang)\s+(?:mot|1)\s+lan\b|\bdinh ky\s+{_NUM}\s+(?:nam|thang)\b", f):
        if not re.search(r"\b(?:0?6|sau) thang\b", m.group(0)):
            hits.append(Hit("recurrence: every N years/months", m.start(), m.end(), Expect("label", "N")))
    # "06 tháng" that no cycle word goes with is a length ("06 tháng liền", "06 tháng liền kề").
    for m in re.finditer(r"\b0?6 thang\b", f):
        if not any(h.start <= m.start() < h.end + 12 for h in hits):
            hits.append(Hit("length: 06 tháng", m.start(), m.end(), Expect("nolabel", "6 tháng")))
    # Manner and triggers: no date, no cycle.
    for m in re.finditer(r"\b(?:kip thoi|theo tien do|khi co yeu cau|theo yeu cau|dot xuat)\b", f):
        hits.append(Hit("manner/trigger", m.start(), m.end(), Expect("none")))
    # "ngay sau khi <event>": at once after an event, a relative limit with no length ([decided,
    # lead s11] in GUIDELINES-real.md; before, read as a trigger with nothing due). "ngày sau khi"
    # (N days after) folds the same: the tones tell them apart.
    for m in re.finditer(r"\bngay sau khi\b", f):
        if len(f) == len(text) and text[m.start() : m.start() + 4].lower() == "ngay":
            add("relative: ngay sau khi", m, Expect("words"))
    return sorted(hits, key=lambda h: h.start)


# ---------------------------------------------------------------------------------------------
# Judging
# ---------------------------------------------------------------------------------------------

def read(text: str, cell: bool) -> tuple[str | None, str | None, str | None]:
    if cell:
        d, w, r, _ = time_cell(text)
        return d, w, r
    return find_deadline(text)


def _labels(recurring: str | None) -> list[str]:
    return [x.strip() for x in (recurring or "").split(",") if x.strip()]


def judge(text: str, cell: bool, hits: list[Hit],
          got: tuple[str | None, str | None, str | None]) -> list[tuple[Hit, str]]:
    """(hit, verdict) for the sentence's deadline hit and each recurrence hit."""
    deadline, words, recurring = got
    out: list[tuple[Hit, str]] = []
    dl = [h for h in hits if h.expect.kind in ("iso", "words")]
    first = ([h for h in dl if h.expect.kind == "iso"] or dl or [None])[0]
    if first is not None:
        if first.expect.kind == "iso":
            v = "right" if deadline == first.expect.value else "wrong" if deadline else "missed"
        else:
            v = "wrong" if deadline else "right" if words else "missed"
        out.append((first, v))
    for h in hits:
        if h.expect.kind == "none":
            span = fold(text)[h.start : h.end]
            from_it = bool(words) and (fold(words) in fold(text)[h.start - 12 : h.end + 2] or span in fold(words))
            if first is None and deadline:
                out.append((h, "wrong"))
            else:
                out.append((h, "wrong" if from_it else "none-ok"))
        elif h.expect.kind == "nolabel":
            out.append((h, "wrong" if h.expect.value in _labels(recurring) else "none-ok"))
        elif h.expect.kind == "label":
            labels = _labels(recurring)
            if h.expect.value == "N":
                v = "right" if any(re.fullmatch(r"\d+ (?:năm|tháng)|hằng năm|hằng tháng", x) for x in labels) else "missed"
            else:
                v = "right" if h.expect.value in labels else "missed"
            out.append((h, v))
    return out


def key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def run(args: argparse.Namespace) -> int:
    counts: dict[str, Counter] = defaultdict(Counter)
    groups: dict[str, Counter] = defaultdict(Counter)
    rows: list[tuple[str, str, str, str, tuple, list[tuple[Hit, str]]]] = []
    n_units = n_with = 0
    outside: list[tuple[str, str, str, tuple]] = []
    for group, source, text, cell in units():
        n_units += 1
        hits = net(text, cell)
        if not hits:
            got = read(text, cell)
            if any(got):  # a claim the net did not see: judged by hand (--claims)
                outside.append((group, source, text, got))
            continue
        n_with += 1
        got = read(text, cell)
        verdicts = judge(text, cell, hits, got)
        for h, v in verdicts:
            counts[h.form][v] += 1
            groups[group][v] += 1
        rows.append((group, source, text, "cell" if cell else "text", got, verdicts))
    print(f"units read: {n_units}; with a time expression: {n_with}")
    print("\n| form | hits | right | wrong | missed | none-ok |\n|---|---:|---:|---:|---:|---:|")
    total: Counter = Counter()
    for form in sorted(counts):
        c = counts[form]
        total.update(c)
        print(f"| {form} | {sum(c.values())} | {c['right']} | {c['wrong']} | {c['missed']} | {c['none-ok']} |")
    print(f"| **all** | {sum(total.values())} | {total['right']} | {total['wrong']} | {total['missed']} | {total['none-ok']} |")
    print("\n| source group | right | wrong | missed | none-ok |\n|---|---:|---:|---:|---:|")
    for g, c in sorted(groups.items()):
        print(f"| {g} | {c['right']} | {c['wrong']} | {c['missed']} | {c['none-ok']} |")
    print(f"\nreader claims on sentences outside the net: {len(outside)}")
    if args.claims:
        claims = [(g, src, t, got) for g, src, t, _k, got, _v in rows if any(got)] + outside
        claims.sort(key=lambda c: hashlib.sha1(f"{SEED}:claim:{c[2]}".encode()).hexdigest())
        for g, src, t, got in claims[: args.claims]:
            print(f"\nclaim {key(t)} {g}/{src} → {got}\n   «{t[:500]}»")
    if args.plans:
        plan_duties(rows)
    if args.show:
        for group, source, text, kind, got, verdicts in rows:
            for h, v in verdicts:
                if args.show in h.form and (args.verdict is None or v == args.verdict):
                    print(f"\n[{v}] {h.form} {group}/{source} ({kind}) → {got}\n   {text[:400]}")
    if args.sample:
        # The first N hits by a hash of (sentence, form, place): the same hits stay in the sample
        # when the net or the reader change elsewhere, so a hand verdict can be re-read.
        flat = sorted(((r, h, v) for r in rows for h, v in r[5]),
                      key=lambda x: hashlib.sha1(f"{SEED}:{x[0][2]}:{x[1].form}:{x[1].start}".encode()).hexdigest())
        for (group, source, text, kind, got, _), h, v in flat[: args.sample]:
            print(f"\n{key(text)}:{h.start} {h.form} [{v}] {group}/{source} ({kind}) → {got}\n   "
                  f"«{text[max(0, h.start - 120) : h.end + 120]}»")
    if args.sample_file:
        check = json.loads(Path(args.sample_file).read_text(encoding="utf-8"))["hits"]
        net_ok = sum(1 for x in check if x["net"])
        reader_ok = sum(1 for x in check if x["reader"])
        agree = sum(1 for x in check if x["reader"] == (x["verdict"] in ("right", "none-ok")))
        print(f"\nhand check ({len(check)} hits): the net's form and expectation right {net_ok}/{len(check)}; "
              f"the reader right {reader_ok}/{len(check)}; the audit's verdict agrees with the hand {agree}/{len(check)}")
        claims_checked = json.loads(Path(args.sample_file).read_text(encoding="utf-8")).get("claims", [])
        if claims_checked:
            right = sum(1 for x in claims_checked if x["right"])
            print(f"hand check of the reader's claims: right {right}/{len(claims_checked)}")
        main_checked = json.loads(Path(args.sample_file).read_text(encoding="utf-8")).get("claims_main", [])
        if main_checked:
            right = sum(1 for x in main_checked if x["right"])
            print(f"hand check of main's (d92cf1c) claims: right {right}/{len(main_checked)}")
    return 0


def plan_duties(rows: list) -> None:
    """On the plans: hits inside a parsed duty, and whether the duty's time agrees."""
    from chinhsach import parse

    duties: dict[str, list] = {}
    for p in plan_files():
        duties[p.stem] = [(fold(" ".join(d.text.split())), d) for d in parse(p).duties]
    inside = agree = 0
    misses: list[str] = []
    for group, source, text, kind, _got, verdicts in rows:
        if group != "plans" or not verdicts or kind == "cell":
            continue  # a table's time cell is scored by evaluation/table_eval.py with its row
        probe = fold(" ".join(text.replace("**", "").split()))[:80]
        if len(probe) < 30:
            continue  # too short to find its duty by its words
        match = next((d for t, d in duties.get(source, []) if t.startswith(probe)), None)
        if match is None:
            continue
        inside += 1
        ok = judge(text, False, [h for h, _ in verdicts], (match.deadline, match.deadline_text, match.recurring))
        if all(v in ("right", "none-ok") for _, v in ok):
            agree += 1
        else:
            misses.append(f"{source}: {match.deadline}, {match.deadline_text}, {match.recurring} ← {text[:160]}")
    print(f"\nplans: sentences with a time expression inside a parsed duty: {inside}; agreeing: {agree}")
    for line in misses:
        print("  -", line)


def gold_precision() -> None:
    """On the development gold (8 real plans and the seed): of the gold duties with no time, how
    many get a deadline or a recurrence from the reader (extraction_eval.py scores only the gold
    duties that have one, so a time given where the gold has none is not seen there)."""
    from extraction_eval import match_duty
    from gold_check import document_path

    from chinhsach import parse

    golds = sorted((ROOT / "evaluation" / "gold" / "real").glob("*.json"))
    golds += [g for g in sorted((ROOT / "evaluation" / "gold").glob("*.json")) if not g.stem.startswith(("minh-hoa", "check-"))]
    untimed = given = 0
    examples: list[str] = []
    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        try:
            pred = [d.to_dict() for d in parse(document_path(g, gold["file"])).duties]
        except Exception as exc:  # noqa: BLE001 - a missing document is reported, not fatal
            print(f"skipped {g.name}: {exc}")
            continue
        used: set[int] = set()
        for gd in gold["duties"]:
            best = match_duty(gd, pred, used)
            if best is None:
                continue
            if not (gd.get("deadline") or gd.get("recurring")):
                untimed += 1
                p = pred[best]
                if p.get("deadline") or p.get("recurring"):
                    given += 1
                    examples.append(f"{g.stem[:12]} {gd['section']}: {p.get('deadline')}, {p.get('recurring')}")
    print(f"\ngold duties with no time (matched): {untimed}; given a deadline or recurrence: {given}")
    for e in examples:
        print("  -", e)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=0, help="print a fixed-seed sample of N hits")
    parser.add_argument("--sample-file", help="hand verdicts of the sample (JSON: key → {net, reader})")
    parser.add_argument("--claims", type=int, default=0,
                        help="print a fixed-seed sample of N sentences where the reader gives something")
    parser.add_argument("--show", help="print the hits of forms containing this")
    parser.add_argument("--verdict", help="with --show: only this verdict")
    parser.add_argument("--plans", action="store_true", help="also check the parsed duties of the plans")
    parser.add_argument("--gold", action="store_true",
                        help="also count times given to development gold duties that have none")
    args = parser.parse_args(argv)
    if args.gold:
        gold_precision()
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())

