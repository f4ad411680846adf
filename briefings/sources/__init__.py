"""Readers: turn files, folders, feeds and pages into Articles, collecting problems instead of stopping."""
from __future__ import annotations

import logging
import sqlite3
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterator

from ..errors import ConfigError
from ..models import Article, ReadResult
from .base import Context, Event, Rejected, Skipped, Warned
from .feeds import is_url, read_url
from .fetchoptions import fetch_options
from .files import read_file, special_kind, walk
from .jsonfile import check_fields

log = logging.getLogger(__name__)

__all__ = ["Context", "iter_paths", "make_context", "read_paths"]


def make_context(config=None, *, store=None, fetch=None, today: date | None = None) -> Context:
    """A reading context from the config's [fields] table; ConfigError when that table is wrong."""
    raw = getattr(config, "raw", None) or {}
    fields = dict(raw.get("fields") or {})
    errors = check_fields(fields)
    if errors:
        where = getattr(config, "path", None) or "config"
        raise ConfigError("\n".join(f"{where}: {e}" for e in errors))
    if fetch is None and isinstance(raw.get("fetch"), dict):
        fetch, errors = fetch_options(raw["fetch"], str(getattr(config, "path", None) or "config"))
        if errors:
            raise ConfigError("\n".join(errors))
    today = today or datetime.now(timezone.utc).date()
    return Context(today=today, fields=fields, store=store, fetch_options=fetch)


def iter_paths(paths: list[str], context: Context) -> Iterator[Event]:
    """Articles and problems from files, folders (recursively) and http(s) URLs, as they are read."""
    for name in paths:
        name = str(name)
        path = Path(name)
        if is_url(name):
            yield from guarded(read_url(name, context), name)
        elif path.is_dir():
            own = store_files(context)  # a store kept inside the ingested folder is not an article
            files, skipped = walk(path)
            files = [f for f in files if f.resolve() not in own]
            yield from skipped
            if not files:
                yield Warned(name, "folder holds no files")
            for file in files:
                yield from guarded(read_file(file, context), str(file))
        elif path.is_file():
            yield from guarded(read_file(path, context), name)
        elif path.exists():
            yield Rejected(name, f"{special_kind(path)}, not a file or folder — give a file or folder", "not a file")
        else:
            yield Rejected(name, "no such file or folder — check the path", "not found")


def guarded(events: Iterator[Event], where: str) -> Iterator[Event]:
    """A reader's events; if it fails unexpectedly, one line naming the input, and the batch goes on."""
    try:
        yield from events
    except sqlite3.Error:
        raise  # the store failed, not the input: the command stops with one message about the store
    except Exception as exc:  # noqa: BLE001 — one unreadable input must never drop the rest of the batch
        log.debug("reading %s failed", where, exc_info=True)
        detail = (str(exc).splitlines() or ["no detail"])[0][:120]
        yield Rejected(where, f"could not be read ({type(exc).__name__}: {detail}) — check the file; the rest of "
                              "the batch goes on", "unreadable")


def store_files(context: Context) -> set[Path]:
    """The SQLite store's own files (database, journal, WAL), resolved."""
    where = getattr(context.store, "path", None)
    if where is None or str(where) == ":memory:":
        return set()
    base = Path(where).resolve()
    return {base, *(base.with_name(base.name + tail) for tail in ("-wal", "-shm", "-journal"))}


def read_paths(paths: list[str], *, config=None, store=None, fetch=None, today: date | None = None) -> ReadResult:
    """Read every article under `paths`; a bad input is reported and skipped."""
    context = make_context(config, store=store, fetch=fetch, today=today)
    result = ReadResult()
    try:
        for event in iter_paths(paths, context):
            if isinstance(event, Article):
                result.articles.append(event)
            elif isinstance(event, Rejected):
                result.problems.append(event.problem)
            elif isinstance(event, Warned):
                result.warnings.append(event.problem)
            elif isinstance(event, Skipped):
                log.info("%s: %s", event.where, event.message)
    finally:
        context.close()
    return result
