"""What the screens look like at 100x30 on the bundled seeds (SVG snapshots).

The seed articles are read from the package; their events are the
extractor's output at the time the snapshots were taken, frozen below, so
that these pictures change when the browser changes and not whenever the
extraction improves (the Pilot tests use the live extraction). Update after
a deliberate change with ``pytest tests/test_tui_snapshots.py
--snapshot-update`` and look at the SVGs in ``tests/__snapshots__/``.
"""

# ruff: noqa: E501 (frozen data lines)
from __future__ import annotations

from timeline.model import Article, Corpus, Event
from timeline.resources import bundled_seeds_dir
from timeline.tui.app import TimelineApp

SIZE = (100, 30)

# fmt: off
ARTICLES = [
    ('000_87005cab2153631f.txt', 'Cambodia Offers Best Practices Against Trafficking', 50, 2032, None, None, False),
    ('001_63449bacdb56d68a.txt', 'Anti-trafficking efforts rewarded', 166, 4923, '2010', 'year', True),
    ('002_03f6af94dca43902.txt', 'Governments target trafficking', 49, 2499, None, None, False),
    ('003_ec04f9ea3d0db219.txt', 'CAMBODIA: Trafficking clampdown launched', 40, 1877, '2007-04-06', 'day', False),
    ('004_45407d4b49ffd4f1.txt', 'Counter-Trafficking Stakeholder Meeting', 39, 3538, '2013-06-25', 'day', False),
]
EVENTS = [
    ('c195c9f1408e', '001_63449bacdb56d68a.txt', '2005', 'year', False, 'tier_change', ('United States', 'Cambodia'), ('Cambodia',), 4452, 4713, 4455, 4459, 'In 2005, it was considered a Tier 3 country – the bottom of three levels on the US state department’s scale – because…'),
    ('1d62c81118dd', '001_63449bacdb56d68a.txt', '2005', 'year', False, 'statistic', (), (), 4715, 4859, 4717, 4721, 'A 2005 report from the International Labour Organisation estimated there were at least 12.3 million people subjected…'),
    ('74c12b6405de', '003_ec04f9ea3d0db219.txt', '2006', 'year', False, 'tier_change', ('United States', 'Cambodia'), ('Cambodia',), 1769, 1877, 1769, 1778, 'Last year, the United States elevated the country from the lowest level on its human trafficking watch list.'),
    ('05f3dac9cd44', '003_ec04f9ea3d0db219.txt', '2007-04-06', 'day', False, 'task_force', ('Cambodia',), (), 42, 165, None, None, "The Cambodian government has launched the country's first national task force to combat human trafficking."),
    ('ab87ed79ddc2', '001_63449bacdb56d68a.txt', '2009', 'year', False, 'statistic', ('Cambodia',), (), 916, 1073, 1057, 1061, 'Convictions of human trafficking offenders in Cambodia over the last year have more than tripled to 36, the report…'),
    ('cabf7cb734dc', '001_63449bacdb56d68a.txt', '2009', 'year', True, 'tier_change', ('Cambodia',), (), 1075, 1295, 1075, 1084, 'Last year’s report criticised Cambodia for a perceived lack of progress in convicting and punishing human-trafficking…'),
    ('1f8ddf221b7e', '001_63449bacdb56d68a.txt', '2010', 'year', True, 'tier_change', ('United States', 'Cambodia'), (), 168, 527, 520, 526, 'The US State Department has removed Cambodia from a watchlist of countries judged to be making insufficient gains in…'),
    ('c4134f8da37d', '001_63449bacdb56d68a.txt', '2010', 'year', True, 'statistic', ('Cambodia',), (), 916, 1073, 976, 989, 'Convictions of human trafficking offenders in Cambodia over the last year have more than tripled to 36, the report…'),
    ('34badbe2b13b', '001_63449bacdb56d68a.txt', '2010', 'year', True, 'other', ('Cambodia',), ('Cambodia',), 2775, 2864, 2854, 2863, 'Bith Kimhong said officials plan to focus on cross-border trafficking problems this year.'),
    ('d8422f5d9b73', '000_87005cab2153631f.txt', '2012', 'year', False, 'statistic', ('Cambodia', 'Myanmar', 'Vietnam', 'Thailand', 'Laos'), (), 330, 682, 484, 488, 'The Asean region is one of the world’s top destinations and origins of trafficked persons, and a total of 959 cases of…'),
    ('4fd0feed8674', '004_45407d4b49ffd4f1.txt', '2013-06-25', 'day', False, 'conference', ('Cambodia',), (), 58, 234, None, None, 'The United Nations Inter-Agency Project on Human Traffi cking (UNIAP) hosted a Counter-Trafficking Stakeholder Meeting…'),
    ('4acfea616670', '000_87005cab2153631f.txt', '2015', 'year', False, 'agreement', ('Cambodia',), (), 940, 1177, 1118, 1122, 'Khine Myat Chit, senior officer in the Security Cooperation Division at the Asean Secretariat, said the Asean…'),
    ('a97a5fac3847', '002_03f6af94dca43902.txt', '2015', 'year', False, 'statistic', ('Cambodia',), ('Cambodia',), 1897, 1991, 1965, 1969, 'In 2016, his organization handled 90 cases of trafficking, while in 2015, they dealt with 100.'),
    ('535e880acbb5', '002_03f6af94dca43902.txt', '2016', 'year', False, 'statistic', ('Cambodia',), (), 323, 451, 446, 450, 'According to the government, sex trafficking in Cambodia decreased by about 18 cases – representing a 19 percent drop…'),
    ('39ead7949bb2', '002_03f6af94dca43902.txt', '2016', 'year', False, 'statistic', ('Cambodia',), ('Cambodia',), 1084, 1458, 1297, 1301, 'After issuing measures to prevent all forms of human trafficking and sexual exploitation of women and children…'),
    ('c462bf6609bd', '002_03f6af94dca43902.txt', '2016', 'year', False, 'statistic', ('Cambodia',), ('Cambodia',), 1897, 1991, 1900, 1904, 'In 2016, his organization handled 90 cases of trafficking, while in 2015, they dealt with 100.'),
    ('5da5097ba2b4', '002_03f6af94dca43902.txt', None, None, False, 'conference', ('Cambodia', 'Vietnam', 'Laos'), (), 86, 152, None, None, 'Officials from Cambodia, Vietnam and Laos attended the conference.'),
]
#: The tier fields of the tier changes: (tier, previous, report year).
TIERS = {
    'c195c9f1408e': ('3', None, 2005),
    '74c12b6405de': (None, '3', 2006),
    'cabf7cb734dc': ('2WL', None, 2009),
    '1f8ddf221b7e': ('2', '2WL', 2010),
}
# fmt: on


def frozen_seeds() -> Corpus:
    """The bundled seeds with the frozen events above."""
    articles = []
    for file, title, body_start, body_end, date, precision, approximate in ARTICLES:
        text = (bundled_seeds_dir() / file).read_text(encoding="utf-8")
        articles.append(
            Article(file, title, text, body_start, body_end, date, precision, approximate)
        )
    texts = {a.file: a.text for a in articles}
    events = [
        Event(
            id=id_,
            date=date,
            precision=precision,
            approximate=approximate,
            type=kind,
            countries=countries,
            summary=summary,
            article=file,
            sentence=texts[file][start:end],
            start=start,
            end=end,
            inherited=inherited,
            date_start=date_start,
            date_end=date_end,
        )
        for (
            id_,
            file,
            date,
            precision,
            approximate,
            kind,
            countries,
            inherited,
            start,
            end,
            date_start,
            date_end,
            summary,
        ) in EVENTS
    ]
    for event in events:
        event.tier, event.previous, event.report_year = TIERS.get(event.id, (None, None, None))
    return Corpus(name="bundled seeds", articles=articles, events=events)


def seeds_app() -> TimelineApp:
    """The browser on the bundled seeds."""
    return TimelineApp(frozen_seeds())


def test_main_screen(snap_compare):
    assert snap_compare(seeds_app(), terminal_size=SIZE)


def test_article_screen_2007_task_force(snap_compare):
    assert snap_compare(seeds_app(), press=["y", *"2007", "enter", "enter"], terminal_size=SIZE)


def test_grid(snap_compare):
    assert snap_compare(seeds_app(), press=["v"], terminal_size=SIZE)


def test_help(snap_compare):
    assert snap_compare(seeds_app(), press=["question_mark"], terminal_size=SIZE)


def test_main_screen_filtered_to_one_country(snap_compare):
    assert snap_compare(seeds_app(), press=["right_curly_bracket"], terminal_size=SIZE)


def test_tiers(snap_compare):
    assert snap_compare(seeds_app(), press=["T"], terminal_size=SIZE)


SMALL = (80, 24)


def test_main_screen_80x24(snap_compare):
    assert snap_compare(seeds_app(), terminal_size=SMALL)


def test_help_80x24(snap_compare):
    assert snap_compare(seeds_app(), press=["question_mark"], terminal_size=SMALL)


def test_search_in_articles_80x24(snap_compare):
    app = seeds_app()

    async def search(pilot) -> None:
        await pilot.pause()  # the screen mounted: / opens the field
        await pilot.press("slash", *"busses", "tab")
        await app.workers.wait_for_complete()  # every match found: the count is final
        await pilot.pause()

    assert snap_compare(app, run_before=search, terminal_size=SMALL)
