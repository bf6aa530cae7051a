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

from timeline import __version__
from timeline.filters import (
    Filter,
    FilterError,
    parse_countries,
    parse_types,
    parse_years,
)
from timeline.model import EVENT_TYPES, Corpus, Event, format_date
from timeline.reading import DEFAULT_MAX_BYTES
from timeline.table import format_table, key_events, one_per_story
from timeline.textclean import SafeStream, clean_line, clean_name

COMMANDS = ("browse", "list", "export", "tiers", "dates", "index", "notes")
#: The largest ``--max-bytes``: every file is read into memory whole.
MAX_BYTES_LIMIT = 1_000_000_000


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit status 2."""


def _max_bytes(text: str) -> int:
    """A size limit: a whole number above zero, at most :data:`MAX_BYTES_LIMIT`."""
    digits = text.strip().replace("_", "")
    if not digits.isdigit():
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}")
    if len(digits.lstrip("0")) > len(str(MAX_BYTES_LIMIT)) or int(digits) > MAX_BYTES_LIMIT:
        raise argparse.ArgumentTypeError(
            f"at most {MAX_BYTES_LIMIT:,} (files are read into memory whole)"
        )
    value = int(digits)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be above zero")
    return value


def _positive_int(text: str) -> int:
    """A whole number above zero (and not absurdly large)."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) > 9:
        raise argparse.ArgumentTypeError(f"not a whole number from 1 to 999,999,999: {text!r}")
    if int(digits) <= 0:
        raise argparse.ArgumentTypeError("must be above zero")
    return int(digits)


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        metavar="DIR",
        type=Path,
        help="folder of .txt/.md articles, read recursively (default: the bundled seeds)",
    )
    parser.add_argument(
        "--max-bytes",
        metavar="N",
        type=_max_bytes,
        default=DEFAULT_MAX_BYTES,
        help=f"skip files larger than N bytes (default {DEFAULT_MAX_BYTES:,}; "
        f"at most {MAX_BYTES_LIMIT:,})",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="read every file now, in memory, without the index",
    )


def _add_filter_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters")
    group.add_argument("--year", metavar="YEAR", help="a year (2010) or a range (2008-2012)")
    group.add_argument(
        "--country",
        metavar="NAME",
        action="append",
        default=[],
        help="a country by name, alias or demonym (burma = Myanmar); repeat for several",
    )
    group.add_argument(
        "--type",
        metavar="TYPE",
        action="append",
        default=[],
        help="event type, repeatable: " + ", ".join(EVENT_TYPES),
    )
    group.add_argument(
        "--search",
        metavar="TEXT",
        help='full-text search of sentences and article text: words, "a phrase", prefix*',
    )
    group.add_argument("--starred", action="store_true", help="only starred events")
    group.add_argument(
        "--key",
        metavar="N",
        type=_positive_int,
        default=0,
        help="key events: only the N stories of each year told by the most sources",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="A terminal timeline browser for news corpora: dated events with evidence.",
        epilog="Run 'timeline COMMAND --help' for a command's options. "
        "With no command, 'timeline [DIR]' opens the browser.",
    )
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    browse = sub.add_parser("browse", help="open the timeline browser (the default)")
    browse.add_argument("folder", nargs="?", type=Path, metavar="DIR", help="corpus folder")
    _add_corpus_options(browse)

    listing = sub.add_parser("list", help="print the events as a table")
    listing.add_argument("folder", nargs="?", type=Path, metavar="DIR", help="corpus folder")
    _add_corpus_options(listing)
    _add_filter_options(listing)

    export = sub.add_parser("export", help="write the events as JSON (and other formats)")
    export.add_argument("folder", nargs="?", type=Path, metavar="DIR", help="corpus folder")
    _add_corpus_options(export)
    _add_filter_options(export)
    export.add_argument(
        "--format", default="json", choices=_export_formats(), help="output format (json)"
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE, replaced only once complete (default, or -: standard output)",
    )
    export.add_argument(
        "--ics-spans",
        action="store_true",
        help="ics: a month or year date spans its whole month or year "
        "(default: one all-day event on its first day)",
    )
    export.add_argument(
        "--every-event",
        action="store_true",
        help="ics, timelinejs, markdown: one item per event "
        "(default: one per story, listing the articles that tell it)",
    )

    index = sub.add_parser("index", help="build or update a corpus's index and say what it did")
    index.add_argument("folder", nargs="?", type=Path, metavar="DIR", help="corpus folder")
    _add_corpus_options(index)
    index.add_argument("--clear", action="store_true", help="remove this corpus's index")

    tiers = sub.add_parser("tiers", help="each country's TIP tier by report year")
    tiers.add_argument("folder", nargs="?", type=Path, metavar="DIR", help="corpus folder")
    _add_corpus_options(tiers)
    tiers.add_argument(
        "--country",
        metavar="NAME",
        action="append",
        default=[],
        help="only this country (name, alias, demonym or regional group); repeatable",
    )
    tiers.add_argument(
        "--format", default="table", choices=("table", "csv", "json"), help="output format"
    )

    notes = sub.add_parser("notes", help="list starred events and notes")
    notes.add_argument("folder", nargs="?", type=Path, metavar="DIR", help="corpus folder")
    _add_corpus_options(notes)
    notes.add_argument(
        "--orphaned",
        action="store_true",
        help="notes whose event no longer exists in the corpus (kept, never dropped)",
    )

    dates = sub.add_parser("dates", help="show the date mentions found in one file")
    dates.add_argument("file", type=Path, metavar="FILE")
    dates.add_argument(
        "--reference",
        metavar="YYYY-MM-DD",
        help="anchor for relative dates (default: the article's own date)",
    )
    return parser


def _export_formats() -> tuple[str, ...]:
    from timeline.export import EXPORT_FORMATS

    return EXPORT_FORMATS


def _normalize_argv(argv: list[str]) -> list[str]:
    """``timeline`` and ``timeline DIR`` mean ``timeline browse [DIR]``."""
    if not argv:
        return ["browse"]
    first = argv[0]
    if first in COMMANDS or first in ("-h", "--help", "--version"):
        return argv
    return ["browse", *argv]


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
    args = build_parser().parse_args(_normalize_argv(argv))
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
    present = {c for e in corpus.events for c in e.countries}
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
    )


def filtered(
    args: argparse.Namespace, corpus: Corpus, notes: dict | None = None
) -> tuple[list[Event], Filter]:
    """The corpus's events that pass the arguments' filters, chronologically, and the
    filter. With ``--key N``: only the events of the top N stories of each year."""
    starred = frozenset(k for k, info in (notes or {}).items() if info.starred)
    event_filter = build_filter(args, corpus)
    search_ids = None
    if event_filter.search and hasattr(corpus, "search"):
        search_ids = frozenset(corpus.search(event_filter.search))
    titles = {a.file: a.title for a in corpus.articles}
    events = event_filter.apply(corpus.events, starred, search_ids, titles)
    if getattr(args, "key", None):
        events = key_events(events, corpus, args.key)
    return events, event_filter


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
    from timeline.tui.app import run_app

    folder = _corpus_folder(args)
    name = "bundled seeds" if folder is None else (folder.resolve().name or str(folder))
    source = partial(open_corpus, folder, max_bytes=args.max_bytes, no_cache=args.no_cache)
    with open_notes(quiet=True) as notes, raw_output():
        return run_app(Corpus(name=name, articles=[], events=[]), source=source, notes=notes)


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
    present = {c for e in corpus.events for c in e.countries}
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
    print(f"{len(events)} events with a star or a note")
    return 0


def cmd_dates(args: argparse.Namespace) -> int:
    """Print the date mentions of one file with their spans and values."""
    from timeline.extraction.eventdates import article_reference
    from timeline.language.dates import find_dates, numeric_date_order
    from timeline.reading import load_file

    path: Path = args.file
    try:
        mode = path.stat().st_mode  # never opened before it is known to be a regular file
    except OSError:
        raise UsageError(f"no such file: {clean_name(path)}") from None
    if stat.S_ISDIR(mode):
        raise UsageError(f"{clean_name(path)} is a folder; give one file (or 'timeline list DIR')")
    if not stat.S_ISREG(mode):
        raise UsageError(f"not a regular file: {clean_name(path)}")
    article, warnings = load_file(path, path.name)
    for message in warnings:
        _warn(message)
    if article is None:
        return 1
    if args.reference:
        try:
            reference = dt.date.fromisoformat(args.reference)
        except ValueError:
            raise UsageError(f"not a date: {args.reference!r} (use YYYY-MM-DD)") from None
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
    return 0
