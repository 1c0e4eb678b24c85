"""Application start: a window at once, then the passphrase, the profile and the pages.

The start window (``StartWindow``, "Åbner profilen …") is shown right after the QApplication,
before the heavy imports (SQLAlchemy, the store, the pages) and the profile open. As soon as it
is up, those modules are imported on a worker thread (``_Preparation``) while the passphrase
dialog opens over the window: the user types for seconds, and the imports are done meanwhile.
The key derivation (scrypt, which leaves Python's lock free) runs on another worker beside
them, reading the wrapped key with the standard library alone; the store then opens with the
key, the window painting all along, and the main window takes its place at the same
geometry. Every way the profile can refuse to open (wrong passphrase, already open
elsewhere, a damaged file, a newer schema) is shown as its Danish message; a wrong passphrase
may be tried again. On quit, queued writes finish before the store closes.

These start-up workers are plain threads, not ``ui.ops.run_task``: that module imports the
store, which is exactly the import they keep off the UI thread until the window is up. Once
the main window is shown, background work goes through ``ui.ops`` alone.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from consultant_app.errors import UserError, WrongPassphrase

from .collector import GuiThreadCollector
from .i18n import install_translator, tr, translate_message
from .screen import first_size
from .settings import APPLICATION, ORGANIZATION, Settings
from .style import PROBLEM_STYLE

PASSPHRASE_DIALOG_CTX = "PassphraseDialog"
START_WINDOW_CTX = "StartWindow"

if TYPE_CHECKING:  # imported when the profile opens, not before the first window
    from consultant_app.store import Store

    from .main_window import MainWindow
    from .ops import Ops
    from .sync_bridge import SyncBridge

log = logging.getLogger(__name__)


class PassphraseDialog(QDialog):
    """Asks for the profile's passphrase. Tests replace ``ask``."""

    def __init__(self, profile: Path, problem: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr(PASSPHRASE_DIALOG_CTX, "Åbn profil"))
        intro = QLabel(tr(PASSPHRASE_DIALOG_CTX, "Skriv adgangskoden til profilen i {path}.")
                       .format(path=profile), self)
        intro.setWordWrap(True)
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(tr(PASSPHRASE_DIALOG_CTX, "Adgangskode"))
        self.problem = QLabel(problem, self)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(problem))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr(PASSPHRASE_DIALOG_CTX, "Åbn"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.field)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    @classmethod
    def ask(cls, profile: Path, problem: str = "", parent: QWidget | None = None) -> str | None:
        """The passphrase typed, or None when the user cancelled."""
        dialog = cls(profile, problem, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.field.text()


class StartWindow(QMainWindow):
    """The first window, shown before anything heavy is imported: the program's title and
    "Åbner profilen …", at the main window's saved geometry, until the main window takes
    its place."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("MainWindow", "Virksomhedskonsulent"))
        self.label = QLabel(tr(START_WINDOW_CTX, "Åbner profilen …"), self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet("font-size: 13pt; color: #555;")
        self.setCentralWidget(self.label)
        geometry = settings.get("window/geometry")
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            first_size(self)  # as the main window's first size


class _Finished(QObject):
    done = Signal()


def _warm_imports(first_page: str = "", rest: bool = False) -> None:
    """Modules imported on a worker thread while a window paints: the store's, the main
    window's and the page it opens on, or (``rest``) the other pages' after the main window
    is up. A module that fails here fails again, logged or shown, where it is used."""
    from .views import PAGES
    names = ["consultant_app.store", "ui.main_window"] if not rest else []
    names += [m for k, m, _c in PAGES if (k == (first_page or PAGES[0][0])) != rest]
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - MainWindow reports a broken page itself
            log.debug("warming %s failed", name, exc_info=True)


class _Preparation:
    """The modules the profile and its first page need, imported on a worker thread from
    the moment the start window is up, while the passphrase dialog waits for the user: first
    the small module that unwraps the data key, then the store's and the pages'
    (``_warm_imports``)."""

    def __init__(self, first_page: str = ""):
        self._key_reader = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(first_page,),
                                        name="prepare-profile", daemon=True)
        self._thread.start()

    def _run(self, first_page: str) -> None:
        try:
            importlib.import_module("consultant_app.profile_file")
        except Exception:  # noqa: BLE001 - _open imports it again and reports it
            log.debug("importing the key reader failed", exc_info=True)
        finally:
            self._key_reader.set()
        _warm_imports(first_page)

    def wait_for_key_reader(self) -> None:
        """Until the key reader is imported: the key derivation then runs beside the other
        imports without a second thread importing modules at the same time."""
        self._key_reader.wait()

    def wait(self) -> None:
        """Until every import is done (on a worker: the UI thread never waits here)."""
        self._thread.join()


def _open(profile: Path, passphrase: str, prepared: _Preparation | None) -> Store:
    """The profile opened: its data key unwrapped (the slow key derivation, beside the
    imports ``prepared`` is doing), then, once those are done, the store opened with that
    key. A wrong passphrase is known before the imports end. Any other trouble with the
    file is left to ``Store.open`` with the passphrase, which names it as it always has."""
    if prepared is not None:
        prepared.wait_for_key_reader()
    from consultant_app.profile_file import unlock_data_key
    try:
        data_key = unlock_data_key(profile, passphrase)
    except WrongPassphrase:
        raise
    except Exception:  # noqa: BLE001 - Store.open below reports it in its own words
        log.debug("the data key could not be read before the store opens", exc_info=True)
        data_key = None
    if prepared is not None:
        prepared.wait()
    from consultant_app.store import Store as StoreClass
    if data_key is None:
        return StoreClass.open(profile, passphrase)
    return StoreClass.open(profile, data_key=data_key)


def _open_off_ui_thread(profile: Path, passphrase: str, prepared: _Preparation | None) -> Store:
    """``_open`` on a worker thread while the UI thread keeps painting; with ``prepared``,
    the main window's and the first page's modules are imported when it returns."""
    def work() -> None:
        try:
            result["store"] = _open(profile, passphrase, prepared)
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread
            result["error"] = exc
        finally:
            finished.done.emit()

    if QCoreApplication.instance() is None:  # no event loop to keep alive (the CLI, tests)
        return _open(profile, passphrase, prepared)
    result: dict[str, Any] = {}
    finished = _Finished()
    loop = QEventLoop()
    finished.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    thread = threading.Thread(target=work, name="open-profile", daemon=True)
    thread.start()
    loop.exec()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["store"]


def open_store(profile: Path, passphrase: str | None, parent: QWidget | None = None,
               prepared: _Preparation | None = None) -> Store | None:
    """Open the profile, asking for the passphrase until it is right or the user gives up.
    Errors that another try cannot fix are shown once and end the start. The opening runs
    off the UI thread, so ``parent`` (the start window) keeps painting."""
    problem = ""
    while True:
        if passphrase is None:
            passphrase = PassphraseDialog.ask(profile, problem, parent)
            if passphrase is None:
                return None
        try:
            return _open_off_ui_thread(profile, passphrase, prepared)
        except WrongPassphrase as exc:
            problem = translate_message(exc.message)
            passphrase = None
        except UserError as exc:
            QMessageBox.critical(parent, tr(
                "app", "Profilen kan ikke åbnes"), translate_message(exc.message))
            return None


def open_program(profile: Path, passphrase: str | None, settings: Settings,
                 start: StartWindow) -> tuple[Store, Ops, MainWindow] | None:
    """From the start window shown to the main window shown in its place: the profile
    opened (off the UI thread), the pages built. None when the start ended (cancelled,
    or the profile cannot open); the start window is closed either way."""
    first_page = str(settings.get("window/last_page") or "")
    prepared = _Preparation(first_page)  # while the dialog waits for the passphrase
    store = open_store(Path(profile), passphrase, start, prepared)
    if store is None:
        start.close()
        return None
    from .main_window import MainWindow
    from .ops import Ops
    ops = Ops(store)
    try:
        window = MainWindow(ops, settings)
        window.show()
    except BaseException:
        ops.shutdown()
        store.close()
        start.close()
        raise
    start.close()
    # The other pages' modules arrive behind the window; each page is built when first shown.
    threading.Thread(target=_warm_imports, args=(first_page, True), name="warm-pages",
                     daemon=True).start()
    return store, ops, window


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """An error nobody caught is logged in full and shown in plain words, never as a
    traceback; the window stays open."""
    log.error("uncaught error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
    if isinstance(exc, UserError):
        text = translate_message(exc.message)
    else:
        text = tr(
            "app", "Der skete en uventet fejl. Fejlen er skrevet i loggen; det, du allerede har "
                   "gemt, er ikke berørt.")
    if QApplication.instance() is not None:
        QMessageBox.warning(None, tr("app", "Fejl"), text)


def start_program(settings: Settings | None = None
                  ) -> tuple[QApplication, GuiThreadCollector, Settings, StartWindow]:
    """The first moments of every start (the program's and the start-up benchmark's): the
    application, reference cycles collected on its thread, the translator, and the start
    window shown and painted before the imports begin beside it. ``settings``: the user's
    unless given."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    collector = GuiThreadCollector(app)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    settings = settings or Settings()
    install_translator(settings.language, app)
    start = StartWindow(settings)
    start.show()
    app.processEvents()
    return app, collector, settings, start


def run_app(profile: Path, passphrase: str | None) -> int:
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # not every sync request
    app, collector, settings, start = start_program()
    sys.excepthook = _excepthook
    opened = open_program(Path(profile), passphrase, settings, start)
    if opened is None:
        return 1
    store, ops, window = opened
    bridges: list[SyncBridge] = []
    restart: list[bool] = []
    try:
        window.restart_requested.connect(lambda: (restart.append(True), window.close()))

        def begin_sync() -> None:
            bridge = start_sync(store, window)
            if bridge is not None:
                bridges.append(bridge)
        # Sync (and httpx behind it) starts once the window is up, not before it.
        QTimer.singleShot(0, begin_sync)
        code = app.exec()
    finally:
        for bridge in bridges:
            bridge.stop()
        ops.shutdown()
        store.close()
        collector.stop()
    if restart:
        restart_program()
    return code


def restart_program() -> None:
    """Start the program again with the same command line (after a language change): the
    store is closed and the sync stopped before, so nothing is lost."""
    logging.getLogger(__name__).info("restarting for the new language")
    os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])


# -- background sync -----------------------------------------------------------------------
def start_sync(store: Store, window: MainWindow) -> "SyncBridge | None":
    """Start the background sync and connect it to the status bar and the Sync page; it
    runs only once the profile is enrolled. A failure here leaves the app working offline."""
    try:
        from .sync_bridge import SyncBridge
        bridge = SyncBridge.for_store(store, window)
    except Exception:  # the app works without sync; say why in the log
        log.exception("background sync not available")
        return None
    bridge.status_changed.connect(window.show_sync_status)
    window.show_sync_status(bridge.status)
    page = window.pages.get("sync")
    if page is not None and hasattr(page, "attach"):
        page.attach(bridge)
    window.ops.finished.connect(bridge.local_change)
    if bridge.status.enrolled:
        bridge.start()
    return bridge
