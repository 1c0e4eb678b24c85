"""The desktop's commands of ``consultant-app``: ``gui`` and ``demo``. They join the core's
command group through the ``consultant_app.commands`` entry points (pyproject.toml), so the
core never imports the desktop; Qt is imported only when a window is opened."""

from __future__ import annotations

from collections.abc import Callable

import click

from consultant_app.cli.common import Context, pass_context
from consultant_app.cli.texts import command, helptext, option
from consultant_app.text import QT_TRANSLATE_NOOP as _N

CTX = "ui-cli"


@command(help=helptext(CTX, _N(CTX, "Åbn programmet.")))
@pass_context
def gui(ctx: Context) -> None:
    from .app import run_app
    raise SystemExit(run_app(ctx.profile, ctx.passphrase))


@command(help=helptext(CTX, _N(CTX, "Opret en demoprofil (hvis den mangler) og åbn programmet.")))
@option("--employers", default=2000, show_default=True)
@option("--vacancies", default=1500, show_default=True)
@option("--candidates", default=5000, show_default=True)
@pass_context
def demo(ctx: Context, employers: int, vacancies: int, candidates: int) -> None:
    from consultant_app.demo import DemoCounts, ensure_demo_profile
    if ctx.passphrase is None:
        ctx.passphrase = "demo"
    ensure_demo_profile(ctx.profile, ctx.passphrase, DemoCounts(employers, vacancies, candidates),
                        say=lambda text: click.echo(text, err=True))
    from .app import run_app
    raise SystemExit(run_app(ctx.profile, ctx.passphrase))


def translator(language: str) -> Callable[[str, str], str] | None:
    """The desktop's catalogue (``ui/i18n``, the .qm the window loads) as the command line's
    translator for the core's messages, joined through the ``consultant_app.translators``
    entry point; None for Danish (the source language) or a language without a catalogue."""
    if language == "da":
        return None
    from PySide6.QtCore import QTranslator

    from .i18n import CATALOGUE, I18N_DIR
    catalogue = QTranslator()
    if not catalogue.load(f"{CATALOGUE}_{language}", str(I18N_DIR)):
        return None

    def translate(context: str, text: str) -> str:
        return catalogue.translate(context, text) or text
    return translate
