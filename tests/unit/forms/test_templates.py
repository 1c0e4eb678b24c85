"""The shipped agreement templates: they parse, use the standard field keys the rules read
with the same kinds everywhere, point vacancy kinds to types, and fill on a demo profile."""

from __future__ import annotations

import pytest

from consultant_app.domain import VACANCY_KINDS
from forms import agreements as A
from forms.templates import TYPE_ORDER, agreement_types, all_templates, get_template
from tests.support.samples import filled_agreement, seeded_profile


# The kind every standard key has wherever a template uses it (forms/templates.py docstring).
STANDARD_KINDS = {
    "start_date": "date", "end_date": "date", "hours_per_week": "hours",
    "final_hours_per_week": "hours", "target_group": "choice", "employer_cvr": "cvr",
    "employer_p_number": "p_number", "ordinary_employees": "number",
    "normal_full_time_hours": "hours", "employees_last_month": "number",
    "employees_avg_12_months": "number", "vacated_by_dismissal": "bool",
    "unemployed_since": "date", "unemployment_exemption": "choice", "wage_per_hour": "money",
    "subsidy_per_hour": "money", "subsidy_last_12_months": "money", "total_wage_cost": "money",
    "tr_name": "text", "tr_statement": "multiline", "citizen_cpr": "cpr",
    "school_weeks": "integer",
}

# What the rules need from each type (forms/data/rulesets: which rules apply to it).
NEEDED = {
    "loentilskud_privat": {"ordinary_employees", "employees_last_month",
                           "employees_avg_12_months", "vacated_by_dismissal",
                           "unemployed_since", "unemployment_exemption", "wage_per_hour",
                           "subsidy_per_hour", "subsidy_last_12_months", "total_wage_cost",
                           "tr_name", "tr_statement", "target_group", "end_date"},
    "loentilskud_offentlig": {"ordinary_employees", "employees_last_month",
                              "employees_avg_12_months", "vacated_by_dismissal",
                              "target_group", "wage_per_hour", "end_date"},
    "virksomhedspraktik": {"ordinary_employees", "target_group", "end_date",
                           "normal_full_time_hours", "unemployed_since"},
    "ordinaere_timer": {"hours_per_week", "normal_full_time_hours", "wage_per_hour"},
    # the mentor's hours are not the citizen's working hours, so not hours_per_week
    "mentor": {"start_date", "end_date", "target_group"},
    "fleksjob": {"target_group", "hours_per_week", "normal_full_time_hours"},
    "igu": {"school_weeks", "citizen_cpr", "start_date", "end_date", "hours_per_week"},
}


def test_every_type_is_shipped_in_the_wizards_order():
    assert agreement_types() == list(TYPE_ORDER)
    # the newest of each; mentor's second version corrects its legal basis (below)
    assert {t.type: t.version for t in all_templates()} == {
        **{name: 1 for name in TYPE_ORDER}, "mentor": 2, "fleksjob": 2}


@pytest.mark.parametrize("agreement_type", TYPE_ORDER)
def test_standard_keys_have_one_kind_everywhere(agreement_type):
    template = get_template(agreement_type)
    for key, kind in STANDARD_KINDS.items():
        if key in template.fields_by_key:
            assert template.field(key).kind == kind, (agreement_type, key)
    for key in ("start_date", "citizen_cpr", "employer_cvr", "employer_p_number",
                "employer_name", "contact_name", "consultant_name"):
        assert key in template.fields_by_key, (agreement_type, key)
    assert NEEDED[agreement_type] <= set(template.fields_by_key)


def test_unemployment_fields_prefill_from_the_citizen_and_use_the_vocabulary():
    template = get_template("loentilskud_privat")
    assert template.field("unemployed_since").prefill == "citizen.unemployed_since"
    assert template.field("unemployment_exemption").choices == "unemployment_exemptions"
    assert template.field("vacated_by_dismissal").kind == "bool"


@pytest.mark.parametrize("vacancy_kind, agreement_type", [
    ("ordinary", "ordinaere_timer"), ("smajob", "ordinaere_timer"),
    ("praktik", "virksomhedspraktik"), ("loentilskud", "loentilskud_privat"),
    ("fleksjob", "fleksjob"), ("igu", "igu")])
def test_a_vacancys_kind_suggests_its_agreement_type(vacancy_kind, agreement_type):
    assert A.suggest_type(vacancy_kind) == agreement_type


def test_every_vacancy_kind_points_to_exactly_one_type():
    claimed = [kind for t in all_templates() for kind in t.vacancy_kinds]
    assert sorted(claimed) == sorted(VACANCY_KINDS)


def test_the_employee_representative_signs_a_private_wage_subsidy_only_when_named():
    template = get_template("loentilskud_privat")
    roles = [s.role for s in template.required_signers({})]
    assert roles == ["employer", "citizen", "consultant"]
    roles = [s.role for s in template.required_signers({"tr_name": "Søren Ørsted"})]
    assert roles == ["employer", "employee_representative", "citizen", "consultant"]


@pytest.mark.parametrize("template", all_templates(), ids=lambda t: t.type)
def test_consent_texts_are_plain_danish_confirmations(template):
    for signer in template.signers:
        assert signer.consent.startswith("Jeg bekræfter at") \
            or signer.consent.startswith("Jeg bekræfter på virksomhedens vegne at") \
            or signer.consent.startswith("Jeg bekræfter på arbejdsgiverens vegne at"), \
            signer.consent
        assert signer.consent.endswith(".") and signer.label
    assert template.pdf.title and template.legal_basis and template.pdf.closing


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    store = seeded_profile(tmp_path_factory.mktemp("templates") / "profile")
    yield store
    store.close()


@pytest.mark.parametrize("agreement_type", TYPE_ORDER)
def test_each_type_prefills_from_the_records_and_fills_completely(profile, agreement_type):
    with profile.write() as s:
        doc = filled_agreement(s, agreement_type)
        # what the records gave
        assert doc.values["employer_name"] and doc.values["contact_name"]
        assert doc.values["citizen_cpr"][6] == "-"
        assert doc.values["consultant_name"] == "Karen Sørensen"
        if "normal_full_time_hours" in doc.template.fields_by_key:
            assert doc.values["normal_full_time_hours"] == 37
        check = A.check_doc(s, doc)
        assert not [f for f in check.findings if f.rule == "required"], check.findings
        assert A.load(s, doc.id).values == doc.values


def test_the_mentor_agreement_cites_the_mentor_chapter_of_the_law():
    """Mentor support is LAB (lov nr. 548 af 7. maj 2019) kapitel 26, § 167: "... kan der
    gives mentorstøtte i en periode på højst 6 måneder" (elov.dk, kapitel 26). The first
    template cited "kapitel 15, § 78", which in that law is about wage subsidies, on every
    mentor agreement it printed. A signature binds the template version, so the correction
    is a new version and agreements made on the first keep what they were signed on."""
    from forms.templates import get_template
    newest = get_template("mentor")
    assert newest.version >= 2
    assert "kapitel 26, § 167" in newest.legal_basis and "§ 78" not in newest.legal_basis
    assert "§ 78" not in newest.pdf.intro and "§ 167" in newest.pdf.intro
    assert "§ 78" in get_template("mentor", 1).legal_basis  # as signed on version 1


def test_the_flex_job_agreement_cites_the_flex_job_chapter_of_the_law():
    """Flex jobs are LAB (lov nr. 548 af 7. maj 2019) kapitel 20, "Fleksjob m.v.", from § 116
    (elov.dk, kapitel 20); "kapitel 13" was the chapter of the law before 2019. A new version,
    as for mentor above."""
    from forms.templates import get_template
    newest = get_template("fleksjob")
    assert newest.version >= 2
    assert "kapitel 20" in newest.legal_basis and "kapitel 20" in newest.pdf.intro
    assert "kapitel 13" not in newest.legal_basis + newest.pdf.intro
    assert "kapitel 13" in get_template("fleksjob", 1).legal_basis  # as signed on version 1
