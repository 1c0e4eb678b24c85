"""What the fast paths of a first sync must not change: a pulled record is stored exactly as
the ORM stores the same record, the search index is complete after every page, and folding
gives the same words as the plain Unicode recipe."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import select, text

from consultant_app.search import KINDS, fold, search
from consultant_app.store.models import MODEL_BY_ENTITY
from sync import protocol
from sync.client.apply import DEFERRED_INDEXING_FROM, apply_page
from sync.client.codec import codec

ENCRYPTED = {"citizen": ("cpr", "notes")}
PROFILE_KEYED = ("cpr_index",)  # keyed by each profile's own data key


def _reference_fold(value: str) -> str:
    table = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue",
                           "ß": "ss"})
    decomposed = unicodedata.normalize("NFKD", value.lower().translate(table))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@pytest.mark.parametrize("value", [
    "Aarhus", "Århus Køge ÆBLE", "Æbelø", "Straße Müller Göteborg", "Café Noël Åse",
    "Ærø ø å æ é", "ĳssel ﬁrma", "", "12345 lager-medarbejder",
])
def test_fold_gives_the_words_of_the_unicode_recipe(value):
    assert fold(value) == _reference_fold(value)


def _wire_changes(session) -> list[protocol.Change]:
    """Every synced row of a seeded profile as the service would send it, parents first."""
    changes: list[protocol.Change] = []
    for entity in ("employer", "vacancy", "citizen"):
        c = codec(entity)
        for row in session.scalars(select(c.model).order_by(c.model.id)):
            changes.append(protocol.Change(
                seq=len(changes) + 1, entity=entity, entity_id=row.id, version=row.version,
                values=c.encode(row), modified_at=row.modified_at))
    return changes


def _stored(store, entity: str) -> list[tuple]:
    """The stored text of every column but the ciphertexts (random nonces), the blind index
    (keyed per profile) and the sync version, which the service assigns."""
    table = MODEL_BY_ENTITY[entity].__table__
    names = [c.name for c in table.columns
             if c.name not in (*ENCRYPTED.get(entity, ()), *PROFILE_KEYED, "version")]
    with store.read_engine.connect() as conn:
        return conn.execute(text(f"SELECT {', '.join(names)} FROM {table.name} "
                                 "ORDER BY id")).all()


def test_pulled_records_are_stored_as_the_orm_stores_them(demo_store, tmp_path):
    from consultant_app.store import Store
    from tests.support.profiles import FAST_KDF, PASSPHRASE
    with demo_store.read() as s:
        changes = _wire_changes(s)
    assert len(changes) >= DEFERRED_INDEXING_FROM  # the bulk path, deferred indexing
    target = Store.create(tmp_path / "target", PASSPHRASE, kdf_n=FAST_KDF)
    try:
        with target.write(journal=False) as s:
            assert apply_page(s, changes).inserted == len(changes)
        for entity in ("employer", "vacancy", "citizen"):
            assert _stored(target, entity) == _stored(demo_store, entity), entity
            model = MODEL_BY_ENTITY[entity]
            fields = ENCRYPTED.get(entity, ())
            if fields:
                with demo_store.read() as a, target.read() as b:
                    mine = {r.id: tuple(getattr(r, f) for f in fields)
                            for r in a.scalars(select(model))}
                    theirs = {r.id: tuple(getattr(r, f) for f in fields)
                              for r in b.scalars(select(model))}
                assert theirs == mine
                with target.read() as b:
                    assert all(r.cpr_index == target.cipher.blind_index(r.cpr)
                               for r in b.scalars(select(model)))
    finally:
        target.close()


def _index(store) -> list[tuple]:
    with store.read_engine.connect() as conn:
        return conn.execute(text(
            "SELECT d.kind, f.ref, f.doc, f.title, f.subtitle FROM search_fts f "
            "JOIN search_doc d ON d.docid = f.rowid ORDER BY f.ref")).all()


def test_the_search_index_is_complete_after_every_page(demo_store, tmp_path):
    """Pages big enough for one indexing pass each, into a growing store: every committed
    page's records are found, with the documents the per-row triggers would have made."""
    from consultant_app.store import Store
    from tests.support.profiles import FAST_KDF, PASSPHRASE
    with demo_store.read() as s:
        changes = _wire_changes(s)
    target = Store.create(tmp_path / "target", PASSPHRASE, kdf_n=FAST_KDF)
    try:
        size = DEFERRED_INDEXING_FROM
        for start in range(0, len(changes), size):
            page = changes[start:start + size]
            with target.write(journal=False) as s:
                apply_page(s, page)
            with target.read() as s:
                count = s.scalar(text("SELECT count(*) FROM search_fts"))
                assert count == start + len(page)
                last = page[-1]
                query = str(last.values.get("name") or last.values.get("title"))
                hits = search(s, query, kinds=KINDS, limit=1000)
                assert last.entity_id in {h.id for h in hits}
        assert _index(target) == _index(demo_store)
    finally:
        target.close()
