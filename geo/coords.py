"""The one place that converts between (lat, lon) and GeoJSON's (lon, lat).

The value objects and the store keep ``lat``/``lon``; GeoJSON and shapely want
``[lon, lat]``; Leaflet wants ``[lat, lon]``. Everything that crosses that line
goes through these functions, so the order is stated once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from geo.errors import InputError

LatLon = tuple[float, float]


def checked(lat: float, lon: float) -> LatLon:
    """Return ``(lat, lon)`` as floats, or raise if either is out of range."""
    lat_f, lon_f = float(lat), float(lon)
    if not -90.0 <= lat_f <= 90.0:
        raise InputError(f"latitude {lat!r} is outside -90..90; were lat and lon swapped?")
    if not -180.0 <= lon_f <= 180.0:
        raise InputError(f"longitude {lon!r} is outside -180..180")
    return lat_f, lon_f


def to_geojson(lat: float, lon: float, *, digits: int = 5) -> list[float]:
    """``(lat, lon)`` → GeoJSON position ``[lon, lat]``, rounded (5 digits ≈ 1 m)."""
    lat_f, lon_f = checked(lat, lon)
    return [round(lon_f, digits), round(lat_f, digits)]


def from_geojson(position: Sequence[float]) -> LatLon:
    """GeoJSON position ``[lon, lat, ...]`` → ``(lat, lon)``."""
    if len(position) < 2:
        raise InputError(f"GeoJSON position {list(position)!r} needs at least [lon, lat]")
    return checked(position[1], position[0])


def to_leaflet(lat: float, lon: float) -> list[float]:
    """``(lat, lon)`` → Leaflet's ``[lat, lon]`` (map centre, viewport)."""
    lat_f, lon_f = checked(lat, lon)
    return [lat_f, lon_f]


def point(lat: float, lon: float) -> dict:
    """A GeoJSON Point geometry at ``(lat, lon)``."""
    return {"type": "Point", "coordinates": to_geojson(lat, lon)}


def line(points: Iterable[LatLon]) -> dict:
    """A GeoJSON LineString through ``(lat, lon)`` points."""
    return {"type": "LineString", "coordinates": [to_geojson(lat, lon) for lat, lon in points]}
