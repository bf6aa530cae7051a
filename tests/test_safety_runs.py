"""Runs that end: FIFOs, a killed parent, cancelling, a full disk, absurd limits (issue 11)."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from safety import slow_chunk

from timeline.store import IndexCancelled
from timeline.store.worker import Task, read_one, run_chunks

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _article(n: int) -> str:
    return (
        f"Story {n}\n\n[{1 + n % 27} May {2000 + n % 17}] - Police arrested {n % 50 + 2} "
        f"traffickers in Cambodia in {2000 + n % 17}. " + "More words follow here. " * 40
    )


def _big_corpus(tmp_path: Path, articles: int = 1500) -> Path:
    """A folder of ``articles`` news-like files, enough to keep the index's workers busy."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(articles):
        (folder / f"{n:04d}.txt").write_text(_article(n))
    return folder


# --- a FIFO in the corpus -------------------------------------------------------------------

_OPEN = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from timeline.store import open_corpus
    warnings = []
    corpus = open_corpus(Path(sys.argv[1]), warn=warnings.append, no_cache=sys.argv[2] == "1",
                         workers=2, parallel_threshold=int(sys.argv[3]))
    print(len(corpus.articles), sorted(w for w in warnings if "regular" in w))
    """
)


@pytest.mark.parametrize("parallel", [False, True], ids=["in process", "in workers"])
def test_a_fifo_or_a_link_to_one_never_hangs_the_index(tmp_path, parallel):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(_article(1))
    os.mkfifo(folder / "pipe.txt")
    (folder / "link.txt").symlink_to(folder / "pipe.txt")
    (folder / "null.txt").symlink_to("/dev/null")
    result = subprocess.run(
        [sys.executable, "-c", _OPEN, str(folder), "0", "0" if parallel else "200"],
        capture_output=True,
        text=True,
        env={**ENV, "TIMELINE_CACHE_DIR": str(tmp_path / "cache")},
        timeout=60,  # the old worker blocked in open() for ever
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 [")
    for name in ("link.txt", "null.txt", "pipe.txt"):
        assert f"{name}: skipped: not a regular file" in result.stdout


def test_read_one_opens_nothing_but_a_regular_file(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    done = threading.Event()
    results = []

    def read():
        results.append(read_one(Task(str(tmp_path / "pipe.txt"), "pipe.txt", 0, 0, 1000, None)))
        done.set()

    threading.Thread(target=read, daemon=True).start()
    assert done.wait(10), "read_one blocked on a FIFO"
    assert results[0].status == "skipped"
    assert results[0].warnings == ["pipe.txt: skipped: not a regular file (a named pipe)"]


# --- a killed parent ------------------------------------------------------------------------


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_index_killed_with_sigkill_leaves_no_worker_or_resource_tracker(tmp_path):
    folder = _big_corpus(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "timeline", "index", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**ENV, "TIMELINE_CACHE_DIR": str(tmp_path / "cache")},
    )
    try:
        deadline = time.monotonic() + 60
        children: set[int] = set()
        while time.monotonic() < deadline and len(children) < 3:  # 2 workers + the tracker
            children |= _children(process.pid)
            time.sleep(0.05)
        assert len(children) >= 3, children
        time.sleep(0.5)  # the workers are reading now
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.1)
    left = [pid for pid in children if _alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == [], "workers or the resource tracker outlived their parent"


# --- cancelling -----------------------------------------------------------------------------


def test_cancelling_returns_within_two_seconds_while_workers_read(tmp_path):
    chunks = [[Task(str(tmp_path / f"{i}.txt"), f"{i}.txt", 1, 0, 10, None)] for i in range(6)]
    cancel = threading.Event()

    def check_cancel():
        if cancel.is_set():
            raise IndexCancelled()

    before = set(multiprocessing.active_children())
    threading.Timer(3.0, cancel.set).start()  # the workers are well into their chunks
    started = time.monotonic()
    with pytest.raises(IndexCancelled):
        for _ in run_chunks(chunks, 2, 0, print, check_cancel, read=slow_chunk):
            pass
    cancelled_after = time.monotonic() - started - 3.0
    assert cancelled_after < 2.0, f"took {cancelled_after:.1f} s after the cancel"
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline and set(multiprocessing.active_children()) - before:
        time.sleep(0.05)
    assert set(multiprocessing.active_children()) - before == set()  # no worker left


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_ctrl_c_stops_index_and_its_workers_at_once_without_a_traceback(tmp_path):
    folder = _big_corpus(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "timeline", "index", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**ENV, "TIMELINE_CACHE_DIR": str(tmp_path / "cache")},
        start_new_session=True,  # a process group of its own, as in a terminal
    )
    deadline = time.monotonic() + 60
    children: set[int] = set()
    while time.monotonic() < deadline and len(children) < 3:
        children |= _children(process.pid)
        time.sleep(0.05)
    time.sleep(0.5)  # the workers are reading now
    started = time.monotonic()
    os.killpg(process.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
    _, err = process.communicate(timeout=60)
    assert time.monotonic() - started < 2.0
    assert process.returncode == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.1)
    assert [pid for pid in children if _alive(pid)] == []


# --- a full disk ----------------------------------------------------------------------------

_FULL_INDEX = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from timeline.store import open_corpus
    cache = Path(sys.argv[2])
    warnings = []
    corpus = open_corpus(Path(sys.argv[1]), cache_dir=cache, warn=warnings.append)
    corpus.close()
    print("WARNINGS", warnings)
    index = cache / "index"
    print("FILES", sorted(p.name for p in index.iterdir()) if index.exists() else [])
    print("EVENTS", len(corpus.events))
    """
)


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare for a private tmpfs")
@pytest.mark.parametrize("size", ["12k", "40k", "400k"])  # full at once, at creation, midway
def test_a_run_failing_on_a_full_disk_leaves_no_write_ahead_log(tmp_path, size):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(60):
        words = " ".join(f"okapi{n}x{i}" for i in range(1200))  # much text to index
        (folder / f"n{n}.txt").write_text(_article(n) + words)
    mount = tmp_path / "disk"
    mount.mkdir()
    script = (
        f"mount -t tmpfs -o size={size} tmpfs {mount} && "
        f"exec {sys.executable} -c '{_FULL_INDEX}' {folder} {mount}/cache"
    )
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, env=ENV, timeout=300
    )
    if "mount" in result.stderr and "FILES" not in result.stdout:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr
    assert "WARNINGS ['index: " in result.stdout  # the run did fail on the disk
    from timeline.pipeline import load_corpus

    assert f"EVENTS {len(load_corpus(folder).events)}\n" in result.stdout  # and every event
    files = next(line for line in result.stdout.splitlines() if line.startswith("FILES"))
    assert "-wal" not in files, files
