"""The fault campaign in the suite: a few seeded runs (tests/chaos/campaign.py) of three real
devices against a real ``consultant-server`` on SQLite and on PostgreSQL, through faulty
proxies, with the service and a client killed with -9 mid-sync, then healed; every invariant
of the sync contract is checked after each run. A failure names the seed and the command that
replays it. ``make chaos`` runs the same code for as many seeds as asked.

The runs here contain the kinds of trouble whose handling has landed (``LANDED``); the
campaign runs all of them (``campaign.FEATURES``)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, update

from consultant_app.store.models import OutboxEntry
from sync.server import db
from tests.support.server_process import ROOT, PostgresUnavailable, postgres_missing

from .campaign import FEATURES, Cluster, Edit, Run, check, run_once

# Left out until their fixes land: sealed agreements (the costliest step of a run), colliding
# natural keys (two live records of one CVR + P-number or
# CPR), edits of fields the service owns (a lost answer leaves the device on its own value),
# enrollment through faults (a lost answer spends the code) and reassignments (a match proposed
# offline for a citizen who then moved: the service refuses the match but keeps its event, and
# the new consultant's devices park that event for ever; replay: make chaos RUNS=1 SEED=504
# FEATURES=faults,server_kill,client_kill,reassign,agreements,server_owned,enroll_faults).
LANDED = ("faults", "server_kill", "client_kill", "agreements", "concurrent_edits", "deletes")
assert set(LANDED) <= set(FEATURES)

# Two runs (a minute of the suite's time at most): each has a service kill and a client kill.
RUNS = [("sqlite", 11), ("postgresql", 23)]


@pytest.fixture(scope="module")
def clusters(tmp_path_factory):
    made: dict[str, Cluster] = {}

    def get(backend: str) -> Cluster:
        if backend not in made:
            try:
                made[backend] = Cluster(backend, tmp_path_factory.mktemp(backend))
            except PostgresUnavailable as exc:
                postgres_missing(exc)
        return made[backend]
    yield get
    for cluster in made.values():
        cluster.close()


@pytest.mark.parametrize(("backend", "seed"), RUNS)
def test_a_seeded_run_with_faults_and_kills_keeps_every_invariant(clusters, backend, seed,
                                                                  tmp_path):
    result = run_once(clusters(backend), seed, LANDED, steps=10, folder=tmp_path,
                      kill_rate=1.0)
    assert result.ok, "\n" + result.describe()
    # The run met what it claims to: faults on the wire, a killed service and a killed client.
    assert result.stats["server_kills"] == 1
    assert result.stats["client_kills"] + result.stats["client_kills_too_late"] == 1
    assert sum(n for k, n in result.stats.items() if k.startswith("fault_")
               and k != "fault_pass") > 0 or result.stats["step_drop"] > 0
    assert result.stats["syncs"] > 5 and result.stats["op_employer"] > 0
    assert result.stats["deletes"] > 0


def test_the_checks_see_a_diverged_device_a_lost_edit_and_a_full_outbox(clusters, tmp_path):
    """The invariants can fail: tamper with the outcome of a clean run in three ways."""
    cluster = clusters("sqlite")
    run = Run(cluster, 5, (), tmp_path, steps=0)
    try:
        run.setup()
        run.heal()
        assert check(run) == []

        employer = next(e for e in run.edits if e.entity == "employer")
        r = db.record.c
        with cluster.engine.begin() as conn:
            values = json.loads(conn.execute(select(r.values_json).where(
                r.entity == "employer", r.id == employer.entity_id)).scalar_one())
            values["name"] = "Ændret bag om ryggen"
            conn.execute(update(db.record).where(r.entity == "employer",
                                                 r.id == employer.entity_id)
                         .values(values_json=db.dumps(values)))
        run.edits.append(Edit(10_000, "A1", "update", "citizen", run.edits[1].entity_id,
                              "notes", "aldrig gemt", "x"))
        device = run.devices[2]
        with device.store.write(journal=False) as s:
            s.add(OutboxEntry(entity="employer", entity_id=employer.entity_id, op="update",
                              fields=["name"], base_version=1))
        found = {(v.invariant, v.detail.split(":")[0]) for v in check(run)}
        assert ("diverged", "A1") in found and ("diverged", "B1") in found
        assert ("lost", "A1") in found
        assert ("outbox", "B1") in found
    finally:
        run.close()


def test_a_failure_names_its_seed_and_the_command_that_replays_it(tmp_path):
    from .campaign import RunResult, Violation, from_json, summary, to_json

    result = RunResult(42, "postgresql2", tuple(sorted(LANDED)),
                       [Violation("lost", "A1: update of citizen x.notes")], kill_rate=1.0)
    text = result.describe()
    assert "seed 42 (postgresql2): lost" in text
    assert text.splitlines()[-1].strip() == (
        "replay: make chaos RUNS=1 SEED=42 BACKEND=postgresql2 "
        f"FEATURES={','.join(sorted(LANDED))} KILL_RATE=1")
    # Recorded (make chaos --record) and summed up again, it keeps its seed and invariant.
    again = from_json(to_json(result))
    assert again.replay() == result.replay() and again.invariants == ["lost"]
    figures = summary([again, RunResult(43, "sqlite", ())])
    assert "runs: 2 (postgresql2 1, sqlite 1)" in figures and "lost: 1 runs" in figures
    assert "failing seeds: postgresql2:42" in figures
    makefile = (ROOT / "Makefile").read_text()
    assert all(f"$({name})" in makefile for name in ("RUNS", "SEED", "BACKEND", "FEATURES",
                                                       "STEPS", "KILL_RATE", "MINUTES"))
