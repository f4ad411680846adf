"""Reader for Markdown or text with YAML front matter (title, date/published, source, url, lang)."""
from __future__ import annotations

import re

import yaml

from .base import Draft, Rejected, Warned
from .seed import seed_draft

FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.DOTALL | re.MULTILINE)
KEYS = {"title": "title", "date": "date", "published": "date", "source": "source", "outlet": "source",
        "url": "url", "link": "url", "lang": "lang", "language": "lang"}

HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE)
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
QUOTE_MARK = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
LIST_MARK = re.compile(r"^[ \t]*(?:[-*+]|\d+\.)[ \t]+", re.MULTILINE)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


class FrontMatterLoader(yaml.SafeLoader):
    """PyYAML's safe loader without aliases: front matter never needs `*name`, and aliases of aliases
    ("billion laughs") make a few lines expand to gigabytes."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in front matter",
                                              event.start_mark)
        return super().compose_node(parent, index)


def has_front_matter(raw: str) -> bool:
    return FRONT.match(raw) is not None


def front_matter_draft(raw: str, path: str, *, markdown: bool) -> tuple[Draft | None, list]:
    """(draft, events) from a file starting with a `---` YAML block."""
    match = FRONT.match(raw)
    try:
        meta = yaml.load(match.group(1), Loader=FrontMatterLoader) or {}
    except RecursionError:
        return None, [Rejected(path, "front matter nested too deeply — give plain `key: value` lines", "invalid front matter")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 2}" if mark else path  # +2: the opening `---` and 0-based lines
        reason = getattr(exc, "problem", None) or "syntax error"
        return None, [Rejected(where, f"front matter is not valid YAML ({reason}) — fix it", "invalid front matter")]
    if not isinstance(meta, dict):
        return None, [Rejected(f"{path}:2", "front matter is not a `key: value` list — fix it", "invalid front matter")]
    fields, events = {}, []
    for key, value in meta.items():
        name = KEYS.get(str(key).lower())
        if name and value not in (None, "") and name not in fields:
            fields[name] = value
    unknown = sorted(str(k) for k in meta if str(k).lower() not in KEYS)
    if unknown:
        events.append(Warned(f"{path}:2", f"front matter keys ignored: {', '.join(unknown)}"))
    body = raw[match.end():]
    if markdown:
        body, heading = plain_markdown(body)
        fields.setdefault("title", heading)
    if not isinstance(fields.get("lang"), str):
        fields.pop("lang", None)
    date_where = f"{path}:{date_line(match.group(1)) + 1}" if "date" in fields else path
    return Draft(text=body, where=path, date_where=date_where, **{k: v for k, v in fields.items() if v}), events


def date_line(block: str) -> int:
    """1-based line of the date key inside the front matter block (for messages)."""
    for number, line in enumerate(block.splitlines(), 1):
        if re.match(r"^(date|published)\s*:", line, re.IGNORECASE):
            return number
    return 0


def text_draft(raw: str, path: str, *, markdown: bool) -> tuple[Draft | None, list]:
    """A .txt/.md file: front matter if present, else the seed format (date line optional)."""
    if has_front_matter(raw):
        return front_matter_draft(raw, path, markdown=markdown)
    if not markdown:
        return seed_draft(raw, path), []
    draft = seed_draft(raw, path)
    body, heading = plain_markdown(draft.text)
    return Draft(text=body, where=path, date=draft.date, date_where=draft.date_where, title=heading), []


def plain_markdown(body: str) -> tuple[str, str | None]:
    """Markdown to plain paragraphs for the extractor; the first heading is returned as a title."""
    body = COMMENT.sub("", body)
    first = HEADING.search(body)
    title = None
    if first and not body[: first.start()].strip():
        title = clean_inline(first.group(1))
        body = body[first.end():]
    body = HEADING.sub(lambda m: f"\n\n{m.group(1)}\n\n", body)  # later headings become their own paragraph
    body = QUOTE_MARK.sub("", body)
    body = LIST_MARK.sub("\n", body)  # each list item is a paragraph of its own
    return clean_inline(body), title


def clean_inline(text: str) -> str:
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    return EMPHASIS.sub(r"\2", text)
