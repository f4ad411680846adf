"""Score briefings of whole periods against period gold (the shared PERIODS.md): totals, incidents, sums.

Each period's briefing is built exactly as `generate` builds it (store → extract → aggregate), in a store of the
gold articles, and read through its data (`--format json`).
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from .config import Config
from .data import briefing_data
from .evaluate import gold_article, read_gold, read_records

NOW = datetime(2000, 1, 1, tzinfo=timezone.utc)


@dataclass
class PeriodScore:
    """Counts over one or more periods, plus every error for -v."""

    totals_gold: int = 0
    totals_right: int = 0
    totals_wrong: int = 0
    incidents_tp: int = 0
    incidents_listed: int = 0  # counted ones: neutral ones (claims, optional, earlier events) left out
    incidents_gold: int = 0
    sums_right: int = 0
    sums_gold: int = 0
    not_figures_shown: int = 0
    false_positives: dict = field(default_factory=dict)  # kind → count
    notes: list[str] = field(default_factory=list)

    def add(self, other: "PeriodScore") -> None:
        for name in ("totals_gold", "totals_right", "totals_wrong", "incidents_tp", "incidents_listed",
                     "incidents_gold", "sums_right", "sums_gold", "not_figures_shown"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for kind, n in other.false_positives.items():
            self.false_positives[kind] = self.false_positives.get(kind, 0) + n
        self.notes.extend(other.notes)

    def scores(self) -> dict:
        p = self.incidents_tp / self.incidents_listed if self.incidents_listed else 1.0
        r = self.incidents_tp / self.incidents_gold if self.incidents_gold else 1.0
        return {
            "totals": {"accuracy": self.totals_right / self.totals_gold if self.totals_gold else 1.0,
                       "right": self.totals_right, "gold": self.totals_gold, "shown_wrong": self.totals_wrong},
            "incidents": {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                          "tp": self.incidents_tp, "listed": self.incidents_listed, "gold": self.incidents_gold,
                          "false_positives": dict(sorted(self.false_positives.items()))},
            "sums": {"within_range": self.sums_right, "gold": self.sums_gold,
                     "share": self.sums_right / self.sums_gold if self.sums_gold else 1.0},
            "not_figures": {"shown": self.not_figures_shown},
        }

    def lines(self) -> list[str]:
        s = self.scores()
        t, i, m = s["totals"], s["incidents"], s["sums"]
        kinds = ", ".join(f"{k} {n}" for k, n in i["false_positives"].items()) or "none"
        return [
            f"totals     accuracy {t['accuracy']:.3f} ({t['right']}/{t['gold']})  shown wrong {t['shown_wrong']}",
            f"incidents  P {i['precision']:.3f}  R {i['recall']:.3f}  F1 {i['f1']:.3f}  "
            f"(tp {i['tp']}, listed {i['listed']}, gold {i['gold']})  false positives: {kinds}",
            f"sums       within range {m['within_range']}/{m['gold']}  not-figures shown {s['not_figures']['shown']}",
        ]


def in_accept(item: dict, accept: list[int]) -> bool:
    return item["value"] in accept or (item.get("high") is not None and item["high"] in accept)


def as_of_ok(as_of: str | None, earliest: str | None) -> bool:
    """On or after the earliest accepted as-of; a month-only as-of satisfies any day of its month."""
    if not earliest:
        return True
    if not as_of:
        return False
    if len(as_of) == 7:
        return as_of >= earliest[:7]
    return as_of >= earliest


def near_day(value: str | None, gold: dict) -> bool:
    if not value:
        return False
    accepted = set(gold.get("date_accept") or []) | {gold["date"]}
    if value in accepted:
        return True
    if len(value) == 10 and len(gold["date"]) == 10:
        return abs((date.fromisoformat(value) - date.fromisoformat(gold["date"])).days) <= 1
    return len(value) == 7 and any(d.startswith(value) for d in accepted)


def match_totals(gold: list[dict], shown: list[dict]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of gold totals to shown totals (augmenting paths; the lists are small)."""
    fits = {g: [s for s, t in enumerate(shown) if t["category"] == gold[g]["category"]
                and in_accept(t, gold[g]["accept"]) and as_of_ok(t.get("as_of"), gold[g].get("as_of_from"))]
            for g in range(len(gold))}
    owner: dict[int, int] = {}

    def place(g: int, seen: set) -> bool:
        for s in fits[g]:
            if s not in seen:
                seen.add(s)
                if s not in owner or place(owner[s], seen):
                    owner[s] = g
                    return True
        return False

    for g in range(len(gold)):
        place(g, set())
    return [(g, s) for s, g in owner.items()]


def score_period(period: dict, data: dict, stated: set[tuple[str, int]]) -> PeriodScore:
    """Score one briefing's data against one period's gold."""
    score, pid = PeriodScore(), period["id"]
    start = period["from"]
    # totals
    required = [t for t in period.get("totals", []) if not t.get("optional")]
    matched = match_totals(required, data["totals"])
    score.totals_gold, score.totals_right = len(required), len(matched)
    got = {g for g, _ in matched}
    for g, t in enumerate(required):
        if g not in got:
            score.notes.append(f"{pid}: MISSED total {t['category']} {t['value']} {t.get('group') or ''} "
                               f"(accept {t['accept']}, as of ≥ {t.get('as_of_from')})")
    flows = flow_values(period)
    for t in data["totals"]:
        accepted = any(t["category"] == g["category"] and in_accept(t, g["accept"]) for g in period.get("totals", []))
        values = {t["value"], t.get("high")} - {None}
        if accepted:
            continue
        flow = any((t["category"], v) in flows for v in values)
        if flow or not any((t["category"], v) in stated for v in values):
            score.totals_wrong += 1
            score.notes.append(f"{pid}: WRONG total {t['category']} {t['value']} ({t.get('group')}, as of {t.get('as_of')})"
                               f" — {'a flow shown as a total' if flow else 'stated nowhere as a figure'}")
    # incidents
    gold = period.get("incidents", [])
    neutral = [g for g in gold if g.get("claim") or g.get("optional") or g["date"] < start]
    required_i = [g for g in gold if g not in neutral]
    score.incidents_gold = len(required_i)
    taken: set[int] = set()
    for inc in data["incidents"]:
        fits = [k for k, g in enumerate(gold) if g["category"] == inc["category"] and in_accept(inc, g["accept"])
                and near_day(inc.get("date"), g)]
        hit = next((k for k in fits if k not in taken and gold[k] not in neutral), fits[0] if fits else None)
        if hit is not None and gold[hit] in neutral:
            continue
        score.incidents_listed += 1
        if hit is not None and hit not in taken:
            taken.add(hit)
            score.incidents_tp += 1
            continue
        kind = "repeat" if hit is not None else fp_kind(period, inc)
        score.false_positives[kind] = score.false_positives.get(kind, 0) + 1
        score.notes.append(f"{pid}: EXTRA incident {inc['category']} {inc['value']} on {inc.get('date')} "
                           f"({inc.get('group')}) — {kind}")
    for k, g in enumerate(gold):
        if g in required_i and k not in taken:
            score.notes.append(f"{pid}: MISSED incident {g['category']} {g['value']} on {g['date']}: {g.get('what', '')}")
    # sums
    for category in sorted({g["category"] for g in required_i}):
        counted = [g for g in required_i if g["category"] == category]
        late = [g for g in gold if g["category"] == category and g["date"] < start and not g.get("claim")
                and any(d >= start for d in g.get("date_accept", []))]
        low = 0.9 * sum(min(g["accept"]) for g in counted)
        high = 1.1 * sum(max(g["accept"]) for g in counted + late)
        shown = data.get("incident_sums", {}).get(category)
        score.sums_gold += 1
        value = shown["value"] if shown else None
        top = (shown.get("high") or value) if shown else None
        if value is not None and low <= value and top <= high:
            score.sums_right += 1
        else:
            score.notes.append(f"{pid}: SUM {category} {value}–{top} outside {low:g}–{high:g}")
    # not-figures
    shown_values = {(x["category"], x["value"]) for key in ("totals", "incidents", "tallies") for x in data[key]}
    for nf in period.get("not_figures", []):
        hits = [c for c, v in shown_values if v == nf["value"]]
        if hits:
            score.not_figures_shown += 1
            score.notes.append(f"{pid}: NOT-A-FIGURE shown: {nf['value']} ({nf.get('why')})")
    return score


def flow_values(period: dict) -> set[tuple[str, int]]:
    """(category, value) of the period's incidents, parts, tallies and non-figures: never a running total."""
    values = set()
    for g in period.get("incidents", []):
        values |= {(g["category"], v) for v in g["accept"]}
        values |= {(g["category"], p["value"]) for p in g.get("parts", [])}
    values |= {(t["category"], t["value"]) for t in period.get("tallies", [])}
    values |= {(c, nf["value"]) for nf in period.get("not_figures", []) for c in ("killed", "injured", "displaced", "refugees")}
    return values


def fp_kind(period: dict, inc: dict) -> str:
    """Why a listed incident matches nothing: a part, a tally, a running total, a non-figure, or other."""
    c, v = inc["category"], inc["value"]
    if any(p["value"] == v for g in period.get("incidents", []) if g["category"] == c for p in g.get("parts", [])):
        return "part"
    if any(t["category"] == c and t["value"] == v for t in period.get("tallies", [])):
        return "tally"
    if any(t["category"] == c and v in t["accept"] for t in period.get("totals", [])):
        return "total"
    if any(nf["value"] == v for nf in period.get("not_figures", [])):
        return "not a figure"
    return "other"


def evaluate_periods(config: Config, paths: list[str]) -> PeriodScore:
    """Build each gold period's briefing from its articles and score it."""
    from .pipeline import build_briefing
    from .store import Store

    overall = PeriodScore()
    for path in paths:
        periods = read_periods(path)
        by_file: dict[str, list[dict]] = {}
        for p in periods:
            by_file.setdefault(p["articles"], []).append(p)
        for articles_file, group in by_file.items():
            records = read_gold([str(Path(path).parent / articles_file)])
            with tempfile.TemporaryDirectory() as tmp:
                store = Store(Path(tmp) / "periods.sqlite")
                try:
                    store.add_articles([gold_article(r) for r in records])
                    for period in group:
                        start, end = date.fromisoformat(period["from"]), date.fromisoformat(period["to"])
                        briefing, _ = build_briefing(store, config, start, end, now=NOW, title=period["id"])
                        ids = set(period.get("period_articles") or [r["id"] for r in records])
                        stated = {(f["category"], f["value"]) for r in records if r["id"] in ids
                                  for f in r.get("figures", [])}
                        score = score_period(period, briefing_data(briefing), stated)
                        overall.add(score)
                        overall.notes.append(f"{period['id']}: " + " | ".join(score.lines()))
                finally:
                    store.close()
    return overall


def read_periods(path: str) -> list[dict]:
    return read_records(path, ("from", "to", "articles"), "period gold")
