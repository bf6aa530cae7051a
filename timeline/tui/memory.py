"""Keeping the garbage collector off the corpus.

The events, articles and lookup tables live as long as the browser, and a
full collection walks every object there is: a quarter of a second at
100,000 events, falling in the middle of some key press.
"""

from __future__ import annotations

import gc

__all__ = ["keep_out_of_collector"]


def keep_out_of_collector() -> None:
    """Put everything alive now, the corpus above all, out of the garbage collector's walk.

    Frozen objects are still freed by reference counting; the collector is
    left with the short-lived objects of drawing. Called once the index's
    tables are built and after each batch.
    """
    gc.freeze()
