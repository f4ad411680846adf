"""Files and folders: walk, choose each file's format by extension and content, read it."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .base import Context, Draft, Event, Rejected, Warned, make_article
from .decode import decode
from .feeds import is_feed, read_feed
from .frontmatter import has_front_matter, text_draft
from .htmlpage import html_draft, looks_like_html
from .jsonfile import json_drafts, jsonl_drafts
from .seed import DATE_LINE

# A JSON Lines export of many articles may be big, but not this big (split it).
MAX_FILE_BYTES = 512 * 2**20
SUFFIXES = {
    ".txt": "text", ".text": "text", "": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}


def walk(folder: Path) -> tuple[list[Path], list[Warned]]:
    """Every regular file under `folder`, sorted, leaving out hidden files and folders (.git, .DS_Store); and a
    warning for each symbolic link (not followed: it may point anywhere) and each FIFO, socket or device."""
    found, skipped = [], []
    for path in folder.rglob("*"):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.is_symlink():
            skipped.append(Warned(str(path), "symbolic link, not followed — give its target as a path of its own "
                                             "if it should be read"))
        elif path.is_file():
            found.append(path)
        elif not path.is_dir():
            skipped.append(Warned(str(path), f"{special_kind(path)}, not a regular file — skipped"))
    return sorted(found), sorted(skipped, key=lambda w: w.where)


def special_kind(path: Path) -> str:
    """What a path that is neither a file nor a folder is, for messages."""
    if path.is_fifo():
        return "a named pipe (FIFO)"
    if path.is_socket():
        return "a socket"
    if path.is_block_device() or path.is_char_device():
        return "a device"
    return "not a file or folder"


def kind_of(path: Path, text: str) -> str | None:
    """The reader for a file: content that clearly says otherwise beats the extension."""
    head = text.lstrip("\ufeff \t\r\n")[:2048]
    by_suffix = SUFFIXES.get(path.suffix.lower())
    if by_suffix in ("json", "jsonl"):
        return by_suffix
    if head.startswith("<") and is_feed(head):
        return "feed"
    if looks_like_html(head):
        return "html"
    if by_suffix:
        return by_suffix
    if head.startswith(("{", "[")):
        return "json"
    if has_front_matter(text):
        return "markdown"
    if DATE_LINE.match(head):
        return "text"
    return None


def read_file(path: Path, context: Context) -> Iterator[Event]:
    """Articles from one file; every problem becomes an event, never an exception."""
    where = str(path)
    try:
        with path.open("rb") as handle:  # read one byte past the cap, so an oversized file is told apart
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        yield Rejected(where, f"cannot read the file ({exc.strerror}) — check its permissions", "unreadable")
        return
    if len(data) > MAX_FILE_BYTES:
        yield Rejected(where, f"file larger than {MAX_FILE_BYTES // 2**20} MB — split it into smaller files",
                       "too large")
        return
    if not data.strip():
        yield Rejected(where, "empty file — add the article text or remove it", "empty text")
        return
    text, events = decode(data, where)
    kind = kind_of(path, text) if text is not None else None
    if kind == "html" and b"charset=" in data[:4096].lower():
        events = []  # the page names its encoding and trafilatura honours it
    yield from events
    if text is None:
        return
    if kind == "feed":
        yield from read_feed(data, where, context)
        return
    for item in drafts(kind, path, text, data, context):
        if isinstance(item, Draft):
            yield from make_article(item, context)
        else:
            yield item


def drafts(kind: str | None, path: Path, text: str, data: bytes, context: Context) -> Iterator[Draft | Event]:
    where = str(path)
    if kind in ("text", "markdown"):
        draft, events = text_draft(text, where, markdown=kind == "markdown")
        yield from events
        if draft:
            yield draft
    elif kind == "json":
        yield from json_drafts(text, where, context.fields)
    elif kind == "jsonl":
        yield from jsonl_drafts(text, where, context.fields)
    elif kind == "html":
        draft, events = html_draft(data, where, origin=where)  # bytes: trafilatura honours <meta charset>
        yield from events
        if draft:
            yield draft
    else:
        known = ", ".join(sorted({s for s in SUFFIXES if s}))
        yield Rejected(where, f"unknown file type '{path.suffix}' — use one of {known}", "unsupported type")
