"""File -> Article: walking a folder, decoding, one reader per format, page furniture,
the headline and the article's own date. Never imports :mod:`timeline.extraction`.

The names below are loaded on first use: a run that reads no file (an unchanged
index) does not pay for compiling the header and date patterns.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from timeline.reading.decode import DEFAULT_MAX_BYTES, SkipFile

if TYPE_CHECKING:
    from timeline.reading.files import load_articles, load_file, read_corpus
    from timeline.reading.text import parse_article
    from timeline.reading.walk import iter_files

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SkipFile",
    "iter_files",
    "load_articles",
    "load_file",
    "parse_article",
    "read_corpus",
]

_LAZY = {
    "load_articles": "timeline.reading.files",
    "load_file": "timeline.reading.files",
    "read_corpus": "timeline.reading.files",
    "parse_article": "timeline.reading.text",
    "iter_files": "timeline.reading.walk",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'timeline.reading' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
