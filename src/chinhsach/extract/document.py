"""The extraction stage over a whole document.

:func:`extract_document` gives every segment its context (section, the year its headings set,
the part of the plan), runs the spaCy pipeline of :mod:`chinhsach.extract.nlp` over all of
them with ``nlp.pipe``, and assembles the plain dataclasses (``Target``, ``Duty``,
``Citation``) and the consistency warnings; duties are read from the unit spans the pipeline
set (:mod:`chinhsach.extract.duties`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from chinhsach.extract.citations import (
    citation_warnings,
    distinct_citations,
    resolve_aliases,
)
from chinhsach.extract.duties import Mention, extract_duties
from chinhsach.extract.nlp import SegmentContext, doc_words, extraction_pipeline, unit_mentions
from chinhsach.extract.tables import table_facts
from chinhsach.extract.targets import heading_year, suspect_typos
from chinhsach.extract.units import find_units
from chinhsach.model import Citation, Document, ParseWarning, Target, UnitRole
from chinhsach.text.normalize import fold

_OBJECTIVES = re.compile(r"muc tieu|chi tieu|tam nhin")


# ---------------------------------------------------------------------------------------------
# The stage
# ---------------------------------------------------------------------------------------------


def _context(document: Document) -> dict[str, SegmentContext]:
    sections = {s.id: s for s in document.sections}
    out: dict[str, SegmentContext] = {}
    for seg in document.segments:
        headings: list[str] = []
        node = seg.section_node
        while node and node in sections:
            headings.append(sections[node].heading)
            node = sections[node].parent
        year = next((y for y in (heading_year(h) for h in headings) if y), None)
        in_obj = any(_OBJECTIVES.search(fold(h)) for h in headings)
        out[seg.id] = SegmentContext(seg.section, year, in_obj)
    return out


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


def _typo_warnings(document: Document) -> list[ParseWarning]:
    out = []
    seen: set[tuple[str, str | None]] = set()
    for seg in document.segments:
        if not seg.searchable:
            continue
        for wrong, right in suspect_typos(seg.text):
            if (wrong, seg.section) not in seen:
                seen.add((wrong, seg.section))
                out.append(ParseWarning("suspect_typo", f"“{wrong}” is probably “{right}”", seg.section))
    return out


def _resolve_self_references(issuer: str | None, duties: Iterable, plan_lead: list) -> None:
    """A bare "Sở" (or "Bộ") in a department's own plan is the department itself.

    "báo cáo Sở", "các đơn vị trực thuộc Sở" in a Sở Y tế plan mean Sở Y tế; lower-case "sở" in
    "các sở, ban, ngành" stays a collective.
    """
    if not issuer:
        return
    head = issuer.split()[0]
    if head not in ("Sở", "Bộ", "Cục", "Phòng"):
        return
    own = re.sub(r"\s+(?:tỉnh|thành phố|huyện)\s+[A-ZĐ].*$", "", issuer)
    pattern = re.compile(rf"(?<!\w){head}$")
    for unit in [u for d in duties for u in d.units] + list(plan_lead):
        if pattern.search(unit.name):
            unit.name = pattern.sub(own, unit.name)


def extract_document(document: Document) -> Document:
    """Fill ``targets``, ``duties``, ``citations`` and consistency ``warnings`` of a document."""
    nlp = extraction_pipeline()
    contexts = _context(document)
    segments = [s for s in document.segments if s.kind != "signature"]
    made = []
    for seg in segments:
        doc = nlp.make_doc(seg.text)
        ctx = contexts[seg.id]
        # Targets only where they may stand: not in the preamble, not in unsearchable lines.
        doc._.context = replace(ctx, read_targets=seg.searchable and seg.kind != "preamble")
        made.append(doc)

    targets: list[Target] = []
    mentions_by_text: dict[str, list[Mention]] = {}
    citations: list[Citation] = []
    table_rows = {r.segment_id for t in document.tables for r in t.rows if r.segment_id}
    for seg, doc in zip(segments, nlp.pipe(made), strict=True):
        seg.words = doc_words(doc)  # one segmentation for extraction and the index
        mentions_by_text[seg.text] = unit_mentions(doc)
        citations.extend(doc._.citations or [])
        if seg.id in table_rows:
            continue  # rows of role tables are read cell by cell (extract.tables)
        for target in doc._.targets or []:
            target.segment_id = seg.id
            targets.append(target)

    def find(text: str) -> list[Mention]:
        if text in mentions_by_text:
            return mentions_by_text[text]
        return [Mention(m.start, m.end, m.name) for m in find_units(text)]

    duties, plan_lead = extract_duties(document, find)
    row_duties, row_targets, handled = table_facts(document, find)
    if handled:
        duties = [d for d in duties if d.segment_id not in handled]
        for duty in row_duties:
            if not any(u.role == "lead" for u in duty.units):
                duty.units.extend(UnitRole(u.name, "lead", explicit=False) for u in plan_lead)
        duties.extend(row_duties)
        targets.extend(row_targets)
    _resolve_self_references(document.meta.issuer, duties, plan_lead)
    resolved = resolve_aliases(citations)
    document.targets = targets
    document.duties = duties
    document.plan_lead = plan_lead
    document.citations = distinct_citations(resolved)
    texts = [(s.section, s.text) for s in segments]
    document.warnings = [
        *document.warnings,
        *_comparator_warnings(targets),
        *citation_warnings(resolved, document_date=document.meta.date, texts=texts),
        *_typo_warnings(document),
    ]
    return document
