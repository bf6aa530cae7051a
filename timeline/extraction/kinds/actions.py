"""The rules of the event types that are acts and counts: enforcement, figures, reports
and other announced happenings."""

from __future__ import annotations

from timeline.extraction.kinds.rule import Alt, Rule
from timeline.language.lexicon import (
    COUNTED_CASES,
    COUNTED_PEOPLE,
    COUNTED_PLACES,
    CURRENCIES,
    CURRENCY_SIGNS,
    ENFORCING_VERBS,
    PERCENT_WORDS,
    QUANTITY_WORDS,
    alternation,
    either,
    number_word_pattern,
    verbs,
)

__all__ = ["ACTIONS"]

# ---------------------------------------------------------------- building blocks

_NUMBER_WORD = f"(?:{number_word_pattern(90, article=False)}|{'|'.join(QUANTITY_WORDS)})"
_NUMBER = rf"(?:\d[\d,]*(?:\.\d+)?|{_NUMBER_WORD}(?:[\s-]+{_NUMBER_WORD})*)"
_SCALE = r"(?:\s+(?:million|billion|thousand|hundred|m|bn|k))?"
# People, counted or one: "six women", "a 26-year-old woman".
_PEOPLE = alternation((*COUNTED_PEOPLE, "woman", "man", "girl", "boy"))
_COUNT_NOUN = alternation(
    (*COUNTED_PEOPLE, *COUNTED_CASES, *COUNTED_PLACES, *CURRENCIES, *PERCENT_WORDS, "percent")
)
_PERCENT = r"(?:\s*%|\s+per\s*cent|\s+percent)"
# A few people or things named again by a definite word ("the two victims", "these three
# men", "both suspects"): those of a happening told already, not a figure.
_SMALL = rf"(?:{number_word_pattern(12, article=False)}|[2-9]|1[0-2])"
_NAMED_AGAIN = rf"(?!(?:(?<=\bthe\s)|(?<=\bthese\s)|(?<=\bthose\s)|(?<=\ball\s)){_SMALL}\b)"

# The verbs of enforcement: in the past tense they narrate a raid, an arrest or a
# sentence beside a cue ("Police arrested 12 suspects in a raid") ...
_ENFORCING = ENFORCING_VERBS
# ... and these tell one even without a cue ("Police arrested three men"); "freed",
# "fined", "seized" or "caught" alone are too often something else.
_NEEDS_A_CUE = frozenset(
    {"deport", "seize", "free", "intercept", "fine", "repatriate", "dismantle", "catch"}
)
_ENFORCING_ALONE = tuple(verb for verb in _ENFORCING if verb not in _NEEDS_A_CUE)


ACTIONS: tuple[Rule, ...] = (
    Rule(
        "enforcement",
        cues=(
            Alt(
                r"\b(?:arrests?|raids?|convictions|prosecutions|crackdowns?|indictments|seizures|"
                r"trials?)\b",
                ("a raid", "the crackdown", "36 convictions"),
            ),
            Alt(
                r"\b(?:rescues?|rescue\s+operations?|investigations|(?:joint|police|sting|"
                r"undercover|security)\s+operations?)\b",
                ("a rescue operation", "a joint operation", "investigations"),
            ),
        ),
        verbs=(
            Alt(
                verbs(*_ENFORCING, only="ed"),
                ("Police arrested 12.", "They were convicted.", "cracked down on brothels"),
            ),
            Alt(
                either(
                    verbs("launch", "conduct", "stage", only="s ed ing"),
                    verbs("carry out", only="ed"),
                    verbs("open", "begin", only="s ed"),
                ),
                ("Police launched raids.", "It carried out a raid.", "The trial opened."),
            ),
        ),
        alone=(
            Alt(
                either(
                    verbs(*_ENFORCING_ALONE, only="ed"),
                    r"\bt(?:ook|aken)\s+(?:into\s+)?custody\b",
                    verbs(*_ENFORCING_ALONE[:6], "sentence", "jail", only="ing"),
                    verbs("dismantle", only="ed ing"),
                    r"\bbroke(?:n)?\s+up\b|\bbreaking\s+up\b",
                ),
                ("Police arrested three men.", "They were taken into custody.", "broke up a ring"),
            ),
            # Bringing people home: "received 266 nationals handed over", "were brought home",
            # "crossed back into Cambodia", "escorted 58 Thai nationals".
            Alt(
                r"\b(?:handed\s+over|brought\s+(?:[\w-]+\s+){0,3}?(?:home|back)|"
                r"(?:arrived|crossed|came)\s+(?:back|home)|escorted|"
                r"(?:were|was|been)\s+(?:[\w-]+\s+)?(?:repatriated|returned|deported|sent\s+home))\b",
                ("58 were brought home.", "They crossed back into Cambodia.", "were repatriated"),
            ),
            # Sending people home, told actively: "returned six Vietnamese women to Vietnam",
            # "returned to Vietnam a 26-year-old woman", "repatriated 58 nationals".
            Alt(
                r"\b(?:returned|repatriated|deported)\s+(?:to\s+(?-i:[A-Z])[\w-]+\s+)?"
                rf"(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\b",
                (
                    "Police returned six Vietnamese women to Vietnam.",
                    "Chinese police returned to Vietnam a 26-year-old Vietnamese woman.",
                    "Malaysia deported 300 migrants.",
                ),
                ("She returned to work.", "The workers returned home.", "He returned the money."),
            ),
            # "freed 417 foreign nationals", "intercepted a trawler" (not "the men freed")
            Alt(
                r"\b(?:freed|intercepted)\s+(?:[\w-]+\s+){0,2}?(?:\d[\d,]*|dozens|hundreds|"
                r"thousands|scores|an?|the)\b",
                ("Police freed 417 people.", "The navy intercepted a trawler."),
                ("The men freed were sent home.",),
            ),
            # Exposing a criminal group: "exposed foreign sex rings", "uncovered a network".
            Alt(
                r"\b(?:exposed|uncovered|smashed|busted)\s+(?:[\w-]+\s+){0,4}?"
                r"(?:rings?|networks?|syndicates?|gangs?|cartels?)\b",
                (
                    "Lao officials have exposed foreign sex rings smuggling women.",
                    "Police uncovered a trafficking network in Johor.",
                ),
                ("The report exposed the abuse of workers.", "a network of shelters"),
            ),
            # "police found 139 suspected graves", "the discovery of 26 bodies", "Friday's
            # discovery of the clandestine camp", "147 graves were discovered"
            Alt(
                r"\b(?:found|discovered|unearthed|exhumed|discovery\s+of)\s+(?:the\s+|a\s+)?"
                r"(?:(?!(?:at|in|on|near|inside|outside)\b)[\w,-]+\s+){0,3}"
                r"(?:graves?|bodies|remains|corpses|camps?)\b"
                r"|\b(?:graves?|bodies|remains|corpses|camps?|camp\s+sites)\b[^.;]{0,80}?\b"
                r"(?:were|was|ha(?:ve|s|d)\s+been)\s+(?:also\s+)?(?:found|discovered|unearthed|"
                r"exhumed)\b",
                (
                    "Police found 139 suspected graves.",
                    "the discovery of 26 bodies",
                    "Friday's discovery of the clandestine camp",
                    "transit camps and 147 graves were discovered",
                    "Four more major camp sites have been found in recent weeks.",
                ),
                (
                    "Police found the report useful.",
                    "The camps are found in the hills.",
                    "A cage found at a trafficking camp",
                ),
            ),
            # Giving oneself up: "turned himself in to police", "surrendered to police".
            Alt(
                r"\b(?:turn(?:ed|s)?|handed)\s+(?:himself|herself|themselves)\s+(?:in(?:to)?|over)\b"
                r"|\bsurrendered\s+to\s+(?:the\s+)?(?:police|authorities)\b",
                ("Ko Tong turned himself into police.", "as he turns himself in at the station"),
            ),
            # "managed to rescue 600 victims": done.
            Alt(
                r"\bmanaged\s+to\s+(?:rescue|arrest|free|detain|save|repatriate|intercept|"
                r"dismantle|break\s+up)\b",
                ("Police managed to rescue 600 victims.",),
                ("Police hope to rescue them.",),
            ),
            Alt(
                r"\bthe\s+(?:rescue|arrest|prosecution|conviction|extradition|indictment)\s+"
                r"(?:in\s+\w+\s+)?of\b|\braids?\s+on\b",
                ("the arrest of a broker", "raids on karaoke bars"),
            ),
            # Charging told with a noun: "filed charges against 20 suspected traffickers",
            # "brought criminal charges against the owner".
            Alt(
                r"\b(?:filed|brought|pressed|laid|lodged)\s+(?:[\w-]+\s+){0,2}?charges?\s+"
                r"(?:against|on)\b",
                (
                    "Laos has filed charges against 20 suspected human traffickers.",
                    "Prosecutors brought criminal charges against the owner.",
                ),
                ("Lawyers filed a complaint.", "the charges against him were dropped"),
            ),
            # Catching people: "caught 17 suspects", "to catch 6 fugitives" (not "caught in").
            Alt(
                r"\b(?:caught|catch|nabbed)\s+(?!by\b)(?:[\w-]+\s+){0,3}?"
                rf"{_PEOPLE}\b",
                (
                    "Police caught 17 suspects in a joint operation.",
                    "teamed up with the Malaysian authorities to catch 6 fugitives",
                ),
                (
                    "Workers were caught in a fire.",
                    "The campaign caught the public's eye.",
                    "fish caught by enslaved men",
                ),
            ),
            # A verdict: "the court found 62 people guilty", "handed down guilty verdicts
            # against 62 defendants", "were found guilty of trafficking".
            Alt(
                r"\b(?:found|find|finds)\s+(?:(?!(?:not|that)\b)[\w,-]+\s+){0,5}?guilty\b"
                r"|\bhand(?:ed|s)?\s+down\s+(?:[\w-]+\s+){0,3}?(?:verdicts?|sentences?)\b",
                (
                    "The court found 62 people guilty of trafficking.",
                    "A court handed down guilty verdicts against 62 defendants.",
                    "Both men were found guilty.",
                ),
                ("The court found him not guilty.", "She found that guilty pleas were rare."),
            ),
        ),
        examples=(
            "Police arrested 12 suspected traffickers on Friday.",
            "In 2016 police raided three brothels in Svay Pak.",
        ),
    ),
    Rule(
        "statistic",
        cues=(
            # "959 cases", "12.3 million people", "thousands of children", "$150 billion"
            Alt(
                rf"\b{_NAMED_AGAIN}{_NUMBER}{_SCALE}(?:\s+(?:of|more|new|reported|suspected|identified|alleged|"
                rf"[a-z]+(?:ed|al|ic|an|ese)))?(?:\s+(?:of\s+)?[a-z-]+)?\s+{_COUNT_NOUN}\b"
                rf"|(?:US\$|\$|USD\s?|€|£)\s?\d[\d,.]*{_SCALE}|\b{_NUMBER}{_PERCENT}"
                # a budget in other currencies: "THB 3.6 billion" (not "RM15,000 in damages")
                rf"|(?<![a-z]){alternation(sign.lower() for sign in CURRENCY_SIGNS)}\s?\d[\d,.]*\s+"
                r"(?:million|billion|trillion|bn)\b",
                (
                    "959 cases of trafficking",
                    "thousands of children",
                    "$150 billion",
                    "29.34 percent",
                    "funding rose to THB 3.6 billion",
                    "the 959 cases reported in 2012",
                ),
                ("Room 101 is closed.", "The two victims were women.", "these three men"),
            ),
            Alt(
                rf"\b(?:tripled|doubled|quadrupled|halved)\b|\b(?:rose|fell|dropped|declined|"
                rf"increased|decreased|jumped|surged|climbed|grew)\s+(?:[a-z]+ly\s+)?(?:by\s+|to\s+|from\s+)?"
                rf"(?:about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+)?{_NUMBER}"
                rf"|\b(?:up|down)\s+from\s+{_NUMBER}",
                (
                    "Convictions more than tripled.",
                    "rose to 36",
                    "up from 11",
                    "rose sharply to 265",
                ),
            ),
            # "35,000 Nepalis were trafficked": a count of people told by what befell them.
            Alt(
                rf"\b{_NUMBER}{_SCALE}\s+(?:of\s+)?(?:[a-z-]+\s+){{0,2}}(?:were|was|are|is|have\s+"
                rf"been|had\s+been|being)\s+(?:[a-z]+\s+)?(?:trafficked|smuggled|exploited|enslaved)\b",
                ("35,000 Nepalis were trafficked", "thousands of Cambodians are trafficked"),
            ),
        ),
        verbs=(
            Alt(
                verbs(
                    "report",
                    "record",
                    "register",
                    "handle",
                    "identify",
                    "document",
                    "count",
                    "receive",
                    "assist",
                    only="s ed",
                )
                + r"|\bdealt\s+with\b|(?<!\ban\s)\bestimat(?:ed|es)\b",
                ("The NGO handled 90 cases.", "Police recorded 12 cases.", "It estimated 3,000"),
                ("an estimated 3,000",),
            ),
            Alt(
                verbs(
                    "rescue",
                    "triple",
                    "double",
                    "quadruple",
                    "halve",
                    "drop",
                    "decline",
                    "increase",
                    "decrease",
                    "jump",
                    "surge",
                    "climb",
                    "total",
                    "reach",
                    only="ed",
                )
                + r"|\btotalled\b|\b(?:rose|fell|grew)\b",
                ("Cases rose to 959.", "Arrests doubled.", "Convictions totalled 44."),
            ),
        ),
        alone=(
            # A part of a count told before: "Of those cases, 244 involved sex trafficking",
            # "Of these, 43 were children".
            Alt(
                rf"\bof\s+(?:the|those|these|them|which|whom)(?:\s+{_NUMBER})?(?:\s+[\w-]+){{0,7}}?"
                rf"\s*,?\s+{_NUMBER}\s+(?:involved|were|was|are|concerned|related|had|have)\b",
                (
                    "Of those cases, 244 involved sex trafficking.",
                    "Of these, 43 were children.",
                    "of the total number of trafficking cases in 2015, 68 involved forced marriage",
                ),
                ("Of those present, many were officials.",),
            ),
            # "There are currently 43 people under arrest": a count stated as it stands.
            Alt(
                rf"\bthere\s+(?:are|were|have\s+been|had\s+been)\s+(?:currently\s+|now\s+|still\s+)?"
                rf"(?:about\s+|around\s+|some\s+|at\s+least\s+|nearly\s+|more\s+than\s+|over\s+)?"
                rf"{_NUMBER}{_SCALE}\s+",
                ("There are currently 43 people under arrest.", "there were 82 cases of abuse"),
                ("There are many cases.",),
            ),
        ),
        examples=(
            "959 cases of human trafficking were reported in 2012.",
            "In 2015, they dealt with 100 cases.",
        ),
    ),
    Rule(
        "report",
        cues=(
            Alt(
                r"\b(?:reports?|stud(?:y|ies)|surveys?|assessments?|index|estimates?|census|"
                r"findings|reviews?|audits?|white\s+paper|yearbook|press\s+releases?)\b",
                ("a 2005 report", "the study", "a survey", "issued a press release"),
            ),
            Alt(
                r"(?<![\w-])(?:rankings?|investigations?|figures|data|statistics)\b",
                ("new figures", "official data"),
                ("high-ranking officials",),
            ),
        ),
        verbs=(
            Alt(
                verbs(
                    "release",
                    "publish",
                    "issue",
                    "launch",
                    "unveil",
                    "reveal",
                    "conclude",
                    "present",
                    "show",
                    "submit",
                    only="s ed",
                )
                + r"|(?<!\ban\s)\bestimat(?:ed|es)\b|\bfound\b|\bput\s+out\b",
                ("The ILO released a report.", "A study found that ...", "It put out figures."),
            ),
            # "announced the release of the 2010 Trafficking in Persons Report"
            Alt(
                r"\bthe\s+(?:release|publication|launch|unveiling)\s+of\s+(?:[\w’'-]+\s+){0,7}?"
                r"(?:reports?|stud(?:y|ies)|surveys?|index|findings|figures|data)\b",
                ("Clinton announced the release of the report.", "the publication of the study"),
                ("Police demanded the release of the victims.",),
            ),
        ),
        examples=("A 2005 report from the International Labour Organisation found abuse.",),
    ),
    Rule(
        "other",
        cues=(
            Alt(
                r"\b(?:plan(?:s|ned)?\s+to|pledg(?:ed|es)|vow(?:ed|s)|promis(?:ed|es)|"
                r"announc(?:ed|es)|agreed\s+(?:in\s+[\w-]+\s+)?(?:to|on)|decided\s+to)\b",
                ("The ministry plans to act.", "Officials vowed to act.", "agreed in principle to"),
            ),
            Alt(
                r"\b(?:began|started|launched|established|introduced|set\s+up|created|opened)\b"
                r"|\b(?:launch|opening|start)\s+of\b",
                (
                    "The shelter opened in 2009.",
                    "It began work.",
                    "during the launch of its Asean chairmanship last month",
                ),
            ),
        ),
        examples=("The ministry announced new shelter funding in 2014.",),
    ),
)
