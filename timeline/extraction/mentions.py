"""A name found in a text: the record the country and the region finders return."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Self

__all__ = ["Mention"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in a text: its span, the words used and what they stand for."""

    start: int
    end: int
    text: str
    #: The canonical name ("Vietnam" for "Viet Nam", "ASEAN" for "Asean").
    name: str

    def shifted(self, offset: int) -> Self:
        """The same mention with its span moved by ``offset`` characters."""
        return type(self)(self.start + offset, self.end + offset, self.text, self.name)
