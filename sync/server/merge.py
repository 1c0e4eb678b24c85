"""Per-field merge of one pushed operation into the stored record (no database here).

The service keeps, per record, the version at which each field last changed. A field the
operation sends that changed on the service after the operation's ``base_version``, to a
different value, is a conflict; ``protocol.policy`` says who wins it (server_wins: the stored
value stays; last_writer_wins: the pushed value, the latest, wins). Every conflict is returned
with both values so the losing one is kept. Other fields merge. Deletes are tombstones and win
over a concurrent edit (the edit comes back as a conflict on the field ``deleted``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..protocol import SERVER_WINS, FieldConflict, Operation, policy


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


def merge(entity: str, stored: Stored | None, op: Operation) -> Outcome:
    if stored is None:
        version = 1
        deleted = op.op == "delete"
        record = Stored(version, dict(op.values), {k: version for k in op.values}, deleted)
        return Outcome("applied", record, True)

    base = 0 if op.op == "create" else op.base_version
    concurrent = base < stored.version
    new_version = stored.version + 1
    if op.op == "delete":
        if stored.deleted:
            return Outcome("applied", stored, False)
        record = Stored(new_version, dict(stored.values), dict(stored.field_versions), True)
        record.field_versions["deleted"] = new_version
        return Outcome("merged" if concurrent else "applied", record, True)
    if stored.deleted:
        conflict = FieldConflict(field="deleted", server_value=True, client_value=False,
                                 winner="server", policy=SERVER_WINS)
        return Outcome("conflict", stored, False, [conflict])

    values = dict(stored.values)
    versions = dict(stored.field_versions)
    conflicts: list[FieldConflict] = []
    changed = False
    for name, client_value in op.values.items():
        server_value = values.get(name)
        if client_value == server_value and name in values:
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
