"""The service's refusals reach the consultant in the language they chose (protocol,
Errors): the service sends its Danish words and the same words as a template with its
parameters; the device keeps both and renders the template from its own catalogue. Before,
only the Danish words crossed the wire, so an English window or ``--lang en`` showed them in
Danish. A template a device cannot render safely costs its translation, never the answer."""

from __future__ import annotations

import httpx
import pytest

from consultant_app import services
from consultant_app.text import Message, verbatim
from sync.client.conflicts import list_conflicts
from sync.client.errors import answer_text, refusal_text
from tests.support.cli import run_app
from tests.support.devices import http_device, one_consultants_devices
from tests.support.refusals import refusal
from ui.cli import translator

ENGLISH = translator("en")

ADOPTED_EN = ("The employer (same CVR and P number) had already been created centrally, e.g. "
              "from another device. Your record has been merged into it; your details that "
              "differ are shown here so you can choose them.")


def english(message: Message) -> str:
    assert ENGLISH is not None
    return message.render(ENGLISH)


def test_a_duplicate_refused_by_the_service_is_kept_and_shown_in_english(shared_server,
                                                                          tmp_path):
    """Two devices register the same employer offline; the second's create is answered
    "duplicate" and adopted into the first's, with the service's reason kept in its
    conflict list: in Danish as the service wrote it, in English from the catalogue."""
    (first_store, first), (second_store, second) = one_consultants_devices(
        shared_server, tmp_path, "Ulla Refusal", "first", "second")
    for store, name in ((first_store, "Lager A/S"), (second_store, "Lageret")):
        with store.write() as s:
            services.create_employer(s, {"cvr": "10000009", "p_number": "1000000000",
                                         "name": name})
    first.sync()
    second.sync()
    with second_store.read() as s:
        [reason] = [c for c in list_conflicts(s) if not c.field]
    kept = reason.server_value
    assert kept["code"] == "duplicate" and kept["text"]["context"] == "service"
    assert refusal_text(kept).render() == kept["message"]
    assert kept["message"].startswith("Virksomheden (samme CVR- og P-nummer) var allerede")
    assert english(refusal_text(kept)) == ADOPTED_EN
    second_store.close()
    shown = run_app(tmp_path / "second", "--lang", "en", "conflicts", "list")
    assert shown.returncode == 0 and ADOPTED_EN in shown.stdout, shown.stderr
    assert "{'code'" not in shown.stdout  # the entry used to be printed as a dict


def test_an_error_answer_renders_in_english_with_its_parameters_translated(shared_server):
    """A push whose value breaks the protocol's limits: the 422 names the field in Danish,
    and its template (a protocol check's message inside the service's sentence) renders in
    English all the way down."""
    headers = http_device(shared_server, shared_server.add_consultant(
        shared_server.new_municipality(), "Lars Limit"))
    answer = httpx.post(f"{shared_server.api}/push", headers=headers,
                        json={"operations": [{
                            "op_id": "op-1", "entity": "employer", "entity_id": "e-1",
                            "op": "create", "values": {"name": "A\u0000B"}}]})
    assert answer.status_code == 422
    detail = refusal(answer)
    assert "'name'" in detail["message"] and "NUL" in detail["message"]
    text = answer_text(detail["message"], detail["text"])
    assert english(text) == ("The field 'operations.0' has an invalid value: The field 'name' "
                             "contains the character NUL (\\u0000), which cannot be stored.")


@pytest.mark.parametrize("text", [
    {"context": "service", "template": "{x.__class__}", "params": {"x": "a"}},
    {"context": "service", "template": "{x[0]}", "params": {"x": "a"}},
    {"context": "service", "template": "{0}", "params": {"0": "a"}},
    {"context": "service", "template": "{x:>99999999}", "params": {"x": "a"}},
    {"context": "service", "template": "{x!r}", "params": {"x": "a"}},
    {"context": "service", "template": "{missing}", "params": {}},
    {"context": "service", "template": "{", "params": {}},
    {"context": "service", "template": "{x}", "params": {"x": [1, 2]}},
    {"context": "service", "template": "{x}", "params": {"x": True}},
    {"context": 7, "template": "x", "params": {}},
    {"context": "service", "template": "x" * 5000, "params": {}},
    "Feltet",
    None,
])
def test_a_template_that_is_not_plain_shows_the_services_own_words(text):
    """Only ``{name}`` of parameters it carries: anything else (attribute, index or format,
    a missing or odd parameter, a broken brace) would make ``str.format`` on the reader's
    side follow the sender's lead, so the Danish words are shown as they are."""
    shown = answer_text("Posten blev afvist {uden skabelon}.", text)
    assert shown == verbatim("Posten blev afvist {uden skabelon}.")
    assert english(shown) == "Posten blev afvist {uden skabelon}."


def test_a_refusal_kept_before_templates_shows_its_danish_words():
    """Conflict entries written by an earlier version hold only the code and the words."""
    old = {"code": "out_of_scope", "message": "Enheden har ikke adgang til denne post (x)."}
    assert english(refusal_text(old)) == old["message"]
    assert refusal_text({"code": "invalid"}).render() == "invalid"


def test_the_service_side_of_a_nested_message_survives_the_wire():
    """A parameter that is itself a message (a lifecycle status, a parent's name) is sent
    as a template too and translated with the rest."""
    sent = Message("service", "Posten hører til {parent}, som ikke findes på den centrale "
                              "tjeneste (den er måske afvist). Ændringen er ikke gemt centralt.",
                   {"parent": Message("service", "en virksomhed")})
    received = Message.from_wire(sent.to_wire())
    assert received == sent
    assert english(received).startswith("The record belongs to an employer, which")
