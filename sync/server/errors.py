"""The one error type of the service: an HTTP status, a code and a Danish message
(sent as ``{"detail": {"code": ..., "message": ...}}``, protocol.ErrorBody).

The message is a template marked ``_N(CTX, "…")`` with ``{placeholders}``, like the rest of
the core's texts (consultant_app.text), so ``ui.i18n.update`` collects it and the catalogue
gives its English. The wire carries the Danish text (``message``); ``text`` is the
translatable ``Message`` for a reader who chose another language."""

from __future__ import annotations

from typing import Any

from consultant_app.text import Message

CTX = "service"


class ServiceError(Exception):
    def __init__(self, status: int, code: str, message: str | Message, /, **params: Any):
        """``message``: a template (``_N(CTX, "Kommunen {code} findes ikke.")``) filled from
        ``params``, or a ``Message`` made elsewhere (a CSV problem keeps its own context)."""
        text = message if isinstance(message, Message) else Message(CTX, message, params)
        rendered = text.render()
        super().__init__(rendered)
        self.status = status
        self.code = code
        self.text = text
        self.message = rendered

    def body(self) -> dict[str, dict[str, str]]:
        return {"detail": {"code": self.code, "message": self.message}}
