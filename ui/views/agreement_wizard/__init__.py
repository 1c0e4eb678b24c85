"""The agreement wizard (wizard.py) and its parts: the ready step, the bar over a signed
agreement, saving as the consultant goes, moving between steps, and the steps built from the
template. What it reads and writes is ``forms.draft_state``, which the command line can use
too."""

from forms.draft_state import STEP_CHECK, STEP_FILL, STEP_READY, STEP_START, WizardState

from .refs import new_agreement_ref, parse_agreement_ref
from .wizard import AgreementWizard, ConfirmNewRevision

__all__ = ["STEP_CHECK", "STEP_FILL", "STEP_READY", "STEP_START", "AgreementWizard",
           "ConfirmNewRevision", "WizardState", "new_agreement_ref", "parse_agreement_ref"]
