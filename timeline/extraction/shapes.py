"""The shapes of sentences: which lines are prose that may report a happening, and the
types of a sentence's clauses."""

from __future__ import annotations

import re

from timeline.extraction.kinds import SINGULAR_KINDS, Kind, classify
from timeline.language.clauses import split_clauses
from timeline.language.dates import DateMention
from timeline.language.lexicon import GATHERINGS, alternation, verbs

__all__ = [
    "MAX_SENTENCE",
    "CAPTION_EXAMPLES",
    "agenda_line",
    "caption_spans",
    "narrative_and_captions",
    "clause_kind",
    "GATHERING_EXAMPLES",
    "gathering_of_signing",
    "looks_like_sentence",
    "other_clause_kinds",
]

#: Longest text taken as one sentence of evidence.
MAX_SENTENCE = 3000
# A full stop inside the span followed by text the splitter kept ("2013. ��").
_INNER_STOP = re.compile(r"[a-z\d][.!?][\"'”’»)\]]*\s")
_TOKEN = re.compile(r"\w+")
# At least three (ten) runs of word characters: found without listing every word.
_THREE_WORDS = re.compile(r"\w\W+\w+\W+\w")
_TEN_WORDS = re.compile(r"\w(?:\W+\w+){8}\W+\w")
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
# Words of four letters or more, and those of them capitalised: a line without a full stop
# whose long words are nearly all capitalised is a headline ("Government Repatriates 62
# Citizens Rescued from Scam Companies"), not prose that lost its full stop.
_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}")
_CAPITALISED = re.compile(r"\b[^\W\d_a-z][^\W\d_]{3,}")
_AGENDA_SEPARATOR = re.compile(r"\s*[:–—|-]\s*\w")


# --------------------------------------------------------------------------- sentence shapes


def agenda_line(text: str, first: DateMention | None) -> bool:
    """A list line that opens with its date: "12-13 November 2019: Senior officials meeting"
    (``first``: the line's first date mention, its span in ``text``)."""
    if first is None or first.value is None or first.start > 2:
        return False
    rest = first.end
    return bool(_AGENDA_SEPARATOR.match(text, rest)) and len(_TOKEN.findall(text, rest)) >= 3


def looks_like_sentence(text: str) -> bool:
    """Headings, captions and fragments ("Clearer picture", "Supplied") are not reports.

    A sentence has terminal punctuation and three words or more; a line
    without it must be long enough to be prose that lost its full stop, and
    not a headline in title case. A "sentence" longer than
    :data:`MAX_SENTENCE` characters is not prose (a table, a run of words
    without punctuation) and gives no evidence.
    """
    if len(text) > MAX_SENTENCE or text.lstrip().startswith("#"):  # a Markdown heading
        return False
    if _TERMINAL.search(text) or _INNER_STOP.search(text):
        return _THREE_WORDS.search(text) is not None
    if _TEN_WORDS.search(text) is None:
        return False
    return len(_CAPITALISED.findall(text)) < 0.8 * len(_LONG_WORD.findall(text))


#: Agencies that credit news photos ("[Dale De La Rey/AFP]").
PHOTO_AGENCIES = ("AFP", "Reuters", "AP", "EPA", "Getty Images", "Xinhua", "Antara", "BenarNews")
#: A photo credit ending a paragraph: "PHOTO SUPPLIED", "Photo: MOFA", "File photograph:
#: Hasnoor Hussain/The Malaysian Insider", "(Antara Photo/Asep Fathulrahman)".
_CREDIT = re.compile(
    r"(?i)(?:\b(?:file\s+)?(?:photo(?:graph)?s?|pictures?|images?)"
    r"(?:\s+(?:supplied|courtesy|credit|source)\b[^.\n]{0,80}|\s*(?::|by\b)[^.\n]{0,80})"
    r"|\([^()\n]{0,30}\bphotos?\s*/[^()\n]{0,60}\)"
    rf"|[\[(][^\[\]()\n]{{0,40}}/\s*{alternation(PHOTO_AGENCIES)}[^\[\]()\n]{{0,20}}[\])])\W*$"
)
#: Longest paragraph read as a caption, and how far from its end its credit may start.
MAX_CAPTION = 600
_CREDIT_REACH = 200
_PARAGRAPH = re.compile(r"(?m)^[^\S\n]*\S[^\n]*(?:\n[^\S\n]*\S[^\n]*)*")
#: Paragraphs that are captions (True) and that are not.
CAPTION_EXAMPLES = (
    ("Two men stand at the unit on Sunday after being detained by police. PHOTO SUPPLIED", True),
    ("Spokesperson Le Thi Thu Hang. Photo: MOFA", True),
    ("A cage found at a camp in Wang Kelian - File photograph: Hasnoor Hussain/The Insider", True),
    ("Suspects line up in Banten on July 24, 2023. (Antara Photo/Asep Fathulrahman)", True),
    ("Migrant workers attend a rally in Hong Kong, May 1, 2018.\n[Dale De La Rey/AFP]", True),
    ("Police and soldiers (Reuters/Thomson) met in June.", False),
    ("Police arrested two men who had taken photos of the girls.", False),
    ("The trio photographed the youths and published the images online.", False),
)


def caption_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraphs of ``text[start:end]`` that are photo captions: short, and ending
    with the photo's credit."""
    spans = []
    for low, high in map(re.Match.span, _PARAGRAPH.finditer(text, start, end)):
        if high - low > MAX_CAPTION:
            continue
        tail = max(low, high - _CREDIT_REACH)
        folded = text[tail:high].lower()
        # Every credit names a photo, a picture or an image, or an agency after a slash.
        if ("/" in folded or "photo" in folded or "picture" in folded or "image" in folded) and (
            _CREDIT.search(text, tail, high)
        ):
            spans.append((low, high))
    return spans


def narrative_and_captions(
    text: str, start: int, end: int, captions: list[tuple[int, int]]
) -> list[tuple[int, str]]:
    """The body with its photo captions blanked, and each caption apart (with where each
    starts): a caption's date is its own, not the year the story's later months and days
    take ("… a May Day rally in Hong Kong, May 1, 2018." above raids "from June 5 to June
    19" of 2023)."""
    if not captions:
        return [(start, text[start:end])]
    body = list(text[start:end])
    for low, high in captions:
        body[low - start : high - start] = " " * (high - low)
    return [(start, "".join(body))] + [(low, text[low:high]) for low, high in captions]


# --------------------------------------------------------------------------- clauses


def clause_kind(sentence: str, at: int, fallback: Kind) -> Kind:
    """The type of the clause holding position ``at``, or the sentence's when it has none."""
    clauses = split_clauses(sentence)
    if len(clauses) == 1:
        return fallback
    for start, end in clauses:
        if at < end or end == len(sentence):
            return classify(sentence[start:end]) or fallback
    return fallback


def other_clause_kinds(sentence: str, kind: Kind) -> list[Kind]:
    """Happenings of other types that clauses of the sentence narrate on their own."""
    clauses = split_clauses(sentence)
    if len(clauses) == 1:
        return []
    found: list[Kind] = []
    for start, end in clauses:
        clause = classify(sentence[start:end])
        if (
            clause is not None
            and clause.action
            and clause.kind != kind.kind
            and clause.kind in SINGULAR_KINDS
            and clause.kind != "report"  # "according to the report released Monday": a source
            and all(k.kind != clause.kind for k in found)
        ):
            found.append(clause)
    return found


_SIGNED = verbs("sign", "ink", "adopt", "conclude", "endorse", "ratify", only="ed")
_AT_GATHERING = (
    rf"\b(?:at|during|on\s+the\s+sidelines\s+of)\s+(?:the|a|an|its|their)\s+"
    rf"(?:[\w'’-]+\s+){{0,6}}?{alternation(GATHERINGS)}\b"
)
# "The declaration was signed in Beijing on December 14 at the second inter-ministerial
# meeting of ...", "At the first COMMIT meeting held in Yangon in 2004, the six nations
# signed a memorandum": the gathering is a happening of its own, on the signing's day.
# The gathering is where the signing was: in its clause after it (no comma between), or
# opening the sentence before it.
_SIGNED_AT = re.compile(
    rf"{_SIGNED}[^.;,]{{0,120}}?{_AT_GATHERING}|^\W*{_AT_GATHERING}[^.;]{{0,120}}?{_SIGNED}",
    re.I,
)


#: Sentences whose signing names its gathering, and sentences that do not.
GATHERING_EXAMPLES: tuple[tuple[str, bool], ...] = (
    ("The declaration was signed in Beijing on December 14 at the second meeting of COMMIT.", True),
    ("At the first COMMIT meeting held in Yangon in 2004, the six nations signed an MOU.", True),
    ("The MOU was inked on the sidelines of the ASEAN summit on Sunday.", True),
    ("The ministers signed a memorandum on Friday.", False),
    ("The pact, signed in 2015, was discussed at a meeting on Monday; it is in force.", False),
)


def gathering_of_signing(sentence: str, kind: Kind) -> list[Kind]:
    """The meeting at which an agreement was signed, when the sentence names it."""
    if kind.kind != "agreement" or not _SIGNED_AT.search(sentence):
        return []
    return [Kind("conference", True)]
