"""Starting the program: the passphrase, and a Danish message for each way opening fails."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from consultant_app.store import Store
from tests.support.profiles import PASSPHRASE
from ui import app as app_module
from ui.app import PassphraseDialog, StartWindow, open_program, open_store
from ui.main_window import MainWindow
from ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def shown(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    messages: list[str] = []
    monkeypatch.setattr(app_module.QMessageBox, "critical",
                        lambda _parent, _title, text: messages.append(text))
    return messages


def test_wrong_passphrase_asks_again_with_the_reason(store: Store, qtbot, monkeypatch) -> None:
    profile = store.profile_dir
    store.close()
    asked: list[str] = []
    answers = iter(["forkert", PASSPHRASE])

    def ask(_profile: Path, problem: str = "", _parent: object = None) -> str | None:
        asked.append(problem)
        return next(answers)
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, *a, **k: ask(*a, **k)))
    opened = open_store(profile, None)
    assert opened is not None
    opened.close()
    assert asked[0] == "" and "Forkert adgangskode" in asked[1]


def test_cancelling_the_passphrase_ends_the_start(store: Store, monkeypatch) -> None:
    store.close()
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, *a, **k: None))
    assert open_store(store.profile_dir, None) is None


def test_profile_open_elsewhere_is_explained_in_danish(store: Store, shown, qtbot) -> None:
    assert open_store(store.profile_dir, PASSPHRASE) is None
    assert "allerede åben" in shown[0]


def test_corrupt_profile_is_explained_in_danish(tmp_path: Path, shown, qtbot) -> None:
    profile = tmp_path / "broken"
    profile.mkdir()
    (profile / "profile.sqlite3").write_bytes(b"this is not a database at all" * 10)
    assert open_store(profile, PASSPHRASE) is None
    assert "beskadiget" in shown[0]


def test_passphrase_dialog_hides_what_is_typed(qtbot) -> None:
    dialog = PassphraseDialog(Path("/tmp/profil"), "Forkert adgangskode.")
    qtbot.addWidget(dialog)
    assert dialog.field.echoMode() == dialog.field.EchoMode.Password
    assert dialog.problem.text() == "Forkert adgangskode."


def test_the_window_keeps_painting_while_the_profile_opens(store: Store, qtbot) -> None:
    """The key derivation and the store's imports run off the UI thread: events queued
    before the open are handled during it, not after (a frozen window would not)."""
    profile = store.profile_dir
    store.close()
    handled: list[bool] = []
    QTimer.singleShot(0, lambda: handled.append(opened_yet is None))
    opened_yet = None
    opened_yet = open_store(profile, PASSPHRASE)
    assert opened_yet is not None
    opened_yet.close()
    assert handled == [True]


def test_start_window_first_then_the_main_window_in_its_place(
        store: Store, settings: Settings, qtbot) -> None:
    profile = store.profile_dir
    store.close()
    start = StartWindow(settings)
    qtbot.addWidget(start)
    start.show()
    assert "Åbner profilen" in start.label.text()
    opened = open_program(profile, PASSPHRASE, settings, start)
    assert opened is not None
    opened_store, ops, window = opened
    qtbot.addWidget(window)
    try:
        assert isinstance(window, MainWindow) and window.isVisible()
        assert not start.isVisible()
        assert window.page_keys()[:1] == ["today"]
    finally:
        window.close()
        ops.shutdown()
        opened_store.close()


def test_cancelling_at_the_start_window_closes_it(store: Store, settings: Settings, qtbot,
                                                   monkeypatch) -> None:
    store.close()
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, *a, **k: None))
    start = StartWindow(settings)
    qtbot.addWidget(start)
    start.show()
    assert open_program(store.profile_dir, None, settings, start) is None
    assert not start.isVisible()


def test_the_passphrase_is_asked_while_the_profile_modules_import_and_the_profile_opens_after(
        store: Store, settings: Settings, qtbot, monkeypatch) -> None:
    """The store's and the first page's modules are imported behind the passphrase dialog
    (a stand-in import here, held until the right passphrase is typed); a wrong passphrase is
    told without waiting for them, and the store opens once they are done."""
    profile = store.profile_dir
    store.close()
    importing, release = threading.Event(), threading.Event()
    events: list[str] = []
    real_warm = app_module._warm_imports

    def held_import(first_page: str = "", rest: bool = False) -> None:
        if not rest:
            importing.set()
            release.wait(timeout=60)  # a guard against a hang, not a measured time
            events.append("imported")
        real_warm(first_page, rest)
    monkeypatch.setattr(app_module, "_warm_imports", held_import)
    real_open = Store.open.__func__  # type: ignore[attr-defined]

    def recorded_open(cls, *args, **kwargs):  # type: ignore[no-untyped-def]
        events.append("opened")
        return real_open(cls, *args, **kwargs)
    monkeypatch.setattr(Store, "open", classmethod(recorded_open))

    answers = iter(["forkert", PASSPHRASE])
    seen: list[tuple[str, bool, bool, bool]] = []

    def answer_the_dialog() -> None:  # as a user types
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PassphraseDialog) or dialog.property("answered"):
            return
        dialog.setProperty("answered", True)
        importing.wait(timeout=30)  # the worker is on its way there; a guard, not a measure
        seen.append((dialog.problem.text(), start.isVisible(), importing.is_set(),
                     "imported" in events))
        answer = next(answers)
        if answer == PASSPHRASE:
            release.set()
        qtbot.keyClicks(dialog.field, answer)
        dialog.accept()
    typing = QTimer()
    typing.timeout.connect(answer_the_dialog)
    typing.start(10)

    start = StartWindow(settings)
    qtbot.addWidget(start)
    start.show()
    opened = open_program(profile, None, settings, start)
    typing.stop()
    assert opened is not None
    opened_store, ops, window = opened
    qtbot.addWidget(window)
    try:
        # asked over the start window while the import runs; told of the wrong passphrase
        # while it still runs
        assert seen[0] == ("", True, True, False)
        assert "Forkert adgangskode" in seen[1][0] and seen[1][2:] == (True, False)
        assert events == ["imported", "opened"]
        assert isinstance(window, MainWindow) and window.isVisible()
    finally:
        window.close()
        ops.shutdown()
        opened_store.close()


def test_the_gui_command_reaches_the_window_before_the_store_is_imported(tmp_path: Path) -> None:
    """``consultant-app gui``: the command line hands over to the desktop's start (which
    shows its window, then imports the store behind it) without importing the store or
    SQLAlchemy itself; a stand-in for that start records what was imported by then."""
    code = (
        "import sys\n"
        "import ui.app\n"
        "seen = []\n"
        "ui.app.run_app = lambda profile, passphrase: seen.append(sorted(\n"
        "    m for m in ('sqlalchemy', 'consultant_app.store') if m in sys.modules)) or 0\n"
        "from consultant_app.cli import main\n"
        "try:\n"
        "    main(['--profile', sys.argv[1], 'gui'])\n"
        "except SystemExit as exc:\n"
        "    print(exc.code, seen)\n")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "profile")],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.stdout.strip() == "0 [[]]", done.stdout + done.stderr
