"""CSV import and export (see consultant_app.csvio for the file format)."""

from __future__ import annotations

from pathlib import Path

import click

from .. import csvio
from ..text import QT_TRANSLATE_NOOP as _N
from ..text import Message
from . import texts
from .common import CTX, Context, cli, pass_context
from .texts import argument, helptext, option, t

_KIND = click.Choice(csvio.KINDS)


class _BadLines(click.ClickException):
    """Exit code 1 after the bad lines were listed. (A click ``Exit`` raised in a command is
    turned into a return value under ``standalone_mode=False``, which ``main`` does not pass
    on; a ClickException's exit code it does.)"""

    exit_code = 1

    def show(self, file: object = None) -> None:
        pass  # the summary and every bad line are already printed


@cli.command("import", help=helptext(CTX, _N(CTX, "Importér virksomheder, stillinger eller "
                                                  "borgere fra en CSV-fil. Som standard gemmes "
                                                  "intet, hvis en linje har fejl.")))
@argument("kind", type=_KIND)
@argument("file", type=click.Path(dir_okay=False, path_type=Path))
@option("--keep-good", "keep_good", is_flag=True,
        help=helptext(CTX, _N(CTX, "Gem de gode linjer og spring linjer med fejl over.")))
@option("--all-or-nothing", "keep_good", flag_value=False,
        help=helptext(CTX, _N(CTX, "Gem intet, hvis en linje har fejl (standard).")))
@pass_context
def import_cmd(ctx: Context, kind: str, file: Path, keep_good: bool) -> None:
    with ctx.open() as store:
        result = csvio.import_csv(store, kind, file, keep_good=keep_good)
    summary = texts.render(result.summary())
    click.echo(summary)
    for problem in result.problems:
        click.echo(problem.render(texts.lookup))
    if not result.ok:
        raise _BadLines(summary)


@cli.command("export", help=helptext(CTX, _N(CTX, "Eksportér virksomheder, stillinger eller "
                                                  "borgere til en CSV-fil (UTF-8, semikolon), "
                                                  "som kan importeres igen.")))
@argument("kind", type=_KIND)
@argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_context
def export_cmd(ctx: Context, kind: str, file: Path) -> None:
    with ctx.open() as store:
        count = csvio.export_csv(store, kind, file)
    click.echo(t(CTX, _N(CTX, "{count} {noun} eksporteret til {path}."), count=count,
                 noun=Message(csvio.CTX, csvio.noun(kind)), path=file))
    if kind == "candidates":
        click.echo(t(CTX, _N(CTX, "Advarsel: filen indeholder personoplysninger med fulde "
                                  "CPR-numre. Opbevar den krypteret, del den ikke, og slet "
                                  "den, når du er færdig.")), err=True)
