"""The forms an article's own date takes, each with clippings it must and must not date.

:mod:`timeline.reading.articledate` reads these forms; this table is what it
promises. ``tests/test_rule_examples.py`` reads every example with
:func:`timeline.reading.parse_article` and checks the date (and, for a miss,
that the article gets no date, or another one). Add a form here with its
examples when the reader learns it.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["HEADER_FORMS", "HeaderForm"]


class HeaderForm(NamedTuple):
    """One way clippings carry their date: ``(clipping, expected date)`` examples it
    must read, and clippings it must not take a date from (``None``: no date at all)."""

    name: str
    match: tuple[tuple[str, str], ...]
    miss: tuple[tuple[str, str | None], ...] = ()


_BODY = "Police raided three karaoke bars and arrested 12 suspects, officials said."

HEADER_FORMS: tuple[HeaderForm, ...] = (
    HeaderForm(
        "bracketed dateline",
        ((f"Raids in the capital\n\n[6 April 2007] - {_BODY}", "2007-04-06"),),
        ((f"Raids in the capital\n\n{_BODY} [6 April 2007 report]", None),),
    ),
    HeaderForm(
        "date opening the first line",
        ((f"Raids in the capital\n\nJune 25th, 2013: {_BODY}", "2013-06-25"),
         (f"27/06/2011: Cambodia ratifies the convention\n\n{_BODY}", "2011-06-27")),
    ),
    HeaderForm(
        "labelled line",
        (
            (f"Raids in the capital\nPosted on 3 March 2017\n\n{_BODY}", "2017-03-03"),
            (f"Raids in the capital\nPublished: 12/05/2016 | Updated: 13/05/2016\n\n{_BODY}",
             "2016-05-12"),
            (f"Created on Monday, 27 July 2015\nRaids in the capital\n\n{_BODY}", "2015-07-27"),
            (f"Raids in the capital\nPress release 15 June 2010\n\n{_BODY}", "2010-06-15"),
            (f" date 2018-06-29 A caption of the photo\n\nRaids\n\n{_BODY}", "2018-06-29"),
            (f"Raids in the capital\nFri, 07/03/2015 - 14:26\n\n{_BODY}", "2015-07-03"),
        ),
    ),
    HeaderForm(
        "line holding only a date",
        ((f"Raids in the capital\nTuesday, 14 June 2011\n\n{_BODY}", "2011-06-14"),),
    ),
    HeaderForm(
        "wire dateline",
        (
            (f"Raids in the capital\n\nPHNOM PENH, June 3, 2013 (Reuters) - {_BODY}", "2013-06-03"),
            (f"Raids\n\nTUAL, Indonesia, March 10, 2016 (AP) - {_BODY}", "2016-03-10"),
        ),
        ((f"Raids in the capital\n\nPolice said on June 3, 2013 that {_BODY}", None),),
    ),
    HeaderForm(
        "date as a field of a header line",
        (
            (f"Raids in the capital\nBy A. Writer | 5 July 2021 | Labour\n\n{_BODY}", "2021-07-05"),
            (f"THE WEEKEND FEATURE | Saturday 14 December 2019\nRaids\n\n{_BODY}", "2019-12-14"),
        ),
    ),
    HeaderForm(
        "a short line of names and labels around a full date",
        (
            (f"Raids in the capital\n\nThe Bangkok Ledger - Tuesday 28 July 2015\n\n{_BODY}",
             "2015-07-28"),
            (f"Raids\n\nPRESS STATEMENT | Central Visayas Task Force | Cebu City, 21 September "
             f"2022\n\n{_BODY}", "2022-09-21"),
            (f"Raids\n\nPhnom Penh Daily Record - Wednesday, September 21, 2022\n\n{_BODY}",
             "2022-09-21"),
            # The page's tools beside the date are no words of a sentence.
            (f"Raids\n\nXinhua, June 8, 2015 Adjust font size:\n\n{_BODY}", "2015-06-08"),
            (f"Raids\n\nBy Staff | 3 March 2016 | Print this page | Share\n\n{_BODY}",
             "2016-03-03"),
        ),
        ((f"Police raid bars in the capital on 5 May 2014\n\n{_BODY}", None),),
    ),
    HeaderForm(
        "a periodical's issue line",
        ((f"Mekong Monitor\nIssue 76 | April 2016\n\nRaids in the capital\n\n{_BODY}", "2016-04"),),
    ),
    HeaderForm(
        "Markdown front matter",
        ((f"---\ntitle: Raids\ndate: 2014-06-20\n---\n\n{_BODY}", "2014-06-20"),),
    ),
    HeaderForm(
        "labelled line at the foot",
        ((f"Raids in the capital\n\n{_BODY}\n\nPosted on March 3, 2017 by admin", "2017-03-03"),),
    ),
    HeaderForm(
        "a press release's sign-off",
        ((f"Raids in the capital\n\n{_BODY}\n\nMinistry of Interior\n1 July 2016", "2016-07-01"),),
    ),
    HeaderForm(
        "a review of a year (approximate)",
        ((f"THE YEAR IN REVIEW, 2023\n\n{_BODY}", "2023"),),
    ),
    HeaderForm(
        "wire dateline without a year (approximate)",
        ((f"Raids\n\nPHNOM PENH, Oct 4 (Xinhua) -- {_BODY} It was the third raid of 2018.",
          "2018-10-04"),
         (f"Raids\n\nPUTRAJAYA, Feb 9: {_BODY} It was the third raid of 2017.", "2017-02-09"),
         (f"Raids\n\nKUALA LUMPUR (Feb 24): {_BODY} It was the third raid of 2017.",
          "2017-02-24"),
         (f"Raids\n\nHANOI, May 6 -- {_BODY} In May 2014 police rescued a woman.",
          "2015-05-06")),
        ((f"Raids\n\nPolice, Feb 9: {_BODY} It was the third raid of 2017.", None),),
    ),
    HeaderForm(
        "lead naming a publication released on a weekday (approximate)",
        (("Cambodia removed from watch list\n\nCambodia was removed from the watch list in the "
          "annual 2010 Trafficking in Persons report released Monday by the US.", "2010"),),
    ),
    HeaderForm(
        "opening paragraph after a place dateline (approximate)",
        (("Visit\n\nHanoi (VNA) – Vietnam received a Cambodian delegation on November 17, 2022 "
          "to discuss trafficking.", "2022-11-17"),),
    ),
)  # fmt: skip
