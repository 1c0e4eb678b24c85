"""Verify a sealed agreement offline, from nothing but its PDF (``consultant-app verify``).

What is checked (see ``forms.sealing`` for what a seal holds):

- the PAdES signature: cryptographically valid, its digest intact, and covering the whole
  file (pyHanko's validator), and the signature field's unsigned gap (the ``/Contents`` hex)
  holding nothing but the signature and zero padding, so no byte of the file can change
  unnoticed;
- the embedded evidence ``aftale.json`` is there and readable;
- the content hash recomputed from the embedded payload equals the sealed one, and each
  signature's strokes hash to what the seal lists;
- the Ed25519 seal verifies with the public key of the certificate that made the PAdES
  signature, and the evidence names that same certificate;
- with ``trusted_certs`` (the central service's CA) the certificate chains to it; without,
  a self-signed certificate (a device not yet enrolled) is stated plainly, not a failure.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

import click
from asn1crypto import parser as asn1_parser
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from consultant_app.errors import UserError
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import Message

from . import canonical
from .fields import IDENTITY_CHECKS
from .sealing import (
    EVIDENCE_FILE,
    EVIDENCE_FORMAT,
    SEAL_ALGORITHM,
    STATEMENT_FORMAT,
    parse_iso_utc,
)
from .templates import get_template

CTX = "verify"

EXIT_INTACT, EXIT_NOT_INTACT, EXIT_CANNOT_CHECK = 0, 1, 2


class NotAPdf(UserError):
    def __init__(self) -> None:
        super().__init__(Message(CTX, _N(CTX, "Filen er ikke en PDF-fil."), {}))


@dataclass
class SignerInfo:
    name: str
    role: str
    role_label: str
    identity_check: str
    identity_check_label: str
    signed_at: str  # ISO 8601 UTC, as sealed
    device_id: str
    app_version: str


@dataclass
class VerifyReport:
    intact: bool = False
    problems: list[str] = field(default_factory=list)
    signers: list[SignerInfo] = field(default_factory=list)
    agreement_id: str = ""
    agreement_type: str = ""
    title: str = ""
    revision: int = 0
    content_hash: str = ""
    sealed_at: str = ""
    sealing_device: str = ""
    certificate_subject: str = ""
    trust: str = ""  # a plain statement of how far the certificate is trusted

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# -- the PAdES signature --------------------------------------------------------------------
_HEX_GAP = re.compile(rb"<([0-9A-F]*)>\Z")


def _gap_is_clean(data: bytes, byte_range: Sequence[int]) -> bool:
    """The bytes the signature cannot cover (its own /Contents) are exactly ``<HEX>`` in
    pyHanko's upper-case form: the DER signature, then zero padding. Anything else there
    (another hex digit in the padding, a lower-case digit) is a change verification must see."""
    start, length, second = byte_range[0], byte_range[1], byte_range[2]
    if start != 0:
        return False
    match = _HEX_GAP.match(data[length:second])
    if match is None or len(match.group(1)) % 2:
        return False
    contents = bytes.fromhex(match.group(1).decode("ascii"))
    try:
        info = asn1_parser.parse(contents)
    except ValueError:
        return False
    used = len(info[3]) + len(info[4]) + len(info[5])
    return not contents[used:].strip(b"\x00")


def _embedded_evidence(reader: Any) -> bytes | None:
    try:
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
    except (KeyError, TypeError):
        return None
    for i in range(0, len(names) - 1, 2):
        if str(names[i]) == EVIDENCE_FILE:
            return names[i + 1].get_object()["/EF"]["/F"].get_object().data
    return None


def _cert_of(asn1_cert: asn1_x509.Certificate) -> x509.Certificate:
    return x509.load_der_x509_certificate(asn1_cert.dump())


def _load_certs(items: Iterable[bytes | str | x509.Certificate]) -> list[x509.Certificate]:
    found: list[x509.Certificate] = []
    for item in items:
        if isinstance(item, x509.Certificate):
            found.append(item)
            continue
        raw = item.encode("ascii") if isinstance(item, str) else item
        if b"-----BEGIN CERTIFICATE-----" in raw:
            found.extend(x509.load_pem_x509_certificates(raw))
        else:
            found.append(x509.load_der_x509_certificate(raw))
    return found


def _check_pades(data: bytes, reader: Any, trusted: list[x509.Certificate],
                 report: VerifyReport) -> x509.Certificate | None:
    """Check the PAdES signature; the certificate that made it, when it can be read."""
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    problems = report.problems
    signatures = reader.embedded_signatures
    if not signatures:
        problems.append(_N(CTX, "PDF-filen har ingen digital signatur (PAdES); den er ikke "
                                "forseglet eller forseglingen er fjernet."))
        return None
    if len(signatures) > 1:
        problems.append(_N(CTX, "PDF-filen har flere digitale signaturer; en forseglet aftale "
                                "har kun én, så der er tilføjet noget efter forseglingen."))
    embedded = signatures[0]
    signer_cert = embedded.signer_cert
    roots = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
             for c in trusted] or [signer_cert]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    status = validate_pdf_signature(
        embedded, context, skip_diff=True,
        key_usage_settings=KeyUsageConstraints(
            key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False))
    if not status.intact:
        problems.append(_N(CTX, "Filens indhold er ændret efter forseglingen: "
                                "PAdES-signaturens kontrolsum passer ikke."))
    elif not status.valid:
        problems.append(_N(CTX, "PAdES-signaturen er ugyldig: den er ikke lavet med "
                                "certifikatets nøgle."))
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        problems.append(_N(CTX, "PAdES-signaturen dækker ikke hele filen: der er tilføjet "
                                "eller ændret noget efter forseglingen."))
    if not _gap_is_clean(data, embedded.byte_range):
        problems.append(_N(CTX, "Signaturfeltet i filen er ændret efter forseglingen."))
    cert = _cert_of(signer_cert)
    report.certificate_subject = cert.subject.rfc4514_string()
    if trusted:
        if status.trusted:
            report.trust = _N(CTX, "Enhedens certifikat er udstedt af den betroede tjeneste.")
        else:
            problems.append(_N(CTX, "Enhedens certifikat er ikke udstedt af den betroede "
                                    "tjeneste (--ca)."))
    elif cert.issuer == cert.subject:
        report.trust = _N(CTX, "Selvsigneret/ikke tilmeldt: enhedens certifikat er ikke "
                               "udstedt af den centrale tjeneste. Forseglingen viser at "
                               "dokumentet er uændret, men ikke hvem der ejer enheden.")
    else:
        report.trust = _N(CTX, "Certifikatet er udstedt af {issuer}; kæden er ikke "
                               "kontrolleret (angiv tjenestens rodcertifikat med --ca).") \
            .format(issuer=cert.issuer.rfc4514_string())
    return cert


# -- the evidence and the seal --------------------------------------------------------------
def _role_labels(payload: dict[str, Any]) -> tuple[dict[str, str], str]:
    try:
        template = get_template(str(payload.get("agreement_type")),
                                int(payload.get("template_version") or 0) or None)
    except (KeyError, ValueError):
        return {}, ""
    return {s.role: s.label for s in template.signers}, template.pdf.title


def check_evidence(evidence: Any, public_key: Any, report: VerifyReport) -> None:
    """Check the embedded evidence against itself and the seal (problems added to
    ``report``) and fill in what the report tells about the agreement and its signers."""
    problems = report.problems
    if not isinstance(evidence, dict) or evidence.get("format") != EVIDENCE_FORMAT:
        problems.append(_N(CTX, "Beviset i PDF-filen ({file}) har et ukendt format.")
                        .format(file=EVIDENCE_FILE))
        return
    payload = evidence.get("payload") or {}
    seal = evidence.get("seal") or {}
    statement = seal.get("statement") or {}
    if statement.get("format") != STATEMENT_FORMAT:
        problems.append(_N(CTX, "Forseglingserklæringen mangler eller har et ukendt format."))
        return
    labels, title = _role_labels(payload)
    report.agreement_id = str(statement.get("agreement_id", ""))
    report.agreement_type = str(statement.get("agreement_type", ""))
    report.title = title
    report.revision = int(statement.get("revision") or 0)
    report.content_hash = str(statement.get("content_hash", ""))
    report.sealed_at = str(statement.get("sealed_at", ""))
    report.sealing_device = str(statement.get("device_id", ""))
    for entry in statement.get("signatures", []):
        check = str(entry.get("identity_check", ""))
        report.signers.append(SignerInfo(
            name=str(entry.get("signer_name", "")), role=str(entry.get("role", "")),
            role_label=labels.get(entry.get("role"), str(entry.get("role", ""))),
            identity_check=check, identity_check_label=IDENTITY_CHECKS.get(check, check),
            signed_at=str(entry.get("signed_at", "")),
            device_id=str(entry.get("device_id", "")),
            app_version=str(entry.get("app_version", ""))))

    # The seal first: it says whether the statement the rest is compared with is genuine.
    try:
        signature = base64.b64decode(seal.get("signature", ""), validate=True)
        if seal.get("algorithm") != SEAL_ALGORITHM or public_key is None:
            raise InvalidSignature
        public_key.verify(signature, canonical.canonical_json(statement))
    except (InvalidSignature, ValueError, TypeError):
        problems.append(_N(CTX, "Forseglingen (enhedens Ed25519-segl) passer ikke: "
                                "forseglingserklæringen er ændret eller lavet med en anden "
                                "nøgle."))

    if canonical.content_hash(payload) != statement.get("content_hash"):
        problems.append(_N(CTX, "Aftalens indhold er ændret: indholdet i beviset giver ikke "
                                "den forseglede hash."))
    for key in ("agreement_id", "agreement_type", "template_version", "revision"):
        if payload.get(key) != statement.get(key):
            problems.append(_N(CTX, "Beviset og forseglingen er ikke om den samme aftale "
                                    "({key}).").format(key=key))
            break

    sealed = statement.get("signatures", [])
    given = evidence.get("signatures", [])
    if len(sealed) != len(given):
        problems.append(_N(CTX, "Beviset har {given} underskrifter, forseglingen {sealed}.")
                        .format(given=len(given), sealed=len(sealed)))
    for entry, item in zip(sealed, given):
        who = _N(CTX, "{name} ({role})").format(
            name=entry.get("signer_name", ""),
            role=labels.get(entry.get("role"), entry.get("role", "")))
        strokes_hash = hashlib.sha256(canonical.canonical_json(item.get("strokes") or {})) \
            .hexdigest()
        if strokes_hash != entry.get("strokes_sha256"):
            problems.append(_N(CTX, "Underskriften fra {who} er ændret: stregerne passer ikke "
                                    "med forseglingen.").format(who=who))
        if any(item.get(k) != entry.get(k) for k in entry if k != "strokes_sha256"):
            problems.append(_N(CTX, "Oplysningerne om underskriften fra {who} passer ikke med "
                                    "forseglingen.").format(who=who))
        if entry.get("content_hash") != statement.get("content_hash"):
            problems.append(_N(CTX, "Underskriften fra {who} er givet på et andet indhold end "
                                    "det forseglede.").format(who=who))


def verify_pdf(data: bytes, trusted_certs: Iterable[bytes | str | x509.Certificate] = ()
               ) -> VerifyReport:
    """Verify a sealed agreement PDF offline (see the module docstring). ``trusted_certs``:
    the central service's CA certificate(s), PEM or DER. Raises NotAPdf for a file that is
    not a PDF; any other damage is reported in ``problems``."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    if b"%PDF-" not in data[:1024]:
        raise NotAPdf()
    report = VerifyReport()
    trusted = _load_certs(trusted_certs)
    try:
        reader = PdfFileReader(io.BytesIO(data))
        cert = _check_pades(data, reader, trusted, report)
        evidence_bytes = _embedded_evidence(reader)
    except Exception:  # noqa: BLE001 - any parse failure means the file is damaged
        report.problems.append(_N(CTX, "PDF-filen er beskadiget og kan ikke læses som en "
                                       "forseglet aftale."))
        return report
    if evidence_bytes is None:
        report.problems.append(_N(CTX, "Beviset ({file}) mangler i PDF-filen.")
                               .format(file=EVIDENCE_FILE))
        return report
    try:
        evidence = json.loads(evidence_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        report.problems.append(_N(CTX, "Beviset ({file}) i PDF-filen kan ikke læses.")
                               .format(file=EVIDENCE_FILE))
        return report
    seal = evidence.get("seal") if isinstance(evidence, dict) else None
    public_key = None
    if cert is not None:
        public_key = cert.public_key()
        if not isinstance(public_key, ed25519.Ed25519PublicKey):
            report.problems.append(_N(CTX, "PAdES-signaturen er ikke lavet med en "
                                           "Ed25519-enhedsnøgle."))
            public_key = None
        sealed_pem = (seal or {}).get("certificate_pem", "")
        try:
            same = x509.load_pem_x509_certificate(sealed_pem.encode("ascii")) == cert
        except (ValueError, AttributeError):
            same = False
        if not same:
            report.problems.append(_N(CTX, "Forseglingen og PAdES-signaturen er ikke lavet "
                                           "med samme certifikat."))
    check_evidence(evidence, public_key, report)
    report.intact = not report.problems
    return report


# -- the command ----------------------------------------------------------------------------
def _local(text: str) -> str:
    from zoneinfo import ZoneInfo
    try:
        moment = parse_iso_utc(text)
    except ValueError:
        return text
    return moment.astimezone(ZoneInfo("Europe/Copenhagen")).strftime("%d-%m-%Y kl. %H:%M:%S")


def render_report(report: VerifyReport, file_name: str) -> str:
    lines = []
    if report.intact:
        lines.append(_N(CTX, "INTAKT: {file} er uændret siden forseglingen.").format(
            file=file_name))
    else:
        lines.append(_N(CTX, "IKKE INTAKT: {file} kan ikke bekræftes som uændret.").format(
            file=file_name))
        lines += [f"  - {p}" for p in report.problems]
    if report.agreement_id:
        lines.append("")
        lines.append(_N(CTX, "{title}, aftale-id {id}, version {revision}").format(
            title=report.title or report.agreement_type, id=report.agreement_id,
            revision=report.revision))
        lines.append(_N(CTX, "Indholdets SHA-256: {hash}").format(hash=report.content_hash))
    if report.signers:
        lines.append(_N(CTX, "Underskrevet af:"))
        for s in report.signers:
            lines.append(_N(CTX, "  - {name} som {role}, {when} dansk tid ({utc}); identitet: "
                                 "{check}; enhed {device}").format(
                name=s.name, role=s.role_label, when=_local(s.signed_at), utc=s.signed_at,
                check=s.identity_check_label, device=s.device_id))
    if report.sealed_at:
        lines.append(_N(CTX, "Forseglet {when} dansk tid på enhed {device}.").format(
            when=_local(report.sealed_at), device=report.sealing_device))
    if report.trust:
        lines.append(report.trust)
    return "\n".join(lines)


class _Outcome(click.ClickException):
    """The command's exit code (and a message for stderr, if any). A ClickException, so the
    code survives both click's standalone mode and ``consultant-app``'s main, which returns
    ``exit_code`` for these but ignores a ``ctx.exit`` code."""

    def __init__(self, exit_code: int, message: str = ""):
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file: Any = None) -> None:
        if self.message:
            click.echo(self.message, err=True)


@click.command(help="Kontrollér uden netforbindelse at en forseglet aftale (PDF) er uændret, "
                    "og hvem der har underskrevet den.")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Skriv resultatet som JSON.")
@click.option("--ca", "ca_files", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Den centrale tjenestes rodcertifikat (PEM eller DER); kontrollerer også "
                   "certifikatkæden.")
def verify(file: Path, as_json: bool, ca_files: tuple[Path, ...]) -> None:
    """Exit 0 when intact, 1 when not, 2 when the file cannot be checked at all."""
    try:
        data = file.read_bytes()
    except OSError:
        raise _Outcome(EXIT_CANNOT_CHECK, _N(
            CTX, "Fejl: Filen {file} findes ikke eller kan ikke læses.").format(file=file)
        ) from None
    try:
        trusted = [path.read_bytes() for path in ca_files]
        _load_certs(trusted)
    except (OSError, ValueError):
        raise _Outcome(EXIT_CANNOT_CHECK, _N(
            CTX, "Fejl: Rodcertifikatet (--ca) findes ikke eller kan ikke læses.")) from None
    try:
        report = verify_pdf(data, trusted)
    except NotAPdf as exc:
        raise _Outcome(EXIT_CANNOT_CHECK, _N(CTX, "Fejl: {file}: {message}").format(
            file=file, message=exc.message)) from None
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_report(report, file.name))
    if not report.intact:
        raise _Outcome(EXIT_NOT_INTACT)


if __name__ == "__main__":  # pragma: no cover
    verify()
