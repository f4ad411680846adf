"""Benchmark: how aggregation grows with the period, and extraction throughput with one process against several.

Run:  .venv/bin/python benchmarks/bench_scale.py [--runs 5] [--per-day 70] [--days 7,15,30,60,120]
                                                [--articles 200] [--workers N] [--skip-extraction]

Aggregation: a seeded synthetic corpus (tests/scale_corpus.py: sentences of the project's own held-out articles,
events, counts, places and dates drawn at random, each event told by several outlets) at a fixed number of
articles per day, aggregated (dedupe, incidents, series, tallies, the previous period's figures) for periods
of growing length, in CPU time (the cores are shared). Near-linear growth shows as a flat time per article and a log-log slope near 1.
Extraction: the held-out articles (written for this project), repeated to --articles, through bare `nlp.pipe`,
`extract_many` in one process, and in --workers processes (start-up included). Medians of --runs, as ratios,
since machines are shared and absolute times are noisy. Outside CI; no timed unit tests.
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from scale_corpus import corpus  # noqa: E402

from briefings.aggregate import Gathered, aggregate  # noqa: E402
from briefings.config import Config  # noqa: E402
from briefings.extract import cpu_count, extract_many, load_pipeline, within_limit  # noqa: E402
from briefings.models import Article  # noqa: E402

NOW = datetime(2024, 12, 1, tzinfo=timezone.utc)
FIRST = date(2024, 1, 1)


def timed(action, clock=time.perf_counter) -> float:
    began = clock()
    action()
    return clock() - began


def aggregation(days: int, per_day: int, runs: int) -> tuple[int, float]:
    """Median CPU seconds to aggregate a period of `days` days (its previous period of the same length included)."""
    pairs = corpus(2 * days * per_day, FIRST, 2 * days)
    start = FIRST + timedelta(days=days)
    end = start + timedelta(days=days - 1)
    dated = [(a, e) for a, e in pairs if a.date]
    current = [a for a, _ in dated if a.date >= start.isoformat()]
    previous = [a for a, _ in dated if a.date < start.isoformat()]
    extractions = {a.id: e for a, e in pairs}
    gathered = Gathered(articles=current, extractions=extractions, previous=previous, previous_extractions=extractions)
    go = lambda: aggregate(gathered, title="t", start=start, end=end, now=NOW)  # noqa: E731
    return len(current), statistics.median(timed(go, time.process_time) for _ in range(runs))  # CPU: others share the cores


def heldout(n: int) -> list[Article]:
    """The project's held-out articles, repeated (with their own ids) to n."""
    rows = [json.loads(line) for path in sorted((ROOT / "tests" / "fixtures").glob("heldout*/heldout*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Article(f"a{i}", rows[i % len(rows)]["text"], rows[i % len(rows)].get("date") or "2024-01-01", "t", "s")
            for i in range(n)]


def extraction(n: int, workers: int, runs: int) -> dict[str, float]:
    """Median articles per second: bare nlp.pipe, extract_many in one process, and in `workers` processes."""
    pipeline = Config().pipeline
    items = heldout(n)
    nlp = load_pipeline(pipeline)
    list(nlp.pipe(a.text for a in items[:4]))  # warm up
    texts = [within_limit(a).text for a in items]
    rate = lambda action: n / timed(action)  # noqa: E731
    return {
        "bare nlp.pipe": statistics.median(rate(lambda: list(nlp.pipe(texts, batch_size=16))) for _ in range(runs)),
        "1 process": statistics.median(rate(lambda: list(extract_many(pipeline, items, 1))) for _ in range(runs)),
        f"{workers} processes": statistics.median(rate(lambda: list(extract_many(pipeline, items, workers)))
                                                  for _ in range(runs)),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--per-day", type=int, default=70, help="articles per day in the synthetic corpus")
    parser.add_argument("--days", default="7,15,30,60,120", help="period lengths to aggregate")
    parser.add_argument("--articles", type=int, default=200, help="articles to extract")
    parser.add_argument("--workers", type=int, default=cpu_count())
    parser.add_argument("--skip-extraction", action="store_true")
    args = parser.parse_args(argv)

    print(f"aggregation, {args.per_day} articles a day, median of {args.runs}:")
    rows = [(days, *aggregation(days, args.per_day, args.runs)) for days in map(int, args.days.split(","))]
    base_n, base_t = rows[0][1], rows[0][2]
    for days, n, seconds in rows:
        print(f"  {days:4d} days  {n:6d} articles  {seconds:7.2f} CPU-s  {1000 * seconds / n:6.2f} ms/article  "
              f"size x{n / base_n:5.1f}  time x{seconds / base_t:6.1f}")
    slope = math.log(rows[-1][2] / base_t) / math.log(rows[-1][1] / base_n) if len(rows) > 1 else float("nan")
    print(f"  growth exponent (log time / log size, first to last): {slope:.2f}  (1.0 is linear, 2.0 quadratic)")
    if args.skip_extraction:
        return 0
    runs = max(1, min(args.runs, 3))
    rates = extraction(args.articles, args.workers, runs)
    bare = rates["bare nlp.pipe"]
    one = rates["1 process"]
    print(f"extraction, {args.articles} held-out articles, median of {runs} (process start-up included):")
    for name, value in rates.items():
        print(f"  {name:16s} {value:6.1f} articles/s  x{value / bare:4.2f} of bare nlp.pipe  x{value / one:4.2f} of 1 process")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
