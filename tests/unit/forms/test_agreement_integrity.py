"""An agreement's findings stay honest: a warning's note covers the facts it was written for,
a citizen's overlapping agreements are found, a match never silently gets a second draft, and
the agreement records the rule set that judged it."""

from __future__ import annotations

import datetime as dt

import pytest

from consultant_app import services
from consultant_app.store.models import PlacementAgreement
from forms import agreements as A

D = dt.date
TODAY = D(2026, 2, 20)
START = D(2026, 3, 2)
RATIO = "ratio:ordinary_employees"


@pytest.fixture
def place(store):
    with store.write() as s:
        employer = services.create_employer(s, {
            "cvr": "10000009", "p_number": "1000000001", "name": "Bageriet ApS",
            "postcode": "8000", "ordinary_employees": 5})
        vacancy = services.create_vacancy(s, employer.id, {"title": "Bagermedhjælper"})
        citizen = services.create_citizen(s, {"name": "Ali Hansen", "cpr": "0101901234",
                                              "target_group": "dagpenge"})
        match = services.propose_match(s, vacancy.id, citizen.id)
        return {"employer": employer.id, "vacancy": vacancy.id, "citizen": citizen.id,
                "match": match.id}


def _draft(store, place, agreement_type="virksomhedspraktik", **changes) -> str:
    with store.write() as s:
        doc = A.create_draft(s, agreement_type, place["employer"], citizen_id=place["citizen"],
                             today=TODAY)
        A.update_fields(s, doc.id, {"start_date": START.isoformat(), **changes})
        return doc.id


EARLIER, EARLIER_END = D(2026, 2, 1), D(2026, 3, 15)


def _signed(store, place, agreement_type="virksomhedspraktik", start=EARLIER,
            end=EARLIER_END, citizen=True, status="sealed") -> str:
    """Another agreement of the citizen at the same workplace, signed (its record)."""
    with store.write() as s:
        record = PlacementAgreement(agreement_type=agreement_type,
                                    employer_id=place["employer"],
                                    citizen_id=place["citizen"] if citizen else None,
                                    status=status, start_date=start, end_date=end)
        s.add(record)
        s.flush()
        return record.id


def _check(store, agreement_id):
    with store.read() as s:
        return A.check(s, agreement_id, today=TODAY)


def test_a_note_covers_the_facts_it_was_written_for(store, place):
    """5 employees allow 1; with another placement it is 2: a warning, acknowledged with a
    note. The employee count changes to 4: the same warning, other facts, so the note no longer
    covers it and the agreement is not ready until it is acknowledged again."""
    _signed(store, place, citizen=False)
    this = _draft(store, place)
    assert RATIO in {f.key for f in _check(store, this).open_warnings}
    with store.write() as s:
        A.acknowledge(s, this, RATIO, "En ny bager starter 1. marts.")
    check = _check(store, this)
    assert RATIO not in {f.key for f in check.open_warnings} and check.stale == {}
    with store.write() as s:
        A.update_fields(s, this, {"ordinary_employees": 4})
    check = _check(store, this)
    assert RATIO in {f.key for f in check.open_warnings}
    assert check.stale == {RATIO: "En ny bager starter 1. marts."}
    with store.write() as s:
        A.acknowledge(s, this, RATIO, "To nye bagere starter 1. marts.")
    check = _check(store, this)
    assert RATIO not in {f.key for f in check.open_warnings} and check.stale == {}
    with store.read() as s:  # what the note covers is part of what the parties sign
        assert RATIO in A.signed_payload(A.load(s, this))["acknowledged_facts"]


def test_a_note_stays_valid_when_only_the_count_time_changes(store, place):
    from forms import facts as F
    _signed(store, place, citizen=False)
    this = _draft(store, place)
    with store.write() as s:
        F.save_placements(s, {"as_of": "2026-02-19T08:00:00Z", "placements": []})
        A.acknowledge(s, this, RATIO, "En ny bager starter 1. marts.")
        F.save_placements(s, {"as_of": "2026-02-20T08:00:00Z", "placements": []})
    assert RATIO not in {f.key for f in _check(store, this).open_warnings}


def test_an_overlapping_placement_of_the_same_citizen_is_a_warning(store, place):
    _signed(store, place)  # sealed praktik 1 Feb - 15 Mar; this one starts 2 Mar
    this = _draft(store, place)
    [overlap] = [f for f in _check(store, this).findings if f.rule == "overlap"]
    assert overlap.severity == "warning" and overlap.field == "start_date"
    assert ("Borgeren har allerede en aftale om virksomhedspraktik (forseglet) hos Bageriet ApS "
            "fra 01.02.2026 til 15.03.2026") in str(overlap.message)


def test_mentor_beside_a_placement_is_information_and_what_ended_before_is_nothing(store,
                                                                                  place):
    _signed(store, place, end=D(2026, 3, 1))  # ended the day before
    this = _draft(store, place)
    assert "overlap" not in {f.rule for f in _check(store, this).findings}
    _signed(store, place, "virksomhedspraktik", start=D(2026, 3, 1), end=None,
            status="signed")
    mentor = _draft(store, place, "mentor")
    assert [f.severity for f in _check(store, mentor).findings if f.rule == "overlap"] \
        == ["info"]
    _signed(store, place, start=D(2026, 6, 1), end=D(2026, 7, 1), status="draft")
    assert len([f for f in _check(store, this).findings if f.rule == "overlap"]) == 1


def test_a_new_draft_for_a_match_opens_the_one_it_has(store, place):
    with store.write() as s:
        first = A.create_draft(s, "virksomhedspraktik", place["employer"],
                               vacancy_id=place["vacancy"], citizen_id=place["citizen"],
                               match_id=place["match"], today=TODAY)
        again = A.create_draft(s, "virksomhedspraktik", place["employer"],
                               vacancy_id=place["vacancy"], citizen_id=place["citizen"],
                               match_id=place["match"], today=TODAY)
        other = A.create_draft(s, "mentor", place["employer"], citizen_id=place["citizen"],
                               match_id=place["match"], today=TODAY)
    assert again.id == first.id and again.reopened and not first.reopened
    assert other.id != first.id
    with store.write() as s:
        A.delete_draft(s, first.id)
        fresh = A.create_draft(s, "virksomhedspraktik", place["employer"],
                               match_id=place["match"], citizen_id=place["citizen"],
                               today=TODAY)
    assert fresh.id != first.id and not fresh.reopened


def test_the_agreement_records_the_shipped_rule_set_that_judges_it(store, place):
    this = _draft(store, place)
    with store.read() as s:
        doc = A.load(s, this)
    assert doc.ruleset["origin"] == "shipped" and doc.ruleset["version"] == 0
    assert doc.ruleset["effective_from"] == "2026-02-01" and len(doc.ruleset["sha256"]) == 64
    assert A.signed_payload(doc)["ruleset"] == doc.ruleset


def test_the_pdf_names_the_rule_set_and_its_groups(store, place):
    """A praktik starting in 2027 is judged by the provisional 2027 set: the PDF names the
    target group as that set does (the reform's group) and, on its first and audit pages,
    the set, its origin and hash, and that it is provisional."""
    import io
    import re

    import pypdf

    from forms.pdf import AuditEvent, render_agreement
    with store.write() as s:
        doc = A.create_draft(s, "virksomhedspraktik", place["employer"],
                             citizen_id=place["citizen"], today=TODAY)
        doc = A.update_fields(s, doc.id, {"start_date": "2027-02-01",
                                          "target_group": "kontanthjaelp_jobparat"})
    data = render_agreement(doc, audit=[AuditEvent(dt.datetime(2027, 1, 20, 9, 0), "Oprettet",
                                                   "Test Konsulent", "consultant", "")],
                            content_hash="ab" * 32)
    pages = [re.sub(r"\s+", " ", p.extract_text())
             for p in pypdf.PdfReader(io.BytesIO(data)).pages]
    assert "Jobsøgningsindsats" in " ".join(pages)
    assert "gældende fra 01.01.2027, som programmet har det med" in pages[0]
    assert "foreløbigt regelsæt" in pages[0]
    assert "Regelsæt" in pages[-1] and doc.ruleset["sha256"][:40] in pages[-1].replace(" ", "")
