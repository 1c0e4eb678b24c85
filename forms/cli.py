"""``consultant-app agreement ...``: placement agreements from the command line.

The same service as the wizard (``forms.agreements``): create a prefilled draft, set fields,
show it, check it against the rules, and write its PDF. Declared as the entry point
``consultant_app.commands: agreement``, so the core's CLI never imports forms.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from consultant_app import identifiers, queries, services
from consultant_app.cli import texts
from consultant_app.cli.common import (
    Context,
    PluginGroup,
    echo_json,
    parse_assignments,
    pass_context,
)
from consultant_app.cli.texts import argument, group, helptext, option, lookup, render, t
from consultant_app.errors import UserError
from consultant_app.files import write_atomically
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message, format_date

from . import agreements as A
from . import rules, templates
from .pdf import display_value, render_agreement
from .templates import agreement_types, get_template

CTX = "forms-cli"

SEVERITY_LABELS = {rules.ERROR: _N(CTX, "Fejl"), rules.WARNING: _N(CTX, "Advarsel"),
                   rules.INFO: _N(CTX, "Info")}
STATUS_LABELS = {A.DRAFT: _N(CTX, "Kladde"), A.SIGNING: _N(CTX, "Under underskrift"),
                 A.SIGNED: _N(CTX, "Underskrevet"), A.SEALED: _N(CTX, "Forseglet")}


def _template(text: str) -> str:
    """A text of an agreement template (a title, a label) in the command line's language: the
    catalogue has them under the templates' context, as the desktop shows them."""
    return lookup(templates.CTX, text) if text else ""


def _fail(template: str, **params: Any) -> UserError:
    return UserError(Message(CTX, template, params))


AGREEMENT_COMMANDS = "consultant_app.agreement_commands"


@group(cls=PluginGroup, entry_group=AGREEMENT_COMMANDS,
       help=helptext(CTX, _N(CTX, "Aftaler om praktik, løntilskud, ordinære timer, mentor, "
                                  "fleksjob og IGU: opret, udfyld, kontrollér, kvittér for "
                                  "advarsler, lav ny version, slet kladder og lav PDF. (Selve "
                                  "underskriften gives i programmet.)")))
def agreement() -> None:
    pass


@agreement.command("types", help=helptext(CTX, _N(CTX, "Vis aftaletyperne og deres "
                                                       "skabelonversioner.")))
def types_cmd() -> None:
    for agreement_type in agreement_types():
        newest = get_template(agreement_type)
        versions = []
        for version in range(1, newest.version + 1):
            try:
                versions.append(f"v{get_template(agreement_type, version).version}")
            except KeyError:
                continue
        click.echo(f"{agreement_type:<22} {', '.join(versions):<8} {_template(newest.title)}")


@agreement.command("new", help=helptext(CTX, _N(CTX, "Opret en ny aftale, udfyldt fra "
                                                     "virksomheden, stillingen, borgeren og "
                                                     "matchet. Skriver aftalens id.")))
@argument("agreement_type", metavar=helptext(CTX, _N(CTX, "TYPE")))
@option("--employer", "employer_id", required=True,
        help=helptext(CTX, _N(CTX, "Virksomhedens id.")))
@option("--vacancy", "vacancy_id", default=None,
        help=helptext(CTX, _N(CTX, "Stillingens id.")))
@option("--citizen", "citizen_id", default=None,
        help=helptext(CTX, _N(CTX, "Borgerens id.")))
@option("--match", "match_id", default=None,
        help=helptext(CTX, _N(CTX, "Matchets id.")))
@pass_context
def new_cmd(ctx: Context, agreement_type: str, employer_id: str, vacancy_id: str | None,
            citizen_id: str | None, match_id: str | None) -> None:
    with ctx.open() as store, store.write() as s:
        doc = A.create_draft(s, agreement_type, employer_id, vacancy_id=vacancy_id,
                             citizen_id=citizen_id, match_id=match_id)
        agreement_id = doc.id
    click.echo(agreement_id)


@agreement.command("set", help=helptext(CTX, _N(CTX, "Sæt felter i en kladde: FELT=VÆRDI ... "
                                                     "(en tom værdi rydder feltet). Alt "
                                                     "gemmes, eller intet gemmes.")))
@argument("agreement_id", metavar=helptext(CTX, _N(CTX, "ID")))
@argument("assignments", nargs=-1, required=True,
          metavar=helptext(CTX, _N(CTX, "FELT=VÆRDI...")))
@pass_context
def set_cmd(ctx: Context, agreement_id: str, assignments: tuple[str, ...]) -> None:
    changes = parse_assignments(assignments)
    with ctx.open() as store, store.write() as s:
        A.update_fields(s, agreement_id, changes)
    click.echo(t(CTX, _N(CTX, "Gemt: {count} felt(er)."), count=len(changes)))


@agreement.command("show", help=helptext(CTX, _N(CTX, "Vis aftalens felter. CPR-numre vises "
                                                      "maskeret, medmindre --reveal-cpr bruges "
                                                      "(det skrives i adgangsloggen).")))
@argument("agreement_id", metavar=helptext(CTX, _N(CTX, "ID")))
@option("--reveal-cpr", is_flag=True,
        help=helptext(CTX, _N(CTX, "Vis hele CPR-nummeret (logges).")))
@option("--json", "as_json", is_flag=True,
        help=helptext(CTX, _N(CTX, "Maskinlæsbart: aftalens oplysninger og felter (CPR "
                                   "maskeret uden --reveal-cpr).")))
@pass_context
def show_cmd(ctx: Context, agreement_id: str, reveal_cpr: bool, as_json: bool) -> None:
    with ctx.open() as store, store.write() as s:
        doc = A.load(s, agreement_id)
        if reveal_cpr:
            if not doc.record.citizen_id:
                raise _fail(_N(CTX, "Aftalen er ikke knyttet til en borger, så CPR-nummeret "
                                    "kan ikke vises med adgangslog."))
            services.reveal_cpr(s, doc.record.citizen_id,
                                purpose=f"agreement show {agreement_id}")
        if as_json:
            echo_json({**(queries.agreement_detail(s, agreement_id) or {}),
                       "revision": doc.record.revision,
                       "fields": _values(doc, reveal_cpr),
                       "acknowledgements": dict(doc.acknowledgements)})
            return
        lines = _describe(doc, reveal_cpr)
    click.echo("\n".join(lines))


def _values(doc: A.AgreementDoc, reveal_cpr: bool) -> dict[str, Any]:
    values = {}
    for spec in doc.template.all_fields():
        value = doc.values.get(spec.key)
        if spec.kind == "cpr" and value and not reveal_cpr:
            value = identifiers.mask_cpr(str(value))
        values[spec.key] = value
    return values


def _describe(doc: A.AgreementDoc, reveal_cpr: bool) -> list[str]:
    template = doc.template
    record = doc.record
    lines = [_template(template.pdf.title),
             t(CTX, _N(CTX, "Id: {id} · version {revision} · {status} · skabelon {template}"),
                 id=doc.id, revision=record.revision,
                 status=t(CTX, STATUS_LABELS.get(record.status, record.status)),
                 template=template.key)]
    labels = {f.key: _template(f.label) for f in template.all_fields()}
    width = max(len(label) for label in labels.values())
    for section in template.sections:
        lines += ["", _template(section.title)]
        for spec in section.fields:
            value = doc.values.get(spec.key)
            shown = display_value(spec, value)
            if spec.kind == "cpr" and shown and not reveal_cpr:
                shown = identifiers.mask_cpr(str(value))
            # The value as the (Danish) document prints it.
            lines.append(f"  {labels[spec.key]:<{width}}  {shown}")
    for key, note in sorted(doc.acknowledgements.items()):
        lines.append(t(CTX, _N(CTX, "Bemærkning til {finding}: {note}"), finding=key, note=note))
    return lines


@agreement.command("check", help=helptext(CTX, _N(CTX, "Kontrollér aftalen mod reglerne på "
                                                       "startdatoen. Hver advarsel står med "
                                                       "sin nøgle (til 'agreement "
                                                       "acknowledge'). Exitkode 1, når den "
                                                       "ikke er klar til underskrift.")))
@argument("agreement_id", metavar=helptext(CTX, _N(CTX, "ID")))
@option("--json", "as_json", is_flag=True,
        help=helptext(CTX, _N(CTX, "Maskinlæsbart: ready og findings (key, severity, field, "
                                   "message, note).")))
@pass_context
def check_cmd(ctx: Context, agreement_id: str, as_json: bool) -> None:
    with ctx.open() as store, store.read() as s:
        doc = A.load(s, agreement_id)
        result = A.check_doc(s, doc)
        labels = {f.key: _template(f.label) for f in doc.template.all_fields()}
    if as_json:
        echo_json({"ready": result.ready, "findings": [
            {"key": f.key, "severity": f.severity, "field": f.field, "message": str(f.message),
             "note": result.acknowledged.get(f.key, "")} for f in result.findings]})
    for finding in [] if as_json else result.findings:
        severity = t(CTX, SEVERITY_LABELS.get(finding.severity, finding.severity))
        about = labels.get(finding.field) or t(CTX, _N(CTX, "Aftalen"))
        line = f"{severity:<9} {about}: {render(finding.message)}"
        note = result.acknowledged.get(finding.key)
        if finding.severity == rules.WARNING:
            line += (t(CTX, _N(CTX, " (kvitteret: {note})"), note=note) if note
                     else f" [{finding.key}]")
        click.echo(line)
    if result.ready:
        if not as_json:
            click.echo(t(CTX, _N(CTX, "Klar til underskrift.")))
        return
    # A UserError: the CLI prints it as "Fejl: ..." and exits 1.
    raise _fail(_N(CTX, "Aftalen er ikke klar til underskrift: {errors} fejl og {warnings} "
                        "advarsel(er) uden bemærkning."),
                errors=len(result.errors), warnings=len(result.open_warnings))


@agreement.command("acknowledge", help=helptext(CTX, _N(CTX, "Kvittér for en advarsel med en "
                                                             "bemærkning (som i programmet): "
                                                             "NØGLE er advarslens nøgle fra "
                                                             "'agreement check'. Bemærkningen "
                                                             "gælder de fakta, den blev "
                                                             "skrevet til; ændres de, er "
                                                             "advarslen åben igen.")))
@argument("agreement_id", metavar=helptext(CTX, _N(CTX, "ID")))
@argument("finding_key", metavar=helptext(CTX, _N(CTX, "NØGLE")))
@option("--note", default=None, help=helptext(CTX, _N(CTX, "Bemærkningen, fx "
                                                           "'Rimelighedskravet holder ved "
                                                           "start'.")))
@option("--withdraw", is_flag=True,
        help=helptext(CTX, _N(CTX, "Træk kvitteringen tilbage.")))
@pass_context
def acknowledge_cmd(ctx: Context, agreement_id: str, finding_key: str, note: str | None,
                    withdraw: bool) -> None:
    if withdraw == (note is not None):
        raise _fail(_N(CTX, "--note: skriv en bemærkning (eller brug --withdraw)."))
    if not withdraw and not (note or "").strip():
        raise _fail(_N(CTX, "--note: bemærkningen må ikke være tom."))
    with ctx.open() as store, store.write() as s:
        warnings = [f.key for f in A.check(s, agreement_id).findings
                    if f.severity == rules.WARNING]
        if not withdraw and finding_key not in warnings:
            raise _fail(_N(CTX, "NØGLE: '{key}' er ikke en advarsel på aftalen. Advarsler: "
                                "{keys}."), key=finding_key,
                        keys=", ".join(warnings) or Message(CTX, _N(CTX, "ingen")))
        A.acknowledge(s, agreement_id, finding_key, "" if withdraw else note or "")
    click.echo(t(CTX, _N(CTX, "Kvittering trukket tilbage.")) if withdraw
               else t(CTX, _N(CTX, "Kvitteret.")))


@agreement.command("new-version", help=helptext(CTX, _N(CTX, "Åbn en underskrevet aftale for "
                                                             "ændringer: en ny version, hvis "
                                                             "underskrifter starter forfra (de "
                                                             "gamle gemmes som historik). En "
                                                             "forseglet aftale er endelig.")))
@argument("agreement_id", metavar=helptext(CTX, _N(CTX, "ID")))
@pass_context
def new_version_cmd(ctx: Context, agreement_id: str) -> None:
    with ctx.open() as store, store.write() as s:
        revision = A.new_revision(s, agreement_id).record.revision
    click.echo(t(CTX, _N(CTX, "Aftalen er nu version {revision}, en kladde; underskrifterne "
                              "starter forfra."), revision=revision))


@agreement.command("list", help=helptext(CTX, _N(CTX, "Vis aftalerne med type, status, periode "
                                                      "og parter.")))
@option("--status", type=click.Choice(list(STATUS_LABELS)), default=None,
        help=helptext(CTX, _N(CTX, "Kun aftaler med denne status.")))
@option("--json", "as_json", is_flag=True,
        help=helptext(CTX, _N(CTX, "Maskinlæsbart output.")))
@pass_context
def list_cmd(ctx: Context, status: str | None, as_json: bool) -> None:
    with ctx.open() as store, store.read() as s:
        ids = queries.list_ids(s, "placement_agreement", sort="start_date")
        details = [d for d in (queries.agreement_detail(s, i) for i in ids)
                   if d is not None and (status is None or d["status"] == status)]
    if as_json:
        echo_json(details)
        return
    if not details:
        click.echo(t(CTX, _N(CTX, "Ingen aftaler.")))
    for d in details:
        period = f"{format_date(d['start_date']) or '?'} – {format_date(d['end_date']) or '?'}"
        parties = " / ".join(p for p in (d["employer_name"], d["citizen_name"]) if p)
        click.echo(f"{d['id']}  {d['agreement_type']:<20} "
                   f"{t(CTX, STATUS_LABELS.get(d['status'], d['status'])):<17} {period}  "
                   f"{parties}")


@agreement.command("delete", help=helptext(CTX, _N(CTX, "Slet en kladde. En aftale, der er "
                                                        "underskrevet (helt eller delvis), kan "
                                                        "ikke slettes.")))
@argument("agreement_id", metavar=helptext(CTX, _N(CTX, "ID")))
@pass_context
def delete_cmd(ctx: Context, agreement_id: str) -> None:
    with ctx.open() as store, store.write() as s:
        A.delete_draft(s, agreement_id)
    click.echo(t(CTX, _N(CTX, "Kladden er slettet.")))


@agreement.command("signatures", help=helptext(CTX, _N(CTX, "Vis hvem der har underskrevet "
                                                            "aftalens nuværende version, og "
                                                            "hvem der mangler (underskriften "
                                                            "gives i programmet).")))
@argument("agreement_id", metavar=helptext(CTX, _N(CTX, "ID")))
@option("--json", "as_json", is_flag=True,
        help=helptext(CTX, _N(CTX, "Maskinlæsbart: signed og pending.")))
@pass_context
def signatures_cmd(ctx: Context, agreement_id: str, as_json: bool) -> None:
    from .signing import pending_signers, role_label
    with ctx.open() as store, store.read() as s:
        doc = A.load(s, agreement_id)
        signed = [{"role": g.role, "label": role_label(doc, g.role), "name": g.signer_name,
                   "identity_check": g.identity_check, "signed_at": g.signed_at}
                  for g in A.signatures(s, agreement_id)]
        pending = [{"role": r.role, "label": r.label} for r in pending_signers(s, agreement_id)]
        status = doc.record.status
    if as_json:
        echo_json({"status": status, "signed": signed, "pending": pending})
        return
    for g in signed:
        click.echo(t(CTX, _N(CTX, "Underskrevet: {label}: {name} ({at})"),
                     label=_template(g["label"]), name=g["name"],
                     at=texts.moment(g["signed_at"])))
    for r in pending:
        click.echo(t(CTX, _N(CTX, "Mangler:      {label}"), label=_template(r["label"])))
    if not pending and status == A.SIGNED:
        click.echo(t(CTX, _N(CTX, "Alle parter har underskrevet; aftalen kan forsegles "
                              "(agreement seal).")))


@agreement.command("seal", help=helptext(CTX, _N(CTX, "Forsegl en aftale, som alle parter har "
                                                      "underskrevet: den underskrevne PDF med "
                                                      "enhedens segl (som i programmet). "
                                                      "Derefter kan aftalen ikke ændres.")))
@argument("agreement_id", metavar=helptext(CTX, _N(CTX, "ID")))
@option("-o", "--output", default=None,
        type=click.Path(dir_okay=False, writable=True, path_type=Path),
        help=helptext(CTX, _N(CTX, "Gem også den forseglede PDF her.")))
@pass_context
def seal_cmd(ctx: Context, agreement_id: str, output: Path | None) -> None:
    from consultant_app.device import device_identity

    from .sealing import seal_agreement
    with ctx.open() as store:
        device = device_identity(store)  # opens its own transactions: before the write
        with store.write() as s:
            data = seal_agreement(s, agreement_id, device)
    click.echo(t(CTX, _N(CTX, "Aftalen er forseglet.")))
    if output is not None:
        _save_pdf(output, data)
        click.echo(t(CTX, _N(CTX, "Forseglet aftale skrevet til {path}."), path=output))


@agreement.command("pdf", help=helptext(CTX, _N(CTX, "Skriv aftalen som PDF. En forseglet "
                                                     "aftale skrives, som den blev forseglet; "
                                                     "ellers med tomme felter til underskrift.")))
@argument("agreement_id", metavar=helptext(CTX, _N(CTX, "ID")))
@option("-o", "--output", required=True,
        type=click.Path(dir_okay=False, writable=True, path_type=Path),
        help=helptext(CTX, _N(CTX, "PDF-filen, der skal skrives.")))
@pass_context
def pdf_cmd(ctx: Context, agreement_id: str, output: Path) -> None:
    from .sealing import sealed_pdf  # pyHanko is only needed for sealed agreements
    with ctx.open() as store, store.read() as s:
        doc = A.load(s, agreement_id)
        data = sealed_pdf(s, agreement_id) if doc.record.status == A.SEALED else None
        sealed = data is not None
        if data is None:
            data = render_agreement(doc, content_hash=A.content_hash(doc))
    _save_pdf(output, data)
    text = (_N(CTX, "Forseglet aftale skrevet til {path}.") if sealed
            else _N(CTX, "Aftale skrevet til {path}."))
    click.echo(t(CTX, text, path=output))


def _save_pdf(output: Path, data: bytes) -> None:
    try:
        write_atomically(output, data)
    except OSError as exc:
        raise _fail(_N(CTX, "Kunne ikke skrive {path}: {reason}"), path=str(output),
                    reason=exc.strerror or str(exc)) from None


__all__ = ["agreement"]


@group("rules", help=helptext(CTX, _N(CTX, "Reglerne, som de gælder på en dato: hver med sin "
                                           "hjemmel, og om den er bekræftet i lovteksten.")))
def rules_group() -> None:
    pass


@rules_group.command("show", help=helptext(CTX, _N(CTX, "Vis reglerne i kraft på DATO "
                                                        "(ÅÅÅÅ-MM-DD), for alle aftaletyper "
                                                        "eller én (--type).")))
@option("--date", "day", required=True,
        help=helptext(CTX, _N(CTX, "Datoen, fx 2027-01-01.")))
@option("--type", "agreement_type", default=None,
        help=helptext(CTX, _N(CTX, "Aftaletypen, fx virksomhedspraktik.")))
@pass_context
def rules_show(ctx: Context, day: str, agreement_type: str | None) -> None:
    import datetime as dt

    from . import rulebook
    try:
        when = dt.date.fromisoformat(day.strip())
    except ValueError:
        raise _fail(_N(CTX, "--date: '{value}' er ikke en dato (ÅÅÅÅ-MM-DD)."),
                    value=day) from None
    if agreement_type and agreement_type not in agreement_types():
        raise _fail(_N(CTX, "--type: '{value}' er ikke en aftaletype ({types})."),
                    value=agreement_type, types=", ".join(agreement_types()))
    if ctx.profile.exists():
        with ctx.open() as store, store.read() as s:
            book = rulebook.book_on(s, when, agreement_type)
    else:  # no profile: the rule sets the program ships
        book = rulebook.book_on(None, when, agreement_type)
    for line in book_lines(book):
        click.echo(line)


def book_lines(book: Any) -> list[str]:
    """The rule book as text lines (the desktop's view shows the same read model)."""
    from .rulebook import CTX as rulebook_ctx
    r = book.ruleset
    lines = [t(CTX, _N(CTX, "Regelsæt: {name}, gældende fra {day}, {origin}"), name=r.name,
                day=format_date(r.effective_from), origin=book.origin_text)]
    lines += [t(CTX, _N(CTX, "AFVIST: {reason}"), reason=reason) for reason in book.refused]
    if r.provisional:
        lines.append(t(CTX, _N(CTX, "FORELØBIGT: regelsættet bygger på en lov, hvis endelige "
                                "tekst ikke er offentliggjort.")))
    current = None
    for entry in book.entries:
        if entry.agreement_type != current:
            current = entry.agreement_type
            lines += ["", f"{_template(entry.type_title)} ({entry.agreement_type})"]
        status = t(CTX, _N(CTX, "bekræftet") if entry.confirmed else _N(CTX, "IKKE bekræftet"))
        lines.append(f"  - {lookup(rulebook_ctx, entry.text)}")
        if entry.value:
            lines.append(f"      {entry.value}")
        lines.append(f"      {entry.citation} ({entry.law}); {status}"
                     + (f": {entry.note}" if entry.note else ""))
    return lines
