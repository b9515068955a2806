"""The document pipeline: file → text with provenance → normalised structure.

Each stage is its own module; this one only chains them, so that ``chinhsach.parse`` and the
index build run exactly the same steps.
"""

from __future__ import annotations

from pathlib import Path

from chinhsach.extract.document import extract_document
from chinhsach.ingest.readers import read_source
from chinhsach.model import Document
from chinhsach.structure.outline import build_document


def read_document(path: str | Path, doc_id: str | None = None, ocr: str = "auto") -> Document:
    """Read, normalise and structure one file (segments ready to embed; nothing extracted).

    ``ocr``: ``auto`` (scanned pages and pages with a broken text layer), ``always`` or
    ``never`` (see :data:`chinhsach.ingest.readers.OCR_MODES`).
    """
    return build_document(read_source(path, ocr=ocr), doc_id=doc_id)


def parse(path: str | Path, doc_id: str | None = None, ocr: str = "auto") -> Document:
    """Read, normalise, structure one file and extract what it says (``ocr`` as above)."""
    return extract_document(read_document(path, doc_id, ocr=ocr))
