"""The employers page (page.py) and the open employer (panel.py) with its master data,
contact persons and visits."""

from .page import EmployersPage
from .panel import EmployerPanel

__all__ = ["EmployerPanel", "EmployersPage"]
