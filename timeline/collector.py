"""Pausing the cyclic garbage collector while many objects without cycles are made.

Loading 100,000 events, or grouping them into stories, otherwise sets off
full collections over a growing heap, each walking every event of the
corpus (about 40% of the start-up time, once).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Keep the cyclic garbage collector off inside the block (on again after, if it was)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
