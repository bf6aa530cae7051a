"""Word files (``.docx``): the paragraphs and tables of the body, with python-docx.

Page headers and footers are not read. The title and the date come from the
text first, as for a clipping; failing that, from the core properties (the
Title, the creation date marked approximate). A file that is no zip archive,
or whose members would unpack to more than ``--max-bytes``, is refused before
anything is unpacked.
"""

from __future__ import annotations

import io
import zipfile

from timeline.model import Article
from timeline.reading.decode import DEFAULT_MAX_BYTES, SkipFile, size_text
from timeline.reading.metadata import metadata_date
from timeline.reading.text import compose, parse_article

__all__ = ["MAX_MEMBERS", "read"]

#: A Word file has a few dozen parts; many thousands is no Word file.
MAX_MEMBERS = 5000


def read(
    data: bytes, rel: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article], list[str]]:
    """One Word file as one article."""
    _check_archive(data, max_bytes)
    import docx  # heavy: only when a Word file is read
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(document))
        props = document.core_properties
        title, created, modified = props.title, props.created, props.modified
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise SkipFile(f"unreadable Word file ({_short(exc)})") from None
    except Exception as exc:  # noqa: BLE001 - lxml's syntax errors and the like
        raise SkipFile(f"unreadable Word file ({type(exc).__name__})") from None
    text = compose(None, "\n".join(blocks))
    if not text.strip():
        raise SkipFile("no text")
    article = parse_article(
        text,
        rel,
        fallback_title=title or None,
        fallback_date=metadata_date(created or modified),
    )
    return [article], []


def _check_archive(data: bytes, max_bytes: int) -> None:
    """Refuse what is no zip archive, or would unpack beyond ``max_bytes``, before unpacking."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise SkipFile("not a Word file (not a zip archive)") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise SkipFile(f"not a Word file ({len(members)} members in the archive)")
        total = sum(member.file_size for member in members)
        if total > max_bytes:
            raise SkipFile(
                f"unpacks to {size_text(total)}, over the limit of {size_text(max_bytes)}"
                " (refused before unpacking)"
            )
        if "word/document.xml" not in {member.filename for member in members}:
            raise SkipFile("not a Word document (no word/document.xml)")


def _blocks(document):
    """The body's paragraphs and table rows as lines of text, in document order."""
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if value and value not in cells:  # a merged cell repeats itself
                        cells.append(value)
                if cells:
                    yield " | ".join(cells)
        else:
            yield block.text


def _short(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 80 else text[:77] + "..."
