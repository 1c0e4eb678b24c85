"""``consultant-app enroll`` and ``consultant-app sync``: the engine in a terminal.

They join the core's command group through entry points (pyproject.toml), so the core never
imports sync. A failure ends with its Danish message and a non-zero exit code.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from consultant_app.cli import texts
from consultant_app.cli.common import Context, echo_json, pass_context
from consultant_app.errors import field_label
from consultant_app.queries import outbox_count
from consultant_app.services.employers import get_live
from consultant_app.store.models import PlacementAgreement
from consultant_app.text import format_moment
from sync.protocol import DELETED_FIELD

from .client import credentials
from .client.conflicts import (list_conflicts, recreate_record, resolve_conflict,
                               waiting_items)
from .client.engine import SyncEngine, SyncReport
from .client.errors import CertificateRefused, SyncError
from .client.overview import run_history
from .client.progress import ProgressClock, progress_text
from .client.quarantine import list_quarantine
from .client.receipts import agreement_receipts

PHASES = {"push": "Sender ændringer", "upload": "Sender aftaler", "pull": "Henter ændringer"}


@click.command(help="Tilmeld enheden til en central tjeneste.")
@click.option("--server", "server_url", required=True, help="Serverens adresse, fx "
              "http://127.0.0.1:8765")
@click.option("--code", required=True, help="Tilmeldingskoden fra din leder.")
@click.option("--device-name", default="", help="Enhedens navn (standard: maskinens navn).")
@click.option("--no-keyring", is_flag=True, help="Gem adgangsnøglen krypteret i profilen, "
              "ikke i nøgleringen.")
@click.option("--ca", "ca_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Tjenestens rodcertifikat (PEM, fra din leder eller GET /api/v1/ca): "
                   "forbindelsen (https) godkendes kun med et certifikat udstedt af det.")
@pass_context
def enroll(ctx: Context, server_url: str, code: str, device_name: str, no_keyring: bool,
           ca_file: Path | None) -> None:
    ca_pem = _read_ca(ca_file) if ca_file is not None else ""
    with ctx.open_or_create() as store:
        try:
            result = SyncEngine(store, use_keyring=not no_keyring).enroll(
                server_url, code, device_name, ca_pem=ca_pem)
        except CertificateRefused as exc:
            hint = "" if ca_pem else (" Angiv tjenestens rodcertifikat med --ca CA.pem (fås "
                                      "hos din leder).")
            raise click.ClickException(str(exc.message) + hint) from None
        except SyncError as exc:
            raise click.ClickException(str(exc.message)) from None
    where = ("styresystemets nøglering" if result.token_store == credentials.KEYRING
             else "profilen, krypteret (der er ingen nøglering på denne maskine)")
    click.echo(f"Enheden er tilmeldt {result.municipality_name} ({result.municipality_code}) "
               f"som {result.consultant}. Enhedens id: {result.device_id}.")
    click.echo(f"Adgangsnøglen er gemt i {where}.")


def _read_ca(path: Path) -> str:
    """The PEM of a CA certificate file, or a plain refusal naming the file."""
    from cryptography import x509
    try:
        text = path.read_text(encoding="ascii")
        x509.load_pem_x509_certificate(text.encode("ascii"))
    except (OSError, ValueError):
        raise click.ClickException(f"Rodcertifikatet {path} findes ikke eller er ikke et "
                                   "PEM-certifikat.") from None
    return text


@click.group(invoke_without_command=True,
             help="Synkroniser med den centrale tjeneste (send og hent ændringer). "
                  "'sync history' viser de seneste synkroniseringer.")
@click.option("--quiet", is_flag=True, help="Ingen statuslinje.")
@pass_context
def sync(ctx: Context, quiet: bool) -> None:
    if click.get_current_context().invoked_subcommand is not None:
        return
    # A defect is recorded in the sync history and told in Danish below; without this, the
    # logging module's last resort would print its traceback into the consultant's terminal.
    logging.getLogger("sync").addHandler(logging.NullHandler())
    with ctx.open() as store:
        try:
            report = sync_with_progress(SyncEngine(store), quiet)
        except SyncError as exc:
            raise click.ClickException(str(exc.message)) from None
        except Exception as exc:  # noqa: BLE001 - a defect, but never a traceback here
            raise click.ClickException(
                "Synkroniseringen stoppede på grund af en uventet fejl "
                f"({type(exc).__name__}). Det, der nåede at blive synkroniseret, er gemt; "
                "prøv igen, og kontakt support, hvis fejlen bliver ved.") from None
        with store.read() as s:
            set_aside = list_quarantine(s)
            moved = [c for c in list_conflicts(s) if c.moved_citizen]
    click.echo(f"Synkroniseret: {report.pushed} ændringer sendt, {report.uploaded} aftaler "
               f"sendt, {report.pulled} ændringer hentet, {report.conflicts} konflikter.")
    for reason in report.rejected:
        click.echo(f"Afvist af tjenesten: {texts.render(reason)}", err=True)
    for name in report.rulesets:
        click.echo(f"Nyt regelsæt fra den centrale tjeneste taget i brug: {name}")
    for reason in report.refused_rulesets:
        click.echo(f"Afvist regelsæt: {reason}", err=True)
    if report.conflicts:
        click.echo("Konflikterne kan ses og afgøres på siden Synkronisering i programmet.")
    if moved:
        click.echo(f"Til overdragelse: {len(moved)} ændring(er) af borgere, der er flyttet til "
                   "en anden konsulent, blev ikke sendt. Giv dem videre til borgerens nye "
                   "konsulent, og fjern dem så med 'consultant-app conflicts resolve ID "
                   "server':")
        for c in moved:
            lines = _value(c.client_value).split("\n")
            click.echo(f"  {c.id}  {lines[0]}")
            for line in lines[1:]:
                click.echo(f"      {line}")
    if set_aside:
        click.echo(f"Lagt til side: {len(set_aside)} ændringer kunne ikke tages ind på denne "
                   "computer (resten er synkroniseret; de prøves igen ved næste "
                   "synkronisering og kan ses på siden Synkronisering):", err=True)
        for message in dict.fromkeys(q.message for q in set_aside):
            click.echo(f"  {message}", err=True)


RUN_TRIGGERS = {"manual": "i programmet", "timer": "tidsplan",
                "network": "netværket kom igen", "cli": "kommandolinje"}


@sync.command("history", help="Vis de seneste synkroniseringer, nyeste først (som fanen "
                              "Historik på siden Synkronisering).")
@click.option("--json", "as_json", is_flag=True, help="Maskinlæsbart: en liste af forsøg.")
@pass_context
def sync_history(ctx: Context, as_json: bool) -> None:
    with ctx.open() as store, store.read() as s:
        runs = run_history(s)
    if as_json:
        echo_json([{k: v for k, v in r.__dict__.items() if k != "reason"} for r in runs])
        return
    if not runs:
        click.echo("Ingen synkroniseringer endnu.")
        return
    for r in runs:
        state = "i gang" if r.finished_at is None else ("gennemført" if r.ok else "fejlede")
        line = (f"{format_moment(r.started_at)}  {RUN_TRIGGERS.get(r.trigger, r.trigger)}: "
                f"{state}; {r.pushed} sendt, {r.uploaded} aftaler sendt, {r.pulled} hentet, "
                f"{r.conflicts} konflikter")
        click.echo(line + (f" ({texts.render(r.reason)})" if r.reason else ""))


def sync_with_progress(engine: SyncEngine, quiet: bool = False, trigger: str = "cli"
                       ) -> SyncReport:
    """One sync with a progress bar per phase on stderr (none with ``quiet``): records done,
    records left and time left, as far as the service tells the total."""
    bars: dict[str, object] = {}
    state: dict[str, object] = {"phase": "", "shown": 0}
    clock = ProgressClock()

    def progress(phase: str, done: int, total: int | None) -> None:
        if quiet:
            return
        now = clock.report(phase, done, total)
        if phase != state["phase"]:
            _close(bars)
            bar = click.progressbar(length=total or 0, label=PHASES.get(phase, phase),
                                    file=sys.stderr, show_pos=False, show_eta=False,
                                    show_percent=bool(total), item_show_func=_item_text)
            bar.__enter__()
            bars["bar"] = bar
            state.update(phase=phase, shown=0)
        bar = bars["bar"]
        if total:
            bar.length = total  # type: ignore[attr-defined]
        bar.update(done - int(state["shown"]),  # type: ignore[attr-defined]
                   current_item=texts.render(progress_text(now)))
        state["shown"] = done

    try:
        return engine.sync(trigger, progress)
    finally:
        _close(bars)


def _item_text(item: str | None) -> str | None:
    return item


def _close(bars: dict[str, object]) -> None:
    bar = bars.pop("bar", None)
    if bar is not None:
        bar.__exit__(None, None, None)  # type: ignore[attr-defined]


RECEIPT_STATUS = {"stored": "gemt", "duplicate": "den havde den allerede"}


@click.command(help="Vis den centrale tjenestes kvittering for en forseglet aftale: hvad "
                    "tjenesten modtog og hvornår, med kontrolsummerne. Exitkode 1, når der "
                    "ingen kvittering er endnu.")
@click.argument("agreement_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Maskinlæsbart output.")
@pass_context
def receipt(ctx: Context, agreement_id: str, as_json: bool) -> None:
    with ctx.open() as store, store.read() as s:
        get_live(s, PlacementAgreement, agreement_id, "Aftale")
        found = agreement_receipts(s, agreement_id)
    if as_json:
        echo_json([r.__dict__ for r in found])
    if not found:
        raise click.ClickException("Tjenesten har ingen kvittering for aftalen endnu. En "
                                   "forseglet aftale sendes ved næste synkronisering.")
    for r in [] if as_json else found:
        click.echo(f"Version {r.revision}: modtaget af tjenesten {format_moment(r.received_at)}, "
                   f"{RECEIPT_STATUS.get(r.status, r.status)}")
        click.echo(f"  Indholdets kontrolsum: {r.content_hash}")
        click.echo(f"  PDF'ens SHA-256:       {r.pdf_sha256}")


@click.group(help="Konflikter fra synkroniseringen: den samme oplysning ændret både her og "
                  "på tjenesten. Vis dem og vælg, hvilken værdi der skal gælde (som på siden "
                  "Synkronisering).")
def conflicts() -> None:
    pass


@conflicts.command("list", help="Vis de åbne konflikter med begge værdier.")
@click.option("--all", "include_resolved", is_flag=True, help="Også de afgjorte.")
@click.option("--json", "as_json", is_flag=True, help="Maskinlæsbart output.")
@pass_context
def conflicts_list(ctx: Context, include_resolved: bool, as_json: bool) -> None:
    with ctx.open() as store, store.read() as s:
        found = list_conflicts(s, include_resolved=include_resolved)
    if as_json:
        echo_json([{**c.__dict__, "rejected": c.rejected} for c in found])
        return
    if not found:
        click.echo("Ingen konflikter.")
    for c in found:
        winner = "tjenestens værdi" if c.winner == "server" else "din værdi"
        field = "(sletning)" if c.field == DELETED_FIELD else field_label(c.field)
        click.echo(f"{c.id}  {_entity(c.entity)} {c.record_label} – {field}")
        if c.reason is not None and not c.rejected:  # a record merged into the service's
            click.echo(f"  {texts.render(c.reason)}")
            continue
        if c.reason is not None:
            click.echo(f"  Tjenesten afviste ændringen: {texts.render(c.reason)}")
            click.echo("  Din værdi:        "
                       + _value(c.client_value).replace("\n", "\n" + " " * 20))
            if c.moved_citizen:
                click.echo("  Giv ændringen videre til borgerens nye konsulent, og fjern den "
                           f"så med: consultant-app conflicts resolve {c.id} server")
            continue
        if c.lost_to_delete and c.field == DELETED_FIELD:
            edit = c.client_value if isinstance(c.client_value, dict) else {}
            click.echo("  Tjenestens værdi: Slettet")
            click.echo("  Din ændring:      " + "; ".join(
                f"{field_label(k)}: {_value(v)}" for k, v in sorted(edit.items())))
        else:
            click.echo(f"  Tjenestens værdi: {_value(c.server_value)}")
            click.echo(f"  Din værdi:        {_value(c.client_value)}")
        if c.lost_to_delete:
            click.echo("  Posten er slettet, og en sletning kan ikke gøres om. Opret den igen "
                       f"som en ny post med oplysningerne: consultant-app conflicts recreate "
                       f"{c.id} (det, der hørte til den, følger ikke med), eller lad den være "
                       f"slettet: consultant-app conflicts resolve {c.id} {c.winner}")
            continue
        click.echo(f"  Reglen for feltet valgte {winner}"
                   + (f"; afgjort: {'tjenestens' if c.chosen == 'server' else 'din'}"
                      if c.chosen else "."))


def _value(value: object) -> str:
    if value is None or value == "" or value == []:
        return "(tom)"
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


@conflicts.command("recreate", help="Opret en slettet post igen som en ny post med dens "
                                    "gemte oplysninger og den ændring, der tabte til "
                                    "sletningen. Det, der hørte til den, følger ikke med.")
@click.argument("conflict_id", metavar="ID")
@pass_context
def conflicts_recreate(ctx: Context, conflict_id: str) -> None:
    with ctx.open() as store, store.write() as s:
        new_id = recreate_record(s, conflict_id)
    click.echo(f"Posten er oprettet igen som en ny post: {new_id}. Den sendes ved næste "
               "synkronisering.")


@conflicts.command("resolve", help="Afgør en konflikt: behold tjenestens værdi (server) "
                                   "eller din (client). Valget gemmes som en almindelig "
                                   "ændring og sendes ved næste synkronisering.")
@click.argument("conflict_id", metavar="ID")
@click.argument("keep", type=click.Choice(["server", "client"]), metavar="server|client")
@pass_context
def conflicts_resolve(ctx: Context, conflict_id: str, keep: str) -> None:
    with ctx.open() as store, store.write() as s:
        moved = any(c.id == conflict_id and c.moved_citizen for c in list_conflicts(s))
        resolve_conflict(s, conflict_id, keep)
    if moved:
        click.echo("Ændringen er fjernet fra enheden (overdraget).")
        return
    click.echo("Konflikten er afgjort: " + ("tjenestens værdi gælder." if keep == "server"
                                             else "din værdi gælder."))


WAITING_OPS = {"create": "oprettet", "update": "ændret", "delete": "slettet"}
ENTITY_LABELS = {"employer": "Virksomhed", "vacancy": "Stilling", "citizen": "Borger",
                 "contact_person": "Kontaktperson", "visit": "Besøg", "match": "Match",
                 "match_event": "Matchhistorik", "placement_agreement": "Aftale",
                 "agreement_signature": "Underskrift", "agreement_document": "Aftale-PDF",
                 "access_log": "Adgangslog"}


@click.command(help="Vis hvad der venter på at blive sendt ved næste synkronisering, og hvad "
                    "der er lagt til side, fordi det ikke kunne tages ind her (som fanerne "
                    "Venter og Lagt til side på siden Synkronisering).")
@click.option("--json", "as_json", is_flag=True, help="Maskinlæsbart: total, waiting og "
                                                      "set_aside.")
@pass_context
def waiting(ctx: Context, as_json: bool) -> None:
    with ctx.open() as store, store.read() as s:
        items = waiting_items(s)
        total = outbox_count(s)
        set_aside = list_quarantine(s)
    if as_json:
        echo_json({"total": total, "waiting": [w.__dict__ for w in items],
                   "set_aside": [q.__dict__ for q in set_aside]})
        return
    click.echo(f"Venter på at blive sendt: {total} ændringer.")
    for w in items:
        fields = "" if "*" in w.fields else ": " + ", ".join(field_label(f) for f in w.fields)
        click.echo(f"  {format_moment(w.created_at)}  {_entity(w.entity)} {w.record_label} "
                   f"{WAITING_OPS.get(w.op, w.op)}{fields}")
    if len(items) < total:
        click.echo(f"  … og {total - len(items)} mere.")
    if set_aside:
        click.echo(f"Lagt til side: {len(set_aside)}")
        for q in set_aside:
            click.echo(f"  {_entity(q.entity)} {q.entity_id}: {q.message} (forsøgt "
                       f"{q.attempts} gange)")


def _entity(entity: str) -> str:
    return ENTITY_LABELS.get(entity, entity)
