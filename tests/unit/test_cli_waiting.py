"""``consultant-app waiting``: the changes the outbox holds for the next sync, on a real
profile, named as the Sync page names them."""

from __future__ import annotations

import json

from consultant_app.cli import main
from consultant_app.store import Store
from tests.support.profiles import FAST_KDF, PASSPHRASE


def run(capsys, profile, *args: str) -> tuple[int, str]:
    code = main(["--profile", str(profile), "--passphrase", PASSPHRASE, *args])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out


def test_waiting_lists_each_change_for_the_next_sync(profile_dir, capsys):
    Store.create(profile_dir, PASSPHRASE, consultant="Test", kdf_n=FAST_KDF).close()
    code, out = run(capsys, profile_dir, "waiting")
    assert code == 0 and out.strip() == "Venter på at blive sendt: 0 ændringer."
    code, employer_id = run(capsys, profile_dir, "employer", "add", "cvr=10000009",
                            "name=Bageriet ApS")
    run(capsys, profile_dir, "employer", "edit", employer_id.strip(), "industry=Bageri")
    code, out = run(capsys, profile_dir, "waiting")
    lines = out.splitlines()
    assert lines[0] == "Venter på at blive sendt: 2 ændringer."
    assert lines[1].endswith("Virksomhed Bageriet ApS oprettet")
    assert lines[2].endswith("Virksomhed Bageriet ApS ændret: Branche")
    listed = json.loads(run(capsys, profile_dir, "waiting", "--json")[1])
    assert listed["total"] == 2 and listed["set_aside"] == []
    assert [(w["entity"], w["op"], w["fields"]) for w in listed["waiting"]][1] == (
        "employer", "update", ["industry"])
