"""The date grammar's words and patterns: what makes a number a year, a word a month.

Vocabulary comes from :mod:`timeline.language.lexicon`; these are the word
sets and regular expressions only the date families use. Every family is
found from a cheap anchor (a capitalised month or weekday, a digit, a time
word) and then expanded with small anchored patterns: Python's regex engine
is slow at trying long case-insensitive alternations everywhere.
"""

from __future__ import annotations

import re

from timeline.language.lexicon import (
    ATTRIBUTION_VERBS,
    COUNTED_CASES,
    COUNTED_PEOPLE,
    COUNTED_PLACES,
    CURRENCIES,
    GATHERINGS,
    MEASURES,
    MONTHS,
    OTHER_COUNTED,
    PERCENT_WORDS,
    SCALE_WORDS,
    WEEKDAYS,
    alternation,
    capitalised_alternation,
    month_forms,
    number_word_pattern,
    weekday_forms,
    words,
)


def word_set(spaced: str) -> frozenset[str]:
    """A set of words written space-separated."""
    return frozenset(words(spaced))


FULL_MONTH_NAMES = frozenset(name.lower() for name in MONTHS)

#: Words after which a bare four-digit number reads as a year.
YEAR_PREPS = word_set(
    "in since by until till til from during before after of through throughout for circa"
    " early late mid end start beginning spring summer autumn fall winter fiscal fy"
    " year calendar between around spent spend spending"
)
#: Publications named with their year after them: ``its TIP report 2016``, ``Index 2018``.
PUBLICATIONS = word_set("report reports index survey yearbook review edition census")
#: A publication named after its year: ``The U.S. [2011] Annual Report``.
PUBLICATION_AFTER_YEAR_RE = re.compile(
    r"[ \t]+(?:[A-Za-z][\w’'()-]*[ \t]+){0,4}?(?i:report|index|survey|yearbook|census)\b"
)
#: A place named after an event, before its year: ``the 18th Asean Summit in Indonesia, [2011]``.
PLACE_BEFORE_YEAR_RE = re.compile(
    rf"(?i:\b{alternation(GATHERINGS)})(?:\s+[a-z]+){{0,2}}?\s+(?:in|at)\s+"
    r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*,[ \t]*\Z"
)
#: Determiners: ``the 2009 assessment``, ``a 2005 report``.
DETERMINERS = word_set("the a an this that these those its their his her our your whose both")
#: Words joining two years of a list or range: ``in 2011 and 2012``.
#: (A separator is needed: "in May May" is no list.)
LIST_GAP = re.compile(
    r"\s*(?:,\s*(?:(?:and|or|to|through|until|till|&)\s+|[-–—‐‑/]\s*)?"
    r"|(?:and|or|to|through|until|till|&)\s+|[-–—‐‑/]\s*)",
    re.I,
)
#: Words before a number that make it a name or code, never a year.
CODE_WORDS = word_set(
    "no nos number route resolution iso boeing airbus page pages pp p room flight model article"
    " section chapter code tel phone fax ext vol volume issue rule decree law prakas"
)
#: Words after a number that make it a count or amount, never a year.
COUNT_NOUNS = frozenset(
    word
    for item in (
        *COUNTED_PEOPLE,
        *COUNTED_CASES,
        *COUNTED_PLACES,
        *OTHER_COUNTED,
        *CURRENCIES,
        *MEASURES,
        *PERCENT_WORDS,
        *SCALE_WORDS,
        "us",
        "more",
        "others",
    )
    for word in item.split()[-1:]  # "sex workers" counts workers, not "sex"
)
#: Year prepositions that also often come before counts (``of 2000 respondents``).
WEAK_YEAR_PREPS = word_set("of for around between from")
#: A number joined to the one before by a range or list word.
NUMBER_PARTNER_RE = re.compile(r"\s*(?:and|to|or|[-–—])\s*(\d[\d,.]*\d|\d)(?!\d)")
#: Words after which a bare month name reads as a month (``in March``, ``since May``).
MONTH_PREPS = word_set(
    "in since by until till from during of on before after through throughout between end"
    " beginning start"
)
#: Words after ``May``/``March`` that show them to be the modal or the verb.
VERBISH = word_set(
    """be not also well still never only soon continue need want help take make get go
    come become seem lead result cause face"""
)
#: Capitalised words before a weekday that still leave it a date (sentence openers).
WEEKDAY_OPENERS = word_set(
    "on by since until till before after from last next this and but or then early late with"
    " at during in for of over through"
)
#: Nouns after ``today's`` that make it "nowadays", not a date.
GENERIC_TODAY = word_set(
    "world society economy youth generation technology market markets era age environment"
    " climate context"
)
#: Words ending in -ed that are not past tenses.
NOT_PAST_ED = word_set(
    """need needed indeed hundred speed seed feed breed proceed exceed succeed embed bed red shed
    united based related concerned detailed limited advanced supposed used alleged trafficked
    skilled unskilled organised organized"""
)
#: Verbs of saying: the tense of an attribution ("officials said"), not of what was said.
ATTRIBUTIONS = frozenset(ATTRIBUTION_VERBS)

DASH = "[-–—‐‑]"
DAY = r"(?:3[01]|[12]\d|0?[1-9])"
ORD = r"(?:st|nd|rd|th)?"
# Month and weekday names must start with a capital letter ("may" is the modal);
# the rest of the word may be in any case ("JUNE 25, 2013").
MONTH_CAP = capitalised_alternation(month_forms())
WDAY_CAP = capitalised_alternation(weekday_forms())
# Characters that, right before a number, make it part of a code, amount or path.
BAD_BEFORE = frozenset("$€£¥₹#@/\\.:+=_,-'’")

MONTH_WORD_RE = re.compile(rf"{MONTH_CAP}(?![^\W\d_])")
DAY_BEFORE_RE = re.compile(
    rf"(?<![\w$€£¥/\\.,#@:+-])(?P<d>{DAY}){ORD}(?:\s*{DASH}\s*{DAY}{ORD})?(?:\s+of)?\s+\Z"
)
DAY_AFTER_RE = re.compile(
    rf"\.?\s+(?P<d>{DAY}){ORD}(?:\s*{DASH}\s*{DAY}{ORD})?(?!\d)(?:,?\s+(?P<y>\d{{4}})(?!\d))?"
)
DAY_SLASH_YEAR_RE = re.compile(rf",\s*(?P<d>{DAY})/(?P<y>\d{{4}})(?!\d)")
YEAR_AFTER_RE = re.compile(r"\.?,?\s+(?:of\s+)?(?P<y>\d{4})(?!\d)")
WEEKDAY_BEFORE_RE = re.compile(rf"(?<![^\W\d_]){WDAY_CAP}\.?,?\s+(?:the\s+)?\Z")
MOD_BEFORE_RE = re.compile(
    rf"(?<![^\W\d_])(?P<mod>(?i:early|late|mid|last|next|this))(?:\s+|\s*{DASH}\s*)\Z"
)
NUMERIC_RE = re.compile(r"(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})(?!\d)")
YEAR_RE = re.compile(r"(?:19|20)\d\d(?!\d)")
RANGE_TAIL_RE = re.compile(rf"\s*({DASH}|/)\s*(\d{{4}}|\d\d)(?!\d)")
#: Lower-case words one of which every relative expression contains.
REL_ANCHORS = words("year month week morning afternoon evening night ago yesterday today tomorrow")
_UP_TO_TWELVE = number_word_pattern(12)
REL_RE = re.compile(
    rf"""\b(?:
        (?P<n>{_UP_TO_TWELVE}|\d{{1,3}}) \s+ (?P<agou>year|month|week|day)s? \s+ ago
      | the \s+ (?:past|last) \s+
        (?: (?P<twelve>12|twelve) \s+ months | (?P<spanu>year|month|week) )
      | (?: (?:earlier|later) \s+ )? this \s+ (?P<thisu>year|month|week|morning|afternoon|evening)
      | (?P<lnw>last|next) \s+ (?P<lnu>year|month|week)
      | last \s+ (?P<night>night)
      | (?P<dw>yesterday|today|tonight|tomorrow)
    )(?!\w)""",
    re.I | re.X,
)
#: Counted from the year named before them: "a year later", "the previous year", "that year".
ANAPHOR_RE = re.compile(
    rf"""\b(?:
        (?P<an>{number_word_pattern(10)}|\d{{1,2}}) \s+ years? \s+
        (?P<andir>earlier|later|before|after)
      | the \s+ year \s+ (?P<tydir>before|after)
      | the \s+ (?P<adj>previous|preceding|prior|following|same) \s+ year
      | (?P<that>that) \s+ (?:same \s+)? year
    )(?!\w)""",
    re.I | re.X,
)
#: A year given relatively after a month: "May last year", "March of this year".
RELATIVE_YEAR_AFTER_RE = re.compile(r",?\s+(?:of\s+)?(?P<w>(?i:last|this|next))\s+year(?!\w)")
#: Counted from the date named before them: "nine days later", "later that month", "the
#: following week", "the same day".
SPAN_ANAPHOR_RE = re.compile(
    rf"""\b(?:
        (?P<n>{_UP_TO_TWELVE}|\d{{1,2}}) \s+ (?P<unit>day|week|month)s? \s+
        (?P<dir>later|earlier|after|before)
      | (?: (?:later|earlier) \s+ )? (?:that|the \s+ same) \s+ (?P<same>day|month)
      | the \s+ (?P<adj>following|next|previous|preceding|prior) \s+ (?P<unit2>day|week|month)
    )(?!\w)""",
    re.I | re.X,
)
ORDINAL_RE = re.compile(r"\d(?:st|nd|rd|th)\b")
#: A day named by its number alone, in the month named before: "In March ... on the 12th".
DAY_OF_MONTH_RE = re.compile(
    r"\bon\s+the\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b(?!\s+of\b)"
)
#: "The year" as the span a figure covers ("during the year"): the year named before, else
#: the article's; "by the end of the year" speaks of the article's year.
THE_YEAR_RE = re.compile(
    r"""\b(?:
        (?P<now> (?:by|before|until|till|at|towards?) \s+ the \s+
                 (?:end|close|turn|middle|start|beginning) \s+ of )
      | during | throughout | (?:in|over) \s+ the \s+ course \s+ of
      | (?:the \s+)? (?:first|last|past|final|opening|second|third|fourth) \s+ (?:[\w-]+ \s+)?
        (?:months|weeks|days|quarter|half) \s+ of
    ) \s+ the \s+ year (?![\w-])""",
    re.I | re.X,
)
#: "The same period" standing alone: the period named before ("326 cases in 2016 ...
#: During the same period, 42 officials were detained" is 2016). Not when a date follows
#: and names the period itself: "the same period of 2014", "the same period last year".
SAME_PERIOD_RE = re.compile(
    r"""\b(?: during | in | over | for | within ) \s+ the \s+ same \s+ (?: period | time )
    (?! [\w-] | \s+ (?: of | in | last | a | the | this | next | from | between ) \b )""",
    re.I | re.X,
)
WEEKDAY_RE = re.compile("(?:" + "|".join(WEEKDAYS) + r")(?![^\W\d_])")
WEEKDAY_MOD_RE = re.compile(r"(?<![^\W\d_])(?P<mod>(?i:last|next|this|on|coming|past))\s+\Z")
TOKEN_RE = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
# The word after a number: after white space (one line break is a wrapped line, two end the
# paragraph), or after a hyphen joined to both ("2,000-strong"); a spaced dash ("in 2011 –
# officials said") is punctuation and ends the phrase.
NEXT_WORD_RE = re.compile(r"(?:[ \t\xa0]*(?:\r?\n[ \t\xa0]*)?|[-–‐‑](?=[^\W\d_]))([^\W\d_]+|%)")
#: A month (or day and month) right after a range word: ``January–June``, ``March to 5 May``.
MONTH_RANGE_NEXT_RE = re.compile(
    rf"\s*(?:(?i:to|through|until|till)\s+|{DASH}\s*)(?:{DAY}{ORD}\s+)?{MONTH_CAP}(?![^\W\d_])"
)
#: A range word after a month with a year: ``December 2019 to [March]``. A spaced dash there
#: is more often a dateline's (``June 25, 2017 – May said``).
MONTH_RANGE_PREV_RE = re.compile(
    rf"(?:\s*(?i:to|through|until|till)\s+|{DASH})(?:(?i:early|late|mid)(?:\s+|\s*{DASH}\s*))?"
)
#: A bare day opening a range before a day and month: ``from 3 to [5 May]``.
DAY_RANGE_START_RE = re.compile(
    rf"(?<![^\W\d_])(?i:from|between|on)\s+(?P<d>{DAY}){ORD}"
    r"\s+(?i:to|and|through|until|till)\s+\Z"
)
#: What joins the ends of a range or the items of a list of dates.
RANGE_JOIN_RE = re.compile(
    rf"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:to|and|or|through|until|till)\s+|{DASH}\s*)", re.I
)
ANAPHOR_BEFORE = word_set("previous preceding prior following same that")
ANAPHOR_AFTER = word_set("earlier later before after")
#: Subjects of a clause after ``a year after``: "a year after it bumped Malaysia up".
SUBJECT_PRONOUNS = word_set("it they he she we")
#: Words that may follow ``the year before``/``a year after`` when nothing else is meant.
ANAPHOR_FOLLOWERS = word_set("and or but when while as that with")
SENTENCE_END_RE = re.compile(r"[.!?][\"”’')\]]*\s|\n")
TENSE_RE = re.compile(
    r"""\b(?:
        (?P<f> will | shall | won['’]t | would(?!\s+have) | going \s+ to | plan(?:s|ning)? \s+ to
             | scheduled | expected | due \s+ to | set \s+ to | intends? \s+ to | upcoming
             | forthcoming | next | tomorrow | (?:is|are|am) \s+ to
             # an attribute, not a verb: "the proposed establishment of the court in May"
             | (?:the|a|its|their) \s+ (?:proposed|planned) )
      | (?P<p> was|were|had|did|said|told|ago|last|yesterday|began|held|met|made|took|came|went
             | saw|found|gave|became|rose|fell|won|led|brought|sent|wrote|spoke|left|thought|knew
             | got|paid|[a-z]{2,}ed )
    )\b
    | (?P<f2>['’]ll)\b""",
    re.X,
)
SPEECH_PENALTY = 1000
FUTURE_AUX_RE = re.compile(
    r"\b(?:will|shall|['’]ll|scheduled|expected|set|due|plans?|planning|going|intends?|may|might)"
    r"(?:\s+[a-z]+){0,3}\s+\Z"
)
POSSESSIVE_RE = re.compile(r"['’]s(?!\w)")
CAPITALISED_NEXT_RE = re.compile(r"[ \xa0]([A-Z][a-z]+)")
GENERIC_AFTER_TODAY_RE = re.compile(r"['’]s\s+([^\W\d_]+)")
