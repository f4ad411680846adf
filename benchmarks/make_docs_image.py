"""Regenerate docs/briefing-page1.png: page 1 of the seeds' briefing, for the README. Run on purpose only.

Run:  .venv/bin/python benchmarks/make_docs_image.py
Needs pdftoppm (Debian: apt-get install -y poppler-utils). Uses a temporary store and a fixed "as of" time,
so the picture changes only when the briefing itself changes.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from briefings.config import Config
from briefings.pipeline import generate
from briefings.sources import read_paths
from briefings.store import Store

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "briefing-page1.png"
NOW = datetime(2020, 2, 8, 9, 0, tzinfo=timezone.utc)
DPI = 80


def main() -> int:
    if not shutil.which("pdftoppm"):
        print("pdftoppm not found; install it with `apt-get install -y poppler-utils`", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        store = Store(work / "store.sqlite")
        store.add_articles(read_paths([str(ROOT / "seeds")]).articles)
        result = generate(Config(), out_dir=work, now=NOW, store=store, formats=("pdf",))
        (pdf,) = [p for p in result.paths if p.suffix == ".pdf"]
        subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(work / "page1")], check=True)
        TARGET.parent.mkdir(exist_ok=True)
        shutil.copyfile(work / "page1.png", TARGET)
    print(TARGET)
    return 0


if __name__ == "__main__":
    sys.exit(main())
