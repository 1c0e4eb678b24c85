"""Every agreement type rendered to PNG for a reviewer to look at, plus one agreement signed
by every party with its audit page.

The pages go to var/pdf-previews/agreements/ under the repository (PDF_PREVIEW_DIR to put
them elsewhere), one PNG per page, named ``<type>-<page>.png`` and
``signed-<type>-<page>.png``; the PDFs are kept beside them. Run with -s to see the folder.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
from PIL import ImageStat

from forms import agreements as A
from forms.pdf import render_agreement
from forms.templates import TYPE_ORDER
from tests.support.samples import filled_agreement, sample_audit, sample_mark, seeded_profile

ROOT = Path(__file__).resolve().parents[2]
PREVIEWS = Path(os.environ.get("PDF_PREVIEW_DIR", ROOT / "var" / "pdf-previews")) / "agreements"


@pytest.fixture(scope="module")
def folder() -> Path:
    shutil.rmtree(PREVIEWS, ignore_errors=True)
    PREVIEWS.mkdir(parents=True)
    print(f"\nPDF previews in {PREVIEWS}")
    return PREVIEWS


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    store = seeded_profile(tmp_path_factory.mktemp("previews") / "profile")
    yield store
    store.close()


def save_pages(data: bytes, folder: Path, name: str) -> list[Path]:
    (folder / f"{name}.pdf").write_bytes(data)
    pdf = pdfium.PdfDocument(data)
    paths = []
    try:
        for index in range(len(pdf)):
            path = folder / f"{name}-{index + 1}.png"
            image = pdf[index].render(scale=1.5).to_pil().convert("RGB")
            # a page with content: not a blank sheet
            assert min(ImageStat.Stat(image.convert("L")).extrema[0]) < 100, path
            image.save(path)
            paths.append(path)
    finally:
        pdf.close()
    return paths


@pytest.mark.parametrize("agreement_type", TYPE_ORDER)
def test_every_type_renders_to_png(profile, folder, agreement_type):
    with profile.write() as s:
        doc = filled_agreement(s, agreement_type)
    data = render_agreement(doc, content_hash=A.content_hash(doc))
    pages = save_pages(data, folder, agreement_type)
    assert 0 < len(pages) <= 4
    text = " ".join(" ".join(page.extract_text().split())  # a long title wraps
                    for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert doc.template.pdf.title in text
    assert doc.values["employer_name"] in text
    assert f"Side {len(pages)} af {len(pages)}" in text


def test_a_signed_agreement_with_its_audit_page_renders_to_png(profile, folder):
    with profile.write() as s:
        doc = filled_agreement(s, "loentilskud_privat")
    marks = [sample_mark(signer.role, doc.values[signer.name_field])
             for signer in doc.template.required_signers(doc.values)]
    assert len(marks) == 4  # the employee representative signs too
    data = render_agreement(doc, signatures=marks, audit=sample_audit(doc),
                            content_hash=A.content_hash(doc),
                            device="laptop-7f3a (Karen Sørensen)")
    pages = save_pages(data, folder, "signed-loentilskud_privat")
    assert len(pages) >= 2
