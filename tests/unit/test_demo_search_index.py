"""The demo seeder indexes in one pass at the end (search.deferred_indexing) instead of per row;
the index must come out exactly as the per-row triggers would have left it."""

import datetime as dt

import pytest

from consultant_app import services as sv
from consultant_app.demo import DemoCounts, generate_demo, insert_demo, seed_demo
from consultant_app.search import KINDS, search


def _triggers(store):
    with store.read() as s:
        return dict(s.connection().exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all())


def _index(store):
    """Every search document by ref, with the docid it is stored under."""
    with store.read() as s:
        conn = s.connection()
        fts = {ref: (rowid, kind, doc, title, subtitle) for rowid, ref, kind, doc, title, subtitle
               in conn.exec_driver_sql(
                   "SELECT rowid, ref, kind, doc, title, subtitle FROM search_fts").all()}
        docids = dict(conn.exec_driver_sql("SELECT ref, docid FROM search_doc").all())
        expected = {}
        for kind in KINDS:
            for ref, doc, title, subtitle in conn.exec_driver_sql(
                    f"SELECT ref, doc, title, subtitle FROM search_source_{kind} "
                    f"WHERE NOT deleted").all():
                expected[ref] = (docids.get(ref), kind, doc, title, subtitle)
        rows = sum(conn.exec_driver_sql(f"SELECT count(*) FROM {kind}").scalar()
                   for kind in KINDS)
    return fts, expected, docids, rows


def test_after_seeding_every_record_is_indexed_as_the_triggers_would_index_it(store):
    before = _triggers(store)
    with store.write() as s:
        seed_demo(s, DemoCounts(60, 50, 150), seed=11, today=dt.date(2026, 11, 23))
    fts, expected, docids, rows = _index(store)
    assert rows == 260 and len(docids) == 260
    assert len(fts) == 260 and fts == expected
    assert _triggers(store) == before


def test_seeded_records_are_found_and_later_records_are_indexed_by_the_triggers(store):
    rows = generate_demo(DemoCounts(20, 15, 40), seed=3, today=dt.date(2026, 11, 23))
    with store.write() as s:
        insert_demo(s, rows)
        employer = rows.employers[0]
        citizen = rows.citizens[0]
    with store.write() as s:
        later = sv.create_citizen(s, {"name": "Bjørn Ærbø", "target_group": "dagpenge",
                                      "postcode": "8200"})
    with store.read() as s:
        assert employer["id"] in {h.id for h in search(s, employer["cvr"])}
        assert citizen["id"] in {h.id for h in search(s, citizen["name"], limit=200)}
        assert [h.id for h in search(s, "bjørn ærbø")] == [later.id]
    assert "cpr_index" not in citizen  # insert_demo leaves the caller's rows as they were


def test_seeding_a_profile_with_records_indexes_each_record_once(store):
    with store.write() as s:
        sv.create_citizen(s, {"name": "Første Borger", "target_group": "dagpenge"})
    with store.write() as s:
        seed_demo(s, DemoCounts(10, 10, 20), seed=5)
    with store.write() as s:
        seed_demo(s, DemoCounts(10, 10, 20), seed=6)
    fts, expected, docids, rows = _index(store)
    assert rows == 81 and len(fts) == 81 and fts == expected


def test_a_failed_seed_keeps_nothing_and_leaves_the_triggers_in_place(store):
    before = _triggers(store)

    def fail_on_citizens(step, n):
        if step == "candidates":
            raise RuntimeError("stop")

    with pytest.raises(RuntimeError, match="stop"):
        with store.write() as s:
            seed_demo(s, DemoCounts(10, 10, 20), seed=5, progress=fail_on_citizens)
    assert _triggers(store) == before
    fts, expected, docids, rows = _index(store)
    assert rows == 0 and fts == {} and docids == {}
    with store.write() as s:
        c = sv.create_citizen(s, {"name": "Efter Fejlen", "target_group": "dagpenge"})
    with store.read() as s:
        assert [h.id for h in search(s, "efter fejlen")] == [c.id]
