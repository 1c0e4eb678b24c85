"""Placement agreements: the list of agreement records and a read-only view of one.

Filling, checking and signing agreements comes with a later issue; until then the page says so
plainly and offers no buttons that would pretend otherwise. The agreement's content is not
shown: it holds the citizen's CPR and belongs to the forms package's own view.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from consultant_app import queries

from ..models.id_table import default_format
from ..ops import Ops
from . import Page
from .partials.id_list import IdListPanel
from .partials.list_detail import list_detail_layout
from .partials.inputs import page_action


# The record's status codes as the forms package will set them; unknown codes show as stored.
AGREEMENT_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("agreements", "Kladde"),
    "signing": QT_TRANSLATE_NOOP("agreements", "Under underskrift"),
    "signed": QT_TRANSLATE_NOOP("agreements", "Underskrevet"),
    "sealed": QT_TRANSLATE_NOOP("agreements", "Forseglet"),
    "delivered": QT_TRANSLATE_NOOP("agreements", "Afleveret"),
}


def format_agreement_cell(key: str, value: Any) -> str:
    if key == "status" and value in AGREEMENT_STATUSES:
        return QCoreApplication.translate("agreements", AGREEMENT_STATUSES[value])
    return default_format(key, value)


def list_agreement_ids(session: Any, text: str, sort: str | None, descending: bool) -> list[str]:
    """Agreements have no full-text index; the filter box is hidden, so ``text`` is empty."""
    return queries.list_ids(session, "placement_agreement", "", sort, descending)


class AgreementsPage(Page):
    page_key = "agreements"

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.agreement_id = ""
        self.list = IdListPanel(ops, "placement_agreement", list_agreement_ids,
                                queries.list_rows, format_agreement_cell, list_name=self.tr("Aftaler"), parent=self)
        self.list.filter_edit.hide()
        self.list.current_changed.connect(self.open_item)
        self.list.loaded.connect(self._show_empty_hint)
        page_action(self, self.tr("Gå til listen"), "Ctrl+L", self.list.table.setFocus)

        self.later = QLabel(self.tr(
            "Her vises aftalerne om praktik, løntilskud og andre forløb. Udfyldning, kontrol "
            "af reglerne og underskrift på skærmen kommer i en senere version af programmet; "
            "indtil da kan aftalerne kun ses her."), self)
        self.later.setWordWrap(True)
        self.later.setAccessibleName(self.tr("Om aftaler"))
        self.later.setStyleSheet("background: palette(alternate-base); padding: 8px;")

        self.heading = QLabel(self.tr("Vælg en aftale i listen."), self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)

        self.fields: dict[str, QLabel] = {}
        details = QWidget(self)
        form = QFormLayout(details)
        for key, label in (("agreement_type", self.tr("Type:")),
                           ("status", self.tr("Status:")),
                           ("employer_name", self.tr("Virksomhed:")),
                           ("vacancy_title", self.tr("Stilling:")),
                           ("citizen_name", self.tr("Borger:")),
                           ("start_date", self.tr("Start:")),
                           ("end_date", self.tr("Slut:")),
                           ("template_version", self.tr("Skabelonversion:")),
                           ("content_hash", self.tr("Indholdets SHA-256:")),
                           ("modified_at", self.tr("Ændret:"))):
            value = QLabel(details)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            value.setWordWrap(True)
            value.setAccessibleName(label.rstrip(":"))
            form.addRow(QLabel(label, details), value)
            self.fields[key] = value

        side = QWidget(self)
        box = QVBoxLayout(side)
        box.addWidget(self.later)
        box.addWidget(self.heading)
        box.addWidget(details)
        box.addStretch(1)
        list_detail_layout(self, self.list, side, "agreements")
        self.list.reload_async()

    def page_title(self) -> str:
        return self.tr("Aftaler")

    def refresh(self) -> None:
        self.list.reload()
        if self.agreement_id:
            self.open_item(self.agreement_id)

    def open_item(self, ident: str) -> None:
        detail = self.ops.run_sync_read(queries.agreement_detail, ident)
        if detail is None:
            self.heading.setText(self.tr("Aftalen findes ikke længere."))
            return
        self.agreement_id = ident
        self.list.select(ident)
        self.heading.setText(detail["agreement_type"])
        for key, label in self.fields.items():
            label.setText(format_agreement_cell(key, detail.get(key)) or "–")

    def _show_empty_hint(self) -> None:
        if not self.list.model.rowCount() and not self.agreement_id:
            self.heading.setText(self.tr("Der er ingen aftaler endnu."))
