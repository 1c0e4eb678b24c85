"""The rule functions. Each takes (agreement_type, content, facts, ruleset) and yields
findings; its parameters come from the rule set (``ruleset.for_type(agreement_type)`` and the
set-wide keys). A rule whose inputs are not filled in yet says nothing: a missing required
field is the completeness check's finding, not the rule's.

This module holds the rules about the agreement itself (duration, hours, target group, dates,
notices); ``workplace`` the employer's side (rimelighedskrav, merbeskæftigelseskrav, last
employer, employee representative); ``subsidy`` løntilskud's conditions; ``igu`` IGU's.
Importing this module registers them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from consultant_app.domain import TARGET_GROUPS
from consultant_app.text import Message

from .base import _N, ERROR, INFO, WARNING, Facts, Finding, RuleSet, rule
from .periods import (
    MONTHS,
    WEEKS,
    Duration,
    as_date,
    as_number,
    danish_date,
    danish_number,
)
from .reading import GROUP_LABELS, group_label

CTX = "rules"

# Texts a rule set can show through the ``notices`` rule, by key. The set decides severity.
NOTICES: dict[str, str] = {
    "mentor_reduced_2026": _N(
        CTX, "Fra 1. januar 2026 er der et loft over kommunens udgifter til mentorstøtte og "
             "øvrig vejledning og opkvalificering. Reglerne for, hvem der kan få mentorstøtte, "
             "er uændrede: tjek kommunens retningslinjer for timer og varighed."),
    "jobrotation_phasing_out": _N(
        CTX, "Jobrotation afskaffes med beskæftigelsesreformen (lov nr. 1750 af 29. december "
             "2025). Tjek, at ordningen stadig kan bevilges på startdatoen, og notér det."),
    "jobrotation_abolished": _N(
        CTX, "Jobrotation er afskaffet og kan ikke bevilges med start fra 1. januar 2027."),
    "igu_conditions": _N(
        CTX, "Tjek også: borgeren har højst 20 års ophold i Danmark. Der må højst "
             "etableres 1.500 nye IGU-forløb om året, og ministeren kan fastsætte, at der i op "
             "til 3 måneder ikke kan etableres nye forløb."),
}


# -- duration ---------------------------------------------------------------------------
def _limit(spec: dict[str, Any], key: str, ruleset: RuleSet, group: str) -> Any:
    return ruleset.lookup(spec.get(key, {}), group)


def base_limit(agreement_type: str, target_group: str, ruleset: RuleSet) -> Duration | None:
    raw = _limit(ruleset.for_type(agreement_type), "max_duration", ruleset, target_group)
    return Duration.parse(raw) if raw else None


def max_end_date(agreement_type: str, target_group: str, start: dt.date,
                 ruleset: RuleSet) -> dt.date | None:
    """The last day of the group's base duration (before any exception or extension)."""
    limit = base_limit(agreement_type, target_group, ruleset)
    return limit.last_day(start) if limit else None


_OVER = {
    WEEKS: _N(CTX, "Aftalen må højst vare {amount} uger for {group}, dvs. til og med {last}; "
                   "slutdatoen er {end}."),
    MONTHS: _N(CTX, "Aftalen må højst vare {amount} måneder for {group}, dvs. til og med "
                    "{last}; slutdatoen er {end}."),
}
# Beyond the base duration, up to a longer one, when the citizen meets a condition the
# agreement cannot see: the reason names it (``max_duration_exception``).
_EXCEPTION = {
    ("little_experience", WEEKS): _N(
        CTX, "Aftalen er længere end {amount} uger for {group} (til og med {last}); slutdatoen "
             "er {end}. Op til {to} uger kræver, at borgeren har ingen eller ringe "
             "erhvervserfaring eller langvarig ledighed: notér vurderingen."),
    ("selvforsoergende", WEEKS): _N(
        CTX, "Aftalen er længere end {amount} uger for {group} (til og med {last}); slutdatoen "
             "er {end}. Op til {to} uger kræver, at borgeren ikke er jobparat eller har ingen "
             "eller ringe erhvervserfaring eller langvarig ledighed: notér vurderingen."),
    ("not_jobparat", MONTHS): _N(
        CTX, "Aftalen er længere end {amount} måneder for jobparate i gruppen {group} (til og "
             "med {last}); slutdatoen er {end}. Op til {to} måneder kun, hvis borgeren ikke er "
             "jobparat: notér vurderingen."),
}
_EXTENDED = {
    WEEKS: _N(CTX, "Aftalen er længere end {amount} uger for {group} (til og med {last}); "
                   "slutdatoen er {end}. Den kan forlænges op til {to} uger efter en konkret "
                   "vurdering: notér vurderingen."),
    MONTHS: _N(CTX, "Aftalen er længere end {amount} måneder for {group} (til og med {last}); "
                    "slutdatoen er {end}. Den kan forlænges op til {to} måneder efter en "
                    "konkret vurdering: notér vurderingen."),
}
_BEYOND = {
    WEEKS: _N(CTX, "Aftalen er længere end {amount} uger (til og med {last}); slutdatoen er "
                   "{end}. Derefter kan den kun forlænges med op til {step} uger ad gangen, "
                   "når en konkret vurdering viser et helt særligt behov: notér vurderingen."),
    MONTHS: _N(CTX, "Aftalen er længere end {amount} måneder (til og med {last}); slutdatoen "
                    "er {end}. Derefter kan den forlænges med en ny periode på op til {step} "
                    "måneder ad gangen efter en konkret vurdering: notér vurderingen."),
}
_DIMITTEND = _N(
    CTX, "Aftalen er længere end {amount} uger (til og med {last}). Op til {to} uger gælder "
         "for dimittender på dagpenge med en videregående uddannelse og uden job inden for "
         "faget siden; det var et forsøg fra 16. maj 2021: tjek, at det stadig gælder.")


@rule("max_duration")
def max_duration(agreement_type: str, content: dict[str, Any], facts: Facts,
                 ruleset: RuleSet) -> Iterable[Finding]:
    """Maximum duration by target group, as a ladder (praktik LAB § 61, løntilskud § 68,
    mentor § 167): up to the base nothing; beyond it, up to a longer duration, a warning to
    note where the set knows why it may be longer (``max_duration_exception``: the citizen's
    experience or readiness; ``max_duration_dimittend``: the dimittend trial, info), or where
    it may be extended after a concrete assessment (``max_duration_extension``); beyond the
    extension a warning where further periods are allowed (``max_duration_beyond``: praktik's
    13 weeks at a time, mentor's new 6 months), else an error."""
    start, end = as_date(content.get("start_date")), as_date(content.get("end_date"))
    if start is None or end is None:
        return
    if end < start:
        yield Finding.of("max_duration", ERROR, "end_date", _N(
            CTX, "Slutdatoen ({end}) ligger før startdatoen ({start})."),
            cite="dates_in_order", end=danish_date(end), start=danish_date(start))
        return
    spec = ruleset.for_type(agreement_type)
    group = content.get("target_group") or ""
    limit = base_limit(agreement_type, group, ruleset)
    if limit is None or end <= limit.last_day(start):
        return
    params = {"amount": limit.amount, "group": group_label(ruleset, group),
              "last": danish_date(limit.last_day(start)), "end": danish_date(end)}
    dimittend = spec.get("max_duration_dimittend")
    if dimittend and content.get("dimittend") is True and group in dimittend["groups"]:
        longer = Duration.parse(dimittend["to"])
        if end <= longer.last_day(start):
            yield Finding.of("max_duration", INFO, "end_date", _DIMITTEND,
                             cite="max_duration_dimittend", to=longer.amount, **params)
            return
    cite = "max_duration"  # the parameter the limit reached so far comes from
    exception = _limit(spec, "max_duration_exception", ruleset, group)
    if exception:
        longer = Duration.parse(exception["to"])
        if end <= longer.last_day(start):
            yield Finding.of("max_duration", WARNING, "end_date",
                             _EXCEPTION[(exception["reason"], limit.unit)],
                             cite="max_duration_exception", to=longer.amount, **params)
            return
        limit, cite = longer, "max_duration_exception"
        params.update(amount=limit.amount, last=danish_date(limit.last_day(start)))
    extension = _limit(spec, "max_duration_extension", ruleset, group)
    if extension:
        longer = Duration.parse(extension)
        if end <= longer.last_day(start):
            yield Finding.of("max_duration", WARNING, "end_date", _EXTENDED[limit.unit],
                             cite="max_duration_extension", to=longer.amount, **params)
            return
        limit, cite = longer, "max_duration_extension"
        params.update(amount=limit.amount, last=danish_date(limit.last_day(start)))
    beyond = _limit(spec, "max_duration_beyond", ruleset, group)
    if beyond:
        yield Finding.of("max_duration", WARNING, "end_date", _BEYOND[limit.unit],
                         cite="max_duration_beyond", step=Duration.parse(beyond).amount,
                         **params)
        return
    yield Finding.of("max_duration", ERROR, "end_date", _OVER[limit.unit], cite=cite, **params)


# -- target group -----------------------------------------------------------------------
@rule("target_group_allowed")
def target_group_allowed(agreement_type: str, content: dict[str, Any], facts: Facts,
                         ruleset: RuleSet) -> Iterable[Finding]:
    """The agreement type is open to these target groups only (fleksjob: those visiteret)."""
    group = content.get("target_group") or ""
    allowed = ruleset.for_type(agreement_type).get("allowed_groups")
    if not group or allowed is None:
        return
    if group in allowed or ruleset.group_of(group) in allowed:
        return
    name = TARGET_GROUPS.get(group, group)
    if len(allowed) > 3:  # a long list says less than the refusal itself
        yield Finding.of("target_group_allowed", ERROR, "target_group", _N(
            CTX, "Målgruppen '{group}' kan ikke indgå i denne type aftale."), group=name)
        return
    yield Finding.of("target_group_allowed", ERROR, "target_group", _N(
        CTX, "Målgruppen '{group}' kan ikke indgå i denne type aftale; den er kun for: "
             "{allowed}."), group=name,
        allowed=", ".join(TARGET_GROUPS.get(g, GROUP_LABELS.get(g, g)) for g in allowed))


@rule("closed_to_new_cases")
def closed_to_new_cases(agreement_type: str, content: dict[str, Any], facts: Facts,
                        ruleset: RuleSet) -> Iterable[Finding]:
    """Ressourceforløb and revalidering are closed to new citizens from 1 February 2026 (lov
    nr. 1750 af 29. december 2025). Forløb granted before run on, and a placement inside one
    stays lawful, so the set's severity is a warning to confirm with a note, not an error."""
    group = content.get("target_group") or ""
    closed = ruleset.params.get("closed_groups", {}).get(group)
    if not closed:
        return
    since = dt.date.fromisoformat(closed["since"])
    start = as_date(content.get("start_date")) or facts.today
    if start < since:
        return
    yield Finding.of("closed_to_new_cases", closed.get("severity", WARNING), "target_group", _N(
        CTX, "{group} er lukket for nye borgere fra {since}. Aftalen kan kun indgås for en "
             "borger, hvis forløb blev bevilget før den dato: bekræft det i en note."),
        group=TARGET_GROUPS.get(group, group), since=danish_date(since))


# -- hours ------------------------------------------------------------------------------
@rule("hours_within_full_time")
def hours_within_full_time(agreement_type: str, content: dict[str, Any], facts: Facts,
                           ruleset: RuleSet) -> Iterable[Finding]:
    """Hours per week, now and at the end of a planned increase, within the workplace's
    normal full time (the set's ``default_full_time_hours`` when the field is empty)."""
    normal = as_number(content.get("normal_full_time_hours"))
    if normal is None:
        normal = float(ruleset.params.get("default_full_time_hours", 37))
    for key, template in (
            ("hours_per_week", _N(CTX, "Timetallet ({hours} timer om ugen) er over normal fuld "
                                       "tid på arbejdspladsen ({normal} timer om ugen).")),
            ("final_hours_per_week", _N(CTX, "Det forventede timetal ved slutningen ({hours} "
                                             "timer om ugen) er over normal fuld tid på "
                                             "arbejdspladsen ({normal} timer om ugen)."))):
        hours = as_number(content.get(key))
        if hours is not None and hours > normal:
            yield Finding.of("hours_within_full_time", ERROR, key, template,
                             hours=danish_number(hours), normal=danish_number(normal))


@rule("min_hours")
def min_hours(agreement_type: str, content: dict[str, Any], facts: Facts,
              ruleset: RuleSet) -> Iterable[Finding]:
    """A lowest weekly hours figure (fleksjob: from 1 hour a week)."""
    minimum = ruleset.for_type(agreement_type).get("min_hours_per_week")
    hours = as_number(content.get("hours_per_week"))
    if minimum is None or hours is None or hours >= minimum:
        return
    yield Finding.of("min_hours", ERROR, "hours_per_week", _N(
        CTX, "Timetallet pr. uge skal være mindst {minimum}; aftalen har {hours}."),
        minimum=danish_number(minimum), hours=danish_number(hours))


# -- dates ------------------------------------------------------------------------------
@rule("approval_before_start")
def approval_before_start(agreement_type: str, content: dict[str, Any], facts: Facts,
                          ruleset: RuleSet) -> Iterable[Finding]:
    """Praktik may not begin before the jobcentre approves it: a start date already passed
    means it began (or is dated) before approval."""
    start = as_date(content.get("start_date"))
    if start is None or start >= facts.today:
        return
    yield Finding.of("approval_before_start", WARNING, "start_date", _N(
        CTX, "Startdatoen {start} er før i dag ({today}). Praktikken må ikke begynde, før "
             "kommunen (jobcenteret) har godkendt den: ret startdatoen, eller notér hvorfor."),
        start=danish_date(start), today=danish_date(facts.today))


# -- notices ----------------------------------------------------------------------------
@rule("notices")
def notices(agreement_type: str, content: dict[str, Any], facts: Facts,
            ruleset: RuleSet) -> Iterable[Finding]:
    """Fixed texts the set shows for a type (a scheme reduced or abolished), each under its
    own rule key ``notices.<key>`` so each is acknowledged on its own."""
    for notice in ruleset.for_type(agreement_type).get("notices", ()):
        yield Finding(f"notices.{notice['key']}", notice.get("severity", INFO),
                      notice.get("field", ""), Message(CTX, NOTICES[notice["key"]], {}))

