"""Realistic Danish demo data: employers, contacts, visits, vacancies, citizens and matches.

Faker's da_DK locale gives names and streets; postcodes, towns and coordinates come from the
shipped GeoNames list, weighted around the profile's home municipality so distances are
realistic. Everything is drawn from one seeded random generator, ids included, so the same
seed gives the same data. Rows are inserted in bulk in one transaction and journalled in the
outbox like any other local change; the search index takes them in one pass at the end
(``search.deferred_indexing``) rather than a trigger run per row.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import uuid
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from faker import Faker
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from . import postcodes
from .search import deferred_indexing
from .store import journal, settings
from .store.models import (Citizen, ContactPerson, Employer, Match, MatchEvent, Vacancy,
                           Visit)

Progress = Callable[[str, int], None]

# Industry -> (occupations, skills, requirements typical of its jobs)
INDUSTRIES: dict[str, tuple[list[str], list[str], list[str]]] = {
    "Lager og logistik": (["Lagermedarbejder", "Truckfører", "Pakkemedarbejder"],
                          ["lager", "truckcertifikat", "plukning", "pakning", "varemodtagelse"],
                          ["heavy_lifting", "standing", "shift_work"]),
    "Rengøring": (["Rengøringsassistent", "Vinduespudser"],
                  ["rengøring", "hygiejne", "vinduespudsning", "erhvervsrengøring"],
                  ["standing", "shift_work"]),
    "Detailhandel": (["Butiksassistent", "Kassemedarbejder", "Varepåfylder"],
                     ["kundeservice", "kasse", "varepåfyldning", "salg"],
                     ["customer_contact", "standing"]),
    "Hotel og restauration": (["Køkkenmedhjælper", "Opvasker", "Tjener", "Kok"],
                              ["køkken", "opvask", "servering", "madlavning", "hygiejne"],
                              ["standing", "shift_work", "customer_contact"]),
    "Byggeri": (["Murerarbejdsmand", "Tømrer", "Byggepladsmedhjælper"],
                ["byggeplads", "murer", "tømrer", "stilladsmontage", "nedrivning"],
                ["heavy_lifting", "outdoor", "driving_licence_b"]),
    "Pleje og omsorg": (["Social- og sundhedshjælper", "Pædagogmedhjælper",
                         "Pædagogisk assistent"],
                        ["omsorg", "pleje", "børn", "ældre", "pædagogik"],
                        ["shift_work", "night_work", "danish_spoken"]),
    "Industri": (["Produktionsmedarbejder", "Maskinoperatør", "Svejser"],
                 ["produktion", "maskiner", "svejsning", "kvalitetskontrol", "montage"],
                 ["standing", "shift_work", "night_work"]),
    "Kontor og administration": (["Kontorassistent", "Receptionist", "Bogholder"],
                                 ["kontor", "it", "bogføring", "reception", "telefonpasning"],
                                 ["customer_contact", "danish_spoken"]),
    "Transport": (["Chauffør", "Budchauffør", "Flytningsmedhjælper"],
                  ["kørsel", "ruteplanlægning", "flytning", "logistik"],
                  ["driving_licence_b", "heavy_lifting"]),
    "Landbrug og gartneri": (["Gartner", "Landbrugsmedhjælper", "Anlægsgartner"],
                             ["grønne områder", "dyrehold", "planteskole", "maskiner"],
                             ["outdoor", "heavy_lifting"]),
    "Service og vedligehold": (["Pedel", "Servicemedarbejder", "Vicevært"],
                               ["vedligehold", "reparation", "service", "grønne områder"],
                               ["driving_licence_b"]),
}

COMPANY_WORDS = {
    "Lager og logistik": ["Logistik", "Distribution", "Lager"],
    "Rengøring": ["Rengøring", "Service", "Facility"],
    "Detailhandel": ["Handel", "Butik", "Supermarked"],
    "Hotel og restauration": ["Kro", "Restaurant", "Hotel", "Café"],
    "Byggeri": ["Byg", "Entreprise", "Murerfirma", "Tømrer"],
    "Pleje og omsorg": ["Plejecenter", "Børnehus", "Omsorg"],
    "Industri": ["Industri", "Metal", "Plast", "Maskinfabrik"],
    "Kontor og administration": ["Administration", "Revision", "Kontorservice"],
    "Transport": ["Transport", "Vognmand", "Fragt"],
    "Landbrug og gartneri": ["Gartneri", "Planteskole", "Landbrug"],
    "Service og vedligehold": ["Ejendomsservice", "Vedligehold", "Teknik"],
}

# Target groups with their relative frequency among a consultant's citizens, and the
# weekly hours they typically can work (min, max).
TARGET_GROUP_MIX: dict[str, tuple[float, tuple[int, int]]] = {
    "dagpenge": (25, (30, 37)),
    "kontanthjaelp_jobparat": (14, (20, 37)),
    "kontanthjaelp_aktivitetsparat": (16, (4, 20)),
    "uddannelseshjaelp_uddannelsesparat": (8, (15, 37)),
    "uddannelseshjaelp_aktivitetsparat": (5, (4, 20)),
    "sygedagpenge": (10, (8, 30)),
    "jobafklaring": (5, (4, 20)),
    "ressourceforloeb": (5, (2, 15)),
    "fleksjob_visiteret": (6, (3, 20)),
    "revalidering": (2, (15, 37)),
    "foertidspension": (1, (2, 10)),
    "selvforsoergende": (2, (20, 37)),
    "under_18": (1, (10, 25)),
}
_FRAGILE = {"kontanthjaelp_aktivitetsparat", "uddannelseshjaelp_aktivitetsparat", "sygedagpenge",
            "jobafklaring", "ressourceforloeb", "fleksjob_visiteret", "foertidspension"}

VACANCY_KIND_MIX = {"ordinary": 30, "smajob": 25, "praktik": 20, "loentilskud": 12,
                    "fleksjob": 8, "igu": 5}
LANGUAGES = ["arabisk", "engelsk", "somalisk", "tyrkisk", "ukrainsk", "polsk", "tigrinya"]
DEMO_MUNICIPALITY = "751"  # Aarhus Kommune


@dataclass(frozen=True)
class DemoCounts:
    employers: int
    vacancies: int
    candidates: int


def cvr_from(rng: random.Random) -> str:
    """A CVR number whose mod-11 check (weights 2,7,6,5,4,3,2,1) holds."""
    weights = (2, 7, 6, 5, 4, 3, 2)
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(6)]
        check = (-sum(w * d for w, d in zip(weights, digits))) % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)


def cpr_from(rng: random.Random, birth: dt.date) -> str:
    """A CPR number for ``birth``: the 7th digit follows the century rule (DOMAIN.md);
    the check digit is not mod-11 valid on purpose, as many real numbers since 2007 are not."""
    yy = birth.year % 100
    if birth.year < 2000:
        seventh = rng.choice("0123") if birth.year < 1937 else rng.choice("012349")
    else:
        seventh = rng.choice("49" if yy <= 36 else "5678") if yy <= 57 else "5"
    return f"{birth:%d%m}{yy:02d}-{seventh}{rng.randint(0, 999):03d}"


class _Ids:
    """Deterministic UUIDv7s: a fixed time base plus a counter, random bits from the seed."""

    def __init__(self, rng: random.Random, base: dt.datetime):
        self.rng = rng
        self.ms = int(base.timestamp() * 1000)

    def __call__(self) -> str:
        self.ms += 1
        rand_a = self.rng.getrandbits(12)
        rand_b = self.rng.getrandbits(62)
        value = (self.ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
        return str(uuid.UUID(int=value))


class DemoGenerator:
    def __init__(self, seed: int, today: dt.date, consultant: str):
        self.rng = random.Random(seed)
        self.fake = Faker("da_DK")
        self.fake.seed_instance(seed)
        self.today = today
        self.consultant = consultant
        self.new_id = _Ids(self.rng, dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
        self.now = dt.datetime.combine(today, dt.time(8, 0))
        home = [p for p in postcodes.all_postcodes().values()
                if p.municipality_code == DEMO_MUNICIPALITY]
        centre = home[0]
        near = [p for p in postcodes.all_postcodes().values()
                if p.municipality_code != DEMO_MUNICIPALITY and postcodes.haversine_km(
                    centre.latitude, centre.longitude, p.latitude, p.longitude) < 60]
        self.home, self.near = home, near
        self._cprs: set[str] = set()

    def _person_name(self) -> str:
        """First and last name only: Faker's full names carry titles such as "Prof."."""
        return f"{self.fake.first_name()} {self.fake.last_name()}"

    def _sync_cols(self) -> dict[str, Any]:
        return {"id": self.new_id(), "version": 0, "modified_at": self.now, "deleted": False}

    def _postcode(self) -> postcodes.Postcode:
        return self.rng.choice(self.home if self.rng.random() < 0.65 else self.near)

    def employers(self, n: int) -> Iterator[dict[str, Any]]:
        rng, fake = self.rng, self.fake
        industries = list(INDUSTRIES)
        month = (self.today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        for _ in range(n):
            industry = rng.choice(industries)
            pc = self._postcode()
            employees = max(1.0, round(rng.lognormvariate(2.3, 1.2), 1))
            suffix = rng.choice(["ApS", "A/S", "I/S", ""])
            name = f"{fake.last_name()} {rng.choice(COMPANY_WORDS[industry])} {suffix}".strip()
            yield {**self._sync_cols(), "cvr": cvr_from(rng),
                   "p_number": str(rng.randint(1000000000, 1999999999)), "name": name,
                   "address": fake.street_address(), "postcode": pc.postcode, "town": pc.town,
                   "industry": industry, "phone": fake.numerify("########").replace("0", "2", 1),
                   "email": f"kontakt@{fake.domain_word()}.dk",
                   "ordinary_employees": min(employees, 2000.0), "employees_as_of": month,
                   "subsidised_persons": rng.randint(0, max(0, int(employees // 10))),
                   "notes": ""}

    def contacts(self, employer: dict[str, Any]) -> Iterator[dict[str, Any]]:
        for i in range(self.rng.choice([1, 1, 2])):
            name = self._person_name()
            yield {**self._sync_cols(), "employer_id": employer["id"], "name": name,
                   "role": self.rng.choice(["Ejer", "Direktør", "HR-ansvarlig",
                                            "Driftsleder", "Afdelingsleder"]),
                   "email": f"{name.split()[0].lower()}@{employer['email'].split('@')[1]}",
                   "phone": self.fake.numerify("2#######"), "is_primary": i == 0}

    def visits(self, employer: dict[str, Any]) -> Iterator[dict[str, Any]]:
        rng = self.rng
        if rng.random() < 0.3:
            held = self.today - dt.timedelta(days=rng.randint(1, 120))
            follow = held + dt.timedelta(days=rng.randint(7, 60)) if rng.random() < 0.5 else None
            yield {**self._sync_cols(), "employer_id": employer["id"], "visit_date": held,
                   "status": "done", "consultant": self.consultant,
                   "notes": rng.choice(["Drøftede behov for flere hænder i højsæsonen.",
                                        "Interesseret i småjob på 8-10 timer om ugen.",
                                        "Kan tage en borger i praktik efter sommerferien.",
                                        "Har løbende brug for medhjælp i weekenden."]),
                   "follow_up_date": follow,
                   "follow_up_note": "Ring og hør om behovet" if follow else "",
                   "follow_up_done": False}
        if rng.random() < 0.02:
            yield {**self._sync_cols(), "employer_id": employer["id"],
                   "visit_date": self.today + dt.timedelta(days=rng.randint(0, 14)),
                   "status": "planned", "consultant": self.consultant, "notes": "",
                   "follow_up_date": None, "follow_up_note": "", "follow_up_done": False}

    def vacancy(self, employer: dict[str, Any]) -> dict[str, Any]:
        rng = self.rng
        occupations, skills, reqs = INDUSTRIES[employer["industry"]]
        kind = rng.choices(list(VACANCY_KIND_MIX), weights=list(VACANCY_KIND_MIX.values()))[0]
        few = False
        if kind == "smajob":
            lo, hi = rng.choice([(5, 10), (8, 15), (10, 20), (5, 20)])
            few = rng.random() < 0.5
        elif kind == "fleksjob":
            lo, hi = rng.choice([(5, 10), (10, 15), (12, 20)])
        elif kind == "praktik":
            lo, hi = rng.choice([(10, 20), (15, 25), (20, 37)])
            few = rng.random() < 0.3
        else:
            lo, hi = rng.choice([(30, 37), (37, 37), (25, 32)])
        start = self.today + dt.timedelta(days=rng.randint(7, 90))
        title = rng.choice(occupations)
        return {**self._sync_cols(), "employer_id": employer["id"], "title": title,
                "occupation": title.lower(),
                "description": f"{employer['name']} søger {title.lower()} til "
                               f"{rng.choice(skills)} og {rng.choice(skills)}.",
                "kind": kind, "hours_min": float(lo), "hours_max": float(hi),
                "starts_with_few_hours": few,
                "requirements": rng.sample(reqs, rng.randint(0, min(2, len(reqs)))),
                "skills": rng.sample(skills, rng.randint(1, 3)),
                "positions": rng.choice([1, 1, 1, 2, 3]),
                "status": rng.choices(["open", "paused", "filled"], [90, 5, 5])[0],
                "start_date": start, "deadline": start - dt.timedelta(days=rng.randint(3, 14)),
                "postcode": ""}

    def citizen(self) -> dict[str, Any]:
        rng, fake = self.rng, self.fake
        group = rng.choices(list(TARGET_GROUP_MIX),
                            weights=[w for w, _ in TARGET_GROUP_MIX.values()])[0]
        lo, hi = TARGET_GROUP_MIX[group][1]
        age = rng.randint(15, 17) if group == "under_18" else rng.randint(18, 64)
        birth = self.today - dt.timedelta(days=age * 365 + rng.randint(0, 364))
        industry = rng.choice(list(INDUSTRIES))
        occupations, skills, _ = INDUSTRIES[industry]
        other = INDUSTRIES[rng.choice(list(INDUSTRIES))]
        restrictions: list[str] = []
        if group in _FRAGILE and rng.random() < 0.6:
            restrictions = rng.sample(["no_heavy_lifting", "no_night_work", "no_standing",
                                       "no_shift_work", "no_customer_contact"], rng.randint(1, 2))
        languages = ["dansk"] if rng.random() < 0.85 else [rng.choice(LANGUAGES)]
        if rng.random() < 0.4:
            languages.append("engelsk")
        cpr = cpr_from(rng, birth)
        while cpr in self._cprs:  # one person, one number: the store refuses duplicates
            cpr = cpr_from(rng, birth)
        self._cprs.add(cpr)
        return {**self._sync_cols(), "name": self._person_name(), "cpr": cpr,
                "target_group": group,
                "skills": list(dict.fromkeys(rng.sample(skills, rng.randint(1, 3))
                                             + rng.sample(other[1], 1))),
                "wished_occupations": [rng.choice(occupations).lower()],
                "max_hours_per_week": float(rng.randint(lo, hi)),
                "restrictions": sorted(set(restrictions)),
                "driving_licence": rng.choices(["", "B", "C"], [35, 60, 5])[0],
                "languages": list(dict.fromkeys(languages)),
                "postcode": self._postcode().postcode,
                "max_commute_km": float(rng.choice([5, 10, 15, 20, 30, 40, 60])),
                "unemployed_since": self.today - dt.timedelta(days=rng.randint(14, 1100)),
                "last_employer_cvr": "", "phone": fake.numerify("########").replace("0", "3", 1),
                "email": "", "assigned_consultant": self.consultant, "notes": None}


def _bulk(session: Session, model: type[Any], rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    session.execute(insert(model), rows)
    journal.journal_created(session, model.__entity__, [r["id"] for r in rows])


@dataclass(frozen=True)
class DemoRows:
    """Every row ``seed_demo`` writes, generated before any is written, so generating and
    writing can be timed apart (benchmarks/bench_seed.py). Citizens carry their CPR in the
    clear; ``insert_demo`` adds the blind index, and the store encrypts the CPR on write."""

    employers: list[dict[str, Any]]
    contacts: list[dict[str, Any]]
    visits: list[dict[str, Any]]
    vacancies: list[dict[str, Any]]
    citizens: list[dict[str, Any]]
    matches: list[dict[str, Any]]
    match_events: list[dict[str, Any]]


def generate_demo(counts: DemoCounts, seed: int = 7, today: dt.date | None = None,
                  consultant: str = "Demo Konsulent", batch: int = 5000) -> DemoRows:
    """The demo rows for ``counts``. Draws from the generator in the order ``seed_demo``
    always has (contacts and visits per ``batch`` of employers), so a seed keeps its data."""
    gen = DemoGenerator(seed, today or dt.date.today(), consultant)

    employers = list(gen.employers(counts.employers))
    contacts: list[dict[str, Any]] = []
    visits: list[dict[str, Any]] = []
    for i in range(0, len(employers), batch):
        part = employers[i:i + batch]
        contacts.extend(c for e in part for c in gen.contacts(e))
        visits.extend(v for e in part for v in gen.visits(e))

    vacancies: list[dict[str, Any]] = []
    if employers:
        vacancies = [gen.vacancy(gen.rng.choice(employers)) for _ in range(counts.vacancies)]

    citizens = [gen.citizen() for _ in range(counts.candidates)]
    citizen_ids = [r["id"] for r in citizens]

    matches, events = [], []
    statuses = ["proposed", "presented", "interview", "agreed", "placed"]
    for vacancy in vacancies[: min(len(vacancies), 300)]:
        if not citizen_ids:
            break
        for citizen_id in gen.rng.sample(citizen_ids, min(len(citizen_ids), gen.rng.randint(0, 3))):
            status = gen.rng.choice(statuses)
            match = {**gen._sync_cols(), "vacancy_id": vacancy["id"], "citizen_id": citizen_id,
                     "status": status, "decline_reason": "", "score": None}
            matches.append(match)
            for before, after in zip([""] + statuses, statuses[: statuses.index(status) + 1]):
                events.append({**gen._sync_cols(), "match_id": match["id"],
                               "from_status": before, "to_status": after, "at": gen.now,
                               "by": consultant, "note": ""})
    return DemoRows(employers, contacts, visits, vacancies, citizens, matches, events)


def insert_demo(session: Session, rows: DemoRows, progress: Progress | None = None,
                batch: int = 5000) -> None:
    """Write ``rows`` in ``session``'s transaction, journalled in the outbox and indexed
    for search at the end. ``rows`` is not modified. ``progress(step, n)`` is called after
    every batch with the number of rows just written."""
    with deferred_indexing(session):
        _insert_rows(session, rows, progress, batch)


def _insert_rows(session: Session, rows: DemoRows, progress: Progress | None,
                 batch: int) -> None:
    cipher = session.get_bind().dialect.field_cipher  # type: ignore[attr-defined]
    report = progress or (lambda step, n: None)

    # Contacts and visits go in after all employers (their foreign key's target).
    for i in range(0, len(rows.employers), batch):
        part = rows.employers[i:i + batch]
        _bulk(session, Employer, part)
        report("employers", len(part))
    for i in range(0, len(rows.contacts), batch):
        _bulk(session, ContactPerson, rows.contacts[i:i + batch])
    for i in range(0, len(rows.visits), batch):
        _bulk(session, Visit, rows.visits[i:i + batch])

    for i in range(0, len(rows.vacancies), batch):
        part = rows.vacancies[i:i + batch]
        _bulk(session, Vacancy, part)
        report("vacancies", len(part))

    for i in range(0, len(rows.citizens), batch):
        part = [{**row, "cpr_index": cipher.blind_index(row["cpr"])}
                for row in rows.citizens[i:i + batch]]
        _bulk(session, Citizen, part)
        report("candidates", len(part))

    _bulk(session, Match, rows.matches)
    _bulk(session, MatchEvent, rows.match_events)
    if rows.matches:
        report("matches", len(rows.matches))


def seed_demo(session: Session, counts: DemoCounts, seed: int = 7,
              today: dt.date | None = None, progress: Progress | None = None,
              batch: int = 5000) -> None:
    """Fill the profile in ``session``'s transaction. ``progress(step, n)`` is called after
    every batch with the number of rows just written."""
    consultant = settings.get(session, settings.CONSULTANT) or "Demo Konsulent"
    insert_demo(session, generate_demo(counts, seed, today, consultant, batch), progress, batch)


DEMO_PROFILE_COUNTS = DemoCounts(2000, 1500, 5000)


def ensure_demo_profile(profile_dir: os.PathLike[str] | str, passphrase: str,
                        counts: DemoCounts = DEMO_PROFILE_COUNTS, *,
                        say: Callable[[str], None] = lambda text: None) -> None:
    """The demo profile (``make run``, ``consultant-app demo``), seeded, whatever stopped an
    earlier start. A missing or unfinished one is made and seeded in one go, under a
    temporary name (``Store.create(populate=...)``), so a kill leaves no profile or a seeded
    one. One that an older version left empty (killed while seeding after the profile was
    made) has never held an employer row, tombstones included; it is seeded now, in one
    transaction."""
    from .store import Store

    def populate(store: Store) -> None:
        with store.write() as s:
            seed_demo(s, counts, seed=7)

    if not Store.exists(profile_dir) or Store.unfinished(profile_dir):
        say("Opretter demoprofil …")
        Store.create(profile_dir, passphrase, consultant="Demo Konsulent",
                     municipality_code="0751", populate=populate).close()
        return
    with Store.open(profile_dir, passphrase) as store, store.write() as s:
        if s.scalar(select(Employer.id).limit(1)) is None:
            say("Demoprofilen blev ikke fyldt sidste gang; den fyldes nu …")
            seed_demo(s, counts, seed=7)
