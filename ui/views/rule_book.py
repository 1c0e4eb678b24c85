"""The rule book: the rules in force on a date, in plain Danish, each with its citation and
whether it was confirmed in the law text, so a consultant or a jurist can check them without
reading code. Read-only; built from the same read model as ``consultant-app rules show``
(``forms.rulebook.book_on``), so it shows a rule set published by the central service once the
device has synced it."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from consultant_app.text import format_date
from forms import rulebook
from forms.templates import agreement_types, get_template

from ..i18n import tr
from ..ops import Latest, OpFailure, Ops
from ..style import ERROR_COLOUR, OK_COLOUR, WARNING_COLOUR
from .partials.agreement_fields import tr_template
from .partials.inputs import ChoiceBox

CTX = "RuleBookDialog"


def _tr(text: str) -> str:
    return tr(rulebook.CTX, text)


def book_html(book: rulebook.Book) -> str:
    """The rule book as HTML for the browser (a table per agreement type)."""
    r = book.ruleset
    parts = [f"<h2>{escape(r.name)}</h2>",
             "<p>" + escape(tr("RuleBook", "Gældende fra {day}, {origin}.").format(
                 day=format_date(r.effective_from), origin=book.origin_text))
             + "</p>"]
    for reason in book.refused:
        parts.append(f"<p style='color:{ERROR_COLOUR}'>{escape(reason)}</p>")
    if r.provisional:
        parts.append(f"<p style='color:{WARNING_COLOUR}'><b>" + escape(tr(
            "RuleBook", "Foreløbigt regelsæt: det bygger på en lov, hvis endelige tekst ikke "
                        "er offentliggjort. Tjek de gældende regler.")) + "</b></p>")
    current = None
    for entry in book.entries:
        if entry.agreement_type != current:
            if current is not None:
                parts.append("</table>")
            current = entry.agreement_type
            parts.append(f"<h3>{escape(tr_template(entry.type_title))}</h3>"
                         "<table cellspacing='0' cellpadding='4' width='100%' "
                         "style='border-collapse:collapse'>")
        confirmed = (f"<span style='color:{OK_COLOUR}'>{escape(tr('RuleBook', 'Bekræftet'))}"
                     "</span>" if entry.confirmed else
                     f"<span style='color:{ERROR_COLOUR}'><b>"
                     f"{escape(tr('RuleBook', 'Ikke bekræftet'))}</b></span>")
        value = f"<br><i>{escape(entry.value)}</i>" if entry.value else ""
        note = f"<br><small>{escape(entry.note)}</small>" if entry.note else ""
        parts.append(
            "<tr style='border-bottom:1px solid #ddd'>"
            f"<td width='55%'>{escape(_tr(entry.text))}{value}</td>"
            f"<td width='30%'><b>{escape(entry.citation)}</b><br><small>{escape(entry.law)}"
            f"</small>{note}</td><td width='15%'>{confirmed}</td></tr>")
    if current is not None:
        parts.append("</table>")
    return "".join(parts)


class RuleBookDialog(QDialog):
    """Read-only: pick a date (and a type); the rules in force are shown below, read off the
    UI thread (the rule sets come from the store), the newest choice's answer only."""

    def __init__(self, ops: Ops, day: dt.date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.book: rulebook.Book | None = None  # the book on show, once read
        self._read = Latest(ops, self)
        self.setWindowTitle(tr(CTX, "Regelbog"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd-MM-yyyy")
        day = day or dt.date.today()
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.type_box = ChoiceBox(self)
        self.type_box.addItem(tr(CTX, "Alle aftaletyper"), "")
        for agreement_type in agreement_types():
            self.type_box.addItem(tr_template(get_template(agreement_type).title),
                                  agreement_type)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        top = QHBoxLayout()
        date_label = QLabel(tr(CTX, "&Dato:"), self)
        date_label.setBuddy(self.date_edit)
        type_label = QLabel(tr(CTX, "&Aftaletype:"), self)
        type_label.setBuddy(self.type_box)
        for widget in (date_label, self.date_edit, type_label, self.type_box):
            top.addWidget(widget)
        top.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.date_edit.dateChanged.connect(lambda _d: self.reload())
        self.type_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.resize(1000, 680)
        self.reload()

    @property
    def day(self) -> dt.date:
        d = self.date_edit.date()
        return dt.date(d.year(), d.month(), d.day())

    def reload(self) -> None:
        """Read the book for the date and type chosen; the one on show is greyed meanwhile
        (it is not the one asked for)."""
        self.browser.setEnabled(False)
        self._read.read(rulebook.book_on, self.day, self.type_box.currentData() or None,
                        on_done=self._show, on_error=self._failed)

    def _show(self, book: Any) -> None:
        self.book = book
        self.browser.setHtml(book_html(book))
        self.browser.setEnabled(True)

    def _failed(self, failure: OpFailure) -> None:
        self.browser.setPlainText(failure.summary)
        self.browser.setEnabled(True)
