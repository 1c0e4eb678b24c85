"""``consultant-server``: the central service's command line.

    consultant-server serve [--host 127.0.0.1] [--port 8765] [--database-url URL | --data-dir DIR]
    consultant-server demo [--port 8765] [--data-dir DIR]
    consultant-server migrate
    consultant-server add-municipality 0751 Aarhus
    consultant-server add-consultant --municipality 0751 --name "Anna Jensen" [--email ...]
    consultant-server new-code CONSULTANT_ID
    consultant-server revoke-device DEVICE_ID
    consultant-server import employers|vacancies|citizens FILE.csv --municipality 0751
                      [--consultant NAME_OR_ID] [--keep-good]
    consultant-server assign-citizen CITIZEN_ID --consultant NAME_OR_ID --municipality 0751
    consultant-server unassign-citizen CITIZEN_ID --municipality 0751
    consultant-server rules publish FILE.json
    consultant-server rules list

The database is a SQLite file ``server.sqlite`` in the data dir by default, or any SQLAlchemy
URL (``postgresql+psycopg://user@host:5432/db``) from ``--database-url`` or the environment
variable CONSULTANT_SERVER_DATABASE_URL. Migrations run before every command.

``demo`` creates (once) the demo municipality 0751 Aarhus with the consultant "Demo Konsulent"
(the demo profile's consultant) and the fixed, reusable enrollment code DEMO-0751-AARHUS, then
serves on 127.0.0.1.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from sync.server.app import DATABASE_URL_ENV

DEFAULT_PORT = 8765


def _default_data_dir() -> Path:
    import platformdirs
    return Path(platformdirs.user_data_dir("consultant-server", appauthor=False))


class Context:
    def __init__(self, database_url: str | None, data_dir: Path | None):
        self.data_dir = data_dir or _default_data_dir()
        self._url = database_url or os.environ.get(DATABASE_URL_ENV)

    @property
    def url(self) -> str:
        from sync.server import db
        return self._url or db.default_url(self.data_dir)

    def engine(self):  # type: ignore[no-untyped-def]
        from sync.server import db, migrate
        _, write_engine = db.make_engines(self.url)
        migrate.upgrade(write_engine)
        return write_engine


pass_ctx = click.make_pass_decorator(Context)


@click.group(help="The central service for consultant-app devices: enrollment, sync, "
                  "imports and sealed agreements.")
@click.option("--database-url", default=None,
              help=f"SQLAlchemy URL (default: a SQLite file in --data-dir; env {DATABASE_URL_ENV}).")
@click.option("--data-dir", type=click.Path(path_type=Path), default=None,
              help="Folder of the default SQLite database.")
@click.pass_context
def cli(ctx: click.Context, database_url: str | None, data_dir: Path | None) -> None:
    ctx.obj = Context(database_url, data_dir)


def _serve(url: str, host: str, port: int, workers: int) -> None:
    import uvicorn

    from sync.server.app import create_app
    if workers > 1:
        os.environ[DATABASE_URL_ENV] = url
        create_app(url)  # migrate once before the workers start
        uvicorn.run("sync.server.app:app_from_env", factory=True, host=host, port=port,
                    workers=workers, log_level="warning")
    else:
        uvicorn.run(create_app(url), host=host, port=port, log_level="warning")


@cli.command(help="Serve the API (OpenAPI at /docs).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=int,
              help="Worker processes (the app keeps no state of its own).")
@click.option("--database-url", "url", default=None, help="Overrides the group option.")
@click.option("--data-dir", type=click.Path(path_type=Path), default=None)
@pass_ctx
def serve(ctx: Context, host: str, port: int, workers: int, url: str | None,
          data_dir: Path | None) -> None:
    if data_dir is not None:
        ctx.data_dir = data_dir
    click.echo(f"Serving on http://{host}:{port} (API docs at /docs)", err=True)
    _serve(url or ctx.url, host, port, workers)


@cli.command(help="Set up the demo municipality 0751 Aarhus, the consultant 'Demo Konsulent' "
                  "and the enrollment code DEMO-0751-AARHUS, then serve on 127.0.0.1.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=int)
@click.option("--data-dir", type=click.Path(path_type=Path), default=None)
@pass_ctx
def demo(ctx: Context, host: str, port: int, data_dir: Path | None) -> None:
    from sync.server import admin
    if data_dir is not None:
        ctx.data_dir = data_dir
    _, code = admin.ensure_demo(ctx.engine())
    click.echo(f"Demo: municipality 0751 Aarhus, consultant '{admin.DEMO_CONSULTANT}', "
               f"enrollment code {code}", err=True)
    click.echo(f"Serving on http://{host}:{port} (API docs at /docs)", err=True)
    _serve(ctx.url, host, port, 1)


@cli.command(help="Bring the database schema up to date.")
@pass_ctx
def migrate(ctx: Context) -> None:
    ctx.engine()
    click.echo("Database schema is up to date.")


@cli.command("add-municipality", help="Add (or rename) a municipality: CODE NAME.")
@click.argument("code")
@click.argument("name")
@pass_ctx
def add_municipality(ctx: Context, code: str, name: str) -> None:
    from sync.server import admin
    code = admin.add_municipality(ctx.engine(), code, name)
    click.echo(f"Kommune {code} {name} er oprettet.")


@cli.command("add-consultant", help="Add a consultant and print their enrollment code.")
@click.option("--municipality", required=True)
@click.option("--name", required=True)
@click.option("--email", default="")
@pass_ctx
def add_consultant(ctx: Context, municipality: str, name: str, email: str) -> None:
    from sync.server import admin, auth
    engine = ctx.engine()
    consultant_id = admin.add_consultant(engine, municipality, name, email)
    code = auth.store_code(engine, consultant_id)
    click.echo(f"Konsulent: {name} ({consultant_id})")
    click.echo(f"Tilmeldingskode (engangskode, gælder {auth.CODE_DAYS} dage): {code}")


@cli.command("new-code", help="A new one-time enrollment code for a consultant.")
@click.argument("consultant_id")
@pass_ctx
def new_code(ctx: Context, consultant_id: str) -> None:
    from sync.server import admin, auth
    engine = ctx.engine()
    admin.consultant_municipality(engine, consultant_id)
    click.echo(auth.store_code(engine, consultant_id))


@cli.command("revoke-device", help="Revoke a device: its next contact wipes its personal data.")
@click.argument("device_id")
@pass_ctx
def revoke_device(ctx: Context, device_id: str) -> None:
    from sync.server import auth
    from sync.server.errors import ServiceError
    if not auth.revoke(ctx.engine(), device_id):
        raise ServiceError(404, "unknown_device", f"Enheden {device_id} findes ikke.")
    click.echo(f"Enheden {device_id} er spærret.")


@cli.command("import", help="Import employers, vacancies or citizens from a CSV file (the "
                            "app's own CSV format, see consultant_app/csvio.py).")
@click.argument("kind", type=click.Choice(["employers", "vacancies", "citizens"]))
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--municipality", required=True)
@click.option("--consultant", default=None, help="Citizens: assign them all to this consultant "
                                                "(name or id).")
@click.option("--keep-good", is_flag=True, help="Save the good lines and skip the bad ones.")
@pass_ctx
def import_(ctx: Context, kind: str, path: Path, municipality: str, consultant: str | None,
            keep_good: bool) -> None:
    from sync.server import imports
    result = imports.import_file(ctx.engine(), kind, path, municipality, consultant, keep_good)
    for problem in result.problems:
        click.echo(str(problem), err=True)
    click.echo(result.summary_text())
    if result.problems and not keep_good:
        raise SystemExit(1)


@cli.command("assign-citizen", help="Assign a citizen (and its matches and agreements) to a "
                                    "consultant.")
@click.argument("citizen_id")
@click.option("--consultant", required=True, help="Name or id.")
@click.option("--municipality", required=True)
@pass_ctx
def assign_citizen(ctx: Context, citizen_id: str, consultant: str, municipality: str) -> None:
    from sync.server import admin
    engine = ctx.engine()
    code = admin.normalize_municipality(municipality)
    consultant_id = admin.find_consultant(engine, code, consultant)
    moved = admin.assign_citizen(engine, citizen_id, consultant_id)
    click.echo(f"Borgeren er tildelt {consultant} ({moved} poster flyttet).")


@cli.command("unassign-citizen", help="Take a citizen from its consultant: no device keeps it "
                                      "(the consultant's devices forget it at their next sync).")
@click.argument("citizen_id")
@click.option("--municipality", required=True)
@pass_ctx
def unassign_citizen(ctx: Context, citizen_id: str, municipality: str) -> None:
    from sync.server import admin
    moved = admin.unassign_citizen(ctx.engine(), municipality, citizen_id)
    click.echo(f"Borgeren er ikke længere tildelt nogen ({moved} poster flyttet).")


@cli.group(help="Rule sets published to the devices (signed by the service; see "
                "sync/server/rulesets.py).")
def rules() -> None:
    pass


@rules.command("publish", help="Check a rule-set JSON file (the format of "
                               "forms/data/rulesets/) and publish it as the next version for "
                               "its effective date; devices use it after their next sync.")
@click.argument("path", type=click.Path(path_type=Path))
@pass_ctx
def rules_publish(ctx: Context, path: Path) -> None:
    from sync.server import ca, rulesets
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        click.echo(f"Fejl: {path} kan ikke læses: {exc}", err=True)
        raise SystemExit(1) from None
    engine = ctx.engine()
    try:
        result = rulesets.publish(engine, ca.load_or_create(engine), rulesets.parse(text))
    except rulesets.RuleSetInvalid as exc:
        click.echo(f"Fejl: {path} er ikke offentliggjort:", err=True)
        for problem in exc.problems:
            click.echo(f"  - {problem}", err=True)
        raise SystemExit(1) from None
    flag = " (foreløbigt)" if result.provisional else ""
    click.echo(f"Regelsættet '{result.name}'{flag} gældende fra {result.effective_from} er "
               f"offentliggjort som version {result.version} (SHA-256 {result.sha256}).")


@rules.command("list", help="The published rule sets.")
@pass_ctx
def rules_list(ctx: Context) -> None:
    from sync.server import rulesets
    found = rulesets.listing(ctx.engine())
    if not found:
        click.echo("Ingen regelsæt er offentliggjort; enhederne bruger dem, programmet har "
                   "med.")
    for row in found:
        click.echo(f"{row['effective_from']}  version {row['version']}  "
                   f"{row['published_at']:%Y-%m-%d %H:%M} UTC  {row['sha256'][:12]}  "
                   f"{row['name']}")


def main(argv: list[str] | None = None) -> int:
    from sync.server.errors import ServiceError
    args = sys.argv[1:] if argv is None else argv
    try:
        cli.main(args=args, prog_name="consultant-server", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Afbrudt.", err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except ServiceError as exc:
        click.echo(f"Fejl: {exc.message}", err=True)
        return 1
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
