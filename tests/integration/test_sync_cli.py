"""``consultant-app enroll`` and ``consultant-app sync`` as a user runs them: the installed
command in a subprocess, against a real service process."""

from __future__ import annotations

import subprocess

import pytest

from sync.server import admin, auth, db
from tests.support.cli import run_app
from tests.support.server_process import ServerProcess


def app(profile, *args: str) -> subprocess.CompletedProcess[str]:
    return run_app(profile, *args, passphrase="cli-test")


@pytest.mark.slow
def test_enroll_and_sync_from_a_terminal_with_danish_messages_and_exit_codes(tmp_path):
    profile = tmp_path / "profile"
    with ServerProcess.sqlite(tmp_path) as server:
        _, engine = db.make_engines(server.database_url)
        admin.add_municipality(engine, "0751", "Aarhus")
        code = auth.store_code(engine, admin.add_consultant(engine, "0751", "Kim Terminal"))

        assert app(profile, "init", "--consultant", "Kim Terminal").returncode == 0
        not_enrolled = app(profile, "sync")
        assert not_enrolled.returncode != 0
        assert "Enheden er ikke tilmeldt en central tjeneste endnu" in not_enrolled.stderr

        wrong = app(profile, "enroll", "--server", server.base_url, "--code", "FORKERT")
        assert wrong.returncode != 0 and "Tilmeldingen blev afvist" in wrong.stderr

        ok = app(profile, "enroll", "--server", server.base_url, "--code", code, "--no-keyring")
        assert ok.returncode == 0, ok.stderr
        assert "Enheden er tilmeldt Aarhus (0751) som Kim Terminal" in ok.stdout
        assert "krypteret" in ok.stdout

        assert app(profile, "seed-demo", "--employers", "20", "--vacancies", "10",
                   "--candidates", "30").returncode == 0
        synced = app(profile, "sync")
        assert synced.returncode == 0, synced.stderr
        assert synced.stdout.startswith("Synkroniseret: ")
        assert "0 konflikter" in synced.stdout
        url = server.base_url
    down = app(profile, "sync")  # the service has stopped
    assert down.returncode == 1
    assert "Den centrale tjeneste svarer ikke lige nu." in down.stderr
    assert "sendes ved næste synkronisering" in down.stderr and url not in down.stderr
    assert "Traceback" not in down.stderr


@pytest.mark.slow
def test_an_unsent_edit_of_a_moved_citizen_is_shown_to_hand_over_and_removed_after(tmp_path):
    profile = tmp_path / "profile"
    with ServerProcess.sqlite(tmp_path) as server:
        _, engine = db.make_engines(server.database_url)
        admin.add_municipality(engine, "0751", "Aarhus")
        code = auth.store_code(engine, admin.add_consultant(engine, "0751", "Kim Terminal"))
        bo = admin.add_consultant(engine, "0751", "Bo Hansen")
        assert app(profile, "init", "--consultant", "Kim Terminal").returncode == 0
        assert app(profile, "enroll", "--server", server.base_url, "--code", code,
                   "--no-keyring").returncode == 0
        added = app(profile, "citizen", "add", "name=Ib Skov", "cpr=0101901234",
                    "target_group=dagpenge")
        assert added.returncode == 0, added.stderr
        citizen_id = added.stdout.split()[-1]
        assert app(profile, "sync").returncode == 0

        admin.assign_citizen(engine, citizen_id, bo)
        edited = app(profile, "citizen", "edit", citizen_id, "notes=Starter gerne 1/12",
                     "phone=20304050")  # offline, before Kim's device has heard
        assert edited.returncode == 0, edited.stderr
        synced = app(profile, "sync")
        assert synced.returncode == 0, synced.stderr
        assert "Til overdragelse: 1 ændring(er) af borgere, der er flyttet" in synced.stdout
        assert "Ib Skov: Noter, Telefon" in synced.stdout
        assert "Noter: Starter gerne 1/12" in synced.stdout
        assert "Telefon: 20304050" in synced.stdout
        conflict_id = next(line.split()[0] for line in synced.stdout.splitlines()
                           if "Ib Skov: Noter, Telefon" in line)

        listed = app(profile, "conflicts", "list")
        assert "Noter: Starter gerne 1/12" in listed.stdout
        assert f"conflicts resolve {conflict_id} server" in listed.stdout
        done = app(profile, "conflicts", "resolve", conflict_id, "server")
        assert done.returncode == 0, done.stderr
        assert "fjernet fra enheden" in done.stdout
        again = app(profile, "sync")
        assert again.returncode == 0 and "Til overdragelse" not in again.stdout
        assert "Ingen konflikter." in app(profile, "conflicts", "list").stdout
        engine.dispose()
