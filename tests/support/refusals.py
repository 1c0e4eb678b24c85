"""The service's error answers as a device reads them (protocol, Errors)."""

from __future__ import annotations

from typing import Any

import httpx

from consultant_app.text import Message


def refusal(response: httpx.Response) -> dict[str, Any]:
    """The ``detail`` of an error answer, checked to be the protocol's ErrorBody: a code,
    the Danish message, and the same message as a template a device can render in its
    reader's language (``Message.from_wire``), which gives back exactly the Danish words."""
    body = response.json()
    assert isinstance(body, dict) and set(body) == {"detail"}, response.text
    detail = body["detail"]
    assert set(detail) == {"code", "message", "text"}, response.text
    text = Message.from_wire(detail["text"])
    assert text is not None and text.render() == detail["message"], response.text
    assert "Traceback" not in response.text
    return detail
