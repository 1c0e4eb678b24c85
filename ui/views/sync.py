"""The Sync page: the state of the sync with the central service, what waits to be sent,
the conflicts (both values side by side; the consultant chooses), and the history of syncs.

The page reads the store for its lists and listens to the background sync through
``SyncBridge`` (``attach``); without one (not started, or in a test of the window alone) it
still shows what waits locally and says that sync is not running.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from consultant_app.errors import field_label
from sync.client.conflicts import recreate_record, resolve_conflict
from sync.client.overview import SyncOverview, sync_overview
from sync.protocol import DELETED_FIELD

from ..i18n import tr, translate_message
from ..models.rows import RowsTableModel
from ..ops import Ops
from ..search_popup import kind_label
from ..style import PROBLEM_STYLE
from ..sync_bridge import SyncBridge, local_time, summary
from ..sync_progress import SyncProgress
from . import Page
from .partials.inputs import while_alive
from .partials.tables import read_only_table

ENROLL_DIALOG_CTX = "EnrollDialog"
SYNC_PAGE_CTX = "SyncPage"


def entity_label(entity: str) -> str:
    labels = {
        "contact_person": tr("SyncPage", "Kontaktperson"),
        "visit": tr("SyncPage", "Besøg"),
        "match_event": tr("SyncPage", "Matchhistorik"),
        "agreement_signature": tr("SyncPage", "Underskrift"),
        "agreement_document": tr("SyncPage", "Aftale-PDF"),
        "access_log": tr("SyncPage", "Adgangslog"),
    }
    return labels.get(entity) or kind_label(entity)


def value_text(value: Any) -> str:
    """A conflict value as the consultant reads it."""
    if value is None or value == "":
        return tr("SyncPage", "(tom)")
    if isinstance(value, bool):
        return (tr("SyncPage", "Ja") if value
                else tr("SyncPage", "Nej"))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or tr("SyncPage", "(tom)")
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def one_line(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class RowsModel(RowsTableModel):
    """A short, fully loaded table (at most a few hundred rows): headers and display rows,
    with the record behind each row kept for the page."""

    def __init__(self, headers: Sequence[str], parent: Any = None):
        super().__init__(headers, parent)
        self.items: list[Any] = []

    def set_rows(self, rows: Sequence[Any], items: list[Any] | None = None) -> None:
        self.items = list(items or [])
        super().set_rows(rows)


def fit_columns(view: Any, widest: int = 320) -> None:
    """Columns as wide as their contents, none wider than ``widest`` pixels."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count() - 1):
        header.resizeSection(column, min(widest, header.sectionSize(column) + 12))


class EnrollDialog(QDialog):
    """Server address and enrollment code. Tests replace ``ask``."""

    def __init__(self, server_url: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr(ENROLL_DIALOG_CTX, "Tilmeld enhed"))
        intro = QLabel(tr(ENROLL_DIALOG_CTX, "Tilmeld denne computer til den centrale tjeneste. Din leder "
                               "giver dig serverens adresse og en tilmeldingskode."), self)
        intro.setWordWrap(True)
        self.url = QLineEdit(server_url, self)
        self.url.setAccessibleName(tr(ENROLL_DIALOG_CTX, "Serverens adresse"))
        self.url.setPlaceholderText("https://central.kommune.dk")
        self.code = QLineEdit(self)
        self.code.setAccessibleName(tr(ENROLL_DIALOG_CTX, "Tilmeldingskode"))
        form = QFormLayout()
        form.addRow(tr(ENROLL_DIALOG_CTX, "Serverens &adresse:"), self.url)
        form.addRow(tr(ENROLL_DIALOG_CTX, "Tilmeldings&kode:"), self.code)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr(ENROLL_DIALOG_CTX, "Tilmeld"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    @classmethod
    def ask(cls, parent: QWidget | None, server_url: str = "") -> tuple[str, str] | None:
        dialog = cls(server_url, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.url.text().strip(), dialog.code.text().strip()


class SyncPage(Page):
    page_key = "sync"
    shows = frozenset({"outbox", "sync_conflict", "sync_run", "sync_quarantine"})

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(ops, parent)
        self.bridge: SyncBridge | None = None
        title = QLabel(tr(SYNC_PAGE_CTX, "Synkronisering"), self)
        title.setObjectName("pageTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)

        self.state = QLabel(tr(SYNC_PAGE_CTX, "Synkroniseringen kører ikke."), self)
        self.state.setAccessibleName(tr(SYNC_PAGE_CTX, "Synkroniseringsstatus"))
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = SyncProgress(self)
        self.error = QLabel(self)
        self.error.setAccessibleName(tr(SYNC_PAGE_CTX, "Seneste fejl"))
        self.error.setWordWrap(True)
        self.error.setStyleSheet(PROBLEM_STYLE)
        self.error.hide()
        self.sync_button = QPushButton(tr(SYNC_PAGE_CTX, "&Synkroniser nu"), self)
        self.sync_button.clicked.connect(self.sync_now)
        self.enroll_button = QPushButton(tr(SYNC_PAGE_CTX, "&Tilmeld enhed …"), self)
        self.enroll_button.clicked.connect(self.enroll)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.enroll_button)
        buttons.addStretch(1)

        self.tabs = QTabWidget(self)
        self.waiting_model = RowsModel([tr(SYNC_PAGE_CTX, "Hvad"), tr(SYNC_PAGE_CTX, "Post"), tr(SYNC_PAGE_CTX, "Handling"),
                                        tr(SYNC_PAGE_CTX, "Felter"), tr(SYNC_PAGE_CTX, "Tidspunkt")], self)
        self.waiting_view = read_only_table(self.waiting_model, tr(SYNC_PAGE_CTX, "Ændringer der venter"),
                                            self, tr(SYNC_PAGE_CTX, "Ingen ændringer venter på at blive "
                                                          "sendt."))
        self.conflict_model = RowsModel([tr(SYNC_PAGE_CTX, "Post"), tr(SYNC_PAGE_CTX, "Felt"),
                                         tr(SYNC_PAGE_CTX, "Værdi på serveren"), tr(SYNC_PAGE_CTX, "Din værdi"),
                                         tr(SYNC_PAGE_CTX, "Gælder nu"), tr(SYNC_PAGE_CTX, "Opdaget")], self)
        self.conflict_view = read_only_table(self.conflict_model, tr(SYNC_PAGE_CTX, "Konflikter"), self,
                                             tr(SYNC_PAGE_CTX, "Ingen konflikter. Er den samme oplysning "
                                                     "ændret to steder, vises den her, så du "
                                                     "kan vælge."))
        self.conflict_view.selectionModel().currentRowChanged.connect(self._show_conflict)
        self.history_model = RowsModel([tr(SYNC_PAGE_CTX, "Startet"), tr(SYNC_PAGE_CTX, "Udløst af"),
                                        tr(SYNC_PAGE_CTX, "Resultat"), tr(SYNC_PAGE_CTX, "Sendt"),
                                        tr(SYNC_PAGE_CTX, "Hentet"), tr(SYNC_PAGE_CTX, "Aftaler"),
                                        tr(SYNC_PAGE_CTX, "Konflikter"), tr(SYNC_PAGE_CTX, "Fejl")], self)
        self.history_view = read_only_table(self.history_model, tr(SYNC_PAGE_CTX, "Historik"), self,
                                            tr(SYNC_PAGE_CTX, "Ingen synkroniseringer endnu. Tilmeld "
                                                    "enheden, og vælg »Synkroniser nu«."))

        # What came from the service and could not be taken in here (sync.client.quarantine)
        self.quarantine_model = RowsModel([tr(SYNC_PAGE_CTX, "Hvad"), tr(SYNC_PAGE_CTX, "Post"),
                                           tr(SYNC_PAGE_CTX, "Første gang"), tr(SYNC_PAGE_CTX, "Forsøg"),
                                           tr(SYNC_PAGE_CTX, "Hvorfor")], self)
        self.quarantine_view = read_only_table(self.quarantine_model,
                                               tr(SYNC_PAGE_CTX, "Lagt til side"), self,
                                               tr(SYNC_PAGE_CTX, "Intet er lagt til side."))

        self.tabs.addTab(self.waiting_view, "")
        self.tabs.addTab(self._conflict_panel(), "")
        self.tabs.addTab(self.history_view, tr(SYNC_PAGE_CTX, "Historik"))
        self.tabs.addTab(self.quarantine_view, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(self.state)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        self._update_buttons()
        # The lists are read when the page is first shown, not while the window starts.
        self._dirty = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def _conflict_panel(self) -> QWidget:
        panel = QWidget(self)
        self.server_box = QPlainTextEdit(panel)
        self.client_box = QPlainTextEdit(panel)
        for box, name in ((self.server_box, tr(SYNC_PAGE_CTX, "Værdi på serveren")),
                          (self.client_box, tr(SYNC_PAGE_CTX, "Din værdi"))):
            box.setReadOnly(True)
            box.setAccessibleName(name)
            box.setMaximumHeight(110)
        self.keep_server = QPushButton(tr(SYNC_PAGE_CTX, "Behold s&erverens værdi"), panel)
        self.keep_client = QPushButton(tr(SYNC_PAGE_CTX, "Behold &din værdi"), panel)
        self.keep_server.clicked.connect(lambda: self.choose("server"))
        self.keep_client.clicked.connect(lambda: self.choose("client"))
        self.conflict_note = QLabel(panel)
        self.conflict_note.setWordWrap(True)
        sides = QHBoxLayout()
        for box, button, label in ((self.server_box, self.keep_server,
                                    tr(SYNC_PAGE_CTX, "Værdi på serveren")),
                                   (self.client_box, self.keep_client, tr(SYNC_PAGE_CTX, "Din værdi"))):
            group = QGroupBox(label, panel)
            inner = QVBoxLayout(group)
            inner.addWidget(box)
            inner.addWidget(button)
            sides.addWidget(group)
        detail = QWidget(panel)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.conflict_note)
        detail_layout.addLayout(sides)
        detail_layout.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical, panel)
        splitter.setObjectName("syncConflicts")
        splitter.addWidget(self.conflict_view)
        splitter.addWidget(detail)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._show_conflict()
        return panel

    def page_title(self) -> str:
        return tr(SYNC_PAGE_CTX, "Synkronisering")

    # -- the background sync -------------------------------------------------------------
    def attach(self, bridge: SyncBridge) -> None:
        self.bridge = bridge
        bridge.status_changed.connect(self.show_status)
        bridge.enrolled.connect(self._enrolled)
        bridge.enroll_failed.connect(self._enroll_failed)
        self.show_status(bridge.status)

    def show_status(self, status: Any) -> None:
        self.state.setText(summary(status, with_error=False))
        self.progress.show_status(status)
        error = translate_message(status.last_error) if status.last_error else ""
        self.error.setText(tr(SYNC_PAGE_CTX, "Seneste fejl: {error}").format(error=error))
        self.error.setVisible(bool(error) and not status.running)
        self._update_buttons(status)
        if not status.running:
            self.refresh()

    def _update_buttons(self, status: Any = None) -> None:
        enrolled = bool(status is not None and status.enrolled)
        self.sync_button.setEnabled(self.bridge is not None and enrolled
                                    and not status.running)
        self.sync_button.setToolTip("" if enrolled else
                                    tr(SYNC_PAGE_CTX, "Tilmeld enheden først."))
        self.enroll_button.setEnabled(self.bridge is not None
                                      and not (status is not None and status.running))
        self.enroll_button.setText(tr(SYNC_PAGE_CTX, "&Tilmeld enhed igen …") if enrolled
                                   else tr(SYNC_PAGE_CTX, "&Tilmeld enhed …"))

    def sync_now(self) -> None:
        if self.bridge is not None:
            self.bridge.sync_now()

    def enroll(self) -> None:
        if self.bridge is None:
            return
        current = self.bridge.status.server_url
        answer = EnrollDialog.ask(self, current)
        if answer is None:
            return
        url, code = answer
        if not url or not code:
            QMessageBox.warning(self, tr(SYNC_PAGE_CTX, "Tilmeld enhed"), tr(SYNC_PAGE_CTX, 
                "Skriv både serverens adresse og tilmeldingskoden."))
            return
        self.enroll_button.setEnabled(False)
        self.state.setText(tr(SYNC_PAGE_CTX, "Tilmelder enheden hos {url} …").format(url=url))
        self.bridge.enroll(url, code)

    def _enrolled(self, result: Any) -> None:
        self.state.setText(tr(SYNC_PAGE_CTX, "Enheden er tilmeldt {municipality} som {consultant}. "
                                   "Synkroniserer …").format(
            municipality=result.municipality_name, consultant=result.consultant))

    def _enroll_failed(self, message: str) -> None:
        self._update_buttons(self.bridge.status if self.bridge else None)
        self.error.setText(message)
        self.error.show()
        QMessageBox.warning(self, tr(SYNC_PAGE_CTX, "Tilmelding mislykkedes"), message)

    # -- lists -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self._dirty = False
        self.ops.read(sync_overview, on_done=while_alive(self, self._show))

    def _show(self, overview: SyncOverview) -> None:
        waiting, total, conflicts = overview.waiting, overview.waiting_total, overview.conflicts
        history, set_aside = overview.history, overview.set_aside
        action = {"create": tr(SYNC_PAGE_CTX, "oprettet"), "update": tr(SYNC_PAGE_CTX, "ændret"),
                  "delete": tr(SYNC_PAGE_CTX, "slettet")}
        self.waiting_model.set_rows([
            (entity_label(w.entity), one_line(w.record_label), action.get(w.op, w.op),
             "" if "*" in w.fields else ", ".join(self._field(f) for f in w.fields),
             local_time(w.created_at)) for w in waiting], waiting)
        self.tabs.setTabText(0, tr(SYNC_PAGE_CTX, "Venter ({n})").format(n=total))

        rows = []
        for c in conflicts:
            if c.rejected:
                server = self._value(c, c.server_value)
                rows.append((one_line(f"{entity_label(c.entity)}: {c.record_label}"),
                             tr(SYNC_PAGE_CTX, "(hele ændringen)"), one_line(server),
                             one_line(value_text(c.client_value)), tr(SYNC_PAGE_CTX, "afvist"),
                             local_time(c.detected_at)))
                continue
            rows.append((one_line(f"{entity_label(c.entity)}: {c.record_label}"),
                         self._field(c.field), one_line(self._value(c, c.server_value)),
                         one_line(self._value(c, c.client_value)),
                         tr(SYNC_PAGE_CTX, "serverens") if c.winner == "server" else tr(SYNC_PAGE_CTX, "din"),
                         local_time(c.detected_at)))
        self.conflict_model.set_rows(rows, conflicts)
        self.tabs.setTabText(1, tr(SYNC_PAGE_CTX, "Konflikter ({n})").format(n=len(conflicts)))
        if conflicts:
            self.conflict_view.selectRow(0)
        self._show_conflict()

        self.history_model.set_rows([
            (local_time(r.started_at), self._trigger(r.trigger),
             tr(SYNC_PAGE_CTX, "i gang") if r.finished_at is None else
             (tr(SYNC_PAGE_CTX, "gennemført") if r.ok else tr(SYNC_PAGE_CTX, "fejlede")),
             str(r.pushed), str(r.pulled), str(r.uploaded), str(r.conflicts),
             one_line(translate_message(r.reason) if r.reason else "", 120))
            for r in history], history)
        self.quarantine_model.set_rows([
            (entity_label(q.entity), q.entity_id, local_time(q.first_seen), str(q.attempts),
             tr("sync", q.message)) for q in set_aside], set_aside)
        self.tabs.setTabText(3, tr(SYNC_PAGE_CTX, "Lagt til side ({n})").format(n=len(set_aside)))
        for view in (self.waiting_view, self.conflict_view, self.history_view,
                     self.quarantine_view):
            fit_columns(view)

    def _field(self, name: str) -> str:
        if name == DELETED_FIELD:
            return tr(SYNC_PAGE_CTX, "(sletning)")
        return tr("fields", field_label(name))

    def _value(self, c: Any, value: Any) -> str:
        """A conflict's value in words: a delete as "Slettet", an edit lost to a delete as
        its fields and values; the service's reason for refusing a change in the window's
        language (the words it sent, where it sent no template to translate)."""
        if c.reason is not None and value is c.server_value:
            return translate_message(c.reason)
        if c.lost_to_delete and c.field == DELETED_FIELD:
            if isinstance(value, dict):
                return "\n".join(f"{self._field(k)}: {value_text(v)}"
                                  for k, v in sorted(value.items()))
            return tr(SYNC_PAGE_CTX, "Slettet")
        return value_text(value)

    def _trigger(self, trigger: str) -> str:
        return {"manual": tr(SYNC_PAGE_CTX, "dig"), "timer": tr(SYNC_PAGE_CTX, "tidsplan"),
                "network": tr(SYNC_PAGE_CTX, "netværket kom igen"), "cli": tr(SYNC_PAGE_CTX, "kommandolinje")
                }.get(trigger, trigger)

    def selected_conflict(self) -> Any:
        index = self.conflict_view.currentIndex()
        if not index.isValid() or index.row() >= len(self.conflict_model.items):
            return None
        return self.conflict_model.items[index.row()]

    def _show_conflict(self, *_args: Any) -> None:
        c = self.selected_conflict()
        for w in (self.keep_server, self.keep_client):
            w.setEnabled(c is not None and not c.rejected)
        if c is None:
            self.server_box.setPlainText("")
            self.client_box.setPlainText("")
            self.conflict_note.setText(tr(SYNC_PAGE_CTX, "Ingen konflikter. Når den samme oplysning er "
                                               "ændret både her og på serveren, vises begge "
                                               "værdier her, så du kan vælge."))
            return
        if c.rejected:
            self.server_box.setPlainText(self._value(c, c.server_value))
            self.client_box.setPlainText(value_text(c.client_value))
            self.keep_server.setEnabled(True)
            if c.moved_citizen:
                self.conflict_note.setText(tr(SYNC_PAGE_CTX, 
                    "Borgeren er flyttet til en anden konsulent, så ændringen kunne ikke "
                    "sendes. Den står herunder, så du kan give den videre til borgerens nye "
                    "konsulent. Fjern den, når den er overdraget."))
                self.keep_server.setText(tr(SYNC_PAGE_CTX, "&Overdraget – fjern fra listen"))
                return
            self.conflict_note.setText(tr(SYNC_PAGE_CTX, "Tjenesten afviste ændringen. Den er ikke "
                                               "gemt centralt; dine værdier står herunder."))
            self.keep_server.setText(tr(SYNC_PAGE_CTX, "F&orstået – fjern fra listen"))
            return
        self.server_box.setPlainText(self._value(c, c.server_value))
        self.client_box.setPlainText(self._value(c, c.client_value))
        if c.lost_to_delete:
            # A delete cannot be undone: the choice is to let it stand or to make the record
            # anew from the kept values (sync.client.conflicts).
            self.conflict_note.setText(tr(SYNC_PAGE_CTX, 
                "{record} er slettet, mens den blev ændret et andet sted. En sletning kan "
                "ikke gøres om, men du kan oprette posten igen som en ny post med de gemte "
                "oplysninger og ændringen. Det, der hørte til den slettede post (fx "
                "kontakter og besøg), følger ikke med.").format(
                record=f"{entity_label(c.entity)} {c.record_label}"))
            delete_side, kept_side = ((self.keep_server, self.keep_client)
                                      if c.winner == "server"
                                      else (self.keep_client, self.keep_server))
            delete_side.setText(tr(SYNC_PAGE_CTX, "F&orstået – lad den være slettet"))
            kept_side.setText(tr(SYNC_PAGE_CTX, "&Opret igen som ny post"))
            return
        self.keep_server.setText(tr(SYNC_PAGE_CTX, "Behold s&erverens værdi"))
        self.keep_client.setText(tr(SYNC_PAGE_CTX, "Behold &din værdi"))
        winner = tr(SYNC_PAGE_CTX, "serverens værdi") if c.winner == "server" else tr(SYNC_PAGE_CTX, "din værdi")
        self.conflict_note.setText(tr(SYNC_PAGE_CTX, 
            "{record} – {field}: begge steder ændret. Reglen for feltet valgte {winner}; "
            "vælg den værdi, der skal gælde.").format(
            record=f"{entity_label(c.entity)} {c.record_label}", field=self._field(c.field),
            winner=winner))

    def choose(self, side: str) -> None:
        """The consultant's choice, written as a normal (journalled) edit."""
        c = self.selected_conflict()
        if c is None or (c.rejected and side != "server"):
            return
        if c.lost_to_delete and side != c.winner:
            self.ops.write(recreate_record, c.id, on_done=lambda _r: self._resolved(),
                           on_error=lambda failure: self.conflict_note.setText(
                               failure.summary))
            return
        self.ops.write(resolve_conflict, c.id, side, on_done=lambda _r: self._resolved())

    def _resolved(self) -> None:
        """The lists have re-read (``show_changes``); the choice is sent soon."""
        if self.bridge is not None:
            self.bridge.local_change()
