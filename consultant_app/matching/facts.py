"""The plain data the pure core judges, and what the soft score is made of."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

# --------------------------------------------------------------------------------------------
# The soft score: points out of 100, one weight per part, each part a fit from 0 to 1.
#   skills      how many of the vacancy's wanted skills the citizen has (tolerant wording)
#   occupation  the vacancy's occupation against what the citizen wishes to work as
#               (or, weaker, against their skills)
#   distance    1 at the door, 1/2 at 10 km, 1/4 at 30 km: the commute matters at any range
#   hours       1 when the citizen can work the vacancy's full hours; less the further short,
#               softened when the vacancy starts with few hours (JobFirst)
#   waited      months unemployed, full at 2 years: long waits get a fair chance first
# A vacancy that wants spoken Danish costs NO_DANISH_PENALTY points when Danish is not among
# the citizen's languages: a language level is a judgement, so it ranks lower, not out.
# --------------------------------------------------------------------------------------------
WEIGHTS: dict[str, float] = {
    "skills": 30.0,
    "occupation": 30.0,
    "distance": 15.0,
    "hours": 15.0,
    "waited": 10.0,
}
NO_DANISH_PENALTY = 10.0
DISTANCE_HALF_KM = 10.0
WAITED_FULL_DAYS = 730
# Parts judged when nothing is known: unknown distance is likelier far than near.
UNKNOWN_DISTANCE_FIT = 0.3
UNKNOWN_HOURS_FIT = 0.5
MAX_REASONS = 5


# --------------------------------------------------------------------------------------------
# Facts: the plain data the core judges.
# --------------------------------------------------------------------------------------------
class VacancyFacts(NamedTuple):
    """What matching needs of a vacancy; ``postcode`` is the workplace's, else the employer's."""

    id: str
    title: str = ""
    occupation: str = ""
    kind: str = "ordinary"
    hours_min: float | None = None
    hours_max: float | None = None
    starts_with_few_hours: bool = False
    requirements: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    postcode: str = ""
    employer_id: str = ""
    employer_name: str = ""
    employer_cvr: str = ""


class CitizenFacts(NamedTuple):
    """What matching needs of a citizen: no CPR, no notes."""

    id: str
    name: str = ""
    target_group: str = ""
    skills: tuple[str, ...] = ()
    wished_occupations: tuple[str, ...] = ()
    max_hours_per_week: float | None = None
    restrictions: tuple[str, ...] = ()
    driving_licence: str = ""
    languages: tuple[str, ...] = ()
    postcode: str = ""
    max_commute_km: float | None = None
    unemployed_since: dt.date | None = None
    last_employer_cvr: str = ""


class Parts(NamedTuple):
    """Each part of the soft score as a fit from 0 to 1 (see WEIGHTS)."""

    skills: float
    occupation: float
    distance: float
    hours: float
    waited: float
    penalty: float  # points taken off


@dataclass(frozen=True)
class MatchFilters:
    """The consultant's narrowing of a ranking; applied to a ranking already made."""

    max_distance_km: float | None = None
    only_without_restrictions: bool = False


NO_FILTERS = MatchFilters()  # a ranking as it is (frozen: one shared object)


def required_hours(vacancy: VacancyFacts) -> float | None:
    """The fewest weekly hours the job can be done with: its start hours when it starts with
    few (JobFirst), else the low end of its range, else its only figure."""
    return vacancy.hours_min if vacancy.hours_min is not None else vacancy.hours_max


def has_driving_licence_b(citizen: CitizenFacts) -> bool:
    """Every Danish licence class we record (B, C, CE, D) requires B first."""
    return bool(citizen.driving_licence)
