"""Statements: who said what, directly or in reported speech.

The grammar, sentence by sentence:

* direct: a sentence opening with a quotation closed by an attribution
  (“…,” X said / “…,” said X, the Y), continued by later quote-only sentences
  (and by the next paragraph while the quotation stays open); or
  ``X said: “…”`` with the quotation running to the sentence end;
* indirect: a reporting verb (``reporting_verbs.csv``) with its subject before
  it (``X said``, ``X, the Y of Z, said``, ``Z's Y, X, said``, ``Title X said``),
  after it (``…, said X``), ``according to X``, ``as stated by X``, or a
  participle (``…, saying that``) taking the clause subject.

Subjects are read by ``transforms.speakers``; pronouns, definite descriptions
("the agency") and bare surnames resolve to the most recent compatible
speaker or actor mention. A speaker whose country the phrase leaves open gets
the article's context country (dateline and country names so far).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from transforms import geo
from transforms.actors import find_actors, lookup_actor
from transforms.lexicon import LexiconError, load_csv, ordered_alternation, read_data
from transforms.records import Statement
from transforms.sentences import Quote, find_quotes, is_abbreviation, sentence_spans
from transforms.speakers import (
    PERSON,
    Memory,
    Reference,
    Speaker,
    Subject,
    analyze,
    is_cap,
    is_document_word,
    is_org_word,
    is_person_noun,
    is_title_word,
    words,
)

_KINDS = frozenset({"speech", "tell", "stance", "quote"})


def _load_verbs() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for row in load_csv("reporting_verbs.csv", ("form", "lemma", "kind"), ("form", "lemma", "kind")):
        if row["kind"] not in _KINDS or row["form"] != row["form"].lower():
            raise LexiconError(f"reporting_verbs.csv: bad row {row!r}")
        out[row["form"]] = (row["lemma"], row["kind"])
    return out


def _load_grammar() -> dict[str, frozenset[str]]:
    """Word classes of ``statement_grammar.toml`` (each a space-separated string)."""
    table = tomllib.loads(read_data("statement_grammar.toml"))
    out: dict[str, frozenset[str]] = {}
    for key, value in table.items():
        if not isinstance(value, str) or not value.split():
            raise LexiconError(f"statement_grammar.toml: {key!r} must be a non-empty string of words")
        out[key] = frozenset(value.split())
    return out


_VERBS = _load_verbs()
# forms that double as nouns ("state", "report", "claims"): may end a subject phrase
_NOUN_LIKE = frozenset(f for f, (lemma, _) in _VERBS.items() if f in (lemma, lemma + "s", lemma + "es"))
_GRAMMAR = _load_grammar()
# what may not touch a verb form on either side
_WORDISH = r"[\w\u2019'\-]"
# Longest form first; ``ordered_alternation`` keeps that order but tests each first letter once.
_VERB_RE = re.compile(
    r"(?<!"
    + _WORDISH
    + r")(?:"
    + ordered_alternation(
        [
            tuple(r"\s+" if ch == " " else re.escape(ch) for ch in f)
            for f in sorted(_VERBS, key=len, reverse=True)
        ]
    )
    + r")(?!"
    + _WORDISH
    + r")"
)
_WORDISH_RE = re.compile(_WORDISH)
# a plural possessive keeps its apostrophe ("the United Nations' refugee agency")
_TOKEN = re.compile(
    # a dotted acronym keeps its last period ("U.N." said, "U.S." officials)
    r"(?:[A-Z]\.){2,}(?![\w\u00c0-\u024f])"
    r"|[\w\u00c0-\u024f]+(?:[\u2019'\-.&][\w\u00c0-\u024f]+)*(?:(?<=s)[\u2019'](?!\w))?|[^\w\s]"
)
_QUOTE_CHARS = '\u201c\u201d"\u201e\u00ab\u00bb'
_ACCORDING_CUE = re.compile(r"\b[Aa]ccording to\b")


class _Verbs:
    """Every reporting verb of a text, found by one ``_VERB_RE`` scan of the whole text and served
    per range exactly as ``_VERB_RE.finditer(text, a, b)`` would find them.

    A scan of text[a:b] differs from the whole-text scan only where the whole-text scan reads past
    ``b`` or runs through ``a``: a match that starts before ``a`` and ends after it (the range scan
    would start inside it), one that starts before ``b`` and ends after it (the range scan cannot
    see its end, and may find a shorter form there instead), or a form ending at ``b`` when the
    character at ``b`` is one the closing look-ahead refuses (the range scan sees no character
    there and accepts it). The look-behind reads the same characters before ``a`` in both. In
    those three cases the range is scanned on its own; otherwise the matches lying in [a, b) are
    exactly the range scan's.
    """

    __slots__ = ("text", "ms", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.ms = list(_VERB_RE.finditer(text))
        self.starts = [m.start() for m in self.ms]

    def within(self, a: int, b: int) -> list[re.Match[str]]:
        """``list(_VERB_RE.finditer(text, a, b))``."""
        ms = self.ms
        i = bisect.bisect_left(self.starts, a)
        j = bisect.bisect_left(self.starts, b, i)
        if (
            (i > 0 and ms[i - 1].end() > a)
            or (j > i and ms[j - 1].end() > b)
            or (b < len(self.text) and _WORDISH_RE.match(self.text, b) is not None)
        ):
            return list(_VERB_RE.finditer(self.text, a, b))
        return ms[i:j]

    def first(self, a: int, b: int) -> int:
        """Where the first reporting verb of text[a:b] starts, or ``b`` when there is none."""
        ms = self.within(a, b)
        return ms[0].start() if ms else b


def _has_cue(art: _Article, start: int, end: int) -> bool:
    """A reporting verb or "according to" in text[start:end]."""
    # The verbs from the article's one scan; "according to" behind a substring test (a regex
    # "VERB|according" tried the "according" branch at every position).
    text = art.text
    return bool(art.verbs.within(start, end)) or (
        "ccording to" in text[start:end] and _ACCORDING_CUE.search(text, start, end) is not None
    )


_LEAD_OWNER = re.compile(r"^[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*[\u2019']s\s+(?=\S)")
_LEAD_ARTICLE = re.compile(r"^(?:the|a|an|The|A|An)\s+")
_ISSUED_BY = re.compile(
    r"(?:an?|the)\s+(?:\w+\s+)?(?:statement|report|post|message|press release)\s+"
    r"(?:\w+\s+)?(?:released|issued|published|posted|shared|sent)\s+by\s+"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_AS_BY = re.compile(
    r"\b[Aa]s\s+(stated|said|noted|announced|reported|confirmed|explained|mentioned|claimed|highlighted)"
    r"\s+by\s+"
)
_AS_BY_ANYWHERE = re.compile(_AS_BY.pattern.removeprefix(r"\b"))  # matches wherever _AS_BY does
_POSSESSIVE_ROLE = re.compile(
    r"\b(?:his|her)\s+(?:[a-z-]+\s+){0,2}(?:spokesman|spokeswoman|spokesperson|deputy|aide|adviser|advisor|office|assistant|secretary)\b"
)
_QUOTED_AS = re.compile(r"\b(?:was|were|is|has been)\s+quoted\s+(?:by\s+[^,.]{1,40}?\s+)?as\s+say(?:ing|s)\b")
_CLAUSE_SPLIT = re.compile(r";\s+|,\s+(?:while|whereas)\s+|,?\s+but\s+")
_THAT = re.compile(r"\bthat\s+")

_AUX = _GRAMMAR["aux"]
_PREPOSITIONS = _GRAMMAR["prepositions"]
_TIME_WORDS = _GRAMMAR["time_words"]
_NEG = _GRAMMAR["neg"]
_PASSIVE = _GRAMMAR["passive"]
_NO_SUBJECT = _GRAMMAR["no_subject"]
_COORD = _GRAMMAR["coord"]
_BACK_STOP = _GRAMMAR["back_stop"]
_BACK_CONNECT = _GRAMMAR["back_connect"]
_STOP_SEGMENT_START = _GRAMMAR["stop_segment_start"]
_ADVERB_SEGMENTS = _GRAMMAR["adverb_segments"]
_NP_GLUE = _GRAMMAR["np_glue"]
_INVERTIBLE = _GRAMMAR["invertible"]
_ADDRESSEES = _GRAMMAR["addressees"]
_CONTENT_ADJUNCT = _GRAMMAR["content_adjunct"]
_SUBORDINATORS = _GRAMMAR["subordinators"]
_FORWARD_STOP = _GRAMMAR["forward_stop"]
_ADJUNCT_NOUNS = _GRAMMAR["adjunct_nouns"]
_BARE_TIME = _GRAMMAR["bare_time"]
_ADVERBS = _GRAMMAR["adverbs"]
_MONTHS = _GRAMMAR["months"]
_SETTING_PARTICIPLES = _GRAMMAR["setting_participles"]
_CLAUSE_WORDS = _PASSIVE | _VERBS.keys() | {"had", "has", "have", "will", "would", "could", "can"}
_BY_MEDIUM = frozenset(["phone", "telephone", "email", "e-mail", "text", "video", "videolink", "satellite"])
_TAIL_OPENERS = (
    _CONTENT_ADJUNCT | _ADDRESSEES | _BARE_TIME | {"by"}
)  # "…, the army said Sunday in a statement"
_ADJUNCT_PREPS = _GRAMMAR["adjunct_preps"]
_CLAUSE_OPENERS = _SUBORDINATORS - {"despite"}
# "the rebels must announce …", "the ministry may confirm …": an obligation or a possibility, no statement
_MODALS = frozenset(["must", "should", "might", "may", "shall"])
_PRONOUNS = frozenset(["he", "she", "it", "they", "we", "i", "you"])  # "after it threatened": its own words
_CLAIMABLE = _GRAMMAR["claimable"]
_CLAIM_GENERIC = _GRAMMAR["claim_generic"]
_CLAIMED_BY = re.compile(r"\bclaimed\s+by\s+")
# an aside between dashes or brackets ("The attacks – in which 40 died – were claimed by …")
_ASIDE = re.compile(r"\s+[\u2013\u2014-]\s+[^\u2013\u2014]*?\s+[\u2013\u2014-]\s+|\s*\([^()]*\)")
_NP_BREAK = frozenset(["and", "or", "but", "which", "who", "that", "when", "while", "after", "as"])


class _Tok(NamedTuple):
    start: int
    end: int
    text: str


# ``_Tok((start, end, text))`` without the Python-level ``__new__`` of a NamedTuple.
_new_tok = functools.partial(tuple.__new__, _Tok)


@dataclass(slots=True)
class _Found:
    speaker: Speaker
    verb: str
    mode: str
    content: str
    start: int
    end: int
    verb_at: int = -1  # where the reporting verb is, for statements read off a verb in a clause
    fronted: bool = False  # the content comes before the verb ("…, said X")
    relative: bool = False  # the verb is in a relative clause ("X, who confirmed the attack, said …")


_INDEFINITE_RUN = re.compile(
    r"(?<![\w\u2019'-])(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+((?:[a-z][\w\u2019'-]*\s+){1,5})"
)
_INVERTED_INDEFINITE = re.compile(
    r"[,\u201d\"]\s*" + _VERB_RE.pattern + r"\s+(?:an?|one|another)\s+((?:[a-z][\w\u2019'-]*[\s,.;]+){1,4})"
)

# "A farmer, who asked not to be named, told us": an unnamed person with a relative clause
_WHO_COMMA = re.compile(r",\s+(?:who|whose)\s")
_INDEFINITE_RELATIVE = re.compile(
    r"(?<![\w\u2019'-])(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+((?:[a-z][\w\u2019'-]*\s+){0,3}[a-z][\w\u2019'-]*)"
    + _WHO_COMMA.pattern
    + r"[^,.;\"\u201c\u201d]{1,120},\s+"
    + _VERB_RE.pattern
)


def _unnamed_speakers(text: str) -> list[int]:
    """Where an unnamed person speaks: "a village elder noted that", "…,” said one resident"."""
    out = []
    verbs = _VERBS.keys()
    for m in _INDEFINITE_RUN.finditer(text):
        ws = m.group(1).split()
        if verbs.isdisjoint(ws):
            continue  # no reporting verb among the words: ``at`` below would be 0
        at = next((i for i, w in enumerate(ws) if w in _VERBS), 0)
        if at and any(is_person_noun(w) for w in ws[:at]):
            out.append(m.start())
    if _WHO_COMMA.search(text) is not None:  # its ", who" part: a text without one holds no match
        for m in _INDEFINITE_RELATIVE.finditer(text):
            if any(is_person_noun(w) for w in m.group(1).split()):
                out.append(m.start())
    for m in _INVERTED_INDEFINITE.finditer(text):
        ws = re.split(r"[\s,.;]+", m.group(1).strip())
        if any(is_person_noun(w) for w in ws[:3]):
            out.append(m.start())
    return sorted(out)


def _no_titled(start: int, end: int) -> list[tuple[int, Speaker]]:
    return []


class _Article:
    """Per-article state: quotes, sentences, and the speaker memory."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quotes = find_quotes(text)
        self.quote_starts = [q.start for q in self.quotes]  # ascending: find_quotes reads the text in order
        self.quote_at: dict[int, Quote] = {}  # the quotation opening at a position (one per opening mark)
        for q in self.quotes:
            self.quote_at.setdefault(q.start, q)
        self.sentences = sentence_spans(text, self.quotes)
        self.memory = Memory(text, self.sentences)
        self.memory.find_unnamed = functools.partial(_unnamed_speakers, text)
        self.verbs = _Verbs(text)
        self.memory.first_speech = self.verbs.first  # no reference back to the article
        self.memory.titled_in = lambda a, b: _titled_mentions(self, a, b)
        self.body_start = self.memory.body_start
        self._toks: list[_Tok] | None = None
        self._tok_starts: list[int] = []
        self._title_toks: list[int] | None = None
        self._intro_commas: list[int] | None = None
        self.consumed: set[int] = set()  # sentences already part of a statement
        self.claimers: list[Speaker] = []  # who claimed responsibility so far, in text order
        # "according to" / "as said by" attributions are scanned per clause only if the text may have
        # one (neither pattern looks past its match's end, so a text without a match has none in a
        # clause). The tests are cheaper than the patterns: a substring, and _AS_BY without its
        # leading \b (15 vs 44 us); they spare ~12 clause scans (~0.13 ms) per bench article.
        self.attributions = []
        if "ccording to" in text:
            self.attributions.append((_ACCORDING, _according))
        if _AS_BY_ANYWHERE.search(text) is not None:
            self.attributions.append((_AS_BY, _as_by))
        if "quoted" in text:
            self.attributions.append((_QUOTED_OBJECT, _quoted_object))

    def release(self) -> None:
        """Break the one reference cycle (this article -> its memory -> ``titled_in`` -> this article),
        so that reference counting frees the article's tokens, sentences and memory on return
        instead of leaving ~340 objects per article for the cyclic collector to trace."""
        self.memory.titled_in = _no_titled

    def tokens(self, start: int, end: int) -> list[_Tok]:
        """Tokens lying inside [start, end) (the text is tokenized once, on first use)."""
        i, j = self.token_range(start, end)
        return self._toks[i:j] if self._toks is not None else []

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """(i, j): the tokens lying inside [start, end) are the article's tokens i to j - 1."""
        if self._toks is None:
            # ``map`` over the match methods and a C-level constructor: no Python call per token.
            ms = list(_TOKEN.finditer(self.text))
            self._tok_starts = list(map(re.Match.start, ms))
            fields = zip(self._tok_starts, map(re.Match.end, ms), map(re.Match.group, ms), strict=True)
            self._toks = list(map(_new_tok, fields))
        i = bisect.bisect_left(self._tok_starts, start)
        j = bisect.bisect_left(self._tok_starts, end, lo=i)
        while j > i and self._toks[j - 1].end > end:
            j -= 1
        return i, j

    def clause_tokens(self, start: int, end: int) -> tuple[list[_Tok], Callable[[int], int | None]]:
        """The tokens inside [start, end), and a function giving the index among them of the token
        starting at a position (None if no token starts there)."""
        i, j = self.token_range(start, end)
        starts = self._tok_starts

        def at(pos: int) -> int | None:
            g = bisect.bisect_left(starts, pos, i, j)
            return g - i if g < j and starts[g] == pos else None

        return self.tokens(start, end), at

    def title_tokens(self) -> list[int]:
        """Indices of the tokens that can open a titled mention: a capitalized title word."""
        if self._title_toks is None:
            if self._toks is None:
                self.token_range(0, 0)
            assert self._toks is not None
            texts = [t.text for t in self._toks]
            # both tests are per word: asked once per distinct word, then a set lookup per token
            hits = {w for w in set(texts) if is_title_word(w) and is_cap(w)}
            self._title_toks = [k for k, w in enumerate(texts) if w in hits] if hits else []
        return self._title_toks

    def may_introduce(self, start: int, end: int) -> bool:
        """Whether text[start:end] may hold an _INTRODUCED match: its ", who/a/an " part starts there."""
        if self._intro_commas is None:
            self._intro_commas = [m.start() for m in _INTRO_COMMA.finditer(self.text)]
        k = bisect.bisect_left(self._intro_commas, start)
        return k < len(self._intro_commas) and self._intro_commas[k] < end

    def first_quote(self, start: int, end: int) -> Quote | None:
        """The first quotation opening in [start, end), if any."""
        i = bisect.bisect_left(self.quote_starts, start)
        return self.quotes[i] if i < len(self.quotes) and self.quotes[i].start < end else None

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        return i >= 0 and self.quotes[i].start < pos < self.quotes[i].end


def _analyze(art: _Article, phrase: str, appositive: str | None = None) -> Subject | None:
    """``analyze`` the phrase; a lone surname it rejects (a place's name too: "Linares", "Camargo")
    is still the person of that surname met earlier in the article."""
    subj = analyze(phrase, appositive)
    if subj is None:
        return art.memory.known_person(phrase)
    return subj


_DROP_QUOTES = str.maketrans("", "", _QUOTE_CHARS)


def _strip_quotes(s: str) -> str:
    return " ".join(s.translate(_DROP_QUOTES).split())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past surrounding spaces and trailing sentence punctuation."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return start, end


# ---------- subjects ----------


def _skip_back(toks: list[_Tok], j: int) -> tuple[int, bool]:
    """Index of the last token before a verb once auxiliaries and adverbs are skipped; negated?"""
    negated = False
    while j >= 0:
        w = toks[j].text.lower()
        if w in _NEG or w in ("will", "would") or (w in _MODALS and toks[j].text.islower()):
            # "the commission would announce the results": a future act, no statement made
            negated = True
            j -= 1
        elif w in _AUX or w in _ADVERBS or (w.endswith("ly") and len(w) > 4 and toks[j].text.islower()):
            j -= 1
        elif (
            w == "to"
            and j >= 2
            and toks[j - 1].text == "on"
            and toks[j - 2].text.lower() in ("went", "goes", "go", "going")
        ):
            j -= 3  # "He went on to say …", "X went on to stress": the speaker goes on speaking
        elif (
            w == ","
            and j >= 2
            and toks[j - 1].text.lower() in ("however", "meanwhile")
            and toks[j - 2].text == ","
        ):
            j -= 3
        elif w in _TIME_WORDS and j >= 1 and toks[j - 1].text.lower() in ("on", "late", "early", "last"):
            j -= 2
            if j >= 0 and toks[j].text.lower() in ("late", "early") and toks[j + 1].text.lower() == "on":
                j -= 1
        elif w in ("yesterday", "today", "tonight"):
            j -= 1
        elif w in _BARE_TIME and toks[j].text[0].isupper() and j >= 1 and is_cap(toks[j - 1].text):
            j -= 1  # wire style: "Ombudsman Ana Ruiz Sunday voiced concern", "Malik Tuesday said"
        elif (d := _on_date_start(toks, j)) >= 0:
            j = d - 1  # "Minister Ravi Das on May 31 said", "the army on 3 June said"
        elif w in _ADJUNCT_NOUNS and (p := _adjunct_start(toks, j)) >= 0:
            j = p - 1  # "has in recent days warned", "X in a statement said"
        elif (
            j >= 2
            and is_cap(toks[j].text)
            and toks[j - 1].text in ("in", "at")
            and toks[j - 2].text.lower() in _ADJUNCT_NOUNS
        ):
            j -= 2  # "X in his weekly briefing in Islamabad on Thursday said": where the briefing was
        elif w == ")":
            while j >= 0 and toks[j].text != "(":
                j -= 1
            j -= 1
        elif w in _ASIDE_DASHES and (o := _aside_open(toks, j)) >= 0:
            j = o - 1  # "The group – which held the town in 2014 – claimed …": the aside is skipped
        else:
            break
    return j, negated


_ASIDE_DASHES = frozenset(["-", "\u2013", "\u2014"])


def _aside_open(toks: list[_Tok], j: int) -> int:
    """Index of the dash opening a relative aside that the dash at ``j`` closes ("X – who …, –"),
    or -1: the aside opens with who/which/whose right after a word ("the group – which …")."""
    for o in range(j - 2, max(-1, j - 30), -1):
        if toks[o].text in _ASIDE_DASHES:
            if (
                o >= 1
                and toks[o + 1].text.lower() in ("who", "which", "whose")
                and toks[o - 1].text[0].isalnum()
            ):
                return o
            return -1
    return -1


def _on_date_start(toks: list[_Tok], j: int) -> int:
    """Index of "on" opening a calendar date ("on May 31", "on 31 May") that ends at token ``j``, or -1."""
    if j < 2:
        return -1
    a, b = toks[j - 1].text, toks[j].text
    if not ((a.lower() in _MONTHS and b.isdigit()) or (a.isdigit() and b.lower() in _MONTHS)):
        return -1
    if len(a if a.isdigit() else b) > 2 or not is_cap(b if a.isdigit() else a):
        return -1
    return j - 2 if toks[j - 2].text.lower() == "on" else -1


def _adjunct_start(toks: list[_Tok], j: int) -> int:
    """Index of the preposition opening a short lower-case adjunct that ends at token ``j``, or -1."""
    for i in range(j - 1, max(-1, j - 5), -1):
        t = toks[i].text
        if t in _ADJUNCT_PREPS:
            return i
        if i == j - 1 and is_cap(t) and t.isalpha():
            continue  # "on his Twitter account", "on its Telegram channel": a platform's name
        if not t.islower() or not t.isalpha():
            return -1
    return -1


def _np_back(toks: list[_Tok], j: int) -> int:
    """Index of the first token of the noun phrase ending at token ``j`` (j + 1 when there is none)."""
    i = j
    first = j + 1
    while i >= 0 and j - i < 14:
        t = toks[i].text
        low = t.lower()
        if (
            t == "."
            and 0 < i < j
            and toks[i - 1].end == toks[i].start
            and (is_abbreviation(toks[i - 1].text) or "." in toks[i - 1].text)  # "Col. Amani", "U.N. office"
        ):
            i -= 1  # "Col. Amani", "Lt. Gen. Ahmadi"
            continue
        if t == ")" and i < j and i > 1:
            k = i - 1
            while k > 0 and toks[k].text != "(" and i - k < 6:
                k -= 1
            if toks[k].text == "(" and k > 0 and is_cap(toks[k - 1].text):
                i = k - 1  # "District Police Officer (DPO) Ziaud Din": a short form inside the phrase
                continue
        if not (t[0].isalnum()):
            break
        if low in ("the", "a", "an", "no", "some", "several", "both", "his", "her", "their"):
            first = i
            connected = (
                low == "the"
                and i >= 2
                and toks[i - 1].text.lower() in _BACK_CONNECT
                and toks[i - 2].text[0].isalnum()
                and toks[i - 2].text.lower() not in _BACK_STOP
            ) or (
                # "Ambassador to the UN Ana Ruiz"
                low == "the"
                and i >= 2
                and toks[i - 1].text.lower() in ("to", "on")
                and is_title_word(toks[i - 2].text)
                and _complement_and_name(toks, i + 1, j)
            )
            if not connected:
                break
            i -= 2
            continue
        if (
            low in ("to", "on")
            and 0 < i < j
            and is_title_word(toks[i - 1].text)
            and _complement_and_name(toks, i + 1, j)
        ):
            i -= 1  # "Ambassador to Russia Ana Ruiz", "Special Rapporteur on Iran Ana Ruiz"
            continue
        if low in _BACK_CONNECT and i < j:
            if i - 1 >= 0 and toks[i - 1].text[0].isalnum() and toks[i - 1].text.lower() not in _BACK_STOP:
                i -= 1
                continue
            break
        if low in _BACK_STOP and not t.isupper() and not (low in ("he", "she", "it", "they") and i == j):
            break
        first = i
        if low in ("he", "she", "it", "they"):
            break
        i -= 1
    return first


def _complement_and_name(toks: list[_Tok], a: int, j: int) -> bool:
    """Whether tokens a..j are capitalized words enough for a complement and a name ("Russia Ana
    Ruiz", "UN Ana Ruiz"), not a bare complement ("investigator on Iran said")."""
    return j - a >= 2 and all(is_cap(t.text) for t in toks[a : j + 1])


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of text[start:end] (commas inside parentheses or inside a number
    such as "200,000" ignored)."""
    out: list[tuple[int, int]] = []
    depth, cur = 0, start
    for i in range(start, end):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif (
            ch == ","
            and depth == 0
            and not (0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())
        ):
            out.append((cur, i))
            cur = i + 1
    out.append((cur, end))
    return out


# a participle opening a sentence before its subject ("Confirming the incident, X said")
_OPENING_PARTICIPLES = frozenset(
    f for f, (lemma, kind) in _VERBS.items() if f.endswith("ing") and " " not in f and kind != "quote"
)


_FINITE_AUX = _GRAMMAR["finite_aux"]


_BRACKET_SHORT_FORM = re.compile(r"\s+\([A-Z][A-Za-z.&-]{1,9}\)$")


def _seg_kind(seg: str) -> str:
    """name | title | appos | adverb | stop for one comma-separated piece before a verb."""
    # "Regional Police Officer (RPO)": the bracketed short form of a role is no name
    s = _BRACKET_SHORT_FORM.sub("", seg.strip())
    toks = [t for t in _TOKEN.findall(s) if t[0].isalnum()]
    if not toks:
        return "stop"
    low = s.lower()
    first = toks[0].lower()
    if low in _ADVERB_SEGMENTS:
        return "adverb"
    if toks[0].islower() and first.endswith("ing") and first not in _VERBS and len(toks) <= 10:
        return "adverb"  # "Hart, speaking in Herat, said": a participle phrase inside the subject chain
    if first in _OPENING_PARTICIPLES and len(toks) <= 10:
        return "adverb"  # "Confirming the attack, the police spokesman, X, said"
    if first in _STOP_SEGMENT_START:
        return "adverb" if toks[0].islower() and first in _CONTENT_ADJUNCT else "stop"
    if toks[0].isdigit() or first in (
        "who",
        "which",
        "whose",
        "known",
        "or",
        "also",
        "aged",
        "formerly",
        "now",
    ):
        return "appos"
    if toks[0].islower() and first in _FINITE_AUX and len(toks) > 1:
        # "X and his counterpart, Y, have spent hours together, Z said": a predicate ends the chain
        return "stop"
    if _has_verb(s) or _THAT.search(s):
        return "stop" if toks[0][0].isupper() and first not in ("a", "an", "the") else "appos"
    if (first in ("a", "an", "another") or toks[0].islower()) and _described_person(s):
        return "name"  # "Speaking by phone, a resident Ali Musa, said": a described person's full name
    if first in ("a", "an"):
        return "appos"
    has_title = any(is_title_word(t) for t in toks)
    caps = [t for t in toks if is_cap(t)]  # "al-Shabab" is written as a name
    if first == "the":
        if len(toks) > 1 and toks[1][0].isupper() and not has_title:
            return "name"
        return "title" if has_title else "appos_or_head"
    if has_title and not _ends_with_name(toks):
        return "title"
    if has_title and toks[0].islower() and len(toks) <= 9:
        return "name"  # "senior UN official Filippo Grandi"
    if len(caps) >= max(1, len(toks) // 2) and len(toks) <= 9 and is_cap(toks[0]):
        return "name"
    return "appos" if has_title or not is_cap(toks[0]) else "stop"


def _has_verb(seg: str) -> bool:
    """A reporting verb in ``seg`` that is no noun ("Sri Lanka's state minister", "the state media")."""
    for m in _VERB_RE.finditer(seg):
        before = seg[: m.start()].split()
        if before and (before[-1].endswith(("'s", "\u2019s")) or before[-1].lower() in _DETERMINERS):
            continue
        return True
    return False


_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "its", "his", "her", "their", "our"])


def _ends_with_name(toks: list[str]) -> bool:
    last_title = max((i for i, t in enumerate(toks) if is_title_word(t)), default=-1)
    rest = toks[last_title + 1 :]
    return bool(rest) and all(t[0].isupper() for t in rest)


def _chain_subject(art: _Article, start: int, end: int) -> tuple[int, int, str | None, int] | None:
    """Subject (span and appositive) of ``X, appositive, VERB`` where the verb follows a comma."""
    segs = [s for s in _segments(art.text, start, end) if art.text[s[0] : s[1]].strip()]
    chain: list[tuple[tuple[int, int], str]] = []
    for seg in reversed(segs):
        kind = _seg_kind(art.text[seg[0] : seg[1]])
        if kind in ("stop", "appos", "title", "appos_or_head") and chain:
            tail = _subordinate_subject(art, seg[0], seg[1])
            if tail is not None:
                chain.append((tail, "name"))  # "It came after Gen Min Aung, the army chief, said"
                break
        if kind == "stop":
            break
        if kind == "adverb":
            continue
        chain.append((seg, kind))
    if not chain:
        return None
    chain.reverse()
    kinds = [k for _, k in chain]
    texts = [art.text[a:b].strip() for (a, b), _ in chain]

    def begins(i: int) -> int:
        """Where the attribution begins: the name, or a role written right before it ("a local
        police officer, Captain Ali, told Reuters")."""
        while i > 0 and (
            kinds[i - 1] == "title"
            or (kinds[i - 1] == "appos" and texts[i - 1].lower().startswith(("a ", "an ", "the ")))
        ):
            i -= 1
        return chain[i][0][0]

    for i, k in enumerate(kinds):
        if k == "title" and i + 1 < len(kinds) and kinds[i + 1] == "name":
            (a, b), _ = chain[i + 1]
            return a, b, texts[i], begins(i + 1)
        if k == "name" or (k == "appos_or_head" and i == 0 and "name" not in kinds):
            # "The gunmen stormed the village, Ali Musa, the police spokesman, said": the name speaks
            (a, b), _ = chain[i]
            appos = next((t for t in texts[i + 1 :] if not t.isdigit()), None)
            if appos is None and i > 0 and kinds[i - 1] in ("title", "appos"):
                appos = texts[i - 1]
            return a, b, appos, begins(i)
    return None


def _subordinate_subject(art: _Article, a: int, b: int) -> tuple[int, int] | None:
    """Span of a capitalized name ending text[a:b] right after a subordinator ("It came three days
    after Senior Gen Min Aung"): the subject of a subordinate clause whose verb follows."""
    toks = [t for t in art.tokens(a, b) if t.text[0].isalnum() or t.text == "."]
    k = len(toks)
    while k > 0 and (is_cap(toks[k - 1].text) or toks[k - 1].text == "." or is_title_word(toks[k - 1].text)):
        k -= 1
    if k > 1 and toks[k - 1].text.islower() and toks[k - 2].text.lower() in _SUBORDINATORS:
        k -= 1  # "after senior UN official Maria Ekholm"
    if k == 0 or k == len(toks) or toks[k - 1].text.lower() not in _SUBORDINATORS:
        return None
    if _seg_kind(art.text[toks[k].start : b]) != "name":
        return None
    return toks[k].start, b


def _forward_np(toks: list[_Tok], i: int) -> int:
    """End index (exclusive) of the noun phrase starting at token ``i`` (clause-leading subject)."""
    last = -1
    j = i
    while j < len(toks) and j - i < 10:
        t = toks[j].text
        low = t.lower()
        if t == "." and j > i and is_abbreviation(toks[j - 1].text):
            j += 1  # "Col. Ado Isa, the army spokesman, ...": an abbreviated rank's full stop
            continue
        if not t[0].isalnum() or (low in _FORWARD_STOP and j > i) or low in _VERBS:
            break
        if is_cap(t) or is_org_word(t) or is_title_word(t):
            last = j
        elif low.endswith("ed") and j > i:
            break
        j += 1
    return last + 1


# ---------- content ----------


def _content_after(art: _Article, pos: int, end: int, kind: str) -> tuple[str, bool]:
    """Reported content after a verb ending at ``pos``: (content, is_direct_quote)."""
    text = art.text
    p = pos
    while p < end and text[p].isspace():
        p += 1
    if p < end and text[p] in ",:":
        p += 1
        while p < end and text[p].isspace():
            p += 1
        q = art.quote_at.get(p)
        if q is not None and q.end >= end - 1:
            return text[q.inner_start : q.inner_end].strip(), True
    colon = text.find(":", pos, min(end, pos + 60))
    if colon > 0 and "\n" not in text[pos:colon]:
        p = colon + 1
        while p < end and text[p].isspace():
            p += 1
        q = art.quote_at.get(p)
        if q is not None and q.end >= end - 1:
            return text[q.inner_start : q.inner_end].strip(), True
    # 'disclosed on his Telegram channel, "…"' / 'said “We are ready.”': a quotation that runs to
    # the end behind a short adjunct (no "that": a quotation after "said that" is reported speech)
    q = art.first_quote(pos, end)
    if q is not None and q.end >= end - 1:
        lead = text[pos : q.start]
        words_ = lead.split()
        if (
            # (a comma pair may hold a longer setting: 'said, at the meeting of the council on 11 April, "…"')
            (len(words_) <= 6 or (lead.lstrip().startswith(",") and len(words_) <= 14))
            and "that" not in (w.lower().strip(",:") for w in words_)
            and not _has_cue(art, pos, q.start)
            and (not words_ or lead.rstrip().endswith((",", ":")))
        ):
            return text[q.inner_start : q.inner_end].strip(), True
    toks = art.tokens(pos, end)
    k = 0
    while (
        k + 1 < len(toks)
        and toks[k].text.lower() in ("on", "late", "early", "last", "this")
        and (toks[k + 1].text.lower() in _TIME_WORDS or toks[k + 1].text.lower() == "on")
    ):
        k += 2 if toks[k + 1].text.lower() in _TIME_WORDS else 1  # "said on Monday it had …"
    while k < len(toks) and (toks[k].text.lower() in _BARE_TIME or toks[k].text == ","):
        k += 1  # "said Tuesday it was concerned", "said on Monday, that"
    k = _skip_medium(toks, k)  # "said in a statement it would …", "said in a televised address that …"
    toks = toks[k:]
    k = 0
    if toks and toks[0].text.lower() == "that":
        k = 1
    elif toks:
        lead = toks[0].text.lower()
        window = toks[:16]
        that_at = next(
            (
                i
                for i, t in enumerate(window)
                # "a fraction of that number": after a preposition "that" is no complementizer
                if t.text.lower() == "that" and (i == 0 or window[i - 1].text.lower() not in _PREPOSITIONS)
            ),
            -1,
        )
        comma_at = next((i for i, t in enumerate(window) if t.text in ",:"), len(window))
        if (
            (kind == "tell" or lead in _CONTENT_ADJUNCT or that_at <= 3)
            and 0 < that_at < comma_at
            and kind != "stance"  # "condemned (in the firmest terms) the bombing that took ..."
        ):
            k = that_at + 1
        elif kind == "tell" and lead in _ADDRESSEES:
            k = 1
        elif kind == "tell":
            media = [m for m in find_actors(text[toks[0].start : end]) if m.actor.kind == "media"]
            if media and media[0].start == 0:
                stop = toks[0].start + media[0].end
                k = next((i for i, t in enumerate(toks) if t.start >= stop), len(toks))
    if k >= len(toks):
        return "", False
    s, e = _trim(text, toks[k].start, end)
    return _strip_quotes(text[s:e]), False


# ---------- statements per sentence ----------


# a quotation right after a verb and its comma or colon ('she replied, "..."', 'he concluded: "..."')
_WENT_ON_TO = re.compile(r"\s+(?:went|goes|go)\s+on\s+to$")
_QUOTE_FOLLOWS = re.compile(r"\s*[,:]\s*[\"\u201c]")


def _direct(art: _Article, si: int) -> tuple[_Found, int] | None:
    """A direct statement opening sentence ``si``; returns it and the last sentence index it spans."""
    text = art.text
    s, e = art.sentences[si]
    q = art.quote_at.get(s)
    if q is None or not q.closed:
        return None
    first_last = si
    rest_start = q.end
    if q.end >= e - 1:
        # “… some assistance.” Ajak said. — the attribution after a closing full stop is a sentence
        # of its own: a short one in the same paragraph, with a verb and no quotation
        if si + 1 >= len(art.sentences):
            return None
        s2, e2 = art.sentences[si + 1]
        if "\n" in text[e:s2] or len(text[s2:e2].split()) > 12 or any(c in text[s2:e2] for c in _QUOTE_CHARS):
            return None
        first_last, rest_start, e = si + 1, s2, e2
    vm = next(
        (
            m
            for m in art.verbs.within(rest_start, e)
            if not _after_determiner(text, rest_start, m.start())  # "the state government said"
        ),
        None,
    )
    if vm is None or art.in_quote(vm.start()):
        return None
    pre = _WENT_ON_TO.sub("", text[rest_start : vm.start()].strip(" ,"))  # "…," X went on to stress
    lemma = _VERBS[_norm_form(vm.group())][0]
    appositive = None
    if pre:
        if len(pre.split()) > 24 or any(c in pre for c in _QUOTE_CHARS):
            return None
        subj_text = pre
        subj_pos = rest_start
        if "," in pre:
            # “…,” a UNHCR spokesman, Kris Janeway, told a briefing.
            ch = _chain_subject(art, rest_start, vm.start())
            if ch is None:
                return None
            subj_pos, b, appositive, _ = ch
            subj_text = text[subj_pos:b]
        if len(subj_text.split()) > 10:
            return None
        tail_start = vm.end()
    else:
        segs = _segments(text, vm.end(), _next_quote_or(art, vm.end(), e))
        subj_text = text[segs[0][0] : segs[0][1]].strip().rstrip(".")
        # "said Minister Ana Ruiz after the cabinet met": the name ends where a clause begins
        subj_text = _SETTING_SUFFIX.sub("", _INVERTED_TAIL.split(subj_text, maxsplit=1)[0])
        subj_pos = segs[0][0]
        age = _AGE_PREFIX.match(subj_text)
        if age is not None:  # "said 52-year-old Jean Pierre"
            subj_text = subj_text[age.end() :]
            subj_pos = text.index(subj_text, subj_pos)
        if len(segs) > 1:
            appositive = text[segs[1][0] : segs[1][1]].strip().rstrip(".")
            if appositive.isdigit() and len(segs) > 2:
                appositive = text[segs[2][0] : segs[2][1]].strip().rstrip(".")
        tail_start = e
    subj = _analyze(art, subj_text, appositive)
    if appositive and _role_then_name(subj, appositive):
        # “…,” said one returnee, Gul Ahmad. / said the spokesperson for UNHCR, Dalia Fares.
        subj, subj_text, appositive = analyze(appositive, subj_text), appositive, subj_text
    if subj is None:
        return None
    # a country opening the quotation is the speaker's side speaking of itself ("China condemns ...")
    lead = re.match(r"\W*(?:\S+\s+){0,2}", text[q.inner_start : q.end])
    art.memory.own_words = (q.inner_start + (lead.end() if lead else 0), q.end)
    sp = art.memory.resolve(subj, subj_pos, appositive)
    art.memory.own_words = (0, 0)
    if sp is None:
        return None
    parts = [text[q.inner_start : q.inner_end].strip()]
    end = e
    for q2 in art.quotes:
        if tail_start <= q2.start < e:
            if len(text[tail_start : q2.start].split()) > 2:
                break  # “…,” X told AFP, also reporting “several” wounded: a fragment, not the quote
            parts.append(text[q2.inner_start : q2.inner_end].strip())
            tail_start = q2.end
    last = first_last
    open_end = any(not q2.closed for q2 in art.quotes if s <= q2.start < e)
    j = first_last + 1
    while j < len(art.sentences):
        s2, e2 = art.sentences[j]
        same_para = "\n" not in text[end:s2]
        cont = art.quote_at.get(s2)
        if cont is None or cont.end < e2 - 1 or not (same_para or open_end):
            break
        parts.append(text[cont.inner_start : cont.inner_end].strip())
        end, last, open_end = e2, j, not cont.closed
        j += 1
    begin = s
    k = si - 1
    while k >= 0 and k not in art.consumed:
        s0, e0 = art.sentences[k]
        q0 = art.quote_at.get(s0)
        if q0 is None or q0.closed or q0.end < e0 - 1:
            break
        # a paragraph opening with a quotation left open runs into this one
        parts.insert(0, text[q0.inner_start : q0.inner_end].strip())
        begin = s0
        k -= 1
    a, b = _trim(text, begin, end)
    content = _strip_quotes(" ".join(p.strip() for p in parts))
    return _Found(sp, lemma, "direct", content, a, b), last


_DETERMINER_BEFORE = re.compile(r"(?:^|\s)(?:the|a|an|this|that|its|his|her|their)\s+$", re.IGNORECASE)


def _after_determiner(text: str, start: int, pos: int) -> bool:
    return _DETERMINER_BEFORE.search(text, max(start, pos - 8), pos) is not None


def _skip_medium(toks: list[_Tok], k: int) -> int:
    """Index after an adjunct naming where something was said ("in a statement", "in a post on X",
    "in a video posted on Telegram", "in an interview with Reuters"), or ``k`` when none opens there."""
    if k >= len(toks) or toks[k].text.lower() not in ("in", "on", "via", "through"):
        return k
    noun = next(
        (
            i
            for i in range(k + 1, min(len(toks), k + 5))
            if toks[i].text.lower() in _ADJUNCT_NOUNS or is_document_word(toks[i].text)
        ),
        -1,
    )
    if noun < 0 or not all(toks[i].text.isalpha() and toks[i].text.islower() for i in range(k, noun)):
        return k
    i = noun + 1
    while i < len(toks):
        low = toks[i].text.lower()
        if low in ("posted", "published", "released", "issued", "broadcast", "aired", "read", "carried"):
            i += 1
        elif (
            low in ("on", "to", "with", "by", "from", "for", "at")
            and i + 1 < len(toks)
            and toks[i + 1].text[:1].isupper()
        ):
            i += 2
            while i < len(toks) and toks[i].text[:1].isupper():
                i += 1
        elif (
            low in ("on", "late", "early", "last")
            and i + 1 < len(toks)
            and toks[i + 1].text.lower() in _TIME_WORDS
        ):
            i += 2
        elif low in ("on",) and i + 2 < len(toks) and toks[i + 1].text.lower() in ("social", "state"):
            i += 3
        else:
            break
    if i < len(toks) and toks[i].text == ",":
        i += 1
    return i if i < len(toks) else k


def _next_quote_or(art: _Article, pos: int, default: int) -> int:
    q = art.first_quote(pos, default)
    return q.start if q is not None else default


def _norm_form(form: str) -> str:
    return " ".join(form.split())


def _indirect(art: _Article, cs: int, ce: int) -> list[_Found]:
    """Every statement in the clause text[cs:ce]."""
    text = art.text
    found: list[_Found] = []
    span = _trim(text, cs, ce)
    for pattern, handler in art.attributions:
        for m in pattern.finditer(text, cs, ce):
            found.extend(handler(art, m, cs, ce, span))
    # The clause's tokens are sliced only once a verb outside a quotation needs them.
    toks: list[_Tok] = []
    tok_at: Callable[[int], int | None] | None = None
    if "quoted" in text[cs:ce]:
        for qm in _QUOTED_AS.finditer(text, cs, ce):
            # "X was quoted as saying that …", "X was quoted by state media as saying …"
            toks, tok_at = art.clause_tokens(cs, ce)
            k = tok_at(qm.start())
            if k is None:
                continue
            j, negated = _skip_back(toks, k - 1)
            if negated or j < 0:
                continue
            for f in _with_subject(art, toks, j, cs, ce, span, qm, "say", "speech"):
                if not any(x.speaker.name == f.speaker.name for x in found):
                    found.append(f)
    if "claimed by" in text[cs:ce]:
        for f in _passive_claims(art, cs, ce, span):
            if not any(x.speaker.name == f.speaker.name for x in found):
                found.append(f)
    for vm in art.verbs.within(cs, ce):
        if art.in_quote(vm.start()):
            continue
        if tok_at is None:
            toks, tok_at = art.clause_tokens(cs, ce)
        k_at = tok_at(vm.start())
        if k_at is None:
            continue
        form = _norm_form(vm.group())
        lemma, kind = _VERBS[form]
        if kind == "quote":
            if not _QUOTE_FOLLOWS.match(text, vm.end()):
                continue  # "recalled its ambassador": these verbs only ever attribute a quotation
            kind = "speech"  # 'X replied, "It sounds good."': the quotation they attribute follows
        k = k_at
        nxt = toks[k + len(form.split())] if k + len(form.split()) < len(toks) else None
        if (
            nxt is not None
            and nxt.text.lower() == "by"
            and not (k + 2 < len(toks) and toks[k + 2].text.lower() in _BY_MEDIUM)
        ):
            continue  # "was claimed by" (but "said by phone")
        if (
            nxt is not None
            and lemma in ("say", "report")
            and nxt.text.lower() == "to"
            and k + 2 < len(toks)
            and toks[k + 2].text.lower() in ("be", "have", "had", "been")
        ):
            continue  # "Photos said to have been taken ...": hearsay, no speaker
        after = k + len(form.split()) + 1
        if (
            nxt is not None
            and nxt.text.lower() in ("and", "or")
            and after < len(toks)
            and toks[after].text.lower() in _VERBS
            and _VERBS[toks[after].text.lower()][0] != lemma
        ):
            continue  # "lamented and condemned the killing": the last verb takes the content
        if nxt is not None and nxt.text.lower() in _VERBS and form in (lemma, lemma + "s", lemma + "es"):
            continue  # "Jonglei state said": a noun before the verb (but "told state television")
        if form in _NOUN_LIKE and nxt is not None and nxt.text.islower() and is_org_word(nxt.text):
            continue  # "the spokesman of Kaduna state police command": a noun modifying a body
        j, negated = _skip_back(toks, k - 1)
        if negated or j < 0:
            continue
        prev = toks[j].text
        low = prev.lower()
        relative = low in ("which", "who") and j >= 2 and toks[j - 1].text == "," and not found
        if relative:
            j -= 2  # "…, which blames a faction …": the relative clause speaks for the phrase before it
            if toks[j].text == ")":
                while j > 0 and toks[j].text != "(":
                    j -= 1
                j -= 1  # "the Joint Command (CCFFAA), which …"
            prev = toks[j].text
            low = prev.lower()
            if j < 0 or not prev[0].isalnum():
                continue
        elif (low in _PASSIVE or low in _NO_SUBJECT) and not prev.isupper():
            continue  # "was claimed", "the state government"; "IS said" is the group
        if form.endswith("ing"):
            w = next((i for i in range(j, max(-1, j - 9), -1) if toks[i].text.lower() == "with"), -1)
            if (
                0 <= w < j
                and is_cap(toks[j].text)
                and all(is_cap(t.text) or is_title_word(t.text) for t in toks[w + 1 : j + 1])
            ):
                # "…, with State Department spokesman Ana Ruiz saying that …": the named subject speaks
                subj = _analyze(art, text[toks[w + 1].start : toks[j].end])
                sp = art.memory.resolve(subj, toks[w + 1].start) if subj is not None else None
                content, direct = _content_after(art, vm.end(), ce, kind) if sp is not None else ("", False)
                if sp is not None and content and not any(x.speaker.name == sp.name for x in found):
                    mode = "direct" if direct else "indirect"
                    found.append(_Found(sp, lemma, mode, content, span[0], span[1], vm.start()))
                continue
            if (prev != "," and not (is_document_word(prev) or prev.lower() == "video")) or found:
                continue  # "…, saying that …"; "released a video denying …"
            part = _participle(art, toks, cs, ce, span, vm, lemma, kind)
            if part is not None:
                found.append(part)
            continue
        if low in _COORD:
            if low != "and" or found:
                continue
            j = _coordinated_predicate(toks, j)  # "X backed the figures and informed that …"
            if j < 0:
                continue
            hint = None
            if j + 2 < len(toks) and toks[j + 1].text == ",":
                # "Ana Ruiz, the head of the agency, gave a toll and said": the appositive goes along
                close = next((i for i in range(j + 2, k) if toks[i].text == ","), None)
                if close is not None and close > j + 2:
                    hint = text[toks[j + 2].start : toks[close - 1].end]
            for f in _with_subject(art, toks, j, cs, ce, span, vm, lemma, kind, relative, hint):
                if not any(x.speaker.name == f.speaker.name for x in found):
                    found.append(f)
            continue
        for f in _with_subject(art, toks, j, cs, ce, span, vm, lemma, kind, relative):
            same = next((i for i, x in enumerate(found) if x.speaker.name == f.speaker.name), None)
            if same is None:
                found.append(f)
            elif found[same].relative and not f.relative:
                # "X, who confirmed the development, said …": the main verb speaks, not the aside
                found[same] = f
    cut = max((f.verb_at for f in found if f.fronted), default=-1)
    if cut >= 0:
        # "…, and the rebels must say they have condemned the violence, said General X": a verb inside
        # the words an attribution at the clause's end reports is no statement of its own
        # (one whose subject opens the clause stays: "X has said it was behind the attack, SITE reported")
        found = [
            f
            for f in found
            if f.fronted or not 0 <= f.verb_at < cut or _THAT.search(text, cs, f.verb_at) is None
        ]
    return found


_ROLE_LEAD = frozenset(["the", "a", "an"])


def _role_before_name(art: _Article, toks: list[_Tok], first: int, cs: int) -> str | None:
    """A definite or indefinite role written before the name at token ``first`` with a comma
    between ("the head of the UN observer mission, Major General Ana Ruiz, who said"; "the PPRO of
    the state command, ASP Ali Musa said"), opening the clause or after a comma or "by"/"from"."""
    k = first - 1
    if k < 1 or toks[k].text != "," or not is_cap(toks[first].text):
        return None
    d = k - 1
    while d >= 0 and toks[d].start >= cs and k - d < 15:
        low = toks[d].text.lower()
        if (
            low in (",", ";", "by", "from", "with")
            or not toks[d].text[:1].isalnum()
            and low not in ("'", "’")
        ):
            break
        d -= 1
    d += 1  # the role's first token
    if d >= k or toks[d].text.lower() not in _ROLE_LEAD:
        return None
    if not any(is_title_word(t.text) for t in toks[d + 1 : k]):
        return None
    return art.text[toks[d].start : toks[k - 1].end]


def _name_before_role(art: _Article, toks: list[_Tok], first: int, j: int, cs: int) -> tuple[int, int] | None:
    """Span of a person's name written right before a definite role ending at token ``j`` with at
    most a comma between ("Jacob Ajak, the deputy coordinator in Bor County said"), when the name
    opens the clause."""
    if not any(is_title_word(t.text) for t in toks[first : j + 1]):
        return None
    if toks[first].text.lower() != "the" and not (
        toks[first].text.islower() and is_title_word(toks[first].text)
    ):
        return None  # "Ana Ruiz, the spokesperson for X said" / "Ana Ruiz, spokesperson for X said"
    k = first - 1
    if k >= 0 and toks[k].text == ",":
        k -= 1
    end = k
    while (
        k >= 0 and is_cap(toks[k].text) and not is_org_word(toks[k].text) and not is_title_word(toks[k].text)
    ):
        k -= 1
    n = end - k
    if not 2 <= n <= 4 or (k >= 0 and toks[k].start >= max(cs, art.body_start) and toks[k].text not in ",;"):
        return None
    return toks[k + 1].start, toks[end].end


def _adjunct_opener(word: str, prepositions: bool = False) -> bool:
    """A word opening an adjunct after the attribution ("…, she told AFP, as raids went on", ", adding";
    with ``prepositions`` also ", without giving details", ", with sources telling AFP …")"""
    low = word.lower()
    return (
        low in _SUBORDINATORS
        or (low.endswith("ing") and word.islower())
        or (prepositions and low in _TAIL_PREPOSITIONS)
    )


# prepositions opening an adjunct after an attribution whose content stands before it
_TAIL_PREPOSITIONS = frozenset(["with", "without", "amid", "following"])
# "said as many as 50 died": "as" opening a quantity, no adjunct
_AS_AMOUNT = frozenset(["many", "much", "few", "little", "high", "low", "well", "of", "part", "a", "an"])


def _subordinate_tail(tail: list[_Tok]) -> bool:
    """Whether the words after a verb open an adjunct clause ("after Israel struck …", "as it
    appealed for aid", "without giving details") rather than the reported words."""
    if not tail:
        return False
    low = tail[0].text.lower()
    if low == "as":
        return len(tail) > 1 and tail[1].text.lower() not in _AS_AMOUNT
    return low in _SUBORDINATORS or low in _TAIL_PREPOSITIONS


def _content_clause(before: str) -> bool:
    """Whether the text before an attribution (ending with its comma) is reported content: a clause
    of some length, not a fronted setting ("In a statement on Monday,")."""
    piece = before.rstrip().rstrip(",").strip()
    ws = piece.split()
    return (
        before.rstrip().endswith(",")
        and len(ws) >= 8
        and not _adverbial(piece)
        and ws[0].lower() not in _STOP_SEGMENT_START
        and ws[0].lower() not in _SETTING_PARTICIPLES
    )


def _embeds(word: str) -> bool:
    """Whether ``word`` before a pronoun subject makes it an embedded clause ("which it said",
    "a cell it said was"): a relative word or a lower-case noun, not a time word or an adverbial."""
    low = word.lower()
    if low in ("which", "what", "that", "who", "whom", "whose"):
        return True
    return (
        word.isalpha()
        and word.islower()
        and low not in _TIME_WORDS
        and low not in _COORD
        and low not in _ADVERBS
        and not low.endswith("ly")
        and low not in _SUBORDINATORS
        and low not in ("as", "so", "then", "now", "later", "earlier", "but", "yet", "today", "yesterday")
    )


def _coordinated_predicate(toks: list[_Tok], and_at: int) -> int:
    """For a reporting verb coordinated after "and", the index of the last token of the subject of the
    first predicate ("The ministry on Monday lamented and condemned …" -> "ministry"), or -1."""
    for p in range(and_at - 1, max(0, and_at - 14), -1):  # the nearest predicate with a subject
        w = toks[p].text
        if not (w.isalpha() and w.islower() and (w.endswith("ed") or w in _VERBS)):
            continue
        j, negated = _skip_back(toks, p - 1)
        if negated or j < 0:
            return -1
        prev = toks[j].text
        if prev.lower() in _PASSIVE or not prev[0].isalnum():
            return -1
        if prev.lower() in _NO_SUBJECT or prev.lower() in _COORD or prev.lower() in _SUBORDINATORS:
            continue  # "purported" after "But": no predicate yet
        if is_cap(prev) or is_org_word(prev) or is_title_word(prev):
            return j
        if prev.islower() and not (is_org_word(prev) or is_title_word(prev)):
            continue  # "gave a death toll ... and said": an object noun, look further left
        return -1
    return _leading_subject(toks, and_at)


def _leading_subject(toks: list[_Tok], and_at: int) -> int:
    """For "Ana Ruiz, the head of X, gave a toll on Sunday and said ...": the last token of the name
    opening the clause, when only appositives stand between it and the first predicate; else -1."""
    if not toks or not is_cap(toks[0].text):
        return -1
    commas = [i for i in range(and_at) if toks[i].text == ","]
    if not commas or commas[0] == 0:
        return -1
    name = " ".join(t.text for t in toks[: commas[0]])
    if _seg_kind(name) != "name":
        return -1
    last = commas[-1]
    if last + 1 >= and_at or not toks[last + 1].text.islower():
        return -1  # the predicate after the last comma opens with a lower-case verb
    for a, b in zip(commas, commas[1:], strict=False):
        if _seg_kind(" ".join(t.text for t in toks[a + 1 : b])) == "name":
            return -1  # "Ana Ruiz, Omar Farid and ...": a list of names, not an appositive
    return commas[0] - 1


def _with_subject(
    art: _Article,
    toks: list[_Tok],
    j: int,
    cs: int,
    ce: int,
    span: tuple[int, int],
    vm: re.Match[str],
    lemma: str,
    kind: str,
    relative: bool = False,
    hint: str | None = None,
) -> list[_Found]:
    """The statement(s) of a verb whose subject ends at token ``j`` (``relative``: the subject is the
    antecedent of "which"/"who", which may be a preposition's object)."""
    text = art.text
    prev = toks[j].text
    if prev.endswith(("\u2019s", "'s")) and len(prev) > 2:
        return []  # "the army's claims": a noun after a possessive, not a verb
    appositive: str | None = None
    inverted = chained = False
    chain_start = cs
    if prev in _DASHES:
        # "Ali Khan — the district police chief — said": a dashed appositive between subject and verb
        k = next((i for i in range(j - 1, max(-1, j - 25), -1) if toks[i].text in _DASHES), -1)
        if k < 1 or not toks[k - 1].text[:1].isalnum():
            return []
        appositive = text[toks[k].end : toks[j].start].strip()
        j = k - 1
        prev = toks[j].text
    if prev == "," or prev in _QUOTE_CHARS:
        inv = _inverted(art, vm.end(), ce, lemma in ("warn", "ask")) if lemma in _INVERTIBLE else None
        if inv is not None:
            a, b, appositive = inv
            inverted = True
        else:
            ch = _chain_subject(art, cs, toks[j].start)
            if ch is None:
                return []
            a, b, appositive, chain_start = ch
            chained = True
    else:
        if prev.islower() and prev in _VERBS and prev not in _NOUN_LIKE:
            return []  # "refuted claims of …": a noun after a verb (but "Jonglei state said")
        if prev.lower() in ("it", "they", "he", "she") and j > 0 and _embeds(toks[j - 1].text):
            return []  # "targeting a squad it said was …", "what it claims are …": not a statement of its own
        first = _np_back(toks, j)
        if 0 < first <= j and toks[first - 1].text.lower() in ("from", "by"):
            d = first - 2
            if d >= 0 and toks[d].text.lower() in ("issued", "released", "published"):
                d -= 1
            if d >= 0 and is_document_word(toks[d].text):
                first = _np_back(toks, d)  # "A statement from the governor's office said"
        if first <= j:
            actor = next(
                (m for m in art.memory.actors if m.end == toks[j].end and m.start < toks[first].start), None
            )
            if actor is not None and actor.start >= cs:
                # the actor's own name may hold words a noun phrase cannot ("Doctors Without Borders")
                while first > 0 and toks[first - 1].start >= actor.start:
                    first -= 1
        if first > j or (
            first > 0
            and toks[first - 1].text.lower() in _PREPOSITIONS
            # "days after cleric Ali Musa announced that …": a subordinate clause's subject, no object
            and (toks[first - 1].text.lower() not in _CLAUSE_OPENERS or toks[first].text.lower() in _PRONOUNS)
            and not relative
        ):
            return []  # "Doctors at the hospital said": the phrase is a preposition's object
        a, b = toks[first].start, toks[j].end
        named = _name_before_role(art, toks, first, j, cs)
        if named is not None:
            appositive = text[a:b]  # "Deng Akol the Deputy Governor of Jonglei state said"
            a, b = named
        else:
            appositive = _role_before_name(art, toks, first, cs) or hint
    speakers = [] if inverted or appositive else _conjuncts(art, a, b)
    if not speakers:
        subj = _analyze(art, text[a:b], appositive)
        if inverted and appositive and _role_then_name(subj, appositive):
            subj = analyze(appositive, text[a:b])
        if subj is None:
            return []
        if isinstance(subj, Reference) and subj.head == "group" and text[cs:a].rstrip().endswith(" that"):
            return []  # "told NAN that the insurgents assured …": the group inside another's words
        art.memory.target_from = vm.end() if kind == "stance" else None
        art.memory.content_from = None if inverted else vm.end()
        sp = art.memory.resolve(subj, a, appositive)
        art.memory.target_from = art.memory.content_from = None
        if sp is None:
            return []
        speakers = [sp]
    fronted = inverted
    if inverted:
        comma = text.rfind(",", cs, vm.start())
        s, e = _trim(text, cs, comma if comma > cs else vm.start())
        content = _strip_quotes(text[s:e])
        direct = _mostly_quoted(art, s, e)
    else:
        before = text[cs : chain_start if chained else a].rstrip().rstrip(_QUOTE_CHARS).rstrip()
        tail_toks = art.tokens(vm.end(), ce)
        cut = next(
            (
                i
                for i, t in enumerate(tail_toks[:-1])
                if (t.text == "," and _adjunct_opener(tail_toks[i + 1].text, True)) or t.text in _DASHES
            ),
            len(tail_toks),
        )
        tail = [t for t in tail_toks[:cut] if t.text[0].isalnum()]  # "told AFP, as raids went on"
        no_that = not any(t.text.lower() == "that" for t in tail)
        short_tail = (
            not tail
            # "…, the militia said after the first raids in weeks": a clause after the content that
            # only sets the time or the reason of saying it
            or (_subordinate_tail(tail) and no_that and _content_clause(before))
            or (len(tail) <= 8 and tail[0].text.lower() in _TAIL_OPENERS - _ADDRESSEES and no_that)
            # "…, she told reporters on Monday" (but "told reporters the operation had been a success")
            or (
                tail[0].text.lower() in _ADDRESSEES
                and no_that
                and (len(tail) == 1 or tail[1].text.lower() in _TAIL_OPENERS | _TIME_WORDS)
                and (
                    len(tail) <= 8
                    # "told reporters at the U.N. in New York on Thursday": adjuncts only, no clause
                    or (len(tail) <= 14 and not any(t.text.lower() in _CLAUSE_WORDS for t in tail))
                )
            )
            # "…, he told The Associated Press." / "…, she told a news conference in Kabul."
            or (kind == "tell" and len(tail) <= 6 and no_that and not _has_verb(text[vm.end() : ce]))
        )
        after = text[vm.end() : ce].lstrip()
        if (
            before.endswith((",", "\u2014", "\u2013"))
            and short_tail
            and len(before.split()) >= (5 if chained else 3)
        ):
            s, e = _trim(text, cs, cs + len(before) - 1)
            content = _strip_quotes(text[s:e])
            direct = _mostly_quoted(art, s, e)
            fronted = True
        elif (
            before.endswith(",")
            and after.startswith(",")
            and before[:-1].strip()
            and not chained
            # 'Regarding the statement, X said, "…"': the quotation after the verb is the content
            and not after[1:].lstrip().startswith(tuple(_QUOTE_CHARS))
            and not _adverbial(before[:-1])  # "On Twitter, he added, “…”": a setting, not content
        ):
            # "The blasts, he said, were a message": the attribution interrupts the content
            s, e = _trim(text, cs, cs + len(before) - 1)
            s2, e2 = _trim(text, ce - len(after) + 1, ce)
            content = _strip_quotes(f"{text[s:e]} {text[s2:e2]}")
            direct = False
        else:
            content, direct = _content_after(art, vm.end(), ce, kind)
            if not direct and lemma in _NP_OBJECT:
                content = _np_object(content)
    if not content or (lemma == "call" and not _names_something(text, vm.end(), ce)):
        return []
    if not direct:
        # "claimed responsibility in a message sent to …"
        content = _TRAILING_MEDIUM.sub("", content) or content
        # "claimed responsibility, according to the monitor": the source of the report, not its content
        content = _TRAILING_ACCORDING.sub("", content) or content
    if relative and not direct:
        content = _MAIN_PREDICATE.split(content, maxsplit=1)[0]  # "Kabul, which says X, sent troops"
    if lemma == "put" and not direct:
        # "X put the death toll at 31": the figure is the toll's ("the death toll was 31")
        toll = _PUT_TOLL.sub("", " ".join(vm.group().split()[1:]))
        content = f"{toll} was {content}"
    if lemma in _NAMING and not direct:
        # "what Ankara described as camps of the PKK, an outlawed group, in …": the naming phrase
        content = _AS_LEAD.sub("", content.split(",")[0]).strip() or content
    mode = "direct" if direct else "indirect"
    return [
        _Found(sp, lemma, mode, content, span[0], span[1], vm.start(), fronted, relative) for sp in speakers
    ]


def _adverbial(piece: str) -> bool:
    """Whether a short piece before an attribution sets the scene ("On Twitter", "In Kabul", "Later")
    rather than holding reported content."""
    ws = piece.split()
    if 0 < len(ws) <= 14 and ws[0].lower() in _SETTING_PARTICIPLES and "," not in piece:
        return True  # "Speaking to the media after the parade, X said, “…”"
    return 0 < len(ws) <= 5 and (ws[0].lower() in _STOP_SEGMENT_START or ws[0].lower() in _CONTENT_ADJUNCT)


_NP_OBJECT = _GRAMMAR["np_object"]
_CALL_SETTING = re.compile(
    r"\s+(?:in|during|over)\s+(?:a|an|the)\s+(?:telephone|phone|video)\s+(?:call|conversation)\b"
)
_TO_NAME = re.compile(r"\s+to\s+(?=[A-Z])")


def _np_object(content: str) -> str:
    """The object of "condemned" / "confirmed" without the call it was said in ("in a telephone call
    with …") or the outlet it was said to ("to the BBC on Monday"). (A second act joined by "and"
    stays: the gold keeps "condemned the attack and said …" whole.)"""
    content = _CALL_SETTING.split(content, maxsplit=1)[0]
    for m in _TO_NAME.finditer(content):
        media = [a for a in find_actors(content[m.end() :]) if a.actor.kind == "media"]
        if media and media[0].start == 0:
            return content[: m.start()]
    return content


def _mostly_quoted(art: _Article, s: int, e: int) -> bool:
    """Whether text[s:e] is a quotation in its own right behind a short lead-in:
    ``Gang members “came in shooting. I had time to run,”`` (rules v2: direct), unlike a quoted
    fragment inside reported speech (``the attack was “cowardly”``)."""
    q = art.first_quote(s, e)
    if q is None or q.end < e - 1:
        return False
    lead = len(art.text[s : q.start].split())
    inner = len(art.text[q.inner_start : q.inner_end].split())
    return lead <= 4 and inner >= 8 and inner >= 3 * lead


_TRAILING_MEDIUM = re.compile(
    r",?\s+(?:in|on|via|through)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}"
    r"(?:statement|post|video|message|tweet|interview|address|briefing|press conference|news conference)\b"
    r"(?:\s+(?:sent|posted|issued|released|published|carried|broadcast|given|made|held)\b[^,]*)?"
    r"(?:\s+(?:on|late|early)\s+\w+)?$"
)
# ", sent troops" after a relative clause: the main clause's predicate resumes
_MAIN_PREDICATE = re.compile(
    r",\s+(?=(?:[a-z]+ed|sent|made|took|gave|held|met|led|left|won|lost|began|fled)\b)"
)
_DASHES = frozenset(["\u2014", "\u2013"])
_TRAILING_ACCORDING = re.compile(r",\s+according to\s+[^,;]*(?:,\s+(?:which|who)\s.*)?$")
_PUT_TOLL = re.compile(r"\s+at$")  # "the death toll at" -> "the death toll"
_NAMING = frozenset(["describe", "term"])  # verbs that name something: their content is the name given
_AS_LEAD = re.compile(r"^as\s+")
_CALL_COMPLEMENT = re.compile(
    r"^\s*(?!(?:an?|for|on|off|up|in|out|back)\s)(?:(?!of\s|to\s|for\s)[\w\u2019'-]+\s+){1,4}an?\s+\w"
)


def _names_something(text: str, start: int, end: int) -> bool:
    """``called the shelling "a shameful act"``: an object then a complement, not "called a meeting"."""
    rest = text[start:end]
    return any(ch in rest for ch in _QUOTE_CHARS) or _CALL_COMPLEMENT.match(rest) is not None


_AND = re.compile(r",?\s+and\s+|,\s+")


def _conjuncts(art: _Article, a: int, b: int) -> list[Speaker]:
    """One speaker per conjunct of a coordinated subject text[a:b] ("IHR and Hengaw said": two rows;
    rules v2), or [] when it is not one: names holding "and" after a preposition ("Ministry of
    Refugees and Repatriation"), one actor's name, or a conjunct that names no one."""
    phrase = art.text[a:b]
    if " and " not in phrase or lookup_actor(phrase) is not None or phrase.lower().startswith("both "):
        return []  # "both Iran and Pakistan welcomed": one stance of two countries at once
    head = phrase[: phrase.index(" and ")]
    if any(w.lower() in _PREPOSITIONS for w in words(head)) and not _NEW_NAMED_NP.match(
        phrase, phrase.index(" and ") + 5
    ):
        # (but "the Centre for Civic Rights and the Mondo Relief Committees": "and the" opens a
        # second named body)
        return []
    out: list[Speaker] = []
    unnamed = False
    for piece in _AND.split(phrase):
        piece = _LOWER_LEAD.sub("", piece.strip())  # "the two groups IHR" -> "IHR"
        if piece.islower() and piece.split()[-1] in _UNNAMED_SOURCES:
            unnamed = True  # "according to UNICEF and local officials": UNICEF, named, speaks
            continue
        if not piece or not is_cap(piece.split()[0]):
            return []
        subj = analyze(piece)
        sp = art.memory.resolve(subj, a) if subj is not None else None
        if sp is None or (isinstance(subj, Reference) and sp.name == piece and not piece.isupper()):
            return []  # "Relief and Rehabilitation Commission": a lone word nobody was called
        out.append(sp)
    return out if len(out) >= 2 or (unnamed and out) else []


# "and the Local Coordination Committees": a second noun phrase with a name of its own
_NEW_NAMED_NP = re.compile(r"the\s+(?:[A-Z][\w\u2019'-]*\s+)+[A-Z]")
# unnamed sources coordinated with a named one ("the UN and local authorities"): optional at most
_UNNAMED_SOURCES = frozenset(["authorities", "officials", "sources", "witnesses", "residents", "media"])
_LOWER_LEAD = re.compile(r"^(?:(?:The|A|An|[a-z][\w-]*)\s+)+(?=[A-Z])")


def _role_then_name(subj: Subject | None, appositive: str) -> bool:
    """Whether an unnamed or role-only subject is named by its capitalized appositive."""
    if not appositive[:1].isupper():
        return False
    if subj is not None and not (
        isinstance(subj, Reference) and subj.head.islower() and subj.head not in ("he", "she", "it")
    ):
        return False
    alt = analyze(appositive)
    return isinstance(alt, Speaker) or (isinstance(alt, Reference) and alt.head[:1].isupper())


_AGE_PREFIX = re.compile(r"^\d{1,3}-year-old\s+")
# a participle after a document word ("a UN report published last week", "a police report filed at …")
_DOC_PARTICIPLE = re.compile(
    r"\s+(?:released|issued|published|filed|presented|compiled|submitted|seen|obtained|shared|posted)\b"
)
_TIME_SUFFIX = re.compile(
    r"\s+(?:(?:on|late|early|last)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"yesterday|today|tonight)(?:\s+(?:morning|afternoon|evening|night))?$"
)


# a setting after an inverted speaker's name: "…, said General Ana Ruiz at a press conference"
_SETTING_SUFFIX = re.compile(
    r"\s+(?:at|in|during|on|via)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,4}?(?:"
    + "|".join(sorted(_ADJUNCT_NOUNS))
    + r")\b.*$"
)
# where the noun phrase after an inverted verb ends: a subordinate or relative clause
_INVERTED_TAIL = re.compile(r"\s+(?:as|while|after|before|when|since|because|who|which|that|whose|where)\s+")


def _described_person(np: str) -> bool:
    """``local resident Musa Goni``, ``farmer Ali Khan``: a short lower-case description, then a
    person's full name (the way "…, said local resident X" names a speaker)."""
    ws = words(np)
    if not ws or len(ws) > 6 or not ws[-1][:1].isupper() or any(w.lower() in _PREPOSITIONS for w in ws):
        return False
    sp = analyze(np)
    return isinstance(sp, Speaker) and sp.kind == PERSON and " " in sp.name and np.endswith(sp.name)


def _inverted(
    art: _Article, pos: int, ce: int, addressed: bool = False
) -> tuple[int, int, str | None] | None:
    """``…, said X[, appositive].`` — the speaker after the verb at the clause end. With
    ``addressed`` (warn, ask), "warned the council that ..." names the addressee, not a speaker."""
    text = art.text
    segs = _segments(text, pos, ce)
    a, b = segs[0]
    np = text[a:b].strip().rstrip(".").strip()
    tail = _INVERTED_TAIL.search(np)
    if addressed and tail is not None and tail.group().strip() == "that":
        return None  # "X, the UN envoy, on Wednesday warned the Security Council that ..."
    np = _AGE_PREFIX.sub("", np)  # "said 60-year-old Sonise Mirano"
    np = _INVERTED_TAIL.split(np, maxsplit=1)[0]  # "warned the agency as it sought ...", "of X that ..."
    np = _TIME_SUFFIX.sub("", np)  # "said Mirano on Sunday"
    np = _SETTING_SUFFIX.sub("", np)  # "said General Ana Ruiz at a press conference"
    if " of " in np:
        head = np.split(" of ", 1)[0]
        named = analyze(head)
        if isinstance(named, Speaker) and named.kind == PERSON and named.title:
            np = head  # "said Governor Ana Ruiz of the Meta department": the titled person
    if np.lower() in _TIME_WORDS or np.lower() in _BARE_TIME:
        return None  # "X, a spokesman, said Saturday that ...": no inversion
    ws = words(np)
    document = np.lower().startswith(("a ", "an ", "the ")) and any(is_document_word(w) for w in ws[1:4])
    if document and len(ws) <= 12:
        off = text.index(np, a)
        return off, off + len(np), None  # "..., said a press release published by the army's media wing"
    if not np or not (
        np[0].isupper() or np.lower().startswith(("the ", "he", "she")) or _described_person(np)
    ):
        return None
    if len(np.split()) > 8 or _VERB_RE.search(np) or _THAT.search(np):
        return None
    ws = words(np)
    role = (
        np.lower().startswith("the ")
        and len(ws) <= 5
        and (is_org_word(ws[-1]) or is_title_word(ws[-1]) or is_document_word(ws[-1]))
        and not any(w.lower() in _PREPOSITIONS or w.endswith("ed") or w.lower() in _VERBS for w in ws)
    )
    all_named = all(is_cap(w) or w.lower() in _NP_GLUE or is_org_word(w) or is_title_word(w) for w in ws)
    if not role and not all_named and not _described_person(np):
        return None  # "said the refugee agency" / "said the provincial police chief" are roles
    appositive = None
    rest = [text[x:y].strip().rstrip(".") for x, y in segs[1:]]
    rest = [r for r in rest if r and not r.isdigit()]
    if rest:
        appositive = rest[0]
    off = text.index(np, a)
    return off, off + len(np), appositive


def _participle(
    art: _Article,
    toks: list[_Tok],
    cs: int,
    ce: int,
    span: tuple[int, int],
    vm: re.Match[str],
    lemma: str,
    kind: str,
) -> _Found | None:
    """``X did Y, saying that …``: the clause-leading subject speaks."""
    i = 0
    while i < len(toks) and toks[i].start < art.body_start:
        i += 1
    if i < len(toks) and toks[i].text.lower() in _STOP_SEGMENT_START:
        while i < len(toks) and toks[i].text != ",":
            i += 1
        i += 1
    if i >= len(toks):
        return None
    end = _forward_np(toks, i)
    if end <= i:
        return None
    subj = _analyze(art, art.text[toks[i].start : toks[end - 1].end])
    if subj is None:
        return None
    sp = art.memory.resolve(subj, toks[i].start)
    if sp is None:
        return None
    content, direct = _content_after(art, vm.end(), ce, kind)
    if not content:
        return None
    return _Found(sp, lemma, "direct" if direct else "indirect", content, span[0], span[1])


def _passive_claims(art: _Article, cs: int, ce: int, span: tuple[int, int]) -> list[_Found]:
    """``the attack was claimed by X``, ``…, the latest bombing claimed by X``: X claims responsibility.

    The claimed thing is the phrase before the verb back to the clause's last comma (asides between
    dashes or brackets dropped); it must hold a noun of ``claimable`` and no loose quantifier ("all
    such bombings have been claimed by X" is a habit). X is the run of names after "by", up to the
    first word that is neither a name, a body's word nor glue ("claimed by IS was on …")."""
    text = art.text
    out: list[_Found] = []
    for m in _CLAIMED_BY.finditer(text, cs, ce):
        if art.in_quote(m.start()):
            continue
        before = _ASIDE.sub(" ", text[cs : m.start()])
        thing = re.split(r"[,;:]\s+", before)[-1].strip()
        words = [w.lower() for w in re.findall(r"[\w\u2019'-]+", thing)]
        while words and (words[-1] in _PASSIVE or words[-1] in _AUX):
            words.pop()  # "… were claimed", "… has been claimed"
        if not words or not any(w in _CLAIMABLE for w in words):
            continue
        if any(w in _CLAIM_GENERIC or w in _NEG or w in ("no", "nor") for w in words):
            continue
        toks = art.tokens(m.end(), ce)
        last = -1
        for j, t in enumerate(toks[:10]):
            low = t.text.lower()
            if t.text.isupper() and len(t.text) > 1:
                last = j  # "claimed by IS": an acronym, not the verb
                continue
            if (
                not t.text[0].isalnum()
                or low in _PASSIVE
                or low in _AUX
                or low in _VERBS
                or low in _NP_BREAK
                or (low in _PREPOSITIONS and low != "of")
            ):
                break
            if is_cap(t.text) or is_org_word(t.text):
                last = j
        if last < 0:
            continue
        phrase = text[toks[0].start : toks[last].end]
        if art.claimers and phrase.lower() in ("the group", "the militant group", "the militants"):
            sp = art.claimers[-1]  # "the second bombing claimed by the group": the group that claimed before
        else:
            subj = _analyze(art, phrase)
            sp = art.memory.resolve(subj, toks[0].start) if subj is not None else None
        if sp is None:
            continue
        parts = thing.split()
        while parts and (parts[-1].lower() in _PASSIVE or parts[-1].lower() in _AUX):
            parts.pop()
        claimed = " ".join(parts)
        content = (
            claimed
            if words[0] == "responsibility"
            else f"responsibility for {claimed[0].lower()}{claimed[1:]}"
        )
        out.append(_Found(sp, "claim", "indirect", content, span[0], span[1], m.start()))
    return out


def _np_until_comma(art: _Article, pos: int, ce: int) -> tuple[int, int, int]:
    """(start, end) of text from ``pos`` to the next comma/period, and where the next piece starts."""
    text = art.text
    segs = _segments(text, pos, ce)
    a, b = segs[0]
    b2 = b
    while b2 > a and text[b2 - 1] in ". ":
        b2 -= 1
    nxt = segs[1][0] if len(segs) > 1 else ce
    return a, b2, nxt


_OBJECT_PRONOUNS = {"him": "he", "her": "she"}
_SENTENCE_ADVERBIALS = _GRAMMAR["sentence_adverbials"]


def _according(art: _Article, m: re.Match[str], cs: int, ce: int, span: tuple[int, int]) -> list[_Found]:
    """``according to X`` (verb say): content before it, or after it when it opens the clause."""
    text = art.text
    a, b, nxt = _np_until_comma(art, m.end(), ce)
    q = art.first_quote(a + 1, b)
    if q is not None and text[a : q.start].strip():
        # 'according to IOM "the boat is thought to …"': the quotation is the content, not the name
        b, nxt = len(text[: q.start].rstrip()), q.start
    segs = _segments(text, nxt, ce) if nxt < ce else []
    appositive = None
    before = text[cs : m.start()].strip(" ,")
    # "According to X, …" opens the clause; so does "In particular, according to X, …" after a short
    # sentence adverbial
    lead = not before or (
        text[cs : m.start()].rstrip().endswith(",")
        and all(w.lower() in _SENTENCE_ADVERBIALS for w in before.split())
    )
    if segs:
        first = text[segs[0][0] : segs[0][1]].strip()
        titled = _seg_kind(first) == "title" or is_title_word(first.split()[0] if first else "")
        if (
            (len(segs) > 1 or not lead)
            and _seg_kind(first) == "name"
            and any(is_title_word(w) for w in words(text[a:b]))
            and isinstance(analyze(first), (Speaker, Reference))
        ):
            # "According to the head of the council, Mohammed Ali, at least 30 …": the role, then the name
            appositive = text[a:b].strip()
            a, b = segs[0][1] - len(text[segs[0][0] : segs[0][1]].lstrip()), segs[0][1]
            nxt = segs[1][0] if len(segs) > 1 else ce
        elif (titled or first.lower().startswith(("a ", "an ", "who ", "which "))) and (
            len(segs) > 1 or not lead
        ):
            appositive = first
            nxt = segs[1][0] if len(segs) > 1 else ce
    rel = _INVERTED_TAIL.search(text, a, b)
    if rel is not None and rel.start() > a:
        b = rel.start()  # "according to a note from the clinic where the injured were treated"
    by = _ISSUED_BY.match(text, a, b)
    if by:
        a = by.end()  # "according to a statement released by the ministry"
    elif not art.verbs.within(cs, m.start()):
        # "According to a WHO survey published in May, …": the report's issuer (not when a verb before
        # already has a speaker: "Kabul said …, according to a ministry report submitted to …")
        part = _DOC_PARTICIPLE.search(text, a, b)
        if part is not None and is_document_word(text[a : part.start()].split()[-1]):
            b = part.start()
    speakers = [] if appositive else _conjuncts(art, a, b)  # "according to IHR and Hengaw"
    if not speakers:
        np = _TIME_SUFFIX.sub("", text[a:b].strip())  # "according to a statement by the army on Monday"
        # "according to him": the object pronoun is the person met before
        subj = analyze(_OBJECT_PRONOUNS.get(np.lower(), np), appositive)
        sp = art.memory.resolve(subj, a, appositive) if subj is not None else None
        if sp is None:
            return []
        speakers = [sp]
    tail = ""
    if lead:
        s, e = _trim(text, nxt, ce)
    else:
        s, e = _trim(text, cs, m.start())
        if text[cs : m.start()].rstrip().endswith(",") and nxt < ce and text[nxt:ce].strip(" ,."):
            # "The insurgents, according to the official, stormed a checkpoint": around the attribution
            tail = " " + _strip_quotes(text[slice(*_trim(text, nxt, ce))])
    q = art.quote_at.get(s)
    direct = q is not None and q.end >= e - 1 and not tail
    content = _strip_quotes(text[s:e]) + tail
    if not content:
        return []
    return [
        _Found(sp, "say", "direct" if direct else "indirect", content, span[0], span[1]) for sp in speakers
    ]


# "TOLO News quoted Ana Ruiz, a deputy minister, as saying ...", "a handout quoted the officer as
# saying that ...": the person quoted is the speaker (the passive "was quoted as saying" is a verb's)
_QUOTED_OBJECT = re.compile(r"\bquoted\s+(?!by\b|as\b)([^\"\u201c\u201d;:]{2,160}?),?\s+as\s+say(?:ing|s)\b")
_QUOTED_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being)\s+$")


def _quoted_object(art: _Article, m: re.Match[str], cs: int, ce: int, span: tuple[int, int]) -> list[_Found]:
    """``<source> quoted X[, appositive,] as saying <content>``; the content follows, or is the
    quotation the sentence opens with."""
    text = art.text
    if _QUOTED_PASSIVE.search(text, max(cs, m.start() - 12), m.start()):
        return []
    np = m.group(1).strip()
    name, _, rest = np.partition(",")
    appositive = rest.strip(" ,") or None
    subj = analyze(_OBJECT_PRONOUNS.get(name.strip().lower(), name.strip()), appositive)
    if subj is None:
        return []
    sp = art.memory.resolve(subj, m.start(1), appositive)
    if sp is None:
        return []
    s, e = _trim(text, m.end(), ce)
    if text[s:e].lower().startswith("that "):
        s, e = _trim(text, s + 5, e)
    q = art.quote_at.get(s)
    direct = q is not None and q.end >= e - 1 and not text[m.end() : s].lower().strip().endswith("that")
    if len(text[s:e].split()) < 3:
        before = [q for q in art.quotes if cs <= q.start and q.end <= m.start()]
        if not before:
            return []
        s, e, direct = before[0].start, before[0].end, True  # '"We have asked ...," TOLO News quoted X'
    content = _strip_quotes(text[s:e]).rstrip(" ,")
    if not content:
        return []
    return [_Found(sp, "say", "direct" if direct else "indirect", content, span[0], span[1])]


def _as_by(art: _Article, m: re.Match[str], cs: int, ce: int, span: tuple[int, int]) -> list[_Found]:
    """``as stated by [the title,] X, content``."""
    text = art.text
    lemma = _VERBS[m.group(1)][0]
    a, b, nxt = _np_until_comma(art, m.end(), ce)
    appositive = None
    first = text[a:b]
    if nxt < ce and any(is_title_word(t) for t in first.split()):
        a2, b2, nxt2 = _np_until_comma(art, nxt, ce)
        if text[a2:b2].strip()[:1].isupper():
            appositive, (a, b), nxt = first, (a2, b2), nxt2
    subj = _analyze(art, text[a:b].strip(), appositive)
    if subj is None:
        return []
    sp = art.memory.resolve(subj, a, appositive)
    if sp is None:
        return []
    if text[cs : m.start()].strip(" ,"):
        s, e = _trim(text, cs, m.start())  # "Five people died, as confirmed by the governor"
    else:
        s, e = _trim(text, nxt, ce)
    content = _strip_quotes(text[s:e])
    if not content:
        return []
    return [_Found(sp, lemma, "indirect", content, span[0], span[1])]


_AS_QUANTITY = re.compile(r"As (?:many|much|few|little|of)\b")


def _clauses(art: _Article, s: int, e: int) -> list[tuple[int, int]]:
    """Clauses of one sentence: split at ";" and ", while", and after a leading subordinate clause."""
    text = art.text
    out: list[tuple[int, int]] = []
    cur = s
    first = _TOKEN.match(text, s)
    if (
        first
        and first.group().lower() in _SUBORDINATORS
        and not _AS_BY.match(text, s)
        and not _AS_QUANTITY.match(text, s)  # "As many as 1.5 million could flee, warned X"
    ):
        comma = _top_comma(text, s, e)
        if comma > 0:
            out.append((s, comma))
            cur = comma + 1
    for m in _CLAUSE_SPLIT.finditer(text, s, e):
        if m.group().strip(", ") == "but":
            if not _has_cue(art, m.end(), e) or _in_quotes(text, s, m.start()):
                continue  # "No group has claimed it but Ruwan Silva, the minister, said …": a new clause
        elif m.group().startswith(",") and not (_has_cue(art, cur, m.start()) and _has_cue(art, m.end(), e)):
            continue  # ", while" splits only two attributed clauses ("X accused …, while Y denied …")
        out.append((cur, m.start()))
        cur = m.end()
    out.append((cur, e))
    return out


def _in_quotes(text: str, s: int, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation opened after ``s`` (an odd number of quote marks)."""
    return sum(text.count(c, s, pos) for c in _QUOTE_CHARS) % 2 == 1


def _top_comma(text: str, s: int, e: int) -> int:
    """First comma of text[s:e] outside quotations and parentheses, or -1."""
    depth, quoted = 0, False
    for i in range(s, e):
        ch = text[i]
        if ch in _QUOTE_CHARS:
            quoted = not quoted
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and not depth and not quoted:
            return i
    return -1


_DOC_MENTION = re.compile(r"\b(?:statement|communiqu[eé]|press release|report|bulletin|document)s?\b")
_ISSUED_FROM = re.compile(
    r"\b(?:statement|communiqu[eé]|press release|report|bulletin|document)s?\s+"
    r"(?:(?:issued|released|published|sent)\s+)?(?:from|by)\s+"
)


def _remember_issuers(art: _Article, s: int, e: int, found: list[_Found]) -> None:
    """Note who issued a statement this sentence cites, for a later "the statement said"."""
    text = art.text
    if _DOC_MENTION.search(text, s, e) is None:
        return
    named: list[tuple[int, int]] = []
    for m in _ISSUED_FROM.finditer(text, s, e):
        a, b, _ = _np_until_comma(art, m.end(), e)
        named.append((a, b))  # "shared a statement from the Combined Operations Command"
    toks = art.tokens(s, e)
    for i, t in enumerate(toks):
        if is_document_word(t.text) and not art.in_quote(t.start):
            named.append((toks[_np_back(toks, i)].start, t.end))  # "an interior ministry report"
    issuers: list[tuple[int, Speaker]] = []
    for a, b in named:
        subj = analyze(text[a:b])
        sp = art.memory.resolve(subj, a) if subj is not None else None
        if sp is not None:
            issuers.append((a, sp))
    if not issuers:
        issuers = [(f.start, f.speaker) for f in found]  # "X said in a statement"
    for pos, sp in sorted(issuers, key=lambda x: x[0]):
        art.memory.remember_issuer(pos, sp)


def _remember_subject(art: _Article, s: int, e: int) -> None:
    """Note a named person opening a sentence without a statement, for later "he"/"she"/surnames."""
    toks = art.tokens(max(s, art.body_start), min(e, max(s, art.body_start) + 120))
    i = 0
    while i < len(toks) and toks[i].start < art.body_start:
        i += 1
    end = _forward_np(toks, i)
    if end <= i or not is_cap(toks[i].text):
        return
    subj = analyze(art.text[toks[i].start : toks[end - 1].end])
    if (isinstance(subj, Speaker) and subj.kind == PERSON) or (
        # "Allaudin is among those who fled", "Mohammed, a refugee at the border, expressed ..."
        isinstance(subj, Reference)
        and subj.kind == PERSON
        and subj.head[:1].isupper()
        and not _adverbial(subj.head)  # "However, the unrest ...", "Meanwhile, the police ..."
        and subj.head.lower() not in _ADVERBS
        and end + 1 < len(toks)
        and (
            (toks[end].text == "," and toks[end + 1].text.lower() in ("a", "an", "the"))
            or toks[end].text in ("is", "was", "has", "had")
        )
    ):
        appositive = None
        if end < len(toks) and toks[end].text == ",":
            close = next((k for k in range(end + 1, len(toks)) if toks[k].text == ","), None)
            if close is not None:
                appositive = art.text[toks[end + 1].start : toks[close - 1].end]  # "a Syrian refugee"
        if appositive is not None and isinstance(subj, Reference):
            subj = analyze(subj.text, appositive) or subj
        elif appositive is not None and isinstance(subj, Speaker) and subj.title is None:
            # "Ana Ruiz, the district police chief, gave details": the role a later "the chief" names
            subj = analyze(art.text[toks[i].start : toks[end - 1].end], appositive) or subj
        sp = art.memory.resolve(subj, toks[i].start, appositive)
        if sp is not None:
            art.memory.remember(toks[i].start, sp)


def _titled_mentions(art: _Article, s: int, e: int) -> list[tuple[int, Speaker]]:
    """Persons named with a title anywhere in text[s:e] ("the attack was condemned by President Ana
    Ruiz"), resolved, with where each is named."""
    out: list[tuple[int, Speaker]] = []
    a, b = art.token_range(max(s, art.body_start), e)
    # a mention opens with a capitalized title word at one of toks[0:-1] (toks[i - 1] below)
    titles = art.title_tokens()
    k0 = bisect.bisect_left(titles, a)
    if k0 == len(titles) or titles[k0] >= b - 1:
        return out
    toks = art.tokens(max(s, art.body_start), e)
    i = 1
    while i < len(toks):
        # "Ambassador to Indonesia Ana Ruiz": a title's complement, then the name (analyze splits them)
        to = int(toks[i].text in ("to", "on") and i + 1 < len(toks) and is_cap(toks[i + 1].text))
        if is_title_word(toks[i - 1].text) and (is_cap(toks[i].text) or to) and is_cap(toks[i - 1].text):
            j = i + to
            while (
                j < len(toks) and is_cap(toks[j].text) and not is_title_word(toks[j].text) and j - i < 4 + to
            ):
                j += 1
            if j - i - to >= 2 + to and toks[i].start > toks[0].start:
                k = i - 1
                while k > 0 and is_title_word(toks[k - 1].text):
                    k -= 1
                m = k
                while m > 0 and k - m < 3 and is_cap(toks[m - 1].text) and toks[m - 1].text.isalpha():
                    m -= 1  # "Japanese Foreign Minister Iwaya Takeshi": the title's modifiers tell the side
                if m < k and geo.find_countries(art.text[toks[m].start : toks[k].start]):
                    k = m
                subj = analyze(art.text[toks[k].start : toks[j - 1].end])
                if isinstance(subj, Speaker) and subj.kind == PERSON:
                    sp = art.memory.resolve(subj, toks[k].start)
                    if sp is not None:
                        out.append((toks[k].start, sp))
            i = j + 1
        else:
            i += 1
    return out


def _remember_titled(art: _Article, s: int, e: int) -> None:
    """Note persons named with a title anywhere in a sentence without a statement, so that a later
    "she said" finds them."""
    for pos, sp in _titled_mentions(art, s, e):
        art.memory.remember(pos, sp)
    if art.text.count(" ", s, e) > 3:
        for m in _OWNED_ROLE.finditer(art.text, max(s, art.body_start), e):
            # "…, U.N. spokesperson Ana Ruiz, told reporters": a role in lower case after its owner
            # (an institution or a state), so that a later "Ruiz said" keeps the owner's side
            if not is_title_word(m.group(2)) or any(p == m.start() for p, _ in art.memory.persons):
                continue
            subj = analyze(m.group(0))
            if isinstance(subj, Speaker) and subj.kind == PERSON and subj.title:
                sp = art.memory.resolve(subj, m.start())
                if sp is not None:
                    art.memory.remember(m.start(), sp)


# an owner (one to three capitalized words), a role in lower case, then a name of two to four words
_OWNED_ROLE = re.compile(
    r"(?<![\w\u2019'.-])((?:[A-Z][\w.\u2019'-]*\s+){1,3})([a-z]+)\s+"
    r"((?:[A-Z][a-z][\w\u2019'-]*\s+){1,3}[A-Z][a-z][\w\u2019'-]*)"
)


# a person introduced in passing: "is 45-year-old Omer Yilmazer, who ran ...", "met Ana Ruiz, a nurse"
_INTRODUCED = re.compile(r"(?<![\w’'-])((?:[A-Z][\w’'-]+\s+){1,3}[A-Z][\w’'-]+),\s+(?:who|a|an)\s")
# its tail alone: a text span where this starts nowhere holds no _INTRODUCED match
_INTRO_COMMA = re.compile(_INTRODUCED.pattern[_INTRODUCED.pattern.rindex("),") + 1 :])


def _remember_introduced(art: _Article, s: int, e: int) -> None:
    """Note persons a sentence without a statement introduces with ", who ..." or ", a ...", so that
    a later "he said" finds them."""
    if not art.may_introduce(max(s, art.body_start), e):
        return
    for m in _INTRODUCED.finditer(art.text, max(s, art.body_start), e):
        subj = analyze(m.group(1))
        if isinstance(subj, Speaker) and subj.kind == PERSON:
            sp = art.memory.resolve(subj, m.start(1))
            if sp is not None:
                art.memory.remember(m.start(1), sp)


def _tidy_title(title: str | None) -> str | None:
    if not title:
        return None
    title = title.strip().strip(",;:").strip()
    if (
        title.endswith(".")
        and len(title.split()[-1].rstrip(".")) > 4
        and not is_abbreviation(title.split()[-1].rstrip("."))
    ):
        title = title[:-1]  # a sentence's full stop, not an abbreviation's ("Lt. Col.")
    title = _LEAD_ARTICLE.sub("", title)
    title = _LEAD_OWNER.sub("", title)  # "Iran's Interior Minister": the owner gives the country
    return title or None


def extract_statements(text: str, published: dt.date | None = None) -> list[Statement]:
    """Return the attributed statements in ``text``, in text order."""
    art = _Article(text)
    try:
        results = _statements(art)
    finally:
        art.release()
    return [
        Statement(
            speaker=f.speaker.name,
            speaker_title=_tidy_title(f.speaker.title),
            speaker_kind=f.speaker.kind,
            speaker_country=f.speaker.country,
            verb=f.verb,
            mode=f.mode,
            content=f.content,
            start_char=f.start,
            end_char=f.end,
        )
        for f in results
    ]


def _statements(art: _Article) -> list[_Found]:
    """The statements of the article, sentence by sentence."""
    text = art.text
    results: list[_Found] = []
    si = 0
    while si < len(art.sentences):
        s, e = art.sentences[si]
        s = max(s, art.body_start) if s < art.body_start else s
        direct = _direct(art, si)
        if direct is not None:
            f, last = direct
            art.memory.remember(f.start, f.speaker)
            art.consumed.update(range(si, last + 1))
            results.append(f)
            _remember_issuers(art, s, art.sentences[last][1], [f])
            si = last + 1
            continue
        seen: set[str] = set()
        here: list[_Found] = []
        nxt = si + 1
        if text[s:e].rstrip().endswith(":") and nxt < len(art.sentences):
            # "She added:" with the quotation as the next paragraph
            s2, e2 = art.sentences[nxt]
            q = art.quote_at.get(s2)
            if q is not None and q.end >= e2 - 1 and not text[e:s2].strip():
                e = e2
                si = nxt
        if _has_cue(art, s, e):
            if _POSSESSIVE_ROLE.search(text, s, e):
                _remember_subject(art, s, e)  # "Guterres was alarmed, his spokesman X said": the owner
            for cs, ce in _clauses(art, s, e):
                for f in sorted(_indirect(art, cs, ce), key=lambda x: x.start):
                    if f.speaker.name in seen:
                        continue
                    seen.add(f.speaker.name)
                    art.memory.remember(f.start, f.speaker)
                    here.append(f)
                    if f.verb == "claim":
                        art.claimers.append(f.speaker)
        results.extend(here)
        _remember_issuers(art, s, e, here)
        if not seen:
            _remember_subject(art, s, e)
            _remember_titled(art, s, e)
            _remember_introduced(art, s, e)
        else:
            # persons named with a title in a sentence that quotes someone else: only a later definite
            # role ("the President") looks for them, so they are found when one does
            art.memory.quoting.append((s, e))
        si += 1
    return results
