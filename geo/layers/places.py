"""Mentioned places: every place the articles name that no event already marks. Small and quiet."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from geo import coords
from geo.layers.common import LegendEntry, feature, feature_collection, place_key
from geo.store.api import EventRow, PlaceRow

COLOR = "#64748b"


def legend() -> tuple[LegendEntry, ...]:
    return (
        LegendEntry(
            key="place", color=COLOR, label_en="Place named in an article", label_ar="مكان ورد في مقال"
        ),
    )


def build(rows: Sequence[PlaceRow], *, events: Iterable[EventRow] = ()) -> dict:
    """One point per distinct located place (countries excluded: the polygons show them)."""
    # keys are computed once per distinct place, not once per row (100k events name a few hundred places)
    taken = {_key(*p) for p in {(e.geonameid, e.lat, e.lon, e.place_name) for e in events}}
    merged: dict[str, list[PlaceRow]] = {}
    for r in rows:
        if r.lat is None or r.lon is None or r.kind == "country":
            continue
        key = _key(r.geonameid, r.lat, r.lon, r.name)
        if key not in taken:
            merged.setdefault(key, []).append(r)
    return feature_collection(_place_feature(key, group) for key, group in merged.items())


@lru_cache(maxsize=4096)
def _key(geonameid, lat, lon, name) -> str:
    return place_key(geonameid=geonameid, lat=lat, lon=lon, name=name)


def _place_feature(key: str, group: list[PlaceRow]) -> dict:
    first = group[0]
    surfaces = sorted({s for r in group for s in r.surfaces})
    return feature(
        coords.point(first.lat, first.lon),
        kind="place",
        id=key,
        name=first.name or first.name_ar,
        name_ar=first.name_ar or first.name,
        place_kind=first.kind,
        iso2=first.iso2,
        docs=sorted({r.document_id for r in group}),
        surfaces=surfaces,
        color=COLOR,
    )
