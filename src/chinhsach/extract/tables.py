"""Duties and targets from the rows of role tables (:mod:`chinhsach.structure.tables`).

A duty table (nhiệm vụ | chủ trì | phối hợp | thời gian | sản phẩm) gives one
:class:`~chinhsach.model.Duty` per data row: the task cell is the text, units of the lead column
are ``lead`` (a unit the cell itself says only cooperates stays ``cooperate``; one the cell charges
with "theo dõi" also ``monitor``), units of the partner column ``cooperate``, units the task cell
names get their roles by the usual rules (:func:`~chinhsach.extract.duties.roles_in_text`); the
time cell gives deadline and recurrence; the product cell is kept. Targets written in the task cell
are found by :func:`~chinhsach.extract.targets.find_targets`, dated by the row's time cell ("2026 -
2030" → 2030) or the appendix title ("… ĐẾN NĂM 2030").

A target table (chỉ tiêu | ĐVT | năm 2026 | … | năm 2030) gives one
:class:`~chinhsach.model.Target` per value cell: the year is the column's, the unit the ĐVT cell
or the column's "(Tấn)"; a "-" sub-row ("Diện tích" under "1 | Cà phê") names its item. Baseline
columns (ước thực hiện, thực hiện 2025, hiện trạng) are situation, not targets. A cell may hold a
cue and a span ("Khoảng 45-47") or several values ("6,5-7%, phấn đấu 7-7,5%"). A table of places
(a row or a column per district) names the measure in its value label or title and the place in
the row or column: "tỷ lệ hộ nghèo huyện Tân Lạc".

Units are found by :func:`~chinhsach.extract.units.find_units` (through the caller's finder),
deadlines by :func:`~chinhsach.extract.duties.find_deadline`, numbers by
:func:`~chinhsach.extract.targets.parse_number`: a table only says which cell holds what.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from chinhsach.extract.duties import MONITOR_VERBS, Mention, find_deadline, roles_in_text, time_cell
from chinhsach.extract.targets import (
    find_targets,
    heading_year,
    indicator_direction,
    names_unit,
    parse_number,
)
from chinhsach.extract.units import headed_list
from chinhsach.model import Document, Duty, Table, Target, UnitRole
from chinhsach.text.normalize import fold

__all__ = ["table_duties", "table_facts", "table_targets", "time_cell"]

UnitFinder = Callable[[str], Sequence[Mention]]

_NUMBERED_TAIL = re.compile(r"^\s*((?:[IVXLC]+|\d{1,2})(?:\s+(?:[IVXLC]+|\d{1,2}))?)\s*$")
# A part that ends on a joining word was cut mid-name ("Sở Nông nghiệp và").
_DANGLING = frozenset({"va", "cac", "cua", "voi", "thuoc", "so", "ban", "uy", "hoi"})
# "Cấp có thẩm quyền" in a "Cấp trình" cell names no body (GUIDELINES-real.md, generic words):
# 20 rows of nq105-cp-2026 Phụ lục I (s14 dev) gave it report_to.
# A cell that says who decides instead of naming a body ("Do Chủ tịch Hội đồng quyết định",
# "Theo phân công của …", "Tùy theo …"; s15 dev qd836-bxd-2019) names none either.
_GENERIC_CELL = re.compile(r"^(?:cac\s+)?(?:co quan|don vi|dia phuong|to chuc|ca nhan|cap co tham quyen|"
                           r"cap tren)\b|^(?:do|theo|tuy|can cu)\s")
# "Do Chủ tịch Hội đồng quyết định": the cell says who will pick the body, it names none, even
# where the directory finds that body in it (so read before the mentions, unlike _GENERIC_CELL).
_DECIDER_CELL = re.compile(r"^(?:do|theo)\s.*\b(?:quyet dinh|phan cong|chi dinh)\b")
_SPEAKS_FOR = re.compile(r"^(?:Đại diện|Lãnh đạo|Bí thư|Phó Bí thư)\s+(?=[A-ZĐÀ-Ỹ])")


def _cell_units(text: str, role: str, find: UnitFinder) -> list[UnitRole]:
    """Units of a lead or partner cell, with the column's role.

    Each unit the cell names gets the column's role, unless the cell itself says the unit only
    cooperates ("Sở A chủ trì; Sở B phối hợp"). In a lead cell a unit charged with "theo dõi,
    kiểm tra, giám sát" also monitors. A part of the cell (between ";") that names no known unit
    but reads like a name ("Tỉnh đoàn", "Ngân hàng Nhà nước khu vực XII") is taken as printed.
    """
    out: list[UnitRole] = []
    if headed_list(text):
        # "Các Cục: A; B; C": the semicolons part one list's members (units._headed_members), not
        # the cell's units; split there, each member lost its head ("Báo chí" for "Cục Báo chí").
        return [UnitRole(name=n, role=role, explicit=True, mention=m)
                for n, m in dict.fromkeys((x.name, text[x.start:x.end]) for x in find(text))]

    def add(name: str, r: str, mention: str | None) -> None:
        if not any(u.name == name and u.role == r for u in out):
            out.append(UnitRole(name=name, role=r, explicit=True, mention=mention))

    cued = roles_in_text(text, find)
    for part in re.split(r";|\n", text):
        # A cell listing its bodies as bullets ("- Vụ A; - Vụ B."): the dash is no part of a name.
        part = re.sub(r"^[-–+•]\s*", "", part.strip(" .,")).strip(" .,")
        if not part or _DECIDER_CELL.match(fold(part)):
            continue
        mentions = sorted(find(part), key=lambda m: m.start)
        levels = list(_PROVINCES_CELL.finditer(part))
        for level in levels:
            if not any(m.start < level.end() and level.start() < m.end for m in mentions):
                # The level qualifier stays as printed ("… trực thuộc trung ương", s15 held-out
                # nq88 rows 16-17); document._one_level_spelling then gives the class one form.
                qualified = "trực thuộc" in level.group(0).lower()
                add("tỉnh, thành phố trực thuộc Trung ương" if qualified else "tỉnh, thành phố", role,
                    level.group(0).strip(" ,"))
        if not mentions and levels:
            continue
        pieces = [x.strip() for x in part.split(",")]
        if not mentions and sum(bool(_ACRONYM.fullmatch(x)) for x in pieces) >= 2:
            # "VTV, VOV, TTXVN, các địa phương" (NQ 03/NQ-CP 2025 Phụ lục II rows 1-2): a list of
            # bodies by their initials, which no name holds with a comma; read as one name it
            # matched none of the three. A class after them keeps its noun ("địa phương").
            for x in pieces:
                if x := re.sub(r"^(?:các|Các)\s+", "", x):
                    add(x, role, x)
            continue
        if not mentions:
            # A column of units: a short capitalised name is a unit even when the directory
            # does not know it ("Báo và Phát thanh, Truyền hình tỉnh").
            # A single word is a fragment, not a name: "Sở Y tế; Sở" (a name cut by the crawl),
            # "UBND", "Các" — every unit named in the development tables has at least two words.
            # "Đại diện Tổ chuyên môn", "Bí thư Đoàn trường" (a school's day schedule, s17 dev
            # kh-thpt): who speaks for a body stands for it, as "Giám đốc Sở X" does for Sở X.
            part = _SPEAKS_FOR.sub("", part)
            words = part.split()
            if (2 <= len(words) <= 10 and part[0].isupper()
                    and not _GENERIC_CELL.match(fold(part))
                    and fold(words[-1]) not in _DANGLING):
                add(part, role, part)
            continue
        for m in mentions:
            r = role
            name = m.name
            tail = _NUMBERED_TAIL.match(part[m.end :])
            if tail and m is mentions[-1]:
                # "Ngân hàng Nhà nước khu vực XII", "Chi nhánh Khu vực II": the cell is a name,
                # and the number the directory stops before is part of it.
                name = f"{name} {tail.group(1)}"
            if role == "lead" and any(u.name == m.name and u.role == "cooperate" for u in cued) \
                    and not any(u.name == m.name and u.role == "lead" for u in cued):
                r = "cooperate"
            add(name, r, part[m.start : m.end])
            if r == "lead" and MONITOR_VERBS.search(fold(part[m.end :])):
                add(name, "monitor", part[m.start : m.end])
    return out


_ACRONYM = re.compile(r"[A-ZĐ]{2,6}")
# "Các tỉnh, thành phố" in a unit column of a Government document: the provinces as bodies (their
# governments), as the gold of s15 dev nq109-cp-2026 (Phụ lục IV: "Các bộ, ngành, các tỉnh, thành
# phố" in 38 partner cells) and s13 dev nq380-cp-2025 read it. In a unit cell only: in a sentence "các
# tỉnh, thành phố" is as often the place ("tại các tỉnh, thành phố").
_PROVINCES_CELL = re.compile(r"(?:^|,|\bvà)\s*(?:các\s+)?tỉnh,\s*thành phố(?:\s+trực thuộc trung ương)?(?![^\W\d_])",
                             re.IGNORECASE)


def _task_column(table: Table) -> int | None:
    return next((c for c in (table.column("task"), table.column("indicator"), table.column("item"))
                 if c is not None), None)


# Words of a value column's label or a table's title that are not the measure's name.
_FRAME_WORDS = re.compile(r"^(?:(?:(?:phụ lục|phu luc|biểu|bieu)(?:\s+(?:số\s+|so\s+)?(?:[IVXLC]+|\d{1,2}[a-z]?)\b)?"
                          r"|(?:các |cac )?(?:chỉ tiêu|chi tieu|mục tiêu|muc tieu|kế hoạch|ke hoach|"
                          r"giao|được giao|duoc giao|phấn đấu|phan dau|chủ yếu|chu yeu|năm|nam|về|ve)\b)"
                          r"\s*[.:\-–]?\s*)+", re.IGNORECASE)
_FRAME_TAIL = re.compile(r"\s*(?:\(.*|(?:(?:đến |den )?(?:năm|nam)\s+|giai đoạn\s+|giai doan\s+)?"
                         r"20\d\d\b.*|(?:giao cho|giao|theo|của|cua|cho|tại|tai|trên địa bàn)\b.*)$",
                         re.IGNORECASE)


def _measure_name(text: str) -> str | None:
    """The measure a label or title names: "Mục tiêu tăng trưởng GRDP 2025 (%)" → "tăng trưởng
    GRDP", "CHỈ TIÊU TỶ LỆ BAO PHỦ BẢO HIỂM Y TẾ NĂM 2026 GIAO CHO CÁC ĐỊA PHƯƠNG" → "tỷ lệ bao
    phủ bảo hiểm y tế"; None when only frame words are left ("Kế hoạch năm 2026")."""
    text = text.split(" / ")[-1].strip()
    text = _FRAME_TAIL.sub("", _FRAME_WORDS.sub("", text)).strip(" :,.-")
    if text.isupper() and len(text.split()) > 1:
        text = text.lower()
    return _lower_first(text) if len(text) > 2 else None


def _item_name(name: str) -> str:
    """A row's item as it stands in its indicator: a proper name ("Vĩnh Phúc", "Huyện Tân Lạc")
    keeps its capitals, a common one ("Cà phê") is lowered."""
    words = name.split()
    if re.match(r"(?:Huyện|Quận|Thị xã|Thành phố|Xã|Phường|Thị trấn|Tỉnh|Toàn|Cả)\b", name):
        return name[:1].lower() + name[1:]  # the level word is common: "huyện Tân Lạc"
    if len(words) >= 2 and words[0][:1].isupper() and words[1][:1].isupper():
        return name
    if any(w[:1].isupper() for w in words[1:]):
        return name[:1].lower() + name[1:]  # "Thành phố Hòa Vân" → "thành phố Hòa Vân"
    return _lower_first(name)


def table_duties(table: Table, find: UnitFinder, day: str | None = None) -> tuple[list[Duty], list[Target]]:
    """One duty per data row of a duty table, and the targets its task cells state.

    ``day``: the date the table's caption prints (:func:`_caption_days`), the deadline of a row
    whose time cell gives none (an hour of that day, "7h00 - 7h15").
    """
    duties: list[Duty] = []
    targets: list[Target] = []
    task_col = _task_column(table)
    lead_col, coop_col, report_col = table.column("lead"), table.column("cooperate"), table.column("report_to")
    # A schedule may name beside the body that leads ("Thực hiện / Đơn vị chủ trì") the body
    # answerable by law ("Cơ quan chịu trách nhiệm quản lý nhà nước": often a function, "Cơ quan
    # lập quy hoạch"): the column that says "chủ trì" gives the lead, the other only where it is
    # empty (a step done by that body alone: "Phê duyệt … | Thủ tướng Chính phủ |  | ").
    lead_cols = [j for j, r in enumerate(table.roles) if r == "lead"]
    spare_cols: list[int] = []
    if len(lead_cols) > 1:
        lead_col = next((j for j in lead_cols if "chu tri" in fold(table.columns[j])), lead_col)
        spare_cols = [j for j in lead_cols if j != lead_col]
    time_col, product_col = table.column("time"), table.column("product")
    title_year = heading_year(table.title or "") if table.title else None
    in_objectives = table.column("task") is None  # the rows are chỉ tiêu
    goal_col = None if in_objectives else table.column("indicator")
    lead_monitors = lead_col is not None and bool(MONITOR_VERBS.search(fold(table.columns[lead_col])))
    for row in table.rows:
        if row.kind != "data":
            continue
        # Two task columns ("Nhóm hoạt động | Hoạt động"): the row's own task is the rightmost
        # filled one, the left one is the group it belongs to (printed on its first row only).
        task = next((row.cell(j) for j in reversed(range(len(table.roles)))
                     if table.roles[j] == "task" and row.cell(j)), "") or row.cell(task_col)
        if not task:
            continue
        units: list[UnitRole] = []

        def merge(found: list[UnitRole], units: list[UnitRole] = units) -> None:
            for u in found:
                if not any(x.name == u.name and x.role == u.role for x in units):
                    units.append(u)

        lead_cell = row.cell(lead_col) or next((row.cell(j) for j in spare_cols if row.cell(j)), "")
        merge(_cell_units(lead_cell, "lead", find))
        merge(_cell_units(row.cell(coop_col), "cooperate", find))
        # "Cấp phê duyệt: Bộ trưởng Bộ X" on a row Bộ X leads: the lead's own head approves, no
        # body it delivers to (s14 held-out qd893/QĐ-TTg 2026 Phụ lục: 6 of 7 rows; the
        # annotator gave none).
        leads = [u for u in units if u.role == "lead"]
        merge([u for u in _cell_units(row.cell(report_col), "report_to", find)
               if not any(u.name == x.name for x in leads)])
        if (in_objectives and re.match(r"[-–—+•]\s", task.strip())) or (
                not units and not any(row.cell(j) for j, r in enumerate(table.roles)
                                      if r in ("lead", "cooperate", "report_to", "time", "product",
                                               "budget"))):
            continue  # a "- Trong đó: …" sub-row of an indicator: its value is a target, no duty
        merge(roles_in_text(task, find))
        if re.match(r"^\s*(?:theo doi|giam sat|kiem tra)\b", fold(task)) or lead_monitors:
            # "Theo dõi, giám sát …", or a lead column "Cơ quan chủ trì theo dõi, đánh giá" (NQ
            # 03/NQ-CP 2025, Phụ lục I): the row's lead monitors.
            merge([UnitRole(u.name, "monitor", True, u.mention) for u in leads])
        deadline, words, recurring, year = time_cell(row.cell(time_col))
        if deadline is None and day is not None:
            deadline = day
        product = row.cell(product_col) or None
        if deadline is None and words is None and product:
            # No time column, or an empty cell: the product may say when ("Quyết định của UBND tỉnh
            # (Quý IV/2026)", "Đề án trình UBND tỉnh trong tháng 10/2026"), as the same words in a
            # sentence do. Not the task cell: an indicator row's "Đến năm 2030" with no time
            # column is its target's horizon (kh144 PL1.I.2, no deadline in either gold).
            found_deadline, found_words, found_recurring = find_deadline(product)
            if found_deadline or found_words:
                deadline, words = found_deadline, found_words
                recurring = recurring or found_recurring
        if recurring is None:
            recurring = find_deadline(task)[2]
        duties.append(Duty(text=task, section=row.section, units=units, deadline=deadline,
                           deadline_text=words, recurring=recurring,
                           segment_ids=[row.segment_id] if row.segment_id else [],
                           product=product))
        found = find_targets(task, section=row.section, year=year or title_year,
                             in_objectives=in_objectives)
        if goal_col is not None and row.cell(goal_col):
            # A "Chỉ tiêu" column beside the task states what the task must reach; an end state
            # there ("Hoàn thành trong năm") restates the deadline, no target.
            found += find_targets(row.cell(goal_col), section=row.section,
                                  year=year or title_year, in_objectives=True, qualitative=False)
        for target in found:
            target.segment_id = row.segment_id
            targets.append(target)
    return duties, targets


# A value may go on with a trend ("≥ 3% và tăng dần theo yêu cầu phát triển", NQ 03/NQ-CP 2025,
# Phụ lục I): the value stands. The cue may stand before a span ("Khoảng 45-47", the 2021 targets
# table of the planning ministry's portal; "khoảng 80,5 - 81,5%", NQ 158/2024/QH15) or the bound
# after the value ("Từ 30 trở lên", "86% trở lên"); a word or two of unit may follow the number
# ("4.900 USD" in a "Kế hoạch" column without an ĐVT column).
_CELL_VALUE = re.compile(
    r"^(?P<cue>[≥≤><]=?|đạt khoảng|đạt trên|đạt|trên|dưới|tối thiểu|tối đa|ít nhất|khoảng|"
    r"không quá|từ)?\s*(?P<num>\d[\d.,]*)\s*(?P<pct>%)?"
    r"(?:\s*[-–]\s*(?P<high>\d[\d.,]*)\s*(?P<pct2>%)?)?"
    r"(?:\s+(?P<unit>[^\W\d_][^\d%;,()]{0,24}?))??\s*(?P<tail>trở lên|trở xuống)?"
    r"(?:\s+và\s+(?:tăng|giảm)\b.*)?$", re.IGNORECASE)
_CUES = {"≥": "at_least", ">=": "at_least", "≤": "at_most", "<=": "at_most", ">": "above",
         "<": "below", "trên": "above", "dưới": "below", "tối thiểu": "at_least",
         "ít nhất": "at_least", "tối đa": "at_most", "không quá": "at_most", "khoảng": "about",
         "đạt khoảng": "about", "đạt trên": "above", "đạt": "reach", "từ": "reach"}
# Words before a value in one part of a cell that holds several ("6,5-7%, phấn đấu 7-7,5%";
# "đô thị 95%; nông thôn 80%"): an aim word keeps the indicator, a change word makes it a change
# ("giảm 0,8-1%" → "mức giảm …", GUIDELINES-real.md), other words name a sub-item.
# A level reached by a change keeps the indicator too: "giảm còn 0,8%", "giảm xuống dưới 1%" (the
# 2026 targets of a ward council, https://baophutho.vn/ky-hop-thu-tu-hdnd-phuong-tan-hoa-244615.htm);
# "duy trì 100%" keeps a level.
_AIM_WORDS = re.compile(r"^(?:phấn đấu|phan dau|phấn đấu đạt|phan dau dat|mục tiêu|muc tieu|đạt|dat|"
                        r"còn|con|còn lại|con lai|giảm còn|giam con|giảm xuống(?: còn)?|giam xuong(?: con)?|"
                        r"tăng lên|tang len|duy trì|duy tri|duy trì ở mức|duy tri o muc)$", re.IGNORECASE)
_CHANGE_WORDS = re.compile(r"^(?P<w>giảm|tăng|giam|tang)(?:\s+(?:thêm|them|bình quân|binh quan))?$",
                           re.IGNORECASE)
_NO_LABEL = re.compile(r"^(?:top|nhóm|nhom|hạng|hang|thứ|thu|loại|loai|gấp|gap|cấp|cap|mức|muc)\b",
                       re.IGNORECASE)
_PART_LABEL = re.compile(r"^(?P<label>[^\d≥≤<>]*?)\s*(?=(?:[≥≤><]=?|trên|dưới|tối thiểu|tối đa|"
                         r"ít nhất|khoảng|không quá|từ|đạt)?\s*\d)", re.IGNORECASE)

CellValue = tuple[str | None, float, str, bool, float | None, str | None]


def _value(cell: str) -> tuple[float, str, bool, float | None, str | None] | None:
    """(value, comparator, is a percentage, upper bound, unit words) of a value cell, None if it
    holds no single value or span ("40 - 50": comparator ``range``, 50 the upper bound)."""
    m = _CELL_VALUE.match(cell.strip())
    if m is None:
        return None
    try:
        value = parse_number(m.group("num"))
        high = parse_number(m.group("high")) if m.group("high") else None
    except ValueError:
        return None
    pct = bool(m.group("pct") or m.group("pct2"))
    unit = m.group("unit")
    if unit and (unit.lower().startswith(("và ", "va ")) or len(unit.split()) > 3):
        return None
    if high is not None:
        return (value, "range", pct, high, unit) if value < high else None
    tail = (m.group("tail") or "").lower()
    comparator = ("at_least" if tail == "trở lên" else "at_most" if tail == "trở xuống"
                  else _CUES.get((m.group("cue") or "").lower(), "reach"))
    return value, comparator, pct, None, unit


def _cell_values(cell: str) -> list[CellValue]:
    """The values of a value cell: (label, value, comparator, is a percentage, upper bound, unit).

    A cell holds one value ("≥ 70", "Khoảng 45-47", "Từ 30 trở lên": label None) or several
    parts between ";" or ", " (the table of NQ 158/2024/QH15's targets as the press printed it:
    "6,5-7%, phấn đấu 7-7,5%", "70%, có bằng cấp 29-29,5%", "giảm 0,8-1%"): each part that
    reads as words and a value gives one, its words the label (see :data:`_AIM_WORDS`).
    """
    cell = re.sub(r"\s*\([^()]*\)\s*$", "", cell.strip()).strip(" .")
    if not cell:
        return []
    one = _value(cell)
    if one is not None:
        value, comparator, pct, high, unit = one
        return [(None, value, comparator, pct, high, unit)]
    out: list[CellValue] = []
    for part in re.split(r"\s*;\s*|,\s+(?=\D)", cell):
        part = part.strip(" .")
        m = _PART_LABEL.match(part)
        if m is None:
            continue
        label = m.group("label").strip(" :")
        if label and (_NO_LABEL.match(label) or len(label.split()) > 6 or label[:1].isupper()
                      and not (_AIM_WORDS.match(label) or _CHANGE_WORDS.match(label))):
            continue
        parsed = _value(part[m.end("label"):])
        if parsed is None:
            continue
        value, comparator, pct, high, unit = parsed
        if label and fold(label).startswith("duy tri") and comparator == "reach":
            comparator = "maintain"
        out.append((label or None, value, comparator, pct, high, unit))
    return out


def _labelled(indicator: str, label: str | None) -> str:
    """The indicator of one part of a cell that holds several (see :func:`_cell_values`)."""
    if not label or _AIM_WORDS.match(label):
        return indicator
    if change := _CHANGE_WORDS.match(label):
        word = "giảm" if fold(change.group("w")) == "giam" else "tăng"
        return f"mức {word} {indicator}"
    return f"{indicator} {label}"


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text.lower() if text.isupper() else text


def _label_parts(label: str) -> tuple[str | None, str | None]:
    """(sub-label without its unit, unit) of a value column: "Kế hoạch 2026 / Lượng (Tấn)" →
    ("lượng", "tấn"); "Năm 2026" → (None, None)."""
    last = label.split(" / ")[-1]
    unit_m = re.search(r"\(([^()]{1,30})\)", last)
    unit = _lower_first(unit_m.group(1).strip()) if unit_m else None
    sub = re.sub(r"\([^()]*\)", "", last).strip()
    if re.search(r"20\d\d", sub) or not sub or not _FRAME_WORDS.sub("", sub).strip():
        sub = None  # "Năm 2026 / Kế hoạch": the plan's value, no sub-item
    return (_lower_first(sub) if sub else None), unit


# A year column under a label that names a share granted, not a level reached: a quota
# ("Hạn ngạch phát thải … / Năm 2025", s16 dev qd699-bnnmt-2026: 51 facilities' emission
# allowances) or money ("Kinh phí / Năm 2026"; money is no target, GUIDELINES-real [decided,
# s13 adj]). GUIDELINES-real [decided, s16 fixF]: allocations are not targets.
_ALLOCATED = re.compile(r"\b(?:han ngach|kinh phi|nguon von|von dau tu|ke hoach von|du toan|ngan sach)\b")


# A row named as a rate per year: its percentage is per year, as the prose reader reads "%/năm".
_PER_YEAR_NAME = re.compile(r"/\s*năm\s*$")
_COUNT_NAME = re.compile(r"^(?:tổng\s+)?số(?:\s+lượng)?\s+", re.IGNORECASE)


def _counted_unit(indicator: str) -> str | None:
    """The thing a row named "Số …" counts, as the unit of a bare figure ("Số công trình xây dựng
    xanh được chứng nhận | 1.200": công trình), as the prose reader reads "1.200 công trình"."""
    m = _COUNT_NAME.match(indicator.strip())
    if m is None or re.search(r"\btrên\s+(?:\d|một|mỗi)|/", indicator):
        return None  # a ratio ("Số giường bệnh trên 1 vạn dân") counts per something
    words = indicator.strip()[m.end():].split()
    for k in range(min(3, len(words)), 0, -1):
        noun = " ".join(words[:k]).lower()
        if names_unit(noun):  # no "/" in it: the ratio test above let none through
            return noun
    return None


def table_targets(table: Table, plan_year: int | None = None) -> list[Target]:
    """One target per value cell of a target table (or of the value columns of an indicator
    table that also names who follows each indicator).

    A year column gives its year. An undated goal column ("Mục tiêu", a "Kết quả" of figures)
    takes the year of the row's time cell ("Thời hạn | 2030"), else of the group row above
    ("I | Đến năm 2030"), else of the table's title, else the plan's own period (``plan_year``,
    marked ``year_inferred``).
    """
    targets: list[Target] = []
    name_col = _task_column(table)
    measure_col = table.column("measure")
    stt_col = table.column("stt")
    time_col = table.column("time")
    values: list[tuple[int, int | None]] = [
        (j, int(r.split(":", 1)[1]) if r.startswith("value:") else None)
        for j, r in enumerate(table.roles) if r and (r.startswith("value:") or r in ("goal", "at_place"))
        and not _ALLOCATED.search(fold(table.columns[j]))]
    title_year = heading_year(table.title) if table.title else None
    by_item = name_col is not None and table.roles[name_col] == "item"
    title_measure = _measure_name(table.title) if table.title else None
    # A name column whose label names the places or sectors measured ("Ngành, lĩnh vực/Địa
    # phương", s15 dev nq109-cp-2026 Phụ lục II) under a title that names the measure ("Mục tiêu
    # tăng trưởng GDP, GRDP …"): the rows are what grows, the title what is measured.
    of_places = bool(name_col is not None and title_measure and not by_item and any(
        re.match(r"(?:dia phuong|tinh, thanh pho|dia ban)$", fold(part).strip(" .:*,"))
        for part in re.split(r"/", table.columns[name_col] or "")))
    group_year: int | None = None
    item_name = ""
    seen: set[tuple[str | None, str, str, float, float | None, int | None]] = set()
    for row in table.rows:
        if row.kind not in ("data", "group"):
            continue
        name = row.cell(name_col)
        if row.kind == "group":
            group_year = heading_year(" ".join(c for c in row.cells if c)) or group_year
        dash = bool(re.fullmatch(r"[-–—+•*]", row.cell(stt_col).strip())) or (
            not row.cell(stt_col).strip() and bool(re.match(r"[-–—+•]\s", name.strip())))
        if not dash and not re.match(r"(?:trong đó|riêng)\b", name.strip(), re.IGNORECASE):
            # "Trong đó: …" is a part of the item above, not an item its "- …" rows belong to
            # (s15 dev nq109-cp-2026 Phụ lục II: "Trong đó: …" then "- Xây dựng").
            item_name = name
        if row.kind != "data" or row.section is None:
            continue
        bare = re.sub(r"^[-–—+•*]\s*", "", name)
        name = re.sub(r"^(?:trong đó|riêng|gồm)\s*:?\s*", "", bare, flags=re.IGNORECASE)
        # A sub-row names a part of its item ("- Diện tích" under "Cà phê") unless it is an
        # indicator of its own ("- Trong đó: Tỷ lệ lao động … có bằng cấp, chứng chỉ").
        own = name != bare or len(name.split()) > 4
        name_unit = None
        if (paren := re.search(r"\s*\(([^()]{1,40})\)\s*$", name)) and names_unit(paren.group(1)):
            # "Tỷ lệ hộ nghèo (%)", "Thu nhập bình quân đầu người (triệu đồng/người/năm)" with no
            # ĐVT column: the name gives the unit.
            name, name_unit = name[: paren.start()], paren.group(1).strip()
        indicator = _item_name(name) if by_item else _lower_first(name)
        # A part named inside its item ("- Xây dựng" under "Khu vực công nghiệp và xây dựng",
        # s15 dev nq109-cp-2026 Phụ lục II) is named in full already.
        if dash and not own and item_name and item_name.lower() not in name.lower() \
                and name.strip().lower() not in item_name.lower():
            indicator = f"{indicator} {item_name.lower()}"
        measure = row.cell(measure_col).strip()
        for j, column_year in values:
            cell = row.cell(j)
            parsed = _cell_values(cell) if cell else []
            if not parsed:
                continue
            year = column_year or time_cell(row.cell(time_col))[3] or group_year or title_year
            inferred = year is None and plan_year is not None
            year = year or plan_year
            sub, label_unit = _label_parts(table.columns[j]) if column_year else (None, None)
            if table.roles[j] == "at_place":
                # A column per locality: the row names the measure, the column the place.
                base = f"{indicator} {_item_name(table.columns[j].strip())}"
            elif of_places:
                base = f"{title_measure} {_item_name(indicator[:1].upper() + indicator[1:])}"
            elif by_item:
                # A row per place (or per unnamed item): the column label, else the title,
                # names the measure ("tăng trưởng GRDP Vĩnh Phúc").
                measure_name = _measure_name(table.columns[j]) or title_measure
                base = f"{measure_name} {indicator}" if measure_name else indicator
            else:
                base = f"{sub} {indicator}" if sub and sub.lower() not in indicator.lower() else indicator
            for label, value, comparator, pct, value_max, cell_unit in parsed:
                unit = "%" if pct else (_lower_first(measure) if measure
                                        else label_unit or name_unit or cell_unit
                                        or _counted_unit(indicator))
                if unit == "%" and _PER_YEAR_NAME.search(indicator):
                    unit = "%/năm"  # "Giảm tiêu hao năng lượng trên GDP/năm | 1 - 1,5%"
                full = _labelled(base, label)
                key = (row.section, full, comparator, value, value_max, year)
                if key in seen:
                    continue  # "Kế hoạch HĐND giao | Mục tiêu phấn đấu" of one year, both "45-47"
                seen.add(key)
                targets.append(Target(indicator=full, comparator=comparator, value=value, unit=unit,
                                      year=year, section=row.section, text=cell, value_max=value_max,
                                      direction=indicator_direction(full), segment_id=row.segment_id,
                                      year_inferred=inferred))
    return targets


def table_facts(document: Document, find: UnitFinder) -> tuple[list[Duty], list[Target], set[str]]:
    """Duties and targets of every role table of a document, and the ids of the segments they
    were read from (the caller reads those segments as text no more)."""
    duties: list[Duty] = []
    targets: list[Target] = []
    handled: set[str] = set()
    sections = {s.id: s for s in document.sections}
    plan_year = heading_year(document.meta.title) if document.meta.title else None
    days = _caption_days(document)
    for k, table in enumerate(document.tables):
        if table.title is None and table.section and table.section in sections:
            table.title = sections[table.section].heading
        handled.update(r.segment_id for r in table.rows if r.segment_id)
        if table.kind == "duty":
            day, caption = days.get(k, (None, None))
            if caption is not None:
                handled.add(caption)
            found_duties, found_targets = table_duties(table, find, day)
            duties.extend(found_duties)
            targets.extend(found_targets)
            if any(r and (r.startswith("value:") or r in ("goal", "at_place")) for r in table.roles):
                # An indicator table that also names who follows each indicator ("Chỉ tiêu | ĐVT
                # | Năm 2026 | … | Cơ quan chủ trì"): its value cells are targets all the same.
                targets.extend(table_targets(table, plan_year))
        elif table.kind == "target":
            targets.extend(table_targets(table, plan_year))
    handled.update(_row_continuations(document, handled))
    return duties, targets, handled


# A schedule printed day by day: a caption naming the day over each day's table ("NGÀY 1: THỨ
# HAI, NGÀY 24/8/2026", "Thứ Ba (ngày 25/8/2026)") whose time column gives the hours ("7h00 -
# 7h15"). The rows are due that day (s17 dev kh-thpt, a school's three-day programme: 16 rows).
_CAPTION_DAY = re.compile(r"\b(?:ngay\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(20\d\d)\b")


def _caption_days(document: Document) -> dict[int, tuple[str, str]]:
    """Index of each table → the one full date printed in the line right above it (its header
    and group rows passed over), when that line is a short caption holding a single date, and
    the caption's segment id (a caption is no duty of its own)."""
    out: dict[int, tuple[str, str]] = {}
    segs = document.segments
    at = {seg.id: i for i, seg in enumerate(segs)}
    for k, table in enumerate(document.tables):
        first = next((r for r in table.rows if r.segment_id in at), None)
        if first is None:
            continue
        above = {" | ".join(c for c in r.cells if c) for r in table.rows[: table.rows.index(first)]}
        i = at[first.segment_id] - 1
        while i >= 0 and (segs[i].kind == "table_row" or segs[i].text in above):
            i -= 1
        if i < 0 or len(segs[i].text.split()) > 12:
            continue
        dates = _CAPTION_DAY.findall(fold(segs[i].text))
        if len(dates) == 1:
            day, month, year = (int(x) for x in dates[0])
            if 1 <= day <= 31 and 1 <= month <= 12:
                out[k] = (f"{year:04d}-{month:02d}-{day:02d}", segs[i].id)
    return out


def _row_continuations(document: Document, rows: set[str]) -> set[str]:
    """Segments cut from a table row read as a row: a long row is cut into several segments
    (outline.split_segment_text), and only one of them is the row's. Read as text, the others
    gave a second duty with the row's cells run together (s15 dev cv6225 rows 4 and 9: a lead
    cell's list split into bare names, "Cục", "Báo chí")."""
    segs = document.segments
    out: set[str] = set()
    for order in (range(len(segs)), range(len(segs) - 1, -1, -1)):
        prev = None
        for k in order:
            seg = segs[k]
            if (prev is not None and seg.kind == "table_row" and seg.id not in rows
                    and seg.section == prev.section and (prev.id in rows or prev.id in out)):
                out.add(seg.id)
            prev = seg
    return out
