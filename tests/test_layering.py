"""The package's layers, checked from the source: who may import whom.

Read with :mod:`ast`, nothing imported: Textual only under ``timeline/tui/``
(and never in ``tui/state/``); ``reading/`` never imports ``extraction/``;
``language/`` imports neither wing; no module is over 600 lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from source_imports import imported

PACKAGE = Path(__file__).resolve().parent.parent / "timeline"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _under(path: Path, folder: str) -> bool:
    return path.relative_to(PACKAGE).as_posix().startswith(folder + "/")


def _uses(found: set[str], prefix: str) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for name in found)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_textual_is_imported_only_by_the_browser(path: Path) -> None:
    found = imported(path)
    if not _under(path, "tui") or _under(path, "tui/state"):
        assert not _uses(found, "textual"), f"{path} imports Textual"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_the_wings_import_in_one_direction(path: Path) -> None:
    found = imported(path)
    if _under(path, "reading"):
        assert not _uses(found, "timeline.extraction"), f"{path} imports extraction/"
    if _under(path, "language"):
        assert not _uses(found, "timeline.extraction") and not _uses(found, "timeline.reading")
    if _under(path, "reading") or _under(path, "language") or _under(path, "extraction"):
        assert not _uses(found, "timeline.tui") and not _uses(found, "timeline.store")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_is_over_600_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 600


def test_the_checks_see_an_import() -> None:
    # The checks above pass vacuously if imported() finds nothing: make sure it finds these.
    assert "timeline.language.dates" in imported(PACKAGE / "reading" / "articledate.py")
    assert _uses(imported(PACKAGE / "tui" / "app.py"), "textual")
