"""Typed errors of the library.

Every error a user can cause (a bad file, a broken index, a wrong model) is one of these, with a
one-line message that names the file or index and the reason. The CLI prints the message and
exits non-zero; a Python traceback is shown only with ``--debug``.
"""

from __future__ import annotations


class ChinhsachError(Exception):
    """Base class of every error raised on purpose by chinhsach."""

    exit_code = 1


class InputError(ChinhsachError):
    """A source file could not be read into text."""

    exit_code = 3

    def __init__(self, path: str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class UnsupportedFileError(InputError):
    """The file type is not one we read, or the content is not what its extension says."""


class EmptyDocumentError(InputError):
    """The file holds no text at all (empty, whitespace only, zero pages)."""


class NoTextLayerError(InputError):
    """A scan (PDF of images, or an image) whose text could not be read: OCR was turned off
    (``ocr="never"``) or is not available."""


class OcrUnavailableError(NoTextLayerError):
    """A scan needs OCR and Tesseract's Vietnamese model (or the tesserocr binding) is not
    installed here; the message says how to install it. Exit code 5, as for a missing
    embedding model: a local component is missing, nothing is downloaded."""

    exit_code = 5


class EncryptedFileError(InputError):
    """A password-protected or encrypted file."""


class EncodingError(InputError):
    """Text in an encoding or legacy font mapping that could not be converted to Unicode."""


class BadIndexError(ChinhsachError):
    """Base class for problems with an index directory."""

    exit_code = 4


class IndexNotFoundError(BadIndexError):
    """No index exists in the given directory."""


class IndexCorruptError(BadIndexError):
    """The index is damaged, incomplete or of an older format: it must be rebuilt."""


def rebuild_hint(index_dir: object) -> str:
    """The one way to say how to repair an index, appended to every message that needs it."""
    return f"rebuild it with `chinhsach build PATHS --index {index_dir} --rebuild`"


class IndexLockedError(BadIndexError):
    """Another build holds the index's lock."""


class ModelMismatchError(BadIndexError):
    """The index was built with another embedding model than the one asked for."""


class ModelNotFoundError(ChinhsachError):
    """The embedding model is not available locally (nothing is ever downloaded)."""

    exit_code = 5


class EngineError(ChinhsachError):
    """A distributed build engine (Ray) is missing, cannot start, or lost its workers for good;
    the previous index is unchanged."""

    exit_code = 7


class UnknownDocumentError(ChinhsachError):
    """A document id or number that is not in the index."""

    exit_code = 6


class UnknownUnitError(ChinhsachError):
    """A unit name that matches no known unit; ``suggestions`` holds the closest ones."""

    exit_code = 6

    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f"; closest known units: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"unknown unit {name!r}{hint}")


class QueryError(ChinhsachError):
    """A query that cannot be answered (for example, empty after cleaning)."""

    exit_code = 2


class InputTooLargeError(InputError):
    """A file or plan beyond a documented size limit (bytes inside the file, pages, paragraphs,
    targets): refused before the work that would grow with it."""


class CheckCancelledError(ChinhsachError):
    """A plan check stopped before the end: its time limit passed or its client went away."""

    exit_code = 2
