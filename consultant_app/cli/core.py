"""Profile, demo data and search. The desktop's commands (``gui``, ``demo``) live in
``ui.cli`` and join the group through an entry point."""

from __future__ import annotations

import json
import os
import sys

import click
from sqlalchemy import func, select

from ..search import KINDS, search
from ..store import Store
from ..store.models import Citizen, Employer, Match, OutboxEntry, Vacancy, Visit
from ..text import QT_TRANSLATE_NOOP as _N
from .common import CTX, Context, cli, pass_context
from .texts import argument, helptext, option, t


@cli.command(help=helptext(CTX, _N(CTX, "Opret en ny profil.")))
@option("--consultant", default="",
        help=helptext(CTX, _N(CTX, "Konsulentens navn.")))
@option("--remember", is_flag=True,
        help=helptext(CTX, _N(CTX, "Gem nøglen i styresystemets nøglering.")))
@pass_context
def init(ctx: Context, consultant: str, remember: bool) -> None:
    with ctx.open_or_create(consultant=consultant) as store:
        if remember:
            _remember(ctx, store)
        click.echo(t(CTX, _N(CTX, "Profil klar i {path}"), path=store.profile_dir))


def _remember(ctx: Context, store: Store) -> None:
    if store.remember_key_in_keyring():
        (ctx.profile / "keyring-profile-id").write_text(store.profile_id)
        click.echo(t(CTX, _N(CTX, "Nøglen er gemt i nøgleringen.")))
    else:
        click.echo(t(CTX, _N(CTX, "Der er ingen nøglering på denne maskine; adgangskoden skal "
                                  "bruges.")), err=True)


def counts(store: Store) -> dict[str, int]:
    with store.read() as s:
        return {
            name: s.scalar(select(func.count()).select_from(model)
                           .where(*([model.deleted.is_(False)] if name != "outbox" else []))) or 0
            for name, model in (("employers", Employer), ("vacancies", Vacancy),
                                ("citizens", Citizen), ("visits", Visit), ("matches", Match),
                                ("outbox", OutboxEntry))
        }


@cli.command("seed-demo", help=helptext(CTX, _N(CTX, "Fyld profilen med realistiske demodata.")))
@option("--employers", default=200, show_default=True, type=click.IntRange(0, 1_000_000))
@option("--vacancies", default=150, show_default=True, type=click.IntRange(0, 1_000_000))
@option("--candidates", default=500, show_default=True, type=click.IntRange(0, 1_000_000))
@option("--seed", default=7, show_default=True, type=int)
@option("--consultant", default="Demo Konsulent", show_default=True)
@pass_context
def seed_demo_cmd(ctx: Context, employers: int, vacancies: int, candidates: int, seed: int,
                  consultant: str) -> None:
    from ..demo import DemoCounts, seed_demo  # Faker is only needed here
    wanted = DemoCounts(employers, vacancies, candidates)
    total = employers + vacancies + candidates
    with ctx.open_or_create(consultant=consultant) as store:
        show = total >= 2000 and sys.stderr.isatty() or os.environ.get("CONSULTANT_APP_PROGRESS")
        with click.progressbar(length=total, label=t(CTX, _N(CTX, "Opretter demodata")),
                               file=sys.stderr,
                               hidden=not show) as bar:
            def progress(step: str, n: int) -> None:
                if step != "matches":
                    bar.update(n)
            with store.write() as s:
                seed_demo(s, wanted, seed=seed, progress=progress)
        c = counts(store)
    click.echo(t(CTX, _N(CTX, "Demodata oprettet: {employers} virksomheder, {vacancies} "
                              "stillinger, {citizens} borgere."),
                 employers=c["employers"], vacancies=c["vacancies"], citizens=c["citizens"]))


SEARCH_LABELS = {"employer": _N(CTX, "Virksomhed"), "vacancy": _N(CTX, "Stilling"),
                 "citizen": _N(CTX, "Borger")}


@cli.command("search", help=helptext(CTX, _N(CTX, "Søg i virksomheder, stillinger og borgere.")))
@argument("query")
@option("--kind", "kinds", multiple=True, type=click.Choice(KINDS),
        help=helptext(CTX, _N(CTX, "Kun denne slags (kan gentages).")))
@option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@option("--json", "as_json", is_flag=True,
        help=helptext(CTX, _N(CTX, "Maskinlæsbart output.")))
@pass_context
def search_cmd(ctx: Context, query: str, kinds: tuple[str, ...], limit: int,
               as_json: bool) -> None:
    with ctx.open() as store, store.read() as s:
        hits = search(s, query, kinds or KINDS, limit)
    if as_json:
        click.echo(json.dumps([h.__dict__ for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo(t(CTX, _N(CTX, "Ingen resultater.")))
    labels = {kind: t(CTX, label) for kind, label in SEARCH_LABELS.items()}
    width = max(len(label) for label in labels.values())
    for h in hits:
        click.echo(f"{labels[h.kind]:<{width}}  {h.title}  —  {h.subtitle}  [{h.id}]")


INFO_LABELS = {"employers": _N(CTX, "Virksomheder"), "vacancies": _N(CTX, "Stillinger"),
               "citizens": _N(CTX, "Borgere"), "visits": _N(CTX, "Besøg"),
               "matches": _N(CTX, "Match"), "outbox": _N(CTX, "Ændringer, der venter på at "
                                                         "blive synkroniseret"),
               "profile": _N(CTX, "Profil"), "consultant": _N(CTX, "Konsulent")}


@cli.command(help=helptext(CTX, _N(CTX, "Vis hvad profilen indeholder, og hvor mange ændringer "
                                        "der venter på at blive synkroniseret.")))
@option("--json", "as_json", is_flag=True,
        help=helptext(CTX, _N(CTX, "Maskinlæsbart, med engelske nøgler: employers, vacancies, "
                                   "citizens, visits, matches, outbox, profile, consultant.")))
@pass_context
def info(ctx: Context, as_json: bool) -> None:
    with ctx.open() as store:
        # A damaged page that the counts below do not read is still damage to report.
        store.refuse_if_damaged(quick=True)
        c = counts(store)
        c_out = {**c, "profile": str(store.profile_dir), "consultant": store.consultant}
    if as_json:
        click.echo(json.dumps(c_out, ensure_ascii=False))
        return
    labels = {key: t(CTX, label) for key, label in INFO_LABELS.items()}
    width = max(len(label) for label in labels.values())
    for key, value in c_out.items():
        click.echo(f"{labels[key] + ':':<{width + 1}} {value}")


@cli.command(help=helptext(CTX, _N(CTX, "Kontrollér databasefilens integritet.")))
@pass_context
def check(ctx: Context) -> None:
    with ctx.open() as store:
        store.refuse_if_damaged()
    click.echo(t(CTX, _N(CTX, "Databasen er i orden.")))


