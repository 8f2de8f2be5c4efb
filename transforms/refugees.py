"""Refugee counts: every number about displaced people.

A count from ``numbers.find_quantities`` becomes a row when the noun phrase after it names displaced
people (refugees, migrants, IDPs ...), or names people (people, families, Afghans ...) and its clause
carries a movement cue (crossed, deported, living in ...). A bare number ("29,400 were deported",
"over 440,000 of them") continues the row before it in the sentence. Countries, period and population
come from the number's clause first, then from the row it continues, then from the article (earlier
rows, dateline). Vocabulary: ``data/refugee_nouns.csv``, ``refugee_cues.csv``, ``refugee_crossings.csv``.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from transforms import actors, dates, geo, numbers
from transforms.lexicon import (
    LexiconError,
    check_choice,
    check_iso3,
    fold,
    load_csv,
    nocase_twin,
    ordered_alternation,
    span_iter,
)
from transforms.records import RefugeeCount

POPULATIONS = frozenset({"refugees", "migrants", "asylum_seekers", "idps", "undocumented", "people"})
UNITS = frozenset({"persons", "families", "households"})
MOVEMENTS = frozenset(
    {"hosted", "arrived", "returned", "deported", "displaced", "resettled", "registered", "other"}
)
_CUE_KINDS = MOVEMENTS | {"crossed", "left", "fled", "evacuated", "voluntary", "casualty", "report", "none"}
_GO_HOME = frozenset({"returned", "deported"})
_NOT_MOVES = frozenset({"report", "casualty", "none", "voluntary"})


# ---------- vocabulary ----------


@dataclass(frozen=True, slots=True)
class _Noun:
    role: str  # displaced | event | people | modifier
    population: str | None
    unit: str | None


@dataclass(frozen=True, slots=True)
class _Cue:
    kind: str
    strong: bool
    population: str | None
    forced: bool | None
    scope: str  # after | before | any


def _phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    """Alternation of ``phrases`` (longest first) at word boundaries, any case, any inner whitespace."""
    alts = sorted({p for p in phrases}, key=len, reverse=True)
    # Same order as a plain alternation, but each first letter is tested once, not once per phrase.
    body = ordered_alternation([_phrase_atoms(p) for p in alts], ignore_case=True)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _phrase_atoms(phrase: str) -> tuple[str, ...]:
    """One regex atom per character of ``phrase``, ``\\s+`` between its words."""
    atoms: list[str] = []
    for k, word in enumerate(phrase.split()):
        if k:
            atoms.append(r"\s+")
        atoms.extend(re.escape(ch) for ch in word)
    return tuple(atoms)


# Cached: called ~46 times per article on a small set of matched phrases (cue words, nouns).
@lru_cache(maxsize=8192)
def _key(s: str) -> str:
    return " ".join(fold(s).split())


def _load_nouns() -> tuple[dict[str, _Noun], dict[str, _Noun]]:
    """Head nouns and modifiers by folded phrase, from ``refugee_nouns.csv``."""
    heads: dict[str, _Noun] = {}
    mods: dict[str, _Noun] = {}
    cols = ("phrase", "role", "population", "unit")
    for row in load_csv("refugee_nouns.csv", cols, required=("phrase", "role")):
        where = f"refugee_nouns.csv {row['phrase']!r}"
        role = check_choice(row["role"], frozenset({"displaced", "event", "people", "modifier"}), where)
        pop = check_choice(row["population"], POPULATIONS, where) if row["population"] else None
        unit = check_choice(row["unit"], UNITS, where) if row["unit"] else None
        if role != "modifier" and (pop is None or unit is None):
            raise LexiconError(f"{where}: head nouns need a population and a unit")
        (mods if role == "modifier" else heads)[_key(row["phrase"])] = _Noun(role, pop, unit)
    return heads, mods


def _load_cues() -> dict[str, list[_Cue]]:
    """Cues by folded phrase (one phrase may carry an "after" and a "before" reading)."""
    out: dict[str, list[_Cue]] = {}
    cols = ("phrase", "movement", "strength", "population", "forced", "scope")
    for row in load_csv("refugee_cues.csv", cols, required=("phrase", "movement", "strength", "scope")):
        where = f"refugee_cues.csv {row['phrase']!r}"
        cue = _Cue(
            kind=check_choice(row["movement"], _CUE_KINDS, where),
            strong=check_choice(row["strength"], frozenset({"strong", "weak"}), where) == "strong",
            population=check_choice(row["population"], POPULATIONS, where) if row["population"] else None,
            forced={"true": True, "false": False, "": None}[
                check_choice(row["forced"], frozenset({"true", "false", ""}), where)
            ],
            scope=check_choice(row["scope"], frozenset({"after", "before", "any"}), where),
        )
        out.setdefault(_key(row["phrase"]), []).append(cue)
    return out


def _load_crossings() -> tuple[dict[str, tuple[str, str]], frozenset[tuple[str, str]]]:
    """Crossings by folded name, and the (from, to) pairs whose usual flow is of arrivals."""
    out: dict[str, tuple[str, str]] = {}
    arrivals: set[tuple[str, str]] = set()
    cols = ("name", "from_iso3", "to_iso3", "flow")
    for row in load_csv("refugee_crossings.csv", cols, required=cols):
        where = f"refugee_crossings.csv {row['name']!r}"
        pair = (check_iso3(row["from_iso3"], where), check_iso3(row["to_iso3"], where))
        out[_key(row["name"])] = pair
        if check_choice(row["flow"], frozenset({"returns", "arrivals"}), where) == "arrivals":
            arrivals.add(pair)
    return out, frozenset(arrivals)


def _load_groups() -> dict[str, str]:
    rows = load_csv("refugee_groups.csv", ("name", "iso3"), required=("name", "iso3"))
    return {_key(r["name"]): check_iso3(r["iso3"], f"refugee_groups.csv {r['name']!r}") for r in rows}


def _load_events() -> dict[tuple[str, str], tuple[dt.date, ...]]:
    """Days of the wars, takeovers and falls of governments by (iso3, kind), earliest first."""
    out: dict[tuple[str, str], list[dt.date]] = {}
    for row in load_csv("refugee_events.csv", ("iso3", "kind", "day"), required=("iso3", "kind", "day")):
        where = f"refugee_events.csv {row['iso3']} {row['day']}"
        kind = check_choice(row["kind"], frozenset({"war", "takeover", "fall"}), where)
        out.setdefault((check_iso3(row["iso3"], where), kind), []).append(dt.date.fromisoformat(row["day"]))
    return {k: tuple(sorted(v)) for k, v in out.items()}


_HEADS, _MODS = _load_nouns()
_CUES = _load_cues()
_EVENTS = _load_events()
_CROSSINGS, _ARRIVAL_ROUTES = _load_crossings()
_GROUPS = _load_groups()
_NOUN_RE = _phrase_regex([*_HEADS, *_MODS])
_CUE_RE = _phrase_regex(list(_CUES))
_CROSSING_RE = _phrase_regex(list(_CROSSINGS))
_GATE_RE = _phrase_regex([k for k, v in _HEADS.items() if v.role == "displaced"])
# Full-text scans run over lower-cased text without IGNORECASE when that is exact (lexicon.nocase_twin).
_CUE_TWIN, _CROSSING_TWIN, _GATE_TWIN = map(nocase_twin, (_CUE_RE, _CROSSING_RE, _GATE_RE))
# "said on Tuesday", "said in a report last year": the date of the telling, not of the movement.
_REPORT_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k, v in _CUES.items() if v[0].kind == "report") + r")\s+"
    r"(?:(?:in|on|at)\s+(?:a|an|its|their|his|her|the)\s+(?:\w+\s+)?(?:report|statement|interview|briefing|post|"
    r"update|conference)\s+)?(?:on\s+|in\s+)?$",
    re.IGNORECASE,
)

# ---------- grammar ----------

_WORD = re.compile(r"\s*([A-Za-z\u00c0-\u024f][\w\u2019'\-]*|[^\w\s])")
# Words that may follow a number without a noun of its own ("29,400 were deported", "2 million lack").
_BARE_NEXT = frozenset(
    {
        *("of", "were", "was", "are", "is", "have", "has", "had", "who", "that", "in", "inside", "within"),
        *(
            "from",
            "into",
            "to",
            "at",
            "across",
            "lack",
            "lacked",
            "chose",
            "already",
            "still",
            "now",
            "alone",
        ),
        *("more", "crossed", "returned", ",", ".", ";", ":", "(", ")", "\u2014", "\u2013"),
        # "to about 81 000 against the same period", "climbed to 12,700 by March 14"
        *(
            "compared",
            "according",
            "up",
            "down",
            "versus",
            "against",
            "by",
            "so",
            "as",
            "during",
            "this",
            "last",
            "for",  # "up to almost three million for the fiscal year"
        ),
        # "has reached 2.4 million due to floods", "rose to 90,000 amid the shelling"
        *("due", "because", "owing", "amid", "after", "following", "since", "until", "over", "on", "with"),
    }
)
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
_AVERAGE = re.compile(r"\baverage\s+of\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_NUMBER_NEXT = re.compile(
    r"\s+(?:(?:about|some|nearly|almost|over|around)\s+)?\d(?![\d.,]*\s*(?:%|per\s?cent|percent))", re.I
)  # another count, not a share ("18,534 or 14.3% fewer")
_CONJUNCTIONS = frozenset({"and", "or", "but", "while"})
_ANAPHOR_OF = re.compile(r"\s*of\s+(?:them|whom|those|these)\b", re.IGNORECASE)
_SENT_ANAPHOR = re.compile(r"\W*(?:of|among)\s+(?:them|those|these|whom)\b", re.IGNORECASE)
# Clause boundaries: cues, countries and dates of the next clause belong to its own numbers.
_BOUNDARY = re.compile(
    r";|\s[\u2014\u2013]\s|,\s+(?:and|while|but|whereas|according\s+to|many\s+of\s+(?:them|whom)|"
    r"most\s+of\s+(?:them|whom)|whose|although|though|compared\s+with|"
    r"bringing|taking|raising|pushing)\b",  # ", bringing the total since April to 600,000": its own figure
    re.IGNORECASE,
)
_AFTER_ONLY_BOUNDARY = re.compile(r",\s+(?:when|which|who|where)\b", re.IGNORECASE)
_SINCE_BEFORE = re.compile(
    r"\bsince\b[^.;]{0,60}$|\b(?:began|started|erupted|broke\s+out)\s+(?:in\s+|on\s+)?$", re.I
)
_FIRST_SPAN = re.compile(r"\b(?:the\s+)?first\s+(?:(\w+)\s+)?(days?|weeks?)\s+(?:of\s+)?$", re.IGNORECASE)
_AND_YEAR = re.compile(r"\s+(?:and|to|through|-|\u2013)\s+((?:19|20)\d\d)\b")
# "leave by March", "stay until June 30": a deadline, not the period the number covers.
_DEADLINE = re.compile(r"\b(?:by|until|till|before|ahead\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
_DEADLINE_IN = re.compile(r"(?:by|until|till|before)\b", re.IGNORECASE)
_SINCE_THEN = re.compile(r"\bsince\s+then\b", re.IGNORECASE)
_SINCE_YEAR_START = re.compile(
    r"\bsince\s+the\s+(?:start|beginning)\s+of\s+(?:the(?:\s+(?:new|current))?|this)\s+year\b|\b(?:for|in)\s+the\s+year\s+(?:so\s+far|to\s+date)\b",
    re.I,
)
_SINCE_CONFLICT = re.compile(
    r"\bsince\s+the\s+(?:war|fighting|conflict|crisis|violence|offensive)\s+(?:began|started|erupted|broke\s+out)\b",
    re.IGNORECASE,
)
_CONFLICT_START = re.compile(
    r"\b(?:began|started|erupted|broke\s+out)\s+(?:in\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?\s+)?(?:in\s+|on\s+)?$"
)  # "since the war began in Burundi in May 2022"
# A group counted across a region names no single host country.
_WORLDWIDE = re.compile(
    r"\b(?:around\s+the\s+world|worldwide|globally|abroad|across\s+(?:Europe|Africa|Asia|the\s+region|"
    r"the\s+European\s+Union|the\s+EU|Latin\s+America|the\s+Middle\s+East)|(?:in|into|to)\s+(?:Europe|the\s+EU|"
    r"the\s+European\s+Union|EU\s+countries))\b",
    re.IGNORECASE,
)
_FOREIGN = re.compile(
    r"\b(?:to|into|in)\s+(?:neighbouring|neighboring|other|nearby|several|third)\s+countries\b|\babroad\b",
    re.I,
)
_FOREIGN_OBJECT = re.compile(
    r"\s+(?:the|their)\s+(?:country|homeland)\b(?!\s+of\b)", re.I
)  # "fled the country"
_BACKREF = re.compile(
    r"\b(?:(?:these|those|the|both)\s+(?:two\s+)?countries|both\s+countries|the\s+country)\b", re.IGNORECASE
)


def _may_backref(text: str) -> bool:
    """False when ``_BACKREF`` cannot match anywhere in ``text``: it has no "countr" in any case."""
    # Exact under re.IGNORECASE: its extra equivalences for ASCII letters only concern "i" and "s".
    # Three in four bench articles fail it, sparing most of ~4.8 _BACKREF scans (~0.17 ms) per article.
    return "countr" in text.lower()


# After "to"/"into"/"towards"/"for": the words that make the flight's end a place inside the country.
# After "to"/"into"/"towards"/"for": up to three words ("the nearby town of", "distant", "Min Gla Gy"),
# then a settlement noun; or straight away a compass direction ("to the south").
_SETTLEMENT = re.compile(
    r"\s*(?:(?:the|a)\s+)?(?:(?:[\w\u2019'-]+\s+){0,3}?"
    r"(?:villages?|towns?|cit(?:y|ies)|districts?|areas?|neighbou?rhoods?|regions?|parts\s+of|provinces?|"
    r"communities|centres|centers|settlements|locations|host\s+communities|relatives)\b"
    r"|(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|"
    r"southwest)(?:\s+of\s+the\s+(?:country|city|region|strip))?(?![\w-]))",
    re.IGNORECASE,
)
_TOWARD = re.compile(
    r"\b(?:to|into|towards?|for)\b(?!\s+(?:safety|their\s+lives|fear|help|food|protection)\b)", re.IGNORECASE
)
_ELSEWHERE = re.compile(r"\belsewhere\s+in\b", re.IGNORECASE)
# "recorded as refugees", "are refugees": the noun describes the counted group, it is not a new one.
# "500 migrants, including women and children, were released": a subset, not a new group.
_SUBSET = re.compile(
    # "including men, women and children"
    # ... and "with their four children" after the group they go with
    r"\b(?:including|among\s+them|mostly|mainly|largely|such\s+as|(?:along\s+)?with\s+(?:their|her|his))\s+"
    r"(?:\w+,?\s+(?:and\s+)?){0,3}$",
    re.IGNORECASE,
)
# "Pakistani police", "Iranian prisons": a country acting on (or holding) the counted people.
_AGENT_NOUN = re.compile(
    r"\s+(?:police|authorities|officials|government|forces|border|security|troops|guards|prisons?|jails?|"
    r"detention|(?:refugee\s+)?camps?|cities|territory|soil)\b"  # "630,000 in Jordanian refugee camps"
)
_NEXT_VERB = re.compile(r"\s+(?:and|or|but|while)\s+(?:\w+\s+){1,2}$", re.IGNORECASE)
_PREDICATE = re.compile(
    r"\b(?:are|were|is|was|be|been|become|became|as|(?:recorded|registered|classified|counted|listed|"
    r"recogni[sz]ed)\s+as)\s+(?:(?:new|registered|former|de\s+facto)\s+)?$",
    re.IGNORECASE,
)
# Phone numbers ("0800-17-202") and numbers inside "these two countries" are never counts.
_PHONE = re.compile(r"0\d|\d+-\d+-\d")
_FROM_NP = re.compile(r"\s+from\s+(?:the\s+)?(?:[A-Z][\w\u2019'-]*\s+(?:and\s+)?)*")
_LINK = re.compile(
    r"\s*[,(]?\s*(?:comprised\s+of|comprising|consisting\s+of|made\s+up\s+of|totall?ing|with|or|or\s+about|"
    r"or\s+some|or\s+nearly|or\s+around|in|from|[\u2014\u2013(])\s*"
)
_PUNCT = re.compile(r"[,;:]")
_COORD_LINK = re.compile(r"\s*,?\s+and\s+", re.IGNORECASE)
_RATE = re.compile(r"(?:a|per|each|every)\s+(?:day|week|month|year)\b", re.IGNORECASE)  # "17,000 a day"
_DASH_OPEN = re.compile(r"[\u2014\u2013]\s*$")
_DASH_CLOSE = re.compile(r"\s*[\u2014\u2013]\s+")
_SUBSET_LINK = re.compile(r"\s*,\s*(?:including|among\s+them|mostly|mainly)\s*", re.IGNORECASE)
_COORD = re.compile(r"\s+(?:and|or)\s+(?:other\s+)?")
_CAMP = re.compile(r"\bcamps?\b", re.IGNORECASE)
_FROM_WORDS = frozenset(
    {"from", "left", "leaving", "leave", "fled", "fleeing", "flee", "departed", "departing"}
)
_TO_WORDS = frozenset(
    {"into", "to", "toward", "towards", "enter", "entered", "entering", "reach", "reached", "for"}
)
_IN_WORDS = frozenset({"in", "inside", "within", "across", "at", "near", "on", "off"})
# "TORKHAM, Afghanistan -", "KABUL (Reuters) -", "ISLAMABAD, Oct 31 (AP) \u2014"
_DATELINE = re.compile(
    r"^([A-Z][A-Z'\u2019.\- ]+[A-Z])(?:,\s*([^\u2014\u2013(\n]{2,40}?))?"
    r"\s*(?:\([^)\n]{1,30}\))?\s*[\u2014\u2013-]+\s"
)
# Any dateline, with or without a date: "Dhaka, 4 September 2024 (TDI):", "Cairo, May 4 (EFE).-".
_DATELINE_ANY = re.compile(
    r"^[A-Z][\w'\u2019.\-]*(?:[ /][A-Z][\w'\u2019.\-]*){0,3}(?:,\s*[^:\n()\u2014\u2013]{2,30}?)?\s*(?:\([^)\n]{1,30}\))?\s*(?:\.?[\u2014\u2013-]+|:)\s"
)
# Words between a preposition and its place: "into neighbouring Chad", "for the district of Hangu".
_PLACE_FILLER = re.compile(
    r"^(?:the|of|neighbouring|neighboring|nearby|western|eastern|northern|southern|central|north|south|east|west|"
    r"northwestern|northeastern|southwestern|southeastern|far|district|province|city|town|state|region|"
    r"capital|area|village|villages|border|camps?|settlements?|shelters?|sprawling|crowded|overcrowded|makeshift|"
    r"refugee|displacement|informal|coastal|island|islands|region|county|township|"
    # "reached the coast of Indonesia's Aceh", "landed on the shores of"
    r"coast|coasts|coastline|shore|shores|soil|territory)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Ref:
    """A country named (or referred back to) in a clause, with the role its preposition gives it."""

    start: int
    isos: tuple[str, ...]
    role: str  # from | to | in | subj | agent | authority
    crossing: bool = False
    named: bool = False  # a country's own name ("to Chad"), not a town or province in it


@dataclass(slots=True)
class _Row:
    start: int
    end: int
    count: int
    qualifier: str
    population: str
    base_population: str
    movement: str
    forced: bool | None
    unit: str
    origin: str | None
    location: list[str] | None
    destination: str | None
    period: tuple[dt.date, dt.date] | None
    sentence: int
    number: int = 0
    refs: list[_Ref] = field(default_factory=list)
    explicit_origin: bool = False
    mixed: bool = False  # several origins named: none is the group's, nor its destination home
    gapped: bool = False  # "..., 1.2 million in Lebanon": a list member whose verb is the first member's
    own_time: bool = False  # a date right after the number ("80,000 last year")
    context_to: str | None = None  # where the sentence before says the same people go ("fleeing to Chad")
    subset: bool = False  # a part of the row before ("including 47,000 Sudanese")
    several: bool = False  # gone to "neighbouring countries": several destinations
    arrived_at: str | None = None  # the country of the place right after an arrival verb
    defaulted: bool = False  # no word said how the group moved: "hosted" only by default
    which_host: str | None = None  # "Turkey, which hosts <number>": the country the relative clause is about
    article_route: tuple[str, ...] | None = (
        None  # the route of arrivals the article names ("the English Channel")
    )


# Periods of official statistics: "in the first quarter of 2019", "Q3 2012", "the first trimester of 2024";
# "in the year to June 2025", "the 12 months to June", "the year ending June 2025"
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_QUARTER = re.compile(
    r"\b(?:(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|trimester)"
    r"(?:\s+of\s+(?:(?P<y>(?:19|20)\d\d)|(?P<rel>this|last|the)\s+year))?|Q(?P<qn>[1-4])\s+(?:of\s+)?(?P<y2>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)
_YEAR_TO = re.compile(
    r"\bthe\s+(?:year|12\s+months|twelve\s+months)\s+(?:to|ending|ended|up\s+to|through)\s+(?:the\s+end\s+of\s+)?"
    r"(?P<m>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b",
    re.IGNORECASE,
)
_QUARTER_NUM = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


# "had crossed the sea by December 21", "By November, 760,000 had crossed": a running total up to a past
# day, not a deadline ("ordered to leave by November 1", "are expected to arrive by June")
_BY_BEFORE = re.compile(r"\b(?:[Bb]y|[Uu]ntil|[Tt]ill|[Uu]p\s+to)\s+(?:the\s+)?$")
_BY_START = re.compile(r"(?:[Bb]y|[Uu]ntil|[Tt]ill)\s")
_DEADLINE_WORD = re.compile(
    r"\b(?:will|would|must|should|ordered|order|deadline|ultimatum|given|expected|expects?|plans?|aims?|to\s+leave|"
    r"to\s+return|to\s+register|to\s+be)\b",
    re.IGNORECASE,
)


def _running_by(art: _Article, start: int, t: dates.TimeExpr) -> bool:
    """Whether "by <time>" before ``t`` closes a running total of the past rather than setting a deadline."""
    text, pub = art.text, art.published
    return (
        pub is not None
        and t.last is not None
        and t.last <= pub
        and (
            _BY_BEFORE.search(text, max(start, t.start - 6), t.start) is not None
            or _BY_START.match(text, t.start)
        )
        and not _DEADLINE_WORD.search(text, start, t.start)
        and not _DEADLINE_WORD.search(text, t.end, min(len(text), t.end + 40))
    )


_LOOKS_AHEAD = re.compile(
    r"\b(?:will|would|could|may|might|expect(?:s|ed)?|plan(?:s|ned)?|aim(?:s|ed)?)\b[^.;]*$"
)


def _statistic_periods(
    text: str, pub: dt.date | None, times: list[dates.TimeExpr] | tuple[dates.TimeExpr, ...]
) -> list[dates.TimeExpr]:
    """The article's times, with quarters and years-to-a-month read as the spans they are (the general
    scan reads "the first quarter of 2019" as 2019 and "the year to June 2025" as June)."""
    extra: list[dates.TimeExpr] = []
    if pub is not None and ("uarter" in text or "rimester" in text or "Q" in text):
        for m in _QUARTER.finditer(text):
            qn = _QUARTER_NUM.get((m.group("q") or "").lower()) or int(m.group("qn") or 0)
            if m.group("y") or m.group("y2"):
                year = int(m.group("y") or m.group("y2"))
            elif (m.group("rel") or "").lower() == "last":
                year = pub.year - 1
            else:
                year = pub.year if dt.date(pub.year, 3 * qn - 2, 1) <= pub else pub.year - 1
            first = dt.date(year, 3 * qn - 2, 1)
            last = dt.date(year, 3 * qn, calendar.monthrange(year, 3 * qn)[1])
            if first <= pub:
                extra.append(dates.TimeExpr(m.start(), m.end(), first, last))
    if pub is not None and (" year " in text or " months " in text):
        for m in _YEAR_TO.finditer(text):
            mon = _MONTHS[m.group("m").lower()]
            year = int(m.group("y")) if m.group("y") else (pub.year if mon <= pub.month else pub.year - 1)
            last = dt.date(year, mon, calendar.monthrange(year, mon)[1])
            first = dt.date(year - 1, mon, 1) + dt.timedelta(days=calendar.monthrange(year - 1, mon)[1])
            if first <= pub:
                extra.append(dates.TimeExpr(m.start(), m.end(), first, last))
    # "fled in just a week", "50,000 arrivals in two days": the span up to publication; not when a date
    # stands next to it ("rescued in three days last month") or the clause looks ahead ("will be moved
    # in two weeks", "expect 5,000 more in a week")
    for t in dates.find_recent_spans(text, pub):
        if any(t.start - 40 < x.end and x.start < t.end + 40 for x in times):
            continue
        if _LOOKS_AHEAD.search(text, max(0, t.start - 80), t.start):
            continue
        extra.append(t)
    if not extra:
        return list(times)
    kept = [
        t for t in times if not any(e.start <= t.start < e.end or t.start <= e.start < t.end for e in extra)
    ]
    return sorted(kept + extra, key=lambda t: t.start)


class _Article:
    """Per-article lookups shared by every number: country mentions, places, dates, sentences."""

    def __init__(self, text: str, published: dt.date | None) -> None:
        self.text = text
        self.published = published
        self.sentences = _sentences(text)
        self.sentence_starts = [x.start for x in self.sentences]
        self.times = _statistic_periods(text, published, dates.find_time_exprs(text, published))
        self.countries = geo.find_countries(text)
        self.places = [p for p in geo.find_places(text) if p.place.country_iso3]
        # a state's own agencies ("ICE deported", "BAMF registered") act in that state
        self.authorities = [m for m in actors.find_actors(text) if m.actor.kind == "government"]
        self.by_start = {m.start: m for m in self.countries}
        self.time_starts = frozenset(t.start for t in self.times)
        self.stat_starts = frozenset(
            t.start for t in self.times if _QUARTER.match(text, t.start) or _YEAR_TO.match(text, t.start)
        )
        self.names = [m for m in self.countries if m.form in ("name", "capital")]
        self.cue_hits = _cue_hits(text)
        self.cue_starts = [h[0] for h in self.cue_hits]
        self.victims: set[int] = set()  # starts of numbers that count the dead or wounded
        dl = _DATELINE_ANY.match(text)
        self.body_start = dl.end() if dl else 0  # "Dhaka, 4 September 2024 (TDI):" dates the report only
        self.conflict_starts = _conflict_starts(self)
        self.host = _dateline_country(self)
        if self.host is None:
            self.host = _most_named(self, None)
        self.may_backref = _may_backref(text)
        # migration-event nouns ("95,000 apprehensions") count only in a story that names displaced people
        self.about_displaced = next(span_iter(_GATE_RE, _GATE_TWIN, text), None) is not None
        self.border_story = _BORDER_WORD.search(text) is not None
        self.crossings = [
            (s, e, _CROSSINGS[_key(text[s:e])]) for s, e in span_iter(_CROSSING_RE, _CROSSING_TWIN, text)
        ]

    def demonym_at(self, start: int, end: int) -> str | None:
        """ISO3 of the demonym or group word spanning exactly [start, end)."""
        m = self.by_start.get(start)
        if m is not None and m.end == end and m.form == "demonym":
            return m.iso3
        return _GROUPS.get(_key(self.text[start:end]))


@dataclass(slots=True)
class _NP:
    kind: str  # displaced | people | bare | other
    end: int
    head: str = ""
    population: str | None = None
    unit: str = "persons"
    origin: str | None = None
    new: bool = False  # "4,000 new refugees": people who have just arrived
    mixed: bool = False  # "Guatemalans, Salvadorans and Hondurans": several origins, none of them the group's


_SPACE = re.compile(r"\s*")
_DEMONYM_LIST = re.compile(
    r"\s*,\s*(?:and\s+|or\s+|then\s+|followed\s+by\s+)?|\s+(?:and|or|then|followed\s+by)\s+"
)
_QUOTES = frozenset("\"'\u201c\u201d\u2018\u2019")


def _noun_phrase(art: _Article, pos: int, end: int) -> _NP:
    """Parse what follows a number: optional "of", modifiers, then a head noun or a people word."""
    text = art.text
    np = _NP("other", pos)
    number_end = pos
    first = True
    skipped = 0
    while True:
        pos = _SPACE.match(text, pos, end).end()  # type: ignore[union-attr]  # \s* always matches
        w = _WORD.match(text, pos, end)
        if w is None:
            np.kind, np.end = "bare", pos
            return np
        word = w.group(1)
        if word in _QUOTES:
            pos = w.end()  # 'An estimated 1.5-2 million "undocumented" Afghans'
            continue
        if first and word.lower() == "of":
            if _ANAPHOR_OF.match(text, pos):
                np.kind, np.end = "bare", pos
                return np
            first, pos = False, w.end()
            continue
        first = False
        m = _NOUN_RE.match(text, pos)
        if m is not None and m.end() <= end:
            k = _key(m.group())
            head, mod = _HEADS.get(k), _MODS.get(k)
            if head and mod and _starts_head(art, m.end(), end):
                head = None
            if head and _FACILITY_NEXT.match(text, m.end()):
                return np  # "three refugee camps", "1,200 IDP sites": things for displaced people, not people
            if head:
                np.kind, np.end, np.unit, np.head = head.role, m.end(), head.unit or "persons", k
                np.population = _merge_pop(np.population, head.population)
                # "migrants and refugees": one group
                co = _COORD.match(text, np.end)
                n2 = _NOUN_RE.match(text, co.end()) if co else None
                # "people and displaced about 12,000 others": a verb, not a second noun
                if (
                    n2 is not None
                    and _key(n2.group()) in _HEADS
                    and n2.end() <= end
                    and _key(n2.group()) != "displaced"
                ):
                    np.end = n2.end()
                    if np.kind == "people":
                        np.kind = _HEADS[_key(n2.group())].role
                return np
            if mod:
                np.population = _merge_pop(np.population, mod.population)
                np.new = np.new or k == "new"
                pos = m.end()
                continue
        iso = art.demonym_at(w.start(1), w.end(1))
        w_end = w.end()
        multi = art.by_start.get(w.start(1))
        if iso is None and multi is not None and multi.form == "demonym" and w.end(1) < multi.end <= end:
            iso, w_end = (
                multi.iso3,
                multi.end,
            )  # "South Sudanese", "Central African": a demonym of several words
        if iso:
            np.origin = np.origin or iso
            last = _demonym_list_end(art, w_end, end, iso)
            if last is not None:
                # "deported 41,206 Eritreans, Somalis, and Ethiopians": one group of several origins
                np.mixed, np.origin = True, None
                np.kind, np.end = "people", last
                np.population = _merge_pop(np.population, "people")
                return np
            if not _starts_head(art, w_end, end):
                np.kind, np.end = "people", w_end
                np.population = _merge_pop(np.population, "people")
                return np
            pos = w_end
            continue
        name = art.by_start.get(w.start(1))
        if (
            name is not None
            and name.form == "name"
            and name.end <= end
            and np.origin is None
            and _starts_head(art, name.end, end)
        ):
            # "5,000 Myanmar nationals", "6,000 Ukraine refugees": a country's name used as the adjective
            np.origin = name.iso3
            pos = name.end
            continue
        if (
            word.lower() in _BARE_NEXT
            or _CUE_RE.match(text, w.start(1))
            or w.start(1) in art.time_starts
            or _RATE.match(text, w.start(1))
            or (
                word.lower() in ("and", "or") and _NUMBER_NEXT.match(text, w.end())
            )  # "1,282,901 and 780,000"
            or (
                # "while 9,000 spontaneously returned", "1,200 illegally crossed": an adverb before the verb
                word[-2:].lower() == "ly"
                and len(word) > 4
                and not text[
                    number_end : w.start(1)
                ].strip()  # "hundreds of newly arrived Rohingyas" is a noun
                and _CUE_RE.match(text, _SPACE.match(text, w.end()).end())  # type: ignore[union-attr]
            )
            or (
                word.lower() in ("and", "or") and _country_name_next(art, w.end())
            )  # "half a million and Chad"
        ):
            np.kind, np.end = "bare", w.start(1)
            return np
        if (
            skipped < 2
            and word[:1].isalpha()
            and word.lower() not in _CONJUNCTIONS  # "9,000 victims and displaced 2 million": a new clause
            and _head_within(art, w.end(), end, 2 - skipped)
        ):
            skipped += 1
            pos = w.end()
            continue
        return np


_FACILITY_NEXT = re.compile(
    r"\s+(?:camps?|settlements?|sites?|centres?|centers?|shelters?|facilit(?:y|ies)|agenc(?:y|ies)|"
    r"organi[sz]ations?|programmes?|programs?|status|cards?|permits?|boats?|routes?|policy|policies)\b",
    re.IGNORECASE,
)


def _country_name_next(art: _Article, pos: int) -> bool:
    """Whether a country's name follows ``pos`` (after spaces): a list of countries goes on."""
    m = art.by_start.get(_SPACE.match(art.text, pos).end())  # type: ignore[union-attr]  # \s* always matches
    return m is not None and m.form == "name"


def _demonym_list_end(art: _Article, pos: int, end: int, iso: str) -> int | None:
    """End of a list of other demonyms coordinated with the one ending at ``pos`` ("Guatemalans,
    Salvadorans, and Hondurans"), or None when no other origin follows."""
    last = None
    while (sep := _DEMONYM_LIST.match(art.text, pos, end)) and (w := _WORD.match(art.text, sep.end(), end)):
        other = art.demonym_at(w.start(1), w.end(1))
        if other is None or art.text[w.end(1) - 1 : w.end(1)] != "s":
            break
        if other != iso:
            last = w.end(1)
        pos = w.end(1)
    return last


def _head_within(art: _Article, pos: int, end: int, words: int) -> bool:
    """Whether a head noun starts within the next ``words`` words after ``pos``."""
    for _ in range(words):
        pos = _SPACE.match(art.text, pos, end).end()  # type: ignore[union-attr]  # \s* always matches
        n = _NOUN_RE.match(art.text, pos)
        if n and n.end() <= end and _key(n.group()) in _HEADS:
            return True
        w = _WORD.match(art.text, pos, end)
        if w is None or not w.group(1)[:1].isalpha() or w.group(1).lower() in _BARE_NEXT:
            return False
        pos = w.end()
    return False


def _starts_head(art: _Article, pos: int, end: int) -> bool:
    """Whether a head noun or people word follows ``pos``, maybe after modifiers ("registered refugees")."""
    for _ in range(4):
        pos = _SPACE.match(art.text, pos, end).end()  # type: ignore[union-attr]  # \s* always matches
        n = _NOUN_RE.match(art.text, pos)
        if n and n.end() <= end:
            k = _key(n.group())
            if k in _HEADS:
                return True
            pos = n.end()
            continue
        w = _WORD.match(art.text, pos, end)
        return bool(w and art.demonym_at(w.start(1), w.end(1)))
    return False


_POP_RANK = {"undocumented": 0, "asylum_seekers": 1, "idps": 2, "refugees": 3, "migrants": 4, "people": 5}


def _merge_pop(a: str | None, b: str | None) -> str | None:
    """The more specific population: undocumented wins over refugees, refugees over people."""
    if a is None or b is None:
        return a or b
    return a if _POP_RANK[a] <= _POP_RANK[b] else b


_THEIR_HOMELAND = r"their\s+(?:own\s+)?(?:home\s+)?(?:country|countries|homeland|motherland)\b"
_OWN_COUNTRY = re.compile(r"\s+(?:(?:back\s+)?(?:to|into|for)\s+)?" + _THEIR_HOMELAND, re.IGNORECASE)
# the same with the preposition required
_OWN_COUNTRY_TO = re.compile(r"\s+(?:back\s+)?(?:to|into|for)\s+" + _THEIR_HOMELAND, re.IGNORECASE)
_INCLUDING = re.compile(r"\bincluding\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_FORCED_TO = re.compile(r"\b(?:forced|compelled|obliged)\s+to\s+$", re.IGNORECASE)
_REFUGE = re.compile(r"(?:sought|seeking|seek|taken|took|take|taking)\s+(?:refuge|shelter)|sheltering", re.I)
_REFUGE_EVENT = re.compile(r"(?:sought|taken|took|take)\s", re.IGNORECASE)
# "in 12 schools", "on the grounds of Kano Polytechnic", "at a church": a building, not a country or town.
_BUILDING = re.compile(
    r"\s+(?:in|on|at|inside)\s+(?:(?:the|a|an)\s+)?(?:[\w\u2019'-]+\s+){0,3}?(?:schools?|mosques?|churches?|campus|"
    r"universit(?:y|ies)|hospitals?|stadiums?|shelters?|buildings?|classrooms|dormitories|warehouses|"
    r"monaster(?:y|ies)|temples?|shrines?|halls?|compounds?|places\s+of\s+worship)\b",
    re.IGNORECASE,
)
_SHELTERING = re.compile(r"sheltering|taking\s+shelter", re.IGNORECASE)  # people sheltering are displaced
_REACHED_TOTAL = re.compile(
    r"\s+(?:(?:about|some|around|nearly|almost|over|more\s+than|at\s+least|roughly|an\s+estimated|a\s+record|"
    r"a\s+total\s+of)\s+)?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|a\s+million|half\s+a)",
    re.IGNORECASE,
)
_LEFT_OBJECT = re.compile(
    r"\s+(?:(?:for\s+)?(?:their|his|her|its)\b|(?:the|such|these|those)\s+(?:country|nation|camps?|city|town|area|region|"
    r"province|border|sites?|settlements?)\b|"
    r"homes?\b|villages?\b|behind\b|voluntarily\b|via\b|through\b|from\b|to\b|on\s+their\s+own\b|[,.;]|$)",
    re.IGNORECASE,
)


def _leaves_somewhere(art: _Article, pos: int) -> bool:
    """Whether "left"/"leave" at ``pos`` leaves a place: a country or place, "the country", "their homes",
    "for Afghanistan", "for their country" (not "left officials scrambling")."""
    if _LEFT_OBJECT.match(art.text, pos):
        return True
    m = re.match(r"\s+(?:for\s+)?(?:the\s+)?", art.text[pos:])
    at = pos + (m.end() if m else 0)
    return any(c.start == at and c.form != "demonym" for c in art.countries) or any(
        p.start == at for p in art.places
    )


_PURPOSE_TO = re.compile(r"\bto\s+$", re.IGNORECASE)
_MUST_TO = re.compile(
    r"\b(?:had|have|has|forced|obliged|compelled|able|begun|began|started|decided|continued?|continues|"
    r"continuing)\s+to\s+$",
    re.I,
)
_POSSESSIVE = re.compile(r"\b(?:their|his|her|its|whose)\s+$", re.IGNORECASE)
# "has forced 50,000 people to flee", "drove thousands of families to seek refuge": a causative verb whose
# object is the counted group; the infinitive is what the group did, not a purpose.
_CAUSED_TO = re.compile(
    r"\b(?:forc(?:ed|es|ing)|compel(?:led|s|ling)|oblig(?:ed|es|ing)|dr(?:ove|iven|ives|iving)|"
    r"push(?:ed|es|ing)|prompt(?:ed|s|ing)|caus(?:ed|es|ing)|le(?:d|ads|ading))\s+"
    r"(?:[^\s;:!?]*[^\s.;:!?]\s+){1,8}?to\s+$",  # "1.2 million" inside, no sentence end
    re.IGNORECASE,
)


def _cues(art: _Article, start: int, end: int, scope: str) -> list[tuple[int, int, _Cue]]:
    """(start, end, cue) of every cue in [start, end) allowed on that side (``scope``) of the number."""
    out: list[tuple[int, int, _Cue]] = []
    for i in range(bisect.bisect_left(art.cue_starts, start), len(art.cue_starts)):
        s, e, cues = art.cue_hits[i]
        if e > end:
            break
        cue = next((c for c in cues if c.scope in (scope, "any")), None)
        if cue is not None and scope == "after" and _POSSESSIVE.search(art.text, max(0, s - 8), s):
            continue  # "limits on their return to Burundi": a noun, not what the counted people did
        if cue is not None and art.text[s : s + 5].lower() == "reach" and _REACHED_TOTAL.match(art.text, e):
            continue  # "the number of refugees in Chad has reached 1.2 million": a total, not an arrival
        if cue is not None and cue.kind == "left" and not _leaves_somewhere(art, e):
            continue  # "has left officials scrambling", "left for what they thought was a wedding"
        if (
            cue is not None
            and cue.kind in ("fled", "arrived")
            and _PURPOSE_TO.search(art.text, max(0, s - 4), s)
            and not _MUST_TO.search(art.text, max(0, s - 24), s)
            and not _CAUSED_TO.search(art.text, max(0, s - 90), s)
        ):
            continue  # "moved to a village to escape attacks": the purpose, not the movement
        if cue is not None:
            out.append((s, e, cue))
    return out


def _next_group(art: _Article, start: int, end: int) -> int:
    """Start of the next population noun phrase in [start, end): its cues are its own."""
    text = art.text
    for m in _NOUN_RE.finditer(text, start, end):
        k = _key(m.group())
        if (
            k in _HEADS
            and k not in _MODS
            and not _PREDICATE.search(text, max(0, m.start() - 40), m.start())
            and not _SUBSET.search(text, max(start, m.start() - 30), m.start())
        ):
            return _back_over_mods(text, start, m.start())
    for c in art.countries:
        if (
            start <= c.start < end
            and c.form == "demonym"
            and text[c.end - 1 : c.end] == "s"
            and not _PREDICATE.search(text, max(0, c.start - 40), c.start)
        ):
            return _back_over_mods(text, start, c.start)
    return end


def _back_over_mods(text: str, floor: int, pos: int) -> int:
    """Move ``pos`` back over the modifiers before a head noun ("registered Afghan refugees")."""
    while True:
        m = re.search(r"([\w-]+)\s+$", text[floor:pos])
        if not m or _key(m.group(1)) not in _MODS:
            return pos
        pos = floor + m.start(1)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".!?"):
        end -= 1
    return end


_SENT_END = re.compile(r"[.?!][\u201d\"\u2019')]*\s+(?=[\u201c\"'(A-Z0-9])")
_ABBREVIATIONS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Gen",
    "Lt",
    "Col",
    "Maj",
    "Capt",
    "Sgt",
    "Gov",
    "Sen",
    "Rep",
    "Rev",
    "Prof",
    "St",
    "No",
    "Nos",
    "vs",
    "approx",
    "est",
    "Inc",
    "Co",
    "Corp",
    "Ltd",
    "Jr",
    "Sr",
)
_INITIALS = re.compile(
    r"(?:\b[A-Z][a-z]?|\b(?:[A-Za-z]\.)+[A-Za-z]?|\b(?:" + "|".join(_ABBREVIATIONS) + r"))$"
)


# If ``_INITIALS`` matches text[start:end] it also matches within its last _INITIALS_REACH characters
# (an abbreviation, one or two letters, or the last "X." of a run of initials, before the end): the
# search need not try every position of the sentence so far (_sentences: 0.21 -> 0.11 ms per article).
_INITIALS_REACH = max(3, *map(len, _ABBREVIATIONS)) + 2


def _sentences(text: str) -> list[_Sentence]:
    """Sentence spans: split at line breaks and at . ? ! before a capital (not after initials like "U.S.")."""
    out: list[_Sentence] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        if start == 0 and (dateline := _DATELINE.match(text)):
            start = dateline.end()  # "KABUL —" is not part of the first sentence's evidence
        for m in _SENT_END.finditer(text, para.start(), para.end()):
            if text[m.start()] == "." and _INITIALS.search(
                text, max(start, m.start() - _INITIALS_REACH), m.start()
            ):
                continue
            out.append(_Sentence(start, _trim_end(text, start, m.start() + 1)))
            start = m.end()
        out.append(_Sentence(start, _trim_end(text, start, para.end())))
    return [s for s in out if s.end > s.start]


def _cut_after(text: str, start: int, end: int) -> int:
    """End of the clause that starts at ``start``."""
    m = _BOUNDARY.search(text, start, end)
    cut = m.start() if m else end
    m2 = _AFTER_ONLY_BOUNDARY.search(text, start, cut)
    return m2.start() if m2 else cut


def _cut_before(text: str, start: int, end: int) -> int:
    """Start of the clause that ends at ``end``."""
    last = start
    for m in _BOUNDARY.finditer(text, start, end):
        last = m.end()
    return last


# ---------- countries around a number ----------


_COMPOUND_ADJ = re.compile(r"\b[a-z]+-[a-z]+\b")


def _role(text: str, floor: int, start: int) -> str:
    """Role the nearest preposition or verb before ``start`` gives the country there ("from", "into" ...)."""
    chunk = re.split(r"[,;:.()\u2014\u2013]", text[max(floor, start - 60) : start])[-1]
    # a compound adjective stands between a preposition and its country: "fled to war-torn Yemen",
    # "into conflict-hit Sudan", "into south-west Uganda"
    chunk = _COMPOUND_ADJ.sub(" ", chunk)
    words = re.findall(r"[\w\u2019']+", chunk)[-6:]
    for j in range(len(words) - 1, -1, -1):
        w = words[j].lower()
        if words[j][:1].isupper() and j < len(words) - 1 or w == "and":
            continue  # "from North and South Waziristan"
        if w == "of" and j > 0 and words[j - 1].lower() == "out":
            return "from"
        if w in _FROM_WORDS:
            return "from"
        if w in _TO_WORDS:
            return "to"
        if w in _IN_WORDS:
            # "arrived in camps in Chad", "fled to camps in Bangladesh": the camps' country is where they went
            return (
                "to"
                if j > 1 and _CAMP.fullmatch(words[j - 1]) and words[j - 2].lower() in ("in", "to", "into")
                else "in"
            )
        if not _PLACE_FILLER.match(w):
            break
    return "subj"


_SHORE_NOUN = re.compile(r"\s+(?:shores?|coasts?|coastline|soil|territory)\b", re.IGNORECASE)


_LED_AFTER = re.compile(r"-(?:led|backed|allied|sponsored|supported|funded|armed|trained|aligned)\b", re.I)


def _refs(art: _Article, start: int, end: int, origin: str | None, number: int = -1) -> list[_Ref]:
    """Countries, places, crossings and back-references ("these two countries") in [start, end).

    A subject country cut off from ``number`` by punctuation belongs to another clause
    ("After Russia's invasion, Poland hosts ...").
    """
    text = art.text
    found: list[tuple[int, int, tuple[str, ...], bool, str]] = []  # start, end, isos, crossing, fixed role
    named: set[int] = set()
    for c in art.countries:
        if start <= c.start and c.end <= end:
            if _LED_AFTER.match(text, c.end):
                continue  # "U.S.-led forces", "Iran-backed militias": who leads them, not where anyone is
            if c.form != "demonym":
                found.append((c.start, c.end, (c.iso3,), False, ""))
                if c.form == "name":
                    named.add(c.start)
            elif c.iso3 != origin and _AGENT_NOUN.match(text, c.end):
                found.append((c.start, c.end, (c.iso3,), False, "agent"))
            elif c.iso3 != origin and _SHORE_NOUN.match(text, c.end):
                # "landed on Italian shores", "arrived on Indonesian soil": the adjective names the country
                found.append((c.start, c.end, (c.iso3,), False, ""))
    for a in art.authorities:
        if start <= a.start and a.end <= end and a.actor.country:
            found.append((a.start, a.end, (a.actor.country,), False, "authority"))
    for p in art.places:
        if start <= p.start and p.end <= end and p.place.kind != "country":
            found.append((p.start, p.end, (p.place.country_iso3,), False, ""))
    for cs, ce, pair in art.crossings:
        if start <= cs and ce <= end:
            found.append((cs, ce, pair, True, ""))
    for m in _BACKREF.finditer(text, start, end) if art.may_backref else ():
        found.append((m.start(), m.end(), _resolve_backref(art, m.start(), m.group(), origin), False, ""))
    found.sort(
        key=lambda f: (f[0], not f[3])
    )  # a crossing's two countries win over its one gazetteer country
    out: list[_Ref] = []
    prev_end, prev_role = -1, ""
    for s, e, isos, crossing, fixed in found:
        if out and s < prev_end:
            continue
        if not isos:
            continue
        if fixed == "authority":
            role = fixed  # a state's migration or border agency: the country it acts in
        elif prev_end >= 0 and re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s*", text[prev_end:s]):
            role = prev_role
        else:
            role = fixed or _role(text, start, s)
        if role == "subj" and e <= number and _PUNCT.search(text, e, number):
            continue
        out.append(_Ref(s, isos, role, crossing, s in named))
        prev_end, prev_role = e, role
    return out


def _resolve_backref(art: _Article, pos: int, phrase: str, origin: str | None) -> tuple[str, ...]:
    """Countries named before ``pos`` that "the country" / "both countries" stand for."""
    before = [
        m for m in art.names if m.end <= pos and m.iso3 != origin and not _LED_AFTER.match(art.text, m.end)
    ]
    if not before:
        return ()
    if "countries" not in phrase.lower():
        return (before[-1].iso3,)
    for a, b in zip(reversed(before[:-1]), reversed(before[1:]), strict=True):
        if a.iso3 != b.iso3 and re.fullmatch(r"\s+and\s+", art.text[a.end : b.start]):
            return (a.iso3, b.iso3)
    seen: list[str] = []
    for m in reversed(before):
        if m.iso3 not in seen:
            seen.append(m.iso3)
        if len(seen) == 2:
            return tuple(reversed(seen))
    return tuple(seen)


# ---------- periods ----------


def _period(
    art: _Article, start: int, q_start: int, end: int, flow: bool = False
) -> tuple[dt.date, dt.date] | None:
    """Period of the time expression in the number's clause: the first after it, else the last before it.
    ``flow``: the number counts a movement, so a total "as of" a day runs from the start of that year."""
    text, pub = art.text, art.published
    if (that := _THAT_YEAR.search(text, start, q_start)) is not None:
        back = _year_before_sentence(art, that.start())
        if back is not None:
            return back
    all_cands = [t for t in art.times if start <= t.start and t.end <= end and t.start >= art.body_start]
    for u in all_cands:
        if (
            u.end <= q_start
            and u.first is not None
            and u.last is not None
            and _WHEN_OWN.fullmatch(text, u.end, q_start)
            and not _SAME_WORDS.search(text, u.end, end)
            # "its highest count since 2014, when ...", "since October last year, when ...": a record
            and not _SINCE_WORD.match(text, u.start)
            and not _SINCE_NEAR.search(text, max(start, u.start - 30), u.start)
        ):
            # "a 64% drop on October, when agents counted 12,400": the when-clause's
            # figure is of the time it hangs on, not of the sentence's own period
            return u.first, u.last
    # "compared to the 4,189 who arrived in the same period in 2018": the number is the baseline itself,
    # and the time of the comparison is its own
    baseline = _BASELINE_BEFORE.search(text, max(start, q_start - 60), q_start)
    cands = [
        t
        for t in all_cands
        if not (
            _REPORT_BEFORE.search(text, max(start, t.start - 60), t.start)
            # "the 24,292 reported in the first quarter of 2017": a span after the number is when it was
            # counted, not the day a statement was made
            and not (
                t.start > q_start and t.first is not None and t.first != t.last and t.start in art.stat_starts
            )
        )
        and not (_DEADLINE.search(text, max(start, t.start - 12), t.start) and not _running_by(art, start, t))
        and not (_DEADLINE_IN.match(text, t.start) and not _running_by(art, start, t))
        and not _BEFORE_EVENT.search(text, max(start, t.start - 70), t.start)
        and not (
            # (the time may begin with the comparison's own "from": "a 64% decrease from May")
            (cmp := _COMPARED.search(text, max(start, t.start - 50), _lead_from_end(text, t)))
            and not (baseline and t.start > baseline.start())
            and not _own_same_period(text, cmp, q_start)
        )
        and not (t.end <= q_start and _tells(art, t, q_start))
        and not _record_since(text, t)
    ]
    for bt in art.times:
        if (
            q_start - 20 <= bt.end <= q_start
            and bt.first is not None
            and bt.last is not None
            and _OPEN_BRACKET.fullmatch(text, bt.end, q_start)
            and not _SAME_POINT.search(text, max(start, bt.start - 30), bt.start)
        ):
            # "from January (17,831) to February (15,163)": the time the bracket follows
            return bt.first, bt.last
    bare_month = _BARE_MONTH_BRACKET.search(text, max(start, q_start - 30), q_start)
    if bare_month is not None and pub is not None:
        # "... to February (15,163)": a month the dates scan leaves alone without "in"; that month, in the
        # year of the month named before it in the sentence, else the latest before publication
        got = dates.resolve_time_expr("in " + bare_month.group(1), pub)
        earlier = [u for u in art.times if start <= u.start < bare_month.start() and u.first is not None]
        if got is not None and earlier and earlier[-1].first is not None and not bare_month.group(2):
            prior = earlier[-1].first
            y = prior.year + (1 if got[0].month < prior.month else 0)
            got = _in_year(got[0], y), _in_year(got[1], y)
        if got is not None and got[0] <= pub:
            return got
    if _PREV_MONTH.match(text, q_start) and pub is not None:
        # "884 in June, up from 742 the month before": the month before the one the sentence names
        si = bisect.bisect_right(art.sentence_starts, q_start) - 1
        s_start = art.sentences[max(si - 1, 0)].start if si >= 0 else start  # or the sentence before
        months = [
            u
            for u in art.times
            if s_start <= u.start < q_start
            and u.first is not None
            and u.last is not None
            and u.first.day == 1
            and (u.first.year, u.first.month) == (u.last.year, u.last.month)
            and u.last.day >= 28
        ]
        named = months[-1].first if months else None
        if named is not None:
            prev_end = named - dt.timedelta(days=1)
            return prev_end.replace(day=1), prev_end
    own = _POSSESSIVE_YEAR.search(text, max(start, q_start - 60), q_start)
    if own is not None and pub is not None:
        # "Last year's total was more than 8,400", "2021's record-breaking 28,526 crossings": the year the
        # number belongs to, whatever the rest of the sentence dates
        rel = (own.group("rel") or "").lower()
        y = int(own.group("y")) if own.group("y") else pub.year - (1 if rel in ("last", "previous") else 0)
        if y <= pub.year:
            return dt.date(y, 1, 1), (pub if y == pub.year else dt.date(y, 12, 31))
    for rec in art.times:
        # "its highest count since 2016, when 88,400 were sent back": the year the record recalls
        if (
            q_start - 200 < rec.end <= q_start
            and _record_since(text, rec)
            and _WHEN_CLAUSE.fullmatch(text, rec.end, q_start)
        ):
            point = _since_point(text, rec, pub)
            if point is not None:
                return point
    for m in _YEAR_START_TO.finditer(text, start, end):
        # "between the start of the year and October 20", "From the beginning of 2020 until 31 October"
        upto = next((u.last for u in all_cands if u.start == m.end() and u.last is not None), None)
        if upto is not None:
            year = int(m.group("y")) if m.group("y") else upto.year
            if dt.date(year, 1, 1) <= upto:
                return dt.date(year, 1, 1), upto
    # "In 2018 there were 32,494 arrivals and in 2017, 29,718": a time opening the next conjunct, right
    # before its own number, is that number's
    after = [
        t
        for t in cands
        if t.start >= q_start
        and not (
            _CONJ_BEFORE.search(text, max(q_start, t.start - 12), t.start)
            and _NUMBER_AFTER.match(text, t.end)
        )
    ]
    before = [t for t in cands if t.end <= q_start]
    t = after[0] if after else (before[-1] if before else None)
    if t is None:
        return _phrase_period(art, start, q_start, end)
    if t.first is None:
        return None  # "in recent months", "recently": the text leaves the period open
    first = t.first
    last = t.last or first
    if (
        first.month == 1
        and first.day == 1
        and last.month == 12
        and last.day == 31
        and first.year == last.year
        and _SAME_POINT.search(text, max(start, t.start - 30), t.start)
    ):
        # "the same period in 2017", "at this stage in 2022", "this time last year": the span of the
        # sentence's own period (else of the year so far) in that year
        ref = next(
            (
                u
                for u in all_cands
                if u.end <= t.start
                and u.first
                and u.last
                and u.first.year == u.last.year
                and (u.first.month, u.first.day, u.last.month, u.last.day) != (1, 1, 12, 31)
            ),
            None,
        )
        if ref is None:
            # "Arrivals in the first quarter of 2019 (16,526) ... lower than the 18,659 registered in the
            # same period last year": the span the sentence (or the one before) gave the first figure
            si = bisect.bisect_right(art.sentence_starts, q_start) - 1
            lo = art.sentences[max(si - 1, 0)].start if si >= 0 else start
            ref = next(
                (
                    u
                    for u in reversed(art.times)
                    if lo <= u.start
                    and u.end <= t.start
                    and u.first
                    and u.last
                    and u.first.year == u.last.year
                    and (u.first.month, u.first.day, u.last.month, u.last.day) != (1, 1, 12, 31)
                    and (u.first.day, u.first.month) == (1, 1)
                ),
                None,
            )
        span = (
            (ref.first, ref.last)
            if ref is not None and ref.first is not None and ref.last is not None
            else ((dt.date(pub.year, 1, 1), pub) if pub else None)
        )
        if span is not None and span[0].year == span[1].year:
            return _in_year(span[0], first.year), _in_year(span[1], first.year)
    if (
        pub is not None
        and first <= pub < last
        and (
            _SO_FAR.match(text, t.end + len(text[t.end :]) - len(text[t.end :].lstrip()))
            or _SO_FAR_BEFORE.search(text, max(0, t.start - 16), t.start)
        )
    ):
        last = pub  # "the total for 2023 to date", "so far in 2023"
    days = _day_chain(art, t)
    if days is not None:
        first, last = days
    follow = [
        u
        for u in art.times
        if u.start > t.end and re.fullmatch(r",?\s+(?:and|to|-|through)\s+", text[t.end : u.start])
    ]
    lead = [
        u
        for u in cands
        if u.end < t.start
        and u.first is not None
        and re.fullmatch(r",?\s+(?:and|to|through)\s+", text[u.end : t.start])
        and re.search(r"\b(?:[Bb]etween|[Ff]rom)\s+$", text[max(0, u.start - 9) : u.start])
    ]
    if lead and lead[-1].first is not None and lead[-1].first <= first:
        first = lead[-1].first  # "Between October 1, 2023, and February 29, 2024, agents apprehended ..."
    if follow and follow[0].last and follow[0].last >= first:
        last = follow[0].last
    elif (and_year := _AND_YEAR.match(text, t.end)) and first.month == 1 and last.month == 12:
        last = dt.date(int(and_year.group(1)), 12, 31)
    head = text[max(start, t.start - 70) : t.start]
    back = _since_ago(art, start, t)
    if back is not None:
        return back
    first_n = _FIRST_SPAN.search(head)
    if first_n:
        n = numbers.parse_quantity(first_n.group(1)) if first_n.group(1) else (1, "exact")
        if n:
            days = n[0] * (7 if first_n.group(2).lower().startswith("week") else 1)
            last = min(last, first + dt.timedelta(days=days - 1))
    elif (
        pub is not None
        and (
            ((since := _SINCE_BEFORE.search(head)) and not _RECORD_BEFORE.search(head, 0, since.start()))
            # "since U.S.-led troops and their allies began their pullout in May": a long subject
            or _SINCE_BEGAN_LONG.search(text, max(start, t.start - 160), t.start)
        )
        and first <= pub
    ):
        last = pub
        first = _conflict_day(art, first, head)
        told = _telling_day(art, start, end)
        if told is not None and first <= told < last:
            last = told  # "On September 30 she said 250,000 have crossed since 23 September"
    elif pub is not None and _AFTER_EVENT.search(head) and first < last <= pub:
        last = pub  # "sheltered there after the junta seized the capital last month": since then
    elif (
        first == last
        or (first.day == 1 and last.day >= 28 and (first.year, first.month) == (last.year, last.month))
    ) and (
        _AS_OF.search(head)
        or (_AS_BEFORE_OF.search(head) and text[t.start : t.start + 3].lower() == "of ")
        or (_BY_START.match(text, t.start) and _running_by(art, start, t))
    ):
        # "As of June 9, over 20,000 had crossed": a running total since the war the article dates;
        # without one, the day a total stands at is not the period it covers
        began = _context_start(art, q_start)
        if (
            began is None
            and flow
            and (
                first == last
                or _END_OF.match(text, t.start)
                # "By November, 760,000 had crossed": to the end of that month
                or (
                    (_BY_BEFORE.search(head) or _BY_START.match(text, t.start))
                    and first.day == 1
                    and (last - first).days <= 31
                )
            )
            and last <= (pub or last)
            # a war the story opens with, left undated, starts the count instead
            and not _WAR_OPENING.search(text, 0, min(q_start, art.body_start + 300))
        ):
            # "248,000 migrants have crossed until Sunday", "arrivals by the end of September": a movement
            # counted up to a day, with no war to count from, is this year's running total
            return dt.date(first.year, 1, 1), last
        if began is None or began >= first:
            return None
        first = began
    if pub is not None and last == pub and first < last:
        last = _counted_until(art, start, t, all_cands, first, pub) or last
    return first, last


# "as of 4 February", "by Friday": the day a running total was counted to
_AS_OF_DAY = re.compile(r"\b(?:as\s+of|as\s+at)\s+(?:the\s+)?$", re.IGNORECASE)


def _counted_until(
    art: _Article, start: int, t: dates.TimeExpr, cands: list[dates.TimeExpr], first: dt.date, pub: dt.date
) -> dt.date | None:
    """The past day a running total up to publication was counted to, when its clause names one: "More than
    16,400 had crossed so far this year by Friday", "as of 4 February, 5,600 had arrived since January"."""
    text = art.text
    for u in cands:
        if (
            u is not t
            and u.first is not None
            and u.first == u.last
            and first < u.first < pub
            and (_AS_OF_DAY.search(text, max(start, u.start - 10), u.start) or _running_by(art, start, u))
        ):
            return u.first
    return None


_SINCE_BEGAN_LONG = re.compile(
    r"\bsince\b(?:[^.;:,]|\.(?=\S)){0,100}?\b(?:began|begun|started|launched|erupted|broke\s+out|escalated|"
    r"invaded|seized)\b[^.;:,]{0,60}$",
    re.IGNORECASE,
)
# "since the offensive began two months ago", "since troops launched an offensive in the south a week ago"
_AGO_TIME = re.compile(r"(?:(?P<n>\w+)\s+)?(?P<u>week|month|year)s?\s+ago$", re.IGNORECASE)
_SINCE_CLAUSE = re.compile(r"\bsince\b[^.;:!?]{0,150}$", re.IGNORECASE)


def _since_ago(art: _Article, start: int, t: dates.TimeExpr) -> tuple[dt.date, dt.date] | None:
    """A running total "since" an event dated "N weeks/months/years ago": from the day that many units
    before publication (not the whole month or year the time names) to publication."""
    pub, text = art.published, art.text
    m = _AGO_TIME.search(text, t.start, t.end)
    if pub is None or m is None or not _SINCE_CLAUSE.search(text, max(start, t.start - 150), t.start):
        return None
    back = _units_back(pub, m.group("n"), m.group("u"))
    return (back, pub) if back is not None else None


def _units_back(pub: dt.date, word: str | None, unit: str) -> dt.date | None:
    """The day ``word`` (a, two, 3...; none: one) days, weeks, months or years before ``pub``."""
    word = (word or "a").lower()
    got = (1, "exact") if word in ("a", "an", "one") else numbers.parse_quantity(word)
    if got is None or not 0 < got[0] <= 60:
        return None
    n, unit = int(got[0]), unit.lower()
    if unit in ("day", "week"):
        return pub - dt.timedelta(days=n * (7 if unit == "week" else 1))
    months = n * (12 if unit == "year" else 1)
    y, mo = divmod(pub.year * 12 + pub.month - 1 - months, 12)
    return dt.date(y, mo + 1, min(pub.day, calendar.monthrange(y, mo + 1)[1]))


# "pushed out by a month-old offensive", "fled the month-long violence", "the 10-day-old war": a running
# total since the event began that many days, weeks or months before publication
_AGED_EVENT = re.compile(
    r"\b(?:(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[- ])?"
    r"(?P<u>day|week|month)[- ](?:old|long)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:offensive|war|conflict|fighting|violence|crisis|siege|operation|campaign|clashes|assault|invasion|"
    r"insurgency|hostilities|bombardment|exodus)\b",
    re.IGNORECASE,
)


_SINCE_WORD = re.compile(r"since\b", re.IGNORECASE)
_SINCE_NEAR = re.compile(r"\bsince\b[^.;,]{0,30}$", re.IGNORECASE)
_WHEN_OWN = re.compile(r",?\s*when\s+[^.;,:]{0,80}", re.IGNORECASE)
_SAME_WORDS = re.compile(r"\bsame\s+(?:period|time|point|stage)\b", re.IGNORECASE)


# "That year, a total of 57,000 crossed", "In that same year, ...": the year the text named last
_THAT_YEAR = re.compile(r"(?:^|(?<=[.!?\n]\s)|\b[Ii]n\s+)(?:[Tt]hat|[Tt]he\s+same|[Tt]hat\s+same)\s+year\b")


def _year_before_sentence(art: _Article, pos: int) -> tuple[dt.date, dt.date] | None:
    """The calendar year of the last time named in the two sentences before ``pos``'s sentence."""
    si = bisect.bisect_right(art.sentence_starts, pos) - 1
    if si < 1:
        return None
    lo = art.sentences[max(si - 2, 0)].start
    hi = art.sentences[si].start
    named = [
        t
        for t in art.times
        if lo <= t.start < hi and t.first is not None and t.last is not None and t.first.year == t.last.year
    ]
    if not named:
        return None
    y = named[-1].first.year  # type: ignore[union-attr]
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


# "Sunday night and Monday", "Saturday, Sunday and Monday", "Saturday night through late Sunday": the link
# between two days named in a row
_DAY_LINK = re.compile(
    r"(?:\s+(?:night|morning|evening|afternoon))?(?:,|,?\s+(?:and|to|through|until|till|into))\s+"
    r"(?:(?:late|early|on)\s+)?",
    re.IGNORECASE,
)


def _day_chain(art: _Article, t: dates.TimeExpr) -> tuple[dt.date, dt.date] | None:
    """The days from the first to the last of a run of days named in a row around ``t`` ("between Sunday
    night and Monday morning", "on the weekend and Monday", "from Saturday night through late Sunday"),
    or None when ``t`` stands alone."""

    def day(u: dates.TimeExpr) -> bool:
        return u.first is not None and u.last is not None and (u.last - u.first).days <= 2

    times, text = art.times, art.text
    if not day(t) or t not in times:
        return None
    lo = hi = times.index(t)
    while (
        lo > 0
        and day(times[lo - 1])
        and _DAY_LINK.fullmatch(text, times[lo - 1].end, times[lo].start)
        and times[lo - 1].first <= times[lo].first  # type: ignore[operator]
    ):
        lo -= 1
    while (
        hi + 1 < len(times)
        and day(times[hi + 1])
        and _DAY_LINK.fullmatch(text, times[hi].end, times[hi + 1].start)
        and times[hi + 1].first >= times[hi].first  # type: ignore[operator]
    ):
        hi += 1
    first, last = times[lo].first, times[hi].last
    if lo == hi or first is None or last is None or (last - first).days > 7:
        return None
    return first, last


# "a record since it began collecting data in 2009", "the largest deportation since April 1", "the highest
# count since 2014": the "since" dates the comparison, not the span the number covers
_RECORD_WORD = r"\b(?:record|highest|lowest|largest|biggest|greatest|smallest|fewest|worst|busiest|first\s+time|all-time)\b"
_RECORD_BEFORE = re.compile(_RECORD_WORD + r"[^.;]{0,80}$", re.IGNORECASE)
_IDP_SITE = re.compile(
    r"\b(?:IDPs?|displacement|displaced\s+(?:persons?|people))['\u2019]?\s+(?:camps?|sites?|settlements?|centres?|"
    r"centers?|shelters?)\b",
    re.IGNORECASE,
)
_PREV_MONTH = re.compile(
    r"[^.;,]{0,40}?\b(?:the\s+(?:previous|preceding|prior)\s+month|the\s+month\s+before|a\s+month\s+earlier)\b",
    re.IGNORECASE,
)
_SO_FAR_BEFORE = re.compile(r"\b(?:so|thus)\s+far\s+(?:in\s+)?$", re.IGNORECASE)
_POSSESSIVE_YEAR = re.compile(
    r"(?:\b(?P<y>(?:19|20)\d\d)|\b(?P<rel>last|this|previous)\s+year)['\u2019]s\s+(?:[\w-]+\s+){0,4}$",
    re.IGNORECASE,
)
_WHEN_CLAUSE = re.compile(r"(?:\s+(?:last|this)\s+year)?,?\s+when\b[^.;]*", re.IGNORECASE)


_RECORD_SINCE_IN = re.compile(_RECORD_WORD + r"[^.;]{0,80}\bsince\b[^.;,]{0,60}$", re.IGNORECASE)


def _record_since(text: str, t: dates.TimeExpr) -> bool:
    """Whether ``t`` is "since ..." after a superlative or record in its sentence, or a time inside one
    ("the largest increase since a crisis began three years ago")."""
    if text[t.start : t.start + 5].lower() == "since":
        return bool(_RECORD_BEFORE.search(text, max(0, t.start - 80), t.start))
    return bool(_RECORD_SINCE_IN.search(text, max(0, t.start - 150), t.start))


def _since_point(text: str, t: dates.TimeExpr, pub: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The point a record's "since X" names: "since 2014" is 2014, "since April 1" that day."""
    if pub is None:
        return None
    rest = text[t.start + 5 : t.end].strip()
    for s in (rest, "in " + rest):
        got = dates.resolve_time_expr(s, pub)
        if got is not None and got[0] is not None:
            return got
    return None


_CONJ_BEFORE = re.compile(r"\b(?:and|while|but|whereas)\s+$", re.IGNORECASE)
_NUMBER_AFTER = re.compile(r",?\s+(?:(?:about|some|around|nearly|almost|over|more\s+than|at\s+least)\s+)?\d")
_YEAR_START_TO = re.compile(
    r"\b(?:between|from)\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+year|this\s+year|(?P<y>(?:19|20)\d\d))\s+"
    r"(?:and|until|till|to|through)\s+",
    re.IGNORECASE,
)


def _in_year(day: dt.date, year: int) -> dt.date:
    """``day`` moved to ``year`` (February 29 becomes February 28)."""
    return (
        day.replace(year=year, day=min(day.day, 28))
        if (day.month, day.day) == (2, 29)
        else day.replace(year=year)
    )


_CHANGE_WORD = re.compile(
    r"compar|\bthan\b|versus|\bup\b|\bdown\b|%|per\s*cent|\b(?:rise|rose|fell|fall|increase|decrease|drop)",
    re.IGNORECASE,
)


def _own_same_period(text: str, cmp: re.Match[str], q_start: int) -> bool:
    """ "1,200 migrants arrived in the same period last year", "In the same period last year, 1,200 ...":
    the number's own period, when nothing between them compares it with another figure."""
    if cmp.group(0)[:4].lower() not in ("same", "corr"):
        return False
    gap = text[q_start : cmp.start()] if cmp.start() > q_start else text[cmp.end() : q_start]
    return _CHANGE_WORD.search(gap) is None


# "compared to 4,189 ...", "lower than the 38,129 people who ...", "up from 2,000 ...": the number itself
# is the baseline of a comparison
_BASELINE_BEFORE = re.compile(
    r"\b(?:compared?\s+(?:to|with)|compares\s+(?:to|with)|(?<!more\s)(?<!less\s)(?<!fewer\s)(?<!rather\s)(?<!greater\s)(?<!other\s)than|"
    r"versus|up\s+from|down\s+from)\s+(?:the\s+)?(?:[\w,.-]+\s+){0,3}$",
    re.IGNORECASE,
)
# "the same period in 2017", "the corresponding period of 2022", "at this stage in 2022", "this time last year"
_SAME_POINT = re.compile(
    r"\b(?:(?:same|corresponding)\s+(?:period|time|months?)|this\s+(?:time|stage|point))\s+(?:in|of|during)?\s*$",
    re.IGNORECASE,
)
# "compared to last year", "the corresponding period in 2023", "than in 2022": a baseline, not the period.
_COMPARED = re.compile(
    r"\b(?:compared\s+(?:to|with)|than\s+(?:in|during|over|the\s+same)|versus|year-on-year|similar\s+to|"
    r"(?:same|corresponding)\s+period|(?:increase|decrease|rise|drop|fall|decline)\s+from\s+(?!the\s+same\b)|"
    # "up a fifth on the previous year", "down by a third on last year"
    r"(?:up|down)\s+(?:by\s+)?[^.;,]{0,20}?\s+on)[^.;,]{0,30}$",
    re.IGNORECASE,
)
# "hosting a million displaced people before the escalation of fighting on February 26": the event's date
_BEFORE_EVENT = re.compile(
    r"\b(?:before|prior\s+to|ahead\s+of)\s+(?:the|a|an|its|their)\b[^.;,]{0,60}$", re.I
)
_AS_OF = re.compile(r"\b(?:as\s+of|as\s+at|by|until|up\s+to)\s+(?:the\s+)?$", re.IGNORECASE)
_WAR_OPENING = re.compile(
    r"\b(?:war|conflict|fighting|offensive|(?:air)?strikes|attacks|bombing|shelling|invasion|hostilities|bombardment|"
    r"insurgency)\b",
    re.IGNORECASE,
)
_END_OF = re.compile(r"end\s+of\b", re.IGNORECASE)
_AS_BEFORE_OF = re.compile(r"\bas\s+$", re.IGNORECASE)  # "as" + a time read as "of October 2023"
# (not "arrived after making the crossing in 2023": a gerund tells the journey itself, not an event before it)
_AFTER_EVENT = re.compile(
    r"\b(?:after|following)\b(?!\s+(?!(?:fighting|bombing|shelling|uprising|killings?|flooding|looting|rioting)\b)"
    r"\w+ing\b)[^.;,]{3,80}$",
    re.IGNORECASE,
)
_REPORT_AFTER = re.compile(
    r"^[^.;]{0,130}?\b(?:said|says|told|stated|reported|announced|added|noted|confirmed)\b", re.IGNORECASE
)


_LEAD_FROM = re.compile(r"from\s+", re.IGNORECASE)


def _lead_from_end(text: str, t: dates.TimeExpr) -> int:
    """Where time ``t`` ends its leading "from " ("from May" → after "from "), else where it starts."""
    m = _LEAD_FROM.match(text, t.start, t.end)
    return m.end() if m is not None else t.start


def _tells(art: _Article, t: dates.TimeExpr, q_start: int) -> bool:
    """Whether a single day before the number dates a statement about it: "On September 3, the adviser
    told reporters that 8,000 have entered"."""
    if t.first is None or t.first != t.last:
        return False
    for i in range(bisect.bisect_left(art.cue_starts, t.end), len(art.cue_starts)):
        if art.cue_starts[i] >= q_start:
            break
        if art.cue_hits[i][2][0].kind == "report":
            return True
    return False


def _telling_day(art: _Article, start: int, end: int) -> dt.date | None:
    """The day a statement in [start, end) was made, when it is dated ("On September 30, X said")."""
    for t in art.times:
        if (
            start <= t.start < end
            and t.first is not None
            and t.first == t.last
            and _REPORT_AFTER.match(art.text, t.end, end)
        ):
            return t.first
    return None


def _conflict_day(art: _Article, first: dt.date, head: str) -> dt.date:
    """ "since the conflict broke out last month": the day the article dates that outbreak, if in that month."""
    if first.day != 1 or not _WAR_WORD.search(head):
        return first
    for _, day, exact in art.conflict_starts:
        if exact and (day.year, day.month) == (first.year, first.month):
            return day
    return first


_WAR_WORD = re.compile(
    r"\b(?:war|conflict|fighting|violence|clashes|offensive|strikes|airstrikes|attacks?|invasion|crisis|takeover|"
    r"crackdown|hostilities|bombardment|insurgency|uprising)\b",
    re.IGNORECASE,
)
_OUTBREAK_BEFORE = re.compile(
    r"\b(?:began|begun|started|erupted|broke\s+out|launched|escalated|seized\s+power|took\s+(?:over|control)|"
    r"invaded|invasion|takeover|outbreak|coup|overthrew|ousted|toppled)\b[^.;]{0,90}$",
    re.IGNORECASE,
)
_DAY_IN = re.compile(r"(?<![\d])(?:[0-2]?\d|3[01])(?![\d])")


def _conflict_starts(art: _Article) -> list[tuple[int, dt.date, bool]]:
    """(position, first day, names a day) of every date the article gives a war, offensive or takeover
    ("since the war began in May 2022", "Since March 3, 2022, the army and the rebels have been fighting
    for the north", "the rebel capture of Goma on Jan. 27")."""
    text, pub = art.text, art.published
    out: list[tuple[int, dt.date, bool]] = []
    for t in art.times:
        if t.first is None or t.start < art.body_start or (pub is not None and t.first > pub):
            continue
        own = text[t.start : t.end]
        before = text[max(0, t.start - 100) : t.start]
        si = bisect.bisect_right(art.sentence_starts, t.start) - 1
        sent = art.sentences[si] if si >= 0 else None
        since_war = (
            own[:5].lower() == "since" and sent is not None and _WAR_WORD.search(text, sent.start, sent.end)
        )
        if _OUTBREAK_BEFORE.search(before) or since_war:
            out.append((t.start, t.first, bool(_DAY_IN.search(own))))
    days = [(d, exact) for _, d, exact in out if exact]
    # "since the conflict broke out last month" and "the conflict broke out on Apr. 15": one outbreak
    return [
        (pos, next((d for d, _ in days if (d.year, d.month) == (day.year, day.month)), day), True)
        if not exact and day.day == 1 and any((d.year, d.month) == (day.year, day.month) for d, _ in days)
        else (pos, day, exact)
        for pos, day, exact in out
    ]


def _context_start(art: _Article, pos: int) -> dt.date | None:
    """The nearest war or offensive start dated before ``pos`` (running totals count from it)."""
    before = [c for c in art.conflict_starts if c[0] < pos]
    return before[-1][1] if before else None


# "since the start of the war", "since the outbreak of fighting": from the war the article dates
_SINCE_WAR_START = re.compile(
    r"\bsince\s+the\s+(?:(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+)?(?:war|conflict|fighting|invasion|"
    r"crisis|hostilities|violence)|(?:military\s+)?(?:takeover|coup|invasion))\b",
    re.IGNORECASE,
)
# "so far", "to date": a running total since the conflict the article dates.
_SO_FAR = re.compile(r"\b(?:so\s+far|to\s+date|thus\s+far)\b", re.IGNORECASE)
# "The conflict has killed thousands and displaced millions": the war the sentence before dates.
_EVENT_SUBJECT = re.compile(
    r"\W*(?:The|This|That|These|Those)\s+(?:\w+\s+){0,2}(?:conflict|war|fighting|violence|strikes|airstrikes|"
    r"attacks|offensive|crisis|clashes|bombardment|invasion|hostilities)\b"
)


_PERFECT_AFTER = re.compile(
    r"[^.;:]{0,60}?\b(?:have|has)\s+(?:\w+\s+){0,2}?(?:been\s+(?:\w+\s+)?(?:displaced|uprooted|driven|forced|pushed)|"
    r"had\s+to\s+(?:leave|flee)|fled)\b",
    re.IGNORECASE,
)
_YEAR_START_WORDS = re.compile(r"[Ss]ince\s+the\s+(?:start|beginning)\s+of\s+(?:this|the)\s+year\b")
_PERFECT_BEFORE = re.compile(
    r"\b(?:have|has)\s+(?:\w+\s+){0,2}?(?:displaced|uprooted|forced|driven|pushed)\b[^.;:]{0,40}$",
    re.IGNORECASE,
)


def _phrase_period(art: _Article, start: int, q_start: int, end: int) -> tuple[dt.date, dt.date] | None:
    """Periods left to context: "since then", "since the war began", "since the start of the year", "so far",
    "The conflict has displaced millions" (the war dated just before)."""
    pub, text = art.published, art.text
    if pub is None:
        return None
    si = bisect.bisect_right(art.sentence_starts, q_start) - 1
    sent_start = art.sentences[si].start if si >= 0 else start
    if _SINCE_CONFLICT.search(text, start, end):
        for t in art.times:
            if (
                t.first
                and t.first <= pub
                and t.end <= start
                and (
                    _CONFLICT_START.search(text, max(0, t.start - 40), t.start)
                    or _SINCE_CONFLICT.match(text, t.start, t.end)  # "Since the war began in May 2022, ..."
                )
            ):
                return t.first, pub
    since_war = _SINCE_WAR_START.search(text, start, end) or _SINCE_CONFLICT.search(text, start, end)
    if (
        si > 0
        and (_PERFECT_AFTER.match(text, q_start, end) or _PERFECT_BEFORE.search(text, sent_start, q_start))
        and (
            dated := [
                c
                for c in art.conflict_starts
                if art.sentences[si - 1].start <= c[0] < sent_start
                and not _YEAR_START_WORDS.match(text, c[0])  # a year-start "since" dates no war
            ]
        )
        and dated[-1][1] <= pub
    ):
        # "The conflict broke out in June 2024 ... . About 310,000 residents have since been uprooted":
        # a running total (a perfect tense) right after the sentence that dates the war counts from it
        return dated[-1][1], pub
    if _SO_FAR.search(text, start, end) or _EVENT_SUBJECT.match(text, sent_start) or since_war:
        first = _context_start(art, q_start)
        if first is None and since_war and art.conflict_starts:
            # a lede "... uprooted since the outbreak of the war", the war dated further down
            first = art.conflict_starts[0][1]
        if first is not None and first <= pub:
            return first, pub
    aged = _AGED_EVENT.search(text, start, end)
    if aged is not None:
        back = _units_back(pub, aged.group("n"), aged.group("u"))
        if back is not None:
            return back, pub
    if _SINCE_YEAR_START.search(text, start, end):
        return dt.date(pub.year, 1, 1), pub
    if _SINCE_THEN.search(text, start, end):
        earlier = [t for t in art.times if t.end <= start and t.first is not None]
        if earlier and earlier[-1].first and earlier[-1].first <= pub:
            return earlier[-1].first, pub
    return None


# ---------- one number ----------


def _casualty(
    text: str,
    cues_before: list[tuple[int, int, _Cue]],
    cues_after: list[tuple[int, int, _Cue]],
    q_start: int,
    own_head: bool = False,
) -> bool:
    """True when the number counts victims ("killing 57 people", "three Afghans were killed").

    ``own_head``: the number names displaced people itself, so a casualty verb before it and "and"
    belongs to the conjunct before ("Thousands have been killed and two million displaced")."""
    prev_end = -1
    participle = False
    for k, (s, e, c) in enumerate(cues_after):
        if c.kind == "casualty" and participle:
            if _PASSIVE_BEFORE.search(text, max(0, s - 25), s):
                return True  # "21 civilians returning from a fair were murdered": victims on their way
            continue
        if c.kind == "casualty" and (prev_end < 0 or len(text[prev_end:s].split()) <= 2):
            return True  # "were evacuated and treated for burns": a medical evacuation
        if c.strong and c.kind not in ("report", "none", "voluntary"):
            if k == 0 and text[s:e].lower().endswith("ing") and _PARTICIPLE_GAP.fullmatch(text, q_start, s):
                participle = True  # the group's participle; its clause's verb comes later
                continue
            if c.kind != "evacuated":
                break
            prev_end = e
    for s, e, c in reversed(cues_before):
        if c.kind not in ("casualty", "report", "none", "voluntary"):
            break  # "killed thousands and displaced 9 million": the nearer verb governs the number
        if (
            c.kind == "casualty"
            and len(text[e:q_start].split()) <= 3
            and not _OWN_NUMBER.search(text, max(0, s - 24), s)
            and not (own_head and _AND_NEXT.match(text, e))
        ):
            return True
    return False


# "21 civilians returning from ...", "300 migrants fleeing ...": a participle right after the group
_PARTICIPLE_GAP = re.compile(r"[\d,.]+\s+(?:[A-Za-z-]+\s+){0,2}")
_PASSIVE_BEFORE = re.compile(r"\b(?:were|was|are|is|been)\s+(?:\w+\s+)?$", re.IGNORECASE)


# "some 40,000 have been displaced", "2 million were internally displaced": the number is the subject
# of a displacement verb, so it counts people even without a noun
_BARE_DISPLACED = re.compile(
    r"\s+(?:have|has|had|were|are|was|is)\s+(?:now\s+|also\s+)?(?:been\s+)?(?:\w+ly\s+)?(?:displaced|uprooted)\b",
    re.IGNORECASE,
)
# "landed on November 15 and 16", "on May 3, 4 and 5": the second day of a list of days, not a count
_DAY_LIST_BEFORE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?:\s*,\s*\d{1,2})*\s*(?:,|and|&|to|-|\u2013)\s*$"
)
_VESSEL_CUES = frozenset({"carrying", "on board", "aboard"})
_AND_NEXT = re.compile(r"\s*,?\s+and\s", re.IGNORECASE)
# "over 90 wounded and nearly 12,000 displaced", "a dozen people had been wounded and some 2,000
# displaced": the casualty word has its own number before it.
_OWN_NUMBER = re.compile(
    r"(?:\d|\b(?:dozens?|hundreds|thousands|millions|others|people))\s+(?:(?:were|are|was|is|had|have|has)\s+)?"
    r"(?:been\s+)?$",
    re.IGNORECASE,  # "Dozens have died and some 40,000 have been displaced"
)
# "has killed 20,000 and displaced 14 million", "apprehended more than 145,000": the number is the object
# of a verb that moves people, with at most a qualifier between them.
_OBJECT_GAP = re.compile(
    r"\s*(?:(?:some|about|around|nearly|almost|over|more\s+than|at\s+least|an\s+estimated)\s+)?$"
)


def _object_of(art: _Article, cues_before: list[tuple[int, int, _Cue]], q_start: int) -> bool:
    """Whether the number is the object of a displacement verb ("displaced 14 million") or, in a border
    story, of an apprehension ("agents apprehended more than 145,000")."""
    if not cues_before:
        return False
    s, e, cue = cues_before[-1]
    if not _OBJECT_GAP.fullmatch(art.text, e, q_start):
        return False
    return cue.kind == "displaced" or (art.border_story and _BORDER_EVENT.match(art.text, s) is not None)


_BARE_MONTH_BRACKET = re.compile(
    r"\b(?:to|and|then|,)\s+((?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)(\s+(?:19|20)\d\d)?)\s*\(\s*$"
)
_OPEN_BRACKET = re.compile(r"\s*\(\s*")


def _pick(cues: list[tuple[int, int, _Cue]], strong: bool, last: bool) -> tuple[int, int, _Cue] | None:
    """The first (or ``last``) movement cue of the given strength."""
    hits = [
        x
        for x in cues
        if x[2].strong == strong and x[2].kind not in ("report", "none", "voluntary", "casualty")
    ]
    if not hits:
        return None
    return hits[-1] if last else hits[0]


_HOST_VERB = re.compile(r"(?:hosts|hosting|hosted|host|houses|home\s+to)\b", re.IGNORECASE)
_PROJECTED_AFTER = re.compile(
    r"[^.;,:\n]{0,60}?\b(?P<verb>(?:are|is)\s+(?:now\s+|also\s+)?(?:expected|projected|forecast|predicted|likely)\s+to)\b",
    re.IGNORECASE,
)
_DONE_BETWEEN = re.compile(
    r"\b(?:and\s+(?:more|others|many|another)|have|has|had|were|was|\w+ed)\b", re.IGNORECASE
)
_CAPACITY_BEFORE = re.compile(
    r"(?:\b(?:will|would|could|can)\s+(?:be\s+able\s+to\s+)?(?:host|accommodate|house|shelter|hold|take\s+in)\s+"
    # "a transit centre with a capacity of about 2,500", "room for a capacity of 400 people"
    r"|\bcapacity\s+(?:of|for)\s+(?:just\s+|only\s+|barely\s+)?"
    # "returns could reach 150,000 within a year", "is expected to climb to 90,000"
    r"|\b(?:could|may|might|would|will|(?:is|are)\s+(?:expected|projected|forecast|likely|set)\s+to)\s+"
    r"(?:\w+\s+)?(?:reach|climb\s+to|rise\s+to|hit|exceed|top|surpass|swell\s+to|grow\s+to|increase\s+to)\s+)"
    r"(?:up\s+to\s+|at\s+least\s+|about\s+|some\s+|around\s+|an\s+additional\s+|another\s+|over\s+|"
    r"more\s+than\s+|as\s+many\s+as\s+)?$",
    re.IGNORECASE,
)
# "58 migrants, including three minors and 12 women, landed": women, children and minors listed inside the
# group are a breakdown of it, neither a count of their own nor the end of the group's clause
_DEMOGRAPHIC_HEADS = frozenset(
    {"women", "children", "minors", "men", "girls", "boys", "babies", "infants", "teenagers", "elderly"}
)
_INCLUDING_LIST = re.compile(
    r"\bincluding\s+(?:[^.;:()]{1,40}?(?:\s*,\s*|\s+and\s+))?"
    r"(?:(?:at\s+least|about|around|some|nearly|almost|more\s+than|over|up\s+to)\s+)?$",
    re.IGNORECASE,
)
_OWN_NATION = re.compile(
    r"\s+(the|their(?:\s+own)?|its)\s+(?:home\s+)?(?:country|nation|homeland|motherland)\b", re.IGNORECASE
)
# "have received temporary protection", "were granted temporary protection": a registration, where "have
# temporary protection" alone is a stock of people hosted
_PROTECTION_GIVEN = re.compile(
    r"\b(?:received|receiving|granted|given|obtained|registered|registrations?)\b(?:\s+[\w-]+){0,4}\s+$",
    re.IGNORECASE,
)
_SETTLEMENT_OBJECT = re.compile(
    r"\s+(?:their\s+|its\s+|the\s+|some\s+)?(?:own\s+)?(?:\w+\s+)?(?:homes?|villages?|houses?|towns?|neighbou?rhoods?)\b",
    re.IGNORECASE,
)
# "displaced within Burkina Faso", "displaced across Myanmar", "displaced in Manipur": inside one country.
# Also past a cause or a time ("displaced by drought in Somalia", "displaced over the past week in central
# Iraq") and a compass word before the place.
_DISPLACED_IN = re.compile(
    r"\s+(?:at\s+least\s+once\s+)?(?P<gap>by\s+(?:[\w-]+\s+){1,3}?|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?\w+\s+)?"
    r"(?:(?P<in>in)|within|inside|across|throughout)\s+"
    r"(?P<compass>(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?"
    r"(?:the\s+country\b)?",
    re.IGNORECASE,
)


def _displaced_in(art: _Article, pos: int) -> bool:
    """ "displaced within Burkina Faso", "across Myanmar", "in Manipur" (a country or gazetteer place)."""
    m = _DISPLACED_IN.match(art.text, pos)
    if m is None or (m.group("compass") and not m.group("gap")):
        return False  # "from their homes in central Mali": where the homes are
    if not m.group("in") or m.group(0).rstrip().endswith("country"):
        return True
    at = m.end()
    return any(c.start == at and c.form != "demonym" for c in art.countries) or any(
        p.start == at for p in art.places
    )


_INSIDE_OPENER = re.compile(r"\s*(?:Across|Inside|Within|Throughout)\s+[A-Z]")
_SHELTER = re.compile(r"\b(?:camps?|shelters?|sheltering|seeking\s+shelter|sheltered)\b", re.IGNORECASE)


def _displaced_inside(
    art: _Article, sent: _Sentence, q_start: int, chosen: tuple[int, int, _Cue], clause_end: int
) -> bool:
    """Whether people "displaced" are shown to stay inside their country (idps) rather than merely uprooted.

    "displaced within Burkina Faso", "In Mali, 400,000 people are now displaced", "displaced ...,
    many of whom lived for years in camps", "displaced from farms to the towns".
    """
    text = art.text
    if chosen[2].kind != "displaced":
        return False
    if chosen[0] >= q_start and _displaced_in(art, chosen[1]):
        return True
    sent_start = sent.start
    if _INSIDE_OPENER.match(text, sent_start):
        return True
    if _SHELTER.search(text, q_start, sent.end) or _SHELTER.search(
        text, max(sent_start, q_start - 40), q_start
    ):
        return True
    return _inside_flight(art, max(chosen[1], q_start), clause_end)


def _inside_flight(art: _Article, start: int, end: int, home: str | None = None) -> bool:
    """Whether a "fled"/"left"/"moved" goes to a place inside the country: "to the nearby town of Dori",
    "for Kaya", "to other parts of the state". What they fled ("fled their homes", "fled the town of X")
    is where they left, not where they went."""
    text = art.text
    for m in _TOWARD.finditer(text, max(0, start - 3), end):  # the cue may end with its "to" ("moved to")
        tail = text[m.end() : end]
        camp, settle = _CAMP.search(tail[:60]), _SETTLEMENT.match(tail)
        if settle and any(
            m.end() <= c.start < m.end() + settle.end() and c.form == "name" and c.iso3 != home
            for c in art.countries
        ):
            continue  # "into south-west Uganda's Kisoro district": a district of another country
        if settle and not (camp and camp.start() < settle.start()):
            return True
        if any(
            p.start == m.end() + len(tail) - len(tail.lstrip()) and p.place.kind != "country"
            for p in art.places
        ):
            return True  # "to Bor town", "for Hangu": a gazetteer place, not a country
        if re.match(
            r"\s*[A-Z][\w\u2019'-]+(?:\s+[A-Z][\w\u2019'-]+)*\s+(?:village|town|city|district)\b", tail
        ):
            return True
    return bool(_ELSEWHERE.search(text, start, end))


def _windows(
    art: _Article, sent: _Sentence, cands: list[tuple[numbers.Quantity, _NP]], i: int
) -> tuple[int, int, int, tuple[int, int] | None]:
    """(before_start, cue_end, clause_end, aside) of candidate ``i``: its clause, bounded by the next counts,
    and the span of an aside inside it whose cues are not the number's."""
    text = art.text
    q, np = cands[i]
    prev_end = cands[i - 1][1].end if i else sent.start
    next_start = cands[i + 1][0].start if i + 1 < len(cands) else sent.end
    clause_end = _cut_after(text, np.end, next_start)
    if _DASH_OPEN.search(text, max(prev_end, q.start - 4), q.start) and (
        dash := _DASH_CLOSE.match(text, np.end)
    ):
        clause_end = _cut_after(
            text, dash.end(), next_start
        )  # "8,214 people - 1,390 families - crossed back"
        return (
            _cut_before(text, prev_end, q.start),
            _next_group(art, dash.end(), clause_end),
            clause_end,
            None,
        )
    if clause_end == next_start and i + 1 < len(cands):
        m = _NEXT_VERB.search(text, np.end, next_start)
        clause_end = m.start() if m else clause_end
    gap = _parenthetical(text, clause_end, next_start)
    if gap is not None:
        # "640,000 Burundians, most of whom fled in 2015, are living in camps": the verb after the aside
        clause_end = _cut_after(text, gap[1], next_start)
        return _cut_before(text, prev_end, q.start), _next_group(art, gap[1], clause_end), clause_end, gap
    return _cut_before(text, prev_end, q.start), _next_group(art, np.end, clause_end), clause_end, None


_ASIDE_OPEN = re.compile(
    r",\s+(?:(?:most|many|some|all|half|several|none)\s+of\s+(?:whom|which|them)|who|which|including|"
    r"among\s+them)\b|\s[\u2014\u2013]\s"
)
_ASIDE_CLOSE_DASH = re.compile(r"\s[\u2014\u2013]\s+")
# The main verb that resumes a subject's clause after a relative clause set off by commas.
_ASIDE_CLOSE_COMMA = re.compile(
    r",\s+(?=(?:are|is|were|was|have|has|had|now|still|remain|remained|live|lived|living|stay|stayed)\b)"
)
# ... or a movement verb, after an adverb: "69 refugees, many of them children, (also) landed on ..."
_ASIDE_CLOSE_VERB = re.compile(r",\s+(?:(?:also|then|later|eventually|finally|reportedly|safely)\s+)?")


def _parenthetical(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of an aside that opens at ``start`` and closes before ``end``, when the clause
    resumes after it ("... residents - which were part of X - had fled"; ", most of whom ..., are";
    "40 migrants, including two infants, landed")."""
    m = _ASIDE_OPEN.match(text, start, end)
    if m is None:
        return None
    if not m.group(0).startswith(","):
        close = _ASIDE_CLOSE_DASH.search(text, m.end(), end)
        return (start, close.end()) if close else None
    close = _ASIDE_CLOSE_COMMA.search(text, m.end(), end)
    for verb in _ASIDE_CLOSE_VERB.finditer(text, m.end(), close.start() if close else end):
        cue = _CUE_RE.match(text, verb.end())
        if cue and any(c.strong and c.kind not in _NOT_MOVES for c in _CUES[_key(cue.group())]):
            return (start, verb.end())
    return (start, close.end()) if close else None


def _analyze(
    art: _Article, si: int, cands: list[tuple[numbers.Quantity, _NP]], i: int, rows: list[_Row]
) -> _Row | None:
    """Draft row for candidate ``i`` of sentence ``si``, or None when it does not count displaced people.

    ``rows`` are the drafts so far: the last one is the anchor a bare number ("20,000 of them") continues.
    """
    text = art.text
    sent = art.sentences[si]
    q, np = cands[i]
    if _AVERAGE.search(text, max(sent.start, q.start - 40), q.start):
        return None  # "an average of 37 people per truck": a ratio of the counts, not a count
    if (
        (proj := _PROJECTED_AFTER.match(text, np.end, sent.end)) is not None
        and not _DONE_BETWEEN.search(text, np.end, proj.start("verb"))
    ) or _CAPACITY_BEFORE.search(text, max(sent.start, q.start - 50), q.start):
        # "an additional 80,000 refugees are expected to arrive by June", "the site will be able to host
        # 3,000 refugees": a projection or a capacity, not people counted
        return None
    before_start, after_end, clause_end, aside = _windows(art, sent, cands, i)
    cues_after = _cues(art, np.end, after_end, "after")
    told_flight = False
    # "hosts 1.5 million Syrians, who fled ...", "has hosted millions of Afghan refugees for decades, fleeing
    # conflict": a relative or participle clause after the group (and after a time phrase)
    gap = _TIME_GAP.match(text, np.end)
    if _RELATIVE.match(text, gap.end() if gap else np.end):
        # "Lebanon hosts 1.5 million Syrian refugees who left their country during the war": the relative
        # clause tells their past; the verb before the number says what the figure counts
        before_moves = [
            c for c in _cues(art, max(sent.start, q.start - 40), q.start, "before") if c[2].kind == "hosted"
        ]
        if before_moves:
            # ... and that they fled says they are displaced people, not residents
            told_flight = any(c[2].strong and c[2].kind not in _NOT_MOVES for c in cues_after)
            cues_after = [c for c in cues_after if c[2].kind in ("casualty", "report", "none")]
    if aside is not None:
        cues_after = [c for c in cues_after if not aside[0] <= c[0] < aside[1]]
    ref_end = after_end  # countries after the next group ("arrivals from Libya") are that group's
    if i + 1 < len(cands) and (
        _LINK.fullmatch(text, np.end, cands[i + 1][0].start)
        or (
            # "4,120 Malian nationals and 960 Nigerien citizens crossed into Algeria": one verb
            np.kind in ("people", "displaced")
            and cands[i + 1][1].kind in ("people", "displaced")
            and _COORD_LINK.fullmatch(text, np.end, cands[i + 1][0].start)
        )
        or (
            _SUBSET_LINK.fullmatch(text, np.end, cands[i + 1][0].start)
            and text.startswith(",", cands[i + 1][1].end)
        )
    ):
        # "845 families comprising 4,132 individuals returned": the verb after the second number is theirs too
        _, ref_end, clause_end, _ = _windows(art, sent, cands, i + 1)
        cues_after += _cues(art, cands[i + 1][1].end, ref_end, "after")
    cues_before = [
        c for c in _cues(art, before_start, q.start, "before") if len(text[c[1] : q.start].split()) <= 3
    ]
    if _casualty(
        text, cues_before, _cues(art, np.end, clause_end, "after"), q.start, np.kind == "displaced"
    ) or (
        i > 0
        and cands[i - 1][0].start in art.victims
        and (_SUBSET.search(text, cands[i - 1][1].end, q.start) or _ANAPHOR_OF.match(text, q.end))
    ):
        art.victims.add(q.start)  # "killing 12 people, including three Afghan refugees": victims too
        return None

    if _INCLUDING.search(text, max(before_start, q.start - 40), q.start):
        last = next(
            (c for c in reversed(_cues(art, sent.start, q.start, "before")) if c[2].kind != "report"), None
        )
        if last is not None and last[2].kind == "casualty":
            art.victims.add(q.start)  # "killed at least 41 rebels, including eight Lebanese fighters"
            return None
    if np.kind != "displaced" and not (
        np.kind == "people" and art.about_displaced and _BOAT_WORD.search(text, sent.start, sent.end)
    ):
        # "a boat carrying 20 men", "the 71 on board included 21 women": a vessel's load tells how refugees
        # or migrants travel, but does not make other people a count
        cues_before = [c for c in cues_before if _key(text[c[0] : c[1]]) not in _VESSEL_CUES]
        cues_after = [c for c in cues_after if _key(text[c[0] : c[1]]) not in _VESSEL_CUES]
    anchor = rows[-1] if rows and rows[-1].sentence == si else None
    if (
        anchor is None
        and rows
        and (
            rows[-1].sentence == si - 1
            or (
                np.kind == "bare"
                and rows[-1].sentence >= si - 3
                and _FIGURE_BEFORE.search(text, max(sent.start, q.start - 90), q.start)
            )
        )
        and (
            _SENT_ANAPHOR.match(text, sent.start, q.start)
            or (np.kind == "bare" and _ANAPHOR_OF.match(text, q.end))
            or (np.kind == "bare" and _TOTAL_ANAPHOR.match(text, sent.start, q.start))
            or (np.kind == "bare" and _FIGURE_BEFORE.search(text, max(sent.start, q.start - 90), q.start))
        )
    ):
        anchor = rows[-1]  # "Of those, 29,400 ...", "Among them were 420 children", "That number rose to ..."
        inherits = True
    else:
        inherits = np.kind == "bare" and anchor is not None
    if (
        np.kind == "people"
        and np.head in _GENERIC_HEADS
        and np.origin is None
        and _NUMBER_OF_TOTAL.search(text, max(sent.start, q.start - 200), q.start)
    ):
        # "the number of migrants entering Panama has hit a record high of 95,000 people": the
        # group the number counts is the one after "number of"
        np = _NP("bare", np.end, unit=np.unit)
    listed = _listed_country(art, q.start)
    if listed is not None and np.kind not in ("bare", "displaced") and np.head not in ("people", "persons"):
        listed = None
    if (
        listed is None
        and (np.kind in ("bare", "displaced") or np.head == "individuals")
        and rows
        and rows[-1].sentence in (si, si - 1)
        and rows[-1].movement in ("hosted", "registered")
    ):
        listed = _led_country(
            art, q.start
        )  # "Colombia tops the list with 2.8 million", "Poland — 1.1 million"
    if listed is not None:
        # "hosting beneficiaries ... were Spain (412 300 people; 19 per cent), Italy (305 115; ...)":
        # a country's figure in a list continues the group the sentence (or the one before) counts
        if np.kind != "displaced":
            np = _NP("bare", np.end, unit=np.unit)
        if anchor is None and rows and rows[-1].sentence == si - 1:
            anchor = rows[-1]
        inherits = anchor is not None and np.kind == "bare"
    moves = [c for c in cues_after + cues_before if c[2].kind not in ("report", "casualty")]
    # "9,000 people had crossed into Niger, including 8,200 Malians and 600 third-country nationals"
    subset = (
        anchor is not None
        and i > 0
        and anchor.number <= cands[i - 1][0].start
        and (
            _INCLUDING.search(text, max(cands[i - 1][1].end, q.start - 40), q.start) is not None
            or (anchor.subset and _COORD_LINK.fullmatch(text, cands[i - 1][1].end, q.start) is not None)
        )
    )
    if subset and not any(c[2].strong or c[2].kind == "displaced" for c in moves):
        inherits = True
    if (
        not moves
        and anchor is not None
        and i > 0
        and anchor.number == cands[i - 1][0].start
        and np.kind in ("people", "displaced")
        and _LIST_GAP.fullmatch(text, cands[i - 1][1].end, q.start)
    ):
        inherits = (
            True  # "Those deported included 43,000 Hondurans, 41,000 Guatemalans and 21,000 Salvadorans"
        )
    several = False  # "fled to neighbouring countries": no one destination
    cue_pops = [c[2].population for c in moves if c[2].population]
    noun_before: _NP | None = None
    rel_span: tuple[int, int] | None = None  # a relative clause between the group and its number
    if np.kind == "bare" and anchor is None:
        noun_before = _noun_before(art, sent.start, q.start)
        if noun_before is None and listed is not None and si > 0:
            # "The number of people granted protection grew. The largest increases were in Spain (+1 830)"
            noun_before = _noun_before(art, art.sentences[si - 1].start, art.sentences[si - 1].end)
        if noun_before is not None and noun_before.end < q.start:
            # "The number of Afghans deported from Iran ... has reached 800,000": the group's own verbs
            # ... but not the verbs of a relative clause set off by commas ("The number of refugees in
            # Chad, who fled the fighting in Sudan, now stands at 90,000")
            rel = _COMMA_RELATIVE.search(text, noun_before.end, q.start)
            rel_span = (rel.start(), rel.end()) if rel is not None else None
            cues_before = [
                c
                for c in _cues(art, noun_before.end, q.start, "after")
                if rel is None or not rel.start() <= c[0] < rel.end()
            ] + cues_before
            moves = [c for c in cues_after + cues_before if c[2].kind not in ("report", "casualty")]
            cue_pops = [c[2].population for c in moves if c[2].population]
    abroad = _abroad(art, np, noun_before, q.start, after_end)
    if abroad:
        moves = moves or [(q.start, q.start, _IN_ABROAD)]
    if np.kind == "people" and anchor is None and np.population in (None, "people"):
        if not moves:
            return None
        if not abroad and all(
            not c[2].strong
            and not c[2].population
            and c[2].kind not in ("displaced", "fled")
            and not _SHELTERING.match(text, c[0])
            for c in moves
        ):
            # "living in", "arrested" say nothing of displacement for "people" of the host country itself
            fled = _FLED_FROM.search(text, np.end, min(sent.end, np.end + 80))
            hint = (
                np.origin
                or _from_origin(art, np.end, after_end)
                or (_any_country_at(art, fled.end()) if fled else None)  # "people, who fled Ukraine, ..."
                or _any_demonym(art, np.end, after_end)
            )
            foreign = any(
                c.form != "demonym" and c.iso3 != hint and before_start <= c.start < clause_end
                for c in art.countries
            ) or any(p.place.country_iso3 != hint and np.end <= p.start < after_end for p in art.places)
            # "the camps host 600,000 people", "600,000 people are living in camps"
            camp = _CAMP.search(text, before_start, q.start) or _CAMP.search(text, np.end, after_end)
            if (
                not camp
                and not told_flight
                and (hint is None or (hint == art.host and not foreign))
                and not _boat_people(art, sent, moves)
            ):
                return None
    if (
        np.kind == "bare"
        and anchor is None
        and (noun_before is None or (noun_before.kind == "people" and not moves))
    ):
        if (
            not _pick(cues_after, True, False)
            and not cue_pops
            and not _object_of(art, cues_before, q.start)
            and not _BARE_DISPLACED.match(text, q.end)
        ):
            return None
        noun_before = noun_before or _NP("people", q.end, population="people")

    # "5,000 returnees"; "the number of arrivals rose to 25 000": the group's own noun says how it moved
    head = np.head or (noun_before.head if noun_before is not None and np.kind == "bare" else "")
    head_cue = [(q.start, q.end, c) for c in _CUES.get(head, ())[:1] if c.kind in MOVEMENTS]
    # "either spontaneously returned (446) or were deported (35)": a figure in brackets right after a verb
    # counts that verb's people, whatever the clause after it says
    bracketed = next(
        (c for c in reversed(cues_before) if c[2].strong and _OPEN_BRACKET.fullmatch(text, c[1], q.start)),
        None,
    )
    defaulted = False
    chosen = bracketed or (
        _pick(cues_after, True, False)
        or _pick(cues_before, True, True)
        or _pick(head_cue, True, False)
        or _pick([c for c in cues_after if c[2].kind == "displaced"], False, False)
        or _pick(cues_after, False, False)
        or _pick(head_cue, False, False)
        or _pick(cues_before, False, True)
    )
    source = np if np.kind != "bare" else (noun_before or np)
    base = source.population if source.population not in (None, "undocumented") else None
    cue_base = [p for p in cue_pops if p != "undocumented"]
    if cue_base and (base in (None, "people") or np.kind == "bare"):
        base = cue_base[0]
    if base is None and np.kind == "bare" and anchor is not None:
        base = anchor.base_population
    base = base or "people"
    population = "undocumented" if "undocumented" in cue_pops or source.population == "undocumented" else base

    origin_hint = np.origin or (noun_before.origin if noun_before else None)
    host_verb = (
        chosen is not None and chosen[2].kind == "hosted" and _HOST_VERB.match(text, chosen[0]) is not None
    )
    if (
        head_cue
        and chosen is not None
        and chosen[2].kind in ("arrived", "crossed", "hosted", "other")
        # "35,000 displaced people arrived in Beni", "the province hosts 2.1 million displaced people": a verb
        # that says where displaced people came or stay tells the figure's movement
        and not (
            head_cue[0][2].kind == "displaced"
            and ((chosen[2].kind == "arrived" and chosen[2].strong and chosen[0] > q.start) or host_verb)
        )
    ):
        chosen = head_cue[0]  # "5,000 returnees arrived at Torkham": they came home
    if chosen is not None and chosen[2].kind in ("arrived", "crossed"):
        deported = next((c for c in cues_after if c[2].kind == "deported" and c[2].strong), None)
        chosen = deported or chosen  # "landed in Guatemala City after they were deported from the U.S."
    if chosen is not None:
        movement, forced = chosen[2].kind, chosen[2].forced
        if forced is None and _FORCED_TO.search(text, max(0, chosen[0] - 20), chosen[0]):
            forced = True  # "were forced to take refuge", "forced to abandon their homes"
        if (
            movement == "hosted"
            and text[chosen[0] : chosen[1]].lower() == "temporary protection"
            and _PROTECTION_GIVEN.search(text, max(sent.start, chosen[0] - 60), chosen[0])
        ):
            movement = (
                "registered"  # "have received temporary protection", "registered for temporary protection"
            )
        if movement == "other" and art.border_story and _BORDER_EVENT.match(text, chosen[0]):
            movement = "arrived"  # border agencies count an apprehension as an arrival without authorization
        if (
            _REFUGE.match(text, chosen[0])
            and _BUILDING.match(text, chosen[1])
            and not any(  # "Syrians took refuge in mosques in Lebanon" crossed a border
                chosen[1] <= c.start < clause_end and c.form != "demonym" and c.iso3 != origin_hint
                for c in art.countries
                if origin_hint is not None
            )
        ):
            # "took refuge on the university campus", "are seeking refuge in 12 schools": a flight (or a stay)
            # inside the country, not an arrival in another one
            movement = "fled_inside" if _REFUGE_EVENT.match(text, chosen[0]) else "displaced"
            if population in ("people", "refugees"):
                population = base = "idps"
        # "entered their country", "leaving for their country"; "left their country" is where they fled from
        own = _OWN_COUNTRY if movement in ("arrived", "crossed") else _OWN_COUNTRY_TO
        if movement in ("arrived", "crossed", "left", "fled") and own.match(text, chosen[1]):
            movement = "returned"  # "entered their country", "leaving for their homeland"
        if (
            movement == "other"
            and text[chosen[0] : chosen[0] + 4].lower() == "sent"
            and (
                _OWN_COUNTRY.match(text, chosen[1])
                or (origin_hint is not None and _arrived_at(art, chosen[1]) == origin_hint)
            )
        ):
            movement = "deported"  # "sent back to their country after raids", "Afghans sent to Afghanistan"
        if movement in ("fled", "crossed", "left") and (
            (many := _FOREIGN.search(text, chosen[1], clause_end))
            or (_FOREIGN_OBJECT.match(text, chosen[1]) and not _host_named_before(art, chosen[0], np.origin))
        ):
            several = many is not None
            movement = "arrived"  # "fled to neighbouring countries"
            if population == "idps":
                population = base = "people"
        elif movement in ("fled", "left") and _inside_flight(
            art, chosen[1], clause_end if chosen[0] >= np.end else q.start, origin_hint
        ):
            movement = "fled_inside"
            if population == "people":
                population = base = "idps"
        elif (
            movement == "left"
            and origin_hint is not None
            and (own_nation := _OWN_NATION.match(text, chosen[1])) is not None
            and (own_nation.group(1).lower() != "the" or not _host_named_before(art, chosen[0], origin_hint))
        ):
            # "Venezuelans who have left their country", "3 million Venezuelans have left the nation": gone
            # abroad from their own country (as "left the country" with no host named), not a way home
            movement = "arrived"
        elif movement in ("fled", "left") and _SETTLEMENT_OBJECT.match(text, chosen[1]):
            movement = "displaced"  # "left hamlets near the frontier", "fled their homes": no destination
        if population == "people" and (
            any(c[2].kind == "displaced" and c[0] > q.start and _displaced_in(art, c[1]) for c in moves)
            or (np.head == "displaced" and _displaced_in(art, np.end))
            # "drought has displaced 135,000 people inside Somalia"
            or (chosen[2].kind == "displaced" and chosen[1] <= q.start and _displaced_in(art, np.end))
        ):
            population = base = "idps"  # "people displaced inside Syria have gone back"
        elif (
            movement == "displaced"
            and population == "people"
            and _displaced_inside(art, sent, q.start, chosen, clause_end)
        ):
            population = base = "idps"
        if (
            movement == "hosted"
            and population == "people"
            and origin_hint is None
            and _SHELTERING.match(text, chosen[0])
        ):
            movement, population, base = (
                "displaced",
                "idps",
                "idps",
            )  # "500,000 people are sheltering in schools"
    elif inherits and anchor is not None:
        movement, forced = anchor.movement, anchor.forced
    elif np.new and population in ("refugees", "migrants", "asylum_seekers"):
        movement, forced = "arrived", None  # "Another 2,240 new refugees were counted in Goz Beida"
    else:
        movement, forced = ("displaced" if population == "idps" else "hosted"), None
        defaulted = True
    site_lo = q.start if i > 0 else max(before_start, sent.start)  # an earlier number's site is its own
    site_hi = cands[i + 1][0].start if i + 1 < len(cands) else clause_end
    if population == "people" and _IDP_SITE.search(text, site_lo, min(site_hi, clause_end)):
        # "220,000 have fled towards 87 IDP sites", "staying in displacement sites", "return home from IDP
        # camps": camps and sites for the internally displaced hold people displaced inside their country
        population = base = "idps"
    if (
        movement == "hosted"
        and population == "idps"
        and not (host_verb and chosen is not None and chosen[0] < q.start)
    ):
        movement = "displaced"
    change = _CHANGE_BEFORE.search(text, max(sent.start, q.start - 40), q.start) is not None or (
        listed is not None and _SIGNED.search(text, max(0, q.start - 3), q.start) is not None
    )
    if change:
        movement, forced = "other", None  # "increased by 41 275", "Germany (+21 830)": a net change
    if movement == "other" and any(c[2].kind == "other" and c[2].forced for c in moves):
        forced = True  # "turned back three boats carrying 146 Rohingya"
    if movement in ("returned", "crossed", "left") and any(c[2].kind == "voluntary" for c in moves):
        forced = False

    unit = (
        np.unit
        if np.kind != "bare"
        else (anchor.unit if anchor else (noun_before.unit if noun_before else "persons"))
    )
    origin = np.origin or (noun_before.origin if noun_before else None)
    if (
        origin is None
        and noun_before is not None
        and noun_before.end < q.start
        and not any(c.kind in MOVEMENTS for c in _CUES.get(noun_before.head, ()))
    ):
        # "the number of beneficiaries from Ukraine" (but "returns from Iran" leave Iran)
        origin = _from_origin(art, noun_before.end, q.start)
    if origin is None:
        origin = _mostly_from(
            art, np.end, sent.end
        )  # "shelters 200,000 people, most of them from South Sudan"
    explicit = origin is not None
    if origin is None:
        origin = _plural_demonym(art, np.end, clause_end)
        explicit = origin is not None
    if origin is None:
        fled = _FLED_FROM.search(text, np.end, min(sent.end, np.end + 80))
        iso = _any_country_at(art, fled.end()) if fled else None
        if iso is not None:
            origin, explicit = iso, True  # "4.2 million non-EU citizens, who fled Ukraine ..."
    if origin is None and anchor is not None and not np.mixed:
        origin = anchor.origin
    if origin is None and movement in _GO_HOME | {"registered"} and not np.mixed and i == 0:
        # "the largest deportation of Afghans ..., with over 750 refugees being sent to their country";
        # "Syrians submitted 181,000 applications"
        # (a demonym of the sentence's first count only, and not one of a list of origins)
        origin = _plural_demonym(art, sent.start, q.start)
        d = next((c for c in art.countries if c.iso3 == origin and sent.start <= c.start < q.start), None)
        if d is not None and _demonym_list_end(art, d.end, q.start, d.iso3) is not None:
            origin = None
    if np.mixed:
        origin, explicit = None, False
    first = i
    while first > 0 and _COORD_LINK.fullmatch(text, cands[first - 1][1].end, cands[first][0].start):
        first -= 1  # coordinated groups share the sentence's opening date
    time_start = sent.start if first == 0 else before_start
    flow = not defaulted and movement in ("arrived", "crossed", "deported", "returned", "resettled")
    period = _period(art, time_start, q.start, clause_end, flow)
    if period is None and change:
        period = _change_period(art, sent, q.start) or (
            _change_period(art, art.sentences[si - 1], art.sentences[si - 1].end) if si > 0 else None
        )
    if (
        anchor is not None
        and anchor.period is not None
        and _TOTAL_ANAPHOR.match(text, sent.start, q.start)
        and (by := _by_day(art, q.end, clause_end)) is not None
        and anchor.period[0] <= by
    ):
        period = anchor.period[0], by  # the same running total, counted to a later day
    if period is None and anchor is not None and (inherits or movement == anchor.movement):
        period = anchor.period
    total = _BRINGING_TOTAL.search(text, max(sent.start, q.start - 120), q.start)
    pub = art.published
    if total is not None and (year := _TOTAL_YEAR.search(total.group(0))) is not None and pub is not None:
        y = int(year.group(1))  # "taking the 2024 total to 29,578": that year, to date if it is this one
        period = (dt.date(y, 1, 1), pub if y == pub.year else dt.date(y, 12, 31)) if y <= pub.year else None
    elif total is not None and not _own_total_time(art, total.start(), clause_end):
        # "... displaced since February, bringing the total displaced by the insurgency to 1 million": a
        # running total over a span the text does not give, not the new flow's period
        period = None
    refs = _refs(art, before_start, ref_end, origin, q.start)
    if rel_span is not None:
        # the relative clause tells where they came from, not where the number stands
        inside = [c for c in art.countries if rel_span[0] <= c.start < rel_span[1]]
        if origin is None and inside:
            origin, explicit = inside[0].iso3, True
        refs = [r for r in refs if not rel_span[0] <= r.start < rel_span[1]]
    if listed is not None and listed[2]:
        origin, explicit = (
            listed[1],
            True,
        )  # "Syrians (132,000)": the group's origin; where it stands is the whole's
        refs = list(anchor.refs) if anchor is not None else []
    elif listed is not None:
        refs = [_Ref(listed[0], (listed[1],), "in")]
        if inherits and anchor is not None and any(r.role == "to" for r in anchor.refs):
            # "fled into Niger (100,000), Cameroon (40,000) and Chad (17,000)": each country's share of
            # the flight goes there, from where the whole went from
            refs = [_Ref(listed[0], (listed[1],), "to", named=True)]
            refs += [r for r in anchor.refs if r.role == "from"]
    elif (respective := _respective_place(art, sent, cands, i)) is not None:
        refs = [respective]  # "Pakistan and Iran ... 1,282,901 and 780,000, respectively"
    if np.kind == "bare" and anchor is not None and not refs:
        refs = list(anchor.refs)
    elif subset and anchor is not None and not any(r.role in ("to", "from") for r in refs):
        # the total's direction: "crossed into Egypt, including 3,500 ..." (own places stay: "1.1 million in Germany")
        refs = refs + [r for r in anchor.refs if r.role in ("to", "from")]
    movers = np.kind == "displaced" and base == "people"  # returnees, deportees: "from X" is where they leave
    if origin is None and np.kind != "bare" and not movers and movement not in _GO_HOME | {"crossed", "left"}:
        # "families from North Waziristan live in ...": a place right after the noun is where they come from
        src = next(
            (
                r
                for r in refs
                if r.role == "from" and r.start >= np.end and _FROM_NP.fullmatch(text, np.end, r.start)
            ),
            None,
        )
        if src is not None:
            origin, explicit = src.isos[0], True
            refs = [r for r in refs if r.role != "from" or r.start != src.start and r.isos != src.isos]
    if movement in ("fled", "fled_inside", "displaced", "evacuated") and not any(
        r.role == "to" for r in refs
    ):
        refs += [r for r in _refs(art, clause_end, sent.end, origin) if r.role == "to"][:1]
    row = _Row(
        start=sent.start,
        end=sent.end,
        count=q.value,
        qualifier=q.qualifier,
        population=population,
        base_population=base,
        movement=movement,
        forced=forced,
        unit=unit,
        origin=origin,
        location=None,
        destination=None,
        period=period,
        sentence=si,
        number=q.start,
        refs=refs,
        explicit_origin=explicit,
        mixed=np.mixed,
        gapped=inherits and anchor is not None and anchor.sentence == si and i > 0,
        subset=subset,
        several=several,
        arrived_at=_arrived_at(art, chosen[1])
        if chosen is not None and chosen[2].kind == "arrived"
        else None,
        defaulted=defaulted,
        own_time=(np.kind == "bare" and len(text) - len(text[np.end :].lstrip()) in art.time_starts)
        or _POSSESSIVE_YEAR.search(text, max(sent.start, q.start - 60), q.start) is not None,
    )
    if movement == "arrived" and si > 0 and not any(r.role == "to" for r in refs):
        row.context_to = _context_destination(art, si - 1, origin)
    group_end = noun_before.end if np.kind == "bare" and noun_before is not None else np.end
    if listed is not None and listed[2] and not refs:
        row.location = []  # a share of a total the text places nowhere ("in the EU"): no place to borrow
    if _WORLDWIDE.search(text, min(group_end, np.end), clause_end):
        row.location = []
        if row.population == "idps":
            row.population = row.base_population = "people"  # displaced worldwide: not one country's IDPs
    return row


# "The number of displaced people in the province has reached a record 2.4 million", "the number of
# Eritreans who have left ... has grown to 400,000": a total whose group follows "number of"
_NUMBER_OF_TOTAL = re.compile(
    r"\b[Nn]umber\s+of\s+[^.;]{1,160}?\s+(?:has\s+|had\s+|have\s+)?(?:now\s+|also\s+)?(?:reached|hit|topped|"
    r"surpassed|passed|exceeded|crossed|(?:risen|rose|increased|grown|grew|climbed|jumped|swelled|surged)\s+to|"
    r"stands\s+at|stood\s+at)\s+(?:(?:a|an|the)\s+(?:new\s+)?(?:record|all-time)(?:\s+high)?(?:\s+of)?\s+)?"
    r"(?:(?:about|some|around|nearly|almost|over|more\s+than|at\s+least|roughly|an\s+estimated)\s+)?$"
)
_GENERIC_HEADS = frozenset({"people", "persons", "individuals"})
# "That number climbed to 12,700 by March 14": the same count, later
_BRINGING_TOTAL = re.compile(
    r"\b(?:bringing|brings|brought|taking|takes|took|pushing|pushes|pushed|raising|raises|raised)\s+"
    r"(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:total|tally|number|figure|count)\b[^.;]*$",
    re.IGNORECASE,
)


_TOTAL_YEAR = re.compile(r"^\w+\s+(?:the|its|their)\s+((?:19|20)\d\d)\s", re.IGNORECASE)


def _own_total_time(art: _Article, start: int, end: int) -> bool:
    """Whether the "bringing the total ... to N" clause dates its total itself ("since April", "for this
    fiscal year", "so far")."""
    if any(start <= t.start < end for t in art.times):
        return True
    return bool(_SO_FAR.search(art.text, start, end) or _SINCE_YEAR_START.search(art.text, start, end))


_TOTAL_ANAPHOR = re.compile(
    r"\W*(?:That|This|The|Their)\s+(?:number|figure|total|tally|count)\s+(?:has\s+|had\s+)?(?:now\s+|since\s+)?"
    r"(?:rose|risen|grew|grown|climbed|increased|jumped|reached|swelled|surged|stood|stands|hit)\b"
)
# "In April, the figure was 9,412", "the provisional total for 2023 to date is 20,101", "the figure recorded
# last year, which was 17,620", "Last year's total was more than 8,400": a figure the sentence before counts,
# restated for another period. Between the noun and its verb only words of time and recording.
_FIGURE_GAP = (
    r"(?:\s+|,\s*|\s*\u2019s\s+|'s\s+)(?:for|in|of|this|last|the|year|years|so|far|to|date|recorded|registered|"
    r"reported|provisional|latest|new|overall|official|month|week|day|period|same|first|half|quarter|which|then|"
    r"now|since|up|(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
_FIGURE_BEFORE = re.compile(
    r"\b(?:figures?|total|tally)(?:"
    + _FIGURE_GAP
    + r"){0,8},?\s+(?:was|is|were|are|stood\s+at|stands\s+at|to|"
    r"reached|hit)\s+(?:(?:about|some|around|nearly|almost|over|more\s+than|at\s+least|roughly|just\s+over|"
    r"just\s+under|just)\s+)?$",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\s+(?:(?:who|that|which)\s+(?:had\s+|have\s+|has\s+)?(?!are\b|were\b|is\b|was\b)\w|"
    r"(?:fleeing|escaping)\b)",  # "hosts 9,000 Sudanese fleeing earlier waves of conflict"
    re.I,
)
_COMMA_RELATIVE = re.compile(
    r",\s+(?:who|which|many\s+of\s+whom|most\s+of\s+whom)\b[^,;]{3,120},", re.IGNORECASE
)
_TIME_GAP = re.compile(r"(?:\s+(?:for|over|in|since|during)\s+(?:[\w-]+\s+){0,2}?[\w-]+)?\s*,(?=\s)")
_LIST_OPEN = re.compile(r"\s*\(\s*(?:[+\-\u2212]\s*)?$")
_SIGNED = re.compile(r"[+\-\u2212]\s*$")
_CHANGE_BEFORE = re.compile(
    r"\b(?:increased|decreased|rose|fell|dropped|declined|grew|jumped|climbed)\s+by\s+(?:\w+\s+){0,2}$", re.I
)


_FLED_FROM = re.compile(
    r"\b(?:who|that|having)\s+(?:had\s+|have\s+)?(?:fled|escaped)\s+(?:from\s+)?(?:the\s+)?"
)


def _any_country_at(art: _Article, pos: int) -> str | None:
    """ISO3 of a country name starting at ``pos``."""
    return next((c.iso3 for c in art.countries if c.start == pos and c.form == "name"), None)


def _by_day(art: _Article, start: int, end: int) -> dt.date | None:
    """The day in "climbed to 12,700 by March 14"."""
    for t in art.times:
        if (
            start <= t.start < end
            and t.first is not None
            and t.first == t.last
            and re.search(r"\bby\s+$", art.text[max(0, t.start - 4) : t.start])
        ):
            return t.first
    return None


_MOSTLY_FROM = re.compile(
    r"\b(?:most(?:ly)?|mainly|largely|predominantly|primarily|overwhelmingly)\s+(?:of\s+(?:them|whom)\s+)?"
    r"(?:(?:are|were)\s+)?(?:from\s+)?(?:neighbou?ring\s+)?",
    re.IGNORECASE,
)


def _mostly_from(art: _Article, start: int, end: int) -> str | None:
    """The one country a group mostly comes from: ", most of them from South Sudan", "mainly Afghans"."""
    m = _MOSTLY_FROM.search(art.text, start, end)
    if m is None:
        return None
    first = next((c for c in art.countries if c.start == m.end()), None)
    if first is None or (first.form == "demonym" and not art.text[first.start : first.end].endswith("s")):
        return None
    if re.match(r"\s*(?:,|and|or)\s+[A-Z]", art.text[first.end : first.end + 8]):
        return None  # "mostly from South Sudan and Congo": no one origin
    return first.iso3


def _arrived_at(art: _Article, pos: int) -> str | None:
    """Country of the place an arrival verb at ``pos`` names: "landed in Guatemala City", "arrived in Chad"."""
    m = re.match(r"\s+(?:(?:back\s+)?(?:in|at|to|into|on)\s+)?(?:the\s+)?", art.text[pos : pos + 20])
    at = pos + (m.end() if m else 0)
    for c in art.countries:
        if c.start == at and c.form in ("name", "capital"):
            return c.iso3
    return next((p.place.country_iso3 for p in art.places if p.start == at), None)


def _host_named_before(art: _Article, pos: int, origin: str | None) -> bool:
    """Whether "the country" before ``pos`` can be a host named earlier ("Afghans in Pakistan ... left the
    country" go home), not the people's own country ("5,000 Venezuelans leave the country every day")."""
    return any(m.end <= pos and m.iso3 != origin for m in art.names)


_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_PLACE_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s*\band\s+", re.IGNORECASE)


def _respective_place(
    art: _Article, sent: _Sentence, cands: list[tuple[numbers.Quantity, _NP]], i: int
) -> _Ref | None:
    """The place paired with count ``i`` by "respectively": the k-th of a list of k places before a list
    of k counts ("Kano, Kaduna and Sokoto lead the list with 88, 61 and 40 ...")."""
    text = art.text
    q = cands[i][0]
    if not _RESPECTIVELY.search(text, q.end, sent.end):
        return None
    first = last = i
    while first > 0 and _PLACE_LIST_GAP.fullmatch(text, cands[first - 1][1].end, cands[first][0].start):
        first -= 1
    while last + 1 < len(cands) and _PLACE_LIST_GAP.fullmatch(
        text, cands[last][1].end, cands[last + 1][0].start
    ):
        last += 1
    size = last - first + 1
    if size < 2:
        return None
    spans = sorted(
        {(c.start, c.end, c.iso3) for c in art.countries if c.form in ("name", "capital")}
        | {(p.start, p.end, p.place.country_iso3) for p in art.places}
    )
    spans = [x for x in spans if sent.start <= x[0] and x[1] <= cands[first][0].start]
    run: list[tuple[int, int, str]] = []
    for x in spans:
        if run and x[0] < run[-1][1]:
            continue
        run = run + [x] if run and _PLACE_LIST_GAP.fullmatch(text, run[-1][1], x[0]) else [x]
    if len(run) != size:
        return None
    start, _, iso = run[i - first]
    return _Ref(start, (iso,), "in")


def _listed_country(art: _Article, q_start: int) -> tuple[int, str, bool] | None:
    """(start, iso3, is_origin) of the country a figure is listed under: "Spain (412 300 people; 19 per
    cent)"; a demonym ("Syrians (132,000)") or a country in a list of origins ("the top countries of
    origin were Syria (72,000) ...") is the origin of the figure's group, not where it stands."""
    m = _LIST_OPEN.search(art.text, max(0, q_start - 6), q_start)
    if m is None:
        return None
    before = art.text[: m.start()].rstrip()
    for c in art.countries:
        if c.end == len(before) and c.form in ("name", "demonym"):
            origin_list = c.form == "demonym" or _ORIGIN_LIST.search(art.text, max(0, c.start - 200), c.start)
            return c.start, c.iso3, bool(origin_list)
    return None


# A country's share of a total the text counts just before, the country leading its figure: "Colombia tops
# the list with 2.8 million, followed by Peru with 1.5 million", "Poland \u2014 1.1 million people", "Peru
# houses half a million"
_LED_GAP = re.compile(
    r"\s*(?:[\u2014\u2013:]|\s-)\s*|(?:\s+[\w\u2019'-]+){0,4}?\s+with\s+|"
    r"\s+(?:houses|hosts|shelters|took\s+in|has\s+taken\s+in|had\s+taken\s+in)\s+"
)


def _led_country(art: _Article, q_start: int) -> tuple[int, str, bool] | None:
    """(start, iso3, False) of a country named right before a figure that continues a total's breakdown."""
    for c in reversed(art.countries):
        if c.end > q_start or c.form not in ("name", "capital") or c.end < q_start - 40:
            continue
        if _LED_GAP.fullmatch(art.text, c.end, q_start):
            return c.start, c.iso3, False
        break
    return None


# "countries of origin", "top nationalities", "came from": a list of where the counted groups are from
_ORIGIN_LIST = re.compile(
    r"\b(?:of\s+origin|nationalit(?:y|ies)|came\s+from|hail(?:ed|ing)?\s+from|(?:nationals|citizens)\s+of)\b",
    re.I,
)


def _change_period(art: _Article, sent: _Sentence, q_start: int) -> tuple[dt.date, dt.date] | None:
    """ "Compared with the end of May 2022, the number ... increased by 18 640": from the day after the
    baseline to the date the article's figures stand at ("As of August 31 2023"), else publication."""
    text = art.text
    base = next(
        (
            t
            for t in art.times
            if sent.start <= t.start < q_start
            and t.last
            and _COMPARED.search(text, max(sent.start, t.start - 50), t.start)
        ),
        None,
    )
    if base is None or base.last is None:
        return None
    first = base.last + dt.timedelta(days=1)
    stands = [
        t.first
        for t in art.times
        if t.first is not None
        and t.first == t.last
        and t.first >= first
        and re.search(
            r"\b(?:[Aa]s\s+of|[Oo]n|[Aa]t\s+the\s+end\s+of)\s+$", text[max(0, t.start - 16) : t.start]
        )
    ]
    last = max(stands) if stands else art.published
    return (first, last) if last is not None and first <= last else None


def _context_destination(art: _Article, si: int, origin: str | None) -> str | None:
    """The country sentence ``si`` sends people to after a movement verb ("they are fleeing to Bangladesh")."""
    sent = art.sentences[si]
    moves = [
        c for c in _cues(art, sent.start, sent.end, "after") if c[2].kind in ("fled", "arrived", "crossed")
    ]
    if not moves:
        return None
    for r in _refs(art, moves[0][1], sent.end, origin):
        if r.role == "to" and not r.crossing and r.isos[0] != origin:
            return r.isos[0]
    return None


_IN_ABROAD = _Cue("hosted", False, None, None, "after")


def _abroad(art: _Article, np: _NP, before: _NP | None, q_start: int, after_end: int) -> bool:
    """ "2 million Afghans in Iran": a group of one country placed in another is hosted there."""
    group = before if np.kind == "bare" and before is not None else np
    start, end = (group.end, q_start) if group is before else (np.end, after_end)
    if group.origin is None:
        return False
    return any(
        c.form == "name"
        and c.iso3 != group.origin
        and start <= c.start < end
        and re.search(r"\bin\s+$", art.text[max(start, c.start - 4) : c.start])
        for c in art.countries
    )


def _from_origin(art: _Article, start: int, end: int) -> str | None:
    """Country of the place in "families from North Waziristan" right after the noun."""
    m = _FROM_NP.match(art.text, start, end)
    if m is None:
        return None
    for c in art.countries:
        if start < c.start <= m.end() and c.form != "demonym":
            return c.iso3
    for p in art.places:
        if start < p.start <= m.end():
            return p.place.country_iso3
    return None


def _any_demonym(art: _Article, start: int, end: int) -> str | None:
    return next((c.iso3 for c in art.countries if start <= c.start < end and c.form == "demonym"), None)


def _noun_before(art: _Article, start: int, q_start: int) -> _NP | None:
    """The nearest group named before a bare number ("refugees ..., of whom there are roughly 700,000")."""
    text = art.text
    best: _NP | None = None
    for m in _NOUN_RE.finditer(text, start, q_start):
        head = _HEADS.get(_key(m.group()))
        if head and head.role == "event" and not art.about_displaced:
            continue
        if head and not _MODS.get(_key(m.group())):
            best = _NP(
                "displaced" if head.role == "event" else head.role,
                m.end(),
                head=_key(m.group()),
                population=head.population,
                unit=head.unit or "persons",
            )
            # "the Afghan refugee population": modifiers before the head name the group too
            for w in reversed(
                re.findall(r"[\w\u2019'-]+", text[max(start, m.start() - 40) : m.start()])[-3:]
            ):
                mod = _MODS.get(_key(w))
                if mod is None and w[:1].isupper() and geo.country_iso3(w):
                    best.origin = best.origin or geo.country_iso3(w)
                    continue
                if mod is None:
                    break
                best.population = _merge_pop(best.population, mod.population)
    for c in art.countries:
        if (
            start <= c.start < q_start
            and c.form == "demonym"
            and (best is None or c.start > best.end)
            and (text[c.end - 1 : c.end] == "s" or _key(text[c.start : c.end]) in _GROUPS)
        ):
            best = _NP("people", c.end, population="people", origin=c.iso3)
    if best is not None and best.origin is None:
        best.origin = _plural_demonym(art, start, q_start)
    if re.search(r"\bpopulation\s+of\s+\S*\s*$", text[start:q_start]):
        best = _NP("people", q_start, population="people", origin=best.origin if best else None)
    return best


def _plural_demonym(art: _Article, start: int, end: int) -> str | None:
    """The origin a plural demonym in [start, end) gives ("Afghans"); none for a list of several ("with
    Syrians then Afghans the top groups")."""
    for c in art.countries:
        if start <= c.start and c.end <= end and c.form == "demonym" and art.text[c.end - 1 : c.end] == "s":
            return None if _demonym_list_end(art, c.end, end, c.iso3) is not None else c.iso3
    return None


# ---------- article context ----------


def _dateline_country(art: _Article) -> str | None:
    """Country of the dateline ("TORKHAM, Afghanistan -", "KABUL -"), the article's default host."""
    m = _DATELINE.match(art.text)
    if not m:
        return None
    if m.group(2):
        iso = geo.country_iso3(m.group(2).strip())
        if iso:
            return iso
    name = m.group(1).title()
    place = geo.lookup_place(name)
    iso = geo.country_iso3(name) or (place.country_iso3 if place else None)
    # "LONDON - Iran expels more Afghans": a city the story is filed from, when the text
    # names other countries and never comes back to the dateline's, hosts nothing
    if (
        iso is not None
        and any(c.iso3 != iso and c.start >= m.end() for c in art.countries)
        and not any(c.iso3 == iso and c.start >= m.end() for c in art.countries)
        and not any(p.place.country_iso3 == iso and p.start >= m.end() for p in art.places)
    ):
        return None
    return iso


def _listed_together(refs: list[_Ref], text: str) -> bool:
    """Whether the first two "to" countries are one list ("to Chad, South Sudan and Egypt"), not two
    clauses' ("4,300 have gone to Niger and 2,100 to Chad")."""
    refs = sorted(refs, key=lambda r: r.start)
    return (
        len(refs) >= 2
        and 0 < refs[1].start - refs[0].start < 40
        and not re.search(r"\d", text[refs[0].start : refs[1].start])
    )


def _most_named(art: _Article, skip: str | None) -> str | None:
    """The country the article names most: a country name counts twice, a gazetteer place once
    ("Rann", "Maiduguri", "Borno" outweigh one "Cameroon")."""
    weights: Counter[str] = Counter()
    for m in art.names:
        # the dateline's city is where the story was filed, not a mention; "U.S.-led" names a backer
        if m.start >= art.body_start and not _LED_AFTER.match(art.text, m.end):
            weights[m.iso3] += 2
    for p in art.places:
        if p.start >= art.body_start:
            weights[p.place.country_iso3] += 1
    weights.pop(skip or "", None)
    best = weights.most_common(1)
    return best[0][0] if best and best[0][1] >= 2 else None  # one passing place name is no host


def _crossing_pairs(refs: list[_Ref]) -> list[tuple[str, ...]]:
    return [r.isos for r in refs if r.crossing]


def _isos(refs: list[_Ref], roles: tuple[str, ...], crossing: bool = False) -> list[str]:
    out: list[str] = []
    for r in refs:
        if r.role in roles and r.crossing == crossing:
            out.extend(x for x in r.isos if x not in out)
    return out


_ENTRY_VERB = re.compile(r"\b(?:entered|re-entered|enter|entering|into)\s+$", re.IGNORECASE)


# "Turkey, which already hosts", "Ankara, which is currently hosting": the country the relative clause is
# about hosts the figure, whatever the main clause names after it
_WHICH_HOSTS = re.compile(
    r"\s*,\s+which\s+(?:(?:already|currently|now|still|alone)\s+)?(?:hosts|is\s+(?:(?:already|currently|now|still)\s+)?"
    r"(?:hosting|sheltering|home\s+to|host\s+to)|shelters|houses|has\s+(?:taken\s+in|received|welcomed|absorbed))\s+"
    r"(?:[\w.,-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _which_hosts(art: _Article, number: int) -> str | None:
    """The country of a name or capital right before ", which hosts <number>", if any."""
    text = art.text
    lo = max(0, number - 90)
    best: tuple[int, str] | None = None
    for c in art.names:
        if lo <= c.start and c.end <= number and (best is None or c.end > best[0]):
            best = (c.end, c.iso3)
    for p in art.places:
        if lo <= p.start and p.end <= number and (best is None or p.end > best[0]) and p.place.country_iso3:
            best = (p.end, p.place.country_iso3)
    if best is not None and _WHICH_HOSTS.fullmatch(text, best[0], number):
        return best[1]
    return None


def _entered(text: str, ref: _Ref, iso: str) -> bool:
    """Whether ``ref`` is country ``iso`` named as the object of a verb of entry ("entered Afghanistan")."""
    return (
        ref.named
        and ref.isos == (iso,)
        and _ENTRY_VERB.search(text, max(0, ref.start - 15), ref.start) is not None
    )


_PULLBACK = re.compile(
    r"\b(?:intercept(?:ed|ions?)|pulled\s+back|pull-?backs?|pushed\s+back)\b", re.IGNORECASE
)


def _resolve(row: _Row, prev: _Row | None, host: str | None, article_origin: str | None, text: str) -> None:
    """Fill movement, origin, location and destination from the clause's countries, then from context."""
    # countries after the number first ("... to Chad and 1.2 million to Egypt"), then the nearest before it
    refs = [r for r in row.refs if r.start > row.number] + [
        r for r in reversed(row.refs) if r.start < row.number
    ]
    from_, to_ = _isos(refs, ("from",)), _isos(refs, ("to",))
    in_, subj, agent = _isos(refs, ("in",)), _isos(refs, ("subj",)), _isos(refs, ("agent", "authority"))
    authority = _isos(refs, ("authority",))
    crossing = _isos(refs, ("from", "to", "in", "subj"), crossing=True)
    worldwide = row.location is not None  # "around the world": no single place, and no context to borrow
    if worldwide:
        prev, host, article_origin = None, None, None
    prev_loc = list(prev.location) if prev and prev.location else []
    mv, origin = row.movement, row.origin
    if (
        origin is None
        and mv not in ("fled", "fled_inside", "displaced", "evacuated")
        and row.population != "idps"
        and not (mv == "crossed" and from_)  # "crossed from Lebanon into Syria": the crossing says it
    ):
        origin = article_origin or (prev.origin if prev else None)
    mv_crossed = mv == "crossed"
    if mv == "crossed":
        # "crossed the English Channel" (no one's home named): an arrival; "29,000 Afghans crossed at
        # Torkham" in a story of returns: home
        home_story = prev is not None and prev.movement in _GO_HOME
        arrival_route = any(p in _ARRIVAL_ROUTES for p in _crossing_pairs(refs))
        # with no country named on the far side, a crossing goes home only in a story of returns: "another
        # 900 crossed on Monday" after arrivals in Chad are more arrivals
        mv = (
            "arrived"
            if (to_ and to_[0] != origin)
            or (origin is None and not (crossing and home_story))
            or (
                origin is not None
                and not to_
                and not home_story
                and not any(p[-1] == origin for p in _crossing_pairs(refs))  # "crossed at Torkham"
            )
            or arrival_route
            else "returned"
        )
        if mv == "arrived" and origin is None and from_:
            origin = from_[0]  # "9,300 people crossed from Ukraine into Poland"
    elif mv == "left":
        if origin and from_ and from_[0] == origin:
            mv = "displaced"
        elif origin is None:
            mv = "other"  # "hundreds of migrants are leaving Tunisia by boat": an exit, not a way home
        else:
            mv = "returned"
    elif mv == "fled":
        foreign = [x for x in to_ + in_ if x != origin and x not in from_]
        to_named = [r for r in refs if r.role == "to" and r.named and not r.crossing]
        if foreign and origin and (to_ and to_[0] in foreign):
            mv = "arrived"
        elif origin is None and to_named and to_named[0].isos[0] not in from_:
            mv = "arrived"  # "15,000 people fled to Chad": a flight to a named country crosses its border
        else:
            mv = "displaced"
        if mv == "arrived" and origin is None and from_:
            origin = from_[0]  # "3,400 refugees fled to Uganda from South Sudan"
    if mv == "arrived" and not (to_ or in_ or subj or from_) and prev and prev.movement in _GO_HOME:
        mv = "returned"  # "2,340 families arrived at the crossing" in a story of returns: they came home
    if mv == "arrived" and origin and row.arrived_at == origin and not from_:
        mv = "returned"  # "126 Guatemalan migrants landed in Guatemala City": they came home
    elif (
        mv == "arrived"
        and origin
        and origin not in from_
        and (
            # "3,100 other migrants entered Afghanistan from Iran" (named: "the country" may be anyone's)
            (to_ and to_[0] == origin and any(_entered(text, r, origin) for r in refs))
            or (
                from_
                and not to_
                and prev is not None
                and prev.movement in _GO_HOME
                and prev.destination == origin
                and prev.sentence == row.sentence
            )
        )
    ):
        mv = "returned"  # "... came from Pakistan, while 2,900 arrived from Iran": more of the same returns
    evacuated = mv == "evacuated"
    inside = mv == "fled_inside"
    if evacuated or inside:
        mv = "displaced"

    loc: list[str]
    dest: str | None = None
    if mv in _GO_HOME:
        dest = to_[0] if to_ else origin
        pairs = [r.isos for r in refs if r.crossing]
        if dest is None and pairs and not from_:
            dest = pairs[0][1]  # "returned through Torkham": the usual direction of returns there
        elif dest is None and in_ and not from_:
            dest = in_[0]  # "returnees in Kandahar": where returnees are is home
        loc = [x for x in from_ if x != dest] or [x for x in crossing if x != dest]
        loc = loc or [x for x in in_ + subj + agent if x not in (dest, origin)]
        loc = loc or [x for x in prev_loc if x != dest] or ([host] if host and host != dest else [])
        if not loc and dest is not None and in_ and set(in_) == {dest} and not from_:
            loc = [dest]  # "returned to their homes in Kherson": a return inside one country
    elif mv in ("arrived", "resettled"):
        # a subject country stands before its verb ("Germany has taken in 1 million"); one after the number
        # is something else ("from countries including Syria")
        subj_first = _isos([r for r in refs if r.start < row.number], ("subj",))
        cands = [x for x in to_ + in_ + subj_first if x != origin and x not in from_]
        same_flow = (
            prev is not None
            and prev.movement == "arrived"
            and prev.destination
            and origin
            and prev.origin == origin
        )
        listed = [r for r in refs if r.role in ("to", "in") and not r.crossing]
        # a named route of arrivals gives its usual direction ("crossed the English Channel")
        route = next((p for p in _crossing_pairs(refs) if p in _ARRIVAL_ROUTES), None)
        if row.several and not to_:
            dest = None  # "fled to nearby states, with Kenya and Uganda taking the most"
        elif len({x for r in listed for x in r.isos} - {origin}) >= 2 and _listed_together(listed, text):
            dest = None  # "fled the country, primarily to Chad, South Sudan, Egypt and Ethiopia"
        elif cands:
            dest = cands[0]
        elif route and route[1] != origin:
            dest = route[1]  # "crossed the English Channel", "apprehensions on the US-Mexico border"
        elif same_flow and prev is not None:
            dest = prev.destination  # "8,000 have come in the past month" after "fleeing to Bangladesh"
        elif authority and authority[0] != origin:
            dest = authority[0]  # "Border Patrol agents apprehended 180,000 migrants": arrivals in the US
        elif row.context_to:
            dest = row.context_to
        elif prev is not None and prev.movement == "arrived" and prev.destination and not refs:
            dest = prev.destination  # a run of arrival figures: "On March 2, 117 migrants crossed"
        else:
            dest = next((x for x in prev_loc if x != origin), None)
            if dest is None and mv_crossed and host and host != origin:
                dest = host  # a crossing with no far side named goes into the country the story is about
        loc = from_ or ([origin] if origin else []) or ([route[0]] if route and dest == route[1] else [])
        if not loc and dest is not None:
            # "fighting in eastern Congo forced 3,000 people to flee into Uganda": the flight starts where
            # the clause before the number places the events that drove it
            scene = _isos([r for r in refs if r.start < row.number], ("in",))
            loc = [x for x in scene if x != dest][:1]
            origin = origin or (loc[0] if loc else None)
        # "agents along the Mexican border": the country across the border the agents guard
        loc = loc or [x for x in _isos(refs, ("agent",)) if x != dest and dest in authority][:1]
        if not loc and prev is not None and prev.movement == "arrived" and dest == prev.destination:
            loc = [x for x in prev_loc if x != dest]
        if not loc and dest is None and row.article_route and row.article_route[1] != origin:
            dest = row.article_route[1]  # the route the story is about ends where it usually does
        if not loc and dest is not None and row.article_route and row.article_route[1] == dest:
            # a year-to-date total of crossings in a story about the English Channel (no country named): the route's
            # usual start (France for the Channel, Mexico for the US southwest border)
            loc = [row.article_route[0]]
    elif mv == "displaced":
        loc = [x for x in in_ + subj + from_ + agent if x not in to_] or in_ or from_
        if not loc and origin is None and prev is not None and prev.movement == "displaced" and prev_loc:
            loc = prev_loc[:1]  # the displacement the sentence before placed ("27,000 displaced in 48 hours")
        origin = origin or (None if loc else article_origin)  # "fled to other parts of the state"
        if not loc and origin:
            loc = [origin]
        loc = loc[:1] or ([host] if host else []) or prev_loc[:1]
        dest = to_[0] if to_ else (loc[0] if (evacuated or inside) and loc else None)
        if evacuated and row.population == "people" and (dest is None or dest in loc):
            row.population = row.base_population = "idps"  # evacuees who cross no border are displaced inside
        elif evacuated and dest is not None and loc and dest not in loc:
            mv = "arrived"  # "1,200 Afghans were evacuated to Qatar": across a border
    else:
        # a subject country stands before its verb ("Turkey hosts ..."); after the number it is something else
        subj_before = _isos([r for r in refs if r.start < row.number], ("subj",))
        in_after = [x for x in _isos([r for r in refs if r.start > row.number], ("in",)) if x != origin]
        # "1.9 million refugees are in Turkey, 1.2 million in Lebanon": a count's own place after it wins
        loc = in_after if row.gapped and in_after else [x for x in in_ + subj_before if x != origin]
        if mv == "hosted" and row.which_host is not None:
            loc = [
                row.which_host
            ]  # "Turkey, which already hosts 3 million refugees, fears an influx from Syria"
        loc = loc or [x for x in to_ if x != origin][:1]  # "living in camps in Cox's Bazar"
        loc = loc or [x for x in from_ + agent if x != origin] or [p[0] for p in _crossing_pairs(refs)][:1]
        loc = loc or [x for x in prev_loc if x != origin] or ([host] if host and host != origin else [])
        own = [x for x in in_ + subj_before + ([host] if host else []) if x == origin]
        if not loc and own and mv == "hosted" and row.population in ("people", "idps"):
            # people sheltered in their own country ("camps near Goma host 600,000 people") are displaced
            loc, mv = own[:1], "displaced"
            if row.population == "people":
                row.population = "idps"
    if row.population == "idps" or mv == "displaced":
        origin = origin or (loc[0] if loc else None) or (dest if mv in _GO_HOME else None)
        if origin and row.population == "idps":
            loc = [origin]
            if mv in _GO_HOME or ((inside or evacuated) and dest is not None):
                dest = origin  # a flight inside the country ends in that country
    origin = origin or article_origin
    if mv in _GO_HOME and dest is None:
        # "returned from Pakistan through Torkham": home is the crossing's other side
        dest = origin or next((x for x in crossing if x not in loc), None)
    if mv == "returned" and not row.explicit_origin and _PULLBACK.search(text, row.start, row.end):
        # "intercepted and returned to Libya": sent back to where the boats left, which is not their home
        origin = None
    elif mv in _GO_HOME and origin is None:
        origin = dest  # returnees and deportees go home
    if mv == "other" and from_:
        # "turned back boats carrying 146 Rohingya who tried to cross from Myanmar": a movement out of from_
        loc = from_
        dest = next((x for x in to_ + subj + agent if x not in from_), None)
    elif mv == "other":
        dest = to_[0] if to_ else None
    elif mv not in _GO_HOME and mv not in ("arrived", "displaced", "resettled"):
        dest = None
    if worldwide:
        loc = []
    if row.mixed:
        origin = None  # "Guatemalans, Salvadorans and Hondurans": no one origin, no one home to go to
        if mv in _GO_HOME and not to_:
            dest = None
    if mv == "arrived" and row.population == "idps":
        # displaced people who reach another country are no longer internally displaced; those who reach a
        # place in their own are displaced there
        if row.several or (dest is not None and origin is not None and dest != origin):
            row.population = row.base_population = "people"
        else:
            mv = "displaced"
            origin = origin or dest
            dest = dest or origin
            loc = loc or ([origin] if origin else [])
    if (
        mv == "hosted"
        and row.defaulted
        and row.period is not None
        and (row.period[1] - row.period[0]).days >= 27  # a month or more: a statistic, not a weekend's stay
        and prev is not None
        and prev.movement == "arrived"
        and row.population not in ("refugees", "idps", "undocumented")
    ):
        # "last year's record of 248,000 migrants", "a total of 31,678 for the whole of 2006": in a story of
        # arrivals, a dated figure no verb describes counts arrivals too, not the people a place holds
        mv = "arrived"
        dest = prev.destination or (loc[0] if loc else None)
        loc = list(prev.location or [])
    row.movement, row.origin, row.destination = mv, origin, dest
    row.location = list(dict.fromkeys(loc))
    if row.forced is None and mv == "deported":
        row.forced = True
    if mv not in ("deported", "other", "displaced") and row.forced is True:
        row.forced = None
    if mv == "hosted" and not row.own_time:
        row.period = None


# "the return to Afghanistan of 159 refugees", "the deportation from Germany of 300 Afghans": a movement noun
# whose "of" group stands after a place; the noun's cue spans the place ("return of" reaches its number)
_NOUN_OF = [p[: -len(" of")] for p in _CUES if p.endswith(" of") and _CUES[p][0].scope == "before"]
_NOUN_PLACE_OF = re.compile(
    r"\b(?i:(" + "|".join(sorted(map(re.escape, _NOUN_OF), key=len, reverse=True)) + r"))"
    r"\s+(?i:to|from|into|in)\s+(?:the\s+)?[A-Z][\w\u2019'.-]*(?:\s+[A-Z][\w\u2019'.-]*){0,3}\s+of\b"
)


@lru_cache(maxsize=16)
def _cue_hits_cached(text: str) -> tuple[tuple[int, int, list[_Cue]], ...]:
    """Cached on the text: the gate and the article both want every cue."""
    hits = [(s, e, _CUES[_key(text[s:e])]) for s, e in span_iter(_CUE_RE, _CUE_TWIN, text)]
    for m in _NOUN_PLACE_OF.finditer(text):
        cues = _CUES.get(_key(m.group(1)) + " of")
        if cues:
            hits = [h for h in hits if not m.start() <= h[0] < m.end()] + [(m.start(), m.end(), cues)]
    return tuple(sorted(hits, key=lambda h: h[0]))


def _cue_hits(text: str) -> list[tuple[int, int, list[_Cue]]]:
    """(start, end, cues) of every cue phrase in ``text``."""
    return list(_cue_hits_cached(text))


def extract_refugee_counts(text: str, published: dt.date | None = None) -> list[RefugeeCount]:
    """Return one record per number about displaced people in ``text``."""
    if next(span_iter(_GATE_RE, _GATE_TWIN, text), None) is None and not any(
        cues[0].kind not in _NOT_MOVES for _, _, cues in _cue_hits(text)
    ):
        return []  # no word about moving, fleeing or hosting people: skip the costly gazetteer passes
    art = _Article(text, published)
    spans = [(t.start, t.end) for t in art.times]
    spans += [(m.start(), m.end()) for m in _BACKREF.finditer(text)] if art.may_backref else []
    qs = [
        q
        for q in numbers.find_quantities(text)
        if q.kind == "count"
        and not _overlaps(q.start, q.end, spans)
        and not _phone(text, q.start, q.end)
        and not (q.value <= 31 and _DAY_LIST_BEFORE.search(text, max(0, q.start - 30), q.start))
    ]
    rows: list[_Row] = []
    qi = 0
    for si, sent in enumerate(art.sentences):
        while qi < len(qs) and qs[qi].start < sent.start:
            qi += 1
        sq: list[numbers.Quantity] = []
        while qi < len(qs) and qs[qi].end <= sent.end:
            sq.append(qs[qi])
            qi += 1
        nps = [
            _noun_phrase(art, q.end, sq[k + 1].start if k + 1 < len(sq) else sent.end)
            for k, q in enumerate(sq)
        ]
        for q, np in zip(sq, nps, strict=True):
            if (
                np.head in _DEMOGRAPHIC_HEADS
                and np.kind == "people"
                and _INCLUDING_LIST.search(text, max(sent.start, q.start - 60), q.start)
            ):
                np.kind = "other"
            if np.kind == "event":
                np.kind = (
                    "displaced"
                    if art.about_displaced and not _DEFINITE.search(text, max(0, q.start - 8), q.start)
                    else "other"
                )
        # Numbers of other things ("five children", "30 soldiers") do not bound the clauses of the counts.
        cands = [(q, np) for q, np in zip(sq, nps, strict=True) if np.kind != "other"]
        for i in range(len(cands)):
            row = _analyze(art, si, cands, i, rows)
            if row is not None:
                rows.append(row)
    origins = Counter(r.origin for r in rows if r.explicit_origin and r.origin).most_common(2)
    # Syrians and Lebanese counted side by side: no one origin speaks for the article's other groups
    article_origin = (
        origins[0][0] if origins and (len(origins) == 1 or origins[0][1] >= 2 * origins[1][1]) else None
    )
    host = _dateline_country(art)
    if host is None:
        host = _most_named(art, article_origin)
    prev: _Row | None = None
    route = next((pair for _, _, pair in art.crossings if pair in _ARRIVAL_ROUTES), None)
    for row in rows:
        row.which_host = _which_hosts(art, row.number)
        row.article_route = route
        _resolve(row, prev, host, article_origin, text)
        prev = row
    _context_periods(art, rows, article_origin)
    pub = art.published
    for row in rows:
        if pub is not None and row.period is not None and row.period[0] <= pub < row.period[1]:
            # "148,000 returning in 2024" in a June 2024 story: counted up to publication, not to December
            row.period = row.period[0], pub
    return [
        RefugeeCount(
            population=r.population,
            movement=r.movement,
            forced=r.forced,
            count=r.count,
            qualifier=r.qualifier,
            unit=r.unit,
            origin_iso3=r.origin,
            location_iso3=tuple(r.location or ()),
            destination_iso3=r.destination,
            period_start=r.period[0] if r.period else None,
            period_end=r.period[1] if r.period else None,
            start_char=r.start,
            end_char=r.end,
        )
        for r in rows
    ]


# ---------- periods the context gives ----------

# "about 1,200 a day", "85 people per day", "900 migrants ... each day", "leaving daily": a rate, which
# counts a flow, not the people a place holds
_RATE_AFTER = re.compile(
    r"(?:[^.;,:()\u2014\u2013]|(?<=\d)[.,](?=\d)){0,70}?\b(?:(?:per|each|every)\s+(?:day|week|month)|"
    r"(?<!\bover\s)(?<!\bthan\s)(?<!\bin\s)(?<!\bwithin\s)(?<!\bjust\s)(?<!\bonly\s)(?<!\bfor\s)"
    r"(?<!\babout\s)(?<!\bnearly\s)(?<!\balmost\s)(?<!\bunder\s)(?<!\bafter\s)a\s+(?:day|week|month)|"
    r"daily)\b",
)
_RATE_BEFORE = re.compile(
    r"\b(?:[Oo]n\s+a\s+(?:daily|weekly)\s+basis|[Ee]very\s+day|[Ee]ach\s+day),?\s+[^.;]{0,40}$"
)
# Words that date a sentence without a time expression ("so far", "since the fall of the regime", "since then")
# or tell the span is open ("at the time"): such a sentence's period is its own business.
_OWN_SPAN_WORD = re.compile(
    r"\b(?:since|so\s+far|to\s+date|thus\s+far|until|till|by\s+the\s+end|at\s+the\s+time|currently|now|"
    r"ago|earlier|previous|previously|before|after|later|then|once|ever|record|total|overall|altogether|"
    r"cumulative|in\s+all)\b",
    re.IGNORECASE,
)
_FLOW_FAMILY = {"returned": "home", "deported": "home"}
_YEAR_WORD = re.compile(r"\b(?:19|20)\d\d\b")
# "In March, landings rose in Sardinia, with 410 new arrivals, while 120 people came ashore in
# Lampedusa": a time that opens the sentence dates every figure in it
_OPENING_TIME_GAP = re.compile(r"\s*,\s")
_OPENING_BOUND = re.compile(r"(?:by|until|till|as\s+of|as\s+at|before|after)\b", re.IGNORECASE)


# "since the start of the war in Sudan", "since the invasion", "since the fall of the government", "since the
# junta seized power", "from the start of the invasion until the end of January": a span from an event the
# text does not date
_EVENT_NOUN = {
    "war": "war", "conflict": "war", "fighting": "war", "invasion": "war", "hostilities": "war",
    "coup": "takeover", "takeover": "takeover", "fall": "fall", "collapse": "fall", "ouster": "fall",
    "overthrow": "fall", "downfall": "fall",
}  # fmt: skip
_EVENT_SINCE = re.compile(
    r"\b(?P<rel>[Ss]ince|[Ff]rom|[Ff]ollowing|[Aa]fter)\s+(?:the\s+)?(?:(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:[A-Z][\w\u2019'.-]*\s+){1,3}?(?:[A-Z][\w.-]*[\u2019']s\s+)?|[A-Z][\w.-]*[\u2019']s\s+)?"
    r"(?:(?:full-scale|all-out|civil|military|Russian|Israeli|recent|current)\s+)*"
    r"(?P<noun>war|conflict|fighting|invasion|hostilities|coup|takeover|fall|collapse|ouster|overthrow|downfall)\b"
    r"|\b(?P<vrel>[Ss]ince)\s+(?:the\s+)?(?:(?:[\w\u2019'-]+\s+){0,3}?(?P<vwar>war|conflict|fighting)\s+"
    r"(?:began|started|erupted|broke\s+out)|"
    # "since Russia invaded", "in the days since Russia launched its full-scale invasion"
    r"(?:[\w\u2019'-]+\s+){0,2}?(?P<vinv>invaded|launched\s+(?:its|the|a)\s+(?:full-scale\s+)?invasion)|"
    r"(?:[\w\u2019'-]+\s+){0,3}?(?:military|army|junta|Taliban)\s+"
    r"(?P<vtake>seized|took|grabbed)\s+(?:power|control|over)|(?:[\w\u2019'-]+\s+){0,4}?(?:regime|government)\s+"
    r"(?P<vfall>fell|collapsed))\b"
)
# after "following"/"after", only an event that starts something counts from its day
_ONSET_NOUNS = frozenset(
    {"invasion", "coup", "takeover", "fall", "collapse", "ouster", "overthrow", "downfall"}
)
_ONSET_OF = re.compile(r"\b(?:start|beginning|outbreak|onset)\s+of\b", re.IGNORECASE)
_OTHER_CLAUSE = re.compile(r"\b(?:while|whereas|but)\b", re.IGNORECASE)
_CLAUSE_GAP = re.compile(r"[,;:\u2014\u2013]")
_EVENT_UNTIL = re.compile(r"[^.;]{0,60}?\b(?:until|to|through|till)\s+(?:the\s+end\s+of\s+)?$")
_UNTIL_OWN = re.compile(r"(?:until|till|through|to|(?:the\s+)?end\s+of)\b", re.IGNORECASE)


def _until(text: str, event_end: int, t: dates.TimeExpr) -> bool:
    """Whether time ``t`` closes a span that opens at an event ("... invasion until the end of May")."""
    return bool(_EVENT_UNTIL.match(text, event_end, t.start) or _UNTIL_OWN.match(text, t.start))


def _event_period(
    art: _Article, row: _Row, sent: _Sentence, article_origin: str | None
) -> tuple[dt.date, dt.date] | None:
    """The span from an undated war, takeover or fall that the row's sentence counts from, to publication
    (or to the time a "from ... until" names)."""
    pub, text = art.published, art.text
    if pub is None:
        return None
    for m in _EVENT_SINCE.finditer(text, sent.start, sent.end):
        if (
            m.group("noun")
            and m.group("rel") in ("From", "from")
            and not m.group(0)
            .lower()
            .startswith(("from the start", "from the beginning", "from the outbreak", "from the onset"))
        ):
            continue  # "fled from the fighting": a cause, not a start
        if m.group("rel") in ("Following", "following", "After", "after") and not (
            m.group("noun") in _ONSET_NOUNS or _ONSET_OF.search(m.group(0))
        ):
            continue  # "fled after the fighting": a cause; "fled following Russia's invasion": since its start
        if m.end() <= row.number and _OTHER_CLAUSE.search(text, m.end(), row.number):
            continue  # "3.3 million have fled since the invasion, while 6.5 million are displaced": not that clause's
        # a time right after the event dates it ("since the war began on February 24"), not one in the next
        # clause ("since the Russian invasion, the United Nations said Friday")
        dated = (
            t
            for t in art.times
            if m.start() <= t.start < m.end() + 40
            and not _until(text, m.end(), t)
            and not _CLAUSE_GAP.search(text, m.end(), max(m.end(), t.start))
        )
        if next(dated, None) is not None:
            continue  # "since the war began in April 2023": the text dates it
        if m.group("noun"):
            kind = _EVENT_NOUN[m.group("noun")]
        else:
            kind = "war" if m.group("vwar") or m.group("vinv") else "takeover" if m.group("vtake") else "fall"
        after = text[m.end() : m.end() + 60]
        named = [c.iso3 for c in art.countries if m.start() <= c.start < m.end() + min(len(after), 40)]
        for iso in [*named, row.origin, article_origin, art.host]:
            days = [d for d in _EVENTS.get((iso, kind), ()) if d <= pub] if iso else []
            if days:
                last = pub
                until = next(
                    (t for t in art.times if m.end() <= t.start < sent.end and _until(text, m.end(), t)),
                    None,
                )
                if m.group("rel") in ("From", "from") and until is not None and until.last is not None:
                    last = until.last
                return (days[-1], last) if days[-1] <= last else None
    return None


_MONTH_OR_YEAR = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+(?:19|20)\d\d)?|(?:19|20)\d\d)"
)
# "the return of 5,000 and 4,000 in April and May respectively", "1,830 and 1,218 in 2020 and 2019
# respectively": each figure has the time in the same place of the list
_RESPECTIVE_TIMES = re.compile(
    rf"\b(?:in|during|for)\s+(?P<a>{_MONTH_OR_YEAR})\s*,?\s+and\s+(?P<b>{_MONTH_OR_YEAR}),?\s+respectively\b"
)


def _respective_times(art: _Article, rows: list[_Row]) -> None:
    """Give the figures before "in T1 and T2 respectively" their own times, in order."""
    pub = art.published
    if pub is None or "respectively" not in art.text:
        return
    for m in _RESPECTIVE_TIMES.finditer(art.text):
        si = bisect.bisect_right(art.sentence_starts, m.start()) - 1
        mine = [r for r in rows if r.sentence == si and r.number < m.start()][-2:]
        spans = [dates.resolve_time_expr("in " + m.group(g), pub) for g in ("a", "b")]
        if len(mine) != 2 or not all(spans):
            continue
        # "In June 2021, 5,840 ..., compared to 1,830 and 1,218 in 2020 and 2019 respectively": the years
        # of a figure dated by a shorter span are that span in those years
        ref = next(
            (
                r.period
                for r in rows
                if r.sentence == si
                and r not in mine
                and r.period is not None
                and r.period[0].year == r.period[1].year
                and (r.period[0].month, r.period[0].day, r.period[1].month, r.period[1].day) != (1, 1, 12, 31)
            ),
            None,
        )
        for row, span in zip(mine, spans, strict=True):
            if span is None:
                continue
            whole = (span[0].month, span[0].day, span[1].month, span[1].day) == (1, 1, 12, 31)
            if ref is not None and whole:
                span = _in_year(ref[0], span[0].year), _in_year(ref[1], span[0].year)
            row.period = span


def _same_flow(a: str, b: str) -> bool:
    return a == b or _FLOW_FAMILY.get(a, a) == _FLOW_FAMILY.get(b, b)


def _context_periods(art: _Article, rows: list[_Row], article_origin: str | None) -> None:
    """Periods a flow takes from its context when its own sentence gives none.

    A rate ("1,200 a day") is the flow of the clause it qualifies, not a stock. A figure after the first in a
    sentence that opens with a time ("In March, ...") has that time. A flow whose sentence names no time at
    all continues the flow the sentence before counts ("9,310 returned between 2 and 8 March. 4,120 returned
    on their own and 5,190 were deported"): that flow's period."""
    text = art.text
    _respective_times(art, rows)
    if _YEAR_BEFORE.search(text):
        _year_before(art, rows)
    for k, row in enumerate(rows):
        sent = art.sentences[row.sentence]
        if _RATE_AFTER.match(text, row.number) or _RATE_BEFORE.search(
            text, max(sent.start, row.number - 60), row.number
        ):
            if row.movement == "hosted":
                flow = next(
                    (r for r in reversed(rows[:k]) if r.sentence == row.sentence and r.movement != "hosted"),
                    None,
                )
                if flow is not None:  # "2,310 have crossed the strait, an average of 85 people per day"
                    row.movement, row.destination = flow.movement, flow.destination
                    row.location = list(flow.location or [])
            continue
        if row.period is None and row.movement != "hosted":
            row.period = _event_period(art, row, sent, article_origin)
        if (
            row.period is None
            and row.movement != "hosted"
            and row.count % 100
            # (not "2,811 of them were deported": a part of the group the sentence counts)
            and not _PART_OF.match(text, row.number)
        ):
            # "A boat carrying 57 refugees landed on Sunday. ... The 57 refugees had spent a month at sea": a
            # specific figure told again is the same flow, with the same period
            again = next(
                (r for r in reversed(rows[:k]) if r.count == row.count and r.movement == row.movement),
                None,
            )
            if again is not None:
                row.period = again.period
        if row.period is not None or row.movement in ("hosted", "displaced"):
            continue
        own = [t for t in art.times if sent.start <= t.start < sent.end]
        if own:
            first = own[0]
            if (
                first.start - sent.start <= 3
                and first.first is not None
                and first.last is not None
                and first.end < row.number
                and _OPENING_TIME_GAP.match(text, first.end)
                and not _OPENING_BOUND.match(text, sent.start)
                and not any(first.end <= t.start < row.number for t in own[1:])
                and not _tells(art, first, row.number)
            ):
                row.period = first.first, first.last
            continue
        if _OWN_SPAN_WORD.search(text, sent.start, sent.end) or _YEAR_WORD.search(text, sent.start, sent.end):
            continue  # "echoes the 2006 conflict, when 250,000 fled": a year the scan did not read as a time
        prev = next((r for r in rows[:k] if r.sentence == row.sentence - 1), None)
        if (
            prev is not None
            and prev.period is not None
            and _same_flow(prev.movement, row.movement)
            and text.count("\n\n", prev.number, row.number) <= 1
        ):
            row.period = prev.period
        elif prev is None or _same_flow(prev.movement, row.movement) or prev.movement == "other":
            day = _neighbour_day(art, row)
            if day is not None:
                row.period = day, day


_BOAT_WORD = re.compile(r"\b(?:boats?|vessels?|dinghy|dinghies|lifeboats?|rafts?)\b", re.IGNORECASE)
_ABOARD = re.compile(r"carrying|on\s+board|aboard", re.IGNORECASE)


def _boat_people(art: _Article, sent: _Sentence, moves: list[tuple[int, int, _Cue]]) -> bool:
    """ "a dinghy carrying 31 people", "some 70 people aboard the raft": in a story about displaced
    people, the people a boat carries are the migrants it carries (not a bus's or a plane's passengers)."""
    return (
        art.about_displaced
        and any(_ABOARD.match(art.text, c[0]) for c in moves)
        and _BOAT_WORD.search(art.text, sent.start, sent.end) is not None
    )


# "Another 3,901 were moved": a further group, not the one the sentence before dated
_ANOTHER_BEFORE = re.compile(r"\b(?:[Aa]nother|[Aa]\s+further|[Ff]urther)\s+$")
# "risk their lives each year", "usually arrive": a habit, not the day's event
_HABIT = re.compile(r"\b(?:(?:each|every|per)\s+(?:year|month|week)|annually|usually|often|typically)\b")
_BOAT_EVENT = re.compile(
    r"\b(?:boats?|vessels?|dinghy|dinghies|capsiz\w*|shipwreck\w*|rescue\w*|sank)\b", re.IGNORECASE
)
_NOT_A_DAY_WORD = re.compile(r"(?:today|tonight|now)\b", re.IGNORECASE)


def _neighbour_day(art: _Article, row: _Row) -> dt.date | None:
    """The day the sentence right before dates, for a figure whose own sentence has no time and which goes
    on telling the same event: "A dinghy sank off the cape on Friday. Nine of its passengers were pulled
    from the water"; "Boats kept landing on Sunday. By noon, some 300 people had come ashore". Only a single
    day the sentence before gives to a movement (not the day someone said it: "families crossed, the mayor
    said on Monday"), and only for a flow, not a stock."""
    text = art.text
    if row.sentence == 0 or row.movement in ("hosted", "displaced"):
        return None
    sent, before = art.sentences[row.sentence], art.sentences[row.sentence - 1]
    if (
        text.count("\n\n", before.start, row.number) > 1
        or _HABIT.search(text, sent.start, sent.end)
        or _ANOTHER_BEFORE.search(text, max(sent.start, row.number - 12), row.number)
    ):
        return None
    times = [t for t in art.times if before.start <= t.start < before.end]
    if len(times) != 1:
        return None
    t = times[0]
    if t.first is None or t.first != t.last or _NOT_A_DAY_WORD.match(text, t.start):
        return None
    hits = [h for h in art.cue_hits if before.start <= h[0] < before.end]
    # "said on Wednesday", "told journalists at a briefing on Friday": the day of the telling
    if any(
        h[2][0].kind == "report"
        and t.start - 50 <= h[1] <= t.start
        and not re.search(r"[.;,]", text[h[1] : t.start])
        for h in hits
    ):
        return None
    if not (
        any(h[2][0].kind not in _NOT_MOVES for h in hits)
        or _BOAT_EVENT.search(text, before.start, before.end)
    ):
        return None
    return t.first


# "the 3,210 in the previous 12 months", "up from 7,900 in the same months a year before", "During the same
# period the year before, ...": the period of the figure it is set against, a year back
_YEAR_BEFORE = re.compile(
    r"\b(?:(?P<prev>(?:previous|preceding|prior)\s+(?:12|twelve)\s+months)|(?:same\s+(?:period|time|months?)\s+"
    r"(?:in\s+|of\s+)?)?(?:a\s+year\s+(?:earlier|before)|the\s+(?:year|12\s+months)\s+before|"
    r"the\s+(?:previous|preceding|prior)\s+year))\b",
    re.IGNORECASE,
)
# ... right after the number and its noun ("the 3,210 in the previous 12 months"), not a comparison ("up a
# fifth on the previous year")
_YEAR_BEFORE_GAP = re.compile(
    r"[\d,.]*(?:\s+(?!up\b|down\b|than\b|on\b)[a-z]+){0,3}\s+(?:(?:in|during|over|for)\s+(?:the\s+)?)?"
)
_YEAR_BEFORE_FRAME = re.compile(r"\W{0,3}(?:during|in|over)\s+the\s+", re.IGNORECASE)


def _year_before(art: _Article, rows: list[_Row]) -> None:
    """Periods a year before the figure each "previous 12 months" or "a year earlier" row is set against:
    the row before it in the sentence (or the one before), else, when the phrase opens the sentence
    ("During the same period in the year before, 38,000 in April"), the row's own months."""
    text = art.text
    for k, row in enumerate(rows):
        sent = art.sentences[row.sentence]
        m = next(
            (
                m
                for m in _YEAR_BEFORE.finditer(text, sent.start, sent.end)
                if (row.number < m.start() and _YEAR_BEFORE_GAP.fullmatch(text, row.number, m.start()))
                or (m.end() < row.number and _YEAR_BEFORE_FRAME.fullmatch(text, sent.start, m.start()))
            ),
            None,
        )
        if m is None:
            continue
        pub = art.published
        if m.end() < row.number:
            # the sentence opens with it: the months the row names, a year back
            if row.period is not None and (pub is None or row.period[1] < pub):
                a, b = row.period
                row.period = _in_year(a, a.year - 1), _in_year(b, b.year - 1)
            continue
        ref = next(
            (
                r
                for r in reversed(rows[:k])
                if r.sentence in (row.sentence, row.sentence - 1) and r.period is not None
            ),
            None,
        )
        if ref is None or ref.period is None:
            continue
        a, b = ref.period
        if m.group("prev"):
            row.period = _in_year(a, a.year - 1), a - dt.timedelta(days=1)
        else:
            row.period = _in_year(a, a.year - 1), _in_year(b, b.year - 1)


_PART_OF = re.compile(r"[\d,.]+\s+of\s+(?:them|these|those|whom)\b", re.IGNORECASE)


# "agents apprehended 180,000 migrants", "encountered": at a border, the count of arrivals
_BORDER_EVENT = re.compile(r"apprehen|encounter", re.IGNORECASE)
_BORDER_WORD = re.compile(r"\bborder\b", re.IGNORECASE)
# "the two crossings", "both crossings", "via two border crossings": a definite set of things (border
# posts, the way a flow went), not events counted
_DEFINITE = re.compile(r"\b(?:the|these|those|both|all|its|their|via|through)\s+$", re.IGNORECASE)
_DIGIT_DASH_END = re.compile(r"\d[-\u2010-\u2013]$")


def _phone(text: str, start: int, end: int) -> bool:
    """Phone and reference numbers: a leading zero or digits joined by hyphens ("0800-17-202")."""
    digits = re.search(r"\d", text[start:end])
    if digits and _PHONE.match(text, start + digits.start()):
        return True
    return bool(
        re.match(r"[-\u2010-\u2013]\d", text[end : end + 2])
        or _DIGIT_DASH_END.search(text[max(0, start - 3) : start])  # a match fits in the last 3 characters
    )


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
