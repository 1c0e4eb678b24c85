"""Translations: Danish is the source language; English comes from consultant_app_en.qm.

Choice of default: the users are Danish consultants, so the program speaks Danish unless the
``ui/language`` setting says "en"; it does not follow the system locale, because a Danish
consultant on an English-language laptop should still see the Danish terms of their trade.
Qt's own strings (dialog buttons, context menus) come from Qt's shipped qtbase catalogue in the
same language.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

if TYPE_CHECKING:
    from consultant_app.text import Message

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent
CATALOGUE = "consultant_app"

_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators


def install_translator(language: str, app: QCoreApplication | None = None) -> bool:
    """Switch the application's translators to ``language`` ("da" or "en"); True when the
    program's own catalogue for it was loaded (Danish needs none)."""
    app = app or QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.English if language == "en"
                               else QLocale.Language.Danish, QLocale.Country.Denmark))
    qt_own = QTranslator()
    if qt_own.load(f"qtbase_{language}",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    if language == "da":
        return True
    ours = QTranslator()
    if not ours.load(f"{CATALOGUE}_{language}", str(I18N_DIR)):
        log.warning("no translation catalogue %s_%s in %s", CATALOGUE, language, I18N_DIR)
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    return True


def tr(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The one way the desktop translates its own words: ``text`` looked up in the
    catalogue under ``context``, always named (``tr(CTX, "…")``, with ``CTX`` a module
    constant that ``python -m ui.i18n.update`` resolves). Not ``QObject.tr``: PySide takes
    its context from the object's class at run time, so a text written in a base class
    would be looked up under each subclass's name and found under none. ``n`` chooses a
    plural form ("%n i listen")."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def translate_message(message: Message) -> str:
    """A core ``text.Message`` (its template marked with ``QT_TRANSLATE_NOOP`` in the core,
    which does not import Qt) rendered through the same translator. Here, beside the
    catalogue, so that the start (the passphrase dialog) can say why a profile did not open
    without importing the store."""
    return message.render(tr)
