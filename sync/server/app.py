"""The FastAPI application of the central service.

``create_app(database_url)`` builds a stateless app: everything it knows lives in the database
(records, devices, the CA key), so several instances may serve one PostgreSQL database behind a
load balancer. Migrations run when the app is created. OpenAPI at /docs."""

from __future__ import annotations

import datetime as dt
import os
from typing import Annotated

from fastapi import FastAPI, Header, Path, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from ..protocol import (
    API_PREFIX,
    MAX_ID_CHARS,
    MAX_INT,
    MAX_SEQ,
    PROTOCOL_VERSION,
    DeviceStatus,
    EnrollRequest,
    EnrollResponse,
    ErrorResponse,
    PlacementsResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    RuleSetsResponse,
    SealedAgreementReceipt,
    SealedAgreementUpload,
)
from . import auth, db, door, limits, migrate, service
from . import ca as ca_module
from .entities import ID_PATTERN
from .errors import ServiceError

DATABASE_URL_ENV = "CONSULTANT_SERVER_DATABASE_URL"
# Every refusal has the one shape (protocol.ErrorResponse), documented as such.
REFUSAL = {"model": ErrorResponse}
ERRORS = {401: REFUSAL, 410: REFUSAL, 413: REFUSAL, 422: REFUSAL, 429: REFUSAL}


def create_app(database_url: str, run_migrations: bool = True) -> FastAPI:
    read_engine, write_engine = db.make_engines(database_url)
    if run_migrations:
        migrate.upgrade(write_engine)
    service_ca = ca_module.load_or_create(write_engine)

    app = FastAPI(title="Consultant App central service", version=str(PROTOCOL_VERSION),
                  description="Enrollment, sync and sealed agreements for consultant-app "
                              "devices. See sync/protocol.py.")
    app.state.read_engine = read_engine
    app.state.write_engine = write_engine
    app.state.ca = service_ca
    limits.install(app, read_engine)  # the token and the body size before any body is read

    @app.exception_handler(ServiceError)
    async def _service_error(_request: Request, exc: ServiceError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status)

    # Lockout, no-store, body timeout and the one error shape, in front of the guard.
    app.state.throttle = door.install(app, API_PREFIX)

    def device(authorization: str | None) -> auth.DeviceIdentity:
        return auth.authenticate(read_engine, authorization)

    @app.get(f"{API_PREFIX}/health")
    def health() -> dict[str, object]:
        """Readiness: the service answers and reaches its database."""
        with read_engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        return {"status": "ok", "protocol": PROTOCOL_VERSION}

    @app.get(f"{API_PREFIX}/ca", response_class=PlainTextResponse,
             responses={200: {"content": {"application/x-pem-file": {}}}})
    def service_ca_certificate() -> PlainTextResponse:
        """The service CA certificate (PEM; public, no personal data): what devices pin and
        what ``consultant-app verify --ca`` checks sealed agreements against. Compare its
        fingerprint with the one the administrator hands out before trusting it."""
        return PlainTextResponse(service_ca.certificate_pem, media_type="application/x-pem-file")

    @app.post(f"{API_PREFIX}/enroll", response_model=EnrollResponse,
              responses={403: REFUSAL, 413: REFUSAL, 422: REFUSAL, 429: REFUSAL})
    def enroll(request: EnrollRequest) -> EnrollResponse:
        token, identity, cert_pem, municipality_name = auth.enroll(
            write_engine, service_ca, request.enrollment_code, request.public_key,
            request.device_name, request.app_version)
        return EnrollResponse(
            device_id=identity.device_id, token=token, certificate_pem=cert_pem,
            ca_certificate_pem=service_ca.certificate_pem, consultant=identity.consultant,
            consultant_id=identity.consultant_id,
            municipality_code=identity.municipality_code,
            municipality_name=municipality_name, server_time=dt.datetime.now(dt.UTC))

    @app.post(f"{API_PREFIX}/push", response_model=PushResponse, responses=ERRORS)
    def push(request: PushRequest,
             authorization: str | None = Header(default=None)) -> PushResponse:
        identity = device(authorization)
        return PushResponse(results=service.push(write_engine, identity, request.operations,
                                                  request.cursor))

    @app.get(f"{API_PREFIX}/pull", response_model=PullResponse, responses=ERRORS)
    def pull(cursor: int = Query(0, ge=0, le=MAX_SEQ),
             limit: int = Query(service.DEFAULT_LIMIT, ge=1, le=service.MAX_LIMIT),
             count: bool = Query(False),
             authorization: str | None = Header(default=None)) -> Response:
        identity = device(authorization)
        return Response(service.pull_json(read_engine, identity, cursor, limit, count),
                        media_type="application/json")

    @app.get(f"{API_PREFIX}/device", response_model=DeviceStatus, responses=ERRORS)
    def device_status(authorization: str | None = Header(default=None)) -> DeviceStatus:
        identity = device(authorization)
        return DeviceStatus(device_id=identity.device_id, status="active",
                            consultant=identity.consultant,
                            municipality_code=identity.municipality_code)

    @app.put(f"{API_PREFIX}/agreements/{{agreement_id}}/{{revision}}",
             response_model=SealedAgreementReceipt,
             responses={**ERRORS, 403: REFUSAL, 409: REFUSAL})
    def sealed_agreement(agreement_id: Annotated[str, Path(max_length=MAX_ID_CHARS,
                                                           pattern=ID_PATTERN.pattern)],
                         revision: Annotated[int, Path(ge=0, le=MAX_INT)],
                         upload: SealedAgreementUpload,
                         authorization: str | None = Header(default=None)
                         ) -> SealedAgreementReceipt:
        from . import sealed
        identity = device(authorization)
        return sealed.receive(write_engine, service_ca, identity, agreement_id, revision,
                              upload)

    @app.get(f"{API_PREFIX}/rulesets", response_model=RuleSetsResponse, responses=ERRORS)
    def published_rulesets(since: int = Query(0, ge=0, le=MAX_SEQ),
                           authorization: str | None = Header(default=None)
                           ) -> RuleSetsResponse:
        """Rule sets published after ``since``, signed by the service CA (rulesets.py)."""
        from . import rulesets
        device(authorization)
        return rulesets.since(read_engine, since)

    @app.get(f"{API_PREFIX}/placements", response_model=PlacementsResponse, responses=ERRORS)
    def running_placements(authorization: str | None = Header(default=None)
                           ) -> PlacementsResponse:
        """The municipality's running placements per workplace, no personal data
        (placements.py)."""
        from . import placements
        return placements.running(read_engine, device(authorization))

    from .console import install as install_console
    install_console(app)  # the web console under /console (console/web.py)
    return app


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` with several workers (the URL from the environment)."""
    return create_app(os.environ[DATABASE_URL_ENV])
