"""Migrations: a profile at the first revision, filled, upgraded to head, loses nothing."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import create_engine, text

from consultant_app import crypto
from consultant_app.search import search
from consultant_app.store import DB_FILENAME, Store
from consultant_app.store.migrate import (
    HEAD_REVISION,
    current_revision,
    head_revision,
    upgrade,
)
from tests.support.profiles import FAST_KDF, PASSPHRASE


def test_a_profile_at_the_first_revision_upgrades_to_head_without_losing_anything(tmp_path):
    profile = tmp_path / "old"
    profile.mkdir()
    engine = create_engine(f"sqlite:///{profile / DB_FILENAME}")
    upgrade(engine, "0001")
    assert current_revision(engine) == "0001"

    # Fill it as the program of revision 0001 did: plain SQL against that schema.
    data_key = crypto.new_data_key()
    cipher = crypto.FieldCipher(data_key)
    envelope = crypto.wrap_key(data_key, PASSPHRASE, n=FAST_KDF)
    now = dt.datetime(2026, 5, 1, 12, 0)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO profile_meta VALUES ('profile_id', 'p1'), "
                          "('key_envelope', :env), ('consultant', 'Gammel Konsulent')"),
                     {"env": envelope.to_json()})
        conn.execute(text(
            "INSERT INTO employer (id, version, modified_at, deleted, cvr, p_number, name, address,"
            " postcode, town, industry, phone, email, ordinary_employees, employees_as_of,"
            " subsidised_persons, notes) VALUES ('e1', 4, :now, 0, '25313763', '1012345678',"
            " 'Århus Lager ApS', 'Havnevej 1', '8000', 'Aarhus C', 'Lager', '', '', 12.5,"
            " '2026-04-01', 1, 'gammel note')"), {"now": now})
        conn.execute(text(
            "INSERT INTO vacancy (id, version, modified_at, deleted, employer_id, title, occupation,"
            " description, kind, hours_min, hours_max, starts_with_few_hours, requirements, skills,"
            " positions, status, postcode) VALUES ('v1', 2, :now, 0, 'e1', 'Lagermedarbejder',"
            " 'lager', '', 'smajob', 8, 20, 1, '[]', '[\"truck\"]', 1, 'open', '')"), {"now": now})
        conn.execute(text(
            "INSERT INTO citizen (id, version, modified_at, deleted, name, cpr, cpr_index,"
            " target_group, skills, wished_occupations, restrictions, driving_licence, languages,"
            " postcode, last_employer_cvr, phone, email, assigned_consultant, notes)"
            " VALUES ('c1', 1, :now, 0, 'Søren Æbelø', :cpr, :idx, 'dagpenge', :skills,"
            " '[]', '[]', 'B', '[\"dansk\"]', '8200', '', '', '', 'Gammel Konsulent', :notes)"),
            {"now": now, "skills": '["lager", "k\\u00f8kken"]',  # 0001 wrote ASCII escapes
             "cpr": cipher.encrypt("010190-1234"), "idx": cipher.blind_index("010190-1234"),
             "notes": cipher.encrypt("fortrolig note")})
        conn.execute(text("INSERT INTO outbox (op_id, entity, entity_id, op, fields, base_version,"
                          " created_at) VALUES ('o1', 'citizen', 'c1', 'create', '[\"*\"]', 0, :now)"),
                     {"now": now})
    engine.dispose()

    with Store.open(profile, PASSPHRASE) as store:  # runs the migrations to head
        assert current_revision(store.write_engine) == head_revision()
        with store.read() as s:
            from consultant_app.store.models import (
                Citizen,
                Employer,
                OutboxEntry,
                Vacancy,
            )
            e, v, c = s.get(Employer, "e1"), s.get(Vacancy, "v1"), s.get(Citizen, "c1")
            assert (e.name, e.version, e.ordinary_employees, e.employees_as_of, e.notes) == (
                "Århus Lager ApS", 4, 12.5, dt.date(2026, 4, 1), "gammel note")
            assert (v.title, v.starts_with_few_hours, v.skills) == ("Lagermedarbejder", True,
                                                                   ["truck"])
            assert (c.name, c.cpr, c.notes, c.version) == ("Søren Æbelø", "010190-1234",
                                                            "fortrolig note", 1)
            assert s.get(OutboxEntry, 1).op_id == "o1"
            # rows that existed before the search index are in it
            kinds = {h.kind for h in search(s, "aarhus")}
            assert kinds == {"employer", "vacancy", "citizen"}
            assert [h.id for h in search(s, "æbelø")] == ["c1"]
            assert c.skills == ["lager", "køkken"]
            assert [h.id for h in search(s, "køkken")] == ["c1"]  # 0003 unescaped the JSON


def test_the_head_revision_constant_names_the_newest_migration():
    assert HEAD_REVISION == head_revision()


def _documents(store: Store) -> list[tuple]:
    with store.read_engine.connect() as conn:
        return conn.execute(text("SELECT rowid, doc, kind, ref, title, subtitle FROM search_fts "
                                 "ORDER BY rowid")).all()


def _found(store: Store, queries: list[str]) -> list[list[str]]:
    with store.read() as s:
        return [[h.id for h in search(s, q, limit=50)] for q in queries]


def test_the_search_index_keeps_its_documents_and_finds_the_same_without_longer_prefixes(
        demo_store):
    """Revision 0007 keeps a prefix index for two letters only: the index is made again with
    the same documents, and prefixes of every length find what the 0006 index found."""
    from alembic import command

    from consultant_app.store.migrate import alembic_config
    with demo_store.read() as s:
        names = [r[0] for r in s.execute(text("SELECT title FROM search_fts LIMIT 40")).all()]
    # every prefix length: with and without its own index, names and single letters
    queries = sorted({w[:n] for name in names for w in name.split() for n in (1, 2, 3, 4, 5)
                      if len(w) >= n} | {"lager aarhus", "ko", "køk", "aarh", "århu", "8"})
    before = _documents(demo_store), _found(demo_store, queries)

    def migrate(step, revision):
        cfg = alembic_config()
        with demo_store.write_engine.connect() as conn:
            cfg.attributes["connection"] = conn
            try:
                step(cfg, revision)
            finally:
                cfg.attributes.pop("connection", None)
            conn.commit()

    def definition() -> str:
        with demo_store.read_engine.connect() as conn:
            return conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'search_fts'").scalar()

    assert "prefix='2')" in definition()
    migrate(command.downgrade, "0006")
    assert "prefix='2 3 4'" in definition()
    assert (_documents(demo_store), _found(demo_store, queries)) == before
    migrate(command.upgrade, "head")
    assert "prefix='2')" in definition()
    assert (_documents(demo_store), _found(demo_store, queries)) == before
    assert len(before[0]) == 60 + 50 + 150 and all(before[1][:3])
