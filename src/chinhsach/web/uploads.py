"""Gatekeeping of uploaded plans: size, and type judged by the bytes, never by the name.

An upload is accepted as PDF (``%PDF-`` header), DOCX (a zip holding ``word/document.xml``) or
plain text (bytes that decode as text: UTF-8, UTF-16 with a BOM or the NUL pattern of UTF-16, or
an 8-bit Vietnamese encoding with no control characters). The file name a browser sends is only
a label: it names the uploaded document in the report and never becomes a path.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePosixPath

from chinhsach.errors import ChinhsachError, EmptyDocumentError, UnsupportedFileError
from chinhsach.ingest.readers import utf16_codec_by_nuls
from chinhsach.structure.outline import doc_id_for

# C0 control characters that no text file holds (tab, LF, FF, CR and SUB are allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f]")
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


def _is_text(text: str) -> bool:
    return not _CONTROL.search(text)


def _utf16_by_nuls(data: bytes) -> str | None:
    codec = utf16_codec_by_nuls(data)  # the same test the reader applies to files
    if codec is None:
        return None
    try:
        return data[: len(data) // 2 * 2].decode(codec)
    except UnicodeDecodeError:
        return None


def _decodes_as_text(data: bytes) -> bool:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return _is_text(data[len(bom):].decode(codec))
            except UnicodeDecodeError:
                return False
    utf16 = _utf16_by_nuls(data)
    if utf16 is not None:
        return _is_text(utf16)
    try:
        return _is_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        # Windows-1258, TCVN3 and VNI use the upper half of the byte range, never C0 controls.
        return not _CONTROL_BYTES.search(data)


def sniff(data: bytes, filename: str | None = None) -> str:
    """``"pdf"``, ``"docx"`` or ``"txt"`` from the content; raises the reason otherwise."""
    name = display_name(filename)
    if not data.strip():
        raise EmptyDocumentError(name, "tệp rỗng (empty file)")
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                is_docx = "word/document.xml" in zf.namelist()
        except zipfile.BadZipFile as exc:
            raise UnsupportedFileError(name, "tệp zip hỏng, không phải DOCX (broken zip)") from exc
        if is_docx:
            return "docx"
        raise UnsupportedFileError(name, "tệp zip không phải DOCX: thiếu word/document.xml")
    if _decodes_as_text(data):
        return "txt"
    raise UnsupportedFileError(
        name, "nội dung tệp không phải PDF, DOCX hay văn bản thuần (kiểm tra theo nội dung, "
              "không theo đuôi tệp); not a PDF, DOCX or text file"
    )


__all__ = ["UploadTooLargeError", "display_name", "sniff", "upload_doc_id"]
