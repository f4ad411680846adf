"""What a period's figures say: distinct incidents, running-total series with their latest value, tallies over
spans, and incident sums that cannot count anyone twice.

Each article's figures come tagged by extraction as incident, total, tally or part. Here the reports of many
articles are reconciled: one incident reported by several outlets is one incident citing all of them; successive
updates of one running total form a series per category, group and start; parts stay with what they break down.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..models import Figure
from ..reconcile import Sighting, usable
from .incidents import build_incidents, incident_sums, one_event_per_sentence
from .model import TOLL_SIDES, Incident, IncidentSum, PeriodFigures, Series, Tally, side
from .tallies import build_tallies
from .totals import build_series, series_key, short_starts, toll_updates

__all__ = ["Incident", "IncidentSum", "PeriodFigures", "Series", "Tally", "period_figures", "series_key", "side"]


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
            own = side(f.category, f.group)
            if whole is not None and whole.measure == "total" and own in TOLL_SIDES \
                    and own != side(whole.category, whole.group):
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
