"""How the rules read an agreement: the citizen's age and unemployment from the content and
the facts, and the Danish name of the group a rule set judges a target group by."""

from __future__ import annotations

import datetime as dt
from typing import Any

from consultant_app.domain import TARGET_GROUPS

from .base import _N, Facts, RuleSet
from .periods import age_on, as_date

CTX = "rules"

# The 2027 reform's groups (rule set 2027-01-01, ``target_groups``). The names follow the
# expert group's five "indsatsgrupper" (Ekspertgruppen for fremtidens beskæftigelsesindsats,
# June 2024), which the April 2025 agreement took over as "5 målgrupper"; the names in the new
# main law (expected 1 January 2027) were not published when this was written. "dagpenge" and
# "sygedagpenge" keep today's code and name.
GROUP_LABELS: dict[str, str] = {
    "jobsoegning": _N(CTX, "Jobsøgningsindsats (jobparate kontanthjælps- og "
                          "ledighedsydelsesmodtagere)"),
    "jobhjaelp": _N(CTX, "Jobhjælpsindsats (kontanthjælpsmodtagere med andre udfordringer end "
                        "ledighed)"),
    "oevrige": _N(CTX, "Indsats for øvrige borgere (førtidspensionister, selvforsørgende, "
                      "unge under 18)"),
}


def group_label(ruleset: RuleSet, target_group: str) -> str:
    """The Danish name of the group the set judges ``target_group`` by."""
    group = ruleset.group_of(target_group)
    if group != target_group and group in GROUP_LABELS:
        return GROUP_LABELS[group]
    return TARGET_GROUPS.get(target_group, target_group)


def unemployed_since(content: dict[str, Any], facts: Facts) -> dt.date | None:
    """The content's ``unemployed_since``, else the citizen record's."""
    return as_date(content.get("unemployed_since")) or facts.citizen_unemployed_since


def age_at_start(content: dict[str, Any], facts: Facts) -> int | None:
    """Full years on the start date, from the CPR number's birth date."""
    start = as_date(content.get("start_date"))
    if start is None or facts.citizen_birth_date is None:
        return None
    return age_on(facts.citizen_birth_date, start)
