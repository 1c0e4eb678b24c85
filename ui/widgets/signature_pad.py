"""The signature pad: a person signs on the screen with a mouse, a pen or a finger.

``SignatureCanvas`` is the drawing surface. It keeps each stroke as points
``(x, y, pressure, t)``: x and y in the canvas's pixels (its size is fixed, so the numbers keep
their meaning for the PDF box they are drawn into later), pressure 0..1 (a mouse has none and
records ``MOUSE_PRESSURE``), t in whole milliseconds since the first point of the signature.
The points are the signature: what is drawn, stored, bound to the content hash and redrawn as
vector strokes in the sealed PDF.

Input arrives three ways, and each stroke is recorded from exactly one of them:

- pen: ``tabletEvent`` with pressure. Each tablet event is accepted, which tells Qt not to
  synthesise mouse events from it (otherwise every pen stroke would be recorded twice).
  Widgets receive tablet presses without any attribute; ``WA_TabletTracking`` would only add
  hover moves, which a signature has no use for.
- touch: ``WA_AcceptTouchEvents``; the first finger draws, more fingers are ignored.
- mouse: press, move, release with the left button. Mouse events that a platform synthesises
  from a pen or a finger while such a stroke is under way are dropped.

``SignaturePad`` puts the canvas on a card like a paper form: the role, the signer's name and
the consent text they sign above it; a baseline and an "x" on it; buttons to clear, undo and
redo the last stroke under it (Alt+R, Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QEventPoint,
    QFont,
    QInputDevice,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QPointingDevice,
    QResizeEvent,
    QShortcut,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr

SIGNATURE_CANVAS_CTX = "SignatureCanvas"
SIGNATURE_PAD_CTX = "SignaturePad"

Point = tuple[float, float, float, int]   # x, y, pressure 0..1, ms since the first point
Stroke = list[Point]

PAD_WIDTH, PAD_HEIGHT = 720, 240
MOUSE_PRESSURE = 0.5      # a mouse reports no pressure: drawn at the middle width
TOUCH_PRESSURE = 0.5      # most touch screens report none either
INK = QColor("#1b2a6b")   # a blue-black like a ballpoint pen
PAPER = QColor("#ffffff")
GUIDE = QColor("#8a8f98")
BASE_WIDTH = 2.6          # pen width in pixels at pressure 0.5


def monotonic_ms() -> int:
    """Milliseconds on a clock that never goes back: the pad's default clock."""
    return time.monotonic_ns() // 1_000_000


def pen_width(pressure: float) -> float:
    """Line width for a pressure: from 40 % of the base width (a light touch) to 160 %."""
    return BASE_WIDTH * (0.4 + 1.2 * min(max(pressure, 0.0), 1.0))


def _point(p: Point) -> QPointF:
    return QPointF(p[0], p[1])


def _mid(a: Point, b: Point) -> QPointF:
    return QPointF((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def stroke_piece(stroke: Stroke, i: int) -> tuple[QPainterPath, float]:
    """Piece ``i`` (1 <= i < len(stroke)) of a stroke and the pressure it is drawn with.

    The stroke is smoothed as quadratic curves through the midpoints between recorded points,
    each recorded point the control point of its curve; drawn with round caps the pieces join
    seamlessly and each has its own width, so the line follows the pressure. The last piece
    is a straight half segment to the last point; it becomes a curve when another point
    follows. So every piece but the last is final once drawn, and a stroke is painted one
    piece per new point rather than from the start on every move."""
    start = _point(stroke[0]) if i == 1 else _mid(stroke[i - 1], stroke[i])
    path = QPainterPath(start)
    if i == len(stroke) - 1:
        path.lineTo(_point(stroke[i]))
    else:
        path.quadTo(_point(stroke[i]), _mid(stroke[i], stroke[i + 1]))
    return path, (stroke[i - 1][2] + stroke[i][2]) / 2


def _dot(stroke: Stroke) -> tuple[QPainterPath, float]:
    x, y, pressure, _ = stroke[0]
    path = QPainterPath(QPointF(x, y))
    path.lineTo(QPointF(x + 0.01, y))  # a round cap on a zero-length line draws a disc
    return path, pressure


def stroke_pieces(stroke: Stroke) -> Iterator[tuple[QPainterPath, float]]:
    """Every piece of a stroke (a single point is a dot)."""
    if len(stroke) == 1:
        yield _dot(stroke)
        return
    for i in range(1, len(stroke)):
        yield stroke_piece(stroke, i)


def paint_piece(painter: QPainter, piece: tuple[QPainterPath, float]) -> None:
    path, pressure = piece
    painter.setPen(QPen(INK, pen_width(pressure), Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.drawPath(path)


def paint_stroke(painter: QPainter, stroke: Stroke) -> None:
    for piece in stroke_pieces(stroke):
        paint_piece(painter, piece)


class SignatureCanvas(QWidget):
    """The drawing surface (see the module docstring). ``changed`` is emitted after each
    finished stroke, clear, undo and redo."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, width: int = PAD_WIDTH,
                 height: int = PAD_HEIGHT, clock: Callable[[], int] = monotonic_ms):
        super().__init__(parent)
        self.setFixedSize(width, height)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(tr(SIGNATURE_CANVAS_CTX, "Underskriftsfelt"))
        self.setAccessibleDescription(tr(SIGNATURE_CANVAS_CTX, 
            "Skriv under med musen, en pen eller en finger."))
        self._strokes: list[Stroke] = []
        # Undo history: ("stroke", [stroke]) or ("clear", [every stroke cleared]).
        self._done: list[tuple[str, list[Stroke]]] = []
        self._undone: list[tuple[str, list[Stroke]]] = []
        self._current: Stroke | None = None
        self._source = ""          # "mouse" | "tablet" | "touch" while a stroke is drawn
        self._touch_id = -1
        self._native_pointer = False  # a pen or touch stroke has been seen on this pad
        self._clock = clock  # milliseconds; a test passes one it moves itself
        self._started_ms = 0
        self._ink_cache: QPixmap | None = None

    # -- the recorded signature --------------------------------------------------------
    def strokes(self) -> list[Stroke]:
        """Every finished stroke, as lists of ``(x, y, pressure, t_ms)``."""
        return [list(s) for s in self._strokes]

    def is_empty(self) -> bool:
        return not self._strokes and self._current is None

    def pad_size(self) -> tuple[int, int]:
        return self.width(), self.height()

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def clear(self) -> None:
        """Clear the pad; ``undo`` brings the signature back."""
        self._cancel_current()
        if not self._strokes:
            return
        self._done.append(("clear", self._strokes))
        self._undone.clear()
        self._strokes = []
        self._after_change()

    def undo(self) -> None:
        """Take back the last stroke (or the last clear)."""
        self._cancel_current()
        if not self._done:
            return
        kind, strokes = self._done.pop()
        if kind == "stroke":
            self._strokes.pop()
        else:
            self._strokes = list(strokes)
        self._undone.append((kind, strokes))
        self._after_change()

    def redo(self) -> None:
        self._cancel_current()
        if not self._undone:
            return
        kind, strokes = self._undone.pop()
        if kind == "stroke":
            self._strokes.extend(strokes)
        else:
            self._strokes = []
        self._done.append((kind, strokes))
        self._after_change()

    def reset(self) -> None:
        """Empty the pad and forget its history (the next signer starts afresh)."""
        self._cancel_current()
        self._strokes, self._done, self._undone = [], [], []
        self._after_change()

    # -- recording ----------------------------------------------------------------------
    def _begin(self, source: str, pos: QPointF, pressure: float) -> None:
        if not self._strokes:
            self._started_ms = self._clock()  # t counts from the first point of the signature
        self._source = source
        self._current = []
        self._add(pos, pressure)

    def _add(self, pos: QPointF, pressure: float) -> None:
        assert self._current is not None
        x = round(min(max(pos.x(), 0.0), self.width() - 1.0), 1)
        y = round(min(max(pos.y(), 0.0), self.height() - 1.0), 1)
        if self._current and self._current[-1][:2] == (x, y):
            return  # no movement: nothing new to draw
        t = self._clock() - self._started_ms
        point = (x, y, round(min(max(pressure, 0.0), 1.0), 3), t)
        self._current.append(point)
        if len(self._current) >= 3:  # the piece before the new point is final now
            self._paint_into_ink(stroke_piece(self._current, len(self._current) - 2))
        tail = self._current[-3:]
        margin = pen_width(1.0) + 2
        xs, ys = [p[0] for p in tail], [p[1] for p in tail]
        self.update(QRectF(min(xs) - margin, min(ys) - margin, max(xs) - min(xs) + 2 * margin,
                           max(ys) - min(ys) + 2 * margin).toAlignedRect())

    def _end(self) -> None:
        stroke, self._current, self._source = self._current, None, ""
        if not stroke:
            return
        first = not self._strokes
        self._paint_into_ink(self._tail(stroke))
        self._strokes.append(stroke)
        self._done.append(("stroke", [stroke]))
        self._undone.clear()
        self._after_change(redraw=first)  # the first stroke takes the hint text away

    def _cancel_current(self) -> None:
        if self._current is not None:
            self._current, self._source = None, ""
            self._ink_cache = None  # it holds the cancelled stroke's pieces
            self.update()

    def _after_change(self, redraw: bool = True) -> None:
        if redraw:
            self._ink_cache = None
        self.update()
        self.changed.emit()

    @staticmethod
    def _tail(stroke: Stroke) -> tuple[QPainterPath, float]:
        """The piece of a stroke under way that the next point still changes."""
        return _dot(stroke) if len(stroke) == 1 else stroke_piece(stroke, len(stroke) - 1)

    def _paint_into_ink(self, piece: tuple[QPainterPath, float]) -> None:
        if self._ink_cache is None:
            return  # rebuilt, with this piece, at the next paint
        painter = QPainter(self._ink_cache)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_piece(painter, piece)
        painter.end()

    # -- input: mouse --------------------------------------------------------------------
    def _synthesised(self, event: QMouseEvent) -> bool:
        """A mouse event made from a pen or a finger that this pad already handles itself."""
        if self._source in ("tablet", "touch"):
            return True
        device = event.device()
        return (self._native_pointer and device is not None
                and device.type() != QInputDevice.DeviceType.Mouse)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        event.accept()
        if self._synthesised(event):
            return
        self._begin("mouse", event.position(), MOUSE_PRESSURE)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._source == "mouse" and event.buttons() & Qt.MouseButton.LeftButton:
            self._add(event.position(), MOUSE_PRESSURE)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._source == "mouse" and event.button() == Qt.MouseButton.LeftButton:
            self._add(event.position(), MOUSE_PRESSURE)
            self._end()
        event.accept()

    # -- input: pen ----------------------------------------------------------------------
    def tabletEvent(self, event: QTabletEvent) -> None:
        event.accept()  # accepted: Qt synthesises no mouse events from this pen event
        self._native_pointer = True
        if event.pointerType() == QPointingDevice.PointerType.Eraser:
            return
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            if self._source != "tablet":
                self._begin("tablet", event.position(), event.pressure())
        elif kind == QEvent.Type.TabletMove:
            if self._source == "tablet":
                self._add(event.position(), event.pressure())
        elif kind == QEvent.Type.TabletRelease and self._source == "tablet":
            # The release reports pressure 0 where the last move already was: no new point.
            self._end()

    # -- input: touch --------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                    QEvent.Type.TouchCancel):
            self._touch(event)  # type: ignore[arg-type]
            event.accept()
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        self._native_pointer = True
        kind = event.type()
        if kind == QEvent.Type.TouchCancel:
            if self._source == "touch":
                self._end()  # the system took the touch away: keep what was drawn
            return
        device = event.pointingDevice()
        has_pressure = device is not None and bool(
            device.capabilities() & QInputDevice.Capability.Pressure)
        for point in event.points():
            pressure = point.pressure() if has_pressure else TOUCH_PRESSURE
            state = point.state()
            if state == QEventPoint.State.Pressed and self._source == "":
                self._touch_id = point.id()
                self._begin("touch", point.position(), pressure)
            elif self._source == "touch" and point.id() == self._touch_id:
                self._add(point.position(), pressure)
                if state == QEventPoint.State.Released:
                    self._end()

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._ink())
        if self._current:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            paint_piece(painter, self._tail(self._current))
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.EnabledChange:
            self._ink_cache = None  # a disabled pad is drawn greyed
            self.update()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._ink_cache = None
        super().resizeEvent(event)

    def _ink(self) -> QPixmap:
        """The paper, its guides, every finished stroke and the final pieces of the stroke
        under way: rebuilt after an undo, redo or clear, otherwise painted into piece by
        piece."""
        ratio = self.devicePixelRatioF()
        if self._ink_cache is not None and self._ink_cache.devicePixelRatioF() == ratio:
            return self._ink_cache
        pixmap = QPixmap(QSize(math.ceil(self.width() * ratio), math.ceil(self.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(PAPER if self.isEnabled() else PAPER.darker(106))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_guides(painter)
        for stroke in self._strokes:
            paint_stroke(painter, stroke)
        if self._current and len(self._current) >= 3:
            for i in range(1, len(self._current) - 1):  # all but the tail
                paint_piece(painter, stroke_piece(self._current, i))
        painter.end()
        self._ink_cache = pixmap
        return pixmap

    def _paint_guides(self, painter: QPainter) -> None:
        """A baseline and an "x" at its start, as on a paper form; a hint while empty."""
        w, h = self.width(), self.height()
        base_y = round(h * 0.74)
        left, right = round(w * 0.06), round(w * 0.94)
        painter.setPen(QPen(GUIDE, 1.2))
        painter.drawLine(left, base_y, right, base_y)
        size = 12
        x0, y0 = left + 4, base_y - size - 8
        painter.setPen(QPen(GUIDE, 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(x0, y0, x0 + size, y0 + size)
        painter.drawLine(x0, y0 + size, x0 + size, y0)
        painter.setPen(QPen(GUIDE.lighter(125), 1.0))
        painter.drawRect(QRectF(0.5, 0.5, w - 1, h - 1))
        if not self._strokes:
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * 1.1)
            painter.setFont(font)
            painter.setPen(GUIDE)
            painter.drawText(QRectF(left, base_y + 6, right - left, h - base_y - 8),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             tr(SIGNATURE_CANVAS_CTX, "Skriv under over linjen"))


class SignaturePad(QWidget):
    """A signature card: who signs, in which role, what they confirm; the canvas; Ryd,
    Fortryd and Gentag. The canvas's API is repeated here so callers need not reach in."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, width: int = PAD_WIDTH,
                 height: int = PAD_HEIGHT, clock: Callable[[], int] = monotonic_ms):
        super().__init__(parent)
        self.role_label = QLabel(self)
        self.role_label.setAccessibleName(tr(SIGNATURE_PAD_CTX, "Rolle"))
        font = QFont(self.role_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.role_label.setFont(font)
        self.name_label = QLabel(self)
        self.name_label.setAccessibleName(tr(SIGNATURE_PAD_CTX, "Underskriver"))
        name_font = QFont(self.name_label.font())
        name_font.setPointSizeF(name_font.pointSizeF() * 1.15)
        self.name_label.setFont(name_font)
        self.consent_label = QLabel(self)
        self.consent_label.setWordWrap(True)
        self.consent_label.setAccessibleName(tr(SIGNATURE_PAD_CTX, "Det underskriveren bekræfter"))
        self.consent_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        consent_font = QFont(self.consent_label.font())
        consent_font.setPointSizeF(consent_font.pointSizeF() * 1.15)
        self.consent_label.setFont(consent_font)
        self.consent_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.consent_label.setStyleSheet(
            "QLabel { background: #f4f6fa; padding: 8px; border-radius: 4px; }")
        self.consent_label.setSizePolicy(QSizePolicy.Policy.Preferred,
                                         QSizePolicy.Policy.Minimum)
        self.consent_label.setMaximumWidth(width)

        self.canvas = SignatureCanvas(self, width, height, clock)
        self.canvas.changed.connect(self._update_buttons)
        self.canvas.changed.connect(self.changed)

        self.clear_button = self._button(tr(SIGNATURE_PAD_CTX, "&Ryd"), self.canvas.clear,
                                         tr(SIGNATURE_PAD_CTX, "Fjern hele underskriften"))
        self.undo_button = self._button(tr(SIGNATURE_PAD_CTX, "&Fortryd"), self.canvas.undo,
                                        tr(SIGNATURE_PAD_CTX, "Fjern den sidste streg (Ctrl+Z)"))
        self.redo_button = self._button(tr(SIGNATURE_PAD_CTX, "&Gentag"), self.canvas.redo,
                                        tr(SIGNATURE_PAD_CTX, "Sæt den fjernede streg ind igen (Ctrl+Y)"))
        # Written out: the platform's Redo binding may itself hold Ctrl+Y, and two shortcuts
        # on one key are ambiguous and then neither fires.
        for keys, slot in (("Ctrl+Z", self.canvas.undo), ("Ctrl+Y", self.canvas.redo),
                           ("Ctrl+Shift+Z", self.canvas.redo)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        header = QHBoxLayout()
        header.addWidget(self.role_label)
        header.addSpacing(12)
        header.addWidget(self.name_label, 1)
        self._button_row = buttons = QHBoxLayout()
        for button in (self.clear_button, self.undo_button, self.redo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.consent_label)
        layout.addWidget(self.canvas)
        layout.addLayout(buttons)
        self._update_buttons()

    def _button(self, text: str, slot, tip: str) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.setAccessibleName(text.replace("&", ""))
        button.setAutoDefault(False)
        button.setMinimumSize(110, 44)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def add_to_button_row(self, widget: QWidget, stretch: int = 0) -> None:
        """Put ``widget`` after Ryd, Fortryd and Gentag (a dialog's own button); a widget
        with a stretch takes the free space that otherwise follows the pad's buttons."""
        row = self._button_row
        row.insertWidget(row.count() - 1, widget, stretch)
        if stretch:
            row.setStretch(row.count() - 1, 0)

    def _update_buttons(self) -> None:
        self.clear_button.setEnabled(not self.canvas.is_empty())
        self.undo_button.setEnabled(self.canvas.can_undo())
        self.redo_button.setEnabled(self.canvas.can_redo())

    def set_signer(self, name: str, role: str, consent: str) -> None:
        """Show who signs (``name`` may still be empty), their role and their consent text."""
        self.role_label.setText(role)
        self.name_label.setText(name or tr(SIGNATURE_PAD_CTX, "(navn mangler)"))
        self.consent_label.setText(consent)

    def set_name(self, name: str) -> None:
        self.name_label.setText(name or tr(SIGNATURE_PAD_CTX, "(navn mangler)"))

    # -- the canvas's API ----------------------------------------------------------------
    def strokes(self) -> list[Stroke]:
        return self.canvas.strokes()

    def is_empty(self) -> bool:
        return self.canvas.is_empty()

    def pad_size(self) -> tuple[int, int]:
        return self.canvas.pad_size()

    def clear(self) -> None:
        self.canvas.clear()

    def undo(self) -> None:
        self.canvas.undo()

    def redo(self) -> None:
        self.canvas.redo()

    def reset(self) -> None:
        self.canvas.reset()
