"""[[briefing]] tables: schedule phrases, periods, targets, secrets, and every error reported at once."""
from datetime import date

import pytest

from briefings.config import load_config
from briefings.errors import ConfigError
from briefings.series import Every, Target, check_period, parse_every, parse_target, period_window

GOOD = """\
title = "Desk"

[smtp]
host = "127.0.0.1"
port = 2525
security = "none"
user_env = "BRIEF_SMTP_USER"
password_env = "BRIEF_SMTP_PASSWORD"
from = "briefings@example.org"

[[briefing]]
name = "idlib-weekly"
title = "North-west Syria weekly briefing"
sources = ["articles/"]
every = "monday at 07:00"
timezone = "Europe/Istanbul"
period = "previous-week"
formats = ["pdf", "md"]
deliver = ["dir:out/idlib-weekly", "email:desk@example.org", "webhook:http://127.0.0.1:8080/hook"]
notify = "email:oncall@example.org"
skip_if_no_new_articles = true
catch_up = "latest"
retries = 4
retry_delay = 0.5
webhook_token_env = "HOOK_TOKEN"

[[briefing]]
name = "daily"
every = "day at 06:00"
period = "last-3-days"
"""


def write(tmp_path, text):
    (tmp_path / "articles").mkdir(exist_ok=True)
    (tmp_path / "articles" / "a.txt").write_text("date 2026-11-20\n\nText.\n")
    path = tmp_path / "briefings.toml"
    path.write_text(text)
    return path


def test_good_config_gives_typed_series(tmp_path):
    config = load_config(write(tmp_path, GOOD))
    weekly, daily = config.series
    assert weekly.name == "idlib-weekly"
    assert weekly.every == Every("week", 7, 0, weekday=0)
    assert weekly.timezone == "Europe/Istanbul"
    assert weekly.sources == (str(tmp_path / "articles"),)
    assert weekly.deliver == (
        Target("dir", str(tmp_path / "out" / "idlib-weekly")),
        Target("email", "desk@example.org"),
        Target("webhook", "http://127.0.0.1:8080/hook"),
    )
    assert weekly.notify == Target("email", "oncall@example.org")
    assert (weekly.catch_up, weekly.retries, weekly.retry_delay, weekly.skip_if_no_new_articles) == ("latest", 4, 0.5, True)
    assert (daily.timezone, daily.catch_up, daily.formats, daily.period) == ("UTC", "all", ("pdf", "md"), "last-3-days")


def test_every_error_reported_at_once_with_line_and_key(tmp_path):
    text = """\
[[briefing]]
name = "one"
every = "daily at 7"
period = "previous-week"

[[briefing]]
name = "two"
every = "monday at 07:00"
timezone = "Europe/Atlantis"
period = "fortnight"
sources = ["no-such-folder/"]
colour = "blue"
deliver = ["dir:articles/a.txt/x", "fax:12345", "email:not-an-address"]
"""
    with pytest.raises(ConfigError) as err:
        load_config(write(tmp_path, text))
    lines = str(err.value).splitlines()
    path = tmp_path / "briefings.toml"

    def has(line_no, key, words):
        return any(l.startswith(f"{path}:{line_no}: {key}:") and words in l for l in lines)

    assert has(3, "every", "daily at 7")
    assert has(9, "timezone", "Europe/Atlantis")
    assert has(10, "period", "fortnight")
    assert has(11, "sources", "no-such-folder/")
    assert has(12, "colour", "unknown key")
    assert has(13, "deliver", "fax:12345")
    assert has(13, "deliver", "not-an-address")
    assert has(13, "deliver", "cannot be created")
    assert len(lines) == 8


def test_secrets_only_as_environment_variable_names(tmp_path):
    text = GOOD.replace('user_env = "BRIEF_SMTP_USER"\n', 'user_env = "BRIEF_SMTP_USER"\npassword = "hunter2"\n')
    text = text.replace('webhook_token_env = "HOOK_TOKEN"', 'webhook_token = "abc"')
    with pytest.raises(ConfigError) as err:
        load_config(write(tmp_path, text))
    message = str(err.value)
    assert "smtp.password: secrets never go in the config file" in message
    assert "webhook_token: secrets never go in the config file" in message
    assert "hunter2" not in message and "abc" not in message


def test_env_name_that_looks_like_a_value_is_refused(tmp_path):
    text = GOOD.replace('password_env = "BRIEF_SMTP_PASSWORD"', 'password_env = "pa$$word 123"')
    with pytest.raises(ConfigError, match="smtp.password_env: must be the name of an environment variable"):
        load_config(write(tmp_path, text))


def test_email_target_needs_smtp_table(tmp_path):
    text = GOOD.split("[[briefing]]", 1)[0].split("[smtp]")[0] + "[[briefing]]" + GOOD.split("[[briefing]]", 1)[1]
    with pytest.raises(ConfigError, match=r"briefings.toml:\d+: deliver: email delivery needs an \[smtp\] table"):
        load_config(write(tmp_path, text))


def test_bad_smtp_security_and_duplicate_names(tmp_path):
    text = GOOD.replace('security = "none"', 'security = "tls13"').replace('name = "daily"', 'name = "idlib-weekly"')
    with pytest.raises(ConfigError) as err:
        load_config(write(tmp_path, text))
    message = str(err.value)
    assert ":6: smtp.security: 'tls13'" in message
    assert "'idlib-weekly' is used by another [[briefing]]" in message


@pytest.mark.parametrize("phrase, expected", [
    ("monday at 07:00", Every("week", 7, 0, weekday=0)),
    ("every Sunday at 23:59", Every("week", 23, 59, weekday=6)),
    ("day at 06:00", Every("day", 6, 0)),
    ("weekday at 07:30", Every("weekday", 7, 30)),
    ("month on 1 at 08:00", Every("month", 8, 0, day=1)),
    ("hour", Every("hour")),
    ("hour at :15", Every("hour", minute=15)),
])
def test_schedule_phrases(phrase, expected):
    assert parse_every(phrase) == expected


@pytest.mark.parametrize("phrase", ["daily", "monday at 25:00", "month on 32 at 08:00", "day at 7", "fortnightly"])
def test_bad_schedule_phrases(phrase):
    with pytest.raises(ValueError):
        parse_every(phrase)


def test_period_windows_are_whole_days_before_the_run():
    wednesday = date(2026, 11, 25)
    assert period_window("previous-day", wednesday) == (date(2026, 11, 24), date(2026, 11, 24))
    assert period_window("previous-week", wednesday) == (date(2026, 11, 16), date(2026, 11, 22))
    assert period_window("previous-week", date(2026, 11, 23)) == (date(2026, 11, 16), date(2026, 11, 22))
    assert period_window("previous-month", date(2026, 3, 1)) == (date(2026, 2, 1), date(2026, 2, 28))
    assert period_window("previous-month", date(2026, 1, 15)) == (date(2025, 12, 1), date(2025, 12, 31))
    assert period_window("last-7-days", wednesday) == (date(2026, 11, 18), date(2026, 11, 24))
    assert period_window("last-1-day", wednesday) == (date(2026, 11, 24), date(2026, 11, 24))
    with pytest.raises(ValueError):
        check_period("last-0-days")


def test_targets():
    assert parse_target("webhook:https://hooks.example.org/x?y=1") == Target("webhook", "https://hooks.example.org/x?y=1")
    assert str(parse_target("email: desk@example.org")) == "email:desk@example.org"
    for bad in ("ftp:x", "webhook:localhost/x", "dir:", "email:desk"):
        with pytest.raises(ValueError):
            parse_target(bad)


def test_a_briefing_without_a_time_zone_takes_the_files_own(tmp_path):
    config = load_config(write(tmp_path, 'timezone = "Asia/Damascus"\n' + GOOD))
    weekly, daily = config.series
    assert (weekly.timezone, daily.timezone) == ("Europe/Istanbul", "Asia/Damascus")
