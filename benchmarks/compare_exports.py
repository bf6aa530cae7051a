"""Do two source trees export the same events? Compares ``timeline export --format json``.

For each corpus -- the bundled seeds, every folder of test articles under
``tests/`` that has a ``gold.json`` (``realistic``, ``heldout`` ...
``heldout5`` and later sets) and a synthetic folder of news-like articles (the
generator of ``bench_index.py``, 2,000 articles unless ``--synthetic N``) --
it runs the JSON export of the base tree and of this tree (``--no-cache``, in
fresh processes) and prints, per corpus, how many articles and events each
gave and every difference: events only one side has (by id) and fields that
changed on events both have.

Run: ``.venv/bin/python benchmarks/compare_exports.py --base REV`` (a git
revision, checked out into a temporary work tree), or ``--base-tree DIR`` for
a tree already on disk. Exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_index import build_corpus  # noqa: E402


def corpora(synthetic: Path, count: int) -> list[tuple[str, Path]]:
    """The folders to compare: seeds, gold-annotated test sets, a synthetic folder."""
    found = [("seeds", ROOT / "seeds")]
    for gold in sorted((ROOT / "tests").glob("*/gold.json")):
        found.append((gold.parent.name, gold.parent))
    build_corpus(synthetic, count)
    found.append((f"synthetic-{count}", synthetic))
    return found


def export(tree: Path, folder: Path, cache: Path) -> dict:
    """The JSON export of ``folder`` made by the code in ``tree``."""
    env = dict(os.environ, PYTHONPATH=str(tree), TIMELINE_CACHE_DIR=str(cache))
    env["TIMELINE_DATA_DIR"] = str(cache / "data")
    out = subprocess.run(
        [sys.executable, "-m", "timeline", "export", "--no-cache", "--corpus", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tree,
        timeout=1800,
    )
    if out.returncode != 0:
        raise SystemExit(f"export failed in {tree} for {folder}: {out.stderr.strip()[-400:]}")
    return json.loads(out.stdout)


def _keyed(events: list[dict]) -> dict[tuple, dict]:
    """Events by (article, sentence start, date, type, occurrence): ids may change form."""
    seen: dict[tuple, int] = {}
    out = {}
    for e in events:
        base = (e["article"], e["start"], e["date"], e["type"])
        seen[base] = seen.get(base, 0) + 1
        out[(*base, seen[base])] = e
    return out


def differences(base: dict, new: dict, limit: int, ignore: frozenset[str]) -> list[str]:
    """Human lines for what differs between two exports (fields in ``ignore`` aside)."""
    lines: list[str] = []
    base_articles = {a["file"]: a for a in base["articles"]}
    new_articles = {a["file"]: a for a in new["articles"]}
    for name in sorted(base_articles.keys() | new_articles.keys()):
        a, b = base_articles.get(name) or {}, new_articles.get(name) or {}
        for key in sorted((a.keys() | b.keys()) - ignore):
            if a.get(key) != b.get(key):
                lines.append(f"  article {name} {key}: {a.get(key)!r} -> {b.get(key)!r}")
    base_events, new_events = _keyed(base["events"]), _keyed(new["events"])
    for key in base_events.keys() - new_events.keys():
        e = base_events[key]
        lines.append(f"  - {e['article']} {e['date']} {e['type']}: {e['sentence'][:90]!r}")
    for key in new_events.keys() - base_events.keys():
        e = new_events[key]
        lines.append(f"  + {e['article']} {e['date']} {e['type']}: {e['sentence'][:90]!r}")
    for key in base_events.keys() & new_events.keys():
        a, b = base_events[key], new_events[key]
        for field in sorted((a.keys() | b.keys()) - ignore):
            if a.get(field) != b.get(field):
                lines.append(
                    f"  ~ {a['article']} {a['date']} {field}: {a.get(field)!r} -> {b.get(field)!r}"
                )
    if len(lines) > limit:
        lines = lines[:limit] + [f"  … {len(lines) - limit} more"]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="git revision to compare with")
    parser.add_argument("--base-tree", type=Path, help="a source tree to compare with")
    parser.add_argument("--synthetic", type=int, default=2000, help="synthetic articles")
    parser.add_argument("--limit", type=int, default=40, help="differences printed per corpus")
    parser.add_argument(
        "--ignore",
        default="",
        help="comma-separated fields left out of the comparison (new fields, a new id form)",
    )
    args = parser.parse_args()
    if not args.base and not args.base_tree:
        parser.error("give --base REV or --base-tree DIR")
    with tempfile.TemporaryDirectory(prefix="timeline-compare-") as tmp:
        work = Path(tmp)
        if args.base_tree:
            base_tree = args.base_tree.resolve()
        else:
            base_tree = work / "base"
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(base_tree), args.base],
                check=True,
                capture_output=True,
            )
        try:
            differing = 0
            for label, folder in corpora(work / "synthetic", args.synthetic):
                base = export(base_tree, folder, work / "cache-base")
                new = export(ROOT, folder, work / "cache-new")
                lines = differences(
                    base, new, args.limit, frozenset(filter(None, args.ignore.split(",")))
                )
                counts = (
                    f"{len(base['articles'])} articles, {len(base['events'])} events -> "
                    f"{len(new['articles'])} articles, {len(new['events'])} events"
                )
                print(f"{label}: {counts}: {'same' if not lines else 'DIFFERENT'}")
                for line in lines:
                    print(line)
                differing += bool(lines)
        finally:
            if not args.base_tree:
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base_tree)],
                    capture_output=True,
                )
    print(f"{differing} corpora differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
