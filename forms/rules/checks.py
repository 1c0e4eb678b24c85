"""The rule functions. Each takes (agreement_type, content, facts, ruleset) and yields
findings; its parameters come from the rule set (``ruleset.for_type(agreement_type)``)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from . import ERROR, Facts, Finding, RuleSet, _N, rule


def _weeks_or_months(spec: dict[str, Any], target_group: str) -> tuple[str, int] | None:
    by_group = spec.get("max_duration", {})
    value = by_group.get(target_group, by_group.get("*"))
    if value is None:
        return None
    unit, amount = value.split(":")  # "weeks:13" / "months:6"
    return unit, int(amount)


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for candidate_day in range(day.day, 27, -1):
        try:
            return dt.date(year, month, candidate_day)
        except ValueError:
            continue
    return dt.date(year, month, min(day.day, 28))


def max_end_date(agreement_type: str, target_group: str, start: dt.date,
                 ruleset: RuleSet) -> dt.date | None:
    limit = _weeks_or_months(ruleset.for_type(agreement_type), target_group)
    if limit is None:
        return None
    unit, amount = limit
    if unit == "weeks":
        return start + dt.timedelta(weeks=amount) - dt.timedelta(days=1)
    return _add_months(start, amount) - dt.timedelta(days=1)


@rule("max_duration")
def max_duration(agreement_type: str, content: dict[str, Any], facts: Facts,
                 ruleset: RuleSet) -> Iterable[Finding]:
    start, end = content.get("start_date"), content.get("end_date")
    group = content.get("target_group") or ""
    if not isinstance(start, dt.date) or not isinstance(end, dt.date):
        return
    if end < start:
        yield Finding.of("max_duration", ERROR, "end_date", _N(
            "rules", "Slutdatoen ligger før startdatoen."))
        return
    last = max_end_date(agreement_type, group, start, ruleset)
    if last is not None and end > last:
        yield Finding.of("max_duration", ERROR, "end_date", _N(
            "rules", "Aftalen må højst vare til {last} for denne målgruppe ({limit})."),
            last=last.strftime("%d-%m-%Y"),
            limit=_limit_text(ruleset.for_type(agreement_type), group))


def _limit_text(spec: dict[str, Any], group: str) -> str:
    limit = _weeks_or_months(spec, group)
    if limit is None:
        return ""
    unit, amount = limit
    return f"{amount} uger" if unit == "weeks" else f"{amount} måneder"
