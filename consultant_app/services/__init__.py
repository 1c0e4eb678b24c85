"""Every change a user can make, as one function that validates, writes and journals.

Each takes the write session first: ``with store.write() as s: create_employer(s, {...})``.
The journal entry is written by the store in the same transaction, so a change is either
saved and queued for sync, or neither. The CLI, the UI's background operations and the CSV
import all call these, and nothing else writes.
"""

from .citizens import (create_citizen, delete_citizen, find_by_cpr, masked_cpr, reveal_cpr,
                       update_citizen)
from .employers import (add_contact, complete_follow_up, create_employer, delete_employer,
                        log_visit, update_contact, update_employer, update_visit)
from .matches import match_history, move_match, propose_match
from .vacancies import create_vacancy, delete_vacancy, update_vacancy

__all__ = [
    "add_contact", "complete_follow_up", "create_citizen", "create_employer", "create_vacancy",
    "delete_citizen", "delete_employer", "delete_vacancy", "find_by_cpr", "log_visit",
    "masked_cpr", "match_history", "move_match", "propose_match", "reveal_cpr",
    "update_citizen", "update_contact", "update_employer", "update_vacancy", "update_visit",
]
