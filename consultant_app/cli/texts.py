"""Click's own texts in the CLI's language: ``Usage:``, ``Options:``, ``Error: Missing
option``, ``Show this message and exit.`` and the rest.

Click marks every text it prints with gettext (``_()`` and ``ngettext()``, bound by name in
each of its modules) and ships no catalogue. The gettext route proper needs a compiled ``.mo``
file and picks the language from the process's locale variables, so the CLI gives click its
catalogue here instead: ``install(language)`` binds those two names in click's modules to this
module's lookups, once, before a command line is parsed. ``CLICK_DA`` holds every text of the
click in use; ``tests/unit/test_cli_docs.py`` reads click's source and fails on a text missing
here, so a click upgrade that adds one is caught.

The commands' own lines go the same way as the core's messages: ``t(CTX, _N(CTX, "…"))``
renders a Danish template marked where it is written through the translator that ``install``
loads (the desktop's catalogue for English), so there is one path for everything printed.
So do their help texts and placeholders: declared with this module's ``command``, ``group``,
``option`` and ``argument`` as ``helptext(CTX, _N(CTX, "…"))``, they are Danish ``str`` to
click and shown through ``render`` when the help is written (``HelpText``); click's own
placeholders (``[OPTIONS]``, ``TEXT``) are Danish source texts too (``METAVARS_DA``).

The language (``da`` or ``en``) is chosen by ``--lang``, else ``CONSULTANT_APP_LANG``, else
Danish (see README, "The command line").
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import re
from collections.abc import Sequence
from typing import Any

import click

from ..errors import UserError, ValidationError
from ..text import QT_TRANSLATE_NOOP as _N
from ..text import Message, Translator, moment_text

LANGUAGES = ("da", "en")
LANG_ENV = "CONSULTANT_APP_LANG"

CLICK_DA: dict[str, str] = {
    "Aborted!": "Afbrudt!",
    "deprecated": "forældet",
    "Missing command.": "Der mangler en kommando.",
    "Options": "Tilvalg",
    "Positional arguments": "Argumenter",
    "Commands": "Kommandoer",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "Advarsel: kommandoen {name!r} er forældet.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "Advarsel: {param_type} {name!r} er forældet.{extra_message}",
    "Value must be an iterable.": "Værdien skal være en liste.",
    "Could not determine name for option with declarations {decls!r}":
        "Kunne ikke finde navnet på tilvalget {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?":
        "Ingen tilvalg, men et navn ({name}). Mente du et argument, eller '--{name}'?",
    "env var: {var}": "miljøvariabel: {var}",
    "default: {default}": "standard: {default}",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.":
        "Et argument har præcis ét navn, ikke {length}: {decls}.",
    "(dynamic)": "(dynamisk)",
    "Name '{name}' defined twice": "Navnet '{name}' er brugt to gange",
    "Boolean option {decl!r} cannot use the same flag for true/false.":
        "Ja/nej-tilvalget {decl!r} kan ikke bruge samme navn til ja og nej.",
    "Do you want to continue?": "Vil du fortsætte?",
    "Confirm the action without prompting.": "Bekræft handlingen uden at spørge.",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "Show the version and exit.": "Vis versionen og afslut.",
    "Show this message and exit.": "Vis denne hjælp og afslut.",
    "Missing argument": "Der mangler et argument",
    "unknown error": "ukendt fejl",
    "Invalid value for {param_hint}: {message}": "Ugyldig værdi for {param_hint}: {message}",
    "Missing option": "Der mangler et tilvalg",
    "Could not open file {filename!r}: {message}": "Kunne ikke åbne filen {filename!r}: {message}",
    "Error: {message}": "Fejl: {message}",
    "Try '{command} {option}' for help.": "Skriv '{command} {option}' for hjælp.",
    "Missing parameter": "Der mangler en parameter",
    "Missing parameter: {param_name}": "Der mangler en parameter: {param_name}",
    "No such option {name!r}.": "Tilvalget {name!r} findes ikke.",
    "No such command {name!r}.": "Kommandoen {name!r} findes ikke.",
    "Invalid value: {message}": "Ugyldig værdi: {message}",
    "Missing {param_type}": "Der mangler {param_type}",
    "Usage:": "Brug:",
    "Invalid start character for option ({option})": "Ugyldigt første tegn i tilvalg ({option})",
    "Option {name!r} does not take a value.": "Tilvalget {name!r} tager ingen værdi.",
    "Argument {name!r} takes {nargs} values.": "Argumentet {name!r} tager {nargs} værdier.",
    "Couldn't detect Bash version, shell completion is not supported.":
        "Kunne ikke finde Bash-versionen; udfyldning i skallen understøttes ikke.",
    "Shell completion is not supported for Bash versions older than 4.4.":
        "Udfyldning i skallen kræver Bash 4.4 eller nyere.",
    "Press any key to continue...": "Tryk på en tast for at fortsætte …",
    "Repeat for confirmation": "Gentag for at bekræfte",
    "Error: The two entered values do not match.": "Fejl: De to indtastninger er ikke ens.",
    "Unknown color {colour!r}": "Ukendt farve {colour!r}",
    "Error: invalid input": "Fejl: ugyldig indtastning",
    "file": "fil",
    "directory": "mappe",
    "path": "sti",
    "Choose from:\n\t{choices}": "Vælg mellem:\n\t{choices}",
    "Choice({choices})": "Valg({choices})",
    "{value} is not in the range {range}.": "{value} er ikke i intervallet {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} er ikke ja eller nej. Mulige værdier: {states}",
    "{value!r} is not a valid {number_type}.": "{value!r} er ikke et gyldigt {number_type}.",
    "{value!r} is not a valid UUID.": "{value!r} er ikke et gyldigt UUID.",
    "{name} {filename!r} is a file.": "{name} {filename!r} er en fil.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} er en mappe.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} kan ikke læses.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} kan ikke skrives.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} kan ikke køres.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} findes ikke.",
    "Unknown standard stream '{name}'": "Ukendt standardstrøm '{name}'",
    "{editor}: Editing failed": "{editor}: redigeringen mislykkedes",
    "{editor}: Editing failed: {e}": "{editor}: redigeringen mislykkedes: {e}",
    "Windows error: {error}": "Windows-fejl: {error}",
    "required": "skal angives",  # passed to _() through a variable (core.Option)
    "d": "d",  # days in a progress bar's time left (dage)
}

# ngettext texts by their singular: (Danish singular, Danish plural).
CLICK_DA_PLURAL: dict[str, tuple[str, str]] = {
    "Got unexpected extra argument ({args})": (
        "Uventet ekstra argument ({args})", "Uventede ekstra argumenter ({args})"),
    "Takes {nargs} values but 1 was given.": (
        "Tager {nargs} værdier, men fik 1.", "Tager {nargs} værdier, men fik {len}."),
    "Did you mean {possibility}?": ("Mente du {possibility}?",
                                    "(Mente du en af disse: {possibilities}?)"),
    "Option {name!r} requires an argument.": ("Tilvalget {name!r} skal have en værdi.",
                                              "Tilvalget {name!r} skal have {nargs} værdier."),
    "{value!r} is not {choice}.": ("{value!r} er ikke {choice}.",
                                   "{value!r} er ikke en af {choices}."),
    "{value!r} does not match the format {format}.": (
        "{value!r} passer ikke til formatet {format}.",
        "{value!r} passer ikke til formaterne {formats}."),
    "{len_type} values are required, but {len_value} was given.": (
        "Der skal {len_type} værdier, men der var {len_value}.",
        "Der skal {len_type} værdier, men der var {len_value}."),
}

CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types",
                 "utils", "shell_completion", "_termui_impl")

CTX = "cli"  # the command line's own texts (common.CTX)

# Click's placeholders in usage lines and option lists are plain English words that gettext
# never sees (``[OPTIONS]``, a parameter type's name such as ``TEXT``); the formatter below
# writes each as its Danish source text through the translator, like every other text.
METAVARS_DA = {"OPTIONS": _N(CTX, "TILVALG"), "COMMAND": _N(CTX, "KOMMANDO"),
               "ARGS": _N(CTX, "ARGUMENTER"), "TEXT": _N(CTX, "TEKST"),
               "DIRECTORY": _N(CTX, "MAPPE"), "FILE": _N(CTX, "FIL"), "PATH": _N(CTX, "STI"),
               "FILENAME": _N(CTX, "FILNAVN"), "INTEGER": _N(CTX, "HELTAL"),
               "FLOAT": _N(CTX, "TAL"), "RANGE": _N(CTX, "INTERVAL"),
               "BOOLEAN": _N(CTX, "JA/NEJ")}
_METAVAR = re.compile(r"\b(" + "|".join(METAVARS_DA) + r")\b")


def metavars(text: str) -> str:
    """Click's own placeholders in ``text`` in the chosen language (``[TILVALG]``,
    ``[OPTIONS]``)."""
    return _METAVAR.sub(lambda m: lookup(CTX, METAVARS_DA[m.group(1)]), text)


class HelpFormatter(click.HelpFormatter):
    """Click's help formatter with its placeholders in the chosen language (``Brug:
    consultant-app [TILVALG] KOMMANDO``); the headings come through ``gettext`` below, our
    own help texts and placeholders through ``HelpText``."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, metavars(args), prefix)

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        rows = [(metavars(term), text) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


class HelpText(str):
    """A help text or placeholder of a command, group, option or argument: its Danish text
    to click (so everything click does with a ``str`` still works, and Danish help is what it
    was), carrying the marked template it came from, which ``shown`` renders in the chosen
    language when click writes the help. Made by ``helptext``."""

    message: Message

    def __new__(cls, message: Message) -> HelpText:
        text = super().__new__(cls, message.render())
        text.message = message
        return text


def helptext(context: str, source: str, /, **params: Any) -> HelpText:
    """``help=helptext(CTX, _N(CTX, "Opret en ny profil."))``: a help text marked where it is
    written, so the catalogue updater finds it, and looked up when the help is shown, since
    the language is chosen after the commands are defined. A parameter that is itself a help
    text or a ``Message`` is translated with it."""
    return HelpText(Message(context, source, {
        k: v.message if isinstance(v, HelpText) else v for k, v in params.items()}))


def shown(value: Any) -> Any:
    """A help text in the chosen language; anything else (None, a plain value) as it is."""
    return render(value.message) if isinstance(value, HelpText) else value


class _Shown:
    """An attribute click reads when it writes help (``help``, ``short_help``,
    ``metavar``): stored as given, read through ``shown``, so every place click reads it (the
    help page, a group's list of commands, a usage error naming an argument) has it in the
    chosen language."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        return shown(obj.__dict__.get(self.name))

    def __set__(self, obj: Any, value: Any) -> None:
        obj.__dict__[self.name] = value


class Option(click.Option):
    """An option whose help and placeholder are shown in the chosen language."""

    help = _Shown()
    metavar = _Shown()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _keep_marked_help(self, kwargs.get("help"))


class Argument(click.Argument):
    """An argument whose help and placeholder are shown in the chosen language."""

    help = _Shown()
    metavar = _Shown()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _keep_marked_help(self, kwargs.get("help"))


def _keep_marked_help(param: click.Parameter, help: Any) -> None:
    """Click stores a parameter's help through ``inspect.cleandoc``, which gives a plain
    ``str``; the text it was given keeps its template (our help texts are single paragraphs,
    which cleandoc leaves as they are). A deprecated parameter's help keeps click's label.
    (An argument takes help from click 8.5 on; before, none is given.)"""
    if isinstance(help, HelpText) and not getattr(param, "deprecated", False):
        param.help = help  # type: ignore[assignment]


class _CommandTexts:
    help = _Shown()
    short_help = _Shown()

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """Click makes a command's ``--help`` option once, with its text in the language of
        the first help page shown; a process that shows help in both (the tests) gets it in
        the chosen one each time."""
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = gettext("Show this message and exit.")
        return option


class Command(_CommandTexts, click.Command):
    """A command whose help (also as the short help in its group's list) is shown in the
    chosen language."""


class Group(_CommandTexts, click.Group):
    """A group as ``Command``; the commands and groups declared on it (``@group.command``,
    ``@group.group``) are made as ``Command`` and as the group's own class."""

    command_class = Command
    group_class = type


# The command line's decorators: click's, making the classes above. Every command, group,
# option and argument of ``consultant-app`` (the upper layers' too) is declared with these,
# so its texts go the one way; tests/unit/test_cli_help_english.py reads every help page in
# English and finds a text declared otherwise.

def command(name: str | None = None, **attrs: Any) -> Any:
    return click.command(name, cls=attrs.pop("cls", Command), **attrs)


def group(name: str | None = None, **attrs: Any) -> Any:
    return click.group(name, cls=attrs.pop("cls", Group), **attrs)


def option(*param_decls: str, **attrs: Any) -> Any:
    return click.option(*param_decls, cls=attrs.pop("cls", Option), **attrs)


def argument(*param_decls: str, **attrs: Any) -> Any:
    return click.argument(*param_decls, cls=attrs.pop("cls", Argument), **attrs)


_language = "da"
_translate: Translator | None = None
TRANSLATORS = "consultant_app.translators"


def gettext(message: str) -> str:
    return CLICK_DA.get(message, message) if _language == "da" else message


def ngettext(singular: str, plural: str, n: int) -> str:
    if _language == "da" and singular in CLICK_DA_PLURAL:
        one, many = CLICK_DA_PLURAL[singular]
        return one if n == 1 else many
    return singular if n == 1 else plural


def choose_language(argv: Sequence[str]) -> str:
    """``--lang X`` (or ``--lang=X``) on the command line, else ``CONSULTANT_APP_LANG``, else
    Danish. Read before click parses, since click's own messages about the parsing must
    already be in the chosen language."""
    wanted = os.environ.get(LANG_ENV, "")
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            wanted = argv[i + 1]
        elif arg.startswith("--lang="):
            wanted = arg.partition("=")[2]
    wanted = wanted.strip().lower()[:2]
    return wanted if wanted in LANGUAGES else "da"


def install(language: str) -> None:
    """Give click's modules this catalogue and its contexts this formatter (click's declared
    ``Context.formatter_class``), in ``language``."""
    global _language
    _language = language if language in LANGUAGES else "da"
    click.Context.formatter_class = HelpFormatter
    global _translate
    _translate = _load_translator(_language)
    for name in CLICK_MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # a module click does not have on this platform or version
            continue
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]


def language() -> str:
    return _language


def _load_translator(language: str) -> Translator | None:
    """The core's messages in ``language``: from the catalogue an upper layer offers through
    the ``consultant_app.translators`` entry points (the desktop's), none for Danish."""
    if language == "da":
        return None
    from importlib.metadata import entry_points
    for entry in entry_points(group=TRANSLATORS):
        found = entry.load()(language)
        if found is not None:
            return found
    return None


def lookup(context: str, text: str) -> str:
    """One text in the chosen language, unformatted: the translator for a result that
    renders itself from several templates (``csvio.LineProblem.render``)."""
    return _translate(context, text) if _translate is not None else text


def moment(value: dt.datetime | None) -> str:
    """A stored moment as the reader's clock, in the chosen language ("25.11.2026 kl.
    20:21", "… at 20:21")."""
    return render(moment_text(value))


def render(message: Message) -> str:
    return message.render(_translate) if _translate is not None else message.render()


def t(context: str, source: str, /, **params: Any) -> str:
    """A text the command line prints, in its language: ``source`` is a Danish template
    marked where it is written (``t(CTX, _N(CTX, "Gemt: {id}"), id=...)``), so the catalogue
    updater finds it, and it goes through the same path as the core's messages (``render``);
    a parameter that is itself a ``Message`` is translated with it."""
    return render(Message(context, source, params))


def error_text(exc: UserError) -> str:
    """A user error as the CLI prints it, ``Fejl: ...``, in the chosen language; a validation
    error names each field by its label."""
    if isinstance(exc, ValidationError) and exc.problems:
        text = "; ".join(f"{p.field_text(_translate)}: {render(p.message)}"
                         for p in exc.problems)
    else:
        text = render(exc.message)
    return gettext("Error: {message}").format(message=text)
