"""The device's trust store: which certificate authorities ``verify`` trusts.

A sealed PDF is *trusted* only when the certificate that sealed it chains to one of these CAs.
By default that is the CA of the central service this profile is enrolled with (installed at
enrollment by ``consultant_app.device.install_certificate``, profile key
``device_ca_certificate``); ``consultant-app trust add CA.pem`` adds another municipality's
service CA (profile key ``trusted_ca_certificates``, a JSON list).

Reading the store needs neither the passphrase nor the profile lock (CA certificates are
public, and ``verify`` must work while the desktop program has the profile open): it is a
read-only SQLite query. Changing it goes through the unlocked profile, so only someone who
knows the passphrase can make this device trust a new CA.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import click
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization

from consultant_app.cli.common import Context, default_profile_dir, pass_context
from consultant_app.cli.texts import argument, group, helptext, option, t
from consultant_app.store import DB_FILENAME, Store, settings
from consultant_app.text import QT_TRANSLATE_NOOP as _N
from consultant_app.text import format_date

CTX = "trust"
ENROLLED, ADDED = "enrolled", "added"


@dataclass(frozen=True)
class TrustAnchor:
    certificate: x509.Certificate
    source: str  # ENROLLED (the enrolled service's CA) or ADDED (``trust add``)
    label: str
    added_at: str = ""

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the DER certificate, lower-case hex: what ``trust remove`` takes."""
        return self.certificate.fingerprint(hashes.SHA256()).hex()

    @property
    def pem(self) -> str:
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")


def load_ca_certificates(raw: bytes) -> list[x509.Certificate]:
    """The CA certificates in a PEM (one or more) or DER file; ValueError for anything else,
    including a certificate that is not a CA's (a device's or a server's own)."""
    if b"-----BEGIN CERTIFICATE-----" in raw:
        certs = x509.load_pem_x509_certificates(raw)
    else:
        certs = [x509.load_der_x509_certificate(raw)]
    for cert in certs:
        try:
            is_ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
        except x509.ExtensionNotFound:
            is_ca = False
        if not is_ca:
            raise ValueError("not a CA certificate")
    return certs


def _label(cert: x509.Certificate) -> str:
    names = cert.subject.get_attributes_for_oid(x509.oid.NameOID.COMMON_NAME)
    return str(names[0].value) if names else cert.subject.rfc4514_string()


def _anchors(meta: dict[str, str]) -> list[TrustAnchor]:
    found: list[TrustAnchor] = []
    enrolled = meta.get(settings.DEVICE_CA_CERTIFICATE, "")
    if enrolled:
        try:
            cert = x509.load_pem_x509_certificate(enrolled.encode("ascii"))
            found.append(TrustAnchor(cert, ENROLLED, _label(cert)))
        except ValueError:
            pass  # a damaged row trusts nothing; ``trust list`` shows what is left
    try:
        added = json.loads(meta.get(settings.TRUSTED_CA_CERTIFICATES) or "[]")
    except ValueError:
        added = []
    for item in added if isinstance(added, list) else []:
        try:
            cert = x509.load_pem_x509_certificate(str(item["pem"]).encode("ascii"))
        except (KeyError, TypeError, ValueError):
            continue
        found.append(TrustAnchor(cert, ADDED, str(item.get("label") or _label(cert)),
                                 str(item.get("added_at", ""))))
    unique: dict[str, TrustAnchor] = {}
    for anchor in found:
        unique.setdefault(anchor.fingerprint, anchor)
    return list(unique.values())


def read_trust_store(profile_dir: Path) -> list[TrustAnchor]:
    """The CAs this profile trusts, read without the passphrase or the lock (see the module
    docstring). No profile, or one that cannot be read, trusts nothing."""
    path = Path(profile_dir) / DB_FILENAME
    if not path.is_file():
        return []
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=5)
        try:
            rows = conn.execute("SELECT key, value FROM profile_meta WHERE key IN (?, ?)",
                                (settings.DEVICE_CA_CERTIFICATE,
                                 settings.TRUSTED_CA_CERTIFICATES)).fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []
    return _anchors({str(k): str(v) for k, v in rows})


def trust_store(store: Store) -> list[TrustAnchor]:
    with store.read() as s:
        meta = settings.get_many(s, (settings.DEVICE_CA_CERTIFICATE,
                                     settings.TRUSTED_CA_CERTIFICATES))
    return _anchors(meta)


def _added(store: Store) -> list[dict[str, str]]:
    return [{"pem": a.pem, "label": a.label, "added_at": a.added_at}
            for a in trust_store(store) if a.source == ADDED]


def add(store: Store, certificates: list[x509.Certificate], label: str = "") -> list[TrustAnchor]:
    """Trust ``certificates`` (CA certificates) from now on; the ones already trusted are left
    as they are. Returns the anchors added."""
    known = {a.fingerprint for a in trust_store(store)}
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    new = [TrustAnchor(c, ADDED, label or _label(c), now) for c in certificates]
    new = [a for a in new if a.fingerprint not in known]
    if new:
        items = _added(store) + [{"pem": a.pem, "label": a.label, "added_at": a.added_at}
                                 for a in new]
        with store.write(journal=False) as s:
            settings.put(s, settings.TRUSTED_CA_CERTIFICATES, json.dumps(items))
    return new


def remove(store: Store, fingerprint: str) -> TrustAnchor | None:
    """Stop trusting the added CA whose fingerprint starts with ``fingerprint`` (at least 8
    hex digits); None when there is no such one. The enrolled service's CA is not removed
    here: it goes with the enrollment."""
    wanted = fingerprint.lower().replace(":", "").strip()
    if len(wanted) < 8:
        return None
    matches = [a for a in trust_store(store) if a.source == ADDED
               and a.fingerprint.startswith(wanted)]
    if len(matches) != 1:
        return None
    items = [i for i in _added(store)
             if x509.load_pem_x509_certificate(i["pem"].encode("ascii"))
             .fingerprint(hashes.SHA256()).hex() != matches[0].fingerprint]
    with store.write(journal=False) as s:
        settings.put(s, settings.TRUSTED_CA_CERTIFICATES, json.dumps(items))
    return matches[0]


def profile_dir_of(ctx: click.Context | None) -> Path:
    """The profile of the ``consultant-app`` command line (``--profile``), or the default."""
    found = ctx.find_object(Context) if ctx is not None else None
    return found.profile if found is not None else default_profile_dir()


def _fingerprint_text(fingerprint: str) -> str:
    return ":".join(fingerprint[i:i + 2] for i in range(0, 32, 2)) + "…"


# -- the commands -------------------------------------------------------------------------
@group(help=helptext(CTX, _N(CTX, "Hvilke tjenesters rodcertifikater verify stoler på.")))
def trust() -> None:
    pass


@trust.command("list", help=helptext(CTX, _N(CTX, "Vis de rodcertifikater, profilen stoler på.")))
def trust_list() -> None:
    anchors = read_trust_store(profile_dir_of(click.get_current_context()))
    if not anchors:
        click.echo(t(CTX, _N(CTX, "Profilen stoler ikke på nogen tjeneste endnu. Tilmeld "
                                  "enheden (consultant-app enroll) eller tilføj et "
                                  "rodcertifikat med consultant-app trust add CA.pem.")))
        return
    for a in anchors:
        where = (t(CTX, _N(CTX, "den tjeneste, enheden er tilmeldt")) if a.source == ENROLLED
                 else t(CTX, _N(CTX, "tilføjet {day}"), day=a.added_at))
        click.echo(t(CTX, _N(CTX, "{fingerprint}  {label}  ({where}; gyldig til {day})"),
                     fingerprint=a.fingerprint, label=a.label, where=where,
                     day=format_date(a.certificate.not_valid_after_utc)))


@trust.command("add", help=helptext(CTX, _N(CTX, "Stol på en anden tjenestes rodcertifikat "
                                                 "(PEM eller DER), fx en anden kommunes.")))
@argument("file", type=click.Path(dir_okay=False, path_type=Path))
@option("--label", default="", help=helptext(CTX, _N(CTX, "Et navn for certifikatet (standard: "
                                                          "dets CN).")))
@pass_context
def trust_add(ctx: Context, file: Path, label: str) -> None:
    try:
        certificates = load_ca_certificates(file.read_bytes())
    except OSError:
        raise click.ClickException(t(CTX, _N(CTX, "Filen {file} findes ikke eller kan ikke "
                                                  "læses."), file=file)) from None
    except ValueError:
        raise click.ClickException(t(CTX, _N(CTX, "{file} er ikke et rodcertifikat (PEM eller "
                                                  "DER med CA:TRUE)."), file=file)) from None
    with ctx.open() as store:
        added = add(store, certificates, label)
    for a in added:
        click.echo(t(CTX, _N(CTX, "Tilføjet: {label}, fingeraftryk {fingerprint}"),
                     label=a.label, fingerprint=_fingerprint_text(a.fingerprint)))
    if not added:
        click.echo(t(CTX, _N(CTX, "Certifikatet er allerede betroet; intet er ændret.")))


@trust.command("remove", help=helptext(CTX, _N(CTX, "Stop med at stole på et tilføjet "
                                                    "rodcertifikat (angiv fingeraftrykket fra "
                                                    "'trust list', mindst 8 tegn).")))
@argument("fingerprint")
@pass_context
def trust_remove(ctx: Context, fingerprint: str) -> None:
    with ctx.open() as store:
        removed = remove(store, fingerprint)
    if removed is None:
        raise click.ClickException(t(CTX, _N(
            CTX, "Intet tilføjet rodcertifikat har fingeraftrykket {fingerprint} (mindst 8 "
                 "tegn, se consultant-app trust list). Den tilmeldte tjenestes rodcertifikat "
                 "følger tilmeldingen og fjernes ikke her."), fingerprint=fingerprint))
    click.echo(t(CTX, _N(CTX, "Fjernet: {label}"), label=removed.label))


@group(help=helptext(CTX, _N(CTX, "Den centrale tjenestes rodcertifikat.")))
def ca() -> None:
    pass


@ca.command("export", help=helptext(CTX, _N(CTX, "Skriv rodcertifikatet for den tjeneste, "
                                                 "enheden er tilmeldt (PEM), så andre kan "
                                                 "bruge det med verify --ca.")))
@option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
        help=helptext(CTX, _N(CTX, "Filen der skrives (standard: skærmen).")))
def ca_export(output: Path | None) -> None:
    anchors = [a for a in read_trust_store(profile_dir_of(click.get_current_context()))
               if a.source == ENROLLED]
    if not anchors:
        raise click.ClickException(t(CTX, _N(CTX, "Enheden er ikke tilmeldt en central "
                                                  "tjeneste, så der er intet rodcertifikat at "
                                                  "eksportere.")))
    if output is None:
        sys.stdout.write(anchors[0].pem)
        return
    try:
        output.write_text(anchors[0].pem, encoding="ascii")
    except OSError as exc:
        raise click.ClickException(t(CTX, _N(CTX, "Filen {file} kan ikke skrives: {reason}."),
                                     file=output, reason=exc.strerror)) from None
    click.echo(t(CTX, _N(CTX, "Rodcertifikatet ({label}) er skrevet til {file}."),
                 label=anchors[0].label, file=output))


__all__ = ["TrustAnchor", "add", "ca", "load_ca_certificates", "read_trust_store", "remove",
           "trust", "trust_store"]
