"""Feeds and pages over real HTTP: a localhost server with slow, broken, moved and unchanged answers."""
import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from briefings.models import Extraction
from briefings.sources import read_paths
from briefings.sources.fetch import USER_AGENT, FetchOptions
from briefings.sources.ingest import ingest
from briefings.store import Store

SITE = Path(__file__).parent / "fixtures" / "sources" / "site"
FAST = FetchOptions(timeout=0.3, retries=1, backoff=0.0, allow_private=True)  # the test site is on 127.0.0.1
REDIRECTS = {"/moved.html": "/two.html", "/loop.html": "/loop.html"}
FAILURES = {"/broken.html": 500, "/gone.html": 404}


class Site:
    """What the server answers; tests change `three` and `three_updated` to publish an edit."""

    def __init__(self, base: str):
        self.base = base
        self.reset()

    def reset(self):
        self.requests: list[tuple[str, dict]] = []
        self.three = "three.html"
        self.three_updated = "2021-05-12T09:00:00Z"

    def feed(self, name: str) -> bytes:
        text = (SITE / name).read_text(encoding="utf-8")
        return text.replace("{base}", self.base).replace("{three_updated}", self.three_updated).encode()

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        site: Site = self.server.site
        path = urlsplit(self.path).path
        site.requests.append((path, dict(self.headers)))
        try:
            self.answer(site, path)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up on the slow page
            pass

    def answer(self, site: Site, path: str):
        if path == "/slow.html":
            time.sleep(1.0)
            return self.send(200, (SITE / "one.html").read_bytes(), "text/html")
        if path in FAILURES:
            return self.send(FAILURES[path], b"error page", "text/html")
        if path in REDIRECTS:
            self.send_response(302)
            self.send_header("Location", REDIRECTS[path])
            self.send_header("Content-Length", "0")
            return self.end_headers()
        if path == "/notfeed":
            return self.send(200, b'{"hello": "world"}', "application/json")
        if path == "/lastmod.xml":  # a server that knows Last-Modified but not ETag
            stamp = "Wed, 12 May 2021 10:00:00 GMT"
            if self.headers.get("If-Modified-Since") == stamp:
                self.send_response(304)
                return self.end_headers()
            return self.send(200, site.feed("clean.xml"), "application/atom+xml", {"Last-Modified": stamp})
        if path.endswith(".xml"):
            body = site.feed(path.lstrip("/"))
            etag = '"%s"' % hashlib.sha1(body).hexdigest()[:12]
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                return self.end_headers()
            return self.send(200, body, "application/rss+xml", {"ETag": etag})
        name = site.three if path == "/three.html" else path.lstrip("/")
        if (SITE / name).is_file():
            return self.send(200, (SITE / name).read_bytes(), "text/html; charset=utf-8")
        return self.send(404, b"not found", "text/plain")

    def send(self, status: int, body: bytes, kind: str, headers: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.site = Site(f"http://127.0.0.1:{httpd.server_address[1]}")
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.site
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def site(server):
    server.reset()
    return server


def by_url(store: Store) -> dict:
    return {a.url: a for a in store.articles() + store.undated()}


def test_feed_entries_are_fetched_and_every_failure_is_one_line(site, tmp_path):
    store = Store(tmp_path / "s.sqlite")
    summary = ingest(store, [f"{site.base}/feed.xml"], fetch=FAST)
    assert (summary.new, summary.updated, summary.duplicate) == (3, 0, 0)
    assert dict(summary.rejected) == {"timeout": 1, "HTTP 500": 1, "HTTP 404": 1, "redirect loop": 1,
                                      "no article text": 1}
    lines = [str(p) for p in summary.problems]
    assert f"{site.base}/slow.html: no answer within 0.3s (2 tries) — try again later" in lines
    assert f"{site.base}/broken.html: HTTP 500 Internal Server Error — the server failed; try again later" in lines
    assert f"{site.base}/gone.html: HTTP 404 Not Found — check the URL" in lines
    assert any(line.startswith(f"{site.base}/loop.html: more than 5 redirects") for line in lines)
    assert any(line.startswith(f"{site.base}/index.html: no article text found") for line in lines)
    articles = by_url(store)
    one = articles[f"{site.base}/one.html"]  # tracking parameter dropped from the link
    assert one.title == "Water trucks return" and one.source == "Example Relief Feed"
    assert one.date == "2021-05-11"  # 21:00 at UTC-5 is the next day in UTC
    assert one.text.startswith("Water trucks returned to the eastern camps on Monday")
    assert "Home" not in one.text and "All rights reserved" not in one.text
    assert articles[f"{site.base}/moved.html"].text.startswith("The only bakery in the old quarter reopened")
    bulletin = articles[None]  # no link: the feed's own full text is used
    assert bulletin.text.startswith("The coordination office published its weekly bulletin")
    assert bulletin.date == "2021-05-12"
    assert {headers.get("User-Agent") for _, headers in site.requests} == {USER_AGENT}
    assert site.paths().count("/slow.html") == 2 and site.paths().count("/broken.html") == 2  # one retry each
    assert site.paths().count("/gone.html") == 1  # a 404 is not retried


def test_stored_entries_are_not_fetched_again(site, tmp_path):
    store = Store(tmp_path / "s.sqlite")
    ingest(store, [f"{site.base}/feed.xml"], fetch=FAST)
    site.requests.clear()
    again = ingest(store, [f"{site.base}/feed.xml"], fetch=FAST)
    assert (again.new, again.skipped, again.duplicate) == (0, 2, 1)
    assert "/one.html" not in site.paths() and "/moved.html" not in site.paths()
    # Entries that failed for a passing reason are tried again; the feed is not marked unchanged.
    assert "/slow.html" in site.paths()
    assert store.conn.execute("SELECT COUNT(*) FROM feed_state").fetchone()[0] == 0
    assert store.count_articles() == 3


def test_an_unchanged_feed_answers_304_and_nothing_is_fetched(site, tmp_path):
    store = Store(tmp_path / "s.sqlite")
    first = ingest(store, [f"{site.base}/clean.xml"], fetch=FAST)
    assert first.new == 2 and not first.problems
    site.requests.clear()
    second = ingest(store, [f"{site.base}/clean.xml"], fetch=FAST)
    assert second.unchanged == 1 and second.new == 0 and second.ok
    assert site.paths() == ["/clean.xml"]
    assert site.requests[0][1].get("If-None-Match", "").startswith('"')
    assert "1 feed(s) unchanged" in second.summary_lines()[0]


def test_last_modified_is_used_when_the_server_gives_no_etag(site, tmp_path):
    store = Store(tmp_path / "s.sqlite")
    assert ingest(store, [f"{site.base}/lastmod.xml"], fetch=FAST).new == 2
    again = ingest(store, [f"{site.base}/lastmod.xml"], fetch=FAST)
    assert again.unchanged == 1
    assert site.requests[-1][1].get("If-Modified-Since") == "Wed, 12 May 2021 10:00:00 GMT"
    assert "If-None-Match" not in site.requests[-1][1]


def test_the_same_page_from_two_feeds_is_stored_once_with_both_origins(site, tmp_path):
    store = Store(tmp_path / "s.sqlite")
    ingest(store, [f"{site.base}/feed.xml"], fetch=FAST)
    site.requests.clear()
    summary = ingest(store, [f"{site.base}/clean.xml"], fetch=FAST)
    assert (summary.new, summary.skipped) == (1, 1)
    assert "/one.html" not in site.paths()
    one = by_url(store)[f"{site.base}/one.html"]
    assert store.origins(one.id) == [f"{site.base}/clean.xml", f"{site.base}/feed.xml"]


def test_an_edited_entry_updates_the_article_and_drops_its_cached_extraction(site, tmp_path):
    store = Store(tmp_path / "s.sqlite")
    ingest(store, [f"{site.base}/clean.xml"], fetch=FAST)
    old = by_url(store)[f"{site.base}/three.html"]
    store.put_extraction(old.id, "v", Extraction(article_id=old.id))
    site.three, site.three_updated = "three_v2.html", "2021-05-13T09:00:00Z"
    summary = ingest(store, [f"{site.base}/clean.xml"], fetch=FAST)
    assert (summary.updated, summary.skipped, summary.new) == (1, 1, 0)
    new = by_url(store)[f"{site.base}/three.html"]
    assert new.id != old.id and "corrected its earlier statement" in new.text
    assert store.get_extraction(old.id, "v") is None
    assert store.count_articles() == 2
    assert store.origins(new.id) == [f"{site.base}/clean.xml"]


def test_a_single_article_page_url_is_read(site):
    result = read_paths([f"{site.base}/two.html"], fetch=FAST)
    assert not result.problems
    [article] = result.articles
    assert article.title == "Bakery reopens" and article.source == "Example Gazette"
    assert article.url == f"{site.base}/two.html" and article.date is None
    assert "no date" in str(result.warnings[0])


def test_urls_that_are_not_feeds_or_articles_are_refused(site, tmp_path):
    store = Store(tmp_path / "s.sqlite")
    dead = "http://127.0.0.1:9/feed.xml"  # nothing listens on the discard port
    summary = ingest(store, [f"{site.base}/notfeed", f"{site.base}/index.html", dead], fetch=FAST)
    assert dict(summary.rejected) == {"not a feed": 1, "no article text": 1, "connection failed": 1}
    lines = [str(p) for p in summary.problems]
    assert lines[0] == (f"{site.base}/notfeed: not an RSS/Atom feed or an HTML page (content type "
                        "application/json) — check the URL")
    assert lines[2].startswith(f"{dead}: cannot connect")
    assert not summary.ok and store.count_articles() == 0
