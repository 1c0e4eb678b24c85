"""Typed user settings over QSettings, declared in one place (Picard's options pattern).

Each ``Option`` names its key, type and default once; ``Settings`` reads and writes them,
converts QSettings' loosely typed values (an ini file gives back strings) to the declared type
and emits ``changed(name, value)`` so a window can follow a setting without polling. Tests
pass their own ``QSettings`` (an ini file in a temporary folder), so they never touch the
user's settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

ORGANIZATION = "consultant-app"
APPLICATION = "Virksomhedskonsulent"
LANGUAGES = ("da", "en")


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any


# Every setting the desktop keeps. Splitters are one option each, named by the widget.
OPTIONS: dict[str, Option] = {o.key: o for o in (
    Option("ui/language", str, "da"),
    Option("window/geometry", QByteArray, QByteArray()),
    Option("window/state", QByteArray, QByteArray()),
    Option("window/last_page", str, "today"),
    Option("splitter/main", QByteArray, QByteArray()),
    Option("pdf/folder", str, ""),  # where a sealed agreement's PDF was saved last
)}
SPLITTER_PREFIX = "splitter/"


def option(key: str) -> Option:
    """The declared option; any splitter (``splitter/<objectName>``) is a QByteArray option,
    so a page only has to name its splitter to have it remembered."""
    if key in OPTIONS:
        return OPTIONS[key]
    if key.startswith(SPLITTER_PREFIX):
        return Option(key, QByteArray, QByteArray())
    raise KeyError(key)


class Settings(QObject):
    changed = Signal(str, object)  # option key, new value

    def __init__(self, backend: QSettings | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.backend = backend if backend is not None else QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)

    def get(self, key: str) -> Any:
        opt = option(key)
        raw = self.backend.value(key, opt.default)
        return _convert(raw, opt)

    def set(self, key: str, value: Any) -> None:
        opt = option(key)
        value = _convert(value, opt)
        if self.backend.contains(key) and self.get(key) == value:
            return
        self.backend.setValue(key, value)
        self.changed.emit(key, value)

    def sync(self) -> None:
        self.backend.sync()

    @property
    def language(self) -> str:
        value = self.get("ui/language")
        return value if value in LANGUAGES else "da"


def _convert(raw: Any, option: Option) -> Any:
    """A stored value as the option's type, or the default when it cannot be one."""
    if raw is None:
        return option.default
    if option.type is QByteArray:
        if isinstance(raw, QByteArray):
            return raw
        if isinstance(raw, (bytes, bytearray)):
            return QByteArray(bytes(raw))
        return option.default
    if option.type is bool:
        if isinstance(raw, str):
            return raw.lower() in ("1", "true", "yes")
        return bool(raw)
    try:
        return option.type(raw)
    except (TypeError, ValueError):
        return option.default
