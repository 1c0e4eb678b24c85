"""The main window: navigation, global search, status bar, restoring where the user was."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from consultant_app.store import Store
from consultant_app.store.models import Vacancy
from tests.support.desktop import make_employer, settle
from ui.main_window import MainWindow
from ui.search_popup import SearchPopup
from ui.settings import Settings
from ui.views import PAGES


def test_navigation_lists_every_page_in_order(window: MainWindow) -> None:
    """Every page ships: one that fails to import is a failure here, not a quiet skip."""
    assert window.page_keys() == [k for k, _m, _c in PAGES]
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels[:2] == ["I dag", "Virksomheder"]
    for key, label in zip(window.page_keys(), labels):  # each page builds, titled as listed
        assert window.pages[key].page_title() == label


def test_a_page_is_built_the_first_time_it_is_shown(window: MainWindow) -> None:
    """The window starts with only the page it opens on; the others come when chosen,
    with the Ctrl+1…7 menu and the navigation already complete."""
    assert list(window.pages.built) == [window.current_page_key()] == ["today"]
    assert len(window.pages) == len(PAGES)
    page = window.show_page("citizens")
    assert page is not None and window.pages.built["citizens"] is page
    assert window.current_page_key() == "citizens"


def test_a_record_opened_on_a_page_not_built_yet_is_chosen_in_its_list(
        window: MainWindow, demo_store: Store, qtbot) -> None:
    """The page is built to open it, before its list has loaded: the record is still the
    one chosen in the list once the list arrives."""
    with demo_store.read() as s:
        vacancy_id = s.scalars(select(Vacancy.id).order_by(Vacancy.id.desc())).first()
    assert "vacancies" not in window.pages.built
    window.open_record("vacancy", vacancy_id)
    page = window.pages.built["vacancies"]
    qtbot.waitUntil(lambda: page.list.model.rowCount() > 0, timeout=10000)
    qtbot.waitUntil(lambda: page.list.current_id() == vacancy_id, timeout=10000)


def test_missing_page_module_is_skipped_and_the_window_still_starts(
        ops, settings, qtbot, monkeypatch, caplog) -> None:
    """Left out of the navigation, but not in silence: logged, and named in the status
    bar."""
    monkeypatch.setattr("ui.main_window.PAGES", [
        ("today", "ui.views.today", "TodayPage"),
        ("vacancies", "ui.views.does_not_exist", "VacanciesPage"),
        ("sync", "ui.views.sync", "SyncPage")])
    with caplog.at_level(logging.ERROR, logger="ui.main_window"):
        win = MainWindow(ops, settings)
    qtbot.addWidget(win)
    assert win.page_keys() == ["today", "sync"]
    assert any("ui.views.does_not_exist" in r.getMessage() for r in caplog.records)
    assert win.statusBar().currentMessage() == (
        "Kan ikke vises: »Stillinger«. Fejlen er skrevet i loggen.")
    win.open_record("vacancy", "some-id")  # no page for it: a message, not a crash
    assert "Stilling" in win.statusBar().currentMessage()


def test_a_page_whose_import_fails_is_logged_and_named_in_the_status_bar(
        ops, settings, qtbot, monkeypatch, tmp_path, caplog) -> None:
    """The module is there but raises on import (a dependency missing): the window stays
    on the page it was on and says which page cannot be shown."""
    (tmp_path / "page_that_fails_to_import.py").write_text(
        "raise ImportError('a dependency is missing')\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr("ui.main_window.PAGES", [
        ("today", "ui.views.today", "TodayPage"),
        ("vacancies", "page_that_fails_to_import", "VacanciesPage")])
    win = MainWindow(ops, settings)
    qtbot.addWidget(win)
    win.show()
    assert win.page_keys() == ["today", "vacancies"]  # found: it fails only when built
    with caplog.at_level(logging.ERROR, logger="ui.main_window"):
        assert win.show_page("vacancies") is None
    assert win.current_page_key() == "today"
    assert win.statusBar().currentMessage() == (
        "Siden »Stillinger« kan ikke vises. Fejlen er skrevet i loggen.")
    assert any("a dependency is missing" in (r.exc_text or "") or
               (r.exc_info and "a dependency is missing" in str(r.exc_info[1]))
               for r in caplog.records)


def test_ctrl_number_switches_page(window: MainWindow, qtbot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "employers"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "today"


def test_ctrl_k_searches_as_you_type_and_enter_opens_the_hit(window: MainWindow, demo_store: Store,
                                                            qtbot) -> None:
    employer_id = make_employer(demo_store, name="Zebrafabrikken Hvidovre ApS")
    window.show_page("today")
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    popup: SearchPopup = window.search_popup
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClicks(popup.query, "zebrafab")
    qtbot.waitUntil(lambda: popup.model.rowCount() > 0, timeout=3000)
    assert popup.model.rows[0].id == employer_id
    qtbot.keyClick(popup.query, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert window.current_page_key() == "employers"
    assert window.pages["employers"].panel.employer_id == employer_id
    qtbot.waitUntil(lambda: window.pages["employers"].panel.title.text()
                    == "Zebrafabrikken Hvidovre ApS")  # the record is read off the UI thread


def test_search_result_opens_on_click_too(window: MainWindow, ops, demo_store: Store,
                                          qtbot) -> None:
    employer_id = make_employer(demo_store, name="Klikkeriet ApS")
    window.search_popup.start("klikkeriet")
    window.search_popup.run_query()
    settle(qtbot, ops)  # the search runs off the UI thread
    view = window.search_popup.results
    rect = view.visualRect(window.search_popup.model.index(0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pages["employers"].panel.employer_id == employer_id


def test_search_models_pass_the_model_tester(window: MainWindow, ops, qtbot,
                                             qtmodeltester) -> None:
    popup = window.search_popup
    popup.start("a")
    popup.run_query()
    settle(qtbot, ops)
    assert popup.model.rowCount() > 0
    qtmodeltester.check(popup.model)


def test_status_bar_shows_offline_and_the_waiting_operations(window: MainWindow, ops,
                                                             demo_store: Store, qtbot) -> None:
    assert "Offline" in window.sync_label.text()
    qtbot.waitUntil(lambda: window.outbox_label.text().split(":")[-1].strip().isdigit())
    before = window.outbox_label.text()
    employers = window.show_page("employers")
    employers.panel.new_employer()
    employers.panel.data.form.set_value("name", "Ny i køen ApS")
    employers.panel.data.form.set_value("cvr", "25313763")
    employers.panel.data.save()
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: window.outbox_label.text() != before)
    assert int(window.outbox_label.text().split(":")[-1]) > int(before.split(":")[-1])


def test_restart_restores_last_page_geometry_and_splitters(ops, settings_file,
                                                           qtbot, monkeypatch) -> None:
    # Only this pages: the offscreen screen is 800 px wide, and a wider minimum from
    # another page would let the window manager, not the settings, decide the width.
    monkeypatch.setattr("ui.main_window.PAGES", [p for p in PAGES
                                                 if p[0] in ("today", "employers", "sync")])
    first = MainWindow(ops, Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)))
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(780, 560)
    assert (first.width(), first.height()) == (780, 560)
    first.show_page("sync")
    employers = first.pages["employers"]
    employers.splitter.setSizes([300, 700])
    saved_sizes = employers.splitter.sizes()
    QApplication.processEvents()
    first.close()

    again = MainWindow(ops, Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.current_page_key() == "sync"
    assert (again.width(), again.height()) == (780, 560)
    assert again.pages["employers"].splitter.sizes() == saved_sizes


def test_first_start_on_a_small_screen_fills_it_without_a_window_manager(
        ops, settings, qtbot) -> None:
    """The offscreen screen is smaller than 1280x800 plus a margin, so the first start fills
    it. The window's own geometry is the screen's area, not only its maximized state: without
    a window manager (Xvfb, a kiosk) the state alone leaves the window at Qt's default size,
    536x438 on an X server at 1366x768, which is how it was seen."""
    win = MainWindow(ops, settings)
    qtbot.addWidget(win)
    area = win.screen().availableGeometry()
    assert area.width() < 1360  # the premise: a screen smaller than the comfortable size
    assert win.isMaximized()
    assert win.normalGeometry().size() == area.size()
