"""Real local servers for delivery tests: SMTP (aiosmtpd) and HTTP webhooks (http.server)."""
from __future__ import annotations

import email
import email.policy
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """aiosmtpd handler keeping every received message, parsed."""

    def __init__(self):
        self.messages = []
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"


def smtp_server(*, user: str | None = None, password: str | None = None, tls_context=None, ssl_context=None):
    """Start an SMTP server on localhost; returns (controller, inbox). Stop with controller.stop()."""
    inbox = Inbox()
    kwargs = {}
    if user:
        def check(server, session, envelope, mechanism, auth_data):
            ok = auth_data.login == user.encode() and auth_data.password == password.encode()
            return AuthResult(success=ok, handled=False)

        kwargs.update(authenticator=check, auth_required=True, auth_require_tls=tls_context is not None,
                      auth_exclude_mechanism=["LOGIN"])
    if tls_context is not None:
        kwargs.update(tls_context=tls_context, require_starttls=True)
    if ssl_context is not None:  # implicit TLS from the first byte (SMTPS, port 465 style)
        kwargs.update(ssl_context=ssl_context)
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), **kwargs)
    controller.start()
    return controller, inbox


class Hook:
    """An HTTP server recording POSTed JSON; answers `codes` in turn, then 200."""

    def __init__(self, codes=()):
        self.codes = list(codes)
        self.requests = []
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                hook.requests.append({"headers": dict(self.headers), "json": json.loads(body)})
                code = hook.codes.pop(0) if hook.codes else 200
                self.send_response(code)
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def close(self):
        self.server.shutdown()
        self.server.server_close()
