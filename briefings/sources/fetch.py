"""HTTP for feeds and pages: httpx with a timeout per read, an overall deadline and a size cap per URL, bounded
retries, a clear User-Agent, and only public addresses (every redirect checked too) unless the config allows
the local network."""
from __future__ import annotations

import math
import time
from dataclasses import dataclass

import httpcore
import httpx

from .addresses import Refused, vetted
from .fetchoptions import FetchOptions

__all__ = ["FetchError", "FetchOptions", "Fetcher", "Page", "USER_AGENT"]

USER_AGENT = "briefings/0.1 (+https://example.org)"
RETRY_STATUS = {429, 500, 502, 503, 504}
class FetchError(Exception):
    """A URL that could not be fetched; `reason` groups it in the ingest summary."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.message = message
        self.reason = reason


@dataclass(frozen=True)
class Page:
    """A fetched answer: status, headers, the whole body and the URL it finally came from."""

    status_code: int
    headers: httpx.Headers
    content: bytes
    url: str


class Fetcher:
    """One HTTP client for a whole ingest, so connections are reused."""

    def __init__(self, options: FetchOptions | None = None):
        self.options = options or FetchOptions()
        self.deadline = math.inf  # monotonic time the URL in hand must be done by
        transport = httpx.HTTPTransport()
        # Connect only to the addresses just checked (no second DNS answer pointing inside), and cut every read
        # short at the deadline. httpx has no public hook for the network backend, hence the private attribute.
        transport._pool._network_backend = GuardedBackend(self)
        self.client = httpx.Client(
            headers={"User-Agent": USER_AGENT},
            timeout=self.options.timeout,
            follow_redirects=True,
            max_redirects=self.options.max_redirects,
            transport=transport,
            event_hooks={"request": [self.check_request]},
        )

    def close(self) -> None:
        self.client.close()

    def check_request(self, request: httpx.Request) -> None:
        """Every request, redirects included, goes to a public address (or any, when the config allows)."""
        vetted(request.url.host, request.url.port or (443 if request.url.scheme == "https" else 80),
               self.options.allow_private, self.options.allow_hosts)

    def remaining(self, timeout: float | None) -> float:
        """`timeout` cut to the time left before the deadline; a ReadTimeout when none is left."""
        left = self.deadline - time.monotonic()
        if math.isinf(left):
            return timeout
        if left <= 0:
            raise httpcore.ReadTimeout("deadline passed")
        return left if timeout is None else min(timeout, left)

    def get(self, url: str, headers: dict | None = None) -> Page:
        """The answer (2xx or 304) read in full; FetchError with a one-line message otherwise."""
        tries = self.options.retries + 1
        for attempt in range(tries):
            self.deadline = time.monotonic() + self.options.deadline
            try:
                return self.fetch_once(url, headers or {})
            except Refused as exc:
                raise FetchError(str(exc), "refused address") from None
            except httpx.TooManyRedirects:
                raise FetchError(f"more than {self.options.max_redirects} redirects (a redirect loop?) — "
                                 "open the URL in a browser and use where it ends", "redirect loop") from None
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
                raise FetchError(f"not a usable http(s) URL ({exc}) — check it", "invalid URL") from None
            except httpx.TimeoutException:
                if time.monotonic() >= self.deadline:
                    raise FetchError(f"not complete after {self.options.deadline:g}s (the server is too slow or "
                                     "never ends) — try again later", "too slow") from None
                error = FetchError(f"no answer within {self.options.timeout:g}s ({tries} tries) — try again "
                                   "later", "timeout")
            except httpx.TransportError as exc:
                error = FetchError(f"cannot connect ({exc or type(exc).__name__}) — check the address and "
                                   "the network", "connection failed")
            except FetchError as exc:
                if exc.reason not in {f"HTTP {s}" for s in RETRY_STATUS}:
                    raise
                error = exc
            finally:
                self.deadline = math.inf
            if attempt + 1 < tries:
                time.sleep(self.options.backoff * 2**attempt)
        raise error

    def fetch_once(self, url: str, headers: dict) -> Page:
        with self.client.stream("GET", url, headers=headers) as response:
            if response.status_code >= 400:
                raise status_error(response)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.options.max_bytes:
                raise self.too_large()
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > self.options.max_bytes:
                    raise self.too_large()
            return Page(response.status_code, response.headers, bytes(body), str(response.url))

    def too_large(self) -> FetchError:
        size = f"{self.options.max_bytes / 2**20:g} MB"
        return FetchError(f"answer larger than {size} — refused (raise max_mb in [fetch] if it is real)", "too large")


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to vetted addresses and honouring the fetcher's deadline."""

    def __init__(self, fetcher: Fetcher):
        self.fetcher = fetcher

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        try:
            host = host.decode("ascii") if isinstance(host, bytes) else host
            addresses = vetted(host, port, self.fetcher.options.allow_private, self.fetcher.options.allow_hosts)
        except OSError as exc:
            raise httpcore.ConnectError(str(exc)) from None
        error = None
        for address in addresses:
            try:
                stream = super().connect_tcp(address, port, self.fetcher.remaining(timeout), local_address,
                                             socket_options)
                return DeadlineStream(stream, self.fetcher)
            except httpcore.ConnectError as exc:
                error = exc
        raise error or httpcore.ConnectError(f"no address for {host}")


class DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the fetcher's deadline."""

    def __init__(self, inner, fetcher: Fetcher):
        self.inner = inner
        self.fetcher = fetcher

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, self.fetcher.remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, self.fetcher.remaining(timeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        upgraded = self.inner.start_tls(ssl_context, server_hostname, self.fetcher.remaining(timeout))
        return DeadlineStream(upgraded, self.fetcher)

    def get_extra_info(self, info: str):
        return self.inner.get_extra_info(info)


def status_error(response) -> FetchError:
    status = response.status_code
    advice = "the server failed; try again later" if status >= 500 else "check the URL"
    return FetchError(f"HTTP {status} {response.reason_phrase} — {advice}", f"HTTP {status}")
