"""What every reader shares: drafts, the events a reader yields, and turning a draft into an Article."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator, Union
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..limits import MAX_ARTICLE_CHARS, clip_text
from ..models import Article, Problem
from ..urls import safe_url, shown
from .dates import normalise_date
from .lang import detect_lang

SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z“\"‘])")
# Query parameters that only track the reader; two links differing in them are the same page.
# Control characters (NUL, escape sequences…) never belong in article text; tabs and newlines do.
CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")  # \x0b, \x0c and \x1c-\x1f are whitespace to str.split
TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|ref_src|smid)$", re.IGNORECASE)


@dataclass(frozen=True)
class Draft:
    """Fields as a reader found them, before checking: the date may be in any form."""

    text: str
    where: str  # file, file:line or URL, for messages
    title: str | None = None
    date: object = None
    source: str | None = None
    url: str | None = None
    lang: str | None = None
    origin: str | None = None  # file or feed the article came from (Article.path)
    date_where: str | None = None  # where the date was written, when that differs from `where`


@dataclass(frozen=True)
class Rejected:
    """Input that could not be used; `reason` groups it in the ingest summary."""

    where: str
    message: str  # "what is wrong — what to do"
    reason: str

    @property
    def problem(self) -> Problem:
        return Problem(printable(self.where), printable(self.message))


@dataclass(frozen=True)
class Warned:
    """Input that was used, with something the user should know."""

    where: str
    message: str

    @property
    def problem(self) -> Problem:
        return Problem(printable(self.where), printable(self.message))


@dataclass(frozen=True)
class Skipped:
    """Input left alone on purpose: an unchanged feed, an entry already stored."""

    where: str
    message: str
    kind: str = "stored"  # stored: an entry already in the store; unchanged: a feed answering 304


Event = Union[Article, Rejected, Warned, Skipped]


@dataclass
class Context:
    """Settings every reader may need, passed down instead of globals; owns the HTTP client."""

    today: date  # dates after this (plus a day) are refused as future
    fields: dict = field(default_factory=dict)  # the config's [fields] mapping for JSON
    store: object = None  # Store, for feed state and skipping stored entries
    fetch_options: object = None  # fetch.FetchOptions; defaults when None
    _fetcher: object = field(default=None, repr=False)

    @property
    def fetcher(self):
        """The HTTP client, created on the first URL so file-only runs never open one."""
        if self._fetcher is None:
            from .fetch import Fetcher

            self._fetcher = Fetcher(self.fetch_options)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None


def printable(text: str) -> str:
    """A message as it may reach a terminal: control characters (escape sequences…) shown escaped."""
    return PRINTED_CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


PRINTED_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


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


def normalise_paragraphs(text: str) -> str:
    """NFC, Unix newlines, trimmed paragraphs separated by exactly one blank line."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00a0", " ").replace("\ufeff", "")
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def one_line(value, limit: int = 300) -> str:
    """A title or source name: one line, no control characters, at most `limit` characters."""
    text = " ".join(CONTROLS.sub("", str(value)).split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def canonical_url(url: str | None) -> str | None:
    """Lower-case scheme and host, no fragment, no tracking parameters, no trailing slash."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return url or None
    host = parts.netloc.lower()
    for default in (":80", ":443"):
        if host.endswith(default):
            host = host[: -len(default)]
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), host, path, query, ""))


def make_article(draft: Draft, context: Context) -> Iterator[Event]:
    """Check a draft and yield the Article, or why it was refused, plus any warnings."""
    text, controls = CONTROLS.subn("", draft.text or "")
    if controls:
        yield Warned(draft.where, f"{controls} control character(s) such as NUL removed from the text — check the input")
    text = normalise_paragraphs(text)
    if len(text) > MAX_ARTICLE_CHARS:
        yield Warned(draft.where, f"text of {len(text):,} characters cut to the first {MAX_ARTICLE_CHARS:,} (the limit "
                                  "for one article) — split it into several articles to keep the rest")
        text = clip_text(text)
    if not text:
        yield Rejected(draft.where, "no article text — add the text or remove the input", "empty text")
        return
    parsed = normalise_date(draft.date, today=context.today)
    date_where = draft.date_where or draft.where
    if parsed.error:
        yield Rejected(date_where, parsed.error, parsed.reason)
        return
    if parsed.missing:
        yield Warned(date_where, "no date — read as undated and left out of dated periods; add a date")
    lang = (draft.lang or "").strip().lower()[:2] or detect_lang(text)
    if lang != "en":
        yield Warned(draft.where, f"language '{lang}', not English — stored but left out of extraction")
    url = safe_url(draft.url) if draft.url else None
    if draft.url and url is None:
        yield Warned(draft.where, f"url '{shown(draft.url)}' is not an http(s) address (or holds control characters) — "
                                  "dropped, the article is kept; fix the url")
    origin = draft.origin or draft.where
    title = one_line(draft.title) if draft.title else first_sentence(text)
    source = one_line(draft.source) if draft.source else Path(origin).name
    yield Article(
        id=article_id(text),
        text=text,
        date=parsed.value,
        title=title or first_sentence(text),
        source=source,
        url=canonical_url(url),
        path=origin,
        lang=lang,
    )
