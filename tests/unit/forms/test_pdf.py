"""The agreement PDF, opened with pypdf and rendered with pypdfium2: every type's content,
the footer on every page, the signing boxes, the drawn signatures, the audit page, and the
same bytes for the same content."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops

from forms import agreements as A
from forms import canonical
from forms.pdf import AuditEvent, SignatureMark, display_value, render_agreement
from forms.templates import TYPE_ORDER, FieldSpec
from tests.support.samples import filled_agreement, sample_audit, sample_mark, seeded_profile


ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    store = seeded_profile(tmp_path_factory.mktemp("pdf") / "profile")
    yield store
    store.close()


@pytest.fixture(scope="module")
def docs(profile) -> dict[str, str]:
    """One filled agreement id per type."""
    with profile.write() as s:
        return {t: filled_agreement(s, t).id for t in TYPE_ORDER}


def load(profile, agreement_id: str) -> A.AgreementDoc:
    with profile.read() as s:
        return A.load(s, agreement_id)


def page_texts(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]


@pytest.mark.parametrize("agreement_type", TYPE_ORDER)
def test_every_type_renders_its_content_signing_boxes_and_footer(profile, docs,
                                                                  agreement_type):
    doc = load(profile, docs[agreement_type])
    content_hash = A.content_hash(doc)
    pages = page_texts(render_agreement(doc, content_hash=content_hash))
    text = " ".join(pages)
    values = doc.values
    assert doc.template.pdf.title in text
    assert doc.template.legal_basis in text
    assert values["employer_name"] in text
    assert values["citizen_cpr"] in text  # the legal document carries the full number
    assert values["start_date"].strftime("%d.%m.%Y") in text
    assert all(letter in text for letter in "æøå")
    for signer in doc.template.required_signers(values):
        assert signer.label in text and signer.consent in text
        assert f"Navn: {values[signer.name_field]}" in text
    for number, page in enumerate(pages, 1):
        assert f"Aftale-id {doc.id} · version 1" in page
        assert f"Side {number} af {len(pages)}" in page
        assert f"Indholdets SHA-256: {content_hash}" in page
    assert "Revisionsspor" not in text


def test_fields_print_as_a_reader_expects(profile, docs):
    doc = load(profile, docs["loentilskud_privat"])
    text = " ".join(page_texts(render_agreement(doc)))
    assert "Dagpengemodtager (forsikret ledig)" in text      # a choice by its label
    assert "Ingen undtagelse (6 måneders ledighed kræves)" in text
    assert "142,50 kr." in text and "13,5" in text             # Danish numbers
    assert "Nej" in text                                       # vacated_by_dismissal
    assert "Tillidsrepræsentant" in text and "Søren Ørsted" in text
    # the template's notes, and a field marked pdf: false would be left out
    assert doc.template.pdf.notes[0] in text


def test_the_employee_representatives_box_appears_only_when_one_is_named(profile, docs):
    with profile.write() as s:
        doc = A.update_fields(s, docs["loentilskud_privat"], {"tr_name": "", "tr_statement": ""})
        text = " ".join(page_texts(render_agreement(doc)))
        A.update_fields(s, doc.id, {"tr_name": "Søren Ørsted"})
    consent = "Jeg bekræfter at jeg er hørt om ansættelsen med løntilskud"
    assert consent not in text and text.count("Navn: ") == 3


def test_acknowledged_warnings_print_their_note(profile, docs):
    with profile.write() as s:
        doc = A.acknowledge(s, docs["virksomhedspraktik"], "ratio:ordinary_employees",
                            "To nye ansatte begynder før praktikken.")
        text = " ".join(page_texts(render_agreement(doc)))
        A.acknowledge(s, doc.id, "ratio:ordinary_employees", "")
    assert ("Bemærkning til advarsel om Ordinært ansatte (fuldtid, gennemsnit af de sidste "
            "4 måneder): To nye ansatte begynder før praktikken.") in text


def test_the_dejavu_font_is_embedded_and_the_metadata_holds_no_time(profile, docs):
    data = render_agreement(load(profile, docs["igu"]))
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts and all("DejaVuSans" in name for name in fonts)
    for font in fonts.values():
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] \
            if "/DescendantFonts" in font else font["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object()  # embedded TrueType
    info = reader.metadata
    assert info.title.startswith("Aftale om integrationsgrunduddannelse (IGU)")
    assert str(dt.date.today().year) not in str(info.get("/CreationDate", ""))
    assert "2000" in str(info.get("/CreationDate"))  # reportlab's invariant date


def test_the_same_content_gives_the_same_bytes_and_a_change_does_not(profile, docs):
    agreement_id = docs["virksomhedspraktik"]
    doc = load(profile, agreement_id)
    marks = [sample_mark("employer", doc.values["contact_name"])]
    first = render_agreement(doc, signatures=marks, audit=sample_audit(doc),
                             content_hash=A.content_hash(doc))
    again = render_agreement(load(profile, agreement_id), signatures=marks,
                             audit=sample_audit(doc), content_hash=A.content_hash(doc))
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(again).hexdigest()
    with profile.write() as s:
        changed = A.update_fields(s, agreement_id, {"working_hours": "man-ons 8-12"})
        changed_bytes = render_agreement(changed, signatures=marks, audit=sample_audit(doc),
                                         content_hash=A.content_hash(doc))
        A.update_fields(s, agreement_id, {"working_hours": ""})
    assert changed_bytes != first
    moved = [SignatureMark(**{**marks[0].__dict__, "strokes": [
        [(x + 1, y, p, t) for x, y, p, t in stroke] for stroke in marks[0].strokes]})]
    assert render_agreement(doc, signatures=moved, audit=sample_audit(doc),
                            content_hash=A.content_hash(doc)) != first


RENDER_IN_CHILD = """
import hashlib, json, sys
from consultant_app.store.models import PlacementAgreement
from forms import fields
from forms.agreements import AgreementDoc
from forms.pdf import render_agreement
from forms.templates import get_template
plain = json.loads(sys.stdin.read())
template = get_template(plain["type"], plain["version"])
record = PlacementAgreement(id=plain["id"], agreement_type=plain["type"], revision=1)
values = {k: fields.from_json(template.field(k), v) for k, v in plain["values"].items()}
doc = AgreementDoc(record, template, values, ruleset=plain["ruleset"])
print(hashlib.sha256(render_agreement(doc, content_hash=plain["hash"])).hexdigest())
"""


def test_another_process_renders_the_same_bytes(profile, docs):
    """The hash of a PDF can be recorded and checked later, in a fresh process whose fonts
    were registered anew (the profile is locked by this one, so the child gets the content
    as JSON)."""
    doc = load(profile, docs["fleksjob"])
    content_hash = A.content_hash(doc)
    here = hashlib.sha256(render_agreement(doc, content_hash=content_hash)).hexdigest()
    plain = {"id": doc.id, "type": doc.template.type, "version": doc.template.version,
             "hash": content_hash, "values": canonical.plain(doc.values),
             "ruleset": doc.ruleset}
    child = subprocess.run([sys.executable, "-c", RENDER_IN_CHILD], input=json.dumps(plain),
                           capture_output=True, text=True, cwd=ROOT, check=False)
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == here


def _signing_page(data: bytes) -> tuple[int, Image.Image]:
    texts = page_texts(data)
    index = next(i for i, t in enumerate(texts) if "Underskrifter" in t)
    pdf = pdfium.PdfDocument(data)
    try:
        image = pdf[index].render(scale=2).to_pil().convert("RGB")
    finally:
        pdf.close()
    return index, image


def test_a_drawn_signature_is_drawn_in_its_partys_box(profile, docs):
    doc = load(profile, docs["virksomhedspraktik"])
    name = doc.values["contact_name"]
    blank = render_agreement(doc)
    signed = render_agreement(doc, signatures=[sample_mark("employer", name)])
    text = " ".join(page_texts(signed))
    assert "Underskrevet 01.03.2026 11:05:00 dansk tid (10:05:00 UTC)" in text
    assert "Identitet: ID vist" in text and f"Navn: {name}" in text
    page, before = _signing_page(blank)
    page_signed, after = _signing_page(signed)
    assert page == page_signed
    # where the two renderings differ: the strokes and the line of text under them
    mask = ImageChops.difference(before, after).convert("L").point(lambda v: 255 if v > 40
                                                                     else 0)
    right = mask.getbbox()[2]
    width, height = after.size
    assert right < width / 2  # only in the employer's box, the left column
    # dark blue ink, as a pen draws it, over thousands of pixels
    ink = [px for px, m in zip(after.get_flattened_data(), mask.get_flattened_data())
           if m and px[2] > px[0] + 40 and px[0] < 120]
    assert len(ink) > 1500
    # and nothing in the other boxes: the right column is unchanged
    assert ImageChops.difference(before.crop((width // 2, 0, width, height)),
                                 after.crop((width // 2, 0, width, height))).getbbox() is None


def test_pressure_sets_the_line_width():
    from forms.pdf import _pen_width
    assert _pen_width(0.1) < _pen_width(0.5) < _pen_width(1.0)
    assert _pen_width(0) == _pen_width(0.5)  # a mouse reports no pressure


def test_the_audit_trail_is_a_last_page_with_utc_and_local_times(profile, docs):
    doc = load(profile, docs["virksomhedspraktik"])
    content_hash = A.content_hash(doc)
    events = sample_audit(doc)
    pages = page_texts(render_agreement(doc, audit=events, content_hash=content_hash,
                                        device="laptop-7f3a (Karen Sørensen)"))
    last = pages[-1]
    assert "Revisionsspor" in last and "Revisionsspor" not in " ".join(pages[:-1])
    for heading in ("Tidspunkt (UTC)", "Dansk tid", "Hændelse", "Person", "Rolle",
                    "Detaljer"):
        assert heading in last
    assert "01.03.2026 10:05:00" in last and "01.03.2026 11:05:00" in last  # CET, +1
    assert "01.06.2026 10:00:00" in last and "01.06.2026 12:00:00" in last  # CEST, +2
    assert "Underskrevet" in last and "Virksomheden" in last and "Jobcenter" in last
    assert content_hash in last.replace(" ", "")
    assert "laptop-7f3a (Karen Sørensen)" in last
    assert f"Side {len(pages)} af {len(pages)}" in last


def test_audit_events_print_in_time_order_whatever_order_they_come_in(profile, docs):
    doc = load(profile, docs["mentor"])
    events = sample_audit(doc)
    forward = render_agreement(doc, audit=events)
    assert render_agreement(doc, audit=list(reversed(events))) == forward
    last = page_texts(forward)[-1]
    assert last.index("Aftalen oprettet") < last.index("Underskrevet") < last.index("Forseglet")


@pytest.mark.parametrize("kind, value, shown", [
    ("date", dt.date(2026, 3, 2), "02.03.2026"),
    ("money", 1234.5, "1.234,50 kr."),
    ("hours", 37, "37 timer"),
    ("hours", 7.5, "7,5 timer"),
    ("number", 13.25, "13,25"),
    ("integer", 23, "23"),
    ("bool", True, "Ja"),
    ("bool", False, "Nej"),
    ("text", None, ""),
    ("cpr", "010190-1234", "010190-1234"),
])
def test_display_value(kind, value, shown):
    assert display_value(FieldSpec("x", "X", kind), value) == shown


def test_choices_print_their_danish_label():
    spec = FieldSpec("target_group", "Målgruppe", "choice", choices="target_groups")
    assert display_value(spec, "sygedagpenge") == "Sygedagpengemodtager"
    spec = FieldSpec("x", "X", "choice", choices={"a": "Første"})
    assert display_value(spec, "a") == "Første"


def test_an_event_without_a_time_zone_is_taken_as_utc(profile, docs):
    doc = load(profile, docs["mentor"])
    naive = AuditEvent(dt.datetime(2026, 3, 1, 10, 5), "Underskrevet", "A", "employer")
    aware = AuditEvent(dt.datetime(2026, 3, 1, 10, 5, tzinfo=dt.UTC),
                       "Underskrevet", "A", "employer")
    assert render_agreement(doc, audit=[naive]) == render_agreement(doc, audit=[aware])
