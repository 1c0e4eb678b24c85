"""The one error type of the service: an HTTP status, a code and a Danish message
(sent as ``{"detail": {"code": ..., "message": ...}}``, protocol.ErrorBody).

The message is a template marked ``_N(CTX, "…")`` with ``{placeholders}``, like the rest of
the core's texts (consultant_app.text), so ``ui.i18n.update`` collects it and the catalogue
gives its English. The wire carries the Danish text (``message``) and the ``Message`` itself
(``text``, its template and parameters), which a device renders in its reader's language
(protocol, Errors). Every refusal the service writes, an error answer or a rejected
operation's result, is made by ``detail``."""

from __future__ import annotations

from typing import Any

from consultant_app.text import Message

CTX = "service"


class ServiceError(Exception):
    def __init__(self, status: int, code: str, message: str | Message, /, **params: Any):
        """``message``: a template (``_N(CTX, "Kommunen {code} findes ikke.")``) filled from
        ``params``, or a ``Message`` made elsewhere (a CSV problem keeps its own context)."""
        text = refusal_text(message, **params)
        rendered = text.render()
        super().__init__(rendered)
        self.status = status
        self.code = code
        self.text = text
        self.message = rendered

    def body(self) -> dict[str, dict[str, Any]]:
        return {"detail": detail(self.code, self.text)}


def refusal_text(template: str | Message, /, **params: Any) -> Message:
    """A refusal's text: a template marked ``_N(CTX, "…")`` filled from ``params``, or a
    ``Message`` made elsewhere (a lifecycle refusal keeps its own context)."""
    return template if isinstance(template, Message) else Message(CTX, template, params)


def detail(code: str, text: Message) -> dict[str, Any]:
    """An ErrorBody: the code, the Danish text, and the text to translate."""
    return {"code": code, "message": text.render(), "text": text.to_wire()}
