"""The terminal interface: everything that imports Textual lives here.

``app.py`` (the app, and ``run_app`` for the command line), ``loader.py`` and
``messages.py`` (reading the corpus in a thread, posting what it reads),
``keymap.py`` and ``commands.py`` (keys and palette entries), ``render.py``
(Rich text of events, no Textual); ``screens/``, ``widgets/`` and ``dialogs/``
one thing per module; ``state/`` what the screens show, without Textual.
"""
