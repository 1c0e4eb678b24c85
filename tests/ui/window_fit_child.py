"""Child process of test_window_fit: the main window on a demo profile on one offscreen screen
(the screen comes from QT_QPA_PLATFORM=offscreen:configfile=...). Prints one JSON report: the
screen, the window, and every page's buttons and status bar that lie outside the screen."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QWidget,
)


def _inside_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def main() -> int:
    saved_geometry = sys.argv[1] if len(sys.argv) > 1 else ""
    app = QApplication([])
    from consultant_app.demo import DemoCounts, seed_demo
    from consultant_app.store import Store
    from ui.main_window import MainWindow
    from ui.ops import Ops
    from ui.settings import Settings

    tmp = Path(tempfile.mkdtemp())
    store = Store.create(tmp / "profile", "x", consultant="Test", kdf_n=2 ** 10)
    with store.write() as s:
        seed_demo(s, DemoCounts(20, 20, 40), seed=3)
    ops = Ops(store)
    settings = Settings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    if saved_geometry:
        settings.set("window/geometry", QByteArray.fromBase64(saved_geometry.encode()))
    window = MainWindow(ops, settings)
    window.show()
    app.processEvents()
    screen = window.screen().availableGeometry()
    outside: list[str] = []
    for key in window.pages:
        page = window.show_page(key)
        app.processEvents()
        for button in page.findChildren(QAbstractButton):
            if button.isVisibleTo(window) and not _inside_scroll_area(button) \
                    and not screen.contains(_global_rect(button)):
                outside.append(f"{key}: {button.text() or button.accessibleName()}")
        bar = window.statusBar()
        if not screen.contains(_global_rect(bar)):
            outside.append(f"{key}: status bar")
    report = {"screen": screen.getRect(), "frame": window.frameGeometry().getRect(),
              "outside": outside,
              "geometry": bytes(window.saveGeometry().toBase64()).decode()}
    print(json.dumps(report))
    ops.shutdown()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
