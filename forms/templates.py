"""Agreement templates: declarative, versioned data in ``forms/data/templates/<type>.v<N>.json``.

A template says which fields an agreement type holds (grouped in sections, each with its kind,
whether it is required and where it is prefilled from), which parties sign it and with which
consent text, and how the PDF lays it out. The UI builds its wizard from a template, the rules
read the agreement's content by the standard field keys below, and the PDF renderer follows
the template's sections. A new type or version is a new JSON file: no code change in ui/.

Labels and texts are Danish source strings; the UI translates them in the "template" context
(``ui.i18n.update`` extracts them from the JSON files).

Standard field keys the rules read (a template uses those that apply to its type):
``start_date``, ``end_date``, ``hours_per_week``, ``final_hours_per_week``, ``target_group``,
``employer_cvr``, ``employer_p_number``, ``ordinary_employees``, ``normal_full_time_hours``,
``employees_last_month``, ``employees_avg_12_months``, ``vacated_by_dismissal``,
``unemployed_since``, ``unemployment_exemption``, ``wage_per_hour``, ``subsidy_per_hour``,
``subsidy_last_12_months``, ``total_wage_cost``, ``tr_name``, ``tr_statement``,
``citizen_cpr``, ``school_weeks``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from consultant_app.services.fields import is_blank

CTX = "template"

FIELD_KINDS = ("text", "multiline", "date", "number", "integer", "hours", "money", "bool",
               "choice", "cpr", "cvr", "p_number", "email", "phone", "postcode")

# Prefill sources (``FieldSpec.prefill``): "<source>.<attribute>". ``forms.prefill`` resolves
# them; "contact" is the employer's primary contact person, "consultant" the profile's user.
PREFILL_SOURCES = ("employer", "contact", "vacancy", "citizen", "match", "consultant", "today")

# Vocabularies a choice field can name in ``choices`` instead of listing options.
VOCABULARIES = ("target_groups", "unemployment_exemptions", "identity_checks")


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    kind: str = "text"
    required: bool = False
    prefill: str = ""          # "employer.name"; empty: the consultant fills it
    help: str = ""             # a short hint shown under the field and in the PDF's notes
    choices: str | dict[str, str] = ""  # a vocabulary name or {code: Danish label}
    default: Any = None
    max_length: int = 0        # text kinds; 0 = the kind's default
    minimum: float | None = None
    maximum: float | None = None
    pdf: bool = True           # shown in the PDF


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    fields: tuple[FieldSpec, ...]
    intro: str = ""


@dataclass(frozen=True)
class SignerRole:
    """A party that signs. ``required_if`` names a field: the party signs only when that field
    is filled (the employee representative, where the employer has one)."""

    role: str                  # employer | employee_representative | citizen | consultant
    label: str
    consent: str               # "Jeg bekræfter at ..."
    name_field: str = ""       # the content field holding this signer's name, if any
    required_if: str = ""


@dataclass(frozen=True)
class PdfLayout:
    title: str
    intro: str = ""
    closing: str = ""          # the text above the signature boxes
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    type: str
    version: int
    title: str
    legal_basis: str
    sections: tuple[Section, ...]
    signers: tuple[SignerRole, ...]
    pdf: PdfLayout
    vacancy_kinds: tuple[str, ...] = ()
    description: str = ""
    fields_by_key: dict[str, FieldSpec] = field(default_factory=dict, compare=False,
                                                repr=False)

    @property
    def key(self) -> str:
        return f"{self.type}.v{self.version}"

    def field(self, key: str) -> FieldSpec:
        return self.fields_by_key[key]

    def all_fields(self) -> list[FieldSpec]:
        return [f for s in self.sections for f in s.fields]

    def required_signers(self, content: dict[str, Any]) -> list[SignerRole]:
        return [s for s in self.signers
                if not s.required_if or _filled(content.get(s.required_if))]


def _filled(value: Any) -> bool:
    return value is not False and not is_blank(value)


class TemplateError(ValueError):
    """A template file is malformed (a programming error in shipped data, caught by tests)."""


def _field(raw: dict[str, Any]) -> FieldSpec:
    spec = FieldSpec(**raw)
    if spec.kind not in FIELD_KINDS:
        raise TemplateError(f"field {spec.key}: unknown kind {spec.kind!r}")
    if spec.prefill and spec.prefill.split(".")[0] not in PREFILL_SOURCES:
        raise TemplateError(f"field {spec.key}: unknown prefill source {spec.prefill!r}")
    if spec.kind == "choice" and isinstance(spec.choices, str) \
            and spec.choices not in VOCABULARIES:
        raise TemplateError(f"field {spec.key}: unknown vocabulary {spec.choices!r}")
    return spec


def parse_template(data: dict[str, Any]) -> Template:
    try:
        sections = tuple(
            Section(key=s["key"], title=s["title"], intro=s.get("intro", ""),
                    fields=tuple(_field(f) for f in s["fields"]))
            for s in data["sections"])
        signers = tuple(SignerRole(**s) for s in data["signers"])
        pdf = PdfLayout(**{**data["pdf"], "notes": tuple(data["pdf"].get("notes", ()))})
        template = Template(
            type=data["type"], version=int(data["version"]), title=data["title"],
            legal_basis=data["legal_basis"], sections=sections, signers=signers, pdf=pdf,
            vacancy_kinds=tuple(data.get("vacancy_kinds", ())),
            description=data.get("description", ""))
    except (KeyError, TypeError) as exc:
        raise TemplateError(f"template {data.get('type')!r}: {exc}") from exc
    keys = [f.key for f in template.all_fields()]
    if len(keys) != len(set(keys)):
        raise TemplateError(f"template {template.type}: a field key is used twice")
    template.fields_by_key.update({f.key: f for f in template.all_fields()})
    for signer in template.signers:
        for ref in (signer.name_field, signer.required_if):
            if ref and ref not in template.fields_by_key:
                raise TemplateError(f"template {template.type}: signer refers to {ref!r}")
    return template


@lru_cache(maxsize=1)
def _all() -> dict[tuple[str, int], Template]:
    found: dict[tuple[str, int], Template] = {}
    for entry in (resources.files("forms.data") / "templates").iterdir():
        if entry.name.endswith(".json"):
            template = parse_template(json.loads(entry.read_text("utf-8")))
            found[(template.type, template.version)] = template
    return found


def agreement_types() -> list[str]:
    """Every agreement type, in the order the wizard offers them."""
    order = list(TYPE_ORDER)
    types = sorted({t for t, _ in _all()}, key=lambda t: (order.index(t) if t in order
                                                         else len(order), t))
    return types


TYPE_ORDER = ("virksomhedspraktik", "loentilskud_privat", "loentilskud_offentlig",
              "ordinaere_timer", "mentor", "fleksjob", "igu")


def get_template(agreement_type: str, version: int | None = None) -> Template:
    """The template of a type: the given version, or the newest."""
    versions = {v: t for (ty, v), t in _all().items() if ty == agreement_type}
    if not versions:
        raise KeyError(agreement_type)
    if version is None:
        return versions[max(versions)]
    return versions[version]


def all_templates() -> list[Template]:
    return [get_template(t) for t in agreement_types()]
