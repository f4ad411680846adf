"""Delivery against real local servers: SMTP with a PDF attachment, webhooks that succeed and fail."""
import shutil
import ssl
import subprocess
import threading

import pytest

from briefings.deliver import Package, Smtp, atomic_write, deliver_all, notify_failure, publish, send_email
from briefings.series import Series, Target, parse_every

from localservers import Hook, smtp_server

PDF = b"%PDF-1.4\n% a tiny stand-in with real bytes\n%%EOF\n"


def series(**changes) -> Series:
    values = dict(name="weekly", every=parse_every("monday at 07:00"), every_text="monday at 07:00",
                  period="previous-week", title="Weekly test briefing", retries=2, retry_delay=0.01, timeout=2)
    values.update(changes)
    return Series(**values)


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    pdf = folder / "briefing_2026-11-09_2026-11-15.pdf"
    md = folder / "briefing_2026-11-09_2026-11-15.md"
    pdf.write_bytes(PDF)
    md.write_text("# Weekly test briefing\n\n12 people were killed in Ariha.\n")
    return [md, pdf]


def package(files, **changes) -> Package:
    return Package(series(**changes), 7, "2026-11-09", "2026-11-15", tuple(files), "Ticket: 12 killed in Ariha.")


def test_atomic_write_replaces_whole_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out" / "a.md"
    atomic_write(target, b"first")
    atomic_write(target, b"second version")
    assert target.read_bytes() == b"second version"
    assert [p.name for p in target.parent.iterdir()] == ["a.md"]


def test_a_one_day_period_is_one_date_in_the_subject():
    one_day = Package(series(), 7, "2026-11-09", "2026-11-09", (), "")
    assert one_day.subject == "Weekly test briefing: 2026-11-09"


def test_atomic_write_makes_files_others_can_read(tmp_path):
    # a briefing in a shared folder must be readable like any other file, not private as a temp file is
    import os
    from briefings.deliver import UMASK
    target = atomic_write(tmp_path / "b.pdf", b"%PDF")
    assert os.stat(target).st_mode & 0o777 == 0o666 & ~UMASK
    assert os.stat(target).st_mode & 0o044 == 0o044 & ~UMASK


def test_atomic_write_failure_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "a.md"
    atomic_write(target, b"old")

    def broken(*args):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", broken)
    with pytest.raises(OSError):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_publish_copies_files_and_points_latest_at_newest(tmp_path, files):
    out = tmp_path / "desk"
    publish(files, out)
    newer = files[0].with_name("briefing_2026-11-16_2026-11-22.md")
    newer.write_text("# newer\n")
    publish([newer], out)
    assert (out / "latest.md").read_text() == "# newer\n"
    assert (out / "latest.pdf").read_bytes() == PDF
    assert (out / files[0].name).exists()
    publish(files, out)  # re-sending the older period leaves latest on the newest period
    assert (out / "latest.md").read_text() == "# newer\n"


def test_email_arrives_with_pdf_attachment_and_period_subject(files):
    controller, inbox = smtp_server()
    try:
        smtp = Smtp(host="127.0.0.1", port=controller.port, security="none", sender="bot@example.org")
        [result] = deliver_all(package(files, deliver=(Target("email", "desk@example.org"),)), smtp)
    finally:
        controller.stop()
    assert result.status == "ok" and result.attempts == 1
    [message] = inbox.messages
    assert message["Subject"] == "Weekly test briefing: 2026-11-09 to 2026-11-15"
    assert message["To"] == "desk@example.org"
    assert "Ticket: 12 killed in Ariha." in message.get_body(("plain",)).get_content()
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "briefing_2026-11-09_2026-11-15.pdf"
    assert attachment.get_content() == PDF


def test_email_login_reads_password_from_environment(files, monkeypatch):
    controller, inbox = smtp_server(user="desk", password="s3cret")
    smtp = Smtp(host="127.0.0.1", port=controller.port, security="none", user_env="T_USER", password_env="T_PASS",
                timeout=5)
    try:
        monkeypatch.setenv("T_USER", "desk")
        monkeypatch.setenv("T_PASS", "wrong")
        pauses = []
        [refused] = deliver_all(package(files, deliver=(Target("email", "a@example.org"),), retries=2), smtp,
                                sleep=pauses.append)
        monkeypatch.setenv("T_PASS", "s3cret")
        [accepted] = deliver_all(package(files, deliver=(Target("email", "a@example.org"),)), smtp)
    finally:
        controller.stop()
    assert refused.status == "failed" and "535" in refused.error
    assert refused.attempts == 1 and pauses == []  # a refused login is not retried
    assert accepted.status == "ok"
    assert len(inbox.messages) == 1


@pytest.fixture
def certificate(tmp_path):
    """A self-signed certificate for 127.0.0.1: (server context, CA file for the client)."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context, cert


def test_email_over_implicit_ssl(certificate, files):
    context, cert = certificate
    controller, inbox = smtp_server(ssl_context=context)
    try:
        send_email(Smtp(host="127.0.0.1", port=controller.port, security="ssl", cafile=str(cert)), "desk@example.org",
                   "over ssl", "body", [files[1]])
    finally:
        controller.stop()
    [message] = inbox.messages
    assert message["Subject"] == "over ssl"


def test_email_over_starttls_with_private_ca(certificate, files):
    context, cert = certificate
    controller, inbox = smtp_server(tls_context=context)
    try:
        smtp = Smtp(host="127.0.0.1", port=controller.port, security="starttls", cafile=str(cert))
        send_email(smtp, "desk@example.org", "subject", "body", [files[1]])
        plain = Smtp(host="127.0.0.1", port=controller.port, security="none")
        with pytest.raises(Exception, match="STARTTLS"):
            send_email(plain, "desk@example.org", "subject", "body")
    finally:
        controller.stop()
    assert len(inbox.messages) == 1


def test_webhook_posts_period_markdown_links_and_bearer_token(files, monkeypatch):
    hook = Hook()
    monkeypatch.setenv("HOOK_TOKEN", "tok-123")
    try:
        pkg = package(files, deliver=(Target("webhook", hook.url),), webhook_token_env="HOOK_TOKEN",
                      link_base="https://files.example.org/weekly/")
        [result] = deliver_all(pkg, None)
    finally:
        hook.close()
    assert result.status == "ok"
    [request] = hook.requests
    assert request["headers"]["Authorization"] == "Bearer tok-123"
    body = request["json"]
    assert body["period"] == {"start": "2026-11-09", "end": "2026-11-15"}
    assert body["markdown"] == "Ticket: 12 killed in Ariha."
    assert body["run_id"] == 7
    assert {"name": files[1].name, "url": f"https://files.example.org/weekly/{files[1].name}"} in body["files"]


def test_webhook_retries_after_500_then_succeeds(files):
    hook = Hook(codes=[500, 500])
    try:
        [result] = deliver_all(package(files, deliver=(Target("webhook", hook.url),)), None)
    finally:
        hook.close()
    assert (result.status, result.attempts, result.error) == ("ok", 3, None)
    assert len(hook.requests) == 3


def test_a_refusal_or_a_missing_secret_is_not_retried(files, monkeypatch):
    monkeypatch.delenv("HOOK_TOKEN", raising=False)
    refusing, pauses = Hook(codes=[404] * 10), []
    try:
        targets = (Target("webhook", refusing.url),)
        [refused] = deliver_all(package(files, deliver=targets), None, sleep=pauses.append)
        [no_token] = deliver_all(package(files, deliver=targets, webhook_token_env="HOOK_TOKEN"), None,
                                 sleep=pauses.append)
    finally:
        refusing.close()
    assert (refused.status, refused.attempts) == ("failed", 1) and "HTTP 404" in refused.error
    assert (no_token.status, no_token.attempts) == ("failed", 1)
    assert no_token.error == "webhook token variable HOOK_TOKEN is not set; export it and resend"
    assert len(refusing.requests) == 1 and pauses == []


def test_failing_webhook_is_recorded_and_other_targets_still_delivered(tmp_path, files):
    hook = Hook(codes=[500] * 10)
    pauses = []
    try:
        targets = (Target("webhook", hook.url), Target("dir", str(tmp_path / "desk")))
        results = deliver_all(package(files, deliver=targets), None, sleep=pauses.append)
    finally:
        hook.close()
    assert results[0].status == "failed" and results[0].attempts == 3
    assert "HTTP 500" in results[0].error
    assert pauses == [0.01, 0.02]  # backoff doubles
    assert results[1].status == "ok"
    assert (tmp_path / "desk" / "latest.pdf").read_bytes() == PDF
    assert all(f.exists() for f in files)  # a failed delivery never loses the files


def test_webhook_timeout_is_a_failure_not_a_hang(files):
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()  # accepts connections but never answers
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/hook"
    try:
        [result] = deliver_all(package(files, deliver=(Target("webhook", url),), retries=0, timeout=0.3), None)
    finally:
        listener.close()
    assert result.status == "failed" and "timed out" in result.error


def test_failure_notice_is_sent_once_to_notify_webhook():
    hook = Hook()
    try:
        notice = notify_failure(series(notify=Target("webhook", hook.url)), None, run_id=3,
                                start="2026-11-09", end="2026-11-15", error="generate failed: boom")
    finally:
        hook.close()
    assert notice.status == "ok"
    [request] = hook.requests
    assert request["json"]["event"] == "run_failed"
    assert request["json"]["error"] == "generate failed: boom"
    assert notify_failure(series(), None, run_id=3, start="a", end="b", error="x") is None


def test_deliveries_from_threads_do_not_interfere(tmp_path, files):
    out = tmp_path / "desk"
    errors = []

    def work():
        try:
            publish(files, out)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(p.name for p in out.iterdir()) == sorted([f.name for f in files] + ["latest.md", "latest.pdf"])
