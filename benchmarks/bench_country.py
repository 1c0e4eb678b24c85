"""The whole country: 3,000 devices, each syncing every 5 minutes, against two service
instances on one PostgreSQL database.

Denmark has about 3,000 business consultants in 98 municipalities. Each device here is an
enrolled device of its own consultant (about 31 per municipality, spread round-robin). The
load is open-loop, as real laptops are: every device starts one sync at a random moment in
each 5-minute period, whether or not the service is keeping up (a closed loop would slow
down with the service and hide its queue). A sync is what the client sends: a push of the
operations made since the last sync, then pulls from the device's cursor until nothing more
is waiting. Realistic change sizes for 5 minutes of a consultant's day: usually nothing or a
few operations (a visit note, an edit of an employer, the device's own access-log entries),
now and then a new employer; the mean is about 2 operations per sync.

Before the measured period every device is enrolled and has made its first sync. Measured:
p50/p95/p99 of each request (push, pull) and of a whole sync, errors (any answer but 200,
any connection error), and the service's CPU per request (user + system time of both
service processes and their workers over the period, from /proc, divided by the requests).
Baseline, in the same run: ``GET /health`` at the same arrival rate (the HTTP floor of the
same two processes). The client side runs in this process on the same 2-core machine, so
the figures include its share of the CPU.

    python -m benchmarks --only country            # 3,000 devices, one 5-minute period
    python -m benchmarks --only country --quick    # 300 devices, one 60-second period
"""

from __future__ import annotations

import asyncio
import base64
import os
import random
import secrets
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx

from benchmarks.harness import Result, percentile, workdir

DEVICES = 3000
MUNICIPALITIES = 98
PERIOD_S = 300.0           # every device syncs once per period
QUICK_DEVICES = 300
QUICK_PERIOD_S = 60.0      # the same rate per device would be too thin to measure: 10x
CONCURRENT_SETUP = 24      # enrollments and first syncs in flight during the set-up
MAX_CONNECTIONS = 400      # the client's connection pool (laptops each have their own)


# -- the work of one sync ---------------------------------------------------------------------

class Device:
    """One enrolled device: its token, its pull cursor, and the records it made (so its
    edits name versions it has seen, as the real client's do)."""

    def __init__(self, n: int, token: str, api: str):
        self.n = n
        self.token = token
        self.api = api
        self.cursor = 0
        self.rng = random.Random(n)
        self.employers: dict[str, int] = {}  # id -> version last seen

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def _employer(self) -> dict[str, Any]:
        ident = str(uuid.uuid4())
        cvr = f"{int(ident[:8], 16) % 10**8:08d}"  # a company of its own
        return {"op_id": str(uuid.uuid4()), "entity": "employer", "entity_id": ident,
                "op": "create", "values": {"cvr": cvr, "name": f"Firma {self.n}-{cvr}",
                                           "postcode": "8000", "notes": "Besøgt. " * 20,
                                           "ordinary_employees": self.rng.randint(2, 200)}}

    def operations(self, first: bool = False) -> list[dict[str, Any]]:
        """What five minutes of this consultant's work sends (see the module doc)."""
        if first:
            return [self._employer() for _ in range(3)]
        ops: list[dict[str, Any]] = []
        roll = self.rng.random()
        if roll < 0.35:
            return ops  # nothing happened on this laptop in these five minutes
        employers = list(self.employers)
        if self.rng.random() < 0.1 or not employers:
            ops.append(self._employer())
        if employers and self.rng.random() < 0.5:
            ident = self.rng.choice(employers)
            ops.append({"op_id": str(uuid.uuid4()), "entity": "employer", "entity_id": ident,
                        "op": "update", "base_version": self.employers[ident],
                        "values": {"phone": f"86{self.rng.randint(0, 999999):06d}"}})
        if employers and self.rng.random() < 0.4:
            ops.append({"op_id": str(uuid.uuid4()), "entity": "visit",
                        "entity_id": str(uuid.uuid4()), "op": "create",
                        "values": {"employer_id": self.rng.choice(employers),
                                   "visit_date": "2026-11-26", "status": "done",
                                   "consultant": f"Konsulent {self.n}",
                                   "notes": "Talte om løntilskud og en praktikplads. " * 4}})
        for _ in range(self.rng.choice((0, 0, 1, 2, 3))):  # the device's own access log
            ops.append({"op_id": str(uuid.uuid4()), "entity": "access_log",
                        "entity_id": str(uuid.uuid4()), "op": "create",
                        "values": {"at": "2026-11-26T10:00:00", "actor": f"Konsulent {self.n}",
                                   "action": "view", "entity": "employer",
                                   "entity_id": self.rng.choice(employers or ["x"]),
                                   "detail": ""}})
        return ops


class Tally:
    def __init__(self) -> None:
        self.push_ms: list[float] = []
        self.pull_ms: list[float] = []
        self.sync_ms: list[float] = []
        self.health_ms: list[float] = []
        self.errors: dict[str, int] = {}
        self.operations = 0
        self.changes_pulled = 0
        self.retried = 0  # requests sent again after a closed kept-alive connection

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1

    @property
    def requests(self) -> int:
        return len(self.push_ms) + len(self.pull_ms)


async def _send(client: httpx.AsyncClient, tally: Tally | None, method: str, url: str,
                **kwargs: Any) -> httpx.Response:
    """One request, sent again once if the service closed the kept-alive connection just as
    it was reused (a race of every HTTP/1.1 client and server; push and pull are both safe
    to repeat: operations carry their ids). The retries are counted."""
    try:
        return await client.request(method, url, **kwargs)
    except httpx.RemoteProtocolError:
        if tally is not None:
            tally.retried += 1
        return await client.request(method, url, **kwargs)


async def sync_once(client: httpx.AsyncClient, device: Device, tally: Tally | None,
                    first: bool = False) -> None:
    started = time.perf_counter()
    ops = device.operations(first)
    try:
        if ops:
            t = time.perf_counter()
            resp = await _send(client, tally, "POST", f"{device.api}/push",
                               headers=device.headers,
                               json={"operations": ops, "cursor": device.cursor})
            if tally is not None:
                tally.push_ms.append((time.perf_counter() - t) * 1000)
                tally.operations += len(ops)
            if resp.status_code != 200:
                raise _Failed(f"push {resp.status_code}")
            for result in resp.json()["results"]:
                if result["entity"] == "employer" and result["status"] != "rejected":
                    device.employers[result["entity_id"]] = result["version"]
        more = True
        while more:
            t = time.perf_counter()
            resp = await _send(client, tally, "GET", f"{device.api}/pull",
                               headers=device.headers,
                               params={"cursor": device.cursor, "limit": 1000})
            if tally is not None:
                tally.pull_ms.append((time.perf_counter() - t) * 1000)
            if resp.status_code != 200:
                raise _Failed(f"pull {resp.status_code}")
            page = resp.json()
            for change in page["changes"]:
                if change["entity"] == "employer" and change["entity_id"] in device.employers:
                    device.employers[change["entity_id"]] = change["version"]
            if tally is not None:
                tally.changes_pulled += len(page["changes"])
            device.cursor, more = page["next_cursor"], page["more"]
    except _Failed as exc:
        if tally is None:
            raise
        tally.error(str(exc))
        return
    except httpx.HTTPError as exc:
        if tally is None:
            raise
        tally.error(type(exc).__name__)
        return
    if tally is not None:
        tally.sync_ms.append((time.perf_counter() - started) * 1000)


class _Failed(Exception):
    pass


async def _health(client: httpx.AsyncClient, api: str, tally: Tally) -> None:
    t = time.perf_counter()
    try:
        resp = await client.get(f"{api}/health")
        if resp.status_code == 200:
            tally.health_ms.append((time.perf_counter() - t) * 1000)
        else:
            tally.error(f"health {resp.status_code}")
    except httpx.HTTPError as exc:
        tally.error(f"health {type(exc).__name__}")


async def open_loop(period_s: float, jobs: list[Callable[[], Awaitable[None]]],
                    seed: int) -> float:
    """Start each job once at a uniformly random moment of the period (open loop: a late
    answer does not delay the next start); returns the wall time until the last finished."""
    rng = random.Random(seed)
    starts = sorted((rng.uniform(0, period_s), i) for i in range(len(jobs)))
    t0 = time.perf_counter()
    tasks = []
    for at, i in starts:
        delay = at - (time.perf_counter() - t0)
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(jobs[i]()))
    await asyncio.gather(*tasks)
    return time.perf_counter() - t0


async def _bounded(jobs: list[Callable[[], Awaitable[Any]]], limit: int) -> list[Any]:
    gate = asyncio.Semaphore(limit)

    async def one(job: Callable[[], Awaitable[Any]]) -> Any:
        async with gate:
            return await job()
    return await asyncio.gather(*(one(j) for j in jobs))


# -- CPU of the service processes ----------------------------------------------------------

def _cpu_seconds(root_pids: list[int]) -> float:
    """User + system seconds of the processes and all their descendants (uvicorn workers)."""
    ticks = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    stats: dict[int, list[str]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            text = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2:].split()
        stats[int(entry)] = fields
        children.setdefault(int(fields[1]), []).append(int(entry))
    total, todo = 0.0, list(root_pids)
    while todo:
        pid = todo.pop()
        fields = stats.get(pid)
        if fields is not None:
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
        todo.extend(children.get(pid, ()))
    return total


# -- the run ---------------------------------------------------------------------------------

def _enroll_code_batch(url: str, devices: int) -> list[str]:
    """The municipalities and consultants, and an enrollment code each (admin functions on
    one engine: the command line per consultant would take minutes for 3,000)."""
    from sync.server import admin, auth, db
    _, engine = db.make_engines(url)
    try:
        towns = [admin.add_municipality(engine, f"{1001 + m:04d}", f"Kommune {m}")
                 for m in range(MUNICIPALITIES)]
        return [auth.store_code(engine, admin.add_consultant(
            engine, towns[n % len(towns)], f"Konsulent {n}")) for n in range(devices)]
    finally:
        engine.dispose()


async def _enroll(apis: list[str], codes: list[str]) -> list[Device]:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    async with httpx.AsyncClient(timeout=120,
                                 limits=httpx.Limits(max_connections=CONCURRENT_SETUP)) as client:
        async def one(n: int, code: str) -> Device:
            api = apis[n % len(apis)]
            raw = Ed25519PrivateKey.generate().public_key().public_bytes(
                serialization.Encoding.Raw, serialization.PublicFormat.Raw)
            resp = await client.post(f"{api}/enroll", json={
                "enrollment_code": code, "public_key": base64.b64encode(raw).decode()})
            resp.raise_for_status()
            return Device(n, resp.json()["token"], api)
        return await _bounded([lambda n=n, c=c: one(n, c) for n, c in enumerate(codes)],
                              CONCURRENT_SETUP)


async def _scenario(apis: list[str], codes: list[str], period_s: float,
                    pids: list[int]) -> dict[str, Any]:
    setup_started = time.perf_counter()
    devices = await _enroll(apis, codes)
    limits = httpx.Limits(max_connections=MAX_CONNECTIONS, max_keepalive_connections=100)
    async with httpx.AsyncClient(timeout=300, limits=limits) as client:
        # First syncs (three employers each), bounded: the set-up, not measured.
        await _bounded([lambda d=d: sync_once(client, d, None, first=True) for d in devices],
                       CONCURRENT_SETUP)
        setup_s = time.perf_counter() - setup_started
        # The baseline: GET /health at the same arrival rate, same processes.
        base = Tally()
        await open_loop(period_s, [lambda d=d: _health(client, d.api, base) for d in devices],
                        seed=1)
        # The measured period.
        tally = Tally()
        cpu_before = _cpu_seconds(pids)
        wall = await open_loop(period_s, [lambda d=d: sync_once(client, d, tally)
                                          for d in devices], seed=2)
        cpu = _cpu_seconds(pids) - cpu_before
    return {"tally": tally, "base": base, "wall_s": wall, "cpu_s": cpu, "setup_s": setup_s}


def _results(devices: int, period_s: float, m: dict[str, Any]) -> list[Result]:
    tally: Tally = m["tally"]
    base: Tally = m["base"]
    requests = tally.push_ms + tally.pull_ms
    detail = {
        "devices": devices, "service_instances": 2, "database": "PostgreSQL",
        "period_s": period_s, "syncs_per_s": round(devices / period_s, 2),
        "syncs": len(tally.sync_ms), "requests": len(requests),
        "pushes": len(tally.push_ms), "pulls": len(tally.pull_ms),
        "operations_pushed": tally.operations, "changes_pulled": tally.changes_pulled,
        "errors": dict(tally.errors), "error_count": sum(tally.errors.values()),
        "retried_after_closed_connection": tally.retried,
        "baseline_errors": dict(base.errors),
        "push_p95_ms": round(percentile(tally.push_ms, 95), 1) if tally.push_ms else None,
        "pull_p95_ms": round(percentile(tally.pull_ms, 95), 1) if tally.pull_ms else None,
        "sync_p50_ms": round(percentile(tally.sync_ms, 50), 1),
        "sync_p95_ms": round(percentile(tally.sync_ms, 95), 1),
        "sync_p99_ms": round(percentile(tally.sync_ms, 99), 1),
        "service_cpu_ms_per_request": round(m["cpu_s"] * 1000 / max(1, len(requests)), 2),
        "service_cpu_share_of_one_core": round(m["cpu_s"] / m["wall_s"], 3),
        "wall_s": round(m["wall_s"], 1), "setup_s": round(m["setup_s"], 1),
    }
    common = {"bench": "country", "unit": "ms", "detail": detail,
              "baseline_name": "GET /health, same arrival rate"}
    name = f"{devices} devices every {period_s:g} s, 2 instances on PostgreSQL"
    return [Result(name=f"{name}: request p{q}", value=percentile(requests, q),
                   baseline=percentile(base.health_ms, q),
                   goal_value=200.0 if q == 95 else None, **common)  # type: ignore[arg-type]
            for q in (50, 95, 99)]


def run(quick: bool) -> list[Result]:
    from sync.server import keys
    from tests.support.server_process import (
        PostgresUnavailable,
        ServerProcess,
        fresh_postgres_database,
    )
    devices, period_s = (QUICK_DEVICES, QUICK_PERIOD_S) if quick else (DEVICES, PERIOD_S)
    # Both instances must unwrap the same data keys: one master key for the pair.
    os.environ.setdefault(keys.MASTER_KEY_ENV,
                          base64.b64encode(secrets.token_bytes(32)).decode("ascii"))
    folder = Path(workdir()) / f"country-{uuid.uuid4().hex[:8]}"
    try:
        with fresh_postgres_database() as url, ServerProcess(url, folder / "one") as one, \
                ServerProcess(url, folder / "two") as two:
            codes = _enroll_code_batch(url, devices)
            pids = [p.proc.pid for p in (one, two) if p.proc is not None]
            measured = asyncio.run(_scenario([one.api, two.api], codes, period_s, pids))
    except PostgresUnavailable as exc:
        print(f"bench_country: PostgreSQL unavailable, not run: {exc}")
        return []
    return _results(devices, period_s, measured)


if __name__ == "__main__":
    import sys
    for result in run(quick="--quick" in sys.argv):
        print(f"{result.name}: {result.value:.1f} ms (baseline {result.baseline:.1f} ms) "
              f"{result.detail}")
