"""Readers: turn files and folders into Articles, collecting problems instead of stopping."""
from __future__ import annotations

import logging
from pathlib import Path

from ..models import Problem, ReadResult
from .seed import parse_seed

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ""}


def expand(paths: list[str]) -> tuple[list[Path], list[Problem]]:
    """Files named directly, plus the readable files under folders (sorted, recursive)."""
    files: list[Path] = []
    problems: list[Problem] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES and not p.name.startswith(".")))
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(name, "no such file or folder; check the path"))
    return files, problems


def read_paths(paths: list[str], *, config=None) -> ReadResult:
    """Read every article under `paths`; a bad file is reported and skipped."""
    result = ReadResult()
    files, problems = expand(paths)
    result.problems.extend(problems)
    for path in files:
        try:
            raw = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            result.problems.append(Problem(str(path), "not UTF-8 text; convert it to UTF-8"))
            continue
        except OSError as exc:
            result.problems.append(Problem(str(path), f"cannot read ({exc.strerror})"))
            continue
        article, bad, warnings = parse_seed(raw, str(path))
        result.problems.extend(bad)
        result.warnings.extend(warnings)
        if article:
            result.articles.append(article)
    return result
