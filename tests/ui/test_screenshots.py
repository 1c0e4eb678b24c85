"""Renders every page of the main window offscreen to PNG files, to look at.

The folder is printed (run with -s to see it): var/screenshots/desktop under the repository,
or SCREENSHOT_DIR when set.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tests.support.pictures import load, shows_text



ROOT = Path(__file__).resolve().parents[2]


# The list each page shows the demo profile's records in, and its view: the picture is taken
# once the list has them (lists load in the background), and the test fails if it never has;
# the picture must then show the first record's row.
LISTS = {
    "employers": lambda page: (page.list.model, page.list.table),
    "vacancies": lambda page: (page.list.model, page.list.table),
    "citizens": lambda page: (page.list.model, page.list.table),
    "matches": lambda page: (page.list.model, page.list.table),
}


def test_every_page_renders_to_png(window, demo_store, qtbot) -> None:
    folder = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "var" / "screenshots" / "desktop"))
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(1280, 800)
    written = []
    for n, key in enumerate(window.page_keys(), start=1):
        page = window.show_page(key)
        if key in LISTS:
            qtbot.waitUntil(lambda: LISTS[key](page)[0].rowCount() > 0, timeout=30_000)
        qtbot.waitUntil(lambda: window.ops.pending == 0, timeout=30_000)
        if key == "employers":
            page.list.table.selectRow(0)
        QApplication.processEvents()
        path = folder / f"{n:02d}-{key}.png"
        assert window.grab().save(str(path))
        written.append(path)
        picture = load(path)
        # The navigation names every page; the page shown is the one asked for.
        nav = window.nav
        assert shows_text(picture, window, nav.viewport(), nav.visualItemRect(nav.currentItem())), \
            key
        assert window.stack.currentWidget() is page
        assert shows_text(picture, window, page, least=200), f"{key}: the page is blank"
        if key in LISTS:
            model, view = LISTS[key](page)
            first_row = view.visualRect(model.index(0, 0))
            assert shows_text(picture, window, view.viewport(), first_row), \
                f"{key}: the first record's row is not in the picture"
    employers = window.show_page("employers")
    for tab in range(1, 3):
        employers.panel.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        path = folder / f"02-employers-tab{tab}.png"
        assert window.grab().save(str(path))
        written.append(path)
        bar = employers.panel.tabs.tabBar()
        assert shows_text(load(path), window, bar, bar.tabRect(tab)), f"tab {tab}"
    window.search_popup.start("lager")
    window.search_popup.run_query()
    qtbot.waitUntil(lambda: window.ops.pending == 0, timeout=30_000)  # searched off the UI thread
    QApplication.processEvents()
    path = folder / "search-popup.png"
    popup = window.search_popup
    assert popup.grab().save(str(path))
    written.append(path)
    results = popup.results
    assert popup.model.rowCount() > 0
    assert shows_text(load(path), popup, results.viewport(),
                      results.visualRect(popup.model.index(0, 0)))
    popup.close()
    print(f"\nscreenshots written to {folder}")
