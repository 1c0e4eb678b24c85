"""The bar that shows a running sync: in the status bar and on the Sync page. The words beside
it (done, left, time left) come from ``sync_bridge.state_line``."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QProgressBar, QWidget

from .i18n import tr

CTX = "SyncProgress"


class SyncProgress(QProgressBar):
    """Follows the background sync's ``SyncStatus``: the share done of the running phase when
    the service told its total, a busy bar when not, hidden between syncs."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(tr(CTX, "Synkroniseringens fremdrift"))
        self.hide()

    def show_status(self, status: Any) -> None:
        self.setVisible(bool(status.running))
        if not status.running:
            return
        total = status.total or 0
        if total:
            self.setRange(0, total)
            self.setValue(min(status.done, total))
        else:
            self.setRange(0, 0)
