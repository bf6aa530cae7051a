"""Article -> Events: sentences, places, event types, event dates, countries, summaries.

This module itself stays light (the index reads :data:`EXTRACTOR_VERSION` without
compiling any rule); :func:`timeline.extraction.extract.extract_events` is the entry point.
"""

#: Bumped whenever extraction rules change on purpose, so that cached events are rebuilt.
#: (The index also fingerprints the code of ``reading/``, ``language/`` and ``extraction/``.)
EXTRACTOR_VERSION = "1.8.0"
