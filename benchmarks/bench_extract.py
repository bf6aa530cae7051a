"""How fast event extraction runs, single-process, and where its time goes.

Builds a deterministic corpus in memory: the synthetic news articles of
``bench_index.py`` (about 3 kB each, the same bytes on every run), plus the
bundled seeds and the realistic test articles. Each article is parsed once
(``parse_article``, timed apart as "read"), then ``extract_events`` runs over
all of them and prints:

* ms per article and MB/s of article text, for the synthetic set and for the
  seeds + realistic set;
* a breakdown of extraction time: ``split_sentences``, ``find_dates``,
  ``find_countries``, ``classify`` and the rest of ``extract_events`` (the
  timed functions are wrapped where ``timeline.extraction.extract`` calls them, which
  adds well under a microsecond per call);
* the cost of importing the extractor (``--import`` runs it in a fresh
  process).

Run: ``.venv/bin/python benchmarks/bench_extract.py`` (``--articles N`` for
another size, ``--rounds R`` to repeat the timed pass and keep the best,
``--profile`` to print a cProfile of one pass, ``--check`` to compare
``classify`` with ``classify_plainly``, its slow reference, on every sentence
of the corpus and on variants of each: upper case, title case, letters that
regular expressions match case-insensitively to ASCII ones).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_index import article as synthetic_article  # noqa: E402

import timeline.extraction.extract as extract  # noqa: E402
from timeline.extraction.kinds import classify, classify_plainly  # noqa: E402
from timeline.extraction.sentences import split_sentences  # noqa: E402
from timeline.model import Article  # noqa: E402
from timeline.reading import parse_article  # noqa: E402

TIMED = ("split_sentences", "find_dates", "find_countries", "classify")


def build(count: int) -> tuple[list[Article], list[Article]]:
    """The synthetic articles, and the seeds + realistic ones, parsed."""
    synthetic = [
        parse_article(synthetic_article(n), f"synthetic-{n:05d}.txt") for n in range(count)
    ]
    real: list[Article] = []
    for folder in (ROOT / "seeds", ROOT / "tests" / "realistic"):
        for path in sorted(folder.iterdir()):
            if path.suffix in (".txt", ".md"):
                text = path.read_text(encoding="utf-8")
                real.append(parse_article(text, f"{folder.name}/{path.name}"))
    return synthetic, real


def _wrap(totals: dict[str, float], name: str, fn: Callable) -> Callable:
    clock = time.perf_counter

    def timed(*args, **kwargs):
        t0 = clock()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[name] += clock() - t0

    return timed


def run(articles: list[Article], breakdown: bool) -> tuple[float, dict[str, float], int]:
    """Extract every article once: total seconds, seconds per timed function, events."""
    totals = dict.fromkeys(TIMED, 0.0)
    originals = {name: getattr(extract, name) for name in TIMED}
    if breakdown:
        for name, fn in originals.items():
            setattr(extract, name, _wrap(totals, name, fn))
    events = 0
    try:
        t0 = time.perf_counter()
        for a in articles:
            events += len(extract.extract_events(a))
        total = time.perf_counter() - t0
    finally:
        for name, fn in originals.items():
            setattr(extract, name, fn)
    return total, totals, events


def report(label: str, articles: list[Article], rounds: int) -> None:
    """Print timings for one set of articles (best of ``rounds``)."""
    chars = sum(len(a.text) for a in articles)
    mb = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    t0 = time.perf_counter()
    for a in articles:
        parse_article(a.text, a.file)
    read = time.perf_counter() - t0
    plain = min(run(articles, False)[0] for _ in range(rounds))
    total, parts, events = min((run(articles, True) for _ in range(rounds)), key=lambda r: r[0])
    n = len(articles)
    print(f"{label}: {n} articles, {chars / n:,.0f} chars each, {events} events")
    print(
        f"  extract_events: {plain * 1000 / n:.3f} ms/article, {mb / plain:.2f} MB/s"
        f"   (parse_article apart: {read * 1000 / n:.3f} ms/article)"
    )
    rest = total - sum(parts.values())
    for name, seconds in (*parts.items(), ("rest", rest)):
        print(f"    {name:<16}{seconds * 1000 / n:7.3f} ms/article  {100 * seconds / total:5.1f} %")


def import_cost() -> float:
    """Seconds to import ``timeline.extraction.extract`` in a fresh interpreter."""
    code = (
        "import time; t=time.perf_counter(); import timeline.extraction.extract; "
        "print(time.perf_counter()-t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return float(out.stdout)


def check(articles: list[Article]) -> int:
    """Compare ``classify`` with its reference on every sentence; the number that differ."""
    sentences: set[str] = set()
    for a in articles:
        for start, end in split_sentences(a.text, a.body_start, a.body_end or len(a.text)):
            sentences.add(a.text[start:end])
    odd = str.maketrans({"i": "ı", "s": "ſ", "k": "\u212a", "I": "İ"})
    variants = {v for s in sentences for v in (s, s.upper(), s.title(), s.translate(odd))}
    differ = [s for s in sorted(variants) if classify(s) != classify_plainly(s)]
    for s in differ[:10]:
        print(f"  differs: {s!r}: {classify(s)} != {classify_plainly(s)}")
    print(f"check: {len(differ)} of {len(variants)} sentences classified differently")
    return len(differ)


def main() -> int:
    """Build the corpus, time extraction and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="synthetic articles (1000)")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes, best kept (3)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one pass")
    parser.add_argument("--check", action="store_true", help="compare classify with its reference")
    args = parser.parse_args()

    synthetic, real = build(args.articles)
    if args.check:
        return 1 if check(synthetic + real) else 0
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        run(synthetic + real, False)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        return 0
    run(synthetic[:50] + real, False)  # warm up: lazily built patterns, caches
    report("synthetic", synthetic, args.rounds)
    report("seeds + realistic", real, max(args.rounds, 5))
    print(f"import timeline.extraction.extract: {import_cost() * 1000:.0f} ms (fresh process)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
