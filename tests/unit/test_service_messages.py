"""The service's messages are translatable templates (``_N(CTX, "…")`` with ``{placeholders}``,
sync/server/errors.py): the API answers in Danish as before, ``ui.i18n.update`` collects the
templates, and the catalogue gives each its English with the same placeholders."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from xml.etree import ElementTree

from sync.server.console.i18n import Translator
from sync.server.errors import CTX, ServiceError
from ui.i18n import update

ROOT = Path(__file__).resolve().parents[2]
SERVER = ROOT / "sync" / "server"
SERVER_CLI = ROOT / "sync" / "server_cli.py"
# The calls that take a service message, and the position of the message among their arguments.
MESSAGE_ARG = {"ServiceError": 2, "LockedOut": 0, "_invalid": 0, "refusal_text": 0,
               "Rejected": 1, "_error": 2, "detail": 1}


def _bare_messages(path: Path) -> list[str]:
    """Message arguments written as text (an f-string, a literal, a sum) instead of a template."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", None))
        position = MESSAGE_ARG.get(name)
        if position is None or len(node.args) <= position:
            continue
        arg = node.args[position]
        if isinstance(arg, (ast.JoinedStr, ast.Constant, ast.BinOp)):
            found.append(f"{path.name}:{node.lineno}")
    return found


def test_every_service_message_is_a_template() -> None:
    found = [f"{path.parent.relative_to(ROOT)}/{hit}"
             for path in (*sorted(SERVER.rglob("*.py")), SERVER_CLI)
             for hit in _bare_messages(path)]
    assert found == [], "mark the message _N(CTX, ...) with {placeholders}: " + ", ".join(found)


def test_the_scan_sees_a_bare_message(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('raise ServiceError(404, "x", f"Kommunen {code} findes ikke.")\n'
                      'raise _invalid("Feltet er forkert.")\n'
                      'raise ServiceError(404, "x", _N(CTX, "Kommunen {code} findes ikke."))\n'
                      'raise Rejected("invalid", f"Ukendt posttype {entity}.")\n'
                      'raise Rejected("invalid", refusal_text(_N(CTX, "Ukendt {entity}.")))\n',
                      encoding="utf-8")
    assert _bare_messages(sample) == ["sample.py:1", "sample.py:2", "sample.py:4"]


def _catalogue() -> dict[str, str]:
    root = ElementTree.parse(update.TS_FILE).getroot()
    for context in root.iter("context"):
        if context.findtext("name") == CTX:
            return {m.findtext("source") or "": m.find("translation") for m in
                    context.iter("message")}  # type: ignore[misc]
    return {}


def test_every_template_is_collected_and_has_its_english() -> None:
    templates = {text for path in (*sorted(SERVER.rglob("*.py")), SERVER_CLI)
                 for context, text in update.core_templates(path) if context == CTX}
    assert len(templates) >= 30
    catalogue = _catalogue()
    for template in templates:
        translation = catalogue.get(template)
        assert translation is not None, template
        assert translation.get("type") != "unfinished" and translation.text, template
        assert set(re.findall(r"{\w+}", translation.text)) == set(re.findall(r"{\w+}", template))


def test_the_wire_stays_danish_and_english_can_be_given() -> None:
    from sync.server import admin
    try:
        admin.normalize_municipality("abc")
    except ServiceError as exc:
        error = exc
    template = "Kommunekoden '{code}' skal være et tal på højst fire cifre (fx 0751)."
    assert error.body() == {"detail": {
        "code": "invalid",
        "message": "Kommunekoden 'abc' skal være et tal på højst fire cifre (fx 0751).",
        "text": {"context": CTX, "template": template, "params": {"code": "abc"}}}}
    assert error.text.render(Translator("en").pair) == (
        "The municipality code 'abc' must be a number of at most four digits (e.g. 0751).")
