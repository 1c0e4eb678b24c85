"""Postcode geography, per profile."""

from __future__ import annotations

from functools import lru_cache
from typing import Mapping

from .. import postcodes


# --------------------------------------------------------------------------------------------
# Postcode geography, per profile.
# --------------------------------------------------------------------------------------------
class Geo:
    """Postcode coordinates with distances from one origin to every postcode memoised: a
    ranking asks the same origin once per candidate, so that is one dict lookup each."""

    def __init__(self, coords: Mapping[str, tuple[float, float]]):
        self.coords = dict(coords)
        self._from: dict[str, dict[str, float]] = {}

    def distances_from(self, origin: str) -> dict[str, float]:
        table = self._from.get(origin)
        if table is None:
            here = self.coords.get(origin)
            table = {} if here is None else {
                code: postcodes.haversine_km(here[0], here[1], lat, lon)
                for code, (lat, lon) in self.coords.items()}
            if len(self._from) > 4096:
                self._from.clear()
            self._from[origin] = table
        return table

    def distance(self, a: str, b: str) -> float | None:
        return self.distances_from(a).get(b)


@lru_cache(maxsize=1)
def shipped_geo() -> Geo:
    """The postcodes shipped with the app: the geography of pure calls and tests."""
    return Geo({p.postcode: (p.latitude, p.longitude)
                for p in postcodes.all_postcodes().values()})


