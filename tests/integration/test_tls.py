"""TLS between device and service, on loopback: the service serves https with a certificate
its own CA issued (``consultant-server tls-cert``); a device enrolled with ``--ca`` pins that
CA and syncs; a certificate made by anyone else (here: by this test, with its own CA, and one
from the right CA for another host name) is refused with a plain Danish message and nothing
is sent. Plain http is refused for anything but loopback."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from consultant_app.cli import main
from consultant_app.store import Store
from sync.client import credentials
from sync.client.engine import SyncEngine
from sync.client.errors import BadServerUrl, CertificateRefused, UnencryptedRefused
from sync.client.transport import normalise_url
from tests.support.profiles import FAST_KDF, PASSPHRASE
from tests.support.server_process import ServerProcess

REFUSED = "tjenestens certifikat er ikke udstedt af den tjeneste, enheden er tilmeldt"


def _self_made_certificate(folder: Path, host: str = "127.0.0.1") -> tuple[Path, Path]:
    """A CA and a server certificate for ``host`` made here: valid TLS, wrong issuer."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME,
                                            "Consultant App central service CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1))
          .not_valid_after(now + dt.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)]))
            .issuer_name(ca_name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address(host))]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    cert_path, key_path = folder / "fremmed-cert.pem", folder / "fremmed-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM)
                          + ca.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.fixture
def tls_server(tmp_path: Path):
    data = tmp_path / "server-data"
    plain = ServerProcess.sqlite(tmp_path)
    cert, key = data / "tls-cert.pem", data / "tls-key.pem"
    data.mkdir(parents=True)
    plain.admin("tls-cert", "127.0.0.1", "localhost", "--cert", str(cert), "--key", str(key))
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    ca_pem = plain.admin("ca-export")
    proc = ServerProcess(plain.database_url, data, tls=(cert, key),
                         verify=ssl.create_default_context(cadata=ca_pem))
    with proc:
        yield proc, ca_pem


@pytest.mark.slow
def test_a_device_enrolled_with_the_service_ca_pins_it_and_a_wrong_certificate_is_refused(
        tls_server, store: Store, profile_dir: Path, tmp_path: Path, capsys):
    proc, ca_pem = tls_server
    assert proc.base_url.startswith("https://127.0.0.1:")
    served = httpx.get(f"{proc.api}/ca", verify=ssl.create_default_context(cadata=ca_pem))
    assert served.status_code == 200 and served.text == ca_pem
    assert served.headers["content-type"].startswith("application/x-pem-file")

    town = proc.new_municipality("Aarhus")
    # Without --ca the system's CAs are asked, and none of them issued this certificate.
    with Store.create(tmp_path / "anden", "pw", kdf_n=FAST_KDF) as other:
        with pytest.raises(CertificateRefused) as refused:
            SyncEngine(other, use_keyring=False).enroll(
                proc.base_url, proc.add_consultant(town, "Bo Berg"))
        assert REFUSED in str(refused.value.message)
        assert credentials.load(other) is None  # nothing kept

    engine = SyncEngine(store, use_keyring=False)
    result = engine.enroll(proc.base_url, proc.add_consultant(town, "Test Konsulent"),
                           ca_pem=ca_pem)
    assert result.municipality_code == town
    assert credentials.load(store).tls_ca == ca_pem
    engine.sync("test")  # the pinned CA verifies the service
    engine.close()

    # The service now presents a certificate the test made: same address, valid TLS, and
    # a CA with the service CA's name, but not the pinned CA.
    proc.stop()
    proc.tls = _self_made_certificate(tmp_path)
    proc.verify = False
    proc.start()
    with pytest.raises(CertificateRefused) as refused:
        SyncEngine(store, use_keyring=False).sync("test")
    assert str(refused.value.message) == (
        f"Forbindelsen til {proc.base_url} blev afbrudt: {REFUSED} (eller som "
        "rodcertifikatet angiver). Intet er sendt. Kontakt dem, der driver tjenesten.")

    # The same through the command line: one plain line, no traceback.
    store.close()
    code = main(["--profile", str(profile_dir), "--passphrase", PASSPHRASE, "sync", "--quiet"])
    output = capsys.readouterr()
    assert code == 1, output
    assert REFUSED in output.err and "Traceback" not in output.err + output.out


@pytest.mark.slow
def test_a_certificate_from_the_right_ca_for_another_host_is_refused(tls_server, tmp_path):
    proc, ca_pem = tls_server
    other_cert, other_key = tmp_path / "c.pem", tmp_path / "k.pem"
    proc.admin("tls-cert", "sync.example.org", "--cert", str(other_cert), "--key",
               str(other_key))
    proc.stop()
    proc.tls, proc.verify = (other_cert, other_key), False
    proc.start()
    with Store.create(tmp_path / "p", "pw", kdf_n=FAST_KDF) as store:
        town = proc.new_municipality()
        with pytest.raises(CertificateRefused):
            SyncEngine(store, use_keyring=False).enroll(
                proc.base_url, proc.add_consultant(town, "Test Konsulent"), ca_pem=ca_pem)


def test_plain_http_is_refused_except_to_loopback(tmp_path, capsys):
    for url in ("http://127.0.0.1:8765", "http://localhost:8765/", "http://[::1]:8765",
                "http://127.0.0.2:9000", "https://sync.aarhus.dk", "https://10.0.0.5:8443"):
        assert normalise_url(url) == url.rstrip("/")
    for url in ("http://10.0.0.5:8765", "http://sync.aarhus.dk", "http://0.0.0.0:8765",
                "http://127.0.0.1.example.org"):
        with pytest.raises(UnencryptedRefused) as refused:
            normalise_url(url)
        assert "ukrypteret http://" in str(refused.value.message)
    for url in ("ftp://sync.aarhus.dk", "https://", "sync.aarhus.dk"):
        with pytest.raises(BadServerUrl):
            normalise_url(url)

    # Through the command line as a user runs it (main installs its Danish texts; a CliRunner
    # on the bare group would leave click's help option cached in English for later tests).
    code = main(["--profile", str(tmp_path / "p"), "--passphrase", "pw", "enroll", "--server",
                 "http://sync.aarhus.dk", "--code", "ABCD-EFGH-JKLM", "--no-keyring"])
    assert code == 1
    assert "bruger ukrypteret http://. Det er kun tilladt til denne computer" in \
        capsys.readouterr().err
