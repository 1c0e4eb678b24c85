"""The main window's first size, one rule for the start window and the main window.

A first start fills a field laptop's screen (1366x768, or 1920x1080 at 150 %) and takes a
comfortable 1280x800 on a bigger one. Filling is done twice over: the window's geometry is
set to the screen's available area, then it is marked maximized. A window manager maximizes
it (and restores it to that size); without one (a kiosk, Xvfb) the state alone does nothing,
and the geometry is what makes it fill the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

COMFORTABLE = QSize(1280, 800)  # first size on a screen with room for it


def available(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fill_screen(widget: QWidget) -> None:
    widget.setGeometry(available(widget))
    widget.setWindowState(widget.windowState() | Qt.WindowState.WindowMaximized)


def first_size(widget: QWidget) -> None:
    area = available(widget)
    if area.width() < COMFORTABLE.width() + 80 or area.height() < COMFORTABLE.height() + 80:
        fill_screen(widget)
    else:
        widget.resize(COMFORTABLE)


def fit_to_screen(widget: QWidget) -> None:
    """A size saved on a bigger screen (the office monitor) shrinks to this one."""
    if widget.windowState() & Qt.WindowState.WindowMaximized:
        return
    area = available(widget)
    if widget.width() > area.width() or widget.height() > area.height():
        fill_screen(widget)
