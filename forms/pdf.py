"""The agreement as a printable Danish A4 PDF (reportlab platypus).

The document follows the agreement's template: title, legal basis and intro; one labelled table
per section (the fields marked ``pdf``); the notes, including the consultant's notes on
acknowledged warnings; the closing text; and a box per signing party. A signature drawn on the
screen (``SignatureMark``) is drawn into its party's box as vector strokes; without one the box
is left empty to be signed on paper. An audit trail (``AuditEvent``) becomes a last page,
"Revisionsspor". Every page's footer carries the agreement id, its version (the revision) and,
when given, the content hash the signatures bind to.

The bytes are deterministic for the same input: reportlab runs in invariant mode (fixed
creation date and document id) and the metadata holds no time, so the SHA-256 of a PDF is
stable and can be recorded. The text is set in DejaVu Sans, embedded as a TrueType subset, so
æ, ø and å print everywhere. A legal document carries the full CPR number.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from consultant_app.text import DATE_FORMAT, format_amount, format_date, format_number
from consultant_app.text import QT_TRANSLATE_NOOP as _N

from . import fields as ffields
from . import rulebook
from .agreements import AgreementDoc
from .templates import FieldSpec

CTX = "pdf"

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
LOCAL_TZ = ZoneInfo("Europe/Copenhagen")  # the agreement's local time, whatever the machine's

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 22 * mm  # room for the two footer lines
FRAME_W = PAGE_W - 2 * MARGIN_X

INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#52606D")
ACCENT = colors.HexColor("#1D4E89")
RULE = colors.HexColor("#9AA5B1")
LABEL_BG = colors.HexColor("#F0F4F8")
STROKE = colors.HexColor("#0B1F66")  # signature ink: dark blue, like a ballpoint pen


@dataclass(frozen=True)
class SignatureMark:
    """A signature drawn on the screen, to be drawn into its party's box.

    ``strokes`` are lists of points ``(x, y, pressure 0..1, t ms)`` in the pad's pixel
    coordinates (origin top left, y down), the pad being ``pad_width`` x ``pad_height``.
    A pressure of 0 (a mouse) is drawn as a medium pen."""

    role: str
    signer_name: str
    identity_check_label: str
    signed_at: dt.datetime  # UTC
    strokes: list[list[tuple[float, float, float, int]]]
    pad_width: float
    pad_height: float


@dataclass(frozen=True)
class AuditEvent:
    """One line of the audit trail ("Revisionsspor"): when, what (Danish), who, in which role
    (a template role code or a Danish label) and details (identity check, hash, device ...)."""

    at: dt.datetime  # UTC
    event: str
    actor: str
    role: str
    detail: str = ""


# -- fonts and styles ----------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans (regular and bold) with reportlab once; their names."""
    fonts = resources.files("forms.data") / "fonts"
    for name, filename in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf")):
        with resources.as_file(fonts / filename) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT,
                                  boldItalic=FONT_BOLD)
    return FONT, FONT_BOLD


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    tiny: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    cell_head: ParagraphStyle
    meta: ParagraphStyle
    bullet: ParagraphStyle


@functools.lru_cache(maxsize=1)
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, textColor=INK,
                          alignment=TA_LEFT)
    return Styles(
        body=body,
        small=ParagraphStyle("small", body, fontSize=8, leading=10.5, textColor=MUTED),
        tiny=ParagraphStyle("tiny", body, fontSize=7, leading=9),
        title=ParagraphStyle("title", body, fontName=FONT_BOLD, fontSize=17, leading=21,
                             textColor=ACCENT, spaceAfter=2),
        subtitle=ParagraphStyle("subtitle", body, fontSize=9, leading=12, textColor=MUTED,
                                spaceAfter=6),
        heading=ParagraphStyle("heading", body, fontName=FONT_BOLD, fontSize=10.5, leading=13,
                               textColor=colors.white),
        label=ParagraphStyle("label", body, fontSize=8.5, leading=11, textColor=MUTED),
        value=ParagraphStyle("value", body, fontSize=9.5, leading=12.5),
        cell_head=ParagraphStyle("cell_head", body, fontName=FONT_BOLD, fontSize=7.5,
                                 leading=9.5),
        meta=ParagraphStyle("meta", body, fontSize=8, leading=10.5),
        bullet=ParagraphStyle("bullet", body, leftIndent=10, bulletIndent=0,
                              bulletFontName=FONT, spaceAfter=1.5),
    )


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: escaped, line breaks kept."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


# -- values as printed -----------------------------------------------------------------------
def _number(value: float) -> str:
    """As printed: thousands marked, at most two decimals (1.234,5)."""
    return format_number(value, 2, grouping=True)


def display_value(spec: FieldSpec, value: Any) -> str:
    """A field's value as the document prints it: dates dd-mm-yyyy, choices by their Danish
    label, booleans Ja/Nej, numbers in Danish format; an empty value is ""."""
    if ffields.is_blank(value):
        return ""
    kind = spec.kind
    if kind == "date" and isinstance(value, dt.date):
        return format_date(value)
    if kind == "bool":
        return _N(CTX, "Ja") if value else _N(CTX, "Nej")
    if kind == "choice":
        return str(ffields.options(spec).get(value, value))
    if kind == "money" and isinstance(value, (int, float)):
        return _N(CTX, "{amount} kr.").format(amount=format_amount(value))
    if kind == "hours" and isinstance(value, (int, float)):
        return _N(CTX, "{hours} timer").format(hours=_number(value))
    if kind in ("number", "integer") and isinstance(value, (int, float)):
        return _number(value)
    return str(value)


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None \
        else moment.astimezone(dt.UTC)


def _utc_text(moment: dt.datetime) -> str:
    return _utc(moment).strftime(f"{DATE_FORMAT} %H:%M:%S UTC")


def _local_text(moment: dt.datetime) -> str:
    return _utc(moment).astimezone(LOCAL_TZ).strftime(f"{DATE_FORMAT} %H:%M:%S")


# -- the signature box -----------------------------------------------------------------------
class SignatureBox(Flowable):
    """The space a party signs in: a signature line, and the drawn strokes when signed.
    Strokes keep the pad's proportions, are centred in the box, and their width follows the
    pen's pressure."""

    def __init__(self, width: float, height: float, mark: SignatureMark | None = None):
        super().__init__()
        self.width, self.height, self.mark = width, height, mark

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        baseline = 7 * mm
        c.line(4 * mm, baseline, self.width - 4 * mm, baseline)
        c.setFillColor(MUTED)
        c.setFont(FONT, 9)
        c.drawString(4 * mm, baseline + 1.5 * mm, "×")
        if self.mark is not None and self.mark.pad_width > 0 and self.mark.pad_height > 0:
            self._draw_strokes(self.mark)
        c.restoreState()

    def _draw_strokes(self, mark: SignatureMark) -> None:
        c = self.canv
        pad = 2 * mm
        box_w, box_h = self.width - 2 * pad, self.height - 2 * pad
        scale = min(box_w / mark.pad_width, box_h / mark.pad_height)
        off_x = pad + (box_w - mark.pad_width * scale) / 2
        off_y = pad + (box_h - mark.pad_height * scale) / 2
        top = off_y + mark.pad_height * scale

        def at(point: tuple[float, float, float, int]) -> tuple[float, float]:
            return off_x + point[0] * scale, top - point[1] * scale

        c.setStrokeColor(STROKE)
        c.setFillColor(STROKE)
        c.setLineCap(1)
        c.setLineJoin(1)
        for stroke in mark.strokes:
            if not stroke:
                continue
            if len(stroke) == 1:  # a dot
                x, y = at(stroke[0])
                c.circle(x, y, _pen_width(stroke[0][2]) / 2, stroke=0, fill=1)
                continue
            # Consecutive segments of (nearly) the same width go out as one polyline.
            run_width, path = None, None
            for a, b in itertools.pairwise(stroke):
                width = round(_pen_width((a[2] + b[2]) / 2) * 10) / 10
                if width != run_width:
                    if path is not None:
                        c.drawPath(path, stroke=1, fill=0)
                    c.setLineWidth(width)
                    run_width, path = width, c.beginPath()
                    path.moveTo(*at(a))
                path.lineTo(*at(b))
            if path is not None:
                c.drawPath(path, stroke=1, fill=0)


def _pen_width(pressure: float) -> float:
    """Line width in points: 0.5 at the lightest touch, 2.3 at full pressure; no pressure
    reported (a mouse) counts as a medium pen."""
    if pressure <= 0:
        pressure = 0.5
    return 0.5 + 1.8 * min(pressure, 1.0)


# -- page furniture: footer with "Side X af Y" --------------------------------------------------
class _FooterCanvas(Canvas):
    """Holds back each page until the end so the footer can say how many pages there are."""

    def __init__(self, *args: Any, footer_left: str = "", footer_hash: str = "",
                 **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._footer_left = footer_left
        self._footer_hash = footer_hash
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        self.saveState()
        y = 13 * mm
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN_X, y + 4 * mm, PAGE_W - MARGIN_X, y + 4 * mm)
        self.setFillColor(MUTED)
        self.setFont(FONT, 8)
        self.drawString(MARGIN_X, y, self._footer_left)
        self.drawRightString(PAGE_W - MARGIN_X, y, _N(CTX, "Side {page} af {pages}").format(
            page=number, pages=total))
        if self._footer_hash:
            self.setFont(FONT, 6.5)
            self.drawString(MARGIN_X, y - 3.6 * mm, _N(
                CTX, "Indholdets SHA-256: {hash}").format(hash=self._footer_hash))
        self.restoreState()


# -- the document ------------------------------------------------------------------------------
def render_agreement(doc: AgreementDoc, *, signatures: Sequence[SignatureMark] = (),
                     audit: Sequence[AuditEvent] = (), content_hash: str = "",
                     device: str = "") -> bytes:
    """The agreement as PDF bytes; the same arguments give the same bytes.

    ``signatures`` are drawn in the boxes of their roles; ``audit`` adds the "Revisionsspor"
    page, which ends with ``content_hash`` and the ``device`` that made the record."""
    st = styles()
    template = doc.template
    revision = doc.record.revision
    footer_left = _N(CTX, "Aftale-id {id} · version {revision}").format(
        id=doc.id, revision=revision)
    story: list[Flowable] = []
    story += _heading(doc, st)
    values = _as_the_rules_say(doc)
    for section in template.sections:
        table = _section_table(section.title, section.intro,
                               [f for f in section.fields if f.pdf], values, st)
        if table is not None:
            # A section starts on a new page rather than leave its heading and a row behind.
            story += [CondPageBreak(45 * mm), table, Spacer(1, 4 * mm)]
    story += _notes(doc, st)
    story += _signing(doc, signatures, st)
    if audit:
        story += _audit_page(doc, audit, content_hash, device, st)

    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, invariant=1,
        title=f"{template.pdf.title} ({doc.id})", author="", subject=legal_basis(doc),
        creator="consultant-app", keywords="", lang="da-DK", initialFontName=FONT)
    pdf.build(story, canvasmaker=functools.partial(
        _FooterCanvas, footer_left=footer_left, footer_hash=content_hash))
    return buffer.getvalue()


def _heading(doc: AgreementDoc, st: Styles) -> list[Flowable]:
    template = doc.template
    parts: list[Flowable] = [_p(template.pdf.title, st.title),
                             _p(legal_basis(doc), st.subtitle)]
    if doc.ruleset:
        parts.append(_p(_N(CTX, "Reglerne er vurderet efter: {ruleset}").format(
            ruleset=ruleset_text(doc.ruleset)), st.small))
    meta = Table([[
        _p(_N(CTX, "Aftale-id"), st.label), _p(doc.id, st.meta),
        _p(_N(CTX, "Version"), st.label), _p(str(doc.record.revision), st.meta),
        _p(_N(CTX, "Skabelon"), st.label),
        _p(f"{template.type} v{template.version}", st.meta)]],
        colWidths=[16 * mm, 70 * mm, 13 * mm, 7 * mm, 16 * mm, FRAME_W - 122 * mm])
    meta.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE), ("LINEABOVE", (0, 0), (-1, 0), 0.5, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    parts += [meta, Spacer(1, 4 * mm)]
    if template.pdf.intro:
        parts += [_p(template.pdf.intro, st.body), Spacer(1, 4 * mm)]
    return parts


def legal_basis(doc: AgreementDoc) -> str:
    """The legal basis as the rule set that judged the agreement states it (its
    ``types.<type>.legal_basis``), else the template's."""
    ruleset = rulebook.by_reference(doc.ruleset)
    stated = ruleset.for_type(doc.record.agreement_type).get("legal_basis") if ruleset else None
    return stated if isinstance(stated, str) and stated.strip() else doc.template.legal_basis


def ruleset_text(reference: dict[str, Any]) -> str:
    """One line naming the rule set an agreement recorded: name, date, version, origin,
    hash, and whether it is provisional."""
    day = format_date(dt.date.fromisoformat(reference["effective_from"]))
    if reference.get("origin") == "published":
        text = _N(CTX, "{name}, gældende fra {day}, version {version} offentliggjort af den "
                       "centrale tjeneste (SHA-256 {sha})")
    else:
        text = _N(CTX, "{name}, gældende fra {day}, som programmet har det med (SHA-256 {sha})")
    text = text.format(name=reference.get("name", ""), day=day,
                       version=reference.get("version", 0),
                       sha=str(reference.get("sha256", ""))[:16])
    if reference.get("provisional"):
        text += _N(CTX, "; foreløbigt regelsæt: bygger på en lov, hvis endelige tekst ikke er "
                        "offentliggjort")
    return text


def _as_the_rules_say(doc: AgreementDoc) -> dict[str, Any]:
    """The values to print, the target group named as the judging rule set names it (the
    2027 reform's groups)."""
    ruleset = rulebook.by_reference(doc.ruleset)
    group = doc.values.get("target_group")
    if ruleset is None or not isinstance(group, str) or ruleset.group_of(group) == group:
        return doc.values
    from .rules.reading import group_label
    return {**doc.values, "target_group": group_label(ruleset, group)}


def _section_table(title: str, intro: str, specs: list[FieldSpec], values: dict[str, Any],
                   st: Styles) -> Table | None:
    if not specs:
        return None
    rows: list[list[Any]] = [[_p(title, st.heading), ""]]
    if intro:
        rows.append([_p(intro, st.small), ""])
    for spec in specs:
        rows.append([_p(spec.label, st.label), _p(display_value(spec, values.get(spec.key)),
                                                   st.value)])
    label_w = 62 * mm
    table = Table(rows, colWidths=[label_w, FRAME_W - label_w], repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("SPAN", (0, 0), (1, 0)),
        ("BACKGROUND", (0, 0), (1, 0), ACCENT),
        ("BACKGROUND", (0, 1), (0, -1), LABEL_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("INNERGRID", (0, 1), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    if intro:
        commands.append(("SPAN", (0, 1), (1, 1)))
    table.setStyle(TableStyle(commands))
    return table


def _notes(doc: AgreementDoc, st: Styles) -> list[Flowable]:
    """The template's notes and the consultant's notes on acknowledged warnings."""
    lines = [_bullet(note, st) for note in doc.template.pdf.notes]
    for key, note in sorted(doc.acknowledgements.items()):
        field_key = key.partition(":")[2]
        spec = doc.template.fields_by_key.get(field_key)
        about = spec.label if spec else _N(CTX, "Aftalen")
        lines.append(_bullet(_N(CTX, "Bemærkning til advarsel om {about}: {note}").format(
            about=about, note=note), st))
    if not lines:
        return []
    return [KeepTogether([_p(_N(CTX, "Bemærkninger"), _bold(st.body)), Spacer(1, 1.5 * mm),
                          *lines]), Spacer(1, 5 * mm)]


def _bullet(text: str, st: Styles) -> Paragraph:
    return Paragraph(escape(text), st.bullet, bulletText="•")


def _bold(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(style.name + "-bold", style, fontName=FONT_BOLD)


def _signing(doc: AgreementDoc, marks: Sequence[SignatureMark],
             st: Styles) -> list[Flowable]:
    template = doc.template
    by_role = {m.role: m for m in marks}
    signers = template.required_signers(doc.values)
    half = (FRAME_W - 6 * mm) / 2
    rows = []
    for pair in (signers[i:i + 2] for i in range(0, len(signers), 2)):
        # Boxes side by side get the same height: the longer consent text sets it.
        consent_h = max(_p(s.consent, st.small).wrap(half - 8, PAGE_H)[1] for s in pair) + 5
        cells: list[Any] = [
            _signer_cell(s.label, s.consent, doc.values.get(s.name_field) if s.name_field
                         else "", by_role.get(s.role), consent_h, st) for s in pair]
        rows.append(cells + [""] * (2 - len(cells)))
    parts: list[Flowable] = [_p(_N(CTX, "Underskrifter"), _bold(st.body))]
    if template.pdf.closing:
        parts.append(_p(template.pdf.closing, st.body))
    parts.append(Spacer(1, 3 * mm))
    for row in rows:
        grid = Table([[row[0], "", row[1]]], colWidths=[half, 6 * mm, half])
        grid.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * mm),
        ]))
        parts.append(grid)
    # Every party signs on the same page, beneath the closing text.
    return [KeepTogether(parts)]


def _signer_cell(label: str, consent: str, name: Any, mark: SignatureMark | None,
                 consent_height: float, st: Styles) -> Table:
    width = (FRAME_W - 6 * mm) / 2
    inner = width - 8
    name_text = mark.signer_name if mark else str(name or "")
    rows: list[list[Any]] = [
        [_p(label, _bold(st.body))],
        [_p(_N(CTX, "Navn: {name}").format(name=name_text), st.body)],
        [_p(consent, st.small)],
        [SignatureBox(inner, 26 * mm, mark)],
    ]
    if mark is not None:
        rows.append([_p(_N(CTX, "Underskrevet {local} dansk tid ({utc}) · Identitet: {check}")
                        .format(local=_local_text(mark.signed_at),
                                utc=_utc(mark.signed_at).strftime("%H:%M:%S UTC"),
                                check=mark.identity_check_label), st.tiny)])
    else:
        rows.append([_p(_N(CTX, "Dato: ____________________   Underskrift"), st.small)])
    # The line under the box has room for two lines, signed or not, so a signature never
    # moves the boxes below it.
    table = Table(rows, colWidths=[width],
                  rowHeights=[None, None, consent_height, None, 2 * st.tiny.leading + 5])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 3), (-1, 3), 0), ("BOTTOMPADDING", (0, 3), (-1, 3), 0),
    ]))
    return table


def _audit_page(doc: AgreementDoc, events: Sequence[AuditEvent], content_hash: str,
                device: str, st: Styles) -> list[Flowable]:
    roles = {s.role: s.label for s in doc.template.signers}
    head = [_p(text, st.cell_head) for text in (
        _N(CTX, "Tidspunkt (UTC)"), _N(CTX, "Dansk tid"), _N(CTX, "Hændelse"),
        _N(CTX, "Person"), _N(CTX, "Rolle"), _N(CTX, "Detaljer"))]
    rows: list[list[Any]] = [head]
    for event in sorted(events, key=lambda e: _utc(e.at)):
        rows.append([_p(_utc_text(event.at).replace(" UTC", ""), st.tiny),
                     _p(_local_text(event.at), st.tiny), _p(event.event, st.tiny),
                     _p(event.actor, st.tiny), _p(roles.get(event.role, event.role), st.tiny),
                     _p(event.detail, st.tiny)])
    widths = [21 * mm, 21 * mm, 27 * mm, 26 * mm, 30 * mm]  # "Tillidsrepræsentant" fits
    widths.append(FRAME_W - sum(widths))
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE), ("INNERGRID", (0, 0), (-1, -1), 0.3, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    parts: list[Flowable] = [
        PageBreak(), _p(_N(CTX, "Revisionsspor"), st.title),
        _p(_N(CTX, "{title} · aftale-id {id} · version {revision}").format(
            title=doc.template.pdf.title, id=doc.id, revision=doc.record.revision),
            st.subtitle),
        table, Spacer(1, 5 * mm)]
    facts = []
    if content_hash:
        facts.append((_N(CTX, "Indholdets SHA-256"), content_hash))
    if device:
        facts.append((_N(CTX, "Enhed"), device))
    if doc.ruleset:
        facts.append((_N(CTX, "Regelsæt"), ruleset_text(doc.ruleset)
                      + f" · {doc.ruleset.get('sha256', '')}"))
    if facts:
        summary = Table([[_p(k, st.label), _p(v, st.meta)] for k, v in facts],
                        colWidths=[40 * mm, FRAME_W - 40 * mm])
        summary.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("LINEABOVE", (0, 0), (-1, 0), 0.5, RULE)]))
        parts.append(summary)
    return parts


__all__ = [
    "AuditEvent",
    "SignatureBox",
    "SignatureMark",
    "display_value",
    "register_fonts",
    "render_agreement",
]
