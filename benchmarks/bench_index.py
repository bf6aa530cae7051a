"""How fast the persistent index builds, reopens, updates and searches a large corpus.

Builds a deterministic synthetic corpus of 10,000 news-like articles of about
3 kB (datelines, dated events, countries, counts, quotes; the same bytes on
every run) in a temporary folder and prints, each step in a fresh process:

* first index: ``open_corpus`` on the folder with an empty cache (reading,
  extraction in the process pool, SQLite and FTS5 writes);
* start to first paint, index unchanged: from launching a Python process to
  the browser's first frame (``TimelineApp`` on Textual's headless driver,
  frames encoded as for a real terminal), corpus loaded from the index;
* the same after changing 10 files (they are re-read and re-extracted);
* phrase search latency (``corpus.search('"task force"')``, median of 20, and
  a prefix and a two-word query for comparison);
* peak memory (max RSS) of each step, worker processes reported apart;
* the time spent on stories (grouping the events of different articles that tell
  one happening) in the first index and in each start.

Targets on a 2-core machine: first index <= 20 s, unchanged start to first
paint <= 1.0 s, after 10 changed files <= 1.5 s, phrase search <= 50 ms, peak
memory <= 300 MB; stories at most 10% of the first index and 0.1 s of an
unchanged start (at 100,000 events: ``--articles 30000``).

Run: ``.venv/bin/python benchmarks/bench_index.py`` (``--articles N`` for
another size, ``--keep DIR`` to build the corpus and cache in DIR and keep them).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Steps run on a snapshot of the package (BENCH_SRC): the index keys on the extractor's
# source, and a tree edited while the benchmark runs would otherwise re-extract everything.
sys.path.insert(0, os.environ.get("BENCH_SRC", str(ROOT)))

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
COUNTRIES = (
    "Cambodia", "Thailand", "Vietnam", "Laos", "Myanmar", "Malaysia", "Indonesia",
    "the Philippines", "China", "the United States", "Burma", "Lao PDR",
)  # fmt: skip
DEMONYMS = ("Cambodian", "Thai", "Vietnamese", "Lao", "Burmese", "Malaysian", "Khmer")
SUBJECTS = (
    "The Ministry of Interior", "A regional task force", "Police in the capital",
    "A coalition of NGOs", "The national committee", "Government officials",
    "The provincial court", "Delegates from ten countries", "The labour ministry",
    "Border police", "The US State Department", "UN agencies",
)  # fmt: skip
EVENTS = (
    "launched a national task force against human trafficking",
    "set up a joint task force on labour trafficking",
    "was moved to the Tier 2 Watch List in the annual Trafficking in Persons report",
    "was upgraded to Tier 2 in the Trafficking in Persons report",
    "held a two-day conference on irregular migration and human trafficking",
    "met for a regional workshop on victim identification",
    "signed a memorandum of understanding on the return of trafficking victims",
    "ratified the regional convention against trafficking in persons",
    "adopted a national plan of action against trafficking",
    "passed a new law on the suppression of human trafficking",
    "arrested {n} suspected traffickers in raids on karaoke bars",
    "convicted {n} people of trafficking offences",
    "rescued {n} victims from fishing boats",
    "reported {n} cases of human trafficking",
    "published its annual report on forced labour",
)  # fmt: skip
BACKGROUND = (
    "Many victims are lured abroad with promises of well-paid work in factories.",
    "Rights groups say enforcement remains weak and corruption widespread.",
    "The border region has long been a transit point for migrants seeking work.",
    "Officials declined to give further details of the investigation.",
    "The programme is funded by several foreign donors and run by local partners.",
    "Most of the victims were women and girls from poor rural provinces.",
    "Recruitment agencies often charge fees that leave workers deeply in debt.",
    "Observers said the changes would take years to show results.",
    "Some of those rescued were later sent home without any support.",
    "The figures could not be independently verified.",
    "Families often do not know where their relatives have gone.",
    "Local journalists have reported threats after covering the cases.",
    "The shelter offers counselling, schooling and vocational training.",
    "Several suspects are believed to have fled across the border.",
    "Activists want brokers to be held responsible for the abuse they arrange.",
    "The authorities promised to publish the results of the inquiry.",
    "Fishing crews can spend months at sea without seeing land.",
    "Remittances from workers abroad make up a large share of household income.",
    "Training sessions were organised for judges, prosecutors and police officers.",
    "Hotlines have been set up in several languages for people seeking help.",
)  # fmt: skip
QUOTES = (
    "“We are committed to ending this crime,” the minister told reporters.",
    "“There is still a lot of work to do,” said a spokesperson for the organisation.",
    "“Victims must be protected, not punished,” one lawyer said.",
)  # fmt: skip


def _date_phrase(rng: random.Random, year: int) -> str:
    roll = rng.random()
    month = rng.choice(MONTHS)
    if roll < 0.35:
        return f"on {rng.randint(1, 28)} {month} {year}"
    if roll < 0.65:
        return f"in {month} {year}"
    if roll < 0.85:
        return f"in {year}"
    return rng.choice(("last year", "last month", "on Friday", "earlier this year"))


def article(n: int, seed: int = 0, edit: int = 0) -> str:
    """Article number ``n``: about 3 kB, the same text for the same arguments."""
    rng = random.Random(seed * 1_000_003 + n * 7919 + edit)
    year = rng.randint(2000, 2024)
    month = rng.randrange(12)
    main = rng.choice(COUNTRIES)
    title = (
        f"{main.removeprefix('the ').title()} {rng.choice(('steps up', 'reviews', 'debates'))}"
        f" its response to trafficking ({n})"
    )
    lines = [title, "", f"[{rng.randint(1, 28)} {MONTHS[month]} {year}]", ""]
    paragraphs: list[str] = []
    size = len(title) + 20
    while size < 2900:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            roll = rng.random()
            if roll < 0.15:
                event = rng.choice(EVENTS).format(n=rng.randint(3, 900))
                country = rng.choice(COUNTRIES)
                when = _date_phrase(rng, rng.randint(max(1995, year - 12), year))
                subject = rng.choice(SUBJECTS)
                sentences.append(f"{subject} in {country} {event} {when}.")
            elif roll < 0.20:
                demonym = rng.choice(DEMONYMS)
                count = rng.randint(10, 5000)
                sentences.append(
                    f"More than {count:,} {demonym} workers were deported in "
                    f"{rng.randint(2000, year)}, according to official figures."
                )
            elif roll < 0.28:
                sentences.append(rng.choice(QUOTES))
            else:
                sentences.append(rng.choice(BACKGROUND))
        if edit:
            sentences.append(f"This report was updated (revision {edit}).")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    lines.append("\n\n".join(paragraphs))
    return "\n".join(lines) + "\n"


def build_corpus(folder: Path, count: int) -> int:
    """Write ``count`` articles into 100 subfolders; total bytes written."""
    total = 0
    for n in range(count):
        path = folder / f"{n // 100:03d}" / f"article-{n:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = article(n).encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return total


def change_files(folder: Path, count: int, how_many: int = 10, edit: int = 1) -> None:
    """Rewrite ``how_many`` articles spread over the corpus."""
    for i in range(how_many):
        n = (i * 997) % count
        path = folder / f"{n // 100:03d}" / f"article-{n:05d}.txt"
        path.write_text(article(n, edit=edit), encoding="utf-8")


def _peaks() -> dict:
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "peak_mb": me.ru_maxrss / 1024,
        "children_peak_mb": _WORKER_PEAK[0] if _WORKER_PEAK else children.ru_maxrss / 1024,
        "cpu_s": me.ru_utime + me.ru_stime,
        "children_cpu_s": children.ru_utime + children.ru_stime,
    }


# --- the steps, each in its own process -----------------------------------------------


#: The peak of the worker processes, taken before stories are told: story building may
#: fork a child (timeline.forked) whose resident pages are mostly the main process's own.
_WORKER_PEAK: list[float] = []


def _time_stories() -> list[float]:
    """Seconds spent telling stories (grouping events, or reusing the kept map), per call."""
    import timeline.store.indexer as indexer

    spent: list[float] = []
    tell = indexer.tell_stories

    def timed(events, store):
        if not _WORKER_PEAK:
            _WORKER_PEAK.append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
        start = time.perf_counter()
        try:
            return tell(events, store)
        finally:
            spent.append(time.perf_counter() - start)

    indexer.tell_stories = timed
    return spent


def step_index(folder: Path, spawned: float) -> dict:
    """First index of the folder."""
    from timeline.store import open_corpus

    stories = _time_stories()
    start = time.perf_counter()
    corpus = open_corpus(folder)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "stories_s": sum(stories),
        "story_count": len({e.story for e in corpus.events}),
        "summary": corpus.report.summary(),
        "events": len(corpus.events),
        **_peaks(),
    }


def step_start(folder: Path, spawned: float) -> dict:
    """Load the corpus through the index, then run the browser to its first frame."""
    from timeline.store import open_corpus

    stories = _time_stories()
    opened_at = time.time()
    corpus = open_corpus(folder)
    loaded = time.time()
    paint = asyncio.run(_first_paint(corpus))
    return {
        "start_to_paint": paint - spawned,
        "start_to_loaded": loaded - spawned,
        "open_corpus": loaded - opened_at,
        "stories_s": sum(stories),
        "summary": corpus.report.summary(),
        "search": _search_times(corpus),
        **_peaks(),
    }


def step_browse(folder: Path, spawned: float) -> dict:
    """The browser opens at once and fills in from ``on_batch`` while the index loads."""
    result = asyncio.run(_browse(folder))
    for key in ("first_frame", "first_events_frame", "loaded", "all_events_frame"):
        result[key] -= spawned
    result.update(_peaks())
    return result


def _frame_clock(app) -> list[float]:
    """Wall-clock times of the app's frames, each encoded as the real driver would."""
    frames: list[float] = []
    original = app._display

    def display(screen, renderable) -> None:
        if renderable is not None:
            render = getattr(renderable, "render_segments", None)
            if render is not None:
                render(app.console)
            frames.append(time.time())
        original(screen, renderable)

    app._display = display
    return frames


async def _first_paint(corpus) -> float:
    """Wall-clock time of the browser's first frame."""
    from timeline.tui.app import TimelineApp

    app = TimelineApp(corpus, search=corpus.search)
    frames = _frame_clock(app)
    async with app.run_test(headless=True, size=(120, 40)):
        while not frames:
            await asyncio.sleep(0.001)
    return frames[0]


async def _browse(folder: Path) -> dict:
    """The browser as ``timeline DIR`` runs it: empty at once, then its loader thread."""
    from functools import partial

    from timeline.model import Corpus
    from timeline.store import open_corpus
    from timeline.tui.app import TimelineApp

    app = TimelineApp(Corpus(folder.name, [], [], []), source=partial(open_corpus, folder))
    frames = _frame_clock(app)
    added: list[float] = []
    add_batch = app.add_batch

    def add(articles, events) -> None:
        add_batch(articles, events)
        added.append(time.time())

    app.add_batch = add  # the loader calls it through the app, on the app's thread
    async with app.run_test(headless=True, size=(120, 40)):
        while not app.loader.finished.is_set():
            await asyncio.sleep(0.002)
        loaded = time.time()
        while not frames or not added or frames[-1] < added[-1]:
            await asyncio.sleep(0.002)
        shown = len(app.index)
    corpus = app.loader.corpus
    return {
        "first_frame": frames[0],
        "first_events_frame": min(f for f in frames if f >= added[0]),
        "loaded": loaded,
        "all_events_frame": min(f for f in frames if f >= added[-1]),
        "batches": len(added),
        "events_shown": shown,
        "events": len(corpus.events) if corpus is not None else 0,
    }


def _search_times(corpus) -> dict:
    out = {}
    for label, query in (
        ("phrase", '"task force"'),
        ("phrase_rare", '"victim identification"'),
        ("prefix", "traffick*"),
        ("words", "karaoke raids"),
    ):
        times = []
        for _ in range(20):
            start = time.perf_counter()
            hits = corpus.search(query)
            times.append(time.perf_counter() - start)
        out[label] = {"median": statistics.median(times), "max": max(times), "hits": len(hits)}
    return out


_STEPS = {"index": step_index, "start": step_start, "browse": step_browse}


def _child(step: str, folder: Path, env: dict) -> dict:
    spawned = time.time()
    out = subprocess.run(
        [sys.executable, __file__, "--step", step, str(folder), "--spawned", repr(spawned)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    if out.returncode != 0:
        raise SystemExit(f"step {step} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _report_start(label: str, start: dict, browse: dict) -> None:
    print(f"{label}:")
    print(
        f"  browser fed in batches: first frame {browse['first_frame']:.2f} s, first frame "
        f"with events {browse['first_events_frame']:.2f} s, all {browse['events_shown']} "
        f"events shown {browse['all_events_frame']:.2f} s ({browse['batches']} batches); "
        f"peak {browse['peak_mb']:.0f} MB"
    )
    print(
        f"  load, then browser:     corpus loaded {start['start_to_loaded']:.2f} s "
        f"(open_corpus {start['open_corpus']:.2f} s, of which stories "
        f"{start['stories_s']:.3f} s), first paint "
        f"{start['start_to_paint']:.2f} s; peak {start['peak_mb']:.0f} MB"
    )
    print(f"  {start['summary']}")


def main() -> int:
    """Build the corpus, run each step in a fresh process, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="build corpus and cache here and keep them")
    parser.add_argument("--step", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--spawned", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        name, folder = args.step
        print(json.dumps(_STEPS[name](Path(folder), args.spawned)))
        return 0

    base = args.keep or Path(tempfile.mkdtemp(prefix="bench-index-"))
    folder, cache, src = base / "corpus", base / "cache", base / "src"
    for path in (folder, cache, src):
        shutil.rmtree(path, ignore_errors=True)
    shutil.copytree(
        ROOT / "timeline", src / "timeline", ignore=shutil.ignore_patterns("__pycache__")
    )
    env = {**os.environ, "TIMELINE_CACHE_DIR": str(cache), "BENCH_SRC": str(src)}
    try:
        size = build_corpus(folder, args.articles)
        print(f"corpus: {args.articles} articles, {size / 1e6:.1f} MB, in {folder}")
        first = _child("index", folder, env)
        print(
            f"first index: {first['seconds']:.2f} s; peak {first['peak_mb']:.0f} MB "
            f"(+ {first['children_peak_mb']:.0f} MB per worker process)"
        )
        print(
            f"  CPU: {first['children_cpu_s']:.1f} s in the worker processes (reading and "
            f"extraction), {first['cpu_s']:.1f} s in the main process (SQLite, FTS5, decoding)"
        )
        print(
            f"  stories: {first['stories_s']:.2f} s of it "
            f"({100 * first['stories_s'] / first['seconds']:.1f}%), {first['story_count']:,} "
            f"stories of {first['events']:,} events"
        )
        print(f"  {first['summary']}")
        db = next((cache / "index").glob("*.sqlite3"))
        print(f"  index size {db.stat().st_size / 1e6:.1f} MB")
        _child("start", folder, env)  # warm the OS file cache as any second start would
        _report_start(
            "start, index unchanged", _child("start", folder, env), _child("browse", folder, env)
        )
        change_files(folder, args.articles, edit=1)
        start = _child("start", folder, env)
        change_files(folder, args.articles, edit=2)
        browse = _child("browse", folder, env)
        _report_start("start after changing 10 files", start, browse)
        for label, row in start["search"].items():
            print(
                f"search {label:12s} {row['median'] * 1000:6.1f} ms median, "
                f"{row['max'] * 1000:6.1f} ms max, {row['hits']} events"
            )
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
