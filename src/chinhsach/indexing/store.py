"""The on-disk layout of an index directory: generations, the current pointer, the build lock.

An index directory holds one folder per build (``gen-000007/``: ``store.sqlite``, ``dense.faiss``,
the BM25 folders and the position arrays) and a ``CURRENT`` file naming the live one. A build
writes a new generation beside the live one and switches ``CURRENT`` with an atomic rename, so a
crash at any point leaves the previous index whole, and readers see the old or the new
generation, never a mix. ``build.lock`` (an flock) keeps two builds apart.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from chinhsach.errors import IndexCorruptError, IndexLockedError, IndexNotFoundError, rebuild_hint

# 5: a duty's segments moved from ``duties.segment_id`` to ``duty_segments`` (every part of a
# paragraph cut for length); a format-4 index is refused with the rebuild hint.
FORMAT_VERSION = 5
INDEX_ENV = "CHINHSACH_INDEX"
DEFAULT_INDEX_DIR = ".chinhsach"
_GEN_RE = re.compile(r"^gen-(\d{6})$")

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL, format TEXT NOT NULL,
    title TEXT, type TEXT, number TEXT, number_key TEXT, date TEXT, issuer TEXT, place TEXT,
    signer TEXT, pages INTEGER, json TEXT NOT NULL
);
CREATE TABLE sections (
    doc_id TEXT NOT NULL, id TEXT NOT NULL, heading TEXT NOT NULL, parent TEXT, kind TEXT NOT NULL,
    ord INTEGER NOT NULL, PRIMARY KEY (doc_id, id)
);
CREATE TABLE segments (
    pos INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc_id TEXT NOT NULL, section TEXT,
    section_node TEXT, kind TEXT NOT NULL, text TEXT NOT NULL, raw TEXT NOT NULL,
    heading_path TEXT NOT NULL, topic TEXT, page INTEGER, line INTEGER NOT NULL,
    searchable INTEGER NOT NULL, word_terms TEXT NOT NULL, ocr_confidence REAL
);
CREATE INDEX segments_doc ON segments (doc_id);
CREATE TABLE words (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE targets (
    doc_id TEXT NOT NULL, ord INTEGER NOT NULL, section TEXT, indicator TEXT NOT NULL,
    comparator TEXT, value REAL, value_max REAL, unit TEXT, year INTEGER, direction TEXT,
    text TEXT NOT NULL, segment_id TEXT, PRIMARY KEY (doc_id, ord)
);
CREATE TABLE duties (
    doc_id TEXT NOT NULL, ord INTEGER NOT NULL, section TEXT, text TEXT NOT NULL, deadline TEXT,
    deadline_text TEXT, recurring TEXT, PRIMARY KEY (doc_id, ord)
);
CREATE TABLE duty_segments (
    doc_id TEXT NOT NULL, duty_ord INTEGER NOT NULL, ord INTEGER NOT NULL, segment_id TEXT NOT NULL,
    PRIMARY KEY (doc_id, duty_ord, ord)
);
CREATE INDEX duty_segments_segment ON duty_segments (segment_id);
CREATE TABLE duty_units (
    doc_id TEXT NOT NULL, duty_ord INTEGER NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL,
    explicit INTEGER NOT NULL, mention TEXT
);
CREATE INDEX duty_units_name ON duty_units (name);
CREATE TABLE citations (
    doc_id TEXT NOT NULL, ord INTEGER NOT NULL, number TEXT NOT NULL, number_key TEXT NOT NULL,
    doc_type TEXT, date TEXT, issuer TEXT, alias TEXT, section TEXT, text TEXT NOT NULL,
    PRIMARY KEY (doc_id, ord)
);
CREATE INDEX citations_key ON citations (number_key);
"""
REQUIRED_TABLES = frozenset({"meta", "documents", "sections", "segments", "words", "targets", "duties",
                             "duty_segments", "duty_units", "citations", "restore_uni", "restore_bi"})
# Tables whose rows belong to one document (copied as they are for unchanged files).
DOCUMENT_TABLES = ("documents", "sections", "targets", "duties", "duty_segments", "duty_units", "citations")


def resolve_index_dir(index_dir: str | Path | None) -> Path:
    """``--index`` if given, else ``$CHINHSACH_INDEX``, else ``.chinhsach`` here."""
    if index_dir:
        return Path(index_dir)
    return Path(os.environ.get(INDEX_ENV) or DEFAULT_INDEX_DIR)


def generations(index_dir: Path) -> list[int]:
    if not index_dir.is_dir():
        return []
    gens = []
    for child in index_dir.iterdir():
        m = _GEN_RE.match(child.name)
        if m and child.is_dir():
            gens.append(int(m.group(1)))
    return sorted(gens)


def gen_dir(index_dir: Path, gen: int) -> Path:
    return index_dir / f"gen-{gen:06d}"


def current_generation(index_dir: Path) -> Path:
    """The live generation folder; raises if there is no index or the pointer is broken."""
    pointer = index_dir / "CURRENT"
    if not pointer.exists():
        raise IndexNotFoundError(
            f"no index in {index_dir}: build one with `chinhsach build PATHS --index {index_dir}`"
        )
    name = pointer.read_text(encoding="utf-8").strip()
    path = index_dir / name
    if not _GEN_RE.match(name) or not path.is_dir():
        raise IndexCorruptError(
            f"index {index_dir} points to a missing generation {name!r}; "
            + rebuild_hint(index_dir)
        )
    return path


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(index_dir: Path, staged: Path, gen: int) -> Path:
    """Move a finished staging folder into place and point ``CURRENT`` at it atomically."""
    for root, _dirs, files in os.walk(staged):
        for name in files:
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    final = gen_dir(index_dir, gen)
    os.replace(staged, final)
    tmp = index_dir / "CURRENT.tmp"
    tmp.write_text(final.name + "\n", encoding="utf-8")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, index_dir / "CURRENT")
    fsync_dir(index_dir)
    return final


def prune(index_dir: Path, keep: int = 2) -> None:
    """Remove old generations and abandoned staging folders, keeping the newest ``keep``."""
    live = (index_dir / "CURRENT").read_text(encoding="utf-8").strip()
    gens = generations(index_dir)
    for g in gens[:-keep]:
        if gen_dir(index_dir, g).name != live:
            shutil.rmtree(gen_dir(index_dir, g), ignore_errors=True)
    for child in index_dir.iterdir():
        if child.name.startswith("staging-") and child.is_dir():
            shutil.rmtree(child, ignore_errors=True)


@contextlib.contextmanager
def build_lock(index_dir: Path, wait: bool = False) -> Iterator[None]:
    """Hold the index's build lock; a second build refuses (or waits with ``wait``)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    fh = open(index_dir / "build.lock", "a+")  # noqa: SIM115 - held for the whole build
    try:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as exc:
            raise IndexLockedError(
                f"another build is running on {index_dir} (build.lock is held); "
                "wait for it to finish or use --wait"
            ) from exc
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        fh.close()


def connect_new(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.executescript(SCHEMA)
    return conn


def connect_readonly(path: Path) -> sqlite3.Connection:
    if not path.exists():
        raise IndexCorruptError(f"{path} is missing: {rebuild_hint(path.parent.parent)}")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    try:
        conn.execute("SELECT key, value FROM meta LIMIT 1").fetchall()
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise IndexCorruptError(f"{path} is not a readable index store ({exc}); {rebuild_hint(path.parent.parent)}") from exc
    missing = REQUIRED_TABLES - tables
    if missing:
        conn.close()
        raise IndexCorruptError(
            f"{path} lacks table(s) {', '.join(sorted(missing))}: the index is damaged or of another "
            "version; " + rebuild_hint(path.parent.parent)
        )
    return conn


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())
