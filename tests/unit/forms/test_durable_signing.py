"""A signature and a seal, once reported done, survive a power cut: the
transactions that write them are flushed to the disk at commit, although the profile runs
WAL with synchronous=NORMAL (which flushes only at checkpoints).

What the test can prove here: a real program (a child process signing and sealing through
``store.write()`` as the desktop does) is traced with strace, and between the write of each
commit to the WAL and the moment the program says "done", it asks the kernel to flush the WAL
to the disk (fsync/fdatasync of ``profile.sqlite3-wal``). Then it kills itself with SIGKILL
right after the last "done", and everything is found again. Whether the disk itself honours
a flush (no lying write cache) cannot be tested without pulling a plug.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select

from consultant_app.store import Store
from consultant_app.store.models import AgreementDocument, AgreementSignature
from forms import agreements as A
from tests.support.signing import SIGNERS


REPO = Path(__file__).resolve().parents[3]
PASSPHRASE = "pw"

CHILD = textwrap.dedent("""
    import os, signal, sys
    from consultant_app.device import device_identity
    from consultant_app.store import Store
    from tests.support.signing import SIGNERS, ready_draft, seal, sign_as

    store = Store.create(sys.argv[1], {passphrase!r}, consultant="Test Konsulent",
                         kdf_n=2 ** 10)
    device = device_identity(store)
    agreement_id = ready_draft(store)
    print("READY", agreement_id, flush=True)
    for seed, (role, name) in enumerate(SIGNERS):
        sign_as(store, agreement_id, device, role, name, seed,
                identity_check="known" if role == "consultant" else "id_shown")
        print("DONE signed", role, flush=True)
    seal(store, agreement_id, device)
    print("DONE sealed", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # the laptop dies right after "done"
""").format(passphrase=PASSPHRASE)

# strace -y names each descriptor's file: write(4</tmp/.../profile.sqlite3-wal>, ...
CALL = re.compile(r"^(?:\d+\s+)?(\w+)\((\d+)<([^>]*)>(.*)$")


def _events(trace: str) -> list[tuple[str, str, str]]:
    """(call, path, rest) of each traced call, in order."""
    events = []
    for line in trace.splitlines():
        m = CALL.match(line)
        if m:
            events.append((m.group(1), m.group(3), m.group(4)))
    return events


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace")
def test_a_signature_and_a_seal_are_on_the_disk_before_they_are_reported_done(tmp_path):
    profile = tmp_path / "p"
    trace_file = tmp_path / "trace.txt"
    done = subprocess.run(
        ["strace", "-f", "-y", "-qq", "-o", str(trace_file),
         "-e", "trace=write,pwrite64,fsync,fdatasync",
         sys.executable, "-c", CHILD, str(profile)],
        cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.stdout.count("DONE") == len(SIGNERS) + 1, done.stdout + done.stderr

    events = _events(trace_file.read_text())
    ready = next(i for i, (call, _, rest) in enumerate(events)
                 if call == "write" and '"READY' in rest)
    since_report = events[ready + 1:]
    reports = 0
    wal_written = flushed = False
    for call, path, rest in since_report:
        if path.endswith("profile.sqlite3-wal"):
            if call in ("write", "pwrite64"):
                wal_written, flushed = True, False
            elif call in ("fsync", "fdatasync"):
                flushed = True
        elif call == "write" and '"DONE' in rest:
            reports += 1
            assert wal_written, f"no commit was written to the WAL before: {rest}"
            assert flushed, f"reported done before the WAL was flushed to disk: {rest}"
            wal_written = flushed = False
    assert reports == len(SIGNERS) + 1

    # Killed with SIGKILL right after the last "done": all of it is there.
    with Store.open(profile, PASSPHRASE) as store, store.read() as s:
        agreement_id = done.stdout.split()[1]
        assert A.load(s, agreement_id).record.status == A.SEALED
        assert len(s.scalars(select(AgreementSignature).where(
            AgreementSignature.agreement_id == agreement_id)).all()) == len(SIGNERS)
        assert s.scalars(select(AgreementDocument).where(
            AgreementDocument.agreement_id == agreement_id)).one().pdf
