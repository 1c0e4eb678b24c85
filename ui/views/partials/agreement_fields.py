"""One input per agreement field, built from the template's ``FieldSpec`` alone.

The wizard never knows which fields a type has: it asks this module for an editor per field
spec, by the field's *kind* (text, date, hours, choice, CPR, ...). An editor shows the
translated template label, whether the value was prefilled from the records (and from
where), the Danish message when a value is refused, and the rules' finding about the field.
It tells the wizard when the consultant has finished an edit (``commit``) and after each
keystroke (``edited``), so the wizard can save as the consultant goes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from consultant_app.text import format_date
from forms import fields as ffields
from forms import rules
from forms.templates import FieldSpec

from ...i18n import tr
from ...style import ERROR_COLOUR, INFO_COLOUR, OK_COLOUR, PROBLEM_STYLE, WARNING_COLOUR
from .inputs import ChoiceBox, as_text

CTX = "agreement_fields"
TEMPLATE_CTX = "template"
SEVERITY_COLOURS = {rules.ERROR: ERROR_COLOUR, rules.WARNING: WARNING_COLOUR,
                    rules.INFO: INFO_COLOUR}
PREFILLED_STYLE = f"color: {OK_COLOUR}; font-size: 9pt;"
HELP_STYLE = "color: palette(placeholder-text); font-size: 9pt;"
# A prefilled input is tinted, so a glance shows what came from the records.
PREFILLED_INPUT = "background: #eef7ee;"

# Choice labels live where their vocabulary is declared: the domain's target groups under
# "domain", the forms package's own lists under "forms", a template's own options under
# "template".
_VOCABULARY_CONTEXT = {"target_groups": "domain"}


def tr_template(text: str) -> str:
    """A Danish source text from a template file, translated (context "template")."""
    return tr(TEMPLATE_CTX, text) if text else ""



def prefill_source_text(spec: FieldSpec) -> str:
    """'Fra borgeren' for a field prefilled from the citizen; 'Standardværdi' for a default."""
    if spec.prefill:
        source = spec.prefill.split(".")[0]
        texts = {
            "employer": tr("agreement_fields", "Fra virksomheden"),
            "contact": tr("agreement_fields", "Fra kontaktpersonen"),
            "vacancy": tr("agreement_fields", "Fra stillingen"),
            "citizen": tr("agreement_fields", "Fra borgeren"),
            "match": tr("agreement_fields", "Fra matchet"),
            "consultant": tr("agreement_fields", "Fra din profil"),
            "today": tr("agreement_fields", "Dagens dato"),
        }
        return texts.get(source, source)
    return tr("agreement_fields", "Standardværdi")


def choice_options(spec: FieldSpec) -> list[tuple[str, str]]:
    """(code, translated label) of a choice field, in the template's order."""
    options: Mapping[str, str] = ffields.options(spec)
    if isinstance(spec.choices, str):
        context = _VOCABULARY_CONTEXT.get(spec.choices, "forms")
    else:
        context = TEMPLATE_CTX
    return [(code, tr(context, label)) for code, label in options.items()]


def placeholder(kind: str) -> str:
    texts = {
        "date": tr("agreement_fields", "fx 1.3.2026"),
        "hours": tr("agreement_fields", "timer pr. uge, fx 15"),
        "money": tr("agreement_fields", "kr., fx 120,50"),
        "number": tr("agreement_fields", "et tal"),
        "integer": tr("agreement_fields", "et helt tal"),
        "cpr": tr("agreement_fields", "DDMMÅÅ-XXXX"),
        "cvr": tr("agreement_fields", "8 cifre"),
        "p_number": tr("agreement_fields", "10 cifre"),
        "phone": tr("agreement_fields", "8 cifre"),
        "postcode": tr("agreement_fields", "4 cifre"),
        "email": tr("agreement_fields", "navn@firma.dk"),
    }
    return texts.get(kind, "")


def display_value(spec: FieldSpec, value: Any) -> Any:
    """A stored value as the editor holds it: text for line edits, a code for choices, a
    bool for check boxes."""
    if spec.kind == "bool":
        return bool(value)
    if spec.kind == "choice":
        return "" if value is None else str(value)
    if isinstance(value, dt.date):
        return format_date(value)
    return as_text(value)


class _FocusOut(QObject):
    """Reports when a plain-text editor loses the focus (it has no editingFinished)."""

    def __init__(self, editor: "FieldEditor"):
        super().__init__(editor)
        self.editor = editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.editor.commit.emit(self.editor.key)
        return False


class FieldEditor(QWidget):
    """The input of one field with its prefill note, its problem and its finding."""

    edited = Signal(str)   # field key: the consultant changed the input
    commit = Signal(str)   # field key: the edit is finished (focus left, Enter, a choice)

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.key = spec.key
        self.label_text = tr_template(spec.label)
        self.saved: Any = display_value(spec, None)   # what the store holds, as shown
        self.refused: Any = None                        # the input the store last refused
        self.prefilled = False
        self.input = self._make_input(spec)
        self.input.setAccessibleName(self.label_text)
        self.input.setObjectName(f"field_{spec.key}")

        self.note = QLabel(self)             # "Fra borgeren" / "Foreslået ud fra målgruppen"
        self.note.setStyleSheet(PREFILLED_STYLE)
        self.note.hide()
        self.problem = QLabel(self)          # the Danish message of a refused value
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(tr(CTX, "Fejl ved {field}").format(field=self.label_text))
        self.problem.hide()
        self.finding = QLabel(self)          # the rules' finding about this field
        self.finding.setWordWrap(True)
        self.finding.hide()
        self.help = QLabel(tr_template(spec.help), self)
        self.help.setWordWrap(True)
        self.help.setStyleSheet(HELP_STYLE)
        self.help.setVisible(bool(spec.help))

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(self.input, 0, Qt.AlignmentFlag.AlignLeft
                         if self.input.maximumWidth() < 1000 else Qt.AlignmentFlag(0))
        column.addWidget(self.note)
        column.addWidget(self.problem)
        column.addWidget(self.finding)
        column.addWidget(self.help)

    # -- building ------------------------------------------------------------------------
    def _make_input(self, spec: FieldSpec) -> QWidget:
        kind = spec.kind
        if kind == "multiline":
            edit = QPlainTextEdit(self)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
            edit.textChanged.connect(lambda: self.edited.emit(self.key))
            edit.installEventFilter(_FocusOut(self))
            return edit
        if kind == "bool":
            box = QCheckBox(self)
            box.toggled.connect(lambda _on: self.commit.emit(self.key))
            return box
        if kind == "choice":
            combo = ChoiceBox(self)
            combo.addItem(tr(CTX, "(vælg)"), "")
            for code, label in choice_options(spec):
                combo.addItem(label, code)
            combo.activated.connect(lambda _i: self.commit.emit(self.key))
            return combo
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder(kind))
        if kind in ("date", "cpr", "cvr", "p_number", "phone", "postcode"):
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0") * 18 + 24)
        elif kind in ("number", "integer", "hours", "money"):
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0") * 14 + 24)
        edit.textEdited.connect(lambda _t: self.edited.emit(self.key))
        edit.editingFinished.connect(lambda: self.commit.emit(self.key))
        return edit

    # -- values --------------------------------------------------------------------------
    def raw(self) -> Any:
        """The input as the service's converter reads it."""
        widget = self.input
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QComboBox):
            return widget.currentData() or ""
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def dirty(self) -> bool:
        """Changed since the last save, and not the very input the store just refused."""
        current = self.raw()
        return current != self.saved and current != self.refused

    def set_value(self, value: Any) -> None:
        """Show the stored ``value``; it becomes what ``dirty`` compares with."""
        shown = display_value(self.spec, value)
        widget = self.input
        blocked = widget.blockSignals(True)
        try:
            if isinstance(widget, QPlainTextEdit):
                if widget.toPlainText() != shown:
                    widget.setPlainText(shown)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(shown)
            elif isinstance(widget, QComboBox):
                index = widget.findData(shown)
                if index < 0 and shown:  # a code this build does not know: show it as is
                    widget.addItem(shown, shown)
                    index = widget.count() - 1
                widget.setCurrentIndex(max(index, 0))
            elif isinstance(widget, QLineEdit):
                if widget.text() != shown:
                    widget.setText(shown)
        finally:
            widget.blockSignals(blocked)
        self.saved = shown
        self.refused = None

    def set_read_only(self, read_only: bool) -> None:
        widget = self.input
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            widget.setReadOnly(read_only)
        else:
            widget.setEnabled(not read_only)

    # -- notes, problems and findings ----------------------------------------------------
    def set_note(self, text: str) -> None:
        """The prefill note ("Fra borgeren"); an empty text hides it and the tint."""
        self.prefilled = bool(text)
        self.note.setText(text)
        self.note.setVisible(bool(text))
        self.input.setStyleSheet(
            f"{type(self.input).__name__} {{ {PREFILLED_INPUT} }}" if text else "")

    def show_problem(self, messages: list[str]) -> None:
        self.refused = self.raw()
        self.problem.setText("\n".join(messages))
        self.problem.show()
        self._fit_wrapped()

    def clear_problem(self) -> None:
        self.problem.clear()
        self.problem.hide()

    def problem_text(self) -> str:
        return self.problem.text() if not self.problem.isHidden() else ""

    def show_findings(self, findings: list[tuple[str, str]]) -> None:
        """(severity, translated message) of the rules' findings about this field."""
        if not findings:
            self.finding.clear()
            self.finding.hide()
            return
        worst = min(findings, key=lambda f: rules.SEVERITIES.index(f[0]))[0]
        self.finding.setStyleSheet(f"color: {SEVERITY_COLOURS[worst]};")
        self.finding.setText("\n".join(f"{_severity_mark(s)} {m}" for s, m in findings))
        self.finding.show()
        self._fit_wrapped()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_wrapped()

    def _fit_wrapped(self) -> None:
        """Each wrapped text asks for the height it needs at the editor's width: the form
        and the scroll area around the editor do not pass a height for a width down to a
        label reliably, and a finding shown after the step was laid out was drawn clipped,
        over the next row."""
        for label in (self.problem, self.finding, self.help):
            need = 0 if label.isHidden() else _wrapped_height(label, self.width())
            if label.minimumHeight() != need:
                label.setMinimumHeight(need)

    def focus(self) -> None:
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(self.input, QLineEdit):
            self.input.selectAll()


def _wrapped_height(label: QLabel, width: int) -> int:
    """The height a word-wrapped plain-text label needs at ``width`` (measured from its font,
    not ``heightForWidth``, which never reports less than the minimum height set here)."""
    margins = label.contentsMargins()
    inner = max(width - margins.left() - margins.right() - 2 * max(label.margin(), 0), 1)
    rect = label.fontMetrics().boundingRect(
        QRect(0, 0, inner, 1 << 20), int(Qt.TextFlag.TextWordWrap), label.text())
    return rect.height() + margins.top() + margins.bottom() + 2 * max(label.margin(), 0)


def _severity_mark(severity: str) -> str:
    return {rules.ERROR: "✖", rules.WARNING: "⚠", rules.INFO: "ℹ"}.get(severity, "•")


def add_editor_row(form: QFormLayout, editor: FieldEditor) -> QLabel:
    """A form row: the label (with * for required and a mnemonic-free buddy) and the editor."""
    text = editor.label_text + (" *" if editor.spec.required else "")
    caption = QLabel(text, form.parentWidget())
    caption.setWordWrap(True)
    caption.setBuddy(editor.input)
    caption.setMinimumWidth(120)
    caption.setMaximumWidth(240)
    form.addRow(caption, editor)
    return caption
