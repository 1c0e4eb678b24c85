"""Reading the program's own source for a pattern: the tests that keep one way of doing a thing
(one date format, one number format, one error colour) fail on a second way growing up."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE_FOLDERS = ("consultant_app", "forms", "sync", "ui")


def lines_matching(pattern: re.Pattern[str], allowed: Path,
                   folders: Iterable[str] = SOURCE_FOLDERS,
                   keep: Callable[[re.Match[str]], bool] = lambda _m: True) -> list[str]:
    """``path:line: text`` of every source line where ``pattern`` matches (and ``keep``
    agrees), outside the one module ``allowed`` to do it."""
    found = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path == allowed:
                continue
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if any(keep(m) for m in pattern.finditer(line)):
                    found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    return found
