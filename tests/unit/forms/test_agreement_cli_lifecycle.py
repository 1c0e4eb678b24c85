"""``consultant-app agreement list|acknowledge|new-version|delete`` and the ``--json`` of
``show`` and ``check``: what the desktop does around signing, on a real profile, through the
real entry point; the signatures themselves are given the way the signing page gives them."""

from __future__ import annotations

import datetime as dt
import json

from consultant_app.cli import main
from consultant_app.device import device_identity
from consultant_app.store import Store
from forms import agreements as A
from tests.support.profiles import PASSPHRASE
from tests.support.signing import ready_draft, sign_all, sign_as


def run(capsys, store, *args: str) -> tuple[int, str, str]:
    """The command line on ``store``'s profile, which the test holds open: closed for the run
    (one program at a time opens a profile)."""
    store.close()
    code = main(["--profile", str(store.profile_dir), "--passphrase", PASSPHRASE, *args])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out, out.err


def long_praktik(store) -> str:
    """A praktik longer than the 4 weeks of its target group: one warning to acknowledge."""
    agreement_id = ready_draft(store, purpose=None)
    with store.write() as s:
        start = A.load(s, agreement_id).values["start_date"]
        A.update_fields(s, agreement_id, {"purpose": "Afklaring",
                                          "end_date": start + dt.timedelta(days=70)})
    return agreement_id


def test_a_warning_is_acknowledged_with_a_note_and_then_ready(store, capsys):
    agreement_id = long_praktik(store)
    code, out, err = run(capsys, store, "agreement", "check", agreement_id)
    assert code == 1 and "[max_duration:end_date]" in out and "uden bemærkning" in err
    code, out, _ = run(capsys, store, "agreement", "check", agreement_id, "--json")
    checked = json.loads(out)
    assert checked["ready"] is False
    assert [f["key"] for f in checked["findings"] if f["severity"] == "warning"] == [
        "max_duration:end_date"]

    code, _, err = run(capsys, store, "agreement", "acknowledge", agreement_id,
                       "max_duration:end_date")
    assert code == 1 and err.strip() == ("Fejl: --note: skriv en bemærkning (eller brug "
                                         "--withdraw).")
    code, _, err = run(capsys, store, "agreement", "acknowledge", agreement_id, "ratio:x",
                       "--note", "Holder")
    assert code == 1 and err.strip() == ("Fejl: NØGLE: 'ratio:x' er ikke en advarsel på "
                                         "aftalen. Advarsler: max_duration:end_date.")
    code, out, err = run(capsys, store, "agreement", "acknowledge", agreement_id,
                         "max_duration:end_date", "--note", "Forlænget efter aftale")
    assert code == 0 and out.strip() == "Kvitteret.", err
    code, out, _ = run(capsys, store, "agreement", "check", agreement_id)
    assert code == 0 and "(kvitteret: Forlænget efter aftale)" in out
    assert out.strip().endswith("Klar til underskrift.")
    shown = json.loads(run(capsys, store, "agreement", "show", agreement_id, "--json")[1])
    assert shown["acknowledgements"] == {"max_duration:end_date": "Forlænget efter aftale"}
    assert shown["fields"]["purpose"] == "Afklaring"
    assert shown["citizen_name"] == "Ali Hansen" and "0101901234" not in json.dumps(shown)

    code, out, _ = run(capsys, store, "agreement", "acknowledge", agreement_id,
                       "max_duration:end_date", "--withdraw")
    assert code == 0 and run(capsys, store, "agreement", "check", agreement_id)[0] == 1


def test_a_signed_agreement_gets_a_new_version_and_only_drafts_are_deleted(store, capsys):
    agreement_id = ready_draft(store)
    sign_as(store, agreement_id, device_identity(store), "employer", "Lone Bager")
    code, _, err = run(capsys, store, "agreement", "delete", agreement_id)
    assert code == 1 and err.startswith("Fejl: ") and "Traceback" not in err

    code, out, err = run(capsys, store, "agreement", "new-version", agreement_id)
    assert code == 0, err
    assert out.strip() == "Aftalen er nu version 2, en kladde; underskrifterne starter forfra."
    listed = json.loads(run(capsys, store, "agreement", "list", "--json")[1])
    assert [(a["id"], a["status"]) for a in listed] == [(agreement_id, "draft")]
    assert listed[0]["employer_name"] == "Bageriet ApS"

    code, out, _ = run(capsys, store, "agreement", "delete", agreement_id)
    assert code == 0 and out.strip() == "Kladden er slettet."
    assert run(capsys, store, "agreement", "list")[1].strip() == "Ingen aftaler."
    code, _, err = run(capsys, store, "agreement", "delete", agreement_id)
    assert code == 1 and err.strip() == f"Fejl: Aftale med id {agreement_id} findes ikke."


def test_a_sealed_agreement_gets_no_new_version_and_the_list_filters_by_status(store, capsys):
    from tests.support.signing import seal
    agreement_id = ready_draft(store)
    device = device_identity(store)
    sign_all(store, agreement_id, device)
    seal(store, agreement_id, device)
    code, _, err = run(capsys, store, "agreement", "new-version", agreement_id)
    assert code == 1 and err.startswith("Fejl: ")
    code, out, _ = run(capsys, store, "agreement", "list", "--status", "sealed")
    assert code == 0 and agreement_id in out and "Forseglet" in out
    code, out, _ = run(capsys, store, "agreement", "list", "--status", "draft")
    assert out.strip() == "Ingen aftaler."


def test_signatures_show_who_is_missing_and_seal_makes_the_sealed_pdf(store, tmp_path, capsys):
    import pypdf

    from tests.support.signing import SIGNERS

    agreement_id = ready_draft(store)
    device = device_identity(store)
    sign_as(store, agreement_id, device, "employer", "Lone Bager")
    code, out, _ = run(capsys, store, "agreement", "signatures", agreement_id)
    assert code == 0 and out.splitlines()[0].startswith("Underskrevet: ")
    assert "Lone Bager" in out and out.count("Mangler:") == len(SIGNERS) - 1
    code, _, err = run(capsys, store, "agreement", "seal", agreement_id)
    assert code == 1 and err.startswith("Fejl: ")

    again = Store.open(store.profile_dir, PASSPHRASE)
    try:
        sign_all_but_first(again, agreement_id, device_identity(again))
    finally:
        again.close()
    state = json.loads(run(capsys, again, "agreement", "signatures", agreement_id,
                           "--json")[1])
    assert (state["status"], state["pending"]) == ("signed", [])
    output = tmp_path / "aftale.pdf"
    code, out, err = run(capsys, again, "agreement", "seal", agreement_id, "-o", str(output))
    assert code == 0, err
    assert out.splitlines() == ["Aftalen er forseglet.",
                                f"Forseglet aftale skrevet til {output}."]
    assert "aftale.json" in pypdf.PdfReader(output).attachments
    listed = json.loads(run(capsys, again, "agreement", "list", "--json")[1])
    assert listed[0]["status"] == "sealed"


def sign_all_but_first(store, agreement_id, device) -> None:
    from tests.support.signing import SIGNERS
    for seed, (role, name) in enumerate(SIGNERS[1:], 1):
        sign_as(store, agreement_id, device, role, name, seed,
                identity_check="known" if role == "consultant" else "id_shown")
