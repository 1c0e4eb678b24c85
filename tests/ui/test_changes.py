"""After a write only the pages showing a changed table re-read (Anki's OpChanges): the
write helper announces the tables a write changed, each page declares the tables it shows.
The same holds for what a sync pulled. Counted with the pages' own list queries."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from consultant_app import services
from consultant_app.store import Store
from consultant_app.store.models import Citizen, Employer
from sync.client.engine import SyncReport
from sync.client.runner import SyncStatus
from tests.support.desktop import settle
from ui.main_window import MainWindow
from ui.ops import OpChanges, Ops
from ui.views.partials.id_list import IdListPanel


def count_list_reads(panel: IdListPanel) -> list[int]:
    """Count the reads of the list's ids (in the background or not)."""
    reads = [0]
    query = panel.model._ids_query

    def counted(*args: Any) -> Any:
        reads[0] += 1
        return query(*args)
    panel.model._ids_query = counted
    return reads


def first_id(store: Store, model: Any) -> str:
    with store.read() as s:
        return s.scalars(select(model.id).where(model.deleted.is_(False))
                         .order_by(model.id)).first()


def rename_employer(ops: Ops, qtbot, employer_id: str, name: str) -> None:  # type: ignore[no-untyped-def]
    ops.write(services.update_employer, employer_id, {"name": name})
    settle(qtbot, ops)


def test_a_write_announces_the_tables_it_changed_before_its_answer(ops: Ops, qtbot,
                                                                  demo_store: Store) -> None:
    employer_id = first_id(demo_store, Employer)
    seen: list[Any] = []
    ops.changed.connect(lambda changes: seen.append(changes))
    ops.write(services.update_employer, employer_id, {"name": "Omdøbt ApS"},
              on_done=lambda _r: seen.append("done"))
    settle(qtbot, ops)
    assert len(seen) == 2 and seen[1] == "done"
    changes = seen[0]
    assert changes.touches(["employer"]) and changes.touches(["outbox"])
    assert not changes.touches(["citizen", "visit"])


def test_a_refused_write_announces_nothing(ops: Ops, qtbot, demo_store: Store) -> None:
    employer_id = first_id(demo_store, Employer)
    seen: list[OpChanges] = []
    failures: list[Any] = []
    ops.changed.connect(seen.append)
    ops.write(services.update_employer, employer_id, {"cvr": "12"}, on_error=failures.append)
    settle(qtbot, ops)
    assert failures and seen == []


def test_a_write_to_employers_refreshes_the_employers_page_and_not_the_citizens_page(
        window: MainWindow, ops: Ops, qtbot, demo_store: Store) -> None:
    employers = window.show_page("employers")
    citizens = window.show_page("citizens")
    settle(qtbot, ops)
    employer_reads = count_list_reads(employers.list)
    citizen_reads = count_list_reads(citizens.list)
    employer_id = first_id(demo_store, Employer)

    rename_employer(ops, qtbot, employer_id, "Skiftet Navn ApS")  # on the citizens page
    assert citizen_reads == [0] and employer_reads == [0]  # the employers page is hidden
    assert employers.missed is not None and citizens.missed is None

    window.show_page("employers")  # shown again: it re-reads what it missed
    settle(qtbot, ops)
    assert employer_reads[0] >= 1 and employers.missed is None
    before = employer_reads[0]
    rename_employer(ops, qtbot, employer_id, "Skiftet Igen ApS")  # on screen: at once
    assert employer_reads[0] > before
    qtbot.waitUntil(lambda: "Skiftet Igen ApS" in [
        employers.list.model.value(r, "name") for r in range(employers.list.model.rowCount())])

    window.show_page("citizens")
    settle(qtbot, ops)
    assert citizen_reads == [0]  # nothing it shows changed


def test_a_page_showing_two_tables_refreshes_for_either(window: MainWindow, ops: Ops, qtbot,
                                                       demo_store: Store) -> None:
    """Today lists visits with their employer's name: a write to either re-reads it, a
    write to a citizen does not."""
    today = window.show_page("today")
    reads = [0]
    settle(qtbot, ops)
    ids_query = today.planned._ids_query  # run off the UI thread, one read at a time here

    def counted(*args: Any) -> Any:
        reads[0] += 1
        return ids_query(*args)
    today.planned._ids_query = counted
    employer_id = first_id(demo_store, Employer)

    rename_employer(ops, qtbot, employer_id, "Nyt Navn ApS")
    assert reads == [1]
    ops.write(services.log_visit, employer_id, {"notes": "Kort besøg"})
    settle(qtbot, ops)
    assert reads == [2]
    ops.write(services.update_citizen, first_id(demo_store, Citizen), {"phone": "12345678"})
    settle(qtbot, ops)
    assert reads == [2]


def test_what_a_sync_pulled_refreshes_the_pages_that_show_it(window: MainWindow, ops: Ops,
                                                            qtbot, demo_store: Store) -> None:
    """The pull writes beside the helper (on the sync's thread); the finished sync's report
    has the window announce what was written since, as after a write of its own."""
    employers = window.show_page("employers")
    citizens = window.show_page("citizens")
    settle(qtbot, ops)
    employer_reads = count_list_reads(employers.list)
    citizen_reads = count_list_reads(citizens.list)
    with demo_store.write(journal=False) as s:  # as sync.client.apply writes a pulled page
        s.get(Employer, first_id(demo_store, Employer)).name = "Hentet Fra Centralen ApS"

    window.show_sync_status(SyncStatus(enrolled=True, online=True,
                                       last_report=SyncReport(pulled=1)))
    settle(qtbot, ops)
    assert citizen_reads == [0] and employers.missed is not None
    window.show_page("employers")
    settle(qtbot, ops)
    assert employer_reads[0] >= 1
    window.show_page("citizens")
    assert citizen_reads == [0]
