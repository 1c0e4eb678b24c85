"""The data the measures run on: one fixed demo data set per size, generated once per run,
and a profile seeded with it through the product's own path.

The rows are generated once, in a child process, and handed to each side's child process as
a pickle file, so generation (Faker, random) is never part of what either side is timed for,
and the runner's own process never holds them (see harness: children start from its RSS).
"""

from __future__ import annotations

import datetime as dt
import pickle
import shutil
import time
from pathlib import Path

from consultant_app.demo import DemoCounts, DemoRows, generate_demo, insert_demo
from consultant_app.store import Store

from .harness import in_child, workdir

FULL = DemoCounts(employers=20_000, vacancies=20_000, candidates=100_000)
QUICK = DemoCounts(employers=500, vacancies=500, candidates=2_000)
SEED = 7
TODAY = dt.date(2026, 11, 23)  # fixed, so every run writes exactly the same rows
CONSULTANT = "Bench Konsulent"
PASSPHRASE = "bench"
# The passphrase's scrypt cost is irrelevant here; a low one keeps 32 MiB of scrypt memory
# out of the product side's peak RSS.
KDF_N = 2 ** 10


def counts_for(quick: bool) -> DemoCounts:
    return QUICK if quick else FULL


def size_tag(counts: DemoCounts) -> str:
    return f"{counts.employers}e-{counts.vacancies}v-{counts.candidates}c"


def describe(counts: DemoCounts) -> str:
    def short(n: int) -> str:
        return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)
    return (f"{short(counts.candidates)} citizens + {short(counts.employers)} employers + "
            f"{short(counts.vacancies)} vacancies")


def rows_file(counts: DemoCounts) -> Path:
    """A pickle of the demo rows for ``counts``, generated on first use in this run."""
    path = workdir() / f"rows-{size_tag(counts)}.pickle"
    if not path.exists():
        in_child(_write_rows, counts, path)
    return path


def _write_rows(counts: DemoCounts, path: Path) -> None:
    rows = generate_demo(counts, seed=SEED, today=TODAY, consultant=CONSULTANT)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(rows, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)


def load_rows(path: Path) -> DemoRows:
    with open(path, "rb") as fh:
        rows: DemoRows = pickle.load(fh)
    return rows


def row_count(rows: DemoRows) -> int:
    return sum(len(part) for part in (rows.employers, rows.contacts, rows.visits,
                                      rows.vacancies, rows.citizens, rows.matches,
                                      rows.match_events))


def seed_profile(rows_path: Path, profile_dir: Path) -> float:
    """Create a profile and write the rows the way ``seed_demo`` does: one write
    transaction, ORM bulk inserts, search triggers, outbox, CPR encrypted and blind-indexed.
    Returns the seconds the write transaction took, commit included."""
    rows = load_rows(rows_path)
    store = Store.create(profile_dir, PASSPHRASE, consultant=CONSULTANT, kdf_n=KDF_N)
    try:
        start = time.perf_counter()
        with store.write() as session:
            insert_demo(session, rows)
        return time.perf_counter() - start
    finally:
        store.close()


def profile_dir(counts: DemoCounts) -> Path:
    """Where this run keeps its seeded profile of this size (see ``ensure_profile``)."""
    return workdir() / f"profile-{size_tag(counts)}"


def keep_profile(seeded: Path, counts: DemoCounts) -> None:
    """Keep a profile that a measure seeded as this run's profile of this size, unless the
    run has one already."""
    target = profile_dir(counts)
    if target.exists():
        shutil.rmtree(seeded, ignore_errors=True)
    else:
        seeded.replace(target)


def ensure_profile(counts: DemoCounts) -> Path:
    """This run's seeded profile of this size, seeding it (untimed) if no measure has yet."""
    target = profile_dir(counts)
    if not target.exists():
        scratch = workdir() / f"seeding-{size_tag(counts)}"
        shutil.rmtree(scratch, ignore_errors=True)
        in_child(seed_profile, rows_file(counts), scratch)
        scratch.replace(target)
    return target
