"""Ingest: read paths and URLs into the store, one committed article at a time, and summarise."""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from ..models import Article, Problem
from . import iter_paths, make_context
from .base import Rejected, Skipped, Warned

log = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    """What an ingest did: counts per outcome, rejections per reason, every problem line."""

    new: int = 0
    updated: int = 0
    duplicate: int = 0
    skipped: int = 0  # feed entries already stored, not fetched again
    unchanged: int = 0  # feeds answering 304 Not Modified
    rejected: Counter = field(default_factory=Counter)  # reason -> count
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    languages: Counter = field(default_factory=Counter)  # non-English articles read, per language

    @property
    def ingested(self) -> int:
        """Articles read successfully, whether stored anew or already there."""
        return self.new + self.updated + self.duplicate + self.skipped + self.unchanged

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.values())

    @property
    def ok(self) -> bool:
        """False only when inputs were given and nothing at all could be ingested."""
        return self.ingested > 0 or self.rejected_total == 0

    def lines(self) -> list[str]:
        """Every problem and warning line, then the summary."""
        return [str(p) for p in self.warnings + self.problems] + self.summary_lines()

    def summary_lines(self) -> list[str]:
        """The closing summary, one fact per line."""
        lines = [f"ingested: {self.new} new, {self.updated} updated, {self.duplicate} duplicate"
                 + (f", {self.skipped} already stored (not fetched again)" if self.skipped else "")
                 + (f", {self.unchanged} feed(s) unchanged" if self.unchanged else "")]
        if self.languages:
            langs = ", ".join(f"{lang} {n}" for lang, n in sorted(self.languages.items()))
            lines.append(f"not English (stored, left out of extraction): {langs}")
        if self.rejected:
            reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(self.rejected.items()))
            lines.append(f"rejected: {self.rejected_total} ({reasons})")
        if self.warnings:
            lines.append(f"warnings: {len(self.warnings)}")
        return lines


def ingest(store, paths: list[str], config=None, *, fetch=None, today: date | None = None,
           on_problem: Callable[[Problem], None] | None = None) -> IngestSummary:
    """Read `paths` and store each article as soon as it is read, in its own transaction.

    An interruption leaves every stored article whole; running again stores the rest
    (what is already there counts as duplicate, and stored feed entries are not fetched).
    `on_problem` is called with each problem and warning as it happens, for live output.
    """
    summary = IngestSummary()
    context = make_context(config, store=store, fetch=fetch, today=today)
    try:
        for event in iter_paths(paths, context):
            record(summary, store, event, on_problem)
    finally:
        context.close()
    return summary


def record(summary: IngestSummary, store, event, on_problem) -> None:
    if isinstance(event, Article):
        added = store.add_articles([event])
        summary.new += added.new
        summary.updated += added.updated
        summary.duplicate += added.duplicate
        if event.lang != "en":
            summary.languages[event.lang] += 1
    elif isinstance(event, Skipped):
        if event.kind == "unchanged":
            summary.unchanged += 1
        else:
            summary.skipped += 1
        log.info("%s: %s", event.where, event.message)
    elif isinstance(event, (Rejected, Warned)):
        if isinstance(event, Rejected):
            summary.rejected[event.reason] += 1
            summary.problems.append(event.problem)
        else:
            summary.warnings.append(event.problem)
        if on_problem:
            on_problem(event.problem)
