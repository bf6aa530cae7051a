"""What a module of ``timeline/`` imports, read from its source with :mod:`ast` (nothing of
it is imported): for the layering tests."""

from __future__ import annotations

import ast
from pathlib import Path

#: The folder holding the ``timeline`` package.
ROOT = Path(__file__).resolve().parent.parent


def module_name(path: Path) -> str:
    """``timeline/tui/state/index.py`` -> ``timeline.tui.state.index`` (a package: its name)."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Every module name a file imports, relative imports resolved, anywhere in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parents = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parents, base] if base else parents)
            found.add(base)
            # ``from timeline.tui.state import prefetch`` imports a module too.
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found
