"""Scheduled briefings: the [[briefing]] tables of briefings.toml, validated once, and their schedules and periods."""
from __future__ import annotations

import calendar
import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CATCH_UP = ("all", "latest", "none")
FORMATS = ("pdf", "md")
ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Every:
    """When a briefing runs, in its own time zone."""

    unit: str  # hour | day | weekday | week | month
    hour: int = 0
    minute: int = 0
    weekday: int | None = None  # 0 = Monday, for unit "week"
    day: int | None = None  # day of the month, for unit "month" (clamped to the month's length)


@dataclass(frozen=True)
class Target:
    """A delivery or notice target: dir:PATH, email:ADDRESS or webhook:URL."""

    kind: str
    value: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"


@dataclass(frozen=True)
class Series:
    """One named, scheduled briefing."""

    name: str
    every: Every
    every_text: str
    period: str  # previous-day | previous-week | previous-month | last-N-days
    timezone: str = "UTC"
    title: str | None = None
    sources: tuple[str, ...] = ()  # absolute paths or URLs
    formats: tuple[str, ...] = FORMATS
    deliver: tuple[Target, ...] = ()
    notify: Target | None = None
    skip_if_no_new_articles: bool = False
    catch_up: str = "all"
    retries: int = 2  # extra attempts after a failure, for generation and for each delivery
    retry_delay: float = 30.0  # seconds before the first retry; doubles each time
    timeout: float = 10.0  # seconds per webhook request
    webhook_token_env: str | None = None  # environment variable holding the webhook's Bearer token
    profile: str = "full"  # profile of the generated briefing files
    output: Path | None = None  # where this series keeps its files; default <output>/<name>
    link_base: str | None = None  # URL under which `output` is served, for links in webhooks

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


# ---- schedule phrases and periods ------------------------------------------------------------

TIME = r"(?:\s+at\s+(\d{1,2}):(\d{2}))"


def parse_every(text: str) -> Every:
    """'monday at 07:00', 'day at 06:00', 'hour', 'hour at :15', 'month on 1 at 08:00', 'weekday at 07:30'."""
    phrase = " ".join(text.lower().split())
    phrase = phrase.removeprefix("every ")
    if m := re.fullmatch(r"hour(?:\s+at\s+:(\d{2}))?", phrase):
        return Every("hour", minute=check_minute(int(m.group(1) or 0)))
    if m := re.fullmatch(r"(day|weekday|" + "|".join(DAYS) + r")" + TIME, phrase):
        unit = m.group(1)
        hour, minute = check_time(m.group(2), m.group(3))
        if unit in DAYS:
            return Every("week", hour, minute, weekday=DAYS.index(unit))
        return Every(unit, hour, minute)
    if m := re.fullmatch(r"month\s+on\s+(\d{1,2})" + TIME, phrase):
        day = int(m.group(1))
        if not 1 <= day <= 31:
            raise ValueError(f"day of the month {day} is not between 1 and 31")
        hour, minute = check_time(m.group(2), m.group(3))
        return Every("month", hour, minute, day=day)
    raise ValueError(
        "not a schedule phrase; use e.g. 'day at 06:00', 'weekday at 07:30', 'monday at 07:00', "
        "'month on 1 at 08:00' or 'hour'"
    )


def check_time(hour: str, minute: str) -> tuple[int, int]:
    if int(hour) > 23:
        raise ValueError(f"hour {hour} is not between 00 and 23")
    return int(hour), check_minute(int(minute))


def check_minute(minute: int) -> int:
    if minute > 59:
        raise ValueError(f"minute {minute} is not between 00 and 59")
    return minute


def check_period(text: str) -> str:
    """The period phrase, normalised; ValueError when unknown."""
    phrase = text.strip().lower()
    if phrase in ("previous-day", "previous-week", "previous-month"):
        return phrase
    m = re.fullmatch(r"last-(\d{1,3})-days?", phrase)
    if m and int(m.group(1)) >= 1:
        return f"last-{int(m.group(1))}-days"
    raise ValueError("use previous-day, previous-week, previous-month, last-7-days or last-N-days (N >= 1)")


def period_window(period: str, today: date) -> tuple[date, date]:
    """The dates a period covers for a run on local date `today`; always complete days before today."""
    period = check_period(period)
    yesterday = today - timedelta(days=1)
    if period == "previous-day":
        return yesterday, yesterday
    if period == "previous-week":
        monday = today - timedelta(days=today.weekday() + 7)
        return monday, monday + timedelta(days=6)
    if period == "previous-month":
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    days = int(period.split("-")[1])
    return yesterday - timedelta(days=days - 1), yesterday


def month_day(year: int, month: int, day: int) -> date:
    """`day` of the month, or the month's last day when it is shorter."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def parse_target(text: str) -> Target:
    """'dir:PATH', 'email:ADDRESS' or 'webhook:URL'."""
    kind, sep, value = text.partition(":")
    kind = kind.strip().lower()
    if not sep or kind not in ("dir", "email", "webhook") or not value.strip():
        raise ValueError("use dir:PATH, email:ADDRESS or webhook:URL")
    value = value.strip()
    if kind == "email" and not EMAIL.match(value):
        raise ValueError(f"'{value}' is not an email address")
    if kind == "webhook" and not re.match(r"^https?://[^/\s]+", value):
        raise ValueError(f"'{value}' is not an http(s) URL")
    return Target(kind, value)


# ---- validation ------------------------------------------------------------------------------

SERIES_KEYS = {
    "name": str, "title": str, "sources": list, "every": str, "timezone": str, "period": str,
    "formats": list, "deliver": list, "notify": str, "skip_if_no_new_articles": bool,
    "catch_up": str, "retries": int, "retry_delay": (int, float), "timeout": (int, float),
    "webhook_token_env": str, "profile": str, "output": str, "link_base": str,
}
SECRET_HINTS = {
    "webhook_token": "put the token in an environment variable and name it with webhook_token_env",
    "password": "put the password in an environment variable and name it with password_env in [smtp]",
}
def table_lines(text: str, header: str) -> list[tuple[int, int]]:
    """(first, last) line numbers of each `header` table in a TOML text, in order."""
    lines = text.splitlines()
    starts = [n for n, line in enumerate(lines, 1) if line.strip().replace(" ", "") == header]
    spans = []
    for start in starts:
        end = start
        while end < len(lines) and not lines[end].lstrip().startswith("["):
            end += 1
        spans.append((start, end))
    return spans


def line_of(text: str, span: tuple[int, int] | None, key: str) -> int | None:
    """Line number of `key =` inside a table span, else the table header's line."""
    if span is None:
        return None
    lines = text.splitlines()
    for number in range(span[0], span[1] + 1):
        if re.match(rf"^\s*{re.escape(key)}\s*=", lines[number - 1]):
            return number
    return span[0]


def parse_series(tables: list[dict], path: Path, text: str, smtp: dict | None = None,
                 default_zone: str | None = None) -> tuple[list[Series], list[str]]:
    """Validate every [[briefing]] table; returns the series and every error found, each as path:line: key: what."""
    spans = table_lines(text, "[[briefing]]")
    base = Path(path).parent
    series, errors, names = [], [], set()
    for index, table in enumerate(tables):
        span = spans[index] if index < len(spans) else None
        report = lambda key, message, span=span: errors.append(  # noqa: E731
            f"{path}:{line_of(text, span, key) or '?'}: {key}: {message}"
        )
        if not isinstance(table, dict):
            report("briefing", "each [[briefing]] must be a table")
            continue
        if default_zone and "timezone" not in table:  # a briefing without its own zone runs in the file's
            table = {**table, "timezone": default_zone}
        item = parse_one(table, base, report, has_smtp=smtp is not None)
        if item is None:
            continue
        if item.name in names:
            report("name", f"'{item.name}' is used by another [[briefing]]; names must be unique")
            continue
        names.add(item.name)
        series.append(item)
    return series, errors


def parse_one(table: dict, base: Path, report, *, has_smtp: bool) -> Series | None:
    """One [[briefing]] table; reports problems through `report(key, message)`."""
    values: dict = {}
    failed = False
    for key, value in table.items():
        kind = SERIES_KEYS.get(key)
        if key in SECRET_HINTS:
            problems = [f"secrets never go in the config file; {SECRET_HINTS[key]}"]
        elif kind is None:
            problems = [f"unknown key (known: {', '.join(sorted(SERIES_KEYS))})"]
        elif not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            problems = [f"must be {type_name(kind)}"]
        else:
            values[key], problems = CONVERT.get(key, lambda v, b: (v, []))(value, base)
        for problem in problems:
            report(key, problem)
        failed = failed or bool(problems)
    for key in ("name", "every", "period"):
        if key not in table:
            report(key, "missing; every [[briefing]] needs name, every and period")
            failed = True
    targets = [*values.get("deliver", ()), *([values["notify"]] if values.get("notify") else [])]
    if any(t.kind == "email" for t in targets) and not has_smtp:
        report("deliver" if "deliver" in table else "notify", "email delivery needs an [smtp] table (host, port, security)")
        failed = True
    if failed:
        return None
    values["every_text"] = table["every"]
    return Series(**values)


def checked(convert):
    """Wrap a converter raising ValueError into one returning (value, problems)."""
    def run(value, base):
        try:
            return convert(value, base), []
        except ValueError as exc:
            return None, [str(exc)]
    return run


def name_value(value: str, base: Path) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", value):
        raise ValueError("use letters, digits, '-', '_' or '.' (it becomes a folder name)")
    return value


def quoted(parse):
    def run(value: str, base: Path):
        try:
            return parse(value)
        except ValueError as exc:
            raise ValueError(f"'{value}': {exc}") from None
    return run


def zone_value(value: str, base: Path) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone '{value}' (use an IANA name such as 'Europe/Istanbul')") from None
    return value


def one_of(*choices):
    def run(value: str, base: Path) -> str:
        if value not in choices:
            raise ValueError(f"'{value}': use {', '.join(choices)}")
        return value
    return run


def within(low: float, high: float):
    def run(value, base: Path):
        if not low <= value <= high:
            raise ValueError(f"{value} is out of range ({low} to {high})")
        return value
    return run


def env_name(value: str, base: Path) -> str:
    if not ENV_NAME.match(value):
        raise ValueError("must be the name of an environment variable, not the secret itself")
    return value


def formats_value(value: list, base: Path) -> tuple[str, ...]:
    if not value or any(f not in FORMATS for f in value):
        raise ValueError(f"use a non-empty list of {', '.join(FORMATS)} (got {value})")
    return tuple(dict.fromkeys(value))


def folder_value(value: str, base: Path) -> Path:
    folder = resolve(base, value)
    if not reachable(folder):
        raise ValueError(f"folder {folder} cannot be created (a parent is missing or not writable)")
    return folder


def notify_value(value: str, base: Path):
    found, problems = check_targets([value], base)
    if found and found[0].kind == "dir":
        return None, ["a failure notice goes to email:ADDRESS or webhook:URL, not to a folder"]
    return (found[0] if found else None), problems


TYPE_NAMES = {"str": "a string", "int": "a whole number", "bool": "true or false", "list": "a list",
              "dict": "a table", "float": "a number"}


def type_name(kind) -> str:
    """How a TOML value of this Python type is called in messages: 'a string', 'a whole number'…"""
    return "a number" if isinstance(kind, tuple) else TYPE_NAMES.get(kind.__name__, f"a {kind.__name__}")


def resolve(base: Path, value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else (base / path).resolve()


def reachable(folder: Path) -> bool:
    """True when `folder` exists, or can be created because its nearest existing parent is a writable folder."""
    probe = folder
    while not probe.exists():
        if probe.parent == probe:
            return False
        probe = probe.parent
    return probe.is_dir() and os.access(probe, os.W_OK | os.X_OK)


def check_sources(items: list, base: Path) -> tuple[tuple[str, ...], list[str]]:
    found, problems = [], []
    for item in items:
        if not isinstance(item, str):
            problems.append(f"{item!r} is not a string")
        elif re.match(r"^https?://", item):
            found.append(item)
        elif not resolve(base, item).exists():
            problems.append(f"'{item}' does not exist (looked for {resolve(base, item)})")
        else:
            found.append(str(resolve(base, item)))
    return tuple(found), problems


def check_targets(items: list, base: Path) -> tuple[tuple[Target, ...], list[str]]:
    found, problems = [], []
    for item in items:
        try:
            target = parse_target(item) if isinstance(item, str) else None
            if target is None:
                raise ValueError("not a string")
            if target.kind == "dir":
                target = Target("dir", str(folder_value(target.value, base)))
        except ValueError as exc:
            problems.append(f"'{item}': {exc}")
            continue
        found.append(target)
    return tuple(found), problems


CONVERT = {
    "name": checked(name_value),
    "every": checked(quoted(parse_every)),
    "period": checked(quoted(check_period)),
    "timezone": checked(zone_value),
    "sources": check_sources,
    "formats": checked(formats_value),
    "deliver": check_targets,
    "notify": notify_value,
    "catch_up": checked(one_of(*CATCH_UP)),
    "profile": checked(one_of("full", "ticket")),
    "retries": checked(within(0, 20)),
    "retry_delay": checked(within(0, 86400)),
    "timeout": checked(within(0.1, 600)),
    "webhook_token_env": checked(env_name),
    "output": checked(folder_value),
}


def find_series(config, name: str) -> Series:
    """The configured series called `name`; a ValueError listing the known names otherwise."""
    for item in config.series:
        if item.name == name:
            return item
    known = ", ".join(s.name for s in config.series) or "none configured"
    raise ValueError(f"no [[briefing]] named '{name}' in {config.path or 'briefings.toml'} (known: {known})")
