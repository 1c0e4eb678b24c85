"""The municipality's web console, served by the central service under ``/console``: sign-in
with a password and a second factor, roles, the overview of devices and consultants,
enrollment codes, device revocation and the data-protection pages (web.py; its store,
store.py; what the pages read, overview.py). Stateless: sessions are rows in the database."""

from .web import install

__all__ = ["install"]
