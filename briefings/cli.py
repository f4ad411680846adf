"""Command-line interface: parse arguments, build the config, call one function. No logic here."""
from __future__ import annotations

import argparse
import errno
import json
import logging
import sqlite3
import sys
from datetime import date, datetime, timezone
from pathlib import Path

from .config import Config, load_config
from .errors import BriefingsError
from .store import day_span, store_problem

log = logging.getLogger("briefings")


EARLIEST, LATEST = date(1900, 1, 1), date(9000, 12, 31)  # as ingest refuses pre-1900 dates; room for date sums


def parse_day(value: str, *, last: bool = False) -> date:
    """A YYYY-MM-DD day, or a YYYY-MM month (its first or last day), between 1900 and 9000."""
    try:
        first, final = day_span(value) if len(value) == 7 else (value, value)
        day = date.fromisoformat(final if last else first)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date; use YYYY-MM-DD or YYYY-MM") from None
    if not EARLIEST <= day <= LATEST:
        raise argparse.ArgumentTypeError(f"'{value}' is out of range; give a date from {EARLIEST} to {LATEST}")
    return day


def cmd_ingest(args, config: Config) -> int:
    from .sources.ingest import ingest
    from .store import Store

    store = Store(config.store)
    try:
        summary = ingest(store, args.paths, config)
    finally:
        store.close()
    for line in summary.lines():
        print(line)
    return 0 if summary.ingested or not summary.rejected_total else 1


def cmd_extract(args, config: Config) -> int:
    from .extract import SPAWN_MIN, extract_many
    from .extract.figures import distinct
    from .sources import read_paths

    records, articles = [], []
    for path in args.files:
        result = read_paths([path], config=config)
        for problem in result.problems + result.warnings:
            print(problem, file=sys.stderr)
        records.append({"path": path, "date": None, "figures": [], "quotes": [], "developments": []})
        if result.articles:
            records[-1]["date"] = result.articles[0].date
            articles.append((len(records) - 1, result.articles[0]))
        else:
            records[-1]["error"] = str(result.problems[0]) if result.problems else "no article found"
    workers = config.worker_count if len(articles) >= SPAWN_MIN else 1  # a process costs more than a few articles
    extracted = extract_many(config.pipeline, (a for _, a in articles), workers)
    done = {id(article): extraction for article, extraction in extracted}
    for n, article in articles:
        if id(article) in done:
            records[n].update(done[id(article)].to_json())
            records[n]["figures"] = [f.to_json() for f in distinct(done[id(article)].figures)]
    for record in records:
        print(json.dumps(record, ensure_ascii=False))
    return 1 if all("error" in r for r in records) else 0


def cmd_eval(args, config: Config) -> int:
    from .evaluate import evaluate
    from .evaluate_periods import evaluate_periods
    from .extract import load_pipeline

    report = evaluate_periods(config, args.gold) if args.periods else evaluate(load_pipeline(config.pipeline), args.gold)
    if args.verbose:
        for note in report.notes:
            print(note)
    if args.json:
        print(json.dumps(report.scores(), indent=2, sort_keys=True))
    else:
        print("\n".join(report.lines()))
    return 0


def has_dated_articles(config: Config) -> bool:
    from .store import Store

    store = Store(config.store)
    try:
        return store.date_range()[0] is not None
    finally:
        store.close()


def cmd_generate(args, config: Config) -> int:
    from .pipeline import generate

    if args.start is None and args.end is None and not has_dated_articles(config):
        raise BriefingsError(f"{config.store}: the store holds no dated articles; add some with "
                             "`briefings ingest PATH` (e.g. seeds/), or give --from and --to")
    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    bad = [f for f in formats if f not in ("md", "pdf", "json")]
    if bad:
        raise BriefingsError(f"unknown format {', '.join(bad)}; use --format with md, pdf and/or json")
    result = generate(
        config, start=args.start, end=args.end, formats=formats, out_dir=Path(args.out or config.output),
        now=datetime.now(timezone.utc).replace(microsecond=0), profile=args.profile, title=args.title,
    )
    if args.stdout:
        print(result.markdown)
    else:
        for path in result.paths:
            print(path)
    return 0


def positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number of at least 1")
    return int(value)


def show_progress(quiet: bool) -> None:
    """Progress of long runs ("extracted 120/2000 articles …") as plain lines on stderr, unless -q."""
    progress = logging.getLogger("briefings.progress")
    progress.propagate = False
    progress.setLevel(logging.ERROR if quiet else logging.INFO)
    if not progress.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        progress.addHandler(handler)


def add_global_options(parser: argparse.ArgumentParser, *, suppress: bool = False) -> None:
    """--config, --store, --pipeline and -q; on a subcommand they default to nothing, so a value given before the
    subcommand is kept and one given after it wins."""
    default = {"default": argparse.SUPPRESS} if suppress else {}
    parser.add_argument("--config", type=Path, help="briefings.toml to use (default: ./briefings.toml if present)",
                        **default)
    parser.add_argument("--store", type=Path, help="SQLite store (default: from config, else output/briefings.sqlite)",
                        **default)
    parser.add_argument("--pipeline", help="installed spaCy pipeline to use (default: from config)", **default)
    parser.add_argument("--workers", type=positive, metavar="N",
                        help="extraction processes (default: `workers` in config, else one per core)", **default)
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors on stderr", **default)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefings", description="Briefings from dated news articles.")
    add_global_options(parser)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("ingest", help="add article files or folders to the store")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(handler=cmd_ingest)

    p = sub.add_parser("extract", help="print extracted figures, quotes and developments as JSON lines")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="JSON lines output (the only format; kept for clarity)")
    p.set_defaults(handler=cmd_extract)

    p = sub.add_parser("eval", help="score extraction (or, with --periods, whole briefings) against gold JSONL files")
    p.add_argument("gold", nargs="+", metavar="GOLD.jsonl")
    p.add_argument("--periods", action="store_true", help="the files are period gold (*.periods.jsonl): score briefings")
    p.add_argument("-v", "--verbose", action="store_true", help="list every miss and extra")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(handler=cmd_eval)

    p = sub.add_parser("generate", help="write a briefing for a date range")
    p.add_argument("--from", dest="start", type=parse_day, help="first day (YYYY-MM-DD or YYYY-MM)")
    p.add_argument("--to", dest="end", type=lambda v: parse_day(v, last=True), help="last day (YYYY-MM-DD or YYYY-MM)")
    p.add_argument("--format", default="md,pdf", help="comma-separated: md, pdf, json (default md,pdf)")
    p.add_argument("--out", help="output folder (default: from config, else output/)")
    p.add_argument("--profile", choices=("full", "ticket"), default="full", help="full briefing or short ticket Markdown")
    p.add_argument("--stdout", action="store_true", help="print the Markdown instead of the file names")
    p.add_argument("--title", help="briefing title (default: from config)")
    p.set_defaults(handler=cmd_generate)

    try:
        from .cli_schedule import add_commands
    except ImportError:
        pass
    else:
        add_commands(sub)
    for command in sub.choices.values():  # `briefings ingest x --store s.db` as well as `briefings --store s.db ingest x`
        add_global_options(command, suppress=True)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.ERROR if args.quiet else logging.WARNING, format="%(levelname)s: %(message)s")
    config = None
    try:
        config = load_config(args.config, required=args.config is not None)
        config = config.replace(store=args.store, pipeline=args.pipeline, workers=getattr(args, "workers", None))
        show_progress(args.quiet)
        return args.handler(args, config)
    except BriefingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except sqlite3.Error as exc:  # the store failed mid-command; each article was its own transaction, so none is lost
        print(f"error: {store_problem(exc, config.store if config else args.store)}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {disk_problem(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def disk_problem(exc: OSError) -> str:
    """One line for a file that could not be written or read: which, why, and what to do."""
    where = exc.filename or "a file"
    reason = exc.strerror or str(exc)
    if exc.errno == errno.ENOSPC:
        advice = "free space on that disk, or write elsewhere (--out, --store)"
    elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        advice = "choose a writable folder (--out, --store) or fix the permissions"
    else:
        advice = "check the path and the disk"
    return f"{where}: {reason} — {advice}"


if __name__ == "__main__":
    sys.exit(main())
