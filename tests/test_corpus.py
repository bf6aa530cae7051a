"""Reading a corpus: decoding, titles, boilerplate, article dates and bad files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from timeline.reading import iter_files, load_file, parse_article, read_corpus
from timeline.reading.decode import decode
from timeline.resources import bundled_seeds_dir

SEEDS = bundled_seeds_dir()


def article(name: str):
    art, warnings = load_file(SEEDS / name, name)
    assert art is not None and warnings == []
    return art


# ----------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    "data, expected",
    [
        ("Café in Phnom Penh".encode(), "Café in Phnom Penh"),
        (b"\xef\xbb\xbf" + "Café".encode(), "Café"),
        ("Café – Thai".encode("utf-16"), "Café – Thai"),
        ("Café “quoted”".encode("cp1252"), "Café “quoted”"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "cp1252"],
)
def test_decodes_the_encodings_articles_come_in(data, expected):
    text, warning = decode(data)
    assert text == expected
    assert warning is None


def test_undecodable_bytes_are_replaced_with_a_warning():
    text, warning = decode(b"caf\xe9 \x81\x8d\x9d")  # bytes no cp1252 knows
    assert "\ufffd" in text
    assert warning and "undecodable" in warning


def test_crlf_line_endings_are_normalised(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Headline here\r\n\r\nThe body text of the article.\r\n")
    art, _ = load_file(tmp_path / "a.txt", "a.txt")
    assert "\r" not in art.text
    assert art.title == "Headline here"


# ----------------------------------------------------------------- titles and boilerplate


@pytest.mark.parametrize(
    "name, title",
    [
        ("000_87005cab2153631f.txt", "Cambodia Offers Best Practices Against Trafficking"),
        ("001_63449bacdb56d68a.txt", "Anti-trafficking efforts rewarded"),
        ("002_03f6af94dca43902.txt", "Governments target trafficking"),
        ("003_ec04f9ea3d0db219.txt", "CAMBODIA: Trafficking clampdown launched"),
        ("004_45407d4b49ffd4f1.txt", "Counter-Trafficking Stakeholder Meeting"),
    ],
)
def test_title_passes_over_page_furniture(name, title):
    assert article(name).title == title


@pytest.mark.parametrize(
    "name, gone, kept",
    [
        ("000_87005cab2153631f.txt", "Exit mobile version", "without corrupt officials"),
        ("001_63449bacdb56d68a.txt", "Ghost Island", "three-quarters were found"),
        ("002_03f6af94dca43902.txt", "friends arrested", "concern the sex trade"),
        ("003_ec04f9ea3d0db219.txt", "hosted by CRIN", "human trafficking watch list"),
    ],
)
def test_trailing_boilerplate_is_cut_from_the_body_but_kept_in_the_text(name, gone, kept):
    art = article(name)
    assert gone not in art.body
    assert gone in art.text
    assert kept in art.body


def test_header_furniture_is_not_body():
    art = article("001_63449bacdb56d68a.txt")
    assert "Login" not in art.body
    assert art.body.lstrip().startswith("The US State Department")


def test_generic_furniture_lines(tmp_path):
    text = (
        "Skip to main content\nMenu | Home | World\nSign in\n\n"
        "Police register 500 new cases\n\nPolice registered 500 new cases of trafficking "
        "in the province last month, officials said on Tuesday.\n\n"
        "Read more\n\nA story about something else entirely with many words in it.\n"
    )
    art = parse_article(text, "x.txt")
    assert art.title == "Police register 500 new cases"
    assert "something else" not in art.body
    assert "officials said" in art.body


def test_article_without_headline_takes_its_opening_words(tmp_path):
    text = "The government of Thailand announced on Monday a new plan to fight trafficking " * 2
    art = parse_article(text, "notitle.txt")
    assert art.title.startswith("The government of Thailand")
    assert art.body_start == 0


# ----------------------------------------------------------------- article dates


@pytest.mark.parametrize(
    "name, date, precision, approximate",
    [
        ("003_ec04f9ea3d0db219.txt", "2007-04-06", "day", False),  # [6 April 2007] - ...
        ("004_45407d4b49ffd4f1.txt", "2013-06-25", "day", False),  # June 25th, 2013: ...
        ("001_63449bacdb56d68a.txt", "2010", "year", True),  # annual 2010 report released Monday
        ("000_87005cab2153631f.txt", None, None, False),
        ("002_03f6af94dca43902.txt", None, None, False),
    ],
)
def test_article_date_of_the_seeds(name, date, precision, approximate):
    art = article(name)
    assert (art.date, art.precision, art.approximate) == (date, precision, approximate)


@pytest.mark.parametrize(
    "header, date",
    [
        ("Headline\n\nPosted on March 3, 2014 by Staff\n\nBody text", "2014-03-03"),
        ("Headline\nPublished: 12 May 2011\nUpdated: 14 May 2011\n\nBody", "2011-05-12"),
        ("Headline\nUpdated 14 May 2011 10:32\n\nBody", "2011-05-14"),
        ("Headline\nReleased on 2 February 2012\n\nBody", "2012-02-02"),
        ("Headline\n\nBy Bernama | Published 24 Feb 2023, 6:42 pm\n\nBody text.", "2023-02-24"),
        ("Headline\n\n2019-02-11 The ministry said on Monday that it would act.", "2019-02-11"),
        ("Headline\n\nFeb 2, 2012 The ministry said on Monday that it would act.", "2012-02-02"),
        ("Headline\n\nTuesday, 14 June 2011\n\nThe ministry said it would act.", "2011-06-14"),
        ("Headline\n\nPHNOM PENH, June 3, 2013 (Reuters) - Police said.", "2013-06-03"),
        ("---\ntitle: Front\ndate: 2015-08-01\n---\nHeadline\n\nBody text here.", "2015-08-01"),
    ],
)
def test_article_date_header_forms(header, date):
    assert parse_article(header, "a.md").date == date


def test_front_matter_title_source_and_url():
    text = '---\ntitle: "Given title"\nsource: Daily\nurl: https://x.example/a\n---\nOther\n\nBody.'
    art = parse_article(text, "a.md")
    assert (art.title, art.source, art.url) == ("Given title", "Daily", "https://x.example/a")
    assert "title:" not in art.body


def test_dates_in_the_body_are_not_the_article_date():
    text = "Headline\n\nThe law was passed in 2008 and amended on 3 May 2010 by parliament.\n"
    assert parse_article(text, "a.txt").date is None


# ----------------------------------------------------------------- bad input


def test_bad_files_are_skipped_with_one_warning_each(tmp_path):
    (tmp_path / "good.txt").write_text("Headline\n\nPolice arrested ten people in 2012.\n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n \n")
    (tmp_path / "big.txt").write_bytes(b"a" * 2000)
    (tmp_path / "ignored.odt").write_bytes(b"PK\x03\x04")
    warnings: list[str] = []
    articles = read_corpus(tmp_path, max_bytes=1000, warn=warnings.append)
    assert [a.file for a in articles] == ["good.txt"]
    assert sorted(warnings) == [
        "big.txt: skipped: too large (2 kB, limit 1 kB)",
        "binary.txt: skipped: binary file (NUL bytes)",
        "blank.md: skipped: empty file",
        "empty.txt: skipped: empty file",
    ]


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads all")
def test_unreadable_file_is_skipped(tmp_path):
    (tmp_path / "secret.txt").write_text("Headline\n\nText.")
    (tmp_path / "secret.txt").chmod(0)
    warnings: list[str] = []
    assert read_corpus(tmp_path, warn=warnings.append) == []
    assert warnings == ["secret.txt: skipped: unreadable (permission denied)"]


def test_unreadable_file_is_skipped_even_as_root(tmp_path, monkeypatch):
    (tmp_path / "secret.txt").write_text("Headline\n\nText.")
    real_open = os.open

    def deny(path, *args, **kwargs):
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("timeline.reading.decode.os.open", deny)
    art, warnings = load_file(tmp_path / "secret.txt", "secret.txt")
    assert art is None
    assert warnings == ["secret.txt: skipped: unreadable (permission denied)"]


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_symlink_loops_and_folders_named_txt(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Headline\n\nSome text.")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)  # a folder loop
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")  # a file loop
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "folder.txt" / "b.md").write_text("Other\n\nMore text.")
    warnings: list[str] = []
    names = [a.file for a in read_corpus(tmp_path, warn=warnings.append)]
    assert names == ["folder.txt/b.md", "sub/a.txt"]
    assert warnings == ["self.txt: skipped: symbolic link loop"]


def test_files_are_read_in_a_stable_recursive_order(tmp_path):
    for name in ["b.txt", "a.md", "z/c.txt", "z/a.txt", ".hidden.txt"]:
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text("x")
    assert [rel for _, rel in iter_files(tmp_path)] == ["a.md", "b.txt", "z/a.txt", "z/c.txt"]


def test_seeds_ship_with_the_package():
    assert sorted(p.name for p in Path(SEEDS).glob("*.txt")) == sorted(
        p.name for p in (Path(__file__).parent.parent / "seeds").glob("*.txt")
    )


def test_browser_copied_page_with_navigation_cookies_and_share_row():
    text = (
        "Skip to main content\nAsia Monitor | UK edition\n"
        "Home  News  Asia  Investigations  Opinion  Video  Subscribe\n"
        "We use cookies to give you the best experience on our website. By continuing to "
        "browse you agree to our use of cookies. Find out more | Accept and close\n\n"
        "News > Asia > Migration\n\n"
        "A year after the boat crisis, smugglers regroup on the coast\n\n"
        "By A. Writer\nPublished: 12/05/2016 | Last updated: 13/05/2016 09:12 BST\n"
        "Share on Facebook | Share on Twitter | Print\n\n"
        "In May last year, thousands of migrants were abandoned at sea by smugglers.\n\n"
        "Police filed 207 cases in 2015, officials said.\n"
    )
    art = parse_article(text, "page.txt")
    assert art.title == "A year after the boat crisis, smugglers regroup on the coast"
    assert art.date == "2016-05-12"  # day first, as the page's unambiguous date shows
    assert "Police filed 207 cases" in art.body
    assert "cookies" not in art.body


def test_article_date_from_a_footer_line():
    text = (
        "Fourteen years on, the fight goes on\n\n"
        "MANILA - Courts convicted 55 traffickers last year, the council said.\n\n"
        "Tags: Philippines, trafficking\n\n"
        "Posted on March 3, 2017 by A. Writer in Features | 3 Comments\n"
    )
    art = parse_article(text, "feature.txt")
    assert art.date == "2017-03-03"
    # A header date still wins over a footer's.
    assert parse_article("Headline\nPublished 2 May 2016\n\n" + text, "b.txt").date == "2016-05-02"


def test_mastheads_and_section_labels_are_not_the_headline():
    text = (
        "THE YANGON LEDGER\n\nNews | Regions | Nation | Opinion\n\nNATIONAL\n\n"
        "Scam compound returnees cross at Myawaddy\n\nHome / Interviews\n\n"
        "By A. Writer\nTuesday, 14 November 2023\n\n"
        "YANGON — Myanmar authorities on Sunday received 266 nationals, officials said.\n"
    )
    art = parse_article(text, "ledger.txt")
    assert art.title == "Scam compound returnees cross at Myawaddy"
    assert art.date == "2023-11-14"
    # A date line above the headline still dates the article.
    release = (
        "FOR IMMEDIATE RELEASE\n2016-11-08\n\nBorder interceptions rise sharply, "
        "group finds\n\nKATHMANDU — Counsellors intercepted 1,998 women this year.\n"
    )
    art = parse_article(release, "release.txt")
    assert (art.title, art.date) == ("Border interceptions rise sharply, group finds", "2016-11-08")


def test_a_review_of_a_year_is_of_that_year():
    text = (
        "TRAFFICKING WATCH: THE YEAR IN REVIEW, 2023\n\n"
        "Scam compounds and a slow turn in policy\n\n"
        "January\n\nIn January, Thailand's cabinet endorsed a new national action plan.\n"
    )
    art = parse_article(text, "review.txt")
    assert (art.date, art.precision, art.approximate) == ("2023", "year", True)


def test_a_yearless_wire_dateline_takes_the_year_the_story_names():
    text = (
        "Cambodia jails 3 for trafficking\n\nPHNOM PENH, Oct 4 (Xinhua) -- A court on Thursday "
        "sentenced three people for trafficking women to China.\n\nAuthorities handled 68 "
        "cases in the first nine months of 2018.\n"
    )
    art = parse_article(text, "xinhua.txt")
    assert (art.date, art.precision, art.approximate) == ("2018-10-04", "day", True)


def test_more_date_lines_of_real_sites():
    # Viet Nam News prints "Update: July, 30/2020 - 08:12" under the headline.
    text = "Society\n\nEvery girl has a future\n\nUpdate: July, 30/2020 - 08:12\n\nQ: How many?\n"
    assert parse_article(text, "vns.txt").date == "2020-07-30"
    # A press release signed off with its date alone on the last line.
    release = (
        "Press release\n\nThailand welcomes the report\n\n1. The Government welcomes the "
        "upgrade announced on Thursday.\n\nMinistry of Foreign Affairs\nDepartment of "
        "Information\n1 July 2016\n"
    )
    assert parse_article(release, "mfa.txt").date == "2016-07-01"
    # A yearless wire dateline skips years named as plans.
    wire = (
        "Laos steps up\n\nVIENTIANE, June 5 (Xinhua) -- Police investigated 38 cases from "
        "January to May 2018. Laos will host a meeting by 2025.\n"
    )
    assert parse_article(wire, "xinhua.txt").date == "2018-06-05"


def test_a_periodicals_issue_line_dates_it_to_the_month():
    text = (
        "MEKONG MIGRATION MONITOR\nMonthly news digest\nIssue 76 | April 2016\n\n"
        "JANUARY\n\nLAOS - New law promulgated\nThe law was promulgated this month.\n"
    )
    art = parse_article(text, "monitor.txt")
    assert (art.date, art.precision) == ("2016-04", "month")


# ----------------------------------------------------------------- what the walk never does


def _finishes(fn, seconds: float = 30.0):
    """Run ``fn`` in a thread; its result, or a failure if it is still running after ``seconds``."""
    import threading

    box: dict = {}

    def run():
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s (hangs?)"
    if "error" in box:
        raise box["error"]
    return box["value"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_a_fifo_and_a_link_to_stdin_are_skipped_not_opened(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text("Headline\n\nPolice arrested ten people in 2012.\n")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "stdin.txt").symlink_to("/dev/stdin")
    read_end, write_end = os.pipe()  # stdin is a pipe nobody writes to: reading it blocks
    saved = os.dup(0)
    os.dup2(read_end, 0)
    try:
        warnings: list[str] = []
        articles = _finishes(lambda: read_corpus(tmp_path, warn=warnings.append))
    finally:
        os.dup2(saved, 0)
        for fd in (saved, read_end, write_end):
            os.close(fd)
    assert [a.file for a in articles] == ["good.txt"]
    assert sorted(warnings) == [
        "pipe.txt: skipped: not a regular file (a named pipe)",
        "stdin.txt: skipped: not a regular file (a named pipe)",
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs")
def test_the_index_never_opens_a_fifo(tmp_path):
    from timeline.store import open_corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Headline\n\nPolice arrested ten people in 2012.\n")
    os.mkfifo(corpus / "pipe.txt")
    opened = _finishes(lambda: open_corpus(corpus, cache_dir=tmp_path / "cache"))
    assert [a.file for a in opened.articles] == ["good.txt"]
    assert any(w.startswith("pipe.txt: skipped: not a regular file") for w in opened.warnings)
    again = _finishes(lambda: open_corpus(corpus, cache_dir=tmp_path / "cache"))
    assert again.report.unchanged == 2


def test_a_thousand_nested_folders_are_walked(tmp_path):
    deep = tmp_path
    for _ in range(1200):  # os.makedirs would recurse too deep itself
        deep = deep / "d"
        deep.mkdir()
    (deep / "a.txt").write_text("Headline\n\nText.")
    try:
        found = [rel for _, rel in iter_files(tmp_path)]
        assert found == ["d/" * 1200 + "a.txt"]
    finally:  # bottom up: shutil.rmtree (pytest's clean-up) recurses as deep as the tree
        (deep / "a.txt").unlink()
        while deep != tmp_path:
            deep.rmdir()
            deep = deep.parent


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_links_to_the_root_or_to_proc_are_not_followed(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\nText.")
    (tmp_path / "everything").symlink_to("/")
    (tmp_path / "parent").symlink_to(tmp_path.parent)
    if os.path.isdir("/proc/self"):
        (tmp_path / "proc").symlink_to("/proc")
    warnings: list[str] = []
    found = _finishes(lambda: [rel for _, rel in iter_files(tmp_path, warnings.append)], 20)
    assert found == ["a.txt"]
    assert any(w.startswith("everything: skipped link") for w in warnings)
    assert any(w.startswith("parent: skipped link") for w in warnings)
    if os.path.isdir("/proc/self"):
        assert any(w.startswith("proc: skipped folder: a virtual file system") for w in warnings)
    assert len(warnings) == (3 if os.path.isdir("/proc/self") else 2)


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="Linux /proc")
def test_corpus_proc_says_so_once_and_finishes(tmp_path):
    import subprocess
    import time

    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "list", "--corpus", "/proc"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "TIMELINE_CACHE_DIR": str(tmp_path / "c"),
             "TIMELINE_DATA_DIR": str(tmp_path / "d")},
        timeout=120,
    )  # fmt: skip
    assert time.monotonic() - started < 60
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "virtual file system" in line]
    assert len(lines) == 1, result.stderr


def test_a_saved_pages_files_folder_is_not_walked(tmp_path):
    (tmp_path / "Story.html").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "Story_files").mkdir()
    (tmp_path / "Story_files" / "widget.html").write_text("<html></html>")
    (tmp_path / "case_files").mkdir()  # no page of that name: a folder like any other
    (tmp_path / "case_files" / "note.txt").write_text("Headline\n\nText.")
    assert [rel for _, rel in iter_files(tmp_path)] == ["Story.html", "case_files/note.txt"]


def test_utf8_with_one_stray_byte_stays_utf8_with_a_warning():
    text, warning = decode("Café in Phnom Penh, 2012 – a raid ".encode() + b"\xff" + b" end")
    assert text == "Café in Phnom Penh, 2012 – a raid \ufffd end"
    assert warning and "undecodable" in warning and "1 place" in warning


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="byte file names")
def test_file_names_that_are_not_utf8_are_walked_and_read(tmp_path):
    raw = os.fsencode(tmp_path) + b"/bad\xff\xfename.txt"
    with open(raw, "wb") as handle:
        handle.write(b"Raid in Laos\n\nPolice arrested ten people in 2012.\n")
    warnings: list[str] = []
    articles = read_corpus(tmp_path, warn=warnings.append)
    assert warnings == []
    assert [a.file for a in articles] == ["bad\udcff\udcfename.txt"]
    assert os.fsencode(tmp_path / articles[0].file) == raw  # the real bytes, to reopen it
    assert articles[0].title == "Raid in Laos"


def test_header_dates_other_sites_write() -> None:
    """Issue 16: a press release's label, a weekday that settles a numeric date's order, and a
    yearless dateline closed by a colon."""
    body = "Police raided three karaoke bars and arrested 12 suspects, officials said."
    assert parse_article(f"Raids\nPress release 15 June 2010\n\n{body}", "a.txt").date == (
        "2010-06-15"
    )
    assert parse_article(f"Raids\nFri, 07/03/2015 - 14:26\n\n{body}", "a.txt").date == (
        "2015-07-03"
    )
    wire = parse_article(f"Raids\n\nPUTRAJAYA, Feb 9: {body} The third raid of 2017.", "a.txt")
    assert (wire.date, wire.approximate) == ("2017-02-09", True)
