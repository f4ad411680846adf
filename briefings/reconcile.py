"""Reconcile figures across sources: one figure per fact, ranges where sources disagree, stocks kept apart from flows."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .extract.countries import is_country
from .models import Figure

CATEGORIES = ("killed", "injured", "displaced", "refugees")
STOCK_WINDOW_DAYS = 3  # stock reports this close to the latest one describe the same moment
TINY = 10  # no percentage change is reported from a base smaller than this
GROUP_SYNONYMS = {"troops": "soldiers", "troop": "soldiers", "soldier": "soldiers", "civilian": "civilians",
                  "child": "children", "kids": "children", "persons": "people", "person": "people"}


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


GENERIC_GROUPS = frozenset({"people", "individuals", "others", "residents", "persons"})


def normal_group(group: str | None) -> str | None:
    """A comparable group name; a generic one ("people") names no group, so it can meet civilians or soldiers."""
    if not group:
        return None
    words = [GROUP_SYNONYMS.get(w, w) for w in group.lower().replace("the ", " ").split()]
    joined = " ".join(words)
    return None if not joined or joined in GENERIC_GROUPS else joined


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


def reconcile(sightings: list[Sighting], kind: str) -> list[Reported]:
    """Cluster sightings of one kind into figures; same fact from several articles = one figure."""
    clusters: list[list[Sighting]] = []
    chosen = sorted((s for s in sightings if usable(s.figure) and s.figure.kind == kind),
                    key=lambda s: (s.figure.category, as_of(s) or "", s.citation, s.figure.start))
    for sighting in chosen:
        for cluster in clusters:
            if same_fact(cluster, sighting, kind):
                cluster.append(sighting)
                break
        else:
            clusters.append([sighting])
    return sorted((to_reported(c, kind) for c in clusters), key=lambda r: (r.as_of or "", r.category, -r.high, r.citations))


def same_fact(cluster: list[Sighting], new: Sighting, kind: str) -> bool:
    """Whether `new` reports the same incident (flow) or the same running total (stock) as the cluster."""
    first, figure = cluster[0].figure, new.figure
    if first.category != figure.category or not places_compatible(first.location, figure.location, kind):
        return False
    if not compatible(normal_group(first.group), normal_group(figure.group)):
        return False
    for member in cluster:  # one article giving two numbers is reporting two things
        if member.citation == new.citation and member.figure.value != figure.value:
            return False
    if kind == "flow":
        a, b = as_of(cluster[0]), as_of(new)
        if a and b and len(a) != len(b) and first.value != figure.value:
            return False  # a month's count and one day's incident are different facts unless the number is the same
        if dates_compatible(a, b):
            return True
        # a count without its own date carries the article's; next-day reports of one incident still meet
        undated = first.event_date is None or figure.event_date is None
        a, b = day(as_of(cluster[0])), day(as_of(new))
        return undated and a is not None and b is not None and abs((a - b).days) <= 1
    a, b = day(as_of(cluster[0])), day(as_of(new))
    return a is None or b is None or abs((a - b).days) <= STOCK_WINDOW_DAYS


def to_reported(cluster: list[Sighting], kind: str) -> Reported:
    reports = {}
    for s in cluster:  # one report per (citation, value): an article repeating its number counts once
        f = s.figure
        reports.setdefault((s.citation, f.value), Report(f.value, f.high, f.qualifier, s.citation, f.attributed_to))
    first = cluster[0].figure
    dates = sorted(filter(None, (as_of(s) for s in cluster)))
    groups = [s.figure.group for s in cluster if s.figure.group]
    places = [s.figure.location for s in cluster if s.figure.location]
    places = [p for p in places if is_country(p)] or places  # a total merged across places is the country's
    return Reported(
        category=first.category, kind=kind,
        reports=tuple(sorted(reports.values(), key=lambda r: (r.value, r.citation))),
        group=groups[0] if groups else None, location=places[0] if places else None,
        as_of=dates[-1] if dates else None, sentence=first.sentence,
    )


def latest_stocks(stocks: list[Reported]) -> dict[str, Reported]:
    """Per category, the most recent running total (the larger one when two share a date)."""
    latest: dict[str, Reported] = {}
    for stock in stocks:
        current = latest.get(stock.category)
        if current is None or (stock.as_of or "", stock.high) > (current.as_of or "", current.high):
            latest[stock.category] = stock
    return latest


@dataclass(frozen=True)
class FlowTotal:
    """Sum of distinct incident counts of one category in a period."""

    category: str
    low: int
    high: int
    qualifier: str
    incidents: int
    citations: tuple[int, ...]
    first: str | None = None  # date of the earliest incident added up
    last: str | None = None
    disputed: bool = False  # sources disagree on at least one incident
    included: int = 0  # dated incidents not added because a monthly toll counted includes them


def flow_totals(flows: list[Reported]) -> dict[str, FlowTotal]:
    """Add up distinct incidents per category; disagreeing sources make the total a range."""
    totals: dict[str, FlowTotal] = {}
    for category in CATEGORIES:
        chosen = [f for f in flows if f.category == category]
        if not chosen:
            continue
        low, high, counted, included = distinct_sum(chosen)
        loose = sum_qualifier({f.qualifier for f in counted})
        dates = sorted(f.as_of for f in counted if f.as_of)
        totals[category] = FlowTotal(
            category=category, low=low, high=high, qualifier=loose,
            incidents=len(counted), citations=tuple(sorted({c for f in counted for c in f.citations})),
            first=dates[0] if dates else None, last=dates[-1] if dates else None,
            disputed=not all(f.agreed for f in counted), included=included,
        )
    return totals


def sum_qualifier(qualifiers: set[str]) -> str:
    """The qualifier of a sum: more than 150 plus 7 is more than 157; up to 10 plus 5 is up to 15."""
    if qualifiers <= {"exact"}:
        return "exact"
    if qualifiers <= {"exact", "more_than", "at_least"}:
        return "more_than" if "more_than" in qualifiers else "at_least"
    if qualifiers <= {"exact", "up_to"}:
        return "up_to"
    return "about"  # bounds pointing different ways, or estimates: the sum is only approximate


def distinct_sum(flows: list[Reported]) -> tuple[int, int, list[Reported], int]:
    """(low, high, figures added up, dated incidents a monthly toll includes) of one category's incidents.

    A count for a whole month ("150 killed this month") already includes that month's dated incidents
    of the same place and group, so the two are not added: the month stands for max(month, its days)."""
    months = [f for f in flows if f.as_of and len(f.as_of) == 7]
    days = [f for f in flows if f not in months]
    covered: set[int] = set()
    low = high = 0
    counted: list[Reported] = []
    included = 0
    for month in months:
        inside = [i for i, f in enumerate(days) if i not in covered and f.as_of.startswith(month.as_of)
                  and compatible(f.location, month.location) and compatible(normal_group(f.group), normal_group(month.group))]
        covered.update(inside)
        day_low, day_high = sum(days[i].low for i in inside), sum(days[i].high for i in inside)
        low, high = low + max(month.low, day_low), high + max(month.high, day_high)
        if month.low >= day_low:
            counted.append(month)
            included += len(inside)
        else:  # the dated incidents add up to more than the month's toll: they are the better count
            counted.extend(days[i] for i in inside)
    rest = [f for i, f in enumerate(days) if i not in covered]
    counted.extend(rest)
    return low + sum(f.low for f in rest), high + sum(f.high for f in rest), counted, included


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
