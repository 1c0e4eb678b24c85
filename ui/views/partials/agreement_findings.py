"""The rules' findings for one agreement, as the wizard shows them.

``FindingsPanel`` lists every finding with its severity's icon and colour; activating one asks
the wizard to focus the field it is about. ``WarningAcknowledgement`` is one warning with the
note that acknowledges it (as VITAS lets an employer submit with a note that the ratio will
hold at the start). Nothing here decides what blocks signing: that is ``forms.agreements.Check``.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from forms import rules
from forms.rules import Finding

from ...i18n import tr
from ...ops import translate_message
from .agreement_fields import SEVERITY_COLOURS

CTX = "agreement_findings"

FIELD_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1



def severity_icon(widget: QWidget, severity: str) -> QIcon:
    pixmap = {rules.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
              rules.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
              rules.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation}[severity]
    return widget.style().standardIcon(pixmap)


def severity_name(severity: str) -> str:
    return {rules.ERROR: tr(CTX, "Fejl"), rules.WARNING: tr(CTX, "Advarsel"),
            rules.INFO: tr(CTX, "Til orientering")}.get(severity, severity)


class FindingsPanel(QWidget):
    """Every finding, worst first; Enter or a click on one focuses its field."""

    field_requested = Signal(str)  # field key

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(tr(CTX, "Kontrol af reglerne"), self)
        self.title.setStyleSheet("font-weight: bold;")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(tr(CTX, "Fund ved kontrollen"))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.itemClicked.connect(self._activated)
        self.list.itemActivated.connect(self._activated)
        self.title.setBuddy(self.list)
        hint = QLabel(tr(CTX, "Klik på et fund for at gå til feltet."), self)
        hint.setStyleSheet("color: palette(placeholder-text); font-size: 9pt;")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)

    def show_findings(self, findings: list[Finding], acknowledged: dict[str, str],
                      label_of: Callable[[str], str]) -> None:
        self.list.clear()
        for finding in findings:
            text = translate_message(finding.message)
            if finding.severity == rules.WARNING and acknowledged.get(finding.key):
                text += " " + tr(CTX, "(kvitteret)")
            item = QListWidgetItem(severity_icon(self, finding.severity), text, self.list)
            item.setForeground(QBrush(QColor(SEVERITY_COLOURS[finding.severity])))
            item.setData(FIELD_ROLE, finding.field)
            item.setData(KEY_ROLE, finding.key)
            where = label_of(finding.field) if finding.field else tr(CTX, "hele aftalen")
            item.setToolTip(f"{severity_name(finding.severity)} · {where}")
        errors = sum(f.severity == rules.ERROR for f in findings)
        warnings = sum(f.severity == rules.WARNING for f in findings)
        if not findings:
            self.summary.setText(tr(CTX, "Ingen fund: reglerne er overholdt."))
        else:
            infos = len(findings) - errors - warnings
            warning_text = (tr(CTX, "1 advarsel") if warnings == 1
                            else tr(CTX, "{n} advarsler").format(n=warnings))
            self.summary.setText(tr(CTX, "{errors} fejl, {warnings}, {infos} til orientering.")
                                 .format(errors=errors, warnings=warning_text, infos=infos))

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        field = item.data(FIELD_ROLE)
        if field:
            self.field_requested.emit(field)


class WarningAcknowledgement(QFrame):
    """One warning: its message, and either a note to acknowledge it with or the note given."""

    acknowledge = Signal(str, str)  # finding key, note ("" withdraws the acknowledgement)

    def __init__(self, finding: Finding, note: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.finding_key = finding.key
        self.setFrameShape(QFrame.Shape.StyledPanel)
        icon = QLabel(self)
        icon.setPixmap(severity_icon(self, finding.severity).pixmap(20, 20))
        message = QLabel(translate_message(finding.message), self)
        message.setWordWrap(True)
        message.setStyleSheet(f"color: {SEVERITY_COLOURS[rules.WARNING]};")
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        row = QHBoxLayout()
        self.note = QLineEdit(self)
        self.note.setAccessibleName(tr(CTX, "Note til advarslen"))
        self.note.setPlaceholderText(tr(CTX, "Skriv en note: hvorfor aftalen alligevel holder"))
        self.problem = QLabel(self)
        self.problem.setStyleSheet(f"color: {SEVERITY_COLOURS[rules.ERROR]};")
        self.problem.hide()
        if note:
            self.state = QLabel(tr(CTX, "Kvitteret med noten: {note}").format(note=note), self)
            self.state.setWordWrap(True)
            self.button = QPushButton(tr(CTX, "Fortryd kvitteringen"), self)
            self.button.clicked.connect(lambda: self.acknowledge.emit(self.finding_key, ""))
            row.addWidget(self.state, 1)
            self.note.hide()
        else:
            self.state = QLabel(self)
            self.state.hide()
            self.button = QPushButton(tr(CTX, "&Kvittér"), self)
            self.button.clicked.connect(self._submit)
            self.note.returnPressed.connect(self._submit)
            row.addWidget(self.note, 1)
        row.addWidget(self.button)
        layout.addLayout(row)
        layout.addWidget(self.problem)

    def _submit(self) -> None:
        if not self.note.text().strip():
            self.problem.setText(tr(CTX, "Skriv en note, før advarslen kan kvitteres."))
            self.problem.show()
            self.note.setFocus()
            return
        self.acknowledge.emit(self.finding_key, self.note.text())
