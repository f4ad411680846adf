"""Fetch settings, the [fetch] table of briefings.toml; apart from fetch.py so reading them never imports httpx."""
from __future__ import annotations

from dataclasses import dataclass

FETCH_KEYS = {"allow_private": bool, "allow_hosts": list, "timeout": (int, float), "deadline": (int, float),
              "max_mb": (int, float)}


@dataclass(frozen=True)
class FetchOptions:
    """How patient to be with servers, and what they may send; the [fetch] table of briefings.toml."""

    timeout: float = 15.0  # seconds for connecting and for each read
    retries: int = 2  # extra tries after a timeout, a dropped connection or a 5xx answer
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    max_redirects: int = 5
    deadline: float = 60.0  # seconds for one URL from connecting to the last byte, however the server drips
    max_bytes: int = 10 * 2**20  # a longer answer is refused
    allow_private: bool = False  # fetch from loopback, private and link-local addresses too (a feed on your network)
    allow_hosts: tuple[str, ...] = ()  # host names (as written in URLs) fetched even when their address is private


def fetch_options(table: dict, where: str) -> tuple[FetchOptions | None, list[str]]:
    """Options from a [fetch] table, and every problem with it as `where: fetch.key: what`."""
    errors, values = [], {}
    for key, value in table.items():
        kind = FETCH_KEYS.get(key)
        if kind is None:
            errors.append(f"{where}: fetch.{key}: unknown key (known: {', '.join(sorted(FETCH_KEYS))})")
        elif kind is list:
            if isinstance(value, list) and all(isinstance(v, str) and v for v in value):
                values[key] = tuple(v.lower() for v in value)
            else:
                errors.append(f"{where}: fetch.{key}: must be a list of host names, e.g. [\"feeds.example.lan\"]")
        elif not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            errors.append(f"{where}: fetch.{key}: must be {'true or false' if kind is bool else 'a number'}")
        elif kind is not bool and not value > 0:
            errors.append(f"{where}: fetch.{key}: must be more than 0")
        else:
            values[key] = value
    if "max_mb" in values:
        values["max_bytes"] = int(values.pop("max_mb") * 2**20)
    return (None if errors else FetchOptions(**values)), errors
