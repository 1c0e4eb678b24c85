"""The client side of sync: the engine (push, upload, pull, conflicts), its transport, the
token's keeping, the wipe of a revoked device and the background runner. No Qt here."""

from .conflicts import ConflictView, list_conflicts, resolve_conflict
from .engine import EnrollResult, SyncEngine, SyncReport
from .errors import SyncError
from .runner import SyncRunner, SyncStatus, read_status

__all__ = ["ConflictView", "EnrollResult", "SyncEngine", "SyncError", "SyncReport",
           "SyncRunner", "SyncStatus", "list_conflicts", "read_status", "resolve_conflict"]
