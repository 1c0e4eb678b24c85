"""The in-memory path: every citizen and open vacancy of the open profile, held compactly."""

from __future__ import annotations

import datetime as dt
import threading
from array import array
from itertools import repeat
from operator import add, mul, sub
from typing import Any, Callable, Mapping
from weakref import WeakKeyDictionary

from sqlalchemy.orm import Session

from .columns import _S, _Column, _interned, _Lazy, _Memo, _order, _rows
from .eligibility import eligibility
from .facts import (
    DISTANCE_HALF_KM,
    NO_DANISH_PENALTY,
    UNKNOWN_DISTANCE_FIT,
    WEIGHTS,
    CitizenFacts,
    has_driving_licence_b,
    required_hours,
)
from .geo import Geo
from .score import Assessment, Scorer, _conflicts, _occupations, hours_fit, waited_fit
from .similarity import _best, term_similarity
from .sql import (
    _CITIZEN_COLUMNS,
    _VACANCY_COLUMNS,
    _cursor,
    _date,
    _json_list,
    _vacancy,
)


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
