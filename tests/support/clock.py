"""A clock a test moves by hand, for code that takes one instead of reading the time itself."""

from __future__ import annotations


class ManualClock:
    """Whole milliseconds that pass only when the test says so: ``clock()`` reads, ``advance``
    moves it on."""

    def __init__(self, start_ms: int = 1_000_000) -> None:
        self.now_ms = start_ms

    def __call__(self) -> int:
        return self.now_ms

    def advance(self, ms: int) -> None:
        assert ms >= 0, "a monotonic clock does not go back"
        self.now_ms += ms
