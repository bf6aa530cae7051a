"""The terminal interface: everything that imports Textual lives here."""
