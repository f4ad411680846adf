"""Running totals: successive reports of one toll form a series per category, group and start; its latest value is
what the key-figures box gives."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from datetime import date
from itertools import accumulate

from ..models import Figure
from ..reconcile import CATEGORIES, Reported, Sighting, as_of, day
from .model import TOLL_SIDES, Series, side, to_reported

CONTEXT_DAYS = 366  # a total counting from over a year before the period is background ("since 2011")
SHORT_DAYS = 3  # a count "since Sunday night" beside a far larger running total is a tally of those days
FIT = 0.5  # an untied count of a side within this factor of its running toll reads as that toll


def toll_updates(incidents: list[Sighting], totals: list[Sighting]) -> tuple[list[Sighting], list[Sighting]]:
    """Split off counts that update a side's running toll: "89 militants killed in Marawi" tied to no event or
    day, while other reports keep a running toll of militants of that size, is that toll, not a new incident."""
    tolls: dict[tuple, list[int]] = {}
    for s in totals:
        key = series_key(s)
        if key[1] in TOLL_SIDES:
            tolls.setdefault(key, []).append(s.figure.value)
    bounds = {key: (min(values), max(values)) for key, values in tolls.items()}  # once, not per incident
    kept, moved = [], []
    for s in incidents:
        values = bounds.get(series_key(s))
        f = s.figure
        if values and f.anchor is None and FIT * values[0] <= f.value <= values[1] / FIT:
            moved.append(replace(s, figure=replace(f, measure="total")))
        else:
            kept.append(s)
    return kept, moved


def series_key(s: Sighting) -> tuple:
    return s.figure.category, side(s.figure.category, s.figure.group)


def build_series(sightings: list[Sighting], start: date | None) -> list[Series]:
    """One series per category, group and start; points by as-of date; the latest value of each. A total that
    states no start belongs to its group's one stated start (or to the group's start-less series when the
    articles give several); starts a few days apart, or a day inside a month-only start, are one start."""
    starts: dict[tuple, list[str]] = {}
    for s in sightings:
        if s.figure.since and not is_background(s.figure.since, start):
            known = starts.setdefault(series_key(s), [])
            if not any(same_start(s.figure.since, k) for k in known):
                known.append(s.figure.since)
    peaks = started_peaks(sightings, start)
    groups: dict[tuple, list[Sighting]] = {}
    for s in sightings:
        known = starts.get(series_key(s), [])
        if is_background(s.figure.since, start):
            key = series_key(s) + ("background",)
        elif s.figure.since:
            key = series_key(s) + (next(k for k in known if same_start(s.figure.since, k)),)
        else:
            key = series_key(s) + (known[0] if len(known) == 1 and fits_start(s, peaks) else None,)
        groups.setdefault(key, []).append(s)
    out = []
    for (category, group, begun), members in groups.items():
        background = begun == "background"
        points = points_of(members, category)
        since = min((m.figure.since for m in members if m.figure.since), default=None)
        since_text = next((m.figure.since_text for m in members if m.figure.since == since and since), None)
        out.append(Series(category, group, since, since_text, tuple(points), latest_point(points, category, group),
                          context=background))
    return sorted(out, key=lambda x: (CATEGORIES.index(x.category), x.group is not None, x.group or "", x.context))


def short_starts(series: list[Series], tallies: list[Sighting]) -> list[Series]:
    """"10,000 have entered since Sunday night" beside a total of 500,000 since August: a count from a start at
    most SHORT_DAYS before its report, while a far larger total of the same people runs, is a tally of those days."""
    kept = []
    for s in series:
        last = s.latest
        recent = (s.since and len(s.since) == 10 and last.as_of and len(last.as_of) == 10
                  and 0 <= (date.fromisoformat(last.as_of) - date.fromisoformat(s.since)).days <= SHORT_DAYS)
        larger = any(o is not s and o.category == s.category and o.latest.high > 2 * last.high for o in series)
        if recent and larger and not s.context:
            for p in s.points:
                tallies.append(Sighting(replace(_first_figure(p, s), measure="tally", span_from=s.since, span_to=p.as_of,
                                                span_text=s.since_text), p.citations[0], p.as_of))
            continue
        kept.append(s)
    return kept


def _first_figure(point: Reported, series: Series) -> Figure:
    r = point.reports[0]
    return Figure(category=series.category, value=r.value, high=r.high, qualifier=r.qualifier, group=point.group,
                  location=point.location, event_date=point.as_of, sentence=point.sentence, start=0, end=0,
                  attributed_to=r.attributed_to)


def started_peaks(sightings: list[Sighting], start: date | None) -> dict[tuple, tuple[list[date], list[int]]]:
    """Per series key, the as-of days of totals with a stated start (oldest first) and the highest of them so far."""
    rows: dict[tuple, list[tuple[date, int]]] = {}
    for o in sightings:
        if o.figure.since and not is_background(o.figure.since, start):
            rows.setdefault(series_key(o), []).append((order_day(as_of(o)), o.figure.value))
    peaks = {}
    for key, pairs in rows.items():
        pairs.sort()
        highest = list(accumulate((v for _, v in pairs), max))
        peaks[key] = ([d for d, _ in pairs], highest)
    return peaks


def fits_start(s: Sighting, peaks: dict[tuple, tuple[list[date], list[int]]]) -> bool:
    """A total that states no start belongs to the stated one unless it is under half of a toll that start already
    gave before it (tolls never fall): "41 killed in the latest offensive" after "800 killed since September"."""
    if s.figure.category not in ("killed", "injured"):
        return True
    days, highest = peaks.get(series_key(s), ([], []))
    earlier = bisect_right(days, order_day(as_of(s)))  # totals as of that day or before
    return not earlier or s.figure.value * 2 >= highest[earlier - 1]


def same_start(a: str, b: str) -> bool:
    """Two stated starts of one count: a few days apart, or a day inside the other's month or year."""
    if a[:len(b)] == b or b[:len(a)] == a:
        return True
    if len(a) == len(b) == 10:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 3
    return False


def is_background(since: str | None, start: date | None) -> bool:
    """A whole-conflict total ("since 2011") is context for a period starting more than a year later."""
    if not since or start is None:
        return False
    first = date(int(since[:4]), int(since[5:7]) if len(since) >= 7 else 1, 1)
    return (start - first).days > CONTEXT_DAYS


def points_of(members: list[Sighting], category: str) -> list[Reported]:
    """Reports of a series grouped by as-of date (the same day from two sources is one point, a range if they
    differ), oldest first."""
    by_day: dict[str, list[list[Sighting]]] = {}
    for s in sorted(members, key=lambda s: s.figure.value):
        day_groups = by_day.setdefault(as_of(s) or "", [])
        near = next((g for g in day_groups if s.figure.value <= 1.2 * g[-1].figure.value), None)
        if near is None:
            day_groups.append([s])  # far from every count of that day: a different count
        else:
            near.append(s)
    points = [to_reported(group, "stock", when or None) for when, groups in by_day.items() for group in groups]
    return sorted(points, key=lambda p: (order_day(p.as_of), p.high))


def order_day(value: str | None) -> date:
    """Sort key of an as-of date: a month-only date stands mid-month, between its dated reports."""
    if not value:
        return date.min
    d = day(value)
    return d.replace(day=15) if len(value) == 7 else d


def latest_point(points: list[Reported], category: str, group: str | None = None) -> Reported:
    """The latest report, unless it is a stale repeat (a lower value an earlier report already gave). Tolls never
    fall, so a higher report dated only by the same or a later month is read as the later one; and an overall toll
    reported at less than half of an earlier one is some other count (a day's dead), not this toll."""
    if category in ("killed", "injured") and group is None and len(points) > 1:
        peak, top = [], 0
        for p in sorted(points, key=lambda p: order_day(p.as_of)):
            if p.high * 2 >= top:
                peak.append(p)
                top = max(top, p.high)
        points = peak
    dated = [p for p in points if len(p.as_of or "") == 10] or points
    last = max(order_day(p.as_of) for p in dated)
    latest = max((p for p in dated if order_day(p.as_of) == last), key=lambda p: p.high)
    if category in ("killed", "injured"):
        month = (latest.as_of or "")[:7]
        later = [p for p in points if len(p.as_of or "") == 7 and p.as_of >= month and p.high > latest.high]
        if later:
            latest = max(later, key=lambda p: p.high)
    higher = [p for p in points if p.high > latest.high]
    repeated = any(p.as_of != latest.as_of and latest.high in (r.value for r in p.reports) for p in points)
    return max(higher, key=lambda p: (p.high, order_day(p.as_of))) if higher and repeated else latest
