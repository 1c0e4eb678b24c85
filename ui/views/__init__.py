"""The pages of the main window, one module each (Vorta's views/).

Every page is a ``Page``: built with the ``Ops`` helper, it shows one area (``page_key``),
can open one record (``open_item``), reloads on ``refresh`` and asks the main window to
navigate elsewhere through ``open_requested(kind, id)``. ``PAGES`` is the order of the
navigation.

After a write (``Ops.changed``, an ``OpChanges``) a page re-reads only when a table it shows
(``shows``) is among the changed ones: on screen at once (``show_changes``: its lists, while
what is typed stays), else with a whole ``refresh`` when it is shown next. This is the one
way pages follow the store, after a save on any page and after a sync alike.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ..ops import OpChanges, Ops


class Page(QWidget):
    page_key = ""
    shows: frozenset[str] = frozenset()  # the store tables the page shows
    open_requested = Signal(str, str)  # kind ("employer", "vacancy", ...), id

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.missed: OpChanges | None = None  # changes to re-read when next shown
        ops.changed.connect(self._store_changed)

    def _store_changed(self, changes: OpChanges) -> None:
        if not changes.touches(self.shows):
            return
        if self.isVisible():
            self.show_changes(changes)
        else:
            self.missed = changes | self.missed

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.missed is not None:
            self.missed = None
            self.refresh()

    def show_changes(self, changes: OpChanges) -> None:
        """The store changed in tables this page shows while it is on screen: re-read what
        shows them. What the consultant is typing stays as typed (a page with a form
        re-reads its lists, not the form)."""
        self.refresh()

    def page_title(self) -> str:
        raise NotImplementedError

    def open_item(self, ident: str) -> None:
        """Show one record of this page's kind."""

    def refresh(self) -> None:
        """Reload everything from the store (F5; shown again after changes it missed)."""

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
