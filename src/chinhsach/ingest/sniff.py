"""What a file is, judged by its bytes: the one sniffer for indexed files and uploaded plans.

PDF (``%PDF-`` header), DOCX (a zip holding ``word/document.xml``), images (PNG, JPEG, TIFF
signatures) and legacy Office containers are recognised by their first bytes, so a
mislabelled file is still read right and a ``.pdf`` that is not a PDF fails with the reason.
Plain text has no signature: a file on disk is text when its suffix says ``.txt``/``.md``; an
upload, whose name is only a label a browser sent, is text when its bytes decode as text
(UTF-8, UTF-16 with a BOM or by the NUL pattern, or an 8-bit Vietnamese encoding, which never
uses C0 control characters).

Reasons are English one-liners like every library error; the web page shows its own Vietnamese
sentence for each error type (``web/messages.py``).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Literal

from chinhsach.errors import EmptyDocumentError, EncryptedFileError, UnsupportedFileError

FileKind = Literal["pdf", "docx", "image", "txt", "md"]

TEXT_SUFFIXES = (".txt", ".md")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf", ".docx", *IMAGE_SUFFIXES)

HEAD_BYTES = 4096
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
# C0 control characters that no text file holds (tab, LF, FF, CR and SUB are allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f]")
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def utf16_codec_by_nuls(data: bytes) -> str | None:
    """UTF-16 without BOM: Latin letters leave a NUL in every other byte."""
    sample = data[:HEAD_BYTES]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / len(odd)
    if odd_nul >= 0.25 and even_nul <= 0.05:
        return "utf-16-le"
    if even_nul >= 0.25 and odd_nul <= 0.05:
        return "utf-16-be"
    return None


def decodes_as_text(data: bytes) -> bool:
    """True when ``data`` reads as text in one of the encodings the text reader accepts."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return not _CONTROL.search(data[len(bom):].decode(codec))
            except UnicodeDecodeError:
                return False
    codec = utf16_codec_by_nuls(data)
    if codec is not None:
        try:
            return not _CONTROL.search(data[: len(data) // 2 * 2].decode(codec))
        except UnicodeDecodeError:
            return False
    try:
        return not _CONTROL.search(data.decode("utf-8"))
    except UnicodeDecodeError:
        # Windows-1258, TCVN3 and VNI use the upper half of the byte range, never C0 controls.
        return not _CONTROL_BYTES.search(data)


def _zip_kind(source: Path | bytes, name: str, suffix: str) -> FileKind:
    try:
        with zipfile.ZipFile(source if isinstance(source, Path) else io.BytesIO(source)) as zf:
            is_docx = "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnsupportedFileError(name, f"not a valid DOCX: broken zip archive ({exc})") from exc
    if is_docx:
        return "docx"
    what = "not a valid DOCX" if suffix == ".docx" else "unsupported zip archive"
    raise UnsupportedFileError(name, f"{what}: no word/document.xml inside")


def detect_kind(source: Path | bytes, name: str, suffix: str | None = None) -> FileKind:
    """The kind of a file on disk (``Path``) or of uploaded bytes; raises the typed error that
    explains why it cannot be read.

    ``suffix`` is the file's own suffix; ``None`` (an upload) means the name is not evidence,
    so text is recognised by decoding the bytes instead.
    """
    by_content = suffix is None
    suffix = (suffix or "").lower()
    if isinstance(source, Path):
        with open(source, "rb") as fh:
            head = fh.read(HEAD_BYTES)
    else:
        head = source[:HEAD_BYTES]
    if head.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in head[:1024]):
        return "pdf"  # readers tolerate junk before the header; so do we for .pdf
    if head.startswith(_IMAGE_MAGIC):
        return "image"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(source, name, ".docx" if by_content else suffix)
    if head.startswith(_OLE_MAGIC):
        # Password-protected Office files are OLE containers holding an "EncryptedPackage".
        data = source.read_bytes() if isinstance(source, Path) else source
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedFileError(name, "password-protected Office document")
        raise UnsupportedFileError(
            name, "legacy Word .doc (OLE2) format is not supported; save it as .docx or PDF")
    if by_content:
        if not head.strip():
            raise EmptyDocumentError(name, "empty file")
        if isinstance(source, bytes) and decodes_as_text(source):
            return "txt"
        raise UnsupportedFileError(
            name, "not a PDF, DOCX or text file (judged by the content, not the name)")
    if suffix in TEXT_SUFFIXES:
        return "txt" if suffix == ".txt" else "md"  # the text reader judges emptiness itself
    if not head and suffix in (".pdf", ".docx", *IMAGE_SUFFIXES):
        raise EmptyDocumentError(name, "empty file")
    if suffix == ".pdf":
        raise UnsupportedFileError(
            name, f"not a valid PDF: no %PDF- header (starts with {head[:8]!r})")
    if suffix == ".docx":
        raise UnsupportedFileError(name, "not a valid DOCX: not a zip archive")
    if suffix in IMAGE_SUFFIXES:
        raise UnsupportedFileError(
            name, f"not a valid {suffix[1:].upper()} image: no image signature "
                  f"(starts with {head[:8]!r})")
    raise UnsupportedFileError(
        name, f"unsupported file type {suffix or '(no extension)'!r}; "
              f"supported: {', '.join(SUPPORTED_SUFFIXES)}")


__all__ = ["IMAGE_SUFFIXES", "SUPPORTED_SUFFIXES", "TEXT_SUFFIXES", "FileKind",
           "decodes_as_text", "detect_kind", "utf16_codec_by_nuls"]
