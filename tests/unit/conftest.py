"""Fixtures of the unit tests: this device's signing identity, and an agreement every party has
signed and the device has sealed (tests/support/signing.py makes them)."""

from __future__ import annotations

import pytest

from consultant_app.device import DeviceIdentity, device_identity
from consultant_app.store import Store
from tests.support.signing import ready_draft, seal, sign_all


@pytest.fixture
def device(store: Store) -> DeviceIdentity:
    return device_identity(store)


@pytest.fixture
def sealed_pdf(store: Store, device: DeviceIdentity) -> tuple[str, bytes]:
    agreement_id = ready_draft(store)
    sign_all(store, agreement_id, device)
    return agreement_id, seal(store, agreement_id, device)
