"""A small progress bar for the command line, drawn on stderr (no Textual here)."""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO


class ProgressBar:
    """Callable ``progress(done, total)`` that draws one updating line on stderr.

    Draws only when the stream is a terminal, waits ``delay`` seconds before
    the first draw (so quick updates never flicker) and redraws at most every
    ``interval`` seconds. Call :meth:`close` (or use it as a context manager)
    to erase the line.
    """

    def __init__(
        self,
        label: str = "indexing",
        stream: TextIO | None = None,
        *,
        delay: float = 0.3,
        interval: float = 0.1,
        force: bool = False,
    ) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self.interval = interval
        self.enabled = force or _isatty(self.stream)
        self._started = time.monotonic()
        self._last = 0.0
        self._drawn = False
        encoding = (getattr(self.stream, "encoding", None) or "ascii").lower()
        self._fill, self._empty = ("█", "░") if "utf" in encoding else ("#", "-")

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        now = time.monotonic()
        if now - self._started < self.delay and done < total:
            return
        if now - self._last < self.interval and done < total:
            return
        self._last = now
        self._write("\r" + self.render(done, total, now - self._started) + "\x1b[K")
        self._drawn = True

    def render(self, done: int, total: int, elapsed: float, width: int | None = None) -> str:
        """One line: label, bar, counts, percentage and elapsed time, fitted to the width."""
        width = width or shutil.get_terminal_size((80, 24)).columns
        done = max(0, min(done, total))
        fraction = done / total if total else 1.0
        minutes, seconds = divmod(int(elapsed), 60)
        tail = f" {done}/{total} files {fraction:4.0%} {minutes}:{seconds:02d}"
        room = max(0, width - len(self.label) - len(tail) - 4)
        bar_width = min(40, room)
        filled = round(bar_width * fraction)
        bar = f" [{self._fill * filled}{self._empty * (bar_width - filled)}]" if bar_width else ""
        return (self.label + bar + tail)[: max(1, width - 1)]

    def close(self) -> None:
        """Erase the bar if it was drawn."""
        if self._drawn:
            self._write("\r\x1b[K")
            self._drawn = False

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            self.enabled = False


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
