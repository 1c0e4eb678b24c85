"""The layout the record pages share: the id list on the left, the record on the right.

A record with suggestions under it (a vacancy's citizens, a citizen's vacancies) gets its
heading and actions fixed at the top, the form scrolling in the upper part and the
suggestions in the lower part of a splitter, each with its own room: inside one scroll area
the ranked list was a scroll area inside a scroll area, showed one row at 1366x768, and its
"Foreslå borger" lay below the fold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QSplitter, QVBoxLayout, QWidget


def list_detail_layout(page: QWidget, listing: QWidget, detail: QWidget, name: str,
                       header: QWidget | None = None, below: QWidget | None = None) -> QSplitter:
    """Lay ``page`` out as ``listing`` beside a scrolling ``detail``, with ``header`` fixed
    above it and ``below`` under it in a vertical splitter. The splitters' object names
    (``splitter_<name>``, ``splitter_<name>_detail``) are what the settings restore their
    sizes by."""
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setWidget(detail)
    right: QWidget = scroll
    if header is not None or below is not None:
        right = QWidget(page)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        if header is not None:
            column.addWidget(header)
        if below is not None:
            parts = QSplitter(Qt.Orientation.Vertical, right)
            parts.setObjectName(f"splitter_{name}_detail")
            parts.addWidget(scroll)
            parts.addWidget(below)
            parts.setChildrenCollapsible(False)
            parts.setStretchFactor(0, 4)
            parts.setStretchFactor(1, 5)
            column.addWidget(parts, 1)
        else:
            column.addWidget(scroll, 1)
    splitter = QSplitter(Qt.Orientation.Horizontal, page)
    splitter.setObjectName(f"splitter_{name}")
    splitter.addWidget(listing)
    splitter.addWidget(right)
    splitter.setSizes([480, 720])
    layout = QVBoxLayout(page)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(splitter)
    return splitter
