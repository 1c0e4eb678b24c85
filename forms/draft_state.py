"""An agreement as its editor shows it: plain values, the prefill, the findings and who is
still to sign, read in one go so no session is attached afterwards.

The desktop's wizard reads and writes through these functions on its background worker; the
command line can print the same view of a draft. Each write returns the new state, so the
rules' findings follow every saved field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from . import agreements as fa
from . import prefill as fprefill
from .rules import Finding
from .templates import Template, get_template

# The wizard's steps, as remembered in a draft's ``wizard_step``.
STEP_START, STEP_CHECK, STEP_FILL, STEP_READY = range(4)


@dataclass
class WizardState:
    """One agreement as the wizard shows it: plain values, no session attached."""

    agreement_id: str
    agreement_type: str
    template_version: int
    status: str
    revision: int
    wizard_step: int
    values: dict[str, Any]
    acknowledgements: dict[str, str]
    end_date_proposed: dt.date | None
    prefilled: dict[str, Any]   # what the records would fill in now, by field
    findings: list[Finding] = field(default_factory=list)
    # the parties still to sign the current revision (template labels), while signing is open
    waiting_for: list[str] = field(default_factory=list)

    @property
    def template(self) -> Template:
        return get_template(self.agreement_type, self.template_version)

    @property
    def editable(self) -> bool:
        return self.status in fa.EDITABLE

    @property
    def check(self) -> fa.Check:
        return fa.Check(self.findings, self.acknowledgements)

    @property
    def signing_open(self) -> bool:
        """Signed by some or all parties and not yet sealed: the signing goes on where it
        stopped (a citizen who signs later, a dialog closed by mistake)."""
        return self.status in (fa.SIGNING, fa.SIGNED)


def state_of(session: Any, doc: fa.AgreementDoc) -> WizardState:
    record = doc.record
    sources = fprefill.load_sources(session, record.employer_id, record.vacancy_id,
                                    record.citizen_id, record.match_id)
    check = fa.check_doc(session, doc)
    waiting_for: list[str] = []
    if record.status in (fa.SIGNING, fa.SIGNED):
        signed = {s.role for s in fa.signatures(session, record.id)}
        waiting_for = [r.label for r in doc.template.required_signers(doc.values)
                       if r.role not in signed]
    return WizardState(record.id, record.agreement_type, doc.template.version, record.status,
                       record.revision, doc.wizard_step, dict(doc.values),
                       dict(check.acknowledged), doc.end_date_proposed,
                       fprefill.prefill(doc.template, sources), list(check.findings),
                       waiting_for)


def read_state(session: Any, agreement_id: str) -> WizardState:
    return state_of(session, fa.load(session, agreement_id))


def create_agreement(session: Any, choice: dict[str, str]) -> WizardState:
    """A new draft from the start step's choice (type and parties), left on the check step;
    the match's existing draft reopens where it was left instead."""
    doc = fa.create_draft(session, choice["agreement_type"], choice["employer_id"] or None,
                          vacancy_id=choice["vacancy_id"] or None,
                          citizen_id=choice["citizen_id"] or None,
                          match_id=choice["match_id"] or None)
    if not doc.reopened:
        fa.set_wizard_step(session, doc.id, STEP_CHECK)
    return read_state(session, doc.id)


def save_fields(session: Any, agreement_id: str, changes: dict[str, Any]) -> WizardState:
    return state_of(session, fa.update_fields(session, agreement_id, changes))


def save_acknowledgement(session: Any, agreement_id: str, key: str, note: str) -> WizardState:
    return state_of(session, fa.acknowledge(session, agreement_id, key, note))


def make_new_revision(session: Any, agreement_id: str) -> WizardState:
    return state_of(session, fa.new_revision(session, agreement_id))
