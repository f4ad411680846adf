"""The smaller findings of issue 12: global options after the subcommand, config messages that read right, a
warning before a login goes out unencrypted."""
import re
import sqlite3

from briefings.cli import main
from briefings.config import load_config
from briefings.deliver import Smtp, send_email
from briefings.errors import ConfigError

import hostile_inputs as make
from localservers import smtp_server


def test_global_options_work_after_the_subcommand_and_win_there(tmp_path, capsys):
    make.good_articles(tmp_path / "in", 2)
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    assert main(["--store", str(first), "ingest", str(tmp_path / "in"), "--store", str(second), "-q"]) == 0
    assert "2 new" in capsys.readouterr().out
    assert not first.exists()
    with sqlite3.connect(second) as conn:
        assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
    assert main(["history", "--store", str(second)]) == 0  # and before it, as ever
    assert main(["--store", str(second), "history"]) == 0


def test_config_type_messages_read_as_english(tmp_path):
    path = tmp_path / "briefings.toml"
    path.write_text('title = 3\n[[briefing]]\nname = "w"\nevery = "day at 06:00"\nperiod = "previous-day"\n'
                    'retries = "two"\ncatch_up = 1\n[smtp]\nhost = "127.0.0.1"\nport = "25"\n')
    try:
        load_config(path)
    except ConfigError as exc:
        message = str(exc)
    assert f"{path}:1: 'title' must be a string" in message
    assert "retries: must be a whole number" in message and "catch_up: must be a string" in message
    assert "smtp.port: must be a whole number" in message
    assert not re.search(r"must be an? (int|str|dict|list|float)\b", message)


def test_a_login_without_encryption_is_warned_about(monkeypatch, caplog):
    controller, inbox = smtp_server(user="desk", password="s3cret")
    monkeypatch.setenv("T_USER", "desk")
    monkeypatch.setenv("T_PASS", "s3cret")
    try:
        send_email(Smtp(host="127.0.0.1", port=controller.port, security="none", user_env="T_USER",
                        password_env="T_PASS", timeout=5), "desk@example.org", "subject", "body")
    finally:
        controller.stop()
    assert len(inbox.messages) == 1
    assert 'SMTP login to 127.0.0.1 is sent unencrypted (security = "none")' in caplog.text
