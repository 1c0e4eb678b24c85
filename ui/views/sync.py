"""The Sync page: what is waiting to be sent. Sync itself arrives with the sync issue; until
then the page says so plainly instead of offering buttons that do nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from consultant_app.queries import outbox_count

from ..ops import Ops
from . import Page


class SyncPage(Page):
    page_key = "sync"

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(ops, parent)
        title = QLabel(self.tr("Synkronisering"), self)
        title.setObjectName("pageTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.state = QLabel(self.tr("Offline – ikke tilmeldt en central."), self)
        self.waiting = QLabel(self)
        self.waiting.setAccessibleName(self.tr("Ændringer der venter"))
        self.waiting.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        explanation = QLabel(self.tr(
            "Alt, du gemmer, ligger sikkert på denne computer og står i kø til at blive sendt. "
            "Synkronisering med den centrale tjeneste kommer i en senere version; indtil da "
            "bliver ændringerne her og går ikke tabt."), self)
        explanation.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.state)
        layout.addWidget(self.waiting)
        layout.addWidget(explanation)
        layout.addStretch(1)
        self.refresh()

    def page_title(self) -> str:
        return self.tr("Synkronisering")

    def refresh(self) -> None:
        n = self.ops.run_sync_read(outbox_count)
        self.waiting.setText(self.tr("Ændringer der venter på at blive sendt: {n}").format(n=n))

