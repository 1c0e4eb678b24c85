"""Shared fixtures: real profiles on real SQLite files in a temporary folder."""

from __future__ import annotations

import base64
import os
import secrets
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The service's master key for this test run (sync/server/keys.py): servers started by the
# tests and the engines the tests open themselves share it, on SQLite and PostgreSQL alike.
# A test of the key file a SQLite service makes for itself removes it from its server's env.
os.environ.setdefault("CONSULTANT_SERVER_MASTER_KEY",
                      base64.b64encode(secrets.token_bytes(32)).decode("ascii"))

from consultant_app.demo import DemoCounts, seed_demo
from consultant_app.store import Store
from tests.support.profiles import FAST_KDF, PASSPHRASE


@pytest.fixture
def profile_dir(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def store(profile_dir: Path):
    s = Store.create(profile_dir, PASSPHRASE, consultant="Test Konsulent", kdf_n=FAST_KDF)
    yield s
    s.close()


@pytest.fixture
def demo_store(store: Store) -> Store:
    """A small seeded profile: 60 employers, 50 vacancies, 150 citizens."""
    with store.write() as s:
        seed_demo(s, DemoCounts(60, 50, 150), seed=11)
    return store


@pytest.fixture(autouse=True)
def _cycles_collected_on_the_gui_thread(request: pytest.FixtureRequest):
    """A test with Qt widgets collects reference cycles on the GUI thread only, as the app does
    (ui/collector.py): otherwise a store write or a sync on a worker thread can destroy a widget
    left over from an earlier test on the same worker while this one paints, and crash it."""
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    request.getfixturevalue("qapp")
    from ui.collector import GuiThreadCollector

    collector = GuiThreadCollector()
    yield
    collector.stop()


MODAL_LIMIT_S = 30  # no test leaves a dialog open this long on purpose


@pytest.fixture(autouse=True)
def _no_modal_dialog_left_open(request: pytest.FixtureRequest):
    """A modal dialog a test did not expect (a shortcut reaching a real action, a message box
    on an error) waits for a hand that never comes and would hang the whole run: one open
    longer than MODAL_LIMIT_S is closed, and the test fails naming it."""
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    request.getfixturevalue("qapp")
    import time
    import traceback

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    seen: dict[int, float] = {}
    closed: list[str] = []

    def check() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            seen.clear()
            return
        since = seen.setdefault(id(modal), time.monotonic())
        if time.monotonic() - since > MODAL_LIMIT_S:
            # Where it was opened from: the frames under its event loop, this timer's caller.
            closed.append(f"{type(modal).__name__} {modal.windowTitle()!r}, opened from:\n"
                          + "".join(traceback.format_stack(limit=30)[:-1]))
            seen.pop(id(modal))
            modal.reject() if isinstance(modal, QDialog) else modal.close()

    timer = QTimer()
    timer.setInterval(1000)
    timer.timeout.connect(check)
    timer.start()
    yield
    timer.stop()
    if closed:
        pytest.fail(f"a modal dialog stayed open over {MODAL_LIMIT_S} s (closed by the "
                    f"test run's watchdog): {', '.join(closed)}")


@pytest.fixture
def echo_port() -> Iterator[int]:
    """A TCP server on loopback that sends back what it receives; its port."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return

            def echo(conn: socket.socket = conn) -> None:
                with conn:
                    try:
                        while data := conn.recv(65536):
                            conn.sendall(data)
                    except OSError:
                        pass
            threading.Thread(target=echo, daemon=True).start()
    threading.Thread(target=serve, daemon=True).start()
    yield listener.getsockname()[1]
    listener.close()
