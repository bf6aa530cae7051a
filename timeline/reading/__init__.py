"""File -> Article: walking a folder, decoding, one reader per format, page furniture,
the headline and the article's own date. Never imports :mod:`timeline.extraction`."""

from timeline.reading.decode import DEFAULT_MAX_BYTES, SkipFile
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
