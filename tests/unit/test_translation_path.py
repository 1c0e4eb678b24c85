"""One way the desktop translates its words: ``ui.i18n.tr(CTX, "…")`` with the context named.

``QObject.tr`` takes its context from the object's class at run time, so a text written in a
base class and shown by a subclass is looked up under the subclass's name, where the
catalogue does not have it, and shown untranslated; a second spelling of
``QCoreApplication.translate`` (an alias per module, a direct call) is a second way growing
up. Both are refused outside ui/i18n, where ``tr`` is defined."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, QTranslator

from ..support.source_scan import ROOT, lines_matching


def test_the_desktop_translates_only_through_ui_i18n_tr() -> None:
    pattern = re.compile(r"\bself\.tr\(|QCoreApplication\.translate\b")
    found = [line for line in lines_matching(pattern, allowed=ROOT / "ui" / "i18n" /
                                             "__init__.py", folders=("ui",))
             if not line.startswith("ui/i18n/")]  # the catalogue's own tools speak of them
    assert not found, "\n".join(found)


class _Contexts(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[override]
        return f"[{context}] {source}"


def test_why_not_qobject_tr_a_base_class_text_is_looked_up_under_the_subclass(qapp) -> None:
    """The fact the rule above rests on (PySide6): should it ever change, the rule may go."""
    from ui.i18n import tr

    class Base(QObject):
        def qt_way(self) -> str:
            return self.tr("Gem")

        def our_way(self) -> str:
            return tr("Base", "Gem")

    class Child(Base):
        pass

    # pytest-qt's application: a bare QCoreApplication made here would be the worker's
    # application for every later test, and no widget can live beside one.
    contexts = _Contexts()
    qapp.installTranslator(contexts)
    try:
        assert Child().qt_way() == "[Child] Gem"
        assert Child().our_way() == "[Base] Gem"
    finally:
        qapp.removeTranslator(contexts)
