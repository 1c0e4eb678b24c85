"""Every word the desktop shows goes through the translator.

A pseudo-translation marks every string Qt translates as ⟦…⟧. With it installed, every page
(with a record open, every tab shown in turn), the status bar and the main dialogs are shown,
and every visible text (labels, buttons, tabs, group titles, table headers, placeholders,
tooltips, the navigation and the menus) must carry the mark, unless it is data: a record's own
values, numbers, dates. Only strings the English catalogue translates are marked: the catalogue
test (test_translations.py) compares the catalogue with what the updater finds in the code, so
it could not see 14 status-bar and Sync-page strings that a one-argument helper passed to the
translator as a variable; this test sees what is on the screen, whichever way it got there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)
from sqlalchemy import String, select

from consultant_app.store import Store
from consultant_app.store.models import Base, PlacementAgreement
from sync.client.errors import DeviceRevoked, ServerUnreachable
from sync.client.runner import SyncStatus, unexpected_sync_error
from tests.support.catalogue import CLOSE, OPEN, translated
from tests.support.desktop import open_first_record, settle, tab_states
from ui.i18n import install_translator
from ui.main_window import MainWindow
from ui.views.partials.tables import ListTable


class PseudoTranslator(QTranslator):
    """Marks every string the English catalogue has (Qt's own strings too: Qt ships their
    translations); a string asked for that the catalogue lacks stays unmarked, so it shows
    as untranslated. Placeholders and Alt letters stay intact."""

    def __init__(self) -> None:
        super().__init__()
        self.known = translated()

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        if source and ((context, source) in self.known or context.startswith("Q")):
            return f"{OPEN}{source}{CLOSE}"
        return None  # type: ignore[return-value]  # a null string: "not translated here"

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def pseudo() -> Iterator[PseudoTranslator]:
    install_translator("da")  # Qt's own catalogue; ours goes on top
    translator = PseudoTranslator()
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def data_strings(store: Store) -> set[str]:
    """Every text value of every record (names, titles, towns): what a label may show as is."""
    values: set[str] = set()
    with store.read() as s:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, String)]
            if not columns:
                continue
            for row in s.execute(select(*columns)):
                values.update(v for v in row if isinstance(v, str) and v.strip())
    return values


NOT_WORDS = re.compile(r"[\W\d_]+", re.UNICODE)


def unmarked(text: str, data: set[str]) -> str:
    """What is left of ``text`` once marked parts, data values, numbers and punctuation are
    taken out ("" when everything shown is translated or data)."""
    rest, before = text, None
    while rest != before:  # innermost first: a message shown inside another ("fejl: {error}")
        before, rest = rest, re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", rest)
    if rest.endswith("…"):  # a line cut short to fit: its last marks lost their ends
        rest = rest.split(OPEN, 1)[0]
    for value in sorted((d for d in data if len(d) > 2 and d in rest), key=len, reverse=True):
        rest = rest.replace(value, " ")
    rest = re.sub(r"<[^>]+>|&nbsp;|&amp;|&lt;|&gt;", " ", rest)  # rich text markup
    # a word of one letter is a key in a shortcut's name ("Ctrl+Z")
    words = [w for w in re.split(r"\s+", rest) if len(NOT_WORDS.sub("", w)) > 1]
    return " ".join(words)


def shown_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a consultant can see in ``root`` now."""
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        where = f"{type(w).__name__} {w.objectName() or w.accessibleName()!r}"
        if w.toolTip():
            yield f"{where} tooltip", w.toolTip()
        if isinstance(w, QLabel) or isinstance(w, QAbstractButton):
            yield where, w.text()
        elif isinstance(w, QGroupBox):
            yield where, w.title()
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{where} tab", w.tabText(i)
        elif isinstance(w, QLineEdit) or isinstance(w, QPlainTextEdit):
            yield f"{where} placeholder", w.placeholderText()
        elif isinstance(w, QComboBox) and not w.isEditable():
            yield f"{where} choice", w.currentText()
        if isinstance(w, ListTable) and w.showing_empty_text():
            yield f"{where} empty", w.empty_text()
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            header_view = getattr(w, "horizontalHeader", None)
            if header_view is None or header_view().isHidden():
                continue  # a list has no column headers to read
            for c in range(header_view().count()):
                header = model.headerData(c, Qt.Orientation.Horizontal)
                if isinstance(header, str):
                    yield f"{where} header", header


def check(root: QWidget, state: str, data: set[str], problems: list[str]) -> None:
    for where, text in shown_texts(root):
        left = unmarked(text or "", data)
        if left:
            problems.append(f"{state}: {where}: {text!r} (not translated: {left!r})")


def test_every_visible_text_is_translated(pseudo, ops, settings, qtbot,
                                          demo_store: Store) -> None:
    window = MainWindow(ops, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    data = data_strings(demo_store)
    problems: list[str] = []
    for item in range(window.nav.count()):
        text = window.nav.item(item).text()
        if unmarked(text, data):
            problems.append(f"navigation: {text!r}")
    for menu in window.menuBar().actions():
        for action in [menu, *(menu.menu().actions() if menu.menu() else [])]:
            if action.text() and unmarked(action.text(), set()) and action.text() not in (
                    "Dansk", "English"):  # each language's name in itself, on purpose
                problems.append(f"menu: {action.text()!r}")
    for key in window.page_keys():
        page = window.show_page(key)
        assert page is not None
        open_first_record(page, qtbot, ops, demo_store)
        for state in tab_states(page):
            settle(qtbot, ops)
            check(window, f"{key} {state}", data, problems)
    sync_page = window.pages["sync"]
    window.show_page("sync")
    for n, status in enumerate(sync_states()):
        window.show_sync_status(status)
        sync_page.show_status(status)
        check(window, f"sync status {n}", data, problems)
        check(window.statusBar(), f"status bar {n}", data, problems)
    for dialog_name, make in dialogs(window):
        dialog = make()
        dialog.show()
        qtbot.waitExposed(dialog)
        check(dialog, dialog_name, data, problems)
        dialog.close()
    unique = sorted(set(problems))
    assert not unique, f"{len(unique)} texts shown without translation:\n" + "\n".join(unique)


def sync_states() -> list[SyncStatus]:
    """The status bar's and the Sync page's states, each with every part of its line."""
    yesterday = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=1)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return [SyncStatus(), SyncStatus(error_kind="revoked"),
            SyncStatus(enrolled=True, running=True, phase="push", done=3),
            SyncStatus(enrolled=True, running=True, phase="upload", done=1),
            SyncStatus(enrolled=True, running=True, phase="pull", done=2),
            SyncStatus(enrolled=True, running=True),
            SyncStatus(enrolled=True),
            SyncStatus(enrolled=True, online=True, last_success=now),
            SyncStatus(enrolled=True, online=False, error_kind="offline",
                       last_success=yesterday),
            SyncStatus(enrolled=True, online=False, error_kind="server"),
            SyncStatus(enrolled=True, online=False, error_kind="unreachable",
                       last_error=ServerUnreachable("https://central.example").message),
            SyncStatus(enrolled=True, online=True, error_kind="unexpected",
                       last_error=unexpected_sync_error(RuntimeError("defect"))),
            SyncStatus(error_kind="revoked", last_error=DeviceRevoked().message)]


def dialogs(window: MainWindow) -> list[tuple[str, object]]:
    """The main dialogs, built as the pages build them."""
    agreements = window.pages["agreements"]
    found: list[tuple[str, object]] = [("rule book", agreements.rule_book)]
    return found


def test_the_pseudo_translation_finds_an_untranslated_label(pseudo, qtbot) -> None:
    """The check itself: a label set without tr() is reported, one with tr() is not."""
    root = QDialog()
    qtbot.addWidget(root)
    plain = QLabel("Gem ændringerne", root)
    translated = QLabel(QCoreApplication.translate("SyncPage", "Synkronisering"), root)
    missing = QLabel(QCoreApplication.translate("SyncPage", "Ikke i kataloget"), root)
    record = QLabel("Schmidt Lager ApS · 12", root)
    root.show()
    qtbot.waitExposed(root)
    problems: list[str] = []
    check(root, "test", {"Schmidt Lager ApS"}, problems)
    assert len(problems) == 2, problems
    assert "'Gem ændringerne'" in problems[0] + problems[1]
    assert "'Ikke i kataloget'" in problems[0] + problems[1]
    assert translated.text().startswith(OPEN) and plain.text() != translated.text()
    assert record.isVisible() and missing.isVisible()


def test_employer_agreements_tab_shows_type_and_status_by_name(window, ops, qtbot,
                                                               store: Store) -> None:
    """It showed "virksomhedspraktik / draft", the codes, where the Aftaler page shows
    the names."""
    from tests.support.signing import ready_draft
    from ui.models.labels import status_text
    agreement_id = ready_draft(store)
    with store.read() as s:
        employer_id = s.get(PlacementAgreement, agreement_id).employer_id
    page = window.show_page("employers")
    page.refresh()
    page.open_item(employer_id)
    model = page.panel.related["placement_agreement"]
    qtbot.waitUntil(lambda: model.rowCount() == 1)  # read off the UI thread
    keys = [c.key for c in model.columns]
    row = {k: model.data(model.index(0, i)) for i, k in enumerate(keys)}
    assert row["agreement_type"] == "Virksomhedspraktik", row
    assert row["status"] == status_text("draft") != "draft"


def test_empty_lists_say_what_to_do(window, ops, qtbot, demo_store: Store) -> None:
    """A new employer's lists are empty: each says so and names the key that fills it."""
    from tests.support.desktop import make_employer, shoot
    employer_id = make_employer(demo_store, name="Tom Tomrer ApS")
    window.resize(1366, 768)
    page = window.show_page("employers")
    page.refresh()
    page.open_item(employer_id)
    panel = page.panel
    views = {"contacts": panel.contacts.view, "visits": panel.visits.view,
             **panel.related_views}
    for name, view in views.items():
        assert isinstance(view, ListTable) and view.showing_empty_text(), name
        assert "endnu" in view.empty_text(), (name, view.empty_text())
    assert "Ctrl+Shift+A" in views["placement_agreement"].empty_text()
    panel.tabs.setCurrentIndex(panel.TAB_AGREEMENTS)
    shoot(window, "employer-agreements-empty")
    page.list.filter_edit.setText("zzzz ingen")
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 0
                    and "zzzz ingen" in page.list.table.empty_text(), timeout=5000)
    assert page.list.table.showing_empty_text() and "Ctrl+F" in page.list.table.empty_text()
    vacancies = window.show_page("vacancies")
    vacancies.list.filter_edit.setText("zzzz ingen")
    qtbot.waitUntil(lambda: vacancies.list.model.rowCount() == 0
                    and "zzzz ingen" in vacancies.list.table.empty_text(), timeout=5000)
    shoot(window, "vacancies-filter-empty")
