"""Application start: ask for the passphrase, open the profile, show the main window.

Every way the profile can refuse to open (wrong passphrase, already open elsewhere, a damaged
file, a newer schema) is shown as its Danish message; a wrong passphrase may be tried again.
On quit, queued writes finish before the store closes.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from consultant_app.errors import UserError, WrongPassphrase
from consultant_app.store import Store

from .i18n import install_translator
from .main_window import MainWindow
from .ops import Ops, translate_message
from .settings import APPLICATION, ORGANIZATION, Settings

if TYPE_CHECKING:
    from .sync_bridge import SyncBridge

log = logging.getLogger(__name__)


class PassphraseDialog(QDialog):
    """Asks for the profile's passphrase. Tests replace ``ask``."""

    def __init__(self, profile: Path, problem: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Åbn profil"))
        intro = QLabel(self.tr("Skriv adgangskoden til profilen i {path}.")
                       .format(path=profile), self)
        intro.setWordWrap(True)
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("Adgangskode"))
        self.problem = QLabel(problem, self)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(problem))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Åbn"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.field)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    @classmethod
    def ask(cls, profile: Path, problem: str = "") -> str | None:
        """The passphrase typed, or None when the user cancelled."""
        dialog = cls(profile, problem)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.field.text()


def open_store(profile: Path, passphrase: str | None) -> Store | None:
    """Open the profile, asking for the passphrase until it is right or the user gives up.
    Errors that another try cannot fix are shown once and end the start."""
    problem = ""
    while True:
        if passphrase is None:
            passphrase = PassphraseDialog.ask(profile, problem)
            if passphrase is None:
                return None
        try:
            return Store.open(profile, passphrase)
        except WrongPassphrase as exc:
            problem = translate_message(exc.message)
            passphrase = None
        except UserError as exc:
            QMessageBox.critical(None, QCoreApplication.translate("app", "Profilen kan ikke åbnes"),
                                 translate_message(exc.message))
            return None


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """An error nobody caught is logged in full and shown in plain words, never as a
    traceback; the window stays open."""
    log.error("uncaught error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
    if isinstance(exc, UserError):
        text = translate_message(exc.message)
    else:
        text = QCoreApplication.translate(
            "app", "Der skete en uventet fejl. Fejlen er skrevet i loggen; det, du allerede har "
                   "gemt, er ikke berørt.")
    if QApplication.instance() is not None:
        QMessageBox.warning(None, QCoreApplication.translate("app", "Fejl"), text)


def run_app(profile: Path, passphrase: str | None) -> int:
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # not every sync request
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    settings = Settings()
    install_translator(settings.language, app)
    sys.excepthook = _excepthook

    store = open_store(Path(profile), passphrase)
    if store is None:
        return 1
    ops = Ops(store)
    bridges: list[SyncBridge] = []
    restart: list[bool] = []
    try:
        window = MainWindow(ops, settings)
        window.restart_requested.connect(lambda: (restart.append(True), window.close()))
        window.show()

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
    if restart:
        restart_program()
    return code


def restart_program() -> None:
    """Start the program again with the same command line (after a language change): the
    store is closed and the sync stopped before, so nothing is lost."""
    logging.getLogger(__name__).info("restarting for the new language")
    os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])


# -- background sync (the sync issue) ------------------------------------------------------
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
