"""RSS/Atom feeds and web pages: fetch, extract each entry's page, remember what was seen."""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Generator

from ..models import Article
from .base import Context, Draft, Event, Rejected, Skipped, Warned, canonical_url, make_article
from .htmlpage import html_draft, looks_like_html

log = logging.getLogger(__name__)

# Feed state lives in the store's SQLite file, in tables this module owns.
SCHEMA = """
CREATE TABLE IF NOT EXISTS feed_state (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    checked TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feed_entries (
    feed TEXT NOT NULL,
    link TEXT NOT NULL,
    updated TEXT NOT NULL,   -- the entry's updated/published stamp when it was stored
    PRIMARY KEY (feed, link)
);
"""
# Failures that may pass: the feed is checked in full again next time instead of answering 304.
TRANSIENT = {"timeout", "connection failed", "HTTP 429", "HTTP 500", "HTTP 502", "HTTP 503", "HTTP 504"}
MIN_ENTRY_TEXT = 200  # characters of feed-supplied content worth keeping when the page has none


def is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def is_feed(text: str) -> bool:
    """An RSS, RDF or Atom document, judged from its first element."""
    head = text[:2048].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def ensure_tables(store) -> None:
    if store is not None:
        store.conn.executescript(SCHEMA)


def read_url(url: str, context: Context) -> Generator[Event, None, None]:
    """Articles from a feed URL (one per entry) or from a single article page."""
    from .fetch import FetchError  # httpx is imported only when a URL is read

    store = context.store
    ensure_tables(store)
    try:
        response = context.fetcher.get(url, conditional_headers(store, url))
    except FetchError as exc:
        yield Rejected(url, exc.message, exc.reason)
        return
    if response.status_code == 304:
        yield Skipped(url, "feed unchanged since the last check (HTTP 304)", "unchanged")
        return
    head = response.content[:2048].decode("utf-8", "replace")
    if is_feed(head) or "xml" in response.headers.get("content-type", "") and not looks_like_html(head):
        complete = yield from read_feed(response.content, url, context)
        if complete:
            save_state(store, url, response.headers)
        return
    if looks_like_html(head) or "html" in response.headers.get("content-type", ""):
        draft, events = html_draft(response.content, url, url=str(response.url), origin=url)
        yield from events
        if draft:
            yield from make_article(draft, context)
        return
    kind = response.headers.get("content-type", "unknown").split(";")[0]
    yield Rejected(url, f"not an RSS/Atom feed or an HTML page (content type {kind}) — check the URL", "not a feed")


def read_feed(content: bytes, origin: str, context: Context) -> Generator[Event, None, bool]:
    """Articles from a parsed feed; returns whether every entry was handled for good."""
    import feedparser

    parsed = feedparser.parse(content)
    if not parsed.get("version"):
        error = parsed.get("bozo_exception")
        detail = f" ({str(error).splitlines()[0]})" if error else ""
        yield Rejected(origin, f"not an RSS or Atom feed{detail} — check the URL or file", "not a feed")
        return False
    feed_title = parsed.feed.get("title")
    complete = True
    for entry in parsed.entries:
        done = yield from read_entry(entry, feed_title, origin, context)
        complete = complete and done
    return complete


def read_entry(entry, feed_title: str | None, origin: str, context: Context) -> Generator[Event, None, bool]:
    """One entry: skip it if stored and unchanged, else fetch its page and extract the text."""
    from .fetch import FetchError

    link = entry.get("link") or ""
    link = canonical_url(link) if is_url(link) else None  # Atom ids like "urn:…" are not pages
    stamp = dict.get(entry, "updated") or dict.get(entry, "published") or ""
    where = link or f"{origin} entry '{entry.get('title', '?')}'"
    if link and already_stored(context.store, origin, link, stamp):
        add_origin(context.store, link, origin)  # the same page from a second feed: one more origin
        yield Skipped(link, "already stored; not fetched again")
        return True
    draft, problems = None, []
    if link:
        try:
            page = context.fetcher.get(link)
            draft, problems = html_draft(page.content, link, url=link, origin=origin)
        except FetchError as exc:
            problems = [Rejected(link, exc.message, exc.reason)]
    if draft is None:
        draft = entry_content_draft(entry, where)
        if draft is not None:  # the page failed but the feed carries the full text
            problems = [Warned(p.where, f"{p.message}; used the feed's own text") for p in problems]
    yield from problems
    if draft is None:
        if not problems:
            yield Rejected(where, "entry has no link and no text — nothing to read", "no article text")
        return not any(p.reason in TRANSIENT for p in problems)
    draft = Draft(
        text=draft.text,
        where=where,
        title=entry.get("title") or draft.title,
        date=dict.get(entry, "published") or dict.get(entry, "updated") or draft.date,
        source=feed_title or draft.source,
        url=link,
        lang=entry.get("language") or None,
        origin=origin,
    )
    for event in make_article(draft, context):
        yield event
        if link and isinstance(event, Article):
            remember_entry(context.store, origin, link, stamp)
    return True


def entry_content_draft(entry, where: str) -> Draft | None:
    """The feed's own copy of the text, when it carries a full article."""
    from .htmlpage import fragment_text

    values = [c.get("value", "") for c in entry.get("content", [])] or [entry.get("summary", "")]
    text = fragment_text(values[0]) if values[0] else ""
    if len(text.strip()) < MIN_ENTRY_TEXT:
        return None
    return Draft(text=text, where=where)


def conditional_headers(store, url: str) -> dict:
    if store is None:
        return {}
    row = store.conn.execute("SELECT etag, last_modified FROM feed_state WHERE url = ?", (url,)).fetchone()
    headers = {}
    if row and row[0]:
        headers["If-None-Match"] = row[0]
    if row and row[1]:
        headers["If-Modified-Since"] = row[1]
    return headers


def save_state(store, url: str, headers) -> None:
    if store is None:
        return
    checked = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with store.conn:
        store.conn.execute(
            "INSERT OR REPLACE INTO feed_state (url, etag, last_modified, checked) VALUES (?, ?, ?, ?)",
            (url, headers.get("etag"), headers.get("last-modified"), checked),
        )


def already_stored(store, feed: str, link: str, stamp: str) -> bool:
    """The entry's page is stored and the feed does not say the entry changed since."""
    if store is None:
        return False
    if not store.conn.execute("SELECT 1 FROM articles WHERE url = ?", (link,)).fetchone():
        return False
    row = store.conn.execute("SELECT updated FROM feed_entries WHERE feed = ? AND link = ?", (feed, link)).fetchone()
    return row is None or row[0] == stamp


def add_origin(store, link: str, origin: str) -> None:
    with store.conn:
        store.conn.execute("INSERT OR IGNORE INTO origins (article_id, origin) SELECT id, ? FROM articles WHERE url = ?",
                           (origin, link))


def remember_entry(store, feed: str, link: str, stamp: str) -> None:
    if store is None:
        return
    with store.conn:
        store.conn.execute("INSERT OR REPLACE INTO feed_entries (feed, link, updated) VALUES (?, ?, ?)",
                           (feed, link, stamp))

