"""Hostile input: a folder holding everything that can go wrong, through list and every export.

Good files give their events, each bad file gives one warning line, nothing
raises, and markup in articles stays text.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import BAD, GOOD, MANY, build_hostile_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safety import forbidden_in

from timeline.export import EXPORT_FORMATS, render
from timeline.extraction.extract import extract_events
from timeline.reading import parse_article
from timeline.reading.decode import decode, normalize_text
from timeline.reading.formats import READERS, read_articles

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    return build_hostile_corpus(tmp_path_factory.mktemp("hostile"))


def timeline(*argv: str, env_dirs: Path) -> subprocess.CompletedProcess:
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "TIMELINE_CACHE_DIR": str(env_dirs / "cache"),
        "TIMELINE_DATA_DIR": str(env_dirs / "data"),
    }
    return subprocess.run(
        [sys.executable, "-m", "timeline", *argv],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=600,
    )


@pytest.fixture(scope="module")
def listed(hostile, tmp_path_factory):
    dirs = tmp_path_factory.mktemp("dirs")
    started = time.monotonic()
    result = timeline("list", "--corpus", str(hostile), env_dirs=dirs)
    return result, time.monotonic() - started, dirs


def test_list_survives_and_good_files_give_their_events(listed):
    result, seconds, _ = listed
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    for phrase in GOOD.values():
        assert phrase in result.stdout
    assert result.stdout.count("Police arrested") >= MANY  # the 10,000 one-line files
    print(f"hostile corpus listed in {seconds:.1f} s")


def test_each_bad_file_gives_exactly_one_warning_line(listed):
    result, _, _ = listed
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert all(line.startswith("timeline: warning: ") for line in warnings), warnings
    for name, reason in BAD.items():
        mine = [line for line in warnings if f": {name}: " in line or f" {name}: " in line]
        assert len(mine) == 1, (name, warnings)
        assert reason in mine[0]
    assert any("invalid-utf8.txt" in line and "undecodable" in line for line in warnings)
    # + the lossy decode, + the binary file with an escape in its name, + the unreadable
    # file (not when run as root)
    assert len(warnings) <= len(BAD) + 3
    (escaped,) = [line for line in warnings if line.startswith("timeline: warning: evil")]
    assert escaped == "timeline: warning: evil.txt: skipped: binary file (NUL bytes)"


def test_markup_and_escapes_stay_text_in_the_output(listed):
    result, _, _ = listed
    assert "[@click=app.quit]" not in result.stdout or "Police arrested 3" in result.stdout
    # no escape sequence, control or bidi character reaches the terminal
    assert forbidden_in(result.stdout) == [] and forbidden_in(result.stderr) == []
    assert "pwned" not in result.stdout + result.stderr
    assert "index is damaged" not in result.stderr  # the undecodable name is indexed


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_export_runs_on_the_hostile_corpus(listed, hostile, fmt, tmp_path):
    _, _, dirs = listed
    target = tmp_path / f"out.{fmt}"
    result = timeline(
        "export", "--format", fmt, "--corpus", str(hostile), "-o", str(target), env_dirs=dirs
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    text = target.read_text(encoding="utf-8")
    assert "Vietnam signed the convention" in text
    assert forbidden_in(text, crlf=fmt == "ics") == []
    if fmt == "json":
        data = json.loads(text)
        assert len(data["events"]) >= MANY


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.one_of(st.binary(max_size=600), st.text(max_size=600).map(lambda t: t.encode())))
def test_random_bytes_through_the_whole_pipeline(data):
    try:
        text, _ = decode(data)
    except Exception as exc:  # only the documented skip is allowed
        assert type(exc).__name__ == "SkipFile"
        return
    article = parse_article(normalize_text(text), "random.txt")
    events = extract_events(article)
    for e in events:
        assert article.text[e.start : e.end] == e.sentence
    for fmt in EXPORT_FORMATS:
        render(fmt, [article], events)


def _valid_documents() -> dict[str, bytes]:
    """One good file of each binary format, for the mutation test below."""
    from test_formats_fixtures import SEEDS, pdf_document, seeds, word_document  # noqa: F401

    seed = seeds()[3]
    return {".pdf": pdf_document(seed), ".docx": word_document(seed)}


_DOCUMENTS = _valid_documents()
_TEXTS = st.text(max_size=300)
_RECORD = st.dictionaries(
    st.sampled_from(["text", "body", "maintext", "title", "date", "url", "source", "x"]),
    st.one_of(_TEXTS, st.integers(), st.none(), st.lists(_TEXTS, max_size=2)),
    max_size=5,
)
_CONTENT = st.one_of(
    st.binary(max_size=800),
    _TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")),
    _TEXTS.map(lambda t: f"<html><body><article><p>{t}</p></article></body></html>".encode(
        "utf-8", "surrogatepass")),
    st.lists(_RECORD, max_size=4).map(
        lambda rs: "\n".join(json.dumps(r) for r in rs).encode("utf-8", "surrogatepass")),
    st.lists(_RECORD, max_size=4).map(lambda rs: json.dumps(rs).encode("utf-8", "surrogatepass")),
)  # fmt: skip


def _check_reader_output(articles, warnings, rel: str) -> None:
    for line in warnings:
        assert "\n" not in line and line.split(":", 1)[0].startswith(rel)
    for article in articles:
        assert article.file == rel or article.file.startswith(rel + "#")
        for e in extract_events(article):
            assert article.text[e.start : e.end] == e.sentence


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.sampled_from(sorted(READERS)), _CONTENT)
def test_random_files_of_every_format_give_articles_or_one_warning(suffix, data):
    rel = f"random{suffix}"
    articles, warnings = read_articles("/nonexistent", rel, data=data)
    if not articles:
        assert len(warnings) == 1 and f"{rel}: skipped: " in warnings[0]
    _check_reader_output(articles, warnings, rel)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(_DOCUMENTS)),
    st.integers(min_value=0, max_value=10_000),
    st.binary(min_size=1, max_size=200),
    st.booleans(),
)
def test_damaged_pdfs_and_word_files_never_raise(suffix, at, junk, cut):
    good = _DOCUMENTS[suffix]
    at %= len(good)
    data = good[:at] if cut else good[:at] + junk + good[at + len(junk) :]
    rel = f"damaged{suffix}"
    articles, warnings = read_articles("/nonexistent", rel, data=data)
    if not articles:
        assert len(warnings) >= 1 and f"{rel}: skipped: " in warnings[-1]
    _check_reader_output(articles, warnings, rel)
