"""Danish postcodes with town, coordinates and municipality.

Postal code data © GeoNames (www.geonames.org), CC BY 4.0, via
zauberware/postal-codes-json-xml-csv. Modified: columns selected and renamed, 3 non-geographic
codes removed, municipality names normalised. See data/dk_postcodes.SOURCE.md.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

ATTRIBUTION = ("Postal code data © GeoNames (www.geonames.org), CC BY 4.0, "
               "via zauberware/postal-codes-json-xml-csv.")


@dataclass(frozen=True)
class Postcode:
    postcode: str
    town: str
    latitude: float
    longitude: float
    municipality_code: str
    municipality_name: str


@lru_cache(maxsize=1)
def all_postcodes() -> dict[str, Postcode]:
    text = resources.files("consultant_app.data").joinpath("dk_postcodes.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines())
    return {
        r["postcode"]: Postcode(r["postcode"], r["name"], float(r["latitude"]),
                                float(r["longitude"]), r["municipality_code"],
                                r["municipality_name"])
        for r in rows
    }


def lookup(postcode: str | None) -> Postcode | None:
    return all_postcodes().get(postcode or "")


def distance_km(a: str | None, b: str | None) -> float | None:
    """Great-circle distance between two postcodes' points, None when either is unknown."""
    pa, pb = lookup(a), lookup(b)
    if pa is None or pb is None:
        return None
    return haversine_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))
