"""What the rules learn from a real profile: persons already placed at the workplace (the
central figure plus this device's unsynced agreements), the citizen's birth date, last
employer and unemployment, and the rimelighedskrav judged through the agreement service."""

from __future__ import annotations

import datetime as dt

import pytest

from consultant_app import services
from consultant_app.store.models import PlacementAgreement
from forms import agreements as A
from forms import facts as F

D = dt.date
START = D(2026, 3, 2)


@pytest.fixture
def place(store):
    """Two workplaces of one company (same CVR, two P-numbers), a third company without a
    P-number, and a citizen."""
    with store.write() as s:
        main = services.create_employer(s, {
            "cvr": "10000009", "p_number": "1000000001", "name": "Bageriet Aps",
            "address": "Hovedgaden 1", "postcode": "8000", "ordinary_employees": 5,
            "subsidised_persons": 0})
        branch = services.create_employer(s, {
            "cvr": "10000009", "p_number": "1000000002", "name": "Bageriet Aps, Viby",
            "postcode": "8260", "ordinary_employees": 20, "subsidised_persons": 2})
        other = services.create_employer(s, {
            "cvr": "10000017", "name": "Uden P ApS", "postcode": "8000",
            "ordinary_employees": 3, "subsidised_persons": 1})
        citizen = services.create_citizen(s, {
            "name": "Ali Hansen", "cpr": "0101901234", "target_group": "dagpenge",
            "unemployed_since": "2025-01-10", "last_employer_cvr": "10000025"})
        return {"main": main.id, "branch": branch.id, "other": other.id,
                "citizen": citizen.id}


def _draft(store, employer_id: str, citizen_id: str | None = None,
           start: dt.date = START) -> str:
    with store.write() as s:
        doc = A.create_draft(s, "virksomhedspraktik", employer_id, citizen_id=citizen_id,
                             today=D(2026, 2, 20))
        A.update_fields(s, doc.id, {"start_date": start.isoformat()})
        return doc.id


def _other(store, employer_id: str, agreement_type: str = "loentilskud_privat",
           start: dt.date = D(2026, 2, 1), end: dt.date | None = D(2026, 7, 31),
           version: int = 0, deleted: bool = False) -> str:
    """Another agreement on this device, written as its record (løntilskud's template may not
    exist yet; the count reads only the record's columns)."""
    with store.write() as s:
        record = PlacementAgreement(agreement_type=agreement_type, employer_id=employer_id,
                                    status="signed", start_date=start, end_date=end,
                                    version=version, deleted=deleted)
        s.add(record)
        s.flush()
        return record.id


def _facts(store, agreement_id: str, today: dt.date = D(2026, 2, 20)):
    with store.read() as s:
        doc = A.load(s, agreement_id)
        return F.gather(s, doc.record, doc.values, today)


def test_citizen_facts_come_from_the_record_and_the_cpr(store, place):
    facts = _facts(store, _draft(store, place["main"], place["citizen"]))
    assert facts.citizen_birth_date == D(1990, 1, 1)
    assert facts.citizen_last_employer_cvr == "10000025"
    assert facts.citizen_unemployed_since == D(2025, 1, 10)
    assert facts.today == D(2026, 2, 20)


def test_already_placed_is_the_registered_figure_plus_this_devices_agreements(store, place):
    this = _draft(store, place["main"])
    assert _facts(store, this).already_placed == 0
    _other(store, place["main"])                                      # counted
    _other(store, place["main"], "virksomhedspraktik", start=START)  # counted: starts that day
    _other(store, place["main"], "loentilskud_offentlig", end=None)  # counted: open-ended
    _other(store, place["main"], version=3)                          # synced: still counted here
    _other(store, place["main"], deleted=True)                       # deleted
    _other(store, place["main"], "mentor")                           # not a counted type
    _other(store, place["main"], end=D(2026, 3, 1))                  # ended the day before
    _other(store, place["main"], start=D(2026, 3, 3))                # starts the day after
    _other(store, place["branch"])                                   # another P-number
    facts = _facts(store, this)
    assert (facts.already_placed, facts.placed_local, facts.placed_registered) == (4, 4, 0)
    assert facts.placements_as_of is None  # never synced: the device alone
    # per CVR: both workplaces, with the branch's registered figure of 2
    assert facts.already_placed_cvr == 4 + 1 + 2
    with store.write() as s:
        services.update_employer(s, place["main"], {"subsidised_persons": 4})
    assert _facts(store, this).already_placed == 8


def test_the_agreement_itself_is_not_counted_and_a_deleted_draft_drops_out(store, place):
    this = _draft(store, place["main"])
    other_draft = _draft(store, place["main"])
    assert _facts(store, this).already_placed == 1
    assert _facts(store, other_draft).already_placed == 1
    with store.write() as s:
        A.delete_draft(s, other_draft)
    assert _facts(store, this).already_placed == 0


def test_without_a_p_number_the_workplace_is_the_cvr(store, place):
    this = _draft(store, place["other"])
    _other(store, place["other"])
    facts = _facts(store, this)
    assert facts.already_placed == 1 + 1
    assert facts.already_placed_cvr == 1 + 1


def test_an_unsynced_local_agreement_tips_the_ratio_until_it_is_synced(store, place):
    """5 ordinary employees allow 1 person: this praktik alone is fine; with another
    agreement on this device at the same P-number it is a warning to acknowledge."""
    this = _draft(store, place["main"], place["citizen"])
    with store.read() as s:
        assert "ratio" not in {f.rule for f in A.check(s, this, today=D(2026, 2, 20)).findings}
    other = _other(store, place["main"])
    with store.read() as s:
        check = A.check(s, this, today=D(2026, 2, 20))
        [ratio] = [f for f in check.findings if f.rule == "ratio"]
        assert ratio.severity == "warning" and ratio.field == "ordinary_employees"
        assert "højst 1 være" in str(ratio.message) and "bliver det 2" in str(ratio.message)
        assert ratio in check.open_warnings
    with store.write() as s:
        A.acknowledge(s, this, "ratio:ordinary_employees",
                      "Virksomheden ansætter en ny medarbejder 1. marts.")
    with store.read() as s:
        assert A.check(s, this, today=D(2026, 2, 20)).open_warnings == []
    with store.write() as s:  # delivered: still this device's agreement, still counted
        s.get(PlacementAgreement, other).version = 1
    with store.read() as s:
        [ratio] = [f for f in A.check(s, this, today=D(2026, 2, 20)).findings
                   if f.rule == "ratio"]
        assert "ikke hentet dem fra den centrale tjeneste" in str(ratio.message)


def _municipal(store, *periods, as_of="2026-02-19T08:30:00Z"):
    """The central service's answer as the sync keeps it (sync.protocol.PlacementsResponse)."""
    with store.write() as s:
        F.save_placements(s, {"as_of": as_of, "placements": [
            {"p_number": p, "cvr": cvr, "agreement_type": "virksomhedspraktik",
             "start_date": start, "end_date": end, "ref": ref}
            for p, cvr, start, end, ref in periods]})


def test_the_municipalitys_placements_count_without_the_ones_this_device_holds(store, place):
    """A colleague's placement at the P-number (from the service) counts; the service's copy
    of an agreement this device holds does not count twice; the CVR count takes every
    workplace of the company."""
    this = _draft(store, place["main"])
    mine = _other(store, place["main"], version=2)
    _municipal(store,
               ("1000000001", "10000009", "2026-02-01", "2026-05-01", "colleague-1"),
               ("1000000001", "10000009", "2026-02-01", None, F.placement_ref(mine)),
               ("1000000001", "10000009", "2026-01-01", "2026-03-01", "ended-before"),
               ("1000000001", "10000009", "2026-02-01", None, F.placement_ref(this)),
               ("1000000002", "10000009", "2026-03-01", "2026-04-01", "branch"))
    facts = _facts(store, this)
    assert (facts.placed_municipal, facts.placed_local, facts.placed_registered) == (1, 1, 0)
    assert facts.already_placed == 2
    assert facts.already_placed_cvr == 2 + 1 + 2  # the branch: 1 from the service, 2 registered
    assert facts.placements_as_of == dt.datetime(2026, 2, 19, 8, 30, tzinfo=dt.UTC)
    with store.read() as s:
        [ratio] = [f for f in A.check(s, this, today=D(2026, 2, 20)).findings
                   if f.rule == "ratio"]
    text = str(ratio.message)
    assert "bliver det 3 fuldtidspersoner (2 i forvejen: 1 fra kommunens aftaler" in text
    assert "opgjort 19.02.2026 kl. 09:30; 1 fra denne enhed; 0 registreret" in text


def test_praktik_at_the_last_employer_blocks_signing(store, place):
    with store.write() as s:
        services.update_citizen(s, place["citizen"], {"last_employer_cvr": "10000009"})
    this = _draft(store, place["main"], place["citizen"])
    with store.read() as s:
        errors = A.check(s, this, today=D(2026, 2, 20)).errors
    assert ("not_last_employer", "employer_cvr") in {(f.rule, f.field) for f in errors}


def test_gather_on_a_demo_profile_counts_per_workplace(demo_store):
    from sqlalchemy import select

    from consultant_app.store.models import Employer
    with demo_store.read() as s:
        employer = s.scalars(select(Employer).where(Employer.p_number.is_not(None))
                             .order_by(Employer.id)).first()
        expected = employer.subsidised_persons
        employer_id = employer.id
    this = _draft(demo_store, employer_id)
    assert _facts(demo_store, this).already_placed == expected


def test_the_records_stand_in_for_fields_left_empty(store, place):
    """Without a P-number or CPR in the content, the employer's and citizen's records give
    them."""
    this = _draft(store, place["main"], place["citizen"])
    _other(store, place["main"])
    with store.write() as s:
        A.update_fields(s, this, {"employer_p_number": "", "citizen_cpr": ""})
    with store.read() as s:
        doc = A.load(s, this)
        assert "employer_p_number" not in doc.values and "citizen_cpr" not in doc.values
    facts = _facts(store, this)
    assert facts.already_placed == 1
    assert facts.citizen_birth_date == D(1990, 1, 1)
