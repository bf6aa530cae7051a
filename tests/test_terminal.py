"""The browser in a real terminal: ``timeline`` under tmux at 120x40 and at 80x24.

Keys go in with ``tmux send-keys`` and the screen comes back with
``tmux capture-pane``, as a user at a terminal would see it. Skipped only
where tmux is not installed (CI installs it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="tmux is not installed (apt-get install tmux)"
)


def _command() -> str:
    """The installed ``timeline`` script, else ``python -m timeline`` from the checkout."""
    script = Path(sys.executable).parent / "timeline"
    if script.exists():
        return str(script)
    return f"{sys.executable} -m timeline"


class Tmux:
    """One tmux server of our own (its own socket), one session in it."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check
        )

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "t").stdout

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "t", *keys)

    def alive(self) -> bool:
        return self.run("has-session", "-t", "t", check=False).returncode == 0

    def wait_for(self, predicate, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.screen() if self.alive() else ""
            if predicate(text):
                return text
            time.sleep(0.1)
        raise AssertionError(f"screen never matched; last screen:\n{text}")


def start(tmp_path, size: tuple[int, int], name: str) -> Tmux:
    """A tmux server of our own running ``timeline`` on the seeds in a terminal of ``size``."""
    server = Tmux(f"timeline-test-{name}-{os.getpid()}")
    env = {
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PYTHONPATH": str(ROOT),
        "TERM": "xterm-256color",
    }
    exports = " ".join(f"{k}={v}" for k, v in env.items())
    command = f"cd {ROOT} && env {exports} {_command()}"
    width, height = size
    server.run("new-session", "-d", "-s", "t", "-x", str(width), "-y", str(height), command)
    return server


@pytest.fixture
def tmux(tmp_path):
    server = start(tmp_path, (120, 40), "wide")
    try:
        yield server
    finally:
        server.run("kill-server", check=False)


@pytest.fixture
def tmux_small(tmp_path):
    server = start(tmp_path, (80, 24), "small")
    try:
        yield server
    finally:
        server.run("kill-server", check=False)


def test_browse_the_seeds_in_a_real_terminal(tmux):
    # The browser opens at once and the index fills it in: wait for the last group.
    first = tmux.wait_for(lambda s: "Years" in s and "Undated" in s)
    for year in ("2005", "2007", "2010", "2016"):
        assert year in first
    assert "Undated" in first

    tmux.keys("]")
    after = tmux.wait_for(lambda s: "▶2006" in s)
    assert "▶2005" not in after

    def text_lines(screen: str) -> int:
        return len([line for line in screen.splitlines() if line.strip()])

    tmux.keys("Enter")
    # The head of the article screen can reach the terminal a frame before its text.
    article = tmux.wait_for(
        lambda s: ("event 1 of" in s or "event 2 of" in s) and (text_lines(s) > 10)
    )
    assert "Years" not in article
    assert text_lines(article) > 10

    tmux.keys("Escape")
    back = tmux.wait_for(lambda s: "Years" in s)
    assert "▶2006" in back

    tmux.keys("q")
    deadline = time.monotonic() + 2.0
    while tmux.alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not tmux.alive(), "timeline did not exit within two seconds of q"


def test_search_in_a_real_80x24_terminal(tmux_small):
    first = tmux_small.wait_for(lambda s: "Undated" in s and "? Help" in s, timeout=30)
    assert "q Quit" in first.splitlines()[-1]  # the footer keeps Help and Quit at 80 columns

    tmux_small.keys("/")
    tmux_small.wait_for(lambda s: "[ ] in articles" in s)
    tmux_small.keys("-l", "convict")
    typed = tmux_small.wait_for(lambda s: "3 matches · [ ] in articles" in s, timeout=30)
    assert "/convict · 3 matches" in typed.splitlines()[0]
    # Tab: the articles' text too (the word is in more articles than sentences).
    tmux_small.keys("Tab")
    wider = tmux_small.wait_for(lambda s: " matches · [x] in articles" in s)
    assert "/convict · in article" in wider.splitlines()[0]  # (the header is cut at 80)
    tmux_small.keys("Tab")
    tmux_small.wait_for(lambda s: "3 matches · [ ] in articles" in s)

    tmux_small.keys("Enter")
    tmux_small.wait_for(lambda s: "[ ] in articles" not in s)
    # n past the last of the three wraps to the first, and says so.
    tmux_small.keys("n")
    tmux_small.keys("n")
    tmux_small.keys("n")
    tmux_small.wait_for(lambda s: "search wrapped to the first match" in s)

    tmux_small.keys("/")
    tmux_small.wait_for(lambda s: "in articles (Tab)" in s)
    tmux_small.keys("-l", "zzqx")  # the query kept is selected: typing replaces it
    nothing = tmux_small.wait_for(lambda s: "no match · [ ] in articles" in s, timeout=30)
    assert "/zzqx · no match" in nothing.splitlines()[0]
    tmux_small.keys("Escape")
    tmux_small.wait_for(lambda s: "/zzqx" not in s.splitlines()[0] and "q Quit" in s)

    tmux_small.keys("q")
    deadline = time.monotonic() + 10.0
    while tmux_small.alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not tmux_small.alive()
