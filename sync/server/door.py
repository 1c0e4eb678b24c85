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

from .errors import CTX, ServiceError

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
            await _error(429, exc.code, exc.message, {"Retry-After": str(exc.retry_after)})(
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
                await _error(408, "timeout", "Forespørgslens indhold kom ikke frem i tide.")(
                    scope, receive, send)


def _error(status: int, code: str, message: str,
           headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": {"code": code, "message": message}}, status_code=status,
                        headers=headers)


# Danish for pydantic's error types, each after "Feltet 'x' ".
_PHRASES = {
    "missing": "mangler.",
    "int_parsing": "skal være et heltal.", "int_type": "skal være et heltal.",
    "int_from_float": "skal være et heltal.",
    "float_parsing": "skal være et tal.", "float_type": "skal være et tal.",
    "string_type": "skal være tekst.", "bool_type": "skal være true eller false.",
    "bool_parsing": "skal være true eller false.",
    "dict_type": "skal være et objekt.", "model_type": "skal være et objekt.",
    "model_attributes_type": "skal være et objekt.", "list_type": "skal være en liste.",
    "json_invalid": "er ikke gyldig JSON.", "json_type": "er ikke gyldig JSON.",
    "datetime_parsing": "skal være et tidspunkt (ISO 8601).",
    "datetime_type": "skal være et tidspunkt (ISO 8601).",
    "uuid_parsing": "skal være et UUID.", "finite_number": "skal være et endeligt tal.",
    "recursion_loop": "er indlejret for dybt.",
    "string_pattern_mismatch": "har ikke et gyldigt format (et id: bogstaver, tal og . _ : -).",
    "string_unicode": "skal være gyldig tekst (UTF-8).",
}


def danish_validation_message(error: dict[str, Any]) -> str:
    """``Feltet 'x' ...`` for one of pydantic's errors."""
    loc = [str(p) for p in error.get("loc", ()) if p not in ("body", "path", "query",
                                                               "header")]
    kind = str(error.get("type", ""))
    where = "body" if kind.startswith("json_") or not loc else ".".join(loc)
    ctx = error.get("ctx") or {}
    if kind in _PHRASES:
        phrase = _PHRASES[kind]
    elif kind in ("greater_than_equal", "greater_than"):
        phrase = f"skal være mindst {ctx.get('ge', ctx.get('gt'))}."
    elif kind in ("less_than_equal", "less_than"):
        phrase = f"må højst være {ctx.get('le', ctx.get('lt'))}."
    elif kind == "string_too_long":
        phrase = f"er for lang (højst {ctx.get('max_length')} tegn)."
    elif kind == "too_long":
        phrase = f"har for mange elementer (højst {ctx.get('max_length')})."
    elif kind == "literal_error":
        phrase = f"skal være en af: {ctx.get('expected')}."
    elif kind == "value_error":  # the protocol's own checks say what is wrong, in Danish
        text = str(error.get("msg", "")).removeprefix("Value error, ")
        phrase = f"har en ugyldig værdi: {text}"
    else:
        phrase = "har en ugyldig værdi."
    return f"Feltet '{where}' {phrase}"


_STATUS_MESSAGES = {404: ("not_found", "Adressen findes ikke i tjenesten."),
                    405: ("method_not_allowed", "Metoden er ikke tilladt på denne adresse.")}


def install(app: FastAPI, api_prefix: str) -> Throttle:
    """The handlers and middleware above, on ``app``; returns its throttle."""

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        message = danish_validation_message(errors[0]) if errors else \
            "Forespørgslen er ugyldig."
        return _error(422, "invalid", message)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if isinstance(exc.__cause__, TimeoutError):  # FastAPI wraps a body read's failure
            return _error(408, "timeout", "Forespørgslens indhold kom ikke frem i tide.")
        if isinstance(exc.detail, dict) and {"code", "message"} <= set(exc.detail):
            return _error(exc.status_code, str(exc.detail["code"]),  # e.g. limits' 413
                          str(exc.detail["message"]), getattr(exc, "headers", None))
        if exc.status_code == 400:  # a body FastAPI cannot decode: a 422 like any bad body
            return _error(422, "invalid", "Feltet 'body' er ikke gyldig JSON.")
        code, message = _STATUS_MESSAGES.get(exc.status_code, ("error", str(exc.detail)))
        return _error(exc.status_code, code, message, getattr(exc, "headers", None))

    throttle = Throttle()
    app.add_middleware(BodyTimeout)
    app.add_middleware(Lockout, throttle=throttle, prefix=api_prefix)
    app.add_middleware(NoStore, prefix=api_prefix)
    return throttle


__all__ = ["BodyTimeout", "LockedOut", "Lockout", "NoStore", "Throttle",
           "danish_validation_message", "install"]
