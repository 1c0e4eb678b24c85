"""Fixtures of the desktop's tests: an ``Ops`` over a real profile, settings in a temporary ini
file (never the user's), a main window, and the parties of an agreement.

``ops`` works on the seeded demo profile (``demo_store``); a module marked
``pytest.mark.empty_profile`` gets it over the empty profile (``store``) instead, for tests
that make every record they look at themselves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tests.support.wizard import Parties, seed_parties
from ui.main_window import MainWindow
from ui.ops import Ops
from ui.settings import Settings


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "empty_profile: the ops fixture works on an empty profile, not the demo's")


@pytest.fixture
def ops(request: pytest.FixtureRequest, qtbot) -> Iterator[Ops]:  # type: ignore[no-untyped-def]
    empty = request.node.get_closest_marker("empty_profile") is not None
    helper = Ops(request.getfixturevalue("store" if empty else "demo_store"))
    yield helper
    qtbot.waitUntil(lambda: helper.pending == 0, timeout=10000)
    helper.shutdown()


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_file: Path) -> Settings:
    return Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))


@pytest.fixture
def window(ops: Ops, settings: Settings, qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(ops, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


@pytest.fixture
def parties(demo_store) -> Parties:  # type: ignore[no-untyped-def]
    """An agreed match at an employer, its vacancy starting in two weeks."""
    return seed_parties(demo_store, dt.date.today() + dt.timedelta(days=14))
