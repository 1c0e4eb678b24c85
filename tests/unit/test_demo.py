import datetime as dt
import hashlib
import json

from sqlalchemy import select
from stdnum.dk import cvr

from consultant_app import identifiers
from consultant_app.demo import DemoCounts, seed_demo
from consultant_app.store import Store
from consultant_app.store.models import Citizen, Employer, Vacancy
from tests.support.profiles import FAST_KDF


def _fingerprint(store: Store) -> str:
    rows = []
    with store.read() as s:
        for model in (Employer, Vacancy, Citizen):
            for obj in s.scalars(select(model).order_by(model.id)):
                rows.append({c.key: str(getattr(obj, c.key)) for c in model.__table__.columns
                             if c.key != "cpr_index"})
    return hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()


def _seeded(path, seed):
    store = Store.create(path, "x", consultant="K", kdf_n=FAST_KDF)
    with store.write() as s:
        seed_demo(s, DemoCounts(30, 25, 60), seed=seed, today=dt.date(2026, 11, 23))
    return store


def test_the_same_seed_gives_the_same_data_ids_included(tmp_path):
    a, b, c = (_seeded(tmp_path / n, seed) for n, seed in (("a", 7), ("b", 7), ("c", 8)))
    try:
        assert _fingerprint(a) == _fingerprint(b)
        assert _fingerprint(a) != _fingerprint(c)
    finally:
        for s in (a, b, c):
            s.close()


def test_demo_identifiers_are_valid_and_realistic(demo_store):
    with demo_store.read() as s:
        employers = list(s.scalars(select(Employer)))
        citizens = list(s.scalars(select(Citizen)))
        vacancies = list(s.scalars(select(Vacancy)))
    assert all(cvr.is_valid(e.cvr) and len(e.p_number) == 10 for e in employers)
    assert all(identifiers.normalize_postcode(e.postcode) == e.postcode for e in employers)
    assert all(identifiers.normalize_cpr(c.cpr) == c.cpr for c in citizens)
    assert {v.kind for v in vacancies} >= {"ordinary", "smajob", "praktik"}
    assert any(v.starts_with_few_hours for v in vacancies)
    assert any(c.restrictions for c in citizens) and any(c.driving_licence for c in citizens)
    assert len({c.target_group for c in citizens}) >= 6
