"""``consultant-app agreement ...`` run in-process through the real entry point on a real
seeded profile."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest
from sqlalchemy import func, select

from consultant_app.cli import main
from consultant_app.store.models import AccessLog, Citizen
from forms.templates import TYPE_ORDER
from tests.support.samples import fitting_citizen, fitting_vacancy, seeded_profile


@pytest.fixture
def profile(tmp_path):
    store = seeded_profile(tmp_path / "profile")
    with store.read() as s:
        vacancy = fitting_vacancy(s, "praktik")
        citizen = fitting_citizen(s, "dagpenge")
        ids = {"profile": str(store.profile_dir), "employer": vacancy.employer_id,
               "vacancy": vacancy.id, "citizen": citizen.id, "cpr": citizen.cpr}
    store.close()
    return ids


def run(capsys, profile, *args: str) -> tuple[int, str, str]:
    code = main(["--profile", profile["profile"], "--passphrase", "pw", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def new_praktik(capsys, profile) -> str:
    code, out, err = run(capsys, profile, "agreement", "new", "virksomhedspraktik",
                         "--employer", profile["employer"], "--vacancy", profile["vacancy"],
                         "--citizen", profile["citizen"])
    assert code == 0, err
    return out.strip()


def test_types_lists_every_type_with_its_versions(profile, capsys):
    code, out, _ = run(capsys, profile, "agreement", "types")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == list(TYPE_ORDER)
    assert "v1" in lines[0] and "Virksomhedspraktik" in lines[0]


def test_new_prints_the_id_of_a_prefilled_draft_shown_with_the_cpr_masked(profile, capsys):
    agreement_id = new_praktik(capsys, profile)
    code, out, _ = run(capsys, profile, "agreement", "show", agreement_id)
    assert code == 0
    assert "Aftale om virksomhedspraktik" in out and agreement_id in out and "Kladde" in out
    assert "Dagpengemodtager (forsikret ledig)" in out
    cpr = profile["cpr"]
    assert cpr not in out and f"{cpr[:6]}-" in out


def test_reveal_cpr_shows_the_number_and_writes_the_access_log(profile, capsys):
    from consultant_app.store import Store
    agreement_id = new_praktik(capsys, profile)
    code, out, _ = run(capsys, profile, "agreement", "show", agreement_id, "--reveal-cpr")
    assert code == 0 and profile["cpr"] in out
    with Store.open(profile["profile"], "pw") as store, store.read() as s:
        logged = s.scalar(select(func.count()).select_from(AccessLog).where(
            AccessLog.action == "reveal_cpr", AccessLog.entity_id == profile["citizen"]))
    assert logged == 1


def test_set_check_and_pdf_take_a_draft_to_ready(profile, capsys, tmp_path):
    agreement_id = new_praktik(capsys, profile)
    code, out, err = run(capsys, profile, "agreement", "check", agreement_id)
    assert code == 1
    assert "Fejl      Formål med praktikken: Formål med praktikken skal udfyldes." in out
    assert "Fejl: Aftalen er ikke klar til underskrift" in err

    # starting in ten weeks: approved before it starts, 4 weeks for a dagpenge recipient
    start = dt.date.today() + dt.timedelta(weeks=10)
    end = start + dt.timedelta(days=27)
    code, out, err = run(capsys, profile, "agreement", "set", agreement_id,
                         "purpose=Afklaring af jobmål – lager", f"start_date={start:%d-%m-%Y}",
                         f"end_date={end:%d-%m-%Y}", "hours_per_week=20")
    assert code == 0, err
    assert "Gemt: 4" in out
    code, out, err = run(capsys, profile, "agreement", "check", agreement_id)
    assert code == 0, out + err
    assert out.strip().splitlines()[-1] == "Klar til underskrift."

    target = str(tmp_path / "aftale.pdf")
    code, out, err = run(capsys, profile, "agreement", "pdf", agreement_id, "-o", target)
    assert code == 0, err
    assert "skrevet til" in out
    with open(target, "rb") as fh:
        reader = pypdf.PdfReader(io.BytesIO(fh.read()))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Afklaring af jobmål – lager" in text and agreement_id in text
    assert f"{start:%d.%m.%Y}" in text and f"{end:%d.%m.%Y}" in text


def test_bad_values_are_reported_by_field_and_nothing_is_saved(profile, capsys):
    agreement_id = new_praktik(capsys, profile)
    code, _, err = run(capsys, profile, "agreement", "set", agreement_id,
                       "purpose=Afklaring", "hours_per_week=mange", "employer_cvr=123")
    assert code == 1
    assert err.startswith("Fejl: ") and "Timer pr. uge" in err and "CVR-nummer" in err
    assert "Traceback" not in err
    _, out, _ = run(capsys, profile, "agreement", "show", agreement_id)
    assert "Afklaring" not in out


@pytest.mark.parametrize("args, message", [
    (("set", "{id}", "purpose"), "Skriv felt=værdi, ikke 'purpose'."),
    (("set", "{id}", "nosuchfield=1"), "Ukendt felt 'nosuchfield'. Felterne er: "
                                        "employer_name, employer_cvr, employer_p_number, "),
    # A near miss names the field meant: the keys are not on the printed agreement.
    (("set", "{id}", "p_number=1234567890"),
     "Ukendt felt 'p_number'. Mente du employer_p_number?"),
    (("show", "no-such-id"), "Aftale med id no-such-id findes ikke."),
    (("new", "praktik", "--employer", "{employer}"),
     "'praktik' er ikke en aftaletype. Mente du virksomhedspraktik?"),
    (("new", "jobrotationx", "--employer", "{employer}"),
     "'jobrotationx' er ikke en aftaletype. Aftaletyperne er: virksomhedspraktik, "),
])
def test_mistakes_end_in_one_danish_line_and_exit_1(profile, capsys, args, message):
    agreement_id = new_praktik(capsys, profile)
    args = [a.format(id=agreement_id, employer=profile["employer"]) for a in args]
    code, _, err = run(capsys, profile, "agreement", *args)
    assert code == 1 and message in err and err.startswith("Fejl: ")


def test_a_pdf_that_cannot_be_written_leaves_nothing_behind(profile, capsys, tmp_path):
    agreement_id = new_praktik(capsys, profile)
    target = tmp_path / "missing-folder" / "aftale.pdf"
    code, _, err = run(capsys, profile, "agreement", "pdf", agreement_id, "-o", str(target))
    assert code == 1 and err.startswith("Fejl: Kunne ikke skrive")
    assert not target.parent.exists()


def test_reveal_needs_a_citizen_on_the_agreement(profile, capsys):
    code, out, err = run(capsys, profile, "agreement", "new", "mentor", "--employer",
                         profile["employer"])
    agreement_id = out.strip()
    code, out, err = run(capsys, profile, "agreement", "show", agreement_id, "--reveal-cpr")
    assert code == 1 and "ikke knyttet til en borger" in err
    from consultant_app.store import Store
    with Store.open(profile["profile"], "pw") as store, store.read() as s:
        assert s.scalar(select(func.count()).select_from(AccessLog)) == 0
        assert s.scalar(select(func.count()).select_from(Citizen)) == 150
