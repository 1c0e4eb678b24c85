"""A profile comes into being whole or not at all.

``consultant-app init`` and the demo profile's creation and seeding are killed with SIGKILL
at seeded points spread over their whole run (before each SQLite statement, commit, rename,
fsync, ...: see kill_runner.py) and after seeded delays; after every kill the folder holds no
profile or a whole one, the CLI says which in plain Danish, and ``init`` (or the demo) works
again without anyone deleting anything. Profiles an older version left unfinished are
recognised and made again.
"""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from consultant_app.demo import DemoCounts, ensure_demo_profile
from consultant_app.store import DB_FILENAME, Store
from consultant_app.store.models import Employer
from tests.support.profiles import FAST_KDF


RUNNER = Path(__file__).with_name("kill_runner.py")
PASSPHRASE = "pw"
SEED = 20261125
DEMO = (30, 20, 50)  # employers, vacancies, candidates of the demo profile in these tests


class Runner:
    """kill_runner.py as a child process (it forks the commands and kills them)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, str(RUNNER)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        assert json.loads(self.proc.stdout.readline()) == {"ready": True}

    def ask(self, *request: object) -> dict:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(list(request)) + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def cli(self, folder: Path, *argv: str) -> dict:
        answer = self.ask("run", ["cli", "--profile", str(folder), "--passphrase", PASSPHRASE,
                                  *argv])
        assert_plain(answer["output"])
        return answer

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


@pytest.fixture(scope="module")
def runner():
    r = Runner()
    yield r
    r.close()


def assert_plain(output: str) -> None:
    assert "Traceback" not in output and "uventet" not in output, output


def spread(rng: random.Random, calls: int, n: int) -> list[int]:
    """``n`` kill points, one drawn in each n-th of a run of ``calls`` kill points, and its
    very last one (after the profile is in place)."""
    return sorted({1 + int(calls * (i + rng.random()) / n) for i in range(n)} | {calls})


def demo_args(folder: Path) -> list:
    return ["demo", str(folder), PASSPHRASE, *DEMO]


def _outcome_of_init(runner: Runner, folder: Path) -> str:
    """What a killed ``init`` left, as the CLI tells it; then ``init`` must simply work."""
    info = runner.cli(folder, "info", "--json")
    if info["status"] == 0:
        outcome = "whole"
        with Store.open(folder, PASSPHRASE) as store:
            assert store.meta("device_private_key")  # the device key was made with it
    else:
        outcome = "none"
        assert info["status"] == 1 and "Der er ingen profil" in info["output"], info
    again = runner.cli(folder, "init")
    assert again["status"] == 0 and "Profil klar" in again["output"], again
    assert runner.cli(folder, "info")["status"] == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted([DB_FILENAME, "profile.lock"])
    return outcome


def test_init_killed_anywhere_leaves_no_profile_or_a_whole_one(runner, tmp_path):
    rng = random.Random(SEED)
    full = runner.cli(tmp_path / "full", "init")
    assert full["status"] == 0
    points = spread(rng, full["count"], 24)
    outcomes = []
    for i, point in enumerate(points):
        folder = tmp_path / f"at-{point}"
        assert runner.ask("kill-at", ["cli", "--profile", str(folder), "--passphrase",
                                      PASSPHRASE, "init"], point)["status"] == -9
        outcomes.append(_outcome_of_init(runner, folder))
    # And killed from outside, at moments spread over the run (inside SQLite's C code too).
    for i in range(6):
        folder = tmp_path / f"after-{i}"
        answer = runner.ask("kill-after", ["cli", "--profile", str(folder), "--passphrase",
                                           PASSPHRASE, "init"],
                            rng.uniform(0, full["seconds"]))
        assert_plain(answer["output"])
        outcomes.append(_outcome_of_init(runner, folder))
    # The kill points fell before and after the profile existed: the test saw both sides.
    assert {"none", "whole"} <= set(outcomes), outcomes


def test_the_demo_profile_killed_while_made_or_seeded_is_empty_never(runner, tmp_path):
    rng = random.Random(SEED + 1)
    full = runner.ask("run", demo_args(tmp_path / "full"))
    assert full["status"] == 0, full
    points = spread(rng, full["count"], 10)
    outcomes = []
    for point in points:
        folder = tmp_path / f"at-{point}"
        assert runner.ask("kill-at", demo_args(folder), point)["status"] == -9
        info = runner.cli(folder, "info", "--json")
        if info["status"] == 0:
            outcomes.append("seeded")
            assert json.loads(info["output"])["employers"] == DEMO[0]
        else:
            outcomes.append("none")
            assert "Der er ingen profil" in info["output"], info
        again = runner.ask("run", demo_args(folder))
        assert again["status"] == 0, again
        assert json.loads(runner.cli(folder, "info", "--json")["output"])["employers"] \
            == DEMO[0]
    assert {"none", "seeded"} <= set(outcomes), outcomes


def test_a_demo_profile_an_older_version_left_empty_is_seeded_at_the_next_start(tmp_path):
    folder = tmp_path / "demo"
    Store.create(folder, PASSPHRASE, consultant="Demo Konsulent", kdf_n=FAST_KDF).close()
    ensure_demo_profile(folder, PASSPHRASE, DemoCounts(*DEMO))
    ensure_demo_profile(folder, PASSPHRASE, DemoCounts(*DEMO))  # and only once
    with Store.open(folder, PASSPHRASE) as store, store.read() as s:
        assert s.scalar(select(func.count()).select_from(Employer)) == DEMO[0]


def _empty_file(path: Path) -> None:
    path.write_bytes(b"")


def _empty_wal_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()


def _schema_without_key(path: Path) -> None:
    """The schema migrated, and killed before the key was stored."""
    Store.create(path.parent, PASSPHRASE, kdf_n=FAST_KDF).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM profile_meta")
    conn.close()


@pytest.mark.parametrize("leave", [_empty_file, _empty_wal_database, _schema_without_key],
                         ids=["empty-file", "no-tables", "schema-without-key"])
def test_a_profile_an_older_version_left_unfinished_is_named_and_made_again(leave, runner,
                                                                           tmp_path):
    folder = tmp_path / "p"
    folder.mkdir()
    leave(folder / DB_FILENAME)
    for command in ("info", "check"):
        answer = runner.cli(folder, command)
        assert answer["status"] == 1
        assert "blev aldrig gjort færdig" in answer["output"], answer
        assert "consultant-app init" in answer["output"]
    assert runner.cli(folder, "init")["status"] == 0
    assert runner.cli(folder, "check")["status"] == 0
    with Store.open(folder, PASSPHRASE) as store:
        assert store.meta("device_private_key")
