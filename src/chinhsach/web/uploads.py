"""Gatekeeping of uploaded plans: size, and type judged by the bytes, never by the name.

An upload is accepted as PDF (``%PDF-`` header), DOCX (a zip holding ``word/document.xml``) or
plain text (bytes that decode as text: UTF-8, UTF-16 with a BOM or the NUL pattern of UTF-16, or
an 8-bit Vietnamese encoding with no control characters). The file name a browser sends is only
a label: it names the uploaded document in the report and never becomes a path.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from chinhsach.errors import ChinhsachError, UnsupportedFileError
from chinhsach.ingest.sniff import detect_kind
from chinhsach.structure.outline import doc_id_for

DEFAULT_UPLOAD_ID = "ke-hoach-tai-len"


class UploadTooLargeError(ChinhsachError):
    """An upload above the server's size limit (HTTP 413)."""

    exit_code = 2


def display_name(filename: str | None) -> str:
    """The last part of the name the browser sent, for messages only (never a path)."""
    name = PurePosixPath((filename or "").replace("\\", "/")).name.strip()
    return name[:120] or "tệp tải lên"


def upload_doc_id(filename: str | None) -> str:
    """A document id for the uploaded plan, made from its name like an indexed file's."""
    name = display_name(filename)
    return doc_id_for(name) if name != "tệp tải lên" else DEFAULT_UPLOAD_ID


def sniff(data: bytes, filename: str | None = None) -> str:
    """``"pdf"``, ``"docx"`` or ``"txt"`` from the content (the ingest stage's one sniffer; the
    name is only a label); raises the typed reason otherwise, an image included (a scan is not
    OCR'd inside a web request)."""
    name = display_name(filename)
    kind = detect_kind(data, name)
    if kind == "image":
        raise UnsupportedFileError(name, "an image, not a PDF, DOCX or text file")
    return kind


__all__ = ["UploadTooLargeError", "display_name", "sniff", "upload_doc_id"]
