"""The desktop's sync against a real service process: enroll from the Sync page, the
background sync runs off the UI thread, the status bar follows online -> offline, and the
runner stops cleanly on quit. Screenshots to var/screenshots/sync."""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import Qt

from consultant_app import services
from consultant_app.text import format_date
from sync.server import admin, auth, db
from tests.integration.server_process import ServerProcess
from ui import sync_bridge
from ui.app import start_sync
from ui.views.sync import EnrollDialog

from .desktop_fixtures import make_employer, ops, settings, settings_file, window  # noqa: F401
from .test_sync_page import shot


def test_enroll_from_the_sync_page_then_lose_the_service(window, demo_store, qtbot,  # noqa: F811
                                                         tmp_path, monkeypatch):
    with ServerProcess.sqlite(tmp_path) as server:
        _, engine = db.make_engines(server.database_url)
        admin.add_municipality(engine, "0751", "Aarhus")
        code = auth.store_code(engine, admin.add_consultant(engine, "0751", "Test Konsulent"))
        monkeypatch.setattr(sync_bridge, "AFTER_CHANGE_MS", 200)
        bridge = start_sync(demo_store, window)
        assert bridge is not None and not bridge.runner.running  # not enrolled: not started
        page = window.show_page("sync")
        window.resize(1280, 800)
        monkeypatch.setattr(EnrollDialog, "ask", classmethod(
            lambda cls, parent, url="": (server.base_url, code)))
        qtbot.mouseClick(page.enroll_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.sync_label.text().startswith(
            "Online · sidst synkroniseret " + format_date(dt.date.today())), timeout=60_000)
        assert bridge.status.enrolled and not bridge.status.running
        assert window.outbox_label.text() == "Ændringer der venter på at blive sendt: 0"
        # The page reads its lists in the background after the run.
        qtbot.waitUntil(lambda: bool(page.history_model.rows)
                        and page.history_model.rows[0][2] == "gennemført", timeout=30_000)
        page.tabs.setCurrentIndex(2)
        shot(window, "sync-online.png")

        # A local edit is sent by itself shortly after it is saved.
        employer_id = make_employer(demo_store, name="Ny Virksomhed ApS", cvr="10000009")
        window.ops.write(lambda s: services.update_employer(s, employer_id, {"notes": "Hej"}))
        qtbot.waitUntil(lambda: len(page.history_model.rows) >= 2
                        and page.history_model.rows[0][2] == "gennemført"
                        and window.outbox_label.text().endswith(": 0"), timeout=30_000)
        url = server.base_url
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    # The runner retries by itself (and the edit's after-change timer may wake it), and
    # while a retry runs the page hides its error line: wait for a moment between tries.
    qtbot.waitUntil(lambda: window.sync_label.text().startswith(
        "Offline – tjenesten svarer ikke") and not bridge.status.running, timeout=30_000)
    assert bridge.status.error_kind == "unreachable"
    # In plain words: the raw address is no help to a consultant.
    assert "svarer ikke lige nu" in window.sync_label.toolTip()
    assert url not in window.sync_label.toolTip() and "http" not in page.error.text()
    qtbot.waitUntil(page.error.isVisible, timeout=30_000)
    shot(window, "sync-service-gone.png")
    started = time.monotonic()
    bridge.stop()
    assert not bridge.runner.running and time.monotonic() - started < 10
