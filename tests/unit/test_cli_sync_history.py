"""``consultant-app sync history``: the sync attempts the Sync page's history tab lists, on a
real profile, through the same read model (``sync.client.overview.run_history``)."""

from __future__ import annotations

import datetime as dt
import json

from consultant_app.cli import main
from consultant_app.store import Store
from consultant_app.store.models import SyncRun
from tests.support.profiles import FAST_KDF, PASSPHRASE


def run(capsys, profile, *args: str) -> tuple[int, str]:
    code = main(["--profile", str(profile), "--passphrase", PASSPHRASE, *args])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out


def test_sync_history_lists_the_attempts_newest_first(profile_dir, capsys):
    store = Store.create(profile_dir, PASSPHRASE, consultant="Test", kdf_n=FAST_KDF)
    store.close()
    code, out = run(capsys, profile_dir, "sync", "history")
    assert code == 0 and out.strip() == "Ingen synkroniseringer endnu."

    store = Store.open(profile_dir, PASSPHRASE)
    start = dt.datetime(2026, 11, 20, 9, 0)
    with store.write() as s:
        s.add(SyncRun(started_at=start, finished_at=start, trigger="manual", ok=True,
                      pushed=3, pulled=2, uploaded=1, conflicts=0))
        s.add(SyncRun(started_at=start + dt.timedelta(hours=1),
                      finished_at=start + dt.timedelta(hours=1), trigger="timer", ok=False,
                      error="Den centrale tjeneste svarer ikke lige nu."))
    store.close()

    code, out = run(capsys, profile_dir, "sync", "history")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert "tidsplan: fejlede" in lines[0]
    assert lines[0].endswith("(Den centrale tjeneste svarer ikke lige nu.)")
    assert "i programmet: gennemført; 3 sendt, 1 aftaler sendt, 2 hentet, 0 konflikter" \
        in lines[1]
    listed = json.loads(run(capsys, profile_dir, "sync", "history", "--json")[1])
    assert [(r["trigger"], r["ok"], r["pushed"]) for r in listed] == [
        ("timer", False, 0), ("manual", True, 3)]
    assert listed[1]["started_at"].startswith("2026-11-20T09:00")
