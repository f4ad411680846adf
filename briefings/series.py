"""Scheduled briefings: the [[briefing]] and [smtp] tables of briefings.toml, validated once."""
from __future__ import annotations

import calendar
import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
PERIODS = ("previous-day", "previous-week", "previous-month", "last-N-days")
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


@dataclass(frozen=True)
class Smtp:
    """How to reach the mail server; the password is read from an environment variable."""

    host: str
    port: int = 587
    security: str = "starttls"  # starttls | ssl | none
    user_env: str | None = None
    password_env: str | None = None
    sender: str = "briefings@localhost"
    timeout: float = 30.0
    cafile: str | None = None  # CA bundle for a relay with a private certificate

    def credentials(self) -> tuple[str, str] | None:
        """(user, password) from the environment, or None when no login is configured."""
        if not self.user_env:
            return None
        missing = [name for name in (self.user_env, self.password_env) if name and name not in os.environ]
        if missing:
            raise RuntimeError(f"SMTP login needs environment variable(s) {', '.join(missing)}; export them and retry")
        return os.environ[self.user_env], os.environ.get(self.password_env or "", "")


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
SMTP_KEYS = {
    "host": str, "port": int, "security": str, "user_env": str, "password_env": str,
    "from": str, "timeout": (int, float), "cafile": str,
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


def parse_series(tables: list[dict], path: Path, text: str, smtp: dict | None = None) -> tuple[list[Series], list[str]]:
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
    failed = []

    def bad(key: str, message: str) -> None:
        failed.append(key)
        report(key, message)

    for key, value in table.items():
        kind = SERIES_KEYS.get(key)
        if key in SECRET_HINTS:
            bad(key, f"secrets never go in the config file; {SECRET_HINTS[key]}")
        elif kind is None:
            bad(key, f"unknown key (known: {', '.join(sorted(SERIES_KEYS))})")
        elif not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            bad(key, f"must be a {type_name(kind)}")
    for key in ("name", "every", "period"):
        if key not in table:
            bad(key, "missing; every [[briefing]] needs name, every and period")
    values: dict = {}
    if isinstance(table.get("name"), str):
        if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", table["name"]):
            values["name"] = table["name"]
        else:
            bad("name", "use letters, digits, '-', '_' or '.' (it becomes a folder name)")
    if isinstance(table.get("every"), str):
        try:
            values["every"] = parse_every(table["every"])
            values["every_text"] = table["every"]
        except ValueError as exc:
            bad("every", f"'{table['every']}': {exc}")
    if isinstance(table.get("period"), str):
        try:
            values["period"] = check_period(table["period"])
        except ValueError as exc:
            bad("period", f"'{table['period']}': {exc}")
    if isinstance(table.get("timezone"), str):
        try:
            ZoneInfo(table["timezone"])
            values["timezone"] = table["timezone"]
        except (ZoneInfoNotFoundError, ValueError):
            bad("timezone", f"unknown time zone '{table['timezone']}' (use an IANA name such as 'Europe/Istanbul')")
    for key in ("title", "webhook_token_env", "link_base"):
        if isinstance(table.get(key), str):
            values[key] = table[key]
    if "webhook_token_env" in values and not ENV_NAME.match(values["webhook_token_env"]):
        bad("webhook_token_env", "must be the name of an environment variable, not the token itself")
    if isinstance(table.get("sources"), list):
        values["sources"] = tuple(check_sources(table["sources"], base, bad))
    if isinstance(table.get("formats"), list):
        wrong = [f for f in table["formats"] if f not in FORMATS]
        if wrong or not table["formats"]:
            bad("formats", f"use a non-empty list of {', '.join(FORMATS)} (got {table['formats']})")
        else:
            values["formats"] = tuple(dict.fromkeys(table["formats"]))
    if isinstance(table.get("deliver"), list):
        values["deliver"] = tuple(check_targets(table["deliver"], base, bad, "deliver"))
    if isinstance(table.get("notify"), str):
        found = check_targets([table["notify"]], base, bad, "notify")
        if found and found[0].kind == "dir":
            bad("notify", "a failure notice goes to email:ADDRESS or webhook:URL, not to a folder")
        elif found:
            values["notify"] = found[0]
    targets = list(values.get("deliver", ())) + ([values["notify"]] if "notify" in values else [])
    if any(t.kind == "email" for t in targets) and not has_smtp:
        bad("deliver" if "deliver" in table else "notify", "email delivery needs an [smtp] table (host, port, security)")
    if isinstance(table.get("catch_up"), str):
        if table["catch_up"] in CATCH_UP:
            values["catch_up"] = table["catch_up"]
        else:
            bad("catch_up", f"'{table['catch_up']}': use {', '.join(CATCH_UP)}")
    if isinstance(table.get("profile"), str):
        if table["profile"] in ("full", "ticket"):
            values["profile"] = table["profile"]
        else:
            bad("profile", f"'{table['profile']}': use full or ticket")
    for key, low in (("retries", 0), ("retry_delay", 0), ("timeout", 0.1)):
        value = table.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if value < low or (key == "retries" and value > 20):
                bad(key, f"{value} is out of range")
            else:
                values[key] = value
    if isinstance(table.get("skip_if_no_new_articles"), bool):
        values["skip_if_no_new_articles"] = table["skip_if_no_new_articles"]
    if isinstance(table.get("output"), str):
        values["output"] = resolve(base, table["output"])
        if not reachable(values["output"]):
            bad("output", f"folder {values['output']} cannot be created (a parent is missing or not writable)")
    if failed or not {"name", "every", "period"} <= values.keys():
        return None
    return Series(**values)


def type_name(kind) -> str:
    return "number" if isinstance(kind, tuple) else {"str": "string", "bool": "boolean (true/false)"}.get(
        kind.__name__, kind.__name__
    )


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


def check_sources(items: list, base: Path, bad) -> list[str]:
    found = []
    for item in items:
        if not isinstance(item, str):
            bad("sources", f"{item!r} is not a string")
        elif re.match(r"^https?://", item):
            found.append(item)
        elif not resolve(base, item).exists():
            bad("sources", f"'{item}' does not exist (looked for {resolve(base, item)})")
        else:
            found.append(str(resolve(base, item)))
    return found


def check_targets(items: list, base: Path, bad, key: str) -> list[Target]:
    found = []
    for item in items:
        if not isinstance(item, str):
            bad(key, f"{item!r} is not a string")
            continue
        try:
            target = parse_target(item)
        except ValueError as exc:
            bad(key, f"'{item}': {exc}")
            continue
        if target.kind == "dir":
            folder = resolve(base, target.value)
            if not reachable(folder):
                bad(key, f"'{item}': folder {folder} cannot be created (a parent is missing or not writable)")
                continue
            target = Target("dir", str(folder))
        found.append(target)
    return found


def parse_smtp(table: dict, path: Path, text: str) -> tuple[Smtp | None, list[str]]:
    """Validate the [smtp] table; the password itself is never accepted, only the name of its variable."""
    span = (table_lines(text, "[smtp]") or [None])[0]
    errors: list[str] = []

    def bad(key: str, message: str) -> None:
        errors.append(f"{path}:{line_of(text, span, key) or '?'}: smtp.{key}: {message}")

    for key, value in table.items():
        kind = SMTP_KEYS.get(key)
        if key in SECRET_HINTS or key in ("user", "pass"):
            bad(key, "secrets never go in the config file; name environment variables with user_env and password_env")
        elif kind is None:
            bad(key, f"unknown key (known: {', '.join(sorted(SMTP_KEYS))})")
        elif not isinstance(value, kind) or isinstance(value, bool):
            bad(key, f"must be a {type_name(kind)}")
    if not isinstance(table.get("host"), str) or not table.get("host"):
        bad("host", "missing; name the mail server, e.g. host = \"smtp.example.org\"")
    security = table.get("security", "starttls")
    if security not in ("starttls", "ssl", "none"):
        bad("security", f"'{security}': use starttls, ssl or none")
    port = table.get("port", {"ssl": 465, "none": 25}.get(security, 587))
    if isinstance(port, int) and not 0 < port < 65536:
        bad("port", f"{port} is not a port number")
    for key in ("user_env", "password_env"):
        if isinstance(table.get(key), str) and not ENV_NAME.match(table[key]):
            bad(key, "must be the name of an environment variable, not the value itself")
    if ("user_env" in table) != ("password_env" in table):
        bad("user_env", "give both user_env and password_env, or neither")
    if isinstance(table.get("from"), str) and not EMAIL.match(table["from"]):
        bad("from", f"'{table['from']}' is not an email address")
    if errors:
        return None, errors
    return Smtp(
        host=table["host"], port=port, security=security, user_env=table.get("user_env"),
        password_env=table.get("password_env"), sender=table.get("from", "briefings@localhost"),
        timeout=float(table.get("timeout", 30.0)), cafile=table.get("cafile"),
    ), []


def find_series(config, name: str) -> Series:
    """The configured series called `name`; a ValueError listing the known names otherwise."""
    for item in config.series:
        if item.name == name:
            return item
    known = ", ".join(s.name for s in config.series) or "none configured"
    raise ValueError(f"no [[briefing]] named '{name}' in {config.path or 'briefings.toml'} (known: {known})")


def smtp_settings(config) -> Smtp | None:
    """The validated [smtp] table of a loaded config, or None."""
    table = (config.raw or {}).get("smtp")
    if not isinstance(table, dict):
        return None
    smtp, _ = parse_smtp(table, config.path or Path("briefings.toml"), "")
    return smtp
