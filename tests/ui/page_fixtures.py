"""Fixtures for the record pages' tests: an ``Ops`` over the seeded demo profile, and waiting
for background work. Imported by name into each test module (no shared conftest needed)."""

from __future__ import annotations

from typing import Iterator

import pytest

from ui.ops import Ops


@pytest.fixture
def ops(demo_store, qtbot) -> Iterator[Ops]:  # type: ignore[no-untyped-def]
    helper = Ops(demo_store)
    yield helper
    qtbot.waitUntil(lambda: helper.pending == 0, timeout=5000)
    helper.shutdown()


def settle(qtbot, ops: Ops) -> None:  # type: ignore[no-untyped-def]
    """Wait until every queued read and write has come back to the UI thread."""
    qtbot.waitUntil(lambda: ops.pending == 0, timeout=5000)
