"""Agreement PDF rendering: ``forms.pdf.render_agreement`` against a minimal reportlab document
with the same text.

The agreement is a filled "ansættelse med løntilskud, privat" (the longest template, three
pages) on a small seeded profile. The baseline sets the same strings (title, legal basis,
intro, every section title, every field label and value, the notes, the closing text and each
signer's label, name and consent) as plain paragraphs through a bare ``SimpleDocTemplate``
with the same embedded DejaVu font: no tables, boxes, footer or page count. What the product
pays for beyond it is the layout of a legal document: labelled tables, the signing boxes, the
"Side X af Y" footer (every page held back until the end) and invariant mode.

A second measure renders the same agreement signed by all four parties (vector strokes of
about 130 points each) with a three-event audit page, against the same baseline plus the
audit lines as paragraphs.

Both sides run in one child process, interleaved round by round after one untimed warm-up of
each, so they share the machine's state; medians over the rounds.
"""

from __future__ import annotations

import datetime as dt
import io
import time
from pathlib import Path
from typing import Any

from .harness import Result, in_child, percentile, workdir

GOAL_RATIO = 3.0
AGREEMENT_TYPE = "loentilskud_privat"

TYPED = {
    "tasks": "Plukke varer, pakke ordrer og holde orden på lageret.",
    "employees_last_month": 14, "employees_avg_12_months": "13,5",
    "vacated_by_dismissal": False, "wage_per_hour": "142,50", "subsidy_per_hour": "70,25",
    "subsidy_last_12_months": "48000", "total_wage_cost": "210000",
    "tr_name": "Søren Ørsted",
    "tr_statement": "Jeg har ingen indvendinger mod ansættelsen; kollegerne er orienteret.",
    "collective_agreement": "Lager- og Transportoverenskomsten",
    "start_date": "02-03-2026", "end_date": "01-09-2026", "hours_per_week": 30,
}


def run(quick: bool) -> list[Result]:
    rounds = 15 if quick else 60
    folder = workdir() / "pdf-profile"
    out, rss = in_child(measure, folder, rounds)
    detail: dict[str, Any] = {"rounds": rounds, "type": AGREEMENT_TYPE,
                              "pages": out["pages"], "pdf_bytes": out["bytes"],
                              "baseline_bytes": out["baseline_bytes"],
                              "signed_pages": out["signed_pages"],
                              "p95_ms": round(percentile(out["product"], 95), 2),
                              "baseline_p95_ms": round(percentile(out["baseline"], 95), 2)}
    common: dict[str, Any] = {
        "bench": "pdf", "unit": "ms", "peak_rss_mb": rss, "baseline_peak_rss_mb": rss,
        "baseline_name": "bare SimpleDocTemplate, same text and font",
        "goal_ratio": GOAL_RATIO}
    return [
        Result(name="agreement PDF median", value=percentile(out["product"], 50),
               baseline=percentile(out["baseline"], 50), detail=detail,
               **common),
        Result(name="signed agreement PDF with audit page median",
               value=percentile(out["signed"], 50),
               baseline=percentile(out["signed_baseline"], 50), detail=detail,
               **common),
    ]


def _strokes() -> list[list[tuple[float, float, float, int]]]:
    import math
    wave = [(40 + i * 6, 100 + 35 * math.sin(i / 4), 0.3 + 0.5 * abs(math.sin(i / 9)), i * 12)
            for i in range(70)]
    loop = [(470 + 40 * math.cos(i / 6), 95 + 40 * math.sin(i / 6), 0.7, 900 + i * 10)
            for i in range(40)]
    line = [(60 + i * 25, 160 - i, 0.9, 1500 + i * 8) for i in range(20)]
    return [wave, loop, line]


def _texts(doc: Any) -> list[str]:
    """Every string the agreement PDF shows, in its order."""
    from forms.pdf import display_value
    template = doc.template
    texts = [template.pdf.title, template.legal_basis, doc.id, template.pdf.intro]
    for section in template.sections:
        texts.append(section.title)
        for spec in section.fields:
            if spec.pdf:
                texts += [spec.label, display_value(spec, doc.values.get(spec.key))]
    texts += list(template.pdf.notes) + [template.pdf.closing]
    for signer in template.required_signers(doc.values):
        texts += [signer.label, str(doc.values.get(signer.name_field, "")), signer.consent]
    return [t for t in texts if t]


def _baseline(texts: list[str]) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from forms.pdf import FONT, register_fonts
    register_fonts()
    style = ParagraphStyle("plain", fontName=FONT, fontSize=9.5, leading=13)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Paragraph(escape(t), style) for t in texts])
    return buffer.getvalue()


def _timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return (time.perf_counter() - start) * 1000, result


def measure(folder: Path, rounds: int) -> dict[str, Any]:
    import shutil

    import pypdf
    from sqlalchemy import select

    from consultant_app.demo import DemoCounts, seed_demo
    from consultant_app.store import Store
    from consultant_app.store.models import Vacancy
    from forms import agreements as A
    from forms.pdf import AuditEvent, SignatureMark, render_agreement

    shutil.rmtree(folder, ignore_errors=True)
    store = Store.create(folder, "bench", consultant="Karen Sørensen", kdf_n=2 ** 10)
    try:
        with store.write() as s:
            seed_demo(s, DemoCounts(20, 20, 40), seed=3, today=dt.date(2026, 2, 20))
            vacancy = s.scalars(select(Vacancy).where(Vacancy.kind == "loentilskud")
                                .order_by(Vacancy.id)).first()
            doc = A.create_draft(s, AGREEMENT_TYPE, vacancy.employer_id, vacancy_id=vacancy.id)
            doc = A.update_fields(s, doc.id, {**TYPED, "citizen_name": "Marlene Paulsen",
                                              "citizen_cpr": "060595-9826",
                                              "target_group": "dagpenge"})
            content_hash = A.content_hash(doc)
            utc = dt.UTC
            at = dt.datetime(2026, 3, 1, 10, 5, tzinfo=utc)
            marks = [SignatureMark(s_.role, str(doc.values.get(s_.name_field, "")), "ID vist",
                                   at, _strokes(), 600, 200)
                     for s_ in doc.template.required_signers(doc.values)]
            audit = [AuditEvent(at, "Underskrevet", m.signer_name, m.role,
                                "Identitet: ID vist; enhed laptop-7f3a") for m in marks]
            texts = _texts(doc)
            audit_texts = [f"{e.at:%d-%m-%Y %H:%M:%S} {e.event} {e.actor} {e.role} {e.detail}"
                           for e in audit] + [content_hash, "laptop-7f3a"]
            timings: dict[str, list[float]] = {"product": [], "baseline": [], "signed": [],
                                               "signed_baseline": []}
            sides = {
                "product": lambda: render_agreement(doc, content_hash=content_hash),
                "baseline": lambda: _baseline(texts),
                "signed": lambda: render_agreement(doc, signatures=marks, audit=audit,
                                                   content_hash=content_hash,
                                                   device="laptop-7f3a"),
                "signed_baseline": lambda: _baseline(texts + audit_texts),
            }
            outputs = {name: fn() for name, fn in sides.items()}  # warm-up, untimed
            for _ in range(rounds):
                for name, fn in sides.items():
                    timings[name].append(_timed(fn)[0])
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)

    def pages(data: bytes) -> int:
        return len(pypdf.PdfReader(io.BytesIO(data)).pages)

    return {**timings, "pages": pages(outputs["product"]),
            "signed_pages": pages(outputs["signed"]), "bytes": len(outputs["product"]),
            "baseline_bytes": len(outputs["baseline"])}
