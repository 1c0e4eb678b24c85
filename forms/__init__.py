"""Agreement templates, rule sets by effective date, validation, prefill, PDF rendering,
signing and sealing. Imports consultant_app, never ui (DESIGN.md)."""
