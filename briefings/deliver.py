"""Delivery of finished briefings: atomic files, email over SMTP ([smtp] settings), JSON webhooks; with retries."""
from __future__ import annotations

import json
import logging
import os
import re
import smtplib
import ssl
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from .errors import BriefingsError
from .series import EMAIL, ENV_NAME, SECRET_HINTS, Series, Target, line_of, table_lines, type_name

log = logging.getLogger(__name__)


class Permanent(RuntimeError):
    """A failure that trying again cannot fix (missing secret, a 4xx refusal): not retried."""


@dataclass(frozen=True)
class Smtp:
    """How to reach the mail server; the password is read from an environment variable."""

    host: str
    port: int = 587
    security: str = "starttls"  # starttls | ssl | none
    user_env: str | None = None
    password_env: str | None = None
    sender: str = "briefings@localhost"
    timeout: float = 30.0
    cafile: str | None = None  # CA bundle for a relay with a private certificate

    def credentials(self) -> tuple[str, str] | None:
        """(user, password) from the environment, or None when no login is configured."""
        if not self.user_env:
            return None
        missing = [name for name in (self.user_env, self.password_env) if name and name not in os.environ]
        if missing:
            raise Permanent(f"SMTP login needs environment variable(s) {', '.join(missing)}; export them and resend")
        return os.environ[self.user_env], os.environ.get(self.password_env or "", "")


SMTP_KEYS = {
    "host": str, "port": int, "security": str, "user_env": str, "password_env": str,
    "from": str, "timeout": (int, float), "cafile": str,
}


def parse_smtp(table: dict, path: Path, text: str) -> tuple[Smtp | None, list[str]]:
    """Validate the [smtp] table; the password itself is never accepted, only the name of its variable."""
    span = (table_lines(text, "[smtp]") or [None])[0]
    errors: list[str] = []

    def bad(key: str, message: str) -> None:
        errors.append(f"{path}:{line_of(text, span, key) or '?'}: smtp.{key}: {message}")

    for key, value in table.items():
        kind = SMTP_KEYS.get(key)
        if key in SECRET_HINTS or key in ("user", "pass"):
            bad(key, "secrets never go in the config file; name environment variables with user_env and password_env")
        elif kind is None:
            bad(key, f"unknown key (known: {', '.join(sorted(SMTP_KEYS))})")
        elif not isinstance(value, kind) or isinstance(value, bool):
            bad(key, f"must be {type_name(kind)}")
    if not isinstance(table.get("host"), str) or not table.get("host"):
        bad("host", "missing; name the mail server, e.g. host = \"smtp.example.org\"")
    security = table.get("security", "starttls")
    if security not in ("starttls", "ssl", "none"):
        bad("security", f"'{security}': use starttls, ssl or none")
    port = table.get("port", {"ssl": 465, "none": 25}.get(security, 587))
    if isinstance(port, int) and not 0 < port < 65536:
        bad("port", f"{port} is not a port number")
    for key in ("user_env", "password_env"):
        if isinstance(table.get(key), str) and not ENV_NAME.match(table[key]):
            bad(key, "must be the name of an environment variable, not the value itself")
    if ("user_env" in table) != ("password_env" in table):
        bad("user_env", "give both user_env and password_env, or neither")
    if isinstance(table.get("from"), str) and not EMAIL.match(table["from"]):
        bad("from", f"'{table['from']}' is not an email address")
    if errors:
        return None, errors
    return Smtp(
        host=table["host"], port=port, security=security, user_env=table.get("user_env"),
        password_env=table.get("password_env"), sender=table.get("from", "briefings@localhost"),
        timeout=float(table.get("timeout", 30.0)), cafile=table.get("cafile"),
    ), []


def smtp_settings(config) -> Smtp | None:
    """The validated [smtp] table of a loaded config, or None."""
    table = (config.raw or {}).get("smtp")
    if not isinstance(table, dict):
        return None
    smtp, _ = parse_smtp(table, config.path or Path("briefings.toml"), "")
    return smtp


@dataclass(frozen=True)
class Delivery:
    """The outcome of delivering one run to one target."""

    target: str
    status: str  # ok | failed
    attempts: int
    error: str | None = None


@dataclass(frozen=True)
class Package:
    """What a run hands to its targets."""

    series: Series
    run_id: int | None
    start: str  # period, ISO dates
    end: str
    files: tuple[Path, ...]  # archived files of the run
    markdown: str  # ticket Markdown: email body and webhook text
    root: Path | None = None  # folder the files live under; dir targets keep paths relative to it

    @property
    def subject(self) -> str:
        title = self.series.title or self.series.name
        return f"{title}: {self.start}" if self.start == self.end else f"{title}: {self.start} to {self.end}"


# ---- files ----------------------------------------------------------------------------------


PERIOD_NAME = re.compile(r"briefing_(\d{4}-\d{2}(?:-\d{2})?)_(\d{4}-\d{2}(?:-\d{2})?)(?:_ticket)?\.(?:pdf|md)$")


def atomic_write(path: Path, data: bytes) -> Path:
    """Write `data` to `path` so a reader sees either the old file or the whole new one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); a briefing is meant to be read, so use the usual umask mode
        os.fchmod(handle, 0o666 & ~UMASK)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def publish_files(out_dir: Path, files: dict[str, bytes]) -> list[Path]:
    """Write a briefing's files together or not at all: every one to a temporary file beside its target first
    (a full or read-only disk fails here, before anything is replaced), then each renamed into place."""
    out_dir = Path(out_dir)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, data in sorted(files.items()):
            target = out_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            staged.append((Path(temp), target))
            os.fchmod(handle, 0o666 & ~UMASK)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        for temp, target in staged:
            os.replace(temp, target)
    except BaseException:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise
    return [target for _, target in staged]


def current_umask() -> int:
    """The process umask (reading it means setting it, so set it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


UMASK = current_umask()  # read once at import: os.umask is process-wide, so not from worker threads


def atomic_copy(source: Path, target: Path) -> Path:
    """Copy a file into place through a temporary file and a rename."""
    return atomic_write(Path(target), Path(source).read_bytes())


def publish(files: list[Path], folder: Path, root: Path | None = None) -> list[Path]:
    """Copy a run's files into `folder` atomically and point latest.pdf / latest.md at the newest."""
    folder = Path(folder)
    placed = []
    for source in map(Path, files):
        inside = root is not None and source.is_relative_to(root)
        target = folder / (source.relative_to(root) if inside else source.name)
        if Path(source).resolve() != target.resolve():
            atomic_copy(source, target)
        placed.append(target)
    for suffix in (".pdf", ".md"):
        newest = [p for p in placed if p.suffix == suffix and p.parent == folder and not p.name.startswith("latest")]
        if newest:
            # newest by the period in the name, so re-sending or re-running an old period never moves latest back
            candidates = [p for p in folder.glob(f"briefing_*{suffix}") if PERIOD_NAME.match(p.name)]
            best = max(candidates + newest[-1:], key=period_key)
            atomic_copy(best, folder / f"latest{suffix}")
    return placed


def period_key(path: Path) -> tuple[str, str, int]:
    """(end, start, 1) from 'briefing_<start>_<end>.ext'; names without a period sort by being the run's own."""
    match = PERIOD_NAME.match(path.name)
    return (match[2], match[1], 0) if match else ("", "", 1)


# ---- email and webhook ----------------------------------------------------------------------


def send_email(smtp: Smtp, to: str, subject: str, body: str, attachments: list[Path] = ()) -> None:
    """Send one message through the configured SMTP server; raises on any refusal."""
    message = EmailMessage()
    message["From"] = smtp.sender
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body or "(empty briefing)")
    for path in attachments:
        message.add_attachment(Path(path).read_bytes(), maintype="application", subtype="pdf", filename=Path(path).name)
    context = ssl.create_default_context(cafile=smtp.cafile)
    login = smtp.credentials()
    if smtp.security == "ssl":
        client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout, context=context)
    else:
        client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
    with client:
        if smtp.security == "starttls":
            client.starttls(context=context)
        if login and smtp.security == "none":
            log.warning("SMTP login to %s is sent unencrypted (security = \"none\"); use starttls or ssl unless the "
                        "server is on this machine", smtp.host)
        if login:
            try:
                client.login(*login)
            except smtplib.SMTPAuthenticationError as exc:  # the same credentials fail the same way on a retry
                raise Permanent(f"SMTP login refused ({exc.smtp_code}); check the user and password variables") from None
        refused = client.send_message(message)
    if refused:
        raise RuntimeError(f"server refused recipients: {', '.join(refused)}")


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """Refuse redirects: following one would send the token to wherever it points, and turn the POST into a GET."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # urllib then raises HTTPError for the 3xx answer


OPENER = urllib.request.build_opener(NoRedirects)


def post_json(url: str, payload: dict, *, token_env: str | None, timeout: float) -> int:
    """POST `payload` as JSON; returns the HTTP status, raises on anything but a 2xx answer or on a network error."""
    headers = {"Content-Type": "application/json", "User-Agent": "briefings"}
    if token_env:
        token = os.environ.get(token_env)
        if not token:
            raise Permanent(f"webhook token variable {token_env} is not set; export it and resend")
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=json.dumps(payload).encode(), headers=headers, method="POST")
    try:
        with OPENER.open(request, timeout=timeout) as answer:
            status = answer.status
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:  # the same answer on every try: fix the URL
            where = exc.headers.get("Location", "?") if exc.headers else "?"
            raise Permanent(f"HTTP {exc.code} redirect from {url} to {where}, not followed (the token would go "
                            "with it); set the webhook URL to where it should post") from None
        # a refusal (bad URL, bad token) answers the same on every try; overload and server errors may pass
        kind = Permanent if 400 <= exc.code < 500 and exc.code not in (408, 425, 429) else RuntimeError
        raise kind(f"HTTP {exc.code} {exc.reason} from {url}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise RuntimeError(f"cannot reach {url}: {reason}") from None
    if not 200 <= status < 300:
        raise RuntimeError(f"HTTP {status} from {url}; a webhook must answer 2xx")
    return status


def links(package: Package) -> list[dict]:
    """Name and URL of each file: under the series' link_base when set, else file:// URLs."""
    base = package.series.link_base
    return [
        {"name": p.name, "url": f"{base.rstrip('/')}/{p.name}" if base else Path(p).resolve().as_uri()}
        for p in package.files
    ]


def webhook_payload(package: Package) -> dict:
    return {
        "event": "briefing",
        "series": package.series.name,
        "title": package.series.title or package.series.name,
        "run_id": package.run_id,
        "period": {"start": package.start, "end": package.end},
        "markdown": package.markdown,
        "files": links(package),
    }


# ---- targets with retries -------------------------------------------------------------------


def deliver_one(target: Target, package: Package, smtp: Smtp | None) -> None:
    """Deliver once to one target; raises with a readable message on failure."""
    if target.kind == "dir":
        publish(list(package.files), Path(target.value), package.root)
    elif target.kind == "email":
        if smtp is None:
            raise Permanent("no [smtp] table in the config")
        pdfs = [p for p in package.files if p.suffix == ".pdf"]
        send_email(smtp, target.value, package.subject, package.markdown, pdfs)
    elif target.kind == "webhook":
        post_json(target.value, webhook_payload(package), token_env=package.series.webhook_token_env,
                  timeout=package.series.timeout)
    else:
        raise RuntimeError(f"unknown target kind {target.kind}")


def with_retries(action, retries: int, delay: float, sleep=time.sleep, what: str = "") -> tuple[int, str | None]:
    """Call `action` until it succeeds, at most 1 + retries times, doubling the pause; (attempts, last error)."""
    error = None
    for attempt in range(1, retries + 2):
        try:
            action()
            return attempt, None
        except Exception as exc:  # noqa: BLE001 — every failure is recorded, none may stop the others
            error = f"{type(exc).__name__}: {exc}" if not isinstance(exc, RuntimeError) else str(exc)
            log.warning("%sattempt %d of %d failed: %s", f"{what}: " if what else "", attempt, retries + 1, error)
            if isinstance(exc, (Permanent, BriefingsError)):
                return attempt, error  # retrying cannot help; fix and `briefings resend` (or run again)
            if attempt <= retries:
                sleep(delay * 2 ** (attempt - 1))
    return retries + 1, error


def deliver_all(package: Package, smtp: Smtp | None, targets=None, sleep=time.sleep) -> list[Delivery]:
    """Deliver to every target (default: the series' deliver list); one failure never blocks the rest."""
    results = []
    for target in targets if targets is not None else package.series.deliver:
        attempts, error = with_retries(
            lambda t=target: deliver_one(t, package, smtp), package.series.retries, package.series.retry_delay, sleep,
            f"{package.series.name} delivery to {target}",
        )
        results.append(Delivery(str(target), "failed" if error else "ok", attempts, error))
    return results


def notify_failure(series: Series, smtp: Smtp | None, *, run_id, start, end, error: str, sleep=time.sleep) -> Delivery | None:
    """Send one failure notice to the series' notify target (with its own retries); None when none is set."""
    target = series.notify
    if target is None:
        return None
    subject = f"[briefings] FAILED {series.name}: {start} to {end}"
    body = f"Run {run_id} of '{series.name}' for {start} to {end} failed.\n\n{error}\n\nSee `briefings history {series.name}`."

    def send() -> None:
        if target.kind == "email":
            if smtp is None:
                raise Permanent("no [smtp] table in the config")
            send_email(smtp, target.value, subject, body)
        else:
            payload = {"event": "run_failed", "series": series.name, "run_id": run_id,
                       "period": {"start": start, "end": end}, "error": error}
            post_json(target.value, payload, token_env=series.webhook_token_env, timeout=series.timeout)

    attempts, problem = with_retries(send, series.retries, series.retry_delay, sleep, f"{series.name} notice to {target}")
    if problem:
        log.error("failure notice to %s failed too: %s", target, problem)
    return Delivery(f"notify:{target}", "failed" if problem else "ok", attempts, problem)
