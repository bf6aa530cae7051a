"""Time ``find_dates`` per 3 kB of text: mixed news text, and text with no dates.

Run: ``python benchmarks/bench_dates.py``. The mixed text is the bundled seed
articles cut into 3 kB pieces; the date-free text is the same prose with every
digit, month, weekday and time word removed.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.language.dates import find_dates  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
CHUNK = 3000
_DATEY = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
    r"|today|tonight|yesterday|tomorrow|year|month|week|morning|evening|afternoon|night)\w*",
    re.I,
)


def chunks(text: str) -> list[str]:
    """``text`` cut into pieces of about 3 kB."""
    return [text[i : i + CHUNK] for i in range(0, len(text) - CHUNK // 2, CHUNK)]


def per_chunk_ms(pieces: list[str], rounds: int, reference: dt.date | None) -> float:
    """Mean milliseconds of ``find_dates`` per piece over ``rounds`` passes."""
    start = time.perf_counter()
    for _ in range(rounds):
        for piece in pieces:
            find_dates(piece, reference)
    return (time.perf_counter() - start) * 1000 / (rounds * len(pieces))


def main() -> None:
    """Print the mean time per 3 kB for mixed news text and for date-free text."""
    corpus = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    mixed = chunks(corpus * 4)
    plain = chunks(_DATEY.sub("", corpus) * 4)
    reference = dt.date(2013, 6, 25)
    per_chunk_ms(mixed, 2, reference)  # warm up
    mentions = sum(len(find_dates(p, reference)) for p in mixed) / len(mixed)
    print(
        f"mixed news text: {per_chunk_ms(mixed, 50, reference):.3f} ms per 3 kB "
        f"({len(mixed)} pieces, {mentions:.1f} mentions each)"
    )
    print(
        f"text with no dates: {per_chunk_ms(plain, 50, reference):.3f} ms per 3 kB "
        f"({len(plain)} pieces)"
    )


if __name__ == "__main__":
    main()
