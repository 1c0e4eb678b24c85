"""Placement agreements as a service: create a prefilled draft, edit it, check it, and tell
whether it is ready to sign. The UI's wizard, the CLI and the tests all go through here.

The record (``PlacementAgreement``) keeps the searchable facts in columns (type, parties,
dates, status) and the whole content in one encrypted JSON envelope::

    {"fields": {key: value, ...},            # the template's fields, JSON-plain
     "acknowledgements": {finding_key: note}, # warnings the consultant acknowledged
     "acknowledged_facts": {finding_key: fp}, # the facts each note was written for
     "ruleset": {...},                        # the rule set that judged it (RuleSet.reference)
     "end_date_proposed": "2026-03-29",       # the end date we proposed (re-proposed while
                                              # the consultant has not changed it)
     "wizard_step": 2}                        # where the wizard was; not signed

``signed_payload`` is what signatures bind to: the agreement id, type, template version,
revision, the fields, the acknowledgements (with the facts they cover) and the rule set that
judged it; ``content_hash`` is its SHA-256 over RFC 8785 canonical JSON (``forms.canonical``).
After the first signature a revision is frozen.

An acknowledgement covers the facts it was written for: with the note we keep a fingerprint
of the finding's facts (``fact_fingerprint``); when they change (another employee count,
another placement at the workplace) the warning is open again and must be acknowledged anew.

The lifecycle (draft -> signing -> signed -> sealed; a change after the first signature is a
new revision) is ``forms.lifecycle``, the same state machine the central service judges
pushes with. Here it guards every write of an agreement record, whoever makes it (these
functions, signing, sealing, a conflict choice): a forbidden step raises ``LifecycleRefused``
from the flush, and the caller's transaction writes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, inspect, or_, select
from sqlalchemy.orm import Session

from consultant_app.errors import Noun, Problem, UserError, ValidationError
from consultant_app.services.employers import get_live
from consultant_app.services.fields import unknown_field, unknown_name
from consultant_app.store.models import AgreementSignature, Employer, PlacementAgreement
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message

from . import canonical, lifecycle, rulebook, rules
from . import facts as ffacts
from . import fields as ffields
from . import prefill as fprefill
from .rules.periods import danish_date
from .templates import Template, agreement_types, get_template

CTX = "forms"
# What a missing agreement is called in "Aftale med id … findes ikke." (errors.Noun).
AGREEMENT = Message(CTX, _N(CTX, "Aftale"))

DRAFT, SIGNING, SIGNED, SEALED = lifecycle.DRAFT, lifecycle.SIGNING, lifecycle.SIGNED, \
    lifecycle.SEALED
EDITABLE = (DRAFT,)


class AgreementFrozen(UserError):
    def __init__(self) -> None:
        super().__init__(Message(CTX, _N(
            CTX, "Aftalen er underskrevet og kan ikke ændres. Lav en ny version af aftalen for "
                 "at ændre den; underskrifterne skal så gives igen."), {}))


class LifecycleRefused(UserError):
    """A write the agreement lifecycle forbids (``forms.lifecycle``); ``code`` is the same
    code the service answers with."""

    def __init__(self, refusal: lifecycle.Refusal):
        super().__init__(refusal.message)
        self.code = refusal.code


def _guard_lifecycle(_mapper: Any, _connection: Any, target: PlacementAgreement) -> None:
    """Judge an agreement row's step from its stored state to the state being flushed."""
    state = inspect(target)
    if not any(state.attrs[name].history.has_changes()
               for name in (*lifecycle.LIFECYCLE_FIELDS, "deleted")):
        return
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for name in lifecycle.LIFECYCLE_FIELDS:
        history = state.attrs[name].history
        after[name] = getattr(target, name)
        before[name] = (history.deleted[0] if history.deleted
                        else None if history.added else after[name])
    deleted = state.attrs["deleted"].history
    if target.deleted and deleted.deleted and not deleted.deleted[0]:
        refusal = lifecycle.judge_delete(before)
    elif target.deleted:
        return
    else:
        refusal = lifecycle.judge(before, after)
    if refusal is not None:
        raise LifecycleRefused(refusal)


event.listen(PlacementAgreement, "before_update", _guard_lifecycle)


class NotReady(UserError):
    """Signing was asked for while findings block it; ``findings`` lists them."""

    def __init__(self, findings: list[rules.Finding]):
        self.findings = findings
        text = "; ".join(str(f.message) for f in findings)
        super().__init__(Message(CTX, _N(CTX, "Aftalen kan ikke underskrives endnu: {text}"),
                                 {"text": text}))


@dataclass
class AgreementDoc:
    """One agreement as the wizard and the renderer see it: typed values and its record."""

    record: PlacementAgreement
    template: Template
    values: dict[str, Any]
    acknowledgements: dict[str, str] = field(default_factory=dict)
    end_date_proposed: dt.date | None = None
    wizard_step: int = 0
    acknowledged_facts: dict[str, str] = field(default_factory=dict)
    ruleset: dict[str, Any] | None = None  # RuleSet.reference() of the set that judged it
    reopened: bool = False  # create_draft found this draft for the match instead

    @property
    def id(self) -> str:
        return self.record.id

    def payload(self) -> dict[str, Any]:
        return signed_payload(self)


# Finding parameters that describe when, not what: a note stays valid when only these change.
VOLATILE_FACTS = frozenset({"as_of"})


def fact_fingerprint(finding: rules.Finding) -> str:
    """What a warning's note was written for: its rule, field and the facts its message
    states (counts, dates, names), hashed."""
    return canonical.content_hash({"key": finding.key,
                                   "facts": _facts_of(finding.message)})[:16]


def _facts_of(message: Message) -> dict[str, Any]:
    """A message's parameters, a wrapped message (a caveat around the rule's own) unwrapped."""
    return {k: _facts_of(v) if isinstance(v, Message) else v
            for k, v in message.params.items() if k not in VOLATILE_FACTS}


@dataclass
class Check:
    """The findings for one agreement and what they mean for signing. ``acknowledged`` holds
    only the notes that still cover their warning's facts; ``stale`` the warnings whose note
    was written for other facts."""

    findings: list[rules.Finding]
    acknowledged: dict[str, str]
    ruleset: rules.RuleSet | None = None
    stale: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[rules.Finding]:
        return [f for f in self.findings if f.severity == rules.ERROR]

    @property
    def open_warnings(self) -> list[rules.Finding]:
        return [f for f in self.findings
                if f.severity == rules.WARNING and not self.acknowledged.get(f.key)]

    @property
    def ready(self) -> bool:
        return not self.errors and not self.open_warnings

    def blocking(self) -> list[rules.Finding]:
        return self.errors + self.open_warnings


def suggest_type(vacancy_kind: str | None) -> str:
    """The agreement type a vacancy's kind points to (praktik -> virksomhedspraktik)."""
    for agreement_type in agreement_types():
        if vacancy_kind and vacancy_kind in get_template(agreement_type).vacancy_kinds:
            return agreement_type
    return "virksomhedspraktik"


# -- reading and writing the envelope ----------------------------------------------------
def _envelope(record: PlacementAgreement) -> dict[str, Any]:
    return json.loads(record.content) if record.content else {}


def load(session: Session, agreement_id: str) -> AgreementDoc:
    record = get_live(session, PlacementAgreement, agreement_id, AGREEMENT)
    return doc_of(record)


def doc_of(record: PlacementAgreement) -> AgreementDoc:
    template = get_template(record.agreement_type, int(record.template_version or 0) or None)
    env = _envelope(record)
    values = {}
    for key, raw in env.get("fields", {}).items():
        if key in template.fields_by_key:
            values[key] = ffields.from_json(template.field(key), raw)
    proposed = env.get("end_date_proposed")
    return AgreementDoc(record, template, values, dict(env.get("acknowledgements", {})),
                        dt.date.fromisoformat(proposed) if proposed else None,
                        int(env.get("wizard_step", 0)),
                        dict(env.get("acknowledged_facts", {})), env.get("ruleset"))


def _store(doc: AgreementDoc) -> None:
    record, template = doc.record, doc.template
    env = {
        "fields": {k: ffields.to_json(template.field(k), v) for k, v in doc.values.items()},
        "acknowledgements": doc.acknowledgements,
        "end_date_proposed": doc.end_date_proposed.isoformat() if doc.end_date_proposed
        else None,
        "wizard_step": doc.wizard_step,
    }
    if doc.acknowledged_facts:
        env["acknowledged_facts"] = doc.acknowledged_facts
    if doc.ruleset:
        env["ruleset"] = doc.ruleset
    text = json.dumps(env, ensure_ascii=False, sort_keys=True)
    if text != record.content:
        record.content = text
    for column in ("start_date", "end_date"):
        value = doc.values.get(column)
        if getattr(record, column) != value:
            setattr(record, column, value)


def signed_payload(doc: AgreementDoc) -> dict[str, Any]:
    """What every signature binds to (see the module docstring)."""
    payload = {
        "agreement_id": doc.record.id,
        "agreement_type": doc.record.agreement_type,
        "template_version": doc.template.version,
        "revision": doc.record.revision,
        "fields": {k: v for k, v in sorted(doc.values.items()) if not ffields.is_blank(v)},
        "acknowledgements": dict(sorted(doc.acknowledgements.items())),
    }
    # Absent from agreements made before they were recorded, so their hashes still hold.
    if doc.acknowledged_facts:
        payload["acknowledged_facts"] = dict(sorted(doc.acknowledged_facts.items()))
    if doc.ruleset:
        payload["ruleset"] = doc.ruleset
    return canonical.plain(payload)


def content_hash(doc: AgreementDoc) -> str:
    return canonical.content_hash(signed_payload(doc))


# -- the service functions --------------------------------------------------------------
def create_draft(session: Session, agreement_type: str, employer_id: str | None = None, *,
                 vacancy_id: str | None = None, citizen_id: str | None = None,
                 match_id: str | None = None, today: dt.date | None = None) -> AgreementDoc:
    """A new draft of ``agreement_type`` prefilled from the records, with the end date
    proposed from the maximum duration for the citizen's target group. When the match already
    has a draft of that type, that draft is returned (``reopened``), never a second one."""
    try:
        template = get_template(agreement_type)
    except KeyError:
        raise ValidationError([Problem("agreement_type", unknown_name(
            agreement_type, {key: get_template(key).title for key in agreement_types()},
            _N("problems", "'{name}' er ikke en aftaletype. Mente du {suggestion}?"),
            _N("problems", "'{name}' er ikke en aftaletype. Aftaletyperne er: {names}.")))
        ]) from None
    if match_id:
        existing = session.scalar(select(PlacementAgreement).where(
            PlacementAgreement.match_id == match_id,
            PlacementAgreement.agreement_type == template.type,
            PlacementAgreement.status == DRAFT, PlacementAgreement.deleted.is_(False))
            .order_by(PlacementAgreement.id))
        if existing is not None:
            doc = doc_of(existing)
            doc.reopened = True
            return doc
    sources = fprefill.load_sources(session, employer_id, vacancy_id, citizen_id, match_id,
                                    today)
    if sources.employer is None:
        raise ValidationError([Problem.of("employer_id", _N(
            "problems", "Vælg den virksomhed, aftalen er med."))])
    get_live(session, Employer, sources.employer.id, Noun.EMPLOYER)
    record = PlacementAgreement(
        agreement_type=template.type, template_version=str(template.version),
        employer_id=sources.employer.id,
        vacancy_id=sources.vacancy.id if sources.vacancy else None,
        citizen_id=sources.citizen.id if sources.citizen else None,
        match_id=sources.match.id if sources.match else None, status=DRAFT, revision=1)
    session.add(record)
    doc = AgreementDoc(record, template, fprefill.prefill(template, sources))
    _propose_end_date(session, doc)
    _stamp_ruleset(session, doc)
    _store(doc)
    session.flush()
    return doc


def _judging_day(doc: AgreementDoc, today: dt.date | None = None) -> dt.date:
    start = doc.values.get("start_date")
    return start if isinstance(start, dt.date) else (today or dt.date.today())


def _stamp_ruleset(session: Session, doc: AgreementDoc, today: dt.date | None = None) -> None:
    """Record the rule set in force on the start date (while the draft is edited)."""
    doc.ruleset = rulebook.ruleset_for(session, _judging_day(doc, today)).reference()


def _propose_end_date(session: Session, doc: AgreementDoc) -> None:
    """Propose (or re-propose) the end date while the consultant has not set one of their own."""
    if "end_date" not in doc.template.fields_by_key:
        return
    start, group = doc.values.get("start_date"), doc.values.get("target_group") or ""
    current = doc.values.get("end_date")
    if current is not None and current != doc.end_date_proposed:
        return
    proposal = (rules.proposed_end_date(doc.record.agreement_type, group, start,
                                        rulebook.ruleset_for(session, start))
                if isinstance(start, dt.date) else None)
    if proposal is None:
        if current is not None and current == doc.end_date_proposed:
            doc.values.pop("end_date", None)
        doc.end_date_proposed = None
        return
    doc.values["end_date"] = proposal
    doc.end_date_proposed = proposal


def _require_editable(record: PlacementAgreement) -> None:
    if record.status not in EDITABLE:
        raise AgreementFrozen()


def update_fields(session: Session, agreement_id: str,
                  changes: Mapping[str, Any]) -> AgreementDoc:
    """Set fields of a draft. Every value is checked by its kind; one ValidationError lists
    every problem, and then nothing is saved. A blank value clears the field (required fields
    are reported by ``check``, so a half-filled draft can always be saved)."""
    doc = load(session, agreement_id)
    _require_editable(doc.record)
    problems: list[Problem] = []
    new_values: dict[str, Any] = {}
    for key, raw in changes.items():
        spec = doc.template.fields_by_key.get(key)
        if spec is None:
            problems.append(unknown_field(key, {f.key: f.label
                                                for f in doc.template.all_fields()}))
            continue
        if ffields.is_blank(raw):
            new_values[key] = None
            continue
        try:
            new_values[key] = ffields.converter(spec)(raw, key)
        except ValidationError as exc:
            problems.extend(p.labelled(spec.label, "template") for p in exc.problems)
    if problems:
        raise ValidationError(problems)
    for key, value in new_values.items():
        if value is None:
            doc.values.pop(key, None)
        else:
            doc.values[key] = value
    if {"start_date", "target_group", "end_date"} & set(new_values):
        _propose_end_date(session, doc)
    _stamp_ruleset(session, doc)
    _store(doc)
    session.flush()
    return doc


def set_wizard_step(session: Session, agreement_id: str, step: int) -> None:
    """Remember the wizard's step in a draft (the envelope of a signed revision is frozen,
    so there it is not kept)."""
    doc = load(session, agreement_id)
    if doc.record.status in EDITABLE and doc.wizard_step != step:
        doc.wizard_step = step
        _store(doc)
        session.flush()


def acknowledge(session: Session, agreement_id: str, finding_key: str,
                note: str) -> AgreementDoc:
    """Acknowledge a warning with a note (as VITAS lets an employer submit with a note that
    the ratio will hold at the start). An empty note withdraws the acknowledgement."""
    doc = load(session, agreement_id)
    _require_editable(doc.record)
    note = note.strip()
    if note:
        doc.acknowledgements[finding_key] = note
        current = {f.key: f for f in check_doc(session, doc).findings}.get(finding_key)
        if current is not None:
            doc.acknowledged_facts[finding_key] = fact_fingerprint(current)
    else:
        doc.acknowledgements.pop(finding_key, None)
        doc.acknowledged_facts.pop(finding_key, None)
    _store(doc)
    session.flush()
    return doc


def completeness(doc: AgreementDoc) -> list[rules.Finding]:
    """A required field left empty is an error finding on that field."""
    return [rules.Finding.of("required", rules.ERROR, spec.key, _N(
                rules.CTX, "{label} skal udfyldes."), label=spec.label)
            for spec in doc.template.all_fields()
            if spec.required and ffields.is_blank(doc.values.get(spec.key))]


def check_doc(session: Session, doc: AgreementDoc, today: dt.date | None = None) -> Check:
    """The findings by the rule set in force on this device on the start date (shipped or
    published, ``forms.rulebook``); acknowledgements whose facts changed are stale."""
    facts = ffacts.gather(session, doc.record, doc.values, today)
    ruleset = rulebook.ruleset_for(session, _judging_day(doc, facts.today))
    findings = (completeness(doc) + overlaps(session, doc)
                + rules.evaluate(doc.record.agreement_type, doc.values, facts, ruleset))
    acknowledged, stale = {}, {}
    for finding in findings:
        note = doc.acknowledgements.get(finding.key)
        if not note:
            continue
        written_for = doc.acknowledged_facts.get(finding.key)
        if written_for is None or written_for == fact_fingerprint(finding):
            acknowledged[finding.key] = note
        else:
            stale[finding.key] = note
    return Check(findings, acknowledged, ruleset, stale)


def record_ruleset(session: Session, doc: AgreementDoc, check: Check) -> None:
    """Before the first signature: record the rule set that judged the agreement just now
    (a set published since the last edit may have replaced the one recorded then)."""
    if check.ruleset is None or doc.record.status != DRAFT:
        return
    reference = check.ruleset.reference()
    if reference != doc.ruleset:
        doc.ruleset = reference
        _store(doc)
        session.flush()


# The types a citizen cannot hold two of at once (a placement in praktik or with løntilskud,
# IGU, fleksjob); mentor and ordinary hours go alongside them (hybridpraktik, mentor support).
EXCLUSIVE_TYPES = frozenset({"virksomhedspraktik", "loentilskud_privat",
                             "loentilskud_offentlig", "igu", "fleksjob"})
RULES_CTX = "rules"  # the overlap finding's text is in the rules' catalogue context
STATUS_LABELS = {SIGNING: _N(CTX, "under underskrift"), SIGNED: _N(CTX, "underskrevet"),
                 SEALED: _N(CTX, "forseglet")}


def overlaps(session: Session, doc: AgreementDoc) -> list[rules.Finding]:
    """Another agreement for the same citizen, signed or being signed, whose period overlaps
    this one's: a warning where both are placements a citizen holds one at a time, else
    information (mentor or ordinary hours beside a placement is normal)."""
    record, start = doc.record, doc.values.get("start_date")
    if not record.citizen_id or not isinstance(start, dt.date):
        return []
    end = doc.values.get("end_date") if isinstance(doc.values.get("end_date"), dt.date) \
        else None
    found = []
    others = session.execute(
        select(PlacementAgreement.agreement_type, PlacementAgreement.status,
               PlacementAgreement.start_date, PlacementAgreement.end_date, Employer.name)
        .join(Employer, Employer.id == PlacementAgreement.employer_id, isouter=True)
        .where(PlacementAgreement.citizen_id == record.citizen_id,
               PlacementAgreement.id != record.id, PlacementAgreement.deleted.is_(False),
               PlacementAgreement.status.in_((SIGNING, SIGNED, SEALED)),
               PlacementAgreement.start_date.is_not(None),
               or_(PlacementAgreement.end_date.is_(None),
                   PlacementAgreement.end_date >= start))
        .order_by(PlacementAgreement.start_date)).all()
    for kind, status, other_start, other_end, employer in others:
        if end is not None and other_start > end:
            continue
        both_exclusive = kind in EXCLUSIVE_TYPES and record.agreement_type in EXCLUSIVE_TYPES
        found.append(rules.Finding.of(
            "overlap", rules.WARNING if both_exclusive else rules.INFO, "start_date", _N(
                RULES_CTX, "Borgeren har allerede en {kind} ({status}) hos "
                           "{employer} fra {start} til {end}, som overlapper denne aftales "
                           "periode. Tjek, at de to aftaler kan gælde samtidig, og notér "
                           "det."),
            kind=_type_title(kind), status=STATUS_LABELS.get(status, status),
            employer=employer or "?", start=danish_date(other_start),
            end=danish_date(other_end) if other_end else _N(RULES_CTX, "ubestemt tid")))
    return found


def _type_title(agreement_type: str) -> str:
    """The agreement's kind as a phrase: its template's title in lower case ("aftale om
    virksomhedspraktik")."""
    try:
        return get_template(agreement_type).pdf.title.lower()
    except KeyError:
        return agreement_type


def check(session: Session, agreement_id: str, today: dt.date | None = None) -> Check:
    return check_doc(session, load(session, agreement_id), today)


def signatures(session: Session, agreement_id: str,
               revision: int | None = None) -> list[AgreementSignature]:
    """The live (not voided) signatures of a revision (the current one by default)."""
    record = get_live(session, PlacementAgreement, agreement_id, AGREEMENT)
    rev = record.revision if revision is None else revision
    return list(session.scalars(select(AgreementSignature).where(
        AgreementSignature.agreement_id == agreement_id, AgreementSignature.revision == rev,
        AgreementSignature.voided.is_(False), AgreementSignature.deleted.is_(False))
        .order_by(AgreementSignature.signed_at, AgreementSignature.id)))


def new_revision(session: Session, agreement_id: str) -> AgreementDoc:
    """Reopen a signed agreement for changes: a new revision, its signatures start again.
    The old revision's signatures are kept, voided, as history."""
    doc = load(session, agreement_id)
    if doc.record.status == DRAFT:
        return doc
    if doc.record.status == SEALED:
        raise AgreementFrozen()
    for signature in signatures(session, agreement_id):
        signature.voided = True
    doc.record.revision += 1
    doc.record.status = DRAFT
    doc.record.content_hash = ""
    _store(doc)
    session.flush()
    return doc


def delete_draft(session: Session, agreement_id: str) -> None:
    record = get_live(session, PlacementAgreement, agreement_id, AGREEMENT)
    _require_editable(record)
    record.deleted = True
    session.flush()
