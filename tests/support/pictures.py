"""Reading what a screenshot shows: the part of a window's picture where a known widget sits,
whether text or lines are drawn there, and whether a colour is. Screenshot tests assert with
these that the picture holds the widgets they name, not only that a file was written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget


def load(path: Path) -> QImage:
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a picture"
    return image


def where(picture: QImage, window: QWidget, widget: QWidget, rect: QRect | None = None
          ) -> QImage:
    """The part of ``picture`` (``window`` grabbed) that shows ``widget`` (or ``rect`` of it,
    in the widget's coordinates)."""
    assert widget.isVisible() and widget.window() is window.window() or widget is window, \
        f"{type(widget).__name__} '{widget.accessibleName()}' is not shown in the window"
    area = rect if rect is not None else widget.rect()
    top_left = widget.mapTo(window, area.topLeft()) if widget is not window else area.topLeft()
    ratio = picture.devicePixelRatio()
    scaled = QRect(QPoint(round(top_left.x() * ratio), round(top_left.y() * ratio)),
                   area.size() * ratio)
    assert picture.rect().contains(scaled), f"{scaled} lies outside the picture"
    return picture.copy(scaled)


def _pixels(image: QImage, step: int = 1):  # type: ignore[no-untyped-def]
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            yield image.pixelColor(x, y)


def colours(image: QImage) -> int:
    """How many different colours the image has (a blank area has one)."""
    return len({c.rgb() for c in _pixels(image)})


def background(image: QImage) -> QColor:
    """The most common colour of the image."""
    counts: dict[int, int] = {}
    for c in _pixels(image):
        counts[c.rgb()] = counts.get(c.rgb(), 0) + 1
    return QColor.fromRgb(max(counts, key=counts.__getitem__))


def ink(image: QImage) -> int:
    """How many pixels stand out from the background (text and lines drawn on it)."""
    ground = background(image)
    return sum(1 for c in _pixels(image)
               if abs(c.lightness() - ground.lightness()) > 60
               or abs(c.red() - ground.red()) + abs(c.green() - ground.green())
               + abs(c.blue() - ground.blue()) > 150)


def has_colour(image: QImage, colour: str, tolerance: int = 40) -> int:
    """How many pixels are within ``tolerance`` of ``colour`` in each of red, green, blue."""
    want = QColor(colour)
    return sum(1 for c in _pixels(image)
               if abs(c.red() - want.red()) <= tolerance
               and abs(c.green() - want.green()) <= tolerance
               and abs(c.blue() - want.blue()) <= tolerance)


def shows_text(picture: QImage, window: QWidget, widget: QWidget, rect: QRect | None = None,
               least: int = 20) -> bool:
    """Whether the part of the picture where ``widget`` is has text drawn on it."""
    part = where(picture, window, widget, rect)
    return ink(part) >= least and colours(part) > 2
