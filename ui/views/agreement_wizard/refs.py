"""How other pages ask for a new agreement: page-to-page navigation carries only (kind, id),
so a new agreement's parties travel in a reference the agreements page recognises."""

from __future__ import annotations

NEW_PREFIX = "new:"


def new_agreement_ref(employer_id: str = "", match_id: str = "", vacancy_id: str = "",
                      citizen_id: str = "") -> str:
    """The id to pass in ``open_requested("placement_agreement", ...)`` to start a new
    agreement from an employer, a match, a vacancy or a citizen (the agreements page opens it
    in the wizard)."""
    parts = {"employer": employer_id, "match": match_id, "vacancy": vacancy_id,
             "citizen": citizen_id}
    return NEW_PREFIX + ";".join(f"{k}={v}" for k, v in parts.items() if v)


def parse_agreement_ref(ref: str) -> dict[str, str] | None:
    """The parties of a ``new_agreement_ref``, or None for an ordinary agreement id."""
    if not ref.startswith(NEW_PREFIX):
        return None
    found = dict(part.split("=", 1) for part in ref[len(NEW_PREFIX):].split(";") if "=" in part)
    return {f"{k}_id": found.get(k, "") for k in ("employer", "match", "vacancy", "citizen")}
