"""What a consultant reads: the message templates, and the deciding few reasons of a pair."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..domain import CTX as DOMAIN_CTX
from ..domain import (
    RESTRICTIONS,
    TARGET_GROUPS,
    VACANCY_KINDS,
)
from ..text import QT_TRANSLATE_NOOP as _N
from ..text import Message, format_number
from .facts import (
    MAX_REASONS,
    WAITED_FULL_DAYS,
    WEIGHTS,
    CitizenFacts,
    MatchFilters,
    VacancyFacts,
    required_hours,
)
from .similarity import _best

if TYPE_CHECKING:
    from .score import Assessment




CTX = "matching"

# --------------------------------------------------------------------------------------------
# Message templates (Danish source text; the UI translates them in context "matching").
# --------------------------------------------------------------------------------------------
T_HOURS_SHORT = _N(CTX, "Kan højst {cap} timer/uge – stillingen kræver mindst {need}")
T_HOURS_SHORT_START = _N(CTX, "Kan højst {cap} timer/uge – stillingen starter med {need}")
T_RESTRICTION = _N(CTX, "Skånehensyn »{restriction}« – stillingen kræver »{requirement}«")
T_NO_LICENCE = _N(CTX, "Mangler kørekort B")
T_TOO_FAR = _N(CTX, "Bor {km} km væk – vil højst {max} km")
T_GROUP = _N(CTX, "{kind} er ikke for målgruppen »{group}«")
T_GROUP_UNKNOWN = _N(CTX, "Målgruppe ikke oplyst – {kind} kræver en bestemt målgruppe")
T_LAST_EMPLOYER = _N(CTX, "{kind} kan ikke være hos borgerens seneste arbejdsgiver")
T_FILTER_DISTANCE = _N(CTX, "Længere væk end filteret på {max} km")
T_FILTER_RESTRICTIONS = _N(CTX, "Har skånehensyn (filteret viser kun borgere uden)")

T_DISTANCE = _N(CTX, "Bor {km} km væk")
T_DISTANCE_SAME = _N(CTX, "Bor i samme postnummer")
T_DISTANCE_UNKNOWN = _N(CTX, "Afstand ukendt (postnummer mangler)")
T_HOURS_START = _N(CTX, "Kan {cap} timer/uge – stillingen starter med {start}")
T_HOURS_START_GROW = _N(CTX, "Kan {cap} timer/uge – stillingen starter med {start} og vokser "
                             "til {end}")
T_HOURS_RANGE = _N(CTX, "Kan {cap} timer/uge – stillingen er på {lo}-{hi} timer")
T_HOURS_FIXED = _N(CTX, "Kan {cap} timer/uge – stillingen er på {hours} timer")
T_HOURS_UNKNOWN = _N(CTX, "Borgerens timetal er ikke oplyst")
T_HOURS_OPEN = _N(CTX, "Stillingen har intet timetal")
T_SKILLS = _N(CTX, "Har {skills}")
T_SKILLS_NONE = _N(CTX, "Har ingen af de ønskede kompetencer ({skills})")
T_WISH = _N(CTX, "Ønsker job som {wish}")
T_WISH_NEAR = _N(CTX, "Ønsker job som {wish} – beslægtet med {occupation}")
T_WISH_OTHER = _N(CTX, "Ønsker andet job: {wishes}")
T_SKILLS_FIT_OCCUPATION = _N(CTX, "Erfaring med {skill} passer til {occupation}")
T_WAITED_MONTHS = _N(CTX, "Ledig i {months} måneder")
T_WAITED_YEARS = _N(CTX, "Ledig i over {years} år")
T_WAITED_SHORT = _N(CTX, "Ledig i {weeks} uger")
T_NO_DANISH = _N(CTX, "Dansk er ikke angivet som sprog – stillingen kræver dansk")
T_HAS_LICENCE = _N(CTX, "Har kørekort, som stillingen kræver")
T_RESTRICTIONS_OK = _N(CTX, "Skånehensyn passer til stillingen: {restrictions}")
T_GROUP_IS = _N(CTX, "Målgruppe: {group}")
T_GROUP_NONE = _N(CTX, "Målgruppe ikke oplyst")
T_IGU = _N(CTX, "IGU er for flygtninge og familiesammenførte 18-50 år – tjek opholdsgrundlag "
                "og alder")


def _m(template: str, **params: Any) -> Message:
    return Message(CTX, template, params)


def fmt_number(x: float) -> str:
    """Danish: 7,5 and 37, not 7.5 and 37.0."""
    return format_number(x, 1)


def fmt_km(km: float, limit: float | None = None) -> str:
    """Whole kilometres, but a tenth where rounding would hide why a limit was passed; a
    distance over the limit is rounded up then, so it never reads as the limit itself."""
    if limit is not None and round(km) <= limit:
        return format_number(math.ceil(km * 10) / 10 if km > limit else km, 1)
    return str(max(round(km), 1))


def _label(labels: Mapping[str, str], code: str) -> Message | str:
    """A domain label (a target group, an agreement kind) inside a reason, as a message of
    the domain's, so the reason shows it in the reader's language; a code without a label as
    it is."""
    return Message(DOMAIN_CTX, labels[code]) if code in labels else code


def _kind_label(kind: str) -> Message | str:
    return _label(VACANCY_KINDS, kind)


# --------------------------------------------------------------------------------------------
# Reasons: the deciding few, in plain Danish.
# --------------------------------------------------------------------------------------------
def _explain(a: Assessment) -> tuple[Message, ...]:
    v, c, p = a.vacancy, a.citizen, a.parts
    assert p is not None
    w = WEIGHTS
    ranked: list[tuple[float, Message]] = []  # (importance, reason)

    # Caveats the consultant must see come first, whatever they weigh.
    if v.kind == "igu":
        ranked.append((1000.0, _m(T_IGU)))
    if p.penalty:
        ranked.append((900.0, _m(T_NO_DANISH)))

    # Distance and hours are what a consultant checks first: always shown.
    if a.distance_km is None:
        ranked.append((500.0, _m(T_DISTANCE_UNKNOWN)))
    elif a.distance_km < 0.5:
        ranked.append((500.0, _m(T_DISTANCE_SAME)))
    else:
        ranked.append((500.0, _m(T_DISTANCE, km=fmt_km(a.distance_km))))
    ranked.append((400.0, _hours_reason(v, c)))

    if v.skills:
        matched = [c_skill for wanted in v.skills
                   for s, c_skill in [_best(wanted, c.skills)] if s >= 0.6]
        matched = list(dict.fromkeys(matched))
        if matched:
            ranked.append((w["skills"] * p.skills, _m(T_SKILLS, skills=", ".join(matched[:3]))))
        else:
            ranked.append((w["skills"] * 0.8, _m(T_SKILLS_NONE, skills=", ".join(v.skills[:3]))))

    occupation = v.occupation or v.title
    if occupation:
        by_wish, wish = 0.0, ""
        for o in (occupation, v.title):
            s, which = _best(o, c.wished_occupations) if o else (0.0, "")
            if s > by_wish:
                by_wish, wish = s, which
        if by_wish >= 0.8:
            ranked.append((w["occupation"] * by_wish, _m(T_WISH, wish=wish)))
        elif by_wish >= 0.4:
            ranked.append((w["occupation"] * by_wish,
                           _m(T_WISH_NEAR, wish=wish, occupation=occupation)))
        else:
            s, skill = _best(occupation, c.skills)
            if s >= 0.6:
                ranked.append((w["occupation"] * p.occupation,
                               _m(T_SKILLS_FIT_OCCUPATION, skill=skill, occupation=occupation)))
            elif c.wished_occupations:
                ranked.append((w["occupation"] * 0.5, _m(
                    T_WISH_OTHER, wishes=", ".join(c.wished_occupations[:2]))))

    if c.unemployed_since is not None and p.waited > 0:
        days = round(p.waited * WAITED_FULL_DAYS)
        if p.waited >= 1.0:
            message = _m(T_WAITED_YEARS, years=days // 365)
        elif days >= 90:
            message = _m(T_WAITED_MONTHS, months=days * 12 // 365)
        else:
            message = _m(T_WAITED_SHORT, weeks=max(days // 7, 1))
        ranked.append((w["waited"] * p.waited, message))

    if "driving_licence_b" in v.requirements:
        ranked.append((6.0, _m(T_HAS_LICENCE)))
    if c.restrictions:
        ranked.append((5.0, _m(T_RESTRICTIONS_OK, restrictions=", ".join(
            RESTRICTIONS.get(r, r).lower() for r in c.restrictions))))

    # The target group decides which agreement the placement needs: the last word.
    ranked.append((1.0, _m(T_GROUP_IS, group=_label(TARGET_GROUPS, c.target_group))
                   if c.target_group else _m(T_GROUP_NONE)))
    ranked.sort(key=lambda pair: -pair[0])
    return tuple(message for _, message in ranked[:MAX_REASONS])


def _hours_reason(v: VacancyFacts, c: CitizenFacts) -> Message:
    need = required_hours(v)
    if need is None:
        return _m(T_HOURS_OPEN)
    if c.max_hours_per_week is None:
        return _m(T_HOURS_UNKNOWN)
    cap = fmt_number(c.max_hours_per_week)
    if v.starts_with_few_hours:
        if v.hours_max is not None and v.hours_max > need:
            return _m(T_HOURS_START_GROW, cap=cap, start=fmt_number(need),
                      end=fmt_number(v.hours_max))
        return _m(T_HOURS_START, cap=cap, start=fmt_number(need))
    if v.hours_max is not None and v.hours_max > need:
        return _m(T_HOURS_RANGE, cap=cap, lo=fmt_number(need), hi=fmt_number(v.hours_max))
    return _m(T_HOURS_FIXED, cap=cap, hours=fmt_number(need))



def _filtered_because(a: Assessment, filters: MatchFilters) -> list[Message]:
    return _filter_reasons(a.distance_km, a.citizen.restrictions, filters)


def _filter_reasons(distance_km: float | None, restrictions: tuple[str, ...],
                    filters: MatchFilters) -> list[Message]:
    why = []
    if filters.max_distance_km is not None and (
            distance_km is None or distance_km > filters.max_distance_km):
        why.append(_m(T_FILTER_DISTANCE, max=fmt_number(filters.max_distance_km)))
    if filters.only_without_restrictions and restrictions:
        why.append(_m(T_FILTER_RESTRICTIONS))
    return why
