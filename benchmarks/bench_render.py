"""Benchmark: a ten-page briefing (charts, HTML, WeasyPrint) must render to PDF in under 3 s.

Run:  .venv/bin/python benchmarks/bench_render.py [--runs 5]
Prints the page count and the median, min and max wall time of several runs; exits 1 when the median is 3 s or more.
"""
from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from datetime import date, datetime, timedelta, timezone

from pypdf import PdfReader

from briefings.aggregate import Briefing, Entry, KeyFigure, QuoteEntry, Source, overview
from briefings.charts import make_charts
from briefings.pdf import html_to_pdf
from briefings.reconcile import Report, Reported
from briefings.render import render_html

LIMIT_SECONDS = 3.0
PLACES = ("Idlib", "Ariha", "Saraqeb", "Maarat al-Numan", "Sarmin", "Atarib")


def big_briefing(entries: int = 50, sources: int = 40) -> Briefing:
    """A synthetic briefing about ten A4 pages long, with both charts."""
    start = date(2024, 1, 1)
    days = [start + timedelta(days=i % 28) for i in range(entries)]
    chronology = tuple(
        Entry(f"On {d:%A}, government forces shelled residential areas of {PLACES[i % 6]} for the {i + 1}th time this "
              f"month, killing {i % 9 + 2} civilians and wounding {i % 7 + 4} more, according to local rescuers "
              f"and medical staff at the main hospital.", d.isoformat(), PLACES[i % 6], 9 - i * 0.05,
              (i % sources + 1, (i * 7) % sources + 1))
        for i, d in enumerate(days))
    stocks = tuple(Reported("displaced", "stock", (Report(300_000 + 20_000 * w, None, "more_than", w + 1),
                                                    Report(310_000 + 20_000 * w, None, "about", w + 2)),
                            None, "Idlib", (start + timedelta(days=7 * w)).isoformat(), "") for w in range(4))
    flows = tuple(Reported("killed", "flow", (Report(e.citations[0] % 9 + 2, None, "exact", e.citations[0]),),
                           "civilians" if i % 3 else "soldiers", e.location, e.event_date, "")
                  for i, e in enumerate(chronology))
    return Briefing(
        title="Northwest Syria: monthly situation briefing", start=start, end=start + timedelta(days=27),
        now=datetime(2024, 1, 29, 9, 0, tzinfo=timezone.utc), issue=4,
        sources=tuple(Source(n, f"a{n}", f"Report number {n} on the situation in northwest Syria", f"Outlet {n % 7}",
                             (start + timedelta(days=n % 28)).isoformat(), f"https://example.org/news/{n}")
                      for n in range(1, sources + 1)),
        highlights=chronology[:5], overview=overview(chronology), chronology=chronology,
        key_figures=(KeyFigure("displaced", "stock", 360_000, 370_000, "range", "2024-01-22", (4, 5), figure=stocks[-1]),
                     KeyFigure("killed", "flow", sum(f.low for f in flows), sum(f.low for f in flows), "exact", None,
                               tuple(range(1, sources + 1)), incidents=len(flows))),
        stocks=stocks, flows=flows,
        quotes=tuple(QuoteEntry("We buried three children this morning and the shelling has not stopped since.",
                                f"Speaker {i}", "a civil defence volunteer", i + 1, "2024-01-20") for i in range(6)),
    )


def render_once(briefing: Briefing) -> tuple[float, int]:
    began = time.perf_counter()
    charts, _ = make_charts(briefing, png=False)
    pdf = html_to_pdf(render_html(briefing, charts))
    elapsed = time.perf_counter() - began
    return elapsed, len(PdfReader(io.BytesIO(pdf)).pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    briefing = big_briefing()
    render_once(briefing)  # warm-up: imports, font discovery
    times, pages = [], 0
    for _ in range(args.runs):
        elapsed, pages = render_once(briefing)
        times.append(elapsed)
    median = statistics.median(times)
    print(f"{pages} pages; median {median:.2f} s, min {min(times):.2f} s, max {max(times):.2f} s over {args.runs} runs "
          f"(limit {LIMIT_SECONDS:.0f} s)")
    return 0 if median < LIMIT_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
