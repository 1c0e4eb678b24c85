"""Shared CLI plumbing: the command group, the profile option, opening the store."""

from __future__ import annotations

from pathlib import Path

import click
import platformdirs

from .. import crypto
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
            self.passphrase = click.prompt("Adgangskode til profilen", hide_input=True,
                                           confirmation_prompt=confirm)
        return self.passphrase

    def open(self) -> Store:
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
        if Store.exists(self.profile) and not Store.unfinished(self.profile):
            return self.open()
        return Store.create(self.profile, self._passphrase(confirm=True), consultant=consultant)


def _keyring_key(profile: Path) -> bytes | None:
    marker = profile / "keyring-profile-id"
    if not marker.exists():
        return None
    return crypto.keyring_load(marker.read_text().strip())


COMMAND_GROUP = "consultant_app.commands"


class PluginGroup(click.Group):
    """The command group; the upper layers' commands (forms, sync) join it through the entry
    point group ``consultant_app.commands`` and are imported only when asked for, so the core
    never imports forms or sync (DESIGN.md) and ``search`` does not pay for reportlab."""

    def _plugins(self) -> dict[str, object]:
        from importlib.metadata import entry_points
        return {e.name: e for e in entry_points(group=COMMAND_GROUP)}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self._plugins()))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        command = super().get_command(ctx, name)
        if command is None:
            entry = self._plugins().get(name)
            if entry is not None:
                command = entry.load()  # type: ignore[attr-defined]
                self.add_command(command, name)
        return command


@click.group(cls=PluginGroup, help="Feltværktøj for virksomhedskonsulenter: virksomheder, stillinger, borgere.")
@click.option("--profile", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Profilmappe (standard: brugerens datamappe).")
@click.option("--passphrase", envvar=PASSPHRASE_ENV, default=None,
              help=f"Adgangskode til profilen (eller miljøvariablen {PASSPHRASE_ENV}).")
@click.pass_context
def cli(ctx: click.Context, profile: Path | None, passphrase: str | None) -> None:
    ctx.obj = Context(profile or default_profile_dir(), passphrase)


pass_context = click.make_pass_decorator(Context)
