"""The service's per-field merge (sync.server.merge) on its own: which writes make a field's
version move on, and so which concurrent edits meet each other as conflicts."""

from __future__ import annotations

from forms import lifecycle
from sync.protocol import LAST_WRITER_WINS, Operation
from sync.server.merge import Stored, merge


def _op(n: int, base: int, **values: object) -> Operation:
    return Operation(op_id=f"op-{n}", entity="employer", entity_id="e-1", op="update",
                     base_version=base, values=values)


def _stored() -> Stored:
    return Stored(1, {"notes": "Ring først", "phone": "86123456"}, {"notes": 1, "phone": 1})


def test_a_field_written_back_to_its_stored_value_meets_a_later_concurrent_edit() -> None:
    # One device changed the notes and changed them back before it synced: it sends the
    # value the service holds. Another device's edit on the same base, pushed after, must
    # meet it as a conflict (the last push wins, the value it overwrote is kept).
    back = merge("employer", _stored(), _op(1, 1, notes="Ring først"))
    assert back.changed and back.record.field_versions["notes"] == 2
    assert back.record.values == _stored().values

    later = merge("employer", back.record, _op(2, 1, notes="Kun om formiddagen"))
    [conflict] = later.conflicts
    assert (conflict.field, conflict.server_value, conflict.client_value, conflict.winner,
            conflict.policy) == ("notes", "Ring først", "Kun om formiddagen", "client",
                                 LAST_WRITER_WINS)
    assert later.record.values["notes"] == "Kun om formiddagen"


def test_the_same_value_written_on_both_sides_is_no_conflict() -> None:
    first = merge("employer", _stored(), _op(1, 1, notes="Aftalt"))
    second = merge("employer", first.record, _op(2, 1, notes="Aftalt"))
    assert second.conflicts == [] and not second.changed
    assert second.record.field_versions["notes"] == 2


def test_a_restated_lifecycle_field_is_not_a_write_of_it() -> None:
    # Every agreement operation carries the whole lifecycle state; the parts it did not
    # change must not make a concurrent edit of them a conflict.
    stored = Stored(1, {"status": "draft", "content": "v1", "purpose": "Afklaring"},
                    {"status": 1, "content": 1, "purpose": 1})
    op = Operation(op_id="op-1", entity="placement_agreement", entity_id="a-1", op="update",
                   base_version=1, values={"status": "draft", "content": "v1",
                                           "purpose": "Afklaring i bageri"})
    outcome = merge("placement_agreement", stored, op, restated=lifecycle.LIFECYCLE_FIELDS_SET)
    assert outcome.record.field_versions == {"status": 1, "content": 1, "purpose": 2}
