"""``consultant-app enroll`` and ``consultant-app sync``: the engine in a terminal.

They join the core's command group through entry points (pyproject.toml), so the core never
imports sync. A failure ends with its message and a non-zero exit code. Every text goes
through the command line's one translation path (``consultant_app.cli.texts``): Danish
source templates marked ``_N(CTX, …)`` here, English from the desktop's catalogue.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from consultant_app.cli import texts
from consultant_app.cli.common import Context, echo_json, pass_context
from consultant_app.cli.texts import argument, command, group, helptext, option, render, t
from consultant_app.errors import field_label
from consultant_app.queries import outbox_count
from consultant_app.services.employers import get_live
from consultant_app.store.models import PlacementAgreement
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message
from sync.protocol import DELETED_FIELD

from .client import credentials, quarantine
from .client.conflicts import (
    list_conflicts,
    recreate_record,
    resolve_conflict,
    waiting_items,
)
from .client.engine import SyncEngine, SyncReport
from .client.errors import CertificateRefused, SyncError
from .client.overview import run_history
from .client.progress import ProgressClock, progress_text
from .client.quarantine import list_quarantine
from .client.receipts import agreement_receipts

CTX = "sync-cli"

PHASES = {"push": _N(CTX, "Sender ændringer"), "upload": _N(CTX, "Sender aftaler"),
          "pull": _N(CTX, "Henter ændringer")}


@command(help=helptext(CTX, _N(CTX, "Tilmeld enheden til en central tjeneste.")))
@option("--server", "server_url", required=True,
        help=helptext(CTX, _N(CTX, "Serverens adresse, fx http://127.0.0.1:8765")))
@option("--code", required=True, help=helptext(CTX, _N(CTX, "Tilmeldingskoden fra din leder.")))
@option("--device-name", default="",
        help=helptext(CTX, _N(CTX, "Enhedens navn (standard: maskinens navn).")))
@option("--no-keyring", is_flag=True,
        help=helptext(CTX, _N(CTX, "Gem adgangsnøglen krypteret i profilen, ikke i nøgleringen.")))
@option("--ca", "ca_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
        help=helptext(CTX, _N(CTX, "Tjenestens rodcertifikat (PEM, fra din leder eller GET "
                                   "/api/v1/ca): forbindelsen (https) godkendes kun med et "
                                   "certifikat udstedt af det.")))
@pass_context
def enroll(ctx: Context, server_url: str, code: str, device_name: str, no_keyring: bool,
           ca_file: Path | None) -> None:
    ca_pem = _read_ca(ca_file) if ca_file is not None else ""
    with ctx.open_or_create() as store:
        try:
            result = SyncEngine(store, use_keyring=not no_keyring).enroll(
                server_url, code, device_name, ca_pem=ca_pem)
        except CertificateRefused as exc:
            hint = "" if ca_pem else " " + t(CTX, _N(CTX, "Angiv tjenestens rodcertifikat med "
                                                          "--ca CA.pem (fås hos din leder)."))
            raise click.ClickException(render(exc.message) + hint) from None
        except SyncError as exc:
            raise click.ClickException(render(exc.message)) from None
    click.echo(t(CTX, _N(CTX, "Enheden er tilmeldt {municipality} ({code}) som {consultant}. "
                              "Enhedens id: {device}."),
                 municipality=result.municipality_name, code=result.municipality_code,
                 consultant=result.consultant, device=result.device_id))
    click.echo(t(CTX, _N(CTX, "Adgangsnøglen er gemt i styresystemets nøglering."))
               if result.token_store == credentials.KEYRING
               else t(CTX, _N(CTX, "Adgangsnøglen er gemt i profilen, krypteret (der er ingen "
                                   "nøglering på denne maskine).")))


def _read_ca(path: Path) -> str:
    """The PEM of a CA certificate file, or a plain refusal naming the file."""
    from cryptography import x509
    try:
        text = path.read_text(encoding="ascii")
        x509.load_pem_x509_certificate(text.encode("ascii"))
    except (OSError, ValueError):
        raise click.ClickException(t(CTX, _N(CTX, "Rodcertifikatet {path} findes ikke eller er "
                                                  "ikke et PEM-certifikat."), path=path)
                                   ) from None
    return text


@group(invoke_without_command=True,
       help=helptext(CTX, _N(CTX, "Synkroniser med den centrale tjeneste (send og hent "
                                  "ændringer). 'sync history' viser de seneste "
                                  "synkroniseringer.")))
@option("--quiet", is_flag=True, help=helptext(CTX, _N(CTX, "Ingen statuslinje.")))
@pass_context
def sync(ctx: Context, quiet: bool) -> None:
    if click.get_current_context().invoked_subcommand is not None:
        return
    # A defect is recorded in the sync history and told plainly below; without this, the
    # logging module's last resort would print its traceback into the consultant's terminal.
    logging.getLogger("sync").addHandler(logging.NullHandler())
    with ctx.open() as store:
        try:
            report = sync_with_progress(SyncEngine(store), quiet)
        except SyncError as exc:
            raise click.ClickException(render(exc.message)) from None
        except Exception as exc:  # noqa: BLE001 - a defect, but never a traceback here
            raise click.ClickException(t(
                CTX, _N(CTX, "Synkroniseringen stoppede på grund af en uventet fejl ({error}). "
                             "Det, der nåede at blive synkroniseret, er gemt; prøv igen, og "
                             "kontakt support, hvis fejlen bliver ved."),
                error=type(exc).__name__)) from None
        with store.read() as s:
            set_aside = list_quarantine(s)
            moved = [c for c in list_conflicts(s) if c.moved_citizen]
    click.echo(t(CTX, _N(CTX, "Synkroniseret: {pushed} ændringer sendt, {uploaded} aftaler "
                              "sendt, {pulled} ændringer hentet, {conflicts} konflikter."),
                 pushed=report.pushed, uploaded=report.uploaded, pulled=report.pulled,
                 conflicts=report.conflicts))
    for reason in report.rejected:
        click.echo(t(CTX, _N(CTX, "Afvist af tjenesten: {reason}"), reason=reason), err=True)
    for name in report.rulesets:
        click.echo(t(CTX, _N(CTX, "Nyt regelsæt fra den centrale tjeneste taget i brug: "
                                  "{name}"), name=name))
    for reason in report.refused_rulesets:
        click.echo(t(CTX, _N(CTX, "Afvist regelsæt: {reason}"), reason=reason), err=True)
    if report.conflicts:
        click.echo(t(CTX, _N(CTX, "Konflikterne kan ses og afgøres på siden Synkronisering i "
                                  "programmet.")))
    if moved:
        click.echo(t(CTX, _N(CTX, "Til overdragelse: {count} ændring(er) af borgere, der er "
                                  "flyttet til en anden konsulent, blev ikke sendt. Giv dem "
                                  "videre til borgerens nye konsulent, og fjern dem så med "
                                  "'consultant-app conflicts resolve ID server':"),
                     count=len(moved)))
        for c in moved:
            lines = _value(c.client_value).split("\n")
            click.echo(f"  {c.id}  {lines[0]}")
            for line in lines[1:]:
                click.echo(f"      {line}")
    if set_aside:
        click.echo(t(CTX, _N(CTX, "Lagt til side: {count} ændringer kunne ikke tages ind på "
                                  "denne computer (resten er synkroniseret; de prøves igen ved "
                                  "næste synkronisering og kan ses på siden Synkronisering):"),
                     count=len(set_aside)), err=True)
        for message in dict.fromkeys(_set_aside_text(q) for q in set_aside):
            click.echo(f"  {message}", err=True)


def _set_aside_text(q: quarantine.QuarantineView) -> str:
    """Why a change was set aside, from its code (the view's ``message`` is the Danish)."""
    return t(quarantine.CTX, quarantine.MESSAGES.get(q.code, quarantine.MESSAGES["cannot_apply"]))


RUN_TRIGGERS = {"manual": _N(CTX, "i programmet"), "timer": _N(CTX, "tidsplan"),
                "network": _N(CTX, "netværket kom igen"), "cli": _N(CTX, "kommandolinje")}


@sync.command("history", help=helptext(CTX, _N(CTX, "Vis de seneste synkroniseringer, nyeste "
                                                    "først (som fanen Historik på siden "
                                                    "Synkronisering).")))
@option("--json", "as_json", is_flag=True,
        help=helptext(CTX, _N(CTX, "Maskinlæsbart: en liste af forsøg.")))
@pass_context
def sync_history(ctx: Context, as_json: bool) -> None:
    with ctx.open() as store, store.read() as s:
        runs = run_history(s)
    if as_json:
        echo_json([{k: v for k, v in r.__dict__.items() if k != "reason"} for r in runs])
        return
    if not runs:
        click.echo(t(CTX, _N(CTX, "Ingen synkroniseringer endnu.")))
        return
    for r in runs:
        state = (_N(CTX, "i gang") if r.finished_at is None
                 else _N(CTX, "gennemført") if r.ok else _N(CTX, "fejlede"))
        trigger = (Message(CTX, RUN_TRIGGERS[r.trigger]) if r.trigger in RUN_TRIGGERS
                   else r.trigger)
        line = t(CTX, _N(CTX, "{trigger}: {state}; {pushed} sendt, {uploaded} aftaler sendt, "
                              "{pulled} hentet, {conflicts} konflikter"),
                 trigger=trigger, state=Message(CTX, state), pushed=r.pushed,
                 uploaded=r.uploaded, pulled=r.pulled, conflicts=r.conflicts)
        click.echo(f"{texts.moment(r.started_at)}  {line}"
                   + (f" ({render(r.reason)})" if r.reason else ""))


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
            label = t(CTX, PHASES[phase]) if phase in PHASES else phase
            bar = click.progressbar(length=total or 0, label=label,
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


RECEIPT_STATUS = {"stored": _N(CTX, "gemt"), "duplicate": _N(CTX, "den havde den allerede")}


@command(help=helptext(CTX, _N(CTX, "Vis den centrale tjenestes kvittering for en forseglet "
                                    "aftale: hvad tjenesten modtog og hvornår, med "
                                    "kontrolsummerne. Exitkode 1, når der ingen kvittering er "
                                    "endnu.")))
@argument("agreement_id", metavar=helptext(CTX, _N(CTX, "ID")))
@option("--json", "as_json", is_flag=True,
        help=helptext(CTX, _N(CTX, "Maskinlæsbart output.")))
@pass_context
def receipt(ctx: Context, agreement_id: str, as_json: bool) -> None:
    with ctx.open() as store, store.read() as s:
        get_live(s, PlacementAgreement, agreement_id, Message(CTX, _N(CTX, "Aftale")))
        found = agreement_receipts(s, agreement_id)
    if as_json:
        echo_json([r.__dict__ for r in found])
    if not found:
        raise click.ClickException(t(CTX, _N(CTX, "Tjenesten har ingen kvittering for aftalen "
                                                  "endnu. En forseglet aftale sendes ved næste "
                                                  "synkronisering.")))
    content, pdf = (t(CTX, _N(CTX, "Indholdets kontrolsum:")), t(CTX, _N(CTX, "PDF'ens SHA-256:")))
    width = max(len(content), len(pdf))
    for r in [] if as_json else found:
        status = (Message(CTX, RECEIPT_STATUS[r.status]) if r.status in RECEIPT_STATUS
                  else r.status)
        click.echo(t(CTX, _N(CTX, "Version {revision}: modtaget af tjenesten {at}, {status}"),
                     revision=r.revision, at=texts.moment(r.received_at), status=status))
        click.echo(f"  {content:<{width}} {r.content_hash}")
        click.echo(f"  {pdf:<{width}} {r.pdf_sha256}")


@group(help=helptext(CTX, _N(CTX, "Konflikter fra synkroniseringen: den samme oplysning ændret "
                                  "både her og på tjenesten. Vis dem og vælg, hvilken værdi "
                                  "der skal gælde (som på siden Synkronisering).")))
def conflicts() -> None:
    pass


@conflicts.command("list", help=helptext(CTX, _N(CTX, "Vis de åbne konflikter med begge "
                                                      "værdier.")))
@option("--all", "include_resolved", is_flag=True,
        help=helptext(CTX, _N(CTX, "Også de afgjorte.")))
@option("--json", "as_json", is_flag=True,
        help=helptext(CTX, _N(CTX, "Maskinlæsbart output.")))
@pass_context
def conflicts_list(ctx: Context, include_resolved: bool, as_json: bool) -> None:
    with ctx.open() as store, store.read() as s:
        found = list_conflicts(s, include_resolved=include_resolved)
    if as_json:
        echo_json([{**c.__dict__, "rejected": c.rejected} for c in found])
        return
    if not found:
        click.echo(t(CTX, _N(CTX, "Ingen konflikter.")))
    # The two sides' labels in one column, as wide as the widest in this language.
    labels = {"server": t(CTX, _N(CTX, "Tjenestens værdi:")),
              "client": t(CTX, _N(CTX, "Din værdi:")), "edit": t(CTX, _N(CTX, "Din ændring:"))}
    width = max(len(label) for label in labels.values())
    side = {key: f"  {label:<{width}} " for key, label in labels.items()}
    for c in found:
        field = t(CTX, _N(CTX, "(sletning)")) if c.field == DELETED_FIELD else _field(c.field)
        click.echo(f"{c.id}  {_entity(c.entity)} {c.record_label} – {field}")
        if c.reason is not None and not c.rejected:  # a record merged into the service's
            click.echo("  " + render(c.reason))
            continue
        if c.reason is not None:
            click.echo("  " + t(CTX, _N(CTX, "Tjenesten afviste ændringen: {refusal}"),
                                refusal=c.reason))
            click.echo(side["client"] + _value(c.client_value).replace(
                "\n", "\n" + " " * len(side["client"])))
            if c.moved_citizen:
                click.echo("  " + t(CTX, _N(CTX, "Giv ændringen videre til borgerens nye "
                                                 "konsulent, og fjern den så med: "
                                                 "consultant-app conflicts resolve {id} server"),
                                    id=c.id))
            continue
        if c.lost_to_delete and c.field == DELETED_FIELD:
            edit = c.client_value if isinstance(c.client_value, dict) else {}
            click.echo(side["server"] + t(CTX, _N(CTX, "Slettet")))
            click.echo(side["edit"] + "; ".join(
                f"{_field(k)}: {_value(v)}" for k, v in sorted(edit.items())))
        else:
            click.echo(side["server"] + _value(c.server_value))
            click.echo(side["client"] + _value(c.client_value))
        if c.lost_to_delete:
            click.echo("  " + t(CTX, _N(CTX, "Posten er slettet, og en sletning kan ikke gøres "
                                             "om. Opret den igen som en ny post med "
                                             "oplysningerne: consultant-app conflicts recreate "
                                             "{id} (det, der hørte til den, følger ikke med), "
                                             "eller lad den være slettet: consultant-app "
                                             "conflicts resolve {id} {winner}"),
                                id=c.id, winner=c.winner))
            continue
        winner = (Message(CTX, _N(CTX, "tjenestens værdi")) if c.winner == "server"
                  else Message(CTX, _N(CTX, "din værdi")))
        if c.chosen:
            chosen = (Message(CTX, _N(CTX, "tjenestens")) if c.chosen == "server"
                      else Message(CTX, _N(CTX, "din")))
            click.echo("  " + t(CTX, _N(CTX, "Reglen for feltet valgte {winner}; afgjort: "
                                             "{chosen}"), winner=winner, chosen=chosen))
        else:
            click.echo("  " + t(CTX, _N(CTX, "Reglen for feltet valgte {winner}."),
                                winner=winner))


def _field(field: str) -> str:
    """A field's label in the command line's language (its key when it has none)."""
    return texts.lookup("fields", field_label(field))


def _value(value: object) -> str:
    if value is None or value == "" or value == []:
        return t(CTX, _N(CTX, "(tom)"))
    if isinstance(value, bool):
        return t(CTX, _N(CTX, "Ja")) if value else t(CTX, _N(CTX, "Nej"))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


@conflicts.command("recreate", help=helptext(CTX, _N(CTX, "Opret en slettet post igen som en "
                                                          "ny post med dens gemte oplysninger "
                                                          "og den ændring, der tabte til "
                                                          "sletningen. Det, der hørte til den, "
                                                          "følger ikke med.")))
@argument("conflict_id", metavar=helptext(CTX, _N(CTX, "ID")))
@pass_context
def conflicts_recreate(ctx: Context, conflict_id: str) -> None:
    with ctx.open() as store, store.write() as s:
        new_id = recreate_record(s, conflict_id)
    click.echo(t(CTX, _N(CTX, "Posten er oprettet igen som en ny post: {id}. Den sendes ved "
                              "næste synkronisering."), id=new_id))


@conflicts.command("resolve", help=helptext(CTX, _N(CTX, "Afgør en konflikt: behold tjenestens "
                                                         "værdi (server) eller din (client). "
                                                         "Valget gemmes som en almindelig "
                                                         "ændring og sendes ved næste "
                                                         "synkronisering.")))
@argument("conflict_id", metavar=helptext(CTX, _N(CTX, "ID")))
@argument("keep", type=click.Choice(["server", "client"]), metavar="server|client")
@pass_context
def conflicts_resolve(ctx: Context, conflict_id: str, keep: str) -> None:
    with ctx.open() as store, store.write() as s:
        moved = any(c.id == conflict_id and c.moved_citizen for c in list_conflicts(s))
        resolve_conflict(s, conflict_id, keep)
    if moved:
        click.echo(t(CTX, _N(CTX, "Ændringen er fjernet fra enheden (overdraget).")))
        return
    click.echo(t(CTX, _N(CTX, "Konflikten er afgjort: tjenestens værdi gælder."))
               if keep == "server" else t(CTX, _N(CTX, "Konflikten er afgjort: din værdi gælder.")))


WAITING_OPS = {"create": _N(CTX, "oprettet"), "update": _N(CTX, "ændret"),
               "delete": _N(CTX, "slettet")}
ENTITY_LABELS = {"employer": _N(CTX, "Virksomhed"), "vacancy": _N(CTX, "Stilling"),
                 "citizen": _N(CTX, "Borger"), "contact_person": _N(CTX, "Kontaktperson"),
                 "visit": _N(CTX, "Besøg"), "match": _N(CTX, "Match"),
                 "match_event": _N(CTX, "Matchhistorik"),
                 "placement_agreement": _N(CTX, "Aftale"),
                 "agreement_signature": _N(CTX, "Underskrift"),
                 "agreement_document": _N(CTX, "Aftale-PDF"),
                 "access_log": _N(CTX, "Adgangslog")}


@command(help=helptext(CTX, _N(CTX, "Vis hvad der venter på at blive sendt ved næste "
                                    "synkronisering, og hvad der er lagt til side, fordi det "
                                    "ikke kunne tages ind her (som fanerne Venter og Lagt til "
                                    "side på siden Synkronisering).")))
@option("--json", "as_json", is_flag=True,
        help=helptext(CTX, _N(CTX, "Maskinlæsbart: total, waiting og set_aside.")))
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
    click.echo(t(CTX, _N(CTX, "Venter på at blive sendt: {total} ændringer."), total=total))
    for w in items:
        # A delete names no fields: its op says it (its one field is the tombstone's key).
        fields = ("" if "*" in w.fields or w.op == "delete"
                  else ": " + ", ".join(_field(f) for f in w.fields))
        op = t(CTX, WAITING_OPS[w.op]) if w.op in WAITING_OPS else w.op
        click.echo(f"  {texts.moment(w.created_at)}  {_entity(w.entity)} {w.record_label} "
                   f"{op}{fields}")
    if len(items) < total:
        click.echo("  " + t(CTX, _N(CTX, "… og {count} mere."), count=total - len(items)))
    if set_aside:
        click.echo(t(CTX, _N(CTX, "Lagt til side: {count}"), count=len(set_aside)))
        for q in set_aside:
            click.echo("  " + t(CTX, _N(CTX, "{entity} {id}: {message} (forsøgt {attempts} "
                                             "gange)"),
                                entity=_entity(q.entity), id=q.entity_id,
                                message=_set_aside_text(q), attempts=q.attempts))


def _entity(entity: str) -> str:
    return t(CTX, ENTITY_LABELS[entity]) if entity in ENTITY_LABELS else entity
