"""The compact columns the in-memory ranking (``columnar``) is built from: one small code
per row and the distinct values the codes stand for, byte masks combined as big integers,
and a ranking's order whose ``Assessment``s are built only when shown."""

from __future__ import annotations

import sys
from array import array
from itertools import compress
from typing import Any, Callable, Iterable, Iterator, Sequence

from .facts import MatchFilters
from .reasons import _filter_reasons
from .score import Assessment


class _Column:
    """One column as a small code per row and the distinct values the codes stand for."""

    __slots__ = ("values", "codes")

    def __init__(self, items: Iterable[Any]):
        index: dict[Any, int] = {}
        codes = [index.setdefault(v, len(index)) for v in items]
        self.values = list(index)
        self.codes: Any = bytes(codes) if len(index) <= 256 else array("I", codes)

    def passing(self, ok: Callable[[Any], bool]) -> bytes | None:
        """One byte per row, 1 where ``ok(value)``; None when every row passes."""
        flags = [1 if ok(v) else 0 for v in self.values]
        if all(flags):
            return None
        if isinstance(self.codes, bytes):
            return self.codes.translate(bytes(flags).ljust(256, b"\0"))
        return bytes(map(flags.__getitem__, self.codes))

    def each(self, table: Any, rows: Sequence[int]) -> Iterator[Any]:
        """``table[code]`` for each of ``rows``."""
        return map(table.__getitem__, map(self.codes.__getitem__, rows))


class _Memo(dict):  # type: ignore[type-arg]
    """A dict that computes what it lacks."""

    def __init__(self, compute: Callable[[Any], Any]):
        super().__init__()
        self.compute = compute

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.compute(key)
        return value


def _rows(n: int, masks: Iterable[bytes | None]) -> list[int]:
    acc: int | None = None
    for m in masks:
        if m is not None:
            x = int.from_bytes(m, "little")
            acc = x if acc is None else acc & x
    if acc is None:
        return list(range(n))
    return list(compress(range(n), acc.to_bytes(n, "little")))


def _order(rows: list[int], scores: list[float]) -> tuple[list[int], list[float]]:
    """Best first; ``rows`` ascend by id, and the sort is stable, so ties stay in id order."""
    order = sorted(range(len(rows)), key=scores.__getitem__, reverse=True)
    return [rows[k] for k in order], [scores[k] for k in order]


_S = sys.intern


def _interned(values: tuple[str, ...], seen: dict[tuple[str, ...], tuple[str, ...]]
              ) -> tuple[str, ...]:
    found = seen.get(values)
    if found is None:
        found = seen[values] = tuple(_S(x) for x in values)
    return found


class _Lazy:
    """A ranking's order, with ``Assessment``s built on demand by the core."""

    __slots__ = ("rows", "scores", "make", "distance", "restrictions", "_built")

    def __init__(self, rows: list[int], scores: list[float],
                 make: Callable[[int], Assessment], distance: Callable[[int], float | None],
                 restrictions: Callable[[int], tuple[str, ...]]):
        self.rows, self.scores, self.make = rows, scores, make
        self.distance, self.restrictions = distance, restrictions
        self._built: dict[int, Assessment] = {}

    def at(self, k: int) -> Assessment:
        a = self._built.get(k)
        if a is None:
            a = self._built[k] = self.make(self.rows[k])
            # The fast score and the core's must agree exactly, or the order is not the core's.
            assert a.score == self.scores[k] and not a.excluded, (a, self.scores[k])
        return a

    def view(self, filters: MatchFilters, include_excluded: bool,
             limit: int | None) -> list[Assessment]:
        out: list[Assessment] = []
        hidden: list[Assessment] = []
        active = filters.max_distance_km is not None or filters.only_without_restrictions
        for k, row in enumerate(self.rows):
            if active:
                why = _filter_reasons(self.distance(row), self.restrictions(row), filters)
                if why:
                    if include_excluded:
                        hidden.append(self.at(k).with_exclusions(why))
                    continue
            out.append(self.at(k))
            if limit is not None and len(out) >= limit and not include_excluded:
                return out
        if include_excluded:
            out.extend(hidden)
        return out if limit is None else out[:limit]
