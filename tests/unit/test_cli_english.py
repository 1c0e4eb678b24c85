"""The command line in English says nothing in Danish of its own.

Everything a consultant reads is Danish source text that goes through one translation path
(``consultant_app.cli.texts``) to the desktop's English catalogue. A pseudo-translator stands
in for that catalogue here: it marks every text the catalogue translates as ⟦…⟧ (click's own
texts too), and a text it is asked for that the catalogue lacks stays unmarked. A field visit
is then run in English, command by command, as a consultant would type it, and every line
printed must be marks and data once the marks are taken out: ids, dates, numbers, the profile
path and what the test typed itself. A literal that skipped the path, a template missing from
the catalogue and a translated text glued to an untranslated one all leave words behind. Lines
are not listed per command, so a new command or a new line is checked as soon as it runs
here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from consultant_app.cli import main, texts
from consultant_app.store import Store
from consultant_app.store.models import SyncConflict, SyncRun
from forms.templates import agreement_types
from sync.client import quarantine
from sync.protocol import DELETED_FIELD
from tests.support.catalogue import CLOSE, MARKED, OPEN, WORD, translated
from tests.support.profiles import FAST_KDF

PASSPHRASE = "pw-english"
# Values this test gives (the field values and options it types are collected as it runs).
EMPLOYER = "Testlager ApS"
NOTE = "Kaffe og rundvisning"
TITLE = "Lagermedarbejder"
CITIZEN = "Eva Ek"
SKILL = "truckcertifikat"
SERVER_NOTE = "Ring til Birgitte"  # the two sides of a conflict, written to the store
CLIENT_NOTE = "Aftalt møde 14/12"

ID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
# The program's one way to write a day; a moment's clock word is text and must be marked.
MOMENT = re.compile(r"\b\d{2}\.\d{2}\.\d{4}")


class Output:
    """What the commands printed, both streams, line by line with the command that did."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str]] = []
        self.data: list[str] = [SERVER_NOTE, CLIENT_NOTE, *agreement_types()]

    def unmarked(self) -> list[str]:
        found = []
        # Longest first, so a name is taken out whole; only values with words matter.
        data = sorted({v for v in self.data if WORD.search(v)}, key=len, reverse=True)
        for command, line in self.lines:
            rest = line
            while MARKED.search(rest):  # innermost first: a message inside a message
                rest = MARKED.sub(" ", rest)
            for value in data:
                rest = rest.replace(value, " ")
            rest = MOMENT.sub(" ", ID.sub(" ", rest))
            if WORD.search(rest):
                found.append(f"{command}: {line!r}")
        return found


@pytest.fixture
def english() -> Iterator[None]:
    """``--lang en`` with the pseudo-translator as the command line's translator; Danish and
    the real lookups again afterwards, for the tests that run in this process next."""
    known = translated()

    def pseudo(context: str, source: str) -> str:
        return f"{OPEN}{source}{CLOSE}" if (context, source) in known else source

    saved = texts._load_translator, texts.gettext, texts.ngettext
    texts._load_translator = lambda language: pseudo  # type: ignore[assignment]
    # click's own texts are English already; marked, they count as the program's.
    texts.gettext = lambda message: f"{OPEN}{message}{CLOSE}"  # type: ignore[assignment]
    texts.ngettext = (lambda one, many, n:  # type: ignore[assignment]
                      f"{OPEN}{one if n == 1 else many}{CLOSE}")
    try:
        yield
    finally:
        texts._load_translator, texts.gettext, texts.ngettext = saved
        texts.install("da")


def seed_sync_state(profile: Path, employer_id: str) -> None:
    """What only a sync leaves behind: a finished attempt, two conflicts (a field both sides
    changed, an edit that lost to a delete) and a change set aside."""
    store = Store.open(profile, PASSPHRASE)
    try:
        with store.write(journal=False) as s:
            now = dt.datetime(2026, 11, 20, 9, 0)
            s.add(SyncRun(started_at=now, finished_at=now, trigger="manual", ok=True,
                          pushed=3, pulled=2, uploaded=1, conflicts=2))
            s.add(SyncConflict(entity="employer", entity_id=employer_id, field="notes",
                               server_value=json.dumps(SERVER_NOTE),
                               client_value=json.dumps(CLIENT_NOTE),
                               winner="client", policy="last_writer_wins"))
            s.add(SyncConflict(entity="employer", entity_id=employer_id, field=DELETED_FIELD,
                               server_value=json.dumps(True),
                               client_value=json.dumps({"notes": CLIENT_NOTE}),
                               winner="server", policy="delete_wins"))
            quarantine.put(s, quarantine.PULL, "employer", employer_id, "bad_change", {})
    finally:
        store.close()


def test_a_field_visit_in_english_prints_no_danish_of_its_own(english, tmp_path, capsys):
    profile = tmp_path / "profile"
    out = Output()
    out.data += [str(profile), "Ane Konsulent"]

    def run(*args: str, code: int = 0) -> str:
        got = main(["--profile", str(profile), "--passphrase", PASSPHRASE, "--lang", "en",
                    *args])
        printed = capsys.readouterr()
        command = " ".join(a for a in args if not a.startswith(("-", "0")) and "=" not in a)
        # What the test typed is data: field values and options' values.
        out.data += [a.partition("=")[2] for a in args if "=" in a]
        out.data += [a for option, a in zip(args, args[1:]) if option.startswith("--")]
        assert got == code, f"{command}: {printed.out}{printed.err}"
        assert "Traceback" not in printed.out + printed.err
        if "--json" not in args:  # machine-readable: English keys, values as stored
            out.lines += [(command, line) for line in (printed.out + printed.err).splitlines()]
        return printed.out.strip()

    def show(*args: str) -> None:
        """A record's fields: its keys and values, as its --json gives them, are data."""
        record = json.loads(run(*args, "--json"))
        out.data += [str(v) for v in record.values() if isinstance(v, (str, int, float))
                     and not isinstance(v, bool)] + list(record)
        run(*args)

    def listing(*args: str, data: tuple[str, ...]) -> None:
        """A list whose ``data`` keys, as its --json gives them, hold codes and names the
        program keeps (a change's fields by key, a record's label, an agreement's type)."""
        def walk(node: object) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    if key in data:
                        out.data.extend(value if isinstance(value, list) else [str(value)])
                    walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)
        walk(json.loads(run(*args, "--json")))
        run(*args)

    # Made here with the tests' cheap key derivation (every command opens the profile);
    # init then finds it, as it finds one made by the desktop.
    Store.create(profile, PASSPHRASE, consultant="Ane Konsulent", kdf_n=FAST_KDF).close()
    run("init")
    employer = run("employer", "add", "cvr=31234565", f"name={EMPLOYER}")
    run("employer", "edit", employer, "subsidised_persons=1")
    show("employer", "show", employer)
    run("contact", "add", employer, "name=Bo Berg", "is_primary=ja")
    contact = json.loads(run("contact", "add", employer, "name=Ib", "--json"))["id"]
    show("contact", "show", contact)
    today = dt.date.today()
    visit = run("visit", "add", employer, f"notes={NOTE}", "follow_up_note=Ring om praktik",
                f"visit_date={today - dt.timedelta(days=9):%Y-%m-%d}",
                f"follow_up_date={today - dt.timedelta(days=2):%Y-%m-%d}")
    run("visit", "add", employer, "status=planned", f"notes={NOTE}",
        f"visit_date={today + dt.timedelta(days=1):%Y-%m-%d}")
    run("today")
    run("visit", "follow-up-done", visit)
    vacancy = run("vacancy", "add", employer, f"title={TITLE}", "kind=ordinary",
                  f"skills={SKILL}")
    show("vacancy", "show", vacancy)
    gone = run("vacancy", "add", employer, f"title={TITLE}")
    run("vacancy", "delete", gone)
    citizen = run("citizen", "add", f"name={CITIZEN}", "target_group=dagpenge",
                  f"skills={SKILL}", "max_hours_per_week=37")
    run("citizen", "add", "name=Ulla Ung", "target_group=dagpenge", "max_hours_per_week=5")
    show("citizen", "show", citizen)
    run("match", "--vacancy", vacancy, "--include-excluded")
    run("match", "--citizen", citizen)
    match = run("match", "propose", "--vacancy", vacancy, "--citizen", citizen)
    run("match", "move", match, "presented", "--note", NOTE)
    run("match", "history", match)
    run("search", TITLE)
    run("search", "intet-der-findes")
    run("agreement", "list")
    agreement = run("agreement", "new", "virksomhedspraktik", "--employer", employer,
                    "--citizen", citizen, "--vacancy", vacancy)
    listing("agreement", "list", data=("agreement_type",))
    run("agreement", "signatures", agreement)
    run("agreement", "types")
    run("info")
    run("check")
    listing("waiting", data=("record_label", "fields"))
    run("conflicts", "list")
    run("sync", "history")
    run("sync", code=1)  # nothing enrolled: its refusal
    run("trust", "list")  # nothing trusted yet
    run("trust", "remove", "00000000", code=1)
    run("ca", "export", code=1)  # nothing enrolled
    seed_sync_state(profile, employer)
    listing("waiting", data=("record_label", "fields"))
    run("conflicts", "list")
    run("sync", "history")
    run("employer", "show", "no-such-id", code=1)
    run("employer", "edit", employer, code=1)  # no field=value

    assert len(out.lines) > 60, "the visit printed less than it should have"
    unmarked = out.unmarked()
    assert not unmarked, ("Danish (or any words) the command line wrote without its "
                          "translator:\n" + "\n".join(unmarked))


def test_a_missing_record_is_named_in_english(tmp_path, capsys):
    """The services and the matcher name what they did not find as a message (errors.Noun),
    so the noun is English in an English sentence. The pseudo-translator above cannot see
    this: a parameter is inside its template's mark."""
    profile = tmp_path / "profile"
    Store.create(profile, PASSPHRASE, kdf_n=FAST_KDF).close()
    common = ["--profile", str(profile), "--passphrase", PASSPHRASE, "--lang", "en"]
    try:
        for args, noun in ((["employer", "edit", "nope", "notes=x"], "Employer"),
                           (["citizen", "edit", "nope", "notes=x"], "Citizen"),
                           (["vacancy", "delete", "nope"], "Vacancy"),
                           (["match", "--vacancy", "nope"], "Vacancy"),
                           (["agreement", "show", "nope"], "Agreement")):
            assert main([*common, *args]) == 1
            assert capsys.readouterr().err.strip() == \
                f"Error: {noun} with id nope does not exist.", args
    finally:
        texts.install("da")


def test_a_match_reason_names_the_target_group_in_english(tmp_path, capsys):
    """A reason's target group, agreement kind and restriction are domain labels given to
    its template as messages, so they are English in an English reason (the pseudo-translator
    above cannot see a parameter inside its template's mark)."""
    from consultant_app.domain import CTX as DOMAIN_CTX
    from consultant_app.domain import TARGET_GROUPS, VACANCY_KINDS

    profile = tmp_path / "profile"
    Store.create(profile, PASSPHRASE, kdf_n=FAST_KDF).close()

    def run(*args: str) -> str:
        assert main(["--profile", str(profile), "--passphrase", PASSPHRASE, "--lang", "en",
                     *args]) == 0
        return capsys.readouterr().out.strip()

    try:
        employer = run("employer", "add", "cvr=31234565", f"name={EMPLOYER}")
        ordinary = run("vacancy", "add", employer, f"title={TITLE}", "kind=ordinary")
        flex = run("vacancy", "add", employer, f"title={TITLE}", "kind=fleksjob")
        run("citizen", "add", f"name={CITIZEN}", "target_group=dagpenge")
        group = TARGET_GROUPS["dagpenge"]
        english = texts.lookup(DOMAIN_CTX, group)
        assert english != group
        for vacancy in (ordinary, flex):
            shown = run("match", "--vacancy", vacancy, "--include-excluded")
            assert english in shown and group not in shown, shown
        kind = VACANCY_KINDS["fleksjob"]
        assert texts.lookup(DOMAIN_CTX, kind) in shown and kind not in shown, shown
    finally:
        texts.install("da")
