"""Stories kept in the index: built once, reused while the corpus's events stay the same.

Grouping 100,000 events into stories takes seconds; an unchanged start must
not pay for it. The index keeps, with a signature of the events they were
built for, the story of each event that shares its story with others (a story
of one event has its event's id: :func:`timeline.stories.own_story`), and
apart from it the ids of every event. The same events reuse the map as it is;
changed ones rebuild only the blocks (one type, one year) they touch.
"""

from __future__ import annotations

import hashlib
import marshal
import zlib

from timeline.model import Event
from timeline.store.db import IndexFault, Store

__all__ = ["tell_stories"]

#: (signature, {event id: story id} for stories of several events).
_KEY = "stories"
#: Every event id the stories were built for, joined by newlines (read only on a change).
_EVENTS_KEY = "story-events"


def tell_stories(events: list[Event], store: Store | None) -> None:
    """Set each event's story: from the map the index kept when the events are the same,
    else built again (the changed blocks only) and kept. Raises IndexFault when the map
    cannot be saved (the stories are set all the same)."""
    from timeline.stories import build_stories, own_story

    ids = "\n".join(event.id for event in events)
    signature = hashlib.blake2b(ids.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    kept = _load(store, _KEY)
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == signature:
        get = kept[1].get
        for event in events:
            event_id = event.id
            # own_story(event_id), inlined: this loop runs on every start
            event.story = get(event_id) or "s" + event_id.removeprefix("e")
        return
    previous = _previous(store, kept, own_story)
    stories = build_stories(events, previous)
    if store is None:
        return
    shared = {e.id: story.id for story in stories if len(story.events) > 1 for e in story.events}
    store.set_blob(_KEY, zlib.compress(marshal.dumps((signature, shared)), 1))
    store.set_blob(_EVENTS_KEY, zlib.compress(ids.encode("utf-8", "surrogatepass"), 1))


def _previous(store: Store | None, kept: object, own_story) -> dict[str, str] | None:
    """Event id -> story id of the last run, for every event it had; None without one."""
    if not (isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[1], dict)):
        return None
    try:
        blob = store.blob(_EVENTS_KEY) if store is not None else None
        ids = zlib.decompress(blob).decode("utf-8", "surrogatepass") if blob else ""
    except (IndexFault, zlib.error, UnicodeDecodeError):
        return None
    if not ids:
        return None
    shared = kept[1]
    return {event_id: shared.get(event_id) or own_story(event_id) for event_id in ids.split("\n")}


def _load(store: Store | None, key: str) -> object:
    """What the index kept under ``key`` (marshal data), or None."""
    if store is None:
        return None
    try:
        blob = store.blob(key)
        return None if blob is None else marshal.loads(zlib.decompress(blob))
    except (IndexFault, ValueError, EOFError, TypeError, zlib.error):
        return None
