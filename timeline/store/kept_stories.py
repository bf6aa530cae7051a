"""Stories kept in the index: built once, reused while the corpus's events stay the same.

Grouping 100,000 events into stories takes seconds; an unchanged start must
not pay for it. The index keeps, with a signature of the events they were
built for (their ids, in order), the story id of each event in the same order,
and apart from it the ids of every event. The same events take their stories
from the list as it is, without a look-up or a new string for each; changed
ones rebuild only the blocks (one type, one year) they touch.
"""

from __future__ import annotations

import hashlib
import marshal
import zlib
from collections import deque
from itertools import repeat

from timeline.model import Event
from timeline.store.db import IndexFault, Store

__all__ = ["tell_stories"]

#: ("stories-2", signature, [story id of each event, in the events' order]).
_KEY = "stories"
_FORMAT = "stories-2"
#: Every event id the stories were built for, joined by newlines (read only on a change).
_EVENTS_KEY = "story-events"


def tell_stories(events: list[Event], store: Store | None) -> None:
    """Set each event's story: from the list the index kept when the events are the same,
    else built again (the changed blocks only) and kept. Raises IndexFault when the list
    cannot be saved (the stories are set all the same)."""
    ids = "\n".join([event.id for event in events])
    signature = hashlib.blake2b(ids.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    kept = _load(store, _KEY)
    if _valid(kept) and kept[1] == signature and len(kept[2]) == len(events):
        deque(
            map(setattr, events, repeat("story"), kept[2]), maxlen=0
        )  # in C: this runs on every start
        return
    from timeline.stories import build_stories

    build_stories(events, _previous(store, kept))
    if store is None:
        return
    told = [event.story for event in events]
    store.set_blob(_KEY, zlib.compress(marshal.dumps((_FORMAT, signature, told)), 1))
    store.set_blob(_EVENTS_KEY, zlib.compress(ids.encode("utf-8", "surrogatepass"), 1))


def _valid(kept: object) -> bool:
    return (
        isinstance(kept, tuple)
        and len(kept) == 3
        and kept[0] == _FORMAT
        and isinstance(kept[2], list)
    )


def _previous(store: Store | None, kept: object) -> dict[str, str] | None:
    """Event id -> story id of the last run, for every event it had; None without one."""
    if not _valid(kept):
        return None
    try:
        blob = store.blob(_EVENTS_KEY) if store is not None else None
        ids = zlib.decompress(blob).decode("utf-8", "surrogatepass") if blob else ""
    except (IndexFault, zlib.error, UnicodeDecodeError):
        return None
    if not ids:
        return None
    told = kept[2]  # type: ignore[index]
    found = ids.split("\n")
    if len(found) != len(told):
        return None
    return dict(zip(found, told, strict=True))


def _load(store: Store | None, key: str) -> object:
    """What the index kept under ``key`` (marshal data), or None."""
    if store is None:
        return None
    try:
        blob = store.blob(key)
        return None if blob is None else marshal.loads(zlib.decompress(blob))
    except (IndexFault, ValueError, EOFError, TypeError, zlib.error):
        return None
