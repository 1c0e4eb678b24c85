"""Matching citizens and vacancies: ranked both ways, explained, offline.

The engine has a pure core and two ways of feeding it.

* ``assess(vacancy, citizen)`` judges one pair from plain facts (``VacancyFacts``,
  ``CitizenFacts``): first the hard constraints, each of which excludes with a reason a
  consultant can read, then a soft score from 0 to 100 with its deciding reasons. It touches no
  database, so tests and property tests can feed it anything (``score``, with ``facts``,
  ``eligibility``, ``similarity``, ``geo`` and ``reasons``).
* ``rank_citizens`` and ``rank_vacancies`` rank from the profile's in-memory facts
  (``columnar``, on the compact ``columns``) when the session is a store's read session, else
  by SQL (``sql``): rows read with a *prefilter* that drops what the core would certainly
  exclude (hours, target group, driving licence, restrictions, a bounding box around the
  workplace). Both paths give the same
  order (a test holds them equal); the core still checks every row it gets, and the prefilter
  may let too much through, never too little.
* Encrypted columns (CPR, notes) are never selected, so ranking needs no decryption and logs no
  access to sensitive data.

The rules the core applies live in one place each: who may be placed in which kind of vacancy
comes from the rule sets the agreements are judged by (``eligibility``), ``WEIGHTS`` says
what the soft score is made of, and the message templates are ``_N(CTX, ...)`` in
``reasons``. Text a consultant reads is a ``text.Message``, so the UI translates it like every
other message of the core.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from . import columnar, sql
from .columnar import drop_cached_facts
from .eligibility import (
    KIND_AGREEMENT_TYPES,
    Eligibility,
    eligibility,
    kind_target_groups,
)
from .facts import (
    NO_DANISH_PENALTY,
    WEIGHTS,
    CitizenFacts,
    MatchFilters,
    Parts,
    VacancyFacts,
    required_hours,
)
from .geo import Geo, shipped_geo
from .reasons import CTX, fmt_km, fmt_number
from .score import Assessment, Ranking, Scorer, assess, rank
from .similarity import term_similarity, word_similarity
from .sql import (
    citizen_prefilter,
    load_citizen,
    load_vacancy,
    profile_geo,
    vacancy_prefilter,
)


def rank_citizens(session: Session, vacancy_id: str, include_excluded: bool = False,
                  today: dt.date | None = None, use_cache: bool = True) -> Ranking:
    """Every citizen of the profile judged for one vacancy. Without ``include_excluded`` only
    candidates that may fit are judged: from the profile's in-memory facts when the session
    is a store's read session (``use_cache``), else read with the SQL prefilter; with it,
    every citizen is read and the excluded ones come last with their reasons."""
    geo = profile_geo(session)
    vacancy = load_vacancy(session, vacancy_id)
    scorer = Scorer(vacancy, today, geo)
    table = (columnar._facts(session, columnar._Citizens)
             if use_cache and not include_excluded else None)
    if table is not None:
        return Ranking("citizen", vacancy_id, None, False, table.rank(scorer))
    return sql.rank_citizens(session, vacancy, scorer, include_excluded)


def rank_vacancies(session: Session, citizen_id: str, include_excluded: bool = False,
                   today: dt.date | None = None, use_cache: bool = True) -> Ranking:
    """Every open vacancy judged for one citizen; see ``rank_citizens``."""
    geo = profile_geo(session)
    citizen = load_citizen(session, citizen_id)
    today = today or dt.date.today()
    distances = geo.distances_from(citizen.postcode) if citizen.postcode else {}
    table = (columnar._facts(session, columnar._Vacancies)
             if use_cache and not include_excluded else None)
    if table is not None:
        return Ranking("vacancy", citizen_id, None, False,
                       table.rank(citizen, today, geo, distances))
    return sql.rank_vacancies(session, citizen, today, geo, distances, include_excluded)


__all__ = [
    "CTX", "KIND_AGREEMENT_TYPES", "NO_DANISH_PENALTY", "WEIGHTS", "Assessment", "CitizenFacts",
    "Eligibility", "Geo", "MatchFilters", "Parts", "Ranking", "Scorer", "VacancyFacts", "assess",
    "citizen_prefilter", "drop_cached_facts", "eligibility", "fmt_km", "fmt_number",
    "kind_target_groups", "load_citizen", "load_vacancy", "profile_geo", "rank",
    "rank_citizens", "rank_vacancies", "required_hours", "shipped_geo", "term_similarity",
    "vacancy_prefilter", "word_similarity",
]
