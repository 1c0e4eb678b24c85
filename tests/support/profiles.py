"""The test profiles' passphrase and key-derivation cost, for tests that open or make a profile
themselves (the ``store`` fixture in tests/conftest.py uses the same)."""

PASSPHRASE = "test-passphrase"
FAST_KDF = 2 ** 10  # scrypt cost for tests only; profiles in use get crypto.DEFAULT_SCRYPT_N
