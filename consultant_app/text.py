"""User-visible text of the core.

The core does not import Qt, yet its messages must go through Qt's translation system in the
UI. Each message template is therefore written inside ``QT_TRANSLATE_NOOP(context, text)``:
pyside6-lupdate finds the literal by that name, the core formats the Danish source text for the
CLI and logs, and the UI looks the same template up with ``QCoreApplication.translate`` before
formatting. One place where user-visible text becomes a string: ``Message.render``.
"""

from __future__ import annotations

import datetime as dt
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


def format_moment(moment: dt.datetime | None, zone: dt.tzinfo | None = None) -> str:
    """A stored moment as the consultant reads a clock: "25.11.2026 kl. 20:21" in ``zone``
    (the computer's own time zone when None). A naive moment is UTC, as the store keeps it."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    local = moment.astimezone(zone)
    return f"{local.strftime(DATE_FORMAT)} kl. {local.strftime('%H:%M')}"


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
