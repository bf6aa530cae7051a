"""Stories kept in the index: built once, reused while the corpus's events stay the same.

Grouping 100,000 events into stories takes seconds; an unchanged start must
not pay for it. The index keeps the map of event ids to story ids with a
signature of the events it was built for: the same events reuse it as it is,
changed ones rebuild only the blocks (one type, one year) they touch.
"""

from __future__ import annotations

import hashlib
import marshal
import zlib

from timeline.model import Event
from timeline.store.db import IndexFault, Store

__all__ = ["tell_stories"]

_KEY = "stories"


def tell_stories(events: list[Event], store: Store | None) -> None:
    """Set each event's story: from the map the index kept when the events are the same,
    else built again (the changed blocks only) and kept. Raises IndexFault when the map
    cannot be saved (the stories are set all the same)."""
    from timeline.stories import build_stories, story_map

    signature = _signature(events)
    kept = _kept(store)
    if kept is not None and kept[0] == signature:
        mapping = kept[1]
        for event in events:
            event.story = mapping.get(event.id)
        if all(event.story for event in events):
            return
    stories = build_stories(events, kept[1] if kept else None)
    if store is not None:
        store.set_blob(_KEY, zlib.compress(marshal.dumps((signature, story_map(stories))), 1))


def _kept(store: Store | None) -> tuple[str, dict[str, str]] | None:
    """The stories the index kept from the last run: (signature of its events, map)."""
    if store is None:
        return None
    try:
        blob = store.blob(_KEY)
        if blob is None:
            return None
        signature, mapping = marshal.loads(zlib.decompress(blob))
    except (IndexFault, ValueError, EOFError, TypeError, zlib.error):
        return None
    return (signature, mapping) if isinstance(mapping, dict) else None


def _signature(events: list[Event]) -> str:
    """What the stories of a corpus depend on: its events (their ids say file, sentence
    and date)."""
    digest = hashlib.blake2b(digest_size=16)
    for event in events:
        digest.update(event.id.encode("ascii", "replace"))
    return digest.hexdigest()
