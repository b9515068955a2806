"""chinhsach: read Vietnamese policy documents and say what they set, charge and cite.

    import chinhsach
    doc = chinhsach.parse("corpus/ke-hoach.txt")          # a Document
    chinhsach.build_index(["corpus/"], ".chinhsach")      # a BuildReport
    hits = chinhsach.Index.open(".chinhsach").search("chi tieu bao hiem y te 2030", k=5)
    scan = chinhsach.parse("cong-van-scan.pdf", ocr="auto")  # OCR: auto | always | never

Heavy parts (torch, faiss, underthesea) load only when a function needs them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from chinhsach import errors
from chinhsach.model import (
    Citation,
    Document,
    DocumentMeta,
    Duty,
    Hit,
    ParseWarning,
    Section,
    Segment,
    Target,
    UnitRole,
)

__version__ = "0.1.0"

if TYPE_CHECKING:
    from chinhsach.indexing import BuildReport, Index

_LAZY = {
    "parse": ("pipeline", "parse"),
    "build_index": ("indexing", "build_index"),
    "Index": ("indexing", "Index"),
    "BuildReport": ("indexing", "BuildReport"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attr = _LAZY[name]
        return getattr(importlib.import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'chinhsach' has no attribute {name!r}")


__all__ = [
    "BuildReport",
    "Citation",
    "Document",
    "DocumentMeta",
    "Duty",
    "Hit",
    "Index",
    "ParseWarning",
    "Section",
    "Segment",
    "Target",
    "UnitRole",
    "build_index",
    "errors",
    "parse",
]
