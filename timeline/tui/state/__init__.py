"""The browser's state, apart from Textual: the event index, browsing, search, stars and notes.

Nothing in this package imports Textual (``tests/test_tui_layering.py`` checks
it), so all of it can be tested without an app.
"""
