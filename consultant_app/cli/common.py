"""Shared CLI plumbing: the command group, the profile option, opening the store.

Nothing here imports the store (SQLAlchemy, the models) before a command needs it: the
desktop's ``gui`` command shows its window first and imports the store behind it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import platformdirs

from ..errors import UserError
from ..text import QT_TRANSLATE_NOOP as _N
from ..text import Message
from . import texts
from .texts import group, helptext, option

if TYPE_CHECKING:
    from ..store import Store

APP_NAME = "consultant-app"
PASSPHRASE_ENV = "CONSULTANT_APP_PASSPHRASE"


def default_profile_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "profile"


def log_path() -> Path:
    folder = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "errors.log"


class Context:
    def __init__(self, profile: Path, passphrase: str | None):
        self.profile = profile
        self.passphrase = passphrase

    def _passphrase(self, confirm: bool = False) -> str:
        if self.passphrase is None:
            self.passphrase = click.prompt(texts.t(CTX, _N(CTX, "Adgangskode til profilen")),
                                           hide_input=True, confirmation_prompt=confirm)
        return self.passphrase

    def open(self) -> Store:
        from ..store import Store
        if Store.exists(self.profile):
            # A key the OS keyring holds for this profile opens it without a prompt.
            store_key = None
            if self.passphrase is None:
                store_key = _keyring_key(self.profile)
            if store_key is not None:
                return Store.open(self.profile, data_key=store_key)
        return Store.open(self.profile, self._passphrase())

    def open_or_create(self, consultant: str = "") -> Store:
        """The profile, made if there is none or its making was cut off (``Store.create``
        replaces an unfinished one: it holds nothing that could be read)."""
        from ..store import Store
        if Store.exists(self.profile) and not Store.unfinished(self.profile):
            return self.open()
        return Store.create(self.profile, self._passphrase(confirm=True), consultant=consultant)


def _keyring_key(profile: Path) -> bytes | None:
    marker = profile / "keyring-profile-id"
    if not marker.exists():
        return None
    from .. import crypto
    return crypto.keyring_load(marker.read_text().strip())


COMMAND_GROUP = "consultant_app.commands"
CTX = "cli"


def parse_assignments(assignments: tuple[str, ...], required: bool = False) -> dict[str, str]:
    """``felt=værdi`` arguments as a mapping (a value may be empty: it clears the field). The
    service's field spec judges names and values; this only splits them."""
    if required and not assignments:
        raise UserError(Message(CTX, _N(CTX, "Angiv mindst ét felt=værdi.")))
    changes: dict[str, str] = {}
    for item in assignments:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UserError(Message(CTX, _N(CTX, "Skriv felt=værdi, ikke '{item}'."),
                                    {"item": item}))
        changes[key.strip()] = value
    return changes


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def echo_json(value: Any) -> None:
    """Machine-readable output (``--json``): dates as ISO text, Danish letters as they are."""
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=_json_default))


class PluginGroup(texts.Group):
    """A command group that upper layers add commands to through an entry point group
    (``entry_group``; ``consultant_app.commands`` for the top level), loaded only when asked
    for: the core never imports forms, sync or ui (DESIGN.md), and ``search`` does not pay for
    reportlab. ``forms``' ``agreement`` group takes ``sync``'s ``receipt`` the same way.
    ``built_ins``, when set, imports the modules whose commands join the group itself; it runs
    only when a command is not an entry point's, so ``gui`` starts without them. Its texts
    are shown in the chosen language (``texts.Group``); a group declared on it is a plain
    ``texts.Group``, which takes no commands from entry points."""

    group_class = texts.Group

    def __init__(self, *args: Any, entry_group: str = COMMAND_GROUP, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.entry_group = entry_group
        self.built_ins: Callable[[], None] | None = None

    def _plugins(self) -> dict[str, Any]:
        from importlib.metadata import entry_points
        return {e.name: e for e in entry_points(group=self.entry_group)}

    def _load_built_ins(self) -> None:
        if self.built_ins is not None:
            self.built_ins()

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load_built_ins()
        return sorted(set(super().list_commands(ctx)) | set(self._plugins()))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        command = super().get_command(ctx, name)
        if command is None:
            entry = self._plugins().get(name)
            if entry is not None:
                command = entry.load()
                self.add_command(command, name)
            else:
                self._load_built_ins()
                command = super().get_command(ctx, name)
        return command


@group(cls=PluginGroup, invoke_without_command=True,
       help=helptext(CTX, _N(CTX, "Feltværktøj for virksomhedskonsulenter: virksomheder, "
                                  "stillinger, borgere, match og aftaler. Uden kommando åbnes "
                                  "programmet på profilen.")))
@option("--profile", type=click.Path(file_okay=False, path_type=Path),
        default=None, help=helptext(CTX, _N(CTX, "Profilmappe (standard: brugerens datamappe).")))
@option("--passphrase", envvar=PASSPHRASE_ENV, default=None,
        help=helptext(CTX, _N(CTX, "Adgangskode til profilen (eller miljøvariablen {env})."),
                      env=PASSPHRASE_ENV))
@option("--lang", type=click.Choice(texts.LANGUAGES), default=None,
        help=helptext(CTX, _N(CTX, "Sprog for kommandolinjens egne tekster: da (standard) "
                                   "eller en (eller miljøvariablen {env})."),
                      env=texts.LANG_ENV))
@click.pass_context
def cli(ctx: click.Context, profile: Path | None, passphrase: str | None,
        lang: str | None) -> None:
    ctx.obj = Context(profile or default_profile_dir(), passphrase)
    if ctx.invoked_subcommand is None:
        # As a desktop program's command does: no command opens the window. The desktop's
        # command comes from the ui layer through its entry point, never an import.
        gui = ctx.command.get_command(ctx, "gui")  # type: ignore[attr-defined]
        if gui is None:
            raise UserError(Message(CTX, _N(CTX, "Programmets vindue er ikke installeret; "
                                                 "skriv 'consultant-app --help' for "
                                                 "kommandolinjens kommandoer.")))
        ctx.invoke(gui)


pass_context = click.make_pass_decorator(Context)
