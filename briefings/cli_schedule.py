"""CLI commands for scheduled briefings: schedule, run, history, resend. Thin: each calls one function."""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from dataclasses import asdict
from datetime import datetime, timezone

from .cli import parse_day
from .errors import BriefingsError
from .series import check_period

log = logging.getLogger(__name__)


def period_phrase(value: str) -> str:
    try:
        return check_period(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_commands(sub) -> None:
    """Add schedule, run, history and resend to the main parser's subcommands."""
    p = sub.add_parser("schedule", help="run every [[briefing]] on its schedule until stopped (SIGTERM/SIGINT)")
    p.add_argument("--poll", type=float, default=20.0, help="seconds between checks (default 20)")
    p.add_argument("--grace", type=float, default=60.0, help="seconds a run in hand may take to finish on stop")
    p.add_argument("--list", action="store_true", help="print each briefing's next run time and exit")
    p.set_defaults(handler=cmd_schedule)

    p = sub.add_parser("run", help="run one briefing now, exactly as the scheduler would")
    p.add_argument("name", metavar="NAME")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--period", type=period_phrase, help="e.g. previous-week, last-7-days (default: the briefing's)")
    group.add_argument("--from", dest="start", type=parse_day, help="first day (YYYY-MM-DD or YYYY-MM)")
    p.add_argument("--to", dest="end", type=lambda v: parse_day(v, last=True), help="last day (with --from)")
    p.add_argument("--dry-run", action="store_true", help="show the period, articles and targets; write nothing")
    p.set_defaults(handler=cmd_run)

    p = sub.add_parser("history", help="past runs: period, status, articles, files, deliveries, errors")
    p.add_argument("name", nargs="?", metavar="NAME")
    p.add_argument("--limit", type=int, default=20, help="newest N runs (default 20)")
    p.add_argument("--json", action="store_true", help="one JSON object per run")
    p.set_defaults(handler=cmd_history)

    p = sub.add_parser("resend", help="deliver a past run's files again")
    p.add_argument("run_id", type=int, metavar="RUN_ID")
    p.set_defaults(handler=cmd_resend)


def need_series(config) -> None:
    if not config.series:
        raise BriefingsError(f"no [[briefing]] tables in {config.path or 'briefings.toml'}; add one (see README)")


def cmd_schedule(args, config) -> int:
    from .schedule import Daemon, upcoming

    need_series(config)
    for series, moment in upcoming(config):
        print(f"{series.name}: next run {moment.isoformat(timespec='minutes')} ({series.every_text}, {series.timezone})")
    if args.list:
        return 0
    if not getattr(args, "quiet", False):  # a daemon should say when it ran what
        logging.getLogger("briefings.schedule").setLevel(logging.INFO)
    daemon = Daemon(config, poll=args.poll, grace=args.grace)
    code = daemon.run_forever()
    if daemon.busy():
        # A run outlived the grace time inside spaCy, matplotlib or WeasyPrint. A normal exit would tear its thread
        # down during interpreter shutdown, which native code answers with SIGABRT ("terminate called without an
        # active exception"). The run is already recorded as abandoned and every store write is a transaction,
        # so leave at once, as a kill would, without touching that thread.
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


def cmd_run(args, config) -> int:
    from .runs import run_once

    need_series(config)
    if (args.start is None) != (args.end is None):
        raise BriefingsError("give both --from and --to, or neither")
    try:
        run = run_once(config, args.name, start=args.start, end=args.end, period=args.period, dry_run=args.dry_run)
    except ValueError as exc:
        raise BriefingsError(str(exc)) from None
    if args.dry_run:
        print("\n".join(run.preview))
        return 0
    print(describe(run, config))
    return 1 if run.status == "failed" else 0


def cmd_history(args, config) -> int:
    from .history import History
    from .store import Store

    store = Store(config.store)
    try:
        runs = History(store).list(args.name, limit=args.limit)
    finally:
        store.close()
    if args.json:
        for run in runs:
            print(json.dumps({k: v for k, v in asdict(run).items() if k not in ("markdown", "preview")}))
        return 0
    if not runs:
        print(f"no runs recorded{' for ' + args.name if args.name else ''} in {config.store}")
    for run in runs:
        print(describe(run, config))
    return 0


def cmd_resend(args, config) -> int:
    from .runs import resend

    try:
        run = resend(config, args.run_id)
    except ValueError as exc:
        raise BriefingsError(str(exc)) from None
    print(describe(run, config))
    return 0 if run.status == "ok" else 1


def describe(run, config=None) -> str:
    """A few lines about one run, for history and run output; times in the series' own time zone."""
    zones = {s.name: s.zone for s in config.series} if config is not None else {}
    when = datetime.fromisoformat(run.scheduled).astimezone(zones.get(run.series, timezone.utc))
    when = when.strftime("%Y-%m-%d %H:%M %Z")
    lines = [f"#{run.id} {run.series} {run.status.upper()} scheduled {when} ({run.trigger}) period {run.start}..{run.end}"
             f" articles {len(run.articles)} attempts {run.attempts}"]
    lines += [f"  file {path}" for path in run.files]
    lines += [f"  deliver {d.target}: {d.status} after {d.attempts} attempt(s)" + (f" - {d.error}" if d.error else "")
              for d in run.deliveries]
    if run.error:
        lines.append(f"  {'note' if run.status in ('ok', 'skipped', 'missed') else 'error'}: {run.error}")
    return "\n".join(lines)
