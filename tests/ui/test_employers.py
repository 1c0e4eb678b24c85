"""The Employers page: list, filter, the employer form, contacts and the visit log."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from consultant_app.store import Store
from consultant_app.store.models import ContactPerson, Employer, Visit
from tests.support.desktop import TODAY, log_visit, make_employer, settle
from ui.views.employers import EmployersPage

CTRL = Qt.KeyboardModifier.ControlModifier


def employers_page(window) -> EmployersPage:  # type: ignore[no-untyped-def]
    page = window.show_page("employers")
    assert isinstance(page, EmployersPage)
    return page


def test_new_employer_with_bad_cvr_shows_the_message_next_to_the_field(window, ops, qtbot,
                                                                       demo_store: Store) -> None:
    page = employers_page(window)
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    form = page.panel.data.form
    assert QApplication.focusWidget() is form.inputs["name"]
    qtbot.keyClicks(form.inputs["name"], "Fejlfri Bageri ApS")
    qtbot.keyClicks(form.inputs["cvr"], "12345678")
    qtbot.keyClicks(form.inputs["postcode"], "8000")
    qtbot.keyClick(form.inputs["postcode"], Qt.Key.Key_S, CTRL)
    settle(qtbot, ops)
    assert "kontrolcifferet passer ikke" in form.problem_text("cvr")
    assert not form.problem_text("name")
    # The form keeps what was typed, and nothing was saved.
    assert form.value("name") == "Fejlfri Bageri ApS" and form.value("cvr") == "12345678"
    assert form.value("town") == "Aarhus C"
    with demo_store.read() as s:
        assert s.scalar(select(Employer).where(Employer.name == "Fejlfri Bageri ApS")) is None

    form.inputs["cvr"].clear()
    qtbot.keyClicks(form.inputs["cvr"], "13585628")
    qtbot.keyClick(form.inputs["cvr"], Qt.Key.Key_S, CTRL)
    settle(qtbot, ops)
    assert not form.problem_text("cvr")
    assert page.panel.employer_id is not None
    assert page.panel.title.text() == "Fejlfri Bageri ApS"
    with demo_store.read() as s:
        saved = s.get(Employer, page.panel.employer_id)
        assert (saved.cvr, saved.postcode, saved.town) == ("13585628", "8000", "Aarhus C")
    assert page.list.model.row_of(page.panel.employer_id) >= 0


def test_several_bad_fields_are_each_marked(window, ops, qtbot) -> None:
    page = employers_page(window)
    page.new_employer()
    form = page.panel.data.form
    form.set_value("cvr", "0123")
    form.set_value("phone", "12")
    form.set_value("ordinary_employees", "mange")
    page.panel.data.save()
    settle(qtbot, ops)
    for field in ("name", "cvr", "phone", "ordinary_employees"):
        assert form.problem_text(field), field
    assert "Skal udfyldes" in form.problem_text("name")
    assert "Ikke gemt" in page.panel.data.message.text()


def test_visit_note_in_two_keystrokes(window, ops, qtbot, demo_store: Store) -> None:
    employer_id = make_employer(demo_store, name="Besøgsbageriet ApS")
    page = employers_page(window)
    page.open_item(employer_id)
    qtbot.keyClick(page, Qt.Key.Key_N, CTRL)
    note = page.panel.visits.note
    assert QApplication.focusWidget() is note
    qtbot.keyClicks(note, "Talte med ejeren om småjob i weekenden.")
    qtbot.keyClick(note, Qt.Key.Key_Return, CTRL)
    settle(qtbot, ops)
    qtbot.waitUntil(lambda: page.panel.visits.model.rowCount() == 1)
    assert note.toPlainText() == ""  # ready for the next note
    with demo_store.read() as s:
        visit = s.scalar(select(Visit).where(Visit.employer_id == employer_id))
        assert visit.notes == "Talte med ejeren om småjob i weekenden."
        assert (visit.status, visit.visit_date) == ("done", TODAY)


def test_visit_with_follow_up_before_the_visit_is_refused_beside_the_field(
        window, ops, qtbot, demo_store: Store) -> None:
    employer_id = make_employer(demo_store)
    page = employers_page(window)
    page.start_visit(employer_id)
    form = page.panel.visits.form
    form.set_value("notes", "Note")
    form.set_value("visit_date", "10-3-2026")
    form.set_value("follow_up_date", "1-3-2026")
    page.panel.visits.save()
    settle(qtbot, ops)
    assert form.problem_text("follow_up_date")
    assert form.value("notes") == "Note"


def test_filter_narrows_the_list_as_you_type(window, qtbot, demo_store: Store) -> None:
    make_employer(demo_store, name="Quokka Logistik ApS")
    page = employers_page(window)
    model = page.list.model
    qtbot.waitUntil(lambda: model.rowCount() > 1)
    total = model.rowCount()
    qtbot.keyClicks(page.list.filter_edit, "quokka")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.data(model.index(0, 0)) == "Quokka Logistik ApS"
    page.list.filter_edit.clear()
    qtbot.waitUntil(lambda: model.rowCount() == total)


def test_typing_in_the_filter_reads_the_list_off_the_ui_thread(window, qtbot, monkeypatch,
                                                               demo_store: Store) -> None:
    """The list is read on the background worker after a pause in typing, not on the UI
    thread at every key (a consultant typing a name felt each key stall)."""
    import threading

    import ui.views.employers.page as employers_module
    make_employer(demo_store, name="Quokka Logistik ApS")
    threads: list[str] = []
    real = employers_module.list_employer_ids

    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)
    monkeypatch.setattr(employers_module, "list_employer_ids", recorded)
    page = employers_page(window)
    model = page.list.model
    qtbot.waitUntil(lambda: model.rowCount() > 1)
    threads.clear()
    qtbot.keyClicks(page.list.filter_edit, "quokka")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert threads and threading.main_thread().name not in threads, threads
    assert len(threads) < len("quokka"), threads


def test_sorting_by_a_header_sorts_in_sql(window, qtbot) -> None:
    page = employers_page(window)
    model = page.list.model
    qtbot.waitUntil(lambda: model.rowCount() > 1)

    def cvrs() -> list[str]:
        return [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    page.list.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: cvrs() == sorted(cvrs(), reverse=True))
    page.list.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: cvrs() == sorted(cvrs()))


def test_contacts_are_added_and_edited(window, ops, qtbot, demo_store: Store) -> None:
    employer_id = make_employer(demo_store)
    page = employers_page(window)
    page.open_item(employer_id)
    panel = page.panel
    panel.tabs.setCurrentIndex(panel.TAB_CONTACTS)
    form = panel.contacts.form
    form.inputs["name"].setFocus()  # shortcuts follow the keyboard focus, as for a user
    qtbot.keyClicks(form.inputs["name"], "Mette Hansen")
    form.inputs["phone"].setFocus()
    qtbot.keyClicks(form.inputs["phone"], "12 34 56 7")
    qtbot.keyClick(form.inputs["phone"], Qt.Key.Key_Return, CTRL)
    settle(qtbot, ops)
    assert form.problem_text("phone")
    qtbot.keyClicks(form.inputs["phone"], "8")
    qtbot.keyClick(form.inputs["phone"], Qt.Key.Key_Return, CTRL)
    settle(qtbot, ops)
    assert panel.contacts.model.rowCount() == 1
    panel.contacts.view.activated.emit(panel.contacts.model.index(0, 0))
    qtbot.waitUntil(lambda: form.value("name") == "Mette Hansen")  # read off the UI thread
    form.set_value("role", "HR-ansvarlig")
    panel.contacts.save()
    settle(qtbot, ops)
    with demo_store.read() as s:
        contact = s.scalar(select(ContactPerson).where(ContactPerson.employer_id == employer_id))
        assert (contact.phone, contact.role) == ("12345678", "HR-ansvarlig")


def test_employer_vacancies_open_on_the_vacancies_page(window, qtbot, demo_store: Store) -> None:
    page = employers_page(window)
    with demo_store.read() as s:
        from consultant_app.store.models import Vacancy
        vacancy = s.scalars(select(Vacancy)).first()
    page.open_item(vacancy.employer_id)
    model = page.panel.related["vacancy"]
    qtbot.waitUntil(lambda: model.row_of(vacancy.id) >= 0)  # read off the UI thread
    opened: list[tuple[str, str]] = []
    page.open_requested.connect(lambda kind, ident: opened.append((kind, ident)))
    page.panel.related_views["vacancy"].activated.emit(model.index(model.row_of(vacancy.id), 0))
    assert opened == [("vacancy", vacancy.id)]


def test_every_model_of_the_page_passes_the_model_tester(window, qtmodeltester,
                                                         demo_store: Store) -> None:
    employer_id = make_employer(demo_store)
    log_visit(demo_store, employer_id, notes="Første besøg")
    page = employers_page(window)
    page.open_item(employer_id)
    qtmodeltester.check(page.list.model)
    for model in (page.panel.contacts.model, page.panel.visits.model,
                  *page.panel.related.values()):
        qtmodeltester.check(model)


def test_the_list_opened_on_a_record_past_its_first_page_still_fits_the_names(
        ops, settings, qtbot, store: Store) -> None:
    """The columns are fitted to names, not to rows still on their way: a list opened on a
    record beyond the first page (from Ctrl+K) measured the blank rows around it and gave
    the name column its least width, so every name read "Schmidt…" at 1366x768."""
    from consultant_app.demo import DemoCounts, seed_demo
    from ui.main_window import MainWindow

    with store.write() as s:
        seed_demo(s, DemoCounts(450, 0, 0), seed=5)
        names = sorted(s.scalars(select(Employer.name)).all(), key=str.casefold)
        last = s.scalar(select(Employer.id).where(Employer.name == names[-1]))
    window = MainWindow(ops, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_record("employer", last)  # as a search hit opens it: the list built for it
    page = employers_page(window)
    qtbot.waitUntil(lambda: page.list.current_id() == last, timeout=10000)
    settle(qtbot, ops)
    table = page.list.table
    longest = max(table.fontMetrics().horizontalAdvance(n) for n in names[:50])
    assert table.columnWidth(0) >= min(longest, 250)
