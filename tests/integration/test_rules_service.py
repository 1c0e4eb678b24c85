"""Rules across devices, against a real ``consultant-server`` process and real profiles
driven by the real client engine: the municipality's placements count in every consultant's
rimelighedskrav, and a rule set published on the service changes the findings on a device
after one sync, offline thereafter; a set the service did not sign is refused and said so."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import update

from consultant_app import services
from consultant_app.store import Store
from forms import agreements as A
from forms import rulebook
from sync.client import SyncEngine
from sync.server import db
from sync.server.rulesets import ruleset as ruleset_table
from tests.support.profiles import FAST_KDF, PASSPHRASE
from tests.support.server_process import ServerProcess


START = dt.date(2026, 3, 2)
TODAY = dt.date(2026, 2, 20)


def device(server: ServerProcess, folder: Path, municipality: str, name: str
           ) -> tuple[Store, SyncEngine]:
    store = Store.create(folder, PASSPHRASE, consultant=name, kdf_n=FAST_KDF)
    engine = SyncEngine(store, use_keyring=False)
    engine.enroll(server.base_url, server.add_consultant(municipality, name))
    return store, engine


def praktik(store: Store, employer_id: str, citizen_name: str, cpr: str,
            end: dt.date | None = None, start: dt.date = START) -> str:
    """A dagpenge citizen's praktik at the employer from ``start`` (4 weeks unless ``end``)."""
    with store.write() as s:
        citizen = services.create_citizen(s, {"name": citizen_name, "cpr": cpr,
                                              "target_group": "dagpenge"})
        doc = A.create_draft(s, "virksomhedspraktik", employer_id, citizen_id=citizen.id,
                             today=TODAY)
        changes = {"start_date": start.isoformat(), "ordinary_employees": 5}
        if end is not None:
            changes["end_date"] = end.isoformat()
        A.update_fields(s, doc.id, changes)
        return doc.id


def findings(store: Store, agreement_id: str, today: dt.date = TODAY) -> dict[str, str]:
    with store.read() as s:
        return {f.rule: str(f.message) for f in A.check(s, agreement_id, today=today).findings}


def test_a_placement_synced_by_one_consultant_counts_for_a_colleague(
        shared_server: ServerProcess, tmp_path: Path):
    """Anna places a citizen at the bakery's P-number (5 employees: room for 1) and syncs; Bo,
    in the same municipality, syncs and starts a praktik there: his rimelighedskrav counts
    Anna's placement, says it came from the municipality's agreements and when, and his own
    device's copy of nothing is counted twice. Anna's own next agreement counts hers once."""
    # The service hands out the placements still running today: these start next week.
    today = dt.date.today()
    soon = today + dt.timedelta(days=7)
    code = shared_server.new_municipality()
    anna, anna_sync = device(shared_server, tmp_path / "anna", code, "Anna Jensen")
    bo, bo_sync = device(shared_server, tmp_path / "bo", code, "Bo Hansen")
    try:
        with anna.write() as s:
            employer = services.create_employer(s, {
                "cvr": "10000009", "p_number": "1000000001", "name": "Bageriet ApS",
                "postcode": "8000", "ordinary_employees": 5})
        first = praktik(anna, employer.id, "Ib Skov", "0101901234", start=soon)
        assert "ratio" not in findings(anna, first, today)
        assert anna_sync.sync().rejected == []
        bo_sync.sync()
        second = praktik(bo, employer.id, "Eva Holm", "0202924321", start=soon)
        ratio = findings(bo, second, today)["ratio"]
        assert "bliver det 2 fuldtidspersoner (1 i forvejen: 1 fra kommunens aftaler hos den " \
               "centrale tjeneste, opgjort" in ratio
        assert "0 fra denne enhed; 0 registreret" in ratio
        # Anna's device holds her agreement: the service's copy is not counted again.
        anna_sync.sync()
        third = praktik(anna, employer.id, "Kim Lund", "0303934567", start=soon)
        ratio = findings(anna, third, today)["ratio"]
        assert "(1 i forvejen: 0 fra kommunens aftaler" in ratio
        assert "1 fra denne enhed" in ratio
        # Bo's draft syncs; after Anna's next sync it counts for her too, offline after that.
        bo_sync.sync()
        anna_sync.sync()
        assert "(2 i forvejen: 1 fra kommunens aftaler" in findings(anna, third, today)["ratio"]
    finally:
        for store, engine in ((anna, anna_sync), (bo, bo_sync)):
            engine.close()
            store.close()


SHORTER = {
    "effective_from": "2026-03-01",
    "based_on": "2026-02-01",
    "name": "Prøveregler: praktik højst 2 uger for dagpengemodtagere",
    "source": "Testens regelsæt, offentliggjort af den centrale tjeneste.",
    "provisional": True,
    "types": {"virksomhedspraktik": {"max_duration": {"dagpenge": "weeks:2"}}},
}


@pytest.fixture
def private_server(tmp_path: Path):
    """A service of its own: rule sets are published to every municipality."""
    with ServerProcess.sqlite(tmp_path / "own") as server:
        yield server


def test_a_published_rule_set_changes_a_finding_after_one_sync_and_offline_after(
        private_server: ServerProcess, tmp_path: Path):
    code = private_server.new_municipality()
    store, engine = device(private_server, tmp_path / "karen", code, "Karen Jensen")
    with store.write() as s:
        employer = services.create_employer(s, {"cvr": "10000009", "name": "Bageriet ApS",
                                                "postcode": "8000", "ordinary_employees": 40})
    agreement = praktik(store, employer.id, "Ib Skov", "0101901234",
                        end=START + dt.timedelta(weeks=4, days=-1))
    assert "max_duration" not in findings(store, agreement)

    path = tmp_path / "regler.json"
    path.write_text(json.dumps(SHORTER, ensure_ascii=False), "utf-8")
    out = private_server.admin("rules", "publish", str(path))
    assert "(foreløbigt) gældende fra 2026-03-01 er offentliggjort som version 1" in out
    assert "max_duration" not in findings(store, agreement)  # not before the device syncs

    report = engine.sync()
    assert report.rulesets == [f"{SHORTER['name']} (2026-03-01, version 1)"]
    assert report.refused_rulesets == []
    after = findings(store, agreement)
    assert "max_duration" in after and "Foreløbig regel" in after["max_duration"]
    with store.write() as s:  # the agreement records the set that judges it
        A.update_fields(s, agreement, {"tasks": "Bage brød"})
        reference = A.load(s, agreement).ruleset
    assert reference["origin"] == "published" and reference["version"] == 1
    assert reference["effective_from"] == "2026-03-01" and reference["provisional"] is True
    with store.read() as s:  # the rule book shows the published set
        book = rulebook.book_on(s, START, "virksomhedspraktik")
    assert book.ruleset.name == SHORTER["name"] and "version 1" in book.origin_text
    assert any(e.key == "max_duration" and "2 uger" in e.value for e in book.entries)

    engine.close()
    store.close()
    private_server.stop()
    offline = Store.open(tmp_path / "karen", PASSPHRASE)
    try:
        assert "max_duration" in findings(offline, agreement)
    finally:
        offline.close()


def test_a_rule_set_the_service_did_not_sign_is_refused_and_said_so(
        private_server: ServerProcess, tmp_path: Path):
    """The stored document is changed behind the service's key (2 weeks become 1): the device
    refuses it, names it, and judges by the rules it had."""
    code = private_server.new_municipality()
    store, engine = device(private_server, tmp_path / "karen", code, "Karen Jensen")
    try:
        with store.write() as s:
            employer = services.create_employer(s, {"cvr": "10000009", "name": "Bageriet",
                                                    "postcode": "8000",
                                                    "ordinary_employees": 40})
        agreement = praktik(store, employer.id, "Ib Skov", "0101901234",
                            end=START + dt.timedelta(weeks=4, days=-1))
        path = tmp_path / "regler.json"
        path.write_text(json.dumps(SHORTER, ensure_ascii=False), "utf-8")
        private_server.admin("rules", "publish", str(path))
        _, write = db.make_engines(private_server.database_url)
        with write.begin() as conn:
            text = conn.execute(ruleset_table.select()).one().document
            conn.execute(update(ruleset_table).values(
                document=text.replace("weeks:2", "weeks:1")))
        write.dispose()
        report = engine.sync()
        assert report.rulesets == []
        [reason] = report.refused_rulesets
        assert "2026-03-01 v1 bruges ikke" in reason and "underskriften passer ikke" in reason
        assert "max_duration" not in findings(store, agreement)
        with store.read() as s:  # and the rule book says why
            assert rulebook.book_on(s, START).refused == (reason,)
        # A refused set is asked for again at every sync (a refusal may pass: the service's
        # document repaired, a newer program): here the service's copy is put right.
        report = engine.sync()
        assert report.rulesets == [] and report.refused_rulesets == [reason]
        with write.begin() as conn:
            conn.execute(update(ruleset_table).values(document=text))
        write.dispose()
        report = engine.sync()
        assert report.refused_rulesets == [] and len(report.rulesets) == 1
        assert "max_duration" in findings(store, agreement)
        with store.read() as s:  # the old refusal is no longer shown
            assert rulebook.book_on(s, START).refused == ()
    finally:
        engine.close()
        store.close()


def test_publish_refuses_a_file_that_is_not_a_usable_rule_set(private_server: ServerProcess,
                                                              tmp_path: Path):
    from sync.server_cli import main
    path = tmp_path / "forkert.json"
    broken = {**SHORTER, "types": {"virksomhedspraktik": {"rules": ["ratio", "moon_phase"]}}}
    path.write_text(json.dumps(broken), "utf-8")
    assert main(["--database-url", private_server.database_url, "rules", "publish",
                 str(path)]) == 1
    path.write_text("{ not json", "utf-8")
    assert main(["--database-url", private_server.database_url, "rules", "publish",
                 str(path)]) == 1
    assert "Ingen regelsæt" in private_server.admin("rules", "list")
