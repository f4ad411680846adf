"""Disk faults for tests: a small or read-only disk, made as a tmpfs in a private mount namespace (so nothing is
left mounted on the machine), or, where mounting is not allowed, a file-size limit (RLIMIT_FSIZE) instead.

`on_small_disk(folder, kb, steps)` copies `folder` onto a fresh disk of `kb` KiB, runs the CLI `steps` there
and returns, per step, its exit code and stderr, plus what the store holds afterwards; `read_only=True` mounts
that disk read-only after the copy.
"""
from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

DRIVER = textwrap.dedent('''
    import json, os, resource, shutil, signal, sqlite3, subprocess, sys
    source, disk, kb, read_only, limit_files, steps = json.loads(sys.argv[1])
    if not limit_files:
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kb}k", "tmpfs", disk], check=True)
    for name in os.listdir(source):
        copy = shutil.copytree if os.path.isdir(os.path.join(source, name)) else shutil.copy2
        copy(os.path.join(source, name), os.path.join(disk, name))
    if read_only:
        subprocess.run(["mount", "-o", "remount,ro", disk], check=True)

    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead of killing
        size = max(os.path.getsize(os.path.join(disk, n)) for n in os.listdir(disk) if os.path.isfile(os.path.join(disk, n)))
        resource.setrlimit(resource.RLIMIT_FSIZE, (size + kb * 1024 // 8, size + kb * 1024 // 8))

    results = []
    for step in steps:
        done = subprocess.run([sys.executable, "-m", "briefings", *step], cwd=disk, capture_output=True, text=True,
                              preexec_fn=limited if limit_files else None)
        results.append({"code": done.returncode, "err": done.stderr, "out": done.stdout})
    store, check, ids = os.path.join(disk, "s.sqlite"), None, []
    if os.path.exists(store):  # on a read-only disk no WAL can be opened: read the file as it is
        with sqlite3.connect(f"file:{store}?mode=ro" + ("&immutable=1" if read_only else ""), uri=True) as conn:
            check = conn.execute("PRAGMA integrity_check").fetchone()[0]
            ids = sorted(r[0] for r in conn.execute("SELECT id FROM articles"))
    files = sorted(os.path.relpath(os.path.join(d, f), disk) for d, _, fs in os.walk(disk) for f in fs)
    print(json.dumps({"steps": results, "integrity": check, "ids": ids, "files": files}))
''')


@functools.cache
def can_mount() -> bool:
    """True when this process may make a private mount namespace and mount a tmpfs in it (root, or user namespaces)."""
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c",
                            "mount -t tmpfs -o size=64k tmpfs /mnt && umount /mnt"], capture_output=True)
    return probe.returncode == 0


def on_small_disk(folder: Path, kb: int, steps: list[list[str]], *, read_only: bool = False) -> dict:
    """Run CLI `steps` (arguments after `briefings`) in a copy of `folder` on a disk of `kb` KiB; see the module doc."""
    disk = folder.parent / f"{folder.name}-disk"
    disk.mkdir()
    limit_files = not can_mount()
    if limit_files and read_only:
        raise RuntimeError("a read-only disk needs a mount")
    args = json.dumps([str(folder), str(disk), kb, read_only, limit_files, steps])
    command = [sys.executable, "-c", DRIVER, args]
    if not limit_files:
        command = ["unshare", "--mount", "--propagation", "private", *command]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])
