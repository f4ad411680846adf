"""Turn articles and their extractions for a period into one Briefing: deduped developments, reconciled figures."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .models import Article, Extraction
from .period import PeriodFigures, Series, period_figures
from .store import day_span
from .reconcile import CATEGORIES, Reported, Sighting, change, dates_compatible, long_day

MAX_HIGHLIGHTS = 5
MIN_HIGHLIGHTS = 3
MAX_ENTRIES = 40  # developments beyond this are left to the sources, so long periods stay readable
MAX_QUOTES = 6
MAX_PER_GROUP = 4  # developments per place or theme in the situation overview
DEDUPE_DAYS = 2  # reports of one event dated this far apart can still be the same event
MIN_OVERLAP = 0.35  # the least share of content words two tellings of one event have in common
LEAD_DAYS = 7  # events this shortly before the period, reported by its articles, still belong to it
STOPWORDS = frozenset(
    "the a an of in on at to and or for from by with was were is are be been has have had that this which who "
    "as it its their his her they he she after before into than also more least about over said says".split())
THEMES = (  # word stems that put a place-less development under a theme
    ("Fighting and casualties", ("kill", "attack", "strik", "shell", "bomb", "fire", "clash", "dead", "death",
                                 "wound", "injur", "soldier", "offensive", "raid", "assault", "captur")),
    ("Displacement and humanitarian situation", ("displac", "flee", "fled", "refugee", "camp", "aid", "shelter",
                                                 "evacu", "humanitarian")),
    ("Diplomacy and statements", ("ceasefire", "agree", "talks", "meeting", "deal", "urge", "call", "warn",
                                  "minister", "president", "spokes", "said", "statement")),
)
OTHER_THEME = "Other developments"


@dataclass(frozen=True)
class Source:
    """One article in the numbered source list."""

    number: int
    article_id: str
    title: str
    source: str
    date: str | None
    url: str | None
    path: str | None = None  # the file it was read from, when it came from one


@dataclass(frozen=True)
class Entry:
    """A development as the briefing states it, citing every source that reported it."""

    text: str
    event_date: str | None
    location: str | None
    score: float
    citations: tuple[int, ...]


@dataclass(frozen=True)
class KeyFigure:
    """One line of the key-figures box: the latest of a running total, a sum of incidents, or a tally."""

    category: str
    kind: str  # total | incidents | tally
    low: int
    high: int
    qualifier: str
    as_of: str | None  # total: its as-of date; incidents: date of the latest incident added; tally: span end
    citations: tuple[int, ...]
    group: str | None = None  # totals kept per group: "militants", "civilians"; None for the overall total
    since: str | None = None  # the start a total counts from
    incidents: int = 0  # incidents: how many distinct incidents were added up
    change: str | None = None  # "up 35% on the previous 7 days (large change)", "up from 290,552 on 9 Jun 2017"
    figure: Reported | None = None  # totals and tallies: the reconciled figure with its per-source reports
    first: str | None = None  # incidents: date of the earliest incident added up
    disputed: bool = False  # incidents: sources disagree on at least one incident, so the sum is a range
    span_from: str | None = None  # tally: its span
    span_text: str | None = None


@dataclass(frozen=True)
class QuoteEntry:
    """A quotation with its speaker and citation."""

    text: str
    speaker: str | None
    role: str | None
    citation: int
    date: str | None


@dataclass(frozen=True)
class Briefing:
    """Everything a briefing says, before it is rendered."""

    title: str
    start: date | None
    end: date | None
    now: datetime
    issue: int | None = None
    sources: tuple[Source, ...] = ()
    highlights: tuple[Entry, ...] = ()
    overview: tuple[tuple[str, tuple[Entry, ...]], ...] = ()
    chronology: tuple[Entry, ...] = ()
    key_figures: tuple[KeyFigure, ...] = ()
    figures: PeriodFigures = PeriodFigures()
    quotes: tuple[QuoteEntry, ...] = ()
    undated: tuple[Source, ...] = ()
    non_english: int = 0
    languages: tuple[tuple[str, int], ...] = ()  # the non-English articles left out: (language code, count)
    outside: int = 0  # articles in the store outside the period
    off_topic: int = 0  # articles in the period left out by the topic filter
    store_first: date | None = None
    store_last: date | None = None

    @property
    def empty(self) -> bool:
        return not self.sources


@dataclass(frozen=True)
class Gathered:
    """The inputs aggregate() needs, read from the store by the pipeline."""

    articles: list[Article]
    extractions: dict[str, Extraction]
    previous: list[Article] = field(default_factory=list)  # the previous period of the same length
    previous_extractions: dict[str, Extraction] = field(default_factory=dict)
    undated: list[Article] = field(default_factory=list)
    total: int = 0  # articles in the store
    store_first: date | None = None
    store_last: date | None = None


def aggregate(gathered: Gathered, *, title: str, start: date | None, end: date | None, now: datetime,
              issue: int | None = None, keywords=(), places=()) -> Briefing:
    """Build the Briefing for [start, end] from gathered articles and extractions."""
    chosen = [a for a in on_topic(gathered.articles, keywords, places)]
    english = [a for a in chosen if a.lang == "en"]
    sources = number_sources(english)
    cite = {s.article_id: s.number for s in sources}
    extractions = {a.id: gathered.extractions[a.id] for a in english if a.id in gathered.extractions}
    entries = dedupe(developments(english, extractions, cite, start, end))
    found = figures(english, extractions, cite, start, end)
    previous = [a for a in on_topic(gathered.previous, keywords, places) if a.lang == "en"]
    prev_cite = {a.id: i for i, a in enumerate(previous, 1)}
    days = (end - start).days + 1 if start and end else 0
    before = figures(previous, gathered.previous_extractions, prev_cite, *shift(start, end, days)) if previous else None
    chronology = tuple(sorted(entries[:MAX_ENTRIES], key=lambda e: (e.event_date or "", -e.score, e.citations)))
    return Briefing(
        title=title, start=start, end=end, now=now, issue=issue, sources=tuple(sources),
        highlights=highlights(entries), overview=overview(chronology), chronology=chronology,
        key_figures=key_figures(found, before, days), figures=found,
        quotes=quotes(english, extractions, cite),
        undated=tuple(Source(0, a.id, a.title, a.source, None, a.url) for a in gathered.undated),
        non_english=len(chosen) - len(english), languages=languages(chosen), off_topic=len(gathered.articles) - len(chosen),
        outside=max(0, gathered.total - len(gathered.articles) - len(gathered.undated)),
        store_first=gathered.store_first, store_last=gathered.store_last,
    )


def on_topic(articles: list[Article], keywords=(), places=()) -> list[Article]:
    """Articles mentioning one of the keywords (when given) and one of the places (when given)."""
    def mentions(article: Article, words) -> bool:
        text = f"{article.title}\n{article.text}".lower()
        return any(re.search(rf"\b{re.escape(w.lower())}\b", text) for w in words)

    return [a for a in articles if (not keywords or mentions(a, keywords)) and (not places or mentions(a, places))]


def languages(articles: list[Article]) -> tuple[tuple[str, int], ...]:
    """How many articles of each non-English language there are, most frequent first."""
    counts: dict[str, int] = {}
    for article in articles:
        if article.lang != "en":
            counts[article.lang or "unknown"] = counts.get(article.lang or "unknown", 0) + 1
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def number_sources(articles: list[Article]) -> list[Source]:
    ordered = sorted(articles, key=lambda a: (a.date or "", a.source, a.title, a.id))
    return [Source(n, a.id, a.title, a.source, a.date, a.url, a.path) for n, a in enumerate(ordered, 1)]


def in_period(value: str | None, start: date | None, end: date | None) -> bool:
    """A day (or one of the few days before the period), or a month overlapping the period; unknown dates count as in."""
    if value is None or (start is None and end is None):
        return True
    first, last = (date.fromisoformat(d) for d in day_span(value))
    # the lead days are for dated incidents; a month-precise event ("in January") must overlap the period itself
    lead = timedelta(days=LEAD_DAYS if len(value) == 10 else 0)
    return (start is None or last >= start - lead) and (end is None or first <= end)


def developments(articles, extractions, cite, start, end) -> list[Entry]:
    """Every development of the period, one Entry per sentence, before deduplication."""
    found = []
    for article in articles:
        extraction = extractions.get(article.id)
        for d in extraction.developments if extraction else ():
            when = d.event_date or article.date
            if in_period(when, start, end):
                found.append(Entry(d.text, when, d.location, d.score, (cite[article.id],)))
    return sorted(found, key=lambda e: (-e.score, e.event_date or "", e.citations, e.text))


def stems(text: str) -> frozenset[str]:
    """Content words cut to five letters, so 'strike' and 'strikes' meet."""
    return frozenset(w[:5] for w in re.findall(r"[a-z0-9]+", text.lower().replace(",", "")) if w not in STOPWORDS)


def similar(a: Entry, b: Entry, sa: frozenset[str], sb: frozenset[str]) -> bool:
    """The same event told twice: compatible dates and mostly the same content words."""
    if not sa or not sb or not near_dates(a.event_date, b.event_date):
        return False
    if a.location and b.location and a.location.lower() != b.location.lower():
        return False  # the same kind of event in two places is two events
    counts_a, counts_b = {w for w in sa if w.isdigit()}, {w for w in sb if w.isdigit()}
    if counts_a and counts_b and not counts_a & counts_b:
        return False  # "nearly 350 killed" and "174 killed" are two reports, not one told twice
    overlap = len(sa & sb) / min(len(sa), len(sb))
    if set(a.citations) & set(b.citations):  # one article: only a near repeat (headline and lede) is the same event
        return overlap >= 0.6
    return overlap >= 0.5 or (bool(a.location and b.location) and overlap >= MIN_OVERLAP)


def near_dates(a: str | None, b: str | None) -> bool:
    """Compatible dates, or days at most DEDUPE_DAYS apart: an undated sentence carries its article's date."""
    if dates_compatible(a, b):
        return True
    if len(a) == len(b) == 10:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= DEDUPE_DAYS
    return False


class EntryIndex:
    """Which kept entries a new one could be similar to: those whose date can be near its own (days at most
    DEDUPE_DAYS apart, a month holding the day, no date) and that share enough content words to reach the lowest
    overlap `similar` accepts. Entries are filed by their date text, words by stem; candidates come in the order
    they were kept, as a scan of every kept entry would meet them."""

    def __init__(self) -> None:
        self.by_date: dict[str, dict[str, list[int]]] = {}  # date text ("" for none) → stem → kept entries
        self.days_of_month: dict[str, set[str]] = {}  # month → the day-dated texts filed under it

    def add(self, i: int, when: str | None, mine: frozenset[str]) -> None:
        key = when or ""
        postings = self.by_date.setdefault(key, {})
        for stem in mine:
            postings.setdefault(stem, []).append(i)
        if len(key) == 10:
            self.days_of_month.setdefault(key[:7], set()).add(key)

    def dates_near(self, when: str | None) -> list[str]:
        if not when:
            return list(self.by_date)  # an undated entry meets every date
        if len(when) == 10:
            first = date.fromisoformat(when)
            days = [(first + timedelta(days=d)).isoformat() for d in range(-DEDUPE_DAYS, DEDUPE_DAYS + 1)]
            return days + [when[:7], ""]
        if len(when) == 7:
            return [when, *sorted(self.days_of_month.get(when, ())), ""]
        return [when, ""]

    def candidates(self, when: str | None, mine: frozenset[str], words: list[frozenset[str]]) -> list[int]:
        shared: dict[int, int] = {}
        for key in self.dates_near(when):
            postings = self.by_date.get(key)
            if postings:
                for stem in mine:
                    for i in postings.get(stem, ()):
                        shared[i] = shared.get(i, 0) + 1
        return sorted(i for i, n in shared.items() if n / min(len(mine), len(words[i])) >= MIN_OVERLAP)


def dedupe(entries: list[Entry]) -> list[Entry]:
    """Merge entries reporting the same event; the best-scored wording stays, all sources are cited."""
    merged: list[Entry] = []
    words: list[frozenset[str]] = []
    index = EntryIndex()
    for entry in entries:  # best first, so the kept text is the best-scored one
        mine = stems(entry.text)
        for i in index.candidates(entry.event_date, mine, words):
            kept = merged[i]
            if similar(kept, entry, words[i], mine):  # a headline repeating its lede merges too
                longer = len(kept.event_date or "") >= len(entry.event_date or "")
                merged[i] = Entry(kept.text, kept.event_date if longer else entry.event_date,
                                  kept.location or entry.location, kept.score,
                                  tuple(sorted(set(kept.citations) | set(entry.citations))))
                break
        else:
            index.add(len(merged), entry.event_date, mine)
            merged.append(entry)
            words.append(mine)
    # corroboration by several sources makes an event more important
    scored = [Entry(e.text, e.event_date, e.location, round(e.score + 0.5 * (len(e.citations) - 1), 2), e.citations)
              for e in merged]
    return sorted(scored, key=lambda e: (-e.score, e.event_date or "", e.citations, e.text))


def highlights(entries: list[Entry]) -> tuple[Entry, ...]:
    """The 3–5 most important developments: the best ones, stopping where importance drops off."""
    if not entries:
        return ()
    top = entries[0].score
    chosen = [e for e in entries[:MAX_HIGHLIGHTS] if e.score >= 0.6 * top]
    return tuple(entries[:max(len(chosen), min(MIN_HIGHLIGHTS, len(entries)))])


def theme(entry: Entry) -> str:
    words = re.findall(r"[a-z]+", entry.text.lower())
    for name, stems_ in THEMES:  # word starts, so "ceasefire" is not "fire"
        if any(w.startswith(stem) for w in words for stem in stems_):
            return name
    return OTHER_THEME


def overview(entries: tuple[Entry, ...]) -> tuple[tuple[str, tuple[Entry, ...]], ...]:
    """Developments grouped by place (busiest place first), place-less ones by theme; the best few, by date."""
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(entry.location or theme(entry), []).append(entry)
    themes = {name for name, _ in THEMES} | {OTHER_THEME}
    order = sorted(groups, key=lambda g: (g in themes, -len(groups[g]), g))
    # an overview summarises: the strongest few per place; the chronology keeps the rest
    top = {g: sorted(groups[g], key=lambda e: -e.score)[:MAX_PER_GROUP] for g in order}
    return tuple((g, tuple(sorted(top[g], key=lambda e: (e.event_date or "", -e.score)))) for g in order)


def figures(articles, extractions, cite, start, end) -> PeriodFigures:
    """The period's incidents, running-total series, tallies and sums, reconciled across its articles."""
    sightings = [
        Sighting(f, cite[a.id], a.date)
        for a in articles if a.id in extractions
        for f in extractions[a.id].figures
    ]
    return period_figures(sightings, start, end)


def shift(start: date | None, end: date | None, days: int) -> tuple[date | None, date | None]:
    """The previous period of the same length."""
    if start is None or end is None:
        return None, None
    return start - timedelta(days=days), end - timedelta(days=days)


def key_figures(found: PeriodFigures, before: PeriodFigures | None, days: int) -> tuple[KeyFigure, ...]:
    """Per category: the latest of each running total, the sum of the period's incidents, and tallies that
    cover the period (beside the sum, never added to it); each compared with the previous period like for like."""
    rows = []
    for category in CATEGORIES:
        for series in (s for s in found.totals if s.category == category):
            rows.append(total_row(series, before))
        total = found.sum_of(category)
        if total is not None:
            prior = before.sum_of(category) if before else None
            rows.append(KeyFigure(category, "incidents", total.low, total.high, total.qualifier, total.last,
                                  total.citations, incidents=total.incidents, first=total.first, disputed=total.disputed,
                                  change=change(total.low, prior.low if prior else None, days)))
        for tally in (t for t in found.tallies if t.figure.category == category and t.covers_period):
            f = tally.figure
            rows.append(KeyFigure(category, "tally", f.low, f.high, f.qualifier if f.agreed else "range", tally.span_to,
                                  f.citations, group=None, figure=f, span_from=tally.span_from, span_text=tally.span_text))
    return tuple(rows)


def total_row(series: Series, before: PeriodFigures | None) -> KeyFigure:
    """A running total's latest value; the change is against the same series' latest in the previous period."""
    latest = series.latest
    prior = next((s.latest for s in (before.totals if before else ())
                  if (s.category, s.group) == (series.category, series.group)), None)
    moved = None
    if prior is not None and prior.high != latest.high:
        on = "" if not prior.as_of else f" {'in' if len(prior.as_of) == 7 else 'on'} {long_day(prior.as_of)}"
        moved = f"{'up' if latest.high > prior.high else 'down'} from {prior.high:,}{on}"
    return KeyFigure(series.category, "total", latest.low, latest.high, latest.qualifier if latest.agreed else "range",
                     latest.as_of, latest.citations, group=series.group, since=series.since, change=moved, figure=latest)


def quotes(articles, extractions, cite) -> tuple[QuoteEntry, ...]:
    """The most quotable quotations: attributed, with a role, of a readable length; each text once."""
    found, seen = [], set()
    for article in articles:
        extraction = extractions.get(article.id)
        for q in extraction.quotes if extraction else ():
            key = " ".join(q.text.lower().split())
            if key in seen:
                continue
            seen.add(key)
            words = len(q.text.split())
            rank = 2 * bool(q.speaker) + bool(q.speaker_role) + (6 <= words <= 60)
            found.append((-rank, article.date or "", cite[article.id], q.start,
                          QuoteEntry(q.text, q.speaker, q.speaker_role, cite[article.id], article.date)))
    found.sort(key=lambda item: item[:4])
    return tuple(item[-1] for item in found[:MAX_QUOTES])
