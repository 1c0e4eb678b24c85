"""The console's pages: one FastAPI router, server-rendered Jinja2, no script.

Every page but sign-in needs a full session (store.session_user); every POST carries the
session's CSRF token; every action, and every refusal, goes into the console's log with who
did it. A user error is a page with a message, never a traceback: ``Refused`` (a role that
may not, a municipality not theirs) renders 403, ``Invalid`` re-renders the form."""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import segno
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from .. import access_log, admin, auth, citizen_data, db
from ..errors import ServiceError
from . import overview, store
from .i18n import _N, CTX, LANG_COOKIE, Translator

PREFIX = "/console"
SESSION_COOKIE = "console_session"
PENDING_COOKIE = "console_pending"
HERE = Path(__file__).resolve().parent
QUIET_DAYS = 7

env = Environment(loader=FileSystemLoader(HERE / "templates"),
                  autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)

ROLE_NAMES = {
    store.SYSTEM_ADMIN: _N(CTX, "Systemadministrator"),
    store.MUNICIPALITY_ADMIN: _N(CTX, "Kommuneadministrator"),
    store.TEAM_LEADER: _N(CTX, "Teamleder"),
    store.DPO: _N(CTX, "Databeskyttelsesrådgiver"),
}

# What each role may do (the pages check, and log a refusal).
MAY: dict[str, frozenset[str]] = {
    "overview": frozenset({store.SYSTEM_ADMIN, store.MUNICIPALITY_ADMIN, store.TEAM_LEADER}),
    "consultants": frozenset({store.SYSTEM_ADMIN, store.MUNICIPALITY_ADMIN, store.TEAM_LEADER}),
    "add_consultant": frozenset({store.SYSTEM_ADMIN, store.MUNICIPALITY_ADMIN,
                                 store.TEAM_LEADER}),
    "deactivate_consultant": frozenset({store.SYSTEM_ADMIN, store.MUNICIPALITY_ADMIN}),
    "enroll": frozenset({store.SYSTEM_ADMIN, store.MUNICIPALITY_ADMIN, store.TEAM_LEADER}),
    "revoke_device": frozenset({store.SYSTEM_ADMIN, store.MUNICIPALITY_ADMIN,
                                store.TEAM_LEADER}),
    "access_log": frozenset({store.SYSTEM_ADMIN, store.MUNICIPALITY_ADMIN, store.DPO}),
    "export": frozenset({store.SYSTEM_ADMIN, store.MUNICIPALITY_ADMIN, store.DPO}),
    "erase": frozenset({store.SYSTEM_ADMIN, store.MUNICIPALITY_ADMIN}),
    "actions": frozenset({store.SYSTEM_ADMIN, store.MUNICIPALITY_ADMIN, store.DPO}),
    "imports": frozenset({store.SYSTEM_ADMIN, store.MUNICIPALITY_ADMIN}),
    "assign": frozenset({store.SYSTEM_ADMIN, store.MUNICIPALITY_ADMIN}),
    "agreements": frozenset({store.SYSTEM_ADMIN, store.MUNICIPALITY_ADMIN, store.TEAM_LEADER}),
    "rulesets": frozenset({store.SYSTEM_ADMIN, store.MUNICIPALITY_ADMIN, store.TEAM_LEADER}),
}

IMPORT_KINDS = {"employers": _N(CTX, "Virksomheder"), "vacancies": _N(CTX, "Stillinger"),
                "citizens": _N(CTX, "Borgere")}
MAX_CITIZENS_SHOWN = 500


class Refused(Exception):
    """The user's role or municipality does not allow this (403 page, logged)."""

    def __init__(self, message: str = _N(CTX, "Din rolle giver ikke adgang til dette.")):
        super().__init__(message)
        self.message = message


class NotSignedIn(Exception):
    pass


class BadInput(Exception):
    """A form field, query parameter or path segment holds a NUL character, which no
    database keeps (PostgreSQL refuses it in any text): a 400 page naming the field."""

    def __init__(self, field: str):
        super().__init__(field)
        self.field = field


def _no_nul(pairs: Any) -> None:
    for name, value in pairs:
        if "\x00" in name:
            raise BadInput("?")
        if isinstance(value, str) and "\x00" in value:
            raise BadInput(name)


def refuse_nul(request: Request) -> None:
    """The router's dependency: the path's segments and the query, before any handler."""
    _no_nul(request.path_params.items())
    _no_nul(request.query_params.multi_items())


class Ctx:
    """One request's user, session token, language and municipality."""

    def __init__(self, request: Request, user: store.User | None, token: str | None):
        self.request = request
        self.user = user
        self.token = token
        self.t = Translator(request.cookies.get(LANG_COOKIE, "da"))
        self.engine = request.app.state.write_engine
        self.read = request.app.state.read_engine

    @property
    def csrf(self) -> str:
        return store.csrf_token(self.token) if self.token else ""

    def may(self, what: str) -> bool:
        return self.user is not None and self.user.role in MAY[what]

    def require(self, what: str, target: str = "") -> None:
        if not self.may(what):
            store.log_action(self.engine, self.user, what, target, outcome="refused")
            raise Refused()

    def municipality(self, asked: str | None) -> str | None:
        """The municipality a page is about: a system administrator's choice (``m``, else
        the first), anyone else's own (asking for another is refused)."""
        user = self.user
        assert user is not None
        if user.all_municipalities:
            known = [code for code, _ in overview.municipalities(self.read)]
            if asked and asked in known:
                return asked
            return known[0] if known else None
        if asked and asked != user.municipality_code:
            store.log_action(self.engine, user, "municipality", asked, outcome="refused")
            raise Refused(_N(CTX, "Du har kun adgang til din egen kommune."))
        return user.municipality_code

    def team(self) -> set[str] | None:
        """A team leader's consultants; None: every consultant of the municipality."""
        if self.user is not None and self.user.role == store.TEAM_LEADER:
            return store.team_of(self.read, self.user.id)
        return None


def _fmt_time(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") + " UTC" if value else "–"


ACTIVE = {"overview.html": "overview", "consultants.html": "consultants",
          "imports.html": "imports", "citizens.html": "assign",
          "agreements.html": "agreements", "rulesets.html": "rulesets",
          "consultant.html": "consultants", "access_log.html": "access_log",
          "actions.html": "actions"}


def render(ctx: Ctx, name: str, status: int = 200, **values: Any) -> HTMLResponse:
    user = ctx.user
    munis = overview.municipalities(ctx.read) if user and user.all_municipalities else []
    here = ctx.request.url.path + (f"?{ctx.request.url.query}" if ctx.request.url.query else "")
    html = env.get_template(name).render(
        _=ctx.t, tpair=ctx.t.pair, lang=ctx.t.lang, user=user, csrf=ctx.csrf, may=ctx.may,
        role_name=(ctx.t(ROLE_NAMES[user.role]) if user else ""), municipalities=munis,
        here=urllib.parse.quote(here, safe=""), prefix=PREFIX, time=_fmt_time,
        active=ACTIVE.get(name), **values)
    return secure(HTMLResponse(html, status_code=status))


def secure(response: Response) -> Response:
    """Headers for every console answer: no caching of personal data, no framing, no script
    and nothing from elsewhere."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'")
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _cookie(response: Response, request: Request, name: str, value: str,
            max_age: int | None = None) -> None:
    response.set_cookie(name, value, max_age=max_age, path=PREFIX, httponly=True,
                        samesite="strict", secure=request.url.scheme == "https")


def redirect(url: str) -> RedirectResponse:
    response = RedirectResponse(url, status_code=303)
    secure(response)
    return response


async def _form(request: Request) -> FormData:
    form = await request.form()
    _no_nul(form.multi_items())
    return form


def _user_ctx(request: Request) -> Ctx:
    token = request.cookies.get(SESSION_COOKIE)
    user = store.session_user(request.app.state.write_engine, token)
    if user is None:
        raise NotSignedIn()
    return Ctx(request, user, token)


async def page(request: Request, handler: Callable[..., Response], *args: Any) -> Response:
    """Run a page's handler (in the thread pool: it reads the database) with the signed-in
    user's context."""
    def run() -> Response:
        return handler(_user_ctx(request), *args)
    return await run_in_threadpool(run)


async def action(request: Request, handler: Callable[..., Response], *args: Any) -> Response:
    """A POST: the CSRF token first (before anything is read or written), then the handler
    with the form."""
    form = await _form(request)

    def run() -> Response:
        ctx = _user_ctx(request)
        if not store.csrf_ok(ctx.token, str(form.get("csrf", ""))):
            store.log_action(ctx.engine, ctx.user, "csrf", request.url.path, outcome="refused")
            return render(ctx, "error.html", status=403, message=ctx.t(_N(
                CTX, "Formularen var forældet eller kom ikke fra konsollen. Prøv igen.")))
        return handler(ctx, form, *args)
    return await run_in_threadpool(run)


def install(app: Any) -> None:
    """The console's router and its error pages on the service's app."""
    app.include_router(router)

    @app.exception_handler(NotSignedIn)
    async def _not_signed_in(request: Request, _exc: NotSignedIn) -> Response:
        nxt = urllib.parse.quote(request.url.path, safe="")
        token = request.cookies.get(SESSION_COOKIE)
        pending = await run_in_threadpool(store.session_user, request.app.state.write_engine,
                                          token, "password")
        if pending is not None:  # the password was given; the code is still due
            return redirect(f"{PREFIX}/login/code?next={nxt}")
        response = redirect(f"{PREFIX}/login?next={nxt}" + ("&expired=1" if token else ""))
        response.delete_cookie(SESSION_COOKIE, path=PREFIX)
        return response

    async def _page_ctx(request: Request) -> Ctx:
        """The context an error page is drawn in: its user, if the session has one."""
        token = request.cookies.get(SESSION_COOKIE)
        user = await run_in_threadpool(store.session_user, request.app.state.write_engine,
                                       token)
        return Ctx(request, user, token)

    @app.exception_handler(BadInput)
    async def _bad_input(request: Request, exc: BadInput) -> Response:
        ctx = await _page_ctx(request)
        message = ctx.t(_N(CTX, "Feltet '{field}' indeholder tegnet NUL, som ikke kan bruges. "
                                "Ret feltet og prøv igen.")).format(field=exc.field)
        return await run_in_threadpool(lambda: render(ctx, "bad_input.html", status=400,
                                                      message=message))

    @app.exception_handler(Refused)
    async def _refused(request: Request, exc: Refused) -> Response:
        ctx = await _page_ctx(request)
        return await run_in_threadpool(lambda: render(ctx, "error.html", status=403,
                                                      message=ctx.t(exc.message)))


router = APIRouter(prefix=PREFIX, include_in_schema=False, dependencies=[Depends(refuse_nul)])


# -- static, language ----------------------------------------------------------------------------

@router.get("/static/console.css")
def stylesheet() -> Response:
    response = Response((HERE / "static" / "console.css").read_bytes(), media_type="text/css")
    response.headers["Cache-Control"] = "max-age=3600"
    return response


def _safe_next(value: str | None) -> str:
    """Only a path inside the console (no open redirect)."""
    if value and value.startswith(PREFIX + "/") and not value.startswith("//") \
            and "\\" not in value:
        return value
    return PREFIX + "/"


@router.get("/lang/{lang}")
def choose_language(request: Request, lang: str, next: str | None = None) -> Response:
    response = redirect(_safe_next(next))
    _cookie(response, request, LANG_COOKIE, lang if lang in ("da", "en") else "da",
            max_age=365 * 24 * 3600)
    return response


# -- sign-in -------------------------------------------------------------------------------------

def _login_page(request: Request, error: str = "", status: int = 200,
                nxt: str | None = None) -> Response:
    ctx = Ctx(request, None, None)
    expired = request.query_params.get("expired") == "1" and not error
    # Before sign-in there is no session: the form's CSRF token is a cookie of its own that
    # the form repeats (double submit); SameSite=Strict keeps it off other sites' requests.
    pending = request.cookies.get(PENDING_COOKIE) or store.new_login_nonce()
    html = render(ctx, "login.html", status=status, error=error, expired=expired,
                  login_csrf=pending, next=_safe_next(nxt or request.query_params.get("next")))
    _cookie(html, request, PENDING_COOKIE, pending)
    return html


@router.get("/login")
def login_form(request: Request) -> Response:
    return _login_page(request)


@router.post("/login")
async def login(request: Request) -> Response:
    form = await _form(request)
    nxt = str(form.get("next", ""))
    if not store.nonce_ok(request.cookies.get(PENDING_COOKIE), str(form.get("csrf", ""))):
        t = Translator(request.cookies.get(LANG_COOKIE, "da"))
        return _login_page(request, t(_N(CTX, "Formularen var forældet. Prøv igen.")), 403,
                           nxt)
    username = str(form.get("username", ""))[:100]
    password = str(form.get("password", ""))[:1000]
    engine = request.app.state.write_engine

    def check() -> tuple[store.User, str] | bool:
        try:
            return store.check_password(engine, username, password)
        except store.SignInRefused as exc:
            store.log_action(engine, None, "sign_in", username, outcome="refused",
                             detail="locked" if exc.locked else "password",
                             username=username)
            return exc.locked

    result = await run_in_threadpool(check)
    if not isinstance(result, tuple):
        t = Translator(request.cookies.get(LANG_COOKIE, "da"))
        message = (_N(CTX, "Kontoen er låst i 15 minutter efter for mange forkerte forsøg.")
                   if result else _N(CTX, "Forkert brugernavn eller adgangskode."))
        return _login_page(request, t(message), 401, nxt)
    _, token = result
    response = redirect(f"{PREFIX}/login/code?next={urllib.parse.quote(_safe_next(nxt))}")
    _cookie(response, request, SESSION_COOKIE, token)
    return response


def _code_page(request: Request, error: str = "", status: int = 200) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if store.session_user(request.app.state.write_engine, token, stage="password") is None:
        return redirect(f"{PREFIX}/login")
    ctx = Ctx(request, None, token)
    return render(ctx, "code.html", status=status, error=error,
                  next=_safe_next(request.query_params.get("next")))


@router.get("/login/code")
async def code_form(request: Request) -> Response:
    return await run_in_threadpool(_code_page, request)


@router.post("/login/code")
async def code(request: Request) -> Response:
    form = await _form(request)
    token = request.cookies.get(SESSION_COOKIE)
    engine = request.app.state.write_engine
    t = Translator(request.cookies.get(LANG_COOKIE, "da"))
    if not store.csrf_ok(token, str(form.get("csrf", ""))):
        return await run_in_threadpool(_code_page, request,
                                       t(_N(CTX, "Formularen var forældet. Prøv igen.")), 403)

    def check() -> tuple[store.User, str] | bool:
        try:
            user = store.check_code(engine, token or "", str(form.get("code", ""))[:20])
        except store.SignInRefused as exc:
            who = store.session_user(engine, token, stage="password")
            store.log_action(engine, who, "sign_in", who.username if who else "",
                             outcome="refused", detail="locked" if exc.locked else "code")
            return exc.locked
        new_token = store.rotate(engine, token or "")
        store.log_action(engine, user, "sign_in", user.username)
        return user, new_token

    result = await run_in_threadpool(check)
    if not isinstance(result, tuple):
        message = (_N(CTX, "Kontoen er låst i 15 minutter efter for mange forkerte forsøg.")
                   if result else _N(CTX, "Koden er forkert eller allerede brugt. Vent på "
                                          "den næste kode i din godkendelsesapp."))
        return await run_in_threadpool(_code_page, request, t(message), 401)
    _, new_token = result
    response = redirect(_safe_next(str(form.get("next", ""))))
    _cookie(response, request, SESSION_COOKIE, new_token)
    response.delete_cookie(PENDING_COOKIE, path=PREFIX)
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    form = await _form(request)
    token = request.cookies.get(SESSION_COOKIE)
    engine = request.app.state.write_engine

    def run() -> None:
        user = store.session_user(engine, token)
        if user is not None and store.csrf_ok(token, str(form.get("csrf", ""))):
            store.end_session(engine, token)
            store.log_action(engine, user, "sign_out", user.username)

    await run_in_threadpool(run)
    response = redirect(f"{PREFIX}/login")
    response.delete_cookie(SESSION_COOKIE, path=PREFIX)
    return response


# -- pages ---------------------------------------------------------------------------------------

@router.get("/")
async def home(request: Request) -> Response:
    def go(ctx: Ctx) -> Response:
        if ctx.may("overview"):
            return redirect(f"{PREFIX}/overview")
        return redirect(f"{PREFIX}/access-log")
    return await page(request, go)


def _overview(ctx: Ctx) -> Response:
    ctx.require("overview")
    q = ctx.request.query_params
    municipality = ctx.municipality(q.get("m"))
    days = int(q["days"]) if q.get("days", "").isdigit() and 0 < int(q["days"]) < 3650 \
        else QUIET_DAYS
    now = db.utcnow()
    rows = overview.consultants(ctx.read, municipality, ctx.team()) if municipality else []
    device_ids = None
    if ctx.team() is not None:
        device_ids = [d["id"] for row in rows for d in row.devices]
    since = overview.week_start(now)
    received = overview.agreements_received(ctx.read, municipality, since, device_ids) \
        if municipality else 0
    conflicts = overview.conflicts_recorded(ctx.read, municipality, since, device_ids) \
        if municipality else 0
    flagged = [row for row in rows if row.quiet(days, now)]
    return render(ctx, "overview.html", municipality=municipality, rows=rows, days=days,
                  flagged=flagged, received=received, conflicts=conflicts, week_start=since)


@router.get("/overview")
async def overview_page(request: Request) -> Response:
    return await page(request, _overview)


def _consultants(ctx: Ctx, error: str = "", status: int = 200) -> Response:
    ctx.require("consultants")
    municipality = ctx.municipality(ctx.request.query_params.get("m"))
    rows = overview.consultants(ctx.read, municipality, ctx.team()) if municipality else []
    return render(ctx, "consultants.html", status=status, municipality=municipality,
                  rows=rows, error=error)


@router.get("/consultants")
async def consultants_page(request: Request) -> Response:
    return await page(request, _consultants)


def _consultant_in_scope(ctx: Ctx, consultant_id: str, what: str) -> tuple[str, str]:
    """(municipality, name) of a consultant the user may act on, else Refused."""
    try:
        municipality, name = admin.consultant_municipality(ctx.read, consultant_id)
    except ServiceError:
        store.log_action(ctx.engine, ctx.user, what, consultant_id, outcome="refused")
        raise Refused(_N(CTX, "Konsulenten findes ikke.")) from None
    user = ctx.user
    assert user is not None
    team = ctx.team()
    if (not user.all_municipalities and municipality != user.municipality_code) or \
            (team is not None and consultant_id not in team):
        store.log_action(ctx.engine, user, what, consultant_id, outcome="refused")
        raise Refused(_N(CTX, "Konsulenten hører ikke til dem, du har adgang til."))
    return municipality, name


def _add_consultant(ctx: Ctx, form: FormData) -> Response:
    ctx.require("add_consultant")
    municipality = ctx.municipality(str(form.get("m", "")) or None)
    name = str(form.get("name", "")).strip()[:100]
    email = str(form.get("email", "")).strip()[:200]
    if not name or municipality is None:
        return _consultants(ctx, ctx.t(_N(CTX, "Skriv konsulentens navn.")), 422)
    consultant_id = admin.add_consultant(ctx.engine, municipality, name, email)
    with db.writing(ctx.engine) as conn:
        if ctx.user is not None and ctx.user.role == store.TEAM_LEADER:
            store.add_to_team(conn, ctx.user.id, consultant_id)
        store.log_action(ctx.engine, ctx.user, "add_consultant", consultant_id,
                         municipality, detail=name, conn=conn)
    return redirect(f"{PREFIX}/consultants/{consultant_id}")


@router.post("/consultants")
async def add_consultant(request: Request) -> Response:
    return await action(request, _add_consultant)


def _consultant(ctx: Ctx, consultant_id: str, code: str = "") -> Response:
    ctx.require("consultants", consultant_id)
    municipality, _ = _consultant_in_scope(ctx, consultant_id, "consultants")
    row = next(r for r in overview.consultants(ctx.read, municipality, {consultant_id}))
    qr = ""
    if code:
        qr = segno.make(code, error="m").svg_inline(scale=6, dark="#000", light="#fff",
                                                    title=code)
    server = str(ctx.request.base_url).rstrip("/")
    return render(ctx, "consultant.html", row=row, municipality=municipality, code=code,
                  qr=qr, server=server, now=db.utcnow(), days=QUIET_DAYS)


@router.get("/consultants/{consultant_id}")
async def consultant_page(request: Request, consultant_id: str) -> Response:
    return await page(request, _consultant, consultant_id[:36])


def _new_code(ctx: Ctx, _form: FormData, consultant_id: str) -> Response:
    ctx.require("enroll", consultant_id)
    municipality, _ = _consultant_in_scope(ctx, consultant_id, "enroll")
    if admin.is_deactivated(ctx.read, consultant_id):
        raise Refused(_N(CTX, "Konsulenten er deaktiveret."))
    code = auth.store_code(ctx.engine, consultant_id)
    store.log_action(ctx.engine, ctx.user, "enrollment_code", consultant_id, municipality)
    # The code is shown on this answer only (it is stored as a hash); a reload asks again.
    return _consultant(ctx, consultant_id, code)


@router.post("/consultants/{consultant_id}/code")
async def new_code(request: Request, consultant_id: str) -> Response:
    return await action(request, _new_code, consultant_id[:36])


def _deactivate(ctx: Ctx, form: FormData, consultant_id: str) -> Response:
    ctx.require("deactivate_consultant", consultant_id)
    municipality, name = _consultant_in_scope(ctx, consultant_id, "deactivate_consultant")
    if form.get("confirm") != "yes":
        return redirect(f"{PREFIX}/consultants/{consultant_id}")
    revoked = admin.deactivate_consultant(ctx.engine, consultant_id)
    store.log_action(ctx.engine, ctx.user, "deactivate_consultant", consultant_id,
                     municipality, detail=f"{name}; {len(revoked)} devices revoked")
    return redirect(f"{PREFIX}/consultants/{consultant_id}")


@router.post("/consultants/{consultant_id}/deactivate")
async def deactivate(request: Request, consultant_id: str) -> Response:
    return await action(request, _deactivate, consultant_id[:36])


def _revoke(ctx: Ctx, _form: FormData, device_id: str) -> Response:
    ctx.require("revoke_device", device_id)
    d = db.device.c
    with ctx.read.connect() as conn:
        owner = conn.execute(select(d.consultant_id).where(d.id == device_id)).scalar()
    if owner is None:
        store.log_action(ctx.engine, ctx.user, "revoke_device", device_id, outcome="refused")
        raise Refused(_N(CTX, "Enheden findes ikke."))
    municipality, _ = _consultant_in_scope(ctx, owner, "revoke_device")
    auth.revoke(ctx.engine, device_id)
    store.log_action(ctx.engine, ctx.user, "revoke_device", device_id, municipality)
    return redirect(f"{PREFIX}/consultants/{owner}")


@router.post("/devices/{device_id}/revoke")
async def revoke(request: Request, device_id: str) -> Response:
    return await action(request, _revoke, device_id[:36])


# -- data protection -----------------------------------------------------------------------------

def _parse_day(value: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value.strip()) if value.strip() else None
    except ValueError:
        return None


CPR = re.compile(r"\d{6}-?\d{4}")


def _citizen_id(ctx: Ctx, given: str, municipality: str | None) -> str:
    """A citizen's id as given, or the id of the citizen with that CPR number in the
    municipality (found by the blind index; the number itself is not stored)."""
    if not CPR.fullmatch(given) or municipality is None:
        return given
    r = db.record.c
    with ctx.read.connect() as conn:
        found = conn.execute(select(r.id).where(
            r.entity == "citizen", r.municipality_code == municipality,
            r.cpr_index == db.cpr_index(conn, given))).scalar()
    return found or given


def _access_log(ctx: Ctx, message: str = "", status: int = 200) -> Response:
    ctx.require("access_log")
    q = ctx.request.query_params
    municipality = ctx.municipality(q.get("m"))
    citizen = _citizen_id(ctx, q.get("citizen", "").strip()[:64], municipality)
    consultant = q.get("consultant", "").strip()[:100]
    since_text, until_text = q.get("since", "")[:10], q.get("until", "")[:10]
    since, until = _parse_day(since_text), _parse_day(until_text)
    problems = []
    if since_text and since is None:
        problems.append(ctx.t(_N(CTX, "Fra-datoen skal skrives ÅÅÅÅ-MM-DD.")))
    if until_text and until is None:
        problems.append(ctx.t(_N(CTX, "Til-datoen skal skrives ÅÅÅÅ-MM-DD.")))
    consultants = overview.consultants(ctx.read, municipality) if municipality else []
    consultant_id = None
    if consultant:
        found = [c.id for c in consultants if consultant in (c.id, c.name)]
        if not found:
            problems.append(ctx.t(_N(CTX, "Konsulenten findes ikke i kommunen.")))
        else:
            consultant_id = found[0]
    searched = bool(citizen or consultant or since_text or until_text)
    answer = None
    if searched and not problems and municipality:
        answer = access_log.query(ctx.read, citizen=citizen or None,
                                  consultant_id=consultant_id, since=since,
                                  until=until + dt.timedelta(days=1) if until else None,
                                  limit=500, municipality=municipality)
        store.log_action(ctx.engine, ctx.user, "access_log_search", citizen or consultant,
                         municipality, detail=f"{since_text}..{until_text}")
    return render(ctx, "access_log.html", status=status if not problems else 422,
                  municipality=municipality, citizen=citizen, consultant=consultant,
                  since=since_text, until=until_text, problems=problems, answer=answer,
                  consultants=consultants, message=message)


@router.get("/access-log")
async def access_log_page(request: Request) -> Response:
    return await page(request, _access_log)


def _citizen_in_municipality(ctx: Ctx, citizen_id: str, what: str) -> str:
    r = db.record.c
    with ctx.read.connect() as conn:
        found = conn.execute(select(r.municipality_code).where(
            r.entity == "citizen", r.id == citizen_id)).scalar()
    user = ctx.user
    assert user is not None
    if found is None or (not user.all_municipalities and found != user.municipality_code):
        store.log_action(ctx.engine, user, what, citizen_id, outcome="refused")
        raise Refused(_N(CTX, "Borgeren findes ikke i din kommune."))
    return found


def _export(ctx: Ctx, form: FormData) -> Response:
    ctx.require("export")
    citizen_id = _citizen_id(ctx, str(form.get("citizen", "")).strip()[:64],
                             ctx.user.municipality_code)
    municipality = _citizen_in_municipality(ctx, citizen_id, "export")
    data = citizen_data.export(ctx.engine, citizen_id, actor=f"console:{ctx.user.username}")
    store.log_action(ctx.engine, ctx.user, "export", citizen_id, municipality)
    body = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    response = Response(body, media_type="application/json")
    response.headers["Content-Disposition"] = \
        f'attachment; filename="borger-{citizen_id[:40]}.json"'
    return secure(response)


@router.post("/citizens/export")
async def export(request: Request) -> Response:
    return await action(request, _export)


def _erase(ctx: Ctx, form: FormData) -> Response:
    ctx.require("erase")
    citizen_id = _citizen_id(ctx, str(form.get("citizen", "")).strip()[:64],
                             ctx.user.municipality_code)
    municipality = _citizen_in_municipality(ctx, citizen_id, "erase")
    if form.get("confirm") != "yes":
        return _access_log(ctx, ctx.t(_N(CTX, "Sæt kryds for at bekræfte sletningen.")), 422)
    try:
        erased = citizen_data.erase(ctx.engine, citizen_id,
                                    including_signed=form.get("including_signed") == "yes",
                                    actor=f"console:{ctx.user.username}")
    except ServiceError as exc:
        if exc.code != "signed_agreements":
            raise
        return _access_log(ctx, ctx.t(_N(
            CTX, "Borgeren har underskrevne aftaler, som kommunen normalt skal opbevare. "
                 "Sæt også kryds ved 'Slet også underskrevne aftaler' for at slette dem.")),
            409)
    store.log_action(ctx.engine, ctx.user, "erase", citizen_id, municipality,
                     detail=f"{erased} records")
    return _access_log(ctx, ctx.t(_N(CTX, "Borgeren er slettet. Enhederne glemmer borgeren "
                                          "ved næste synkronisering.")))


@router.post("/citizens/erase")
async def erase(request: Request) -> Response:
    return await action(request, _erase)


def _actions(ctx: Ctx) -> Response:
    ctx.require("actions")
    municipality = None if ctx.user.all_municipalities else ctx.user.municipality_code
    return render(ctx, "actions.html", rows=store.actions(ctx.read, municipality))


@router.get("/actions")
async def actions_page(request: Request) -> Response:
    return await page(request, _actions)


# -- imports and assignment ----------------------------------------------------------------------

def _imports(ctx: Ctx, result: Any = None, problems: list[str] | None = None,
             error: str = "", status: int = 200, kind: str = "") -> Response:
    ctx.require("imports")
    municipality = ctx.municipality(ctx.request.query_params.get("m"))
    consultants = [c for c in overview.consultants(ctx.read, municipality)
                   if not c.deactivated] if municipality else []
    return render(ctx, "imports.html", status=status, municipality=municipality,
                  consultants=consultants, kinds=IMPORT_KINDS, result=result,
                  problems=problems or [], error=error, kind=kind)


@router.get("/imports")
async def imports_page(request: Request) -> Response:
    return await page(request, _imports)


def _import(ctx: Ctx, form: FormData) -> Response:
    from .. import imports
    ctx.require("imports")
    municipality = ctx.municipality(str(form.get("m", "")) or None)
    kind = str(form.get("kind", ""))
    upload = form.get("file")
    consultant = str(form.get("consultant", "")).strip() or None
    keep_good = form.get("keep_good") == "yes"
    if kind not in IMPORT_KINDS:
        return _imports(ctx, error=ctx.t(_N(CTX, "Vælg hvad filen indeholder.")), status=422)
    data = upload.file.read() if hasattr(upload, "file") else b""
    if not data or municipality is None:
        return _imports(ctx, error=ctx.t(_N(CTX, "Vælg en CSV-fil.")), status=422, kind=kind)
    name = getattr(upload, "filename", "") or "filen"
    try:
        result = imports.import_bytes(ctx.engine, kind, data, municipality,
                                      consultant if kind == "citizens" else None, keep_good,
                                      name[:100])
    except ServiceError as exc:
        return _imports(ctx, error=exc.message, status=422, kind=kind)
    problems = [p.render(ctx.t.pair) for p in result.problems]
    store.log_action(ctx.engine, ctx.user, "import", f"{kind}:{name[:60]}", municipality,
                     detail=f"{result.created} created, {result.updated} updated, "
                            f"{len({p.line for p in result.problems})} bad lines, "
                            f"keep_good={keep_good}")
    return _imports(ctx, result=result, problems=problems,
                    status=422 if problems and not keep_good else 200, kind=kind)


@router.post("/imports")
async def import_csv(request: Request) -> Response:
    return await action(request, _import)


def _citizens(ctx: Ctx, message: str = "", status: int = 200) -> Response:
    ctx.require("assign")
    q = ctx.request.query_params
    municipality = ctx.municipality(q.get("m"))
    consultants = overview.consultants(ctx.read, municipality) if municipality else []
    owner = q.get("consultant", "")[:36]
    r = db.record.c
    rows: list[dict[str, Any]] = []
    total = 0
    if municipality:
        where = [r.entity == "citizen", r.municipality_code == municipality,
                 r.deleted.is_(False)]
        if owner:
            where.append(r.owner_consultant_id == owner)
        with ctx.read.connect() as conn:
            total = conn.execute(select(func.count()).select_from(db.record)
                                 .where(*where)).scalar_one()
            for row in conn.execute(select(r.id, r.values_json, r.owner_consultant_id)
                                    .where(*where).order_by(r.id).limit(MAX_CITIZENS_SHOWN)):
                values = json.loads(row.values_json)
                rows.append({"id": row.id, "name": values.get("name", ""),
                             "target_group": values.get("target_group", ""),
                             "owner": row.owner_consultant_id or ""})
    names = {c.id: c.name for c in consultants}
    rows.sort(key=lambda row: str(row["name"]).lower())
    return render(ctx, "citizens.html", status=status, municipality=municipality,
                  consultants=consultants, owner=owner, rows=rows, total=total, names=names,
                  message=message)


@router.get("/citizens")
async def citizens_page(request: Request) -> Response:
    return await page(request, _citizens)


def _assign(ctx: Ctx, form: FormData) -> Response:
    ctx.require("assign")
    municipality = ctx.municipality(str(form.get("m", "")) or None)
    target = str(form.get("target", ""))[:36]
    chosen = [str(v)[:64] for v in form.getlist("citizen")][:MAX_CITIZENS_SHOWN]
    consultants = {c.id: c for c in overview.consultants(ctx.read, municipality)} \
        if municipality else {}
    if target not in consultants or consultants[target].deactivated:
        return _citizens(ctx, ctx.t(_N(CTX, "Vælg den konsulent, borgerne skal flyttes til.")),
                         422)
    if not chosen:
        return _citizens(ctx, ctx.t(_N(CTX, "Sæt kryds ved de borgere, der skal flyttes.")),
                         422)
    moved = 0
    for citizen_id in chosen:
        _citizen_in_municipality(ctx, citizen_id, "assign")
        admin.assign_citizen(ctx.engine, citizen_id, target)
        moved += 1
        store.log_action(ctx.engine, ctx.user, "assign", citizen_id, municipality,
                         detail=f"to {target}")
    return _citizens(ctx, ctx.t(_N(CTX, "{n} borger(e) flyttet til {name}. Den tidligere "
                                        "konsulents enheder glemmer dem ved næste "
                                        "synkronisering.")).format(
        n=moved, name=consultants[target].name))


@router.post("/citizens/assign")
async def assign(request: Request) -> Response:
    return await action(request, _assign)


# -- received agreements -------------------------------------------------------------------------

def _receipt_ok(ctx: Ctx, row: Any) -> bool:
    """The service's receipt signature checked now against its CA key."""
    import base64

    from cryptography.exceptions import InvalidSignature

    from .. import sealed
    message = sealed.receipt_message(row.agreement_id, row.revision, row.content_hash,
                                     row.pdf_sha256, row.received_at)
    try:
        ctx.request.app.state.ca.certificate.public_key().verify(
            base64.b64decode(row.service_signature), message)
    except (InvalidSignature, ValueError):
        return False
    return True


def _agreement_rows(ctx: Ctx, municipality: str, since: dt.datetime | None,
                    until: dt.datetime | None, consultant_ids: set[str] | None
                    ) -> list[dict[str, Any]]:
    from .. import sealed
    s, d, c = db.sealed_agreement.c, db.device.c, db.consultant.c
    where = [s.municipality_code == municipality]
    if since is not None:
        where.append(s.received_at >= since)
    if until is not None:
        where.append(s.received_at < until + dt.timedelta(days=1))
    if consultant_ids is not None:
        where.append(d.consultant_id.in_(consultant_ids))
    rows = []
    with ctx.read.connect() as conn:
        for row in conn.execute(select(db.sealed_agreement, c.name.label("consultant"),
                                       d.consultant_id)
                                .join(db.device, d.id == s.device_id)
                                .join(db.consultant, c.id == d.consultant_id)
                                .where(*where).order_by(s.received_at.desc()).limit(200)):
            content = sealed.stored_upload(conn, row.agreement_id, row.revision,
                                           row.upload_json).get("content", {})
            fields = content.get("fields", {}) if isinstance(content, dict) else {}
            rows.append({"row": row, "type": content.get("agreement_type", ""),
                         "employer": fields.get("employer_name", ""),
                         "p_number": fields.get("employer_p_number") or
                         fields.get("p_number", ""),
                         "start": fields.get("start_date", ""),
                         "receipt_ok": _receipt_ok(ctx, row)})
    return rows


def _agreements(ctx: Ctx) -> Response:
    ctx.require("agreements")
    q = ctx.request.query_params
    municipality = ctx.municipality(q.get("m"))
    employer = q.get("employer", "").strip()[:100]
    p_number = q.get("p_number", "").strip()[:10]
    kind = q.get("type", "").strip()[:40]
    consultant = q.get("consultant", "")[:36]
    since_text, until_text = q.get("since", "")[:10], q.get("until", "")[:10]
    consultants = overview.consultants(ctx.read, municipality, ctx.team()) \
        if municipality else []
    allowed = {c.id for c in consultants} if ctx.team() is not None else None
    if consultant:
        allowed = {consultant} & allowed if allowed is not None else {consultant}
    rows = _agreement_rows(ctx, municipality, _parse_day(since_text), _parse_day(until_text),
                           allowed) if municipality else []
    rows = [r for r in rows
            if (not employer or employer.lower() in str(r["employer"]).lower())
            and (not p_number or str(r["p_number"]) == p_number)
            and (not kind or r["type"] == kind)]
    types = sorted({r["type"] for r in rows if r["type"]} | ({kind} if kind else set()))
    return render(ctx, "agreements.html", municipality=municipality, rows=rows,
                  consultants=consultants, employer=employer, p_number=p_number, kind=kind,
                  consultant=consultant, since=since_text, until=until_text, types=types)


@router.get("/agreements")
async def agreements_page(request: Request) -> Response:
    return await page(request, _agreements)


def _agreement_pdf(ctx: Ctx, agreement_id: str, revision: int) -> Response:
    from .. import sealed
    ctx.require("agreements", agreement_id)
    s, d = db.sealed_agreement.c, db.device.c
    with ctx.read.connect() as conn:
        row = conn.execute(select(db.sealed_agreement, d.consultant_id)
                           .join(db.device, d.id == s.device_id)
                           .where(s.agreement_id == agreement_id, s.revision == revision)
                           ).first()
        if row is None:
            raise Refused(_N(CTX, "Aftalen findes ikke."))
        _consultant_in_scope(ctx, row.consultant_id, "agreement_pdf")
        pdf = sealed.stored_pdf(conn, row.agreement_id, row.revision, row.pdf)
    with db.writing(ctx.engine) as conn:
        access_log.log_admin(conn, row.municipality_code, "read", "console",
                             [("placement_agreement", agreement_id, None)],
                             detail=f"PDF revision {revision}",
                             actor=f"console:{ctx.user.username}")
        store.log_action(ctx.engine, ctx.user, "agreement_pdf", agreement_id,
                         row.municipality_code, conn=conn)
    response = Response(pdf, media_type="application/pdf")
    response.headers["Content-Disposition"] = \
        f'inline; filename="aftale-{agreement_id[:40]}-{revision}.pdf"'
    return secure(response)


@router.get("/agreements/{agreement_id}/{revision}/pdf")
async def agreement_pdf(request: Request, agreement_id: str, revision: int) -> Response:
    return await page(request, _agreement_pdf, agreement_id[:64], revision)


# -- rule sets -----------------------------------------------------------------------------------

def _rulesets(ctx: Ctx) -> Response:
    from .. import rulesets
    ctx.require("rulesets")
    return render(ctx, "rulesets.html", rows=rulesets.listing(ctx.read))


@router.get("/rulesets")
async def rulesets_page(request: Request) -> Response:
    return await page(request, _rulesets)
