"""Placement agreements: the list of agreements on the left, the open one in the wizard.

A draft opens at the step it was left at and is edited in place; a signed agreement opens
read-only, and a change makes a new version behind a confirmation. "Ny aftale" (Ctrl+N)
starts the wizard; other pages start it with ``open_requested("placement_agreement",
new_agreement_ref(...))`` (the employer page, a match in the pipeline).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from consultant_app import queries
from consultant_app.queries import list_tables
from forms.templates import get_template

from ..i18n import tr
from ..models.id_table import default_format
from ..models.labels import status_text
from ..ops import OpChanges, Ops
from . import Page
from .agreement_wizard import AgreementWizard, parse_agreement_ref
from .partials.agreement_fields import tr_template
from .partials.id_list import IdListPanel
from .partials.inputs import action_button, page_action

CTX = "AgreementsPage"


def format_agreement_cell(key: str, value: Any) -> str:
    if key == "status" and isinstance(value, str):
        return status_text(value)
    if key == "agreement_type" and isinstance(value, str):
        try:
            return tr_template(get_template(value).title)
        except KeyError:  # a type this build has no template for: show the code
            return value
    return default_format(key, value)


def list_agreement_ids(session: Any, text: str, sort: str | None, descending: bool) -> list[str]:
    """Agreements have no full-text index; the filter box is hidden, so ``text`` is empty."""
    return queries.list_ids(session, "placement_agreement", "", sort, descending)


class AgreementsPage(Page):
    page_key = "agreements"
    # The list, and the open agreement with its parties (the employer's headcount for the
    # rimelighedskrav), signatures and documents.
    shows = list_tables("placement_agreement") | {
        "agreement_signature", "agreement_document", "employer", "citizen", "vacancy"}
    ready_to_sign = Signal(str)  # agreement id (the wizard's "Underskriv…")

    def open_signing(self, agreement_id: str) -> Any:
        """The signing dialog for ``agreement_id``. The signing flow (and pyHanko, reportlab
        behind it) is imported on first use, not at start-up."""
        if self._signing_slot is None:
            from .signing import attach
            self.ready_to_sign.disconnect(self.open_signing)
            self._signing_slot = attach(self, self.ops)
        return self._signing_slot(agreement_id)

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.list = IdListPanel(ops, "placement_agreement", list_agreement_ids,
                                queries.list_rows, format_agreement_cell,
                                list_name=tr(CTX, "Aftaler"), empty_text=tr(CTX, 
                                    "Ingen aftaler endnu. Start en med Ctrl+N, eller fra en "
                                    "virksomhed (Ctrl+Shift+A) eller et match."), parent=self)
        self.list.filter_edit.hide()
        self.list.current_changed.connect(self.open_item)
        self.a_new = page_action(self, tr(CTX, "&Ny aftale (Ctrl+N)"), "Ctrl+N", self.new_agreement)
        self.a_new.setToolTip(tr(CTX, "Start en ny aftale"))
        page_action(self, tr(CTX, "Gå til listen"), "Ctrl+F", self.list.table.setFocus, "Ctrl+L")
        self.a_rules = page_action(self, tr(CTX, "&Regelbog (Ctrl+R)"), "Ctrl+R",
                                   self.show_rule_book)
        self.a_rules.setToolTip(tr(CTX, "Reglerne i kraft på en dato, med hjemmel"))
        self.list.extra.addStretch(1)
        self.list.extra.addWidget(action_button(self.a_rules, self))
        self.list.extra.addWidget(action_button(self.a_new, self))

        self.wizard = AgreementWizard(ops, self)
        self.wizard.ready_to_sign.connect(self.ready_to_sign)
        self.ready_to_sign.connect(self.open_signing)
        self._signing_slot: Any = None
        self.wizard.created.connect(self._created)
        self.wizard.opened.connect(self.list.select)

        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("splitter_agreements")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.wizard)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 940])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.list.reload()

    @property
    def agreement_id(self) -> str:
        state = self.wizard.state
        return state.agreement_id if state is not None else ""

    def page_title(self) -> str:
        return tr(CTX, "Aftaler")

    def refresh(self) -> None:
        self.list.reload()
        self.wizard.reload()

    def show_changes(self, changes: OpChanges) -> None:
        """The list re-reads; the open agreement is the wizard's, which keeps it current."""
        if changes.touches(self.list.tables):
            self.list.reload()

    def open_item(self, ident: str) -> None:
        """Open an agreement in the wizard, or start a new one (``new_agreement_ref``)."""
        new = parse_agreement_ref(ident)
        if new is not None:
            self.wizard.start_new(**new)
            self.list.table.clearSelection()
            return
        self.wizard.open_agreement(ident)  # the list follows when it shows (``opened``)

    def new_agreement(self) -> None:
        self.wizard.start_new()

    def rule_book(self) -> Any:
        """The rule book (read-only) for the open agreement's start date, else today."""
        from .rule_book import RuleBookDialog
        state = self.wizard.state
        start = state.values.get("start_date") if state is not None else None
        return RuleBookDialog(self.ops, start if hasattr(start, "year") else None, self)

    def show_rule_book(self) -> None:
        self.rule_book().exec()

    def _created(self, agreement_id: str) -> None:
        self.list.select(agreement_id)  # the list has re-read (show_changes)
