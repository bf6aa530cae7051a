"""From an article to its events, in named stages over one small state object.

A sentence becomes an event when it reports something happening, planned or
counted (see :mod:`timeline.extraction.kinds`): one event for each distinct
resolved date it names. A sentence that narrates an event without naming a
date takes the article date (approximate when that is), or stays undated.

The stages, for each sentence of the body (:func:`extract_events`):

1. :func:`_locate` -- its date mentions, its countries and its paragraph's
   context;
2. :func:`_classify` -- skip headings and fragments, find its event type;
3. :func:`.choosing.choose_dates` -- which dates date it, or the article's, or none;
4. :func:`_emit` -- its countries, summary and id, one event per date (and per
   happening told in a clause of its own), dropping elaborations of an event
   already told.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable

from timeline.extraction.choosing import choose_dates, own_dates, set_frame
from timeline.extraction.countries import (
    RANKER,
    countries_for,
    from_origin,
    main_country,
    named_countries,
)
from timeline.extraction.eventdates import (
    article_reference,
    figure_summary,
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
                set_frame(state, story, sentence, own_dates(sentence).mentions)
            continue
        lead = after_dateline(article, s_start, sentence.text)
        choices = choose_dates(state, story, sentence, kind, lead)
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
    if not state.captions:
        return
    in_caption = {id(e) for e in story.events if state.in_caption(e.start)}
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
    dates = _between(state.dates, state.date_starts, s_start, s_end)
    places = _without_credit(
        text, _between(state.places, state.place_starts, s_start, s_end), dates
    )
    new_paragraph = _PARAGRAPH_BREAK.search(text, story.prev_end, s_start) is not None
    story.paragraph += new_paragraph
    previous = None if new_paragraph else story.prev_named
    sentence = SentenceState(
        s_start,
        s_end,
        text[s_start:s_end],
        article.text[s_start:s_end],
        _without_dateline(state, dates),
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


def _without_credit(text: str, places: list, dates: list[DateMention]) -> list:
    """A sentence's places, but for those in the outlet a wire dateline credits before its
    date: "PHNOM PENH, (UrduPoint / Pakistan Point News - 12th Aug, 2022 ) :Cambodia ..."
    names no news of Pakistan."""
    if not places or not dates or not is_wire_dateline(text, dates[0].start, dates[0].end):
        return places
    opened = text.rfind("(", max(0, dates[0].start - 80), dates[0].start)
    if opened < 0 or ")" in text[opened : dates[0].start]:
        return places
    return [m for m in places if not opened < m.start < dates[0].start]


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
