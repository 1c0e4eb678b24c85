"""Verify a sealed agreement offline, from nothing but its PDF (``consultant-app verify``).

Two separate questions, answered separately:

*Is it intact?* (see ``forms.sealing`` for what a seal holds)

- the PAdES signature: cryptographically valid, its digest intact, and covering the whole
  file (pyHanko's validator), and the signature field's unsigned gap (the ``/Contents`` hex)
  holding nothing but the signature and zero padding, so no byte of the file can change
  unnoticed;
- the embedded evidence ``aftale.json`` is there, readable and of the shape sealing writes;
- the content hash recomputed from the embedded payload equals the sealed one, and each
  signature's strokes hash to what the seal lists;
- the Ed25519 seal verifies with the public key of the certificate that made the PAdES
  signature, and the evidence names that same certificate.

*Who sealed it?* Anyone can make a key, a certificate and even a CA certificate carrying the
central service's name, and seal an intact-looking PDF with them. So a PDF is *trusted* only
when its certificate chains (signatures checked, not names compared) to a CA in the trust
store (``forms.trust``: the enrolled service's CA, and others added with ``trust add``) or
given with ``--ca``. The outcome and exit code:

- 0 ``trusted``: intact and sealed by a device a trusted service certified;
- 1 ``not_intact``: something was changed (or removed) after sealing;
- 2 ``untrusted``: intact, but nothing says who sealed it (self-signed, or a CA not trusted);
- 3 ``cannot_check``: the file is not a sealed agreement this program can check (not a PDF,
  too large, malformed evidence, active content), with the reason.

Bad input never crashes the check: the evidence is parsed with bounds (size, nesting depth,
finite numbers) and its shape validated before anything reads it, and pyHanko's own log output
stays out of the terminal.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import logging
import math
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import click
from asn1crypto import parser as asn1_parser
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as ShapeError

from consultant_app.errors import UserError
from consultant_app.text import DATE_FORMAT, Message
from consultant_app.cli.texts import argument, command, helptext, option
from consultant_app.text import QT_TRANSLATE_NOOP as _N

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

EXIT_TRUSTED, EXIT_NOT_INTACT, EXIT_UNTRUSTED, EXIT_CANNOT_CHECK = 0, 1, 2, 3
TRUSTED, NOT_INTACT, UNTRUSTED, CANNOT_CHECK = "trusted", "not_intact", "untrusted", \
    "cannot_check"
EXIT_CODES = {TRUSTED: EXIT_TRUSTED, NOT_INTACT: EXIT_NOT_INTACT, UNTRUSTED: EXIT_UNTRUSTED,
              CANNOT_CHECK: EXIT_CANNOT_CHECK}

# A sealed agreement is a few hundred KB (fonts, drawn signatures, the evidence); 20 MB is far
# above any genuine one and keeps a check's memory bounded (the file is read whole).
MAX_PDF_BYTES = 20 * 1024 * 1024
MAX_EVIDENCE_BYTES = 5 * 1024 * 1024
MAX_EVIDENCE_DEPTH = 32  # sealing writes 6 levels (signatures → strokes → stroke → point)
MAX_PDF_OBJECTS = 50_000

# pyHanko logs what it meets in a damaged file (and tracebacks at DEBUG); with no handler of
# its own Python's last-resort handler would print WARNINGs to the terminal.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False


class NotAPdf(UserError):
    def __init__(self) -> None:
        super().__init__(Message(CTX, _N(CTX, "Filen er ikke en PDF-fil."), {}))


class TooLarge(UserError):
    def __init__(self, size: int) -> None:
        super().__init__(Message(CTX, _N(
            CTX, "Filen er {size} MB; en forseglet aftale er højst {limit} MB, så den "
                 "kontrolleres ikke."),
            {"size": f"{size / 2 ** 20:.0f}", "limit": f"{MAX_PDF_BYTES / 2 ** 20:.0f}"}))


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
    intact: bool = False  # unchanged since sealing (says nothing about who sealed it)
    trusted: bool = False  # sealed with a certificate that chains to a trusted CA
    problems: list[str] = field(default_factory=list)  # what shows it is not intact
    cannot_check: list[str] = field(default_factory=list)  # why it cannot be checked
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

    @property
    def outcome(self) -> str:
        if self.problems:
            return NOT_INTACT
        if self.cannot_check:
            return CANNOT_CHECK
        return TRUSTED if self.trusted else UNTRUSTED

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.outcome]

    def to_dict(self) -> dict[str, Any]:
        return {"outcome": self.outcome, **asdict(self)}


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
    return not contents[used:].strip(b"\x00") and _fills_exactly(contents[:used])


_MAX_DER_DEPTH = 64  # a CMS with its certificates nests about 12 levels


def _fills_exactly(der: bytes, depth: int = 0) -> bool:
    """Every constructed value of ``der`` holds exactly its children: none is an
    end-of-contents marker (two zero bytes), so no length was made longer to take in zeros
    of the padding, which the signature's parsers pass over."""
    if depth > _MAX_DER_DEPTH:
        return False
    try:
        cls, method, tag, _, contents, _ = asn1_parser.parse(der, strict=True)
    except ValueError:
        return False
    if cls == 0 and tag == 0:
        return False
    if method != 1:
        return True
    at = 0
    while at < len(contents):
        try:
            size = asn1_parser.peek(contents[at:])
        except ValueError:
            return False
        if not _fills_exactly(contents[at:at + size], depth + 1):
            return False
        at += size
    return True


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


def _common_name(name: x509.Name) -> str:
    names = name.get_attributes_for_oid(x509.oid.NameOID.COMMON_NAME)
    return str(names[0].value) if names else name.rfc4514_string()


def _issuer_label(cert: x509.Certificate, trusted: list[x509.Certificate]) -> str:
    """The trusted CA that issued ``cert`` directly, by its common name; the issuer's name
    otherwise (a longer chain)."""
    for ca in trusted:
        try:
            cert.verify_directly_issued_by(ca)
            return _common_name(ca.subject)
        except (ValueError, TypeError, InvalidSignature):
            continue
    return _common_name(cert.issuer)


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _carried_certificates_sound(embedded: Any, signer: x509.Certificate,
                                trusted: list[x509.Certificate]) -> bool:
    """The certificates the signature carries are the signer's and its issuers', each as its
    issuer signed it. The CMS certificate set is outside what the signature covers, so a
    byte changed in the carried copy of the CA certificate, or a certificate added to the
    set, is seen only here: the chain from the signer upward must take in every carried
    certificate, and a self-signed top must verify its own signature."""
    carried = []
    for choice in embedded.signed_data["certificates"] or ():
        if choice.name != "certificate":
            return False
        carried.append(_cert_of(choice.chosen))
    chain, current = [signer], signer
    while current.issuer != current.subject:
        issuer = next((c for c in carried if c not in chain and _issued_by(current, c)), None)
        if issuer is None:
            # The chain goes on outside the file: from the signer itself (the trust check
            # judges it), or from a carried CA only under a trusted one.
            if current is not signer and not any(_issued_by(current, t) for t in trusted):
                return False
            break
        chain.append(issuer)
        current = issuer
    else:
        if not _issued_by(current, current):
            return False
    return all(cert in chain for cert in carried)  # certificates compare by their DER bytes


def _signature_structure_sound(embedded: Any) -> bool:
    """The parts of the CMS that no signature covers (its version numbers, its list of
    digest algorithms) are as the sealing wrote them: one signer, identified by issuer and
    serial number (so both versions are 1, RFC 5652 5.1 and 5.3), and the list names exactly
    the signer's digest algorithm. Every field must also parse."""
    try:
        signed = embedded.signed_data
        _ = signed.native  # parses every field
        [info] = signed["signer_infos"]
        return (signed["version"].native == "v1" and info["version"].native == "v1"
                and [a.dump() for a in signed["digest_algorithms"]]
                == [info["digest_algorithm"].dump()])
    except (ValueError, TypeError, KeyError):
        return False


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
    # Only the trust store's CAs are roots; certificates the PDF itself carries (a forger's
    # CA with the service's name among them) can at most be intermediates that must chain.
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
    if not _signature_structure_sound(embedded):
        problems.append(_N(CTX, "PAdES-signaturens opbygning er ændret efter forseglingen."))
    if not _carried_certificates_sound(embedded, cert, trusted):
        problems.append(_N(CTX, "Et certifikat i PAdES-signaturen er ændret eller tilføjet "
                                "efter forseglingen."))
    report.certificate_subject = cert.subject.rfc4514_string()
    report.trusted = bool(trusted) and bool(status.trusted)
    if report.trusted:
        report.trust = _N(CTX, "Betroet: forseglet af en enhed, som {issuer} har udstedt "
                               "certifikat til.").format(issuer=_issuer_label(cert, trusted))
    elif cert.issuer == cert.subject:
        report.trust = _N(CTX, "Ikke betroet: enhedens certifikat er selvsigneret (enheden "
                               "var ikke tilmeldt en central tjeneste). Forseglingen viser at "
                               "dokumentet er uændret, men ikke hvem der har forseglet det.")
    else:
        report.trust = _N(CTX, "Ikke betroet: enhedens certifikat siger, at det er udstedt af "
                               "'{issuer}', men det kan ikke føres tilbage til et betroet "
                               "rodcertifikat. Alle kan lave et certifikat med et hvilket "
                               "som helst navn; kun kæden til et betroet rodcertifikat "
                               "viser, hvem der har forseglet.") \
            .format(issuer=_common_name(cert.issuer))
    if not trusted:
        report.trust += " " + _N(CTX, "Der er ingen betroede rodcertifikater: tilmeld "
                                      "enheden, tilføj tjenestens rodcertifikat med "
                                      "'consultant-app trust add CA.pem', eller angiv det "
                                      "med --ca.")
    return cert


# -- what a sealed agreement never holds ----------------------------------------------------
# Actions a viewer would run, and places that carry code, media or other files.
_ACTIVE_KEYS = {"/JS", "/JavaScript", "/AA", "/XFA", "/RichMedia"}
_ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR",
                   "/GoToE", "/Rendition", "/RichMediaExecute", "/URI", "/Sound", "/Movie"}
_ACTIVE_SUBTYPES = {"/FileAttachment", "/RichMedia", "/Movie", "/Sound", "/Screen", "/3D"}


def _active_content(reader: Any) -> str | None:
    """The first active content reachable from the document catalog (a script, an action
    that runs or opens something, a file other than the evidence), named; None when there is
    none. Walks dictionaries and arrays without decoding any stream."""
    from pyhanko.pdf_utils import generic

    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [reader.trailer.raw_get("/Root")]
    while stack:
        obj = stack.pop()
        if isinstance(obj, generic.IndirectObject):
            ref = (obj.idnum, obj.generation)
            if ref in seen:
                continue
            seen.add(ref)
            if len(seen) > MAX_PDF_OBJECTS:
                return _N(CTX, "mere end {count} objekter").format(count=MAX_PDF_OBJECTS)
            obj = obj.get_object()
        if isinstance(obj, generic.DictionaryObject):
            for key in list(obj.keys()):
                value = obj.raw_get(key)
                if key == "/EmbeddedFiles":
                    tree = value.get_object()
                    names = tree["/Names"] if isinstance(tree, generic.DictionaryObject) \
                        and "/Names" in tree else None
                    files = [str(names[i]) for i in range(0, len(names), 2)] \
                        if isinstance(names, generic.ArrayObject) else ["?"]
                    if files != [EVIDENCE_FILE]:
                        return _N(CTX, "vedhæftede filer ud over beviset ({files})").format(
                            files=", ".join(files))
                    continue  # the evidence itself: read and checked on its own
                if key in _ACTIVE_KEYS:
                    return str(key)
                if key == "/S" and value in _ACTIVE_ACTIONS:
                    return str(value)
                if key == "/Subtype" and value in _ACTIVE_SUBTYPES:
                    return str(value)
                if key == "/Type" and value == "/EmbeddedFile":
                    return _N(CTX, "en vedhæftet fil uden for beviset")
                if isinstance(value, (generic.IndirectObject, generic.DictionaryObject,
                                      generic.ArrayObject)):
                    stack.append(value)
        elif isinstance(obj, generic.ArrayObject):
            stack.extend(obj.raw_get(i) for i in range(len(obj)))
    return None


# -- the evidence ---------------------------------------------------------------------------
def _embedded_evidence(reader: Any) -> bytes | None:
    """The evidence file's bytes, decompressed with a bound (a small stream can inflate to
    gigabytes); ValueError when it is larger than MAX_EVIDENCE_BYTES or oddly encoded."""
    from pyhanko.pdf_utils import generic

    try:
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
    except (KeyError, TypeError):
        return None
    for i in range(0, len(names) - 1, 2):
        if str(names[i]) == EVIDENCE_FILE:
            stream = names[i + 1].get_object()["/EF"]["/F"].get_object()
            if not isinstance(stream, generic.StreamObject):
                raise ValueError("not a stream")
            filters = stream.get("/Filter")
            raw = stream.encoded_data
            if filters is None:
                data = raw
            elif filters in ("/FlateDecode", generic.ArrayObject(["/FlateDecode"])) \
                    and "/DecodeParms" not in stream:
                inflater = zlib.decompressobj()
                data = inflater.decompress(raw, MAX_EVIDENCE_BYTES + 1)
            else:
                raise ValueError("unexpected filter")
            if len(data) > MAX_EVIDENCE_BYTES:
                raise ValueError("too large")
            return data
    return None


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number out of range: {text[:20]}")
    return value


def _no_constant(text: str) -> float:
    raise ValueError(f"not a JSON number: {text}")


def _depth(value: Any) -> int:
    """The nesting depth of parsed JSON, iteratively (no recursion to exhaust)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            items: Iterable[Any] = item.values()
        elif isinstance(item, list):
            items = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_EVIDENCE_DEPTH:
            return deepest
        stack.extend((child, depth + 1) for child in items)
    return deepest


def parse_evidence(raw: bytes) -> Any:
    """``aftale.json`` as JSON, or ValueError: not UTF-8, not JSON, numbers that are not
    finite (1e400, NaN), nesting deeper than MAX_EVIDENCE_DEPTH (Python's parser would
    otherwise meet its recursion limit on 100,000 brackets)."""
    try:
        value = json.loads(raw.decode("utf-8"), parse_float=_finite,
                           parse_constant=_no_constant)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    if _depth(value) > MAX_EVIDENCE_DEPTH:
        raise ValueError("nested too deeply")
    return value


class _Shape(BaseModel):
    """Strict: a revision "abc", 1.0 or true is not a revision."""
    model_config = ConfigDict(extra="allow", strict=True)


class _SealedSignature(_Shape):
    role: str
    signer_name: str
    identity_check: str
    signed_at: str
    device_id: str
    app_version: str
    content_hash: str
    strokes_sha256: str


class _GivenSignature(_Shape):
    strokes: dict[str, Any]


class _Statement(_Shape):
    format: str
    agreement_id: str
    agreement_type: str
    template_version: int = Field(ge=0, le=1_000_000)
    revision: int = Field(ge=1, le=1_000_000_000)
    content_hash: str
    signatures: list[_SealedSignature] = Field(max_length=50)
    device_id: str
    app_version: str
    sealed_at: str


class _Seal(_Shape):
    statement: _Statement
    algorithm: str
    signature: str
    certificate_pem: str


class _Evidence(_Shape):
    format: str
    payload: dict[str, Any]
    signatures: list[_GivenSignature] = Field(max_length=50)
    seal: _Seal


def evidence_shape_problem(evidence: Any) -> str | None:
    """Why ``evidence`` is not of the shape sealing writes (naming the first field that is
    wrong), or None when it is. Everything after this may index it without fear."""
    if not isinstance(evidence, dict) or evidence.get("format") != EVIDENCE_FORMAT:
        return _N(CTX, "Beviset i PDF-filen ({file}) har et ukendt format.").format(
            file=EVIDENCE_FILE)
    seal = evidence.get("seal")
    statement = seal.get("statement") if isinstance(seal, dict) else None
    if not isinstance(statement, dict) or statement.get("format") != STATEMENT_FORMAT:
        return _N(CTX, "Forseglingserklæringen mangler eller har et ukendt format.")
    try:
        _Evidence.model_validate(evidence)
    except ShapeError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _N(CTX, "Beviset ({file}) har ikke den form, en forsegling skriver: feltet "
                       "'{field}' mangler eller har en forkert værdi.").format(
            file=EVIDENCE_FILE, field=where)
    return None


# -- the evidence and the seal --------------------------------------------------------------
def _role_labels(statement: dict[str, Any]) -> tuple[dict[str, str], str]:
    try:
        template = get_template(statement["agreement_type"],
                                statement["template_version"] or None)
    except (KeyError, ValueError, TypeError):
        return {}, ""
    return {s.role: s.label for s in template.signers}, template.pdf.title


def check_evidence(evidence: Any, public_key: Any, report: VerifyReport) -> None:
    """Check the embedded evidence against itself and the seal (problems added to
    ``report``) and fill in what the report tells about the agreement and its signers.
    Evidence not of the shape sealing writes is a reason it cannot be checked."""
    reason = evidence_shape_problem(evidence)
    if reason is not None:
        report.cannot_check.append(reason)
        return
    try:
        _check_evidence(evidence, public_key, report)
    except (ValueError, TypeError, UnicodeError, RecursionError, OverflowError):
        # Values JSON can hold but canonical JSON cannot (a lone surrogate, an integer
        # beyond 2^53): sealing never writes them.
        report.cannot_check.append(_N(CTX, "Beviset ({file}) indeholder værdier, som en "
                                           "forsegling aldrig skriver.").format(
            file=EVIDENCE_FILE))


def _check_evidence(evidence: dict[str, Any], public_key: Any, report: VerifyReport) -> None:
    problems = report.problems
    payload = evidence["payload"]
    seal = evidence["seal"]
    statement = seal["statement"]
    labels, title = _role_labels(statement)
    report.agreement_id = statement["agreement_id"]
    report.agreement_type = statement["agreement_type"]
    report.title = title
    report.revision = statement["revision"]
    report.content_hash = statement["content_hash"]
    report.sealed_at = statement["sealed_at"]
    report.sealing_device = statement["device_id"]
    for entry in statement["signatures"]:
        check = entry["identity_check"]
        report.signers.append(SignerInfo(
            name=entry["signer_name"], role=entry["role"],
            role_label=labels.get(entry["role"], entry["role"]),
            identity_check=check, identity_check_label=IDENTITY_CHECKS.get(check, check),
            signed_at=entry["signed_at"], device_id=entry["device_id"],
            app_version=entry["app_version"]))

    # The seal first: it says whether the statement the rest is compared with is genuine.
    try:
        signature = base64.b64decode(seal["signature"], validate=True)
        if seal["algorithm"] != SEAL_ALGORITHM or public_key is None:
            raise InvalidSignature
        public_key.verify(signature, canonical.canonical_json(statement))
    except (InvalidSignature, ValueError, TypeError):
        problems.append(_N(CTX, "Forseglingen (enhedens Ed25519-segl) passer ikke: "
                                "forseglingserklæringen er ændret eller lavet med en anden "
                                "nøgle."))

    if canonical.content_hash(payload) != statement["content_hash"]:
        problems.append(_N(CTX, "Aftalens indhold er ændret: indholdet i beviset giver ikke "
                                "den forseglede hash."))
    for key in ("agreement_id", "agreement_type", "template_version", "revision"):
        if payload.get(key) != statement[key]:
            problems.append(_N(CTX, "Beviset og forseglingen er ikke om den samme aftale "
                                    "({key}).").format(key=key))
            break

    sealed = statement["signatures"]
    given = evidence["signatures"]
    if len(sealed) != len(given):
        problems.append(_N(CTX, "Beviset har {given} underskrifter, forseglingen {sealed}.")
                        .format(given=len(given), sealed=len(sealed)))
    for entry, item in zip(sealed, given):
        who = _N(CTX, "{name} ({role})").format(
            name=entry["signer_name"], role=labels.get(entry["role"], entry["role"]))
        strokes_hash = hashlib.sha256(canonical.canonical_json(item["strokes"])).hexdigest()
        if strokes_hash != entry["strokes_sha256"]:
            problems.append(_N(CTX, "Underskriften fra {who} er ændret: stregerne passer ikke "
                                    "med forseglingen.").format(who=who))
        if any(item.get(k) != entry[k] for k in entry if k != "strokes_sha256"):
            problems.append(_N(CTX, "Oplysningerne om underskriften fra {who} passer ikke med "
                                    "forseglingen.").format(who=who))
        if entry["content_hash"] != statement["content_hash"]:
            problems.append(_N(CTX, "Underskriften fra {who} er givet på et andet indhold end "
                                    "det forseglede.").format(who=who))


def _check_seal_certificate(evidence: dict[str, Any], cert: x509.Certificate,
                            report: VerifyReport) -> Any:
    """The PAdES certificate's Ed25519 key, when the evidence names that same certificate."""
    public_key = cert.public_key()
    if not isinstance(public_key, ed25519.Ed25519PublicKey):
        report.problems.append(_N(CTX, "PAdES-signaturen er ikke lavet med en "
                                       "Ed25519-enhedsnøgle."))
        public_key = None
    try:
        same = x509.load_pem_x509_certificate(
            evidence["seal"]["certificate_pem"].encode("ascii")) == cert
    except (ValueError, UnicodeError):
        same = False
    if not same:
        report.problems.append(_N(CTX, "Forseglingen og PAdES-signaturen er ikke lavet "
                                       "med samme certifikat."))
    return public_key


def verify_pdf(data: bytes, trusted_certs: Iterable[bytes | str | x509.Certificate] = ()
               ) -> VerifyReport:
    """Verify a sealed agreement PDF offline (see the module docstring). ``trusted_certs``:
    the CA certificate(s) to trust, PEM or DER; none trusts nobody (the outcome is at best
    ``untrusted``). Raises NotAPdf for a file that is not a PDF and TooLarge above
    MAX_PDF_BYTES; everything else is in the report."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    if len(data) > MAX_PDF_BYTES:
        raise TooLarge(len(data))
    if b"%PDF-" not in data[:1024]:
        raise NotAPdf()
    report = VerifyReport()
    trusted = _load_certs(trusted_certs)
    try:
        reader = PdfFileReader(io.BytesIO(data))
        cert = _check_pades(data, reader, trusted, report)
        active = _active_content(reader)
    except Exception:  # noqa: BLE001 - any parse failure means the file is damaged
        report.problems.append(_N(CTX, "PDF-filen er beskadiget og kan ikke læses som en "
                                       "forseglet aftale."))
        report.trusted = False
        return report
    if active is not None:
        report.cannot_check.append(_N(CTX, "PDF-filen indeholder aktivt indhold eller andet, "
                                           "som en forseglet aftale aldrig har ({what}).")
                                   .format(what=active))
    try:
        evidence_bytes = _embedded_evidence(reader)
        evidence = None if evidence_bytes is None else parse_evidence(evidence_bytes)
    except Exception:  # noqa: BLE001 - too large, oddly encoded, not JSON, nested too deep
        report.cannot_check.append(_N(CTX, "Beviset ({file}) i PDF-filen kan ikke læses.")
                                   .format(file=EVIDENCE_FILE))
        return _finish(report)
    if evidence_bytes is None:
        report.cannot_check.append(_N(CTX, "Beviset ({file}) mangler i PDF-filen.")
                                   .format(file=EVIDENCE_FILE))
        return _finish(report)
    reason = evidence_shape_problem(evidence)
    if reason is not None:
        report.cannot_check.append(reason)
        return _finish(report)
    public_key = _check_seal_certificate(evidence, cert, report) if cert is not None else None
    check_evidence(evidence, public_key, report)
    return _finish(report)


def _finish(report: VerifyReport) -> VerifyReport:
    report.intact = not report.problems and not report.cannot_check
    report.trusted = report.trusted and report.intact
    return report


# -- the command ----------------------------------------------------------------------------
def _local(text: str) -> str:
    from zoneinfo import ZoneInfo
    try:
        moment = parse_iso_utc(text)
    except ValueError:
        return text
    return moment.astimezone(ZoneInfo("Europe/Copenhagen")).strftime(f"{DATE_FORMAT} kl. %H:%M:%S")


_HEADLINES = {
    TRUSTED: _N(CTX, "INTAKT OG BETROET: {file} er uændret siden forseglingen og forseglet "
                     "af en enhed, som en betroet tjeneste har certificeret."),
    UNTRUSTED: _N(CTX, "INTAKT, MEN IKKE BETROET: {file} er uændret siden forseglingen, men "
                       "det kan ikke bekræftes, hvem der har forseglet den. Oplysningerne "
                       "nedenfor er ubekræftede."),
    NOT_INTACT: _N(CTX, "IKKE INTAKT: {file} kan ikke bekræftes som uændret."),
    CANNOT_CHECK: _N(CTX, "KAN IKKE KONTROLLERES: {file} kan ikke kontrolleres som en "
                          "forseglet aftale."),
}


def render_report(report: VerifyReport, file_name: str) -> str:
    lines = [_HEADLINES[report.outcome].format(file=file_name)]
    lines += [f"  - {p}" for p in report.problems + report.cannot_check]
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


def _cannot(message: str) -> _Outcome:
    return _Outcome(EXIT_CANNOT_CHECK, _N(CTX, "KAN IKKE KONTROLLERES: {reason}").format(
        reason=message))


@command(help=helptext(CTX, _N(CTX, "Kontrollér uden netforbindelse at en forseglet aftale "
                                    "(PDF) er uændret, og hvem der har forseglet den. "
                                    "Afslutningskode: 0 intakt og betroet, 1 ikke intakt, 2 "
                                    "intakt men ikke betroet, 3 kan ikke kontrolleres.")))
@argument("file", type=click.Path(dir_okay=False, path_type=Path))
@option("--json", "as_json", is_flag=True,
        help=helptext(CTX, _N(CTX, "Skriv resultatet som JSON.")))
@option("--ca", "ca_files", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
        help=helptext(CTX, _N(CTX, "Stol kun på dette rodcertifikat (PEM eller DER) i stedet "
                                   "for profilens betroede tjenester (consultant-app trust "
                                   "list).")))
def verify(file: Path, as_json: bool, ca_files: tuple[Path, ...]) -> None:
    """Exit codes as in the module docstring."""
    from .trust import profile_dir_of, read_trust_store

    try:
        size = file.stat().st_size
        if size > MAX_PDF_BYTES:
            raise TooLarge(size)
        data = file.read_bytes()
    except TooLarge as exc:
        raise _cannot(_N(CTX, "{file}: {message}").format(file=file, message=exc.message)) \
            from None
    except OSError:
        raise _cannot(_N(CTX, "Filen {file} findes ikke eller kan ikke læses.")
                      .format(file=file)) from None
    try:
        trusted: list[Any] = [path.read_bytes() for path in ca_files]
        _load_certs(trusted)
    except (OSError, ValueError):
        raise _cannot(_N(CTX, "Rodcertifikatet (--ca) findes ikke eller kan ikke "
                              "læses.")) from None
    if not ca_files:
        trusted = [a.certificate for a in
                   read_trust_store(profile_dir_of(click.get_current_context()))]
    try:
        report = verify_pdf(data, trusted)
    except (NotAPdf, TooLarge) as exc:
        raise _cannot(_N(CTX, "{file}: {message}").format(file=file, message=exc.message)) \
            from None
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_report(report, file.name))
    if report.exit_code != EXIT_TRUSTED:
        raise _Outcome(report.exit_code)


if __name__ == "__main__":  # pragma: no cover
    verify()
