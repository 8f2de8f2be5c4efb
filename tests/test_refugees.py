"""Guards the refugee-count extractor: which numbers count, and their population, movement, countries, period.

Sentences are invented (fictional people) except the seed article, whose analyst gold is known.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.normalize import normalize_text
from transforms.records import RefugeeCount
from transforms.refugees import extract_refugee_counts

SEED = (
    Path(__file__).resolve().parents[1] / "examples" / "seed-iran-pakistan-afghanistan.txt"
)  # the seed article, bundled
PUB = dt.date(2025, 3, 12)  # a Wednesday
FAMILIES = (
    "About 2,300 families comprising 13,450 individuals returned from Pakistan through Torkham last week."
)

# (id, text, count, expected fields of the row with that count)
CASES: list[tuple[str, str, int, dict[str, Any]]] = [
    # in a story about displaced people, the people a boat carries are a count
    (
        "boat-people-in-a-displacement-story",
        "Hundreds of refugees have fled Libya this month. The boat, which was carrying 38 people, needed "
        "immediate rescue off Zuwara.",
        38,
        {"movement": "other", "population": "people"},
    ),
    # a figure whose own sentence has no time takes the single day the sentence before gives its event
    (
        "neighbour-day-rescued-from-the-boat",
        "The coast guard on Monday recovered several bodies after a boat capsized off Zarzis, officials said. "
        "Seven migrants aboard the dinghy were pulled from the water, spokesman Karim Bensalem said.",
        7,
        {"period_start": dt.date(2025, 3, 10), "period_end": dt.date(2025, 3, 10)},
    ),
    (
        "neighbour-day-arrivals-that-day",
        "On Sunday, patrol boats kept arriving in the port of Dover full of people. By the afternoon, "
        "around 160 people had arrived.",
        160,
        {"movement": "arrived", "period_start": dt.date(2025, 3, 9), "period_end": dt.date(2025, 3, 9)},
    ),
    (
        "neighbour-day-of-the-telling-is-not-the-period",
        "Families arrived in Armenia from Karabakh, deputy minister Aram Petrosyan said on Tuesday. "
        "Some 2,400 people arrived in Goris.",
        2400,
        {"period_start": None, "period_end": None},
    ),
    (
        "neighbour-day-another-group-is-not-dated",
        "Migrants were deported to Haiti on Monday. Another 3,150 migrants were deported to Haiti.",
        3150,
        {"period_start": None, "period_end": None},
    ),
    (
        "neighbour-day-a-habit-is-not-dated",
        "A boat carrying Rohingya refugees landed in Aceh on Sunday, police said. Some 2,000 Rohingya arrive "
        "in Malaysia each year.",
        2000,
        {"period_start": None, "period_end": None},
    ),
    (
        "experienced-displacement",
        "Between 1 January and 28 February 2025, the agency estimates that 3,950 individuals in Marib have "
        "experienced displacement at least once.",
        3950,
        {"movement": "displaced", "period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 2, 28)},
    ),
    (
        "war-total-after-the-sentence-that-dates-the-war",
        "The conflict in the region broke out in June 2024. About 310,000 residents have since been uprooted, "
        "Ms Okafor said.",
        310000,
        {"period_start": dt.date(2024, 6, 1), "period_end": PUB},
    ),
    (
        "since-a-country-invaded",
        "Border guards said nearly 48,000 Ukrainians had crossed into Moldova since Russia invaded.",
        48000,
        {"period_start": dt.date(2022, 2, 24), "period_end": PUB},
    ),
    (
        "adjective-shores-name-the-destination",
        "More than 1,900 migrants landed on Italian shores last week, the ministry said.",
        1900,
        {"movement": "arrived", "destination_iso3": "ITA"},
    ),
    (
        "coast-of-a-country-is-the-destination",
        "A fishing boat with 61 Rohingya aboard reached the coast of Indonesia's Aceh province on Monday.",
        61,
        {"movement": "arrived", "destination_iso3": "IDN"},
    ),
    (
        "off-a-coast-is-where-they-are",
        "The coastguard rescued 85 migrants off the Tunisian coast on Monday.",
        85,
        {"location_iso3": ("TUN",)},
    ),
    (
        "until-a-past-day-is-a-running-total",
        "The ministry said 87,300 migrants have crossed the jungle route until Sunday.",
        87300,
        {"period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 3, 9)},
    ),
    (
        "by-a-day-after-must-is-a-deadline",
        "Some 40,000 Afghans must leave Pakistan by March 31, the ministry said.",
        40000,
        {"period_start": None, "period_end": None},
    ),
    (
        "by-a-past-month-is-a-running-total",
        "By February, about 41,000 migrants had crossed the sea to Lampedusa.",
        41000,
        {"period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 2, 28)},
    ),
    (
        "by-a-past-day-is-a-running-total",
        "Some 12,400 migrants had reached the Canary Islands by March 9, officials said.",
        12400,
        {"period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 3, 9)},
    ),
    (
        "dateline-of-a-story-about-elsewhere",
        "LONDON - Iran expels more Afghans every week. Since March, more than 410,000 Afghans have "
        "returned to Afghanistan, the agency said.",
        410000,
        {"location_iso3": ("IRN",), "destination_iso3": "AFG"},
    ),
    (
        "that-year-refers-back",
        "So far this year 21,300 migrants have been registered, against 9,800 in the same period of 2023. That "
        "year, a total of 57,000 migrants crossed into Panama.",
        57000,
        {"period_start": dt.date(2023, 1, 1), "period_end": dt.date(2023, 12, 31)},
    ),
    (
        "came-across-a-border",
        "Border agents said 96,400 migrants came across the southern border in February.",
        96400,
        {"movement": "arrived", "period_start": dt.date(2025, 2, 1), "period_end": dt.date(2025, 2, 28)},
    ),
    (
        "host-verb-keeps-displaced-people-hosted",
        "North Kivu province hosts about 2.1 million internally displaced people, Ms Kabila said.",
        2100000,
        {"population": "idps", "movement": "hosted"},
    ),
    (
        "previous-12-months-of-a-named-year",
        "Norway granted asylum to 4,120 people in the year to June 2024, double the 2,060 in the previous 12 "
        "months.",
        2060,
        {"period_start": dt.date(2022, 7, 1), "period_end": dt.date(2023, 6, 30)},
    ),
    (
        "a-year-earlier-after-the-baseline",
        "Italy recorded 41,300 sea arrivals in 2023, up from 30,200 a year earlier.",
        30200,
        {"period_start": dt.date(2022, 1, 1), "period_end": dt.date(2022, 12, 31)},
    ),
    (
        "same-period-the-year-before-opens-the-sentence",
        "During the same period the year before, agents apprehended 9,870 migrants in January.",
        9870,
        {"period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 1, 31)},
    ),
    (
        "comparison-with-the-previous-year-is-not-the-period",
        "In 2024 the ministry deported 6,200 people, up a quarter on the previous year.",
        6200,
        {"period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 12, 31)},
    ),
    (
        "breakdown-after-including-keeps-the-verb",
        "On Monday, 58 migrants, including three minors and 12 women, landed in Lampedusa.",
        58,
        {"movement": "arrived", "destination_iso3": "ITA", "period_start": dt.date(2025, 3, 10)},
    ),
    (
        "origin-after-from-the",
        "Another 1,300 refugees from the Central African Republic have arrived in southern Chad this week.",
        1300,
        {"origin_iso3": "CAF", "destination_iso3": "TCD"},
    ),
    (
        "days-named-in-a-row-between",
        "From Sunday night to Monday morning, a further 96 migrants reached Lampedusa, Ms Ferri said.",
        96,
        {"movement": "arrived", "period_start": dt.date(2025, 3, 9), "period_end": dt.date(2025, 3, 10)},
    ),
    (
        "days-named-in-a-row-through",
        "Three boats with a total of 61 Tunisians reached Lampedusa starting Saturday night through late "
        "Sunday morning.",
        61,
        {"period_start": dt.date(2025, 3, 8), "period_end": dt.date(2025, 3, 9)},
    ),
    (
        "days-named-in-a-row-weekend-and",
        "Over the weekend and on Monday, 530 migrants landed on Lampedusa.",
        530,
        {"period_start": dt.date(2025, 3, 8), "period_end": dt.date(2025, 3, 10)},
    ),
    (
        "granted-asylum-to",
        "Norway granted asylum to 2,700 Eritreans last year, the directorate said.",
        2700,
        {
            "movement": "registered",
            "location_iso3": ("NOR",),
            "origin_iso3": "ERI",
            "period_start": dt.date(2024, 1, 1),
        },
    ),
    (
        "were-granted-asylum",
        "About 1,900 Afghans were granted asylum in Ireland in 2023.",
        1900,
        {"movement": "registered", "location_iso3": ("IRL",), "origin_iso3": "AFG"},
    ),
    (
        "span-in-just-a-week",
        "Border officials in Moldova said 6,400 refugees had arrived from Ukraine in just a week.",
        6400,
        {"movement": "arrived", "period_start": dt.date(2025, 3, 5), "period_end": PUB},
    ),
    (
        "span-in-n-days",
        "Chad has reported 2,100 arrivals from Sudan in three days, Ms Obura said.",
        2100,
        {"movement": "arrived", "period_start": dt.date(2025, 3, 9), "period_end": PUB},
    ),
    (
        "span-forecast-has-no-period",
        "The 300 refugees will be relocated to Kampala in two weeks, Ms Obura said.",
        300,
        {"period_start": None, "period_end": None},
    ),
    (
        "span-beside-a-date-keeps-the-date",
        "About 700 migrants were rescued in three days last month, Mr Tanui said.",
        700,
        {"period_start": dt.date(2025, 2, 1), "period_end": dt.date(2025, 2, 28)},
    ),
    (
        "span-first-fortnight",
        "In the first fortnight of February, 1,850 migrants landed in Lampedusa.",
        1850,
        {"period_start": dt.date(2025, 2, 1), "period_end": dt.date(2025, 2, 14)},
    ),
    (
        "removed-is-deported",
        "The border agency removed 18,420 people last year, Ms Halloran told the committee.",
        18420,
        {"movement": "deported", "forced": True},
    ),
    (
        "removed-from-a-camp-is-other",
        "About 1,300 migrants were removed from the tent camp at the port on Friday.",
        1300,
        {"movement": "other", "population": "migrants"},
    ),
    (
        "drove-out-displaces",
        "The militia drove out 7,500 residents of the river villages in Mali.",
        7500,
        {"movement": "displaced", "location_iso3": ("MLI",)},
    ),
    (
        "causative-forced-n-to-flee",
        "Militia raids in Ituri have forced 42,000 Congolese to flee their homes this month, Mr Obasi said.",
        42000,
        {"movement": "displaced", "origin_iso3": "COD", "location_iso3": ("COD",)},
    ),
    (
        "causative-drove-n-to-seek-refuge",
        "The shelling drove about 3,100 villagers to seek refuge in Chad, a local chief told reporters.",
        3100,
        {"movement": "arrived", "destination_iso3": "TCD", "qualifier": "approx"},
    ),
    (
        "listed-share-of-a-flight",
        "Clashes in Sudan have caused 61,000 people to flee into Chad (40,000) and Egypt (21,000), Ms Varga said.",
        21000,
        {"movement": "arrived", "destination_iso3": "EGY"},
    ),
    (
        "crossed-back-at-crossing",
        "More than 7,800 Afghans came back from Iran via Islam Qala on Monday, a border officer said.",
        7800,
        {
            "population": "people",
            "movement": "returned",
            "qualifier": "at_least",
            "origin_iso3": "AFG",
            "location_iso3": ("IRN",),
            "destination_iso3": "AFG",
            "period_start": dt.date(2025, 3, 10),
            "period_end": dt.date(2025, 3, 10),
        },
    ),
    (
        "families-then-individuals-1",
        FAMILIES,
        2300,
        {
            "unit": "families",
            "movement": "returned",
            "location_iso3": ("PAK",),
            "destination_iso3": "AFG",
            "period_start": dt.date(2025, 3, 3),
            "period_end": dt.date(2025, 3, 9),
        },
    ),
    (
        "families-then-individuals-2",
        FAMILIES,
        13450,
        {"unit": "persons", "qualifier": "exact", "movement": "returned", "location_iso3": ("PAK",)},
    ),
    (
        "host-country-subject",
        "Turkey still hosts about 3.1 million Syrians, the interior ministry said.",
        3100000,
        {
            "population": "people",
            "movement": "hosted",
            "origin_iso3": "SYR",
            "location_iso3": ("TUR",),
            "destination_iso3": None,
            "period_start": None,
        },
    ),
    (
        "undocumented-wins",
        "An estimated 900,000 Afghans are living in Iran without documents, according to officials.",
        900000,
        {
            "population": "undocumented",
            "movement": "hosted",
            "qualifier": "approx",
            "location_iso3": ("IRN",),
        },
    ),
    (
        "voluntary-return",
        "About 4,000 refugees returned voluntarily to Afghanistan from Pakistan this year.",
        4000,
        {
            "population": "refugees",
            "movement": "returned",
            "forced": False,
            "location_iso3": ("PAK",),
            "destination_iso3": "AFG",
            "period_start": dt.date(2025, 1, 1),
            "period_end": PUB,
        },
    ),
    (
        "expelled-is-deported",
        "Iranian police expelled 3,200 Afghans on Tuesday.",
        3200,
        {
            "movement": "deported",
            "forced": True,
            "location_iso3": ("IRN",),
            "destination_iso3": "AFG",
            "period_start": dt.date(2025, 3, 11),
        },
    ),
    (
        "internally-displaced",
        "More than 1.5 million people are internally displaced in Somalia.",
        1500000,
        {"population": "idps", "movement": "displaced", "origin_iso3": "SOM", "location_iso3": ("SOM",)},
    ),
    (
        "crossed-into-neighbour",
        "Over 15,000 Sudanese refugees have so far crossed into Chad since January.",
        15000,
        {
            "population": "refugees",
            "movement": "arrived",
            "origin_iso3": "SDN",
            "location_iso3": ("SDN",),
            "destination_iso3": "TCD",
            "period_start": dt.date(2025, 1, 1),
            "period_end": PUB,
        },
    ),
    (
        "of-them-continues-row",
        "Since January, 80,000 Afghans have returned from Pakistan, 20,000 of them deported.",
        20000,
        {
            "movement": "deported",
            "forced": True,
            "origin_iso3": "AFG",
            "location_iso3": ("PAK",),
            "period_start": dt.date(2025, 1, 1),
            "period_end": PUB,
        },
    ),
    (
        "vague-plural-fled-villages",
        "Thousands of families fled their villages in Bajaur for Peshawar.",
        1000,
        {
            "population": "idps",
            "movement": "displaced",
            "unit": "families",
            "qualifier": "at_least",
            "location_iso3": ("PAK",),
            "destination_iso3": "PAK",
        },
    ),
    (
        "back-reference-both-countries",
        "Iran and Pakistan host millions of Afghans. Last year 500,000 were deported from both countries.",
        500000,
        {
            "movement": "deported",
            "location_iso3": ("IRN", "PAK"),
            "period_start": dt.date(2024, 1, 1),
            "period_end": dt.date(2024, 12, 31),
        },
    ),
    (
        "registered-verb",
        "Poland has registered 950,000 Ukrainian refugees since February 2022.",
        950000,
        {
            "movement": "registered",
            "origin_iso3": "UKR",
            "location_iso3": ("POL",),
            "period_start": dt.date(2022, 2, 1),
            "period_end": PUB,
        },
    ),
    (
        "evacuated",
        "Around 300 families were evacuated from flooded villages in Sindh province on Friday.",
        300,
        {
            "population": "idps",  # rules v2: evacuees are idps unless they crossed a border
            "movement": "displaced",
            "unit": "families",
            "location_iso3": ("PAK",),
            "destination_iso3": "PAK",
            "period_start": dt.date(2025, 3, 7),
        },
    ),
    (
        "deadline-is-not-a-period",
        "Iran has told 2 million undocumented Afghans to leave by March.",
        2000000,
        {"population": "undocumented", "period_start": None, "period_end": None},
    ),
    (
        "returnees-arriving-came-home",
        "More than 5,000 returnees arrived at the Torkham crossing on Sunday.",
        5000,
        {
            "movement": "returned",
            "location_iso3": ("PAK",),
            "destination_iso3": "AFG",
            "period_start": dt.date(2025, 3, 9),
        },
    ),
    (
        "range-is-lower-bound",
        "Some 20-30 families fled the village of Sangan on Monday.",
        20,
        # rules v2: a village they fled is where they left, not where they went: "people"
        {"qualifier": "at_least", "unit": "families", "movement": "displaced", "population": "people"},
    ),
    (
        "dash-apposition",
        "Over the past two days, 6,120 people \u2014 1,020 families \u2014 crossed back through Chaman.",
        1020,
        {
            "unit": "families",
            "movement": "returned",
            "location_iso3": ("PAK",),
            "destination_iso3": "AFG",
            "period_start": dt.date(2025, 3, 10),
            "period_end": PUB,
        },
    ),
    (
        "rate-with-its-own-month",
        "Guards said 9,300 people crossed from Ukraine into Poland, up from about 7,000 a day in January.",
        7000,
        {
            "movement": "arrived",
            "location_iso3": ("UKR",),
            "destination_iso3": "POL",
            "period_start": dt.date(2025, 1, 1),
            "period_end": dt.date(2025, 1, 31),
        },
    ),
    (
        "pushback-is-forced-other",
        "The coast guard turned back two boats carrying 93 Rohingya who tried to cross from Myanmar.",
        93,
        {"movement": "other", "forced": True, "origin_iso3": "MMR", "location_iso3": ("MMR",)},
    ),
    (
        "displaced-alone-is-people",
        "The floods have killed 40 people and displaced about 12,000 others, the agency said.",
        12000,
        {"population": "people", "movement": "displaced"},
    ),
    (
        "displaced-within-country-is-idps",
        "More than 90,000 people have been displaced within Mozambique since January.",
        90000,
        {"population": "idps", "movement": "displaced", "location_iso3": ("MOZ",)},
    ),
    (
        "displaced-across-opener-is-idps",
        "Across Ethiopia, some 3.1 million people are displaced by drought and fighting.",
        3100000,
        {"population": "idps", "movement": "displaced"},
    ),
    (
        "displaced-then-camps-is-idps",
        "The offensive displaced thousands of residents of Kurram, many of whom live in camps near Hangu.",
        1000,
        {"population": "idps", "movement": "displaced"},
    ),
    (
        "fled-their-homes-is-people",
        "Some 2,500 villagers in northern Mali fled their homes after the raid.",
        2500,
        {"population": "people", "movement": "displaced", "destination_iso3": None},
    ),
    (
        "moved-to-a-village-is-idps",
        "Around 7,000 Rohingya moved to a village near Buthidaung to escape the shelling.",
        7000,
        {"population": "idps", "movement": "displaced", "destination_iso3": "MMR"},
    ),
    (
        "left-villages-is-displaced",
        "In Bajaur, an elder named Gul Zaman said dozens of families have left villages near the frontier.",
        12,
        {"population": "people", "movement": "displaced", "unit": "families"},
    ),
    (
        "aside-between-subject-and-verb",
        "About 900,000 Rohingya, most of whom fled Myanmar in 2017, are living in camps in Cox's Bazar.",
        900000,
        {"movement": "hosted", "location_iso3": ("BGD",), "origin_iso3": "MMR"},
    ),
    (
        "dash-aside-between-subject-and-verb",
        "Some 2,000 residents of Marawi \u2013 which lies near the lake \u2013 had fled when the army moved in.",
        2000,
        {"movement": "displaced", "population": "people"},
    ),
    (
        "forced-from-homes-is-forced-displacement",
        "Hundreds of families in Taiz were forced to leave their homes last week, aid workers said.",
        100,
        {"movement": "displaced", "forced": True, "unit": "families"},
    ),
    (
        "nominal-cue-before-number",
        "Iran announced the deportation of more than 400,000 Afghan nationals last year.",
        400000,
        {"movement": "deported", "forced": True, "destination_iso3": "AFG"},
    ),
    (
        "their-own-country-is-a-return",
        "By now over 6,300 Afghan refugees have now entered their country via Torkham.",
        6300,
        {"movement": "returned", "destination_iso3": "AFG", "location_iso3": ("PAK",)},
    ),
    (
        "possessive-noun-is-not-the-movement",
        "Over 900,000 Rohingya live in camps in Bangladesh, facing limits on their return to Myanmar.",
        900000,
        {"movement": "hosted", "destination_iso3": None, "location_iso3": ("BGD",)},
    ),
    (
        "registered-as-refugees-is-a-stock",
        "About 2 million Afghans live in Iran. Another 750,000 are registered as refugees.",
        750000,
        {"movement": "hosted", "population": "refugees", "location_iso3": ("IRN",)},
    ),
    (
        "arrival-keeps-the-previous-destination",
        "Rohingya are fleeing to Bangladesh by boat. Up to 3,400 Rohingya have arrived over the past month.",
        3400,
        {"movement": "arrived", "destination_iso3": "BGD"},
    ),
    (
        "date-of-the-telling-is-not-the-period",
        "Earlier on March 3, the minister told reporters that around 8,000 Rohingya have entered Bangladesh.",
        8000,
        {"movement": "arrived", "destination_iso3": "BGD", "period_start": None, "period_end": None},
    ),
    (
        "dateline-date-and-vague-period",
        "Dhaka, 4 March 2025 (XYZ): Around 5,600 Rohingya took shelter in Bangladesh in recent months.",
        5600,
        {"period_start": None, "period_end": None},
    ),
    (
        "war-dated-in-the-sentence-before",
        "Since June 2, 2022, the army and the rebels have been fighting a war. "
        "The conflict has left hundreds dead and displaced millions of others.",
        1000000,
        {"movement": "displaced", "period_start": dt.date(2022, 6, 2), "period_end": PUB},
    ),
    (
        "outbreak-day-refines-its-month",
        "At least 11,000 Sudanese refugees have now crossed into Chad since the fighting broke out last month. "
        "The clashes erupted in Darfur on February 15.",
        11000,
        {"movement": "arrived", "period_start": dt.date(2025, 2, 15), "period_end": PUB},
    ),
    (
        "subset-inherits-the-movement",
        "The war began on February 15. As of March 3, over 9,000 people had crossed into Egypt, "
        "including 8,100 Sudanese and 900 foreign nationals.",
        900,
        {
            "movement": "arrived",
            "destination_iso3": "EGY",
            "period_start": dt.date(2025, 2, 15),
            "period_end": dt.date(2025, 3, 3),
        },
    ),
    (
        "coordinated-groups-share-verb-and-date",
        "Between March 1 and March 9, 2025, 30,000 Syrian nationals and 12,000 Lebanese citizens crossed into Syria.",
        30000,
        {
            "movement": "returned",
            "origin_iso3": "SYR",
            "period_start": dt.date(2025, 3, 1),
            "period_end": dt.date(2025, 3, 9),
        },
    ),
    (
        "comparison-year-is-not-the-period",
        "In February, the number of arrivals dropped to 2 300, down 38% compared to last year.",
        2300,
        {"movement": "arrived", "period_start": dt.date(2025, 2, 1), "period_end": dt.date(2025, 2, 28)},
    ),
    (
        "reached-an-island-is-an-arrival",
        "On Sunday, a total of 640 migrants reached Lampedusa after calmer seas.",
        640,
        {"movement": "arrived", "destination_iso3": "ITA"},
    ),
    (
        "fled-the-country-to-several",
        "More than 500,000 have fled the country since April, mostly to Chad, Egypt and Ethiopia.",
        500000,
        {"movement": "arrived", "destination_iso3": None},
    ),
    (
        "left-someone-doing-is-no-departure",
        "The arrival of 300 migrants has left local officials scrambling for beds.",
        300,
        {"movement": "arrived", "population": "migrants"},
    ),
    (
        "hyphenated-million",
        "Officials said more than 4-million people had fled their homes in Sudan.",
        4000000,
        {"movement": "displaced", "qualifier": "at_least"},
    ),
    (
        "number-of-arrivals-rose-to",
        "In the first half of 2025, the number of arrivals on the route rose by 40% to almost 25 000.",
        25000,
        # counted up to publication: a period never ends after the day the story appeared
        {"movement": "arrived", "period_start": dt.date(2025, 1, 1), "period_end": PUB},
    ),
    (
        "irregular-crossings-are-counts",
        "Border guards counted nearly 3 900 irregular border crossings on the southern sea border this year.",
        3900,
        {"movement": "arrived", "population": "people", "period_start": dt.date(2025, 1, 1)},
    ),
    (
        "neighbouring-countries-no-destination",
        "At least 100,000 people have fled from Sudan to neighbouring countries, with Chad receiving the most.",
        100000,
        {"movement": "arrived", "destination_iso3": None, "location_iso3": ("SDN",)},
    ),
    (
        "country-list-second-figure",
        "The main countries hosting Sudanese refugees were Chad (640 000 people; 41 per cent), "
        "Egypt (500 000; 32 per cent) and South Sudan (210 000; 13 per cent).",
        500000,
        {"movement": "hosted", "location_iso3": ("EGY",), "origin_iso3": "SDN"},
    ),
    (
        "net-change-with-baseline",
        "As of February 28 2025, about 950 000 refugees from Syria lived in Lebanon. "
        "Compared with the end of January 2025, the number of refugees from Syria in Lebanon increased by 12 500.",
        12500,
        {
            "movement": "other",
            "origin_iso3": "SYR",
            "period_start": dt.date(2025, 2, 1),
            "period_end": dt.date(2025, 2, 28),
        },
    ),
    (
        "signed-change-in-a-country-list",
        "Compared with the end of January 2025, the number of Ukrainians under temporary protection rose. "
        "The largest increases were seen in Poland (+4 210; +0.4 per cent) and Spain (+1 150; +0.6 per cent).",
        1150,
        {"movement": "other", "location_iso3": ("ESP",)},
    ),
    (
        "who-fled-names-the-origin",
        "Almost 300 000 people, who fled Ukraine after the invasion, had temporary protection status in Czechia.",
        300000,
        {"movement": "hosted", "origin_iso3": "UKR", "location_iso3": ("CZE",)},
    ),
    (
        "date-before-an-event-is-not-the-period",
        "Goma was hosting close to a million displaced people before the escalation of fighting on February 26.",
        1000000,
        {"population": "idps", "period_start": None, "period_end": None},
    ),
    (
        "left-camps-for-villages",
        "More than 110,000 displaced people have left such camps for distant villages in North Kivu.",
        110000,
        {"population": "idps", "movement": "displaced", "destination_iso3": "COD"},
    ),
    (
        "as-of-alone-is-not-a-period",
        "As of 31 August 2024, 87,000 individuals in Haiti have been displaced by gang violence.",
        87000,
        {"movement": "displaced", "period_start": None, "period_end": None},
    ),
    (
        "relative-clause-past-flight-under-a-host-verb",
        "Jordan hosts around 650,000 Syrian refugees who left their country during the civil war.",
        650000,
        {"movement": "hosted", "location_iso3": ("JOR",), "destination_iso3": None},
    ),
    (
        "displacement-placed-by-the-sentence-before",
        "About 1.5 million Syrian refugees live in Lebanon, and 20,000 Syrians have crossed back. "
        "Officials cited the displacement of over 20,000 people in Lebanon over two days. "
        "More than 9,000 people have been displaced over the past 48 hours.",
        9000,
        {"movement": "displaced", "location_iso3": ("LBN",)},
    ),
    (
        "that-number-rose-to-by-day",
        "Between January 1 and February 10, 2025, nearly 4,000 Afghans became new refugees in Iran and Pakistan. "
        "That number rose to 9,500 by March 1, the agency said.",
        9500,
        {
            "movement": "arrived",
            "population": "refugees",
            "destination_iso3": None,
            "period_start": dt.date(2025, 1, 1),
            "period_end": dt.date(2025, 3, 1),
        },
    ),
    (
        "two-clauses-two-destinations",
        "At least 9,300 Afghans have entered Iran this year, 4,800 have gone to Pakistan and 1,300 to Tajikistan.",
        4800,
        {"movement": "arrived", "destination_iso3": "PAK"},
    ),
    (
        "fled-to-camps-in-a-country",
        "About 740,000 Rohingya have fled Myanmar to camps in Bangladesh since August 2017.",
        740000,
        {"movement": "arrived", "origin_iso3": "MMR", "location_iso3": ("MMR",), "destination_iso3": "BGD"},
    ),
    (
        "fled-to-a-named-country-crosses-a-border",
        "At least 15,000 people fled to Chad in the past week, the agency said.",
        15000,
        {"movement": "arrived", "destination_iso3": "TCD"},
    ),
    (
        "flown-home-is-a-return",
        "Around 4,500 Ethiopian migrants were flown home from Saudi Arabia this month.",
        4500,
        {"movement": "returned", "origin_iso3": "ETH", "location_iso3": ("SAU",), "destination_iso3": "ETH"},
    ),
    (
        "return-inside-one-country",
        "An estimated 90,000 Ukrainians have returned to their homes in Kherson since November.",
        90000,
        {"movement": "returned", "location_iso3": ("UKR",), "destination_iso3": "UKR"},
    ),
    (
        "asylum-applications-count",
        "Germany received 329,000 asylum applications last year.",
        329000,
        {"population": "asylum_seekers", "movement": "registered", "location_iso3": ("DEU",)},
    ),
    (
        "peoples-without-a-demonym",
        "Some 2,000 Kurds have been forced from their villages in northern Syria.",
        2000,
        {"movement": "displaced", "forced": True, "location_iso3": ("SYR",)},
    ),
    (
        "fled-to-the-south-is-inside",
        "About 300,000 Palestinians have fled northern Gaza to the south since the evacuation order.",
        300000,
        {"population": "idps", "movement": "displaced", "destination_iso3": "PSE"},
    ),
    (
        "camp-for-displaced-people-is-no-destination",
        "As many as 40,000 people have fled the Abu Shouk camp for displaced people in North Darfur state.",
        40000,
        {"population": "people", "movement": "displaced", "destination_iso3": None},
    ),
    (
        "crossing-with-no-home-named-is-an-arrival",
        "Over the weekend, more than 3,000 migrants crossed the English Channel in small boats.",
        3000,
        {"movement": "arrived", "period_start": dt.date(2025, 3, 8), "period_end": dt.date(2025, 3, 9)},
    ),
    (
        "since-the-start-of-the-war",
        "The war began on February 24, 2022. "
        "More than 1 million Ukrainians have returned home since the start of the war, the border service said.",
        1000000,
        {"movement": "returned", "period_start": dt.date(2022, 2, 24), "period_end": PUB},
    ),
    (
        "evacuated-abroad-is-an-arrival",
        "About 1,200 Afghans were evacuated to Qatar on Thursday.",
        1200,
        {"movement": "arrived", "population": "people", "destination_iso3": "QAT"},
    ),
    (
        "fled-from-a-country-names-the-origin",
        "Some 3,400 refugees fled to Uganda from South Sudan last week.",
        3400,
        {"movement": "arrived", "origin_iso3": "SSD", "location_iso3": ("SSD",), "destination_iso3": "UGA"},
    ),
    (
        "reached-a-total-is-no-arrival",
        "The number of Sudanese refugees in Chad has reached 1.2 million, the agency said.",
        1200000,
        {"movement": "hosted", "location_iso3": ("TCD",)},
    ),
    (
        "sheltering-people-are-displaced",
        "About 500,000 people are sheltering in schools across Gaza, the agency said.",
        500000,
        {"population": "idps", "movement": "displaced", "location_iso3": ("PSE",)},
    ),
    (
        "leaving-their-own-country",
        "An estimated 5,000 Venezuelans leave the country every day, most heading to Colombia and Peru.",
        5000,
        {"movement": "arrived", "origin_iso3": "VEN", "destination_iso3": None},
    ),
    (
        "leaving-the-host-country-is-going-home",
        "Pakistan hosts millions of Afghans. Officials said 12,000 Afghans had left the country since March.",
        12000,
        {"movement": "returned", "destination_iso3": "AFG", "location_iso3": ("PAK",)},
    ),
    (
        "relocated-by-a-government",
        "Bangladesh has relocated about 30,000 Rohingya to the island of Bhasan Char.",
        30000,
        {"movement": "other", "destination_iso3": "BGD"},
    ),
    (
        "bringing-the-total-is-its-own-clause",
        "Last month alone, 18,000 people fled to Chad, bringing the total since April to 600,000.",
        18000,
        {"movement": "arrived", "period_start": dt.date(2025, 2, 1), "period_end": dt.date(2025, 2, 28)},
    ),
    (
        "most-of-them-from-names-the-origin",
        "The Kakuma camp in Kenya shelters about 200,000 people, most of them from South Sudan.",
        200000,
        {"movement": "hosted", "origin_iso3": "SSD", "location_iso3": ("KEN",)},
    ),
    (
        "returns-from-a-country-leave-it",
        "Returns from Iran reached 25,000 on Tuesday alone.",
        25000,
        {"movement": "returned", "origin_iso3": None, "location_iso3": ("IRN",)},
    ),
    (
        "landed-home-after-deportation",
        "A flight carrying 126 Guatemalan migrants landed in Guatemala City on Thursday after they were "
        "deported from the United States.",
        126,
        {"movement": "deported", "forced": True, "location_iso3": ("USA",), "destination_iso3": "GTM"},
    ),
    (
        "arriving-in-ones-own-country-is-a-return",
        "Some 2,000 Afghan migrants arrived in Afghanistan through the Islam Qala crossing on Monday.",
        2000,
        {"movement": "returned", "destination_iso3": "AFG"},
    ),
    (
        "shifted-to-relief-camps",
        "More than 2,000 people in Sindh were shifted to relief camps after the river breached its banks.",
        2000,
        {"population": "idps", "movement": "displaced"},
    ),
    (
        "rendered-homeless",
        "At least 5,000 families were rendered homeless by the floods in Sindh.",
        5000,
        {"movement": "displaced", "unit": "families", "location_iso3": ("PAK",)},
    ),
    (
        "sheltering-as-refugees",
        "Some three to four million Afghans have lived in Pakistan for the past 30 years as refugees.",
        3000000,
        {"population": "refugees", "movement": "hosted", "location_iso3": ("PAK",), "qualifier": "at_least"},
    ),
    (
        "predicate-population",
        "More than 2 million Venezuelans are counted as refugees across the world.",
        2000000,
        {"population": "refugees", "origin_iso3": "VEN", "location_iso3": ()},
    ),
    (
        "event-noun-apprehensions-on-a-named-border",
        "Border agents met migrants from many countries. There were 61,200 apprehensions on the "
        "US-Mexico border in February.",
        61200,
        {"population": "people", "movement": "arrived", "location_iso3": ("MEX",), "destination_iso3": "USA"},
    ),
    (
        "event-noun-applications-are-registrations",
        "Fewer asylum seekers reached Austria. In 2024, there were 24,950 applications to the authorities.",
        24950,
        {"population": "asylum_seekers", "movement": "registered", "location_iso3": ("AUT",)},
    ),
    (
        "event-noun-crossings-on-a-route",
        "Migrants kept coming in small boats: 2,310 crossings of the English Channel were recorded in May.",
        2310,
        {"movement": "arrived", "location_iso3": ("FRA",), "destination_iso3": "GBR"},
    ),
    (
        "apprehended-in-a-border-story",
        "Agents along the border with Mexico apprehended 48,300 migrants in March, officials said.",
        48300,
        {"population": "migrants", "movement": "arrived"},
    ),
    (
        "figure-restated-for-another-month",
        "Some 8,200 asylum seekers were registered in Austria in May. In June, the figure was 6,950.",
        6950,
        {
            "population": "asylum_seekers",
            "movement": "registered",
            "location_iso3": ("AUT",),
            "period_start": dt.date(2024, 6, 1),
            "period_end": dt.date(2024, 6, 30),
        },
    ),
    (
        "total-for-the-year-so-far",
        "On Monday 236 migrants crossed the English Channel aboard five boats. The provisional total for the "
        "year so far is 4,415.",
        4415,
        {"movement": "arrived", "destination_iso3": "GBR", "period_start": dt.date(2025, 1, 1)},
    ),
    (
        "aside-of-them-before-movement-verb",
        "Some 140 Eritrean migrants, most of them young men, came ashore on Malta's southern coast on Sunday.",
        140,
        {"movement": "arrived", "destination_iso3": "MLT", "origin_iso3": "ERI"},
    ),
    (
        "aside-including-before-movement-verb",
        "A group of 45 Sudanese refugees, including two infants, later landed on Lampedusa overnight.",
        45,
        {"movement": "arrived", "destination_iso3": "ITA"},
    ),
    (
        "agency-names-the-deporting-state",
        "In March, ICE deported some 8,400 people, officials said.",
        8400,
        {"movement": "deported", "location_iso3": ("USA",)},
    ),
    (
        "agency-names-the-arrival-state",
        "In May, Border Patrol agents on the Mexican border apprehended about 41,000 migrants.",
        41000,
        {"movement": "arrived", "destination_iso3": "USA", "location_iso3": ("MEX",)},
    ),
    (
        "stock-verb-object-with-participle",
        "Some 6,000 Congolese reached Burundi last week; the country already hosts about 87,000 Congolese "
        "fleeing earlier rounds of fighting.",
        87000,
        {"movement": "hosted", "location_iso3": ("BDI",), "destination_iso3": None, "period_start": None},
    ),
    (
        "home-to-people-who-fled",
        "Kalehe, in eastern Congo, is now home to another 14,500 people who fled the clashes last year.",
        14500,
        {"movement": "hosted", "location_iso3": ("COD",)},
    ),
    (
        "bare-number-displaced-after-a-toll",
        "Hundreds have died and some 40,000 have been displaced in Ituri since the militia offensive began.",
        40000,
        {"movement": "displaced", "location_iso3": ("COD",)},
    ),
    (
        "capitalized-toll-subject-keeps-its-own-clause",
        "Hundreds have died and some 40,000 people abandoned their homes in Ituri this year.",
        40000,
        {"movement": "displaced", "period_start": dt.date(2025, 1, 1)},
    ),
    (
        "immigrant-as-modifier",
        "Officials in Kabul said 212 Afghan immigrant families returned to Afghanistan from Iran on Monday.",
        212,
        {"population": "migrants", "unit": "families", "movement": "returned", "location_iso3": ("IRN",)},
    ),
    (
        "entered-own-country-from-abroad",
        "Officials in Kabul said 212 Afghan immigrant families returned from Iran, and 1,870 other "
        "immigrants entered Afghanistan from Pakistan.",
        1870,
        {"movement": "returned", "destination_iso3": "AFG", "location_iso3": ("PAK",)},
    ),
    (
        "gapped-arrival-in-a-returns-sentence",
        "Officials said 640 Afghan returnees came from Pakistan on Tuesday, while 2,180 arrived from Iran.",
        2180,
        {"movement": "returned", "destination_iso3": "AFG", "location_iso3": ("IRN",)},
    ),
    (
        "since-the-start-of-the-conflict-dated-later",
        "Some 2 million were displaced in Ituri since the beginning of the conflict. The rebels began fighting the "
        "army in the north in June 2022.",
        2000000,
        {"movement": "displaced", "period_start": dt.date(2022, 6, 1), "period_end": PUB},
    ),
    (
        "since-the-war-began-not-an-older-since",
        "Since the war began in Burundi in May 2022, over 90,000 Burundians have reached Tanzania, which has "
        "hosted Burundians fleeing unrest since 1993. In all, 300,000 people have left Burundi since the "
        "war began.",
        300000,
        {"period_start": dt.date(2022, 5, 1), "period_end": PUB},
    ),
    (
        "since-the-takeover",
        "Guinea has been in crisis since the army overthrew the president in September 2021. About 60,000 "
        "people have been displaced since the takeover.",
        60000,
        {"period_start": dt.date(2021, 9, 1), "period_end": PUB},
    ),
    (
        "migrants-on-board-a-boat",
        "A dinghy with 45 Eritrean migrants on board capsized off the Libyan coast on Monday.",
        45,
        {"movement": "other", "origin_iso3": "ERI"},
    ),
    (
        "vessel-carrying-refugees",
        "Rescuers are searching for a vessel carrying about 120 Rohingya refugees that has drifted for weeks.",
        120,
        {"movement": "other", "destination_iso3": None},
    ),
    (
        "applied-for-asylum-is-a-registration",
        "In 2024, some 31,200 people applied for asylum in Austria, the interior ministry said.",
        31200,
        {"population": "asylum_seekers", "movement": "registered", "location_iso3": ("AUT",)},
    ),
    (
        "leaving-a-country-with-no-home-named-is-an-exit",
        "Every week, hundreds of migrants are leaving Tunisia by boat, aid workers said.",
        100,
        {"movement": "other", "location_iso3": ("TUN",), "destination_iso3": None},
    ),
    (
        "departed-a-country",
        "More than 600 migrants departed Libya on Sunday, the IOM said.",
        600,
        {"movement": "other", "location_iso3": ("LBY",)},
    ),
    (
        "leaving-a-host-country-is-a-return",
        "Last week 300 Afghans left Iran through Islam Qala.",
        300,
        {"movement": "returned", "destination_iso3": "AFG"},
    ),
    (
        "made-the-journey",
        "More than 5,100 migrants made the dangerous journey from Libya to Italy in April.",
        5100,
        {"movement": "arrived", "location_iso3": ("LBY",), "destination_iso3": "ITA"},
    ),
    (
        "registered-as-asylum-seekers",
        "In all, 18,700 people got registered as asylum-seekers in Austria between January and February.",
        18700,
        {"population": "asylum_seekers", "movement": "registered", "period_start": dt.date(2025, 1, 1)},
    ),
    (
        "took-refuge-in-a-building",
        "At least 3,000 villagers were forced to take refuge in two churches and a school in Kaya.",
        3000,
        {"population": "idps", "movement": "displaced", "forced": True, "destination_iso3": "BFA"},
    ),
    (
        "seeking-refuge-in-schools",
        "Some 4,100 people are seeking refuge in 30 schools in Homs.",
        4100,
        {"population": "idps", "movement": "displaced", "location_iso3": ("SYR",), "destination_iso3": None},
    ),
    (
        "refuge-in-a-building-abroad",
        "About 900 Syrian refugees took refuge in a mosque in Tripoli, Lebanon.",
        900,
        {"population": "refugees", "origin_iso3": "SYR"},
    ),
    (
        "sought-refuge-in-a-country",
        "Some 6,000 Sudanese sought refuge in Chad last week.",
        6000,
        {"movement": "arrived", "destination_iso3": "TCD"},
    ),
    (
        "new-refugees-have-arrived",
        "Another 1,200 new refugees have been reported near Adre in eastern Chad, officials said.",
        1200,
        {"population": "refugees", "movement": "arrived", "destination_iso3": "TCD"},
    ),
    (
        "several-origins-in-one-group",
        "Mexico deported 52,400 Guatemalans, Salvadorans and Hondurans in 2024.",
        52400,
        {"movement": "deported", "origin_iso3": None, "location_iso3": ("MEX",), "destination_iso3": None},
    ),
    (
        "continued-to-arrive",
        "Thousands of refugees have continued to arrive in Uganda this year.",
        1000,
        {"movement": "arrived", "destination_iso3": "UGA", "period_start": dt.date(2025, 1, 1)},
    ),
    (
        "sent-to-their-country",
        "The largest deportation of Afghans this month took place on Saturday, with over 640 refugees, "
        "among them men, women and minors, being sent to their country following raids in Quetta.",
        640,
        {"movement": "deported", "forced": True, "origin_iso3": "AFG", "destination_iso3": "AFG"},
    ),
    (
        "sent-home-in-a-list",
        "Those deported included 12,000 Hondurans, 9,000 Guatemalans and 4,000 Salvadorans.",
        9000,
        {"movement": "deported", "origin_iso3": "GTM", "destination_iso3": "GTM"},
    ),
    (
        "host-subject-not-the-countries-after",
        "Germany has taken in more than 1 million migrants since 2015 from countries including Syria.",
        1000000,
        {"movement": "arrived", "destination_iso3": "DEU"},
    ),
    (
        "month-last-year",
        "In June last year, 3,130 migrants made the crossing to Lampedusa.",
        3130,
        {"movement": "arrived", "period_start": dt.date(2024, 6, 1), "period_end": dt.date(2024, 6, 30)},
    ),
    (
        "respectively-first",
        "Turkey and Jordan host the largest numbers of refugees, at 2,400,000 and 610,000, respectively.",
        2400000,
        {"location_iso3": ("TUR",)},
    ),
    (
        "respectively-second",
        "Turkey and Jordan host the largest numbers of refugees, at 2,400,000 and 610,000, respectively.",
        610000,
        {"location_iso3": ("JOR",)},
    ),
    (
        "gapped-list-keeps-its-own-place",
        "As many as 1.6 million refugees are in Turkey, 900,000 in Lebanon, and 540,000 in Jordan.",
        900000,
        {"movement": "hosted", "location_iso3": ("LBN",)},
    ),
    (
        "detained-is-not-an-arrival",
        "Police in Karachi detained 500 migrants near the border, the minister said.",
        500,
        {"movement": "other"},
    ),
    (
        "object-of-displaced",
        "The war in Sudan has killed thousands and displaced 9 million since April 2023.",
        9000000,
        {"movement": "displaced", "period_start": dt.date(2023, 4, 1), "period_end": PUB},
    ),
    (
        "killed-and-n-displaced",
        "Hundreds of farmers were killed and over 120,000 displaced in Borno.",
        120000,
        {"movement": "displaced", "qualifier": "at_least", "location_iso3": ("NGA",)},
    ),
    (
        "compound-adjective-before-destination",
        "About 4,200 Yemenis have fled to war-torn Somalia since March, aid worker Idris Kamau said.",
        4200,
        {"movement": "arrived", "origin_iso3": "YEM", "destination_iso3": "SOM"},
    ),
    (
        "district-of-another-country-is-not-inside",
        "Clashes in eastern Congo forced some 6,500 people to flee into western Uganda's Kasese district "
        "over the weekend, Ms Nakato said.",
        6500,
        {"movement": "arrived", "population": "people", "origin_iso3": "COD", "destination_iso3": "UGA"},
    ),
    (
        "crossing-after-arrivals-is-an-arrival",
        "Some 2,100 Sudanese refugees arrived in eastern Chad last week. Another 900 Sudanese crossed the "
        "border on Monday, aid worker Amina Djibril said.",
        900,
        {"movement": "arrived", "origin_iso3": "SDN", "location_iso3": ("SDN",), "destination_iso3": "TCD"},
    ),
    (
        "crossing-with-no-far-side-is-an-arrival",
        "Heavy shelling in Lebanon drove families to the frontier. About 4,600 Lebanese crossed the border "
        "on Tuesday, said Syrian official Karim Haddad.",
        4600,
        {"movement": "arrived", "location_iso3": ("LBN",)},
    ),
    (
        "crossing-at-a-return-crossing-goes-home",
        "About 3,000 Afghans crossed at Torkham on Sunday, border official Gul Rahman said.",
        3000,
        {"movement": "returned", "location_iso3": ("PAK",), "destination_iso3": "AFG"},
    ),
    (
        "movement-noun-place-then-of-group",
        "In January 2025, the agency facilitated the return to Burundi of a total of 410 Burundian refugees, "
        "spokeswoman Clara Niyonzima said.",
        410,
        {"movement": "returned", "destination_iso3": "BDI", "period_start": dt.date(2025, 1, 1)},
    ),
    (
        "baseline-figure-takes-the-same-period-of-its-year",
        "So far this year 9,000 refugees have returned, compared to the 14,200 refugees who returned during "
        "the same period in 2023, Ms Okafor said.",
        14200,
        {"period_start": dt.date(2023, 1, 1), "period_end": dt.date(2023, 3, 12)},
    ),
    (
        "main-figure-keeps-its-period-before-a-baseline",
        "So far this year 9,000 refugees have returned, compared to the 14,200 refugees who returned during "
        "the same period in 2023, Ms Okafor said.",
        9000,
        {"period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 3, 12)},
    ),
    (
        "at-this-stage-in-a-year",
        "Crossings were 22% lower than the 38,100 people who made the journey at this stage in 2023.",
        38100,
        {"period_start": dt.date(2023, 1, 1), "period_end": dt.date(2023, 3, 12)},
    ),
    (
        "year-to-date",
        "Some 8,300 migrants have crossed the Channel in 2025 to date, officials said.",
        8300,
        {"period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 3, 12)},
    ),
    (
        "same-period-last-year-is-the-numbers-own",
        "In the same period last year, 1,200 migrants arrived in Lampedusa.",
        1200,
        {"period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 3, 12)},
    ),
    (
        "same-period-last-year-as-a-baseline-is-not",
        "Some 2,000 migrants arrived in Lampedusa this year, up 20% on the same period last year.",
        2000,
        {"period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 3, 12)},
    ),
    (
        "year-before-fiscal-year",
        "Border agents recorded more than 1.4 million encounters with migrants in the 2024 fiscal year, "
        "Mr Delgado said.",
        1400000,
        {"period_start": dt.date(2023, 10, 1), "period_end": dt.date(2024, 9, 30)},
    ),
    (
        "this-fiscal-year",
        "Agents apprehended 61,200 migrants during the first four months of this fiscal year, Ms Ortega said.",
        61200,
        {"period_start": dt.date(2024, 10, 1)},
    ),
    (
        "between-two-dates-with-years-and-commas",
        "Between October 1, 2024, and February 28, 2025, agents apprehended 88,410 migrants, Ms Ortega said.",
        88410,
        {"period_start": dt.date(2024, 10, 1), "period_end": dt.date(2025, 2, 28)},
    ),
    (
        "day-span-that-started-before-publication",
        "At least 21,000 people were displaced by flooding between 1 and 14 March, aid worker Halima Yusuf said.",
        21000,
        {"period_start": dt.date(2025, 3, 1), "period_end": PUB},  # capped at publication
    ),
    (
        "country-name-as-adjective-is-origin",
        "More than 4,000 Myanmar nationals have entered Thailand since Sunday, governor Somchai Wongsa said.",
        4000,
        {"origin_iso3": "MMR", "location_iso3": ("MMR",), "destination_iso3": "THA"},
    ),
    (
        "host-verb-then-time-then-participle-clause",
        "Kenya has hosted thousands of Somali refugees for decades, fleeing drought and war at home.",
        1000,
        {"movement": "hosted", "origin_iso3": "SOM", "location_iso3": ("KEN",)},
    ),
    (
        "relative-clause-between-group-and-number",
        "The number of refugees in Uganda, who fled the fighting in South Sudan, now stands at about 41,000.",
        41000,
        {"movement": "hosted", "origin_iso3": "SSD", "location_iso3": ("UGA",), "period_start": None},
    ),
    (
        "demonym-listed-with-its-figure-is-origin",
        "Germany registered 120,000 asylum applications in 2024, the ministry said. The largest gro"
        "ups of applicants were Syrians (32,000), Afghans (29,000) and Turks (15,000).",
        29000,
        {
            "origin_iso3": "AFG",
            "location_iso3": ("DEU",),
            "movement": "registered",
            "population": "asylum_seekers",
        },
    ),
    (
        "country-in-a-list-of-origins-is-origin",
        "The bloc registered 520,000 asylum applications in 2024, the agency said. The top countrie"
        "s of origin were Syria (72,000), Afghanistan (61,000) and Venezuela (40,000).",
        72000,
        {"origin_iso3": "SYR", "location_iso3": (), "movement": "registered"},
    ),
    (
        "demonym-of-two-words",
        "Some 12,300 South Sudanese refugees have returned home from Uganda since January, Mr Deng said.",
        12300,
        {"origin_iso3": "SSD", "location_iso3": ("UGA",), "destination_iso3": "SSD"},
    ),
    (
        "following-an-event-in-a-month-runs-to-publication",
        "Some 41,500 refugees have returned to Burundi following the signing of a peace deal in October 2024, "
        "Ms Irakoze said.",
        41500,
        {"period_start": dt.date(2024, 10, 1), "period_end": dt.date(2025, 3, 12)},
    ),
    (
        "travel-verb-is-a-crossing",
        "More than 1,600 African migrants travelled to Yemen in January, an agency official said.",
        1600,
        {"movement": "arrived", "destination_iso3": "YEM", "period_start": dt.date(2025, 1, 1)},
    ),
    (
        "made-their-way-back-is-a-return",
        "Up to 3,000 Afghans are making their way back from Iran every day, Mr Rahimi said.",
        3000,
        {"movement": "returned", "location_iso3": ("IRN",), "destination_iso3": "AFG"},
    ),
    (
        "regularized-is-registered",
        "Ecuador regularized 92,000 Venezuelan migrants last year, Ms Paredes said.",
        92000,
        {"movement": "registered", "origin_iso3": "VEN", "location_iso3": ("ECU",)},
    ),
    (
        "displaced-by-a-cause-in-the-country-are-idps",
        "More than 48,000 people were displaced by floods in Malawi last month, Mr Banda said.",
        48000,
        {"population": "idps", "movement": "displaced", "location_iso3": ("MWI",)},
    ),
    (
        "displaced-object-inside-the-country-are-idps",
        "Fighting has displaced about 20,000 people inside Mozambique since January, Ms Tembe said.",
        20000,
        {"population": "idps", "location_iso3": ("MOZ",)},
    ),
    (
        "homes-in-a-region-are-not-a-sign-of-idps",
        "Gunmen have pushed some 7,000 people from their homes in northern Niger this year, Mr Issa said.",
        7000,
        {"population": "people"},
    ),
    (
        "ranked-demonyms-give-no-single-origin",
        "Asylum applications in the bloc rose to 640,000 last year, with Syrians then Afghans the largest "
        "groups, the agency said.",
        640000,
        {"origin_iso3": None, "period_start": dt.date(2024, 1, 1)},
    ),
    (
        "demonym-subject-of-applications",
        "In the bloc, Syrians lodged 81,000 asylum applications last year, the agency said.",
        81000,
        {"origin_iso3": "SYR", "movement": "registered"},
    ),
    (
        "between-the-start-of-the-year-and-a-day",
        "Some 12,480 people arrived on the islands between the start of the year and March 9, Mr Pappas said.",
        12480,
        {"period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 3, 9)},
    ),
    (
        "from-the-beginning-of-a-year-until-a-day",
        "From the beginning of 2024 until 31 October, a total of 21,300 migrants arrived in Yemen, IOM said.",
        21300,
        {"period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 10, 31)},
    ),
    (
        "time-opening-the-next-conjunct-is-not-this-numbers",
        "In 2023 there were 18,250 arrivals on the islands and in 2022, 12,900, Mr Pappas said.",
        18250,
        {"period_start": dt.date(2023, 1, 1), "period_end": dt.date(2023, 12, 31)},
    ),
    (
        "a-later-year-after-and-never-ends-before-the-first",
        "Some 5,000 people arrived in 2024 and in 2023 about 3,000 more, Mr Pappas said.",
        5000,
        {"period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 12, 31)},
    ),
    (
        "idps-arriving-in-a-town-are-displaced-there",
        "More than 2,300 internally displaced persons arriving in Kandahar last week needed shelter, Mr Noori said.",
        2300,
        {"population": "idps", "movement": "displaced", "origin_iso3": "AFG", "destination_iso3": "AFG"},
    ),
    (
        "since-the-start-of-the-new-year",
        "Some 640 refugees have arrived in Kassala since the start of the new year, Ms Haile said.",
        640,
        {"period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 3, 12)},
    ),
    (
        "since-the-start-of-the-current-year",
        "Since the start of the current year, about 9,100 Afghans have been deported from Iran, Mr Rahimi said.",
        9100,
        {"period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 3, 12)},
    ),
    (
        "the-first-n-months-of-this-year",
        "A total of 2,410 migrants reached Lampedusa in the first two months of this year, Mr Ferri said.",
        2410,
        {"period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 2, 28)},
    ),
    (
        "between-a-month-and-the-end-of-another",
        "Some 4,700 migrants landed in the Canaries between October and the end of December, officials said.",
        4700,
        {"period_start": dt.date(2024, 10, 1), "period_end": dt.date(2024, 12, 31)},
    ),
    (
        "a-record-since-dates-the-comparison-not-the-figure",
        "In October alone 9,240 migrants reached the islands, a record since the agency began counting in 2011.",
        9240,
        {"period_start": dt.date(2024, 10, 1), "period_end": dt.date(2024, 10, 31)},
    ),
    (
        "the-largest-since-a-day-keeps-the-days-own-date",
        "Monday saw the largest deportation of Afghans through Chaman since January 20, with 640 people sent back.",
        640,
        {"period_start": dt.date(2025, 3, 10), "period_end": dt.date(2025, 3, 10)},
    ),
    (
        "a-record-since-a-year-when-gives-that-year",
        "It was the agency's highest removal count since 2016, when it deported 88,400 people, Mr Hale said.",
        88400,
        {"period_start": dt.date(2016, 1, 1), "period_end": dt.date(2016, 12, 31)},
    ),
    (
        "bringing-the-total-gives-no-period-of-its-own",
        "Some 4,100 people fled in the last week, bringing the total displaced by the revolt to 212,000.",
        212000,
        {"period_start": None, "period_end": None},
    ),
    (
        "bringing-the-total-keeps-its-own-time",
        "Another 350 migrants landed on Monday, bringing the total since January to 8,760, officials said.",
        8760,
        {"period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 3, 12)},
    ),
    (
        "taking-a-years-total",
        "About 610 migrants crossed on Tuesday, taking the 2025 total to 5,430, the ministry said.",
        5430,
        {"period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 3, 12)},
    ),
    (
        "refugee-claims-are-asylum-applications",
        "Border officers processed 2,340 refugee claims in February, Ms Tremblay said.",
        2340,
        {"population": "asylum_seekers", "movement": "registered"},
    ),
    (
        "a-record-since-a-month-last-year-when",
        "It was the busiest month since October last year, when 5,210 migrants crossed to Lampedusa.",
        5210,
        {"period_start": dt.date(2024, 10, 1), "period_end": dt.date(2024, 10, 31)},
    ),
    (
        "last-years-total-is-last-year",
        "Last year's total was 6,480 migrants - meaning this year's arrivals to date are already higher, Ms Orsi said.",
        6480,
        {"period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 12, 31)},
    ),
    (
        "a-years-possessive-record",
        "Arrivals this year may beat 2023's record 12,950 migrants who reached the island, the coastguard said.",
        12950,
        {"period_start": dt.date(2023, 1, 1), "period_end": dt.date(2023, 12, 31)},
    ),
    (
        "people-fleeing-to-idp-sites-are-idps",
        "Since March about 41,000 people have fled towards 12 IDP sites near Bunia, Mr Lokwa said.",
        41000,
        {"population": "idps"},
    ),
    (
        "an-earlier-numbers-site-is-its-own",
        "Some 8,000 people reached displacement sites and 900 people crossed into Uganda, Mr Lokwa said.",
        900,
        {"population": "people"},
    ),
    (
        "the-previous-month-is-the-month-before-the-one-named",
        "Police stopped 1,210 migrants at the border in January, up from 930 the previous month, Mr Dube said.",
        930,
        {"period_start": dt.date(2024, 12, 1), "period_end": dt.date(2024, 12, 31)},
    ),
    (
        "a-quarter-of-a-year",
        "Some 7,420 migrants reached Malta in the third quarter of 2024, the ministry said.",
        7420,
        {"period_start": dt.date(2024, 7, 1), "period_end": dt.date(2024, 9, 30)},
    ),
    (
        "a-baseline-reported-in-a-quarter",
        "This year 2,010 migrants landed, compared to 3,850 reported in the first quarter of 2024.",
        3850,
        {"period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 3, 31)},
    ),
    (
        "the-year-to-a-month",
        "Some 96,500 people applied for asylum in the UK in the year to December 2024, officials said.",
        96500,
        {"period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 12, 31)},
    ),
    (
        "the-twelve-months-to-a-month-without-year",
        "Officials removed 8,240 people in the 12 months to February, the ministry said.",
        8240,
        {"period_start": dt.date(2024, 3, 1), "period_end": dt.date(2025, 2, 28)},
    ),
    (
        "so-far-in-a-month-runs-to-publication",
        "Provisional data suggest 1,140 people have landed in Lampedusa so far in March, Ms Conte said.",
        1140,
        {"period_start": dt.date(2025, 3, 1), "period_end": dt.date(2025, 3, 12)},
    ),
    (
        "a-day-that-dates-a-denunciation-is-not-the-figures",
        "On Monday, the ombudsman denounced that at least 1,300 people have been displaced from the valley.",
        1300,
        {"period_start": None, "period_end": None},
    ),
    (
        "the-same-period-of-a-span-named-in-the-sentence-before",
        "Some 9,870 migrants arrived in the first three months of this year. That is 20 per cent more than the "
        "8,210 migrants registered in the same period last year, the agency said.",
        8210,
        {"period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 3, 31)},
    ),
    (
        "district-of-the-same-country-stays-inside",
        "Clashes forced some 6,500 people to flee to the town of Beni in North Kivu, Ms Nakato said.",
        6500,
        {"movement": "displaced", "population": "idps"},
    ),
    (
        "flow-continues-the-dated-flow-before",
        "Between 2 and 8 March, 9,310 Afghans returned from Iran through Islam Qala. 4,120 returned on their "
        "own and 5,190 were deported.",
        5190,
        {"movement": "deported", "period_start": dt.date(2025, 3, 2), "period_end": dt.date(2025, 3, 8)},
    ),
    (
        "flow-continues-the-dated-flow-before-first-conjunct",
        "Between 2 and 8 March, 9,310 Afghans returned from Iran through Islam Qala. 4,120 returned on their "
        "own and 5,190 were deported.",
        4120,
        {"movement": "returned", "period_start": dt.date(2025, 3, 2), "period_end": dt.date(2025, 3, 8)},
    ),
    (
        "undated-first-figure-lends-no-period",
        "Ms Arkwright said 2,400 migrants had been expelled from Texas, and 300 of them were put on a charter "
        "to Haiti on Monday. Another 1,150 were moved to other facilities to be expelled.",
        1150,
        {"period_start": None},
    ),
    (
        "stock-keeps-no-period-of-the-flow-before",
        "Between 2 and 8 March, 2,000 people were displaced by floods in Somalia. Somalia's 1.1 million IDPs "
        "live in crowded camps.",
        1100000,
        {"period_start": None},
    ),
    (
        "opening-time-dates-every-figure",
        "In February, landings rose in Calabria, with 640 new arrivals, while 212 people disembarked in Apulia.",
        212,
        {"movement": "arrived", "period_start": dt.date(2025, 2, 1), "period_end": dt.date(2025, 2, 28)},
    ),
    (
        "a-rate-is-the-flow-it-averages",
        "Since the new government took office, 6,210 people have crossed the Channel, an average of 94 people "
        "per day.",
        94,
        {"movement": "arrived"},
    ),
    (
        "since-an-undated-fall-of-a-government",
        "Some 4,300 Syrians have gone home from Jordan since the fall of the Assad government, Ms Haddad said.",
        4300,
        {"movement": "returned", "period_start": dt.date(2024, 12, 8), "period_end": PUB},
    ),
    (
        "since-an-undated-war-began",
        "About 18,000 Sudanese have crossed into South Sudan since the war began, a camp manager told reporters.",
        18000,
        {"destination_iso3": "SSD", "period_start": dt.date(2023, 4, 15), "period_end": PUB},
    ),
    (
        "from-an-undated-invasion-until-a-month",
        "From the start of the Russian invasion until the end of January, 12,400 Ukrainians registered in "
        "Moldova.",
        12400,
        {"period_start": dt.date(2022, 2, 24), "period_end": dt.date(2025, 1, 31)},
    ),
    (
        "a-war-the-text-dates-keeps-its-date",
        "Since the war began in May 2024, 2,100 Sudanese have arrived in Libya.",
        2100,
        {"period_start": dt.date(2024, 5, 1), "period_end": PUB},
    ),
    (
        "an-event-not-in-the-table-leaves-the-period-open",
        "Since the coup, 3,000 people have fled Niger to Benin.",
        3000,
        {"period_start": None},
    ),
    (
        "number-of-group-reached-a-record-due-to",
        "The number of internally displaced people in Somalia has reached a record 3.8 million due to drought, "
        "Ms Warsame said.",
        3800000,
        {"population": "idps", "movement": "displaced", "location_iso3": ("SOM",)},
    ),
    (
        "number-of-group-hit-n-people",
        "The number of migrants crossing into Panama has hit a record high of 95,000 people, officials in "
        "Darien said.",
        95000,
        {"population": "migrants", "destination_iso3": "PAN"},
    ),
    (
        "number-of-group-who-left-the-nation",
        "The number of Eritreans who have left the nation in recent years has grown to 400,000, the agency said.",
        400000,
        {"origin_iso3": "ERI", "population": "people"},
    ),
    (
        "led-country-tops-the-list-with",
        "Some 3 million Sudanese refugees live abroad. Chad tops the list with 1.2 million, followed by Egypt "
        "with 600,000.",
        600000,
        {"population": "refugees", "movement": "hosted", "origin_iso3": "SDN", "location_iso3": ("EGY",)},
    ),
    (
        "led-country-houses-then-and",
        "More than a million Syrian refugees live in Turkey, while Jordan houses 650,000 and Lebanon about "
        "800,000.",
        650000,
        {"movement": "hosted", "location_iso3": ("JOR",)},
    ),
    (
        "led-country-houses-and-next-country",
        "More than a million Syrian refugees live in Turkey, while Jordan houses 650,000 and Lebanon about "
        "800,000.",
        800000,
        {"movement": "hosted", "location_iso3": ("LBN",), "qualifier": "approx"},
    ),
    (
        "led-country-after-a-dash",
        "Germany hosts 1.2 million Ukrainian refugees; Poland \u2013 950,000.",
        950000,
        {"population": "refugees", "location_iso3": ("POL",)},
    ),
    (
        "found-refuge-is-an-arrival",
        "Since January, 14,000 Congolese have found refuge in Burundi, Mr Ndayishimiye said.",
        14000,
        {"movement": "arrived", "destination_iso3": "BDI"},
    ),
    (
        "bracketed-figure-after-its-verb",
        "Between 2 and 8 March, 520 undocumented Afghans either spontaneously returned (470) or were deported "
        "(50) from Pakistan.",
        470,
        {"movement": "returned", "forced": None, "period_start": dt.date(2025, 3, 2)},
    ),
    (
        "bracketed-figure-after-its-month",
        "Migrant arrivals in Italy fell sharply this winter. Sea arrivals dropped from December (17,831) to "
        "January (15,163), the ministry said.",
        15163,
        {"movement": "arrived", "period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 1, 31)},
    ),
    (
        "bracketed-figure-after-its-first-month",
        "Migrant arrivals in Italy fell sharply this winter. Sea arrivals dropped from December (17,831) to "
        "January (15,163), the ministry said.",
        17831,
        {"period_start": dt.date(2024, 12, 1), "period_end": dt.date(2024, 12, 31)},
    ),
    (
        "respectively-months",
        "Some 2,900 Somali refugees returned from Kenya in February, compared with the return of 1,200 and 1,750 "
        "in November and December respectively.",
        1750,
        {"period_start": dt.date(2024, 12, 1), "period_end": dt.date(2024, 12, 31)},
    ),
    (
        "respectively-years-of-a-month",
        "In January 2025, 640 migrants landed in Malta, compared to 410 and 380 in 2024 and 2023 respectively.",
        380,
        {"period_start": dt.date(2023, 1, 1), "period_end": dt.date(2023, 1, 31)},
    ),
    (
        "dated-figure-in-an-arrivals-story-is-arrivals",
        "So far this year 41,200 migrants have landed in Lampedusa. Last year's total of 52,300 migrants was a "
        "record.",
        52300,
        {"movement": "arrived", "destination_iso3": "ITA", "period_start": dt.date(2024, 1, 1)},
    ),
    (
        "a-weekend-stay-in-an-arrivals-story-is-hosted",
        "So far this year 41,200 migrants have landed in Lampedusa. There were 900 migrants at the island's "
        "reception centre at the weekend.",
        900,
        {"movement": "hosted"},
    ),
    (
        "as-of-a-month-is-no-period-of-a-stock",
        "The agency said that as of January 2025, about 2.1 million IDPs were living in camps in Borno and Yobe.",
        2100000,
        {"population": "idps", "period_start": None},
    ),
    (
        "same-as-a-month-keeps-the-month",
        "Sea arrivals in Italy reached 6,100 in February, about the same as February 2024, when 6,050 migrants "
        "landed.",
        6050,
        {"period_start": dt.date(2024, 2, 1), "period_end": dt.date(2024, 2, 29)},
    ),
    (
        "flow-continues-across-one-paragraph-break",
        "Ms Lindqvist said 84,300 first-time asylum applications were lodged in Sweden in 2024.\n\nEritreans "
        "were the largest group of asylum-seekers, with 12,900 making applications.",
        12900,
        {"period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 12, 31)},
    ),
    (
        "a-year-in-the-sentence-blocks-the-flow-before",
        "Since Monday, 6,000 Lebanese have crossed into Syria.\n\nIt echoes the 2006 war, when about 250,000 "
        "Lebanese crossed into Syria.",
        250000,
        {"period_start": None},
    ),
    (
        "intercepted-and-returned-is-no-homecoming",
        "The Tunisian coast guard intercepted and returned 640 migrants to Tunisia last week, the agency said.",
        640,
        {"movement": "returned", "origin_iso3": None, "destination_iso3": "TUN"},
    ),
    (
        "intercepted-group-with-a-demonym-keeps-its-origin",
        "Some 640 Afghan migrants were intercepted in Iran and returned to Afghanistan last week.",
        640,
        {"origin_iso3": "AFG", "destination_iso3": "AFG"},
    ),
    (
        "nationals-of-country-bracket-is-an-origin",
        "So far this year Italy has received 41,200 asylum applications. Most applicants are nationals of "
        "Bangladesh (9,800), Egypt (6,100) and Pakistan (4,300).",
        6100,
        {"origin_iso3": "EGY", "location_iso3": ("ITA",), "movement": "registered"},
    ),
    (
        "left-their-country-is-a-departure-not-a-return",
        "Uganda now shelters the largest group. Some 60,000 Eritreans who left their country after conscription "
        "was extended are there, Ms Tesfay said.",
        60000,
        {"movement": "arrived", "location_iso3": ("ERI",), "destination_iso3": None},
    ),
    (
        "left-the-country-named-before-stays-a-return",
        "Kenya's interior ministry said 12,000 Somalis had left the country since March.",
        12000,
        {"movement": "returned", "destination_iso3": "SOM"},
    ),
    (
        "adverb-before-the-verb-of-a-bare-number",
        "Between 3 and 9 March, 520 undocumented Afghans returned from Pakistan, while 9,870 spontaneously "
        "returned or were deported from Iran, a 12% rise from the previous week.",
        9870,
        {"movement": "returned", "period_start": dt.date(2025, 3, 3), "period_end": dt.date(2025, 3, 9)},
    ),
    (
        "arrivals-before-a-projection-still-count",
        "Some 12,000 refugees have arrived in Renk and more are expected to follow, Ms Obura said.",
        12000,
        {"movement": "arrived"},
    ),
    (
        "received-temporary-protection-is-registered",
        "About 41,000 Ukrainians have received temporary protection in Portugal, the agency said.",
        41000,
        {"movement": "registered"},
    ),
    (
        "having-temporary-protection-stays-hosted",
        "About 41,000 Ukrainians had temporary protection in Portugal at the end of the year.",
        41000,
        {"movement": "hosted"},
    ),
    (
        "arrivals-as-of-a-day-run-from-the-year-start",
        "As of March 9, 4,210 migrants had arrived in Lampedusa, the ministry said.",
        4210,
        {"period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 3, 9)},
    ),
    (
        "crossings-as-of-a-day-in-a-war-story-stay-open",
        "Fighting in the border hills has intensified.\nAs of March 9, 4,210 people had crossed into Chad from "
        "Sudan.",
        4210,
        {"period_start": None},
    ),
    # round 7: how the period of a running total is written on displacement pages
    (
        "since-an-invasion-then-a-statement-day",
        "More than 40,000 refugees have fled Ukraine since the Russian invasion, the agency said on Monday.",
        40000,
        {"period_start": dt.date(2022, 2, 24), "period_end": PUB},
    ),
    (
        "following-an-invasion",
        "Nearly 90,000 Ukrainians have now left the country following Russia's invasion, Ms Petrenko said.",
        90000,
        {"period_start": dt.date(2022, 2, 24), "period_end": PUB},
    ),
    (
        "after-the-fighting-is-a-cause",
        "Some 2,000 villagers in Ukraine fled after the fighting near Kharkiv, Mr Boyko said.",
        2000,
        {"period_start": None, "period_end": None},
    ),
    (
        "since-an-event-a-week-ago",
        "About 45,000 people have been displaced since government troops and their allied militias launched "
        "an offensive in the southern hills a week ago, Mr Laerke said.",
        45000,
        {"period_start": dt.date(2025, 3, 5), "period_end": PUB},
    ),
    (
        "since-an-event-months-ago",
        "Around 12,000 residents have fled their villages since the army's offensive in Tessit started two "
        "months ago, the ministry said.",
        12000,
        {"period_start": dt.date(2025, 1, 12), "period_end": PUB},
    ),
    (
        "so-far-this-year-by-a-day",
        "More than 1,600 people had crossed the strait so far this year by Friday, officials said.",
        1600,
        {"period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 3, 7)},
    ),
    (
        "as-of-a-day-since-january",
        "As of 4 March, the agency registered 5,600 displaced people who arrived at Kalma camp since January.",
        5600,
        {"period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 3, 4)},
    ),
    (
        "month-old-offensive",
        "Some 7,000 residents were pushed out by a month-old offensive in the north, Ms Adeyemi said.",
        7000,
        {"period_start": dt.date(2025, 2, 12), "period_end": PUB},
    ),
    (
        "comparison-from-a-month",
        "In February, agents apprehended 5,254 migrants at the border, a 64% decrease from October.",
        5254,
        {"period_start": dt.date(2025, 2, 1), "period_end": dt.date(2025, 2, 28)},
    ),
    (
        "since-a-long-subject-began",
        "More than 24,000 people have left their villages since U.S.-led troops began their pullout from "
        "Somalia in May, Ms Warsame said.",
        24000,
        {"period_start": dt.date(2024, 5, 1), "period_end": PUB},
    ),
    (
        "a-backer-is-no-place",
        "About 52,000 residents were uprooted by the U.S.-backed Iraqi push to retake Mosul, the agency said.",
        52000,
        {"location_iso3": ("IRQ",), "origin_iso3": "IRQ"},
    ),
    (
        "which-hosts-then-the-main-clause",
        "Shelling hit Beledweyne again.\n\nKenya, which already hosts more than 500,000 refugees, fears a "
        "massive fresh influx from Somalia and shut its frontier to families uprooted in Beledweyne.",
        500000,
        {"movement": "hosted", "location_iso3": ("KEN",)},
    ),
    (
        "this-year-is-counted-to-publication",
        "The agency said 48,000 Afghans went home from Pakistan in 2025, most of them in February.",
        48000,
        {"period_start": dt.date(2025, 1, 1), "period_end": PUB},
    ),
    (
        "a-story-about-a-route-places-its-totals",
        "Small boats kept crossing the English Channel this week.\n\nMore than 5,200 people have made the "
        "journey so far this year, Ms Hollis said.",
        5200,
        {"location_iso3": ("FRA",), "destination_iso3": "GBR"},
    ),
    (
        "after-making-the-crossing-in-a-year",
        "Some 21,400 migrants arrived in Spain after making the crossing in 2023, Mr Ferrer said.",
        21400,
        {"period_start": dt.date(2023, 1, 1), "period_end": dt.date(2023, 12, 31)},
    ),
    (
        "when-clause-takes-the-time-it-hangs-on",
        "In February, agents apprehended 8,120 migrants at the border, a 64% decrease from October, when they "
        "apprehended more than 12,400 migrants.",
        12400,
        {"period_start": dt.date(2024, 10, 1), "period_end": dt.date(2024, 10, 31)},
    ),
    (
        "after-fighting-started-is-an-event",
        "An estimated 9,300 refugees from Abyei have sought shelter in Kenya after fighting started there in "
        "January, Ms Achieng said.",
        9300,
        {"period_start": dt.date(2025, 1, 1), "period_end": PUB},
    ),
]


NEGATIVES: list[tuple[str, str]] = [
    (
        "ferry-passengers-outside-a-displacement-story",
        "A ferry carrying 300 people sank in the river on Monday.",
    ),
    (
        "removed-from-the-rubble",
        "Firefighters removed 14 people from the rubble of the collapsed depot in Nkora.",
    ),
    ("casualties", "The blast killed 45 people and wounded 120 others in the market of Rudbar."),
    (
        "crossings-a-route-goes-through",
        "Families fleeing the shelling moved through three border crossings near Masnaa, where refugees waited "
        "for hours.",
    ),
    (
        "camps-for-refugees-are-not-refugees",
        "The agency runs three refugee camps and 40 IDP sites near the border, Ms Wanjiru said.",
    ),
    (
        "death-toll",
        "The agency estimated the death toll to be a thousand, with many more internally displaced.",
    ),
    (
        "money-distance-phone",
        "Returnees receive $150 each and travel 120 kilometres; the helpline is 0800-11-222.",
    ),
    ("other-things", "About 5,000 lorries and 300 passengers were stranded at the border on Monday."),
    ("resident-population", "The district, home to about 900,000 people, borders Pakistan."),
    ("victims-are-afghans", "Two engineers and four Afghans died in the ambush in Bamyan."),
    ("boat-load-of-other-people", "A fishing boat carrying 20 men sank near Chittagong on Monday."),
    ("percent", "Women and children were roughly 70 percent of all new arrivals."),
    ("arrests-of-residents", "Police arrested 12 people in connection with the bombing in Quetta."),
    ("victims-subset", "The bombing killed 12 people, including three Afghan refugees, police said."),
    ("residents-living", "Kandoria, a city of 2 million people living along the river, flooded again."),
    (
        "victims-listed-after-killed",
        "The strike killed 30 fighters, including six Lebanese militiamen, in Saada.",
    ),
    ("left-for-a-party", "On Friday, four people left for what they thought was a wedding."),
    ("medical-evacuation", "Two guards died and three others were evacuated and then treated for burns."),
    (
        "event-noun-without-displaced-people",
        "The agency received 4,200 applications for the new housing scheme and 300 job applications.",
    ),
    (
        "average-is-a-ratio",
        "Migrants crossed the sea. That suggests an average of 48 people per boat, officials said.",
    ),
    ("definite-crossings-are-places", "Refugees waited while the two crossings into Rafah stayed shut."),
    ("residents-on-a-roll", "The town of Kobe has 40,000 people on its rolls."),
    ("projection", "An additional 80,000 refugees are expected to arrive in Renk by June, Ms Obura said."),
    ("capacity", "The new site will be able to host 3,000 refugees, Ms Obura said."),
    (
        "victims-on-their-way",
        "Eleven traders returning from the market in Djibo were shot dead by gunmen on Tuesday.",
    ),
    (
        "abducted-and-taken-back",
        "The gunmen abducted six women with their six children and returned to their camp near Kauru.",
    ),
    ("capacity-noun", "Refugees crowd the transit centre in Renk, which has a capacity of about 2,500."),
    (
        "projection-could-reach",
        "Returns from Lebanon could reach 150,000 within a year if the pace holds, Mr Haddad said.",
    ),
]


def _row(text: str, count: int) -> RefugeeCount:
    rows = [r for r in extract_refugee_counts(text, PUB) if r.count == count]
    assert len(rows) == 1, extract_refugee_counts(text, PUB)
    return rows[0]


@pytest.mark.parametrize(("text", "count", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_fields(text: str, count: int, expected: dict[str, Any]) -> None:
    row = _row(text, count)
    got = {k: getattr(row, k) for k in expected}
    if "location_iso3" in got:  # a set of countries: order carries no meaning
        got["location_iso3"] = tuple(sorted(got["location_iso3"]))
    assert got == expected


@pytest.mark.parametrize("text", [n[1] for n in NEGATIVES], ids=[n[0] for n in NEGATIVES])
def test_not_counts(text: str) -> None:
    assert extract_refugee_counts(text, PUB) == []


@pytest.mark.parametrize(("text", "count"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_evidence_is_the_sentence_with_the_number(text: str, count: int) -> None:
    row = _row(text, count)
    assert 0 <= row.start_char < row.end_char <= len(text)
    assert "." not in text[row.start_char : row.end_char].rstrip(".")[-1:]


def test_a_figure_told_again_keeps_its_period() -> None:
    text = (
        "A fishing boat carrying 63 Rohingya refugees landed in Aceh on Monday, police said. "
        "The 63 refugees reached the shore after three weeks adrift, a fisherman said."
    )
    rows = [r for r in extract_refugee_counts(text, PUB) if r.count == 63]
    assert len(rows) == 2
    assert {(r.period_start, r.period_end) for r in rows} == {(dt.date(2025, 3, 10), dt.date(2025, 3, 10))}


def _seed_rows() -> list[RefugeeCount]:
    text = normalize_text(SEED.read_text(encoding="utf-8"))
    return extract_refugee_counts(text, dt.date(2024, 1, 30))


@pytest.mark.parametrize(
    "text",
    [
        "Two boats carrying 183 Rohingya refugees landed in Aceh on January 9 and 11, police said.",
        "Some 240 migrants reached Lampedusa on May 3, 4 and 5.",
    ],
    ids=["day-pair", "day-list"],
)
def test_later_days_of_a_day_list_are_not_counts(text: str) -> None:
    counts = {r.count for r in extract_refugee_counts(text, PUB)}
    assert counts and counts.isdisjoint({4, 5, 11})


def test_seed_deportations_last_year() -> None:
    rows = [r for r in _seed_rows() if r.count == 1000000 and r.movement == "deported"]
    assert len(rows) == 1
    r = rows[0]
    assert (r.population, r.forced, r.qualifier, r.origin_iso3, r.destination_iso3) == (
        "refugees",
        True,
        "at_least",
        "AFG",
        "AFG",
    )
    assert sorted(r.location_iso3) == ["IRN", "PAK"]
    assert (r.period_start, r.period_end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def test_seed_hosted_millions() -> None:
    rows = [r for r in _seed_rows() if r.count == 1000000 and r.movement == "hosted"]
    assert len(rows) == 1
    assert (rows[0].population, rows[0].qualifier, sorted(rows[0].location_iso3)) == (
        "refugees",
        "at_least",
        ["IRN", "PAK"],
    )


def test_seed_has_no_casualty_counts() -> None:
    assert {r.count for r in _seed_rows()} <= {1000000, 1000}


_TOKENS = st.sampled_from(
    [
        "refugees",
        "Afghans",
        "fled",
        "million",
        "returned",
        "Iran",
        "of them",
        "since",
        "Monday",
        "families",
        "3,000",
        "about",
        "1.5",
        "thousands",
        "deported",
        "the country",
        ",",
        ".",
        "\n\n",
        "Torkham",
        "killed",
        "-",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_TOKENS, st.text(max_size=4)), max_size=40).map(" ".join))
def test_never_raises_and_spans_inside(text: str) -> None:
    for r in extract_refugee_counts(text, PUB):
        assert 0 <= r.start_char < r.end_char <= len(text)
        assert r.count >= 0


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode(text: str) -> None:
    for r in extract_refugee_counts(text, None):
        assert 0 <= r.start_char < r.end_char <= len(text)
        assert r.period_start is None or r.period_end is not None
