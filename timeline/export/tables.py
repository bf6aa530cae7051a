"""The JSON and CSV exports: every field of every event, for programs and spreadsheets."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from timeline.export.common import GENERATOR, Context, clean_data, event_record, source_of
from timeline.model import Event
from timeline.textclean import clean_text

#: The CSV columns, in order: every event field of the JSON export, plus the
#: article's title, outlet and address (handy in a spreadsheet, where the articles table is
#: absent).
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "date",
    "precision",
    "approximate",
    "type",
    "countries",
    "inherited_countries",
    "summary",
    "article",
    "article_title",
    "article_source",
    "article_url",
    "sentence",
    "start",
    "end",
    "regions",
    "tier",
    "previous",
    "report_year",
    "previous_years",
    "story",
    "starred",
    "note",
)

#: Separator of list values (countries) inside one CSV cell.
CSV_LIST_SEPARATOR = "; "
#: A CSV cell starting with one of these is read as a formula by spreadsheets (OWASP's list).
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: The byte-order mark a CSV file starts with, so spreadsheets read it as UTF-8 (LibreOffice
#: shows ``–`` as ``â€“`` without it). It is part of the encoding: see ``ExportResult.encoded``.
CSV_BOM = "\ufeff"


def render_json(ctx: Context, events: Sequence[Event]) -> tuple[str, int]:
    """``{generator, corpus, articles, events}``, every string cleaned."""
    data = {
        "generator": GENERATOR,
        "corpus": {"name": ctx.title, "folder": ctx.folder, "generated_with": GENERATOR},
        "articles": [article.to_dict() for article in ctx.articles],
        "events": [event_record(ctx, event) for event in events],
    }
    return json.dumps(clean_data(data), ensure_ascii=False, indent=2) + "\n", len(events)


def csv_guard(cell: str) -> str:
    """``cell`` with a ``'`` before it when a spreadsheet would take it for a formula."""
    return "'" + cell if cell.startswith(CSV_FORMULA_STARTS) else cell


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        text = CSV_LIST_SEPARATOR.join(str(item) for item in value)
    else:
        text = str(value)
    return csv_guard(clean_text(text))


def render_csv(ctx: Context, events: Sequence[Event]) -> tuple[str, int]:
    """The header row, then one row per event (``\\n`` row ends)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in events:
        record = event_record(ctx, event)
        source = source_of(ctx, event)
        record["article_title"] = source.title
        record["article_source"] = source.outlet
        record["article_url"] = source.url
        writer.writerow([_csv_cell(record[column]) for column in CSV_COLUMNS])
    return out.getvalue(), len(events)
