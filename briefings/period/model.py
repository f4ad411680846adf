"""The period's figures as the briefing states them, and the group classes ("sides") that tolls are kept by."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..extract.countries import is_country
from ..reconcile import Report, Reported, Sighting

SIDES = (  # group classes whose running tolls articles keep apart; first match wins
    ("displaced people", r"evacuee|refugee|displaced|idp"),
    ("militants", r"militant|terrorist|gunm[ae]n|rebel|insurgent|fighter|extremist|jihadist|enemy|enemies|combatant|"
                  r"maute|isis|daesh|bandit|separatist|militiam[ae]n|jihadi"),
    ("government forces", r"soldier|troop|force|police|policem[ae]n|marine|army|military|personnel|officer|"
                          r"government side|trooper|servicem[ae]n|guard"),
    ("civilians", r"civilian"),
    ("children", r"child|kid|minor|boy|girl|infant|bab(?:y|ies)"),
    ("women", r"wom[ae]n"),
)
TOLL_SIDES = {"displaced people", "militants", "government forces", "civilians"}  # "19 civilians, 13 soldiers…"


@dataclass(frozen=True)
class Incident:
    """One event's casualties or displacement, however many outlets reported it."""

    figure: Reported  # as_of is the incident's date
    parts: tuple[tuple[int, str | None], ...] = ()  # (value, group) breakdowns: never added
    claim: bool = False  # a party's count of enemy losses: listed, not added
    in_period: bool = True  # dated inside the period (earlier events reported late are listed, not added)


@dataclass(frozen=True)
class Series:
    """Successive reports of one running total: category, group and start."""

    category: str
    group: str | None  # "militants", "civilians", …; None for the overall total
    since: str | None
    since_text: str | None
    points: tuple[Reported, ...]  # one per as-of date, oldest first
    latest: Reported
    context: bool = False  # counts from long before the period: background, not the period's figure


@dataclass(frozen=True)
class Tally:
    """A count over a span of days ("39 died over the past three weeks")."""

    figure: Reported
    span_from: str | None
    span_to: str | None
    span_text: str | None
    covers_period: bool = False  # spans the whole period (or a month it covers): stands beside the incident sum


@dataclass(frozen=True)
class IncidentSum:
    """The distinct incidents of one category dated inside the period, added up."""

    category: str
    low: int
    high: int
    qualifier: str
    incidents: int
    citations: tuple[int, ...]
    first: str | None
    last: str | None
    disputed: bool


@dataclass(frozen=True)
class PeriodFigures:
    """Everything the period's figures say, before any of it is rendered."""

    totals: tuple[Series, ...] = ()
    context: tuple[Series, ...] = ()
    incidents: tuple[Incident, ...] = ()
    tallies: tuple[Tally, ...] = ()
    sums: tuple[IncidentSum, ...] = ()

    def sum_of(self, category: str) -> IncidentSum | None:
        return next((s for s in self.sums if s.category == category), None)


GENERIC = re.compile(r"^(?:the\s+)?(?:people|persons|individuals|residents|victims|others|deaths|bodies|fatalities)\b", re.I)


@lru_cache(maxsize=4096)
def side(category: str, group: str | None) -> str | None:
    """The group class a count belongs to; None for people in general ("people, mostly militants" too)."""
    text = (group or "").lower()
    if GENERIC.match(text):
        return None
    for name, pattern in SIDES:
        if category in ("displaced", "refugees") and name in ("displaced people", "militants", "government forces"):
            continue  # displaced soldiers are not a thing the articles count apart
        if re.search(rf"\b(?:{pattern})", text):
            return name
    return None



def to_reported(cluster: list[Sighting], kind: str, when: str | None) -> Reported:
    reports = {}
    for s in cluster:  # one report per (citation, value): an article repeating its number counts once
        f = s.figure
        reports.setdefault((s.citation, f.value), Report(f.value, f.high, f.qualifier, s.citation, f.attributed_to))
    groups = [s.figure.group for s in cluster if s.figure.group]
    places = [s.figure.location for s in cluster if s.figure.location]
    places = [p for p in places if is_country(p)] or places  # a total merged across places is the country's
    return Reported(
        category=cluster[0].figure.category, kind=kind,
        reports=tuple(sorted(reports.values(), key=lambda r: (r.value, r.citation))),
        group=groups[0] if groups else None, location=places[0] if places else None,
        as_of=when, sentence=cluster[0].figure.sentence,
    )
