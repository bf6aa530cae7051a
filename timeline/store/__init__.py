"""The persistent index: SQLite cache of extracted corpora, incremental updates, search.

Public entry points:

- :func:`open_corpus` (folder -> :class:`IndexedCorpus`, a Corpus that can
  ``search``), with :class:`IndexReport` saying what it did;
- :func:`clear_index` and :func:`index_path` for ``timeline index --clear``;
- :class:`ProgressBar`, the stderr progress bar for ``progress=``.

The index of a folder lives in ``<cache>/index/<name>-<hash>.sqlite3``, where
``<cache>`` is ``$TIMELINE_CACHE_DIR`` or the user cache directory
(``~/.cache/timeline`` on Linux).
"""

from timeline.store.codec import LazyArticle
from timeline.store.indexer import (
    IndexCancelled,
    IndexedCorpus,
    IndexReport,
    clear_index,
    open_corpus,
)
from timeline.store.paths import CACHE_ENV, cache_root, index_path
from timeline.store.progress import ProgressBar
from timeline.store.search import SearchHits

__all__ = [
    "CACHE_ENV",
    "IndexCancelled",
    "IndexReport",
    "IndexedCorpus",
    "LazyArticle",
    "ProgressBar",
    "SearchHits",
    "cache_root",
    "clear_index",
    "index_path",
    "open_corpus",
]
