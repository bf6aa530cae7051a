"""The export dialog: the absolute path shown as typed, asking before replacing a file, a
default folder outside the corpus, writes through export_to_file in a thread."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import read_screen, record_notices, until
from timeline.tui.app import TimelineApp
from timeline.tui.dialogs.export_dialog import ExportDialog
from timeline.tui.state.exporting import default_folder

SIZE = (100, 30)


async def open_dialog(app: TimelineApp, pilot) -> ExportDialog:
    await pilot.press("e")
    assert isinstance(app.screen, ExportDialog)
    return app.screen


def path_label(dialog: ExportDialog) -> str:
    return str(dialog.query_one("#export-path").content)


async def test_the_dialog_shows_the_absolute_path_as_the_name_is_typed(
    seeds_corpus, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        await pilot.pause()
        assert path_label(dialog) == f"Writes {tmp_path / 'timeline-export.json'}"
        field = dialog.query_one("#export-file")
        field.focus()
        await pilot.press("end", "x")  # typed after the name
        assert await until(pilot, lambda: path_label(dialog).endswith("timeline-export.jsonx"))
        field.value = "sub/../report.md"
        assert await until(pilot, lambda: "report.md" in path_label(dialog))
        assert path_label(dialog).startswith(f"Writes {tmp_path}")
        assert f"{tmp_path}" in read_screen(app)


async def test_an_existing_file_is_replaced_only_after_a_second_enter(
    seeds_corpus, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "timeline-export.json"
    target.write_text("keep me unless asked", encoding="utf-8")
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        dialog.query_one("#export-file").focus()
        await pilot.press("enter")
        assert await until(
            pilot, lambda: "exists" in str(dialog.query_one("#export-error").content)
        )
        assert str(dialog.query_one("#export-ok").label) == "Replace"
        await app.workers.wait_for_complete()
        assert target.read_text(encoding="utf-8") == "keep me unless asked"
        assert app.screen is dialog
        await pilot.press("enter")  # yes, replace it
        assert await until(pilot, lambda: app.screen is app.main)
        assert len(json.loads(target.read_text(encoding="utf-8"))["events"]) == len(
            seeds_corpus.events
        )


async def test_changing_the_name_after_the_question_asks_again(seeds_corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.json").write_text("a", encoding="utf-8")
    (tmp_path / "b.json").write_text("b", encoding="utf-8")
    app = TimelineApp(seeds_corpus)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        field = dialog.query_one("#export-file")
        field.value = "a.json"
        field.focus()
        await pilot.press("enter")
        assert await until(pilot, lambda: dialog.confirmed == tmp_path / "a.json")
        field.value = "b.json"
        assert await until(pilot, lambda: dialog.confirmed is None)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        assert (tmp_path / "b.json").read_text(encoding="utf-8") == "b"  # asked again


def test_the_default_folder_is_never_inside_the_corpus(tmp_path):
    corpus, home, elsewhere = tmp_path / "corpus", tmp_path / "home", tmp_path / "work"
    assert default_folder(elsewhere, corpus, home) == (elsewhere, "")
    folder, remark = default_folder(corpus / "2010", corpus, home)
    assert folder == home and "inside the corpus" in remark
    folder, remark = default_folder(corpus, corpus, corpus / "me")  # home in it too: say so
    assert folder == corpus and "inside the corpus" in remark
    assert default_folder(elsewhere, None, home) == (elsewhere, "")


async def test_inside_the_corpus_the_export_goes_home_and_says_so(
    seeds_corpus, tmp_path, monkeypatch
):
    corpus, home = tmp_path / "corpus", tmp_path / "home"
    (corpus / "sub").mkdir(parents=True)
    home.mkdir()
    monkeypatch.chdir(corpus / "sub")
    monkeypatch.setenv("HOME", str(home))
    app = TimelineApp(seeds_corpus, folder=corpus)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        await pilot.pause()
        label = path_label(dialog)
        assert label.startswith(f"Writes {home / 'timeline-export.json'}")
        assert "inside the corpus" in label
        dialog.query_one("#export-file").focus()
        await pilot.press("enter")
        assert await until(pilot, lambda: app.screen is app.main)
        assert (home / "timeline-export.json").exists()
        assert not list((corpus / "sub").iterdir())


async def test_the_write_goes_through_export_to_file_in_a_thread(
    seeds_corpus, tmp_path, monkeypatch
):
    import threading

    import timeline.export as export
    from timeline.export.files import ExportError

    monkeypatch.chdir(tmp_path)
    calls = []

    def failing(fmt, articles, events, path, **options):
        calls.append((fmt, Path(path), threading.current_thread() is threading.main_thread()))
        raise ExportError(f"{path}: no space left on device; nothing written")

    monkeypatch.setattr(export, "export_to_file", failing)
    app = TimelineApp(seeds_corpus)
    notices = record_notices(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        dialog = await open_dialog(app, pilot)
        dialog.query_one("#export-file").focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        assert await until(pilot, lambda: not dialog.busy)
        assert calls == [("json", tmp_path / "timeline-export.json", False)]
        error = str(dialog.query_one("#export-error").content)
        where = tmp_path / "timeline-export.json"
        assert error == f"Not written: {where}: no space left on device; nothing written"
        assert notices[-1] == error and app.screen is dialog
