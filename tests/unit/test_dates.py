"""One date format wherever a date is shown: 25.11.2026."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from consultant_app.services.fields import date
from consultant_app.text import format_date, format_moment
from ui.cli import translator

from ..support.source_scan import ROOT, lines_matching


def test_a_date_is_written_the_danish_way() -> None:
    assert format_date(dt.date(2026, 11, 25)) == "25.11.2026"
    assert format_date(dt.date(2026, 3, 1)) == "01.03.2026"
    assert format_date(None) == ""


def test_a_moment_is_local_time_with_kl() -> None:
    utc = dt.datetime(2026, 11, 25, 19, 21)  # the store keeps naive UTC
    assert format_moment(utc, ZoneInfo("Europe/Copenhagen")) == "25.11.2026 kl. 20:21"
    summer = dt.datetime(2026, 7, 1, 22, 30, tzinfo=dt.timezone.utc)
    assert format_moment(summer, ZoneInfo("Europe/Copenhagen")) == "02.07.2026 kl. 00:30"
    assert format_moment(None) == ""


def test_a_moment_in_english_says_at_not_kl() -> None:
    """The clock's word comes from the catalogue like every other text a reader sees."""
    english = translator("en")
    assert english is not None
    utc = dt.datetime(2026, 11, 25, 19, 21)
    assert format_moment(utc, ZoneInfo("Europe/Copenhagen"), english) == "25.11.2026 at 20:21"
    assert format_moment(None, translate=english) == ""


def test_what_is_shown_can_be_typed_back() -> None:
    day = dt.date(2026, 11, 25)
    assert date()(format_date(day), "start_date") == day


def test_no_other_date_format_in_the_code() -> None:
    """Dates are written through consultant_app.text only; a day-month-year format string
    anywhere else is a second format growing up again."""
    pattern = re.compile(r"%d[-./]%m[-./]%Y|%d-%m|%d\.%m")
    found = lines_matching(pattern, allowed=ROOT / "consultant_app" / "text.py")
    assert not found, "\n".join(found)
