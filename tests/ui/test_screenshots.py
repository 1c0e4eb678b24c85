"""Renders every page of the main window offscreen to PNG files, to look at.

The folder is printed (run with -s to see it): var/screenshots/desktop under the repository,
or SCREENSHOT_DIR when set.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication


ROOT = Path(__file__).resolve().parents[2]


# The list each page shows the demo profile's records in: the picture is taken once it has
# them (lists load in the background), and the test fails if it never has.
LISTS = {
    "employers": lambda page: page.list.model,
    "vacancies": lambda page: page.list.model,
    "citizens": lambda page: page.list.model,
    "matches": lambda page: page.list.model,
}


def test_every_page_renders_to_png(window, demo_store, qtbot) -> None:
    folder = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "var" / "screenshots" / "desktop"))
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(1280, 800)
    written = []
    for n, key in enumerate(window.page_keys(), start=1):
        page = window.show_page(key)
        if key in LISTS:
            qtbot.waitUntil(lambda: LISTS[key](page).rowCount() > 0, timeout=30_000)
        qtbot.waitUntil(lambda: window.ops.pending == 0, timeout=30_000)
        if key == "employers":
            page.list.table.selectRow(0)
        QApplication.processEvents()
        path = folder / f"{n:02d}-{key}.png"
        assert window.grab().save(str(path))
        written.append(path)
    employers = window.show_page("employers")
    for tab in range(1, 3):
        employers.panel.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        path = folder / f"02-employers-tab{tab}.png"
        assert window.grab().save(str(path))
        written.append(path)
    window.search_popup.start("lager")
    window.search_popup.run_query()
    QApplication.processEvents()
    path = folder / "search-popup.png"
    assert window.search_popup.grab().save(str(path))
    written.append(path)
    window.search_popup.close()
    print(f"\nscreenshots written to {folder}")
    assert all(p.stat().st_size > 1000 for p in written)
