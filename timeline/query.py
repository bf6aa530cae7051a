"""The search language, one for the command line, the index and the browser.

A query is words, all of which must occur, matched as whole words in any
case and without diacritics (``viet`` finds "Việt"); ``word*`` is a prefix,
``"a phrase"`` its words in a row (``"a phr"*``: its last word a prefix),
``OR`` either side, ``NOT x`` leaves out what matches x, and parentheses
group. Operators are upper case; ``or`` is a
word. A word with punctuation inside (``anti-trafficking``, ``Penh's``) is a
phrase of its parts, so every query means something and none is an error.

An event matches when its evidence sentence does (:func:`search_text`; the
summary is cut from it, or is the tool's own words); with ``in_article`` its
article's text counts too.

The same query runs two ways with the same answers: :meth:`Query.matches`
over folded text (the browser, ``--no-cache``, a failed index), and
:meth:`Query.evaluate` over the sets an index finds for each word or phrase
(:meth:`Term.fts` writes the FTS5 query of one; the index's tokenizer,
``unicode61 remove_diacritics 2``, splits and folds words as :func:`fold`
and :data:`WORD` do).

Examples (each a rule this module keeps):

* ``watch`` finds "the Tier 2 Watch List", not "watchdog"; ``watch*`` finds both.
* ``"task force"`` finds "a task force on trafficking", not "force a task".
* ``laos OR vietnam``, ``trafficking NOT labour``, ``NOT raid``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from timeline.model import Event

__all__ = ["Query", "Term", "as_typed", "fold", "parse", "search_text"]

#: A word: letters and digits (the index's tokenizer splits at everything else).
WORD = re.compile(r"[^\W_]+")
_OPERATORS = frozenset({"AND", "OR", "NOT"})
#: Longest query read; the rest is ignored.
MAX_QUERY_CHARS = 2000

T = TypeVar("T")


def _latin_folds() -> dict[int, str]:
    """Latin letters with diacritics -> their base letters (what remove_diacritics does)."""
    table = {}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        base = unicodedata.normalize("NFD", char)
        if len(base) > 1 and all(unicodedata.combining(c) for c in base[1:]):
            table[code] = base[0]
    # Letters that are not a base letter plus marks but that readers fold all the same.
    table.update({ord("đ"): "d", ord("Đ"): "D", ord("ø"): "o", ord("Ø"): "O", ord("ł"): "l"})
    return table


_FOLDS = _latin_folds()


def fold(text: str) -> str:
    """Lower case without Latin diacritics: the form words are compared in."""
    text = text.lower()
    return text if text.isascii() else text.translate(_FOLDS)


def search_text(event: Event) -> str:
    """What a search looks through for an event: its evidence sentence.

    A summary is the sentence cut short, or (for a tier change) the tool's own
    words about it (``Cambodia: Tier 2 Watch List → Tier 2 (2010 report)``); a
    search finds what the articles say, so ``watch`` does not find a sentence
    that says "watchlist" through the summary's "Watch List".
    """
    return event.sentence


# --- the parsed query ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Term:
    """A word, a prefix or a phrase: folded words in a row, the last a prefix if ``prefix``."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        """The FTS5 query of this term alone (words are letters and digits: no escaping)."""
        return '"' + " ".join(self.words) + '"' + (" *" if self.prefix else "")

    @property
    def pattern(self) -> re.Pattern[str]:
        """A regular expression finding the term in folded text."""
        return _pattern(self.words, self.prefix)

    def __str__(self) -> str:
        text = " ".join(self.words)
        text = f'"{text}"' if len(self.words) > 1 else text
        return text + ("*" if self.prefix else "")


@lru_cache(maxsize=512)
def _pattern(words: tuple[str, ...], prefix: bool) -> re.Pattern[str]:
    body = r"[\W_]+".join(re.escape(word) for word in words)
    return re.compile(r"(?<![^\W_])" + body + ("" if prefix else r"(?![^\W_])"))


@dataclass(frozen=True, slots=True)
class _And:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class _Or:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class _Not:
    item: Node


Node = Term | _And | _Or | _Not


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query; see the module's docstring for the language."""

    root: Node
    #: What was typed (two texts that mean the same query are equal queries).
    text: str = field(compare=False)

    def matches(self, folded: str) -> bool:
        """Whether the query matches text already passed through :func:`fold`."""
        return _matches(self.root, folded)

    def matches_event(self, event: Event, article_text: str | None = None) -> bool:
        """Whether an event matches: its sentence, or ``article_text`` if given."""
        if self.matches(fold(search_text(event))):
            return True
        return article_text is not None and self.matches(fold(article_text))

    def evaluate(self, leaf: Callable[[Term], set[T]], universe: Callable[[], set[T]]) -> set[T]:
        """The set the query names, from the set of each term (``leaf``) and of everything
        (``universe``, asked only when a ``NOT`` needs it)."""
        found: dict[Term, set[T]] = {}
        every: list[set[T]] = []

        def term_set(term: Term) -> set[T]:
            if term not in found:
                found[term] = leaf(term)
            return found[term]

        def all_of() -> set[T]:
            if not every:
                every.append(universe())
            return every[0]

        return _evaluate(self.root, term_set, all_of)

    @property
    def terms(self) -> tuple[Term, ...]:
        """The terms to find (those not under a ``NOT``), in order: what a row highlights."""
        out: list[Term] = []
        _positive(self.root, out)
        return tuple(dict.fromkeys(out))

    def highlights(self, folded: str) -> list[tuple[int, int]]:
        """Spans of ``folded`` text where the query's terms occur."""
        spans = []
        for term in self.terms:
            spans += [m.span() for m in term.pattern.finditer(folded)]
        return sorted(spans)


def _matches(node: Node, folded: str) -> bool:
    if isinstance(node, Term):
        return node.pattern.search(folded) is not None
    if isinstance(node, _And):
        return all(_matches(item, folded) for item in node.items)
    if isinstance(node, _Or):
        return any(_matches(item, folded) for item in node.items)
    return not _matches(node.item, folded)


def _evaluate(node: Node, term_set, all_of) -> set:
    if isinstance(node, Term):
        return set(term_set(node))
    if isinstance(node, _Not):
        return all_of() - _evaluate(node.item, term_set, all_of)
    if isinstance(node, _Or):
        out: set = set()
        for item in node.items:
            out |= _evaluate(item, term_set, all_of)
        return out
    wanted = [item for item in node.items if not isinstance(item, _Not)]
    unwanted = [item.item for item in node.items if isinstance(item, _Not)]
    if wanted:
        wanted.sort(key=lambda item: not isinstance(item, Term))
        result = _evaluate(wanted[0], term_set, all_of)
        for item in wanted[1:]:
            if not result:
                break
            result &= _evaluate(item, term_set, all_of)
    else:
        result = set(all_of())
    for item in unwanted:
        if not result:
            break
        result -= _evaluate(item, term_set, all_of)
    return result


def _positive(node: Node, out: list[Term]) -> None:
    if isinstance(node, Term):
        out.append(node)
    elif isinstance(node, _And | _Or):
        for item in node.items:
            _positive(item, out)


# --- parsing ---------------------------------------------------------------------------------

_TOKEN = re.compile(r'"([^"]*)("?)(\*?)|(\()|(\))|([^\s"()]+)')


def parse(text: str | None, *, prefix_last: bool = False) -> Query | None:
    """The query ``text`` says, or None when it says nothing (blank, or only punctuation).

    ``prefix_last``: the last word is a prefix unless a space or a closing quote
    follows it -- the browser's search as it is typed (``/co`` finds "Cambodia").
    """
    if not text:
        return None
    text = text[:MAX_QUERY_CHARS]
    return _parse(text, prefix_last and not text[-1:].isspace())


def as_typed(text: str) -> str:
    """The query a browser searches while ``text`` is being typed: its last word a prefix
    (``cambo`` -> ``cambo*``, ``"task fo`` -> ``"task fo"*``) unless a space, a
    closing quote or a bracket ends it. Parsing the result gives what
    ``parse(text, prefix_last=True)`` gives."""
    stripped = text.rstrip()
    if not text or text != stripped or stripped.endswith(('"', ")", "*")):
        return text
    match = None
    for match in _TOKEN.finditer(text):  # noqa: B007 -- the last one is wanted
        pass
    if match is None:
        return text
    phrase, closed, _star, _opening, _closing, bare = match.groups()
    if phrase is not None and not closed and WORD.search(fold(phrase)):
        return text + '"*'
    if bare is None or bare in _OPERATORS or not WORD.search(fold(bare)):
        return text
    return text + "*"


@lru_cache(maxsize=256)
def _parse(text: str, prefix_last: bool) -> Query | None:
    tokens: list[object] = []
    last_open = False  # the last token is a word or an unclosed phrase, still being typed
    for m in _TOKEN.finditer(text):
        phrase, closed, star, opening, closing, bare = m.groups()
        last_open = (bare is not None and bare not in _OPERATORS) or (
            phrase is not None and not closed
        )
        if opening:
            tokens.append("(")
        elif closing:
            tokens.append(")")
        elif bare in _OPERATORS:
            tokens.append(bare)
        else:
            source = phrase if phrase is not None else bare
            words = tuple(WORD.findall(fold(source)))
            if words:
                prefix = bool(star) if bare is None else bare.endswith("*")
                tokens.append(Term(words, prefix))
    if prefix_last and last_open and tokens and isinstance(tokens[-1], Term):
        tokens[-1] = Term(tokens[-1].words, True)
    root = _Parser(tokens).expression()
    return None if root is None else Query(root, text.strip())


class _Parser:
    """Recursive descent, lenient: a stray operator or bracket is passed over."""

    def __init__(self, tokens: list[object]) -> None:
        self.tokens = tokens
        self.at = 0
        self.depth = 0  # brackets open

    def peek(self) -> object:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def expression(self) -> Node | None:
        items = []
        while self.at < len(self.tokens):
            item = self.conjunction()
            if item is not None:
                items.append(item)
            if self.peek() == "OR":
                self.at += 1
            elif self.peek() == ")":
                break
            elif item is None:
                self.at += 1  # a token that starts nothing
        return _join(_Or, items)

    def conjunction(self) -> Node | None:
        items = []
        while True:
            token = self.peek()
            if token == ")" and not self.depth:
                self.at += 1  # a bracket closing nothing
                continue
            if token is None or token in ("OR", ")"):
                break
            if token == "AND":
                self.at += 1
                continue
            item = self.negation()
            if item is not None:
                items.append(item)
        return _join(_And, items)

    def negation(self) -> Node | None:
        token = self.peek()
        if token == "NOT":
            self.at += 1
            if self.peek() in (None, "OR", ")", "AND"):
                return None
            item = self.negation()
            return None if item is None else _Not(item)
        self.at += 1
        if isinstance(token, Term):
            return token
        if token == "(":
            self.depth += 1
            inner = self.expression()
            self.depth -= 1
            if self.peek() == ")":
                self.at += 1
            return inner
        return None


def _join(kind: type[_And] | type[_Or], items: list[Node]) -> Node | None:
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    return kind(tuple(items))
