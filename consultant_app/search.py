"""Full-text search over employers, vacancies and citizens (SQLite FTS5).

The index (table ``search_fts``, kept current by triggers, see migration 0002) holds text
folded by ``fold``: lower case, æ/ø/å written as ae/oe/aa and other accents removed, so
"Århus", "Aarhus" and "aarhus" are one word, as are "Køge" and "Koege". Queries are folded the
same way, and every word is a prefix: "lager" finds "lagermedarbejder".
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator

from sqlalchemy import text
from sqlalchemy.orm import Session

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue",
                         "ß": "ss"})
_WORD = re.compile(r"\w+", re.UNICODE)
KINDS = ("employer", "vacancy", "citizen")


def fold(value: str | None) -> str:
    """Lower-case, Danish letters as two-letter forms, other accents dropped.

    The search index calls this once per indexed row (100k+ in a first sync), so the common
    cases go first: ASCII text as it is, then æ/ø/å with ``str.replace``, which is several
    times faster than ``str.translate`` with a table of two-letter replacements."""
    if not value:
        return ""
    lowered = value.lower()
    if lowered.isascii():
        return lowered
    lowered = lowered.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    if lowered.isascii():
        return lowered
    lowered = lowered.translate(_DANISH)
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


# The per-row insert triggers of migration 0002, one per kind.
_INSERT_TRIGGERS = tuple(f"{kind}_search_ai" for kind in KINDS)


@contextlib.contextmanager
def deferred_indexing(session: Session) -> Iterator[None]:
    """Index the rows inserted in the block at its end, one INSERT ... SELECT per kind,
    instead of running the insert triggers once per row: for a bulk load of 100k rows that
    saves a third of the time. Only the insert triggers are set aside, inside ``session``'s
    transaction, and restored in it from their own stored SQL, so other connections never
    see the schema without them and a rollback restores them with everything else. The
    update triggers stay; a row inserted and then updated in the block is indexed as it is
    at the end. The documents come from the views the triggers use (migration 0002).
    """
    conn = session.connection()
    marks = ",".join("?" * len(_INSERT_TRIGGERS))
    triggers = conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
        _INSERT_TRIGGERS).all()
    last_docid = conn.exec_driver_sql("SELECT coalesce(max(docid), 0) FROM search_doc").scalar()
    # A row inserted in the block gets a rowid above the largest one now (SQLite takes
    # max(rowid) + 1; nothing is hard-deleted inside the block), so only those rows are looked
    # at: a sync applies page after page to a growing table and must not scan it per page.
    last_rowid = {kind: conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {kind}")
                  .scalar() for kind in KINDS}
    for name, _sql in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')

    def index_and_restore() -> None:
        session.flush()
        for kind in KINDS:
            conn.exec_driver_sql(
                f"INSERT INTO search_doc(kind, ref) SELECT '{kind}', r.id FROM {kind} r "
                f"WHERE r.rowid > ? AND NOT EXISTS "
                f"(SELECT 1 FROM search_doc d WHERE d.ref = r.id) ORDER BY r.rowid",
                (last_rowid[kind],))
        for kind in KINDS:
            conn.exec_driver_sql(
                f"INSERT INTO search_fts(rowid, doc, kind, ref, title, subtitle) "
                f"SELECT d.docid, s.doc, '{kind}', s.ref, s.title, s.subtitle "
                f"FROM search_source_{kind} s JOIN search_doc d ON d.ref = s.ref "
                f"WHERE d.docid > ? AND NOT s.deleted", (last_docid,))
        for _name, sql in triggers:
            conn.exec_driver_sql(sql)

    try:
        yield
    except BaseException:
        # Best effort, for a caller that catches the error and commits anyway; the error
        # itself is what must reach the caller, whose rollback also restores the triggers.
        with contextlib.suppress(Exception):
            index_and_restore()
        raise
    index_and_restore()
