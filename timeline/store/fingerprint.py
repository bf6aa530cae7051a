"""What the stored events depend on: the extractor's version and the code that extracts.

An index written by other extraction code is emptied and rebuilt; an edit
anywhere else (the browser, the exports, the command line) keeps it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from timeline.store.codec import fingerprint as codec_fingerprint

__all__ = ["EXTRACTION_SOURCES", "extractor_version", "index_fingerprint", "source_digest"]


#: What decides the events of a file: every file (code and data) under these folders of the
#: package, and these modules beside them.
EXTRACTION_SOURCES: tuple[str, ...] = (
    "reading",
    "language",
    "extraction",
    "model.py",
    "pipeline.py",
)


def extractor_version() -> str:
    """:data:`timeline.extraction.EXTRACTOR_VERSION` (a light import: no rule is compiled)."""
    from timeline.extraction import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def source_digest() -> str:
    """A hash of the code and data that decide what is extracted (:data:`EXTRACTION_SOURCES`).

    ``EXTRACTOR_VERSION`` is the documented switch; this catches an edit to
    the rules that forgot to bump it, so the index never serves stale events,
    and an edit anywhere else (the browser, the exports) keeps the index.
    """
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.blake2b(digest_size=8)
    paths: list[Path] = []
    for name in EXTRACTION_SOURCES:
        source = package / name
        if source.is_dir():
            paths += [p for p in source.rglob("*") if p.is_file() and p.suffix in (".py", ".json")]
        else:
            paths.append(source)
    for path in sorted(paths):
        rel = path.relative_to(package).as_posix().encode()
        try:
            digest.update(rel + b"\0" + path.read_bytes())
        except OSError:
            digest.update(rel + b"\0?")
    return digest.hexdigest()


def index_fingerprint() -> str:
    """The label an index's data is stored under: extractor, extraction code, blob layout."""
    return f"extractor:{extractor_version()}|{source_digest()}|{codec_fingerprint()}"
