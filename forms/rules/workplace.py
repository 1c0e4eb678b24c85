"""Rules about the workplace: rimelighedskrav (per P-number), merbeskæftigelseskrav (per CVR),
praktik not at the last employer, and the employee representative's statement."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from consultant_app.services.fields import is_blank

from .base import _N, ERROR, INFO, WARNING, Facts, Finding, RuleSet, rule
from .periods import as_number, danish_moment, danish_number

CTX = "rules"

# BEK om en aktiv beskæftigelsesindsats § 65, stk. 1 (the set's ``ratio`` overrides).
RATIO_DEFAULTS = {"per": 5, "first": 50, "then_per": 10, "minimum": 1}


def allowed_placements(ordinary_employees: float, params: dict[str, Any] | None = None) -> int:
    """Rimelighedskrav: persons allowed in praktik, løntilskud or nytteindsats for a number of
    ordinary employees (full-time equivalents): 1 per ``per`` of the first ``first``, then 1
    per ``then_per`` beyond, always at least ``minimum``. 0-9 -> 1, 10 -> 2, 50 -> 10,
    51 -> 10, 60 -> 11."""
    p = {**RATIO_DEFAULTS, **(params or {})}
    n = max(0.0, ordinary_employees)
    first = math.floor(min(n, p["first"]) / p["per"])
    beyond = math.floor(max(0.0, n - p["first"]) / p["then_per"])
    return max(p["minimum"], first + beyond)


def full_time_share(content: dict[str, Any], ruleset: RuleSet) -> float:
    """This agreement as full-time persons (BEK § 65, stk. 2: the placed are counted as
    fractions of full time): its hours against the workplace's full time, at most 1; 1 when
    the hours are not given yet."""
    hours = as_number(content.get("hours_per_week"))
    normal = as_number(content.get("normal_full_time_hours")) \
        or float(ruleset.params.get("default_full_time_hours", 37))
    if hours is None or hours <= 0 or normal <= 0:
        return 1.0
    return min(1.0, hours / normal)


def _same_employer(content: dict[str, Any], facts: Facts) -> bool:
    cvr = _digits(content.get("employer_cvr"))
    return bool(cvr) and cvr == _digits(facts.citizen_last_employer_cvr)


@rule("ratio")
def ratio(agreement_type: str, content: dict[str, Any], facts: Facts,
          ruleset: RuleSet) -> Iterable[Finding]:
    """Rimelighedskrav (BEK § 65, stk. 1-4; LAB § 77 for løntilskud): persons placed at the
    P-number (already there, including this device's agreements not yet synced, plus this
    one as its share of full time) against the ordinary employees. Not for a sygedagpenge
    or jobafklaring citizen in praktik at their own employer (stk. 5: the set's
    ``exempt_at_own_employer``). A warning, as VITAS lets the employer submit with a note
    that the ratio will hold at the start."""
    employees = as_number(content.get("ordinary_employees"))
    if employees is None:
        return
    spec = ruleset.for_type(agreement_type).get("ratio") or {}
    group = content.get("target_group") or ""
    if group in spec.get("exempt_at_own_employer", ()) and _same_employer(content, facts):
        return
    allowed = allowed_placements(employees, spec)
    count = facts.already_placed + full_time_share(content, ruleset)
    if count <= allowed:
        return
    basis = {"registered": facts.placed_registered, "municipal": facts.placed_municipal,
             "local": facts.placed_local}
    if facts.placements_as_of is not None:
        template = _N(
            CTX, "Rimelighedskravet: med {employees} ordinært ansatte må højst {allowed} være i "
                 "praktik eller løntilskud på arbejdspladsen (P-nummeret). Med denne aftale "
                 "bliver det {count} fuldtidspersoner ({already} i forvejen: {municipal} fra "
                 "kommunens aftaler hos den centrale tjeneste, opgjort {as_of}; {local} fra "
                 "denne enhed; {registered} registreret på virksomheden). Fortsæt kun, hvis "
                 "forholdet er i orden ved start, og notér det.")
        basis["as_of"] = danish_moment(facts.placements_as_of)
    else:
        template = _N(
            CTX, "Rimelighedskravet: med {employees} ordinært ansatte må højst {allowed} være i "
                 "praktik eller løntilskud på arbejdspladsen (P-nummeret). Med denne aftale "
                 "bliver det {count} fuldtidspersoner ({already} i forvejen: {local} fra denne "
                 "enhed; {registered} registreret på virksomheden). Kommunens øvrige aftaler "
                 "er ikke talt med: enheden har ikke hentet dem fra den centrale tjeneste "
                 "endnu. Fortsæt kun, hvis forholdet er i orden ved start, og notér det.")
    yield Finding.of("ratio", WARNING, "ordinary_employees", template,
                     employees=danish_number(employees), allowed=allowed,
                     count=danish_number(round(count, 2)),
                     already=danish_number(facts.already_placed), **basis)


@rule("ratio_statement")
def ratio_statement(agreement_type: str, content: dict[str, Any], facts: Facts,
                    ruleset: RuleSet) -> Iterable[Finding]:
    """Before a praktik is established, the employer and a TR for the group at the P-number
    state in writing whether the conditions hold (BEK § 65, stk. 6). The agreement has no
    field for that statement, so this is a reminder once the workplace's size is given."""
    if as_number(content.get("ordinary_employees")) is None:
        return
    yield Finding.of("ratio_statement", INFO, "tr_name", _N(
        CTX, "Før praktikken etableres, skal arbejdsgiveren og tillidsrepræsentanten for "
             "faggruppen på P-nummeret skriftligt tilkendegive, om rimelighedskravet er "
             "opfyldt."))


@rule("additional_employment")
def additional_employment(agreement_type: str, content: dict[str, Any], facts: Facts,
                          ruleset: RuleSet) -> Iterable[Finding]:
    """Merbeskæftigelseskrav (per CVR): last month's ordinary employees at least the average
    of the last 12 months, and no refilling of a post vacated by dismissal in the last 3
    months."""
    last = as_number(content.get("employees_last_month"))
    average = as_number(content.get("employees_avg_12_months"))
    if last is not None and average is not None and last < average:
        yield Finding.of("additional_employment", ERROR, "employees_last_month", _N(
            CTX, "Merbeskæftigelseskravet: virksomheden (CVR) havde {last} ordinært ansatte "
                 "sidste måned, færre end gennemsnittet for de sidste 12 måneder ({average}). "
                 "Løntilskud kræver, at antallet ikke er faldet."),
            last=danish_number(last), average=danish_number(average))
    if content.get("vacated_by_dismissal") is True:
        yield Finding.of("additional_employment", ERROR, "vacated_by_dismissal", _N(
            CTX, "Stillingen er blevet ledig ved afskedigelse inden for de sidste 3 måneder og "
                 "kan ikke besættes med løntilskud."))


def _digits(value: Any) -> str:
    return re.sub(r"\D", "", str(value or ""))


@rule("not_last_employer")
def not_last_employer(agreement_type: str, content: dict[str, Any], facts: Facts,
                      ruleset: RuleSet) -> Iterable[Finding]:
    """Praktik at the citizen's last employer (compared by CVR), BEK § 61: barred for the
    set's ``barred`` groups (dagpenge, jobparate, uddannelsesparate: stk. 2) and for jobparate
    selvforsørgende (``barred_if_jobparat``: a warning, as readiness is not on the
    agreement); for sygedagpenge and jobafklaring not in employment even in the same function
    (``same_function_allowed``: stk. 4, info); for everyone else only in a new work function
    after a concrete assessment, the difference written in the agreement (stk. 3)."""
    if not _same_employer(content, facts):
        return
    spec = ruleset.for_type(agreement_type).get("not_last_employer") or {}
    group = content.get("target_group") or ""
    groups = {group, ruleset.group_of(group)}
    cvr = _digits(content.get("employer_cvr"))
    if groups & set(spec.get("barred", ())):
        yield Finding.of("not_last_employer", ERROR, "employer_cvr", _N(
            CTX, "Borgeren kan ikke komme i praktik hos sin seneste arbejdsgiver (CVR {cvr}), "
                 "heller ikke når ansættelsen var med tilskud."), cite="not_last_employer.barred",
            cvr=cvr)
    elif groups & set(spec.get("barred_if_jobparat", ())):
        yield Finding.of("not_last_employer", WARNING, "employer_cvr", _N(
            CTX, "Jobparate selvforsørgende kan ikke komme i praktik hos deres seneste "
                 "arbejdsgiver (CVR {cvr}). Er borgeren ikke jobparat, kan praktikken ligge "
                 "her i en ny arbejdsfunktion: notér det, og skriv forskellen i aftalen."),
            cite="not_last_employer.if_jobparat", cvr=cvr)
    elif groups & set(spec.get("same_function_allowed", ())):
        yield Finding.of("not_last_employer", INFO, "employer_cvr", _N(
            CTX, "Praktik hos den seneste arbejdsgiver (CVR {cvr}) i samme funktion kræver, at "
                 "borgeren ikke er i ansættelsesforhold og er enig; ellers kun i en ny "
                 "arbejdsfunktion."), cite="not_last_employer.same_function", cvr=cvr)
    else:
        yield Finding.of("not_last_employer", WARNING, "employer_cvr", _N(
            CTX, "Praktik hos borgerens seneste arbejdsgiver (CVR {cvr}) kan kun ske efter en "
                 "konkret vurdering i en ny arbejdsfunktion, og forskellen på funktionerne "
                 "skal stå i aftalen: notér vurderingen."),
            cite="not_last_employer.new_function", cvr=cvr)


@rule("employee_representative")
def employee_representative(agreement_type: str, content: dict[str, Any], facts: Facts,
                            ruleset: RuleSet) -> Iterable[Finding]:
    """The employee representative (TR) is heard before a løntilskud post is filled."""
    name = content.get("tr_name")
    if is_blank(name):
        yield Finding.of("employee_representative", INFO, "tr_name", _N(
            CTX, "Har arbejdspladsen en tillidsrepræsentant, skal vedkommende høres om "
                 "ansættelsen med løntilskud og skrive sin udtalelse i aftalen."))
        return
    if is_blank(content.get("tr_statement")):
        yield Finding.of("employee_representative", WARNING, "tr_statement", _N(
            CTX, "Tillidsrepræsentanten ({name}) har ikke givet sin udtalelse om ansættelsen "
                 "med løntilskud. Udfyld udtalelsen, eller notér hvorfor den mangler."),
            name=name)
