"""Store and disk faults (issue 12 rows 10 and 12): a store that is not SQLite or is truncated, a full or read-only
disk under the store or under --out, dates out of range. Every command says one line and exits non-zero; nothing
stored is lost and a briefing's files are published together or not at all."""
import signal
import sqlite3
from pathlib import Path

import pytest

from briefings.cli import main
from briefings.deliver import publish_files

import hostile_inputs as make
from faults import can_mount, on_small_disk

SERIES = '''
[[briefing]]
name = "daily"
every = "day at 06:00"
period = "previous-day"
formats = ["md"]
'''


def ids(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return sorted(r[0] for r in conn.execute("SELECT id FROM articles"))


@pytest.fixture
def good_store(tmp_path, capsys) -> Path:
    """tmp_path/store/s.sqlite holding five good articles, and a briefings.toml beside it."""
    folder = tmp_path / "store"
    folder.mkdir()
    (folder / "briefings.toml").write_text(f'store = "s.sqlite"\noutput = "out"\n{SERIES}')
    make.good_articles(tmp_path / "before", 5)
    assert main(["ingest", str(tmp_path / "before"), "--store", str(folder / "s.sqlite")]) == 0
    capsys.readouterr()
    return folder / "s.sqlite"


def commands(store: Path, tmp_path: Path) -> list[list[str]]:
    """Every command that opens the store."""
    config = ["--config", str(store.parent / "briefings.toml"), "--store", str(store)]
    batch = tmp_path / "batch"
    make.good_articles(batch, 2, start=50)
    return [
        ["ingest", str(batch), *config],
        ["generate", "--format", "md", "--out", str(tmp_path / "out"), *config],
        ["history", *config],
        ["run", "daily", "--from", "2021-03-01", "--to", "2021-03-01", *config],
        ["resend", "1", *config],
        ["schedule", "--poll", "0.1", *config],
    ]


@pytest.mark.parametrize("damage, says", [
    (lambda path: path.write_bytes(b"this is not a database, just some text " * 200), "not a briefings store"),
    (lambda path: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 3]), "the store is damaged"),
])
def test_every_command_names_a_broken_store_in_one_line(tmp_path, good_store, capsys, damage, says):
    with sqlite3.connect(good_store) as conn:  # one self-contained file, so truncating it really cuts articles
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    damage(good_store)
    before = good_store.read_bytes()
    handlers = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}
    try:
        for command in commands(good_store, tmp_path):
            assert main(command) == 2, command
            err = capsys.readouterr().err.strip().splitlines()
            assert len(err) == 1 and err[0].startswith(f"error: {good_store}: ") and says in err[0], (command, err)
    finally:  # `schedule` installs its own
        for number, handler in handlers.items():
            signal.signal(number, handler)
    assert good_store.read_bytes() == before  # made no worse
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not can_mount(), reason="needs a tmpfs in a private mount namespace")
def test_a_full_disk_under_the_store_stops_ingest_with_one_line_and_keeps_every_stored_article(tmp_path, good_store):
    before = ids(good_store)
    batch = tmp_path / "batch"
    for n in range(40):  # ~20 KB each: far more than the disk has left
        (batch / f"{n}.txt").parent.mkdir(exist_ok=True)
        (batch / f"{n}.txt").write_text(f"date 2021-03-04\nBig {n}. " + make.PARAGRAPH.format(n=n) * 70)
    size = good_store.stat().st_size // 1024 + 160
    result = on_small_disk(good_store.parent, size, [["ingest", str(batch), "--store", "s.sqlite"],
                                                     ["history", "--store", "s.sqlite"]])
    ingest, history = result["steps"]
    assert ingest["code"] == 2
    err = ingest["err"].strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: s.sqlite: the store cannot be written (database or disk is full)")
    assert "free space" in err[0]
    assert result["integrity"] == "ok" and set(before) <= set(result["ids"])
    # history has to create its tables in a store that never had a run: on the full disk that too is one line
    assert history["code"] == 2 and history["err"].count("\n") == 1 and "disk is full" in history["err"]


@pytest.mark.skipif(not can_mount(), reason="needs a tmpfs in a private mount namespace")
def test_a_full_out_folder_publishes_no_part_of_the_briefing(tmp_path, good_store, seeds_dir):
    assert main(["ingest", str(seeds_dir), "--store", str(good_store)]) == 0
    before = ids(good_store)
    out = tmp_path / "out"
    out.mkdir()
    generate = ["generate", "--from", "2020-02-01", "--to", "2020-02-29", "--format", "md,pdf", "--out", ".",
                "--store", str(good_store)]
    result = on_small_disk(out, 48, [generate])
    [step] = result["steps"]
    assert step["code"] == 2
    err = step["err"].strip().splitlines()
    assert len(err) == 1 and "No space left on device — free space on that disk" in err[0], err
    assert result["files"] == []  # no .md without its .pdf, and no temporary files left behind
    assert ids(good_store) == before


@pytest.mark.skipif(not can_mount(), reason="needs a tmpfs in a private mount namespace")
def test_a_read_only_disk_under_the_store_or_the_out_folder(tmp_path, good_store):
    before = ids(good_store)
    batch = tmp_path / "batch"
    make.good_articles(batch, 2, start=60)
    out_ro = ["generate", "--format", "md", "--out", str(tmp_path / "store-disk" / "out"), "--store", "s.sqlite"]
    out_ok = ["generate", "--format", "md", "--out", str(tmp_path / "out-ok"), "--store", "s.sqlite"]
    result = on_small_disk(good_store.parent, 4096, [["ingest", str(batch), "--store", "s.sqlite"],
                                                     ["history", "--store", "s.sqlite"], out_ro, out_ok], read_only=True)
    *failing, working = result["steps"]
    for step in failing:
        errors = [line for line in step["err"].splitlines() if line.startswith("error:")]
        assert step["code"] == 2 and len(errors) == 1, step
        assert "read-only" in errors[0].lower() or "readonly" in errors[0].lower(), errors
    assert "Read-only file system — choose a writable folder" in failing[2]["err"]
    # a briefing can still be written from a read-only store, without caching its extractions
    assert working["code"] == 0 and "extractions are not cached this time" in working["err"], working
    assert list((tmp_path / "out-ok").glob("briefing_*.md"))
    assert result["integrity"] == "ok" and result["ids"] == before


def test_publish_files_writes_all_or_none(tmp_path):
    (tmp_path / "briefing.md").write_text("old")
    blocker = tmp_path / "charts"
    blocker.write_text("a file where a folder must go")  # the second file cannot be written
    with pytest.raises(OSError):
        publish_files(tmp_path, {"briefing.md": b"new", "charts/displaced.png": b"png"})
    assert (tmp_path / "briefing.md").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.md", "charts"]  # no temporary left
    paths = publish_files(tmp_path / "ok", {"b.md": b"md", "b.pdf": b"pdf"})
    assert [p.read_bytes() for p in paths] == [b"md", b"pdf"]


def test_dates_before_1900_are_refused_at_once(tmp_path, good_store, capsys):
    config = ["--config", str(good_store.parent / "briefings.toml")]
    for command in (["generate", "--from", "0001-01-01"], ["run", "daily", "--from", "0001-01-01", "--to", "2021-01-01"]):
        with pytest.raises(SystemExit) as stop:
            main([*command, *config])
        assert stop.value.code == 2
        err = capsys.readouterr().err
        assert "'0001-01-01' is out of range; give a date from 1900-01-01" in err and "Traceback" not in err
    assert main(["history", *config]) == 0
    assert "no runs recorded" in capsys.readouterr().out  # nothing was attempted, let alone retried
