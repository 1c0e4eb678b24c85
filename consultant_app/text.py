"""User-visible text of the core.

The core does not import Qt, yet its messages must go through Qt's translation system in the
UI. Each message template is therefore written inside ``QT_TRANSLATE_NOOP(context, text)``:
pyside6-lupdate finds the literal by that name, the core formats the Danish source text for the
CLI and logs, and the UI looks the same template up with ``QCoreApplication.translate`` before
formatting. One place where user-visible text becomes a string: ``Message.render``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it here."""
    return text


Translator = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Message:
    """A translatable template with its parameters (Danish source text)."""

    context: str
    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, translate: Translator = _identity) -> str:
        """The text in the translator's language; a parameter that is itself a ``Message``
        (a finding's text inside a caveat) is rendered with the same translator."""
        params = {k: v.render(translate) if isinstance(v, Message) else v
                  for k, v in self.params.items()}
        return translate(self.context, self.template).format(**params)

    def __str__(self) -> str:
        return self.render()
