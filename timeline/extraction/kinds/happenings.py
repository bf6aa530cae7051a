"""The rules of the event types that name one happening: task forces, tier changes,
agreements, laws and meetings."""

from __future__ import annotations

from timeline.extraction.kinds.rule import Alt, Rule
from timeline.extraction.tiercues import MEETS_STANDARDS
from timeline.language.lexicon import either, verbs

__all__ = ["HAPPENINGS"]

HAPPENINGS: tuple[Rule, ...] = (
    Rule(
        "task_force",
        cues=(
            Alt(r"\btask[\s-]?forces?\b", ("Police set up a task force.", "a new task-force")),
            Alt(
                r"\b(?:new|national|joint|special|inter-?ministerial|anti-?(?:human\s+)?"
                r"trafficking|counter-?trafficking)\s+(?:committee|commission|council|unit|"
                r"working\s+group|police\s+unit|secretariat|(?:sessions\s+)?court)s?\b",
                (
                    "It formed a national committee.",
                    "an anti-human trafficking police unit",
                    "the Anti-Trafficking Sessions Court",
                ),
                ("The committee met.",),
            ),
            # "formed a secretariat that consists of 57 officials", "set up a committee"
            Alt(
                verbs("form", "set up", "establish", "create", only="ed")
                + r"\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:secretariat|committee|commission|"
                r"council|working\s+group)\b",
                ("Mr Sar Kheng formed a secretariat.", "The ministry set up a committee."),
                ("The committee met.", "He formed a bond."),
            ),
            # Told passively: "The royal commission was set up ... on 29 January 2019".
            Alt(
                r"\b(?:secretariat|committee|commission|council|working\s+group)s?\s+"
                r"(?:was|were|has\s+been|had\s+been)\s+(?:[\w-]+\s+)?(?:set\s+up|established|"
                r"formed|created)\b",
                (
                    "The royal commission was set up with the consent of the King.",
                    "The committee has been formally established.",
                ),
                ("The committee was told of the plan.", "The council was set to meet."),
            ),
        ),
        verbs=(
            # (Not a body named as made before: "the recently-formed commission met".)
            Alt(
                r"(?<![-‐])(?<!newly\s)(?<!recently\s)(?:"
                + either(
                    verbs(
                        "launch", "set up", "establish", "form", "create", "inaugurate", "unveil"
                    ),
                    verbs("found", only="ed ing"),
                )
                + ")",
                ("The ministry launched it.", "They set up one.", "It was founded in 2007."),
                ("Police found bodies.", "Officials of the recently-formed commission met."),
            ),
            Alt(r"\b(?:new|first)\b", ("a new unit", "its first task force")),
            # The making named as a thing: "the proposed establishment of the ... Court".
            Alt(
                r"\b(?:establishment|creation|formation|setting[\s-]+up)\s+of\b",
                ("agreed with the proposed establishment of the court", "the creation of a unit"),
                ("the establishment said",),
            ),
        ),
        examples=(
            "In 2007 Cambodia launched a national task force on trafficking.",
            "The task force was established by sub-decree.",
        ),
    ),
    Rule(
        "tier_change",
        cues=(
            Alt(
                r"\btier[\s-]*(?:[123]|I{1,3}|one|two|three)\b",
                ("It was ranked Tier 3.", "a Tier-2 country", "Tier Two"),
                ("The tiered seating.",),
            ),
            Alt(r"\bwatch[\s-]?list\b", ("on the Tier 2 Watch List", "a watchlist")),
            Alt(
                MEETS_STANDARDS,
                ("The first time the country met the US standards was in 2016.",),
                ("It does not meet the minimum standards.",),
            ),
            Alt(
                r"\b(?:lowest|bottom)\s+(?:level|rank|ranking|rung|tier|grade|category)\b",
                ("elevated from the lowest level", "in the bottom rung of the chart"),
                ("the lowest price", "the bottom line"),
            ),
            # The tiers as a translation names them: "put Vietnam on List 2 for follow-up".
            Alt(
                r"\b(?:on|to|from)\s+list\s+(?:[123]|i{1,3})\b",
                ("to put Vietnam on List 2",),
                ("item 2 of the list",),
            ),
            Alt(
                r"(?<![\w-])rankings?\b",
                ("the US rankings", "its ranking"),
                ("high-ranking officials met", "a top-ranking general"),
            ),
            # A ranking named by what it rates: "upgraded Vietnam's status on combatting human
            # trafficking", "its trafficking rating".
            Alt(
                r"\b(?:status|rating|standing)\b(?=[^.;]{0,60}\btraffick)|"
                r"(?<=trafficking\s)(?:status|rating|standing)\b",
                (
                    "upgraded Vietnam’s status on combatting human trafficking",
                    "Malaysia's trafficking rating",
                ),
                ("upgraded the agency's status to a ministry", "its refugee status"),
            ),
            Alt(
                r"(?<=trafficking\s)black[\s-]?list\b",
                ("adds Vietnam to the human trafficking blacklist", "its trafficking black list"),
                ("a blacklist of tax havens", "the blacklisted website"),
            ),
        ),
        verbs=(
            Alt(
                either(
                    verbs(
                        "remove",
                        "place",
                        "downgrade",
                        "upgrade",
                        "elevate",
                        "raise",
                        "lower",
                        "demote",
                        "promote",
                        only="s ed ing",
                    ),
                    verbs("move", only="base ed"),
                    verbs("add", only="s ed"),
                    verbs("drop", only="ed ing"),
                    verbs(
                        "relegate", "lift", "return", "slip", "slide", "sink", "climb", only="ed"
                    ),
                    verbs("fall", only="base s ed"),
                    verbs("rise", only="ed"),
                ),
                (
                    "Cambodia was removed from the list.",
                    "It was downgraded.",
                    "Thailand fell.",
                    "Thailand slid to Tier 3.",
                    "Malaysia climbed to Tier 2.",
                ),
                ("It moves on.",),
            ),
            Alt(
                either(
                    verbs("classify"),
                    verbs("rank", only="s ed ing"),
                    verbs("rate", only="s ed"),
                    verbs(
                        "consider", "list", "categorise", "categorize", "grade", "put", only="ed"
                    ),
                ),
                ("The report classifies Cambodia as Tier 2.", "it was considered a Tier 3 country"),
            ),
            Alt(
                either(
                    verbs("remain", only="s ed"),
                    verbs("stay", "retain", "maintain", "keep", only="base s ed"),
                    verbs("hold", only="ed"),
                ),
                (
                    "It remained on the watch list.",
                    "Malaysia retained its ranking.",
                    "kept at Tier 2",
                ),
            ),
            # Being on a tier: "Burma was at Tier 3", "it sat on the watch list".
            Alt(
                r"\b(?:was|were|is|are|been|sat|sits)\s+(?:(?:previously|already|still|once|"
                r"briefly|again)\s+)?(?:on|at|in)\b",
                (
                    "Burma was at Tier 3.",
                    "Having sat on the watch list in 2004",
                    "Malaysia was previously in the bottom rung",
                ),
                ("It was a Tier 3 country.",),
            ),
        ),
        examples=(
            "The US removed Cambodia from a watchlist in 2010.",
            "Burma was at Tier 3, alongside Cuba and North Korea.",
            "Thailand was downgraded to Tier 3 in the 2014 report.",
            "Laos stayed on the Tier 2 Watch List.",
        ),
    ),
    Rule(
        "agreement",
        cues=(
            Alt(
                r"\b(?:conventions?|treat(?:y|ies)|protocols?|charter)\b",
                ("the ASEAN convention", "a treaty", "the Palermo Protocol"),
            ),
            Alt(
                r"\b(?:memorand(?:um|a)\s+of\s+understanding|MoUs?)\b",
                ("signed a memorandum of understanding", "two MoUs"),
            ),
            Alt(
                r"\b(?:agreements?|accords?|pacts?|deals?|declarations?|pledge)\b",
                ("a bilateral agreement", "the Bali Declaration", "a deal", "the Integrity Pledge"),
                ("Officials pledged to act.",),
            ),
        ),
        verbs=(
            Alt(
                either(
                    verbs("sign", "ratify"),
                    r"\bratification\b",
                    verbs("conclude", "accede", only="s ed"),
                    r"\baccession\b",
                ),
                ("They signed it.", "It was ratified.", "its ratification", "Laos acceded."),
            ),
            Alt(
                either(
                    verbs("enter into force", only="s ed"),
                    verbs("come into force", only="base ed"),
                ),
                ("It entered into force in 2017.", "The pact came into force."),
            ),
            Alt(
                verbs("endorse", "ink", "adopt", "approve", "join", only="s ed")
                + r"|\bcommit(?:ted|s)\s+(?:themselves\s+)?to\b",
                ("Leaders endorsed the declaration.", "They committed themselves to it."),
            ),
        ),
        examples=(
            "Cambodia and Thailand signed a memorandum of understanding in 2003.",
            "The convention is scheduled to be ratified by the end of 2015.",
        ),
    ),
    Rule(
        "law",
        cues=(
            Alt(
                r"\blaws?\b(?!\s+(?:enforcement|firms?|makers?|students?|schools?))",
                ("a new law", "the laws"),
                ("law enforcement officers", "law students"),
            ),
            Alt(
                r"\b(?:legislation|bills?|decrees?|sub-decrees?|regulations?|guidelines|"
                r"amendments?|statutes?|ordinances?|penal\s+code|criminal\s+code|prakas)\b",
                ("a sub-decree", "the penal code", "new guidelines", "a prakas"),
            ),
            Alt(
                r"\b(?:national|action|work|strategic|five-year)\s+plans?\b"
                r"|\b(?:national|regional)\s+program(?:me)?s?\b",
                (
                    "a national plan",
                    "its action plan",
                    "a five-year work plan",
                    "the fourth regional program",
                ),
                ("a training programme", "the regional director"),
            ),
            # A government's decision as an instrument: "the premier signed a decision".
            Alt(
                verbs("sign", "issue", only="ed") + r"\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?decision\b"
                r"|\bdecision\s+no\.?\s*\d",
                ("Premier Nguyen Tan Dung signed a decision", "under Decision No. 1427"),
                ("The court's decision was welcome.",),
            ),
            Alt(
                r"\b(?:moratori(?:um|a)|bans?\s+on|bann(?:ed|ing)|suspensions?\s+(?:of|on))\b",
                ("a moratorium", "a ban on recruitment", "banned the practice"),
            ),
            Alt(r"\bthe\s+draft\b", ("approved the draft",)),
            Alt(
                r"\b[A-Z][\w-]*\s+Act\b|\bthe\s+Act\b|\(Amendment\)\s+Act\b",
                ("the Trafficking Act", "under the Act", "the (Amendment) Act"),
                ("They act quickly.",),
                case=True,
            ),
        ),
        verbs=(
            Alt(
                verbs(
                    "pass",
                    "adopt",
                    "enact",
                    "approve",
                    "promulgate",
                    "amend",
                    "introduce",
                    "issue",
                    "draft",
                    "revise",
                    "tighten",
                    "order",
                    only="s ed",
                )
                + r"|\bsigned\s+into\s+law\b|\b(?:adoption|passage|enactment)\s+of\b",
                (
                    "Parliament passed the law.",
                    "It was promulgated.",
                    "signed into law",
                    "following the adoption of the fourth regional program in 2014",
                ),
            ),
            Alt(
                verbs("sign", "issue", only="ed") + r"\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?decision\b",
                ("The premier signed a decision on the programme.",),
                ("The decision was signed.",),
            ),
            Alt(
                either(
                    verbs("take effect", only="base s ed"),
                    verbs("come into force", "come into effect", only="base ed"),
                ),
                ("The law took effect in 2008.", "It came into effect."),
            ),
            Alt(
                either(
                    verbs("unveil", "launch", "declare", "impose", "lift", "table", only="s ed"),
                    verbs("rewrite", "submit", only="ed"),
                ),
                ("The ministry unveiled a plan.", "It imposed a ban on ...", "the bill was tabled"),
            ),
        ),
        examples=(
            "The anti-trafficking law was promulgated in February 2008.",
            "Parliament passed a new law on human trafficking in 2008.",
        ),
    ),
    Rule(
        "conference",
        cues=(
            Alt(
                r"\b(?:conferences?|meetings?|summits?|workshops?|forums?|symposi(?:um|a)|"
                r"seminars?|round-?tables?|consultations?|congress|dialogues?|talks)\b",
                ("a two-day conference", "the ASEAN Summit", "talks"),
            ),
            Alt(
                r"\b(?:visits?|trainings?|training\s+courses?|delegations?)\b",
                ("an official visit", "a training course", "a delegation"),
            ),
        ),
        verbs=(
            Alt(
                either(
                    verbs("hold", "host"),
                    verbs("co-host", "organise", "organize", only="base s ed"),
                    verbs("convene", "open", "attend", "chair", "gather", only="s ed"),
                ),
                ("Officials held a meeting.", "Hanoi hosted the summit.", "ministers attended"),
            ),
            Alt(
                either(
                    verbs("take place", only="base s ed"),
                    verbs(
                        "complete", "receive", "welcome", "join", "close", "conclude", only="s ed"
                    ),
                    verbs("lead", only="ed"),
                    verbs("wrap up", only="base ed"),
                    verbs("kick off", "begin", only="s ed"),
                ),
                ("The forum took place in Bangkok.", "The talks wrapped up.", "It began."),
            ),
        ),
        alone=(
            Alt(r"\b(?:met|meets?|meeting)\s+(?:with|in|at)\b", ("Officials met with NGOs.",)),
            Alt(
                r"\bvisit(?:ed|s)\s+(?-i:[A-Z])",
                ("The minister visited Phnom Penh.",),
                ("She visited the shelter.",),
            ),
            Alt(r"\bconvened\b", ("The council convened.",)),
            Alt(
                r"\b(?:gathered|assembled)\s+(?:here\s+)?(?:in|at)\s+(?-i:[A-Z])",
                ("Senior officers have gathered in Bangkok.",),
                ("Evidence gathered in the raid.",),
            ),
            Alt(
                r"\bpaid\s+(?:an?\s+)?(?:official\s+|state\s+)?visit\b",
                ("He paid an official visit to Laos.",),
            ),
            Alt(
                r"\b(?:received|welcomed|hosted)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}delegation\b",
                ("Hanoi received a Cambodian delegation.",),
            ),
            Alt(
                r"\b(?:met|meet|meets)\s+(?:with\s+)?(?:their|his|her|its)\s+(?:[\w-]+\s+)?"
                r"counterparts?\b",
                ("The minister met his Thai counterpart.",),
            ),
            Alt(
                r"\b(?:met|meets)\s+(?:with\s+)?(?:the\s+)?(?:[\w’'-]+\s+){0,3}(?:ministers?|"
                r"president|premier|ambassadors?|envoys?|secretary|governor|king|queen|"
                r"chancellor)\b",
                ("She met the Deputy Prime Minister.", "He met Cambodia's interior minister."),
            ),
        ),
        examples=(
            "The United Nations hosted a two-day conference in Phnom Penh.",
            "The minister met his Thai counterpart on Friday.",
        ),
    ),
)
