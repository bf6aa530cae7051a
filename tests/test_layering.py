"""The package's layers, checked from the source: who may import whom.

Read with :mod:`ast`, nothing imported: Textual only under ``timeline/tui/``
(and never in ``tui/state/``); ``reading/`` never imports ``extraction/``;
``language/`` imports neither wing; no module is over 600 lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "timeline"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module a file imports (absolute names; relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _name(path) if path.name == "__init__.py" else _name(path).rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")
                parent = parent[: len(parent) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _under(path: Path, folder: str) -> bool:
    return path.relative_to(PACKAGE).as_posix().startswith(folder + "/")


def _uses(found: set[str], prefix: str) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for name in found)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_textual_is_imported_only_by_the_browser(path: Path) -> None:
    found = imports(path)
    if not _under(path, "tui") or _under(path, "tui/state"):
        assert not _uses(found, "textual"), f"{path} imports Textual"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_the_wings_import_in_one_direction(path: Path) -> None:
    found = imports(path)
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
    # The checks above pass vacuously if imports() finds nothing: make sure it finds these.
    assert "timeline.language.dates" in imports(PACKAGE / "reading" / "articledate.py")
    assert _uses(imports(PACKAGE / "tui" / "app.py"), "textual")
