"""Search over employers, vacancies and citizens: whole names first, then full text.

What a consultant types into the search is mostly the start of a name (an employer, a
citizen, a vacancy's title) or of a CVR or P-number, and sometimes words from anywhere in a
record ("lager aarhus"). Ranking every prefix match with FTS5's bm25 served neither: a broad
prefix ("ko", "århus") matches 15-30k documents and bm25 over all of them took 20-55 ms,
and an exact employer name ("Schmidt Lager") came after short citizen documents that
mention "Schmidt". So a search runs in tiers, best first:

1. Names that are, or start with, the query. Every document starts with its record's name
   (employer and citizen name, vacancy title), so FTS5's initial-phrase query (``^``) finds
   them without ranking; the exact name first, then the names that go on from the query,
   shortest first. For a query of digits, CVR and P-numbers that start with it, from the
   employer table's own indexes. Nothing is written for this: the index is as before, and a
   first sync pays nothing for it.
2. The full-text index (``search_fts``, migration 0002): every query word as a prefix, all
   required, ranked by bm25 over at most ``RANK_CAP`` candidates (those with the lowest
   document ids when more match: bm25 among thousands of equally weak matches says little
   and costs much); of those, records whose name has every query word come first, then
   those where the name and the line under it (a vacancy's employer, a citizen's town)
   have them.

The prefix matches of tier 1 take at most half of the list before tier 2's hits, so that
"schmidt" shows both employers called Schmidt and citizens with that surname.

Text is folded by ``fold`` on both sides: lower case, æ/ø/å written as ae/oe/aa (the
Danish transliteration) and other accents removed, so "Århus", "Aarhus" and "aarhus" are
one word, as are "Køge" and "Koege", "Æble" and "aeble". A query that drops the letters to
a single vowel ("arhus", "kobenhavn") does not find them: folding å to "a" everywhere would
make "Aase" and "Ase", or "Haarby" and "Harby", one name, and the index could not tell the
two spellings apart any more.
"""

from __future__ import annotations

import contextlib
import heapq
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe", "ü": "ue",
                         "ß": "ss"})
_WORD = re.compile(r"\w+", re.UNICODE)
KINDS = ("employer", "vacancy", "citizen")
# Tier 2 ranks at most this many full-text candidates with bm25 (about 3 microseconds each).
RANK_CAP = 600
# Tier 1 reads at most this many names that begin with the query's words (to find the
# exact one among them) and that go on from it (to show the shortest first).
EXACT_CAP = 50
PREFIX_CAP = 50
# The largest code (CVR or P-number) a query of digits is looked up as.
_CODE_DIGITS = 10
_CODE_END = "\U0010ffff"  # sorts after every digit: code >= q AND code < q + _CODE_END


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


def name_key(value: str | None) -> str:
    """A name as the search compares it: its folded words joined by single spaces, so
    "Kok & Co" and "kok co" are the same name."""
    return " ".join(_WORD.findall(fold(value)))


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


# The plain plan this module replaced, kept as the benchmark's baseline: bm25 over every match.
SEARCH_SQL = text(
    "SELECT kind, ref, title, subtitle FROM search_fts "
    "WHERE search_fts MATCH :q {kind_filter} ORDER BY rank LIMIT :limit"
)

# Documents start with the record's name (migration 0002's views), so an initial-phrase
# query ("^") finds the names that begin with the query's words; "length(title)" keeps to
# names short enough to be the query itself, or to come right after it.
_NAMES_SQL = ("SELECT kind, ref, title, subtitle FROM search_fts WHERE search_fts MATCH ? "
              "{kind_filter} AND length(title) <= ? LIMIT ?")
_CODES_SQL = (
    "SELECT f.kind, f.ref, f.title, f.subtitle, e.{column} = ? FROM employer e "
    "JOIN search_doc d ON d.ref = e.id JOIN search_fts f ON f.rowid = d.docid "
    "WHERE e.{column} >= ? AND e.{column} < ? ORDER BY e.{column} LIMIT ?")
# One pass over at most RANK_CAP matches, unordered, with each one's bm25 (the name weighs
# nothing extra: tier 1 and the re-ranking below see names).
_CANDIDATES_SQL = ("SELECT rowid, bm25(search_fts) FROM search_fts WHERE search_fts MATCH ? "
                   "{kind_filter} LIMIT ?")
_HITS_SQL = "SELECT rowid, kind, ref, title, subtitle FROM search_fts WHERE rowid IN ({marks})"


def search(session: Session, query: str, kinds: Sequence[str] = KINDS,
           limit: int = 20) -> list[SearchHit]:
    """The records matching ``query``, best first (see the module's docstring)."""
    words = _WORD.findall(fold(query))
    names = [k for k in KINDS if k in kinds]
    if not words or not names or limit <= 0:
        return []
    # The session's own sqlite3 connection, inside its transaction: a search makes four or
    # five statements, and SQLAlchemy's result machinery costs about as much as each of them.
    conn = session.connection().connection.driver_connection
    assert conn is not None
    kinds_sql = "" if len(names) == len(KINDS) else ",".join(f"'{k}'" for k in names)
    kind_filter = f"AND kind IN ({kinds_sql})" if kinds_sql else ""

    # Tier 1: whole names that are or start with the query, and codes for digits.
    key = " ".join(words)
    exact: list[Any] = []
    prefix: list[Any] = []
    names_sql = _NAMES_SQL.format(kind_filter=kind_filter)
    if len(key) > 1:
        # Names that begin with the query's words, exactly the query among them; a name
        # is at most about as long as its key (æ/ø/å fold to two letters, "&" drops out).
        whole = conn.execute(names_sql, (f'^ "{key}"', len(key) + 4, EXACT_CAP)).fetchall()
        exact = [r for r in whole if name_key(r[2]) == key]
        # Names that go on from it, the shortest first; a last word of one letter is matched
        # here rather than in FTS5, which has no one-letter prefix index.
        if len(words[-1]) > 1:
            phrase = f'^ "{key}"*'
        elif len(words) > 1:
            phrase = f'^ "{" ".join(words[:-1])}"'
        else:
            phrase = ""
        if phrase:
            longer = conn.execute(names_sql, (phrase, 10_000, PREFIX_CAP)).fetchall()
            prefix = sorted((r for r in longer if name_key(r[2]).startswith(key)),
                            key=lambda r: len(r[2]))
    digits = "".join(words)
    if digits.isdigit() and len(digits) <= _CODE_DIGITS and "employer" in names:
        codes = [row for column in ("cvr", "p_number") for row in conn.execute(
            _CODES_SQL.format(column=column), (digits, digits, digits + _CODE_END, limit))]
        exact = [r for r in codes if r[4]] + exact
        prefix = [r for r in codes if not r[4]] + prefix

    # Tier 2: the full text, bm25 over a bounded candidate set.
    candidates = conn.execute(_CANDIDATES_SQL.format(kind_filter=kind_filter),
                              (_match(words), RANK_CAP)).fetchall()
    best = [rowid for rowid, _score in heapq.nsmallest(2 * limit, candidates,
                                                      key=lambda c: c[1])]
    found = {}
    if best:
        found = {r[0]: r[1:] for r in conn.execute(
            _HITS_SQL.format(marks=",".join("?" * len(best))), tuple(best)).fetchall()}
    ranked = [found[rowid] for rowid in best if rowid in found]
    ranked.sort(key=lambda r: _shown_rank(r[2], r[3], words))

    half = max(1, limit // 2)
    hits: dict[str, SearchHit] = {}
    for row in (*exact, *prefix[:half], *ranked, *prefix[half:]):
        if len(hits) == limit:
            break
        if row[1] not in hits:
            hits[row[1]] = SearchHit(row[0], row[1], row[2], row[3])
    return list(hits.values())


def _match(words: list[str]) -> str:
    """The FTS5 query: every word a prefix, all required; but a one-letter word beside
    others ("aarhus c", "viby j") is a whole word, since a one-letter prefix reads every
    word of that letter in the index (there is no one-letter prefix index)."""
    alone = len(words) == 1
    return " ".join(f'"{w}"*' if alone or len(w) > 1 else f'"{w}"' for w in words)


def _shown_rank(title: str, subtitle: str, words: list[str]) -> int:
    """0 when the name has every query word, 1 when the name and the line under it have
    them, else 2. The subtitle's separator "·" is dropped before folding: it is the one
    non-Danish character there, and it would send every subtitle down fold's slow path."""
    name_words = _WORD.findall(fold(title))
    if _covers(name_words, words):
        return 0
    return 1 if _covers(name_words + _WORD.findall(fold(subtitle.replace("·", " "))),
                        words) else 2


def _covers(shown: list[str], words: list[str]) -> bool:
    """Whether every query word starts a word shown, each a different one: "kok kok co"
    is covered by a vacancy "Kok" at "Kok & Co", not by the employer "Kok & Co"."""
    left = list(shown)
    for word in sorted(words, key=len, reverse=True):
        match = next((i for i, n in enumerate(left) if n.startswith(word)), None)
        if match is None:
            return False
        del left[match]
    return True


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


def remove_documents(session: Session, kind: str, refs: Sequence[str] | None = None) -> None:
    """Take the documents of records of ``kind`` that are hard-deleted out of the index, in
    ``session``'s transaction (the index has no delete trigger: synced rows are tombstoned,
    not deleted). ``refs`` None removes every document of that kind."""
    conn = session.connection()
    if refs is None:
        conn.exec_driver_sql("DELETE FROM search_fts WHERE kind = ?", (kind,))
        conn.exec_driver_sql("DELETE FROM search_doc WHERE kind = ?", (kind,))
        return
    refs = list(refs)
    for start in range(0, len(refs), 500):
        part = tuple(refs[start:start + 500])
        marks = ",".join("?" * len(part))
        conn.exec_driver_sql(
            "DELETE FROM search_fts WHERE rowid IN (SELECT docid FROM search_doc "
            f"WHERE kind = ? AND ref IN ({marks}))", (kind, *part))
        conn.exec_driver_sql(
            f"DELETE FROM search_doc WHERE kind = ? AND ref IN ({marks})", (kind, *part))


def merge_index(session: Session) -> None:
    """Merge the index's segments: a removed document's words stay in the older segments
    until they are merged (about 0.3 s for 140k documents), which personal data must not."""
    session.connection().exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
