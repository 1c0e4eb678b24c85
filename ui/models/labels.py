"""Display text for coded values in lists: domain codes become their translated Danish labels.

Lists hold codes ("planned", "smajob"); the labels live in ``consultant_app.domain`` as
translatable templates. One formatter per kind of list keeps that mapping out of the views.
"""

from __future__ import annotations

from typing import Any, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP

from consultant_app import domain

from ..i18n import tr
from .id_table import Formatter, default_format

# (kind, column key) -> the vocabulary its codes come from
VOCABULARIES: dict[tuple[str, str], Mapping[str, str]] = {
    ("visit", "status"): domain.VISIT_STATUSES,
    ("vacancy", "kind"): domain.VACANCY_KINDS,
    ("vacancy", "status"): domain.VACANCY_STATUSES,
    ("match", "status"): domain.MATCH_STATUSES,
    ("citizen", "target_group"): domain.TARGET_GROUPS,
}


def domain_label(vocabulary: Mapping[str, str], code: str | None) -> str:
    """The translated Danish label of a domain code; the code itself if it is unknown, and
    nothing for no code."""
    if not code:
        return ""
    label = vocabulary.get(code)
    return code if label is None else tr(domain.CTX, label)


def formatter_for(kind: str) -> Formatter:
    def format_value(key: str, value: Any) -> str:
        vocabulary = VOCABULARIES.get((kind, key))
        if vocabulary is not None and isinstance(value, str):
            return domain_label(vocabulary, value)
        if isinstance(value, bool):
            return tr("labels", "Ja") if value else ""
        return default_format(key, value)
    return format_value


# An agreement's status codes as the forms package sets them; unknown codes show as stored.
AGREEMENT_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("agreements", "Kladde"),
    "signing": QT_TRANSLATE_NOOP("agreements", "Under underskrift"),
    "signed": QT_TRANSLATE_NOOP("agreements", "Underskrevet"),
    "sealed": QT_TRANSLATE_NOOP("agreements", "Forseglet"),
    "delivered": QT_TRANSLATE_NOOP("agreements", "Afleveret"),
}


def status_text(status: str) -> str:
    """The Danish name of an agreement's status."""
    if status in AGREEMENT_STATUSES:
        return tr("agreements", AGREEMENT_STATUSES[status])
    return status
