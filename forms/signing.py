"""Signing an agreement at the employer's table: one party at a time, offline.

A drawn signature is an eIDAS *simple* electronic signature; what gives it weight is the
record kept with it (DOMAIN.md, "Signatures"): the content hash of the exact revision signed,
the signer's name and role, how identity was checked, the UTC time, the device and the app
version, and the strokes themselves (points with pressure and time, in pad coordinates).

The first signature freezes the revision: ``record.content_hash`` is set and the status goes
from "draft" to "signing", after which ``forms.agreements`` refuses edits. A change then needs
``agreements.new_revision``, whose signatures start again. When every party the template
requires for this content has signed, the status is "signed" and the agreement can be sealed
(``forms.sealing``).

Strokes are stored as canonical JSON (RFC 8785, ``forms.canonical``) of
``{"pad_width": w, "pad_height": h, "strokes": [[[x, y, pressure, t_ms], ...], ...]}``; the
seal binds the SHA-256 of exactly those bytes (``strokes_sha256``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from typing import Any, Sequence

from sqlalchemy.orm import Session

from consultant_app.device import APP_VERSION, DeviceIdentity
from consultant_app.errors import Problem, UserError, ValidationError
from consultant_app.ids import utcnow
from consultant_app.store import require_durable_commit
from consultant_app.store.models import AgreementSignature
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message

from . import agreements as A
from . import canonical
from .fields import IDENTITY_CHECKS
from .templates import SignerRole

CTX = "forms"

# What a signature must at least be, so a tap or a tiny tick is not taken for one. Lengths
# are fractions of the pad's width, so the limits do not depend on the screen's size.
MIN_POINTS = 10
MIN_INK_LENGTH = 0.25   # total length of the drawn lines
MIN_EXTENT = 0.08       # the larger side of the box around the ink
MAX_POINTS = 20000      # a stuck pen, not a signature
MAX_STROKES = 300
MAX_NAME_LENGTH = 200


class ContentChanged(UserError):
    """The content no longer has the hash the earlier signatures were given on."""

    def __init__(self) -> None:
        super().__init__(Message(CTX, _N(
            CTX, "Aftalens indhold svarer ikke længere til det, der blev underskrevet. Lav en "
                 "ny version af aftalen; underskrifterne skal så gives igen."), {}))


class AlreadySealed(UserError):
    """The agreement is sealed: it can be neither signed nor sealed again (one class for
    signing and sealing, so one ``except`` catches both)."""

    SIGN = _N(CTX, "Aftalen er forseglet og kan ikke underskrives igen.")
    SEAL = _N(CTX, "Aftalen er allerede forseglet.")

    def __init__(self, template: str = SIGN) -> None:
        super().__init__(Message(CTX, template, {}))


def _problem(template: str, **params: Any) -> Problem:
    return Problem.of("strokes", template, **params)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) \
        and math.isfinite(value)


def validate_strokes(strokes: Any, pad_width: Any, pad_height: Any) -> list[list[tuple]]:
    """The strokes as lists of ``(x, y, pressure, t_ms)``, or ValidationError on "strokes"
    when they are malformed, outside the pad, or too little to be a signature."""
    if not (_number(pad_width) and _number(pad_height) and pad_width > 0 and pad_height > 0):
        raise ValidationError([_problem(_N(
            "problems", "Underskriftsfeltets størrelse mangler eller er ugyldig."))])
    if not isinstance(strokes, (list, tuple)) or not strokes \
            or not any(isinstance(s, (list, tuple)) and s for s in strokes):
        raise ValidationError([_problem(_N("problems", "Underskriften er tom. Skriv under i "
                                                       "feltet."))])
    if len(strokes) > MAX_STROKES or sum(len(s) for s in strokes
                                          if isinstance(s, (list, tuple))) > MAX_POINTS:
        raise ValidationError([_problem(_N(
            "problems", "Underskriften har for mange punkter. Ryd feltet og skriv igen."))])
    result: list[list[tuple]] = []
    for stroke in strokes:
        if not isinstance(stroke, (list, tuple)):
            raise ValidationError([_problem(_N("problems", "Underskriftens streger er "
                                                           "ugyldige."))])
        points: list[tuple] = []
        last_t = -math.inf
        for point in stroke:
            if not isinstance(point, (list, tuple)) or len(point) != 4 \
                    or not all(_number(v) for v in point):
                raise ValidationError([_problem(_N(
                    "problems", "Et punkt i underskriften er ugyldigt (x, y, tryk og tid "
                                "skal være tal)."))])
            x, y, pressure, t_ms = point
            if not (0 <= x <= pad_width and 0 <= y <= pad_height):
                raise ValidationError([_problem(_N(
                    "problems", "Underskriften går uden for feltet."))])
            if not 0 <= pressure <= 1 or t_ms < 0 or t_ms < last_t:
                raise ValidationError([_problem(_N(
                    "problems", "Et punkt i underskriften har ugyldigt tryk eller tid."))])
            last_t = t_ms
            points.append((x, y, pressure, t_ms))
        if points:
            result.append(points)
    count = sum(len(s) for s in result)
    ink = sum(math.dist(a[:2], b[:2]) for s in result for a, b in zip(s, s[1:]))
    xs = [p[0] for s in result for p in s]
    ys = [p[1] for s in result for p in s]
    extent = max(max(xs) - min(xs), max(ys) - min(ys))
    if count < MIN_POINTS or ink < MIN_INK_LENGTH * pad_width \
            or extent < MIN_EXTENT * pad_width:
        raise ValidationError([_problem(_N(
            "problems", "Underskriften er for kort til at gælde som underskrift. Skriv dit "
                        "navn i feltet."))])
    return result


def strokes_document(strokes: Sequence[Sequence[Sequence[float]]], pad_width: float,
                     pad_height: float) -> dict[str, Any]:
    return canonical.plain({"pad_width": pad_width, "pad_height": pad_height,
                            "strokes": [[list(p) for p in s] for s in strokes]})


def strokes_json(strokes: Sequence[Sequence[Sequence[float]]], pad_width: float,
                 pad_height: float) -> str:
    """The canonical JSON stored in ``AgreementSignature.strokes``."""
    return canonical.canonical_json(strokes_document(strokes, pad_width, pad_height)) \
        .decode("utf-8")


def strokes_sha256(stored: str) -> str:
    """SHA-256 of a signature's strokes in canonical form (what the seal binds)."""
    return hashlib.sha256(canonical.canonical_json(json.loads(stored))).hexdigest()


def as_utc(now: dt.datetime | None) -> dt.datetime:
    """``now`` (or the current time) as naive UTC in whole seconds, as the store keeps it."""
    if now is None:
        now = utcnow()
    elif now.tzinfo is not None:
        now = now.astimezone(dt.timezone.utc).replace(tzinfo=None)
    # Whole seconds: what is stored is exactly what the PDF and the seal show.
    return now.replace(microsecond=0)


def role_label(doc: A.AgreementDoc, role: str) -> str:
    for signer in doc.template.signers:
        if signer.role == role:
            return signer.label
    return role


def pending_signers(session: Session, agreement_id: str) -> list[SignerRole]:
    """The parties the template requires for this content who have not yet signed the
    current revision, in the template's order."""
    doc = A.load(session, agreement_id)
    signed = {s.role for s in A.signatures(session, agreement_id)}
    return [r for r in doc.template.required_signers(doc.values) if r.role not in signed]


def sign(session: Session, agreement_id: str, *, role: str, signer_name: str,
         identity_check: str, strokes: Sequence[Sequence[Sequence[float]]],
         pad_width: float, pad_height: float, device: DeviceIdentity,
         now: dt.datetime | None = None) -> AgreementSignature:
    """Record one party's signature on the current revision (see the module docstring).

    Refused with NotReady (the findings listed) while rule findings block signing, and with a
    ValidationError naming each field for a blank name, a role the agreement does not need or
    that has already signed, an unknown identity check, or strokes that are not a signature.
    Nothing is written when it is refused."""
    doc = A.load(session, agreement_id)
    record = doc.record
    if record.status == A.SEALED:
        raise AlreadySealed()
    at = as_utc(now)
    check = A.check_doc(session, doc, today=at.date())
    if not check.ready:
        raise A.NotReady(check.blocking())

    problems: list[Problem] = []
    name = (signer_name or "").strip()
    if not name:
        problems.append(Problem.of("signer_name", _N(
            "problems", "Skriv underskriverens navn.")))
    elif len(name) > MAX_NAME_LENGTH:
        problems.append(Problem.of("signer_name", _N(
            "problems", "Navnet er for langt (højst {limit} tegn)."), limit=MAX_NAME_LENGTH))
    required = {r.role: r for r in doc.template.required_signers(doc.values)}
    existing = A.signatures(session, agreement_id)
    if role not in required:
        problems.append(Problem.of("role", _N(
            "problems", "'{role}' skal ikke underskrive denne aftale. Underskrivere: {roles}."),
            role=role, roles=", ".join(r.label for r in required.values())))
    elif any(s.role == role for s in existing):
        problems.append(Problem.of("role", _N(
            "problems", "{label} har allerede underskrevet denne version af aftalen."),
            label=required[role].label))
    if identity_check not in IDENTITY_CHECKS:
        problems.append(Problem.of("identity_check", _N(
            "problems", "Vælg hvordan underskriverens identitet er kontrolleret: {choices}."),
            choices=", ".join(IDENTITY_CHECKS.values())))
    try:
        points = validate_strokes(strokes, pad_width, pad_height)
    except ValidationError as exc:
        problems.extend(exc.problems)
    if problems:
        raise ValidationError(problems)

    A.record_ruleset(session, doc, check)
    digest = A.content_hash(doc)
    if record.status == A.DRAFT:
        record.content_hash = digest
        record.status = A.SIGNING
    elif digest != record.content_hash or any(s.content_hash != digest for s in existing):
        raise ContentChanged()

    signature = AgreementSignature(
        agreement_id=record.id, revision=record.revision, content_hash=digest, role=role,
        signer_name=name, identity_check=identity_check, signed_at=at,
        device_id=device.device_id, app_version=APP_VERSION,
        strokes=strokes_json(points, pad_width, pad_height))
    session.add(signature)
    if {s.role for s in existing} | {role} >= set(required):
        record.status = A.SIGNED
    # A signature reported done must survive a power cut: its commit goes to the disk.
    require_durable_commit(session)
    session.flush()
    return signature
