"""The scripted run of every hostile input against one store (scripts/hostile_run.py): every good article stored,
every bad input named on a line of its own, nothing fetched from inside, `PRAGMA integrity_check` ok."""
import importlib.util
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "hostile_run.py"


def load_script():
    spec = importlib.util.spec_from_file_location("hostile_run", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["hostile_run"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_every_hostile_input_against_one_store(tmp_path):
    report = load_script().run(tmp_path / "run")
    assert report.ok, report.problems
    assert report.integrity == "ok"
    assert report.stored == 20 + 500 + 8  # good files, JSON Lines, and the cut, url-less, cleaned and fed ones
    assert report.named == 15
    assert report.lines[-3].startswith("ingested: 528 new")
