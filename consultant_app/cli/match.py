"""Matching citizens and vacancies (see consultant_app.matching)."""

from __future__ import annotations

import json

import click

from .. import domain, matching, services
from ..domain import MATCH_STATUSES, VACANCY_KINDS
from ..text import QT_TRANSLATE_NOOP as _N
from ..text import Message
from . import texts
from .common import CTX, Context, cli, echo_json, pass_context
from .texts import argument, helptext, option, render, t


@cli.group("match", invoke_without_command=True,
           help=helptext(CTX, _N(CTX, "Find de bedste borgere til en stilling, eller "
                                      "stillinger til en borger, med begrundelser (--vacancy "
                                      "eller --citizen); foreslå en borger til en stilling og "
                                      "flyt et match mellem trinene i forløbet.")))
@option("--vacancy", "vacancy_id", default=None,
        help=helptext(CTX, _N(CTX, "Stillingens id: ranglist borgere.")))
@option("--citizen", "citizen_id", default=None,
        help=helptext(CTX, _N(CTX, "Borgerens id: ranglist stillinger.")))
@option("--limit", default=20, show_default=True, type=click.IntRange(1, 1_000_000))
@option("--include-excluded", is_flag=True,
        help=helptext(CTX, _N(CTX, "Vis også dem, der ikke kan komme i betragtning, og hvorfor.")))
@option("--max-km", type=click.FloatRange(0, 500), default=None,
        help=helptext(CTX, _N(CTX, "Kun dem der bor højst så mange km væk.")))
@option("--only-without-restrictions", is_flag=True,
        help=helptext(CTX, _N(CTX, "Kun borgere uden skånehensyn.")))
@option("--json", "as_json", is_flag=True,
        help=helptext(CTX, _N(CTX, "Maskinlæsbart: id, score, reasons, excluded_because.")))
@click.pass_context
def match_cmd(click_ctx: click.Context, vacancy_id: str | None, citizen_id: str | None, limit: int,
              include_excluded: bool, max_km: float | None, only_without_restrictions: bool,
              as_json: bool) -> None:
    if click_ctx.invoked_subcommand is not None:
        return
    ctx = click_ctx.find_object(Context)
    if (vacancy_id is None) == (citizen_id is None):
        raise click.UsageError(t(CTX, _N(CTX, "Angiv enten --vacancy eller --citizen.")))
    filters = matching.MatchFilters(max_km, only_without_restrictions)
    with ctx.open() as store, store.read() as s:
        if vacancy_id is not None:
            ranking = matching.rank_citizens(s, vacancy_id, include_excluded=include_excluded)
        else:
            assert citizen_id is not None
            ranking = matching.rank_vacancies(s, citizen_id, include_excluded=include_excluded)
        shown = ranking.view(filters, include_excluded=include_excluded, limit=limit)
        subject = (matching.load_vacancy(s, vacancy_id) if vacancy_id is not None
                   else matching.load_citizen(s, citizen_id or ""))
    if as_json:
        click.echo(json.dumps([_as_dict(ranking, a) for a in shown], ensure_ascii=False,
                              indent=2))
        return
    click.echo(render(_heading(subject)))
    if not shown:
        click.echo(t(CTX, _N(CTX, "Ingen passer.")))
    for place, a in enumerate(shown, 1):
        name = _name(ranking, a)
        name = render(name) if isinstance(name, Message) else name
        click.echo(f"{place:>3}. {_score(a)}  {name}  [{ranking.other_id(a)}]")
        for message in a.excluded_because or a.reasons:
            click.echo(f"        {'✗' if a.excluded else '·'} {render(message)}")


def _as_dict(ranking: matching.Ranking, a: matching.Assessment) -> dict[str, object]:
    # Machine-readable: the Danish source texts, whatever the language (as before).
    return {"id": ranking.other_id(a), "name": str(_name(ranking, a)),
            "score": None if a.excluded else round(a.score, 1),
            "reasons": [str(m) for m in a.reasons],
            "excluded_because": [str(m) for m in a.excluded_because]}


def _score(a: matching.Assessment) -> str:
    return "  –" if a.excluded else f"{a.score:3.0f}"


def _name(ranking: matching.Ranking, a: matching.Assessment) -> str | Message:
    """A citizen by name; a vacancy by its title, kind and employer, to be translated."""
    if ranking.side == "citizen":
        return a.citizen.name
    v = a.vacancy
    return Message(CTX, _N(CTX, "{title} ({kind}) hos {employer}"),
                   {"title": v.title, "employer": v.employer_name,
                    "kind": Message(domain.CTX, VACANCY_KINDS.get(v.kind, v.kind))})


def _heading(subject: matching.VacancyFacts | matching.CitizenFacts) -> Message:
    if isinstance(subject, matching.VacancyFacts):
        return Message(CTX, _N(CTX, "Borgere til {title} hos {employer}:"),
                       {"title": subject.title, "employer": subject.employer_name})
    return Message(CTX, _N(CTX, "Stillinger til {name}:"), {"name": subject.name})


@match_cmd.command("propose", help=helptext(CTX, _N(CTX, "Foreslå borgeren til stillingen "
                                                         "(første trin i forløbet). Skriver "
                                                         "matchets id.")))
@option("--vacancy", "vacancy_id", required=True,
        help=helptext(CTX, _N(CTX, "Stillingens id.")))
@option("--citizen", "citizen_id", required=True,
        help=helptext(CTX, _N(CTX, "Borgerens id.")))
@option("--note", default="", help=helptext(CTX, _N(CTX, "En bemærkning i matchets historik.")))
@option("--json", "as_json", is_flag=True,
        help=helptext(CTX, _N(CTX, "Maskinlæsbart: id og trin.")))
@pass_context
def propose_cmd(ctx: Context, vacancy_id: str, citizen_id: str, note: str,
                as_json: bool) -> None:
    with ctx.open() as store, store.write() as s:
        # The score the desktop's suggestion list shows: the same assessment, saved with it.
        assessment = matching.assess(matching.load_vacancy(s, vacancy_id),
                                     matching.load_citizen(s, citizen_id))
        score = None if assessment.excluded else round(assessment.score, 1)
        found = services.propose_match(s, vacancy_id, citizen_id, score=score, note=note)
        result = {"id": found.id, "status": found.status, "score": found.score}
    if as_json:
        echo_json(result)
    else:
        click.echo(result["id"])


@match_cmd.command("move", help=helptext(CTX, _N(CTX, "Flyt et match til et trin i forløbet: "
                                                      "{stages}. Et afslag (declined) kræver "
                                                      "en begrundelse (--note)."),
                                         stages=", ".join(MATCH_STATUSES)))
@argument("match_id", metavar=helptext(CTX, _N(CTX, "ID")))
@argument("stage", metavar=helptext(CTX, _N(CTX, "TRIN")))
@option("--note", default="", help=helptext(CTX, _N(CTX, "Bemærkning; for et afslag "
                                                         "begrundelsen.")))
@option("--json", "as_json", is_flag=True,
        help=helptext(CTX, _N(CTX, "Maskinlæsbart: id og trin.")))
@pass_context
def move_cmd(ctx: Context, match_id: str, stage: str, note: str, as_json: bool) -> None:
    with ctx.open() as store, store.write() as s:
        moved = services.move_match(s, match_id, stage, note)
        result = {"id": moved.id, "status": moved.status}
    if as_json:
        echo_json(result)
    else:
        click.echo(f"{result['id']}: {t(domain.CTX, MATCH_STATUSES[result['status']])}")


@match_cmd.command("history", help=helptext(CTX, _N(CTX, "Vis et matchs historik: hvert trin, "
                                                         "hvornår og af hvem.")))
@argument("match_id", metavar=helptext(CTX, _N(CTX, "ID")))
@option("--json", "as_json", is_flag=True,
        help=helptext(CTX, _N(CTX, "Maskinlæsbart output.")))
@pass_context
def history_cmd(ctx: Context, match_id: str, as_json: bool) -> None:
    with ctx.open() as store, store.read() as s:
        events = [{"at": e.at, "from": e.from_status, "to": e.to_status, "by": e.by,
                   "note": e.note} for e in services.match_history(s, match_id)]
    if as_json:
        echo_json(events)
        return
    for e in events:
        step = t(domain.CTX, MATCH_STATUSES[e["to"]]) if e["to"] in MATCH_STATUSES \
            else e["to"]
        click.echo(f"{texts.moment(e['at'])}  {step:<12} {e['by']}  {e['note']}".rstrip())
