"""Incidents: one event's casualties or displacement, however many outlets report it, and the sums of the period's
own incidents."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from ..reconcile import CATEGORIES, Sighting, as_of, places_compatible, sum_qualifier
from ..store import day_span
from .model import Incident, IncidentSum, side, to_reported

INCIDENT_DAYS = 1  # reports of one incident may date it a day apart


def one_event_per_sentence(incidents: list[Sighting], parts: dict) -> list[Sighting]:
    """"At least 10 children and four women were killed when the boat capsized": counts of one category, one day
    and one place in one sentence are one incident of their sum, the counts its parts."""
    groups: dict[tuple, list[Sighting]] = {}
    for s in incidents:
        f = s.figure
        groups.setdefault((s.citation, f.sentence, f.category, f.event_date, f.location), []).append(s)
    out = []
    for members in groups.values():
        if len(members) < 2:
            out.extend(members)
            continue
        first = members[0]
        total = replace(first.figure, value=sum(m.figure.value for m in members),
                        high=sum(m.figure.high or m.figure.value for m in members) if any(m.figure.high for m in members) else None,
                        qualifier=sum_qualifier({m.figure.qualifier for m in members}), group="people")
        parts.setdefault((first.citation, first.figure.start), []).extend((m.figure.value, m.figure.group) for m in members)
        out.append(replace(first, figure=total))
    return out


def build_incidents(sightings: list[Sighting], parts: dict, start: date | None, end: date | None) -> list[Incident]:
    """Cluster incident reports: same category, group, place, a compatible date and a compatible count."""
    clusters: list[list[Sighting]] = []
    index = ClusterIndex()
    for s in sorted(sightings, key=lambda s: (s.figure.category, as_of(s) or "", s.citation, s.figure.start)):
        target = next((i for i in index.candidates(s) if same_incident(clusters[i], s)), None)
        if target is None:
            target = len(clusters)
            clusters.append([])
        clusters[target].append(s)
        index.add(target, s)
    out = []
    for cluster in clusters:
        figure = to_reported(cluster, "flow", incident_date(cluster))
        found = sorted({p for s in cluster for p in parts.get((s.citation, s.figure.start), [])},
                       key=lambda p: (-p[0], p[1] or ""))
        out.append(Incident(figure, tuple(found), any(s.figure.claim for s in cluster), dated_in(figure.as_of, start, end)))
    return sorted(out, key=lambda i: (i.figure.as_of or "", CATEGORIES.index(i.figure.category), -i.figure.high))


class ClusterIndex:
    """Which clusters a report could join, so each report is compared with a few clusters, not all of them.

    same_incident needs the same category and a member whose date meets the report's (dates_meet): days at most
    INCIDENT_DAYS apart; a month-only date, only the same count in the same month; a missing date, only the same
    count. Clusters are filed by those keys; candidates come in creation order, as a scan of all would meet them."""

    def __init__(self) -> None:
        self.by_day: dict[tuple, set[int]] = {}  # (category, day number)
        self.by_month: dict[tuple, set[int]] = {}  # (category, count, month): members dated by day or month
        self.month_only: dict[tuple, set[int]] = {}  # (category, count, month): members dated only by month
        self.undated: dict[tuple, set[int]] = {}  # (category, count): members without a date
        self.by_count: dict[tuple, set[int]] = {}  # (category, count): every member

    def add(self, cluster: int, s: Sighting) -> None:
        category, value, when = s.figure.category, s.figure.value, as_of(s)
        self.by_count.setdefault((category, value), set()).add(cluster)
        if not when:
            self.undated.setdefault((category, value), set()).add(cluster)
            return
        self.by_month.setdefault((category, value, when[:7]), set()).add(cluster)
        if len(when) == 10:
            self.by_day.setdefault((category, day_number(when)), set()).add(cluster)
        else:
            self.month_only.setdefault((category, value, when[:7]), set()).add(cluster)

    def candidates(self, s: Sighting) -> list[int]:
        category, value, when = s.figure.category, s.figure.value, as_of(s)
        if not when:
            return sorted(self.by_count.get((category, value), ()))
        found = set(self.undated.get((category, value), ()))
        if len(when) == 10:
            found |= self.month_only.get((category, value, when[:7]), set())
            number = day_number(when)
            for near in range(number - INCIDENT_DAYS, number + INCIDENT_DAYS + 1):
                found |= self.by_day.get((category, near), set())
        else:
            found |= self.by_month.get((category, value, when[:7]), set())
        return sorted(found)


@lru_cache(maxsize=65536)
def day_number(value: str | None) -> int | None:
    """The ordinal of a day-precise date; None for a month-only or missing one."""
    return date.fromisoformat(value).toordinal() if value and len(value) == 10 else None


def same_incident(cluster: list[Sighting], new: Sighting) -> bool:
    """One event: same category and side, compatible counts (with every report so far), a place that agrees or
    nests, and a day within a day of a report's (a month-only date meets only the very same count)."""
    figure = new.figure
    if cluster[0].figure.category != figure.category:  # a cluster's reports share one category
        return False
    if not all(counts_compatible(m.figure.value, figure.value) for m in cluster):
        return False  # (first: the cheapest test that turns most candidates away)
    if any(m.citation == new.citation and m.figure.start != figure.start for m in cluster):
        return False  # one article giving two counts (or one count twice, for two days) reports two things
    a = side(figure.category, figure.group)
    if any(side(m.figure.category, m.figure.group) not in (None, a) for m in cluster if a):
        return False
    if not all(m.figure.value == figure.value or places_compatible(m.figure.location, figure.location, "flow")
               or nested_places(m.figure.location, figure.location) for m in cluster):
        return False  # the same count the same day is one event however outlets name the place
    return any(dates_meet(as_of(m), as_of(new), m.figure.value == figure.value, same_people(m.figure.group, figure.group))
               for m in cluster)


def dates_meet(x: str | None, y: str | None, same_count: bool, same_people: bool = True) -> bool:
    """Days at most INCIDENT_DAYS apart; a month-only date meets a day of its month only for the very same count
    of the same people (a month says too little to join "3 workers" and "3 children")."""
    if not x or not y:
        return same_count
    if len(x) == 7 or len(y) == 7:
        return same_count and same_people and x[:7] == y[:7]
    return abs(day_number(x) - day_number(y)) <= INCIDENT_DAYS


@lru_cache(maxsize=65536)
def same_people(a: str | None, b: str | None) -> bool:
    """Two groups that could be the same people: one unstated or generic, or sharing a word."""
    generic = {"people", "person", "the", "other", "individual", "resident", "victim"}
    words = lambda g: {w.rstrip("s") for w in re.findall(r"[a-z]+", (g or "").lower())} - generic
    x, y = words(a), words(b)
    return not x or not y or any(p in q or q in p for p in x for q in y)  # "children" and "schoolchildren"


def nested_places(a: str | None, b: str | None) -> bool:
    """"Marawi" and "Marawi City": one name inside the other."""
    if not a or not b:
        return True
    a, b = a.lower(), b.lower()
    return a in b or b in a


def counts_compatible(a: int, b: int) -> bool:
    """Two outlets' counts of one event: equal, or close (early and later counts of the same event)."""
    low, high = sorted((a, b))
    return high <= 1.5 * low and (high - low <= 2 or low >= 5)


def incident_date(cluster: list[Sighting]) -> str | None:
    """The date most reports give (day-precise first), earliest on ties."""
    dates = [as_of(s) for s in cluster if as_of(s)]
    if not dates:
        return None
    days = [d for d in dates if len(d) == 10] or dates
    return min(days, key=lambda d: (-days.count(d), d))


def dated_in(value: str | None, start: date | None, end: date | None) -> bool:
    if value is None or start is None or end is None:
        return True
    first, last = (date.fromisoformat(d) for d in day_span(value))
    return first >= start and last <= end if len(value) == 10 else last >= start and first <= end


def incident_sums(incidents: tuple[Incident, ...]) -> list[IncidentSum]:
    """Per category, the sum of distinct incidents dated in the period: no claims, parts, tallies or totals."""
    out = []
    for category in CATEGORIES:
        chosen = [i.figure for i in incidents if i.figure.category == category and i.in_period and not i.claim]
        if not chosen:
            continue
        dates = sorted(f.as_of for f in chosen if f.as_of)
        out.append(IncidentSum(
            category, sum(f.low for f in chosen), sum(f.high for f in chosen), sum_qualifier({f.qualifier for f in chosen}),
            len(chosen), tuple(sorted({c for f in chosen for c in f.citations})),
            dates[0] if dates else None, dates[-1] if dates else None, not all(f.agreed for f in chosen)))
    return out
