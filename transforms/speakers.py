"""Who a subject noun phrase is: person or organization, name, title and country.

``analyze`` reads one noun phrase as written ("Caretaker Interior Minister
Sarfraz Bugti", "Iran's health ministry", "the agency", "he") plus an optional
appositive ("a deputy spokesman for the Taliban government") and returns a
``Speaker``, a ``Reference`` still to resolve against earlier mentions
(pronouns, definite descriptions, bare surnames), or None when the phrase is
not a speaker the contract counts (unnamed plurals, media, "no group").

``Memory`` holds one article's mentions (dateline, countries, actors, places,
speakers met so far) and turns a ``Reference`` or an open country into a
concrete speaker: the most recent compatible mention, else the context.
"""

from __future__ import annotations

import bisect
import difflib
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from transforms import geo
from transforms.actors import Actor, ActorMention, find_actors, lookup_actor
from transforms.lexicon import LexiconError, load_csv, load_lines, read_data


def _load_words() -> dict[str, frozenset[str]]:
    """Word classes of ``speaker_words.toml`` (each a space-separated string)."""
    out: dict[str, frozenset[str]] = {}
    for key, value in tomllib.loads(read_data("speaker_words.toml")).items():
        if not isinstance(value, str) or not value.split():
            raise LexiconError(f"speaker_words.toml: {key!r} must be a non-empty string of words")
        out[key] = frozenset(value.split())
    return out


_WORDS = _load_words()
_TITLE_WORDS = frozenset(w.lower() for w in load_lines("titles.txt"))
_HONORIFICS = frozenset(load_lines("speaker_honorifics.txt"))
_ORG_WORDS = frozenset(w.lower() for w in load_lines("speaker_org_words.txt"))
_GENDER = {
    row["word"].lower(): row["gender"]
    for row in load_csv("speaker_gender.csv", ("word", "gender"), ("word", "gender"))
}
if set(_GENDER.values()) - {"he", "she"}:
    raise LexiconError("speaker_gender.csv: gender must be he or she")
_MALE = frozenset(w for w, g in _GENDER.items() if g == "he")
_FEMALE = frozenset(w for w, g in _GENDER.items() if g == "she")
_STOP_HEADS = frozenset(w.lower() for w in load_lines("speaker_stoplist.txt"))


def _load_media() -> tuple[frozenset[str], frozenset[str]]:
    section, heads, names = "", set(), set()
    for line in load_lines("speaker_media.txt"):
        if line.startswith("["):
            section = line.strip("[]")
        elif section == "heads":
            heads.add(line)
        elif section == "names":
            names.add(line)
        else:
            raise LexiconError(f"speaker_media.txt: {line!r} is outside [heads] or [names]")
    if not heads or not names:
        raise LexiconError("speaker_media.txt: needs [heads] and [names]")
    return frozenset(heads), frozenset(names)


_MEDIA_NAME_HEADS, _MEDIA_NAMES = _load_media()
_DOCUMENTS = frozenset(w.lower() for w in load_lines("speaker_documents.txt"))
# words between a document's owner and the document ("its latest situation report", "a joint statement")
_DOC_MODIFIERS = frozenset(w.lower() for w in load_lines("speaker_document_modifiers.txt"))

PERSON, ORG = "person", "organization"
UNKNOWN = "?"  # country not decided by the phrase itself
_WORD = re.compile(r"[\w\u00c0-\u024f]+(?:[\u2019'\-.][\w\u00c0-\u024f]+)*")
_POSSESSIVE = re.compile(r"[\u2019']s$")
# "the agency's deputy representative": the owner is resolved by the caller, not read from the title.
_OWNER_REF = re.compile(r"^(?:[Tt]he\s+)?(?:[a-z]+[\u2019']s|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\b")
# "the agency's deputy representative", "its country director", "his spokesman": the owner is an
# earlier mention
_OWNER = re.compile(r"^(?:[Tt]he\s+)?(?:([a-z]+)[\u2019']s|([Ii]t)s|([Hh]is|[Hh]er|[Tt]heir))\b")
_PLACE_HEADS = {
    "province": ("admin1",),
    "state": ("admin1",),
    "region": ("admin1",),
    "district": ("district", "admin1"),
    "city": ("city",),
    "town": ("city",),
}
# "KABUL —", "TORKHAM, Afghanistan -", "Islamabad, Pakistan, Jan 5 (Reuters) -", "ISLAMABAD:"
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z'\u2019 .]{1,40}?(?:,\s*[A-Z][\w .]{1,30}?)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    # "CAIRO, April 27. /TASS/. …": an agency between slashes ends a dateline as a dash does
    r"(?:\s*\([^)\n]{1,30}\))?(?:(?:\s+[\u2014\u2013-]{1,2}|:)|\.?\s*/[A-Z][A-Za-z-]{1,12}/\.?)\s+"
)
_PRONOUN_CUES = frozenset(["he", "his", "him", "himself", "she", "her", "hers", "herself"])
_CUE_WORD = re.compile(r"[A-Za-z]+")
_FROM = re.compile(r"\bfrom\s+([A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*)*)")
_MOVE_WORDS = frozenset(["fled", "came", "back", "home", "out", "away", "sent", "driven", "flown", "run"])
_PAREN = re.compile(r"\s*\([^)]*\)")
_FOR_THE_BODY = re.compile(r"\b(?:for|of|at|with)\s+the\s+(\w+)\s*$")
_UN_WORD = re.compile(r"\b(?:UN|U\.N\.|United Nations)(?![\w.])")
_TO_BODY = re.compile(r"\bto\s+(?:the\s+)?$")
# "Myanmar nationals", "Afghan refugees", "Rohingyas": the people a story is about, not a side that speaks
_PEOPLE_AFTER = re.compile(
    r"\s+(?:nationals|refugees|migrants|citizens|asylum[- ]seekers|returnees|deportees|civilians|people|"
    r"families|workers|children|women|men|immigrants|evacuees|passengers|pilgrims|students|prisoners)\b"
)
# "Iran-backed", "Saudi-led", "US-based": a country modifying someone else
_HYPHEN_MODIFIER = re.compile(r"-[a-z]")
# "near the border with Chad", "its borders with Chad or Sudan": the neighbour across a border, not
# the side the story is about (matched on the text just before a country word)
_BORDER_WITH = re.compile(
    r"\b(?:border|borders|frontier|frontiers)\s+with\s+(?:the\s+)?"
    r"(?:[A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*)*(?:,\s+|\s+and\s+|\s+or\s+))*$"
)
_LED_BY = re.compile(r"-(?:led|backed|based|run|linked|allied|aligned|supported|funded|affiliated)$")
_LEADING_DET = re.compile(r"^(?:the|The)\s+")
_INDEFINITE = frozenset(
    [
        "a",
        "an",
        "no",
        "some",
        "several",
        "many",
        "other",
        "another",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "any",
        "each",
        "every",
        "both",
        "all",
        "most",
        "few",
    ]
)
_NAME_PARTICLES = frozenset(
    [
        "al",
        "el",
        "ul",
        "ur",
        "ud",
        "e",
        "i",
        "bin",
        "ibn",
        "bint",
        "de",
        "da",
        "di",
        "van",
        "von",
        "der",
        "le",
        "la",
        "du",
    ]
)
_PRONOUNS = {"he": PERSON, "she": PERSON, "it": ORG}
_DESCRIBED_OPENERS = frozenset(["a", "an", "another", "one"])
# "the official", "the officer": refer back to the last named person with a title
_GENERIC_ROLES = _WORDS["generic_roles"]
_LOCAL_ROLES = _WORDS["local_roles"]
_GROUP_FIGHTERS = _WORDS["group_fighters"]
_TITLE_ABBREVIATIONS = dict(pair.split(":", 1) for pair in _WORDS["title_abbreviations"])
# "the police spokesman": any spokesperson title fits, provided its other words are in the title too
_SPOKES_TITLES = tuple(tuple(w.split("_")) for w in _WORDS["spokesperson_titles"])
_SPOKES_HEADS = frozenset(t[0] for t in _SPOKES_TITLES if len(t) == 1 and t[0].startswith("spokes"))
_MEDIA_HEADS = frozenset(["agency", "service", "network", "channel", "radio"])
_MEDIA_WORDS = frozenset(["media", "television", "tv", "newspaper", "broadcaster", "outlet", "channel"])


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    title: str | None
    kind: str
    country: str | None


@dataclass(frozen=True, slots=True)
class Reference:
    """A phrase to resolve against earlier mentions: pronoun, definite description or surname."""

    kind: str  # person | organization
    head: str  # "he", "agency", "minister", or the surname
    text: str  # the phrase as written (fallback speaker name)
    country: str | None


Subject = Speaker | Reference


def words(s: str) -> list[str]:
    """The word tokens of ``s`` (possessives and hyphenated names kept whole)."""
    return _WORD.findall(s)


def _bare(word: str) -> str:
    """``_POSSESSIVE.sub("", word)`` (``$`` also matches before a final newline), without ``re``:
    called ~80 times per article, mostly on words with no possessive."""
    if word.endswith(("'s", "\u2019s")):
        return word[:-2]
    if word.endswith(("'s\n", "\u2019s\n")):
        return word[:-3] + "\n"
    return word


def is_cap(word: str) -> bool:
    """Whether ``word`` is written like part of a name ("Kabir", "al-Sharaa")."""
    return word[:1].isupper() or (
        "-" in word and word.split("-", 1)[0].lower() in _NAME_PARTICLES and word[-1:].isalpha()
    )


@lru_cache(maxsize=16384)  # word-level: ~250 calls per article, few distinct words
def is_title_word(word: str) -> bool:
    """Whether ``word`` heads an official title ("Minister", "spokesman", "Gen.")."""
    return _bare(word).lower().rstrip(".") in _TITLE_WORDS


@lru_cache(maxsize=16384)  # word-level: ~250 calls per article, few distinct words
def is_org_word(word: str) -> bool:
    return _bare(word).lower() in _ORG_WORDS


@lru_cache(maxsize=16384)  # word-level: ~250 calls per article, few distinct words
def is_person_noun(word: str) -> bool:
    """Whether ``word`` names a person by role or kind ("resident", "chief", "mother", "spokesman")."""
    low = _bare(word).lower()
    return low in _UNNAMED_PERSON_HEADS or low in _GENDER or is_title_word(low)


def is_stop_head(word: str) -> bool:
    return _bare(word).lower() in _STOP_HEADS


def is_document_word(word: str) -> bool:
    """Whether ``word`` names a document that speaks for its issuer ("statement", "report")."""
    return word.lower() in _DOCUMENTS


def is_media(actor: Actor) -> bool:
    return actor.kind == "media"


@lru_cache(maxsize=8192)
def country_in(text: str) -> tuple[bool, str | None]:
    """(found, iso3) from the first country signal in ``text``.

    Signals in text order: an actor (its country), a country name, demonym or
    capital, a known place. An international body anywhere (not as the object of
    "to"/"at": "ambassador to the UN") wins: "the Egypt spokesperson for UNHCR"
    speaks for no country.
    """
    signals: list[tuple[int, str | None]] = []
    un = _UN_WORD.search(text)
    if un is not None and not _TO_BODY.search(text, 0, un.start()):
        return True, None  # "The U.N. Human Rights Office in Geneva"
    for m in find_actors(text):
        if m.actor.kind in ("agency", "international") and not m.actor.country:
            before = _WORD_BEFORE.search(text, max(0, m.start - 30), m.start)
            if (
                before is not None
                and before.group(1)[:1].isupper()
                and before.group(1) not in ("A", "An", "The")
                and not _UN_WORD.fullmatch(before.group(1))
            ):
                continue  # "the White House National Security Council": a longer, national name
            if not _TO_BODY.search(text, 0, m.start):
                return True, None
        elif m.actor.country:
            signals.append((m.start, m.actor.country))
    # "Ambassador to Russia", "envoy to Kabul": the country a title is sent to is not its holder's
    for c in geo.find_countries(text):
        if not _TO_BODY.search(text, 0, c.start):
            signals.append((c.start, c.iso3))
    for p in geo.find_places(text):
        if not _TO_BODY.search(text, 0, p.start):
            signals.append((p.start, p.place.country_iso3))
    if not signals:
        return False, None
    return True, min(signals, key=lambda s: s[0])[1]


def _strip_honorifics(tokens: list[str]) -> list[str]:
    while len(tokens) > 1 and tokens[0].rstrip(".") in _HONORIFICS:
        tokens = tokens[1:]
    return tokens


# words that cannot describe a person before a name ("said", "and", "of"): the phrase is no subject
_STOP_DESCRIPTORS = _WORDS["stop_descriptors"]
_PORTFOLIOS = _WORDS["portfolios"]


def _peel_complement(toks: list[str], run: int) -> int:
    """Where the name starts in the capitalized run ``toks[run:]`` after a title's preposition.

    "Ambassador to Russia Ana Ruiz", "Minister of Foreign Affairs Ana Ruiz", "Rapporteur on Iran
    Ana Ruiz": the run opens with the title's complement (a place, a portfolio, an acronym),
    then the name, which keeps at least two words.
    """
    while len(toks) - run > 2:
        rest = toks[run:]
        k = next(
            (
                k
                for k in range(min(3, len(rest) - 2), 0, -1)
                if geo.lookup_place(" ".join(_bare(t) for t in rest[:k])) is not None
            ),
            0,
        )
        if not k and (
            _bare(rest[0]).lower() in _PORTFOLIOS
            or (_bare(rest[0]).isupper() and len(_bare(rest[0])) > 1)
            or is_org_word(rest[0])  # "Director of Army Public Relations Ana Ruiz": the body's own words
        ):
            k = 1
        if not k:
            break
        run += k
    return run


def _person_split(core: str) -> tuple[str | None, str, str] | None:
    """(title, name, prefix) when ``core`` is an optional title followed by a capitalized name.

    ``prefix`` is everything before the name, owner included ("Pakistan's Foreign Minister").
    """
    toks = core.split()
    last_title = -1
    for i, t in enumerate(toks):
        if is_title_word(t):
            last_title = i
    name_toks = toks[last_title + 1 :]
    if name_toks and not all(is_cap(t) or t.lower() in _NAME_PARTICLES for t in name_toks):
        # "aid worker Lina Farouk", "Afghan refugee Gul Ahmad": a lower-case description, then a name
        run = len(toks)
        while run > 0 and (is_cap(toks[run - 1]) or toks[run - 1].lower() in _NAME_PARTICLES):
            run -= 1
        described = toks[last_title + 1 : run]
        owner = max((i for i, t in enumerate(described) if _POSSESSIVE.search(t)), default=-1)
        if (
            last_title < 0
            and 0 <= owner < len(described) - 1
            and all(is_cap(t) for t in described[: owner + 1])
        ):
            # "Ana Ruiz's lawyer Omar Farid", "the minister's aide Omar Farid": an owner, then a description
            described = described[owner + 1 :]
        complement = (
            last_title >= 0
            and described
            and described[0].lower() in ("of", "for", "in", "to", "on")
            and len(described) <= 4
        )
        if complement:
            while (
                len(toks) - run > 2
                and is_org_word(toks[run])
                and not any(is_org_word(t) for t in toks[run + 1 :])
            ):
                run += 1  # "Director General of Police Ravi Das": the title's body, then the name
        if complement:
            run = _peel_complement(toks, run)
        if complement and len(toks) - run >= 2 and not any(is_org_word(t) for t in toks[run:]):
            # "Deputy Governor of Kunduz province Mawlawi Zabihullah": the title's complement, then the name
            described = []
        elif (
            len(toks) - run < 2
            or len(described) > 4
            or not any(t.islower() for t in described)
            or any(not t.isalpha() or t.lower() in _STOP_DESCRIPTORS or t.endswith("ed") for t in described)
            or any(not t.islower() for t in described[1:])
        ):
            return None
        last_title = run - 1
        name_toks = toks[run:]
    if not name_toks or not is_cap(name_toks[0]):
        return None
    if last_title >= 0 and len(name_toks) >= 3:
        for k in range(len(name_toks) - 2, 0, -1):
            place = geo.lookup_place(" ".join(name_toks[:k]))
            if place is not None and place.kind in ("admin1", "country"):
                # "police chief of Sindh province's ... ", "Governor Khyber Pakhtunkhwa Omar Zaid": the
                # title's region, then the name
                last_title += k
                name_toks = name_toks[k:]
                break
    if any(is_org_word(t) for t in name_toks) or (len(name_toks) == 1 and name_toks[0].isupper()):
        return None
    last = name_toks[-1]
    if (last.isupper() and len(last) > 1 and "." not in last) or _LED_BY.search(name_toks[0]):
        return None  # "the Kurdish-led SDF": an acronym head or a "-led" modifier names a body (not "SSP Imran Ali")
    if geo.country_iso3(_bare(name_toks[0])) and len(name_toks) == 1:
        return None
    name_toks = _strip_honorifics(name_toks)
    if len(name_toks) >= 2 and _POSSESSIVE.search(name_toks[-1]):
        # "Prime Minister Ali Musa's offer" met in passing: the person is Ali Musa
        name_toks = [*name_toks[:-1], _POSSESSIVE.sub("", name_toks[-1])]
    if len(name_toks) >= 2 and name_toks[0].lower() in _DISPLACED:
        last_title += 1  # "Refugee Aqakhan" opening a sentence: a description, then the name
        name_toks = name_toks[1:]
    if geo.lookup_place(" ".join(name_toks)) is not None:
        return None  # "North Waziristan said" is a place, not a person
    if lookup_actor(" ".join(name_toks)) is not None:
        return None  # "its ally Islamic Jihad": a known body, not a person
    prefix = " ".join(toks[: last_title + 1])
    title = prefix or None
    if title and _POSSESSIVE.search(toks[0]):
        title = " ".join(toks[1 : last_title + 1]) or None
    return title, " ".join(name_toks), prefix


# a national section of an international body ("MSF-Belgique", "MSF Holland")
_SECTION = re.compile(r"([A-Z][\w&]*)[-\s]([A-Z][a-z\u00e0-\u00ff]+)")
# an age before a person ("the 22-year-old", "23-year-old student Ana Ruiz"); group 1: definite
_AGE = re.compile(r"(?i)(the\s+)?\d{1,3}-year-old\b")
_AGE_HEAD = "year-old"


def _clean(np: str) -> str:
    np = _PAREN.sub("", np).strip().strip(",;:.").strip()
    np = np.strip('\u201c\u201d"').strip()
    return _LEADING_DET.sub("", np)


@lru_cache(maxsize=8192)
def analyze(np: str, appositive: str | None = None) -> Subject | None:
    """Read a subject phrase (and its appositive) as a speaker, a reference, or None.

    A speaker's ``country`` is ``UNKNOWN`` when nothing in the phrase decides it
    (the caller falls back to the article's context).
    """
    raw = np.strip().strip(",;:").strip()
    low = raw.lower()
    if low in _PRONOUNS:
        return Reference(_PRONOUNS[low], low, raw, UNKNOWN)
    if low == "they":
        return Reference(ORG, "they", raw, UNKNOWN)  # a body that spoke in the sentence before
    age = _AGE.match(raw)
    if age is not None:
        rest = raw[age.end() :].strip()
        if rest[:1] in ("'", "\u2019"):
            return None  # "the 50-year-old's boyfriend": someone else
        if age.group(1) and (not rest or (rest.islower() and len(rest.split()) <= 3)):
            # "the 22-year-old said", "the 63-year-old matriarch said": the person just named
            return Reference(PERSON, _AGE_HEAD, raw, UNKNOWN)
        if rest and not age.group(1):
            return analyze(rest, appositive)  # "23-year-old student Ana Ruiz": the description and name
    toks = words(raw)
    if 2 <= len(toks) <= 3 and toks[0] in _NAME_PARTICLES and all(is_cap(t) for t in toks[1:]):
        # "de Mistura said", "van der Berg added": a surname opening with a particle, met before
        return Speaker(raw, None, PERSON, UNKNOWN)
    doc = _document_issuer(toks)
    if doc is not None:
        return doc if isinstance(doc, (Speaker, Reference)) else None
    if toks and toks[0].lower() in ("a", "an"):
        body = _spokesperson_body(toks[1:])
        if body is not None:
            return body  # "a Home Office spokesperson said", "a spokesperson for the university said"
    if len(toks) >= 4 and toks[0].lower() in _DESCRIBED_OPENERS and toks[1].islower():
        # "a resident Musa Bello", "another villager Ana Ruiz": an indefinite description, then the
        # person's full name (the way reports introduce a witness by name)
        described = analyze(raw.split(None, 1)[1], appositive)
        if (
            isinstance(described, Speaker)
            and described.kind == PERSON
            and " " in described.name
            and described.title
            and described.title.islower()
        ):
            return described
    owned = (
        len(toks) >= 3
        and toks[0].lower() in ("his", "her", "its", "their")
        # "its spokesman X", "its military operations spokesman X": the owner's titled person
        and any(is_title_word(t) for t in toks[1:5])
        and is_cap(toks[-1])
    )
    if not toks or (toks[0].lower() in _INDEFINITE and not owned):  # "his spokesman Stephane Dujarric"
        return None
    definite = toks[0].lower() == "the"
    if toks[0].lower() in _NOT_NAME_STARTS and (
        len(toks) == 1 or not (definite or toks[0].lower() in _CALENDAR or toks[0].lower() in ("a", "an"))
    ):
        return None  # "Amid reports of ...", "From January", "The" or "July" alone (not "May Ali")
    core = _clean(raw)
    if " of " in core and not appositive:
        head_part, rest = core.split(" of ", 1)
        person = analyze(head_part) if len(head_part.split()) >= 2 else None
        if isinstance(person, Speaker) and person.kind == PERSON and " " in person.name:
            # "Lionel Lazarre of the Haitian police union", "President Ana Ruiz of Peru": the person
            found, country = country_in(rest)
            title = person.title or rest.removeprefix("the ")
            return Speaker(
                person.name,
                title,
                PERSON,
                person.country if person.country != UNKNOWN else (country if found else UNKNOWN),
            )
    if " in " in core and not appositive:
        left, right = core.rsplit(" in ", 1)
        if left.split()[-1][:1].isupper() and not right.startswith("the "):
            left = ""  # "International Campaign for Human Rights in Iran": one proper name
        right = _LEADING_DET.sub("", right)
        place = geo.country_iso3(right) or (p.country_iso3 if (p := geo.lookup_place(right)) else None)
        body = analyze(left) if place and len(left.split()) >= 2 else None
        if isinstance(body, Speaker) and body.kind == ORG:
            # "the ELN rebel group in Colombia", "the Health Ministry in the Gaza Strip": the body, and
            # where it is tells its side when its name does not
            return body if body.country != UNKNOWN else Speaker(body.name, None, ORG, place)
    ctoks = words(core)
    if not ctoks or len(ctoks) > 14:
        return None
    head_toks = _head_tokens(ctoks)
    head = _bare(head_toks[-1])
    actor = lookup_actor(core) or lookup_actor(_bare(core))
    un = _UN_WORD.match(core)
    if un is not None and actor is not None and actor.canonical == "United Nations":
        un_body = lookup_actor(core[un.end() :].strip())
        if un_body is not None and un_body.kind == "international":
            actor = un_body  # "the UN Security Council": the council, not the UN as a whole
    section = _SECTION.fullmatch(core) if actor is None else None
    if section is not None:
        parent = lookup_actor(section.group(1))
        if parent is not None and parent.kind in ("international", "agency"):
            return Speaker(core, None, ORG, parent.country)  # "MSF-Belgique": a section of MSF, its side
    if actor is not None:
        if is_media(actor):
            return None
        # "The Malian army said": a state force by the name the report gives it, not "Malian Armed Forces"
        last = core.split()[-1].lower()
        force = _force_name(actor, last) if last in ("army", "military") else None
        return Speaker(force or actor.canonical, None, ORG, actor.country)
    if _is_outlet(ctoks):
        return None
    described = _described_name(ctoks)
    if described is not None:
        return described
    if (
        len(ctoks) >= 4
        and ctoks[0].lower() in _BODY_MEMBERS | {"members"}
        and ctoks[1].lower() == "of"
        and ctoks[2].lower() == "the"
    ):
        body = analyze(" ".join(ctoks[2:]))
        if isinstance(body, Speaker) and body.kind == ORG and is_cap(ctoks[-1]):
            return body  # "The members of the Board of Governors warned": the body speaks
    body_members = len(ctoks) == 2 and ctoks[1].lower() == "members" and is_org_word(ctoks[0])
    if definite and body_members and not is_cap(ctoks[0]):
        return Reference(ORG, ctoks[0].lower(), core, UNKNOWN)  # "the council members": that council
    if head.lower() in _BODY_MEMBERS and len(head_toks) >= 2:
        owner = " ".join(head_toks[:-1])
        member_of = lookup_actor(owner)
        if (member_of is not None and not is_media(member_of)) or (owner.isupper() and len(owner) > 1):
            # "DHS officials said": the officials of a named body speak for it
            country = member_of.country if member_of is not None else UNKNOWN
            return Speaker(core, None, ORG, country)
    if definite and head.lower() in _GENERIC_ROLES and not any(is_cap(t) for t in ctoks):
        return Reference(PERSON, head.lower(), core, UNKNOWN)  # "the official said": a named one met before
    if (
        definite
        and head.lower() in _GENERIC_ROLES
        and 2 <= len(ctoks) <= 3
        and all(is_cap(t) for t in ctoks[:-1])
    ):
        # "the UN official", "the Kremlin official": a named person met before whose title names the
        # modifier (never the role itself)
        return Reference(PERSON, head.lower(), core, UNKNOWN)
    if definite and len(ctoks) == 1 and head.lower() in _GROUP_FIGHTERS:
        return Reference(ORG, "group", core, UNKNOWN)  # "the rebels said": the armed group named before
    if is_stop_head(head) or head.lower() in _MEDIA_WORDS:
        return None
    if head.lower() in _MEDIA_HEADS and any(t.lower() == "news" for t in ctoks):
        return None  # "the news agency reported": a media attribution, whichever agency
    iso = _country_speaker(core)
    if iso:
        return Speaker(core, None, ORG, iso)
    has_cap = any(is_cap(t) for t in ctoks)
    split = _person_split(core) if has_cap else None
    if split is not None:
        ptitle, name, prefix = split
        if appositive and not ptitle:
            ptitle = _title_from_appositive(appositive)
        elif appositive and ptitle and len(ptitle.split()) <= 2:
            # "ASP Ali Musa, the PPRO of the state command", "Col. X, spokesman for the coalition": a rank
            # before the name and the office after it; a later "the PPRO" or "the spokesman" names either
            role = _title_from_appositive(appositive)
            if role and not _OWNER_REF.match(appositive):
                ptitle = f"{ptitle}, {role}"
        if appositive and not ptitle and not prefix and _body_appositive(appositive):
            # "Alarm Phone, another charity which …": a body's name, as its description says
            found, country = country_in(appositive)
            return Speaker(core, None, ORG, country if found else UNKNOWN)
        if _OWNER_REF.match(appositive or "") or _OWNER_REF.match(ptitle or ""):
            return Speaker(name, ptitle, PERSON, UNKNOWN)
        found, country = country_in(prefix or ptitle or "")
        if not found and appositive:
            found, country = country_in(appositive) if _is_official(appositive) else _from_place(appositive)
        if len(name.split()) == 1 and not ptitle:
            return Reference(PERSON, name, name, country if found else UNKNOWN)
        return Speaker(name, ptitle, PERSON, country if found else UNKNOWN)
    if is_title_word(head) and has_cap:
        # "the Taliban spokesman": the spokesman met earlier, else the role itself
        found, country = country_in(core)
        return Reference(PERSON, head.lower(), core, country if found else UNKNOWN)
    media = any(is_media(m.actor) for m in find_actors(core))
    if media and (not is_org_word(head) or "news" in core.lower() or head.lower() in _MEDIA_HEADS):
        return None
    found_actors = [m for m in find_actors(core) if not is_media(m.actor)] if has_cap else []
    named = [m.actor for m in found_actors]
    if (
        len(found_actors) == 1
        and head.lower() in _UNNAMED_GROUP_HEADS
        and core[found_actors[0].end :].strip().islower()
        and found_actors[0].actor.kind == "armed_group"
    ):
        # "the ELN rebel group", "the Houthi militant movement": the group itself, by its name
        return Speaker(named[0].canonical, None, ORG, named[0].country)
    if named and not is_org_word(head):
        # "the local branch of the Islamic State group" speaks for the group itself
        return Speaker(named[0].canonical, None, ORG, named[0].country)
    if is_org_word(head):
        if definite and (not has_cap or len(ctoks) == 1):
            # "the ministry", "The Ministry" (a capital of courtesy): the body named before
            return Reference(ORG, head.lower(), core, UNKNOWN)
        if definite and all(t.lower().endswith("-based") for t in ctoks if is_cap(t)):
            # "the Brussels-based agency": where a body sits, not whose it is; the body named before
            return Reference(ORG, head.lower(), core, UNKNOWN)
        if definite and len(ctoks) == 2 and _UN_WORD.fullmatch(ctoks[0]) and head.lower() in _ACTOR_HEADS:
            return Reference(ORG, head.lower(), core, None)  # "the UN agency": the one named before
        found, country = country_in(core)
        return Speaker(core, None, ORG, country if found else UNKNOWN)
    if is_title_word(head) and not has_cap and definite:
        return Reference(PERSON, head.lower(), core, UNKNOWN)
    if len(ctoks) == 1 and ctoks[0].isupper() and len(ctoks[0]) > 1:
        return Speaker(core, None, ORG, UNKNOWN)
    return None


def _spokesperson_body(toks: list[str]) -> Subject | None:
    """The body an unnamed spokesperson speaks for: "<Body> spokesperson" with a capitalized body
    ("Home Office", "PDF"), or "spokesperson for/of <the body>" ("for the university": the body met
    before). None for any other phrase, or when the body is a person ("for the governor")."""
    low = [t.lower() for t in toks]
    at = next((i for i, t in enumerate(low) if t in _SPOKES_HEADS), -1)
    if at < 0:
        return None
    if at > 0 and at == len(toks) - 1 and all(is_cap(t) for t in toks[:at]):
        owner = " ".join(toks[:at])
    elif 0 <= at < len(toks) - 2 and low[at + 1] in ("for", "of") and at == 0:
        owner = " ".join(toks[at + 2 :])
        if low[at + 2] != "the" and not is_cap(toks[at + 2]):
            return None
    else:
        return None
    body = analyze(owner)
    if isinstance(body, Speaker) and body.kind == ORG:
        return body
    if isinstance(body, Reference) and body.kind == ORG and body.head not in ("it", "they"):
        return body
    return None


def _document_issuer(toks: list[str]) -> Subject | bool | None:  # False: a document, no issuer
    """The issuer of a document phrase: None when the phrase is no document, False when it names none.

    "a Hamas statement" / "the Taliban's statement" / "a statement from the ministry" name the issuer;
    "the agency's latest report" and "its statement" refer to an earlier one; "the statement" refers
    to the last issuer the article named. "A report" or "a statement" alone names nobody.
    """
    low = [t.lower() for t in toks]
    at = next((i for i, t in enumerate(low) if t in _DOCUMENTS), -1)
    if at < 0:
        return None
    after = toks[at + 1 :]
    if after:
        if after[0].lower() in ("issued", "released", "published", "posted", "sent", "signed"):
            after = after[1:]
        if len(after) < 2 or after[0].lower() not in ("from", "by", "of"):
            return None
        issuer = analyze(" ".join(after[1:]))
        return issuer if issuer is not None else False
    before = [t for t in toks[:at] if t.lower() not in _DOC_MODIFIERS]
    if before and before[0].lower() in ("a", "an", "the"):
        article, before = before[0].lower(), before[1:]
    else:
        article = ""
    if not before:
        return Reference(ORG, "statement", " ".join(toks), UNKNOWN) if article == "the" else False
    owner = before[0]
    if owner.lower() in ("its", "their"):
        return Reference(ORG, "it", owner, UNKNOWN) if len(before) == 1 else False
    if owner.lower() in ("his", "her"):
        return Reference(PERSON, {"his": "he", "her": "she"}[owner.lower()], owner, UNKNOWN)
    owned = next((i for i, t in enumerate(before) if _POSSESSIVE.search(t)), -1)
    if is_org_word(before[-1]):
        name = " ".join(before)  # "Iran's foreign ministry statement"
    elif owned >= 0 or all(is_cap(t) for t in before):
        name = " ".join(_bare(t) for t in (before[: owned + 1] if owned >= 0 else before))
    else:
        return False
    if name:
        issuer = analyze(("the " if article == "the" and not is_cap(before[0]) else "") + name)
        return issuer if issuer is not None else False
    return False


_WEB_NAME = re.compile(r"^[A-Z][\w-]*\.(?:[A-Z][a-z]{1,2}|com|net|org|info)$")  # "News.Az", "Dawn.com"


_BODY_MEMBERS = _WORDS["body_members"]
_NEWS_DESCRIPTORS = _WORDS["news_descriptors"]


def _described_name(toks: list[str]) -> Speaker | None:
    """A lower-case description then a name: "EU statistics agency Eurostat", "the medical group
    Doctors Without Borders", "rights group Hengaw" — the name speaks, the description gives its
    country. None when the phrase is not written so (or names a news outlet)."""
    at = max((i for i, t in enumerate(toks[:-1]) if t.islower() and is_org_word(t)), default=-1)
    if at < 0 or not all(is_cap(t) or t.lower() in _NAME_PARTICLES for t in toks[at + 1 :]):
        return None
    name_toks = toks[at + 1 :]
    if not is_cap(name_toks[0]):
        return None
    descriptor = toks[: at + 1]
    if any(t.lower() in _NEWS_DESCRIPTORS for t in descriptor):
        return None
    name = " ".join(name_toks)
    actor = lookup_actor(name)
    if actor is not None:
        return None if is_media(actor) else Speaker(actor.canonical, None, ORG, actor.country)
    if len(name_toks) >= 2 and len(name_toks[0].rstrip(".")) == 1:
        return None  # "inspector general of police K Mohandas": an initial opens a person's name
    if len(name_toks) >= 3 and is_title_word(name_toks[0]):
        return None  # "police Major Ana Ruiz", "police Lt. Ana Ruiz": the body's rank, then a person's name
    found, country = country_in(" ".join(descriptor))
    return Speaker(name, None, ORG, country if found else UNKNOWN)


def _is_outlet(toks: list[str]) -> bool:
    """A news outlet's name: "Sputnik", "Sri Lanka's Daily Mirror", "Times Online", "News.Az"."""
    if len(toks) == 1:
        return toks[0] in _MEDIA_NAMES or _WEB_NAME.match(toks[0]) is not None
    return toks[-1] in _MEDIA_NAME_HEADS and is_cap(toks[-2])


_APPOSITIVE_END = frozenset(
    ["which", "that", "who", "whose", "based", "with", "in", "of", "for", "from", "at"]
)


def _body_appositive(appositive: str) -> bool:
    """Whether an indefinite appositive describes a body ("another charity which …", "a rights
    group based in …"): its head noun, before any clause or complement, is a word for a body."""
    toks = words(appositive)
    if not toks or toks[0].lower() not in ("a", "an", "another"):
        return False
    head = None
    for t in toks[1:6]:
        if t.lower() in _APPOSITIVE_END or not t.isalpha():
            break
        head = t
    return head is not None and head.islower() and is_org_word(head)


def non_governmental(*phrases: str | None) -> bool:
    """Whether a body's name or description calls it non-governmental ("charity", "NGO")."""
    return any(w.lower() in _NON_GOVERNMENTAL for p in phrases if p for w in words(p))


_NON_GOVERNMENTAL = _WORDS["non_governmental"]


def _country_speaker(core: str) -> str | None:
    """ISO3 when ``core`` is exactly a country name or capital ("Pakistan", "Islamabad"), not a demonym."""
    found = geo.find_countries(core)
    if len(found) == 1 and found[0].form in ("name", "capital"):
        c = found[0]
        if c.start == 0 and c.end >= len(core.rstrip(".")):
            return c.iso3
    return None


def _head_tokens(toks: list[str]) -> list[str]:
    """Tokens up to the first preposition: "department of refugees" -> ["department"]."""
    for i, t in enumerate(toks):
        if i and t.lower() in ("of", "in", "at", "for", "from", "on", "with"):
            return toks[:i]
    return toks


def _is_official(appositive: str) -> bool:
    return any(is_title_word(t) or is_org_word(t) for t in words(appositive))


def _from_place(appositive: str) -> tuple[bool, str | None]:
    """Country of an ordinary person: a demonym ("an Afghan mother of three") or an origin
    ("a driver from Jalalabad"); a movement ("who fled from Iran") says nothing."""
    for c in geo.find_countries(appositive):
        if c.form == "demonym":
            return True, c.iso3
    for m in _FROM.finditer(appositive):
        before = appositive[: m.start()].split()
        if before and (before[-1].lower().endswith("ed") or before[-1].lower() in _MOVE_WORDS):
            continue
        return country_in(m.group(1))
    return False, None


def _title_from_appositive(appositive: str) -> str | None:
    app = appositive.strip().strip(",").strip()
    app = re.sub(r"^(?:the|a|an)\s+", "", app, flags=re.IGNORECASE)
    if not app or not any(is_title_word(t) for t in words(app)):
        return None
    return app


class Memory:
    """What one article has said so far about who is who, for resolving later references.

    Holds the dateline country, country-name mentions (context votes), actor and
    place mentions, and every speaker or named person met, in text order.
    """

    def __init__(self, text: str, sentences: list[tuple[int, int]]) -> None:
        self.text = text
        self.sentences = sentences
        # sentence_spans gives sentences in text order, none overlapping: a bisect finds pos's sentence
        self._sentence_starts = [s for s, _ in sentences]
        # the places that may decide the context when nothing votes (per article, made on first use)
        self._fallback_places: list[geo.PlaceMention] | None = None
        m = _DATELINE.match(text)
        if m and not ("," in m.group() or m.group().split()[0].rstrip(",").isupper()):
            m = None  # "The Taliban - who ..." is prose, not a dateline
        self.body_start = m.end() if m else 0
        hub = m is not None and m.group(0).split()[0].strip(",:").lower() in _WORDS["hub_datelines"]
        self.dateline = _dateline_country(m.group(0)) if m and not hub else None
        if self.dateline is not None:
            named = {c.iso3 for c in geo.find_countries(text) if c.start >= self.body_start}
            if named and self.dateline not in named:
                # "NAIROBI (Reuters) - Gunmen killed 20 people in western Ethiopia": a regional hub
                # the story never names again is where it was filed, not what it is about
                self.dateline = None
        self.actors: list[ActorMention] = find_actors(text)
        self.countries = [c for c in geo.find_countries(text) if c.form in ("name", "capital")]
        self._places: list[geo.PlaceMention] | None = None
        self._displaced_origin: str | None = None
        self._signals: list[tuple[int, str, float]] | None = None
        self._place_signals: list[geo.PlaceMention] | None = None
        self._name_words: frozenset[str] | None = None
        self._demonym_nouns: frozenset[int] | None = None
        self.persons: list[tuple[int, Speaker]] = []
        # persons named with a title in a sentence that quotes someone else ("President Ana Ruiz will
        # speak, her office said"): a later "the President" names them, a pronoun does not
        self.titled: list[tuple[int, Speaker]] = []
        self.quoting: list[tuple[int, int]] = []  # sentences whose titled persons are not in `titled` yet
        # the titled persons named in text[a:b] (set by the caller, which knows the sentence grammar)
        self.titled_in: Callable[[int, int], list[tuple[int, Speaker]]] = lambda a, b: []
        self.orgs: list[tuple[int, Speaker]] = []
        self.gender: dict[str, str] = {}  # person name -> "he" | "she", once a cue or pronoun tells
        self.issuers: list[tuple[int, Speaker]] = []  # who issued the statements the article cites
        # set by the caller while resolving the subject of a stance verb (accuse, condemn, lash out):
        # where its object begins; country words from there to the sentence end name the other side
        self.target_from: int | None = None
        # set by the caller while resolving the subject of a reporting verb: where the reported words
        # begin; a demonym there is someone the speaker talks about, no vote for the speaker's side
        self.content_from: int | None = None
        # set by the caller while resolving a speaker: the span of its own quotation or content, whose
        # country words are what it talks about, not its side
        self.own_words: tuple[int, int] = (0, 0)
        self.short_forms = short_forms(text)
        # where an unnamed person speaks ("a village elder noted", "said one resident"): the caller sets
        # the function that finds them, asked only when a pronoun needs them
        self.find_unnamed: Callable[[], list[int]] = list
        self._unnamed: list[int] | None = None
        # where the first reporting verb in text[a:b] is, or b (set by the caller, which knows the verbs)
        self.first_speech: Callable[[int, int], int] = lambda a, b: b

    @property
    def unnamed(self) -> list[int]:
        """Where an unnamed person speaks, sorted (found on first use)."""
        if self._unnamed is None:
            self._unnamed = self.find_unnamed()
        return self._unnamed

    @property
    def displaced_origin(self) -> str | None:
        """The country most often named by a demonym right before a word for displaced people
        ("Afghan refugees", "Syrian returnees"), the origin of the people the article is about."""
        if self._displaced_origin is None:
            votes: dict[str, int] = {}
            for c in geo.find_countries(self.text):
                after = _WORD_AFTER.match(self.text, c.end)
                before = _WORD_BEFORE.search(self.text, max(0, c.start - 30), c.start)
                if (
                    c.form == "demonym"
                    and (
                        (after is not None and after.group(1).lower() in _DISPLACED)
                        # "deported Afghans", "displaced Syrians": the people, named after the word
                        or (
                            self.text[c.end - 1 : c.end] == "s"
                            and before is not None
                            and before.group(1).lower() in _DISPLACED
                        )
                    )
                ):
                    votes[c.iso3] = votes.get(c.iso3, 0) + 1
            self._displaced_origin = max(votes, key=lambda k: votes[k]) if votes else ""
        return self._displaced_origin or None

    @property
    def places(self) -> list[geo.PlaceMention]:
        """Place mentions, computed on first use (only a few speakers need them)."""
        if self._places is None:
            self._places = geo.find_places(self.text)
        return self._places

    @property
    def signals(self) -> list[tuple[int, str, float]]:
        """(offset, iso3, weight) of the country words in the body: names and capitals count 1,
        demonyms 1/2 ("Afghans" are often the people talked about, not the speaker's side); a
        country modifying someone else ("Iran-backed", "Saudi-led") does not count."""
        if self._signals is None:
            text = self.text
            found = geo.find_countries(text)
            # "United States (US)": the short form in brackets repeats the mention, it is no second vote
            repeats = {
                b.start
                for a, b in zip(found, found[1:], strict=False)
                if a.iso3 == b.iso3 and text[a.end : b.start].strip() == "("
            }
            self._signals = [
                (
                    c.start,
                    c.iso3,
                    # a demonym before a state's body or office ("the Philippine government", "Japanese
                    # officials") names a side as a country name does
                    1.0 if c.form in ("name", "capital") or _side_after(text, c.end) else 0.5,
                )
                for c in found
                if c.start >= self.body_start
                and c.start not in repeats
                and not _HYPHEN_MODIFIER.match(text, c.end)
                and not _PEOPLE_AFTER.match(text, c.end)
                and not _BORDER_WITH.search(text, max(0, c.start - 60), c.start)
                and not (c.form == "demonym" and text[c.end - 1 : c.end] == "s")
                and not (c.form == "demonym" and _inside_name(text, c.start, c.end))
            ]
        return self._signals

    @property
    def demonym_nouns(self) -> frozenset[int]:
        """Starts of demonyms used as nouns, for a person ("a Norwegian and a Filipina", "the
        Canadian,"): no word follows them, unlike "Pakistani troops"."""
        if self._demonym_nouns is None:
            text = self.text
            self._demonym_nouns = frozenset(
                c.start
                for c in geo.find_countries(text)
                if c.form == "demonym"
                and (
                    (after := _WORD_AFTER.match(text, c.end)) is None
                    or after.group(1).lower() in ("and", "or")
                )
            )
        return self._demonym_nouns

    @property
    def name_words(self) -> frozenset[str]:
        """Words of titled persons' names anywhere in the text ("President Juan Manuel Santos",
        "Col. Ado Isa"): a place of the same name ("Santos", "Isa") is a surname there, and where the
        bare surname recurs ("what Santos had called") it is no place either."""
        if self._name_words is None:
            found: set[str] = set()
            for m in _CAP_RUN.finditer(self.text):
                toks = m.group(0).split()
                k = max((i for i, t in enumerate(toks) if is_title_word(t.rstrip("."))), default=-1)
                if 0 <= k < len(toks) - 1:
                    found.update(t for t in toks[k + 1 :] if not is_title_word(t))
            self._name_words = frozenset(found)
        return self._name_words

    @property
    def place_signals(self) -> list[geo.PlaceMention]:
        """Place mentions of the body that vote for their country: not an acronym ("NAN"), not part of
        a country name ("Lanka" in "Sri Lanka") or of a person's name."""
        if self._place_signals is None:
            text = self.text
            spans = [(c.start, c.end) for c in geo.find_countries(text)]
            self._place_signals = [
                p
                for p in self.places
                if p.start >= self.body_start
                and p.place.country_iso3
                and not text[p.start : p.end].isupper()
                and not any(a < p.end and p.start < b for a, b in spans)
                and not _inside_name(text, p.start, p.end)
                and text[p.start : p.end] not in self.name_words
            ]
        return self._place_signals

    def sentence_index(self, pos: int) -> int | None:
        """The index of the sentence holding ``pos``, if any."""
        k = bisect.bisect_right(self._sentence_starts, pos) - 1
        return k if k >= 0 and pos < self.sentences[k][1] else None

    @property
    def fallback_places(self) -> list[geo.PlaceMention]:
        """Place mentions that may name the context when no country word votes: not inside a
        person's name, not a word of a titled person's name, not an acronym."""
        if self._fallback_places is None:
            text = self.text
            self._fallback_places = [
                p
                for p in self.places
                if not _inside_name(text, p.start, p.end)
                and text[p.start : p.end] not in self.name_words
                and not text[p.start : p.end].isupper()
            ]
        return self._fallback_places

    def context_country(self, pos: int, name: str = "", local: bool = False) -> str | None:
        """The country the text around ``pos`` is about: dateline, this sentence, countries so far.

        Votes: the dateline 2, a country word in this sentence 2, one in an earlier sentence 1, a
        place half as much; the dateline wins a tie. With no vote so far, the last known place
        decides, else the first country or place named later.
        """
        votes: dict[str, float] = {}
        if self.dateline:
            votes[self.dateline] = 2.0
        k = self.sentence_index(pos)
        s, e = self.sentences[k] if k is not None else (pos, pos)
        if self.target_from is not None and s <= self.target_from < e:
            e = self.target_from  # "X lashed out at the government in Kabul": the target is the other side
        qa, qb = self.own_words
        for start, iso, weight in self.signals:
            if start >= e:
                break
            if qa <= start < qb:
                continue
            if (
                weight < 1
                and self.content_from is not None
                and s <= self.content_from <= start
                and start in self.demonym_nouns
            ):
                continue  # "told DzBB that … a Norwegian and a Filipina": people the speaker talks about
            votes[iso] = votes.get(iso, 0.0) + (2 if start >= s else 1) * weight
        # "Musa Bello": a surname of the speaker or of a person met before is no place ("Bello")
        own = set(name.split()).union(*(sp.name.split() for p, sp in self.persons if p < e))
        for p in self.place_signals:
            if p.start >= e:
                break
            if self.text[p.start : p.end] not in own and not qa <= p.start < qb:
                # a place the story names votes for its country at half a country name's weight
                # ("landed in Aceh" -> Indonesia, "the Donetsk region" -> Ukraine)
                iso = p.place.country_iso3
                # for a local person ("local police spokesman") a named place counts as a country name
                weight = 1.0 if local else _PLACE_WEIGHT
                votes[iso] = votes.get(iso, 0.0) + (2 if p.start >= s else 1) * weight
        if not votes:
            # (an acronym is no place here either: "told NAN" names an agency, not the province of Nan)
            text = self.text
            before = [p for p in self.fallback_places if p.start < e and text[p.start : p.end] not in own]
            if before:
                return before[-1].place.country_iso3
            after = self.sentences[k][1] if k is not None else e
            # nothing named so far: the first country or place the story goes on to name
            later = [(start, iso) for start, iso, _ in self.signals if start >= after]
            later += [(p.start, p.place.country_iso3) for p in self.place_signals if p.start >= after]
            if later:
                return min(later)[1]
            # no country or place named at all: the state whose forces or insurgents the story is
            # about ("troops repelled Boko Haram", "the Army Public Relations directorate")
            return next(
                (
                    m.actor.country
                    for m in self.actors
                    if m.actor.kind in _LOCAL_ACTOR_KINDS and m.actor.country and m.start >= self.body_start
                ),
                None,
            )
        best = max(votes.values())
        if self.dateline and votes[self.dateline] == best:
            return self.dateline
        return next(iso for iso, n in votes.items() if n == best)  # first named among the best

    def remember_issuer(self, pos: int, sp: Speaker) -> None:
        """Record that ``sp`` issued a statement or report mentioned at ``pos`` ("the statement said")."""
        self.issuers.append((pos, sp))

    def remember(self, pos: int, sp: Speaker) -> None:
        """Record a speaker (or named person) met at ``pos``."""
        (self.persons if sp.kind == PERSON else self.orgs).append((pos, sp))

    def known_person(self, word: str) -> Speaker | None:
        """The person met so far whose surname is ``word`` ("Linares" after "Luz Linares"), if any."""
        word = word.strip()
        if not is_cap(word) or " " in word or word.isupper():
            return None
        last = next(
            (sp for _, sp in reversed(self.persons) if " " in sp.name and sp.name.split()[-1] == word), None
        )
        if last is not None:
            return last
        # "said Mao" after "spokesperson Mao Ning" (family name first), "Bilal indicated" after "Ahmed
        # Bilal Osman": another word of one person's name met before, when no other person has it
        have = {sp.name: sp for _, sp in self.persons if " " in sp.name and word in sp.name.split()[:-1]}
        return next(iter(have.values())) if len(have) == 1 else None

    def resolve(self, subj: Subject, pos: int, appositive: str | None = None) -> Speaker | None:
        """A concrete speaker for ``subj`` at ``pos``: references resolved, open country filled."""
        return _resolve(self, subj, pos, appositive)


_LOCAL_ACTOR_KINDS = frozenset(["armed_group", "military"])
_WORD_BEFORE = re.compile(r"([\w\u2019'-]+)\s+$")
# a run of capitalized words on one line ("Defense Minister Luis Carlos Villegas", "Col. Ado Isa")
# (a full stop only after a short abbreviation: "President Assad. Damascus ..." ends the run)
# Written "(?<![\w’'-])(?:(?:[A-Z][a-z]{0,4}\.|[A-Z][\w’'-]*)[ \t]+)+[A-Z][\w’'-]*", the same
# pattern with its first capital taken out of the repetition and the look-behind moved after it (it
# checks the character before that capital, as before): a pattern that opens with a character
# class lets re skip to the next capital in C, where one opening with a look-behind is tried at
# every position (70 -> 32 us per article; same matches on 2,249 articles).
_CAP_RUN = re.compile(
    r"[A-Z](?<![\w\u2019'-][A-Z])(?:[a-z]{0,4}\.|[\w\u2019'-]*)[ \t]+"
    r"(?:(?:[A-Z][a-z]{0,4}\.|[A-Z][\w\u2019'-]*)[ \t]+)*[A-Z][\w\u2019'-]*"
)
_WORD_AFTER = re.compile(r"\s+([\w\u2019'-]+)")


def _side_after(text: str, end: int) -> bool:
    """Whether the word after a demonym ending at ``end`` is a body or office ("government", "army",
    "Foreign Ministry", "ambassador")."""
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return False
    word = after.group(1)
    if word.lower() in ("foreign", "defence", "defense", "interior", "health", "state"):
        nxt = _WORD_AFTER.match(text, after.end())
        word = nxt.group(1) if nxt is not None else word
    return is_org_word(word) or is_title_word(word)


def _inside_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] sits between two capitalized words, inside a name ("Abdi Farah Ali",
    "Datu Saudi Ampatuan") rather than naming a place or a country."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    after = _WORD_AFTER.match(text, end)
    return (
        before is not None
        and after is not None
        and before.group(1)[:1].isupper()
        and after.group(1)[:1].isupper()
        and not text[: before.start()].rstrip().endswith((".", "\n"))
    )


# the short form in brackets that ends every match
_SHORT_TAIL = re.compile(r"\s+\(([A-Z][A-Za-z]{1,9})\)")
_SHORT_FORM = re.compile(
    r"\b((?:[A-Z][\w\u2019'-]*\s+(?:(?:of|for|and|the|on)\s+)*){0,7}[A-Z][\w\u2019'-]*)" + _SHORT_TAIL.pattern
)


@lru_cache(maxsize=256)
def short_forms(text: str) -> dict[str, str]:
    """Short forms an article defines in parentheses: "Ministry of Defense (Mindef)" ->
    {"Mindef": "Ministry of Defense"}, "Combined Operations Command (COC)"."""
    out: dict[str, str] = {}
    if _SHORT_TAIL.search(text) is None:
        return out  # a text with no "(Xy)" holds no match (the full pattern backtracks at every capital)
    for m in _SHORT_FORM.finditer(text):
        long, short = m.group(1), m.group(2)
        if len(long.split()) >= 2 and short not in out:
            out[short] = long
    return out


def _dateline_country(dateline: str) -> str | None:
    head = re.sub(r"\s*\([^)]*\)", "", dateline).rstrip(" -:\u2014\u2013")
    head = re.sub(r",\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}$", "", head)
    if "," in head:
        iso = geo.country_iso3(head.split(",", 1)[1].strip())
        if iso:
            return iso
        head = head.split(",", 1)[0]
    name = head.strip().title()
    iso = geo.country_iso3(name)
    if iso:
        return iso
    place = geo.lookup_place(name)
    return place.country_iso3 if place else None


def _resolve(mem: Memory, subj: Subject, pos: int, appositive: str | None = None) -> Speaker | None:
    """A concrete speaker for ``subj`` at ``pos``, filling an open country from the context."""
    if isinstance(subj, Speaker):
        short = subj.name if subj.kind == ORG else ""
    else:
        short = subj.head if subj.kind == PERSON else ""
        if short not in mem.short_forms and short.isalpha() and short.upper() in mem.short_forms:
            short = short.upper()  # "the DGP" (a title word itself) after "Director General of Police (DGP)"
    if short in mem.short_forms and not (isinstance(subj, Speaker) and lookup_actor(short) is not None):
        # (a known body keeps its canonical name: "UNHCR" after "High Commissioner for Refugees (UNHCR)")
        # "Mindef said", "The CCFFAA remarked": the body the article introduced with that short form
        long = mem.short_forms[short]
        known = next((sp for _, sp in reversed(mem.orgs) if sp.name == long), None)
        if known is not None:
            return known
        lw = long.split()
        titled = lw[-1:] if is_title_word(lw[-1]) else []
        if not titled and len(lw) >= 3 and lw[-2].lower() == "of" and is_title_word(lw[-3]):
            titled = lw[-3:-2]  # "Inspector General of Police (IGP)"
        if titled:
            # "the DPO said" after "District Police Officer (DPO) Ziaud Din", "the DGP" after "Director
            # General of Police (DGP) X": the person with that title
            subj = Reference(PERSON, _bare(titled[-1]).lower(), long, UNKNOWN)
        else:
            long_subj = analyze(long)
            subj = long_subj if isinstance(long_subj, Speaker) else Speaker(long, None, ORG, UNKNOWN)
    if isinstance(subj, Speaker) and subj.kind == ORG and subj.country == UNKNOWN and " " in subj.name:
        # "The Foreign Ministry emphasized" after "the Sudanese Foreign Ministry said", "the Arab
        # coalition said" after "the Saudi-led Arab coalition denied": the body met before, its side
        low = subj.name.lower()
        fuller = next(
            (k for p, k in reversed(mem.orgs) if p < pos and k.name.lower().endswith(" " + low)), None
        )
        if fuller is not None:
            subj = Speaker(subj.name, subj.title, ORG, fuller.country)
    found = subj if isinstance(subj, Speaker) else _resolve_reference(mem, subj, pos, appositive)
    if found is None:
        return None
    sp = found
    if sp.kind == PERSON and isinstance(subj, Speaker) and (sp.title is None or " " not in sp.name):
        # "Lo Castro added" after "Laura Lo Castro said", "General Ruiz said" after "Major General Ana
        # Ruiz, head of the mission, said": the person met before (whose title holds this one's)
        fuller = next(
            (
                k
                for _, k in reversed(mem.persons)
                if (
                    k.name.lower().endswith(" " + sp.name.lower())
                    or (" " in k.name and _same_name(k.name.split()[-1], sp.name))
                )
                and (sp.title is None or (k.title is not None and _title_holds(k.title, sp.title)))
            ),
            None,
        )
        if fuller is None and " " not in sp.name:
            # "Foreign Minister Iwaya said" after "Japanese Foreign Minister Iwaya Takeshi": a family
            # name written first (East Asian order) is the person met before
            fuller = next(
                (
                    k
                    for _, k in reversed(mem.persons)
                    if " " in k.name
                    and _same_name(k.name.split()[0], sp.name)
                    and (sp.title is None or (k.title is not None and _title_holds(k.title, sp.title)))
                ),
                None,
            )
        if fuller is not None:
            return fuller
    if sp.kind == PERSON and sp.name not in mem.gender:
        cues = {w.lower() for w in _CUE_WORD.findall(f"{sp.title or ''} {appositive or ''}")}
        pronouns = cues & _PRONOUN_CUES  # "with her husband": the pronoun tells, not the noun
        if pronouns:
            cues = pronouns
        if cues & _MALE and not cues & _FEMALE:
            mem.gender[sp.name] = "he"
        elif cues & _FEMALE and not cues & _MALE:
            mem.gender[sp.name] = "she"
    if sp.country == UNKNOWN:
        owner = _OWNER.match(appositive or "") or _OWNER.match(sp.title or "")
        body = _FOR_THE_BODY.search(sp.title or appositive or "")
        if owner:
            head = (owner.group(1) or owner.group(2) or owner.group(3)).lower()
            country = _owner_country(mem, head, pos)
        elif body is not None and is_org_word(body.group(1)):
            country = _owner_country(mem, body.group(1).lower(), pos)  # "a spokesman for the ministry"
        elif sp.kind == PERSON and (body := _body_before(mem, sp, pos)) is not None:
            # "…, UNHCR said. “…,” spokesman Ana Ruiz told reporters": the body that just spoke
            country = body.country
        elif sp.kind == PERSON and (role := _role_before(mem, sp, pos))[0]:
            # "An IOM spokesman briefed reporters ... Spokesman Ali Musa added": the person the
            # sentence before introduced by role only speaks for that role's side
            country = role[1]
        elif sp.kind == PERSON and _DISPLACED & {
            w.lower() for w in words(f"{sp.title or ''} {appositive or ''}")
        }:
            # "Refugee Aqakhan", "X, another deportee": the country the article's displaced come from
            country = mem.displaced_origin or mem.context_country(pos)
        elif sp.kind == ORG and non_governmental(sp.name, appositive):
            country = None  # "Alarm Phone, another charity": no state's side (its own words would say)
        elif sp.kind == PERSON and sp.title is None and mem.dateline:
            country = mem.dateline  # ordinary people: the place the story is filed from
        elif sp.kind == PERSON and sp.title is None and mem.displaced_origin:
            # an untitled person in a story about "Afghan refugees" / "Syrian returnees" is one of them
            country = mem.displaced_origin
        else:
            local = sp.kind == PERSON and bool(
                _LOCAL_ROLES & {w.lower() for w in words(f"{sp.title or ''} {appositive or ''}")}
            )
            country = mem.context_country(pos, sp.name if sp.kind == PERSON else "", local)
        sp = Speaker(sp.name, sp.title, sp.kind, country)
    return sp


_BARE_SPOKES = frozenset(["spokesman", "spokeswoman", "spokesperson"])


def _body_before(mem: Memory, sp: Speaker, pos: int) -> Speaker | None:
    """The body whose spokesperson ``sp`` is when its title is a bare "spokesman" (no owner) and
    that body spoke in the sentence before ``pos`` (or earlier in this one), or when ``sp`` has no
    title and is met first right after "a spokesman for <the body> said"."""
    if not mem.orgs or (sp.title is not None and sp.title.lower() not in _BARE_SPOKES):
        return None
    k = mem.sentence_index(pos)
    if k is None:
        return None
    since = mem.sentences[max(k - 1, 0)][0]
    p, body = mem.orgs[-1]
    if not since <= p < pos or body.country == UNKNOWN:
        return None
    if sp.title is None:
        # "…,” a spokesman for OCHA said. “…,” David Swanson said.": the unnamed spokesman named next
        if k == 0 or any(q < pos and other.name == sp.name for q, other in mem.persons):
            return None
        s, e = mem.sentences[k - 1]
        if not _A_SPOKESMAN_FOR.search(mem.text, s, e):
            return None
    return body


_A_SPOKESMAN_FOR = re.compile(r"\b[Aa]n?\s+spokes(?:man|woman|person)\s+(?:for|of)\s")


_ROLE_OPENER = re.compile(r"(?:A|An|The)\s")


def _role_before(mem: Memory, sp: Speaker, pos: int) -> tuple[bool, str | None]:
    """(found, country: None for an international body) of the role that opens the sentence before
    ``pos`` as the subject of its first reporting verb ("The UN's investigator on Iran said ...", "A
    police spokesman in Kano told ..."), when the news convention of naming that speaker only in the
    next sentence applies to ``sp``: not met before, and its own title, if any, holds the role's head."""
    k = mem.sentence_index(pos)
    if not k or any(p < pos and other.name == sp.name for p, other in mem.persons):
        return False, None
    s, e = mem.sentences[k - 1]
    subject = mem.text[s : mem.first_speech(s, e)].strip()
    if not _ROLE_OPENER.match(subject) or len(subject) > 80 or subject == mem.text[s:e].strip():
        return False, None
    toks = words(subject)
    head = next((t.lower() for t in reversed(toks) if is_title_word(t)), None)
    if head is None:
        return False, None
    named = analyze(subject)
    if isinstance(named, Speaker) and named.kind == PERSON:
        return False, None  # a named person ("The minister, Ana Ruiz,"), not a role
    if sp.title and not _title_has(sp.title, head):
        return False, None
    return country_in(subject)


def _title_holds(title: str, part: str) -> bool:
    """Whether every word of ``part`` ("General") is a word of ``title`` ("Major General, head of ...")."""
    have = {w.lower() for w in words(title)}
    return all(w.lower() in have for w in words(part))


_STATE_BODY_HEADS = frozenset(
    ["ministry", "government", "army", "police", "military", "office", "department", "forces", "command"]
)


def _recent_group_speaker(mem: Memory, pos: int) -> Speaker | None:
    """The body that spoke last, within the three sentences before ``pos``, when it is no state body
    (a group, a committee, a network, a monitor): "the group" after it spoke names it rather than an
    armed group its own words mentioned."""
    k = mem.sentence_index(pos)
    if k is None or not mem.orgs:
        return None
    since = mem.sentences[max(k - 3, 0)][0]
    p, sp = mem.orgs[-1]
    last = sp.name.split()[-1].lower()
    if not since <= p < pos or last in _STATE_BODY_HEADS or last.rstrip("s") in _UNNAMED_PERSON_HEADS:
        return None  # (nor "Levies officials": people, not a group)
    actor = lookup_actor(sp.name)
    if actor is not None and actor.kind not in ("armed_group", "party", "international", "other"):
        return None
    return sp


def _title_has(title: str, head: str) -> bool:
    """Whether ``title`` holds the word ``head`` ("ASP, PPRO of the command" holds "asp" and "ppro")."""
    have = {w.lower() for w in words(title)}
    return head in have or any(_TITLE_ABBREVIATIONS.get(w) == head for w in have)


def _owner_country(mem: Memory, head: str, pos: int) -> str | None:
    """Country of "the agency's …" / "the province's …" / "his …" from the latest matching mention."""
    if head in ("his", "her"):
        owner = next((sp for p, sp in reversed(mem.persons) if p < pos), None)
        return owner.country if owner is not None else mem.context_country(pos)
    if head == "their":
        head = "it"
    if head in _PLACE_HEADS:
        kinds = _PLACE_HEADS[head]
        places = [p for p in mem.places if p.start < pos and p.place.kind in kinds]
        if places:
            return places[-1].place.country_iso3
        return mem.context_country(pos)
    sp = _resolve_reference(mem, Reference(ORG, head, head, UNKNOWN), pos, None)
    if sp is None or sp.country == UNKNOWN:
        return mem.context_country(pos)
    return sp.country


def _resolve_reference(mem: Memory, ref: Reference, pos: int, appositive: str | None) -> Speaker | None:
    if ref.kind == PERSON and ref.head[:1].isupper():
        org = next((sp for p, sp in reversed(mem.orgs) if p < pos and sp.name == ref.head), None)
        if org is not None:
            return org  # "Eurostat said" after "EU statistics agency Eurostat said"
    if ref.head == _AGE_HEAD:
        # "the 22-year-old said": the person named last, unless an unnamed speaker came in between
        last = next(((p, sp) for p, sp in reversed(mem.persons) if p < pos), None)
        if last is None or any(last[0] < u < pos for u in mem.unnamed):
            return None
        return last[1]
    if ref.head == "statement":
        issuer = next((sp for p, sp in reversed(mem.issuers) if p <= pos), None)
        if issuer is None and mem.orgs:
            issuer = mem.orgs[-1][
                1
            ]  # "The army announced ... 'said the statement'": the last body that spoke
        return issuer
    if ref.kind == PERSON:
        # "the NRC chief", "the Kremlin spokesman": a role with a named owner fits only a person whose
        # title names it (in full or by its initials)
        mods = [_bare(w) for w in words(ref.text) if is_cap(w) and w.lower() != ref.head]
        role = not ref.head[:1].isupper() and ref.head not in ("he", "she")
        # "the army officer", "the police official": a body named in lower case narrows a generic role
        # to a person whose title names that body (not "the Home Minister" met before)
        bodies = [w for w in words(ref.text) if w.islower() and w != ref.head and is_org_word(w)]
        for p, sp in reversed(mem.persons):
            if ref.head in ("he", "she"):
                if mem.gender.get(sp.name, ref.head) != ref.head:
                    continue
                if any(p < u < pos for u in mem.unnamed):
                    return None  # "…, a resident said. He added …": the unnamed speaker in between
                mem.gender[sp.name] = ref.head
                return sp
            if ref.head[:1].isupper() and any(_same_name(ref.head, t) for t in sp.name.split()):
                return sp
            if role and mods:
                if sp.title and all(_names_owner(m, sp.title) for m in mods):
                    return sp
                continue
            if sp.title and _title_has(sp.title, ref.head):
                return sp
            if sp.title and ref.head in _GENERIC_ROLES:
                if all(b in sp.title.lower() for b in bodies):
                    return sp
                continue
            if sp.title and ref.head in _SPOKES_HEADS and _spokes_title(sp.title, ref.text, ref.head):
                return sp
        if ref.head in ("he", "she") or (mods and ref.head in _GENERIC_ROLES):
            return None
        while mem.quoting:
            a, b = mem.quoting.pop(0)
            mem.titled.extend(mem.titled_in(a, b))
        for p, sp in reversed(mem.titled):
            if (
                p < pos
                and sp.title
                and _title_has(sp.title, ref.head)
                and all(_names_owner(m, sp.title) for m in mods)
            ):
                return sp
        if not ref.head[:1].isupper():
            if not any(is_cap(w) for w in words(ref.text)):
                return None
            return Speaker(ref.text, ref.text, PERSON, ref.country)
        return Speaker(ref.text, None, PERSON, ref.country)
    if appositive and not appositive.lower().startswith(("which ", "who ", "that ", "whose ")):
        named = [m.actor for m in find_actors(appositive) if m.actor.kind != "media"]
        if named:
            return Speaker(named[0].canonical, None, ORG, named[0].country)
    if ref.head == "it":
        return mem.orgs[-1][1] if mem.orgs else None
    if ref.head == "they":
        k = mem.sentence_index(pos) or 0
        since = mem.sentences[k - 1][0] if k > 0 else 0
        if not mem.orgs or mem.orgs[-1][0] >= pos:
            return None
        last = mem.orgs[-1][1]
        if since <= mem.orgs[-1][0]:
            return last  # the body that spoke in this sentence or the one before
        # "The Board of Governors voiced sympathy. They reaffirmed …": the body the
        # sentence before names, though it did not speak there
        if k == 0:
            return None
        # the body named before the sentence's first reporting verb, as its subject (not in "officials
        # said … after the coalition began its push")
        prev = mem.text[since : mem.first_speech(since, mem.sentences[k][0])]
        opener = next((m for m in mem.actors if since <= m.start < since + 12), None)
        if opener is not None and opener.actor.canonical != last.name and not is_media(opener.actor):
            # "The M23 is a rebel group made of former army officers. They say …": the body the
            # sentence before opens with, not one its words name in passing
            return Speaker(opener.actor.canonical, None, ORG, opener.actor.country)
        name_head = last.name.split()[-1]
        return last if len(name_head) > 3 and re.search(rf"\b{re.escape(name_head)}\b", prev) else None
    if ref.head in _UNNAMED_GROUP_HEADS:
        spoke = _recent_group_speaker(mem, pos)
        if spoke is not None:
            return spoke  # "The committee said ... it said ... The group said": the body speaking here
    cands: list[tuple[int, Speaker]] = []
    for p, sp in reversed(mem.orgs):
        if p < pos and _described_as(mem.text, ref.text, sp.name):
            return sp  # "the statistics agency" after "EU statistics agency Eurostat"
    tail = _LEADING_DET.sub("", ref.text).strip().lower()
    if " " in tail:
        for p, sp in reversed(mem.orgs):
            if p < pos and sp.name.lower().endswith(" " + tail):
                return sp  # "the armed forces said" after "Sudan's armed forces dismissed …" spoke
    for p, sp in reversed(mem.orgs):
        if ref.country is None and sp.name == "United Nations":
            continue  # "the UN agency": a UN agency, not the UN itself
        if p < pos and _org_matches(ref.head, sp.name):
            cands.append((p, sp))
            break
    forces = (
        [m for m in reversed(mem.actors) if m.start < pos and _force_name(m.actor, ref.head) is not None]
        if ref.head in ("army", "military")
        else []
    )
    for m in forces[:1] or reversed(mem.actors):
        if ref.country is None and m.actor.canonical == "United Nations":
            continue  # "the UN agency": a UN agency, not the UN itself
        if m.start < pos and _actor_matches(ref.head, m.actor.kind, m.actor.canonical):
            # "the army" after "Burkina Faso army" and "VDP (army auxiliaries)": a force named an army
            # ("the force": the actor's own name, not an alias that happens to end in "Force")
            name = (_force_name(m.actor, ref.head) if ref.head != "force" else None) or m.actor.canonical
            cands.append((m.start, Speaker(name, None, ORG, m.actor.country)))
            break
    if (
        cands
        and ref.head in _UNNAMED_GROUP_HEADS
        and len(cands) == 2
        and cands[0][0] + len(cands[0][1].name) < cands[1][0]
    ):
        k = mem.sentence_index(pos) or 0
        if cands[0][0] >= mem.sentences[max(k - 1, 0)][0] if mem.sentences else False:
            # "X said its fighters ... Y's base. The group said ...": the body that spoke just before,
            # not a group its own words named
            return cands[0][1]
    if cands:
        return max(cands, key=lambda c: c[0])[1]
    body_before = _named_body_before(mem.text, ref.head, pos)
    if body_before is not None:
        return body_before  # "the university" after "the University of Karachi"
    if ref.head in _UNNAMED_GROUP_HEADS:
        # "the group claimed ..." after "Ansarul Islam, a jihadist group" / "a group known as X"
        return _introduced_group(mem.text, ref.head, pos)
    if ref.text.lower().endswith(" members"):
        return None  # "the council members" with no council named before
    return Speaker(ref.text, None, ORG, UNKNOWN)


_PLACE_WEIGHT = 0.5  # a gazetteer place's vote for its country, against 1 for a country name
_NAMED_BODY_HEADS = _WORDS["named_body_heads"]
_UNNAMED_PERSON_HEADS = _WORDS["unnamed_person_heads"]
_NOT_NAME_STARTS = _WORDS["not_name_starts"]
_CALENDAR = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_UNNAMED_GROUP_HEADS = frozenset(["group", "outfit", "movement", "faction", "organization", "organisation"])
_DISPLACED = _WORDS["displaced_words"]
_ACTOR_HEADS = frozenset(["agency", "organization", "organisation", "mission", "body", "office"])
_CAP = r"[A-Z][\w’'-]*"


@lru_cache(maxsize=1024)
def _named_body_pattern(head: str) -> re.Pattern[str]:
    h = re.escape(head[:1].upper() + head[1:])
    return re.compile(
        rf"(?<![\w’'-])(?:{_CAP}\s+){{0,4}}{h}(?:\s+(?:of|for|on)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,3}})?(?![\w-])"
    )


@lru_cache(maxsize=64)
def _group_patterns(head: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    name = rf"({_CAP}(?:\s+(?:al-|wal-)?{_CAP}){{0,5}})"
    return (
        re.compile(rf"{name},\s+an?\s+(?:[\w-]+\s+){{0,3}}{head}\b"),
        re.compile(rf"\b{head}\s+(?:[\w-]+\s+){{0,4}}?(?:known as|called|named)\s+{name}"),
    )


def _introduced_group(text: str, head: str, pos: int) -> Speaker | None:
    """The name a "<head>" was introduced with before ``pos`` ("Ansarul Islam, a jihadist group",
    "a group from Burkina Faso known as Ansaroul Islam"), as the speaker "the <head>" refers to."""
    best: tuple[int, str] | None = None
    for rx in _group_patterns(head):
        for m in rx.finditer(text, 0, pos):
            name = _LEADING_DET.sub("", m.group(1)).strip()
            if (best is None or m.start() > best[0]) and (
                lookup_actor(name) is None and geo.country_iso3(name) is None and not geo.lookup_place(name)
            ):
                best = (m.start(), name)
    if best is None:
        return None
    found, country = country_in(best[1])
    return Speaker(best[1], None, ORG, country if found else UNKNOWN)


def _named_body_before(text: str, head: str, pos: int) -> Speaker | None:
    """The last proper name before ``pos`` whose head is ``head`` capitalized ("University of
    Karachi", "Kaduna State Police Command" for "command"): what "the <head>" refers back to."""
    if head not in _NAMED_BODY_HEADS:
        return None
    last = None
    for m in _named_body_pattern(head).finditer(text, 0, pos):
        name = _POSSESSIVE.sub("", _LEADING_DET.sub("", m.group()).strip())
        if len(name.split()) >= 2 and not geo.lookup_place(name):
            last = name
    if last is None:
        return None
    found, country = country_in(last)
    return Speaker(last, None, ORG, country if found else UNKNOWN)


def _spokes_title(title: str, phrase: str, head: str) -> bool:
    """Whether ``title`` is a spokesperson's ("police public relations officer", "PPRO") whose
    words include the other words of ``phrase`` ("the police spokesman")."""
    tw = [w.lower() for w in words(title)]
    if not any(tuple(tw[i : i + len(t)]) == t for t in _SPOKES_TITLES for i in range(len(tw))):
        return False
    mods = [w.lower() for w in words(phrase) if w.lower() not in ("the", "a", "an", head)]
    return all(m in tw or m.rstrip("’'s") in tw for m in mods)


_NAME_ARTICLE = re.compile(r"^(?:al|el|ul|as|ad|ar|at|az)-", re.IGNORECASE)


@lru_cache(maxsize=8192)  # a pair of name words; difflib costs ~0.1 ms a call
def _same_name(a: str, b: str) -> bool:
    """The same name, allowing one spelling slip in a long one ("Menikdewela" / "Menikdiwela") and
    an Arabic article written or dropped ("Qudra" / "al-Qudra")."""
    if a == b:
        return True
    a, b = _NAME_ARTICLE.sub("", a), _NAME_ARTICLE.sub("", b)
    if a == b:
        return True
    if len(a) < 7 or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    sm = difflib.SequenceMatcher(None, a.lower(), b.lower())
    # quick_ratio bounds ratio from above (same formula, more matches counted): the same answer
    return sm.quick_ratio() >= 0.85 and sm.ratio() >= 0.85


def _names_owner(mod: str, title: str) -> bool:
    """Whether ``title`` names ``mod``: as a word ("Kremlin spokesman"), by its initials ("NRC" in
    "secretary general of the Norwegian Refugee Council"), or as the same actor ("IHR" / "Iran Human
    Rights")."""
    low = title.lower()
    if mod.lower() in low.split() or mod.lower() in low:
        return True
    caps = [w[0] for w in words(title) if w[:1].isupper()]
    if mod.isupper() and len(mod) >= 2 and mod in "".join(caps):
        return True
    actor = lookup_actor(mod)
    return actor is not None and any(m.actor.canonical == actor.canonical for m in find_actors(title))


def _may_describe(text: str, desc: str, name: str) -> bool:
    """What any match of ``_described_as``'s two patterns holds, tested with ``str.find``: ``desc``,
    whitespace and ``name`` ("statistics agency Eurostat"), or ``name``, a comma, whitespace and "a"
    or "the" ("Eurostat, the EU statistics agency"). False means neither pattern can match."""
    if name[:1].isspace():
        return True  # the patterns' \s+ could share the name's leading space: leave it to them
    n = len(text)
    for lead, follows in ((desc, (name,)), (name + ",", ("a", "the"))):
        i = text.find(lead)
        while i >= 0:
            j = k = i + len(lead)
            while j < n and text[j].isspace():
                j += 1
            if j > k and text.startswith(follows, j):
                return True
            i = text.find(lead, i + 1)
    return False


@lru_cache(maxsize=4096)
def _described_as(text: str, phrase: str, name: str) -> bool:
    """Whether ``text`` introduced ``name`` with the description ``phrase`` ("statistics agency
    Eurostat", "Eurostat, the EU statistics agency"): "the statistics agency" then means it."""
    bare = _LEADING_DET.sub("", phrase).strip()
    if not bare or not name:
        return False
    if not _may_describe(text, bare, name):
        return False  # neither pattern below can match: spare compiling two patterns for this pair
    desc = re.escape(bare)
    nm = re.escape(name)
    return (
        re.search(rf"\b{desc}\s+{nm}\b", text) is not None
        or re.search(rf"\b{nm},\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}{desc}\b", text) is not None
    )


def _force_name(actor: Actor, head: str) -> str | None:
    """The name of a state force that calls it by ``head`` ("army", "military"), as reporters write
    it: "Malian army" for the Malian Armed Forces; None when no name of ``actor`` does."""
    if actor.kind != "military":
        return None
    for name in (actor.canonical, *actor.aliases):
        if name.lower().split()[-1] == head and len(name.split()) > 1:
            return name
    return None


def _org_matches(head: str, name: str) -> bool:
    if head in name.lower().split():
        return True
    actor = lookup_actor(name)
    return actor is not None and _actor_matches(head, actor.kind, actor.canonical)


def _actor_matches(head: str, kind: str, canonical: str) -> bool:
    if head == "group":
        return kind in ("armed_group", "party") or canonical == "Taliban"
    if head in ("agency", "organization", "organisation"):
        return kind in ("agency", "international")
    if head in ("army", "military", "force"):
        return kind == "military"  # "the force announced" after "Iran's Revolutionary Guards"
    if head == "mission":
        return "mission" in canonical.lower() or kind == "agency"
    return kind != "media" and head in canonical.lower().split()
