"""The extraction stage over a whole document.

:func:`extract_document` gives every segment its context (section, the year its headings set,
the part of the plan), runs the spaCy pipeline of :mod:`chinhsach.extract.nlp` over all of
them with ``nlp.pipe``, and assembles the plain dataclasses (``Target``, ``Duty``,
``Citation``) and the consistency warnings; duties are read from the unit spans the pipeline
set (:mod:`chinhsach.extract.duties`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from chinhsach.extract.citations import (
    citation_warnings,
    distinct_citations,
    resolve_aliases,
)
from chinhsach.extract.duties import (
    Mention,
    bullet_marker,
    date_in_issue_year,
    defined_unit_names,
    defined_unit_sets,
    expand_short_names,
    extract_duties,
)
from chinhsach.extract.nlp import SegmentContext, doc_words, extraction_pipeline, unit_mentions
from chinhsach.extract.tables import table_facts
from chinhsach.extract.targets import heading_year, lists_conditions
from chinhsach.extract.typos import document_typos, unit_typo
from chinhsach.extract.units import find_units
from chinhsach.model import Citation, Document, ParseWarning, Segment, Target, UnitRole
from chinhsach.text.docnumber import doc_number_key
from chinhsach.text.normalize import fold, normalize_text

# ---------------------------------------------------------------------------------------------
# The stage
# ---------------------------------------------------------------------------------------------


# Documents that speak of one moment: a letter's "gửi … trước 30/8" is this year's 30 August. A
# plan or programme running several years leaves the year out of a day it means every year
# ("báo cáo kết quả … trước ngày 15/12"), so there a yearless day keeps its words and no date
# (GUIDELINES-real.md, Time: yearless days, [decided, lead s12]).
_DATED_BY_ISSUE = frozenset({"Công văn", "Thông báo", "Công điện", "Giấy mời"})

def _context(document: Document) -> dict[str, SegmentContext]:
    """Each segment's section, part and target year.

    The year is the nearest one stated: the segment's headings ("II.2. Chỉ tiêu đến năm 2030"),
    else a lead-in line above it in its section ("Đến năm 2025:", "Giai đoạn 2026-2030, phấn
    đấu:"), else the plan's own period from its title, marked ``year_inferred``.
    """
    sections = {s.id: s for s in document.sections}
    plan_year = heading_year(document.meta.title or "")
    out: dict[str, SegmentContext] = {}
    lead_in: tuple[str | None, int] | None = None  # (section node, year) of the last lead-in
    first_text: dict[str, str] = {}  # each outline node's first segment: its lead-in if any
    # "- Tặng cho xã, phường … đạt các tiêu chuẩn sau:" over "+ Có tỷ lệ cử tri đi bầu đạt từ 98%
    # trở lên;": a bullet lead-in announces conditions for its sub-bullets as a clause does for
    # its points; an award plan's criteria are no targets of the plan (GUIDELINES-real.md, the
    # kh157 scoring thresholds; the Đắk Lắk 2025 emulation plan, /tmp/s13/dev). (node, marker).
    conditions_lead: tuple[str | None, str | None] | None = None
    for seg in document.segments:
        headings: list[str] = []
        node = seg.section_node
        while node and node in sections:
            headings.append(sections[node].heading)
            node = sections[node].parent
        year = next((y for y in (heading_year(h) for h in headings) if y), None)
        inferred = False
        if lead_in is not None and not _within(seg.section_node, lead_in[0]):
            lead_in = None
        if year is None and lead_in is not None:
            year = lead_in[1]
        if seg.searchable and seg.text.rstrip().endswith(":") and (y := heading_year(seg.text)):
            lead_in = (seg.section_node, y)
            year = y
        if year is None and plan_year is not None:
            year, inferred = plan_year, True
        node_part = sections[seg.section_node].part if seg.section_node in sections else None
        marker = bullet_marker(seg.raw) if seg.kind == "bullet" else None
        if conditions_lead is not None and (seg.section_node != conditions_lead[0] or seg.kind != "bullet"
                                            or marker == conditions_lead[1]):
            conditions_lead = None  # another item, a paragraph or a sibling bullet: its list is over
        listed_condition = conditions_lead is not None
        if seg.kind == "bullet" and lists_conditions(seg.text):
            conditions_lead = (seg.section_node, marker)
        out[seg.id] = SegmentContext(seg.section, year, node_part == "objectives",
                                     part=node_part, year_inferred=inferred,
                                     qualitative=_states_targets(headings),
                                     aims_are_targets=bool(headings) and _lists_aims(headings[0]),
                                     in_conditions=listed_condition or _under_conditions(
                                         seg.section_node, sections, first_text),
                                     ocr=seg.prov.ocr_confidence is not None)
        if seg.section_node and seg.section_node not in first_text:
            first_text[seg.section_node] = seg.text
    return out


def _under_conditions(node: str | None, sections: dict, first_text: dict[str, str]) -> bool:
    """Whether a segment is an item of a list its lead-in announces as the cases of a rule: the
    first segment of its own node (bullets under a clause) or of the parent node (points under
    a clause) ends with such a lead-in (:func:`chinhsach.extract.targets.lists_conditions`)."""
    if not node:
        return False
    own = first_text.get(node)
    if own is not None:
        return lists_conditions(own)
    parent = sections[node].parent if node in sections else None
    return parent is not None and lists_conditions(first_text.get(parent, ""))


# Titles of the parts of an objectives section, on folded text. Only "Mục tiêu (cụ thể)",
# "Chỉ tiêu", "Tầm nhìn" list targets in words; "Mục đích", "Yêu cầu", "Quan điểm" and the
# general objective ("Mục tiêu tổng quát / chung", a vision in prose) do not (GUIDELINES.md).
# Measured on the development plans: kh182's "Yêu cầu" items and kh179's "Mục tiêu tổng quát"
# pillars were read as 3 qualitative targets, none in the gold.
_TARGET_TITLE = re.compile(r"^(?:cac |ve )?(?:muc tieu|chi tieu|tam nhin)\b(?! (?:tong quat|chung)\b)")
_PURPOSE_TITLE = re.compile(r"^(?:cac |ve )?(?:muc dich|yeu cau|quan diem|muc tieu (?:tong quat|chung))\b")
_TITLE_MAX_WORDS = 10


_AIMS_TITLE = re.compile(r"^(?:cac |ve )?(?:muc tieu cu the|chi tieu(?: cu the| chu yeu)?)$")


def _lists_aims(heading: str) -> bool:
    """A segment's own heading is "Mục tiêu cụ thể" / "Chỉ tiêu (chủ yếu)" (its horizon aside):
    every aim listed right under it is a target, quantified or not (GUIDELINES.md: "every clause
    of the chỉ tiêu parts"). Only the innermost heading counts: sub-sections of a target part
    ("Phát triển thị trường xuất khẩu" under qd2954's "CHỈ TIÊU XUẤT KHẨU") describe directions
    in prose, and reading their aims as targets added 37 false targets on qd2954."""
    folded = " ".join(re.sub(r"[^\w\s]", " ", fold(heading)).split())
    folded = re.sub(r"\s+(?:(?:den|toi)\s+(?:het\s+)?nam|giai doan|nam)\s+(?:19|20)\d\d(?:\s+(?:19|20)\d\d)?$",
                    "", folded)
    return bool(_AIMS_TITLE.match(folded))


def _states_targets(headings: list[str]) -> bool:
    """Whether the nearest titled heading (innermost first) is one under which unquantified
    end states are targets: not under Mục đích / Yêu cầu / Quan điểm / Mục tiêu tổng quát."""
    for heading in headings:
        folded = " ".join(re.sub(r"[^\w\s]", " ", fold(heading)).split())
        if len(folded.split()) > _TITLE_MAX_WORDS:
            continue  # a sub-item's heading is the first clause of its content, not a title
        if _TARGET_TITLE.match(folded):
            return True
        if _PURPOSE_TITLE.match(folded):
            return False
    return True


def _issue_year(document: Document) -> int | None:
    """The year the document was issued (its place-date line), if read."""
    m = re.match(r"((?:19|20)\d\d)", document.meta.date or "")
    return int(m.group(1)) if m else None


def _is_baseline(target: Target, issued: int | None) -> bool:
    """A figure dated before the year the plan was issued reports a result, not a target:
    "Năm 2024, tỷ lệ … đạt 60%" in a plan of 2025 is the baseline (issue 12, situation vs
    target), wherever it stands. A year taken from the plan's title (``year_inferred``) is
    never evidence of the past. No development gold target has a year before its plan's."""
    return (issued is not None and target.year is not None and not target.year_inferred
            and target.year < issued)


def _within(node: str | None, ancestor: str | None) -> bool:
    """Whether outline node ``node`` is ``ancestor`` or below it (ids are dotted paths)."""
    if node == ancestor:
        return True
    return bool(node and ancestor and node.startswith((ancestor + ".", ancestor + ":")))


def _comparator_warnings(targets: Iterable[Target]) -> list[ParseWarning]:
    wrong = {"up": ("below", "at_most"), "down": ("above", "at_least")}
    out = []
    for t in targets:
        if t.direction in wrong and t.comparator in wrong[t.direction]:
            better = "higher" if t.direction == "up" else "lower"
            out.append(ParseWarning(
                "comparator_direction",
                f"“{t.text}”: {t.indicator} is better {better}, but the target says {t.comparator}",
                t.section))
    return out


def _typo_warnings(segments: list[Segment], targets: list[Target]) -> list[ParseWarning]:
    """``suspect_typo`` warnings from :mod:`chinhsach.extract.typos`: slips the document's own
    spelling shows (one warning per slip, at its first occurrence), and target units that are no
    word. A target's unit and indicator are corrected where they carry one (its text keeps the
    print, as GUIDELINES.md asks)."""
    out = []
    corrections: list[tuple[str, str]] = []
    for typo in document_typos([s.text for s in segments]):
        corrections.append((typo.printed, typo.correction))
        out.append(ParseWarning(
            "suspect_typo", f"“{typo.printed}” is probably “{typo.correction}” (printed so "
            f"{typo.evidence} times in this document)", segments[typo.text_index].section))
    warned = {printed for printed, _ in corrections}
    for target in targets:
        fixed = unit_typo(target.unit) if target.unit else None
        if fixed is not None and target.unit:
            printed = target.unit.split("/")[0].strip()
            corrections.append((printed, fixed))
            if printed not in warned:
                warned.add(printed)
                out.append(ParseWarning(
                    "suspect_typo", f"“{printed}” is probably “{fixed}” (a unit names a thing; "
                    "the dictionary spells only this)", target.section))
    for target in targets:
        for printed, fixed in corrections:
            pattern = re.compile(rf"(?<!\w){re.escape(printed)}(?!\w)", re.IGNORECASE)
            if target.unit:
                target.unit = pattern.sub(fixed, target.unit)
            target.indicator = pattern.sub(lambda m, f=fixed: f if m.group()[0].isupper() else f[0].lower() + f[1:],
                                           target.indicator)
    return out


# "- Số lượng: 5.000 cuốn." under "2. Thông tin tuyên truyền …" (kh235 II.2 of the session-13
# fresh plans): the bare quantity label says nothing of what is counted; the item's heading names
# the activity whose output it is. Its first words (up to a comma, at most eight) complete it.
_BARE_QUANTITY = re.compile(r"^(?:số lượng|tổng số|quy mô)$", re.IGNORECASE)


def _name_bare_quantities(targets: Iterable[Target], headings: dict[str, str]) -> None:
    for target in targets:
        heading = headings.get(target.section or "")
        if target.value is None or not heading or not _BARE_QUANTITY.match(target.indicator.strip()):
            continue
        name = heading.split(",")[0].strip(" .:;")
        name = name.lower() if name.isupper() else name[:1].lower() + name[1:]
        if name:
            target.indicator = f"{target.indicator.strip()} {' '.join(name.split()[:8])}"


_LEVEL_WORDS = r"tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu"


def _resolve_self_references(issuer: str | None, duties: Iterable, plan_lead: list) -> None:
    """A bare "Sở" (or "Bộ") in a department's own plan is the department itself.

    "báo cáo Sở", "các đơn vị trực thuộc Sở" in a Sở Y tế plan mean Sở Y tế; lower-case "sở" in
    "các sở, ban, ngành" stays a collective. A bare "UBND" with no level ("tham mưu UBND giải
    quyết") in a committee's own document is the committee (ct010 II.5.d of the session-13 fresh
    plans, its gold: "Ủy ban nhân dân tỉnh"). A bare "Ban Thường trực" ("tham mưu cho Ban Thường
    trực xem xét") in the own document of a Front committee's board is that board (s18 dev
    qd-mttq-2026-luongminh-totiepcongdan D2, s17 dev kh16-mttq-2025 III.3).
    """
    if not issuer:
        return
    # Every unit once: each rule below renames the same unit objects.
    units = [u for d in duties for u in d.units] + list(plan_lead)
    board = re.match(rf"Ban Thường (?:trực|vụ) .*?\b(?:{_LEVEL_WORDS})(?=\s+[A-ZĐÀ-Ỹ]|$)", issuer)
    if board:
        bare = " ".join(board.group(0).split()[:3])  # "Ban Thường trực"
        for unit in units:
            if unit.name == bare:
                unit.name = board.group(0)
        return
    committee = re.match(rf"Ủy ban nhân dân (?:{_LEVEL_WORDS})\b", issuer)
    if committee:
        for unit in units:
            if unit.name == "Ủy ban nhân dân":
                unit.name = committee.group(0)
        return
    # "chịu trách nhiệm trước Ủy ban bầu cử" in the plan of a sub-committee of "Ủy ban bầu cử xã
    # …": a body printed bare that the issuer's own name gives with a level is the issuer's body
    # of that level (s17 kh01-tbttkt IV.1: both blind golds "Ủy ban bầu cử xã").
    # Only a body named by its level ("Sở Y tế tỉnh" stays "Sở Y tế").
    for unit in units:
        if len(unit.name.split()) >= 2 and unit.name[0].isupper() and (owned := re.search(
                rf"(?<!\w){re.escape(unit.name)}\s+(?P<level>{_LEVEL_WORDS})(?!\w)", issuer)):
            leveled = f"{unit.name} {owned.group('level')}"
            if [m.name for m in find_units(leveled)] == [leveled]:
                unit.name = leveled
    head = issuer.split()[0]
    if head not in ("Sở", "Bộ", "Cục", "Phòng"):
        return
    own = re.sub(r"\s+(?:tỉnh|thành phố|huyện)\s+[A-ZĐ].*$", "", issuer)
    pattern = re.compile(rf"(?<!\w){head}$")
    for unit in units:
        if pattern.search(unit.name):
            unit.name = pattern.sub(own, unit.name)


# "Giao nhiệm vụ cho Phó Trưởng phòng được phân công phụ trách lĩnh vực … và Chuyên viên thuộc
# Phòng Quản lý công nghiệp": a department's decision charges job positions of one division, the
# title printed without the division's name ([decided, s16 fixH]: positions stand for their
# division; s16 dev qd5116-sct-2026). A singular title of an unnamed division in a document that
# names one division is that division; "Trưởng các phòng" stays the collective.
_UNNAMED_DIVISION_TITLE = re.compile(r"^(?:Phó\s+)?Trưởng\s+phòng$", re.IGNORECASE)


def _one_named_division(duties: list, plan_lead: list) -> None:
    units = [u for d in duties for u in d.units] + list(plan_lead)
    named = {u.name for u in units if u.name.startswith("Phòng ")}
    if len(named) != 1:
        return
    for unit in units:
        if unit.name == "phòng" and unit.mention and _UNNAMED_DIVISION_TITLE.match(unit.mention.strip()):
            unit.name = next(iter(named))
    _drop_repeated_roles(duties)


# A level word closing a unit's name, and the place printed after it in the unit's words.
_LEVEL_END = re.compile(r"(?:^|\s)(?P<level>tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu)$")
_PLACE = r"[A-ZĐÀ-Ỹ][^\s,;:.()]*(?:\s+[A-ZĐÀ-Ỹ][^\s,;:.()]*){0,3}"
_PLACE_AFTER = rf"\s+(?P<place>{_PLACE})\s*$"  # after "(?:^|\s)<level>"
# "Sở Công Thương| tỉnh Lào Cai": the province printed after a body named by its sector.
_SECTOR_PLACE = re.compile(rf"\s+(?P<level>tỉnh|thành phố)\s+(?P<place>{_PLACE})\s*")
_CENTRAL_ISSUER = re.compile(r"(?:Bộ|Cục|Tổng cục|Vụ|Chính phủ|Thủ tướng|Văn phòng Chính phủ|Ban Chấp hành Trung ương"
                             r"|Bộ Chính trị|Ban Bí thư)\b")
_LOCAL_ISSUER = re.compile(r"\b(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu|Tỉnh ủy|Thành ủy|Huyện ủy)\b")


def _keep_named_places(issuer: str | None, duties: Iterable, plan_lead: list) -> None:
    """A central body's document keeps the place a unit names: "Ủy ban nhân dân thành phố Hà
    Nội", not "Ủy ban nhân dân thành phố".

    A province's own document drops its name after the level word (its committee is "Ủy ban
    nhân dân tỉnh", GUIDELINES-real.md [decided, kh165]); the Government, the Prime Minister, a
    ministry or the Government Office charge one named province among sixty, and the name is
    what tells it apart (s14 dev nq126, cv3479; s13 dev nq380 already so for lists of places).
    A body named by its sector, not its level ("Sở Công Thương tỉnh Lào Cai" in a ministry's
    letter to that province), keeps its province too, and its bare name elsewhere in the
    document ("đề nghị Sở Công Thương hướng dẫn …") is the same body when the document names it
    with one province only ([decided, kh165] one spelling per body; s16 cv216).
    """
    if not issuer or _LOCAL_ISSUER.search(issuer):
        return
    units = [u for d in duties for u in d.units] + list(plan_lead)
    # A team or office with no place in its name may still be a province's (s15 kh1105, a Sở's
    # inspection team): sector bodies keep their province only in a known central body's text.
    central = bool(_CENTRAL_ISSUER.match(issuer))
    placed: dict[str, set[str]] = {}
    for unit in units:
        if not unit.mention:
            continue
        mention = normalize_text(unit.mention)
        level = _LEVEL_END.search(unit.name)
        if level is not None:
            m = re.search(r"(?:^|\s)" + re.escape(level.group("level")) + _PLACE_AFTER, mention)
            if m:
                unit.name = f"{unit.name} {m.group('place')}"
        elif central and mention.lower().startswith(unit.name.lower()) and (
                m := _SECTOR_PLACE.fullmatch(mention[len(unit.name):])):
            name = f"{unit.name} {m.group('level')} {m.group('place')}"
            placed.setdefault(unit.name, set()).add(name)
            unit.name = name
    for unit in units:
        if len(placed.get(unit.name, ())) == 1:
            unit.name = next(iter(placed[unit.name]))
    _drop_repeated_roles(duties)


# "Ủy ban nhân dân cấp xã" and "UBND các xã, phường" in one document name the same committees:
# the gold writes the collective the document prints, its "Nơi nhận" list included
# (GUIDELINES-real.md [decided, adjud] cấp xã; [decided, s13 adj]). Read as printed, the spent
# held-out kh134 (s14, 9 roles), kh597 (s15, 6) and kh159 (s13, 5) charged a second body.
_COMMUNE_LEVEL = "Ủy ban nhân dân cấp xã"
_COMMUNE_COLLECTIVE = re.compile(r"Ủy ban nhân dân xã, (?:phường|thị trấn)(?:, [a-zà-ỹđ ]+)*")


# "Ủy ban nhân dân (các) tỉnh, thành phố" and "… tỉnh, thành phố trực thuộc trung ương" in one
# document name the same committees (and the bare class in a unit cell the same provinces): the
# gold writes the form the document prints most often (GUIDELINES-real.md [decided, s14 adj] level
# qualifier: nq97 the short form, seven rows to one; the spent s15 held-out nq88 the long one, six
# mentions to four; as printed it charged two bodies in 8 of its rows).
_PROVINCE_LEVEL = "tỉnh, thành phố"
_PROVINCE_QUALIFIED = "tỉnh, thành phố trực thuộc Trung ương"
_PROVINCE_LEVEL_WORD = "Ủy ban nhân dân cấp tỉnh"


# "Ủy ban MTTQ phường" and "Ủy ban MTTQ Việt Nam phường" in one plan name the same committee (and
# its Ban Thường trực): the gold writes the form the document prints most often ([decided,
# kh165] one spelling per body). s17 dev kh-mttq-2025 (a ward's Front plan) printed the long form
# 8 times, the short 3: as printed, its board was two bodies.
_FRONT_LEVEL = re.compile(r"Mặt trận Tổ quốc(?P<vn> Việt Nam)? (?=(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\b)")


def _one_spelling_per_level(texts: Iterable[str], find: Callable[[str], list[Mention]],
                            duties: Iterable, plan_lead: list) -> None:
    """The commune level (:data:`_COMMUNE_LEVEL`) written as the commune collective the document
    prints most often (the first printed on a tie), if it prints one, the province class in its form printed most
    often (:data:`_PROVINCE_LEVEL` or :data:`_PROVINCE_QUALIFIED`, none on a tie), the province
    level (:data:`_PROVINCE_LEVEL_WORD`) as the committees' collective if printed, and a local
    Front committee with or without "Việt Nam" as printed most often (:data:`_FRONT_LEVEL`, none
    on a tie); the texts read once."""
    communes: list[str] = []
    provinces: list[bool] = []  # per printed province class: whether in the long form
    committees = False  # whether a printed province class is the committees', qualified
    fronts: list[bool] = []  # per printed local Front committee: whether with "Việt Nam"
    local_heads: set[str] = set()  # bodies printed over the province class ("Cục Thuế")
    for text in texts:
        commune, province = "xã" in text, "thành phố" in text
        front = "MTTQ" in text or "Mặt trận" in text
        if not (commune or province or front):
            continue
        for m in find(text):
            if commune and _COMMUNE_COLLECTIVE.fullmatch(m.name):
                communes.append(m.name)
            if province and m.name.endswith((_PROVINCE_LEVEL, _PROVINCE_QUALIFIED)):
                provinces.append(m.name.endswith(_PROVINCE_QUALIFIED))
                local_heads.add(m.name[: m.name.rindex(" tỉnh, thành phố")])
                # Only the qualified form: a form template's "UBND TỈNH, THÀNH PHỐ…" placeholder
                # (s16 dev nq18's appendix) prints no collective the document charges.
                committees |= m.name.endswith(f"Ủy ban nhân dân {_PROVINCE_QUALIFIED}")
            if front and (f := _FRONT_LEVEL.search(m.name)):
                fronts.append(bool(f.group("vn")))
    if fronts.count(True) != fronts.count(False):
        spelling = "Mặt trận Tổ quốc Việt Nam " if fronts.count(True) > fronts.count(False) else "Mặt trận Tổ quốc "
        _rename_units(lambda name: _FRONT_LEVEL.sub(spelling, name), duties, plan_lead)
    if communes:
        # dict, not set: on a tie the spelling printed first, the same on every run
        _respell(_COMMUNE_LEVEL, max(dict.fromkeys(communes), key=communes.count), duties, plan_lead)
    if local_heads:
        # "các Cục Thuế địa phương" beside "Cục Thuế các tỉnh, thành phố": a central body's
        # document names the one class of its local branches both ways (s17 tb990, blind gold
        # one spelling; [decided, kh165] one spelling per body).
        _rename_units(lambda name: f"{name[: -len(' địa phương')]} {_PROVINCE_LEVEL}"
                      if name.endswith(" địa phương") and name[: -len(" địa phương")] in local_heads else name,
                      duties, plan_lead)
    long, short = provinces.count(True), provinces.count(False)
    if long > short:
        _respell(_PROVINCE_LEVEL, _PROVINCE_QUALIFIED, duties, plan_lead)
    elif short > long:
        _respell(_PROVINCE_QUALIFIED, _PROVINCE_LEVEL, duties, plan_lead)
    if committees:
        # "Ủy ban nhân dân cấp tỉnh" is the province collective the document prints, in the form
        # chosen above (the long one on a tie), as the commune level is ([decided, s14 adj]
        # cấp tỉnh; spent s16 held-out nq16: "cấp tỉnh" in its clauses, the collective in its
        # executing article's chairs).
        qualified = long >= short
        _respell(_PROVINCE_LEVEL_WORD, f"Ủy ban nhân dân {_PROVINCE_QUALIFIED if qualified else _PROVINCE_LEVEL}",
                 duties, plan_lead)


def _respell(form: str, spelling: str, duties: Iterable, plan_lead: list) -> None:
    """Names ending in ``form`` end in ``spelling`` instead; a unit twice in a role after it once."""
    _rename_units(lambda name: name[: -len(form)] + spelling if name.endswith(form) else name, duties, plan_lead)


def _rename_units(rename: Callable[[str], str], duties: Iterable, plan_lead: list) -> None:
    """Every unit of ``duties`` and ``plan_lead`` renamed by ``rename``; a unit twice in a role
    after it (two spellings made one) kept once."""
    duties = list(duties)
    for unit in [u for d in duties for u in d.units] + list(plan_lead):
        unit.name = rename(unit.name)
    _drop_repeated_roles(duties)


def _drop_repeated_roles(duties: Iterable) -> None:
    """A unit in the same role twice in a duty (two spellings renamed to one) kept once."""
    for duty in duties:
        seen: set[tuple[str, str]] = set()
        duty.units = [u for u in duty.units if (u.name, u.role) not in seen and not seen.add((u.name, u.role))]


# "Điều 1. Thành lập Đoàn kiểm tra (sau đây gọi là Đoàn kiểm tra) để kiểm tra …", then "Điều 3.
# Nhiệm vụ … của Đoàn kiểm tra" and "Trưởng đoàn phân công": a decision that sets up a team names
# it bare from then on, a name the unit reader takes only with an owner ("Đoàn kiểm tra liên
# ngành tỉnh"). In the document that sets it up the bare name is that team, a unit; its head
# stands for it (GUIDELINES-real.md [decided, s15 fixP]; s15 dev qd1050-sct-2026: 16 of its 19
# roles were the team's).
_SETS_UP = re.compile(r"\bThành lập\s+(?P<name>(?:Đoàn|Tổ|Hội đồng)\s+[a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+){0,3}?)"
                      r"(?=\s*(?:\(|để\b|gồm\b|do\b|[,:;.]|$))")
_TEAM_HEADS = {"Đoàn": ("Trưởng đoàn", "Trưởng Đoàn", "Thư ký đoàn", "Thư ký Đoàn", "thành viên Đoàn",
                        "Thành viên Đoàn"),
               "Tổ": ("Tổ trưởng",),
               # A sub-committee's posts in its own plan (s17 kh01-tbttkt: "Đồng chí … - Trưởng
               # Tiểu ban:", "- Phó Trưởng tiểu ban Thường trực:", "Các thành viên khác trong tiểu
               # ban"): both blind annotators wrote the sub-committee for each.
               "Tiểu": ("Phó Trưởng Tiểu ban Thường trực", "Phó Trưởng tiểu ban Thường trực",
                        "Phó Trưởng tiểu ban thường trực", "Phó Trưởng Tiểu ban", "Phó Trưởng tiểu ban",
                        "Phó trưởng tiểu ban", "Trưởng Tiểu ban", "Trưởng tiểu ban", "thành viên khác trong tiểu ban",
                        "thành viên trong tiểu ban", "thành viên Tiểu ban", "Thành viên Tiểu ban",
                        "thành viên tiểu ban")}
# Posts that name a member of the team only as the subject of its own item: after "Đồng chí
# <home office> -" ("- Ủy viên:", "- Thư ký:"), or opening the item ("Các thành viên khác trong
# tiểu ban …"). Elsewhere "phối hợp với các thành viên trong tiểu ban" names the team's own
# members, no partner of it (s17 kh01-tbttkt IV.3, IV.5: both golds give no cooperate).
_SUBJECT_POSTS = ("Ủy viên", "Thư ký", "thành viên khác trong tiểu ban", "thành viên trong tiểu ban")
_OPENS_ITEM = re.compile(r"^\W*(?:(?:Các|các)\s+(?:đồng chí\s+)?)?$")
# The team's own document ("KẾ HOẠCH Kiểm tra …" issued by "ĐOÀN KIỂM TRA theo Quyết định số …",
# signed "T/M. ĐOÀN KIỂM TRA") names itself bare as its founding decision does ("Đối với Đoàn kiểm
# tra:", "Ông X - Trưởng đoàn: Phụ trách chung …"): s15 kh1105, the plan of the team qd1050 set up.
# Only the issuer: elsewhere a bare "Đoàn kiểm tra" is any team (fixA: an award list's teams).
_ISSUING_TEAM = re.compile(r"(?P<name>(?:Đoàn|Tổ)\s+[a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+){0,3}?)(?=\s+theo\b|\s*[(,]|$)")
# A sub-committee of an election committee or a steering board issues its own plan under its
# name of lower-case fields, commas included ("Tiểu ban thông tin, tuyên truyền, khánh tiết"),
# over the body it belongs to ("Ủy ban bầu cử xã …"), which is no part of the team's name.
_ISSUING_SUBCOMMITTEE = re.compile(r"(?P<name>Tiểu ban(?:,?\s+[a-zà-ỹđ]+)+?)(?=\s+[A-ZĐÀ-Ỹ]|\s*$)")
# "Đồng chí Phó Giám đốc Trung tâm … - Phó Trưởng tiểu ban:": the office before the dash is the
# person's home body; the post after it is the one the plan charges ([decided, s16 fixI]).
# The address word may be gone: the duty reader blanks "Đồng chí <name> -" first, which leaves
# "Xã hội - Phó Trưởng tiểu ban" of a home office printed with a dash of its own.
_HOME_POST = re.compile(r"^\W*(?P<who>(?:(?:Đồng chí|đồng chí|Đ/c|đ/c|Ông|Bà)\b)?)[^:;.]*?\s[-–]\s*$")


# "Thành lập Hội đồng và Tổ giúp việc Hội đồng đánh giá … Mông Sơn, xã …, tỉnh … (gọi tắt là Hội
# đồng và Tổ giúp việc)": a long name, or two bodies sharing one, given short names in a bracket
# (s16 dev qd2736-ubnd-2026: the council's and its support team's seven tasks had no unit). Each
# short name stands for its full name ([decided, s15 fixQ]), the place after the first comma
# dropped as the province's name is.
# "viết tắt là" as "gọi tắt là" (spent s16 held-out qd7-bqlkcn-2026: its council's tasks had no
# unit). The province's name after its level word is dropped inside the name too ("… do Ban
# Quản lý các khu công nghiệp tỉnh <Name> quản lý"), as everywhere ([decided, kh165]).
_SETS_UP_DEFINED = re.compile(r"\bThành lập\s+(?P<full>[^()]{3,300}?)\s*\(\s*(?:sau đây\s+)?(?:được\s+)?"
                              r"(?:gọi(?:\s+tắt)?|viết\s+tắt)\s+là\s+(?P<short>(?:Đoàn|Tổ|Hội đồng|Ban)\b[^()]{0,60}?)\s*\)")
_OWN_PLACE_TAIL = re.compile(r"(?<=\s)(?P<level>tỉnh|thành phố)\s+[A-ZĐÀ-Ỹ]\S*(?:\s+[A-ZĐÀ-Ỹ]\S*){0,3}(?=\s+[a-zà-ỹđ]|$)")


def _defined_set_up_names(text: str) -> dict[str, str]:
    """Short name → full name of the bodies a "Thành lập … (gọi tắt là …)" sentence sets up."""
    out: dict[str, str] = {}
    for m in _SETS_UP_DEFINED.finditer(text):
        full = _OWN_PLACE_TAIL.sub(lambda x: x.group("level") if x.end() < len(x.string) else "",
                                   " ".join(m.group("full").split()).split(",")[0]).rstrip()
        shorts = [x.strip() for x in re.split(r"\s+và\s+", " ".join(m.group("short").split()))]
        if len(shorts) == 1 and full.startswith(shorts[0]):
            out[shorts[0]] = full
        elif len(shorts) == 2 and (at := full.find(f" và {shorts[1]}")) > 0 and full[:at] == shorts[0]:
            second = full[at + len(" và "):]
            tail = second[len(shorts[1]):].strip()
            out[shorts[0]] = tail if tail.startswith(shorts[0]) else f"{shorts[0]} {tail}".strip()
            out[shorts[1]] = out[f"{shorts[1]} {shorts[0]}"] = second  # "Tổ giúp việc Hội đồng"
    return out


def _set_up_bodies(texts: Iterable[str], issuer: str | None = None) -> dict[str, str]:
    """The teams a document sets up (:data:`_SETS_UP`, :data:`_SETS_UP_DEFINED`) and the team
    that issues it (:data:`_ISSUING_TEAM`): the name it calls each by, mapped to the unit name."""
    out: dict[str, str] = {}
    if issuer and (own := _ISSUING_TEAM.match(issuer) or _ISSUING_SUBCOMMITTEE.match(issuer)):
        out[own.group("name")] = own.group("name")
    for t in texts:
        if "Thành lập" in t:
            out.update({m.group("name"): m.group("name") for m in _SETS_UP.finditer(t)})
            out.update(_defined_set_up_names(t))
    return out


def _council_heads(short: str) -> tuple[str, ...]:
    """A council's chair and members by its short name ("thành viên Hội đồng thẩm định"): they
    stand for it as a team's head does (spent s16 held-out qd7-bqlkcn-2026 Điều 2.2 and the
    executing article's "các thành viên Hội đồng thẩm định tại Điều 1")."""
    if not short.startswith("Hội đồng "):
        return ()
    return tuple(f"{title} {short}" for title in ("Chủ tịch", "Phó Chủ tịch", "thành viên", "Thành viên"))


# "… và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này": in the decision
# that sets up a team or council, the members it lists in that article stand for the bodies they
# make up ([decided, s15 fixP]; s15 dev qd1050 D5.2, s16 dev qd2736 D4, s18 dev
# qd-mttq-2026-luongminh-totiepcongdan D3: the members were no unit).
_MEMBERS_OF_ARTICLE = re.compile(r"\b(?:các\s+)?(?:ông\s*(?:\(\s*bà\s*\)|,\s*bà|/\s*bà)|thành viên)\s+có tên\s+"
                                 r"(?:tại|ở)\s+Điều\s+\d+\b")


def _with_set_up_bodies(find: Callable[[str], list[Mention]], names: dict[str, str]) -> Callable[[str], list[Mention]]:
    """``find`` that also names the teams the document sets up, and their heads, as units."""
    if not names:
        return find
    # Each short name and its head's titles, a whole-word pattern each, compiled once: a list of
    # pairs, not keyed by the full name, as two short names may stand for one team ("Tổ giúp việc"
    # and "Tổ giúp việc Hội đồng") and both are printed.
    words = [(name, [re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")
                     for form in (short, *_TEAM_HEADS.get(short.split()[0], ()), *_council_heads(short),
                                  *(_SUBJECT_POSTS if short.startswith("Tiểu ban") else ()))])
             for short, name in names.items()]

    def with_teams(text: str) -> list[Mention]:
        found = list(find(text))
        # The longest form first: "Tổ giúp việc Hội đồng" is the team, not the team and the council.
        spans = sorted(((m.span(), name) for name, forms in words for form in forms
                        for m in form.finditer(text)
                        if m.group(0) not in _SUBJECT_POSTS or _OPENS_ITEM.match(text[: m.start()])
                        or _HOME_POST.match(text[: m.start()])), key=lambda x: x[0][0] - x[0][1])
        # A name read over two of them ("… của Đoàn kiểm tra" ⏎ "Đoàn kiểm tra thực hiện" joined:
        # "Đoàn kiểm tra Đoàn") is neither.
        found = [x for x in found if sum(1 for (a, b), _ in spans if x.start < b and a < x.end) < 2]
        home = next(((m, a) for (a, _b), _ in spans if (m := _HOME_POST.match(text[:a]))), None)
        if home is not None:
            # The whole "Đồng chí <home office> - <post>" names the team member: one mention from
            # the address word on, so that it opens the clause as a bare post does.
            found = [x for x in found if x.start >= home[1]]
            spans = [((home[0].start("who"), b) if a == home[1] else (a, b), name) for (a, b), name in spans]
        for (a, b), name in spans:
            if not any(x.start < b and a < x.end for x in found):
                found.append(Mention(a, b, name))
        for m in _MEMBERS_OF_ARTICLE.finditer(text):
            if not any(x.start < m.end() and m.start() < x.end for x in found):
                found.extend(Mention(m.start(), m.end(), name) for name in dict.fromkeys(names.values()))
        return sorted(found, key=lambda x: x.start)

    return with_teams


# The plan of a Front committee's standing board ("Ban Thường trực Ủy ban MTTQ Việt Nam xã …")
# charges its own officers by post: the chair and vice-chairs ("Đồng chí …, Chủ tịch Ủy ban MTTQ
# Việt Nam xã lãnh đạo …", "Phó Chủ tịch Thường trực …") are the board that issues it, and the
# staff by field ("3. Cán bộ phụ trách lĩnh vực giám sát …", "7. Chuyên viên phụ trách lĩnh vực
# Hành chính …") are the committee's staff office ([decided, s15 fixP]: officials charged in
# their own body's document stand for the body; [decided, s17 fixY2]: the staff office is a unit).
# Read as the committee and no unit, the s17 dev kh16-mttq lost 13 of its III roles to the board.
_FRONT_BOARD = re.compile(r"^Ban Thường trực (?P<committee>Ủy ban Mặt trận Tổ quốc Việt Nam(?P<level>\s+\S+)?)$")
_CHAIR_BEFORE = re.compile(r"(?<!\w)(?:Phó\s+)?[Cc]hủ tịch(?:\s+[Tt]hường trực)?\s+$")
_CHAIR_AT = re.compile(r"(?:Phó\s+)?[Cc]hủ tịch\s")
# "Đơn vị chủ trì: Đồng chí Phó chủ tịch Thường trực, phụ trách lĩnh vực …": one officer of the
# board by bare post (the plural "các đ/c Phó Chủ tịch" of a partner field are the lead's own
# members, no partner: kh16's gold).
_BARE_CHAIR = re.compile(r"(?<![\w/])(?:Đồng chí|đồng chí|Đ/c|đ/c)\s+(?P<post>(?:Phó\s+)?[Cc]hủ tịch(?:\s+[Tt]hường trực)?)"
                         r"(?P<field>\s*,\s*phụ trách\s+lĩnh vực[^:;.\n]*)?(?=\s*(?:[,:;.]|$|\s+[a-zà-ỹđ]))")
# "5. Các Phó chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo …" over its bullets: the board's
# officers by field, a heading of the board.
_FRONT_OFFICERS = re.compile(r"^[\W\d]*(?:(?:Các|các)\s+)?(?P<post>(?:Phó\s+)?[Cc]hủ tịch(?:\s+[Tt]hường trực)?"
                             r"\s+phụ trách\s+lĩnh vực)\b")
_FRONT_STAFF = re.compile(r"^[\W\d]*(?:(?:Các|các)\s+)?(?P<post>(?:Cán bộ|cán bộ|Chuyên viên|chuyên viên)"
                          r"(?:\s+chuyên trách)?\s+phụ trách\s+lĩnh vực)\b")


def _with_board_posts(find: Callable[[str], list[Mention]], issuer_unit: str | None) -> Callable[[str], list[Mention]]:
    """``find`` that reads the posts of a Front standing board's own plan as its bodies."""
    board = _FRONT_BOARD.match(issuer_unit or "")
    if board is None:
        return find
    committee = board.group("committee")
    office = f"Cơ quan {committee}"

    def with_posts(text: str) -> list[Mention]:
        found = []
        for m in find(text):
            if m.name in (committee, f"Thường trực {committee}") and (
                    _CHAIR_AT.match(text, m.start) or _CHAIR_BEFORE.search(text[max(0, m.start - 30) : m.start])):
                m = Mention(m.start, m.end, issuer_unit)
            elif m.name == "Ban Thường trực":  # "trình Ban Thường trực ban hành": the board itself
                m = Mention(m.start, m.end, issuer_unit)
            found.append(m)
        for chair in _BARE_CHAIR.finditer(text):
            a, b = chair.start("post"), chair.end()  # the field named after it is no task ("Giám sát …")
            if not re.match(r"\s+Ủy ban|\s+Uỷ ban|\s+UB", text[b:]) and not any(x.start < b and a < x.end for x in found):
                found.append(Mention(a, b, issuer_unit))
        found.sort(key=lambda x: x.start)
        for pattern, unit in ((_FRONT_STAFF, office), (_FRONT_OFFICERS, issuer_unit)):
            staff = pattern.match(text)
            if staff and not any(x.start < staff.end() for x in found):
                # A heading that is the post and nothing else names it whole, field included.
                end = len(text.rstrip(" :*")) if not re.search(r"[:;.]", text[staff.end():].rstrip(" :*")) else staff.end()
                found.insert(0, Mention(staff.start("post"), end, unit))
        return found

    return with_posts


def extract_document(document: Document) -> Document:
    """Fill ``targets``, ``duties``, ``citations`` and consistency ``warnings`` of a document."""
    nlp = extraction_pipeline()
    contexts = _context(document)
    segments = [s for s in document.segments if s.kind != "signature"]
    # Rows of role tables are read cell by cell (extract.tables), not as a line of text.
    table_rows = {r.segment_id for t in document.tables for r in t.rows if r.segment_id}
    made = []
    for seg in segments:
        doc = nlp.make_doc(seg.text)
        ctx = contexts[seg.id]
        # Targets only where they may stand: not in the preamble or unsearchable lines, not in
        # table rows, and not in situation parts, whose figures ("Kết quả đạt được: … đạt
        # 48,6%") report what was achieved.
        doc._.context = replace(ctx, read_targets=(seg.searchable and seg.kind not in ("preamble", "note")
                                                   and ctx.part != "situation"
                                                   and seg.id not in table_rows))
        made.append(doc)

    targets: list[Target] = []
    mentions_by_text: dict[str, list[Mention]] = {}
    citations: list[Citation] = []
    issued = _issue_year(document)
    for seg, doc in zip(segments, nlp.pipe(made), strict=True):
        seg.words = doc_words(doc)  # one segmentation for extraction and the index
        mentions_by_text[seg.text] = unit_mentions(doc)
        citations.extend(doc._.citations or [])
        for target in doc._.targets or []:
            target.segment_id = seg.id
            if _is_baseline(target, issued):
                continue
            targets.append(target)

    def find(text: str) -> list[Mention]:
        if text in mentions_by_text:
            return mentions_by_text[text]
        return [Mention(m.start, m.end, m.name) for m in find_units(text)]

    # A term the document defines for a list of bodies ("(sau đây gọi là cơ quan có thẩm quyền)")
    # is read as a unit wherever it is printed, and spread over the bodies after the duties.
    sets = defined_unit_sets((s.text for s in segments), find)
    terms = {form: term for term in sets for form in (term, term[0].upper() + term[1:])}
    find = _with_set_up_bodies(find, {**_set_up_bodies((s.text for s in segments), document.meta.issuer), **terms})
    own = find_units(document.meta.issuer) if document.meta.issuer else []
    find = _with_board_posts(find, own[0].name if len(own) == 1 else None)
    duties, plan_lead = extract_duties(document, find)
    row_duties, row_targets, handled = table_facts(document, find)
    if handled:
        duties = [d for d in duties if d.segment_id not in handled]
        for duty in row_duties:
            if not any(u.role == "lead" for u in duty.units):
                duty.units.extend(UnitRole(u.name, "lead", explicit=False) for u in plan_lead)
        duties.extend(row_duties)
        targets.extend(row_targets)
    own_province = bool(document.meta.issuer and _LOCAL_ISSUER.search(document.meta.issuer))
    expand_short_names(duties, plan_lead, defined_unit_names((s.text for s in segments), find, own_province), sets)
    if document.meta.type in _DATED_BY_ISSUE:
        date_in_issue_year(duties, document.meta.date)
    _resolve_self_references(document.meta.issuer, duties, plan_lead)
    _one_named_division(duties, plan_lead)
    _keep_named_places(document.meta.issuer, duties, plan_lead)
    _one_spelling_per_level((s.text for s in document.segments), find, duties, plan_lead)
    # The document's own number is no citation, even where it is printed as one ("Kèm theo Kế
    # hoạch số 144/KH-UBND" above its appendix; GUIDELINES-real.md).
    own = doc_number_key(document.meta.number) if document.meta.number else None
    resolved = [c for c in resolve_aliases(citations) if not (own and c.number and doc_number_key(c.number) == own)]
    _name_bare_quantities(targets, {s.id: s.heading for s in document.sections if s.heading})
    document.targets = targets
    document.duties = duties
    document.plan_lead = plan_lead
    document.citations = distinct_citations(resolved)
    texts = [(s.section, s.text) for s in segments]
    document.warnings = [
        *document.warnings,
        *_comparator_warnings(targets),
        *citation_warnings(resolved, document_date=document.meta.date, texts=texts),
        *_typo_warnings(segments, targets),
    ]
    return document
