"""Matching citizens and vacancies (see consultant_app.matching)."""
