"""The randomized fault campaign: seeded runs of three real devices against a real service.

One run (``run_once``), from one seed: a fresh municipality on a running ``consultant-server``
(SQLite, PostgreSQL, or two service processes on one PostgreSQL database), two consultants,
three real profiles (two devices of consultant A, one of consultant B), each enrolled through
its own fault-injecting proxy (``proxy.FaultProxy``). Then a seeded sequence of steps: offline
edits through the app's own services (employers, contacts, visits, vacancies, citizens, matches,
agreement drafts, deletes, a CPR reveal), syncs through the faulty proxies, citizens reassigned
on the service (``admin.assign_citizen``, the code behind ``consultant-server assign-citizen``),
the service killed with -9 in the middle of a sync and restarted, a client's sync run in a
process of its own and killed with -9. Then the faults heal and every device syncs until
nothing moves, and the invariants are checked (``check``):

- ``diverged``: every device holds exactly the live records of its scope, with the service's
  values; ``leaked``: a device holds a record outside its scope;
- ``lost``: every edit made is the current value, a kept conflict loser, overwritten by an edit
  made after it was seen, or refused for scope (citizen moved); every create and delete arrived;
- ``refused``: the service refused an edit of the app for a reason other than scope;
- ``duplicated``: no natural key (CVR + P-number, CPR) twice among live records;
- ``outbox`` / ``parked``: outbox empty, nothing parked or quarantined after healing;
- ``stuck``: a device that cannot finish a sync after healing, or does not settle;
- ``unexpected``: an error that is not a ``SyncError`` (a traceback) during a sync;
- ``integrity``: ``PRAGMA integrity_check`` on every profile;
- ``enroll``: an enrollment whose answer was lost spent the code (``enroll_faults``).

``python -m tests.chaos.campaign --runs N --seed S --backend sqlite|postgresql|postgresql2``
(``make chaos``) runs seeds S, S+1, ... and prints the figures and a replay command for each
failing seed. Features (``--features``) name the kinds of trouble a run may contain, so the
suite can run the ones that hold while the campaign keeps running all of them.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import datetime as dt
import json
import logging
import multiprocessing
import random
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from consultant_app import services
from consultant_app.errors import UserError
from consultant_app.store import Store
from consultant_app.store.models import (
    MODEL_BY_ENTITY,
    Citizen,
    ContactPerson,
    Employer,
    Match,
    OutboxEntry,
    PlacementAgreement,
    SyncConflict,
    SyncParked,
    Vacancy,
    Visit,
)
from forms import agreements
from sync import protocol
from sync.client import SyncEngine, credentials
from sync.client.codec import codec, to_naive_utc
from sync.client.errors import EnrollmentRefused, SyncError
from sync.client.transport import Transport
from sync.server import admin, auth, db, keys
from tests.support.server_process import ROOT, ServerProcess, fresh_postgres_database

from .proxy import FaultPlan, FaultProxy

PASSPHRASE = "chaos-passphrase"
FAST_KDF = 2 ** 10  # as tests/conftest.py: profiles in use get crypto.DEFAULT_SCRYPT_N
FAULT_TIMEOUT = 1.5  # the devices' read timeout under faults: a hung connection costs 1.5 s
HEAL_TIMEOUT = 60.0  # and after healing (the transport's own default)
HEAL_ROUNDS = 6

BACKENDS = ("sqlite", "postgresql", "postgresql2")
FEATURES = ("faults", "server_kill", "client_kill", "reassign", "deletes", "server_owned",
            "natural_keys", "agreements", "enroll_faults", "sealed", "concurrent_edits")
# Rejections that keep the change for the consultant on purpose: the record left the scope.
SCOPE_REJECTIONS = {"out_of_scope", "scope_exit"}
# Refused by a rule of the protocol, the record kept as the service has it: a delete made
# offline of what a signed agreement came to name meanwhile (protocol, "Deletes").
RULE_REJECTIONS = {"signed_agreement"}
# Valid CVR numbers (mod 11) for new and edited employers.
CVRS = ("25313763", "10000009", "13585628", "10150817", "10403782", "20756438", "29403473")


# -- the service side ----------------------------------------------------------------------

class Cluster:
    """The running service (one or two processes on one database) shared by many runs; each
    run works in a municipality of its own."""

    def __init__(self, backend: str, folder: Path):
        if backend not in BACKENDS:
            raise ValueError(f"unknown backend {backend!r}; one of {', '.join(BACKENDS)}")
        self.backend = backend
        self.folder = Path(folder)
        # One master key for the cluster (sync/server/keys.py): both service processes on one
        # PostgreSQL database, a restarted one, and this process's own admin calls must all
        # unwrap the same data keys. The in-suite runs get theirs from tests/conftest.py.
        os.environ.setdefault(keys.MASTER_KEY_ENV,
                              base64.b64encode(secrets.token_bytes(32)).decode("ascii"))
        self._stack = contextlib.ExitStack()
        if backend == "sqlite":
            url = f"sqlite:///{self.folder / 'server-data' / 'server.sqlite'}"
        else:
            url = self._stack.enter_context(fresh_postgres_database())
        count = 2 if backend == "postgresql2" else 1
        self.servers = [ServerProcess(url, self.folder / f"server-data-{i}")
                        for i in range(count)]
        try:
            for server in self.servers:
                server.start()
                self._stack.callback(server.stop)
        except BaseException:
            self._stack.close()
            raise
        _, self.engine = db.make_engines(url)
        self._stack.callback(self.engine.dispose)
        self._municipalities = 0

    def new_municipality(self, seed: int) -> str:
        # A code per run: the seed's, unless this cluster has used it already.
        self._municipalities += 1
        code = f"{(seed * 7 + self._municipalities) % 9000 + 1000:04d}"
        while True:
            with self.engine.connect() as conn:
                taken = conn.execute(select(db.municipality.c.code).where(
                    db.municipality.c.code == code)).first()
            if taken is None:
                break
            code = f"{(int(code) - 999) % 9000 + 1000:04d}"
        admin.add_municipality(self.engine, code, f"Kaoskommune {seed}")
        return code

    def ensure_running(self) -> None:
        for server in self.servers:
            if server.proc is None or server.proc.poll() is not None:
                server.proc = None
                server.start()

    def close(self) -> None:
        self._stack.close()

    def __enter__(self) -> Cluster:  # noqa: PYI034
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- the devices -----------------------------------------------------------------------------

# (device, consultant, service process it talks to; None: a random one)
LAYOUT = (("A1", "Anna Chaos", 0), ("A2", "Anna Chaos", 1), ("B1", "Bo Chaos", None))


def make_profiles(folder: str) -> str:
    """A run's three new profiles (``Store.create``, as the app makes them), made ahead in a
    process of their own while the previous run plays: creating a profile (its schema
    migrations) is most of a run's set-up time."""
    for name, consultant, _ in LAYOUT:
        Store.create(Path(folder) / name, PASSPHRASE, consultant=consultant,
                     kdf_n=FAST_KDF).close()
    return folder

@dataclass
class Device:
    name: str
    consultant: str
    consultant_id: str
    folder: Path
    proxy: FaultProxy
    push_batch: int
    pull_limit: int
    store: Store | None = None
    engine: SyncEngine | None = None
    device_id: str = ""
    timeout: list[float] = field(default_factory=lambda: [FAULT_TIMEOUT])

    def open(self) -> None:
        self.store = Store.open(self.folder, PASSPHRASE)
        self.engine = _engine(self.store, self.push_batch, self.pull_limit, self.timeout)

    def close(self) -> None:
        if self.engine is not None:
            self.engine.close()
        if self.store is not None:
            self.store.close()
        self.engine = self.store = None


def _engine(store: Store, push_batch: int, pull_limit: int,
            timeout: list[float]) -> SyncEngine:
    """The real engine and transport; only the read timeout is the campaign's (``timeout``
    holds it, so healing can lengthen it for the next connection)."""
    return SyncEngine(store, transport_factory=lambda url, token: Transport(
        url, token, timeout=timeout[0]), push_batch=push_batch, pull_limit=pull_limit,
        use_keyring=False)


@dataclass
class Edit:
    """One change a device made: a create, a delete, or one field's new value."""

    order: int
    device: str
    kind: str            # create | update | delete
    entity: str
    entity_id: str
    field: str = ""
    value: Any = None
    prev: Any = None


@dataclass
class Violation:
    invariant: str
    detail: str


@dataclass
class RunResult:
    seed: int
    backend: str
    features: tuple[str, ...]
    violations: list[Violation] = field(default_factory=list)
    stats: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    steps: int = 16
    kill_rate: float = 0.4
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.violations

    @property
    def invariants(self) -> list[str]:
        return sorted({v.invariant for v in self.violations})

    def replay(self) -> str:
        extra = "" if set(self.features) == set(FEATURES) else \
            f" FEATURES={','.join(self.features)}"
        if self.steps != 16:
            extra += f" STEPS={self.steps}"
        if self.kill_rate != 0.4:
            extra += f" KILL_RATE={self.kill_rate:g}"
        return f"make chaos RUNS=1 SEED={self.seed} BACKEND={self.backend}{extra}"

    def describe(self) -> str:
        lines = [f"seed {self.seed} ({self.backend}): {', '.join(self.invariants)}"]
        for v in self.violations[:12]:
            lines.append(f"  {v.invariant}: {v.detail}")
        if len(self.violations) > 12:
            lines.append(f"  ... and {len(self.violations) - 12} more")
        lines.append(f"  replay: {self.replay()}")
        return "\n".join(lines)


# -- one run ---------------------------------------------------------------------------------

class Run:
    def __init__(self, cluster: Cluster, seed: int, features: tuple[str, ...], folder: Path,
                 steps: int, kill_rate: float = 0.4):
        self.cluster = cluster
        self.seed = seed
        self.features = set(features)
        self.folder = folder
        self.steps = steps
        self.kill_rate = kill_rate
        self.rng = random.Random(seed)
        self.result = RunResult(seed, cluster.backend, tuple(sorted(features)), steps=steps,
                                kill_rate=kill_rate)
        self.edits: list[Edit] = []
        self.devices: list[Device] = []
        self.municipality = ""
        self.consultants: dict[str, str] = {}  # consultant name -> id
        self._order = 0
        self._serial = 0

    # -- set-up -------------------------------------------------------------------------
    def setup(self) -> None:
        engine = self.cluster.engine
        self.municipality = self.cluster.new_municipality(self.seed)
        for name in ("Anna Chaos", "Bo Chaos"):
            self.consultants[name] = admin.add_consultant(engine, self.municipality, name)
        for name, consultant, server_index in LAYOUT:
            if server_index is None or server_index >= len(self.cluster.servers):
                server_index = self.rng.randrange(len(self.cluster.servers))
            server = self.cluster.servers[server_index]
            rate = self.rng.choice((0.15, 0.3, 0.45)) if "faults" in self.features else 0.0
            plan = FaultPlan(random.Random(self.rng.random()), rate=0.0,
                             hang_pause=FAULT_TIMEOUT + 0.5)
            plan.planned_rate = rate  # type: ignore[attr-defined]
            proxy = FaultProxy(server.port, plan)
            device = Device(name, consultant, self.consultants[consultant],
                            self.folder / name, proxy,
                            push_batch=self.rng.choice((2, 5, 500)),
                            pull_limit=self.rng.choice((3, 10, 5000)))
            if Store.exists(device.folder):  # made ahead by make_profiles
                store = Store.open(device.folder, PASSPHRASE)
            else:
                store = Store.create(device.folder, PASSPHRASE, consultant=consultant,
                                     kdf_n=FAST_KDF)
            device.store = store
            device.engine = _engine(store, device.push_batch, device.pull_limit,
                                    device.timeout)
            self.enroll(device)
            device.device_id = store.meta(credentials.DEVICE_ID) or ""
            self.devices.append(device)
        # Something to work on: each consultant starts with employers and citizens, synced.
        for device in self.devices[0], self.devices[2]:
            for _ in range(2):
                self.op_new_employer(device)
                self.op_new_citizen(device)
        for device in self.devices + self.devices[:1]:
            self.sync(device, quiet=False)
        for device in self.devices:
            device.proxy.plan.rate = device.proxy.plan.planned_rate  # type: ignore[attr-defined]

    def enroll(self, device: Device) -> None:
        """Enroll through the device's proxy. With ``enroll_faults`` the proxy's faults are on
        and a failed attempt is retried with the same code and key, as a consultant would;
        a code spent without an enrollment (the answer lost) is the ``enroll`` invariant,
        and the run goes on with a new code."""
        assert device.engine is not None
        code = auth.store_code(self.cluster.engine, device.consultant_id)
        plan = device.proxy.plan
        if "enroll_faults" in self.features:
            plan.rate = max(plan.planned_rate, 0.3)  # type: ignore[attr-defined]
        try:
            for _ in range(8):
                try:
                    device.engine.enroll(device.proxy.url, code, device_name=device.name)
                    return
                except EnrollmentRefused as exc:
                    self.result.violations.append(Violation(
                        "enroll", f"{device.name}: the code was spent by an enrollment whose "
                                  f"answer was lost: {exc.message}"))
                    break
                except SyncError:
                    self.result.stats["enroll_retries"] += 1
            plan.rate = 0.0
            device.engine.enroll(device.proxy.url,
                                 auth.store_code(self.cluster.engine, device.consultant_id),
                                 device_name=device.name)
        finally:
            plan.rate = 0.0

    # -- recording edits ----------------------------------------------------------------
    def _record(self, device: Device, kind: str, entity: str, entity_id: str,
                field_name: str = "", value: Any = None, prev: Any = None) -> None:
        self._order += 1
        self.edits.append(Edit(self._order, device.name, kind, entity, entity_id, field_name,
                               value, prev))
        if kind == "delete":
            self.result.stats["deletes"] += 1

    def _write(self, device: Device, entity: str, entity_id: str | None,
               change: Callable[[Session], Any]) -> Any:
        """Run ``change`` in one write transaction and record what it changed: a create
        (``entity_id`` None: the id comes back from ``change``) or each changed field."""
        assert device.store is not None
        model = MODEL_BY_ENTITY[entity]
        c = codec(entity)
        try:
            with device.store.write() as s:
                before = None
                if entity_id is not None:
                    row = s.get(model, entity_id)
                    if row is None or row.deleted:
                        return None
                    before = c.encode(row)
                made = change(s)
                ident = entity_id or made.id
                s.flush()
                row = s.get(model, ident)
                after = c.encode(row)
                deleted = bool(row.deleted)
        except UserError:
            self.result.stats["refused_locally"] += 1
            return None
        self.result.stats[f"op_{entity}"] += 1
        if before is None:
            self._record(device, "create", entity, ident)
        elif deleted:
            self._record(device, "delete", entity, ident)
        else:
            for name, value in after.items():
                if value != before.get(name):
                    self._record(device, "update", entity, ident, name, value,
                                 before.get(name))
        return made

    def _live(self, device: Device, model: type[Any], **where: Any) -> list[Any]:
        assert device.store is not None
        with device.store.read() as s:
            query = select(model).where(model.deleted.is_(False))
            for name, value in where.items():
                query = query.where(getattr(model, name) == value)
            return list(s.scalars(query.order_by(model.id)))

    def _pick(self, device: Device, model: type[Any], **where: Any) -> Any:
        rows = self._live(device, model, **where)
        return self.rng.choice(rows) if rows else None

    def _text(self, what: str) -> str:
        self._serial += 1
        return f"{what} {self.seed}-{self._serial}-{self.rng.randint(0, 999)}"

    # -- the operations (the app's own services) -----------------------------------------
    def op_new_employer(self, device: Device) -> None:
        if "natural_keys" in self.features and self.rng.random() < 0.3:
            cvr, p = CVRS[0], f"{5000000000 + self.rng.randint(0, 3)}"  # shared by all devices
        else:
            cvr, p = self.rng.choice(CVRS), f"{self.rng.randint(1000000000, 4999999999)}"
        self._write(device, "employer", None, lambda s: services.create_employer(s, {
            "cvr": cvr, "p_number": p, "name": self._text("Firma"),
            "notes": self._text("Noter"), "phone": f"{self.rng.randint(20000000, 99999999)}"}))

    def op_edit_employer(self, device: Device) -> None:
        e = self._pick(device, Employer)
        if e is None:
            return
        changes: dict[str, Any] = {}
        for name in self.rng.sample(("name", "notes", "phone", "industry"), k=2):
            changes[name] = (f"{self.rng.randint(20000000, 99999999)}" if name == "phone"
                             else self._text(name))
        if "server_owned" in self.features and self.rng.random() < 0.2:
            changes["cvr"] = self.rng.choice(CVRS)
        self._write(device, "employer", e.id,
                    lambda s: services.update_employer(s, e.id, changes))

    def op_add_contact(self, device: Device) -> None:
        e = self._pick(device, Employer)
        if e is not None:
            self._write(device, "contact_person", None, lambda s: services.add_contact(
                s, e.id, {"name": self._text("Kontakt"), "role": "Leder"}))

    def op_edit_contact(self, device: Device) -> None:
        c = self._pick(device, ContactPerson)
        if c is not None:
            self._write(device, "contact_person", c.id, lambda s: services.update_contact(
                s, c.id, {"role": self._text("Rolle"),
                          "phone": f"{self.rng.randint(20000000, 99999999)}"}))

    def op_log_visit(self, device: Device) -> None:
        e = self._pick(device, Employer)
        if e is not None:
            follow = dt.date(2026, 12, 1) + dt.timedelta(days=self.rng.randint(0, 60))
            self._write(device, "visit", None, lambda s: services.log_visit(s, e.id, {
                "visit_date": dt.date(2026, 11, 20), "notes": self._text("Besøg"),
                "follow_up_date": follow, "follow_up_note": "Ring igen"}))

    def op_edit_visit(self, device: Device) -> None:
        v = self._pick(device, Visit)
        if v is None:
            return
        if self.rng.random() < 0.3:
            self._write(device, "visit", v.id,
                        lambda s: services.complete_follow_up(s, v.id))
        else:
            self._write(device, "visit", v.id, lambda s: services.update_visit(
                s, v.id, {"notes": self._text("Besøg"),
                          "status": self.rng.choice(("done", "planned", "cancelled"))}))

    def op_new_vacancy(self, device: Device) -> None:
        e = self._pick(device, Employer)
        if e is not None:
            self._write(device, "vacancy", None, lambda s: services.create_vacancy(s, e.id, {
                "title": self._text("Stilling"), "kind": self.rng.choice(("ordinary", "praktik")),
                "positions": self.rng.randint(1, 4)}))

    def op_edit_vacancy(self, device: Device) -> None:
        v = self._pick(device, Vacancy)
        if v is not None:
            self._write(device, "vacancy", v.id, lambda s: services.update_vacancy(s, v.id, {
                "title": self._text("Stilling"), "description": self._text("Opgaver"),
                "positions": self.rng.randint(1, 9)}))

    def op_delete_vacancy(self, device: Device) -> None:
        v = self._pick(device, Vacancy)
        if v is not None:
            self._write(device, "vacancy", v.id, lambda s: services.delete_vacancy(s, v.id))

    def op_delete_employer(self, device: Device) -> None:
        e = self._pick(device, Employer)
        if e is not None and len(self._live(device, Employer)) > 1:
            self._write(device, "employer", e.id, lambda s: services.delete_employer(s, e.id))

    def op_new_citizen(self, device: Device) -> Citizen | None:
        if "natural_keys" in self.features and self.rng.random() < 0.3:
            cpr = f"0101{self.rng.choice(('80', '81'))}0042"  # shared by all devices
        else:
            cpr = (f"{self.rng.randint(1, 28):02d}{self.rng.randint(1, 12):02d}"
                   f"{self.rng.randint(60, 99)}{self.rng.randint(0, 3)}"
                   f"{self.rng.randint(0, 999):03d}")
        return self._write(device, "citizen", None, lambda s: services.create_citizen(s, {
            "name": self._text("Borger"), "cpr": cpr, "target_group": "dagpenge",
            "notes": self._text("Note"), "skills": ["lager", "truck"]}))

    def op_edit_citizen(self, device: Device) -> None:
        c = self._pick(device, Citizen)
        if c is None:
            return
        changes: dict[str, Any] = {}
        for name in self.rng.sample(("notes", "skills", "phone", "max_hours_per_week"), k=2):
            changes[name] = {"notes": lambda: self._text("Note"),
                             "skills": lambda: self.rng.sample(
                                 ["lager", "truck", "kasse", "rengøring", "kørekort"], k=2),
                             "phone": lambda: f"{self.rng.randint(20000000, 99999999)}",
                             "max_hours_per_week": lambda: self.rng.randint(5, 37)}[name]()
        if "server_owned" in self.features and self.rng.random() < 0.3:
            if self.rng.random() < 0.5:
                changes["target_group"] = self.rng.choice(
                    ("dagpenge", "kontanthjaelp_jobparat", "sygedagpenge"))
            else:
                changes["unemployed_since"] = dt.date(2026, 1, 1) + dt.timedelta(
                    days=self.rng.randint(0, 300))
        self._write(device, "citizen", c.id,
                    lambda s: services.update_citizen(s, c.id, changes))

    def op_delete_citizen(self, device: Device) -> None:
        c = self._pick(device, Citizen)
        if c is not None:
            self._write(device, "citizen", c.id, lambda s: services.delete_citizen(s, c.id))

    def op_reveal_cpr(self, device: Device) -> None:
        c = self._pick(device, Citizen)
        if c is not None:
            with contextlib.suppress(UserError), device.store.write() as s:  # type: ignore[union-attr]
                services.reveal_cpr(s, c.id, "kaostest")
            self.result.stats["op_access_log"] += 1

    def op_propose_match(self, device: Device) -> None:
        v, c = self._pick(device, Vacancy), self._pick(device, Citizen)
        if v is not None and c is not None:
            self._write(device, "match", None,
                        lambda s: services.propose_match(s, v.id, c.id, note="forslag"))

    def op_move_match(self, device: Device) -> None:
        m = self._pick(device, Match)
        if m is not None:
            to = self.rng.choice(("presented", "interview", "agreed", "declined"))
            self._write(device, "match", m.id, lambda s: services.move_match(
                s, m.id, to, note="passede ikke" if to == "declined" else ""))

    def op_new_agreement(self, device: Device) -> None:
        e, c = self._pick(device, Employer), self._pick(device, Citizen)
        if e is not None and c is not None:
            self._write(device, "placement_agreement", None, lambda s: agreements.create_draft(
                s, "virksomhedspraktik", e.id, citizen_id=c.id).record)

    def op_edit_agreement(self, device: Device) -> None:
        a = self._pick(device, PlacementAgreement, status="draft")
        if a is not None:
            self._write(device, "placement_agreement", a.id, lambda s: agreements.update_fields(
                s, a.id, {"purpose": self._text("Formål"), "working_hours": "man-tors 8-12"}
            ).record)

    def op_delete_agreement(self, device: Device) -> None:
        a = self._pick(device, PlacementAgreement, status="draft")
        if a is not None:
            self._write(device, "placement_agreement", a.id,
                        lambda s: agreements.delete_draft(s, a.id))

    def step_seal(self) -> None:
        """A virksomhedspraktik made ready, signed by all four parties and sealed on one
        device, through forms (the costliest thing a device does: at most once a run)."""
        from consultant_app.device import device_identity
        from tests.support.signing import seal, sign_all

        device = self.rng.choice(self.devices)
        store = device.store
        assert store is not None
        start = dt.date.today() + dt.timedelta(days=14)
        citizen = self.op_new_citizen(device)
        if citizen is None:
            return
        with store.write() as s:
            employer = services.create_employer(s, {
                "cvr": self.rng.choice(CVRS), "p_number": f"{self.rng.randint(6 * 10**9, 7 * 10**9)}",
                "name": self._text("Bageriet"), "address": "Hovedgaden 1", "postcode": "8000",
                "ordinary_employees": 12})
            contact = services.add_contact(s, employer.id, {
                "name": "Lone Bager", "email": "lone@bager.dk", "phone": "12345678",
                "is_primary": True})
            vacancy = services.create_vacancy(s, employer.id, {
                "title": "Bagermedhjælper", "kind": "praktik", "description": "Pakke brød",
                "hours_min": 15, "hours_max": 25, "start_date": start.isoformat()})
            services.update_citizen(s, citizen.id, {"target_group": "dagpenge"})
            doc = agreements.create_draft(s, "virksomhedspraktik", employer.id,
                                          vacancy_id=vacancy.id, citizen_id=citizen.id)
            doc = agreements.update_fields(s, doc.id, {
                "purpose": "Afklaring af jobmål i bageri", "working_hours": "man-tors 8-12",
                "tr_name": "Per Tillid"})
            for finding in agreements.check_doc(s, doc).open_warnings:
                agreements.acknowledge(s, doc.id, finding.key, "Drøftet med virksomheden.")
            ids = [("employer", employer.id), ("contact_person", contact.id),
                   ("vacancy", vacancy.id), ("placement_agreement", doc.id)]
        identity = device_identity(store)
        sign_all(store, doc.id, identity)
        seal(store, doc.id, identity)
        for entity, ident in ids:
            self._record(device, "create", entity, ident)
        self.result.stats["sealed"] += 1

    def operations(self) -> list[tuple[Callable[[Device], None], int]]:
        ops: list[tuple[Callable[[Device], None], int]] = [
            (self.op_new_employer, 3), (self.op_edit_employer, 6), (self.op_add_contact, 3),
            (self.op_edit_contact, 3), (self.op_log_visit, 3), (self.op_edit_visit, 3),
            (self.op_new_vacancy, 3), (self.op_edit_vacancy, 4), (self.op_new_citizen, 3),
            (self.op_edit_citizen, 6), (self.op_reveal_cpr, 1), (self.op_propose_match, 3),
            (self.op_move_match, 3)]
        if "agreements" in self.features:
            ops += [(self.op_new_agreement, 2), (self.op_edit_agreement, 3)]
        if "deletes" in self.features:
            ops += [(self.op_delete_vacancy, 2), (self.op_delete_employer, 1),
                    (self.op_delete_citizen, 1)]
            if "agreements" in self.features:
                ops.append((self.op_delete_agreement, 1))
        return ops

    # -- syncing, and the trouble -----------------------------------------------------------
    def sync(self, device: Device, quiet: bool = True) -> Any:
        """One sync; a ``SyncError`` is the expected face of a fault, anything else is not."""
        assert device.engine is not None
        self.result.stats["syncs"] += 1
        try:
            return device.engine.sync("chaos")
        except SyncError as exc:
            self.result.stats[f"sync_error_{exc.kind}"] += 1
            if not quiet:
                raise
            return exc
        except Exception as exc:  # noqa: BLE001 - the invariant this campaign checks
            self.result.violations.append(Violation("unexpected", f"{device.name}: " + " | ".join(
                traceback.format_exception_only(type(exc), exc)).strip()[:300]))
            return exc

    def step_server_kill(self) -> None:
        """Kill one service process with -9 while a device syncs, then start it again."""
        device = self.rng.choice(self.devices)
        server = self.rng.choice(self.cluster.servers)
        delay = self.rng.uniform(0.0, 0.2)
        worker = threading.Thread(target=self.sync, args=(device,))
        worker.start()
        time.sleep(delay)
        server.stop(kill=True)
        worker.join()
        server.start()
        self.result.stats["server_kills"] += 1

    def step_client_kill(self) -> None:
        """The device's sync in a process of its own, killed with -9 at a random moment."""
        device = self.rng.choice(self.devices)
        delay = self.rng.uniform(0.0, 0.3)
        device.close()
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", "tests.chaos.killed_sync", str(device.folder),
                 PASSPHRASE, str(device.push_batch), str(device.pull_limit)],
                cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE)
            assert proc.stdout is not None and proc.stdin is not None
            ready = proc.stdout.readline()
            if ready.strip() != b"ready":
                proc.kill()
                _, err = proc.communicate()
                raise RuntimeError(f"killed_sync did not start: {err.decode()[-500:]}")
            proc.stdin.write(b"go\n")
            proc.stdin.flush()
            time.sleep(delay)
            proc.kill()
            _, err = proc.communicate()
            self.result.stats["client_kills" if proc.returncode == -9 else
                              "client_kills_too_late"] += 1
            if b"Traceback" in err:
                self.result.violations.append(Violation(
                    "unexpected", f"{device.name} (own process): {err.decode()[-300:]}"))
        finally:
            device.open()

    def step_drop_mid_sync(self) -> None:
        """Every connection of a device reset while it syncs (a network that goes away)."""
        device = self.rng.choice(self.devices)
        worker = threading.Thread(target=self.sync, args=(device,))
        worker.start()
        time.sleep(self.rng.uniform(0.0, 0.1))
        device.proxy.drop_all()
        worker.join()

    def step_edit_during_sync(self, funcs: list[Callable[[Device], None]],
                              weights: list[int]) -> None:
        """The consultant edits while the device's sync runs (the desktop syncs on a thread
        of its own, the UI writes meanwhile)."""
        device = self.rng.choice(self.devices)
        worker = threading.Thread(target=self.sync, args=(device,))
        worker.start()
        for _ in range(self.rng.randint(1, 3)):
            time.sleep(self.rng.uniform(0.0, 0.05))
            self.rng.choices(funcs, weights)[0](device)
        worker.join()

    def step_reassign(self) -> None:
        """On the service: a citizen of one consultant given to the other."""
        r = db.record.c
        with self.cluster.engine.connect() as conn:
            rows = conn.execute(select(r.id, r.owner_consultant_id).where(
                r.municipality_code == self.municipality, r.entity == "citizen",
                r.deleted.is_(False)).order_by(r.id)).all()
        if not rows:
            return
        citizen_id, owner = self.rng.choice(rows)
        others = [cid for cid in self.consultants.values() if cid != owner]
        admin.assign_citizen(self.cluster.engine, citizen_id, self.rng.choice(others))
        self.result.stats["reassigned"] += 1

    def step_refuse(self) -> None:
        device = self.rng.choice(self.devices)
        if device.proxy._listener is None:
            device.proxy.accept_again()
        else:
            device.proxy.refuse()

    def play(self) -> None:
        ops = self.operations()
        funcs, weights = [f for f, _ in ops], [w for _, w in ops]
        steps: list[tuple[str, int]] = [("edit", 45), ("sync", 32)]
        if "reassign" in self.features:
            steps.append(("reassign", 5))
        if "faults" in self.features:
            steps += [("refuse", 3), ("drop", 3)]
        if "concurrent_edits" in self.features:
            steps.append(("edit_during_sync", 6))
        names, step_weights = [s for s, _ in steps], [w for _, w in steps]
        # A process start costs seconds: at most one kill of each kind per run.
        special: dict[int, str] = {}
        for kind in ("server_kill", "client_kill", "seal"):
            rate = 0.15 if kind == "seal" else self.kill_rate
            if (kind if kind != "seal" else "sealed") in self.features \
                    and self.rng.random() < rate:
                special.setdefault(self.rng.randrange(self.steps), kind)
        for n in range(self.steps):
            step = special.get(n) or self.rng.choices(names, step_weights)[0]
            self.result.stats[f"step_{step}"] += 1
            began = time.monotonic()
            if step == "edit":
                device = self.rng.choice(self.devices)
                for _ in range(self.rng.randint(1, 4)):
                    self.rng.choices(funcs, weights)[0](device)
            elif step == "sync":
                self.sync(self.rng.choice(self.devices))
            elif step == "reassign":
                self.step_reassign()
            elif step == "server_kill":
                self.step_server_kill()
            elif step == "client_kill":
                self.step_client_kill()
            elif step == "seal":
                self.step_seal()
            elif step == "refuse":
                self.step_refuse()
            elif step == "drop":
                self.step_drop_mid_sync()
            elif step == "edit_during_sync":
                self.step_edit_during_sync(funcs, weights)
            self.result.stats[f"seconds_step_{step}"] += round(time.monotonic() - began, 2)

    def heal(self) -> None:
        """No more faults; every device syncs until a whole round moves nothing."""
        self.cluster.ensure_running()
        for device in self.devices:
            device.proxy.heal()
            device.timeout[0] = HEAL_TIMEOUT
            device.engine.close()  # type: ignore[union-attr] - the next sync connects anew
        for n in range(HEAL_ROUNDS):
            moved, failed = 0, []
            for device in self.devices:
                report = self.sync(device)
                if isinstance(report, BaseException):
                    failed.append(f"{device.name}: {type(report).__name__}: "
                                  f"{getattr(report, 'message', report)}")
                else:
                    moved += report.pushed + report.pulled + report.uploaded
            self.result.stats["heal_rounds"] = n + 1
            if not failed and moved == 0:
                return
        if failed:
            for text in failed:
                self.result.violations.append(Violation("stuck", f"sync still fails: {text}"))
        else:
            self.result.violations.append(Violation(
                "stuck", f"still moving records after {HEAL_ROUNDS} rounds"))

    def close(self) -> None:
        for device in self.devices:
            device.close()
            device.proxy.close()
            for kind, n in device.proxy.counts.items():
                self.result.stats[f"fault_{kind}"] += n


# -- the invariants ----------------------------------------------------------------------------

_STAMP = re.compile(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d")


def norm(value: Any) -> Any:
    """Values compared as the wire means them: numbers as floats, stamps as naive UTC."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str) and _STAMP.match(value):
        try:
            stamp = to_naive_utc(value.replace(" ", "T", 1))
        except ValueError:
            return value
        return stamp.isoformat(timespec="microseconds") if stamp else value
    if isinstance(value, (dt.datetime, dt.date)):
        return norm(value.isoformat())
    if isinstance(value, list):
        return [norm(v) for v in value]
    if isinstance(value, dict):
        return {k: norm(v) for k, v in value.items()}
    return value


def _json(text: str | None) -> Any:
    try:
        return json.loads(text) if text else None
    except ValueError:
        return text


@dataclass
class ServiceRecord:
    entity: str
    id: str
    owner: str | None
    owner_device: str | None
    deleted: bool
    values: dict[str, Any]


def service_records(cluster: Cluster, municipality: str) -> dict[tuple[str, str], ServiceRecord]:
    r = db.record.c
    with cluster.engine.connect() as conn:
        rows = conn.execute(select(r.entity, r.id, r.owner_consultant_id, r.owner_device_id,
                                   r.deleted, r.values_json, r.secret)
                            .where(r.municipality_code == municipality)).all()
        return {(row.entity, row.id): ServiceRecord(
            row.entity, row.id, row.owner_consultant_id, row.owner_device_id, bool(row.deleted),
            db.record_values(conn, row.entity, row.id, row.values_json, row.secret))
            for row in rows}


def service_conflicts(cluster: Cluster, ids: set[str]) -> list[tuple[str, str, str, Any, Any]]:
    c = db.conflict.c
    out = []
    with cluster.engine.connect() as conn:
        for row in conn.execute(select(c.entity, c.entity_id, c.field, c.op_id,
                                       c.server_value, c.client_value)):
            if row.entity_id in ids:  # personal values are stored encrypted (db.conflict_values)
                out.append((row.entity, row.entity_id, row.field,
                            *db.conflict_values(conn, row)))
    return out


def service_duplicates(cluster: Cluster, device_ids: set[str]) -> set[tuple[str, str]]:
    """(entity, id) of every create of these devices the service answered as a duplicate of
    a record it held: the copy went into that record (adopted, or refused and handed over),
    whatever became of the evidence on the device since (a scope exit removes it)."""
    a = db.applied_operation.c
    found = set()
    with cluster.engine.connect() as conn:
        for row in conn.execute(select(a.op_id, a.result_json).where(
                a.device_id.in_(device_ids))):
            result = json.loads(db.result_text(conn, row.op_id, row.result_json))
            if result.get("code") == "duplicate":
                found.add((result.get("entity"), result.get("entity_id")))
    return found


def device_state(device: Device) -> tuple[dict[tuple[str, str], tuple[bool, dict[str, Any]]],
                                          list[SyncConflict], int, int, list[str], str]:
    """(records, conflicts, outbox size, parked, quarantined, integrity) of one device."""
    assert device.store is not None
    records: dict[tuple[str, str], tuple[bool, dict[str, Any]]] = {}
    with device.store.read() as s:
        for entity in protocol.ENTITIES:
            model, c = MODEL_BY_ENTITY[entity], codec(entity)
            for row in s.scalars(select(model)):
                records[(entity, row.id)] = (bool(row.deleted), c.encode(row))
        conflicts = list(s.scalars(select(SyncConflict)))
        for conflict in conflicts:  # loaded while the session is open
            _ = (conflict.server_value, conflict.client_value)
        s.expunge_all()
        outbox = s.scalar(select(func.count()).select_from(OutboxEntry)) or 0
        parked = s.scalar(select(func.count()).select_from(SyncParked)) or 0
        conn = s.connection()
        quarantined: list[str] = []  # "entity (code)" of each change set aside
        for (table,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name LIKE '%quarantin%'").all():
            columns = {r[1] for r in conn.exec_driver_sql(f'PRAGMA table_info("{table}")')}
            what = "entity || ' (' || code || ')'" if {"entity", "code"} <= columns else "'?'"
            quarantined += [r[0] for r in conn.exec_driver_sql(
                f'SELECT {what} FROM "{table}"').all()]
        integrity = "; ".join(r[0] for r in conn.exec_driver_sql(
            "PRAGMA integrity_check").all())
    return records, conflicts, outbox, parked, quarantined, integrity


def check(run: Run) -> list[Violation]:
    out: list[Violation] = []
    service = service_records(run.cluster, run.municipality)
    conflict_values: dict[tuple[str, str, str], list[Any]] = {}
    rejections: dict[tuple[str, str], list[str]] = {}  # (device, entity id) -> codes
    # (device, id of a local copy) -> the service's record it was adopted into
    adopted: dict[tuple[str, str], str] = {}

    def keep(entity: str, ident: str, field_name: str, *values: Any) -> None:
        conflict_values.setdefault((entity, ident, field_name), []).extend(
            norm(v) for v in values)

    for entity, ident, field_name, server_value, client_value in service_conflicts(
            run.cluster, {k[1] for k in service}):
        keep(entity, ident, field_name, server_value, client_value)
        if field_name == "deleted" and isinstance(client_value, dict):
            for name, value in client_value.items():
                keep(entity, ident, name, value)

    natural = {"employer": lambda v: (v.get("cvr"), v.get("p_number")),
               "citizen": lambda v: v.get("cpr")}
    for entity, key_of in natural.items():
        seen: dict[Any, str] = {}
        for (kind, ident), rec in service.items():
            if kind == entity and not rec.deleted:
                key = key_of(rec.values)
                if key in seen:
                    out.append(Violation("duplicated", f"service: two live {entity} records "
                                                       f"{seen[key]} and {ident} for {key}"))
                seen[key] = ident

    for device in run.devices:
        records, conflicts, outbox, parked, quarantined, integrity = device_state(device)
        who = device.name
        refusals: list[tuple[str, str, str, str, str]] = []
        for conflict in conflicts:
            server_value, client_value = _json(conflict.server_value), _json(
                conflict.client_value)
            if conflict.policy == "duplicate" and not conflict.field \
                    and isinstance(server_value, dict):
                adopted[(who, str(server_value.get("local_id")))] = conflict.entity_id
            if conflict.policy == "rejected":
                code = server_value.get("code", "") if isinstance(server_value, dict) else ""
                message = server_value.get("message", "") if isinstance(
                    server_value, dict) else server_value
                rejections.setdefault((who, conflict.entity_id), []).append(code)
                refusals.append((who, conflict.entity, conflict.entity_id, code, message))
            else:
                keep(conflict.entity, conflict.entity_id, conflict.field, server_value,
                     client_value)
        for who_, entity, ident, code, message in refusals:
            codes = rejections.get((who_, ident), [])
            # An update refused because its create was refused for scope is that same refusal.
            if code in SCOPE_REJECTIONS | RULE_REJECTIONS or (code == "unknown_record" and any(
                    c in SCOPE_REJECTIONS for c in codes)):
                continue
            # A copy of a citizen another consultant holds: refused, handed over (protocol,
            # "The same thing twice"); a copy the device adopted leaves no refusal.
            if code == "duplicate" and entity == "citizen":
                continue
            out.append(Violation("refused", f"{who_}: {entity} {ident}: {code}: {message}"))
        if integrity != "ok":
            out.append(Violation("integrity", f"{who}: {integrity}"))
        if outbox:
            out.append(Violation("outbox", f"{who}: {outbox} changes never sent"))
        if parked or quarantined:
            out.append(Violation("parked", f"{who}: {parked} parked, {len(quarantined)} "
                                           "quarantined after healing: "
                                           f"{', '.join(sorted(quarantined))}"))

        def in_scope(rec: ServiceRecord, device: Device = device) -> bool:
            return rec.owner in (None, device.consultant_id) and \
                rec.owner_device in (None, device.device_id)

        expected = {k for k, rec in service.items() if not rec.deleted and in_scope(rec)}
        live = {k for k, (deleted, _) in records.items() if not deleted}
        for key in sorted(expected - live):
            state = "a tombstone" if key in records else "absent"
            out.append(Violation("diverged", f"{who}: {key[0]} {key[1]} live on the service, "
                                             f"{state} on the device"))
        for key in sorted(live - expected):
            rec = service.get(key)
            if rec is not None and not in_scope(rec):
                out.append(Violation("leaked", f"{who}: holds {key[0]} {key[1]} of another "
                                               "consultant"))
            else:
                state = "deleted on" if rec is not None else "unknown to"
                out.append(Violation("diverged", f"{who}: {key[0]} {key[1]} live on the "
                                                 f"device, {state} the service"))
        for key in sorted(expected & live):
            theirs, mine = service[key].values, records[key][1]
            for name, value in theirs.items():
                if name in mine and norm(mine[name]) != norm(value):
                    out.append(Violation("diverged", f"{who}: {key[0]} {key[1]}.{name}: "
                                         f"device {_short(mine[name])}, service "
                                         f"{_short(value)}"))
        for entity, key_of in natural.items():
            seen_here: dict[Any, str] = {}
            for (kind, ident), (deleted, values) in records.items():
                if kind == entity and not deleted:
                    key = key_of(values)
                    if key in seen_here:
                        out.append(Violation("duplicated", f"{who}: two live {entity} records "
                                                           f"{seen_here[key]} and {ident}"))
                    seen_here[key] = ident

    def adopted_id(edit: Edit) -> str:
        return adopted.get((edit.device, edit.entity_id), edit.entity_id)

    edits = [replace(e, entity_id=adopted_id(e)) for e in run.edits
             if not (e.kind == "delete" and (e.device, e.entity_id) in adopted)]
    deleted_by_someone = {(e.entity, e.entity_id) for e in edits if e.kind == "delete"}
    duplicates = service_duplicates(run.cluster, {d.device_id for d in run.devices})
    for edit in edits:
        rec = service.get((edit.entity, edit.entity_id))
        scope_refused = any(code in SCOPE_REJECTIONS
                            for code in rejections.get((edit.device, edit.entity_id), []))
        refused = bool(rejections.get((edit.device, edit.entity_id)))
        what = f"{edit.device}: {edit.kind} of {edit.entity} {edit.entity_id}"
        if edit.kind == "create":
            # A copy of a record the service held went into that record (adopted, or refused
            # and handed over); a scope exit since may have taken the device's evidence.
            merged = (edit.entity, edit.entity_id) in duplicates
            if rec is None and not refused and not merged:
                out.append(Violation("lost", f"{what} never reached the service"))
            continue
        if edit.kind == "delete":
            if not (rec is not None and rec.deleted) and not refused:
                out.append(Violation("lost", f"{what}: the record is still live on the service"))
            continue
        if rec is None:
            if not refused:
                out.append(Violation("lost", f"{what}.{edit.field}: no such record on the "
                                             "service"))
            continue
        value = norm(edit.value)
        if rec.deleted and (edit.entity, edit.entity_id) in deleted_by_someone:
            continue
        if norm(rec.values.get(edit.field)) == value:
            continue
        if value in conflict_values.get((edit.entity, edit.entity_id, edit.field), []):
            continue
        if any(later.order > edit.order and later.entity_id == edit.entity_id
               and later.field == edit.field
               and (later.device == edit.device or norm(later.prev) == value)
               for later in edits):
            continue
        if scope_refused or refused:
            continue
        out.append(Violation("lost", f"{what}.{edit.field} = {_short(edit.value)}: the "
                                     f"service holds {_short(rec.values.get(edit.field))}, "
                                     "and no conflict kept it"))
    return out


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


# -- running -------------------------------------------------------------------------------

def run_once(cluster: Cluster, seed: int, features: tuple[str, ...] = FEATURES,
             steps: int = 16, folder: Path | None = None, kill_rate: float = 0.4
             ) -> RunResult:
    """One seeded run in its own municipality of ``cluster``; its result, with violations.
    ``kill_rate``: the chance of a service kill, and of a client kill, in the run."""
    own = folder is None
    folder = Path(tempfile.mkdtemp(prefix=f"chaos-{seed}-")) if folder is None else folder
    run = Run(cluster, seed, features, folder, steps, kill_rate)
    started = time.monotonic()
    try:
        for phase in ("setup", "play", "heal", "check"):
            began = time.monotonic()
            if phase == "check":
                run.result.violations.extend(check(run))
            else:
                getattr(run, phase)()
            run.result.stats[f"seconds_{phase}"] += round(time.monotonic() - began, 2)
    except Exception:  # noqa: BLE001 - reported as the run's failure, with its traceback
        run.result.error = traceback.format_exc()
        run.result.violations.append(Violation("harness", run.result.error.strip()
                                               .splitlines()[-1][:300]))
    finally:
        run.close()
        with contextlib.suppress(Exception):
            cluster.ensure_running()
        run.result.seconds = time.monotonic() - started
        if own:
            shutil.rmtree(folder, ignore_errors=True)
    return run.result


def to_json(result: RunResult) -> str:
    return json.dumps({"seed": result.seed, "backend": result.backend,
                       "features": list(result.features), "steps": result.steps,
                       "kill_rate": result.kill_rate, "seconds": round(result.seconds, 2),
                       "violations": [[v.invariant, v.detail] for v in result.violations],
                       "stats": dict(result.stats)}, ensure_ascii=False)


def from_json(line: str) -> RunResult:
    d = json.loads(line)
    return RunResult(d["seed"], d["backend"], tuple(d["features"]),
                     [Violation(*v) for v in d["violations"]], Counter(d["stats"]),
                     d["seconds"], steps=d["steps"], kill_rate=d["kill_rate"])


def campaign(backend: str, runs: int, seed: int, features: tuple[str, ...], steps: int,
             kill_rate: float = 0.4, out: Callable[[str], None] = print,
             deadline: float | None = None, record: Path | None = None) -> list[RunResult]:
    """``runs`` runs from ``seed`` on one cluster; none starts after ``deadline``
    (``time.monotonic()``)."""
    results: list[RunResult] = []
    folder = Path(tempfile.mkdtemp(prefix=f"chaos-{backend}-"))
    maker = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    try:
        with Cluster(backend, folder) as cluster:
            ahead = maker.submit(make_profiles, str(folder / f"run-{seed}"))
            for n in range(runs):
                if deadline is not None and time.monotonic() > deadline:
                    out(f"[{backend}] time is up after {n} runs")
                    break
                profiles = Path(ahead.result())
                ahead = maker.submit(make_profiles, str(folder / f"run-{seed + n + 1}"))
                try:
                    result = run_once(cluster, seed + n, features, steps, folder=profiles,
                                      kill_rate=kill_rate)
                finally:
                    shutil.rmtree(profiles, ignore_errors=True)
                results.append(result)
                if record is not None:
                    with record.open("a", encoding="utf-8") as f:
                        f.write(to_json(result) + "\n")
                state = "ok" if result.ok else "FAIL " + ",".join(result.invariants)
                phases = "/".join(f"{result.stats[f'seconds_{p}']:.1f}"
                                  for p in ("setup", "play", "heal", "check"))
                out(f"[{backend}] seed {result.seed}: {state} ({result.seconds:.1f} s = "
                    f"{phases}, "
                    f"{sum(v for k, v in result.stats.items() if k.startswith('op_'))} edits, "
                    f"{result.stats['syncs']} syncs)")
                if not result.ok:
                    out(result.describe())
    finally:
        maker.shutdown(cancel_futures=True)
        shutil.rmtree(folder, ignore_errors=True)
    return results


def summary(results: list[RunResult]) -> str:
    by_backend = Counter(r.backend for r in results)
    failed = [r for r in results if not r.ok]
    by_invariant = Counter(inv for r in failed for inv in r.invariants)
    stats: Counter[str] = Counter()
    for r in results:
        stats.update(r.stats)
    lines = ["", "== chaos campaign ==",
             f"runs: {len(results)} ({', '.join(f'{b} {n}' for b, n in by_backend.items())})",
             f"failed runs: {len(failed)}"]
    for invariant in ("lost", "duplicated", "diverged", "stuck", "leaked", "refused",
                      "outbox", "parked", "unexpected", "integrity", "enroll", "harness"):
        lines.append(f"  {invariant}: {by_invariant.get(invariant, 0)} runs")
    lines.append("faults and kills: " + ", ".join(
        f"{k} {v}" for k, v in sorted(stats.items())
        if k.startswith(("fault_", "server_kills", "client_kills", "reassigned", "sealed",
                         "enroll_retries"))))
    lines.append(f"syncs: {stats['syncs']}, edits: "
                 f"{sum(v for k, v in stats.items() if k.startswith('op_'))}")
    if failed:
        lines.append("failing seeds: " + " ".join(f"{r.backend}:{r.seed}" for r in failed))
        lines.append(f"replay one: {failed[0].replay()}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make chaos", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--backend", default="sqlite",
                        help="sqlite, postgresql, postgresql2 or all (runs split over them)")
    parser.add_argument("--features", default=",".join(FEATURES),
                        help="what a run may contain: " + ", ".join(FEATURES))
    parser.add_argument("--steps", type=int, default=16)
    parser.add_argument("--record", type=Path, default=None,
                        help="append each run's result to this file (JSON lines)")
    parser.add_argument("--summarize", type=Path, nargs="+", default=None,
                        help="print the figures of recorded runs (files of --record) and stop")
    parser.add_argument("--minutes", type=float, default=None,
                        help="start no run after this many minutes (a campaign to a deadline)")
    parser.add_argument("--kill-rate", type=float, default=0.4,
                        help="chance of a service kill, and of a client kill, per run")
    args = parser.parse_args(argv)
    # A SIGTERM ends the campaign like Ctrl-C: the services it started are stopped.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    # The engine logs each failed sync with its traceback; the campaign reports them itself.
    logging.getLogger("sync.client").setLevel(logging.CRITICAL)
    if args.summarize:
        recorded = [from_json(line) for path in args.summarize
                    for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        print(summary(recorded))
        return 0 if all(r.ok for r in recorded) else 1
    features = tuple(f for f in args.features.split(",") if f)
    unknown = set(features) - set(FEATURES)
    if unknown:
        parser.error(f"unknown features: {', '.join(sorted(unknown))}")
    backends = BACKENDS if args.backend == "all" else (args.backend,)
    results: list[RunResult] = []
    deadline = None if args.minutes is None else time.monotonic() + args.minutes * 60
    per = -(-args.runs // len(backends))
    for i, backend in enumerate(backends):
        count = min(per, args.runs - i * per)
        if count > 0:
            results += campaign(backend, count, args.seed + i * per, features, args.steps,
                                args.kill_rate, deadline=deadline, record=args.record)
    print(summary(results))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
