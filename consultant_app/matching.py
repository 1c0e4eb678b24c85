"""Matching citizens and vacancies: ranked both ways, explained, offline.

The engine has a pure core and a thin SQL shell around it.

* ``assess(vacancy, citizen)`` judges one pair from plain facts (``VacancyFacts``,
  ``CitizenFacts``): first the hard constraints, each of which excludes with a reason a
  consultant can read, then a soft score from 0 to 100 with its deciding reasons. It touches no
  database, so tests and property tests can feed it anything.
* ``rank_citizens`` and ``rank_vacancies`` read rows with SQL and run the core on each. The SQL
  only *prefilters*: it drops rows that the core would certainly exclude (hours, target group,
  driving licence, restrictions, a bounding box around the workplace), so that 100k citizens
  become the few thousand worth scoring. The core still checks every row it gets; the prefilter
  may let too much through, never too little (a test compares both paths).
* Encrypted columns (CPR, notes) are never selected, so ranking needs no decryption and logs no
  access to sensitive data.

The rules the core applies live in one place each: who may be placed in which kind of vacancy
comes from the rule sets the agreements are judged by (``eligibility``), ``WEIGHTS`` says
what the soft score is made of, and the message templates are ``_N(CTX, ...)``. Text a consultant reads is a
``text.Message``, so the UI translates it like every other message of the core.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
import threading
from array import array
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import add, mul, sub
from typing import Any, Callable, Iterable, Iterator, Mapping, NamedTuple, Sequence
from weakref import WeakKeyDictionary

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from . import postcodes
from .domain import (
    REQUIREMENTS,
    RESTRICTION_CONFLICTS,
    RESTRICTIONS,
    TARGET_GROUPS,
    VACANCY_KINDS,
)
from .errors import NotFound
from .rulesets import RuleSet, ruleset_for
from .search import fold
from .text import QT_TRANSLATE_NOOP as _N
from .text import Message

CTX = "matching"

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


# --------------------------------------------------------------------------------------------
# Postcode geography, per profile.
# --------------------------------------------------------------------------------------------
class Geo:
    """Postcode coordinates with distances from one origin to every postcode memoised: a
    ranking asks the same origin once per candidate, so that is one dict lookup each."""

    def __init__(self, coords: Mapping[str, tuple[float, float]]):
        self.coords = dict(coords)
        self._from: dict[str, dict[str, float]] = {}

    def distances_from(self, origin: str) -> dict[str, float]:
        table = self._from.get(origin)
        if table is None:
            here = self.coords.get(origin)
            table = {} if here is None else {
                code: postcodes.haversine_km(here[0], here[1], lat, lon)
                for code, (lat, lon) in self.coords.items()}
            if len(self._from) > 4096:
                self._from.clear()
            self._from[origin] = table
        return table

    def distance(self, a: str, b: str) -> float | None:
        return self.distances_from(a).get(b)


@lru_cache(maxsize=1)
def shipped_geo() -> Geo:
    """The postcodes shipped with the app: the geography of pure calls and tests."""
    return Geo({p.postcode: (p.latitude, p.longitude)
                for p in postcodes.all_postcodes().values()})


_GEO_BY_ENGINE: "WeakKeyDictionary[Engine, Geo]" = WeakKeyDictionary()


def profile_geo(session: Session) -> Geo:
    """The profile's own postcode table (the central service may update it), read once per
    open profile."""
    engine = session.get_bind()
    geo = _GEO_BY_ENGINE.get(engine)  # type: ignore[arg-type]
    if geo is None:
        rows = _cursor(session).execute(
            "SELECT postcode, latitude, longitude FROM postcode").fetchall()
        geo = Geo({code: (lat, lon) for code, lat, lon in rows}) if rows else shipped_geo()
        _GEO_BY_ENGINE[engine] = geo  # type: ignore[index]
    return geo


# --------------------------------------------------------------------------------------------
# Wording-tolerant similarity of skills and occupations.
# --------------------------------------------------------------------------------------------
_STOPWORDS = frozenset({"og", "i", "med", "til", "af", "for", "paa", "en", "et", "the", "and"})
# Heads of Danish job-title compounds that say little on their own: "rengøringsassistent" and
# "pædagogisk assistent" share "assistent", not a trade.
_GENERIC_HEADS = frozenset({"assistent", "medarbejder", "medhjaelper", "hjaelper", "arbejder",
                            "arbejdsmand", "mand", "elev", "leder", "operatoer", "foerer"})


@lru_cache(maxsize=65536)
def _words(term: str) -> tuple[str, ...]:
    folded = "".join(ch if ch.isalnum() else " " for ch in fold(term))
    return tuple(w for w in folded.split() if w not in _STOPWORDS)


@lru_cache(maxsize=65536)
def _trigrams(word: str) -> frozenset[str]:
    padded = f"  {word} "
    return frozenset(padded[i:i + 3] for i in range(len(padded) - 2))


@lru_cache(maxsize=262144)
def word_similarity(a: str, b: str) -> float:
    """How alike two folded words are, 0 to 1. Danish builds compounds, so a shared start
    ("lager" in "lagermedarbejder") or end ("chauffør" in "budchauffør") counts much, unless
    the end is a generic head ("assistent"); a shared stem ("pædagog-isk",
    "pædagog-medhjælper") less; spelling closeness (trigrams) least."""
    if a == b:
        return 1.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 3 and long_.startswith(short):
        return 0.9
    if len(short) >= 4 and long_.endswith(short):
        return 0.3 if short in _GENERIC_HEADS else 0.8
    best = 0.0
    common = 0
    for x, y in zip(short, long_):
        if x != y:
            break
        common += 1
    if common >= 5:
        best = 0.4 + 0.4 * common / len(long_)
    ta, tb = _trigrams(a), _trigrams(b)
    dice = 2 * len(ta & tb) / (len(ta) + len(tb))
    return max(best, 0.8 * dice if dice >= 0.4 else 0.0)


def _cover(words: tuple[str, ...], others: tuple[str, ...]) -> float:
    return sum(max(word_similarity(x, y) for y in others) for x in words) / len(words)


@lru_cache(maxsize=262144)
def term_similarity(a: str, b: str) -> float:
    """Two skills or occupations (one or more words each): how well the words of the shorter
    term are covered by the longer (weight 0.7) and the other way round (0.3), so "lager" fits
    "lagermedarbejder" well and "pædagogmedhjælper" fits "pædagogisk assistent" only half."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    if len(wa) > len(wb):
        wa, wb = wb, wa
    return 0.7 * _cover(wa, wb) + 0.3 * _cover(wb, wa)


def _best(term: str, others: Sequence[str]) -> tuple[float, str]:
    best, which = 0.0, ""
    for other in others:
        s = term_similarity(term, other)
        if s > best:
            best, which = s, other
    return best, which


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
    return str(int(x)) if x == int(x) else f"{x:.1f}".replace(".", ",")


def fmt_km(km: float, limit: float | None = None) -> str:
    """Whole kilometres, but a decimal where rounding would hide why a limit was passed."""
    if limit is not None and round(km) <= limit:
        return f"{km:.1f}".replace(".", ",")
    return str(max(round(km), 1))


def _kind_label(kind: str) -> str:
    return VACANCY_KINDS.get(kind, kind)


# --------------------------------------------------------------------------------------------
# The pure core.
# --------------------------------------------------------------------------------------------
def required_hours(vacancy: VacancyFacts) -> float | None:
    """The fewest weekly hours the job can be done with: its start hours when it starts with
    few (JobFirst), else the low end of its range, else its only figure."""
    return vacancy.hours_min if vacancy.hours_min is not None else vacancy.hours_max


def has_driving_licence_b(citizen: CitizenFacts) -> bool:
    """Every Danish licence class we record (B, C, CE, D) requires B first."""
    return bool(citizen.driving_licence)


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
                    found.append(_m(T_RESTRICTION, restriction=RESTRICTIONS[restriction],
                                    requirement=REQUIREMENTS[requirement]))
        if self.needs_licence and not has_driving_licence_b(c):
            found.append(_m(T_NO_LICENCE))
        if distance is not None and c.max_commute_km is not None and distance > c.max_commute_km:
            found.append(_m(T_TOO_FAR, km=fmt_km(distance, c.max_commute_km),
                            max=fmt_number(c.max_commute_km)))
        if self.allowed_groups is not None and c.target_group not in self.allowed_groups:
            if c.target_group:
                found.append(_m(T_GROUP, kind=_kind_label(v.kind),
                                group=TARGET_GROUPS.get(c.target_group, c.target_group)))
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
    ranked.append((1.0, _m(T_GROUP_IS, group=TARGET_GROUPS.get(c.target_group, c.target_group))
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

    def view(self, filters: MatchFilters = MatchFilters(), include_excluded: bool = False,
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


# --------------------------------------------------------------------------------------------
# SQL: loading facts and prefiltering.
# --------------------------------------------------------------------------------------------
def _cursor(session: Session) -> Any:
    """The DBAPI connection of the session's transaction. Ranking reads up to 100k rows; plain
    sqlite3 tuples are several times cheaper than ORM rows, and the read stays in the session's
    transaction, so it sees one consistent snapshot."""
    return session.connection().connection.driver_connection


@lru_cache(maxsize=131072)
def _json_list(raw: str | None) -> tuple[str, ...]:
    if not raw:
        return ()
    value = json.loads(raw)
    return tuple(str(x) for x in value) if isinstance(value, list) else ()


@lru_cache(maxsize=8192)
def _date(raw: str | None) -> dt.date | None:
    return dt.date.fromisoformat(raw[:10]) if raw else None


_CITIZEN_COLUMNS = ("c.id, c.name, c.target_group, c.skills, c.wished_occupations, "
                    "c.max_hours_per_week, c.restrictions, c.driving_licence, c.languages, "
                    "c.postcode, c.max_commute_km, c.unemployed_since, c.last_employer_cvr")


def _citizen(row: Sequence[Any]) -> CitizenFacts:
    return CitizenFacts(row[0], row[1], row[2] or "", _json_list(row[3]), _json_list(row[4]),
                        row[5], _json_list(row[6]), row[7] or "", _json_list(row[8]),
                        row[9] or "", row[10], _date(row[11]), row[12] or "")


_VACANCY_COLUMNS = ("v.id, v.title, v.occupation, v.kind, v.hours_min, v.hours_max, "
                    "v.starts_with_few_hours, v.requirements, v.skills, "
                    "coalesce(nullif(v.postcode, ''), e.postcode, ''), e.id, e.name, e.cvr")


def _vacancy(row: Sequence[Any]) -> VacancyFacts:
    return VacancyFacts(row[0], row[1] or "", row[2] or "", row[3] or "ordinary", row[4], row[5],
                        bool(row[6]), _json_list(row[7]), _json_list(row[8]), row[9] or "",
                        row[10], row[11] or "", row[12] or "")


def load_vacancy(session: Session, vacancy_id: str) -> VacancyFacts:
    row = _cursor(session).execute(
        f"SELECT {_VACANCY_COLUMNS} FROM vacancy v JOIN employer e ON e.id = v.employer_id "
        "WHERE v.id = ? AND v.deleted = 0", (vacancy_id,)).fetchone()
    if row is None:
        raise NotFound("Stilling", vacancy_id)
    return _vacancy(row)


def load_citizen(session: Session, citizen_id: str) -> CitizenFacts:
    row = _cursor(session).execute(
        f"SELECT {_CITIZEN_COLUMNS} FROM citizen c WHERE c.id = ? AND c.deleted = 0",
        (citizen_id,)).fetchone()
    if row is None:
        raise NotFound("Borger", citizen_id)
    return _citizen(row)


_KM_PER_DEGREE = 111.19  # on the sphere postcodes.haversine_km uses (R = 6371 km)
_MARGIN = 1.02  # the box must hold every point the exact distance lets through


def _box(geo: Geo, postcode: str) -> tuple[float, float, float, float] | None:
    """Centre and degrees per km (latitude, longitude) of a box around ``postcode``; longitude
    degrees are sized at a latitude 5 degrees nearer the pole, so the box errs wide."""
    here = geo.coords.get(postcode)
    if here is None:
        return None
    lat, lon = here
    cos = math.cos(math.radians(min(abs(lat) + 5.0, 89.0)))
    return lat, lon, _MARGIN / _KM_PER_DEGREE, _MARGIN / (_KM_PER_DEGREE * cos)


def _like_none(column: str, codes: Iterable[str], params: list[Any]) -> list[str]:
    """JSON list column holds none of ``codes`` (a prefilter; the core checks exactly)."""
    clauses = []
    for code in sorted(codes):
        clauses.append(f"coalesce({column}, '') NOT LIKE ?")
        params.append(f'%"{code}"%')
    return clauses


def _in(column: str, values: Iterable[str], params: list[Any]) -> str:
    """``column IN (...)`` for ``values``; false for none."""
    values = sorted(values)
    params.extend(values)
    return f"{column} IN ({','.join('?' * len(values))})" if values else "0"


def citizen_prefilter(vacancy: VacancyFacts, geo: Geo,
                      today: dt.date | None = None) -> tuple[str, list[Any]]:
    """SQL for the citizens that may pass the vacancy's hard constraints (eligibility by the
    rule set in force on ``today``)."""
    rules = eligibility(today or dt.date.today())
    params: list[Any] = []
    where = ["c.deleted = 0"]
    need = required_hours(vacancy)
    if need is not None:
        where.append("(c.max_hours_per_week IS NULL OR c.max_hours_per_week >= ?)")
        params.append(need)
    groups = rules.allowed(vacancy.kind)
    if groups is not None:
        where.append(_in("c.target_group", groups, params))
    if "driving_licence_b" in vacancy.requirements:
        where.append("c.driving_licence != ''")
    where += _like_none("c.restrictions", [r for r, req in RESTRICTION_CONFLICTS.items()
                                           if req in vacancy.requirements], params)
    barred = rules.barred(vacancy.kind)
    if barred and vacancy.employer_cvr:
        params.append(vacancy.employer_cvr)
        where.append(f"(coalesce(c.last_employer_cvr, '') != ? OR NOT "
                     f"{_in('c.target_group', barred, params)})")
    join = ""
    box = _box(geo, vacancy.postcode)
    if box is not None:
        lat, lon, dlat, dlon = box
        join = "LEFT JOIN postcode p ON p.postcode = c.postcode"
        where.append(
            "(c.max_commute_km IS NULL OR p.postcode IS NULL OR "
            "(p.latitude BETWEEN ? - c.max_commute_km * ? AND ? + c.max_commute_km * ? AND "
            " p.longitude BETWEEN ? - c.max_commute_km * ? AND ? + c.max_commute_km * ?))")
        params += [lat, dlat, lat, dlat, lon, dlon, lon, dlon]
    sql = f"SELECT {_CITIZEN_COLUMNS} FROM citizen c {join} WHERE {' AND '.join(where)}"
    return sql, params


def vacancy_prefilter(citizen: CitizenFacts, geo: Geo,
                      today: dt.date | None = None) -> tuple[str, list[Any]]:
    """SQL for the open vacancies whose hard constraints the citizen may pass (eligibility by
    the rule set in force on ``today``)."""
    rules = eligibility(today or dt.date.today())
    params: list[Any] = []
    where = ["v.deleted = 0", "e.deleted = 0", "v.status = 'open'"]
    if citizen.max_hours_per_week is not None:
        where.append("coalesce(v.hours_min, v.hours_max, 0) <= ?")
        params.append(citizen.max_hours_per_week)
    kinds = [k for k, groups in rules.kind_groups.items()
             if groups is None or citizen.target_group in groups]
    open_to = _in("v.kind", kinds, params)
    where.append(f"({open_to} OR NOT {_in('v.kind', rules.kind_groups, params)})")
    conflicting = [RESTRICTION_CONFLICTS[r] for r in citizen.restrictions
                   if r in RESTRICTION_CONFLICTS]
    if not has_driving_licence_b(citizen):
        conflicting.append("driving_licence_b")
    where += _like_none("v.requirements", conflicting, params)
    kinds_not = [k for k in rules.kind_groups if citizen.target_group in rules.barred(k)]
    if citizen.last_employer_cvr and kinds_not:
        params.append(citizen.last_employer_cvr)
        where.append(f"NOT (e.cvr = ? AND {_in('v.kind', kinds_not, params)})")
    join = ""
    box = _box(geo, citizen.postcode)
    if box is not None and citizen.max_commute_km is not None:
        lat, lon, dlat, dlon = box
        km = citizen.max_commute_km
        join = "LEFT JOIN postcode p ON p.postcode = coalesce(nullif(v.postcode, ''), e.postcode)"
        where.append("(p.postcode IS NULL OR (p.latitude BETWEEN ? AND ? AND "
                     "p.longitude BETWEEN ? AND ?))")
        params += [lat - km * dlat, lat + km * dlat, lon - km * dlon, lon + km * dlon]
    sql = (f"SELECT {_VACANCY_COLUMNS} FROM vacancy v JOIN employer e ON e.id = v.employer_id "
           f"{join} WHERE {' AND '.join(where)}")
    return sql, params


def rank_citizens(session: Session, vacancy_id: str, include_excluded: bool = False,
                  today: dt.date | None = None, use_cache: bool = True) -> Ranking:
    """Every citizen of the profile judged for one vacancy. Without ``include_excluded`` only
    candidates that may fit are judged: from the profile's in-memory facts when the session
    is a store's read session (``use_cache``), else read with the SQL prefilter; with it,
    every citizen is read and the excluded ones come last with their reasons."""
    geo = profile_geo(session)
    vacancy = load_vacancy(session, vacancy_id)
    scorer = Scorer(vacancy, today, geo)
    table = _facts(session, _Citizens) if use_cache and not include_excluded else None
    if table is not None:
        return Ranking("citizen", vacancy_id, None, False, table.rank(scorer))
    if include_excluded:
        sql, params = f"SELECT {_CITIZEN_COLUMNS} FROM citizen c WHERE c.deleted = 0", []
    else:
        sql, params = citizen_prefilter(vacancy, geo, scorer.today)
    assess_one, make = scorer.assess, _citizen
    results = [a for row in _cursor(session).execute(sql, params)
               if (a := assess_one(make(row), include_excluded)) is not None]
    return Ranking("citizen", vacancy_id, _sorted(results, "citizen"), include_excluded)


def rank_vacancies(session: Session, citizen_id: str, include_excluded: bool = False,
                   today: dt.date | None = None, use_cache: bool = True) -> Ranking:
    """Every open vacancy judged for one citizen; see ``rank_citizens``."""
    geo = profile_geo(session)
    citizen = load_citizen(session, citizen_id)
    today = today or dt.date.today()
    distances = geo.distances_from(citizen.postcode) if citizen.postcode else {}
    table = _facts(session, _Vacancies) if use_cache and not include_excluded else None
    if table is not None:
        return Ranking("vacancy", citizen_id, None, False,
                       table.rank(citizen, today, geo, distances))
    if include_excluded:
        sql, params = (f"SELECT {_VACANCY_COLUMNS} FROM vacancy v JOIN employer e "
                       "ON e.id = v.employer_id WHERE v.deleted = 0 AND e.deleted = 0 "
                       "AND v.status = 'open'", [])
    else:
        sql, params = vacancy_prefilter(citizen, geo, today)
    results = []
    for row in _cursor(session).execute(sql, params):
        vacancy = _vacancy(row)
        scorer = Scorer(vacancy, today, geo, distances=False)
        a = scorer.assess_at(citizen, distances.get(vacancy.postcode) if vacancy.postcode
                             else None, include_excluded)
        if a is not None:
            results.append(a)
    return Ranking("vacancy", citizen_id, _sorted(results, "vacancy"), include_excluded)


# --------------------------------------------------------------------------------------------
# The in-memory facts: every citizen and open vacancy of the open profile, held compactly.
#
# Ranking from them decides the hard constraints per distinct value of each column (a
# postcode and commute limit, a target group, ...) instead of per row, turns those decisions
# into one byte per row (bytes.translate), combines them as big integers and scores only the
# rows left, by table lookups per distinct value: the similarity of skills is memoised per
# distinct skill set, projected on the few terms that resemble what the vacancy asks. The
# order is exactly that of the SQL path (score, then id); an ``Assessment`` is built by the
# same ``Scorer`` when it is shown. The facts are rebuilt when ``Store.generation`` changed:
# every committed write counts, and only this process writes the profile.
# --------------------------------------------------------------------------------------------
class _Column:
    """One column as a small code per row and the distinct values the codes stand for."""

    __slots__ = ("values", "codes")

    def __init__(self, items: Iterable[Any]):
        index: dict[Any, int] = {}
        codes = [index.setdefault(v, len(index)) for v in items]
        self.values = list(index)
        self.codes: Any = bytes(codes) if len(index) <= 256 else array("I", codes)

    def passing(self, ok: Callable[[Any], bool]) -> bytes | None:
        """One byte per row, 1 where ``ok(value)``; None when every row passes."""
        flags = [1 if ok(v) else 0 for v in self.values]
        if all(flags):
            return None
        if isinstance(self.codes, bytes):
            return self.codes.translate(bytes(flags).ljust(256, b"\0"))
        return bytes(map(flags.__getitem__, self.codes))

    def each(self, table: Any, rows: Sequence[int]) -> Iterator[Any]:
        """``table[code]`` for each of ``rows``."""
        return map(table.__getitem__, map(self.codes.__getitem__, rows))


class _Memo(dict):  # type: ignore[type-arg]
    """A dict that computes what it lacks."""

    def __init__(self, compute: Callable[[Any], Any]):
        super().__init__()
        self.compute = compute

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.compute(key)
        return value


def _rows(n: int, masks: Iterable[bytes | None]) -> list[int]:
    acc: int | None = None
    for m in masks:
        if m is not None:
            x = int.from_bytes(m, "little")
            acc = x if acc is None else acc & x
    if acc is None:
        return list(range(n))
    return list(compress(range(n), acc.to_bytes(n, "little")))


def _order(rows: list[int], scores: list[float]) -> tuple[list[int], list[float]]:
    """Best first; ``rows`` ascend by id, and the sort is stable, so ties stay in id order."""
    order = sorted(range(len(rows)), key=scores.__getitem__, reverse=True)
    return [rows[k] for k in order], [scores[k] for k in order]


_S = sys.intern


def _interned(values: tuple[str, ...], seen: dict[tuple[str, ...], tuple[str, ...]]
              ) -> tuple[str, ...]:
    found = seen.get(values)
    if found is None:
        found = seen[values] = tuple(_S(x) for x in values)
    return found


class _Lazy:
    """A ranking's order, with ``Assessment``s built on demand by the core."""

    __slots__ = ("rows", "scores", "make", "distance", "restrictions", "_built")

    def __init__(self, rows: list[int], scores: list[float],
                 make: Callable[[int], Assessment], distance: Callable[[int], float | None],
                 restrictions: Callable[[int], tuple[str, ...]]):
        self.rows, self.scores, self.make = rows, scores, make
        self.distance, self.restrictions = distance, restrictions
        self._built: dict[int, Assessment] = {}

    def at(self, k: int) -> Assessment:
        a = self._built.get(k)
        if a is None:
            a = self._built[k] = self.make(self.rows[k])
            # The fast score and the core's must agree exactly, or the order is not the core's.
            assert a.score == self.scores[k] and not a.excluded, (a, self.scores[k])
        return a

    def view(self, filters: MatchFilters, include_excluded: bool,
             limit: int | None) -> list[Assessment]:
        out: list[Assessment] = []
        hidden: list[Assessment] = []
        active = filters.max_distance_km is not None or filters.only_without_restrictions
        for k, row in enumerate(self.rows):
            if active:
                why = _filter_reasons(self.distance(row), self.restrictions(row), filters)
                if why:
                    if include_excluded:
                        hidden.append(self.at(k).with_exclusions(why))
                    continue
            out.append(self.at(k))
            if limit is not None and len(out) >= limit and not include_excluded:
                return out
        if include_excluded:
            out.extend(hidden)
        return out if limit is None else out[:limit]


class _Citizens:
    """Every citizen of the profile (not deleted), ascending by id, held as columns: ids and
    names as lists of strings, every other field as a small code per row (a few hundred kB
    each). No object per citizen, so 100k citizens cost some 20 MB and nothing for the
    garbage collector to walk; ``CitizenFacts`` are rebuilt for the rows shown."""

    SQL = f"SELECT {_CITIZEN_COLUMNS} FROM citizen c WHERE c.deleted = 0"
    TABLES = ("citizen",)  # what SQL reads: a write to any other table keeps the cache

    def __init__(self, cursor: Any):
        # Raw values become codes chunk by chunk, so the rows are never all held at once.
        ids: list[str] = []
        names: list[str] = []
        indexes: list[dict[Any, int]] = [{} for _ in range(13)]
        codes = [array("I") for _ in range(13)]
        while chunk := cursor.fetchmany(8192):
            columns = list(zip(*chunk))
            del chunk
            ids.extend(map(_S, columns[0]))
            names.extend(columns[1])
            for k in range(2, 13):
                index = indexes[k]
                codes[k].extend([index.setdefault(v, len(index)) for v in columns[k]])
        order = sorted(range(len(ids)), key=ids.__getitem__)
        self.ids = [ids[i] for i in order]
        self.names = [names[i] for i in order]
        del ids, names
        seen: dict[tuple[str, ...], tuple[str, ...]] = {}

        def column(k: int, convert: Callable[[Any], Any] = lambda x: x) -> _Column:
            col = _Column(())
            col.values = [convert(v) for v in indexes[k]]
            ordered = map(codes[k].__getitem__, order)
            col.codes = bytes(ordered) if len(col.values) <= 256 else array("I", ordered)
            codes[k] = array("I")
            return col

        def strings(x: str | None) -> str:
            return _S(x or "")

        def terms(x: str | None) -> tuple[str, ...]:
            return _interned(_json_list(x), seen)

        self.group = column(2, strings)
        self.skills = column(3, terms)
        self.wished = column(4, terms)
        self.hours = column(5)
        self.restrictions = column(6, terms)
        self.licence = column(7, strings)
        self.languages = column(8, terms)
        self.postcode = column(9, strings)
        self.commute = column(10)
        self.since = column(11, _date)
        self.cvr = column(12, strings)
        n = len(self.ids)
        self.n = n
        # Where a citizen lives and how far they will go, as one column: the distance
        # constraint is decided once per pair (postcode, limit).
        pairs: dict[tuple[Any, Any], int] = {}
        pc, cm = self.postcode, self.commute
        place = [pairs.setdefault((pc.values[p], cm.values[m]), len(pairs))
                 for p, m in zip(pc.codes, cm.codes)]
        self.place = _Column(())
        self.place.values = list(pairs)
        self.place.codes = bytes(place) if len(pairs) <= 256 else array("I", place)
        del place
        self.by_cvr: dict[str, list[int]] = {}
        cvr_values = self.cvr.values
        if any(cvr_values):
            for i, code in enumerate(self.cvr.codes):
                if cvr_values[code]:
                    self.by_cvr.setdefault(cvr_values[code], []).append(i)
        # Each distinct skill set as a bit mask over the vocabulary of skill terms.
        self.terms: list[str] = []
        bit: dict[str, int] = {}
        self.skill_masks = []
        for value in self.skills.values:
            mask = 0
            for term in value:
                if term not in bit:
                    bit[term] = 1 << len(self.terms)
                    self.terms.append(term)
                mask |= bit[term]
            self.skill_masks.append(mask)

    def facts(self, i: int) -> CitizenFacts:
        def v(col: _Column) -> Any:
            return col.values[col.codes[i]]
        return CitizenFacts(self.ids[i], self.names[i], v(self.group), v(self.skills),
                            v(self.wished), v(self.hours), v(self.restrictions), v(self.licence),
                            v(self.languages), v(self.postcode), v(self.commute), v(self.since),
                            v(self.cvr))

    def _terms(self, mask: int) -> tuple[str, ...]:
        return tuple(t for i, t in enumerate(self.terms) if mask >> i & 1)

    def _relevant(self, similar: Callable[[str], bool]) -> int:
        return sum(1 << i for i, t in enumerate(self.terms) if similar(t))

    def rank(self, sc: Scorer) -> _Lazy:
        v, n = sc.vacancy, self.n
        need, allowed, conflicting, d = sc.need, sc.allowed_groups, sc.conflicting, sc.distances
        masks = [
            self.hours.passing(lambda cap: cap is None or not cap < need)  # type: ignore[operator]
            if need is not None else None,
            self.group.passing(lambda g: g in allowed) if allowed is not None else None,
            self.restrictions.passing(conflicting.isdisjoint) if conflicting else None,
            self.licence.passing(bool) if sc.needs_licence else None,
            self.place.passing(lambda pk: not pk[0] or pk[1] is None
                               or (km := d.get(pk[0])) is None or not km > pk[1]),
        ]
        if sc.barred_at_last and v.employer_cvr and v.employer_cvr in self.by_cvr:
            last = bytearray(b"\1" * n)
            groups, codes = self.group.values, self.group.codes
            for i in self.by_cvr[v.employer_cvr]:
                if groups[codes[i]] in sc.barred_at_last:
                    last[i] = 0
            masks.append(bytes(last))
        rows = _rows(n, masks)

        ws, wo, wd, wh, ww = sc._weights
        skill_values, skill_masks = self.skills.values, self.skill_masks
        wanted, occupations = v.skills, sc.occupations

        def similar_to_occupation(t: str) -> bool:
            return any(term_similarity(o, t) > 0 for o in occupations)

        if wanted:
            rel_skill = self._relevant(lambda t: any(sc._term_fit(t)))
        elif occupations:
            rel_skill = self._relevant(similar_to_occupation)
        else:
            rel_skill = -1  # 0.5 for every skill set: skill_fit says so without looking
        by_projection = _Memo(lambda m: ws * sc.skill_fit(self._terms(m)))
        zero_skill = ws * 0.0

        def skill_part(code: int) -> float:
            if not skill_values[code] or rel_skill == -1:
                return ws * sc.skill_fit(skill_values[code])
            m = skill_masks[code] & rel_skill
            return by_projection[m] if m else zero_skill

        skill = self.skills.each(_Memo(skill_part), rows)
        if occupations:
            rel_occupation = self._relevant(similar_to_occupation)
            by_skill_projection = _Memo(
                lambda m: 0.7 * sc.occupation_by_skill(self._terms(m)))
            by_skill = _Memo(lambda code: by_skill_projection[skill_masks[code] & rel_occupation])
            wish = [sc.wish_fit(w) for w in self.wished.values]
            occupation = map(mul, repeat(wo), map(max, self.wished.each(wish, rows),
                                                  self.skills.each(by_skill, rows)))
        else:
            occupation = repeat(wo * 0.5)
        near = [wd * (UNKNOWN_DISTANCE_FIT if km is None else
                      DISTANCE_HALF_KM / (DISTANCE_HALF_KM + km))
                for km in (d.get(p) if p else None for p in self.postcode.values)]
        hours = [wh * sc.hours_fit(cap) for cap in self.hours.values]
        waited = _Memo(lambda code: ww * sc.waited_fit(self.since.values[code]))
        penalty = [NO_DANISH_PENALTY if sc.needs_danish and "dansk" not in languages else 0.0
                   for languages in self.languages.values]
        scores = list(map(max, map(sub, map(add, map(add, map(add, map(
            add, skill, occupation), self.postcode.each(near, rows)),
            self.hours.each(hours, rows)), map(waited.__getitem__, map(
                self.since.codes.__getitem__, rows))), self.languages.each(penalty, rows)),
            repeat(0.0)))
        rows, scores = _order(rows, scores)

        postcodes_, restrictions = self.postcode, self.restrictions

        def distance(i: int) -> float | None:
            p = postcodes_.values[postcodes_.codes[i]]
            return d.get(p) if p else None

        def make(i: int) -> Assessment:
            a = sc.assess_at(self.facts(i), distance(i))
            assert a is not None
            return a

        return _Lazy(rows, scores, make, distance,
                     lambda i: restrictions.values[restrictions.codes[i]])


class _Vacancies:
    """Every open vacancy of the profile (not deleted, nor its employer), ascending by id."""

    SQL = (f"SELECT {_VACANCY_COLUMNS} FROM vacancy v JOIN employer e ON e.id = v.employer_id "
           "WHERE v.deleted = 0 AND e.deleted = 0 AND v.status = 'open'")
    TABLES = ("vacancy", "employer")

    def __init__(self, cursor: Any):
        rows = cursor.fetchall()
        rows.sort(key=lambda r: r[0])
        seen: dict[tuple[str, ...], tuple[str, ...]] = {}
        facts = []
        for r in rows:
            v = _vacancy(r)
            facts.append(v._replace(
                title=_S(v.title), occupation=_S(v.occupation), kind=_S(v.kind),
                requirements=_interned(v.requirements, seen), skills=_interned(v.skills, seen),
                postcode=_S(v.postcode)))
        self.facts = facts
        self.need = _Column(required_hours(v) for v in facts)
        self.kind = _Column(v.kind for v in facts)
        self.requirements = _Column(v.requirements for v in facts)
        self.postcode = _Column(v.postcode for v in facts)
        self.hours = _Column((required_hours(v), v.hours_max, v.starts_with_few_hours)
                             for v in facts)
        self.wants = _Column((v.skills, _occupations(v.occupation, v.title)) for v in facts)
        self.by_cvr: dict[str, list[int]] = {}
        for i, v in enumerate(facts):
            if v.employer_cvr:
                self.by_cvr.setdefault(v.employer_cvr, []).append(i)

    def rank(self, c: CitizenFacts, today: dt.date, geo: Geo,
             distances: Mapping[str, float]) -> _Lazy:
        facts, n = self.facts, len(self.facts)
        cap, commute = c.max_hours_per_week, c.max_commute_km
        rules = eligibility(today)
        masks = [
            self.need.passing(lambda need: need is None or not cap < need)  # type: ignore[operator]
            if cap is not None else None,
            self.kind.passing(lambda k: (groups := rules.allowed(k)) is None
                              or c.target_group in groups),
            self.requirements.passing(
                lambda reqs: _conflicts(reqs)[1].isdisjoint(c.restrictions)
                and ("driving_licence_b" not in reqs or has_driving_licence_b(c))),
            self.postcode.passing(lambda p: not p or (km := distances.get(p)) is None
                                  or not km > commute)  # type: ignore[operator]
            if commute is not None else None,
        ]
        barred_kinds = {k for k in rules.kind_groups if c.target_group in rules.barred(k)}
        if barred_kinds and c.last_employer_cvr and c.last_employer_cvr in self.by_cvr:
            last = bytearray(b"\1" * n)
            for i in self.by_cvr[c.last_employer_cvr]:
                if facts[i].kind in barred_kinds:
                    last[i] = 0
            masks.append(bytes(last))
        rows = _rows(n, masks)

        ws, wo, wd, wh, ww = (WEIGHTS[k] for k in ("skills", "occupation", "distance",
                                                    "hours", "waited"))
        skills, wished = c.skills, c.wished_occupations
        best_for = _Memo(lambda w: max((term_similarity(w, t) for t in skills), default=0.0))
        by_occupations = _Memo(lambda occ: (
            max(_best(o, skills)[0] for o in occ) if occ and skills else 0.5,
            max(max((_best(o, wished)[0] for o in occ), default=0.0),
                0.7 * max((_best(o, skills)[0] for o in occ), default=0.0)) if occ else 0.5))

        def wants(value: tuple[tuple[str, ...], tuple[str, ...]]) -> float:
            wanted, occ = value
            if wanted:
                fit = sum(best_for[w] for w in wanted) / len(wanted) if skills else 0.0
            else:
                fit = by_occupations[occ][0]
            return ws * fit + wo * by_occupations[occ][1]

        fit = [wants(value) for value in self.wants.values]
        near = [wd * (UNKNOWN_DISTANCE_FIT if km is None else
                      DISTANCE_HALF_KM / (DISTANCE_HALF_KM + km))
                for km in (distances.get(p) if p else None for p in self.postcode.values)]
        hours = [wh * hours_fit(*value, cap) for value in self.hours.values]
        waited = ww * waited_fit(today, c.unemployed_since)
        danish = "dansk" in c.languages
        penalty = [NO_DANISH_PENALTY if "danish_spoken" in reqs and not danish else 0.0
                   for reqs in self.requirements.values]
        scores = list(map(max, map(sub, map(add, map(add, map(
            add, self.wants.each(fit, rows), self.postcode.each(near, rows)),
            self.hours.each(hours, rows)), repeat(waited)),
            self.requirements.each(penalty, rows)), repeat(0.0)))
        rows, scores = _order(rows, scores)

        def distance(i: int) -> float | None:
            p = facts[i].postcode
            return distances.get(p) if p else None

        def make(i: int) -> Assessment:
            a = Scorer(facts[i], today, geo, distances=False).assess_at(c, distance(i))
            assert a is not None
            return a

        return _Lazy(rows, scores, make, distance, lambda i: c.restrictions)


class _Cache:
    """The in-memory facts of one open profile, each table with the write generation it
    was read at."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.tables: dict[type, tuple[int, Any]] = {}


_CACHES: "WeakKeyDictionary[Any, _Cache]" = WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def _facts(session: Session, kind: type) -> Any:
    """The profile's in-memory ``kind`` (``_Citizens`` or ``_Vacancies``) as of its last
    committed write, or None when ``session`` is not a store's read session."""
    store = session.info.get("store")
    if store is None:
        return None
    with _CACHES_LOCK:
        cache = _CACHES.get(store)
        if cache is None:
            cache = _CACHES[store] = _Cache()
    with cache.lock:
        generation = store.generation_of(*kind.TABLES)
        held = cache.tables.get(kind)
        if held is not None and held[0] == generation:
            return held[1]
        cache.tables.pop(kind, None)  # let the old one go before reading the new
        # Read in a transaction begun after reading the generation, so the table holds at
        # least every write the generation counts (a later one only makes it rebuild again).
        with store.read() as fresh:
            table = kind(_cursor(fresh).execute(kind.SQL))
        cache.tables[kind] = (generation, table)
        return table


def drop_cached_facts(store: Any) -> None:
    """Forget a profile's in-memory facts (they are rebuilt on the next ranking)."""
    with _CACHES_LOCK:
        _CACHES.pop(store, None)
