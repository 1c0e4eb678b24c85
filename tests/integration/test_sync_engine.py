"""The client sync engine against a real ``consultant-server`` process on loopback: devices
that edit offline and converge, conflicts kept, connections cut mid-push and mid-pull, the
service restarted mid-sync, the client killed mid-apply, a revoked device wiped, and the
wall between municipalities. No HTTP mocks: a real server, real profiles, a real TCP proxy."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

import httpx
import pytest
from sqlalchemy import func, select

from consultant_app.services.citizens import create_citizen
from consultant_app.services.employers import create_employer, update_employer
from consultant_app.store import Store
from consultant_app.store.models import (
    Citizen,
    Employer,
    OutboxEntry,
    SyncConflict,
    SyncRun,
)
from sync.client import SyncEngine, credentials, list_conflicts, resolve_conflict
from sync.client.errors import DeviceRevoked, ServerUnreachable, SyncError, error_of_run
from sync.server import db
from tests.support.cutting_proxy import DOWNSTREAM, UPSTREAM, CuttingProxy
from tests.support.devices import Central, employers
from tests.support.profiles import PASSPHRASE
from tests.support.server_process import ROOT, ServerProcess


@pytest.fixture(scope="module")
def central(tmp_path_factory):
    with ServerProcess.sqlite(tmp_path_factory.mktemp("central")) as server:
        yield Central(server)


def outbox(store: Store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(OutboxEntry)) or 0


def make_employers(store: Store, n: int, prefix: str = "Firma") -> list[str]:
    with store.write() as s:
        return [create_employer(s, {"cvr": "25313763", "p_number": f"{1000000000 + i}",
                                    "name": f"{prefix} {i}", "notes": "x" * 200}).id
                for i in range(n)]


def edit(store: Store, employer_id: str, **changes) -> None:
    with store.write() as s:
        update_employer(s, employer_id, changes)


def test_two_devices_converge_and_the_overwritten_value_is_kept(central, tmp_path):
    one, e1 = central.device(tmp_path / "one", municipality="0101")
    two, e2 = central.device(tmp_path / "two", municipality="0101")
    [employer_id] = make_employers(one, 1, "Fælles Lager")
    e1.sync()
    e2.sync()
    assert employers(two)[employer_id].name == "Fælles Lager 0"

    # Offline, different fields: both changes survive on both devices.
    edit(one, employer_id, phone="86123456")
    edit(two, employer_id, notes="Ring før besøg")
    for engine in (e1, e2, e1):
        engine.sync()
    for store in (one, two):
        e = employers(store)[employer_id]
        assert (e.phone, e.notes) == ("86123456", "Ring før besøg")
    with two.read() as s:
        assert list_conflicts(s) == []

    # Offline, the same field: the last writer wins the notes, the service wins the CVR;
    # each overwritten value is kept, with both values, on the device that lost or won.
    edit(one, employer_id, notes="Møde 14/12", cvr="10000009")
    edit(two, employer_id, notes="Ny kontakt: Birgitte", cvr="13585628")
    assert e1.sync().conflicts == 0
    report = e2.sync()
    assert report.conflicts == 2
    e1.sync()
    for store in (one, two):
        e = employers(store)[employer_id]
        assert (e.notes, e.cvr) == ("Ny kontakt: Birgitte", "10000009")
    with two.read() as s:
        conflicts = {c.field: c for c in list_conflicts(s)}
    notes, cvr = conflicts["notes"], conflicts["cvr"]
    assert (notes.server_value, notes.client_value, notes.winner) == (
        "Møde 14/12", "Ny kontakt: Birgitte", "client")
    assert (cvr.server_value, cvr.client_value, cvr.winner) == ("10000009", "13585628", "server")

    # The consultant on device two takes their CVR back: an ordinary edit that syncs.
    with two.write() as s:
        resolve_conflict(s, cvr.id, "client")
    e2.sync()
    e1.sync()
    assert employers(one)[employer_id].cvr == employers(two)[employer_id].cvr == "13585628"
    assert outbox(one) == outbox(two) == 0


def test_a_cut_connection_mid_push_and_mid_pull_loses_and_duplicates_nothing(central, tmp_path):
    proxy = CuttingProxy(central.server.port)
    try:
        writer, e1 = central.device(tmp_path / "writer", municipality="0102", url=proxy.url,
                                    push_batch=40)
        ids = make_employers(writer, 200)
        proxy.arm(DOWNSTREAM, 9000)  # the service applies batches whose answers never arrive
        with pytest.raises(ServerUnreachable):
            e1.sync()
        assert proxy.cuts == 1
        assert 0 < outbox(writer) < 200  # answered batches left the outbox, the rest stayed
        proxy.arm(UPSTREAM, 5000)  # a request cut half-way: the service saw nothing whole
        with pytest.raises(ServerUnreachable):
            e1.sync()
        assert proxy.cuts == 2
        e1.sync()
        assert outbox(writer) == 0

        reader, e2 = central.device(tmp_path / "reader", municipality="0102", url=proxy.url,
                                    pull_limit=50)
        proxy.arm(DOWNSTREAM, 30_000)  # inside the second page
        with pytest.raises(ServerUnreachable):
            e2.sync()
        assert proxy.cuts == 3
        got = employers(reader)
        assert 0 < len(got) < 200 and len(got) % 50 == 0  # whole pages only
        assert int(reader.meta(credentials.CURSOR)) > 0
        e2.sync()
    finally:
        proxy.close()
    got = employers(reader)
    assert set(ids) <= set(got)
    # Every record once, at version 1: the re-sent operations were answered from memory.
    assert {got[i].version for i in ids} == {1}
    assert {got[i].name for i in ids} == {f"Firma {n}" for n in range(200)}


def test_the_service_restarted_mid_sync_loses_and_duplicates_nothing(central, tmp_path):
    writer, e1 = central.device(tmp_path / "writer", municipality="0103", push_batch=50)
    ids = make_employers(writer, 150, "Genstart")

    def kill_after_first_batch(phase, done, _total):
        if phase == "push" and done == 50:
            central.server.stop(kill=True)
    try:
        with pytest.raises(ServerUnreachable):
            e1.sync(progress=kill_after_first_batch)
    finally:
        central.server.start()
    assert outbox(writer) == 100
    e1.sync()
    assert outbox(writer) == 0

    reader, e2 = central.device(tmp_path / "reader", municipality="0103", pull_limit=40)
    pages = []

    def kill_after_first_page(cursor):
        pages.append(cursor)
        if len(pages) == 1:
            central.server.stop(kill=True)
    e2.before_page_commit = kill_after_first_page
    try:
        with pytest.raises(ServerUnreachable):
            e2.sync()
    finally:
        central.server.start()
    # Whole pages only: the first, and the second if it was fetched before the kill.
    assert len(employers(reader)) in (40, 80)
    e2.before_page_commit = None
    e2.sync()
    got = employers(reader)
    assert set(ids) <= set(got) and {got[i].version for i in ids} == {1}


KILLED_CLIENT = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, {root!r})
    from consultant_app.store import Store
    from sync.client import SyncEngine
    store = Store.open({profile!r}, {passphrase!r})
    engine = SyncEngine(store, pull_limit=30)
    pages = []
    def die_in_second_page(cursor):
        pages.append(cursor)
        if len(pages) == 2:  # the page is written, its transaction not committed
            os.kill(os.getpid(), signal.SIGKILL)
    engine.before_page_commit = die_in_second_page
    engine.sync()
""")


def test_a_client_killed_mid_apply_resumes_where_it_was(central, tmp_path):
    writer, e1 = central.device(tmp_path / "writer", municipality="0301")
    ids = make_employers(writer, 100, "Afbrudt")
    e1.sync()
    reader, _ = central.device(tmp_path / "reader", municipality="0301")
    profile = reader.profile_dir
    reader.close()
    script = KILLED_CLIENT.format(root=str(ROOT), profile=str(profile), passphrase=PASSPHRASE)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60,
                          cwd=ROOT, check=False)
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()

    reader = Store.open(profile, PASSPHRASE)
    try:
        assert len(employers(reader)) == 30  # the first page, not a row of the second
        cursor = int(reader.meta(credentials.CURSOR))
        assert cursor > 0
        with reader.read() as s:  # the killed run stays in the history, unfinished
            assert s.scalars(select(SyncRun.finished_at)).all() == [None]
        SyncEngine(reader).sync()
        got = employers(reader)
        assert set(got) == set(ids), (len(got), len(set(ids) - set(got)))
        with reader.read() as s:
            killed, resumed = s.scalars(select(SyncRun).order_by(SyncRun.id)).all()
        assert not killed.ok and str(error_of_run(killed.error)).startswith("Afbrudt")
        assert resumed.ok
        with reader.read() as s:
            assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
    finally:
        reader.close()


def test_a_revoked_device_is_wiped_and_told_why(central, tmp_path):
    store, engine = central.device(tmp_path / "device", municipality="0401")
    with store.write() as s:
        for n in range(5):
            create_citizen(s, {"name": f"Borger Nummer{n}", "cpr": f"01019{n}1234",
                               "target_group": "dagpenge", "notes": "helbred"})
    make_employers(store, 3)
    engine.sync()
    device_id = store.meta(credentials.DEVICE_ID)
    central.server.admin("revoke-device", device_id)
    with pytest.raises(DeviceRevoked) as raised:
        engine.sync()
    assert "spærret" in str(raised.value.message)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Citizen)) == 0
        assert s.scalar(select(func.count()).select_from(SyncConflict)) == 0
        run = s.scalars(select(SyncRun).order_by(SyncRun.id.desc())).first()
    assert not run.ok and "spærret" in run.error
    assert len(employers(store)) == 3  # the municipality's business data stays
    assert credentials.load(store) is None
    assert b"Nummer" not in store.path.read_bytes()
    with pytest.raises(SyncError):  # and it cannot sync any more
        engine.sync()


def test_a_device_of_one_municipality_gets_and_changes_nothing_of_another(central, tmp_path):
    a, ea = central.device(tmp_path / "a", municipality="0201")
    b, eb = central.device(tmp_path / "b", municipality="0202")
    [employer_id] = make_employers(a, 1, "Kun A")
    with a.write() as s:
        citizen_id = create_citizen(s, {"name": "Hemmelig Borger", "cpr": "0101901234",
                                        "target_group": "dagpenge"}).id
    ea.sync()
    eb.sync()
    assert employers(b) == {}
    with b.read() as s:
        assert s.get(Citizen, citizen_id) is None

    # B writes to A's employer id anyway (as a forged or misrouted change would).
    with b.write() as s:
        s.add(Employer(id=employer_id, cvr="25313763", name="Overtaget af B"))
    report = eb.sync()
    assert report.rejected and outbox(b) == 0
    with b.read() as s:
        [rejected] = list_conflicts(s)
    assert rejected.rejected and rejected.client_value["name"] == "Overtaget af B"
    ea.sync()
    assert employers(a)[employer_id].name == "Kun A 0"
    # And a raw pull with B's token shows nothing of A.
    token = credentials.load(b).token
    page = httpx.get(f"{central.server.api}/pull", params={"cursor": 0, "limit": 5000},
                     headers={"Authorization": f"Bearer {token}"}).json()
    assert {c["entity_id"] for c in page["changes"]}.isdisjoint({employer_id, citizen_id})


def test_the_same_sealed_agreement_uploaded_twice_is_stored_once(central, tmp_path):
    from sqlalchemy import delete

    from consultant_app.device import device_identity
    from consultant_app.store.models import AgreementReceipt
    from tests.support.signing import ready_draft, seal, sign_all

    store, engine = central.device(tmp_path / "device", municipality="0501",
                                   name="Test Konsulent")
    device = device_identity(store)
    assert device.enrolled  # the certificate the service issued at enrollment
    agreement_id = ready_draft(store)
    sign_all(store, agreement_id, device)
    seal(store, agreement_id, device)
    report = engine.sync()
    assert report.uploaded == 1 and report.rejected == []
    with store.read() as s:
        first = s.get(AgreementReceipt, (agreement_id, 1))
    assert first.status == "stored"

    # The receipt is lost (a crash right after the upload): the agreement goes again.
    with store.write(journal=False) as s:
        s.execute(delete(AgreementReceipt))
    assert engine.sync().uploaded == 1
    with store.read() as s:
        second = s.get(AgreementReceipt, (agreement_id, 1))
    assert second.status == "duplicate"
    assert (second.content_hash, second.pdf_sha256) == (first.content_hash, first.pdf_sha256)
    with central.engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(db.sealed_agreement).where(
            db.sealed_agreement.c.agreement_id == agreement_id)).scalar()
    assert stored == 1
    assert engine.sync().uploaded == 0  # with its receipt, it is not sent again


def test_a_refused_token_is_reported_plainly_and_not_retried(central, tmp_path):
    from sync.client.errors import TokenRefused

    store, engine = central.device(tmp_path / "device", municipality="0601")
    with store.write(journal=False) as s:
        credentials.save_token(store, s, "not-the-token", use_keyring=False)
    with pytest.raises(TokenRefused) as raised:
        engine.sync()
    assert not raised.value.retry
    assert str(raised.value.message) == ("Den centrale tjeneste afviste enhedens adgangsnøgle. "
                                         "Tilmeld enheden igen.")


def test_an_edit_back_to_the_value_last_synced_is_kept_when_another_device_overwrites_it(
        central, tmp_path):
    # Seed 600105 of the fault campaign (postgresql2), made small: device one changes a field
    # and, before it syncs, changes it back to the value it last synced; device two, offline
    # too, changes the same field. One pushes first, so what it sends equals what the service
    # holds; two pushes after, on the same base. The last push wins, and one's value (set by
    # hand after two's edit) must be kept as the overwritten value, not dropped unseen.
    one, e1 = central.device(tmp_path / "one", municipality="0101")
    two, e2 = central.device(tmp_path / "two", municipality="0101")
    [employer_id] = make_employers(one, 1, "Tilbage")
    e1.sync()
    e2.sync()
    original = employers(two)[employer_id].notes

    edit(two, employer_id, notes="Kun om formiddagen")
    edit(one, employer_id, notes="Ring efter kl. 12")
    edit(one, employer_id, notes=original)
    assert e1.sync().conflicts == 0
    assert e2.sync().conflicts == 1
    e1.sync()

    for store in (one, two):
        assert employers(store)[employer_id].notes == "Kun om formiddagen"
    with two.read() as s:
        [kept] = [c for c in list_conflicts(s) if c.entity_id == employer_id]
    assert (kept.field, kept.server_value, kept.client_value, kept.winner) == (
        "notes", original, "Kun om formiddagen", "client")
    with central.engine.connect() as conn:
        rows = conn.execute(select(db.conflict.c.field, db.conflict.c.server_value).where(
            db.conflict.c.entity_id == employer_id)).all()
    assert [(r.field, r.server_value) for r in rows] == [("notes", original)]
    assert outbox(one) == outbox(two) == 0


def test_a_pull_reports_records_done_and_left_from_the_services_count(central, tmp_path):
    writer, e1 = central.device(tmp_path / "writer", municipality="0109")
    make_employers(writer, 130, "Optælling")
    e1.sync()
    _reader, e2 = central.device(tmp_path / "reader", municipality="0109", pull_limit=40)
    reports: list[tuple[str, int, int | None]] = []
    report = e2.sync(progress=lambda phase, done, total: reports.append((phase, done, total)))
    pulls = [(done, total) for phase, done, total in reports if phase == "pull"]
    # Four pages of at most 40; the service told the total with the first one.
    assert pulls == [(40, 130), (80, 130), (120, 130), (130, 130)]
    assert report.pulled == 130

    # Nothing new: one page, nothing left, and the count is not asked for a last page.
    reports.clear()
    e2.sync(progress=lambda phase, done, total: reports.append((phase, done, total)))
    assert [(d, t) for p, d, t in reports if p == "pull"] == [(0, 0)]


def test_a_large_pull_has_a_larger_page_cache_and_gives_its_memory_back(
        central, tmp_path, monkeypatch):
    """Pages big enough for bulk writing are applied with the write connection's page cache
    raised (engine.BULK_CACHE_KIB); when the pull ends, also by an error, it is set back."""
    from sync.client import engine as engine_module

    writer, e1 = central.device(tmp_path / "writer", municipality="0119")
    ids = make_employers(writer, engine_module.DEFERRED_INDEXING_FROM + 20, "Stor Side")
    e1.sync()

    def cache_size(session) -> int:
        return session.connection().exec_driver_sql("PRAGMA cache_size").scalar()

    seen: list[int] = []
    original = engine_module.apply_page

    def watched(session, changes, **options):  # type: ignore[no-untyped-def]
        seen.append(cache_size(session))
        return original(session, changes, **options)

    monkeypatch.setattr(engine_module, "apply_page", watched)
    reader, e2 = central.device(tmp_path / "reader", municipality="0119")
    with reader.write() as s:
        default = cache_size(s)
    e2.before_page_commit = lambda cursor: 1 / 0  # the page fails: the pull stops
    with pytest.raises(ZeroDivisionError):
        e2.sync()
    assert seen == [-engine_module.BULK_CACHE_KIB]
    with reader.write() as s:
        assert cache_size(s) == default
    assert employers(reader) == {}  # the failed page left nothing behind

    e2.before_page_commit = None
    assert e2.sync().pulled == len(ids)
    assert seen[1:] == [-engine_module.BULK_CACHE_KIB]
    with reader.write() as s:
        assert cache_size(s) == default
    assert set(employers(reader)) == set(ids)
    # An incremental pull of a few changes keeps the default cache.
    edit(writer, ids[0], notes="Ny note")
    e1.sync()
    e2.sync()
    assert seen[2:] and set(seen[2:]) == {default}
