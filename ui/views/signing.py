"""Signing one agreement on the screen, party by party, then sealing it into a PDF.

Used at the employer's table, often on a laptop passed from person to person, perhaps with a
pen: the controls are large and the pad is the centre of the window. For each party the
template requires (``forms.signing.pending_signers``) the dialog shows the role, the name
(prefilled from the agreement, editable), how their identity was checked (required), the text
they confirm, and the signature pad. "Underskriv" stays disabled until there is a name, an
identity check and a signature the core would accept (``forms.signing.validate_strokes``);
the line beside it says what is missing. The signature is saved through ``ops.write`` with
``forms.signing.sign``; what the core refuses is shown next to its cause, and findings that
block signing are listed at the top. After the last party, "Forsegl og lav PDF" seals the
agreement (``forms.sealing.seal_agreement``) and offers to save and open the PDF.

``attach(source, ops)`` opens the dialog whenever ``source.ready_to_sign(agreement_id)``
fires (the agreements page re-emits its wizard's signal) and refreshes ``source`` afterwards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from consultant_app.device import DeviceIdentity, device_identity
from consultant_app.errors import ValidationError
from forms import agreements as A
from forms import sealing, signing
from forms.fields import IDENTITY_CHECKS
from forms.reading import agreement_html
from forms.rules import ERROR, Finding
from forms.templates import SignerRole

from ..i18n import tr
from ..models.id_table import default_format
from ..ops import OpFailure, Ops, translate_message
from ..style import ERROR_BACKGROUND, ERROR_COLOUR, OK_COLOUR, OK_STYLE, PROBLEM_STYLE
from .partials.agreement_reader import AgreementReader
from .partials.inputs import ChoiceBox, while_alive
from .partials.sealed_pdf import SavePdfDialog, open_pdf, pdf_file_name, save_pdf

CTX = "SigningDialog"

ROLE = Qt.ItemDataRole.UserRole
CONSULTANT_ROLE = "consultant"  # the role the templates give the consultant who signs
HINT_STYLE = "color: palette(placeholder-text);"
TOUCH_STYLE = """
QLineEdit, QComboBox { min-height: 40px; font-size: 12pt; padding: 0 6px; }
QPushButton { min-height: 44px; padding: 0 16px; }
QPushButton#primary:enabled { background: #2e5aac; color: white; border: 1px solid #1f3f7a;
                               border-radius: 4px; }
QListWidget#parties { font-size: 11pt; }
QListWidget#parties::item { padding: 10px 8px; }
"""


# -- what the dialog shows, read in one go --------------------------------------------------
@dataclass
class Party:
    role: SignerRole
    name: str                          # the signer's name, or the prefill from the content
    signed_at: dt.datetime | None = None
    identity_check: str = ""

    @property
    def signed(self) -> bool:
        return self.signed_at is not None


@dataclass
class SigningState:
    agreement_id: str
    title: str
    subtitle: str
    status: str
    parties: list[Party]
    blocking: list[tuple[str, Finding]] = field(default_factory=list)  # (field label, finding)
    citizen_name: str = ""
    document_html: str = ""  # what the parties sign, as they read it (forms.reading)

    @property
    def pending(self) -> list[Party]:
        return [p for p in self.parties if not p.signed]


def signing_state(session: Session, agreement_id: str) -> SigningState:
    """Everything the dialog needs about one agreement (a read, on the worker)."""
    doc = A.load(session, agreement_id)
    template = doc.template
    done = {s.role: s for s in A.signatures(session, agreement_id)}
    pending = {r.role for r in signing.pending_signers(session, agreement_id)}
    parties = []
    for role in template.required_signers(doc.values):
        signature = done.get(role.role) if role.role not in pending else None
        if signature is not None:
            parties.append(Party(role, signature.signer_name, signature.signed_at,
                                 signature.identity_check))
        else:
            prefill = doc.values.get(role.name_field) if role.name_field else ""
            parties.append(Party(role, str(prefill or "")))
    blocking: list[tuple[str, Finding]] = []
    if doc.record.status in (A.DRAFT, A.SIGNING):
        for finding in A.check_doc(session, doc).blocking():
            spec = template.fields_by_key.get(finding.field)
            blocking.append((spec.label if spec else "", finding))
    names = [str(doc.values.get(k) or "") for k in ("employer_name", "citizen_name")]
    return SigningState(agreement_id, template.pdf.title or template.title,
                        " – ".join(n for n in names if n), doc.record.status, parties,
                        blocking, str(doc.values.get("citizen_name") or ""),
                        agreement_html(doc))


def _device(_session: Session, store: Any) -> DeviceIdentity:
    return device_identity(store)


def _sign(session: Session, agreement_id: str, role: str, name: str, identity: str,
          strokes: list, size: tuple[int, int], device: DeviceIdentity) -> str:
    signature = signing.sign(session, agreement_id, role=role, signer_name=name,
                             identity_check=identity, strokes=strokes, pad_width=size[0],
                             pad_height=size[1], device=device)
    return signature.signer_name


# -- the dialog ---------------------------------------------------------------------------------
class SigningDialog(QDialog):
    """One agreement's signing and sealing (see the module docstring)."""

    agreement_changed = Signal(str)  # after each signature and after the seal

    def __init__(self, ops: Ops, agreement_id: str, parent: QWidget | None = None):
        from ..widgets.signature_pad import SignaturePad  # the pad is only built here
        super().__init__(parent)
        self.ops = ops
        self.agreement_id = agreement_id
        self.state: SigningState | None = None
        self.device: DeviceIdentity | None = None
        self.current: Party | None = None
        self.pdf: bytes | None = None
        self.saved_path: Path | None = None
        self._busy = False
        self.setWindowTitle(tr(CTX, "Underskrift"))
        self.setStyleSheet(TOUCH_STYLE)

        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.heading.setFont(font)
        self.subtitle = QLabel(self)
        self.general_problem = self._problem_label(tr(CTX, "Fejl"))
        self.findings = QLabel(self)
        self.findings.setWordWrap(True)
        self.findings.setTextFormat(Qt.TextFormat.RichText)
        self.findings.setAccessibleName(tr(CTX, "Det der forhindrer underskrift"))
        self.findings.setStyleSheet(f"QLabel {{ background: {ERROR_BACKGROUND}; "
                                    f"color: {ERROR_COLOUR}; padding: 8px; "
                                    "border-radius: 4px; }")
        self.findings.hide()
        self.notice = QLabel(self)
        self.notice.setAccessibleName(tr(CTX, "Besked"))
        self.notice.setStyleSheet(OK_STYLE)
        self.notice.setWordWrap(True)

        self.parties = QListWidget(self)
        self.parties.setObjectName("parties")
        self.parties.setAccessibleName(tr(CTX, "Parter"))
        self.parties.setFixedWidth(280)
        self.parties.setWordWrap(True)
        self.parties.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.parties.currentItemChanged.connect(self._party_chosen)

        # the current signer
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(tr(CTX, "Underskriverens navn"))
        self.name_edit.textChanged.connect(self._name_changed)
        self.identity = ChoiceBox(self)
        self.identity.setAccessibleName(tr(CTX, "Identitet kontrolleret"))
        self.identity.addItem(tr(CTX, "Vælg …"), "")
        for code, label in IDENTITY_CHECKS.items():
            self.identity.addItem(tr("forms", label), code)
        self.identity.currentIndexChanged.connect(self._update_sign_button)
        self.name_problem = self._problem_label(tr(CTX, "Fejl ved navn"))
        self.identity_problem = self._problem_label(tr(CTX, "Fejl ved identitet"))
        # Captions above the inputs and both inputs on one row: the pad keeps the height.
        form = QGridLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(2)
        captions = []
        for column, (label_text, widget, problem) in enumerate((
                (tr(CTX, "&Navn"), self.name_edit, self.name_problem),
                (tr(CTX, "&Identitet kontrolleret ved"), self.identity, self.identity_problem))):
            caption = QLabel(label_text, self)
            caption.setBuddy(widget)
            captions.append(caption)
            form.addWidget(caption, 0, column)
            form.addWidget(widget, 1, column)
            form.addWidget(problem, 2, column)
            form.setColumnStretch(column, 1)
        self.identity_caption = captions[1]
        # The consultant is the signed-in user: in place of the question, what is known.
        self.identity_known = QLabel(tr(CTX, 
            "Du er logget ind på din egen profil; din identitet er kendt."), self)
        self.identity_known.setWordWrap(True)
        self.identity_known.setAccessibleName(tr(CTX, "Identitet"))
        form.addWidget(self.identity_known, 1, 1)
        self.identity_known.hide()

        self.pad = SignaturePad(self)
        self.pad.changed.connect(self._pad_changed)
        self.pad_problem = self._problem_label(tr(CTX, "Fejl ved underskriften"))

        self.sign_button = QPushButton(tr(CTX, "&Underskriv"), self)
        self.sign_button.setAccessibleName(tr(CTX, "Underskriv"))
        self.sign_button.setObjectName("primary")
        self.sign_button.setMinimumSize(200, 52)
        bold = QFont(self.sign_button.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        self.sign_button.setFont(bold)
        self.sign_button.setAutoDefault(False)
        self.sign_button.clicked.connect(self.sign_current)
        self.missing = QLabel(self)
        self.missing.setAccessibleName(tr(CTX, "Det der mangler"))
        self.missing.setStyleSheet(HINT_STYLE)
        self.missing.setWordWrap(True)
        self.missing.setContentsMargins(12, 0, 0, 0)
        self.pad.add_to_button_row(self.missing, 1)
        self.pad.add_to_button_row(self.sign_button)

        signer = QWidget(self)
        signer_box = QVBoxLayout(signer)
        signer_box.setContentsMargins(0, 0, 0, 0)
        signer_box.addLayout(form)
        signer_box.addSpacing(8)
        signer_box.addWidget(self.pad)
        signer_box.addWidget(self.pad_problem)
        signer_box.addStretch(1)

        # after the last signature
        self.done_text = QLabel(self)
        self.done_text.setWordWrap(True)
        self.done_text.setAccessibleName(tr(CTX, "Status"))
        done_font = QFont(self.done_text.font())
        done_font.setPointSizeF(done_font.pointSizeF() * 1.2)
        self.done_text.setFont(done_font)
        self.seal_button = QPushButton(tr(CTX, "Forsegl og lav &PDF"), self)
        self.seal_button.setObjectName("primary")
        self.seal_button.setMinimumSize(260, 52)
        self.seal_button.setFont(bold)
        self.seal_button.setAutoDefault(False)
        self.seal_button.clicked.connect(self.seal)
        self.save_button = QPushButton(tr(CTX, "&Gem PDF …"), self)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_pdf)
        self.open_button = QPushButton(tr(CTX, "Å&bn PDF"), self)
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_pdf)
        done = QWidget(self)
        done_box = QVBoxLayout(done)
        done_box.addWidget(self.done_text)
        done_row = QHBoxLayout()
        for button in (self.seal_button, self.save_button, self.open_button):
            done_row.addWidget(button)
        done_row.addStretch(1)
        done_box.addLayout(done_row)
        done_box.addStretch(1)

        self.reader = AgreementReader(self)
        self.reader.back.connect(self._stop_reading)
        self._before_reading = 0

        self.right = QStackedWidget(self)
        self.right.addWidget(signer)
        self.right.addWidget(done)
        self.right.addWidget(self.reader)
        # As wide as the pad: inputs stretched across a wide screen are hard to scan.
        self.right.setMaximumWidth(self.pad.canvas.width())

        parties_box = QVBoxLayout()
        parties_caption = QLabel(tr(CTX, "P&arter"), self)  # Alt+P is the PDF's
        parties_caption.setBuddy(self.parties)
        parties_box.addWidget(parties_caption)
        parties_box.addWidget(self.parties, 1)
        body = QHBoxLayout()
        body.addLayout(parties_box)
        body.addSpacing(12)
        body.addWidget(self.right, 1)
        body.addStretch(0)

        self.close_button = QPushButton(tr(CTX, "&Luk"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        self.read_button = QPushButton(tr(CTX, "&Se aftalen"), self)
        self.read_button.setAccessibleName(tr(CTX, "Se aftalen, der underskrives"))
        self.read_button.setAutoDefault(False)
        self.read_button.clicked.connect(self.read_agreement)
        bottom = QHBoxLayout()
        bottom.addWidget(self.notice, 1)
        bottom.addWidget(self.read_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addSpacing(6)
        layout.addWidget(self.findings)
        layout.addWidget(self.general_problem)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)
        self.right.setEnabled(False)
        self._update_sign_button()
        self.reload()

    def _problem_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setStyleSheet(PROBLEM_STYLE)
        label.setWordWrap(True)
        label.setAccessibleName(name)
        label.hide()
        return label

    @staticmethod
    def _show(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the agreement's state again (on open, after a signature, after a refusal)."""
        self.ops.read(signing_state, self.agreement_id,
                      on_done=while_alive(self, self._show_state),
                      on_error=while_alive(self, self._load_failed))
        if self.device is None:
            # device_identity opens its own transactions (and stores the key on the very first
            # call), so it runs on the worker but outside the read's session.
            self.ops.read(_device, self.ops.store,
                          on_done=while_alive(self, self._got_device),
                          on_error=while_alive(self, self._load_failed))

    def _got_device(self, device: DeviceIdentity) -> None:
        self.device = device
        self._update_sign_button()

    def _load_failed(self, failure: OpFailure) -> None:
        self._show(self.general_problem, failure.summary)

    def read_agreement(self) -> None:
        """Show the signer the agreement's content (what "har læst aftalen" confirms)."""
        if self.right.currentWidget() is not self.reader:
            self._before_reading = self.right.currentIndex()
        self.right.setEnabled(True)
        self.right.setCurrentWidget(self.reader)
        self.reader.text.setFocus()

    def _stop_reading(self) -> None:
        """Back where the signer was, the pad as they left it."""
        self.right.setCurrentIndex(self._before_reading)
        blocked = self.state is not None and bool(self.state.blocking) and \
            self._before_reading == 0
        self.right.setEnabled(not blocked)

    def _show_state(self, state: SigningState) -> None:
        self.state = state
        self.reader.set_html(state.document_html)
        self.heading.setText(tr("template", state.title))
        self.subtitle.setText(state.subtitle)
        self._show_findings(state.blocking)
        self.parties.blockSignals(True)
        self.parties.clear()
        chosen = None
        for party in state.parties:
            item = QListWidgetItem(self._party_text(party), self.parties)
            item.setData(ROLE, party.role.role)
            if party.signed:
                item.setForeground(QColor(OK_COLOUR))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # shown, not chosen again
            if not party.signed and chosen is None:
                chosen = item
            if self.current is not None and party.role.role == self.current.role.role \
                    and not party.signed:
                chosen = item
        self.parties.blockSignals(False)
        sealed = state.status == A.SEALED
        if state.pending and not sealed:
            self.right.setCurrentIndex(0)
            self.right.setEnabled(not state.blocking)
            if chosen is not None:
                self.parties.setCurrentItem(chosen)
                self._begin_party(self._party(chosen.data(ROLE)))
        else:
            self.current = None
            self.right.setCurrentIndex(1)
            self.right.setEnabled(True)
            self._show_done(sealed)
        self._update_sign_button()

    def _party(self, role: str) -> Party:
        assert self.state is not None
        return next(p for p in self.state.parties if p.role.role == role)

    def _party_text(self, party: Party) -> str:
        label = tr("template", party.role.label)
        if party.signed:
            when = default_format("signed_at", party.signed_at)
            return tr(CTX, "✓ {role}\n{name} · {when}").format(role=label, name=party.name,
                                                               when=when)
        return tr(CTX, "○ {role}\nMangler at underskrive").format(role=label)

    def _show_findings(self, blocking: list[tuple[str, Finding]]) -> None:
        if not blocking:
            self.findings.hide()
            return
        lines = []
        for label, finding in blocking:
            text = translate_message(finding.message)
            if finding.severity != ERROR:
                text = tr(CTX, "{text} (advarslen skal kvitteres med en note)").format(text=text)
            label = tr("template", label) if label else ""
            if label and label.casefold() not in text.casefold():
                text = f"<b>{_escape(label)}:</b> {_escape(text)}"
            else:
                text = _escape(text)
            lines.append(f"<li>{text}</li>")
        self.findings.setText(
            "<b>" + _escape(tr(CTX, "Aftalen kan ikke underskrives endnu:")) + "</b>"
            + "<ul style='margin: 4px 0 4px -20px'>" + "".join(lines) + "</ul>"
            + _escape(tr(CTX, "Ret aftalen, og åbn underskriften igen.")))
        self.findings.show()

    # -- one signer ------------------------------------------------------------------------
    def _party_chosen(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        if item is None or self.state is None:
            return
        party = self._party(item.data(ROLE))
        if party.signed or (self.current is not None and party.role == self.current.role):
            return
        self._begin_party(party)

    def _begin_party(self, party: Party) -> None:
        """Show ``party``'s name, role and consent on an empty pad."""
        if self.current is not None and party.role == self.current.role:
            return
        self.current = party
        self.name_edit.setText(party.name)
        # The consultant signs on their own device, opened with their own passphrase: how
        # their identity was checked is known, not a question to answer each time.
        consultant = party.role.role == CONSULTANT_ROLE
        self.identity.setCurrentIndex(max(self.identity.findData(
            "known" if consultant else ""), 0))
        # Asking the consultant how their own identity was checked made no sense: the
        # answer is recorded ("known") and the question is not shown to them.
        self.identity.setVisible(not consultant)
        self.identity_caption.setVisible(not consultant)
        self.identity_known.setVisible(consultant)
        self.pad.reset()
        self.pad.set_signer(party.name,
                            tr("template", party.role.label),
                            tr("template", party.role.consent))
        for label in (self.name_problem, self.identity_problem, self.pad_problem,
                      self.general_problem):
            self._show(label, "")
        self._update_sign_button()

    def _name_changed(self, text: str) -> None:
        self.pad.set_name(text.strip())
        self._show(self.name_problem, "" if text.strip() else tr(CTX, 
            "Skriv underskriverens navn."))
        self._update_sign_button()

    def _pad_changed(self) -> None:
        self._show(self.pad_problem, "" if self.pad.is_empty() else self._strokes_problem())
        self._update_sign_button()

    def _strokes_problem(self) -> str:
        """The core's own judgement of the drawn signature ("" when it would be accepted)."""
        try:
            signing.validate_strokes(self.pad.strokes(), *self.pad.pad_size())
        except ValidationError as exc:
            return "\n".join(translate_message(p.message) for p in exc.problems)
        return ""

    def missing_parts(self) -> list[str]:
        """What the current signer still lacks, in words (empty: ready to sign)."""
        missing = []
        if not self.name_edit.text().strip():
            missing.append(tr(CTX, "navn"))
        if not self.identity.currentData():
            missing.append(tr(CTX, "identitetskontrol"))
        if self.pad.is_empty():
            missing.append(tr(CTX, "underskrift"))
        elif self._strokes_problem():
            missing.append(tr(CTX, "en længere underskrift"))
        return missing

    def _update_sign_button(self) -> None:
        missing = self.missing_parts()
        if self._busy:
            self.missing.setText(tr(CTX, "Gemmer underskriften …"))
        elif self.state is not None and self.state.blocking:
            self.missing.setText(tr(CTX, "Kan ikke underskrives endnu."))
        elif self.device is None:
            self.missing.setText(tr(CTX, "Henter enhedens nøgle …"))
        elif missing:
            self.missing.setText(tr(CTX, "Mangler: {parts}.").format(parts=", ".join(missing)))
        else:
            self.missing.setText(tr(CTX, "Klar til at underskrive."))
        self.sign_button.setEnabled(bool(self.current) and not missing and not self._busy
                                    and self.device is not None)

    def sign_current(self) -> None:
        """Save the current party's signature (the button; tests call it directly too)."""
        if self.current is None or self.device is None or self._busy:
            return
        self._show(self.general_problem, "")
        self._busy = True
        self._update_sign_button()
        party = self.current
        self.ops.write(_sign, self.agreement_id, party.role.role, self.name_edit.text(),
                       self.identity.currentData() or "", self.pad.strokes(),
                       self.pad.pad_size(), self.device,
                       on_done=while_alive(self, lambda name: self._signed(party, name)),
                       on_error=while_alive(self, self._sign_failed))

    def _signed(self, party: Party, name: str) -> None:
        self._busy = False
        label = tr("template", party.role.label)
        self.notice.setText(tr(CTX, "{name} har underskrevet som {role}.")
                            .format(name=name, role=label.lower()))
        self.current = None
        self.agreement_changed.emit(self.agreement_id)
        self.reload()

    def _sign_failed(self, failure: OpFailure) -> None:
        """Each refused field next to its cause; anything else at the top, and the state is
        read again (blocking findings, a party someone else already signed for)."""
        self._busy = False
        places = {"signer_name": self.name_problem, "identity_check": self.identity_problem,
                  "strokes": self.pad_problem}
        general = []
        for name, messages in failure.field_problems.items():
            label = places.get(name)
            if label is not None:
                self._show(label, "\n".join(messages))
            else:
                general.extend(messages)
        if general or not failure.field_problems:
            self._show(self.general_problem, "\n".join(general) or failure.summary)
            self.reload()
        self._update_sign_button()

    # -- sealing ------------------------------------------------------------------------------
    def _show_done(self, sealed: bool) -> None:
        self.seal_button.setVisible(not sealed)
        self.seal_button.setEnabled(not self._busy)
        self.save_button.setVisible(sealed)
        self.open_button.setVisible(sealed and self.saved_path is not None)
        if not sealed:
            self.done_text.setText(tr(CTX, 
                "Alle parter har underskrevet. Forsegl aftalen for at lave den underskrevne "
                "PDF; derefter kan aftalen ikke ændres."))
        elif self.saved_path is not None:
            self.done_text.setText(tr(CTX, "Aftalen er forseglet. PDF'en er gemt i {path}.")
                                   .format(path=self.saved_path))
        else:
            self.done_text.setText(tr(CTX, "Aftalen er forseglet. Gem PDF'en, så du kan "
                                           "sende den til parterne."))

    def seal(self) -> None:
        if self.device is None or self._busy:
            return
        self._busy = True
        self.seal_button.setEnabled(False)
        self.done_text.setText(tr(CTX, "Forsegler og laver PDF …"))
        self.ops.write(sealing.seal_agreement, self.agreement_id, self.device,
                       on_done=while_alive(self, self._sealed),
                       on_error=while_alive(self, self._seal_failed))

    def _sealed(self, pdf: bytes) -> None:
        self._busy = False
        self.pdf = pdf
        self.agreement_changed.emit(self.agreement_id)
        self.notice.setText(tr(CTX, "Aftalen er forseglet."))
        self._show_done(True)
        self.reload()
        self.save_pdf()

    def _seal_failed(self, failure: OpFailure) -> None:
        self._busy = False
        self._show(self.general_problem, failure.summary)
        self.reload()

    def save_pdf(self) -> None:
        """Ask where to save the sealed PDF and write it there."""
        if self.pdf is None:
            self.ops.read(sealing.sealed_pdf, self.agreement_id,
                          on_done=while_alive(self, self._got_pdf),
                          on_error=while_alive(self, self._load_failed))
            return
        state = self.state
        suggested = pdf_file_name(
            tr("template", state.title) if state else "",
            state.citizen_name if state else "", dt.date.today())
        path = save_pdf(self, self.pdf, suggested,
                        lambda text: self._show(self.general_problem, text))
        if path is None:
            return
        self.saved_path = path
        self._show_done(True)

    def _got_pdf(self, pdf: bytes | None) -> None:
        if pdf is None:
            self._show(self.general_problem, tr(CTX, "Aftalen har ingen forseglet PDF."))
            return
        self.pdf = pdf
        self.save_pdf()

    def open_pdf(self) -> None:
        if self.saved_path is not None:
            open_pdf(self.saved_path)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attach(source: QObject, ops: Ops) -> Callable[[str], SigningDialog]:
    """Open the signing dialog whenever ``source.ready_to_sign(agreement_id)`` fires, and
    refresh ``source`` (when it has ``refresh``) after each signature, the seal and on close.
    Returns the slot, which also opens the dialog when called."""
    def open_dialog(agreement_id: str) -> SigningDialog:
        parent = source.window() if isinstance(source, QWidget) else None
        dialog = SigningDialog(ops, agreement_id, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        refresh = getattr(source, "refresh", None)
        if callable(refresh):
            dialog.agreement_changed.connect(lambda _id: refresh())
            dialog.finished.connect(lambda _result: refresh())
        dialog.resize(1100, 700)
        dialog.open()
        return dialog
    source.ready_to_sign.connect(open_dialog)  # type: ignore[attr-defined]
    return open_dialog


__all__ = ["SavePdfDialog", "SigningDialog", "attach", "signing_state"]
