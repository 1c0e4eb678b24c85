"""Hardening at the door: failed-attempt lockout, answers never cached, slow bodies cut off,
and every refusal in the one error shape with a Danish message naming the field.

Lockout (``Throttle``, the ``limits`` library, moving windows): a client address that has
given ``ENROLL_FAILURES`` wrong enrollment codes, or ``TOKEN_FAILURES`` unknown device tokens,
within the window is refused with 429 and ``Retry-After`` until its oldest failure leaves
the window, before the database is asked. The counters live in the storage named by
``CONSULTANT_SERVER_RATE_LIMIT_STORAGE`` (a ``limits`` storage URI): ``memory://`` by default,
which is per process, so N instances behind a load balancer allow N times the attempts; give
every instance the same shared storage (``redis://host:6379``, ``memcached://...``) to count
once. Behind a proxy, serve with uvicorn's ``--forwarded-allow-ips`` so the client address is
the device's and not the proxy's.
"""

from __future__ import annotations

import asyncio
import math
import os
import time
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from limits import parse, storage, strategies
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message as TextMessage
from consultant_app.text import verbatim

from ..protocol import ProtocolProblem
from .errors import CTX, ServiceError, detail, refusal_text

RATE_LIMIT_STORAGE_ENV = "CONSULTANT_SERVER_RATE_LIMIT_STORAGE"
ENROLL_FAILURES = "10/15 minutes"
TOKEN_FAILURES = "30/15 minutes"
BODY_TIMEOUT_ENV = "CONSULTANT_SERVER_BODY_TIMEOUT"
BODY_TIMEOUT = 30.0  # seconds between two chunks of a request body (default)


class Throttle:
    """Failed attempts per client address, and the lockout they lead to."""

    def __init__(self, storage_uri: str | None = None):
        uri = storage_uri or os.environ.get(RATE_LIMIT_STORAGE_ENV) or "memory://"
        self._limiter = strategies.MovingWindowRateLimiter(storage.storage_from_string(uri))
        self._items = {"enroll": parse(ENROLL_FAILURES), "token": parse(TOKEN_FAILURES)}

    def check(self, kind: str, client: str) -> None:
        """429 while ``client`` is locked out of ``kind`` ("enroll" or "token")."""
        item = self._items[kind]
        if self._limiter.test(item, kind, client):
            return
        reset = self._limiter.get_window_stats(item, kind, client).reset_time
        wait = max(1, math.ceil(reset - time.time()))
        template = (_N(CTX, "For mange forkerte tilmeldingskoder fra denne adresse. Prøv "
                            "igen om {minutes} minutter.") if kind == "enroll" else
                    _N(CTX, "For mange forkerte adgangsnøgler fra denne adresse. Prøv igen "
                            "om {minutes} minutter."))
        raise LockedOut(template, wait, minutes=math.ceil(wait / 60))

    def failed(self, kind: str, client: str) -> None:
        self._limiter.hit(self._items[kind], kind, client)


class LockedOut(ServiceError):
    def __init__(self, message: str, retry_after: int, /, **params: Any):
        super().__init__(429, "too_many_attempts", message, **params)
        self.retry_after = retry_after


class Lockout:
    """Applies the throttle before the app sees a request (and before its body is read):
    ``POST {prefix}/enroll`` counts its 403 answers (a wrong code), any request with an
    ``Authorization`` header its 401 answers (an unknown token)."""

    def __init__(self, app: ASGIApp, throttle: Throttle, prefix: str):
        self.app, self.throttle, self.prefix = app, throttle, prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = None
        if scope["type"] == "http" and scope["path"].startswith(self.prefix):
            if scope["path"] == f"{self.prefix}/enroll":
                kind = "enroll"
            elif any(k.lower() == b"authorization" for k, _ in scope.get("headers", [])):
                kind = "token"
        if kind is None:
            await self.app(scope, receive, send)
            return
        client = scope["client"][0] if scope.get("client") else "unknown"
        try:
            self.throttle.check(kind, client)
        except LockedOut as exc:
            await _error(429, exc.code, exc.text, {"Retry-After": str(exc.retry_after)})(
                scope, receive, send)
            return
        status = 0

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        await self.app(scope, receive, sending)
        if status == (403 if kind == "enroll" else 401):
            self.throttle.failed(kind, client)


class NoStore:
    """``Cache-Control: no-store`` on every answer under ``prefix`` (they carry personal
    data, tokens and certificates: no proxy or browser cache may keep them)."""

    def __init__(self, app: ASGIApp, prefix: str):
        self.app, self.prefix = app, prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return

        async def send_no_store(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() != b"cache-control"]
                headers += [(b"cache-control", b"no-store"), (b"pragma", b"no-cache")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_no_store)


class BodyTimeout:
    """A request body that stops arriving for ``timeout`` seconds is cut off with 408 (a
    slow sender cannot hold a worker). Headers are uvicorn's (``timeout_keep_alive``)."""

    def __init__(self, app: ASGIApp, timeout: float | None = None):
        self.app = app
        self.timeout = timeout or float(os.environ.get(BODY_TIMEOUT_ENV) or BODY_TIMEOUT)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        async def receiving() -> Message:
            return await asyncio.wait_for(receive(), self.timeout)

        try:
            await self.app(scope, receiving, sending)
        except TimeoutError:
            if not started:
                await _error(408, "timeout", refusal_text(_TIMEOUT))(
                    scope, receive, send)


def _error(status: int, code: str, text: TextMessage,
           headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail(code, text)}, status_code=status, headers=headers)


_TIMEOUT = _N(CTX, "Forespørgslens indhold kom ikke frem i tide.")

# pydantic's error types, each as the end of "Feltet 'x' ..." ({field}; {limit} its bound).
_PHRASES = {
    "missing": _N(CTX, "Feltet '{field}' mangler."),
    "int_parsing": _N(CTX, "Feltet '{field}' skal være et heltal."),
    "int_type": _N(CTX, "Feltet '{field}' skal være et heltal."),
    "int_from_float": _N(CTX, "Feltet '{field}' skal være et heltal."),
    "float_parsing": _N(CTX, "Feltet '{field}' skal være et tal."),
    "float_type": _N(CTX, "Feltet '{field}' skal være et tal."),
    "string_type": _N(CTX, "Feltet '{field}' skal være tekst."),
    "bool_type": _N(CTX, "Feltet '{field}' skal være true eller false."),
    "bool_parsing": _N(CTX, "Feltet '{field}' skal være true eller false."),
    "dict_type": _N(CTX, "Feltet '{field}' skal være et objekt."),
    "model_type": _N(CTX, "Feltet '{field}' skal være et objekt."),
    "model_attributes_type": _N(CTX, "Feltet '{field}' skal være et objekt."),
    "list_type": _N(CTX, "Feltet '{field}' skal være en liste."),
    "json_invalid": _N(CTX, "Feltet '{field}' er ikke gyldig JSON."),
    "json_type": _N(CTX, "Feltet '{field}' er ikke gyldig JSON."),
    "datetime_parsing": _N(CTX, "Feltet '{field}' skal være et tidspunkt (ISO 8601)."),
    "datetime_type": _N(CTX, "Feltet '{field}' skal være et tidspunkt (ISO 8601)."),
    "uuid_parsing": _N(CTX, "Feltet '{field}' skal være et UUID."),
    "finite_number": _N(CTX, "Feltet '{field}' skal være et endeligt tal."),
    "recursion_loop": _N(CTX, "Feltet '{field}' er indlejret for dybt."),
    "string_pattern_mismatch": _N(CTX, "Feltet '{field}' har ikke et gyldigt format (et id: "
                                       "bogstaver, tal og . _ : -)."),
    "string_unicode": _N(CTX, "Feltet '{field}' skal være gyldig tekst (UTF-8)."),
    "greater_than_equal": _N(CTX, "Feltet '{field}' skal være mindst {limit}."),
    "greater_than": _N(CTX, "Feltet '{field}' skal være større end {limit}."),
    "less_than_equal": _N(CTX, "Feltet '{field}' må højst være {limit}."),
    "less_than": _N(CTX, "Feltet '{field}' skal være mindre end {limit}."),
    "string_too_long": _N(CTX, "Feltet '{field}' er for lang (højst {limit} tegn)."),
    "too_long": _N(CTX, "Feltet '{field}' har for mange elementer (højst {limit})."),
    "literal_error": _N(CTX, "Feltet '{field}' skal være en af: {limit}."),
}
_LIMITS = ("ge", "gt", "le", "lt", "max_length", "expected")


def validation_message(error: dict[str, Any]) -> TextMessage:
    """``Feltet 'x' ...`` for one of pydantic's errors. A protocol check's own words (a
    ``value_error``, e.g. a text no database can keep) come through as they are."""
    loc = [str(p) for p in error.get("loc", ()) if p not in ("body", "path", "query",
                                                               "header")]
    kind = str(error.get("type", ""))
    where = "body" if kind.startswith("json_") or not loc else ".".join(loc)
    ctx = error.get("ctx") or {}
    if kind in _PHRASES:
        limit = next((ctx[k] for k in _LIMITS if k in ctx), "")
        return refusal_text(_PHRASES[kind], field=where, limit=str(limit))
    if kind == "value_error":
        found = ctx.get("error")
        problem = found.text if isinstance(found, ProtocolProblem) else verbatim(
            str(error.get("msg", "")).removeprefix("Value error, "))
        return refusal_text(_N(CTX, "Feltet '{field}' har en ugyldig værdi: {problem}"),
                            field=where, problem=problem)
    return refusal_text(_N(CTX, "Feltet '{field}' har en ugyldig værdi."), field=where)


def danish_validation_message(error: dict[str, Any]) -> str:
    """``validation_message`` in Danish."""
    return validation_message(error).render()


_STATUS_MESSAGES = {404: ("not_found", _N(CTX, "Adressen findes ikke i tjenesten.")),
                    405: ("method_not_allowed",
                          _N(CTX, "Metoden er ikke tilladt på denne adresse."))}


def install(app: FastAPI, api_prefix: str) -> Throttle:
    """The handlers and middleware above, on ``app``; returns its throttle."""

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        text = validation_message(errors[0]) if errors else \
            refusal_text(_N(CTX, "Forespørgslen er ugyldig."))
        return _error(422, "invalid", text)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if isinstance(exc.__cause__, TimeoutError):  # FastAPI wraps a body read's failure
            return _error(408, "timeout", refusal_text(_TIMEOUT))
        if isinstance(exc.detail, dict) and {"code", "message"} <= set(exc.detail):
            # e.g. limits' 413, whose detail is already an ErrorBody
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        if exc.status_code == 400:  # a body FastAPI cannot decode: a 422 like any bad body
            return _error(422, "invalid", refusal_text(_PHRASES["json_invalid"], field="body"))
        code, template = _STATUS_MESSAGES.get(exc.status_code, ("error", ""))
        text = refusal_text(template) if template else verbatim(str(exc.detail))
        return _error(exc.status_code, code, text, getattr(exc, "headers", None))

    throttle = Throttle()
    app.add_middleware(BodyTimeout)
    app.add_middleware(Lockout, throttle=throttle, prefix=api_prefix)
    app.add_middleware(NoStore, prefix=api_prefix)
    return throttle


__all__ = ["BodyTimeout", "LockedOut", "Lockout", "NoStore", "Throttle",
           "danish_validation_message", "install", "validation_message"]
