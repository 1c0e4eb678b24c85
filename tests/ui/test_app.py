"""Starting the program: the passphrase, and a Danish message for each way opening fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultant_app.store import Store
from ui import app as app_module
from ui.app import PassphraseDialog, open_store

from ..conftest import PASSPHRASE


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

    def ask(_profile: Path, problem: str = "") -> str | None:
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
