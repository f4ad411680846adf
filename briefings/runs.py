"""One run of a scheduled briefing: ingest, generate, deliver, recorded in the history."""
from __future__ import annotations

import contextlib
import dataclasses
import importlib
import logging
import os
import shutil
import sqlite3
import tempfile
import threading
import time
from datetime import date, datetime
from pathlib import Path

from .deliver import Package, deliver_all, notify_failure, publish, smtp_settings, with_retries
from .series import Series, find_series, period_window
from .history import History, Run, iso
from .store import Store, day_span, store_problem

log = logging.getLogger(__name__)

class Abandoned(Exception):
    """The daemon is stopping; the run in hand is given up between stages."""


# ---- one run ----------------------------------------------------------------------------------


def archive_dir(config, series: Series) -> Path:
    """Where a series keeps every file it generated."""
    return Path(series.output) if series.output else Path(config.output) / series.name


def ingest_sources(store: Store, series: Series, config) -> list[str]:
    """Add the series' sources to the store before the run; returns the problems met (logged, not fatal)."""
    if not series.sources:
        return []
    try:
        ingest = importlib.import_module("briefings.sources.ingest").ingest
    except (ImportError, AttributeError):
        from .sources import read_paths

        result = read_paths([s for s in series.sources if "://" not in s], config=config)
        store.add_articles(result.articles)
        problems = result.problems
    else:
        problems = ingest(store, list(series.sources), config).problems
    for problem in problems:
        log.warning("%s: %s", series.name, problem)
    return [str(p) for p in problems]


def load_generate():
    """The real generate(), imported late: it pulls in matplotlib and WeasyPrint."""
    from .pipeline import generate

    return generate


def in_window(article, start: date, end: date) -> bool:
    first, last = day_span(article.date)
    return bool(first) and first <= end.isoformat() and last >= start.isoformat()


def run_once(config, series_name: str, *, start: date | None = None, end: date | None = None, period: str | None = None,
             dry_run: bool = False, now: datetime | None = None, scheduled: datetime | None = None,
             trigger: str = "manual", stop: threading.Event | None = None, generate=None, sleep=None,
             generate_lock=None) -> Run:
    """Run one briefing of a series now: the code path the daemon uses for every scheduled run."""
    series = find_series(config, series_name)
    now = now or datetime.now(series.zone)
    when = (scheduled or now).astimezone(series.zone)
    if start is None or end is None:
        window = period_window(period or series.period, when.date())
        start, end = start or window[0], end or window[1]
    # a dry run writes nothing, not even a new empty store
    store = Store(":memory:" if dry_run and not Path(config.store).exists() else config.store)
    try:
        if dry_run:
            return preview(config, series, store, start, end, when)
        with series_lock(config, series, wait=trigger != "manual"):
            history = History(store)
            run_id = history.begin(series.name, trigger, when, start, end)
            try:
                Runner(config, series, store, history, run_id, stop, generate, sleep, generate_lock).execute(start, end, now)
            except BaseException as exc:  # noqa: BLE001 — recorded, then re-raised for the caller to stop on
                if history.get(run_id).status == "running":
                    history.finish(run_id, "failed", f"interrupted: {type(exc).__name__}: {exc}")
                raise
            return history.get(run_id)
    finally:
        store.close()


@contextlib.contextmanager
def series_lock(config, series: Series, *, wait: bool):
    """An OS lock held for a whole run, so two processes (daemon and `briefings run`) never run one series at once."""
    try:
        import fcntl
    except ImportError:  # not POSIX: the daemon's own one-at-a-time rule still holds
        yield
        return
    store = Path(config.store)
    with open(store.parent / f".{store.name}.{series.name}.lock", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise ValueError(f"a run of '{series.name}' is already in progress; wait for it to finish") from None
        yield  # closing the file releases the lock, also when the process dies


def preview(config, series: Series, store: Store, start: date, end: date, when: datetime) -> Run:
    """What a run would do, without ingesting, writing or delivering anything."""
    from .sources import read_paths

    local = [s for s in series.sources if "://" not in s]
    found = {a.id: a for a in read_paths(local, config=config).articles if in_window(a, start, end)} if local else {}
    found.update({a.id: a for a in store.articles(start, end)})
    articles = sorted(found.values(), key=lambda a: (a.date or "", a.source, a.id))
    lines = [f"period {start} to {end} (run time {when.isoformat(timespec='minutes')})"]
    lines += [f"article {a.date} {a.source}: {a.title}" for a in articles] or ["no articles in this period"]
    lines += [f"would fetch {s}" for s in series.sources if "://" in s]
    lines.append(f"files into {archive_dir(config, series)} ({', '.join(series.formats)})")
    lines += [f"deliver to {t}" for t in series.deliver]
    if series.notify:
        lines.append(f"failure notice to {series.notify}")
    return Run(None, series.name, "dry-run", iso(when), start.isoformat(), end.isoformat(), "dry-run",
               articles=[a.id for a in articles], preview=lines)


class Runner:
    """The stages of one recorded run: ingest, generate with retries, archive, deliver, notify."""

    def __init__(self, config, series, store, history, run_id, stop, generate, sleep, lock=None):
        self.config, self.series, self.store, self.history, self.run_id = config, series, store, history, run_id
        # The daemon serialises generation: spaCy, matplotlib and WeasyPrint are not meant to be shared by threads.
        self.lock = lock or contextlib.nullcontext()
        self.stop = stop or threading.Event()
        self.generate = generate
        self.sleep = sleep or self.pause

    def pause(self, seconds: float) -> None:
        if self.stop.wait(seconds):
            raise Abandoned("stop requested while waiting to retry")

    def check(self, stage: str) -> None:
        if self.stop.is_set():
            raise Abandoned(f"stop requested before {stage}; the period will be produced after restart")

    def execute(self, start: date, end: date, now: datetime) -> None:
        series, history = self.series, self.history
        try:
            self.check("ingest")
            problems = ingest_sources(self.store, series, self.config)
            articles = self.store.articles(start, end)
            history.update(self.run_id, articles=[a.id for a in articles])
            if series.skip_if_no_new_articles and not {a.id for a in articles} - history.used_articles(series.name):
                history.finish(self.run_id, "skipped", f"no new articles for {start} to {end}")
                return
            self.check("generation")
            files, markdown, attempts, error = self.produce(start, end, now)
            history.update(self.run_id, attempts=attempts, files=[str(f) for f in files], markdown=markdown)
            if error:
                return self.fail(start, end, f"generation failed after {attempts} attempt(s): {error}")
            self.check("delivery")
            package = Package(series, self.run_id, start.isoformat(), end.isoformat(), tuple(files), markdown or "",
                              root=archive_dir(self.config, series))
            deliveries = deliver_all(package, smtp_settings(self.config), sleep=self.sleep)
            history.add_deliveries(self.run_id, deliveries)
            failed = [d for d in deliveries if d.status == "failed"]
            if failed:
                return self.fail(start, end, "; ".join(f"delivery to {d.target} failed: {d.error}" for d in failed))
            # A run that worked despite unreadable sources says so in its history instead of hiding it.
            note = f"{len(problems)} source problem(s): " + "; ".join(problems[:5]) if problems else None
            history.finish(self.run_id, "ok", note)
        except Abandoned as exc:
            history.finish(self.run_id, "failed", f"abandoned: {exc}")
            raise
        except Exception as exc:  # noqa: BLE001 — e.g. a source folder gone: recorded and notified, never silent
            if isinstance(exc, sqlite3.Error):  # the store, not the code: one line says what to do
                exc = RuntimeError(store_problem(exc, self.store.path))
                log.error("%s: run %s failed: %s", series.name, self.run_id, exc)
            else:
                log.exception("%s: run %s failed", series.name, self.run_id)
            self.fail(start, end, f"{type(exc).__name__}: {exc}")

    def fail(self, start: date, end: date, error: str) -> None:
        """Record the failure and send one notice (never one per retry)."""
        self.history.finish(self.run_id, "failed", error)
        notice = notify_failure(self.series, smtp_settings(self.config), run_id=self.run_id, start=start.isoformat(),
                                end=end.isoformat(), error=error, sleep=self.sleep)
        if notice:
            self.history.add_deliveries(self.run_id, [notice])

    def produce(self, start: date, end: date, now: datetime):
        """Generate into a staging folder with retries, then move the files into the archive by rename."""
        archive = archive_dir(self.config, self.series)
        archive.mkdir(parents=True, exist_ok=True)
        for stale in [*archive.glob(".staging-*"), *archive.glob(".ticket-*")]:  # left by a killed run; we hold the lock
            shutil.rmtree(stale, ignore_errors=True)
        generate = self.generate or load_generate()
        needs_ticket = any(t.kind in ("email", "webhook") for t in self.series.deliver)
        outcome: dict = {}
        issue = self.history.issue_number(self.series.name, self.run_id)

        # the briefing's "as of" is told in the series' own zone, the one its schedule runs in
        config = dataclasses.replace(self.config, timezone=self.series.timezone)

        def attempt() -> None:
            staging = Path(tempfile.mkdtemp(dir=archive, prefix=".staging-"))
            try:
                with self.lock:
                    result = generate(config, start=start, end=end, formats=self.series.formats, out_dir=staging,
                                      now=now, profile=self.series.profile, issue=issue, title=self.series.title,
                                      store=self.store)
                    markdown = result.markdown
                    if needs_ticket:
                        with tempfile.TemporaryDirectory(dir=archive, prefix=".ticket-") as ticket:
                            markdown = generate(
                                config, start=start, end=end, formats=("md",), out_dir=Path(ticket), now=now,
                                profile="ticket", issue=issue, title=self.series.title, store=self.store,
                            ).markdown
                outcome["markdown"] = markdown
                outcome["files"] = move_tree(staging, archive)
                publish(outcome["files"], archive, archive)
            finally:
                shutil.rmtree(staging, ignore_errors=True)

        attempts, error = with_retries(attempt, self.series.retries, self.series.retry_delay, self.sleep,
                                       f"{self.series.name} generation")
        return outcome.get("files", []), outcome.get("markdown"), attempts, error


def move_tree(staging: Path, archive: Path) -> list[Path]:
    """Move every file under `staging` to the same place under `archive`; each move is one atomic rename."""
    moved = []
    for source in sorted(p for p in staging.rglob("*") if p.is_file()):
        target = archive / source.relative_to(staging)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
        moved.append(target)
    # Markdown last in the list, PDF after it: latest.* then follow the main files
    return sorted(moved, key=lambda p: (p.suffix in (".md", ".pdf"), p.suffix, str(p)))


def resend(config, run_id: int, *, sleep=None) -> Run:
    """Deliver a past run's files again to its series' targets; the run becomes ok when every delivery succeeds."""
    store = Store(config.store)
    try:
        history = History(store)
        run = history.get(run_id)
        if run is None:
            raise ValueError(f"no run {run_id}; see `briefings history`")
        series = find_series(config, run.series)
        files = tuple(Path(f) for f in run.files)
        missing = [str(f) for f in files if not f.exists()]
        if not files or missing:
            raise ValueError(f"run {run_id} has no files to send" + (f" (missing: {', '.join(missing)})" if missing else ""))
        package = Package(series, run_id, run.start, run.end, files, run.markdown or "", root=archive_dir(config, series))
        deliveries = deliver_all(package, smtp_settings(config), sleep=sleep or time.sleep)
        history.add_deliveries(run_id, deliveries)
        failed = [d for d in deliveries if d.status == "failed"]
        if failed:
            history.update(run_id, error="; ".join(f"resend to {d.target} failed: {d.error}" for d in failed))
        else:
            history.update(run_id, status="ok", error=None)
        return history.get(run_id)
    finally:
        store.close()
