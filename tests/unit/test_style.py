"""The colours that carry meaning (a problem, all well, a warning) come from ui/style.py."""

from __future__ import annotations

import re

from ..support.source_scan import ROOT, lines_matching


def _grey(hex_colour: str) -> bool:
    step = len(hex_colour) // 3
    return len({hex_colour[i:i + step].lower() for i in range(0, len(hex_colour), step)}) == 1


def test_no_text_colour_written_by_hand_in_the_desktop() -> None:
    """A text colour spelled as a hex literal outside ui/style.py is a second red (or green)
    growing up: seven files once wrote the error colour themselves, in three shades."""
    pattern = re.compile(r"color:\s*#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
    found = lines_matching(pattern, allowed=ROOT / "ui" / "style.py", folders=("ui",),
                           keep=lambda m: not _grey(m.group(1)))  # a grey says nothing
    assert not found, "\n".join(found)
