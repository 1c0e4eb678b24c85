"""Column types of the local store."""

from __future__ import annotations

from typing import Any

from sqlalchemy import LargeBinary
from sqlalchemy.types import TypeDecorator


class EncryptedText(TypeDecorator[str]):
    """Text stored as AES-GCM ciphertext (see ``crypto.FieldCipher``).

    The cipher belongs to the open profile, not to the column, so it is looked up on the
    engine's dialect, where ``Store`` puts it when it opens the file: one engine per profile,
    and a profile opened with no key cannot read or write these columns at all.
    """

    impl = LargeBinary
    cache_ok = True

    @staticmethod
    def _cipher(dialect: Any):
        cipher = getattr(dialect, "field_cipher", None)
        if cipher is None:
            raise RuntimeError("the profile is locked: no field cipher on this engine")
        return cipher

    def process_bind_param(self, value: str | None, dialect: Any) -> bytes | None:
        if value is None:
            return None
        return self._cipher(dialect).encrypt(value)

    def process_result_value(self, value: bytes | None, dialect: Any) -> str | None:
        if value is None:
            return None
        return self._cipher(dialect).decrypt(value)
