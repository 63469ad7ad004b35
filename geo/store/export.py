"""Exports of the store's filtered layers: GeoPackage, GeoJSON, CSV, and a registry for more.

Every format is a writer ``writer(store, filters, path, **opts) -> dict[str, int]`` (rows
written per layer). :data:`FORMATS` maps a format name to ``"module:function"`` so a new
format (png, svg, pdf, html...) is one line there, or a :func:`register_format` call, and
its module is imported only when that format is asked for.

Layers: ``places`` and ``events`` at their coordinates (rows without any are skipped),
``troops`` at the contributing state's capital (else its label point; organisation-wide
figures have no place and are skipped), ``membership`` as country polygons with their
CSTO status on the day :func:`geo.layers.compose.membership_day` picks (the last day of the
range, today when it is open), the same day the app and the snapshots show.
"""

from __future__ import annotations

import csv
import importlib
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date
from pathlib import Path

from geo.errors import InputError
from geo.store.api import Filters
from geo.store.query import Store

Writer = Callable[..., dict[str, int]]

FORMATS: dict[str, str] = {
    "gpkg": "geo.store.export:write_gpkg",
    "geojson": "geo.store.export:write_geojson",
    "csv": "geo.store.export:write_csv",
    "png": "geo.snapshots.png:write_png",
    "svg": "geo.snapshots.png:write_svg",
    "pdf": "geo.snapshots.png:write_pdf",
    "html": "geo.snapshots.html:write_html",
}
SUFFIXES: dict[str, str] = {".gpkg": "gpkg", ".geojson": "geojson", ".json": "geojson", ".csv": "csv"}
SUFFIXES |= {".png": "png", ".svg": "svg", ".pdf": "pdf", ".html": "html", ".htm": "html"}
LAYERS = ("places", "events", "troops", "membership")
_runtime: dict[str, Writer] = {}


def register_format(name: str, writer: Writer | str, *, suffixes: tuple[str, ...] = ()) -> None:
    """Add (or replace) a format: a writer function or its ``"module:function"`` path."""
    if isinstance(writer, str):
        FORMATS[name] = writer
    else:
        _runtime[name] = writer
    for suffix in suffixes:
        SUFFIXES[suffix.lower()] = name


def formats() -> list[str]:
    return sorted({*FORMATS, *_runtime})


def format_for(path: str | Path, fmt: str | None = None) -> str:
    """The format asked for, else the one the file's suffix names."""
    if fmt:
        if fmt not in formats():
            raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(formats())}")
        return fmt
    found = SUFFIXES.get(Path(path).suffix.lower())
    if not found:
        raise InputError(
            f"cannot tell the format from the file name {str(path)!r}; give --format ({', '.join(formats())})"
        )
    return found


def writer_for(fmt: str) -> Writer:
    fmt = format_for("", fmt)  # names the choices when fmt is unknown
    if fmt in _runtime:
        return _runtime[fmt]
    module, _, function = FORMATS[fmt].partition(":")
    return getattr(importlib.import_module(module), function)


def export(
    store: Store, filters: Filters, path: str | Path, *, fmt: str | None = None, **opts
) -> dict[str, int]:
    """Write the filtered layers to ``path`` in ``fmt`` (default: from the suffix)."""
    return writer_for(format_for(path, fmt))(store, filters, Path(path), **opts)


# -- layers as plain GeoJSON features -------------------------------------------------------


def layer_features(store: Store, filters: Filters, *, layers=LAYERS) -> dict[str, list[dict]]:
    builders = {"places": _place_features, "events": _event_features, "troops": _troop_features}
    out = {name: builders[name](store, filters) for name in layers if name in builders}
    if "membership" in layers:
        from geo.layers.compose import membership_day  # the app's and the snapshots' rule too

        out["membership"] = _membership_features(membership_day(filters))
    return out


def _feature(geometry: dict | None, properties: dict) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def _point(lat, lon) -> dict | None:
    from geo.coords import point

    if lat is None or lon is None:
        return None
    try:
        return point(lat, lon)
    except InputError:
        return None


def _place_features(store: Store, filters: Filters) -> list[dict]:
    features = []
    for row in store.places(filters):
        props = asdict(row)
        geometry = _point(props.pop("lat"), props.pop("lon"))
        if geometry:
            props["surfaces"] = " | ".join(row.surfaces)
            features.append(_feature(geometry, props))
    return features


def _event_features(store: Store, filters: Filters) -> list[dict]:
    features = []
    for row in store.events(filters):
        props = _renamed_id(asdict(row), "event_id")
        geometry = _point(props.pop("lat"), props.pop("lon"))
        if geometry:
            features.append(_feature(geometry, props))
    return features


def _renamed_id(props: dict, name: str) -> dict:
    # one collection holds several layers: a shared "id" property would clash (GDAL takes
    # "id" for the feature id), so each layer names its own
    return {name: props.pop("id"), **props}


def _troop_features(store: Store, filters: Filters) -> list[dict]:
    rows = [row for row in store.troops(filters) if row.country]
    if not rows:
        return []
    locations = _state_locations()
    features = []
    for row in rows:
        where = locations.get(row.country)
        if where:
            (lat, lon), located_at = where
            props = _renamed_id(asdict(row), "troop_id") | {"located_at": located_at}
            features.append(_feature(_point(lat, lon), props))
    return features


def _state_locations() -> dict[str, tuple[tuple[float, float], str]]:
    from geo.boundaries import country_label_points

    found = {iso2: (latlon, "label_point") for iso2, latlon in country_label_points().items()}
    try:
        from geo.layers.troops import capitals
    except ImportError:  # the capitals table is optional; label points always exist
        return found
    found.update({iso2: (latlon, "capital") for iso2, latlon in capitals().items()})
    return found


def _membership_features(on: date) -> list[dict]:
    from geo.boundaries import country_feature_collection
    from geo.membership import statuses_on

    statuses = statuses_on(on)
    collection = country_feature_collection(iso2=set(statuses))
    features = []
    for f in collection["features"]:
        p = f["properties"]
        props = {"iso2": p["iso2"], "name": p.get("name_en"), "name_ar": p.get("name_ar")}
        props |= {"status": statuses[p["iso2"]], "on": on.isoformat()}
        features.append(_feature(f["geometry"], props))
    return features


# -- writers --------------------------------------------------------------------------------


@contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it only when writing succeeded."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    os.unlink(tmp)  # writers create the file themselves (GDAL refuses an existing empty one)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


_GEOMETRY = {"places": "Point", "events": "Point", "troops": "Point", "membership": "MultiPolygon"}


def write_gpkg(store: Store, filters: Filters, path: Path, **_opts) -> dict[str, int]:
    """A GeoPackage with the layers places, events, troops, membership (EPSG:4326)."""
    features = layer_features(store, filters)
    with _atomic(path) as tmp:
        for name in LAYERS:
            _write_gpkg_layer(tmp, name, features[name])
    return {name: len(rows) for name, rows in features.items()}


def _write_gpkg_layer(path: Path, name: str, features: list[dict]) -> None:
    import geopandas as gpd
    import pandas as pd
    from pyogrio import write_dataframe

    if features:
        frame = gpd.GeoDataFrame.from_features(features, crs="EPSG:4326")
        columns = list(features[0]["properties"])
        frame = frame[[*columns, "geometry"]]
    else:
        columns = _empty_columns(name)
        frame = gpd.GeoDataFrame(
            pd.DataFrame({c: pd.Series(dtype="object") for c in columns}), geometry=[], crs="EPSG:4326"
        )
    write_dataframe(
        frame,
        path,
        layer=name,
        driver="GPKG",
        geometry_type=_GEOMETRY[name],
        promote_to_multi=name == "membership",
    )


def _empty_columns(name: str) -> list[str]:
    from dataclasses import fields

    from geo.store.api import EventRow, PlaceRow, TroopRow

    drop = {"lat", "lon"}
    by_layer = {
        "places": [f.name for f in fields(PlaceRow) if f.name not in drop],
        "events": ["event_id"] + [f.name for f in fields(EventRow) if f.name not in drop | {"id"}],
        "troops": ["troop_id"] + [f.name for f in fields(TroopRow) if f.name != "id"] + ["located_at"],
        "membership": ["iso2", "name", "name_ar", "status", "on"],
    }
    return by_layer[name]


def write_geojson(store: Store, filters: Filters, path: Path, **_opts) -> dict[str, int]:
    """One FeatureCollection; each feature's property ``layer`` names its layer."""
    import json

    features = layer_features(store, filters)
    collection = {
        "type": "FeatureCollection",
        "features": [
            {**f, "properties": {"layer": name, **f["properties"]}}
            for name, rows in features.items()
            for f in rows
        ],
    }
    with _atomic(path) as tmp:
        tmp.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    return {name: len(rows) for name, rows in features.items()}


def write_csv(store: Store, filters: Filters, path: Path, **_opts) -> dict[str, int]:
    """Events, one row each, with lat/lon (empty when the event has no place)."""
    from dataclasses import fields

    from geo.store.api import EventRow

    rows = store.events(filters)
    columns = [f.name for f in fields(EventRow)]
    with _atomic(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
        out = csv.DictWriter(handle, fieldnames=columns)
        out.writeheader()
        out.writerows(asdict(row) for row in rows)
    return {"events": len(rows)}
