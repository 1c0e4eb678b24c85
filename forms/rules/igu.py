"""IGU (integrationsgrunduddannelse): the citizen's age at the start, the last day a forløb
may start, and the school weeks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from .base import _N, ERROR, WARNING, Facts, Finding, RuleSet, rule
from .periods import as_date, as_number, danish_date, danish_number
from .reading import age_at_start

CTX = "rules"


@rule("igu_age")
def igu_age(agreement_type: str, content: dict[str, Any], facts: Facts,
            ruleset: RuleSet) -> Iterable[Finding]:
    """Aged ``min``-``max`` on the start date, both included (18-50: from the 18th birthday
    to the day before the 51st), from the CPR number's birth date."""
    spec = ruleset.for_type(agreement_type).get("igu_age")
    age = age_at_start(content, facts)
    if not spec or age is None or spec["min"] <= age <= spec["max"]:
        return
    yield Finding.of("igu_age", ERROR, "citizen_cpr", _N(
        CTX, "IGU er for borgere mellem {minimum} og {maximum} år ved start; ifølge "
             "CPR-nummeret er borgeren {age} år den {start}."),
        minimum=spec["min"], maximum=spec["max"], age=age,
        start=danish_date(content["start_date"]))


@rule("igu_last_start")
def igu_last_start(agreement_type: str, content: dict[str, Any], facts: Facts,
                   ruleset: RuleSet) -> Iterable[Finding]:
    """An IGU forløb can start until the set's ``last_start_date`` (31 December 2027)."""
    last = ruleset.for_type(agreement_type).get("last_start_date")
    start = as_date(content.get("start_date"))
    if not last or start is None or start <= dt.date.fromisoformat(last):
        return
    yield Finding.of("igu_last_start", ERROR, "start_date", _N(
        CTX, "Et IGU-forløb kan kun begynde til og med {last}; startdatoen er {start}."),
        last=danish_date(dt.date.fromisoformat(last)), start=danish_date(start))


@rule("igu_school_weeks")
def igu_school_weeks(agreement_type: str, content: dict[str, Any], facts: Facts,
                     ruleset: RuleSet) -> Iterable[Finding]:
    """The school part of the forløb (DOMAIN.md: 23 weeks)."""
    minimum = ruleset.for_type(agreement_type).get("school_weeks_min")
    weeks = as_number(content.get("school_weeks"))
    if minimum is None or weeks is None or weeks >= minimum:
        return
    yield Finding.of("igu_school_weeks", WARNING, "school_weeks", _N(
        CTX, "IGU skal indeholde {minimum} ugers skoleundervisning; aftalen har {weeks}. "
             "Notér, hvordan resten af undervisningen gives."),
        minimum=minimum, weeks=danish_number(weeks))
