"""The pure core: one pair judged from plain facts (hard constraints, then the soft score),
and rankings of judged pairs. It touches no database."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Mapping

from ..domain import (
    REQUIREMENTS,
    RESTRICTION_CONFLICTS,
    RESTRICTIONS,
    TARGET_GROUPS,
)
from ..search import fold
from ..text import Message
from .eligibility import eligibility
from .facts import (
    DISTANCE_HALF_KM,
    NO_DANISH_PENALTY,
    NO_FILTERS,
    UNKNOWN_DISTANCE_FIT,
    UNKNOWN_HOURS_FIT,
    WAITED_FULL_DAYS,
    WEIGHTS,
    CitizenFacts,
    MatchFilters,
    Parts,
    VacancyFacts,
    has_driving_licence_b,
    required_hours,
)
from .geo import Geo, shipped_geo
from .reasons import (
    T_GROUP,
    T_GROUP_UNKNOWN,
    T_HOURS_SHORT,
    T_HOURS_SHORT_START,
    T_LAST_EMPLOYER,
    T_NO_LICENCE,
    T_RESTRICTION,
    T_TOO_FAR,
    _explain,
    _filtered_because,
    _kind_label,
    _label,
    _m,
    fmt_km,
    fmt_number,
)
from .similarity import _best, term_similarity

if TYPE_CHECKING:
    from .columnar import _Lazy




# --------------------------------------------------------------------------------------------
# The pure core.
# --------------------------------------------------------------------------------------------
def hours_fit(need: float | None, hours_max: float | None, starts_with_few_hours: bool,
              cap: float | None) -> float:
    """The hours part of the score: a citizen who can work ``cap`` hours a week in a vacancy
    that needs at least ``need`` (``required_hours``) and at most ``hours_max``."""
    if need is None:
        return 1.0
    if cap is None:
        return UNKNOWN_HOURS_FIT
    full = hours_max if hours_max is not None else need
    if cap >= full:
        return 1.0
    if cap < need:
        return 0.0
    share = (cap - need) / (full - need) if full > need else 1.0
    # JobFirst: starting below the final hours is the plan, not a shortfall.
    return (0.6 + 0.4 * share) if starts_with_few_hours else (0.3 + 0.7 * share)


def waited_fit(today: dt.date, since: dt.date | None) -> float:
    """The waited part of the score: months unemployed, full at WAITED_FULL_DAYS."""
    return 0.0 if since is None else \
        min(max((today - since).days, 0) / WAITED_FULL_DAYS, 1.0)


class Assessment:
    """One citizen judged for one vacancy. ``reasons`` are built when first asked for: a
    ranking judges thousands of pairs and shows a screenful."""

    __slots__ = ("vacancy", "citizen", "score", "excluded_because", "parts", "distance_km",
                 "_reasons")

    def __init__(self, vacancy: VacancyFacts, citizen: CitizenFacts, score: float,
                 excluded_because: tuple[Message, ...], parts: Parts | None,
                 distance_km: float | None):
        self.vacancy = vacancy
        self.citizen = citizen
        self.score = score
        self.excluded_because = excluded_because
        self.parts = parts
        self.distance_km = distance_km
        self._reasons: tuple[Message, ...] | None = None

    @property
    def excluded(self) -> bool:
        return bool(self.excluded_because)

    @property
    def reasons(self) -> tuple[Message, ...]:
        """The 3-5 things that decided the score, most telling first (empty when excluded)."""
        if self._reasons is None:
            self._reasons = () if self.parts is None else _explain(self)
        return self._reasons

    def with_exclusions(self, more: Iterable[Message]) -> "Assessment":
        extra = tuple(more)
        if not extra:
            return self
        return Assessment(self.vacancy, self.citizen, 0.0, self.excluded_because + extra,
                          None, self.distance_km)

    def __repr__(self) -> str:
        state = f"excluded={[str(m) for m in self.excluded_because]}" if self.excluded else \
            f"score={self.score:.1f}"
        return f"<Assessment {self.vacancy.id} / {self.citizen.id} {state}>"


@lru_cache(maxsize=256)
def _conflicts(requirements: tuple[str, ...]) -> tuple[tuple[tuple[str, str], ...],
                                                      frozenset[str]]:
    """The citizen restrictions that rule a vacancy with ``requirements`` out."""
    pairs = tuple((r, req) for r, req in RESTRICTION_CONFLICTS.items() if req in requirements)
    return pairs, frozenset(r for r, _ in pairs)


@lru_cache(maxsize=4096)
def _occupations(occupation: str, title: str) -> tuple[str, ...]:
    """What the vacancy is, by occupation and, when it says something else, by title."""
    first = occupation or title
    found = [first] if first else []
    if title and fold(title) != fold(first):
        found.append(title)
    return tuple(found)


class Scorer:
    """The core for one vacancy: judges any number of citizens against it, memoising what
    depends only on the vacancy and a citizen's wording (skills repeat across citizens)."""

    def __init__(self, vacancy: VacancyFacts, today: dt.date | None = None,
                 geo: Geo | None = None, weights: Mapping[str, float] = WEIGHTS,
                 distances: bool = True):
        self.vacancy = vacancy
        self.today = today or dt.date.today()
        self.geo = geo or shipped_geo()
        self.w = weights
        self.need = required_hours(vacancy)
        rules = eligibility(self.today)
        self.allowed_groups = rules.allowed(vacancy.kind)
        self.barred_at_last = rules.barred(vacancy.kind)
        self.conflicts, self.conflicting = _conflicts(vacancy.requirements)
        self.needs_licence = "driving_licence_b" in vacancy.requirements
        self.needs_danish = "danish_spoken" in vacancy.requirements
        self.distances = self.geo.distances_from(vacancy.postcode) \
            if vacancy.postcode and distances else {}
        self.occupations = _occupations(vacancy.occupation, vacancy.title)
        self._skill_fit: dict[tuple[str, ...], float] = {}
        self._term_fits: dict[str, tuple[float, ...]] = {}
        self._wish_fit: dict[tuple[str, ...], float] = {}
        self._occupation_by_skill: dict[tuple[str, ...], float] = {}
        self._hours_fit: dict[float | None, float] = {}
        self._waited_fit: dict[dt.date | None, float] = {}
        self._weights = (weights["skills"], weights["occupation"], weights["distance"],
                         weights["hours"], weights["waited"])

    # -- hard constraints -------------------------------------------------------------------
    def _may_break(self, c: CitizenFacts, distance: float | None) -> bool:
        """A cheap over-approximation of ``exclusions``: most candidates a prefilter lets
        through fit, and for them no message is built."""
        need, cap = self.need, c.max_hours_per_week
        return ((need is not None and cap is not None and cap < need)
                or (distance is not None and c.max_commute_km is not None
                    and distance > c.max_commute_km)
                or bool(self.conflicting and c.restrictions)
                or (self.needs_licence and not c.driving_licence)
                or (self.allowed_groups is not None
                    and c.target_group not in self.allowed_groups)
                or (bool(c.last_employer_cvr) and c.target_group in self.barred_at_last))

    def exclusions(self, c: CitizenFacts, distance: float | None) -> tuple[Message, ...]:
        v = self.vacancy
        found: list[Message] = []
        if self.need is not None and c.max_hours_per_week is not None \
                and c.max_hours_per_week < self.need:
            found.append(_m(T_HOURS_SHORT_START if v.starts_with_few_hours else T_HOURS_SHORT,
                            cap=fmt_number(c.max_hours_per_week), need=fmt_number(self.need)))
        if self.conflicting and not self.conflicting.isdisjoint(c.restrictions):
            for restriction, requirement in self.conflicts:
                if restriction in c.restrictions:
                    found.append(_m(T_RESTRICTION, restriction=_label(RESTRICTIONS, restriction),
                                    requirement=_label(REQUIREMENTS, requirement)))
        if self.needs_licence and not has_driving_licence_b(c):
            found.append(_m(T_NO_LICENCE))
        if distance is not None and c.max_commute_km is not None and distance > c.max_commute_km:
            found.append(_m(T_TOO_FAR, km=fmt_km(distance, c.max_commute_km),
                            max=fmt_number(c.max_commute_km)))
        if self.allowed_groups is not None and c.target_group not in self.allowed_groups:
            if c.target_group:
                found.append(_m(T_GROUP, kind=_kind_label(v.kind),
                                group=_label(TARGET_GROUPS, c.target_group)))
            else:
                found.append(_m(T_GROUP_UNKNOWN, kind=_kind_label(v.kind)))
        if v.employer_cvr and c.last_employer_cvr == v.employer_cvr \
                and c.target_group in self.barred_at_last:
            found.append(_m(T_LAST_EMPLOYER, kind=_kind_label(v.kind)))
        return tuple(found)

    # -- soft parts -------------------------------------------------------------------------
    def _term_fit(self, term: str) -> tuple[float, ...]:
        """A citizen's term against each wanted skill; the vocabulary is small, so this is
        computed once per term and vacancy."""
        fit = self._term_fits.get(term)
        if fit is None:
            fit = self._term_fits[term] = tuple(term_similarity(w, term)
                                                for w in self.vacancy.skills)
        return fit

    def skill_fit(self, skills: tuple[str, ...]) -> float:
        fit = self._skill_fit.get(skills)
        if fit is None:
            wanted = self.vacancy.skills
            if wanted:
                rows = [self._term_fit(t) for t in skills]
                fit = sum(map(max, zip(*rows))) / len(wanted) if rows else 0.0
            elif self.occupations and skills:
                fit = max(_best(o, skills)[0] for o in self.occupations)
            else:
                fit = 0.5  # nothing asked: neither for nor against
            self._skill_fit[skills] = fit
        return fit

    def occupation_fit(self, wished: tuple[str, ...], skills: tuple[str, ...]) -> float:
        if not self.occupations:
            return 0.5
        return max(self.wish_fit(wished), 0.7 * self.occupation_by_skill(skills))

    def wish_fit(self, wished: tuple[str, ...]) -> float:
        by_wish = self._wish_fit.get(wished)
        if by_wish is None:
            by_wish = self._wish_fit[wished] = max(
                (_best(o, wished)[0] for o in self.occupations), default=0.0)
        return by_wish

    def occupation_by_skill(self, skills: tuple[str, ...]) -> float:
        by_skill = self._occupation_by_skill.get(skills)
        if by_skill is None:
            by_skill = self._occupation_by_skill[skills] = max(
                (_best(o, skills)[0] for o in self.occupations), default=0.0)
        return by_skill

    def hours_fit(self, cap: float | None) -> float:
        fit = self._hours_fit.get(cap)
        if fit is None:
            fit = self._hours_fit[cap] = self._hours_fit_of(cap)
        return fit

    def _hours_fit_of(self, cap: float | None) -> float:
        return hours_fit(self.need, self.vacancy.hours_max, self.vacancy.starts_with_few_hours,
                         cap)

    def waited_fit(self, since: dt.date | None) -> float:
        fit = self._waited_fit.get(since)
        if fit is None:
            fit = self._waited_fit[since] = waited_fit(self.today, since)
        return fit

    def assess(self, c: CitizenFacts, keep_excluded: bool = True) -> Assessment | None:
        """Judge ``c``; with ``keep_excluded`` false an excluded citizen gives None (cheaper)."""
        return self.assess_at(c, self.distances.get(c.postcode) if c.postcode else None,
                              keep_excluded)

    def assess_at(self, c: CitizenFacts, distance: float | None,
                  keep_excluded: bool = True) -> Assessment | None:
        """``assess`` with the distance already known (a citizen's distances to many
        workplaces come from one table)."""
        if self._may_break(c, distance):
            excluded = self.exclusions(c, distance)
            if excluded:
                return Assessment(self.vacancy, c, 0.0, excluded, None, distance) \
                    if keep_excluded else None
        w_skills, w_occupation, w_distance, w_hours, w_waited = self._weights
        skills = self.skill_fit(c.skills)
        occupation = self.occupation_fit(c.wished_occupations, c.skills)
        near = UNKNOWN_DISTANCE_FIT if distance is None else \
            DISTANCE_HALF_KM / (DISTANCE_HALF_KM + distance)
        hours = self.hours_fit(c.max_hours_per_week)
        waited = self.waited_fit(c.unemployed_since)
        penalty = NO_DANISH_PENALTY if self.needs_danish and "dansk" not in c.languages else 0.0
        score = (w_skills * skills + w_occupation * occupation + w_distance * near
                 + w_hours * hours + w_waited * waited - penalty)
        return Assessment(self.vacancy, c, max(score, 0.0), (),
                          Parts(skills, occupation, near, hours, waited, penalty), distance)


def assess(vacancy: VacancyFacts, citizen: CitizenFacts, today: dt.date | None = None,
           geo: Geo | None = None) -> Assessment:
    """One pair, judged from plain facts: the pure core the rankings are built on."""
    result = Scorer(vacancy, today, geo).assess(citizen)
    assert result is not None
    return result


# --------------------------------------------------------------------------------------------
# Rankings.
# --------------------------------------------------------------------------------------------
class Ranking:
    """A ranking of citizens for one vacancy (``side`` "citizen") or of vacancies for one
    citizen (``side`` "vacancy"), best first, excluded last. Holds every judged pair, so
    ``view`` can apply the consultant's filters at once, without going back to the database.

    A ranking made from the in-memory cache holds its pairs as a ``_Lazy`` order: an
    ``Assessment`` is built only when shown (``view``) or when ``assessments`` is read."""

    def __init__(self, side: str, subject_id: str, assessments: list[Assessment] | None = None,
                 complete: bool = False, lazy: "_Lazy | None" = None):
        self.side = side
        self.subject_id = subject_id
        self._assessments = assessments
        self._lazy = lazy
        self.complete = complete  # True when excluded pairs were judged too

    @property
    def assessments(self) -> list[Assessment]:
        if self._assessments is None:
            assert self._lazy is not None
            self._assessments = [self._lazy.at(k) for k in range(len(self._lazy.rows))]
        return self._assessments

    def __len__(self) -> int:
        """How many pairs were judged, without building them."""
        if self._assessments is None and self._lazy is not None:
            return len(self._lazy.rows)
        return len(self.assessments)

    def view(self, filters: MatchFilters = NO_FILTERS, include_excluded: bool = False,
             limit: int | None = None) -> list[Assessment]:
        if self._lazy is not None:
            return self._lazy.view(filters, include_excluded, limit)
        out: list[Assessment] = []
        hidden: list[Assessment] = []
        for a in self.assessments:
            if a.excluded:
                if include_excluded:
                    hidden.append(a)
                continue
            why = _filtered_because(a, filters)
            if why:
                if include_excluded:
                    hidden.append(a.with_exclusions(why))
                continue
            out.append(a)
            if limit is not None and len(out) >= limit and not include_excluded:
                return out
        if include_excluded:
            out.extend(hidden)
        return out if limit is None else out[:limit]

    def other_id(self, a: Assessment) -> str:
        return a.citizen.id if self.side == "citizen" else a.vacancy.id


def _sorted(results: list[Assessment], side: str) -> list[Assessment]:
    key_id = (lambda a: a.citizen.id) if side == "citizen" else (lambda a: a.vacancy.id)
    included = [a for a in results if not a.excluded]
    excluded = [a for a in results if a.excluded]
    included.sort(key=lambda a: (-a.score, key_id(a)))
    excluded.sort(key=key_id)
    return included + excluded


def rank(vacancy: VacancyFacts, citizens: Iterable[CitizenFacts], today: dt.date | None = None,
         geo: Geo | None = None, include_excluded: bool = True) -> list[Assessment]:
    """Pure ranking of plain citizens for a vacancy: best first, excluded last."""
    scorer = Scorer(vacancy, today, geo)
    results = [a for c in citizens if (a := scorer.assess(c, include_excluded)) is not None]
    return _sorted(results, "citizen")
