"""Benchmark: extraction throughput, and what the extraction cache saves on a second `generate`.

Run:  .venv/bin/python benchmarks/bench_extract.py [--runs 5]
Uses the project's own held-out articles (tests/fixtures/heldout). Prints the median articles per second of
spaCy extraction, and the median wall time of a first `generate` (cold cache) against a second (warm cache)
as a ratio, since machines are shared and absolute times are noisy.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from briefings.config import Config
from briefings.evaluate import gold_article
from briefings.extract import extract_articles, load_pipeline
from briefings.pipeline import generate
from briefings.store import Store

HELDOUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "heldout" / "heldout.jsonl"
NOW = datetime(2024, 1, 1, 7, 0, tzinfo=timezone.utc)


def articles():
    records = [json.loads(line) for line in HELDOUT.read_text().splitlines() if line.strip()]
    dated = [dict(r, date=r.get("date") or "2023-06-01") for r in records]
    return [gold_article(r) for r in dated]


def timed(action) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args(argv).runs
    items = articles()
    nlp = load_pipeline(Config().pipeline)
    list(extract_articles(nlp, items[:2]))  # warm up
    rates = [len(items) / timed(lambda: list(extract_articles(nlp, items))) for _ in range(runs)]
    cold, warm = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            config = Config(store=Path(tmp) / "s.sqlite", output=Path(tmp))
            store = Store(config.store)
            store.add_articles(items)
            go = lambda: generate(config, formats=("md",), out_dir=Path(tmp), now=NOW, store=store)  # noqa: E731
            cold.append(timed(go))
            warm.append(timed(go))
            store.close()
    print(f"articles: {len(items)}, {sum(len(a.text) for a in items) // len(items)} characters on average")
    print(f"extraction: median {statistics.median(rates):.1f} articles/s (min {min(rates):.1f}, max {max(rates):.1f})")
    print(f"generate md, cold cache: median {statistics.median(cold):.2f} s; warm cache: median "
          f"{statistics.median(warm):.2f} s; warm/cold ratio {statistics.median(warm) / statistics.median(cold):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
