"""The build's work on one document, the same whichever engine runs it.

Every engine (the in-process build, the Ray build in :mod:`.ray_engine`) calls
:func:`process_document` on each file to read, structure and extract it, embeds the passages it
returns, and hands the documents and their vectors to the one writer in :mod:`.build` through
the :class:`BuildEngine` interface. No stage has a second implementation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from chinhsach.errors import EmptyDocumentError, InputError, OcrUnavailableError
from chinhsach.model import Document, Segment

MAX_CONTEXT_CHARS = 160

Reader = Callable[[Path, str], Document]


def segment_context(segment: Segment) -> str:
    """The heading a segment is read with (``Segment.context``; for documents stored before
    it existed, the topic or the innermost heading)."""
    if segment.context is not None:
        return segment.context
    return segment.topic or (segment.heading_path[-1] if segment.heading_path else "")


def passage_text(segment: Segment) -> str:
    """The text the embedding model sees: the segment with its nearest heading as context.

    A paragraph under "Về nước sạch, vệ sinh môi trường" rarely repeats its topic; giving the
    heading to the model makes it findable by topic.
    """
    context = segment_context(segment)
    if context and context != segment.text and segment.kind != "heading":
        # A heading is context, not content: a long one must not push the passage past the
        # model's 512 tokens.
        return f"{context[:MAX_CONTEXT_CHARS]}: {segment.text}"
    return segment.text


@dataclass
class DocumentOutcome:
    """What the build made of one file: a document to index with the texts its passages are
    embedded from, or the reason it was skipped (no text) or failed (one file never stops a
    build)."""

    path: str
    doc_id: str
    document: Document | None = None
    passages: list[str] = field(default_factory=list)
    skipped: str | None = None
    failed: str | None = None


def process_document(path: Path, doc_id: str, read: Reader,
                     on_read: Callable[[str, list[str]], None] | None = None) -> DocumentOutcome:
    """Read and structure one file (``read``), then extract its targets, duties and citations.

    ``on_read(doc_id, passages)`` is called between the two, so that an engine can start
    embedding the passages while the extraction runs. Never raises for a bad file: the reason
    is in the outcome, worded as the build report gives it.
    """
    from chinhsach import pipeline  # loads spaCy (seconds): only when a document is read

    try:
        doc = read(path, doc_id)
    except (EmptyDocumentError, OcrUnavailableError) as exc:
        # OCR missing: skipped, with the one line that says how to install it.
        return DocumentOutcome(str(path), doc_id, skipped=exc.reason)
    except InputError as exc:
        return DocumentOutcome(str(path), doc_id, failed=exc.reason)
    except Exception as exc:  # noqa: BLE001 - one document never stops a build
        return DocumentOutcome(str(path), doc_id,
                               failed=f"unexpected {type(exc).__name__} while reading: {exc}")
    if not any(s.searchable for s in doc.segments):
        return DocumentOutcome(str(path), doc_id, skipped="no searchable text")
    passages = [passage_text(s) for s in doc.segments if s.searchable]
    if on_read is not None:
        on_read(doc.doc_id, passages)
    try:
        doc = pipeline.extract_document(doc)
    except Exception as exc:  # noqa: BLE001 - one document never stops a build
        return DocumentOutcome(doc.path, doc.doc_id,
                               failed=f"unexpected {type(exc).__name__} while extracting: {exc}")
    return DocumentOutcome(str(path), doc.doc_id, document=doc, passages=passages)


@dataclass
class Embedded:
    """The vectors of the new documents' passages (by document id) and the model that made them."""

    model_id: str
    model_path: str
    vectors: dict[str, np.ndarray]


class BuildEngine(Protocol):
    """How the writer of a new generation receives the work on the files to (re)read.

    ``documents()`` yields the documents in the order of the plan it was given (so that every
    engine writes the same positions), noting skipped and failed files in the build report;
    ``embedded()``, called once they are all written, returns their vectors (None when none
    was embedded); ``close()`` stops the engine's workers, also after a failure.
    """

    def documents(self) -> Iterator[Document]: ...

    def embedded(self) -> Embedded | None: ...

    def close(self) -> None: ...
