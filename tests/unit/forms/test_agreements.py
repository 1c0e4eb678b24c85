"""The agreement service: prefilled drafts, edits checked by kind, end date proposed,
acknowledgements, and the frozen content after signing."""

from __future__ import annotations

import datetime as dt

import pytest

from consultant_app.errors import ValidationError
from forms import agreements as A
from forms.templates import all_templates, get_template
from tests.support.bakery import seed_bakery


@pytest.fixture
def parties(store):
    with store.write() as s:
        bakery = seed_bakery(s, dt.date(2026, 3, 2), name="Bageriet Aps")
        return bakery.employer_id, bakery.vacancy_id, bakery.citizen_id


def test_draft_is_prefilled_from_the_records_with_the_end_date_proposed(store, parties):
    employer_id, vacancy_id, citizen_id = parties
    with store.write() as s:
        doc = A.create_draft(s, "virksomhedspraktik", employer_id, vacancy_id=vacancy_id,
                             citizen_id=citizen_id, today=dt.date(2026, 2, 20))
        agreement_id = doc.id
    with store.read() as s:
        doc = A.load(s, agreement_id)
        assert doc.values["employer_name"] == "Bageriet Aps"
        assert doc.values["contact_name"] == "Lone Bager"
        assert doc.values["citizen_cpr"] == "010190-1234"
        assert doc.values["hours_per_week"] == 15
        assert doc.values["start_date"] == dt.date(2026, 3, 2)
        # dagpenge: 4 weeks of praktik, last day included
        assert doc.values["end_date"] == dt.date(2026, 3, 29)
        assert doc.record.end_date == dt.date(2026, 3, 29)
        assert doc.values["normal_full_time_hours"] == 37
        missing = {f.field for f in A.check_doc(s, doc).errors if f.rule == "required"}
        assert missing == {"purpose"}


def test_changing_the_target_group_re_proposes_the_end_date_until_the_consultant_sets_one(
        store, parties):
    employer_id, vacancy_id, citizen_id = parties
    with store.write() as s:
        agreement_id = A.create_draft(s, "virksomhedspraktik", employer_id,
                                      vacancy_id=vacancy_id, citizen_id=citizen_id).id
        doc = A.update_fields(s, agreement_id, {"target_group": "sygedagpenge"})
        assert doc.values["end_date"] == dt.date(2026, 5, 31)  # 13 weeks
        doc = A.update_fields(s, agreement_id, {"end_date": "15-5-2026"})
        doc = A.update_fields(s, agreement_id, {"target_group": "dagpenge"})
        assert doc.values["end_date"] == dt.date(2026, 5, 15)


def test_bad_values_are_all_reported_by_field_and_nothing_is_saved(store, parties):
    employer_id, vacancy_id, citizen_id = parties
    with store.write() as s:
        agreement_id = A.create_draft(s, "virksomhedspraktik", employer_id,
                                      vacancy_id=vacancy_id, citizen_id=citizen_id).id
    with pytest.raises(ValidationError) as err:
        with store.write() as s:
            A.update_fields(s, agreement_id, {"hours_per_week": "mange", "employer_cvr": "123",
                                              "purpose": "Afklaring"})
    assert {p.field for p in err.value.problems} == {"hours_per_week", "employer_cvr"}
    assert "Timer pr. uge: Skal være et tal" in str(err.value.message)  # the template's label
    with store.read() as s:
        assert "purpose" not in A.load(s, agreement_id).values


def test_content_hash_is_stable_and_changes_with_any_field(store, parties):
    employer_id, vacancy_id, citizen_id = parties
    with store.write() as s:
        doc = A.create_draft(s, "virksomhedspraktik", employer_id, vacancy_id=vacancy_id,
                             citizen_id=citizen_id)
        first = A.content_hash(doc)
        assert A.content_hash(A.load(s, doc.id)) == first
        A.set_wizard_step(s, doc.id, 3)  # where the wizard was is not signed content
        assert A.content_hash(A.load(s, doc.id)) == first
        doc = A.update_fields(s, doc.id, {"working_hours": "man-tors 9-13"})
        assert A.content_hash(doc) != first


def test_a_signed_revision_is_frozen_and_a_new_revision_voids_its_signatures(store, parties):
    employer_id, vacancy_id, citizen_id = parties
    from consultant_app.store.models import AgreementSignature
    with store.write() as s:
        doc = A.create_draft(s, "virksomhedspraktik", employer_id, vacancy_id=vacancy_id,
                             citizen_id=citizen_id)
        s.add(AgreementSignature(agreement_id=doc.id, revision=1, content_hash="x" * 64,
                                 role="employer", signer_name="Lone Bager",
                                 identity_check="known", signed_at=dt.datetime(2026, 3, 1)))
        doc.record.status = A.SIGNING
        doc.record.content_hash = "x" * 64
        agreement_id = doc.id
    with pytest.raises(A.AgreementFrozen):
        with store.write() as s:
            A.update_fields(s, agreement_id, {"purpose": "Afklaring"})
    with store.write() as s:
        doc = A.new_revision(s, agreement_id)
        assert doc.record.revision == 2 and doc.record.status == A.DRAFT
        assert A.signatures(s, agreement_id) == []
        assert len(A.signatures(s, agreement_id, revision=1)) == 0  # voided
        A.update_fields(s, agreement_id, {"purpose": "Afklaring"})


def test_every_shipped_template_parses_and_names_its_signers():
    templates = all_templates()
    assert templates, "no templates shipped"
    for template in templates:
        assert template.signers and template.all_fields()
        assert get_template(template.type) is template
