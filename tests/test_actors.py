"""Guards the actor gazetteer: alias resolution, case rules ("IS" never "is"), longest match, loaders."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms import actors
from transforms.actors import find_actors, lookup_actor

FOUND = [
    ("isis_k", "A blast claimed by ISIS-K hit the market.", "ISIS-K", "Islamic State"),
    ("iskp", "Officials blamed ISKP for the raid.", "ISKP", "Islamic State"),
    (
        "is_khorasan",
        "The Islamic State Khorasan Province said it did it.",
        "Islamic State Khorasan Province",
        "Islamic State",
    ),
    ("is_group", "The Islamic State group claimed the attack.", "Islamic State group", "Islamic State"),
    ("is_upper", "IS fighters fled the town.", "IS", "Islamic State"),
    ("daesh", "Local media called them Daesh.", "Daesh", "Islamic State"),
    ("ttp", "The TTP denied involvement.", "TTP", "Tehreek-e-Taliban Pakistan"),
    (
        "ttp_long",
        "Tehrik-i-Taliban Pakistan fighters attacked a post.",
        "Tehrik-i-Taliban Pakistan",
        "Tehreek-e-Taliban Pakistan",
    ),
    (
        "pak_taliban",
        "The Pakistani Taliban said it was not behind it.",
        "Pakistani Taliban",
        "Tehreek-e-Taliban Pakistan",
    ),
    ("tjp", "TJP claimed the bombing.", "TJP", "Tehreek-e-Jihad Pakistan"),
    ("bla", "The BLA said its Majeed Brigade was responsible.", "BLA", "Balochistan Liberation Army"),
    ("majeed", "The Majeed Brigade struck again.", "Majeed Brigade", "Balochistan Liberation Army"),
    (
        "bla_long",
        "The Balochistan Liberation Army claimed it.",
        "Balochistan Liberation Army",
        "Balochistan Liberation Army",
    ),
    ("blf", "BLF militants ambushed a convoy.", "BLF", "Balochistan Liberation Front"),
    ("jaish_adl", "Jaish al-Adl claimed the attack in Rask.", "Jaish al-Adl", "Jaish al-Adl"),
    ("taliban", "The Taliban said the border was closed.", "Taliban", "Taliban"),
    ("islamic_emirate", "The Islamic Emirate rejected the claim.", "Islamic Emirate", "Taliban"),
    (
        "hafiz",
        "The Hafiz Gul Bahadur group was blamed.",
        "Hafiz Gul Bahadur group",
        "Hafiz Gul Bahadur group",
    ),
    ("alqaeda_space", "Al Qaeda was mentioned.", "Al Qaeda", "al-Qaeda"),
    ("shabaab", "Al-Shabaab fighters attacked.", "Al-Shabaab", "al-Shabaab"),
    ("jnim", "JNIM fighters attacked Djibo.", "JNIM", "Jama'at Nusrat al-Islam wal-Muslimin"),
    (
        "jnim_curly",
        "Jama\u2019at Nusrat al-Islam wal-Muslimin claimed it.",
        "Jama\u2019at Nusrat al-Islam wal-Muslimin",
        "Jama'at Nusrat al-Islam wal-Muslimin",
    ),
    ("boko", "Boko Haram abducted 20 girls.", "Boko Haram", "Boko Haram"),
    ("iswap", "ISWAP claimed the raid.", "ISWAP", "Islamic State West Africa Province"),
    ("rsf", "The RSF shelled the camp.", "RSF", "Rapid Support Forces"),
    ("saf", "The Sudanese army retook the city.", "Sudanese army", "Sudanese Armed Forces"),
    ("hts", "HTS fighters entered the city.", "HTS", "Hayat Tahrir al-Sham"),
    ("sna", "The Syrian National Army advanced.", "Syrian National Army", "Syrian National Army"),
    ("sdf", "The SDF said it repelled the attack.", "SDF", "Syrian Democratic Forces"),
    ("houthis", "The Houthis fired a missile.", "Houthis", "Houthis"),
    (
        "irgc",
        "The Revolutionary Guards said two were killed.",
        "Revolutionary Guards",
        "Islamic Revolutionary Guard Corps",
    ),
    ("arakan", "The Arakan Army seized Maungdaw.", "Arakan Army", "Arakan Army"),
    ("unhcr", "The UN refugee agency said 1,000 crossed.", "UN refugee agency", "UNHCR"),
    ("iom", "IOM recorded the returns.", "IOM", "International Organization for Migration"),
    ("who", "WHO warned of cholera.", "WHO", "World Health Organization"),
    ("icrc", "The Red Cross delivered aid.", "Red Cross", "International Committee of the Red Cross"),
    ("msf", "MSF ran the clinic.", "MSF", "Doctors Without Borders"),
    ("irna", "IRNA reported the blast.", "IRNA", "Islamic Republic News Agency"),
    ("tasnim", "Tasnim said the toll rose.", "Tasnim", "Tasnim News Agency"),
    ("ispr", "The ISPR said four soldiers died.", "ISPR", "Inter-Services Public Relations"),
    ("tolo", "Tolo News reported it.", "Tolo News", "Tolo News"),
    ("aljazeera", "Speaking to Al Jazeera, she said so.", "Al Jazeera", "Al Jazeera"),
    ("zetas", "Zetas gunmen opened fire on a patrol.", "Zetas", "Los Zetas"),
    ("gulf_cartel", "Gulf Cartel gunmen ambushed two officers.", "Gulf Cartel", "Gulf Cartel"),
    ("familia", "La Familia Michoacana ambushed a convoy.", "La Familia Michoacana", "La Familia Michoacana"),
    (
        "chand_party",
        "The Chand-led outfit set off a bomb.",
        "Chand-led outfit",
        "Chand-led Communist Party of Nepal",
    ),
    ("cdf_myanmar", "The CDF ambushed a convoy near Hakha in Myanmar.", "CDF", "Chinland Defense Force"),
    ("ssa_south", "The SSA-S said its fighters repelled the patrol.", "SSA-S", "Shan State Army-South"),
    (
        "tpnpb_long",
        "The rebels' Liberation Army of West Papua said it shot them.",
        "Liberation Army of West Papua",
        "West Papua National Liberation Army",
    ),
    ("janjaweed_own_name", "Janjaweed militiamen burned the village.", "Janjaweed militiamen", "Janjaweed"),
    ("shebab_spelling", "The Shebab claimed the blast.", "Shebab", "al-Shabaab"),
    ("africom", "AFRICOM said the strike killed two.", "AFRICOM", "United States Africa Command"),
    (
        "iswap_branch",
        "Islamic State's West African branch said it attacked the base.",
        "Islamic State's West African branch",
        "Islamic State West Africa Province",
    ),
]


@pytest.mark.parametrize(("text", "span", "canonical"), [c[1:] for c in FOUND], ids=[c[0] for c in FOUND])
def test_find_actor(text: str, span: str, canonical: str) -> None:
    found = find_actors(text)
    assert found, text
    m = found[0]
    assert text[m.start : m.end] == span
    assert m.actor.canonical == canonical


NOT_FOUND = [
    ("lower_is", "It is what it is."),
    ("who_lower", "Those who fled said nothing."),
    ("dawn_lower", "They left at dawn."),
    ("caps_headline", "THIS IS WHERE WE ARE"),
    ("taliban_in_word", "The Talibanesque style."),
    ("cdf_elsewhere", "The CDF met in Nairobi on Monday."),
    ("nepal_party", "The Communist Party of Nepal (Unified Marxist-Leninist) met on Monday."),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_FOUND], ids=[c[0] for c in NOT_FOUND])
def test_no_actor(text: str) -> None:
    assert find_actors(text) == []


CONTEXT = [
    ("junta_with_country", "The junta in Myanmar bombed a village.", ["Myanmar military"]),
    ("junta_elsewhere", "Mali's junta expelled the envoy.", []),
    ("junta_demonym_context", "Burmese refugees fled the military junta.", ["Myanmar military"]),
    # a province of the country marks it as its name would
    (
        "maoists_province_context",
        "Maoists ambushed a patrol in Jharkhand.",
        ["Communist Party of India (Maoist)"],
    ),
    ("maoists_no_context", "Maoists took power in the mountains.", []),
]


@pytest.mark.parametrize(("text", "want"), [c[1:] for c in CONTEXT], ids=[c[0] for c in CONTEXT])
def test_context_bound_alias(text: str, want: list[str]) -> None:
    assert [m.actor.canonical for m in find_actors(text)] == want


def test_context_bound_alias_has_no_lookup() -> None:
    assert lookup_actor("junta") is None


def test_longest_match_wins() -> None:
    text = "Tehreek-e-Taliban Pakistan (TTP) and the Taliban."
    names = [(text[m.start : m.end], m.actor.canonical) for m in find_actors(text)]
    assert names == [
        ("Tehreek-e-Taliban Pakistan", "Tehreek-e-Taliban Pakistan"),
        ("TTP", "Tehreek-e-Taliban Pakistan"),
        ("Taliban", "Taliban"),
    ]


LOOKUP = [
    ("canonical", "Islamic State", "Islamic State"),
    ("alias_any_case", "islamic state khorasan", "Islamic State"),
    ("the_prefix", "the Pakistani Taliban", "Tehreek-e-Taliban Pakistan"),
    ("acronym", "ISKP", "Islamic State"),
    ("unhcr", "UNHCR", "UNHCR"),
]


@pytest.mark.parametrize(("name", "canonical"), [c[1:] for c in LOOKUP], ids=[c[0] for c in LOOKUP])
def test_lookup_actor(name: str, canonical: str) -> None:
    actor = lookup_actor(name)
    assert actor is not None and actor.canonical == canonical


@pytest.mark.parametrize("name", ["is", "Pakistan", "nobody"], ids=["lower_is", "country", "unknown"])
def test_lookup_actor_none(name: str) -> None:
    assert lookup_actor(name) is None


KINDS = [
    ("taliban", "Taliban", "government", "AFG"),
    ("ispr", "ISPR", "military", "PAK"),
    ("unhcr", "UNHCR", "agency", None),
    ("msf", "MSF", "international", None),
    ("fars", "Fars", "media", "IRN"),
    ("irgc", "IRGC", "military", "IRN"),
    ("myanmar_junta", "Myanmar junta", "military", "MMR"),
]


@pytest.mark.parametrize(("name", "kind", "country"), [c[1:] for c in KINDS], ids=[c[0] for c in KINDS])
def test_actor_kind_country(name: str, kind: str, country: str | None) -> None:
    actor = lookup_actor(name)
    assert actor is not None and (actor.kind, actor.country) == (kind, country)


def test_every_actor_has_valid_kind() -> None:
    assert all(a.kind in actors.KINDS for a in actors.all_actors())


@given(st.text(max_size=300))
def test_never_raises_and_spans_ordered(text: str) -> None:
    found = find_actors(text)
    last = 0
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= last
        last = m.end


BAD_ACTOR_ROWS = [
    ("empty_canonical", "canonical,kind,country,aliases\n,armed_group,PAK,X\n"),
    ("unknown_kind", "canonical,kind,country,aliases\nFoo Front,rebels,PAK,FF\n"),
    ("bad_iso3", "canonical,kind,country,aliases\nFoo Front,armed_group,XXX,FF\n"),
    ("wrong_header", "name,kind,country,aliases\nFoo Front,armed_group,PAK,FF\n"),
    ("cell_count", "canonical,kind,country,aliases\nFoo Front,armed_group,PAK\n"),
    (
        "alias_clash",
        "canonical,kind,country,aliases\nFoo Front,armed_group,PAK,FF\nBar Front,armed_group,PAK,FF\n",
    ),
    ("empty_file", "canonical,kind,country,aliases\n"),
]


@pytest.mark.parametrize("body", [c[1] for c in BAD_ACTOR_ROWS], ids=[c[0] for c in BAD_ACTOR_ROWS])
def test_loader_rejects_malformed_rows(monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    from transforms import lexicon

    monkeypatch.setattr(lexicon, "read_data", lambda name: body)
    with pytest.raises(lexicon.LexiconError):
        actors._load()


def test_loader_accepts_valid_row(monkeypatch: pytest.MonkeyPatch) -> None:
    from transforms import lexicon

    body = "# comment\ncanonical,kind,country,aliases\nFoo Front,armed_group,,FF|Foo\n"
    monkeypatch.setattr(lexicon, "read_data", lambda name: body)
    by_canonical = actors._load()[0]
    assert by_canonical["Foo Front"].aliases == ("FF", "Foo")
