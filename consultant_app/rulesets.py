"""The rule sets: the legal parameters by the date they take effect, each with its citation.

Two layers judge by them: ``forms.rules`` checks an agreement's content, and ``matching``
decides which target groups a vacancy's kind is open to. Layers only point down, so the sets
and their loader live here, below both, and both read the same data: there is one answer to
"may this group take this kind of placement on this day".

A rule set is a JSON file ``consultant_app/data/rulesets/<effective_from>.json``:

``effective_from`` (ISO date), ``name``, ``source`` (free text: what it is built from)
    Required.
``provisional`` (bool, default false)
    The set rests on a law not yet published in its final form (2027-01-01: the new main law's
    durations and group names). Not inherited through ``based_on``: each file says it itself.
    Every finding the set produces says so (``forms.rules``), and the citations it inherits
    through ``based_on`` count as unconfirmed in it: they cite the law it expects to replace.
``based_on`` (the ``effective_from`` of an earlier set)
    The set starts as a copy of that one; its set-wide keys replace the base's, each type's keys
    replace that type's keys one by one, and ``citations`` (set-wide and per type) and ``laws``
    are merged key by key, so a reform file states only what the reform changes.
``laws``
    Short name -> full title, e.g. ``"LAB": "Lov om en aktiv beskæftigelsesindsats, LBK nr.
    280 af 1. marts 2024"``. A citation's ``law`` must be one of these.
``types``
    Per agreement type: ``rules`` (the rule keys applied), each rule's parameters under keys of
    its own, ``allowed_groups`` (who may take the type: the eligibility matching reads too;
    absent = every group) and ``citations``.
``citations`` (per type, and set-wide for set-wide rules such as ``closed_to_new_cases``)
    Key -> citation. A key is a rule key (``"max_duration"``), or a rule key with a narrower
    part after a dot: a target group or a group of the set (``"max_duration.sygedagpenge"``),
    or a parameter (``"max_duration_extension.beyond_26"``). A finding takes the narrowest
    citation that exists (see ``RuleSet.citation``). Every rule a type applies must have one;
    for the ``notices`` rule, every notice (``"notices.<key>"``).
    A citation is ``{"law": "LAB", "paragraph": "61", "stk": "1", "nr": "2", "confirmed":
    true, "note": "..."}``: ``law`` and ``confirmed`` are required, ``paragraph`` too when
    confirmed (an unconfirmed one may leave it out rather than guess it); ``paragraph`` may
    carry a letter ("80 a"); ``stk``, ``nr``, ``litra`` are optional strings; ``note`` (Danish, for the reader of the rule book) says what the text says or
    what could not be confirmed. ``confirmed`` is true only when the parameter was read in the
    law text itself; a finding from an unconfirmed citation says so.
Other set-wide keys: ``default_full_time_hours``, ``closed_groups`` (group -> ``since``,
``severity``), ``target_groups`` (today's 13 codes -> the set's own groups, see ``group_of``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .domain import TARGET_GROUPS

_CITATION_KEYS = {"law", "paragraph", "stk", "nr", "litra", "confirmed", "note"}
_SEVERITIES = ("error", "warning", "info")


class RuleSetError(ValueError):
    """A rule set is malformed. The message names the set, the type and the key."""


@dataclass(frozen=True)
class Citation:
    """Where a rule or parameter comes from, and whether that was read in the law text."""

    law: str
    paragraph: str  # "" when not found (only in an unconfirmed citation)
    confirmed: bool
    stk: str = ""
    nr: str = ""
    litra: str = ""
    note: str = ""

    def text(self) -> str:
        """"LAB § 61, stk. 1, nr. 2" (the short form a finding and a PDF show); "LAB (§ ikke
        fundet)" for an unconfirmed citation whose paragraph was not found."""
        if not self.paragraph:
            return f"{self.law} (§ ikke fundet)"
        parts = [f"{self.law} § {self.paragraph}"]
        if self.stk:
            parts.append(f"stk. {self.stk}")
        if self.nr:
            parts.append(f"nr. {self.nr}")
        if self.litra:
            parts.append(f"litra {self.litra}")
        return ", ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in (("law", self.law), ("paragraph", self.paragraph),
                                  ("stk", self.stk), ("nr", self.nr), ("litra", self.litra),
                                  ("confirmed", self.confirmed), ("note", self.note))
                if v != ""}


SHIPPED, PUBLISHED = "shipped", "published"


@dataclass(frozen=True)
class Publication:
    """Where a rule set came from: shipped in the program (version 0) or published by the
    central service (version 1, 2, ... per effective date, signed by it; ``forms.rulebook``),
    and the SHA-256 of the set's JSON as written (RFC 8785). An agreement records it."""

    origin: str = SHIPPED
    version: int = 0
    sha256: str = ""


@dataclass(frozen=True)
class RuleSet:
    """The rule parameters in force from ``effective_from``; ``params`` is the resolved JSON."""

    effective_from: dt.date
    name: str
    params: dict[str, Any]
    provisional: bool = False
    publication: Publication = Publication()

    def reference(self) -> dict[str, Any]:
        """What an agreement records about the set that judged it."""
        return {"effective_from": self.effective_from.isoformat(), "name": self.name,
                "origin": self.publication.origin, "version": self.publication.version,
                "sha256": self.publication.sha256, "provisional": self.provisional}

    def for_type(self, agreement_type: str) -> dict[str, Any]:
        return self.params.get("types", {}).get(agreement_type, {})

    def group_of(self, target_group: str) -> str:
        """The set's own group for one of today's 13 codes: itself unless the set maps it
        (the 2027 reform's 5 groups)."""
        return self.params.get("target_groups", {}).get(target_group, target_group)

    def lookup(self, by_group: dict[str, Any], target_group: str) -> Any:
        """A per-group parameter: by the code, else by the set's group, else ``"*"``. An
        explicit null is an answer (no limit for that group)."""
        for key in (target_group, self.group_of(target_group), "*"):
            if key in by_group:
                return by_group[key]
        return None

    def allowed_groups(self, agreement_type: str) -> frozenset[str] | None:
        """Today's codes that may take ``agreement_type`` under this set (None: every group;
        an empty set: the type does not exist under this set)."""
        if agreement_type not in self.params.get("types", {}):
            return frozenset()
        allowed = self.for_type(agreement_type).get("allowed_groups")
        if allowed is None:
            return None
        return frozenset(g for g in TARGET_GROUPS
                         if g in allowed or self.group_of(g) in allowed)

    def eligible(self, agreement_type: str, target_group: str) -> bool:
        groups = self.allowed_groups(agreement_type)
        return groups is None or target_group in groups

    def law_title(self, law: str) -> str:
        return self.params.get("laws", {}).get(law, law)

    def citation(self, agreement_type: str, key: str,
                 target_group: str = "") -> Citation | None:
        """The narrowest citation for ``key`` (a rule key, or ``rule.part``): by the target
        group, then by the set's group for it, then the key itself, then (for ``rule.part``)
        the rule; the type's citations before the set-wide ones."""
        candidates: list[str] = []
        for k in (key, key.split(".", 1)[0]):
            if target_group:
                candidates += [f"{k}.{target_group}", f"{k}.{self.group_of(target_group)}"]
            candidates.append(k)
        tables = (self.for_type(agreement_type).get("citations", {}),
                  self.params.get("citations", {}))
        for k in dict.fromkeys(candidates):
            for table in tables:
                if k in table:
                    return _citation(table[k])
        return None

    def citations(self, agreement_type: str) -> dict[str, Citation]:
        """Every citation that applies to the type (set-wide ones the type does not override
        included), by key: for the rule book."""
        found = {k: _citation(v) for k, v in self.params.get("citations", {}).items()
                 if k.split(".", 1)[0] in self.for_type(agreement_type).get("rules", ())}
        found.update((k, _citation(v))
                     for k, v in self.for_type(agreement_type).get("citations", {}).items())
        return found


def _citation(raw: dict[str, Any]) -> Citation:
    return Citation(law=raw["law"], paragraph=raw.get("paragraph", ""),
                    confirmed=raw["confirmed"],
                    stk=raw.get("stk", ""), nr=raw.get("nr", ""), litra=raw.get("litra", ""),
                    note=raw.get("note", ""))


# -- loading and validation ---------------------------------------------------------------
def _merge(base: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """``data`` on top of ``base`` as ``based_on`` says (module docstring)."""
    merged = {**base, **{k: v for k, v in data.items()
                         if k not in ("types", "citations", "laws", "provisional")}}
    provisional = data.get("provisional", False)
    merged["provisional"] = provisional

    def inherited(citations: dict[str, Any]) -> dict[str, Any]:
        if provisional is not True:
            return citations
        note = (f"Arvet fra regelsættet {base['effective_from']}; ikke bekræftet for dette "
                "foreløbige regelsæt.")
        return {k: {**v, "confirmed": False, "note": " ".join(filter(None, (v.get("note"),
                                                                            note)))}
                for k, v in citations.items()}

    merged["laws"] = {**base.get("laws", {}), **data.get("laws", {})}
    merged["citations"] = {**inherited(base.get("citations", {})), **data.get("citations", {})}
    types = {name: dict(spec) for name, spec in base.get("types", {}).items()}
    for name, spec in data.get("types", {}).items():
        types[name] = {**types.get(name, {}), **spec}
    for name, spec in types.items():
        theirs = base.get("types", {}).get(name, {}).get("citations", {})
        mine = data.get("types", {}).get(name, {}).get("citations", {})
        spec["citations"] = {**inherited(theirs), **mine}
    merged["types"] = types
    return merged


def resolve(raw: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Apply ``based_on``, earliest set first; the result is every set in full."""
    resolved: dict[str, dict[str, Any]] = {}
    for data in sorted(raw, key=lambda d: str(d.get("effective_from", ""))):
        base_key = data.get("based_on")
        if base_key is None:
            resolved[data["effective_from"]] = {**data,
                                                "provisional": data.get("provisional", False)}
            continue
        if base_key not in resolved:
            raise RuleSetError(f"rule set {data['effective_from']}: based_on {base_key!r} "
                               "is not an earlier set")
        resolved[data["effective_from"]] = _merge(resolved[base_key], data)
    return list(resolved.values())


def _check_citation(where: str, raw: Any, laws: dict[str, Any]) -> None:
    if not isinstance(raw, dict):
        raise RuleSetError(f"{where}: a citation is an object with law, paragraph, confirmed")
    unknown = set(raw) - _CITATION_KEYS
    if unknown:
        raise RuleSetError(f"{where}: unknown citation keys {sorted(unknown)}")
    if raw.get("law") not in laws:
        raise RuleSetError(f"{where}: law {raw.get('law')!r} is not one of the set's laws "
                           f"{sorted(laws)}")
    if not isinstance(raw.get("confirmed"), bool):
        raise RuleSetError(f"{where}: confirmed must be true or false")
    if raw["confirmed"] and not str(raw.get("paragraph", "")).strip():
        raise RuleSetError(f"{where}: a confirmed citation needs its paragraph")
    for key in ("paragraph", "stk", "nr", "litra", "note"):
        if not isinstance(raw.get(key, ""), str):
            raise RuleSetError(f"{where}: {key} must be a string")


def validate(data: dict[str, Any]) -> None:
    """A resolved set is complete: its header, its laws, a well-formed citation for every key
    and one for every rule each type applies, known target groups. Raises ``RuleSetError``
    naming the set, the type and the key."""
    name = f"rule set {data.get('effective_from')!r}"
    try:
        dt.date.fromisoformat(str(data.get("effective_from")))
    except ValueError:
        raise RuleSetError(f"{name}: effective_from must be a date (YYYY-MM-DD)") from None
    for key in ("name", "source"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise RuleSetError(f"{name}: {key} must be a non-empty string")
    if not isinstance(data.get("provisional", False), bool):
        raise RuleSetError(f"{name}: provisional must be true or false")
    laws = data.get("laws")
    if not isinstance(laws, dict) or not laws or not all(
            isinstance(v, str) and v.strip() for v in laws.values()):
        raise RuleSetError(f"{name}: laws must map short names to titles")
    set_citations = data.get("citations", {})
    for key, raw in set_citations.items():
        _check_citation(f"{name}, citations[{key!r}]", raw, laws)
    types = data.get("types")
    if not isinstance(types, dict) or not types:
        raise RuleSetError(f"{name}: types must name the agreement types")
    for type_name, spec in types.items():
        where = f"{name}, type {type_name}"
        rules = spec.get("rules")
        if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
            raise RuleSetError(f"{where}: rules must be a list of rule keys")
        citations = spec.get("citations", {})
        for key, raw in citations.items():
            _check_citation(f"{where}, citations[{key!r}]", raw, laws)
        needed = [r for r in rules if r != "notices"]
        if "notices" in rules:  # each notice is cited on its own
            needed += [f"notices.{n.get('key')}" for n in spec.get("notices", ())]
        for key in needed:
            if key not in citations and key not in set_citations:
                raise RuleSetError(f"{where}: rule {key!r} has no citation")
        allowed = spec.get("allowed_groups")
        if allowed is not None:
            known = set(TARGET_GROUPS) | set(data.get("target_groups", {}).values())
            if not isinstance(allowed, list) or not set(allowed) <= known:
                raise RuleSetError(f"{where}: allowed_groups names unknown groups "
                                   f"{sorted(set(allowed or ()) - known)}")
        for notice in spec.get("notices", ()):
            if notice.get("severity", "info") not in _SEVERITIES:
                raise RuleSetError(f"{where}: notice {notice.get('key')!r} has an unknown "
                                   "severity")


def load(raw: Iterable[dict[str, Any]],
         publications: dict[str, Publication] | None = None) -> tuple[RuleSet, ...]:
    """Resolve and validate rule sets (as read from JSON), earliest first. ``publications``
    by effective date (default: shipped, with the hash of the file's JSON)."""
    raw = list(raw)
    publications = dict(publications or {})
    for data in raw:
        if str(data.get("effective_from")) not in publications:
            publications[str(data.get("effective_from"))] = Publication(
                SHIPPED, 0, _sha256(data))
    found = []
    for data in resolve(raw):
        validate(data)
        found.append(RuleSet(dt.date.fromisoformat(data["effective_from"]), data["name"], data,
                             provisional=data["provisional"],
                             publication=publications[data["effective_from"]]))
    return tuple(sorted(found, key=lambda r: r.effective_from))


def _sha256(data: dict[str, Any]) -> str:
    import hashlib

    import rfc8785
    return hashlib.sha256(rfc8785.dumps(data)).hexdigest()


def shipped() -> list[dict[str, Any]]:
    """The rule sets shipped with the program, as read."""
    return [json.loads(entry.read_text("utf-8"))
            for entry in (resources.files("consultant_app.data") / "rulesets").iterdir()
            if entry.name.endswith(".json")]


@lru_cache(maxsize=1)
def rulesets() -> tuple[RuleSet, ...]:
    return load(shipped())


def ruleset_for(day: dt.date, sets: Iterable[RuleSet] | None = None) -> RuleSet:
    """The rule set in force on ``day`` (the earliest one for days before all of them)."""
    ordered = sorted(rulesets() if sets is None else sets, key=lambda r: r.effective_from)
    current = ordered[0]
    for ruleset in ordered:
        if ruleset.effective_from <= day:
            current = ruleset
    return current
