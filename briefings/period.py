"""What a period's figures say: distinct incidents, running-total series with their latest value, tallies over
spans, and incident sums that cannot count anyone twice.

Each article's figures come tagged by extraction as incident, total, tally or part. Here the reports of many
articles are reconciled: one incident reported by several outlets is one incident citing all of them; successive
updates of one running total form a series per category, group and start; parts stay with what they break down.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate

from .extract.countries import is_country
from .models import Figure
from .reconcile import CATEGORIES, Report, Reported, Sighting, as_of, day, places_compatible, sum_qualifier, usable
from .store import day_span

CONTEXT_DAYS = 366  # a total counting from over a year before the period is background ("since 2011")
INCIDENT_DAYS = 1  # reports of one incident may date it a day apart
SHORT_DAYS = 3  # a count "since Sunday night" beside a far larger running total is a tally of those days
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
FIT = 0.5  # an untied count of a side within this factor of its running toll reads as that toll


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


def period_figures(sightings: list[Sighting], start: date | None, end: date | None) -> PeriodFigures:
    """Reconcile a period's figure sightings into incidents, total series, tallies and sums."""
    sightings = [s for s in sightings if usable(s.figure)]
    by_article: dict[int, dict[int, Figure]] = {}
    for s in sightings:
        if s.figure.measure != "part":  # a list's implied whole starts where its first part does
            by_article.setdefault(s.citation, {})[s.figure.start] = s.figure
    totals, incidents, tallies, parts = [], [], [], {}
    for s in sightings:
        f = s.figure
        whole = by_article[s.citation].get(f.part_of) if f.measure == "part" else None
        if f.measure == "part":
            if whole is not None and whole.measure == "total" and side(f.category, f.group) in TOLL_SIDES \
                    and side(f.category, f.group) != side(whole.category, whole.group):
                totals.append(replace(s, figure=replace(f, measure="total", since=whole.since, since_text=whole.since_text,
                                                        event_date=f.event_date or whole.event_date)))
            elif whole is not None:
                parts.setdefault((s.citation, whole.start), []).append((f.value, f.group))
            continue
        {"total": totals, "tally": tallies}.get(f.measure, incidents).append(s)
    incidents = one_event_per_sentence(incidents, parts)
    incidents, moved = toll_updates(incidents, totals)
    series = short_starts(build_series(totals + moved, start), tallies)
    found = tuple(build_incidents(incidents, parts, start, end))
    return PeriodFigures(
        totals=tuple(x for x in series if not x.context), context=tuple(x for x in series if x.context),
        incidents=found, tallies=tuple(build_tallies(tallies, start, end)), sums=tuple(incident_sums(found)),
    )


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


# -- running totals ---------------------------------------------------------------------------------------------

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
        near.append(s) if near is not None else day_groups.append([s])  # far apart: two different counts
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
        peak = []
        for p in sorted(points, key=lambda p: order_day(p.as_of)):
            if not peak or p.high * 2 >= max(q.high for q in peak):
                peak.append(p)
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


# -- incidents --------------------------------------------------------------------------------------------------

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


# -- tallies ----------------------------------------------------------------------------------------------------

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


# -- shared -----------------------------------------------------------------------------------------------------

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


def shift_back(start: date, end: date) -> tuple[date, date]:
    """The previous period of the same length."""
    days = (end - start).days + 1
    return start - timedelta(days=days), end - timedelta(days=days)
