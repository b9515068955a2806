"""The extraction stage: a spaCy pipeline that finds units, citations and targets in segments.

``nlp = extraction_pipeline()`` is a blank Vietnamese spaCy ``Language`` whose tokenizer is
the word segmentation of :func:`chinhsach.text.tokens.segment_words` (underthesea's dictionary),
followed by registered components:

- ``chinhsach_units``: ``doc.spans["units"]`` (label ``UNIT``, ``span._.unit_name``);
- ``chinhsach_citations``: ``doc.spans["citations"]`` and ``doc._.citations``;
- ``chinhsach_targets``: ``doc.spans["targets"]`` and ``doc._.targets``;
- ``chinhsach_duty_roles``: ``doc._.unit_roles`` (units of the text with their roles).

Segment context (section id, year from the headings, whether it sits in an objectives part)
travels in ``doc._.context``. :func:`extract_document` runs the pipeline over a document and
assembles the plain dataclasses (``Target``, ``Duty``, ``Citation``) and the consistency warnings.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from chinhsach.extract.citations import (
    citation_warnings,
    distinct_citations,
    find_citations,
    resolve_aliases,
)
from chinhsach.extract.duties import Mention, extract_duties, roles_in_text
from chinhsach.extract.targets import find_targets, heading_year, suspect_typos
from chinhsach.extract.units import find_units
from chinhsach.model import Citation, Document, ParseWarning, Target
from chinhsach.text.tokens import segment_words


@dataclass(frozen=True, slots=True)
class SegmentContext:
    """What a component needs to know about the segment a Doc holds."""

    section: str | None
    year: int | None
    in_objectives: bool
    part: str | None = None  # Section.part of the segment's node (None outside the outline)
    year_inferred: bool = False  # ``year`` is the plan's period, not stated near the segment


# ---------------------------------------------------------------------------------------------
# spaCy pieces
# ---------------------------------------------------------------------------------------------


class WordTokenizer:
    """spaCy tokenizer: Vietnamese word segmentation, aligned to the exact characters.

    Multi-syllable words ("bảo hiểm xã hội") are one token (:func:`tokens.segment_words`).
    """

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for word in segment_words(text):
            found = text.find(word, pos)
            if found < 0:  # the segmenter changed the characters: fall back to plain pieces
                continue
            if found > pos and words and not text[pos:found].isspace():
                words.append(text[pos:found].strip())
                spaces.append(True)
            if found > pos and words and text[pos:found].isspace():
                spaces[-1] = True
            words.append(word)
            spaces.append(False)
            pos = found + len(word)
        if pos < len(text) and text[pos:].strip():
            words.append(text[pos:].strip())
            spaces.append(False)
        if not words:
            return Doc(self.vocab, words=[text] if text else [], spaces=[False] if text else [])
        # Rebuild spacing so that doc.text == text exactly (checked on the strings: Doc.text
        # would build a Token per word).
        if "".join(w + " " * sp for w, sp in zip(words, spaces, strict=True)) != text:
            return _whitespace_doc(self.vocab, text)
        rebuilt = Doc(self.vocab, words=words, spaces=spaces)
        rebuilt.user_data["text"] = text
        rebuilt.user_data["words"] = words  # the tokens' texts, without iterating the Doc
        return rebuilt


def _whitespace_doc(vocab: Any, text: str):
    from spacy.tokens import Doc

    parts = re.findall(r"\S+\s*", text)
    words = [p.rstrip() for p in parts]
    spaces = [p != p.rstrip() for p in parts]
    if text[: len(text) - len(text.lstrip())]:
        return Doc(vocab, words=[text], spaces=[False])
    return Doc(vocab, words=words, spaces=spaces)


def _text(doc) -> str:
    """``doc.text``, kept by the tokenizer: spaCy rebuilds the string from the tokens on every
    access (a third of the extraction time, profiled)."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def _span(doc, start: int, end: int, label: str):
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def _item_spans(doc, items: list, label: str, attr: str) -> list:
    """Spans over each item's exact text (``item.text``), the item kept in ``span._.<attr>``."""
    spans = []
    for item in items:
        at = _text(doc).find(item.text)
        span = _span(doc, at, at + len(item.text), label) if at >= 0 else None
        if span is not None:
            span._.set(attr, item)
            spans.append(span)
    return spans


def _register() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    for name, default in (("context", None), ("targets", None), ("citations", None),
                          ("unit_roles", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("unit_name", "target", "citation"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)

    if "chinhsach_units" in Language.factories:
        return

    @Language.component("chinhsach_units")
    def units_component(doc):
        spans = []
        for m in find_units(_text(doc)):
            span = _span(doc, m.start, m.end, "UNIT")
            if span is not None:
                span._.unit_name = m.name
                spans.append(span)
        doc.spans["units"] = spans
        return doc

    @Language.component("chinhsach_citations")
    def citations_component(doc):
        ctx: SegmentContext | None = doc._.context
        cites = find_citations(_text(doc), section=ctx.section if ctx else None)
        doc.spans["citations"] = _item_spans(doc, cites, "CITATION", "citation")
        doc._.citations = cites
        return doc

    @Language.component("chinhsach_targets")
    def targets_component(doc):
        ctx: SegmentContext | None = doc._.context
        if ctx is None:
            doc._.targets = []
            return doc
        found = find_targets(_text(doc), section=ctx.section, year=ctx.year,
                             in_objectives=ctx.in_objectives)
        doc.spans["targets"] = _item_spans(doc, found, "TARGET", "target")
        doc._.targets = found
        return doc

    @Language.component("chinhsach_duty_roles")
    def duty_roles_component(doc):
        mentions = [Mention(s.start_char, s.end_char, s._.unit_name) for s in doc.spans.get("units", [])]
        doc._.unit_roles = roles_in_text(_text(doc), lambda _t: mentions)
        return doc


@functools.lru_cache(maxsize=1)
def extraction_pipeline():
    """The spaCy pipeline (built once per process)."""
    import spacy

    _register()
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    nlp.tokenizer = WordTokenizer(nlp.vocab)
    for name in ("chinhsach_units", "chinhsach_citations", "chinhsach_targets", "chinhsach_duty_roles"):
        nlp.add_pipe(name)
    return nlp


# ---------------------------------------------------------------------------------------------
# The stage
# ---------------------------------------------------------------------------------------------


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
        out[seg.id] = SegmentContext(seg.section, year, node_part == "objectives", node_part, inferred)
    return out


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
    docs = {}
    for seg in segments:
        doc = nlp.make_doc(seg.text)
        doc._.context = contexts[seg.id]
        docs[seg.id] = doc
        # One segmentation for extraction and the index.
        seg.words = doc.user_data.get("words") or [t.text for t in doc]
    for name, proc in nlp.pipeline:
        if name == "chinhsach_targets":
            continue  # targets only where they may stand (below)
        for doc in docs.values():
            proc(doc)

    targets: list[Target] = []
    mentions_by_text: dict[str, list[Mention]] = {}
    citations: list[Citation] = []
    target_proc = nlp.get_pipe("chinhsach_targets")
    for seg in segments:
        doc = docs[seg.id]
        mentions_by_text[seg.text] = [Mention(s.start_char, s.end_char, s._.unit_name)
                                      for s in doc.spans["units"]]
        citations.extend(doc._.citations or [])
        ctx = contexts[seg.id]
        # Figures of situation parts ("Kết quả đạt được: … đạt 48,6%") report what was achieved:
        # they are left out of the targets (the gold lists targets only).
        if seg.searchable and seg.kind != "preamble" and ctx.part != "situation":
            target_proc(doc)
            for target in doc._.targets or []:
                target.segment_id = seg.id
                if ctx.year_inferred and target.year == ctx.year and str(ctx.year) not in target.text:
                    target.year_inferred = True
                targets.append(target)

    def find(text: str) -> list[Mention]:
        if text in mentions_by_text:
            return mentions_by_text[text]
        return [Mention(m.start, m.end, m.name) for m in find_units(text)]

    duties, plan_lead = extract_duties(document, find)
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
