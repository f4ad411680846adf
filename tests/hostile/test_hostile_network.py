"""Hostile servers on 127.0.0.1 (issue 12 rows 6–9): internal links, endless and dripping answers, a webhook
redirecting elsewhere. Each is named in one line, in bounded time, and nothing stored is lost."""
import sqlite3
import time
from pathlib import Path

import pytest

from briefings.cli import main
from briefings.deliver import Package, Permanent, deliver_all, post_json
from briefings.series import Series, Target, parse_every
from briefings.sources.addresses import Refused, vetted

import hostile_inputs as make
from hostile_servers import Hostile


@pytest.fixture
def server():
    server = Hostile()
    yield server
    server.close()


def write_config(tmp_path: Path, fetch: str = "") -> Path:
    path = tmp_path / "briefings.toml"
    path.write_text(f'store = "s.sqlite"\noutput = "out"\n{fetch}\n')
    return path


def ingest(config: Path, *inputs, capsys) -> tuple[int, list[str]]:
    code = main(["ingest", *map(str, inputs), "--config", str(config)])
    out = capsys.readouterr()
    return code, (out.out + out.err).splitlines()


def stored(config: Path) -> dict[str, str]:
    with sqlite3.connect(config.parent / "s.sqlite") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {r[0]: r[1] for r in conn.execute("SELECT id, text FROM articles")}


def test_a_feed_file_linking_to_this_machine_fetches_nothing(tmp_path, server, capsys):
    config = write_config(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    make.good_articles(folder, 2)
    make.loopback_feed(folder, server.url)
    code, lines = ingest(config, folder, capsys=capsys)
    assert code == 0
    refused = [line for line in lines if "loopback (this machine) address" in line and "refused" in line]
    assert len(refused) == 2 and all(line.startswith(server.url) for line in refused), lines
    assert "allow_private = true" in refused[0]
    assert server.requests == []  # not one request reached the internal server
    assert len(stored(config)) == 2 and not any("INTERNAL" in text for text in stored(config).values())


def test_an_allowed_feed_host_does_not_open_other_internal_names_or_redirects(tmp_path, server, capsys):
    config = write_config(tmp_path, '[fetch]\nallow_hosts = ["127.0.0.1"]\n')
    code, lines = ingest(config, f"{server.url}/feed.xml", capsys=capsys)
    assert code == 0
    assert [line for line in lines if line.startswith(f"{server.by_name}/internal/admin") and "refused" in line]
    assert [line for line in lines if line.startswith(f"{server.url}/redirect-inside") and "refused" in line]
    assert "/internal/admin?token=s3cret" not in server.paths()  # neither directly nor through the redirect
    texts = stored(config).values()
    assert len(texts) == 1 and "Aid convoys reached Idlib" in next(iter(texts))


@pytest.mark.parametrize("address, kind", [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"), ("169.254.169.254", "link-local"),
    ("fe80::1", "link-local"), ("10.1.2.3", "private-network"), ("192.168.0.1", "private-network"), ("0.0.0.0", "unspecified"),
])
def test_internal_addresses_are_refused_before_connecting(address, kind):
    with pytest.raises(Refused, match=kind):
        vetted(address, 80, allow_private=False)  # an IP literal resolves without any traffic
    assert vetted(address, 80, allow_private=True) and vetted(address, 80, False, allow_hosts=(address,))


def test_an_endless_body_is_cut_at_the_size_cap(tmp_path, server, capsys):
    config = write_config(tmp_path, '[fetch]\nallow_hosts = ["127.0.0.1"]\nmax_mb = 1\n')
    make.good_articles(tmp_path / "in", 1)
    began = time.monotonic()
    code, lines = ingest(config, f"{server.url}/endless", tmp_path / "in", capsys=capsys)
    assert time.monotonic() - began < 10
    assert code == 0
    assert any(line.startswith(f"{server.url}/endless: answer larger than 1 MB") for line in lines), lines
    assert len(stored(config)) == 1


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_a_dripping_server_meets_the_overall_deadline(tmp_path, server, capsys, path):
    config = write_config(tmp_path, '[fetch]\nallow_hosts = ["127.0.0.1"]\ndeadline = 2\ntimeout = 1\n')
    make.good_articles(tmp_path / "in", 1)
    began = time.monotonic()
    code, lines = ingest(config, f"{server.url}{path}", tmp_path / "in", capsys=capsys)
    elapsed = time.monotonic() - began
    assert elapsed < 6, elapsed  # one deadline, not one timeout per byte, and no retries of it
    assert code == 0
    assert any(line.startswith(f"{server.url}{path}: not complete after 2s") for line in lines), lines
    assert len(stored(config)) == 1


def test_bad_fetch_settings_are_named_with_the_file(tmp_path, capsys):
    config = write_config(tmp_path, '[fetch]\nallow_private = "yes"\ndeadline = -1\nproxy = 1\n')
    code, lines = ingest(config, tmp_path, capsys=capsys)
    assert code == 2
    assert f"error: {config}: fetch.allow_private: must be true or false" in lines
    assert f"{config}: fetch.deadline: must be more than 0" in lines
    assert any(line.startswith(f"{config}: fetch.proxy: unknown key") for line in lines)


def series(url: str) -> Series:
    return Series(name="w", every=parse_every("day at 06:00"), every_text="day at 06:00", period="previous-day",
                  deliver=(Target("webhook", url),), retries=2, retry_delay=0.0, timeout=5.0,
                  webhook_token_env="HOSTILE_TOKEN")


def test_a_webhook_redirecting_to_another_origin_fails_and_the_token_stays_home(server, monkeypatch):
    other = Hostile()
    try:
        server.other = other
        monkeypatch.setenv("HOSTILE_TOKEN", "tok-123")
        with pytest.raises(Permanent, match=r"HTTP 302 redirect .* not followed"):
            post_json(f"{server.url}/hook-away", {"x": 1}, token_env="HOSTILE_TOKEN", timeout=5)
        package = Package(series(f"{server.url}/hook-away"), 7, "2021-03-01", "2021-03-01", (), "# md")
        [delivery] = deliver_all(package, None, sleep=lambda s: None)
        assert delivery.status == "failed" and delivery.attempts == 1 and "not followed" in delivery.error
        assert other.requests == []  # neither the token nor a GET without the payload reached the other origin
        assert [r[0] for r in server.requests] == ["POST", "POST"]
    finally:
        other.close()


def test_a_webhook_answering_2xx_on_its_own_origin_gets_the_token(server, monkeypatch):
    monkeypatch.setenv("HOSTILE_TOKEN", "tok-123")
    assert post_json(f"{server.url}/hook", {"x": 1}, token_env="HOSTILE_TOKEN", timeout=5) == 200
    assert server.requests[-1][2]["Authorization"] == "Bearer tok-123"
