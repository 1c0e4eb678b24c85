"""The central service: a stateless FastAPI app (app.create_app) over its own SQLAlchemy store
(db), with enrollment and tokens (auth), a CA for device certificates (ca), per-field merge
(merge), push/pull (service), CSV imports (imports) and sealed agreements (sealed).
``consultant-server`` (sync.server_cli) is its command line."""
