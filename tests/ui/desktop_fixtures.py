"""Fixtures for the desktop's tests: settings in a temporary ini file (never the user's) and
a main window over the seeded demo profile. Imported by name into each test module."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterator

import pytest
from PySide6.QtCore import QSettings

from consultant_app import services
from consultant_app.store import Store
from ui.main_window import MainWindow
from ui.ops import Ops
from ui.settings import Settings

from .page_fixtures import ops, settle  # noqa: F401 - fixtures used by name


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_file: Path) -> Settings:
    return Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))


@pytest.fixture
def window(ops: Ops, settings: Settings, qtbot) -> Iterator[MainWindow]:  # noqa: F811
    win = MainWindow(ops, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


def make_employer(store: Store, name: str = "Testvirksomhed ApS", cvr: str = "13585628",
                  **extra: object) -> str:
    with store.write() as s:
        return services.create_employer(s, {"name": name, "cvr": cvr, **extra}).id


def log_visit(store: Store, employer_id: str, **data: object) -> str:
    with store.write() as s:
        return services.log_visit(s, employer_id, data).id


TODAY = dt.date.today()
