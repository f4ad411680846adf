"""The daemon: every series at its local time, one run at a time each, in worker threads, with catch-up."""
from __future__ import annotations

import logging
import signal
import threading
from datetime import date, datetime, time, timedelta, timezone
from time import monotonic
from typing import Callable, Iterator

import schedule as schedule_lib

from .history import History
from .runs import Abandoned, run_once
from .series import Every, Series, month_day, period_window
from .store import Store

log = logging.getLogger(__name__)


# ---- when runs are due -----------------------------------------------------------------------


def local_moment(day: date, at: time, zone) -> datetime:
    """`at` on `day` in `zone`: a time skipped by a DST jump moves forward by the jump; a repeated one runs once, the first time."""
    naive = datetime.combine(day, at)
    moment = naive.replace(tzinfo=zone, fold=0)
    # Round-trip through UTC to land on a real instant when the wall time does not exist.
    return moment.astimezone(timezone.utc).astimezone(zone)


def day_matches(every: Every, day: date) -> bool:
    if every.unit == "day":
        return True
    if every.unit == "weekday":
        return day.weekday() < 5
    if every.unit == "week":
        return day.weekday() == every.weekday
    return day == month_day(day.year, day.month, every.day)


def due_times(every: Every, zone, after: datetime, until: datetime) -> Iterator[datetime]:
    """Scheduled instants in (after, until], oldest first, as aware times in `zone`."""
    if every.unit == "hour":
        # Hours are counted in UTC so a DST change neither skips nor repeats one.
        start = after.astimezone(zone).replace(minute=every.minute, second=0, microsecond=0).astimezone(timezone.utc)
        while start <= after:
            start += timedelta(hours=1)
        while start <= until:
            yield start.astimezone(zone)
            start += timedelta(hours=1)
        return
    at = time(every.hour, every.minute)
    day = after.astimezone(zone).date() - timedelta(days=1)
    last = until.astimezone(zone).date() + timedelta(days=1)
    while day <= last:
        if day_matches(every, day):
            moment = local_moment(day, at, zone)
            if after < moment <= until:
                yield moment
        day += timedelta(days=1)


def next_time(every: Every, zone, after: datetime) -> datetime:
    """The first scheduled instant after `after`."""
    horizon = after + timedelta(days=32)
    return next(due_times(every, zone, after, horizon))


def period_of(series: Series, moment: datetime) -> tuple[date, date]:
    """The period a run at `moment` covers, from the local date in the series' time zone."""
    return period_window(series.period, moment.astimezone(series.zone).date())


def catch_up_plan(series: Series, missed: list[datetime]) -> tuple[list[datetime], list[datetime]]:
    """(times to run, times to record as missed) for times missed while the daemon was down."""
    if series.catch_up == "none":
        return [], missed
    if series.catch_up == "latest":
        return missed[-1:], missed[:-1]
    # One run per period, the latest time for each, in order; hourly runs of a daily period collapse into one.
    last_for: dict = {}
    for moment in missed:
        last_for[period_of(series, moment)] = moment
    return sorted(last_for.values()), []


# ---- the daemon ------------------------------------------------------------------------------


def system_clock() -> datetime:
    return datetime.now(timezone.utc)


class Daemon:
    """Runs every configured series on time; `clock` returns the current aware time (tests inject one)."""

    def __init__(self, config, *, clock: Callable[[], datetime] = system_clock, poll: float = 20.0,
                 grace: float = 60.0, runner=run_once, runner_options: dict | None = None):
        self.config = config
        self.clock = clock
        self.poll = poll
        self.grace = grace
        self.runner = runner
        self.runner_options = runner_options or {}
        self.stopping = threading.Event()  # no new runs start
        self.aborting = threading.Event()  # grace is over: runs in hand give up at the next stage
        self.reason = "stop requested"
        self.workers: dict[str, threading.Thread] = {}
        self.catching_up: dict[str, datetime] = {}  # series -> start-up time, until its missed runs are planned
        self.lock = threading.Lock()
        self.generate_lock = threading.Lock()  # one generation at a time across series; runs stay separate

    def history(self) -> tuple[Store, History]:
        store = Store(self.config.store)
        return store, History(store)

    def start_up(self) -> None:
        """Close runs a previous process left open; start a watermark for series never seen before."""
        now = self.clock()
        store, history = self.history()
        try:
            closed = history.abandon_running("interrupted: the process stopped during the run; caught up after restart",
                                             triggers=("schedule", "catch-up"))
            if closed:
                log.warning("marked %d unfinished run(s) from a previous process as failed", closed)
            for series in self.config.series:
                if history.watermark(series.name) is None:
                    history.set_watermark(series.name, now)
                self.catching_up[series.name] = now
        finally:
            store.close()

    def tick(self) -> None:
        """Start a worker for each series that is due and not already running."""
        if self.stopping.is_set():
            return
        try:
            self.start_due()
        except Exception:  # noqa: BLE001 — e.g. the store is locked for a moment: try again next tick
            log.exception("scheduler check failed; retrying at the next tick")

    def start_due(self) -> None:
        now = self.clock()
        store, history = self.history()
        try:
            for series in self.config.series:
                with self.lock:
                    worker = self.workers.get(series.name)
                    if worker is not None and worker.is_alive():
                        continue  # one run at a time; what falls due meanwhile stays due
                    since = history.watermark(series.name) or now
                    due = list(due_times(series.every, series.zone, since, now))
                    if not due:
                        continue
                    thread = threading.Thread(target=self.work, args=(series, due), name=f"briefing-{series.name}",
                                              daemon=True)
                    self.workers[series.name] = thread
                    thread.start()
        finally:
            store.close()

    def work(self, series: Series, due: list[datetime]) -> None:
        """Handle due times of one series in order, each run recorded; errors never leave the thread."""
        store, history = self.history()
        try:
            started = self.catching_up.pop(series.name, None)
            missed = [t for t in due if started is not None and t <= started]
            to_run, to_skip = catch_up_plan(series, missed)
            plan = [(t, "catch-up") for t in to_run] + [(t, "schedule") for t in due if t not in missed]
            for moment in to_skip:
                start, end = period_of(series, moment)
                history.record_missed(series.name, moment, start, end,
                                      f"the daemon was not running; catch_up = \"{series.catch_up}\"")
            earlier = [t for t in to_skip if not plan or t < plan[0][0]]
            if earlier:
                history.set_watermark(series.name, max(earlier))
            for moment, trigger in plan:
                if self.stopping.is_set():
                    return  # not handled: still due after the restart
                if trigger == "catch-up" and history.produced(series.name, *period_of(series, moment)):
                    log.info("%s: period of %s already produced; not repeated", series.name, moment)
                elif not self.run(series, moment, trigger):
                    return  # abandoned on stop: still due after the restart
                # a finished run (ok or failed) is done with, also when a stop came meanwhile: never repeated
                history.set_watermark(series.name, moment)
            if due and not plan:
                history.set_watermark(series.name, due[-1])
        except Exception:  # noqa: BLE001 — a broken series must never stop the others
            log.exception("%s: the scheduler worker failed", series.name)
        finally:
            store.close()

    def run(self, series: Series, moment: datetime, trigger: str) -> bool:
        """One run; False when it was abandoned on stop (and so must happen after the restart)."""
        try:
            run = self.runner(self.config, series.name, scheduled=moment, now=self.clock(), trigger=trigger,
                              stop=self.aborting, generate_lock=self.generate_lock, **self.runner_options)
            log.info("%s: run %s for %s..%s: %s", series.name, run.id, run.start, run.end, run.status)
        except Abandoned:
            log.warning("%s: run at %s abandoned on stop; it will run after restart", series.name, moment)
            return False
        except Exception:  # noqa: BLE001 — recorded by run_once; the next scheduled run still happens
            log.exception("%s: run at %s failed", series.name, moment)
        return True

    def stop(self, reason: str = "stop requested") -> None:
        self.reason = reason
        self.stopping.set()

    def busy(self) -> list[str]:
        return [name for name, thread in self.workers.items() if thread.is_alive()]

    def run_forever(self, *, install_signals: bool = True) -> int:
        """The loop: `schedule` ticks every `poll` seconds until SIGTERM/SIGINT, then runs in hand finish or are recorded."""
        if install_signals and threading.current_thread() is threading.main_thread():
            for number in (signal.SIGTERM, signal.SIGINT):
                signal.signal(number, lambda signum, frame: self.stop(f"stopped by {signal.Signals(signum).name}"))
        self.start_up()
        ticker = schedule_lib.Scheduler()
        ticker.every(self.poll).seconds.do(self.tick)
        self.tick()
        while not self.stopping.is_set():
            ticker.run_pending()
            self.stopping.wait(max(0.05, min(self.poll, ticker.idle_seconds or self.poll)))
        return self.shut_down()

    def shut_down(self) -> int:
        """Wait up to `grace` seconds for runs in hand; record those still going as abandoned."""
        deadline = monotonic() + self.grace
        for thread in list(self.workers.values()):
            thread.join(max(0.0, deadline - monotonic()))
        if self.busy():
            self.aborting.set()
            for thread in list(self.workers.values()):
                thread.join(0.5)
        stuck = self.busy()
        if stuck:
            store, history = self.history()
            try:
                history.abandon_running(f"abandoned: {self.reason} while running; it will run again after restart", stuck,
                                        triggers=("schedule", "catch-up"))
            finally:
                store.close()
        log.warning("scheduler stopped (%s)%s", self.reason, f"; abandoned: {', '.join(stuck)}" if stuck else "")
        return 0


def upcoming(config, now: datetime | None = None) -> list[tuple[Series, datetime]]:
    """Each series with its next scheduled time, soonest first."""
    now = now or system_clock()
    return sorted(((s, next_time(s.every, s.zone, now)) for s in config.series), key=lambda pair: pair[1])
