"""One way to write a number for a Dane: consultant_app.text.format_number / format_amount."""

from __future__ import annotations

import re

from consultant_app.services.fields import number
from consultant_app.text import format_amount, format_number

from ..support.source_scan import ROOT, lines_matching


def test_a_number_has_a_decimal_comma_and_no_needless_zeros() -> None:
    assert format_number(7.5) == "7,5"
    assert format_number(37.0) == "37"
    assert format_number(37) == "37"
    assert format_number(0.125) == "0,125"
    assert format_number(-2.5) == "-2,5"
    assert format_number(0.00001) == "0,00001"


def test_decimals_round_and_drop_trailing_zeros() -> None:
    assert format_number(7.25, 1) == "7,2"
    assert format_number(7.96, 1) == "8"
    assert format_number(37.5, 2) == "37,5"
    assert format_number(-0.04, 1) == "0"


def test_grouping_marks_the_thousands_with_a_point() -> None:
    assert format_number(12345.5, 2, grouping=True) == "12.345,5"
    assert format_number(12345, grouping=True) == "12.345"
    assert format_number(-1234567, grouping=True) == "-1.234.567"
    assert format_number(999, grouping=True) == "999"


def test_an_amount_has_ore() -> None:
    assert format_amount(1234.5) == "1.234,50"
    assert format_amount(0) == "0,00"


def test_what_is_shown_reads_back_as_the_same_number() -> None:
    convert = number()
    for value in (7.5, 37.0, 0.125, 12.345, 1234.5678):
        assert convert(format_number(value), "hours") == value
    assert convert(format_number(12345.5, grouping=True), "hours") == 12345.5


def test_no_decimal_comma_by_hand_in_the_code() -> None:
    """Numbers become Danish text through consultant_app.text only; a '.'-to-',' swap
    anywhere else is a second number format growing up again."""
    pattern = re.compile(r"""replace\(\s*["']\.["']\s*,\s*["'],["']\s*\)""")
    found = lines_matching(pattern, allowed=ROOT / "consultant_app" / "text.py")
    assert not found, "\n".join(found)
