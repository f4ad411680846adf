"""Every hostile input of issue 12 against one store, in one `briefings ingest`, then a check of the store.

Run:  .venv/bin/python scripts/hostile_run.py [--keep DIR]
Makes the hostile files (tests/hostile/hostile_inputs.py) beside good articles, starts hostile servers on
127.0.0.1 (endless body, slow drip, a feed linking inside, an internal page), ingests it all into one store and
checks that every good article is stored, every bad input is named on a line of its own, the internal page was
never fetched and `PRAGMA integrity_check` is ok. Prints what it found; exits 1 when anything is wrong.
"""
from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

import hostile_inputs as make  # noqa: E402
from hostile_servers import Hostile as Server  # noqa: E402


@dataclass
class Report:
    """What the run found; `problems` is empty when everything held."""

    lines: list[str] = field(default_factory=list)  # ingest's own output
    problems: list[str] = field(default_factory=list)
    stored: int = 0
    named: int = 0
    seconds: float = 0.0
    integrity: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


def named(lines: list[str], where: str, says: tuple[str, ...]) -> bool:
    return any(line.startswith(f"{where}:") and all(s in line for s in says) for line in lines)


def run(folder: Path) -> Report:
    """Make every hostile input in `folder`, ingest it all into folder/s.sqlite and check the outcome."""
    report = Report()
    inputs = folder / "inputs"
    inputs.mkdir(parents=True)
    good = make.good_articles(inputs, 20)
    hostiles = make.every_file_input(inputs)
    angle = make.angle_url(inputs)
    bulk = make.big_jsonl(inputs, 500)
    server = Server()
    try:
        hostiles.append(make.loopback_feed(inputs, server.by_name))
        urls = {f"{server.url}/endless": ("answer larger than 1 MB",), f"{server.url}/drip": ("not complete after 2s",),
                f"{server.by_name}/internal/admin?token=s3cret": ("loopback", "refused")}
        config = folder / "briefings.toml"
        config.write_text('store = "s.sqlite"\n[fetch]\nallow_hosts = ["127.0.0.1"]\nmax_mb = 1\ndeadline = 2\n'
                          'timeout = 1\n')
        began = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "briefings", "ingest", str(inputs), f"{server.url}/feed.xml",
                               *urls, "--config", str(config)], capture_output=True, text=True, timeout=600, cwd=folder)
        report.seconds = time.monotonic() - began
        report.lines = (done.stdout + done.stderr).splitlines()
        if done.returncode != 0:
            report.problems.append(f"ingest exited {done.returncode}")
        internal = [p for p in server.paths() if p.startswith(("/internal", "/latest"))]
        if internal:
            report.problems.append(f"the internal server was asked for {internal}")
    finally:
        server.close()
    if any("Traceback" in line for line in report.lines):
        report.problems.append("a traceback was printed")
    for hostile in hostiles:
        if not all(named(report.lines, where, hostile.says) for where in hostile.names):
            report.problems.append(f"{hostile.path.name} is not named with {hostile.says}")
    for url, says in urls.items():
        if not named(report.lines, url, says):
            report.problems.append(f"{url} is not named with {says}")
    report.named = len(hostiles) + len(urls)
    with sqlite3.connect(folder / "s.sqlite") as conn:
        report.integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        origins = {row[0] for row in conn.execute("SELECT origin FROM origins")}
        urls_stored = {row[0] for row in conn.execute("SELECT url FROM articles WHERE url IS NOT NULL")}
        texts = [row[0] for row in conn.execute("SELECT text FROM articles")]
        report.stored = len(texts)
    if report.integrity != "ok":
        report.problems.append(f"integrity_check: {report.integrity}")
    expected = [*good, angle, *(h.path for h in hostiles if h.stored)]
    missing = [p.name for p in expected if str(p) not in origins]
    if missing:
        report.problems.append(f"good articles not stored: {missing}")
    bulk_count = sum(1 for url in urls_stored if url.startswith("https://example.org/b/"))
    if bulk_count != 500:
        report.problems.append(f"{bulk_count} of the 500 JSON Lines articles stored")
    if not any(url.endswith("/article.html") for url in urls_stored):
        report.problems.append("the feed's good entry is not stored")
    if any("\x00" in t or "INTERNAL ADMIN" in t or "endless endless" in t for t in texts):
        report.problems.append("a stored text holds a NUL, the internal page or the endless body")
    if any(not (u.startswith(("http://", "https://")) and not set(u) & set("<> \"'\n")) for u in urls_stored):
        report.problems.append("a stored url is unsafe")
    return report


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="make the inputs and the store in this (new) folder and keep them")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        report = run(options.keep or Path(tmp) / "run")
    print("\n".join(report.lines))
    print(f"\n{report.stored} articles stored, {report.named} hostile inputs named, integrity_check {report.integrity}, "
          f"{report.seconds:.1f} s")
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    print("all held" if report.ok else "FAILED")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
