"""Child process of test_vacancy_fit: the main window on a demo profile on one offscreen
screen (QT_QPA_PLATFORM=offscreen:configfile=...), on the Vacancies page with a vacancy and
its ranked citizens. Prints one JSON report of where the primary actions and the ranking lie,
and saves a screenshot of the window to the folder given as the first argument."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.ui.window_fit_child import _global_rect, _inside_scroll_area


def wait(app: QApplication, condition, seconds: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError
        app.processEvents()
        time.sleep(0.01)


def main() -> int:
    shots = Path(sys.argv[1])
    app = QApplication([])
    from consultant_app.demo import DemoCounts, seed_demo
    from consultant_app.store import Store
    from ui.main_window import MainWindow
    from ui.ops import Ops
    from ui.settings import Settings
    from ui.views.vacancies import VacanciesPage

    tmp = Path(tempfile.mkdtemp())
    store = Store.create(tmp / "profile", "x", consultant="Test", kdf_n=2 ** 10)
    with store.write() as s:
        seed_demo(s, DemoCounts(30, 30, 300), seed=3)
    ops = Ops(store)
    settings = Settings(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(ops, settings)
    window.show()
    page = window.show_page("vacancies")
    assert isinstance(page, VacanciesPage)
    wait(app, lambda: page.list.model.rowCount() > 0)
    suggestions = page.suggestions
    best = ("", -1)
    for row in range(page.list.model.rowCount()):  # the vacancy with the most suggestions
        page.open_item(page.list.model.id_at(row))
        # The record comes off the UI thread; its ranking is asked for when it is shown.
        wait(app, lambda: not page.loading and suggestions._ranking is not None)
        if suggestions.model.rowCount() > best[1]:
            best = (page.vacancy_id, suggestions.model.rowCount())
    page.open_item(best[0])
    wait(app, lambda: not page.loading and suggestions._ranking is not None)
    suggestions.table.selectRow(0)
    app.processEvents()
    screen = window.screen().availableGeometry()
    window_rect = window.geometry()
    table = suggestions.table
    row_height = max(1, table.rowHeight(0)) if suggestions.model.rowCount() else 24
    propose = next(b for b in page.findChildren(type(page.suggestions.actions.itemAt(1)
                                                     .widget()))
                   if b.defaultAction() is page.a_propose)
    primary = {name: action_button for name, action_button in (
        ("Foreslå borger", propose),)}
    for action in (page.a_new, page.a_save, page.a_delete):
        primary[action.text().replace("&", "")] = next(
            b for b in page.findChildren(type(propose)) if b.defaultAction() is action)
    shots.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(shots / f"vacancy-{screen.width()}x{screen.height()}.png"))

    suggestions.show_excluded.setChecked(True)
    wait(app, lambda: suggestions._ranking is not None and suggestions._ranking.complete)
    app.processEvents()
    excluded = [suggestions.model.data(suggestions.model.index(r, 3))
                for r in range(suggestions.model.rowCount())
                if suggestions.model.rows[r].excluded]
    table.scrollTo(suggestions.model.index(suggestions.model.rowCount() - 1, 0))
    app.processEvents()
    window.grab().save(str(shots / f"vacancy-excluded-{screen.width()}x{screen.height()}.png"))
    report = {
        "screen": screen.getRect(), "window": window_rect.getRect(),
        "suggestions": best[1],
        "rows_visible": table.viewport().height() // row_height,
        "ranking_in_scroll_area": _inside_scroll_area(table.parentWidget()),
        "outside": [name for name, button in primary.items()
                    if not button.isVisibleTo(window) or _inside_scroll_area(button)
                    or not screen.contains(_global_rect(button))],
        "excluded": excluded[:5], "excluded_count": len(excluded),
    }
    print(json.dumps(report, ensure_ascii=False))
    ops.shutdown()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
