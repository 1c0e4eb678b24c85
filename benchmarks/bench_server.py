"""The central service under load: 50 devices syncing at once on loopback.

A real ``consultant-server serve`` process (one uvicorn worker; SQLite file, then a fresh
PostgreSQL database when one is reachable, with one worker and again with two); 50 enrolled devices of one municipality (the worst
case: they queue for its change lock), one thread and connection each, run rounds of "push a batch
of 10 operations (8 new employers, an edit, a citizen), then pull everything since its cursor"
(each pull carries the other devices' employers too).

Two loads: "every ~1 s" (each device waits a random 0-2 s before each sync: 50 devices online
and syncing far more often than real ones do) and "saturated" (no pause: every device syncs
back to back, measuring the queue on a 2-core VM where the 50 clients share the CPU with the
server). Measured: p50/p95 of every push and pull request; goal p95 <= 200 ms. Baseline: GET
/health at the same concurrency (the HTTP and server floor).
"""

from __future__ import annotations

import base64
import random
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from benchmarks.harness import Result, percentile, workdir

DEVICES = 50
GOAL_MS = 200.0


def _ops(device: int, round_: int, own: list[str]) -> list[dict[str, Any]]:
    ops: list[dict[str, Any]] = []
    for k in range(8):
        ident = str(uuid.uuid4())
        own.append(ident)
        # each its own company: the same CVR and P-number twice is one employer
        cvr = f"{int(ident[:8], 16) % 10**8:08d}"
        ops.append({"op_id": str(uuid.uuid4()), "entity": "employer", "entity_id": ident,
                    "op": "create", "values": {"cvr": cvr, "name": f"Firma {device}-{round_}-{k}",
                                               "notes": "x" * 200, "ordinary_employees": 10}})
    for ident in own[:1]:
        ops.append({"op_id": str(uuid.uuid4()), "entity": "employer", "entity_id": ident,
                    "op": "update", "base_version": 1, "values": {"phone": f"8612{round_:04d}"}})
    citizen = str(uuid.uuid4())  # each its own CPR: the same CPR twice is one citizen
    ops.append({"op_id": str(uuid.uuid4()), "entity": "citizen", "entity_id": citizen,
                "op": "create", "values": {"name": "Borger",
                                           "cpr": f"{uuid.UUID(citizen).int % 10**10:010d}",
                                           "skills": ["lager", "truck"]}})
    return ops


def _device(api: str, token: str, n: int, rounds: int, push_ms: list[float],
            pull_ms: list[float], start: threading.Event, pause_s: float) -> int:
    """One device: its own connection, ``rounds`` syncs (push, then pull to the end)."""
    cursor, own, pulled = 0, [], 0
    rng = random.Random(n)
    with httpx.Client(base_url=api, timeout=120,
                      headers={"Authorization": f"Bearer {token}"}) as client:
        start.wait()
        for r in range(rounds):
            if pause_s:  # a device syncs now and then, not in lockstep with the others
                time.sleep(rng.uniform(0, 2 * pause_s))
            t = time.perf_counter()
            resp = client.post("/push", json={"operations": _ops(n, r, own)})
            push_ms.append((time.perf_counter() - t) * 1000)
            assert resp.status_code == 200, resp.text
            more = True
            while more:
                t = time.perf_counter()
                resp = client.get("/pull", params={"cursor": cursor, "limit": 1000})
                pull_ms.append((time.perf_counter() - t) * 1000)
                page = resp.json()
                cursor, more = page["next_cursor"], page["more"]
                pulled += len(page["changes"])
    return pulled


def _health(api: str, rounds: int, out: list[float], start: threading.Event) -> None:
    with httpx.Client(base_url=api, timeout=120) as client:
        start.wait()
        for _ in range(rounds * 2):
            t = time.perf_counter()
            client.get("/health")
            out.append((time.perf_counter() - t) * 1000)


def _together(jobs: list[Any]) -> tuple[list[Any], float]:
    """Run the jobs (callables taking the start event) on one thread each, released at once."""
    start = threading.Event()
    with ThreadPoolExecutor(len(jobs)) as pool:
        futures = [pool.submit(job, start) for job in jobs]
        time.sleep(0.2)
        t0 = time.perf_counter()
        start.set()
        results = [f.result() for f in futures]
    return results, time.perf_counter() - t0


def _load(api: str, tokens: list[str], rounds: int, pause_s: float) -> dict[str, Any]:
    floor: list[float] = []
    _together([lambda ev: _health(api, rounds, floor, ev) for _ in tokens])
    push_ms: list[float] = []
    pull_ms: list[float] = []
    pulled, wall = _together([
        (lambda ev, tok=tok, n=n: _device(api, tok, n, rounds, push_ms, pull_ms, ev, pause_s))
        for n, tok in enumerate(tokens)])
    return {"push_ms": push_ms, "pull_ms": pull_ms, "floor_ms": floor,
            "pulled": sum(pulled), "wall_s": wall}


def _measure(proc: Any, rounds: int, pause_s: float) -> dict[str, Any]:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    town = proc.new_municipality("Aarhus")
    tokens = []
    for n in range(DEVICES):
        code = proc.add_consultant(town, f"Konsulent {n}")
        raw = Ed25519PrivateKey.generate().public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        r = httpx.post(f"{proc.api}/enroll", json={"enrollment_code": code,
                                                   "public_key": base64.b64encode(raw).decode()})
        tokens.append(r.json()["token"])
    return _load(proc.api, tokens, rounds, pause_s)


def _results(backend: str, load: str, m: dict[str, Any]) -> list[Result]:
    requests = m["push_ms"] + m["pull_ms"]
    floor95 = percentile(m["floor_ms"], 95)
    detail = {"devices": DEVICES, "requests": len(requests), "pushes": len(m["push_ms"]),
              "pulls": len(m["pull_ms"]), "changes_pulled": m["pulled"],
              "wall_s": round(m["wall_s"], 2),
              "push_p95_ms": round(percentile(m["push_ms"], 95), 1),
              "pull_p95_ms": round(percentile(m["pull_ms"], 95), 1),
              "requests_per_s": round(len(requests) / m["wall_s"], 1)}
    common = {"bench": "server", "unit": "ms",
              "baseline_name": "GET /health, same concurrency", "detail": detail}
    return [
        Result(name=f"50 devices sync p50 ({backend}, {load})",
               value=percentile(requests, 50), baseline=percentile(m["floor_ms"], 50),
               **common),  # type: ignore[arg-type]
        Result(name=f"50 devices sync p95 ({backend}, {load})",
               value=percentile(requests, 95), baseline=floor95,
               goal_value=GOAL_MS if load == "every ~1 s" else None,
               **common),  # type: ignore[arg-type]
    ]


def _with_workers(server_process: Any, workers: int) -> Any:
    """A ``ServerProcess`` whose ``serve`` runs ``workers`` uvicorn worker processes."""

    class WithWorkers(server_process.ServerProcess):
        def start(self, timeout: float = 30.0) -> Any:
            plain = server_process._cli
            server_process._cli = lambda: [
                sys.executable, "-c", "import sys; from sync.server_cli import main; "
                f"sys.exit(main(sys.argv[1:] + ['--workers', '{workers}']))"]
            try:
                return super().start(timeout)
            finally:
                server_process._cli = plain

    return WithWorkers


def run(quick: bool) -> list[Result]:
    from tests.support import server_process
    from tests.support.server_process import (
        PostgresUnavailable,
        ServerProcess,
        fresh_postgres_database,
    )
    rounds = 3 if quick else 10
    results: list[Result] = []
    folder = Path(workdir()) / f"server-{uuid.uuid4().hex[:8]}"
    loads = (("every ~1 s", 1.0), ("saturated", 0.0))
    with ServerProcess.sqlite(folder) as proc:
        for load, pause in loads:
            results += _results("SQLite", load, _measure(proc, rounds, pause))
    try:
        # One worker, as on SQLite; then two, as a PostgreSQL deployment would run it (the
        # service keeps no state, so its workers share nothing but the database).
        for workers in (1, 2):
            server = ServerProcess if workers == 1 else _with_workers(server_process, workers)
            backend = "PostgreSQL" if workers == 1 else f"PostgreSQL, {workers} workers"
            with fresh_postgres_database() as url, server(url, folder / f"pg{workers}") as proc:
                for load, pause in loads:
                    results += _results(backend, load, _measure(proc, rounds, pause))
    except PostgresUnavailable as exc:
        print(f"bench_server: PostgreSQL skipped: {exc}")
    return results


if __name__ == "__main__":
    for result in run(quick=False):
        print(f"{result.name}: {result.value:.1f} ms (baseline {result.baseline:.1f} ms) "
              f"{result.detail}")
