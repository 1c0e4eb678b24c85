"""The English catalogue as the pseudo-translation tests read it: which texts it translates,
and the marks a pseudo-translator puts around each (the desktop's, the CLI's output and its
help)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ui.i18n.update import TS_FILE

OPEN, CLOSE = "⟦", "⟧"
# A marked text, the marks included.
MARKED = re.compile(re.escape(OPEN) + "[^" + OPEN + CLOSE + "]*" + re.escape(CLOSE))
# A word: two letters or more (Danish letters too), no digits.
WORD = re.compile(r"[^\W\d_]{2,}")


def translated() -> set[tuple[str, str]]:
    """(context, source) of every text the English catalogue translates."""
    found: set[tuple[str, str]] = set()
    for ctx in ET.parse(TS_FILE).getroot().iter("context"):
        for msg in ctx.iter("message"):
            translation = msg.find("translation")
            if translation is not None and translation.get("type") not in (
                    "unfinished", "vanished", "obsolete") \
                    and "".join(translation.itertext()).strip():
                found.add((ctx.findtext("name") or "", msg.findtext("source") or ""))
    return found
