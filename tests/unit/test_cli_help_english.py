"""The command line's help in English has no Danish of its own, and its Danish is Danish.

Every help page a consultant can ask for (``consultant-app … --help`` for every command and
group, the upper layers' included) is read with ``--lang en`` through a pseudo-translator, as
``test_cli_english.py`` reads a field visit: a text the English catalogue translates comes
back with each of its words marked ⟦…⟧ (click's own texts too), a text the catalogue lacks
stays as it is. Words are marked one by one because click cuts a command's help short in its
group's list of commands and wraps long texts over lines, and a cut must not leave words that
were translated looking unmarked. Once the marks are taken out, a page may hold only what a
consultant types and what the program keeps (the command's and its subcommands' names, the
options' names, the choices, default values, a placeholder click makes from a parameter's
name) and no other word: a help text, an option's help or a placeholder (``FELT=VÆRDI...``,
``[TILVALG]``) that skipped the translation path is found, with the command it is on. The
pages are not listed one by one, so a new command or option is checked as soon as it is
declared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import click
import pytest

from consultant_app.cli import cli, main, texts
from tests.support.catalogue import CLOSE, MARKED, OPEN, WORD, translated
from tests.support.cli import walk_commands

PAGES = [path for path, _ in walk_commands(cli, ())]
PLACEHOLDER = re.compile(r"(\{[^{}]*\})")
# Click's placeholders, as it writes them in English (texts.METAVARS_DA).
CLICK_PLACEHOLDERS = set(texts.METAVARS_DA)


def mark(text: str) -> str:
    """Every word of ``text`` marked, a template's ``{placeholder}`` with the word it is in
    (what a template is given is its text, as in test_cli_english)."""
    return re.sub(r"\S+", lambda m: f"{OPEN}{m.group()}{CLOSE}", text)


@pytest.fixture
def english() -> Iterator[None]:
    """``--lang en`` with the pseudo-translator; Danish and the real lookups again
    afterwards, for the tests that run in this process next."""
    known = translated()

    def pseudo(context: str, source: str) -> str:
        return mark(source) if (context, source) in known else source

    saved = texts._load_translator, texts.gettext, texts.ngettext
    texts._load_translator = lambda language: pseudo  # type: ignore[assignment]
    texts.gettext = mark  # type: ignore[assignment]
    texts.ngettext = lambda one, many, n: mark(one if n == 1 else many)  # type: ignore
    try:
        yield
    finally:
        texts._load_translator, texts.gettext, texts.ngettext = saved
        texts.install("da")


def command_at(path: tuple[str, ...]) -> click.Command:
    command: click.Command = cli
    for name in path:
        assert isinstance(command, click.Group)
        found = command.get_command(click.Context(command), name)
        assert found is not None, path
        command = found
    return command


def syntax(path: tuple[str, ...], command: click.Command) -> list[str]:
    """What a help page holds that is the same in every language: what a consultant types
    (command names, option names, choices), the values the program starts from (defaults),
    and the placeholders click makes from a parameter's own name (``EMPLOYER_ID``)."""
    found = ["consultant-app", *path]
    if isinstance(command, click.Group):
        found += command.list_commands(click.Context(command))
    ctx = click.Context(command)
    for param in command.get_params(ctx):  # --help too
        found += [*param.opts, *param.secondary_opts]
        if isinstance(param.type, click.Choice):
            found += [str(c) for c in param.type.choices]
        if isinstance(param, click.Option) and param.show_default \
                and param.default is not None:
            found.append(str(param.default))
        if isinstance(param, click.Argument) and param.metavar is None and param.name \
                and param.type.get_metavar(param=param, ctx=ctx) is None:
            found.append(param.name.upper())
    return found


def unmarked(page: str, data: list[str]) -> list[str]:
    rest = page
    while MARKED.search(rest):  # innermost first: a text inside a text
        rest = MARKED.sub(" ", rest)
    for value in sorted(set(data), key=len, reverse=True):  # longest first, taken out whole
        rest = re.sub(r"(?<![\w-])" + re.escape(value) + r"(?![\w-])", " ", rest)
    return [line.strip() for line in rest.splitlines() if WORD.search(line)]


def help_page(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main([*args, "--help"])
    printed = capsys.readouterr()
    assert code == 0, printed.out + printed.err
    assert "Traceback" not in printed.out + printed.err
    return printed.out + printed.err


def test_the_walk_reaches_every_page():
    names = {" ".join(path) for path in PAGES}
    assert {"", "agreement", "agreement receipt", "rules show", "verify", "trust add",
            "ca export", "sync history", "enroll", "conflicts resolve", "waiting", "gui",
            "demo", "employer add", "match move"} <= names


def test_every_help_page_in_english_is_translated(english, capsys):
    found = []
    for path in PAGES:
        page = help_page(capsys, "--lang", "en", *path)
        found += [f"consultant-app {' '.join(path)} --help: {line!r}"
                  for line in unmarked(page, syntax(path, command_at(path)))]
    assert not found, ("words in the English help that did not go through the translator:\n"
                       + "\n".join(found))


def test_every_help_page_in_danish_is_danish(capsys, monkeypatch):
    """Danish is the source text: each page shows its command's help as written, and none of
    click's English headings or placeholders."""
    monkeypatch.delenv(texts.LANG_ENV, raising=False)
    english_words = re.compile(r"\b(" + "|".join(sorted(CLICK_PLACEHOLDERS)) + r")\b"
                               r"|Usage:|Options:|Commands:|Show this message")
    for path in PAGES:
        page = help_page(capsys, *path)
        command = command_at(path)
        assert page.startswith("Brug: consultant-app"), path
        first_words = " ".join(str(command.help).split()[:3])
        assert first_words in " ".join(page.split()), path
        # A name click makes from a parameter (FILE from "file") is still its placeholder.
        assert not english_words.search(page), (path, english_words.search(page))
