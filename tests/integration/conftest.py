"""Fixtures of the integration tests: a real ``consultant-server`` process on loopback
(tests/support/server_process.py), on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server_process import ServerProcess, running_server


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    """A running service on a fresh database: SQLite, then PostgreSQL when reachable."""
    yield from running_server(request.param, tmp_path)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared_server(request: pytest.FixtureRequest,
                  tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """Like ``server``, but one process per backend for a whole test module (starting one
    costs about a second); tests isolate themselves with ``new_municipality()``."""
    yield from running_server(request.param, tmp_path_factory.mktemp("server"))


@pytest.fixture
def sqlite_server(tmp_path: Path) -> Iterator[ServerProcess]:
    with ServerProcess.sqlite(tmp_path) as proc:
        yield proc
