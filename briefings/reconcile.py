"""Shared pieces of reconciliation: one figure as several sources report it, dates, places, qualifiers and trends.

The period's reconciliation itself (incidents, running-total series, tallies, sums) is in briefings/period/."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .extract.countries import is_country
from .models import Figure

CATEGORIES = ("killed", "injured", "displaced", "refugees")
TINY = 10  # no percentage change is reported from a base smaller than this


@dataclass(frozen=True)
class Report:
    """One source's number for a reconciled figure."""

    value: int
    high: int | None
    qualifier: str
    citation: int
    attributed_to: str | None = None


@dataclass(frozen=True)
class Reported:
    """A figure as the briefing states it: one fact, every source that reported it."""

    category: str
    kind: str  # stock (running total, as of a date) | flow (an incident on a date)
    reports: tuple[Report, ...]  # sorted by value, then citation
    group: str | None
    location: str | None
    as_of: str | None  # stocks: the date the total refers to; flows: the incident date
    sentence: str  # the sentence of the first report, for context

    @property
    def low(self) -> int:
        return min(r.value for r in self.reports)

    @property
    def high(self) -> int:
        return max(r.high or r.value for r in self.reports)

    @property
    def agreed(self) -> bool:
        """Every source gives the same number."""
        return len({(r.value, r.high) for r in self.reports}) == 1

    @property
    def attribution(self) -> str | None:
        """Who the figure is attributed to ("the UN"), when every report names the same body."""
        names = {r.attributed_to for r in self.reports}
        return names.pop() if len(names) == 1 else None

    @property
    def citations(self) -> tuple[int, ...]:
        return tuple(sorted({r.citation for r in self.reports}))

    @property
    def qualifier(self) -> str:
        """The qualifier all sources share, else the loosest one."""
        qualifiers = {r.qualifier for r in self.reports}
        if len(qualifiers) == 1:
            return qualifiers.pop()
        for loose in ("more_than", "at_least", "about", "up_to"):
            if loose in qualifiers:
                return loose
        return "exact"


@dataclass(frozen=True)
class Sighting:
    """A figure together with the citation number and date of the article it came from."""

    figure: Figure
    citation: int
    article_date: str | None


def day(value: str | None) -> date | None:
    """First day of a YYYY-MM-DD or YYYY-MM date."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)


def long_day(value) -> str:
    """'2 Jan 2020', or 'Jan 2020' for a month-precise date; 'date unknown' for None."""
    if value is None:
        return "date unknown"
    if isinstance(value, date):  # a datetime is a date too
        return f"{value.day} {value.strftime('%b %Y')}"
    d = day(value)
    return d.strftime("%b %Y") if len(value) == 7 else f"{d.day} {d.strftime('%b %Y')}"


def since_text(value: str | None) -> str:
    """'since 23 May 2017', 'since 2011'; '' when the start is not stated."""
    if not value:
        return ""
    return f"since {value}" if len(value) == 4 else f"since {long_day(value)}"


def compatible(a: str | None, b: str | None) -> bool:
    """Two optional attributes agree unless both are known and differ."""
    return a is None or b is None or a.lower() == b.lower()


def places_compatible(a: str | None, b: str | None, kind: str) -> bool:
    """Same or unknown place; a running total for a whole country also meets a total placed in one of its towns,
    since a country-wide total is what both report (a town cannot hold the country's displaced)."""
    if compatible(a, b):
        return True
    return kind == "stock" and (is_country(a) or is_country(b))


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Same day, or a month-precise date containing the other."""
    if a is None or b is None:
        return True
    return a == b or (len(a) == 7 and b.startswith(a)) or (len(b) == 7 and a.startswith(b))


def usable(figure: Figure) -> bool:
    return figure.value is not None and not figure.flagged and figure.category in CATEGORIES


def as_of(sighting: Sighting) -> str | None:
    return sighting.figure.event_date or sighting.article_date


def sum_qualifier(qualifiers: set[str]) -> str:
    """The qualifier of a sum: more than 150 plus 7 is more than 157; up to 10 plus 5 is up to 15."""
    if qualifiers <= {"exact"}:
        return "exact"
    if qualifiers <= {"exact", "more_than", "at_least"}:
        return "more_than" if "more_than" in qualifiers else "at_least"
    if qualifiers <= {"exact", "up_to"}:
        return "up_to"
    return "about"  # bounds pointing different ways, or estimates: the sum is only approximate


def change(current: int, previous: int | None, days: int) -> str | None:
    """'up 35% on the previous week (large change)'; None on tiny counts or without a previous figure."""
    if previous is None or previous < TINY or current < TINY:
        return None
    percent = round((current - previous) * 100 / previous)
    span = {1: "day", 7: "week"}.get(days, f"{days} days")
    if percent == 0:
        return f"unchanged on the previous {span}"
    size = " (large change)" if abs(percent) > 25 else " (moderate change)" if abs(percent) >= 10 else ""
    return f"{'up' if percent > 0 else 'down'} {abs(percent)}% on the previous {span}{size}"
