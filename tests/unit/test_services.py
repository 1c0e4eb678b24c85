"""Services: validation names the field in Danish; each change is whole or not at all."""

import datetime as dt

import pytest
from sqlalchemy import select

from consultant_app import services as sv
from consultant_app.errors import NotFound, ValidationError
from consultant_app.store.models import Employer, MatchEvent


def problems(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {p.field: str(p.message) for p in exc.value.problems}


def test_every_bad_field_is_reported_at_once(store):
    with pytest.raises(ValidationError) as exc, store.write() as s:
        sv.create_employer(s, {"cvr": "12345678", "name": "", "postcode": "9999",
                               "phone": "123", "ordinary_employees": "mange",
                               "employees_as_of": "31-02-2026"})
    found = problems(exc)
    assert set(found) == {"cvr", "name", "postcode", "phone", "ordinary_employees",
                          "employees_as_of"}
    assert found["name"] == "Skal udfyldes."
    assert "mange" in found["ordinary_employees"]
    assert "31-02-2026" in found["employees_as_of"]


def test_unknown_fields_are_refused_by_name(store):
    with pytest.raises(ValidationError) as exc, store.write() as s:
        sv.create_employer(s, {"cvr": "25313763", "name": "X", "antal": "3"})
    assert "antal" in problems(exc)


def test_danish_numbers_and_dates_are_understood(store):
    with store.write() as s:
        e = sv.create_employer(s, {"cvr": "25313763", "name": "X", "ordinary_employees": "12,5",
                                   "employees_as_of": "1.10.2026", "postcode": "2100"})
    assert (e.ordinary_employees, e.employees_as_of, e.town) == (
        12.5, dt.date(2026, 10, 1), "København Ø")


@pytest.mark.parametrize("typed, value", [
    ("48.000", 48000), ("1.250.000", 1250000), ("48.000,50", 48000.5), ("48 000", 48000),
    ("37.5", 37.5), ("12,5", 12.5), ("1.5", 1.5), ("-2.000", -2000),
])
def test_a_point_before_groups_of_three_digits_is_a_thousands_point(typed, value):
    from consultant_app.services.fields import number
    assert number()(typed, "x") == value


def test_the_same_workplace_cannot_be_created_twice(store):
    with store.write() as s:
        sv.create_employer(s, {"cvr": "25313763", "p_number": "1012345678", "name": "A"})
        sv.create_employer(s, {"cvr": "25313763", "p_number": "1012345679", "name": "A, afd. 2"})
    with pytest.raises(ValidationError, match="allerede en virksomhed med CVR 25313763 og P"):
        with store.write() as s:
            sv.create_employer(s, {"cvr": "25313763", "p_number": "1012345678", "name": "B"})


def test_a_deleted_employer_frees_its_cvr_and_cannot_be_edited(store):
    with store.write() as s:
        e = sv.create_employer(s, {"cvr": "25313763", "name": "A"})
        sv.delete_employer(s, e.id)
        sv.create_employer(s, {"cvr": "25313763", "name": "A igen"})
    with pytest.raises(NotFound), store.write() as s:
        sv.update_employer(s, e.id, {"name": "B"})


def test_a_vacancy_that_starts_with_few_hours_needs_both_ends(store):
    with store.write() as s:
        e = sv.create_employer(s, {"cvr": "25313763", "name": "A"})
    with pytest.raises(ValidationError) as exc, store.write() as s:
        sv.create_vacancy(s, e.id, {"title": "Opvasker", "starts_with_few_hours": "ja",
                                    "hours_min": "8"})
    assert "hours_max" in problems(exc)
    with pytest.raises(ValidationError) as exc, store.write() as s:
        sv.create_vacancy(s, e.id, {"title": "Opvasker", "hours_min": "20", "hours_max": "8"})
    assert "hours_min" in problems(exc)
    with store.write() as s:
        v = sv.create_vacancy(s, e.id, {"title": "Opvasker", "kind": "Småjob / ordinære timer",
                                        "starts_with_few_hours": "ja", "hours_min": "8",
                                        "hours_max": "20", "requirements": "Kørekort B; standing"})
    assert (v.kind, v.requirements) == ("smajob", ["driving_licence_b", "standing"])


def test_a_citizen_needs_a_known_target_group(store):
    with pytest.raises(ValidationError) as exc, store.write() as s:
        sv.create_citizen(s, {"name": "A", "target_group": "pensionist"})
    assert "target_group" in problems(exc)


def test_the_same_cpr_cannot_belong_to_two_citizens(store):
    with store.write() as s:
        sv.create_citizen(s, {"name": "A", "cpr": "010190-1234", "target_group": "dagpenge"})
    with pytest.raises(ValidationError, match="010190-XXXX"), store.write() as s:
        sv.create_citizen(s, {"name": "B", "cpr": "0101901234", "target_group": "dagpenge"})


def test_a_follow_up_cannot_precede_its_visit(store):
    with store.write() as s:
        e = sv.create_employer(s, {"cvr": "25313763", "name": "A"})
    with pytest.raises(ValidationError) as exc, store.write() as s:
        sv.log_visit(s, e.id, {"visit_date": "2026-11-10", "follow_up_date": "2026-11-01"})
    assert "follow_up_date" in problems(exc)
    with store.write() as s:
        v = sv.log_visit(s, e.id, {"notes": "God snak om småjob"})
    assert v.visit_date == dt.date.today() and v.consultant == "Test Konsulent"


def test_a_match_moves_through_the_pipeline_with_its_history(store):
    with store.write() as s:
        e = sv.create_employer(s, {"cvr": "25313763", "name": "A"})
        v = sv.create_vacancy(s, e.id, {"title": "Opvasker"})
        c = sv.create_citizen(s, {"name": "B", "target_group": "dagpenge"})
        m = sv.propose_match(s, v.id, c.id)
    with pytest.raises(ValidationError, match="allerede foreslået"), store.write() as s:
        sv.propose_match(s, v.id, c.id)
    with store.write() as s:
        sv.move_match(s, m.id, "interview")
    with pytest.raises(ValidationError, match="hvorfor"), store.write() as s:
        sv.move_match(s, m.id, "declined")
    with store.write() as s:
        sv.move_match(s, m.id, "declined", note="Fik andet job")
        history = [(e.from_status, e.to_status, e.note) for e in sv.match_history(s, m.id)]
    assert history == [("", "proposed", ""), ("proposed", "interview", ""),
                       ("interview", "declined", "Fik andet job")]
    with store.write() as s:  # declined matches may be proposed again
        sv.propose_match(s, v.id, c.id)
        assert len(list(s.scalars(select(MatchEvent)))) == 4


def test_edits_change_only_what_was_given(store):
    with store.write() as s:
        e = sv.create_employer(s, {"cvr": "25313763", "name": "A", "industry": "Lager",
                                   "postcode": "8000"})
        sv.update_employer(s, e.id, {"postcode": "2100"})
    with store.read() as s:
        again = s.get(Employer, e.id)
    assert (again.industry, again.postcode, again.town) == ("Lager", "2100", "København Ø")


def test_too_long_text_and_blank_required_fields_are_refused_with_their_limits(store):
    with pytest.raises(ValidationError) as exc, store.write() as s:
        sv.create_employer(s, {"cvr": "25313763", "name": "x" * 201, "address": "   "})
    assert problems(exc) == {"name": "Må højst være 200 tegn (er 201)."}
    with pytest.raises(ValidationError) as exc, store.write() as s:
        sv.create_citizen(s, {"name": "   ", "target_group": ""})
    assert problems(exc) == {"name": "Skal udfyldes.", "target_group": "Skal udfyldes."}


def test_a_search_of_only_punctuation_finds_nothing_and_does_not_fail(store):
    from consultant_app.search import search
    with store.read() as s:
        assert search(s, '"*-()') == [] and search(s, "") == []


def test_a_validation_error_survives_pickling_with_its_problems():
    import pickle

    from consultant_app.errors import Problem
    error = ValidationError([Problem.of("cvr", "Skal udfyldes."),
                             Problem.of("name", "Må højst være {max} tegn.", max=200)])
    again = pickle.loads(pickle.dumps(error))
    assert [p.field for p in again.problems] == ["cvr", "name"]
    assert str(again.message) == str(error.message)
