"""What both wings read text with: the shared vocabulary, clauses and the date grammar.

``reading/`` (file -> Article) finds an article's own date with the same
grammar that ``extraction/`` (Article -> Events) dates events with, so the
grammar sits beneath both: this package imports neither.
"""
