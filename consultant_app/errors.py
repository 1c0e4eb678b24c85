"""Errors the core raises for bad input and store trouble.

Every error carries a Danish message (see ``text.Message``) that names what is wrong; the CLI
and UI show that message and never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from .text import QT_TRANSLATE_NOOP, Message

CTX = "problems"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field. ``field`` is the model attribute or CSV column name."""

    field: str
    message: Message
    # The field's Danish label and its translation context, when the field is not one of the
    # records' (FIELD_LABELS): an agreement template's field names its own label.
    label: str = ""
    label_context: str = "fields"

    @classmethod
    def of(cls, field: str, template: str, **params: Any) -> "Problem":
        return cls(field, Message(CTX, template, params))

    def labelled(self, label: str, context: str) -> "Problem":
        return Problem(self.field, self.message, label, context)

    def field_text(self, translate: Any = None) -> str:
        """The field's label, translated by ``translate(context, text)`` when given."""
        label, context = ((self.label, self.label_context) if self.label
                          else (field_label(self.field), "fields"))
        return translate(context, label) if translate is not None else label

    def __str__(self) -> str:
        return f"{self.field_text()}: {self.message}"


class UserError(Exception):
    """Base for errors that a user caused or can fix; shown as a message, never a traceback."""

    def __init__(self, message: Message):
        super().__init__(str(message))
        self.message = message


class ValidationError(UserError):
    """Input failed validation; ``problems`` lists each field and what is wrong with it."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        text = "; ".join(str(p) for p in self.problems)
        super().__init__(Message(CTX, "{text}", {"text": text}))

    def __reduce__(self) -> tuple[type, tuple[list[Problem]]]:
        # Rebuilt from its problems (a process pool pickles it), not from the joined text.
        return (type(self), (self.problems,))

    def for_field(self, field: str) -> list[Problem]:
        return [p for p in self.problems if p.field == field]


class NotFound(UserError):
    def __init__(self, what: str | Message, ident: str):
        # ``what`` as a Message is translated with the message (the command line's nouns).
        super().__init__(
            Message(CTX, QT_TRANSLATE_NOOP(CTX, "{what} med id {ident} findes ikke."),
                    {"what": what, "ident": ident})
        )


class Noun:
    """What a ``NotFound`` names (``NotFound(Noun.VACANCY, ident)``), as messages: a noun
    given as plain text stays Danish in an English sentence."""

    EMPLOYER = Message(CTX, QT_TRANSLATE_NOOP(CTX, "Virksomhed"))
    CONTACT = Message(CTX, QT_TRANSLATE_NOOP(CTX, "Kontaktperson"))
    VISIT = Message(CTX, QT_TRANSLATE_NOOP(CTX, "Besøg"))
    VACANCY = Message(CTX, QT_TRANSLATE_NOOP(CTX, "Stilling"))
    CITIZEN = Message(CTX, QT_TRANSLATE_NOOP(CTX, "Borger"))
    CONFLICT = Message(CTX, QT_TRANSLATE_NOOP(CTX, "Konflikt"))
    MATCH = Message(CTX, QT_TRANSLATE_NOOP(CTX, "Match"))


class StoreError(UserError):
    """Trouble with the profile's database file itself."""


class ProfileLocked(StoreError):
    def __init__(self, path: str):
        super().__init__(Message(CTX, QT_TRANSLATE_NOOP(
            CTX, "Profilen i {path} er allerede åben i et andet vindue eller program. "
                 "Luk det først, og prøv igen."), {"path": path}))


class DatabaseBusy(StoreError):
    def __init__(self) -> None:
        super().__init__(Message(CTX, QT_TRANSLATE_NOOP(
            CTX, "Databasen er optaget af et andet program. Prøv igen om lidt."), {}))


class CorruptDatabase(StoreError):
    def __init__(self, path: str, detail: str):
        super().__init__(Message(CTX, QT_TRANSLATE_NOOP(
            CTX, "Databasefilen {path} er beskadiget eller ikke en database ({detail}). "
                 "Filen er ikke ændret; kontakt support, eller synkronisér en ny profil."),
            {"path": path, "detail": detail}))


class NotAProfile(StoreError):
    def __init__(self, path: str):
        super().__init__(Message(CTX, QT_TRANSLATE_NOOP(
            CTX, "Databasefilen {path} er ikke en profil fra dette program, men en anden "
                 "databases fil. Filen er ikke ændret; vælg den rigtige profilmappe."),
            {"path": path}))


class ProfileUnfinished(StoreError):
    def __init__(self, path: str):
        super().__init__(Message(CTX, QT_TRANSLATE_NOOP(
            CTX, "Profilen i {path} blev aldrig gjort færdig (oprettelsen blev afbrudt), og den "
                 "indeholder ingen data. Opret den igen med 'consultant-app init'."),
            {"path": path}))


class DiskFull(StoreError):
    def __init__(self) -> None:
        super().__init__(Message(CTX, QT_TRANSLATE_NOOP(
            CTX, "Disken er fuld. Intet er gemt af denne ændring; frigør plads og prøv igen."), {}))


class WrongPassphrase(StoreError):
    def __init__(self) -> None:
        super().__init__(Message(CTX, QT_TRANSLATE_NOOP(
            CTX, "Forkert adgangskode. Profilen er ikke åbnet."), {}))


class ProfileMissing(StoreError):
    def __init__(self, path: str):
        super().__init__(Message(CTX, QT_TRANSLATE_NOOP(
            CTX, "Der er ingen profil i {path}. Opret en med 'consultant-app init'."),
            {"path": path}))


class ProfileExists(StoreError):
    def __init__(self, path: str):
        super().__init__(Message(CTX, QT_TRANSLATE_NOOP(
            CTX, "Der findes allerede en profil i {path}."), {"path": path}))


class NewerSchema(StoreError):
    def __init__(self, revision: str):
        super().__init__(Message(CTX, QT_TRANSLATE_NOOP(
            CTX, "Profilen er lavet af en nyere version af programmet (skema {revision}). "
                 "Opdatér programmet."), {"revision": revision}))


# Danish names of fields, used when a message names the field it is about.
FIELD_LABELS: dict[str, str] = {
    "cvr": QT_TRANSLATE_NOOP("fields", "CVR-nummer"),
    "p_number": QT_TRANSLATE_NOOP("fields", "P-nummer"),
    "cpr": QT_TRANSLATE_NOOP("fields", "CPR-nummer"),
    "postcode": QT_TRANSLATE_NOOP("fields", "Postnummer"),
    "phone": QT_TRANSLATE_NOOP("fields", "Telefon"),
    "email": QT_TRANSLATE_NOOP("fields", "E-mail"),
    "name": QT_TRANSLATE_NOOP("fields", "Navn"),
    "address": QT_TRANSLATE_NOOP("fields", "Adresse"),
    "industry": QT_TRANSLATE_NOOP("fields", "Branche"),
    "ordinary_employees": QT_TRANSLATE_NOOP("fields", "Ordinært ansatte"),
    "employees_as_of": QT_TRANSLATE_NOOP("fields", "Ansatte opgjort pr. måned"),
    "subsidised_persons": QT_TRANSLATE_NOOP("fields", "Personer i støttet beskæftigelse"),
    "title": QT_TRANSLATE_NOOP("fields", "Titel"),
    "occupation": QT_TRANSLATE_NOOP("fields", "Stillingsbetegnelse"),
    "kind": QT_TRANSLATE_NOOP("fields", "Type"),
    "hours_min": QT_TRANSLATE_NOOP("fields", "Timer pr. uge (fra)"),
    "hours_max": QT_TRANSLATE_NOOP("fields", "Timer pr. uge (til)"),
    "positions": QT_TRANSLATE_NOOP("fields", "Antal stillinger"),
    "status": QT_TRANSLATE_NOOP("fields", "Status"),
    "start_date": QT_TRANSLATE_NOOP("fields", "Startdato"),
    "deadline": QT_TRANSLATE_NOOP("fields", "Ansøgningsfrist"),
    "requirements": QT_TRANSLATE_NOOP("fields", "Krav"),
    "skills": QT_TRANSLATE_NOOP("fields", "Kompetencer"),
    "target_group": QT_TRANSLATE_NOOP("fields", "Målgruppe"),
    "max_hours_per_week": QT_TRANSLATE_NOOP("fields", "Maks. timer pr. uge"),
    "max_commute_km": QT_TRANSLATE_NOOP("fields", "Maks. transport (km)"),
    "restrictions": QT_TRANSLATE_NOOP("fields", "Skånehensyn"),
    "driving_licence": QT_TRANSLATE_NOOP("fields", "Kørekort"),
    "languages": QT_TRANSLATE_NOOP("fields", "Sprog"),
    "wished_occupations": QT_TRANSLATE_NOOP("fields", "Ønskede jobs"),
    "employer_id": QT_TRANSLATE_NOOP("fields", "Virksomhed"),
    "vacancy_id": QT_TRANSLATE_NOOP("fields", "Stilling"),
    "citizen_id": QT_TRANSLATE_NOOP("fields", "Borger"),
    "visit_date": QT_TRANSLATE_NOOP("fields", "Besøgsdato"),
    "follow_up_date": QT_TRANSLATE_NOOP("fields", "Opfølgning"),
    "unemployed_since": QT_TRANSLATE_NOOP("fields", "Ledig siden"),
    "notes": QT_TRANSLATE_NOOP("fields", "Noter"),
    "strokes": QT_TRANSLATE_NOOP("fields", "Underskrift"),
    "signer_name": QT_TRANSLATE_NOOP("fields", "Underskriverens navn"),
    "role": QT_TRANSLATE_NOOP("fields", "Rolle"),
    "identity_check": QT_TRANSLATE_NOOP("fields", "Identitetskontrol"),
    "certificate_pem": QT_TRANSLATE_NOOP("fields", "Certifikat"),
    "ca_certificate_pem": QT_TRANSLATE_NOOP("fields", "Certifikat"),
    "agreement_type": QT_TRANSLATE_NOOP("fields", "Aftaletype"),
    "decline_reason": QT_TRANSLATE_NOOP("fields", "Begrundelse for afslag"),
}


def field_label(field: str) -> str:
    return FIELD_LABELS.get(field, field)
