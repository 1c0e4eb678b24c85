"""The legal rules, checked on the spot: findings for one agreement's content.

Rule *logic* is Python (one small function per rule in this package); rule *parameters* are
data, in rule sets keyed by the date they take effect (``forms/data/rulesets/<YYYY-MM-DD>.json``).
An agreement is judged by the set in force on its start date, so a reform is a new JSON file.

``evaluate(template, content, facts)`` is the one entry point. ``Facts`` holds what the rules
need from the store besides the content (the citizen's last employer, persons already placed at
the workplace, ...); ``forms.facts.gather`` collects it, so the rules themselves are pure.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterable

from consultant_app.text import Message
from consultant_app.text import QT_TRANSLATE_NOOP as _N

CTX = "rules"

ERROR = "error"      # blocks signing
WARNING = "warning"  # must be acknowledged with a note before signing
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)


@dataclass(frozen=True)
class Finding:
    rule: str          # the rule's key, e.g. "max_duration"
    severity: str
    field: str         # the content field it is about ("" for the whole agreement)
    message: Message

    @property
    def key(self) -> str:
        """Identifies the finding for an acknowledgement: same rule, same field."""
        return f"{self.rule}:{self.field}"

    @classmethod
    def of(cls, rule: str, severity: str, field: str, template: str,
           **params: Any) -> "Finding":
        return cls(rule, severity, field, Message(CTX, template, params))


@dataclass(frozen=True)
class Facts:
    """What the rules know besides the agreement's content. Gathered by ``forms.facts``."""

    today: dt.date
    agreement_id: str = ""
    citizen_last_employer_cvr: str = ""
    # Persons already in praktik / løntilskud at the same P-number (CVR when none) on the
    # start date, not counting this agreement: the employer's registered count plus this
    # device's agreements not yet delivered to the central system.
    already_placed: int = 0
    # Persons already placed at the same CVR (merbeskæftigelse is judged per company).
    already_placed_cvr: int = 0
    citizen_birth_date: dt.date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleSet:
    """The rule parameters in force from ``effective_from``; ``params`` is the JSON as read."""

    effective_from: dt.date
    name: str
    params: dict[str, Any]

    def for_type(self, agreement_type: str) -> dict[str, Any]:
        return self.params.get("types", {}).get(agreement_type, {})


@lru_cache(maxsize=1)
def rulesets() -> tuple[RuleSet, ...]:
    found = []
    for entry in (resources.files("forms.data") / "rulesets").iterdir():
        if entry.name.endswith(".json"):
            data = json.loads(entry.read_text("utf-8"))
            found.append(RuleSet(dt.date.fromisoformat(data["effective_from"]), data["name"],
                                 data))
    return tuple(sorted(found, key=lambda r: r.effective_from))


def ruleset_for(day: dt.date) -> RuleSet:
    """The rule set in force on ``day`` (the earliest one for days before all of them)."""
    sets = rulesets()
    current = sets[0]
    for ruleset in sets:
        if ruleset.effective_from <= day:
            current = ruleset
    return current


Rule = Callable[[str, dict[str, Any], Facts, RuleSet], Iterable[Finding]]
RULES: dict[str, Rule] = {}


def rule(key: str) -> Callable[[Rule], Rule]:
    """Register a rule function under ``key``; a rule set lists the keys it applies per type."""
    def register(fn: Rule) -> Rule:
        RULES[key] = fn
        return fn
    return register


def evaluate(agreement_type: str, content: dict[str, Any], facts: Facts) -> list[Finding]:
    """Every finding for ``content``, judged by the rule set in force on its start date (or
    today, while no start date is given)."""
    from . import checks  # noqa: F401  - registers the rules
    start = content.get("start_date")
    day = start if isinstance(start, dt.date) else facts.today
    ruleset = ruleset_for(day)
    findings: list[Finding] = []
    for key in ruleset.for_type(agreement_type).get("rules", ()):
        findings.extend(RULES[key](agreement_type, content, facts, ruleset))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: order[f.severity])


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == ERROR]


def proposed_end_date(agreement_type: str, target_group: str,
                      start: dt.date) -> dt.date | None:
    """The last day allowed by the maximum duration for the target group, or None when the
    type has no maximum (småjob, fleksjob) or the group is unknown."""
    from .checks import max_end_date
    return max_end_date(agreement_type, target_group, start, ruleset_for(start))


__all__ = ["ERROR", "INFO", "WARNING", "Facts", "Finding", "RuleSet", "blocking", "evaluate",
           "proposed_end_date", "rule", "ruleset_for", "rulesets", "_N"]
