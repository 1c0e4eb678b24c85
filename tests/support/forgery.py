"""What a forger (or a broken program) can make: a PDF sealed with any key, carrying any
evidence and any extra PDF objects, signed over the whole file so that only the checks of
trust, shape and content can catch it. Shared by the verify tests and the service's upload
tests."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ed25519
from pyhanko.pdf_utils import embed, generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from consultant_app.device import DeviceIdentity
from forms import sealing
from tests.support.signing import make_ca


def unsigned_part(pdf: bytes) -> bytes:
    """The rendered agreement before the evidence and the seal were added."""
    return pdf[:pdf.index(b"%%EOF") + 6]


def with_objects(pdf: bytes, change: Callable[[IncrementalPdfFileWriter], None]) -> bytes:
    """``pdf`` with ``change`` applied to its catalog (or anything else) in an update."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def reseal(rendered: bytes, evidence: bytes | dict[str, Any], device: DeviceIdentity) -> bytes:
    """``rendered`` (an unsigned PDF) sealed by ``device`` with ``evidence`` (raw bytes, or a
    dict written as JSON) embedded: a PAdES signature over the whole file that verifies."""
    raw = evidence if isinstance(evidence, bytes) else json.dumps(evidence).encode("utf-8")
    return sealing._pades_sign(rendered, raw, device,
                               dt.datetime.now(dt.UTC).replace(tzinfo=None))


def impostor_ca(real_ca_pem: str) -> tuple[ed25519.Ed25519PrivateKey, str]:
    """A self-made CA whose certificate carries exactly the real CA's name."""
    real = x509.load_pem_x509_certificate(real_ca_pem.encode("ascii"))
    return make_ca(subject=real.subject, digital_signature=True)


def open_action(script: str) -> Callable[[IncrementalPdfFileWriter], None]:
    def change(writer: IncrementalPdfFileWriter) -> None:
        writer.root["/OpenAction"] = generic.DictionaryObject({
            generic.pdf_name("/S"): generic.pdf_name("/JavaScript"),
            generic.pdf_name("/JS"): generic.pdf_string(script)})
        writer.update_root()
    return change


def launch_action(writer: IncrementalPdfFileWriter) -> None:
    writer.root["/OpenAction"] = generic.DictionaryObject({
        generic.pdf_name("/S"): generic.pdf_name("/Launch"),
        generic.pdf_name("/F"): generic.pdf_string("calc.exe")})
    writer.update_root()


def page_additional_action(writer: IncrementalPdfFileWriter) -> None:
    page_ref = writer.root["/Pages"]["/Kids"].raw_get(0)
    page = page_ref.get_object()
    page["/AA"] = generic.DictionaryObject({generic.pdf_name("/O"): generic.DictionaryObject({
        generic.pdf_name("/S"): generic.pdf_name("/URI"),
        generic.pdf_name("/URI"): generic.pdf_string("https://example.invalid/")})})
    writer.update_container(page)


def extra_file(writer: IncrementalPdfFileWriter) -> None:
    stream = embed.EmbeddedFileObject.from_file_data(writer, b"MZ\x90\x00",
                                                     mime_type="application/octet-stream")
    embed.embed_file(writer, embed.FileSpec(file_spec_string="faktura.exe",
                                            file_name="faktura.exe", embedded_data=stream))


def javascript_name_tree(writer: IncrementalPdfFileWriter) -> None:
    action = writer.add_object(generic.DictionaryObject({
        generic.pdf_name("/S"): generic.pdf_name("/JavaScript"),
        generic.pdf_name("/JS"): generic.pdf_string("this.print()")}))
    writer.root["/Names"] = generic.DictionaryObject({
        generic.pdf_name("/JavaScript"): generic.DictionaryObject({
            generic.pdf_name("/Names"): generic.ArrayObject([generic.pdf_string("x"),
                                                             action])})})
    writer.update_root()
