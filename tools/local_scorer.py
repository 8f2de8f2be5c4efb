"""sitrep's own scorer for gold sets: runs where the shared scorer is absent (CI included).

It implements the matching described in the annotation guide (`docs/accuracy.md` summarises it)
in its own way, on character offsets rather than on words:

* a gold item's evidence is located in the article's normalized text (the text the published
  offsets point into); a predicted row's evidence is its ``start_char``..``end_char`` span;
* statements match when the two spans overlap and the speaker's last word equals the last word
  of the gold speaker or of one of its aliases (or the other way round);
* incidents match when the spans overlap or a killed or wounded figure is equal;
* refugee counts match when the count is equal and the spans overlap, or when the gold count is
  the only gold item of the article with that count;
* pairs are made greedily, best first (larger span overlap first), one to one.

Precision and recall count non-optional gold items; a row matched to an optional item counts
neither way. Field accuracy is over matched pairs. Its figures are close to the shared scorer's
but not equal (the overlap test differs), so the quality gate keeps separate floors for it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

TABLES = ("statements", "incidents", "refugee_counts")
_PLACE_NOISE = frozenset({"the", "of", "city", "town", "district", "province", "state", "region", "county"})


def _fold(s: object) -> str:
    """Lower case, no accents, one kind of apostrophe."""
    if s is None:
        return ""
    t = unicodedata.normalize("NFKD", str(s))
    return "".join(c for c in t if not unicodedata.combining(c)).replace("\u2019", "'").lower()


def _words(s: object) -> list[str]:
    return re.findall(r"[a-z0-9]+", _fold(s))


def _locate(text: str, evidence: str) -> tuple[int, int] | None:
    """Span of ``evidence`` in ``text``: exact, then with any run of whitespace allowed between words."""
    i = text.find(evidence)
    if i >= 0:
        return i, i + len(evidence)
    parts = evidence.split()
    if not parts:
        return None
    m = re.search(r"\s+".join(map(re.escape, parts)), text)
    return (m.start(), m.end()) if m else None


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> float:
    """Characters shared by two spans over the characters of their union (0 when disjoint)."""
    if a is None or b is None:
        return 0.0
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def _last_word_match(pred: object, names: list[object]) -> bool:
    p = _words(pred)
    if not p:
        return False
    for n in names:
        w = _words(n)
        if w and (w[-1] in p or p[-1] in w):
            return True
    return False


def _int(v: object) -> int | None:
    try:
        return None if v is None else int(v)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def _day(v: object) -> str | None:
    return None if v is None else str(v)[:10]


def _same(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return _fold(a) == _fold(b)


def _place(s: object) -> str:
    return " ".join(w for w in _words(s) if w not in _PLACE_NOISE)


def _content_f1(pred: object, gold: object) -> float:
    p, g = Counter(_words(pred)), Counter(_words(gold))
    if not p or not g:
        return float(not p and not g)
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def _pair_score(table: str, g: dict[str, Any], p: dict[str, Any], lone: bool) -> float:
    ov = _overlap(g["_span"], p["_span"])
    if table == "statements":
        names = [g.get("speaker"), *(g.get("aliases") or [])]
        return ov if ov and _last_word_match(p.get("speaker"), names) else 0.0
    if table == "incidents":
        toll = any(g.get(k) is not None and _int(p.get(k)) == g.get(k) for k in ("killed", "wounded"))
        return max(ov, 0.01 if toll else 0.0)
    if _int(p.get("count")) != g.get("count"):
        return 0.0
    return max(ov, 0.01 if lone else 0.0)


def _fields(table: str, g: dict[str, Any], p: dict[str, Any]) -> dict[str, bool]:
    if table == "statements":
        return {
            "speaker_kind": _same(p.get("speaker_kind"), g.get("speaker_kind")),
            "mode": _same(p.get("mode"), g.get("mode")),
            "speaker_country": _same(p.get("speaker_country"), g.get("speaker_country")),
            "verb": _same(p.get("verb"), g.get("verb")),
            "content": _content_f1(p.get("content"), g.get("content")) >= 0.5,
        }
    if table == "incidents":
        names = {_fold(n) for n in [g.get("perpetrator"), *(g.get("aliases") or [])] if n}
        gold_places = {_place(g.get("location")), _place(g.get("admin1"))} - {""}
        pred_places = {_place(p.get("location")), _place(p.get("admin1"))} - {""}
        out = {
            "event_type": _same(p.get("event_type"), g.get("event_type")),
            "perpetrator": _fold(p.get("perpetrator")) in names if names else p.get("perpetrator") is None,
            "location": bool(gold_places & pred_places) if gold_places else not pred_places,
            "country_iso3": _same(p.get("country_iso3"), g.get("country_iso3")),
            "killed": _int(p.get("killed")) == g.get("killed"),
            "wounded": _int(p.get("wounded")) == g.get("wounded"),
            "occurred_on": _day(p.get("occurred_on")) == g.get("occurred_on"),
        }
        for k in ("killed", "wounded"):
            if g.get(k) is not None:
                out[f"{k}_qualifier"] = _same(p.get(f"{k}_qualifier"), g.get(f"{k}_qualifier"))
        return out
    return {
        "population": _same(p.get("population"), g.get("population")),
        "movement": _same(p.get("movement"), g.get("movement")),
        "forced": p.get("forced") == g.get("forced"),
        "qualifier": _same(p.get("qualifier"), g.get("qualifier")),
        "unit": _same(p.get("unit"), g.get("unit")),
        "origin_iso3": _same(p.get("origin_iso3"), g.get("origin_iso3")),
        "location_iso3": sorted(map(_fold, p.get("location_iso3") or []))
        == sorted(map(_fold, g.get("location_iso3") or [])),
        "destination_iso3": _same(p.get("destination_iso3"), g.get("destination_iso3")),
        "period": _day(p.get("period_start")) == g.get("period_start")
        and _day(p.get("period_end")) == g.get("period_end"),
    }


def _norm_url(url: object) -> str:
    return str(url or "").strip().rstrip("/").lower()


def score(
    articles: list[dict[str, Any]],
    tables: dict[str, list[dict[str, Any]]],
    gold_files: list[Path],
) -> dict[str, Any]:
    """Score extracted ``tables`` (rows with ``article_id`` and offsets) for ``articles`` (dicts with
    ``article_id``, ``url`` and the normalized ``text``) against ``gold_files``.

    Returns ``{"tables": {table: {tp, fp, fn, precision, recall, f1, fields}}, "macro_f1",
    "field_accuracy", "articles": {gold, found}, "details": [...]}``.
    """
    by_url = {_norm_url(a["url"]): a for a in articles}
    golds = [json.loads(f.read_text(encoding="utf-8")) | {"_file": f.name} for f in sorted(gold_files)]
    result: dict[str, Any] = {"tables": {}, "details": []}
    for table in TABLES:
        tp = fp = fn = 0
        fields: dict[str, list[bool]] = {}
        for gold in golds:
            art = by_url.get(_norm_url(gold["url"]))
            items = [dict(x) for x in gold.get(table, [])]
            if art is None:
                fn += sum(not x.get("optional") for x in items)
                continue
            counts = Counter(x.get("count") for x in items)
            for x in items:
                x["_span"] = _locate(art["text"], x["evidence"])
            rows = [dict(r) for r in tables.get(table, []) if r["article_id"] == art["article_id"]]
            for r in rows:
                r["_span"] = (r["start_char"], r["end_char"])
            pairs = sorted(
                (
                    (s, i, j)
                    for i, g in enumerate(items)
                    for j, r in enumerate(rows)
                    if (s := _pair_score(table, g, r, counts[g.get("count")] == 1)) > 0
                ),
                key=lambda t: (-t[0], t[1], t[2]),
            )
            taken_g: set[int] = set()
            taken_p: set[int] = set()
            for _, i, j in pairs:
                if i in taken_g or j in taken_p:
                    continue
                taken_g.add(i)
                taken_p.add(j)
                if items[i].get("optional"):
                    continue
                tp += 1
                for name, ok in _fields(table, items[i], rows[j]).items():
                    fields.setdefault(name, []).append(ok)
                    if not ok:
                        result["details"].append({"table": table, "gold": gold["_file"], "field": name})
            for i, g in enumerate(items):
                if i not in taken_g and not g.get("optional"):
                    fn += 1
                    result["details"].append(
                        {"table": table, "gold": gold["_file"], "miss": g["evidence"][:120]}
                    )
            fp += len(rows) - len(taken_p)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result["tables"][table] = {
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "fields": {k: round(sum(v) / len(v), 3) for k, v in sorted(fields.items())},
        }
    per_table = result["tables"].values()
    result["macro_f1"] = round(sum(t["f1"] for t in per_table) / len(TABLES), 3)
    accuracies = [v for t in per_table for v in t["fields"].values()]
    result["field_accuracy"] = round(sum(accuracies) / len(accuracies), 3) if accuracies else 0.0
    result["articles"] = {
        "gold": len(golds),
        "found": sum(_norm_url(g["url"]) in by_url for g in golds),
    }
    return result
