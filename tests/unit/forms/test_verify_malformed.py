"""A verifier that never crashes: malformed evidence inside a PDF whose PAdES signature is
valid over the whole file (so only the evidence checks can catch it), active content, a file
far too large, a damaged file. Each answers "cannot check" (exit 3) or "not intact" (exit 1)
with a reason; never a traceback, never pyHanko's log lines, never exit 0."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consultant_app.cli.common import Context
from forms import verify as V
from tests.support import forgery
from tests.support.signing import evidence_of


ROOT = Path(__file__).resolve().parents[3]


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Set (or with ``...`` delete) the value at a dotted path of the evidence."""
    *parents, last = path.split(".")

    def change(evidence: dict[str, Any]) -> None:
        node: Any = evidence
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if value is ...:
            del node[last]
        elif isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return change


# Each case: evidence as a change of the genuine evidence, or the raw bytes of aftale.json.
RAW = "raw"
CASES: dict[str, tuple[Any, ...]] = {
    "revision-abc": (_set("seal.statement.revision", "abc"), "seal.statement.revision"),
    "revision-1e400": (RAW, lambda text: text.replace('"revision": 1,', '"revision": 1e400,',
                                                      1), "kan ikke læses"),
    "revision-float": (_set("seal.statement.revision", 1.5), "seal.statement.revision"),
    "revision-bool": (_set("seal.statement.revision", True), "seal.statement.revision"),
    "revision-huge": (_set("seal.statement.revision", 10 ** 30), "seal.statement.revision"),
    "revision-negative": (_set("seal.statement.revision", -1), "seal.statement.revision"),
    "template-version-list": (_set("seal.statement.template_version", [1]),
                              "seal.statement.template_version"),
    "statement-as-string": (_set("seal.statement", "forseglet"), "Forseglingserklæringen"),
    "statement-missing": (_set("seal.statement", ...), "Forseglingserklæringen"),
    "seal-null": (_set("seal", None), "Forseglingserklæringen"),
    "signatures-null": (_set("signatures", None), "'signatures'"),
    "sealed-signatures-null": (_set("seal.statement.signatures", None),
                               "seal.statement.signatures"),
    "signature-entry-string": (_set("seal.statement.signatures.0", "x"),
                               "seal.statement.signatures.0"),
    "signer-name-number": (_set("seal.statement.signatures.0.signer_name", 7),
                           "signer_name"),
    "strokes-string": (_set("signatures.1.strokes", "streg"), "signatures.1.strokes"),
    "content-hash-missing": (_set("seal.statement.content_hash", ...), "content_hash"),
    "payload-list": (_set("payload", [1, 2]), "'payload'"),
    "payload-missing": (_set("payload", ...), "'payload'"),
    "certificate-number": (_set("seal.certificate_pem", 5), "certificate_pem"),
    "seal-signature-null": (_set("seal.signature", None), "seal.signature"),
    "format-unknown": (_set("format", "noget-andet"), "ukendt format"),
    "evidence-list": (RAW, lambda text: "[1, 2, 3]", "ukendt format"),
    "evidence-string": (RAW, lambda text: '"aftale"', "ukendt format"),
    "not-json": (RAW, lambda text: text[:200], "kan ikke læses"),
    "nan": (RAW, lambda text: text.replace('"revision": 1,', '"revision": NaN,', 1),
            "kan ikke læses"),
    "digits-5000": (RAW, lambda text: text.replace('"revision": 1,',
                                                   '"revision": ' + "9" * 5000 + ",", 1),
                    "kan ikke læses"),
    "nested-100000": (RAW, lambda text: text.replace(
        '"payload": {', '"payload": {"x": ' + "[" * 100_000 + "]" * 100_000 + ", ", 1),
        "kan ikke læses"),
    "nested-40": (RAW, lambda text: text.replace(
        '"payload": {', '"payload": {"x": ' + "[" * 40 + "]" * 40 + ", ", 1),
        "kan ikke læses"),
    "lone-surrogate": (_set("payload.fields.tasks", "\ud800"), "aldrig skriver"),
    "int-beyond-2^53": (_set("payload.fields.hours_per_week", 2 ** 60), "aldrig skriver"),
}


def _evidence_bytes(pdf: bytes, case: tuple[Any, ...]) -> bytes:
    evidence = evidence_of(pdf)
    if case[0] == RAW:
        text = json.dumps(evidence, ensure_ascii=False, indent=1)
        assert '"revision": 1,' in text and '"payload": {' in text
        return case[1](text).encode("utf-8", "surrogatepass")
    case[0](evidence)
    return json.dumps(evidence).encode("ascii")  # a lone surrogate as the escape \ud800


@pytest.fixture
def rendered(sealed_pdf) -> bytes:
    return forgery.unsigned_part(sealed_pdf[1])


def test_the_genuine_evidence_resealed_by_the_same_device_is_intact(sealed_pdf, rendered,
                                                                    device):
    """The control for the cases below: resealing itself changes nothing verify minds."""
    pdf = forgery.reseal(rendered, evidence_of(sealed_pdf[1]), device)
    report = V.verify_pdf(pdf)
    assert report.outcome == V.UNTRUSTED and report.intact, report.problems


@pytest.mark.parametrize("name", list(CASES))
def test_malformed_evidence_under_a_valid_seal_cannot_be_checked(name, sealed_pdf, rendered,
                                                                 device, tmp_path):
    case = CASES[name]
    pdf = forgery.reseal(rendered, _evidence_bytes(sealed_pdf[1], case), device)
    report = V.verify_pdf(pdf)
    assert report.outcome == V.CANNOT_CHECK, (report.problems, report.cannot_check)
    assert not report.intact and not report.trusted
    assert any(case[-1] in reason for reason in report.cannot_check), report.cannot_check

    path = tmp_path / "aftale.pdf"
    path.write_bytes(pdf)
    result = CliRunner().invoke(V.verify, [str(path)], obj=Context(tmp_path / "ingen", None))
    assert result.exit_code == V.EXIT_CANNOT_CHECK, result.output
    assert result.output.startswith("KAN IKKE KONTROLLERES: aftale.pdf")
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_an_evidence_stream_that_inflates_to_gigabytes_is_not_inflated(sealed_pdf, rendered,
                                                                        device):
    """A 100 KB stream of compressed zeros would be 100 MB of evidence: refused at the bound."""
    pdf = forgery.reseal(rendered, b"{" + b" " * (100 * 1024 * 1024) + b"}", device)
    assert len(pdf) < 2 * 1024 * 1024
    report = V.verify_pdf(pdf)
    assert report.outcome == V.CANNOT_CHECK
    assert report.cannot_check == ["Beviset (aftale.json) i PDF-filen kan ikke læses."]


ACTIVE = {
    "open-action-javascript": (forgery.open_action("app.alert('hej')"), "/J"),
    "launch": (forgery.launch_action, "/Launch"),
    "page-additional-action": (forgery.page_additional_action, "/AA"),
    "javascript-name-tree": (forgery.javascript_name_tree, "/J"),
    "extra-embedded-file": (forgery.extra_file, "faktura.exe"),
}


@pytest.mark.parametrize("name", list(ACTIVE))
def test_active_content_inside_the_seal_is_refused(name, sealed_pdf, rendered, device):
    change, named = ACTIVE[name]
    pdf = forgery.reseal(forgery.with_objects(rendered, change),
                         evidence_of(sealed_pdf[1]), device)
    report = V.verify_pdf(pdf)
    assert report.outcome == V.CANNOT_CHECK, (report.problems, report.cannot_check)
    assert len(report.cannot_check) == 1
    assert "aktivt indhold" in report.cannot_check[0] and named in report.cannot_check[0]


def test_active_content_added_after_sealing_is_not_intact(sealed_pdf):
    pdf = forgery.with_objects(sealed_pdf[1], forgery.open_action("app.alert(1)"))
    report = V.verify_pdf(pdf)
    assert report.outcome == V.NOT_INTACT
    assert any("dækker ikke hele filen" in p for p in report.problems)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(evidence=st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["format", "payload", "seal", "statement", "signatures", "revision",
                         "strokes", "content_hash", "x"]), inner, max_size=5),
    max_leaves=30))
def test_any_json_as_evidence_is_reported_never_raised(evidence, sealed_pdf, device):
    """Fuzz check_evidence with arbitrary JSON grafted into the genuine evidence: it always
    returns a report with a reason, and never finds it intact."""
    genuine = evidence_of(sealed_pdf[1])
    for graft in (evidence, {**genuine, "seal": evidence},
                  {**genuine, "seal": {**genuine["seal"], "statement": evidence}},
                  {**genuine, "signatures": evidence}):
        report = V.VerifyReport()
        V.check_evidence(graft, device.public_key, report)
        assert report.problems or report.cannot_check


# -- size, damage, noise: through the real command ---------------------------------------------
def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "forms.verify", *args], capture_output=True,
                          text=True, timeout=120, cwd=ROOT, check=False,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(cwd),
                               "XDG_DATA_HOME": str(cwd / "data")})


# Peak RSS from VmHWM, which starts afresh at exec (getrusage's ru_maxrss would include the
# forked pytest process before the exec).
MEASURED = """
import re, runpy, sys
sys.argv = ["verify", *sys.argv[1:]]
try:
    runpy.run_module("forms.verify", run_name="__main__", alter_sys=True)
finally:
    status = open("/proc/self/status").read()
    print("peak-rss-kb", re.search(r"VmHWM:\\s+(\\d+)", status).group(1), file=sys.stderr)
"""


def test_a_big_file_is_refused_by_its_size_without_being_read(tmp_path):
    """A 400 MB file (sparse: no disk used) is refused unread. The program alone peaks at
    about 100 MB, so a peak below 250 MB proves the file was not read, whatever the
    machine; a 100 MB file could not tell the two apart (it failed at 101 MB in CI)."""
    big = tmp_path / "stor.pdf"
    with big.open("wb") as fh:
        fh.write(b"%PDF-1.7\n")
        fh.truncate(400 * 1024 * 1024)
    done = subprocess.run([sys.executable, "-c", MEASURED, str(big)], capture_output=True,
                          text=True, timeout=120, cwd=ROOT, check=False)
    assert done.returncode == V.EXIT_CANNOT_CHECK
    message, peak = done.stderr.strip().rsplit("\n", 1)
    assert message.startswith("KAN IKKE KONTROLLERES") and "højst 20 MB" in message
    assert int(peak.split()[1]) * 1024 < 250 * 1024 * 1024


DAMAGED = {
    "truncated": lambda pdf: pdf[: len(pdf) // 2],
    "xref-garbage": lambda pdf: pdf.replace(b"startxref", b"startxref\n99999999\n", 1),
    "objects-garbage": lambda pdf: pdf[:20] + bytes(range(256)) * 40 + pdf[20:],
    "header-only": lambda pdf: b"%PDF-1.7\n%%EOF\n",
    "deep-array": lambda pdf: b"%PDF-1.7\n1 0 obj\n" + b"[" * 100_000 + b"\nendobj\n",
}


@pytest.mark.parametrize("name", list(DAMAGED))
def test_a_damaged_pdf_gives_a_plain_answer_without_pyhanko_noise(name, sealed_pdf,
                                                                   tmp_path):
    path = tmp_path / "aftale.pdf"
    path.write_bytes(DAMAGED[name](sealed_pdf[1]))
    done = _run(str(path), cwd=tmp_path)
    assert done.returncode in (V.EXIT_NOT_INTACT, V.EXIT_CANNOT_CHECK), done.stderr
    assert done.stdout.startswith(("IKKE INTAKT", "KAN IKKE KONTROLLERES")), done.stdout
    assert done.stderr == "", done.stderr  # no traceback, no pyHanko log line
