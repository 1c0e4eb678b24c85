"""Widgets and models shared by several pages (Vorta's views/partials/)."""
