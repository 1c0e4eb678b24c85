"""Who may be placed in which kind of vacancy, from the rule sets the agreements are judged
by (see the comment below)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Mapping

from ..domain import (
    TARGET_GROUPS,
)
from ..rulesets import RuleSet, ruleset_for

# --------------------------------------------------------------------------------------------
# Rules: which target group may be placed in which kind of vacancy, and who may not be placed
# at their last employer. Not a table of matching's own: the rule sets the agreements are
# judged by (``consultant_app.rulesets``, the set in force on the day of the ranking) decide,
# so matching never hides a placement the agreement allows nor proposes one it refuses.
# A kind leads to one or more agreement types; a group passes when any of them takes it
# (løntilskud: private or public). Ordinary hours and småjob are plain hiring (no list).
# IGU: refugees and family-reunified persons, no LAB group; during the integration programme
# they are on kontanthjælp / uddannelseshjælp terms, which the rule set's IGU list says, and
# every IGU result carries a reminder to check the residence basis and age (matching never
# reads the encrypted CPR number).
# --------------------------------------------------------------------------------------------
KIND_AGREEMENT_TYPES: dict[str, tuple[str, ...]] = {
    "ordinary": ("ordinaere_timer",),
    "smajob": ("ordinaere_timer",),
    "praktik": ("virksomhedspraktik",),
    "loentilskud": ("loentilskud_privat", "loentilskud_offentlig"),
    "fleksjob": ("fleksjob",),
    "igu": ("igu",),
}


@dataclass(frozen=True)
class Eligibility:
    """Who may take which kind on a day, read from the rule set in force then."""

    ruleset: RuleSet
    # per kind: the target groups it is open to; None: every group
    kind_groups: Mapping[str, frozenset[str] | None]
    # per kind: the groups that may not be placed at their last employer (praktik: BEK § 61,
    # stk. 2); the others may, in a new work function, which the agreement then notes
    barred_at_last_employer: Mapping[str, frozenset[str]]

    def allowed(self, kind: str) -> frozenset[str] | None:
        return self.kind_groups.get(kind)

    def barred(self, kind: str) -> frozenset[str]:
        return self.barred_at_last_employer.get(kind, frozenset())


def _eligibility_of(ruleset: RuleSet) -> Eligibility:
    kind_groups: dict[str, frozenset[str] | None] = {}
    barred: dict[str, frozenset[str]] = {}
    for kind, types in KIND_AGREEMENT_TYPES.items():
        allowed = [ruleset.allowed_groups(t) for t in types]
        kind_groups[kind] = None if any(a is None for a in allowed) \
            else frozenset().union(*allowed)
        names = set()
        for t in types:
            names.update(ruleset.for_type(t).get("not_last_employer", {}).get("barred", ()))
        barred[kind] = frozenset(g for g in TARGET_GROUPS
                                 if g in names or ruleset.group_of(g) in names)
    return Eligibility(ruleset, kind_groups, barred)


_ELIGIBILITY: dict[int, Eligibility] = {}


def eligibility(day: dt.date) -> Eligibility:
    """Eligibility by the rule set in force on ``day`` (computed once per set)."""
    ruleset = ruleset_for(day)
    found = _ELIGIBILITY.get(id(ruleset))
    if found is None or found.ruleset is not ruleset:
        found = _ELIGIBILITY[id(ruleset)] = _eligibility_of(ruleset)
    return found


def kind_target_groups(day: dt.date) -> Mapping[str, frozenset[str] | None]:
    """Per kind, the target groups it is open to on ``day`` (None: every group)."""
    return eligibility(day).kind_groups
