"""A labelled set for search quality: records a consultant looks for, added to a seeded
profile, and what they type to find each, with the record that should come first.

The seeded rows are the distractors: at full size 1,100 citizens named Schmidt, 215
employers whose names start with "Schmidt", 15,000 records in Aarhus. The labelled records
are added through the services, as a consultant would create them, so the index's triggers
write their documents. Quality is the mean reciprocal rank (MRR) of the expected record over
the queries: 1 when it comes first, 1/2 when second, 0 when not in the first ``LIMIT``.

Used by ``tests/unit/test_search_labels.py`` (a small seeded profile) and
``benchmarks/bench_search.py`` (the 100k profile).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from sqlalchemy.orm import Session

from consultant_app import services as sv
from consultant_app.search import name_key

LIMIT = 20

EMPLOYERS: dict[str, dict[str, Any]] = {
    # Issue 15, item 9: the exact employer must come before citizens named Schmidt.
    "schmidt": {"cvr": "41277300", "p_number": "1013456789", "name": "Schmidt Lager",
                "address": "Vestergade 12", "postcode": "8000",
                "industry": "Lager og logistik"},
    "vinduer": {"cvr": "58391204", "name": "Århus Vinduespolering ApS",
                "address": "Åbyhøjvej 4", "postcode": "8210", "industry": "Rengøring"},
    "boegelund": {"cvr": "62904151", "name": "Bøgelund Plejecenter",
                  "address": "Skovbrynet 9", "postcode": "8260", "industry": "Pleje og omsorg"},
    "kok": {"cvr": "70135620", "name": "Kok & Co Catering", "address": "Havnegade 2",
            "postcode": "8000", "industry": "Hotel og restauration"},
    "soerensen": {"cvr": "29458715", "name": "Sørensen & Søn Tømrerfirma",
                  "address": "Ringvej 40", "postcode": "8361", "industry": "Byggeri"},
    "aeble": {"cvr": "33682042", "name": "Æblegården ApS", "address": "Frugtvej 1",
              "postcode": "8300", "industry": "Landbrug og gartneri"},
    "nielsen": {"cvr": "47800196", "name": "Nielsen", "address": "Torvet 3",
                "postcode": "8660", "industry": "Transport"},
    "haandvaerk": {"cvr": "55219362", "name": "Håndværkerhuset Østjylland A/S",
                   "address": "Industrivej 7", "postcode": "8700", "industry": "Byggeri"},
}

VACANCIES: dict[str, tuple[str, dict[str, Any]]] = {
    "lager": ("schmidt", {"title": "Lagermedarbejder", "occupation": "lagermedarbejder",
                          "skills": ["truckcertifikat", "plukning"]}),
    "kok": ("kok", {"title": "Kok", "occupation": "kok", "skills": ["madlavning"]}),
    "sosu": ("boegelund", {"title": "Social- og sundhedshjælper",
                           "occupation": "social- og sundhedshjælper", "skills": ["pleje"]}),
    "svend": ("soerensen", {"title": "Tømrersvend", "occupation": "tømrer",
                            "skills": ["tømrer", "byggeplads"]}),
}

CITIZENS: dict[str, dict[str, Any]] = {
    "bjoern": {"name": "Bjørn Ærbø", "postcode": "8200", "skills": ["lager", "truck"]},
    "aase": {"name": "Åse Mølgaard", "postcode": "8240", "skills": ["rengøring"]},
    "karl": {"name": "Karl-Åge Brøndum", "postcode": "8270", "skills": ["kørsel"]},
    "joergen": {"name": "Jørgen Højbjerg Præst", "postcode": "8310", "skills": ["køkken"]},
    "anna": {"name": "Anna Schmidt", "postcode": "8000", "skills": ["kontor"]},
    # Distractors for "Schmidt Lager" on the small profile; the 100k one has its own.
    "schmidt1": {"name": "Jens Schmidt", "postcode": "8000", "skills": ["lager"]},
    "schmidt2": {"name": "Karen Schmidt", "postcode": "8200", "skills": ["lager"]},
    "schmidt3": {"name": "Peter Schmidt", "postcode": "8210", "skills": ["lager"]},
    "schmidt4": {"name": "Lise Schmidt", "postcode": "8220", "skills": ["lager"]},
}

# (what the consultant types, the key of the record that should come first)
QUERIES: list[tuple[str, str]] = [
    # employers by exact name, name as typed so far, name with or without Danish letters
    ("Schmidt Lager", "employer:schmidt"),
    ("schmidt lager", "employer:schmidt"),
    ("schmidt lag", "employer:schmidt"),
    ("SCHMIDT LAGER", "employer:schmidt"),
    ("Århus Vinduespolering ApS", "employer:vinduer"),
    ("aarhus vinduespolering", "employer:vinduer"),
    ("århus vind", "employer:vinduer"),
    ("aarhus", "employer:vinduer"),
    ("århus", "employer:vinduer"),
    ("Bøgelund Plejecenter", "employer:boegelund"),
    ("boegelund", "employer:boegelund"),
    ("bøgelund", "employer:boegelund"),
    ("bøgel", "employer:boegelund"),
    ("Kok & Co Catering", "employer:kok"),
    ("kok co", "employer:kok"),
    ("kok & co", "employer:kok"),
    ("Sørensen & Søn", "employer:soerensen"),
    ("soerensen soen", "employer:soerensen"),
    ("sørensen søn tømrer", "employer:soerensen"),
    ("Æblegården", "employer:aeble"),
    ("aeblegaarden", "employer:aeble"),
    ("æblegå", "employer:aeble"),
    ("Nielsen", "employer:nielsen"),
    ("Håndværkerhuset", "employer:haandvaerk"),
    ("haandvaerkerhuset oestjylland", "employer:haandvaerk"),
    ("håndværk", "employer:haandvaerk"),
    # employers by CVR, CVR prefix and P-number
    ("41277300", "employer:schmidt"),
    ("412773", "employer:schmidt"),
    ("4127730", "employer:schmidt"),
    ("1013456789", "employer:schmidt"),
    ("58391204", "employer:vinduer"),
    ("583912", "employer:vinduer"),
    ("629041", "employer:boegelund"),
    ("70135620", "employer:kok"),
    ("294587", "employer:soerensen"),
    ("55219362", "employer:haandvaerk"),
    # citizens by name, typed with or without Danish letters
    ("Bjørn Ærbø", "citizen:bjoern"),
    ("bjoern aerboe", "citizen:bjoern"),
    ("bjørn ær", "citizen:bjoern"),
    ("Åse Mølgaard", "citizen:aase"),
    ("aase moelgaard", "citizen:aase"),
    ("åse mølg", "citizen:aase"),
    ("Karl-Åge Brøndum", "citizen:karl"),
    ("karl aage broendum", "citizen:karl"),
    ("Jørgen Højbjerg Præst", "citizen:joergen"),
    ("joergen hoejbjerg", "citizen:joergen"),
    ("Anna Schmidt", "citizen:anna"),
    ("anna schm", "citizen:anna"),
    # vacancies by title and employer, as typed
    ("lagermedarbejder schmidt lager", "vacancy:lager"),
    ("lagermedarbejder schmidt", "vacancy:lager"),
    ("kok kok & co catering", "vacancy:kok"),
    ("social- og sundhedshjælper bøgelund", "vacancy:sosu"),
    ("tømrersvend", "vacancy:svend"),
]


@dataclass(frozen=True)
class Labelled:
    """The labelled records by key ("employer:schmidt"): their ids, and what a hit shows of
    them, folded (kind, name, and for a vacancy its employer's name)."""
    ids: dict[str, str]
    shown: dict[str, tuple[str, str, str]]


def add_labelled_records(session: Session) -> Labelled:
    ids: dict[str, str] = {}
    shown: dict[str, tuple[str, str, str]] = {}
    for key, data in EMPLOYERS.items():
        ids[f"employer:{key}"] = sv.create_employer(session, data).id
        shown[f"employer:{key}"] = ("employer", name_key(data["name"]), "")
    for key, (employer, data) in VACANCIES.items():
        ids[f"vacancy:{key}"] = sv.create_vacancy(session, ids[f"employer:{employer}"], data).id
        shown[f"vacancy:{key}"] = ("vacancy", name_key(data["title"]),
                                   name_key(EMPLOYERS[employer]["name"]))
    for key, data in CITIZENS.items():
        ids[f"citizen:{key}"] = sv.create_citizen(
            session, {"target_group": "dagpenge", **data}).id
        shown[f"citizen:{key}"] = ("citizen", name_key(data["name"]), "")
    return Labelled(ids, shown)


def _shown(kind: str, title: str, subtitle: str) -> tuple[str, str, str]:
    employer = name_key(subtitle.split(" · ")[0]) if kind == "vacancy" else ""
    return kind, name_key(title), employer


def ranks(search: Callable[[str], Sequence[tuple[str, str, str, str]]],
          labelled: Labelled) -> list[int | None]:
    """Per query, the 1-based rank of the expected record in ``search(query)`` (hits in
    order, each (kind, id, title, subtitle)), or None when it is not among them.

    A namesake counts as the expected record: the seeded profile has employers called
    exactly "Schmidt Lager" and citizens called "Anna Schmidt" too, and nothing typed can
    tell records apart that show the same kind and name (and, for a vacancy, employer)."""
    out: list[int | None] = []
    for query, key in QUERIES:
        expected_id, expected = labelled.ids[key], labelled.shown[key]
        rank = None
        for i, (kind, ref, title, subtitle) in enumerate(search(query)):
            if ref == expected_id or _shown(kind, title, subtitle) == expected:
                rank = i + 1
                break
        out.append(rank)
    return out


def mean_reciprocal_rank(found: Sequence[int | None]) -> float:
    return sum(1.0 / r for r in found if r) / len(found)
