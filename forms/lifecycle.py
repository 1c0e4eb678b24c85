"""The agreement lifecycle as one state machine, judged the same way on the device
(``forms.agreements`` checks every write of a ``PlacementAgreement``) and on the central
service (``sync.server.service`` checks every pushed operation against the stored record).

No database and no Qt here: ``judge(before, after)`` compares two states of one agreement
record, each the record's wire values (``status``, ``revision``, ``content``, ...), and says
whether the step from one to the other is allowed. Because it compares states, not
operations, the order in which operations arrive cannot get round it: within one push,
across pushes, or replayed, every step from what is stored to what would be stored is
judged.

The machine, per revision (the ``revision`` column):

    draft ──> signing ──> signed ──> sealed
      (any forward step may be skipped: a device that signed and sealed offline pushes its
       record as it is now)

- While a revision is a ``draft`` its content may change freely.
- From the first signature (``signing``) the revision's content is frozen: the fields in
  ``FROZEN`` may not change, and the status never goes back (``invalid_transition``).
- A change after the first signature is a new revision (``revision`` + 1, its signatures
  start again), never a rewrite of the signed one; a revision never goes back.
- ``sealed`` is final: no new revision, no change of ``SEALED_FROZEN``, no delete. A change
  to a sealed agreement is a new agreement.
- A signed or signing revision carries its ``content_hash``; a delete is only for a draft.
- Nor can what a signed agreement names (its employer, vacancy, citizen, match) be deleted
  while it hangs off it (``judge_party_delete``, code ``signed_agreement``): the same rule
  guards the device's deletes (``consultant_app.services``) and the service's.

Refusals carry a code (``invalid_transition`` or ``immutable``) and a Danish message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from consultant_app import domain
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message

CTX = "forms"

DRAFT, SIGNING, SIGNED, SEALED = "draft", "signing", "signed", "sealed"
ORDER = {DRAFT: 0, SIGNING: 1, SIGNED: 2, SEALED: 3}
# Statuses in which a revision's content is frozen (at least one signature given). The core
# holds the same tuple (it cannot import forms): its deletes keep an agreement's parties.
FROZEN_STATUSES = (SIGNING, SIGNED, SEALED)
assert FROZEN_STATUSES == domain.SIGNED_AGREEMENT_STATUSES

# What a signature binds (forms.agreements.signed_payload is built from these): frozen from
# the first signature of a revision.
FROZEN = ("agreement_type", "template_version", "content", "content_hash", "start_date",
          "end_date")
# Also frozen once sealed: the seal and the sealed PDF's digest.
SEALED_FROZEN = (*FROZEN, "seal", "sealed_at", "pdf_sha256")
# Every field the machine looks at. A device sends them together whenever it sends one of
# them, so every operation carries one consistent state (sync.client.engine).
LIFECYCLE_FIELDS = ("status", "revision", *SEALED_FROZEN)
LIFECYCLE_FIELDS_SET = frozenset(LIFECYCLE_FIELDS)

INVALID_TRANSITION = "invalid_transition"
IMMUTABLE = "immutable"


@dataclass(frozen=True)
class Refusal:
    code: str  # INVALID_TRANSITION or IMMUTABLE
    message: Message
    fields: tuple[str, ...] = field(default=())

    def __str__(self) -> str:
        return str(self.message)


def _refuse(code: str, template: str, names: tuple[str, ...] = (), **params: Any) -> Refusal:
    return Refusal(code, Message(CTX, template, params), names)


STATUS_LABELS = {DRAFT: _N(CTX, "kladde"), SIGNING: _N(CTX, "under underskrift"),
                 SIGNED: _N(CTX, "underskrevet"), SEALED: _N(CTX, "forseglet")}


def _revision(values: Mapping[str, Any]) -> int:
    value = values.get("revision", 1)
    return value if isinstance(value, int) and not isinstance(value, bool) else 1


def judge(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> Refusal | None:
    """None if an agreement record may go from ``before`` (None: it does not exist yet) to
    ``after``, else the refusal. Both are the record's values (wire or column values)."""
    status = after.get("status", DRAFT)
    if status not in ORDER:
        return _refuse(INVALID_TRANSITION, _N(CTX, "'{status}' er ikke en status for en aftale."),
                       ("status",), status=status)
    entering = before is None or any(after.get(f) != before.get(f)
                                     for f in ("status", "revision", "content_hash"))
    if entering and status in FROZEN_STATUSES and not after.get("content_hash"):
        return _refuse(INVALID_TRANSITION, _N(
            CTX, "En underskrevet aftale skal have sin kontrolsum (content_hash)."),
            ("content_hash",))
    if before is None:
        return None
    old_status = before.get("status", DRAFT)
    old_status = old_status if old_status in ORDER else DRAFT
    old_rev, new_rev = _revision(before), _revision(after)
    if new_rev < old_rev:
        return _refuse(INVALID_TRANSITION, _N(
            CTX, "Aftalens version kan ikke gå tilbage (fra {old} til {new})."),
            ("revision",), old=old_rev, new=new_rev)
    if new_rev > old_rev:
        if old_status == SEALED:
            return _refuse(IMMUTABLE, _N(
                CTX, "Aftalen er forseglet og kan ikke få en ny version. Lav en ny aftale "
                     "for at ændre den."), ("revision",))
        return None  # a new revision starts its own lifecycle
    if ORDER[status] < ORDER[old_status]:
        return _refuse(INVALID_TRANSITION, _N(
            CTX, "Aftalen kan ikke gå fra {old} tilbage til {new}. En ændring efter første "
                 "underskrift skal laves som en ny version."), ("status",),
            old=Message(CTX, STATUS_LABELS[old_status]), new=Message(CTX, STATUS_LABELS[status]))
    if old_status in FROZEN_STATUSES:
        frozen = SEALED_FROZEN if old_status == SEALED else FROZEN
        changed = tuple(f for f in frozen if f in after and after.get(f) != before.get(f))
        if changed:
            return _refuse(IMMUTABLE, _N(
                CTX, "Aftalen er underskrevet og kan ikke ændres (feltet {fields}). En ændring "
                     "skal laves som en ny version, der underskrives igen."), changed,
                fields=", ".join(changed))
    return None


def judge_delete(before: Mapping[str, Any]) -> Refusal | None:
    """None if an agreement in state ``before`` may be deleted: only a draft may."""
    if before.get("status", DRAFT) in FROZEN_STATUSES:
        return _refuse(IMMUTABLE, _N(
            CTX, "En underskrevet aftale kan ikke slettes."), ("status",))
    return None


def judge_party_delete(entity: str, statuses: Any) -> Refusal | None:
    """None if a record of ``entity`` may be deleted while live agreements in ``statuses``
    name it (as their employer, vacancy, citizen or match), else the refusal."""
    if entity in domain.AGREEMENT_PARTIES and any(s in FROZEN_STATUSES for s in statuses):
        return Refusal(domain.SIGNED_PARTY, Message(domain.CTX,
                                                    domain.SIGNED_PARTY_MESSAGES[entity]),
                       (domain.AGREEMENT_PARTIES[entity],))
    return None
