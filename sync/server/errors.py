"""The one error type of the service: an HTTP status, a code and a Danish message
(sent as ``{"detail": {"code": ..., "message": ...}}``, protocol.ErrorBody)."""

from __future__ import annotations


class ServiceError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def body(self) -> dict[str, dict[str, str]]:
        return {"detail": {"code": self.code, "message": self.message}}
