"""Domain vocabulary: target groups, vacancy kinds, statuses, requirements and restrictions.

Codes are stored; the Danish labels are shown (translated through ``text.QT_TRANSLATE_NOOP``).
Facts and sources: DOMAIN.md.
"""

from __future__ import annotations

from .text import QT_TRANSLATE_NOOP as _N

CTX = "domain"

# Today's LAB § 1 target groups (13). Jobnet's "LAB 01 - Dagpengemodtager" style codes.
TARGET_GROUPS: dict[str, str] = {
    "dagpenge": _N(CTX, "Dagpengemodtager (forsikret ledig)"),
    "kontanthjaelp_jobparat": _N(CTX, "Jobparat kontanthjælpsmodtager"),
    "kontanthjaelp_aktivitetsparat": _N(CTX, "Aktivitetsparat kontanthjælpsmodtager"),
    "uddannelseshjaelp_uddannelsesparat": _N(CTX, "Uddannelsesparat (uddannelseshjælp)"),
    "uddannelseshjaelp_aktivitetsparat": _N(CTX, "Aktivitetsparat uddannelseshjælpsmodtager"),
    "sygedagpenge": _N(CTX, "Sygedagpengemodtager"),
    "jobafklaring": _N(CTX, "Jobafklaringsforløb"),
    "ressourceforloeb": _N(CTX, "Ressourceforløb"),
    "fleksjob_visiteret": _N(CTX, "Visiteret til fleksjob"),
    "revalidering": _N(CTX, "Revalidend"),
    "foertidspension": _N(CTX, "Førtidspensionist"),
    "selvforsoergende": _N(CTX, "Selvforsørgende"),
    "under_18": _N(CTX, "Ung under 18 år"),
}

VACANCY_KINDS: dict[str, str] = {
    "ordinary": _N(CTX, "Ordinært job"),
    "smajob": _N(CTX, "Småjob / ordinære timer"),
    "praktik": _N(CTX, "Virksomhedspraktik"),
    "loentilskud": _N(CTX, "Løntilskud"),
    "fleksjob": _N(CTX, "Fleksjob"),
    "igu": _N(CTX, "IGU"),
}

VACANCY_STATUSES: dict[str, str] = {
    "open": _N(CTX, "Åben"),
    "paused": _N(CTX, "Sat på pause"),
    "filled": _N(CTX, "Besat"),
    "closed": _N(CTX, "Lukket"),
}

# The match pipeline, in order; "declined" can be reached from every step and needs a reason.
MATCH_PIPELINE: tuple[str, ...] = ("proposed", "presented", "interview", "agreed", "placed")
MATCH_STATUSES: dict[str, str] = {
    "proposed": _N(CTX, "Foreslået"),
    "presented": _N(CTX, "Præsenteret"),
    "interview": _N(CTX, "Samtale"),
    "agreed": _N(CTX, "Aftalt"),
    "placed": _N(CTX, "Startet"),
    "declined": _N(CTX, "Afslået"),
}

# What a job demands (vacancy.requirements) and what a citizen must be spared
# (citizen.restrictions, skånehensyn); RESTRICTION_CONFLICTS says which exclude which.
REQUIREMENTS: dict[str, str] = {
    "heavy_lifting": _N(CTX, "Tunge løft"),
    "night_work": _N(CTX, "Natarbejde"),
    "standing": _N(CTX, "Stående arbejde hele dagen"),
    "shift_work": _N(CTX, "Skiftende arbejdstider"),
    "outdoor": _N(CTX, "Udendørs arbejde"),
    "customer_contact": _N(CTX, "Kundekontakt"),
    "driving_licence_b": _N(CTX, "Kørekort B"),
    "danish_spoken": _N(CTX, "Taler dansk"),
}

RESTRICTIONS: dict[str, str] = {
    "no_heavy_lifting": _N(CTX, "Ingen tunge løft"),
    "no_night_work": _N(CTX, "Intet natarbejde"),
    "no_standing": _N(CTX, "Kan ikke stå hele dagen"),
    "no_shift_work": _N(CTX, "Faste arbejdstider"),
    "no_outdoor": _N(CTX, "Ikke udendørs"),
    "no_customer_contact": _N(CTX, "Ingen kundekontakt"),
}

RESTRICTION_CONFLICTS: dict[str, str] = {
    "no_heavy_lifting": "heavy_lifting",
    "no_night_work": "night_work",
    "no_standing": "standing",
    "no_shift_work": "shift_work",
    "no_outdoor": "outdoor",
    "no_customer_contact": "customer_contact",
}

DRIVING_LICENCES: tuple[str, ...] = ("", "B", "C", "CE", "D")

VISIT_STATUSES: dict[str, str] = {
    "planned": _N(CTX, "Planlagt"),
    "done": _N(CTX, "Gennemført"),
    "cancelled": _N(CTX, "Aflyst"),
}

# Agreement statuses from the first signature on (forms.lifecycle.FROZEN_STATUSES): the
# agreement is a legal document. The records it names (its parties) cannot be deleted while
# it hangs off them, on the device and on the service alike (sync.protocol, "Deletes").
SIGNED_AGREEMENT_STATUSES: tuple[str, ...] = ("signing", "signed", "sealed")
# entity -> the agreement field that names a record of it
AGREEMENT_PARTIES: dict[str, str] = {"employer": "employer_id", "vacancy": "vacancy_id",
                                     "citizen": "citizen_id", "match": "match_id"}
SIGNED_PARTY = "signed_agreement"  # the code of that refusal
SIGNED_PARTY_MESSAGES: dict[str, str] = {
    "employer": _N(CTX, "Virksomheden kan ikke slettes: en underskrevet aftale hører til den, "
                        "og en underskrevet aftale skal bevares sammen med dem, den nævner."),
    "vacancy": _N(CTX, "Stillingen kan ikke slettes: en underskrevet aftale hører til den, og "
                       "en underskrevet aftale skal bevares sammen med dem, den nævner."),
    "citizen": _N(CTX, "Borgeren kan ikke slettes: en underskrevet aftale hører til borgeren, "
                       "og en underskrevet aftale skal bevares sammen med dem, den nævner."),
    "match": _N(CTX, "Matchet kan ikke slettes: en underskrevet aftale hører til det, og en "
                     "underskrevet aftale skal bevares sammen med dem, den nævner."),
}
