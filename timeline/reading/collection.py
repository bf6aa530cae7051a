"""Collections of articles: ``.jsonl``, a ``.json`` list of objects, ``.csv`` with a header.

One article per record, named ``FILE#N`` (N counts records from 1: the
non-blank lines of a JSONL file, the items of a JSON list, the rows under a
CSV header, so a record keeps its name when another one is fixed). The field
names are those of the tools that write such files: news-please
(``maintext``, ``date_publish``, ``source_domain``), newspaper4k
(``publish_date``, ``meta_site_name``, ``canonical_link``), trafilatura's JSON
(``source`` is the URL there, ``source-hostname`` the site), RSS-like
``pubDate`` and NewsAPI (``publishedAt``, ``source: {name}``). A ``.json`` file
holding one object with a text (news-please writes one per article) is one
article named ``FILE``.

A bad record costs one warning naming it (``FILE#N (line L): skipped: ...``);
the other records are read. A file none of whose records can be used, or one
that is no collection at all, is skipped with one warning.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any

from timeline.model import Article
from timeline.reading.decode import DEFAULT_MAX_BYTES, SkipFile, text_of
from timeline.reading.formats import EXPORT_SKIP
from timeline.reading.metadata import iso_date
from timeline.reading.text import compose, parse_article

__all__ = ["DATE_FIELDS", "SOURCE_FIELDS", "TEXT_FIELDS", "read", "record_article"]

#: Where a record's text, title, date, URL and outlet are looked for, in this order (any case).
TEXT_FIELDS = ("text", "body", "content", "maintext")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "published", "date_publish", "pubDate", "publish_date", "publishedAt")
URL_FIELDS = ("url", "canonical_link", "canonical_url", "link")
SOURCE_FIELDS = (
    "source", "sitename", "source_domain", "source-hostname", "meta_site_name", "hostname",
)  # fmt: skip
#: Keys under which a JSON object may wrap its list of records.
_WRAPPERS = ("articles", "items", "records", "results", "documents", "entries", "data")
#: The header a CSV export of timeline starts with.
CSV_EXPORT_HEADER = "id,date,precision,approximate,type,countries"
#: Warnings about single records given for one file before the rest are counted.
MAX_RECORD_WARNINGS = 10

Record = tuple[int, str, Any]  # number, where ("line 7"), the record (or an Exception)


def read(
    data: bytes, rel: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article], list[str]]:
    """The articles of a collection file and the warnings about it."""
    text, note = text_of(data, max_bytes=max_bytes)
    warnings = [f"{rel}: {note}"] if note else []
    low = rel.lower()
    if low.endswith(".jsonl"):
        records: Iterator[Record] | list[Article] = _jsonl_records(text)
    elif low.endswith(".json"):
        records = _json_records(text, rel)
    else:
        records = _csv_records(text, max_bytes)
    if isinstance(records, list):  # one JSON object: one article
        return records, warnings
    articles: list[Article] = []
    problems: list[str] = []
    for n, where, record in records:
        name = f"{rel}#{n}"
        at = f"{name} ({where})" if where else name
        if isinstance(record, Exception):
            problems.append(f"{at}: skipped: {record}")
            continue
        try:
            articles.append(record_article(record, name))
        except SkipFile as exc:
            problems.append(f"{at}: skipped: {exc}")
    if not articles and problems:
        reasons = {p.split(": skipped: ", 1)[1] for p in problems}
        if len(problems) == 1:  # a one-record file: the record is the file
            raise SkipFile(problems[0].split(": ", 1)[1].replace(": skipped: ", ": ", 1))
        if len(reasons) == 1:  # every record failed for one reason: say it once
            raise SkipFile(f"no usable record (all {len(problems)}: {reasons.pop()})")
    warnings += problems[:MAX_RECORD_WARNINGS]
    if len(problems) > MAX_RECORD_WARNINGS:
        warnings.append(f"{rel}: {len(problems) - MAX_RECORD_WARNINGS} more records skipped")
    if not articles:
        raise SkipFile("no records" if not problems else "no usable record")
    return articles, warnings


def record_article(record: Any, name: str) -> Article:
    """One record (a mapping of field names to values) as an article named ``name``.

    Raises :class:`SkipFile` for a record that is not an object, has no text
    field, or whose text is empty or not a string.
    """
    if not isinstance(record, dict):
        raise SkipFile(f"not an object ({_kind(record)})")
    fields = {str(k).lower(): v for k, v in reversed(list(record.items()))}
    body = _text_of(fields)
    title = _first_string(fields, TITLE_FIELDS)
    url = _first_string(fields, URL_FIELDS)
    source = None
    for key in SOURCE_FIELDS:
        value = fields.get(key.lower())
        if isinstance(value, dict):  # NewsAPI: "source": {"id": ..., "name": ...}
            value = value.get("name")
        if not isinstance(value, str) or not value.strip():
            continue
        if re.match(r"(?i)https?://", value.strip()):  # trafilatura's JSON: source is the URL
            url = url or value.strip()
            continue
        source = value.strip()
        break
    date = None
    for key in DATE_FIELDS:
        value = fields.get(key.lower())
        if isinstance(value, dict):  # a database dump: {"$date": ...}
            value = value.get("$date")
        date = iso_date(value)
        if date:
            break
    text = compose(title, body)
    if not text.strip():
        raise SkipFile("empty text")
    meta = {"title": title, "date": date, "url": url, "source": source}
    return parse_article(text, name, meta=meta)


def _text_of(fields: dict[str, Any]) -> str:
    present = False
    for key in TEXT_FIELDS:
        if key not in fields:
            continue
        present = True
        value = fields[key]
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if not isinstance(value, str):
            raise SkipFile(f"its {key!r} is not a string ({_kind(value)})")
        return value.replace("\r\n", "\n").replace("\r", "\n")
    if present:
        raise SkipFile("empty text")
    raise SkipFile(f"no text field (looked for {', '.join(TEXT_FIELDS)})")


def _first_string(fields: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = fields.get(key.lower())
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true or false"}
    if value is None:
        return "null"
    for type_, label in names.items():
        if isinstance(value, type_):
            return label
    return "a number" if isinstance(value, int | float) else type(value).__name__


def _jsonl_records(text: str) -> Iterator[Record]:
    n = 0
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        n += 1
        try:
            record: Any = json.loads(line)
        except (ValueError, RecursionError) as exc:
            record = SkipFile(f"not valid JSON ({_json_error(exc)})")
        if n == 1 and _is_json_export(record):
            raise SkipFile(EXPORT_SKIP)
        yield n, f"line {number}", record


def _json_records(text: str, rel: str) -> Iterator[Record] | list[Article]:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise SkipFile(f"not valid JSON ({_json_error(exc)})") from None
    if _is_json_export(value):
        raise SkipFile(EXPORT_SKIP)
    if isinstance(value, dict):
        keys = {str(k).lower() for k in value}
        if keys & set(TEXT_FIELDS):
            return [record_article(value, rel)]
        for key in _WRAPPERS:
            inner = next((v for k, v in value.items() if str(k).lower() == key), None)
            if isinstance(inner, list) and any(isinstance(item, dict) for item in inner):
                value = inner
                break
        else:
            raise SkipFile(
                f"not an article or a list of articles (a JSON object without "
                f"{', '.join(TEXT_FIELDS)})"
            )
    if not isinstance(value, list):
        raise SkipFile(f"not a list of articles ({_kind(value)})")
    return ((n, "", item) for n, item in enumerate(value, 1))


def _is_json_export(value: Any) -> bool:
    """A JSON export of timeline: ``"generator": "timeline..."``; or, from before that
    marker, the JSON export's ``articles`` and ``events`` or TimelineJS's ``title`` and
    ``events``."""
    if not isinstance(value, dict):
        return False
    generator = value.get("generator")
    if isinstance(generator, str) and generator.lower().startswith("timeline"):
        return True
    return isinstance(value.get("events"), list) and (
        isinstance(value.get("articles"), list) or isinstance(value.get("title"), dict)
    )


def _json_error(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at line {exc.lineno} column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc)


def _csv_records(text: str, max_bytes: int) -> Iterator[Record]:
    first = text.split("\n", 1)[0].lstrip("\ufeff")
    if first.strip().lower().startswith(CSV_EXPORT_HEADER):
        raise SkipFile(EXPORT_SKIP)
    if csv.field_size_limit() < max_bytes:
        csv.field_size_limit(max_bytes)  # an article is one cell: let a whole file be one
    try:
        dialect: Any = csv.Sniffer().sniff(first, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), dialect)
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error):
        raise SkipFile("no CSV header") from None
    names = {h.lower() for h in header}
    if not names & {f.lower() for f in TEXT_FIELDS}:
        shown = ", ".join(h for h in header[:12] if h) or "none"
        raise SkipFile(
            f"no text column (looked for {', '.join(TEXT_FIELDS)}; the columns are {shown})"
        )
    return _csv_rows(reader, header)


def _csv_rows(reader: Any, header: list[str]) -> Iterator[Record]:
    n = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            n += 1
            yield n, f"line {reader.line_num}", SkipFile(f"not valid CSV ({exc})")
            return
        if not any(cell.strip() for cell in row):
            continue
        n += 1
        yield n, f"line {reader.line_num}", dict(zip(header, row, strict=False))
