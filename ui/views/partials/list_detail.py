"""The layout the record pages share: the id list on the left, the record on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QSplitter, QVBoxLayout, QWidget


def list_detail_layout(page: QWidget, listing: QWidget, detail: QWidget, name: str) -> QSplitter:
    """Lay ``page`` out as ``listing`` beside a scrolling ``detail``. The splitter's object
    name (``splitter_<name>``) is what the settings restore its sizes by."""
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setWidget(detail)
    splitter = QSplitter(Qt.Orientation.Horizontal, page)
    splitter.setObjectName(f"splitter_{name}")
    splitter.addWidget(listing)
    splitter.addWidget(scroll)
    splitter.setSizes([480, 720])
    layout = QVBoxLayout(page)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(splitter)
    return splitter
