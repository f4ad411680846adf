"""Quality gate: fail when extraction or whole-period briefing scores drop below the pinned floors.

quality_floors.json names gold sets (glob patterns relative to the repository root) and the floor of each
score on that set; a set with "periods": true holds period gold (PERIODS.md) and is scored as briefings, with
"ceilings" for counts of errors that may not grow (totals shown wrong, non-figures shown). Floors may only be raised, or lowered on purpose in a commit that says why. A set whose
files are missing fails the gate under CI (CI=true) and is skipped elsewhere.
Usage: .venv/bin/python benchmarks/quality_gate.py
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOORS = Path(__file__).with_name("quality_floors.json")


def gold_files(patterns: list[str]) -> list[str]:
    found: list[str] = []
    for pattern in patterns:
        base, _, glob = pattern.rpartition("/")
        found.extend(sorted(str(p) for p in (ROOT / base).resolve().glob(glob)))
    return found


def check(scores: dict, floors: dict, ceilings: dict | None = None) -> list[str]:
    """Every 'section.measure' whose score is below its floor (or above its ceiling)."""
    failures = []
    for name, floor in sorted(floors.items()):
        section, measure = name.split(".")
        value = scores[section][measure]
        status = "ok" if value >= floor else "BELOW FLOOR"
        print(f"  {name:28s} {value:.3f}  floor {floor:.3f}  {status}")
        if value < floor:
            failures.append(name)
    for name, ceiling in sorted((ceilings or {}).items()):
        section, measure = name.split(".")
        value = scores[section][measure]
        status = "ok" if value <= ceiling else "ABOVE CEILING"
        print(f"  {name:28s} {value:>5}  ceiling {ceiling}  {status}")
        if value > ceiling:
            failures.append(name)
    return failures


def main() -> int:
    from briefings.config import DEFAULT_PIPELINE, load_config
    from briefings.evaluate import evaluate
    from briefings.evaluate_periods import evaluate_periods
    from briefings.extract import load_pipeline

    nlp = load_pipeline(DEFAULT_PIPELINE)
    failures = []
    for name, gate in json.loads(FLOORS.read_text()).items():
        files = gold_files(gate["files"])
        if not files:
            # Outside CI the shared eval set may simply not be beside the checkout; in CI it must be.
            print(f"{name}: no gold files match {gate['files']}" + ("" if os.environ.get("CI") else " (skipped)"))
            if os.environ.get("CI"):
                failures.append(f"{name}: missing gold files")
            continue
        if gate.get("periods"):
            report = evaluate_periods(load_config(None, required=False), files)
        else:
            report = evaluate(nlp, files)
        print(f"{name} ({len(files)} file(s))")
        print("\n".join("  " + line for line in report.lines()))
        failures.extend(f"{name}: {f}" for f in check(report.scores(), gate["floors"], gate.get("ceilings")))
    if failures:
        print("quality gate FAILED: " + "; ".join(failures))
        return 1
    print("quality gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
