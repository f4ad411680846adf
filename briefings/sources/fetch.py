"""HTTP for feeds and pages: httpx with a timeout, bounded retries and a clear User-Agent."""
from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

USER_AGENT = "briefings/0.1 (+https://example.org)"
RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchOptions:
    """How patient to be with servers."""

    timeout: float = 15.0  # seconds for connecting and for each read
    retries: int = 2  # extra tries after a timeout, a dropped connection or a 5xx answer
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    max_redirects: int = 5


class FetchError(Exception):
    """A URL that could not be fetched; `reason` groups it in the ingest summary."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.message = message
        self.reason = reason


class Fetcher:
    """One HTTP client for a whole ingest, so connections are reused."""

    def __init__(self, options: FetchOptions | None = None):
        self.options = options or FetchOptions()
        self.client = httpx.Client(
            headers={"User-Agent": USER_AGENT},
            timeout=self.options.timeout,
            follow_redirects=True,
            max_redirects=self.options.max_redirects,
        )

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, headers: dict | None = None) -> httpx.Response:
        """The response (2xx or 304); FetchError with a one-line message otherwise."""
        tries = self.options.retries + 1
        for attempt in range(tries):
            try:
                response = self.client.get(url, headers=headers or {})
            except httpx.TooManyRedirects:
                raise FetchError(f"more than {self.options.max_redirects} redirects (a redirect loop?) — "
                                 "open the URL in a browser and use where it ends", "redirect loop") from None
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
                raise FetchError(f"not a usable http(s) URL ({exc}) — check it", "invalid URL") from None
            except httpx.TimeoutException:
                error = FetchError(f"no answer within {self.options.timeout:g}s ({tries} tries) — try again "
                                   "later", "timeout")
            except httpx.TransportError as exc:
                error = FetchError(f"cannot connect ({exc or type(exc).__name__}) — check the address and "
                                   "the network", "connection failed")
            else:
                status = response.status_code
                if status < 400:
                    return response
                error = status_error(response)
                if status not in RETRY_STATUS:
                    raise error
            if attempt + 1 < tries:
                time.sleep(self.options.backoff * 2**attempt)
        raise error


def status_error(response: httpx.Response) -> FetchError:
    status = response.status_code
    advice = "the server failed; try again later" if status >= 500 else "check the URL"
    return FetchError(f"HTTP {status} {response.reason_phrase} — {advice}", f"HTTP {status}")
