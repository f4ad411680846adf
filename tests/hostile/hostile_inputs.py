"""Generators of hostile inputs, made at test time (no committed blobs), and of good articles to go beside them.

Each generator writes into a folder and returns a Hostile: the path, and the words the one-line message about
it must hold. Used by tests/hostile/ and by scripts/hostile_run.py.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

PARAGRAPH = ("Shelling hit the town of Ariha on Monday, killing at least {n} civilians and injuring many more, "
             "local medics said. Thousands of families fled north towards the border, where aid groups said camps "
             "were already full and the winter was making conditions worse for the displaced.")


@dataclass(frozen=True)
class Hostile:
    """One hostile input: where it is and what its message must say."""

    path: Path
    says: tuple[str, ...]  # fragments of the one line naming it
    stored: bool = False  # whether an article from it is still stored (cut, or with its url dropped)
    named_as: tuple[str, ...] = ()  # what the lines about it start with, when not its path (a feed's entries)

    @property
    def names(self) -> tuple[str, ...]:
        return self.named_as or (str(self.path),)


def good_articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    """`count` distinct, dated seed-format articles."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"good_{n:03}.txt"
        path.write_text(f"date 2021-03-{n % 28 + 1:02}\nReport {n}. " + PARAGRAPH.format(n=n + 3) + "\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


def long_article(folder: Path, chars: int = 2_000_000) -> Hostile:
    """Row 1: a 2 MB article, twice what spaCy accepts."""
    body = "\n\n".join(PARAGRAPH.format(n=n) for n in range(chars // len(PARAGRAPH) + 1))[:chars]
    path = folder / "long.txt"
    path.write_text(f"date 2021-03-02\n{body}", encoding="utf-8")
    return Hostile(path, ("characters cut to the first 50,000",), stored=True)


def injected_urls(folder: Path) -> list[Hostile]:
    """Rows 2 and 3: urls that would write HTML and headings into the Markdown, or run script when clicked."""
    urls = {
        "mailto": "mailto:x\n\n# HEADING\n\n<script>alert(1)</script>",
        "javascript": "javascript:alert(1)",
        "file": "file:///etc/passwd",
    }
    found = []
    for n, (name, url) in enumerate(urls.items()):
        path = folder / f"url_{name}.json"
        path.write_text(json.dumps({"title": f"Url {name}", "date": "2021-03-05", "url": url,
                                    "text": f"Url case {name}. " + PARAGRAPH.format(n=40 + n)}), encoding="utf-8")
        found.append(Hostile(path, ("is not an http(s) address", "dropped, the article is kept"), stored=True))
    return found


def angle_url(folder: Path) -> Path:
    """Row 2: an http url with markup in it, kept but percent-encoded."""
    path = folder / "url_angle.json"
    path.write_text(json.dumps({"title": "Angle", "date": "2021-03-06", "url": "http://h/a>b <img src=x onerror=alert(1)>",
                                "text": "Angle case. " + PARAGRAPH.format(n=50)}), encoding="utf-8")
    return path


def deep_json(folder: Path, depth: int = 100_000) -> list[Hostile]:
    """Row 4: a .json file and one JSONL line nested 100,000 deep."""
    nested = "[" * depth + "]" * depth
    whole = folder / "deep.json"
    whole.write_text(nested, encoding="utf-8")
    lines = folder / "deep.jsonl"
    good = json.dumps({"title": "Beside the deep line", "date": "2021-03-07", "text": "Deep neighbour. " + PARAGRAPH.format(n=60)})
    lines.write_text(nested + "\n" + good + "\n", encoding="utf-8")
    return [Hostile(whole, ("nested too deeply",)), Hostile(lines, ("deep.jsonl:1", "nested too deeply"), stored=True)]


def yaml_bomb(folder: Path, levels: int = 9) -> Hostile:
    """Row 5: front matter with an alias bomb ("billion laughs"): 9 levels of 9 aliases each."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    path = folder / "bomb.md"
    path.write_text("---\ntitle: Bomb\ndate: 2021-03-08\n" + "\n".join(lines) + "\n---\n"
                    + PARAGRAPH.format(n=70) + "\n", encoding="utf-8")
    return Hostile(path, ("aliases (*name) are not allowed",))


def nul_late(folder: Path) -> Hostile:
    """Row 13: a NUL byte after the first 8 KB, where the binary check does not look."""
    head = "\n\n".join(PARAGRAPH.format(n=n) for n in range(40))
    path = folder / "nul.txt"
    path.write_bytes(f"date 2021-03-09\nNul case. {head}\n\nBefore\x00after the NUL.\n".encode("utf-8"))
    return Hostile(path, ("control character(s) such as NUL removed",), stored=True)


def symlink_out(folder: Path, target: str = "/etc/hostname") -> Hostile:
    """Row 13: a symbolic link inside the folder pointing outside it."""
    path = folder / "hostname.txt"
    os.symlink(target, path)
    return Hostile(path, ("symbolic link, not followed",))


def fifo(folder: Path) -> Hostile:
    """Row 13: a named pipe inside the folder; opening it would block for ever."""
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return Hostile(path, ("named pipe (FIFO)", "skipped"))


def big_jsonl(folder: Path, lines: int) -> Path:
    """Row 14: a big JSON Lines export of distinct articles."""
    path = folder / "big.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(lines):
            out.write(json.dumps({"title": f"Bulk {n}", "date": f"2021-04-{n % 28 + 1:02}", "url": f"https://example.org/b/{n}",
                                  "text": f"Bulk item {n}. " + PARAGRAPH.format(n=n)}) + "\n")
    return path


def big_html(folder: Path, megabytes: int = 20) -> Hostile:
    """Row 14: a 20 MB HTML page."""
    cell = "<div class='c'><p>" + PARAGRAPH.format(n=1) + "</p></div>\n"
    path = folder / "huge.html"
    with path.open("w", encoding="utf-8") as out:
        out.write("<!doctype html><html><body><article>")
        for _ in range(megabytes * 2**20 // len(cell) + 1):
            out.write(cell)
        out.write("</article></body></html>")
    return Hostile(path, ("HTML page larger than 5 MB",))


def loopback_feed(folder: Path, internal: str) -> Hostile:
    """Row 6: an RSS file whose entries link to internal addresses (`internal` is a local server's base URL)."""
    links = [f"{internal}/internal/admin?token=s3cret", f"{internal}/latest/meta-data"]
    items = "".join(
        f"<item><title>Entry {n}</title><link>{link}</link><pubDate>Mon, 08 Mar 2021 10:00:00 GMT</pubDate></item>"
        for n, link in enumerate(links)
    )
    path = folder / "internal_feed.xml"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Inside</title>{items}</channel></rss>',
                    encoding="utf-8")
    return Hostile(path, ("refused",), named_as=tuple(links))


def every_file_input(folder: Path) -> list[Hostile]:
    """Every hostile file input at once, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    return [long_article(folder), *injected_urls(folder), *deep_json(folder), yaml_bomb(folder), nul_late(folder),
            symlink_out(folder), fifo(folder), big_html(folder)]
