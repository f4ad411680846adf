"""Build a briefing: gather from the store, aggregate, chart, render, then write every file at once."""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from .aggregate import Briefing, Gathered, aggregate, on_topic
from .charts import make_charts
from .config import Config
from .deliver import publish_files
from .errors import BriefingsError
from .models import Article
from .render import render_html, render_markdown, render_ticket
from .store import Store, extract_cached

log = logging.getLogger(__name__)


@dataclass
class GenerateResult:
    """What generate() wrote and the briefing it rendered."""

    paths: list[Path] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    briefing: Briefing | None = None
    markdown: str = ""


def pinned_now(now: datetime, timezone: str) -> datetime:
    """`now` in the config's zone; SOURCE_DATE_EPOCH, when set, wins so builds are reproducible."""
    zone = ZoneInfo(timezone)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), zone)
    return now.replace(tzinfo=zone) if now.tzinfo is None else now.astimezone(zone)


def gather(store: Store, config: Config, start: date | None, end: date | None) -> tuple[Gathered, date | None, date | None]:
    """Read the period's articles and extractions (and the previous period's) from the store."""
    first, last = store.date_range()
    start, end = start or first, end or last
    if start and end and end < start:
        raise BriefingsError(f"the period ends ({end}) before it starts ({start}); check --from and --to")
    articles = store.articles(start, end) if start and end else []
    chosen = on_topic(articles, config.topic_keywords, config.topic_places)
    previous: list[Article] = []
    if start and end:
        days = (end - start).days + 1
        ids = {a.id for a in articles}
        previous = [a for a in store.articles(start - timedelta(days=days), start - timedelta(days=1)) if a.id not in ids]
        previous = on_topic(previous, config.topic_keywords, config.topic_places)
    extractions = extract_cached(store, config.pipeline, chosen + previous, config.worker_count)
    gathered = Gathered(
        articles=articles, extractions=extractions, previous=previous, previous_extractions=extractions,
        undated=store.undated(), total=store.count_articles(), store_first=first, store_last=last,
    )
    return gathered, start, end


def build_briefing(store: Store, config: Config, start: date | None, end: date | None, *, now: datetime,
                   title: str | None = None, issue: int | None = None) -> tuple[Briefing, Gathered]:
    """Gather the period from the store and aggregate it: the one Briefing every format renders."""
    gathered, start, end = gather(store, config, start, end)
    briefing = aggregate(gathered, title=title or config.title, start=start, end=end, now=now, issue=issue,
                         keywords=config.topic_keywords, places=config.topic_places)
    return briefing, gathered


def generate(config: Config, *, start: date | None = None, end: date | None = None, formats=("md", "pdf"),
             out_dir: Path, now: datetime, profile: str = "full", issue: int | None = None,
             title: str | None = None, store: Store | None = None) -> GenerateResult:
    """Write the briefing of [start, end] (default: all dated articles) as Markdown and/or PDF into out_dir."""
    if store is None:
        store = Store(config.store)
        try:
            return generate(config, start=start, end=end, formats=formats, out_dir=out_dir, now=now,
                            profile=profile, issue=issue, title=title, store=store)
        finally:
            store.close()
    briefing, gathered = build_briefing(store, config, start, end, now=pinned_now(now, config.timezone),
                                        title=title, issue=issue)
    start, end = briefing.start, briefing.end
    want_png = "md" in formats and profile == "full"
    charts, images = make_charts(briefing, chart_style=config.chart_style, png=want_png, svg="pdf" in formats)
    if profile == "ticket":
        markdown = render_ticket(briefing, templates=config.templates)
    else:
        markdown = render_markdown(briefing, charts, templates=config.templates)
    stem = f"briefing_{start or 'undated'}_{end or 'undated'}"
    files: dict[str, bytes] = {}
    if "md" in formats:
        files[f"{stem}_ticket.md" if profile == "ticket" else f"{stem}.md"] = markdown.encode("utf-8")
        files.update(images)
    if "json" in formats:
        from .data import render_json

        files[f"{stem}.json"] = render_json(briefing).encode("utf-8")
    if "pdf" in formats:
        from .pdf import html_to_pdf

        files[f"{stem}.pdf"] = html_to_pdf(render_html(briefing, charts, templates=config.templates),
                                           base_url=str(out_dir))
    paths = publish_files(Path(out_dir), files)
    used = [a for a in gathered.articles if a.id in {s.article_id for s in briefing.sources}]
    return GenerateResult(paths=paths, articles=used, briefing=briefing, markdown=markdown)
