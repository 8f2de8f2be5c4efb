"""Guards transforms.incidents: one row per violent event, with type, perpetrator, place, day and tolls.

Cases are invented sentences about real places (or the seed article); each checks only the
fields it names. Hypothesis checks that arbitrary text never raises and spans stay inside it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.incidents import EVENT_TYPES, extract_incidents, state_name
from transforms.normalize import normalize_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-iran-pakistan-afghanistan.txt"  # the seed article, bundled
SEED_GOLD = ROOT.parent / "shared" / "eval" / "dev" / "gold" / "seed-000.json"
QUALIFIERS = {None, "exact", "approx", "at_least", "at_most"}


def _rows(text: str, published: str) -> list[dict]:
    text = normalize_text(text)
    out = []
    for r in extract_incidents(text, dt.date.fromisoformat(published)):
        d = dataclasses.asdict(r)
        d["evidence"] = text[r.start_char : r.end_char]
        out.append(d)
    return out


CASES: dict[str, tuple[str, str, list[dict[str, object]]]] = {
    "the_demonym_capital_is_the_city": (
        "2024-05-15",
        "A parked car bomb went off near a bakery in the Afghan capital on Friday, killing at least seven people.",
        [{"location": "Kabul", "country_iso3": "AFG", "killed": 7}],
    ),
    "the_possessive_capital_is_the_city": (
        "2024-05-15",
        "Gunmen stormed a hotel in Somalia's capital on Monday, killing five guards.",
        [{"location": "Mogadishu", "killed": 5}],
    ),
    "the_capital_of_a_country_is_the_city": (
        "2024-05-15",
        "A bomb went off near a police station in the capital of Mali on Sunday, wounding four officers.",
        [{"location": "Bamako", "wounded": 4}],
    ),
    "a_capital_spared_is_no_scene": (
        "2024-05-15",
        "Gunmen killed four soldiers in Gao on Monday. The Malian capital has been spared such attacks.",
        [{"location": "Gao", "killed": 4}],
    ),
    "wounded_told_sentences_later_in_a_quotation": (
        "2024-05-15",
        "Militants killed six villagers in an attack on Kalokuma on Friday, officials said. The village "
        'lies near the border. "The attack left six dead and 20 wounded," district chief Ona Tebbe said.',
        [{"killed": 6, "wounded": 20, "wounded_qualifier": "exact"}],
    ),
    "wounded_told_by_another_source_later": (
        "2024-05-15",
        "Gunmen shot dead nine traders at a market in Bunia on Sunday. Residents fled to nearby farms. "
        "Traders closed their stalls. The governor said some 30 more had been injured.",
        [{"killed": 9, "wounded": 30, "wounded_qualifier": "approx"}],
    ),
    "among_those_who_were_injured": (
        "2024-05-15",
        "A drone strike on a camp near Kirkuk killed four people on Monday. The camp housed families. "
        "Two local leaders were both "
        "among at least 30 people, including guards, who were injured.",
        [{"killed": 4, "wounded": 30, "wounded_qualifier": "at_least"}],
    ),
    "hurt_who_later_died_are_the_dead": (
        "2024-05-15",
        "Five people were killed in a police raid in Recife on Friday. Shops stayed shut. The police "
        'statement spoke of "five suspects injured, who later died in hospital."',
        [{"killed": 5, "wounded": None}],
    ),
    "no_injuries_reported_after_the_event": (
        "2024-05-15",
        "Rebels fired rockets at an army post near Kidal on Tuesday. The army said the rockets fell in "
        "open ground. The post guards a bridge. The army added that no injuries were reported.",
        [{"location": "Kidal", "wounded": 0, "wounded_qualifier": "exact"}],
    ),
    "a_later_tally_of_wounded_is_not_the_event": (
        "2024-05-15",
        "Gunmen killed three traders in Maiduguri on Monday. Shops stayed shut. More than 500 people have been injured in "
        "attacks in the state this year.",
        [{"killed": 3, "wounded": None}],
    ),
    "an_unlisted_village_takes_the_province_the_story_names": (
        "2024-05-15",
        "Bandits killed five farmers in Tungar Kwana village on Monday. Police in Zamfara State confirmed "
        "the attack.",
        [{"location": "Tungar Kwana", "admin1": "Zamfara", "country_iso3": "NGA"}],
    ),
    "an_unlisted_village_takes_the_province_the_story_was_in_last": (
        "2024-05-15",
        "QUETTA: A bomb went off near a checkpoint in Kalanwala village on Monday, killing two soldiers. "
        "Officials in Punjab said later that a similar device had been defused in Multan last week.",
        [{"location": "Kalanwala", "admin1": "Balochistan"}],
    ),
    "an_unlisted_village_in_a_story_with_no_province_has_none": (
        "2024-05-15",
        "Gunmen killed three men in Gadam Kalay village on Monday.",
        [{"location": "Gadam Kalay", "admin1": None}],
    ),
    "a_second_strike_in_the_area_is_at_the_place_before": (
        "2024-05-15",
        "An Israeli airstrike hit a car near Jenin on Monday, killing two men. Hours later, a second "
        "airstrike in the area killed three more fighters, the army said.",
        [{"location": "Jenin", "killed": 2}, {"location": "Jenin", "killed": 3}],
    ),
    "there_points_to_the_place_of_the_sentence_before": (
        "2024-05-15",
        "Kismayo has long been contested. On Monday, militants attacked a market there, killing six people.",
        [{"location": "Kismayo", "killed": 6}],
    ),
    "there_never_reaches_past_the_sentence_before": (
        "2024-05-15",
        "Kismayo has long been contested. Traders say business is slow. On Monday, militants attacked a "
        "market there, killing six people.",
        [{"location": None, "killed": 6}],
    ),
    "there_were_is_no_place": (
        "2024-05-15",
        "Aid groups work in Goma. There were reports on Monday that militants attacked a camp, killing six "
        "people.",
        [{"location": None, "killed": 6}],
    ),
    "a_village_of_a_story_in_the_capital_takes_the_capital_province": (
        "2024-05-15",
        "Two people died when a bomb went off in Dhobighat village on Sunday, Nepal police said. Security "
        "was tightened across the capital.",
        [{"location": "Dhobighat", "admin1": "Bagmati", "country_iso3": "NPL"}],
    ),
    "a_capital_named_is_its_province": (
        "2024-05-15",
        "Gunmen killed three guards in Qala-e-Fatullah village on Monday, Afghan officials said. Kabul has "
        "seen such attacks before.",
        [{"location": "Qala-e-Fatullah", "admin1": "Kabul"}],
    ),
    "another_country_s_capital_is_no_province": (
        "2024-05-15",
        "Militants killed two soldiers in Sabzkhel village in Afghanistan on Monday. The capital of Pakistan "
        "was calm.",
        [{"location": "Sabzkhel", "admin1": None, "country_iso3": "AFG"}],
    ),
    "people_seized_from_a_village_marked_before": (
        "2024-05-15",
        "Gunmen stormed Tunga village in Kebbi State on Friday, killing two guards. On Saturday, bandits "
        "seized nine farmers from Tunga.",
        [{"location": "Tunga", "killed": 2}, {"location": "Tunga", "event_type": "abduction"}],
    ),
    "fighters_who_came_from_a_village_did_not_attack_it": (
        "2024-05-15",
        "Gunmen raided Tunga village in Kebbi State on Friday, killing two guards. On Saturday, fighters "
        "who came from Tunga attacked a bus, killing four people.",
        [{"location": "Tunga", "killed": 2}, {"location": None, "killed": 4}],
    ),
    "a_kidnapping_told_later_leaves_the_killing_an_attack": (
        "2024-05-15",
        "Gunmen killed 14 villagers in Tudun Wada on Sunday, police said. The attackers also abducted "
        "three women, residents said.",
        [{"event_type": "armed_attack", "killed": 14}],
    ),
    "a_kidnapping_in_the_lede_stays_an_abduction": (
        "2024-05-15",
        "Gunmen abducted dozens of pupils from a school in Tudun Wada on Sunday. Police said three guards "
        "were killed in the attack.",
        [{"event_type": "abduction", "killed": 3}],
    ),
    "a_force_whose_men_were_killed_is_no_attacker": (
        "2024-05-15",
        "Four Frontier Corps personnel were martyred as militants stormed a post in Kech on Monday, officials "
        "said.",
        [{"perpetrator": None, "location": "Kech"}],
    ),
    "a_force_that_was_ambushed_is_no_attacker": (
        "2024-05-15",
        "The patrol of the Assam Rifles was ambushed with a mine and then fired upon near Ukhrul on Saturday, "
        "killing four soldiers.",
        [{"perpetrator": None, "location": "Ukhrul"}],
    ),
    "forces_a_group_targets_are_no_attacker": (
        "2024-05-15",
        "A suicide attacker detonated explosives at a market in Samarra on Sunday, killing nine people. "
        "Nobody has claimed the attack yet, but the Islamic State group often carries out bombings targeting "
        "both Iraqi troops and civilians.",
        [{"perpetrator": None, "killed": 9}],
    ),
    "in_those_attacks_points_to_the_place_before": (
        "2024-05-15",
        "Rebels raided Pemba on Friday and set fire to the market. In those attacks, rebels shot dead three "
        "police officers.",
        [{"location": "Pemba", "killed": 3}],
    ),
    "they_after_a_named_group_are_that_group": (
        "2024-05-15",
        "Boko Haram fighters raided Gwoza in March, residents said. Residents fled to Maiduguri. In July they "
        "killed five farmers near Pulka.",
        [{"perpetrator": "Boko Haram", "killed": 5}],
    ),
    "the_jihadists_after_a_named_group_are_that_group": (
        "2024-05-15",
        "Troops fought JNIM near Djibo in 2022. The town has been under blockade since. Last week the "
        "jihadists attacked a market in Arbinda, killing six traders.",
        [{"perpetrator": "Jama'at Nusrat al-Islam wal-Muslimin", "killed": 6}],
    ),
    "a_place_is_written_without_the_gazetteer_s_ayn_mark": (
        "2024-05-15",
        "Gunmen opened fire on a bus in Samarra on Sunday, killing nine people.",
        [{"location": "Samarra", "admin1": "Salahuddin"}],
    ),
    "killed_and_another_injured": (
        "2024-05-15",
        "A ranger was killed and another injured as gunmen fired on a patrol near Sopore on Friday.",
        [{"location": "Sopore", "killed": 1, "wounded": 1, "wounded_qualifier": "exact"}],
    ),
    "another_sustained_gunshot_wounds": (
        "2024-05-15",
        "A guard was shot dead and another sustained bullet wounds when militants fired on a police van "
        "in Bannu on Saturday.",
        [{"location": "Bannu", "killed": 1, "wounded": 1}],
    ),
    "another_injured_soldier_is_no_second_wounded": (
        "2024-05-15",
        "A soldier was killed and another injured soldier died later when a mine hit their truck near Gao "
        "on Monday.",
        [{"location": "Gao", "killed": 1, "wounded": None}],
    ),
    "an_age_decade_is_no_toll": (
        "2024-05-15",
        "Two farmers in their 40s were shot dead when gunmen attacked them near Bannu on Monday.",
        [{"location": "Bannu", "killed": 2, "killed_qualifier": "exact"}],
    ),
    "an_age_decade_after_one_victim": (
        "2024-05-15",
        "A trader in her late 30s was wounded when a bomb exploded in a market in Peshawar on Monday.",
        [{"event_type": "bombing", "location": "Peshawar", "killed": None, "wounded": 1}],
    ),
    "an_age_decade_beside_the_toll": (
        "2024-05-15",
        "Gunmen shot dead three men in their 20s in Quetta on Sunday.",
        [{"location": "Quetta", "killed": 3}],
    ),
    "linked_group_claims_unhyphenated": (
        "2024-05-15",
        "Gunmen killed two guards at a checkpoint in Marka on Saturday. The al-Qaeda linked group "
        "al-Shabaab later claimed responsibility.",
        [{"perpetrator": "al-Shabaab", "killed": 2}],
    ),
    "suspected_to_be_linked_stays_a_hedge": (
        "2024-05-15",
        "Gunmen killed two guards at a checkpoint in Marka on Saturday. A cell suspected to be linked to "
        "al-Shabaab claimed responsibility.",
        [{"perpetrator": None, "killed": 2}],
    ),
    "group_alias_placed_by_province": (
        "2024-05-15",
        "Three policemen were killed on Monday when Maoists blew up their vehicle with a landmine in "
        "Jharkhand's Latehar district, officials said.",
        [{"event_type": "bombing", "perpetrator": "Communist Party of India (Maoist)", "killed": 3}],
    ),
    "killed_by_a_state_strike": (
        "2024-05-15",
        "Four people were killed and nine wounded on Tuesday by a Russian drone strike on a bus in the city "
        "of Kherson, the governor said.",
        [{"event_type": "airstrike", "perpetrator": "Russia", "location": "Kherson", "killed": 4}],
    ),
    "foreign_patrol_is_no_scene_country": (
        "2024-05-15",
        "A car bomb killed six people at a market in Baghdad on Friday, police said. Earlier, a roadside "
        "bomb missed a US patrol on a road in the Zafraniya Dabbagh area, wounding two drivers.",
        [{"location": "Baghdad", "country_iso3": "IRQ"}, {"country_iso3": "IRQ", "wounded": 2}],
    ),
    "claim_about_the_strike_is_speech": (
        "2024-05-15",
        "An Israeli drone strike near the West Bank town of Jenin killed two men on Monday. Islamic Jihad "
        "claimed the strike targeted a family home.",
        [{"event_type": "airstrike", "perpetrator": "Israel", "location": "Jenin", "killed": 2}],
    ),
    "victims_military_base_names_no_state": (
        "2024-05-15",
        "Seven soldiers were killed in central Mali when gunmen stormed their army camp on Sunday. A claim of "
        "responsibility by Ansar Dine came a day later.",
        [{"perpetrator": "Ansar Dine", "killed": 7}],
    ),
    "source_of_the_account_is_no_attacker": (
        "2024-05-15",
        "According to the Kenyan military, five herders were shot dead by gunmen in Mandera county on Friday.",
        [{"perpetrator": None, "killed": 5}],
    ),
    "habitual_claim_is_no_claim": (
        "2024-05-15",
        "Gunmen killed seven villagers in Beni territory on Monday. The ADF rarely claims responsibility for "
        "its attacks.",
        [{"perpetrator": None, "killed": 7}],
    ),
    "airstrike_by_a_named_states_forces": (
        "2024-05-15",
        "Eight fighters died in an airstrike carried out by the United States armed forces near "
        "Jilib in Somalia on Monday.",
        [{"event_type": "airstrike", "perpetrator": "United States"}],
    ),
    "command_conducted_an_airstrike": (
        "2024-05-15",
        "U.S. Africa Command conducted an airstrike near Jilib, Somalia, on Monday, killing four militants.",
        [{"event_type": "airstrike", "perpetrator": "United States"}],
    ),
    "group_named_by_its_kind_claims": (
        "2024-05-15",
        "Gunmen killed six guards at a hotel in Mogadishu on Friday. Al-Shabaab fighters were seen in the area "
        "earlier. The Islamist militant organisation claimed responsibility on Saturday.",
        [{"perpetrator": "al-Shabaab", "location": "Mogadishu", "killed": 6}],
    ),
    "officials_name_the_group_responsible": (
        "2024-05-15",
        "Militiamen killed 23 people at a camp in Djugu territory, Ituri province, on Sunday. Local officials "
        "said the CODECO militia, which claims to defend Lendu farmers, was responsible for the massacre.",
        [{"perpetrator": "CODECO", "killed": 23}],
    ),
    "hedged_group_responsible_stays_null": (
        "2024-05-15",
        "Militiamen killed 23 people at a camp in Djugu territory, Ituri province, on Sunday. Officials said "
        "they suspected the CODECO militia was behind the massacre.",
        [{"perpetrator": None, "killed": 23}],
    ),
    "region_after_near_a_village_is_no_landmark": (
        "2024-05-15",
        "The strike hit a militant camp near Ceel Xaaji in the Hiran region north of the capital, Mogadishu, "
        "on Monday, killing nine fighters, the army said.",
        [{"location": "Hiran", "killed": 9}],
    ),
    "complex_maps_to_its_city": (
        "2024-05-15",
        "Gunmen killed eleven people in an attack at Tamarind complex in Nairobi on Tuesday.",
        [{"location": "Nairobi", "killed": 11}],
    ),
    "title_acronym_is_no_town": (
        "2024-05-15",
        "Two policemen were killed in an IED blast in the Kondagaon district on Friday, the DIG said.",
        [{"location": "Kondagaon", "admin1": None, "killed": 2}],
    ),
    "quadcopter_is_a_drone": (
        "2024-05-15",
        "Two policemen were wounded when militants dropped explosives from a quadcopter on a police post in "
        "Lakki Marwat on Tuesday.",
        [{"event_type": "airstrike", "wounded": 2}],
    ),
    "shells_fired_are_shelling": (
        "2024-05-15",
        "Government troops fired at least 30 shells at Hpruso village on Friday, killing two farmers, "
        "residents said.",
        [{"event_type": "shelling", "killed": 2}],
    ),
    "firing_squad_is_an_execution": (
        "2024-05-15",
        "A firing squad of al-Shabaab fighters killed three men in Jilib on Sunday after a court of the group "
        "convicted them of spying.",
        [{"event_type": "execution", "perpetrator": "al-Shabaab", "killed": 3}],
    ),
    "place_listed_after_from_is_excluded_too": (
        "2024-05-15",
        "Missiles struck a camp of an exiled opposition party in northern Iraq on Saturday, killing nine "
        "people, after the party ignored warnings from Baghdad and Tehran to leave the border area.",
        [{"location": None, "country_iso3": "IRQ", "killed": 9}],
    ),
    "findings_suggest_is_a_hedge": (
        "2024-05-15",
        "A car bomb killed eleven people at a bus station in Diyarbakir on Sunday. Officials said initial "
        "findings suggested the blast was the work of the PKK.",
        [{"event_type": "bombing", "perpetrator": None, "killed": 11}],
    ),
    "where_a_group_was_formed_is_no_scene": (
        "2024-05-15",
        "Militants stormed police posts across Myanmar's Rakhine state on Friday, killing at least 40. ARSA, a "
        "movement founded by refugees living in Malaysia, claimed the raids.",
        [{"location": "Rakhine", "country_iso3": "MMR", "killed": 40}],
    ),
    "division_with_a_lower_case_compass_word": (
        "2024-05-15",
        "At least 14 herders were killed on Sunday in Sudan's north Darfur state by gunmen on camels.",
        [{"location": "North Darfur", "killed": 14}],
    ),
    "double_slash_dateline": (
        "2024-05-15",
        "KHARTOUM // Rebels shelled the main town of South Kordofan state on Monday, killing three children.",
        [{"event_type": "shelling", "location": "South Kordofan", "killed": 3}],
    ),
    "agent_after_the_day": (
        "2024-05-15",
        "Gunmen shot dead seven traders in a market in Central Darfur. The shooting was carried out on "
        "Monday by the Janjaweed, witnesses said.",
        [{"perpetrator": "Janjaweed", "killed": 7}],
    ),
    "place_of_a_visit_is_no_scene": (
        "2024-05-15",
        "Two people were killed as rebels shelled Kadugli in South Kordofan on Friday, while the president "
        "visited Juba.",
        [{"location": "Kadugli", "killed": 2}],
    ),
    "camp_named_alone_is_placed_in_its_town": (
        "2024-05-15",
        "Shelling hit the Hamadiya camp outside Zalingei on Monday, killing four people. On Wednesday, "
        "seven more people were killed in a raid on Hamadiya, residents said.",
        [{"killed": 4}, {"location": "Zalingei", "killed": 7}],
    ),
    "one_place_two_spellings_is_one_event": (
        "2024-05-15",
        "Israel storms a refugee camp in the occupied West Bank's Tulkarem, killing at least four "
        "Palestinians.\n\nFires burned during an Israeli army raid at the Hamadiya camp near the northern city "
        "of Tulkarm on Tuesday.",
        [{"killed": 4, "occurred_on": dt.date(2024, 5, 14)}],
    ),
    # A toll with no weapon after a lede of one side's strikes is one more strike, by that side.
    "bare_toll_in_a_strike_story": (
        "2024-05-15",
        "Israeli air strikes on a school in Jabalia killed nine people on Sunday, medics said. Four people "
        "were killed in a house in the town of Bani Suheila in southern Gaza, the civil defence said.",
        [
            {"event_type": "airstrike", "perpetrator": "Israel", "killed": 9},
            {"event_type": "airstrike", "perpetrator": "Israel", "location": "Bani Suheila", "killed": 4},
        ],
    ),
    "bare_toll_in_a_raid_story": (
        "2024-05-15",
        "Gunmen stormed a village in Zamfara on Sunday, killing nine people. Four people were killed in "
        "the town of Gusau, police said.",
        [{"event_type": "armed_attack", "killed": 9}, {"event_type": "armed_attack", "killed": 4}],
    ),
    # "The al-Qaeda-linked group X claimed": the hyphenated ties hedge nothing and name no claimant.
    "linked_group_claims": (
        "2024-05-15",
        "Gunmen killed two guards at a checkpoint in Baidoa on Saturday. The al-Qaeda-linked militant group "
        "al-Shabaab claimed responsibility for the killing.",
        [{"perpetrator": "al-Shabaab", "killed": 2}],
    ),
    # "X community" in Nigerian reporting is a village; a people's community is none.
    "community_is_a_village": (
        "2024-05-15",
        "Bandits killed seven farmers in an attack on Gidan Kare community in Zamfara State on Monday.",
        [{"location": "Gidan Kare", "killed": 7}],
    ),
    # Of two areas, the one named first is the one the next contains.
    "first_of_two_areas": (
        "2024-05-15",
        "Insurgents beheaded four men on Monday in the Chai administrative post, in Montepuez district.",
        [{"location": "Chai", "killed": 4}],
    ),
    "municipality_in_a_department": (
        "2024-05-15",
        "Rebels killed three soldiers on Monday in a rural area of the municipality of Saravena in Arauca "
        "department.",
        [{"location": "Saravena", "killed": 3}],
    ),
    "area_of_a_city_is_the_city": (
        "2024-05-15",
        "An air strike killed four people late on Monday in the Zeitoun area of Gaza City, medics said.",
        [{"location": "Gaza City", "killed": 4}],
    ),
    # A dateline whose dash is glued to the story's first word is still a filing place, not the scene.
    "dateline_with_a_glued_dash": (
        "2024-05-15",
        "BARA, Pakistan\u2014Militants attacked a police post on Sunday, killing two policemen near "
        "Shalobar village, officials said.",
        [{"location": "Shalobar", "killed": 2}],
    ),
    # "X, a village in ...": the appositive marks the place; the tail of a hyphenated name is no town.
    "appositive_village_and_hyphenated_area": (
        "2024-05-15",
        "Insurgents attacked Dille, a village in the Hawul-Uba area of Borno State, on Monday, killing four "
        "farmers.",
        [{"location": "Dille", "country_iso3": "NGA", "killed": 4}],
    ),
    # An area named as the scene stays an area that a village told next refines.
    "area_named_as_scene_refined_by_a_village": (
        "2024-05-15",
        "The attack occurred in the Gwoza Local Government Area, in Borno, on Sunday, killing three "
        "farmers. The gunmen stormed Kirawa Dutse, a village near the border.",
        [{"location": "Kirawa Dutse", "killed": 3}],
    ),
    "rockets_and_rifles_are_the_assault_arms": (
        "2024-05-15",
        "Militants armed with rockets and assault rifles stormed a checkpoint near Wana on Saturday, killing "
        "six soldiers.",
        [{"event_type": "armed_attack", "killed": 6}],
    ),
    # A scare-quoted "execution" by gunmen is no state's sentence.
    "scare_quoted_execution_names_no_state": (
        "2024-05-15",
        'The "execution" of five men at a bar in Celaya on Sunday shocked residents, police said.',
        [{"perpetrator": None, "location": "Celaya"}],
    ),
    # The forces a group attacked are its victims, not the attacker.
    "attacked_troops_are_no_perpetrator": (
        "2024-05-15",
        "The group said its fighters attacked the Nigerian troops in Gubio on Sunday, killing 12 soldiers, "
        "after which the insurgents seized three trucks.",
        [{"perpetrator": None, "killed": 12}],
    ),
    # Where the attackers came from is no scene.
    "origin_country_is_no_scene": (
        "2024-05-15",
        "Gunmen who crossed from Afghanistan attacked a checkpoint on Sunday, killing three soldiers, a "
        "Pakistani official said.",
        [{"country_iso3": "PAK", "killed": 3}],
    ),
    # A sponsor's country ("U.S.-backed") is no scene: a placeless row takes the country the story is in.
    "sponsor_country_is_no_scene": (
        "2024-05-15",
        "Gunmen killed four members of a U.S.-backed militia on Sunday, officials in Kandahar province said.",
        [{"country_iso3": "AFG", "killed": 4}],
    ),
    # A town the text names as a landmark the scene borders is no scene.
    "bordering_town_is_a_landmark": (
        "2024-05-15",
        "Militants attacked a police post in Bannu district bordering North Waziristan on Sunday, "
        "killing two policemen.",
        [{"location": "Bannu", "killed": 2}],
    ),
    # A village the text marks as such beats a town of the same rank in the clause.
    "marked_village_beats_a_town": (
        "2024-05-15",
        "Gunmen raided the Dabarkin village near the road to Katsina on Sunday, killing six farmers.",
        [{"location": "Dabarkin", "killed": 6}],
    ),
    "village_of_a_state_capital_name": (
        "2024-05-15",
        "Bandits stormed the Tsaunin Gero village in the Faskari area of Katsina on Monday, killing 11 people.",
        [{"location": "Tsaunin Gero", "admin1": "Katsina", "killed": 11}],
    ),
    # A district whose name holds a given name is still marked as a place by its noun.
    "district_name_with_a_given_name": (
        "2024-05-15",
        "A roadside bomb killed three soldiers in the Nari Ali district of Helmand province on Monday.",
        [{"location": "Nari Ali", "event_type": "bombing", "killed": 3}],
    ),
    # A police or army post named after its place places the event there.
    "post_named_after_its_place": (
        "2024-05-15",
        "Ten policemen were killed when militants stormed Gharbala police station in Lakki Marwat district "
        "on Tuesday.",
        [{"location": "Gharbala", "killed": 10}],
    ),
    "base_named_after_its_place": (
        "2024-05-15",
        "A suicide bomber struck the Barawein base in Lower Shabelle region on Friday, killing five soldiers.",
        [{"location": "Barawein", "event_type": "suicide_bombing", "killed": 5}],
    ),
    "air_base_is_no_place_name": (
        "2024-05-15",
        "Two contractors were killed when rockets hit Balad Air Base in Salahuddin province on Friday.",
        [{"location": "Salahuddin", "killed": 2}],
    ),
    # A camp the text names as such maps to its town, not to "the X area" told later.
    "camp_area_is_no_town": (
        "2024-05-15",
        "Three men were killed in an Israeli drone strike on the Wadi Rimal camp near Jenin on Monday. "
        "The army said its aircraft struck a cell in the Wadi Rimal area.",
        [{"location": "Jenin", "killed": 3}],
    ),
    # Rocket-propelled grenades and rocket launchers are the attackers' arms, not artillery.
    "rocket_propelled_grenades_are_no_shelling": (
        "2024-05-15",
        "Militants opened fire with rifles and rocket-propelled grenades on a checkpoint in Zhob on Sunday, "
        "killing four soldiers.",
        [{"event_type": "armed_attack", "killed": 4}],
    ),
    "grenades_and_guns_are_an_armed_attack": (
        "2024-05-15",
        "The assailants used grenades and automatic weapons on the station in Tank on Sunday, killing "
        "three policemen.",
        [{"event_type": "armed_attack", "killed": 3}],
    ),
    # Who planted the bomb set it off; landmines planted by a group are no agent of an airstrike.
    "bomb_planted_by_a_group": (
        "2024-05-15",
        "A roadside bomb planted by al-Shabaab fighters killed four soldiers near Marka on Sunday.",
        [{"perpetrator": "al-Shabaab", "event_type": "bombing", "killed": 4}],
    ),
    "landmines_planted_by_a_group_are_no_airstrike_agent": (
        "2024-05-15",
        "Myanmar's military said its airstrike on Sunday hit landmines planted by the Arakan Army in Paletwa, "
        "killing 12 people.",
        [{"perpetrator": "Myanmar", "event_type": "airstrike", "killed": 12}],
    ),
    # A lede's vague plural gives way to the figure the body gives for the same event.
    "vague_lede_toll_gives_way": (
        "2024-05-10",
        "ABUJA - Dozens have been killed in an attack on a market in Borno state. The attackers killed at "
        "least 45 people at the market in Bama on Friday, police said.",
        [{"location": "Bama", "killed": 45, "killed_qualifier": "at_least"}],
    ),
    "vague_headline_toll_gives_way": (
        "2024-05-10",
        "Scores feared dead in raid on farming village\n\nAt least 38 people were killed when gunmen "
        "raided the village of Tudun Kaya in Katsina state on Thursday, a lawmaker said.",
        [{"killed": 38, "killed_qualifier": "at_least"}],
    ),
    # No country named, only its people: the demonym gives the country, not the attacker's side.
    "demonym_gives_the_country": (
        "2024-05-15",
        "Al Shabaab fighters killed nine Somali soldiers and briefly overran an army post, officials said.",
        [{"perpetrator": "al-Shabaab", "country_iso3": "SOM", "killed": 9}],
    ),
    # A hedge before a spelled-out name also hedges the acronym after it, and reaches past an appositive.
    "hedge_reaches_the_acronym": (
        "2024-05-15",
        "Four police officers were killed and two injured when their convoy was attacked on Tuesday by "
        "suspected militants of the United Liberation Front of Assam (ULFA) at Digboi in Tinsukia district.",
        [{"perpetrator": None, "location": "Digboi", "killed": 4}],
    ),
    "hedge_reaches_past_an_appositive": (
        "2024-05-15",
        "Gunmen, believed to be from the outlawed separatist outfit ULFA, ambushed a police patrol near "
        "Tinsukia on Friday, killing three officers.",
        [{"perpetrator": None, "killed": 3}],
    ),
    # "Russian or Syrian warplanes": the text does not know which side struck.
    "either_side_is_no_perpetrator": (
        "2024-05-10",
        "Air strikes carried out by Russian or Syrian warplanes killed at least 14 people in the town of "
        "Saraqeb on Tuesday, a monitor said.",
        [{"event_type": "airstrike", "perpetrator": None, "location": "Saraqeb", "killed": 14}],
    ),
    # "Lt. Col. Ramon Cruz": a name after an abbreviated title is a person, not the town it spells.
    "abbreviated_title_name_is_no_place": (
        "2024-05-12",
        "MANILA - Rebels ambushed an army patrol on Basilan island on Friday, killing three soldiers, army "
        "spokesman Lt. Col. Ramon Cruz said.",
        [{"location": "Basilan", "killed": 3}],
    ),
    # "the city of X was (reportedly) attacked" names no means: other (rules v2 type by the means).
    "town_was_attacked_names_no_means": (
        "2024-05-12",
        "On Sunday evening the city of Odesa was reportedly attacked, leaving four civilians injured, the "
        "governor said.",
        [{"event_type": "other", "location": "Odesa", "wounded": 4}],
    ),
    # The place after the event word's own preposition ("the raid in X") is the scene; a town named as
    # the seat of a government or of officials ("the government in Kano") is not.
    "event_preposition_beats_officials_seat": (
        "2024-05-10",
        "Officials in Peshawar said six people were killed in an attack at Charsadda on Monday.",
        [{"location": "Charsadda", "killed": 6}],
    ),
    "event_preposition_names_unlisted_town": (
        "2024-05-10",
        "ABUJA - Gunmen killed nine police officers in a raid near Kano on Friday, police said. Bandits, "
        "who have long defied the government in Kano, carried out Friday's raid in Gidan Bakwai town, "
        "50km south of Kano, a police spokesman said.",
        [{"location": "Gidan Bakwai", "killed": 9}],
    ),
    # A place whose relative clause tells the violence is the scene, even after 'to'.
    "where_clause_after_moving_to": (
        "2024-05-10",
        "KANO - Gunmen on motorcycles raided Kaura Namoda on Sunday before moving on to Gusau, where they "
        "killed 12 people.",
        [{"location": "Gusau", "killed": 12}],
    ),
    "where_clause_unlisted_village": (
        "2024-05-10",
        "KANO - The bandits later rode to the village of Dan Kurmi where they gunned down nine farmers on "
        "Monday.",
        [{"location": "Dan Kurmi", "killed": 9}],
    ),
    # The group that was hit is no perpetrator (rules v2: the agent of the violence).
    "victim_group_headline_killed_in_strikes": (
        "2024-05-10",
        "Four Houthi fighters killed in air strikes on Hodeidah on Sunday.",
        [{"event_type": "airstrike", "perpetrator": None, "location": "Hodeidah", "killed": 4}],
    ),
    "victim_group_targeted_by_a_strike": (
        "2024-05-10",
        "A drone strike targeting the militant group al-Shabaab killed five people near Kismayo on Friday.",
        [{"event_type": "airstrike", "perpetrator": None, "location": "Kismayo", "killed": 5}],
    ),
    "victim_group_members_of_killed": (
        "2024-05-10",
        "Soldiers killed twelve members of the armed group Boko Haram near Bama on Monday.",
        [{"perpetrator": "Nigeria", "location": "Bama", "killed": 12}],
    ),
    "victim_group_among_the_dead": (
        "2024-05-10",
        "An air strike killed 30 people, including at least 25 Houthi fighters, near Hodeidah on Sunday.",
        [{"event_type": "airstrike", "perpetrator": None, "killed": 30}],
    ),
    "group_that_kills_stays_the_agent": (
        "2024-05-10",
        "Boko Haram fighters killed twelve villagers near Bama on Monday.",
        [{"perpetrator": "Boko Haram", "location": "Bama", "killed": 12}],
    ),
    "roadside_bomb_dateline_elsewhere": (
        "2024-03-06",
        "PESHAWAR — A roadside bomb tore through a police van in the Bannu district of Khyber Pakhtunkhwa on "
        "Monday, killing four officers and injuring seven others, police said.",
        [
            {
                "event_type": "bombing",
                "location": "Bannu",
                "admin1": "Khyber Pakhtunkhwa",
                "country_iso3": "PAK",
                "occurred_on": dt.date(2024, 3, 4),
                "killed": 4,
                "killed_qualifier": "exact",
                "wounded": 7,
            }
        ],
    ),
    "claim_in_next_sentence": (
        "2024-03-09",
        "Gunmen stormed a hotel in Mogadishu on Friday, killing at least 12 people. Al-Shabaab claimed "
        "responsibility for the attack.",
        [
            {
                "event_type": "armed_attack",
                "perpetrator": "al-Shabaab",
                "location": "Mogadishu",
                "occurred_on": dt.date(2024, 3, 8),
                "killed": 12,
                "killed_qualifier": "at_least",
            }
        ],
    ),
    "toll_rose_replaces_first_figure": (
        "2023-02-01",
        "The death toll from Monday's suicide bombing at a mosque in Peshawar rose to 61, officials said on "
        "Wednesday. The blast, claimed by the Pakistani Taliban, initially killed 44 people and wounded more "
        "than 150.",
        [
            {
                "event_type": "suicide_bombing",
                "perpetrator": "Tehreek-e-Taliban Pakistan",
                "location": "Peshawar",
                "occurred_on": dt.date(2023, 1, 30),
                "killed": 61,
                "wounded": 150,
                "wounded_qualifier": "at_least",
            }
        ],
    ),
    "later_update_replaces_toll": (
        "2024-05-13",
        "At least 15 people were killed when a car bomb exploded near a market in Mogadishu on Saturday.\n\n"
        "Later, the toll rose to 20, hospital officials said.",
        [
            {
                "event_type": "bombing",
                "killed": 20,
                "killed_qualifier": "exact",
                "occurred_on": dt.date(2024, 5, 11),
            }
        ],
    ),
    "state_airstrike_demonym": (
        "2024-10-03",
        "Israeli airstrikes on the southern Lebanese city of Nabatieh killed at least 10 people on "
        "Wednesday, "
        "Lebanon's health ministry said.",
        [
            {
                "event_type": "airstrike",
                "perpetrator": "Israel",
                "country_iso3": "LBN",
                "occurred_on": dt.date(2024, 10, 2),
                "killed": 10,
                "killed_qualifier": "at_least",
            }
        ],
    ),
    "abduction_is_not_a_toll": (
        "2024-06-10",
        "Gunmen abducted 20 passengers from a bus in Kaduna state on Sunday, police said.",
        [{"event_type": "abduction", "killed": None, "wounded": None, "occurred_on": dt.date(2024, 6, 9)}],
    ),
    "separate_attack_two_rows": (
        "2024-04-02",
        "A suicide bomber detonated his explosives vest at a bank in Kandahar on Thursday, killing 21 people. "
        "Islamic State Khorasan claimed the bombing.\n\nIn a separate attack on Friday, gunmen shot dead "
        "three "
        "aid workers in Jalalabad.",
        [
            {
                "event_type": "suicide_bombing",
                "perpetrator": "Islamic State",
                "location": "Kandahar",
                "killed": 21,
            },
            {
                "event_type": "armed_attack",
                "perpetrator": None,
                "location": "Jalalabad",
                "killed": 3,
                "occurred_on": dt.date(2024, 3, 29),
            },
        ],
    ),
    "two_districts_two_rows": (
        "2024-05-13",
        "In Kunduz, gunmen killed five worshippers at a mosque on Friday. In Herat, a bomb wounded 10 people "
        "on Saturday.",
        [{"location": "Kunduz", "killed": 5}, {"event_type": "bombing", "location": "Herat", "wounded": 10}],
    ),
    "blamed_is_not_perpetrator": (
        "2024-05-15",
        "Two police officers were shot dead in Quetta on Monday. Officials blamed the Balochistan Liberation "
        "Army for the attack.",
        [{"event_type": "armed_attack", "perpetrator": None, "location": "Quetta", "killed": 2}],
    ),
    "execution_by_the_state": (
        "2024-05-15",
        "Three men were hanged in Isfahan on Tuesday after being convicted of killing a police officer, the "
        "judiciary said.",
        [{"event_type": "execution", "perpetrator": "Iran", "location": "Isfahan", "killed": 3}],
    ),
    "missile_strike_is_airstrike": (
        "2025-01-20",
        "A Russian missile hit an apartment block in Kharkiv on Sunday, killing four people and wounding "
        "22, regional officials said. Officials called it the deadliest strike there in weeks.",
        [
            {
                "event_type": "airstrike",
                "perpetrator": "Russia",
                "location": "Kharkiv",
                "killed": 4,
                "wounded": 22,
                "occurred_on": dt.date(2025, 1, 19),
            }
        ],
    ),
    "clash_has_no_perpetrator": (
        "2024-05-10",
        "Troops and Tehreek-e-Taliban Pakistan fighters clashed in North Waziristan on Thursday, leaving "
        "five "
        "soldiers dead, the military said.",
        [{"event_type": "armed_clash", "perpetrator": None, "location": "North Waziristan", "killed": 5}],
    ),
    "hours_later_same_day": (
        "2024-05-15",
        "A bomb exploded at a bus stop in Kohat on Monday, killing six people. Hours later, a second bomb "
        "struck a police station in Bannu, wounding nine officers.",
        [
            {"location": "Kohat", "killed": 6, "occurred_on": dt.date(2024, 5, 13)},
            {"location": "Bannu", "wounded": 9, "occurred_on": dt.date(2024, 5, 13)},
        ],
    ),
    "background_event_keeps_no_day": (
        "2024-05-15",
        "Gunmen killed three teachers in Khuzdar on Monday. Last month, a bomb killed seven people in "
        "Turbat.",
        [
            {"location": "Khuzdar", "killed": 3, "occurred_on": dt.date(2024, 5, 13)},
            {"location": "Turbat", "killed": 7, "occurred_on": None},
        ],
    ),
    "coordinated_claim_covers_all": (
        "2024-05-15",
        "Militants stormed a police post in Kalat on Monday, killing eight officers. In Mastung, gunmen "
        "killed "
        "four labourers. The Balochistan Liberation Army claimed responsibility for the attacks.",
        [
            {"location": "Kalat", "perpetrator": "Balochistan Liberation Army", "killed": 8},
            {"location": "Mastung", "perpetrator": "Balochistan Liberation Army", "killed": 4},
        ],
    ),
    "subgroups_are_summed": (
        "2024-05-19",
        "Gunmen opened fire on tourists in Bamyan on Friday. Two Spanish visitors and three Afghan guides "
        "were killed, police said.",
        [{"location": "Bamyan", "killed": 5}],
    ),
    "a_day_after_is_the_day_before": (
        "2024-05-12",
        "Militants attacked a military post in North Waziristan on Friday, killing four soldiers. The attack "
        "came a day after a suicide bomber struck a police convoy in Bannu, killing two officers.",
        [
            {"location": "North Waziristan", "killed": 4, "occurred_on": dt.date(2024, 5, 10)},
            {
                "event_type": "suicide_bombing",
                "location": "Bannu",
                "killed": 2,
                "occurred_on": dt.date(2024, 5, 9),
            },
        ],
    ),
    "dateline_abroad_is_no_fallback": (
        "2025-02-25",
        "GENEVA — The UN refugee agency said on Tuesday that thousands had fled eastern Congo.\n\nRebels "
        "seized "
        "the city of Goma last month. Hospitals in the city said at least 700 people were killed in the "
        "fighting.",
        [{"event_type": "armed_clash", "location": "Goma", "country_iso3": "COD", "killed": 700}],
    ),
    "capital_dateline_is_no_scene_when_the_body_names_other_towns": (
        "2025-03-04",
        "ABUJA — Gunmen killed seven farmers on Sunday in Guma, Benue State, police said.\n\nIn a separate "
        "attack on Monday, gunmen shot dead two traders at a market, a police spokesman said.",
        [
            {"location": "Guma", "killed": 7, "occurred_on": dt.date(2025, 3, 2)},
            {"location": None, "country_iso3": "NGA", "killed": 2, "occurred_on": dt.date(2025, 3, 3)},
        ],
    ),
    "dateline_town_named_again_in_the_body_stays_the_scene": (
        "2025-03-04",
        "MAIDUGURI — A bomb killed three people at a cattle market on Monday, police said.\n\nTraders from "
        "Konduga and Bama come to the market, the busiest in Maiduguri.",
        [{"event_type": "bombing", "location": "Maiduguri", "killed": 3}],
    ),
    "passive_killing_by_gunmen_without_a_number": (
        "2025-03-04",
        "A ward councillor in Jos was killed on Saturday night by gunmen, police said.",
        [
            {
                "event_type": "armed_attack",
                "location": "Jos",
                "occurred_on": dt.date(2025, 3, 1),
                "killed": None,
            }
        ],
    ),
    "month_of_may_is_no_modal": (
        "2025-06-04",
        "In late May bandits abducted 20 worshippers from a mosque in Katsina, police said.",
        [{"event_type": "abduction", "location": "Katsina", "occurred_on": None}],
    ),
    "drone_strike_on_depot_without_toll": (
        "2025-03-02",
        "Ukrainian drones struck an oil depot in Russia's Bryansk region early on Saturday, setting it on "
        "fire, "
        "the regional governor said. There were no casualties.",
        [
            {
                "event_type": "airstrike",
                "perpetrator": "Ukraine",
                "country_iso3": "RUS",
                "occurred_on": dt.date(2025, 3, 1),
                "killed": 0,  # rules v2: "no casualties" gives 0, exact
                "wounded": 0,
            }
        ],
    ),
    "year_dated_single_event": (
        "2024-12-16",
        "In 2014, gunmen killed 147 people at an army-run school in Peshawar. The country has lost more than "
        "80,000 lives in the war on terror, officials say.",
        [{"location": "Peshawar", "killed": 147, "occurred_on": None}],
    ),
    "speaker_capital_is_not_the_scene": (
        "2024-01-18",
        "Drones hit a village in Panjgur district on Tuesday night, killing two children. Islamabad said "
        "three "
        "girls were also wounded in the strike.",
        [{"event_type": "airstrike", "location": "Panjgur", "killed": 2, "wounded": 3}],
    ),
    "victim_demonyms_are_not_perpetrators": (
        "2024-05-18",
        "Militants ambushed a convoy in Kurram on Friday, killing three Pakistani soldiers. Two Iranian "
        "border guards were wounded in a separate attack near Saravan on Friday.",
        [
            {"perpetrator": None, "location": "Kurram", "killed": 3},
            {"perpetrator": None, "location": "Saravan", "wounded": 2},
        ],
    ),
    "single_victim_counts_one": (
        "2024-05-17",
        "A bomb hidden in a motorcycle exploded near a police van in Peshawar on Thursday, killing a "
        "policeman and wounding five bystanders.",
        [{"event_type": "bombing", "killed": 1, "wounded": 5, "occurred_on": dt.date(2024, 5, 16)}],
    ),
    "two_events_in_one_sentence": (
        "2024-09-30",
        "Last month, a bombing at a rail station in Quetta killed 26 people, and in July gunmen killed nine "
        "bus passengers in Kech.",
        [
            {"event_type": "bombing", "location": "Quetta", "killed": 26, "occurred_on": None},
            {"event_type": "armed_attack", "killed": 9, "occurred_on": None},
        ],
    ),
    "days_later_counts_from_previous_event": (
        "2024-03-20",
        "Seven soldiers were killed on Saturday when militants attacked a military post in North Waziristan. "
        "Two days later, Pakistani jets struck hideouts in Afghanistan's Khost province, killing eight. "
        "The Taliban's defence ministry said its forces had targeted Pakistani posts in response.",
        [
            {"perpetrator": None, "killed": 7, "occurred_on": dt.date(2024, 3, 16)},
            {
                "event_type": "airstrike",
                "perpetrator": "Pakistan",
                "location": "Khost",
                "killed": 8,
                "occurred_on": dt.date(2024, 3, 18),
            },
        ],
    ),
    "martyred_is_killed": (
        "2024-07-20",
        "At least six soldiers were martyred when militants attacked a check post in Pakistan’s Zhob district on Friday.",
        [{"event_type": "armed_attack", "location": "Zhob", "killed": 6, "killed_qualifier": "at_least"}],
    ),
    "running_total_since_is_not_the_event": (
        "2024-07-02",
        "Gunmen killed three village guards in Bishnupur on Sunday, police said. Some 95 residents have been "
        "killed and over 260 injured in the region since March 8.",
        [{"killed": 3, "wounded": None, "occurred_on": dt.date(2024, 6, 30)}],
    ),
    "day_before_said_dates_the_statement": (
        "2024-07-28",
        "Al-Shabaab on Monday said it was behind a car bombing in Mogadishu that killed a soldier.",
        [{"event_type": "bombing", "location": "Mogadishu", "occurred_on": None, "killed": 1}],
    ),
    "also_day_claimed_dates_the_claim": (
        "2024-06-25",
        "Also Monday, the Arab coalition claimed that its warplanes killed at least 25 Houthi rebels "
        "in Hajjah province.",
        [{"event_type": "airstrike", "occurred_on": None, "killed": 25}],
    ),
    "toll_update_day_is_not_the_event_day": (
        "2024-04-23",
        "The death toll in the church bombings in Colombo rose to 310 on Tuesday, police said.",
        [{"event_type": "bombing", "occurred_on": None, "killed": 310}],
    ),
    "the_incident_gives_the_day": (
        "2024-07-03",
        "Two farmers were killed after gunmen opened fire on a night patrol in Imphal, police "
        "said on Tuesday. The incident took place shortly after midnight on Monday, officers added.",
        [{"event_type": "armed_attack", "killed": 2, "occurred_on": dt.date(2024, 7, 1)}],
    ),
    "second_bomber_keeps_the_kind": (
        "2023-10-01",
        "A suicide bomber killed 50 people at a procession in Mastung on Friday. Hours later, a second "
        "bomber struck a mosque in Hangu, killing five.",
        [
            {"event_type": "suicide_bombing", "location": "Mastung", "killed": 50},
            {"event_type": "suicide_bombing", "location": "Hangu", "killed": 5},
        ],
    ),
    "agency_dateline_date_is_not_the_event_day": (
        "2024-10-14",
        "Gaza Strip, (APP - Example Agency - 14th Oct, 2024) Israeli shelling late Sunday killed at least 15 "
        "people at a clinic in Gaza's Nuseirat camp, rescuers said.",
        [{"event_type": "shelling", "location": "Nuseirat", "occurred_on": dt.date(2024, 10, 13)}],
    ),
    "colon_dateline_is_not_the_place": (
        "2024-08-04",
        "AMMAN: An Israeli airstrike on a bakery in Gaza City killed 11 people on Saturday.",
        [{"location": "Gaza City", "country_iso3": "PSE", "occurred_on": dt.date(2024, 8, 3)}],
    ),
    "weapon_in_passing_does_not_retype": (
        "2019-01-15",
        "Militants attacked a military base in Maiduguri on Monday, killing four soldiers. Witnesses said "
        "the fighters came on motorbikes. Bad weather delayed the dispatch of air force jets, and "
        "troops pulled back.",
        [{"event_type": "armed_attack", "killed": 4}],
    ),
    "bomber_in_next_sentence_is_the_latest_story": (
        "2019-07-28",
        "A car bombing killed a civilian in Damascus on Monday. On Saturday, gunmen attacked an army "
        "checkpoint in Daraa, killing six soldiers. The monitor said a bomber on a scooter blew "
        "himself up at the checkpoint.",
        [
            {"event_type": "bombing", "location": "Damascus"},
            {"event_type": "suicide_bombing", "location": "Daraa", "killed": 6},
        ],
    ),
    "unlisted_village_named_by_its_noun": (
        "2023-07-02",
        "Four men were killed after gunmen opened fire on farm workers in Bishnupur "
        "district of India's Manipur state late Sunday. The shooting took place at Korvanta village, officers said.",
        [{"location": "Korvanta", "country_iso3": "IND", "killed": 4}],
    ),
    "unlisted_name_right_after_the_event": (
        "2024-10-06",
        "SAINT-MARC, Haiti \u2014 Gang members attacked the town of Pont-Sonde on Thursday, killing at "
        "least 70 people. The attack in Pont-Sonde happened before dawn.",
        [{"location": "Pont-Sonde", "country_iso3": "HTI", "killed": 70}],
    ),
    "landmark_city_is_not_the_scene": (
        "2019-01-15",
        "The attack in Kawri, about 90 kilometres from the Borno state capital, "
        "Maiduguri, on Monday killed five soldiers in Nigeria.",
        [{"location": "Kawri", "country_iso3": "NGA", "killed": 5}],
    ),
    "province_beats_capital_it_is_near": (
        "2018-06-25",
        "Airstrikes killed at least six civilians on Tuesday in Yemen's northwestern Amran province near "
        "the capital, Sanaa, officials said.",
        [{"admin1": "Amran", "killed": 6}],
    ),
    "building_after_the_event_is_not_a_town": (
        "2024-05-02",
        "Five people were killed in an attack at Al-Noor hospital in Kabul on Monday.",
        [{"location": "Kabul", "killed": 5}],
    ),
    "toll_after_an_including_list": (
        "2022-01-28",
        "Local officials said over 30 people including elders, traders and herders were killed, two dozen "
        "others were injured after armed youths attacked Bor in South Sudan on Sunday.",
        [{"killed": 30, "killed_qualifier": "at_least", "wounded": 24, "wounded_qualifier": "exact"}],
    ),
    "strikes_by_a_coalition": (
        "2018-06-25",
        "Two airstrikes carried out by the Saudi-led coalition on Tuesday killed at least five civilians in "
        "Yemen's Hajjah province.",
        [{"event_type": "airstrike", "perpetrator": "Saudi Arabia", "killed": 5}],
    ),
    "group_said_it_was_responsible": (
        "2019-07-28",
        "A suicide bomber killed six soldiers at a checkpoint in Daraa on Saturday. The Islamic State group "
        "later said it was responsible for the attack.",
        [{"event_type": "suicide_bombing", "perpetrator": "Islamic State", "killed": 6}],
    ),
    "linked_gunmen_are_not_the_group": (
        "2017-12-31",
        "Islamic State-linked gunmen attacked a village in Datu Piang town on Sunday, killing two farmers.",
        [{"perpetrator": None, "killed": 2}],
    ),
    "disguise_is_not_the_attacker": (
        "2019-04-18",
        "Gunmen wearing uniforms of the Frontier Corps carried out the attack near Ormara in Pakistan on "
        "Thursday, killing 14 passengers.",
        [{"perpetrator": None, "location": "Ormara", "killed": 14}],
    ),
    "attack_committed_by_a_group": (
        "2017-12-31",
        "Gunmen torched houses in Datu Piang town in the Philippines on Sunday. The attack was committed by "
        "the Bangsamoro Islamic Freedom Fighters, the army said.",
        [{"event_type": "armed_attack", "perpetrator": "Bangsamoro Islamic Freedom Fighters"}],
    ),
    "counter_terrorism_police_are_the_state": (
        "2024-05-10",
        "The Counter Terrorism Department carried out a raid in Dera Ismail Khan on Thursday, killing "
        "three suspects.",
        [{"perpetrator": "Pakistan", "killed": 3}],
    ),
    "one_of_their_strikes_is_an_event": (
        "2018-06-25",
        "The Saudi-led coalition said one of their airstrikes had killed 27 Houthi rebels in Yemen's "
        "Jawf province on Sunday.",
        [{"perpetrator": "Saudi Arabia", "killed": 27, "occurred_on": dt.date(2018, 6, 24)}],
    ),
    "said_then_event_then_day": (
        "2024-10-14",
        "Medics said Israeli shelling early Sunday killed at least eight people in Gaza's Maghazi camp.",
        [{"event_type": "shelling", "occurred_on": dt.date(2024, 10, 13), "killed": 8}],
    ),
    "span_holding_the_day_refers_back": (
        "2017-12-31",
        "Gunmen stormed a village in Datu Piang town in the Philippines early Sunday. The attack was the "
        "latest committed by the BIFF, residents said.",
        [{"perpetrator": "Bangsamoro Islamic Freedom Fighters", "occurred_on": dt.date(2017, 12, 31)}],
    ),
    "unlisted_place_takes_the_setting_country": (
        "2024-04-09",
        "Four border guards were killed in an ambush in Iran's Sistan and Baluchestan province. Gunmen "
        "ambushed two patrols in Sib, an official said. The district lies next to Pakistan.",
        [{"location": "Sib", "country_iso3": "IRN", "killed": 4}],
    ),
    "one_named_victim": (
        "2024-06-05",
        "Gunmen shot dead journalist Ahmed Karimzai in Peshawar on Tuesday, police said.",
        [{"event_type": "armed_attack", "location": "Peshawar", "killed": 1, "killed_qualifier": "exact"}],
    ),
    "victim_named_by_office_alone": (
        "2024-06-05",
        "A roadside bomb killed the district governor of Sangin in Helmand province on Tuesday, police said.",
        [{"event_type": "bombing", "killed": 1, "killed_qualifier": "exact"}],
    ),
    "office_holder_wounded_in_the_passive": (
        "2024-06-05",
        "Gunmen attacked a checkpoint in Bannu on Tuesday, killing four policemen. The post commander was "
        "also injured, officials said.",
        [{"killed": 4, "wounded": 1, "wounded_qualifier": "exact"}],
    ),
    "second_attack_in_a_week_is_a_comparison": (
        "2024-06-05",
        "Gunmen shot dead nine villagers in Kokrajhar on Tuesday night, police said. Tuesday's massacre in "
        "Kokrajhar was the second attack by the rebels in a week.",
        [{"killed": 9, "location": "Kokrajhar"}],
    ),
    "while_joins_a_second_place_and_its_own_toll": (
        "2024-06-05",
        "The governor said two civilians were killed by shelling in Kupiansk on Tuesday, while another four "
        "died due to shelling in Izium.",
        [
            {"event_type": "shelling", "location": "Kupiansk", "killed": 2},
            {"event_type": "shelling", "location": "Izium", "killed": 4},
        ],
    ),
    "fighters_killed_in_an_army_operation_are_a_clash": (
        "2024-06-05",
        "In April, four fighters were killed in a search operation in Lakki Marwat, while another "
        "died in a gunfight with police in Tank district.",
        [
            {"event_type": "armed_clash", "location": "Lakki Marwat", "killed": 4},
            {"event_type": "armed_clash", "location": "Tank", "killed": 1},
        ],
    ),
    "comparison_names_the_earlier_event_with_its_date": (
        "2024-06-05",
        "A bomb killed 12 people in Pakistan on Tuesday. It was the deadliest attack in the country since "
        "January, when a suicide bomber killed 30 people at a mosque in Peshawar. At least 20 others were "
        "wounded as the bomb ripped through a bus station in Quetta.",
        [
            {"event_type": "bombing", "killed": 12, "wounded": 20, "location": "Quetta"},
            {"event_type": "suicide_bombing", "killed": 30, "wounded": None, "location": "Peshawar"},
        ],
    ),
    "superlative_scope_is_no_tally": (
        "2024-06-05",
        "Two policemen were killed by a bomb in Dantewada on Saturday. The attack comes a week after "
        "security forces killed 12 rebels, the heaviest losses suffered by the rebels in the last ten "
        "years, in an encounter in Bijapur district.",
        [{"killed": 2}, {"event_type": "armed_clash", "killed": 12, "location": "Bijapur"}],
    ),
    # A lede that counts the events ("attacked three sites") and then tells them one by one: the lede
    # stays one row, each part is a row of its own with its own toll, on the lede's day and in its town.
    "a_counted_lede_then_each_part_by_number": (
        "2024-05-15",
        "Militants attacked three sites in Garissa on Monday, killing at least 11 people, officials said. "
        "The first attack targeted an army camp outside the town. The fighters detonated a car bomb at its "
        "gate before storming the camp. The raid left nine soldiers dead. Later the militants entered "
        "the town and attacked the police station. Two officers were killed in that attack. The third attack "
        "hit the county offices. The militants set off explosives at the building, causing damage.",
        [
            {"location": "Garissa", "occurred_on": dt.date(2024, 5, 13), "killed": 11},
            {"location": "Garissa", "occurred_on": dt.date(2024, 5, 13), "killed": 9},
            {"location": "Garissa", "occurred_on": dt.date(2024, 5, 13), "killed": 2},
            {
                "event_type": "bombing",
                "location": "Garissa",
                "occurred_on": dt.date(2024, 5, 13),
                "killed": None,
            },
        ],
    ),
    # Parts with their own district, their own toll, or a new act ("Meanwhile, ... a bomb") after a lede
    # that counted two attacks in two provinces: each a row on the lede's day.
    "a_counted_lede_then_parts_by_place_toll_and_act": (
        "2024-05-15",
        "Insurgents carried out two attacks on soldiers in Pattani and Yala on Tuesday, wounding five in "
        "total. In Yala's Raman district, a patrol was hit by a roadside bomb, wounding two rangers. Gunmen "
        "opened fire on an army post in Pattani, wounding three soldiers. Meanwhile, insurgents set off a "
        "bomb near a school in Pattani, but no one was hurt.",
        [
            {"wounded": 5, "occurred_on": dt.date(2024, 5, 14)},
            {"event_type": "bombing", "location": "Raman", "wounded": 2, "occurred_on": dt.date(2024, 5, 14)},
            {"event_type": "armed_attack", "wounded": 3, "occurred_on": dt.date(2024, 5, 14)},
            {"event_type": "bombing", "wounded": 0, "occurred_on": dt.date(2024, 5, 14)},
        ],
    ),
    # An earlier event named by a reference ("also", "the previous") with its own year or day, matching
    # no row of the story: a row of its own, its clause (or the sentence with its toll) the evidence.
    "an_earlier_attack_in_a_year_named_in_passing": (
        "2024-05-15",
        "Gunmen killed four guards at a bank in Garissa on Monday, police said. The raids have mostly hit "
        "the north-east, near the border, but the group has also struck the capital, where its fighters "
        "attacked a hotel in Nairobi in 2019.",
        [
            {"location": "Garissa", "killed": 4},
            {
                "location": "Nairobi",
                "occurred_on": None,
                "evidence": "where its fighters attacked a hotel in Nairobi in 2019.",
            },
        ],
    ),
    "the_previous_bombing_on_its_day_then_its_toll": (
        "2024-05-15",
        "A car bomb killed 12 people at a market in Mogadishu on Sunday, police said. The group claimed the "
        "previous car bombing, a few streets away on March 3. That bombing killed 20 people, most of them "
        "traders.",
        [
            {"killed": 12, "occurred_on": dt.date(2024, 5, 12)},
            {
                "killed": 20,
                "occurred_on": dt.date(2024, 3, 3),
                "evidence": "That bombing killed 20 people, most of them traders.",
            },
        ],
    ),
    # An ordinal that compares ("the third attack in X since January") is no earlier event.
    "an_ordinal_count_since_a_month_is_no_event": (
        "2024-05-15",
        "Gunmen killed four guards at a bank in Garissa on Monday. It was the third attack in Garissa "
        "since January began.",
        [{"location": "Garissa", "killed": 4}],
    ),
    # A toll broken down by place ("nine in X, four in Y, and one in Z"): a row per place and count,
    # on the day of the event told.
    "a_toll_broken_down_by_place": (
        "2024-05-15",
        "Gunmen attacked villages in Borno state on Monday. Residents said the attackers killed nine people "
        "in Gwoza, four people in Bama, and one in Konduga before fleeing.",
        [
            {"location": "Gwoza", "killed": 9, "occurred_on": dt.date(2024, 5, 13)},
            {"location": "Bama", "killed": 4, "occurred_on": dt.date(2024, 5, 13)},
            {"location": "Konduga", "killed": 1, "occurred_on": dt.date(2024, 5, 13)},
        ],
    ),
    # The same toll told in full later by an official: its wounded figure joins the row, but the lede that
    # placed and dated the event stays the evidence.
    "a_full_toll_restated_by_an_official_keeps_the_lede": (
        "2024-05-15",
        "A bomb tore through a market in Gao on Sunday, killing nine people, officials said. Nine people were "
        "killed and 20 others wounded, a ministry spokesman told reporters.",
        [
            {
                "killed": 9,
                "wounded": 20,
                "evidence": "A bomb tore through a market in Gao on Sunday, killing nine people, officials said.",
            }
        ],
    ),
    # Told again with its town and day, the full toll's sentence is the evidence.
    "a_full_toll_with_the_scene_is_the_evidence": (
        "2024-05-15",
        "A bomber killed 12 worshippers when he blew himself up in a mosque in northern Mali. Police described "
        "Sunday's attack in Gao, saying 12 were killed and seven others hurt.",
        [
            {
                "location": "Gao",
                "killed": 12,
                "wounded": 7,
                "evidence": "Police described Sunday's attack in Gao, saying 12 were killed and seven others hurt.",
            }
        ],
    ),
    # "The raid comes three days after ...": the sentence's own clause names no event, so the days count
    # back from the event the story told last.
    "comes_days_after_counts_back_from_the_story": (
        "2024-05-15",
        "Gunmen killed five guards at a checkpoint in Sopore on Saturday, police said. The raid comes three "
        "days after two rebels were killed in a gunfight in Baramulla district.",
        [
            {"location": "Sopore", "occurred_on": dt.date(2024, 5, 11)},
            {"location": "Baramulla", "killed": 2, "occurred_on": dt.date(2024, 5, 8)},
        ],
    ),
    # A lede that counts two attacks but never tells them apart is one row.
    "a_counted_lede_with_no_parts_told": (
        "2024-05-15",
        "Some 30 villagers died in two raids around Gao over the weekend, officials said. The army said "
        "it was sending more troops to the region.",
        [{"location": "Gao", "killed": 30}],
    ),
    "summary_lede_then_each_battle": (
        "2024-06-05",
        "Shelling hit the Somali capital early on Monday and killed at least 11 civilians in two separate battles. "
        "In the first battle, gunmen overran a police station in Mogadishu's Hodan district. Residents said "
        "six civilians died there. Later Monday, missiles struck the Bakara market in "
        "Mogadishu.",
        [
            {"killed": 11, "occurred_on": dt.date(2024, 6, 3)},
            {"event_type": "armed_attack", "killed": 6, "occurred_on": dt.date(2024, 6, 3)},
            {"event_type": "airstrike", "occurred_on": dt.date(2024, 6, 3)},
        ],
    ),
    "victims_named_again_with_the_scene_and_day": (
        "2024-06-05",
        "Officials on Wednesday condemned an attack in Darfur in which gunmen killed 14 herders. The "
        "raiders stormed the village of Kutum at dawn on Monday, killing the villagers in their huts.",
        [{"killed": 14, "occurred_on": dt.date(2024, 6, 3)}],
    ),
    "ambushed_and_killed_is_a_toll": (
        "2024-06-05",
        "On Sunday, four soldiers were ambushed and killed near the town of Dori, the army said.",
        [{"killed": 4, "killed_qualifier": "exact"}],
    ),
    "victims_included_lists_a_share": (
        "2024-06-05",
        "Rebels killed 30 people at a college close to the frontier late on Friday. The victims included "
        "pupils, a watchman and two farmers killed outside the gate, Kasese Mayor John Kato said.",
        [{"killed": 30}],
    ),
    "an_initial_bombing_then_a_second_explosion": (
        "2024-06-05",
        "Bombs ripped through a market in Kirkuk on Sunday, killing at least four people, police said. "
        "Two people were killed and five others hurt in an initial bombing at the gate, while another blast "
        "half an hour later killed two more.",
        [{"killed": 4}, {"killed": 2, "wounded": 5}, {"killed": 2, "wounded": None}],
    ),
    "side_lost_members": (
        "2024-04-09",
        "Militants stormed a post in Chabahar, Iran, on Thursday, and the guards, who lost 7 members, "
        "drove them off.",
        [{"location": "Chabahar", "killed": 7}],
    ),
    "seized_villagers_is_an_abduction_and_month_abbreviation_keeps_the_sentence": (
        "2017-12-31",
        "On Dec. 29, gunmen seized six villagers in Datu Piang town in the Philippines.",
        [{"event_type": "abduction", "occurred_on": dt.date(2017, 12, 29), "killed": None}],
    ),
    "same_day_opens_another_event": (
        "2017-12-31",
        "On Dec. 29, gunmen seized six villagers in Datu Piang town in the Philippines. On the same day, "
        "gunmen killed village chief Diego Karumba in the village of Merisk.",
        [
            {"event_type": "abduction", "killed": None},
            {
                "event_type": "armed_attack",
                "location": "Merisk",
                "killed": 1,
                "occurred_on": dt.date(2017, 12, 29),
            },
        ],
    ),
    "war_toll_is_not_the_event": (
        "2025-11-08",
        "The RSF takeover of El Fasher on Oct. 26 brought massacres of civilians. The conflict has killed "
        "tens of thousands and uprooted millions.",
        [{"perpetrator": "Rapid Support Forces", "location": "El Fasher", "killed": None}],
    ),
    "where_clause_tells_an_earlier_event": (
        "2021-06-29",
        "Houthi missiles killed three people in Marib, an official said. Tuesday's missiles landed in the "
        "district where a drone attack hit a bakery earlier this month, killing 14 people.",
        [
            {"killed": 3, "occurred_on": dt.date(2021, 6, 29)},
            {"event_type": "airstrike", "killed": 14, "occurred_on": None},
        ],
    ),
    "possessive_day_is_the_event_day": (
        "2023-10-17",
        "A gunman killed two football fans in Brussels. Videos posted online of Monday's attack showed "
        "him open fire on passers-by.",
        [{"killed": 2, "occurred_on": dt.date(2023, 10, 16)}],
    ),
    "quotation_fills_the_wounded": (
        "2024-10-14",
        "Israeli shelling late Sunday killed at least 12 people at a clinic in Gaza's Maghazi camp. "
        '"The clinic was hit by tank shells, leaving 12 martyrs and 40 wounded," said a spokesman.',
        [{"killed": 12, "killed_qualifier": "at_least", "wounded": 40, "wounded_qualifier": "exact"}],
    ),
    "quotation_never_opens_an_event": (
        "2024-10-14",
        'The minister said: "Last year terrorists killed 300 of our people in Kurram and wounded 500."',
        [],
    ),
    "agent_also_targeted_a_place_on_a_day": (
        "2024-10-07",
        "Israeli airstrikes killed 20 people in Tyre on Sunday. Israel also targeted the Masnaa crossing "
        "near the Syrian border on October 4, officials said.",
        [
            {"location": "Tyre", "killed": 20},
            {
                "event_type": "airstrike",
                "perpetrator": "Israel",
                "location": "Masnaa",
                "occurred_on": dt.date(2024, 10, 4),
            },
        ],
    ),
    "wounded_update_and_country_throughout": (
        "2019-04-22",
        "The death toll from the bombings of hotels throughout Sri Lanka has risen to 180, police said. "
        "The number of wounded also climbed to 420.",
        [{"country_iso3": "LKA", "killed": 180, "wounded": 420}],
    ),
    "territory_named_before_strikes_is_the_target": (
        "2024-08-04",
        "Three West Bank airstrikes struck a car in Tulkarm on Friday, killing four people.",
        [{"event_type": "airstrike", "perpetrator": None, "location": "Tulkarm", "killed": 4}],
    ),
    "toll_told_in_full_is_the_evidence": (
        "2025-04-14",
        "A Russian missile strike on the northern city of Sumy on Friday killed at least 21 people. Rescuers "
        "said the two missiles killed 21 people and wounded 83.",
        [
            {
                "killed": 21,
                "killed_qualifier": "exact",
                "wounded": 83,
                "evidence": "Rescuers said the two missiles killed 21 people and wounded 83.",
            }
        ],
    ),
    "attack_on_a_city_with_no_means_is_other": (
        "2023-12-30",
        "Eleven civilians were killed and 60 others injured in an attack on Donetsk, a local official said.",
        [{"event_type": "other", "location": "Donetsk", "killed": 11, "wounded": 60}],
    ),
    "hours_ago_dates_the_event": (
        "2023-12-30",
        "Just a few hours ago, gunmen attacked a checkpoint in Kharkiv, wounding three soldiers, he said.",
        [{"occurred_on": dt.date(2023, 12, 30), "wounded": 3}],
    ),
    "group_named_in_the_evidence_sentence": (
        "2024-06-10",
        "Five soldiers died on Sunday in the latest Boko Haram raid on a base in Borno state.",
        [{"perpetrator": "Boko Haram", "killed": 5}],
    ),
    "group_as_speaker_or_target_is_not_the_attacker": (
        "2023-11-15",
        "Seven civilians were killed on Monday when artillery shells landed in a village near Pauktaw in "
        "Myanmar, residents and the Arakan Army said. Jets struck Arakan Army positions in Kyauktaw on "
        "Tuesday, killing four people.",
        [{"perpetrator": None, "killed": 7}, {"perpetrator": None, "killed": 4}],
    ),
    "group_said_it_captured_posts_killing": (
        "2023-11-15",
        "The Arakan Army said it had captured two police outposts in Rathedaung township in Myanmar on "
        "Tuesday, killing 12 policemen.",
        [{"perpetrator": "Arakan Army", "killed": 12}],
    ),
    "kills_and_abducts_is_an_attack_and_weekend_then_saturday": (
        "2024-06-19",
        "Gunmen killed 20 villagers and abducted at least 40 others in an attack in central Mali's Mopti "
        "region at the weekend. They stormed the village of Korvanta on Saturday afternoon, officials said.",
        [
            {
                "event_type": "armed_attack",
                "killed": 20,
                "occurred_on": dt.date(2024, 6, 15),
                "location": "Korvanta",
            }
        ],
    ),
    "held_town_is_not_the_attacker": (
        "2025-09-22",
        "A drone strike on a market in the RSF-held town of Kabkabiya in Sudan killed 11 people on Sunday.",
        [{"event_type": "airstrike", "perpetrator": None, "killed": 11}],
    ),
    "two_victim_groups_after_an_active_verb": (
        "2024-06-07",
        "Bandits on Thursday killed nine farmers and four vigilantes in a raid on a settlement in Zamfara "
        "State, Nigeria. The police said the killing took place at Korvanta village.",
        [{"killed": 13, "location": "Korvanta", "occurred_on": dt.date(2024, 6, 6)}],
    ),
    "killing_and_wounding_are_two_tolls": (
        "2024-06-07",
        "Gunmen attacked a market in Zamfara, Nigeria, on Thursday, killing 12 people and wounding 20.",
        [{"killed": 12, "wounded": 20}],
    ),
    "hours_later_a_second_strike_is_another_event": (
        "2024-08-04",
        "An airstrike killed five fighters in a vehicle near Tulkarm on Saturday. Hours later, a second "
        "airstrike nearby hit a further group of gunmen, the military said.",
        [
            {"event_type": "airstrike", "killed": 5, "occurred_on": dt.date(2024, 8, 3)},
            {"event_type": "airstrike", "killed": None, "occurred_on": dt.date(2024, 8, 3)},
        ],
    ),
    "second_toll_at_a_second_place": (
        "2024-08-04",
        "Earlier on Saturday, Israeli strikes killed four people in a shop in Rafah and three others in Gaza "
        "City, medics said.",
        [
            {"perpetrator": "Israel", "location": "Rafah", "killed": 4, "occurred_on": dt.date(2024, 8, 3)},
            {
                "perpetrator": "Israel",
                "location": "Gaza City",
                "killed": 3,
                "occurred_on": dt.date(2024, 8, 3),
            },
        ],
    ),
    "unnamed_state_forces_are_their_state": (
        "2024-06-10",
        "Security forces opened fire on protesters in Khartoum, Sudan, on Thursday, killing five people.",
        [{"perpetrator": "Sudan", "killed": 5}],
    ),
    "unnamed_forces_take_the_state_named_before": (
        "2024-06-10",
        "The Israeli army said its units were active in Jenin. Troops opened fire on a van in the city on "
        "Tuesday, killing two men.",
        [{"perpetrator": "Israel", "killed": 2}],
    ),
    "glide_bombs_are_an_airstrike_and_pounded_names_the_side": (
        "2024-06-10",
        "Russian forces pounded the city of Kharkiv overnight with glide bombs, killing four civilians.",
        [{"event_type": "airstrike", "perpetrator": "Russia", "killed": 4}],
    ),
    "one_lynched_victim": (
        "2024-06-10",
        "A mob lynched a man accused of blasphemy in Pakistan's Swat district on Thursday, police said.",
        [{"killed": 1, "killed_qualifier": "exact"}],
    ),
    "unplaced_event_takes_the_story_country": (
        "2023-07-23",
        "Riots broke out in two of Ecuador's prisons this week. In a single day in February, gunmen killed "
        "79 inmates in clashes between rival gangs, officials in Quito said.",
        [{"country_iso3": "ECU", "killed": 79}],
    ),
    "sites_after_the_lede_take_its_side": (
        "2025-05-25",
        "Israeli strikes killed at least 12 people across the Gaza Strip on Sunday, the civil defence "
        "agency said.\n\nFour people were killed when a strike hit a house in Jabalia, it said.\n\n"
        "A further three people were killed by a strike on a tent in Khan Yunis.",
        [
            {"perpetrator": "Israel", "killed": 12},
            {"perpetrator": "Israel", "location": "Jabalia", "killed": 4},
            {"perpetrator": "Israel", "location": "Khan Yunis", "killed": 3},
        ],
    ),
    "two_sides_shelling_one_country_leave_the_site_unknown": (
        "2023-12-18",
        "Russian shelling killed four civilians in the Kherson region on Sunday, officials said. In the "
        "town of Horlivka, Ukraine's shelling destroyed a shopping centre, a Russian-installed official "
        "said. Shelling killed one woman in Nikopol, the governor said.",
        [
            {"perpetrator": "Russia", "killed": 4},
            {"perpetrator": "Ukraine", "location": "Horlivka"},
            {"perpetrator": None, "location": "Nikopol", "killed": 1},
        ],
    ),
    "a_hedged_site_keeps_no_side": (
        "2024-08-27",
        "Israeli strikes killed nine people in Gaza City on Monday. A suspected strike on a car in Rafah "
        "killed two men on Tuesday, residents said.",
        [
            {"perpetrator": "Israel", "killed": 9},
            {"perpetrator": None, "location": "Rafah", "killed": 2},
        ],
    ),
    "a_possessive_state_with_its_forces_is_the_side": (
        "2023-06-30",
        "Airstrikes by Burma's military on Nyaung Kone village in Sagaing region killed nine civilians on "
        "Tuesday, villagers said.",
        [{"event_type": "airstrike", "perpetrator": "Myanmar", "killed": 9}],
    ),
    "killed_in_demonym_strikes_is_the_means_not_the_victims": (
        "2025-05-25",
        "Eight people were killed and dozens more wounded in Israeli air strikes on Deir el-Balah on "
        "Sunday, rescuers said.",
        [{"perpetrator": "Israel", "killed": 8}],
    ),
    "a_toll_told_as_a_noun_of_people": (
        "2024-03-10",
        "Officials condemned the killing of 13 people in the town of Uruapan earlier this month. "
        "A car bomb in Khanaqin on Friday resulted in the death of three people and injury of five others.",
        [
            {"location": "Uruapan", "killed": 13},
            {"event_type": "bombing", "location": "Khanaqin", "killed": 3, "wounded": 5},
        ],
    ),
    "the_day_before_condemned_is_the_statement_day": (
        "2015-07-26",
        "The UN mission on Saturday condemned the killing of 15 civilians in Afghanistan's Ghor province.",
        [{"killed": 15, "location": "Ghor", "occurred_on": None}],
    ),
    "an_earlier_killing_with_its_own_day_and_toll_is_another_event": (
        "2010-02-18",
        "At least 11 villagers were killed in a Maoist attack in Bihar's Jamui district, police said. "
        "Police linked the incident to the killing of eight Maoist guerrillas on February 1.",
        [{"killed": 11, "occurred_on": None}, {"killed": 8, "occurred_on": dt.date(2010, 2, 1)}],
    ),
    "a_lede_toll_placed_by_the_next_sentence": (
        "2021-06-28",
        "Five soldiers were killed in a terrorist attack, the military said on Friday. The terrorists "
        "attacked a patrolling party in the Sibi district of Balochistan.",
        [{"killed": 5, "location": "Sibi", "country_iso3": "PAK"}],
    ),
    "a_lede_toll_joins_the_event_told_next_by_day_and_place": (
        "2023-04-01",
        "Airstrikes by Myanmar's military on a hamlet in the north killed at least six "
        "civilians. Thursday's attack on Khuafo village in Chin State also wounded 14 people, residents said.",
        [
            {
                "perpetrator": "Myanmar",
                "killed": 6,
                "wounded": 14,
                "occurred_on": dt.date(2023, 3, 30),
                "evidence": "Airstrikes by Myanmar's military on a hamlet in the north "
                "killed at least six civilians.",
            }
        ],
    ),
    "a_force_after_on_an_is_the_target": (
        "2024-07-09",
        "A militant attack on an Indian Army convoy in Kathua district of Jammu and Kashmir killed at "
        "least five soldiers on Monday, the newest in a wave of strikes across the region.",
        [{"event_type": "armed_attack", "perpetrator": None, "killed": 5, "location": "Kathua"}],
    ),
    "a_suicide_bomb_that_opens_a_storming_is_an_armed_attack": (
        "2020-02-20",
        "Al Shabaab militants killed nine soldiers at an army base near Afgoye on Wednesday. A suicide "
        "bomber detonated at the gate before gunmen stormed in and held it for hours, officers said.",
        [{"event_type": "armed_attack", "perpetrator": "al-Shabaab", "killed": 9}],
    ),
    "a_failed_storming_after_the_blast_leaves_a_suicide_bombing": (
        "2023-12-13",
        "A suicide bomber drove a van into the wall of a police station in Dera Ismail Khan on "
        "Tuesday, killing 14 policemen. Five attackers tried to storm the station after the blast.",
        [{"event_type": "suicide_bombing", "killed": 14}],
    ),
    "the_defenders_answer_names_no_attacker": (
        "2020-01-10",
        "Gunmen attacked a military base near the town of Baidoa on Friday, killing seven soldiers, an "
        "official said. He said Somali soldiers killed three of the attackers during the attack.",
        [{"perpetrator": None, "killed": 7, "location": "Baidoa"}],
    ),
    "it_took_place_in_places_the_event_before": (
        "2019-09-22",
        "A pre-dawn raid by al-Shabaab on a military base in southern Somalia left at least 18 people "
        "dead on Sunday, officials said. It took place on the outskirts of the town of Marka.",
        [{"killed": 18, "location": "Marka"}],
    ),
    "a_village_beats_the_region_named_after_a_town": (
        "2021-12-01",
        "Fighters attacked the village of Beu Manyama-Moliso in the Beni region on Tuesday evening, "
        "killing 23 people, the governor of North Kivu province said.",
        [{"location": "Beu Manyama-Moliso", "admin1": "North Kivu", "killed": 23}],
    ),
    "another_one_injured_and_an_aside_in_dashes": (
        "2018-09-20",
        "Two constables were killed and another was seriously wounded when gunmen fired at their car "
        "in Quetta on Wednesday. Five relatives -- a farmer and his four sons -- were "
        "killed when an air strike hit their home in Sanaa on Thursday.",
        [
            {"killed": 2, "wounded": 1, "wounded_qualifier": "exact"},
            {"killed": 5, "location": "Sanaa"},
        ],
    ),
    "among_n_killed_is_the_total": (
        "2024-09-13",
        "The health ministry said a boy was among four people killed in an Israeli drone strike on the "
        "village of Kfarjouz in south Lebanon on Thursday.",
        [{"perpetrator": "Israel", "killed": 4}],
    ),
    "jets_that_dropped_bombs_are_the_airstrike_told_before": (
        "2023-06-28",
        "A military airstrike on Nyaung Kone village in Sagaing region killed ten civilians on Tuesday, "
        "locals said. A military jet dropped three bombs on Nyaung Kone village, a resident said.",
        [{"event_type": "airstrike", "killed": 10}],
    ),
    "the_exchange_of_fire_after_an_attack_is_the_same_event": (
        "2024-08-10",
        "Four soldiers were killed after terrorists opened fire on a border post in Kurram district on "
        "Friday, the military said. The four soldiers who died in the exchange of fire included "
        "Sepoy Karim Dad, a resident of Multan.",
        [{"event_type": "armed_attack", "killed": 4, "location": "Kurram"}],
    ),
    "butchered_and_a_single_warplane": (
        "2021-08-10",
        "Gunmen butchered more than 40 civilians in the village of Karou in northern Mali on Sunday. "
        "A Saudi warplane on Thursday struck a house in Zabid, Yemen, killing six.",
        [
            {"killed": 40, "killed_qualifier": "at_least"},
            {"event_type": "airstrike", "perpetrator": "Saudi Arabia", "killed": 6},
        ],
    ),
    "a_state_bombing_is_an_airstrike_and_its_raid_an_attack": (
        "2024-08-27",
        "An Israeli bombing of Nur Shams camp near Tulkarm killed three Palestinians on "
        "Monday, medics said. Eleven people were killed during a two-day Israeli raid on "
        "Nur Shams in April.",
        [
            {"event_type": "airstrike", "perpetrator": "Israel", "killed": 3},
            {"event_type": "armed_attack", "perpetrator": "Israel", "killed": 11},
        ],
    ),
    "the_military_conducted_an_air_attack": (
        "2023-04-12",
        "A spokesman confirmed that the military conducted an air attack killing over 60 people in a "
        "village of Sagaing Region in Myanmar on May 2.",
        [{"event_type": "airstrike", "perpetrator": "Myanmar", "killed": 60}],
    ),
    "a_place_as_subject_of_was_is_the_scene": (
        "2023-09-10",
        "The Torkham crossing was closed on March 3 after three people were wounded when a gun battle "
        "erupted between Pakistani and Afghan border forces.",
        [{"event_type": "armed_clash", "location": "Torkham", "wounded": 3}],
    ),
    "fighters_killed_in_an_encounter_are_its_toll": (
        "2022-03-15",
        "Three insurgents died in an encounter with troops in Shopian district on Monday, officers said.",
        [{"event_type": "armed_clash", "perpetrator": None, "location": "Shopian", "killed": 3}],
    ),
    "a_killing_verb_inside_a_gunfight_is_a_clash": (
        "2022-03-15",
        "Four rebels were gunned down during a fierce gunfight with troops near Sukma on Sunday.",
        [{"event_type": "armed_clash", "killed": 4, "occurred_on": dt.date(2022, 3, 13)}],
    ),
    "an_ambush_that_turned_into_a_gunfight_stays_an_attack": (
        "2022-03-15",
        "Militants ambushed a patrol near Sukma on Sunday, killing two troopers in the ensuing gunfight.",
        [{"event_type": "armed_attack", "killed": 2}],
    ),
    "shot_to_death_is_a_killing": (
        "2022-03-15",
        "Five men were shot to death on Saturday outside a restaurant in Culiacan, and three others were "
        "wounded, prosecutors said.",
        [{"event_type": "armed_attack", "killed": 5, "wounded": 3, "occurred_on": dt.date(2022, 3, 12)}],
    ),
    "one_man_later_shot_and_killed": (
        "2022-03-15",
        "A 52-year-old farmer was later shot and killed in Pattani on Sunday, police said.",
        [{"event_type": "armed_attack", "killed": 1, "killed_qualifier": "exact"}],
    ),
    "an_unlisted_site_owned_by_a_region_is_the_site": (
        "2022-03-15",
        "Two insurgents died in a gunfight with troops in south Kashmir\u2019s Tralpora district on Monday.",
        [{"location": "Tralpora", "killed": 2}],
    ),
    "while_and_a_new_date_opens_a_second_event": (
        "2022-03-15",
        "Three rebels were killed on March 9 in a gunfight near Sukma while on March 7 troops killed four "
        "rebels in a gunfight near Bijapur.",
        [
            {"killed": 3, "occurred_on": dt.date(2022, 3, 9)},
            {"killed": 4, "occurred_on": dt.date(2022, 3, 7)},
        ],
    ),
    "a_quoted_scene_with_its_toll_is_an_event": (
        "2024-06-01",
        "Gunmen raided two villages in Borno state on Friday, killing four farmers in Konduga. "
        '"In Dikwa they shot dead six traders and burnt the market," a resident told reporters.',
        [{"location": "Konduga", "killed": 4}, {"location": "Dikwa", "killed": 6}],
    ),
    "a_side_quoting_its_own_deeds_is_no_event": (
        "2024-06-01",
        '"We killed twenty of the enemy in Mafa and lost none of our men," the commander said.',
        [],
    ),
    "a_scene_already_told_is_not_told_again_in_a_quotation": (
        "2024-06-01",
        "Gunmen killed six traders in Mafa on Friday, police said. "
        '"Six traders were killed in Mafa by gunmen on motorbikes," a resident said.',
        [{"location": "Mafa", "killed": 6}],
    ),
    "a_scene_told_only_in_a_quotation_places_the_event": (
        "2024-06-01",
        "Gunmen killed nine farmers in northern Nigeria on Friday, the police said. "
        '"The attackers stormed the village of Dikwa in Borno state at dawn," said Musa Tanko, a local official.',
        [{"location": "Dikwa", "killed": 9}],
    ),
    "a_scene_told_outside_the_quotation_stays": (
        "2024-06-01",
        "Gunmen killed nine farmers in Konduga on Friday, the police said. "
        '"The attackers also stormed the village of Dikwa in Borno state," said Musa Tanko, a local official.',
        [{"location": "Konduga", "killed": 9}],
    ),
    "a_police_raid_that_set_off_a_gunfight_is_a_clash": (
        "2023-08-03",
        "A police raid on a favela in Rio de Janeiro on Wednesday set off a gunbattle that killed seven people.",
        [{"event_type": "armed_clash", "killed": 7}],
    ),
    "police_in_a_city_who_raided_a_hideout_fought_a_clash": (
        "2023-08-03",
        "Police in Kaduna State raided a hideout on Sunday, killing three suspects.",
        [{"event_type": "armed_clash", "killed": 3}],
    ),
    "a_raid_conducted_by_police_is_a_clash": (
        "2023-08-03",
        "Four men were shot dead during a raid conducted by police in Kaduna on Sunday.",
        [{"event_type": "armed_clash", "killed": 4}],
    ),
    "police_who_kill_in_a_raid_fought_a_clash": (
        "2023-08-03",
        "Nigerian police kill five in a raid on a hideout in Kaduna on Sunday.",
        [{"event_type": "armed_clash", "killed": 5}],
    ),
    "armed_men_raiding_a_police_post_stay_an_attack": (
        "2023-08-03",
        "Armed men raided a police post in Kaduna on Sunday, killing two officers.",
        [{"event_type": "armed_attack", "killed": 2}],
    ),
    "a_tally_since_a_start_years_ago_is_no_event": (
        "2023-08-03",
        "Gunmen killed six farmers in Zurmi on Sunday. The Ansaru group has killed hundreds of people "
        "since launching its campaign in the region four years ago.",
        [{"location": "Zurmi", "killed": 6}],
    ),
    "gunmen_raiding_a_village_stay_an_attack": (
        "2023-08-03",
        "Police said gunmen raided a village in Zamfara on Sunday, killing 12 people.",
        [{"event_type": "armed_attack", "killed": 12}],
    ),
    "scare_quotes_are_no_quotation": (
        "2024-06-01",
        'The council on Thursday condemned the "cowardly attack" on a police station that killed four officers.',
        [{"event_type": "armed_attack", "killed": 4}],
    ),
    "others_who_sustained_injuries_are_wounded": (
        "2023-06-01",
        "Two soldiers died and five others sustained serious injuries when a bomb hit their truck near "
        "Wana on Tuesday.",
        [{"event_type": "bombing", "killed": 2, "wounded": 5, "wounded_qualifier": "exact"}],
    ),
    "one_victim_who_suffered_wounds_is_wounded": (
        "2023-06-01",
        "Gunmen opened fire on a checkpoint in Bannu on Monday; a policeman suffered gunshot wounds.",
        [{"event_type": "armed_attack", "wounded": 1, "wounded_qualifier": "exact"}],
    ),
    "a_lede_weapon_types_the_event_the_next_sentence_places": (
        "2015-03-10",
        "At least 30 civilians have been killed in government air strikes on rebel-held villages, a monitoring "
        "group reported. The attacks hit the town of Maarrat al-Numan on Sunday, it said.",
        [{"event_type": "airstrike", "killed": 30, "occurred_on": dt.date(2015, 3, 8)}],
    ),
    "a_claim_said_to_have_been_made_is_hedged": (
        "2024-11-16",
        "Gunmen attacked a police post in Kalat on Friday, killing four officers. The BLA is said to have "
        "claimed the attack.",
        [{"perpetrator": None, "killed": 4}],
    ),
    "one_commando_killed": (
        "2018-06-09",
        "Militants attacked a base near Kismayo on Friday in which a French commando was killed.",
        [{"killed": 1, "killed_qualifier": "exact"}],
    ),
    "the_series_in_an_appositive_keeps_its_own_toll": (
        "2015-07-14",
        "A soldier was killed and four more were hurt by a roadside bomb in Yala province today, the "
        "newest in a string of bombings that have killed nine people this month.",
        [{"event_type": "bombing", "killed": 1, "wounded": 4}],
    ),
    "no_one_killed_or_wounded_is_zero": (
        "2020-03-10",
        "A homemade bomb went off near a school in Kumba on Sunday. Nobody was killed or wounded, but the "
        "blast caused panic.",
        [{"killed": 0, "killed_qualifier": "exact", "wounded": 0, "wounded_qualifier": "exact"}],
    ),
    "no_injuries_is_zero_wounded_only": (
        "2024-02-16",
        "Rockets struck an army post near Metula on Friday, the army said, adding that no injuries were "
        "reported.",
        [{"killed": None, "wounded": 0, "wounded_qualifier": "exact"}],
    ),
    "no_immediate_reports_of_casualties_is_no_figure": (
        "2024-02-16",
        "Rockets struck an army post near Metula on Friday. Rescuers had no immediate reports of casualties.",
        [{"killed": None, "wounded": None}],
    ),
    "an_arabic_article_joins_an_unlisted_village_name": (
        "2024-06-06",
        "Fighters stormed the village of Umm al-Qura in the state of Gezira on Wednesday, killing 35 people.",
        [{"location": "Umm al-Qura", "killed": 35}],
    ),
    # The district after a state's possessive is the scene, not the state.
    "district_after_a_states_possessive": (
        "2024-05-15",
        "Six farmers were killed when gunmen raided their village on Monday in Zamfara State's Tsafe "
        "local government area, police said.",
        [{"location": "Tsafe", "killed": 6}],
    ),
    # Earlier attacks claimed by a group, or a group's "similar attacks", name no perpetrator for this one.
    "claim_of_previous_attacks_is_no_claim": (
        "2024-05-15",
        "Three policemen were killed when gunmen attacked a checkpoint in Bannu district on Sunday. No "
        "group has claimed the attack, but previous attacks in the area have been claimed by the TTP.",
        [{"perpetrator": None, "location": "Bannu", "killed": 3}],
    ),
    "similar_attacks_in_the_past_name_no_attacker": (
        "2024-05-15",
        "A bomb killed two soldiers on a patrol near Mir Ali on Monday, officials said. No one claimed "
        "responsibility, but the Pakistani Taliban have carried out similar attacks before.",
        [{"perpetrator": None, "killed": 2}],
    ),
    # An earlier report of the same event is no second event.
    "earlier_reports_are_the_same_event": (
        "2024-05-15",
        "A drone strike killed nine farmers near Jalalabad on Monday, a provincial spokesman said. "
        "According to earlier local reports, nine farmers died and six others were hurt "
        "when the drone hit a farmhouse.",
        [{"event_type": "airstrike", "location": "Jalalabad", "killed": 9, "wounded": 6}],
    ),
    # The same toll restated with more detail ("many of them beheaded") is the event just told.
    "restated_toll_is_the_same_event": (
        "2024-05-15",
        "At least 14 villagers were killed when rebels attacked the village of Mabalako on Sunday, an "
        "official said. A local rights activist confirmed that 14 were dead, adding that several of "
        "them had been beheaded.",
        [{"event_type": "armed_attack", "killed": 14}],
    ),
    # "The weekend attack" refers back to a raid whose day was not told.
    "weekend_attack_refers_back": (
        "2024-05-15",
        "Eight villagers have been killed after gunmen raided the village of Tudun Wada in Zamfara "
        "state. The weekend attack also left three police officers wounded, residents said.",
        [{"killed": 8, "wounded": 3}],
    ),
    # Fighters who behead villagers are not the state; a hanging is the state's act.
    "beheading_by_insurgents_is_not_the_state": (
        "2024-05-15",
        "Insurgents beheaded four farmers on Sunday near the village of Nkonga in Cabo Delgado "
        "province, local sources said.",
        [{"event_type": "execution", "perpetrator": None, "killed": 4}],
    ),
    "hanging_is_the_states_act": (
        "2024-05-15",
        "Three prisoners were hanged on Sunday in the prison of Qezel Hesar near Karaj, a rights group said.",
        [{"event_type": "execution", "perpetrator": "Iran", "killed": 3}],
    ),
    # An acronym in brackets inside the victims' name, and the day between auxiliary and participle.
    "acronym_and_day_inside_a_passive_toll": (
        "2024-05-15",
        "Three Sashastra Seema Bal (SSB) jawans were on Tuesday killed in an IED blast in Kanker "
        "district, police said.",
        [{"event_type": "bombing", "killed": 3, "occurred_on": dt.date(2024, 5, 14)}],
    ),
    # "a police personnel", "a constable": the ranks of South Asian forces count as one victim.
    "one_personnel_killed": (
        "2024-05-15",
        "A police personnel was killed when Maoists set off a landmine near Kanker on Monday.",
        [{"killed": 1}],
    ),
    # One more victim joined by "and a ...", before or after the counted group.
    "counted_group_and_one_more": (
        "2024-05-15",
        "A landmine killed three soldiers and a civilian near Kamdesh in Nuristan on Monday.",
        [{"killed": 4}],
    ),
    "one_then_counted_group": (
        "2024-05-15",
        "A bomb hidden in a cart exploded in Kandahar on Monday, killing a policeman and two traders.",
        [{"killed": 3}],
    ),
    "passive_group_and_one_more": (
        "2024-05-15",
        "Six guards and a driver were killed when gunmen stormed a mine near Gusau on Monday.",
        [{"killed": 7}],
    ),
    "and_one_wounded_is_another_outcome": (
        "2024-05-15",
        "Two soldiers were killed and a civilian was wounded in a blast in Kunar on Monday.",
        [{"killed": 2, "wounded": 1}],
    ),
    # ", Guanajuato" after a town of that state places the town; it is no second place.
    "state_after_town_qualifies_it": (
        "2024-05-15",
        "Gunmen shot dead six men at a cockfight near Irapuato, Guanajuato, on Sunday.",
        [{"location": "Irapuato", "killed": 6}],
    ),
    # An earlier event in an "after" clause, with neither place nor day, neither retypes this one
    # nor becomes a row.
    "earlier_event_after_days_after": (
        "2024-05-15",
        "Gunmen killed five people at a bar in Irapuato on Sunday. The attack comes days after a "
        "cartel left a bomb at a police post, injuring two officers.",
        [{"event_type": "armed_attack", "killed": 5, "wounded": None}],
    ),
    # "at the weekend" is a time and "said that" opens a reported clause: neither refers back to an
    # event, so an abduction told this way, with its place, is an event of its own.
    "at_the_weekend_is_a_time": (
        "2024-05-15",
        "Armed men at the weekend stormed a housing estate in Kubwa and abducted a pastor and his wife.",
        [{"location": "Kubwa"}],
    ),
    "said_that_opens_the_report": (
        "2024-05-15",
        "Police told reporters on Wednesday that gunmen abducted a village chief in Tsafe town.",
        [{"event_type": "abduction", "location": "Tsafe"}],
    ),
    # The day after "to reporters" dates the telling, not the event.
    "day_the_reporters_were_told": (
        "2024-05-15",
        "Gunmen abducted a village chief near Tsafe on Monday. A police spokesman confirmed the "
        "abduction to reporters on Tuesday in Gusau.",
        [{"event_type": "abduction", "occurred_on": dt.date(2024, 5, 13)}],
    ),
    # The victims' side is no attacker: a named force whose unit "were killed", and forces as a participle.
    "named_force_of_the_victims": (
        "2024-05-15",
        "Two commandos of the Border Security Force's special operations unit Cobra were killed after "
        "rebels blew up their truck near Kanker on Sunday.",
        [{"perpetrator": None}],
    ),
    "soldiers_killed_in_an_attack": (
        "2024-05-15",
        "Nine Malian soldiers killed in an attack on an army post near Douentza on Sunday, officers said.",
        [{"perpetrator": None, "killed": 9}],
    ),
    # Plural "clashes" with its two sides is one fight, not vague violence.
    "clashes_between_two_sides": (
        "2024-05-15",
        "At least 23 people have been killed in clashes between the army and Kachin fighters, a monitor "
        "said on Tuesday. The soldiers were killed on Monday in fighting near Hpakant.",
        [{"event_type": "armed_clash", "killed": 23, "occurred_on": dt.date(2024, 5, 13)}],
    ),
    "clashes_with_no_sides_stay_vague": (
        "2024-05-15",
        "At least 23 people have been killed in clashes, a monitor said on Tuesday.",
        [],
    ),
    # A killing in the infinitive ("used machetes to kill") with its day is an event.
    "killing_in_the_infinitive": (
        "2024-05-15",
        "Rebels used machetes to kill at least nine farmers on Sunday in eastern Congo, officials said.",
        [{"event_type": "armed_attack", "killed": 9, "occurred_on": dt.date(2024, 5, 12)}],
    ),
    "threat_to_kill_is_no_event": (
        "2024-05-15",
        "The rebels threatened to kill 12 hostages on Sunday in Kasai unless a ransom was paid.",
        [],
    ),
    # Bandits who invade a village attack it, as gunmen who storm it do.
    "bandits_invaded_a_village": (
        "2024-05-15",
        "Bandits invaded Gidan Bature village in Maru Local Government Area of Zamfara on Sunday night, "
        "residents said.",
        [{"event_type": "armed_attack", "occurred_on": dt.date(2024, 5, 12)}],
    ),
    # Verbs outside the first vocabulary: "have slain", "fighting erupted", gunmen who "assaulted".
    "slain_with_its_day": (
        "2024-05-15",
        "Gunmen have slain six farmers in Kwall village, Bassa, Plateau State, on Sunday night.",
        [{"event_type": "armed_attack", "killed": 6, "location": "Kwall"}],
    ),
    "fighting_erupted": (
        "2024-05-15",
        "Fighting erupted on Tuesday between troops and Abu Sayyaf fighters near Patikul, Sulu.",
        [{"event_type": "armed_clash", "occurred_on": dt.date(2024, 5, 14)}],
    ),
    "gunmen_assaulted_a_checkpoint": (
        "2024-05-15",
        "Gunmen assaulted an army checkpoint near Khalis on Sunday night, a security source said.",
        [{"event_type": "armed_attack", "location": "Khalis"}],
    ),
    # "Another nine soldiers were injured", "wounded another one": more victims, not another event.
    "another_victims_join_the_event": (
        "2024-05-15",
        "Rebels killed six soldiers in an attack on an army post near Tame on Sunday, the army said. "
        "Another nine soldiers were injured in the attack.",
        [{"killed": 6, "wounded": 9}],
    ),
    "wounded_another_one": (
        "2024-05-15",
        "Gunmen stormed a checkpoint near Khalis on Sunday night. The attackers killed two soldiers and "
        "wounded another one, a source said.",
        [{"killed": 2, "wounded": 1}],
    ),
    "another_attack_is_separate": (
        "2024-05-15",
        "Rebels killed six soldiers in an attack on an army post near Tame on Sunday. Another attack "
        "killed two policemen near Saravena on Monday.",
        [{"killed": 6}, {"killed": 2}],
    ),
    # Attackers as the subject of an active verb of killing report the attack without a number.
    "gunmen_killed_a_village_head": (
        "2024-05-15",
        "Gunmen suspected to be bandits on Sunday night killed the village head of Kwall in Bassa, "
        "Plateau State, residents said.",
        [{"event_type": "armed_attack", "occurred_on": dt.date(2024, 5, 12)}],
    ),
    "militants_killed_in_a_raid_are_victims": (
        "2024-05-15",
        "The army said militants killed in Marte on Sunday were fighters of a rival faction.",
        [],
    ),
    # "At the weekend" then "late on Friday": the eve of the weekend is the same event.
    "weekend_then_its_friday": (
        "2024-05-20",
        "Gunmen at the weekend attacked a farm settlement near Kagarko in Kaduna State. Witnesses said "
        "about a dozen gunmen invaded the settlement late on Friday and shot at residents.",
        [{"event_type": "armed_attack", "occurred_on": dt.date(2024, 5, 17)}],
    ),
    # The day of a funeral or a trial told in the lede is not the day of the event it follows.
    "funeral_day_is_not_the_event_day": (
        "2024-06-20",
        "The funeral on Tuesday in Jos drew hundreds of mourners for the 14 villagers killed when gunmen "
        "stormed Dogo Nahawa earlier this month.",
        [{"killed": 14, "occurred_on": None}],
    ),
    "mourners_day_is_not_the_event_day": (
        "2024-06-20",
        "Mourners gathered on Wednesday in Jos for the 14 villagers killed by gunmen in Dogo Nahawa.",
        [{"killed": 14, "occurred_on": None}],
    ),
    # A date inside the event's noun phrase dates the event, whatever day the sentence's statement has.
    "date_in_the_event_noun_phrase": (
        "2024-06-20",
        "Relatives of Farid Osmani on Friday demanded an inquiry into the June 2 drone strike that "
        "killed six people in Kunduz.",
        [{"killed": 6, "occurred_on": dt.date(2024, 6, 2)}],
    ),
    # A statement's day with an adverb before its verb, or a long subject, dates the statement.
    "statement_day_with_an_adverb": (
        "2023-12-17",
        "The foreign ministry on Sunday strongly condemned the raid on a border post in Saravan that "
        "killed seven guards. On Friday night, at least seven guards were killed when gunmen stormed "
        "the post in Saravan.",
        [{"killed": 7, "occurred_on": dt.date(2023, 12, 15)}],
    ),
    "statement_day_before_a_long_subject": (
        "2023-10-17",
        "On Monday, in remarks relayed by its spokeswoman Ilona Varga, the ministry wrote that it condemns "
        "the bombing of a mosque in Kunduz that killed 30 worshippers.",
        [{"killed": 30, "occurred_on": None}],
    ),
    # "a third was severely injured" adds a victim to this event; it does not tell a third event.
    "a_third_victim_is_no_third_event": (
        "2024-05-15",
        "Police arrested four men over the roadside bombing in Bahrain that killed two policemen. Two "
        "policemen were killed and a third was badly hurt when the bomb hit their patrol in Sitra.",
        [{"killed": 2, "location": "Sitra"}],
    ),
    # A lede about a statement names the attack; the next sentence places it: one row, at that place,
    # with the sentence that tells the event as its evidence once one does.
    "statement_lede_then_the_scene": (
        "2024-05-15",
        "The UN envoy Marta Lindqvist condemned the attack on the aid convoy. The attack took place in "
        "Jalalabad, where gunmen fired rockets at the trucks.",
        [{"location": "Jalalabad", "killed": None}],
    ),
    # "in" before a place is no share ("one in five" is): the figure is the toll.
    "toll_before_in_and_a_place": (
        "2024-05-15",
        "Gunmen on motorcycles killed 9 in Tsafe on Sunday and wounded 4 in a nearby hamlet, police said.",
        [{"killed": 9, "wounded": 4, "location": "Tsafe"}],
    ),
    # An earlier event dated in weeks, months or years ago is its own row, never more on the story's event.
    "weeks_ago_is_an_earlier_event": (
        "2024-05-15",
        "Gunmen killed 11 people in Maru on Sunday night, police said. A resident, Musa Danjuma, said the "
        "same gang was behind the killing of 30 people in Bungudu several weeks ago.",
        [
            {"killed": 11, "location": "Maru", "occurred_on": dt.date(2024, 5, 12)},
            {"killed": 30, "location": "Bungudu", "occurred_on": None},
        ],
    ),
    # In a story of violence, deaths counted at a named place are an event even without a weapon named.
    "deaths_at_a_named_place": (
        "2024-05-15",
        "Gunmen stormed two jails in the north overnight, freeing hundreds of prisoners. Nine guards died "
        "at the Kaduna prison and four at a jail in Zaria, the prisons service said.",
        [{"event_type": "other", "killed": 9, "location": "Kaduna"}],
    ),
    "prison_riot_deaths": (
        "2024-05-15",
        "Eleven inmates were killed and 20 injured in a prison riot in Tegucigalpa on Saturday.",
        [{"event_type": "other", "killed": 11, "wounded": 20}],
    ),
    # "used rockets to attack" tells the means of a deed; "in a separate incident" with a place is a row.
    "means_infinitive_in_a_separate_incident": (
        "2024-05-15",
        "Gunmen ambushed a police van in Khyber district on Monday, killing two officers. In a separate "
        "incident, militants used grenades to attack a checkpoint near Jamrud.",
        [{"killed": 2}, {"location": "Jamrud", "killed": None}],
    ),
    # One named victim after a possessive and adjectives; forces killing a fighter is an operation.
    "forces_kill_a_wanted_commander": (
        "2024-05-15",
        "On Sunday night, troops killed Kunar's most wanted rebel commander Farid Zaland near Asadabad.",
        [
            {
                "event_type": "armed_clash",
                "killed": 1,
                "perpetrator": None,
                "occurred_on": dt.date(2024, 5, 12),
            }
        ],
    ),
    # "the first of two strikes", told by the side that struck, is one of a pair: a row of its own.
    "first_of_two_strikes": (
        "2024-05-15",
        "A drone strike killed four people in Mir Ali on Monday. The army said the first of two airstrikes "
        "hit a pickup truck on a road near Razmak.",
        [{"killed": 4, "location": "Mir Ali"}, {"event_type": "airstrike", "location": "Razmak"}],
    ),
    # One victim shot who died of it later counts one dead.
    "shot_and_later_died": (
        "2024-05-15",
        "Her brother was shot near the fish market in Kismayo on Sunday and later died in hospital.",
        [{"event_type": "armed_attack", "killed": 1, "location": "Kismayo"}],
    ),
    "died_after_being_shot": (
        "2024-05-15",
        "A young farmer died in hospital after being shot by gunmen near Jamrud on Monday.",
        [{"event_type": "armed_attack", "killed": 1, "location": "Jamrud"}],
    ),
    # "and more than a dozen wounded": the second figure after "and" is the wounded, not more dead.
    "second_figure_is_the_wounded": (
        "2024-05-15",
        "Gunmen stormed a hotel in Kismayo on Sunday, killing at least 9 people and more than a dozen wounded.",
        [{"killed": 9, "killed_qualifier": "at_least", "wounded": 12}],
    ),
    # "A day earlier" dates an earlier event from the one told before it.
    "a_day_earlier": (
        "2024-05-15",
        "A bomb killed three policemen in Quetta on Tuesday. A day earlier, two guards were shot dead at a "
        "checkpoint in Pishin.",
        [
            {"killed": 3, "occurred_on": dt.date(2024, 5, 14)},
            {"killed": 2, "location": "Pishin", "occurred_on": dt.date(2024, 5, 13)},
        ],
    ),
    # A lede's "more than a dozen" without a place, then the exact toll and the scene: one event.
    "lede_at_least_then_exact_toll": (
        "2024-05-15",
        "Officials are looking into a drone raid late last week that residents say killed more than a "
        "dozen people. District officials said 14 villagers lost their lives when a missile hit a home in "
        "Chahar Burjak district.",
        [{"event_type": "airstrike", "killed": 14}],
    ),
    # A weapon fired at a target is the act itself, even when only the side's statement tells it.
    "rockets_fired_at_a_target": (
        "2024-05-15",
        "In a message on its channel, the group said it had fired a salvo of rockets at an army post in "
        "Kiryat Shmona.",
        [{"event_type": "shelling", "location": "Kiryat Shmona"}],
    ),
    # "last week's attacks": a plural that its time determines; one phrase naming two towns is two rows.
    "attacks_on_two_towns_last_week": (
        "2024-05-15",
        "Hundreds of families have reached Mozambique's coast by boat, having left their homes in the wake "
        "of last week's raids by insurgents on the towns of Macomia and Nangade.",
        [
            {"event_type": "armed_attack", "location": "Macomia", "occurred_on": None},
            {"event_type": "armed_attack", "location": "Nangade", "killed": None},
        ],
    ),
    # A double attack in two villages: the toll stays with the first, the second gets its own row.
    "double_attack_in_two_villages": (
        "2024-05-15",
        "At least 20 villagers died when gunmen carried out a double attack in Beni and Kiworo villages in "
        "North Kivu, a local official, Mathe Kasereka, said.",
        [
            {"location": "Beni", "killed": 20},
            {"location": "Kiworo", "killed": None},
        ],
    ),
    # "fighting that broke out on Friday": the relative clause tells the event as much as the main one.
    "fighting_that_broke_out_on_a_day": (
        "2024-05-15",
        "Thousands of people fled fighting that broke out on Friday between two militias in Bor, aid "
        "workers said.",
        [{"event_type": "armed_clash", "location": "Bor", "occurred_on": dt.date(2024, 5, 10)}],
    ),
    # A toll with no event word, told after a clash that had none: the clash's toll, and still a clash.
    "bare_toll_after_a_clash": (
        "2024-05-15",
        "Fighting erupted on Monday between two militias in Bor. Many families ran to the river with "
        "nothing. Early reports say nine people were killed and 30 wounded.",
        [{"event_type": "armed_clash", "location": "Bor", "killed": 9, "wounded": 30}],
    ),
    # The day the fighting stopped is not the day it was fought.
    "fighting_ceased_on_a_day": (
        "2024-05-15",
        "Thousands of people fled into Uganda after fighting between the army and rebels in North Kivu. "
        "Father Amani Mbusa, who leads the parish of Kiworo, where rebels struck, told us that fighting "
        "had ceased on Tuesday and families were coming back.",
        [],
    ),
}

NOT_INCIDENTS = {
    # a film shot somewhere, a photograph shot at dawn: no shooting of people
    "film_was_shot": "The film was shot in Kismayo last year and its director later died in Nairobi.",
    "what_a_group_is_notorious_for": (
        "The Maute group is infamous for staging kidnappings and beheadings in the south, particularly from "
        "its lair in Jolo."
    ),
    "plans_to_attack": "Officials said militants planned to attack a checkpoint near Jamrud on Monday.",
    "deaths_in_a_story_without_violence": (
        "Nine patients died at the Kaduna hospital on Sunday after the power failed, officials said."
    ),
    "riot_police_are_no_riot": "Riot police in Nairobi arrested 40 protesters on Tuesday; 12 were hurt.",
    "fighters_killed_over_months_are_a_tally": (
        "Some 90 rebels were killed in gun battles across the region in the first five months of the year."
    ),
    "killed_since_a_date_is_a_tally": (
        "Since the ceasefire collapsed, over 60 insurgents and four of their helpers have been killed."
    ),
    "capital_accused_of_shelling": "The SDF accused Ankara of shelling civilian convoys, a charge Turkey denied.",
    "air_raid_alerts": "Air raid alerts sounded across the Kharkiv and Sumy regions on Saturday, officials said.",
    "threat_and_plan": "Officials warned that militants could attack polling stations in Quetta next week.",
    "generic_wave": "The government said it would step up security after a series of attacks.",
    "passive_killings_over_years_are_a_pattern": (
        "Many village heads in the state have been abducted and killed by bandits over the past two years."
    ),
    "lower_case_may_is_a_modal": "Officials said bandits may attack villages in Katsina on Friday.",
    "flood": "Floods killed 30 people in Sindh province on Monday, officials said.",
    "bus_accident": "Two people were killed and 14 injured when a bus overturned near Gilgit on Sunday.",
    "aggregate_year": "Militant attacks killed more than 1,500 people across Pakistan in 2023, a study said.",
    "aggregate_span": "Fighting in the valley killed more than 1,400 people between 2009 and 2013.",
    "ages_and_distances": "A 45-year-old farmer walked 30 kilometres to Quetta on Monday with 12 goats.",
    "gas_cylinder": "Five people were killed when a gas cylinder exploded at a cafe in Karachi on Monday.",
    "labour_strike": "Transport workers went on strike in Lahore on Tuesday, stranding commuters.",
    "struck_a_deal": "Pakistan and Iran struck a deal in Tehran on Monday to expand border trade.",
    "a_count_of_attacks": "The capital Bamako has been attacked four times since 2015.",
    "a_trend_of_attacks": (
        "According to reports, ISIS militants have escalated their attacks in the area between Kirkuk "
        "and Diyala."
    ),
    "a_toll_between_two_months": (
        "The monitor says at least 2,310 people were killed in the region between early March, when "
        "the offensive began, and September 14."
    ),
    "an_estimated_toll_in_the_perfect": (
        "Analysts estimate 40,000 people have been killed in Cabo Delgado province, most of them civilians."
    ),
    "firefighters_are_no_firefight": "Firefighters rescued 12 people from a burning hotel in Kano on Sunday.",
    "a_feared_assault_with_adjectives": (
        "Families escaping violence in Beni have reached the lake shore on foot, fearing the army will "
        "launch a full-scale assault on the rebel stronghold."
    ),
    "since_fighting_broke_out": (
        "The number of people who fled has passed 50,000 since fighting broke out on March 3, the agency said."
    ),
    "a_war_that_began_in_a_month": (
        "The attack was not linked to the insurgency in the north that started in March 2017 and has "
        "resulted in thousands of deaths."
    ),
}


@pytest.mark.parametrize("case", sorted(CASES), ids=sorted(CASES))
def test_invented_articles(case: str) -> None:
    published, text, expected = CASES[case]
    rows = _rows(text, published)
    assert len(rows) == len(expected), [r["evidence"] for r in rows]
    for row, want in zip(rows, expected, strict=True):
        got = {k: row[k] for k in want}
        assert got == want


@pytest.mark.parametrize("case", sorted(NOT_INCIDENTS), ids=sorted(NOT_INCIDENTS))
def test_not_incidents(case: str) -> None:
    assert _rows(NOT_INCIDENTS[case], "2024-05-15") == []


def test_claiming_the_dead_names_no_attacker() -> None:
    # a group that claims the dead as its fighters speaks of victims, not of an attack it made
    text = (
        "The Israeli army said an airstrike hit a vehicle near the city of Nablus on Monday, targeting a cell "
        "on its way to an attack. Hamas named a local commander among the dead, and its ally Islamic Jihad "
        "claimed the two other victims of the raid as its own fighters."
    )
    rows = _rows(text, "2024-05-15")
    assert rows and all(r["perpetrator"] != "Palestinian Islamic Jihad" for r in rows)


@pytest.mark.skipif(not SEED.exists() or not SEED_GOLD.exists(), reason="shared seed article not mounted")
def test_seed_article() -> None:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    raw = SEED.read_text(encoding="utf-8")
    rows = _rows(raw, gold["published"])
    kerman = [r for r in rows if r["location"] == "Kerman"]
    assert len(kerman) == 1
    want = next(g for g in gold["incidents"] if not g["optional"])
    got = kerman[0]
    for key in ("event_type", "country_iso3", "killed", "killed_qualifier", "wounded", "wounded_qualifier"):
        assert got[key] == want[key], key
    assert got["perpetrator"] == want["perpetrator"]
    assert "Kerman" in got["evidence"]


@pytest.mark.parametrize(
    ("iso3", "name"),
    [("RUS", "Russia"), ("IRN", "Iran"), ("USA", "United States")],
    ids=["RUS", "IRN", "USA"],
)
def test_state_names(iso3: str, name: str) -> None:
    assert state_name(iso3) == name


_WORDS = st.sampled_from(
    [
        "killed",
        "killing",
        "wounded",
        "at least",
        "12",
        "two dozen",
        "bomb",
        "attack",
        "in",
        "Quetta",
        "on",
        "Monday",
        "the",
        "blast",
        "claimed",
        "responsibility",
        "Islamic State",
        ".",
        ",",
        "\n\n",
        "said",
        "after",
        "days",
        "strike",
        "Pakistani",
        "since",
        "2021",
        "hundreds",
        "of",
        "people",
        "were",
        "“",
        "”",
        "—",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=60), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 1, 1)))
def test_never_raises_on_word_salad(words: list[str], published: dt.date) -> None:
    text = normalize_text(" ".join(words))
    for r in extract_incidents(text, published):
        assert 0 <= r.start_char < r.end_char <= len(text)
        assert r.event_type in EVENT_TYPES
        assert r.killed_qualifier in QUALIFIERS and r.wounded_qualifier in QUALIFIERS


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), st.dates()))
def test_never_raises_on_arbitrary_text(raw: str, published: dt.date | None) -> None:
    text = normalize_text(raw)
    for r in extract_incidents(text, published):
        assert 0 <= r.start_char < r.end_char <= len(text)
