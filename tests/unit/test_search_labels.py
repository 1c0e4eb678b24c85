"""Search quality on the labelled set (benchmarks/search_labels.py) over a small seeded
profile: every query finds its record first, with Danish letters typed or spelt out; and the
name keys the first tier reads follow inserts, renames, deletes and a sync's bulk apply."""

from __future__ import annotations

import datetime as dt

import pytest

from benchmarks import search_labels as labels
from consultant_app import services as sv
from consultant_app.demo import DemoCounts, generate_demo, insert_demo
from consultant_app.search import KINDS, name_key, search


@pytest.fixture
def labelled(demo_store):
    with demo_store.write() as s:
        return labels.add_labelled_records(s)


def _ranks(store, labelled):
    with store.read() as s:
        return labels.ranks(
            lambda q: [(h.kind, h.id, h.title, h.subtitle)
                       for h in search(s, q, limit=labels.LIMIT)], labelled)


def test_the_labelled_set_has_at_least_50_queries_each_about_a_labelled_record():
    assert len(labels.QUERIES) >= 50
    keys = {f"{kind}:{k}" for kind, part in (("employer", labels.EMPLOYERS),
                                             ("vacancy", labels.VACANCIES),
                                             ("citizen", labels.CITIZENS)) for k in part}
    assert {key for _q, key in labels.QUERIES} <= keys


def test_every_labelled_query_finds_its_record_first(demo_store, labelled):
    ranks = _ranks(demo_store, labelled)
    missed = [(q, r) for (q, _key), r in zip(labels.QUERIES, ranks) if r != 1]
    assert missed == []
    assert labels.mean_reciprocal_rank(ranks) == 1.0


def test_the_exact_employer_comes_before_four_citizens_named_schmidt(demo_store, labelled):
    """Issue 15, item 9: Ctrl+K put "Schmidt Lager" fifth."""
    with demo_store.read() as s:
        hits = search(s, "Schmidt Lager")
        assert (hits[0].kind, hits[0].id) == ("employer", labelled.ids["employer:schmidt"])
        assert [h.id for h in search(s, "schmidt")][:1] == [labelled.ids["employer:schmidt"]]
        # The citizens named Schmidt are still there, right after the employers.
        kinds = [h.kind for h in search(s, "schmidt")]
        assert kinds.count("citizen") >= 5


def test_a_cvr_prefix_finds_the_company_and_aarhus_finds_aarhus(demo_store, labelled):
    with demo_store.read() as s:
        assert search(s, "4127")[0].id == labelled.ids["employer:schmidt"]
        assert search(s, "1013456")[0].id == labelled.ids["employer:schmidt"]  # P-number
        for typed in ("aarhus", "Århus", "AARHUS", "århus vinduesp"):
            assert search(s, typed)[0].id == labelled.ids["employer:vinduer"]
        # Every record in the town (its name is "Aarhus C" in the postcode list) follows.
        in_town = s.connection().exec_driver_sql(
            "SELECT count(*) FROM search_fts WHERE search_fts MATCH '\"aarhus\"*'").scalar()
        assert in_town > 20
        assert len(search(s, "aarhus", limit=500)) == in_town


def test_a_kind_filter_applies_to_every_tier(demo_store, labelled):
    with demo_store.read() as s:
        assert {h.kind for h in search(s, "schmidt", kinds=("citizen",))} == {"citizen"}
        assert search(s, "41277300", kinds=("citizen", "vacancy")) == []
        hits = search(s, "schmidt lager", kinds=("employer",))
        assert hits[0].id == labelled.ids["employer:schmidt"]
        assert {h.kind for h in hits} == {"employer"}


def test_names_follow_inserts_renames_and_deletes(store):
    with store.write() as s:
        e = sv.create_employer(s, {"cvr": "41277300", "name": "Schmidt Lager",
                                   "address": "Vej 1", "postcode": "8000"})
        v = sv.create_vacancy(s, e.id, {"title": "Lagermedarbejder"})
        c = sv.create_citizen(s, {"name": "Åse  Mølgaard", "target_group": "dagpenge"})
    with store.read() as s:
        assert [h.id for h in search(s, "schmidt lager")] == [e.id, v.id]
        assert [h.id for h in search(s, "aase moelgaard")] == [c.id]
    with store.write() as s:
        sv.update_employer(s, e.id, {"name": "Køge Frugt & Grønt"})
        sv.update_vacancy(s, v.id, {"title": "Truckfører"})
    with store.read() as s:
        assert [h.id for h in search(s, "køge frugt og grønt")] == []  # "og" is no word of it
        assert [h.id for h in search(s, "køge frugt grønt")] == [e.id, v.id]  # v: its employer
        assert search(s, "schmidt lager") == []
        assert [h.id for h in search(s, "truckfø")] == [v.id]
        assert search(s, "lagermedarbejder") == []
    with store.write() as s:
        sv.delete_employer(s, e.id)
        sv.delete_citizen(s, c.id)
    with store.read() as s:
        assert search(s, "køge frugt") == []
        assert search(s, "41277300") == []
        assert search(s, "4127") == []
        assert search(s, "aase moelgaard") == []
        assert search(s, "truckfoerer") == []  # its employer is gone


def test_bulk_indexed_records_are_found_by_name_first(store):
    rows = generate_demo(DemoCounts(20, 15, 40), seed=3, today=dt.date(2026, 11, 23))
    with store.write() as s:
        insert_demo(s, rows)
    with store.read() as s:
        for row in rows.employers[:5] + rows.citizens[:5]:
            hits = search(s, row["name"])
            assert name_key(hits[0].title) == name_key(row["name"])
            assert row["id"] in {h.id for h in hits}
        employer = rows.employers[0]
        assert search(s, employer["cvr"][:6])[0].id == employer["id"]


def test_a_query_of_only_punctuation_finds_nothing(demo_store):
    with demo_store.read() as s:
        assert search(s, " -- * & ") == []
        assert search(s, "schmidt", kinds=()) == []


def test_a_one_letter_last_word_narrows_names_and_places(demo_store, labelled):
    """FTS5 has no one-letter prefix index: "anna s" is matched on names in Python, and
    "viby j" takes "j" as the whole word of the town's name."""
    with demo_store.read() as s:
        assert search(s, "anna s")[0].id == labelled.ids["citizen:anna"]
        assert search(s, "bjørn æ")[0].id == labelled.ids["citizen:bjoern"]
        in_viby = search(s, "viby j", limit=500)
        assert in_viby and all("Viby J" in h.subtitle or h.kind == "vacancy" for h in in_viby)
        assert labelled.ids["employer:boegelund"] in {h.id for h in in_viby}
