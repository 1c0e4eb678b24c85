"""The console's language: Danish is the source text, English comes from the project's one
catalogue (ui/i18n/consultant_app_en.ts, compiled to .qm), as in the desktop.

Python code marks its texts ``_N(CTX, "…")`` like the rest of the core; the templates call
``_("…")``, which ``ui.i18n.update`` collects under the context ``console`` (CTX). The compiled
catalogue is read with QtCore's QTranslator (no widgets, no application object), the same
lookup the desktop makes. The chosen language is a cookie, so no server state."""

from __future__ import annotations

import functools
from pathlib import Path

from consultant_app.text import QT_TRANSLATE_NOOP as _N  # noqa: F401 - re-exported marker

CTX = "console"
LANGUAGES = ("da", "en")
LANG_COOKIE = "console_lang"
QM_FILE = Path(__file__).resolve().parents[3] / "ui" / "i18n" / "consultant_app_en.qm"


@functools.lru_cache(maxsize=1)
def _english():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTranslator
    translator = QTranslator()
    translator.load(str(QM_FILE))
    return translator


class Translator:
    """``translate(text)`` in the console's context, or ``(context, text)`` for the core's
    messages (``Message.render(translator.pair)``)."""

    def __init__(self, lang: str):
        self.lang = lang if lang in LANGUAGES else "da"

    def pair(self, context: str, text: str) -> str:
        if self.lang == "da":
            return text
        found = _english().translate(context, text)
        return found or text

    def __call__(self, text: str) -> str:
        return self.pair(CTX, text)
