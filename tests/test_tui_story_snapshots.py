"""A story row and its sources at 120x30 (SVG snapshots), on articles of ``tests/stories``.

Seven articles of ``tests/stories``: the ASEAN convention's signing told by
three (two say 21 November 2015, one the 22nd), the 2014 and 2015 TIP reports
on Thailand told by several. Their events are the extractor's output at the
time the snapshots were taken, frozen below (as in ``test_tui_snapshots.py``),
so that the pictures change when the browser changes. The wire story is given
an outlet and an address, as a saved web page would have. Update after a
deliberate change with ``pytest tests/test_tui_story_snapshots.py
--snapshot-update`` and look at the SVGs.
"""

# ruff: noqa: E501 (frozen data lines)
from __future__ import annotations

from pathlib import Path

from timeline.model import Article, Corpus, Event
from timeline.tui.app import TimelineApp

SIZE = (120, 30)
FOLDER = Path(__file__).parent / "stories"
OUTLETS = {
    "01_apn_asean_convention_signed.txt": (
        "Asia Pacific Newswire",
        "https://apn.example/2015/11/23/asean-convention",
    )
}

# fmt: off
ARTICLES = [
    ('01_apn_asean_convention_signed.txt', 'ASEAN leaders sign binding regional convention against human trafficking', 72, 1480, '2015-11-23', 'day'),
    ('02_cambodia_ncct_statement_actip.txt', 'Cambodia Signs the ASEAN Convention Against Trafficking in Persons', 66, 1484, '2015-11-21', 'day'),
    ('03_freedomroute_blog_convention.txt', 'A convention at last - but will it reach the boats?', 51, 1403, '2015-11-30', 'day'),
    ('05_rpa_thailand_tier3_2014.txt', 'US drops Thailand to lowest tier in human trafficking report', 60, 1457, '2014-06-20', 'day'),
    ('06_lrwm_blog_tier3_2014.txt', 'Tier 3: what the downgrade means for workers in Mahachai', 56, 1406, '2014-07-08', 'day'),
    ('07_bangkok_ledger_tip_2015.txt', 'Thailand stays on trafficking blacklist as Malaysia is upgraded', 63, 1336, '2015-07-28', 'day'),
    ('08_rtg_statement_tip_2015.txt', 'Statement of the Royal Thai Government on the 2015 Trafficking in Persons Report', 80, 1437, '2015-07-28', 'day'),
]
EVENTS = [
    ('e65a44e766e55', '01_apn_asean_convention_signed.txt', '2004-11', 'month', 'agreement', ('Laos',), (), ('ASEAN',), 858, 993, 979, 992, 's7793a2b11f1a', None, None, None, "The treaty builds on a non-binding ASEAN declaration against trafficking that the bloc's leaders adopted in Vientiane…"),
    ('e8a1779a66d80', '05_rpa_thailand_tier3_2014.txt', '2008', 'year', 'law', ('Myanmar', 'Cambodia', 'Laos', 'Thailand'), (), (), 771, 1041, 1036, 1040, 's71f8380a2d75', None, None, None, 'Report authors pointed to migrants from Myanmar, Cambodia and Laos who were sold onto trawlers and held at sea for…'),
    ('ec208e36fd26a', '02_cambodia_ncct_statement_actip.txt', '2008-02', 'month', 'law', ('Cambodia',), ('Cambodia',), (), 769, 957, 853, 866, 'sc8a32f5a4fb3', None, None, None, 'The Law on Suppression of Human Trafficking and Sexual Exploitation, promulgated in February 2008, already…'),
    ('eefa0f1a12842', '06_lrwm_blog_tier3_2014.txt', '2014-06', 'month', 'report', ('United States', 'Thailand', 'North Korea', 'Syria'), (), (), 105, 263, 188, 192, 's4f7991f37419', None, None, None, 'When the US State Department published its annual Trafficking in Persons report in June, Thailand slid to Tier 3 - the…'),
    ('e7aaf42a26b44', '07_bangkok_ledger_tip_2015.txt', '2014-06', 'month', 'tier_change', ('Thailand',), ('Thailand',), (), 338, 396, 381, 395, 's4f7991f37419', '3', None, 2014, 'Thailand: Tier 3 (2014 report)'),
    ('ef99d9bc57be0', '05_rpa_thailand_tier3_2014.txt', '2014-06-20', 'day', 'tier_change', ('Thailand', 'United States'), (), (), 115, 376, 136, 142, 's4f7991f37419', '3', None, 2014, 'Thailand: Tier 3 (2014 report)'),
    ('e14b4fbbb1767', '06_lrwm_blog_tier3_2014.txt', '2014-07-08', 'day', 'tier_change', ('Thailand',), ('Thailand',), (), 948, 992, None, None, 'sb1761cade02e', None, None, None, 'A ranking cannot fix any of that on its own.'),
    ('e4f9cbd65f37d', '08_rtg_statement_tip_2015.txt', '2015', 'year', 'tier_change', ('Thailand', 'United States'), (), (), 105, 304, 202, 206, 'sa379772c0e90', '3', '3', 2015, 'Thailand: Tier 3, as before (2015 report)'),
    ('e456a972c2474', '08_rtg_statement_tip_2015.txt', '2015', 'year', 'law', ('Thailand',), ('Thailand',), (), 540, 737, 540, 557, 's2896e98e23c1', None, None, None, 'Earlier this year, the Anti-Trafficking in Persons Act was amended to raise penalties for officials complicit in…'),
    ('eb6547f3dc0de', '03_freedomroute_blog_convention.txt', '2015-05', 'month', 'enforcement', ('Malaysia', 'Thailand'), (), (), 735, 924, 735, 753, 's901f0f0e4727', None, None, None, 'Six months earlier, in May, Malaysian police announced the discovery of 139 suspected graves at abandoned jungle camps…'),
    ('e7b9db4fac20a', '07_bangkok_ledger_tip_2015.txt', '2015-07-27', 'day', 'tier_change', ('Thailand', 'United States'), (), (), 108, 336, 246, 252, 'sa379772c0e90', '3', '3', 2015, 'Thailand: Tier 3, as before (2015 report)'),
    ('eb3b23eeca1b6', '07_bangkok_ledger_tip_2015.txt', '2015-07-27', 'day', 'tier_change', ('Malaysia',), (), (), 569, 659, None, None, 's2ebae2611f50', '2WL', '3', 2015, 'Malaysia: Tier 3 → Tier 2 Watch List (2015 report)'),
    ('e59fbd084f799', '08_rtg_statement_tip_2015.txt', '2015-07-27', 'day', 'tier_change', ('Thailand', 'United States'), (), (), 105, 304, 291, 303, 'sdd6afba662c6', '3', '3', 2015, 'Thailand: Tier 3, as before (2015 report)'),
    ('eac835a593542', '01_apn_asean_convention_signed.txt', '2015-11-21', 'day', 'agreement', ('Malaysia',), ('Malaysia',), ('ASEAN',), 128, 319, 255, 263, 's022c2604e1f6', None, None, None, 'Leaders of the ten-member Association of Southeast Asian Nations signed a binding regional treaty against human…'),
    ('ef86502c34ffb', '02_cambodia_ncct_statement_actip.txt', '2015-11-21', 'day', 'agreement', ('Malaysia', 'Cambodia'), (), ('ASEAN',), 160, 433, 163, 179, 's022c2604e1f6', None, None, None, 'On 21 November 2015, on the occasion of the 27th ASEAN Summit in Kuala Lumpur, Malaysia, the Royal Government of…'),
    ('e79535456f0a1', '02_cambodia_ncct_statement_actip.txt', '2015-11-21', 'day', 'enforcement', (), (), ('ASEAN',), 525, 719, None, None, 'se6943f40fd5a', None, None, None, 'The Convention establishes, for the first time, a legally binding framework for the prevention of trafficking, the…'),
    ('e935b41459472', '03_freedomroute_blog_convention.txt', '2015-11-22', 'day', 'agreement', ('Malaysia',), (), ('ASEAN',), 109, 291, 112, 137, 's022c2604e1f6', None, None, None, 'On Sunday 22nd November 2015, in Kuala Lumpur, the heads of government of ASEAN put their names to the ASEAN…'),
]
# fmt: on


def frozen_stories() -> Corpus:
    """The seven articles with the frozen events above, their stories told."""
    articles = []
    for file, title, body_start, body_end, date, precision in ARTICLES:
        text = (FOLDER / file).read_text(encoding="utf-8")
        source, url = OUTLETS.get(file, (None, None))
        articles.append(
            Article(
                file, title, text, body_start, body_end, date, precision, source=source, url=url
            )
        )
    texts = {a.file: a.text for a in articles}
    events = []
    for (
        id_, file, date, precision, kind, countries, inherited, regions, start, end,
        date_start, date_end, story, tier, previous, report_year, summary,
    ) in EVENTS:  # fmt: skip
        events.append(
            Event(
                id=id_,
                date=date,
                precision=precision,
                approximate=False,
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
                regions=regions,
                tier=tier,
                previous=previous,
                report_year=report_year,
                story=story,
            )
        )
    return Corpus(name="stories", articles=articles, events=events)


async def _on_the_convention(pilot) -> None:
    """Put the cursor on the convention's story row."""
    await pilot.pause()  # the screen mounted
    app = pilot.app
    row = next(e for e in app.index.events if e.story == "s022c2604e1f6")
    app.main.select_event(row)
    await pilot.pause()


def test_story_row_and_its_sources(snap_compare):
    app = TimelineApp(frozen_stories())
    assert snap_compare(app, terminal_size=SIZE, run_before=_on_the_convention)


def test_story_second_source(snap_compare):
    app = TimelineApp(frozen_stories())

    async def second_source(pilot) -> None:
        await _on_the_convention(pilot)
        await pilot.press("enter", "greater_than_sign")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=second_source)


def test_key_events(snap_compare):
    assert snap_compare(
        TimelineApp(frozen_stories()), press=["K", "minus", "minus"], terminal_size=SIZE
    )
