"""``consultant-app conflicts list|resolve`` and ``consultant-app agreement receipt`` on
profiles that synced with a real ``consultant-server`` process: a conflict made by two devices
editing one field offline, a receipt the service gave for a sealed agreement."""

from __future__ import annotations

import json

import pytest

from consultant_app.cli import main
from consultant_app.device import device_identity
from consultant_app.services.employers import create_employer, update_employer
from consultant_app.store.models import PlacementAgreement
from tests.support.profiles import PASSPHRASE
from tests.support.devices import Central, employers
from tests.support.server_process import ServerProcess
from tests.support.signing import ready_draft, seal, sign_all



@pytest.fixture(scope="module")
def central(tmp_path_factory):
    with ServerProcess.sqlite(tmp_path_factory.mktemp("central")) as server:
        yield Central(server)


def run(capsys, profile, *args: str) -> tuple[int, str, str]:
    code = main(["--profile", str(profile), "--passphrase", PASSPHRASE, *args])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out, out.err


@pytest.mark.slow
def test_a_conflict_is_listed_and_resolved_from_the_command_line(central, tmp_path, capsys):
    one, e1 = central.device(tmp_path / "one", municipality="0101")
    two, e2 = central.device(tmp_path / "two", municipality="0101")
    with one.write() as s:
        employer_id = create_employer(s, {"cvr": "10000009", "name": "Fælles Lager"}).id
    e1.sync()
    e2.sync()
    two.close()  # from here device two is used only through the command line

    with one.write() as s:
        update_employer(s, employer_id, {"cvr": "25313763"})
    e1.sync()
    code, out, err = run(capsys, two.profile_dir, "employer", "edit", employer_id,
                         "cvr=13585628")
    assert code == 0, err
    code, out, err = run(capsys, two.profile_dir, "sync", "--quiet")
    assert code == 0 and "1 konflikter" in out, out + err

    code, out, _ = run(capsys, two.profile_dir, "conflicts", "list")
    assert code == 0
    assert "CVR-nummer" in out and "25313763" in out and "13585628" in out
    assert "Reglen for feltet valgte tjenestens værdi" in out
    code, out, _ = run(capsys, two.profile_dir, "conflicts", "list", "--json")
    [conflict] = json.loads(out)
    assert (conflict["field"], conflict["server_value"], conflict["client_value"],
            conflict["winner"]) == ("cvr", "25313763", "13585628", "server")

    code, out, err = run(capsys, two.profile_dir, "conflicts", "resolve", conflict["id"],
                         "client")
    assert code == 0 and "din værdi gælder" in out, err
    code, out, _ = run(capsys, two.profile_dir, "conflicts", "list")
    assert out.strip() == "Ingen konflikter."
    code, out, _ = run(capsys, two.profile_dir, "conflicts", "list", "--all", "--json")
    assert json.loads(out)[0]["chosen"] == "client"
    assert run(capsys, two.profile_dir, "sync", "--quiet")[0] == 0
    e1.sync()
    assert employers(one)[employer_id].cvr == "13585628"  # the choice reached the other device

    code, _, err = run(capsys, two.profile_dir, "conflicts", "resolve", "no-such-id", "server")
    assert code == 1 and err.strip() == "Fejl: Konflikt med id no-such-id findes ikke."
    one.close()


@pytest.mark.slow
def test_the_receipt_of_a_sealed_agreement_is_shown(central, tmp_path, capsys):
    store, engine = central.device(tmp_path / "device", municipality="0501",
                                   name="Test Konsulent")
    device = device_identity(store)
    agreement_id = ready_draft(store)
    sign_all(store, agreement_id, device)
    seal(store, agreement_id, device)
    assert engine.sync().uploaded == 1
    with store.read() as s:
        employer_id = s.get(PlacementAgreement, agreement_id).employer_id
    store.close()

    code, out, err = run(capsys, store.profile_dir, "agreement", "receipt", agreement_id)
    assert code == 0, err
    assert out.startswith("Version 1: modtaget af tjenesten ") and ", gemt" in out
    code, out, _ = run(capsys, store.profile_dir, "agreement", "receipt", agreement_id, "--json")
    [receipt] = json.loads(out)
    assert (receipt["revision"], receipt["status"]) == (1, "stored")
    assert len(receipt["content_hash"]) == len(receipt["pdf_sha256"]) == 64

    code, draft_id, _ = run(capsys, store.profile_dir, "agreement", "new", "mentor",
                            "--employer", employer_id)
    code, _, err = run(capsys, store.profile_dir, "agreement", "receipt", draft_id.strip())
    assert code == 1 and "ingen kvittering for aftalen endnu" in err
