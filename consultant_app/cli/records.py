"""Employers, contact persons, visits, vacancies and citizens: add, edit and show, through the
same service calls as the desktop (``consultant_app.services``, read back through
``consultant_app.queries``). Fields are given as ``felt=værdi``, checked by the services' field
specs exactly as a form or a CSV line is, so a bad value is refused naming its field."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Callable

import click
from sqlalchemy.orm import Session

from .. import queries, services
from ..errors import NotFound
from ..services.citizens import CITIZEN_FIELDS
from ..services.employers import CONTACT_FIELDS, EMPLOYER_FIELDS, VISIT_FIELDS
from ..services.vacancies import VACANCY_FIELDS
from ..text import QT_TRANSLATE_NOOP as _N
from ..text import Message, format_date, format_number
from . import texts
from .common import CTX, Context, cli, echo_json, parse_assignments, pass_context
from .texts import argument, helptext, option, t

ASSIGNMENTS = argument("assignments", nargs=-1,
                       metavar=helptext(CTX, _N(CTX, "FELT=VÆRDI...")))
AS_JSON = option("--json", "as_json", is_flag=True,
                 help=helptext(CTX, _N(CTX, "Maskinlæsbart output.")))


def _fields_help(spec: dict[str, Any]) -> Message:
    """The fields a command takes, for its help text: their keys, as typed in every
    language."""
    required = [name + "*" if f.required else name for name, f in spec.items()]
    return Message(CTX, _N(CTX, "Felter (* skal udfyldes): {names}."),
                   {"names": ", ".join(required)})


def _write(ctx: Context, call: Callable[..., Any], *args: Any) -> str:
    """Run one service call in one write transaction; the id of what it wrote."""
    with ctx.open() as store, store.write() as s:
        return str(call(s, *args).id)


def _done(ident: str, as_json: bool, saved: str) -> None:
    if as_json:
        echo_json({"id": ident})
    else:
        click.echo(ident if saved == "new" else t(CTX, _N(CTX, "Gemt: {id}"), id=ident))


def _show(ctx: Context, read: Callable[[Session, str], Any], ident: str, what: Message,
          as_json: bool, write: bool = False) -> None:
    with ctx.open() as store, (store.write() if write else store.read()) as s:
        record = read(s, ident)
    if record is None:
        raise NotFound(what, ident)
    values = dataclasses.asdict(record) if dataclasses.is_dataclass(record) else dict(record)
    if as_json:
        echo_json(values)
        return
    width = max(len(k) for k in values)
    for key, value in values.items():
        click.echo(f"{key:<{width}}  {_text(value)}")


def _text(value: Any) -> str:
    """A value as a consultant reads it, in the form its field takes it back: dates in the
    program's one format and numbers with a decimal comma (text.py), yes/no in the command
    line's language (the field takes both)."""
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, bool):
        return t(CTX, _N(CTX, "ja")) if value else t(CTX, _N(CTX, "nej"))
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, dt.datetime):
        return texts.moment(value)
    if isinstance(value, dt.date):
        return format_date(value)
    return "" if value is None else str(value)


# -- employers ----------------------------------------------------------------------------

@cli.group(help=helptext(CTX, _N(CTX, "Virksomheder: opret, ret og vis.")))
def employer() -> None:
    pass


@employer.command("add", help=helptext(CTX, _N(CTX, "Opret en virksomhed og skriv dens id. "
                                                   "{fields}"),
                                        fields=_fields_help(EMPLOYER_FIELDS)))
@ASSIGNMENTS
@AS_JSON
@pass_context
def employer_add(ctx: Context, assignments: tuple[str, ...], as_json: bool) -> None:
    _done(_write(ctx, services.create_employer, parse_assignments(assignments)), as_json, "new")


@employer.command("edit", help=helptext(CTX, _N(CTX, "Ret felter i en virksomhed (en tom "
                                                    "værdi rydder feltet). {fields}"),
                                         fields=_fields_help(EMPLOYER_FIELDS)))
@argument("employer_id", metavar=helptext(CTX, _N(CTX, "ID")))
@ASSIGNMENTS
@AS_JSON
@pass_context
def employer_edit(ctx: Context, employer_id: str, assignments: tuple[str, ...],
                  as_json: bool) -> None:
    changes = parse_assignments(assignments, required=True)
    _done(_write(ctx, services.update_employer, employer_id, changes), as_json, "edit")


@employer.command("show", help=helptext(CTX, _N(CTX, "Vis en virksomheds stamdata.")))
@argument("employer_id", metavar=helptext(CTX, _N(CTX, "ID")))
@AS_JSON
@pass_context
def employer_show(ctx: Context, employer_id: str, as_json: bool) -> None:
    _show(ctx, queries.employer_record, employer_id, Message(CTX, _N(CTX, "Virksomhed")),
          as_json)


# -- contact persons ----------------------------------------------------------------------

@cli.group(help=helptext(CTX, _N(CTX, "Kontaktpersoner hos en virksomhed: opret, ret og vis.")))
def contact() -> None:
    pass


@contact.command("add", help=helptext(CTX, _N(CTX, "Tilføj en kontaktperson til "
                                                  "virksomheden EMPLOYER_ID og skriv dens id. "
                                                  "{fields}"),
                                       fields=_fields_help(CONTACT_FIELDS)))
@argument("employer_id")
@ASSIGNMENTS
@AS_JSON
@pass_context
def contact_add(ctx: Context, employer_id: str, assignments: tuple[str, ...],
                as_json: bool) -> None:
    data = parse_assignments(assignments)
    _done(_write(ctx, services.add_contact, employer_id, data), as_json, "new")


@contact.command("edit", help=helptext(CTX, _N(CTX, "Ret en kontaktperson. {fields}"),
                                        fields=_fields_help(CONTACT_FIELDS)))
@argument("contact_id", metavar=helptext(CTX, _N(CTX, "ID")))
@ASSIGNMENTS
@AS_JSON
@pass_context
def contact_edit(ctx: Context, contact_id: str, assignments: tuple[str, ...],
                 as_json: bool) -> None:
    changes = parse_assignments(assignments, required=True)
    _done(_write(ctx, services.update_contact, contact_id, changes), as_json, "edit")


@contact.command("show", help=helptext(CTX, _N(CTX, "Vis en kontaktperson.")))
@argument("contact_id", metavar=helptext(CTX, _N(CTX, "ID")))
@AS_JSON
@pass_context
def contact_show(ctx: Context, contact_id: str, as_json: bool) -> None:
    _show(ctx, queries.contact_record, contact_id, Message(CTX, _N(CTX, "Kontaktperson")),
          as_json)


# -- visits -------------------------------------------------------------------------------

@cli.group(help=helptext(CTX, _N(CTX, "Besøg hos en virksomhed med noter og opfølgning: opret, "
                                      "ret og afslut opfølgning.")))
def visit() -> None:
    pass


@visit.command("add", help=helptext(CTX, _N(CTX, "Skriv et besøg (eller et planlagt: "
                                                "status=planned) hos virksomheden EMPLOYER_ID "
                                                "og skriv dets id; datoen er i dag, hvis den "
                                                "ikke gives. {fields}"),
                                     fields=_fields_help(VISIT_FIELDS)))
@argument("employer_id")
@ASSIGNMENTS
@AS_JSON
@pass_context
def visit_add(ctx: Context, employer_id: str, assignments: tuple[str, ...],
              as_json: bool) -> None:
    data = parse_assignments(assignments)
    _done(_write(ctx, services.log_visit, employer_id, data), as_json, "new")


@visit.command("edit", help=helptext(CTX, _N(CTX, "Ret et besøg. {fields}"),
                                      fields=_fields_help(VISIT_FIELDS)))
@argument("visit_id", metavar=helptext(CTX, _N(CTX, "ID")))
@ASSIGNMENTS
@AS_JSON
@pass_context
def visit_edit(ctx: Context, visit_id: str, assignments: tuple[str, ...], as_json: bool) -> None:
    changes = parse_assignments(assignments, required=True)
    _done(_write(ctx, services.update_visit, visit_id, changes), as_json, "edit")


@visit.command("follow-up-done", help=helptext(CTX, _N(CTX, "Markér besøgets opfølgning som "
                                                            "klaret.")))
@argument("visit_id", metavar=helptext(CTX, _N(CTX, "ID")))
@AS_JSON
@pass_context
def visit_follow_up_done(ctx: Context, visit_id: str, as_json: bool) -> None:
    _done(_write(ctx, services.complete_follow_up, visit_id), as_json, "edit")


# -- vacancies ----------------------------------------------------------------------------

@cli.group(help=helptext(CTX, _N(CTX, "Stillinger: opret, ret og vis.")))
def vacancy() -> None:
    pass


@vacancy.command("add", help=helptext(CTX, _N(CTX, "Opret en stilling hos virksomheden "
                                                  "EMPLOYER_ID og skriv dens id. {fields}"),
                                       fields=_fields_help(VACANCY_FIELDS)))
@argument("employer_id")
@ASSIGNMENTS
@AS_JSON
@pass_context
def vacancy_add(ctx: Context, employer_id: str, assignments: tuple[str, ...],
                as_json: bool) -> None:
    data = parse_assignments(assignments)
    _done(_write(ctx, services.create_vacancy, employer_id, data), as_json, "new")


@vacancy.command("edit", help=helptext(CTX, _N(CTX, "Ret felter i en stilling. {fields}"),
                                        fields=_fields_help(VACANCY_FIELDS)))
@argument("vacancy_id", metavar=helptext(CTX, _N(CTX, "ID")))
@ASSIGNMENTS
@AS_JSON
@pass_context
def vacancy_edit(ctx: Context, vacancy_id: str, assignments: tuple[str, ...],
                 as_json: bool) -> None:
    changes = parse_assignments(assignments, required=True)
    _done(_write(ctx, services.update_vacancy, vacancy_id, changes), as_json, "edit")


@vacancy.command("delete", help=helptext(CTX, _N(CTX, "Slet en stilling (som i programmet; "
                                                      "sletningen synkroniseres).")))
@argument("vacancy_id", metavar=helptext(CTX, _N(CTX, "ID")))
@pass_context
def vacancy_delete(ctx: Context, vacancy_id: str) -> None:
    with ctx.open() as store, store.write() as s:
        services.delete_vacancy(s, vacancy_id)
    click.echo(t(CTX, _N(CTX, "Slettet: {id}"), id=vacancy_id))


@vacancy.command("show", help=helptext(CTX, _N(CTX, "Vis en stilling.")))
@argument("vacancy_id", metavar=helptext(CTX, _N(CTX, "ID")))
@AS_JSON
@pass_context
def vacancy_show(ctx: Context, vacancy_id: str, as_json: bool) -> None:
    _show(ctx, queries.vacancy_detail, vacancy_id, Message(CTX, _N(CTX, "Stilling")), as_json)


# -- citizens -----------------------------------------------------------------------------

@cli.group(help=helptext(CTX, _N(CTX, "Borgere: opret, ret og vis (CPR-nummeret vises "
                                      "maskeret).")))
def citizen() -> None:
    pass


@citizen.command("add", help=helptext(CTX, _N(CTX, "Opret en borger og skriv borgerens id. "
                                                  "{fields}"),
                                       fields=_fields_help(CITIZEN_FIELDS)))
@ASSIGNMENTS
@AS_JSON
@pass_context
def citizen_add(ctx: Context, assignments: tuple[str, ...], as_json: bool) -> None:
    _done(_write(ctx, services.create_citizen, parse_assignments(assignments)), as_json, "new")


@citizen.command("edit", help=helptext(CTX, _N(CTX, "Ret felter hos en borger. {fields}"),
                                        fields=_fields_help(CITIZEN_FIELDS)))
@argument("citizen_id", metavar=helptext(CTX, _N(CTX, "ID")))
@ASSIGNMENTS
@AS_JSON
@pass_context
def citizen_edit(ctx: Context, citizen_id: str, assignments: tuple[str, ...],
                 as_json: bool) -> None:
    changes = parse_assignments(assignments, required=True)
    _done(_write(ctx, services.update_citizen, citizen_id, changes), as_json, "edit")


@citizen.command("show", help=helptext(CTX, _N(CTX, "Vis en borger med CPR-nummeret maskeret, "
                                                    "medmindre --reveal-cpr bruges (det "
                                                    "skrives i adgangsloggen).")))
@argument("citizen_id", metavar=helptext(CTX, _N(CTX, "ID")))
@option("--reveal-cpr", is_flag=True,
        help=helptext(CTX, _N(CTX, "Vis hele CPR-nummeret (logges).")))
@AS_JSON
@pass_context
def citizen_show(ctx: Context, citizen_id: str, reveal_cpr: bool, as_json: bool) -> None:
    def read(s: Session, ident: str) -> dict[str, Any] | None:
        detail = queries.citizen_detail(s, ident)
        if detail is not None and reveal_cpr:
            detail["cpr"] = services.reveal_cpr(s, ident, "Vist på kommandolinjen")
        return detail
    what = Message(CTX, _N(CTX, "Borger"))
    if not reveal_cpr:
        _show(ctx, queries.citizen_detail, citizen_id, what, as_json)
        return
    # The reveal writes the access log in the same transaction as the read.
    _show(ctx, read, citizen_id, what, as_json, write=True)


# -- today --------------------------------------------------------------------------------

@cli.command(help=helptext(CTX, _N(CTX, "I dag: planlagte besøg fra i dag og opfølgninger, der "
                                        "er forfaldne (som siden I dag).")))
@AS_JSON
@pass_context
def today(ctx: Context, as_json: bool) -> None:
    with ctx.open() as store, store.read() as s:
        lists = {}
        for key, ids in (("planned", queries.planned_visit_ids(s)),
                         ("follow_ups", queries.due_follow_up_ids(s))):
            rows = queries.list_rows(s, "visit", ids)
            columns = [c.key for c in queries.LISTS["visit"].columns]
            lists[key] = [{"id": i, **dict(zip(columns, rows[i]))} for i in ids if i in rows]
    if as_json:
        echo_json(lists)
        return
    for key, heading in (("planned", _N(CTX, "Planlagte besøg:")),
                         ("follow_ups", _N(CTX, "Opfølgninger:"))):
        click.echo(t(CTX, heading))
        if not lists[key]:
            click.echo("  " + t(CTX, _N(CTX, "(ingen)")))
        for v in lists[key]:
            day = v["visit_date"] if key == "planned" else v["follow_up_date"]
            note = v["notes"] if key == "planned" else v["follow_up_note"]
            click.echo(f"  {format_date(day)}  {v['employer']}  {note}  [{v['id']}]".rstrip())
