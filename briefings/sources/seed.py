"""Reader for the seed format: a first line `date YYYY-MM-DD` (or `date YYYY-MM`), then the text."""
from __future__ import annotations

import re
from datetime import datetime, timezone

from ..models import Article, Problem
from .base import Context, Draft, Rejected, Warned, article_id, first_sentence, make_article, normalise_paragraphs

__all__ = ["DATE_LINE", "article_id", "first_sentence", "normalise_paragraphs", "parse_seed", "seed_draft"]

# The date may stand alone on the first line or run straight into the text; it
# must start with a digit so that a text opening "Date palms…" is not a date line.
DATE_LINE = re.compile(r"^\s*date[ \t]+(\d\S*)[ \t]*", re.IGNORECASE)


def seed_draft(raw: str, path: str, **fields) -> Draft:
    """A draft from seed-format text; without a date line the whole text is the body."""
    raw = raw.lstrip("\ufeff")
    match = DATE_LINE.match(raw)
    body = raw[match.end():] if match else raw
    return Draft(text=body, where=path, date=match.group(1) if match else None, date_where=f"{path}:1", **fields)


def parse_seed(raw: str, path: str, context: Context | None = None) -> tuple[Article | None, list[Problem], list[Problem]]:
    """Parse one seed-format text; returns (article, problems, warnings)."""
    context = context or Context(today=datetime.now(timezone.utc).date())
    article, problems, warnings = None, [], []
    for event in make_article(seed_draft(raw, path), context):
        if isinstance(event, Article):
            article = event
        elif isinstance(event, Rejected):
            problems.append(event.problem)
        elif isinstance(event, Warned):
            warnings.append(event.problem)
    return article, problems, warnings
