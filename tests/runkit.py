"""Helpers for scheduler and run tests: a config on disk, a settable clock, a fast stand-in for generate()."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from briefings.config import load_config

PDF = b"%PDF-1.4\n% stand-in\n%%EOF\n"


def write_config(tmp_path: Path, briefings: str, extra: str = "", articles: dict[str, str] | None = None):
    """A briefings.toml with a store and output under tmp_path, plus article files in tmp_path/articles."""
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    for name, text in (articles or {}).items():
        (folder / name).write_text(text)
    path = tmp_path / "briefings.toml"
    path.write_text(f'store = "store.sqlite"\noutput = "out"\n{extra}\n{briefings}')
    return load_config(path)


class Clock:
    """A clock tests move by hand; returns aware UTC times."""

    def __init__(self, start: datetime):
        self.now = start.astimezone(timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def set(self, moment: datetime) -> None:
        self.now = moment.astimezone(timezone.utc)


@dataclass
class Result:
    paths: list
    articles: list
    markdown: str
    briefing: object = None


@dataclass
class StandIn:
    """Writes briefing_<from>_<to>.md/.pdf like generate() does; can fail, or block until released."""

    fail_times: int = 0
    fail_titles: tuple = ()
    gate: threading.Event | None = None
    entered: threading.Event = field(default_factory=threading.Event)
    calls: list = field(default_factory=list)
    issues: list = field(default_factory=list)

    def __call__(self, config, *, start, end, formats, out_dir, now, profile="full", issue=None, title=None, store=None):
        self.calls.append((start, end, profile, title))
        self.issues.append(issue)
        self.entered.set()
        if self.gate is not None:
            self.gate.wait(10)
        if title in self.fail_titles:
            raise RuntimeError(f"cannot render {title}")
        if self.fail_times > 0:
            self.fail_times -= 1
            raise RuntimeError("renderer crashed")
        articles = store.articles(start, end)
        lines = [f"# {title or config.title} {start} to {end}" + (" (ticket)" if profile == "ticket" else "")]
        lines += [f"- {a.date} {a.title}" for a in articles]
        markdown = "\n".join(lines) + "\n"
        paths = []
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        if "md" in formats:
            paths.append(Path(out_dir) / f"briefing_{start}_{end}.md")
            paths[-1].write_text(markdown)
        if "pdf" in formats:
            paths.append(Path(out_dir) / f"briefing_{start}_{end}.pdf")
            paths[-1].write_bytes(PDF)
        return Result(paths, articles, markdown)


def wait_for(condition, seconds: float = 5.0) -> bool:
    """Poll `condition` until true or `seconds` pass."""
    deadline = datetime.now() + timedelta(seconds=seconds)
    while datetime.now() < deadline:
        if condition():
            return True
        threading.Event().wait(0.05)
    return condition()
