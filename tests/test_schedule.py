"""The daemon: local times across DST, catch-up after downtime, one run at a time, isolation, real loop, signals."""
import os
import signal
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from briefings.history import History
from briefings.schedule import Daemon, due_times, next_time
from briefings.series import parse_every
from briefings.store import Store

from runkit import Clock, StandIn, wait_for, write_config

NY, BERLIN, ISTANBUL = ZoneInfo("America/New_York"), ZoneInfo("Europe/Berlin"), ZoneInfo("Europe/Istanbul")
UTC = timezone.utc
TESTS = Path(__file__).resolve().parent


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def times(phrase, zone, after, until):
    return [t.astimezone(UTC) for t in due_times(parse_every(phrase), zone, after, until)]


def test_daily_run_keeps_local_time_across_spring_forward():
    runs = times("day at 07:00", NY, utc(2026, 3, 7), utc(2026, 3, 10))
    assert runs == [utc(2026, 3, 7, 12), utc(2026, 3, 8, 11), utc(2026, 3, 9, 11)]
    assert all(t.astimezone(NY).hour == 7 for t in runs)


def test_time_skipped_by_dst_runs_once_after_the_jump():
    runs = times("day at 02:30", NY, utc(2026, 3, 7, 12), utc(2026, 3, 9, 12))
    assert [t.astimezone(NY).strftime("%m-%d %H:%M %Z") for t in runs] == ["03-08 03:30 EDT", "03-09 02:30 EDT"]


def test_time_repeated_by_dst_runs_once_the_first_time():
    runs = times("day at 02:30", BERLIN, utc(2026, 10, 24, 12), utc(2026, 10, 26, 12))
    assert runs == [utc(2026, 10, 25, 0, 30), utc(2026, 10, 26, 1, 30)]  # CEST on the 25th, then CET


def test_hourly_runs_neither_skip_nor_repeat_over_fall_back():
    runs = times("hour", BERLIN, utc(2026, 10, 24, 22), utc(2026, 10, 25, 23))  # 25 local hours that day
    assert len(runs) == 25 == len(set(runs))
    assert all(b - a == timedelta(hours=1) for a, b in zip(runs, runs[1:]))


def test_weekly_monthly_weekday_and_istanbul_without_dst():
    assert next_time(parse_every("monday at 07:00"), ISTANBUL, utc(2026, 11, 23, 4, 0)) == utc(2026, 11, 30, 4)
    assert next_time(parse_every("monday at 07:00"), ISTANBUL, utc(2026, 7, 1)) == utc(2026, 7, 6, 4)
    assert next_time(parse_every("month on 31 at 08:00"), BERLIN, utc(2026, 2, 1)) == utc(2026, 2, 28, 7)
    friday = utc(2026, 11, 27, 12)
    assert next_time(parse_every("weekday at 07:30"), BERLIN, friday) == utc(2026, 11, 30, 6, 30)


DAILY = """
[[briefing]]
name = "daily"
every = "day at 07:00"
timezone = "Europe/Berlin"
period = "previous-day"
retry_delay = 0.01
catch_up = "{policy}"
"""


def daemon(config, clock, generate, **options):
    return Daemon(config, clock=clock, poll=0.1, grace=2, runner_options={"generate": generate, **options})


def settle(d: Daemon) -> None:
    for thread in list(d.workers.values()):
        thread.join(10)


def runs_of(config):
    store = Store(config.store)
    try:
        return History(store).list()
    finally:
        store.close()


def downtime(tmp_path, policy):
    """Run once on 27 March, stop, restart on 31 March after the DST change: four runs were missed."""
    config = write_config(tmp_path, DAILY.format(policy=policy))
    clock, generate = Clock(datetime(2026, 3, 27, 6, 59, tzinfo=BERLIN)), StandIn()
    first = daemon(config, clock, generate)
    first.start_up()
    clock.set(datetime(2026, 3, 27, 7, 0, 30, tzinfo=BERLIN))
    first.tick()
    settle(first)
    clock.set(datetime(2026, 3, 31, 9, 0, tzinfo=BERLIN))
    second = daemon(config, clock, generate)
    second.start_up()
    second.tick()
    settle(second)
    return runs_of(config), generate


def test_catch_up_all_produces_each_missed_period_once_in_order(tmp_path):
    runs, generate = downtime(tmp_path, "all")
    assert [(r.start, r.status, r.trigger) for r in runs] == [
        ("2026-03-26", "ok", "schedule"),
        ("2026-03-27", "ok", "catch-up"),
        ("2026-03-28", "ok", "catch-up"),
        ("2026-03-29", "ok", "catch-up"),
        ("2026-03-30", "ok", "catch-up"),
    ]
    # 07:00 in Berlin is 06:00 UTC before the change on 29 March and 05:00 UTC after it
    assert [r.scheduled[11:16] for r in runs] == ["06:00", "06:00", "05:00", "05:00", "05:00"]
    assert len(generate.calls) == 5


def test_catch_up_latest_records_the_others_as_missed(tmp_path):
    runs, generate = downtime(tmp_path, "latest")
    assert [(r.start, r.status) for r in runs] == [
        ("2026-03-26", "ok"), ("2026-03-27", "missed"), ("2026-03-28", "missed"), ("2026-03-29", "missed"),
        ("2026-03-30", "ok"),
    ]
    assert "catch_up = \"latest\"" in runs[1].error


def test_catch_up_none_runs_nothing_until_the_next_time(tmp_path):
    runs, generate = downtime(tmp_path, "none")
    assert [r.status for r in runs] == ["ok", "missed", "missed", "missed", "missed"]
    assert len(generate.calls) == 1


def test_restart_without_downtime_repeats_nothing(tmp_path):
    config = write_config(tmp_path, DAILY.format(policy="all"))
    clock, generate = Clock(datetime(2026, 6, 1, 6, 0, tzinfo=BERLIN)), StandIn()
    for moment in (datetime(2026, 6, 1, 7, 0, 5, tzinfo=BERLIN), datetime(2026, 6, 1, 8, 0, tzinfo=BERLIN)):
        d = daemon(config, clock, generate)
        d.start_up()
        clock.set(moment)
        d.tick()
        settle(d)
    assert [r.start for r in runs_of(config)] == ["2026-05-31"]


def test_long_run_neither_skips_nor_doubles_the_next(tmp_path):
    config = write_config(tmp_path, DAILY.format(policy="all"))
    clock = Clock(datetime(2026, 6, 1, 6, 0, tzinfo=BERLIN))
    generate = StandIn(gate=threading.Event())
    d = daemon(config, clock, generate)
    d.start_up()
    clock.set(datetime(2026, 6, 1, 7, 0, 1, tzinfo=BERLIN))
    d.tick()
    assert generate.entered.wait(5)
    clock.set(datetime(2026, 6, 2, 7, 0, 1, tzinfo=BERLIN))  # the next run falls due while the first still runs
    d.tick()
    d.tick()
    assert d.busy() == ["daily"] and len(generate.calls) == 1
    generate.gate.set()
    settle(d)
    d.tick()
    settle(d)
    d.tick()
    settle(d)
    assert [(r.start, r.status) for r in runs_of(config)] == [("2026-05-31", "ok"), ("2026-06-01", "ok")]


def test_a_run_that_fails_while_a_stop_is_requested_is_not_repeated_after_restart(tmp_path):
    config = write_config(tmp_path, DAILY.format(policy="all"))
    clock = Clock(datetime(2026, 6, 1, 6, 0, tzinfo=BERLIN))
    generate = StandIn(gate=threading.Event(), fail_times=9)
    d = daemon(config, clock, generate)
    d.start_up()
    clock.set(datetime(2026, 6, 1, 7, 0, 1, tzinfo=BERLIN))
    d.tick()
    assert generate.entered.wait(5)
    d.stop("test stop")  # the run in hand goes on to its end (here: failed after its retries)
    generate.gate.set()
    settle(d)
    clock.set(datetime(2026, 6, 1, 7, 30, tzinfo=BERLIN))
    again = daemon(config, clock, StandIn())
    again.start_up()
    again.tick()
    settle(again)
    assert [(r.start, r.status) for r in runs_of(config)] == [("2026-05-31", "failed")]
    assert "renderer crashed" in runs_of(config)[0].error


def test_a_failing_briefing_never_stops_the_others(tmp_path):
    text = DAILY.format(policy="all") + DAILY.format(policy="all").replace('"daily"', '"other"').replace(
        'period = "previous-day"', 'period = "previous-day"\ntitle = "Broken"\nretries = 1')
    config = write_config(tmp_path, text)
    clock = Clock(datetime(2026, 6, 1, 6, 0, tzinfo=BERLIN))
    d = daemon(config, clock, StandIn(fail_titles=("Broken",)))
    d.start_up()
    for day in (1, 2):
        clock.set(datetime(2026, 6, day, 7, 0, 1, tzinfo=BERLIN))
        d.tick()
        settle(d)
    outcome = sorted((r.series, r.start, r.status, r.attempts) for r in runs_of(config))
    assert outcome == [
        ("daily", "2026-05-31", "ok", 1), ("daily", "2026-06-01", "ok", 1),
        ("other", "2026-05-31", "failed", 2), ("other", "2026-06-01", "failed", 2),
    ]
    failed = [r for r in runs_of(config) if r.status == "failed"]
    assert all("cannot render Broken" in r.error for r in failed)


def shifted_clock(start: datetime):
    """Real time, moving at real speed, from `start`: the daemon runs for real but need not wait till 07:00."""
    origin = datetime.now(UTC)
    return lambda: start.astimezone(UTC) + (datetime.now(UTC) - origin)


def test_real_daemon_loop_runs_on_time_and_stops_cleanly(tmp_path):
    config = write_config(tmp_path, DAILY.format(policy="all"))
    # Two seconds before 07:00, so a slow start on a loaded machine still checks "nothing early".
    d = daemon(config, shifted_clock(datetime(2026, 6, 1, 6, 59, 58, tzinfo=BERLIN)), StandIn())
    result = {}
    thread = threading.Thread(target=lambda: result.setdefault("code", d.run_forever(install_signals=False)))
    thread.start()
    try:
        assert not wait_for(lambda: runs_of(config), 0.5)  # nothing before 07:00
        assert wait_for(lambda: [r.status for r in runs_of(config)] == ["ok"], 8)
    finally:
        d.stop("test over")
        thread.join(5)
    assert result == {"code": 0}
    run = runs_of(config)[0]
    assert run.start == "2026-05-31" and run.scheduled.startswith("2026-06-01T05:00")
    assert (tmp_path / "out" / "daily" / "latest.md").read_text().startswith("# Situation briefing 2026-05-31 to 2026-05-31")


CHILD = """
import sys
sys.path.insert(0, {tests!r})
from datetime import datetime
from zoneinfo import ZoneInfo
from briefings.config import load_config
from briefings.schedule import Daemon
from runkit import StandIn
from test_schedule import shifted_clock
import threading, time

class Slow(StandIn):
    def __call__(self, *args, **kwargs):
        print("generating", flush=True)
        time.sleep({seconds})
        return super().__call__(*args, **kwargs)

config = load_config({config!r})
clock = shifted_clock(datetime(2026, 6, 1, 7, 0, 0, tzinfo=ZoneInfo("Europe/Berlin")))
daemon = Daemon(config, clock=clock, poll=0.1, grace={grace}, runner_options={{"generate": Slow()}})
from briefings.history import History
from briefings.store import Store
History(Store(config.store)).set_watermark("daily", datetime(2026, 6, 1, 6, 59, tzinfo=ZoneInfo("Europe/Berlin")))
sys.exit(daemon.run_forever())
"""


def stop_child_during_run(tmp_path, seconds, grace):
    config = write_config(tmp_path, DAILY.format(policy="all"))
    script = CHILD.format(tests=str(TESTS), seconds=seconds, grace=grace, config=str(config.path))
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(TESTS)})
    try:
        assert child.stdout.readline().strip() == "generating"
        child.send_signal(signal.SIGTERM)
        code = child.wait(10)
    finally:
        child.kill()
    return code, runs_of(config), child.stderr.read()


def test_sigterm_lets_the_run_in_hand_finish_within_grace(tmp_path):
    code, runs, err = stop_child_during_run(tmp_path, seconds=0.5, grace=5)
    assert code == 0, err
    assert [(r.start, r.status) for r in runs] == [("2026-05-31", "ok")]
    assert "stopped by SIGTERM" in err


def test_sigterm_records_an_abandoned_run_which_is_caught_up_after_restart(tmp_path):
    code, runs, err = stop_child_during_run(tmp_path, seconds=3, grace=0.2)
    assert code == 0, err
    [run] = runs
    assert run.status == "failed" and "SIGTERM" in run.error and "abandoned" in run.error
    config = write_config(tmp_path, DAILY.format(policy="all"))
    d = daemon(config, Clock(datetime(2026, 6, 1, 7, 30, tzinfo=BERLIN)), StandIn())
    d.start_up()
    d.tick()
    settle(d)
    assert [(r.start, r.status) for r in runs_of(config)] == [("2026-05-31", "failed"), ("2026-05-31", "ok")]


def test_hourly_catch_up_collapses_to_one_run_per_period():
    from briefings.schedule import catch_up_plan
    from briefings.series import Series

    hourly = Series(name="h", every=parse_every("hour"), every_text="hour", period="previous-day", timezone="Europe/Berlin")
    missed = times("hour", BERLIN, utc(2026, 6, 1, 20), utc(2026, 6, 3, 2))  # 30 hours across three local days
    to_run, to_skip = catch_up_plan(hourly, missed)
    assert to_skip == []
    assert [t.astimezone(BERLIN).strftime("%m-%d %H:%M") for t in to_run] == ["06-01 23:00", "06-02 23:00", "06-03 04:00"]


def test_cli_schedule_list_shows_next_local_times(tmp_path, capsys):
    from briefings.cli import main

    config = write_config(tmp_path, DAILY.format(policy="all"))
    assert main(["--config", str(config.path), "schedule", "--list"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("daily: next run ") and "T07:00+0" in line and "Europe/Berlin" in line
