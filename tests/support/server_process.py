"""A real ``consultant-server serve`` process on a free loopback port, for integration tests.

Usage (other test modules import this)::

    from tests.support.server_process import ServerProcess, fresh_postgres_database

    with ServerProcess.sqlite(tmp_path) as server:       # or ServerProcess(url, data_dir)
        server.admin("add-municipality", "0751", "Aarhus")
        code = server.add_consultant("0751", "Anna Jensen")     # -> enrollment code
        httpx.get(server.api + "/device", headers=...)
        server.restart()                                        # same database, same port

``ServerProcess.demo(tmp_path)`` runs ``consultant-server demo`` instead (municipality 0751
Aarhus, consultant "Demo Konsulent", code ``DEMO_CODE``). For PostgreSQL,
``fresh_postgres_database()`` is a context manager giving the URL of a new empty database (dropped
afterwards), or raising ``PostgresUnavailable`` with the reason.

The fixtures built on it (``server``, ``shared_server``, ``sqlite_server``) are in
tests/integration/conftest.py.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO_CODE = "DEMO-0751-AARHUS"
POSTGRES_ADMIN_URL = os.environ.get("CONSULTANT_TEST_POSTGRES",
                                    "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


_codes = iter(range(1001, 9999))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cli() -> list[str]:
    return [sys.executable, "-c", "import sys; from sync.server_cli import main; sys.exit(main())"]


class ServerProcess:
    """One ``consultant-server`` process; ``start()`` waits until /api/v1/health answers."""

    def __init__(self, database_url: str, data_dir: Path, mode: str = "serve",
                 port: int | None = None, tls: tuple[Path, Path] | None = None,
                 verify: Any = True):
        self.database_url = database_url
        self.tls = tls  # (certificate, key): serve https
        self.verify = verify  # what the readiness check trusts (an ssl.SSLContext for tls)
        self.data_dir = Path(data_dir)
        self.mode = mode
        self.port = port or free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = self.data_dir / f"server-{self.port}.log"

    @classmethod
    def sqlite(cls, tmp_path: Path) -> ServerProcess:
        data = Path(tmp_path) / "server-data"
        return cls(f"sqlite:///{data / 'server.sqlite'}", data)

    @classmethod
    def demo(cls, tmp_path: Path) -> ServerProcess:
        data = Path(tmp_path) / "server-data"
        return cls(f"sqlite:///{data / 'server.sqlite'}", data, mode="demo")

    @property
    def base_url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    @property
    def api(self) -> str:
        return f"{self.base_url}/api/v1"

    @property
    def is_postgres(self) -> bool:
        return self.database_url.startswith("postgresql")

    def _key_file(self) -> Path | None:
        """The master key file for a PostgreSQL service when the environment gives no key
        (a benchmark run; the tests set CONSULTANT_SERVER_MASTER_KEY in conftest): made in the
        data dir. A SQLite service makes its own beside its database."""
        from sync.server import keys
        if not self.is_postgres or os.environ.get(keys.MASTER_KEY_ENV) or \
                os.environ.get(keys.MASTER_KEY_FILE_ENV):
            return None
        path = self.data_dir / keys.DEFAULT_KEY_FILE
        if not path.exists():
            keys.write_key_file(path, [keys.new_master_key()])
        return path

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        env["CONSULTANT_SERVER_DATABASE_URL"] = self.database_url
        key_file = self._key_file()
        if key_file is not None:
            env["CONSULTANT_SERVER_MASTER_KEY_FILE"] = str(key_file)
        return env

    def admin(self, *args: str) -> str:
        """Run a ``consultant-server`` admin command against the same database, in this
        process (fast; the CLI is the same code either way); its stdout. Raises on failure."""
        import contextlib
        import io

        from sync.server_cli import main
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            key_file = self._key_file()
            key_args = ["--master-key-file", str(key_file)] if key_file else []
            code = main(["--database-url", self.database_url, *key_args, *args])
        if code != 0:
            raise RuntimeError(f"consultant-server {' '.join(args)} failed ({code}): "
                               f"{err.getvalue()}{out.getvalue()}")
        return out.getvalue()

    def new_municipality(self, name: str = "Testkommune") -> str:
        """A municipality code not used before in this database (tests sharing one server
        each work in their own municipalities)."""
        code = f"{next(_codes):04d}"
        self.admin("add-municipality", code, name)
        return code

    def add_consultant(self, municipality: str, name: str) -> str:
        """Add a consultant; returns their enrollment code."""
        out = self.admin("add-consultant", "--municipality", municipality, "--name", name)
        return out.strip().splitlines()[-1].rsplit(" ", 1)[-1]

    def start(self, timeout: float = 30.0) -> ServerProcess:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.mode == "demo":
            args = ["--database-url", self.database_url, "demo", "--port", str(self.port),
                    "--data-dir", str(self.data_dir)]
        else:
            args = ["serve", "--host", "127.0.0.1", "--port", str(self.port),
                    "--database-url", self.database_url]
            if self.tls:
                args += ["--tls-cert", str(self.tls[0]), "--tls-key", str(self.tls[1])]
        log = open(self.log_path, "ab")  # noqa: SIM115 - the child keeps writing to it
        self.proc = subprocess.Popen([*_cli(), *args], stdout=log, stderr=subprocess.STDOUT,
                                     env=self._env(), cwd=ROOT, start_new_session=True)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}:\n"
                                   + self.log_path.read_text(errors="replace"))
            try:
                if httpx.get(f"{self.api}/health", timeout=1.0,
                             verify=self.verify).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("server did not become ready:\n" + self.log_path.read_text())

    def stop(self, kill: bool = False) -> None:
        """Stop the process (SIGTERM, or SIGKILL with ``kill``: no clean shutdown)."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def restart(self, kill: bool = False) -> ServerProcess:
        self.stop(kill=kill)
        return self.start()

    def __enter__(self) -> ServerProcess:  # noqa: PYI034
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class PostgresUnavailable(Exception):
    pass


ALLOW_NO_POSTGRES_ENV = "CONSULTANT_TEST_ALLOW_NO_POSTGRES"


def postgres_missing(exc: PostgresUnavailable) -> None:
    """A test that needs PostgreSQL and cannot reach it fails: the project promises both
    backends, and a skip would hide that half of the tests did not run. On a machine without
    PostgreSQL, set CONSULTANT_TEST_ALLOW_NO_POSTGRES=1 to skip them knowingly."""
    if os.environ.get(ALLOW_NO_POSTGRES_ENV):
        pytest.skip(str(exc))
    pytest.fail(f"{exc} (set {ALLOW_NO_POSTGRES_ENV}=1 to skip the PostgreSQL tests)")


@contextlib.contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database for one test run; dropped afterwards."""
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover
        raise PostgresUnavailable(f"psycopg is not installed: {exc}") from None
    admin_dsn = POSTGRES_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    name = f"consultant_test_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(admin_dsn, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        raise PostgresUnavailable(f"PostgreSQL is not reachable at {admin_dsn}: {exc}") from None
    base, _, _ = POSTGRES_ADMIN_URL.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def fresh_database(backend: str, folder: Path) -> Iterator[str]:
    """The URL of a new, empty service database of ``backend`` ("sqlite": a file in
    ``folder``); a PostgreSQL one is dropped afterwards (``postgres_missing`` if unreachable)."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'server.sqlite'}"
        return
    try:
        database = fresh_postgres_database()
        url = database.__enter__()
    except PostgresUnavailable as exc:
        postgres_missing(exc)
    try:
        yield url
    finally:
        database.__exit__(None, None, None)


def running_server(backend: str, folder: Path) -> Iterator[ServerProcess]:
    """A service on a fresh database of ``backend``; PostgreSQL is skipped when unreachable."""
    if backend == "sqlite":
        with ServerProcess.sqlite(folder) as proc:
            yield proc
        return
    with fresh_database(backend, folder) as url, \
            ServerProcess(url, folder / "server-data") as proc:
        yield proc
