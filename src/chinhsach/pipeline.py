"""The document pipeline: file → text with provenance → normalised structure.

Each stage is its own module; this one only chains them, so that ``chinhsach.parse`` and the
index build run exactly the same steps.
"""

from __future__ import annotations

from pathlib import Path

from .ingest import read_source
from .model import Document
from .structure import build_document


def parse(path: str | Path, doc_id: str | None = None) -> Document:
    """Read, normalise and structure one file."""
    source = read_source(path)
    return build_document(source, doc_id=doc_id)
