"""Time ``find_dates``: seconds per MB on normal news and on pathological texts, and the
speed ratio to ``dateparser.search_dates`` measured in the same run.

Run: ``.venv/bin/python benchmarks/bench_dates.py`` (``--quick`` for smaller
pathological texts). Normal news is the bundled seed articles cut into 3 kB
pieces (as an article is read), and the same prose with every digit, month,
weekday and time word removed. The pathological texts are what a hostile or
broken file may hold, each read as one text: ``'May ' * 200000`` (a month word
that is nearly always the modal), 150,000 years in one paragraph, a
``Posted on May May ...`` header, ``May 3 and May 3 ...`` (one endless range),
and a 4.9 MB paragraph of dense news (the seeds without their line breaks).
Their seconds per MB staying near the others' is what "linear in the text,
whatever the text" means in practice (``tests/test_dates.py`` checks the work
done, which does not depend on the machine).

``dateparser`` (``pip install dateparser``, not a dependency of timeline) is
timed on the same 3 kB pieces, told the language (``languages=["en"]``) and
the same reference date; without it the script says so and prints no ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.language.dates import find_dates  # noqa: E402
from timeline.reading import parse_article  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
CHUNK = 3000
REFERENCE = dt.date(2013, 6, 25)
_DATEY = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
    r"|today|tonight|yesterday|tomorrow|year|month|week|morning|evening|afternoon|night)\w*",
    re.I,
)


def chunks(text: str) -> list[str]:
    """``text`` cut into pieces of about 3 kB."""
    return [text[i : i + CHUNK] for i in range(0, len(text) - CHUNK // 2, CHUNK)]


def megabytes(texts: list[str]) -> float:
    """The size of ``texts`` in MB of UTF-8."""
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def seconds_per_mb(texts: list[str], rounds: int = 1) -> float:
    """Seconds ``find_dates`` takes per MB of ``texts`` (best of ``rounds`` passes)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            find_dates(text, REFERENCE)
        best = min(best, time.perf_counter() - start)
    return best / megabytes(texts)


def pathological(scale: float) -> list[tuple[str, str]]:
    """The hostile texts, by name (``scale`` 1 is the full size)."""
    seeds = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    dense = re.sub(r"\s+", " ", seeds)
    n = max(1, int(200_000 * scale))
    return [
        ("'May ' * 200000", "May " * n),
        ("150,000 years in one paragraph", "in 2012 and " * max(1, int(150_000 * scale))),
        ("'Posted on May May ...' header", "Posted on " + "May " * n + "\n\n" + seeds[:3000]),
        ("'May 3 and May 3 ...'", "May 3 and " * max(1, int(100_000 * scale))),
        ("4.9 MB dense paragraph", (dense + " ") * max(1, int(4.9e6 * scale / len(dense)))),
    ]


def dateparser_seconds_per_mb(pieces: list[str]) -> float | None:
    """Seconds ``dateparser.search_dates`` takes per MB of ``pieces``; None without it."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    settings = {"RELATIVE_BASE": dt.datetime.combine(REFERENCE, dt.time())}
    search_dates(pieces[0], languages=["en"], settings=settings)  # warm up: its tables load
    start = time.perf_counter()
    for piece in pieces:
        search_dates(piece, languages=["en"], settings=settings)
    return (time.perf_counter() - start) / megabytes(pieces)


def main() -> None:
    """Print seconds per MB for each text, and the ratio to dateparser."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="pathological texts at 1/10 size")
    args = parser.parse_args()
    corpus = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    mixed = chunks(corpus * 4)
    plain = chunks(_DATEY.sub("", corpus) * 4)
    seconds_per_mb(mixed[:5])  # warm up: lazily built patterns
    news = seconds_per_mb(mixed, rounds=20)
    mentions = sum(len(find_dates(p, REFERENCE)) for p in mixed) / len(mixed)
    print(f"{'text':<34}{'MB':>7}{'s/MB':>9}")
    print(
        f"{'normal news (3 kB pieces)':<34}{megabytes(mixed):7.3f}{news:9.3f}"
        f"   ({news * CHUNK / 1e3:.3f} ms per 3 kB, {mentions:.1f} mentions each)"
    )
    print(f"{'news with no dates (3 kB pieces)':<34}{megabytes(plain):7.3f}"
          f"{seconds_per_mb(plain, rounds=20):9.3f}")  # fmt: skip
    for name, text in pathological(0.1 if args.quick else 1.0):
        print(f"{name:<34}{megabytes([text]):7.3f}{seconds_per_mb([text]):9.3f}")
    header = pathological(0.1 if args.quick else 1.0)[2][1]
    start = time.perf_counter()
    parse_article(header, "posted.txt")
    took = time.perf_counter() - start
    print(f"{'  ... its article date read':<34}{megabytes([header]):7.3f}"
          f"{took / megabytes([header]):9.3f}   (parse_article)")  # fmt: skip
    theirs = dateparser_seconds_per_mb(mixed)
    if theirs is None:
        print("dateparser is not installed (pip install dateparser): no speed ratio to print")
    else:
        print(
            f"dateparser.search_dates on the same news: {theirs:.3f} s/MB; "
            f"find_dates is {theirs / news:.0f}x faster (measured in this run)"
        )


if __name__ == "__main__":
    main()
