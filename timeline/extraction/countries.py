"""Which countries an event is about: the article's main country, the countries a
sentence names and what it inherits."""

from __future__ import annotations

import re
from collections import Counter

from timeline.extraction.kinds import Kind
from timeline.extraction.places import CountryMention, demonym_kind, find_countries
from timeline.language.lexicon import COUNTED_PEOPLE, alternation
from timeline.model import Article

__all__ = [
    "countries_for",
    "from_origin",
    "main_country",
    "named_countries",
    "opens_with_new_country",
]

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


_OPENING_CHARS = 24


def opens_with_new_country(mentions: list[CountryMention], at: int, told: set[str]) -> bool:
    """True when the sentence starting at ``at`` opens with a country not in ``told``."""
    return any(at <= m.start <= at + _OPENING_CHARS and m.country not in told for m in mentions)


def named_countries(mentions: list[CountryMention]) -> list[str]:
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


# People named by where they come from: "Bangladeshi migrants", "Vietnamese women", "Rohingya
# and Bangladeshi migrants".
_PEOPLE_AFTER = re.compile(
    rf"(?:\s+(?:and|or)\s+[A-Z][\w-]*)?\s+(?:[a-z-]+\s+)?{alternation(COUNTED_PEOPLE)}\b"
)


def from_origin(text: str, m: CountryMention) -> bool:
    """True when a mention names where people come from, not where anything happened:
    a demonym before people ("Bangladeshi migrants") or a noun for people ("Bangladeshis")."""
    kind = demonym_kind(m.text)
    return kind == "plural" or (kind == "demonym" and bool(_PEOPLE_AFTER.match(text, m.end)))


# What names countries only for comparison in a ranking: "dropped to Tier 3, alongside North
# Korea and Syria", "joining countries such as Iran", "the nation joins Iran", "a space it
# shares regionally with China", "Vietnam, like Malaysia, ...", "..., as did Laos".
_COMPARED_BEFORE = re.compile(
    r"(?i)\b(?:alongside|along\s+with|join(?:s|ed|ing)?|together\s+with|like|unlike|as\s+did|"
    r"as\s+do(?:es)?|such\s+as|shar(?:es?|ed|ing)\s+(?:[\w-]+\s+){0,3}?with|"
    # "slid to Tier 3 - the same category as North Korea and Syria"
    r"(?:the\s+)?same\s+(?:category|tier|level|rank|ranking|group|list)\s+as)\s+"
    r"(?:(?:other\s+)?countries\s+(?:such\s+as|like|including)\s+)?(?:the\s+)?$"
)
# The report that ranks the countries: "Trafficking in Persons report", "TIP report".
_TIP_REPORT = re.compile(r"(?i)\btrafficking\s+in\s+persons\b|\bTIP\s+report\b")
#: The author of the trafficking rankings, named after the countries it ranks.
RANKER = "United States"


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


def countries_for(
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
    # The release of the rankings is about the countries ranked, as a ranking is ("When the
    # US State Department published its Trafficking in Persons report, Thailand ...").
    ranking = kind.kind == "tier_change" or (
        kind.kind == "report" and bool(_TIP_REPORT.search(sentence))
    )
    if ranking:
        compared = _compared(sentence, mentions, offset)
        mentions = [m for k, m in enumerate(mentions) if k not in compared]
    named = named_countries(mentions)
    if ranking and RANKER in named:
        # The ranked countries first: the ranker is listed after them, never first.
        named = [c for c in named if c != RANKER] + [RANKER]
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
        only_ranker = ranking and set(named) <= {RANKER}
        inherit = (
            only_ranker
            or bool(_ANAPHOR.search(sentence))
            or _only_destinations(sentence, mentions, offset)
            # "A mass grave of 30 Bangladeshi migrants was found": found where the story is.
            or all(from_origin(sentence, m.shifted(-offset)) for m in mentions)
        )
    if inherit and ranking:
        return (main, *named), (main,)
    if inherit:
        return (*named, main), (main,)
    return tuple(named), ()
