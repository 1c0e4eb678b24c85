"""The sync protocol, the client engine and the central service (FastAPI). Imports
consultant_app and forms, never ui (DESIGN.md)."""
