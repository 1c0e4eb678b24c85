"""``consultant-server``: the central service's command line.

    consultant-server serve [--host 127.0.0.1] [--port 8765] [--database-url URL | --data-dir DIR]
                      [--tls-cert tls-cert.pem --tls-key tls-key.pem]
    consultant-server tls-cert HOSTNAME... [--cert tls-cert.pem] [--key tls-key.pem]
    consultant-server ca-export
    consultant-server demo [--port 8765] [--data-dir DIR]
    consultant-server migrate
    consultant-server rotate-key
    consultant-server access-log --citizen ID | --consultant NAME | --since 2026-01-01
    consultant-server devices CONSULTANT        consultant-server deactivate-consultant CONSULTANT
    consultant-server citizen export ID [--output F]   consultant-server citizen erase ID
    consultant-server retention run [--days N] [--dry-run]
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
    consultant-server console-user add USERNAME --role system_admin|municipality_admin|
                      team_leader|dpo [--municipality 0751] [--name NAME] [--consultant NAME]

The database is a SQLite file ``server.sqlite`` in the data dir by default, or any SQLAlchemy
URL (``postgresql+psycopg://user@host:5432/db``) from ``--database-url`` or the environment
variable CONSULTANT_SERVER_DATABASE_URL. Migrations run before every command.

Personal data is encrypted at rest under data keys wrapped by a master key that is never in
the database (sync/server/keys.py): ``--master-key-file`` / CONSULTANT_SERVER_MASTER_KEY_FILE,
or CONSULTANT_SERVER_MASTER_KEY, or CONSULTANT_SERVER_KEY_PROVIDER for a KMS. A SQLite
service without one creates ``master.key`` beside its database on first start (the demo);
PostgreSQL refuses to start without one.

``demo`` creates (once) the demo municipality 0751 Aarhus with the consultant "Demo Konsulent"
(the demo profile's consultant) and the fixed, reusable enrollment code DEMO-0751-AARHUS, then
serves on 127.0.0.1.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from consultant_app.text import QT_TRANSLATE_NOOP as _N
from sync.server.app import DATABASE_URL_ENV
from sync.server.errors import CTX as SERVICE

DEFAULT_PORT = 8765


def _default_data_dir() -> Path:
    import platformdirs
    return Path(platformdirs.user_data_dir("consultant-server", appauthor=False))


class Context:
    def __init__(self, database_url: str | None, data_dir: Path | None,
                 master_key_file: Path | None = None):
        self.data_dir = data_dir or _default_data_dir()
        self._url = database_url or os.environ.get(DATABASE_URL_ENV)
        self.master_key_file = master_key_file.resolve() if master_key_file else None

    def export_key_file(self) -> None:
        """For ``serve``: the key file through the environment, so the app and every worker
        process finds it."""
        from sync.server import keys
        if self.master_key_file is not None:
            os.environ[keys.MASTER_KEY_FILE_ENV] = str(self.master_key_file)

    @property
    def url(self) -> str:
        from sync.server import db
        return self._url or db.default_url(self.data_dir)

    def engine(self):  # type: ignore[no-untyped-def]
        from sync.server import db, migrate
        _, write_engine = db.make_engines(self.url, master_key_file=self.master_key_file)
        migrate.upgrade(write_engine)
        return write_engine


pass_ctx = click.make_pass_decorator(Context)


@click.group(help="The central service for consultant-app devices: enrollment, sync, "
                  "imports and sealed agreements.")
@click.option("--database-url", default=None,
              help=f"SQLAlchemy URL (default: a SQLite file in --data-dir; env {DATABASE_URL_ENV}).")
@click.option("--data-dir", type=click.Path(path_type=Path), default=None,
              help="Folder of the default SQLite database.")
@click.option("--master-key-file", type=click.Path(path_type=Path), default=None,
              help="The master key file that wraps the data keys (env "
                   "CONSULTANT_SERVER_MASTER_KEY_FILE; SQLite default: master.key beside the "
                   "database, created on first start; PostgreSQL: required).")
@click.pass_context
def cli(ctx: click.Context, database_url: str | None, data_dir: Path | None,
        master_key_file: Path | None) -> None:
    ctx.obj = Context(database_url, data_dir, master_key_file)


def _serve(url: str, host: str, port: int, workers: int,
           tls: tuple[Path, Path] | None = None) -> None:
    import uvicorn

    from sync.server.app import create_app
    options: dict[str, object] = {"host": host, "port": port, "log_level": "warning"}
    if tls is not None:
        options.update(ssl_certfile=str(tls[0]), ssl_keyfile=str(tls[1]))
    if workers > 1:
        os.environ[DATABASE_URL_ENV] = url
        create_app(url)  # migrate once before the workers start
        uvicorn.run("sync.server.app:app_from_env", factory=True, workers=workers,
                    **options)  # type: ignore[arg-type]
    else:
        uvicorn.run(create_app(url), **options)  # type: ignore[arg-type]


@cli.command(help="Serve the API (OpenAPI at /docs). Devices refuse plain http to anything but "
                  "loopback: on a network, serve with --tls-cert/--tls-key (see tls-cert).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=int,
              help="Worker processes (the app keeps no state of its own).")
@click.option("--database-url", "url", default=None, help="Overrides the group option.")
@click.option("--data-dir", type=click.Path(path_type=Path), default=None)
@click.option("--tls-cert", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              default=None, help="TLS certificate (PEM), e.g. from 'consultant-server tls-cert'.")
@click.option("--tls-key", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              default=None, help="The TLS certificate's private key (PEM).")
@pass_ctx
def serve(ctx: Context, host: str, port: int, workers: int, url: str | None,
          data_dir: Path | None, tls_cert: Path | None, tls_key: Path | None) -> None:
    if (tls_cert is None) != (tls_key is None):
        raise click.UsageError("--tls-cert and --tls-key go together.")
    if data_dir is not None:
        ctx.data_dir = data_dir
    ctx.export_key_file()
    tls = (tls_cert, tls_key) if tls_cert is not None and tls_key is not None else None
    scheme = "https" if tls else "http"
    click.echo(f"Serving on {scheme}://{host}:{port} (API docs at /docs)", err=True)
    _serve(url or ctx.url, host, port, workers, tls)


@cli.command("tls-cert", help="Issue a TLS server certificate for HOSTNAME(s) (names or IP "
                              "addresses) from the service CA, which enrolled devices pin. "
                              "Writes the certificate and a new private key (mode 0600).")
@click.argument("hostnames", nargs=-1, required=True)
@click.option("--cert", "cert_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("tls-cert.pem"), show_default=True)
@click.option("--key", "key_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("tls-key.pem"), show_default=True)
@click.option("--days", default=397, show_default=True, type=click.IntRange(1, 825))
@pass_ctx
def tls_cert(ctx: Context, hostnames: tuple[str, ...], cert_path: Path, key_path: Path,
             days: int) -> None:
    from sync.server import ca as ca_module
    service_ca = ca_module.load_or_create(ctx.engine())
    try:
        cert_pem, key_pem = service_ca.issue_tls_certificate(list(hostnames), days)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="HOSTNAME") from None
    key_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key_pem)
    cert_path.write_bytes(cert_pem)
    click.echo(f"TLS certificate for {', '.join(hostnames)} (valid {days} days): {cert_path}; "
               f"key: {key_path}. Serve with --tls-cert {cert_path} --tls-key {key_path}.")


@cli.command("ca-export", help="Print the service CA certificate (PEM): devices enroll with "
                               "'consultant-app enroll --ca', and 'consultant-app verify --ca' "
                               "checks sealed agreements against it. Also GET /api/v1/ca.")
@pass_ctx
def ca_export(ctx: Context) -> None:
    from sync.server import ca as ca_module
    click.echo(ca_module.load_or_create(ctx.engine()).certificate_pem, nl=False)


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
    ctx.export_key_file()
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


@cli.command("rotate-key", help="Rotate the master key without downtime: with a key file, a "
                               "new key goes first in it, every data key is re-wrapped under "
                               "it, then the old keys leave the file. With keys from the "
                               "environment, put the new key first, run this, then drop the "
                               "old one.")
@pass_ctx
def rotate_key(ctx: Context) -> None:
    from sync.server import db, keys
    engine = ctx.engine()
    current, count, unused = keys.rotate(engine, keys.vault_of(engine), db.writing)
    click.echo(f"Master key {current}: {count} data keys re-wrapped.")
    if unused:
        click.echo("No longer used (may be removed): " + ", ".join(unused))


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
    if admin.is_deactivated(engine, consultant_id):
        raise click.ClickException(f"Konsulenten {consultant_id} er deaktiveret.")
    click.echo(auth.store_code(engine, consultant_id))


@cli.command("revoke-device", help="Revoke a device: its next contact wipes its personal data.")
@click.argument("device_id")
@pass_ctx
def revoke_device(ctx: Context, device_id: str) -> None:
    from sync.server import auth
    from sync.server.errors import ServiceError
    if not auth.revoke(ctx.engine(), device_id):
        raise ServiceError(404, "unknown_device", _N(SERVICE, "Enheden {device_id} findes ikke."),
                           device_id=device_id)
    click.echo(f"Enheden {device_id} er spærret.")


@cli.command("deactivate-consultant", help="A consultant who leaves: revoke all their devices "
                                          "(each wipes itself at its next contact) and void "
                                          "their enrollment codes.")
@click.argument("consultant")
@click.option("--municipality", default=None)
@pass_ctx
def deactivate_consultant(ctx: Context, consultant: str, municipality: str | None) -> None:
    from sync.server import admin
    engine = ctx.engine()
    consultant_id = admin.resolve_consultant(engine, consultant, municipality)
    revoked = admin.deactivate_consultant(engine, consultant_id)
    click.echo(f"Konsulenten {consultant} er deaktiveret: {len(revoked)} enheder spærret, "
               "tilmeldingskoder ugyldige.")


def _when(value: object) -> str:
    return value.isoformat(sep=" ", timespec="seconds") if value else "-"  # type: ignore[attr-defined]


@cli.command("devices", help="A consultant's devices with status, app version and last contact.")
@click.argument("consultant")
@click.option("--municipality", default=None)
@pass_ctx
def devices(ctx: Context, consultant: str, municipality: str | None) -> None:
    from sync.server import admin
    engine = ctx.engine()
    rows = admin.devices_of(engine, admin.resolve_consultant(engine, consultant, municipality))
    if not rows:
        click.echo("Konsulenten har ingen tilmeldte enheder.")
    for row in rows:
        click.echo(f"{row['id']}  {row['status']:<8} version {row['app_version'] or '-':<10} "
                   f"sidste kontakt {_when(row['last_seen_at'])}  tilmeldt "
                   f"{_when(row['enrolled_at'])}  {row['name']}")


def _date(value: str | None, option: str):  # type: ignore[no-untyped-def]
    import datetime as dt
    if value is None:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' er ikke en dato (ÅÅÅÅ-MM-DD).",
                                 param_hint=option) from None


@cli.command("access-log", help="Who received or read which citizen's data, when and why: the "
                                "service's log and the devices' own, newest first.")
@click.option("--citizen", default=None, help="A citizen's id.")
@click.option("--consultant", default=None, help="A consultant's name or id.")
@click.option("--municipality", default=None, help="Where --consultant is looked up.")
@click.option("--since", default=None, help="From this date (YYYY-MM-DD).")
@click.option("--until", default=None, help="Before this date (YYYY-MM-DD).")
@click.option("--limit", default=1000, show_default=True, type=click.IntRange(1, 1_000_000))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@pass_ctx
def access_log_(ctx: Context, citizen: str | None, consultant: str | None,
                municipality: str | None, since: str | None, until: str | None, limit: int,
                as_json: bool) -> None:
    import json

    from sync.server import access_log, admin
    if not (citizen or consultant or since):
        raise click.UsageError("Angiv mindst én af --citizen, --consultant og --since.")
    engine = ctx.engine()
    consultant_id = (admin.resolve_consultant(engine, consultant, municipality)
                     if consultant else None)
    answer = access_log.query(engine, citizen=citizen, consultant_id=consultant_id,
                              since=_date(since, "--since"), until=_date(until, "--until"),
                              limit=limit)
    for e in answer.entries:
        if as_json:
            click.echo(json.dumps({k: (v.isoformat() if hasattr(v, "isoformat") else v)
                                   for k, v in e.items()}, ensure_ascii=False))
        else:
            who = e["consultant"] or e["actor"]
            device = f" (enhed {e['device_id']})" if e["device_id"] else ""
            click.echo(f"{_when(e['at'])}  {who}{device}  {e['action']}/{e['purpose']}  "
                       f"{e['entity']} {e['entity_id']}"
                       + (f"  borger {e['citizen_id']}" if e["citizen_id"] and
                          e["citizen_id"] != e["entity_id"] else "")
                       + (f"  {e['detail']}" if e["detail"] else ""))
    shown = len(answer.entries)
    click.echo(f"{answer.total} hændelser" + (f" (de {shown} nyeste vist)"
                                              if shown < answer.total else ""), err=True)


@cli.group(help="A citizen's data on request: export (GDPR art. 15) and erase (art. 17).")
def citizen() -> None:
    pass


@citizen.command("export", help="Everything the service and its log hold about a citizen, as "
                                "JSON (the export itself is logged).")
@click.argument("citizen_id")
@click.option("--output", type=click.Path(path_type=Path), default=None,
              help="Write to this file instead of standard output.")
@pass_ctx
def citizen_export(ctx: Context, citizen_id: str, output: Path | None) -> None:
    import json

    from sync.server import citizen_data
    text = json.dumps(citizen_data.export(ctx.engine(), citizen_id), ensure_ascii=False,
                      indent=2)
    if output is None:
        click.echo(text)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"Borgerens data er skrevet til {output}.", err=True)


@citizen.command("erase", help="Erase a citizen on the service and on every device (tombstones "
                               "and scope exits; the erasure is logged).")
@click.argument("citizen_id")
@click.option("--including-signed", is_flag=True,
              help="Also erase sealed agreements (which the municipality must normally keep).")
@pass_ctx
def citizen_erase(ctx: Context, citizen_id: str, including_signed: bool) -> None:
    from sync.server import citizen_data
    erased = citizen_data.erase(ctx.engine(), citizen_id, including_signed)
    click.echo(f"Borgeren {citizen_id} er slettet ({erased} poster); enhederne glemmer "
               "borgeren ved næste synkronisering.")


@cli.group(help="Retention: erase closed cases older than the retention period.")
def retention() -> None:
    pass


@retention.command("run", help="Erase every closed case (nothing changed about the citizen "
                               "for the period, no agreement ending within it) older than "
                               "the retention period.")
@click.option("--days", type=click.IntRange(1), default=None,
              help="The retention period (default: env CONSULTANT_SERVER_RETENTION_DAYS, "
                   "else 5 years).")
@click.option("--dry-run", is_flag=True, help="Only list the cases that would be erased.")
@pass_ctx
def retention_run(ctx: Context, days: int | None, dry_run: bool) -> None:
    from sync.server import citizen_data
    days = days or citizen_data.retention_days()
    citizens = citizen_data.retention_run(ctx.engine(), days, dry_run)
    for citizen_id in citizens:
        click.echo(citizen_id)
    verb = "ville blive slettet" if dry_run else "er slettet"
    click.echo(f"{len(citizens)} afsluttede sager ældre end {days} dage {verb}.", err=True)


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


@cli.group("console-user", help="Users of the web console (/console): administrators, team "
                                 "leaders, data-protection officers.")
def console_user() -> None:
    pass


@console_user.command("add", help="Add a console user; prints the TOTP secret and URI for "
                                  "the authenticator app (the second factor), shown once.")
@click.argument("username")
@click.option("--role", required=True, type=click.Choice(
    ["system_admin", "municipality_admin", "team_leader", "dpo"]))
@click.option("--municipality", default=None, help="Required for every role but system_admin.")
@click.option("--name", default="", help="The full name shown in the console and its log.")
@click.option("--consultant", "consultants", multiple=True,
              help="A team leader's consultant (name or id); repeat for several.")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="At least 12 characters (asked for when left out).")
@pass_ctx
def console_user_add(ctx: Context, username: str, role: str, municipality: str | None,
                     name: str, consultants: tuple[str, ...], password: str) -> None:
    from sync.server.console import store
    new = store.add_user(ctx.engine(), username, name, role, password, municipality,
                         consultants)
    click.echo(f"Konsolbruger {new.user.username} ({role}) er oprettet.")
    click.echo(f"TOTP-hemmelighed: {new.totp_secret}")
    click.echo(f"TOTP-URI: {new.totp_uri}")


def main(argv: list[str] | None = None) -> int:
    from sync.server.errors import ServiceError
    from sync.server.keys import KeyProblem
    args = sys.argv[1:] if argv is None else argv
    try:
        cli.main(args=args, prog_name="consultant-server", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Afbrudt.", err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except (ServiceError, KeyProblem) as exc:
        click.echo(f"Fejl: {exc.message}", err=True)
        return 1
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
