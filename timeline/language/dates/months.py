"""The month family: ``6 April 2007``, ``June 25th, 2013``, ``May 2010``, ``Tuesday, 14
June 2011``, ``12 May``, ``in March``, ``early December``, ``July, 30/2020``."""

from __future__ import annotations

from timeline.language.dates import grammar as g
from timeline.language.dates.finder import Finder, next_word, prev_tokens
from timeline.language.dates.mention import (
    PRIORITY_ABSOLUTE,
    PRIORITY_BARE,
    DateExample,
)
from timeline.language.lexicon import MONTH_PREFIXES, month_number

__all__ = ["EXAMPLES", "find_months"]

#: What the family must read (reference: Tuesday 25 June 2013), and must not.
EXAMPLES: tuple[DateExample, ...] = (
    DateExample("It happened on 6 April 2007 in Phnom Penh.", (("6 April 2007", "2007-04-06"),)),
    DateExample("It was signed April 6, 2007, by both sides.", (("April 6, 2007", "2007-04-06"),)),
    DateExample("June 25th, 2013: The United Nations hosted", (("June 25th, 2013", "2013-06-25"),)),
    DateExample("Talks opened Feb. 2, 2012 in Hanoi.", (("Feb. 2, 2012", "2012-02-02"),)),
    DateExample(
        "Published Tuesday, 14 June 2011 by staff", (("Tuesday, 14 June 2011", "2011-06-14"),)
    ),
    DateExample("a summit held 6-8 April 2007 in Manila", (("6-8 April 2007", "2007-04-06"),)),
    DateExample("Update: July, 30/2020 - 08:12", (("July, 30/2020", "2020-07-30"),)),
    DateExample("The deal of 31 February 2012 was void.", (("31 February 2012", "2012-02"),)),
    DateExample("The task force met in May 2010 in Hanoi.", (("May 2010", "2010-05"),)),
    DateExample("Talks resumed in mid-March 2011.", (("mid-March 2011", "2011-03"),)),
    DateExample("The meeting was held in March.", (("March", "2013-03"),)),
    DateExample("The law was signed on 12 May.", (("12 May", "2013-05-12"),)),
    DateExample("They met last October in Bangkok.", (("last October", "2012-10"),)),
    DateExample("They will meet next March in Bangkok.", (("next March", "2014-03"),)),
    DateExample("It was agreed in May last year.", (("May last year", "2012-05"),)),
    DateExample("The raids came in October.", (("October", "2012-10"),)),
    # "proposed" as an attribute looks ahead; as a verb it is past.
    DateExample("They backed the proposed court in October.", (("October", "2013-10"),)),
    DateExample("He proposed a new court in October.", (("October", "2012-10"),)),
    DateExample(
        "From January to June 2021 cases rose.", (("January", "2021-01"), ("June 2021", "2021-06"))
    ),
    DateExample(
        "In March, April and May 2019 the rate fell.",
        (("March", "2019-03"), ("April", "2019-04"), ("May 2019", "2019-05")),
    ),
    DateExample("It was signed in March.", (("March", None),), reference=None),
    # A year named just before, or the story's year when there is no reference.
    DateExample(
        "its 2018 trafficking report released on 28 June",
        (("2018", "2018"), ("28 June", "2018-06-28")),
    ),
    DateExample(
        "In June 2019 it was said the report would come in early September.",
        (("June 2019", "2019-06"), ("early September", "2019-09")),
        reference=None,
    ),
    DateExample(
        "Police in 2012 made 300 arrests. In July, a crackdown on brothels.",
        (("2012", "2012"), ("July", "2012-07")),
        reference="2013-03-22",
    ),
    DateExample(
        "A plan covering 2021-2025 was launched in March.",
        (("2021", "2021"), ("2025", "2025"), ("March", "2013-03")),
    ),
    # Not months: the modal, a name, a count.
    DateExample("Officials may meet again.", ()),
    DateExample("Police may be asked to help.", ()),
    DateExample("It was written by June Smith.", ()),
    DateExample("In May 2000 people marched.", (("May", "2013-05"),)),
    DateExample("The Jan report was late.", ()),
)


def find_months(f: Finder) -> None:
    """Add every date mention built around a month name."""
    text = f.text
    last_bare_end = -1
    for m in g.MONTH_WORD_RE.finditer(text):
        f.work += 1
        ms, me = m.span()
        if ms and (text[ms - 1].isalnum() or text[ms - 1] in "_/\\@#"):
            continue
        word = m.group()
        month = month_number(word)
        abbreviated = word.lower() not in g.FULL_MONTH_NAMES
        dot_end = me + 1 if abbreviated and text.startswith(".", me) else me
        before = g.DAY_BEFORE_RE.search(text, max(0, ms - 24), ms)
        if before:
            tail = g.YEAR_AFTER_RE.match(text, me)
            year = tail.group("y") if tail else None
            end = tail.end() if tail else dot_end
            if f.dated(before.start(), end, month, int(before.group("d")), year):
                opening = g.DAY_RANGE_START_RE.search(
                    text, max(0, before.start() - 32), before.start()
                )
                if opening:  # "from 3 to 5 May": the year is settled with the range
                    d_start, d_end = opening.span("d")
                    day = int(opening.group("d"))
                    f.add_month_day(d_start, d_end, PRIORITY_ABSOLUTE, month, day)
                continue
        slashed = g.DAY_SLASH_YEAR_RE.match(text, dot_end)
        if slashed and f.dated(
            ms, slashed.end(), month, int(slashed.group("d")), slashed.group("y")
        ):
            continue  # "July, 30/2020 - 08:12" (a Vietnamese site's form)
        after = g.DAY_AFTER_RE.match(text, me)
        if after and f.dated(ms, after.end(), month, int(after.group("d")), after.group("y")):
            continue
        tail = g.YEAR_AFTER_RE.match(text, me)
        if tail:
            mod = g.MOD_BEFORE_RE.search(text, max(0, ms - 8), ms)
            start = ms
            if mod and mod.group("mod").lower() in ("early", "late", "mid"):
                start = mod.start()
            if f.dated(start, tail.end(), month, None, tail.group("y")):
                continue
        in_range = bool(
            g.MONTH_RANGE_NEXT_RE.match(text, dot_end)
            or (f.dated_end >= 0 and g.MONTH_RANGE_PREV_RE.fullmatch(text, f.dated_end, ms))
        )
        if abbreviated and dot_end == me and not in_range:
            continue  # a bare "Jan" or "Mar" is too often something else
        if _bare_month(f, ms, dot_end, word, last_bare_end, in_range):
            last_bare_end = dot_end


def _bare_month(f: Finder, ms: int, end: int, word: str, last_end: int, in_range: bool) -> bool:
    """Add a month named without day or year if its context makes it one."""
    text = f.text
    mod_match = g.MOD_BEFORE_RE.search(text, max(0, ms - 8), ms)
    mod = mod_match.group("mod").lower() if mod_match else ""
    start = mod_match.start() if mod_match else ms
    before = prev_tokens(text, ms)
    prev = before[-1][0].lower() if before else ""
    if not mod and not g.RELATIVE_YEAR_AFTER_RE.match(text, end):  # "June of next year"
        listed = last_end >= 0 and g.LIST_GAP.fullmatch(text, last_end, start)
        if prev not in g.MONTH_PREPS and not listed and not in_range:
            return False
    following = next_word(text, end)
    low = word.lower()
    if not mod and following and low in ("may", "march") and following.lower() in g.VERBISH:
        return False  # "in May be", "of March continue"
    if (
        following
        and low in ("april", "may", "june", "august")
        and following[0].isupper()
        and following[:3].lower() not in MONTH_PREFIXES
        and prev in ("by", "from", "of", "and", "or", "to")
    ):
        return False  # a name: "by June Smith"
    f.add_month_day(start, end, PRIORITY_BARE, month_number(word), None, mod)
    return True
