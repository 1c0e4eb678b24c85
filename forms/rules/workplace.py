"""Rules about the workplace: rimelighedskrav (per P-number), merbeskæftigelseskrav (per CVR),
praktik not at the last employer, and the employee representative's statement."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from . import _N, ERROR, INFO, WARNING, Facts, Finding, RuleSet, rule
from .periods import as_number, danish_number
from .reading import filled

CTX = "rules"

# BEK om en aktiv beskæftigelsesindsats § 65, as in DOMAIN.md.
RATIO_DEFAULTS = {"per": 5, "first": 50, "then_per": 10, "minimum": 1}


def allowed_placements(ordinary_employees: float, params: dict[str, Any] | None = None) -> int:
    """Rimelighedskrav: persons allowed in praktik or løntilskud for a number of ordinary
    employees (full-time equivalents): 1 per ``per`` of the first ``first``, then 1 per
    ``then_per`` beyond, always at least ``minimum``. 0-9 -> 1, 10 -> 2, 50 -> 10, 51 -> 10,
    60 -> 11."""
    p = {**RATIO_DEFAULTS, **(params or {})}
    n = max(0.0, ordinary_employees)
    first = math.floor(min(n, p["first"]) / p["per"])
    beyond = math.floor(max(0.0, n - p["first"]) / p["then_per"])
    return max(p["minimum"], first + beyond)


@rule("ratio")
def ratio(agreement_type: str, content: dict[str, Any], facts: Facts,
          ruleset: RuleSet) -> Iterable[Finding]:
    """Rimelighedskrav (BEK § 65): persons placed at the P-number (already there, including
    this device's agreements not yet synced, plus this one) against the ordinary employees.
    A warning, as VITAS lets the employer submit with a note that the ratio will hold at the
    start."""
    employees = as_number(content.get("ordinary_employees"))
    if employees is None:
        return
    allowed = allowed_placements(employees, ruleset.for_type(agreement_type).get("ratio"))
    count = facts.already_placed + 1
    if count <= allowed:
        return
    yield Finding.of("ratio", WARNING, "ordinary_employees", _N(
        CTX, "Rimelighedskravet: med {employees} ordinært ansatte må højst {allowed} være i "
             "praktik eller løntilskud på arbejdspladsen (P-nummeret). Med denne aftale bliver "
             "det {count} ({already} i forvejen). Fortsæt kun, hvis forholdet er i orden ved "
             "start, og notér det."),
        employees=danish_number(employees), allowed=allowed, count=count,
        already=facts.already_placed)


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
    """Praktik is not at the citizen's last employer (compared by CVR)."""
    cvr, last = _digits(content.get("employer_cvr")), _digits(facts.citizen_last_employer_cvr)
    if cvr and cvr == last:
        yield Finding.of("not_last_employer", ERROR, "employer_cvr", _N(
            CTX, "Borgeren kan ikke komme i praktik hos sin seneste arbejdsgiver (CVR {cvr})."),
            cvr=cvr)


@rule("employee_representative")
def employee_representative(agreement_type: str, content: dict[str, Any], facts: Facts,
                            ruleset: RuleSet) -> Iterable[Finding]:
    """The employee representative (TR) is heard before a løntilskud post is filled."""
    name = content.get("tr_name")
    if not filled(name):
        yield Finding.of("employee_representative", INFO, "tr_name", _N(
            CTX, "Har arbejdspladsen en tillidsrepræsentant, skal vedkommende høres om "
                 "ansættelsen med løntilskud og skrive sin udtalelse i aftalen."))
        return
    if not filled(content.get("tr_statement")):
        yield Finding.of("employee_representative", WARNING, "tr_statement", _N(
            CTX, "Tillidsrepræsentanten ({name}) har ikke givet sin udtalelse om ansættelsen "
                 "med løntilskud. Udfyld udtalelsen, eller notér hvorfor den mangler."),
            name=name)
