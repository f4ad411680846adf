"""Resolve the date a sentence refers to ("on Monday", "January 2", "last week") against the article date."""
from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ]
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}

_MONTH = r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SINCE = r"(?P<since>\b(?i:since|from)\s+(?:the\s+(?:beginning|start|end|middle)\s+of\s+|early\s+|late\s+|mid-?\s*)?)?"

# Ordered: the first kind that matches anywhere in the span wins over later kinds.
PATTERNS = [
    ("mdy", re.compile(_SINCE + _MONTH + r"\s+" + _DAY + r"\b(?:,?\s+" + _YEAR + r")?")),
    ("dmy", re.compile(_SINCE + r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b")),
    ("weekday", re.compile(r"(?P<rel>\b(?:last|next|this|on|late|early)\s+)?\b" + _WEEKDAY + r"\b")),
    ("relday", re.compile(r"\b(?P<word>yesterday|today|tonight|this morning|this afternoon|this evening|last night|overnight)\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|ten)\s+(?P<unit>days?|weeks?|months?)\s+ago\b", re.I)),
    ("relperiod", re.compile(r"\b(?P<rel>last|this|earlier this|past)\s+(?P<unit>week|weekend|month)\b", re.I)),
    ("weekend", re.compile(r"\b(?:over|at|during) the weekend\b", re.I)),
    ("my", re.compile(_SINCE + r"\b(?:in\s+|early\s+|late\s+|mid-?\s*)?" + _MONTH + r"(?:,?\s+(?:of\s+)?" + _YEAR + r")?\b")),
]


def parse_article_date(s: str | None) -> tuple[date | None, str | None]:
    """Parse "YYYY-MM-DD" or "YYYY-MM" into (date, "day"|"month"); (None, None) when missing or bad."""
    if not s:
        return None, None
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", s.strip())
    if not m:
        return None, None
    try:
        if m.group(3):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), "day"
        return date(int(m.group(1)), int(m.group(2)), 1), "month"
    except ValueError:
        return None, None


def event_date(span, article_date: str | None) -> str | None:
    """The date the span refers to, "YYYY-MM-DD" or "YYYY-MM"; None when it names no date.

    A running-total phrase alone ("since December") resolves to the article date: the total
    is as of publication. Relative phrases in month-precision articles resolve to the month.
    """
    text = span if isinstance(span, str) else span.text
    base, precision = parse_article_date(article_date)
    since_only = None
    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            if kind in ("mdy", "dmy", "my") and not _is_month(m, text):
                continue
            if m.groupdict().get("since"):
                since_only = since_only or article_date
                continue
            resolved = _resolve(kind, m, base, precision)
            if resolved:
                return resolved
    return since_only


def period_start(span, article_date: str | None) -> str | None:
    """Start of a running total ("since December" → "2019-12"), or None when the span has none."""
    text = span if isinstance(span, str) else span.text
    base, precision = parse_article_date(article_date)
    for kind, rx in PATTERNS:
        if kind not in ("mdy", "dmy", "my"):
            continue
        for m in rx.finditer(text):
            if m.group("since") and _is_month(m, text):
                return _resolve(kind, m, base, precision)
    return None


def _is_month(m, text: str) -> bool:
    """Reject "may"/"march" used as words, and "May" without a day, year or preposition."""
    month = m.group("month")
    if not month[0].isupper():
        return False
    if month == "May" or month == "March":
        if m.groupdict().get("day") or m.groupdict().get("year") or m.groupdict().get("since"):
            return True
        before = text[: m.start("month")].rstrip().lower()
        return before.endswith(("in", "early", "late", "mid", "of", "since"))
    return True


def _resolve(kind: str, m, base: date | None, precision: str | None) -> str | None:
    """Turn one match into a date string, using the article date for missing parts."""
    if kind in ("mdy", "dmy", "my"):
        month = MONTHS[m.group("month").lower().rstrip(".")]
        year = int(m.group("year")) if m.group("year") else _infer_year(month, base)
        if year is None:
            return None
        day = int(m.group("day")) if kind != "my" else None
        if day:
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                return None
        return f"{year:04d}-{month:02d}"
    if base is None:
        return None
    day = _relative_day(kind, m, base)
    if day is None:
        return None
    if precision == "month":
        # the article's day is unknown, so only month-sized steps can move the month
        months_back = kind in ("relperiod", "ago") and m.group("unit").lower().startswith("month")
        return (day if months_back else base).strftime("%Y-%m")
    if kind == "relperiod" and m.group("unit").lower() == "month":
        return day.strftime("%Y-%m")
    if kind == "ago" and m.group("unit").lower().startswith("month"):
        return day.strftime("%Y-%m")
    return day.isoformat()


def _infer_year(month: int, base: date | None) -> int | None:
    """News reports the past: a month later than the article's is last year's."""
    if base is None:
        return None
    return base.year if month <= base.month else base.year - 1


def _relative_day(kind: str, m, base: date) -> date | None:
    """The day a relative phrase points to, counted from the article date."""
    if kind == "weekday":
        target = WEEKDAYS.index(m.group("weekday").lower())
        rel = (m.group("rel") or "").strip().lower()
        if rel == "next":
            return base + timedelta(days=(target - base.weekday()) % 7 or 7)
        back = (base.weekday() - target) % 7
        if rel == "last" and back == 0:
            back = 7
        return base - timedelta(days=back)
    if kind == "relday":
        word = m.group("word").lower()
        return base - timedelta(days=1) if word in ("yesterday", "last night") else base
    if kind == "ago":
        n = m.group("n").lower()
        n = int(n) if n.isdigit() else NUMBER_WORDS[n]
        unit = m.group("unit").lower()
        days = n * (1 if unit.startswith("day") else 7 if unit.startswith("week") else 30)
        return base - timedelta(days=days)
    if kind == "relperiod":
        rel, unit = m.group("rel").lower(), m.group("unit").lower()
        if unit == "weekend":
            return base - timedelta(days=(base.weekday() - 5) % 7 or 7) if rel != "this" else base
        if unit == "week":
            return base - timedelta(days=7) if rel in ("last", "past") else base
        if rel == "last":
            return (base.replace(day=1) - timedelta(days=1)).replace(day=1)
        return base.replace(day=1)
    if kind == "weekend":
        return base - timedelta(days=(base.weekday() - 5) % 7)
    return None
