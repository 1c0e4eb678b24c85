"""User-visible text of the core.

The core does not import Qt, yet its messages must go through Qt's translation system in the
UI. Each message template is therefore written inside ``QT_TRANSLATE_NOOP(context, text)``:
pyside6-lupdate finds the literal by that name, the core formats the Danish source text for the
CLI and logs, and the UI looks the same template up with ``QCoreApplication.translate`` before
formatting. One place where user-visible text becomes a string: ``Message.render``.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it here."""
    return text


Translator = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Message:
    """A translatable template with its parameters (Danish source text)."""

    context: str
    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, translate: Translator = _identity) -> str:
        """The text in the translator's language; a parameter that is itself a ``Message``
        (a finding's text inside a caveat) is rendered with the same translator."""
        params = {k: v.render(translate) if isinstance(v, Message) else v
                  for k, v in self.params.items()}
        return translate(self.context, self.template).format(**params)

    def __str__(self) -> str:
        return self.render()

    def to_wire(self) -> dict[str, Any]:
        """The message as JSON (``{"context", "template", "params"}``), for another program
        to render in its reader's language: how the central service sends a refusal, and how
        the device keeps it. A parameter that is not text or a number is sent as its text."""
        return {"context": self.context, "template": self.template,
                "params": {k: _wire_param(v) for k, v in self.params.items()}}

    @classmethod
    def from_wire(cls, data: Any) -> Message | None:
        """A message received as JSON (``to_wire``), or None where it is not one that can be
        rendered safely: its template may name only plain parameters that it carries
        (``{name}``), never an attribute, an index or a format (``str.format`` would follow
        ``{x.__class__}`` on the reader's side). The caller then shows the sender's own text."""
        return _from_wire(data, depth=0)


def verbatim(text: str) -> Message:
    """Text that is already in its final words (the sender's own, where it sent no template):
    shown as it is in every language."""
    return Message("", "{text}", {"text": text})


MAX_WIRE_DEPTH = 3  # a parameter's message's parameter's message: more is not a real text
MAX_WIRE_TEXT = 4000


def _wire_param(value: Any) -> Any:
    if isinstance(value, Message):
        return value.to_wire()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return value
    return str(value)


def _from_wire(data: Any, depth: int) -> Message | None:
    if depth > MAX_WIRE_DEPTH or not isinstance(data, dict):
        return None
    context, template, params = data.get("context"), data.get("template"), data.get("params", {})
    if not (isinstance(context, str) and isinstance(template, str) and isinstance(params, dict)
            and len(context) <= 200 and len(template) <= MAX_WIRE_TEXT):
        return None
    values: dict[str, Any] = {}
    for name, value in params.items():
        if isinstance(value, dict):
            value = _from_wire(value, depth + 1)
            if value is None:
                return None
        elif not isinstance(value, (str, int, float)) or isinstance(value, bool):
            return None
        values[str(name)] = value
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError:  # an unmatched brace
        return None
    for _literal, name, spec, conversion in fields:
        if name is not None and (not name.isidentifier() or name not in values or spec
                                 or conversion):
            return None
    return Message(context, template, values)


# -- dates --------------------------------------------------------------------------------
# One way to write a date wherever one is shown (the desktop, the CLI, the rules' messages):
# the Danish convention, 25.11.2026. Three had grown up side by side (25-11-2026, 25.11.2026
# and "i dag 20:21"). Inputs still accept 25-11-2026 and 2026-11-25 (services.fields.date).
DATE_FORMAT = "%d.%m.%Y"


def format_date(day: dt.date | None) -> str:
    """25.11.2026 ("" for no date); a datetime is shown by its date."""
    if day is None:
        return ""
    return day.strftime(DATE_FORMAT)


CTX = "text"
# "kl." is Danish for the clock's time: "25.11.2026 at 20:21" in English.
MOMENT = QT_TRANSLATE_NOOP(CTX, "{date} kl. {time}")


def moment_text(moment: dt.datetime | None, zone: dt.tzinfo | None = None) -> Message:
    """A stored moment as the consultant reads a clock, "25.11.2026 kl. 20:21", in ``zone``
    (the computer's own time zone when None), to render in the reader's language. A naive
    moment is UTC, as the store keeps it; no moment is an empty text."""
    if moment is None:
        return Message(CTX, "{text}", {"text": ""})
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    local = moment.astimezone(zone)
    return Message(CTX, MOMENT, {"date": local.strftime(DATE_FORMAT),
                                 "time": local.strftime("%H:%M")})


def format_moment(moment: dt.datetime | None, zone: dt.tzinfo | None = None,
                  translate: Translator = _identity) -> str:
    """``moment_text`` rendered: in Danish, or through ``translate``."""
    return moment_text(moment, zone).render(translate)


# -- numbers ------------------------------------------------------------------------------
# Danes write a decimal comma and mark thousands with a point: 7,5 timer, 12.345,5 kr. These
# two are the one way a number becomes text for a person (inputs, lists, messages, the PDF).

def format_number(value: float, decimals: int | None = None, grouping: bool = False) -> str:
    """7,5 and 37 (not 7.5 and 37.0). ``decimals``: rounded to at most that many, trailing
    zeros dropped; without it the value exactly as held, so an input shows what is stored and
    reads it back unchanged. ``grouping`` marks the thousands: 12.345,5."""
    number = float(value)
    if decimals is None:
        text = str(int(number)) if number.is_integer() else repr(number)
        if "e" in text:  # repr's exponent form (1e-05) is no way to write a number
            text = f"{number:.20f}".rstrip("0")
    else:
        text = f"{number:.{decimals}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    if sign and not whole.strip("0") and not fraction.strip("0"):
        sign = ""  # -0,0 after rounding is 0
    if grouping:
        whole = f"{int(whole):,}".replace(",", ".")
    return sign + whole + ("," + fraction if fraction else "")


def format_amount(value: float) -> str:
    """Kroner with øre, thousands marked: 1.234,50."""
    text = f"{float(value):,.2f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
