"""Application entry: open the profile, show the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QLineEdit, QMainWindow, QMessageBox

from consultant_app.errors import UserError, WrongPassphrase
from consultant_app.store import Store


def run_app(profile: Path, passphrase: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    store = None
    while store is None:
        if passphrase is None:
            passphrase, ok = QInputDialog.getText(
                None, QApplication.translate("app", "Åbn profil"),
                QApplication.translate("app", "Adgangskode:"), QLineEdit.EchoMode.Password)
            if not ok:
                return 1
        try:
            store = Store.open(profile, passphrase)
        except WrongPassphrase as exc:
            QMessageBox.warning(None, QApplication.translate("app", "Forkert adgangskode"),
                                str(exc.message))
            passphrase = None
        except UserError as exc:
            QMessageBox.critical(None, QApplication.translate("app", "Profilen kan ikke åbnes"),
                                 str(exc.message))
            return 1
    window = QMainWindow()
    window.setWindowTitle(QApplication.translate("app", "Virksomhedskonsulent"))
    from consultant_app.cli.core import counts
    c = counts(store)
    window.setCentralWidget(QLabel(
        f"{c['employers']} virksomheder · {c['vacancies']} stillinger · {c['citizens']} borgere"))
    window.resize(900, 600)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
