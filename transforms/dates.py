"""Time expressions in text, resolved to date ranges against the publication date.

``find_time_exprs`` covers the contract's "Dates and periods" table: explicit dates
("March 4, 2025", "4 March"), months and years ("in March 2025", "in 2024"), periods
relative to publication ("last year", "this week", "over the past two days",
"yesterday", "on Wednesday"), "since ..." (its first day .. publication) and ranges
("between March 8 and March 14, 2025"). Vague ones ("recently", "for decades")
are returned with ``first``/``last`` None. Single days have ``first == last``.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import re
import re._constants as _sre
import re._parser as _sre_parse
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from transforms.numbers import parse_quantity

date = dt.date


@dataclass(frozen=True, slots=True)
class TimeExpr:
    start: int
    end: int
    first: date | None
    last: date | None


_MONTH_NUM = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH_NUM.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH_NUM["sept"] = 9
_WEEKDAY_NUM = {name.lower(): i for i, name in enumerate(calendar.day_name)}

# Month and weekday names must be capitalized: "may" and "march" are also verbs.
_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_NUMW = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty"
    r"|thirty|forty|forty-eight|seventy-two|few|several|couple\s+of|a\s+couple\s+of|a\s+few)"
)
_UNIT = r"(?:hours?|days?|weeks?|fortnights?|months?|years?|decades?)"
_TO = r"\s*(?:-|\u2013|\u2014|to|and)\s*"
_MM, _DD, _DECADE = r"[01]\d", r"[0-3]\d", r"(?:19|20)\d0"
_B = r"(?<![\w])"
_E = r"(?![\w])"


def _g(name: str, body: str) -> str:
    return f"(?P<{name}>{body})"


def _d(suffix: str) -> str:
    """Month-day-year date with groups m/d/y + suffix, either order."""
    m, d, y = f"m{suffix}", f"d{suffix}", f"y{suffix}"
    return (
        rf"(?:{_g(m, _MON)}\s+{_g(d, _DAY)}(?:,?\s+{_g(y, _YEAR)})?"
        rf"|{_g(d + 'x', _DAY)}(?:\s+of)?\s+{_g(m + 'x', _MON)}(?:,?\s+{_g(y + 'x', _YEAR)})?)"
    )


# ---------------------------------------------------------------- calendar helpers


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _latest_month(m: int, p: date) -> int:
    """Year of the latest month ``m`` that starts on or before ``p``."""
    return p.year if date(p.year, m, 1) <= p else p.year - 1


def _safe_day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _latest_day(m: int, d: int, p: date) -> date | None:
    this = _safe_day(p.year, m, d)
    if this is not None and this <= p:
        return this
    return _safe_day(p.year - 1, m, d)


def _minus_months(p: date, n: int) -> date:
    y, m = divmod(p.month - 1 - n, 12)
    y += p.year
    m += 1
    return date(y, m, min(p.day, calendar.monthrange(y, m)[1]))


def _mon(s: str | None) -> int | None:
    return _MONTH_NUM.get(s.lower().rstrip(".")) if s else None


def _day(s: str | None) -> int | None:
    return int(re.sub(r"\D", "", s)) if s else None


def _num(s: str) -> int | None:
    s = " ".join(s.lower().split())
    if s in ("a", "an"):
        return 1
    if s in ("few", "several", "a few", "couple of", "a couple of"):
        return None
    parsed = parse_quantity(s)
    return parsed[0] if parsed else None


Range = tuple[date | None, date | None]
_NONE: Range = (None, None)


def _group(m: re.Match[str], *names: str) -> str | None:
    for n in names:
        v = m.groupdict().get(n)
        if v:
            return v
    return None


def _one_date(m: re.Match[str], suffix: str, p: date | None, year: int | None = None) -> date | None:
    mon = _mon(_group(m, f"m{suffix}", f"m{suffix}x"))
    day = _day(_group(m, f"d{suffix}", f"d{suffix}x"))
    y = _group(m, f"y{suffix}", f"y{suffix}x")
    if mon is None or day is None:
        return None
    if y:
        return _safe_day(int(y), mon, day)
    if year is not None:
        return _safe_day(year, mon, day)
    return _latest_day(mon, day, p) if p else None


# ---------------------------------------------------------------- handlers


def _h_date_range(m: re.Match[str], p: date | None) -> Range:
    d2 = _one_date(m, "2", p)
    if d2 is None:
        return _NONE
    # Without its own year the first date takes the second's ("March 8 and March 14, 2025").
    d1 = _one_date(m, "1", p) if _group(m, "y1", "y1x") else _one_date(m, "1", p, d2.year)
    if d1 is not None and d1 > d2 and not _group(m, "y1", "y1x"):
        d1 = _one_date(m, "1", p, d2.year - 1)  # "December 28 to January 3"
    return (d1, d2) if d1 is not None and d1 <= d2 else _NONE


def _h_day_span(m: re.Match[str], p: date | None) -> Range:
    mon = _mon(_group(m, "mon", "monx"))
    a, b = _day(_group(m, "da", "dax")), _day(_group(m, "db", "dbx"))
    y = _group(m, "yr", "yrx")
    if mon is None or a is None or b is None or a > b:
        return _NONE
    if y:
        year = int(y)
    elif p is not None:
        # the latest span that starts on or before P: "between 1 and 23 February" told on February 22
        last = _latest_day(mon, a, p)
        if last is None:
            return _NONE
        year = last.year
    else:
        return _NONE
    first, last_day = _safe_day(year, mon, a), _safe_day(year, mon, b)
    return (first, last_day) if first and last_day else _NONE


def _h_month_range(m: re.Match[str], p: date | None) -> Range:
    m1, m2 = _mon(m.group("ma")), _mon(m.group("mb"))
    y1, y2 = m.group("ya"), m.group("yb")
    if m1 is None or m2 is None:
        return _NONE
    if y2:
        year2 = int(y2)
    elif p is not None:
        year2 = _latest_month(m2, p)
    else:
        return _NONE
    year1 = int(y1) if y1 else (year2 if m1 <= m2 else year2 - 1)
    first, last = date(year1, m1, 1), _month_end(year2, m2)
    return (first, last) if first <= last else _NONE


def _h_since(m: re.Match[str], p: date | None) -> Range:
    if p is None:
        return _NONE
    mon, day, y = _mon(m.group("sm")), _day(m.group("sd")), m.group("sy")
    if mon is None and y is None:
        return _NONE
    if mon is None:
        first: date | None = date(int(y or 0), 1, 1)
    elif day is not None:
        first = _safe_day(int(y), mon, day) if y else _latest_day(mon, day, p)
    else:
        year = int(y) if y else (p.year if date(p.year, mon, 1) < p else p.year - 1)
        first = date(year, mon, 1)
    return (first, p) if first is not None and first <= p else _NONE


def _h_single(m: re.Match[str], p: date | None) -> Range:
    d = _one_date(m, "", p)
    return (d, d) if d is not None else _NONE


def _h_iso(m: re.Match[str], p: date | None) -> Range:
    d = _safe_day(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    return (d, d) if d is not None else _NONE


def _h_month(m: re.Match[str], p: date | None) -> Range:
    g = m.groupdict()
    mon = _mon(g.get("mm") or g.get("mm2"))
    y = g.get("my")
    if mon is None:
        return _NONE
    if y:
        year = int(y)
    elif p is not None:
        year = _latest_month(mon, p)
    else:
        return _NONE
    return date(year, mon, 1), _month_end(year, mon)


def _h_month_last(m: re.Match[str], p: date | None) -> Range:
    """ "June last year": that month a year before publication; "last June": the latest June before P's month."""
    if p is None:
        return _NONE
    if m.group("lm"):
        mon = _mon(m.group("lm"))
        year = p.year - 1
    else:
        mon = _mon(m.group("lm2"))
        year = p.year if mon is not None and mon < p.month else p.year - 1
    if mon is None:
        return _NONE
    return date(year, mon, 1), _month_end(year, mon)


def _h_year(m: re.Match[str], p: date | None) -> Range:
    y = int(m.group("yy"))
    return date(y, 1, 1), date(y, 12, 31)


def _h_decade(m: re.Match[str], p: date | None) -> Range:
    y = int(m.group("dec"))
    return date(y, 1, 1), date(y + 9, 12, 31)


def _h_relative(m: re.Match[str], p: date | None) -> Range:
    if p is None:
        return _NONE
    w = " ".join(m.group("rel").lower().split())
    if w in ("yesterday", "last night"):
        d = p - dt.timedelta(days=1)
        return d, d
    if w in ("today", "this morning", "this afternoon", "this evening", "tonight", "earlier today"):
        return p, p
    if w == "the day before yesterday":
        d = p - dt.timedelta(days=2)
        return d, d
    if w.startswith("next"):
        return _next(w, p)
    if w.startswith("later"):  # "later this year": the rest of the period
        if w.endswith("year"):
            return p, date(p.year, 12, 31)
        if w.endswith("month"):
            return p, _month_end(p.year, p.month)
        return p, p + dt.timedelta(days=6 - p.weekday())
    if w.endswith("year"):
        if w.startswith("last") or w.startswith("previous"):
            return date(p.year - 1, 1, 1), date(p.year - 1, 12, 31)
        return date(p.year, 1, 1), p
    if w.endswith("month"):
        if w.startswith("last") or w.startswith("previous"):
            prev = p.replace(day=1) - dt.timedelta(days=1)
            return prev.replace(day=1), prev
        return p.replace(day=1), p
    if w.endswith("week"):
        monday = p - dt.timedelta(days=p.weekday())
        if w.startswith("last") or w.startswith("previous"):
            return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
        return monday, p
    return _NONE


def _next(w: str, p: date) -> Range:
    """ "next year/month/week": that whole calendar period after P's."""
    if w.endswith("year"):
        return date(p.year + 1, 1, 1), date(p.year + 1, 12, 31)
    if w.endswith("month"):
        first = _month_end(p.year, p.month) + dt.timedelta(days=1)
        return first, _month_end(first.year, first.month)
    monday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(days=7)
    return monday, monday + dt.timedelta(days=6)


def _h_past(m: re.Match[str], p: date | None) -> Range:
    if p is None:
        return _NONE
    n_text = m.group("pn")
    n = _num(n_text) if n_text else 1
    if n is None:
        return _NONE
    unit = m.group("pu").lower().rstrip("s")
    if unit == "hour":
        days = max(1, -(-n // 24))
        return p - dt.timedelta(days=days), p
    if unit == "day":
        return p - dt.timedelta(days=n), p
    if unit in ("week", "fortnight"):
        return p - dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1)), p
    if unit == "month":
        return _minus_months(p, n), p
    if unit == "year":
        return _minus_months(p, 12 * n), p
    if unit == "decade":
        return _minus_months(p, 120 * n), p
    return _NONE


def _h_ago(m: re.Match[str], p: date | None) -> Range:
    if p is None:
        return _NONE
    n = _num(m.group("an"))
    unit = m.group("au").lower().rstrip("s")
    if unit == "hour":
        # "a few hours ago", "six hours ago": the day of publication (a day back past 24 hours).
        d = p - dt.timedelta(days=(n or 0) // 24)
        return d, d
    if n is None:
        return _NONE
    if unit == "day":
        d = p - dt.timedelta(days=n)
        return d, d
    if unit == "week":  # "about a fortnight ago" is left vague
        d = p - dt.timedelta(weeks=n)
        return d, d
    if unit == "month":
        d = _minus_months(p, n)
        return d.replace(day=1), _month_end(d.year, d.month)
    if unit == "year":
        return date(p.year - n, 1, 1), date(p.year - n, 12, 31)
    return _NONE


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 19 * lw) // 433
    month = (h + lw - 7 * mm + 90) // 25
    return date(year, month, (h + lw - 7 * mm + 33 * month + 19) % 32)


def _h_holiday(m: re.Match[str], p: date | None) -> Range:
    """ "Easter Sunday", "Christmas Day": the latest one on or before publication."""
    if p is None:
        return _NONE
    name = m.group("hol").lower()

    def day_in(year: int) -> date:
        if name.startswith("easter"):
            return _easter(year)
        return date(year, 12, 24 if "eve" in name else 25)

    d = day_in(p.year)
    if d > p:
        d = day_in(p.year - 1)
    return d, d


def _h_weekday(m: re.Match[str], p: date | None) -> Range:
    if p is None:
        return _NONE
    wd = _WEEKDAY_NUM[m.group("wd").lower()]
    back = (p.weekday() - wd) % 7
    if back == 0 and (m.group("wlast") or "").lower().startswith("last"):
        back = 7
    d = p - dt.timedelta(days=back)
    return d, d


def _h_part(m: re.Match[str], p: date | None) -> Range:
    """ "the first three weeks of March", "the first seven months of FY24": that many days/weeks/months/quarters
    from (or to) the period's edge."""
    # "the first fortnight of June", "the last week of May": one such unit
    n = _num(m.group("fn")) if m.group("fn") else 1
    if n is None or n <= 0:
        return _NONE
    g = m.groupdict()
    if g.get("fm"):
        mon = _mon(g["fm"])
        if mon is None:
            return _NONE
        if g.get("fmy"):
            year = int(g["fmy"])
        elif p is not None:
            year = _latest_month(mon, p)
        else:
            return _NONE
        lo, hi = date(year, mon, 1), _month_end(year, mon)
    elif g.get("ffy"):  # "the first three quarters of FY 2016": of the US federal year, from October 1
        year = int(g["ffy"]) if len(g["ffy"]) == 4 else 2000 + int(g["ffy"])
        lo, hi = date(year - 1, 10, 1), date(year, 9, 30)
    elif g.get("fy"):
        lo, hi = date(int(g["fy"]), 1, 1), date(int(g["fy"]), 12, 31)
    elif p is not None:
        lo = date(p.year, 1, 1) if g.get("fthis") == "year" else p.replace(day=1)
        hi = date(p.year, 12, 31) if g.get("fthis") == "year" else _month_end(p.year, p.month)
    else:
        return _NONE
    unit = (m.group("fu") or m.group("fu1")).lower()
    if unit in ("fortnight", "fortnights"):
        unit, n = "weeks", 2 * n
    elif not unit.endswith("s"):
        unit += "s"
    if unit == "quarters":
        unit, n = "months", 3 * n
    if unit == "months":
        span_end = _minus_months(lo, -n) - dt.timedelta(days=1)
        span_start = _minus_months(hi + dt.timedelta(days=1), n)
    else:
        days = n * (7 if unit == "weeks" else 1)
        span_end = lo + dt.timedelta(days=days - 1)
        span_start = hi - dt.timedelta(days=days - 1)
    if m.group("fl") == "first":
        return lo, min(span_end, hi)
    return max(span_start, lo), hi


def _h_half(m: re.Match[str], p: date | None) -> Range:
    if m.group("hm"):  # "the first half of February": days 1-15; "the second half of March": 16 to the end
        mon = _mon(m.group("hm"))
        if mon is None:
            return _NONE
        if m.group("hmy"):
            year = int(m.group("hmy"))
        elif p is not None:
            year = _latest_month(mon, p)
        else:
            return _NONE
        if m.group("half") == "first":
            return date(year, mon, 1), date(year, mon, 15)
        return date(year, mon, 16), _month_end(year, mon)
    if m.group("hy"):
        year = int(m.group("hy"))
    elif p is not None:
        year = p.year - 1 if m.group("hlast") else p.year
    else:
        return _NONE
    if m.group("half") == "first":
        return date(year, 1, 1), date(year, 6, 30)
    return date(year, 7, 1), date(year, 12, 31)


def _h_week_to(m: re.Match[str], p: date | None) -> Range:
    """ "the week to March 7", "the week ending 7 March": the seven days ending that day."""
    d = _one_date(m, "", p)
    return (d - dt.timedelta(days=6), d) if d is not None else _NONE


def _h_fiscal_ended(m: re.Match[str], p: date | None) -> Range:
    """ "the fiscal year that ended on Sept. 30": the twelve months ending that day."""
    d = _one_date(m, "", p)
    if d is None:
        return _NONE
    start = _safe_day(d.year - 1, d.month, d.day) or date(d.year - 1, d.month, 28)
    return start + dt.timedelta(days=1), d


_FY_REL = r"this|last|the\s+current|the\s+previous|the\s+past|the\s+most\s+recent|the\s+latest"


def _h_fiscal_year(m: re.Match[str], p: date | None) -> Range:
    """ "in fiscal year 2023", "FY2024", "fiscal 2022": the US federal year, October to September.

    The convention of the agencies that publish most counts stated per fiscal year (refugee
    admissions, border encounters, removals); a year with its own span ("2023-24") is not matched.
    "since FY2014" and "so far in FY2023" run up to publication.
    """
    rel = m.group("fyrel")
    if (
        rel is not None
    ):  # "this fiscal year": the one that holds P, up to P; "last fiscal year": the one before
        if p is None:
            return _NONE
        year = p.year + 1 if p.month >= 10 else p.year
        if rel.split()[-1] in ("last", "previous", "past", "recent", "latest"):  # the last year completed
            return date(year - 2, 10, 1), date(year - 1, 9, 30)
        return date(year - 1, 10, 1), p
    y = m.group("fyy") or m.group("fyb")
    year = int(y) if len(y) == 4 else 2000 + int(y)
    lo, hi = date(year - 1, 10, 1), date(year, 9, 30)
    if m.group("fsince") or m.group("fsofar"):  # "since FY2014", "so far in FY2023": up to publication
        return (lo, p) if p is not None and lo <= p else _NONE
    return lo, hi


def _h_year_to_date(m: re.Match[str], p: date | None) -> Range:
    """ "year to date", "year-to-date": from January 1 up to publication."""
    return (date(p.year, 1, 1), p) if p is not None else _NONE


def _h_years(m: re.Match[str], p: date | None) -> Range:
    a, b = int(m.group("ra") or m.group("rax")), int(m.group("rb"))
    return (date(a, 1, 1), date(b, 12, 31)) if a <= b else _NONE


def _h_year_to_month(m: re.Match[str], p: date | None) -> Range:
    mon = _mon(m.group("mb"))
    if mon is None:
        return _NONE
    first, last = date(int(m.group("ya")), 1, 1), _month_end(int(m.group("yb")), mon)
    return (first, last) if first <= last else _NONE


def _h_weekend(m: re.Match[str], p: date | None) -> Range:
    """ "last weekend": the Saturday-Sunday before P's week; "the weekend": the latest one up to P."""
    if p is None:
        return _NONE
    if (m.group("wkl") or "").lower() == "last":
        monday = p - dt.timedelta(days=p.weekday())
        return monday - dt.timedelta(days=2), monday - dt.timedelta(days=1)
    saturday = p - dt.timedelta(days=(p.weekday() - 5) % 7)
    return saturday, min(saturday + dt.timedelta(days=1), p)


def _h_vague(m: re.Match[str], p: date | None) -> Range:
    return _NONE


def _h_since_any(m: re.Match[str], p: date | None) -> Range:
    """Every "since ..." form: its first day .. publication."""
    if p is None:
        return _NONE
    g = m.groupdict()
    first: date | None = None
    if g.get("syr") or g.get("cyy") or g.get("sdec"):
        first = date(int(g.get("syr") or g.get("cyy") or g.get("sdec") or 0), 1, 1)
    elif g.get("sunit"):
        unit = g["sunit"].lower()
        first = date(p.year, 1, 1) if unit == "year" else p.replace(day=1)
        if unit == "week":
            first = p - dt.timedelta(days=p.weekday())
    elif g.get("swd") or g.get("cwd"):
        wd = _WEEKDAY_NUM[(g.get("swd") or g.get("cwd") or "").lower()]
        first = p - dt.timedelta(days=(p.weekday() - wd) % 7)
    elif g.get("cm"):
        mon, day, y = _mon(g["cm"]), _day(g.get("cd")), g.get("cy")
        if mon is not None:
            if day is not None:
                first = _safe_day(int(y), mon, day) if y else _latest_day(mon, day, p)
            else:
                first = date(int(y) if y else _latest_month(mon, p), mon, 1)
    else:
        return _h_since(m, p)
    return (first, p) if first is not None and first <= p else _NONE


_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str], date | None], Range]]] = [
    (
        re.compile(
            rf"{_B}(?:(?:between|from)\s+)?{_d('1')}(?:\s+(?:and|to|until|till|through)\s+|\s*[-\u2013]\s*)"
            rf"{_d('2')}{_E}"
        ),
        _h_date_range,
    ),
    (
        re.compile(
            rf"{_B}(?:(?:between|from)\s+)?(?:{_g('mon', _MON)}\s+{_g('da', _DAY)}{_TO}{_g('db', _DAY)}"
            rf"|{_g('dax', _DAY)}{_TO}{_g('dbx', _DAY)}\s+{_g('monx', _MON)})"
            rf"(?:,?\s+{_g('yr', _YEAR)})?{_E}"
        ),
        _h_day_span,
    ),
    # "March 2024-March 2025": both years given, no "between" needed.
    (
        re.compile(
            rf"{_B}{_g('ma', _MON)},?\s+{_g('ya', _YEAR)}\s*(?:[-\u2013]|to)\s*{_g('mb', _MON)},?\s+{_g('yb', _YEAR)}{_E}"
        ),
        _h_month_range,
    ),
    (
        re.compile(
            rf"{_B}(?:[Bb]etween|[Ff]rom)\s+{_g('ma', _MON)}(?:\s+{_g('ya', _YEAR)})?"
            r"\s+(?:and|to|until|till|through)\s+(?:the\s+end\s+of\s+)?"
            rf"{_g('mb', _MON)}(?:,?\s+{_g('yb', _YEAR)})?{_E}"
        ),
        _h_month_range,
    ),
    (
        re.compile(
            rf"{_B}[Ss]ince\s+(?:(?:the\s+(?:start|beginning|end)\s+of|early|late|mid-?|the\s+middle\s+of)\s*)?"
            rf"{_g('sm', _MON)}(?:\s+{_g('sd', _DAY)})?(?:,?\s+{_g('sy', _YEAR)})?{_E}"
        ),
        _h_since_any,
    ),
    (
        re.compile(
            rf"{_B}[Ss]ince\s+(?:the\s+)?(?:start|beginning)\s+of\s+(?:the(?:\s+(?:new|current))?|this)\s+"
            rf"{_g('sunit', 'year|month|week')}{_E}"
        ),
        _h_since_any,
    ),
    (re.compile(rf"{_B}[Ss]ince\s+(?:last\s+)?{_g('swd', _WD)}{_E}"), _h_since_any),
    # "since the army took power in July 2019", "since fighters stormed it on Friday".
    (
        re.compile(
            # (not "figures since released by the ministry show that in 2023": "since" before a
            # passive participle is an adverb, not a clause)
            rf"{_B}[Ss]ince\s+(?!then\b)(?![a-z]+ed\s+(?:by|to|from|as|at)\b)[^.;:,\n\d]{{1,80}}?\s+(?:in|on)\s+"
            rf"(?:(?:early|late|mid-?)\s*)?(?:{_g('cm', _MON)}(?:\s+{_g('cd', _DAY)})?"
            rf"(?:,?\s+{_g('cy', _YEAR)})?|{_g('cyy', _YEAR)}|{_g('cwd', _WD)}){_E}"
        ),
        _h_since_any,
    ),
    (
        re.compile(
            rf"{_B}[Ss]ince\s+(?:(?:early|late|mid-?)\s*)?"
            rf"(?:{_g('syr', _YEAR)}|the\s+{_g('sdec', _DECADE)}s){_E}"
        ),
        _h_since_any,
    ),
    (
        re.compile(
            rf"{_B}(?:(?:[Ii]n|[Dd]uring|[Oo]ver)\s+)?[Tt]he\s+{_g('fl', 'first|last')}\s+(?:{_g('fn', _NUMW)}\s+"
            rf"{_g('fu', 'days|weeks|fortnights|months|quarters')}|{_g('fu1', 'week|fortnight')})\s+of\s+(?:{_g('fm', _MON)}(?:,?\s+{_g('fmy', _YEAR)})?"
            rf"|(?:the\s+)?(?:[Ff]iscal(?:\s+[Yy]ear)?\s+|FY\s*'?){_g('ffy', _YEAR + '|[0-9]{2}')}"
            rf"|{_g('fy', _YEAR)}|(?:the|this)\s+{_g('fthis', 'year|month')}){_E}"
        ),
        _h_part,
    ),
    (
        re.compile(
            rf"{_B}(?:(?:[Ii]n|[Dd]uring)\s+)?[Tt]he\s+{_g('half', 'first|second')}\s+half\s+of\s+"
            rf"(?:{_g('hy', _YEAR)}|the\s+year|this\s+year|{_g('hlast', 'last')}\s+year"
            rf"|{_g('hm', _MON)}(?:,?\s+{_g('hmy', _YEAR)})?){_E}"
        ),
        _h_half,
    ),
    (
        re.compile(
            rf"{_B}(?:(?:in|during)\s+)?the\s+week\s+(?:to|ending|ended|through|until)\s+(?:on\s+)?{_d('')}{_E}"
        ),
        _h_week_to,
    ),
    (
        re.compile(
            rf"{_B}(?:(?:in|during|for|over)\s+)?(?:(?:its|the|their|his|her|this|that|a)\s+)?"
            rf"(?:{_YEAR}\s+)?[Ff]iscal\s+year\s+(?:that\s+|which\s+)?(?:ended|ending|ends|closing|closed)\s+"
            rf"(?:on\s+)?{_d('')}{_E}"
        ),
        _h_fiscal_ended,
    ),
    (
        re.compile(
            rf"{_B}(?:{_g('fsince', '[Ss]ince')}\s+|(?P<fsofar>[Ss]o\s+far)\s+(?:in|this)\s+"
            r"|(?:in|during|for|of|over)\s+)?(?:the\s+)?(?:(?:[Ff]iscal(?:\s+[Yy]ear)?\s+|FY\s*'?)"
            rf"{_g('fyy', _YEAR + '|[0-9]{2}')}(?!\s*[-\u2013/]\s*\d)(?![\w])"
            # "the 2021 fiscal year", "this fiscal year", "last fiscal year"
            rf"|{_g('fyb', _YEAR)}\s+[Ff]iscal\s+[Yy]ear\b|{_g('fyrel', _FY_REL)}\s+[Ff]iscal\s+[Yy]ear\b)"
            r"(?!\s+(?:through|to\s+date|so\s+far))"
        ),
        _h_fiscal_year,
    ),
    (
        re.compile(rf"{_B}(?:(?:so\s+far\s+)?(?:in|for)\s+the\s+)?year[\s\-]to[\s\-]date{_E}", re.IGNORECASE),
        _h_year_to_date,
    ),
    (
        re.compile(
            rf"{_B}(?:(?:(?:[Ii]n|[Bb]etween|[Ff]rom|[Dd]uring)\s+){_g('ra', _YEAR)}\s+(?:and|to|through|until)\s+"
            rf"|{_g('rax', _YEAR)}\s*[-\u2013]\s*){_g('rb', _YEAR)}{_E}"
        ),
        _h_years,
    ),
    # "from 2015 to September 2018", "between 2019 and March 2021": a year to a month of a later year.
    (
        re.compile(
            rf"{_B}(?:[Bb]etween|[Ff]rom)\s+{_g('ya', _YEAR)}\s+(?:and|to|through|until)\s+"
            rf"(?:the\s+end\s+of\s+)?{_g('mb', _MON)},?\s+{_g('yb', _YEAR)}{_E}"
        ),
        _h_year_to_month,
    ),
    (re.compile(rf"{_B}(?:on\s+)?(?:{_WD},?\s+)?{_d('')}{_E}"), _h_single),
    (re.compile(rf"{_B}{_g('iy', _YEAR)}-{_g('im', _MM)}-{_g('id', _DD)}{_E}"), _h_iso),
    (
        re.compile(
            rf"{_B}(?:(?:in|during|by|until|till|through|throughout|of|from|early|late|mid-?|end\s+of)\s+)?"
            rf"(?:(?:early|late|mid-?)\s*)?{_g('mm', _MON)},?\s+{_g('my', _YEAR)}{_E}"
        ),
        _h_month,
    ),
    # "In June last year", "in June of last year", "last June": that month of the year before (or the
    # latest such month before publication).
    (
        re.compile(
            rf"{_B}(?:(?:[Ii]n|[Dd]uring|[Bb]y|[Oo]f|[Ff]rom|[Ee]arly|[Ll]ate|[Mm]id-?)\s+)?"
            rf"(?:{_g('lm', _MON)}\s+(?:of\s+)?{_g('lmy', 'last|previous')}\s+year|[Ll]ast\s+{_g('lm2', _MON)})"
            rf"(?!\s*\d){_E}"
        ),
        _h_month_last,
    ),
    (
        re.compile(
            rf"{_B}(?:[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil|[Tt]ill|[Tt]hrough|[Tt]hroughout|[Oo]f|[Ff]rom|[Ee]arly|[Ll]ate"
            rf"|[Mm]id-?|[Ee]nd\s+of)[\s\-]+(?:(?:early|late|mid-?)\s*)?{_g('mm2', _MON)}(?!\s*\d){_E}"
        ),
        _h_month,
    ),
    (re.compile(rf"{_B}(?:in\s+|during\s+)?the\s+{_g('dec', _DECADE)}s{_E}"), _h_decade),
    (
        re.compile(
            rf"{_B}(?:(?:in|during|throughout|for|of|early|late|mid-?|end\s+of|the\s+year)\s+)+"
            rf"(?:(?:early|late|mid-?)\s*)?{_g('yy', _YEAR)}(?!\s*[-\u2013/]\s*\d){_E}",
            re.IGNORECASE,
        ),
        _h_year,
    ),
    (
        re.compile(
            rf"{_B}(?:(?:over|in|during|within|for|throughout)\s+)?(?:the\s+(?:past|last|previous)|past)\s+"
            rf"(?:{_g('pn', _NUMW)}[\s\-]+)?{_g('pu', _UNIT)}{_E}",
            re.IGNORECASE,
        ),
        _h_past,
    ),
    # "in just over a month", "in almost two weeks": a hedged span up to publication
    (
        re.compile(
            rf"{_B}(?:in|within)\s+(?:just\s+)?(?:over|under|almost|nearly|barely|less\s+than|more\s+than)\s+"
            rf"(?:an?\s+|{_g('pn', _NUMW)}[\s\-]+){_g('pu', _UNIT)}{_E}",
            re.IGNORECASE,
        ),
        _h_past,
    ),
    (
        re.compile(
            rf"{_B}(?P<rel>(?:earlier\s+|later\s+)?(?:last|this|previous|next)\s+(?:year|month|week)|yesterday|today"
            rf"|last\s+night|this\s+(?:morning|afternoon|evening)|tonight|earlier\s+today"
            rf"|the\s+day\s+before\s+yesterday){_E}",
            re.IGNORECASE,
        ),
        _h_relative,
    ),
    (
        re.compile(rf"{_B}(?:(?:over\s+)?the|{_g('wkl', 'last|this|past')})\s+weekend{_E}", re.IGNORECASE),
        _h_weekend,
    ),
    (re.compile(rf"{_B}{_g('an', _NUMW)}\s+{_g('au', _UNIT)}\s+ago{_E}", re.IGNORECASE), _h_ago),
    (
        re.compile(
            rf"{_B}(?:on\s+)?(?P<hol>Easter(?:\s+Sunday|\s+Day)?|Christmas(?:\s+Day|\s+Eve)?)(?:['\u2019]s)?{_E}"
        ),
        _h_holiday,
    ),
    (
        re.compile(
            rf"{_B}(?:(?P<wlast>on|last|late|early|on\s+late|on\s+early)\s+)?{_g('wd', _WD)}"
            rf"(?:['\u2019]s)?{_E}"
        ),
        _h_weekday,
    ),
    (
        re.compile(
            rf"{_B}(?:recently|lately|for\s+(?:decades|years|months|weeks|generations)|in\s+recent\s+(?:years|months"
            rf"|weeks|days|times)|over\s+the\s+years|in\s+the\s+past|in\s+the\s+coming\s+(?:days|weeks|months)){_E}",
            re.IGNORECASE,
        ),
        _h_vague,
    ),
]


_MONTH_NEEDLES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEAR_NEEDLES = ("19", "20")
# A rule runs only when the lower-cased text contains one of its words: cheap ``in`` tests
# skip most of the 20-odd scans on a typical article.
_NEEDLES: tuple[tuple[str, ...], ...] = (
    _MONTH_NEEDLES,  # date ranges
    _MONTH_NEEDLES,  # day spans
    _MONTH_NEEDLES,  # month ranges with both years
    _MONTH_NEEDLES,  # month ranges
    ("since",),
    ("since",),
    ("since",),
    ("since",),
    ("since",),
    ("first", "last"),
    ("half",),
    ("week",),  # the week to March 7
    ("fiscal",),  # fiscal year that ended on June 30
    ("fiscal", "fy"),  # fiscal year 2023, FY2024, since FY2019
    ("date",),  # year to date
    _YEAR_NEEDLES,  # year ranges
    _MONTH_NEEDLES,  # a year to a month of a later year
    _MONTH_NEEDLES,  # single dates
    _YEAR_NEEDLES,  # ISO dates
    _MONTH_NEEDLES,  # month + year
    ("last", "previous"),  # June last year, last June
    _MONTH_NEEDLES,  # in March
    ("0s",),
    _YEAR_NEEDLES,
    ("past", "last", "previous"),
    ("over", "under", "almost", "nearly", "barely", "less", "more"),
    ("last", "this", "previous", "next", "yesterday", "today", "tonight"),
    ("weekend",),
    ("ago",),
    ("easter", "christmas"),
    ("day",),
    ("recent", "lately", "for ", "past", "over the years", "coming"),
)


# Every rule contains one of these words (or a year) within its first few words, so rules are
# tried only at the start of a trigger word and of the few words before it: far fewer attempts
# than scanning the whole text once per rule.
_TRIGGERS = frozenset(
    [*_MONTH_NUM, *_WEEKDAY_NUM]
    + [
        "since", "past", "last", "this", "previous", "yesterday", "today", "tonight", "recently", "lately",
        "recent", "decades", "years", "months", "weeks", "generations", "ago", "first", "second", "coming",
        "between", "from", "weekend", "over", "earlier", "later", "next", "easter", "christmas", "almost",
        "nearly", "barely", "less", "fiscal", "fy", "date", "days", "hours", "week", "fortnight", "fortnights",
    ]
)  # fmt: skip
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_LOOK_BACK = 5


# A year token: four digits starting 19 or 20, not inside a longer run of digits. The look-behind
# comes after the first two digits so that ``re`` can skip to a "1" or "2".
_YEAR_TOKEN = re.compile(r"(?:19|20)(?<!\d..)\d\d(?!\d)")


def _first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """ASCII characters a match of ``pattern`` can begin with, or None if not worked out.

    Derived from the parsed pattern (look-arounds are zero-width and skipped), so it is a
    superset of the true first characters: used only to skip rules that cannot match.
    """
    ignorecase = bool(pattern.flags & re.IGNORECASE)

    def lit(code: int) -> set[str] | None:
        ch = chr(code)
        if not ch.isascii():
            return None
        return {ch.lower(), ch.upper()} if ignorecase else {ch}

    def item(op, av) -> tuple[set[str] | None, bool]:  # (first chars, can match empty)
        if op is _sre.LITERAL:
            return lit(av), False
        if op is _sre.IN:
            out: set[str] = set()
            for iop, iav in av:
                if iop is _sre.LITERAL:
                    got = lit(iav)
                elif iop is _sre.RANGE and iav[1] < 128:
                    got = set()
                    for code in range(iav[0], iav[1] + 1):
                        got |= lit(code) or set()
                elif iop is _sre.CATEGORY and iav is _sre.CATEGORY_DIGIT:
                    got = set("0123456789")  # non-ASCII digits: callers try every rule
                else:
                    return None, False
                if got is None:
                    return None, False
                out |= got
            return out, False
        if op is _sre.BRANCH:
            out, empty = set(), False
            for branch in av[1]:
                got, e = seq(branch)
                if got is None:
                    return None, False
                out |= got
                empty |= e
            return out, empty
        if op is _sre.SUBPATTERN:
            if av[1] or av[2]:  # inline flags
                return None, False
            return seq(av[3])
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            got, e = seq(av[2])
            return got, e or av[0] == 0
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            return set(), True
        return None, False

    def seq(items) -> tuple[set[str] | None, bool]:
        out: set[str] = set()
        for op, av in items:
            got, empty = item(op, av)
            if got is None:
                return None, False
            out |= got
            if not empty:
                return out, False
        return out, True

    chars, empty = seq(_sre_parse.parse(pattern.pattern, pattern.flags))
    return None if chars is None or empty else frozenset(chars)


_ASCII_SPACE = frozenset(" \t\n\r\x0b\x0c")
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _first_pairs(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """ASCII two-character strings a match of ``pattern`` can begin with, or None if not worked out.

    Like ``_first_chars`` one character further: a superset (look-arounds are skipped; ``\\s``,
    ``\\d`` and ``\\w`` stand for their ASCII members, so callers try every rule where either
    character is not ASCII). None also when a match may be a single character.
    """
    ignorecase = bool(pattern.flags & re.IGNORECASE)
    k = 2
    # A set of (prefix, complete): ``prefix`` is what a match of the part begins with, cut at ``k``
    # characters; ``complete`` says the part's match ended there (what follows may add to it).

    def lit(code: int) -> set[str] | None:
        ch = chr(code)
        if not ch.isascii():
            # a prefix holding it is no ASCII pair, so it adds none; but under IGNORECASE ``re`` may
            # equate it with an ASCII letter ("\u212a" with "k")
            return None if ignorecase else set()
        return {ch.lower(), ch.upper()} if ignorecase else {ch}

    def cat(av: object) -> set[str] | None:
        if av is _sre.CATEGORY_DIGIT:
            return set("0123456789")
        if av is _sre.CATEGORY_SPACE:
            return set(_ASCII_SPACE)
        if av is _sre.CATEGORY_WORD:
            return set(_ASCII_WORD)
        return None

    def join(left: set[tuple[str, bool]], right: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
        out: set[tuple[str, bool]] = set()
        for a, done in left:
            if not done or len(a) >= k:
                out.add((a, False))
                continue
            for b, b_done in right:
                ab = a + b
                out.add((ab[:k], b_done and len(ab) < k) if len(ab) >= k else (ab, b_done))
        return out

    def item(op, av) -> set[tuple[str, bool]] | None:
        if op is _sre.LITERAL:
            got = lit(av)
            return None if got is None else {(c, True) for c in got}
        if op is _sre.IN:
            chars: set[str] = set()
            for iop, iav in av:
                if iop is _sre.LITERAL:
                    got = lit(iav)
                elif iop is _sre.RANGE and (iav[1] < 128 or not ignorecase):
                    got = set()
                    for code in range(iav[0], min(iav[1], 127) + 1):
                        got |= lit(code) or set()
                elif iop is _sre.CATEGORY:
                    got = cat(iav)
                else:
                    return None
                if got is None:
                    return None
                chars |= got
            return {(c, True) for c in chars}
        if op is _sre.CATEGORY:
            got = cat(av)
            return None if got is None else {(c, True) for c in got}
        if op is _sre.BRANCH:
            out: set[tuple[str, bool]] = set()
            for branch in av[1]:
                got = seq(branch)
                if got is None:
                    return None
                out |= got
            return out
        if op is _sre.SUBPATTERN:
            if av[1] or av[2]:  # inline flags
                return None
            return seq(av[3])
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            lo, hi, sub = av
            one = seq(sub)
            if one is None:
                return None
            # each repetition adds a character or none: repetitions past ``k`` add nothing to a prefix
            got = {("", True)}
            for _ in range(min(lo, k)):
                got = join(got, one)
            out = set(got)
            for _ in range(min(lo, k), min(hi, k)):
                got = join(got, one)
                out |= got
            return out
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            return {("", True)}
        return None

    def seq(items) -> set[tuple[str, bool]] | None:
        out = {("", True)}
        for op, av in items:
            if all(not done or len(a) >= k for a, done in out):
                break
            got = item(op, av)
            if got is None:
                return None
            out = join(out, got)
        return out

    found = seq(_sre_parse.parse(pattern.pattern, pattern.flags))
    if found is None or any(len(a) < k for a, _done in found):
        return None
    return frozenset(a for a, _done in found)


# zip(strict=True) fails at import if a rule is added without its needles.
_RULES_NEEDLES = [
    (rx, h, n, _first_chars(rx), _first_pairs(rx)) for (rx, h), n in zip(_RULES, _NEEDLES, strict=True)
]

# Each distinct needle once, with the bit set of the rules it switches on (46 ``in`` tests for the
# 133 needles of the rules).
_NEEDLE_RULES: dict[str, int] = {}
for _prio, (_rx, _h, _needles, _first, _pairs) in enumerate(_RULES_NEEDLES):
    for _n in _needles:
        _NEEDLE_RULES[_n] = _NEEDLE_RULES.get(_n, 0) | 1 << _prio


def _starts(text: str) -> list[int]:
    """Token starts from which a rule may match, in order."""
    # ``map`` and ``compress`` test every token without a Python-level step per token.
    ms = list(_TOKEN.finditer(text))
    starts = list(map(re.Match.start, ms))
    words = map(str.lower, map(re.Match.group, ms))
    hits = list(itertools.compress(range(len(ms)), map(_TRIGGERS.__contains__, words)))
    hits += [bisect.bisect_left(starts, m.start()) for m in _YEAR_TOKEN.finditer(text)]
    keep: set[int] = set()
    for i in hits:
        keep.update(range(max(0, i - _LOOK_BACK), i + 1))
    return [starts[i] for i in sorted(keep)]


def find_time_exprs(text: str, published: date | None) -> list[TimeExpr]:
    """Every time expression in ``text`` resolved against ``published``, sorted, non-overlapping.

    Unresolvable expressions (vague ones, or relative ones without ``published``) have first/last None.
    """
    return list(_find_time_exprs(text, published))


_Handler = Callable[[re.Match[str], date | None], Range]
_Rule = tuple[int, re.Pattern[str], _Handler]


# Cached across articles: the same (two characters, active rules) pairs recur (building these lists
# per article took ~0.1 ms of each).
@lru_cache(maxsize=16384)
def _rules_for(head: str, active: int) -> tuple[_Rule, ...]:
    """(prio, rx, handler) of the ``active`` rules (a bit set by prio) that can begin with ``head``
    (the first one or two characters from a start)."""
    ch = head[0]
    ascii_ch = ch.isascii()
    pair = len(head) == 2 and head.isascii()
    return tuple(
        (prio, rx, h)
        for prio, (rx, h, _needles, first, pairs) in enumerate(_RULES_NEEDLES)
        if active >> prio & 1
        and (first is None or not ascii_ch or ch in first)
        and (pairs is None or not pair or head in pairs)
    )


@lru_cache(maxsize=16)
def _find_time_exprs(text: str, published: date | None) -> tuple[TimeExpr, ...]:
    """Cached on the text: the three extractors ask about the same article."""
    low = text.lower()
    active = 0  # bit ``prio`` set: the text has one of that rule's needles
    for needle, rules in _NEEDLE_RULES.items():
        if needle in low:
            active |= rules
    # Rules per first two characters of a start: only rules that can begin with them are tried
    # (1.0M -> 0.2M rx.match calls per 500 bench articles with the first character, 1.07 -> 0.65 ms
    # per article; the second character: 500 -> 160 calls per article)
    by_head: dict[str, tuple[_Rule, ...]] = {}
    cands: list[tuple[int, int, int, re.Match[str], _Handler]] = []
    for start in _starts(text):
        head = text[start : start + 2]
        tried = by_head.get(head)
        if tried is None:
            tried = by_head[head] = _rules_for(head, active)
        for prio, rx, handler in tried:
            m = rx.match(text, start)
            if m is not None:
                cands.append((m.start(), m.end(), prio, m, handler))
    cands.sort(key=lambda c: (c[0], c[0] - c[1], c[2]))
    out: list[TimeExpr] = []
    last_end = -1
    for start, end, _prio, m, handler in cands:
        if start >= last_end:
            # resolved only once kept: the handlers are pure, and most candidates lose to a longer one
            try:
                first, last = handler(m, published)
            except (ValueError, OverflowError):  # "the past 90000 years" runs off the calendar
                first, last = None, None
            if first is not None and last is not None and first > last:
                first, last = None, None
            out.append(TimeExpr(start, end, first, last))
            last_end = end
    return tuple(out)


def resolve_time_expr(s: str, published: date) -> tuple[date, date] | None:
    """(first, last) of the first resolvable time expression in ``s``, else None."""
    for t in find_time_exprs(s, published):
        if t.first is not None and t.last is not None:
            return t.first, t.last
    return None


# "in just a week", "in the space of two days", "in three weeks": a span up to publication (not "in two
# weeks of fighting", "within five days following the fall", "in three days' time", "in a week or two").
# Not among the general rules: a toll "killed in just three days" is no one event's date.
_RECENT_SPAN = re.compile(
    rf"{_B}(?:in|within)\s+(?:just\s+|only\s+|the\s+space\s+of\s+|a\s+matter\s+of\s+)?"
    rf"(?:an?\s+|{_g('pn', _NUMW)}[\s\-]+){_g('pu', _UNIT)}{_E}"
    rf"(?!\s+(?:of|after|before|since|from|following|or|to)\b|['\u2019]\s*time|\s+later)",
    re.IGNORECASE,
)


def find_recent_spans(text: str, published: date | None) -> list[TimeExpr]:
    """Counts over a span ending at publication ("fled in just a week", "50,000 arrivals in two days")."""
    if published is None:
        return []
    out: list[TimeExpr] = []
    for m in _RECENT_SPAN.finditer(text):
        first, last = _h_past(m, published)
        if first is not None:
            out.append(TimeExpr(m.start(), m.end(), first, last))
    return out
