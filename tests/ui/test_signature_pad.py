"""The signature pad records what is drawn with a mouse, a pen and a finger as points with
pressure and time, once each; clear, undo and redo work on whole strokes. The pad reads a
clock the tests move by hand, so the recorded times are exact and nothing sleeps."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.support.clock import ManualClock
from ui.widgets.signature_pad import MOUSE_PRESSURE, SignaturePad

SHOTS = Path(os.environ.get("SCREENSHOT_DIR", Path(__file__).resolve().parents[2]
                            / "var" / "screenshots"))


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def pad(qtbot, clock: ManualClock) -> SignaturePad:  # type: ignore[no-untyped-def]
    widget = SignaturePad(clock=clock)
    widget.set_signer("Lone Bager", "Virksomheden", "Jeg bekræfter at oplysningerne er rigtige.")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def draw(canvas, points: list[tuple[int, int]], clock: ManualClock | None = None,  # type: ignore[no-untyped-def]
         pause_ms: int = 2) -> None:
    """One mouse stroke through ``points`` (press at the first, release at the last), the
    clock moved on ``pause_ms`` before each move."""
    first = QPoint(*points[0])
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, first)
    for x, y in points[1:]:
        if clock is not None:
            clock.advance(pause_ms)
        QApplication.processEvents()  # paints between moves, as a real hand's pace gives
        QTest.mouseMove(canvas, QPoint(x, y))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(*points[-1]))


def zigzag(x0: int, y0: int, n: int = 12, dx: int = 14, dy: int = 30) -> list[tuple[int, int]]:
    return [(x0 + i * dx, y0 + (dy if i % 2 else 0)) for i in range(n)]


def pen() -> QPointingDevice:
    return QPointingDevice("test pen", 4711, QInputDevice.DeviceType.Stylus,
                           QPointingDevice.PointerType.Pen,
                           QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
                           1, 3)


def tablet(canvas, kind: QEvent.Type, device: QPointingDevice, pos: QPointF,  # type: ignore[no-untyped-def]
           pressure: float) -> QTabletEvent:
    buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease \
        else Qt.MouseButton.LeftButton
    event = QTabletEvent(kind, device, pos, QPointF(canvas.mapToGlobal(pos)), pressure,
                         0.0, 0.0, 0.0, 0.0, 0.0, Qt.KeyboardModifier.NoModifier,
                         Qt.MouseButton.LeftButton, buttons)
    event.setAccepted(False)
    QApplication.sendEvent(canvas, event)
    return event


def test_a_mouse_stroke_is_recorded_as_points_with_rising_times(pad, clock) -> None:
    path = zigzag(60, 80)
    changes = []
    pad.changed.connect(lambda: changes.append(1))
    draw(pad.canvas, path, clock, pause_ms=3)
    strokes = pad.strokes()
    assert len(strokes) == 1 and changes == [1]
    stroke = strokes[0]
    assert [(round(x), round(y)) for x, y, _, _ in stroke] == path
    assert all(p == MOUSE_PRESSURE for _, _, p, _ in stroke)
    # The release lands where the last move did: it adds no point.
    assert [t for *_, t in stroke] == [3 * i for i in range(len(path))]
    assert pad.pad_size() == (pad.canvas.width(), pad.canvas.height())


def test_times_count_from_the_first_point_of_the_whole_signature(pad, clock) -> None:
    draw(pad.canvas, zigzag(60, 80, n=5), clock)
    clock.advance(20)
    draw(pad.canvas, zigzag(300, 80, n=5), clock)
    first, second = pad.strokes()
    assert [t for *_, t in first] == [0, 2, 4, 6, 8]
    assert [t for *_, t in second] == [28, 30, 32, 34, 36]


def test_times_start_again_after_the_pad_is_cleared(pad, clock) -> None:
    draw(pad.canvas, zigzag(60, 80, n=3), clock)
    pad.clear()
    clock.advance(500)
    draw(pad.canvas, zigzag(60, 80, n=3), clock)
    assert [t for *_, t in pad.strokes()[0]] == [0, 2, 4]


def test_points_dragged_off_the_pad_are_kept_on_its_edge(pad, qtbot) -> None:
    width, height = pad.pad_size()
    draw(pad.canvas, [(20, 20), (60, 40), (width + 50, height + 50)])
    *_, last = pad.strokes()[0]
    assert last[:2] == (width - 1, height - 1)


def test_clear_undo_and_redo_work_on_whole_strokes(pad, qtbot) -> None:
    assert pad.is_empty() and not pad.undo_button.isEnabled()
    draw(pad.canvas, zigzag(40, 60, n=6))
    draw(pad.canvas, zigzag(300, 60, n=6))
    one, two = pad.strokes()
    qtbot.mouseClick(pad.undo_button, Qt.MouseButton.LeftButton)
    assert pad.strokes() == [one] and pad.redo_button.isEnabled()
    qtbot.mouseClick(pad.redo_button, Qt.MouseButton.LeftButton)
    assert pad.strokes() == [one, two] and not pad.redo_button.isEnabled()
    qtbot.mouseClick(pad.clear_button, Qt.MouseButton.LeftButton)
    assert pad.is_empty() and not pad.clear_button.isEnabled()
    pad.undo()  # a clear can be taken back
    assert pad.strokes() == [one, two]
    pad.undo()
    draw(pad.canvas, zigzag(500, 60, n=4))  # a new stroke ends the redo history
    assert len(pad.strokes()) == 2 and not pad.redo_button.isEnabled()


def test_the_buttons_answer_to_the_keyboard(pad, qtbot) -> None:
    draw(pad.canvas, zigzag(40, 60, n=6))
    draw(pad.canvas, zigzag(300, 60, n=6))
    pad.undo_button.setFocus()
    QTest.keyClick(pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(pad.strokes()) == 1
    QTest.keyClick(pad, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(pad.strokes()) == 2
    pad.undo()
    QTest.keyClick(pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert len(pad.strokes()) == 2
    for button in (pad.clear_button, pad.undo_button, pad.redo_button):
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert button.text().startswith("&")
    pad.clear_button.setFocus()
    QTest.keyClick(pad.clear_button, Qt.Key.Key_Space)
    assert pad.is_empty()


def test_a_right_click_draws_nothing(pad, qtbot) -> None:
    QTest.mouseClick(pad.canvas, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(50, 50))
    assert pad.is_empty()


def test_a_pen_stroke_keeps_its_pressure_and_is_not_recorded_twice(pad, clock) -> None:
    canvas, device = pad.canvas, pen()
    pressures = [0.2, 0.35, 0.5, 0.7, 0.9, 0.6]
    events = [tablet(canvas, QEvent.Type.TabletPress, device, QPointF(100, 100), pressures[0])]
    for i, pressure in enumerate(pressures[1:], start=1):
        clock.advance(2)
        QApplication.processEvents()
        events.append(tablet(canvas, QEvent.Type.TabletMove, device,
                             QPointF(100 + 20 * i, 100 + 5 * i), pressure))
    events.append(tablet(canvas, QEvent.Type.TabletRelease, device, QPointF(200, 125), 0.0))
    QApplication.processEvents()
    assert all(e.isAccepted() for e in events)
    strokes = pad.strokes()
    assert len(strokes) == 1, "a mouse stroke was synthesised from the pen"
    stroke = strokes[0]
    assert [p for _, _, p, _ in stroke[:6]] == pressures
    assert [t for *_, t in stroke] == [0, 2, 4, 6, 8, 10]
    # the real mouse still draws after the pen
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(20, 20))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(40, 30))
    assert len(pad.strokes()) == 2


def test_an_eraser_draws_nothing(pad) -> None:
    canvas = pad.canvas
    eraser = QPointingDevice("test eraser", 4712, QInputDevice.DeviceType.Stylus,
                             QPointingDevice.PointerType.Eraser,
                             QInputDevice.Capability.Position, 1, 1)
    event = tablet(canvas, QEvent.Type.TabletPress, eraser, QPointF(50, 50), 0.5)
    tablet(canvas, QEvent.Type.TabletRelease, eraser, QPointF(80, 50), 0.0)
    assert event.isAccepted() and pad.is_empty()


def test_a_finger_draws_and_a_second_finger_does_not(pad, clock) -> None:
    canvas = pad.canvas
    device = QTest.createTouchDevice()
    QTest.touchEvent(canvas, device).press(0, QPoint(50, 60), canvas).commit()
    for i in range(1, 6):
        clock.advance(2)
        QApplication.processEvents()
        sequence = QTest.touchEvent(canvas, device).move(0, QPoint(50 + 25 * i, 60 + 4 * i),
                                                         canvas)
        if i == 3:
            sequence.press(1, QPoint(400, 200), canvas)
        elif i > 3:
            sequence.move(1, QPoint(400 + i, 200), canvas)
        sequence.commit()
    QTest.touchEvent(canvas, device).release(0, QPoint(175, 80), canvas) \
        .release(1, QPoint(406, 200), canvas).commit()
    QApplication.processEvents()
    strokes = pad.strokes()
    assert len(strokes) == 1
    xs = [round(x) for x, _, _, _ in strokes[0]]
    assert xs == [50, 75, 100, 125, 150, 175]
    assert [t for *_, t in strokes[0]] == [0, 2, 4, 6, 8, 10]
    assert all(x < 400 for x in xs)


def test_the_pad_renders_like_a_paper_form(pad, qtbot) -> None:
    canvas = pad.canvas
    device = pen()
    tablet(canvas, QEvent.Type.TabletPress, device, QPointF(90, 150), 0.1)
    for i in range(1, 40):
        x = 90 + i * 12
        y = 150 - 40 * abs(((i % 8) - 4) / 4) + (i % 3) * 4
        tablet(canvas, QEvent.Type.TabletMove, device, QPointF(x, y), min(1.0, 0.1 + i / 30))
    tablet(canvas, QEvent.Type.TabletRelease, device, QPointF(560, 150), 0.0)
    draw(canvas, [(120, 110), (160, 100), (200, 115)])
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / "signature-pad.png"
    assert pad.grab().save(str(path))
    image = canvas.grab().toImage()
    inked = [image.pixelColor(x, y) for x in range(100, 560, 2) for y in range(60, 180, 2)]
    assert sum(1 for c in inked if c.red() < 90 and c.blue() > c.red()) > 100, "no ink"
    assert image.pixelColor(canvas.width() - 5, 5).lightness() > 250  # paper stays blank


def test_drawing_piece_by_piece_gives_the_picture_the_strokes_redraw_to(pad, qtbot) -> None:
    """The pad paints each new piece once instead of the whole stroke on every move; the
    picture must be the one a full redraw from the recorded points gives (after an undo,
    say)."""
    canvas = pad.canvas
    draw(canvas, [(80, 40), (84, 40)])  # the first stroke redraws (the hint goes)
    canvas.repaint()
    draw(canvas, zigzag(60, 90, n=20, dx=20, dy=50))
    incremental = canvas.grab().toImage()
    pad.undo()
    pad.redo()
    redrawn = canvas.grab().toImage()
    assert incremental == redrawn
