"""Reader for JSON and JSON Lines exports: an object, an array of objects, or one object per line."""
from __future__ import annotations

import json
import re
from typing import Iterator

from .base import Draft, Rejected, Warned

# Field names news APIs and media monitors use, tried in order after the [fields] mapping.
DEFAULT_FIELDS = {
    "text": ("text", "body", "content", "full_text", "fulltext", "article_text"),
    "title": ("title", "headline"),
    "date": ("date", "published", "publishedAt", "published_at", "pubDate", "datePublished", "date_published",
             "publication_date"),
    "source": ("source", "outlet", "publisher", "source_name", "site_name"),
    "url": ("url", "link", "canonical_url"),
    "lang": ("lang", "language"),
}
FIELD_NAMES = (*DEFAULT_FIELDS, "records")
# Wrappers around the list of articles in API exports ({"status": "ok", "articles": [...]}).
RECORD_LISTS = ("articles", "items", "results", "data", "entries", "documents", "value")
TRUNCATED = re.compile(r"…?\s*\[\+\d+ chars\]\s*$")
HTML_TEXT = re.compile(r"<(p|div|br|h\d)\b[^>]*>", re.IGNORECASE)


def check_fields(mapping: dict) -> list[str]:
    """Problems with a [fields] table: unknown names or values that are not dotted paths."""
    errors = []
    for key, value in mapping.items():
        if key not in FIELD_NAMES:
            errors.append(f"[fields] unknown field '{key}' (known: {', '.join(FIELD_NAMES)})")
        elif not (isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))):
            errors.append(f"[fields] '{key}' must be a dotted path such as \"story.body\", or a list of them")
    return errors


def lookup(record, path: str):
    """Value at a dotted path ("source.name", "items.0.text"), or None."""
    value = record
    for part in path.split("."):
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def field_value(record: dict, name: str, mapping: dict):
    """The first non-empty value among the mapped paths, then the common names."""
    mapped = mapping.get(name, ())
    paths = [mapped] if isinstance(mapped, str) else list(mapped)
    for path in [*paths, *DEFAULT_FIELDS[name]]:
        value = lookup(record, path)
        if isinstance(value, dict):  # nested {"source": {"id": …, "name": "Reuters"}}
            value = value.get("name") or value.get("title")
        if value not in (None, "", []):
            return value
    return None


def record_draft(record, where: str, origin: str, mapping: dict) -> tuple[Draft | None, list]:
    """One JSON object to a draft; anything but an object with text is refused."""
    if not isinstance(record, dict):
        kind = type(record).__name__
        return None, [Rejected(where, f"a JSON {kind}, not an article object — give objects with a text field",
                               "not an article")]
    text = field_value(record, "text", mapping)
    if isinstance(text, list) and all(isinstance(p, str) for p in text):
        text = "\n\n".join(text)
    if not isinstance(text, str) or not text.strip():
        names = ", ".join(DEFAULT_FIELDS["text"][:3])
        return None, [Rejected(where, f"no article text (looked for {names}…) — add it, or map the field in "
                                      "the config's [fields] table", "empty text")]
    events = []
    if TRUNCATED.search(text):
        events.append(Warned(where, "text is cut off by the news API ('[+N chars]') — export the full text"))
        text = TRUNCATED.sub("", text)
    if HTML_TEXT.search(text):
        from .htmlpage import fragment_text

        text = fragment_text(text)
    values = {name: field_value(record, name, mapping) for name in ("title", "date", "source", "url", "lang")}
    values = {k: v for k, v in values.items() if k == "date" or isinstance(v, str)}
    return Draft(text=text, where=where, origin=origin, **values), events


def records_of(data, mapping: dict) -> list | None:
    """The list of article objects in a parsed JSON document."""
    if mapping.get("records"):
        data = lookup(data, mapping["records"])
    elif isinstance(data, dict) and not field_value(data, "text", mapping):
        for key in RECORD_LISTS:
            if isinstance(data.get(key), list):
                return data[key]
    if isinstance(data, list):
        return data
    return [data] if isinstance(data, dict) else None


def looks_like_lines(raw: str) -> bool:
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    return len(lines) > 1 and all(line.startswith("{") for line in lines[:2])


def json_drafts(raw: str, path: str, mapping: dict) -> Iterator[Draft | Rejected | Warned]:
    """Drafts from a .json file; one that is really JSON Lines is read as such."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        if looks_like_lines(raw):
            yield from jsonl_drafts(raw, path, mapping)
            return
        yield Rejected(f"{path}:{exc.lineno}", f"not valid JSON ({exc.msg}, column {exc.colno}) — fix the syntax",
                       "malformed JSON")
        return
    except (RecursionError, ValueError) as exc:
        yield Rejected(path, unparsable(exc), "malformed JSON")
        return
    records = records_of(data, mapping)
    if records is None:
        yield Rejected(path, "no article objects found — give an object, an array of objects, or map "
                             "[fields] records", "not an article")
        return
    for number, record in enumerate(records, 1):
        where = path if len(records) == 1 else f"{path} item {number}"
        draft, events = record_draft(record, where, path, mapping)
        yield from events
        if draft:
            yield draft


def unparsable(exc: Exception) -> str:
    """Why valid-looking JSON could not be read: nested too deeply, or a number too long to convert."""
    if isinstance(exc, RecursionError):
        return "JSON nested too deeply to read (thousands of levels) — give flat article objects"
    return f"JSON that cannot be read ({str(exc).splitlines()[0][:120]}) — fix or remove it"


def jsonl_drafts(raw: str, path: str, mapping: dict) -> Iterator[Draft | Rejected | Warned]:
    """Drafts from JSON Lines; a malformed line is reported and only that line skipped."""
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected(where, f"malformed JSON ({exc.msg}, column {exc.colno}) — fix or remove the line",
                           "malformed JSON")
            continue
        except (RecursionError, ValueError) as exc:
            yield Rejected(where, unparsable(exc), "malformed JSON")
            continue
        draft, events = record_draft(record, where, path, mapping)
        yield from events
        if draft:
            yield draft
