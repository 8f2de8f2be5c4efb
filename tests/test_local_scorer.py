"""The project's own scorer (`tools/local_scorer.py`), which the quality gate uses where the shared one
is absent: matching rules per table, optional items, field accuracy and the counts behind P/R/F1."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import local_scorer  # noqa: E402

TEXT = (
    "Gunmen killed four guards at a checkpoint in Quetta on Monday, police said.\n\n"
    "\u201cWe will find them,\u201d said Farid Zamani, the fictional district police chief.\n\n"
    "About 2,000 families fled to Chaman, officials said."
)
ART = {"article_id": "a1", "url": "https://example.net/t/1", "text": TEXT}


def _span(s: str) -> tuple[int, int]:
    i = TEXT.index(s)
    return i, i + len(s)


GOLD: dict[str, Any] = {
    "url": "https://example.net/t/1",
    "published": "2025-03-04",
    "statements": [
        {"speaker": "Farid Zamani", "aliases": ["Zamani"], "speaker_kind": "person", "speaker_title": "police chief",
         "speaker_country": "PAK", "verb": "say", "mode": "direct", "content": "We will find them",
         "evidence": "We will find them,\u201d said Farid Zamani", "optional": False},
        {"speaker": "police", "aliases": [], "speaker_kind": "organization", "speaker_title": None,
         "speaker_country": "PAK", "verb": "say", "mode": "indirect", "content": "Gunmen killed four guards",
         "evidence": "Gunmen killed four guards at a checkpoint in Quetta on Monday, police said", "optional": True},
    ],
    "incidents": [
        {"event_type": "armed_attack", "perpetrator": None, "aliases": [], "location": "Quetta",
         "admin1": "Balochistan", "country_iso3": "PAK", "occurred_on": "2025-03-03", "killed": 4,
         "killed_qualifier": "exact", "wounded": None, "wounded_qualifier": None,
         "evidence": "Gunmen killed four guards at a checkpoint in Quetta on Monday", "optional": False},
    ],
    "refugee_counts": [
        {"population": "people", "movement": "displaced", "forced": None, "count": 2000, "qualifier": "approx",
         "unit": "families", "origin_iso3": None, "location_iso3": ["PAK"], "destination_iso3": "PAK",
         "period_start": None, "period_end": None, "evidence": "About 2,000 families fled to Chaman",
         "optional": False},
    ],
}  # fmt: skip


def _statement(speaker: str, span: tuple[int, int], **kw: Any) -> dict[str, Any]:
    row = {"article_id": "a1", "speaker": speaker, "speaker_kind": "person", "speaker_country": "PAK",
           "verb": "say", "mode": "direct", "content": "We will find them", "start_char": span[0], "end_char": span[1]}  # fmt: skip
    return row | kw


def _score(tmp_path: Path, tables: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    (tmp_path / "g1.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return local_scorer.score([ART], tables, [tmp_path / "g1.json"])


QUOTE = _span("\u201cWe will find them,\u201d said Farid Zamani, the fictional district police chief.")
CASES = {
    # (rows, tp, fp, fn)
    "match by span and last name": ([_statement("Zamani", QUOTE)], 1, 0, 0),
    "right span, wrong speaker": ([_statement("Karimi", QUOTE)], 0, 1, 1),
    "right speaker, disjoint span": ([_statement("Farid Zamani", _span("About 2,000 families"))], 0, 1, 1),
    "optional item neither rewarded nor punished": (
        [_statement("Zamani", QUOTE), _statement("police", _span("Gunmen killed four guards"), mode="indirect")],
        1, 0, 0,
    ),
    "one gold item, two predictions": ([_statement("Zamani", QUOTE), _statement("Zamani", QUOTE)], 1, 1, 0),
}  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_statement_matching(tmp_path: Path, case: str) -> None:
    rows, tp, fp, fn = CASES[case]
    got = _score(tmp_path, {"statements": rows})["tables"]["statements"]
    assert (got["tp"], got["fp"], got["fn"]) == (tp, fp, fn)


def test_incident_matches_on_an_equal_toll_without_overlap(tmp_path: Path) -> None:
    row = {"article_id": "a1", "event_type": "armed_attack", "perpetrator": None, "location": "Quetta",
           "admin1": "Balochistan", "country_iso3": "PAK", "occurred_on": None, "killed": 4,
           "killed_qualifier": "exact", "wounded": None, "wounded_qualifier": None,
           "start_char": _span("About")[0], "end_char": len(TEXT)}  # fmt: skip
    got = _score(tmp_path, {"incidents": [row]})["tables"]["incidents"]
    assert (got["tp"], got["fp"], got["fn"]) == (1, 0, 0)
    assert got["fields"]["occurred_on"] == 0.0 and got["fields"]["location"] == 1.0


@pytest.mark.parametrize(
    ("count", "matched"), [(2000, True), (200, False)], ids=["same count", "other count"]
)
def test_refugee_count_needs_an_equal_count(tmp_path: Path, count: int, matched: bool) -> None:
    span = _span("About 2,000 families fled to Chaman")
    row = {"article_id": "a1", "population": "idps", "movement": "displaced", "forced": None, "count": count,
           "qualifier": "approx", "unit": "families", "origin_iso3": None, "location_iso3": ["PAK"],
           "destination_iso3": "PAK", "period_start": None, "period_end": None,
           "start_char": span[0], "end_char": span[1]}  # fmt: skip
    got = _score(tmp_path, {"refugee_counts": [row]})["tables"]["refugee_counts"]
    assert got["tp"] == int(matched)
    if matched:
        assert got["fields"]["population"] == 0.0 and got["fields"]["unit"] == 1.0
        assert got["precision"] == got["recall"] == got["f1"] == 1.0


def test_wrong_fields_lower_field_accuracy_only(tmp_path: Path) -> None:
    row = _statement("Zamani", QUOTE, speaker_country="IRN", mode="indirect")
    got = _score(tmp_path, {"statements": [row]})["tables"]["statements"]
    assert got["f1"] == 1.0
    assert got["fields"] == {
        "content": 1.0,
        "mode": 0.0,
        "speaker_country": 0.0,
        "speaker_kind": 1.0,
        "verb": 1.0,
    }
