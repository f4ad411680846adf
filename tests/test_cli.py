"""The command line as a user drives it: ingest, generate, errors."""
from briefings.cli import main
from briefings.store import Store


def test_ingest_twice_changes_nothing(tmp_path, seeds_dir, capsys):
    store = tmp_path / "s.sqlite"
    assert main(["--store", str(store), "ingest", str(seeds_dir)]) == 0
    assert "2 new" in capsys.readouterr().out
    assert main(["--store", str(store), "ingest", str(seeds_dir)]) == 0
    assert "0 new, 0 updated, 2 duplicate" in capsys.readouterr().out
    assert Store(store).count_articles() == 2


def test_generate_on_an_empty_store_says_what_to_do(tmp_path, capsys):
    assert main(["--store", str(tmp_path / "empty.sqlite"), "generate", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "briefings ingest" in err and len(err.strip().splitlines()) == 1


def test_bad_dates_and_formats_are_refused(tmp_path, capsys):
    store = str(tmp_path / "s.sqlite")
    assert main(["--store", store, "generate", "--from", "2024-01-10", "--to", "2024-01-01", "--out", str(tmp_path)]) == 2
    assert "before it starts" in capsys.readouterr().err
    assert main(["--store", store, "generate", "--from", "2024-01-01", "--format", "docx", "--out", str(tmp_path)]) == 2
    assert "unknown format docx" in capsys.readouterr().err


def test_ticket_to_stdout_for_a_month(tmp_path, seeds_dir, capsys, nlp):
    store = str(tmp_path / "s.sqlite")
    main(["--store", store, "ingest", str(seeds_dir)])
    capsys.readouterr()
    assert main(["--store", store, "generate", "--from", "2020-02", "--to", "2020-02", "--profile", "ticket",
                 "--stdout", "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "1 Feb 2020 – 29 Feb 2020" in out
    assert "more than 520,000" in out and "Mevlut Cavusoglu" in out
    assert "![" not in out and "<" not in out.replace("<!--", "")
    assert "Sarmin" not in out  # the January article is outside the month
