"""What every rule shares: the severities, ``Finding``, ``Facts``, the registry the rule
modules add themselves to with ``@rule``, and the caveat a finding gets from an unconfirmed
citation or a provisional set. The package (``forms.rules``) imports every rule module and
evaluates; the rule modules import only this module and their helpers, so no import runs
back up into the package."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from consultant_app.rulesets import (
    Citation,
    RuleSet,
)
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message

CTX = "rules"

ERROR = "error"      # blocks signing
WARNING = "warning"  # must be acknowledged with a note before signing
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)


@dataclass(frozen=True)
class Finding:
    rule: str          # the rule's key, e.g. "max_duration"
    severity: str
    field: str         # the content field it is about ("" for the whole agreement)
    message: Message
    # The citation key the rule used when narrower than the rule ("max_duration_extension");
    # evaluate() resolves it against the set.
    cite: str = ""
    citation: Citation | None = None
    provisional: bool = False  # judged by a provisional rule set

    @property
    def key(self) -> str:
        """Identifies the finding for an acknowledgement: same rule, same field."""
        return f"{self.rule}:{self.field}"

    @property
    def confirmed(self) -> bool:
        """The finding rests on a parameter read in the law text, in a final rule set."""
        return self.citation is not None and self.citation.confirmed and not self.provisional

    @classmethod
    def of(cls, rule: str, severity: str, field: str, template: str, *, cite: str = "",
           **params: Any) -> Finding:
        return cls(rule, severity, field, Message(CTX, template, params), cite=cite)


@dataclass(frozen=True)
class Facts:
    """What the rules know besides the agreement's content. Gathered by ``forms.facts``."""

    today: dt.date
    agreement_id: str = ""
    citizen_last_employer_cvr: str = ""
    # Persons already in praktik / løntilskud at the same P-number (CVR when none) on the
    # start date, not counting this agreement: the sum of the three parts below
    # (forms.facts says how each is counted).
    already_placed: int = 0
    # Persons already placed at the same CVR (merbeskæftigelse is judged per company).
    already_placed_cvr: int = 0
    placed_registered: int = 0  # registered on the employer record
    placed_municipal: int = 0   # the municipality's agreements, from the central service
    placed_local: int = 0       # this device's own agreements
    # When the central service's count was made (None: never fetched; the device alone).
    placements_as_of: dt.datetime | None = None
    citizen_birth_date: dt.date | None = None
    # The citizen record's unemployed-since date; the content's ``unemployed_since`` wins.
    citizen_unemployed_since: dt.date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


# The caveats evaluate() adds to a finding's message ({text} is the rule's own message).
CAVEAT_UNCONFIRMED = _N(
    CTX, "{text} (Ubekræftet: {citation} er ikke bekræftet i lovteksten; tjek reglen, før du "
         "lægger vægt på den.)")
CAVEAT_PROVISIONAL = _N(
    CTX, "{text} (Foreløbig regel: regelsættet »{ruleset}« bygger på en lov, hvis endelige "
         "tekst ikke er offentliggjort; tjek den gældende regel.)")


def _cited(finding: Finding, agreement_type: str, content: dict[str, Any],
           ruleset: RuleSet) -> Finding:
    """The finding with its citation and, where it rests on an unconfirmed citation or a
    provisional set, the caveat in its message. Such a finding never blocks: an error from a
    rule we could not read in the law text becomes a warning, to be confirmed with a note
    (a wrong wall is worse than a warning)."""
    group = content.get("target_group") or ""
    key = finding.cite or finding.rule
    citation = ruleset.citation(agreement_type, key, group)
    message, severity = finding.message, finding.severity
    if citation is not None and not citation.confirmed:
        message = Message(CTX, CAVEAT_UNCONFIRMED, {"text": message,
                                                    "citation": citation.text()})
        severity = WARNING if severity == ERROR else severity
    if ruleset.provisional:
        message = Message(CTX, CAVEAT_PROVISIONAL, {"text": message, "ruleset": ruleset.name})
    return dataclasses.replace(finding, severity=severity, message=message, citation=citation,
                               provisional=ruleset.provisional)


Rule = Callable[[str, dict[str, Any], Facts, RuleSet], Iterable[Finding]]
RULES: dict[str, Rule] = {}


def rule(key: str) -> Callable[[Rule], Rule]:
    """Register a rule function under ``key``; a rule set lists the keys it applies per type."""
    def register(fn: Rule) -> Rule:
        RULES[key] = fn
        return fn
    return register
