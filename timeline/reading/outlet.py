"""The outlet a clipping names beside its date: a wire's credit, a masthead on the date line.

A plain-text clipping has no metadata, but its date line often names who
published it: ``BANGKOK, June 20, 2014 (Reuters) -``, ``The Bangkok Ledger -
Tuesday 28 July 2015``, ``8 July 2014 | Labour Rights Watch Mekong blog``.
:func:`outlet_near` reads the line of the article's own date for that name.
It errs towards saying nothing: a dateline's city (``BANGKOK -``, ``Hat Yai,``),
a label (``Posted``, ``Press release``, ``By Aisha Rahman``) or a time
(``| Updated 12:40``) is no outlet. ``OUTLET_FORMS`` lists the forms with the
lines each must and must not read; ``tests/test_rule_examples.py`` walks them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from timeline.reading.boilerplate import DATE_LABELS

__all__ = ["OUTLET_FORMS", "OutletForm", "outlet_near"]


class OutletForm(NamedTuple):
    """One place a date line names its outlet: ``(line, outlet)`` examples it must read
    (the date in ``[...]``) and lines it must not take an outlet from."""

    name: str
    match: tuple[tuple[str, str], ...]
    miss: tuple[str, ...] = ()


OUTLET_FORMS: tuple[OutletForm, ...] = (
    OutletForm(
        "wire credit after the dateline",
        (
            ("BANGKOK, [June 20, 2014] (Reuters) - The United States", "Reuters"),
            ("KUALA LUMPUR, [Nov 23, 2015] (Asia Pacific Newswire) -", "Asia Pacific Newswire"),
            ("JAKARTA, [Feb. 3, 2020] (Xinhua) -- Indonesian police", "Xinhua"),
        ),
        ("[December 16, 2007] | 20:15 (GMT+7)", "(Bangkok, [July 1, 2016])—Myanmar"),
    ),
    OutletForm(
        "no outlet: a short first sentence on the date line",
        (),
        ("[6 April 2007] - Police raided three bars.", "[6 April 2007] - Raids continue."),
    ),
    OutletForm(
        "masthead before the date",
        (
            ("The Bangkok Ledger - [Tuesday 28 July 2015]", "The Bangkok Ledger"),
            ("Cambodia Daily | [18 January 2016]", "Cambodia Daily"),
            ("KhmerTimes-[Aug 12, 2024]", "KhmerTimes"),
        ),
        (
            "BANGKOK - [20 June 2014]",
            "Bangkok, [28 July 2015]",
            "Posted on [21 November 2015]",
            "By Aisha Rahman | [5 July 2021] | Labour Migration, Malaysia | 3 comments",
            "Press release | Bangkok | [Thursday, 12 July 2018]",
            "Issue 76 | [April 2016]",
        ),
    ),
    OutletForm(
        "masthead after the date",
        (
            ("[8 July 2014] | Labour Rights Watch Mekong blog", "Labour Rights Watch Mekong blog"),
            ("Hat Yai, [Thursday 20 July 2017] - The Hat Yai Chronicle", "The Hat Yai Chronicle"),
        ),
        (
            "Published on [14 Mar 2018] | Updated 12:40",
            "[Jul 21, 2022] / 18:41",
            "Posted on [July 4, 2016] by Sophie Marchand | 3 Comments",
        ),
    ),
)

# A name: capitalised words (an article "the" may lead), no digits, no commas or colons.
_NAME = r"(?:[Tt]he\s+)?[A-Z][\w'’&.]*(?:[ \t]+(?:[\w'’&.]+|&)){0,5}"
_SEP = r"(?:[-–—|]+)"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?[ \t]*)?"
# "(Reuters) -" right after the date.
_CREDIT_AFTER = re.compile(r"[ \t]*\((?P<name>[A-Za-z][^()\d\n]{1,39})\)[ \t]*(?:[-–—:]|$)")
# "The Bangkok Ledger - [date]" (a weekday may stand before the date).
_MASTHEAD_BEFORE = re.compile(rf"^[ \t]*(?P<name>{_NAME}?)[ \t]*{_SEP}[ \t]*{_WEEKDAY}$")
# "[date] | Labour Rights Watch Mekong blog".
_MASTHEAD_AFTER = re.compile(rf"^[ \t]*{_SEP}[ \t]*(?P<name>{_NAME})[ \t]*$")
# Words that label a date line rather than name who published it: the date labels, and
# the by-line's, the and a statement's.
_LABELS = frozenset(word for label in DATE_LABELS for form in label for word in form.split()) | {
    "by", "issue", "statement", "for", "immediate", "home", "opinion", "modified",
}  # fmt: skip


def _outlet(name: str, capitals: bool = False) -> str | None:
    """``name`` when it can be an outlet's name, else None; ``capitals``: a name in capital
    letters may be one (a wire's credit, "(AFP)"), where elsewhere it is a dateline's city."""
    if name.rstrip().endswith("."):
        return None  # "[6 April 2007] - Police raided bars.": a sentence, not a name
    name = " ".join(name.split())
    words = name.split()
    if not words or len(name) > 50 or any(ch.isdigit() for ch in name):
        return None
    if name.isupper() and not capitals:
        return None  # "BANGKOK - 20 June": a dateline
    if words[0].lower() in _LABELS or words[-1].lower() in _LABELS:
        return None
    return name


def outlet_near(text: str, span: tuple[int, int]) -> str | None:
    """The outlet named on the line of the date at ``span``, or None."""
    start, end = span
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    credit = _CREDIT_AFTER.match(after)
    if credit:
        return _outlet(credit["name"], capitals=True)
    found = _MASTHEAD_BEFORE.match(before) or _MASTHEAD_AFTER.match(after)
    return _outlet(found["name"]) if found and found["name"] else None
