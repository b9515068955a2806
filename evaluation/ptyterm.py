"""A pseudo-terminal for a child process's stderr, so that rich draws its live progress bars.

Shared by ``evaluation/fault_injection.py`` and ``tests/test_robustness.py``, which both watch a
running ``chinhsach build`` to interrupt it at a known phase.
"""

from __future__ import annotations

import os
import re
import threading

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\r")


class Terminal:
    """A pseudo-terminal for the child's stderr, so that rich draws its live progress bars."""

    def __init__(self) -> None:
        import pty

        self.master, self.slave = pty.openpty()
        self.chunks: list[bytes] = []
        self.reader = threading.Thread(target=self._drain, daemon=True)

    def start(self) -> None:
        os.close(self.slave)
        self.reader.start()

    def _drain(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            self.chunks.append(data)

    def text(self) -> str:
        return ANSI.sub("", b"".join(self.chunks).decode("utf-8", "replace"))

    def close(self) -> None:
        self.reader.join(10)
        os.close(self.master)
