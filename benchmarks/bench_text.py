"""Time the text helpers: find_countries and split_sentences per 3 kB of article text.

Run: ``python benchmarks/bench_text.py [--rounds N]``. The text is the bundled
seed articles cut into 3,000-character pieces at line breaks. Prints the mean
time per piece for ``split_sentences``, for ``find_countries`` over the whole
piece and over each sentence (as the extractor calls it), and what that means
for a 10,000-article corpus on one core.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.extraction.places import find_countries  # noqa: E402
from timeline.extraction.sentences import split_sentences  # noqa: E402

PIECE = 3000


def pieces() -> list[str]:
    """The seed articles cut into pieces of about 3 kB, each ending at a line break."""
    text = "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))
    )
    out: list[str] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start + PIECE)
        end = len(text) if end == -1 else end
        out.append(text[start:end])
        start = end
    return [piece for piece in out if len(piece) >= PIECE // 2]


def per_piece(func: Callable[[str], object], texts: list[str], rounds: int) -> float:
    """Mean seconds per 3 kB of text for ``func`` (best of three runs)."""
    chars = sum(len(t) for t in texts)
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        for _ in range(rounds):
            for text in texts:
                func(text)
        best = min(best, time.perf_counter() - began)
    return best / rounds / chars * PIECE


def countries_per_sentence(text: str) -> None:
    """find_countries on each sentence, as the extractor does."""
    for start, end in split_sentences(text):
        find_countries(text[start:end])


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    texts = pieces()
    print(f"{len(texts)} pieces, {sum(map(len, texts)):,} characters, {args.rounds} rounds")
    rows = [
        ("split_sentences", per_piece(split_sentences, texts, args.rounds)),
        ("find_countries (whole piece)", per_piece(find_countries, texts, args.rounds)),
        (
            "split + find_countries per sentence",
            per_piece(countries_per_sentence, texts, args.rounds),
        ),
    ]
    for name, seconds in rows:
        print(
            f"{name:38} {seconds * 1e6:8.1f} µs per 3 kB"
            f"   {seconds * 10_000:6.2f} s per 10,000 articles"
        )


if __name__ == "__main__":
    main()
