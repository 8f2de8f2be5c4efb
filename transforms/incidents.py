"""Incidents: specific violent events with place, date and tolls.

The text is cut into sentences and clauses ("X happened days after Y" holds two
events). A clause that reports violence (a trigger word from
``data/incident_triggers.csv``, or a toll bound by ``data/incident_outcomes.csv``)
is a *mention*. Mentions of one event are merged into one row, in text order: a
mention joins the most recent row whose type, day and place agree with it,
unless it marks itself as separate ("a second bomber", "In a separate attack")
or carries its own period ("Last week", "In March", "On April 4"). The first
mention's sentence is the evidence; later ones only fill gaps (a toll, a more
specific place, the day, the perpetrator). Tolls tied to spans of months or
years are aggregates, not events, and are dropped.

Annotation rules v2 shape the fields: the perpetrator is the side a clause names
as the agent ("airstrikes by X", "X fighters stormed", a claim) or, failing that,
an unhedged armed group in the evidence sentence; hedges ("suspected", "blamed",
"-linked") give none and a state's forces are named by the state. The place is the
most specific one the clause puts the event in, including names the text marks as
places ("Korvanta village") that the gazetteer lacks; landmarks ("near the capital,
X") rank below the scene. A day dates the event only when the text dates the event
itself, not a statement or a toll update about it. Quoted words never open a row but
may fill the tolls of the event they follow.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol, TypeVar

import pycountry

from transforms import actors, dates, geo, lexicon, numbers
from transforms.lexicon import LexiconError, check_choice, load_csv, ordered_alternation, trie_pattern
from transforms.records import Incident

EVENT_TYPES = frozenset(
    {
        "suicide_bombing",
        "bombing",
        "armed_attack",
        "armed_clash",
        "airstrike",
        "shelling",
        "abduction",
        "execution",
        "other",
    }
)
# Guns with explosives make a complex attack, not a bombing.
_ASSAULT_VERBS = re.compile(r"\b(?:opened fire|gunmen|stormed|shot dead|attacked|ambushed|raided)\b", re.I)
# An assault by fighters who enter: a suicide bomb that opens it makes a complex attack.
# "tried to storm the compound after the blast" is a failed assault: the bomb was the attack.
# "rocket-propelled grenades", "rocket launchers": an infantry weapon, not artillery fire.
_INFANTRY_ROCKET = re.compile(r"(?:^s?|-)[\s\-]*(?:propelled|launchers?)\b", re.I)
_FIREARMS = re.compile(
    r"\b(?:automatic weapons|assault rifles?|rifles?|guns|gunfire|firearms|small arms|AK-47s?|Kalashnikovs?)\b",
    re.I,
)
_STORMING = re.compile(
    r"(?<!tried to )(?<!attempted to )(?<!trying to )\b(?:storm(?:ed|ing)|overr(?:an|unning))\b(?!\s+(?:out|off)\b)",
    re.I,
)
# A killing with no weapon named ("five soldiers were killed in X").
# "used machetes to kill 12 villagers" and a headline's "Gunmen kill 12" tell the killing in the
# infinitive or present; a threat or plan before it is no event ("threatened to kill").
_KILLING = re.compile(
    r"\b(?:killed|killing|shot dead|murdered|massacred|gunned down|beheaded|lynched|slain|slew|slaughtered|"
    r"butchered)\b"
    r"|(?<!threatened to )(?<!threatening to )(?<!threaten to )(?<!vowed to )(?<!plan to )(?<!plans to )"
    r"(?<!planned to )(?<!tried to )(?<!would )(?<!will )(?<!could )\bkills?\b",
    re.I,
)
# Deaths told without a verb of killing ("13 inmates died", "20 people dead", "lost their lives") and the
# deaths of the wounded afterwards ("later died in hospital", "succumbed to their wounds").
_DEATHS = re.compile(r"\b(?:died|dead|lost their lives)\b", re.I)
_AFTERMATH_DEATHS = re.compile(
    r"\b(?:hospitals?|succumb\w*|later died|died later|of (?:their|his|her) (?:wounds|injuries))\b", re.I
)


def _named_facility(art: _Article, place: geo.Place, start: int, end: int) -> bool:
    """Whether the clause names a building or site after the place ("the Kaduna prison", "the Zaria market")."""
    return any(
        pm.place.name == place.name and _FACILITY_RIGHT.match(art.text[pm.end : min(end, pm.end + 40)])
        for pm in _within(art.places, start, end)
    )


def _violent_story(art: _Article) -> bool:
    """Whether the article tells of violence anywhere (a trigger word outside quotations)."""
    if art.violent is None:
        art.violent = any(
            (t := _trigger_of(m.group())) is not None
            and t.event_type != "none"
            and not _in_quote(art, m.start())
            for m in _TRIGGER_RE.finditer(art.text)
        )
    return art.violent


# An earlier event dated from now in weeks, months or years ("two weeks ago", "about a fortnight ago").
_WEEKS_AGO = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|six|several|few|\d+)\s+(?:weeks?|months?|years?)|a\s+fortnight)\s+ago\b",
    re.I,
)
# A running tally in the present perfect ("has killed thousands since ...").
_PERFECT_TALLY = re.compile(r"\b(?:has|have)\s+(?:\w+\s+){0,2}(?:killed|left|claimed)\b", re.I)
# An attacker noun's own verb of killing: "gunmen on Monday night killed", "bandits shot dead".
_ACTIVE_KILLING = re.compile(
    r"(?:\s+(?:on|late|early|last|in|at|overnight|\w+day|night|morning|evening|also|reportedly)){0,4}\s+"
    r"(?:killed|shot dead|murdered|gunned down|beheaded|slew|hacked to death)\b"
    r"(?!\s+(?:in|by|during|when|while|after|near|as|at|on|and|or)\b)",  # "militants killed in a raid": victims
    re.I,
)
# The victims' passive verb of killing with the attackers as its agent: "a village head was killed on
# Sunday by gunmen", "has been shot dead by unknown gunmen".
_PASSIVE_KILLING = re.compile(
    r"\b(?:was|were|has been|have been|had been)\s+(?:\w+\s+){0,2}"
    r"(?:killed|shot dead|murdered|gunned down|beheaded|hacked to death)\b[^.;]{0,80}?"
    r"\bby\s+(?:(?:suspected|unknown|unidentified|armed|some|a group of|a gang of)\s+)*"
    r"(?P<agent>gunm[ae]n|militants|attackers|bandits|bombers?)\b",
    re.I,
)
# Words that name no weapon: they never retype an event.
_VAGUE_WORDS = frozenset(
    {
        "strike",
        "strikes",
        "attack",
        "attacks",
        "attacked",
        "struck",
        "targeted",
        "assault",
        "militants",
        "attackers",
    }
)
# When one clause names several kinds of violence, the most telling wins.
_TYPE_RANK = (
    "suicide_bombing",
    "execution",
    "airstrike",
    "shelling",
    "bombing",
    "abduction",
    "armed_clash",
    "armed_attack",
    "other",
)
# The fight a toll happened in: "in an encounter with", "during the ensuing gunfight", "following a
# gun battle", "in two separate encounters" (encounter: South Asian usage for a gunfight with forces).
_CLASH_SETTING = re.compile(
    r"\b(?:in|during|following|after|amid)\s+(?:(?:an?|the|two|three|four|several|separate|ongoing|ensuing|"
    r"fierce|heavy|brief|subsequent|fresh|more)\s+){0,3}(?:encounters?|gunfights?|gun\s?battles?|firefights?|"
    r"exchanges?\s+of\s+fire|shoot-?outs?|"
    # "killed in an intelligence-based operation", "during a joint operation of the army and the police"
    # (rules v2: army operations are armed_clash)
    r"(?:military|security|army|joint|intelligence-based|counter-?terrorism|counter-?insurgency|"
    r"cordon-and-search|search|anti-terror\w*)\s+operations?)\b",
    re.I,
)
# One side assaulting the other ("stormed", "ambushed", "raided"): an attack even if a fight followed.
_ONE_SIDED = re.compile(r"\b(?:attacked|stormed|ambush\w*|raid(?:ed|s)?|overr[au]n|suicide)\b", re.I)
# A raid the police carry out ("a police raid on a favela", "police raided the hideout"): a security
# operation (rules v2: army operations are armed_clash), not an attack by one side on the defenceless.
_POLICE_RAID = re.compile(
    r"\bpolice\s+(?:raids?|operations?)\b|\braids?\s+by\s+(?:the\s+)?(?:\w+\s+)?police\b|\bpolice\s+(?:\w+\s+){0,2}raided\b"
    r"|\bpolice\s+in\s+(?:[A-Z][\w\-]*\s+){1,3}(?:(?:de|do|da)\s+[A-Z][\w\-]*\s+)?raided\b"
    # "a raid conducted by police", "shot dead by the police in a raid", "police in X conducted a raid",
    # "police kill 4 in raid on a hideout", "during a drug raid"
    r"|\braids?\s+(?:conducted|carried\s+out|launched|led|mounted)\s+by\s+(?:the\s+)?(?:\w+\s+){0,2}police\b"
    r"|\bby\s+(?:the\s+)?police\s+(?:in|during)\s+(?:an?\s+)?(?:\w+\s+)?raids?\b"
    r"|\bpolice\b[^.;]{0,40}?\b(?:conducted|carried\s+out|launched|mounted)\b[^.;]{0,20}?\braids?\b"
    r"|\bpolice\s+(?:\w+\s+){0,2}kill(?:s|ed)?\s+[^.;]{0,30}?\bin\s+(?:an?\s+)?raids?\b"
    r"|\b(?:drugs?|anti-narcotics?)\s+raids?\b",
    re.I,
)
_POLICE_WORD = re.compile(r"\bpolice(?:men)?\b", re.I)
# Raiders who are not the police ("armed men in police uniforms raided a village").
_NOT_POLICE_RAIDERS = re.compile(r"\b(?:armed\s+men|assailants|terrorists|insurgents|jihadists)\b", re.I)
_ATTACKER_NOUNS = frozenset({"gunmen", "gunman", "militants", "attackers", "bandits", "bomber", "bombers"})
_ATTACKER_NOUN = re.compile(r"\b(?:" + "|".join(sorted(_ATTACKER_NOUNS)) + r")\b", re.I)
# Nouns that name no kind of violence and only refer back to an event ("the incident").
_REFERRING = frozenset({"incident", "incidents", "killing", "killings"})
# Types that may describe the same event as each other (a "strike" later called "shelling").
_VAGUE_TYPES = frozenset({"armed_attack", "other"})
_ASSAULT_TYPES = frozenset({"armed_attack", "bombing", "suicide_bombing"})
_SAME_FAMILY = (frozenset({"bombing", "suicide_bombing"}), frozenset({"airstrike", "shelling"}))
_PLACE_RANK = {
    "landmark": 0,
    "crossing": 0,
    "camp": 0,
    "village": 1,  # a village the gazetteer lacks ranks with towns; anaphora may still refine to it
    "city": 1,
    "district": 2,
    "admin1": 3,
    "country": 4,
}
_MAX_EVENT_DAYS = 31  # a toll over a longer period is an aggregate ("over the first half of 2022")


# ---------------------------------------------------------------- vocabulary


def _phrase_regex(phrase: str) -> str:
    """Regex for a vocabulary phrase: words joined by spaces or hyphens, ``word*`` allows a suffix."""
    parts = []
    for word in phrase.split():
        star = word.endswith("*")
        word = word.rstrip("*")
        atom = r"[\s\-]+".join(re.escape(w) for w in word.split("-"))
        parts.append(atom + (r"[\w\-]*" if star else ""))
    return r"\s+".join(parts)


@dataclass(frozen=True, slots=True)
class _Trigger:
    event_type: str
    strong: bool
    block: bool = False  # "gas cylinder": an accident word that vetoes the clause


def _phrase_atoms(phrase: str) -> tuple[str, ...]:
    """Regex atoms of ``phrase``, one per character, so that a trie can share prefixes."""
    atoms: list[str] = []
    for k, word in enumerate(phrase.lower().split()):
        if k:
            atoms.append(r"\s+")
        star = word.endswith("*")
        for j, piece in enumerate(word.rstrip("*").split("-")):
            if j:
                atoms.append(r"[\s\-]+")
            atoms.extend(re.escape(c) for c in piece)
        if star:
            atoms.append(r"[\w\-]*")
    return tuple(atoms)


def _load_triggers() -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], _Trigger], ...]]:
    rows = load_csv(
        "incident_triggers.csv", ("phrase", "event_type", "role"), ("phrase", "event_type", "role")
    )
    rows.sort(key=lambda r: -len(r["phrase"]))
    kinds: list[tuple[re.Pattern[str], _Trigger]] = []
    for row in rows:
        where = f"incident_triggers.csv ({row['phrase']!r})"
        etype = row["event_type"]
        if etype != "none":
            check_choice(etype, EVENT_TYPES, where)
        role = check_choice(row["role"], frozenset({"strong", "weak", "block"}), where)
        if role == "block" and etype != "none":
            raise LexiconError(f"{where}: a block word must have event_type none")
        trig = _Trigger(etype, role == "strong", role == "block")
        kinds.append((re.compile(_phrase_regex(row["phrase"]), re.IGNORECASE), trig))
    # One trie-shaped alternation finds candidates fast; the longest phrase that fits types each one.
    trie = trie_pattern([_phrase_atoms(r["phrase"]) for r in rows])
    return re.compile(r"(?<![\w\-])" + trie + r"(?![\w\-])", re.IGNORECASE), tuple(kinds)


@lru_cache(maxsize=4096)
def _trigger_of(found: str) -> _Trigger | None:
    for rx, trig in _TRIGGERS:
        if rx.fullmatch(found):
            return trig
    return None


def _load_outcomes() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    rows = load_csv("incident_outcomes.csv", ("phrase", "outcome", "voice"), ("phrase", "outcome", "voice"))
    outcome_of: dict[str, str] = {}
    active: list[tuple[str, ...]] = []
    passive: list[tuple[str, ...]] = []
    for row in sorted(rows, key=lambda r: -len(r["phrase"])):
        where = f"incident_outcomes.csv ({row['phrase']!r})"
        check_choice(row["outcome"], frozenset({"killed", "wounded", "other"}), where)
        voice = check_choice(row["voice"], frozenset({"active", "passive", "both"}), where)
        key = " ".join(row["phrase"].lower().split())
        if key in outcome_of and outcome_of[key] != row["outcome"]:
            raise LexiconError(f"{where}: phrase listed with two outcomes")
        outcome_of[key] = row["outcome"]
        if voice in ("active", "both"):
            active.append(_phrase_atoms(key))
        if voice in ("passive", "both"):
            passive.append(_phrase_atoms(key))
    # Longest phrase first, as a plain alternation would try them, each first letter tested once.
    # "killing at least 12": the verb ends the left context (qualifiers sit inside the number's span).
    act = re.compile(
        r"(?<![\w\-])(?P<o>"
        + ordered_alternation(active, ignore_case=True)
        + r")\s+(?:(?:also|another|a further|further|an estimated|"
        r"a total of|some|all)\s+)?$",
        re.IGNORECASE,
    )
    # The outcome word after the number; _PASSIVE_GAP then vets the words in between.
    pas = re.compile(
        r"(?<![\w\-])(?P<o>" + ordered_alternation(passive, ignore_case=True) + r")(?![\w\-])", re.IGNORECASE
    )
    return act, pas, outcome_of


# "nine herders, two of them boys, were killed": up to seven words, an aside, auxiliaries.
_PASSIVE_GAP = re.compile(
    # "two Border Police (BP) jawans were killed": an acronym in brackets is part of the name
    # "two men in their 40s were killed": the decade of their age is part of the description
    r"(?:\s+[A-Za-z][\w\u2019'\-]*|\s+\d0s\b|\s*\([A-Z][\w\-]{1,12}\)){0,8}\s*(?:,[^,.;:]{1,45},)?\s*"
    # "Five relatives -- a farmer and his three sons -- were killed": an aside in dashes
    r"(?:(?:--|\u2014|\u2013|\s-)\s*[^\u2014\u2013.;:]{1,60}?\s*(?:--|\u2014|\u2013|-\s)\s*)?"
    # "14 people including two teachers and a nurse were killed"
    r"(?:,?\s*(?:including|among them|mostly|mainly)\s+[\w\u2019'\-]+(?:,?\s+[\w\u2019'\-]+){0,7},?\s*)?"
    # "12 people, two nurses among them, who were injured"
    r"(?:(?:who|were|was|have|has|had|been|are|is|also|reportedly|all|later|then|being)\s+)*"
    # "three soldiers were ambushed and killed", "two traders were abducted and later killed"
    # "two others were rescued and treated for injuries"
    r"(?:(?:ambushed|attacked|abducted|kidnapped|captured|seized|tortured|beaten|robbed|evacuated|rescued)\s+and\s+"
    r"(?:then\s+|later\s+)?)?"
    # "two jawans were on Saturday killed": the day between the auxiliary and the participle
    r"(?:(?:on\s+)?[A-Z][a-z]+day\s+)?",
    re.IGNORECASE,
)


def _load_states() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in load_csv("incident_states.csv", ("iso3", "name"), ("iso3", "name")):
        out[row["iso3"]] = row["name"]
    return out


_TRIGGER_RE, _TRIGGERS = _load_triggers()
_ACTIVE_RE, _PASSIVE_RE, _OUTCOME_OF = _load_outcomes()
_OUTCOME_WILD = tuple(
    (re.compile(_phrase_regex(k), re.I), v) for k, v in _OUTCOME_OF.items() if "*" in k
)  # "sustained * injuries" = "sustained minor injuries"


def _outcome_of(found: str) -> str | None:
    key = " ".join(found.lower().split())
    hit = _OUTCOME_OF.get(key)
    if hit is None:
        hit = next((v for rx, v in _OUTCOME_WILD if rx.fullmatch(key)), None)
    return hit


_STATE_NAMES = _load_states()


@lru_cache(maxsize=512)
def state_name(iso3: str) -> str:
    """Short English name of a state for the perpetrator column ("RUS" -> "Russia")."""
    if iso3 in _STATE_NAMES:
        return _STATE_NAMES[iso3]
    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        return iso3
    return str(getattr(c, "common_name", None) or c.name)


# ---------------------------------------------------------------- grammar

_SENT_END = re.compile(r"[.?!][\u201d\u2019\"')\]]*(?=\s+[\"\u201c\u2018'(\[A-Z0-9])")
_ABBREV = re.compile(
    r"(?:\b(?:Lt|Gen|Col|Maj|Capt|Sgt|Mr|Mrs|Ms|Dr|St|No|Gov|Sen|Rep|Jr|Sr|Prof|Brig|Adm|Cpl|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"|\b[A-Z]|\b[ap]\.m|\b(?:U\.S|U\.N|U\.K|e\.g|i\.e))$"
)
# "QUETTA —", "COX'S BAZAR, Bangladesh -", "KABUL, Jan 5 (Reuters) -", "CAIRO: ", "New Delhi/Imphal: ",
# "April 22 (UPI) — ", "Cairo, May 4 (EFE).- ", "Sumy, (APP - Agency - 14th Apr, 2025) ": a place, a date
# and a source before the story; times and places in it are not the event's.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w'\u2019.\-]*(?:[ /][A-Z][\w'\u2019.\-]*){0,3})?"
    r"(?:,\s*[\w .'\u2019\-]{1,30}?|\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)?"
    r"(?:\s*(?P<src>\([^)\n]{1,100}\)))?"
    # "KHAR, Pakistan\u2014A government official says": a dash glued to the story's first word
    # ("KHARTOUM // Sudanese rebels killed ...": a double slash)
    r"(?:\s*(?:[\u2014\u2013]|-{1,2}|:|\.-|\.[\u2014\u2013]|//)\s+|(?<=[a-z])[\u2014\u2013](?=[A-Z])|(?(src)\s+|(?!)))"
)
# Where one clause reports an earlier event: "...two days after an Iranian attack killed two children".
_SERIES_APPOSITIVE = (
    r"(?:the|a|an)\s+(?:latest|newest|third|second|fourth|fifth|last|first)\s+(?:in|of)\s+(?:a|an|the)\s+"
    r"(?:[\w\-]+\s+)?(?:spate|series|string|wave|spree|run|chain|surge)\s+of\b"
)
_SERIES_CLAUSE = re.compile(r"\s*" + _SERIES_APPOSITIVE, re.I)
_CLAUSE_CUT = re.compile(
    r"(?:;\s+|\s+(?:(?P<n>a|an|one|two|three|four|five|six|seven|several|a few|\w+)\s+)?"
    r"(?P<unit>days?|hours?|weeks?|months?)\s+after\s+|"
    r"\s+(?:erupted|began|started|came|broke out|followed|occurred)\s+(?:\w+\s+)?after\s+|"
    # "..., and in July gunmen killed nine": a second event joined to the first.
    r",\s+(?:and|while|whereas)\s+(?=(?:in|on|last|earlier|later|during|a day|two days|days|weeks)\b)|"
    # "three were killed in X, while another three died in Y": the other part of the report, which the
    # merging then joins to this event or opens as its own.
    r",\s+(?:while|whereas)\s+|"
    # "the deadliest day since March 3 last year, when 40 died in a blast in Herat": the earlier event the
    # comparison names, with its date.
    r"\s+since\s+(?=[^,.;]{1,40},\s+when\s+[^.;]{0,150}?\b(?:killed|killing|died|dead|wounded|injured|"
    r"attacked|stormed|exploded|bomb\w*|blast\w*|massacre\w*)\b)|"
    # ", the third in a wave of raids to hit the province this week": the series, not this event.
    r",\s+(?=" + _SERIES_APPOSITIVE + r")|"
    # "three died on June 2 near Sukma while on June 1 two more ...": "while" and a new date.
    r"\s+(?:while|whereas)\s+(?=(?:on|in)\s+(?:[A-Z][a-z]+\s+\d|[A-Z][a-z]+day\b)|(?:last|earlier)\s)|"
    # "fell near the bakery where a drone had struck a bus earlier this week": an earlier one.
    r",?\s+where\s+(?=[^.;]{0,150}?\b(?:earlier (?:this|last|in|on)|last (?:week|month|year)|previously|"
    r"\w+ (?:days|weeks|months|years) ago)\b))",
    re.IGNORECASE,
)
_DAYS_LATER = re.compile(r"(?:\w+\s+){0,2}?(a|an|one|two|three|four|five|six|seven)\s+days?\s+later\b", re.I)
# A day counted from the event told before: "A day earlier", "the day before", "the previous day", "the
# next day". "days before the elections" counts from something else and is left alone.
_DAY_SHIFT = re.compile(
    r"\b(?:(?P<n>a|one|two|three|four|five|six|seven)\s+days?\s+(?:(?P<back>earlier)|later)"
    r"|the\s+(?:(?P<back2>day\s+before|previous\s+day)|day\s+after|next\s+day|following\s+day))\b"
    r"(?!\s+(?:the|a|an|his|her|its|their|yesterday)\b)",
    re.I,
)
_SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_QUOTE_SPAN = re.compile(r"[\u201c\"][^\u201c\u201d\"]{0,600}[\u201d\"]")
# "a wave of attacks", "one of the deadliest attacks": violence in general, not one event.
_GENERIC_BEFORE = re.compile(
    r"\b(?:string|series|wave|spate|campaign|pattern|history|record|multiple|several|repeated|frequent|"
    r"further|future|possible|any|such|many|more)\s+(?:[\w\-]+\s+){0,2}$"
    # "have escalated their attacks", "stepped up attacks on villages": a trend, not one event
    r"|\b(?:escalat\w*|intensif\w*|step(?:ped|s|ping)?\s+up|ramp(?:ed|s|ing)?\s+up|increas\w*)\s+"
    r"(?:(?:its|their|the)\s+)?(?:[\w\-]+\s+)?$"
    # "one of the deadliest attacks" is a comparison; "one of their airstrikes killed 41" is an event.
    r"|\bone of (?:the |its |their )?(?:[\w\-]+est|most [\w\-]+|worst|biggest|many|several)\s+(?:[\w\-]+\s+)?$"
    # "since clashes erupted in March": the start of a war dates a tally, it is no event told
    r"|\bsince\s+$"
    # "The movement is infamous for staging raids and abductions": what a group is known for
    r"|\b(?:notorious|known|infamous|feared|blamed)\s+for\s+(?:(?:carrying\s+out|staging|mounting|its|their|"
    r"many|numerous|deadly|past)\s+){0,2}(?:[\w\-]+,?\s+){0,4}$",
    re.IGNORECASE,
)
# A plural without determiner ("killed in militant attacks") is vague unless a place or day pins it;
# "last week's attacks", "the weekend's raids" are determined by their time.
_DETERMINED_LEFT = re.compile(
    r"\b(?:the|these|those|its|their|his|her|twin|two|three|four|five|both|[A-Z]\w+day[\u2019']s|"
    r"(?:(?:last|this|past)\s+)?(?:week|weekend|night|month)[\u2019']s|yesterday[\u2019']s|today[\u2019']s)\s+"
    r"(?:[\w\-]+\s+){0,2}$",
    re.I,
)
# "killed in clashes between the army and rebels", "fighting with the police": the two sides
# name one fight, as a determiner does.
_SIDES_RIGHT = re.compile(r"\s+(?:between|with)\s+(?!each other\b)", re.I)
_EVENT_PLURAL = re.compile(
    r"(?:\w+[\s\-])?(?:attacks|clashes|strikes|airstrikes|bombings|raids|blasts|explosions|ambushes|"
    r"shootings|killings|assaults|skirmishes|gunfights|kidnappings|abductions|beheadings|executions)",
    re.I,
)
# "72 people were murdered in 19 massacres", "from 789 terror attacks": a count of events is a tally.
_COUNTED_EVENTS = re.compile(
    r"\b(?:\d(?:[\d,]*\d)?|three|four|five|six|seven|eight|nine|ten|dozens of|scores of|hundreds of)\s+"
    r"(?:[\w\-]+\s+)?(?:attacks|massacres|strikes|airstrikes|bombings|raids|incidents|explosions|blasts|"
    r"ambushes|shootings|killings)\b",
    re.I,
)
_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:deadliest|worst|biggest|largest|bloodiest|latest|first|last)\s+$", re.I
)
_CITY_REF = re.compile(r"\b(?:in|near|at) the (?:same )?(?:city|town|village)(?: centre| center)?\b", re.I)
_COUNTRY_NOUN_RIGHT = re.compile(
    r"^\s+(?:territory|soil|city|town|village|province|district|region|port|capital|"
    r"border town|border city)\b"
)
# "in Iraq", "throughout Chad", "in the north-west of Niger"
_COUNTRY_LOCATIVE = re.compile(
    r"\b(?:in|inside|across|throughout|into|on|at)\s+(?:the\s+)?(?:[a-z\-]+\s+)?(?:(?<=[a-z] )of\s+)?$"
)
# "every night", "has been attacked three times": violence counted over time, not one event
_HABITUAL = re.compile(
    r"\b(?:every (?:day|night|week)|almost daily|nightly|regularly|routinely|repeatedly|"
    r"\b(?:has|have|had)\s+(?:[\w\-]+\s+){1,4}?(?:two|three|four|five|six|several|many|multiple|numerous|\d+) "
    r"times)\b",
    re.I,
)
_MODAL_BEFORE = re.compile(
    # "may" in lower case only: "in May kidnapped" names the month (background events are dated so)
    r"\b(?:threat\w*|plan\w*|would|will|could|(?-i:may)|might|warn\w*|vow\w*|prevent\w*|foil\w*|thwart\w*|"
    r"avoid\w*|risk of|fear\w*|to)\s+(?:[\w\-]+\s+){0,2}$"
    # "fearing the army will mount a major ground assault": a feared act with its article and adjectives
    r"|\b(?:would|will|could|might|fear\w*|threat\w*|vow\w*)\s+(?:launch|mount|stage|unleash|conduct)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w\-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "security forces killed the most wanted militant commander": an operation against fighters (rules v2:
# army operations are armed_clash), though no fight is named.
_FORCES_KILL_FIGHTERS = re.compile(
    r"\b(?:security forces|troops|soldiers|the army|the military|police)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:killed|shot dead|gunned down|eliminated|neutrali[sz]ed)\s+(?:[\w'\u2019\-]+\s+){0,5}?"
    r"(?:militants?|rebels?|insurgents?|terrorists?|jihadists?|Maoists?|Naxals?|commander)\b",
    re.I,
)
_FIRED_AT = re.compile(
    r"\b(?:fired|launched|lobbed)\s+(?:[\w\-]+\s+){0,4}?(?P<w>rockets?|missiles?|drones?|mortars?|shells)\s+"
    r"(?:at|on|into|toward|towards)\b",
    re.I,
)
_FIRST_OF_PAIR = re.compile(
    r"\bthe\s+first\s+of\s+(?:the\s+)?(?:two|three|four)\s+(?:[\w\-]+\s+){0,2}?\w+s\b", re.I
)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|reported|announced|stated|claimed)\b", re.I)
# "militants used rockets to attack a checkpost", "used machetes to behead": the means of a deed done,
# not a plan ("plans to attack").
# "two were killed due to the shelling of X", "died owing to the bombardment": the cause, no plan or threat.
_CAUSE_TO = re.compile(r"\b(?:due|owing)\s+to\s+(?:[\w\-]+\s+){0,2}$", re.I)
_USED_TO = re.compile(r"\b(?:used|using|employed)\s+(?:[\w\-]+\s+){1,3}to\s+$", re.I)
_NON_MILITARY_STRIKE = re.compile(
    r"\b(?:hunger|general|labour|labor|workers\W?|teachers\W?|transport)\s+$"
    r"|\b(?:went|go|goes|going|are|were|be|been|is)\s+on\s+$",
    re.I,
)
_NOT_VIOLENT_STRUCK = re.compile(
    r"\s+(?:a |an )?(?:deal|agreement|accord|chord|tone|balance|note|blow|down|off|"
    r"out|back|a pose)\b",
    re.I,
)
_SEPARATE = re.compile(
    # "a third was badly hurt", "a second died": one more victim of this event, not another event
    r"\b(?:separate(?:ly)?|(?:a|the)\s+(?:second|third|another|new)(?!\s+(?:was|were|died|is|has|had)\b)|similar|"
    # "wounded another one", "another four civilians were hurt": more victims of this event
    # "another district in the tribal region" names a place, not another event
    r"another(?!\s+(?:district|province|region|area|village|town|city|part|state|county|country|injured|wounded|"
    r"hurt|killed|dead|one|person|man|woman|child|soldier|civilian|policeman|officer|resident|villager|"
    r"people|civilians|soldiers|\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozen|[\w\-]+\s+were)\b)|"
    # "earlier media reports", "a previous toll": an earlier account of this event, not another event
    r"(?:earlier|previous)(?!\s+(?:[\w\-]+\s+)?(?:reports?|statements?|tolls?|figures?|estimates?|accounts?|"
    r"counts?|tallies|tally|reporting|version)\b))\b"
    # "the first of two drone strikes hit a car near X": one of a pair the text then tells one by one
    r"|\bthe\s+first\s+of\s+(?:the\s+)?(?:two|three|four)\b"
    # "In the first battle, insurgents attacked ...": the first of the events a summary counted
    r"|\b(?:in|during)\s+(?:the\s+first|an?\s+initial)\s+(?:attack|battle|incident|blast|explosion|strike|airstrike|raid|"
    r"ambush|clash|bombing)\b"
    # "Israel also targeted the crossing on October 4": the agent's next act
    r"|\balso\s+(?:targeted|attacked|struck|hit|bombed|shelled|raided|stormed|launched)\b",
    re.I,
)
# "Last night's massacre was the second major attack in a week": the subject is the event told before,
# compared with another; it is no second event.
_ORDINAL_COMPARISON = re.compile(
    r"\b(?:was|is|were|are|marks|marked|became|becomes)\s+(?:also\s+|now\s+)?$", re.I
)

_OTHER_EVENT_TOLD = re.compile(r"\b(?:when|since|after|in which)\b", re.I)


def _separate(text: str, start: int, end: int) -> bool:
    """Whether the clause marks itself as another event ("In a separate attack", "a second bomber").

    A comparison that goes on to tell the other event ("... were the second deadliest blasts since
    February, when the group exploded ...") still marks one.
    """
    if _OTHER_EVENT_TOLD.search(text, start, end):
        return bool(_SEPARATE.search(text, start, end))
    return any(
        not (
            m.group().lower().startswith(("the ", "a "))
            and _ORDINAL_COMPARISON.search(text, max(start, m.start() - 20), m.start())
        )
        for m in _SEPARATE.finditer(text, start, end)
    )


_ADDS = re.compile(r"\b(?:others?|more(?!\s+than)|also|another|additional|further|too)\b", re.I)
_SAME_DAY = re.compile(
    r"\b(?:(?:hours|minutes) later|later (?:that|the same) day|the same day|meanwhile|"
    # "Later Friday, shells hit the livestock market": the day's next event
    r"later\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"simultaneous(?:ly)?|at the same time)\b",
    re.I,
)
# "Police said on Wednesday that gunmen abducted ...": "that" after a verb of saying opens the
# reported clause; it is no demonstrative referring back to an event.
_THAT_CLAUSE = re.compile(
    r"\b(?:said|says|say|told(?:\s+[\w\-]+){0,2}?|reported|announced|stated|added|confirmed|explained|"
    r"revealed|disclosed|claimed|alleged|insisted|noted)(?:\s+(?:on|early|late|last)\s+[\w\-]+)?,?\s+"
    r"that\s+(?!(?:the|this|these|those)\b)(?:[\w\-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "Gunmen at the weekend attacked a village": a time, not an event referred back to.
_TIME_THE = re.compile(
    r"\b(?:at|over|during|on|in|by|through|throughout)\s+the\s+(?:(?:same|previous|following|next)\s+)?"
    r"(?:weekend|morning|afternoon|evening|night|day|week|"
    r"month|year|past)\s+(?:[\w\-]+\s+)?$",
    re.IGNORECASE,
)
_ANAPHORA = re.compile(r"\b(?:the|this|that|these|those|[A-Z]\w+day['\u2019]s)\s+(?:[\w\-]+\s+){0,2}$", re.I)
_REPORTING_LEFT = re.compile(
    r"(?:\b(?:said|says|say|told|tells|reported|reports|announced|stated|added|confirmed|wrote|posted|"
    r"noted|declared|warned|briefed)(?:\s+[\w\u2019'\-]+){0,4}"
    r"|\b(?:statement|message|briefing|conference|interview)(?:\s+[\w\u2019'\-]+){0,6})"
    r"[\s,]*$",
    re.IGNORECASE,
)
_TO_ADDRESSEE = re.compile(
    r"\bto\s+(?:the\s+)?(?:newsmen|reporters|journalists|correspondents|media|press|[A-Z][A-Z]{2,})\s*$"
)
_REPORTING_RIGHT = re.compile(
    r"^[\s,]*(?:[\w\u2019'\-]+\s+){0,4}?(?:said|told|reported|announced|stated|confirmed|claimed)\b", re.I
)
_REPORTING_AHEAD = re.compile(
    r"^[^.;:\u201c\"]{0,120}?\b(?:said|says|told|wrote|writes|reported|announced|stated|confirmed|claimed|"
    r"condemn(?:ed|s))\b",
    re.I,
)
# A time right before the verb of a statement dates the statement: "IS on Monday said ...".
_SAID_RIGHT = re.compile(
    # "The ministry on Sunday strongly condemned the raid": an adverb before the verb
    r"\s+(?:(?:strongly|also|again|publicly|officially|formally|firmly|later|swiftly|quickly)\s+)?(?:said|says|told|announced|claimed|stated|reported|confirmed|added|condemn(?:ed|s)|denounc(?:ed|es)|"
    r"decried|deplored)\b(?!\s+(?:by|to\s+(?:be|have)))",
    re.I,
)
# Words that may open a clause before its time: "Also Monday, ...", "Earlier on Saturday, ...".
_CLAUSE_OPENER = re.compile(r"\s*(?:also|and|but|separately|meanwhile|later|earlier|late|early)?[\s,]*", re.I)
_WAR_TOLL = re.compile(
    r"\b(?:the|this|a|its|their)\s+(?:[\w\-]+\s+){0,3}?(?:conflict|war|insurgency|crisis|fighting|violence|"
    r"uprising|unrest|campaign)\s+(?:[\w\-,\u2019']+\s+){0,6}?"
    # "an insurgency in the north that started in March 2017 and has caused thousands of deaths"
    r"(?:(?:that|which)\s+(?:began|started|erupted|broke\s+out)\s+(?:[\w\-,\u2019']+\s+){0,5}?and\s+)?"
    r"(?:has|have)\s+(?:so far\s+|already\s+|now\s+)?"
    r"(?:killed|left|claimed|resulted\s+in|caused|led\s+to)\b",
    re.I,
)
# "fighting had ceased on Tuesday", "the clashes came to an end on Wednesday", "fighting died down on
# Wednesday": the day the fighting stopped, not the day it was fought.
_ENDED_BEFORE_TIME = re.compile(
    r"\b(?:fighting|clashes|violence|shelling|battles?|hostilities|bombardment)\b[^.;]{0,40}?"
    r"\b(?:had\s+|has\s+|have\s+)?(?:ceased|stopped|ended|subsided|halted|calmed(?:\s+down)?|died\s+down|"
    r"c[oa]me\s+to\s+an\s+end)\s+(?:[a-z]+\s+)?$",
    re.I,
)
_UPDATE_BEFORE_TIME = re.compile(
    r"\b(?:rose|risen|rises|climbed|climbs|increased|jumped|reached|stood at|stands at)\s+(?:to\s+)?"
    r"(?:at\s+least\s+|more\s+than\s+)?[\d,]+(?:\s+[a-z]+)?\s+$",
    re.I,
)
_UPDATED_TOLL_LEFT = re.compile(
    r"\b(?:updated|latest|new|revised|fresh)\s+(?:death\s+)?(?:toll|figures?|count|tally)\s+(?:on\s+)?$", re.I
)
_SUPERLATIVE = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest|most|highest)\b[^.;]{0,70}$", re.I)
_SINCE = re.compile(r"\bsince\b", re.I)
# "including two children": a share of the toll. "including children were killed, 24 others": a new figure.
_SKIP_NUMBER_LEFT = re.compile(
    # "the dead included four pupils, a teacher and a driver shot outside": a share listed
    r"\b(?:including|among them|among whom|among|of whom|such as|(?:victims|dead|casualties)\s+(?:also\s+)?"
    r"(?:included|include|includes))\b"
    r"(?:(?!\b(?:were|was|killed|wounded|injured|dead|died)\b)[^;]){0,40}$",
    re.I,
)
_AMONG_TOTAL_LEFT = re.compile(r"\b(?:was|were|is|are)\s+(?:both\s+|all\s+)?among\s+(?:the\s+)?$", re.I)
# "four of them children", "14 of the 24": a share of another number; "two of its soldiers" is not.
_OF_THEM_RIGHT = re.compile(
    # "one in five" is a share; "Gunmen kill 7 in Cancun", "wounded 13 in the valley" name a place
    r"^\s*(?:of(?!\s+(?:its|their|his|her|our)\b)|out of|in(?=\s+(?:\d|one|two|three|four|five|ten|every|a hundred)\b)|per|percent|%|times|years?|days?|hours?|"
    r"minutes?|km|kilomet\w+|miles?|metres?|meters?)\b",
    re.I,
)
_PERP_NOUN_RIGHT = re.compile(
    r"^\s+(?:\w+\s+)?(?:attackers|assailants|gunmen|bombers|hijackers|militants|"
    r"insurgents|terrorists)\b",
    re.I,
)
# "claimed to have destroyed 40 enemy fighters": a side's boast, not the reported toll.
_CLAIMED_TOLL_LEFT = re.compile(
    r"\bclaim\w*\s+to\s+have\s+\w+\s+$|\bsaying\s+(?:that\s+)?(?:it|they|its|their)\b[^.;]{0,40}$", re.I
)
_UPDATE_LEFT = re.compile(
    r"\b(?:death toll|toll|number of (?:dead|deaths|people killed))\b[^.;]{0,90}?\b"
    r"(?:rose|risen|rises|climbed|climbs|jumped|increased|reached|reaches|stands at|stood at|now at)"
    r"\s+(?:to\s+)?$"
    r"|\b(?:bringing|raising|taking|pushing|lifting)\s+the\s+(?:overall\s+|total\s+)?(?:death\s+)?toll\s+"
    r"(?:to|above)\s+$",
    re.IGNORECASE,
)
_WOUNDED_UPDATE_LEFT = re.compile(
    r"\b(?:number of (?:the )?(?:injured|wounded)|(?:injured|wounded) (?:toll|count|figure))\b[^.;]{0,40}?\b"
    r"(?:rose|risen|rises|climbed|increased|jumped|reached|stands at|stood at|now at)\s+(?:to\s+)?$",
    re.I,
)
_CLAIM = re.compile(
    r"\b(?:(?:said|says|announced|admitted|declared|stated|claimed|claims)\s+(?:[\w\-]+\s+){0,3}?(?:that\s+)?"
    r"(?:it|they)\s+(?:was|were|is|are|had been)\s+(?:responsible\s+for|behind)\b|"
    r"(?:took|takes|accepted|accepts|assumed)\s+(?:responsibility|credit)|claim(?:ed|s|ing)?\s+"
    r"(?:responsibility|credit|the\s+(?:\w+\s+)?(?:attacks?|bombings?|blasts?|hijacking|killings?|assault|"
    r"strikes?|shooting|ambush|abduction|kidnapping)))",
    re.IGNORECASE,
)
_PLURAL_CLAIM = re.compile(
    r"(?:claim\w*|took|takes|accepted|accepts|assumed)\s+(?:responsibility\s+for\s+|credit\s+for\s+)?(?:the|both|all|these)\s+(?:\w+\s+)?"
    r"(?:attacks|bombings|blasts|killings|strikes|assaults|raids)\b",
    re.I,
)
# "al-Qaida-linked", "IS-affiliated": a group's ties written as one hyphenated word.
_TIES = re.compile(
    r"[\w'\u2019]+[\-\u2010\u2011](?:linked|affiliated|inspired|allied|aligned|backed)\b"
    # "the al-Qaeda linked group": the same, unhyphenated after a name ("suspected to be linked" stays)
    r"|(?<![\w\-])(?:[A-Z][\w'\u2019\-]*|al-[\w'\u2019\-]+)\s+(?:linked|affiliated|allied|aligned|backed)\b"
    r"(?!\s+(?:to|with)\b)",
)
# "claimed by X", "a claim of responsibility by X"
_CLAIMED_BY = re.compile(
    r"\b(?:claimed|claims?\s+of\s+responsibility(?:\s+for\s+the\s+(?:\w+\s+)?(?:attack|raid|bombing|assault))?)"
    r"\s+by\s+(?:the\s+)?",
    re.IGNORECASE,
)
# "No one claimed the attack, but previous attacks were claimed by X" / "X has claimed similar
# attacks": a claim of other, earlier events names no perpetrator for this one.
_PAST_EVENTS = re.compile(
    r"\b(?:previous|earlier|past|prior|similar|other|recent|many|several|most)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:attacks|bombings|blasts|assaults|raids|killings|ambushes|abductions|kidnappings|strikes)\b",
    re.IGNORECASE,
)
_CLAIM_OBJECT = re.compile(r"\s+(?:for\s+)?", re.IGNORECASE)
# "no group claimed", and habits ("the group rarely claims responsibility", "often claims attacks")
_NO_CLAIM = re.compile(
    r"\b(?:no\s+(?:group|one|organi[sz]ation)|nobody|not|never|rarely|seldom|often|usually|frequently|routinely|"
    r"typically|sometimes)\b[^.;]{0,30}$",
    re.I,
)
# Hedged attribution gives no perpetrator (rules v2): suspected, blamed, accused, allegedly, reportedly,
# believed to be, linked to.
_ACCUSE = re.compile(
    r"\b(?:accus\w*|blam\w*|den(?:y|ied|ies)|suspect\w*|alleg\w*|charg\w*|if|whether|reportedly|believed|"
    r"thought|presumed|likely|probabl[ey]|possibl[ey]|apparently|linked|affiliated|inspired|suggest\w*|"
    r"(?:appear|seem)(?:s|ed)?\s+to|"
    r"(?:is|are|was|were)\s+said\s+to)\b",
    re.I,
)
# "Islamic State-linked gunmen", "Iran-backed militia": the actor is not the attacker itself.
_LINKED_RIGHT = re.compile(
    r"[\-\u2010\u2011\s](?:linked|backed|affiliated|inspired|allied|aligned|supported|held|controlled|run|"
    r"occupied|besieged)\b",
    re.I,
)
# "gunmen wearing uniforms of the Frontier Corps": a disguise, not the attacker.
_DISGUISE_LEFT = re.compile(
    r"\b(?:uniforms?|fatigues|dressed|disguised|posing|guise|impersonat\w*)\b(?:\s+[\w\-]+){0,3}\s+$", re.I
)
_AGENT_VERB = re.compile(
    r"\b(?:carried out|conducted|staged|mounted|claimed|(?:had |has |have )?(?:taken|took|seized|captured)\s+(?:full |complete )?"
    r"control|seized|captured|stormed|attacked|struck|launched|fired|bombed|shelled|ambushed|abducted|"
    r"kidnapped|executed|killed|shot|blew up|opened fire|targeted|detonated|set off|planted|raided|hit|"
    r"takeover|seizure|pounded|hammered|bombarded|besieged|overran|invaded)\b",
    re.IGNORECASE,
)
# "the bomb planted by Taliban insurgents exploded": who set the device off (for bombings only; "an airstrike
# hit landmines planted by X" names no striker)
_PLANTED_BY = re.compile(
    r"\b(?:planted|placed|laid|detonated|set off|triggered|hidden)\s+by\s+(?:the\s+)?$", re.I
)
_BOMB_TYPES = frozenset({"bombing", "suicide_bombing"})
_AGENT_BY = re.compile(
    r"\b(?:carried out|claimed|targeted|killed|attacked|launched|staged|perpetrated|committed|conducted|mounted|"
    r"orchestrated|masterminded|abducted|kidnapped|seized|overrun|shelled|bombed|struck|hit|fired|"
    # "airstrikes by the Saudi-led coalition", "attacks by Arakan Army"
    r"(?:air\s?|drone\s|missile\s)?strikes?|air\s?raids?|attacks?|raids?|shelling|bombardment|offensive|"
    r"assault|ambush|massacres?|killings?|takeover|operations?|incursion)"
    # ("the massacre was carried out on Monday by the Janjaweed": the day between verb and agent)
    r"(?:\s+(?:(?:late|early)\s+)?on\s+[A-Z]\w+day(?:\s+(?:night|morning|evening))?)?\s+by\s+(?:the\s+)?$",
    re.I,
)
_PRONOUN_AFTER_SAY = re.compile(
    r"\b(?:said|says|announced|claimed|stated)\b[^.;]{0,40}?\b(?:it|they|its|their)\b", re.I
)
_GROUP_REF = re.compile(
    r"\b(?:the|this)\s+(?:[\w\-]+\s+){0,2}(?:group|outfit|organi[sz]ation|militia)\b"
    r"|\bits\s+(?:fighters|members|militants|gunmen|suicide)",
    re.I,
)
_FORCE_NOUNS = re.compile(
    r"^(?:['\u2019]s)?\s+(?:[\w\-]+\s+){0,2}?(?:air ?strikes?|air raids?|strikes?|drone strikes?|drones?|missiles?|rockets?|"
    r"jets?|warplanes?|fighter jets?|aircraft|planes?|helicopters?|gunships?|forces|troops|army|military|"
    r"armed forces|navy|air force|artillery|shelling|bombardment|attacks?|offensive|soldiers|border guards|"
    r"bombings?|raids?|incursions?|assaults?)\b",
    re.IGNORECASE,
)
_STATE_ACTS = re.compile(
    r"\s+(?:\w+ly\s+|also\s+|then\s+|later\s+)?(?:executed|hanged|struck|attacked|launched|fired|bombed|shelled|"
    r"carried out|conducted|targeted|raided|hit)\b",
    re.I,
)
_ITS_FORCES = re.compile(
    r"\b(?:its|their)\s+(?:armed forces|forces|troops|military|army|jets|air force)\b"
    # "gunmen overran their army post": the victims' post, not their forces acting
    r"(?!\s+(?:bases?|camps?|posts?|outposts?|convoys?|vehicles?|barracks|positions?|checkpoints?|installations?|"
    r"facilit(?:y|ies)|headquarters|detachments?|patrols?)\b)",
    re.I,
)
# "Militants from the Pakistani Taliban attacked", "fighters of Hamas": the group is the agent.
_MEMBERS_OF_LEFT = re.compile(
    r"\b(?:militants|fighters|members|gunmen|insurgents|terrorists|rebels|cadres|operatives|commandos)\s+"
    r"(?:from|of)\s+(?:the\s+)?$",
    re.I,
)
# "an attack on an Indian Army convoy", "fire at the Pakistani troops": the force is the target.
_VICTIM_LEFT = re.compile(
    r"\b(?:on|against|at|targeting|killing|killed|with|from|by|attacked|ambushed|stormed|raided|targeted|overran)"
    r"\s+(?:the\s+|an?\s+|its\s+|their\s+)?$",
    re.I,
)
_VICTIM_WIDE_LEFT = re.compile(
    # ("raids targeting both Malian troops and herders": both sides of a list are targets)
    r"\b(?:on|against|at|targeting|with|from|by|of|among)\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?:both\s+)?$"
    # "the group said it attacked the Nigerian troops": the forces attacked, not attacking
    r"|\b(?:attacked|ambushed|stormed|raided|targeted|overran|overrun)\s+(?:the\s+|an?\s+|its\s+|their\s+)?"
    r"(?:both\s+)?$"
    # "killing three Pakistani soldiers" names victims; "killed in Israeli strikes" names the means.
    r"|\b(?:killing|killed|wounding|wounded|injuring|injured)\s+(?!(?:in|by|during|when|as|after)\s)"
    r"(?:[\w\-]+\s+){0,2}$",
    re.I,
)
# A group told as the one hit is no perpetrator, wherever the attacker sits (rules v2: the agent of the
# violence): "11 Islamic State fighters were killed in air strikes", "Taliban militants died when ...",
# headlines' "IS militants killed in airstrikes"; "a strike targeting the militant group al-Shabaab",
# "killed nine members of the terrorist group X". A bare "killed" counts only when no object follows it
# ("Taliban fighters killed three soldiers" is the group acting).
_VICTIM_GROUP_RIGHT = re.compile(
    r"(?:['\u2019]s)?(?:\s*\([^()]{1,15}\))?\s+(?:[\w\-]+\s+){0,4}?"
    r"(?:(?:(?:were|was|have been|had been|has been|are|is|got)\s+(?:\w+ly\s+|also\s+|later\s+)?"
    r"(?:killed|wounded|injured|hurt|slain|shot dead|gunned down|eliminated|neutrali[sz]ed|arrested|captured)"
    r"|died|perished|lost their lives|(?:were|was|are|is)\s+dead)\b"
    r"|(?:killed|wounded|injured|slain|dead)\b(?=\s+(?:in|by|during|when|after|as|following|near|at(?!\s+(?:least|most))|on|and|"
    r"overnight|yesterday|today|while)\b|\s*[,.;:]|\s*$))",
    re.I,
)
_VICTIM_GROUP_LEFT = re.compile(
    r"\b(?:on|against|at|targeting|among)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}"
    r"(?:group|organi[sz]ation|outfit|militia|movement|network)\s+$"
    r"|\b(?:killing|killed|kills|kill|wounding|wounded|injuring|injured)\s+(?:[\w\-]+\s+){1,4}(?:of|from|with)\s+"
    r"(?:the\s+)?(?:[\w\-]+\s+){0,2}$"
    # "killed 40 people, including 31 Hamas fighters"
    r"|\b(?:killed|killing|wounded|wounding|injured|injuring|dead)\b[^.;]{0,40}\bincluding\s+(?:[\w\-,]+\s+){0,6}$",
    re.I,
)


def _victim_group(text: str, start: int, end: int, s0: int, s1: int) -> bool:
    """Whether the actor at text[start:end] is told as the side hit (killed, wounded, targeted)."""
    return bool(
        _VICTIM_GROUP_RIGHT.match(text[end:s1])
        or _VICTIM_GROUP_LEFT.search(text, max(s0, start - 100), start)
    )


_EITHER_SIDE = re.compile(r"\s+(?:and/)?or\s+(?:the\s+)?[A-Z]")
_EITHER_SIDE_LEFT = re.compile(r"\b[A-Z][\w\-]+\s+(?:and/)?or\s+(?:the\s+)?$")
_ACCORDING_LEFT = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.I)
_BY_LEFT = re.compile(r"\bby\s+(?:(?:the|a|an)\s+)?$", re.I)
_PERSON_FORCES = re.compile(r"soldiers|troops|forces|border guards|army|military", re.I)
_VICTIM_RIGHT = re.compile(r"\s+(?:\w+\s+)?(?:were|was|have been|had been|died)\b", re.I)
_PASSIVE_LEFT = re.compile(r"\b(?:was|were|been|be|being|is|are)\s+(?:\w+ly\s+)?$", re.I)
# "Islamabad said", "Kabul has accused": a place that speaks stands for its government. "The Torkham
# border was closed", "Khan Younis was hit" are the scene.
_PLACE_SUBJECT = re.compile(
    r"^\s+(?:\w+ly\s+)?(?:(?:has|had|have)\s+(?:\w+ly\s+)?)?(?:said|says|accus\w*|den[iy]\w*|condemn\w*|"
    r"summon\w*|reject\w*|described|urged|warned|called|blamed|expected|insist\w*|recalled|wants?)\b",
    re.I,
)
_CAPITAL_SUBJECT = re.compile(
    r"^\s+(?:\w+ly\s+)?(?:said|says|has|had|have|is|was|accus\w*|den[iy]\w*|condemn\w*|summon\w*|reject\w*|"
    r"described|urged|warned|called|blamed|expected|insist\w*|recalled|wants?|should|would|will)\b",
    re.I,
)
# "accused Ankara of shelling", "urged Islamabad to": a capital standing for its government.
_CAPITAL_OBJECT_LEFT = re.compile(
    r"\b(?:accus\w*|blam\w*|urg\w*|warn\w*|condemn\w*|criticis\w*|criticiz\w*|called on|asked|told|"
    r"pressed|summoned|slammed|visit(?:ed|ing|s)?|toured|touring)\s+$",
    re.I,
)
_ATTRIBUTION = re.compile(r",\s+(?:said|according to|officials said|told|reported)\b")
_ATTRIBUTION_END = re.compile(r"\bthat\b|\b(?:kill|wound|injur|dead|hit|fired)", re.I)
_PREPOSITION_LEFT = re.compile(
    r"\b(?:in|at|on|near|of|outside|inside|into|across|around)\s+(?:the\s+)?$", re.I
)
# "the Afghan capital", "Somalia's capital", "the capital of Somalia": the country's capital city
_CAPITAL_OF_LEFT = re.compile(r"\bthe\s+capital\s+(?:city\s+)?of\s+$", re.I)
_DEMONYM_CAPITAL = re.compile(
    r"(?:['\u2019]s)?\s+capital\b(?!\s+(?:of|punishment|markets?|flight|gains?|expenditure|investment)\b)"
)
_BASED_RIGHT = re.compile(r"[\-\u2010\u2011](?:based|born|headquartered|listed)\b")
# "Saleem Abbas Kulachi": a place word right after a capitalized name word is a surname.
_NAME_BEFORE = re.compile(
    r"(?<![.!?]\s)\b(?!(?:Lower|Upper|North|South|East|West|Northern|Southern|Eastern|Western|Central|Greater|"
    r"The|In|At|Near|On|From|Of)\b)[A-Z][a-z]+\s+$"
    # "Lt. Col. Ramos Dela Cruz", "Gov. Rivera": an abbreviated title before a person's name
    r"|\b(?:Lt|Col|Gen|Maj|Capt|Sgt|Cpl|Pvt|Brig|Adm|Cmdr|Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Prof|Rev|Insp|Supt)\.\s+$"
)
# A tally over a stretch of time: "in the first seven months of 2019", "over the past two years",
# "Since the lockdown, 100 fighters have been killed".
_TALLY_PERIOD = re.compile(
    r"\b(?:in|during|over|throughout)\s+the\s+(?:first|last|past|previous|preceding)\s+(?:[\w\-]+\s+)?"
    r"(?:months|years|quarter|half|decades?)\b",
    re.I,
)
# "the heaviest losses the militia has taken in the last 15 years": the span a superlative
# ranges over, no tally of the clause's toll.
_SUPERLATIVE_SCOPE = re.compile(
    r"\b(?:deadliest|worst|biggest|largest|bloodiest|highest|heaviest|ever)\b", re.I
)


def _tally_period(text: str, start: int, end: int) -> bool:
    """Whether the clause counts over a stretch of time (see _TALLY_PERIOD), not a superlative's scope."""
    return any(
        not _SUPERLATIVE_SCOPE.search(text, max(start, m.start() - 60), m.start())
        for m in _TALLY_PERIOD.finditer(text, start, end)
    )


_SINCE_TALLY = re.compile(
    r"\s*Since\b[^,.;]{1,60},[^.;]{0,120}?\b(?:have|has)\s+(?:been\s+)?(?:killed|died|lost)\b"
)
_YEAR_RANGE = re.compile(r"\b(?:between|from)\s+(?:19|20)\d\d\s+(?:and|to|until)\s+(?:19|20)\d\d\b", re.I)
# "killed between early March, when the offensive began, and September 14": a toll over months.
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_SPAN = re.compile(
    r"\b(?:between|from)\s+(?:mid-|early\s+|late\s+)?(?P<a>" + _MONTHS + r")\b[^.;]{0,60}?"
    r"\b(?:and|to|until)\s+(?:mid-|early\s+|late\s+)?(?P<b>" + _MONTHS + r")\b"
)
# "Analysts estimate 40,000 have been killed": an estimate in the perfect is a running total.
_ESTIMATE_TOLL = re.compile(
    r"\bestimat(?:e|es|ed|ing)\s+(?:that\s+)?(?:more\s+than\s+|at\s+least\s+|about\s+|around\s+|some\s+|"
    r"nearly\s+|over\s+|up\s+to\s+)?[\d,.]+(?:\s+(?:million|thousand))?\s+(?:people\s+|civilians\s+)?"
    r"(?:have|had)\s+(?:been\s+killed|died|lost\s+their\s+lives)\b",
    re.I,
)


def _month_span(text: str, start: int, end: int) -> bool:
    """Whether the clause counts between two different months (a toll over a season, not one event)."""
    return any(m.group("a") != m.group("b") for m in _MONTH_SPAN.finditer(text, start, end))


# "near the capital, Sanaa", "175 kilometres northeast of Maiduguri": a landmark to find the scene by.
_REFERENCE_LEFT = re.compile(
    r"\b(?:near|outside|close\s+to|bordering|adjoining|adjacent\s+to|(?:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"north-east|north-west|south-east|south-west)\s+of|(?:km|kilomet(?:re|er)s?|miles)\s+(?:\([^)]{0,20}\)\s+)?"
    # ("near Xamar Weyne in the southern Bay region": the region holds the scene, it is no landmark)
    r"(?:from|of))\s+(?:the\s+)?(?:(?!(?:in|inside|within)\s)[\w\-\u2019']+\s+){0,4}?(?:capital|city|town)?,?\s*$",
    re.I,
)
# "The incident took place at X", "the attack occurred in X": the text names the scene itself.
_SCENE_LEFT = re.compile(
    r"\b(?:took place|occurred|happened|unfolded)\s+(?:[\w\-]+\s+){0,3}?(?:at|in)\s+(?:the\s+)?$", re.I
)
_REFERENCE_DEMOTION = 3  # a landmark city ranks below a province named as the scene
# "moved on to Gusau, where they killed 12 people", "drove to the village of X where gunmen opened fire":
# a place whose relative clause ('where', 'in which') tells the violence is the scene, even after 'to'.
_SCENE_RIGHT = re.compile(
    r"(?:\s+(?:village|town|city|district|area|community|camp))?,?\s+(?:where|in which)\s+"
    r"(?:[\w\-]+\s+){0,4}?(?:(?:were|was|have been|had been)\s+)?(?:killed|killing|gunned down|shot|"
    r"opened fire|attacked|stormed|abducted|kidnapped|massacred|slaughtered|beheaded|executed|bombed|"
    r"shelled|struck|detonated|blew|set fire|torched|burned|burnt|died|wounded|injured)\b",
    re.I,
)
# "the attack in Rann", "killed in Nohao", "targeted near Diougo-Yourga": a name right after the event.
_EVENT_PREP_NAME = re.compile(r"\b(?:in|at|near)\s+(?=[A-Z\u00c0-\u00de])")
_FACILITY_RIGHT = re.compile(
    r"^[\s\-]*(?:[A-Z][\w\-]*\s+){0,2}(?:hospital|mosque|church|school|market|hotel|prison|jail|base|"
    r"checkpoint|check post|camp|airport|university|college|stadium|station|bridge|road|highway|street|square|"
    r"hall|shrine|temple|compound|office|building|headquarters|border|crossing|river|mountains?|valley|"
    r"province|region|state|governorate|oblast|zone|forest|lake|park|plaza|centre|center|mall|complex|palace|"
    r"embassy|consulate|barracks|garrison|factory|warehouse|terminal)\b",
    re.I,
)
# A name that ends in a building's noun names the building, not a place ("Mazharul Alum Madrasa").
_FACILITY_NAME_END = re.compile(
    r"\s(?:hospital|mosque|church|school|madrasa|madrassa|madrasah|seminary|university|college|academy|"
    r"market|bazaar|hotel|prison|jail|stadium|airport|station|shrine|temple|monastery|cathedral|"
    r"compound|office|building|headquarters|clinic)$",
    re.I,
)
_EXCLUDED_PLACE_LEFT = re.compile(
    r"\b(?:from|to|towards?|for|with|links?|linking|via|than|resident\s+of|residents\s+of|native\s+of|"
    r"natives\s+of)\s+(?:the\s+)?(?:neighbou?ring\s+|nearby\s+)?$",
    re.I,
)
# "gunmen seized six farmers from Kuruwa", "kidnapped 40 pupils from a school in X": the place people are
# taken from is the scene of the abduction.
_TAKEN_FROM_LEFT = re.compile(
    r"\b(?:abduct(?:ed|ing)|kidnapp?(?:ed|ing)|seiz(?:ed|ing)|snatch(?:ed|ing)|carried\s+off|whisked\s+away)\b"
    r"[^.;:]{0,60}?\bfrom\s+(?:the\s+)?(?:[\w\-\u2019']+\s+){0,4}?(?:(?:in|of)\s+)?(?:the\s+)?$",
    re.I,
)


def _taken_from(text: str, lo: int, pos: int) -> bool:
    """Whether the place at ``pos`` is where people were abducted from (see _TAKEN_FROM_LEFT)."""
    return bool(_TAKEN_FROM_LEFT.search(text, max(lo, pos - 100), pos))


# "warnings from Erbil and Tehran", "flights to Kabul, Herat and Mazar": a place listed after another that
# an excluding preposition governs is governed by it too.
_EXCLUDED_LIST_LEFT = re.compile(
    r"\b(?:from|to|towards?|via|than)\s+(?:the\s+)?(?:[A-Z][\w\-'\u2019]+\s+){0,2}?[A-Z][\w\-'\u2019]+"
    r"(?:\s*,\s*[A-Z][\w\-'\u2019]+(?:\s+[A-Z][\w\-'\u2019]+)?)*\s*(?:,\s*)?(?:and|or)\s+(?:the\s+)?$"
)
# "a militia set up by exiles living in Kenya", "a Libyan-born preacher based in Oslo": where an
# actor comes from or lives, not where the event happened.
_ORIGIN_LEFT = re.compile(
    # ("an intelligence-based operation in X" is the scene: no compound's second half)
    r"(?<![\w\-])(?:formed|founded|created|established|born|raised|living|lives|based|headquartered|exiled|educated|"
    r"trained|settled)\s+(?:[\w\-]+\s+){0,3}?in\s+(?:the\s+)?$",
    re.I,
)
# "slipped back over the river into Niger", "escaped to Pakistan": where the attackers went afterwards.
_FLED_TO_LEFT = re.compile(
    r"\b(?:fled|flee|fleeing|escaped|retreated|withdrew|crossed\s+back)\s+(?:[\w\-]+\s+){0,5}?(?:into|to|towards?)\s+"
    r"(?:the\s+)?(?:neighbou?ring\s+)?$",
    re.I,
)
_TIME_UNITS_LEFT = re.compile(r"\b(?:days?|hours?|weeks?|months?)\s+(?:after|before|later|earlier)\s*$", re.I)


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of sentences: paragraphs cut after . ? ! unless an abbreviation ends there."""
    out: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        p_start, p_end = pos, pos + len(para)
        pos = p_end + 1
        cur = p_start
        for m in _SENT_END.finditer(text, p_start, p_end):
            if text[m.start()] == "." and _ABBREV.search(text, max(p_start, m.start() - 8), m.start()):
                continue
            if text[cur : m.end()].strip():
                out.append((cur, m.end()))
            cur = m.end()
            while cur < p_end and text[cur].isspace():
                cur += 1
        if text[cur:p_end].strip():
            out.append((cur, p_end))
    return out


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int, int | None]]:
    """(start, end, lead) per clause; ``lead`` marks a clause cut off by "... after", with the
    days it precedes the clause before (0 when unknown: "days after", "erupted after")."""
    chunk = text[start:end]
    if not any(
        w in chunk for w in (";", " after ", ", and ", " while ", " whereas ", " where ", ", the ", " since ")
    ):
        return [(start, end, None)]
    out: list[tuple[int, int, int | None]] = []
    cur, lead = start, None
    for m in _CLAUSE_CUT.finditer(text, start, end):
        if m.start() > cur:
            out.append((cur, m.start(), lead))
        cur, lead = m.end(), None
        if any(w in m.group().lower() for w in ("after", "where", "since")):
            n, unit = (m.group("n") or "").lower(), (m.group("unit") or "").lower()
            lead = _SMALL_NUMBERS.get(n, 0) if unit.startswith("day") else 0
    out.append((cur, end, lead))
    return [c for c in out if text[c[0] : c[1]].strip()]


# ---------------------------------------------------------------- mentions


@dataclass(slots=True)
class _Mention:
    sent: tuple[int, int]
    event_type: str | None
    strong: bool
    generic: bool
    anaphoric: bool
    separate: bool
    same_day: bool
    killed: tuple[int, str] | None = None
    wounded: tuple[int, str] | None = None
    killed_update: bool = False
    wounded_update: bool = False
    killed_vague: bool = False  # the toll is a vague plural ("scores have been killed")
    place: geo.Place | None = None
    place_rank: int = 9
    country: str | None = None
    day: dt.date | None = None
    period: bool = False
    span: tuple[dt.date, dt.date] | None = None  # the period's first and last day
    aggregate: bool = False
    perp: str | None = None
    perp_claimed: bool = False
    perp_named: bool = False  # a named actor as the agent ("carried out by TTP militants")
    state_force: bool = False  # unnamed state forces as the agent ("security forces opened fire")
    counter: bool = False  # the clause's dead are the attackers ("soldiers killed three militants")
    storming: bool = False  # fighters entered ("before storming the base")
    vague: bool = False
    weak_type: bool = False
    bare_toll: bool = False  # deaths told with no event word ("18 people were killed"): its kind is a guess
    lead: int | None = None  # days before ``anchor``'s event, for "two days after ..." clauses
    lag: int = 0  # days after the previous row's event: "Two days later, ..."
    sidx: int = 0  # index of the sentence
    anchor: _Row | None = None
    adds: bool = False  # the clause adds victims or events ("three others", "also", "more")
    pair: bool = False  # "the first of two strikes hit ...": one of a pair told one by one
    told: bool = False  # a verb of saying comes before the event's word ("the army said its strikes ...")
    counted: int = 0  # the clause counts this many events ("carried out two attacks"): a summary lede
    ordinal: bool = False  # "The first attack targeted ...": one part of a summary, told by its number
    clause: tuple[int, int] = (0, 0)  # the clause the mention was read from
    dated: bool = False  # the clause dates the event by a day or a year, not by a span up to now


@dataclass(slots=True)
class _Row:
    sent: tuple[int, int]
    event_type: str
    perp: str | None
    perp_claimed: bool
    place: geo.Place | None
    place_rank: int
    country: str | None
    day: dt.date | None
    period: bool
    killed: tuple[int, str] | None
    wounded: tuple[int, str] | None
    generic: bool = False
    span: tuple[dt.date, dt.date] | None = None  # first and last day of ``period``
    last: int = 0  # start of the latest sentence that mentioned this event
    last_idx: int = 0  # index of that sentence
    day_soft: bool = False  # day borrowed from the row before; a mention's own day replaces it
    state_force: bool = False  # unnamed state forces did it: the perpetrator is their state
    storming: bool = False  # a mention tells of fighters storming in: explosives only opened the assault
    killed_vague: bool = (
        False  # the toll is a vague plural ("dozens were killed"), a later figure replaces it
    )
    # opened by a reference in a lede about something else ("condemned the Tuesday massacre"): the first
    # sentence that tells the event itself becomes the evidence
    referred: bool = False
    earlier: bool = False  # opened by a clause about an earlier event ("since March, when ...", "days after")
    first_idx: int = 0  # index of the sentence that opened the row
    parts: int = 0  # a summary lede counted this many events, told one by one after it
    summary: _Row | None = None  # the summary lede this row is one part of


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_S = TypeVar("_S", bound=_Spanned)


@dataclass(slots=True)
class _Article:
    text: str
    published: dt.date | None
    quantities: list[numbers.Quantity]
    times: list[dates.TimeExpr]
    places: list[geo.PlaceMention]
    countries: list[geo.CountryMention]
    actors: list[actors.ActorMention]
    quotes: list[tuple[int, int]]
    body_start: int
    sites: list[geo.SiteMention]
    dateline_iso3: str | None
    lower: str = ""
    violent: bool | None = None  # a trigger word anywhere (computed on demand)


def _start_of(x: _Spanned) -> int:
    return x.start


def _within(items: Sequence[_S], start: int, end: int) -> list[_S]:
    """Items (sorted by start) lying inside [start, end)."""
    out = []
    for i in range(bisect_left(items, start, key=_start_of), len(items)):
        x = items[i]
        if x.start >= end:
            break
        if x.end <= end:
            out.append(x)
    return out


# Cheap substring tests that let most clauses skip the slower case-insensitive regexes.
_HABITUAL_HINTS = ("every ", "daily", "nightly", "regularly", "routinely", "repeatedly", " times")
_SEPARATE_HINTS = (
    "separat",
    "first of",
    "the first ",
    "initial",
    "second",
    "third",
    "another",
    "new",
    "earlier",
    "previous",
    "similar",
    "also ",
)
_SAME_DAY_HINTS = ("later", "same", "meanwhile", "simultaneous")


def _has_any(art: _Article, start: int, end: int, hints: tuple[str, ...]) -> bool:
    chunk = art.lower[start:end]
    return any(h in chunk for h in hints)


def _in_quote(art: _Article, pos: int) -> bool:
    return any(s < pos < e for s, e in art.quotes)


_ABDUCTION = _Trigger("abduction", True)
_SEIZED_PEOPLE = re.compile(
    r"\b(?:seized|snatched|took away|carried off|whisked away)\s+(?:at least\s+|about\s+|some\s+|nearly\s+)?"
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|dozens of|scores of|"
    r"hundreds of)\s+(?:[\w\-]+\s+)?(?:people|persons|villagers|natives|civilians|students|pupils|passengers|women|"
    r"children|girls|boys|farmers|workers|residents|hostages|men|worshippers|travellers|travelers)\b",
    re.I,
)


def _triggers(art: _Article, start: int, end: int) -> list[tuple[re.Match[str], _Trigger]]:
    out = []
    text = art.text
    for m in _TRIGGER_RE.finditer(text, start, end):
        if _in_quote(art, m.start()):
            continue
        trig = _trigger_of(m.group())
        if trig is None:
            continue
        left = text[max(start, m.start() - 40) : m.start()]
        if m.group().lower().startswith("strike") and _NON_MILITARY_STRIKE.search(left):
            continue
        if m.group().lower() == "struck" and _NOT_VIOLENT_STRUCK.match(text, m.end()):
            continue
        if (
            trig.event_type != "none"
            and _MODAL_BEFORE.search(left)
            and not _USED_TO.search(left)
            and not _CAUSE_TO.search(left)
        ):
            continue
        out.append((m, trig))
    if "seiz" in art.lower[start:end] or "took" in art.lower[start:end] or "snatch" in art.lower[start:end]:
        for m in _SEIZED_PEOPLE.finditer(text, start, end):
            if not _in_quote(art, m.start()):
                out.append((m, _ABDUCTION))  # "gunmen seized six villagers": an abduction
    return out


def _vague_count(art: _Article, start: int, end: int, value: int) -> bool:
    """Whether the clause's toll of ``value`` is a vague plural ("scores", "dozens", "hundreds")."""
    return any(
        q.value == value
        and not any(c.isdigit() for c in art.text[q.start : q.end])
        and art.text[q.end - 1] == "s"
        for q in _within(art.quantities, start, end)
        if q.kind == "count"
    )


def _tolls(art: _Article, start: int, end: int, fighters: bool = False) -> dict[str, tuple[int, str, bool]]:
    """killed/wounded -> (value, qualifier, is_update) bound in text[start:end].

    ``fighters``: the clause tells a clash, whose dead fighters are its toll ("two militants were
    killed in an encounter with troops"); otherwise attackers killed are no victims (rules v2).
    """
    text = art.text
    found: dict[str, tuple[int, str, bool]] = {}
    passive_groups: dict[tuple[int, str], list[numbers.Quantity]] = {}
    qs = [q for q in _within(art.quantities, start, end) if q.kind == "count" and not _in_quote(art, q.start)]
    for q in qs:
        left = text[max(start, q.start - 60) : q.start]
        low_left = art.lower[max(start, q.start - 130) : q.start]
        right = text[q.end : min(end, q.end + 140)]
        vague_plural = text[q.end - 1 : q.end].isalpha() and text[q.end - 1] == "s"  # "dozens of people"
        if _OF_THEM_RIGHT.match(right) and not (vague_plural and right.lstrip().startswith("of ")):
            continue
        active = _ACTIVE_RE.search(left, max(0, len(left) - 45))
        if any(h in low_left[-60:] for h in ("includ", "among", "whom", "such as")) and (
            _SKIP_NUMBER_LEFT.search(left)
            and not active
            and not _AMONG_TOTAL_LEFT.search(left)  # "a boy was one of five people killed": the total
        ):
            continue
        if (not fighters and _PERP_NOUN_RIGHT.match(right)) or (
            ("claim" in low_left or "saying" in low_left) and _CLAIMED_TOLL_LEFT.search(left)
        ):
            continue
        if "toll" in low_left and _UPDATE_LEFT.search(text[max(start, q.start - 130) : q.start]):
            found.setdefault("killed", (q.value, q.qualifier, True))
            continue
        if ("injur" in low_left or "wound" in low_left) and _WOUNDED_UPDATE_LEFT.search(left):
            found.setdefault("wounded", (q.value, q.qualifier, True))  # "the number of injured rose to 500"
            continue
        if _LOST_LEFT.search(left) and _PERSONNEL_RIGHT.match(right):
            found.setdefault("killed", (q.value, q.qualifier, False))  # "who lost 10 members"
            continue
        one_and = _ONE_AND_LEFT.search(left)
        if one_and and not active:
            # "killing a police officer and three of his relatives": one named by its article, then N
            outcome = _outcome_of(one_and.group("o"))
            if outcome in ("killed", "wounded") and outcome not in found:
                found[outcome] = (q.value + 1, q.qualifier, False)
            continue
        m = active
        if m:
            outcome = _outcome_of(m.group("o"))
            if outcome in ("killed", "wounded") and outcome not in found:
                v, qual, up = _with_second_group(art, qs, q, end)
                if v == q.value and _AND_ONE_RIGHT.match(text, q.end, end):
                    v += 1  # "killed two soldiers and a civilian"
                found[outcome] = (v, qual, up)
            continue
        m = _PASSIVE_RE.search(right)
        if m and _PASSIVE_GAP.fullmatch(right, 0, m.start("o")):
            outcome = _outcome_of(m.group("o"))
            gap = right[: m.start("o")]
            if outcome in ("killed", "wounded") and not any(c in gap for c in ".;"):
                passive_groups.setdefault((q.end + m.start("o"), outcome), []).append(q)
    for (_, outcome), group in sorted(passive_groups.items()):
        if outcome in found:
            continue
        if len(group) == 1:
            q = group[0]
            extra = (
                1 if _AND_ONE_RIGHT.match(text, q.end, end) else 0
            )  # "eight jawans and a driver were killed"
            found[outcome] = (q.value + extra, q.qualifier, False)
        else:
            # "two Dutch hikers and four guides were killed" counts both groups; "Five relatives -- a
            # farmer and his three sons --" counts the first.
            joined = [group[0]]
            for q in group[1:]:
                if not _SECOND_GROUP_GAP.fullmatch(text, joined[-1].end, q.start):
                    break
                joined.append(q)
            group = joined
            total = sum(q.value for q in group)
            if _AND_ONE_RIGHT.match(text, group[-1].end, end):
                total += 1  # "eight jawans and a driver were killed"
            quals = {q.qualifier for q in group}
            found[outcome] = (total, quals.pop() if len(quals) == 1 else "at_least", False)
    if ("killed" not in found or "wounded" not in found) and _ONE_VICTIM_HINT.search(art.lower, start, end):
        # "killing a policeman", "one soldier was wounded": a single victim counts 1.
        for m in _ONE_VICTIM.finditer(text, start, end):
            word = (
                m.group("a")
                or m.group("p")
                or m.group("q")
                or m.group("w")
                or m.group("d")
                or m.group("e")
                or m.group("s")
                or ""
            ).lower()
            outcome = "wounded" if word.startswith(("wound", "injur")) else "killed"
            if not _in_quote(art, m.start()):
                found.setdefault(outcome, (1, "exact", False))
    if "killed" not in found:
        # "her brother was shot near the market and later died in hospital": one victim who died of it.
        for m in _SHOT_THEN_DIED.finditer(text, start, end):
            if not _in_quote(art, m.start()):
                found["killed"] = (1, "exact", False)
                break
    if "killed" not in found:
        # "gunmen killed tribal leader Diego Dagadas": one named victim.
        for m in _NAMED_VICTIM.finditer(text, start, end):
            name_start = m.start("name")
            if _in_quote(art, m.start()) or any(
                a.start < m.end() and name_start < a.end
                for a in _within(art.actors, name_start - 1, m.end() + 1)
            ):
                continue
            if any(name_start <= c.start < m.end() for c in _within(art.countries, name_start, m.end())):
                continue
            found["killed"] = (1, "exact", False)
            break
    if ("killed" not in found or "wounded" not in found) and _TITLED_HINT.search(art.lower, start, end):
        # "a roadside bomb killed the police chief of X", "the base commander was injured": one victim
        # named by his office alone.
        for m in _TITLED_VICTIM.finditer(text, start, end):
            if _in_quote(art, m.start()):
                continue
            word = (m.group("a") or m.group("p")).lower()
            found.setdefault(
                "wounded" if word.startswith(("wound", "injur")) else "killed", (1, "exact", False)
            )
    return found


def _with_second_group(
    art: _Article, qs: list[numbers.Quantity], q: numbers.Quantity, end: int
) -> tuple[int, str, bool]:
    """The toll bound after an active verb, plus a second group joined by "and".

    "killed 12 villagers and seven policemen" counts 19; "killing 12 people and wounding 20" and
    "killing five soldiers, and three others were wounded" count only the first.
    """
    later = [x for x in qs if x.start >= q.end]
    if later:
        q2 = later[0]
        gap = art.text[q.end : q2.start]
        after = art.text[q2.end : min(end, q2.end + 50)]
        if _SECOND_GROUP_GAP.fullmatch(gap) and not _PASSIVE_AFTER.match(after):
            qual = q.qualifier if q.qualifier == q2.qualifier else "at_least"
            return q.value + q2.value, qual, False
    return q.value, q.qualifier, False


_SECOND_GROUP_GAP = re.compile(r"\s+(?:[a-z][\w\-]*\s+){1,3}and\s+", re.I)
# "killed 17 people and more than a dozen wounded": the second figure is another outcome, not more dead
_PASSIVE_AFTER = re.compile(
    r"^\s+(?:(?:[\w\-]+\s+){0,3}?(?:were|was|are|have been|had been)|(?:others\s+)?(?:wounded|injured|hurt))\b",
    re.I,
)


# "who lost 10 members", "the army lost five soldiers": a side's dead.
_PRONOUN_SCENE = re.compile(
    r"\s*(?:It|This)\s+(?:had\s+|has\s+)?(?:took place|occurred|happened|unfolded)\s+(?:\w+\s+){0,3}?"
    r"(?:in|at|near|on)\b"
)
_VICTIMS_AGAIN = re.compile(
    r"\b(?:killing|killed|causing|caused|leaving|left)\s+(?:all\s+)?the\s+(?:villagers|victims|casualties|"
    r"deaths|dead|worshippers|passengers)\b"
)
# "Somali soldiers killed three al Shabaab members during the attack": the side that killed them defended.
_ATTACKERS_KILLED = re.compile(
    r"\b(?:killed|killing|neutrali[sz]ed|eliminated|shot dead)\s+(?:at least\s+|all\s+(?:the\s+)?|some\s+)?"
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|several|dozens of|scores of|many|some)\s+"
    r"(?:of\s+(?:the\s+)?)?(?:[\w\-]+\s+){0,3}?(?:members|fighters|militants|insurgents|terrorists|attackers|"
    r"assailants|gunmen|rebels|jihadists|bandits)\b",
    re.I,
)
# Rules v2: "no one was hurt", "no casualties" give 0, exact. Which tolls: killed, wounded or both.
_ZERO_TOLL = re.compile(
    r"\b(?:no\s+one|nobody|none)\s+(?:was|were|has\s+been|had\s+been|is|are)\s+(?:\w+ly\s+)?"
    r"(?P<a>killed|hurt|injured|wounded)(?:\s+or\s+(?P<b>killed|hurt|injured|wounded))?\b"
    # "no immediate reports of casualties" says nothing is known yet: no figure
    r"|\bno\s+(?P<c>casualties|injuries|deaths|fatalities)\b"
    r"|\bwithout\s+(?:causing\s+)?(?:any\s+)?(?P<d>casualties|injuries)\b",
    re.I,
)


def _zero_tolls(text: str, start: int, end: int) -> dict[str, tuple[int, str, bool]]:
    """killed/wounded -> 0 for "nobody was killed or hurt", "no injuries were reported"."""
    out: dict[str, tuple[int, str, bool]] = {}
    for m in _ZERO_TOLL.finditer(text, start, end):
        for word in filter(None, m.group("a", "b", "c", "d")):
            word = word.lower()
            if word in ("killed", "deaths", "fatalities"):
                out["killed"] = (0, "exact", False)
            elif word in ("hurt", "casualties"):
                out["killed"] = out["wounded"] = (0, "exact", False)
            else:
                out["wounded"] = (0, "exact", False)
    return out


_LOST_LEFT = re.compile(r"\blost\s+$", re.I)
_PERSONNEL_RIGHT = re.compile(
    r"^\s+(?:of\s+(?:its|their|his|her)\s+)?(?:[a-z]+\s+)?(?:members|soldiers|men|personnel|officers|troops|"
    r"fighters|policemen|police officers|comrades|guards|servicemen)\b",
    re.I,
)
_VICTIM_TITLE = (
    r"(?:leader|chief|commander|activist|politician|lawmaker|legislator|mayor|governor|minister|MP|imam|cleric|"
    r"priest|pastor|elder|chieftain|councillor|councilor|candidate|businessman|journalist|judge|officer|official|"
    r"spokesman|spokesperson|head|founder|deputy|member|teacher|doctor)"
)
_NAMED_VICTIM = re.compile(
    r"\b(?:killed|killing|shot dead|shooting dead|assassinated|assassinating|gunned down|beheaded|murdered|"
    r"stabbed to death)\s+"
    # "killed Kashmir's most wanted militant commander X", "killed the notorious gang leader X"
    r"(?:[A-Z][\w\-]*['\u2019]s\s+)?"
    r"(?:(?:the|a|an|local|prominent|former|senior|top|tribal|village|district|provincial|most|wanted|"
    r"notorious|self-styled|militant|rebel|insurgent|gang|separatist)\s+){0,3}"
    r"(?:[A-Z][\w\-]*\s+)?" + _VICTIM_TITLE + r"\s+"
    r"(?P<name>[A-Z][\w'\u2019\-]+(?:\s+(?:(?:bin|al|el|de|van|von)\s+)?[A-Z][\w'\u2019\-]+){1,3})"
)

# One victim named by his office alone, active ("killed the district head of X", "wounded the nation's
# intelligence chief") or passive ("the base commander was injured", "the leader of a militia, Malik Taj,
# was killed"). A title in the plural or joined to a number ("the commander and three guards") is left to
# the counted tolls.
_OFFICE = (
    r"(?i:head|chief|governor|commander|mayor|chairman|chairperson|leader|minister|lawmaker|legislator|"
    r"councillor|councilor|imam|priest|pastor|judge|prosecutor|spokesman|spokesperson)"
)
_TITLED_HINT = re.compile(
    r"\b(?:head|chief|governor|commander|mayor|chairman|chairperson|leader|minister|lawmaker|legislator|"
    r"councill?or|imam|priest|pastor|judge|prosecutor|spokes\w+)\b"
)
_TITLED_VICTIM = re.compile(
    r"\b(?P<a>killed|killing|shot dead|shooting dead|assassinated|assassinating|gunned down|murdered|beheaded|"
    r"wounded|wounding|injured|injuring)\s+(?:the|a|an|its|their|[A-Z][\w\-]*['\u2019]s|the\s+[\w\-]+['\u2019]s)\s+"
    r"(?:[\w\-]+\s+){0,3}?"
    + _OFFICE
    + r"\b(?!\s+(?:and|or|of\s+(?:the\s+)?(?:attackers|militants|gunmen|group)))"
    r"|\b(?i:the|a|an)\s+(?:[\w\-]+\s+){0,3}?"
    + _OFFICE
    + r"(?:\s+of\s+(?:the\s+|a\s+|an\s+)?[\w\-]+(?:\s+[\w\-]+){0,3}?)?"
    r"(?:,\s+[A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+){0,3},)?"
    r"\s+(?:was|has been|had been)\s+(?:also\s+|later\s+|reportedly\s+)?(?:\w+ly\s+)?"
    r"(?P<p>killed|shot dead|assassinated|gunned down|murdered|beheaded|wounded|injured)\b"
)

_VICTIM_NOUN = (
    r"(?:[\w\-]+\s+){0,2}?(?:policeman|policewoman|police officer|soldier|civilian|child|boy|girl|man|woman|"
    r"officer|guard|worker|journalist|person|student|teacher|passenger|bystander|commander|member|cleric|"
    r"official|driver|labourer|laborer|tourist|pilgrim|worshipper|judge|lawyer|doctor|farmer|"
    # the other people reports name one by one: "a US commando", "a citizen", "a paramilitary ranger"
    r"commando|trooper|ranger|marine|gendarme|militiaman|citizen|resident|villager|trader|shopkeeper|"
    r"herder|fisherman|nurse|medic|paramedic|teenager|youth|infant|baby|pensioner|priest|imam|monk|"
    # South Asian and other police and army ranks: "a jawan", "a constable", "a police personnel"
    r"jawan|constable|personnel|sepoy|conscript|reservist)"
)
_ONE_VICTIM = re.compile(
    r"\b(?P<a>killing|killed|shot dead|lynched|lynching|beheaded|beheading|murdered|gunned down|stabbed to death|"
    r"wounding|wounded|injuring|injured)\s+(?:a|an|one)\s+" + _VICTIM_NOUN + r"\b"
    r"|\b(?:a|an|one)\s+"
    + _VICTIM_NOUN
    + r"(?:,?\s+(?:aged\s+)?in\s+(?:his|her)\s+(?:(?:early|mid|late)[\s-]+)?\d0s,?)?"  # "a man in his 50s"
    r"\s+(?:was|has been|had been|were)\s+(?:also\s+|later\s+)?(?:\w+ly\s+)?"
    r"(?P<p>killed|shot dead|shot and killed|shot to death|dead|wounded|injured)\b"
    # "a woman suffered gunshot wounds", "a guard sustained minor injuries": one wounded
    r"|\b(?:a|an|one)\s+" + _VICTIM_NOUN + r"\s+(?:also\s+)?(?:suffered|sustained|endured)\s+(?:[\w\-]+\s+)?"
    r"(?P<w>wounds|injuries)\b"
    # "another soldier was injured", "another was critically injured": one more victim
    r"|\banother\s+(?:" + _VICTIM_NOUN + r"\s+)?(?:was|has been|had been)\s+(?:also\s+)?(?:\w+ly\s+)?"
    r"(?P<q>killed|shot dead|wounded|injured)\b"
    # "as another died in a gunfight in X", "another later died of his wounds": one more dead
    r"|\banother\s+(?:" + _VICTIM_NOUN + r"\s+)?(?:later\s+)?(?P<d>died|succumbed)\b"
    # "a constable was killed and another injured": one more wounded, the auxiliary left out
    r"|(?:(?<=killed and )|(?<=dead and )|(?<=killed while ))another\s+(?:\w+ly\s+)?(?P<e>injured|wounded)\b"
    r"(?!\s+" + _VICTIM_NOUN + r"\b)"
    # "another sustained bullet wounds", "another suffered serious injuries"
    r"|\banother\s+(?:" + _VICTIM_NOUN + r"\s+)?(?:also\s+)?(?:suffered|sustained)\s+"
    r"(?!fatal|mortal)(?:[\w\-]+\s+)?(?P<s>wounds|injuries)\b",
    re.IGNORECASE,
)
_ONE_VICTIM_HINT = re.compile(r"\b(?:a|an|one|another)\s")
# One victim shot who died of it: "her cousin was shot near a mosque and died two days later", "a trader died
# in hospital after he was shot near his home", "died days after being shot by a sniper". A number before
# "were shot" is left to the counted tolls.
_SHOT_THEN_DIED = re.compile(
    r"\b(?:was|had been|has been|got)\s+shot\b(?!\s+(?:dead|down|to death|and killed|at\b))"
    r"[^.;:\"\u201c\u201d]{0,120}?\b(?:and|but|before he|before she|where he|where she)\s+"
    r"(?:\w+ly\s+)?(?:later\s+)?(?:died|succumbed)\b"
    r"|\b(?:died|succumbed to (?:his|her) (?:wounds|injuries))\b[^.;:\"\u201c\u201d]{0,60}?"
    r"\bafter\s+(?:being|he was|she was|he had been|she had been)\s+shot\b(?!\s+(?:dead|down))",
    re.I,
)
# "two soldiers and a civilian", "eight jawans and a driver": one more victim joined by "and"
_AND_ONE_RIGHT = re.compile(
    r"\s+(?:(?!(?:were|was|are|is|have|has|had|been|killed|wounded|injured|died|dead)\b)[a-z][\w\-]*\s+){1,3}"
    r"and\s+(?:a|an|one)\s+" + _VICTIM_NOUN + r"\b(?!\s+(?:of|who|whose)\b)",
    re.IGNORECASE,
)
_ONE_AND_LEFT = re.compile(
    r"\b(?P<o>killing|killed|wounding|wounded|injuring|injured)\s+(?:a|an|one)\s+"
    + _VICTIM_NOUN
    + r"\s+and\s+$",
    re.IGNORECASE,
)


def _expand_since(
    art: _Article, times: list[dates.TimeExpr], trig_pos: list[int]
) -> tuple[list[dates.TimeExpr], bool]:
    """ "since fighters stormed it on Friday" is a span up to now; the event inside it has its own day.

    Also whether the clause counts over an ongoing span ("120 killed since May 3"): a running total.
    """
    out: list[dates.TimeExpr] = []
    ongoing = False
    for t in times:
        if not art.text.startswith(("since", "Since"), t.start):
            out.append(t)
            continue
        if not any(t.start < p < t.end for p in trig_pos):
            left = art.text[max(0, t.start - 90) : t.start]
            ongoing = ongoing or not _SUPERLATIVE.search(left)
            continue  # an ongoing span ("since 2021"), not the event's time
        inner = dates.find_time_exprs(art.text[t.start + 6 : t.end], art.published)
        out.extend(
            dates.TimeExpr(x.start + t.start + 6, x.end + t.start + 6, x.first, x.last)
            for x in inner
            if x.first is not None and x.first == x.last
        )
    return out, ongoing


# "the March 3 raid", "the May 9 car bombing at the depot": a date between a determiner and the event noun.
_DATE_IN_NOUN_LEFT = re.compile(r"\b(?:the|a|an|last|this)\s+$", re.I)
_DATE_IN_NOUN_GAP = re.compile(
    r"(?:['\u2019]s)?,?\s+(?:(?!(?:when|as|after|before|and|or|that|which|where|while|in|on|at|by|the|a|an|"
    r"was|were|is|are|has|had|have|said|says)\b)[\w\-]+\s+){0,3}",
    re.I,
)
# Times of what followed the event: funerals, vigils, trials ("a funeral was held on Tuesday for the
# dead", "mourners gathered on Sunday", "relatives yesterday held a memorial", "hearings resume on Monday
# in the trial"). "The incident, it was gathered, happened on Tuesday" is Nigerian reporting usage.
_CEREMONY_LEFT = re.compile(
    r"\b(?:funerals?|burials?|vigils?|memorials?|ceremon(?:y|ies)|trials?|hearings?|(?<!it was )(?:held|gathered)|"
    r"attended|buried|mourned|laid to rest)\s+(?:(?:on|this|last|early|late|in|at)\s+)?$",
    re.I,
)
_CEREMONY_RIGHT = re.compile(
    r"[\s,]+(?:(?:[\w\-]+\s+){0,3}?(?:held|hold|holds|gathered|attended|buried|mourned)\b"
    r"|(?:in|at|for|during)\s+the\s+(?:[\w\-]+\s+)?(?:trial|funeral|burial|vigil|hearing|memorial)\b)",
    re.I,
)


def _time(
    art: _Article, start: int, end: int, triggers: list
) -> tuple[dt.date | None, bool, bool, tuple[dt.date, dt.date] | None]:
    """(day, has_period, aggregate, the period's first and last day) from the event's own time words."""
    text = art.text
    day: dt.date | None = None
    period = aggregate = False
    span: tuple[dt.date, dt.date] | None = None
    trig_pos = [m.start() for m, _ in triggers]
    within = _within(art.times, start, end)
    if any(
        t.start < start < t.end for t in art.times[max(0, bisect_left(art.times, start, key=_start_of) - 2) :]
    ):
        # "the worst since | March, when a bomber killed four": the clause cut through "since March"; its
        # own words keep their time
        own = [x for x in dates.find_time_exprs(text[start:end], art.published) if x.start == 0]
        if not own:  # a bare month ("March, when ...") is read as "in March"
            own = [
                dates.TimeExpr(0, x.end - 3, x.first, x.last)
                for x in dates.find_time_exprs("in " + text[start:end], art.published)
                if x.start == 0 and x.end > 3
            ]
        within = within + [dates.TimeExpr(x.start + start, x.end + start, x.first, x.last) for x in own]
        within.sort(key=_start_of)
    times, ongoing = _expand_since(art, within, trig_pos)
    for t in times:
        if t.first is None or t.last is None:
            continue
        left = text[start : t.start]
        said = _REPORTING_LEFT.search(left[-80:])
        # "Monday's attack": a day that modifies the event noun is the event's, whatever verb precedes.
        owns = text[t.end - 2 : t.end] in ("'s", "\u2019s") and any(t.end < p <= t.end + 30 for p in trig_pos)
        # "the July 14 drone strike", "Nov. 2's market bombing": a date inside the event's noun phrase.
        named = (
            t.first == t.last
            and _DATE_IN_NOUN_LEFT.search(left[-12:]) is not None
            and any(_DATE_IN_NOUN_GAP.fullmatch(text, t.end, p) for p in trig_pos if t.end < p <= t.end + 40)
        )
        owns = owns or named
        if not owns and (
            _CEREMONY_LEFT.search(left[-60:]) or _CEREMONY_RIGHT.match(text, t.end, min(end, t.end + 60))
        ):
            continue  # "a funeral was held on Tuesday", "relatives yesterday held a memorial"
        if said is not None and not owns:
            said_at = t.start - len(left[-80:]) + said.start()
            if not any(said_at < p < t.start for p in trig_pos) or _TO_ADDRESSEE.search(left[-40:]):
                # "police said on Tuesday"; but "said Israeli shelling late Sunday killed". "confirmed
                # the abduction to newsmen on Wednesday": the day the listeners were told.
                continue
        if _SUPERLATIVE.search(left[-90:]):
            continue
        if _UPDATE_BEFORE_TIME.search(left[-60:]) or _UPDATED_TOLL_LEFT.search(left[-40:]):
            continue  # "the toll rose to 290 on Monday", "by a revised count on Friday": the update's day
        if _ENDED_BEFORE_TIME.search(left[-90:]):
            continue
        right = text[t.end : end]
        if _SAID_RIGHT.match(right):
            continue  # "The group on Friday admitted carrying out the raid": the day of the statement
        said = _REPORTING_RIGHT.match(right)
        if said is None and (t.start - start < 4 or _CLAUSE_OPENER.fullmatch(left)):
            # "On Friday, in remarks relayed by its envoy, the ministry wrote that ...": a longer subject
            said = _REPORTING_AHEAD.match(right)
        if (
            (t.start - start < 4 or _CLAUSE_OPENER.fullmatch(left))
            and said
            and not any(t.end <= p < t.end + said.end() for p in trig_pos)
        ):
            continue  # "On Monday, the ministry said ...", "Also Monday, the coalition claimed that ..."
        since = list(_SINCE.finditer(left[-60:]))
        if since:
            s_abs = t.start - len(left[-60:]) + since[-1].start()
            if not any(s_abs < p < t.start for p in trig_pos):
                continue
        if _TIME_UNITS_LEFT.search(left):
            continue
        if t.first == t.last:
            if day is None or named:
                day = t.first  # a date in the event's noun phrase beats a statement's day before it
        elif (t.last - t.first).days > _MAX_EVENT_DAYS:
            aggregate = True
        else:
            period = True
            span = span or (t.first, t.last)
    if (
        _YEAR_RANGE.search(text, start, end)
        or ongoing
        and day is None
        and not period
        or day is None
        and (_tally_period(text, start, end) or _SINCE_TALLY.match(text, start, end))
    ):
        aggregate = True
    elif day is None and (_WAR_TOLL.search(text, start, end) or _ESTIMATE_TOLL.search(text, start, end)):
        # "The insurgency has killed thousands", "a rebellion that started in March 2017 and has
        # caused thousands of deaths": a war's running total, whatever month it began in.
        aggregate, period, span = True, False, None
    if _month_span(text, start, end):
        return None, False, True, None
    if day is not None:
        return day, False, False, None
    return None, period, aggregate and not period, span


def _place(
    art: _Article, start: int, end: int, rows_last: _Row | None
) -> tuple[geo.Place | None, int, str | None]:
    """Most specific place the clause puts the event in, its rank, and the country named."""
    text = art.text
    start = max(start, art.body_start)
    for attribution in _ATTRIBUTION.finditer(text, start, end):
        if not _ATTRIBUTION_END.search(text, attribution.end(), end) and not _TRIGGER_RE.search(
            text, attribution.end(), end
        ):
            end = attribution.start()  # ", said Saleem Abbas Kulachi, the police chief": a speaker
            break
    best: tuple[int, int, geo.Place] | None = None
    governed = False  # whether best is the object of the event's own preposition ("raid in X")
    prev: geo.PlaceMention | None = None
    for pm in _within(art.places, start, end):
        left = text[max(start, pm.start - 25) : pm.start]
        qualifier = (
            prev is not None
            and prev.place.admin1 == pm.place.name
            and text[prev.end : pm.start].strip() == ","
        )
        prev = pm
        if qualifier:
            continue  # "near Celaya, Guanajuato": the state that places the town, not a second place
        if (
            _SCENE_RIGHT.match(text, pm.end, end)
            and pm.place.kind != "country"
            and not _in_quote(art, pm.start)
        ):
            rank = 0
            if best is None or rank < best[0]:
                best = (rank, pm.start, _as_named(art, pm))
            continue
        if (
            _EXCLUDED_PLACE_LEFT.search(left)
            and not _taken_from(text, start, pm.start)
            or _in_quote(art, pm.start)
            or _NAME_BEFORE.search(left)
            or _EXCLUDED_LIST_LEFT.search(text, max(start, pm.start - 60), pm.start)
            or _ORIGIN_LEFT.search(text, max(start, pm.start - 60), pm.start)
        ):
            continue
        if (
            _BASED_RIGHT.match(text, pm.end)
            or _PLACE_SUBJECT.match(text[pm.end : pm.end + 40])
            and not _PREPOSITION_LEFT.search(left)
            or _CAPITAL_OBJECT_LEFT.search(left)
        ):
            continue  # "a London-based group", "Islamabad said": not where it happened
        rank = _PLACE_RANK.get(pm.place.kind, 3)
        area = rank == 1 and bool(
            _AREA_NOUN_END.search(text, pm.start, pm.end) or _AREA_NOUN_RIGHT.match(text, pm.end)
        )
        if area:
            rank = 2  # "the village of Beu in the Beni region": the area, not the town it is named after
        if _REFERENCE_LEFT.search(text, max(start, pm.start - 70), pm.start):
            rank += _REFERENCE_DEMOTION
        elif rank <= 2 and not area and _SCENE_LEFT.search(text, max(start, pm.start - 50), pm.start):
            # ("occurred in the Damboa Local Government Area" stays an area a village in it refines)
            rank = 0
        gov = _governed_by_event(text, max(start, pm.start - 40), pm.start)
        if best is None or rank < best[0] or rank == best[0] and gov and not governed:
            best, governed = (rank, pm.start, _as_named(art, pm)), gov
    for s_start, s_end, kind in _site_spans(art, start, end):
        left = text[max(start, s_start - 25) : s_start]
        scene = bool(_SCENE_RIGHT.match(text, s_end, end))
        if (
            not scene and _EXCLUDED_PLACE_LEFT.search(left) and not _taken_from(text, start, s_start)
        ) or _in_quote(art, s_start):
            continue
        site = _site_place(art, s_start, s_end, kind, rows_last, (start, end))
        rank = 0 if scene else _PLACE_RANK[kind]
        if _REFERENCE_LEFT.search(text, max(start, s_start - 70), s_start):
            rank += _REFERENCE_DEMOTION
        if _SCENE_LEFT.search(text, max(start, s_start - 50), s_start):
            rank = 0
        gov = _governed_by_event(text, max(start, s_start - 40), s_start)
        # "raided the X village in the Y area of Katsina": the village the text marks as such is more
        # specific than a town of the same rank (as a later mention's village refines a row's town).
        village = (
            kind == "village" and best is not None and best[2].kind != "village" and (gov or not governed)
        )
        # "in the Chai administrative post, in Montepuez district": of two areas, the one named first is
        # the one the next contains (towns are left alone: "the Tufah area of Gaza City" is the city)
        earlier = best is not None and rank == 2 and s_start < best[1] and not governed
        if best is None or rank < best[0] or rank == best[0] and (gov and not governed or village or earlier):
            best, governed = (rank, s_start, site), gov
    if best is None or best[0] > 1:
        for c_start, town in _camp_towns(art, start, end):
            # "a raid on Hamadiya" after "the Hamadiya camp outside Zalingei": a camp is placed in its town
            if best is None or best[0] > 1:
                best, governed = (1, c_start, town), False
    country: str | None = None
    for cm in _within(art.countries, start, end):
        left = text[max(start, cm.start - 25) : cm.start]
        if (
            _EXCLUDED_PLACE_LEFT.search(left)
            or _in_quote(art, cm.start)
            or _EXCLUDED_LIST_LEFT.search(text, max(start, cm.start - 60), cm.start)
        ):
            continue
        if _FLED_TO_LEFT.search(text, max(start, cm.start - 60), cm.start) or _ORIGIN_LEFT.search(
            text, max(start, cm.start - 60), cm.start
        ):
            continue  # "the rebels fled across the border into Congo": where they went, not the scene
        right = text[cm.end : cm.end + 30]
        cap_rank = 1
        if cm.form == "capital" and _REFERENCE_LEFT.search(text, max(start, cm.start - 70), cm.start):
            cap_rank += _REFERENCE_DEMOTION
        cap_right, dem = right, None
        if cm.form == "demonym" and left.endswith("the ") or cm.form == "name":
            dem = _DEMONYM_CAPITAL.match(text, cm.end)  # "the Afghan capital", "Somalia's capital"
            if dem is not None:
                cap_right = text[dem.end() : dem.end() + 30]
        if dem is None and cm.form == "name" and _CAPITAL_OF_LEFT.search(left):
            dem = _CAPITAL_OF_LEFT.search(left)  # "in the capital of Somalia"
        if dem is not None and _REFERENCE_LEFT.search(text, max(start, cm.start - 70), cm.start):
            cap_rank += _REFERENCE_DEMOTION
        if (cm.form == "capital" or dem is not None) and (best is None or best[0] > cap_rank):
            # Capitals come back as countries; as an event place they are the city itself.
            name = text[cm.start : cm.end].removesuffix("'s").removesuffix("\u2019s")
            city = geo.capital_city(cm.iso3) if dem is not None else geo.lookup_place(name, cm.iso3)
            if dem is None and (city is None or city.kind == "country"):
                city = geo.Place(name, None, cm.iso3, None, None, "city")
            subject = (
                _CAPITAL_SUBJECT.match(cap_right)
                and not _PREPOSITION_LEFT.search(left)
                or _CAPITAL_OBJECT_LEFT.search(left)
            )
            if city is not None and not (
                _FORCE_NOUNS.match(cap_right) or subject or _BASED_RIGHT.match(cap_right)
            ):
                best = (cap_rank, cm.start, city)
        if (
            country is None
            and not _FORCE_NOUNS.match(right)
            and (cm.form == "name" and _COUNTRY_LOCATIVE.search(left) or _COUNTRY_NOUN_RIGHT.match(right))
        ):
            country = cm.iso3
    if best is None:
        if _CITY_REF.search(text, start, end):
            # "in the city centre": the town named last before this clause.
            if rows_last is not None and rows_last.place is not None and rows_last.place_rank <= 1:
                return rows_last.place, rows_last.place_rank, rows_last.place.country_iso3
            i = bisect_left(art.places, start, key=_start_of)
            for pm in reversed(art.places[max(0, i - 8) : i]):
                if _PLACE_RANK.get(pm.place.kind, 3) <= 1:
                    return pm.place, 1, pm.place.country_iso3
        return None, 9, country
    return best[2], best[0], best[2].country_iso3


# "Bannu district", "Donetsk region": the place noun after a name is not part of the name.
_PLACE_NOUN_END = re.compile(
    r"(?:['\u2019]s|\s+(?:region|province|district|state|governorate|oblast|county|city|town|village|"
    r"(?:refugee\s+)?camp|area|township|division|prefecture|municipality|department|"
    r"(?:border\s+)?crossing))$",
    re.I,
)


_AREA_NOUNS = r"(?:region|province|district|territory|county|governorate|prefecture|department|local government area|LGA)"
_AREA_NOUN_RIGHT = re.compile(r"\s+" + _AREA_NOUNS + r"\b", re.I)
_AREA_NOUN_END = re.compile(r"\s" + _AREA_NOUNS + r"$", re.I)


# "the raid in X", "an attack on X", "killed at X": a place that is the object of the event word's own
# preposition; "the government in Y" or "a spokesman in Y" names a seat, not the scene.
_EVENT_PREP_LEFT = re.compile(
    r"(?P<word>[\w\-]+)\s+(?:in|at|on)\s+(?:the\s+)?(?:(?:village|town|city|district)\s+of\s+)?$", re.I
)


def _governed_by_event(text: str, lo: int, start: int) -> bool:
    """Whether the place at ``start`` follows an event word and its preposition ("the raid in X")."""
    m = _EVENT_PREP_LEFT.search(text, lo, start)
    if m is None:
        return False
    word = m.group("word")
    return bool(_TRIGGER_RE.fullmatch(word) or _PASSIVE_RE.fullmatch(word) or _ACTIVE_RE.fullmatch(word))


_TRANSLIT_MARKS = re.compile("[\u2018\u2019\u02bc\u02bb`]")


def _as_named(art: _Article, pm: geo.PlaceMention) -> geo.Place:
    """The gazetteer's place under the spelling the text gives it ("Khan Yunis" for Khan Younis).

    Reporters and analysts write a place as the story spells it; the gazetteer's variant is the
    same place, so only the name changes (province, country and coordinates stay).
    """
    written = art.text[pm.start : pm.end].strip()
    if lexicon.match_key(written) == lexicon.match_key(pm.place.name):
        if written != pm.place.name and _TRANSLIT_MARKS.search(pm.place.name) and not written.isupper():
            # geonames' "Samarra’" (an ayn written as a quote mark) is "Samarra" in the story
            return dataclasses.replace(pm.place, name=written)
        return pm.place  # "Gaza City" is the name itself
    named = _PLACE_NOUN_END.sub("", written)
    if (
        not named
        or not named[0].isupper()
        or named.isupper()
        or lexicon.match_key(named) == lexicon.match_key(pm.place.name)
        or len(named.split()) != len(pm.place.name.split())  # "Shah Cheragh shrine": more than a spelling
    ):
        return pm.place
    return dataclasses.replace(pm.place, name=named)


_SITE_AGAIN_LEFT = re.compile(r"\b(?:in|at|near|inside|outside)\s+$", re.I)


def _site_spans(art: _Article, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, kind) of places the gazetteer lacks in text[start:end]: those the text marks by a
    noun ("Khoijumantabi village") and names right after the event ("the attack in Pont-Sonde")."""
    text = art.text
    out = [
        (sm.start, sm.end, sm.kind)
        for sm in _within(art.sites, start, end)
        if not _FACILITY_NAME_END.search(text, sm.start, sm.end)
    ]
    for sm in art.sites:
        # "in Barangay Tunga" told once, then "farmers from Tunga": the name the text marked as a
        # place is one at its other mentions too
        if sm.start < start or sm.start >= end:
            for m in re.finditer(r"(?<![\w\-])" + re.escape(sm.name) + r"(?![\w\-])", text[start:end]):
                a, b = start + m.start(), start + m.end()
                if any(s < b and a < e for s, e, _ in out):
                    continue
                if _SITE_AGAIN_LEFT.search(text, max(start, a - 12), a) or _taken_from(text, start, a):
                    out.append((a, b, sm.kind))
    for m in _EVENT_PREP_NAME.finditer(text, start, end):
        before = text[max(start, m.start() - 60) : m.start()]
        if not (_TRIGGER_RE.search(before) or _PASSIVE_RE.search(before) or _ACTIVE_RE.search(before)):
            continue
        name = re.match(geo.SITE_NAME, text[m.end() : end])
        if name is None:
            continue
        span = geo.unlisted_name(text, m.end(), m.end() + name.end())
        if span is None or any(s < span[1] and span[0] < e for s, e, _ in out):
            continue
        if _FACILITY_NAME_END.search(text, span[0], span[1]):
            continue  # "at Mazharul Alum Madrasa": a building; its town is the place
        right = text[span[1] : span[1] + 40]
        if right.startswith(("'s", "\u2019s")) or _FACILITY_RIGHT.match(right):
            continue  # "at Al-Shifa hospital": a building; its town is the place
        out.append((span[0], span[1], "city"))
    # "the Nur Shams camp" then "in the Nur Shams area": a camp, which maps to its town (rules v2)
    out = [o for o in out if not _camp_name(text, text[o[0] : o[1]])]
    for m in _POST_OF_PLACE.finditer(text, start, end):
        # "the assault on Chaudhwan police station", "a suicide bomber struck the El Salini base": a
        # police or army post named after the place it guards places the event there (rules v2: a
        # building maps to its town), after the places the text names outright.
        span = geo.unlisted_name(text, m.start("name"), m.end("name"))
        if span is None or any(s < span[1] and span[0] < e for s, e, _ in out):
            continue
        if _POST_NAME_END.search(text, span[0], span[1]) or text.startswith(("'s", "\u2019s"), span[1]):
            continue  # "Bagram Air Base": the name of the post, not of a place
        out.append((span[0], span[1], "city"))
    return [site for site in map(_past_possessor, ((art.text, *o) for o in out)) if site is not None]


_CAMP_NAME_LEFT = re.compile(r"\b(?:on|in|at|near|of|into|inside|outside)\s+(?:the\s+)?$", re.I)


def _camp_towns(art: _Article, start: int, end: int) -> list[tuple[int, geo.Place]]:
    """(position, town) for each camp the clause names that the article places near or in a town it
    names ("the Hamadiya camp outside Zalingei", "Kalma camp near Nyala"): rules v2 map a camp to its
    town."""
    text = art.text
    if "camp" not in art.lower:
        return []
    out: list[tuple[int, geo.Place]] = []
    for m in re.finditer(geo.SITE_NAME, text[start:end]):
        s0 = start + m.start()
        if not _CAMP_NAME_LEFT.search(text, max(start, s0 - 12), s0):
            continue
        name = m.group()
        anchor = re.search(
            re.escape(name)
            + r"\s+(?:(?:refugee|IDP|displacement|displaced\s+persons['\u2019]?)\s+)?camp,?\s+"
            r"(?:(?:which\s+is\s+|that\s+is\s+)?(?:located\s+)?(?:(?:about\s+|some\s+)?\d+\s*(?:km|kilomet(?:re|er)s|miles)"
            r"\s+(?:\([^)]{0,20}\)\s+)?)?(?:near|in|outside|close\s+to|adjacent\s+to|on\s+the\s+outskirts\s+of|"
            r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|"
            r"south-west)\s+of)\s+)(?:the\s+(?:(?:northern|southern|eastern|western)\s+)?(?:city|town)\s+of\s+)?",
            text,
        )
        if anchor is None:
            continue
        town = next((pm for pm in art.places if pm.start == anchor.end()), None)
        if town is not None and town.place.kind in ("city", "district"):
            out.append((s0, town.place))
    return out


def _camp_name(text: str, name: str) -> bool:
    """Whether the article calls ``name`` a camp somewhere ("the Nur Shams camp", "Zamzam refugee camp")."""
    return (
        re.search(re.escape(name) + r"\s+(?:(?:refugee|IDP|displacement)\s+)?camp\b", text, re.I) is not None
    )


_POST_OF_PLACE = re.compile(
    rf"(?<![\w\-'\u2019])(?P<name>{geo.SITE_NAME})\s+(?i:police\s+(?:station|post|checkpoint)|check[\s\-]?post|"
    r"checkpoint|(?:military|army)\s+(?:base|camp|post|outpost|detachment)|base|outpost|detachment|barracks)\b"
)
_POST_NAME_END = re.compile(
    r"(?:^|\s)(?:Air|Naval|Navy|Army|Military|Police|Security|Border|Forward|Operating|Patrol|Combat|Joint|Camp|"
    r"Main|Central|Regional|District|Provincial)$"
)


_POSSESSOR = re.compile(r"^.*?['\u2019]s\s+(?=[A-Z\u00c0-\u00de])")


def _past_possessor(site: tuple[str, int, int, str]) -> tuple[int, int, str] | None:
    """The site without the place that owns it ("Kashmir's Kulgam" is Kulgam), None if only the owner
    is left ("Chhattisgarh's district": the province itself, which the gazetteer already holds)."""
    text, start, end, kind = site
    name = text[start:end]
    if name.endswith(("'s", "\u2019s")):
        return None
    tail = _ARTICLE_TAIL.match(text, end)
    if tail is not None:
        end = tail.end()  # "the village of Wad al-Noura": the Arabic article joins the name
    m = _POSSESSOR.match(name)
    return (start + m.end(), end, kind) if m else (start, end, kind)


_ARTICLE_TAIL = re.compile(r"\s+(?:al|el|ad|ar|as|an|at|ash|az|ed|er|es|et)-[A-Z\u00c0-\u00de][\w'\u2019]*")


# "a US patrol", "the Russian embassy", "Chinese nationals": a party from the country, not the place.
_FOREIGN_PARTY_RIGHT = re.compile(
    r"(?:['\u2019]s)?\s+(?:[\w\-]+\s+)?(?:patrols?|convoys?|embass(?:y|ies)|consulates?|nationals|citizens|"
    r"diplomats?|envoys?|contractors?|peacekeepers?|tourists?)\b",
    re.I,
)


def _site_place(
    art: _Article, start: int, end: int, kind: str, rows_last: _Row | None, clause: tuple[int, int]
) -> geo.Place:
    """The unlisted place text[start:end] with the country and province of the places named around it.

    Places in the same clause come first, then those named before it (the story's setting so far),
    then country words; failing all, the latest event's country, the dateline's, the first named.
    """
    text = art.text
    lo = max(art.body_start, start - 400)
    cands: list[tuple[tuple[int, int], str, str | None]] = []  # ((tier, distance), iso3, admin1)
    for pm in _within(art.places, lo, max(end, clause[1])):
        inside = clause[0] <= pm.start < clause[1]
        if not inside and pm.start > start:
            continue
        admin1 = pm.place.admin1 if pm.place.kind != "country" else None
        cands.append(((0 if inside else 1, abs(pm.start - start)), pm.place.country_iso3, admin1))
    for cm in _within(art.countries, lo, max(end, clause[1])):
        inside = clause[0] <= cm.start < clause[1]
        if not inside and cm.start > start:
            continue
        if (
            _EXCLUDED_PLACE_LEFT.search(text, max(0, cm.start - 25), cm.start)
            or text.startswith(" border", cm.end)
            or _FORCE_NOUNS.match(text[cm.end : cm.end + 60])
            or _FOREIGN_PARTY_RIGHT.match(text, cm.end, cm.end + 40)
        ):
            continue  # "from Mali", "near the Togo border": another country; "a US patrol": a side
        # A named place beats a country word; a demonym may sit inside a name ("Datu Saudi Ampatuan").
        tier = (0 if inside else 1) + (2 if cm.form == "demonym" else 1)
        cands.append(((tier, abs(cm.start - start)), cm.iso3, None))
    iso3 = admin1 = None
    if cands:
        cands.sort(key=lambda c: c[0])
        iso3 = cands[0][1]
        admin1 = next((a for _, i, a in cands if i == iso3 and a), None)
    elif rows_last is not None and rows_last.country:
        iso3 = rows_last.country
    elif art.dateline_iso3:
        iso3 = art.dateline_iso3
    else:
        body = [c.iso3 for c in art.countries if c.start >= art.body_start]
        iso3 = body[0] if body else None
    # With no country anywhere the place still names the scene; its country stays unknown ("").
    return geo.Place(text[start:end], admin1, iso3 or "", None, None, kind)


def _last_group(art: _Article, pos: int) -> actors.Actor | None:
    for am in reversed(art.actors):
        if am.end <= pos and am.actor.kind == "armed_group":
            return am.actor
    return None


# A government body that fights (police, counter-terrorism, border guards) is a state force too.
_STATE_FORCE_WORDS = re.compile(
    r"police|counter[\s\-]?terror|gendarmerie|guard|rangers|levies|border force", re.I
)


def _actor_name(actor: actors.Actor) -> str:
    """Perpetrator name: a state's forces are named by the state (rules v2), others by their name."""
    if actor.country and (
        actor.kind == "military" or actor.kind == "government" and _STATE_FORCE_WORDS.search(actor.canonical)
    ):
        return state_name(actor.country)
    return actor.canonical


_PERP_KINDS = frozenset({"armed_group", "military", "government", "other", "party"})


# What follows "claimed" when a side speaks about the event rather than owning it: a clause ("claimed the
# strike targeted a house", "claimed the attack was staged") or the dead as its own ("claimed the four men
# as its fighters", "claimed him as a member").
_CLAIM_CLAUSE = re.compile(
    r"\s+(?:that\s+)?(?:the\s+|an?\s+)?(?:[\w\-]+\s+){0,2}?(?:attacks?|strikes?|bombings?|blasts?|raids?|"
    r"assaults?|ambush|shooting|explosion|operation)\s+(?:\w+ly\s+)?(?:was|were|had|has|is|targeted|hit|"
    r"killed|struck|came|left|caused|aimed)\b",
    re.I,
)
_CLAIMED_AS_OWN = re.compile(
    r"[^.;]{0,100}?\bas\s+(?:(?:its|their|his)\s+(?:own\s+)?|an?\s+|one\s+of\s+its\s+)"
    r"(?:fighters?|members?|militants?|cadres?|commanders?|martyrs?|operatives?|men)\b",
    re.I,
)


# "X (group), one of many militias ..., was responsible for the killings", "X were behind the attack"
_RESPONSIBLE_RIGHT = re.compile(
    r"\)?(?:\s*\([^)]{1,20}\))?(?:\s+(?:group|militia|rebels|militants|insurgents|fighters))?(?:\s*,[^,;.]{1,100},)?"
    r"\s+(?:was|were|is|are)\s+(?:responsible\s+for|behind)\s+(?:the|this|these|that|[A-Z]\w+day['\u2019]s)\s+"
    r"(?:[\w\-]+\s+)?(?:attacks?|killings?|massacres?|bombings?|blasts?|assaults?|raids?|ambush(?:es)?|"
    r"explosions?|violence|shooting|abductions?|kidnappings?)\b",
    re.I,
)


def _claim_is_speech(text: str, pos: int, end: int) -> bool:
    """Whether "claimed" ending at ``pos`` reports what a side said, not a claim of responsibility."""
    return bool(_CLAIM_CLAUSE.match(text, pos, end) or _CLAIMED_AS_OWN.match(text, pos, end))


def _claim(art: _Article, start: int, end: int) -> tuple[str | None, bool]:
    """(perpetrator, plural) when text[start:end] reports a claim of responsibility."""
    text = art.text
    chunk = art.lower[start:end]
    if "claim" not in chunk and "responsib" not in chunk and "credit" not in chunk:
        return None, False
    for m in _CLAIMED_BY.finditer(text, start, end):
        if _NO_CLAIM.search(text[max(start, m.start() - 40) : m.start()]):
            continue
        if _PAST_EVENTS.search(text, start, m.start()):
            continue
        after = [
            a for a in _within(art.actors, m.end(), min(end, m.end() + 60)) if a.actor.kind in _PERP_KINDS
        ]
        if after and after[0].start - m.end() < 5:
            return _actor_name(after[0].actor), False
        if text[m.end() : m.end() + 5].lower() == "group":
            g = _last_group(art, m.start())
            if g:
                return g.canonical, False
    for m in _CLAIM.finditer(text, start, end):
        left = text[start : m.start()]
        # "The IS-affiliated Ansar group took responsibility": the hyphenated "-affiliated"
        # describes the claimant's ties, it hedges nothing
        if _NO_CLAIM.search(left[-40:]) or _ACCUSE.search(_TIES.sub("", left)):
            continue
        obj = _CLAIM_OBJECT.match(text, m.end(), end)
        if obj is not None and _PAST_EVENTS.match(text, obj.end(), end):
            continue  # "claimed responsibility for similar attacks"
        word = re.match(r"claim\w*", m.group(), re.I)
        if word is not None and _claim_is_speech(text, m.start() + word.end(), end):
            continue  # "X claimed the strike targeted a house": what X said about it
        before = [
            a
            for a in _within(art.actors, start, m.start())
            if a.actor.kind in _PERP_KINDS and not _LINKED_RIGHT.match(text, a.end)
        ]
        plural = bool(_PLURAL_CLAIM.match(text, m.start(), min(end, m.end() + 40)))
        if before:
            return _actor_name(before[0].actor), plural
        if _GROUP_REF.search(left) or re.search(r"\b(?:the|this) group\b", left, re.I):
            g = _last_group(art, m.start())
            if g:
                return g.canonical, plural
    for a in _within(art.actors, start, end):
        # "They said the CODECO group ... was responsible for the killings", "police said the Taliban were
        # behind the attack": the attacker named outright, as a claim names it (a hedge keeps it null)
        resp = _RESPONSIBLE_RIGHT.match(text, a.end, end)
        if (
            resp is not None
            and a.actor.kind in _PERP_KINDS
            and not _ACCUSE.search(text, _hedge_from(text, start, a.start), resp.end())
            and not _NO_CLAIM.search(text, max(start, a.start - 40), a.start)
        ):
            return _actor_name(a.actor), False
    return None, False


def _agent(art: _Article, start: int, end: int, event_type: str | None) -> tuple[str | None, bool]:
    """Who the clause says did it: "TTP fighters attacked", "targeted by ISIS", "Pakistani airstrikes";
    and whether a named actor is the agent (not a state read off a demonym)."""
    text = art.text
    if event_type == "armed_clash":
        return None, False
    acts = [a for a in _within(art.actors, start, end) if a.actor.kind in _PERP_KINDS]
    acts = [
        a
        for a in acts
        if not _LINKED_RIGHT.match(text, a.end)
        and not _DISGUISE_LEFT.search(text, max(start, a.start - 50), a.start)
        and (
            _AGENT_BY.search(text[max(start, a.start - 40) : a.start])
            or not _victim_group(text, a.start, a.end, start, end)
        )
    ]
    for a in acts:
        left = text[max(start, a.start - 40) : a.start]
        if _AGENT_BY.search(left) or event_type in _BOMB_TYPES and _PLANTED_BY.search(left):
            if _ACCUSE.search(text[_hedge_from(text, start, a.start) : a.start]):
                continue  # "suspected attacks by X", "blamed on raids by X"
            return _actor_name(a.actor), True
    for v in _AGENT_VERB.finditer(text, start, end):
        if v.group().lower() == "claimed" and _claim_is_speech(text, v.end(), end):
            continue  # "Islamic Jihad claimed the four men as its fighters": the dead, not the attack
        before = [a for a in acts if a.end <= v.start() and v.start() - a.end < 90]
        if not before:
            if re.search(
                r"\bits\s+(?:fighters|members|militants|gunmen)\s+$"
                # "the militant outfit launched attacks": the group named before
                r"|^\s*(?:the|this)\s+(?:[\w\-]+\s+)?(?:group|outfit|organi[sz]ation)\s+(?:had\s+|has\s+)?$"
                # "the jihadists returned and attacked", "they killed 36 workers": the group the story named
                r"|^\s*(?:[A-Z][\w\s,]{0,30}\s)?(?:they|the\s+(?:militants|jihadists|extremists|insurgents))\s+"
                r"(?:(?:also|then|later|again|had|have|reportedly|allegedly)\s+)?(?:[a-z]+ed\s+and\s+)?$",
                text[max(start, v.start() - 40) : v.start()],
                re.I,
            ):
                g = _last_group(art, v.start())
                if g:
                    return g.canonical, True
            continue
        a = before[-1]
        gap = text[a.end : v.start()]
        if _ACCUSE.search(gap) or _ACCUSE.search(text[_hedge_from(text, start, a.start) : a.start]):
            continue
        if re.search(
            r"\b(?:said|says|told|announced|stated|claimed|claims|saying|stating)\b", gap, re.I
        ) and not _PRONOUN_AFTER_SAY.search(gap):
            continue
        if _UNDERGOES_GAP.search(gap):
            # "X's guards were killed as militants stormed", "X's patrol was ambushed, then fired on": the
            # actor underwent the event; the verb has another subject
            continue
        member = _MEMBERS_OF_LEFT.search(text, max(start, a.start - 40), a.start)
        if (
            not member
            and _VICTIM_LEFT.search(text[max(start, a.start - 15) : a.start])
            or _PASSIVE_LEFT.search(text[max(start, v.start() - 20) : v.start()])
        ):
            continue
        return _actor_name(a.actor), True
    for cm in _within(art.countries, start, end):
        right = text[cm.end : min(end, cm.end + 40)]
        if _EITHER_SIDE.match(right) or _EITHER_SIDE_LEFT.search(text, max(start, cm.start - 30), cm.start):
            continue  # "Russian or Syrian warplanes": the text does not know which side (rules v2: null)
        if cm.form == "name" and _STATE_ACTS.match(right) and not _VICTIM_LEFT.search(text[start : cm.start]):
            return state_name(cm.iso3), True  # "Iran hanged two men", "Israel struck targets"
        force = _FORCE_NOUNS.match(right)
        if cm.form not in ("name", "demonym") or not force:
            continue
        left = text[max(start, cm.start - 40) : cm.start]
        if (
            _VICTIM_WIDE_LEFT.search(left)
            and not _BY_LEFT.search(left)  # "airstrikes by Burma's military": the agent
            or _VICTIM_RIGHT.match(right, force.end())
            or _SPEAKER_RIGHT.match(right, force.end())  # "Indonesia's military has confirmed 16 dead"
            or _ACCUSE.search(text[start : cm.start])
            or _PERSON_FORCES.search(force.group())
            and any(
                q.end <= cm.start <= q.end + 2
                for q in _within(art.quantities, max(start, cm.start - 30), cm.start)
            )
        ):
            continue  # "killing three Pakistani soldiers", "two Iranian guards were wounded": victims
        if _ACCORDING_LEFT.search(left):
            continue  # "according to the Ugandan military": the source of the account
        if cm.form == "name" and text[cm.end : cm.end + 2] not in ("'s", "\u2019s"):
            # "a drone strike carried out by the French army", "by US forces": the agent
            if not right.lstrip().lower().startswith(
                ("air", "drone", "missile", "rocket", "jets")
            ) and not _BY_LEFT.search(left):
                continue
            if any(pm.place.country_iso3 == cm.iso3 for pm in _within(art.places, start, end)):
                continue  # "three Gaza airstrikes struck a car outside Rafah": strikes on it, not by it
        return state_name(cm.iso3), False
    m = _ITS_FORCES.search(text, start, end)
    if m:
        names = [c for c in _within(art.countries, start, m.start()) if c.form == "name"]
        if names and not _ACCUSE.search(text[start : m.start()]):
            return state_name(names[-1].iso3), False
    return None, False


# Between an actor and an event verb: a passive the actor underwent ("X men were killed as gunmen
# raided", "X's convoy was ambushed, then fired upon").
_UNDERGOES_GAP = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?(?:attacked|ambushed|targeted|hit|killed|martyred|"
    r"wounded|injured|shot|struck|raided|besieged)\b",
    re.I,
)
_ATTACKER_WORDS = re.compile(
    r"\b(?:fighters|gunmen|gunman|militants|jihadists|insurgents|rebels|terrorists|attackers|assailants|"
    r"soldiers|troops|forces|bandits|gangs?|militiam[ae]n|bombers?)\b",
    re.I,
)
_ATTACK_ON = re.compile(r"\battacks?\s+(?:on|against)\s+(?:the\s+(?:city|town)\s+of\s+)?$", re.I)
_WAS_ATTACKED = re.compile(r"\s+(?:was|were|has been|had been)\s+(?:\w+ly\s+)?attacked\b", re.I)


def _attack_on_a_town(art: _Article, start: int, end: int) -> bool:
    """Whether the clause tells of an attack on a whole town or city (its means untold)."""
    for pm in _within(art.places, start, end):
        if pm.place.kind not in ("city", "admin1"):
            continue
        if _ATTACK_ON.search(art.text, max(start, pm.start - 40), pm.start) or _WAS_ATTACKED.match(
            art.text, pm.end, end
        ):
            return True
    return False


def _mention(
    art: _Article, sent: tuple[int, int], start: int, end: int, rows_last: _Row | None
) -> _Mention | None:
    text = art.text
    trig = _triggers(art, start, end)
    violent = [(m, t) for m, t in trig if t.event_type != "none" and m.group().lower() not in _REFERRING]
    if any(t.block for _, t in trig):
        return None
    if not violent and any(t.event_type == "none" for _, t in trig):
        return None  # an accident or disaster, not violence
    # "The incident took place at X": a word that only refers back to an event told before.
    refers = [
        m
        for m, t in trig
        if m.group().lower() in _REFERRING and _ANAPHORA.search(text[max(start, m.start() - 40) : m.start()])
    ]
    # "It took place in the Lower Shabelle province": a pronoun and a verb of occurrence place the event
    # told just before.
    scene = _PRONOUN_SCENE.match(text, start, end) if not violent and rows_last is not None else None
    if scene is None and not violent and rows_last is not None:
        # "stormed the village of X on Friday, killing the villagers": the victims already counted,
        # named again with the scene or the day
        scene = _VICTIMS_AGAIN.search(text, start, end)
    if scene is not None:
        refers.append(scene)
    tolls = _tolls(art, start, end)  # after the trigger tests above: they need no tolls
    if not violent and "killed" not in tolls and _CLASH_SETTING.search(text, start, end):
        # "Five insurgents died in a search operation near X in March": a clash with
        # no trigger word, whose dead fighters are its toll
        tolls = {**_tolls(art, start, end, fighters=True), **tolls}
    if violent and _ZERO_TOLL.search(text, start, end):
        tolls = {**_zero_tolls(text, start, end), **tolls}  # "a bomb exploded ..., but no one was hurt"
    if not violent and not tolls and not refers:
        return None
    # "the newest in a wave of raids across the province" names past violence, not this event's kind.
    typed = [
        (m, t) for m, t in violent if not _GENERIC_BEFORE.search(text, max(start, m.start() - 40), m.start())
    ]
    types = {t.event_type for _, t in typed or violent}
    etype = next((t for t in _TYPE_RANK if t in types), None)
    # "Five soldiers were killed in X on Monday": no weapon named, but a killing with a place or day.
    unnamed = etype is None and "killed" in tolls and bool(_KILLING.search(text, start, end))
    if (
        etype == "bombing"
        and rows_last is not None
        and rows_last.event_type == "suicide_bombing"
        and all(m.group().lower() in ("bomber", "bombers") for m, t in violent if t.event_type == "bombing")
    ):
        etype = "suicide_bombing"  # "Later that day another bomber hit a market": the kind told before
    if (
        etype == "armed_attack"
        and all(m.group().lower() in ("attack", "attacks", "attacked") for m, _ in violent)
        and _attack_on_a_town(art, start, end)
        and not _ATTACKER_WORDS.search(text, start, end)
    ):
        etype = "other"  # "an attack on Belgorod", "the city of Kharkiv was attacked": no means named
    # the raid may be told in another clause of the sentence ("Police raided X, killing two")
    lo, hi = min(start, sent[0]), max(end, sent[1])
    police_raid = (
        bool(_POLICE_RAID.search(text, lo, hi))
        and not _ATTACKER_NOUN.search(text, lo, hi)
        and not _NOT_POLICE_RAIDERS.search(text, lo, hi)
    )
    if (
        not police_raid
        and rows_last is not None
        and rows_last.event_type == "armed_clash"
        and _POLICE_WORD.search(text, start, end)
        and not _ATTACKER_NOUN.search(text, lo, hi)
        and not _NOT_POLICE_RAIDERS.search(text, lo, hi)
    ):
        police_raid = True  # "the suspect had attacked the officers with a sword": the raid told before
    police_op = etype == "armed_attack" and types <= {"armed_attack", "armed_clash"} and police_raid
    if police_op:
        etype = "armed_clash"  # "a police raid on a favela left eight dead": an operation, no one attacker
    if etype == "abduction" and (
        "killed" in tolls or any(t.strong and t.event_type == "armed_attack" for _, t in violent)
    ):
        etype = "armed_attack"  # "killed 24 villagers and abducted 40 others": an attack that also abducts
    shelled = [m for m, t in violent if t.event_type == "shelling"]
    if etype == "shelling" and (
        all(
            _INFANTRY_ROCKET.search(m.group()) or _INFANTRY_ROCKET.match(text[m.end() : m.end() + 20])
            for m in shelled
        )
        # "militants armed with rockets and assault rifles stormed a checkpoint": the assault's arms
        or all(m.group().lower().startswith("rocket") for m in shelled)
        and _FIREARMS.search(text, start, end)
        and _ASSAULT_VERBS.search(text, start, end)
    ):
        # "opened fire with guns and rocket-propelled grenades": weapons carried by the attackers, not
        # artillery (rules v2: shelling is artillery, mortars, tanks, Grad launchers)
        etype = next((t for t in _TYPE_RANK if t in types and t != "shelling"), "armed_attack")
    if etype in ("bombing", "armed_clash") and not police_op and _ASSAULT_VERBS.search(text, start, end):
        etype = "armed_attack"  # explosives and guns, or an assault that turned into a gunfight
    if (
        etype == "bombing"
        and _FIREARMS.search(text, start, end)
        and all(m.group().lower().startswith("grenade") for m, t in violent if t.event_type == "bombing")
    ):
        etype = "armed_attack"  # "used grenades and automatic weapons on the station": an armed assault
    if (
        etype == "armed_attack"
        and _CLASH_SETTING.search(text, start, end)
        and not _ONE_SIDED.search(text, start, end)
    ):
        # "four rebels died in an encounter with the army", "a soldier was shot dead
        # during a gunfight": the killing verb tells the toll, the fight it happened in is the kind.
        etype = "armed_clash"
    clash_told = _CLASH_SETTING.search(text, start, end) or any(
        t.strong and t.event_type == "armed_clash" for _, t in violent
    )
    if etype == "armed_clash" and clash_told:
        with_fighters = _tolls(art, start, end, fighters=True)
        if with_fighters.get("killed", (0,))[0] > tolls.get("killed", (0,))[0]:
            tolls["killed"] = with_fighters["killed"]  # "nine rebels and two policemen were killed"
    strong = [(m, t) for m, t in violent if t.strong]
    if not strong and ("fired" in art.lower[start:end] or "launched" in art.lower[start:end]):
        # "the militia said it fired two drones at an airbase": the weapon fired at a target is the act
        aimed = [f.start("w") for f in _FIRED_AT.finditer(text, start, end)]
        strong = [(m, t) for m, t in violent if m.start() in aimed][:1]
    if not strong and any(m.group().lower() in _ATTACKER_NOUNS for m, _ in violent):
        # "Gunmen torched houses": an attacker and a violent act together report an event
        # ("authorities fighting militants" is no act of theirs).
        strong = [
            (m, t)
            for m, t in violent
            if m.group().lower() not in _ATTACKER_NOUNS
            and t.event_type == "armed_attack"
            and m.group().lower() not in ("gunfire", "siege", "sniper", "snipers", "storm")
        ]
        if not strong:
            # "Gunmen killed the village head of X": the attackers as the subject of an active verb of
            # killing report the attack even when no number gives a toll.
            # ("Gunmen suspected to be bandits reportedly killed": the nearest attacker noun is the subject)
            subjects = _ATTACKER_NOUN.finditer(text, start, end)
            if any(_ACTIVE_KILLING.match(text, a.end(), end) for a in subjects):
                strong = [(m, t) for m, t in violent if m.group().lower() in _ATTACKER_NOUNS][:1]
            else:
                # "A community leader was killed on Sunday by gunmen": the same report in the passive.
                agents = [p.start("agent") for p in _PASSIVE_KILLING.finditer(text, start, end)]
                strong = [(m, t) for m, t in violent if m.start() in agents][:1]
    lefts = [text[max(start, m.start() - 40) : m.start()] for m, _ in strong]
    generic = (
        _has_any(art, start, end, _HABITUAL_HINTS)
        and bool(_HABITUAL.search(text, start, end))
        or bool(strong)
        and all(_GENERIC_BEFORE.search(left) for left in lefts)
    )
    vague = (
        unnamed
        or bool(strong)
        and all(
            _EVENT_PLURAL.fullmatch(m.group())
            and not _DETERMINED_LEFT.search(left)
            and not _SIDES_RIGHT.match(text, m.end(), end)
            for (m, _), left in zip(strong, lefts, strict=True)
        )
    )
    first = (strong or violent)[0][0] if violent else (refers[0] if refers else None)
    first_left = text[max(start, first.start() - 40) : first.start()] if first else ""
    anaphoric = scene is not None or (
        bool(_ANAPHORA.search(first_left))
        and not _SUPERLATIVE_BEFORE.search(first_left)
        and not _THAT_CLAUSE.search(first_left)
        and not _TIME_THE.search(first_left)
    )
    # Bare "strike" or "attack" names no weapon: it must not retype a row ("missiles" then "the strike").
    weak_type = all(m.group().lower() in _VAGUE_WORDS for m, _ in violent)
    ment = _Mention(
        sent=sent,
        event_type=(
            "armed_clash"
            if police_raid
            or _FORCES_KILL_FIGHTERS.search(text, start, end)
            or _CLASH_SETTING.search(text, start, end)
            and not _ONE_SIDED.search(text, start, end)
            else "armed_attack"
        )
        if unnamed
        else etype,
        strong=bool(strong),
        generic=generic,
        anaphoric=anaphoric,
        separate=_has_any(art, start, end, _SEPARATE_HINTS) and _separate(text, start, end),
        same_day=_has_any(art, start, end, _SAME_DAY_HINTS) and bool(_SAME_DAY.search(text, start, end)),
        vague=vague,
        weak_type=weak_type,
        bare_toll=unnamed,
    )
    if "killed" in tolls:
        v, q, up = tolls["killed"]
        ment.killed, ment.killed_update = (v, q), up
        ment.killed_vague = _vague_count(art, start, end, v)
    if "wounded" in tolls:
        v, q, up = tolls["wounded"]
        ment.wounded, ment.wounded_update = (v, q), up
    ment.day, ment.period, ment.aggregate, ment.span = _time(art, start, end, violent)
    ago = _WEEKS_AGO.search(text, start, end)
    # "has killed thousands since launching its insurgency six years ago": the start of a running tally
    since = ago is not None and _SINCE.search(text, start, ago.start()) is not None
    if ago is not None and since and ment.day is None and _PERFECT_TALLY.search(text, start, ago.start()):
        ment.generic = True  # what a group has done over the years, no event of its own
    if ment.day is None and not (ment.period or ment.aggregate) and ago and not since:
        # "Two weeks ago, gunmen attacked a base near the border", "the killing of 20 people at X about a
        # fortnight ago": an earlier event, dated loosely; never more on the one the story is about.
        ment.period = True
    later = _DAYS_LATER.match(text, start, end)
    if later and ment.day is None:
        ment.lag = _SMALL_NUMBERS.get(later.group(1).lower(), 0)
    elif ment.day is None and not ment.period:
        shift = _DAY_SHIFT.search(text, start, end)
        if shift is not None:
            # "A day earlier, two policemen were killed ...", "in attacks the day before": days from the event
            # told just before
            n = _SMALL_NUMBERS.get((shift.group("n") or "one").lower(), 0)
            ment.lag = -n if shift.group("back") or shift.group("back2") else n
    specific = [m for m, _ in violent if m.group().lower() not in ("fighting", "militants", "attackers")]
    if (
        ment.aggregate
        and specific
        and not (vague or generic or _WAR_TOLL.search(text, start, end))
        and not _COUNTED_EVENTS.search(text, start, end)  # "murdered in 19 massacres this year": a tally
        and not _tally_period(text, start, end)
    ):
        # "In 2014, gunmen killed 147 people at a school in Peshawar": one dated event, not a tally.
        ment.aggregate, ment.period = False, True
    ment.place, ment.place_rank, ment.country = _place(art, start, end, rows_last)
    if (
        ment.event_type is None
        and "killed" in tolls
        and ment.place is not None
        and (ment.place_rank <= 2 or _named_facility(art, ment.place, start, end))
        and not (ment.aggregate or ment.period or generic)
        and _DEATHS.search(text, start, end)
        and not _AFTERMATH_DEATHS.search(text, min(start, sent[0]), max(end, sent[1]))
        and _violent_story(art)
    ):
        # "Nine guards died at the Kaduna prison", "the agency counted 30 people dead in Deir ez-Zor":
        # in a story of violence, deaths counted at a named place are an event whose means are untold.
        ment.event_type = "other"
    ment.counter = bool(_ATTACKERS_KILLED.search(text, start, end))
    ment.adds = bool(_ADDS.search(text, start, end))
    ment.told = first is not None and bool(_SAID_BEFORE.search(text, start, first.start()))
    ment.pair = "first of" in art.lower[start:end] and bool(_FIRST_OF_PAIR.search(text, start, end))
    ment.storming = bool(_STORMING.search(text, start, end))
    perp, _ = _claim(art, start, end)
    if perp:
        ment.perp, ment.perp_claimed = perp, True
    else:
        ment.perp, ment.perp_named = _agent(art, start, end, etype)
        if ment.perp and not (tolls or ment.place or ment.day) and _PAST_EVENTS.search(text, start, end):
            ment.perp, ment.perp_named = None, False  # "but previous attacks were carried out by X"
        if ment.perp is None and etype != "armed_clash":
            ment.state_force = not _ACCUSE.search(text, start, end) and any(
                not _DISGUISE_LEFT.search(text, max(start, f.start() - 50), f.start())
                for f in _BARE_FORCES.finditer(text, start, end)
            )  # "gunmen in uniforms of paramilitary personnel shot dead ..." is a disguise
    return ment


# ---------------------------------------------------------------- merging


def _types_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    for distinct in ("armed_clash", "execution"):
        if distinct in (a, b):
            return "other" in (a, b)  # a gunfight or a hanging is never the "attack" told before
    if a in _VAGUE_TYPES or b in _VAGUE_TYPES:
        return True
    return any(a in fam and b in fam for fam in _SAME_FAMILY)


def _types_close(a: str, b: str | None) -> bool:
    return b is not None and (a == b or any(a in fam and b in fam for fam in _SAME_FAMILY))


def _places_agree(row: _Row, m: _Mention) -> bool:
    if m.place is None:
        return m.country is None or row.country is None or m.country == row.country
    if row.place is None:
        return row.country is None or row.country == m.place.country_iso3
    p, q = row.place, m.place
    if p.country_iso3 != q.country_iso3:
        return False
    if p.name == q.name or p.kind == "country" or q.kind == "country":
        return True
    if p.latitude is not None and (p.latitude, p.longitude, p.kind) == (q.latitude, q.longitude, q.kind):
        return True  # one gazetteer place under two spellings ("Tulkarem", "Tulkarm"): see _as_named
    if row.place_rank <= 2 and m.place_rank <= 2:
        # Two named towns or districts are two places, unless one is a town in the other's province
        # named as a district ("Bishnupur district" then "Khoijumantabi village").
        p_area = p.kind == "district" or row.place_rank == 2  # "Lubero territory" ranks as an area
        q_area = q.kind == "district" or m.place_rank == 2
        return p_area != q_area and p.admin1 is not None and p.admin1 == q.admin1
    return p.admin1 is not None and p.admin1 == q.admin1


def _finer(m: _Mention, row: _Row) -> bool:
    """Whether the mention's place is more specific than the row's (a village beats a town)."""
    assert m.place is not None and row.place is not None
    if m.place_rank != row.place_rank:
        return m.place_rank < row.place_rank
    return m.place.kind == "village" and row.place.kind != "village"


def _times_agree(row: _Row, m: _Mention) -> bool:
    if m.period:
        # "The attack was the latest this week": a span that holds the event's day refers back to it.
        if m.anaphoric and m.span and row.day is None and not row.period and (m.span[1] - m.span[0]).days < 7:
            return True  # "Ten were killed in a raid on X. The weekend attack also ...": no day told yet
        return bool(m.anaphoric and m.span and row.day and m.span[0] <= row.day <= m.span[1])
    if m.day is None:
        return True
    if row.period:
        # "at the weekend" then "on Saturday afternoon" (or "late on Friday", a weekend's eve): the
        # day the span was told loosely
        if not row.span:
            return False
        short = (row.span[1] - row.span[0]).days < 3
        return row.span[0] - dt.timedelta(days=1 if short else 0) <= m.day <= row.span[1]
    return row.day is None or row.day_soft or m.day == row.day


def _tolls_clash(row: _Row, m: _Mention) -> bool:
    """A different toll with its own place or day reports another event ("killing 42" after "40 killed")."""
    if not (m.place is not None and m.place_rank <= 2 or m.day is not None):
        return False
    if m.anaphoric and (m.day is None or m.day == row.day):
        return False  # "the attack killed 12": the same event, its toll told again or updated
    return any(
        new is not None and old is not None and new[0] != old[0] and not upd
        for new, old, upd in (
            (m.killed, row.killed, m.killed_update or row.killed_vague and not m.killed_vague),
            (m.wounded, row.wounded, m.wounded_update),
        )
    )


def _refines_lede(row: _Row, m: _Mention) -> bool:
    """Whether ``m`` gives the exact toll and the scene of a lede that told "at least N" with no place.

    A lede says a drone raid "killed more than a dozen people" without naming the village; a sentence
    after it says 14 villagers lost their lives when a missile hit a home in X: the figure and the scene
    of the event the lede announced.
    """
    return (
        row.place is None
        and row.killed is not None
        and row.killed[1] in ("at_least", "approx")
        and m.killed is not None
        and m.killed[0] >= row.killed[0] >= 2
        and m.killed[1] == "exact"
        and m.sidx - row.last_idx <= 2
        and not (m.separate or m.adds or m.aggregate or m.generic)
        and _types_close(row.event_type, m.event_type)
    )


def _same_toll(row: _Row, m: _Mention) -> bool:
    return any(
        new is not None and old is not None and new[0] == old[0]
        for new, old in ((m.killed, row.killed), (m.wounded, row.wounded))
    )


def _merge(row: _Row, m: _Mention, place_ok: bool) -> None:
    # A clause tied to the event (it refers back, or brings a toll, place or day), or a strong word in
    # the next sentence ("It said a bomber blew himself up"), may retype it; a weapon named in passing
    # further on ("helicopters were sent in later", "the fighters also carried explosives") may not.
    tied = m.anaphoric or m.perp_claimed or bool(m.place or m.day or m.killed or m.wounded)
    close = tied or m.strong and m.sidx - row.last_idx <= 1
    if row.referred and (m.killed or m.wounded or m.strong and not m.anaphoric):
        row.sent, row.referred = m.sent, False  # the event told at last, after the statement that named it
    row.last, row.last_idx = m.sent[0], m.sidx
    row.storming = row.storming or m.storming and (tied or close)
    if (
        m.event_type
        and not m.weak_type
        and close
        and (
            (row.event_type in _VAGUE_TYPES and m.event_type != "armed_clash")
            or (
                _TYPE_RANK.index(m.event_type) < _TYPE_RANK.index(row.event_type)
                and any(row.event_type in f and m.event_type in f for f in _SAME_FAMILY)
            )
        )
    ):
        row.event_type = m.event_type  # "the attack" later told as "the suicide bombing"
    if (
        m.killed
        and m.wounded
        and row.killed
        and row.wounded is None
        and m.killed[0] == row.killed[0]
        and not m.killed_update
        and not m.wounded_update
    ):
        # The same toll told in full further on ("killed 34 people ... and wounded 117"): its figures. That
        # sentence is the evidence when it tells the event again with a scene or a day ("Thursday's attack
        # in X: 12 died and 7 were injured", a town or a day); a bare toll restated by an official ("two
        # were martyred and one injured in the attack", "N were killed and M wounded, the ministry said")
        # leaves the lede the evidence.
        # An exact figure after the lede's "at least" is the body's count too ("at least 21 killed", then
        # "the two missiles killed 21 people and wounded 83").
        exact = m.killed[1] == "exact" and row.killed[1] != "exact"
        row.killed, row.wounded = m.killed, m.wounded
        if m.place is not None and m.place_rank <= 2 or m.day is not None or exact:
            row.sent = m.sent
    if m.killed and row.killed and row.killed_vague and not m.killed_vague and not m.killed_update:
        # "Scores have been killed ..." then "gunmen killed up to 100 people in X": the lede's vague
        # plural gives way to the figure, and the sentence that gives it is the evidence (rules v2).
        row.killed, row.killed_vague, row.sent = m.killed, False, m.sent
    if m.killed and (row.killed is None or m.killed_update):
        row.killed, row.killed_vague = m.killed, m.killed_vague
    if m.wounded and (row.wounded is None or m.wounded_update):
        row.wounded = m.wounded
    if m.day and (row.day is None or row.day_soft):
        row.day, row.day_soft, row.period = m.day, False, False
    # A bare "its forces targeted posts" may be the other side's response: it names no perpetrator
    # for this row unless it refers back to it or brings a place, a day or a toll of its own.
    if (
        m.perp
        and not (m.counter and not m.perp_claimed)  # the defenders' answer names no attacker
        # "but X has carried out similar attacks": past violence in the plural names no attacker
        and not (m.vague and not m.perp_claimed and not (m.killed or m.wounded))
        and (tied or m.perp_named and close)
        and (row.perp is None or (m.perp_claimed and not row.perp_claimed))
    ):
        row.perp, row.perp_claimed = m.perp, m.perp_claimed
    if place_ok and m.place is not None and (row.place is None or _finer(m, row)):
        row.place, row.place_rank, row.country = m.place, m.place_rank, m.place.country_iso3
    elif row.country is None and m.country is not None:
        row.country = m.country


def _new_row(m: _Mention, prev: _Row | None) -> _Row:
    row = _Row(
        sent=m.sent,
        event_type=m.event_type or "armed_attack",
        perp=m.perp,
        perp_claimed=m.perp_claimed,
        place=m.place,
        place_rank=m.place_rank,
        country=m.country,
        day=m.day,
        period=m.period,
        killed=m.killed,
        killed_vague=m.killed_vague,
        wounded=m.wounded,
        generic=m.generic,
        span=m.span,
        state_force=m.state_force,
        storming=m.storming,
        last=m.sent[0],
        last_idx=m.sidx,
        first_idx=m.sidx,
    )
    if m.lead is not None:
        row.earlier = True
        if row.day is None and m.lead and m.anchor is not None and m.anchor.day is not None:
            row.day, row.day_soft = m.anchor.day - dt.timedelta(days=m.lead), True
        return row
    if m.lag and row.day is None and not row.period and prev is not None and prev.day is not None:
        row.day, row.day_soft = prev.day + dt.timedelta(days=m.lag), True  # "Two days later, ..."
        return row
    if row.day is None and not row.period and prev is not None and prev.day is not None:
        # "Later that day another bomber hit..." or the next district of the same story.
        same_admin = (
            row.place is not None
            and prev.place is not None
            and row.place.admin1 is not None
            and row.place.admin1 == prev.place.admin1
        )
        # "Shells hit the capital on Friday, killing 9 in two separate battles. In the first battle,
        # gunmen stormed a post in X": a part of a lede that counted the day's events without a town
        parts = (
            m.separate
            and row.place is not None
            and prev.place is None
            and prev.country is not None
            and prev.country == row.place.country_iso3
            and m.sidx - prev.last_idx <= 1
        )
        if m.same_day or same_admin or parts:
            row.day, row.day_soft = prev.day, True
    return row


def _opens_row(m: _Mention, first: bool = False) -> bool:
    """Whether a mention that matches no earlier row is an event of its own.

    ``first``: no row is open yet, so a definite reference can only point back to an event the text
    named without place or day ("X condemned the attack on the convoy. The attack happened in Jalalabad").
    """
    if m.aggregate or m.event_type is None:
        return False
    if m.anaphoric and not (m.killed or m.wounded):
        # "Monday's bombing in Peshawar" opens a row only when it names both place and day.
        placed = m.place is not None and m.place_rank <= 2
        if first and m.strong and not (m.generic or m.vague) and (placed or m.day is not None):
            return True
        if (
            m.strong
            and m.separate
            and m.dated
            and not (m.generic or m.vague)
            and (placed or m.day is not None)
        ):
            # "X claimed the previous truck bomb, two streets away on May 2", "its fighters also
            # attacked a mall in the capital in 2013": an earlier event with its own day or year (no row
            # of the story matched it)
            return True
        return m.strong and placed and m.day is not None
    pinned = m.place is not None or m.day is not None or m.period or m.separate and m.same_day
    if m.killed or m.wounded:
        return pinned or not (m.vague or m.generic)
    if not m.strong and m.perp_named and m.day is not None and m.place is not None and not m.generic:
        return True  # "Israel also targeted the Masnaa crossing on October 4": an agent, a place and a day
    if (
        not m.strong
        and m.same_day
        and m.place is not None
        and m.event_type not in (None, "other")
        and not (m.generic or m.vague or m.anaphoric)
    ):
        return True  # "Later Friday, shells hit the town's cattle market"
    if m.generic or m.vague or not m.strong:
        return False
    if m.separate and m.place is not None and not m.same_day and (not m.told or m.pair):
        return True  # "In a separate incident, militants attacked a checkpost near Kalaya"
    return (
        m.place is not None
        and m.place_rank <= 2
        or m.day is not None
        or (m.perp is not None and pinned)
        or m.separate
        and m.same_day
    )


# ---------------------------------------------------------------- summary ledes and their parts

# "carried out two attacks", "in three separate incidents", "two separate explosions", "attacked three
# locations", "carried out two air strikes": a lede that counts the events it then tells one by one.
_COUNTED_EVENTS_LEDE = re.compile(
    r"(?<!\bthe\s)(?<!\bthese\s)(?<!\bthose\s)(?<!\bboth\s)\b(?P<n>two|three|four|five|six)"
    r"\s+(?:(?:separate|simultaneous|coordinated|different|distinct|near-simultaneous|deadly|suicide|car|bomb|"
    r"gun|militant|terrorist|air|drone|missile|roadside)\s+){0,2}"
    r"(?:attacks|incidents|explosions|blasts|bombings|strikes|airstrikes|raids|ambushes|assaults|locations|"
    r"sites|targets|villages|positions)\b",
    re.I,
)
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# "The first attack hit an army camp", "In the second strike", "The third attack by the fighters"
_ORDINAL_PART = re.compile(
    r"\bthe\s+(?:first|second|third|fourth|fifth|last)\s+(?:[\w\-]+\s+)?"
    r"(?:attack|strike|airstrike|blast|explosion|bombing|raid|ambush|assault|incident)\b(?!\s+(?:of|in|on|since)\b)",
    re.I,
)
# "in 2013", "in November 2014", "a 1998 attack": a past event's year; "since 2015" counts up to now
_YEAR_DATED = re.compile(
    r"(?<!since )\b(?:in|of|during)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b|\ba\s+(?:19|20)\d\d\s+\w+"
)
_SUMMARY_REACH = 12  # sentences after the lede in which its parts are told


def _counted_events(text: str, start: int, end: int) -> int:
    """How many events the clause counts ("two attacks": 2), else 0."""
    m = _COUNTED_EVENTS_LEDE.search(text, start, end)
    if m is None:
        return 0
    return _COUNT_WORDS[m.group("n").lower()]


def _summary_of(row: _Row) -> _Row | None:
    return row if row.parts else row.summary


def _part_toll(m: _Mention) -> tuple[int, str] | None:
    return m.killed or m.wounded


def _new_part(rows: list[_Row], summ: _Row, m: _Mention) -> bool:
    """Whether ``m``, which would merge into a summary lede's story, is one more of the events it counted.

    A part is marked by its number ("the third attack"), by "another"/"separately", by a place of its
    own, by a toll of its own, or by a new act of another kind than the part told just before.
    """
    parts = [r for r in rows if r.summary is summ]
    toll = _part_toll(m)
    if len(parts) >= summ.parts or m.counted or m.aggregate or m.generic or m.period:
        return False
    latest = parts[-1] if parts else None
    placed = m.place is not None and m.place_rank <= 2
    if m.vague and not (toll and placed):
        return False  # "attacks" in the plural: the series again, unless a toll at a place of its own
    if toll is not None and toll in (summ.killed, summ.wounded):
        return False  # the lede's total told again
    if m.ordinal or m.separate and not m.anaphoric:
        return True
    if latest is not None and latest.referred and m.sidx - latest.last_idx <= 2:
        return False  # "The first attack targeted a base. The militants detonated a car bomb": its act
    here = {r.place.name for r in (summ, latest) if r is not None and r.place is not None}
    if placed and m.place.name not in here and (m.strong or toll is not None):
        return True  # "In Yala's Yaha district, rangers were blasted by a roadside bomb"
    if toll is not None and not m.anaphoric and (latest is None or latest.killed or latest.wounded):
        return True  # "An ambush on a patrol wounded three men"
    if toll is not None and latest is not None and (latest.killed or latest.wounded):
        return True  # "that raid left two traders dead" after the first part's nine
    # "Meanwhile, rebels planted a bomb by a school" after a grenade attack: a new act of another kind
    return (
        m.strong
        and not m.anaphoric
        and latest is not None
        and m.event_type is not None
        and not m.weak_type
        and not _types_close(latest.event_type, m.event_type)
    )


def _open_part(rows: list[_Row], summ: _Row, m: _Mention) -> _Row:
    """A row for one part of a summary lede: its own place, day and side, else the lede's."""
    row = _new_row(m, rows[-1])
    row.summary = summ
    if row.day is None and not row.period:
        row.day, row.day_soft = summ.day, summ.day_soft
    if row.place is None and summ.place is not None:
        row.place, row.place_rank, row.country = summ.place, summ.place_rank, summ.country
    elif row.country is None:
        row.country = summ.country
    if row.perp is None:
        row.perp, row.perp_claimed, row.state_force = summ.perp, summ.perp_claimed, summ.state_force
    if (m.weak_type or m.event_type is None) and summ.event_type not in _VAGUE_TYPES:
        row.event_type = summ.event_type
    # "The first attack hit an army camp": the sentence that tells its act is the evidence
    row.referred = m.ordinal and not (m.killed or m.wounded)
    rows.append(row)
    return row


def _active_summary(rows: list[_Row], m: _Mention) -> _Row | None:
    """The summary lede whose story ``m``, a new event with its own place, continues, else None.

    The lede counted more events than the text has told so far, a few sentences before, in the
    same country and on the same day (or the mention names none).
    """
    if m.lead is not None or m.period or m.aggregate or m.generic or m.counted:
        return None
    for row in reversed(rows):
        summ = _summary_of(row)
        if summ is None:
            continue
        told = sum(1 for r in rows if r.summary is summ)
        near = m.sidx - max(r.last_idx for r in rows if r is summ or r.summary is summ) <= 2
        country = m.place.country_iso3 if m.place is not None else m.country
        if (
            told >= summ.parts
            or not near
            or m.sidx - summ.first_idx > _SUMMARY_REACH
            or country
            and summ.country
            and country != summ.country
            or m.day is not None
            and summ.day is not None
            and m.day != summ.day
            or not _types_agree(summ.event_type, m.event_type)
        ):
            return None
        return summ
    return None


def _route_part(rows: list[_Row], row: _Row, m: _Mention) -> _Row | None:
    """The row a mention of a summary lede's story belongs to, or None to open a new part.

    Details and tolls told after a part belong to that part, not to the lede that counted it.
    """
    summ = _summary_of(row)
    if summ is None or m.sidx - summ.first_idx > _SUMMARY_REACH:
        return row
    if _new_part(rows, summ, m):
        return None
    toll = _part_toll(m)
    parts = [r for r in rows if r.summary is summ]
    if not parts or m.counted or toll is not None and toll in (summ.killed, summ.wounded):
        return row if row is summ or not m.counted else summ
    latest = parts[-1]
    if row is not latest and (row.summary is not summ and row is not summ or _same_toll(row, m)):
        return row
    if not _types_agree(latest.event_type, m.event_type):
        return row
    if latest.referred and m.strong and m.event_type and not m.weak_type:
        # "The third attack targeted the district headquarters. The militants detonated explosives at
        # the building": the act told, its kind and its sentence
        latest.event_type, latest.sent, latest.referred = m.event_type, m.sent, False
    return latest


def _absorb(rows: list[_Row], m: _Mention) -> _Row | None:
    """Merge ``m`` into the row it describes or open a new one; the row, or None when dropped."""
    if m.aggregate or m.generic and not (m.killed or m.wounded or m.anaphoric):
        return None
    if m.generic and not m.perp_claimed:
        m.perp = None
    # "Hours later, a second airstrike ...": another event that day, even before its toll is told.
    has_news = bool(m.killed or m.wounded or m.place or m.day or m.period) or (
        m.separate and m.same_day and m.strong and not m.anaphoric
    )
    # "On the same day, gunmen killed ...": another event that day, not more on this one.
    separate = m.separate or m.same_day and m.event_type is not None and not m.anaphoric
    if rows and not separate and m.place is None and m.day is None and not m.period:
        # "Officials confirmed more than 25 were dead, many of them beheaded": the toll of the event
        # just told, restated with more detail, is that event, whatever word the restatement uses.
        last = rows[-1]
        if (
            m.killed is not None
            and last.killed is not None
            and m.killed[0] == last.killed[0] >= 2
            and m.sidx - last.last_idx <= 2
            and not m.adds
            and (m.wounded is None or last.wounded is None or m.wounded[0] == last.wounded[0])
        ):
            _merge(
                last, dataclasses.replace(m, event_type=None, perp=m.perp if m.perp_claimed else None), True
            )
            return last
    unpinned = m.place is None and m.day is None and not m.period
    if m.lead is not None and unpinned and not (m.lead and m.anchor is not None and m.anchor.day is not None):
        # "The attack comes days after a cartel set a trap, injuring three": an earlier event with
        # neither place nor day, and never more on the event it is compared with
        return None
    if rows and not (separate and has_news):
        cands: list[tuple[tuple[bool, bool | int, bool | int], _Row, bool]] = []
        for i, row in enumerate(rows):
            if m.lead is not None and row is m.anchor:
                continue
            # "killed in the ensuing exchange of fire": the defenders' fire in the attack told before.
            return_fire = m.anaphoric and m.event_type == "armed_clash" and row.event_type in _ASSAULT_TYPES
            # "Fighting broke out in X on Wednesday. ... 18 people were killed": a toll with no event word
            # is the toll of the latest event that has none, whatever kind it guessed.
            bare = m.bare_toll and row is rows[-1] and row.killed is None and row.wounded is None
            if not (_types_agree(row.event_type, m.event_type) or return_fire or bare) or not _times_agree(
                row, m
            ):
                continue
            place_ok = _places_agree(row, m) and not (row.generic and m.place_rank <= 2)
            if m.anaphoric and m.place is not None and row.place is not None and _finer(m, row):
                # "The incident took place at Korvanta village": the same event, told more precisely.
                place_ok = place_ok or m.place.country_iso3 in (row.place.country_iso3, "")
            if _refines_lede(row, m):
                m.killed_update = True  # "more than a dozen killed" in the lede, then "15 people died in X"
            if (
                not place_ok
                and (not m.anaphoric or row.earlier and m.place is not None)
                or _tolls_clash(row, m)
            ):
                continue  # "the bomb ... in Maymana" is not the earlier blast in Kabul the text compared
            if (
                row.event_type == "other"
                and m.event_type not in (None, "other")
                and m.killed is not None
                and row.killed is not None
                and m.killed[0] != row.killed[0]
                and not m.killed_update
            ):
                continue  # deaths told without their means, then a fight with its own toll: two events
            if m.event_type is None and (row is not rows[-1] or m.sent[0] - rows[-1].last > 700):
                continue  # a bare toll ("Seven others were wounded") only continues the latest event
            key: tuple[bool, bool | int, bool | int]
            if m.place or m.day or m.killed or m.wounded:
                key = (_same_toll(row, m), _types_close(row.event_type, m.event_type), i)
            elif m.anaphoric:  # "The bombings have ...": the event of that kind told before
                key = (False, _types_close(row.event_type, m.event_type), row.last_idx)
            else:  # a bare continuation ("It said a bomber blew himself up") is about the latest story
                key = (False, row.last_idx, _types_close(row.event_type, m.event_type))
            cands.append((key, row, place_ok))
        if cands:
            _, row, place_ok = max(cands, key=lambda c: c[0])
            routed = _route_part(rows, row, m)
            if routed is None:
                return _open_part(rows, _summary_of(row) or row, m)
            if routed is not row:
                row, place_ok = routed, _places_agree(routed, m)
            _merge(row, m, place_ok)
            _mark_summary(row, m)
            return row
    # "Rebels opened fire on guards in Pattani in three separate incidents on
    # Thursday": a lede counting events with their place or day opens their story even though plural
    summary = m.counted >= 2 and bool(m.place or m.day) and m.event_type is not None and not m.period
    if _opens_row(m, first=not rows) or summary:
        lede = _active_summary(rows, m) if not summary else None
        if lede is not None:
            return _open_part(rows, lede, m)  # "In Yala's Raman district, a patrol was hit by a bomb"
        prev = rows[-1] if rows else None
        # opened only because no row was open (see _opens_row): a reference, not the event's own report
        referred = not rows and m.anaphoric and not (m.killed or m.wounded) and not _opens_row(m)
        if (
            m.weak_type
            and prev is not None
            and m.perp
            and prev.perp == m.perp
            and prev.event_type != "armed_clash"
        ):
            m.event_type = prev.event_type  # "Israel also targeted ...": the kind of its acts told before
        rows.append(_new_row(m, rows[-1] if rows else None))
        rows[-1].referred = referred
        if rows[-2:-1] and m.anaphoric and m.separate and m.dated:
            _earlier_reference(rows[-1], m)
        _mark_summary(rows[-1], m)
        return rows[-1]
    return None


def _dated_part(text: str, start: int, end: int, year: re.Match[str] | None) -> tuple[int, int]:
    """The part of a clause after the last comma before its year ("..., where fighters attacked X in 2013")."""
    if year is None:
        return start, end
    cut = max(text.rfind(", ", start, year.start()), text.rfind("; ", start, year.start()))
    return (cut + 2, end) if cut > start and 2 * (end - cut) < end - start else (start, end)


def _earlier_reference(row: _Row, m: _Mention) -> None:
    """An earlier event named in passing by a reference: its clause is its evidence, its toll may follow.

    "... but the group has also struck the capital, where its fighters attacked a mall in 2013": the
    clause that tells it, not the sentence about the group's reach; "the previous bombing, on Feb. 17.
    That bombing killed 29": the sentence with the toll.
    """
    c0, c1 = m.clause
    if 2 * (c1 - c0) < m.sent[1] - m.sent[0]:
        row.sent = (c0, c1)
    row.referred = not (m.killed or m.wounded)


def _mark_summary(row: _Row, m: _Mention) -> None:
    """Mark ``row`` a summary lede when ``m``, told in its first sentences, counts the events."""
    if m.counted >= 2 and not row.parts and row.summary is None and m.sidx - row.first_idx <= 3:
        row.parts = m.counted


# ---------------------------------------------------------------- entry point


# "killed four people in a shop in Homs and three others in Hama": a second toll at a second place.
_AND_OTHERS_IN = re.compile(
    r"\band\s+(?P<n>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens|scores)"
    r"\s+(?:others|more|more people|people|civilians)\s+(?:in|at)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}$",
    re.I,
)


def _second_place_toll(art: _Article, row: _Row, start: int, end: int) -> _Row | None:
    """A row for "... and three others in Hama" after a toll at another place, else None.

    The same strikes, the same day, the same side; the second place and its own count.
    """
    if row.place is None or row.killed is None:
        return None
    for pm in _within(art.places, start, end):
        m = _AND_OTHERS_IN.search(art.text, max(start, pm.start - 60), pm.start)
        if m is None or pm.place.name == row.place.name or pm.place.country_iso3 != row.place.country_iso3:
            continue
        qs = [q for q in _within(art.quantities, m.start("n"), m.end("n") + 1) if q.kind == "count"]
        if not qs or qs[0].value == row.killed[0]:
            continue
        value = qs[0].value
        return _Row(
            sent=row.sent,
            event_type=row.event_type,
            perp=row.perp,
            perp_claimed=row.perp_claimed,
            place=pm.place,
            place_rank=_PLACE_RANK.get(pm.place.kind, 3),
            country=pm.place.country_iso3,
            day=row.day,
            period=row.period,
            killed=(value, qs[0].qualifier),
            wounded=None,
            last=row.last,
            last_idx=row.last_idx,
        )
    return None


# "last week's raids on the villages of X and Y", "a double attack in X and Y villages", "two
# separate encounters in X and Y districts": one phrase tells an attack on each of two places.
_PAIR_EVENT_LEFT = re.compile(
    r"\b(?:attacks|raids|bombings|encounters|clashes|strikes|assaults|(?:double|twin)\s+(?:attacks?|bombings?|raids?)|"
    r"two\s+(?:separate\s+)?[a-z]+)\s+(?:by\s+[\w\-]+\s+)?(?:(?:against|on|in|at|near)\s+)(?:the\s+)?"
    r"(?:(?:towns?|villages?|districts?|cities|localities)\s+of\s+)?$",
    re.I,
)
_PAIR_AND = re.compile(r"\s+and\s+(?:the\s+)?(?:(?:town|village|city|district)\s+of\s+)?")
# The second name ends the list: a full stop, a place noun, a preposition or the clause's end ("X and Y,
# and Z" is a longer list, told as one event).
_PAIR_NAME = re.compile(
    r"([A-Z][\w\u2019'\-]+(?:\s+(?:da|de|do|el|al)?\s*[A-Z][\w\u2019'\-]+){0,2})"
    r"(?=\s*(?:[.;]|$)|\s+(?:villages?|towns?|districts?|localities|areas?|in|on|last|this|earlier)\b)"
)


def _paired_place(art: _Article, row: _Row, start: int, end: int) -> _Row | None:
    """A row for the second of two places one plural attack phrase names, after the row of the first.

    The same attackers, kind and day; the place of its own (a name the gazetteer lacks keeps the first
    place's province and country) and no toll (the phrase's toll, if any, stays with the first row).
    """
    if row.place is None or _PLACE_RANK.get(row.place.kind, 3) > 2:
        return None
    text = art.text
    at = text.find(row.place.name, start, end)
    if at < 0 or not _PAIR_EVENT_LEFT.search(text, max(start, at - 60), at):
        return None
    joint = _PAIR_AND.match(text, at + len(row.place.name), end)
    second = _PAIR_NAME.match(text, joint.end(), end) if joint else None
    if second is None or second.group(1) == row.place.name:
        return None
    listed = [pm.place for pm in art.places if pm.start == second.start(1)]
    if listed and (
        listed[0].country_iso3 != row.place.country_iso3 or _PLACE_RANK.get(listed[0].kind, 3) > 2
    ):
        return None
    place = (
        listed[0]
        if listed
        else geo.Place(second.group(1), row.place.admin1, row.place.country_iso3, None, None, "village")
    )
    return _Row(
        sent=row.sent,
        event_type=row.event_type,
        perp=row.perp,
        perp_claimed=row.perp_claimed,
        place=place,
        place_rank=_PLACE_RANK.get(place.kind, 3),
        country=place.country_iso3,
        day=row.day,
        period=row.period,
        killed=None,
        wounded=None,
        last=row.last,
        last_idx=row.last_idx,
    )


# "killed nine people in X, two people in Y, and one in Z", "two were killed in X and one in the Z
# villages": a toll broken down by place, each item a toll at a place of its own.
_TOLL_ITEM = re.compile(
    r"(?:,|\band\b)\s+(?:and\s+)?(?P<n>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?:(?:others?|more|people|persons|civilians|villagers)\s+)?(?:were\s+killed\s+|died\s+)?(?:in|at)\s+"
    r"(?:the\s+)?(?P<name>[A-Z][\w’'\-]+)"
)


def _breakdown_tolls(art: _Article, rows: list[_Row], row: _Row, start: int, end: int) -> list[_Row]:
    """Rows for the later items of a toll broken down by place, after the row of the first item.

    The same attackers and day; each item its own place (none when the gazetteer lacks the name) and
    count. An item that an earlier row already counts at its place is no new row.
    """
    if row.killed is None or row.place is None:
        return []
    out: list[_Row] = []
    for m in _TOLL_ITEM.finditer(art.text, start, end):
        qs = [q for q in _within(art.quantities, m.start("n"), m.end("n") + 1) if q.kind == "count"]
        if not qs:
            continue
        pm = next((p for p in art.places if p.start == m.start("name")), None) or next(
            (p for p in art.places if art.text[p.start : p.end] == m.group("name")), None
        )
        place = pm.place if pm is not None else None
        name = place.name if place is not None else m.group("name")
        if name == row.place.name or place is not None and place.country_iso3 != row.place.country_iso3:
            continue
        if any(
            r.killed is not None
            and r.killed[0] == qs[0].value
            and r.place is not None
            and r.place.name == name
            for r in rows + out
        ):
            continue  # "... and one in Kofa" after the Kofa attack's own row
        out.append(
            _Row(
                sent=row.sent,
                event_type=row.event_type,
                perp=row.perp,
                perp_claimed=row.perp_claimed,
                place=place,
                place_rank=_PLACE_RANK.get(place.kind, 3) if place is not None else 9,
                country=row.place.country_iso3,
                day=row.day,
                period=row.period,
                killed=(qs[0].value, qs[0].qualifier),
                wounded=None,
                last=row.last,
                last_idx=row.last_idx,
                first_idx=row.last_idx,
                summary=row.summary,
            )
        )
    return out


_FIRST_PERSON = re.compile(r"\b(?:we|our|us|I|my)\b")


def _quoted_scene(
    art: _Article, sent: tuple[int, int], start: int, end: int, rows: list[_Row]
) -> _Mention | None:
    """An event a quoted witness or official tells with its own scene and toll, else None.

    '"A woman was killed in Chasiv Yar and a man was wounded," he said', 'The statement said that
    "another bomb exploded in X village, killing a citizen"': the quotation is the report. It opens a
    row only when it names a town or village no row has yet and a toll; a side speaking of its own
    deeds ("we killed ten of them") stays a boast.
    """
    quoted = [(max(q0, start), min(q1, end)) for q0, q1 in art.quotes if q0 < end and start < q1]
    if any(_FIRST_PERSON.search(art.text, q0, q1) for q0, q1 in quoted):
        return None
    bare = dataclasses.replace(art, quotes=[])
    m = _mention(bare, sent, start, end, rows[-1] if rows else None)
    if m is None or m.aggregate or m.generic or m.period or m.place is None:
        return None
    if m.killed is None and m.wounded is None or m.place_rank > 1:
        return None
    if any(
        r.place is not None and lexicon.match_key(r.place.name) == lexicon.match_key(m.place.name)
        for r in rows
    ):
        return None  # the same scene told again in a quotation
    return m


def _fill_from_quote(
    art: _Article, row: _Row, sent: tuple[int, int], sidx: int, start: int, end: int
) -> None:
    """A quotation that goes on about the latest event fills the tolls it lacks.

    '"... an initial toll of 15 martyrs and 50 wounded," said the spokesman': quoted words never open
    an event (they may be rhetoric or a side's boast), but next to the event they describe, they
    give the figures an official put on it.
    """
    placeless = row.place is None or row.place_rank > 2
    if sidx - row.last_idx > 1 or row.killed is not None and row.wounded is not None and not placeless:
        return
    bare = dataclasses.replace(art, quotes=[])
    m = _mention(bare, sent, start, end, row)
    if m is None or m.aggregate or m.generic or not _types_agree(row.event_type, m.event_type):
        return
    if (
        placeless
        and m.place is not None
        and m.place_rank <= 1
        and m.place.admin1 is not None  # a province a later mention of the scene can agree with
        and not m.period
        and _places_agree(row, m)
        and _times_agree(row, m)
    ):
        # '"Gunmen stormed the village of X at dawn," the governor said', after a lede that named no
        # town: the scene told only inside an official's quotation is the scene.
        row.place, row.place_rank, row.country = m.place, m.place_rank, m.place.country_iso3
    if not (
        m.anaphoric
        or _same_toll(row, m)
        or m.event_type is None
        or _types_close(row.event_type, m.event_type)
    ):
        return
    if row.killed is None and m.killed is not None:
        row.killed = m.killed
    if row.wounded is None and m.wounded is not None:
        row.wounded = m.wounded


_DIED_OF_WOUNDS = re.compile(
    r"\b(?:perished|succumbed|(?:later|subsequently)\s+died|died\s+(?:of|from))\b", re.I
)
# How many sentences after an event's latest mention a bare wounded figure may still belong to it.
_LATER_WOUNDED_REACH = 5


def _later_wounded(art: _Article, rows: list[_Row], sents: list[tuple[int, int]]) -> None:
    """Wounded figures told after the event's own sentences fill the rows that lack them.

    A story often gives the dead first and the wounded a few sentences on, in an official's words or
    another source's: '"The blast killed two and hurt 11 others," the mayor said', "Two aides were
    among 12 people who were injured", "police put the number of injured at roughly 20". A sentence
    no row owns, closest after the row's latest mention, whose wounded figure comes with no other dead
    (or the row's own dead again) and no span of time, is the row's wounded.
    """
    if not rows:
        return
    bare = dataclasses.replace(art, quotes=[])
    owned = set()
    for r in rows:
        owned.add(r.sent[0])
        owned.add(r.last)
    for s0, s1 in sents:
        if s0 in owned or "injur" not in art.lower[s0:s1] and "wound" not in art.lower[s0:s1]:
            continue
        # the row mentioned latest before this sentence
        owner, at = None, -1
        for r in rows:
            if r.earlier:
                continue  # an earlier event told in passing ("days after an attack killed 28")
            for pos in (r.sent[0], r.last):
                if at < pos <= s0:
                    owner, at = r, pos
        if owner is None or owner.wounded is not None or owner.generic or owner.period:
            continue
        sidx = next(i for i, (a, _) in enumerate(sents) if a == s0)
        if sidx - owner.last_idx > _LATER_WOUNDED_REACH:
            continue
        if _tally_period(art.text, s0, s1) or _month_span(art.text, s0, s1):
            continue
        if _DIED_OF_WOUNDS.search(art.text, s0, s1):
            continue  # "six hurt, who later died in hospital": the dead again
        found = _tolls(bare, s0, s1)
        if "wounded" not in found and sidx - owner.last_idx <= 2:
            found = _zero_tolls(art.text, s0, s1)  # "the army said no injuries were reported"
        if "wounded" not in found or found["wounded"][2]:
            continue
        if "killed" in found and (owner.killed is None or found["killed"][0] != owner.killed[0]):
            continue
        m = _mention(bare, (s0, s1), s0, s1, owner)
        if m is not None and (m.aggregate or m.generic or m.period or m.separate):
            continue
        if m is not None and m.place is not None and not _places_agree(owner, m):
            continue
        owner.wounded = found["wounded"][:2]


def _dateline(text: str) -> tuple[geo.Place | None, int]:
    m = _DATELINE.match(text)
    if not m:
        return None, 0
    src = m.group("src")
    if (
        src
        and m.group("place")
        and not m.group("place").isupper()
        and not text[m.end("place") : m.start("src")].strip()
        and not text[m.start("src") : m.end()].rstrip().endswith(tuple("-:\u2014\u2013"))
    ):
        # "Two Border Police (BP) jawans were killed": an acronym in brackets right after a name is no
        # source line ("Peshawar, Nov 28 (PTI) Two ..." has its comma and date, "KABUL (AP) -" its dash)
        return None, 0
    name = (m.group("place") or "").split("/")[0].strip()
    if name.isupper():
        name = name.title().replace("'S", "'s").replace("\u2019S", "\u2019s")
    place = geo.lookup_place(name) if name else None
    if place is None:
        iso3 = geo.country_iso3(name)  # a capital ("KYIV") names its country
        if iso3 is not None:
            place = geo.Place(name, None, iso3, None, None, "country")
    return place, m.end()


# "two men in their 40s", "a woman in her late 30s": an age bracket, never a count of people
_AGE_DECADE_LEFT = re.compile(r"\b(?:in|into)\s+(?:their|his|her)\s+(?:(?:early|mid|late)[\s-]+)?$", re.I)


def _age_decade(text: str, q: numbers.Quantity) -> bool:
    """Whether ``q`` is the decade of an age ("in their 40s"), not a number of victims."""
    return text[q.end - 1 : q.end] == "s" and bool(
        _AGE_DECADE_LEFT.search(text, max(0, q.start - 30), q.start)
    )


def extract_incidents(text: str, published: dt.date | None = None) -> list[Incident]:
    """Return one record per specific violent event in ``text``, in text order."""
    if not text.strip():
        return []
    dateline, body_start = _dateline(text)
    art = _Article(
        text=text,
        published=published,
        quantities=sorted(
            (q for q in numbers.find_quantities(text) if not _age_decade(text, q)), key=_start_of
        ),
        times=sorted(dates.find_time_exprs(text, published), key=_start_of),
        places=sorted(geo.find_places(text), key=_start_of),
        countries=sorted(geo.find_countries(text), key=_start_of),
        actors=sorted(actors.find_actors(text), key=_start_of),
        quotes=[(m.start(), m.end()) for m in _QUOTE_SPAN.finditer(text) if len(m.group().split()) > 3],
        body_start=body_start,
        sites=geo.find_unlisted_places(text),
        dateline_iso3=dateline.country_iso3 if dateline is not None else None,
        lower=text.lower(),
    )
    rows: list[_Row] = []
    agents: list[tuple[int, str, str | None]] = []  # (position, side, country) of strikes and shelling
    pending: _Mention | None = None  # a lede with a toll that named neither place nor day
    for sidx, (s_start, s_end) in enumerate(_sentences(text)):
        sent = (max(s_start, body_start) if s_start < body_start else s_start, s_end)
        main_row: _Row | None = None
        for c_start, c_end, lead in _clauses(text, *sent):
            if _SERIES_CLAUSE.match(text, c_start, c_end):
                continue  # "the newest in a string of bombings this month": the series
            perp, plural = _claim(art, c_start, c_end)
            if perp and rows and plural:
                # "claimed responsibility for the attacks": every row of that day's story.
                latest = rows[-1].day
                for r in rows:
                    if r.day == latest and not r.perp_claimed and r.event_type != "armed_clash":
                        r.perp, r.perp_claimed = perp, True
            m = _mention(art, sent, c_start, c_end, rows[-1] if rows else None)
            if m is None and any(q0 < c_end and c_start < q1 for q0, q1 in art.quotes):
                m = _quoted_scene(art, sent, c_start, c_end, rows)
            if m is None and rows and sidx - rows[-1].last_idx <= 1:
                for outcome, (v, q, _) in _zero_tolls(text, c_start, c_end).items():
                    if getattr(rows[-1], outcome) is None:
                        setattr(rows[-1], outcome, (v, q))  # "A bomb went off. No one was hurt."
            if m is not None:
                m.sidx = sidx
                m.counted = _counted_events(text, c_start, c_end)
                m.ordinal = bool(_ORDINAL_PART.search(text, c_start, c_end))
                year = _YEAR_DATED.search(text, c_start, c_end)
                m.dated = m.day is not None or year is not None
                m.clause = _dated_part(text, c_start, c_end, year)
                if m.perp and m.event_type in _STANDOFF_TYPES and not m.generic:
                    where = m.place.country_iso3 if m.place is not None else m.country
                    agents.append((c_start, m.perp, where or None))
            if m is not None and lead is not None:
                # "... two days after an Iranian attack killed two children": an earlier event.
                # "The raid came two days after ...": a sentence whose own clause names no event
                # compares with the event the story told last
                m.lead, m.anchor = lead, main_row or (rows[-1] if rows else None)
            n_rows = len(rows)
            row = _absorb(rows, m) if m is not None else None
            if m is not None and pending is not None and _continues_lede(m, pending):
                if row is None:
                    _take_lede(m, pending)  # "The terrorists attacked a patrol in Sibi district"
                    row = _absorb(rows, m)
                elif len(rows) > n_rows and row is rows[-1]:
                    _fill_from_lede(row, pending, m)  # "Thursday's attack on Khuafo village also wounded 20"
            if (
                m is not None
                and row is None
                and (m.killed or m.wounded)
                and not (m.aggregate or m.generic or m.period)
                and (m.place is None or m.place_rank > 2)
                and m.day is None
            ):
                pending = m  # "Five soldiers were killed in a terrorist attack": the scene may follow
            elif row is not None or m is not None and m.sidx - (pending.sidx if pending else sidx) > 2:
                pending = None
            main_row = row or main_row
            if row is not None and m is not None and m.killed is not None and row is rows[-1]:
                extra = _second_place_toll(art, row, c_start, c_end)
                if extra is not None:
                    rows.append(extra)
                else:
                    rows.extend(_breakdown_tolls(art, rows, row, c_start, sent[1]))
            if row is not None and len(rows) > n_rows and row is rows[-1]:
                paired = _paired_place(art, row, c_start, c_end)
                if paired is not None:
                    rows.append(paired)
            if rows and any(q0 < c_end and c_start < q1 for q0, q1 in art.quotes):
                _fill_from_quote(art, rows[-1], sent, sidx, c_start, c_end)
            if perp and not plural and row is None and rows and not rows[-1].perp_claimed:
                rows[-1].perp, rows[-1].perp_claimed = perp, True  # "X claimed responsibility" on its own
    _later_wounded(art, rows, _sentences(text))
    _story_sides(art, rows, agents)
    if dateline is not None:
        # A dateline abroad ("GENEVA —" on a Congo story) is no fallback for the scene.
        named = {p.place.country_iso3 for p in art.places if p.start >= body_start}
        named.update(c.iso3 for c in art.countries if c.start >= body_start)
        if dateline.country_iso3 not in named or _scene_elsewhere(art, dateline, body_start):
            dateline = None
    return [_finish(r, dateline, art) for r in rows]


def _scene_elsewhere(art: _Article, dateline: geo.Place, body_start: int) -> bool:
    """The body never names the dateline's town but names other towns of its country: a filing place.

    "MAPUTO - Insurgents beheaded five people in Macomia district ... They were attacked on Tuesday":
    the capital is where the story was filed, not the scene of a row the text leaves placeless.
    """
    if dateline.kind == "country":
        return False
    others = False
    for p in art.places:
        if p.start < body_start or p.place.country_iso3 != dateline.country_iso3:
            continue
        if p.place.name == dateline.name or p.place.name == dateline.admin1:
            return False  # the body names the dateline's own town or its region
        if p.place.kind != "country":
            others = True
    # "KHAR, Pakistan - ... near Kitkot village in the Mamound area": towns the gazetteer lacks, marked
    # as places by the body, are other towns too
    return others or any(s.start >= body_start and s.name != dateline.name for s in art.sites)


def _continues_lede(m: _Mention, lede: _Mention) -> bool:
    """Whether ``m`` refers back to the event a toll-bearing lede told without place or day.

    "Five soldiers were killed in a terrorist attack. The terrorists attacked a patrol in Sibi" and
    "Airstrikes on a village killed eight. Thursday's attack on Khuafo village also wounded 20": the
    definite reference in the next sentences places the event the lede counted.
    """
    if not m.anaphoric or m.sidx - lede.sidx > 2 or m.sidx == lede.sidx:
        return False
    if not _types_agree(m.event_type, lede.event_type) or m.generic or m.aggregate:
        return False
    if m.day is not None and lede.day is not None and m.day != lede.day:
        return False
    if m.place is not None and lede.place is not None and m.place.country_iso3 != lede.place.country_iso3:
        return False
    return not (m.country and lede.country and m.country != lede.country)


def _take_lede(m: _Mention, lede: _Mention) -> None:
    """Give ``m`` the lede's tolls, side and sentence (the first mention is the evidence)."""
    m.killed = m.killed or lede.killed
    m.wounded = m.wounded or lede.wounded
    m.perp = m.perp or lede.perp
    if (m.weak_type or m.event_type is None) and lede.event_type is not None and not lede.weak_type:
        # "42 were killed in government air strikes. The attacks hit X on Sunday": the kind the lede named
        m.event_type = lede.event_type
    m.sent = lede.sent


def _fill_from_lede(row: _Row, lede: _Mention, m: _Mention) -> None:
    if (m.weak_type or m.event_type is None) and lede.event_type is not None and not lede.weak_type:
        row.event_type = lede.event_type  # "... in air strikes. The attacks hit X on Sunday"
    row.killed = row.killed or lede.killed
    row.wounded = row.wounded or lede.wounded
    if row.perp is None and lede.perp is not None:
        row.perp, row.perp_claimed = lede.perp, lede.perp_claimed
    row.sent, row.referred = lede.sent, False


# Strikes from afar: the side that fires them is told once, in the lede, and the sites follow.
_STANDOFF_TYPES = frozenset({"airstrike", "shelling"})


def _story_kind(
    art: _Article, rows: list[_Row], main: str | None, agents: list[tuple[int, str, str | None]]
) -> None:
    """A toll told with no weapon in a story of strikes or shelling of one kind is one more of them.

    "Israeli strikes across Gaza killed 28 ... Three people were killed in the town of Zuwaida" and "a
    school in Gaza City was hit": the sites listed after a lede about strikes are strikes too, though
    their own sentence names only a killing or a bare "attack" (otherwise typed armed_attack).
    """
    kinds = {r.event_type for r in rows if r.event_type in _STANDOFF_TYPES}
    if len(kinds) != 1 or any(r.event_type not in _STANDOFF_TYPES and not _untyped(art, r) for r in rows):
        return  # a story of strikes and also of raids or clashes: a bare toll may be either
    kind = kinds.pop()
    if rows[0].event_type != kind or not (agents or any(r.perp for r in rows if r.event_type == kind)):
        return  # the story leads with something else, or no side is known to strike
    where = {
        (r.place.country_iso3 if r.place is not None else r.country) or main
        for r in rows
        if r.event_type == kind
    }
    for row in rows:
        country = (row.place.country_iso3 if row.place is not None else row.country) or main
        if row.event_type == "armed_attack" and row.perp is None and country in where and _untyped(art, row):
            row.event_type = kind


def _untyped(art: _Article, row: _Row) -> bool:
    """Whether the row's sentence names no kind of violence: a killing, or only "attack" or "strike"."""
    return all(
        m.group().lower() in _VAGUE_WORDS or m.group().lower() in _REFERRING or t.event_type == "none"
        for m, t in _triggers(art, *row.sent)
    )


def _story_sides(art: _Article, rows: list[_Row], agents: list[tuple[int, str, str | None]]) -> None:
    """Give strikes and shelling told without their side the one side the story names for them there.

    News reports of strikes lead with who struck ("Israeli strikes across Gaza killed 28", "Fresh
    Russian shelling killed three") and then list the sites one by one ("Another two people were
    killed when a strike hit a tent in Deir el-Balah") without repeating it. A row of that kind takes the
    side named before it for strikes or shelling in the same country when exactly one side is
    (both sides of a war strike each other's country); a hedged sentence keeps none (rules v2).
    """
    main = _main_country(art)
    _story_kind(art, rows, main, agents)
    for row in rows:
        if row.perp is not None or row.event_type not in _STANDOFF_TYPES:
            continue
        where = (row.place.country_iso3 if row.place is not None else row.country) or main
        sides = {perp for pos, perp, c in agents if pos < row.sent[1] and (c or main) == where}
        if len(sides) != 1 or _ACCUSE.search(art.text, row.sent[0], row.sent[1]):
            continue
        row.perp = sides.pop()


# "TTP hideouts", "Hamas positions", "ISIS fighters were killed": the group as target or victims.
_TARGET_RIGHT = re.compile(
    r"\s+(?:[\w\-]+\s+)?(?:hideouts?|positions?|targets?|bases?|camps?|compounds?|strongholds?|"
    r"infrastructure|commanders?|leaders?)\b|\s+(?:[\w\-]+\s+){0,2}(?:were|was|had been|have been)\s+killed\b",
    re.I,
)


_SPEAKER_RIGHT = re.compile(
    r"\s*(?:,[^,]{1,60},\s*)?(?:\w+\s+)?(?:said|says|told|reported|stated|added|denied|accused|blamed|warned|"
    r"confirmed|announced|revealed|disclosed|noted|explained|indicated|informed)\b",
    re.I,
)


# "Security forces opened fire on protesters", "police shot dead two men": a state's unnamed forces.
_BARE_FORCES = re.compile(
    r"(?<![\w\-])(?:security forces|police(?:men)?|troops|soldiers|the army|the military|paramilitar(?:y|ies)|"
    r"government forces)\s+(?:(?!(?:were|was|been|are|is|have|has|had)\b)\w+\s+){0,2}?"
    r"(?:opened fire|fired|shot|killed|raided|shelled|bombed|struck|attacked|stormed|beat|conducted|carried out|"
    # "soldiers killed in an attack", "police shot during the raid": a participle, the forces its victims
    r"launched)\b(?!\s+(?:by|in|during|when|while|after|near|as)\b)",
    re.I,
)


def _forces_state(art: _Article, row: _Row) -> str | None:
    """The state whose unnamed forces acted: the last state force the article named, else the scene's."""
    for am in reversed(art.actors):
        if am.start < row.sent[1] and am.actor.kind == "military" and am.actor.country:
            return state_name(am.actor.country)
    country = row.place.country_iso3 if row.place is not None else row.country
    return state_name(country) if country else None


# "U.S.-backed", "Saudi-led", "Iran-allied": a country that sponsors a side, not where the story is.
_SPONSOR_RIGHT = re.compile(
    r"[\-\u2010\u2011](?:backed|led|allied|funded|sponsored|supported|trained|armed|aligned|based|born)\b",
    re.I,
)


def _main_country(art: _Article) -> str | None:
    """The country the article names most (by name, capital or its places), the dateline's breaking ties."""
    counts: dict[str, int] = {}
    for c in art.countries:
        if c.start >= art.body_start and c.form in ("name", "capital"):
            right = art.text[c.end : c.end + 60]
            if (
                _FORCE_NOUNS.match(right)
                or _SPONSOR_RIGHT.match(right)
                or _EXCLUDED_PLACE_LEFT.search(art.text, max(0, c.start - 25), c.start)
            ):
                # "a U.S. airstrike", "Russia's army": the side that struck, not the scene; "a
                # U.S.-backed militia", "the Saudi-led coalition": a sponsor; "crossed from Afghanistan":
                # where the attackers came from
                continue
            counts[c.iso3] = counts.get(c.iso3, 0) + 1
    for pm in art.places:
        if pm.start >= art.body_start and pm.place.country_iso3:
            counts[pm.place.country_iso3] = counts.get(pm.place.country_iso3, 0) + 1
    if not counts:
        # "fighters killed nine Somali soldiers" and no country named: the people of the scene.
        for c in art.countries:
            if c.start < art.body_start or c.form != "demonym":
                continue
            force = _FORCE_NOUNS.match(art.text[c.end : c.end + 60])
            if force is None or _PERSON_FORCES.search(
                force.group()
            ):  # "an American drone strike": the striker
                counts[c.iso3] = counts.get(c.iso3, 0) + 1
    if not counts:
        return art.dateline_iso3
    return max(counts, key=lambda k: (counts[k], k == art.dateline_iso3))


def _dateline_country(art: _Article) -> str | None:
    """The dateline's country when the body names that country or a place in it (a filing place abroad,
    "GENEVA -" on a Congo story, gives none)."""
    iso3 = art.dateline_iso3
    if not iso3:
        return None
    body = art.body_start
    if any(c.iso3 == iso3 and c.start >= body for c in art.countries) or any(
        p.place.country_iso3 == iso3 and p.start >= body for p in art.places
    ):
        return iso3
    return None


def _hedge_from(text: str, lo: int, pos: int, reach: int = 60) -> int:
    """Where to look for a hedge before an actor named at pos: "suspected cadres of the National
    Democratic Front of Bodoland (NDFB)" hedges the acronym too, so a parenthesised name reaches past
    the spelled-out name before it."""
    if re.search(r"\(\s*$", text[max(lo, pos - 3) : pos]):
        reach += 60
    return max(lo, pos - reach)


def _group_in_evidence(art: _Article, row: _Row) -> str | None:
    """An armed group the evidence sentence names without hedging, not as target or victim.

    A last resort when no clause named the attacker: a sentence about an attack that names one
    armed group ("in the latest TTP attack", "Boko Haram's raid on ...") names it as the side that
    struck; 'suspected', 'blamed', '-linked' and the like leave it unknown (rules v2).
    """
    text = art.text
    s0, s1 = row.sent
    for a in _within(art.actors, s0, s1):
        if a.actor.kind != "armed_group" or _in_quote(art, a.start):
            continue
        if (
            _ACCUSE.search(text, _hedge_from(text, s0, a.start), a.start)
            or _LINKED_RIGHT.match(text, a.end)
            or _DISGUISE_LEFT.search(text, max(s0, a.start - 50), a.start)
            or _VICTIM_WIDE_LEFT.search(text, max(s0, a.start - 30), a.start)
            or _TARGET_RIGHT.match(text, a.end, s1)
            or _victim_group(text, a.start, a.end, s0, s1)
            or _SPEAKER_RIGHT.match(text, a.end, s1)
        ):
            continue
        return _actor_name(a.actor)
    return None


def _state_names(art: _Article) -> set[str]:
    """Perpetrator names of the states the article mentions (a state's forces go by its name)."""
    return {state_name(c.iso3) for c in art.countries}


_QUOTE_MARKS = frozenset("\"\u201c\u2018'")
_JUDICIAL = re.compile(
    r"\b(?:hanged|hanging|hangings|executed|executions?|firing squad|death (?:sentences?|penalty|row)|"
    r"sentenced to death|gallows|lethal injection)\b",
    re.IGNORECASE,
)


# "a second strike in the area", "gunmen attacked a bus there", "outside the town's court": the scene is
# the place told just before. ("there is/was/were ..." only says something exists.)
_PLACE_ANAPHORA = re.compile(
    r"\b(?:in|near|around|inside|outside|attacked|stormed|raided|struck|entered|overran|invaded|shelled|bombed)"
    r"\s+the\s+(?:same\s+)?(?:area|town|city|village)\b(?![\w\-]|\s+of\b)"
    # "During the raid, troops shot four men", "in those attacks, rebels burned two houses": the event told
    # just before, at its place
    r"|\b(?:during|in)\s+(?:the|these|this|that|those)\s+(?:raid|raids|attack|attacks|assault|operation|"
    r"incursion|offensive)\b"
    r"|\bthe\s+(?:town|city|village)(?:['\u2019]s)\s"
    r"|(?<!\w)there\b(?!\s+(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|seems?|"
    r"appears?|remains?|'s|\u2019s|been)\b)",
    re.I,
)


def _place_referred(art: _Article, row: _Row) -> geo.Place | None:
    """The place a placeless event's own sentence points back to ("in the area", "there"), else None."""
    m = _PLACE_ANAPHORA.search(art.text, *row.sent)
    if m is None or _in_quote(art, m.start()):
        return None
    # only the sentence before (or this one's start) holds what "there" points to
    starts = [a for a, _ in _sentences(art.text) if a <= row.sent[0]]
    lo = starts[-2] if len(starts) > 1 else 0
    before = [
        pm.place
        for pm in _within(art.places, max(lo, art.body_start), m.start())
        if pm.place.kind != "admin1" and (row.country is None or pm.place.country_iso3 == row.country)
    ]
    return before[-1] if before else None


_THE_CAPITAL = re.compile(r"\b[Tt]he\s+[Cc]apital\b(?!\s+(?:of|punishment|markets?|gains?)\b)")


def _context_admin1(art: _Article, iso3: str, sent: tuple[int, int]) -> str | None:
    """The province of a place the gazetteer lacks, from the places the story names around it.

    "gunmen raided Kuruwa village in Datu Piang town", "the blast hit Sitapaila, on the edge of the
    capital": a village, neighbourhood or camp told with a listed town or province lies in that town's
    province. The provinces of the same country named in the event's sentence decide when they agree;
    else those named anywhere in the story when there is only one.
    """

    capital = geo.capital_city(iso3)
    capital_admin1 = capital.admin1 if capital is not None else None

    def provinces(start: int, end: int) -> set[str]:
        out = {
            pm.place.admin1
            for pm in _within(art.places, start, end)
            if pm.place.admin1 is not None and pm.place.country_iso3 == iso3
        }
        if capital_admin1 is not None and (
            any(c.form == "capital" and c.iso3 == iso3 for c in _within(art.countries, start, end))
            or _THE_CAPITAL.search(art.text, start, end)
        ):
            out.add(capital_admin1)  # "Kabul" (a capital comes back as its country), "in the capital"
        return out

    near = provinces(*sent)
    if len(near) == 1:
        return near.pop()
    if near:
        return None
    anywhere = provinces(0, len(art.text))  # the dateline too ("MAGUINDANAO, Philippines --")
    if len(anywhere) == 1:
        return anywhere.pop()
    before = [
        pm.place.admin1
        for pm in _within(art.places, 0, sent[0])
        if pm.place.admin1 is not None and pm.place.country_iso3 == iso3
    ]
    return before[-1] if before else None  # the province the story was in last


def _tells_abduction(art: _Article, start: int, end: int) -> bool:
    """Whether text[start:end] has a trigger of an abduction."""
    return any(t.event_type == "abduction" for _, t in _triggers(art, start, end))


def _lede_span(art: _Article) -> tuple[int, int]:
    """(start, end) of the story's first sentence after the dateline."""
    for s0, s1 in _sentences(art.text):
        if s1 > art.body_start:
            return max(s0, art.body_start), s1
    return 0, 0


def _finish(row: _Row, dateline: geo.Place | None, art: _Article) -> Incident:
    place = row.place
    if place is None:
        place = _place_referred(art, row)
    if (
        place is None
        and dateline is not None
        and (row.country is None or row.country == dateline.country_iso3)
    ):
        place = dateline
    perp = row.perp if row.perp is not None else _group_in_evidence(art, row)
    if perp is None and row.state_force:
        perp = _forces_state(art, row)
    event_type = row.event_type
    if event_type in ("bombing", "suicide_bombing") and row.storming:
        # "set off an explosives-laden truck and then overran the post": a complex assault (rules v2: an
        # attack on a post even when it opens with explosives is armed_attack).
        event_type = "armed_attack"
    if (
        event_type == "abduction"
        and row.killed is not None
        and row.killed[0] > 0
        and not _tells_abduction(art, *row.sent)
        and not _tells_abduction(art, *_lede_span(art))
    ):
        # "gunmen killed 17 people ..." then "they also abducted two women": the killing is the event
        # its sentence and the lede tell (an armed attack); a kidnapping told later does not make it one
        event_type = "armed_attack"
    if event_type == "bombing" and perp is not None and perp in _state_names(art):
        event_type = "airstrike"  # "an Israeli bombing of the camp": a state bombs from the air (rules v2)
    if row.event_type == "armed_clash":
        perp = None
    elif (
        perp is None
        and row.event_type == "execution"
        # a scare-quoted '"execution" of nine people' by gunmen is no sentence carried out by a state
        and any(
            not _in_quote(art, j.start()) and art.text[j.start() - 1 : j.start()] not in _QUOTE_MARKS
            for j in _JUDICIAL.finditer(art.text, *row.sent)
        )
        and not _ATTACKER_WORDS.search(art.text, *row.sent)
    ):
        # a state hangs or shoots the condemned; beheadings by fighters ("insurgents beheaded five
        # villagers") are no act of the state whose people they are
        country = place.country_iso3 if place else row.country
        perp = state_name(country) if country else None
    location = admin1 = None
    lat = lon = None
    country = row.country
    if place is not None:
        country = place.country_iso3
        if place.kind != "country":
            location = place.name
            admin1 = place.admin1
            lat, lon = place.latitude, place.longitude
    if not country:
        # the text never places it: the country of the dateline when the body names it too ("KAMPALA,
        # Uganda - ... gunmen raided a village close to the frontier"), else the country the
        # story names most
        country = _dateline_country(art) or _main_country(art)
    if location is not None and admin1 is None and country:
        admin1 = _context_admin1(art, country, row.sent)
    return Incident(
        event_type=event_type,
        perpetrator=perp,
        location=location,
        admin1=admin1,
        country_iso3=country or None,
        latitude=lat,
        longitude=lon,
        occurred_on=row.day,
        killed=row.killed[0] if row.killed else None,
        killed_qualifier=row.killed[1] if row.killed else None,
        wounded=row.wounded[0] if row.wounded else None,
        wounded_qualifier=row.wounded[1] if row.wounded else None,
        start_char=row.sent[0],
        end_char=row.sent[1],
    )
