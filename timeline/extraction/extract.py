"""From an article to its events, in named stages over one small state object.

A sentence becomes an event when it reports something happening, planned or
counted (see :mod:`timeline.extraction.kinds`): one event for each distinct
resolved date it names. A sentence that narrates an event without naming a
date takes the article date (approximate when that is), or stays undated.

The stages, for each sentence of the body (:func:`extract_events`):

1. :func:`_locate` -- its date mentions, its countries and its paragraph's
   context;
2. :func:`_classify` -- skip headings and fragments, find its event type;
3. :func:`_choose_dates` -- which dates date it, or the article's, or none;
4. :func:`_emit` -- its countries, summary and id, one event per date (and per
   happening told in a clause of its own), dropping elaborations of an event
   already told.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable

from timeline.extraction.countries import (
    RANKER,
    countries_for,
    from_origin,
    main_country,
    named_countries,
    opens_with_new_country,
)
from timeline.extraction.counts import acted_counts, new_count
from timeline.extraction.eventdates import (
    SentenceDates,
    article_reference,
    figure_summary,
    sentence_dates,
)
from timeline.extraction.kinds import SINGULAR_KINDS, Kind, classify
from timeline.extraction.places import find_countries
from timeline.extraction.regions import find_regions
from timeline.extraction.sentences import split_sentences
from timeline.extraction.shapes import (
    MAX_SENTENCE,
    agenda_line,
    caption_spans,
    clause_kind,
    gathering_of_signing,
    looks_like_sentence,
    narrative_and_captions,
    other_clause_kinds,
)
from timeline.extraction.state import ArticleState, Choice, SentenceState, StoryState
from timeline.extraction.summary import (
    after_dateline,
    dateline_length,
    event_id,
    is_wire_dateline,
    summarize,
)
from timeline.extraction.tiergroups import tier_groups
from timeline.extraction.tiers import TierFacts, report_year, tier_summary
from timeline.language.dates import DateMention, find_dates, numeric_date_order
from timeline.model import Article, Event, precision_of

__all__ = ["MAX_SENTENCE", "extract_events", "safe_extract"]

_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_QUOTE_OPENERS = "\"“‘'«"
#: The kinds told before whose date an undated ranking of an undated clipping takes: an
#: earlier ranking's, else the report's (the types stories also tell as one).
RANKING_TOLD = ("tier_change", "report")


def extract_events(article: Article) -> list[Event]:
    """Every event an article reports, in text order."""
    state = _prepare(article)
    story = StoryState(prev_end=article.body_start)
    for s_start, s_end in split_sentences(state.text, article.body_start, _end(article)):
        sentence = _locate(state, story, s_start, s_end)
        kind = _classify(sentence)
        if kind is None:
            # "Over the past year, the government demonstrated ...": the time the story tells
            # (a run of text too long to be a sentence tells none).
            if sentence.dates and len(sentence.text) <= MAX_SENTENCE:
                _set_frame(state, story, sentence, _own_dates(sentence).mentions)
            continue
        lead = after_dateline(article, s_start, sentence.text)
        choices = _choose_dates(state, story, sentence, kind, lead)
        if choices is None:
            continue
        _emit(state, story, sentence, kind, choices, lead)
    _drop_told_captions(state, story)
    if story.dropped:
        return [e for e in story.events if id(e) not in story.dropped]
    return story.events


def _drop_told_captions(state: ArticleState, story: StoryState) -> None:
    """Drop the events of photo captions that the story tells too (the same type on the
    same day): "Two Chinese nationals ... stand at the unit on Sunday after being detained
    by police. PHOTO SUPPLIED" above the arrest's own sentence. A caption's own news ("This
    file photo taken on June 3, 2015 shows ... as he turns himself in") stays."""
    captions = state.captions
    if not captions:
        return
    in_caption = {
        id(e) for e in story.events if any(low <= e.start < high for low, high in captions)
    }
    told = {(e.type, e.date) for e in story.events if id(e) not in in_caption}
    for event in story.events:
        if id(event) in in_caption and event.date and (event.type, event.date) in told:
            story.dropped.add(id(event))


def _end(article: Article) -> int:
    return article.body_end or len(article.text)


def _prepare(article: Article) -> ArticleState:
    """Stage 0: the body's date and country mentions, and the article's main country."""
    text = readable(article.text)
    start, end = article.body_start, _end(article)
    body = text[start:end]
    reference, ref_precision = article_reference(article)
    order = numeric_date_order(text)
    captions = caption_spans(text, start, end)
    dates = [
        m.shifted(at)
        for at, part in narrative_and_captions(text, start, end, captions)
        for m in find_dates(part, reference, ref_precision, order)
    ]
    dates.sort(key=lambda m: m.start)
    if article.date_span:
        ds, de = article.date_span
        dates = [m for m in dates if m.end <= ds or m.start >= de]  # the dateline is the article's
    places = [m.shifted(start) for m in find_countries(body)]
    regions = [m.shifted(start) for m in find_regions(body)]
    return ArticleState(
        article,
        text,
        dates,
        [m.start for m in dates],
        places,
        [m.start for m in places],
        regions,
        [m.start for m in regions],
        main_country(article, places),
        captions,
    )


# Markup left in a text copied from a web page: "the Vietnamese <br />national assembly".
_MARKUP = re.compile(r"</?(?:br|p|div|span|b|i|em|strong)\b[^<>\n]{0,80}>", re.I)


def readable(text: str) -> str:
    """``text`` with markup left in it blanked: the same length, so spans stay as they are."""
    if "<" not in text:
        return text
    return _MARKUP.sub(lambda m: " " * len(m.group()), text)


def _between(items: list, starts: list[int], start: int, end: int) -> list:
    """The items (sorted by start) that start in ``[start, end)``."""
    return items[bisect_left(starts, start) : bisect_left(starts, end)]


def _locate(state: ArticleState, story: StoryState, s_start: int, s_end: int) -> SentenceState:
    """Stage 1: the sentence's mentions and the paragraph context it is read in."""
    article, text = state.article, state.text
    places = _between(state.places, state.place_starts, s_start, s_end)
    new_paragraph = _PARAGRAPH_BREAK.search(text, story.prev_end, s_start) is not None
    story.paragraph += new_paragraph
    previous = None if new_paragraph else story.prev_named
    sentence = SentenceState(
        s_start,
        s_end,
        text[s_start:s_end],
        article.text[s_start:s_end],
        _without_dateline(state, _between(state.dates, state.date_starts, s_start, s_end)),
        places,
        tuple(
            dict.fromkeys(
                m.region for m in _between(state.regions, state.region_starts, s_start, s_end)
            )
        ),
        previous,
        story.pair,
    )
    # "... belonging to Bangladeshi migrants. Four more camps were found": not in Bangladesh.
    origins = bool(places) and all(from_origin(text, m) for m in places)
    story.prev_named = [] if origins else named_countries(places)
    story.prev_end = s_end
    # A pair is named in the text itself, not by a dateline's place ("WASHINGTON, ...").
    lead = s_start + dateline_length(article, s_start)
    in_text = named_countries([m for m in places if m.start >= lead])
    if len(in_text) >= 2:
        story.pair = in_text[:2]
    return sentence


def _without_dateline(state: ArticleState, dates: list[DateMention]) -> list[DateMention]:
    """A sentence's dates, but for a wire dateline that tells the article's day again below
    another header ("date 2024-08-31 KUALA LUMPUR, Aug 31 — ... rescued from January to
    June") when the sentence has a date of its own that the day does not refine; beside
    a report's year alone ("... the TIP report for 2018"), the day is the news's."""
    day = state.article.date
    if not day or len(dates) < 2:
        return dates
    wire = [m for m in dates if m.value == day and is_wire_dateline(state.text, m.start, m.end)]
    if wire and any(m.value and not day.startswith(m.value) for m in dates if m not in wire):
        return [m for m in dates if m not in wire]
    return dates


def _classify(sentence: SentenceState) -> Kind | None:
    """Stage 2: the sentence's event type; None for headings, fragments and non-events."""
    first = sentence.dates[0].shifted(-sentence.start) if sentence.dates else None
    if not (looks_like_sentence(sentence.text) or agenda_line(sentence.text, first)):
        return None
    return classify(sentence.text)


def _choose_dates(
    state: ArticleState, story: StoryState, sentence: SentenceState, kind: Kind, lead: int
) -> list[Choice] | None:
    """Stage 3: the dates the sentence's events take; None when it gives no event."""
    article = state.article
    found = _own_dates(sentence, kind)
    sentence.dates = found.mentions
    main_first: list[Choice] = []
    if found.undated_main:
        # "an increase in convictions over the prior year": the figure is of the time the
        # story tells, not of its baseline.
        main_first = [_context_date(state, story)]
    else:
        _set_frame(state, story, sentence, found.mentions)
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
    if kind.kind in story.told_when:
        # "Neighbouring Thailand remained on the watch list": news of the same kind as the
        # story's first dated event of it ("downgraded ... in the report released on
        # Wednesday"), and of its day.
        return [story.told_when[kind.kind]]
    return [_period_date(state, story)]


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


def _own_dates(sentence: SentenceState, kind: Kind | None = None) -> SentenceDates:
    """The sentence's dates that date its events (:func:`sentence_dates`); a ranking's
    span of years is a ranking a year ("From 2011 to 2013 ... on the watch list")."""
    local = [m.shifted(-sentence.start) for m in sentence.dates]
    spans = kind is None or kind.kind != "tier_change"
    return sentence_dates(sentence.text, sentence.start, local, spans=spans)


def _set_frame(
    state: ArticleState, story: StoryState, sentence: SentenceState, dates: list
) -> None:
    """Remember the time a sentence tells (its first date) as the story's frame (a photo
    caption's time is its own)."""
    first = next((m for m in dates if m.value), None)
    if first is not None and not any(low <= sentence.start < high for low, high in state.captions):
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


# A photo caption: "This file photo taken on ... shows", "(Photo by ...)", "Photo: ...".
_CAPTION = re.compile(
    r"(?i)\b(?:file\s+)?(?:photo|picture|image)\s+(?:taken|shows|dated|from)\b|"
    r"\((?:photo|picture)\s+(?:by|courtesy|credit)\b|^\W*(?:photo|file\s+photo)\s*:"
)


def _emit(
    state: ArticleState,
    story: StoryState,
    sentence: SentenceState,
    kind: Kind,
    choices: list[Choice],
    lead: int,
) -> None:
    """Stage 4: the sentence's events, unless they only elaborate events already told."""
    countries, inherited = countries_for(
        sentence.text,
        sentence.places,
        state.main,
        kind,
        (sentence.pair, sentence.previous),
        sentence.start,
    )
    # A photo's caption tells what the picture shows, not the story later sentences
    # elaborate ("This file photo taken on June 3, 2015 shows ..." above a 2017 verdict).
    low = sentence.text.lower()
    if not (("photo" in low or "picture" in low or "image" in low) and _CAPTION.search(low)):
        story.told.setdefault(kind.kind, set()).update(countries)
        if any(choice[2] is not None for choice in choices) and kind.kind not in story.told_when:
            story.told_when[kind.kind] = (choices[0][0], choices[0][1], None)
    summary = summarize(sentence.text[lead:])
    typed = [(value, approximate, mention, kind) for value, approximate, mention in choices]
    if len(choices) == 1 and kind.action and kind.kind in SINGULAR_KINDS:
        # "dropped Thailand to Tier 3, and the government set up a new committee": one date,
        # two happenings told in clauses of their own.
        value, approximate, mention = choices[0]
        others = other_clause_kinds(sentence.text, kind) or gathering_of_signing(
            sentence.text, kind
        )
        typed += [(value, approximate, mention, k) for k in others]
    for value, approximate, mention, sentence_kind in typed:
        this_kind = sentence_kind
        if mention is not None and len(choices) > 1:  # several dates: type each by its clause
            this_kind = clause_kind(sentence.text, mention.start - sentence.start, kind)
        groups = [(countries, None)]
        if this_kind.kind == "tier_change":
            if not sentence.places and sentence.ranking.explains():
                return  # "A country that spends two years on the watch list is downgraded"
            groups = tier_groups(sentence, countries, mention)
        for group, facts in groups:
            _add_event(
                state,
                story,
                sentence,
                this_kind.kind,
                value,
                approximate,
                mention,
                group,
                tuple(c for c in inherited if c in group),
                facts,
                (
                    len(choices) > 1
                    and mention
                    and figure_summary(sentence.text, sentence.start, mention, lead)
                )
                or summary,
            )


def _add_event(
    state: ArticleState,
    story: StoryState,
    sentence: SentenceState,
    kind: str,
    value: str | None,
    approximate: bool,
    mention: DateMention | None,
    countries: tuple[str, ...],
    inherited: tuple[str, ...],
    facts: TierFacts | None,
    summary: str,
) -> None:
    """One event, unless a sentence before has told the same happening already."""
    article = state.article
    if kind in SINGULAR_KINDS:
        key = (kind, value)
        named = set(countries) - set(inherited)
        earlier = story.seen_singular.get(key)
        if earlier is not None and named <= earlier:
            if facts is not None:
                _refine_tier(story, value, named, facts)
            return  # a later sentence elaborating the same happening
        story.seen_singular.setdefault(key, set()).update(named)
        if mention is not None and value is not None:
            _date_the_lead(state, story, kind, value, set(countries))
    base = event_id(article.file, sentence.evidence, value, 0)
    story.seen_ids[base] += 1
    occurrence = story.seen_ids[base]
    eid = base if occurrence == 1 else event_id(article.file, sentence.evidence, value, occurrence)
    edition = None
    if facts is not None:
        year = int(article.date[:4]) if article.date else None
        edition = report_year(sentence.text, value, year)
        ranked = tuple(c for c in countries if c != RANKER) or countries
        summary = tier_summary(ranked, facts, edition)
    event = Event(
        id=eid,
        date=value,
        precision=precision_of(value) if value else None,
        approximate=bool(value) and approximate,
        type=kind,
        countries=countries,
        summary=summary,
        article=article.file,
        sentence=sentence.evidence,
        start=sentence.start,
        end=sentence.end,
        inherited=inherited,
        date_start=mention.start if mention else None,
        date_end=mention.end if mention else None,
        regions=sentence.regions,
        tier=facts.tier if facts else None,
        previous=facts.previous if facts else None,
        report_year=edition,
        previous_years=facts.years_before if facts else 0,
    )
    story.events.append(event)
    if kind in SINGULAR_KINDS and mention is None and value is not None and value == article.date:
        story.leads.setdefault(kind, []).append(event)


#: How many days before the article a happening its lead told without a date may lie.
LEAD_DAYS = 7


def _date_the_lead(
    state: ArticleState, story: StoryState, kind: str, value: str, countries: set[str]
) -> None:
    """Drop the event of a lead that told this happening without its date: "Ministers have
    inked a joint declaration" (dated by the article, 16 December) then "The declaration was
    signed in Beijing on December 14" is one signing, on the 14th."""
    date = state.article.date
    leads = story.leads.get(kind)
    if not leads or date is None or len(value) != 10 or len(date) != 10 or value > date:
        return
    if (dt.date.fromisoformat(date) - dt.date.fromisoformat(value)).days > LEAD_DAYS:
        return
    # The ranker is named beside every ranking: it does not make two rankings one.
    subjects = countries - {RANKER}
    for e in leads:
        theirs = set(e.countries) - {RANKER}
        if not theirs or not subjects or theirs & subjects:
            story.dropped.add(id(e))
    leads.clear()


def _refine_tier(story: StoryState, value: str | None, named: set[str], facts: TierFacts) -> None:
    """Give the tier event a later sentence elaborates the tier facts it lacked: "removed
    Cambodia from a watchlist" then "the 2010 report classifies Cambodia as Tier 2"."""
    for event in reversed(story.events):
        if event.type != "tier_change" or event.date != value or not named & set(event.countries):
            continue
        tier = event.tier or facts.tier
        previous = event.previous or facts.previous
        if (tier, previous) != (event.tier, event.previous):
            event.tier, event.previous = tier, previous
            ranked = tuple(c for c in event.countries if c != RANKER) or event.countries
            event.summary = tier_summary(ranked, TierFacts(tier, previous), event.report_year)
        return


def safe_extract(article: Article, warn: Callable[[str], None] | None = None) -> list[Event]:
    """:func:`extract_events`, turning an unexpected failure into a warning and no events."""
    try:
        return extract_events(article)
    except Exception as exc:  # one odd article must not stop a corpus
        if warn:
            warn(f"{article.file}: skipped: extraction failed ({exc.__class__.__name__}: {exc})")
        return []
