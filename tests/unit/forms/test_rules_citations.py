"""The rule sets carry their citations: the loader refuses a set without them, every finding
carries the citation it rests on, and a finding from an unconfirmed citation or a provisional
set says so in its message, in Danish and (through the catalogue) in English."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from consultant_app import rulesets as rs
from consultant_app.rulesets import Citation, RuleSetError, load, ruleset_for, shipped
from forms.rules import Facts, evaluate

D = dt.date


def base_set() -> dict[str, Any]:
    return copy.deepcopy(next(s for s in shipped() if "based_on" not in s))


def test_every_shipped_set_loads_and_cites_every_rule_it_applies():
    sets = rs.rulesets()
    assert sets
    for ruleset in sets:
        for agreement_type, spec in ruleset.params["types"].items():
            for rule in spec["rules"]:
                keys = ([f"notices.{n['key']}" for n in spec.get("notices", ())]
                        if rule == "notices" else [rule])
                for key in keys:
                    citation = ruleset.citation(agreement_type, key)
                    assert isinstance(citation, Citation), (ruleset.name, agreement_type, key)
                    assert citation.law in ruleset.params["laws"]


def test_only_the_2027_set_is_provisional_and_that_is_not_inherited():
    assert [(s.effective_from, s.provisional) for s in rs.rulesets()] == [
        (D(2019, 1, 1), False), (D(2026, 1, 1), False), (D(2026, 2, 1), False),
        (D(2027, 1, 1), True)]
    later = {"effective_from": "2028-01-01", "based_on": "2027-01-01", "name": "x",
             "source": "y"}
    assert load([*shipped(), later])[-1].provisional is False


@pytest.mark.parametrize("break_it, named", [
    (lambda s: s["types"]["virksomhedspraktik"]["citations"].pop("ratio"),
     "type virksomhedspraktik: rule 'ratio' has no citation"),
    (lambda s: s["types"]["virksomhedspraktik"]["citations"]["ratio"].update(law="XYZ"),
     "citations['ratio']: law 'XYZ' is not one of the set's laws"),
    (lambda s: s["types"]["igu"]["citations"]["igu_age"].update(confirmed="yes"),
     "type igu, citations['igu_age']: confirmed must be true or false"),
    (lambda s: s["types"]["igu"]["citations"]["igu_school_weeks"].pop("paragraph"),
     "citations['igu_school_weeks']: a confirmed citation needs its paragraph"),
    (lambda s: s["types"]["igu"]["citations"]["igu_age"].update(section="2"),
     "unknown citation keys ['section']"),
    (lambda s: s.update(provisional="no"), "provisional must be true or false"),
    (lambda s: s.pop("laws"), "laws must map short names to titles"),
    (lambda s: s["types"]["fleksjob"].update(allowed_groups=["fleksjob"]),
     "allowed_groups names unknown groups ['fleksjob']"),
])
def test_the_loader_refuses_a_set_without_valid_citations_and_names_the_place(break_it, named):
    data = base_set()
    break_it(data)
    with pytest.raises(RuleSetError, match="rule set '2019-01-01'") as raised:
        load([data])
    assert named in str(raised.value)


def test_a_notice_needs_its_own_citation():
    data = base_set()
    data["types"]["mentor"]["notices"] = [{"key": "mentor_reduced_2026", "severity": "info"}]
    with pytest.raises(RuleSetError, match="'notices.mentor_reduced_2026' has no citation"):
        load([data])


def test_a_citation_reads_as_the_law_writes_it():
    assert Citation("LAB", "61", True, stk="1", nr="2").text() == "LAB § 61, stk. 1, nr. 2"
    assert Citation("BEK", "65", False).text() == "BEK § 65"
    assert Citation("LAB", "80 a", True, stk="2").as_dict() == {
        "law": "LAB", "paragraph": "80 a", "stk": "2", "confirmed": True}


def test_the_narrowest_citation_wins():
    data = base_set()
    cites = data["types"]["virksomhedspraktik"]["citations"]
    cites["max_duration"] = {"law": "LAB", "paragraph": "61", "stk": "1", "confirmed": True}
    cites["max_duration.sygedagpenge"] = {"law": "LAB", "paragraph": "62", "confirmed": False}
    ruleset = load([data])[0]
    assert ruleset.citation("virksomhedspraktik", "max_duration", "sygedagpenge").paragraph == "62"
    assert ruleset.citation("virksomhedspraktik", "max_duration", "dagpenge").text() == \
        "LAB § 61, stk. 1"
    # a narrower key than any citation falls back to its rule
    assert ruleset.citation("virksomhedspraktik", "max_duration.beyond", "dagpenge").text() == \
        "LAB § 61, stk. 1"


def _finding(ruleset: rs.RuleSet, content: dict[str, Any], rule: str):
    found = [f for f in evaluate("virksomhedspraktik", content, Facts(today=D(2026, 1, 5), already_placed=1),
                                 ruleset=ruleset) if f.rule == rule]
    assert len(found) == 1, found
    return found[0]


def _with_ratio_citation(confirmed: bool, provisional: bool = False) -> rs.RuleSet:
    data = base_set()
    data["provisional"] = provisional
    data["types"]["virksomhedspraktik"]["citations"]["ratio"] = {
        "law": "BEK", "paragraph": "65", "stk": "1", "confirmed": confirmed}
    return load([data])[0]


CONTENT = {"start_date": D(2026, 3, 2), "target_group": "dagpenge", "ordinary_employees": 4}


def test_a_finding_carries_its_citation_and_a_confirmed_one_adds_nothing():
    finding = _finding(_with_ratio_citation(True), CONTENT, "ratio")
    assert finding.citation == Citation("BEK", "65", True, stk="1")
    assert finding.confirmed and not finding.provisional
    assert "Ubekræftet" not in str(finding.message)
    assert "Foreløbig" not in str(finding.message)


def test_a_finding_from_an_unconfirmed_citation_says_so_in_danish_and_english(qapp):
    finding = _finding(_with_ratio_citation(False), CONTENT, "ratio")
    assert not finding.confirmed
    text = str(finding.message)
    assert text.startswith("Rimelighedskravet")
    assert "(Ubekræftet: BEK § 65, stk. 1 er ikke bekræftet i lovteksten" in text
    english = _english(finding.message)
    assert "Unconfirmed: BEK § 65, stk. 1" in english and "Ubekræftet" not in english
    assert "Rimelighedskravet" not in english  # the rule's own text is translated too


def test_a_finding_from_a_provisional_set_says_so_in_danish_and_english(qapp):
    finding = _finding(_with_ratio_citation(True, provisional=True), CONTENT, "ratio")
    assert finding.provisional and not finding.confirmed
    assert "(Foreløbig regel: regelsættet »LAB 2019 (13 målgrupper)«" in str(finding.message)
    assert "Provisional rule" in _english(finding.message)


def test_the_shipped_2027_set_marks_every_finding_provisional():
    content = {**CONTENT, "start_date": D(2027, 3, 1)}
    findings = evaluate("virksomhedspraktik", content, Facts(today=D(2027, 1, 4), already_placed=1))
    assert findings and all(f.provisional for f in findings)
    assert all("Foreløbig regel" in str(f.message) for f in findings)
    assert ruleset_for(D(2027, 3, 1)).provisional


def _english(message) -> str:
    """The message through the shipped English catalogue, as the UI renders it."""
    from PySide6.QtCore import QTranslator

    from ui.i18n import CATALOGUE, I18N_DIR
    translator = QTranslator()
    assert translator.load(f"{CATALOGUE}_en", str(I18N_DIR))
    return message.render(lambda ctx, text: translator.translate(ctx, text) or text)
