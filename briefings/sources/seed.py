"""Reader for the seed format: a first line `date YYYY-MM-DD` (or `date YYYY-MM`), then the text."""
from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from ..models import Article, Problem

# The date may stand alone on the first line or run straight into the text.
DATE_LINE = re.compile(r"^\s*date\s+(\S+)[ \t]*", re.IGNORECASE)
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MONTH_DATE = re.compile(r"^\d{4}-\d{2}$")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z“\"‘])")


def article_id(text: str) -> str:
    """Stable id: a hash of the whitespace-normalised text."""
    normal = " ".join(text.split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def first_sentence(text: str, limit: int = 160) -> str:
    """The first sentence of the text, cut at a word boundary when very long."""
    first = SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()
    first = " ".join(first.split())
    if len(first) > limit:
        first = first[:limit].rsplit(" ", 1)[0] + "…"
    return first


def check_date(value: str) -> str | None:
    """The date in canonical form, or None when it is not a real YYYY-MM-DD / YYYY-MM date."""
    try:
        if FULL_DATE.match(value):
            return date.fromisoformat(value).isoformat()
        if MONTH_DATE.match(value):
            date.fromisoformat(value + "-01")
            return value
    except ValueError:
        return None
    return None


def normalise_paragraphs(text: str) -> str:
    """Unix newlines, trimmed paragraphs separated by exactly one blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [" ".join(p.split("\n")).strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def parse_seed(raw: str, path: str) -> tuple[Article | None, list[Problem], list[Problem]]:
    """Parse one seed-format text; returns (article, problems, warnings)."""
    raw = raw.lstrip("\ufeff")
    warnings: list[Problem] = []
    match = DATE_LINE.match(raw)
    article_date = None
    if match:
        article_date = check_date(match.group(1))
        if article_date is None:
            return None, [Problem(f"{path}:1", f"invalid date '{match.group(1)}'; write `date YYYY-MM-DD` or `date YYYY-MM`")], []
        body = raw[match.end():]
    else:
        body = raw
        warnings.append(Problem(f"{path}:1", "no `date YYYY-MM-DD` line; read as undated and left out of dated periods"))
    text = normalise_paragraphs(body)
    if not text:
        return None, [Problem(path, "no article text after the date line; add the text or remove the file")], []
    article = Article(
        id=article_id(text),
        text=text,
        date=article_date,
        title=first_sentence(text),
        source=Path(path).name,
        path=str(path),
    )
    return article, [], warnings
