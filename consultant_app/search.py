"""Full-text search over employers, vacancies and citizens (SQLite FTS5).

The index (table ``search_fts``, kept current by triggers, see migration 0002) holds text
folded by ``fold``: lower case, æ/ø/å written as ae/oe/aa and other accents removed, so
"Århus", "Aarhus" and "aarhus" are one word, as are "Køge" and "Koege". Queries are folded the
same way, and every word is a prefix: "lager" finds "lagermedarbejder".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue",
                         "ß": "ss"})
_WORD = re.compile(r"\w+", re.UNICODE)
KINDS = ("employer", "vacancy", "citizen")


def fold(value: str | None) -> str:
    """Lower-case, Danish letters as two-letter forms, other accents dropped."""
    if not value:
        return ""
    lowered = value.lower().translate(_DANISH)
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fts_query(query: str) -> str:
    """Every word of the user's query as a quoted prefix term, all required ("AND")."""
    words = _WORD.findall(fold(query))
    return " ".join(f'"{w}"*' for w in words)


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: str
    title: str
    subtitle: str


SEARCH_SQL = text(
    "SELECT kind, ref, title, subtitle FROM search_fts "
    "WHERE search_fts MATCH :q {kind_filter} ORDER BY rank LIMIT :limit"
)


def search(session: Session, query: str, kinds: tuple[str, ...] = KINDS,
           limit: int = 20) -> list[SearchHit]:
    q = fts_query(query)
    if not q:
        return []
    kind_filter = ""
    params: dict[str, object] = {"q": q, "limit": limit}
    if set(kinds) != set(KINDS):
        names = [k for k in kinds if k in KINDS]
        kind_filter = "AND kind IN (" + ",".join(f":k{i}" for i in range(len(names))) + ")"
        params.update({f"k{i}": k for i, k in enumerate(names)})
    sql = text(SEARCH_SQL.text.format(kind_filter=kind_filter))
    rows = session.execute(sql, params).all()
    return [SearchHit(*row) for row in rows]
