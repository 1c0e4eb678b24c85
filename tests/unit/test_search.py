from consultant_app import services as sv
from consultant_app.search import fold, fts_query, search


def test_fold_writes_danish_letters_as_their_two_letter_forms():
    assert fold("Århus Køge Ærø") == "aarhus koege aeroe"
    assert fold("Café Müller") == "cafe mueller"


def test_query_words_are_prefixes_and_quotes_cannot_break_the_match_syntax():
    assert fts_query('lager "aarhus') == '"lager"* "aarhus"*'
    assert fts_query("  -- * ") == ""


def _seed(store):
    with store.write() as s:
        e = sv.create_employer(s, {"cvr": "25313763", "name": "Æblegården ApS",
                                   "address": "Skovvej 3", "postcode": "8000",
                                   "industry": "Landbrug og gartneri"})
        v = sv.create_vacancy(s, e.id, {"title": "Lagermedarbejder", "occupation": "lager",
                                        "skills": ["truckcertifikat"]})
        c = sv.create_citizen(s, {"name": "Bjørn Ærbø", "target_group": "dagpenge",
                                  "postcode": "8200", "skills": ["lager", "truck"],
                                  "cpr": "010190-1234", "notes": "hemmelig"})
    return e, v, c


def test_any_word_of_name_town_occupation_or_skill_finds_the_record(store):
    e, v, c = _seed(store)
    with store.read() as s:
        assert {h.id for h in search(s, "lager aarhus")} == {v.id, c.id}
        assert [h.id for h in search(s, "truckcert")] == [v.id]
        assert {h.id for h in search(s, "århus")} == {e.id, v.id, c.id}
        assert {h.id for h in search(s, "aeblegaarden")} == {e.id, v.id}
        assert {h.id for h in search(s, "æblegården")} == {e.id, v.id}
        assert [h.id for h in search(s, "25313763")] == [e.id]


def test_cpr_numbers_and_notes_are_not_searchable(store):
    _seed(store)
    with store.read() as s:
        assert search(s, "010190") == []
        assert search(s, "hemmelig") == []


def test_kinds_limit_the_result(store):
    e, v, c = _seed(store)
    with store.read() as s:
        assert [h.kind for h in search(s, "aarhus", kinds=("citizen",))] == ["citizen"]


def test_the_index_follows_edits_renames_and_deletes(store):
    e, v, c = _seed(store)
    with store.write() as s:
        sv.update_employer(s, e.id, {"name": "Køge Frugt"})
        sv.delete_citizen(s, c.id)
    with store.read() as s:
        assert {h.id for h in search(s, "koege")} == {e.id, v.id}  # the vacancy follows
        assert search(s, "æblegården") == []
        assert search(s, "bjørn") == []


def test_skills_with_danish_letters_are_searchable(store):
    with store.write() as s:
        c = sv.create_citizen(s, {"name": "A", "target_group": "dagpenge",
                                  "skills": ["køkken", "rengøring"]})
    with store.read() as s:
        assert [h.id for h in search(s, "rengøring")] == [c.id]
        assert [h.id for h in search(s, "koekken")] == [c.id]
