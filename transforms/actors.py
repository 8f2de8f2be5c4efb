"""Named actors (armed groups, governments, agencies, media) found in text.

The vocabulary is ``transforms/data/actors.csv``; every alias and canonical name
is compiled once into two alternations: upper-case acronyms matched exactly as
written (so "IS" never matches "is"), and other aliases matched in any case that
keeps the alias's capitals ("Dawn" but not "dawn"). Longest match wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.lexicon import (
    LexiconError,
    alias_atoms,
    check_choice,
    check_iso3,
    is_acronym,
    load_csv,
    match_key,
    nocase_twin,
    skipping_trie,
    span_iter,
    trie_pattern,
)

KINDS = frozenset(
    {"armed_group", "government", "military", "agency", "international", "media", "party", "other"}
)


@dataclass(frozen=True, slots=True)
class Actor:
    canonical: str
    kind: str
    country: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    actor: Actor


def _case_ok(alias: str, found: str) -> bool:
    """True when every capital letter of ``alias`` is a capital in ``found``."""
    a = [c for c in alias if c.isalpha()]
    f = [c for c in found if c.isalpha()]
    if len(a) != len(f):
        return found[:1].isupper() or not alias[:1].isupper()
    return all(fc.isupper() for ac, fc in zip(a, f, strict=True) if ac.isupper())


def _load() -> tuple[dict[str, Actor], dict[str, list[tuple[str, Actor]]], dict[str, str]]:
    """canonical -> actor, alias key -> [(alias, actor)], alias key -> ISO3 the text must mention."""
    by_canonical: dict[str, Actor] = {}
    by_key: dict[str, list[tuple[str, Actor]]] = {}
    context: dict[str, str] = {}
    for i, row in enumerate(
        load_csv("actors.csv", ("canonical", "kind", "country", "aliases"), ("canonical", "kind"))
    ):
        where = f"actors.csv row {i + 2} ({row['canonical']!r})"
        kind = check_choice(row["kind"], KINDS, where)
        country = check_iso3(row["country"], where) if row["country"] else None
        raw = [a.strip() for a in row["aliases"].split("|") if a.strip()]
        # "junta@MMR": a generic word that names this actor only in a text that mentions Myanmar.
        aliases = tuple(a.split("@", 1)[0].strip() for a in raw)
        for a in raw:
            if "@" in a:
                context[match_key(a.split("@", 1)[0])] = check_iso3(a.split("@", 1)[1].strip(), where)
        actor = Actor(row["canonical"], kind, country, aliases)
        if actor.canonical in by_canonical:
            raise LexiconError(f"{where}: duplicate canonical")
        by_canonical[actor.canonical] = actor
        for alias in (actor.canonical, *aliases):
            entries = by_key.setdefault(match_key(alias), [])
            if any(other is not actor for _, other in entries):
                raise LexiconError(f"{where}: alias {alias!r} already names {entries[0][1].canonical!r}")
            entries.append((alias, actor))
    return by_canonical, by_key, context


_BY_CANONICAL, _BY_KEY, _CONTEXT = _load()
_ALIASES = sorted({a for entries in _BY_KEY.values() for a, _ in entries}, key=lambda a: (-len(a), a))
_B, _E = r"(?<![\w])(?:", r")(?![\w])"
# Written to start with a class of capitals, so that ``re`` skips the lower-case text in C (see
# ``lexicon.skipping_trie``); it matches what ``_B + trie_pattern(...) + _E`` matches.
_ACRONYM_RE = re.compile(
    skipping_trie([alias_atoms(a) for a in _ALIASES if is_acronym(a)], r"[\w]") + r"(?![\w])"
)
_NAME_RE = re.compile(
    _B + trie_pattern([alias_atoms(a.casefold()) for a in _ALIASES if not is_acronym(a)]) + _E, re.IGNORECASE
)
# _NAME_RE scans lower-cased text without IGNORECASE when that is exact (see lexicon.nocase_twin).
_NAME_TWIN = nocase_twin(_NAME_RE)
_CAPS_WORD = re.compile(r"[A-Z]{2,}")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^\w\n]*$")
_WORD_AFTER = re.compile(r"^[^\w\n]*([A-Za-z]+)")


def _in_caps_run(text: str, start: int, end: int) -> bool:
    """True inside an all-capitals headline, where an acronym may be a plain word ("WHO IS")."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    after = _WORD_AFTER.search(text[end : end + 30])
    return bool(
        before and after and _CAPS_WORD.fullmatch(before.group(1)) and _CAPS_WORD.fullmatch(after.group(1))
    )


def _mentions_country(text: str, iso3: str) -> bool:
    # Imported here: geo itself imports this module (it skips country words inside actor names).
    from transforms import geo

    return (
        geo.country_word_pattern(iso3).search(text) is not None
        or geo.division_word_pattern(iso3).search(text) is not None  # "Chhattisgarh" for India
    )


@lru_cache(maxsize=8192)
def _resolve(found: str, acronym: bool) -> Actor | None:
    for alias, actor in _BY_KEY.get(match_key(found), ()):
        if acronym and is_acronym(alias) and alias.replace(" ", "") == found.replace(" ", ""):
            return actor
        if not acronym and not is_acronym(alias) and _case_ok(alias, found):
            return actor
    return None


# match_key of matched aliases: a small set of strings seen again in every article.
_match_key_cached = lru_cache(maxsize=8192)(match_key)


def find_actors(text: str) -> list[ActorMention]:
    """Every actor alias in ``text`` as non-overlapping mentions sorted by start; longest match wins."""
    return list(_find_actors(text))


@lru_cache(maxsize=16)
def _find_actors(text: str) -> tuple[ActorMention, ...]:
    """Cached on the text: the three extractors ask about the same article."""
    cands: list[ActorMention] = []
    for rx, twin, acronym in ((_ACRONYM_RE, None, True), (_NAME_RE, _NAME_TWIN, False)):
        for start, end in span_iter(rx, twin, text):
            found = text[start:end]
            actor = _resolve(found, acronym)
            if actor is None or (acronym and _in_caps_run(text, start, end)):
                continue
            needs = _CONTEXT.get(_match_key_cached(found)) if _CONTEXT else None
            if needs is not None and not _mentions_country(text, needs):
                continue
            cands.append(ActorMention(start, end, actor))
    cands.sort(key=lambda c: (c.start, c.start - c.end))
    out: list[ActorMention] = []
    last_end = -1
    for c in cands:
        if c.start >= last_end:
            out.append(c)
            last_end = c.end
    return tuple(out)


@lru_cache(maxsize=4096)
def lookup_actor(name: str) -> Actor | None:
    """The actor ``name`` denotes (canonical name or alias, any case except for acronyms), else None.

    Context-bound aliases ("junta") give None: without the text there is no telling whose junta.
    """
    name = name.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    if match_key(name) in _CONTEXT:
        return None
    for alias, actor in _BY_KEY.get(match_key(name), ()):
        if not is_acronym(alias) or alias.replace(".", "") == name.replace(".", ""):
            return actor
    return None


def all_actors() -> tuple[Actor, ...]:
    """Every actor in the vocabulary, in file order."""
    return tuple(_BY_CANONICAL.values())
