"""Per-field merge of one pushed operation into the stored record (no database here).

The service keeps, per record, the version at which each field last changed. A field the
operation sends that changed on the service after the operation's ``base_version``, to a
different value, is a conflict; ``protocol.policy`` says who wins it (server_wins: the stored
value stays; last_writer_wins: the pushed value, the latest, wins). Every conflict is returned
with both values so the losing one is kept. Other fields merge. A field an update writes is
written even when its value is the one stored (the consultant changed it and changed it back
before syncing): its version moves on, so an edit made elsewhere on an older base meets it as a
conflict and it is kept, instead of being overwritten unseen because it happened to arrive
first (protocol, "Conflicts"). Deletes are tombstones and win
over a concurrent edit in either order (``protocol.DELETE_WINS``, the protocol's "Deletes").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..protocol import (
    DELETE_WINS,
    DELETED_FIELD,
    SERVER_WINS,
    FieldConflict,
    Operation,
    policy,
)


@dataclass
class Stored:
    version: int
    values: dict[str, Any]
    field_versions: dict[str, int]
    deleted: bool = False


@dataclass
class Outcome:
    status: str  # applied | merged | conflict
    record: Stored
    changed: bool
    conflicts: list[FieldConflict] = field(default_factory=list)


def merge(entity: str, stored: Stored | None, op: Operation,
          restated: frozenset[str] = frozenset()) -> Outcome:
    """``restated``: fields the operation carries as a whole state whether or not the device
    changed them (an agreement's lifecycle fields): a value equal to the stored one is not a
    write of them."""
    if stored is None:
        if op.op == "delete":  # nothing to delete here: nothing is stored
            return Outcome("applied", Stored(0, {}, {}, True), False)
        version = 1
        record = Stored(version, dict(op.values), {k: version for k in op.values})
        return Outcome("applied", record, True)

    base = 0 if op.op == "create" else op.base_version
    concurrent = base < stored.version
    new_version = stored.version + 1
    if op.op == "delete":
        if stored.deleted:
            return Outcome("applied", stored, False)
        record = Stored(new_version, dict(stored.values), dict(stored.field_versions), True)
        record.field_versions[DELETED_FIELD] = new_version
        # Edits the delete had not seen lose to it, and are reported (kept in the tombstone).
        lost = [FieldConflict(field=name, server_value=value, client_value=None,
                              winner="client", policy=DELETE_WINS)
                for name, value in sorted(stored.values.items())
                if stored.field_versions.get(name, 0) > base]
        status = "conflict" if lost else ("merged" if concurrent else "applied")
        return Outcome(status, record, True, lost)
    if stored.deleted:
        conflict = FieldConflict(field=DELETED_FIELD, server_value=True,
                                 client_value=dict(op.values), winner="server",
                                 policy=DELETE_WINS)
        return Outcome("conflict", stored, False, [conflict])

    values = dict(stored.values)
    versions = dict(stored.field_versions)
    conflicts: list[FieldConflict] = []
    changed = False
    for name, client_value in op.values.items():
        server_value = values.get(name)
        if client_value == server_value and name in values:
            if op.op == "update" and name not in restated and versions.get(name, 0) <= base:
                versions[name] = new_version
                changed = True
            continue
        if versions.get(name, 0) > base and name in values:
            rule = policy(entity, name)
            winner = "server" if rule == SERVER_WINS else "client"
            conflicts.append(FieldConflict(field=name, server_value=server_value,
                                           client_value=client_value, winner=winner,
                                           policy=rule))
            if winner == "server":
                continue
        values[name] = client_value
        versions[name] = new_version
        changed = True
    record = Stored(new_version if changed else stored.version, values, versions, False)
    status = "conflict" if conflicts else ("merged" if concurrent else "applied")
    return Outcome(status, record, changed, conflicts)
