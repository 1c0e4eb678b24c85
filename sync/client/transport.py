"""HTTP to the central service (httpx, with timeouts). Every failure leaves here as one of
the ``errors`` classes, so nothing above this module sees an httpx exception.

TLS: with ``ca_pem`` (the service CA the device received at enrollment, or the one given to
``enroll --ca``) an https connection trusts that CA and nothing else, so a certificate from
any other issuer (a public CA included) is refused. Without it (enrolling without ``--ca``)
the system's trusted CAs apply. Plain http is refused except to this computer (loopback).
"""

from __future__ import annotations

import errno
import ipaddress
import socket
import ssl
from typing import Any, Self
from urllib.parse import urlsplit

import httpx
import pydantic_core

from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message, verbatim
from sync import protocol

from .errors import (
    CTX,
    BadServerUrl,
    CertificateRefused,
    DeviceRevoked,
    EnrollmentRefused,
    Offline,
    ServerError,
    ServerUnreachable,
    TokenRefused,
    UnencryptedRefused,
    answer_text,
)

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 60.0  # an initial pull page of thousands of rows, on a slow line
_OFFLINE_ERRNOS = {errno.ENETUNREACH, errno.ENETDOWN, errno.EHOSTUNREACH}


def normalise_url(url: str) -> str:
    """The service's address without a trailing slash; refused unless http(s) with a host,
    and refused as plain http unless the host is this computer (personal data never crosses
    a network unencrypted)."""
    url = url.strip().rstrip("/")
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        host = ""
    if not url.startswith(("http://", "https://")) or len(url) < 10 or not host:
        raise BadServerUrl(url)
    if url.startswith("http://") and not is_loopback(host):
        raise UnencryptedRefused(url)
    return url


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _tls_context(ca_pem: str) -> ssl.SSLContext:
    """Trusts ``ca_pem`` only (no system CAs); host names are checked."""
    return ssl.create_default_context(cadata=ca_pem)


def _is_certificate_refusal(exc: BaseException) -> bool:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, ssl.SSLCertVerificationError) \
                or "CERTIFICATE_VERIFY_FAILED" in str(cur):
            return True
        cur = cur.__cause__ or cur.__context__
    return False


def _is_offline(exc: BaseException) -> bool:
    """No network at all (no route, no name resolution), as opposed to a service that is
    down: the status bar says "offline" for the first, "not answering" for the second."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, socket.gaierror):
            return True
        if isinstance(cur, OSError) and cur.errno in _OFFLINE_ERRNOS:
            return True
        text = str(cur).lower()
        if "name or service not known" in text or "network is unreachable" in text \
                or "temporary failure in name resolution" in text:
            return True
        cur = cur.__cause__ or cur.__context__
    return False


class Transport:
    """One device's connection to the service."""

    def __init__(self, base_url: str, token: str = "", timeout: float = READ_TIMEOUT,
                 transport: httpx.BaseTransport | None = None, ca_pem: str = ""):
        self.base_url = normalise_url(base_url)
        verify: ssl.SSLContext | bool = True
        if ca_pem and self.base_url.startswith("https://"):
            verify = _tls_context(ca_pem)
        self.token = token
        headers = {"User-Agent": f"consultant-app-sync/{protocol.PROTOCOL_VERSION}"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._client = httpx.Client(
            base_url=self.base_url + protocol.API_PREFIX, headers=headers,
            timeout=httpx.Timeout(timeout, connect=CONNECT_TIMEOUT), transport=transport,
            verify=verify)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the endpoints ------------------------------------------------------------------
    def enroll(self, request: protocol.EnrollRequest) -> protocol.EnrollResponse:
        body = self._call("POST", "/enroll", json=request.model_dump(mode="json"))
        return protocol.EnrollResponse.model_validate_json(body)

    def push(self, request: protocol.PushRequest) -> protocol.PushResponse:
        body = self._call("POST", "/push", content=request.model_dump_json(),
                          headers={"Content-Type": "application/json"})
        return protocol.PushResponse.model_validate_json(body)

    def pull(self, cursor: int, limit: int, count: bool = False) -> dict[str, Any]:
        """A ``protocol.PullResponse`` as plain JSON: a first sync brings 100k+ changes, and
        ``apply`` reads them without building a model per change. With ``count`` the service
        is asked how many changes wait after the page (``remaining``)."""
        params: dict[str, Any] = {"cursor": cursor, "limit": limit}
        if count:
            params["count"] = "true"
        body = self._call("GET", "/pull", params=params)
        try:
            # pydantic-core's parser (already here for the models) is about a third faster
            # than json.loads on a 5000-change page, and shares the repeated keys.
            page = pydantic_core.from_json(body, cache_strings="keys")
            int(page["next_cursor"])
            if not isinstance(page["changes"], list):
                raise TypeError("changes")
        except (ValueError, KeyError, TypeError) as exc:
            raise ServerError(502, "bad_page", Message(CTX, _N(
                CTX, "svaret kunne ikke læses"))) from exc
        return page

    def put_agreement(self, agreement_id: str, revision: int,
                      upload: protocol.SealedAgreementUpload
                      ) -> protocol.SealedAgreementReceipt:
        body = self._call("PUT", f"/agreements/{agreement_id}/{revision}",
                          content=upload.model_dump_json(),
                          headers={"Content-Type": "application/json"})
        return protocol.SealedAgreementReceipt.model_validate_json(body)

    def rulesets(self, since: int) -> protocol.RuleSetsResponse:
        body = self._call("GET", "/rulesets", params={"since": since})
        return protocol.RuleSetsResponse.model_validate_json(body)

    def placements(self) -> protocol.PlacementsResponse:
        return protocol.PlacementsResponse.model_validate_json(self._call("GET", "/placements"))

    def device(self) -> protocol.DeviceStatus:
        return protocol.DeviceStatus.model_validate_json(self._call("GET", "/device"))

    def probe(self) -> bool:
        """Whether the service answers at all (any HTTP answer counts), quickly."""
        try:
            self._client.get("/device", timeout=CONNECT_TIMEOUT)
            return True
        except httpx.HTTPError:
            return False

    # -- plumbing -----------------------------------------------------------------------
    def _call(self, method: str, path: str, **kwargs: Any) -> bytes:
        try:
            response = self._client.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            if _is_certificate_refusal(exc):
                raise CertificateRefused(self.base_url) from exc
            if _is_offline(exc):
                raise Offline() from exc
            raise ServerUnreachable(self.base_url) from exc
        if response.status_code < 400:
            return response.content
        code, message = error_detail(response)
        if path == "/enroll" and response.status_code < 500:
            raise EnrollmentRefused(message or verbatim(code or str(response.status_code)))
        if response.status_code == 410 and code == "device_revoked":
            raise DeviceRevoked()
        if response.status_code in (401, 403) and code not in ("out_of_scope",):
            raise TokenRefused()
        raise ServerError(response.status_code, code, message)


def error_detail(response: httpx.Response) -> tuple[str, Message | None]:
    """The (code, message) of an ErrorBody answer (``answer_text``); ("", None) for
    anything else."""
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        return "", None
    if isinstance(detail, dict):
        message = detail.get("message")
        return str(detail.get("code", "")), (
            answer_text(str(message), detail.get("text")) if message else None)
    if isinstance(detail, str):
        return "", verbatim(detail)
    return "", None
