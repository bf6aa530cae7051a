"""The command palette: articles found by file name too; screenshots say where they went."""

from __future__ import annotations

from conftest import palette, record_notices, until
from timeline.tui.app import TimelineApp
from timeline.tui.screens.article import ArticleScreen

SIZE = (100, 30)


async def test_open_article_finds_an_article_by_its_file_name(seeds_corpus):
    target = "003_ec04f9ea3d0db219.txt"
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await palette(pilot, "open 003_ec04")
        assert await until(pilot, lambda: isinstance(app.screen, ArticleScreen))
        assert app.screen.article.file == target


async def test_screenshot_says_where_it_saved(seeds_corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = TimelineApp(seeds_corpus)
    notices = record_notices(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await palette(pilot, "Screenshot")
        assert await until(pilot, lambda: any(n.startswith("Screenshot saved to") for n in notices))
        saved = [p for p in tmp_path.iterdir() if p.suffix == ".svg"]
        assert len(saved) == 1 and saved[0].read_text(encoding="utf-8").startswith("<svg")
        assert f"Screenshot saved to {saved[0]}" in notices


async def test_screenshot_says_why_it_could_not(seeds_corpus, tmp_path):
    app = TimelineApp(seeds_corpus)
    notices = record_notices(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        missing = tmp_path / "no such folder"
        app.deliver_screenshot("shot.svg", str(missing))
        assert await until(pilot, lambda: any("not saved" in n for n in notices))
        assert notices[-1] == (
            f"Screenshot not saved: {missing / 'shot.svg'}: No such file or directory"
        )
