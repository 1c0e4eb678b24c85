"""The legal rules, checked on the spot: findings for one agreement's content.

Rule *logic* is Python (one small function per rule in this package); rule *parameters* are
data, in rule sets keyed by the date they take effect (``forms/data/rulesets/<YYYY-MM-DD>.json``).
An agreement is judged by the set in force on its start date, so a reform is a new JSON file.

``evaluate(agreement_type, content, facts)`` is the one entry point. ``Facts`` holds what the rules
need from the store besides the content (the citizen's last employer, persons already placed at
the workplace, ...); ``forms.facts.gather`` collects it, so the rules themselves are pure.

A rule set file holds ``effective_from``, ``name``, ``source`` and ``types`` (per agreement type:
``rules``, the rule keys applied, and each rule's parameters), plus set-wide parameters such as
``target_groups`` (today's 13 codes mapped to the groups the set knows, see ``group_of``) and
``closed_groups``. A set may name ``based_on`` (the ``effective_from`` of an earlier set): it
then starts as a copy of that set, its set-wide keys replace the base's, and each type's keys
replace that type's keys one by one, so a reform file states only what the reform changes.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterable

from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message

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
    # The citizen record's unemployed-since date; the content's ``unemployed_since`` wins.
    citizen_unemployed_since: dt.date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RuleSet:
    """The rule parameters in force from ``effective_from``; ``params`` is the JSON as read."""

    effective_from: dt.date
    name: str
    params: dict[str, Any]

    def for_type(self, agreement_type: str) -> dict[str, Any]:
        return self.params.get("types", {}).get(agreement_type, {})

    def group_of(self, target_group: str) -> str:
        """The set's own group for one of today's 13 codes: itself unless the set maps it
        (the 2027 reform's 5 groups)."""
        return self.params.get("target_groups", {}).get(target_group, target_group)

    def lookup(self, by_group: dict[str, Any], target_group: str) -> Any:
        """A per-group parameter: by the code, else by the set's group, else ``"*"``. An
        explicit null is an answer (no limit for that group)."""
        for key in (target_group, self.group_of(target_group), "*"):
            if key in by_group:
                return by_group[key]
        return None


class RuleSetError(ValueError):
    """A shipped rule set is malformed (a programming error in data, caught by tests)."""


def _resolve(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Apply ``based_on`` (see the module docstring), earliest set first."""
    resolved: dict[str, dict[str, Any]] = {}
    for data in sorted(raw, key=lambda d: d["effective_from"]):
        base_key = data.get("based_on")
        if base_key is None:
            resolved[data["effective_from"]] = data
            continue
        if base_key not in resolved:
            raise RuleSetError(f"rule set {data['effective_from']}: based_on {base_key!r} "
                               "is not an earlier set")
        base = resolved[base_key]
        merged = {**base, **{k: v for k, v in data.items() if k != "types"}}
        types = {name: dict(spec) for name, spec in base.get("types", {}).items()}
        for name, spec in data.get("types", {}).items():
            types[name] = {**types.get(name, {}), **spec}
        merged["types"] = types
        resolved[data["effective_from"]] = merged
    return list(resolved.values())


@lru_cache(maxsize=1)
def rulesets() -> tuple[RuleSet, ...]:
    raw = [json.loads(entry.read_text("utf-8"))
           for entry in (resources.files("forms.data") / "rulesets").iterdir()
           if entry.name.endswith(".json")]
    found = [RuleSet(dt.date.fromisoformat(data["effective_from"]), data["name"], data)
             for data in _resolve(raw)]
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


def _register() -> None:
    from . import checks  # noqa: F401  - importing registers the rules


def evaluate(agreement_type: str, content: dict[str, Any], facts: Facts,
             ruleset: RuleSet | None = None) -> list[Finding]:
    """Every finding for ``content``, judged by the rule set in force on its start date (or
    today, while no start date is given), errors first. ``ruleset`` overrides the choice."""
    _register()
    if ruleset is None:
        start = content.get("start_date")
        ruleset = ruleset_for(start if isinstance(start, dt.date) else facts.today)
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


__all__ = ["ERROR", "INFO", "RULES", "WARNING", "Facts", "Finding", "RuleSet", "RuleSetError",
           "blocking", "evaluate", "proposed_end_date", "rule", "ruleset_for", "rulesets", "_N"]
