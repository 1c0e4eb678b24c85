"""The PySide6 desktop. Talks to the core only through services and one background-operation
helper; holds no SQL and no rules (DESIGN.md)."""
