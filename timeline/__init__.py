"""timeline: a terminal timeline browser for news corpora."""

__version__ = "0.1.0"
