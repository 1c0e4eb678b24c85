"""The desktop's sync against a real service process: enroll from the Sync page, the
background sync runs off the UI thread, the status bar follows online -> offline, and the
runner stops cleanly on quit. Screenshots to var/screenshots/sync."""

from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import Qt
from sqlalchemy import text

from consultant_app import services
from consultant_app.queries import outbox_count
from consultant_app.services.employers import create_employer
from consultant_app.store import Store
from sync.client import SyncEngine
from consultant_app.text import format_date
from sync.server import admin, auth, db
from tests.support.desktop import make_employer, shoot
from tests.support.profiles import FAST_KDF, PASSPHRASE
from tests.support.server_process import ServerProcess
from ui import sync_bridge
from ui.app import start_sync
from ui.views.sync import EnrollDialog


def test_enroll_from_the_sync_page_then_lose_the_service(window, demo_store, qtbot,
                                                         tmp_path, monkeypatch):
    with ServerProcess.sqlite(tmp_path) as server:
        _, engine = db.make_engines(server.database_url)
        admin.add_municipality(engine, "0751", "Aarhus")
        code = auth.store_code(engine, admin.add_consultant(engine, "0751", "Test Konsulent"))
        monkeypatch.setattr(sync_bridge, "AFTER_CHANGE_MS", 200)
        with demo_store.read() as s:
            before = outbox_count(s)
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
        shoot(window, "sync-online", "sync")

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
    shoot(window, "sync-service-gone", "sync")
    bridge.stop()  # wakes the loop from its wait for the next retry
    assert not bridge.runner.running


def test_a_first_sync_shows_records_done_left_and_time_left(window, demo_store, qtbot,
                                                            tmp_path):
    with ServerProcess.sqlite(tmp_path / "central") as server:
        _, engine = db.make_engines(server.database_url)
        admin.add_municipality(engine, "0751", "Aarhus")
        # Another consultant's device put a few thousand employers on the service.
        writer = Store.create(tmp_path / "writer", PASSPHRASE, consultant="Kollega",
                              kdf_n=FAST_KDF)
        with writer.write() as s:
            for n in range(3000):
                create_employer(s, {"cvr": "25313763", "p_number": f"{1000000000 + n}",
                                    "name": f"Virksomhed {n} ApS", "town": "Aarhus C",
                                    "postcode": "8000", "address": f"Gade {n}"})
        writer_engine = SyncEngine(writer, use_keyring=False)
        writer_engine.enroll(server.base_url, auth.store_code(
            engine, admin.add_consultant(engine, "0751", "Kollega")))
        writer_engine.sync()
        writer_engine.close()
        writer.close()

        with demo_store.read() as s:
            before = outbox_count(s)
        bridge = start_sync(demo_store, window)
        assert bridge is not None
        sync_engine = bridge.runner.engine
        sync_engine.pull_limit = 250
        # The sync is held before the third page's commit, so the bar is seen mid-way.
        held, release = threading.Event(), threading.Event()
        pages: list[int] = []

        def hold(_cursor: int) -> None:
            pages.append(_cursor)
            if len(pages) == 3:
                held.set()
                release.wait(60)
        sync_engine.before_page_commit = hold
        window.resize(1366, 768)
        page = window.show_page("sync")
        bridge.enroll(server.base_url, auth.store_code(
            engine, admin.add_consultant(engine, "0751", "Test Konsulent")))
        try:
            qtbot.waitUntil(held.is_set, timeout=120_000)
            qtbot.waitUntil(lambda: bridge.status.done == 500, timeout=10_000)
            with engine.connect() as conn:
                on_service = conn.execute(text(
                    "SELECT count(*) FROM record WHERE municipality_code = '0751'")).scalar()
            status = bridge.status
            assert (status.running, status.phase, status.total) == (True, "pull", on_service)
            assert on_service >= 3000 and status.seconds_left is not None
            left = f"{on_service - 500:,}".replace(",", ".")
            total = f"{on_service:,}".replace(",", ".")
            expected = f"Synkroniserer – henter 500 af {total} · {left} tilbage · ca. "
            assert page.state.text().startswith(expected)
            assert window.sync_label.text().startswith(expected)
            for bar in (page.progress, window.sync_progress):
                assert bar.isVisible()
                assert (bar.minimum(), bar.maximum(), bar.value()) == (0, on_service, 500)
            # What the push sent no longer counts as waiting while the pull runs.
            with demo_store.read() as s:
                waiting = outbox_count(s)
            assert status.waiting == waiting < before
            assert window.outbox_label.text().endswith(f": {waiting}")
            shoot(window, "sync-first-sync-progress", "sync")
        finally:
            release.set()
        # Every receiver of the finished status has it once the status bar says so.
        qtbot.waitUntil(lambda: window.sync_label.text().startswith("Online"), timeout=120_000)
        qtbot.waitUntil(lambda: page.state.text().startswith("Online"), timeout=10_000)
        assert not bridge.status.running
        assert not page.progress.isVisible() and not window.sync_progress.isVisible()
        bridge.stop()
