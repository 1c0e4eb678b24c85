"""How far a sync phase has come and how long the rest will take: records done, records left
and time left, for the terminal's progress bar and the desktop's.

The time left is the rate so far applied to what is left, measured from the first report of
the phase on (the wait for the first page is the network's, not the pace of the rest).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message

CTX = "sync"


@dataclass(frozen=True)
class PhaseProgress:
    phase: str
    done: int
    total: int | None = None            # None: the service did not say
    seconds_left: float | None = None   # None: not known yet

    @property
    def left(self) -> int | None:
        return None if self.total is None else max(0, self.total - self.done)


class ProgressClock:
    """Turns ``(phase, done, total)`` reports into ``PhaseProgress`` with a time left."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self._phase = ""
        self._start: tuple[float, int] = (0.0, 0)

    def report(self, phase: str, done: int, total: int | None) -> PhaseProgress:
        now = self._clock()
        if phase != self._phase:
            self._phase = phase
            self._start = (now, done)
            return PhaseProgress(phase, done, total)
        started, done_then = self._start
        seconds_left = None
        if total is not None and done > done_then and now > started:
            rate = (done - done_then) / (now - started)
            seconds_left = max(0, total - done) / rate
        return PhaseProgress(phase, done, total, seconds_left)


def count_text(n: int) -> str:
    """A count as a Danish reader writes it: 140.000."""
    return f"{n:,}".replace(",", ".")


def duration_text(seconds: float) -> Message:
    """A time left, rounded as far as the estimate deserves: seconds, minutes, hours."""
    if seconds < 60:
        return Message(CTX, _N(CTX, "{n} sek."), {"n": max(1, round(seconds))})
    minutes = round(seconds / 60)
    if minutes < 60:
        return Message(CTX, _N(CTX, "{n} min."), {"n": minutes})
    return Message(CTX, _N(CTX, "{h} t. {m} min."), {"h": minutes // 60, "m": minutes % 60})


def progress_text(progress: PhaseProgress) -> Message:
    """Records done, records left and time left, as far as they are known (the phase's
    name says what is counted)."""
    done = count_text(progress.done)
    if progress.total is None:
        return Message(CTX, "{done}", {"done": done})
    left, total = count_text(progress.left or 0), count_text(progress.total)
    if progress.seconds_left is None:
        return Message(CTX, _N(CTX, "{done} af {total} · {left} tilbage"),
                       {"done": done, "total": total, "left": left})
    return Message(CTX, _N(CTX, "{done} af {total} · {left} tilbage · ca. {time} tilbage"),
                   {"done": done, "total": total, "left": left,
                    "time": duration_text(progress.seconds_left)})
