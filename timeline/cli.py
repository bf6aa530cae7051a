"""The command line: ``timeline [browse] [DIR]``, ``list``, ``export``, ``dates``.

Exit codes: 0 success, 1 failure while working, 2 bad usage or input (a
missing folder, an unknown country or type).

Everything the commands print goes through one sanitiser: :func:`main` puts a
:class:`~timeline.textclean.SafeStream` in front of stdout and stderr for the
whole run, so file names and article text reach the terminal without control
characters, escape sequences or bidi overrides, whichever path prints them.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import re
import shutil
import stat
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from timeline.arguments import UsageError, build_parser, normalize_argv
from timeline.filters import (
    Filter,
    FilterError,
    parse_countries,
    parse_types,
    parse_years,
)
from timeline.model import Corpus, Event, format_date
from timeline.table import format_table, key_events, one_per_story
from timeline.textclean import SafeStream, clean_line, clean_name, plural


@contextlib.contextmanager
def safe_output() -> Iterator[None]:
    """Route every write to stdout and stderr through the sanitiser while inside."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


@contextlib.contextmanager
def raw_output() -> Iterator[None]:
    """The real streams back, for the browser (it draws with escape sequences of its own)."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _raw(sys.stdout), _raw(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _raw(stream: TextIO) -> TextIO:
    while isinstance(stream, SafeStream):
        stream = stream.stream
    return stream


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    with safe_output():
        return _main(list(sys.argv[1:] if argv is None else argv))


def _main(argv: list[str]) -> int:
    args = build_parser().parse_args(normalize_argv(argv))
    try:
        if args.command == "browse":
            return cmd_browse(args)
        if args.command == "list":
            return cmd_list(args)
        if args.command == "export":
            return cmd_export(args)
        if args.command == "dates":
            return cmd_dates(args)
        if args.command == "index":
            return cmd_index(args)
        if args.command == "tiers":
            return cmd_tiers(args)
        if args.command == "notes":
            return cmd_notes(args)
    except (UsageError, FilterError) as exc:
        print(f"timeline: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (``timeline list | head``): not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    return 2


# --------------------------------------------------------------------------- loading


def _warn(message: str) -> None:
    print(f"timeline: warning: {clean_line(message)}", file=sys.stderr)


def _note(message: str) -> None:
    print(f"timeline: note: {clean_line(message)}", file=sys.stderr)


def _corpus_folder(args: argparse.Namespace) -> Path | None:
    folder = getattr(args, "folder", None)
    if folder is not None and args.corpus is not None and folder != args.corpus:
        raise UsageError(f"two folders given: {clean_name(folder)} and --corpus {args.corpus}")
    folder = folder or args.corpus
    if folder is None:
        return None
    if not folder.exists():
        raise UsageError(f"no such folder: {clean_name(folder)}")
    if not folder.is_dir():
        raise UsageError(f"not a folder: {clean_name(folder)}")
    return folder


def progress_bar(label: str, stream: TextIO | None = None):
    """The progress bar of a long read, drawn on the real stderr with a clean label.

    The bar draws with a carriage return and an erase-line sequence of its
    own, so it writes past the sanitiser; its label (the only text in it that
    could come from outside) is cleaned here.
    """
    from timeline.store import ProgressBar

    return ProgressBar(clean_line(label), _raw(stream if stream is not None else sys.stderr))


def load(args: argparse.Namespace, *, quiet: bool = False) -> Corpus:
    """The corpus the arguments name, through the index unless ``--no-cache``.

    Warnings are printed on stderr unless ``quiet``; a progress bar is drawn
    on stderr while a large folder is read (only when stderr is a terminal).
    """
    from timeline.store import open_corpus

    folder = _corpus_folder(args)
    with progress_bar("indexing") as bar:
        return open_corpus(
            folder,
            max_bytes=args.max_bytes,
            no_cache=args.no_cache,
            warn=None if quiet else _warn,
            progress=bar,
        )


def open_notes(quiet: bool = False):
    """The stars-and-notes store, its warnings printed on stderr unless ``quiet``."""
    from timeline.notes import NotesStore

    return NotesStore(warn=None if quiet else _warn)


def build_filter(args: argparse.Namespace, corpus: Corpus) -> Filter:
    """The filter the arguments ask for, with names checked against the corpus.

    What the user may not expect is said on stderr: a year range given
    backwards is read forwards, and a country no event of the corpus names
    gives no events.
    """
    present = {c for e in corpus.events for c in (*e.countries, *e.regions)}
    years = parse_years(args.year) if args.year else None
    backwards = re.fullmatch(r"\s*(\d{4})\s*(?:-|–|:|\.\.)\s*(\d{4})\s*", args.year or "")
    if years and backwards and int(backwards[1]) > int(backwards[2]):
        _note(f"--year {args.year.strip()} read as {years[0]}-{years[1]}")
    countries = parse_countries(args.country, present)
    for country in sorted(countries - present):
        known = ", ".join(sorted(present)) or "none"
        _note(f"no event in this corpus names {country} (countries here: {known})")
    return Filter(
        years=years,
        countries=countries,
        types=parse_types(args.type),
        starred=args.starred,
        search=args.search or None,
        in_article=bool(getattr(args, "in_article", False)),
    )


def filtered(
    args: argparse.Namespace, corpus: Corpus, notes: dict | None = None
) -> tuple[list[Event], Filter]:
    """The corpus's events that pass the arguments' filters, chronologically, and the
    filter. With ``--key N``: only the events of the top N stories of each year."""
    starred = frozenset(k for k, info in (notes or {}).items() if info.starred)
    event_filter = build_filter(args, corpus)
    search_ids = None
    if event_filter.search:
        search_ids = frozenset(search_events(corpus, event_filter))
    events = event_filter.apply(corpus.events, starred, search_ids)
    if getattr(args, "key", None):
        events = key_events(events, corpus, args.key)
    return events, event_filter


def search_events(corpus: Corpus, event_filter: Filter) -> set[str]:
    """Ids of the events the filter's search matches: through the index when the corpus
    has one, else in memory, with the same answers."""
    query, in_article = event_filter.search or "", event_filter.in_article
    if hasattr(corpus, "search"):
        return corpus.search(query, in_article)
    from timeline.store.search import MemorySearcher

    return MemorySearcher(corpus.articles, corpus.events).event_ids(query, in_article)


def annotations(corpus: Corpus) -> dict:
    """Stars and notes of every event of the corpus, by event id."""
    with open_notes() as store:
        # Annotate the whole corpus, then filter: events of one sentence are told apart
        # by their dates, which a filtered list could hide.
        return store.annotate(corpus.events)


# --------------------------------------------------------------------------- commands


def cmd_browse(args: argparse.Namespace) -> int:
    """Open the browser at once; the index fills it in from a background thread.

    Warnings (bad files, index faults, the notes file) become notices in the
    browser; quitting stops the indexing.
    """
    from functools import partial

    from timeline.store import open_corpus
    from timeline.tui.app import TimelineApp, run_app

    folder = _corpus_folder(args)
    name = "bundled seeds" if folder is None else (folder.resolve().name or str(folder))
    source = partial(open_corpus, folder, max_bytes=args.max_bytes, no_cache=args.no_cache)
    if folder is None:
        from timeline.resources import bundled_seeds_dir

        where = bundled_seeds_dir()
    else:
        where = folder.resolve()
    with open_notes(quiet=True) as notes, raw_output():
        empty = Corpus(name=name, articles=[], events=[])
        return run_app(TimelineApp(empty, source=source, notes=notes, folder=where))


def cmd_list(args: argparse.Namespace) -> int:
    """Print the filtered events as a table."""
    corpus = load(args)
    notes = annotations(corpus)
    events, event_filter = filtered(args, corpus, notes)
    width = shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else 0
    told = None
    if args.key:
        told = Counter(e.story or e.id for e in events)
        events = one_per_story(events)
    for line in format_table(events, width, notes, event_filter.countries, told):
        print(line)
    shown = len({e.article for e in events})
    print(
        f"{len(events)} of {len(corpus.events)} events, "
        f"from {shown} of {len(corpus.articles)} articles"
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the filtered events in the chosen format, to stdout or atomically to a file."""
    from timeline.export import ExportError, render, write_atomic
    from timeline.resources import bundled_seeds_dir

    if args.output is not None and not args.output.strip():
        raise UsageError("-o needs a file name (or - for standard output)")
    to_stdout = args.output in (None, "-")
    corpus = load(args)
    notes = annotations(corpus)
    events, _ = filtered(args, corpus, notes)
    files = {e.article for e in events}
    articles = [a for a in corpus.articles if a.file in files]
    folder = (_corpus_folder(args) or bundled_seeds_dir()).resolve()
    result = render(
        args.format,
        articles,
        events,
        title=corpus.name,
        notes=notes,
        folder=folder,
        ics_spans=args.ics_spans,
        by_story=not args.every_event,
    )
    if to_stdout:
        stdout = sys.stdout
        if isinstance(stdout, SafeStream):
            stdout.write(result.preamble() + result.text, crlf=args.format == "ics")
        else:
            stdout.write(result.preamble() + result.text)
        if result.left_out:
            print(result.message, file=sys.stderr)
        return 0
    try:
        write_atomic(args.output, result.encoded())
    except ExportError as exc:
        print(f"timeline: error: {exc.message}", file=sys.stderr)
        return 1
    print(result.message_to(args.output), file=sys.stderr)
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    """Build or update the index of a folder (or clear it) and say what was done."""
    from timeline.store import clear_index

    folder = _corpus_folder(args)
    if args.clear:
        removed = clear_index(folder)
        name = folder or "the bundled seeds"
        print(f"removed index {removed}" if removed else f"no index to remove for {name}")
        return 0
    corpus = load(args)
    report = getattr(corpus, "report", None)
    print(report.summary() if report else f"{len(corpus.events)} events")
    return 0


def cmd_tiers(args: argparse.Namespace) -> int:
    """Print each country's tier by report year, with the evidence behind each cell."""
    from timeline.extraction.regions import members
    from timeline.tiers import tier_cells, tiers_csv, tiers_json, tiers_table

    corpus = load(args)
    present = {c for e in corpus.events for c in (*e.countries, *e.regions)}
    chosen: set[str] = set()
    for name in parse_countries(args.country, present):
        chosen |= members(name) or {name}
    cells = tier_cells(corpus.events, chosen)
    if args.format == "json":
        sys.stdout.write(tiers_json(cells))
    elif args.format == "csv":
        sys.stdout.write(tiers_csv(cells))
    else:
        for line in tiers_table(cells):
            print(line)
    return 0


def cmd_notes(args: argparse.Namespace) -> int:
    """List starred events and notes, or the notes whose event is gone."""
    corpus = load(args)
    with open_notes() as store:
        if args.orphaned:
            records = store.orphaned(corpus.events)
            for r in records:
                mark = "★ " if r.starred else ""
                summary = clean_line(r.summary)
                print(f"{format_date(r.date)}  {clean_name(r.article)}  {mark}{summary}")
                if r.note:
                    print(f"    note: {clean_line(r.note)}")
            print(f"{len(records)} orphaned notes (kept; their sentence is no longer found)")
            return 0
        notes = store.annotate(corpus.events)
    events = [
        e for e in corpus.events if e.id in notes and (notes[e.id].starred or notes[e.id].note)
    ]
    for line in format_table(events, 0, notes):
        print(line)
    print(f"{plural(len(events), 'event')} with a star or a note")
    return 0


def cmd_dates(args: argparse.Namespace) -> int:
    """Print the date mentions of one file with their spans and values (a collection:
    of each record, under its name)."""
    from timeline.reading import load_articles

    path: Path = args.file
    try:
        mode = path.stat().st_mode  # never opened before it is known to be a regular file
    except OSError:
        raise UsageError(f"no such file: {clean_name(path)}") from None
    if stat.S_ISDIR(mode):
        raise UsageError(f"{clean_name(path)} is a folder; give one file (or 'timeline list DIR')")
    if not stat.S_ISREG(mode):
        raise UsageError(f"not a regular file: {clean_name(path)}")
    reference = None
    if args.reference:
        try:
            reference = dt.date.fromisoformat(args.reference)
        except ValueError:
            raise UsageError(f"not a date: {args.reference!r} (use YYYY-MM-DD)") from None
    articles, warnings = load_articles(path, path.name)
    for message in warnings:
        _warn(message)
    if not articles:
        return 1
    for n, article in enumerate(articles):
        if len(articles) > 1:
            print(("\n" if n else "") + f"== {clean_line(article.file)}")
        _print_dates(article, reference)
    return 0


def _print_dates(article, reference: dt.date | None) -> None:
    from timeline.extraction.eventdates import article_reference
    from timeline.language.dates import find_dates, numeric_date_order

    if reference is not None:
        precision = "day"
        print(f"reference: {reference.isoformat()} (given)")
    else:
        reference, precision = article_reference(article)
        known = format_date(article.date, article.approximate) if article.date else "unknown"
        print(f"article date: {known}")
    print(f"{'SPAN':<13}  {'VALUE':<10}  {'PRECISION':<9}  {'KIND':<8}  TEXT")
    for m in find_dates(article.text, reference, precision, numeric_date_order(article.text)):
        span = f"{m.start}-{m.end}"
        value = m.value or "?"
        kind = "relative" if m.relative else "absolute"
        text = clean_line(m.text)
        print(f"{span:<13}  {value:<10}  {m.precision or '-':<9}  {kind:<8}  {text}")
