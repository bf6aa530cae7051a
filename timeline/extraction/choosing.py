"""Stage 3 of extraction: the dates a sentence's events take (its own, the article's, the
time the story tells, or none), and the story's frame: the time its sentences tell.

Read by :mod:`timeline.extraction.extract`, over the state of :mod:`.state`.
"""

from __future__ import annotations

import re

from timeline.extraction.countries import opens_with_new_country
from timeline.extraction.counts import acted_counts, new_count
from timeline.extraction.eventdates import SentenceDates, sentence_dates
from timeline.extraction.kinds import Kind
from timeline.extraction.state import ArticleState, Choice, SentenceState, StoryState
from timeline.language.dates import DateMention

__all__ = [
    "FRAME_PARAGRAPHS",
    "LEAD_PARAGRAPHS",
    "RANKING_TOLD",
    "choose_dates",
    "own_dates",
    "set_frame",
]

_QUOTE_OPENERS = "\"“‘'«"
#: The kinds told before whose date an undated ranking of an undated clipping takes: an
#: earlier ranking's, else the report's (the types stories also tell as one).
RANKING_TOLD = ("tier_change", "report")


def choose_dates(
    state: ArticleState, story: StoryState, sentence: SentenceState, kind: Kind, lead: int
) -> list[Choice] | None:
    """Stage 3: the dates the sentence's events take; None when it gives no event."""
    article = state.article
    found = own_dates(sentence, kind)
    sentence.dates = found.mentions
    main_first: list[Choice] = []
    if found.undated_main:
        # "an increase in convictions over the prior year": the figure is of the time the
        # story tells, not of its baseline.
        main_first = [_context_date(state, story)]
    else:
        set_frame(state, story, sentence, found.mentions)
    if kind.kind == "tier_change" and sentence.dates:
        # A ranking is dated by the dates of its clauses ("ranked Tier 3 in 2014"), not by
        # a date of something else the sentence tells ("as the trial of the 2019 ..."); a
        # ranking told in a clause of its own beside dated history ("placed on the watch
        # list, after being ranked Tier 3 in 2021 and 2022") takes the article's date.
        ranking = sentence.ranking
        spans = [(m.start - sentence.start, m.end - sentence.start) for m in sentence.dates]
        ranked = [m for m, span in zip(sentence.dates, spans, strict=True) if ranking.dates(span)]
        if ranked or ranking.main() is not None:  # else: no ranking read; dated as any event
            sentence.dates = ranked
        kept = [(m.start - sentence.start, m.end - sentence.start) for m in ranked]
        if ranked and article.date and ranking.undated_main(kept):
            # "In the same report, ...": the story's ranking day, else the article's.
            main_first = [story.told_when.get(kind.kind, (article.date, article.approximate, None))]
    resolved: dict[str, DateMention] = {}
    for m in sentence.dates:
        if m.value and m.value not in resolved and (not main_first or m.value != main_first[0][0]):
            resolved[m.value] = m
    if resolved or main_first:
        dated = [(value, m.relative and article.approximate, m) for value, m in resolved.items()]
        return main_first + dated
    if not kind.action:
        return None  # no date and no narrated action
    if sentence.text[lead:].lstrip().startswith(tuple(_QUOTE_OPENERS)) and not _new_count(
        sentence.text, story
    ):
        return None  # a quoted remark, unless it counts an act ("We rescued 233 victims")
    if sentence.dates:
        return [(None, False, None)]  # its date is relative and cannot be resolved
    if not article.date:
        return [_undated_article_date(story, sentence, kind, lead)]
    if (
        kind.kind in story.told
        and not opens_with_new_country(
            sentence.places, sentence.start + lead, story.told[kind.kind]
        )
        and not _new_count(sentence.text, story)
    ):
        # "Police detained 39 people at the site." after the raid was told: more about a
        # happening of that type already on the timeline, not a new one on the article's
        # date. Another type ("In a joint declaration, the ministers committed to ...") or a
        # sentence led by another country ("Laos stayed on the watch list") is news of its own,
        # and so is one with a count of its own ("Forty people were acquitted").
        return None
    recent = _recent_frame(state, story, sentence.text, kind)
    if recent is not None:
        return [recent]
    if kind.kind in story.told_when:
        # "Neighbouring Thailand remained on the watch list": news of the same kind as the
        # story's first dated event of it ("downgraded ... in the report released on
        # Wednesday"), and of its day.
        return [story.told_when[kind.kind]]
    return [_period_date(state, story)]


_SINCE = re.compile(r"(?i)\bsince\b")


def _recent_frame(state: ArticleState, story: StoryState, text: str, kind: Kind) -> Choice | None:
    """The month (or day) of the article's year, before the article's month, that this
    paragraph or the one before tells in an event of the same type, for an undated act
    that goes on its story: "In August this year, six women were saved ... 13 brokers were
    also arrested". A count "since then" runs to the article's day."""
    frame, day = story.frame, state.article.date
    if frame is None or day is None or not story.events:
        return None
    paragraph, choice = frame
    value, last = choice[0], story.events[-1]
    if (
        story.paragraph - paragraph > FRAME_PARAGRAPHS
        or value is None
        or (last.type, last.date) != (kind.kind, value)
        or len(value) < 7  # a month or a day
        or value[:4] != day[:4]
        or value[:7] >= day[:7]
        or _SINCE.search(text)
    ):
        return None
    return choice


def _undated_article_date(
    story: StoryState, sentence: SentenceState, kind: Kind, lead: int
) -> Choice:
    """The date of an undated sentence of an undated clipping: none, but for a ranking,
    which is of the report the story has dated ("released the 2014 TIP report. It was
    downgraded to Tier 3": the 2014 report's ranking) unless it tells more of a ranking
    told already ("Thailand had been at Tier 2 for four years")."""
    told_ranking = story.told.get("tier_change")
    if kind.kind == "tier_change" and (
        told_ranking is None
        or opens_with_new_country(sentence.places, sentence.start + lead, told_ranking)
    ):
        for told in RANKING_TOLD:
            if told in story.told_when:
                return story.told_when[told]
    if story.lead_day is not None and kind.kind != "tier_change":
        return story.lead_day
    return (None, False, None)


def _new_count(text: str, story: StoryState) -> bool:
    """Whether a sentence tells an act done to a count (or a prison term) no event before
    gave."""
    counts = acted_counts(text)
    if not counts:
        return False
    # The counts of the events told so far, read only now: most sentences count nothing.
    told = {count for event in story.events for count in acted_counts(event.sentence)}
    return new_count(counts, told)


def own_dates(sentence: SentenceState, kind: Kind | None = None) -> SentenceDates:
    """The sentence's dates that date its events (:func:`sentence_dates`); a ranking's
    span of years is a ranking a year ("From 2011 to 2013 ... on the watch list")."""
    local = [m.shifted(-sentence.start) for m in sentence.dates]
    spans = kind is None or kind.kind != "tier_change"
    return sentence_dates(sentence.text, sentence.start, local, spans=spans)


def set_frame(state: ArticleState, story: StoryState, sentence: SentenceState, dates: list) -> None:
    """Remember the time a sentence tells (its first date) as the story's frame (a photo
    caption's time is its own)."""
    first = next((m for m in dates if m.value), None)
    if first is not None and not state.in_caption(sentence.start):
        approximate = first.relative and state.article.approximate
        story.frame = (story.paragraph, (first.value, approximate, None))
        if (
            state.article.date is None
            and story.lead_day is None
            and story.paragraph <= LEAD_PARAGRAPHS
            and len(first.value) == 10
            and not first.relative
        ):
            story.lead_day = story.frame[1]
        if (
            story.paragraph <= LEAD_PARAGRAPHS
            and story.period is None
            and _of_the_period(first.value, state.article.date)
        ):
            story.period = story.frame[1]


def _of_the_period(value: str, article_date: str | None) -> bool:
    """Whether a date is a period the article reports on: coarser than the article's date,
    and holding it ("this year") or the year before ("last year")."""
    return (
        article_date is not None
        and len(value) < len(article_date)
        and (article_date.startswith(value) or int(value[:4]) == int(article_date[:4]) - 1)
    )


#: How many paragraphs the time a story tells reaches forward.
FRAME_PARAGRAPHS = 1
#: How many paragraph breaks come before the last paragraph of an article's lead.
LEAD_PARAGRAPHS = 1


def _period_date(state: ArticleState, story: StoryState) -> Choice:
    """The date of a happening narrated without one: the period its paragraph tells ("Over
    the past year, ...", "Last year, ...") when that is coarser than the article's date and
    holds it or is the year before, else the article's (a press release's day would be
    false precision for what it says of the year)."""
    article = state.article
    frame = story.frame
    if (
        frame is not None
        and frame[0] == story.paragraph
        and frame[1][0] is not None
        and _of_the_period(frame[1][0], article.date)
    ):
        return frame[1]
    if story.period is not None:
        return story.period
    return (article.date, article.approximate, None)


def _context_date(state: ArticleState, story: StoryState) -> Choice:
    """The date of the time the story tells, for a happening told without a date of its own:
    the frame the story set in this paragraph or the one before when it is the article's
    year or the year before, else the article's (approximate when that is), else none."""
    article = state.article
    frame = story.frame
    if (
        frame is not None
        and story.paragraph - frame[0] <= FRAME_PARAGRAPHS
        and frame[1][0] is not None
        # the story's current time, not history it recalls ("crimes uncovered in 2015")
        and (article.date is None or int(article.date[:4]) - int(frame[1][0][:4]) in (0, 1))
    ):
        return frame[1]
    return (article.date, article.approximate, None)
