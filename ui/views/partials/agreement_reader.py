"""The agreement as its signers read it: the content the PDF will hold, zoomable, scrolled by
finger or mouse drag on a touch screen handed across the table (forms.reading builds it)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScroller,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...i18n import tr

CTX = "AgreementReader"


class AgreementReader(QWidget):
    """A read-only view of one agreement's text with larger/smaller text and a way back."""

    back = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName(tr(CTX, "Aftalens indhold"))
        self.text.setOpenLinks(False)
        QScroller.grabGesture(self.text.viewport(),
                              QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self.smaller = QPushButton(tr(CTX, "Mindre tekst"), self)
        self.smaller.setShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut))
        self.smaller.clicked.connect(lambda: self.zoom(-2))
        self.larger = QPushButton(tr(CTX, "Større tekst"), self)
        self.larger.setShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn))
        self.larger.clicked.connect(lambda: self.zoom(2))
        self.back_button = QPushButton(tr(CTX, "&Tilbage til underskriften"), self)
        self.back_button.clicked.connect(self.back.emit)
        for button in (self.smaller, self.larger, self.back_button):
            button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.smaller)
        row.addWidget(self.larger)
        row.addStretch(1)
        row.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        self.points = self.text.font().pointSizeF()

    def set_html(self, html: str) -> None:
        self.text.setHtml(html)

    def zoom(self, points: int) -> None:
        """Text from 8 to 28 points: readable for a signer without glasses."""
        wanted = min(28.0, max(8.0, self.points + points))
        self.text.zoomIn(round(wanted - self.points))
        self.points = wanted
