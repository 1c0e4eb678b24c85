"""The command line documents itself (in the style of sqlite-utils' test_docs.py): every
command and subcommand, the upper layers' included, is in README.md and has help; and it
speaks Danish, click's own texts included, or English when asked."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import click
import pytest

from consultant_app.cli import cli, main, texts
from consultant_app.cli.common import COMMAND_GROUP
from consultant_app.store import Store
from tests.support.cli import walk_commands
from tests.support.profiles import FAST_KDF, PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


COMMANDS = [(" ".join(path), command) for path, command in walk_commands(cli) if path]


def test_the_walk_reaches_the_upper_layers_commands():
    names = {name for name, _ in COMMANDS}
    assert {"agreement receipt", "conflicts resolve", "gui", "employer add"} <= names
    assert {e.name for e in entry_points(group=COMMAND_GROUP)} <= names


@pytest.mark.parametrize("name,command", COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_is_in_the_readme_and_has_help(name, command):
    assert f"consultant-app {name}" in README
    assert (command.help or "").strip(), f"{name} has no help"


def _click_texts() -> set[str]:
    """Every literal click passes to ``_()`` or (as singular) to ``ngettext()``."""
    found = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "ngettext") and node.args
                    and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    return found


def test_every_text_of_click_has_a_danish_translation():
    missing = _click_texts() - set(texts.CLICK_DA) - set(texts.CLICK_DA_PLURAL)
    assert not missing, f"click texts without Danish in consultant_app/cli/texts.py: {missing}"
    fields = re.compile(r"{[^}]*}")
    for english, danish in texts.CLICK_DA.items():  # the same placeholders
        assert sorted(fields.findall(english)) == sorted(fields.findall(danish)), english


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_help_and_usage_errors_are_danish(capsys, monkeypatch):
    monkeypatch.delenv(texts.LANG_ENV, raising=False)
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert out.startswith("Brug: consultant-app [TILVALG] [KOMMANDO] [ARGUMENTER]...")
    assert "Tilvalg:" in out and "Kommandoer:" in out and "Vis denne hjælp og afslut." in out
    assert "Usage" not in out and "Options" not in out and "Show this" not in out
    code, _, err = run(capsys, "agreement", "new")
    assert code == 2
    assert err.splitlines() == ["Brug: consultant-app agreement new [TILVALG] TYPE",
                                "Skriv 'consultant-app agreement new --help' for hjælp.", "",
                                "Fejl: Der mangler et argument 'TYPE'."]
    code, _, err = run(capsys, "match", "propose", "--vacancy", "x")
    assert code == 2 and "Fejl: Der mangler et tilvalg '--citizen'." in err
    code, _, err = run(capsys, "no-such-command")
    assert code == 2 and "Fejl: Kommandoen 'no-such-command' findes ikke." in err


def app(*args: str, lang_env: str | None = None) -> subprocess.CompletedProcess[str]:
    """The command in its own process: the language is chosen once per run, before parsing."""
    env = {k: v for k, v in os.environ.items() if k != texts.LANG_ENV}
    if lang_env is not None:
        env[texts.LANG_ENV] = lang_env
    return subprocess.run([sys.executable, "-c", "import sys; from consultant_app.cli import main; "
                           "sys.exit(main())", *args],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_english_when_chosen_by_option_or_environment():
    shown = app("--lang", "en", "--help")
    assert shown.returncode == 0 and shown.stdout.startswith("Usage: consultant-app [OPTIONS]")
    assert "Show this message and exit." in shown.stdout and "Commands:" in shown.stdout
    refused = app("agreement", "new", lang_env="en")
    assert refused.returncode == 2 and "Error: Missing argument 'TYPE'." in refused.stderr
    danish = app("--lang", "da", "--help", lang_env="en")  # the option over the environment
    assert danish.stdout.startswith("Brug:")


def test_the_cores_messages_follow_the_chosen_language(profile_dir):
    """In English, a user error and the info labels come from the desktop's catalogue (the
    ui layer's translator entry point); Danish is the source text."""
    Store.create(profile_dir, PASSPHRASE, consultant="Test", kdf_n=FAST_KDF).close()
    common = ("--profile", str(profile_dir), "--passphrase", PASSPHRASE)
    english = app(*common, "--lang", "en", "employer", "add", "cvr=123", "name=")
    assert english.returncode == 1 and english.stderr.startswith("Error: CVR number: ")
    assert english.stderr.rstrip().endswith("Name: Must be filled in.")
    danish = app(*common, "employer", "add", "cvr=123", "name=")
    assert danish.returncode == 1 and danish.stderr.startswith("Fejl: CVR-nummer: ")
    assert danish.stderr.rstrip().endswith("Navn: Skal udfyldes.")
    info = app(*common, "info", lang_env="en")
    assert info.returncode == 0 and info.stdout.startswith("Employers:")
    book = ("--profile", str(profile_dir.parent / "none"), "rules", "show", "--date",
            "2027-01-01")
    assert app("--lang", "en", *book).stdout.startswith("Rule set: ")
    assert app(*book).stdout.startswith("Regelsæt: ")


def test_no_command_opens_the_desktop_through_the_gui_entry_point(tmp_path, capsys):
    [entry] = [e for e in entry_points(group=COMMAND_GROUP) if e.name == "gui"]
    assert entry.value == "ui.cli:gui"
    opened = []

    @click.command("gui", help="Stand-in for the desktop's window.")
    @click.pass_context
    def stand_in(ctx: click.Context) -> None:
        opened.append(ctx.find_root().obj.profile)

    cli.add_command(stand_in)  # found before the entry point, as a loaded one is
    try:
        code, _, err = run(capsys, "--profile", str(tmp_path / "p"))
    finally:
        del cli.commands["gui"]
    assert code == 0, err
    assert opened == [tmp_path / "p"]
