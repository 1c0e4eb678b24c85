"""A process that runs commands in forked children and kills them with SIGKILL, for the
tests of what a killed program leaves behind (tests/unit/test_profile_atomic.py).

It imports the program once and warms it up, then forks a child per request, so each kill
costs the command's own time, not Python's start. Requests, one JSON list per line on stdin,
answered with one JSON object per line on stdout:

* ``["run", ARGS]``: run the command to its end; ``count`` in the answer is how many of the
  calls where a kill can land (``KILL_POINTS``: each SQLite statement, commit, file rename,
  fsync, ...) it made.
* ``["kill-at", ARGS, N]``: run it, and the child sends itself SIGKILL just before its N-th such
  call (a point reproducible from the seed of the test).
* ``["kill-after", ARGS, SECONDS]``: run it, and this process sends the child SIGKILL after
  SECONDS (also in the middle of SQLite's own C code).

ARGS is ``["cli", argv...]`` (``consultant_app.cli.main``) or ``["demo", DIR, PASSPHRASE,
EMPLOYERS, VACANCIES, CANDIDATES]`` (``ensure_demo_profile``). Every answer has the child's
exit ``status`` (negative: killed by that signal), its ``output`` (stdout and stderr) and how
many ``seconds`` it ran.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import sys
import tempfile
import time

from consultant_app import crypto
from consultant_app.cli import main as cli_main
from consultant_app.demo import DemoCounts, ensure_demo_profile

KILL_POINTS = frozenset({"execute", "executemany", "executescript", "commit", "rollback",
                         "close", "connect", "replace", "rename", "fsync", "unlink", "mkdir",
                         "write", "flush"})


def _run(args: list) -> int:
    if args[0] == "cli":
        return cli_main(args[1:])
    _, folder, passphrase, employers, vacancies, candidates = args
    ensure_demo_profile(folder, passphrase, DemoCounts(employers, vacancies, candidates))
    return 0


def _child(args: list, kill_at: int | None, out_path: str, count_path: str) -> None:
    fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    seen = 0

    def profile(_frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal seen
        if event == "c_call" and getattr(arg, "__name__", "") in KILL_POINTS:
            seen += 1
            if kill_at is not None and seen >= kill_at:
                os.kill(os.getpid(), signal.SIGKILL)

    code = 3
    try:
        sys.setprofile(profile)
        code = _run(args)
    except BaseException:  # noqa: BLE001 - reported through the output, as a user sees it
        import traceback
        traceback.print_exc()
    finally:
        sys.setprofile(None)
        sys.stdout.flush()
        sys.stderr.flush()
        with open(count_path, "w") as fh:
            fh.write(str(seen))
        os._exit(code)


def _serve(request: list, scratch: str) -> dict:
    kind, args = request[0], request[1]  # "run", "kill-at" or "kill-after"
    out_path = os.path.join(scratch, "out.txt")
    count_path = os.path.join(scratch, "count.txt")
    for path in (out_path, count_path):
        if os.path.exists(path):
            os.unlink(path)
    kill_at = request[2] if kind == "kill-at" else None
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        _child(args, kill_at, out_path, count_path)
    if kind == "kill-after":
        time.sleep(request[2])
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    _, status = os.waitpid(pid, 0)
    elapsed = time.monotonic() - started
    code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    output = open(out_path, encoding="utf-8", errors="replace").read() \
        if os.path.exists(out_path) else ""
    count = int(open(count_path).read()) if os.path.exists(count_path) else None
    return {"status": code, "output": output, "count": count, "seconds": elapsed}


def main() -> None:
    # The passphrase's key derivation at the cost tests use (conftest.FAST_KDF): what is
    # tested here is what a kill leaves, not scrypt's cost. Profiles keep their own cost.
    crypto.DEFAULT_SCRYPT_N = 2 ** 10
    scratch = tempfile.mkdtemp(prefix="kill-runner-")
    # Warm up here, not in a child: every lazy import (Alembic, the migrations, the device
    # key, Faker's locale) then happens once, before the first fork.
    with contextlib.redirect_stdout(io.StringIO()):
        _run(["cli", "--profile", os.path.join(scratch, "warm"), "--passphrase", "w", "init"])
        _run(["demo", os.path.join(scratch, "warm-demo"), "w", 2, 2, 2])
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        print(json.dumps(_serve(json.loads(line), scratch)), flush=True)


if __name__ == "__main__":
    main()
