"""The pages of the main window, one module each (Vorta's views/).

Every page is a ``Page``: built with the ``Ops`` helper, it shows one area (``page_key``),
can open one record (``open_item``), reloads on ``refresh`` and asks the main window to
navigate elsewhere through ``open_requested(kind, id)``. ``PAGES`` is the order of the
navigation.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ..ops import Ops


class Page(QWidget):
    page_key = ""
    open_requested = Signal(str, str)  # kind ("employer", "vacancy", ...), id

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops

    def page_title(self) -> str:
        raise NotImplementedError

    def open_item(self, ident: str) -> None:
        """Show one record of this page's kind."""

    def refresh(self) -> None:
        """Reload from the store (after a write or a sync)."""

    def focus_start(self) -> None:
        """Where the focus lands when the page is chosen (Ctrl+1…7): its first input."""
        self.setFocus()
        self.focusNextChild()

    def leave(self) -> bool:
        """Before the page is left or the window closes: save what is being typed (the one
        rule for edits, ``partials.record_form.AutoSave``). False keeps the consultant here,
        with the refused value's message by its field."""
        return True


# (page_key, module, class). The kind a page opens is the kind in ``KIND_PAGES``.
PAGES: list[tuple[str, str, str]] = [
    ("today", "ui.views.today", "TodayPage"),
    ("employers", "ui.views.employers", "EmployersPage"),
    ("vacancies", "ui.views.vacancies", "VacanciesPage"),
    ("citizens", "ui.views.citizens", "CitizensPage"),
    ("matches", "ui.views.matches", "MatchesPage"),
    ("agreements", "ui.views.agreements", "AgreementsPage"),
    ("sync", "ui.views.sync", "SyncPage"),
]
# Each page's navigation title, as its ``page_title`` says it (translated in the page class's
# context): the navigation and the Ctrl+1…7 menu are filled from here without importing the
# page modules, which are built the first time they are shown.
PAGE_TITLES = {"today": "I dag", "employers": "Virksomheder", "vacancies": "Stillinger",
               "citizens": "Borgere", "matches": "Match", "agreements": "Aftaler",
               "sync": "Synkronisering"}
KIND_PAGES = {"employer": "employers", "vacancy": "vacancies", "citizen": "citizens",
              "match": "matches", "placement_agreement": "agreements"}
