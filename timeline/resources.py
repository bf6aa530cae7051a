"""Where the bundled seed articles live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_seeds_dir() -> Path:
    """The folder of the bundled seed articles.

    A built wheel carries them inside the package (``timeline/_seeds``); a
    source checkout or an editable install reads the repository's ``seeds/``.
    """
    inside = _PACKAGE_DIR / "_seeds"
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / "seeds"
