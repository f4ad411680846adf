"""A seeded synthetic corpus with ready extractions, for the aggregation golden test and benchmarks/bench_scale.py.

Sentences come from the project's own held-out articles (tests/fixtures/heldout*, written for this project);
events, counts, places and dates are drawn from a seeded random generator, and several outlets report each
event with small differences (a count off by one, a day apart, a place left out), so clustering and dedupe
have real work to do. No spaCy: the extractions are built directly.

    .venv/bin/python tests/scale_corpus.py      # regenerate tests/golden/scale_briefings.json on purpose
"""
from __future__ import annotations

import hashlib
import json
import random
import re
from datetime import date, timedelta
from pathlib import Path

from briefings.models import Article, Development, Extraction, Figure, Quote

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "scale_briefings.json"
PLACES = ("Kafr Tamim", "Ariha", "Marawi", "Idlib", "Saraqib", "Maarat", "Lagos", None)
GROUPS = ("civilians", "soldiers", "militants", "children", "people", "displaced families", None)
OUTLETS = ("Wire A", "Wire B", "Daily C", "Radio D", "Agency E")
SINCES = ("2024-01-01", "2024-01-03", "2024-02", "2011", None)
QUALIFIERS = ("exact", "exact", "at_least", "more_than", "about")


def sentences() -> list[str]:
    """Sentences of the project's held-out articles, in a fixed order."""
    found = []
    for path in sorted((ROOT / "tests" / "fixtures").glob("heldout*/heldout*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            found += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if 40 <= len(s.strip()) <= 240]
    return found


def iso(d: date, rng: random.Random) -> str:
    return d.isoformat()[:7] if rng.random() < 0.04 else d.isoformat()


def corpus(n_articles: int, first: date, days: int, seed: int = 13) -> list[tuple[Article, Extraction]]:
    """n_articles over `days` days from `first`, each with figures, quotes and developments; deterministic."""
    rng = random.Random(seed)
    pool = sentences()
    per_day = max(1, n_articles // days)
    events = [(first + timedelta(days=rng.randrange(days)), rng.choice(pool), rng.choice(PLACES),
               rng.choice(("killed", "killed", "injured", "displaced", "refugees")), rng.choice((3, 5, 7, 12, 40, 150)),
               rng.choice(GROUPS)) for _ in range(max(4, n_articles // 3))]
    by_day: dict[date, list] = {}
    for e in events:
        by_day.setdefault(e[0], []).append(e)
    out = []
    for n in range(n_articles):
        when = first + timedelta(days=min(days - 1, n // per_day))
        near = [e for k in range(-3, 2) for e in by_day.get(when + timedelta(days=k), [])] or events[:3]
        out.append(article(n, when, rng.sample(near, min(len(near), rng.randint(1, 4))), rng, pool, first))
    return out


def article(n: int, when: date, told: list, rng: random.Random, pool: list[str], first: date) -> tuple[Article, Extraction]:
    """One outlet's article reporting some events (with small differences) and a running total or two."""
    figures, developments, quotes = [], [], []
    for k, (day, text, place, category, value, group) in enumerate(told):
        words = text.split()
        if rng.random() < 0.3 and len(words) > 6:
            del words[rng.randrange(len(words))]  # another outlet's wording
        dated = iso(day + timedelta(days=rng.choice((0, 0, 0, 1, -1))), rng) if rng.random() < 0.9 else None
        start = 100 * k + 1
        count = max(1, value + rng.choice((0, 0, 0, 1, -1, 2)))
        where = place if rng.random() < 0.8 else None
        developments.append(Development(" ".join(words), dated, round(rng.uniform(1, 8), 1), start, start + 50, where))
        figures.append(Figure(category, count, None, rng.choice(QUALIFIERS), group, where, dated, " ".join(words), start,
                              start + 3, anchor=rng.choice((None, "on Friday", "the air strike")),
                              claim=rng.random() < 0.05))
        if count >= 5 and rng.random() < 0.3:
            figures.append(Figure(category, count // 2, None, "exact", "children", where, dated, text, start + 20,
                                  start + 22, measure="part", part_of=start))
    for k in range(rng.randint(0, 2)):
        category = rng.choice(("killed", "displaced"))
        grow = (when - first).days + 1
        value = (120 if category == "killed" else 20_000) * grow + rng.choice((0, 0, 7))
        since = rng.choice(SINCES)
        figures.append(Figure(category, value, None, "more_than", rng.choice((None, "militants", "civilians")),
                              rng.choice(PLACES), iso(when - timedelta(days=rng.choice((0, 1))), rng), rng.choice(pool),
                              900 + 10 * k, 903 + 10 * k, kind="stock", measure="total", since=since,
                              since_text=f"since {since}" if since else None))
    if rng.random() < 0.2:
        back = when - timedelta(days=rng.choice((6, 13)))
        figures.append(Figure("killed", rng.choice((39, 60)), None, "exact", None, None, when.isoformat(), rng.choice(pool),
                              950, 952, measure="tally", span_from=back.isoformat(), span_to=when.isoformat(),
                              span_text="over the past week"))
    if rng.random() < 0.5:
        quotes.append(Quote(rng.choice(pool), rng.choice(("Amina Diallo", None)), rng.choice(("spokeswoman", None)), 5, 60))
    body = "\n\n".join(d.text for d in developments) + f"\n\nReport {n}."
    ident = hashlib.sha256(body.encode()).hexdigest()[:16]
    date_text = when.isoformat() if n % 97 else None if n % 2 else when.isoformat()[:7]
    art = Article(ident, body, date_text, developments[0].text[:80], rng.choice(OUTLETS), f"https://example.org/{n}")
    return art, Extraction(ident, tuple(figures), tuple(quotes), tuple(developments))


PERIODS = (("2024-03-04", "2024-03-10"), ("2024-03-01", "2024-03-31"), ("2024-03-11", "2024-04-24"),
           ("2024-04-01", "2024-04-30"), ("2024-02-01", "2024-02-29"))


def golden_corpus() -> list[tuple[Article, Extraction]]:
    return corpus(900, date(2024, 2, 20), 70, seed=13)


def briefings_json(store_path: Path, out: Path) -> dict:
    """The briefing data of every PERIOD (through generate) plus the full deduped development list, by period."""
    from briefings.aggregate import dedupe, developments, number_sources, on_topic
    from briefings.config import Config
    from briefings.data import briefing_data
    from briefings.extract import VERSION
    from briefings.pipeline import gather, generate
    from briefings.store import Store
    from datetime import datetime, timezone

    store = Store(store_path)
    try:
        if not store.count_articles():
            pairs = golden_corpus()
            store.add_articles(a for a, _ in pairs)
            for a, e in pairs:
                store.put_extraction(a.id, VERSION, e)
        config = Config(store=store_path)
        result = {}
        for first, last in PERIODS:
            start, end = date.fromisoformat(first), date.fromisoformat(last)
            made = generate(config, start=start, end=end, formats=("json",), out_dir=out, store=store,
                            now=datetime(2024, 5, 1, tzinfo=timezone.utc))
            gathered, _, _ = gather(store, config, start, end)
            english = [a for a in on_topic(gathered.articles) if a.lang == "en"]
            cite = {s.article_id: s.number for s in number_sources(english)}
            entries = dedupe(developments(english, gathered.extractions, cite, start, end))
            result[f"{first}..{last}"] = {
                "briefing": briefing_data(made.briefing),
                "all_developments": [[e.text, e.event_date, e.location, e.score, list(e.citations)] for e in entries],
            }
        return result
    finally:
        store.close()


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        data = briefings_json(Path(tmp) / "s.sqlite", Path(tmp))
    GOLDEN.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}")
