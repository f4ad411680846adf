"""Extraction quality gate: fail when eval scores drop below the pinned floors.

The floors in quality_floors.json may only be raised, or lowered on purpose in a commit that says why.
Usage: .venv/bin/python benchmarks/quality_gate.py [GOLD.jsonl ...]  (default: ../shared/eval/*.jsonl)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOORS = Path(__file__).with_name("quality_floors.json")


def default_gold() -> list[str]:
    return sorted(str(p) for p in (ROOT.parent / "shared" / "eval").glob("*.jsonl"))


def check(scores: dict, floors: dict) -> list[str]:
    """Every 'section.measure' whose score is below its floor."""
    failures = []
    for name, floor in sorted(floors.items()):
        section, measure = name.split(".")
        value = scores[section][measure]
        status = "ok" if value >= floor else "BELOW FLOOR"
        print(f"{name:28s} {value:.3f}  floor {floor:.3f}  {status}")
        if value < floor:
            failures.append(name)
    return failures


def main(argv: list[str]) -> int:
    from briefings.config import DEFAULT_PIPELINE
    from briefings.evaluate import evaluate
    from briefings.extract import load_pipeline

    gold = argv or default_gold()
    if not gold:
        print("quality gate: no gold files found (expected ../shared/eval/*.jsonl beside the checkout)")
        return 1
    report = evaluate(load_pipeline(DEFAULT_PIPELINE), gold)
    print("\n".join(report.lines()))
    failures = check(report.scores(), json.loads(FLOORS.read_text()))
    if failures:
        print(f"quality gate FAILED: {', '.join(failures)} below the pinned floor")
        return 1
    print("quality gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
