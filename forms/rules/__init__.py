"""The legal rules, checked on the spot: findings for one agreement's content.

Rule *logic* is Python (one small function per rule in this package); rule *parameters* are
data, in rule sets keyed by the date they take effect. The sets, their schema and their loader
live in ``consultant_app.rulesets`` (matching reads the same sets for who may take which
kind); this package re-exports what it uses. An agreement is judged by the set in force on its
start date, so a reform is a new JSON file.

``evaluate(agreement_type, content, facts)`` is the one entry point. ``Facts`` holds what the rules
need from the store besides the content (the citizen's last employer, persons already placed at
the workplace, ...); ``forms.facts.gather`` collects it, so the rules themselves are pure.

Every finding a rule produces carries the citation of the rule (or of the narrower parameter it
used, ``Finding.cite``) from the set, and whether the set is provisional. A finding whose
``cite`` names no citation (an end date before the start) is the program's own consistency
check, not a rule of law, and carries none. A finding from an
unconfirmed citation or a provisional set says so in its message: the consultant must know
when a rule rests on a reading we could not check in the law text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from consultant_app.rulesets import RuleSetError, ruleset_for, rulesets

# Every rule module, imported here once: each registers its rules in base.RULES with @rule.
from . import checks, igu, subsidy, workplace  # noqa: F401
from .base import (
    _N,
    CTX,
    ERROR,
    INFO,
    RULES,
    SEVERITIES,
    WARNING,
    Citation,
    Facts,
    Finding,
    RuleSet,
    _cited,
    rule,
)
from .checks import max_end_date


def evaluate(agreement_type: str, content: dict[str, Any], facts: Facts,
             ruleset: RuleSet | None = None) -> list[Finding]:
    """Every finding for ``content``, judged by the rule set in force on its start date (or
    today, while no start date is given), errors first. ``ruleset`` overrides the choice."""
    if ruleset is None:
        start = content.get("start_date")
        ruleset = ruleset_for(start if isinstance(start, dt.date) else facts.today)
    findings: list[Finding] = []
    for key in ruleset.for_type(agreement_type).get("rules", ()):
        findings.extend(_cited(f, agreement_type, content, ruleset)
                        for f in RULES[key](agreement_type, content, facts, ruleset))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: order[f.severity])


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == ERROR]


def proposed_end_date(agreement_type: str, target_group: str, start: dt.date,
                      ruleset: RuleSet | None = None) -> dt.date | None:
    """The last day allowed by the maximum duration for the target group, or None when the
    type has no maximum (småjob, fleksjob) or the group is unknown."""
    return max_end_date(agreement_type, target_group, start, ruleset or ruleset_for(start))


__all__ = [
    "CTX",
    "ERROR",
    "INFO",
    "RULES",
    "WARNING",
    "_N",
    "Citation",
    "Facts",
    "Finding",
    "RuleSet",
    "RuleSetError",
    "blocking",
    "evaluate",
    "proposed_end_date",
    "rule",
    "ruleset_for",
    "rulesets",
]
