"""Ctrl+K ranks what the consultant means first (the exact employer
"Schmidt Lager" came fifth, below four citizens named Schmidt)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from consultant_app import services as sv
from consultant_app.store import Store
from tests.support.desktop import settle
from ui.ops import Ops
from ui.main_window import MainWindow
from ui.search_popup import SearchPopup


ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "var" / "screenshots" / "search"))


def test_ctrl_k_puts_the_exact_employer_before_citizens_named_like_it(
        window: MainWindow, demo_store: Store, qtbot) -> None:
    with demo_store.write() as s:
        for first in ("Jens", "Karen", "Peter", "Lise"):
            sv.create_citizen(s, {"name": f"{first} Schmidt", "target_group": "dagpenge",
                                  "postcode": "8000", "skills": ["lager"]})
        employer = sv.create_employer(s, {"cvr": "41277300", "name": "Schmidt Lager",
                                          "address": "Vestergade 12", "postcode": "8000",
                                          "industry": "Lager og logistik"})
    window.resize(1366, 768)
    window.show_page("today")
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    popup: SearchPopup = window.search_popup
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClicks(popup.query, "Schmidt Lager")
    qtbot.waitUntil(lambda: popup.model.rowCount() > 0, timeout=5000)
    hits = popup.model.rows
    assert (hits[0].kind, hits[0].id) == ("employer", employer.id)
    assert {h.title for h in hits[1:] if h.kind == "citizen"} >= {
        "Jens Schmidt", "Karen Schmidt", "Peter Schmidt", "Lise Schmidt"}
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert popup.grab().save(str(SHOTS / "ctrl_k_schmidt_lager.png"))

    qtbot.keyClick(popup.query, Qt.Key.Key_Return)
    assert window.current_page_key() == "employers"
    assert window.pages["employers"].panel.employer_id == employer.id


def test_ctrl_k_finds_a_company_by_the_start_of_its_cvr(
        window: MainWindow, ops: Ops, demo_store: Store, qtbot) -> None:
    with demo_store.write() as s:
        employer = sv.create_employer(s, {"cvr": "41277300", "name": "Schmidt Lager",
                                          "address": "Vestergade 12", "postcode": "8000"})
    popup = window.search_popup
    popup.start("412773")
    popup.run_query()
    settle(qtbot, ops)  # the search runs off the UI thread
    assert popup.model.rows[0].id == employer.id
    qtbot.keyClick(popup.query, Qt.Key.Key_Escape)  # a modal popup left open blocks the next test
    assert not popup.isVisible()
