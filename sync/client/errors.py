"""What can go wrong when syncing, each as a plain Danish message (``text.Message``).

The engine and the transport raise these; the background runner turns them into the state
the status bar shows, and the CLI prints them. ``retry`` says whether trying again later can
help (offline, unreachable, a server error) or whether the consultant must act first.
"""

from __future__ import annotations

import json
from typing import Any

from consultant_app.errors import UserError
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message, verbatim

CTX = "sync"


class SyncError(UserError):
    retry = True
    kind = "error"

    def __init__(self, template: str, **params: object):
        super().__init__(Message(CTX, template, dict(params)))


class Offline(SyncError):
    kind = "offline"

    def __init__(self) -> None:
        super().__init__(_N(CTX, "Offline: der er ingen netværksforbindelse. Ændringerne "
                                 "venter sikkert på denne computer."))


class ServerUnreachable(SyncError):
    kind = "unreachable"

    def __init__(self, url: str) -> None:
        # The address is not in the message: a consultant cannot act on a raw URL (it is
        # on the Sync page and in the log for whoever helps them).
        # True for the desktop (it tries again by itself) and the command line (the next
        # `consultant-app sync`) alike.
        super().__init__(_N(CTX, "Den centrale tjeneste svarer ikke lige nu. Ændringerne "
                                 "venter sikkert på denne computer og sendes ved næste "
                                 "synkronisering."), url=url)


class TokenRefused(SyncError):
    retry = False
    kind = "token_refused"

    def __init__(self) -> None:
        super().__init__(_N(CTX, "Den centrale tjeneste afviste enhedens adgangsnøgle. "
                                 "Tilmeld enheden igen."))


class NotEnrolled(SyncError):
    retry = False
    kind = "not_enrolled"

    def __init__(self) -> None:
        super().__init__(_N(CTX, "Enheden er ikke tilmeldt en central tjeneste endnu. Vælg "
                                 "»Tilmeld enhed« og skriv serverens adresse og din "
                                 "tilmeldingskode."))


class DeviceRevoked(SyncError):
    retry = False
    kind = "revoked"

    def __init__(self) -> None:
        super().__init__(_N(CTX, "Enheden er spærret af den centrale tjeneste. Af hensyn til "
                                 "databeskyttelsen er borgernes personoplysninger, aftalerne "
                                 "og konflikterne slettet fra denne computer. Kontakt din "
                                 "leder for at få enheden tilmeldt igen."))


class ServerError(SyncError):
    kind = "server_error"

    def __init__(self, status: int, code: str = "", message: Message | None = None) -> None:
        """``message``: the service's own words (``answer_text``), or what this device
        found wrong with the answer."""
        if message is not None:
            super().__init__(_N(CTX, "Den centrale tjeneste meldte en fejl ({status} {code}): "
                                     "{message}"), status=status, code=code, message=message)
        else:
            super().__init__(_N(CTX, "Den centrale tjeneste meldte en fejl ({status} {code})."),
                             status=status, code=code or "ukendt")
        self.status = status
        self.code = code
        self.detail: Message = message if message is not None else verbatim(code)
        # A request the service refused (4xx) comes out the same next time.
        self.retry = status >= 500 or status == 429


class EnrollmentRefused(SyncError):
    retry = False
    kind = "enrollment_refused"

    def __init__(self, message: Message) -> None:
        super().__init__(_N(CTX, "Tilmeldingen blev afvist: {message}"), message=message)


class BadServerUrl(SyncError):
    retry = False
    kind = "bad_url"

    def __init__(self, url: str) -> None:
        super().__init__(_N(CTX, "Serveradressen »{url}« er ikke gyldig. Skriv den som "
                                 "http://… eller https://…"), url=url)


class UnencryptedRefused(SyncError):
    retry = False
    kind = "bad_url"

    def __init__(self, url: str) -> None:
        super().__init__(_N(CTX, "Serveradressen »{url}« bruger ukrypteret http://. Det er kun "
                                 "tilladt til denne computer (127.0.0.1 eller localhost); "
                                 "brug https://…"), url=url)


class CertificateRefused(SyncError):
    """The service's TLS certificate is not issued by the pinned service CA (or, before
    enrollment, by a CA the system trusts): possibly someone between device and service."""
    kind = "certificate"

    def __init__(self, url: str) -> None:
        super().__init__(_N(CTX, "Forbindelsen til {url} blev afbrudt: tjenestens certifikat "
                                 "er ikke udstedt af den tjeneste, enheden er tilmeldt (eller "
                                 "som rodcertifikatet angiver). Intet er sendt. Kontakt dem, "
                                 "der driver tjenesten."), url=url)


class AgreementRefused(SyncError):
    retry = False
    kind = "agreement_refused"

    def __init__(self, agreement_id: str, message: Message) -> None:
        super().__init__(_N(CTX, "Den centrale tjeneste afviste aftale {ident}: {message}"),
                         ident=agreement_id, message=message)


def answer_text(message: str, text: object) -> Message:
    """What the service said, to show in the reader's language: its template (protocol,
    Errors) where it sent one that can be rendered safely, else its Danish words as they are
    (a service older than templates, or an odd answer)."""
    return Message.from_wire(text) or verbatim(message)


def refusal_value(result: Any) -> dict[str, Any]:
    """What a device keeps of an operation the service rejected (a ``protocol.
    OperationResult``), as the conflict's service side: the code, the Danish words, and the
    template to show them in the reader's language (``refusal_text``)."""
    kept: dict[str, Any] = {"code": result.code, "message": result.message}
    if result.text is not None:
        kept["text"] = result.text
    return kept


def refusal_text(value: Any) -> Message:
    """The reason of a kept refusal (``refusal_value``, or a device's own entry of the same
    shape), to render in the reader's language."""
    if not isinstance(value, dict):
        return verbatim("" if value is None else str(value))
    return answer_text(str(value.get("message") or value.get("code") or ""), value.get("text"))


def unexpected_sync_error(exc: BaseException) -> Message:
    """What the status and the history say of a defect in the sync (the traceback is in the
    log)."""
    return Message(CTX, _N(CTX, "Synkroniseringen fejlede uventet; fejlen er skrevet i "
                                "loggen. ({kind})"), {"kind": type(exc).__name__})


INTERRUPTED = _N(CTX, "Afbrudt: programmet stoppede under synkroniseringen.")


def stored_error(message: Message) -> str:
    """A sync run's error as the history keeps it: the message as JSON (``to_wire``), so it
    is shown in the reader's language (``error_of_run``)."""
    return json.dumps(message.to_wire(), ensure_ascii=False)


def error_of_run(stored: str | None) -> Message | None:
    """A kept run's error (``stored_error``); an error kept as plain words by an earlier
    version is shown as it is."""
    if not stored:
        return None
    try:
        data = json.loads(stored)
    except ValueError:
        return verbatim(stored)
    return Message.from_wire(data) or verbatim(stored)
