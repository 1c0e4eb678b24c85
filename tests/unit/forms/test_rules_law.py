"""The rules against the law text: each case's expected result is what the cited provision
says (quoted or paraphrased in the docstring), at the boundaries and for every target group
the provision names or leaves out. The sources: LAB = lov om en aktiv beskæftigelsesindsats
(LBK nr. 280 af 1. marts 2024, read on elov.dk); BEK = bekendtgørelse om en aktiv
beskæftigelsesindsats (BEK nr. 2636 af 28. december 2021, elov.dk); IGU = lov om
integrationsgrunduddannelse as amended by L 202 (2020-21). LAB § 6's numbering (1 dagpenge ...
13 under 18) is read from BEK § 1, which numbers the groups the same way.

Where a provision could not be read, the rule set marks the parameter unconfirmed: such a
finding says so and never blocks (an error becomes a warning); those cases are tested as such.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from consultant_app.domain import TARGET_GROUPS
from forms import rules
from forms.rules import ERROR, INFO, WARNING, Facts, Finding, evaluate
from forms.rules.periods import Duration

D = dt.date
TODAY = D(2026, 1, 5)
START = D(2026, 3, 2)  # a Monday, under the 2026-02-01 set (LAB as amended by lov nr. 1750)
ALL = tuple(TARGET_GROUPS)
FOUR_WEEK = ("dagpenge", "kontanthjaelp_jobparat", "uddannelseshjaelp_uddannelsesparat",
             "selvforsoergende")
THIRTEEN_WEEK = tuple(g for g in ALL if g not in FOUR_WEEK)


def weeks(n: int, start: dt.date = START) -> dt.date:
    """The last day of a period of ``n`` weeks from ``start``."""
    return start + dt.timedelta(weeks=n, days=-1)


def of(agreement_type: str, content: dict[str, Any], rule: str, **facts_kw: Any) -> list[Finding]:
    facts = Facts(**{"today": TODAY, **facts_kw})
    return [f for f in evaluate(agreement_type, content, facts) if f.rule == rule]


def one(agreement_type: str, content: dict[str, Any], rule: str, **facts_kw: Any) -> Finding:
    [finding] = of(agreement_type, content, rule, **facts_kw)
    return finding


def unconfirmed(finding: Finding) -> bool:
    return not finding.confirmed and "Ubekræftet" in str(finding.message)


# -- virksomhedspraktik: who ----------------------------------------------------------------
@pytest.mark.parametrize("group", ALL)
def test_every_target_group_may_take_praktik(group):
    """LAB § 57, stk. 1: "Personer omfattet af § 6, som kun vanskeligt kan opnå eller fastholde
    beskæftigelse ..., kan få tilbud om virksomhedspraktik": every § 6 group, selvforsørgende
    (nr. 12) and under 18 (nr. 13) included."""
    assert of("virksomhedspraktik", {"start_date": START, "target_group": group},
              "target_group_allowed") == []


# -- virksomhedspraktik: how long ------------------------------------------------------------
@pytest.mark.parametrize("group", FOUR_WEEK)
def test_4_week_praktik_is_a_ladder_of_warnings_never_a_wall(group):
    """LAB § 61: 4 weeks for dagpenge, jobparate, uddannelsesparate and jobparate
    selvforsørgende (stk. 1, nr. 1; unconfirmed: the list was not readable); up to 13 weeks
    for those with little work experience or long unemployment (stk. 1, nr. 2); stk. 2: "For
    personer omfattet af stk. 1, nr. 2, kan perioden efter en konkret vurdering forlænges op
    til 26 uger" and beyond by "op til 13 uger ad gangen" where the need is "helt særligt".
    So past 4 weeks is a warning with a note at every step, not an error."""
    content = {"start_date": START, "target_group": group}
    assert of("virksomhedspraktik", {**content, "end_date": weeks(4)}, "max_duration") == []
    assert rules.proposed_end_date("virksomhedspraktik", group, START) == weeks(4)
    steps = [(weeks(4) + dt.timedelta(days=1), "max_duration_exception"),
             (weeks(13), "max_duration_exception"),
             (weeks(13) + dt.timedelta(days=1), "max_duration_extension"),
             (weeks(26), "max_duration_extension"),
             (weeks(26) + dt.timedelta(days=1), "max_duration_beyond"),
             (weeks(60), "max_duration_beyond")]
    for end, cite in steps:
        finding = one("virksomhedspraktik", {**content, "end_date": end}, "max_duration")
        assert (finding.severity, finding.cite) == (WARNING, cite), end
    exception = one("virksomhedspraktik", {**content, "end_date": weeks(13)}, "max_duration")
    assert "erhvervserfaring" in str(exception.message) and unconfirmed(exception)


@pytest.mark.parametrize("group", THIRTEEN_WEEK)
def test_13_week_praktik_extends_to_26_then_13_weeks_at_a_time(group):
    """LAB § 61, stk. 2 (read): the 13-week groups may be extended to 26 weeks after a
    concrete assessment, and beyond 26 "yderligere med op til 13 uger ad gangen" where the
    need is "helt særligt": warnings citing the confirmed stk. 2, never an error."""
    content = {"start_date": START, "target_group": group}
    assert of("virksomhedspraktik", {**content, "end_date": weeks(13)}, "max_duration") == []
    extended = one("virksomhedspraktik", {**content, "end_date": weeks(26)}, "max_duration")
    assert extended.severity == WARNING and extended.citation.text() == "LAB § 61, stk. 2"
    assert extended.confirmed and "26 uger" in str(extended.message)
    beyond = one("virksomhedspraktik", {**content, "end_date": weeks(26) + dt.timedelta(days=1)},
                 "max_duration")
    assert beyond.severity == WARNING and beyond.confirmed
    assert "13 uger ad gangen" in str(beyond.message) and "helt særligt" in str(beyond.message)


def test_there_is_no_8_week_praktik_for_50_plus_long_unemployed():
    """LAB § 61 has no 50+/12-months rule (that was the senior løntilskud, § 80 a, which ended
    31 December 2022): a 50-year-old dagpenge recipient unemployed for two years gets the
    4-week rule's warning at 6 weeks like anyone else."""
    content = {"start_date": START, "target_group": "dagpenge", "end_date": weeks(6),
               "unemployed_since": D(2024, 1, 1)}
    finding = one("virksomhedspraktik", content, "max_duration", citizen_birth_date=D(1970, 1, 1))
    assert (finding.severity, finding.cite) == (WARNING, "max_duration_exception")


def test_8_weeks_for_dimittender_on_dagpenge_is_an_unconfirmed_trial():
    """Bekendtgørelse om forsøg på beskæftigelsesområdet (STAR 12.5.2021): dagpenge
    recipients on dimittend terms with a higher education may have up to 8 weeks, as a trial
    from 16 May 2021 for 18 months; that it is still in force was not confirmed, so within 8
    weeks it is an info that says so. Only dagpenge (the trial's group)."""
    content = {"start_date": START, "target_group": "dagpenge", "dimittend": True}
    info = one("virksomhedspraktik", {**content, "end_date": weeks(8)}, "max_duration")
    assert info.severity == INFO and unconfirmed(info)
    after = one("virksomhedspraktik", {**content, "end_date": weeks(8) + dt.timedelta(days=1)},
                "max_duration")
    assert after.cite == "max_duration_exception"
    jobparat = one("virksomhedspraktik", {**content, "target_group": "kontanthjaelp_jobparat",
                                          "end_date": weeks(8)}, "max_duration")
    assert jobparat.cite == "max_duration_exception"


# -- virksomhedspraktik: hours, last employer ------------------------------------------------
def test_praktik_hours_within_the_workplaces_normal_full_time():
    """BEK § 60, stk. 5: "Deltagelse i virksomhedspraktik skal ligge inden for virksomhedens
    normale arbejdstid og må ikke have et omfang, der overstiger normal, fuld arbejdstid pr.
    uge." (37 hours when the workplace's full time is not given is the program's default.)"""
    base = {"start_date": START, "target_group": "dagpenge"}
    assert of("virksomhedspraktik", {**base, "hours_per_week": 37}, "hours_within_full_time") == []
    over = one("virksomhedspraktik", {**base, "hours_per_week": 37.5}, "hours_within_full_time")
    assert over.severity == ERROR and over.citation.text() == "BEK § 60, stk. 5"
    assert of("virksomhedspraktik", {**base, "hours_per_week": 39, "normal_full_time_hours": 39},
              "hours_within_full_time") == []
    final = one("virksomhedspraktik", {**base, "hours_per_week": 10, "final_hours_per_week": 38},
                "hours_within_full_time")
    assert final.field == "final_hours_per_week"


LAST = {"employer_cvr": "10000009"}


@pytest.mark.parametrize("group", ["dagpenge", "kontanthjaelp_jobparat",
                                   "uddannelseshjaelp_uddannelsesparat"])
def test_praktik_at_the_last_employer_is_barred_for_the_groups_bek_61_2_names(group):
    """BEK § 61, stk. 2: for § 1, nr. 1, 2, 4 (and jobparate nr. 12) praktik "kan ikke tilbydes
    i den virksomhed, hvor personen senest har været ansat, herunder hvis ansættelsen har været
    med offentligt tilskud": an error, for them only."""
    content = {"start_date": START, "target_group": group, **LAST}
    finding = one("virksomhedspraktik", content, "not_last_employer",
                  citizen_last_employer_cvr="10000009")
    assert finding.severity == ERROR and finding.citation.text() == "BEK § 61, stk. 2"
    assert of("virksomhedspraktik", content, "not_last_employer",
              citizen_last_employer_cvr="10000017") == []


def test_jobparate_selvforsoergende_are_barred_which_the_agreement_cannot_tell():
    """BEK § 61, stk. 2 bars "nr. 12, som er jobparate": the agreement does not say whether a
    selvforsørgende citizen is jobparat, so a warning to note, not an error."""
    finding = one("virksomhedspraktik", {"start_date": START, "target_group": "selvforsoergende",
                                         **LAST}, "not_last_employer",
                  citizen_last_employer_cvr="10000009")
    assert finding.severity == WARNING and "jobparat" in str(finding.message)


@pytest.mark.parametrize("group", ["sygedagpenge", "jobafklaring"])
def test_sick_and_jobafklaring_may_return_to_the_same_function(group):
    """BEK § 61, stk. 4: § 1, nr. 6 and 7 not in employment, who agree, "kan ... tilbydes
    virksomhedspraktik i denne virksomhed i samme arbejdsfunktion": an info, not a wall."""
    finding = one("virksomhedspraktik", {"start_date": START, "target_group": group, **LAST},
                  "not_last_employer", citizen_last_employer_cvr="10000009")
    assert finding.severity == INFO and finding.citation.text() == "BEK § 61, stk. 4"


@pytest.mark.parametrize("group", ["kontanthjaelp_aktivitetsparat",
                                   "uddannelseshjaelp_aktivitetsparat", "ressourceforloeb",
                                   "fleksjob_visiteret", "revalidering", "foertidspension",
                                   "under_18"])
def test_other_groups_may_return_in_a_new_work_function(group):
    """BEK § 61, stk. 3: other groups "kan efter en konkret vurdering tilbydes
    virksomhedspraktik på den arbejdsplads, hvor de senest har været ansat, forudsat at
    praktikken ligger inden for en ny arbejdsfunktion"; the difference goes in the agreement."""
    finding = one("virksomhedspraktik", {"start_date": START, "target_group": group, **LAST},
                  "not_last_employer", citizen_last_employer_cvr="10000009")
    assert finding.severity == WARNING and finding.citation.text() == "BEK § 61, stk. 3"
    assert "ny arbejdsfunktion" in str(finding.message)


# -- rimelighedskrav ------------------------------------------------------------------------
def test_the_placed_count_as_full_time_persons():
    """BEK § 65, stk. 2: "Opgørelsen sker som fuldtidspersoner, hvor antallet af personer på
    fuld tid og på deltid skal opgøres som brøkdele af årsværk": a 10-hour praktik is not a
    whole person. 10 ordinary employees allow 2 (stk. 1)."""
    content = {"start_date": START, "target_group": "kontanthjaelp_aktivitetsparat",
               "ordinary_employees": 10}
    assert of("virksomhedspraktik", {**content, "hours_per_week": 37}, "ratio",
              already_placed=1) == []
    assert of("virksomhedspraktik", {**content, "hours_per_week": 18.5}, "ratio",
              already_placed=1.5) == []
    over = one("virksomhedspraktik", {**content, "hours_per_week": 18.6}, "ratio",
               already_placed=1.5)
    assert over.severity == WARNING and "fuldtidspersoner" in str(over.message)
    assert over.citation.text() == "BEK § 65, stk. 1" and over.confirmed


@pytest.mark.parametrize("group", ["sygedagpenge", "jobafklaring"])
def test_no_ratio_for_the_sick_in_praktik_at_their_own_employer(group):
    """BEK § 65, stk. 5: "Stk. 1 gælder ikke for personer, der er omfattet af § 1, nr. 6 og 7,
    når virksomhedspraktikken skal foregå på en virksomhed, hvor personen er ansat." Elsewhere
    they count like anyone."""
    content = {"start_date": START, "target_group": group, "ordinary_employees": 4, **LAST}
    assert of("virksomhedspraktik", content, "ratio", already_placed=1,
              citizen_last_employer_cvr="10000009") == []
    assert len(of("virksomhedspraktik", content, "ratio", already_placed=1,
                  citizen_last_employer_cvr="10000017")) == 1
    assert len(of("virksomhedspraktik", {**content, "target_group": "dagpenge"}, "ratio",
                  already_placed=1, citizen_last_employer_cvr="10000009")) == 1


def test_the_employer_and_tr_state_in_writing_that_the_ratio_holds():
    """BEK § 65, stk. 6: before the praktik is established there must be a written statement
    from the employer and a TR at the P-number on whether the conditions are met."""
    content = {"start_date": START, "target_group": "dagpenge"}
    assert of("virksomhedspraktik", content, "ratio_statement") == []
    finding = one("virksomhedspraktik", {**content, "ordinary_employees": 12}, "ratio_statement")
    assert finding.severity == INFO and finding.citation.text() == "BEK § 65, stk. 6"


# -- løntilskud -----------------------------------------------------------------------------
@pytest.mark.parametrize("agreement_type", ["loentilskud_privat", "loentilskud_offentlig"])
@pytest.mark.parametrize("group", ALL)
def test_loentilskud_is_for_every_group_but_fleksjob_visiterede_and_under_18(agreement_type,
                                                                             group):
    """LAB § 66, stk. 1: løntilskud for § 6 "Det gælder dog ikke ... personer omfattet af § 6,
    nr. 9 og 13": not fleksjob-visiterede, not under 18. Selvforsørgende (nr. 12) may."""
    found = of(agreement_type, {"start_date": START, "target_group": group},
               "target_group_allowed")
    if group in ("fleksjob_visiteret", "under_18"):
        assert [(f.severity, f.citation.text()) for f in found] == [(ERROR, "LAB § 66, stk. 1")]
    else:
        assert found == []


def months(n: int, start: dt.date = START) -> dt.date:
    return Duration("months", n).last_day(start)


@pytest.mark.parametrize("group", ["dagpenge", "kontanthjaelp_jobparat",
                                   "uddannelseshjaelp_uddannelsesparat"])
def test_loentilskud_lasts_6_months_private_and_4_public_for_nr_1_2_and_4(group):
    """LAB § 68, nr. 1: "Op til 6 måneder hos private arbejdsgivere og 4 måneder hos offentlige
    arbejdsgivere for personer omfattet af § 6, nr. 1, 2 og 4": jobparate and uddannelsesparate
    have 4 months at a public employer (not 6, as the program had)."""
    for agreement_type, n in (("loentilskud_privat", 6), ("loentilskud_offentlig", 4)):
        content = {"start_date": START, "target_group": group, "end_date": months(n)}
        assert of(agreement_type, content, "max_duration") == []
        over = one(agreement_type, {**content, "end_date": months(n) + dt.timedelta(days=1)},
                   "max_duration")
        assert over.severity == ERROR and over.citation.text() == "LAB § 68, nr. 1"


def test_public_loentilskud_for_selvforsoergende_is_4_months_when_jobparat():
    """LAB § 68, nr. 1 names "§ 6, nr. 12, som er jobparate" (4 months public): the agreement
    cannot tell readiness, so 4-6 months is a warning; the 6 months for the others is not read
    (unconfirmed), so even beyond it the finding only warns."""
    content = {"start_date": START, "target_group": "selvforsoergende"}
    assert of("loentilskud_offentlig", {**content, "end_date": months(4)}, "max_duration") == []
    between = one("loentilskud_offentlig", {**content, "end_date": months(5)}, "max_duration")
    assert between.severity == WARNING and "jobparat" in str(between.message)
    beyond = one("loentilskud_offentlig", {**content, "end_date": months(7)}, "max_duration")
    assert beyond.severity == WARNING and unconfirmed(beyond)


@pytest.mark.parametrize("group", ["kontanthjaelp_aktivitetsparat", "sygedagpenge",
                                   "jobafklaring", "ressourceforloeb", "revalidering"])
def test_loentilskud_limits_not_read_in_the_law_only_warn(group):
    """LAB § 68, nr. 2 and on were not readable: the months the program has for these groups
    are unconfirmed, so going past them is a warning that says so."""
    content = {"start_date": START, "target_group": group, "end_date": months(13)}
    for agreement_type in ("loentilskud_privat", "loentilskud_offentlig"):
        finding = one(agreement_type, content, "max_duration")
        assert finding.severity == WARNING and unconfirmed(finding)


def loentilskud(**kw: Any) -> dict[str, Any]:
    return {"start_date": D(2026, 7, 15), "target_group": "dagpenge",
            "unemployed_since": D(2026, 1, 16), **kw}  # one day short of 6 months


@pytest.mark.parametrize("group", ["dagpenge", "kontanthjaelp_jobparat",
                                   "kontanthjaelp_aktivitetsparat",
                                   "uddannelseshjaelp_uddannelsesparat",
                                   "uddannelseshjaelp_aktivitetsparat", "selvforsoergende"])
def test_6_months_of_benefits_first_at_every_employer_for_nr_1_to_5_and_12(group):
    """LAB § 69, stk. 1: "For at blive ansat med løntilskud hos arbejdsgivere skal personer
    omfattet af § 6, nr. 1-5 og 12, i en forudgående periode på mindst 6 måneder have modtaget
    visse offentlige forsørgelsesydelser": public employers too (the program skipped them)."""
    for agreement_type in ("loentilskud_privat", "loentilskud_offentlig"):
        short = one(agreement_type, loentilskud(target_group=group), "prior_unemployment")
        assert short.severity == ERROR and short.citation.text() == "LAB § 69, stk. 1"
        assert of(agreement_type, loentilskud(target_group=group, unemployed_since=D(2026, 1, 15)),
                  "prior_unemployment") == []


@pytest.mark.parametrize("group", ["sygedagpenge", "jobafklaring", "ressourceforloeb"])
def test_6_months_first_only_at_private_employers_for_nr_6_to_8(group):
    """LAB § 69, stk. 2: "For at blive ansat med løntilskud hos private arbejdsgivere skal
    personer omfattet af § 6, nr. 6-8 ...": sygedagpenge, jobafklaring, ressourceforløb at a
    private employer, not at a public one."""
    content = loentilskud(target_group=group, start_date=D(2026, 1, 5))  # no 2026-02 closure
    private = one("loentilskud_privat", content, "prior_unemployment")
    assert private.severity == ERROR and private.citation.text() == "LAB § 69, stk. 2"
    assert of("loentilskud_offentlig", content, "prior_unemployment") == []


@pytest.mark.parametrize("group", ["revalidering", "foertidspension"])
def test_no_prior_period_for_groups_69_does_not_name(group):
    """LAB § 69 names § 6, nr. 1-8 and 12 only: revalidering (nr. 10) and førtidspension
    (nr. 11) need no prior period."""
    for agreement_type in ("loentilskud_privat", "loentilskud_offentlig"):
        assert of(agreement_type, loentilskud(target_group=group), "prior_unemployment") == []


@pytest.mark.parametrize("exemption", ["single_parent", "no_education", "age_50"])
def test_the_exemptions_of_69_3_lift_the_6_months(exemption):
    """LAB § 69, stk. 3: no prior period if the person "1) ikke har en kompetencegivende
    ungdomsuddannelse eller kompetencegivende uddannelse på højere niveau, 2) er over 50 år
    eller 3) er enlig forsørger"."""
    content = loentilskud(unemployment_exemption=exemption)
    assert of("loentilskud_privat", content, "prior_unemployment",
              citizen_birth_date=D(1970, 1, 1)) == []


def test_over_50_by_the_cpr_number_and_a_wrong_age_exemption():
    """LAB § 69, stk. 3, nr. 2 ("er over 50 år", counted from the 50th birthday): the CPR
    number's age lifts the requirement by itself; an 'over 50' exemption the CPR number
    contradicts is an error naming the exemption."""
    assert of("loentilskud_privat", loentilskud(), "prior_unemployment",
              citizen_birth_date=D(1976, 7, 15)) == []
    wrong = one("loentilskud_privat", loentilskud(unemployment_exemption="age_50"),
                "prior_unemployment", citizen_birth_date=D(1976, 7, 16))
    assert (wrong.severity, wrong.field) == (ERROR, "unemployment_exemption")
    assert wrong.citation.text() == "LAB § 69, stk. 3"


# -- mentor ---------------------------------------------------------------------------------
def test_mentor_is_6_months_at_a_time():
    """LAB § 167, stk. 1 (not § 78): mentorstøtte "i en periode på højst 6 måneder. Personerne
    kan efter en konkret vurdering gives mentorstøtte i en ny periode på op til 6 måneder ved
    udløb af en periode": past 6 months a confirmed warning, however long."""
    content = {"start_date": START, "target_group": "kontanthjaelp_aktivitetsparat"}
    assert of("mentor", {**content, "end_date": months(6)}, "max_duration") == []
    for end in (months(6) + dt.timedelta(days=1), months(30)):
        finding = one("mentor", {**content, "end_date": end}, "max_duration")
        assert finding.severity == WARNING and finding.confirmed
        assert finding.citation.text() == "LAB § 167, stk. 1"


# -- IGU ------------------------------------------------------------------------------------
def test_igu_has_23_school_weeks():
    """IGU § 6, stk. 1, as amended by L 202 (2020-21) § 1, nr. 2: "20 uger" becomes "23 uger"
    for forløb from 1 May 2021."""
    assert of("igu", {"start_date": START, "school_weeks": 23}, "igu_school_weeks") == []
    finding = one("igu", {"start_date": START, "school_weeks": 22}, "igu_school_weeks")
    assert finding.severity == WARNING and finding.confirmed


def test_igu_starts_until_31_december_2027():
    """IGU § 3, stk. 2, as amended by L 82 (2023-24) § 1, nr. 4: "31. december 2023" becomes
    "31. december 2027", the last day a forløb may begin."""
    assert of("igu", {"start_date": D(2027, 12, 31)}, "igu_last_start") == []
    late = one("igu", {"start_date": D(2028, 1, 1)}, "igu_last_start")
    assert late.severity == ERROR and late.citation.text() == "IGU § 3, stk. 2"


def test_igu_age_limit_is_unconfirmed_and_does_not_block():
    """L 82 (2023-24) § 1, nr. 3 changes "40 år" to "50 år" in IGU § 3, stk. 1; whether 50
    itself is inside is not in the amendment: outside 18-50 a warning that says so."""
    age = one("igu", {"start_date": START}, "igu_age", citizen_birth_date=D(1975, 3, 2))
    assert age.severity == WARNING and unconfirmed(age)
    assert of("igu", {"start_date": START}, "igu_age", citizen_birth_date=D(1975, 3, 3)) == []


def test_igu_tells_the_residence_limit_the_yearly_cap_and_the_ministers_stop():
    """IGU § 3, stk. 1, 3 and 4 as amended by L 82 (2023-24): residence "op til 20 år", at most
    1,500 new forløb a year, and the minister may stop new forløb for up to three months: a
    confirmed info on every IGU agreement."""
    finding = one("igu", {"start_date": START}, "notices.igu_conditions")
    assert finding.severity == INFO and finding.confirmed
    assert "1.500" in str(finding.message) and "20 års ophold" in str(finding.message)


# -- unconfirmed and provisional never block ---------------------------------------------------
def test_an_unread_rule_warns_instead_of_blocking():
    """Fleksjob's chapter of LAB was not read: a dagpenge citizen in a fleksjob agreement is
    a warning saying the rule is unconfirmed, not an error."""
    finding = one("fleksjob", {"start_date": START, "target_group": "dagpenge"},
                  "target_group_allowed")
    assert finding.severity == WARNING and unconfirmed(finding)


def test_the_provisional_2027_set_says_so_and_its_inherited_rules_do_not_block():
    """The 2027 set rests on a main law not yet published: every finding says it is
    provisional, and rules it inherits from LAB count as unconfirmed, so none blocks."""
    start = D(2027, 3, 1)
    content = {"start_date": start, "target_group": "kontanthjaelp_jobparat",
               "end_date": months(5, start), "hours_per_week": 40}
    found = evaluate("loentilskud_offentlig", content, Facts(today=D(2027, 1, 4)))
    assert found and all(f.provisional and "Foreløbig regel" in str(f.message) for f in found)
    assert {f.rule for f in found} >= {"max_duration", "hours_within_full_time"}
    assert ERROR not in {f.severity for f in found}


def test_the_employee_representative_discusses_loentilskud_first():
    """LAB § 78, as LAB § 80 a, stk. 3, nr. 3 (L 238, 2020-21) refers to it: the offer "skal
    være drøftet mellem arbejdsgiveren og en repræsentant for de ansatte forud for
    ansættelsen med løntilskud". A named TR without a statement is a confirmed warning."""
    content = {"start_date": START, "target_group": "dagpenge", "tr_name": "Bo Tillid"}
    finding = one("loentilskud_privat", content, "employee_representative")
    assert finding.severity == WARNING and finding.confirmed
    assert finding.citation.text() == "LAB § 78"
    assert of("loentilskud_privat", {**content, "tr_statement": "Drøftet, ingen indvendinger"},
              "employee_representative") == []
