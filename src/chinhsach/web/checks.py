"""Plan checks of the web server: bounded in size, in number, in time, and off the index lock.

A check parses an upload and embeds both plans' paragraphs: seconds of CPU on both cores. Left
alone it would block searches (it held the index lock) and pile up (one request, one thread).
Here:

- **sizes**: the upload's inner sizes are checked before parsing (:data:`UPLOAD_FILE_LIMITS`:
  text bytes, DOCX inflated XML and paragraphs, PDF pages), then the parsed plan against
  :data:`UPLOAD_CHECK_LIMITS` (paragraphs, characters, targets);
- **number**: ``running`` checks at a time (default 1: on 2 cores a second check would only
  halve both and slow searches), ``waiting`` more may queue; beyond, :class:`ChecksBusyError`
  (HTTP 429 with Retry-After);
- **time**: a check past ``timeout_s`` stops at its next block of work (within ~0.5 s) with
  :class:`CheckCancelledError`; so does a check whose client went away (the endpoint polls
  the connection while it waits);
- **lock**: the parent document and the model are taken under the index lock, the check runs
  without it, so searches go on;
- **GIL**: the upload is parsed in a separate worker process (kept between checks, so spaCy
  loads once): parsing is pure Python, and in the server's process it held the GIL against
  searches (p95 of a search went from 0.27 s to 1.5 s on a loaded machine). The comparison
  itself is mostly ONNX and numpy, which release it.
"""

from __future__ import annotations

import asyncio
import copy
import ctypes
import multiprocessing
import os
import signal
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chinhsach import errors as _errors
from chinhsach.answers.check import CheckLimits, CheckReport, check_plan
from chinhsach.errors import CheckCancelledError, ChinhsachError, InputError, InputTooLargeError
from chinhsach.indexing.embed import Embedder
from chinhsach.ingest.readers import FileLimits, check_file_limits
from chinhsach.model import Document
from chinhsach.web.uploads import display_name, sniff, upload_doc_id

# A real plan is 15-50 KB of text, a few hundred KB to 2 MB as DOCX or PDF, 10-40 pages.
# Text: 2 MB (UTF-16 doubles 600 000 characters plus room); DOCX XML 16 MB (formatting-heavy
# Word files run 20-40 bytes of XML per character); 20 000 paragraphs in the XML (empty ones
# included); 150 pages.
UPLOAD_FILE_LIMITS = FileLimits(max_text_bytes=2 * 1024 * 1024, max_xml_bytes=16 * 1024 * 1024,
                                max_zip_bytes=128 * 1024 * 1024, max_paragraphs=20_000,
                                max_pages=150)
# What is compared, after parsing: three times the largest real plan (50 KB); a check at this size
# finishes in well under the time limit (README, "Giới hạn").
UPLOAD_CHECK_LIMITS = CheckLimits(max_chars=150_000, max_paragraphs=600, max_targets=300)


class ChecksBusyError(ChinhsachError):
    """Every check slot is taken (HTTP 429): try again in a moment."""

    exit_code = 2


@dataclass
class _Ticket:
    cancelled: threading.Event
    deadline: float
    timeout_s: float

    def __call__(self) -> None:
        if self.cancelled.is_set():
            raise CheckCancelledError("the plan check was cancelled: the client went away")
        if time.monotonic() > self.deadline:
            raise CheckCancelledError(f"the plan check took longer than {self.timeout_s:g} s "
                                      "and was stopped")


def parse_upload(data: bytes, filename: str | None, file_limits: FileLimits) -> Document:
    """Type by content, sizes inside the file, then parse in a private temporary folder."""
    from chinhsach.pipeline import parse  # spaCy: loaded by the parse worker, not the server

    kind = sniff(data, filename)
    label = display_name(filename)
    with tempfile.TemporaryDirectory(prefix="chinhsach-upload-") as tmp:
        path = Path(tmp) / f"upload.{kind}"  # our name, never the browser's
        path.write_bytes(data)
        try:
            check_file_limits(path, label, kind, file_limits)
            return parse(path, doc_id=upload_doc_id(filename))
        except InputError as exc:
            # The message would name the temporary file; name the upload instead.
            raise type(exc)(label, exc.reason) from None


def precheck_upload(data: bytes, filename: str | None, file_limits: FileLimits) -> None:
    """Type and sizes inside the file, in the server's process, before the upload is copied to
    the parse worker: a refusal costs milliseconds, not a 20 MB round trip."""
    kind = sniff(data, filename)
    label = display_name(filename)
    if kind == "txt" and len(data) > file_limits.max_text_bytes:
        raise InputTooLargeError(label, f"text file of {len(data)} bytes, more than the limit "
                                        f"of {file_limits.max_text_bytes}")
    if kind in ("docx", "pdf"):
        with tempfile.TemporaryDirectory(prefix="chinhsach-upload-") as tmp:
            path = Path(tmp) / f"upload.{kind}"
            path.write_bytes(data)
            try:
                check_file_limits(path, label, kind, file_limits)
            except InputError as exc:
                raise type(exc)(label, exc.reason) from None


def _parse_in_worker(data: bytes, filename: str | None,
                     file_limits: FileLimits) -> tuple[str, Any, Any]:
    """The worker process's side: the document, or the error as plain values (typed errors
    with two-argument constructors do not survive pickling)."""
    try:
        return "ok", parse_upload(data, filename, file_limits), None
    except InputError as exc:
        return "input", type(exc).__name__, (exc.path, exc.reason)
    except ChinhsachError as exc:
        return "error", type(exc).__name__, str(exc)


# Checks run at a lower CPU priority than searches: on 2 cores a check's e5 thread otherwise
# takes a whole core from the searches (nice 10 gets ~10% of a core against nice 0 when both want it).
CHECK_NICE = 10


def lower_priority() -> None:
    """Lower the priority of the calling thread (Linux: a thread id is a PRIO_PROCESS target)
    or, elsewhere, of nothing. The threads and the process that call it do only checks."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), CHECK_NICE)
    except (AttributeError, OSError):  # not Linux, or not allowed: same priority as searches
        pass


def _parse_worker_init() -> None:
    """The parse worker: lower priority, and on Linux end with the server (PR_SET_PDEATHSIG),
    so a server that is killed leaves no orphan worker behind."""
    lower_priority()
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux / glibc: the pool's own shutdown only
        pass


def single_worker(embedder: Embedder) -> Embedder:
    """The same model and session, encoding one passage at a time: a check keeps one core
    and leaves the other to searches (measured p95 of a search during a check, tests/
    test_load.py)."""
    if getattr(embedder, "workers", 1) == 1:
        return embedder
    one = copy.copy(embedder)
    one.workers = 1  # type: ignore[attr-defined]
    return one


class CheckRunner:
    """Admission, time limit and cancellation of plan checks (see the module docstring)."""

    def __init__(self, *, running: int = 1, waiting: int = 1, timeout_s: float = 120.0,
                 file_limits: FileLimits = UPLOAD_FILE_LIMITS,
                 check_limits: CheckLimits = UPLOAD_CHECK_LIMITS,
                 parse_in_process: bool = True) -> None:
        if running < 1 or waiting < 0 or timeout_s <= 0:
            raise ValueError("running >= 1, waiting >= 0 and timeout_s > 0 are required")
        self.running = running
        self.waiting = waiting
        self.timeout_s = timeout_s
        self.file_limits = file_limits
        self.check_limits = check_limits
        self.parse_in_process = parse_in_process
        self._pool: Any = None
        # Threads that only ever run checks, at a lower priority (lower_priority).
        self._threads = ThreadPoolExecutor(max_workers=running + waiting or 1,
                                           thread_name_prefix="chinhsach-check",
                                           initializer=lower_priority)
        self._slots = threading.Semaphore(running)
        self._admitted = 0
        self._lock = threading.Lock()

    @property
    def admitted(self) -> int:
        with self._lock:
            return self._admitted

    def _admit(self) -> None:
        with self._lock:
            if self._admitted >= self.running + self.waiting:
                raise ChecksBusyError(f"{self._admitted} plan checks are running or waiting "
                                      "(the limit); try again in a minute")
            self._admitted += 1

    def _release(self) -> None:
        with self._lock:
            self._admitted -= 1

    def parse_upload(self, data: bytes, filename: str | None) -> Document:
        """Parse the upload, in the worker process unless ``parse_in_process`` is off."""
        if not self.parse_in_process:
            return parse_upload(data, filename, self.file_limits)
        precheck_upload(data, filename, self.file_limits)
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=self.running, mp_context=multiprocessing.get_context("spawn"),
                    initializer=_parse_worker_init)
            pool = self._pool
        try:
            status, value, extra = pool.submit(_parse_in_worker, data, filename,
                                               self.file_limits).result()
        except BrokenProcessPool:
            with self._lock:  # the worker died (killed, out of memory): a fresh one next time
                self._pool = None
            raise
        if status == "ok":
            return value
        cls = getattr(_errors, value, None)
        if status == "input" and isinstance(cls, type) and issubclass(cls, InputError):
            raise cls(*extra)
        raise ChinhsachError(str(extra))

    def close(self) -> None:
        """Stop the parse worker process (the app's shutdown)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        self._threads.shutdown(wait=False, cancel_futures=True)

    def _work(self, ticket: _Ticket, data: bytes, filename: str | None, parent: Document,
              embedder: Embedder) -> CheckReport:
        with self._slots:  # waits here while another check runs
            ticket()
            ticket.deadline = time.monotonic() + self.timeout_s  # the clock starts with the work
            child = self.parse_upload(data, filename)
            ticket()
            return check_plan(child, parent, embedder=single_worker(embedder),
                              limits=self.check_limits, cancel=ticket)

    async def run(self, data: bytes, filename: str | None, parent: Document, embedder: Embedder,
                  disconnected: Callable[[], Awaitable[bool]] | None = None) -> CheckReport:
        """Run one check in a worker thread; refuse at once when the slots are full."""
        self._admit()
        ticket = _Ticket(threading.Event(), time.monotonic() + 24 * 3600, self.timeout_s)
        try:
            loop = asyncio.get_running_loop()
            future: asyncio.Future[Any] = loop.run_in_executor(
                self._threads, self._work, ticket, data, filename, parent, embedder)
            while True:
                done, _ = await asyncio.wait({future}, timeout=0.25)
                if done:
                    return future.result()
                if disconnected is not None and await disconnected():
                    ticket.cancelled.set()
        except asyncio.CancelledError:
            ticket.cancelled.set()
            raise
        finally:
            # The slot is released when the thread has stopped, not when we stop waiting: a
            # cancelled check still holds the CPU until its next block.
            if "future" in locals() and not future.done():
                future.add_done_callback(lambda _f: self._release())
            else:
                self._release()


__all__ = ["UPLOAD_CHECK_LIMITS", "UPLOAD_FILE_LIMITS", "CheckRunner", "ChecksBusyError",
           "single_worker"]
