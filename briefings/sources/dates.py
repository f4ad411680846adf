"""Dates in the forms sources write them, normalised to a UTC date plus precision."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from dateutil import parser as dateutil_parser

EARLIEST = date(1900, 1, 1)
# A date written without a zone may be local time ahead of UTC, so "today" in
# Asia can be tomorrow in UTC; one day of slack avoids rejecting fresh news.
FUTURE_SLACK = timedelta(days=1)

MONTH_ONLY = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
YEAR_ONLY = re.compile(r"^\d{4}$")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))


@dataclass(frozen=True)
class ParsedDate:
    """A normalised date ("YYYY-MM-DD" or "YYYY-MM"), or why the value was refused."""

    value: str | None = None
    error: str | None = None  # "what is wrong — what to do"
    reason: str | None = None  # short key for summaries: invalid date, future date, date before 1900

    @property
    def missing(self) -> bool:
        return self.value is None and self.error is None


def normalise_date(raw, *, today: date | None = None) -> ParsedDate:
    """Turn a date in any common form (ISO, RFC 822, "Feb 7, 2020", epoch, date objects) into a UTC date."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return ParsedDate()
    today = today or datetime.now(timezone.utc).date()
    try:
        day, precise = to_date(raw)
    except ValueError as exc:
        return ParsedDate(error=f"{exc} — write it as YYYY-MM-DD (or YYYY-MM)", reason="invalid date")
    shown = raw if isinstance(raw, str) else str(raw)
    if day > today + FUTURE_SLACK:
        return ParsedDate(error=f"date '{shown}' is in the future — fix the date", reason="future date")
    if day < EARLIEST:
        return ParsedDate(error=f"date '{shown}' is before 1900 — fix the date", reason="date before 1900")
    return ParsedDate(value=day.isoformat() if precise else day.strftime("%Y-%m"))


def to_date(raw) -> tuple[date, bool]:
    """(UTC date, whether the day is known); ValueError with a readable message otherwise."""
    if isinstance(raw, datetime):
        return utc(raw).date(), True
    if isinstance(raw, date):
        return raw, True
    if isinstance(raw, time.struct_time):  # feedparser's *_parsed fields are already UTC
        return date(raw.tm_year, raw.tm_mon, raw.tm_mday), True
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        raise ValueError(f"date {raw!r} is not a date")
    if isinstance(raw, (int, float)):
        return from_epoch(raw), True
    return from_text(raw.strip())


def from_epoch(number: float) -> date:
    # News APIs export seconds or milliseconds since 1970.
    seconds = number / 1000 if abs(number) > 1e11 else number
    try:
        return datetime.fromtimestamp(seconds, timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"date {number!r} is not a valid timestamp") from None


def from_text(text: str) -> tuple[date, bool]:
    match = MONTH_ONLY.match(text)
    if match:
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise ValueError(f"date '{text}' has no month {month}")
        return date(year, month, 1), False
    if ISO_DAY.match(text):  # the common case, without dateutil's two parses
        try:
            return date.fromisoformat(text), True
        except ValueError:
            raise ValueError(f"date '{text}' is not a date") from None
    if YEAR_ONLY.match(text):
        raise ValueError(f"date '{text}' gives only a year")
    if text.isdigit() and len(text) > 8:  # eight digits are YYYYMMDD, longer ones a timestamp
        return from_epoch(int(text)), True
    try:
        return utc(parsedate_to_datetime(text)).date(), True  # RFC 822, as feeds and mail write it
    except (TypeError, ValueError, IndexError):
        pass
    return from_words(text)


def from_words(text: str) -> tuple[date, bool]:
    """ISO and written dates; parsing with two different defaults tells which fields were given."""
    try:
        first, second = (dateutil_parser.parse(text, default=d) for d in DEFAULTS)
    except (ValueError, OverflowError, dateutil_parser.ParserError):
        raise ValueError(f"date '{text}' is not a date") from None
    if first.year != second.year:
        raise ValueError(f"date '{text}' has no year")
    if first.month != second.month:
        raise ValueError(f"date '{text}' gives only a year")
    if first.day != second.day:
        return date(first.year, first.month, 1), False
    return utc(first).date(), True


def utc(moment: datetime) -> datetime:
    """Aware times are converted to UTC; naive ones are taken as UTC already."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(timezone.utc).replace(tzinfo=None)
