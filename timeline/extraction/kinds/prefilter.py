"""The prefilter engine: run many regular expressions over many sentences, cheaply.

Running every rule pattern on every sentence is most of what classifying
costs. Three exact shortcuts keep it cheap, all derived from the patterns
themselves, so that the rules stay the one statement of what matches:

* A case-insensitive pattern runs as a case-sensitive, lower-cased copy over
  the folded sentence: Python's regex engine matches several times slower in
  IGNORECASE mode.
* A pattern every match of which must contain one of a few strings ("sign",
  "ratif", "conclud", ...), or a word that starts with one, is not run on a
  sentence without them (:func:`needs_of`, from the regex engine's own parse).
* The classifier tries rules in the order their results are ranked and stops
  once the answer is known.

Nothing here knows about event types; :func:`timeline.extraction.kinds.classify_plainly`
runs the rules without any of it and is the oracle the shortcuts must agree with.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

__all__ = ["Checks", "Fast", "Folded", "Needs", "fold"]


class Folded(Protocol):
    """A sentence as the engine sees it: its text, folded text and the needs it meets."""

    text: str
    low: str
    met: int


# Folding keeps every character in place and agrees with IGNORECASE matching of ASCII
# letters: ASCII capitals, plus the four non-ASCII letters the regex engine matches against
# ASCII ones (dotted and dotless i, the Kelvin sign, long s). Every other character is kept.
_FOLD_TABLE = str.maketrans(
    {chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}
    | {"İ": "i", "ı": "i", "\u212a": "k", "ſ": "s"}
)
# Pattern text that lower-casing would change in meaning: escapes such as \S, \B or \x41,
# and inline flags such as (?-i:...).
_NOT_FOLDABLE = re.compile(r"\\[A-Z0-9xuN]|\(\?[aiLmsux]*-?[aiLmsux]+[:)]")


def fold(text: str) -> str:
    """``text`` with the letters IGNORECASE treats as ASCII letters lower-cased, same length."""
    return text.lower() if text.isascii() else text.translate(_FOLD_TABLE)


def _plain(ch: str) -> bool:
    """True for a character that folding maps exactly as IGNORECASE matching does."""
    return ch.isascii() or ch.lower() == ch == ch.upper()


def _folded_copy(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-sensitive copy of a case-insensitive pattern, to run on folded text; else None."""
    source = pattern.pattern
    if (
        not pattern.flags & re.IGNORECASE
        or pattern.flags & re.ASCII  # then İ is not i: folding would not agree
        or _NOT_FOLDABLE.search(source)
        or not all(map(_plain, source))
    ):
        return None
    return re.compile(source.lower(), pattern.flags & ~re.IGNORECASE)


# Required strings are folded text; one that starts with _WORD_START must start a word (it
# follows \b in the pattern), and _DIGIT stands for any digit (\d).
_WORD_START = "\x01"
_DIGIT = "\x02"
_WORD_CHARS = re.compile(r"\w+")


def _implies(a: str, b: str) -> bool:
    """True when a sentence holding required string ``a`` surely holds ``b`` too."""
    if _DIGIT in (a, b):
        return False
    if b.startswith(_WORD_START):
        return a.startswith(b)
    return b in a.removeprefix(_WORD_START)


def _reduced(strings: set[str]) -> frozenset[str]:
    """Drop the strings that imply another one: finding the other one is enough."""
    return frozenset(a for a in strings if not any(b != a and _implies(a, b) for b in strings))


@cache
def _weight(s: str) -> int:
    """How rarely a required string occurs in text, roughly: its length, more for rare kinds."""
    if s == _DIGIT:
        return 2  # years and counts: found in many sentences
    word = s.removeprefix(_WORD_START)
    if not any(c.isalnum() for c in word):
        return 4  # "$", "%": rare
    return len(word) + (word != s)  # a word start is rarer than the same letters anywhere


def _strength(strings: frozenset[str]) -> tuple[int, int]:
    """Sort key, most selective first: the rarest weakest string, then the fewest strings."""
    return -min(map(_weight, strings)), len(strings)


def _best(sets: list[frozenset[str]], keep: int = 3) -> list[frozenset[str]]:
    """Up to ``keep`` of ``sets``: the most selective, then the next ones that differ from it.

    Sets that mostly overlap would mostly be met by the same sentences: a set
    is kept only when a third of its strings are new.
    """
    chosen: list[frozenset[str]] = []
    for s in sorted(set(sets), key=lambda s: (*_strength(s), sorted(s))):
        if len(chosen) < keep and all(3 * len(s - c) >= len(s) for c in chosen):
            chosen.append(s)
    return chosen


def _required(items: list, ops: Any, word_start: bool = False) -> list[frozenset[str]]:
    """Sets of required strings: every match of the parsed ``items`` holds one of each set.

    A run of literal characters gives one string (marked when it follows
    ``\\b``); a group or a repetition of at least once gives what its content
    requires; a small class of literal characters gives those characters, and
    ``\\d`` gives :data:`_DIGIT`. An alternation requires the union of one set
    required by each alternative (the most selective of such unions). Anything
    else requires nothing.
    """
    repeats = (ops.MAX_REPEAT, ops.MIN_REPEAT, getattr(ops, "POSSESSIVE_REPEAT", None))
    sets: list[frozenset[str]] = []
    run: list[str] = []
    run_at_word_start = False
    for op, av in items:
        if op is ops.LITERAL and _plain(chr(av)):
            if not run:
                run_at_word_start = word_start
            run.append(chr(av).lower())
            word_start = False
            continue
        if run:
            sets.append(frozenset({_WORD_START * run_at_word_start + "".join(run)}))
            run = []
        if op is ops.SUBPATTERN:
            sets += _required(av[3], ops, word_start)
        elif op is ops.ATOMIC_GROUP:
            sets += _required(av, ops, word_start)
        elif op in repeats and av[0] >= 1:
            sets += _required(av[2], ops, word_start)
        elif op is ops.BRANCH:
            ranked = [_best(_required(alternative, ops, word_start)) for alternative in av[1]]
            if all(ranked):
                if math.prod(map(len, ranked)) > 64:
                    ranked = [r[:1] for r in ranked]
                sets += _best([frozenset().union(*c) for c in itertools.product(*ranked)])
        elif op is ops.IN and av == [(ops.CATEGORY, ops.CATEGORY_DIGIT)]:
            sets.append(frozenset({_DIGIT}))
        elif (
            op is ops.IN
            and len(av) <= 10
            and all(o is ops.LITERAL and _plain(chr(v)) for o, v in av)
        ):
            sets.append(frozenset(chr(v).lower() for _, v in av))
        # A word starts after \b, and after white space (\s, \s+).
        space = (ops.IN, [(ops.CATEGORY, ops.CATEGORY_SPACE)])
        word_start = (
            (op is ops.AT and av is ops.AT_BOUNDARY)
            or (op, av) == space
            or (op in repeats and av[0] >= 1 and list(av[2]) == [space])
        )
    if run:
        sets.append(frozenset({_WORD_START * run_at_word_start + "".join(run)}))
    return sets


@dataclass(frozen=True, slots=True)
class Needs:
    """One set of required strings, split by how a sentence is checked for them."""

    #: Starts of required words (of the folded sentence's words), two letters or more.
    word_starts: frozenset[str]
    #: Strings looked for anywhere.
    anywhere: tuple[str, ...]
    #: Whether any digit will do.
    digit: bool

    @classmethod
    def of(cls, strings: frozenset[str]) -> Needs:
        """Sort required strings by how they are looked for."""
        starts: set[str] = set()
        anywhere: set[str] = set()
        for s in _reduced(strings - {_DIGIT}):
            word = s.removeprefix(_WORD_START)
            # A word starts with the word characters the string starts with.
            head = _WORD_CHARS.match(word)
            if s != word and head and len(head.group()) >= 2:
                starts.add(head.group())
            else:
                anywhere.add(word)
        return cls(frozenset(starts), tuple(sorted(anywhere)), _DIGIT in strings)


def needs_of(pattern: re.Pattern[str]) -> list[Needs]:
    """At most three sets of strings, each holding a part of every match of ``pattern``.

    Derived from the regex engine's own parse of the pattern; should that
    private interface be missing or different, nothing is required (the
    pattern always runs), which is slower but never wrong. So is a pattern
    whose \\b and \\w are ASCII-only, unlike the words :class:`Checks` finds.
    """
    if pattern.flags & re.ASCII or re.search(r"\(\?[imsxLu]*a", pattern.pattern):
        return []
    try:
        from re import _constants as ops
        from re import _parser

        sets = _required(list(_parser.parse(pattern.pattern, pattern.flags)), ops)
    except Exception:  # noqa: BLE001 - a private interface: never fail because of it
        return []
    # A set with a one- or two-letter string would be met by most sentences.
    useful = [s for s in sets if all(x == _DIGIT or _weight(x) >= 3 for x in s)]
    return [Needs.of(s) for s in _best(useful, keep=3)]


def _trie(words: list[str]) -> str:
    """A regex matching any of ``words``, trie-shaped (the longest where one is another's start)."""
    node: dict[str, list[str]] = {}
    for word in words:
        node.setdefault(word[:1], []).append(word[1:])
    ends = "" in node
    branches = [re.escape(ch) + _trie(rest) for ch, rest in sorted(node.items()) if ch]
    if not branches:
        return ""
    group = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return group + "?" if ends else group


class Checks:
    """Finds which of many needs a sentence meets, at once, as a bit mask."""

    def __init__(self, needs: list[Needs]) -> None:
        #: Word start -> the needs it meets.
        self.by_start: dict[str, int] = {}
        self.anywhere: list[tuple[int, tuple[str, ...]]] = []
        self.digit = 0
        for i, n in enumerate(needs):
            bit = 1 << i
            for start in n.word_starts:
                self.by_start[start] = self.by_start.get(start, 0) | bit
            if n.anywhere:
                self.anywhere.append((bit, n.anywhere))
            if n.digit:
                self.digit |= bit
        # The longest word start of each word of a folded sentence that some need names
        # (starts hold only word characters, so matches never overlap), and what it meets
        # together with the shorter starts it begins with.
        self.starts = re.compile(
            r"(?<!\w)" + _trie(sorted(self.by_start)) if self.by_start else "^$"
        )
        self.meets = {
            start: functools.reduce(
                operator.or_, (bits for s, bits in self.by_start.items() if start.startswith(s))
            )
            for start in self.by_start
        }

    def met(self, text: str, low: str) -> int:
        """The needs that ``text`` (folded: ``low``) meets."""
        meets = self.meets
        met = 0
        for start in self.starts.findall(low):
            met |= meets.get(start, 0)
        for bit, strings in self.anywhere:
            if not met & bit:
                for string in strings:
                    if string in low:
                        met |= bit
                        break
        if self.digit & ~met and _ANY_DIGIT.search(text):
            met |= self.digit
        return met


_ANY_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Fast:
    """A pattern prepared for quick matching: skipped, or run on the folded sentence."""

    pattern: re.Pattern[str]
    folded: bool
    #: The needs (bits of :meth:`Checks.met`) a sentence must meet for a match.
    bits: int = 0

    @classmethod
    def of(cls, pattern: re.Pattern[str], needs: list[Needs] | None = None) -> Fast:
        """Prepare ``pattern``, adding what it needs to ``needs`` (when given)."""
        copy = _folded_copy(pattern)
        bits = 0
        if needs is not None:
            for n in needs_of(pattern):
                bits |= 1 << len(needs)
                needs.append(n)
        return cls(copy or pattern, copy is not None, bits)

    def finditer(self, s: Folded) -> Iterator[re.Match[str]]:
        """The matches of the pattern in the sentence."""
        if s.met & self.bits != self.bits:
            return iter(())
        return self.pattern.finditer(s.low if self.folded else s.text)

    def search(self, s: Folded, start: int, end: int) -> re.Match[str] | None:
        """The first match of the pattern in ``s.text[start:end]``, positions as in the text."""
        return self.pattern.search(s.low if self.folded else s.text, start, end)
