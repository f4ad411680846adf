"""SQLite store: articles and extraction results cached per (article id, extractor version)."""
from __future__ import annotations

import json
import logging
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import StoreError
from .models import Article, Extraction

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    date TEXT,              -- YYYY-MM-DD, YYYY-MM or NULL
    day_first TEXT,         -- first day the date covers, for range queries
    day_last TEXT,          -- last day the date covers
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    url TEXT,
    path TEXT,
    lang TEXT NOT NULL DEFAULT 'en',
    added TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX IF NOT EXISTS articles_days ON articles(day_first, day_last);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
CREATE TABLE IF NOT EXISTS origins (   -- every file or feed an article was read from
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    origin TEXT NOT NULL,
    PRIMARY KEY (article_id, origin)
);
CREATE TABLE IF NOT EXISTS extractions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, version)
);
"""

COLUMNS = "id, text, date, title, source, url, path, lang"


@dataclass
class AddResult:
    """How many articles an add call stored anew, updated, or already had."""

    new: int = 0
    updated: int = 0
    duplicate: int = 0


def day_span(value: str | None) -> tuple[str | None, str | None]:
    """First and last day covered by a YYYY-MM-DD or YYYY-MM date."""
    if not value:
        return None, None
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        following = date(year + month // 12, month % 12 + 1, 1)
        return f"{value}-01", date.fromordinal(following.toordinal() - 1).isoformat()
    return value, value


def store_problem(exc: sqlite3.Error, path: Path | str) -> str:
    """One line for the user: what is wrong with the store and what to do."""
    detail = str(exc) or type(exc).__name__
    text = detail.lower()
    if "not a database" in text:
        return (f"{path}: not a briefings store (the file is not an SQLite database) — give --store the right "
                "file, or move this one away and ingest again")
    if "malformed" in text or "corrupt" in text:
        return (f"{path}: the store is damaged ({detail}) — restore it from a backup; `sqlite3 {path} .recover` "
                "may save its articles")
    if "disk is full" in text or "disk i/o" in text:
        return (f"{path}: the store cannot be written ({detail}) — free space on its disk and run again; what "
                "was stored before is kept")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return (f"{path}: the store cannot be opened for writing ({detail}) — check that the file and its folder "
                "are writable and the disk is not mounted read-only")
    if "locked" in text or "busy" in text:
        return f"{path}: the store is busy ({detail}) — another briefings process holds it; try again shortly"
    return f"{path}: store error ({detail}) — check the file"


def row_article(row) -> Article:
    return Article(id=row[0], text=row[1], date=row[2], title=row[3], source=row[4], url=row[5], path=row[6], lang=row[7])


class Store:
    """The SQLite file holding articles, cached extractions and (other modules') run history."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(str(path), timeout=30)
        except sqlite3.Error as exc:
            raise StoreError(store_problem(exc, self.path)) from None
        try:
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._use_wal()
            # In WAL mode NORMAL never corrupts the store and a killed process loses nothing committed; only a
            # power cut may lose the last commits. FULL would fsync every article of a big ingest.
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.executescript(SCHEMA)
        except sqlite3.Error as exc:
            self.conn.close()
            raise StoreError(store_problem(exc, self.path)) from None

    def _use_wal(self, attempts: int = 100) -> None:
        """Switch to WAL (readers never block the daemon's writes); retried, because switching ignores the
        busy timeout when another process is creating the same store at that moment."""
        for attempt in range(attempts):
            try:
                if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == attempts - 1:
                    raise
                time.sleep(0.05)

    def close(self) -> None:
        self.conn.close()

    def add_articles(self, articles) -> AddResult:
        """Store articles, each in its own transaction; an existing id is a duplicate."""
        result = AddResult()
        for article in articles:
            with self.conn:
                status = self._add(article)
            setattr(result, status, getattr(result, status) + 1)
        return result

    def _add(self, article: Article) -> str:
        if self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
            # The same text from another file or feed: one article, one more origin.
            self.conn.execute("UPDATE articles SET url = ? WHERE id = ? AND url IS NULL", (article.url, article.id))
            self._add_origin(article.id, article.path)
            return "duplicate"
        replaced = None
        if article.url:
            replaced = self.conn.execute("SELECT id FROM articles WHERE url = ?", (article.url,)).fetchone()
        first, last = day_span(article.date)
        self.conn.execute(
            "INSERT INTO articles (id, text, date, day_first, day_last, title, source, url, path, lang)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, article.text, article.date, first, last, article.title, article.source,
             article.url, article.path, article.lang),
        )
        if replaced:  # same URL, new text: the article changed, so its cache is stale
            self.conn.execute("UPDATE OR IGNORE origins SET article_id = ? WHERE article_id = ?", (article.id, replaced[0]))
            self.conn.execute("DELETE FROM articles WHERE id = ?", (replaced[0],))
        self._add_origin(article.id, article.path)
        return "updated" if replaced else "new"

    def _add_origin(self, article_id: str, origin: str | None) -> None:
        if origin:
            self.conn.execute("INSERT OR IGNORE INTO origins (article_id, origin) VALUES (?, ?)", (article_id, origin))

    def origins(self, article_id: str) -> list[str]:
        """Every file or feed the article was read from, sorted."""
        rows = self.conn.execute("SELECT origin FROM origins WHERE article_id = ? ORDER BY origin", (article_id,))
        return [r[0] for r in rows]

    def articles(self, start: date | None = None, end: date | None = None) -> list[Article]:
        """Dated articles whose date overlaps [start, end], oldest first."""
        query = f"SELECT {COLUMNS} FROM articles WHERE day_first IS NOT NULL"
        params: list[str] = []
        if start:
            query += " AND day_last >= ?"
            params.append(start.isoformat())
        if end:
            query += " AND day_first <= ?"
            params.append(end.isoformat())
        query += " ORDER BY day_first, source, id"
        return [row_article(r) for r in self.conn.execute(query, params)]

    def undated(self) -> list[Article]:
        """Articles without a date, which no dated period includes."""
        rows = self.conn.execute(f"SELECT {COLUMNS} FROM articles WHERE date IS NULL ORDER BY source, id")
        return [row_article(r) for r in rows]

    def count_articles(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def date_range(self) -> tuple[date | None, date | None]:
        """First and last day covered by dated articles."""
        first, last = self.conn.execute("SELECT MIN(day_first), MAX(day_last) FROM articles").fetchone()
        return (date.fromisoformat(first) if first else None, date.fromisoformat(last) if last else None)

    def get_extraction(self, article_id: str, version: str) -> Extraction | None:
        row = self.conn.execute(
            "SELECT data FROM extractions WHERE article_id = ? AND version = ?", (article_id, version)
        ).fetchone()
        return Extraction.from_json(article_id, json.loads(row[0])) if row else None

    def put_extraction(self, article_id: str, version: str, extraction: Extraction) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO extractions (article_id, version, data) VALUES (?, ?, ?)",
                (article_id, version, json.dumps(extraction.to_json(), sort_keys=True)),
            )


def extract_cached(store: Store, nlp_name: str, articles: list[Article], workers: int = 1) -> dict[str, Extraction]:
    """Extractions for `articles`, running spaCy (in `workers` processes) only on those not cached for this
    extractor version; each is stored as it comes, so an interrupted run keeps what it extracted."""
    from .extract import SPAWN_MIN, VERSION, extract_many

    found: dict[str, Extraction] = {}
    missing: list[Article] = []
    for article in articles:
        cached = store.get_extraction(article.id, VERSION)
        if cached is not None:
            found[article.id] = cached
        elif article.lang == "en":
            missing.append(article)
    if missing:
        workers = workers if len(missing) >= SPAWN_MIN else 1  # starting a process costs more than a few articles
        log.info("extracting %d article(s) with %s in %d process(es)", len(missing), nlp_name, workers)
        cache = True
        progress = Progress(len(missing))
        with closing(extract_many(nlp_name, missing, workers)) as extracted:  # interrupted: stop the workers
            for article, extraction in extracted:
                found[article.id] = extraction
                if cache:
                    cache = cache_extraction(store, article.id, VERSION, extraction)
                progress.step()
        progress.done()
    return found


class Progress:
    """"extracted 120/2000 articles (14.2/s, about 2 min left)" on the `briefings.progress` log, every few
    seconds on runs of PROGRESS_MIN articles or more (the CLI shows it on stderr unless -q)."""

    EVERY = 5.0  # seconds between lines
    PROGRESS_MIN = 50

    def __init__(self, total: int) -> None:
        self.total, self.count, self.began = total, 0, time.monotonic()
        self.last = self.began
        self.log = logging.getLogger("briefings.progress")

    def step(self) -> None:
        self.count += 1
        now = time.monotonic()
        if self.total >= self.PROGRESS_MIN and now - self.last >= self.EVERY:
            self.last = now
            rate = self.count / (now - self.began)
            left = (self.total - self.count) / rate
            eta = f", about {left / 60:.0f} min left" if left >= 90 else f", about {left:.0f} s left"
            # before a tenth is done the rate still holds the start-up (loading spaCy), so no guess yet
            self.log.info("extracted %d/%d articles (%.1f/s%s)", self.count, self.total, rate,
                          eta if self.count * 10 >= self.total else "")

    def done(self) -> None:
        if self.total >= self.PROGRESS_MIN:
            spent = time.monotonic() - self.began
            self.log.info("extracted %d articles in %.0f s (%.1f/s)", self.count, spent, self.count / max(spent, 1e-9))


def cache_extraction(store: Store, article_id: str, version: str, extraction: Extraction) -> bool:
    """Keep an extraction in the store; on a read-only or full store say so once and go on without caching
    (the briefing needs the extraction, not the cache)."""
    try:
        store.put_extraction(article_id, version, extraction)
        return True
    except sqlite3.OperationalError as exc:
        if not any(word in str(exc) for word in ("readonly", "full", "disk I/O")):
            raise
        log.warning("%s; extractions are not cached this time", store_problem(exc, store.path))
        return False
