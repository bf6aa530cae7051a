"""How fast the browser starts and answers keys, next to a bare Textual app.

For 1,000, 10,000 and 100,000 synthetic events, each size in its own
process, this prints:

* first paint: seconds from constructing the app to its first frame;
* the median latency of ``j``, ``]``, ``}`` and a one-letter search: from
  sending the key to the first frame it causes, and to the last one
  (frames are rendered and encoded to terminal bytes as a real terminal
  would get them), and the 95th percentile of the first;
* for the search, also the time until the full match count is known
  (computed by a worker after the first match is shown);
* search per keystroke: a word typed letter by letter into the search field,
  each letter timed from the key to the first frame that shows the cursor
  on a match of what is typed so far (target: 50 ms at 100,000 events);
* peak memory (max RSS of the process, corpus included).

The same figures are measured, in the same process, for a bare Textual app
with one ``Static`` whose text changes on each of those keys: ``bare`` with a
one-line Static (the least a key can visibly do) and ``bare-screen`` with a
Static filling the terminal (the cost of repainting a screenful, which is
what ``]`` and ``}`` do). Targets: first paint within 0.5 s of the bare
app's, key latency within 1.2x the bare app's, peak memory at most 200 MB.

Run: ``.venv/bin/python benchmarks/bench_tui.py`` (``--sizes 1000,10000``
to choose sizes, ``--presses N`` for presses per key, ``--stories`` to tell
about half the events in stories of two to four sources, so that the timeline
shows one row per story as it does on a real corpus).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE = (120, 40)
QUIET = 0.04  # seconds without a new frame that count as "settled"


def _bare_app(full_screen: bool = False):
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class BareApp(App):
        """One Static; j ] } and a letter change its text (a line, or a screenful)."""

        BINDINGS = [
            ("j", "bump('j')"),
            ("right_square_bracket", "bump(']')"),
            ("right_curly_bracket", "bump('}')"),
            ("slash", "bump('/')"),
            ("a", "bump('a')"),
            ("escape", "bump('esc')"),
            ("g", "bump('g')"),
        ]

        def __init__(self) -> None:
            super().__init__()
            self.count = 0

        def _text(self, key: str) -> str:
            if not full_screen:
                return f"bare app {self.count} {key}"
            line = f"{self.count:>7} {key} " + "bare app with a screenful of text " * 3
            return "\n".join(f"{n:>3} {line}"[: SIZE[0]] for n in range(SIZE[1]))

        def compose(self) -> ComposeResult:
            yield Static(self._text(""), id="static")

        def action_bump(self, key: str) -> None:
            self.count += 1
            self.query_one(Static).update(self._text(key))

    return BareApp()


class FrameClock:
    """Records when an app puts a frame on the (headless) terminal.

    ``probe`` (set it to a callable) is asked at each frame; the frames at which
    it was true are kept in ``hits``.
    """

    def __init__(self, app) -> None:
        self.stamps: list[float] = []
        self.hits: list[float] = []
        self.probe: Callable[[], bool] | None = None
        self.frame = asyncio.Event()
        original = app._display

        def display(screen, renderable) -> None:
            if renderable is not None:
                # Encode the frame as the real driver would, so its cost counts.
                render = getattr(renderable, "render_segments", None)
                if render is not None:
                    render(app.console)
                now = time.perf_counter()
                self.stamps.append(now)
                if self.probe is not None and self.probe():
                    self.hits.append(now)
                self.frame.set()
            original(screen, renderable)

        app._display = display

    async def settle(self, since: float, timeout: float = 3.0) -> float | None:
        """Wait for frames after ``since`` to stop coming; the time of the last one."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            self.frame.clear()
            try:
                await asyncio.wait_for(self.frame.wait(), QUIET)
            except TimeoutError:
                last = [t for t in self.stamps if t >= since]
                if last:
                    return last[-1]
        return None


async def _press(app, clock: FrameClock, key: str, char: str | None) -> tuple[float, float] | None:
    """Send one key; (time to its first frame, time to its last frame), or None."""
    from textual import events

    await asyncio.sleep(0.03)
    start = time.perf_counter()
    app._driver.send_message(events.Key(key, char))
    last = await clock.settle(start)
    if last is None:
        return None
    first = min(t for t in clock.stamps if t >= start)
    return first - start, last - start


KEYS = ("j", "]", "}", "search")

#: Words typed letter by letter for the per-keystroke search figure.
TYPED = ("migration", "shelter", "convicted")


async def _typed_search(app, clock: FrameClock, word: str) -> list[float]:
    """Type ``word`` into the search field a letter at a time; for each letter the time
    from the key to the first frame with the cursor on a match of the text typed so far."""
    from textual import events

    main = app.main
    search = main.search

    def on_match() -> bool:
        cursor = main.timeline.cursor
        view = main.rows.view
        return bool(search.query) and 0 <= cursor < len(view) and search.is_match(view[cursor])

    await _press(app, clock, "slash", "/")
    times: list[float] = []
    typed = ""
    for letter in word:
        typed += letter
        await asyncio.sleep(0.03)
        clock.hits.clear()
        clock.probe = on_match
        start = time.perf_counter()
        app._driver.send_message(events.Key(letter, letter))
        deadline = start + 5.0
        while time.perf_counter() < deadline:
            if search.shown == typed and [t for t in clock.hits if t >= start]:
                break
            await asyncio.sleep(0.001)
        clock.probe = None
        hits = [t for t in clock.hits if t >= start]
        if search.shown == typed and hits:
            times.append(hits[0] - start)
        await clock.settle(start)
    await _press(app, clock, "escape", None)
    await _press(app, clock, "escape", None)
    return times


async def _measure(factory: Callable, presses: int, kind: str) -> dict:
    is_bare = kind != "app"
    start = time.perf_counter()
    app = factory()
    clock = FrameClock(app)
    result: dict = {}
    async with app.run_test(headless=True, size=SIZE):
        while not clock.stamps:
            await asyncio.sleep(0.001)
        result["first_paint"] = clock.stamps[0] - start
        await clock.settle(clock.stamps[0])
        if not is_bare:
            # Lookup tables are built by a worker after the first frame.
            while not app.main.warmed.is_set():
                await asyncio.sleep(0.005)
            result["warm"] = time.perf_counter() - start
        lat: dict[str, list[tuple[float, float]]] = {k: [] for k in KEYS}
        complete: list[float] = []
        done_at: list[float] = []
        if not is_bare:
            search_done = app.main._search_done

            def timed_done(*args) -> None:
                search_done(*args)
                done_at.append(time.perf_counter())

            app.main._search_done = timed_done

        async def timed(name: str, key: str, char: str | None) -> None:
            t = await _press(app, clock, key, char)
            if t is not None:
                lat[name].append(t)

        for _ in range(presses):
            await timed("j", "j", "j")
        await _press(app, clock, "g", "g")
        for _ in range(presses):
            if not is_bare:
                rows = app.main.rows
                if rows.group_number(app.main.timeline.cursor) == len(rows.groups) - 1:
                    await _press(app, clock, "g", "g")
            await timed("]", "right_square_bracket", "]")
        for _ in range(presses):
            await timed("}", "right_curly_bracket", "}")
        letters = "aeinorst"
        for n in range(presses):
            await _press(app, clock, "slash", "/")
            letter = letters[n % len(letters)]
            sent = time.perf_counter()
            await timed("search", letter if not is_bare else "a", letter)
            if not is_bare:
                while app.main.matches is None:
                    await asyncio.sleep(0.001)
                complete.append(done_at[-1] - sent)
            await _press(app, clock, "escape", None)
            if not is_bare:
                await _press(app, clock, "escape", None)
        result["first"] = {
            k: statistics.median(t[0] for t in v) if v else None for k, v in lat.items()
        }
        result["settled"] = {
            k: statistics.median(t[1] for t in v) if v else None for k, v in lat.items()
        }
        result["worst"] = {k: _p95([t[0] for t in v]) for k, v in lat.items()}
        result["search_complete"] = statistics.median(complete) if complete else None
        if not is_bare:
            keystrokes: list[float] = []
            for word in TYPED:
                keystrokes += await _typed_search(app, clock, word)
            result["keystroke"] = keystrokes
    return result


def child(size: int, presses: int, stories: bool = False) -> dict:
    """Measure both apps for one corpus size (runs in its own process)."""
    from timeline.synthetic import synthetic_corpus
    from timeline.tui.app import TimelineApp

    corpus = synthetic_corpus(size)
    if stories:
        from timeline.synthetic import tell_synthetic_stories

        tell_synthetic_stories(corpus)
    bare = asyncio.run(_measure(_bare_app, presses, "bare"))
    screen = asyncio.run(_measure(lambda: _bare_app(full_screen=True), presses, "bare-screen"))
    app = asyncio.run(_measure(lambda: TimelineApp(corpus), presses, "app"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"size": size, "bare": bare, "bare-screen": screen, "app": app, "peak_mb": peak}


def _p95(values: list[float]) -> float | None:
    """The 95th percentile (a pause such as a garbage collection shows here, not in medians)."""
    if len(values) < 2:
        return values[0] if values else None
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def _ms(value: float | None) -> str:
    return "   n/a" if value is None else f"{value * 1000:6.1f}"


def main() -> int:
    """Run every size in a fresh process and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--presses", type=int, default=15)
    parser.add_argument("--stories", action="store_true", help="events told in stories")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.presses, args.stories)))
        return 0
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(size), "--presses", str(args.presses)]
            + (["--stories"] if args.stories else []),
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "TEXTUAL": ""},
        )
        if out.returncode:
            print(out.stderr, file=sys.stderr)
            return 1
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    told = ", events told in stories of 2-4 sources" if args.stories else ""
    print(
        f"terminal {SIZE[0]}x{SIZE[1]}, headless, {args.presses} presses per key, "
        f"medians in ms{told}"
    )
    print("latency = key to its first frame; settled = key to its last frame")
    head = (
        "events   app          paint   warm |  j      ]      }      search | settled: j      ]"
        "      }  search | search-all  peak MB"
    )
    print(head)
    print("-" * len(head))
    ok = True
    for row in rows:
        for who in ("bare", "bare-screen", "app"):
            r = row[who]
            f, st = r["first"], r["settled"]
            line = (
                f"{row['size']:>7,}  {who:<11} {_ms(r['first_paint'])} {_ms(r.get('warm'))} |"
                + "".join(_ms(f[k]) + " " for k in KEYS)
                + "|         "
                + "".join(_ms(st[k]) + " " for k in KEYS)
                + f"| {_ms(r.get('search_complete')):>10}"
            )
            if who == "app":
                line += f"  {row['peak_mb']:7.1f}"
            print(line)
        bare, screen, app = row["bare"], row["bare-screen"], row["app"]
        paint_gap = app["first_paint"] - bare["first_paint"]
        ratios = {k: app["first"][k] / bare["first"][k] for k in KEYS}
        screen_ratios = {k: app["first"][k] / screen["first"][k] for k in KEYS}
        print(
            f"         paint gap {paint_gap:+.3f} s (target ≤ 0.5); "
            f"peak {row['peak_mb']:.0f} MB (target ≤ 200)"
        )
        print(
            "         latency ÷ bare: "
            + ", ".join(f"{k} {v:.2f}x" for k, v in ratios.items())
            + "  (target ≤ 1.2)"
        )
        print(
            "         latency ÷ bare-screen: "
            + ", ".join(f"{k} {v:.2f}x" for k, v in screen_ratios.items())
        )
        print(
            "         95th percentile, bare → app: "
            + ", ".join(
                f"{k} {_ms(bare['worst'][k]).strip()} → {_ms(app['worst'][k]).strip()}"
                for k in KEYS
            )
        )
        typed = app.get("keystroke") or []
        if typed:
            median = statistics.median(typed)
            print(
                f"         search per keystroke (key → first match selected and drawn), "
                f"{len(typed)} letters of {', '.join(TYPED)}: median {_ms(median).strip()} ms, "
                f"95th percentile {_ms(_p95(typed)).strip()} ms, "
                f"worst {_ms(max(typed)).strip()} ms (target ≤ 50)"
            )
            ok &= median <= 0.05
        ok &= paint_gap <= 0.5 and max(ratios.values()) <= 1.2 and row["peak_mb"] <= 200
    print("all targets met" if ok else "some targets missed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
