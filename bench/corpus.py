"""Write a synthetic news corpus as JSON Lines, any size, deterministic for a given seed.

Articles look like the wire stories sitrep reads (see examples/articles.jsonl): a
dateline, then paragraphs drawn from templates for attacks with tolls, direct and
reported statements, refugee stocks and flows, and distractors full of numbers,
dates and names that must *not* become rows (prices, sports, weather, budgets).
Names of people are invented; places are real so that the gazetteer is exercised.

    python -m bench.corpus --articles 10000 --seed 1 --out bench/corpus/articles-10000-s1.jsonl
    python -m bench.corpus --real --articles 10000     # the real-text corpus (see below)

The generator is sequential on one ``random.Random(seed)``, so the first 10,000
articles of a 100,000-article corpus equal the 10,000-article corpus.

The second corpus is made of real news: the dev articles of the shared evaluation set
(``../shared/eval/dev-real/articles.jsonl`` beside the checkout, read at bench time and never
copied into the repository), replicated to the requested size. Copy ``i`` of an article gets
a URL of its own and a neutral closing line that varies with ``i`` (no number, name, date or
cue), so every record is a distinct article with its own text hash; the extractors find in it
exactly the rows of the original.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

# -- vocabulary (invented people, real places) -------------------------------------------------

# fmt: off
FIRST = ("Tariq", "Farida", "Imran", "Saima", "Mohammad", "Zarina", "Hamid", "Nasrin", "Bilal", "Laila",
         "Abdul", "Shabnam", "Karim", "Mariam", "Javed", "Roya", "Yusuf", "Parwana", "Omar", "Hina",
         "Reza", "Fatemeh", "Ali", "Samira", "Ahmad", "Gul", "Naveed", "Sadia", "Haroon", "Palwasha")
LAST = ("Mengal", "Noorzai", "Siddiqui", "Rahimi", "Karimi", "Achakzai", "Durrani", "Kakar", "Yousafzai",
        "Baloch", "Hosseini", "Tehrani", "Shinwari", "Mohmand", "Wardak", "Popal", "Jamali", "Afridi",
        "Safi", "Ahmadzai", "Rezaei", "Naderi", "Qureshi", "Bugti", "Hazara", "Stanekzai")
TITLES = ("the provincial home minister", "a police spokesman", "the district commissioner",
          "a spokeswoman for the interior ministry", "the deputy governor", "a senior army officer",
          "the head of the returnee office", "a local elder", "a hospital director", "the foreign minister",
          "a spokesman for the refugee ministry", "the UNHCR country representative")
ORGS = ("UNHCR", "the International Organization for Migration", "the UN refugee agency",
        "the Norwegian Refugee Council", "the World Food Programme", "the Red Crescent",
        "Amnesty International", "the interior ministry", "the Taliban government", "the provincial government")
GROUPS = ("Tehreek-e-Taliban Pakistan", "the Islamic State Khorasan Province", "Jaish al-Adl",
          "the Balochistan Liberation Army", "unidentified gunmen", "militants", "a suicide bomber")
# (place, country phrase) — cities, districts and border crossings of the region
PLACES = (("Quetta", "Pakistan"), ("Peshawar", "Pakistan"), ("Bannu", "Pakistan"), ("Chaman", "Pakistan"),
          ("Karachi", "Pakistan"), ("Lahore", "Pakistan"), ("Dera Ismail Khan", "Pakistan"),
          ("North Waziristan", "Pakistan"), ("Torkham", "Pakistan"), ("Gwadar", "Pakistan"),
          ("Kabul", "Afghanistan"), ("Herat", "Afghanistan"), ("Kandahar", "Afghanistan"),
          ("Jalalabad", "Afghanistan"), ("Khost", "Afghanistan"), ("Spin Boldak", "Afghanistan"),
          ("Islam Qala", "Afghanistan"), ("Kunduz", "Afghanistan"), ("Zahedan", "Iran"), ("Mashhad", "Iran"),
          ("Tehran", "Iran"), ("Saravan", "Iran"), ("Chabahar", "Iran"), ("Zaranj", "Afghanistan"))
NATIONALITIES = (("Afghans", "Afghanistan"), ("Pakistanis", "Pakistan"), ("Iranians", "Iran"),
                 ("Afghan refugees", "Afghanistan"), ("Afghan families", "Afghanistan"))
HOSTS = ("Pakistan", "Iran", "Turkey", "Tajikistan", "Germany")
VICTIMS = ("policemen", "soldiers", "civilians", "worshippers", "passengers", "security personnel", "people",
           "students", "shoppers", "labourers")
ATTACKS = ("stormed a police post", "attacked a checkpoint", "ambushed a military convoy",
           "detonated a roadside bomb", "opened fire on a bus", "blew himself up outside a mosque",
           "fired rockets at a market", "attacked a border post")
VERBS = ("said", "told reporters", "said on", "added", "warned", "insisted", "told a news conference",
         "said in a statement", "wrote on social media")
REPORTED = ("said", "told reporters", "warned", "claimed", "denied", "announced", "confirmed", "stressed")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
QUOTES = ("We will not allow anyone to use our soil against a neighbour",
          "Families arrive with nothing, not even shoes for the children",
          "The law applies to everyone, and the deadline will not be extended",
          "Our men fought until the last bullet",
          "We need shelter, food and clean water before the winter",
          "This is a humanitarian emergency and the world must act",
          "Those responsible for this cowardly attack will be brought to justice",
          "The border will stay open for registered refugees",
          "We have given people time, and we will keep giving them time if they register",
          "Nobody has told us where we are supposed to go")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen", "dozens of",
                "at least 12", "more than 20")
# fmt: on


def _num(r: random.Random, lo: int, hi: int) -> str:
    """A count as wire copy writes it: digits with separators, round words, or a million figure."""
    n = r.randint(lo, hi)
    style = r.random()
    if style < 0.6:
        return f"{n:,}"
    if style < 0.8:
        return f"{round(n, -2):,}" if n >= 1000 else str(n)
    if n >= 100_000:
        return f"{n / 1_000_000:.1f} million"
    return f"{n:,}"


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


def _person(r: random.Random) -> tuple[str, str]:
    first, last = r.choice(FIRST), r.choice(LAST)
    return f"{first} {last}", last


def _incident(r: random.Random, day: str) -> str:
    place, country = r.choice(PLACES)
    group = r.choice(GROUPS)
    killed, wounded = r.randint(1, 40), r.randint(0, 80)
    victims = r.choice(VICTIMS)
    form = r.randrange(4)
    if form == 0:
        return (
            f"{_cap(group)} {r.choice(ATTACKS)} in {place} on {day}, "
            f"killing {killed} {victims} and wounding at least {wounded} others, officials said."
        )
    if form == 1:
        return (
            f"At least {killed} {victims} were killed and {wounded} wounded when {group} "
            f"{r.choice(ATTACKS)} in {place}, {country}, on {day}, police said."
        )
    if form == 2:
        return (
            f"A blast in a crowded market in {place} killed {r.choice(NUMBER_WORDS)} {victims} on {day}, "
            f"a hospital official said, adding that {wounded} people were being treated for wounds."
        )
    return (
        f"{_cap(group)} claimed responsibility for the attack in "
        f"{place}, which left {killed} dead and {wounded} injured."
    )


def _statement(r: random.Random, day: str) -> str:
    name, last = _person(r)
    title = r.choice(TITLES)
    quote = r.choice(QUOTES)
    form = r.randrange(4)
    if form == 0:
        return f'"{quote}," {name}, {title}, {r.choice(VERBS)} {day}.'
    if form == 1:
        return (
            f"{name}, {title}, {r.choice(REPORTED)} that the government would {r.choice(('review', 'extend', 'end', 'suspend'))} "
            f'the programme. "{quote}," {last} said.'
        )
    if form == 2:
        org = r.choice(ORGS)
        return (
            f"{org[0].upper() + org[1:]} {r.choice(REPORTED)} on {day} that the situation was deteriorating."
        )
    return f'{title[0].upper() + title[1:]}, {name}, told reporters in {r.choice(PLACES)[0]}: "{quote}."'


def _refugees(r: random.Random, day: str) -> str:
    nat, origin = r.choice(NATIONALITIES)
    place, country = r.choice(PLACES)
    host = r.choice([h for h in HOSTS if h != origin] or HOSTS)
    form = r.randrange(5)
    if form == 0:
        return (
            f"About {_num(r, 500, 40_000)} {nat} crossed back into {origin} through the {place} crossing last week, "
            f"most of them families forced out of rented homes, officials said on {day}."
        )
    if form == 1:
        return f"{host} still hosts about {_num(r, 100_000, 4_000_000)} registered {nat}, according to UNHCR."
    if form == 2:
        return (
            f"More than {_num(r, 1_000, 700_000)} {nat} have returned from {host} since January, "
            f"{r.choice(ORGS)} said."
        )
    if form == 3:
        return (
            f"{_num(r, 50, 5_000)} families were deported through {place} on {day} alone, "
            f"and the reception centre was short of blankets."
        )
    return f"The authorities registered {_num(r, 100, 9_000)} households at the transit centre in {place} since {day}."


def _distractor(r: random.Random, day: str) -> str:
    place = r.choice(PLACES)[0]
    form = r.randrange(7)
    if form == 0:
        return (
            f"Truck owners said the {r.randint(20, 900)}-kilometre trip from {place} to the border now cost "
            f"{_num(r, 5_000, 90_000)} rupees per family."
        )
    if form == 1:
        return (
            f"In cricket, {place} Gladiators beat their rivals by {r.randint(2, 9)} wickets on {day}, "
            f"chasing {r.randint(140, 220)} with {r.randint(1, 30)} balls to spare."
        )
    if form == 2:
        return (
            f"Temperatures in {place} fell to minus {r.randint(2, 15)} degrees Celsius on {day}, and "
            f"{r.randint(10, 90)} millimetres of snow closed the highway for {r.randint(2, 40)} hours."
        )
    if form == 3:
        return (
            f"The provincial budget for {r.randint(2024, 2026)} sets aside {_num(r, 10, 900)} billion rupees "
            f"for development, up {r.randint(2, 30)} percent on last year."
        )
    if form == 4:
        return (
            f"The {place} chamber of commerce said exports rose {r.randint(1, 25)}.{r.randint(0, 9)} percent in "
            f"the first {r.choice(NUMBER_WORDS[:6])} months of the year, to {_num(r, 100, 9_000)} million dollars."
        )
    if form == 5:
        return (
            f"Last month, {r.choice(NUMBER_WORDS)} people were reported missing after floods in {place}; "
            f"{r.randint(2, 300)} homes were damaged."
        )
    return (
        f"The {place} Book Fair, held every year since {r.randint(1970, 2010)}, drew {_num(r, 2_000, 80_000)} "
        f"visitors over {r.choice(NUMBER_WORDS[:5])} days."
    )


HEADLINES = {
    "incident": (
        "{n} killed in attack on {p}",
        "Militants strike in {p}, killing {n}",
        "Blast in {p} leaves {n} dead",
    ),
    "statement": (
        "Officials in {p} defend deportation drive",
        "Minister warns neighbours over militant havens",
    ),
    "refugees": (
        "Thousands more Afghans cross at {p}",
        "Returns from {p} reach new record",
        "Aid runs short as returnees arrive in {p}",
    ),
    "distractor": ("{p} budget puts development first", "Snow closes the road to {p}"),
}


def _headline(r: random.Random, theme: str, place: str) -> str:
    return r.choice(HEADLINES[theme]).format(n=r.choice(NUMBER_WORDS[:8]), p=place)


KINDS = (
    ("incident", _incident, 3),
    ("statement", _statement, 4),
    ("refugees", _refugees, 3),
    ("distractor", _distractor, 3),
)


def article(r: random.Random, i: int) -> dict[str, str]:
    """One article as a JSON Lines record: url, title, published, source, text."""
    published = dt.date(2023, 1, 1) + dt.timedelta(days=r.randrange(1000))
    day = DAYS[published.weekday()]
    place, country = r.choice(PLACES)
    theme = r.choices([k for k in KINDS], weights=[3, 2, 3, 1])[0]
    paras = [theme[1](r, day)]
    for _ in range(r.randint(4, 11)):
        _name, make, _w = r.choices(KINDS, weights=[w for *_, w in KINDS])[0]
        # two or three sentences per paragraph, like wire copy
        paras.append(" ".join(make(r, day) for _ in range(r.randint(1, 3))))
    text = f"{place.upper()}, {country} — " + "\n\n".join(paras)
    title = _headline(r, theme[0], place)
    return {
        "url": f"https://bench.example/news/{published:%Y/%m}/{i:08d}",
        "title": title,
        "published": published.isoformat(),
        "source": f"Bench Wire {i % 7}",
        "text": text,
    }


def articles(n: int, seed: int = 1) -> Iterator[dict[str, str]]:
    r = random.Random(seed)
    for i in range(n):
        yield article(r, i)


def _write_jsonl(path: Path, records: Iterable[dict[str, str]]) -> Path:
    """Write ``records`` as JSON Lines, atomically: a partial file is never left under that name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".jsonl.part")
    with tmp.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False))
            fh.write("\n")
    tmp.replace(path)
    return path


def write_corpus(path: Path, n: int, seed: int = 1) -> Path:
    """Write ``n`` articles to ``path`` (atomically: a partial file is never left under that name)."""
    return _write_jsonl(path, articles(n, seed))


def corpus_path(n: int, seed: int = 1, root: Path = Path("bench/corpus")) -> Path:
    return root / f"articles-{n}-s{seed}.jsonl"


# -- the real-text corpus ---------------------------------------------------------------------------

# beside the checkout, as the tests find it; never copied into the repository
REAL_SOURCE = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev-real" / "articles.jsonl"


def _letters(i: int) -> str:
    """``i`` spelled in lower-case letters (a, b, ..., z, ba, bb, ...): an id with no digits."""
    out = ""
    while True:
        i, r = divmod(i, 26)
        out = chr(97 + r) + out
        if not i:
            return out


def neutral_line(i: int) -> str:
    """The closing line of copy ``i``: no number, date, name, quote or reporting verb."""
    return f"This copy is kept in the archive under the reference {_letters(i)}."


def real_articles(n: int, source: Path = REAL_SOURCE) -> Iterator[dict[str, str]]:
    """``n`` records cycling through the articles of ``source``, each with a URL and closing line of its own."""
    base = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not base:
        raise ValueError(f"{source}: no articles")
    for i in range(n):
        rec = dict(base[i % len(base)])
        rec["url"] = f"https://real.bench.example/{i:08d}/{i % len(base):03d}"
        rec["text"] = f"{rec['text'].rstrip()}\n\n{neutral_line(i)}"
        yield rec


def real_corpus_path(n: int, source: Path = REAL_SOURCE, root: Path = Path("bench/corpus")) -> Path:
    """Named by size and a hash of the source, so a changed source makes a new file."""
    tag = hashlib.blake2b(source.read_bytes(), digest_size=4).hexdigest()
    return root / f"real-{n}-{tag}.jsonl"


def write_real_corpus(path: Path, n: int, source: Path = REAL_SOURCE) -> Path:
    """Write ``n`` replicated real articles to ``path`` (atomically, as ``write_corpus``)."""
    return _write_jsonl(path, real_articles(n, source))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--real", action="store_true", help="the real-text corpus instead of the synthetic one")
    ap.add_argument(
        "--out", type=Path, help="default: bench/corpus/articles-N-sSEED.jsonl (real-N-HASH.jsonl)"
    )
    a = ap.parse_args(argv)
    if a.real:
        if not REAL_SOURCE.is_file():
            print(f"no real-text corpus: {REAL_SOURCE.name} of the shared dev-real set is not beside the checkout",
                  file=sys.stderr)  # fmt: skip
            return 1
        out = write_real_corpus(a.out or real_corpus_path(a.articles), a.articles)
    else:
        out = write_corpus(a.out or corpus_path(a.articles, a.seed), a.articles, a.seed)
    print(out, f"{out.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
