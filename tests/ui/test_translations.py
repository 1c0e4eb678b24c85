"""Translations: the English catalogue covers every string in the code, and switching the
language setting to English shows English navigation."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from ui.i18n import install_translator
from ui.i18n.update import TS_FILE, run_lupdate
from ui.main_window import MainWindow


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(ctx.findtext("name") or "", msg.findtext("source") or ""): msg.find("translation")
            for ctx in root.iter("context") for msg in ctx.iter("message")}


def test_catalogue_translates_every_string_in_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    run_lupdate(fresh)  # from the code as it is now, without the shipped translations
    shipped = messages(TS_FILE)
    missing = []
    for key in messages(fresh):
        translation = shipped.get(key)
        if (translation is None or translation.get("type") in ("unfinished", "vanished")
                or not "".join(translation.itertext()).strip()):
            missing.append(key)
    assert not missing, f"{len(missing)} strings lack an English translation " \
                        f"(run `make translations` and translate them): {missing[:10]}"


@pytest.fixture
def english():  # type: ignore[no-untyped-def]
    assert install_translator("en")
    yield
    install_translator("da")


def test_english_setting_shows_english_navigation(english, ops, settings, qtbot) -> None:
    settings.set("ui/language", "en")
    window = MainWindow(ops, settings)
    qtbot.addWidget(window)
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels[:2] == ["Today", "Employers"]
    assert "Offline" in window.sync_label.text()
    qtbot.waitUntil(lambda: window.outbox_label.text().startswith("Changes waiting"))


def test_danish_is_the_default_language(settings) -> None:
    assert settings.language == "da"


def test_switching_language_keeps_one_language_until_the_restart_it_offers(
        ops, settings, qtbot, monkeypatch) -> None:
    """No mixed window: the choice is saved, nothing changes language until the program
    starts again, and the restart is offered (accepted here: the window asks to restart)."""
    from ui.main_window import LanguageRestart
    asked: list[bool] = []
    monkeypatch.setattr(LanguageRestart, "ask", classmethod(
        lambda cls, parent: asked.append(True) or True))
    window = MainWindow(ops, settings)
    qtbot.addWidget(window)
    english = next(a for a in window.findChildren(QAction) if a.text() == "English")
    with qtbot.waitSignal(window.restart_requested, timeout=2000):
        english.trigger()
    assert asked and settings.language == "en"
    # Whatever opens after the switch speaks the window's language, not a second one.
    dialog = window.pages["agreements"].rule_book()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Regelbog"
    assert QCoreApplication.translate("MainWindow", "&Filer") == "&Filer"
    # The restart builds the window in the new language.
    install_translator(settings.language)
    try:
        again = MainWindow(ops, settings)
        qtbot.addWidget(again)
        assert again.nav.item(0).text() == "Today"
    finally:
        install_translator("da")


def test_a_sync_error_is_shown_in_english_in_the_status_bar_and_on_the_sync_page(
        english, ops, settings, qtbot) -> None:
    """The sync's errors travel as messages and are translated where they are shown: an
    English window says why the sync failed in English, once on the Sync page."""
    import datetime as dt

    from sync.client.errors import ServerUnreachable
    from sync.client.runner import SyncStatus, unexpected_sync_error

    window = MainWindow(ops, settings)
    qtbot.addWidget(window)
    page = window.show_page("sync")
    status = SyncStatus(enrolled=True, online=False, error_kind="unreachable",
                        last_success=dt.datetime(2026, 11, 26, 8, 0),
                        last_error=ServerUnreachable("https://central.example").message)
    window.show_sync_status(status)
    page.show_status(status)
    english_text = "The central service is not answering right now."
    assert english_text in window.sync_label.toolTip()
    assert "svarer ikke" not in window.sync_label.toolTip()
    assert page.error.text().startswith("Latest error: " + english_text)
    assert english_text not in page.state.text()  # the error is shown once, below the state
    defect = SyncStatus(enrolled=True, error_kind="unexpected",
                        last_error=unexpected_sync_error(RuntimeError("defect")))
    page.show_status(defect)
    assert page.error.text() == ("Latest error: The sync failed unexpectedly; the error is "
                                 "written to the log. (RuntimeError)")


def test_every_translation_keeps_its_sources_placeholders() -> None:
    """A translation that names a parameter its source does not pass would raise when an
    English reader's text is formatted (a KeyError in front of the user), and one that drops
    a parameter loses what the message is about. ``{{`` is a brace, not a placeholder."""
    placeholder = re.compile(r"(?<!{){(\w*)}(?!})|%n")
    wrong = []
    for (context, source), translation in messages(TS_FILE).items():
        text = "".join(translation.itertext()) if translation is not None else ""
        if translation is None or not text:
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [text]
        for form in forms:
            if sorted(placeholder.findall(form)) != sorted(placeholder.findall(source)):
                wrong.append((context, source, form))
    assert not wrong, wrong[:10]
