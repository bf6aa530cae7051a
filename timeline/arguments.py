"""The command line's arguments: every subcommand, its options and their checks.

The commands themselves are in :mod:`timeline.cli`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from timeline import __version__
from timeline.model import EVENT_TYPES
from timeline.reading import DEFAULT_MAX_BYTES

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
        help='search the events\' sentences: whole words, "a phrase", '
        "prefix*, OR, NOT, (brackets); any case",
    )
    group.add_argument(
        "--in-article",
        action="store_true",
        help="--search matches an event when its article's text matches too",
    )
    group.add_argument("--starred", action="store_true", help="only starred events")
    group.add_argument(
        "--key",
        metavar="N",
        type=_positive_int,
        default=0,
        help="key events: only the N stories of each year told by the most sources",
    )


def _corpus_command(sub, name: str, help: str) -> argparse.ArgumentParser:
    """A subcommand that reads a corpus: the folder as ``DIR`` and the corpus options."""
    command = sub.add_parser(name, help=help)
    command.add_argument("folder", nargs="?", type=Path, metavar="DIR", help="corpus folder")
    _add_corpus_options(command)
    return command


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

    _corpus_command(sub, "browse", "open the timeline browser (the default)")

    listing = _corpus_command(sub, "list", "print the events as a table")
    _add_filter_options(listing)

    export = _corpus_command(sub, "export", "write the events as JSON (and other formats)")
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

    index = _corpus_command(sub, "index", "build or update a corpus's index and say what it did")
    index.add_argument("--clear", action="store_true", help="remove this corpus's index")

    tiers = _corpus_command(sub, "tiers", "each country's TIP tier by report year")
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

    notes = _corpus_command(sub, "notes", "list starred events and notes")
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


def normalize_argv(argv: list[str]) -> list[str]:
    """``timeline`` and ``timeline DIR`` mean ``timeline browse [DIR]``."""
    if not argv:
        return ["browse"]
    first = argv[0]
    if first in COMMANDS or first in ("-h", "--help", "--version"):
        return argv
    return ["browse", *argv]
