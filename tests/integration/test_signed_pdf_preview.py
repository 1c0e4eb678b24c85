"""The sealed agreement as a reviewer sees it: a virksomhedspraktik signed by all four parties
on a real profile, sealed, read back from the reopened profile, verified offline by the
command, and every page rendered to PNG (pypdfium2) in var/pdf-previews/signed-agreement/
for a person to look at (run with -s to see the folder)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium

from consultant_app.device import device_identity
from consultant_app.store import Store
from forms import sealing
from tests.support.profiles import PASSPHRASE
from tests.support.signing import ready_draft, seal, sign_all

ROOT = Path(__file__).resolve().parents[2]
STROKE_RGB = (0x0B, 0x1F, 0x66)  # forms.pdf's signature ink


def _ink_pixels(image, box) -> int:
    raw = image.crop(box).convert("RGB").tobytes()
    return sum(1 for i in range(0, len(raw), 3)
               if all(abs(raw[i + k] - STROKE_RGB[k]) <= 24 for k in range(3)))


def test_signed_pdf_pages_render_with_the_drawn_signatures_and_the_audit_trail(
        store, profile_dir, tmp_path):
    device = device_identity(store)
    agreement_id = ready_draft(store)
    sign_all(store, agreement_id, device)
    pdf = seal(store, agreement_id, device)
    store.close()
    with Store.open(profile_dir, PASSPHRASE) as reopened, reopened.read() as s:
        kept = sealing.sealed_pdf(s, agreement_id)
    assert kept == pdf

    path = tmp_path / "aftale.pdf"
    path.write_bytes(kept)
    done = subprocess.run([sys.executable, "-m", "forms.verify", str(path)],
                          capture_output=True, text=True, timeout=60, cwd=ROOT, check=False)
    assert done.returncode == 2, done.stdout + done.stderr  # self-signed: not trusted
    assert "INTAKT, MEN IKKE BETROET" in done.stdout and "Per Tillid som Tillidsrepræsentant" in done.stdout

    folder = Path(os.environ.get("PDF_PREVIEW_DIR",
                                 ROOT / "var" / "pdf-previews" / "signed-agreement"))
    folder.mkdir(parents=True, exist_ok=True)
    document = pdfium.PdfDocument(kept)
    try:
        pages = [document[i].render(scale=1.5).to_pil() for i in range(len(document))]
        texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()
    for number, image in enumerate(pages, 1):
        image.save(folder / f"page-{number}.png")
    print(f"\nsigned PDF previews written to {folder}")

    assert len(pages) >= 2
    signing_page = next(i for i, t in enumerate(texts) if "Underskrifter" in t)
    assert "Revisionsspor" in texts[-1] and "Forseglet" in texts[-1]
    width, height = pages[signing_page].size
    # The four signatures are drawn in dark-blue ink on the signing page, and nowhere else.
    assert _ink_pixels(pages[signing_page], (0, 0, width, height)) > 2000
    assert _ink_pixels(pages[-1], (0, 0, width, height)) == 0
