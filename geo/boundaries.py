"""Country polygons and label points from ``data/boundaries`` (built by scripts/build_boundaries.py).

Files are read on first use and cached per path; nothing happens at import time. Every
function takes an optional keyword-only ``path`` (or ``boundaries_dir``) so tests and other
data directories can be used; by default the files come from
:attr:`geo.settings.Settings.boundaries_dir`.

Coordinates: GeoJSON and the GeoDataFrame are (lon, lat) as GeoJSON requires;
:func:`country_label_points` gives (lat, lon) as the rest of the library does.
"""

from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import DataFileError

if TYPE_CHECKING:
    import geopandas as gpd

GEOJSON_NAME = "countries.geojson"
CSV_NAME = "countries.csv"
CSV_COLUMNS = ("iso2", "iso3", "name_en", "name_ar", "label_lat", "label_lon")
POLYGONAL = ("Polygon", "MultiPolygon")
REBUILD_HINT = "rebuild it with: python scripts/build_boundaries.py"


@dataclass(frozen=True, slots=True)
class CountryRecord:
    """One row of countries.csv."""

    iso2: str
    iso3: str
    name_en: str
    name_ar: str
    label_lat: float
    label_lon: float


def _boundaries_dir(boundaries_dir: Path | None) -> Path:
    if boundaries_dir is not None:
        return Path(boundaries_dir)
    from geo.settings import get_settings

    return get_settings().boundaries_dir


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(f"{path}: boundaries file not found; {REBUILD_HINT}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot be read as UTF-8 text ({exc}); {REBUILD_HINT}") from exc


# ---------------------------------------------------------------- GeoJSON


def _check_iso2(value: object, where: str) -> str:
    if not (isinstance(value, str) and len(value) == 2 and value.isalpha() and value.isupper()):
        raise DataFileError(f"{where}: iso2 must be two capital letters, got {value!r}; {REBUILD_HINT}")
    return value


def _check_label(props: dict, key: str, where: str) -> None:
    value = props.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise DataFileError(f"{where}: {key} must be a number, got {value!r}; {REBUILD_HINT}")


def _check_feature(feature: object, where: str) -> str:
    if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
        raise DataFileError(f"{where}: not a GeoJSON Feature with properties; {REBUILD_HINT}")
    props = feature["properties"]
    iso2 = _check_iso2(props.get("iso2"), where)
    for key in ("iso3", "name_en", "name_ar"):
        if not isinstance(props.get(key), str) or not props[key]:
            raise DataFileError(f"{where} ({iso2}): property {key} is missing or empty; {REBUILD_HINT}")
    for key in ("label_lat", "label_lon"):
        _check_label(props, key, f"{where} ({iso2})")
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict) or geometry.get("type") not in POLYGONAL:
        raise DataFileError(f"{where} ({iso2}): geometry must be a Polygon or MultiPolygon; {REBUILD_HINT}")
    return iso2


def _parse_collection(path: Path) -> dict:
    text = _read_text(path)
    try:
        collection = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(
            f"{path}: line {exc.lineno}, column {exc.colno}: invalid JSON ({exc.msg}); {REBUILD_HINT}"
        ) from exc
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise DataFileError(f"{path}: expected a GeoJSON FeatureCollection; {REBUILD_HINT}")
    features = collection.get("features")
    if not isinstance(features, list) or not features:
        raise DataFileError(f"{path}: the FeatureCollection has no features; {REBUILD_HINT}")
    seen: set[str] = set()
    for index, feature in enumerate(features):
        iso2 = _check_feature(feature, f"{path}: feature {index}")
        if iso2 in seen:
            raise DataFileError(f"{path}: feature {index}: iso2 {iso2} appears twice; {REBUILD_HINT}")
        seen.add(iso2)
    return collection


@lru_cache(maxsize=4)
def _cached_collection(path: Path) -> dict:
    return _parse_collection(path)


@lru_cache(maxsize=4)
def _cached_frame(path: Path) -> gpd.GeoDataFrame:
    import geopandas as gpd

    features = _cached_collection(path)["features"]
    frame = gpd.GeoDataFrame.from_features(features, crs="EPSG:4326")
    return frame[[*CSV_COLUMNS, "geometry"]]


def load_countries(*, boundaries_dir: Path | None = None) -> gpd.GeoDataFrame:
    """All countries as a GeoDataFrame (EPSG:4326): iso2, iso3, name_en, name_ar, label_lat,
    label_lon, geometry. A fresh copy each call; the file is parsed once."""
    path = _boundaries_dir(boundaries_dir) / GEOJSON_NAME
    return _cached_frame(path.resolve()).copy()


def country_feature_collection(
    *,
    boundaries_dir: Path | None = None,
    iso2: set[str] | frozenset[str] | None = None,
    tolerance: float | None = None,
) -> dict:
    """The countries as a GeoJSON FeatureCollection dict, optionally only the given iso2 codes.

    ``tolerance`` (degrees) simplifies further for a lighter browser payload; it is done as a
    coverage over all countries, so neighbours keep one shared border (per-polygon
    ``simplify`` would open gaps between them). Computed once per tolerance and cached.

    Each call returns new feature and ``properties`` dicts (add styling freely); the
    ``geometry`` dicts are shared with the cache and must be treated as read-only.
    """
    path = (_boundaries_dir(boundaries_dir) / GEOJSON_NAME).resolve()
    if tolerance is None:
        features = _cached_collection(path)["features"]
    else:
        features = _cached_simplified(path, float(tolerance))
    chosen = [f for f in features if iso2 is None or f["properties"]["iso2"] in iso2]
    return {
        "type": "FeatureCollection",
        "features": [{**f, "properties": dict(f["properties"])} for f in chosen],
    }


@lru_cache(maxsize=8)
def _cached_simplified(path: Path, tolerance: float) -> tuple[dict, ...]:
    import shapely
    from shapely.geometry import mapping, shape

    features = _cached_collection(path)["features"]
    originals = [shape(f["geometry"]) for f in features]
    simplified = shapely.coverage_simplify(originals, tolerance)
    # a tiny island can vanish; it keeps its unsimplified outline rather than disappear
    kept = [o if s.is_empty else s for o, s in zip(originals, simplified, strict=True)]
    return tuple({**f, "geometry": _plain(mapping(g))} for f, g in zip(features, kept, strict=True))


def _plain(geometry: dict) -> dict:
    """shapely's mapping() gives nested tuples; JSON encoders and Dash want lists."""

    def walk(value):
        return [walk(v) for v in value] if isinstance(value, (list, tuple)) else value

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


# ---------------------------------------------------------------- CSV


def _record(row: dict, where: str) -> CountryRecord:
    iso2 = _check_iso2(row.get("iso2"), where)
    if not row.get("iso3") or not row.get("name_en") or not row.get("name_ar"):
        raise DataFileError(f"{where} ({iso2}): iso3, name_en and name_ar must not be empty; {REBUILD_HINT}")
    try:
        lat, lon = float(row["label_lat"]), float(row["label_lon"])
    except (TypeError, ValueError) as exc:
        raise DataFileError(
            f"{where} ({iso2}): label_lat/label_lon must be numbers, got "
            f"{row.get('label_lat')!r}, {row.get('label_lon')!r}; {REBUILD_HINT}"
        ) from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DataFileError(f"{where} ({iso2}): label point ({lat}, {lon}) is off the globe; {REBUILD_HINT}")
    return CountryRecord(iso2, row["iso3"], row["name_en"], row["name_ar"], lat, lon)


@lru_cache(maxsize=4)
def _cached_records(path: Path) -> tuple[CountryRecord, ...]:
    reader = csv.DictReader(_read_text(path).splitlines())
    if tuple(reader.fieldnames or ()) != CSV_COLUMNS:
        raise DataFileError(
            f"{path}: header must be {','.join(CSV_COLUMNS)}, got {reader.fieldnames}; {REBUILD_HINT}"
        )
    records = tuple(_record(row, f"{path}: line {reader.line_num}") for row in reader)
    if not records:
        raise DataFileError(f"{path}: no countries; {REBUILD_HINT}")
    return records


def country_records(*, boundaries_dir: Path | None = None) -> tuple[CountryRecord, ...]:
    """Every country in countries.csv (codes, English and Arabic names, label point), by iso2."""
    return _cached_records((_boundaries_dir(boundaries_dir) / CSV_NAME).resolve())


def country_label_points(*, boundaries_dir: Path | None = None) -> dict[str, tuple[float, float]]:
    """{iso2: (lat, lon)}: Natural Earth's label point, inside the country's main polygon."""
    return {r.iso2: (r.label_lat, r.label_lon) for r in country_records(boundaries_dir=boundaries_dir)}


def clear_cache() -> None:
    """Forget parsed files (after a rebuild in the same process)."""
    for cached in (_cached_collection, _cached_frame, _cached_simplified, _cached_records):
        cached.cache_clear()
