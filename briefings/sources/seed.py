"""Reader for the seed format: a first line `date YYYY-MM-DD` (or `date YYYY-MM`), then the text."""
from __future__ import annotations

import re
from datetime import datetime, timezone

from ..models import Article, Problem
from .dates import normalise_date
from .base import Context, Draft, Rejected, Warned, article_id, first_sentence, make_article, normalise_paragraphs

__all__ = ["DATE_LINE", "article_id", "first_sentence", "normalise_paragraphs", "parse_seed", "seed_draft"]

# The date may stand alone on the first line or run straight into the text; it
# must start with a digit so that a text opening "Date palms…" is not a date line.
DATE_LINE = re.compile(r"^\s*date[ \t]+(\d\S*)[ \t]*", re.IGNORECASE)


# A first line that is only "date" and a written date ("date Feb 7, 2020", "date 7 February 2020").
WORDS_DATE_LINE = re.compile(r"^\s*date[ \t]+([^\n]*?[A-Za-z][^\n]*?\d{4})[ \t]*(?:\n|$)", re.IGNORECASE)


def seed_draft(raw: str, path: str, **fields) -> Draft:
    """A draft from seed-format text; without a date line the whole text is the body."""
    raw = raw.lstrip("\ufeff")
    match = written_date_line(raw) or DATE_LINE.match(raw)
    body = raw[match.end():] if match else raw
    return Draft(text=body, where=path, date=match.group(1) if match else None, date_where=f"{path}:1", **fields)


def written_date_line(raw: str):
    """The first line when it holds nothing but a date in words, so "Date palms…" stays text."""
    match = WORDS_DATE_LINE.match(raw)
    if not match:
        return None
    parsed = normalise_date(match.group(1))  # a real date out of range is still the date line, refused with why
    return match if parsed.value or parsed.reason in ("future date", "date before 1900") else None


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
