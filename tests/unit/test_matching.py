"""Matching: the labelled set, every hard constraint at its boundary, the reasons' wording,
properties of the pure core, the SQL prefilter against the full read, and the CLI."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consultant_app import matching, services
from consultant_app.errors import NotFound
from consultant_app.cli import main
from consultant_app.domain import (REQUIREMENTS, RESTRICTION_CONFLICTS, RESTRICTIONS,
                                   TARGET_GROUPS, VACANCY_KINDS)
from consultant_app.matching import (KIND_AGREEMENT_TYPES, CitizenFacts, Geo, MatchFilters,
                                     VacancyFacts, assess, eligibility, kind_target_groups)
from consultant_app.rulesets import rulesets
from consultant_app.postcodes import haversine_km
from consultant_app.text import Message

from . import matching_cases as cases

PASSPHRASE = "test-passphrase"  # as in conftest.py
TODAY = cases.TODAY


# -- the labelled set, through the services, in a real store -------------------------------
@pytest.fixture
def labelled(store):
    with store.write() as s:
        ids = cases.add_to(s)
    return store, ids


@pytest.mark.parametrize("vacancy", sorted(cases.PICKS))
def test_consultants_picks_are_in_the_top_five(labelled, vacancy):
    store, ids = labelled
    with store.read() as s:
        ranking = matching.rank_citizens(s, ids[vacancy], today=TODAY)
    top = [a.citizen.id for a in ranking.view(limit=cases.TOP)]
    names = {v: k for k, v in ids.items()}
    for pick, why in cases.PICKS[vacancy].items():
        assert ids[pick] in top, (pick, why, [names[t] for t in top])


@pytest.mark.parametrize("vacancy", sorted(cases.MUST_EXCLUDE))
def test_distractors_that_break_a_rule_are_excluded_with_that_reason(labelled, vacancy):
    store, ids = labelled
    with store.read() as s:
        ranking = matching.rank_citizens(s, ids[vacancy], include_excluded=True, today=TODAY)
    by_id = {a.citizen.id: a for a in ranking.assessments}
    for who, words in cases.MUST_EXCLUDE[vacancy].items():
        a = by_id[ids[who]]
        assert a.excluded, who
        assert any(words in str(m) for m in a.excluded_because), (who, a.excluded_because)


def test_picks_outrank_fitting_distractors(labelled):
    store, ids = labelled
    with store.read() as s:
        ranking = matching.rank_citizens(s, ids["lager_smajob"], today=TODAY)
    order = [a.citizen.id for a in ranking.view()]
    for pick in cases.PICKS["lager_smajob"]:
        assert order.index(ids[pick]) < order.index(ids["frida"])
        assert order.index(ids[pick]) < order.index(ids["hanne"])


def test_vacancies_for_a_citizen_put_the_fitting_one_first(labelled):
    store, ids = labelled
    with store.read() as s:
        ranking = matching.rank_vacancies(s, ids["ida"], today=TODAY)
        everything = matching.rank_vacancies(s, ids["ida"], include_excluded=True, today=TODAY)
    assert ranking.view()[0].vacancy.id == ids["paedagogisk_praktik"]
    excluded = {a.vacancy.id for a in everything.assessments if a.excluded}
    assert ids["rengoering_fleksjob"] in excluded  # fleksjob: not her target group
    assert ids["chauffoer"] in excluded  # 37 h and no licence


def test_closed_and_deleted_vacancies_are_not_offered(labelled):
    store, ids = labelled
    with store.write() as s:
        services.update_vacancy(s, ids["lager_smajob"], {"status": "filled"})
    with store.read() as s:
        ranking = matching.rank_vacancies(s, ids["ali"], include_excluded=True, today=TODAY)
    assert ids["lager_smajob"] not in {a.vacancy.id for a in ranking.assessments}


def test_deleted_citizens_are_not_ranked(labelled):
    store, ids = labelled
    with store.write() as s:
        services.delete_citizen(s, ids["ali"])
    with store.read() as s:
        ranking = matching.rank_citizens(s, ids["lager_smajob"], include_excluded=True,
                                         today=TODAY)
    assert ids["ali"] not in {a.citizen.id for a in ranking.assessments}


def test_unknown_ids_are_a_plain_not_found(labelled):
    store, _ = labelled
    with store.read() as s, pytest.raises(NotFound):
        matching.rank_citizens(s, "no-such-vacancy")


def test_filters_rerank_without_reading_again(labelled):
    store, ids = labelled
    with store.read() as s:
        ranking = matching.rank_citizens(s, ids["lager_smajob"], today=TODAY)
    near = ranking.view(MatchFilters(max_distance_km=3.5))
    assert near and all(a.distance_km is not None and a.distance_km <= 3.5 for a in near)
    assert len(near) < len(ranking.view())
    plain = ranking.view(MatchFilters(only_without_restrictions=True))
    assert all(not a.citizen.restrictions for a in plain)
    shown = ranking.view(MatchFilters(max_distance_km=3.5), include_excluded=True)
    hidden = [a for a in shown if a.excluded]
    assert hidden and all("filteret" in str(a.excluded_because[-1]) for a in hidden)


def test_ranking_reads_no_encrypted_column(labelled):
    """Matching must work without the data key: it never selects CPR or notes."""
    store, ids = labelled
    statements: list[str] = []
    with store.read() as s:
        raw = matching.sql._cursor(s)
        raw.set_trace_callback(statements.append)
        try:
            matching.rank_citizens(s, ids["lager_smajob"], include_excluded=True)
            matching.rank_vacancies(s, ids["ali"], include_excluded=True)
        finally:
            raw.set_trace_callback(None)
    assert statements
    for sql in statements:
        assert "cpr" not in sql and "notes" not in sql


# -- the pure core: hard constraints at their boundaries -----------------------------------
def vacancy(**kw) -> VacancyFacts:
    return VacancyFacts(**{"id": "v", "title": "Lagermedarbejder",
                           "occupation": "lagermedarbejder", "postcode": "1000", **kw})


def citizen(**kw) -> CitizenFacts:
    return CitizenFacts(**{"id": "c", "name": "Test", "target_group": "dagpenge",
                           "postcode": "1000", "languages": ("dansk",), **kw})


def geo_with(km: float) -> Geo:
    """Postcode 1000 at the origin, 2000 exactly ``km`` north of it."""
    lat = math.degrees(km / 6371.0)
    g = Geo({"1000": (0.0, 0.0), "2000": (lat, 0.0)})
    assert haversine_km(0.0, 0.0, lat, 0.0) == pytest.approx(km)
    return g


def texts(messages) -> list[str]:
    return [str(m) for m in messages]


def test_hours_exactly_the_minimum_fit():
    assert not assess(vacancy(hours_min=20, hours_max=37), citizen(max_hours_per_week=20)).excluded


def test_hours_below_the_minimum_exclude():
    a = assess(vacancy(hours_min=37, hours_max=37), citizen(max_hours_per_week=8))
    assert texts(a.excluded_because) == ["Kan højst 8 timer/uge – stillingen kræver mindst 37"]


def test_jobfirst_start_hours_decide_not_the_final_hours():
    v = vacancy(hours_min=8, hours_max=37, starts_with_few_hours=True)
    a = assess(v, citizen(max_hours_per_week=10))
    assert not a.excluded
    assert "Kan 10 timer/uge – stillingen starter med 8 og vokser til 37" in texts(a.reasons)
    short = assess(v, citizen(max_hours_per_week=7.5))
    assert texts(short.excluded_because) == [
        "Kan højst 7,5 timer/uge – stillingen starter med 8"]


def test_jobfirst_reason_reads_like_the_consultant_says_it():
    v = vacancy(hours_min=8, starts_with_few_hours=True)
    assert "Kan 10 timer/uge – stillingen starter med 8" in texts(
        assess(v, citizen(max_hours_per_week=10)).reasons)


def test_jobfirst_softens_a_shortfall_in_the_score():
    fixed = assess(vacancy(hours_min=8, hours_max=37), citizen(max_hours_per_week=10))
    jobfirst = assess(vacancy(hours_min=8, hours_max=37, starts_with_few_hours=True),
                      citizen(max_hours_per_week=10))
    assert jobfirst.parts.hours > fixed.parts.hours


def test_unknown_hours_do_not_exclude():
    assert not assess(vacancy(hours_min=37), citizen(max_hours_per_week=None)).excluded


@pytest.mark.parametrize("restriction,requirement", sorted(RESTRICTION_CONFLICTS.items()))
def test_each_restriction_excludes_the_requirement_it_conflicts_with(restriction, requirement):
    a = assess(vacancy(requirements=(requirement,)), citizen(restrictions=(restriction,)))
    assert texts(a.excluded_because) == [
        f"Skånehensyn »{RESTRICTIONS[restriction]}« – stillingen kræver "
        f"»{REQUIREMENTS[requirement]}«"]


def test_a_restriction_without_conflict_fits_and_is_mentioned():
    a = assess(vacancy(requirements=("standing",)), citizen(restrictions=("no_heavy_lifting",)))
    assert not a.excluded
    assert "Skånehensyn passer til stillingen: ingen tunge løft" in texts(a.reasons)


@pytest.mark.parametrize("licence,excluded", [("", True), ("B", False), ("C", False),
                                              ("CE", False), ("D", False)])
def test_driving_licence_b(licence, excluded):
    a = assess(vacancy(requirements=("driving_licence_b",)), citizen(driving_licence=licence))
    assert a.excluded is excluded
    if excluded:
        assert texts(a.excluded_because) == ["Mangler kørekort B"]


def test_commute_exactly_the_limit_fits_and_beyond_excludes():
    g = geo_with(12.0)
    v = vacancy(postcode="2000")
    assert not assess(v, citizen(max_commute_km=12.0), geo=g).excluded
    a = assess(v, citizen(max_commute_km=11.9), geo=g)
    assert texts(a.excluded_because) == ["Bor 12 km væk – vil højst 11,9 km"]


def test_too_far_shows_a_decimal_where_rounding_would_hide_it():
    a = assess(vacancy(postcode="2000"), citizen(max_commute_km=12), geo=geo_with(12.3))
    assert texts(a.excluded_because) == ["Bor 12,3 km væk – vil højst 12 km"]


def test_commute_uses_the_employers_postcode_when_the_vacancy_has_none(labelled):
    store, ids = labelled
    with store.read() as s:
        v = matching.load_vacancy(s, ids["lager_smajob"])
    assert v.postcode == cases.EMPLOYERS["lager"]["postcode"]


def test_unknown_postcode_does_not_exclude_but_says_so():
    a = assess(vacancy(postcode="9999"), citizen(max_commute_km=1))
    assert not a.excluded
    assert "Afstand ukendt (postnummer mangler)" in texts(a.reasons)


def test_distance_reason_in_whole_kilometres():
    a = assess(vacancy(postcode="2000"), citizen(), geo=geo_with(6.2))
    assert texts(a.reasons)[0] == "Bor 6 km væk"


@pytest.mark.parametrize("kind", sorted(VACANCY_KINDS))
@pytest.mark.parametrize("group", sorted(TARGET_GROUPS))
def test_target_group_table(kind, group):
    a = assess(vacancy(kind=kind), citizen(target_group=group), today=TODAY)
    allowed = kind_target_groups(TODAY)[kind]
    assert a.excluded is (allowed is not None and group not in allowed)
    if a.excluded:
        assert texts(a.excluded_because) == [
            f"{VACANCY_KINDS[kind]} er ikke for målgruppen »{TARGET_GROUPS[group]}«"]


def test_target_groups_follow_the_law_through_the_rule_set():
    """LAB § 57, stk. 1: praktik for every § 6 group, selvforsørgende and under 18 included;
    LAB § 66, stk. 1: løntilskud for all but fleksjob-visiterede (nr. 9) and under 18 (nr. 13),
    selvforsørgende included. Matching used to exclude selvforsørgende and under 18 from
    both."""
    groups = kind_target_groups(TODAY)
    assert groups["praktik"] == set(TARGET_GROUPS)
    assert groups["loentilskud"] == set(TARGET_GROUPS) - {"fleksjob_visiteret", "under_18"}
    assert groups["fleksjob"] == {"fleksjob_visiteret"}
    assert groups["ordinary"] is None and groups["smajob"] is None


def _forms_refuse(agreement_type: str, group: str, day: dt.date) -> bool:
    from forms.rules import Facts, evaluate
    return any(f.rule == "target_group_allowed" for f in evaluate(
        agreement_type, {"start_date": day, "target_group": group}, Facts(today=day)))


@pytest.mark.parametrize("ruleset", rulesets(), ids=lambda r: str(r.effective_from))
def test_matching_and_the_agreements_agree_on_every_group_and_kind(ruleset):
    """One source of eligibility: on each rule set's first day, a kind excludes a group in
    matching exactly when every agreement type the kind leads to refuses the group."""
    day = ruleset.effective_from
    for kind, types in KIND_AGREEMENT_TYPES.items():
        for group in TARGET_GROUPS:
            excluded = assess(vacancy(kind=kind), citizen(target_group=group), today=day,
                              geo=GEO).excluded
            assert excluded is all(_forms_refuse(t, group, day) for t in types), (kind, group)


@pytest.mark.parametrize("ruleset", rulesets(), ids=lambda r: str(r.effective_from))
def test_matching_and_the_agreement_agree_on_praktik_at_the_last_employer(ruleset):
    """BEK § 61: matching leaves out praktik at the last employer exactly for the groups the
    agreement refuses there (stk. 2: an error, a warning where the set is provisional); for
    the others the agreement asks for a new work function (stk. 3-4), so matching shows
    them."""
    from forms.rules import Facts, evaluate
    day = ruleset.effective_from
    v = vacancy(kind="praktik", employer_cvr="12345674")
    for group in TARGET_GROUPS:
        excluded = assess(v, citizen(target_group=group, last_employer_cvr="12345674"),
                          today=day, geo=GEO).excluded
        refused = any(f.cite == "not_last_employer.barred" for f in evaluate(
            "virksomhedspraktik", {"start_date": day, "target_group": group,
                                   "employer_cvr": "12345674"},
            Facts(today=day, citizen_last_employer_cvr="12345674")))
        assert excluded is refused, group


def test_matching_judges_by_the_rule_set_in_force_on_its_day():
    """The 2027 set (provisional) maps the 13 groups to 5; eligibility is read per day, so a
    ranking on 1 January 2027 uses that set and one on 31 December 2026 the one before."""
    assert eligibility(dt.date(2026, 12, 31)).ruleset.effective_from == dt.date(2026, 2, 1)
    assert eligibility(dt.date(2027, 1, 1)).ruleset.effective_from == dt.date(2027, 1, 1)


def test_igu_matches_integration_groups_with_a_reminder():
    a = assess(vacancy(kind="igu"), citizen(target_group="kontanthjaelp_jobparat"))
    assert not a.excluded
    assert texts(a.reasons)[0].startswith("IGU er for flygtninge")
    assert assess(vacancy(kind="igu"), citizen(target_group="dagpenge")).excluded


def test_praktik_not_at_the_last_employer():
    """BEK § 61, stk. 2-3: dagpenge (the default citizen) may not; an aktivitetsparat citizen
    may, in a new work function, which the agreement notes."""
    v = vacancy(kind="praktik", employer_cvr="12345674")
    a = assess(v, citizen(last_employer_cvr="12345674"), today=TODAY)
    assert texts(a.excluded_because) == [
        "Virksomhedspraktik kan ikke være hos borgerens seneste arbejdsgiver"]
    assert not assess(v, citizen(last_employer_cvr="12345674",
                                 target_group="kontanthjaelp_aktivitetsparat"),
                      today=TODAY).excluded
    assert not assess(vacancy(kind="smajob", employer_cvr="12345674"),
                      citizen(last_employer_cvr="12345674")).excluded


def test_every_broken_rule_is_named():
    a = assess(vacancy(kind="fleksjob", hours_min=20, requirements=("driving_licence_b",
                                                                    "night_work")),
               citizen(max_hours_per_week=5, restrictions=("no_night_work",)))
    assert len(a.excluded_because) == 4
    assert a.score == 0 and a.reasons == ()


# -- soft score and reasons ----------------------------------------------------------------
def test_wording_tolerance():
    sim = matching.term_similarity
    assert sim("lager", "lagermedarbejder") >= 0.85
    assert 0.3 < sim("pædagogmedhjælper", "pædagogisk assistent") < sim("lager",
                                                                         "lagermedarbejder")
    assert sim("Køkken", "koekken") == 1.0  # Danish folding
    assert sim("rengøringsassistent", "pædagogisk assistent") < 0.4  # a generic head only
    assert sim("lager", "pleje") == 0.0


def test_skills_and_wishes_raise_the_score():
    v = vacancy(skills=("lager", "plukning"))
    good = assess(v, citizen(skills=("lagerarbejde", "plukning"),
                             wished_occupations=("lagermedarbejder",)))
    poor = assess(v, citizen(skills=("kontor",), wished_occupations=("receptionist",)))
    assert good.score > poor.score + 40
    assert "Har lagerarbejde, plukning" in texts(good.reasons)
    assert "Ønsker job som lagermedarbejder" in texts(good.reasons)
    assert "Har ingen af de ønskede kompetencer (lager, plukning)" in texts(poor.reasons)


def test_long_wait_counts_and_is_said():
    v = vacancy()
    long_ = assess(v, citizen(unemployed_since=TODAY - dt.timedelta(days=800)), today=TODAY)
    short = assess(v, citizen(unemployed_since=TODAY - dt.timedelta(days=20)), today=TODAY)
    assert long_.score > short.score
    assert "Ledig i over 2 år" in texts(long_.reasons)
    assert "Ledig i 2 uger" in texts(short.reasons)
    months = assess(v, citizen(unemployed_since=TODAY - dt.timedelta(days=200)), today=TODAY)
    assert "Ledig i 6 måneder" in texts(months.reasons)


def test_missing_danish_costs_points_and_is_said_first():
    v = vacancy(requirements=("danish_spoken",))
    with_ = assess(v, citizen(languages=("dansk",)))
    without = assess(v, citizen(languages=("engelsk",)))
    assert not without.excluded
    assert with_.score - without.score == pytest.approx(matching.NO_DANISH_PENALTY)
    assert texts(without.reasons)[0] == "Dansk er ikke angivet som sprog – stillingen kræver dansk"


def test_reasons_are_translatable_messages():
    a = assess(vacancy(), citizen(), geo=geo_with(1))
    assert all(isinstance(m, Message) and m.context == "matching" for m in a.reasons)
    english = {"Bor i samme postnummer": "Lives in the same postcode"}
    assert a.reasons[0].render(lambda ctx, t: english.get(t, t)) == "Lives in the same postcode"


def test_weights_make_a_hundred():
    assert sum(matching.WEIGHTS.values()) == 100


# -- properties of the pure core -----------------------------------------------------------
POSTCODES = {"1000": (56.0, 10.0), "1100": (56.05, 10.05), "1200": (56.2, 10.3),
             "1300": (56.5, 9.5), "1400": (55.8, 10.6)}
GEO = Geo(POSTCODES)
hours = st.one_of(st.none(), st.floats(0, 60, allow_nan=False))
words = st.sampled_from(["lager", "lagermedarbejder", "pleje", "børn", "pædagogik", "kørsel",
                         "chauffør", "rengøring", "køkken", "kontor", "it"])
postcode = st.sampled_from([*POSTCODES, "", "9999"])
cvr = st.sampled_from(["", "12345674", "25313763"])

vacancies = st.builds(
    VacancyFacts, id=st.just("v"), title=words, occupation=words,
    kind=st.sampled_from(sorted(VACANCY_KINDS)), hours_min=hours, hours_max=hours,
    starts_with_few_hours=st.booleans(),
    requirements=st.lists(st.sampled_from(sorted(REQUIREMENTS)), unique=True).map(tuple),
    skills=st.lists(words, max_size=3).map(tuple), postcode=postcode, employer_cvr=cvr)
citizens = st.builds(
    CitizenFacts, id=st.just("c"), target_group=st.sampled_from(["", *TARGET_GROUPS]),
    skills=st.lists(words, max_size=4).map(tuple),
    wished_occupations=st.lists(words, max_size=2).map(tuple), max_hours_per_week=hours,
    restrictions=st.lists(st.sampled_from(sorted(RESTRICTIONS)), unique=True).map(tuple),
    driving_licence=st.sampled_from(["", "B", "C"]),
    languages=st.lists(st.sampled_from(["dansk", "engelsk"]), unique=True).map(tuple),
    postcode=postcode, max_commute_km=st.one_of(st.none(), st.floats(0, 100)),
    unemployed_since=st.one_of(st.none(), st.dates(dt.date(2015, 1, 1), TODAY)),
    last_employer_cvr=cvr)


def breaks_a_hard_constraint(v: VacancyFacts, c: CitizenFacts) -> bool:
    """The hard constraints restated plainly, independent of the engine's code."""
    need = v.hours_min if v.hours_min is not None else v.hours_max
    if need is not None and c.max_hours_per_week is not None and c.max_hours_per_week < need:
        return True
    if any(RESTRICTION_CONFLICTS[r] in v.requirements for r in c.restrictions):
        return True
    if "driving_licence_b" in v.requirements and c.driving_licence == "":
        return True
    if v.postcode in POSTCODES and c.postcode in POSTCODES and c.max_commute_km is not None:
        if haversine_km(*POSTCODES[v.postcode], *POSTCODES[c.postcode]) > c.max_commute_km:
            return True
    allowed = kind_target_groups(TODAY)[v.kind]
    if allowed is not None and c.target_group not in allowed:
        return True
    return (v.kind == "praktik" and v.employer_cvr != "" and c.last_employer_cvr == v.employer_cvr
            and c.target_group in ("dagpenge", "kontanthjaelp_jobparat",
                                   "uddannelseshjaelp_uddannelsesparat"))


@settings(max_examples=400, deadline=None)
@given(vacancies, citizens)
def test_no_result_breaks_a_hard_constraint_and_every_exclusion_has_a_reason(v, c):
    a = assess(v, c, today=TODAY, geo=GEO)
    assert a.excluded is breaks_a_hard_constraint(v, c)
    if a.excluded:
        assert a.excluded_because and all(str(m) for m in a.excluded_because)
        assert a.score == 0
    else:
        assert 0 <= a.score <= 100
        assert 3 <= len(a.reasons) <= 5
        assert all(str(m) for m in a.reasons)


@settings(max_examples=50, deadline=None)
@given(vacancies, st.lists(citizens, max_size=20))
def test_pure_ranking_orders_by_score_with_excluded_last(v, cs):
    cs = [c._replace(id=f"c{i}") for i, c in enumerate(cs)]
    ranked = matching.rank(v, cs, today=TODAY, geo=GEO)
    assert len(ranked) == len(cs)
    flags = [a.excluded for a in ranked]
    assert flags == sorted(flags)
    scores = [a.score for a in ranked if not a.excluded]
    assert scores == sorted(scores, reverse=True)


# -- the SQL prefilter lets through everything the core would keep -------------------------
def test_prefilter_keeps_every_fitting_citizen_and_vacancy(demo_store):
    with demo_store.read() as s:
        raw = matching.sql._cursor(s)
        vacancy_ids = [r[0] for r in raw.execute("SELECT id FROM vacancy WHERE deleted = 0")]
        citizen_ids = [r[0] for r in raw.execute(
            "SELECT id FROM citizen WHERE deleted = 0 LIMIT 40")]
        for vid in vacancy_ids:
            fast = matching.rank_citizens(s, vid, today=TODAY)
            full = matching.rank_citizens(s, vid, include_excluded=True, today=TODAY)
            assert [(a.citizen.id, a.score) for a in fast.assessments] == \
                [(a.citizen.id, a.score) for a in full.assessments if not a.excluded]
        for cid in citizen_ids:
            fast = matching.rank_vacancies(s, cid, today=TODAY)
            full = matching.rank_vacancies(s, cid, include_excluded=True, today=TODAY)
            assert [(a.vacancy.id, a.score) for a in fast.assessments] == \
                [(a.vacancy.id, a.score) for a in full.assessments if not a.excluded]


def test_prefilter_actually_filters(demo_store):
    with demo_store.read() as s:
        vid = matching.sql._cursor(s).execute(
            "SELECT id FROM vacancy WHERE kind = 'fleksjob' AND deleted = 0").fetchone()[0]
        fast = matching.rank_citizens(s, vid)
        full = matching.rank_citizens(s, vid, include_excluded=True)
    assert len(fast.assessments) < len(full.assessments) / 3


# -- the command line ----------------------------------------------------------------------
def test_cli_ranks_citizens_with_reasons(labelled, profile_dir, capsys):
    store, ids = labelled
    store.close()
    code = main(["--profile", str(profile_dir), "--passphrase", PASSPHRASE, "match",
                 "--vacancy", ids["lager_smajob"], "--limit", "3"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("Borgere til Lagermedarbejder hos Viby Logistik ApS:")
    assert "  1. " in out and "  4. " not in out
    assert "Kan 10 timer/uge – stillingen starter med 8 og vokser til 20" in out


def test_cli_json_with_excluded(labelled, profile_dir, capsys):
    store, ids = labelled
    store.close()
    code = main(["--profile", str(profile_dir), "--passphrase", PASSPHRASE, "match",
                 "--vacancy", ids["chauffoer"], "--json", "--include-excluded",
                 "--limit", "100"])
    assert code == 0
    rows = json.loads(capsys.readouterr().out)
    assert set(rows[0]) == {"id", "name", "score", "reasons", "excluded_because"}
    by_id = {r["id"]: r for r in rows}
    assert by_id[ids["niels"]]["excluded_because"] == ["Mangler kørekort B"]
    assert by_id[ids["niels"]]["score"] is None
    assert by_id[ids["lars"]]["excluded_because"] == [] and by_id[ids["lars"]]["reasons"]
    assert len(rows) == len(cases.CITIZENS)


def test_cli_vacancies_for_a_citizen(labelled, profile_dir, capsys):
    store, ids = labelled
    store.close()
    code = main(["--profile", str(profile_dir), "--passphrase", PASSPHRASE, "match",
                 "--citizen", ids["pia"], "--json"])
    assert code == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["id"] == ids["rengoering_fleksjob"]


def test_cli_needs_exactly_one_side(labelled, profile_dir, capsys):
    store, _ = labelled
    store.close()
    assert main(["--profile", str(profile_dir), "--passphrase", PASSPHRASE, "match"]) != 0
    assert "--vacancy" in capsys.readouterr().err


def test_cli_unknown_id_is_a_plain_message(labelled, profile_dir, capsys):
    store, _ = labelled
    store.close()
    assert main(["--profile", str(profile_dir), "--passphrase", PASSPHRASE, "match",
                 "--citizen", "nope"]) == 1
    assert "Borger med id nope findes ikke." in capsys.readouterr().err


# -- the in-memory facts rank exactly like the SQL path ------------------------------------
def _same(fast, slow) -> None:
    assert [(a.citizen.id, a.vacancy.id, a.score, a.distance_km) for a in fast.assessments] == \
        [(a.citizen.id, a.vacancy.id, a.score, a.distance_km) for a in slow.assessments]
    assert [[str(m) for m in a.reasons] for a in fast.view(limit=10)] == \
        [[str(m) for m in a.reasons] for a in slow.view(limit=10)]
    for filters in (MatchFilters(max_distance_km=12), MatchFilters(only_without_restrictions=True),
                    MatchFilters(max_distance_km=5, only_without_restrictions=True)):
        for limit in (None, 3):
            for hidden in (False, True):
                got = fast.view(filters, include_excluded=hidden, limit=limit)
                want = slow.view(filters, include_excluded=hidden, limit=limit)
                assert [(a.citizen.id, a.vacancy.id, a.score,
                         [str(m) for m in a.excluded_because]) for a in got] == \
                    [(a.citizen.id, a.vacancy.id, a.score,
                      [str(m) for m in a.excluded_because]) for a in want]


def test_cached_ranking_is_exactly_the_sql_ranking(demo_store):
    with demo_store.read() as s:
        raw = matching.sql._cursor(s)
        vacancy_ids = [r[0] for r in raw.execute("SELECT id FROM vacancy WHERE deleted = 0")]
        citizen_ids = [r[0] for r in raw.execute("SELECT id FROM citizen WHERE deleted = 0")]
        ranked = 0
        for vid in vacancy_ids:
            fast = matching.rank_citizens(s, vid, today=TODAY)
            _same(fast, matching.rank_citizens(s, vid, today=TODAY, use_cache=False))
            ranked += len(fast.view())
        for cid in citizen_ids:
            fast = matching.rank_vacancies(s, cid, today=TODAY)
            _same(fast, matching.rank_vacancies(s, cid, today=TODAY, use_cache=False))
            ranked += len(fast.view())
    # The comparison is not vacuous: both sides were non-empty, and the cache was used.
    assert len(vacancy_ids) == 50 and len(citizen_ids) == 150
    assert ranked > 500
    assert set(matching.columnar._CACHES[demo_store].tables) == {matching.columnar._Citizens, matching.columnar._Vacancies}


def test_cached_ranking_sees_every_write(demo_store):
    with demo_store.read() as s:
        raw = matching.sql._cursor(s)
        vid = raw.execute("SELECT id FROM vacancy WHERE deleted = 0 AND status = 'open' "
                          "AND kind = 'ordinary' ORDER BY id").fetchone()[0]
        before = matching.rank_citizens(s, vid, today=TODAY)
        last = before.view()[-1].citizen.id
        vacancy = matching.load_vacancy(s, vid)
    generation = demo_store.generation
    with demo_store.write() as s:
        services.update_citizen(s, last, {
            "skills": list(vacancy.skills), "wished_occupations": [vacancy.occupation],
            "max_hours_per_week": 37, "restrictions": [], "max_commute_km": None,
            "postcode": vacancy.postcode, "driving_licence": "B", "languages": ["dansk"]})
    assert demo_store.generation == generation + 1
    with demo_store.read() as s:
        after = matching.rank_citizens(s, vid, today=TODAY)
        _same(after, matching.rank_citizens(s, vid, today=TODAY, use_cache=False))
        assert [a.citizen.id for a in after.view()].index(last) < len(after.view()) - 1
        for_last = matching.rank_vacancies(s, last, today=TODAY)
        _same(for_last, matching.rank_vacancies(s, last, today=TODAY, use_cache=False))
    with demo_store.write() as s:
        services.delete_citizen(s, last)
    with demo_store.read() as s:
        gone = matching.rank_citizens(s, vid, today=TODAY)
        assert last not in {a.citizen.id for a in gone.assessments}
        _same(gone, matching.rank_citizens(s, vid, today=TODAY, use_cache=False))


def test_cached_ranking_sees_a_closed_vacancy(labelled):
    store, ids = labelled
    with store.read() as s:
        assert ids["lager_smajob"] in {
            a.vacancy.id for a in matching.rank_vacancies(s, ids["ali"], today=TODAY).assessments}
    with store.write() as s:
        services.update_vacancy(s, ids["lager_smajob"], {"status": "filled"})
    with store.read() as s:
        ranking = matching.rank_vacancies(s, ids["ali"], today=TODAY)
    assert ids["lager_smajob"] not in {a.vacancy.id for a in ranking.assessments}


def test_a_write_session_ranks_from_sql(labelled):
    """Inside a write the cache may be behind the transaction: the SQL path is used."""
    store, ids = labelled
    with store.write() as s:
        services.update_vacancy(s, ids["lager_smajob"], {"status": "filled"})
        s.flush()
        ranking = matching.rank_vacancies(s, ids["ali"], today=TODAY)
        assert ids["lager_smajob"] not in {a.vacancy.id for a in ranking.assessments}


def test_a_cached_ranking_counts_without_building(demo_store):
    with demo_store.read() as s:
        vid = matching.sql._cursor(s).execute(
            "SELECT id FROM vacancy WHERE deleted = 0 ORDER BY id").fetchone()[0]
        fast = matching.rank_citizens(s, vid, today=TODAY)
        slow = matching.rank_citizens(s, vid, today=TODAY, use_cache=False)
    assert len(fast) == len(slow) == len(fast.assessments)


def test_a_distance_just_over_the_limit_is_shown_over_it() -> None:
    """'Bor 20 km væk – vil højst 20 km' would contradict itself: a distance that rounds to
    the limit but passes it is shown rounded up to a tenth, one within it as it rounds."""
    from consultant_app.matching import fmt_km

    assert fmt_km(20.04, 20) == "20,1"
    assert fmt_km(20.15, 20) == "20,2"
    assert fmt_km(19.96, 20) == "20"
    assert fmt_km(17.26, 20) == "17,3"
    assert fmt_km(23.6, 20) == "24"
    assert fmt_km(0.2) == "1"
