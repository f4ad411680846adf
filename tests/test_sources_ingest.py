"""Ingest into the store: summary counts, origins, and consistency after a crash mid-batch."""
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from briefings.sources.base import article_id
from briefings.sources.ingest import ingest
from briefings.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
TODAY = date(2026, 11, 23)


def write_batch(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"{n:03}.txt").write_text(f"date 2021-04-{n % 28 + 1:02}\nReport number {n} on the relief effort, "
                                            f"with {n * 10} families reached.", encoding="utf-8")
    return folder


def check_consistent(store: Store) -> None:
    """Every stored article is whole and every origin points at one."""
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for article in store.articles() + store.undated():
        assert article.id == article_id(article.text) and article.text.startswith("Report number")
        assert store.origins(article.id)
    orphans = store.conn.execute("SELECT COUNT(*) FROM origins WHERE article_id NOT IN (SELECT id FROM articles)")
    assert orphans.fetchone()[0] == 0


def test_summary_counts_new_duplicate_and_rejected_per_reason(tmp_path):
    store = Store(tmp_path / "s.sqlite")
    first = ingest(store, [str(FIXTURES / "files")], today=TODAY)
    assert (first.new, first.updated, first.duplicate) == (11, 0, 0)
    assert dict(first.rejected) == {"malformed JSON": 1, "not an article": 1, "empty text": 1}
    assert first.summary_lines()[:2] == [
        "ingested: 11 new, 0 updated, 0 duplicate",
        "rejected: 3 (empty text 1, malformed JSON 1, not an article 1)",
    ]
    assert first.lines()[-len(first.summary_lines()):] == first.summary_lines()
    assert any(line.startswith(f"{FIXTURES / 'files' / 'items.jsonl'}:3: malformed JSON") for line in first.lines())
    again = ingest(store, [str(FIXTURES / "files")], today=TODAY)
    assert (again.new, again.duplicate) == (0, 11) and again.ok
    assert store.count_articles() == 11


def test_the_store_inside_the_ingested_folder_is_not_read_as_input(tmp_path):
    (tmp_path / "a.txt").write_text("date 2020-02-10\nShelling hit Ariha on Monday, medics said.\n")
    store = Store(tmp_path / "store.sqlite")
    store.conn.execute("PRAGMA journal_mode=WAL")  # so -wal and -shm files sit beside it too
    summary = ingest(store, [str(tmp_path)], today=TODAY)
    assert (summary.new, summary.rejected_total) == (1, 0), summary.lines()
    assert not any("store.sqlite" in line for line in summary.lines())


def test_nothing_ingested_is_not_ok_but_an_empty_run_is(tmp_path):
    store = Store(tmp_path / "s.sqlite")
    bad = ingest(store, [str(FIXTURES / "bad" / "future.txt"), str(FIXTURES / "bad" / "scan.pdf")], today=TODAY)
    assert not bad.ok and bad.ingested == 0 and bad.rejected_total == 2
    (tmp_path / "empty").mkdir()
    empty = ingest(store, [str(tmp_path / "empty")], today=TODAY)
    assert empty.ok and [str(w) for w in empty.warnings] == [f"{tmp_path / 'empty'}: folder holds no files"]


def test_the_same_text_from_two_files_is_stored_once_with_both_origins(tmp_path):
    (tmp_path / "a.txt").write_text("date 2021-05-01\nThe market reopened on Saturday.")
    (tmp_path / "b.jsonl").write_text('{"text": "The market   reopened on Saturday.", "date": "2021-05-01"}\n')
    store = Store(tmp_path / "s.sqlite")
    summary = ingest(store, [str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")], today=TODAY)
    assert (summary.new, summary.duplicate) == (1, 1)
    [article] = store.articles()
    assert store.origins(article.id) == [str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")]


def test_non_english_articles_are_stored_and_counted(tmp_path):
    (tmp_path / "de.txt").write_text("date 2021-05-01\nDie Hilfslieferungen erreichten am Samstag die Stadt, "
                                     "teilten die Behörden mit, nachdem die Straße repariert worden war.")
    store = Store(tmp_path / "s.sqlite")
    summary = ingest(store, [str(tmp_path)], today=TODAY)
    assert summary.new == 1 and store.articles()[0].lang == "de"
    assert "not English (stored, left out of extraction): de 1" in summary.summary_lines()


def test_an_error_mid_batch_leaves_the_store_consistent_and_a_rerun_finishes(tmp_path, monkeypatch):
    folder = write_batch(tmp_path / "batch", 8)
    store = Store(tmp_path / "s.sqlite")
    original = Store._add
    calls = []

    def failing_add(self, article):
        calls.append(article.id)
        status = original(self, article)  # the row is written, then the "crash" before commit
        if len(calls) == 4:
            raise KeyboardInterrupt
        return status

    monkeypatch.setattr(Store, "_add", failing_add)
    with pytest.raises(KeyboardInterrupt):
        ingest(store, [str(folder)], today=TODAY)
    monkeypatch.setattr(Store, "_add", original)
    assert store.count_articles() == 3  # the fourth was rolled back whole
    check_consistent(store)
    rerun = ingest(store, [str(folder)], today=TODAY)
    assert (rerun.new, rerun.duplicate) == (5, 3)
    check_consistent(store)


KILLER = """
import os, signal, sys
from briefings.store import Store
from briefings.sources.ingest import ingest

original = Store._add
count = 0

def add_then_die(self, article):
    global count
    status = original(self, article)
    count += 1
    if count == int(sys.argv[3]):
        os.kill(os.getpid(), signal.SIGKILL)  # mid-transaction: this article is written but not committed
    return status

Store._add = add_then_die
ingest(Store(sys.argv[1]), [sys.argv[2]])
"""


def test_a_killed_ingest_leaves_whole_articles_and_a_rerun_completes(tmp_path):
    folder = write_batch(tmp_path / "batch", 30)
    db = tmp_path / "s.sqlite"
    run = subprocess.run([sys.executable, "-c", textwrap.dedent(KILLER), str(db), str(folder), "12"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == -signal.SIGKILL, run.stderr
    store = Store(db)
    assert store.count_articles() == 11
    check_consistent(store)
    rerun = ingest(store, [str(folder)])
    assert (rerun.new, rerun.duplicate, rerun.rejected_total) == (19, 11, 0)
    assert store.count_articles() == 30
    check_consistent(store)
