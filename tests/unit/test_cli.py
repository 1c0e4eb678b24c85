"""The command line, run in-process through its real entry point."""

from __future__ import annotations

import json

import keyring
import pytest
from keyring.backend import KeyringBackend

from consultant_app.cli import main
from consultant_app.store import DB_FILENAME


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def profile(tmp_path, capsys):
    path = str(tmp_path / "p")
    code, out, err = run(capsys, "--profile", path, "--passphrase", "pw", "seed-demo",
                         "--employers", "40", "--vacancies", "30", "--candidates", "80")
    assert code == 0, err
    assert "40 virksomheder, 30 stillinger, 80 borgere" in out
    return path


def test_search_prints_hits_and_json_for_scripts(profile, capsys):
    code, out, _ = run(capsys, "--profile", profile, "--passphrase", "pw", "search", "aarhus")
    assert code == 0 and "Aarhus" in out
    code, out, _ = run(capsys, "--profile", profile, "--passphrase", "pw", "search", "aarhus",
                       "--json", "--kind", "citizen", "--limit", "3")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 3 and {h["kind"] for h in hits} == {"citizen"}
    assert set(hits[0]) == {"kind", "id", "title", "subtitle"}


def test_a_wrong_passphrase_is_one_plain_line_and_exit_1(profile, capsys):
    code, out, err = run(capsys, "--profile", profile, "--passphrase", "forkert", "info")
    assert code == 1
    assert err.strip() == "Fejl: Forkert adgangskode. Profilen er ikke åbnet."
    assert "Traceback" not in out + err


def test_a_corrupt_profile_is_reported_without_a_traceback(tmp_path, capsys):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / DB_FILENAME).write_bytes(b"\x00garbage" * 1000)
    code, out, err = run(capsys, "--profile", str(folder), "--passphrase", "pw", "info")
    assert code == 1 and "beskadiget" in err and "Traceback" not in out + err


def test_a_missing_profile_says_how_to_make_one(tmp_path, capsys):
    code, _, err = run(capsys, "--profile", str(tmp_path / "none"), "--passphrase", "pw", "info")
    assert code == 1 and "consultant-app init" in err


def test_info_counts_what_the_profile_holds(profile, capsys):
    code, out, _ = run(capsys, "--profile", profile, "--passphrase", "pw", "info", "--json")
    assert code == 0
    info = json.loads(out)
    assert (info["employers"], info["vacancies"], info["citizens"]) == (40, 30, 80)
    assert info["outbox"] > 150  # every seeded row is queued for sync


def test_check_confirms_a_healthy_file(profile, capsys):
    code, out, _ = run(capsys, "--profile", profile, "--passphrase", "pw", "check")
    assert code == 0 and "i orden" in out


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps secrets in memory (no OS keyring in CI)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        self.secrets: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def test_a_key_remembered_in_the_keyring_opens_the_profile_without_a_passphrase(tmp_path,
                                                                                 capsys):
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        path = str(tmp_path / "k")
        code, out, _ = run(capsys, "--profile", path, "--passphrase", "pw", "init", "--remember")
        assert code == 0 and "nøgleringen" in out
        assert len(backend.secrets) == 1
        code, out, err = run(capsys, "--profile", path, "info", "--json")
        assert code == 0, err
        assert json.loads(out)["employers"] == 0
    finally:
        keyring.set_keyring(previous)


def test_server_command_lists_its_commands(capsys):
    from sync.server_cli import main as server_main
    assert server_main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("serve", "demo", "migrate", "add-municipality", "add-consultant",
                    "revoke-device", "import", "assign-citizen"):
        assert command in out
    assert server_main(["no-such-command"]) != 0
