"""Helpers shared by the test folders: ways to set up and drive the real parts, not fixtures
(those are in each folder's ``conftest.py``)."""
