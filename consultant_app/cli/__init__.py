"""The ``consultant-app`` command line. Every command goes through the services layer, and a
user error ends in a plain message and exit code 1, never a traceback (those go to the log)."""

from __future__ import annotations

import logging
import sys
import traceback

import click

from ..errors import UserError
from ..text import QT_TRANSLATE_NOOP as _N
from . import texts
from .common import COMMAND_GROUP, CTX, cli, log_path  # noqa: F401  - COMMAND_GROUP re-exported


def _built_in_commands() -> None:
    """The core's own commands join ``cli`` when their modules are imported. They import the
    store (SQLAlchemy, the models), so that happens only when one of them, or the list of
    all, is asked for: ``consultant-app gui`` opens its window without waiting for them."""
    from . import core, data, match, records  # noqa: F401 - registers their commands


cli.built_ins = _built_in_commands  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    texts.install(texts.choose_language(sys.argv[1:] if argv is None else argv))
    try:
        result = cli.main(args=argv, prog_name="consultant-app", standalone_mode=False)
        # standalone_mode=False returns a ctx.exit(n) code instead of raising SystemExit.
        return result if isinstance(result, int) else 0
    except UserError as exc:
        click.echo(texts.error_text(exc), err=True)
        return 1
    except click.exceptions.Abort:
        click.echo(texts.t(CTX, _N(CTX, "Afbrudt.")), err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except Exception:  # the last line of defence: log it, say it plainly
        path = log_path()
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(traceback.format_exc())
        logging.getLogger(__name__).debug("unexpected error", exc_info=True)
        click.echo(texts.t(CTX, _N(CTX, "Der skete en uventet fejl. Detaljer er skrevet i "
                                        "{path}."), path=path), err=True)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
