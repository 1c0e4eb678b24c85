"""The sync protocol: the wire format shared by the client engine and the central service.

Everything is JSON over HTTPS (plain HTTP on loopback in tests and the demo), under
``/api/v1``. A device authenticates with ``Authorization: Bearer <token>`` from enrollment.

Endpoints
---------
``POST /api/v1/enroll``  (no token; an enrollment code instead)
    EnrollRequest -> EnrollResponse. The consultant's one-time enrollment code (issued by
    ``consultant-server add-consultant``) proves who they are; the device sends its Ed25519
    public key and gets a device id, a token and an X.509 certificate for that key signed by
    the service's CA.
``POST /api/v1/push``
    PushRequest -> PushResponse. A batch of outbox operations, applied in one transaction.
    Each operation is applied at most once: a repeated ``op_id`` returns the first answer.
    The results come in the order of the operations (see "Push order").
``GET /api/v1/pull?cursor=N&limit=M[&count=true]``
    -> PullResponse. Changes in the device's scope with a change sequence number > cursor, in
    order, at most ``limit``; ``next_cursor`` is the last sequence number in the page, ``more``
    says whether to ask again. The client applies a page and stores its cursor in one
    transaction. A device's own changes come back too (they carry the server's version).
    With ``count=true`` the answer also says how many changes wait after this page
    (``remaining``), so a device can show records left and time left during a long pull; a
    client asks on the first page of a pull only (a count is a scan of the scope). Added
    compatibly: a service that does not know ``count`` ignores it and sends no ``remaining``
    (the client then shows progress without a total), and a client that does not ask gets
    none (``null``).
``PUT /api/v1/agreements/{agreement_id}/{revision}``
    SealedAgreementUpload -> SealedAgreementReceipt. A sealed agreement: the service verifies
    the content hash, the seal and the PAdES signature against the device's certificate, keeps
    the PDF and adds its own timestamp. The same content again is a no-op ("duplicate"); other
    content under an existing id and revision is refused (409).
``GET /api/v1/device``
    -> DeviceStatus. Whether the device is still enrolled.
``GET /api/v1/health``  (no token)
    ``{"status": "ok"}`` once the service has migrated its schema: readiness for a load
    balancer and the test fixture.

A deleted record's Change carries in ``values`` only the parents it names (``employer_id``,
``vacancy_id``, ...: ids, never personal data), ``{}`` for a record without parents (see
"Deletes"). Times (``modified_at``) are naive UTC.

Deletes
-------
A delete has ONE shape on the wire: an Operation with ``op: "delete"``, the ``base_version``
it was made on and no ``values`` (``{}``). ``deleted`` (``DELETED_FIELD``) is never a field
value: an operation that sends it, or a delete that sends values, is rejected ("invalid").
The service keeps the record as a tombstone (``deleted: true``, its last values kept on the
service; on the wire only the parent ids it names), pulled by every device in scope like any
change. A
delete of a record the service never had is answered "applied" with version 0 and stores
nothing. A record created and deleted on a device before it was pushed travels as its create
and then its delete.

A delete racing an edit made on another device (``DELETE_WINS``): **the delete wins**; a
tombstone is final and no edit brings a record back. Either order keeps the loser:
- the edit arrives after the delete: the edit is not applied; the answer is status
  "conflict" with one FieldConflict ``field="deleted"``, ``server_value=True``,
  ``client_value`` = the edit's values, ``winner="server"``, ``policy="delete_wins"``;
- the delete arrives after edits it had not seen (fields changed on the service after its
  ``base_version``): the record is deleted, and the answer is status "conflict" with one
  FieldConflict per such field, ``server_value`` = the edited value (the loser, still kept in
  the tombstone), ``client_value=None``, ``winner="client"``, ``policy="delete_wins"``.
The service keeps every conflict; the client keeps them in its conflict list (Sync page).
The protocol has no undelete, on purpose: the consultant cannot choose the losing side of a
delete race ("keep mine" would be an edit of a tombstone, refused again). The device offers
instead to make the record anew from the kept values (``sync.client.conflicts
.recreate_record``, "Opret igen som ny post" on the Sync page, ``consultant-app conflicts
recreate``): a new record with a new id, pushed as an ordinary create, while the tombstone
stays final on every device; what hung off the deleted record does not follow it.
Exception: a signed or sealed agreement cannot be deleted at all (see "Agreement lifecycle").

What a signed agreement names is kept with it: an employer, vacancy, citizen or match that a
live agreement in status signing, signed or sealed names (``consultant_app.domain
.AGREEMENT_PARTIES``) cannot be deleted. The rule is ``forms.lifecycle.judge_party_delete``:
the device refuses such a delete before it is made (``consultant_app.services``, a Danish
message), and the service refuses one that was made offline before the agreement arrived
(status "rejected", code ``signed_agreement``, the same Danish message); the device then
takes its delete back (the record is live again, as on the service) and shows the refusal.

Children of a deleted record: a delete does not delete what hangs off the record. Such
children stay live on the service (hidden by the device's lists, which show nothing under a
deleted employer, vacancy or citizen) and a signed agreement that reached the service after
its vacancy's or employer's delete (signed offline meanwhile) is kept and shown, like every
signed agreement. So every device must be able to take in a child of a deleted parent, also
a device that never held the parent (deleted before its first pull): the tombstone names its
parents, and a client keeps the tombstone of a record it never held as a deleted row (its
parents as named, neutral values elsewhere), so the child finds its parent. A client never
quarantines a child only because its parent was deleted.
Pages are ordered by sequence number, and a parent changed after its children comes after
them, so a client must accept a child whose parent arrives in a later page (the engine parks
it until the parent is there).

Scope exits
-----------
A device holds only what its consultant needs (DOMAIN.md, "Data protection"). When the
service takes a citizen from a consultant (``consultant-server assign-citizen`` to someone
else, a citizen import that names another consultant, or unassigning it), that consultant's
devices pull a Change with ``scope_exit: true``, ``entity: "citizen"``, the citizen's id,
``version: 0``, ``deleted: true`` and ``values: {}``: "this record and everything hanging off it (matches, match
events, agreements, signatures, documents) has left your scope; remove it from the device".
It has a sequence number like any change and comes in seq order, so a change of the citizen
with a higher number (the citizen given back later) comes after it and brings it back. The
client deletes the records without journalling anything; a local change of them still waiting
to be pushed cannot be pushed any more and is shown to the consultant as rejected instead,
with its content (the fields and values the consultant wrote, encrypted like every conflict)
kept for the consultant to hand over to the new consultant and to remove once done
(``sync.client.wipe``).
The new owner's devices get the citizen and all its records again, with new numbers. A client
that does not know the flag sees a version-0 tombstone and skips it (it has the record at a
newer version, or not at all).

Signed agreements and scope exits
---------------------------------
A signed legal document is never stranded by a change of scope. A device may sign and seal
an agreement offline for a citizen that has meanwhile left its consultant (it has not pulled
the exit yet). A push carries the device's pull ``cursor``; the service takes an operation on
an agreement, its signatures or its documents from a consultant who lost the agreement's
citizen when (a) the agreement is signed or sealed (stored so, or brought to that status by
an operation of the same batch) and (b) the consultant's newest scope exit for the citizen
has a number above the device's cursor: the device had not heard, so it held the citizen
when it signed; and (c) the agreement is new to the service or was made by that consultant
(``record.created_by``): a scope exit says a consultant held the citizen, not every record of
it, and the cursor is the device's word. The records go to the citizen's current consultant (owner and new numbers),
whose devices pull them; the sealed PDF (``PUT /agreements/...``) is then accepted from that
device for the content the push handed over, verified like any other. The device forgets
its copies with the scope exit it pulls next. Drafts and other edits of the moved citizen
are refused (``out_of_scope``), and the client reports them as rejected in plain Danish
(``sync.client.wipe``); a device that has pulled the exit cannot sign for the citizen any more.

Push order
----------
The order operations travel in does not decide what becomes of them. The service applies a
push parents first (``ENTITIES`` order; the push's own order within one entity, so the
operations of one record keep theirs): a child sent before its parent's create, or a
signature or sealed PDF sent before the agreement's status change, is judged as if it came
after. Across pushes, the device sends its outbox in the order it was written, and it
journals each write parents first (``consultant_app.store.journal``): the step of an
agreement (to signing, signed, sealed) goes before the signature or PDF that came with it,
so a push cut between the two (the engine cuts its outbox into batches) never carries the
signature alone first, to be judged on the agreement as it stood before it was signed.

An ``update`` of a record the service does not hold is refused (``unknown_record``): the
service never makes a record out of an update, so no record lacks what its create carried.

Agreement lifecycle
-------------------
A placement agreement moves draft -> signing -> signed -> sealed per revision; a change after
the first signature is a new revision, never a rewrite; sealed is final. The machine is
``forms.lifecycle`` (the device guards its own writes with the same one). The service judges
every pushed ``placement_agreement`` operation on the step from its stored record to the
record the operation would leave, so no order of operations, in one push or across pushes,
gets round it. A forbidden step is rejected with code ``invalid_transition`` (a status or
revision going back) or ``immutable`` (a frozen field of a signed revision changed, a new
revision of a sealed agreement, a delete of a signed one, a state that disagrees with the
sealed PDF the service holds for that revision) and a Danish message. Because the service
judges states, a device sends the whole lifecycle state (``forms.lifecycle.LIFECYCLE_FIELDS``,
current values) in every agreement operation that touches any of it.

Limits
------
Part of the protocol, the same on both sides (the constants below), checked by the service
before a body is parsed (size) or stored (the rest), and respected by the client:
- ``MAX_BODY_BYTES`` per request body (``MAX_ENROLL_BODY_BYTES`` for enrollment, which has no
  token). A larger ``Content-Length`` is answered 413 ``too_large`` without reading the body;
  a body without ``Content-Length`` (chunked) is counted as it arrives and cut off at the
  limit with the same answer.
- The token is checked before any byte of a body is read: a request without a valid token
  gets 401 (410 if revoked) whatever it carries.
- ``MAX_OPERATIONS_PER_PUSH`` operations per push (422 naming ``operations``). The client
  splits its outbox into pushes under this and under ``MAX_BODY_BYTES`` (``push_batches``).
- A value per field (``value_problem``): a text at most as long as the app's own field spec
  allows (``MAX_TEXT_CHARS`` for free text such as notes, the column's length for short
  fields, ``LONG_FIELD_CHARS`` for machine-made ones: agreement content, seals, signature
  strokes, sealed PDFs), a list at most ``MAX_LIST_ITEMS`` items, an integer within
  ``±MAX_INT``, a number finite. Over a limit: 422 naming the operation and the field. The
  client checks the same before it sends, and reports such a change as rejected instead.
- Integers: ``cursor`` 0..``MAX_SEQ``, ``limit`` 1..``MAX_PULL_LIMIT``, ``base_version`` and a
  path's ``revision`` 0..``MAX_INT``; ids at most ``MAX_ID_CHARS``. Outside: 422 naming the
  field, never a 500.

Parents, duplicates, lost answers, enrollment
---------------------------------------------
- A create or update naming a parent (``employer_id``, ``match_id``, ...) the service does
  not hold (refused, or never sent; created earlier in the same batch counts) is refused
  (``missing_parent``): no orphan reaches other devices to be parked for ever. A client that
  still gets one (an orphan stored before this rule) parks it during the pull and, once the
  pull has reached the end, sets it aside as ``missing_parent`` (``sync.client.quarantine``):
  shown, retried, never silently waiting.
- The same thing twice: a create of an employer whose CVR and P-number, or of a citizen whose
  CPR, a live record of the municipality already has is refused (``duplicate``, in Danish);
  the record that came first stays with its history (``sync.server.natural_keys`` says what
  a natural key is and looks it up). When that record is in the device's scope, the refusal
  names it (``OperationResult.existing_id``) and carries, as ``conflicts`` (policy
  ``duplicate``, winner server), the service's and the device's values of every field the
  create gave otherwise. The device adopts it (``sync.client.adopt``): what points at its
  copy (contacts, visits, vacancies, matches, agreements, signed and sealed ones included)
  and its waiting changes move to the service's id, the differing values are kept in its
  conflict list on the service's record for the consultant to choose, with one summary entry
  (field ``""``), and the copy is removed with its search document; a waiting delete of the
  copy is dropped. Changes in the same push that were refused only for naming the copy
  (``missing_parent``, ``unknown_record``) are sent again at once under new op ids. When the
  record is a citizen of another consultant, the refusal names it with
  ``existing_elsewhere`` and none of its values, and the service writes a scope exit of it
  for the device's consultant: for them the copy was a citizen that left their scope. The
  copy and what hangs off it leave the device like a citizen that moved
  (``sync.client.wipe.forget_citizens``; unsent children listed without their values) and
  the refusal keeps the copy's own values for a hand-over. A signed or sealed agreement on
  the copy is moved to the service's citizen first and sent: the service takes it and gives
  it to that citizen's consultant (as in "Signed agreements and scope exits"), and the
  device forgets it after its upload, when it pulls the scope exit. An agreement still being
  signed cannot be handed over: then the copy stays on the device with its refusal shown
  (a legal document is never removed by this).
- A server-wins conflict is answered with the service's value; the client writes it into
  its row (unless a later local change of the field is still waiting, which the service
  judges in its turn, or the row is already newer) and keeps its own value as the conflict's
  loser. So a device whose answer was lost, or that was edited while the sync ran, converges
  instead of keeping its value at the service's version for good.
- Enrollment: a one-time code asked again with the public key of the device it enrolled,
  within an hour of its use (``sync.server.auth.REPEAT_WINDOW``), gives the same answer: the
  same device id, certificate and token (the answer was lost on the way, or the first
  request reached the service after its retry). The token is derived from the device id
  under a key of the service, so answering twice never replaces the token the device holds.
  Any other key with a used code, or the same key later, is refused (403 ``invalid_code``).

Errors are ``{"detail": {"code": ..., "message": ..., "text": ...}}`` (ErrorBody) with a
Danish message and, since it was added compatibly, the same message as a template with its
parameters (``text``: ``{"context", "template", "params"}``, ``consultant_app.text.Message``'s
``to_wire``), so a device renders it in its reader's language from its own catalogue; a
rejected operation's result carries both the same way. A device shows ``message`` when
``text`` is missing or is not a plain template (``Message.from_wire``):
401 ``unauthorized`` (unknown token), 403 ``invalid_code`` (enrollment code unknown, used or
expired), 409 ``immutable`` (other content under a signed agreement's id and revision), 410
``device_revoked``, 422 ``invalid`` / ``invalid_seal`` (a request or a sealed PDF that does not
check out).
A revoked device gets 410 with code "device_revoked" on every call: the client then wipes
the personal data on the device and tells the user why.

Conflicts (DESIGN.md, "Sync (the contract)")
-------------------------------------------
An operation carries the record version it was made on (``base_version``) and the values of
the fields it changed. The service keeps, per record, the version at which each field last
changed. A field changed on the server since ``base_version`` is a conflict on that field;
``FIELD_POLICY`` says who wins it. Fields changed only on one side merge. Every conflict is
returned with both values, and the losing value is kept (on the service, and by the client in
its conflict list) so the consultant can see it and choose. A field an ``update`` names is a
write of it even when its value equals the stored one (changed and changed back before a
sync): the field's version moves on, so a concurrent edit pushed later meets it as a conflict
and it is kept, whichever of the two arrives first. Not so for an agreement's lifecycle
fields, which every agreement operation restates as one state (Agreement lifecycle).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message

API_PREFIX = "/api/v1"
PROTOCOL_VERSION = 1

# Entities that travel through push/pull, in the order a pull applies them (parents first).
ENTITIES: tuple[str, ...] = (
    "employer", "contact_person", "visit", "vacancy", "citizen", "match", "match_event",
    "placement_agreement", "agreement_signature", "agreement_document", "access_log",
)

SERVER_WINS = "server_wins"  # data a caseworker owns in the case system
LAST_WRITER_WINS = "last_writer_wins"  # the consultant's own data: the latest push wins
DELETE_WINS = "delete_wins"  # a delete racing an edit: the tombstone stays (module doc)
DELETED_FIELD = "deleted"  # the field a delete-vs-edit conflict is reported on

# Who wins a conflict on a field; a field not listed follows the entity's "*" entry.
FIELD_POLICY: dict[str, dict[str, str]] = {
    "citizen": {
        "*": LAST_WRITER_WINS,
        "target_group": SERVER_WINS,
        "cpr": SERVER_WINS,
        "assigned_consultant": SERVER_WINS,
        "unemployed_since": SERVER_WINS,
    },
    "employer": {"*": LAST_WRITER_WINS, "cvr": SERVER_WINS},
}
DEFAULT_POLICY = LAST_WRITER_WINS


def policy(entity: str, field_name: str) -> str:
    rules = FIELD_POLICY.get(entity, {})
    return rules.get(field_name, rules.get("*", DEFAULT_POLICY))


# -- limits (module doc, "Limits") ------------------------------------------------------------
MAX_BODY_BYTES = 32 * 1024 * 1024
MAX_ENROLL_BODY_BYTES = 64 * 1024
MAX_OPERATIONS_PER_PUSH = 1000
MAX_PULL_LIMIT = 5000
# Free text (notes, descriptions): the longest text the app's field specs accept
# (consultant_app.services: text(20000)); short fields are bounded by their column's length.
MAX_TEXT_CHARS = 20_000
# Fields the app writes itself, not typed by a person: room for what it makes.
LONG_FIELD_CHARS: dict[tuple[str, str], int] = {
    ("placement_agreement", "content"): 1_000_000,
    ("placement_agreement", "seal"): 100_000,
    ("agreement_signature", "strokes"): 2_000_000,  # forms.signing.MAX_POINTS points
    ("agreement_document", "pdf"): 16_000_000,      # a sealed PDF, base64
}
MAX_LIST_ITEMS = 500
MAX_INT = 2**31 - 1  # integer fields, versions and revisions (32-bit columns)
MAX_SEQ = 2**63 - 1  # change sequence numbers and cursors
MAX_ID_CHARS = 64
MAX_EMAIL_CHARS = 254


def _text_limits() -> dict[tuple[str, str], int]:
    """The most characters of each synced text field, from the store's models."""
    from sqlalchemy import JSON, Boolean, Float, Integer, String, Text

    from consultant_app.store.models import MODEL_BY_ENTITY
    out: dict[tuple[str, str], int] = {}
    for entity in ENTITIES:
        for column in MODEL_BY_ENTITY[entity].__table__.columns:
            t, key = column.type, (entity, column.name)
            if isinstance(t, (Boolean, Integer, Float, JSON)):
                continue
            if column.name == "id" or column.name.endswith("_id"):
                out[key] = MAX_ID_CHARS
            elif column.name == "email":
                out[key] = MAX_EMAIL_CHARS  # the spec checks the form, RFC 5321 the length
            elif isinstance(t, String) and not isinstance(t, Text) and t.length:
                out[key] = LONG_FIELD_CHARS.get(key, t.length)
            else:
                out[key] = LONG_FIELD_CHARS.get(key, MAX_TEXT_CHARS)
    return out


_LIMITS: dict[tuple[str, str], int] | None = None

# A lone UTF-16 surrogate: JSON can write one ("\\ud800"), UTF-8 and so no database can keep it.
_SURROGATE = re.compile("[\ud800-\udfff]")


# The texts of the protocol's own checks, translatable like the service's (protocol, Errors).
CTX = "protocol"


class ProtocolProblem(ValueError):
    """A value the protocol refuses, raised from a model's validator: pydantic keeps the
    exception, so the service's answer can carry its ``text`` to translate."""

    def __init__(self, text: Message):
        super().__init__(text.render())
        self.text = text


def _string_problem(text: str) -> Message | None:
    if "\x00" in text:
        return Message(CTX, _N(CTX, "indeholder tegnet NUL (\\u0000), som ikke kan gemmes."))
    if not text.isascii() and _SURROGATE.search(text):
        return Message(CTX, _N(CTX, "indeholder et ufuldstændigt tegn (en enlig "
                                    "UTF-16-surrogat), som ikke kan gemmes."))
    return None


def text_problem(value: Any) -> Message | None:
    """None if no text in ``value`` (a string, or the keys, values and items of objects and
    lists at any depth) holds a NUL character or a lone surrogate, else what is wrong, as the
    end of a Danish sentence that starts with the field's name. PostgreSQL keeps neither
    (not even as JSON's ``\\u0000``), so both are refused at the door on every backend."""
    if isinstance(value, str):  # most values: no walk
        return _string_problem(value)
    if not isinstance(value, (dict, list)):
        return None
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            problem = _string_problem(item)
            if problem:
                return problem
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def named_problem(name: str, problem: Message) -> Message:
    """``Feltet 'x' …``: a text's problem (``text_problem``) said of the field ``name``."""
    return Message(CTX, _N(CTX, "Feltet '{name}' {problem}"), {"name": name, "problem": problem})


def value_problem(entity: str, name: str, value: Any) -> Message | None:
    """None if ``value`` of ``entity.name`` is within the protocol's limits, else a message
    naming the field. Types are judged elsewhere (the service's entities module)."""
    global _LIMITS
    if _LIMITS is None:
        _LIMITS = _text_limits()
    limit = _LIMITS.get((entity, name))
    text = text_problem(value)
    if text:
        return named_problem(name, text)
    if isinstance(value, str) and limit is not None and len(value) > limit:
        return Message(CTX, _N(CTX, "Feltet '{name}' er for langt: højst {limit} tegn (er "
                                    "{length})."),
                       {"name": name, "limit": limit, "length": len(value)})
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and not -MAX_INT <= value <= MAX_INT:
        return Message(CTX, _N(CTX, "Feltet '{name}' er uden for det tilladte talområde "
                                    "(±{limit})."), {"name": name, "limit": MAX_INT})
    if isinstance(value, float) and not math.isfinite(value):
        return Message(CTX, _N(CTX, "Feltet '{name}' skal være et endeligt tal."),
                       {"name": name})
    if isinstance(value, (list, dict)):
        if len(value) > MAX_LIST_ITEMS:
            return Message(CTX, _N(CTX, "Feltet '{name}' har for mange elementer: højst "
                                        "{limit}."), {"name": name, "limit": MAX_LIST_ITEMS})
        if any(isinstance(v, str) and len(v) > MAX_TEXT_CHARS for v in value):
            return Message(CTX, _N(CTX, "Feltet '{name}' har et element på over {limit} "
                                        "tegn."), {"name": name, "limit": MAX_TEXT_CHARS})
    return None


def push_batches(operations: list[Operation]) -> list[list[Operation]]:
    """``operations`` in order, cut into pushes the service accepts: at most
    ``MAX_OPERATIONS_PER_PUSH`` each and a body under ``MAX_BODY_BYTES``."""
    budget = MAX_BODY_BYTES - 4096  # the envelope and the cursor
    batches: list[list[Operation]] = []
    current: list[Operation] = []
    size = 0
    for op in operations:
        n = len(op.model_dump_json().encode("utf-8")) + 1
        if current and (len(current) >= MAX_OPERATIONS_PER_PUSH or size + n > budget):
            batches.append(current)
            current, size = [], 0
        current.append(op)
        size += n
    if current:
        batches.append(current)
    return batches


class ErrorBody(BaseModel):
    code: str
    message: str  # Danish
    # the message as a template and its parameters (module doc, Errors); checked by the
    # reader (Message.from_wire), not here, so an odd one costs its translation, not the answer
    text: dict[str, Any] | None = Field(default=None, exclude_if=lambda value: value is None)


class ErrorResponse(BaseModel):
    """Every refusal of the service: ``{"detail": {"code", "message", "text"}}``, a Danish
    message (422: naming the field) and its template to translate (module doc, Errors)."""
    detail: ErrorBody


def _storable(value: Any) -> Any:
    """A field validator: refuses text no database can keep (``text_problem``)."""
    problem = text_problem(value)
    if problem:
        raise ProtocolProblem(problem)
    return value


class EnrollRequest(BaseModel):
    enrollment_code: str
    device_name: str = ""
    public_key: str = Field(description="Ed25519 public key, raw 32 bytes, base64")
    app_version: str = ""

    _texts = field_validator("enrollment_code", "device_name", "public_key",
                             "app_version")(_storable)


class EnrollResponse(BaseModel):
    device_id: str
    token: str
    certificate_pem: str
    ca_certificate_pem: str
    consultant: str
    consultant_id: str
    municipality_code: str
    municipality_name: str
    server_time: dt.datetime


class Operation(BaseModel):
    """One outbox entry, with the current values of the fields it changed."""

    op_id: str = Field(min_length=1, max_length=MAX_ID_CHARS)
    entity: str = Field(max_length=MAX_ID_CHARS)
    entity_id: str = Field(max_length=MAX_ID_CHARS)
    op: Literal["create", "update", "delete"]
    base_version: int = Field(default=0, ge=0, le=MAX_INT)
    # field -> value (dates ISO, lists as lists). A create sends every field; a delete none.
    values: dict[str, Any] = Field(default_factory=dict)
    modified_at: dt.datetime | None = None

    @model_validator(mode="after")
    def _within_limits(self) -> Operation:
        for name in ("op_id", "entity", "entity_id"):
            text = text_problem(getattr(self, name))
            if text:
                raise ProtocolProblem(named_problem(name, text))
        for name in self.values:
            text = text_problem(name)
            if text:  # the name itself is not repeated: it may be what cannot be written
                raise ProtocolProblem(Message(CTX, _N(CTX, "Et feltnavn i 'values' {problem}"),
                                              {"problem": text}))
        for name, value in self.values.items():
            problem = value_problem(self.entity, name, value)
            if problem:
                raise ProtocolProblem(problem)
        return self


class FieldConflict(BaseModel):
    field: str
    server_value: Any = None
    client_value: Any = None
    winner: Literal["server", "client"]
    policy: str


class OperationResult(BaseModel):
    op_id: str
    status: Literal["applied", "merged", "conflict", "rejected"]
    entity: str
    entity_id: str
    version: int = 0  # the record's version after the operation (0 if rejected)
    conflicts: list[FieldConflict] = Field(default_factory=list)
    code: str = ""     # for "rejected": out_of_scope, invalid, unknown_entity, ...
    message: str = ""  # Danish, for the consultant
    text: dict[str, Any] | None = Field(default=None,  # the message to translate (ErrorBody)
                                        exclude_if=lambda value: value is None)
    # for "duplicate": the record that holds the natural key ("The same thing twice"): in the
    # device's scope, the device adopts it; ``existing_elsewhere``: a citizen of another
    # consultant, whose scope exit the device pulls (its signed agreements are handed over)
    # (left out of an answer when empty: a push of thousands answers as small as before)
    existing_id: str = Field(default="", exclude_if=lambda value: not value)
    existing_elsewhere: bool = Field(default=False, exclude_if=lambda value: not value)


class PushRequest(BaseModel):
    operations: list[Operation] = Field(max_length=MAX_OPERATIONS_PER_PUSH)
    # The device's pull cursor when it built the batch: the service judges by it whether the
    # device had heard of a scope exit (module doc, "Signed agreements and scope exits").
    cursor: int | None = Field(default=None, ge=0, le=MAX_SEQ)


class PushResponse(BaseModel):
    results: list[OperationResult]


class Change(BaseModel):
    """A record's state after a change on the service (the whole record, not a diff)."""

    seq: int
    entity: str
    entity_id: str
    version: int
    deleted: bool = False
    values: dict[str, Any] = Field(default_factory=dict)
    modified_at: dt.datetime | None = None
    # The record, and what hangs off it, has left this device's scope: forget it (see the
    # module doc, "Scope exits"). Absent (False) on every other change.
    scope_exit: bool = False


class PullResponse(BaseModel):
    changes: list[Change]
    next_cursor: int
    more: bool
    server_time: dt.datetime
    # Changes in scope after this page, when asked for with ``count=true`` (module doc).
    remaining: int | None = None


class SealedAgreementUpload(BaseModel):
    content: dict[str, Any] = Field(description="the signed payload (forms.agreements)")
    content_hash: str
    seal: dict[str, Any]
    signatures: list[dict[str, Any]]
    pdf_base64: str

    _texts = field_validator("content", "content_hash", "seal", "signatures")(_storable)


class SealedAgreementReceipt(BaseModel):
    agreement_id: str
    revision: int
    status: Literal["stored", "duplicate"]
    content_hash: str
    pdf_sha256: str
    received_at: dt.datetime


class DeviceStatus(BaseModel):
    device_id: str
    status: Literal["active", "revoked"]
    consultant: str
    municipality_code: str


class PublishedRuleSet(BaseModel):
    """A rule set the service published: the signed document (forms.rulebook) and the
    service CA's Ed25519 signature over its RFC 8785 canonical bytes (base64)."""

    id: int
    document: dict[str, Any]
    signature: str
    sha256: str


class RuleSetsResponse(BaseModel):
    rulesets: list[PublishedRuleSet]
    next: int = Field(description="pass as ?since= next time")


class PlacementPeriod(BaseModel):
    """One agreement the rimelighedskrav counts, without personal data: the workplace, the
    type, the period, and ``ref`` (SHA-256 of "placement:" + the agreement id, first 20 hex
    digits), so a device can leave out the agreements it holds itself and count its own
    current version of them instead."""

    p_number: str = ""
    cvr: str = ""
    agreement_type: str
    start_date: dt.date
    end_date: dt.date | None = None
    ref: str


class PlacementsResponse(BaseModel):
    """The municipality's agreements still running (or starting) on ``as_of``'s day."""

    as_of: dt.datetime
    placements: list[PlacementPeriod]
