"""Benchmark: ingest throughput of a big JSON Lines export, and language detection alone.

Run:  .venv/bin/python benchmarks/bench_ingest.py [--lines 3000] [--runs 3]
Writes a JSONL of `--lines` distinct articles (about 1,500 characters each, one in ten not English) made
from the seed articles, ingests it into a fresh store `--runs` times and prints the median lines per second
of the whole ingest and of language detection alone. Machines are shared, so compare medians of one
session (before/after a change) rather than absolute numbers across machines.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from briefings.sources.ingest import ingest
from briefings.sources.lang import detect_lang
from briefings.store import Store

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FOREIGN = [
    "Les forces gouvernementales ont bombardé plusieurs villages au sud de la province, selon les habitants "
    "qui ont fui vers la frontière. Des milliers de familles vivent désormais dans des camps de fortune, sans "
    "eau potable ni chauffage, alors que l'hiver s'installe et que l'aide humanitaire peine à arriver.",
    "Las fuerzas del gobierno bombardearon varias aldeas en el sur de la provincia, según los vecinos que "
    "huyeron hacia la frontera. Miles de familias viven ahora en campamentos improvisados, sin agua potable "
    "ni calefacción, mientras llega el invierno y la ayuda humanitaria apenas consigue entrar.",
    "Regierungstruppen haben nach Angaben von Bewohnern mehrere Dörfer im Süden der Provinz bombardiert. "
    "Tausende Familien leben inzwischen in behelfsmäßigen Lagern ohne sauberes Wasser und ohne Heizung, "
    "während der Winter beginnt und Hilfslieferungen kaum ankommen.",
]


def paragraphs() -> list[str]:
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8").split("\n", 1)[1]
        found += [p.strip() for p in text.split("\n\n") if len(p.strip()) > 200]
    return found


def write_jsonl(path: Path, lines: int, seed: int = 7) -> None:
    """`lines` distinct article objects, one per line; every tenth one not in English."""
    pool, rng = paragraphs(), random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for n in range(lines):
            if n % 10 == 9:
                text = f"{FOREIGN[n % len(FOREIGN)]} Rapport {n}."
            else:
                text = "\n\n".join(rng.sample(pool, 3))[:1500] + f" Report {n}."
            record = {"title": f"Report {n}", "text": text, "date": date(2020, 1 + n % 12, 1 + n % 28).isoformat(),
                      "source": "Bench Wire", "url": f"https://example.org/report/{n}"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "big.jsonl"
        write_jsonl(source, options.lines)
        texts = [json.loads(line)["text"] for line in source.read_text(encoding="utf-8").splitlines()]
        detect_lang(FOREIGN[0])  # load the model once, outside the timing
        detect = []
        for _ in range(options.runs):
            began = time.perf_counter()
            languages = [detect_lang(t) for t in texts]
            detect.append(len(texts) / (time.perf_counter() - began))
        rates = []
        for run in range(options.runs):
            store = Store(Path(tmp) / f"s{run}.sqlite")
            began = time.perf_counter()
            summary = ingest(store, [str(source)], today=date(2026, 1, 1))
            rates.append(options.lines / (time.perf_counter() - began))
            assert summary.new == options.lines, summary.lines()
            store.close()
    english = sum(lang == "en" for lang in languages)
    print(f"lines: {options.lines}, {english} detected as English, {options.lines - english} as other languages")
    print(f"language detection: median {statistics.median(detect):.0f} lines/s "
          f"(min {min(detect):.0f}, max {max(detect):.0f})")
    print(f"ingest: median {statistics.median(rates):.0f} lines/s (min {min(rates):.0f}, max {max(rates):.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
