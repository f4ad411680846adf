"""Hostile files (issue 12 rows 1–5, 13, 14): each is named in one line, the batch goes on, nothing stored is lost."""
import sqlite3
import time
from pathlib import Path

import pytest

from briefings.cli import main
from briefings.limits import MAX_ARTICLE_CHARS
from briefings.models import Article
from briefings.sources.base import article_id
from briefings.store import Store
from briefings.urls import safe_url

import hostile_inputs as make


def stored(path: Path) -> dict[str, tuple]:
    """id -> (text, url, path) of every stored article, read with plain sqlite3."""
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {r[0]: r[1:] for r in conn.execute("SELECT id, text, url, path FROM articles")}


def ingest(store: Path, *paths, capsys) -> tuple[int, list[str]]:
    code = main(["ingest", *map(str, paths), "--store", str(store)])  # global option after the subcommand
    out = capsys.readouterr()
    return code, (out.out + out.err).splitlines()


def line_about(lines: list[str], hostile: make.Hostile) -> str:
    """The one line naming this input, holding every fragment it must say."""
    found = [line for line in lines if line.startswith(f"{hostile.path}:") and all(s in line for s in hostile.says)]
    assert len(found) == 1, (hostile, lines)
    return found[0]


@pytest.fixture
def store(tmp_path, capsys) -> tuple[Path, dict]:
    """A store already holding five good articles; returns its path and what it held."""
    path = tmp_path / "s.sqlite"
    code, _ = ingest(path, *make.good_articles(tmp_path / "before", 5), capsys=capsys)
    assert code == 0
    return path, stored(path)


def assert_kept(path: Path, before: dict) -> dict:
    after = stored(path)
    assert {k: after[k] for k in before} == before  # nothing stored before was lost or changed
    return after


def test_long_article_is_cut_at_the_limit_with_a_warning(tmp_path, store, capsys):
    path, before = store
    folder = tmp_path / "in"
    folder.mkdir()
    hostile = make.long_article(folder)
    good = make.good_articles(folder, 2, start=10)
    code, lines = ingest(path, folder, capsys=capsys)
    assert code == 0
    assert "(the limit for one article)" in line_about(lines, hostile)
    after = assert_kept(path, before)
    long = [text for text, _, origin in after.values() if origin == str(hostile.path)]
    assert len(long) == 1 and MAX_ARTICLE_CHARS // 2 < len(long[0]) <= MAX_ARTICLE_CHARS
    assert long[0].endswith("displaced.")  # cut at a paragraph break, not mid-word
    assert {article_id(p.read_text().split("\n", 1)[1]) for p in good} <= set(after)


def test_a_long_article_stored_before_the_limit_does_not_fail_generate(tmp_path, capsys, caplog):
    path = tmp_path / "s.sqlite"
    text = "\n\n".join(make.PARAGRAPH.format(n=n) for n in range(4000))  # ~1.2 million characters
    assert len(text) > 1_000_000
    store = Store(path)
    store.add_articles([Article(id=article_id(text), text=text, date="2021-03-02", title="Long", source="old",
                                url=None, path="old.txt", lang="en")])
    store.close()
    code = main(["generate", "--from", "2021-03-01", "--to", "2021-03-31", "--format", "md", "--out",
                 str(tmp_path / "out"), "--store", str(path)])
    assert code == 0, capsys.readouterr().err
    assert "only the first 50000 are extracted" in caplog.text
    markdown = (tmp_path / "out" / "briefing_2021-03-01_2021-03-31.md").read_text()
    assert "Ariha" in markdown and "E088" not in markdown
    assert len(stored(path)[article_id(text)][0]) == len(text)  # the stored text itself is untouched


def test_unsafe_urls_are_dropped_and_markup_in_urls_encoded(tmp_path, store, capsys):
    path, before = store
    folder = tmp_path / "in"
    folder.mkdir()
    hostiles = make.injected_urls(folder)
    angle = make.angle_url(folder)
    code, lines = ingest(path, folder, capsys=capsys)
    assert code == 0
    for hostile in hostiles:
        line_about(lines, hostile)
    assert not any(line.strip() in ("# HEADING", "<script>alert(1)</script>") for line in lines)  # newlines escaped
    after = assert_kept(path, before)
    urls = {origin: url for _, url, origin in after.values()}
    assert all(urls[str(h.path)] is None for h in hostiles)  # the articles are kept, without their url
    assert urls[str(angle)] == "http://h/a%3Eb%20%3Cimg%20src=x%20onerror=alert%281%29%3E"
    for url in urls.values():
        assert url is None or (url.startswith(("http://", "https://")) and not set(url) & set("<> \n\"'"))


@pytest.mark.parametrize("url, expected", [
    ("mailto:x\n\n# HEADING\n\n<script>", None),
    ("javascript:alert(1)", None),
    ("JavaScript:alert(1)", None),
    ("file:///etc/passwd", None),
    ("http://h/a\u2028b", None),
    ("http://<x>/", None),
    ("http:///no-host", None),
    ("https://example.org/a?q=(1)&r=[2]", "https://example.org/a?q=%281%29&r=%5B2%5D"),
    ("http://h/a>b <img src=x onerror=alert(1)>", "http://h/a%3Eb%20%3Cimg%20src=x%20onerror=alert%281%29%3E"),
    ("https://example.org/news/1", "https://example.org/news/1"),
    ("http://[::1]:8080/x", "http://[::1]:8080/x"),
])
def test_safe_url_for_renderers(url, expected):
    assert safe_url(url) == expected


def test_deeply_nested_json_is_named_and_the_batch_goes_on(tmp_path, store, capsys):
    path, before = store
    folder = tmp_path / "in"
    folder.mkdir()
    hostiles = make.deep_json(folder)
    good = make.good_articles(folder, 2, start=20)
    code, lines = ingest(path, folder, capsys=capsys)
    assert code == 0
    for hostile in hostiles:
        line_about(lines, hostile)
    assert not any("Traceback" in line or "RecursionError" in line for line in lines)
    after = assert_kept(path, before)
    assert {article_id(p.read_text().split("\n", 1)[1]) for p in good} <= set(after)
    assert any(origin == str(hostiles[1].path) for _, _, origin in after.values())  # the good line beside it


def test_yaml_alias_bomb_is_refused_at_once(tmp_path, store, capsys):
    path, before = store
    folder = tmp_path / "in"
    folder.mkdir()
    hostile = make.yaml_bomb(folder)
    good = make.good_articles(folder, 1, start=30)
    began = time.monotonic()
    code, lines = ingest(path, folder, capsys=capsys)
    assert time.monotonic() - began < 10
    assert code == 0
    assert line_about(lines, hostile).startswith(f"{hostile.path}:5:")  # the line of the first alias
    after = assert_kept(path, before)
    assert article_id(good[0].read_text().split("\n", 1)[1]) in after


def test_nul_bytes_symlinks_and_fifos(tmp_path, store, capsys):
    path, before = store
    folder = tmp_path / "in"
    folder.mkdir()
    secret = tmp_path / "outside.txt"
    secret.write_text("date 2021-03-03\nOUTSIDE THE FOLDER " + make.PARAGRAPH.format(n=1))
    hostiles = [make.nul_late(folder), make.symlink_out(folder, str(secret)), make.fifo(folder)]
    make.good_articles(folder, 1, start=40)
    began = time.monotonic()
    code, lines = ingest(path, folder, capsys=capsys)
    assert time.monotonic() - began < 10  # the FIFO was never opened
    assert code == 0
    for hostile in hostiles:
        line_about(lines, hostile)
    after = assert_kept(path, before)
    assert not any("\x00" in text for text, _, _ in after.values())
    assert not any("OUTSIDE THE FOLDER" in text for text, _, _ in after.values())
    assert any("Before after the NUL" in text or "Beforeafter the NUL" in text for text, _, _ in after.values())
    # a FIFO named on the command line is named too, not reported as missing
    code, lines = ingest(path, hostiles[2].path, capsys=capsys)
    assert code == 1 and any("named pipe (FIFO), not a file or folder" in line for line in lines)


def test_a_big_jsonl_ingests_at_hundreds_of_lines_per_second_at_least(tmp_path, capsys):
    """Before: about 113 lines/s (70% in language detection); now well over 1,000 on an idle machine."""
    lines = 3000
    source = make.big_jsonl(tmp_path, lines)
    began = time.monotonic()
    code, output = ingest(tmp_path / "s.sqlite", source, capsys=capsys)
    elapsed = time.monotonic() - began
    assert code == 0 and output[-1].startswith(f"ingested: {lines} new")
    assert lines / elapsed > 400, f"{lines / elapsed:.0f} lines/s"


def test_a_huge_html_page_is_refused_quickly(tmp_path, store, capsys):
    path, before = store
    folder = tmp_path / "in"
    folder.mkdir()
    hostile = make.big_html(folder)
    began = time.monotonic()
    code, lines = ingest(path, folder, capsys=capsys)
    assert time.monotonic() - began < 10
    assert code == 1  # nothing could be ingested from that folder
    line_about(lines, hostile)
    assert_kept(path, before)
