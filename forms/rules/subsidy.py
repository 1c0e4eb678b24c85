"""Løntilskud's conditions: six months of prior unemployment unless an exemption applies, and
the subsidy at most half of the wage cost."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .base import _N, ERROR, INFO, Facts, Finding, RuleSet, rule
from .periods import add_months, as_date, as_number, danish_date, danish_number
from .reading import age_at_start, unemployed_since

CTX = "rules"


# The exemptions of LAB § 69, stk. 3 (forms.fields ``unemployment_exemptions``).
EXEMPTIONS = ("age_50", "single_parent", "no_education")


@rule("prior_unemployment")
def prior_unemployment(agreement_type: str, content: dict[str, Any], facts: Facts,
                       ruleset: RuleSet) -> Iterable[Finding]:
    """Løntilskud needs ``months`` of public benefits before the start (LAB § 69, stk. 1: the
    set's ``groups``; stk. 2's groups only at private employers, so the public type's set
    leaves them out), unless an exemption of stk. 3 applies: no vocational education, over
    50 (``exempt_age``, from the CPR number too when no exemption was chosen), single
    parent. The benefit months are read as 'ledig siden'. An "age_50" exemption the CPR
    number contradicts is an error."""
    spec = ruleset.for_type(agreement_type).get("prior_unemployment")
    start = as_date(content.get("start_date"))
    group = content.get("target_group") or ""
    if not spec or start is None:
        return
    groups = spec.get("groups")
    if groups is not None and group not in groups and ruleset.group_of(group) not in groups:
        return
    age = age_at_start(content, facts)
    exemption = content.get("unemployment_exemption") or "none"
    if exemption == "age_50" and age is not None and age < spec["exempt_age"]:
        yield Finding.of("prior_unemployment", ERROR, "unemployment_exemption", _N(
            CTX, "Undtagelsen 'fyldt {minimum} år' passer ikke: ifølge CPR-nummeret er borgeren "
                 "{age} år på startdatoen."), cite="prior_unemployment.exemption",
            minimum=spec["exempt_age"], age=age)
        return
    if exemption in EXEMPTIONS or (age is not None and age >= spec["exempt_age"]):
        return
    since = unemployed_since(content, facts)
    if since is None:
        yield Finding.of("prior_unemployment", INFO, "unemployed_since", _N(
            CTX, "Løntilskud kræver {months} måneder med offentlig forsørgelse før start, "
                 "medmindre borgeren er over 50 år, er enlig forsørger eller ikke har en "
                 "kompetencegivende uddannelse: angiv 'Ledig siden' eller undtagelsen, hvor "
                 "aftalen har felterne, eller tjek det."), months=spec["months"])
        return
    earliest = add_months(since, spec["months"])
    if start < earliest:
        yield Finding.of("prior_unemployment", ERROR, "unemployed_since", _N(
            CTX, "Løntilskud kræver {months} måneders ledighed før start, medmindre en "
                 "undtagelse gælder. Borgeren har været ledig siden {since}, så ansættelsen kan "
                 "tidligst begynde {earliest}; startdatoen er {start}."),
            months=spec["months"], since=danish_date(since), earliest=danish_date(earliest),
            start=danish_date(start))


@rule("subsidy_share")
def subsidy_share(agreement_type: str, content: dict[str, Any], facts: Facts,
                  ruleset: RuleSet) -> Iterable[Finding]:
    """The subsidy is at most ``max_share`` (50 %) of the wage cost: per hour against the wage,
    and over the last 12 months against the year's total wage cost, where the figures are
    given."""
    share = float(ruleset.for_type(agreement_type).get("subsidy_share", {}).get("max_share",
                                                                               0.5))
    percent = danish_number(share * 100)
    subsidy, wage = (as_number(content.get("subsidy_per_hour")),
                     as_number(content.get("wage_per_hour")))
    if subsidy is not None and wage is not None and subsidy > share * wage:
        yield Finding.of("subsidy_share", ERROR, "subsidy_per_hour", _N(
            CTX, "Tilskuddet ({subsidy} kr. i timen) må højst være {percent} % af timelønnen "
                 "({wage} kr.), dvs. {limit} kr. i timen."),
            subsidy=danish_number(subsidy), wage=danish_number(wage), percent=percent,
            limit=danish_number(round(share * wage, 2)))
    received, cost = (as_number(content.get("subsidy_last_12_months")),
                      as_number(content.get("total_wage_cost")))
    if received is not None and cost is not None and received > share * cost:
        yield Finding.of("subsidy_share", ERROR, "subsidy_last_12_months", _N(
            CTX, "Tilskuddet for de sidste 12 måneder ({subsidy} kr.) må højst være {percent} % "
                 "af årets samlede lønomkostning ({cost} kr.), dvs. {limit} kr."),
            subsidy=danish_number(received), cost=danish_number(cost), percent=percent,
            limit=danish_number(round(share * cost, 2)))
