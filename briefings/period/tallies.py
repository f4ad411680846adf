"""Tallies: counts over a span of days, listed (and shown beside the incident sum when they cover the period),
never added to incidents."""
from __future__ import annotations

from datetime import date

from ..reconcile import Sighting
from ..store import day_span
from .model import Tally, side, to_reported

def build_tallies(sightings: list[Sighting], start: date | None, end: date | None) -> list[Tally]:
    groups: dict[tuple, list[Sighting]] = {}
    for s in sightings:
        f = s.figure
        groups.setdefault((f.category, side(f.category, f.group), f.span_from, f.span_to, f.value), []).append(s)
    out = []
    for (category, _, first, last, _), members in groups.items():
        figure = to_reported(members, "flow", last)
        out.append(Tally(figure, first, last, members[0].figure.span_text, covers(first, last, start, end)))
    return sorted(out, key=lambda t: (t.span_from or "", t.figure.category, t.figure.high))


def covers(first: str | None, last: str | None, start: date | None, end: date | None) -> bool:
    """The span holds the whole period, or is a whole month inside it."""
    if not first or not last or start is None or end is None:
        return False
    a, b = date.fromisoformat(day_span(first)[0]), date.fromisoformat(day_span(last)[1])
    whole_month = len(first) == 7 and first == last and a >= start and b <= end
    return (a <= start and b >= end) or whole_month
