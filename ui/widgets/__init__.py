"""Reusable widgets that are not pages: the signature pad."""
