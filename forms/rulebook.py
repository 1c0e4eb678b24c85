"""The rule sets in force on this device: the ones shipped in the program, replaced per
effective date by rule sets the central service published, signed.

The law changes; the program should not have to. The service publishes a rule set (the same
JSON as a shipped file in ``consultant_app/data/rulesets/``, ``consultant_app.rulesets``) as
a signed document::

    {"format": "consultant-app/ruleset/1", "effective_from": "2027-01-01", "version": 2,
     "published_at": "2026-11-25T22:00:00+00:00", "ruleset": {...the rule-set JSON...}}

signed with the service CA's Ed25519 key over its RFC 8785 canonical bytes
(``sync.server.rulesets``). The device pulls the documents at sync, verifies each against the
CA certificate it received at enrollment and keeps it in ``profile_meta`` under
``ruleset:<effective date>:<version>``. Every kept document is verified again before use, so
a profile edited behind the program's back cannot change the rules; a document that fails is
refused, never used. Per effective date the highest published version replaces the shipped
set; the shipped sets stay the fallback (a device that never synced, a date nobody
published for).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy.orm import Session

from consultant_app import rulesets as shipped_sets
from consultant_app.store import settings
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message

from . import canonical, rules

log = logging.getLogger(__name__)

CTX = "rules"
FORMAT = "consultant-app/ruleset/1"


class RuleSetRefused(Exception):
    """A published rule set this device will not use; ``message`` says why, in Danish."""

    def __init__(self, message: Message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Published:
    """A verified published rule set."""

    effective_from: str
    version: int
    published_at: str
    body: dict[str, Any]
    sha256: str


def document_bytes(document: dict[str, Any]) -> bytes:
    """The bytes the service signs and the device verifies."""
    return canonical.canonical_json(document)


def check_body(body: Any, published: dict[str, dict[str, Any]] | None = None) -> list[str]:
    """What is wrong with a rule-set JSON (empty when nothing is), each naming the key: the
    shipped sets' schema and citations (``consultant_app.rulesets.validate``), rules this
    program knows, and a trial run of every type. ``published``: the latest published set per
    effective date, which a ``based_on`` may name besides the shipped ones (None: any earlier
    date; the device resolves it when it builds the sets). A rule the program does not know
    means the set needs a newer program."""
    if not isinstance(body, dict):
        return ["Regelsættet skal være et JSON-objekt."]
    day = body.get("effective_from")
    try:
        dt.date.fromisoformat(day)
    except (TypeError, ValueError):
        return ["'effective_from' skal være en dato (ÅÅÅÅ-MM-DD)."]
    types = body.get("types")
    if not isinstance(types, dict) or not types:
        return ["'types' skal angive reglerne for mindst én aftaletype."]
    problems: list[str] = []
    for agreement_type, spec in types.items():
        keys = spec.get("rules", []) if isinstance(spec, dict) else None
        if not isinstance(keys, list):
            problems.append(f"'types.{agreement_type}.rules' skal være en liste.")
            continue
        unknown = [k for k in keys if k not in rules.RULES]
        if unknown:
            problems.append(f"'types.{agreement_type}.rules' nævner regler, som denne version "
                            f"af programmet ikke kender: {', '.join(map(str, unknown))}.")
    raw = {d["effective_from"]: d for d in shipped_sets.shipped()} | (published or {})
    base = body.get("based_on")
    if base is not None and (not isinstance(base, str) or base >= day
                             or (published is not None and base not in raw)):
        problems.append(f"'based_on' ({base}) skal være datoen for et tidligere regelsæt.")
    if problems or (base is not None and base not in raw):
        return problems  # the device: based on a published set it resolves when it builds
    raw[day] = body
    try:
        built = {r.effective_from.isoformat(): r for r in shipped_sets.load(raw.values())}
        ruleset = built[day]
        facts = rules.Facts(today=ruleset.effective_from)
        for agreement_type in ruleset.params.get("types", {}):
            rules.evaluate(agreement_type, {"start_date": ruleset.effective_from}, facts,
                           ruleset)
    except shipped_sets.RuleSetError as exc:
        return [str(exc)]
    except Exception as exc:  # noqa: BLE001 - any failure means the set cannot be applied
        return [f"Regelsættet kan ikke anvendes: {type(exc).__name__}: {exc}"]
    return []


def _ca_key(ca_pem: str) -> Ed25519PublicKey:
    try:
        key = x509.load_pem_x509_certificate(ca_pem.encode("ascii")).public_key()
    except (ValueError, UnicodeEncodeError):
        key = None
    if not isinstance(key, Ed25519PublicKey):
        raise RuleSetRefused(Message(CTX, _N(
            CTX, "Regelsæt fra den centrale tjeneste kan ikke kontrolleres: enheden har ikke "
                 "tjenestens rodcertifikat. Tilmeld enheden igen."), {}))
    return key


@lru_cache(maxsize=256)
def verify(envelope_json: str, ca_pem: str) -> Published:
    """The published rule set in ``envelope_json`` (``{"document", "signature"}``) if the
    service's CA signed exactly this document, else RuleSetRefused naming the set."""
    try:
        envelope = json.loads(envelope_json)
        document, signature = envelope["document"], base64.b64decode(envelope["signature"])
        name = f"{document['effective_from']} v{document['version']}"
    except (ValueError, KeyError, TypeError):
        raise RuleSetRefused(Message(CTX, _N(
            CTX, "Et regelsæt fra den centrale tjeneste kunne ikke læses og bruges ikke."),
            {})) from None
    data = document_bytes(document)
    try:
        _ca_key(ca_pem).verify(signature, data)
    except InvalidSignature:
        raise RuleSetRefused(Message(CTX, _N(
            CTX, "Regelsættet {name} bruges ikke: det er ikke underskrevet af den centrale "
                 "tjeneste, enheden er tilmeldt (underskriften passer ikke)."),
            {"name": name})) from None
    body = document.get("ruleset")
    problems = check_body(body)
    if document.get("format") != FORMAT or not isinstance(body, dict) \
            or body.get("effective_from") != document["effective_from"]:
        problems.append("formatet er ukendt")
    if problems:
        raise RuleSetRefused(Message(CTX, _N(
            CTX, "Regelsættet {name} bruges ikke: {problems}"),
            {"name": name, "problems": " ".join(problems)}))
    return Published(document["effective_from"], int(document["version"]),
                     str(document.get("published_at", "")), body,
                     hashlib.sha256(data).hexdigest())


def meta_key(effective_from: str, version: int) -> str:
    return f"{settings.RULESET_PREFIX}{effective_from}:{version:06d}"


def save(session: Session, envelopes: list[dict[str, Any]]
         ) -> tuple[list[str], list[tuple[int, Message]]]:
    """Keep the published rule sets that verify (in ``session``'s transaction); returns the
    names of those newly kept (one kept before, unchanged, is not named again) and, for each
    refused, its service id and why."""
    ca_pem = settings.get(session, settings.DEVICE_CA_CERTIFICATE)
    kept: list[str] = []
    refused: list[tuple[int, Message]] = []
    for envelope in sorted(envelopes, key=lambda e: (str(e.get("document", {}).get(
            "effective_from")), e.get("document", {}).get("version", 0))):
        text = json.dumps({"document": envelope.get("document"),
                           "signature": envelope.get("signature")}, ensure_ascii=False,
                          sort_keys=True)
        try:
            published = verify(text, ca_pem)
        except RuleSetRefused as exc:
            refused.append((int(envelope.get("id", 0) or 0), exc.message))
            continue
        key = meta_key(published.effective_from, published.version)
        if settings.get(session, key) == text:
            continue  # asked for again after a refusal of another set: not news
        settings.put(session, key, text)
        kept.append(f"{published.body.get('name', '')} ({published.effective_from}, "
                    f"version {published.version})")
    return kept, refused


def _stored(session: Session) -> tuple[tuple[str, str], ...]:
    return settings.with_prefix(session, settings.RULESET_PREFIX)


def in_force(session: Session) -> tuple[rules.RuleSet, ...]:
    """The rule sets this device judges by: shipped, with the published ones verified and in
    their place (see the module docstring)."""
    stored = _stored(session)
    if not stored:
        return rules.rulesets()
    ca_pem = settings.get(session, settings.DEVICE_CA_CERTIFICATE)
    return _build(stored, ca_pem)


@lru_cache(maxsize=8)
def _build(stored: tuple[tuple[str, str], ...], ca_pem: str) -> tuple[rules.RuleSet, ...]:
    latest: dict[str, Published] = {}
    for key, text in stored:
        try:
            published = verify(text, ca_pem)
        except RuleSetRefused as exc:
            log.warning("stored rule set %s refused: %s", key, exc)
            continue
        current = latest.get(published.effective_from)
        if current is None or published.version > current.version:
            latest[published.effective_from] = published
    raw = {d["effective_from"]: d for d in shipped_sets.shipped()}
    publications = {}
    for day, published in sorted(latest.items()):
        if published.body.get("based_on") not in (None, *raw):
            log.warning("published rule set %s is based on a set this device lacks", day)
            continue
        raw[day] = published.body
        publications[day] = shipped_sets.Publication(shipped_sets.PUBLISHED,
                                                     published.version, published.sha256)
    try:
        built = shipped_sets.load(raw.values(), publications)
    except shipped_sets.RuleSetError as exc:  # verified, yet not buildable with the others
        log.warning("published rule sets not used: %s", exc)
        return rules.rulesets()
    _seen.update((r.publication.sha256, r) for r in built)
    return built


_seen: dict[str, rules.RuleSet] = {}  # every set built in this process, by SHA-256


def by_reference(reference: dict[str, Any] | None) -> rules.RuleSet | None:
    """The rule set an agreement recorded (``RuleSet.reference``), if this process knows it:
    a shipped one, or a published one it verified; None otherwise."""
    if not reference:
        return None
    if not _seen:
        _seen.update((r.publication.sha256, r) for r in rules.rulesets())
    return _seen.get(str(reference.get("sha256")))


def ruleset_for(session: Session, day: dt.date) -> rules.RuleSet:
    """The rule set in force on ``day`` on this device."""
    return rules.ruleset_for(day, in_force(session))


# -- the rule book: the rules in force on a date, in plain Danish ---------------------------------
RULE_TEXTS: dict[str, str] = {
    "target_group_allowed": _N(CTX, "Hvilke målgrupper der kan få denne type aftale."),
    "closed_to_new_cases": _N(CTX, "Målgrupper, der er lukket for nye forløb."),
    "max_duration": _N(CTX, "Den længste varighed, efter målgruppe."),
    "max_duration_raised": _N(CTX, "Hvornår den længste varighed er længere."),
    "max_duration_extension": _N(CTX, "Forlængelse efter en konkret vurdering."),
    "max_duration_exception": _N(CTX, "Den længere varighed for borgere med ingen eller ringe "
                                      "erhvervserfaring eller langvarig ledighed."),
    "max_duration_dimittend": _N(CTX, "Den længere varighed for dimittender i forsøget."),
    "max_duration_beyond": _N(CTX, "Yderligere perioder ud over forlængelsen, hver efter en "
                                   "konkret vurdering."),
    "hours_within_full_time": _N(CTX, "Timerne ligger inden for almindelig fuld tid."),
    "approval_before_start": _N(CTX, "Aftalen må ikke begynde, før kommunen har godkendt den."),
    "not_last_employer": _N(CTX, "Ikke praktik hos borgerens seneste arbejdsgiver."),
    "ratio": _N(CTX, "Rimelighedskravet: hvor mange personer i praktik, løntilskud og "
                     "nytteindsats der må være pr. ordinært ansatte på arbejdspladsen."),
    "ratio_statement": _N(CTX, "Arbejdsgiveren og en tillidsrepræsentant tilkendegiver "
                               "skriftligt, om rimelighedskravet er opfyldt."),
    "additional_employment": _N(CTX, "Merbeskæftigelseskravet: antallet af ordinært ansatte "
                                     "må ikke være faldet, og stillingen må ikke være ledig "
                                     "ved afskedigelse."),
    "employee_representative": _N(CTX, "Tillidsrepræsentanten høres om ansættelsen."),
    "prior_unemployment": _N(CTX, "Krav om ledighed forud for ansættelse med løntilskud, og "
                                  "hvem der er undtaget."),
    "subsidy_share": _N(CTX, "Tilskuddet må højst udgøre en vis andel af lønomkostningen."),
    "min_hours": _N(CTX, "Det mindste antal timer om ugen."),
    "min_hours_per_week": _N(CTX, "Det mindste antal timer om ugen."),
    "igu_age": _N(CTX, "Alder ved start på IGU."),
    "igu_last_start": _N(CTX, "Sidste dag, et IGU-forløb kan begynde."),
    "last_start_date": _N(CTX, "Sidste dag, et IGU-forløb kan begynde."),
    "igu_school_weeks": _N(CTX, "Antal skoleuger i forløbet."),
    "school_weeks_min": _N(CTX, "Antal skoleuger i forløbet."),
    "notices": _N(CTX, "Meddelelse til konsulenten."),
}


@dataclass(frozen=True)
class BookEntry:
    """One rule (or one part of it) as the rule book shows it."""

    agreement_type: str
    type_title: str
    key: str
    text: str            # what the rule is about (Danish)
    value: str           # the parameter in plain Danish ("" for rules without one)
    citation: str        # "LAB § 61, stk. 1"
    law: str             # the law's full title
    confirmed: bool
    note: str


@dataclass(frozen=True)
class Book:
    ruleset: rules.RuleSet
    entries: list[BookEntry]
    refused: tuple[str, ...] = ()  # why the last sync refused published sets, if it did

    @property
    def origin_text(self) -> str:
        publication = self.ruleset.publication
        if publication.origin == shipped_sets.PUBLISHED:
            return Message(CTX, _N(CTX, "offentliggjort af den centrale tjeneste, version "
                                        "{version}"), {"version": publication.version}).render()
        return Message(CTX, _N(CTX, "som programmet har det med"), {}).render()


# The names of rule parameters and words in them, as the rule book shows them.
PARAMETER_WORDS: dict[str, str] = {
    "to": _N(CTX, "op til"), "groups": _N(CTX, "målgrupper"),
    "dimittend": _N(CTX, "dimittender"), "min_age": _N(CTX, "mindst alder"),
    "min_unemployed_months": _N(CTX, "ledig mindst (måneder)"),
    "per": _N(CTX, "1 person pr. ordinært ansatte"), "first": _N(CTX, "for de første"),
    "then_per": _N(CTX, "derefter 1 pr."), "minimum": _N(CTX, "altid mindst"),
    "since": _N(CTX, "siden"), "severity": _N(CTX, "vurderes som"),
    "months": _N(CTX, "måneder"), "exempt_age": _N(CTX, "undtaget fra alderen"),
    "exempt_groups": _N(CTX, "undtagne målgrupper"), "error": _N(CTX, "fejl"),
    "warning": _N(CTX, "advarsel"), "info": _N(CTX, "oplysning"),
    "max_share": _N(CTX, "højst andel"), "min": _N(CTX, "mindst"), "max": _N(CTX, "højst"),
}


def _word(key: str) -> str:
    from consultant_app.domain import TARGET_GROUPS

    from .rules.reading import GROUP_LABELS
    return str(TARGET_GROUPS.get(key) or GROUP_LABELS.get(key) or PARAMETER_WORDS.get(key)
               or key)


def _plain(value: Any) -> str:
    """A rule parameter in plain Danish: "weeks:4" -> "4 uger", null -> "ingen grænse"."""
    if value is None:
        return _N(CTX, "ingen grænse")
    if isinstance(value, bool):
        return _N(CTX, "ja") if value else _N(CTX, "nej")
    if isinstance(value, str):
        unit, _, amount = value.partition(":")
        units = {"weeks": _N(CTX, "uger"), "months": _N(CTX, "måneder"),
                 "years": _N(CTX, "år"), "days": _N(CTX, "dage")}
        if unit in units and amount:
            return f"{amount} {units[unit]}"
        return _word(value)
    if isinstance(value, list):
        return ", ".join(_plain(v) if not isinstance(v, dict) else str(v.get("key", v))
                         for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{_word(k)}: {_plain(v)}" for k, v in value.items())
    return str(value)


def _parameter(ruleset: rules.RuleSet, agreement_type: str, key: str) -> Any:
    spec = ruleset.for_type(agreement_type)
    rule, _, part = key.partition(".")
    names = {"target_group_allowed": "allowed_groups", "min_hours": "min_hours_per_week",
             "igu_last_start": "last_start_date", "igu_school_weeks": "school_weeks_min",
             "closed_to_new_cases": "closed_groups"}
    value = spec.get(rule, spec.get(names.get(rule, ""), ruleset.params.get(
        names.get(rule, rule))))
    if part and isinstance(value, dict):
        if part.startswith("notices"):
            return None
        return value.get(part, ruleset.lookup(value, part) if part else value)
    if rule == "notices":
        return None
    return value


def book(ruleset: rules.RuleSet, agreement_type: str | None = None) -> Book:
    """The rules of ``ruleset`` (for one type, or all), each with its citation."""
    from .templates import get_template
    entries = []
    types = [agreement_type] if agreement_type else list(ruleset.params.get("types", {}))
    for name in types:
        if name not in ruleset.params.get("types", {}):
            continue
        try:
            title = get_template(name).title
        except KeyError:
            title = name
        for key, citation in sorted(ruleset.citations(name).items()):
            rule = key.partition(".")[0]
            if rule == "notices":
                text = _notice_text(key.partition(".")[2])
            else:
                text = RULE_TEXTS.get(rule, rule)
                if "." in key:
                    text = f"{text} ({_plain(key.partition('.')[2])})"
            value = _parameter(ruleset, name, key)
            entries.append(BookEntry(
                name, title, key, text, "" if value is None and rule in (
                    "notices", "not_last_employer", "approval_before_start",
                    "employee_representative", "hours_within_full_time") else _plain(value),
                citation.text(), ruleset.law_title(citation.law), citation.confirmed,
                citation.note))
    return Book(ruleset, entries)


def _notice_text(key: str) -> str:
    from .rules.checks import NOTICES
    return NOTICES.get(key, key)


def book_on(session: Session | None, day: dt.date, agreement_type: str | None = None) -> Book:
    """The rule book for ``day`` on this device (shipped sets only without a session)."""
    if session is None:
        return book(rules.ruleset_for(day), agreement_type)
    found = book(ruleset_for(session, day), agreement_type)
    refused = settings.get(session, settings.RULESETS_REFUSED)
    return Book(found.ruleset, found.entries, tuple(json.loads(refused)) if refused else ())
