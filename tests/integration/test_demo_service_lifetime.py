"""The demo service of ``make run`` ends with its launcher, however the launcher ends.

Before: a launcher stopped by SIGTERM or kill -9 (a closed terminal, a laptop that dies) left
``consultant-server demo`` running on its port with the demo's personal data, found still
listening by the next ``make run``."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.support.server_process import free_port


ROOT = Path(__file__).resolve().parents[2]


def _listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux parent-death signal")
def test_the_demo_service_stops_when_its_launcher_is_killed(tmp_path, how):
    port = free_port()
    launcher = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from sync.client.demo import DemoService
        service = DemoService(Path({str(tmp_path / 'server')!r}), {port})
        service.start()
        print("ready", flush=True)
        time.sleep(120)
        """)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert launcher.stdout is not None
        line = launcher.stdout.readline()
        assert line.strip() == b"ready", launcher.stderr.read() if launcher.stderr else b""
        assert _listening(port)
        launcher.send_signal(how)
        launcher.wait(timeout=10)
        deadline = time.monotonic() + 20
        while _listening(port) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _listening(port), "the demo service outlived its launcher"
    finally:
        if launcher.poll() is None:
            launcher.kill()
