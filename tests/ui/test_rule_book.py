"""The rule book dialog, reached from the Agreements page: the rules in force on a date with
their citations and whether each is confirmed, read-only; rendered offscreen at 1366x768 to
var/screenshots/rule-book*.png (or SCREENSHOT_DIR) for a person to look at."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from tests.support.desktop import settle
from tests.support.wizard import agreements_page


SHOTS = Path(os.environ.get("SCREENSHOT_DIR", Path(__file__).resolve().parents[2]
                            / "var" / "screenshots"))


def test_the_rule_book_shows_the_rules_in_force_with_their_citations(window, ops,
                                                                     qtbot):
    page = agreements_page(window)
    dialog = page.rule_book()
    qtbot.addWidget(dialog)
    assert dialog.browser.isReadOnly()
    dialog.date_edit.setDate(QDate(2026, 3, 1))
    dialog.type_box.setCurrentIndex(dialog.type_box.findData("virksomhedspraktik"))
    settle(qtbot, ops)  # the book is read off the UI thread
    text = dialog.browser.toPlainText()
    assert dialog.book.ruleset.effective_from == dt.date(2026, 2, 1)
    assert "LAB § 61, stk. 1" in text and "BEK § 65" in text
    assert "Rimelighedskravet" in text and "Ikke bekræftet" in text
    assert "Foreløbigt" not in text
    dialog.resize(1366, 768)
    dialog.show()
    settle(qtbot, ops)
    QApplication.processEvents()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "rule-book-2026.png"))

    dialog.date_edit.setDate(QDate(2027, 2, 1))  # the provisional 2027 set says so
    settle(qtbot, ops)
    text = dialog.browser.toPlainText()
    assert "Foreløbigt regelsæt" in text and "Jobsøgningsindsats" in text
    assert dialog.grab().save(str(SHOTS / "rule-book-2027.png"))
    dialog.type_box.setCurrentIndex(0)  # every type
    settle(qtbot, ops)
    assert {e.agreement_type for e in dialog.book.entries} >= {"virksomhedspraktik", "igu"}
