"""Keyboard shortcuts and mnemonics, page by page.

A page's shortcuts are window-level while the page is shown: each one is pressed from every
focusable widget of the window (the navigation, the filter, the list, every field of every
tab) and must reach its action exactly once, without ambiguity. A second test collects every
shortcut and every Alt mnemonic a page shows, with the window's menus, and fails on any key
that means two things at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShortcutEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from consultant_app.store import Store
from tests.support.desktop import open_first_record, tab_states
from ui.i18n import install_translator
from ui.main_window import MainWindow
from ui.views import Page

PAGES = ("today", "employers", "vacancies", "citizens", "matches", "agreements", "sync")


class ShortcutRecorder(QObject):
    """Eats every shortcut event and notes who got it: the keys are pressed for real, through
    Qt's shortcut map, but no action runs (a dialog would block the test)."""

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[tuple[QObject, bool]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Shortcut:
            return False
        # Eaten whatever else happens here: an action that ran would open its dialog.
        ambiguous = event.isAmbiguous() if isinstance(event, QShortcutEvent) else None
        self.hits.append((watched, ambiguous if ambiguous is not None else False))
        return True

    def watch(self, window: QWidget) -> None:
        """Also on each action of ``window``, not only on the application: in a full run on
        one worker the application's filter once stopped seeing shortcut events (every
        press missed, and the actions ran: their dialogs waited for a hand). A filter on the
        receiver itself is asked in any case."""
        for action in window.findChildren(QAction):
            action.installEventFilter(self)


@pytest.fixture
def recorder() -> Iterator[ShortcutRecorder]:
    rec = ShortcutRecorder()
    app = QApplication.instance()
    app.installEventFilter(rec)
    yield rec
    app.removeEventFilter(rec)


def active_window(window: MainWindow, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    return window


def page_actions(page: Page) -> list[QAction]:
    """The shortcuts a page advertises: every action with a key on the page or below it."""
    found: dict[int, QAction] = {}
    for w in [page, *page.findChildren(QWidget)]:
        for a in QWidget.actions(w):  # a page may name an attribute "actions"
            if not a.shortcut().isEmpty() and w.isVisible():
                found.setdefault(id(a), a)
    return list(found.values())


def focusable(window: MainWindow) -> list[QWidget]:
    return [w for w in [window.nav, *window.stack.currentWidget().findChildren(QWidget)]
            if w.isVisible() and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None]


TEXT_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


def text_keys() -> set[str]:
    return {k.toString() for key in TEXT_KEYS for k in QKeySequence.keyBindings(key)}


def text_keeps(widget: QWidget, action: QAction) -> bool:
    """A filter field undoes its own typing with Ctrl+Z; the page's undo (of a record's
    edit) is not what a consultant means there."""
    return isinstance(widget, QLineEdit) and not widget.isReadOnly() \
        and action.shortcut().toString() in text_keys() and "filter" in (
            widget.accessibleName() + widget.objectName()).lower().replace("filtrér", "filter")


def press(widget: QWidget, sequence: QKeySequence, qtbot) -> None:  # type: ignore[no-untyped-def]
    combination = sequence[0]
    qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())


@pytest.mark.parametrize("key", PAGES)
def test_every_page_shortcut_works_from_every_focus_position(
        window, recorder: ShortcutRecorder, ops, qtbot, demo_store: Store, key: str) -> None:
    active_window(window, qtbot)
    page = window.show_page(key)
    assert page is not None
    open_first_record(page, qtbot, ops, demo_store)
    misses: list[str] = []
    pressed = 0
    reached: set[int] = set()
    advertised: set[int] = set()
    for state in tab_states(page):
        actions = page_actions(page)
        recorder.watch(window)
        assert actions or key == "sync", f"{key} advertises no shortcut"
        advertised.update(id(a) for a in actions)
        for widget in focusable(window):
            if not (widget.isEnabled() and widget.isVisible()):
                continue  # disabled by what the focus did before (a match chosen)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if QApplication.focusWidget() is not widget:
                if not widget.isAncestorOf(QApplication.focusWidget()):
                    misses.append(f"{state}: {type(widget).__name__} "
                                  f"{widget.accessibleName() or widget.text()!r} takes no focus")
                    continue
                widget = QApplication.focusWidget()  # a child has it (a spin box's line)
            for action in actions:
                if not action.isEnabled():
                    continue  # focusing a pipeline column selects a match at its end
                if text_keeps(widget, action):
                    continue
                recorder.hits.clear()
                for sequence in action.shortcuts():
                    press(widget, sequence, qtbot)
                pressed += 1
                reached.add(id(action))
                if recorder.hits != [(action, False)] * len(action.shortcuts()):
                    got = [(type(o).__name__, getattr(o, "text", lambda: "")(), amb)
                           for o, amb in recorder.hits]
                    misses.append(f"{state}: {action.shortcut().toString()} "
                                  f"({action.text()!r}) from {type(widget).__name__} "
                                  f"{widget.accessibleName()!r} -> {got}")
    assert pressed or key == "sync"
    assert reached == advertised, "some shortcuts were never enabled to be pressed"
    assert not misses, f"{len(misses)} of {pressed} presses missed:\n" + "\n".join(misses[:40])


def mnemonic(text: str) -> str:
    """The Alt key of a text with an ``&`` (``&&`` is a literal ampersand)."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return ""


def visible_keys(window: MainWindow) -> list[tuple[str, str]]:
    """(key, what) for every shortcut and mnemonic live in the window as it is shown now."""
    keys: list[tuple[str, str]] = []
    for menu_action in window.menuBar().actions():
        if m := mnemonic(menu_action.text()):
            keys.append((f"alt+{m}", f"menu {menu_action.text()}"))
        for action in menu_action.menu().actions() if menu_action.menu() else ():
            for seq in action.shortcuts():
                keys.append((seq.toString().lower(), f"menu item {action.text()}"))
    page = window.stack.currentWidget()
    seen: set[int] = set()
    for widget in [page, *page.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        for action in QWidget.actions(widget):
            if id(action) not in seen:
                seen.add(id(action))
                for seq in action.shortcuts():
                    keys.append((seq.toString().lower(), f"action {action.text()}"))
        text = ""
        if isinstance(widget, QAbstractButton) or isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text()
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            text = widget.title()
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                if m := mnemonic(widget.tabText(i)):
                    keys.append((f"alt+{m}", f"tab {widget.tabText(i)}"))
        if m := mnemonic(text):
            keys.append((f"alt+{m}", f"{type(widget).__name__} {text}"))
    for shortcut in page.findChildren(QShortcut):
        parent = shortcut.parent()
        if isinstance(parent, QWidget) and parent.isVisible() and shortcut.isEnabled():
            for seq in shortcut.keys():
                context = shortcut.context()
                # Local shortcuts of sibling boxes (Ctrl+Enter saves the box it is typed in)
                # never compete; they are counted under their box.
                where = "" if context in (Qt.ShortcutContext.WindowShortcut,
                                          Qt.ShortcutContext.ApplicationShortcut) \
                    else f" in {id(parent)}"
                keys.append((seq.toString().lower() + where, f"shortcut on {type(parent).__name__}"))
    return keys


@pytest.fixture(params=["da", "en"])
def language(request):  # type: ignore[no-untyped-def]
    assert install_translator(request.param)
    yield request.param
    install_translator("da")


@pytest.mark.parametrize("key", PAGES)
def test_no_key_means_two_things_on_a_page(language: str, ops, settings, qtbot,
                                           demo_store: Store, key: str) -> None:
    """In Danish and in English: a translation picks its own Alt letters."""
    window = MainWindow(ops, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    active_window(window, qtbot)
    page = window.show_page(key)
    assert page is not None
    open_first_record(page, qtbot, ops, demo_store)
    clashes: list[str] = []
    for state in tab_states(page):
        keys = visible_keys(window)
        counts = Counter(k for k, _what in keys)
        for k, n in counts.items():
            if n > 1:
                clashes.append(f"{state}: {k} is " + ", ".join(w for kk, w in keys if kk == k))
    assert not clashes, "\n".join(sorted(set(clashes)))


def test_ctrl_d_means_one_thing_on_every_page(window, ops, qtbot) -> None:
    """The same chord does not do unrelated things on two pages (it was "mark the follow-up
    done" on Today and "decline the match" on Match)."""
    meanings: dict[str, set[str]] = {}
    for key in PAGES:
        page = window.show_page(key)
        assert page is not None
        for action in page_actions(page):
            meanings.setdefault(action.shortcut().toString(), set()).add(
                action.data() or action.text().replace("&", "").split(" (")[0])
    assert len(meanings.get("Ctrl+D", set())) <= 1, meanings["Ctrl+D"]
    filters = {k: v for k, v in meanings.items() if any("Filtr" in m for m in v)}
    assert set(filters) == {"Ctrl+F"}, filters


def test_down_in_the_employer_filter_opens_the_first_hit(window, ops, qtbot,
                                                         demo_store: Store) -> None:
    """Down from the filter reaches the list: the note that follows goes onto the employer
    the consultant looked for, not the one that was open before."""
    active_window(window, qtbot)
    page = window.show_page("employers")
    qtbot.waitUntil(lambda: page.list.model.rowCount() > 5, timeout=10000)
    page.open_item(page.list.model.id_at(0))
    before = page.panel.employer_id
    name = page.list.model.data(page.list.model.index(5, 0))
    qtbot.keyClick(window.nav, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.list.filter_edit
    qtbot.keyClicks(page.list.filter_edit, name)
    qtbot.waitUntil(lambda: page.list.model.row_of(before) < 0, timeout=5000)
    qtbot.keyClick(page.list.filter_edit, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.list.table
    assert page.panel.employer_id == page.list.model.id_at(0) != before
    qtbot.waitUntil(lambda: page.panel.title.text()
                    == page.list.model.data(page.list.model.index(0, 0)))


@pytest.mark.parametrize("key", ("vacancies", "citizens", "matches"))
def test_down_in_a_list_filter_reaches_the_list(window, ops, qtbot, key: str) -> None:
    active_window(window, qtbot)
    page = window.show_page(key)
    lst = page.list
    qtbot.waitUntil(lambda: lst.model.rowCount() > 0, timeout=10000)
    qtbot.keyClick(window.nav, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is lst.filter_edit
    qtbot.keyClick(lst.filter_edit, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is lst.table
    assert lst.current_id() == lst.model.id_at(0)
