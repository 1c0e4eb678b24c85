"""Steps 2 and 3 built from the agreement's template: the fields the records fill (to check,
by section) and the fields that are new for this agreement (to fill, the empty required ones
first). A new agreement type or template version needs no change here."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from forms import fields as ffields
from forms.draft_state import STEP_CHECK, STEP_FILL, WizardState

from ...i18n import tr
from ..partials.agreement_fields import (
    FieldEditor,
    add_editor_row,
    prefill_source_text,
    tr_template,
)

CTX = "agreement_wizard"


def _intro(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("background: palette(alternate-base); padding: 6px;")
    return label


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return form


def summary_html(state: WizardState) -> str:
    """Step 1 of an existing agreement: the type and parties chosen when it was made."""
    template = state.template
    rows = [(tr(CTX, "Type"), tr_template(template.title)),
            (tr(CTX, "Lovgrundlag"), tr_template(template.legal_basis)),
            (tr(CTX, "Virksomhed"), state.values.get("employer_name", "")),
            (tr(CTX, "Borger"), state.values.get("citizen_name", "")),
            (tr(CTX, "Stilling"), state.values.get("job_title", "")),
            (tr(CTX, "Skabelon"), f"{template.type} v{template.version}")]
    cells = "".join(f"<tr><td><b>{k}:</b>&nbsp;</td><td>{v or '–'}</td></tr>"
                    for k, v in rows)
    note = tr(CTX, "Typen og parterne er valgt, da kladden blev oprettet. Skal typen være en "
               "anden, så start en ny aftale.")
    return f"<table>{cells}</table><p>{tr_template(template.description)}</p><p>{note}</p>"


def note_for(state: WizardState, editor: FieldEditor) -> str:
    """Where a field's value came from, while it is still what the records said."""
    key, value = editor.key, state.values.get(editor.key)
    if ffields.is_blank(value):
        return ""
    if key in state.prefilled and state.prefilled[key] == value:
        return prefill_source_text(editor.spec)
    if key == "end_date" and value == state.end_date_proposed:
        return tr(CTX, "Foreslået ud fra målgruppen")
    return ""


class FieldSteps:
    """The wizard's part that builds the editors; the wizard provides ``_edited`` and
    ``_commit`` (saving.FieldSaving)."""

    check_body: QWidget
    fill_body: QWidget
    editors: dict[str, FieldEditor]
    step_of_field: dict[str, int]
    _template_key: str

    def _build_fields(self, state: WizardState) -> None:
        """Editors for the template's fields: those the records fill on the check step (by
        section), the rest on the fill step with the empty required ones first."""
        template = state.template
        self._template_key = template.key
        self.editors.clear()
        self.step_of_field.clear()
        for body in (self.check_body, self.fill_body):
            for child in body.findChildren(
                    QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
                child.deleteLater()
            old = body.layout()
            if old is not None:  # a widget takes a new layout only once the old one is gone
                shiboken6.delete(old)

        check = QVBoxLayout(self.check_body)
        check.addWidget(_intro(tr(CTX, 
            "Disse oplysninger er hentet fra virksomheden, kontaktpersonen, stillingen, "
            "borgeren og matchet (grøn baggrund). Ret dem her, hvis noget er forkert; det "
            "gemmes med det samme."), self.check_body))
        fill = QVBoxLayout(self.fill_body)
        fill.addWidget(_intro(tr(CTX, 
            "Udfyld det, der er nyt for denne aftale. Felter med * skal udfyldes. Alt gemmes, "
            "mens du skriver."), self.fill_body))
        prefilled = set(state.prefilled)
        new_fields = []
        for section in template.sections:
            keys = [f for f in section.fields if f.key in prefilled]
            if keys:
                box = QGroupBox(tr_template(section.title), self.check_body)
                form = _form(box)
                for spec in keys:
                    self._add_editor(spec, form, box, STEP_CHECK)
                check.addWidget(box)
            new_fields.extend(f for f in section.fields if f.key not in prefilled)
        missing = [f for f in new_fields
                   if f.required and ffields.is_blank(state.values.get(f.key))]
        others = [f for f in new_fields if f not in missing]
        for title, specs in ((tr(CTX, "Skal udfyldes"), missing),
                             (tr(CTX, "Tjek og udfyld efter behov"), others)):
            if specs:
                box = QGroupBox(title, self.fill_body)
                form = _form(box)
                for spec in specs:
                    self._add_editor(spec, form, box, STEP_FILL)
                fill.addWidget(box)
        check.addStretch(1)
        fill.addStretch(1)
        self._chain_tab_order()

    def _add_editor(self, spec: Any, form: QFormLayout, parent: QWidget, step: int) -> None:
        editor = FieldEditor(spec, parent)
        editor.edited.connect(self._edited)
        editor.commit.connect(self._commit)
        add_editor_row(form, editor)
        self.editors[spec.key] = editor
        self.step_of_field[spec.key] = step

    def _chain_tab_order(self) -> None:
        for step in (STEP_CHECK, STEP_FILL):
            inputs = [e.input for k, e in self.editors.items() if self.step_of_field[k] == step]
            for first, second in zip(inputs, inputs[1:]):
                QWidget.setTabOrder(first, second)
