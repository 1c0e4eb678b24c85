"""Matching citizens and vacancies (see consultant_app.matching)."""

from __future__ import annotations

import json

import click

from .. import matching
from ..domain import VACANCY_KINDS
from .common import Context, cli, pass_context


@cli.command("match", help="Find de bedste borgere til en stilling, eller stillinger til en "
                           "borger, med begrundelser.")
@click.option("--vacancy", "vacancy_id", default=None, help="Stillingens id: ranglist borgere.")
@click.option("--citizen", "citizen_id", default=None, help="Borgerens id: ranglist stillinger.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1_000_000))
@click.option("--include-excluded", is_flag=True,
              help="Vis også dem, der ikke kan komme i betragtning, og hvorfor.")
@click.option("--max-km", type=click.FloatRange(0, 500), default=None,
              help="Kun dem der bor højst så mange km væk.")
@click.option("--only-without-restrictions", is_flag=True, help="Kun borgere uden skånehensyn.")
@click.option("--json", "as_json", is_flag=True,
              help="Maskinlæsbart: id, score, reasons, excluded_because.")
@pass_context
def match_cmd(ctx: Context, vacancy_id: str | None, citizen_id: str | None, limit: int,
              include_excluded: bool, max_km: float | None, only_without_restrictions: bool,
              as_json: bool) -> None:
    if (vacancy_id is None) == (citizen_id is None):
        raise click.UsageError("Angiv enten --vacancy eller --citizen.")
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
    click.echo(_heading(subject))
    if not shown:
        click.echo("Ingen passer.")
    for place, a in enumerate(shown, 1):
        click.echo(f"{place:>3}. {_score(a)}  {_name(ranking, a)}  [{ranking.other_id(a)}]")
        for message in a.excluded_because or a.reasons:
            click.echo(f"        {'✗' if a.excluded else '·'} {message}")


def _as_dict(ranking: matching.Ranking, a: matching.Assessment) -> dict[str, object]:
    return {"id": ranking.other_id(a), "name": _name(ranking, a),
            "score": None if a.excluded else round(a.score, 1),
            "reasons": [str(m) for m in a.reasons],
            "excluded_because": [str(m) for m in a.excluded_because]}


def _score(a: matching.Assessment) -> str:
    return "  –" if a.excluded else f"{a.score:3.0f}"


def _name(ranking: matching.Ranking, a: matching.Assessment) -> str:
    if ranking.side == "citizen":
        return a.citizen.name
    v = a.vacancy
    return f"{v.title} ({VACANCY_KINDS.get(v.kind, v.kind)}) hos {v.employer_name}"


def _heading(subject: matching.VacancyFacts | matching.CitizenFacts) -> str:
    if isinstance(subject, matching.VacancyFacts):
        return f"Borgere til {subject.title} hos {subject.employer_name}:"
    return f"Stillinger til {subject.name}:"
