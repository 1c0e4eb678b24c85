"""Calendar arithmetic the rules share: durations written as data ("weeks:13", "months:6"),
months added the way a lawyer counts them, ages on a day, and numbers and dates written the
Danish way in messages."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from consultant_app.text import format_date, format_moment, format_number

WEEKS, MONTHS = "weeks", "months"


@dataclass(frozen=True)
class Duration:
    """A legal duration as a rule set writes it: ``"weeks:13"`` or ``"months:6"``."""

    unit: str
    amount: int

    @classmethod
    def parse(cls, text: str) -> Duration:
        unit, _, amount = text.partition(":")
        if unit not in (WEEKS, MONTHS) or not amount.isdigit():
            raise ValueError(f"not a duration: {text!r}")
        return cls(unit, int(amount))

    def last_day(self, start: dt.date) -> dt.date:
        """The last day of a period of this length beginning on ``start`` (both days
        included): 4 weeks from Monday 2 March end on Sunday 29 March; 6 months from
        15 January end on 14 July; 6 months from 31 August end on the last day of February
        (the day before 31 February would be, had it existed)."""
        if self.unit == WEEKS:
            return start + dt.timedelta(weeks=self.amount, days=-1)
        same_day = add_months(start, self.amount)
        if same_day.day < start.day:  # the month is shorter: it ends on its last day
            return same_day
        return same_day - dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the month's last day when it is shorter (31 January + 1
    month = 28/29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def age_on(birth: dt.date, day: dt.date) -> int:
    """Full years on ``day`` (one is a year older on the birthday itself; born 29 February:
    on 1 March in other years)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def as_date(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def as_number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def danish_date(day: dt.date) -> str:
    return format_date(day)


def danish_moment(moment: dt.datetime) -> str:
    """A UTC moment as Danish local time: "25.11.2026 kl. 23:12"."""
    from zoneinfo import ZoneInfo
    return format_moment(moment, ZoneInfo("Europe/Copenhagen"))


def danish_number(value: float) -> str:
    """37 -> "37", 37.5 -> "37,5", 12345.5 -> "12.345,5" (for messages)."""
    return format_number(value, 2, grouping=True)
