"""Rule evaluation of one agreement on a seeded profile: ``forms.facts.gather`` (what the rules
need from the store: the citizen, persons already placed at the P-number and the CVR) plus
``forms.rules.evaluate`` (the rule set in force on the start date, every rule of the type),
against a baseline doing the floor of that work: the same facts read with raw sqlite3 on the
same file (the same two counts, the citizen's last employer) and praktik's checks (duration
by group, hours, last employer, approval date, rimelighedskrav) written as one bare inline
function.

Each agreement is a content dict with the standard field keys, built (untimed) from a seeded
employer with a P-number and a seeded citizen, cycling through the seven agreement types so
every rule runs; start dates alternate between rule sets (2026 and 2027). The agreement
record is transient (never written), so the shared profile is not changed. One untimed
warm-up round, then every call timed on its own inside one read transaction per round; p50
and p95 over every timed call. The product side pays for what the real path pays: ORM
loads, decrypting the citizen's sensitive columns, the rule registry and Message objects.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from pathlib import Path
from typing import Any

from . import fixtures
from .harness import Result, in_child, percentile

ORDER = 40
GOAL_MS = 5.0
TODAY = dt.date(2026, 11, 23)
TYPES = ("virksomhedspraktik", "loentilskud_privat", "loentilskud_offentlig", "mentor",
         "fleksjob", "igu", "ordinaere_timer")
PRAKTIK_WEEKS = {"dagpenge": 4, "kontanthjaelp_jobparat": 4,
                 "uddannelseshjaelp_uddannelsesparat": 4, "selvforsoergende": 4}


def run(quick: bool) -> list[Result]:
    counts = fixtures.counts_for(quick)
    profile = fixtures.ensure_profile(counts)
    agreements = 140 if quick else 700
    rounds = 2 if quick else 5
    product, product_rss = in_child(product_side, profile, agreements, rounds)
    raw, raw_rss = in_child(raw_side, profile, agreements, rounds)
    detail: dict[str, Any] = {
        "agreements": agreements, "rounds": rounds, "calls": len(product["ms"]),
        "types": list(TYPES),
        "findings_per_agreement": round(product["findings"] / agreements, 2),
        "evaluate_only_p50_ms": round(percentile(product["evaluate_ms"], 50), 4),
        "evaluate_only_p95_ms": round(percentile(product["evaluate_ms"], 95), 4),
        "gather_only_p50_ms": round(percentile(product["gather_ms"], 50), 4),
        "baseline": "raw sqlite3 facts + praktik checks as one inline function",
    }
    common = dict(bench="rules", unit="ms", peak_rss_mb=product_rss,
                  baseline_peak_rss_mb=raw_rss,
                  baseline_name="raw sqlite3 + inline checks", detail=detail)
    where = f"({fixtures.describe(counts)})"
    return [
        Result(name=f"rules gather+evaluate p50 {where}", value=percentile(product["ms"], 50),
               baseline=percentile(raw["ms"], 50), goal_value=GOAL_MS,
               **common),  # type: ignore[arg-type]
        Result(name=f"rules gather+evaluate p95 {where}", value=percentile(product["ms"], 95),
               baseline=percentile(raw["ms"], 95), goal_value=GOAL_MS,
               **common),  # type: ignore[arg-type]
    ]


def _cases(profile: Path, count: int) -> list[dict[str, Any]]:
    """``count`` agreements: ids, the type, and the content (standard field keys)."""
    from sqlalchemy import select

    from consultant_app.ids import new_id
    from consultant_app.store import Store
    from consultant_app.store.models import Citizen, Employer

    store = Store.open(profile, fixtures.PASSPHRASE)
    try:
        with store.read() as s:
            employers = list(s.scalars(select(Employer).where(Employer.p_number.is_not(None))
                                       .order_by(Employer.id).limit(count)))
            citizens = list(s.scalars(select(Citizen).order_by(Citizen.id).limit(count)))
            cases = []
            for i, (employer, citizen) in enumerate(zip(employers, citizens)):
                agreement_type = TYPES[i % len(TYPES)]
                start = dt.date(2026, 12, 28) + dt.timedelta(days=i % 9)  # both sides of 2027
                cases.append({
                    "id": new_id(), "type": agreement_type, "employer_id": employer.id,
                    "citizen_id": citizen.id,
                    "content": {
                        "employer_cvr": employer.cvr, "employer_p_number": employer.p_number,
                        "ordinary_employees": employer.ordinary_employees,
                        "citizen_cpr": citizen.cpr, "target_group": citizen.target_group,
                        "unemployed_since": citizen.unemployed_since,
                        "start_date": start, "end_date": start + dt.timedelta(weeks=6),
                        "hours_per_week": 15 + i % 30, "final_hours_per_week": 20 + i % 25,
                        "normal_full_time_hours": 37, "employees_last_month": 10,
                        "employees_avg_12_months": 9.5, "vacated_by_dismissal": False,
                        "unemployment_exemption": "none", "wage_per_hour": 180,
                        "subsidy_per_hour": 80, "tr_name": "Bo Tillid" if i % 2 else "",
                        "school_weeks": 23,
                    }})
            return cases
    finally:
        store.close()


def product_side(profile: Path, count: int, rounds: int) -> dict[str, Any]:
    from consultant_app.store import Store
    from consultant_app.store.models import PlacementAgreement
    from forms import facts as ffacts
    from forms import rules

    cases = _cases(profile, count)
    records = [PlacementAgreement(id=c["id"], agreement_type=c["type"],
                                  employer_id=c["employer_id"], citizen_id=c["citizen_id"])
               for c in cases]
    store = Store.open(profile, fixtures.PASSPHRASE)
    ms: list[float] = []
    gather_ms: list[float] = []
    evaluate_ms: list[float] = []
    findings = 0
    try:
        for round_no in range(rounds + 1):
            with store.read() as session:
                for case, record in zip(cases, records):
                    t0 = time.perf_counter()
                    facts = ffacts.gather(session, record, case["content"], TODAY)
                    t1 = time.perf_counter()
                    result = rules.evaluate(case["type"], case["content"], facts)
                    t2 = time.perf_counter()
                    if round_no == 0:
                        findings += len(result)
                        continue
                    ms.append((t2 - t0) * 1000)
                    gather_ms.append((t1 - t0) * 1000)
                    evaluate_ms.append((t2 - t1) * 1000)
    finally:
        store.close()
    return {"ms": ms, "gather_ms": gather_ms, "evaluate_ms": evaluate_ms,
            "findings": findings}


_CENTRAL = ("SELECT coalesce(sum(subsidised_persons), 0) FROM employer "
            "WHERE {at} AND deleted = 0")
_LOCAL = ("SELECT count(*) FROM placement_agreement a JOIN employer e ON e.id = a.employer_id "
          "WHERE {at} AND e.deleted = 0 AND a.deleted = 0 AND a.version = 0 AND a.id != ? "
          "AND a.agreement_type IN ('virksomhedspraktik', 'loentilskud_privat', "
          "'loentilskud_offentlig') AND a.start_date IS NOT NULL AND a.start_date <= ? "
          "AND (a.end_date IS NULL OR a.end_date >= ?)")


def raw_side(profile: Path, count: int, rounds: int) -> dict[str, Any]:
    from stdnum.dk import cpr as stdnum_cpr

    from consultant_app.store import DB_FILENAME

    cases = _cases(profile, count)
    con = sqlite3.connect(profile / DB_FILENAME, isolation_level=None)
    ms: list[float] = []
    try:
        for round_no in range(rounds + 1):
            con.execute("BEGIN")
            for case in cases:
                t0 = time.perf_counter()
                content = case["content"]
                day = content["start_date"].isoformat()
                last_cvr, = con.execute("SELECT last_employer_cvr FROM citizen WHERE id = ?",
                                        (case["citizen_id"],)).fetchone()
                placed = []  # at the P-number, at the CVR
                for at, value in (("p_number = ?", content["employer_p_number"]),
                                  ("cvr = ?", content["employer_cvr"])):
                    central, = con.execute(_CENTRAL.format(at=at), (value,)).fetchone()
                    local, = con.execute(_LOCAL.format(at="e." + at),
                                         (value, case["id"], day, day)).fetchone()
                    placed.append(central + local)
                birth = stdnum_cpr.get_birth_date(content["citizen_cpr"].replace("-", ""))
                _inline_checks(content, last_cvr, placed[0], birth)
                if round_no:
                    ms.append((time.perf_counter() - t0) * 1000)
            con.execute("COMMIT")
    finally:
        con.close()
    return {"ms": ms}


def _inline_checks(c: dict[str, Any], last_cvr: str, placed: int,
                   birth: dt.date) -> list[str]:
    problems = []
    weeks = PRAKTIK_WEEKS.get(c["target_group"], 13)
    if c["end_date"] > c["start_date"] + dt.timedelta(weeks=weeks, days=-1):
        problems.append("max_duration")
    if c["hours_per_week"] > c["normal_full_time_hours"]:
        problems.append("hours")
    if c["final_hours_per_week"] > c["normal_full_time_hours"]:
        problems.append("final_hours")
    if c["employer_cvr"] == last_cvr:
        problems.append("last_employer")
    if c["start_date"] < TODAY:
        problems.append("approval")
    n = c["ordinary_employees"] or 0
    allowed = max(1, int(min(n, 50) // 5) + int(max(0, n - 50) // 10))
    if placed + 1 > allowed:
        problems.append("ratio")
    if birth.year < 1900:
        problems.append("age")
    return problems
