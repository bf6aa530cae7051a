"""Work split in two: half of it done at the same time in a forked child process.

Story building is pure computation over objects already in memory. A forked
child sees them without copying or pickling; the two halves each take a first
look at their part (story building counts the words of its events), swap what
they found, and finish their part knowing both (the words weighed over the
whole corpus). The child sends back a small answer (lists of numbers, as
:mod:`marshal` writes them). On a machine of one core, where fork is not safe
or not there (anything but Linux), or when the child fails or takes too long,
the parent does both halves itself: the answer is the same either way.

The child runs no code but the work: it touches no terminal, file or database
the parent holds, imports nothing (the caller imports what the work needs
first), and leaves with ``os._exit`` (no clean-up handlers, no buffers
flushed). No Textual, no parsing.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import select
import signal
import struct
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

__all__ = ["FORK_TIMEOUT", "Halves", "can_fork", "in_two"]

T = TypeVar("T")

#: Least seconds to wait for the child at each step (longer when the parent's own part
#: of that step took longer: the halves are of about the same size).
FORK_TIMEOUT = 10.0

_LENGTH = struct.Struct("<Q")


@dataclass(frozen=True)
class Halves(Generic[T]):
    """A piece of work in two steps over two halves of its items.

    ``look(items)`` is the first step over some items, ``join(a, b)`` puts the two
    halves' findings together (the same whichever order: both processes call it with
    the parent's first), and ``finish(items, joined)`` is the second step, whose answer
    (what :mod:`marshal` can write: lists, numbers, strings) is returned. Either step
    may keep what it needs for the next in its own process's memory.
    """

    look: Callable[[Sequence[T]], Any]
    join: Callable[[Any, Any], Any]
    finish: Callable[[Sequence[T], Any], list]


def can_fork() -> bool:
    """Whether a forked child can take half the work: Linux, and two cores at least."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except (AttributeError, OSError):
        return (os.cpu_count() or 1) > 1


def in_two(work: Halves[T], first: Sequence[T], second: Sequence[T]) -> list:
    """``finish(first) + finish(second)`` of ``work``, the second half done in a forked
    child where that can help."""
    if not second or not can_fork():
        joined = work.join(work.look(first), work.look(second))
        return work.finish(first, joined) + work.finish(second, joined)
    to_parent, from_child = os.pipe()
    to_child, from_parent = os.pipe()
    with warnings.catch_warnings():  # Python 3.12+ warns of fork in a threaded process
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:
        _child(work, second, from_child, to_child, (to_parent, from_parent))
    os.close(from_child)
    os.close(to_child)
    try:
        return _parent(work, first, second, pid, to_parent, from_parent)
    finally:
        os.close(to_parent)
        os.close(from_parent)


def _child(work: Halves, items: Sequence, writer: int, reader: int, unused: tuple) -> None:
    """The child's side: look, swap, finish, send, and out (never returns)."""
    status = 1
    try:
        # The parent's handlers (a terminal's resize, an interrupt) are not the child's: it
        # touches nothing of theirs, and an interrupt or a hang-up ends it.
        for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGWINCH", "SIGCHLD"):
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), signal.SIG_DFL)
        for fd in unused:
            os.close(fd)
        found = work.look(items)
        _send(writer, found)
        theirs = _receive(reader, FORK_TIMEOUT * 6)
        if theirs is not None:
            _send(writer, work.finish(items, work.join(theirs[0], found)))
            status = 0
    finally:
        os._exit(status)


def _parent(
    work: Halves, first: Sequence, second: Sequence, pid: int, reader: int, writer: int
) -> list:
    started = time.monotonic()
    mine = work.look(first)
    theirs = _receive(reader, max(FORK_TIMEOUT, 3 * (time.monotonic() - started)))
    if theirs is None:  # the child failed or is slow: do its half here
        _stop(pid)
        joined = work.join(mine, work.look(second))
        return work.finish(first, joined) + work.finish(second, joined)
    joined = work.join(mine, theirs[0])
    with contextlib.suppress(OSError):  # the child is gone: told below is None
        _send(writer, mine)
    started = time.monotonic()
    answer = work.finish(first, joined)
    told = _receive(reader, max(FORK_TIMEOUT, 3 * (time.monotonic() - started)))
    _stop(pid)
    if told is None or not isinstance(told[0], list):
        work.look(second)  # what the child kept for its half, kept here
        return answer + work.finish(second, joined)
    return answer + told[0]


def _send(fd: int, value: Any) -> None:
    data = marshal.dumps(value)
    view = memoryview(_LENGTH.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _receive(fd: int, timeout: float) -> tuple[Any] | None:
    """One value from the other side, or None when it failed, closed the pipe or sent
    nothing whole within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    buffer = bytearray()
    need = _LENGTH.size
    length = None
    while True:
        while len(buffer) < need:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                return None
            chunk = os.read(fd, min(need - len(buffer), 1 << 20))
            if not chunk:
                return None
            buffer += chunk
        if length is not None:
            break
        (length,) = _LENGTH.unpack_from(buffer)
        need = _LENGTH.size + length
    try:
        return (marshal.loads(bytes(buffer[_LENGTH.size : need])),)
    except (EOFError, ValueError, TypeError):
        return None


def _stop(pid: int) -> None:
    """Reap the child, stopping it first if it is still at work."""
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == 0:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    except ChildProcessError:
        pass
