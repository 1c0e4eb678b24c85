"""The consultant's desktop: navigation on the left, one page at a time on the right.

Pages come from ``ui.views.PAGES``; a page module that is not there (yet) is skipped and
logged, so the window starts whatever set of pages is installed. A page is imported and built
the first time it is shown or asked for (``pages`` builds on access); the navigation is
filled from ``PAGE_TITLES`` without importing the page modules, so the window is up before
them. A page asks to show a
record of another kind with ``open_requested(kind, id)``; the window switches to the page
for that kind and calls its ``open_item``. Window geometry, the splitters and the last page
are kept in ``Settings`` and restored at the next start.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Iterator, Mapping

import shiboken6
from PySide6.QtCore import QByteArray, QRect, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from consultant_app.queries import outbox_count

from .i18n import tr
from .ops import OpChanges, Ops
from .screen import available as available_area
from .screen import first_size, fit_to_screen
from .search_popup import SearchPopup, kind_label
from .settings import SPLITTER_PREFIX, Settings
from .style import PROBLEM_STYLE
from .sync_progress import SyncProgress
from .views import KIND_PAGES, PAGE_TITLES, PAGES, Page

CTX = "MainWindow"

log = logging.getLogger(__name__)

STATUS_MESSAGE_MS = 8000


class LanguageRestart:
    """Asks whether to restart now for the new language; tests replace ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, tr("MainWindow", "Sprog"), tr(
            "MainWindow", "Det nye sprog bruges, når programmet starter igen. Indtil da er "
            "alt på det sprog, det er nu.\n\nGenstart programmet nu? Det du har gemt, er "
            "gemt; du skal låse profilen op igen."), parent=parent)
        now = box.addButton(tr("MainWindow", "&Genstart nu"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("MainWindow", "&Senere"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(now)
        box.exec()
        return box.clickedButton() is now


class LazyPages(Mapping[str, Page]):
    """The window's pages by key: every installed page is a key; a page is imported and built
    when first looked up. ``built`` holds the ones that exist."""

    def __init__(self, window: MainWindow):
        self._window = window
        self.keys_: list[str] = []
        self.built: dict[str, Page] = {}
        self.broken: set[str] = set()

    def __getitem__(self, key: str) -> Page:
        if key not in self.keys_:
            raise KeyError(key)
        page = self.built.get(key)
        if page is None:
            page = self._window._build_page(key)
            if page is None:
                raise KeyError(key)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys_)

    def __len__(self) -> int:
        return len(self.keys_)

    def __contains__(self, key: object) -> bool:
        return key in self.keys_


class MainWindow(QMainWindow):
    restart_requested = Signal()  # the language changed and the consultant chose to restart

    def __init__(self, ops: Ops, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.settings = settings
        from .views.partials.sealed_pdf import SavePdfDialog
        SavePdfDialog.settings = settings  # the PDF folder is remembered across restarts
        self.setWindowTitle(tr(CTX, "Virksomhedskonsulent"))
        self.pages = LazyPages(self)

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(tr(CTX, "Navigation"))
        self.nav.setMinimumWidth(150)
        self.nav.setSpacing(2)
        self.nav.setStyleSheet("QListWidget#navigation { font-size: 11pt; }"
                               "QListWidget#navigation::item { padding: 6px 10px; }")
        self.stack = QStackedWidget(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 1000])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self._load_pages()
        self.nav.currentRowChanged.connect(self._show_row)

        self.search_popup = SearchPopup(ops, self)
        self.search_popup.chosen.connect(self.open_record)

        self.sync_label = QLabel(self)
        self.sync_label.setAccessibleName(tr(CTX, "Synkroniseringsstatus"))
        self.outbox_label = QLabel(self)
        self.outbox_label.setAccessibleName(tr(CTX, "Ændringer der venter"))
        for label in (self.sync_label, self.outbox_label):
            label.setContentsMargins(8, 0, 8, 0)
        self.sync_progress = SyncProgress(self)
        self.sync_progress.setMaximumWidth(160)
        self.sync_progress.setTextVisible(False)
        self.statusBar().addPermanentWidget(self.sync_progress)
        self.statusBar().addPermanentWidget(self.sync_label)
        self.statusBar().addPermanentWidget(self.outbox_label)
        self.set_sync_state(tr(CTX, "Offline – ikke tilmeldt en central"))

        self._build_menus()
        ops.changed.connect(self._store_changed)
        ops.failed.connect(lambda text: self.statusBar().showMessage(text, STATUS_MESSAGE_MS))

        self._restore()
        self.refresh_status()

    # -- pages ------------------------------------------------------------------------
    def _load_pages(self) -> None:
        """The navigation, one entry per installed page, without importing the pages. A page
        whose module is missing is left out: logged, and named in the status bar."""
        missing: list[str] = []
        for key, module_name, _class_name in PAGES:
            try:
                found = importlib.util.find_spec(module_name) is not None
            except Exception:  # noqa: BLE001 - a missing parent package
                found = False
            if not found:  # every page ships (the tests require each): a defect, logged
                log.error("page %s: module %s not found; skipped", key, module_name)
                missing.append(f"»{self._title(key)}«")
                continue
            self.pages.keys_.append(key)
            item = QListWidgetItem(self._title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        if missing:
            self.statusBar().showMessage(tr(CTX, 
                "Kan ikke vises: {pages}. Fejlen er skrevet i loggen.").format(
                pages=", ".join(missing)), STATUS_MESSAGE_MS)

    def _title(self, key: str) -> str:
        class_name = next(c for k, _m, c in PAGES if k == key)
        source = PAGE_TITLES.get(key, key)
        return tr(class_name, source)

    def _build_page(self, key: str) -> Page | None:
        """Import and build the page ``key`` (its first showing), its saved splitters
        restored; None, logged, when it fails (a broken page must not take the window)."""
        if key in self.pages.broken:
            return None
        module_name, class_name = next((m, c) for k, m, c in PAGES if k == key)
        try:
            cls = getattr(importlib.import_module(module_name), class_name)
            page = cls(self.ops)
        except Exception:
            log.exception("page %s failed to load; skipped", key)
            self.pages.broken.add(key)
            self.statusBar().showMessage(tr(CTX, 
                "Siden »{page}« kan ikke vises. Fejlen er skrevet i loggen.").format(
                page=self._title(key)), STATUS_MESSAGE_MS)
            return None
        page.open_requested.connect(self.open_record)
        start_visit = getattr(page, "start_visit_requested", None)
        if start_visit is not None:
            start_visit.connect(self.start_visit)
        proposed = getattr(page, "match_proposed", None)
        if proposed is not None:
            proposed.connect(self._match_proposed)
        self.pages.built[key] = page
        self.stack.addWidget(page)
        for splitter in page.findChildren(QSplitter):
            if splitter.objectName():
                saved = self.settings.get(SPLITTER_PREFIX + splitter.objectName())
                if not saved.isEmpty():
                    splitter.restoreState(saved)
        return page

    def page_keys(self) -> list[str]:
        return [self.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.nav.count())]

    def current_page_key(self) -> str:
        page = self.stack.currentWidget()
        return page.page_key if isinstance(page, Page) else ""

    def show_page(self, key: str) -> Page | None:
        """Switch to the page ``key``; None when there is no such page, or when the page
        being left holds an edit the store refused (it stays, with the message)."""
        keys = self.page_keys()
        if key not in keys:
            return None
        self.nav.setCurrentRow(keys.index(key))
        page = self.pages.built.get(key)
        return page if page is not None and self.stack.currentWidget() is page else None

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = self.page_keys()[row]
        page = self.pages.get(key)
        if page is None:  # it failed to build: stay where we were
            self.nav.blockSignals(True)
            current = self.current_page_key()
            if current:
                self.nav.setCurrentRow(self.page_keys().index(current))
            self.nav.blockSignals(False)
            return
        leaving = self.stack.currentWidget()
        if isinstance(leaving, Page) and leaving is not page and not leaving.leave():
            self.nav.blockSignals(True)  # back to the page that is still being edited
            self.nav.setCurrentRow(self.page_keys().index(leaving.page_key))
            self.nav.blockSignals(False)
            self.statusBar().showMessage(tr(CTX, 
                "Ændringen kan ikke gemmes – ret det markerede, eller fortryd med Ctrl+Z."),
                STATUS_MESSAGE_MS)
            return
        self.stack.setCurrentWidget(page)

    def open_record(self, kind: str, ident: str) -> None:
        """Show one record on the page for its kind (search hits, links between pages)."""
        key = KIND_PAGES.get(kind)
        if key in self.pages:
            page = self.show_page(key)
            if page is not None:
                page.open_item(ident)
            return
        self.statusBar().showMessage(
            tr(CTX, "{kind} kan ikke vises: siden findes ikke i denne version.")
            .format(kind=kind_label(kind)), STATUS_MESSAGE_MS)

    def _match_proposed(self, match_id: str) -> None:
        """The Match page follows the consultant: it opens on the vacancy just proposed on,
        with the new match chosen, for when they go there next."""
        matches = self.pages.get("matches")
        if matches is not None:
            matches.open_item(match_id)

    def start_visit(self, employer_id: str, visit_id: str) -> None:
        """Open an employer with a visit note ready to write (from the Today page)."""
        page = self.show_page("employers")
        if page is not None and hasattr(page, "start_visit"):
            page.start_visit(employer_id, visit_id)

    # -- status bar -------------------------------------------------------------------
    def set_sync_state(self, text: str) -> None:
        """Where the sync engine reports online/offline and the last sync."""
        self.sync_label.setText(text)

    # -- sync (ui.sync_bridge feeds this) ----------------------------------------------
    SYNC_STATE_MAX = 110

    def show_sync_status(self, status: object) -> None:
        """The background sync's ``SyncStatus``: online/offline, the last successful sync,
        the last error (full text in the tooltip) and how many changes wait. After a sync,
        what it wrote is announced as any write is (``Ops.changed``): the pages showing
        those tables re-read."""
        from .sync_bridge import summary
        text = summary(status)  # type: ignore[arg-type]
        short = text if len(text) <= self.SYNC_STATE_MAX else text[:self.SYNC_STATE_MAX - 1] + "…"
        self.set_sync_state(short)
        self.sync_label.setToolTip(text)
        failed = getattr(status, "last_error", None) is not None and not getattr(
            status, "running", False)
        self.sync_label.setStyleSheet(PROBLEM_STYLE if failed else "")
        self.sync_progress.show_status(status)
        self.outbox_label.setText(tr(CTX, "Ændringer der venter på at blive sendt: {n}")
                                  .format(n=getattr(status, "waiting", 0)))
        report = getattr(status, "last_report", None)
        if report is not None and report is not getattr(self, "_sync_report", None):
            self._sync_report = report
            self.ops.announce_writes_elsewhere()

    def refresh_status(self) -> None:
        """The waiting count, read off the UI thread. A failed count is logged (by the
        helper) and leaves the last one shown: the status bar never takes the window down."""
        if not shiboken6.isValid(self.outbox_label):  # the window is being torn down
            return
        self.ops.read_task(outbox_count, on_done=self._show_waiting, context=self)

    def _show_waiting(self, waiting: int) -> None:
        self.outbox_label.setText(tr(CTX, "Ændringer der venter på at blive sendt: {n}")
                                  .format(n=waiting))

    def _store_changed(self, changes: OpChanges) -> None:
        """A write that touched the outbox: the waiting count is read again."""
        if changes.touches(("outbox",)):
            self.refresh_status()

    # -- menus and shortcuts -----------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(tr(CTX, "&Filer"))
        search = QAction(tr(CTX, "&Søg …"), self)
        search.setShortcut(QKeySequence("Ctrl+K"))
        search.triggered.connect(lambda: self.search_popup.start())
        file_menu.addAction(search)
        reload_ = QAction(tr(CTX, "&Genindlæs siden"), self)
        reload_.setShortcut(QKeySequence("F5"))
        reload_.triggered.connect(self._reload_current)
        file_menu.addAction(reload_)
        file_menu.addSeparator()
        quit_ = QAction(tr(CTX, "&Afslut"), self)
        quit_.setShortcut(QKeySequence("Ctrl+Q"))
        quit_.triggered.connect(self.close)
        file_menu.addAction(quit_)

        go_menu = self.menuBar().addMenu(tr(CTX, "&Gå til"))
        for n, key in enumerate(self.page_keys(), start=1):
            action = QAction(self._title(key), self)
            action.setShortcut(QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda _checked=False, k=key: self._go(k))
            go_menu.addAction(action)
        nav_focus = QAction(tr(CTX, "Fokus på &navigationen"), self)
        nav_focus.setShortcut(QKeySequence("Ctrl+0"))
        nav_focus.triggered.connect(self.nav.setFocus)
        go_menu.addAction(nav_focus)

        settings_menu = self.menuBar().addMenu(tr(CTX, "&Indstillinger"))
        language_menu = settings_menu.addMenu(tr(CTX, "&Sprog"))
        group = QActionGroup(self)
        for code, name in (("da", "Dansk"), ("en", "English")):  # each in its own language
            action = QAction(name, self, checkable=True)
            action.setChecked(self.settings.language == code)
            action.triggered.connect(lambda _checked=False, c=code: self._set_language(c))
            group.addAction(action)
            language_menu.addAction(action)

    def _go(self, key: str) -> None:
        page = self.show_page(key)
        if page is not None:
            page.focus_start()

    def _reload_current(self) -> None:
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            page.refresh()
        self.refresh_status()

    def _set_language(self, code: str) -> None:
        """The new language takes effect at the next start, and the consultant is offered
        that start now. Why not live: the pages build their texts once (labels, the
        domain's and the templates' names in lists, tooltips with keys), and retranslating
        every one of them on a language change is a second code path in every widget that
        nothing would keep honest; installing the translator at once, as before, left a
        window of two languages (new dialogs and messages English, the pages Danish). The
        window now stays in one language until the restart."""
        if code == self.settings.language:
            return
        self.settings.set("ui/language", code)
        self.settings.sync()
        if LanguageRestart.ask(self):
            self.restart_requested.emit()

    # -- geometry ---------------------------------------------------------------------
    def _splitters(self) -> list[QSplitter]:
        return [s for s in self.findChildren(QSplitter) if s.objectName()]

    def _restore(self) -> None:
        geometry = self.settings.get("window/geometry")
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self._first_size()
        self._fit_to_screen()
        state = self.settings.get("window/state")
        if not state.isEmpty():
            self.restoreState(state)
        for splitter in self._splitters():
            saved = self.settings.get(SPLITTER_PREFIX + splitter.objectName())
            if not saved.isEmpty():
                splitter.restoreState(saved)
        last = self.settings.get("window/last_page")
        if self.show_page(last) is None and self.nav.count():
            self.nav.setCurrentRow(0)

    def _first_size(self) -> None:
        first_size(self)

    def _fit_to_screen(self) -> None:
        fit_to_screen(self)

    def _available(self) -> QRect:
        return available_area(self)

    def save_state(self) -> None:
        self.settings.set("window/geometry", QByteArray(self.saveGeometry()))
        self.settings.set("window/state", QByteArray(self.saveState()))
        for splitter in self._splitters():
            self.settings.set(SPLITTER_PREFIX + splitter.objectName(),
                              QByteArray(splitter.saveState()))
        if self.current_page_key():
            self.settings.set("window/last_page", self.current_page_key())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """What is being typed is saved before the window closes; an edit the store refused
        keeps the window open on it (the message is by the field)."""
        for page in list(self.pages.built.values()):
            if not page.leave():
                event.ignore()
                self.show_page(page.page_key)
                self.statusBar().showMessage(tr(CTX, 
                    "Programmet er ikke lukket: en ændring kan ikke gemmes – ret det "
                    "markerede, eller fortryd med Ctrl+Z."), STATUS_MESSAGE_MS)
                return
        self.save_state()
        super().closeEvent(event)
