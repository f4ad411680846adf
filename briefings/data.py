"""The briefing as data (`generate --format json`): the same Briefing the Markdown and PDF render, in full."""
from __future__ import annotations

import json

from .aggregate import Briefing
from .period import Series
from .reconcile import Reported
from .urls import safe_url


def amount(figure: Reported) -> dict:
    """value/high/qualifier of a reconciled figure: a range (low–high) where sources disagree."""
    high = figure.high if figure.high != figure.low else None
    return {"value": figure.low, "high": high, "qualifier": figure.qualifier if figure.agreed else "range"}


def latest_total(s: Series) -> dict:
    """A running total as the key-figures box gives it: the series' latest value, its as-of date and start."""
    return {"category": s.category, **amount(s.latest), "as_of": s.latest.as_of, "since": s.since,
            "since_text": s.since_text, "area": s.latest.location, "group": s.group, "sources": list(s.latest.citations)}


def briefing_data(briefing: Briefing) -> dict:
    """Everything the briefing states, keyed as in the shared PERIODS.md contract."""
    found = briefing.figures
    totals = [latest_total(s) for s in found.totals]
    context = [latest_total(s) for s in found.context]
    incidents = [{"category": i.figure.category, "date": i.figure.as_of, **amount(i.figure), "group": i.figure.group,
                  "place": i.figure.location, "parts": [{"value": v, "group": g} for v, g in i.parts],
                  "claim": i.claim, "in_period": i.in_period, "sources": list(i.figure.citations)}
                 for i in found.incidents]
    tallies = [{"category": t.figure.category, "from": t.span_from, "to": t.span_to, **amount(t.figure),
                "group": t.figure.group, "span_text": t.span_text, "covers_period": t.covers_period,
                "sources": list(t.figure.citations)} for t in found.tallies]
    sums = {s.category: {"value": s.low, "high": s.high if s.high != s.low else None, "qualifier": s.qualifier,
                         "incidents": s.incidents, "sources": list(s.citations)} for s in found.sums}
    series: dict[str, list] = {}
    for s in found.totals + found.context:
        series.setdefault(s.category, []).extend(
            {"as_of": p.as_of, **amount(p), "since": s.since, "group": s.group, "area": p.location,
             "sources": list(p.citations)} for p in s.points)
    return {
        "title": briefing.title,
        "period": {"from": briefing.start.isoformat() if briefing.start else None,
                   "to": briefing.end.isoformat() if briefing.end else None},
        "as_of": briefing.now.isoformat(),
        "totals": totals, "context": context, "incidents": incidents, "tallies": tallies, "incident_sums": sums,
        "series": series,
        "key_figures": [{"category": k.category, "kind": k.kind, "group": k.group, "value": k.low,
                         "high": k.high if k.high != k.low else None, "qualifier": k.qualifier, "as_of": k.as_of,
                         "since": k.since, "incidents": k.incidents or None, "change": k.change,
                         "sources": list(k.citations)} for k in briefing.key_figures],
        "highlights": [entry(e) for e in briefing.highlights],
        "developments": [entry(e) for e in briefing.chronology],
        "quotes": [{"text": q.text, "speaker": q.speaker, "role": q.role, "date": q.date, "sources": [q.citation]}
                   for q in briefing.quotes],
        "sources": [{"n": s.number, "title": s.title, "outlet": s.source, "date": s.date, "url": safe_url(s.url),
                     "path": s.path} for s in briefing.sources],
    }


def entry(e) -> dict:
    return {"text": e.text, "date": e.event_date, "place": e.location, "score": e.score, "sources": list(e.citations)}


def render_json(briefing: Briefing) -> str:
    """Deterministic JSON text (sorted keys), so the same input gives the same bytes."""
    return json.dumps(briefing_data(briefing), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
