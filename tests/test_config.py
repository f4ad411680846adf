"""briefings.toml: defaults, paths relative to the file, every error reported at once."""
import pytest

from briefings.cli import main
from briefings.config import Config, load_config
from briefings.errors import ConfigError


def test_missing_file_gives_defaults(tmp_path):
    assert load_config(tmp_path / "briefings.toml") == Config()


def test_values_and_relative_paths(tmp_path):
    (tmp_path / "tpl").mkdir()
    path = tmp_path / "briefings.toml"
    path.write_text('title = "Weekly"\nstore = "data/s.sqlite"\ntemplates = "tpl"\ntimezone = "Europe/Istanbul"\n'
                    '[topic]\nplaces = ["Idlib"]\n')
    config = load_config(path)
    assert config.title == "Weekly"
    assert config.store == tmp_path / "data" / "s.sqlite"
    assert config.templates == tmp_path / "tpl"
    assert config.topic_places == ("Idlib",)


def test_every_error_at_once_with_lines(tmp_path):
    path = tmp_path / "briefings.toml"
    path.write_text('title = "x"\ncolour = "red"\ntimezone = "Mars/Olympus"\ntemplates = "missing"\n')
    with pytest.raises(ConfigError) as err:
        load_config(path)
    lines = str(err.value).splitlines()
    assert any(":2:" in line and "colour" in line for line in lines)
    assert any(":3:" in line and "Mars/Olympus" in line for line in lines)
    assert any(":4:" in line and "missing" in line for line in lines)


def test_bad_toml_is_one_line(tmp_path, capsys):
    path = tmp_path / "briefings.toml"
    path.write_text("title = \n")
    assert main(["--config", str(path), "eval", "x.jsonl"]) == 2
    err = capsys.readouterr().err
    assert "not valid TOML" in err and len(err.strip().splitlines()) == 1


def test_missing_pipeline_says_how_to_install(tmp_path, capsys):
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"id": "x", "text": "Nothing happened."}\n')
    assert main(["--pipeline", "no_such_pipeline_xx", "eval", str(gold)]) == 2
    assert "pip install" in capsys.readouterr().err
