"""The body limits and the token check that come before a request body is read (protocol,
"Limits"), as one ASGI middleware in front of the app.

For a request that carries a body (POST, PUT, PATCH) under the API prefix:
1. the token is checked first (except for enrollment, which has none): a request without a
   valid token is answered 401/410 and its body is never read, however large;
2. a ``Content-Length`` over the limit is answered 413 at once, without reading;
3. otherwise the body is counted as it arrives (also chunked, without ``Content-Length``)
   and the request is cut off with 413 the moment it passes the limit.
Answers are the protocol's error body (``errors.detail``).
"""

from __future__ import annotations

import json
from typing import Any

import anyio.to_thread
from sqlalchemy import Engine
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from consultant_app.text import QT_TRANSLATE_NOOP as _N

from ..protocol import API_PREFIX, MAX_BODY_BYTES, MAX_ENROLL_BODY_BYTES
from . import auth
from .errors import CTX, ServiceError, detail, refusal_text

ENROLL_PATH = f"{API_PREFIX}/enroll"
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` when a body passes its limit. An HTTPException, so FastAPI's
    body reading passes it on (it turns other errors into 400) and the 413 is answered."""

    def __init__(self, limit: int):
        super().__init__(413, detail=_too_large(limit))


def _too_large(limit: int) -> dict[str, Any]:
    return detail("too_large", refusal_text(
        _N(CTX, "Forespørgslen er for stor: højst {limit} byte."), limit=limit))


async def _answer(send: Send, status: int, error: dict[str, Any]) -> None:
    body = json.dumps({"detail": error}, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode("ascii")),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


class BodyGuard:
    def __init__(self, app: ASGIApp, engine: Engine):
        self.app = app
        self.engine = engine

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        enrolling = path.rstrip("/") == ENROLL_PATH
        limit = MAX_ENROLL_BODY_BYTES if enrolling else MAX_BODY_BYTES
        if path.startswith(API_PREFIX) and not enrolling:
            try:
                await anyio.to_thread.run_sync(auth.authenticate, self.engine,
                                               headers.get("authorization"))
            except ServiceError as exc:
                await _answer(send, exc.status, exc.body()["detail"])
                return
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                await _answer(send, 422, detail("invalid", refusal_text(
                    _N(CTX, "Feltet 'Content-Length' er ikke et helt tal."))))
                return
            if int(declared) > limit:
                await _answer(send, 413, _too_large(limit))
                return

        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge:
            if started:
                raise
            await _answer(send, 413, _too_large(limit))


def install(app: Any, engine: Engine) -> None:
    """Put the guard in front of ``app`` (a FastAPI app), checking tokens in ``engine``."""
    app.add_middleware(BodyGuard, engine=engine)
