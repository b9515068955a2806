"""Duties (nhiệm vụ, giải pháp) and the units charged with them, with roles and deadlines.

A duty is a paragraph or bullet of the parts that set tasks ("Nhiệm vụ và giải pháp",
"Tổ chức thực hiện", "Phân công", "Trách nhiệm"), or any paragraph outside objectives and
purposes that assigns a unit ("Sở Y tế chủ trì ..."). Roles come from the words around each unit
mention, the same way a reader finds them:

- ``lead``: "Giao X", "X chủ trì", "X chịu trách nhiệm", "X chỉ đạo", the unit that opens the
  sentence as its subject, and units named by the heading of the item ("2. Giao Ban Tuyên giáo
  Tỉnh ủy", "1. Sở Y tế") for everything under it;
- ``cooperate``: units after "phối hợp với";
- ``monitor``: the unit charged with "theo dõi", "kiểm tra", "giám sát" (often the lead too);
- ``report_to``: units after "báo cáo ... với/cho/về", "trình", "(qua X)", "chịu trách nhiệm
  trước X", "tham mưu cho X".

Duties that name no unit inherit the plan's lead (the unit that "Tổ chức thực hiện" charges with
the whole plan) as ``explicit=False``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from chinhsach.extract.units import find_units
from chinhsach.model import Document, Duty, Section, Segment, UnitRole
from chinhsach.text.normalize import fold
from chinhsach.text.numbers import month_end

# Parts of a plan, recognised on folded headings.
_DUTY_PART = re.compile(r"nhiem vu|giai phap|to chuc thuc hien|phan cong|trach nhiem|nhiem vu cu the")
_ORG_PART = re.compile(r"to chuc thuc hien|phan cong|trach nhiem (?:thuc hien|cua)")
_NOT_DUTY_PART = re.compile(r"muc dich|yeu cau|muc tieu|chi tieu|tam nhin|quan diem|kinh phi|ket qua")

# Cues on folded text. Each cue's match end is where the governed units start.
_LEAD_BEFORE = re.compile(
    r"(?:^|[\s,;(])(?:giao(?: trach nhiem)?(?: cu the)?(?: cho)?|de nghi|yeu cau)\s+(?:cac\s+)?$"
)
_LEAD_AFTER = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:chu tri|chiu trach nhiem(?! truoc)|co trach nhiem|chi dao|"
    r"la co quan (?:thuong truc|dau moi|chu tri)|lam dau moi|thuc hien|to chuc|trien khai|"
    r"tang cuong|day manh|xay dung|tham muu|huong dan|phoi hop)"
)
_COOPERATE = re.compile(r"phoi hop(?: chat che)?(?: voi| cung)?\s+(?:cac\s+)?$")
_REPORT = re.compile(
    r"(?:bao cao(?: ket qua(?: thuc hien)?)?(?: ve| voi| cho| len| gui)?|trinh|\(qua|qua|"
    r"chiu trach nhiem truoc|tham muu(?: cho)?|gui(?: ve)?)\s+(?:cac\s+)?$"
)
_MONITOR_VERBS = re.compile(r"\b(?:theo doi|kiem tra|giam sat)\b")
MONITOR_VERBS = _MONITOR_VERBS  # public: table cells (extract.tables) use the same verbs
_CLAUSE_BREAK = re.compile(r"[;.]")
# Between two members of a list of units: commas, "và", "các".
# Generic words may stand in a list without breaking it ("các sở, ban, ngành, đơn vị cấp tỉnh,
# Ủy ban nhân dân các huyện").
_LIST_GAP = re.compile(
    r"^(?:[\s,;]|va\s|cac\s|co quan\b|don vi\b|dia phuong\b|cap tinh\b|cap huyen\b|cap xa\b|"
    r"lien quan\b|truc thuoc\b)*$"
)

_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_RECURRING = [
    (re.compile(r"\b(?:hang|moi) thang\b"), "hằng tháng"),
    (re.compile(r"\b(?:hang|moi) quy\b"), "hằng quý"),
    (re.compile(r"\b(?:dinh ky )?(?:6|sau) thang\b"), "6 tháng"),
    (re.compile(r"\b(?:hang|moi|thuong) nam\b"), "hằng năm"),
]


@dataclass(frozen=True, slots=True)
class Mention:
    """What the unit recogniser must give: a span and a canonical name."""

    start: int
    end: int
    name: str


UnitFinder = Callable[[str], Sequence[Mention]]


def _default_finder(text: str) -> Sequence[Mention]:
    return [Mention(m.start, m.end, m.name) for m in find_units(text)]


def _in_list_after(folded: str, mentions: Sequence[Mention], i: int, cue: re.Pattern[str]) -> bool:
    """Whether mention ``i`` follows ``cue`` directly or through a list of other units."""
    j = i
    while True:
        before = folded[: mentions[j].start]
        if cue.search(before):
            return True
        if j == 0:
            return False
        gap = folded[mentions[j - 1].end : mentions[j].start]
        if not _LIST_GAP.match(gap):
            return False
        j -= 1


def _list_head(folded: str, mentions: Sequence[Mention], i: int) -> int:
    """Index of the first mention of the list that mention ``i`` belongs to."""
    j = i
    while j > 0 and _LIST_GAP.match(folded[mentions[j - 1].end : mentions[j].start]):
        j -= 1
    return j


def _list_tail(folded: str, mentions: Sequence[Mention], i: int) -> int:
    j = i
    while j + 1 < len(mentions) and _LIST_GAP.match(folded[mentions[j].end : mentions[j + 1].start]):
        j += 1
    return j


# A unit after these words is the object of someone else's action ("chỉ đạo các doanh nghiệp",
# "nhận thức của cấp ủy", "Kế hoạch ... của Ban Chấp hành Đảng bộ tỉnh"), not an actor.
_OBJECT_BEFORE = re.compile(
    r"(?:\bcua|\bdoi voi|\bcho|\bchi dao|\bdon doc|\bhuong dan|\bho tro|\bvan dong|\bkhuyen khich|"
    r"\btao dieu kien cho|\bgiup|\bphat huy vai tro cua|\bvai tro cua|\btrach nhiem cua|\bthanh vien)"
    r"\s+(?:cac\s+|nhung\s+)?$"
)
# "(... HĐND tỉnh thông qua tại ...)", "do UBND tỉnh ban hành": the unit issued something.
_ISSUER_AFTER = re.compile(r"^\s*(?:da\s+)?(?:thong qua|phe duyet|ban hanh|ky)\b")


def _not_an_actor(folded: str, start: int, end: int) -> bool:
    before = folded[:start]
    if _OBJECT_BEFORE.search(before) and not _LEAD_BEFORE.search(before):
        return True
    if _ISSUER_AFTER.match(folded[end:]) or re.search(r"(?:\bdo|duoc)\s+$", before):
        return True
    return before.count("(") > before.count(")") and not _REPORT.search(before)


def _clause_start(folded: str, pos: int) -> int:
    cut = max(folded.rfind(";", 0, pos), folded.rfind(". ", 0, pos), folded.rfind(":", 0, pos))
    return cut + 1


def roles_in_text(text: str, find: UnitFinder = _default_finder) -> list[UnitRole]:
    """Units named in one duty text, each with its role(s), in order of first mention."""
    mentions = sorted(find(text), key=lambda m: m.start)
    if not mentions:
        return []
    folded = fold(text)
    out: list[UnitRole] = []
    seen: set[tuple[str, str]] = set()

    def add(m: Mention, role: str) -> None:
        if (m.name, role) not in seen:
            seen.add((m.name, role))
            out.append(UnitRole(name=m.name, role=role, explicit=True, mention=text[m.start : m.end]))

    for i, m in enumerate(mentions):
        head = _list_head(folded, mentions, i)
        tail = _list_tail(folded, mentions, i)
        if _in_list_after(folded, mentions, i, _COOPERATE):
            add(m, "cooperate")
            continue
        if _in_list_after(folded, mentions, i, _REPORT):
            add(m, "report_to")
            continue
        if _not_an_actor(folded, mentions[head].start, mentions[tail].end):
            continue
        start = _clause_start(folded, mentions[head].start)
        opener = folded[start : mentions[head].start]
        after = folded[mentions[tail].end :]
        is_subject = bool(re.fullmatch(r"[\s\-+•*]*(?:(?:dong thoi|trong do|tren co so do|giao|de nghi|"
                                       r"yeu cau|cac|chu tich|giam doc|thu truong|lanh dao)\s+)*", opener))
        if re.match(r"^\s*(?:,\s*)?phoi hop\b", after) and not _LEAD_BEFORE.search(folded[: mentions[head].start]):
            add(m, "cooperate")  # "Bệnh viện ... phối hợp ...": a partner, not the lead
            continue
        charged = bool(_LEAD_BEFORE.search(folded[: mentions[head].start]))
        if charged or is_subject or _LEAD_AFTER.match(after):
            add(m, "lead")
            if charged:
                # "giao cho X ...": X monitors only if its own clause says so.
                clause_end = _CLAUSE_BREAK.search(folded, mentions[tail].end)
                if _MONITOR_VERBS.search(folded[mentions[tail].end : clause_end.start() if clause_end else None]):
                    add(m, "monitor")
                continue
            # The lead monitors when the text charges it with monitoring before another unit
            # takes over as subject.
            nxt = next((x.start for x in mentions[tail + 1 :]
                        if not _in_list_after(folded, mentions, mentions.index(x), _COOPERATE)
                        and not _in_list_after(folded, mentions, mentions.index(x), _REPORT)), len(folded))
            if _MONITOR_VERBS.search(folded[mentions[tail].end : nxt]):
                add(m, "monitor")
    return out


# ---------------------------------------------------------------------------------------------
# Deadlines
# ---------------------------------------------------------------------------------------------

# A date is a deadline only with a deadline word before it ("trước ngày 30/6/2024"); a bare
# "ngày 07/8/2018" dates a cited document.
_DATE_FULL = re.compile(r"(?P<prep>(?:truoc|cham nhat|den|trong|hoan thanh truoc|xong truoc)\s+)ngay\s+"
                        r"(?P<d>\d{1,2})[/\-.](?P<m>\d{1,2})(?:[/\-.](?P<y>\d{4}))?")
_QUARTER = re.compile(r"(?P<prep>(?:trong|truoc|den het|cuoi)\s+)?quy\s+"
                      r"(?P<q>iv|iii|ii|i|[1-4])\s*/\s*(?P<y>\d{4})")
_MONTH = re.compile(r"(?P<prep>(?:trong|truoc|den het|cuoi)\s+)thang\s+(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})")
_YEAR = re.compile(r"(?P<prep>(?:trong|truoc|den het|cuoi)\s+)nam\s+(?P<y>20\d\d)\b")


def find_deadline(text: str) -> tuple[str | None, str | None, str | None]:
    """(ISO deadline, the words, recurrence) of a duty text.

    A one-off date goes to the deadline; a date without a year ("trước ngày 15/12" under
    "hằng năm") stays as words with the recurrence.
    """
    folded = fold(text)
    recurring_parts = [label for pattern, label in _RECURRING if pattern.search(folded)]
    recurring = ", ".join(recurring_parts) if recurring_parts else None
    candidates: list[tuple[int, str | None, str]] = []
    for m in _DATE_FULL.finditer(folded):
        d, mo = int(m.group("d")), int(m.group("m"))
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            continue
        iso = f"{int(m.group('y')):04d}-{mo:02d}-{d:02d}" if m.group("y") else None
        candidates.append((m.start(), iso, text[m.start() : m.end()]))
    for m in _QUARTER.finditer(folded):
        q = _QUARTERS[m.group("q")]
        candidates.append((m.start(), month_end(int(m.group("y")), q * 3), text[m.start() : m.end()]))
    for m in _MONTH.finditer(folded):
        mo = int(m.group("m"))
        if 1 <= mo <= 12:
            candidates.append((m.start(), month_end(int(m.group("y")), mo), text[m.start() : m.end()]))
    for m in _YEAR.finditer(folded):
        candidates.append((m.start(), f"{int(m.group('y')):04d}-12-31", text[m.start() : m.end()]))
    if not candidates:
        return None, None, recurring
    dated = [c for c in candidates if c[1]]
    chosen = min(dated or candidates, key=lambda c: c[0])
    return chosen[1], chosen[2].strip(), recurring


# ---------------------------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------------------------


def _ancestors(sections: dict[str, Section], node: str | None) -> list[Section]:
    chain = []
    while node and node in sections:
        chain.append(sections[node])
        node = sections[node].parent
    return list(reversed(chain))


def _heading_units(section: Section, find: UnitFinder) -> list[UnitRole]:
    """Units a heading charges: "Giao X (chỉ đạo)", "Đề nghị X", or a heading that names units."""
    heading = section.heading.rstrip(" :.")
    mentions = sorted(find(heading), key=lambda m: m.start)
    if not mentions:
        return []
    folded = fold(heading)
    rest = folded
    for m in reversed(mentions):
        rest = rest[: m.start] + rest[m.end :]
    rest = re.sub(r"\b(?:giao|de nghi|trach nhiem cua|chi dao|chu tri|cac|va|doi voi)\b|[,;:()\-–]", " ", rest)
    if len(rest.split()) > 3:
        return []  # a heading about a topic that merely mentions a unit
    return [UnitRole(name=m.name, role="lead", explicit=True, mention=heading[m.start : m.end])
            for m in mentions]


def _is_duty_segment(segment: Segment, path: Sequence[Section]) -> tuple[bool, bool]:
    """(is a duty, is in the organisation part)."""
    headings = [fold(s.heading) for s in path if s.kind != "topic"]
    top = headings[0] if headings else ""
    in_org = bool(_ORG_PART.search(top))
    if any(_NOT_DUTY_PART.search(h) for h in headings) and not in_org:
        return False, False
    return bool(_DUTY_PART.search(" ".join(headings))), in_org


def extract_duties(document: Document, find: UnitFinder = _default_finder) -> tuple[list[Duty], list[UnitRole]]:
    """All duties of a document, and the plan's lead units (``plan_lead``)."""
    sections = {s.id: s for s in document.sections}
    heading_cache: dict[str, list[UnitRole]] = {}

    def inherited(path: Sequence[Section]) -> list[UnitRole]:
        out: list[UnitRole] = []
        for s in path:
            if s.kind == "part":
                continue
            if s.id not in heading_cache:
                heading_cache[s.id] = _heading_units(s, find)
            out.extend(heading_cache[s.id])
        return out

    duties: list[Duty] = []
    org_duties: list[tuple[Duty, list[Section]]] = []
    for seg in document.segments:
        if not seg.searchable or seg.kind == "preamble":
            continue
        path = _ancestors(sections, seg.section_node)
        if not path:
            continue
        is_duty, in_org = _is_duty_segment(seg, path)
        units = roles_in_text(seg.text, find)
        explicit_lead = any(u.role == "lead" for u in units)
        if not is_duty and not explicit_lead:
            continue
        if not is_duty and any(_NOT_DUTY_PART.search(fold(s.heading)) for s in path):
            continue
        for unit in inherited(path):
            if not any(u.name == unit.name and u.role == "lead" for u in units):
                units.insert(0, UnitRole(unit.name, "lead", True, unit.mention))
            if _MONITOR_VERBS.search(fold(seg.text)) and not any(u.role == "monitor" for u in units):
                # "Chủ trì ... theo dõi, kiểm tra": with no other unit charged with it, the
                # heading's unit is the one who monitors.
                units.append(UnitRole(unit.name, "monitor", True, unit.mention))
        deadline, deadline_text, recurring = find_deadline(seg.text)
        duty = Duty(text=seg.text, section=seg.section, units=units, deadline=deadline,
                    deadline_text=deadline_text, recurring=recurring, segment_id=seg.id)
        duties.append(duty)
        if in_org:
            org_duties.append((duty, path))

    plan_lead = _plan_lead(org_duties, inherited)
    for duty in duties:
        if not any(u.role == "lead" for u in duty.units):
            duty.units.extend(UnitRole(u.name, "lead", explicit=False) for u in plan_lead)
    return duties, plan_lead


def _plan_lead(org_duties: list[tuple[Duty, list[Section]]],
               inherited: Callable[[Sequence[Section]], list[UnitRole]]) -> list[UnitRole]:
    """The unit charged with the whole plan: the lead of the organisation part's first item.

    The item's heading ("1. Giao Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo") names it when it
    can; otherwise the leads of the item's first duty ("1. Sở Lao động ... chủ trì ...").
    """
    if not org_duties:
        return []
    duty, path = org_duties[0]
    from_heading = inherited(path[:2])
    source = from_heading or [u for u in duty.units if u.role == "lead" and u.explicit]
    leads: list[UnitRole] = []
    for u in source:
        if all(x.name != u.name for x in leads):
            leads.append(UnitRole(u.name, "lead", explicit=True))
    return leads
