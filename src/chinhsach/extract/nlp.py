"""The spaCy pipeline of the extraction stage: a Vietnamese word tokenizer and four registered
components that share their annotations through the ``Doc``.

    nlp = extraction_pipeline()
    docs = nlp.pipe(docs_with_context)      # Doc objects whose ``doc._.context`` is set

In order, each reading what the earlier ones set:

1. ``chinhsach_citations`` → ``doc.spans["citations"]``, ``doc._.citations`` (document numbers,
   types, dates, issuers);
2. ``chinhsach_units`` → ``doc.spans["units"]`` (label ``UNIT``, ``span._.unit_name``);
3. ``chinhsach_targets`` → ``doc.spans["targets"]``, ``doc._.targets``: the citation spans are
   masked, so "Nghị quyết số 42-NQ/TW ngày 24/11/2023" never yields a value; runs only where
   ``doc._.context.read_targets`` says a target may stand;
4. ``chinhsach_duty_roles`` → ``doc._.unit_roles``: the roles (lead, cooperate, monitor,
   report_to) of the unit spans, from the cue words around them.

Components are classes registered with ``Language.factory`` and a ``default_config``, so a
pipeline can be assembled from a spaCy config like any other.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from chinhsach.extract.citations import find_citations
from chinhsach.extract.duties import Mention, roles_in_text
from chinhsach.extract.targets import find_targets
from chinhsach.extract.units import find_units
from chinhsach.text.tokens import segment_words

COMPONENTS = ("chinhsach_citations", "chinhsach_units", "chinhsach_targets", "chinhsach_duty_roles")


@dataclass(frozen=True, slots=True)
class SegmentContext:
    """What the components need to know about the segment a Doc holds: its section, the year
    its headings set, whether it sits in an objectives part, and whether targets may stand in
    it at all (not in a preamble, not in a table row read cell by cell)."""

    section: str | None
    year: int | None
    in_objectives: bool
    read_targets: bool = True
    part: str | None = None  # Section.part of the segment's node (None outside the outline)
    year_inferred: bool = False  # ``year`` is the plan's period, not stated near the segment
    qualitative: bool = True  # unquantified end states count (not under Mục đích / Yêu cầu …)
    aims_are_targets: bool = False  # right under a "Mục tiêu cụ thể" / "Chỉ tiêu" title
    in_conditions: bool = False  # an item of a list of a rule's cases ("… các trường hợp sau đây:")
    ocr: bool = False  # the segment was read by OCR (its names' marks may be misread)


# ---------------------------------------------------------------------------------------------
# Tokenizer
# ---------------------------------------------------------------------------------------------


class WordTokenizer:
    """spaCy tokenizer: Vietnamese word segmentation, aligned to the exact characters.

    Multi-syllable words ("bảo hiểm xã hội") are one token (:func:`segment_words`).
    """

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
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


def _whitespace_doc(vocab: Any, text: str) -> Doc:
    parts = re.findall(r"\S+\s*", text)
    words = [p.rstrip() for p in parts]
    spaces = [p != p.rstrip() for p in parts]
    if text[: len(text) - len(text.lstrip())]:
        return Doc(vocab, words=[text], spaces=[False])
    return Doc(vocab, words=words, spaces=spaces)


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept by the tokenizer: spaCy rebuilds the string from the tokens on every
    access (a third of the extraction time, profiled)."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def doc_words(doc: Doc) -> list[str]:
    """The tokens' texts (the index's word field reuses this one segmentation)."""
    return doc.user_data.get("words") or [t.text for t in doc]


def _span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


def _item_spans(doc: Doc, items: list, label: str, attr: str) -> list[Span]:
    """Spans over each item's exact text (``item.text``), the item kept in ``span._.<attr>``."""
    spans = []
    text = doc_text(doc)
    for item in items:
        at = text.find(item.text)
        span = _span(doc, at, at + len(item.text), label) if at >= 0 else None
        if span is not None:
            span._.set(attr, item)
            spans.append(span)
    return spans


# ---------------------------------------------------------------------------------------------
# Components
# ---------------------------------------------------------------------------------------------

for _name in ("context", "targets", "citations", "unit_roles"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name in ("unit_name", "target", "citation"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


class CitationRecognizer:
    """Document numbers and the words about them (type, date, issuer, khóa, alias)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ctx: SegmentContext | None = doc._.context
        cites = find_citations(doc_text(doc), section=ctx.section if ctx else None)
        doc.spans["citations"] = _item_spans(doc, cites, "CITATION", "citation")
        doc._.citations = cites
        return doc


class UnitRecognizer:
    """Units (đơn vị) from the gazetteer and its grammar (:mod:`chinhsach.extract.units`)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        ctx: SegmentContext | None = doc._.context
        for m in find_units(doc_text(doc), ocr=bool(ctx and ctx.ocr)):
            span = _span(doc, m.start, m.end, "UNIT")
            if span is not None:
                span._.unit_name = m.name
                spans.append(span)
        doc.spans["units"] = spans
        return doc


class TargetRecognizer:
    """Quantified and qualitative targets, with the citation spans masked out."""

    def __init__(self, nlp: Language, name: str, mask_citations: bool) -> None:
        self.name = name
        self.mask_citations = mask_citations

    def __call__(self, doc: Doc) -> Doc:
        ctx: SegmentContext | None = doc._.context
        if ctx is None or not ctx.read_targets:
            doc._.targets = []
            doc.spans["targets"] = []
            return doc
        masked = ([(s.start_char, s.end_char) for s in doc.spans.get("citations", [])]
                  if self.mask_citations else None)
        found = find_targets(doc_text(doc), section=ctx.section, year=ctx.year,
                             in_objectives=ctx.in_objectives, masked=masked,
                             qualitative=ctx.qualitative, year_inferred=ctx.year_inferred,
                             aims_are_targets=ctx.aims_are_targets,
                             in_conditions=ctx.in_conditions)
        doc.spans["targets"] = _item_spans(doc, found, "TARGET", "target")
        doc._.targets = found
        return doc


class DutyRoleRecognizer:
    """The role of each unit span, from the cue words around it (chủ trì, phối hợp, …)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        mentions = unit_mentions(doc)
        doc._.unit_roles = roles_in_text(doc_text(doc), lambda _t: mentions)
        return doc


def unit_mentions(doc: Doc) -> list[Mention]:
    """The unit spans of a processed Doc as the duty reader takes them."""
    return [Mention(s.start_char, s.end_char, s._.unit_name) for s in doc.spans.get("units", [])]


Language.factory("chinhsach_citations", assigns=["doc.spans", "doc._.citations"],
                 func=CitationRecognizer)
Language.factory("chinhsach_units", assigns=["doc.spans"], func=UnitRecognizer)
Language.factory("chinhsach_targets", default_config={"mask_citations": True},
                 requires=["doc.spans"], assigns=["doc.spans", "doc._.targets"], func=TargetRecognizer)
Language.factory("chinhsach_duty_roles", requires=["doc.spans"], assigns=["doc._.unit_roles"],
                 func=DutyRoleRecognizer)


def blank_vietnamese() -> Language:
    """A blank Vietnamese pipeline with the word tokenizer (spaCy's own "vi" tokenizer would
    need pyvi; the dictionary segmentation here is the one the index uses)."""
    import spacy

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    nlp.tokenizer = WordTokenizer(nlp.vocab)
    return nlp


@functools.lru_cache(maxsize=1)
def extraction_pipeline() -> Language:
    """The spaCy pipeline (built once per process)."""
    nlp = blank_vietnamese()
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
