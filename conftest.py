"""Test isolation for the whole suite: no test touches the user's cache or data folders."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Point the index cache and the notes database at fresh temporary folders."""
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("TIMELINE_DATA_DIR", str(tmp_path_factory.mktemp("data")))
