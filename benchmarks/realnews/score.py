"""Score the extractor on real news excerpts: the gold of ``gold.json`` against restored texts.

The texts are third-party and never in git. Restore them yourself: for each
article of ``gold.json``, run its look-up (``lookup.corpus``, ``lookup.query``)
with the search tool, find the result with its ``url`` and save the excerpt
verbatim as ``texts/<split>/<file>`` (UTF-8). This script restores nothing;
it scores the folder ``texts/<split>`` (or ``--texts DIR``) with the matching
rules of the seeds' gold and prints the misses, the extras and one line of
figures per split. Articles whose text is missing are left out and counted.

Run from the project root: ``.venv/bin/python benchmarks/realnews/score.py
--split dev`` (``unseen``, ``fresh``, or ``all`` for each, one after the other).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "score_events.py"


def score_split(gold: dict, split: str, texts: Path) -> int:
    """Score one split; 0 when it ran, 1 when there was nothing to score."""
    articles = [a for a in gold["articles"] if a["split"] == split]
    present = {a["file"] for a in articles if (texts / a["file"]).is_file()}
    missing = len(articles) - len(present)
    events = [e for e in gold["events"] if e["article"] in present]
    print(f"== {split}: {len(present)} of {len(articles)} articles restored in {texts}", end="")
    print(f" ({missing} missing)" if missing else "")
    if not present:
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "gold.json"
        subset.write_text(json.dumps({**gold, "events": events}), encoding="utf-8")
        command = [sys.executable, str(SCORER), str(subset), str(texts), "--python", sys.executable]
        subprocess.run(command, cwd=ROOT, check=False)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split", default="dev", help="dev, unseen, fresh (or any split gold.json names), all"
    )
    parser.add_argument("--texts", type=Path, help="folder of restored texts (one split)")
    args = parser.parse_args()
    if not SCORER.is_file():
        print(f"the scorer {SCORER} is not there (../shared/tools/score_events.py)")
        return 2
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    named = list(dict.fromkeys(a["split"] for a in gold["articles"]))
    if args.split != "all" and args.split not in named:
        print(f"no split {args.split!r} in gold.json (it has {', '.join(named)})")
        return 2
    splits = named if args.split == "all" else [args.split]
    status = 0
    for split in splits:
        status |= score_split(gold, split, args.texts or HERE / "texts" / split)
    return status


if __name__ == "__main__":
    sys.exit(main())
