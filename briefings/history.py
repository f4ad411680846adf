"""Run history of scheduled briefings, kept in the store's SQLite file."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from .deliver import Delivery
from .store import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    series TEXT NOT NULL,
    trigger TEXT NOT NULL,          -- schedule | catch-up | manual
    scheduled TEXT NOT NULL,        -- ISO time the run was due (UTC)
    started TEXT,
    finished TEXT,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    status TEXT NOT NULL,           -- running | ok | failed | skipped | missed
    attempts INTEGER NOT NULL DEFAULT 0,
    articles TEXT NOT NULL DEFAULT '[]',  -- JSON list of article ids used
    files TEXT NOT NULL DEFAULT '[]',     -- JSON list of files written
    markdown TEXT,                  -- ticket Markdown sent by email and webhook, kept for resend
    error TEXT
);
CREATE INDEX IF NOT EXISTS runs_series ON runs(series, scheduled);
CREATE TABLE IF NOT EXISTS run_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    target TEXT NOT NULL,
    status TEXT NOT NULL,           -- ok | failed
    attempts INTEGER NOT NULL,
    error TEXT,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS series_state (
    series TEXT PRIMARY KEY,
    watermark TEXT NOT NULL         -- every scheduled time up to this one has been handled
);
"""


@dataclass
class Run:
    """One run as recorded in the history."""

    id: int | None
    series: str
    trigger: str
    scheduled: str
    start: str
    end: str
    status: str
    attempts: int = 0
    articles: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    deliveries: list[Delivery] = field(default_factory=list)
    error: str | None = None
    started: str | None = None
    finished: str | None = None
    markdown: str | None = None
    preview: list[str] = field(default_factory=list)  # dry run: what would happen


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class History:
    """Run history tables in the store's SQLite file."""

    def __init__(self, store: Store):
        self.conn = store.conn
        self.conn.executescript(SCHEMA)

    def begin(self, series: str, trigger: str, scheduled: datetime, start: date, end: date) -> int:
        with self.conn:
            cursor = self.conn.execute(
                "INSERT INTO runs (series, trigger, scheduled, started, period_start, period_end, status)"
                " VALUES (?, ?, ?, ?, ?, ?, 'running')",
                (series, trigger, iso(scheduled), iso(utcnow()), start.isoformat(), end.isoformat()),
            )
        return cursor.lastrowid

    def update(self, run_id: int, **values) -> None:
        for key in ("articles", "files"):
            if key in values:
                values[key] = json.dumps(values[key])
        columns = ", ".join(f"{key} = ?" for key in values)
        with self.conn:
            self.conn.execute(f"UPDATE runs SET {columns} WHERE id = ?", (*values.values(), run_id))

    def finish(self, run_id: int, status: str, error: str | None = None) -> None:
        self.update(run_id, status=status, error=error, finished=iso(utcnow()))

    def add_deliveries(self, run_id: int, deliveries: list[Delivery]) -> None:
        with self.conn:
            self.conn.executemany(
                "INSERT INTO run_deliveries (run_id, target, status, attempts, error, at) VALUES (?, ?, ?, ?, ?, ?)",
                [(run_id, d.target, d.status, d.attempts, d.error, iso(utcnow())) for d in deliveries],
            )

    def record_missed(self, series: str, scheduled: datetime, start: date, end: date, reason: str) -> int:
        run_id = self.begin(series, "catch-up", scheduled, start, end)
        self.update(run_id, status="missed", error=reason, started=None, finished=iso(utcnow()))
        return run_id

    def get(self, run_id: int) -> Run | None:
        row = self.conn.execute(f"SELECT {RUN_COLUMNS} FROM runs WHERE id = ?", (run_id,)).fetchone()
        return self._run(row) if row else None

    def list(self, series: str | None = None, limit: int = 50) -> list[Run]:
        query = f"SELECT {RUN_COLUMNS} FROM runs"
        params: tuple = ()
        if series:
            query, params = query + " WHERE series = ?", (series,)
        rows = self.conn.execute(query + " ORDER BY id DESC LIMIT ?", (*params, limit)).fetchall()
        return [self._run(row) for row in reversed(rows)]

    def _run(self, row) -> Run:
        deliveries = [
            Delivery(target, status, attempts, error)
            for target, status, attempts, error in self.conn.execute(
                "SELECT target, status, attempts, error FROM run_deliveries WHERE run_id = ? ORDER BY id", (row[0],)
            )
        ]
        return Run(
            id=row[0], series=row[1], trigger=row[2], scheduled=row[3], started=row[4], finished=row[5],
            start=row[6], end=row[7], status=row[8], attempts=row[9], articles=json.loads(row[10]),
            files=json.loads(row[11]), markdown=row[12], error=row[13], deliveries=deliveries,
        )

    def used_articles(self, series: str) -> set[str]:
        """Ids of articles an earlier successful run of this series already used."""
        rows = self.conn.execute("SELECT articles FROM runs WHERE series = ? AND status = 'ok'", (series,))
        return {article for (ids,) in rows for article in json.loads(ids)}

    def issue_number(self, series: str, run_id: int) -> int:
        """The series' issue number for this run: one more than its earlier runs that produced a briefing.

        A run whose delivery failed still wrote (and may later resend) its numbered briefing, so it counts."""
        row = self.conn.execute("SELECT COUNT(*) FROM runs WHERE series = ? AND id < ? AND (status = 'ok' OR files != '[]')",
                                (series, run_id)).fetchone()
        return row[0] + 1

    def produced(self, series: str, start: date, end: date) -> bool:
        """True when a run of this series already produced this period successfully."""
        return self.conn.execute(
            "SELECT 1 FROM runs WHERE series = ? AND period_start = ? AND period_end = ? AND status = 'ok'",
            (series, start.isoformat(), end.isoformat()),
        ).fetchone() is not None

    def watermark(self, series: str) -> datetime | None:
        row = self.conn.execute("SELECT watermark FROM series_state WHERE series = ?", (series,)).fetchone()
        return datetime.fromisoformat(row[0]) if row else None

    def set_watermark(self, series: str, moment: datetime) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT INTO series_state (series, watermark) VALUES (?, ?)"
                " ON CONFLICT(series) DO UPDATE SET watermark = excluded.watermark",
                (series, iso(moment)),
            )

    def abandon_running(self, reason: str, series: list[str] | None = None, triggers: tuple = ()) -> int:
        """Mark runs still 'running' (the process stopped under them) as failed; returns how many."""
        query = "UPDATE runs SET status = 'failed', error = ?, finished = ? WHERE status = 'running'"
        params = [reason, iso(utcnow())]
        for column, values in (("series", series or ()), ("trigger", triggers)):
            if values:
                query += f" AND {column} IN ({', '.join('?' * len(values))})"
                params += list(values)
        with self.conn:
            return self.conn.execute(query, params).rowcount


RUN_COLUMNS = "id, series, trigger, scheduled, started, finished, period_start, period_end, status, attempts, articles, files, markdown, error"
