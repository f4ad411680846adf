"""run_once, history and resend: ingest, generate with retries, archive, deliver to real servers, notify once."""
import io
import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pypdf import PdfReader

from briefings.cli import main
from briefings.history import History
from briefings.runs import resend, run_once
from briefings.store import Store

from localservers import Hook, smtp_server
from runkit import PDF, StandIn, write_config

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 11, 23, 7, 0, tzinfo=BERLIN)  # previous week: 16-22 November
ARTICLES = {
    "a.txt": "date 2026-11-17\nShelling hit a market in the town of Ariha on Tuesday.\n\nFour people were killed.\n",
    "b.txt": "date 2026-11-20\nAid convoys reached Sarmin after a week of delays.\n",
    "old.txt": "date 2026-10-02\nAn older report that falls outside the period.\n",
}


def weekly(deliver='["dir:desk"]', more=""):
    return f"""
[[briefing]]
name = "weekly"
title = "Weekly test briefing"
sources = ["articles/"]
every = "monday at 07:00"
timezone = "Europe/Berlin"
period = "previous-week"
deliver = {deliver}
retries = 2
retry_delay = 0.01
{more}
"""


def history(config):
    store = Store(config.store)
    try:
        return History(store).list()
    finally:
        store.close()


def test_run_ingests_archives_and_delivers_to_folder(tmp_path):
    config = write_config(tmp_path, weekly(), articles=ARTICLES)
    run = run_once(config, "weekly", now=MONDAY, generate=StandIn())
    assert (run.status, run.start, run.end, run.attempts, run.trigger) == ("ok", "2026-11-16", "2026-11-22", 1, "manual")
    assert len(run.articles) == 2  # the October article is outside the period
    archive = tmp_path / "out" / "weekly"
    assert sorted(p.name for p in archive.iterdir() if not p.name.startswith(".")) == [
        "briefing_2026-11-16_2026-11-22.md", "briefing_2026-11-16_2026-11-22.pdf", "latest.md", "latest.pdf"]
    assert "Shelling hit a market" in (archive / "latest.md").read_text()
    assert (tmp_path / "desk" / "latest.pdf").read_bytes() == PDF
    assert run.files == [str(archive / "briefing_2026-11-16_2026-11-22.md"), str(archive / "briefing_2026-11-16_2026-11-22.pdf")]
    assert [(d.target, d.status) for d in run.deliveries] == [(f"dir:{tmp_path / 'desk'}", "ok")]


def test_explicit_period_overrides_the_series_period(tmp_path):
    config = write_config(tmp_path, weekly(), articles=ARTICLES)
    run = run_once(config, "weekly", now=MONDAY, period="previous-month", generate=StandIn())
    assert (run.start, run.end, len(run.articles)) == ("2026-10-01", "2026-10-31", 1)
    run = run_once(config, "weekly", now=MONDAY, start=date(2026, 10, 1), end=date(2026, 11, 30), generate=StandIn())
    assert len(run.articles) == 3


def test_each_successful_run_of_a_series_is_the_next_issue(tmp_path):
    config = write_config(tmp_path, weekly(), articles=ARTICLES)
    stand_in = StandIn()
    run_once(config, "weekly", now=MONDAY, generate=stand_in)
    run_once(config, "weekly", now=MONDAY, generate=StandIn(fail_times=9))
    run_once(config, "weekly", now=MONDAY, period="previous-month", generate=stand_in)
    assert stand_in.issues == [1, 2]


def test_a_briefing_written_but_not_delivered_keeps_its_issue_number(tmp_path):
    # its files exist (and can be re-sent) under that number, so the next briefing must not reuse it
    broken = Hook(codes=[500] * 10)
    try:
        config = write_config(tmp_path, weekly(deliver=f'["webhook:{broken.url}"]'), articles=ARTICLES)
        stand_in = StandIn()
        first = run_once(config, "weekly", now=MONDAY, generate=stand_in)
        broken.codes.clear()
        run_once(config, "weekly", now=MONDAY, period="previous-month", generate=stand_in)
    finally:
        broken.close()
    assert first.status == "failed" and first.files
    assert stand_in.issues == [1, 1, 2, 2]  # each run renders the full briefing and its ticket


def test_generation_is_retried_with_backoff_then_succeeds(tmp_path):
    config = write_config(tmp_path, weekly(), articles=ARTICLES)
    pauses = []
    run = run_once(config, "weekly", now=MONDAY, generate=StandIn(fail_times=2), sleep=pauses.append)
    assert (run.status, run.attempts, run.error) == ("ok", 3, None)
    assert pauses == [0.01, 0.02]


def test_failed_run_is_recorded_and_notice_sent_once(tmp_path):
    hook = Hook()
    try:
        config = write_config(tmp_path, weekly(more=f'notify = "webhook:{hook.url}"'), articles=ARTICLES)
        run = run_once(config, "weekly", now=MONDAY, generate=StandIn(fail_times=5))
    finally:
        hook.close()
    assert run.status == "failed" and run.attempts == 3
    assert run.error == "generation failed after 3 attempt(s): renderer crashed"
    assert [r["json"]["event"] for r in hook.requests] == ["run_failed"]  # once, not once per retry
    assert hook.requests[0]["json"]["period"] == {"start": "2026-11-16", "end": "2026-11-22"}
    assert not (tmp_path / "desk").exists()
    assert [r.status for r in history(config)] == ["failed"]


def test_failed_webhook_keeps_files_marks_failure_and_resend_delivers(tmp_path):
    broken, healthy = Hook(codes=[500] * 10), Hook()
    try:
        config = write_config(tmp_path, weekly(deliver=f'["dir:desk", "webhook:{broken.url}"]',
                                               more=f'notify = "webhook:{healthy.url}"'), articles=ARTICLES)
        run = run_once(config, "weekly", now=MONDAY, generate=StandIn())
        assert run.status == "failed"
        assert "delivery to webhook:" in run.error and "HTTP 500" in run.error
        assert [(d.target.split(":")[0], d.status, d.attempts) for d in run.deliveries] == [
            ("dir", "ok", 1), ("webhook", "failed", 3), ("notify", "ok", 1)]
        assert all(open(f, "rb").read() for f in run.files)  # files kept
        assert len(broken.requests) == 3
        # the receiver is fixed: resend delivers the same files again
        broken.codes.clear()
        again = resend(config, run.id, sleep=lambda s: None)
    finally:
        broken.close()
        healthy.close()
    assert again.status == "ok" and again.error is None
    assert [d.status for d in again.deliveries[-2:]] == ["ok", "ok"]
    body = broken.requests[-1]["json"]
    assert body["run_id"] == run.id and body["period"]["start"] == "2026-11-16"
    assert "Shelling hit a market" in body["markdown"] and "(ticket)" in body["markdown"]
    assert len(healthy.requests) == 1  # the one failure notice


def test_email_delivery_sends_pdf_and_ticket_markdown(tmp_path, monkeypatch):
    controller, inbox = smtp_server()
    try:
        extra = f'[smtp]\nhost = "127.0.0.1"\nport = {controller.port}\nsecurity = "none"\nfrom = "bot@example.org"\n'
        config = write_config(tmp_path, weekly(deliver='["email:desk@example.org"]'), extra=extra, articles=ARTICLES)
        run = run_once(config, "weekly", now=MONDAY, generate=StandIn())
    finally:
        controller.stop()
    assert run.status == "ok", run.error
    [message] = inbox.messages
    assert message["Subject"] == "Weekly test briefing: 2026-11-16 to 2026-11-22"
    assert "(ticket)" in message.get_body(("plain",)).get_content()
    [attachment] = message.iter_attachments()
    assert attachment.get_filename() == "briefing_2026-11-16_2026-11-22.pdf"


def test_skip_if_no_new_articles(tmp_path):
    config = write_config(tmp_path, weekly(more="skip_if_no_new_articles = true"), articles=ARTICLES)
    first = run_once(config, "weekly", now=MONDAY, generate=StandIn())
    second = run_once(config, "weekly", now=MONDAY, generate=StandIn())
    (tmp_path / "articles" / "c.txt").write_text("date 2026-11-21\nA new camp opened near the border.\n")
    third = run_once(config, "weekly", now=MONDAY, generate=StandIn())
    assert [first.status, second.status, third.status] == ["ok", "skipped", "ok"]
    assert second.error == "no new articles for 2026-11-16 to 2026-11-22"


def test_dry_run_writes_nothing(tmp_path, capsys):
    config = write_config(tmp_path, weekly(), articles=ARTICLES)
    run = run_once(config, "weekly", now=MONDAY, dry_run=True)
    assert run.preview[0].startswith("period 2026-11-16 to 2026-11-22")
    assert any("Shelling hit a market" in line for line in run.preview)
    assert not any("older report" in line for line in run.preview)
    assert f"deliver to dir:{tmp_path / 'desk'}" in run.preview
    assert not (tmp_path / "out" / "weekly").exists() and not (tmp_path / "desk").exists()
    assert not Path(config.store).exists()  # not even an empty store
    assert history(config) == [] and Store(config.store).count_articles() == 0


def test_cli_history_and_resend(tmp_path, capsys):
    config = write_config(tmp_path, weekly(), articles=ARTICLES)
    run = run_once(config, "weekly", now=MONDAY, generate=StandIn(fail_times=9))
    capsys.readouterr()
    assert main(["--config", str(config.path), "history", "weekly"]) == 0
    out = capsys.readouterr().out
    assert f"#{run.id} weekly FAILED" in out and "period 2026-11-16..2026-11-22" in out
    assert "error: generation failed after 3 attempt(s): renderer crashed" in out
    assert main(["--config", str(config.path), "history", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["id"], record["status"], record["attempts"], record["start"]) == (run.id, "failed", 3, "2026-11-16")
    assert main(["--config", str(config.path), "resend", str(run.id)]) == 2
    assert "has no files to send" in capsys.readouterr().err
    assert main(["--config", str(config.path), "run", "nope", "--dry-run"]) == 2
    assert "no [[briefing]] named 'nope'" in capsys.readouterr().err
    assert main(["--config", str(config.path), "run", "weekly", "--from", "2026-11", "--to", "2026-11", "--dry-run"]) == 0
    assert capsys.readouterr().out.startswith("period 2026-11-01 to 2026-11-30")


def test_end_to_end_on_the_seeds_with_real_generate(tmp_path, nlp, seeds_dir):
    hook = Hook()
    try:
        text = f"""
[[briefing]]
name = "idlib"
title = "North-west Syria briefing"
sources = ["{seeds_dir}"]
every = "month on 1 at 08:00"
timezone = "Europe/Istanbul"
period = "previous-month"
deliver = ["dir:desk", "webhook:{hook.url}"]
"""
        config = write_config(tmp_path, text)
        run = run_once(config, "idlib", start=date(2020, 1, 1), end=date(2020, 2, 29),
                       now=datetime(2020, 3, 1, 8, 0, tzinfo=ZoneInfo("Europe/Istanbul")))
    finally:
        hook.close()
    assert run.status == "ok", run.error
    assert len(run.articles) == 2
    pdf = tmp_path / "desk" / "latest.pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "520,000" in text and "North-west Syria briefing" in text
    assert "520,000" in (tmp_path / "desk" / "latest.md").read_text()
    # "as of" is told in the series' own zone, not the config's default UTC
    assert "**As of:** 1 Mar 2020, 08:00 Europe/Istanbul (UTC+03:00)" in (tmp_path / "desk" / "latest.md").read_text()
    [request] = hook.requests
    assert "520,000" in request["json"]["markdown"]
    assert {f["name"] for f in request["json"]["files"]} >= {"briefing_2020-01-01_2020-02-29.pdf",
                                                           "briefing_2020-01-01_2020-02-29.md"}


def test_unreadable_source_is_noted_and_a_vanished_output_parent_fails_with_notice(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "bad.json").write_text("{not json")
    hook = Hook()
    try:
        config = write_config(tmp_path, weekly(more=f'notify = "webhook:{hook.url}"'), articles=ARTICLES)
        run = run_once(config, "weekly", now=MONDAY, generate=StandIn())
        assert run.status == "ok" and "1 source problem(s)" in run.error and "bad.json" in run.error
        (tmp_path / "out").rename(tmp_path / "gone")
        (tmp_path / "out").write_text("a file where the output folder should be")
        broken = run_once(config, "weekly", now=MONDAY, generate=StandIn())
    finally:
        hook.close()
    assert broken.status == "failed" and "NotADirectoryError" in broken.error
    assert [r["json"]["event"] for r in hook.requests] == ["run_failed"]


def test_a_second_process_cannot_run_the_same_briefing_at_once(tmp_path):
    import subprocess
    import sys
    import threading

    config = write_config(tmp_path, weekly(), articles=ARTICLES)
    generate = StandIn(gate=threading.Event())
    worker = threading.Thread(target=run_once, args=(config, "weekly"), kwargs={"now": MONDAY, "generate": generate})
    worker.start()
    try:
        assert generate.entered.wait(5)
        other = subprocess.run([sys.executable, "-m", "briefings", "--config", str(config.path), "run", "weekly"],
                               capture_output=True, text=True, timeout=60)
    finally:
        generate.gate.set()
        worker.join(10)
    assert other.returncode == 2 and "already in progress" in other.stderr
    assert [r.status for r in history(config)] == ["ok"]
