"""Half the work in a forked child (timeline.forked): the same answer, whatever happens."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import timeline.forked as forked
import timeline.stories as stories
from timeline.pipeline import load_corpus

HERE = Path(__file__).parent

needs_fork = pytest.mark.skipif(not forked.can_fork(), reason="needs Linux and two cores")


def _squares(where=None):
    """Work whose first step sums its half, whose second squares each number and adds
    the sum of both halves; ``where(step)`` runs before each step (to fail or hang)."""
    where = where or (lambda step: None)

    def look(numbers):
        where("look")
        return sum(numbers)

    def finish(numbers, total):
        where("finish")
        return [n * n + total for n in numbers]

    return forked.Halves(look, lambda a, b: a + b, finish)


EXPECTED = [1 + 10, 4 + 10, 9 + 10, 16 + 10]


@needs_fork
def test_the_child_does_the_second_half_and_the_answer_is_in_order() -> None:
    parent = os.getpid()
    work = forked.Halves(
        lambda ns: len(ns),
        lambda a, b: (a, b),
        lambda ns, both: [(n, both, os.getpid() == parent) for n in ns],
    )
    answer = forked.in_two(work, [1, 2], [3, 4, 5])
    assert [n for n, _, _ in answer] == [1, 2, 3, 4, 5]
    assert {both for _, both, _ in answer} == {(2, 3)}  # both halves joined alike
    assert [mine for _, _, mine in answer] == [True, True, False, False, False]
    assert forked.in_two(_squares(), [1, 2], [3, 4]) == EXPECTED


@needs_fork
@pytest.mark.parametrize("step", ["look", "finish"])
def test_a_child_that_fails_leaves_the_parent_to_do_its_half(step) -> None:
    parent = os.getpid()

    def fails(at):
        if at == step and os.getpid() != parent:
            raise RuntimeError("child")

    assert forked.in_two(_squares(fails), [1, 2], [3, 4]) == EXPECTED


@needs_fork
@pytest.mark.parametrize("step", ["look", "finish"])
def test_a_child_that_hangs_is_stopped_and_its_half_done_here(monkeypatch, step) -> None:
    monkeypatch.setattr(forked, "FORK_TIMEOUT", 0.2)
    parent = os.getpid()

    def hangs(at):
        if at == step and os.getpid() != parent:
            time.sleep(60)

    assert forked.in_two(_squares(hangs), [1, 2], [3, 4]) == EXPECTED


def test_without_fork_the_parent_does_both_halves(monkeypatch) -> None:
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    parent = os.getpid()
    work = forked.Halves(
        lambda ns: None, lambda a, b: None, lambda ns, _: [os.getpid() == parent for _ in ns]
    )
    assert forked.in_two(work, [1], [2]) == [True, True]
    assert forked.in_two(_squares(), [1, 2], [3, 4]) == EXPECTED


def _every_event():
    events = []
    for folder in ("stories", "realistic", "heldout2", "heldout4", "heldout5"):
        events.extend(load_corpus(HERE / folder).events)
    return events


@needs_fork
def test_stories_grouped_in_two_processes_are_the_stories_of_one(monkeypatch) -> None:
    """A large corpus groups half its blocks in a child: the same stories, the same ids."""
    events = _every_event()
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    alone = [(s.id, [e.id for e in s.events]) for s in stories.build_stories(events)]
    monkeypatch.undo()
    monkeypatch.setattr(stories, "FORK_EVENTS", 2)
    calls = []
    real = stories.in_two

    def counted(work, first, second):
        calls.append(len(second))
        return real(work, first, second)

    monkeypatch.setattr(stories, "in_two", counted)
    together = [(s.id, [e.id for e in s.events]) for s in stories.build_stories(events)]
    assert calls and all(calls), "the child took no blocks"
    assert together == alone
    assert any(len(ids) > 1 for _, ids in together)
