"""CSV import and export (see consultant_app.csvio)."""
