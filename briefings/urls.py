"""URLs safe to store and to render: absolute http(s) only, no control characters, nothing that ends a link."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

SCHEMES = ("http", "https")
MAX_LENGTH = 2048
CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Characters that end or break a link in Markdown (`<…>`, `[…](…)`, tables) or in HTML; percent-encoded.
BREAKING = re.compile(r"[\s<>\"'`(){}|\\^\[\]]")
HOST = re.compile(r"^(?:[^\W_]|[-._~%])+$|^\[[0-9A-Fa-f:.]+\]$")


def encode(match: re.Match) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))


def safe_url(url) -> str | None:
    """`url` when it is an absolute http(s) address without control characters, with spaces, quotes, angle
    brackets, parentheses and the like percent-encoded so it cannot end a Markdown or HTML link; else None."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or len(url) > MAX_LENGTH or CONTROLS.search(url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port  # ValueError when not a number
    except ValueError:
        return None
    host = parts.hostname or ""
    if parts.scheme.lower() not in SCHEMES or not HOST.match(host if not host.count(":") else f"[{host}]"):
        return None
    if port == 0 or BREAKING.search(parts.netloc.replace("[", "").replace("]", "")):
        return None
    rest = url[len(parts.scheme) + 3 + len(parts.netloc):]
    return f"{parts.scheme.lower()}://{parts.netloc}{BREAKING.sub(encode, rest)}"


def shown(url, limit: int = 80) -> str:
    """A URL as it may appear in a message: control characters escaped, long ones cut."""
    text = str(url)
    text = text[:limit] + ("…" if len(text) > limit else "")
    return text.encode("unicode_escape").decode("ascii") if CONTROLS.search(text) else text
