"""Deterministic synthetic corpora for tests and benchmarks.

``synthetic_corpus(n)`` builds a :class:`~timeline.model.Corpus` of ``n``
events spread over articles, years, countries and types, with article texts
whose spans really hold the event sentences. The same arguments always give
the same corpus, so snapshots and benchmark figures are comparable.
"""

from __future__ import annotations

import random

from timeline.model import EVENT_TYPES, MONTH_ABBR, Article, Corpus, Event, precision_of

__all__ = ["SYNTHETIC_COUNTRIES", "synthetic_corpus", "tell_synthetic_stories"]

#: Countries the synthetic events are spread over.
SYNTHETIC_COUNTRIES: tuple[str, ...] = (
    "Cambodia",
    "Vietnam",
    "Laos",
    "Thailand",
    "Myanmar",
    "Malaysia",
    "Indonesia",
    "Philippines",
    "China",
    "United States",
)

_SUBJECTS = (
    "The ministry",
    "A regional task force",
    "Police in the capital",
    "A coalition of NGOs",
    "The national committee",
    "Government officials",
    "The court",
    "Delegates",
)
_VERBS = {
    "task_force": "launched a task force on labour trafficking",
    "tier_change": "was moved to the Tier 2 watch list",
    "conference": "met for a two-day conference on migration",
    "agreement": "signed a memorandum of understanding on victim return",
    "law": "adopted a national plan against trafficking",
    "enforcement": "convicted traffickers after a series of raids",
    "statistic": "reported hundreds of cases of trafficking",
    "report": "published its annual report on forced labour",
    "other": "announced new shelter funding",
}


def _date_for(rng: random.Random, first_year: int, last_year: int) -> tuple[str | None, str]:
    """A random ISO date (or None) and the words an article would use for it."""
    roll = rng.random()
    if roll < 0.04:
        return None, "recently"
    year = rng.randint(first_year, last_year)
    if roll < 0.30:
        return f"{year}", f"in {year}"
    month = rng.randint(1, 12)
    if roll < 0.60:
        return f"{year}-{month:02d}", f"in {MONTH_ABBR[month - 1]} {year}"
    day = rng.randint(1, 28)
    return f"{year}-{month:02d}-{day:02d}", f"on {day} {MONTH_ABBR[month - 1]} {year}"


def synthetic_corpus(
    n_events: int,
    *,
    seed: int = 0,
    events_per_article: int = 20,
    first_year: int = 1995,
    last_year: int = 2024,
    name: str = "synthetic",
) -> Corpus:
    """A corpus of ``n_events`` made-up events; same arguments, same corpus."""
    rng = random.Random(seed)
    articles: list[Article] = []
    events: list[Event] = []
    made = 0
    number = 0
    while made < n_events:
        count = min(events_per_article, n_events - made)
        file = f"{name}/{number:06d}.txt"
        main_country = rng.choice(SYNTHETIC_COUNTRIES)
        title = f"{main_country}: report {number} on counter-trafficking work"
        parts = [title, "\n\n"]
        offset = len(title) + 2
        article_events: list[Event] = []
        for k in range(count):
            date, words = _date_for(rng, first_year, last_year)
            kind = rng.choice(EVENT_TYPES)
            picked = rng.sample(SYNTHETIC_COUNTRIES, rng.choice((1, 1, 1, 2, 3)))
            countries = tuple(sorted(set(picked) | {main_country}))
            subject = rng.choice(_SUBJECTS)
            head = f"{subject} in {', '.join(countries)} {_VERBS[kind]} "
            sentence = f"{head}{words}."
            date_start = offset + len(head) + (words.index(" ") + 1 if date else 0)
            date_end = offset + len(head) + len(words)
            summary = f"{subject} {_VERBS[kind]}"
            article_events.append(
                Event(
                    id=f"{file}#{k}",
                    date=date,
                    precision=None if date is None else precision_of(date),
                    approximate=rng.random() < 0.05,
                    type=kind,
                    countries=countries,
                    summary=summary,
                    article=file,
                    sentence=sentence,
                    start=offset,
                    end=offset + len(sentence),
                    inherited=(main_country,) if main_country not in picked else (),
                    date_start=date_start if date else None,
                    date_end=date_end if date else None,
                )
            )
            sep = "\n\n" if k % 4 == 3 else " "
            parts.append(sentence)
            parts.append(sep)
            offset += len(sentence) + len(sep)
        text = "".join(parts)
        years = sorted(e.date for e in article_events if e.date)
        articles.append(
            Article(
                file=file,
                title=title,
                text=text,
                body_start=len(title) + 2,
                date=years[-1] if years else None,
                precision=precision_of(years[-1]) if years else None,
            )
        )
        events.extend(article_events)
        made += count
        number += 1
    return Corpus(name=name, articles=articles, events=events)


def tell_synthetic_stories(corpus: Corpus, *, share: float = 0.5, most: int = 4) -> int:
    """Set the ``story`` of a synthetic corpus's events, as stories of several sources.

    Events of one type and year from different articles are told together in
    stories of two to ``most`` tellings, about ``share`` of the dated events;
    the rest are stories of one. Deterministic; returns how many stories have
    several tellings. (The grouping is arbitrary: the browser only reads the ids.)
    """
    rng = random.Random(1)
    blocks: dict[tuple[str, str], list[Event]] = {}
    for event in corpus.events:
        event.story = f"s-{event.id}"
        if event.date is not None and rng.random() < share:
            blocks.setdefault((event.type, event.date[:4]), []).append(event)
    shared = 0
    for members in blocks.values():
        left = list(members)
        while len(left) > 1:
            size = rng.randint(2, most)
            group = [left.pop(0)]
            for event in list(left):
                if len(group) == size:
                    break
                if all(event.article != other.article for other in group):
                    group.append(event)
                    left.remove(event)
            if len(group) > 1:
                shared += 1
                for event in group:
                    event.story = group[0].story
    return shared
