"""From an article to its events: sentences, dates, types, countries, summary, id.

A sentence becomes an event when it reports something happening, planned or
counted (see :mod:`timeline.kinds`): one event for each distinct resolved date
it names. A sentence that narrates an event without naming a date takes the
article date (approximate when that is), or stays undated.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from timeline.corpus import DEFAULT_MAX_BYTES, read_corpus
from timeline.dates import DateMention, find_dates, numeric_date_order
from timeline.kinds import SINGULAR_KINDS, Kind, classify
from timeline.model import Article, Corpus, Event, Precision, precision_of
from timeline.places import CountryMention, find_countries
from timeline.resources import bundled_seeds_dir
from timeline.sentences import split_sentences

#: Bumped whenever extraction rules change, so that cached events are rebuilt.
EXTRACTOR_VERSION = "1.6.0"

#: Longest text taken as one sentence of evidence.
MAX_SENTENCE = 3000
# A full stop inside the span followed by text the splitter kept ("2013. ��").
_INNER_STOP = re.compile(r"[a-z\d][.!?][\"'”’»)\]]*\s")

SUMMARY_WIDTH = 120

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_QUOTE_OPENERS = "\"“‘'«"
_TOKEN = re.compile(r"\w+")
# At least three (ten) runs of word characters: found without listing every word.
_THREE_WORDS = re.compile(r"\w\W+\w+\W+\w")
_TEN_WORDS = re.compile(r"\w(?:\W+\w+){8}\W+\w")
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
# Words of four letters or more, and those of them capitalised: a line without a full stop
# whose long words are nearly all capitalised is a headline ("Government Repatriates 62
# Citizens Rescued from Scam Companies"), not prose that lost its full stop.
_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}")
_CAPITALISED = re.compile(r"\b[^\W\d_a-z][^\W\d_]{3,}")
# Words that put a sentence on a world or regional scale: it does not inherit a country.
_GLOBAL_SCOPE = re.compile(
    r"(?i)\b(?:worldwide|world-wide|globally|global|around\s+the\s+world|in\s+the\s+world|"
    r"world[’']s|across\s+the\s+(?:[A-Z][\w-]*\s+)?(?:region|sub-?region|globe)|internationally|"
    r"ASEAN\s+(?:leaders|members?|member\s+states|countries|nations|region))\b"
)
# "the two sides", "both countries": the sentence speaks of a pair named before.
_PAIR = re.compile(
    r"(?i)\b(?:the\s+two|both)\s+(?:sides|countries|governments|nations|neighbou?rs|ministries|"
    r"parties|delegations)\b"
)
# "the country", "the Kingdom": the sentence speaks of the article's main country.
_ANAPHOR = re.compile(r"\b(?:the|this)\s+(?:country|[Kk]ingdom|nation)\b(?![’']?s\s+[A-Z])")


def article_reference(article: Article) -> tuple[dt.date | None, Precision]:
    """The article date as a calendar date and its precision, to anchor relative dates."""
    if not article.date:
        return None, "day"
    parts = [int(p) for p in article.date.split("-")]
    while len(parts) < 3:
        parts.append(1)
    try:
        return dt.date(*parts), article.precision or precision_of(article.date)
    except ValueError:
        return None, "day"


def main_country(article: Article, mentions: list[CountryMention]) -> str | None:
    """The country the article is mostly about, by weighted mentions.

    A mention in the body counts one, in the title two, and the place a
    dateline files the story from ("KUALA LUMPUR (Feb 24):") two more. A
    country named only as where people were taken ("trafficking of women to
    Oman") counts half: such stories are about where people came from or
    where the case is heard. So does the United States in a story that names
    it as the author of the trafficking rankings: such stories are about the
    country ranked. The winner must stand out: at least two, and
    more than any other; an article that names several countries equally
    has no main country.
    """
    counts: Counter[str] = Counter()
    text = article.text
    title_mentions = find_countries(article.title)
    # A story on the US rankings is about the ranked country: the ranker counts half.
    ranker = any(_ranks(text, m) for m in mentions) or any(
        _ranks(article.title, m) for m in title_mentions
    )
    for m in mentions:
        counts[m.country] += _mention_weight(text, m, ranker)
    for m in title_mentions:
        counts[m.country] += 2 * _mention_weight(article.title, m, ranker)
    filed_from = _dateline_place(article, mentions)
    if filed_from is not None:
        counts[filed_from] += 2
    if not counts:
        return None
    ranked = counts.most_common(2)
    if ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _mention_weight(text: str, m: CountryMention, ranker: bool = False) -> float:
    """Half for a destination ("to Oman") or, with ``ranker``, for the United States,
    else one; going home ("return to") is no destination."""
    at = m.start
    before = text[max(0, at - 40) : at]
    if _DESTINATION_BEFORE.search(before) and not _HOMEWARD.search(before):
        return 0.5
    if ranker and m.country == "United States":
        return 0.5
    return 1.0


def _ranks(text: str, m: CountryMention) -> bool:
    """True when a mention names the United States as the author of the trafficking
    rankings ("the US State Department's report", "US trafficking watch list")."""
    return m.country == "United States" and bool(
        _RANKING.search(text, m.start, min(len(text), m.end + 60))
    )


# What the United States is named for in a story about a country's ranking.
_RANKING = re.compile(
    r"(?i)\b(?:tier|watch[\s-]?list|trafficking\s+in\s+persons|TIP|ranking|rankings|report)\b"
)


# "returned to", "repatriated home to", "sent back to": the country is home, not a destination.
_HOMEWARD = re.compile(
    r"(?i)\b(?:return\w*|repatriat\w*|back|home|deport\w*)\s+(?:[\w-]+\s+){0,3}(?:to|into)\s+(?:the\s+)?$"
)


# Before a dateline's place: nothing but markup and spaces.
_DATELINE_LEAD = re.compile(r"[\s*_#>\[(]*")


def _dateline_place(article: Article, mentions: list[CountryMention]) -> str | None:
    """The country of the place a dateline opens the body with, if there is one.

    A place counts as a dateline when it opens the first paragraphs of the
    body (after a byline, say) and is written in capitals ("DHAKA -") or
    directly followed by the article's date ("Jakarta, 5 September 2022").
    """
    if not mentions:
        return None
    first = mentions[0]
    text, start = article.text, article.body_start
    line_start = max(start, text.rfind("\n", start, first.start) + 1)
    if first.start - start > 200 or not _DATELINE_LEAD.fullmatch(text[line_start : first.start]):
        return None
    surface = article.text[first.start : first.end]
    dated = article.date_span is not None and 0 <= article.date_span[0] - first.end <= 30
    return first.country if surface.isupper() or dated else None


def summarize(sentence: str, width: int = SUMMARY_WIDTH) -> str:
    """A one-line summary: the sentence on one line, without datelines and outer quotes."""
    text = " ".join(sentence.split())
    text = re.sub(r"^\[[^\]]{4,40}\]\s*[-–—:]?\s*", "", text)  # "[6 April 2007] - "
    text = re.sub(
        r"^(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4})"
        r"\s*[:–—-]\s*",
        "",
        text,
    )  # "June 25th, 2013: "
    text = text.strip(" \"“”‘’'«»")
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width - 1)
    if cut < width // 2:
        cut = width - 1
    return text[:cut].rstrip(" ,;:–—-") + "…"


def event_id(file: str, sentence: str, date: str | None, occurrence: int) -> str:
    """A stable id from the article file, the sentence text, the date and a tie-breaker."""
    key = f"{file}\0{' '.join(sentence.split())}\0{date or ''}\0{occurrence}"
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]


_DATELINE_END = re.compile(r"[\s\])]*(?:\([^)]{1,40}\))?[\s\]:\-–—|]*[\]:\-–—|]\s*")


def _dateline_length(article: Article, s_start: int) -> int:
    """How many characters of the sentence at ``s_start`` a dateline takes (0 for none)."""
    if not article.date_span or not s_start <= article.date_span[0] < s_start + 80:
        return 0
    return article.date_span[1] - s_start


def _after_dateline(article: Article, s_start: int, sentence: str) -> int:
    """Where the text starts after a dateline that opens the sentence (0 when there is none)."""
    if not article.date_span:
        return 0
    ds, de = article.date_span
    if not (s_start <= ds and de - s_start <= 80):
        return 0
    m = _DATELINE_END.match(sentence, de - s_start)
    return m.end() if m else 0


# Where a sentence joins two reports: "..., and officials will meet next month".
_CLAUSE_JOIN = re.compile(r";|,\s+(?:and|while|whereas|but|with|according\s+to)\s+|\s+while\s+")


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """The spans of the sentence's clauses (one span when it has no clause joins)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CLAUSE_JOIN.finditer(sentence):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(sentence)))
    return spans


def _clause_kind(sentence: str, at: int, fallback: Kind) -> Kind:
    """The type of the clause holding position ``at``, or the sentence's when it has none."""
    clauses = _clauses(sentence)
    if len(clauses) == 1:
        return fallback
    for start, end in clauses:
        if at < end or end == len(sentence):
            return classify(sentence[start:end]) or fallback
    return fallback


def _other_clause_kinds(sentence: str, kind: Kind) -> list[Kind]:
    """Happenings of other types that clauses of the sentence narrate on their own."""
    clauses = _clauses(sentence)
    if len(clauses) == 1:
        return []
    found: list[Kind] = []
    for start, end in clauses:
        clause = classify(sentence[start:end])
        if (
            clause is not None
            and clause.action
            and clause.kind != kind.kind
            and clause.kind in SINGULAR_KINDS
            and clause.kind != "report"  # "according to the report released Monday": a source
            and all(k.kind != clause.kind for k in found)
        ):
            found.append(clause)
    return found


# What joins the two ends of a range: "from January to June", "2012-2023", "between X and Y".
_RANGE_JOIN = re.compile(r"\s*(?:[-–—/]|to|and|until|till|through|thru)\s*", re.I)
_RANGE_OPEN = re.compile(r"(?i)\b(?:from|between)\s+$")
# A year range that is a plan's period of validity, not when anything happened:
# "the action plan for 2022-2026", "a plan covering 2021-2025", "its 2016-2020 strategy".
_PERIOD_BEFORE = re.compile(
    r"(?i)\b(?:for|covering|spanning|period|years|of)\s+(?:the\s+)?(?:period\s+|years\s+)?$"
)
_PERIOD_AFTER = re.compile(
    r"(?i)^\s*(?:national\s+|action\s+|strategic\s+|five-year\s+)*"
    r"(?:plans?|strateg(?:y|ies)|programmes?|programs?|period|roadmap|framework)\b"
)
# A date that only says when something was said: "..., a spokesman said Monday."
_SPEECH_BEFORE = re.compile(
    r"(?i)\b(?:said|says|told\s+(?:[\w-]+\s+){0,3}?|added|stated|noted|explained|confirmed|"
    r"announced|declared|(?:statement|release|remarks?|comments?)\s+(?:issued|released|"
    r"published|made|posted)?)\s+(?:on\s+)?$"
)


# Where a running total starts: "since January", "since the start of 2019".
_SINCE_BEFORE = re.compile(r"(?i)\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?$")
# A comparison's baseline: "down 14.9 percent from [the previous year]", "four times the
# number filed [the previous year]", "compared with [2018]" (no figure of its own between).
_BASELINE_BEFORE = re.compile(
    r"(?i)\b(?:times|percent|per\s*cent|compared\s+(?:with|to)|than|(?:up|down)\s+from)\b"
    r"[^\d,;.]{0,30}$|%[^\d,;.]{0,30}$"
)
# A year in a law's name: "the Act of [2012]", "Human Trafficking Act [2012]", "Law No. 21
# of [2007]".
_NAME_YEAR_BEFORE = re.compile(
    r"\b(?:Act|Law|Code|Decree|Ordinance|Proclamation)\s*,?\s*(?:No\.?\s*[\w/-]+\s+)?"
    r"(?:of\s+)?$|\bNo\.?\s*[\w/-]+\s+of\s+$"
)
# A year naming a law or treaty: "the 2008 Anti-Trafficking Act", "the 2014 Protocol".
_NAME_YEAR_AFTER = re.compile(
    r"(?:\s+[A-Z][\w’'-]*){0,6}\s+(?:Act|Law|Protocol|Convention|Decree|Code)\b"
)
# What tells a law's own making: then its year dates the sentence ("the 2008 law took effect").
_ENACTED = re.compile(
    r"(?i)\b(?:adopt\w*|pass(?:ed|es|ing)|enact\w*|promulgat\w*|sign(?:ed|s|ing)|ratif\w*|"
    r"approv\w*|took\s+effect|t[ao]kes?\s+effect|c[ao]me\s+into|enter(?:ed|s)\s+into)\b"
)


def _names_a_law(text: str, m: DateMention) -> bool:
    """True when the year ``m`` is part of a law's or treaty's name."""
    return bool(
        _NAME_YEAR_BEFORE.search(text, max(0, m.start - 30), m.start)
        or _NAME_YEAR_AFTER.match(text, m.end)
    )


#: How near a finer date must stand to a coarse one to say more about the same happening.
_REFINE_CHARS = 60


def _within(a: DateMention, b: DateMention, chars: int) -> bool:
    """True when fewer than ``chars`` characters stand between two mentions."""
    return b.start - a.end <= chars and a.start - b.end <= chars


def _mention(start: int, end: int, text: str, value: str, relative: bool) -> DateMention:
    return DateMention(start, end, text[start:end], value, precision_of(value), relative)


def _is_range(text: str, a: DateMention, b: DateMention) -> bool:
    """True when two date mentions are the two ends of one range ("from X to Y", "X-Y")."""
    if _RANGE_JOIN.fullmatch(text, a.end, b.start) is None:
        return False
    between = text[a.end : b.start]
    return bool(_RANGE_OPEN.search(text, 0, a.start)) or any(d in between for d in "-–—/")


def _is_period(text: str, a: DateMention, b: DateMention) -> bool:
    """True when a range of years is a plan's period of validity ("the plan for 2022-2026")."""
    return bool(
        _PERIOD_BEFORE.search(text, max(0, a.start - 30), a.start)
        or _PERIOD_AFTER.match(text, b.end)
    )


def _event_dates(text: str, s_start: int, mentions: list[DateMention]) -> list[DateMention]:
    """The date mentions of a sentence that date its events.

    Ranges within one year ("from January to June 2021") become that year;
    a range whose start resolved after its end ("between January and
    December" read in March) takes the end's year; a plan's period of
    validity ("the plan for 2022-2026") and a date that only says when
    something was said ("officials said Monday") are dropped when they are
    not alone, a coarse date refined by a finer one in the same sentence
    ("the 2021 report, released on 1 July 2021") gives way to it. ("That
    year" is resolved by :func:`timeline.dates.find_dates` itself.)
    """
    resolved = [m for m in mentions if m.value]
    out: list[DateMention] = []
    i = 0
    while i < len(resolved):
        a = resolved[i]
        b = resolved[i + 1] if i + 1 < len(resolved) else None
        if b is None or not _is_range(text, a, b):
            out.append(a)
            i += 1
            continue
        i += 2
        if a.precision == b.precision == "year":
            if not _is_period(text, a, b):
                out += [a, b]  # "between 2012 and 2023": an event for each end
            continue
        if a.precision == "year" or b.precision == "year" or a.value == b.value:
            out += [a, b]
            continue
        # "from January to June 2021": one year. "between January and December" read in
        # March, or "from January to June 2021" read in 2012: the start's year was guessed,
        # the range lies in the end's year.
        same_year = a.value[:4] == b.value[:4]
        if same_year or a.value > b.value or (a.relative and not b.relative):
            out.append(_mention(a.start, b.end, text, b.value[:4], b.relative))
        else:
            out += [a, b]
    if len(out) > 1:
        spoken = [m for m in out if _SPEECH_BEFORE.search(text, max(0, m.start - 40), m.start)]
        since = [m for m in out if _SINCE_BEFORE.search(text, max(0, m.start - 30), m.start)]
        if spoken and len(spoken) + len(since) == len(out):
            # "said on Monday that 301 had been trapped since January": a running total, as
            # of the day it was given.
            out = [m for m in out if m not in since]
        elif len(spoken) < len(out):
            out = [m for m in out if m not in spoken]
    if len(out) > 1:
        # "207 cases in 2015, four times the number filed the previous year", "the Act of
        # 2012, signed in February 2013": a baseline without a figure of its own and a year
        # in a law's name date nothing beside the sentence's other dates.
        aside = [
            m
            for m in out
            if _BASELINE_BEFORE.search(text, max(0, m.start - 50), m.start) or _names_a_law(text, m)
        ]
        if len(aside) < len(out):
            out = [m for m in out if m not in aside]
    if len(out) == 1 and _names_a_law(text, out[0]) and not _ENACTED.search(text):
        # "Most face charges under the Anti-Trafficking in Persons Act of 2008": the law's
        # year, alone, does not date a sentence about something else.
        out = []
    if len(out) > 1:
        # The finer date must be near: "the 2021 report, released on 1 July 2021" is one
        # happening; "downgraded in the 2021 report ... launched a plan in March 2021" two.
        out = [
            m
            for m in out
            if not any(
                f.value.startswith(m.value + "-")
                and (m.relative or _within(m, f, _REFINE_CHARS))  # "over the past year"
                for f in out
            )
        ]
    return [
        DateMention(m.start + s_start, m.end + s_start, m.text, m.value, m.precision, m.relative)
        for m in out
    ]


_AGENDA_SEPARATOR = re.compile(r"\s*[:–—|-]\s*\w")


def _agenda_line(sentence: str, s_start: int, mentions: list[DateMention]) -> bool:
    """A list line that opens with its date: "12-13 November 2019: Senior officials meeting"."""
    if not mentions or mentions[0].value is None or mentions[0].start - s_start > 2:
        return False
    rest = mentions[0].end - s_start
    return (
        bool(_AGENDA_SEPARATOR.match(sentence, rest)) and len(_TOKEN.findall(sentence, rest)) >= 3
    )


def _looks_like_sentence(text: str) -> bool:
    """Headings, captions and fragments ("Clearer picture", "Supplied") are not reports.

    A sentence has terminal punctuation and three words or more; a line
    without it must be long enough to be prose that lost its full stop, and
    not a headline in title case. A
    "sentence" longer than :data:`MAX_SENTENCE` characters is not prose (a
    table, a run of words without punctuation) and gives no evidence.
    """
    if len(text) > MAX_SENTENCE or text.lstrip().startswith("#"):  # a Markdown heading
        return False
    if _TERMINAL.search(text) or _INNER_STOP.search(text):
        return _THREE_WORDS.search(text) is not None
    if _TEN_WORDS.search(text) is None:
        return False
    return len(_CAPITALISED.findall(text)) < 0.8 * len(_LONG_WORD.findall(text))


#: How far into a sentence a country may stand and still lead it ("In Poipet, police ...").
_OPENING_CHARS = 24


def _opens_with_new_country(mentions: list[CountryMention], at: int, told: set[str]) -> bool:
    """True when the sentence starting at ``at`` opens with a country not in ``told``."""
    return any(at <= m.start <= at + _OPENING_CHARS and m.country not in told for m in mentions)


def _named(mentions: list[CountryMention]) -> list[str]:
    named: list[str] = []
    for m in mentions:
        if m.country not in named:
            named.append(m.country)
    return named


# What puts a country as where people were taken: "taken to", "trafficked into", "bound for".
_DESTINATION_BEFORE = re.compile(
    r"(?i)\b(?:to|into|towards?|(?:bound|destined)\s+for)\s+(?:the\s+)?$"
)
_LIST_GAP = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?")


def _only_destinations(sentence: str, mentions: list[CountryMention], offset: int) -> bool:
    """True when every country named is in one list after "to"/"into": places people went."""
    if not mentions:
        return False
    first = mentions[0].start - offset
    if not _DESTINATION_BEFORE.search(sentence[max(0, first - 30) : first]):
        return False
    for before, after in zip(mentions, mentions[1:], strict=False):
        gap = sentence[before.end - offset : after.start - offset]
        if not _LIST_GAP.fullmatch(gap):
            return False
    return True


# What names countries only for comparison in a ranking: "dropped to Tier 3, alongside North
# Korea and Syria", "joining countries such as Iran".
_COMPARED_BEFORE = re.compile(
    r"(?i)\b(?:alongside|along\s+with|joining|together\s+with)\s+(?:(?:other\s+)?countries\s+"
    r"(?:such\s+as|like|including)\s+)?(?:the\s+)?$"
)


def _compared(sentence: str, mentions: list[CountryMention], offset: int) -> set[int]:
    """Indexes of the mentions in a list that names countries for comparison."""
    out: set[int] = set()
    for k, m in enumerate(mentions):
        at = m.start - offset
        if k - 1 in out:
            gap = sentence[mentions[k - 1].end - offset : at]
            if _LIST_GAP.fullmatch(gap):
                out.add(k)
                continue
        if _COMPARED_BEFORE.search(sentence[max(0, at - 50) : at]):
            out.add(k)
    return out


def _countries_for(
    sentence: str,
    mentions: list[CountryMention],
    main: str | None,
    kind: Kind,
    context: tuple[list[str], list[str] | None] = ([], None),
    offset: int = 0,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Countries of an event, and those of them inherited from the article.

    ``context`` holds the last pair of countries named together in the
    article and the countries of the previous sentence of the same paragraph
    (None at a paragraph start). A sentence that names no country speaks of
    the pair when it says "the two sides" or "both countries", else of the
    one country its paragraph has just named, else of the article's main
    country, unless it is about the world or the region. A sentence whose
    only countries are destinations ("were taken to China and Laos") also
    speaks of the main country the people came from.
    """
    if kind.kind == "tier_change":
        compared = _compared(sentence, mentions, offset)
        if compared and len(compared) < len(mentions):
            mentions = [m for k, m in enumerate(mentions) if k not in compared]
    named = _named(mentions)
    pair, previous = context
    if len(pair) == 2 and set(named) < set(pair) and _PAIR.search(sentence):
        return tuple(pair), tuple(c for c in pair if c not in named)
    if (
        not named
        and previous is not None
        and len(previous) == 1
        and previous[0] != main
        and not _GLOBAL_SCOPE.search(sentence)
    ):
        return tuple(previous), tuple(previous)
    if main is None:
        return tuple(named), ()
    inherit = False
    if not named:
        inherit = not _GLOBAL_SCOPE.search(sentence)
    elif main not in named:
        # A tier ranking is about the ranked country, rarely the ranking one (US).
        only_ranker = kind.kind == "tier_change" and set(named) <= {"United States"}
        inherit = (
            only_ranker
            or bool(_ANAPHOR.search(sentence))
            or _only_destinations(sentence, mentions, offset)
        )
    if inherit:
        return (*named, main), (main,)
    return tuple(named), ()


def extract_events(article: Article) -> list[Event]:
    """Every event an article reports, in text order."""
    text = article.text
    start, end = article.body_start, article.body_end or len(text)
    body = text[start:end]
    reference, ref_precision = article_reference(article)
    order = numeric_date_order(text)
    dates = [_shift(m, start) for m in find_dates(body, reference, ref_precision, order)]
    if article.date_span:
        ds, de = article.date_span
        dates = [m for m in dates if m.end <= ds or m.start >= de]  # the dateline is the article's
    places = [_shift_place(m, start) for m in find_countries(body)]
    main = main_country(article, places)

    events: list[Event] = []
    # Countries already reported for each (type, date) of a singular kind.
    seen_singular: dict[tuple[str, str | None], set[str]] = {}
    seen_ids: Counter[str] = Counter()
    di = pi = 0
    pair: list[str] = []  # the last two countries named together
    prev_named: list[str] = []
    prev_end = start
    # The countries of the events told so far, by type, and the date of the first of them
    # that named its date (a story tells its news first).
    told: dict[str, set[str]] = {}
    told_when: dict[str, tuple[str | None, bool, DateMention | None]] = {}
    for s_start, s_end in split_sentences(text, start, end):
        while di < len(dates) and dates[di].start < s_start:
            di += 1
        while pi < len(places) and places[pi].start < s_start:
            pi += 1
        s_dates = []
        j = di
        while j < len(dates) and dates[j].start < s_end:
            s_dates.append(dates[j])
            j += 1
        s_places = []
        j = pi
        while j < len(places) and places[j].start < s_end:
            s_places.append(places[j])
            j += 1

        sentence = text[s_start:s_end]
        here = _named(s_places)
        previous = None if _PARAGRAPH_BREAK.search(text, prev_end, s_start) else prev_named
        context_pair = pair
        prev_named, prev_end = here, s_end
        # A pair is named in the text itself, not by a dateline's place ("WASHINGTON, ...").
        in_text = _named(
            [m for m in s_places if m.start >= s_start + _dateline_length(article, s_start)]
        )
        if len(in_text) >= 2:
            pair = in_text[:2]
        if not (_looks_like_sentence(sentence) or _agenda_line(sentence, s_start, s_dates)):
            continue
        kind = classify(sentence)
        if kind is None:
            continue
        lead = _after_dateline(article, s_start, sentence)
        local = [_shift(m, -s_start) for m in s_dates]
        s_dates = _event_dates(sentence, s_start, local)
        resolved: dict[str, DateMention] = {}
        for m in s_dates:
            if m.value and m.value not in resolved:
                resolved[m.value] = m
        choices: list[tuple[str | None, bool, DateMention | None]]
        if resolved:
            choices = [
                (value, m.relative and article.approximate, m) for value, m in resolved.items()
            ]
        elif not kind.action or sentence[lead:].lstrip().startswith(tuple(_QUOTE_OPENERS)):
            continue  # no date and no narrated action, or a quoted remark
        elif s_dates or not article.date:
            choices = [(None, False, None)]  # its date is relative and cannot be resolved
        elif kind.kind in told and not _opens_with_new_country(
            s_places, s_start + lead, told[kind.kind]
        ):
            # "Police detained 39 people at the site." after the raid was told: more about
            # a happening of that type already on the timeline, not a new one on the
            # article's date. Another type ("In a joint declaration, the ministers
            # committed to ...") or a sentence led by another country ("Laos stayed on
            # the watch list") is news of its own.
            continue
        elif kind.kind in told_when:
            # "Neighbouring Thailand remained on the watch list": news of the same kind as
            # the story's first dated event of it ("downgraded ... in the report released
            # on Wednesday"), and of its day.
            choices = [told_when[kind.kind]]
        else:
            choices = [(article.date, article.approximate, None)]

        countries, inherited = _countries_for(
            sentence, s_places, main, kind, (context_pair, previous), s_start
        )
        told.setdefault(kind.kind, set()).update(countries)
        if choices[0][2] is not None and kind.kind not in told_when:
            told_when[kind.kind] = (choices[0][0], choices[0][1], None)
        summary = summarize(sentence[lead:])
        typed = [(value, approximate, mention, kind) for value, approximate, mention in choices]
        if len(choices) == 1 and kind.action and kind.kind in SINGULAR_KINDS:
            # "dropped Thailand to Tier 3, and the government set up a new committee": one
            # date, two happenings told in clauses of their own.
            value, approximate, mention = choices[0]
            typed += [(value, approximate, mention, k) for k in _other_clause_kinds(sentence, kind)]
        for value, approximate, mention, sentence_kind in typed:
            this_kind = sentence_kind
            if mention is not None and len(choices) > 1:  # several dates: type each by its clause
                this_kind = _clause_kind(sentence, mention.start - s_start, kind)
            if this_kind.kind in SINGULAR_KINDS:
                key = (this_kind.kind, value)
                named = set(countries) - set(inherited)
                earlier = seen_singular.get(key)
                if earlier is not None and named <= earlier:
                    continue  # a later sentence elaborating the same happening
                seen_singular.setdefault(key, set()).update(named)
            base = event_id(article.file, sentence, value, 0)
            seen_ids[base] += 1
            eid = (
                base
                if seen_ids[base] == 1
                else event_id(article.file, sentence, value, seen_ids[base])
            )
            events.append(
                Event(
                    id=eid,
                    date=value,
                    precision=precision_of(value) if value else None,
                    approximate=bool(value) and approximate,
                    type=this_kind.kind,
                    countries=countries,
                    summary=summary,
                    article=article.file,
                    sentence=sentence,
                    start=s_start,
                    end=s_end,
                    inherited=inherited,
                    date_start=mention.start if mention else None,
                    date_end=mention.end if mention else None,
                )
            )
    return events


def _shift(m: DateMention, offset: int) -> DateMention:
    return DateMention(m.start + offset, m.end + offset, m.text, m.value, m.precision, m.relative)


def _shift_place(m: CountryMention, offset: int) -> CountryMention:
    return CountryMention(m.start + offset, m.end + offset, m.text, m.country)


def safe_extract(article: Article, warn: Callable[[str], None] | None = None) -> list[Event]:
    """:func:`extract_events`, turning an unexpected failure into a warning and no events."""
    try:
        return extract_events(article)
    except Exception as exc:  # one odd article must not stop a corpus
        if warn:
            warn(f"{article.file}: skipped: extraction failed ({exc.__class__.__name__}: {exc})")
        return []


def sort_events(events: list[Event]) -> list[Event]:
    """Chronological order, undated last."""
    return sorted(events, key=lambda e: e.sort_key)


def load_corpus(
    folder: Path | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    warn: Callable[[str], None] | None = None,
) -> Corpus:
    """Read a folder (the bundled seeds when None) and extract its events, in memory."""
    folder = Path(folder) if folder is not None else bundled_seeds_dir()
    warnings: list[str] = []

    def collect(message: str) -> None:
        warnings.append(message)
        if warn:
            warn(message)

    articles = read_corpus(folder, max_bytes=max_bytes, warn=collect)
    events: list[Event] = []
    for article in articles:
        events.extend(safe_extract(article, collect))
    name = "bundled seeds" if folder == bundled_seeds_dir() else folder.name or str(folder)
    return Corpus(name=name, articles=articles, events=sort_events(events), warnings=warnings)
