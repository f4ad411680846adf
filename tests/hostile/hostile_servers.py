"""Hostile HTTP servers on 127.0.0.1: an endless body, a slow drip, redirects inside, an internal page, a webhook
that redirects to another origin. Every loop is bounded in time and ends when the server closes."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE = ("<!doctype html><html><head><title>Aid reaches Idlib</title></head><body><article><h1>Aid reaches Idlib</h1>"
           "<p>Aid convoys reached Idlib on Tuesday, bringing food and blankets to more than 3,000 families who fled "
           "the fighting in the south of the province, the United Nations said in a statement.</p>"
           "<p>Officials said further convoys were planned for the coming week if the crossings stayed open.</p>"
           "</article></body></html>").encode()
SECRET = b"<html><body><article><p>INTERNAL ADMIN PAGE token s3cret: the keys to every system in this building, " \
         b"listed here for the operators only and never for the outside world.</p></article></body></html>"
LIMIT = 30.0  # seconds any one answer may take, whatever the client does


class Hostile:
    """One server; `requests` lists (method, path, headers) of everything it was asked."""

    def __init__(self):
        self.requests: list[tuple[str, str, dict]] = []
        self.closing = threading.Event()
        self.other: "Hostile | None" = None  # where /hook-away redirects to
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                owner.requests.append(("GET", self.path, dict(self.headers)))
                try:
                    owner.answer(self)
                except (BrokenPipeError, ConnectionResetError, TimeoutError):
                    pass  # the client gave up, as it should

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                owner.requests.append(("POST", self.path, dict(self.headers), json.loads(body or b"null")))
                if self.path == "/hook-away" and owner.other is not None:
                    self.send_response(302)
                    self.send_header("Location", f"{owner.other.url}/collect")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                owner.send(self, 200, b"{}", "application/json")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def by_name(self) -> str:
        """The same server under the name `localhost`, for links that must be refused when only 127.0.0.1 is allowed."""
        return f"http://localhost:{self.port}"

    def paths(self) -> list[str]:
        return [r[1] for r in self.requests]

    def send(self, handler, status: int, body: bytes, kind: str = "text/html") -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", kind)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def answer(self, handler) -> None:
        path = handler.path.split("?")[0]
        began = time.monotonic()
        if path == "/article.html":
            return self.send(handler, 200, ARTICLE)
        if path == "/feed.xml":  # one good entry; one linking inside by another name; one redirecting inside
            links = [f"{self.url}/article.html", f"{self.by_name}/internal/admin?token=s3cret", f"{self.url}/redirect-inside"]
            items = "".join(f"<item><title>Entry {n}</title><link>{link}</link>"
                            "<pubDate>Tue, 09 Mar 2021 10:00:00 GMT</pubDate></item>" for n, link in enumerate(links))
            feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Mixed</title>{items}</channel></rss>'
            return self.send(handler, 200, feed.encode(), "application/rss+xml")
        if path.startswith("/internal") or path.startswith("/latest"):
            return self.send(handler, 200, SECRET)
        if path == "/redirect-inside":  # to this same server, by a name that is not allowed
            handler.send_response(302)
            handler.send_header("Location", f"{self.by_name}/internal/admin?token=s3cret")
            handler.send_header("Content-Length", "0")
            return handler.end_headers()
        if path == "/endless":  # no Content-Length, never ends
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.send_header("Connection", "close")
            handler.end_headers()
            handler.wfile.write(b"<html><body><article><p>")
            chunk = b"endless " * 8192
            while not self.closing.is_set() and time.monotonic() - began < LIMIT:
                handler.wfile.write(chunk)
            return
        if path == "/drip":  # a correct length, one byte every 0.25 s
            body = ARTICLE
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            for byte in body:
                if self.closing.wait(0.25) or time.monotonic() - began > LIMIT:
                    return
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
            return
        if path == "/drip-headers":  # even the headers come one byte at a time
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"x" * 400 + b"\r\n"
            for byte in head:
                if self.closing.wait(0.25) or time.monotonic() - began > LIMIT:
                    return
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
            return
        return self.send(handler, 404, b"not here")

    def close(self) -> None:
        self.closing.set()
        self.server.shutdown()
        self.server.server_close()
