"""``timeline/tui/state/`` never imports Textual, directly or through another module.

Read with :mod:`ast`, nothing of the browser imported here: every module
under ``tui/state/`` is followed through each ``timeline`` module it imports
(at any depth, with the packages that importing it runs), and none of them
may import ``textual``. A last check imports the state in a fresh interpreter
and looks at ``sys.modules``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from source_imports import ROOT, imported, module_name

PACKAGE = ROOT / "timeline"
STATE = sorted((PACKAGE / "tui" / "state").rglob("*.py"))


def module_path(name: str) -> Path | None:
    """The file of a ``timeline`` module, or None when there is no such module."""
    base = ROOT.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _with_packages(name: str) -> list[str]:
    """``a.b.c`` and the packages importing it runs first: ``a``, ``a.b``."""
    parts = name.split(".")
    return [".".join(parts[: n + 1]) for n in range(len(parts))]


def textual_chain(start: Path) -> list[str] | None:
    """The import chain from ``start`` to a module that imports Textual, or None."""
    first = module_name(start)
    queue: list[tuple[str, list[str]]] = [
        (name, [first] if name == first else [first, name]) for name in _with_packages(first)
    ]
    seen: set[str] = set()
    while queue:
        name, chain = queue.pop(0)
        if name in seen:
            continue
        seen.add(name)
        path = module_path(name)
        if path is None:
            continue
        for other in sorted(imported(path)):
            if other == "textual" or other.startswith("textual."):
                return [*chain, other]
            if other == "timeline" or other.startswith("timeline."):
                for step in _with_packages(other):
                    if step not in seen and module_path(step) is not None:
                        queue.append((step, [*chain, step]))
    return None


def test_the_state_package_has_modules():
    names = {module_name(path) for path in STATE}
    assert {"timeline.tui.state.index", "timeline.tui.state.annotations"} <= names
    assert len(names) >= 8


@pytest.mark.parametrize("path", STATE, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_state_modules_never_reach_textual(path: Path) -> None:
    chain = textual_chain(path)
    assert chain is None, "imports Textual: " + " -> ".join(chain or [])


def test_the_walk_finds_textual_where_it_is():
    # The check above passes vacuously if the walk sees nothing: it must see these.
    assert textual_chain(PACKAGE / "tui" / "app.py") is not None
    via = textual_chain(PACKAGE / "tui" / "loader.py")
    assert via is not None and "timeline.tui.messages" in via
    assert "timeline.filters" in imported(PACKAGE / "tui" / "state" / "browse.py")


def test_importing_the_state_loads_no_textual():
    modules = ", ".join(module_name(path) for path in STATE if path.name != "__init__.py")
    code = (
        f"import sys; import {modules}; "
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')); "
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
