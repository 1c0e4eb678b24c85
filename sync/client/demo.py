"""The pieces of ``make run`` below the desktop (the launcher itself is ``ui.demo``).

A local central service on loopback with the demo municipality
(``consultant-server demo``: 0751 Aarhus, "Demo Konsulent", the reusable code
DEMO-0751-AARHUS), creates and seeds the demo profile if it is missing, enrolls it if it is
not enrolled with this service, syncs, and opens the desktop. The service stops when the
desktop closes. Whatever fails on the way is said plainly and the desktop opens anyway,
offline: the demo must never be blocked by the network part.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

DEMO_CODE = "DEMO-0751-AARHUS"
DEFAULT_PORT = 8765
READY_TIMEOUT = 30.0


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def port_free(port: int) -> bool:
    with socket.socket() as s:
        # As the service binds (uvicorn sets it): a port in TIME_WAIT after the last run
        # is free, so the demo keeps its port and its enrollment.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _end_with_parent() -> None:
    """In the service's child process, before it runs: Linux ends it (SIGTERM) when the
    launcher dies, however it dies (closed terminal, kill -9), so no demo service is left
    holding its port and the demo data. Elsewhere only ``stop()`` on the way out does."""
    if sys.platform.startswith("linux"):
        import ctypes
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


class DemoService:
    """``consultant-server demo`` as a child process (its own session, so it is stopped
    with everything it started)."""

    def __init__(self, data_dir: Path, port: int):
        self.data_dir = data_dir
        self.port = port
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = data_dir / "server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-c", "import sys; from sync.server_cli import main; "
                                         "sys.exit(main())",
                   "demo", "--port", str(self.port), "--data-dir", str(self.data_dir)]
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                         start_new_session=True,
                                         preexec_fn=_end_with_parent)  # noqa: PLW1509
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"tjenesten stoppede med kode {self.proc.returncode} "
                                   f"(se {self.log})")
            try:
                if httpx.get(f"{self.url}/api/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"tjenesten svarede ikke inden {READY_TIMEOUT:.0f} s (se {self.log})")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


def ensure_profile(profile: Path, passphrase: str) -> None:
    """The demo profile, made and seeded whole (or finished, if an earlier start was
    stopped while seeding): see ``consultant_app.demo.ensure_demo_profile``."""
    from consultant_app.demo import ensure_demo_profile
    ensure_demo_profile(profile, passphrase, say=say)


def enroll_and_sync(profile: Path, passphrase: str, url: str) -> None:
    from consultant_app.store import Store
    from sync.cli import sync_with_progress

    from . import credentials
    from .engine import SyncEngine
    from .errors import SyncError

    with Store.open(profile, passphrase) as store:
        engine = SyncEngine(store)
        try:
            enrollment = credentials.load(store)
            if enrollment is None or enrollment.server_url != url:
                result = engine.enroll(url, DEMO_CODE, "demo")
                where = ("nøglering" if result.token_store == credentials.KEYRING
                         else "profilen (krypteret; der er ingen nøglering)")
                say(f"Demoprofilen er tilmeldt {result.municipality_name} som "
                    f"{result.consultant}; adgangsnøglen ligger i {where}.")
            report = sync_with_progress(engine)
            say(f"Synkroniseret: {report.pushed} ændringer sendt, {report.pulled} hentet, "
                f"{report.conflicts} konflikter.")
        except SyncError as exc:
            say(f"Synkroniseringen lykkedes ikke: {exc.message}")
            say("Programmet åbner alligevel; ændringerne venter sikkert på computeren.")
