"""A labelled set for matching: vacancies with the citizens an experienced consultant would put
forward, each with the why, among distractors that look close but should not be picked.

Citizens are shared across the vacancies, so every citizen is a distractor for the vacancies
they are not picked for. Postcodes are in and around Aarhus (8000 C, 8200 N, 8210 V,
8220 Brabrand, 8240 Risskov, 8260 Viby J; 8300 Odder ~21 km south; 8900 Randers ~35 km north).
"""

from __future__ import annotations

import datetime as dt

TODAY = dt.date(2026, 3, 2)


def _since(months: int) -> str:
    return (TODAY - dt.timedelta(days=30 * months)).isoformat()


EMPLOYERS = {
    "lager": {"cvr": "25313763", "name": "Viby Logistik ApS", "postcode": "8210",
              "industry": "Lager og logistik"},
    "boernehus": {"cvr": "10150817", "name": "Solsikken Børnehus", "postcode": "8000",
                  "industry": "Pleje og omsorg"},
    "fragt": {"cvr": "12345674", "name": "Østjysk Fragt A/S", "postcode": "8260",
              "industry": "Transport"},
    "rengoering": {"cvr": "29403473", "name": "Nord Rengøring ApS", "postcode": "8200",
                   "industry": "Rengøring"},
}

VACANCIES = {
    "lager_smajob": ("lager", {
        "title": "Lagermedarbejder", "occupation": "lagermedarbejder", "kind": "smajob",
        "hours_min": 8, "hours_max": 20, "starts_with_few_hours": True,
        "skills": ["lager", "plukning"], "requirements": ["heavy_lifting"]}),
    "paedagogisk_praktik": ("boernehus", {
        "title": "Pædagogisk assistent", "occupation": "pædagogisk assistent", "kind": "praktik",
        "hours_min": 15, "hours_max": 30, "skills": ["børn", "pædagogik"],
        "requirements": ["danish_spoken"]}),
    "chauffoer": ("fragt", {
        "title": "Chauffør", "occupation": "chauffør", "kind": "ordinary",
        "hours_min": 37, "hours_max": 37, "skills": ["kørsel", "ruteplanlægning"],
        "requirements": ["driving_licence_b"]}),
    "rengoering_fleksjob": ("rengoering", {
        "title": "Rengøringsassistent", "occupation": "rengøringsassistent", "kind": "fleksjob",
        "hours_min": 10, "hours_max": 15, "skills": ["rengøring"]}),
}

_BASE = {"languages": ["dansk"], "driving_licence": "", "restrictions": []}

CITIZENS = {
    "ali": {"target_group": "kontanthjaelp_aktivitetsparat", "skills": ["lagerarbejde",
            "truckcertifikat"], "wished_occupations": ["lagermedarbejder"],
            "max_hours_per_week": 10, "postcode": "8220", "max_commute_km": 15,
            "unemployed_since": _since(20)},
    "bente": {"target_group": "dagpenge", "skills": ["plukning", "varemodtagelse"],
              "wished_occupations": ["lager"], "max_hours_per_week": 37, "postcode": "8260",
              "max_commute_km": 20, "unemployed_since": _since(4)},
    "carsten": {"target_group": "sygedagpenge", "skills": ["pakning", "lager"],
                "wished_occupations": ["pakkemedarbejder"], "max_hours_per_week": 12,
                "postcode": "8200", "max_commute_km": 10, "unemployed_since": _since(8)},
    "dorthe": {"target_group": "kontanthjaelp_aktivitetsparat", "skills": ["lager", "plukning"],
               "wished_occupations": ["lagermedarbejder"], "max_hours_per_week": 20,
               "postcode": "8210", "max_commute_km": 10, "restrictions": ["no_heavy_lifting"],
               "unemployed_since": _since(30)},
    "erik": {"target_group": "dagpenge", "skills": ["lager", "truckcertifikat"],
             "wished_occupations": ["lagermedarbejder"], "max_hours_per_week": 37,
             "postcode": "8900", "max_commute_km": 10, "driving_licence": "B",
             "unemployed_since": _since(6)},
    "frida": {"target_group": "kontanthjaelp_jobparat", "skills": ["kontor", "reception"],
              "wished_occupations": ["receptionist"], "max_hours_per_week": 30,
              "postcode": "8000", "max_commute_km": 20, "unemployed_since": _since(26)},
    "gustav": {"target_group": "ressourceforloeb", "skills": ["lager"],
               "wished_occupations": ["lagermedarbejder"], "max_hours_per_week": 5,
               "postcode": "8210", "max_commute_km": 10, "unemployed_since": _since(40)},
    "hanne": {"target_group": "sygedagpenge", "skills": ["pleje", "omsorg", "ældre"],
              "wished_occupations": ["social- og sundhedshjælper"], "max_hours_per_week": 25,
              "postcode": "8000", "max_commute_km": 15, "unemployed_since": _since(10)},
    "ida": {"target_group": "uddannelseshjaelp_uddannelsesparat", "skills": ["børn",
            "pædagogik"], "wished_occupations": ["pædagogmedhjælper"],
            "max_hours_per_week": 25, "postcode": "8200", "max_commute_km": 10,
            "unemployed_since": _since(5)},
    "jonas": {"target_group": "kontanthjaelp_jobparat", "skills": ["børnepasning"],
              "wished_occupations": ["pædagogisk assistent"], "max_hours_per_week": 30,
              "postcode": "8240", "max_commute_km": 15, "unemployed_since": _since(14)},
    "karin": {"target_group": "selvforsoergende", "skills": ["børn", "pædagogik"],
              "wished_occupations": ["pædagogisk assistent"], "max_hours_per_week": 30,
              "postcode": "8000", "max_commute_km": 15, "unemployed_since": _since(12)},
    "lars": {"target_group": "dagpenge", "skills": ["kørsel"], "driving_licence": "B",
             "wished_occupations": ["budchauffør"], "max_hours_per_week": 37,
             "postcode": "8270", "max_commute_km": 20, "unemployed_since": _since(7)},
    "mette": {"target_group": "kontanthjaelp_jobparat", "skills": ["kørsel", "flytning"],
              "driving_licence": "C", "wished_occupations": ["chauffør"],
              "max_hours_per_week": 37, "postcode": "8300", "max_commute_km": 40,
              "unemployed_since": _since(15)},
    "niels": {"target_group": "dagpenge", "skills": ["kørsel", "ruteplanlægning"],
              "wished_occupations": ["chauffør"], "max_hours_per_week": 37,
              "postcode": "8260", "max_commute_km": 20, "unemployed_since": _since(9)},
    "oscar": {"target_group": "kontanthjaelp_jobparat", "skills": ["kørsel"],
              "driving_licence": "B", "wished_occupations": ["chauffør"],
              "max_hours_per_week": 30, "postcode": "8260", "max_commute_km": 20,
              "unemployed_since": _since(3)},
    "pia": {"target_group": "fleksjob_visiteret", "skills": ["erhvervsrengøring"],
            "wished_occupations": ["rengøringsassistent"], "max_hours_per_week": 12,
            "postcode": "8200", "max_commute_km": 10, "unemployed_since": _since(18)},
    "rasmus": {"target_group": "dagpenge", "skills": ["rengøring", "vinduespudsning"],
               "wished_occupations": ["rengøringsassistent"], "max_hours_per_week": 37,
               "postcode": "8200", "max_commute_km": 10, "unemployed_since": _since(2)},
}

# vacancy -> {citizen: why the consultant picks them}
PICKS: dict[str, dict[str, str]] = {
    "lager_smajob": {
        "ali": "lagerarbejde is lager by another name; 3 km away; can do 10 h and the job "
               "starts with 8 (JobFirst)",
        "bente": "plukning is asked for, wishes lager work, 4 km away, full capacity",
        "carsten": "has lager and pakning, 2 km away, 12 h covers the start",
    },
    "paedagogisk_praktik": {
        "ida": "børn and pædagogik exactly, wishes pædagogmedhjælper (related), 4 km",
        "jonas": "wishes pædagogisk assistent, børnepasning is close to børn",
    },
    "chauffoer": {
        "lars": "licence B, kørsel, wishes budchauffør (a chauffeur), 37 h",
        "mette": "licence C includes B, kørsel, wishes chauffør, commutes from Odder (40 km ok)",
    },
    "rengoering_fleksjob": {
        "pia": "visiteret til fleksjob, erhvervsrengøring, wishes rengøringsassistent, 12 h",
    },
}

# vacancy -> {citizen: the hard constraint that must exclude them}
MUST_EXCLUDE: dict[str, dict[str, str]] = {
    "lager_smajob": {"dorthe": "Skånehensyn", "erik": "km væk", "gustav": "timer/uge"},
    "chauffoer": {"niels": "kørekort", "oscar": "timer/uge", "bente": "kørekort"},
    "rengoering_fleksjob": {"rasmus": "målgruppen"},
}

TOP = 5


def add_to(session) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The labelled set written through the services into ``session``'s transaction; the
    ids of its vacancies and citizens by their keys here (the test and the benchmark both)."""
    from consultant_app import services
    ids: dict[str, str] = {}
    employers = {key: services.create_employer(session, data).id
                 for key, data in EMPLOYERS.items()}
    for key, (employer, data) in VACANCIES.items():
        ids[key] = services.create_vacancy(session, employers[employer], data).id
    for key, data in CITIZENS.items():
        ids[key] = services.create_citizen(
            session, {**_BASE, "name": key.capitalize(), **data}).id
    return ids
